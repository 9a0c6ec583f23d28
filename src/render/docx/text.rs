//! Runs and paragraphs: run styles, text cleaning (control characters, line
//! breaks, tabs) and the paragraph shapes every block shares.

use docx_rs::{AlignmentType, BreakType, LineSpacing, LineSpacingType, Paragraph, Run};

use crate::render::layout::pt_to_twips;

/// Character formatting of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStyle {
    pub size_half_pt: usize,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub highlight: bool,
}

impl RunStyle {
    pub fn sized(size_half_pt: usize) -> Self {
        RunStyle {
            size_half_pt,
            ..RunStyle::default()
        }
    }

    pub fn bold(self) -> Self {
        RunStyle { bold: true, ..self }
    }

    pub fn italic(self) -> Self {
        RunStyle {
            italic: true,
            ..self
        }
    }

    pub fn underline(self) -> Self {
        RunStyle {
            underline: true,
            ..self
        }
    }
}

/// True for characters XML 1.0 cannot carry (or LibreOffice refuses):
/// C0 controls other than tab and newline, and the non-characters U+FFFE/U+FFFF.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && (c as u32) < 0x20 && c != '\t' && c != '\n')
        || c == '\u{FFFE}'
        || c == '\u{FFFF}'
}

/// `text` without forbidden characters; tabs and newlines are kept for
/// [`styled_run`] to turn into `w:tab` and `w:br`.
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| !is_forbidden(c)).collect()
}

/// Applies `style` to an empty run.
fn format_run(style: RunStyle) -> Run {
    let mut run = Run::new();
    if style.size_half_pt > 0 {
        run = run.size(style.size_half_pt);
    }
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    if style.underline {
        run = run.underline("single");
    }
    if style.highlight {
        run = run.highlight("yellow");
    }
    run
}

/// A run of `text` in `style`. Newlines become line breaks and tabs become
/// `w:tab`, so docx-rs never sees a control character.
pub fn styled_run(text: &str, style: RunStyle) -> Run {
    let mut run = format_run(style);
    for (i, line) in clean(text).split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// Runs of `text` in `style`, a placeholder `[[x]]` left in it (only a
/// draft has any) as its own highlighted run `[x]`.
pub fn placeholder_runs(text: &str, style: RunStyle) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        let inner = &rest[start + 2..start + 2 + len];
        if start > 0 {
            runs.push(styled_run(&rest[..start], style));
        }
        let marked = RunStyle {
            highlight: true,
            ..style
        };
        runs.push(styled_run(&format!("[{}]", inner.trim()), marked));
        rest = &rest[start + 2 + len + 2..];
    }
    if !rest.is_empty() || runs.is_empty() {
        runs.push(styled_run(rest, style));
    }
    runs
}

/// A run holding only a line break, in `style` (so the line keeps its height).
pub fn break_run(style: RunStyle) -> Run {
    format_run(style).add_break(BreakType::TextWrapping)
}

/// Spacing: `before`/`after` in points, single line height.
pub fn single_spacing(before_pt: f32, after_pt: f32) -> LineSpacing {
    LineSpacing::new()
        .before(pt_to_twips(before_pt).max(0) as u32)
        .after(pt_to_twips(after_pt).max(0) as u32)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// Spacing: `after` in points, exact line height in points.
pub fn exact_spacing(after_pt: f32, line_pt: f32) -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(pt_to_twips(after_pt).max(0) as u32)
        .line(pt_to_twips(line_pt))
        .line_rule(LineSpacingType::Exact)
}

/// A single-spaced paragraph with one run, tight (no space around it).
pub fn line(text: &str, style: RunStyle, align: AlignmentType) -> Paragraph {
    let para = Paragraph::new()
        .align(align)
        .line_spacing(single_spacing(0.0, 0.0))
        .size(style.size_half_pt);
    placeholder_runs(text, style)
        .into_iter()
        .fold(para, Paragraph::add_run)
}

/// A centred single-spaced line.
pub fn centred(text: &str, style: RunStyle) -> Paragraph {
    line(text, style, AlignmentType::Center)
}

/// Uppercase for Vietnamese (`đảng ủy` → `ĐẢNG ỦY`), after cleaning.
pub fn caps(text: &str) -> String {
    clean(text).to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_c0_but_keeps_tab_and_newline() {
        assert_eq!(clean("a\u{1}b\u{b}c\td\ne\r\u{FFFF}"), "abc\td\ne");
    }

    #[test]
    fn placeholders_get_their_own_highlighted_run() {
        let style = RunStyle::sized(26);
        assert_eq!(placeholder_runs("Số 94-CV/ĐUVP", style).len(), 1);
        assert_eq!(placeholder_runs("", style).len(), 1);
        let runs = placeholder_runs("Số [[số công văn]]-CV/ĐUVP", style);
        assert_eq!(runs.len(), 3);
        assert_eq!(
            runs[1],
            styled_run(
                "[số công văn]",
                RunStyle {
                    highlight: true,
                    ..style
                }
            )
        );
        assert_eq!(placeholder_runs("[[x]]", style).len(), 1);
        assert_eq!(placeholder_runs("a [[x", style).len(), 1);
    }

    #[test]
    fn caps_handles_vietnamese() {
        assert_eq!(caps("đảng ủy văn phòng"), "ĐẢNG ỦY VĂN PHÒNG");
    }
}
