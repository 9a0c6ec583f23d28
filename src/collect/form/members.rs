//! Reading the member list and the tables that name its members (special
//! cases, achievements), then settling each member's rating.

use super::cells::{RatingCell, RoleCell, key, parse_rating, parse_role, parse_yes};
use super::errors::{At, RowRef, bad_rating, found};
use super::locate::Table;
use super::read::{FormReader, non_empty};
use crate::collect::docx_read::{Cell, Row};
use crate::cycle::Role;
use crate::cycle::raw::Member as MemberFile;
use crate::domain::forms::{TableName, label};

/// A member read from the member table, with where it came from.
pub(super) struct Draft {
    pub(super) row: usize,
    pub(super) rating_column: String,
    /// What the branch proposed (`Chi bộ đề nghị`).
    pub(super) proposed: RatingCell,
    /// The member's own rating (`Tự xếp loại`), on a form.
    pub(super) own: RatingCell,
    pub(super) file: MemberFile,
}

impl FormReader {
    pub(super) fn members(&mut self, t: &Table) -> Vec<Draft> {
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
            score: [
                t.column(label::SCORE_PART_GENERAL),
                t.column(label::SCORE_PART_TASKS),
                t.column(label::SCORE_TOTAL)
                    .or_else(|| t.column(label::SCORE)),
            ],
            own: t.column(label::SELF_RATING),
            proposed,
        };
        t.rows
            .iter()
            .filter_map(|(n, row)| self.member(t, &cols, *n, row))
            .collect()
    }

    pub(super) fn member(
        &mut self,
        t: &Table,
        cols: &MemberCols,
        n: usize,
        row: &Row,
    ) -> Option<Draft> {
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .map(Cell::line)
                .unwrap_or_default()
        };
        let name = cell(Some(cols.name));
        let score = cols.score.map(cell);
        let (own, proposed) = (cell(cols.own), cell(Some(cols.proposed)));
        if name.is_empty() {
            if score.iter().chain([&own, &proposed]).any(|s| !s.is_empty()) {
                let at = t.at(n, cols.name, None);
                self.error(
                    &at,
                    "dòng có xếp loại nhưng thiếu họ và tên",
                    "the row has a rating but no name",
                );
            }
            return None;
        }
        let role = self.role(
            &t.at(n, cols.role.unwrap_or(0), Some(&name)),
            &cell(cols.role),
        );
        let [score_general, score_tasks, score] = [0, 1, 2].map(|i| {
            cols.score[i].and_then(|c| self.number(&t.at(n, c, Some(&name)), &score[i], &["điểm"]))
        });
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
            file: MemberFile {
                name,
                role: role.role,
                probationary: role.probationary,
                score,
                score_general,
                score_tasks,
                ..MemberFile::default()
            },
        })
    }

    /// A role cell; an unknown role is an error (and read as a plain member).
    fn role(&mut self, at: &At, text: &str) -> RoleCell {
        if let Some(role) = parse_role(text) {
            return role;
        }
        let (vi, en) = found(text);
        let names: Vec<&str> = label::ROLES
            .iter()
            .map(|(_, n)| *n)
            .chain([label::PROBATIONARY])
            .collect();
        self.error(
            at,
            &format!(
                "{vi} không phải một chức vụ trong chi bộ ({})",
                names.join(", ")
            ),
            &format!("{en} is not a role in the branch ({})", names.join(", ")),
        );
        RoleCell {
            role: Role::DangVien,
            probationary: false,
        }
    }

    /// A rating cell; an unknown text is an error (and read as empty).
    pub(super) fn rating(&mut self, at: &At, text: &str) -> RatingCell {
        let cell = parse_rating(text);
        if cell == RatingCell::Bad {
            let (vi, en) = bad_rating(text);
            self.error(at, &vi, &en);
        }
        cell
    }

    pub(super) fn special(&mut self, t: &Table, members: &mut [Draft], index: &NameIndex) {
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

    pub(super) fn achievements(&mut self, t: &Table, members: &mut [Draft], index: &NameIndex) {
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
    pub(super) fn named_member(
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
                    TableName::Members.name()
                ),
                &format!(
                    "{en} is not in table {} (member list)",
                    TableName::Members.name()
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
    pub(super) fn settle(&mut self, members: &mut [Draft]) {
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
                let table = TableName::Special.name();
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
    pub(super) fn at(&self) -> At<'_> {
        At {
            kind: TableName::Members,
            row: RowRef::Number(self.row),
            column: &self.rating_column,
            name: Some(&self.file.name),
        }
    }
}

/// Members by the [`key`] of their name (the first of a name).
pub(super) type NameIndex = std::collections::HashMap<String, usize>;

pub(super) fn name_index(members: &[Draft]) -> NameIndex {
    let mut index = NameIndex::new();
    for (i, m) in members.iter().enumerate() {
        index.entry(key(&m.file.name)).or_insert(i);
    }
    index
}

pub(super) struct MemberCols {
    pub(super) name: usize,
    pub(super) role: Option<usize>,
    /// The general part, the task part and the total (or the `Điểm` column).
    pub(super) score: [Option<usize>; 3],
    pub(super) own: Option<usize>,
    pub(super) proposed: usize,
}

impl Table<'_> {
    pub(super) fn at<'a>(&'a self, row: usize, col: usize, name: Option<&'a str>) -> At<'a> {
        At {
            kind: self.kind,
            row: RowRef::Number(row),
            column: self.columns.get(col).map_or("", String::as_str),
            name,
        }
    }
}
