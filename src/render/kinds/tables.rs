//! The tables of the branch documents, built in code from typed data.
//!
//! Column headings and row labels are data of the tables, kept in
//! `domain::forms::label` (one place): they are printed, and `vanban
//! collect` finds the cells of a returned form by them, so a label changed
//! there changes both.
//! Every value sits in its own cell under a fixed heading or beside a fixed
//! row label; a form has the same tables with the cells left empty.

use crate::cycle::{Member, Rating, Role};
use crate::domain::figures::{Score, Tally, share};
use crate::domain::forms::{label, member_role_name, rating_cell, role_name};
use crate::render::document::{Align, Column, ColumnGroup, Table};

/// A single column.
pub fn leaf(label: &str, align: Align) -> ColumnGroup {
    ColumnGroup {
        label: label.to_owned(),
        columns: Vec::new(),
        align,
    }
}

/// A group heading over sub-columns.
pub fn group(label: &str, columns: &[(&str, Align)]) -> ColumnGroup {
    ColumnGroup {
        label: label.to_owned(),
        columns: columns
            .iter()
            .map(|(l, a)| Column {
                label: (*l).to_owned(),
                align: *a,
            })
            .collect(),
        align: Align::Left,
    }
}

/// A two-column `Thông tin | Nội dung` table; `None` values print empty.
pub fn key_value(rows: Vec<(&str, Option<String>)>) -> Table {
    Table {
        groups: vec![
            leaf(label::ITEM, Align::Left),
            leaf(label::VALUE, Align::Left),
        ],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![k.to_owned(), v.unwrap_or_default()])
            .collect(),
        total_row: false,
    }
}

/// The statistics table (`thong-ke`): one row, a group per level with
/// `Số lượng | Tỷ lệ`. Shares are of those rated. `tally: None` is the
/// form: only the member count is filled in.
pub fn statistics(members: u32, tally: Option<&Tally>) -> Table {
    let mut groups = vec![
        leaf(label::MEMBER_COUNT, Align::Right),
        leaf(label::RATED, Align::Right),
    ];
    let pair = [(label::COUNT, Align::Right), (label::SHARE, Align::Right)];
    groups.extend(Rating::ALL.iter().map(|r| group(r.full_name(), &pair)));
    groups.push(leaf(label::UNRATED, Align::Right));
    let row = match tally {
        Some(t) => statistics_row(members, t),
        None => {
            let mut row = vec![String::new(); 2 + 2 * Rating::ALL.len() + 1];
            row[0] = members.to_string();
            row
        }
    };
    Table {
        groups,
        rows: vec![row],
        total_row: false,
    }
}

fn statistics_row(members: u32, t: &Tally) -> Vec<String> {
    let rated = rated_count(t);
    let mut row = vec![members.to_string(), rated.to_string()];
    for level in Rating::ALL {
        let n = level_count(t, level);
        row.push(n.to_string());
        row.push(share(n, rated));
    }
    row.push(t.not_rated.to_string());
    row
}

/// Those given a rating (every level; not those not rated).
pub fn rated_count(t: &Tally) -> u64 {
    t.rated()
}

pub fn level_count(t: &Tally, level: Rating) -> u64 {
    t.at(level)
}

/// Which optional columns a member table carries.
#[derive(Debug, Clone, Copy, Default)]
pub struct MemberColumns {
    /// A form: a `Tự xếp loại` column beside the branch's proposal.
    pub form: bool,
    /// qd366-2025: the 100-point score.
    pub score: bool,
}

/// One row of a member table, as printed.
#[derive(Debug, Clone, Default)]
pub struct MemberRow {
    pub name: String,
    pub role: String,
    /// qd366-2025: the two parts and the total (empty when not known).
    pub score: [String; 3],
    pub rating: String,
}

impl MemberRow {
    /// A member from a results file.
    pub fn reported(m: &Member) -> MemberRow {
        let score = Score::of_member(m);
        let shown = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        MemberRow {
            name: m.name.clone(),
            role: member_role_name(m).to_owned(),
            score: [
                shown(score.general),
                shown(score.tasks),
                shown(score.total()),
            ],
            rating: rating_cell(m.rating).to_owned(),
        }
    }

    /// A roster name on a form (the role known only for the secretary).
    pub fn blank(name: &str, secretary: &str) -> MemberRow {
        let role = match !name.is_empty() && name.trim() == secretary.trim() {
            true => role_name(Role::BiThu),
            false => "",
        };
        MemberRow {
            name: name.to_owned(),
            role: role.to_owned(),
            ..MemberRow::default()
        }
    }
}

/// The member list (`dang-vien`): STT, name, role, [score], the proposed
/// rating; a form adds the self-rating and a note column to fill in.
pub fn members(rows: &[MemberRow], cols: MemberColumns) -> Table {
    let mut groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::ROLE, Align::Left),
    ];
    if cols.score {
        groups.push(group(
            label::SCORE,
            &[
                (label::SCORE_PART_GENERAL, Align::Right),
                (label::SCORE_PART_TASKS, Align::Right),
                (label::SCORE_TOTAL, Align::Right),
            ],
        ));
    }
    groups.push(match cols.form {
        true => group(
            label::RATING,
            &[
                (label::SELF_RATING, Align::Center),
                (label::PROPOSED, Align::Center),
            ],
        ),
        false => leaf(label::PROPOSED_FULL, Align::Center),
    });
    if cols.form {
        groups.push(leaf(label::NOTE, Align::Left));
    }
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| member_cells(i, r, cols))
        .collect();
    Table {
        groups,
        rows,
        total_row: false,
    }
}

