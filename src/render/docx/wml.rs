//! WordprocessingML elements as types whose writers emit children in the
//! schema's order (ECMA-376 Part 1, `CT_PPr`, `CT_RPr`, `CT_Tbl`, `CT_TcPr`,
//! `CT_SectPr`): callers set properties in any order, and each `write`
//! puts them out in the one order the schema allows. Containers hold the
//! writer while open, so nothing can be written between a table's rows
//! but rows, and the body's `sectPr` comes last.

use std::borrow::Cow;

use super::xml::Xml;

/// Paragraph alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jc {
    Left,
    Center,
    Right,
    Both,
}

impl Jc {
    fn val(self) -> &'static str {
        match self {
            Jc::Left => "left",
            Jc::Center => "center",
            Jc::Right => "right",
            Jc::Both => "both",
        }
    }
}

/// Line spacing and the space around a paragraph, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spacing {
    pub before: u32,
    pub after: u32,
    pub line: i32,
    /// `exact` when true, `auto` (240 = single) when false.
    pub exact: bool,
}

/// Paragraph indentation, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indent {
    FirstLine(i32),
    Hanging { left: i32, hanging: i32 },
}

/// Character formatting of a run (`w:rPr`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStyle {
    /// Half-points; 0 leaves the document default.
    pub size_half_pt: usize,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub highlight: bool,
    /// A single box around the text (the draft mark).
    pub boxed: bool,
}

impl RunStyle {
    /// `CT_RPr` order: b, bCs, i, iCs, sz, szCs, highlight, u, bdr.
    fn write(&self, xml: &mut Xml<'_>) {
        if *self == RunStyle::default() {
            return;
        }
        xml.raw("<w:rPr>");
        if self.bold {
            xml.raw("<w:b/><w:bCs/>");
        }
        if self.italic {
            xml.raw("<w:i/><w:iCs/>");
        }
        write_size(xml, self.size_half_pt);
        if self.highlight {
            xml.raw("<w:highlight w:val=\"yellow\"/>");
        }
        if self.underline {
            xml.raw("<w:u w:val=\"single\"/>");
        }
        if self.boxed {
            xml.raw("<w:bdr w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"000000\"/>");
        }
        xml.raw("</w:rPr>");
    }
}

fn write_size(xml: &mut Xml<'_>, size: usize) {
    if size > 0 {
        xml.raw("<w:sz w:val=\"");
        xml.num(size);
        xml.raw("\"/><w:szCs w:val=\"");
        xml.num(size);
        xml.raw("\"/>");
    }
}

/// A run: its style and text; newlines become `w:br`, tabs `w:tab`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub style: RunStyle,
    pub text: Cow<'a, str>,
}

impl Run<'_> {
    fn write(&self, xml: &mut Xml<'_>) {
        xml.raw("<w:r>");
        self.style.write(xml);
        for (i, line) in self.text.split('\n').enumerate() {
            if i > 0 {
                xml.raw("<w:br w:type=\"textWrapping\"/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    xml.raw("<w:tab/>");
                }
                if !piece.is_empty() {
                    xml.raw("<w:t xml:space=\"preserve\">");
                    xml.text(piece);
                    xml.raw("</w:t>");
                }
            }
        }
        xml.raw("</w:r>");
    }
}

/// A paragraph: its properties and runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para<'a> {
    pub keep_next: bool,
    pub spacing: Option<Spacing>,
    pub indent: Option<Indent>,
    pub jc: Option<Jc>,
    /// A heading's outline level (0 for a level-1 heading): what Word's
    /// navigation pane shows, and how a returned form's sections are found.
    pub outline: Option<u8>,
    /// Size of the paragraph mark (the height of an empty paragraph).
    pub mark_size: usize,
    pub runs: Vec<Run<'a>>,
}

impl<'a> Para<'a> {
    pub fn align(mut self, jc: Jc) -> Self {
        self.jc = Some(jc);
        self
    }

    pub fn spacing(mut self, spacing: Spacing) -> Self {
        self.spacing = Some(spacing);
        self
    }

    pub fn indent(mut self, indent: Indent) -> Self {
        self.indent = Some(indent);
        self
    }

