//! What a branch typed on its form outside the tables: the filled form's
//! body compared with the blank form it was sent (rendered again from the
//! cycle), paragraph by paragraph. A paragraph of the blank form found
//! unchanged is the form's own text (an untouched dotted line says
//! nothing); any other paragraph was typed, and belongs to the section the
//! blank form's headings put it in (`domain::forms::prose_sections`).
//! Typed text outside those sections is reported, never dropped.

use crate::collect::docx_read::{Block, Paragraph};
use crate::cycle::RuleSet;
use crate::domain::forms::{Prose, prose_sections};
use std::collections::BTreeMap;

/// What was typed, by section, and what could not be placed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// Each section's paragraphs, as typed (dotted leaders taken off).
    pub sections: BTreeMap<Prose, Vec<String>>,
    /// Paragraphs typed where no section takes them: the heading they are
    /// under (empty before the first), and the text.
    pub unplaced: Vec<(String, String)>,
}

/// The most paragraphs × paragraphs compared exactly; beyond it the forms
/// are matched greedily (the same result for any form filled in place).
const MAX_ALIGN_CELLS: usize = 16_000_000;

/// Compares the filled form's body with the blank form's.
pub fn typed(filled: &[Block], blank: &[Block], rules: RuleSet) -> Typed {
    let places = places(blank);
    let matched = align(filled, blank);
    let sections = prose_sections(rules);
    let mut out = Typed::default();
    // The blank form's block the reading is at (the last one matched).
    let mut at: Option<usize> = None;
    // The sub-heading already written before a section's paragraphs.
    let mut labelled: BTreeMap<Prose, usize> = BTreeMap::new();
    for (block, m) in filled.iter().zip(&matched) {
        if let Some(j) = m {
            at = Some(*j);
            continue;
        }
        let Block::Para(Paragraph { text, .. }) = block else {
            continue;
        };
        let clean = without_leaders(text);
        if clean.is_empty() {
            continue;
        }
        let place = at.and_then(|j| places.get(j));
        let path = place.map_or("", |p| p.path.as_str());
        let Some((_, prose)) = sections.iter().find(|(p, _)| *p == path) else {
            let heading = place.map_or_else(String::new, |p| p.heading.clone());
            out.unplaced.push((heading, clean));
            continue;
        };
        let paragraphs = out.sections.entry(*prose).or_default();
        if let Some((l, label)) = place.and_then(|p| p.label.as_ref())
            && labelled.get(prose) != Some(l)
        {
            labelled.insert(*prose, *l);
            if !clean.starts_with(label.as_str()) {
                paragraphs.push(label.clone());
            }
        }
        paragraphs.push(clean);
    }
    out
}

/// Where a block of the blank form stands: the numbers of the headings
/// above it (`A.II`), the nearest heading's text, and the sub-heading line
/// it follows inside its section (`1. Việc chấp hành …:`), if any.
#[derive(Debug, Clone, Default)]
struct Place {
    path: String,
    heading: String,
    label: Option<(usize, String)>,
}

fn places(blank: &[Block]) -> Vec<Place> {
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut current = Place::default();
    let mut out = Vec::with_capacity(blank.len());
    for (i, block) in blank.iter().enumerate() {
        if let Block::Para(p) = block {
            match p.outline {
                Some(level) => {
                    stack.retain(|(l, _)| *l < level);
                    stack.push((level, number(&p.text)));
                    let numbers: Vec<&str> = stack
                        .iter()
                        .map(|(_, n)| n.as_str())
                        .filter(|n| !n.is_empty())
                        .collect();
                    current = Place {
                        path: numbers.join("."),
                        heading: p.text.clone(),
                        label: None,
                    };
                }
                None if !p.text.is_empty() && !without_leaders(&p.text).is_empty() => {
                    current.label = Some((i, p.text.clone()));
                }
                None => {}
            }
        }
        out.push(current.clone());
    }
    out
}