fn member_cells(i: usize, r: &MemberRow, cols: MemberColumns) -> Vec<String> {
    let mut cells = vec![(i + 1).to_string(), r.name.clone(), r.role.clone()];
    if cols.score {
        cells.extend(r.score.iter().cloned());
    }
    if cols.form {
        cells.push(String::new());
    }
    cells.push(r.rating.clone());
    if cols.form {
        cells.push(String::new());
    }
    cells
}

/// Members with achievements (`thanh-tich`): STT, name, achievements.
/// `blank_rows` empty rows are added (a form).
pub fn achievements(rows: &[(String, String)], blank_rows: usize) -> Table {
    let groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::ACHIEVEMENTS, Align::Left),
    ];
    Table {
        groups,
        rows: numbered(
            rows.iter().map(|(n, a)| vec![n.clone(), a.clone()]),
            blank_rows,
            2,
        ),
        total_row: false,
    }
}

/// The special cases of a member (`truong-hop`): not rated and why,
/// discipline, sick leave, and under qd124-2023 self-remedied.
#[derive(Debug, Clone, Default)]
pub struct SpecialRow {
    pub name: String,
    pub not_rated: String,
    pub discipline: String,
    pub sick_leave: String,
    pub self_remedied: String,
}

impl SpecialRow {
    /// The member's special facts; `None` when there are none.
    pub fn of(m: &Member) -> Option<SpecialRow> {
        let special = m.not_rated.is_some()
            || m.discipline.is_some()
            || m.sick_leave_months.is_some()
            || m.self_remedied;
        special.then(|| SpecialRow {
            name: m.name.clone(),
            not_rated: m.not_rated.clone().unwrap_or_default(),
            discipline: m.discipline.clone().unwrap_or_default(),
            sick_leave: m
                .sick_leave_months
                .map(|n| n.to_string())
                .unwrap_or_default(),
            self_remedied: match m.self_remedied {
                true => label::YES.to_owned(),
                false => String::new(),
            },
        })
    }
}

/// The special-cases table; `self_remedied` adds that column (qd124-2023).
pub fn special_cases(rows: &[SpecialRow], blank_rows: usize, self_remedied: bool) -> Table {
    let mut groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::NOT_RATED, Align::Left),
        leaf(label::DISCIPLINE, Align::Left),
        leaf(label::SICK_LEAVE, Align::Right),
    ];
    if self_remedied {
        groups.push(leaf(label::SELF_REMEDIED, Align::Center));
    }
    let width = groups.len() - 1;
    let cells = rows.iter().map(|r| {
        let mut c = vec![
            r.name.clone(),
            r.not_rated.clone(),
            r.discipline.clone(),
            r.sick_leave.clone(),
        ];
        if self_remedied {
            c.push(r.self_remedied.clone());
        }
        c
    });
    Table {
        groups,
        rows: numbered(cells, blank_rows, width),
        total_row: false,
    }
}

/// Rows prefixed with their number, then `blank` empty rows (numbered too,
/// so a clerk fills them in order) of `width` cells after the number.
fn numbered(
    rows: impl Iterator<Item = Vec<String>>,
    blank: usize,
    width: usize,
) -> Vec<Vec<String>> {
    let blanks = std::iter::repeat_n(vec![String::new(); width], blank);
    rows.chain(blanks)
        .enumerate()
        .map(|(i, cells)| {
            let mut row = vec![(i + 1).to_string()];
            row.extend(cells);
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_have_a_group_per_level_and_no_division_by_zero() {
        let t = Tally {
            not_rated: 2,
            ..Tally::default()
        };
        let table = statistics(2, Some(&t));
        assert_eq!(table.leaves().len(), 11);
        assert_eq!(table.rows[0][1], "0");
        assert_eq!(table.rows[0][3], "—");
        assert_eq!(table.rows[0][10], "2");
    }

    #[test]
    fn shares_are_of_those_rated() {
        let t = Tally {
            htxsnv: 1,
            httnv: 4,
            htnv: 1,
            khtnv: 0,
            not_rated: 1,
        };
        let row = &statistics(7, Some(&t)).rows[0];
        assert_eq!(row[..4], ["7", "6", "1", "16,7%"]);
    }

    #[test]
    fn a_form_fills_only_the_member_count() {
        let table = statistics(9, None);
        assert_eq!(table.rows[0][0], "9");
        assert!(table.rows[0][1..].iter().all(String::is_empty));
    }

    #[test]
    fn blank_rows_are_numbered() {
        let table = achievements(&[("A".into(), "x".into())], 2);
        let numbers: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        assert!(table.rows[2][1..].iter().all(String::is_empty));
    }
}
