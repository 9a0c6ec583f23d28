//! `roster_file`: the member list as the office keeps it (cycle-format.md).
//! `.xlsx`, `.xls` and `.ods` are read with calamine, `.csv` with the csv
//! crate. The header row is found by its names ("Họ và tên", "Chi bộ", …,
//! in any order, any case and tone placement); title rows above it and
//! empty rows are skipped; columns with other headings are ignored. A date
//! is a spreadsheet date or text as clerks write it. Every problem names
//! the file, the sheet, the row and the column.

use super::model::{Group, RosterEntry};
use super::roster::{FileRow, unknown_group};
use super::source::{MAX_FILE_BYTES, too_large};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::values;
use calamine::{Data, Reader};
use chrono::NaiveDate;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The columns read, by their headings (the first is the one documented).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Branch,
    Born,
    PartyPost,
    Job,
    Unions,
    Unit,
    Group,
}

const HEADINGS: &[(Field, &[&str])] = &[
    (Field::Name, &["Họ và tên", "Họ tên"]),
    (Field::Branch, &["Chi bộ", "Tên chi bộ"]),
    (
        Field::Born,
        &["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh"],
    ),
    (Field::PartyPost, &["Chức vụ Đảng"]),
    (Field::Job, &["Chức vụ chính quyền"]),
    (Field::Unions, &["Chức vụ đoàn thể"]),
    (Field::Unit, &["Đơn vị công tác", "Đơn vị"]),
    (Field::Group, &["Nhóm"]),
];

/// How far down a title may push the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(f64),
}

/// One sheet: its name (none for CSV) and its rows with their 1-based
/// numbers in the file; cells start at column `first_col` (0-based).
struct Sheet {
    name: Option<String>,
    first_col: usize,
    rows: Vec<(usize, Vec<Value>)>,
}

/// Reads the roster file: every member row, or every problem found.
pub fn read(path: &Path) -> Result<Vec<FileRow>, Vec<Diagnostic>> {
    let sheets = sheets(path).map_err(|d| vec![d])?;
    let Some((sheet, at, columns)) = sheets
        .iter()
        .find_map(|s| header(s).map(|(at, cols)| (s, at, cols)))
    else {
        return Err(vec![no_header(path)]);
    };
    let mut diags = Vec::new();
    let reader = SheetReader {
        path,
        sheet,
        columns: &columns,
    };
    let rows: Vec<FileRow> = sheet.rows[at + 1..]
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| *c != Value::Empty))
        .filter_map(|(n, cells)| reader.row(*n, cells, &mut diags))
        .collect();
    match diags.is_empty() {
        true => Ok(rows),
        false => Err(diags),
    }
}

fn sheets(path: &Path) -> Result<Vec<Sheet>, Diagnostic> {
    let size = std::fs::metadata(path).map_err(|e| unreadable(path, &e.to_string()))?;
    if size.len() > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => csv_sheet(path).map(|s| vec![s]),
        Some("xlsx" | "xlsm") => xlsx(path),
        Some("xls" | "ods") => workbook(path),
        _ => Err(Diagnostic::error(
            Code::InputRead,
            Place::file(path),
            Message::new(
                "danh sách đảng viên phải là tệp .xlsx, .xls, .ods hoặc .csv",
                "the roster file must be .xlsx, .xls, .ods or .csv",
            ),
        )),
    }
}

fn workbook(path: &Path) -> Result<Vec<Sheet>, Diagnostic> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| unreadable(path, &e.to_string()))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(path, &e.to_string()))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| (row0 as usize + i + 1, cells.iter().map(cell).collect()))
            .collect();
        out.push(Sheet {
            name: Some(name),
            first_col: col0 as usize,
            rows,
        });
    }
    Ok(out)
}

