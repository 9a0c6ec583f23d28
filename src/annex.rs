//! The statistics annex (`OUT/thong-ke.xlsx`, `vanban stats --format xlsx`):
//! the spreadsheet a superior asks for beside the consolidated report.
//!
//! Sheet 1 (`Chi bộ`): one row per branch — members, not rated by reason,
//! rated, each level's count and share, "HTTNV trở lên", the branch's own
//! rating — a totals row, then the branches as collectives by level.
//! Sheet 2 (`Đảng viên`): every member reported (branch, name, rating, and
//! the 100-point score under qd366-2025).
//!
//! Every figure is `stats::Figures`' (the consolidated report's); counts
//! are numbers, shares are fractions formatted as percentages. The bytes
//! depend on the data only: the document's creation time is the cycle's
//! own date (the report's, else the directive's), never the clock.

use crate::cycle::{Cycle, Rating, RuleSet};
use crate::domain::vietnamese::percent_tenths;
use crate::stats::{Counts, Figures, Reason};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// Where `build` writes the annex in OUT.
pub const FILE: &str = "thong-ke.xlsx";

/// Sheet names, headings and row labels (printed Vietnamese).
mod label {
    pub const BRANCHES: &str = "Chi bộ";
    pub const MEMBERS: &str = "Đảng viên";
    pub const NO: &str = "STT";
    pub const BRANCH: &str = "Chi bộ";
    pub const ROLL: &str = "Tổng số đảng viên";
    pub const NOT_RATED: &str = "Không xếp loại";
    pub const RATED: &str = "Được xếp loại";
    pub const COUNT: &str = "số lượng";
    pub const SHARE: &str = "tỷ lệ";
    pub const GOOD_OR_BETTER: &str = "HTTNV trở lên";
    pub const COLLECTIVE: &str = "Tập thể chi bộ tự xếp loại";
    pub const TOTAL: &str = "Cộng";
    pub const NOT_REPORTED: &str = "Chưa báo cáo";
    pub const COLLECTIVES: &str = "Tập thể chi bộ";
    pub const LEVEL: &str = "Mức xếp loại";
    pub const BRANCH_COUNT: &str = "Số chi bộ";
    pub const SHARE_HEAD: &str = "Tỷ lệ";
    pub const NAME: &str = "Họ và tên";
    pub const RATING: &str = "Xếp loại";
    pub const SCORE: &str = "Điểm";
    pub const NOTE: &str = "Ghi chú";
}

/// Width of a figures column (characters) and height of the header row
/// (points: four lines of wrapped heading).
const NUMBER_WIDTH: f64 = 11.0;
const HEAD_HEIGHT: f64 = 60.0;

/// Widest a fitted column may get, in pixels (long names and reasons wrap).
const MAX_WIDTH_PX: u32 = 320;

/// The cell formats of the annex.
struct Formats {
    head: Format,
    text: Format,
    number: Format,
    share: Format,
    total_text: Format,
    total_number: Format,
    total_share: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin);
        let bold = cell.clone().set_bold();
        Formats {
            head: bold
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell.clone(),
            number: cell.clone().set_num_format("0"),
            share: cell.set_num_format("0.0%"),
            total_text: bold.clone(),
            total_number: bold.clone().set_num_format("0"),
            total_share: bold.set_num_format("0.0%"),
        }
    }
}

/// `part / whole` as a fraction rounded to a tenth of a percent (the
/// report's rounding), `None` when `whole` is 0.
fn fraction(part: u64, whole: u64) -> Option<f64> {
    percent_tenths(part, whole).map(|t| t as f64 / 1000.0)
}

/// The annex of `cycle`, as the bytes of an .xlsx file. The members
/// sheet's rows wait in an unnamed temporary file in `scratch` (the staging
/// folder, or the folder of the file `stats` writes), so nothing is written
/// outside the place the clerk chose.
pub fn xlsx(cycle: &Cycle, scratch: &Path) -> Result<Vec<u8>, XlsxError> {
    let figures = Figures::of(cycle);
    let formats = Formats::new();
    let mut book = Workbook::new();
    book.set_tempdir(scratch)?;
    book.set_properties(&properties(cycle)?);
    let sheet = book.add_worksheet();
    sheet.set_name(label::BRANCHES)?;
    branches_sheet(sheet, &figures, &formats)?;
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(label::MEMBERS)?;
    members_sheet(sheet, cycle, &formats)?;
    book.save_to_buffer()
}

