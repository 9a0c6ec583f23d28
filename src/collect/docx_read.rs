//! The tables of a DOCX as text: `word/document.xml` out of the zip, then
//! each top-level table as rows of cell texts laid on the table's grid.
//!
//! Read the way a word processor may have rewritten the file: a cell's
//! text is the concatenation of its `w:t` (a `w:tab` or a line break is a
//! space) per paragraph, its paragraphs joined by a newline; text is NFC
//! and its white space folded. Content controls (`w:sdt`) are read through,
//! unless they still show their placeholder; deleted text, the fallback
//! copies of `mc:AlternateContent` and nested tables are not read.
//! A cell spanning columns (`w:gridSpan`) gives its text to each column it
//! covers; a cell continuing a vertical merge (`w:vMerge`) takes the text
//! of the cell above it.
//!
//! Every step is bounded: the XML part is read through `Read::take`, and
//! the grid has a ceiling on its columns and cells, so no input can make
//! the reader exhaust memory; the tree is walked with an explicit stack,
//! so no nesting depth can overflow the call stack.

use roxmltree::{Document, Node, ParsingOptions};
use std::io::{Cursor, Read};
use std::rc::Rc;
use unicode_normalization::UnicodeNormalization;

/// The main part of a DOCX.
pub const DOCUMENT_PART: &str = "word/document.xml";
/// The most of `word/document.xml` read (uncompressed): a filled form is
/// well under 1 MiB, so anything near this is not one.
pub const MAX_DOCUMENT_XML: u64 = 20 * 1024 * 1024;
/// Columns of one table (Word allows 63).
const MAX_COLUMNS: usize = 64;
/// Cells of all the tables of one document, after spans are laid out.
const MAX_CELLS: usize = 1_000_000;
/// Paragraphs and tables of the body.
const MAX_BLOCKS: usize = 200_000;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Why no tables could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not a zip archive (the detail from the zip reader).
    NotZip(String),
    /// A zip without `word/document.xml`.
    NoDocument,
    /// `word/document.xml` could not be inflated.
    Corrupt(String),
    /// `word/document.xml` (or its tables) beyond the limits above.
    TooLarge,
    /// `word/document.xml` is not UTF-8.
    NotUtf8,
    /// `word/document.xml` is not well-formed XML.
    Xml(String),
}

/// One position of a table's grid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Paragraphs joined by `\n`, each trimmed and folded; empty
    /// paragraphs left out.
    pub text: Rc<str>,
    /// Covered by the span of the cell on its left (the text is its).
    pub spanned: bool,
    /// Continues a vertical merge (the text is the cell's above).
    pub merged: bool,
}

impl Cell {
    /// The text on one line (paragraphs joined by a space).
    pub fn line(&self) -> String {
        self.text.replace('\n', " ")
    }

    /// The paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n').filter(|p| !p.is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Marked as a header row (`w:tblHeader`), repeated on every page.
    pub header: bool,
    /// One per grid column; every row of a table has the same width.
    pub cells: Vec<Cell>,
}

/// One block of the document's body, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Paragraph),
    /// The top-level table of that index in [`Body::tables`].
    Table(usize),
}

/// A paragraph of the body (not of a table): its text folded like a
/// cell's, and its outline level when it is a heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// `w:outlineLvl`, or the level of a `HeadingN` style (0 = level 1).
    pub outline: Option<u8>,
}

/// The body of a DOCX: its blocks in order, and its top-level tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub tables: Vec<Grid>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Row>,
}

impl Grid {
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, |r| r.cells.len())
    }
}

/// The top-level tables of a DOCX, in document order.
pub fn tables(docx: &[u8]) -> Result<Vec<Grid>, ReadError> {
    Ok(body(docx)?.tables)
}

/// The body of a DOCX: paragraphs and tables in document order.
pub fn body(docx: &[u8]) -> Result<Body, ReadError> {
    parse_body(&document_xml(docx)?)
}