/// An `.xlsx` read cell by cell (calamine's range would allocate the whole
/// rectangle up to the farthest cell, billions of cells for one stray
/// cell at XFD1048576): non-empty cells only, within [`MAX_ROWS`] ×
/// [`MAX_COLS`].
fn xlsx(path: &Path) -> Result<Vec<Sheet>, Diagnostic> {
    let fail = |e: calamine::XlsxError| unreadable(path, &e.to_string());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(fail)?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(fail)?;
        let mut cells = Vec::new();
        while let Some(c) = reader.next_cell().map_err(fail)? {
            let value = cell(&Data::from(c.get_value().clone()));
            if value == Value::Empty {
                continue;
            }
            let (row, col) = c.get_position();
            if row >= MAX_ROWS || col >= MAX_COLS {
                return Err(too_far(path, &name, row, col));
            }
            cells.push((row as usize, col as usize, value));
        }
        out.push(dense(name, cells));
    }
    Ok(out)
}

/// Rows and columns a roster sheet may use.
const MAX_ROWS: u32 = 100_000;
const MAX_COLS: u32 = 200;

/// The rows of a sheet from its non-empty cells (0-based positions): only
/// rows holding a cell, each as wide as its last cell.
fn dense(name: String, cells: Vec<(usize, usize, Value)>) -> Sheet {
    let mut rows: std::collections::BTreeMap<usize, Vec<Value>> = Default::default();
    for (r, c, value) in cells {
        let row = rows.entry(r + 1).or_default();
        if row.len() <= c {
            row.resize(c + 1, Value::Empty);
        }
        if let Some(slot) = row.get_mut(c) {
            *slot = value;
        }
    }
    Sheet {
        name: Some(name),
        first_col: 0,
        rows: rows.into_iter().collect(),
    }
}

fn too_far(path: &Path, sheet: &str, row: u32, col: u32) -> Diagnostic {
    let cell = format!("{}{}", column_letters(col as usize), row + 1);
    Diagnostic::error(
        Code::InputValue,
        Place {
            file: path.to_path_buf(),
            line: Some(row as usize + 1),
            column: Some(col as usize + 1),
            path: format!("{sheet}!{cell}"),
        },
        Message::new(
            format!(
                "ô có dữ liệu ngoài vùng đọc được ({MAX_ROWS} dòng × {MAX_COLS} cột): xóa ô đó hoặc chép danh sách sang một trang tính mới"
            ),
            format!(
                "a cell with data lies outside what is read ({MAX_ROWS} rows × {MAX_COLS} columns): delete it or copy the list to a new sheet"
            ),
        ),
    )
}

fn cell(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => text(s),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(b.to_string()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => Value::Date(t.date()),
            None => Value::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => match s.get(..10).and_then(|d| values::parse_date(d, None)) {
            Some(d) => Value::Date(d),
            None => text(s),
        },
        Data::DurationIso(s) => text(s),
        Data::Error(e) => Value::Text(format!("#{e:?}")),
    }
}

/// NFC, white space folded; empty text is an empty cell.
fn text(raw: &str) -> Value {
    let nfc: String = raw.nfc().collect();
    let folded = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.is_empty() {
        true => Value::Empty,
        false => Value::Text(folded),
    }
}

fn csv_sheet(path: &Path) -> Result<Sheet, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(Diagnostic::error(
            Code::InputEncoding,
            Place::file(path),
            Message::new(
                "tệp CSV không phải văn bản UTF-8 (trong Excel: Lưu thành → CSV UTF-8)",
                "the CSV file is not UTF-8 text (in Excel: Save As → CSV UTF-8)",
            ),
        ));
    }
    // The delimiter most used near the top (Excel writes `;` where the
    // decimal mark is a comma, as in Vietnamese settings); `,` on a tie.
    let top: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .take(HEADER_SEARCH_ROWS)
        .collect();
    let count = |c: u8| {
        top.iter()
            .flat_map(|l| l.iter())
            .filter(|&&b| b == c)
            .count()
    };
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&c| count(c))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(path, &e.to_string()))?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| line_at(bytes, p.byte() as usize));
        rows.push((line, record.iter().map(text).collect()));
    }
    Ok(Sheet {
        name: None,
        first_col: 0,
        rows,
    })
}

