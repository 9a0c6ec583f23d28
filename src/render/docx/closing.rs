//! The closing block: `Nơi nhận:` and the signer side by side, or several
//! signatures in a row (minutes, vote-count board).

use super::header::{borderless, column_cell};
use super::text::{RunStyle, caps, centred, line, single_spacing};
use super::wml::{Body, Cell, Jc, Para, RowProps};
use crate::render::document::{Closing, Signature};
use crate::render::layout::Layout;

/// The closing table (preceded by an empty line).
pub fn write_closing(closing: &Closing, layout: &Layout, body: &mut Body<'_, '_>) {
    if matches!(closing, Closing::Signatures(signers) if signers.is_empty()) {
        return;
    }
    // Kept with the table: the body's last paragraph, this line and the
    // closing block stay on one page.
    body.para(&centred("", RunStyle::sized(layout.size_body_half_pt)).keep_next());
    match closing {
        Closing::Signed { copies, signer } => signed(copies, signer, layout, body),
        Closing::Signatures(signers) => side_by_side(signers, layout, body),
    }
}

const KEPT_TOGETHER: RowProps = RowProps {
    header: false,
    cant_split: true,
};

/// `Nơi nhận:` on the left, the signer on the right.
fn signed(copies: &[String], signer: &Signature, layout: &Layout, body: &mut Body<'_, '_>) {
    let widths = layout.two_columns(layout.closing_left_share);
    let cells = [
        column_cell(copies_column(copies, layout), widths[0]),
        column_cell(signature_column(signer, false, layout), widths[1]),
    ];
    let mut table = body.table(&borderless(None), &widths);
    table.row(KEPT_TOGETHER, cells);
    table.finish();
}

/// Equal columns, one signature each, at most `signatures_per_row` to a
/// row so a long title (`TRƯỞNG BAN KIỂM PHIẾU`) stays on one line and the
/// names stay level; a short last row keeps the columns of the others.
fn side_by_side(signers: &[Signature], layout: &Layout, body: &mut Body<'_, '_>) {
    let per_row = layout.signatures_per_row.clamp(1, signers.len().max(1));
    let total = layout.text_width_twips().max(0) as usize;
    let width = total / per_row;
    let widths = vec![width; per_row];
    let pad = signers.iter().any(|s| !s.authority.trim().is_empty());
    let mut table = body.table(&borderless(None), &widths);
    for (i, chunk) in signers.chunks(per_row).enumerate() {
        let mut cells: Vec<Cell<'_>> = chunk
            .iter()
            .map(|s| {
                let mut column = signature_column(s, pad, layout);
                if i > 0 {
                    column.insert(0, centred("", RunStyle::sized(layout.size_signer_half_pt)));
                }
                column_cell(column, width)
            })
            .collect();
        cells.resize_with(per_row, || column_cell(vec![Para::default()], width));
        table.row(KEPT_TOGETHER, cells);
    }
    table.finish();
}

/// `Nơi nhận:` then `- A,` … `- Lưu: VPĐU.`.
fn copies_column(copies: &[String], layout: &Layout) -> Vec<Para<'static>> {
    let mut label = RunStyle::sized(layout.size_copies_label_half_pt)
        .bold()
        .underline();
    label.italic = layout.copies_label_italic;
    let mut lines = vec![line(&layout.copies_label, label, Jc::Left)];
    let style = RunStyle::sized(layout.size_copies_half_pt);
    let last = copies.len().saturating_sub(1);
    for (i, copy) in copies.iter().enumerate() {
        let mark = if i == last { "." } else { "," };
        let text = format!("- {}{mark}", bare_copy(copy));
        lines.push(line(&text, style, Jc::Left));
    }
    lines
}

/// A copy line without a dash or end punctuation the caller may have left.
fn bare_copy(copy: &str) -> &str {
    let copy = copy.trim();
    let copy = copy.strip_prefix('-').unwrap_or(copy).trim_start();
    copy.trim_end_matches([',', '.', ';']).trim_end()
}

/// Authority, title, room for signature and seal, name (or a dotted blank).
/// With `pad`, a missing authority keeps its line so titles stay level.
fn signature_column(signer: &Signature, pad: bool, layout: &Layout) -> Vec<Para<'static>> {
    let bold = RunStyle::sized(layout.size_signer_half_pt).bold();
    let mut lines = Vec::new();
    if !signer.authority.trim().is_empty() || pad {
        lines.push(centred(&caps(signer.authority.trim()), bold));
    }
    lines.push(centred(&caps(signer.title.trim()), bold));
    for _ in 0..layout.signature_blank_lines {
        lines.push(centred("", RunStyle::sized(layout.size_signer_half_pt)));
    }
    let name = signer.name.trim();
    let name_line = match name.is_empty() {
        true => centred(
            &layout.dotted_blank,
            RunStyle::sized(layout.size_signer_half_pt),
        ),
        false => centred(name, bold),
    };
    lines.push(name_line.spacing(single_spacing(0.0, 0.0)));
    lines
}