/// The text of `word/document.xml`, at most [`MAX_DOCUMENT_XML`] bytes.
pub fn document_xml(docx: &[u8]) -> Result<String, ReadError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| ReadError::NotZip(e.to_string()))?;
    let entry = match zip.by_name(DOCUMENT_PART) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Err(ReadError::NoDocument),
        Err(e) => return Err(ReadError::Corrupt(e.to_string())),
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_DOCUMENT_XML + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Corrupt(e.to_string()))?;
    if bytes.len() as u64 > MAX_DOCUMENT_XML {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// The top-level tables of a WordprocessingML document.
pub fn parse_tables(xml: &str) -> Result<Vec<Grid>, ReadError> {
    Ok(parse_body(xml)?.tables)
}

/// The body of a WordprocessingML document.
pub fn parse_body(xml: &str) -> Result<Body, ReadError> {
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let doc =
        Document::parse_with_options(xml, options).map_err(|e| ReadError::Xml(e.to_string()))?;
    let mut reader = Reader::default();
    let mut stack = vec![Step::Open(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(node) => {
                if reader.open(node)? {
                    stack.push(Step::Close(node));
                    let mut child = node.last_child();
                    while let Some(c) = child {
                        stack.push(Step::Open(c));
                        child = c.prev_sibling();
                    }
                }
            }
            Step::Close(node) => reader.close(node)?,
        }
    }
    Ok(Body {
        blocks: reader.blocks,
        tables: reader.tables,
    })
}

enum Step<'a, 'i> {
    Open(Node<'a, 'i>),
    Close(Node<'a, 'i>),
}

/// A cell as written, before it is laid on the grid.
#[derive(Default)]
struct RawCell {
    span: usize,
    merge: Merge,
    paragraphs: Vec<String>,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Default)]
struct RawRow {
    header: bool,
    before: usize,
    cells: Vec<RawCell>,
}

/// The walk's state: where it is in the table being read.
#[derive(Default)]
struct Reader {
    tables: Vec<Grid>,
    blocks: Vec<Block>,
    /// The outline level of the body paragraph being read.
    outline: Option<u8>,
    /// How many tables the walk is inside (only depth 1 is read).
    depth: usize,
    table: Vec<RawRow>,
    row: Option<RawRow>,
    cell: Option<RawCell>,
    /// Paragraphs open inside the cell (a text box may nest one).
    para_depth: usize,
    para: String,
    cells: usize,
}

fn is_w(node: Node, name: &str) -> bool {
    node.has_tag_name((W, name))
}

/// An `on`/`off` property (`<w:tblHeader/>`, `w:val="true"`, `"0"` …).
fn flag_on(node: Node) -> bool {
    !matches!(
        node.attribute((W, "val")),
        Some("0" | "false" | "off" | "none")
    )
}

