//! A returned form saved in another format (PDF, Word 97–2003 .doc,
//! OpenDocument .odt, RTF): recognised from its first bytes (or, when those
//! say nothing, its extension) before it is opened as a DOCX, so the
//! secretary is told what to do instead of "not a zip file".

use crate::diagnostic::{Code, Diagnostic, Message, Place};
use std::io::Read;
use std::path::Path;

/// What the file is, in words, when it is a known non-DOCX document.
fn kind_of(head: &[u8], extension: &str) -> Option<&'static str> {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let zip = head.starts_with(b"PK\x03\x04");
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"%PDF-") {
        Some("PDF")
    } else if head.starts_with(OLE2) {
        Some("Word 97–2003 (.doc)")
    } else if head.starts_with(b"{\\rtf") {
        Some("RTF")
    } else if zip && contains(b"application/vnd.oasis.opendocument") {
        Some("OpenDocument (.odt)")
    } else if zip {
        None
    } else {
        match extension {
            "pdf" => Some("PDF"),
            "doc" => Some("Word 97–2003 (.doc)"),
            "odt" => Some("OpenDocument (.odt)"),
            "rtf" => Some("RTF"),
            _ => None,
        }
    }
}

/// `form-unreadable` when `path` is a document of another format; `None`
/// for a DOCX, an unknown file or one that cannot be opened (the reader
/// reports those).
pub fn foreign_format(path: &Path) -> Option<Diagnostic> {
    let mut head = Vec::with_capacity(512);
    let file = std::fs::File::open(path).ok()?;
    file.take(512).read_to_end(&mut head).ok()?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let kind = kind_of(&head, &extension)?;
    Some(Diagnostic::error(
        Code::FormUnreadable,
        Place::file(path),
        Message::new(
            format!(
                "tệp này là {kind}, không phải DOCX: mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx (Word), sau đó chạy lại lệnh"
            ),
            format!(
                "this file is {kind}, not DOCX: open it in Word or LibreOffice and save it again as .docx (Word), then run the command again"
            ),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::kind_of;

    #[test]
    fn other_formats_are_named_and_docx_is_not() {
        assert_eq!(kind_of(b"%PDF-1.7\n", "docx"), Some("PDF"));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
        assert_eq!(kind_of(&ole, "docx"), Some("Word 97–2003 (.doc)"));
        let odt = b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
        assert_eq!(kind_of(odt, "odt"), Some("OpenDocument (.odt)"));
        assert_eq!(kind_of(b"{\\rtf1\\ansi", "doc"), Some("RTF"));
        // A DOCX (a zip without the OpenDocument mimetype) is left to the reader,
        // whatever its name; so is an unknown file named .docx.
        assert_eq!(
            kind_of(b"PK\x03\x04\x14\0\x06\0[Content_Types].xml", "odt"),
            None
        );
        assert_eq!(kind_of(b"hello", "docx"), None);
        assert_eq!(kind_of(b"hello", "odt"), Some("OpenDocument (.odt)"));
    }
}
