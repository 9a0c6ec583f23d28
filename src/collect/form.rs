//! A filled branch report form (or a filled report) → what the branch
//! reported. The tables are found by their column headings and row labels,
//! the same [`label`] constants the form is built from: a label changed
//! there changes the form and its reading together.

use super::docx_read::{self, Cell, Grid, ReadError, Row, fold};
use crate::cycle::raw::{Collective, Meeting, Member, Results};
use crate::cycle::{Rating, Role};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::render::kinds::tables::label;
use chrono::NaiveDate;

/// What one form holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledForm {
    /// `Mã chi bộ`.
    pub branch: String,
    /// `Tên chi bộ`.
    pub branch_name: String,
    /// `Năm`.
    pub year: i32,
    /// The results, when every cell could be read (no error below).
    pub results: Option<Results>,
    /// Cells that could not be read (errors) and guesses made (warnings);
    /// their place names no file (the caller knows it).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a filled form from the bytes of a DOCX. Never panics; `Err` when
/// the bytes are not one of our forms (the diagnostic's place names no
/// file). A cell that cannot be read is a diagnostic of the form instead.
pub fn read_form(bytes: &[u8]) -> Result<FilledForm, Diagnostic> {
    let grids = docx_read::tables(bytes).map_err(unreadable)?;
    let tables = Tables::find(&grids)?;
    Ok(tables.read())
}

/// The tables a form carries, by the names the template places them with
/// (`table(name="…")` in templates/bao-cao-chi-bo.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Branch,
    Meeting,
    Collective,
    Members,
    Achievements,
    Special,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Branch => "chi-bo",
            Kind::Meeting => "hoi-nghi",
            Kind::Collective => "tap-the",
            Kind::Members => "dang-vien",
            Kind::Achievements => "thanh-tich",
            Kind::Special => "truong-hop",
        }
    }

    /// What the table is, in both languages.
    fn what(self) -> (&'static str, &'static str) {
        match self {
            Kind::Branch => ("thông tin chi bộ", "branch"),
            Kind::Meeting => ("hội nghị kiểm điểm", "review meeting"),
            Kind::Collective => ("tập thể tự xếp loại", "collective rating"),
            Kind::Members => ("danh sách đảng viên", "member list"),
            Kind::Achievements => (
                "đảng viên đề nghị “Hoàn thành xuất sắc nhiệm vụ”",
                "members proposed for HTXSNV",
            ),
            Kind::Special => (
                "không xếp loại, kỷ luật, nghỉ ốm",
                "not rated, disciplined, sick leave",
            ),
        }
    }

    fn describe(self) -> (String, String) {
        let (vi, en) = self.what();
        (
            format!("bảng {} ({vi})", self.name()),
            format!("table {} ({en})", self.name()),
        )
    }

    /// How a table of this kind is recognised: a row label of a
    /// `Thông tin | Nội dung` table, or a column heading beside `Họ và tên`.
    fn mark(self) -> Mark {
        match self {
            Kind::Branch => Mark::Row(label::BRANCH_ID),
            Kind::Meeting => Mark::Row(label::DATE),
            Kind::Collective => Mark::Row(label::COLLECTIVE_RATING),
            Kind::Members => Mark::Column(label::ROLE),
            Kind::Achievements => Mark::Column(label::ACHIEVEMENTS),
            Kind::Special => Mark::Column(label::NOT_RATED),
        }
    }

    const ALL: [Kind; 6] = [
        Kind::Branch,
        Kind::Meeting,
        Kind::Collective,
        Kind::Members,
        Kind::Achievements,
        Kind::Special,
    ];
}

