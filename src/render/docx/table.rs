//! Data tables: full borders, bold centred header rows (repeated on every
//! page), merged group headers, aligned body cells, a bold totals row.
//! Columns are sized from their content so no word is broken across lines;
//! a table too wide for that at the table size is set a size smaller.

use super::text::{RunStyle, single_spacing, styled_run};
use super::wml::{
    Body, Borders, Cell, Jc, Para, RowProps, TableProps, TableWriter, VAlign, VMerge,
};
use crate::render::document::{Align, ColumnGroup, Table};
use crate::render::layout::{Layout, mm_to_twips};

/// Writes the table into `body` across `total` twips, each row as it is
/// made; false for a table without columns (nothing to print).
pub fn render_table(table: &Table, layout: &Layout, total: usize, body: &mut Body<'_, '_>) -> bool {
    let leaves = table.leaves();
    if leaves.is_empty() {
        return false;
    }
    let aligns: Vec<Align> = leaves.iter().map(|(_, a)| *a).collect();
    let (widths, size) = fit_columns(table, layout, total);
    let props = TableProps {
        indent: None,
        borders: Borders::Single(layout.table_border_eighth_pt),
        cell_margin: mm_to_twips(layout.table_cell_margin_mm).max(0) as usize,
    };
    let mut writer = body.table(&props, &widths);
    header_rows(table, &widths, size, &mut writer);
    let last = table.rows.len().saturating_sub(1);
    for (i, cells) in table.rows.iter().enumerate() {
        let bold = table.total_row && i == last;
        body_row(cells, &aligns, &widths, bold, size, &mut writer);
    }
    writer.finish();
    true
}

/// Column widths (twips, filling `total`) and the font size: the
/// table size, or the dense size when the longest words do not fit.
fn fit_columns(table: &Table, layout: &Layout, total: usize) -> (Vec<usize>, usize) {
    let margin = 2 * mm_to_twips(layout.table_cell_margin_mm).max(0) as usize;
    let regular_size = layout.size_table_half_pt;
    let dense_size = layout.size_table_dense_half_pt.min(regular_size);
    let body = body_measures(table);
    let regular = column_needs(table, &body, regular_size, margin, total, layout);
    let dense = column_needs(table, &body, dense_size, margin, total, layout);
    let fits = |needs: &[Need], f: fn(&Need) -> usize| needs.iter().map(f).sum::<usize>() <= total;
    let go_dense = dense_size < regular_size
        && ((!fits(&regular, |n| n.min) && fits(&dense, |n| n.min))
            || (!fits(&regular, |n| n.content) && fits(&dense, |n| n.content)));
    match go_dense {
        true => (distribute(&dense, total), dense_size),
        false => (distribute(&regular, total), regular_size),
    }
}

/// What one column needs: `min` fits its longest word (header or body),
/// `want` its longest cell on one line (text columns capped), or room to
/// write in when a cell is blank; in twips.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Need {
    min: usize,
    /// What the content asks (at least `min`).
    content: usize,
    /// What the column asks with room for blanks (at least `content`).
    want: usize,
    /// Its heading on at most two lines (asked of spare room only).
    head: usize,
    text: bool,
}

/// What a column's body cells print, measured once for every font size
/// (widths in plain milli-em, see [`em_width`]).
#[derive(Debug, Clone, Copy, Default)]
struct BodyMeasure {
    /// The longest word.
    word: usize,
    /// The widest cell on one line.
    width: usize,
    /// Some cell is blank (to be written in), the totals row's aside.
    blank: bool,
}

fn body_measures(table: &Table) -> Vec<BodyMeasure> {
    let columns = table.leaves().len();
    let mut out = vec![BodyMeasure::default(); columns];
    // The totals row's empty cells (under STT) are not blanks to fill.
    let totals = table.rows.len().saturating_sub(1);
    for (r, row) in table.rows.iter().enumerate() {
        for (i, m) in out.iter_mut().enumerate() {
            let cell = row.get(i).map_or("", String::as_str);
            let (width, word) = raw_widths(cell);
            m.word = m.word.max(word);
            m.width = m.width.max(width);
            m.blank |= cell.trim().is_empty() && !(table.total_row && r == totals);
        }
    }
    for m in &mut out {
        (m.word, m.width) = (scaled(m.word, false), scaled(m.width, false));
    }
    out
}

fn column_needs(
    table: &Table,
    body: &[BodyMeasure],
    size: usize,
    margin: usize,
    total: usize,
    layout: &Layout,
) -> Vec<Need> {
    let share = |s: f32| (total as f32 * s) as usize;
    let heads = leaf_heads(table);
    let mut needs: Vec<Need> = heads
        .iter()
        .enumerate()
        .map(|(i, (head, align))| {
            let text = *align == Align::Left;
            let cells = body.get(i).copied().unwrap_or_default();
            let min = longest_word(head, size, true).max(twips(cells.word, size));
            // A heading may wrap to three lines.
            let mut want = (text_width(head, size, true) / 3).max(twips(cells.width, size));
            let blank = cells.blank;
            if text {
                want = want.min(share(layout.table_text_column_max_share));
            }
            let content = want.max(min);
            if blank {
                let fill = match text {
                    true => layout.table_blank_text_share,
                    false => layout.table_blank_other_share,
                };
                want = want.max(share(fill));
            }
            Need {
                min: min + margin,
                content: content + margin,
                want: want.max(content) + margin,
                head: two_lines(head, size, true) + margin,
                text,
            }
        })
        .collect();
    widen_for_groups(table, &mut needs, size, margin);
    needs
}

