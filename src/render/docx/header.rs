//! Page 1 above the body: the draft mark, the two-column header block, the
//! title of a báo cáo / biên bản and the `Kính gửi:` lines of a công văn.

use super::text::{RunStyle, caps, centred, line, single_spacing, styled_run};
use super::wml::{Body, Borders, Cell, Indent, Jc, Para, RowProps, TableProps, VAlign};
use crate::render::document::{Header, Title};
use crate::render::layout::{Layout, LineAlign, mm_to_twips};

/// `DỰ THẢO`, bold in a box, at the top right of page 1.
pub fn draft_mark(layout: &Layout) -> Para<'_> {
    let style = RunStyle {
        boxed: true,
        ..RunStyle::sized(layout.size_draft_mark_half_pt).bold()
    };
    Para::default()
        .align(Jc::Right)
        .spacing(single_spacing(0.0, 6.0))
        .run(styled_run(layout.draft_mark.as_str(), style))
}

/// A guide's form label (`Mẫu 01`), italic, at the top right of page 1.
pub fn form_label<'a>(label: &'a str, layout: &Layout) -> Para<'a> {
    Para::default()
        .align(Jc::Right)
        .spacing(single_spacing(0.0, 6.0))
        .run(styled_run(
            label,
            RunStyle::sized(layout.size_number_half_pt).italic(),
        ))
}

/// The borderless two-column header table.
pub fn header_block(header: &Header, layout: &Layout, body: &mut Body<'_, '_>) {
    let widths = layout.header_columns();
    let indent = -mm_to_twips(layout.header_extend_left_mm);
    let cells = [
        column_cell(left_column(header, layout), widths[0]),
        column_cell(right_column(header, layout), widths[1]),
    ];
    let mut table = body.table(&borderless(Some(indent)), &widths);
    table.row(RowProps::default(), cells);
    table.finish();
}

/// A table with no borders and no cell margins.
pub fn borderless(indent: Option<i32>) -> TableProps {
    TableProps {
        indent,
        borders: Borders::None,
        cell_margin: 0,
    }
}

/// A top-aligned borderless cell of `width` twips holding `paragraphs`.
pub fn column_cell(paragraphs: Vec<Para<'static>>, width: usize) -> Cell<'static> {
    Cell {
        no_borders: true,
        ..Cell::new(width, VAlign::Top, paragraphs)
    }
}

/// Superior, issuer, `*`, number, and the công văn subject; the last line
/// carries the space under the header block. A paper without a number (a
/// ballot, a self-review form) has no `Số` line at all.
fn left_column(header: &Header, layout: &Layout) -> Vec<Para<'static>> {
    let after = layout.header_space_after_pt;
    let mut lines = vec![
        centred(
            &caps(&header.superior),
            RunStyle::sized(layout.size_superior_half_pt),
        ),
        centred(
            &caps(&header.issuer),
            RunStyle::sized(layout.size_issuer_half_pt).bold(),
        ),
        centred(&layout.star, RunStyle::sized(layout.size_issuer_half_pt)),
    ];
    let number = header.number.trim();
    if !number.is_empty() {
        let text = format!("{} {number}", layout.number_prefix);
        lines.push(centred(&text, RunStyle::sized(layout.size_number_half_pt)));
    }
    match &header.subject {
        Some(subject) => {
            let style = RunStyle::sized(layout.size_subject_half_pt).italic();
            lines.push(centred(subject, style).spacing(single_spacing(3.0, after)));
        }
        None => last_spaced(&mut lines, after),
    }
    lines
}

/// Gives the column's last line the space under the header block.
fn last_spaced(lines: &mut [Para<'static>], after: f32) {
    if let Some(last) = lines.last_mut() {
        *last = std::mem::take(last).spacing(single_spacing(0.0, after));
    }
}

/// `ĐẢNG CỘNG SẢN VIỆT NAM` underlined, then place and date (none on a
/// ballot: no empty line either).
fn right_column(header: &Header, layout: &Layout) -> Vec<Para<'static>> {
    let party = RunStyle::sized(layout.size_party_name_half_pt)
        .bold()
        .underline();
    let mut lines = vec![centred(&layout.party_name, party)];
    if header.place_date.trim().is_empty() {
        last_spaced(&mut lines, layout.header_space_after_pt);
        return lines;
    }
    let date_style = RunStyle::sized(layout.size_place_date_half_pt).italic();
    let align = match layout.place_date_align {
        LineAlign::Center => Jc::Center,
        LineAlign::Right => Jc::Right,
    };
    let spacing = single_spacing(
        layout.place_date_space_before_pt,
        layout.header_space_after_pt,
    );
    lines.push(line(&header.place_date, date_style, align).spacing(spacing));
    lines
}

/// The type name and subject of a báo cáo / biên bản, and the short rule.
pub fn title_block(title: &Title, layout: &Layout) -> Vec<Para<'static>> {
    let kind = RunStyle::sized(layout.size_title_kind_half_pt).bold();
    let subject = RunStyle::sized(layout.size_title_subject_half_pt).bold();
    let rule = RunStyle::sized(layout.size_title_subject_half_pt);
    vec![
        centred(&caps(&title.kind), kind).spacing(single_spacing(6.0, 0.0)),
        centred(&title.subject, subject),
        centred(&layout.title_rule, rule).spacing(single_spacing(0.0, 12.0)),
    ]
}

/// `Kính gửi: …`: one recipient centred on the line; several as a list
/// aligned after the label, `- A,` … `- Z.`.
pub fn to_block(to: &[String], layout: &Layout) -> Vec<Para<'static>> {
    let style = RunStyle::sized(layout.size_to_half_pt);
    match to {
        [] => Vec::new(),
        [one] => {
            let text = format!("{} {}", layout.to_label, one.trim());
            vec![centred(&text, style).spacing(single_spacing(0.0, 12.0))]
        }
        many => to_list(many, style, layout),
    }
}

/// Several recipients: the label hangs left of the first, the others align.
fn to_list(to: &[String], style: RunStyle, layout: &Layout) -> Vec<Para<'static>> {
    let left = mm_to_twips(layout.to_list_indent_mm);
    let hang = mm_to_twips(layout.to_label_width_mm);
    let last = to.len() - 1;
    to.iter()
        .enumerate()
        .map(|(i, name)| {
            let mark = if i == last { "." } else { "," };
            let item = format!("- {}{mark}", name.trim());
            let (text, hanging) = match i {
                0 => (format!("{}\t{item}", layout.to_label), hang),
                _ => (item, 0),
            };
            let after = if i == last { 12.0 } else { 0.0 };
            line(&text, style, Jc::Left)
                .indent(Indent::Hanging { left, hanging })
                .spacing(single_spacing(0.0, after))
        })
        .collect()
}
