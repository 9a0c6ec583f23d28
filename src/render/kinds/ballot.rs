//! What the two ballots (phiếu) share: a header with the issuing body and
//! the party name but no number and no date, no signature block (a ballot
//! is anonymous), and a table with one box per level to tick.

use super::tables::{group, leaf};
use crate::render::document::{Align, Closing, ColumnGroup, Document, Header, Table, Title};
use std::collections::BTreeMap;

/// The name of the ballot's table in its template.
pub const TABLE: &str = crate::domain::forms::TableName::Ballot.name();

/// A ballot: `superior` / `issuer` over the party name, the title, the
/// body and its tables; no number, date or signature.
pub fn document(
    superior: &str,
    issuer: &str,
    title: Title,
    body: String,
    tables: BTreeMap<String, Table>,
) -> Document {
    Document {
        header: Header {
            superior: superior.to_owned(),
            issuer: issuer.to_owned(),
            number: String::new(),
            place_date: String::new(),
            subject: None,
            form_label: None,
        },
        title: Some(title),
        to: Vec::new(),
        body,
        tables,
        closing: Closing::Signatures(Vec::new()),
        draft: false,
    }
}

/// `STT | <name> | [<second>] | <boxes…>` (under the heading `boxes_label`
/// when given), one row per `(name, second)`, the boxes left empty to tick.
pub fn table(
    columns: (&str, Option<&str>),
    boxes_label: Option<&str>,
    boxes: &[&str],
    rows: Vec<(String, Option<String>)>,
) -> Table {
    let mut groups: Vec<ColumnGroup> = vec![
        leaf(crate::domain::forms::label::NO, Align::Center),
        leaf(columns.0, Align::Left),
    ];
    groups.extend(columns.1.map(|second| leaf(second, Align::Left)));
    match boxes_label {
        Some(heading) => {
            let sub: Vec<(&str, Align)> = boxes.iter().map(|b| (*b, Align::Center)).collect();
            groups.push(group(heading, &sub));
        }
        None => groups.extend(boxes.iter().map(|b| leaf(b, Align::Center))),
    }
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, second))| {
            let mut row = vec![(i + 1).to_string(), name];
            if columns.1.is_some() {
                row.push(second.unwrap_or_default());
            }
            row.extend(boxes.iter().map(|_| String::new()));
            row
        })
        .collect();
    Table::new(groups, rows)
}