/// A group heading spans its sub-columns: they widen together (evenly)
/// until the heading's longest word fits, so no word is broken there.
fn widen_for_groups(table: &Table, needs: &mut [Need], size: usize, margin: usize) {
    let mut first = 0;
    for group in &table.groups {
        let span = group.columns.len().max(1);
        let Some(leaves) = needs.get_mut(first..first + span) else {
            return;
        };
        first += span;
        if group.columns.is_empty() {
            continue;
        }
        let word = longest_word(&group.label, size, true) + margin;
        let have: usize = leaves.iter().map(|n| n.min).sum();
        let each = word.saturating_sub(have).div_ceil(span);
        for n in leaves.iter_mut() {
            n.min += each;
            n.content = n.content.max(n.min);
            n.want = n.want.max(n.content);
        }
    }
}

/// Each leaf column's own heading (a sub-column's label, or its group's).
fn leaf_heads(table: &Table) -> Vec<(String, Align)> {
    table
        .groups
        .iter()
        .flat_map(|g| match g.columns.is_empty() {
            true => vec![(g.label.clone(), g.align)],
            false => g
                .columns
                .iter()
                .map(|c| (c.label.clone(), c.align))
                .collect(),
        })
        .collect()
}

/// Widths from needs: every column gets its `min`; what is left goes
/// towards the content's width, then towards room for blanks; room beyond
/// every `want` goes to the text columns.
fn distribute(needs: &[Need], total: usize) -> Vec<usize> {
    let sum = |f: fn(&Need) -> usize| needs.iter().map(f).sum::<usize>();
    let (min, content, want) = (sum(|n| n.min), sum(|n| n.content), sum(|n| n.want));
    let mut widths: Vec<usize> = if min >= total {
        needs.iter().map(|n| n.min * total / min.max(1)).collect()
    } else if content >= total {
        towards(needs, |n| (n.min, n.content), total - min, content - min)
    } else if want >= total {
        towards(
            needs,
            |n| (n.content, n.want),
            total - content,
            want - content,
        )
    } else {
        spread(needs, total - want)
    };
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// Each column from `from` towards `to`, by `room` shared in proportion
/// to what each still asks (`ask` in all).
fn towards(
    needs: &[Need],
    range: fn(&Need) -> (usize, usize),
    room: usize,
    ask: usize,
) -> Vec<usize> {
    needs
        .iter()
        .map(|n| {
            let (from, to) = range(n);
            from + (to - from) * room / ask.max(1)
        })
        .collect()
}

/// Every column at its `want`; of `extra`, first what lets the number
/// columns' headings fit on two lines, then the rest shared by the text
/// columns in proportion to their want (by every column when there is no
/// text column).
fn spread(needs: &[Need], extra: usize) -> Vec<usize> {
    let any_text = needs.iter().any(|n| n.text);
    let lift = |n: &Need| match n.text {
        true => 0,
        false => n.head.saturating_sub(n.want),
    };
    let asked: usize = needs.iter().map(lift).sum();
    let lifted = asked.min(extra);
    let extra = extra - lifted;
    let share = |n: &Need| n.text || !any_text;
    let weight: usize = needs.iter().filter(|n| share(n)).map(|n| n.want).sum();
    needs
        .iter()
        .map(|n| {
            let base = n.want + lift(n) * lifted / asked.max(1);
            match share(n) {
                true => base + extra * n.want / weight.max(1),
                false => base,
            }
        })
        .collect()
}

/// Estimated width of `text` on one line, in twips (Times New Roman-like
/// advance widths in thousandths of an em; bold a little wider).
fn text_width(text: &str, size_half_pt: usize, bold: bool) -> usize {
    twips(em_width(text, bold), size_half_pt)
}

/// Width of `text` on one line in thousandths of an em, with the margin
/// of [`scaled`].
fn em_width(text: &str, bold: bool) -> usize {
    scaled(text.chars().map(char_milli_em).sum(), bold)
}

/// Raw advance widths, with a margin: bold is wider; both get a tenth more
/// so an estimate short of the real width never breaks a word.
fn scaled(milli_em: usize, bold: bool) -> usize {
    match bold {
        true => milli_em * 116 / 100,
        false => milli_em * 110 / 100,
    }
}

/// Milli-em at a font size in half-points, as twips (size × 10 twips per
/// em). Never decreasing in `milli_em`, so the widest text in milli-em is
/// the widest in twips at every size.
fn twips(milli_em: usize, size_half_pt: usize) -> usize {
    milli_em * size_half_pt * 10 / 1000
}

/// The raw widths (before [`scaled`]) of `text` on one line and of its
/// longest word, in one pass.
fn raw_widths(text: &str) -> (usize, usize) {
    let (mut total, mut word, mut longest) = (0, 0, 0);
    for c in text.chars() {
        let w = char_milli_em(c);
        total += w;
        match c.is_whitespace() {
            true => {
                longest = longest.max(word);
                word = 0;
            }
            false => word += w,
        }
    }
    (total, longest.max(word))
}

/// The narrowest width that sets `text` on at most two lines, broken
/// between words.
fn two_lines(text: &str, size_half_pt: usize, bold: bool) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    let width = |ws: &[&str]| text_width(&ws.join(" "), size_half_pt, bold);
    (0..=words.len())
        .map(|k| width(&words[..k]).max(width(&words[k..])))
        .min()
        .unwrap_or(0)
}