    pub fn size(mut self, half_pt: usize) -> Self {
        self.mark_size = half_pt;
        self
    }

    pub fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }

    pub fn outline(mut self, level: u8) -> Self {
        self.outline = Some(level.min(8));
        self
    }

    pub fn run(mut self, run: Run<'a>) -> Self {
        self.runs.push(run);
        self
    }

    pub(super) fn write(&self, xml: &mut Xml<'_>) {
        xml.raw("<w:p>");
        self.write_props(xml, None);
        for run in &self.runs {
            run.write(xml);
        }
        xml.raw("</w:p>");
    }

    /// `CT_PPr` order: keepNext, spacing, ind, jc, outlineLvl, rPr, sectPr.
    fn write_props(&self, xml: &mut Xml<'_>, section: Option<(&Section, bool)>) {
        let empty = !self.keep_next
            && self.spacing.is_none()
            && self.indent.is_none()
            && self.jc.is_none()
            && self.outline.is_none()
            && self.mark_size == 0
            && section.is_none();
        if empty {
            return;
        }
        xml.raw("<w:pPr>");
        if self.keep_next {
            xml.raw("<w:keepNext/>");
        }
        if let Some(s) = self.spacing {
            xml.raw("<w:spacing w:before=\"");
            xml.num(s.before as usize);
            xml.raw("\" w:after=\"");
            xml.num(s.after as usize);
            xml.raw("\" w:line=\"");
            xml.int(s.line);
            xml.raw(match s.exact {
                true => "\" w:lineRule=\"exact\"/>",
                false => "\" w:lineRule=\"auto\"/>",
            });
        }
        match self.indent {
            Some(Indent::FirstLine(first)) => {
                xml.raw("<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"");
                xml.int(first);
                xml.raw("\"/>");
            }
            Some(Indent::Hanging { left, hanging }) => {
                xml.raw("<w:ind w:left=\"");
                xml.int(left);
                xml.raw("\" w:right=\"0\" w:hanging=\"");
                xml.int(hanging);
                xml.raw("\"/>");
            }
            None => {}
        }
        if let Some(jc) = self.jc {
            xml.raw("<w:jc w:val=\"");
            xml.raw(jc.val());
            xml.raw("\"/>");
        }
        if let Some(level) = self.outline {
            xml.raw("<w:outlineLvl w:val=\"");
            xml.num(usize::from(level));
            xml.raw("\"/>");
        }
        if self.mark_size > 0 {
            xml.raw("<w:rPr>");
            write_size(xml, self.mark_size);
            xml.raw("</w:rPr>");
        }
        if let Some((section, first)) = section {
            section.write(xml, first);
        }
        xml.raw("</w:pPr>");
    }
}

/// Page orientation of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// A section's page: size and margins in twips (for portrait; a landscape
/// section swaps width and height and keeps the margins).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub orientation: Orientation,
    pub width: i32,
    pub height: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub left: i32,
    pub header: i32,
}

/// The relationship ids of the page-number header and the empty first-page header.
pub const HEADER_DEFAULT_ID: &str = "rIdHeader1";
pub const HEADER_FIRST_ID: &str = "rIdHeader2";

impl Section {
    pub fn landscape(self) -> Self {
        Section {
            orientation: Orientation::Landscape,
            ..self
        }
    }

    fn page(&self) -> (i32, i32) {
        match self.orientation {
            Orientation::Portrait => (self.width, self.height),
            Orientation::Landscape => (self.height, self.width),
        }
    }