/// The 1-based line of the record starting at `offset` (the csv crate's
/// own line count lags behind after blank lines and line ends).
fn line_at(bytes: &[u8], offset: usize) -> usize {
    let mut start = offset.min(bytes.len());
    while matches!(bytes.get(start), Some(b'\n' | b'\r')) {
        start += 1;
    }
    bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Where each field's column is (index into a row's cells).
type Columns = Vec<(Field, usize)>;

/// The header row (index into `sheet.rows`) and its columns: the first row
/// near the top holding both "Họ và tên" and "Chi bộ".
fn header(sheet: &Sheet) -> Option<(usize, Columns)> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, (_, cells))| {
            let columns: Columns = HEADINGS
                .iter()
                .filter_map(|(field, names)| {
                    let col = cells.iter().position(|c| match c {
                        Value::Text(t) => names.iter().any(|n| values::key(n) == values::key(t)),
                        _ => false,
                    })?;
                    Some((*field, col))
                })
                .collect();
            let has = |f| columns.iter().any(|(g, _)| *g == f);
            (has(Field::Name) && has(Field::Branch)).then_some((i, columns))
        })
}

struct SheetReader<'a> {
    path: &'a Path,
    sheet: &'a Sheet,
    columns: &'a Columns,
}

impl SheetReader<'_> {
    fn row(&self, n: usize, cells: &[Value], diags: &mut Vec<Diagnostic>) -> Option<FileRow> {
        let errors = diags.len();
        let name = self.text(n, cells, Field::Name, diags, true);
        let branch = self.text(n, cells, Field::Branch, diags, true);
        let born = self.born(n, cells, diags);
        let group = self.group(n, cells, diags);
        let entry = RosterEntry {
            name: name.unwrap_or_default(),
            born,
            party_post: self.text(n, cells, Field::PartyPost, diags, false),
            job: self.text(n, cells, Field::Job, diags, false),
            unions: self.text(n, cells, Field::Unions, diags, false),
            unit: self.text(n, cells, Field::Unit, diags, false),
            group,
        };
        (diags.len() == errors).then(|| FileRow {
            branch: branch.unwrap_or_default(),
            place: self.place(n, self.col(Field::Branch).unwrap_or(0)),
            entry,
        })
    }

    fn col(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// The cell of `field` in this row, with its column index.
    fn cell<'c>(&self, cells: &'c [Value], field: Field) -> Option<(usize, &'c Value)> {
        let col = self.col(field)?;
        Some((col, cells.get(col).unwrap_or(&Value::Empty)))
    }

    fn text(
        &self,
        n: usize,
        cells: &[Value],
        field: Field,
        diags: &mut Vec<Diagnostic>,
        required: bool,
    ) -> Option<String> {
        let (col, value) = self.cell(cells, field)?;
        let text = match value {
            Value::Text(t) => t.clone(),
            Value::Number(x) => number_text(*x),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Empty if required => {
                diags.push(self.error(n, col, field, "ô trống: cần điền", "the cell is empty"));
                return None;
            }
            Value::Empty => return None,
        };
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            let (vi, en) = (
                format!("ký tự điều khiển U+{:04X} không được phép", c as u32),
                format!("control character U+{:04X} is not allowed", c as u32),
            );
            diags.push(self.error(n, col, field, &vi, &en));
            return None;
        }
        Some(text)
    }

    fn born(&self, n: usize, cells: &[Value], diags: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
        let (col, value) = self.cell(cells, Field::Born)?;
        let date = match value {
            Value::Empty => return None,
            Value::Date(d) => Some(*d),
            Value::Text(t) => values::parse_date(t, None),
            Value::Number(_) => None,
        };
        if date.is_none() {
            let shown = match value {
                Value::Number(x) => number_text(*x),
                Value::Text(t) => t.clone(),
                _ => String::new(),
            };
            diags.push(self.error(
                n,
                col,
                Field::Born,
                &format!("“{shown}” không phải một ngày (viết ngày/tháng/năm, ví dụ 02/04/1979)"),
                &format!("“{shown}” is not a date (write day/month/year, e.g. 02/04/1979)"),
            ));
        }
        date
    }

    fn group(&self, n: usize, cells: &[Value], diags: &mut Vec<Diagnostic>) -> Group {
        let Some(text) = self.text(n, cells, Field::Group, diags, false) else {
            return Group::DangVien;
        };
        values::parse_group(&text).unwrap_or_else(|| {
            let col = self.col(Field::Group).unwrap_or(0);
            let m = unknown_group(&text);
            diags.push(self.error(n, col, Field::Group, &m.vi, &m.en));
            Group::DangVien
        })
    }

    /// File, row, column, and `Sheet!C5` as the field path.
    fn place(&self, row: usize, col: usize) -> Place {
        let col = self.sheet.first_col + col;
        let cell = format!("{}{row}", column_letters(col));
        Place {
            file: self.path.to_path_buf(),
            line: Some(row),
            column: Some(col + 1),
            path: match &self.sheet.name {
                Some(sheet) => format!("{sheet}!{cell}"),
                None => cell,
            },
        }
    }

    fn error(&self, row: usize, col: usize, field: Field, vi: &str, en: &str) -> Diagnostic {
        let heading = HEADINGS
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, names)| names[0]);
        Diagnostic::error(
            Code::InputValue,
            self.place(row, col),
            Message::new(
                format!("cột “{heading}”: {vi}"),
                format!("column “{heading}”: {en}"),
            ),
        )
    }
}

