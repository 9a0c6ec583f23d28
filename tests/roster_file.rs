//! `roster_file`: the member list read from the office's spreadsheet
//! (.xlsx, .xls, .ods, .csv; fixtures made by `tests/roster/make.py`: a title
//! row, headers reordered and in other case, a date cell and a text date, an
//! empty row, a column vanban does not read). Bad rows are refused through
//! the binary with the file, sheet, row and column, exit 2, nothing written.

mod common;

use chrono::NaiveDate;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use vanban::cycle::{Group, RosterEntry};

const BASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-input/valid-base");
const ROSTERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/roster");

/// valid-base with its `members:` and `roster:` lists taken out of
/// cycle.yaml and `roster_file: <file>` put in; `file` copied from
/// `tests/roster/<fixture>`.
fn cycle_with(tmp: &Path, fixture: &str, file: &str) -> PathBuf {
    let dir = tmp.join("cycle");
    common::copy_dir(Path::new(BASE), &dir);
    fs::remove_file(dir.join("expect.txt")).unwrap();
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    let mut kept: Vec<&str> = Vec::new();
    for line in yaml.lines() {
        let t = line.trim_start();
        if t.starts_with("members:") || t.starts_with("roster:") || line.starts_with("      - ") {
            continue;
        }
        if line == "branches:" {
            kept.push("roster_file: ");
        }
        kept.push(line);
    }
    let yaml = kept
        .join("\n")
        .replace("roster_file: \n", &format!("roster_file: {file}\n"));
    fs::write(dir.join("cycle.yaml"), yaml + "\n").unwrap();
    fs::copy(Path::new(ROSTERS).join(fixture), dir.join(file)).unwrap();
    dir
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn every_format_loads_the_same_roster() {
    for fixture in [
        "danh-sach.xlsx",
        "danh-sach.ods",
        "danh-sach.xls",
        "danh-sach.csv",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = cycle_with(tmp.path(), fixture, fixture);
        let loaded = vanban::cycle::load(&dir).unwrap_or_else(|f| {
            panic!("{fixture}: {:#?}", f.diagnostics);
        });
        let b = &loaded.cycle.branches;
        // Counted from the sheet (the empty row between members skipped).
        assert_eq!((b[0].members, b[1].members), (3, 2), "{fixture}");
        let names: Vec<&str> = b[0].roster.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["Hoàng Minh Tuấn", "Đặng Thị Thanh Hương", "Lê Quang Minh"],
            "{fixture}"
        );
        assert_eq!(
            b[0].roster[0],
            RosterEntry {
                name: "Hoàng Minh Tuấn".into(),
                born: date(1975, 3, 9),
                party_post: Some("Bí thư chi bộ".into()),
                job: None,
                unions: None,
                unit: Some("Phòng Tổng hợp".into()),
                group: Group::LanhDao,
            },
            "{fixture}"
        );
        // A text date, day first; a row naming its branch by id.
        assert_eq!(b[0].roster[1].born, date(1979, 4, 2), "{fixture}");
        assert_eq!(b[1].roster[1].born, date(1990, 5, 7), "{fixture}");
        assert_eq!(b[1].roster[0].group, Group::LanhDao, "{fixture}");
        assert_eq!(b[1].roster[1].group, Group::DangVien, "{fixture}");
        // Checks clean through the binary: the results' member counts agree
        // with the counted roster (roster-count).
        let run = common::vanban(&["check", dir.to_str().unwrap()]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{fixture}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

#[test]
fn members_given_must_agree_with_the_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.csv");
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    let yaml = yaml.replacen(
        "    secretary: Hoàng Minh Tuấn\n",
        "    secretary: Hoàng Minh Tuấn\n    members: 4\n",
        1,
    );
    fs::write(dir.join("cycle.yaml"), yaml).unwrap();
    let items = check_json(&dir, 1);
    let d = only(&items, "roster-count");
    assert_eq!(d["path"], "branches[0].members");
    assert_eq!(d["file"], dir.join("cycle.yaml").display().to_string());
    assert!(d["line"].is_u64(), "{d:#}");
}

/// A bad CSV row: its code, row, column, cell and message.
struct Bad {
    from: &'static str,
    to: &'static str,
    row: u64,
    column: u64,
    cell: &'static str,
    message: &'static str,
}

#[test]
fn bad_rows_are_located_by_file_row_and_column() {
    let cases = [
        Bad {
            from: "02/04/1979",
            to: "31/02/1979",
            row: 4,
            column: 3,
            cell: "C4",
            message: "cột “Ngày sinh”: “31/02/1979” không phải một ngày",
        },
        Bad {
            from: "Tổng hợp;;dang-vien",
            to: "Tổng hợp;;cán bộ",
            row: 6,
            column: 6,
            cell: "F6",
            message: "cột “Nhóm”: nhóm không hợp lệ “cán bộ”",
        },
        Bad {
            from: "5;Nguyễn Thị Thu Trang;7/5/1990;Chi bộ Kinh tế",
            to: "5;Nguyễn Thị Thu Trang;7/5/1990;Chi bộ Văn hóa",
            row: 8,
            column: 4,
            cell: "D8",
            message: "chi bộ “Chi bộ Văn hóa” không có trong branches",
        },
        Bad {
            from: "4;Trần Đức Thắng;",
            to: "4; ;",
            row: 7,
            column: 2,
            cell: "B7",
            message: "cột “Họ và tên”: ô trống",
        },
    ];
    for bad in cases {
        let tmp = tempfile::tempdir().unwrap();
        let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.csv");
        let file = dir.join("danh-sach.csv");
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(text.matches(bad.from).count(), 1, "{}", bad.from);
        fs::write(&file, text.replacen(bad.from, bad.to, 1)).unwrap();
        let items = check_json(&dir, 2);
        let d = only(&items, "input-value");
        assert_eq!(d["file"], file.display().to_string());
        assert_eq!(d["line"].as_u64(), Some(bad.row), "{d:#}");
        assert_eq!(d["column"].as_u64(), Some(bad.column), "{d:#}");
        assert_eq!(d["path"], bad.cell, "{d:#}");
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(bad.message), "{message}");
        assert_nothing_built(&dir);
    }
}

/// An .xlsx written here (rust_xlsxwriter): the header on row 3 below a
/// title, the cells starting at column B, a bad date in a date column.
#[test]
fn a_bad_cell_of_a_workbook_names_its_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.csv");
    fs::remove_file(dir.join("danh-sach.csv")).unwrap();
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    let yaml = yaml.replace("roster_file: danh-sach.csv", "roster_file: DS.XLSX");
    fs::write(dir.join("cycle.yaml"), yaml).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Đảng viên").unwrap();
    sheet.write(0, 1, "Danh sách đảng viên").unwrap();
    for (col, h) in ["Chi bộ", "Ngày sinh", "Họ và tên"].iter().enumerate() {
        sheet.write(2, 1 + col as u16, *h).unwrap();
    }
    let rows = [
        ("Chi bộ Tổng hợp", "1/1/1970", "Hoàng Minh Tuấn"),
        ("Chi bộ Tổng hợp", "1970", "Đặng Thị Thanh Hương"),
    ];
    for (i, (branch, born, name)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write(r, 1, *branch).unwrap();
        sheet.write(r, 2, *born).unwrap();
        sheet.write(r, 3, *name).unwrap();
    }
    book.save(dir.join("DS.XLSX")).unwrap();
    let items = check_json(&dir, 2);
    let d = only(&items, "input-value");
    assert_eq!(d["file"], dir.join("DS.XLSX").display().to_string());
    assert_eq!(d["path"], "Đảng viên!C5", "{d:#}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(3))
    );
    assert_nothing_built(&dir);
}

