//! The rendered document: metadata (header, title, closing) plus a Markdown
//! body. Both writers (Markdown and DOCX) take a `Document` and nothing else,
//! so every document kind gets its header and closing blocks the same way.

use std::collections::BTreeMap;

/// One document ready for the writers.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub header: Header,
    /// `BÁO CÁO` / `BIÊN BẢN` and the subject under it; `None` for a công văn.
    pub title: Option<Title>,
    /// "Kính gửi" recipients (công văn only); empty for other kinds.
    pub to: Vec<String>,
    /// Markdown body, as the template wrote it. A paragraph consisting only of
    /// `<!-- vanban:table NAME -->` places `tables[NAME]` there.
    pub body: String,
    pub tables: BTreeMap<String, Table>,
    pub closing: Closing,
    /// First page marked `DỰ THẢO` (a draft with placeholders left).
    pub draft: bool,
}

/// The two-column header block of page 1 (party-format.md, "Header block").
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Superior body, printed in capitals, regular: `ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH`.
    pub superior: String,
    /// Issuing body, printed in capitals, bold: `ĐẢNG ỦY VĂN PHÒNG UBND TỈNH`.
    pub issuer: String,
    /// Number and symbol without the "Số" word: `94-CV/ĐUVP`, or `…-BC/CB`
    /// on a form; empty on a ballot (no number, no `Số`).
    pub number: String,
    /// `Quảng Bình, ngày 12 tháng 11 năm 2022` (or with dotted blanks on a
    /// form); empty on a ballot.
    pub place_date: String,
    /// Công văn only: the trích yếu, already starting with `V/v`.
    pub subject: Option<String>,
    /// A form prescribed by a guide: its label, printed top right above the
    /// header block as in the guide (`Mẫu 01`, `Mẫu 01-HD KĐ.ĐG 2023`).
    pub form_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// `BÁO CÁO`, `BIÊN BẢN` (already in capitals).
    pub kind: String,
    /// Lower-case subject line under it.
    pub subject: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Closing {
    /// "Nơi nhận" on the left, the signer on the right.
    Signed {
        /// Recipient lines without the leading `- ` and trailing punctuation;
        /// the last one is the archive line `Lưu: VPĐU`.
        copies: Vec<String>,
        signer: Signature,
    },
    /// Signatures side by side (minutes: `THƯ KÝ` left, `CHỦ TRÌ HỘI NGHỊ` right;
    /// the vote-count board: one per member).
    Signatures(Vec<Signature>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// `T/M ĐẢNG ỦY`, `T/M CHI BỘ`; empty when the signer signs in their own name.
    pub authority: String,
    /// `BÍ THƯ`, `THƯ KÝ`, `CHỦ TRÌ HỘI NGHỊ`.
    pub title: String,
    /// Full name; empty on a blank form (a dotted line is drawn instead).
    pub name: String,
}

/// A table built in code from typed data.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Top header row. A group with sub-columns spans them (merged cell) and
    /// its sub-columns form a second header row; a group without sub-columns
    /// spans both header rows when any group has sub-columns.
    pub groups: Vec<ColumnGroup>,
    /// Body rows: one string per leaf column.
    pub rows: Vec<Vec<String>>,
    /// The last row is a totals row (printed bold).
    pub total_row: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnGroup {
    pub label: String,
    /// Leaf columns under this group; empty for a single column.
    pub columns: Vec<Column>,
    /// Alignment when the group is itself a leaf column.
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    /// Numbers.
    Right,
}

impl Table {
    /// A table without a totals row.
    pub fn new(groups: Vec<ColumnGroup>, rows: Vec<Vec<String>>) -> Table {
        Table {
            groups,
            rows,
            total_row: false,
        }
    }

    /// Leaf columns left to right: `(folded label, alignment)`. A sub-column's
    /// label is folded with its group's (`Hoàn thành tốt nhiệm vụ: Số lượng`)
    /// for writers that cannot merge cells.
    pub fn leaves(&self) -> Vec<(String, Align)> {
        self.groups
            .iter()
            .flat_map(|g| {
                if g.columns.is_empty() {
                    vec![(g.label.clone(), g.align)]
                } else {
                    g.columns
                        .iter()
                        .map(|c| (format!("{}: {}", g.label, c.label), c.align))
                        .collect()
                }
            })
            .collect()
    }

    /// True when the header has two rows (some group has sub-columns).
    pub fn has_subheader(&self) -> bool {
        self.groups.iter().any(|g| !g.columns.is_empty())
    }
}

/// The marker a template writes (through the `table` function) where a table goes.
pub fn table_marker(name: &str) -> String {
    format!("<!-- vanban:table {name} -->")
}

/// The table name if `html` is a table marker.
pub fn parse_table_marker(html: &str) -> Option<&str> {
    html.trim()
        .strip_prefix("<!-- vanban:table ")?
        .strip_suffix("-->")
        .map(str::trim)
}

/// Where the page turns: a paragraph consisting only of a page marker
/// ends the section so far and starts one printed on A4 landscape (for a
/// wide appendix table) or back on portrait. The body ends in whichever
/// orientation the last marker chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageTurn {
    Landscape,
    Portrait,
}

/// The marker a template writes where the page turns.
pub fn page_marker(turn: PageTurn) -> &'static str {
    match turn {
        PageTurn::Landscape => "<!-- vanban:page landscape -->",
        PageTurn::Portrait => "<!-- vanban:page portrait -->",
    }
}

/// The page turn if `html` is a page marker.
pub fn parse_page_marker(html: &str) -> Option<PageTurn> {
    let inner = html
        .trim()
        .strip_prefix("<!-- vanban:page ")?
        .strip_suffix("-->")?;
    match inner.trim() {
        "landscape" => Some(PageTurn::Landscape),
        "portrait" => Some(PageTurn::Portrait),
        _ => None,
    }
}

/// The marker a template writes where the closing block goes when papers
/// are attached after it (a report's "Phụ lục", a decision's "Danh sách
/// … (Kèm theo Quyết định số …)"): the body before the first marker is
/// the document, signed; each marker then starts an attachment on a new
/// page, after the signature.
pub const ANNEX_MARKER: &str = "<!-- vanban:annex -->";

/// The document's own text and the attachments after its closing block,
/// in order: `body` cut at each line consisting only of [`ANNEX_MARKER`].
pub fn split_annexes(body: &str) -> (&str, Vec<&str>) {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        if line.trim() == ANNEX_MARKER {
            parts.push(&body[start..at]);
            start = at + line.len();
        }
        at += line.len();
    }
    parts.push(&body[start..]);
    match parts.split_first() {
        Some((main, annexes)) => (main, annexes.to_vec()),
        None => (body, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annexes_are_cut_at_marker_lines_only() {
        let body = format!("A\n\n{ANNEX_MARKER}\n\nB `{ANNEX_MARKER}`\n\n  {ANNEX_MARKER}\nC\n");
        let (main, annexes) = split_annexes(&body);
        assert_eq!(main, "A\n\n");
        assert_eq!(
            annexes,
            [format!("\nB `{ANNEX_MARKER}`\n\n"), "C\n".to_owned()]
        );
        assert_eq!(split_annexes("Only.\n"), ("Only.\n", Vec::new()));
    }
}
