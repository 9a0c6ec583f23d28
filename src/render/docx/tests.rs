//! Structure tests: the written DOCX is unzipped and its XML parts checked
//! against party-format.md.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use roxmltree::{Document as Xml, Node};

use super::samples::{bao_cao, bien_ban, cong_van, rating_table};
use super::{DocxError, write_docx};
use crate::render::document::{Closing, Document};
use crate::render::layout::Layout;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Every part of the archive: name → text.
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let mut text = String::new();
        if file.is_file() {
            file.read_to_string(&mut text).expect("UTF-8 part");
            out.insert(file.name().to_owned(), text);
        }
    }
    out
}

fn write(doc: &Document) -> BTreeMap<String, String> {
    parts(&write_docx(doc, &Layout::default()).expect("written"))
}

fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn is(node: &Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(c, name))
}

fn descendants<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.descendants().filter(|c| is(c, name)).collect()
}

/// Concatenated `w:t` text of `node`.
fn text_of(node: Node<'_, '_>) -> String {
    descendants(node, "t")
        .iter()
        .filter_map(|t| t.text())
        .collect()
}

/// The first run whose text is exactly `text`.
fn run_with<'a, 'i>(xml: &'a Xml<'i>, text: &str) -> Node<'a, 'i> {
    descendants(xml.root(), "r")
        .into_iter()
        .find(|r| text_of(*r) == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

/// The first paragraph whose text contains `text`.
fn para_with<'a, 'i>(xml: &'a Xml<'i>, text: &str) -> Node<'a, 'i> {
    descendants(xml.root(), "p")
        .into_iter()
        .find(|p| text_of(*p).contains(text))
        .unwrap_or_else(|| panic!("no paragraph with {text:?}"))
}

/// Run formatting: (bold, italic, underline, size in half-points).
fn format_of(run: Node<'_, '_>) -> (bool, bool, Option<String>, Option<String>) {
    let props = child(run, "rPr");
    let get = |name: &str| props.and_then(|p| child(p, name));
    let on = |name: &str| get(name).is_some_and(|n| w_attr(n, "val") != Some("false"));
    let val = |name: &str| get(name).and_then(|n| w_attr(n, "val")).map(str::to_owned);
    (on("b"), on("i"), val("u"), val("sz"))
}

#[test]
fn page_is_a4_with_party_margins() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let size = descendants(xml.root(), "pgSz")[0];
    assert_eq!(w_attr(size, "w"), Some("11906"));
    assert_eq!(w_attr(size, "h"), Some("16838"));
    let mar = descendants(xml.root(), "pgMar")[0];
    assert_eq!(w_attr(mar, "top"), Some("1134"));
    assert_eq!(w_attr(mar, "bottom"), Some("1134"));
    assert_eq!(w_attr(mar, "left"), Some("1701"));
    assert_eq!(w_attr(mar, "right"), Some("850"));
}

#[test]
fn every_font_slot_is_times_new_roman() {
    let parts = write(&cong_van());
    let styles = Xml::parse(&parts["word/styles.xml"]).expect("XML");
    let defaults = descendants(styles.root(), "rPrDefault")[0];
    let fonts = descendants(defaults, "rFonts")[0];
    for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
        assert_eq!(w_attr(fonts, slot), Some("Times New Roman"), "slot {slot}");
    }
    let themed = fonts.attributes().any(|a| a.name().ends_with("Theme"));
    assert!(!themed, "a theme font would override Times New Roman");
    let document = Xml::parse(&parts["word/document.xml"]).expect("XML");
    for f in descendants(document.root(), "rFonts") {
        assert_eq!(w_attr(f, "ascii"), Some("Times New Roman"));
    }
}