/// Title, author and creation time from the cycle (no clock).
fn properties(cycle: &Cycle) -> Result<DocProperties, XlsxError> {
    use chrono::Datelike;
    let date = cycle
        .report
        .as_ref()
        .map_or(cycle.directive.date, |r| r.date);
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // Month and day come from a valid date: they fit a u8.
    let created = ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)?;
    Ok(DocProperties::new()
        .set_title(format!("Thống kê xếp loại chất lượng năm {}", cycle.year))
        .set_author(cycle.issuer.name.clone())
        .set_creation_datetime(&created))
}

/// The columns of sheet 1, left to right.
fn branch_heads(figures: &Figures) -> Vec<String> {
    let mut heads: Vec<String> = [label::NO, label::BRANCH, label::ROLL]
        .map(str::to_owned)
        .to_vec();
    match figures.reasons.as_slice() {
        [] => heads.push(label::NOT_RATED.to_owned()),
        reasons => heads.extend(
            reasons
                .iter()
                .map(|r| format!("{}: {}", label::NOT_RATED, r.text())),
        ),
    }
    heads.push(label::RATED.to_owned());
    for level in Rating::ALL {
        heads.push(format!("{} ({})", level.code(), label::COUNT));
        heads.push(format!("{} ({})", level.code(), label::SHARE));
    }
    heads.push(format!("{} ({})", label::GOOD_OR_BETTER, label::COUNT));
    heads.push(format!("{} ({})", label::GOOD_OR_BETTER, label::SHARE));
    heads.push(label::COLLECTIVE.to_owned());
    heads
}

/// The header row, frozen on screen and repeated on every printed page;
/// printed on A4 landscape, as wide as one page.
fn write_heads(sheet: &mut Worksheet, heads: &[String], f: &Formats) -> Result<(), XlsxError> {
    for (col, head) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, col_index(col)?, head, &f.head)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet
        .set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Excel's paper size code for A4.
const A4: u8 = 9;

fn col_index(col: usize) -> Result<u16, XlsxError> {
    u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

/// One cell value of a row.
enum Cell {
    Text(String),
    Count(u64),
    Share(Option<f64>),
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    f: &Formats,
    total: bool,
) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        let col = col_index(col)?;
        let (text, number, share) = match total {
            true => (&f.total_text, &f.total_number, &f.total_share),
            false => (&f.text, &f.number, &f.share),
        };
        match cell {
            Cell::Text(s) => sheet.write_string_with_format(row, col, s, text)?,
            Cell::Count(n) => sheet.write_number_with_format(row, col, *n as f64, number)?,
            Cell::Share(Some(x)) => sheet.write_number_with_format(row, col, *x, share)?,
            Cell::Share(None) => sheet.write_blank(row, col, share)?,
        };
    }
    Ok(())
}

/// The figures of one branch (or the total) as cells after STT and name.
fn count_cells(c: &Counts, reasons: &[Reason]) -> Vec<Cell> {
    let mut cells = vec![Cell::Count(c.roll)];
    match reasons {
        [] => cells.push(Cell::Count(c.not_rated)),
        reasons => cells.extend(reasons.iter().map(|r| Cell::Count(c.not_rated_for(*r)))),
    }
    cells.push(Cell::Count(c.rated));
    for level in &c.levels {
        cells.push(Cell::Count(level.count));
        cells.push(Cell::Share(fraction(level.count, c.rated)));
    }
    let good = c
        .levels
        .iter()
        .filter(|l| l.level >= Rating::Httnv)
        .map(|l| l.count)
        .sum();
    cells.push(Cell::Count(good));
    cells.push(Cell::Share(fraction(good, c.rated)));
    cells
}