/// A heading's number: `A` of `A. NỘI DUNG`, `II` of `II. Hạn chế`, `2`
/// of `2. Đảng viên …`; empty when it has none.
fn number(heading: &str) -> String {
    let Some((head, _)) = heading.split_once('.') else {
        return String::new();
    };
    let head = head.trim();
    let numeral = !head.is_empty()
        && head.len() <= 5
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    if numeral {
        head.to_owned()
    } else {
        String::new()
    }
}

/// A typed paragraph without the dotted leaders left around it (or a
/// dotted line typed over in part); empty when only dots remain.
pub fn without_leaders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let dots: usize = run.chars().map(|c| if c == '…' { 3 } else { 1 }).sum();
        if dots < 4 {
            out.push_str(run);
        } else {
            out.push(' ');
        }
        run.clear();
    };
    for c in text.chars() {
        if matches!(c, '.' | '…' | '·') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let meaningful = folded.chars().any(char::is_alphanumeric);
    if meaningful { folded } else { String::new() }
}

/// For each filled block, the blank block it is (unchanged), if any: the
/// longest common subsequence of the two bodies, paragraphs compared by
/// text and tables as tables.
fn align(filled: &[Block], blank: &[Block]) -> Vec<Option<usize>> {
    let same = |a: &Block, b: &Block| match (a, b) {
        (Block::Para(x), Block::Para(y)) => x.text == y.text,
        (Block::Table(_), Block::Table(_)) => true,
        _ => false,
    };
    let mut out = vec![None; filled.len()];
    // The common head and tail, then the middle.
    let head = filled
        .iter()
        .zip(blank)
        .take_while(|(a, b)| same(a, b))
        .count();
    for (i, slot) in out.iter_mut().enumerate().take(head) {
        *slot = Some(i);
    }
    let (f, b) = (&filled[head..], &blank[head..]);
    let tail = f
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (fm, bm) = (&f[..f.len() - tail], &b[..b.len() - tail]);
    for k in 0..tail {
        out[head + fm.len() + k] = Some(head + bm.len() + k);
    }
    let middle = match fm.len().checked_mul(bm.len()) {
        Some(cells) if cells <= MAX_ALIGN_CELLS => lcs(fm, bm, &same),
        _ => greedy(fm, bm, &same),
    };
    for (k, m) in middle.into_iter().enumerate() {
        out[head + k] = m.map(|j| head + j);
    }
    out
}