#[test]
fn header_block_follows_the_party_format() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let header_table = descendants(xml.root(), "tbl")[0];
    let header_text = text_of(header_table);
    assert!(header_text.contains("Số 94-CV/ĐUVP"));
    assert!(!header_text.contains("Số:"));
    let superior = format_of(run_with(&xml, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"));
    assert_eq!(superior, (false, false, None, Some("28".into())));
    let issuer = format_of(run_with(&xml, "ĐẢNG ỦY VĂN PHÒNG UBND TỈNH"));
    assert_eq!(issuer, (true, false, None, Some("28".into())));
    let party = format_of(run_with(&xml, "ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert_eq!(
        party,
        (true, false, Some("single".into()), Some("30".into()))
    );
    let date = format_of(run_with(&xml, "Quảng Bình, ngày 12 tháng 11 năm 2022"));
    assert_eq!(date, (false, true, None, Some("28".into())));
    let subject = para_with(&xml, "V/v thực hiện kiểm điểm");
    let subject_run = format_of(descendants(subject, "r")[0]);
    assert_eq!(subject_run, (false, true, None, Some("24".into())));
    assert_eq!(w_attr(descendants(subject, "jc")[0], "val"), Some("center"));
    assert!(text_of(header_table).contains('*'));
    let borders = descendants(header_table, "tblBorders");
    let visible = borders
        .iter()
        .flat_map(|b| b.children())
        .filter(|c| c.is_element() && !matches!(w_attr(*c, "val"), Some("nil") | Some("none")));
    assert_eq!(visible.count(), 0, "the header table has no borders");
}

#[test]
fn kinh_gui_is_centred_after_the_header() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let to = para_with(&xml, "Kính gửi: Bí thư các chi bộ trực thuộc");
    assert_eq!(w_attr(descendants(to, "jc")[0], "val"), Some("center"));
    assert_eq!(to.parent().map(|p| p.tag_name().name()), Some("body"));
}

#[test]
fn body_is_justified_with_first_line_indent_and_bold_deadline() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    for start in [
        "Thực hiện Công văn",
        "1. Tiếp tục",
        "- Các chi bộ",
        "Quá trình",
    ] {
        let p = para_with(&xml, start);
        assert!(text_of(p).starts_with(start), "{start}");
        assert_eq!(
            w_attr(descendants(p, "jc")[0], "val"),
            Some("both"),
            "{start}"
        );
        let ind = descendants(p, "ind")[0];
        assert_eq!(w_attr(ind, "firstLine"), Some("720"), "{start}");
        let spacing = descendants(p, "spacing")[0];
        assert_eq!(w_attr(spacing, "after"), Some("120"));
        assert_eq!(w_attr(spacing, "line"), Some("360"));
        assert_eq!(w_attr(spacing, "lineRule"), Some("exact"));
    }
    let deadline = format_of(run_with(&xml, "20/12/2022"));
    assert!(deadline.0, "the deadline is bold");
    let lead = para_with(&xml, "- Các chi bộ");
    let plain = descendants(lead, "r")[1];
    assert!(!format_of(plain).0, "the rest of the line is not bold");
    assert!(
        !parts["word/document.xml"].contains("w:numPr"),
        "no Word numbering"
    );
}

#[test]
fn closing_has_copies_and_signer() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let label = format_of(run_with(&xml, "Nơi nhận:"));
    assert_eq!(
        label,
        (true, false, Some("single".into()), Some("24".into()))
    );
    let closing = *descendants(xml.root(), "tbl")
        .last()
        .expect("closing table");
    let lines: Vec<String> = descendants(closing, "p")
        .iter()
        .map(|p| text_of(*p))
        .collect();
    assert_eq!(lines[1], "- BTV, BCH Đảng ủy Văn phòng UBND tỉnh,");
    assert_eq!(lines[4], "- Lưu: VPĐU.");
    for (text, size) in [
        ("T/M ĐẢNG ỦY", "28"),
        ("BÍ THƯ", "28"),
        ("Nguyễn Trần Quang", "28"),
    ] {
        let f = format_of(run_with(&xml, text));
        assert_eq!((f.0, f.3), (true, Some(size.to_owned())), "{text}");
    }
}

#[test]
fn page_numbers_start_on_page_two() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let sect = descendants(xml.root(), "sectPr")[0];
    assert!(child(sect, "titlePg").is_some(), "w:titlePg");
    let refs = descendants(sect, "headerReference");
    let kinds: Vec<_> = refs.iter().filter_map(|r| w_attr(*r, "type")).collect();
    assert!(kinds.contains(&"default") && kinds.contains(&"first"));
    let headers: Vec<_> = parts
        .iter()
        .filter(|(k, _)| k.starts_with("word/header"))
        .collect();
    let with_page = headers.iter().filter(|(_, v)| v.contains(">PAGE<")).count();
    assert_eq!(with_page, 1, "one header holds the PAGE field");
    let without = headers.iter().filter(|(_, v)| !v.contains("PAGE")).count();
    assert_eq!(without, 1, "the first-page header is empty");
}

