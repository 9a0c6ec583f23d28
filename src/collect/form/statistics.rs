//! The statistics table of a form (`thong-ke`): each figure the branch
//! typed is compared with the figure its member list gives, computed by
//! the functions the documents print it with ([`Tally`], [`share`]), a
//! share as the documents write it (`42,9%`). Empty cells are not compared.

use super::cells::{key, parse_number};
use super::errors::{At, RowRef, found};
use super::locate::Table;
use super::members::Draft;
use super::read::FormReader;
use crate::collect::docx_read::Cell;
use crate::cycle::Rating;
use crate::domain::figures::{Tally, share};
use crate::domain::forms::label;

/// A figure of the table, as the member list gives it.
enum Figure {
    Count(u64),
    /// The share as printed, and its parts.
    Share(String, u64, u64),
}

/// Each column of the table and its figure. The member count is not
/// among them: it is printed from cycle.yaml, and the members listed are
/// checked against cycle.yaml by `roster-count`.
fn figures(tally: &Tally) -> Vec<(String, Figure)> {
    let rated = tally.rated();
    let mut out = vec![(label::RATED.to_owned(), Figure::Count(rated))];
    for level in Rating::ALL {
        let n = tally.at(level);
        let name = level.full_name();
        out.push((format!("{name}: {}", label::COUNT), Figure::Count(n)));
        out.push((
            format!("{name}: {}", label::SHARE),
            Figure::Share(share(n, rated), n, rated),
        ));
    }
    out.push((label::UNRATED.to_owned(), Figure::Count(tally.not_rated)));
    out
}

/// A share as compared: no spaces, no `%`, a decimal comma, one dash.
fn share_key(text: &str) -> String {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match text.trim_end_matches('%') {
        "-" | "–" | "—" => "—".to_owned(),
        t => t.replace('.', ","),
    }
}

impl FormReader {
    /// Compares the typed figures of the table with `members` (read and
    /// settled from the same form).
    pub(super) fn statistics(&mut self, t: &Table, members: &[Draft]) {
        let mut tally = Tally::default();
        for m in members {
            tally.add(m.file.rating);
        }
        let Some(&(n, row)) = t
            .rows
            .iter()
            .find(|(_, r)| r.cells.iter().any(|c| !c.text.is_empty()))
        else {
            return;
        };
        for (heading, figure) in figures(&tally) {
            let k = key(&heading);
            let Some(col) = t.columns.iter().position(|c| key(c) == k) else {
                continue;
            };
            let text = row.cells.get(col).map(Cell::line).unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let at = At {
                kind: t.kind,
                row: RowRef::Number(n),
                column: &t.columns[col],
                name: None,
            };
            self.figure(&at, &text, &figure);
        }
    }

    fn figure(&mut self, at: &At, text: &str, figure: &Figure) {
        match figure {
            Figure::Count(expected) => match parse_number(text, &["đồng chí", "người"]) {
                Some(typed) if u64::from(typed) == *expected => {}
                Some(typed) => self.error(
                    at,
                    &format!(
                        "bảng thống kê ghi {typed}, danh sách đảng viên có {expected} (đếm theo mức chi bộ đề nghị)"
                    ),
                    &format!(
                        "the statistics table has {typed}, the member list {expected} (counted by the proposed ratings)"
                    ),
                ),
                None => {
                    let (vi, en) = found(text);
                    self.error(
                        at,
                        &format!("{vi} không phải một số nguyên"),
                        &format!("{en} is not a whole number"),
                    );
                }
            },
            Figure::Share(expected, part, whole) => {
                if share_key(text) != share_key(expected) {
                    self.error(
                        at,
                        &format!(
                            "bảng thống kê ghi {text}, danh sách đảng viên có {expected} ({part} trên {whole} đồng chí được xếp loại)"
                        ),
                        &format!(
                            "the statistics table has {text}, the member list {expected} ({part} of the {whole} rated)"
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_compare_as_printed() {
        assert_eq!(share_key("42,9 %"), share_key("42,9%"));
        assert_eq!(share_key("42.9%"), share_key("42,9%"));
        assert_eq!(share_key("42,9"), share_key("42,9%"));
        assert_eq!(share_key("-"), share_key("—"));
        assert_ne!(share_key("43%"), share_key("42,9%"));
    }

    #[test]
    fn every_column_but_the_member_count_has_a_figure() {
        let t = Tally {
            htxsnv: 1,
            httnv: 5,
            htnv: 1,
            khtnv: 0,
            not_rated: 1,
        };
        let f = figures(&t);
        assert_eq!(f.len(), 1 + 2 * Rating::ALL.len() + 1);
        match &f[2] {
            (heading, Figure::Share(s, 1, 7)) => {
                assert_eq!(s, "14,3%");
                assert!(heading.ends_with(label::SHARE));
            }
            _ => panic!("the HTXSNV share"),
        }
    }
}