#[test]
fn unreadable_or_headerless_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.xlsx");
    // A CSV renamed .xlsx: not a workbook.
    let d = only(&check_json(&dir, 2), "input-read").clone();
    assert_eq!(d["file"], dir.join("danh-sach.xlsx").display().to_string());
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("không đọc được danh sách")
    );
    // A CSV without the two required headings.
    let dir = cycle_with(&tmp.path().join("b"), "danh-sach.csv", "danh-sach.csv");
    let file = dir.join("danh-sach.csv");
    let text = fs::read_to_string(&file).unwrap().replace("chi bộ", "tổ");
    fs::write(&file, text).unwrap();
    let d = only(&check_json(&dir, 2), "input-value").clone();
    assert!(d["message"].as_str().unwrap().contains("“Chi bộ”"), "{d:#}");
    // Not UTF-8.
    fs::write(&file, b"H\xe7 v\xe0 t\xean;Chi b\xf4\n").unwrap();
    only(&check_json(&dir, 2), "input-encoding");
    // A path outside the cycle folder.
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    let yaml = yaml.replace(
        "roster_file: danh-sach.csv",
        "roster_file: ../danh-sach.csv",
    );
    fs::write(dir.join("cycle.yaml"), yaml).unwrap();
    assert_eq!(
        only(&check_json(&dir, 2), "input-value")["path"],
        "roster_file"
    );
}

