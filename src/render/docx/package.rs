//! Page setup (A4, margins, fonts, page numbers from page 2) and packing:
//! docx-rs builds the parts, `w:tblHeader` is patched into the header rows
//! (docx-rs has no API for it), every part is put in schema order
//! (`schema_order`), a theme is added, and the zip is written in memory.

use std::io::{Cursor, Write};

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin, Paragraph, Run,
    RunFonts, XMLDocx,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::DocxError;
use super::schema_order;
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

/// Builds the parts, marks header rows, puts every part in schema order,
/// adds a theme, and zips.
/// `header_rows[i]` is the number of header rows of the i-th table in
/// document order.
pub fn pack(docx: Docx, header_rows: &[usize]) -> Result<Vec<u8>, DocxError> {
    let mut xml = docx.build();
    let document = mark_header_rows(utf8(&xml.document)?, header_rows)?;
    xml.document = document.into_bytes();
    for part in schema_parts(&mut xml) {
        *part = schema_order::normalize(utf8(part)?)
            .map_err(|e| DocxError::Internal(format!("XML docx-rs wrote: {}", e.0)))?
            .into_bytes();
    }
    add_theme(&mut xml)?;
    zip_parts(&xml).map_err(|e| DocxError::Zip(e.to_string()))
}

fn utf8(part: &[u8]) -> Result<&str, DocxError> {
    std::str::from_utf8(part)
        .map_err(|_| DocxError::Internal("an XML part is not UTF-8".to_owned()))
}

/// The parts whose elements carry children in a schema order.
fn schema_parts(xml: &mut XMLDocx) -> impl Iterator<Item = &mut Vec<u8>> {
    [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.settings,
        &mut xml.numberings,
    ]
    .into_iter()
    .chain(xml.headers.iter_mut())
    .chain(xml.footers.iter_mut())
}

/// A minimal DrawingML theme: Word requires the main document to have one
/// (docx-rs writes none). Fonts and colours come from the styles anyway.
const THEME: &str = include_str!("theme1.xml");
const THEME_PART: &str = "word/theme/theme1.xml";
const THEME_REL: &str = "<Relationship Id=\"rIdTheme1\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" \
    Target=\"theme/theme1.xml\" />";
const THEME_TYPE: &str = "<Override PartName=\"/word/theme/theme1.xml\" \
    ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\" />";

/// Declares the theme part in the document relationships and content types.
fn add_theme(xml: &mut XMLDocx) -> Result<(), DocxError> {
    insert_before(&mut xml.document_rels, "</Relationships>", THEME_REL)?;
    insert_before(&mut xml.content_type, "</Types>", THEME_TYPE)
}

fn insert_before(part: &mut Vec<u8>, end: &str, insert: &str) -> Result<(), DocxError> {
    let text = utf8(part)?;
    let at = text
        .rfind(end)
        .ok_or_else(|| DocxError::Internal(format!("no {end} in a package part")))?;
    let patched = format!("{}{insert}{}", &text[..at], &text[at..]);
    *part = patched.into_bytes();
    Ok(())
}

/// Zips the parts in a fixed order, stored, with the zip format's zero time
/// (1980): the same document always gives the same bytes.
fn zip_parts(xml: &XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .unix_permissions(0o644);
    let fixed: [(&str, &[u8]); 15] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &xml.doc_props.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &xml.document_rels),
        ("word/document.xml", &xml.document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/commentsExtended.xml", &xml.comments_extended),
        ("word/footnotes.xml", &xml.footnotes),
        (THEME_PART, THEME.as_bytes()),
    ];
    for (name, bytes) in fixed {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    for (kind, parts, rels) in [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ] {
        for (i, part) in parts.iter().enumerate() {
            zip.start_file(format!("word/{kind}{}.xml", i + 1), options)?;
            zip.write_all(part)?;
            if let Some(rels) = rels.get(i) {
                zip.start_file(format!("word/_rels/{kind}{}.xml.rels", i + 1), options)?;
                zip.write_all(rels)?;
            }
        }
    }
    Ok(zip.finish()?.into_inner())
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

    #[test]
    fn packed_parts_are_in_schema_order_with_a_declared_theme() {
        let docx = page_setup(&Layout::default())
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text("x")));
        let bytes = pack(docx, &[]).expect("packed");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut part = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text)
                .expect("utf-8");
            text
        };
        assert!(part(THEME_PART).contains("<a:theme "));
        assert!(part("word/_rels/document.xml.rels").contains("Target=\"theme/theme1.xml\""));
        assert!(part("[Content_Types].xml").contains("PartName=\"/word/theme/theme1.xml\""));
        let sect = part("word/document.xml");
        let (header_ref, size) = (
            sect.find("<w:headerReference").expect("ref"),
            sect.find("<w:pgSz").expect("pgSz"),
        );
        assert!(header_ref < size, "sectPr children in schema order");
        let settings = part("word/settings.xml");
        assert!(
            settings.find("<w:zoom").expect("zoom")
                < settings.find("<w:defaultTabStop").expect("tab")
        );
    }
}
