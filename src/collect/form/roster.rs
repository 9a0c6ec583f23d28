//! A filled form's names against its branch's roster (rules.md
//! `roster-name`), as the loader matches a results file's: written as on
//! the roster, nothing; equal once folded (`cycle::names`), a warning and
//! the roster's spelling in the results file; any other name, an error
//! naming the closest roster name.

use super::FilledForm;
use super::errors::{At, RowRef, describe};
use crate::cycle::RosterEntry;
use crate::cycle::names::{OnRoster, Roster};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::forms::{TableName, label};

impl FilledForm {
    /// Matches the members' and the absent's names with `roster` (of the
    /// branch `branch`); nothing to do without a roster or results. The
    /// places name no file (the caller knows it).
    pub fn match_roster(&mut self, branch: &str, roster: &[RosterEntry]) -> Vec<Diagnostic> {
        let roster = Roster::new(roster.iter().map(|e| e.name.as_str()));
        let Some(results) = self.results.as_mut().filter(|_| !roster.is_empty()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, m) in results.members.iter_mut().enumerate() {
            let row = self.member_rows.get(i).copied().unwrap_or(i + 1);
            let at = At {
                kind: TableName::Members,
                row: RowRef::Number(row),
                column: label::NAME,
                name: None,
            };
            let (place, (vi, en)) = (at.place(), at.describe());
            out.extend(respell(&roster, branch, &mut m.name, place, &vi, &en));
        }
        for a in results.meeting.absent.iter_mut().flatten() {
            let kind = TableName::Meeting;
            let place = Place {
                path: kind.name().to_owned(),
                ..Place::default()
            };
            let (vi, en) = describe(kind);
            out.extend(respell(&roster, branch, &mut a.name, place, &vi, &en));
        }
        out
    }
}

/// One name: given the roster's spelling when it folds to it (a warning),
/// an error when it is not on the roster.
fn respell(
    roster: &Roster,
    branch: &str,
    name: &mut String,
    place: Place,
    at_vi: &str,
    at_en: &str,
) -> Option<Diagnostic> {
    match roster.find(name) {
        OnRoster::Exact => None,
        OnRoster::Folded(spelling) => {
            let message = Message::new(
                format!(
                    "{at_vi}: “{name}” chỉ khác cách viết “{spelling}” trong danh sách đảng viên của chi bộ `{branch}` ở chữ hoa, chữ thường hoặc vị trí dấu thanh; tệp kết quả ghi theo danh sách: “{spelling}”"
                ),
                format!(
                    "{at_en}: “{name}” differs from “{spelling}” on the roster of branch `{branch}` only in case or tone-mark placement; the results file uses the roster's spelling: “{spelling}”"
                ),
            );
            *name = spelling.to_owned();
            Some(Diagnostic::warning(Code::RosterName, place, message))
        }
        OnRoster::Unknown(closest) => {
            let (near_vi, near_en) = match closest {
                Some(n) => (
                    format!("; tên gần nhất trong danh sách: “{n}”"),
                    format!("; the closest roster name: “{n}”"),
                ),
                None => (String::new(), String::new()),
            };
            Some(Diagnostic::error(
                Code::RosterName,
                place,
                Message::new(
                    format!(
                        "{at_vi}: “{name}” không có trong danh sách đảng viên của chi bộ `{branch}`{near_vi}"
                    ),
                    format!("{at_en}: “{name}” is not on the roster of branch `{branch}`{near_en}"),
                ),
            ))
        }
    }
}
