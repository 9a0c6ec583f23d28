//! Reading attendance from the meeting table (`hoi-nghi`): the members
//! present and those absent with their reasons, checked against each
//! other and the member list by the figure the documents print
//! ([`present`]). Neither filled in: not known (`absent` left out).

use super::cells::key;
use super::errors::found;
use super::locate::Table;
use super::members::{Draft, NameIndex};
use super::read::{FormReader, kv_at};
use crate::collect::docx_read::Cell;
use crate::cycle::raw::Absence;
use crate::domain::figures::present;
use crate::domain::forms::{TableName, label};

/// Units a count of people may be typed with (`6 đồng chí`).
const PEOPLE: [&str; 3] = ["đồng chí", "đảng viên", "người"];

/// A cell that says there was no one (`Không`, `Không có`, `0`).
pub(super) fn says_no_one(text: &str) -> bool {
    let k = key(text);
    k == key(label::NO_ONE) || matches!(k.as_str(), "không" | "không có ai" | "0")
}

impl FormReader {
    /// `meeting.absent` from the rows `Số đảng viên có mặt` and `Đảng viên
    /// vắng mặt`; `members` the member list read from the same form.
    /// `None` when neither is filled in (not known), or on an error.
    pub(super) fn attendance(
        &mut self,
        t: &Table,
        members: &[Draft],
        index: &NameIndex,
    ) -> Option<Vec<Absence>> {
        let present_text = self.optional(t, label::PRESENT);
        let cell = t
            .row_of(label::ABSENT)
            .and_then(|(_, row)| row.cells.get(1));
        let absent_text = cell.map(Cell::line).unwrap_or_default();
        if present_text.is_empty() && absent_text.is_empty() {
            return None;
        }
        let absent = match (cell, says_no_one(&absent_text)) {
            (_, true) => Some(Vec::new()),
            (Some(cell), false) if !absent_text.is_empty() => {
                Some(self.absentees(t, cell, members, index)?)
            }
            _ => None,
        };
        let at = kv_at(TableName::Meeting, label::PRESENT);
        let typed = match present_text.is_empty() {
            true => None,
            false => Some(self.number(&at, &present_text, &PEOPLE)?),
        };
        let listed = u32::try_from(members.len()).unwrap_or(u32::MAX);
        match (typed, absent) {
            (_, Some(absent)) if absent.len() > members.len() => {
                let n = absent.len();
                self.error(
                    &kv_at(TableName::Meeting, label::ABSENT),
                    &format!(
                        "ghi {n} đảng viên vắng mặt, nhưng danh sách đảng viên chỉ có {listed} đồng chí"
                    ),
                    &format!("{n} members are named absent, but the member list has only {listed}"),
                );
                None
            }
            (None, absent) => absent,
            (Some(typed), Some(absent)) => {
                let expected = present(listed, absent.len());
                if typed != expected {
                    let n = absent.len();
                    self.error(
                        &at,
                        &format!(
                            "ghi {typed} đảng viên có mặt, nhưng danh sách đảng viên có {listed} đồng chí, vắng mặt {n}: số có mặt là {expected}"
                        ),
                        &format!(
                            "{typed} members present is written, but the member list has {listed} and {n} are absent: {expected} were present"
                        ),
                    );
                    return None;
                }
                Some(absent)
            }
            (Some(typed), None) if typed == listed => Some(Vec::new()),
            (Some(typed), None) if typed < listed => {
                let missing = listed - typed;
                self.error(
                    &at,
                    &format!(
                        "ghi {typed} đảng viên có mặt trong {listed} đồng chí của danh sách đảng viên: ghi họ tên, lý do của {missing} đồng chí vắng mặt vào dòng “{}”",
                        label::ABSENT
                    ),
                    &format!(
                        "{typed} of the {listed} members on the member list are written as present: write the names and reasons of the {missing} absent in the row “{}”",
                        label::ABSENT
                    ),
                );
                None
            }
            (Some(typed), None) => {
                self.error(
                    &at,
                    &format!(
                        "ghi {typed} đảng viên có mặt, nhiều hơn {listed} đồng chí của danh sách đảng viên"
                    ),
                    &format!(
                        "{typed} members present is written, more than the {listed} on the member list"
                    ),
                );
                None
            }
        }
    }

