//! Party document numbers `<n>-<TYPE>/<BODY>` and the kinds their type
//! abbreviations stand for (Hướng dẫn 36-HD/VPTW).

use super::model::Reference;

/// Type abbreviations of Party documents (Hướng dẫn 36-HD/VPTW) and the
/// kinds they stand for; the first kind is the default reading.
pub const KINDS: &[(&str, &[&str])] = &[
    ("NQ", &["Nghị quyết"]),
    ("QĐ", &["Quy định", "Quyết định"]),
    ("CT", &["Chỉ thị"]),
    ("KL", &["Kết luận"]),
    ("QC", &["Quy chế"]),
    ("HD", &["Hướng dẫn"]),
    ("TT", &["Thông tri"]),
    ("TB", &["Thông báo"]),
    ("BC", &["Báo cáo"]),
    ("KH", &["Kế hoạch"]),
    ("CTr", &["Chương trình"]),
    ("TTr", &["Tờ trình"]),
    ("ĐA", &["Đề án"]),
    ("PA", &["Phương án"]),
    ("CV", &["Công văn"]),
    ("BB", &["Biên bản"]),
    ("BS", &["Bản sao"]),
];

/// Every kind an abbreviation may stand for (`QĐ`: Quy định, Quyết định);
/// empty for an unknown abbreviation.
pub fn kind_names(abbr: &str) -> &'static [&'static str] {
    KINDS
        .iter()
        .find(|(a, _)| *a == abbr)
        .map_or(&[], |(_, kinds)| kinds)
}

/// The kind an abbreviation stands for (`CV` → Công văn); for the
/// ambiguous `QĐ` the default reading, "Quy định" (a reference's `kind`
/// overrides it).
pub fn kind_name(abbr: &str) -> Option<&'static str> {
    kind_names(abbr).first().copied()
}

impl Reference {
    /// The kind to print: the explicit `kind`, else derived from the number.
    pub fn kind_name(&self) -> Option<&str> {
        self.kind.as_deref().or_else(|| {
            let number = DocNumber::parse(self.number.as_deref()?)?;
            kind_name(number.kind)
        })
    }
}

/// A Party document number `<n>-<TYPE>/<BODY>` split in its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber<'a> {
    pub n: &'a str,
    pub kind: &'a str,
    pub body: &'a str,
}

impl<'a> DocNumber<'a> {
    /// Parses `94-CV/ĐUVP`; `None` if it is not of that form.
    pub fn parse(text: &'a str) -> Option<DocNumber<'a>> {
        let (n, rest) = text.split_once('-')?;
        let (kind, body) = rest.split_once('/')?;
        let ok = !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && !kind.is_empty()
            && kind.chars().all(char::is_alphabetic)
            && !body.is_empty()
            && !body.chars().any(char::is_whitespace);
        ok.then_some(DocNumber { n, kind, body })
    }
}