    /// `CT_SectPr` order: headerReference, pgSz, pgMar, cols, titlePg.
    /// Only the first section names the headers and numbers from page 2;
    /// later sections inherit the headers and keep numbering on.
    fn write(&self, xml: &mut Xml<'_>, first: bool) {
        xml.raw("<w:sectPr>");
        if first {
            xml.raw("<w:headerReference w:type=\"default\" r:id=\"");
            xml.raw(HEADER_DEFAULT_ID);
            xml.raw("\"/><w:headerReference w:type=\"first\" r:id=\"");
            xml.raw(HEADER_FIRST_ID);
            xml.raw("\"/>");
        }
        let (w, h) = self.page();
        xml.raw("<w:pgSz w:w=\"");
        xml.int(w);
        xml.raw("\" w:h=\"");
        xml.int(h);
        if self.orientation == Orientation::Landscape {
            xml.raw("\" w:orient=\"landscape");
        }
        xml.raw("\"/><w:pgMar w:top=\"");
        for (value, next) in [
            (self.top, "\" w:right=\""),
            (self.right, "\" w:bottom=\""),
            (self.bottom, "\" w:left=\""),
            (self.left, "\" w:header=\""),
            (self.header, "\" w:footer=\""),
            (self.header, "\" w:gutter=\"0\"/>"),
        ] {
            xml.int(value);
            xml.raw(next);
        }
        xml.raw("<w:cols w:space=\"425\"/>");
        if first {
            xml.raw("<w:titlePg/>");
        }
        xml.raw("</w:sectPr>");
    }
}

/// The document body: paragraphs and tables in order, section breaks, and
/// the last section's properties at the end.
pub struct Body<'x, 'o> {
    xml: &'x mut Xml<'o>,
    after_table: bool,
    /// No section has ended yet (the first carries the headers).
    first_section: bool,
}

const DOCUMENT_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";

impl<'x, 'o> Body<'x, 'o> {
    pub fn start(xml: &'x mut Xml<'o>) -> Self {
        xml.raw(DOCUMENT_START);
        Body {
            xml,
            after_table: false,
            first_section: true,
        }
    }

    pub fn para(&mut self, para: &Para<'_>) {
        self.after_table = false;
        para.write(self.xml);
    }

    /// Opens a table of `grid` columns (twips). Two tables in a row would
    /// merge into one in Word: a 1-pt paragraph goes between.
    pub fn table(&mut self, props: &TableProps, grid: &[usize]) -> TableWriter<'_, 'o> {
        if self.after_table {
            Para::default().size(2).write(self.xml);
        }
        self.after_table = true;
        TableWriter::start(self.xml, props, grid)
    }

    /// Ends the section so far with `section`'s page; what follows starts a new one.
    pub fn section_break(&mut self, section: &Section) {
        self.after_table = false;
        self.xml.raw("<w:p>");
        Para::default()
            .size(2)
            .write_props(self.xml, Some((section, self.first_section)));
        self.xml.raw("</w:p>");
        self.first_section = false;
    }

    /// The last section's properties, and the end of the document.
    pub fn finish(self, section: &Section) {
        section.write(self.xml, self.first_section);
        self.xml.raw("</w:body></w:document>");
    }
}

/// Table borders: none, or single lines of `size` eighths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Borders {
    None,
    Single(usize),
}

/// `w:tblPr` of the tables vanban writes (fixed layout, `w:tblW` in twips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableProps {
    /// Left indent in twips (negative: into the margin).
    pub indent: Option<i32>,
    pub borders: Borders,
    /// Left and right cell margin in twips.
    pub cell_margin: usize,
}

const EDGES: [&str; 6] = ["top", "left", "bottom", "right", "insideH", "insideV"];

/// An open table: only rows can be written until [`TableWriter::finish`].
pub struct TableWriter<'x, 'o> {
    xml: &'x mut Xml<'o>,
}

