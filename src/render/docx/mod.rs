//! The DOCX writer: a [`Document`] laid out per a [`Layout`] profile, as a
//! Party document (Hướng dẫn 36-HD/VPTW) a văn thư would print and file.
//!
//! Page 1 opens with the two-column header block, then the title (báo cáo,
//! biên bản) or `Kính gửi:` (công văn), the Markdown body, and the closing
//! block. Output is deterministic: the same input gives the same bytes.

mod archive;
mod body;
mod closing;
mod gfm;
mod header;
mod package;
mod table;
mod text;
mod wml;
mod xml;

use crate::render::document::{Document, split_annexes};
use crate::render::layout::{Layout, mm_to_twips};
use body::Start;
use wml::{Body, Section};
use xml::Xml;

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The body places a table (`<!-- vanban:table NAME -->`) the document lacks.
    #[error("bảng \"{0}\" không có trong văn bản (unknown table in body)")]
    UnknownTable(String),
    /// Writing the zip archive failed.
    #[error("không ghi được tệp DOCX: {0}")]
    Zip(String),
}

impl From<std::io::Error> for DocxError {
    fn from(e: std::io::Error) -> Self {
        DocxError::Zip(e.to_string())
    }
}

/// Writes `doc` as a DOCX file (the bytes of the zip archive), the main
/// part streamed into its deflated entry: paragraphs and table rows go
/// out as they are made, so a big document never sits in memory as XML.
pub fn write_docx(doc: &Document, layout: &Layout) -> Result<Vec<u8>, DocxError> {
    let mut archive = package::with_constant_parts(layout)?;
    let mut written = Ok(());
    archive.add(package::DOCUMENT_PART, package::LEVEL, |out| {
        let mut xml = Xml::new(out);
        written = write_document(doc, layout, &mut xml);
        xml.finish()
    })?;
    written?;
    Ok(archive.finish()?)
}

/// The main part in order: header, title or `Kính gửi`, body, closing,
/// each attachment on pages of its own, and the last section's page.
fn write_document(doc: &Document, layout: &Layout, xml: &mut Xml<'_>) -> Result<(), DocxError> {
    let mut body = Body::start(xml);
    if doc.draft {
        body.para(&header::draft_mark(layout));
    }
    if let Some(label) = &doc.header.form_label {
        body.para(&header::form_label(label, layout));
    }
    header::header_block(&doc.header, layout, &mut body);
    if let Some(title) = &doc.title {
        header::title_block(title, layout)
            .iter()
            .for_each(|p| body.para(p));
    }
    for para in header::to_block(&doc.to, layout) {
        body.para(&para);
    }
    let page = portrait(layout);
    let (main, annexes) = split_annexes(&doc.body);
    let mut last = body::write_body(main, doc, layout, &mut body, (page, Start::AfterHeader))?;
    closing::write_closing(&doc.closing, layout, &mut body);
    for annex in annexes {
        body.section_break(&last);
        last = body::write_body(annex, doc, layout, &mut body, (page, Start::NewPage))?;
    }
    body.finish(&last);
    Ok(())
}

/// The profile's page (A4 portrait, the Party margins).
fn portrait(layout: &Layout) -> Section {
    Section {
        orientation: wml::Orientation::Portrait,
        width: mm_to_twips(layout.page_width_mm),
        height: mm_to_twips(layout.page_height_mm),
        top: mm_to_twips(layout.margin_top_mm),
        right: mm_to_twips(layout.margin_right_mm),
        bottom: mm_to_twips(layout.margin_bottom_mm),
        left: mm_to_twips(layout.margin_left_mm),
        header: mm_to_twips(layout.header_distance_mm),
    }
}

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
