//! The package: the constant parts (static bytes beside this file; styles
//! and the page-number header take the profile's font and sizes), then
//! `word/document.xml` streamed into its zip entry last. Every entry is
//! deflated at [`LEVEL`] with the zip format's zero time (1980), in a fixed
//! order: the same document always gives the same bytes.
//!
//! The constant parts are deflated once per process into a small archive
//! that every document copies as it is (`merge_archive`, no recompression):
//! one deflate stream per document instead of eleven, and no churn of
//! deflate state, which fragments the heap.

use std::borrow::Cow;
use std::io::{Cursor, Seek, Write};
use std::sync::OnceLock;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, result::ZipResult};
use zip::{ZipArchive, ZipWriter};

use super::xml::Xml;
use crate::render::layout::Layout;

/// Deflate level: 1 measured best on the 1,000-branch cycle (docs/performance.md).
pub const LEVEL: i64 = 1;

/// The name of the main part.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// The parts that do not depend on the document, in archive order.
const FIXED: [(&str, &str); 8] = [
    (
        "[Content_Types].xml",
        include_str!("parts/content_types.xml"),
    ),
    ("_rels/.rels", include_str!("parts/rels.xml")),
    ("docProps/app.xml", include_str!("parts/app.xml")),
    ("docProps/core.xml", include_str!("parts/core.xml")),
    (
        "word/_rels/document.xml.rels",
        include_str!("parts/document_rels.xml"),
    ),
    ("word/settings.xml", include_str!("parts/settings.xml")),
    ("word/fontTable.xml", include_str!("parts/fontTable.xml")),
    ("word/theme/theme1.xml", include_str!("parts/theme1.xml")),
];

/// The empty header of page 1.
const HEADER_FIRST: &str = include_str!("parts/header_first.xml");

pub fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .unix_permissions(0o644)
}

/// What the constant parts depend on: the font and two sizes.
type Key = (String, usize, usize);

fn key(layout: &Layout) -> Key {
    (
        layout.font.clone(),
        layout.size_body_half_pt,
        layout.size_page_number_half_pt,
    )
}

/// Copies every part but the main one into `zip`, already deflated.
pub fn constant_parts<W: Write + Seek>(zip: &mut ZipWriter<W>, layout: &Layout) -> ZipResult<()> {
    static ONCE: OnceLock<(Key, Vec<u8>)> = OnceLock::new();
    let (built_for, bytes) = match ONCE.get() {
        Some(done) => done,
        None => {
            let built = (key(layout), constant_archive(layout)?);
            ONCE.get_or_init(|| built)
        }
    };
    // Only another profile than the first one seen builds its own.
    let bytes: Cow<'_, [u8]> = match *built_for == key(layout) {
        true => Cow::Borrowed(bytes),
        false => Cow::Owned(constant_archive(layout)?),
    };
    zip.merge_archive(ZipArchive::new(Cursor::new(bytes.as_ref()))?)
}

/// The constant parts, zipped in archive order.
fn constant_archive(layout: &Layout) -> ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(16 * 1024)));
    write_constant_parts(&mut zip, layout)?;
    Ok(zip.finish()?.into_inner())
}

fn write_constant_parts<W: Write + Seek>(zip: &mut ZipWriter<W>, layout: &Layout) -> ZipResult<()> {
    let options = options();
    for (name, text) in FIXED {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("word/styles.xml", options)?;
    zip.write_all(styles(layout).as_bytes())?;
    zip.start_file("word/header1.xml", options)?;
    zip.write_all(page_number_header(layout).as_bytes())?;
    zip.start_file("word/header2.xml", options)?;
    zip.write_all(HEADER_FIRST.as_bytes())?;
    Ok(())
}

/// The document defaults: every font slot in the profile's font (no theme
/// font, which would override it), the body size, one Normal style.
fn styles(layout: &Layout) -> String {
    written(|xml| {
        xml.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts",
        );
        for slot in ["ascii", "eastAsia", "hAnsi", "cs"] {
            xml.raw(" w:");
            xml.raw(slot);
            xml.raw("=\"");
            xml.text(&layout.font);
            xml.raw("\"");
        }
        xml.raw("/><w:sz w:val=\"");
        xml.num(layout.size_body_half_pt);
        xml.raw("\"/><w:szCs w:val=\"");
        xml.num(layout.size_body_half_pt);
        xml.raw(
            "\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">\
         <w:name w:val=\"Normal\"/><w:qFormat/></w:style></w:styles>",
        );
    })
}

/// The header of pages 2 onwards: a centred `PAGE` field.
fn page_number_header(layout: &Layout) -> String {
    written(|xml| {
        xml.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>\
         <w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"",
        );
        xml.num(layout.size_page_number_half_pt);
        xml.raw("\"/><w:szCs w:val=\"");
        xml.num(layout.size_page_number_half_pt);
        xml.raw(
            "\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/>\
         <w:instrText>PAGE</w:instrText>\
         <w:fldChar w:fldCharType=\"separate\"/><w:t>2</w:t>\
         <w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>",
        );
    })
}

/// What `write` puts through an [`Xml`] sink, as text.
fn written(write: impl FnOnce(&mut Xml<'_>)) -> String {
    let mut out = Vec::new();
    let mut xml = Xml::new(&mut out);
    write(&mut xml);
    // Writing into a Vec cannot fail, and only UTF-8 goes in.
    let _ = xml.finish();
    String::from_utf8(out).unwrap_or_default()
}