fn branches_sheet(sheet: &mut Worksheet, figures: &Figures, f: &Formats) -> Result<(), XlsxError> {
    let heads = branch_heads(figures);
    write_heads(sheet, &heads, f)?;
    let mut row = 1u32;
    for (i, b) in figures.branches.iter().enumerate() {
        let mut cells = vec![Cell::Count(i as u64 + 1), Cell::Text(b.name.clone())];
        match (&b.counts, b.collective) {
            (Some(c), Some(rating)) => {
                cells.extend(count_cells(c, &figures.reasons));
                cells.push(Cell::Text(rating.full_name().to_owned()));
            }
            _ => cells.push(Cell::Text(label::NOT_REPORTED.to_owned())),
        }
        write_row(sheet, row, &cells, f, false)?;
        row += 1;
    }
    let mut total = vec![
        Cell::Text(String::new()),
        Cell::Text(label::TOTAL.to_owned()),
    ];
    total.extend(count_cells(&figures.total, &figures.reasons));
    total.push(Cell::Text(String::new()));
    write_row(sheet, row, &total, f, true)?;
    collectives_block(sheet, row + 2, figures, f)?;
    sheet.set_autofit_max_width(MAX_WIDTH_PX);
    sheet.autofit();
    // The figures' headings wrap: their columns as wide as the numbers need.
    for col in 2..heads.len() - 1 {
        sheet.set_column_width(col_index(col)?, NUMBER_WIDTH)?;
    }
    sheet.set_row_height(0, HEAD_HEIGHT)?;
    Ok(())
}

/// The branches as collectives, under the branch table: a level per row.
fn collectives_block(
    sheet: &mut Worksheet,
    first: u32,
    figures: &Figures,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(first, 1, label::COLLECTIVES, &f.total_text)?;
    let heads = [label::LEVEL, label::BRANCH_COUNT, label::SHARE_HEAD];
    for (col, head) in heads.iter().enumerate() {
        sheet.write_string_with_format(first + 1, col_index(col + 1)?, *head, &f.head)?;
    }
    let c = &figures.collectives;
    let mut row = first + 2;
    for level in &c.levels {
        let cells = [
            Cell::Text(String::new()),
            Cell::Text(level.name.to_owned()),
            Cell::Count(level.count),
            Cell::Share(fraction(level.count, c.rated)),
        ];
        write_row(sheet, row, &cells[..], f, false)?;
        row += 1;
    }
    let total = [
        Cell::Text(String::new()),
        Cell::Text(label::TOTAL.to_owned()),
        Cell::Count(c.rated),
    ];
    write_row(sheet, row, &total, f, true)
}

/// Every member the branches reported, in cycle order. The sheet is
/// written row by row (constant memory), so its columns are fitted here
/// from the text they print, as `autofit` would.
fn members_sheet(sheet: &mut Worksheet, cycle: &Cycle, f: &Formats) -> Result<(), XlsxError> {
    let scored = cycle.rules == RuleSet::Qd366_2025;
    let mut heads = vec![label::NO, label::BRANCH, label::NAME, label::RATING];
    if scored {
        heads.push(label::SCORE);
    }
    heads.push(label::NOTE);
    let heads: Vec<String> = heads.into_iter().map(str::to_owned).collect();
    let reported = || {
        cycle
            .branches
            .iter()
            .filter_map(|b| cycle.results.get(&b.id).map(|r| (b, r)))
            .flat_map(|(b, r)| r.members.iter().map(move |m| (b, m)))
            .zip(1u32..)
            .map(|((branch, m), row)| {
                let mut cells = vec![
                    Cell::Count(u64::from(row)),
                    Cell::Text(branch.name.clone()),
                    Cell::Text(m.name.clone()),
                    Cell::Text(
                        m.rating
                            .map_or(label::NOT_RATED, Rating::full_name)
                            .to_owned(),
                    ),
                ];
                if scored {
                    cells.push(match m.score {
                        Some(s) => Cell::Count(u64::from(s)),
                        None => Cell::Text(String::new()),
                    });
                }
                cells.push(Cell::Text(m.not_rated.clone().unwrap_or_default()));
                (row, cells)
            })
    };
    let mut widths: Vec<u32> = heads.iter().map(|h| fitted(h)).collect();
    for (_, cells) in reported() {
        for (width, cell) in widths.iter_mut().zip(&cells) {
            *width = (*width).max(match cell {
                Cell::Text(s) => fitted(s),
                Cell::Count(n) => fitted(&n.to_string()),
                Cell::Share(_) => 0,
            });
        }
    }
    for (col, width) in widths.into_iter().enumerate() {
        sheet.set_column_width_pixels(col_index(col)?, width.min(MAX_WIDTH_PX))?;
    }
    write_heads(sheet, &heads, f)?;
    for (row, cells) in reported() {
        write_row(sheet, row, &cells, f, false)?;
    }
    Ok(())
}

/// The width in pixels `autofit` gives a column holding `text`.
fn fitted(text: &str) -> u32 {
    rust_xlsxwriter::utility::cell_autofit_width(text)
}
