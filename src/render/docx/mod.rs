//! The DOCX writer: a [`Document`] laid out per a [`Layout`] profile, as a
//! Party document (Hướng dẫn 36-HD/VPTW) a văn thư would print and file.
//!
//! Page 1 opens with the two-column header block, then the title (báo cáo,
//! biên bản) or `Kính gửi:` (công văn), the Markdown body, and the closing
//! block. Output is deterministic: the same input gives the same bytes.

mod body;
mod closing;
mod gfm;
mod header;
mod package;
mod schema_order;
mod table;
mod text;

use docx_rs::{Docx, Paragraph};

use crate::render::document::Document;
use crate::render::layout::Layout;

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The body places a table (`<!-- vanban:table NAME -->`) the document lacks.
    #[error("bảng \"{0}\" không có trong văn bản (unknown table in body)")]
    UnknownTable(String),
    /// Writing the zip archive failed.
    #[error("không ghi được tệp DOCX: {0}")]
    Zip(String),
    /// A bug in this writer (the built XML was not as expected).
    #[error("lỗi nội bộ khi tạo DOCX: {0}")]
    Internal(String),
}

/// One top-level piece of the document body.
// Blocks are built once and moved straight into docx-rs, which stores
// paragraphs unboxed anyway: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    /// A table and its number of header rows (repeated on every page).
    Table(docx_rs::Table, usize),
}

/// Writes `doc` as a DOCX file (the bytes of the zip archive).
pub fn write_docx(doc: &Document, layout: &Layout) -> Result<Vec<u8>, DocxError> {
    let blocks = blocks(doc, layout)?;
    let mut docx = package::page_setup(layout);
    let mut header_rows = Vec::new();
    let mut after_table = false;
    for block in blocks {
        docx = match block {
            Block::Paragraph(p) => {
                after_table = false;
                docx.add_paragraph(p)
            }
            Block::Table(t, rows) => {
                header_rows.push(rows);
                let docx = separate_tables(docx, after_table);
                after_table = true;
                docx.add_table(t)
            }
        };
    }
    package::pack(docx, &header_rows)
}

/// Every block of the document in order: header, title or `Kính gửi`, body, closing.
fn blocks(doc: &Document, layout: &Layout) -> Result<Vec<Block>, DocxError> {
    let mut blocks = Vec::new();
    if doc.draft {
        blocks.push(header::draft_mark(layout));
    }
    blocks.push(header::header_block(&doc.header, layout));
    if let Some(title) = &doc.title {
        blocks.extend(header::title_block(title, layout));
    }
    blocks.extend(header::to_block(&doc.to, layout));
    blocks.extend(body::body_blocks(doc, layout)?);
    blocks.extend(closing::closing_blocks(&doc.closing, layout));
    Ok(blocks)
}

/// Two tables in a row would merge into one in Word: put an empty paragraph between.
fn separate_tables(docx: Docx, after_table: bool) -> Docx {
    match after_table {
        true => docx.add_paragraph(Paragraph::new().size(2)),
        false => docx,
    }
}

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