/// `12` for a whole number, else as written.
fn number_text(x: f64) -> String {
    match x.fract() == 0.0 && x.abs() < 1e15 {
        true => format!("{}", x as i64),
        false => x.to_string(),
    }
}

/// `A`, …, `Z`, `AA`, … for a 0-based column.
fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn unreadable(path: &Path, detail: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InputRead,
        Place::file(path),
        Message::new(
            "không đọc được danh sách đảng viên (tệp không có, hỏng, hoặc không đúng định dạng theo đuôi tệp); mở bằng Excel hoặc LibreOffice rồi lưu lại",
            format!(
                "cannot read the roster file ({detail}); open it in Excel or LibreOffice and save it again"
            ),
        ),
    )
}

fn no_header(path: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::InputValue,
        Place::file(path),
        Message::new(
            "không tìm thấy dòng tiêu đề có cột “Họ và tên” và cột “Chi bộ” (trong 30 dòng đầu của một trang tính)",
            "no header row with the columns “Họ và tên” and “Chi bộ” (within the first 30 rows of a sheet)",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn headers_found_below_a_title_in_any_order_case_and_tone_placement() {
        let t = |s: &str| Value::Text(s.into());
        let sheet = Sheet {
            name: Some("DS".into()),
            first_col: 0,
            rows: vec![
                (1, vec![t("DANH SÁCH ĐẢNG VIÊN"), Value::Empty]),
                (
                    2,
                    vec![t("STT"), t("CHI BỘ"), t("Ngày sinh"), t("họ và tên")],
                ),
            ],
        };
        let (at, cols) = header(&sheet).expect("a header");
        assert_eq!(at, 1);
        assert!(cols.contains(&(Field::Name, 3)) && cols.contains(&(Field::Branch, 1)));
        assert!(cols.contains(&(Field::Born, 2)));
        // "Hòa" written "Hoà" is the same heading word.
        assert_eq!(
            values::key("Đơn vị công tác"),
            values::key("đơn vị CÔNG TÁC")
        );
    }
}