fn number_attr(node: Node) -> Option<usize> {
    node.attribute((W, "val"))?.trim().parse().ok()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

impl Reader {
    /// Handles an element's start; `false`: do not read inside it.
    fn open(&mut self, node: Node) -> Result<bool, ReadError> {
        if !node.is_element() {
            if node.is_root() {
                return Ok(true);
            }
            return Ok(false);
        }
        if node.has_tag_name((MC, "Fallback")) {
            return Ok(false);
        }
        if node.tag_name().namespace() != Some(W) {
            return Ok(true);
        }
        let in_table = self.depth == 1;
        match node.tag_name().name() {
            // Properties, deleted text, a content control's settings.
            "pPr" | "rPr" | "tblPr" | "trPr" | "tcPr" | "sdtPr" | "sdtEndPr" | "del"
            | "moveFrom" | "instrText" | "delText" => return Ok(false),
            "sdt" if showing_placeholder(node) => return Ok(false),
            "tbl" => self.depth += 1,
            "tr" if in_table => self.row = Some(row_properties(node)),
            "tc" if in_table && self.row.is_some() => self.cell = Some(cell_properties(node)),
            "p" if in_table && self.cell.is_some() => {
                self.para_depth += 1;
                if self.para_depth == 1 {
                    self.para.clear();
                }
            }
            "p" if self.depth == 0 => {
                self.para_depth += 1;
                if self.para_depth == 1 {
                    self.para.clear();
                    self.outline = outline_level(node);
                }
            }
            "t" if self.reading_text() => self.para.push_str(node.text().unwrap_or("")),
            "tab" | "br" | "cr" if self.reading_text() => self.para.push(' '),
            "noBreakHyphen" if self.reading_text() => self.para.push('-'),
            _ => {}
        }
        Ok(true)
    }

    fn reading_text(&self) -> bool {
        self.para_depth > 0 && (self.depth == 0 || (self.depth == 1 && self.cell.is_some()))
    }

    fn close(&mut self, node: Node) -> Result<(), ReadError> {
        if !node.is_element() || node.tag_name().namespace() != Some(W) {
            return Ok(());
        }
        let in_table = self.depth == 1;
        match node.tag_name().name() {
            "p" if in_table && self.cell.is_some() && self.para_depth > 0 => {
                self.para_depth -= 1;
                if self.para_depth == 0
                    && let Some(cell) = self.cell.as_mut()
                {
                    cell.paragraphs.push(std::mem::take(&mut self.para));
                }
            }
            "p" if self.depth == 0 && self.para_depth > 0 => {
                self.para_depth -= 1;
                if self.para_depth == 0 {
                    if self.blocks.len() >= MAX_BLOCKS {
                        return Err(ReadError::TooLarge);
                    }
                    self.blocks.push(Block::Para(Paragraph {
                        text: fold(&std::mem::take(&mut self.para)),
                        outline: self.outline.take(),
                    }));
                }
            }
            "tc" if in_table => {
                if let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    row.cells.push(cell);
                }
                self.para_depth = 0;
            }
            "tr" if in_table => {
                if let Some(row) = self.row.take() {
                    self.table.push(row);
                }
                if self.cells.saturating_add(self.table.len()) > MAX_CELLS {
                    return Err(ReadError::TooLarge);
                }
            }
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    let raw = std::mem::take(&mut self.table);
                    let grid = lay_out(raw, &mut self.cells)?;
                    if self.blocks.len() >= MAX_BLOCKS {
                        return Err(ReadError::TooLarge);
                    }
                    self.blocks.push(Block::Table(self.tables.len()));
                    self.tables.push(grid);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A heading's outline level: `w:outlineLvl`, else a `HeadingN` style
/// (as Word and LibreOffice name them).
fn outline_level(p: Node) -> Option<u8> {
    let pr = child(p, "pPr")?;
    let level = child(pr, "outlineLvl").and_then(number_attr);
    let styled = || {
        let style = child(pr, "pStyle")?.attribute((W, "val"))?;
        let digits = style.to_ascii_lowercase();
        let n: usize = digits.strip_prefix("heading")?.trim().parse().ok()?;
        n.checked_sub(1)
    };
    // Level 9 is "body text" in Word's numbering of outline levels.
    level
        .or_else(styled)
        .filter(|l| *l < 9)
        .and_then(|l| u8::try_from(l).ok())
}

/// A content control still showing its placeholder text ("Click here…").
fn showing_placeholder(sdt: Node) -> bool {
    child(sdt, "sdtPr").is_some_and(|pr| child(pr, "showingPlcHdr").is_some_and(flag_on))
}

fn row_properties(tr: Node) -> RawRow {
    let pr = child(tr, "trPr");
    let header = pr
        .and_then(|pr| child(pr, "tblHeader"))
        .is_some_and(flag_on);
    let before = child(tr, "tblPrEx")
        .or(pr)
        .and_then(|pr| child(pr, "gridBefore"))
        .and_then(number_attr)
        .unwrap_or(0);
    RawRow {
        header,
        before: before.min(MAX_COLUMNS),
        cells: Vec::new(),
    }
}

fn cell_properties(tc: Node) -> RawCell {
    let pr = child(tc, "tcPr");
    let span = pr
        .and_then(|pr| child(pr, "gridSpan"))
        .and_then(number_attr)
        .unwrap_or(1)
        .clamp(1, MAX_COLUMNS);
    let merge = match pr.and_then(|pr| child(pr, "vMerge")) {
        None => Merge::None,
        Some(m) => match m.attribute((W, "val")) {
            Some("restart") => Merge::Restart,
            _ => Merge::Continue,
        },
    };
    RawCell {
        span,
        merge,
        paragraphs: Vec::new(),
    }
}

/// NFC, white space folded to single spaces, trimmed.
pub fn fold(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph holding only a dotted blank (`……`, `....`): a place left
/// to fill in, so nothing written.
pub fn is_dotted_blank(text: &str) -> bool {
    text.chars().any(|c| c != ' ')
        && text
            .chars()
            .all(|c| matches!(c, '.' | '…' | '·') || c.is_whitespace())
}

/// The cell's paragraphs folded; empty paragraphs and dotted blanks (a
/// filled report's unknown values) left out.
fn cell_text(paragraphs: &[String]) -> Rc<str> {
    let lines: Vec<String> = paragraphs
        .iter()
        .map(|p| fold(p))
        .filter(|p| !p.is_empty() && !is_dotted_blank(p))
        .collect();
    Rc::from(lines.join("\n"))
}

/// Lays the rows on the grid: spans repeated, merges filled from above,
/// every row padded to the widest.
fn lay_out(rows: Vec<RawRow>, total: &mut usize) -> Result<Grid, ReadError> {
    let mut grid = Grid::default();
    for raw in rows {
        let mut cells = vec![Cell::default(); raw.before];
        for rc in raw.cells {
            let col = cells.len();
            let mut text = cell_text(&rc.paragraphs);
            let merged = rc.merge == Merge::Continue;
            if merged && text.is_empty() {
                let above = grid.rows.last().and_then(|r: &Row| r.cells.get(col));
                text = above.map_or_else(|| Rc::from(""), |c| Rc::clone(&c.text));
            }
            for i in 0..rc.span {
                cells.push(Cell {
                    text: Rc::clone(&text),
                    spanned: i > 0,
                    merged,
                });
            }
            if cells.len() > MAX_COLUMNS {
                return Err(ReadError::TooLarge);
            }
        }
        grid.rows.push(Row {
            header: raw.header,
            cells,
        });
    }
    // Counted as laid out (every row as wide as the widest, an empty row
    // as one cell), before the padding is allocated.
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    *total = total.saturating_add(grid.rows.len().saturating_mul(width.max(1)));
    if *total > MAX_CELLS {
        return Err(ReadError::TooLarge);
    }
    for row in &mut grid.rows {
        row.cells.resize(width, Cell::default());
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(r#"<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>"#)
    }

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn runs_tabs_and_paragraphs_make_the_cell_text() {
        let xml = doc(concat!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Hoàn </w:t></w:r><w:r><w:t>thành</w:t>",
            "<w:tab/><w:t>tốt</w:t></w:r></w:p><w:p/><w:p><w:r><w:t> nhiệm  vụ </w:t></w:r></w:p>",
            "</w:tc></w:tr></w:tbl>"
        ));
        let tables = parse_tables(&xml).expect("parses");
        assert_eq!(texts(&tables[0]), [["Hoàn thành tốt\nnhiệm vụ"]]);
        assert_eq!(tables[0].rows[0].cells[0].line(), "Hoàn thành tốt nhiệm vụ");
    }

    #[test]
    fn a_dotted_blank_is_nothing_written() {
        let xml = doc(concat!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>……</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t> .... </w:t></w:r></w:p><w:p><w:r><w:t>Ốm</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>42,9%…</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        ));
        let tables = parse_tables(&xml).expect("parses");
        assert_eq!(texts(&tables[0]), [["", "Ốm", "42,9%…"]]);
        assert!(is_dotted_blank("… … ·") && !is_dotted_blank("") && !is_dotted_blank("  "));
    }

    #[test]
    fn spans_and_merges_are_laid_on_the_grid() {
        let xml = doc(concat!(
            r#"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>"#,
            r#"<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>"#,
            r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"#,
            r#"<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"</w:tbl>"#
        ));
        let grid = &parse_tables(&xml).expect("parses")[0];
        assert_eq!(texts(grid), [["A", "B", "B"], ["A", "c", "d"]]);
        assert!(grid.rows[0].header && !grid.rows[1].header);
        assert!(grid.rows[0].cells[2].spanned && grid.rows[1].cells[0].merged);
    }

    #[test]
    fn placeholders_deletions_fallbacks_and_nested_tables_are_not_read() {
        let xml = doc(concat!(
            "<w:tbl><w:tr><w:tc><w:p>",
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Bấm vào đây</w:t></w:r></w:sdtContent></w:sdt>",
            "<w:del><w:r><w:delText>cũ</w:delText></w:r></w:del>",
            "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:r><w:t>HTTNV</w:t></w:r></w:sdtContent></w:sdt>",
            "<mc:AlternateContent><mc:Choice Requires=\"wps\"/><mc:Fallback><w:r><w:t>bản sao</w:t></w:r></mc:Fallback></mc:AlternateContent>",
            "</w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "</w:tc></w:tr></w:tbl>"
        ));
        let tables = parse_tables(&xml).expect("parses");
        assert_eq!(tables.len(), 1);
        assert_eq!(texts(&tables[0]), [["HTTNV"]]);
    }

    #[test]
    fn the_body_is_read_in_order_with_its_headings() {
        let xml = doc(concat!(
            r#"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>II. Hạn chế</w:t></w:r></w:p>"#,
            "<w:p><w:r><w:t>Chi bộ </w:t></w:r><w:r><w:t>còn chậm.</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            r#"<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>III.</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:p>"#,
        ));
        let body = parse_body(&xml).expect("parses");
        let para = |text: &str, outline| {
            Block::Para(Paragraph {
                text: text.to_owned(),
                outline,
            })
        };
        assert_eq!(
            body.blocks,
            [
                para("II. Hạn chế", Some(1)),
                para("Chi bộ còn chậm.", None),
                Block::Table(0),
                para("III.", Some(2)),
                para("", None),
            ]
        );
        assert_eq!(texts(&body.tables[0]), [["ô"]]);
    }

    #[test]
    fn text_is_nfc() {
        let xml = doc(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ho\u{300}a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(texts(&parse_tables(&xml).expect("parses")[0]), [["Hòa"]]);
    }

    #[test]
    fn huge_spans_are_capped_and_deep_nesting_does_not_overflow() {
        let xml = doc(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="4000000000"/></w:tcPr></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(parse_tables(&xml).expect("parses")[0].width(), MAX_COLUMNS);
        let deep = format!(
            "{}{}",
            "<w:tbl>".repeat(100_000),
            "</w:tbl>".repeat(100_000)
        );
        assert!(parse_tables(&doc(&deep)).is_ok());
    }

    #[test]
    fn a_wide_row_over_many_narrow_ones_is_too_large() {
        let wide = r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr></w:tc></w:tr>"#;
        let narrow = "<w:tr><w:tc/></w:tr>".repeat(MAX_CELLS / 32);
        let xml = doc(&format!("<w:tbl>{wide}{narrow}</w:tbl>"));
        assert_eq!(parse_tables(&xml), Err(ReadError::TooLarge));
    }

    #[test]
    fn not_a_docx() {
        assert!(matches!(tables(b"hello"), Err(ReadError::NotZip(_))));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("a.txt", options).expect("start");
        let bytes = zip.finish().expect("finish").into_inner();
        assert_eq!(tables(&bytes), Err(ReadError::NoDocument));
    }
}
