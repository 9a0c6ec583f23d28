//! Page setup (A4, margins, fonts, page numbers from page 2) and packing:
//! docx-rs builds the parts, `w:tblHeader` is patched into the header rows
//! (docx-rs has no API for it), and the zip is written in memory.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin, Paragraph, Run,
    RunFonts,
};

use super::DocxError;
use super::text::single_spacing;
use crate::render::layout::{Layout, mm_to_twips};

/// An empty document with the page, fonts and page-number headers set.
pub fn page_setup(layout: &Layout) -> Docx {
    let f = &layout.font;
    let fonts = RunFonts::new().ascii(f).hi_ansi(f).east_asia(f).cs(f);
    Docx::new()
        .page_size(
            mm_to_twips(layout.page_width_mm).max(0) as u32,
            mm_to_twips(layout.page_height_mm).max(0) as u32,
        )
        .page_margin(margins(layout))
        .default_fonts(fonts)
        .default_size(layout.size_body_half_pt)
        .header(Header::new().add_paragraph(page_number(layout)))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .title_pg()
}

fn margins(layout: &Layout) -> PageMargin {
    let header = mm_to_twips(layout.header_distance_mm);
    PageMargin::new()
        .top(mm_to_twips(layout.margin_top_mm))
        .bottom(mm_to_twips(layout.margin_bottom_mm))
        .left(mm_to_twips(layout.margin_left_mm))
        .right(mm_to_twips(layout.margin_right_mm))
        .header(header)
        .footer(header)
        .gutter(0)
}

/// A centred `PAGE` field (the header of pages 2 onwards).
fn page_number(layout: &Layout) -> Paragraph {
    let run = Run::new()
        .size(layout.size_page_number_half_pt)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(single_spacing(0.0, 0.0))
        .add_run(run)
}

/// Builds the parts, marks header rows, and zips. `header_rows[i]` is the
/// number of header rows of the i-th table in document order.
pub fn pack(docx: Docx, header_rows: &[usize]) -> Result<Vec<u8>, DocxError> {
    let mut xml = docx.build();
    let document = String::from_utf8(std::mem::take(&mut xml.document))
        .map_err(|_| DocxError::Internal("document.xml is not UTF-8".to_owned()))?;
    xml.document = mark_header_rows(&document, header_rows)?.into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    Ok(out.into_inner())
}

const TABLE: &str = "<w:tbl>";
const ROW: &str = "<w:tr>";
const ROW_PROPS: &str = "<w:trPr>";
const EMPTY_ROW_PROPS: &str = "<w:trPr />";
const TBL_HEADER: &str = "<w:tblHeader />";

/// Inserts `<w:tblHeader />` into the row properties of the first
/// `header_rows[i]` rows of the i-th table. Tables are never nested here, so
/// the rows after a table's start belong to it.
pub fn mark_header_rows(xml: &str, header_rows: &[usize]) -> Result<String, DocxError> {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    for &count in header_rows {
        let at = rest.find(TABLE).ok_or_else(|| patch_error("table"))?;
        let (before, after) = rest.split_at(at + TABLE.len());
        out.push_str(before);
        rest = after;
        for _ in 0..count {
            rest = mark_next_row(rest, &mut out)?;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Copies `xml` up to the next row's properties into `out`, adds
/// `w:tblHeader` to them, and returns the rest.
fn mark_next_row<'x>(xml: &'x str, out: &mut String) -> Result<&'x str, DocxError> {
    let row = xml.find(ROW).ok_or_else(|| patch_error("row"))? + ROW.len();
    let (before, after) = xml.split_at(row);
    out.push_str(before);
    if let Some(rest) = after.strip_prefix(ROW_PROPS) {
        out.push_str(ROW_PROPS);
        out.push_str(TBL_HEADER);
        Ok(rest)
    } else if let Some(rest) = after.strip_prefix(EMPTY_ROW_PROPS) {
        out.push_str(ROW_PROPS);
        out.push_str(TBL_HEADER);
        out.push_str("</w:trPr>");
        Ok(rest)
    } else {
        Err(patch_error("row properties"))
    }
}

fn patch_error(what: &str) -> DocxError {
    DocxError::Internal(format!(
        "cannot mark table header rows: no {what} where expected"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_get_tbl_header() {
        let xml = "<w:tbl><w:tr><w:trPr /><w:tc/></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>";
        let out = mark_header_rows(xml, &[1, 1]).expect("patched");
        assert_eq!(out.matches(TBL_HEADER).count(), 2);
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc/>"));
        assert!(out.contains("<w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>"));
    }

    #[test]
    fn missing_tables_are_reported() {
        assert!(mark_header_rows("<w:p/>", &[0]).is_err());
        assert!(mark_header_rows("<w:tbl></w:tbl>", &[1]).is_err());
    }
}