#[test]
fn merged_table_headers_repeat_and_numbers_align_right() {
    let parts = write(&bao_cao());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let table = descendants(xml.root(), "tbl")
        .into_iter()
        .find(|t| text_of(*t).contains("Chi bộ Phòng Kinh tế"))
        .expect("rating table");
    let rows: Vec<_> = table.children().filter(|c| is(c, "tr")).collect();
    let marked = |r: &Node| descendants(*r, "tblHeader").len();
    assert_eq!(
        (marked(&rows[0]), marked(&rows[1]), marked(&rows[2])),
        (1, 1, 0)
    );
    let spans: Vec<_> = descendants(rows[0], "gridSpan")
        .iter()
        .filter_map(|g| w_attr(*g, "val"))
        .collect();
    assert_eq!(spans, ["2", "2"]);
    let restart = descendants(rows[0], "vMerge")
        .iter()
        .filter(|v| w_attr(**v, "val") == Some("restart"))
        .count();
    assert_eq!(restart, 2, "TT and Chi bộ span both header rows");
    let cont = descendants(rows[1], "vMerge")
        .iter()
        .filter(|v| w_attr(**v, "val") != Some("restart"))
        .count();
    assert_eq!(cont, 2);
    let cells: Vec<_> = rows[2].children().filter(|c| is(c, "tc")).collect();
    assert_eq!(text_of(cells[3]), "15,4");
    assert_eq!(w_attr(descendants(cells[3], "jc")[0], "val"), Some("right"));
    let total = rows.last().expect("total row");
    assert!(
        descendants(*total, "r").iter().all(|r| format_of(*r).0),
        "totals bold"
    );
    let label = format_of(run_with(&xml, "Hoàn thành xuất sắc nhiệm vụ"));
    assert!(label.0);
}

#[test]
fn draft_mark_and_highlight() {
    let parts = write(&bao_cao());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let first = descendants(xml.root(), "p")[0];
    assert_eq!(text_of(first), "DỰ THẢO");
    let marked = run_with(&xml, "số liệu còn chờ chi bộ gửi");
    let highlight = descendants(marked, "highlight")[0];
    assert_eq!(w_attr(highlight, "val"), Some("yellow"));
    assert!(format_of(run_with(&xml, "[số đảng viên]")).0);
    assert!(!parts["word/document.xml"].contains("<mark>"));
    let heading = run_with(&xml, "KẾT QUẢ KIỂM ĐIỂM");
    assert!(format_of(heading).0, "level-1 heading: caps, bold");
}

#[test]
fn title_block_and_signatures_side_by_side() {
    let parts = write(&bien_ban());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let kind = format_of(run_with(&xml, "BIÊN BẢN"));
    assert_eq!((kind.0, kind.3), (true, Some("30".into())));
    let subject = para_with(&xml, "hội nghị kiểm điểm");
    assert_eq!(w_attr(descendants(subject, "jc")[0], "val"), Some("center"));
    let closing = *descendants(xml.root(), "tbl").last().expect("closing");
    let cells: Vec<_> = descendants(closing, "tc");
    assert_eq!(cells.len(), 2);
    assert!(text_of(cells[0]).contains("THƯ KÝ") && text_of(cells[0]).contains("Trần Thị B"));
    assert!(text_of(cells[1]).contains("CHỦ TRÌ HỘI NGHỊ"));
    assert!(text_of(cells[1]).contains(&Layout::default().dotted_blank));
    let items = ["1. Thành phần", "2. Chủ trì", "3. Thư ký"];
    for item in items {
        assert!(text_of(para_with(&xml, item)).starts_with(item));
    }
}

