//! Data tables: full borders, bold centred header rows (repeated on every
//! page), merged group headers, aligned body cells, a bold totals row.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, Table as DocxTable, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use super::Block;
use super::text::{RunStyle, single_spacing, styled_run};
use crate::render::document::{Align, ColumnGroup, Table};
use crate::render::layout::Layout;

/// The table as a block, with its header-row count; `None` for a table
/// without columns (nothing to print).
pub fn render_table(table: &Table, layout: &Layout) -> Option<Block> {
    let leaves = table.leaves();
    if leaves.is_empty() {
        return None;
    }
    let aligns: Vec<Align> = leaves.iter().map(|(_, a)| *a).collect();
    let widths = column_widths(&aligns, layout);
    let mut rows = header_rows(table, &widths, layout);
    let header_count = rows.len();
    let last = table.rows.len().saturating_sub(1);
    for (i, cells) in table.rows.iter().enumerate() {
        let bold = table.total_row && i == last;
        rows.push(body_row(cells, &aligns, &widths, bold, layout));
    }
    let docx_table = DocxTable::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(borders(layout));
    Some(Block::Table(docx_table, header_count))
}

/// Column widths in twips filling the text width: text (Left) columns weigh
/// `table_text_column_weight`, the others 1.
fn column_widths(aligns: &[Align], layout: &Layout) -> Vec<usize> {
    let total = layout.text_width_twips().max(0) as usize;
    let weight = |a: &Align| match a {
        Align::Left => layout.table_text_column_weight.max(1),
        _ => 1,
    };
    let sum: usize = aligns.iter().map(weight).sum::<usize>().max(1);
    let mut widths: Vec<usize> = aligns.iter().map(|a| total * weight(a) / sum).collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// Single borders on every edge and between all cells.
fn borders(layout: &Layout) -> TableBorders {
    use TableBorderPosition::*;
    [Top, Left, Bottom, Right, InsideH, InsideV]
        .into_iter()
        .fold(TableBorders::new(), |b, pos| {
            b.set(
                TableBorder::new(pos)
                    .border_type(BorderType::Single)
                    .size(layout.table_border_eighth_pt)
                    .color("000000"),
            )
        })
}

/// One header row, or two when a group has sub-columns.
fn header_rows(table: &Table, widths: &[usize], layout: &Layout) -> Vec<TableRow> {
    let two = table.has_subheader();
    let mut top = Vec::new();
    let mut sub = Vec::new();
    let mut col = 0;
    for group in &table.groups {
        let span = group.columns.len().max(1);
        let width = widths.iter().skip(col).take(span).sum();
        top.push(group_cell(group, width, two, layout));
        if two {
            let under = widths.get(col..col + span).unwrap_or(&[]);
            sub.extend(sub_cells(group, under, layout));
        }
        col += span;
    }
    let mut rows = vec![TableRow::new(top).cant_split()];
    if two {
        rows.push(TableRow::new(sub).cant_split());
    }
    rows
}

/// The top-row cell of a group: spans its sub-columns, or both header rows.
fn group_cell(group: &ColumnGroup, width: usize, two_rows: bool, layout: &Layout) -> TableCell {
    let cell = header_cell(&group.label, width, layout);
    match (group.columns.len(), two_rows) {
        (0, true) => cell.vertical_merge(VMergeType::Restart),
        (0, false) | (1, _) => cell,
        (n, _) => cell.grid_span(n),
    }
}

/// The second-row cells under a group: its sub-column labels, or the
/// continuation of a vertically merged cell.
fn sub_cells(group: &ColumnGroup, widths: &[usize], layout: &Layout) -> Vec<TableCell> {
    if group.columns.is_empty() {
        let width = widths.first().copied().unwrap_or(0);
        return vec![header_cell("", width, layout).vertical_merge(VMergeType::Continue)];
    }
    group
        .columns
        .iter()
        .zip(widths)
        .map(|(c, w)| header_cell(&c.label, *w, layout))
        .collect()
}

fn header_cell(label: &str, width: usize, layout: &Layout) -> TableCell {
    let style = RunStyle::sized(layout.size_table_half_pt).bold();
    text_cell(label, style, AlignmentType::Center, width)
}

/// A body row; missing cells are blank, extra cells are dropped.
fn body_row(
    cells: &[String],
    aligns: &[Align],
    widths: &[usize],
    bold: bool,
    layout: &Layout,
) -> TableRow {
    let mut style = RunStyle::sized(layout.size_table_half_pt);
    style.bold = bold;
    let row = aligns
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (align, width))| {
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            text_cell(text, style, alignment(*align), *width)
        })
        .collect();
    TableRow::new(row)
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// A vertically centred cell holding one paragraph.
fn text_cell(text: &str, style: RunStyle, align: AlignmentType, width: usize) -> TableCell {
    let para = Paragraph::new()
        .align(align)
        .size(style.size_half_pt)
        .line_spacing(single_spacing(2.0, 2.0))
        .add_run(styled_run(text, style));
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(para)
}
