//! The package: the constant parts (static bytes beside this file; styles
//! and the page-number header take the profile's font and sizes), then
//! `word/document.xml` streamed into its zip entry last. Every entry is
//! deflated at [`LEVEL`], in a fixed order: the same document always gives
//! the same bytes.
//!
//! The constant parts are deflated once per process and copied into every
//! document as they are: one deflate stream per document instead of eleven.

use std::borrow::Cow;
use std::io;
use std::sync::OnceLock;

use super::archive::{Archive, Deflated, Level};
use super::xml::Xml;
use crate::render::layout::Layout;

/// Deflate level: 1 measured best on the 1,000-branch cycle (docs/performance.md).
pub const LEVEL: Level = 1;

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

/// What the constant parts depend on: the font and two sizes.
type Key = (String, usize, usize);

fn key(layout: &Layout) -> Key {
    (
        layout.font.clone(),
        layout.size_body_half_pt,
        layout.size_page_number_half_pt,
    )
}

/// A new archive holding every part but the main one, already deflated.
pub fn with_constant_parts(layout: &Layout) -> io::Result<Archive> {
    static ONCE: OnceLock<(Key, Vec<Deflated>)> = OnceLock::new();
    let (built_for, parts) = match ONCE.get() {
        Some(done) => done,
        None => {
            let built = (key(layout), constant_parts(layout)?);
            ONCE.get_or_init(|| built)
        }
    };
    // Only another profile than the first one seen deflates its own.
    let parts: Cow<'_, [Deflated]> = match *built_for == key(layout) {
        true => Cow::Borrowed(parts),
        false => Cow::Owned(constant_parts(layout)?),
    };
    let mut archive = Archive::with_capacity(32 * 1024);
    for part in parts.iter() {
        archive.add_deflated(part)?;
    }
    Ok(archive)
}

/// The constant parts, deflated, in archive order.
fn constant_parts(layout: &Layout) -> io::Result<Vec<Deflated>> {
    let styles = styles(layout);
    let header = page_number_header(layout);
    FIXED
        .into_iter()
        .chain([
            ("word/styles.xml", styles.as_str()),
            ("word/header1.xml", header.as_str()),
            ("word/header2.xml", HEADER_FIRST),
        ])
        .map(|(name, text)| Deflated::new(name, text.as_bytes(), LEVEL))
        .collect()
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