#[test]
fn control_characters_never_reach_the_xml() {
    let mut doc = cong_van();
    doc.body = "Đoạn\u{1} có ký tự\u{b} lạ\tvà tab.\n\nHai\u{0}.".to_owned();
    doc.header.place_date = "Quảng Bình,\u{7} ngày 12\ntháng 11".to_owned();
    doc.to = vec!["Chi bộ\u{1f} A".to_owned(), "Chi bộ B".to_owned()];
    let parts = write(&doc);
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            Xml::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let bad = text
                .chars()
                .any(|c| (c as u32) < 0x20 && !"\t\n\r".contains(c));
            assert!(!bad, "{name} holds a control character");
        }
    }
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    assert!(text_of(para_with(&xml, "Đoạn có ký tự lạ")).contains("lạ"));
    let date = para_with(&xml, "Quảng Bình, ngày 12");
    assert_eq!(descendants(date, "br").len(), 1, "newline → line break");
    assert_eq!(
        descendants(para_with(&xml, "Đoạn"), "tab").len(),
        1,
        "tab → w:tab"
    );
}

fn descendants_tab(node: Node<'_, '_>) -> Vec<()> {
    descendants(node, "tab").iter().map(|_| ()).collect()
}

#[test]
fn output_is_deterministic() {
    for doc in [cong_van(), bao_cao(), bien_ban()] {
        let a = write_docx(&doc, &Layout::default()).expect("written");
        let b = write_docx(&doc, &Layout::default()).expect("written");
        assert_eq!(a, b);
    }
    let bytes = write_docx(&cong_van(), &Layout::default()).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
    for i in 0..archive.len() {
        let file = archive.by_index(i).expect("entry");
        let year = file.last_modified().map(|t| t.year());
        assert_eq!(year, Some(1980), "{}", file.name());
    }
    let core = &parts(&bytes)["docProps/core.xml"];
    assert!(core.contains("1970-01-01T00:00:00Z"));
}

#[test]
fn unknown_table_is_an_error() {
    let mut doc = cong_van();
    doc.body = "Trước.\n\n<!-- vanban:table khong_co -->\n\nSau.".to_owned();
    let err = write_docx(&doc, &Layout::default()).expect_err("unknown table");
    assert!(matches!(err, DocxError::UnknownTable(name) if name == "khong_co"));
}

#[test]
fn loose_and_tight_lists_and_odd_input() {
    let mut doc = cong_van();
    doc.body = "1. Một\n\n   Tiếp.\n\n2. Hai\n   - con\n\n10) Mười\n\n- a  \n  b\n\n`mã`\n\n| A | B |\n|---|--:|\n| x | 1 |\n\n<div>bỏ</div>\n".to_owned();
    doc.tables.insert("t".into(), rating_table());
    doc.closing = Closing::Signatures(Vec::new());
    let parts = write(&doc);
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    assert_eq!(text_of(para_with(&xml, "Một")), "1. Một");
    assert_eq!(text_of(para_with(&xml, "Tiếp.")), "Tiếp.");
    assert_eq!(text_of(para_with(&xml, "Hai")), "2. Hai");
    assert_eq!(text_of(para_with(&xml, "con")), "- con");
    assert_eq!(text_of(para_with(&xml, "Mười")), "10. Mười");
    assert_eq!(descendants(para_with(&xml, "- a"), "br").len(), 1);
    assert_eq!(text_of(para_with(&xml, "mã")), "mã");
    assert!(!text_of(xml.root()).contains("bỏ"));
    let gfm = descendants(xml.root(), "tbl")
        .into_iter()
        .find(|t| text_of(*t).contains('x'));
    assert!(gfm.is_some(), "GitHub tables are printed");
}

#[test]
fn several_recipients_are_listed() {
    let mut doc = cong_van();
    doc.to = vec!["Ban Tổ chức".into(), "Ủy ban Kiểm tra".into()];
    let parts = write(&doc);
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let first = para_with(&xml, "Kính gửi:");
    assert_eq!(text_of(first), "Kính gửi:- Ban Tổ chức,");
    assert_eq!(descendants_tab(first).len(), 1);
    assert_eq!(
        text_of(para_with(&xml, "Ủy ban Kiểm tra")),
        "- Ủy ban Kiểm tra."
    );
}

