//! The Markdown body: pulldown-cmark events to justified paragraphs, literal
//! list prefixes (`1. `, `- `), headings, highlighted `<mark>` text and tables.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd, TextMergeStream};

use super::DocxError;
use super::gfm::GfmTable;
use super::table::render_table;
use super::text::{RunStyle, break_run, caps, exact_spacing, single_spacing, styled_run};
use super::wml::{Body, Indent, Jc, Orientation, Para, Run, Section};
use crate::render::document::{Document, PageTurn, parse_page_marker, parse_table_marker};
use crate::render::layout::{Layout, mm_to_twips};
use crate::render::markdown_parse::markdown_options;

/// Where a piece of Markdown starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// After the header block, on its page.
    AfterHeader,
    /// On a page of its own (an attachment after the closing): a page
    /// marker before any text sets this page's orientation.
    NewPage,
}

/// Writes `markdown` (the body, or an attachment) into `body`, placing
/// `doc`'s tables; returns the section it ends in (portrait, or landscape
/// after a `landscape` page marker).
pub fn write_body(
    markdown: &str,
    doc: &Document,
    layout: &Layout,
    body: &mut Body<'_, '_>,
    (portrait, start): (Section, Start),
) -> Result<Section, DocxError> {
    let parser = TextMergeStream::new(Parser::new_ext(markdown, markdown_options()));
    let mut writer = BodyWriter::new(doc, layout, body, portrait);
    writer.blank_page = start == Start::NewPage;
    for event in parser {
        writer.event(event)?;
    }
    writer.flush();
    // The body's last paragraph goes to the next page with the closing
    // block rather than leave the signature alone on a page.
    writer.emit_pending(start == Start::AfterHeader);
    Ok(writer.section)
}

/// What kind of paragraph is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParaKind {
    /// A body paragraph; `depth` is the list nesting (0 outside lists).
    Body {
        depth: usize,
    },
    Heading(u8),
    /// Code block: left-aligned, no indent.
    Plain,
}

/// The paragraph under construction.
struct OpenPara {
    kind: ParaKind,
    runs: Vec<Run<'static>>,
    /// Only the list prefix so far: a loose item's first Paragraph reuses it.
    prefix_only: bool,
}

struct BodyWriter<'a, 'x, 'o> {
    doc: &'a Document,
    layout: &'a Layout,
    body: &'a mut Body<'x, 'o>,
    portrait: Section,
    /// The page of the section being written.
    section: Section,
    open: Option<OpenPara>,
    /// One entry per open list: the next number of an ordered list.
    lists: Vec<Option<u64>>,
    bold: usize,
    italic: usize,
    mark: usize,
    /// Text of the HTML block being read.
    html: Option<String>,
    gfm: Option<GfmTable>,
    in_code: bool,
    /// Nothing written yet on the section's first page.
    blank_page: bool,
    /// The last paragraph, held back until the next one comes (or a table,
    /// a page turn, the end): the body's last one is kept with the closing.
    pending: Option<Para<'static>>,
}

impl<'a, 'x, 'o> BodyWriter<'a, 'x, 'o> {
    fn new(
        doc: &'a Document,
        layout: &'a Layout,
        body: &'a mut Body<'x, 'o>,
        portrait: Section,
    ) -> Self {
        BodyWriter {
            doc,
            layout,
            body,
            portrait,
            section: portrait,
            open: None,
            lists: Vec::new(),
            bold: 0,
            italic: 0,
            mark: 0,
            html: None,
            gfm: None,
            in_code: false,
            blank_page: false,
            pending: None,
        }
    }