fn longest_word(text: &str, size_half_pt: usize, bold: bool) -> usize {
    text.split_whitespace()
        .map(|w| text_width(w, size_half_pt, bold))
        .max()
        .unwrap_or(0)
}

/// Rough advance widths: narrow punctuation and letters, wide capitals and
/// `m`/`w`/`%`, the rest half an em (digits, most lower case).
fn char_milli_em(c: char) -> usize {
    let base = unicode_base(c);
    match base {
        ' ' | '.' | ',' | ';' | ':' | '\'' | '|' | '!' | 'i' | 'j' | 'l' | 't' | 'f' | 'I' => 280,
        'r' | 's' | '(' | ')' | '-' | '/' => 380,
        'm' | 'M' | 'W' | '%' | '…' | '—' => 900,
        'w' | 'A'..='Z' | 'Đ' | 'Ư' | 'Ơ' => 700,
        _ => 500,
    }
}

/// The letter under a Vietnamese diacritic, near enough for widths.
fn unicode_base(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c.is_uppercase() {
        true => 'A',
        false => 'a',
    }
}

/// One header row, or two when a group has sub-columns (both repeated on
/// every page).
fn header_rows(table: &Table, widths: &[usize], size: usize, writer: &mut TableWriter<'_, '_>) {
    let two = table.has_subheader();
    let mut top = Vec::new();
    let mut sub = Vec::new();
    let mut col = 0;
    for group in &table.groups {
        let span = group.columns.len().max(1);
        let width = widths.iter().skip(col).take(span).sum();
        top.push(group_cell(group, width, two, size));
        if two {
            let under = widths.get(col..col + span).unwrap_or(&[]);
            sub.extend(sub_cells(group, under, size));
        }
        col += span;
    }
    let props = RowProps {
        header: true,
        cant_split: true,
    };
    writer.row(props, top);
    if two {
        writer.row(props, sub);
    }
}

/// The top-row cell of a group: spans its sub-columns, or both header rows.
fn group_cell(group: &ColumnGroup, width: usize, two_rows: bool, size: usize) -> Cell<'_> {
    let mut cell = header_cell(&group.label, width, size);
    match (group.columns.len(), two_rows) {
        (0, true) => cell.vmerge = Some(VMerge::Restart),
        (0, false) | (1, _) => {}
        (n, _) => cell.span = n,
    }
    cell
}

/// The second-row cells under a group: its sub-column labels, or the
/// continuation of a vertically merged cell.
fn sub_cells<'t>(group: &'t ColumnGroup, widths: &[usize], size: usize) -> Vec<Cell<'t>> {
    if group.columns.is_empty() {
        let width = widths.first().copied().unwrap_or(0);
        let mut cell = header_cell("", width, size);
        cell.vmerge = Some(VMerge::Continue);
        return vec![cell];
    }
    group
        .columns
        .iter()
        .zip(widths)
        .map(|(c, w)| header_cell(&c.label, *w, size))
        .collect()
}

fn header_cell(label: &str, width: usize, size: usize) -> Cell<'_> {
    let style = RunStyle::sized(size).bold();
    text_cell(label, style, Jc::Center, width)
}

/// A body row; missing cells are blank, extra cells are dropped. A row is
/// never split across pages: a name and its figures stay together.
fn body_row(
    cells: &[String],
    aligns: &[Align],
    widths: &[usize],
    bold: bool,
    size: usize,
    writer: &mut TableWriter<'_, '_>,
) {
    let mut style = RunStyle::sized(size);
    style.bold = bold;
    let row = aligns
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (align, width))| {
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            text_cell(text, style, alignment(*align), *width)
        });
    let props = RowProps {
        header: false,
        cant_split: true,
    };
    writer.row(props, row);
}

fn alignment(align: Align) -> Jc {
    match align {
        Align::Left => Jc::Left,
        Align::Center => Jc::Center,
        Align::Right => Jc::Right,
    }
}

/// A vertically centred cell holding one paragraph.
fn text_cell(text: &str, style: RunStyle, align: Jc, width: usize) -> Cell<'_> {
    let para = Para::default()
        .align(align)
        .size(style.size_half_pt)
        .spacing(single_spacing(2.0, 2.0))
        .run(styled_run(text, style));
    Cell::new(width, VAlign::Center, vec![para])
}