/// Writes the samples for a visual check when `VANBAN_DOCX_SAMPLES` names a folder.
#[test]
fn write_samples_for_viewing() {
    let Ok(dir) = std::env::var("VANBAN_DOCX_SAMPLES") else {
        return;
    };
    let mut many = cong_van();
    many.to = vec![
        "Ban Tổ chức Đảng ủy Khối".into(),
        "Bí thư các chi bộ trực thuộc".into(),
    ];
    many.body = "Đoạn\u{1} có\u{b} ký tự lạ\tvà tab.".into();
    use crate::render::document::{PageTurn, page_marker, table_marker};
    let mut landscape = bao_cao();
    landscape.tables.insert("wide".into(), rating_table());
    landscape.body = format!(
        "Trước phụ lục.\n\n{}\n\n{}\n\n{}\n\nSau phụ lục.\n",
        page_marker(PageTurn::Landscape),
        table_marker("wide"),
        page_marker(PageTurn::Portrait)
    );
    let docs = [
        ("cong_van", cong_van()),
        ("bao_cao", bao_cao()),
        ("bien_ban", bien_ban()),
        ("many", many),
        ("landscape", landscape),
    ];
    for (name, doc) in docs {
        let bytes = write_docx(&doc, &Layout::default()).expect("written");
        std::fs::write(format!("{dir}/{name}.docx"), bytes).expect("saved");
    }
}

#[test]
fn odd_input_never_panics() {
    let bodies = [
        "",
        "<!-- just a comment -->",
        "**unclosed *mixed** emphasis*",
        "</mark> before <mark> never closed",
        "> 1. quoted list\n>    - nested\n\n# \n\n######",
        "999999999. big\n\n- [ ] task\n\n![alt](x.png) [link](http://x)",
        "| a |\n|---|\n| 1 | 2 | 3 |\n\n|x|\n|-|",
        "```\ncode\n\n```\n\n---\n\n<div>\n<!-- vanban:table t -->\n</div>",
        "- \n-\n1.\n\n  \n\t\u{0}\u{1f}",
        "<!-- vanban:table t -->\n<!-- vanban:table t -->",
    ];
    let mut doc = cong_van();
    let empty = crate::render::document::Table {
        groups: Vec::new(),
        rows: vec![vec!["x".into()]],
        total_row: true,
    };
    doc.tables.insert("t".into(), empty);
    doc.header.subject = Some(String::new());
    doc.closing = Closing::Signed {
        copies: Vec::new(),
        signer: crate::render::document::Signature {
            authority: String::new(),
            title: String::new(),
            name: String::new(),
        },
    };
    for body in bodies {
        doc.body = body.to_owned();
        let bytes = write_docx(&doc, &Layout::default()).expect("written");
        let parts = parts(&bytes);
        Xml::parse(&parts["word/document.xml"]).expect("well-formed XML");
    }
    let mut table = rating_table();
    table.rows.push(vec!["1".into(); 9]);
    table.rows.push(Vec::new());
    doc.tables.insert("t".into(), table);
    doc.body = "<!-- vanban:table t -->".into();
    assert!(write_docx(&doc, &Layout::default()).is_ok());
}

