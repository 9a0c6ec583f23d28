//! Runs and paragraphs: run styles, text cleaning (control characters, line
//! breaks, tabs) and the paragraph shapes every block shares.

use std::borrow::Cow;

pub use super::wml::RunStyle;
use super::wml::{Jc, Para, Run, Spacing};
use super::xml::is_forbidden;
use crate::render::layout::pt_to_twips;

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

/// `text` without forbidden characters; tabs and newlines are kept for
/// the run writer to turn into `w:tab` and `w:br`.
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| !is_forbidden(c)).collect()
}

/// A run of `text` in `style` (cleaned and escaped when written).
pub fn styled_run<'a>(text: impl Into<Cow<'a, str>>, style: RunStyle) -> Run<'a> {
    Run {
        style,
        text: text.into(),
    }
}

/// Runs of `text` in `style`, a placeholder `[[x]]` left in it (only a
/// draft has any) as its own highlighted run `[x]`.
pub fn placeholder_runs(text: &str, style: RunStyle) -> Vec<Run<'static>> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        let inner = &rest[start + 2..start + 2 + len];
        if start > 0 {
            runs.push(styled_run(rest[..start].to_owned(), style));
        }
        let marked = RunStyle {
            highlight: true,
            ..style
        };
        runs.push(styled_run(format!("[{}]", inner.trim()), marked));
        rest = &rest[start + 2 + len + 2..];
    }
    if !rest.is_empty() || runs.is_empty() {
        runs.push(styled_run(rest.to_owned(), style));
    }
    runs
}

/// A run holding only a line break, in `style` (so the line keeps its height).
pub fn break_run(style: RunStyle) -> Run<'static> {
    styled_run("\n", style)
}

/// Spacing: `before`/`after` in points, single line height.
pub fn single_spacing(before_pt: f32, after_pt: f32) -> Spacing {
    Spacing {
        before: pt_to_twips(before_pt).max(0) as u32,
        after: pt_to_twips(after_pt).max(0) as u32,
        line: 240,
        exact: false,
    }
}

/// Spacing: `after` in points, exact line height in points.
pub fn exact_spacing(after_pt: f32, line_pt: f32) -> Spacing {
    Spacing {
        before: 0,
        after: pt_to_twips(after_pt).max(0) as u32,
        line: pt_to_twips(line_pt),
        exact: true,
    }
}

/// A single-spaced paragraph with one run, tight (no space around it).
pub fn line(text: &str, style: RunStyle, align: Jc) -> Para<'static> {
    Para {
        runs: placeholder_runs(text, style),
        ..Para::default()
    }
    .align(align)
    .spacing(single_spacing(0.0, 0.0))
    .size(style.size_half_pt)
}

/// A centred single-spaced line.
pub fn centred(text: &str, style: RunStyle) -> Para<'static> {
    line(text, style, Jc::Center)
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
                "[số công văn]".to_owned(),
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
