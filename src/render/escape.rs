//! Markdown escaping of data values. Templates auto-escape every value with
//! this function, so nothing a clerk types can change a document's structure:
//! emphasis, links, HTML, tables, headings and list markers all come out as
//! the literal characters. Line breaks inside a value become spaces.
//!
//! In a draft (`build --draft`) a placeholder `[[x]]` left in a value is
//! written `<mark>**[x]**</mark>` instead: bold and bracketed in the
//! Markdown file, highlighted in yellow in the DOCX (the DOCX writer reads
//! `<mark>`). Only this escape function writes that markup, so a clerk's
//! text still cannot inject any.

use std::borrow::Cow;

/// Characters with inline meaning anywhere in a line.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!',
];

/// Escapes `value` for use inside a Markdown paragraph.
pub fn markdown(value: &str) -> String {
    escape(value, false)
}

/// As [`markdown`], with each placeholder `[[x]]` made visible and
/// highlighted: `<mark>**[x]**</mark>` (the inner text still escaped).
pub fn markdown_draft(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, draft: bool) -> String {
    let flat = flattened(value);
    let mut out = String::with_capacity(flat.len() + 8);
    let consumed = escape_block_start(&flat, &mut out);
    let mut rest = &flat[consumed..];
    while !rest.is_empty() {
        if draft && let Some((inner, after)) = placeholder_at(rest) {
            out.push_str("<mark>**[");
            escape_inline(inner, &mut out);
            out.push_str("]**</mark>");
            rest = after;
            continue;
        }
        // Up to where the next placeholder may start (in a draft), or all.
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let end = match draft {
            true => rest[first..].find("[[").map_or(rest.len(), |i| first + i),
            false => rest.len(),
        };
        escape_inline(&rest[..end], &mut out);
        rest = &rest[end..];
    }
    out
}

/// `value` with every run of white space (line breaks too) one space and
/// none at either end; borrowed when it is so already (most values).
fn flattened(value: &str) -> Cow<'_, str> {
    let mut after_space = true;
    let flat = value.chars().all(|c| {
        let ok = match c {
            ' ' => !after_space,
            c => !c.is_whitespace(),
        };
        after_space = c == ' ';
        ok
    }) && !value.ends_with(' ');
    match flat {
        true => Cow::Borrowed(value),
        false => Cow::Owned(value.split_whitespace().collect::<Vec<_>>().join(" ")),
    }
}

/// `[[x]]…` at the start of `text`: the inner `x` (not empty, no `]]`
/// inside) and what follows.
fn placeholder_at(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_prefix("[[")?;
    let end = body.find("]]")?;
    let inner = body[..end].trim();
    (!inner.is_empty()).then(|| (inner, &body[end + 2..]))
}

fn escape_inline(text: &str, out: &mut String) {
    for c in text.chars() {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A value may land at the start of a line, where `-`, `+`, `=`, `1.` or `1)`
/// would start a list or a heading underline: escape that first marker.
/// Returns how many bytes of `flat` were written.
fn escape_block_start(flat: &str, out: &mut String) -> usize {
    let digits = flat.chars().take_while(char::is_ascii_digit).count();
    let after = flat[digits..].chars().next();
    if matches!(flat.chars().next(), Some('-' | '+' | '=')) {
        out.push('\\');
        out.push_str(&flat[..1]);
        1
    } else if digits > 0 && matches!(after, Some('.' | ')')) {
        out.push_str(&flat[..digits]);
        out.push('\\');
        out.push_str(&flat[digits..digits + 1]);
        digits + 1
    } else {
        0
    }
}

/// Tera's escape hook: same as [`markdown`].
pub fn tera_escape(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(markdown(input).as_bytes())
}

/// Tera's escape hook in a draft: same as [`markdown_draft`].
pub fn tera_escape_draft(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(markdown_draft(input).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(markdown("a*b_c"), r"a\*b\_c");
        assert_eq!(markdown("<b>&amp;</b>"), r"\<b\>\&amp;\</b\>");
        assert_eq!(markdown("[x](y)"), r"\[x\](y)");
        assert_eq!(markdown("a|b~c`d"), r"a\|b\~c\`d");
    }

    #[test]
    fn escapes_block_starts() {
        assert_eq!(markdown("- x"), r"\- x");
        assert_eq!(markdown("+ x"), r"\+ x");
        assert_eq!(markdown("12. x"), r"12\. x");
        assert_eq!(markdown("3) x"), r"3\) x");
        assert_eq!(markdown("# x"), r"\# x");
        assert_eq!(markdown("2022-12-20"), "2022-12-20");
    }

    #[test]
    fn flattens_line_breaks() {
        assert_eq!(markdown("a\n\n- b"), "a - b");
    }

    /// The borrowed fast path gives what folding every run of white space
    /// gives, and borrows only text already folded.
    #[test]
    fn flattened_is_white_space_folded() {
        for text in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "Nguyễn Văn A",
            "\u{2003}x",
            "x\u{3000}",
        ] {
            let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let got = flattened(text);
            assert_eq!(got, folded, "{text:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), folded == text, "{text:?}");
        }
    }

    #[test]
    fn a_draft_marks_every_placeholder_among_text() {
        assert_eq!(
            markdown_draft("ư[[a]]ơ [b] [[c]][[d]] [[ ]] x[[e"),
            r"ư<mark>**[a]**</mark>ơ \[b\] <mark>**[c]**</mark><mark>**[d]**</mark> \[\[ \]\] x\[\[e"
        );
    }

    #[test]
    fn draft_marks_placeholders() {
        assert_eq!(
            markdown_draft("Số [[số công văn]]-CV/ĐUVP"),
            "Số <mark>**[số công văn]**</mark>-CV/ĐUVP"
        );
        assert_eq!(
            markdown_draft("[[a*b]] và [[c]]"),
            r"<mark>**[a\*b]**</mark> và <mark>**[c]**</mark>"
        );
        // Not a placeholder: escaped as ever; outside a draft, always escaped.
        assert_eq!(markdown_draft("[[ ]] [[x"), r"\[\[ \]\] \[\[x");
        assert_eq!(markdown("[[x]]"), r"\[\[x\]\]");
        // A clerk's own markup stays literal around a placeholder.
        assert_eq!(
            markdown_draft("<mark>[[x]]</mark>"),
            r"\<mark\><mark>**[x]**</mark>\</mark\>"
        );
    }

    #[test]
    fn leaves_vietnamese_and_braces_alone() {
        assert_eq!(markdown("Đảng ủy {{ x }}"), "Đảng ủy {{ x }}");
    }
}