/// A landscape appendix: the portrait body ends in a section break whose
/// sectPr carries the headers and page 1's own header; the appendix table
/// is laid out across the landscape text width; the body's last sectPr is
/// the landscape page (or portrait again after a second marker).
#[test]
fn a_page_marker_puts_the_table_on_a_landscape_page() {
    use crate::render::document::{PageTurn, page_marker, table_marker};
    let mut doc = bao_cao();
    doc.tables.insert("wide".into(), rating_table());
    doc.body = format!(
        "Trước.\n\n{}\n\n{}\n",
        page_marker(PageTurn::Landscape),
        table_marker("wide")
    );
    let parts = write(&doc);
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let sections = descendants(xml.root(), "sectPr");
    assert_eq!(sections.len(), 2, "one break, one final section");
    let (first, last) = (sections[0], sections[1]);
    assert!(
        is(&first.parent().expect("pPr"), "pPr"),
        "the break is in a paragraph"
    );
    fn size<'a, 'i>(s: Node<'a, 'i>) -> Node<'a, 'i> {
        child(s, "pgSz").expect("pgSz")
    }
    assert_eq!(w_attr(size(first), "orient"), None);
    assert_eq!(w_attr(size(first), "w"), Some("11906"));
    assert_eq!(w_attr(size(last), "orient"), Some("landscape"));
    assert_eq!(w_attr(size(last), "w"), Some("16838"));
    assert_eq!(w_attr(size(last), "h"), Some("11906"));
    assert_eq!(descendants(first, "headerReference").len(), 2);
    assert!(child(first, "titlePg").is_some());
    assert!(
        descendants(last, "headerReference").is_empty(),
        "inherits the headers"
    );
    assert!(child(last, "titlePg").is_none(), "numbered on every page");
    let table = descendants(xml.root(), "tbl")
        .into_iter()
        .find(|t| text_of(*t).contains("Chi bộ Phòng Kinh tế"))
        .expect("the table");
    let width: usize = descendants(table, "gridCol")
        .iter()
        .filter_map(|g| w_attr(*g, "w")?.parse::<usize>().ok())
        .sum();
    let l = Layout::default();
    let across = l.page_height_mm - l.margin_left_mm - l.margin_right_mm;
    let expected = crate::render::layout::mm_to_twips(across) as usize;
    assert_eq!(width, expected, "the landscape text width");
    assert!(width > 14_000, "wider than a portrait page: {width}");

    doc.body.push_str(page_marker(PageTurn::Portrait));
    doc.body.push_str("\n\nSau.\n");
    let parts = write(&doc);
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let sections = descendants(xml.root(), "sectPr");
    assert_eq!(sections.len(), 3);
    let orient = |s| w_attr(size(s), "orient");
    assert_eq!(orient(sections[1]), Some("landscape"));
    assert_eq!(orient(sections[2]), None, "back to portrait");
    assert!(text_of(xml.root()).contains("Sau."));
}

/// An attachment after the closing (`<!-- vanban:annex -->`): the signer
/// comes before it, the body's section ends after the closing, and an
/// attachment opening on a landscape marker is one landscape section (no
/// empty portrait page between); a second attachment starts a page again.
#[test]
fn an_annex_follows_the_signature_on_a_page_of_its_own() {
    use crate::render::document::{ANNEX_MARKER, PageTurn, page_marker, table_marker};
    let mut doc = bao_cao();
    doc.tables.insert("wide".into(), rating_table());
    doc.body = format!(
        "Thân.\n\n{ANNEX_MARKER}\n\n{}\n\n# PHỤ LỤC 1\n\n{}\n\n{ANNEX_MARKER}\n\n# PHỤ LỤC 2\n",
        page_marker(PageTurn::Landscape),
        table_marker("wide")
    );
    let Closing::Signed { signer, .. } = &doc.closing else {
        panic!("the sample report is signed");
    };
    let name = signer.name.clone();
    let parts = write(&doc);
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let body = descendants(xml.root(), "body")[0];
    // Top-level blocks in order: where the name, each break and each heading are.
    let blocks: Vec<Node> = body.children().filter(|n| n.is_element()).collect();
    let at = |pred: &dyn Fn(&Node) -> bool| blocks.iter().position(pred).expect("present");
    let signer_at = at(&|n| text_of(*n).contains(&name));
    let breaks: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, n)| is(n, "p") && !descendants(**n, "sectPr").is_empty())
        .map(|(i, _)| i)
        .collect();
    let first = at(&|n| text_of(*n) == "PHỤ LỤC 1");
    let second = at(&|n| text_of(*n) == "PHỤ LỤC 2");
    assert_eq!(breaks.len(), 2, "after the closing, after annex 1");
    assert!(
        signer_at < breaks[0] && breaks[0] < first,
        "{signer_at} {breaks:?} {first}"
    );
    assert!(first < breaks[1] && breaks[1] < second);
    let sections = descendants(xml.root(), "sectPr");
    let orient = |s: Node| w_attr(child(s, "pgSz").expect("pgSz"), "orient").map(str::to_owned);
    assert_eq!(orient(sections[0]), None, "the signed body: portrait");
    assert_eq!(orient(sections[1]).as_deref(), Some("landscape"), "annex 1");
    assert_eq!(orient(sections[2]), None, "annex 2: portrait again");
    assert!(
        !text_of(xml.root()).contains("vanban:"),
        "no marker printed"
    );
}