impl<'x, 'o> TableWriter<'x, 'o> {
    /// `CT_Tbl`: tblPr (tblW, jc, tblInd, tblBorders, tblLayout,
    /// tblCellMar), then tblGrid; rows follow.
    fn start(xml: &'x mut Xml<'o>, props: &TableProps, grid: &[usize]) -> Self {
        xml.raw("<w:tbl><w:tblPr><w:tblW w:w=\"");
        xml.num(grid.iter().sum::<usize>());
        xml.raw("\" w:type=\"dxa\"/><w:jc w:val=\"left\"/>");
        if let Some(indent) = props.indent {
            xml.raw("<w:tblInd w:w=\"");
            xml.int(indent);
            xml.raw("\" w:type=\"dxa\"/>");
        }
        xml.raw("<w:tblBorders>");
        let (val, size) = match props.borders {
            Borders::None => ("nil", 2),
            Borders::Single(size) => ("single", size),
        };
        for edge in EDGES {
            border(xml, edge, val, size);
        }
        xml.raw("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"");
        xml.num(props.cell_margin);
        xml.raw("\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"");
        xml.num(props.cell_margin);
        xml.raw("\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
        for width in grid {
            xml.raw("<w:gridCol w:w=\"");
            xml.num(*width);
            xml.raw("\"/>");
        }
        xml.raw("</w:tblGrid>");
        TableWriter { xml }
    }

    /// One row, written at once: `trPr` (tblHeader, cantSplit), then cells.
    pub fn row<'c>(&mut self, props: RowProps, cells: impl IntoIterator<Item = Cell<'c>>) {
        self.xml.raw("<w:tr>");
        if props.header || props.cant_split {
            self.xml.raw("<w:trPr>");
            if props.header {
                self.xml.raw("<w:tblHeader/>");
            }
            if props.cant_split {
                self.xml.raw("<w:cantSplit/>");
            }
            self.xml.raw("</w:trPr>");
        }
        for cell in cells {
            cell.write(self.xml);
        }
        self.xml.raw("</w:tr>");
    }

    pub fn finish(self) {
        self.xml.raw("</w:tbl>");
    }
}

fn border(xml: &mut Xml<'_>, edge: &str, val: &str, size: usize) {
    xml.raw("<w:");
    xml.raw(edge);
    xml.raw(" w:val=\"");
    xml.raw(val);
    xml.raw("\" w:sz=\"");
    xml.num(size);
    xml.raw("\" w:space=\"0\" w:color=\"000000\"/>");
}

/// Row properties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowProps {
    /// Repeated at the top of every page.
    pub header: bool,
    /// Never split across pages.
    pub cant_split: bool,
}

/// Vertical merge of a cell with the ones below (`restart`) or above (`continue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    Restart,
    Continue,
}

/// Vertical alignment of a cell's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Center,
}

/// A table cell: width (twips), span, merge, borders, alignment, paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    pub width: usize,
    pub span: usize,
    pub vmerge: Option<VMerge>,
    /// Every border of the cell removed (the borderless layout tables).
    pub no_borders: bool,
    pub valign: VAlign,
    pub paras: Vec<Para<'a>>,
}

impl<'a> Cell<'a> {
    pub fn new(width: usize, valign: VAlign, paras: Vec<Para<'a>>) -> Self {
        Cell {
            width,
            span: 1,
            vmerge: None,
            no_borders: false,
            valign,
            paras,
        }
    }

    /// `CT_TcPr` order: tcW, gridSpan, vMerge, tcBorders, vAlign; then the
    /// paragraphs (at least one: the schema requires it).
    fn write(&self, xml: &mut Xml<'_>) {
        xml.raw("<w:tc><w:tcPr><w:tcW w:w=\"");
        xml.num(self.width);
        xml.raw("\" w:type=\"dxa\"/>");
        if self.span > 1 {
            xml.raw("<w:gridSpan w:val=\"");
            xml.num(self.span);
            xml.raw("\"/>");
        }
        match self.vmerge {
            Some(VMerge::Restart) => xml.raw("<w:vMerge w:val=\"restart\"/>"),
            Some(VMerge::Continue) => xml.raw("<w:vMerge w:val=\"continue\"/>"),
            None => {}
        }
        if self.no_borders {
            xml.raw("<w:tcBorders>");
            for edge in EDGES.iter().chain(&["tl2br", "tr2bl"]) {
                border(xml, edge, "nil", 2);
            }
            xml.raw("</w:tcBorders>");
        }
        xml.raw(match self.valign {
            VAlign::Top => "<w:vAlign w:val=\"top\"/></w:tcPr>",
            VAlign::Center => "<w:vAlign w:val=\"center\"/></w:tcPr>",
        });
        for para in &self.paras {
            para.write(xml);
        }
        if self.paras.is_empty() {
            Para::default().write(xml);
        }
        xml.raw("</w:tc>");
    }
}
