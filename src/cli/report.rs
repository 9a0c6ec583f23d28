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
        Ok(json) => out(&json),
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
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = start + value_len(text[start..line_end].trim_end_matches('\r'));
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

/// Bytes of `rest` (a line from the place pointed at) that the caret
/// underlines: up to a trailing YAML `# comment` (a `#` after whitespace,
/// outside quotes), without the spaces before it.
fn value_len(rest: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let mut cut = rest.len();
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            // `''` inside single quotes is an escaped quote: reopen.
            (None, '"' | '\'') if " \t[{,:".contains(prev) || (c == '\'' && prev == '\'') => {
                quote = Some(c)
            }
            (None, '#') if i > 0 && prev.is_whitespace() => {
                cut = i;
                break;
            }
            _ => {}
        }
        prev = c;
    }
    rest[..cut].trim_end().len()
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
    format!(
        "{}, {}",
        count(errors, lang, "lỗi", "error"),
        count(warnings, lang, "cảnh báo", "warning")
    )
}

/// `3 tệp` / `1 file`, `3 files`: a number with its noun (Vietnamese nouns
/// do not change; English ones take an `s` unless the number is 1).
pub fn count(n: usize, lang: Lang, vi: &str, en: &str) -> String {
    match (lang, n) {
        (Lang::Vi, _) => format!("{n} {vi}"),
        (Lang::En, 1) => format!("1 {en}"),
        (Lang::En, _) => format!("{n} {en}s"),
    }
}

/// The diagnostics as JSON values (`--format json`), for a command that
/// prints one JSON object holding them with what it wrote.
pub fn json_diagnostics(diagnostics: &[Diagnostic], lang: Lang) -> serde_json::Value {
    let items: Vec<_> = diagnostics.iter().map(|d| d.to_json(lang)).collect();
    serde_json::to_value(items).unwrap_or_default()
}

/// Prints what stopped a command that writes files: as `print` in text
/// mode; in JSON mode the same object the command prints on success, with
/// nothing written (`{"written": [], "diagnostics": [...]}`).
pub fn print_failure(diagnostics: &[Diagnostic], sources: &Sources, common: Common) {
    match common.format {
        Format::Text | Format::Xlsx => print(diagnostics, sources, common),
        Format::Json => print_json_value(&serde_json::json!({
            "written": [],
            "diagnostics": json_diagnostics(diagnostics, common.lang),
        })),
    }
}

/// Prints one JSON value on stdout, pretty.
pub fn print_json_value(value: &serde_json::Value) {
    // A `serde_json::Value` always serializes.
    out(&serde_json::to_string_pretty(value).unwrap_or_default());
}

/// One text on stdout and a newline. A closed pipe (`vanban … | head`) is
/// no reason to fail, and `println!` would panic on it.
pub fn out(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::{count, value_len};

    #[test]
    fn the_caret_stops_before_a_trailing_comment() {
        fn under(rest: &str) -> &str {
            &rest[..value_len(rest)]
        }
        assert_eq!(under("2022-13-01   # ngày họp"), "2022-13-01");
        assert_eq!(under("HTTNV"), "HTTNV");
        assert_eq!(
            under("\"Số #3 # không phải chú thích\" # chú thích"),
            "\"Số #3 # không phải chú thích\""
        );
        assert_eq!(under("'it''s # x' # c"), "'it''s # x'");
        assert_eq!(
            under("C#-team"),
            "C#-team",
            "a # inside a word is not a comment"
        );
        assert_eq!(under("- id: van-phong  # chi bộ 1"), "- id: van-phong");
    }
    use crate::diagnostic::Lang;

    #[test]
    fn english_nouns_take_the_plural_unless_one() {
        assert_eq!(count(1, Lang::En, "tệp", "file"), "1 file");
        assert_eq!(count(0, Lang::En, "tệp", "file"), "0 files");
        assert_eq!(count(2, Lang::En, "tệp", "file"), "2 files");
        assert_eq!(count(1, Lang::Vi, "tệp", "file"), "1 tệp");
    }
}
