//! Filling a form's cells in its XML as a word processor does (the empty
//! paragraph of a cell replaced by runs holding the text), for tests that
//! collect filled forms. (The same machinery as tests/collect.rs, with
//! cells under a group heading too, e.g. the statistics table.)

#![allow(dead_code)]

use crate::common::{W, build, copy_dir, docx_part, fixture};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use vanban::domain::forms::label;

/// Which cell to fill.
#[derive(PartialEq)]
pub enum At<'a> {
    /// The value beside a row label of a `Thông tin | Nội dung` table.
    Row(&'a str),
    /// The member list: the row of a member, under a column heading.
    Member(&'a str, &'a str),
    /// Body row `n` (from 1) of the table with heading `table`, under `column`.
    Body(&'a str, usize, &'a str),
    /// The first body row of the table with heading `group`, under `column`
    /// of that group (`Số lượng` of a level in the statistics), or under the
    /// group itself when it has no sub-columns (`column` = `group`).
    Under(&'a str, &'a str),
}

pub struct Fill<'a>(pub At<'a>, pub &'a str);

/// `fills` with `fill` in place of any fill of the same cell.
pub fn with<'a>(mut fills: Vec<Fill<'a>>, fill: Fill<'a>) -> Vec<Fill<'a>> {
    fills.retain(|f| f.0 != fill.0);
    fills.push(fill);
    fills
}

/// A top-level table: its rows, each a list of (grid column, tc node).
struct XmlTable<'a, 'i> {
    rows: Vec<(bool, Vec<(usize, roxmltree::Node<'a, 'i>)>)>,
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

fn xml_tables<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<XmlTable<'a, 'i>> {
    let w = |n: &roxmltree::Node, name| n.has_tag_name((W, name));
    doc.descendants()
        .filter(|n| w(n, "tbl") && !n.ancestors().skip(1).any(|a| w(&a, "tbl")))
        .map(|tbl| XmlTable {
            rows: tbl
                .children()
                .filter(|r| w(r, "tr"))
                .map(|tr| {
                    let header = tr.descendants().any(|n| w(&n, "tblHeader"));
                    let mut col = 0;
                    let cells = tr
                        .children()
                        .filter(|c| w(c, "tc"))
                        .map(|tc| {
                            let span = tc
                                .descendants()
                                .find(|n| w(n, "gridSpan"))
                                .and_then(|n| n.attribute((W, "val")))
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                            let at = col;
                            col += span;
                            (at, tc)
                        })
                        .collect();
                    (header, cells)
                })
                .collect(),
        })
        .collect()
}

impl<'a, 'i> XmlTable<'a, 'i> {
    fn has_heading(&self, heading: &str) -> bool {
        self.rows
            .iter()
            .filter(|(h, _)| *h)
            .any(|(_, cells)| cells.iter().any(|(_, tc)| text_of(*tc) == heading))
    }

    fn column(&self, heading: &str) -> usize {
        self.rows
            .iter()
            .filter(|(h, _)| *h)
            .flat_map(|(_, cells)| cells.iter())
            .find(|(_, tc)| text_of(*tc) == heading)
            .map(|(col, _)| *col)
            .unwrap_or_else(|| panic!("no column {heading}"))
    }

    /// The grid column and span of a header cell.
    fn group(&self, heading: &str) -> (usize, usize) {
        self.rows
            .iter()
            .filter(|(h, _)| *h)
            .flat_map(|(_, cells)| cells.iter())
            .find(|(_, tc)| text_of(*tc) == heading)
            .map(|(col, tc)| {
                let span = tc
                    .descendants()
                    .find(|n| n.has_tag_name((W, "gridSpan")))
                    .and_then(|n| n.attribute((W, "val")))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1);
                (*col, span)
            })
            .unwrap_or_else(|| panic!("no heading {heading}"))
    }

    fn body(&self) -> Vec<&Vec<(usize, roxmltree::Node<'a, 'i>)>> {
        self.rows
            .iter()
            .filter(|(h, _)| !*h)
            .map(|(_, c)| c)
            .collect()
    }

    fn cell(cells: &[(usize, roxmltree::Node<'a, 'i>)], col: usize) -> roxmltree::Node<'a, 'i> {
        cells
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, tc)| *tc)
            .expect("a cell at that column")
    }
}