fn lcs(a: &[Block], b: &[Block], same: &dyn Fn(&Block, &Block) -> bool) -> Vec<Option<usize>> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // lengths[i * width + j]: the LCS of a[i..] and b[j..].
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if same(&a[i], &b[j]) {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(&a[i], &b[j]) {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Each block matched to the next equal blank block, in order.
fn greedy(a: &[Block], b: &[Block], same: &dyn Fn(&Block, &Block) -> bool) -> Vec<Option<usize>> {
    let mut j = 0;
    a.iter()
        .map(|x| {
            let found = b[j..].iter().position(|y| same(x, y))? + j;
            j = found + 1;
            Some(found)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::Para(Paragraph {
            text: text.to_owned(),
            outline: None,
        })
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Para(Paragraph {
            text: text.to_owned(),
            outline: Some(level),
        })
    }

    const DOTS: &str = "………………………………";

    /// A 366 form's part A, sections I and II, and the members part.
    fn blank() -> Vec<Block> {
        vec![
            para("Thực hiện Công văn số 94-CV/ĐUVP, Chi bộ Tổng hợp báo cáo:"),
            Block::Table(0),
            heading(1, "A. NỘI DUNG KIỂM ĐIỂM"),
            heading(2, "I. Ưu điểm, kết quả đạt được"),
            para("1. Việc chấp hành nguyên tắc tổ chức:"),
            para(DOTS),
            para(DOTS),
            para("2. Kết quả thực hiện các mục tiêu:"),
            para(DOTS),
            heading(2, "II. Hạn chế, khuyết điểm và nguyên nhân"),
            para(DOTS),
            para(DOTS),
            heading(1, "C. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN"),
            heading(
                2,
                "2. Đảng viên được đề nghị xếp loại “Không hoàn thành nhiệm vụ”",
            ),
            para(DOTS),
            Block::Table(1),
        ]
    }

    #[test]
    fn an_untouched_form_says_nothing() {
        let form = blank();
        assert_eq!(
            typed(&form, &blank(), RuleSet::Qd366_2025),
            Typed::default()
        );
    }

    #[test]
    fn typed_paragraphs_go_to_their_sections_with_their_sub_headings() {
        let mut form = blank();
        // Typed over the second dotted line of I.2 and after it; over a
        // dotted line of II (dots left at the end); the KHTNV line.
        form[8] = para("Hoàn thành 12/12 chỉ tiêu.");
        form.insert(9, para("Vượt kế hoạch 5%."));
        form[11] = para("Sinh hoạt chưa đều. ……………");
        form[15] = para("Không có");
        let got = typed(&form, &blank(), RuleSet::Qd366_2025);
        assert_eq!(
            got.sections[&Prose::Strengths],
            [
                "2. Kết quả thực hiện các mục tiêu:",
                "Hoàn thành 12/12 chỉ tiêu.",
                "Vượt kế hoạch 5%."
            ]
        );
        assert_eq!(got.sections[&Prose::Shortcomings], ["Sinh hoạt chưa đều."]);
        assert_eq!(got.sections[&Prose::Failing], ["Không có"]);
        assert!(got.unplaced.is_empty());
    }

    #[test]
    fn a_sub_heading_typed_on_is_not_repeated() {
        let mut form = blank();
        form[4] = para("1. Việc chấp hành nguyên tắc tổ chức: Luôn giữ nghiêm.");
        let got = typed(&form, &blank(), RuleSet::Qd366_2025);
        assert_eq!(
            got.sections[&Prose::Strengths],
            ["1. Việc chấp hành nguyên tắc tổ chức: Luôn giữ nghiêm."]
        );
    }

    #[test]
    fn text_outside_the_sections_is_reported_with_its_heading() {
        let mut form = blank();
        form.insert(1, para("Kính gửi Đảng ủy."));
        form.insert(14, para("Ghi thêm ở đầu phần C."));
        let got = typed(&form, &blank(), RuleSet::Qd366_2025);
        assert_eq!(
            got.unplaced,
            [
                (String::new(), "Kính gửi Đảng ủy.".to_owned()),
                (
                    "C. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN".to_owned(),
                    "Ghi thêm ở đầu phần C.".to_owned()
                )
            ]
        );
        assert!(got.sections.is_empty());
    }

    #[test]
    fn dotted_lines_deleted_or_shortened_say_nothing() {
        let mut form = blank();
        form.remove(10);
        form[10] = para("……………… . ………");
        assert_eq!(
            typed(&form, &blank(), RuleSet::Qd366_2025),
            Typed::default()
        );
    }

    #[test]
    fn leaders_are_taken_off_but_sentences_keep_their_stops() {
        assert_eq!(without_leaders("Đã khắc phục..."), "Đã khắc phục...");
        assert_eq!(without_leaders("…… Đã xong. ………"), "Đã xong.");
        assert_eq!(without_leaders("……… …"), "");
        assert_eq!(number("IV. Giải trình"), "IV");
        assert_eq!(number("Kết quả. Xong"), "");
    }

    #[test]
    fn greedy_matching_keeps_order() {
        let (a, b) = (
            [para("x"), para("b"), para("c")],
            [para("a"), para("b"), para("c")],
        );
        let same = |x: &Block, y: &Block| x == y;
        assert_eq!(greedy(&a, &b, &same), [None, Some(1), Some(2)]);
        assert_eq!(lcs(&a, &b, &same), [None, Some(1), Some(2)]);
    }
}
