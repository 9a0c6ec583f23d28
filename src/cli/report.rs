//! Printing diagnostics: text with source snippets on stderr, or JSON on stdout.

use super::{Common, Format};
use crate::cycle::Sources;
use crate::cycle::source::line_col;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::IsTerminal;

/// Prints every diagnostic and, in text mode, the summary line.
pub fn print(diagnostics: &[Diagnostic], sources: &Sources, common: Common) {
    match common.format {
        Format::Json => print_json(diagnostics, common.lang),
        // A spreadsheet is `stats`' output; its diagnostics print as text.
        Format::Text | Format::Xlsx => {
            for d in diagnostics {
                eprintln!("{}", render(d, sources, common.lang));
            }
            if !diagnostics.is_empty() {
                eprintln!("{}", summary(diagnostics, common.lang));
            }
        }
    }
}

fn print_json(diagnostics: &[Diagnostic], lang: Lang) {
    let items: Vec<_> = diagnostics.iter().map(|d| d.to_json(lang)).collect();
    match serde_json::to_string_pretty(&items) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("{e}"),
    }
}

/// `error[code]: message (file:line:col, path)` and a snippet when the line is known.
pub fn render(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!(
        "{severity}[{}]: {} ({})",
        d.code.as_str(),
        d.message.get(lang),
        d.place.display()
    );
    if let Some(snippet) = snippet(d, sources) {
        out.push('\n');
        out.push_str(&snippet);
    }
    out
}

fn snippet(d: &Diagnostic, sources: &Sources) -> Option<String> {
    let text = sources.text_of(&d.place.file)?;
    let line = d.place.line?;
    let start = byte_of(text, line, d.place.column.unwrap_or(1))?;
    let end = text[start..]
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .last()
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let report = [Group::with_level(level).element(
        Snippet::source(text)
            .path(d.place.file.display().to_string())
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    )];
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    Some(renderer.render(&report).to_string())
}

/// Byte offset of a 1-based line and character column.
fn byte_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let offset = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    let at = line_start + offset;
    debug_assert_eq!(line_col(text, at).0, line);
    Some(at)
}

/// `2 lỗi, 1 cảnh báo` / `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    }
}
