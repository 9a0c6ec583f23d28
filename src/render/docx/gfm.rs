//! GitHub tables written in the Markdown body, collected into a
//! [`Table`](crate::render::document::Table) so they print like typed tables.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::render::document::{Align, ColumnGroup, Table};

/// A GitHub table being read from the event stream.
pub struct GfmTable {
    aligns: Vec<Alignment>,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
}

impl GfmTable {
    pub fn new(aligns: Vec<Alignment>) -> Self {
        GfmTable {
            aligns,
            head: Vec::new(),
            rows: Vec::new(),
            row: Vec::new(),
            cell: String::new(),
        }
    }

    /// Takes one event; returns the finished table at its end.
    pub fn event(&mut self, event: &Event<'_>) -> Option<Table> {
        match event {
            Event::Start(Tag::TableCell) => self.cell.clear(),
            Event::End(TagEnd::TableCell) => self.row.push(self.cell.trim().to_owned()),
            Event::End(TagEnd::TableHead) => self.head = std::mem::take(&mut self.row),
            Event::End(TagEnd::TableRow) => self.rows.push(std::mem::take(&mut self.row)),
            Event::End(TagEnd::Table) => return Some(self.finish()),
            Event::Text(t) | Event::Code(t) => self.cell.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.cell.push(' '),
            _ => {}
        }
        None
    }

    fn finish(&mut self) -> Table {
        let groups = self
            .head
            .iter()
            .enumerate()
            .map(|(i, label)| ColumnGroup {
                label: label.clone(),
                columns: Vec::new(),
                align: align_of(self.aligns.get(i).copied()),
            })
            .collect();
        Table {
            groups,
            rows: std::mem::take(&mut self.rows),
            total_row: false,
        }
    }
}

fn align_of(a: Option<Alignment>) -> Align {
    match a {
        Some(Alignment::Right) => Align::Right,
        Some(Alignment::Center) => Align::Center,
        _ => Align::Left,
    }
}
