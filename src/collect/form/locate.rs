//! Finding a form's tables among a DOCX's tables: each recognised by the
//! mark `domain::forms` gives it, its header rows read into column
//! headings, a table a word processor split in two joined again.

use super::cells::key;
use super::errors::missing_table;
use crate::collect::docx_read::{Cell, Grid, Row};
use crate::cycle::Rating;
use crate::diagnostic::Diagnostic;
use crate::domain::forms::{HEADINGS, Mark, TableName, label};

/// Every heading a header row of our tables may hold, as [`key`]s.
pub(super) fn headings() -> Vec<String> {
    let levels = Rating::ALL.iter().map(|r| r.full_name());
    HEADINGS.into_iter().chain(levels).map(key).collect()
}

/// One table of a form: its header rows read, its body rows listed.
pub(super) struct Table<'g> {
    pub(super) kind: TableName,
    /// Each column's heading as printed (`Xếp loại: Chi bộ đề nghị`).
    pub(super) columns: Vec<String>,
    /// Each column's own heading, as a [`key`].
    pub(super) leaves: Vec<String>,
    /// Body rows, numbered from 1; repeated header rows left out.
    pub(super) rows: Vec<(usize, &'g Row)>,
}

impl<'g> Table<'g> {
    /// The header rows (leading rows marked as such or holding only
    /// headings), then the body.
    pub(super) fn new(kind: TableName, grid: &'g Grid, headings: &[String]) -> Table<'g> {
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

    pub(super) fn is(&self, kind: TableName) -> bool {
        match kind.mark() {
            Some(Mark::Row(l)) => self.row_of(l).is_some(),
            Some(Mark::Column(l)) => self.column(label::NAME).is_some() && self.column(l).is_some(),
            Some(Mark::Heading(l)) => {
                self.column(label::NAME).is_none() && self.column(l).is_some()
            }
            None => false,
        }
    }

    pub(super) fn column(&self, heading: &str) -> Option<usize> {
        let k = key(heading);
        self.leaves.iter().position(|l| *l == k)
    }

    /// The row of a `Thông tin | Nội dung` table labelled `row_label`.
    pub(super) fn row_of(&self, row_label: &str) -> Option<(usize, &'g Row)> {
        let k = key(row_label);
        self.rows
            .iter()
            .find(|(_, r)| r.cells.first().is_some_and(|c| key(&c.line()) == k))
            .copied()
    }
}

pub(super) fn same_texts(a: &Row, b: &Row) -> bool {
    a.cells.len() == b.cells.len() && a.cells.iter().zip(&b.cells).all(|(x, y)| x.text == y.text)
}

/// Each column's printed heading (distinct header texts joined by `: `) and
/// its own heading (the lowest).
pub(super) fn column_labels(head: &[Row], width: usize) -> (Vec<String>, Vec<String>) {
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
pub(super) struct Tables<'g> {
    pub(super) found: Vec<Table<'g>>,
}

impl<'g> Tables<'g> {
    pub(super) fn find(grids: &'g [Grid]) -> Result<Tables<'g>, Diagnostic> {
        let headings = headings();
        let mut found: Vec<Table<'g>> = Vec::new();
        for grid in grids {
            let mut table = Table::new(TableName::Branch, grid, &headings);
            let Some(kind) = TableName::FORM.into_iter().find(|k| table.is(*k)) else {
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
        for kind in TableName::REQUIRED {
            if tables.get(kind).is_none() {
                return Err(missing_table(kind));
            }
        }
        Ok(tables)
    }

    pub(super) fn get(&self, kind: TableName) -> Option<&Table<'g>> {
        self.found.iter().find(|t| t.kind == kind)
    }
}
