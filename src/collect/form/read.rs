//! Reading the cells of the branch, meeting and collective tables into a
//! results file; the reader that keeps the diagnostics.

use super::FilledForm;
use super::attendance::says_no_one;
use super::cells::{RatingCell, parse_date, parse_number, parse_rating};
use super::errors::{At, RowRef, bad_rating, found};
use super::locate::{Table, Tables};
use super::members::name_index;
use crate::collect::docx_read::Cell;
use crate::cycle::raw::{
    Collective as CollectiveFile, Meeting as MeetingFile, Results as ResultsFile,
};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::forms::{TableName, label};

impl Tables<'_> {
    pub(super) fn read(&self) -> FilledForm {
        let mut r = FormReader::default();
        let (branch, branch_name, year) = self
            .get(TableName::Branch)
            .map_or_else(|| (String::new(), String::new(), 0), |t| r.branch(t));
        let mut meeting = self
            .get(TableName::Meeting)
            .and_then(|t| r.meeting(t, year));
        let collective = self
            .get(TableName::Collective)
            .and_then(|t| r.collective(t));
        let mut members = self
            .get(TableName::Members)
            .map_or_else(Vec::new, |t| r.members(t));
        let index = name_index(&members);
        let absent = self
            .get(TableName::Meeting)
            .and_then(|t| r.attendance(t, &members, &index));
        if let Some(m) = meeting.as_mut() {
            m.absent = absent;
        }
        if let Some(t) = self.get(TableName::Special) {
            r.special(t, &mut members, &index);
        }
        if let Some(t) = self.get(TableName::Achievements) {
            r.achievements(t, &mut members, &index);
        }
        r.settle(&mut members);
        // Figures of a member list that could not be read would not agree.
        let statistics = self.get(TableName::Statistics);
        if let Some(t) = statistics.filter(|_| !r.diagnostics.iter().any(Diagnostic::is_error)) {
            r.statistics(t, &members);
        }
        let member_rows = members.iter().map(|m| m.row).collect();
        let ok = !r.diagnostics.iter().any(Diagnostic::is_error) && r.more_errors == 0;
        let results = match (meeting, collective) {
            (Some(meeting), Some(collective)) if ok => Some(ResultsFile {
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
            member_rows,
            diagnostics: r.finish(),
            blocks: Vec::new(),
            unplaced: Vec::new(),
        }
    }
}

/// The most cell diagnostics one form reports (the rest are counted).
pub(super) const MAX_DIAGNOSTICS: usize = 100;

#[derive(Default)]
pub(super) struct FormReader {
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Errors beyond [`MAX_DIAGNOSTICS`], not kept.
    pub(super) more_errors: usize,
}

impl FormReader {
    pub(super) fn push(&mut self, d: Diagnostic) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(d);
        } else if d.is_error() {
            self.more_errors += 1;
        }
    }

    pub(super) fn error(&mut self, at: &At, vi: &str, en: &str) {
        self.push(Diagnostic::error(
            Code::FormCell,
            at.place(),
            at.message(vi, en),
        ));
    }

    pub(super) fn warning(&mut self, at: &At, vi: &str, en: &str) {
        self.push(Diagnostic::warning(
            Code::FormCell,
            at.place(),
            at.message(vi, en),
        ));
    }

    /// The diagnostics, with one for the errors left out.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
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
    pub(super) fn value(&mut self, t: &Table, row_label: &'static str) -> Option<String> {
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
    pub(super) fn optional(&self, t: &Table, row_label: &'static str) -> String {
        t.row_of(row_label)
            .and_then(|(_, row)| row.cells.get(1))
            .map(Cell::line)
            .unwrap_or_default()
    }

    /// A value the results file requires: an error when empty.
    pub(super) fn required(&mut self, t: &Table, row_label: &'static str) -> Option<String> {
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

    pub(super) fn branch(&mut self, t: &Table) -> (String, String, i32) {
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

    pub(super) fn meeting(&mut self, t: &Table, year: i32) -> Option<MeetingFile> {
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
        Some(MeetingFile {
            date: date?.format("%Y-%m-%d").to_string(),
            place: place?,
            chair: chair?,
            clerk: clerk?,
            guests,
            // Read with the member list (`attendance`).
            absent: None,
        })
    }

    /// Guests, one per paragraph or separated by `;`. An empty cell says
    /// nothing: not known (a dotted blank in the minutes); `Không có`: none.
    pub(super) fn guests(&mut self, t: &Table) -> Option<Vec<String>> {
        let cell = t.row_of(label::GUESTS)?.1.cells.get(1)?;
        if says_no_one(&cell.line()) {
            return Some(Vec::new());
        }
        let guests: Vec<String> = cell
            .paragraphs()
            .flat_map(|p| p.split(';'))
            .map(|g| g.trim().trim_end_matches('.').trim().to_owned())
            .filter(|g| !g.is_empty())
            .collect();
        (!guests.is_empty()).then_some(guests)
    }

    pub(super) fn collective(&mut self, t: &Table) -> Option<CollectiveFile> {
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
        let score = self.score_row(t, label::SCORE);
        let score_general = self.score_row(t, label::SCORE_GENERAL);
        let score_tasks = self.score_row(t, label::SCORE_TASKS);
        let achievements = non_empty(self.optional(t, label::ACHIEVEMENTS));
        Some(CollectiveFile {
            rating: rating?,
            score,
            score_general,
            score_tasks,
            achievements,
            strengths: None,
            shortcomings: None,
            remedied: None,
            explanations: None,
            responsibility: None,
            remedies: None,
        })
    }

    /// A score row of the collective table (`… điểm`), when the form has it.
    fn score_row(&mut self, t: &Table, row: &'static str) -> Option<u32> {
        t.row_of(row)?;
        let text = self.value(t, row)?;
        self.number(&kv_at(t.kind, row), &text, &["điểm"])
    }

    /// A whole number, with an optional unit word after it; empty is `None`.
    pub(super) fn number(&mut self, at: &At, text: &str, units: &[&str]) -> Option<u32> {
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
}

pub(super) fn kv_at(kind: TableName, row_label: &'static str) -> At<'static> {
    At {
        kind,
        row: RowRef::Label(row_label),
        column: label::VALUE,
        name: None,
    }
}

pub(super) fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}