fn check_json(dir: &Path, exit: i32) -> Vec<Value> {
    let out = common::vanban(&["check", dir.to_str().unwrap(), "--format", "json"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(exit), "{stdout}");
    serde_json::from_str(&stdout).unwrap()
}

/// The one diagnostic of the run, which must have `code`.
fn only<'a>(items: &'a [Value], code: &str) -> &'a Value {
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(items[0]["code"], code, "{items:#?}");
    &items[0]
}

fn assert_nothing_built(dir: &Path) {
    let out = dir.parent().unwrap().join("out");
    let run = common::vanban(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists(), "a failed build wrote {out:?}");
}

#[test]
fn init_writes_the_branches_of_the_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("moi");
    let sheet = Path::new(ROSTERS).join("danh-sach.ods");
    let run = common::vanban(&[
        "init",
        dir.to_str().unwrap(),
        "--year",
        "2022",
        "--roster",
        sheet.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        fs::read(dir.join("danh-sach.ods")).unwrap(),
        fs::read(&sheet).unwrap()
    );
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    assert!(yaml.contains("\nroster_file: danh-sach.ods "), "{yaml}");
    let branches = &yaml[yaml.find("\nbranches:").unwrap()..];
    let ids: Vec<&str> = branches
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect();
    assert_eq!(ids, ["tong-hop", "kinh-te"], "{branches}");
    // The secretary is the member whose party post is "Bí thư chi bộ".
    assert!(
        branches.contains("secretary: Trần Đức Thắng\n"),
        "{branches}"
    );
    // The new cycle loads its roster: only the placeholders are left.
    let items = check_json(&dir, 1);
    assert!(
        items.iter().all(|d| d["code"] == "placeholder-left"),
        "{items:#?}"
    );
    let Ok(loaded) = vanban::cycle::load(&dir) else {
        panic!("the new cycle does not load");
    };
    let members: Vec<u32> = loaded.cycle.branches.iter().map(|b| b.members).collect();
    assert_eq!(members, [3, 2]);
}

#[test]
fn init_with_a_bad_roster_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = tmp.path().join("ds.csv");
    let text = fs::read_to_string(Path::new(ROSTERS).join("danh-sach.csv")).unwrap();
    fs::write(&sheet, text.replacen("7/5/1990", "7/5", 1)).unwrap();
    let dir = tmp.path().join("moi");
    let run = common::vanban(&[
        "init",
        dir.to_str().unwrap(),
        "--roster",
        sheet.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(2));
    let items: Vec<Value> = serde_json::from_slice(&run.stdout).unwrap();
    let d = only(&items, "input-value");
    assert_eq!(d["path"], "C8", "{d:#}");
    assert!(!dir.exists());
}

#[test]
fn new_cycle_takes_the_roster_file_along() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.xlsx", "danh-sach.xlsx");
    let next = tmp.path().join("2023");
    let run = common::vanban(&[
        "new-cycle",
        dir.to_str().unwrap(),
        "--year",
        "2023",
        "-o",
        next.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        fs::read(next.join("danh-sach.xlsx")).unwrap(),
        fs::read(dir.join("danh-sach.xlsx")).unwrap()
    );
    let Ok(loaded) = vanban::cycle::load(&next) else {
        panic!("the new cycle does not load");
    };
    assert_eq!(loaded.cycle.branches[0].roster.len(), 3);
}

/// One stray cell at the last cell of a sheet (XFD1048576): refused with
/// its place, without making a grid of 17 billion cells.
#[test]
fn a_cell_far_out_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.csv");
    let yaml = fs::read_to_string(dir.join("cycle.yaml")).unwrap();
    let yaml = yaml.replace("roster_file: danh-sach.csv", "roster_file: ds.xlsx");
    fs::write(dir.join("cycle.yaml"), yaml).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "Họ và tên").unwrap();
    sheet.write(0, 1, "Chi bộ").unwrap();
    sheet.write(1_048_575, 16_383, "x").unwrap();
    book.save(dir.join("ds.xlsx")).unwrap();
    let d = only(&check_json(&dir, 2), "input-value").clone();
    assert_eq!(d["path"], "Sheet1!XFD1048576", "{d:#}");
}

/// `members` left out and the sheet has nobody of that branch.
#[test]
fn a_branch_the_sheet_leaves_out_needs_its_members() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = cycle_with(tmp.path(), "danh-sach.csv", "danh-sach.csv");
    let file = dir.join("danh-sach.csv");
    let text: String = fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("Kinh tế"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&file, text).unwrap();
    let items = check_json(&dir, 2);
    let d = only(&items, "input-value");
    assert_eq!(d["path"], "branches[1]", "{d:#}");
    assert!(d["message"].as_str().unwrap().contains("thiếu `members`"));
}