    fn event(&mut self, event: Event<'_>) -> Result<(), DocxError> {
        if let Some(table) = &mut self.gfm {
            if let Some(done) = table.event(&event) {
                self.gfm = None;
                self.place_rendered(&done);
            }
            return Ok(());
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => return self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::Html(h) => {
                if let Some(buf) = &mut self.html {
                    buf.push_str(&h);
                }
            }
            Event::InlineHtml(h) => self.inline_html(&h),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.hard_break(),
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.start_paragraph(),
            Tag::Heading { level, .. } => self.open_para(ParaKind::Heading(heading_number(level))),
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => self.start_item(),
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::CodeBlock(kind) => self.start_code(kind),
            Tag::Table(aligns) => {
                self.flush();
                self.gfm = Some(GfmTable::new(aligns));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) -> Result<(), DocxError> {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => self.flush(),
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::HtmlBlock => return self.end_html(),
            _ => {}
        }
        Ok(())
    }

    /// A loose item's first paragraph continues the item's prefix; any
    /// other paragraph starts afresh (continuation paragraphs are plain).
    fn start_paragraph(&mut self) {
        if self.open.as_ref().is_some_and(|p| p.prefix_only) {
            return;
        }
        let depth = self.lists.len();
        self.open_para(ParaKind::Body { depth });
    }

    /// Opens an item's paragraph with its literal prefix `N. ` or `- `.
    fn start_item(&mut self) {
        let prefix = match self.lists.last_mut() {
            Some(Some(n)) => {
                let text = format!("{n}. ");
                *n = n.saturating_add(1);
                text
            }
            _ => "- ".to_owned(),
        };
        let depth = self.lists.len();
        self.open_para(ParaKind::Body { depth });
        let style = RunStyle::sized(self.layout.size_body_half_pt);
        if let Some(open) = &mut self.open {
            open.runs.push(styled_run(prefix, style));
            open.prefix_only = true;
        }
    }

    fn start_code(&mut self, _kind: CodeBlockKind<'_>) {
        self.in_code = true;
        self.open_para(ParaKind::Plain);
    }

    fn open_para(&mut self, kind: ParaKind) {
        self.flush();
        self.open = Some(OpenPara {
            kind,
            runs: Vec::new(),
            prefix_only: false,
        });
    }

    /// The style of text at the current position.
    fn run_style(&self, kind: ParaKind) -> RunStyle {
        RunStyle {
            size_half_pt: self.layout.size_body_half_pt,
            bold: self.bold > 0 || matches!(kind, ParaKind::Heading(_)),
            italic: self.italic > 0,
            underline: false,
            highlight: self.mark > 0,
            boxed: false,
        }
    }

    fn text(&mut self, text: &str) {
        let text = if self.in_code {
            text.trim_end_matches('\n')
        } else {
            text
        };
        let open = self.ensure_open();
        let kind = open.kind;
        let style = self.run_style(kind);
        let text = match kind {
            ParaKind::Heading(1) => caps(text),
            _ => text.to_owned(),
        };
        if let Some(open) = &mut self.open {
            open.runs.push(styled_run(text, style));
            open.prefix_only = false;
        }
    }

    fn hard_break(&mut self) {
        let kind = self.ensure_open().kind;
        let style = self.run_style(kind);
        if let Some(open) = &mut self.open {
            open.runs.push(break_run(style));
        }
    }

    /// `<mark>…</mark>` highlights; `<br>` breaks the line; other inline HTML is dropped.
    fn inline_html(&mut self, html: &str) {
        let tag = html.trim().to_ascii_lowercase().replace(' ', "");
        match tag.as_str() {
            "<mark>" => self.mark += 1,
            "</mark>" => self.mark = self.mark.saturating_sub(1),
            "<br>" | "<br/>" => self.hard_break(),
            _ => {}
        }
    }

    /// The open paragraph, opening a body paragraph if there is none.
    fn ensure_open(&mut self) -> &mut OpenPara {
        let depth = self.lists.len();
        self.open.get_or_insert_with(|| OpenPara {
            kind: ParaKind::Body { depth },
            runs: Vec::new(),
            prefix_only: false,
        })
    }

    /// A table marker places its table, a page marker turns the page;
    /// any other HTML block is ignored.
    fn end_html(&mut self) -> Result<(), DocxError> {
        let html = self.html.take().unwrap_or_default();
        if let Some(turn) = parse_page_marker(&html) {
            self.turn_page(turn);
            return Ok(());
        }
        let Some(name) = parse_table_marker(&html) else {
            return Ok(());
        };
        let table = self
            .doc
            .tables
            .get(name)
            .ok_or_else(|| DocxError::UnknownTable(name.to_owned()))?;
        self.place_rendered(table);
        Ok(())
    }

    fn place_rendered(&mut self, table: &crate::render::document::Table) {
        self.flush();
        self.emit_pending(false);
        let width = match self.section.orientation {
            Orientation::Portrait => self.layout.text_width_twips(),
            Orientation::Landscape => mm_to_twips(
                self.layout.page_height_mm
                    - self.layout.margin_left_mm
                    - self.layout.margin_right_mm,
            ),
        };
        let width = width.max(0) as usize;
        self.blank_page = false;
        if render_table(table, self.layout, width, self.body) {
            self.body.para(&gap_after_table());
        }
    }

    /// Ends the section so far and starts one with the page turned, unless
    /// the page already has that orientation.
    fn turn_page(&mut self, turn: PageTurn) {
        let next = match turn {
            PageTurn::Landscape => self.portrait.landscape(),
            PageTurn::Portrait => self.portrait,
        };
        if next.orientation == self.section.orientation {
            return;
        }
        self.flush();
        self.emit_pending(false);
        if !self.blank_page {
            self.body.section_break(&self.section);
        }
        self.section = next;
    }

    /// Ends the open paragraph: it is held as `pending`, the one before it
    /// written.
    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            let mut para = self.shape(open.kind);
            para.runs = open.runs;
            self.emit_pending(false);
            self.pending = Some(para);
            self.blank_page = false;
        }
    }

    /// Writes the held paragraph, kept with what follows if `keep`.
    fn emit_pending(&mut self, keep: bool) {
        if let Some(para) = self.pending.take() {
            let para = if keep { para.keep_next() } else { para };
            self.body.para(&para);
        }
    }

    /// Alignment, indent and spacing of a paragraph of `kind`.
    fn shape(&self, kind: ParaKind) -> Para<'static> {
        let l = self.layout;
        let spacing = exact_spacing(l.body_space_after_pt, l.body_line_exact_pt);
        let para = Para::default().size(l.size_body_half_pt);
        match kind {
            ParaKind::Body { depth } => {
                let extra = l.list_level_indent_mm * depth.saturating_sub(1) as f32;
                let first = mm_to_twips(l.body_first_line_indent_mm + extra);
                para.align(Jc::Both)
                    .indent(Indent::FirstLine(first))
                    .spacing(spacing)
            }
            ParaKind::Heading(1) => para
                .outline(0)
                .align(Jc::Center)
                .keep_next()
                .spacing(single_spacing(6.0, l.body_space_after_pt)),
            ParaKind::Heading(level) => {
                let first = mm_to_twips(l.body_first_line_indent_mm);
                para.outline(level.saturating_sub(1))
                    .align(Jc::Both)
                    .keep_next()
                    .indent(Indent::FirstLine(first))
                    .spacing(spacing)
            }
            ParaKind::Plain => para.align(Jc::Left).spacing(spacing),
        }
    }
}

/// A 6-pt empty line, so the text after a table does not touch it.
fn gap_after_table() -> Para<'static> {
    Para::default().size(12).spacing(single_spacing(0.0, 0.0))
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