enum Mark {
    Row(&'static str),
    Column(&'static str),
}

/// A heading or label as compared: NFC, folded, lower case, `uỷ` → `ủy`,
/// no trailing colon.
pub fn key(text: &str) -> String {
    fold(text)
        .to_lowercase()
        .replace("uỷ", "ủy")
        .trim_end_matches([':', '.'])
        .trim_end()
        .to_owned()
}

/// Every heading a header row of our tables may hold.
fn headings() -> Vec<String> {
    let mut all = vec![
        label::ITEM,
        label::VALUE,
        label::NO,
        label::NAME,
        label::ROLE,
        label::SCORE,
        label::RATING,
        label::SELF_RATING,
        label::PROPOSED,
        label::PROPOSED_FULL,
        label::NOTE,
        label::NOT_RATED,
        label::DISCIPLINE,
        label::SICK_LEAVE,
        label::SELF_REMEDIED,
        label::ACHIEVEMENTS,
        label::MEMBER_COUNT,
        label::RATED,
        label::COUNT,
        label::SHARE,
        label::UNRATED,
    ];
    all.extend(Rating::ALL.iter().map(|r| r.full_name()));
    all.into_iter().map(key).collect()
}

/// One table of a form: its header rows read, its body rows listed.
struct Table<'g> {
    kind: Kind,
    /// Each column's heading as printed (`Xếp loại: Chi bộ đề nghị`).
    columns: Vec<String>,
    /// Each column's own heading, as a [`key`].
    leaves: Vec<String>,
    /// Body rows, numbered from 1; repeated header rows left out.
    rows: Vec<(usize, &'g Row)>,
}

impl<'g> Table<'g> {
    /// The header rows (leading rows marked as such or holding only
    /// headings), then the body.
    fn new(kind: Kind, grid: &'g Grid, headings: &[String]) -> Table<'g> {
        let is_heading = |row: &Row| {
            let texts: Vec<String> = row
                .cells
                .iter()
                .map(|c| key(&c.line()))
                .filter(|t| !t.is_empty())
                .collect();
            !texts.is_empty() && texts.iter().all(|t| headings.contains(t))
        };
        let header = grid
            .rows
            .iter()
            .take_while(|r| r.header || is_heading(r))
            .count();
        let head = &grid.rows[..header];
        let (columns, leaves) = column_labels(head, grid.width());
        let rows = grid.rows[header..]
            .iter()
            .filter(|r| !head.iter().any(|h| same_texts(h, r)))
            .enumerate()
            .map(|(i, r)| (i + 1, r))
            .collect();
        Table {
            kind,
            columns,
            leaves,
            rows,
        }
    }

    fn is(&self, kind: Kind) -> bool {
        match kind.mark() {
            Mark::Row(l) => self.row_of(l).is_some(),
            Mark::Column(l) => self.column(label::NAME).is_some() && self.column(l).is_some(),
        }
    }

    fn column(&self, heading: &str) -> Option<usize> {
        let k = key(heading);
        self.leaves.iter().position(|l| *l == k)
    }

    /// The row of a `Thông tin | Nội dung` table labelled `row_label`.
    fn row_of(&self, row_label: &str) -> Option<(usize, &'g Row)> {
        let k = key(row_label);
        self.rows
            .iter()
            .find(|(_, r)| r.cells.first().is_some_and(|c| key(&c.line()) == k))
            .copied()
    }
}

fn same_texts(a: &Row, b: &Row) -> bool {
    a.cells.len() == b.cells.len() && a.cells.iter().zip(&b.cells).all(|(x, y)| x.text == y.text)
}

/// Each column's printed heading (distinct header texts joined by `: `) and
/// its own heading (the lowest).
fn column_labels(head: &[Row], width: usize) -> (Vec<String>, Vec<String>) {
    (0..width)
        .map(|col| {
            let mut parts: Vec<String> = Vec::new();
            for row in head {
                let text = row.cells.get(col).map(Cell::line).unwrap_or_default();
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            let leaf = parts.last().map(|l| key(l)).unwrap_or_default();
            (parts.join(": "), leaf)
        })
        .unzip()
}

/// The form's tables by kind: the first table of each kind, with the body
/// rows of any later table of that kind and the same columns (a table a
/// word processor split in two).
struct Tables<'g> {
    found: Vec<Table<'g>>,
}

impl<'g> Tables<'g> {
    fn find(grids: &'g [Grid]) -> Result<Tables<'g>, Diagnostic> {
        let headings = headings();
        let mut found: Vec<Table<'g>> = Vec::new();
        for grid in grids {
            let mut table = Table::new(Kind::Branch, grid, &headings);
            let Some(kind) = Kind::ALL.into_iter().find(|k| table.is(*k)) else {
                continue;
            };
            table.kind = kind;
            match found.iter_mut().find(|t| t.kind == kind) {
                Some(first) if first.leaves == table.leaves => {
                    let next = first.rows.len();
                    first
                        .rows
                        .extend(table.rows.into_iter().map(|(i, r)| (next + i, r)));
                }
                Some(_) => {}
                None => found.push(table),
            }
        }
        let tables = Tables { found };
        for kind in [Kind::Branch, Kind::Meeting, Kind::Collective, Kind::Members] {
            if tables.get(kind).is_none() {
                return Err(missing_table(kind));
            }
        }
        Ok(tables)
    }

    fn get(&self, kind: Kind) -> Option<&Table<'g>> {
        self.found.iter().find(|t| t.kind == kind)
    }

    fn read(&self) -> FilledForm {
        let mut r = FormReader::default();
        let (branch, branch_name, year) = self
            .get(Kind::Branch)
            .map_or_else(|| (String::new(), String::new(), 0), |t| r.branch(t));
        let meeting = self.get(Kind::Meeting).and_then(|t| r.meeting(t, year));
        let collective = self.get(Kind::Collective).and_then(|t| r.collective(t));
        let mut members = self
            .get(Kind::Members)
            .map_or_else(Vec::new, |t| r.members(t));
        let index = name_index(&members);
        if let Some(t) = self.get(Kind::Special) {
            r.special(t, &mut members, &index);
        }
        if let Some(t) = self.get(Kind::Achievements) {
            r.achievements(t, &mut members, &index);
        }
        r.settle(&mut members);
        let ok = !r.diagnostics.iter().any(Diagnostic::is_error) && r.more_errors == 0;
        let results = match (meeting, collective) {
            (Some(meeting), Some(collective)) if ok => Some(Results {
                branch: branch.clone(),
                meeting,
                collective,
                members: members.into_iter().map(|m| m.file).collect(),
            }),
            _ => None,
        };
        FilledForm {
            branch,
            branch_name,
            year,
            results,
            diagnostics: r.finish(),
        }
    }
}

/// A member read from the member table, with where it came from.
struct Draft {
    row: usize,
    rating_column: String,
    /// What the branch proposed (`Chi bộ đề nghị`).
    proposed: RatingCell,
    /// The member's own rating (`Tự xếp loại`), on a form.
    own: RatingCell,
    file: Member,
}

/// Where a cell is, for messages.
struct At<'a> {
    kind: Kind,
    /// A body row number, or a row label.
    row: RowRef<'a>,
    column: &'a str,
    /// The member named on that row.
    name: Option<&'a str>,
}

enum RowRef<'a> {
    Number(usize),
    Label(&'a str),
    Header,
}

impl At<'_> {
    fn place(&self) -> Place {
        let path = match self.row {
            RowRef::Number(n) => format!("{}[{n}].{}", self.kind.name(), self.column),
            RowRef::Label(l) => format!("{}.{l}", self.kind.name()),
            RowRef::Header => format!("{}.{}", self.kind.name(), self.column),
        };
        Place {
            path,
            ..Place::default()
        }
    }

    /// `bảng dang-vien (…), dòng 3 (Hồ Sỹ Lâm), cột “Chi bộ đề nghị”`.
    fn describe(&self) -> (String, String) {
        let (table_vi, table_en) = self.kind.describe();
        let name = self.name.map(|n| format!(" ({n})")).unwrap_or_default();
        let (row_vi, row_en) = match self.row {
            RowRef::Number(n) => (format!("dòng {n}{name}"), format!("row {n}{name}")),
            RowRef::Label(l) => (format!("dòng “{l}”"), format!("row “{l}”")),
            RowRef::Header => ("dòng tiêu đề".to_owned(), "header row".to_owned()),
        };
        let col = self.column;
        (
            format!("{table_vi}, {row_vi}, cột “{col}”"),
            format!("{table_en}, {row_en}, column “{col}”"),
        )
    }

    fn message(&self, vi: &str, en: &str) -> Message {
        let (at_vi, at_en) = self.describe();
        Message::new(format!("{at_vi}: {vi}"), format!("{at_en}: {en}"))
    }
}

/// The most cell diagnostics one form reports (the rest are counted).
const MAX_DIAGNOSTICS: usize = 100;

#[derive(Default)]
struct FormReader {
    diagnostics: Vec<Diagnostic>,
    /// Errors beyond [`MAX_DIAGNOSTICS`], not kept.
    more_errors: usize,
}

impl FormReader {
    fn push(&mut self, d: Diagnostic) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(d);
        } else if d.is_error() {
            self.more_errors += 1;
        }
    }

    fn error(&mut self, at: &At, vi: &str, en: &str) {
        self.push(Diagnostic::error(
            Code::FormCell,
            at.place(),
            at.message(vi, en),
        ));
    }

    fn warning(&mut self, at: &At, vi: &str, en: &str) {
        self.push(Diagnostic::warning(
            Code::FormCell,
            at.place(),
            at.message(vi, en),
        ));
    }

    /// The diagnostics, with one for the errors left out.
    fn finish(mut self) -> Vec<Diagnostic> {
        if self.more_errors > 0 {
            let n = self.more_errors;
            self.diagnostics.push(Diagnostic::error(
                Code::FormCell,
                Place::default(),
                Message::new(
                    format!("và {n} ô khác không đọc được"),
                    format!("and {n} more cells that cannot be read"),
                ),
            ));
        }
        self.diagnostics
    }

    /// The value beside `row_label`; `None` (and an error) when the form
    /// lost that row.
    fn value(&mut self, t: &Table, row_label: &'static str) -> Option<String> {
        let Some((_, row)) = t.row_of(row_label) else {
            let at = kv_at(t.kind, row_label);
            self.error(
                &at,
                "không tìm thấy dòng này trong bảng (giữ nguyên các dòng của mẫu)",
                "this row is missing from the table (keep the form's rows)",
            );
            return None;
        };
        Some(row.cells.get(1).map(Cell::line).unwrap_or_default())
    }

    /// The value beside `row_label`, empty when the form has no such row
    /// (a value the results do not need).
    fn optional(&self, t: &Table, row_label: &'static str) -> String {
        t.row_of(row_label)
            .and_then(|(_, row)| row.cells.get(1))
            .map(Cell::line)
            .unwrap_or_default()
    }

    /// A value the results file requires: an error when empty.
    fn required(&mut self, t: &Table, row_label: &'static str) -> Option<String> {
        let value = self.value(t, row_label)?;
        if value.is_empty() {
            self.error(
                &kv_at(t.kind, row_label),
                "ô trống; kết quả của chi bộ cần giá trị này",
                "the cell is empty; the branch's results need it",
            );
            return None;
        }
        Some(value)
    }

    fn branch(&mut self, t: &Table) -> (String, String, i32) {
        let id = self.required(t, label::BRANCH_ID).unwrap_or_default();
        let name = self.optional(t, label::BRANCH_NAME);
        let year = self.required(t, label::YEAR).and_then(|y| match y.parse() {
            Ok(year) => Some(year),
            Err(_) => {
                let (vi, en) = found(&y);
                self.error(
                    &kv_at(t.kind, label::YEAR),
                    &format!("{vi} không phải một năm"),
                    &format!("{en} is not a year"),
                );
                None
            }
        });
        (id, name, year.unwrap_or(0))
    }

    fn meeting(&mut self, t: &Table, year: i32) -> Option<Meeting> {
        let date = self.required(t, label::DATE).and_then(|d| {
            let parsed = parse_date(&d, year);
            if parsed.is_none() {
                let (vi, en) = found(&d);
                self.error(
                    &kv_at(t.kind, label::DATE),
                    &format!("{vi} không phải một ngày (viết ngày/tháng/năm, ví dụ 12/12/{year})"),
                    &format!("{en} is not a date (write day/month/year, e.g. 12/12/{year})"),
                );
            }
            parsed
        });
        let place = self.required(t, label::PLACE);
        let chair = self.required(t, label::CHAIR);
        let clerk = self.required(t, label::CLERK);
        let guests = self.guests(t);
        Some(Meeting {
            date: date?.format("%Y-%m-%d").to_string(),
            place: place?,
            chair: chair?,
            clerk: clerk?,
            guests,
            absent: Vec::new(),
        })
    }

    /// Guests, one per paragraph or separated by `;`.
    fn guests(&mut self, t: &Table) -> Vec<String> {
        let Some((_, row)) = t.row_of(label::GUESTS) else {
            return Vec::new();
        };
        let Some(cell) = row.cells.get(1) else {
            return Vec::new();
        };
        cell.paragraphs()
            .flat_map(|p| p.split(';'))
            .map(|g| g.trim().trim_end_matches('.').trim().to_owned())
            .filter(|g| !g.is_empty())
            .collect()
    }

    fn collective(&mut self, t: &Table) -> Option<Collective> {
        let at = kv_at(t.kind, label::COLLECTIVE_RATING);
        let text = self.required(t, label::COLLECTIVE_RATING)?;
        let rating = match parse_rating(&text) {
            RatingCell::Rated(r) => Some(r),
            _ => {
                let (vi, en) = bad_rating(&text);
                self.error(&at, &vi, &en);
                None
            }
        };
        let score = match t.row_of(label::SCORE) {
            Some(_) => self
                .value(t, label::SCORE)
                .and_then(|s| self.number(&kv_at(t.kind, label::SCORE), &s, &["điểm"])),
            None => None,
        };
        let achievements = non_empty(self.optional(t, label::ACHIEVEMENTS));
        Some(Collective {
            rating: rating?,
            score,
            achievements,
            strengths: None,
            shortcomings: None,
            remedies: None,
        })
    }

    /// A whole number, with an optional unit word after it; empty is `None`.
    fn number(&mut self, at: &At, text: &str, units: &[&str]) -> Option<u32> {
        if text.is_empty() {
            return None;
        }
        let parsed = parse_number(text, units);
        if parsed.is_none() {
            let (vi, en) = found(text);
            self.error(
                at,
                &format!("{vi} không phải một số nguyên"),
                &format!("{en} is not a whole number"),
            );
        }
        parsed
    }

    fn members(&mut self, t: &Table) -> Vec<Draft> {
        let Some(name_col) = t.column(label::NAME) else {
            return Vec::new();
        };
        let proposed = t
            .column(label::PROPOSED)
            .or_else(|| t.column(label::PROPOSED_FULL))
            .or_else(|| t.column(label::RATING));
        let Some(proposed) = proposed else {
            self.error(
                &At {
                    kind: t.kind,
                    row: RowRef::Header,
                    column: label::PROPOSED,
                    name: None,
                },
                "bảng không còn cột này (giữ nguyên các cột của mẫu)",
                "the table lost this column (keep the form's columns)",
            );
            return Vec::new();
        };
        let cols = MemberCols {
            name: name_col,
            role: t.column(label::ROLE),
            score: t.column(label::SCORE),
            own: t.column(label::SELF_RATING),
            proposed,
        };
        t.rows
            .iter()
            .filter_map(|(n, row)| self.member(t, &cols, *n, row))
            .collect()
    }

    fn member(&mut self, t: &Table, cols: &MemberCols, n: usize, row: &Row) -> Option<Draft> {
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .map(Cell::line)
                .unwrap_or_default()
        };
        let name = cell(Some(cols.name));
        let (score, own, proposed) = (cell(cols.score), cell(cols.own), cell(Some(cols.proposed)));
        if name.is_empty() {
            if [&score, &own, &proposed].iter().any(|s| !s.is_empty()) {
                let at = t.at(n, cols.name, None);
                self.error(
                    &at,
                    "dòng có xếp loại nhưng thiếu họ và tên",
                    "the row has a rating but no name",
                );
            }
            return None;
        }
        let role_text = cell(cols.role);
        let role = match parse_role(&role_text) {
            Some(role) => role,
            None => {
                let (vi, en) = found(&role_text);
                let names: Vec<&str> = label::ROLES.iter().map(|(_, n)| *n).collect();
                self.error(
                    &t.at(n, cols.role.unwrap_or(0), Some(&name)),
                    &format!(
                        "{vi} không phải một chức vụ trong chi bộ ({})",
                        names.join(", ")
                    ),
                    &format!("{en} is not a role in the branch ({})", names.join(", ")),
                );
                Role::DangVien
            }
        };
        let score = cols
            .score
            .and_then(|c| self.number(&t.at(n, c, Some(&name)), &score, &["điểm"]));
        let rating_column = t.columns.get(cols.proposed).cloned().unwrap_or_default();
        let proposed_cell = self.rating(&t.at(n, cols.proposed, Some(&name)), &proposed);
        let own_cell = match cols.own {
            Some(c) => self.rating(&t.at(n, c, Some(&name)), &own),
            None => RatingCell::Empty,
        };
        Some(Draft {
            row: n,
            rating_column,
            proposed: proposed_cell,
            own: own_cell,
            file: Member {
                name,
                role,
                score,
                ..Member::default()
            },
        })
    }

    /// A rating cell; an unknown text is an error (and read as empty).
    fn rating(&mut self, at: &At, text: &str) -> RatingCell {
        let cell = parse_rating(text);
        if cell == RatingCell::Bad {
            let (vi, en) = bad_rating(text);
            self.error(at, &vi, &en);
        }
        cell
    }

    fn special(&mut self, t: &Table, members: &mut [Draft], index: &NameIndex) {
        let col = |l: &str| t.column(l);
        let (Some(name_col), Some(reason_col)) = (col(label::NAME), col(label::NOT_RATED)) else {
            return;
        };
        let (discipline, sick, remedied) = (
            col(label::DISCIPLINE),
            col(label::SICK_LEAVE),
            col(label::SELF_REMEDIED),
        );
        for (n, row) in &t.rows {
            let Some(i) = self.named_member(t, *n, row, name_col, index) else {
                continue;
            };
            let text = |c: Option<usize>| {
                c.and_then(|c| row.cells.get(c))
                    .map(Cell::line)
                    .unwrap_or_default()
            };
            let name = members[i].file.name.clone();
            let m = &mut members[i].file;
            m.not_rated = non_empty(text(Some(reason_col)));
            m.discipline = non_empty(text(discipline));
            if let Some(c) = sick {
                let at = t.at(*n, c, Some(&name));
                members[i].file.sick_leave_months = self.number(&at, &text(sick), &["tháng"]);
            }
            if let Some(c) = remedied {
                let yes = parse_yes(&text(remedied));
                if yes.is_none() {
                    let (vi, en) = found(&text(remedied));
                    self.error(
                        &t.at(*n, c, Some(&name)),
                        &format!("{vi}: ghi “{}” hoặc để trống", label::YES),
                        &format!("{en}: write “{}” or leave it empty", label::YES),
                    );
                }
                members[i].file.self_remedied = yes.unwrap_or(false);
            }
        }
    }

    fn achievements(&mut self, t: &Table, members: &mut [Draft], index: &NameIndex) {
        let (Some(name_col), Some(col)) = (t.column(label::NAME), t.column(label::ACHIEVEMENTS))
        else {
            return;
        };
        for (n, row) in &t.rows {
            if let Some(i) = self.named_member(t, *n, row, name_col, index) {
                let text = row.cells.get(col).map(Cell::line).unwrap_or_default();
                members[i].file.achievements = non_empty(text);
            }
        }
    }

    /// The member a row of a special-case or achievements table names;
    /// `None` for a blank row, and with an error for a name not in the
    /// member list.
    fn named_member(
        &mut self,
        t: &Table,
        n: usize,
        row: &Row,
        name_col: usize,
        index: &NameIndex,
    ) -> Option<usize> {
        let name = row.cells.get(name_col).map(Cell::line).unwrap_or_default();
        let others = row
            .cells
            .iter()
            .enumerate()
            .any(|(c, cell)| c != name_col && c != 0 && !cell.text.is_empty());
        if name.is_empty() {
            if others {
                self.error(
                    &t.at(n, name_col, None),
                    "dòng có nội dung nhưng thiếu họ và tên",
                    "the row has content but no name",
                );
            }
            return None;
        }
        let found_at = index.get(&key(&name)).copied();
        if found_at.is_none() {
            let (vi, en) = found(&name);
            self.error(
                &t.at(n, name_col, None),
                &format!(
                    "{vi} không có trong bảng {} (danh sách đảng viên)",
                    Kind::Members.name()
                ),
                &format!(
                    "{en} is not in table {} (member list)",
                    Kind::Members.name()
                ),
            );
        }
        found_at
    }

    /// Each member's rating, once the reasons for not rating are known:
    /// the branch's proposal; none with a reason not to rate; else the
    /// self-rating (said). `Không xếp loại` with no reason leaves the
    /// member without either (the `rating-missing` rule names them) and
    /// is said too.
    fn settle(&mut self, members: &mut [Draft]) {
        for m in members.iter_mut() {
            let reason = m.file.not_rated.is_some();
            m.file.rating = match (m.proposed, m.own) {
                (RatingCell::Rated(r), _) => Some(r),
                (RatingCell::Empty, RatingCell::Rated(r)) if !reason => {
                    self.warning(
                        &m.at(),
                        &format!(
                            "chi bộ chưa ghi mức đề nghị; lấy mức tự xếp loại: {}",
                            r.full_name()
                        ),
                        &format!(
                            "the branch proposed no rating; the self-rating is used: {}",
                            r.code()
                        ),
                    );
                    Some(r)
                }
                _ => None,
            };
            let unrated = m.proposed == RatingCell::Unrated
                || (m.proposed == RatingCell::Empty && m.own == RatingCell::Unrated);
            if unrated && !reason {
                let table = Kind::Special.name();
                self.warning(
                    &m.at(),
                    &format!(
                        "không xếp loại nhưng chưa ghi lý do (cột “{}” của bảng {table})",
                        label::NOT_RATED
                    ),
                    &format!(
                        "not rated, but no reason given (column “{}” of table {table})",
                        label::NOT_RATED
                    ),
                );
            }
        }
    }
}

