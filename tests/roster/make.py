#!/usr/bin/env python3
"""Makes the roster fixtures of tests/roster_file.rs: danh-sach.xlsx (openpyxl),
then danh-sach.ods and danh-sach.xls from it (LibreOffice), and danh-sach.csv.

The sheet is laid out as an office keeps it: a title row and a blank row above
the header, headers in another order and case than documented (one with the
tone mark on the other vowel), a column vanban does not read (Ghi chú), a birth
date as a real spreadsheet date and one as text, an empty row between members.
Run: python3 tests/roster/make.py (needs openpyxl and soffice)."""
import csv, datetime, os, subprocess, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["STT", "HỌ VÀ TÊN", "Ngày sinh", "chi bộ", "Chức vụ Đảng", "Nhóm", "Đơn vị công tác", "Ghi chú"]
ROWS = [
    [1, "Hoàng Minh Tuấn", datetime.date(1975, 3, 9), "Chi bộ Tổng hợp", "Bí thư chi bộ", "Lãnh đạo, quản lý", "Phòng Tổng hợp", ""],
    [2, "Đặng Thị Thanh Hương", "02/04/1979", "tong-hop", "Phó Bí thư chi bộ", "", "Phòng Tổng hợp", "chuyển đến 2021"],
    None,
    [3, "Lê Quang Minh", None, "Tổng hợp", "", "dang-vien", "", ""],
    [4, "Trần Đức Thắng", datetime.date(1980, 12, 1), "Chi bộ Kinh tế", "Bí thư chi bộ", "lanh-dao", "Phòng Kinh tế", ""],
    [5, "Nguyễn Thị Thu Trang", "7/5/1990", "Chi bộ Kinh tế", "", "", "Phòng Kinh tế", ""],
]

def xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH ĐẢNG VIÊN NĂM 2022"])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row or [])
    for cell in sheet["C"]:
        if isinstance(cell.value, datetime.date):
            cell.number_format = "DD/MM/YYYY"
    book.save(path)

def csv_file(path):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["DANH SÁCH ĐẢNG VIÊN NĂM 2022"])
        w.writerow(HEADER)
        for row in ROWS:
            w.writerow([v.strftime("%d/%m/%Y") if isinstance(v, datetime.date) else ("" if v is None else v) for v in (row or [])])

def convert(src, fmt):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", HERE, src], check=True, capture_output=True)
    # soffice exits 0 when it cannot convert (e.g. no Calc installed).
    out = os.path.splitext(src)[0] + "." + fmt
    if not os.path.exists(out):
        raise SystemExit(f"LibreOffice wrote no {out}: is libreoffice-calc installed?")

xlsx(os.path.join(HERE, "danh-sach.xlsx"))
csv_file(os.path.join(HERE, "danh-sach.csv"))
convert(os.path.join(HERE, "danh-sach.xlsx"), "ods")
convert(os.path.join(HERE, "danh-sach.xlsx"), "xls")