/// A paper without number or date (a ballot; a self-review form has a date
/// line only): the header block has no `Số` line and no empty line, the
/// space under the block moves to the column's last line.
#[test]
fn a_header_without_number_or_date_prints_no_empty_line() {
    let header_lines = |doc: &Document| -> Vec<Vec<String>> {
        let parts = write(doc);
        let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
        let block = descendants(xml.root(), "tbl")[0];
        descendants(block, "tc")
            .into_iter()
            .map(|c| descendants(c, "p").into_iter().map(text_of).collect())
            .collect()
    };
    let mut doc = bao_cao();
    let numbered = header_lines(&doc);
    assert!(
        numbered[0].iter().any(|l| l.starts_with("Số ")),
        "{numbered:?}"
    );
    doc.header.number = String::new();
    doc.header.place_date = String::new();
    let bare = header_lines(&doc);
    assert_eq!(bare[0].len(), 3, "superior, issuer, star: {bare:?}");
    assert_eq!(bare[1].len(), 1, "the party name only: {bare:?}");
    for line in bare.iter().flatten() {
        assert!(
            !line.trim().is_empty() && !line.starts_with("Số"),
            "{bare:?}"
        );
    }
}

/// The element orders the schema fixes, checked on every element of the
/// three samples (openxml-audit checks the example build in
/// tests/ooxml_valid.rs; this keeps the writer's own guarantee visible).
#[test]
fn children_come_in_schema_order() {
    let orders: [(&str, &[&str]); 6] = [
        (
            "pPr",
            &[
                "keepNext",
                "spacing",
                "ind",
                "jc",
                "outlineLvl",
                "rPr",
                "sectPr",
            ],
        ),
        (
            "rPr",
            &[
                "b",
                "bCs",
                "i",
                "iCs",
                "sz",
                "szCs",
                "highlight",
                "u",
                "bdr",
            ],
        ),
        ("tbl", &["tblPr", "tblGrid", "tr"]),
        (
            "tblPr",
            &[
                "tblW",
                "jc",
                "tblInd",
                "tblBorders",
                "tblLayout",
                "tblCellMar",
            ],
        ),
        (
            "tcPr",
            &["tcW", "gridSpan", "vMerge", "tcBorders", "vAlign"],
        ),
        (
            "sectPr",
            &["headerReference", "pgSz", "pgMar", "cols", "titlePg"],
        ),
    ];
    for doc in [cong_van(), bao_cao(), bien_ban()] {
        let parts = write(&doc);
        let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
        for (parent, order) in orders {
            for node in descendants(xml.root(), parent) {
                let ranks: Vec<usize> = node
                    .children()
                    .filter(|c| c.is_element())
                    .map(|c| {
                        let name = c.tag_name().name();
                        order
                            .iter()
                            .position(|o| *o == name)
                            .unwrap_or_else(|| panic!("{name} is not expected in {parent}"))
                    })
                    .collect();
                assert!(ranks.is_sorted(), "{parent}: {ranks:?}");
            }
        }
        let body = descendants(xml.root(), "body")[0];
        let last = body.children().rfind(|c| c.is_element());
        assert!(last.is_some_and(|c| is(&c, "sectPr")), "sectPr last");
        for p in descendants(xml.root(), "p") {
            let first_run = p.children().position(|c| is(&c, "r"));
            let props = p.children().position(|c| is(&c, "pPr"));
            if let (Some(r), Some(pp)) = (first_run, props) {
                assert!(pp < r, "pPr before runs");
            }
        }
    }
}

/// party-format.md: the closing block is kept with the body's last
/// paragraph (a page holding only the signature is a fault); the body's
/// other paragraphs flow freely.
#[test]
fn the_last_paragraph_is_kept_with_the_closing() {
    let parts = write(&cong_van());
    let xml = Xml::parse(&parts["word/document.xml"]).expect("XML");
    let kept = |start: &str| !descendants(para_with(&xml, start), "keepNext").is_empty();
    assert!(kept("(Đính kèm"), "the body's last paragraph");
    assert!(!kept("Quá trình"), "a paragraph in the middle");
    assert!(!kept("Thực hiện Công văn"), "a paragraph in the middle");
    assert!(!kept("- Các chi bộ"), "a paragraph in the middle");
}