impl Draft {
    /// The member's rating cell.
    fn at(&self) -> At<'_> {
        At {
            kind: Kind::Members,
            row: RowRef::Number(self.row),
            column: &self.rating_column,
            name: Some(&self.file.name),
        }
    }
}

/// Members by the [`key`] of their name (the first of a name).
type NameIndex = std::collections::HashMap<String, usize>;

fn name_index(members: &[Draft]) -> NameIndex {
    let mut index = NameIndex::new();
    for (i, m) in members.iter().enumerate() {
        index.entry(key(&m.file.name)).or_insert(i);
    }
    index
}

struct MemberCols {
    name: usize,
    role: Option<usize>,
    score: Option<usize>,
    own: Option<usize>,
    proposed: usize,
}

impl Table<'_> {
    fn at<'a>(&'a self, row: usize, col: usize, name: Option<&'a str>) -> At<'a> {
        At {
            kind: self.kind,
            row: RowRef::Number(row),
            column: self.columns.get(col).map_or("", String::as_str),
            name,
        }
    }
}

fn kv_at(kind: Kind, row_label: &'static str) -> At<'static> {
    At {
        kind,
        row: RowRef::Label(row_label),
        column: label::VALUE,
        name: None,
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// `“text”` in both languages, or "the empty cell".
fn found(text: &str) -> (String, String) {
    match text.is_empty() {
        true => ("ô trống".to_owned(), "the empty cell".to_owned()),
        false => (format!("“{text}”"), format!("“{text}”")),
    }
}

fn bad_rating(text: &str) -> (String, String) {
    let (vi, en) = found(text);
    let codes: Vec<&str> = Rating::ALL.iter().map(|r| r.code()).collect();
    let codes = codes.join(", ");
    (
        format!(
            "{vi} không phải một mức xếp loại; ghi tên đầy đủ (ví dụ “{}”) hoặc viết tắt ({codes})",
            Rating::Httnv.full_name()
        ),
        format!(
            "{en} is not a rating; write it in full (e.g. “{}”) or abbreviated ({codes})",
            Rating::Httnv.full_name()
        ),
    )
}

fn unreadable(e: ReadError) -> Diagnostic {
    let (vi, en) = match e {
        ReadError::NotZip(_) => (
            "không phải tệp DOCX (không mở được như một tệp nén zip)".to_owned(),
            "not a DOCX file (it does not open as a zip archive)".to_owned(),
        ),
        ReadError::NoDocument => (
            format!(
                "không phải tệp DOCX (tệp nén không có {})",
                docx_read::DOCUMENT_PART
            ),
            format!(
                "not a DOCX file (the archive has no {})",
                docx_read::DOCUMENT_PART
            ),
        ),
        ReadError::Corrupt(detail) => (
            format!("tệp DOCX bị hỏng: {detail}"),
            format!("the DOCX file is damaged: {detail}"),
        ),
        ReadError::TooLarge => (
            format!(
                "tệp quá lớn để là một mẫu báo cáo ({} vượt {} MiB, hoặc bảng quá nhiều ô)",
                docx_read::DOCUMENT_PART,
                docx_read::MAX_DOCUMENT_XML >> 20
            ),
            format!(
                "too large to be a report form ({} over {} MiB, or tables with too many cells)",
                docx_read::DOCUMENT_PART,
                docx_read::MAX_DOCUMENT_XML >> 20
            ),
        ),
        ReadError::NotUtf8 => (
            format!("{} không phải UTF-8", docx_read::DOCUMENT_PART),
            format!("{} is not UTF-8", docx_read::DOCUMENT_PART),
        ),
        ReadError::Xml(detail) => (
            format!(
                "{} không phải XML hợp lệ: {detail}",
                docx_read::DOCUMENT_PART
            ),
            format!(
                "{} is not well-formed XML: {detail}",
                docx_read::DOCUMENT_PART
            ),
        ),
    };
    Diagnostic::error(Code::FormUnreadable, Place::default(), Message::new(vi, en))
}

fn missing_table(kind: Kind) -> Diagnostic {
    let (vi, en) = kind.describe();
    let message = match kind {
        Kind::Branch => Message::new(
            format!(
                "không phải mẫu báo cáo chi bộ của vanban: không có {vi} với dòng “{}”",
                label::BRANCH_ID
            ),
            format!(
                "not one of vanban's branch report forms: no {en} with a “{}” row",
                label::BRANCH_ID
            ),
        ),
        _ => Message::new(
            format!("mẫu báo cáo thiếu {vi} (giữ nguyên các bảng của mẫu)"),
            format!("the report form lacks {en} (keep the form's tables)"),
        ),
    };
    Diagnostic::error(Code::FormUnreadable, Place::default(), message)
}

/// What a rating cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingCell {
    Empty,
    Rated(Rating),
    /// `Không xếp loại`.
    Unrated,
    Bad,
}

/// A rating in full or abbreviated, in any case; `Không xếp loại`.
pub fn parse_rating(text: &str) -> RatingCell {
    let k = key(text);
    if k.is_empty() {
        return RatingCell::Empty;
    }
    if k == key(label::UNRATED_CELL) {
        return RatingCell::Unrated;
    }
    Rating::ALL
        .into_iter()
        .find(|r| k == key(r.code()) || k == key(r.full_name()))
        .map_or(RatingCell::Bad, RatingCell::Rated)
}

/// A role as the member table prints it; empty is a plain member.
pub fn parse_role(text: &str) -> Option<Role> {
    let k = key(text);
    if k.is_empty() {
        return Some(Role::DangVien);
    }
    label::ROLES
        .iter()
        .find(|(_, name)| key(name) == k)
        .map(|(role, _)| *role)
}

/// `Có`, `x`, `✓` (yes); empty, `Không` (no).
fn parse_yes(text: &str) -> Option<bool> {
    match key(text).as_str() {
        "" | "không" | "-" | "0" => Some(false),
        k if k == key(label::YES) || matches!(k, "x" | "✓" | "✔" | "1") => Some(true),
        _ => None,
    }
}

/// `82`, `82 điểm`, `4 tháng`.
fn parse_number(text: &str, units: &[&str]) -> Option<u32> {
    let k = key(text);
    let digits = units
        .iter()
        .find_map(|u| k.strip_suffix(u))
        .unwrap_or(&k)
        .trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `12/12/2024`, `12-12-2024`, `12.12.2024`, `2024-12-12`, `ngày 12 tháng
/// 12 năm 2024`, or `12/12` in the form's year.
pub fn parse_date(text: &str, year: i32) -> Option<NaiveDate> {
    let k = key(text);
    let mut rest = k.clone();
    for word in ["ngày", "tháng", "năm"] {
        rest = rest.replace(word, " ");
    }
    let parts: Vec<&str> = rest
        .split(|c: char| matches!(c, '/' | '-' | '.' | ',') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if parts
        .iter()
        .any(|p| !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match (parts.as_slice(), n.as_slice()) {
        ([first, ..], [y, m, d]) if first.len() == 4 => (i32::try_from(*y).ok()?, *m, *d),
        ([.., last], [d, m, y]) if last.len() == 4 => (i32::try_from(*y).ok()?, *m, *d),
        ([.., last], [d, m, y]) if last.len() == 2 => (2000 + i32::try_from(*y).ok()?, *m, *d),
        (_, [d, m]) => (year, *m, *d),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_in_full_abbreviated_and_any_case() {
        for text in [
            "Hoàn thành tốt nhiệm vụ",
            "hoàn thành tốt nhiệm vụ",
            "HOÀN THÀNH TỐT NHIỆM VỤ",
            "HTTNV",
            "httnv",
            " Hoàn  thành tốt nhiệm vụ. ",
            "Hoa\u{300}n tha\u{300}nh tốt nhiệm vụ",
        ] {
            assert_eq!(
                parse_rating(text),
                RatingCell::Rated(Rating::Httnv),
                "{text}"
            );
        }
        assert_eq!(parse_rating("KHTNV"), RatingCell::Rated(Rating::Khtnv));
        assert_eq!(
            parse_rating("Hoàn thành xuất sắc nhiệm vụ"),
            RatingCell::Rated(Rating::Htxsnv)
        );
        assert_eq!(parse_rating("không xếp loại"), RatingCell::Unrated);
        assert_eq!(parse_rating(""), RatingCell::Empty);
        for bad in ["Tốt", "HTT", "Hoàn thành tốt"] {
            assert_eq!(parse_rating(bad), RatingCell::Bad, "{bad}");
        }
    }

    #[test]
    fn roles() {
        assert_eq!(parse_role("Bí thư"), Some(Role::BiThu));
        assert_eq!(parse_role("phó bí thư"), Some(Role::PhoBiThu));
        assert_eq!(parse_role("Chi uỷ viên"), Some(Role::ChiUyVien));
        assert_eq!(parse_role(""), Some(Role::DangVien));
        assert_eq!(parse_role("Đảng viên"), Some(Role::DangVien));
        assert_eq!(parse_role("Trưởng phòng"), None);
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 12);
        for text in [
            "12/12/2024",
            "12-12-2024",
            "12.12.2024",
            "2024-12-12",
            "ngày 12 tháng 12 năm 2024",
            "Ngày 12/12/2024",
            "12/12",
            "12/12/24",
        ] {
            assert_eq!(parse_date(text, 2024), d, "{text}");
        }
        for bad in [
            "31/02/2024",
            "hôm qua",
            "12",
            "12/12/2024 lúc 8 giờ",
            "99999999/1/1",
        ] {
            assert_eq!(parse_date(bad, 2024), None, "{bad}");
        }
    }

    #[test]
    fn numbers_and_yes() {
        assert_eq!(parse_number("82", &["điểm"]), Some(82));
        assert_eq!(parse_number("82 điểm", &["điểm"]), Some(82));
        assert_eq!(parse_number("tám", &["điểm"]), None);
        assert_eq!(parse_number("99999999999", &[]), None);
        assert_eq!(parse_yes("Có"), Some(true));
        assert_eq!(parse_yes("x"), Some(true));
        assert_eq!(parse_yes(""), Some(false));
        assert_eq!(parse_yes("có lẽ"), None);
    }

    /// A form's document.xml from tables given as rows of cells; the first
    /// row of each is its header row.
    fn form(tables: &[&[&[&str]]]) -> FilledForm {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let body: String = tables
            .iter()
            .map(|rows| {
                let rows: String = rows
                    .iter()
                    .map(|r| {
                        format!(
                            "<w:tr>{}</w:tr>",
                            r.iter().map(|c| cell(c)).collect::<String>()
                        )
                    })
                    .collect();
                format!("<w:tbl>{rows}</w:tbl>")
            })
            .collect();
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let grids = docx_read::parse_tables(&xml).expect("parses");
        Tables::find(&grids).expect("a form").read()
    }

    const KV: &[&str] = &[label::ITEM, label::VALUE];

    fn branch_and_meeting() -> [&'static [&'static [&'static str]]; 3] {
        [
            &[KV, &[label::BRANCH_ID, "a"], &[label::YEAR, "2024"]],
            &[
                KV,
                &[label::DATE, "9/12"],
                &[label::PLACE, "P"],
                &[label::CHAIR, "A"],
                &[label::CLERK, "B"],
            ],
            &[KV, &[label::COLLECTIVE_RATING, "htnv"]],
        ]
    }

    #[test]
    fn a_reason_not_to_rate_wins_over_a_self_rating() {
        let [b, m, c] = branch_and_meeting();
        let members: &[&[&str]] = &[
            &[
                label::NO,
                label::NAME,
                label::ROLE,
                label::SELF_RATING,
                label::PROPOSED,
            ],
            &["1", "A", "Bí thư", "HTNV", "HTNV"],
            &["2", "C", "", "HTTNV", ""],
            &["3", "D", "", "HTNV", ""],
            &["4", "E", "", "", "Không xếp loại"],
        ];
        let special: &[&[&str]] = &[
            &[label::NO, label::NAME, label::NOT_RATED],
            &["1", "c", "kết nạp chưa đủ 6 tháng"],
        ];
        let f = form(&[b, m, c, members, special]);
        let r = f.results.expect("results");
        // The results schema keeps the date as the ISO text it is written as.
        assert_eq!(r.meeting.date, "2024-12-09");
        let got: Vec<_> = r
            .members
            .iter()
            .map(|m| (m.rating, m.not_rated.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(Rating::Htnv), None),
                (None, Some("kết nạp chưa đủ 6 tháng")),
                (Some(Rating::Htnv), None),
                (None, None),
            ]
        );
        let paths: Vec<_> = f
            .diagnostics
            .iter()
            .map(|d| d.place.path.as_str())
            .collect();
        assert_eq!(
            paths,
            ["dang-vien[3].Chi bộ đề nghị", "dang-vien[4].Chi bộ đề nghị"],
            "D's self-rating used, E not rated without a reason"
        );
        assert!(f.diagnostics.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn a_filled_report_reads_back_too() {
        let [b, m, c] = branch_and_meeting();
        let members: &[&[&str]] = &[
            &[label::NO, label::NAME, label::ROLE, label::PROPOSED_FULL],
            &["1", "A", "Bí thư", Rating::Htnv.full_name()],
            &["2", "C", "", label::UNRATED_CELL],
        ];
        let special: &[&[&str]] = &[
            &[label::NO, label::NAME, label::NOT_RATED, label::DISCIPLINE],
            &["1", "C", "đình chỉ sinh hoạt đảng", ""],
        ];
        let f = form(&[b, m, c, members, special]);
        assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
        let r = f.results.expect("results");
        assert_eq!(
            r.members[1].not_rated.as_deref(),
            Some("đình chỉ sinh hoạt đảng")
        );
        assert_eq!(r.members[0].role, Role::BiThu);
    }

    #[test]
    fn a_name_not_in_the_member_list_is_an_error() {
        let [b, m, c] = branch_and_meeting();
        let members: &[&[&str]] = &[
            &[label::NO, label::NAME, label::ROLE, label::PROPOSED_FULL],
            &["1", "A", "Bí thư", "HTNV"],
        ];
        let excellent: &[&[&str]] = &[
            &[label::NO, label::NAME, label::ACHIEVEMENTS],
            &["1", "Z", "x"],
        ];
        let f = form(&[b, m, c, members, excellent]);
        assert!(f.results.is_none());
        assert_eq!(f.diagnostics[0].place.path, "thanh-tich[1].Họ và tên");
    }

    #[test]
    fn arbitrary_bytes_are_refused_without_panic() {
        for bytes in [&b""[..], b"PK\x03\x04", b"<w:document/>", &[0xff; 64]] {
            let d = read_form(bytes).expect_err("not a form");
            assert_eq!(d.code, Code::FormUnreadable);
        }
    }
}