    /// The absent cell's entries, one a paragraph or `;` between them,
    /// each a member of the list with a reason; `None` on an error.
    fn absentees(
        &mut self,
        t: &Table,
        cell: &Cell,
        members: &[Draft],
        index: &NameIndex,
    ) -> Option<Vec<Absence>> {
        let at = kv_at(t.kind, label::ABSENT);
        let mut out: Vec<Absence> = Vec::new();
        let mut ok = true;
        for entry in cell.paragraphs().flat_map(|p| p.split(';')) {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let Some((name, reason)) = split_absence(entry) else {
                let (vi, en) = found(entry);
                self.error(
                    &at,
                    &format!(
                        "{vi}: ghi họ tên và lý do vắng mặt của từng đồng chí, ví dụ “Nguyễn Văn A (đi công tác)”"
                    ),
                    &format!(
                        "{en}: write each absent member's name and reason, e.g. “Nguyễn Văn A (đi công tác)”"
                    ),
                );
                ok = false;
                continue;
            };
            let Some(&i) = index.get(&key(name)) else {
                let (vi, en) = found(name);
                let table = TableName::Members.name();
                self.error(
                    &at,
                    &format!("{vi} không có trong bảng {table} (danh sách đảng viên)"),
                    &format!("{en} is not in table {table} (member list)"),
                );
                ok = false;
                continue;
            };
            let name = members.get(i).map_or(name, |m| m.file.name.as_str());
            if out.iter().any(|a| a.name == name) {
                let (vi, en) = found(name);
                self.error(
                    &at,
                    &format!("{vi} được ghi vắng mặt hai lần"),
                    &format!("{en} is named absent twice"),
                );
                ok = false;
                continue;
            }
            out.push(Absence {
                name: name.to_owned(),
                reason,
            });
        }
        ok.then_some(out)
    }
}

/// `Nguyễn Văn A (ốm)`, `Nguyễn Văn A: ốm`, `Nguyễn Văn A – ốm` (also
/// after a bullet, a number or `đồng chí`) → the name and the reason;
/// `None` without either.
fn split_absence(entry: &str) -> Option<(&str, String)> {
    let entry = strip_title(strip_bullet(entry));
    let (at, sep) = ["(", ":", "–", "—", " - "]
        .iter()
        .filter_map(|sep| entry.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)?;
    let name = entry[..at].trim().trim_end_matches(',').trim_end();
    let after = entry[at + sep.len()..].trim();
    let reason = match (sep, after.rfind(')')) {
        // `(ốm) đã xin phép`: what follows the bracket belongs to the reason.
        ("(", Some(close)) => {
            let inner = after[..close].trim();
            let rest = after[close + 1..].trim().trim_end_matches('.').trim_end();
            match rest.is_empty() {
                true => inner.to_owned(),
                false => format!("{inner}, {rest}"),
            }
        }
        _ => after.to_owned(),
    };
    let reason = reason.trim().trim_end_matches('.').trim_end();
    (!name.is_empty() && !reason.is_empty()).then(|| (name, reason.to_owned()))
}

/// Without a leading `-`, `•`, `+` or `1.`, `1)`.
fn strip_bullet(entry: &str) -> &str {
    let entry = entry.trim_start();
    if let Some(rest) = entry.strip_prefix(['-', '–', '—', '•', '+', '*']) {
        return rest.trim_start();
    }
    let digits = entry.len() - entry.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match entry[digits..].strip_prefix(['.', ')']) {
        Some(rest) if digits > 0 => rest.trim_start(),
        _ => entry,
    }
}

/// Without a leading `đồng chí` or `đ/c`, in any case.
fn strip_title(entry: &str) -> &str {
    for title in ["đồng chí ", "đ/c ", "đ/c.", "đc "] {
        let head = entry.get(..title.len()).map(str::to_lowercase);
        if head.as_deref() == Some(title) {
            return entry[title.len()..].trim_start();
        }
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absence_is_a_name_and_a_reason() {
        for entry in [
            "Vũ Thị Lan (đi công tác)",
            "Vũ Thị Lan: đi công tác.",
            "Vũ Thị Lan – đi công tác",
            "Vũ Thị Lan - đi công tác",
            "- Đồng chí Vũ Thị Lan (đi công tác).",
            "2. đ/c Vũ Thị Lan, (đi công tác)",
        ] {
            assert_eq!(
                split_absence(entry),
                Some(("Vũ Thị Lan", "đi công tác".to_owned())),
                "{entry}"
            );
        }
        assert_eq!(
            split_absence("Lê Văn Hải (ốm (nằm viện))"),
            Some(("Lê Văn Hải", "ốm (nằm viện)".to_owned()))
        );
        assert_eq!(
            split_absence("Lê Văn Hải (ốm) đã xin phép"),
            Some(("Lê Văn Hải", "ốm, đã xin phép".to_owned()))
        );
        for bad in ["Vũ Thị Lan", "(ốm)", "Vũ Thị Lan ()", "Vũ Thị Lan:"] {
            assert_eq!(split_absence(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_one_is_said_in_several_ways() {
        for text in ["Không", "không có.", "KHÔNG CÓ", "0", "Không có ai"] {
            assert!(says_no_one(text), "{text}");
        }
        assert!(!says_no_one("Vũ Thị Lan (ốm)") && !says_no_one(""));
    }
}
