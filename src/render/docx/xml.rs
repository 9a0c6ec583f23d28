//! The byte sink every part is written through: markup goes in as given,
//! text is cleaned (characters XML 1.0 cannot carry dropped) and escaped.
//! Output is buffered and handed to the underlying writer in large pieces,
//! so a big document streams into its zip entry instead of piling up.

use std::io::{self, Write};

/// Bytes gathered before they are handed on.
const FLUSH_AT: usize = 32 * 1024;

/// A buffered XML writer. The first I/O error is kept and reported by
/// [`Xml::finish`], so the element writers need no `Result` on every call.
pub struct Xml<'o> {
    buf: Vec<u8>,
    out: &'o mut dyn Write,
    error: Option<io::Error>,
}

impl<'o> Xml<'o> {
    pub fn new(out: &'o mut dyn Write) -> Self {
        Xml {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            out,
            error: None,
        }
    }

    /// Markup written as it is (tag names, fixed attributes).
    pub fn raw(&mut self, markup: &str) {
        self.buf.extend_from_slice(markup.as_bytes());
        self.spill();
    }

    /// A signed whole number (an attribute value), in decimal.
    pub fn int(&mut self, n: i32) {
        if n < 0 {
            self.buf.push(b'-');
        }
        self.num(n.unsigned_abs() as usize);
    }

    /// A whole number (an attribute value), in decimal.
    pub fn num(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            // A digit is below 10: the cast cannot truncate.
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[start..]);
    }

    /// Character data: forbidden characters dropped, `&`, `<`, `>` escaped.
    pub fn text(&mut self, text: &str) {
        let mut start = 0;
        for (i, c) in text.char_indices() {
            let escaped = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                c if is_forbidden(c) => "",
                _ => continue,
            };
            self.buf.extend_from_slice(&text.as_bytes()[start..i]);
            self.buf.extend_from_slice(escaped.as_bytes());
            start = i + c.len_utf8();
        }
        self.buf.extend_from_slice(&text.as_bytes()[start..]);
        self.spill();
    }

    fn spill(&mut self) {
        if self.buf.len() >= FLUSH_AT {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// Hands on what is left; the first error met, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// True for characters XML 1.0 cannot carry (or LibreOffice refuses):
/// C0 controls other than tab and newline, and the non-characters U+FFFE/U+FFFF.
/// Tab and newline reach the run writer, which turns them into `w:tab` and `w:br`.
pub fn is_forbidden(c: char) -> bool {
    ((c as u32) < 0x20 && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Xml<'_>)) -> String {
        let mut out = Vec::new();
        let mut xml = Xml::new(&mut out);
        f(&mut xml);
        xml.finish().expect("a Vec never fails");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn text_is_escaped_and_cleaned() {
        let s = written(|x| x.text("a<b>&c\u{1}d\u{FFFF}é\t"));
        assert_eq!(s, "a&lt;b&gt;&amp;cdé\t");
    }

    #[test]
    fn large_output_is_handed_on_whole() {
        let s = written(|x| {
            for i in 0..100_000 {
                x.raw("<w:t>");
                x.num(i);
            }
        });
        assert_eq!(s.matches("<w:t>").count(), 100_000);
        assert!(s.ends_with("99999"));
    }
}