/// The `tc` a fill goes into.
fn target<'a, 'i>(tables: &[XmlTable<'a, 'i>], at: &At) -> roxmltree::Node<'a, 'i> {
    match at {
        At::Row(row_label) => tables
            .iter()
            .flat_map(|t| t.body())
            .find(|cells| text_of(cells[0].1) == *row_label)
            .map(|cells| cells[1].1)
            .unwrap_or_else(|| panic!("no row {row_label}")),
        At::Member(name, column) => {
            let t = tables
                .iter()
                .find(|t| t.has_heading(label::ROLE))
                .expect("member table");
            let (name_col, col) = (t.column(label::NAME), t.column(column));
            let row = t
                .body()
                .into_iter()
                .find(|cells| text_of(XmlTable::cell(cells, name_col)) == *name)
                .unwrap_or_else(|| panic!("no member {name}"));
            XmlTable::cell(row, col)
        }
        At::Under(group, column) => {
            let t = tables.iter().find(|t| t.has_heading(group)).expect("table");
            let (at, span) = t.group(group);
            let col = match column == group {
                true => at,
                false => t
                    .rows
                    .iter()
                    .filter(|(h, _)| *h)
                    .flat_map(|(_, cells)| cells.iter())
                    .find(|(c, tc)| (at..at + span).contains(c) && text_of(*tc) == *column)
                    .map(|(c, _)| *c)
                    .unwrap_or_else(|| panic!("no column {column} under {group}")),
            };
            XmlTable::cell(t.body()[0], col)
        }
        At::Body(heading, n, column) => {
            let t = tables
                .iter()
                .find(|t| t.has_heading(heading))
                .expect("table");
            let col = t.column(column);
            XmlTable::cell(t.body()[n - 1], col)
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The paragraphs Word writes for `text`: the cell's paragraph properties
/// kept, each line a paragraph, its text split over two runs.
fn paragraphs(ppr: &str, text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let cut = line
                .char_indices()
                .nth(line.chars().count() / 2)
                .map_or(line.len(), |(i, _)| i);
            let (a, b) = line.split_at(cut);
            format!(
                r#"<w:p>{ppr}<w:r><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                escape(a),
                escape(b)
            )
        })
        .collect()
}

/// `document.xml` with the fills made.
pub fn fill_xml(xml: &str, fills: &[Fill]) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let tables = xml_tables(&doc);
    let mut edits: Vec<(std::ops::Range<usize>, String)> = fills
        .iter()
        .map(|Fill(at, text)| {
            let tc = target(&tables, at);
            let p = tc
                .children()
                .find(|n| n.has_tag_name((W, "p")))
                .expect("a paragraph in the cell");
            let last = tc
                .children()
                .rfind(|n| n.has_tag_name((W, "p")))
                .expect("a paragraph");
            let ppr = p
                .children()
                .find(|n| n.has_tag_name((W, "pPr")))
                .map_or("", |n| &xml[n.range()]);
            (p.range().start..last.range().end, paragraphs(ppr, text))
        })
        .collect();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = xml.to_owned();
    for (range, text) in edits {
        out.replace_range(range, &text);
    }
    out
}

/// Writes a copy of `docx` with the fills made, deflated as Word does.
pub fn fill(docx: &Path, out: &Path, fills: &[Fill]) {
    let xml = fill_xml(&docx_part(docx, "word/document.xml"), fills);
    replace_part(docx, out, &xml);
}

pub fn replace_part(docx: &Path, out: &Path, xml: &str) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).expect("open")).expect("zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().to_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name == "word/document.xml" {
            bytes = xml.as_bytes().to_vec();
        }
        writer.start_file(name, options).expect("start");
        writer.write_all(&bytes).expect("write");
    }
    writer.finish().expect("finish");
}

/// A copy of the 2024 fixture (forms only: no results), its forms built,
/// and a folder for the filled ones (each test file adds its own methods).
pub struct Setup {
    _tmp: tempfile::TempDir,
    pub cycle: PathBuf,
    pub forms: PathBuf,
    pub dir: PathBuf,
    _built: tempfile::TempDir,
}

pub fn setup() -> Setup {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cycle = tmp.path().join("cycle");
    copy_dir(&fixture("other-committee-2024"), &cycle);
    let (built, forms) = build(&cycle);
    let dir = tmp.path().join("filled");
    std::fs::create_dir_all(&dir).expect("mkdir");
    Setup {
        _tmp: tmp,
        cycle,
        forms,
        dir,
        _built: built,
    }
}
