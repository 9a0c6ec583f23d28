//! The Markdown writer: the same document as readable Markdown (party-format.md,
//! "Markdown output"): header lines, the body as written with tables as GitHub
//! tables, then "Nơi nhận" and the signature lines, then any attachment
//! below a rule.

use super::document::{
    Align, Closing, Document, Signature, Table, parse_page_marker, parse_table_marker,
    split_annexes,
};
use super::escape::markdown as esc;
use super::layout::Layout;
use std::fmt::Write;

/// Why the Markdown could not be written.
#[derive(Debug, thiserror::Error)]
#[error("bảng \"{0}\" không có trong văn bản (unknown table in body)")]
pub struct UnknownTable(pub String);

pub fn write(doc: &Document, layout: &Layout) -> Result<String, UnknownTable> {
    let mut out = String::new();
    header(doc, layout, &mut out);
    let (main, annexes) = split_annexes(&doc.body);
    body(main, doc, &mut out)?;
    closing(&doc.closing, layout, &mut out);
    // Each attachment after the closing, below a rule (its own page on paper).
    for annex in annexes {
        out.push_str("---\n\n");
        body(annex, doc, &mut out)?;
    }
    Ok(out)
}

/// Header lines, one paragraph each so they read as lines everywhere.
fn header(doc: &Document, layout: &Layout, out: &mut String) {
    // A draft shows the placeholders left in the header (the number) marked.
    let esc: fn(&str) -> String = match doc.draft {
        true => super::escape::markdown_draft,
        false => esc,
    };
    let h = &doc.header;
    let mut lines = Vec::new();
    if doc.draft {
        lines.push(format!("**{}**", layout.draft_mark));
    }
    if let Some(label) = &h.form_label {
        lines.push(format!("*{}*", esc(label)));
    }
    lines.push(esc(&h.superior.to_uppercase()));
    lines.push(format!("**{}**", esc(&h.issuer.to_uppercase())));
    lines.push(esc(&layout.star));
    // A ballot has neither number nor date.
    if !h.number.is_empty() {
        lines.push(format!("{} {}", layout.number_prefix, esc(&h.number)));
    }
    if let Some(subject) = &h.subject {
        lines.push(format!("*{}*", esc(subject)));
    }
    lines.push(format!("**{}**", layout.party_name));
    if !h.place_date.is_empty() {
        lines.push(format!("*{}*", esc(&h.place_date)));
    }
    if let Some(title) = &doc.title {
        lines.push(format!("**{}**", esc(&title.kind)));
        lines.push(format!("**{}**", esc(&title.subject)));
    }
    if !doc.to.is_empty() {
        let to: Vec<String> = doc.to.iter().map(|t| esc(t)).collect();
        lines.push(format!("{} {}", layout.to_label, to.join("; ")));
    }
    for line in lines {
        let _ = writeln!(out, "{line}\n");
    }
}

/// `text` (the body, or an attachment) as the template wrote it, each
/// table marker replaced by its table from `doc`.
fn body(text: &str, doc: &Document, out: &mut String) -> Result<(), UnknownTable> {
    // A page turn means nothing on screen.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| parse_page_marker(l).is_none())
        .collect();
    for line in lines.join("\n").trim().lines() {
        match parse_table_marker(line) {
            Some(name) => {
                let table = doc
                    .tables
                    .get(name)
                    .ok_or_else(|| UnknownTable(name.to_string()))?;
                gfm_table(table, out);
            }
            None => {
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    out.push('\n');
    Ok(())
}

/// A GitHub table; sub-columns folded into their group's heading.
fn gfm_table(table: &Table, out: &mut String) {
    let leaves = table.leaves();
    let heads: Vec<String> = leaves.iter().map(|(label, _)| esc(label)).collect();
    let rule: Vec<&str> = leaves
        .iter()
        .map(|(_, align)| match align {
            Align::Left => "---",
            Align::Center => ":---:",
            Align::Right => "---:",
        })
        .collect();
    let _ = writeln!(out, "| {} |", heads.join(" | "));
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    let last = table.rows.len().saturating_sub(1);
    for (i, row) in table.rows.iter().enumerate() {
        let bold = table.total_row && i == last;
        let cells: Vec<String> = row
            .iter()
            .map(|c| match (bold, c.is_empty()) {
                (true, false) => format!("**{}**", esc(c)),
                _ => esc(c),
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn closing(closing: &Closing, layout: &Layout, out: &mut String) {
    match closing {
        Closing::Signed { copies, signer } => {
            let _ = writeln!(out, "**{}**\n", layout.copies_label);
            let last = copies.len().saturating_sub(1);
            for (i, copy) in copies.iter().enumerate() {
                let end = if i == last { "." } else { "," };
                let _ = writeln!(out, "- {}{end}", esc(copy));
            }
            out.push('\n');
            signature(signer, layout, out);
        }
        Closing::Signatures(signers) => {
            for s in signers {
                signature(s, layout, out);
            }
        }
    }
}

fn signature(s: &Signature, layout: &Layout, out: &mut String) {
    if !s.authority.is_empty() {
        let _ = writeln!(out, "**{}**\n", esc(&s.authority.to_uppercase()));
    }
    let _ = writeln!(out, "**{}**\n", esc(&s.title.to_uppercase()));
    let name = match s.name.is_empty() {
        true => layout.dotted_blank.clone(),
        false => format!("**{}**", esc(&s.name)),
    };
    let _ = writeln!(out, "{name}\n");
}
