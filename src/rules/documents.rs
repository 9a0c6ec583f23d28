//! Document rules (rules.md, "Document rules"): cited references and
//! document numbers.

use crate::cycle::{Cycle, DocNumber, FileId, KINDS, is_placeholder, kind_name};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::vietnamese::date_short;
use std::collections::BTreeMap;

/// The `reference-unknown` diagnostic for a cited key cycle.yaml does not
/// define (also used by templates that cite unknown keys).
pub fn reference_unknown_key(cycle: &Cycle, key: &str, place: Place) -> Diagnostic {
    let known: Vec<&str> = cycle.references.keys().map(String::as_str).collect();
    let known = if known.is_empty() {
        "(không có)".to_string()
    } else {
        known.join(", ")
    };
    Diagnostic::error(
        Code::ReferenceUnknown,
        place,
        Message::new(
            format!(
                "văn bản `{key}` được trích dẫn nhưng không có trong `references` của cycle.yaml (các khóa có: {known})"
            ),
            format!(
                "reference `{key}` is cited but cycle.yaml's `references` does not define it (defined: {known})"
            ),
        ),
    )
}

/// `reference-unknown`: a key the directive cites that is not defined.
pub fn reference_unknown(c: &Cycle) -> Vec<Diagnostic> {
    c.directive
        .cited()
        .into_iter()
        .filter(|(_, key)| !c.references.contains_key(*key))
        .map(|(path, key)| reference_unknown_key(c, key, c.place(&path)))
        .collect()
}

/// How a reference is named in messages: its number, or its key.
fn label(c: &Cycle, key: &str) -> String {
    c.references
        .get(key)
        .and_then(|r| r.number.clone())
        .unwrap_or_else(|| format!("`{key}`"))
}

/// `reference-after-document`: a reference the directive cites is dated
/// after the directive. Reported once per reference, at its date.
pub fn reference_after_document(c: &Cycle) -> Vec<Diagnostic> {
    let mut keys: Vec<&str> = c.directive.cited().into_iter().map(|(_, k)| k).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let date = c.references.get(key)?.date.as_ref()?.get()?;
            (date > c.directive.date).then(|| {
                let name = label(c, key);
                let directive = date_short(c.directive.date);
                Diagnostic::error(
                    Code::ReferenceAfterDocument,
                    c.place(&format!("references.{key}.date")),
                    Message::new(
                        format!(
                            "văn bản {name} ngày {} được công văn trích dẫn nhưng ban hành sau công văn (ngày {directive})",
                            date_short(date)
                        ),
                        format!(
                            "document {name} of {} is cited by the directive but dated after it ({directive})",
                            date_short(date)
                        ),
                    ),
                )
            })
        })
        .collect()
}

/// A parsed number's identity for duplicate checks: kind, body, and the
/// number without leading zeros (`06` and `6` are one number).
type Identity = (String, String, String);

fn identity(number: &DocNumber, kind: Option<&str>) -> Identity {
    let kind = kind
        .map(str::to_string)
        .or_else(|| kind_name(number.kind).map(str::to_string))
        .unwrap_or_else(|| number.kind.to_string());
    let n = number.n.trim_start_matches('0');
    (kind, number.body.to_string(), n.to_string())
}

fn bad_number(c: &Cycle, key: &str, number: &str) -> Option<Diagnostic> {
    let place = c.place(&format!("references.{key}.number"));
    let message = match DocNumber::parse(number) {
        None => Message::new(
            format!(
                "số hiệu `{number}` không đúng dạng <số>-<LOẠI>/<CƠ QUAN> (ví dụ 94-CV/ĐUVP, 21-HD/BTCTW)"
            ),
            format!(
                "number `{number}` is not of the form <n>-<TYPE>/<BODY> (e.g. 94-CV/ĐUVP, 21-HD/BTCTW)"
            ),
        ),
        Some(n) if kind_name(n.kind).is_none() => {
            let known: Vec<&str> = KINDS.iter().map(|(a, _)| *a).collect();
            Message::new(
                format!(
                    "số hiệu `{number}`: viết tắt loại văn bản `{}` không có trong danh mục ({})",
                    n.kind,
                    known.join(", ")
                ),
                format!(
                    "number `{number}`: unknown document type abbreviation `{}` (known: {})",
                    n.kind,
                    known.join(", ")
                ),
            )
        }
        Some(_) => return None,
    };
    Some(Diagnostic::error(Code::DocumentNumber, place, message))
}

/// Who already holds a number, in both languages.
type Holder = (String, String);

fn duplicate(place: Place, number: &str, other: &Holder) -> Diagnostic {
    Diagnostic::error(
        Code::DocumentNumber,
        place,
        Message::new(
            format!(
                "số hiệu `{number}` trùng với {}: hai văn bản cùng loại không thể cùng một số",
                other.0
            ),
            format!(
                "number `{number}` is also used by {}: two documents of one kind cannot share a number",
                other.1
            ),
        ),
    )
}

/// The issuer's own numbers: the directive (CV) and the report (BC), when
/// filled in (a placeholder is `placeholder-left`'s business).
fn own_numbers(c: &Cycle) -> Vec<(String, Holder)> {
    let symbol = &c.issuer.symbol;
    let mut own = Vec::new();
    if let Some(n) = c.directive.number.get() {
        own.push((
            format!("{n}-CV/{symbol}"),
            (
                "công văn của chu kỳ (directive.number)".to_string(),
                "the cycle's directive (directive.number)".to_string(),
            ),
        ));
    }
    if let Some(n) = c.report.as_ref().and_then(|r| r.number.get()) {
        own.push((
            format!("{n}-BC/{symbol}"),
            (
                "báo cáo tổng hợp của chu kỳ (report.number)".to_string(),
                "the cycle's report (report.number)".to_string(),
            ),
        ));
    }
    own
}

/// `document-number`: each reference number of the Party form with a known
/// type; no two references (or a reference and the issuer's own directive
/// or report) of one kind with one number.
pub fn document_number(c: &Cycle) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<Identity, Holder> = BTreeMap::new();
    for (number, holder) in own_numbers(c) {
        match DocNumber::parse(&number) {
            Some(n) => {
                seen.insert(identity(&n, None), holder);
            }
            None => out.push(Diagnostic::error(
                Code::DocumentNumber,
                c.place("issuer.symbol"),
                Message::new(
                    format!(
                        "ký hiệu `{}` không tạo được số hiệu hợp lệ cho {}: `{number}`",
                        c.issuer.symbol, holder.0
                    ),
                    format!(
                        "symbol `{}` does not make a valid number for {}: `{number}`",
                        c.issuer.symbol, holder.1
                    ),
                ),
            )),
        }
    }
    for (key, r) in &c.references {
        let Some(number) = r.number.as_deref() else {
            continue;
        };
        if is_placeholder(number) {
            continue;
        }
        if let Some(d) = bad_number(c, key, number) {
            out.push(d);
            continue;
        }
        let Some(parsed) = DocNumber::parse(number) else {
            continue;
        };
        let id = identity(&parsed, r.kind.as_deref());
        let place = c.place(&format!("references.{key}.number"));
        match seen.get(&id) {
            Some(other) => out.push(duplicate(place, number, other)),
            None => {
                let holder = (format!("văn bản `{key}`"), format!("reference `{key}`"));
                seen.insert(id, holder);
            }
        }
    }
    out
}

/// Longest document subject (trích yếu) that stays readable in the header
/// block; a longer one is almost always a paragraph pasted by mistake.
pub const MAX_SUBJECT_CHARS: usize = 300;

/// Whether `ch` is an emoji or pictograph (the Unicode blocks of emoji,
/// dingbats and miscellaneous symbols, and the emoji variation selector):
/// nothing a Party document prints.
fn is_emoji(ch: char) -> bool {
    matches!(ch as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x231A..=0x231B
        | 0x23E9..=0x23FA | 0xFE0F | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

/// `text-unusual` (warning): a value holding an emoji (in any file of the
/// cycle), or a directive subject longer than [`MAX_SUBJECT_CHARS`].
pub fn text_unusual(c: &Cycle) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let subject = c.directive.subject.chars().count();
    if subject > MAX_SUBJECT_CHARS {
        out.push(Diagnostic::warning(
            Code::TextUnusual,
            c.place("directive.subject"),
            Message::new(
                format!("trích yếu công văn dài {subject} ký tự (quá {MAX_SUBJECT_CHARS}): trích yếu chỉ nêu ngắn gọn nội dung, phần còn lại đưa vào thân công văn"),
                format!("the directive's subject is {subject} characters long (over {MAX_SUBJECT_CHARS}): a subject states the matter briefly; the rest belongs in the body"),
            ),
        ));
    }
    // One file's values at a time (3,000 results files as JSON at once were
    // a build's peak: 57 MB).
    let results = c
        .results
        .values()
        .map(|r| (r.file, serde_json::to_value(r).ok()));
    let votes = c
        .votes
        .iter()
        .map(|v| (v.file, serde_json::to_value(v).ok()));
    let files = std::iter::once((FileId::CYCLE, part_values(c)))
        .chain(results)
        .chain(votes);
    for (file, value) in files {
        let mut strings = Vec::new();
        if let Some(value) = value {
            super::text::strings(&value, "", &mut strings);
        }
        for (path, text) in strings {
            if let Some(emoji) = text.chars().find(|&ch| is_emoji(ch)) {
                out.push(Diagnostic::warning(
                    Code::TextUnusual,
                    c.sources.place(file, &path),
                    Message::new(
                        format!("`{path}` có biểu tượng cảm xúc (emoji) “{emoji}”: văn bản Đảng không dùng ký hiệu này; hãy xóa đi"),
                        format!("`{path}` holds an emoji “{emoji}”: Party documents do not print such symbols; remove it"),
                    ),
                ));
            }
        }
    }
    out
}

/// The parts of cycle.yaml that documents print, as one JSON object keyed
/// by their field names (so the paths are cycle.yaml's).
fn part_values(c: &Cycle) -> Option<serde_json::Value> {
    // Serialising the model's plain data structs cannot fail; if it ever
    // did, the cycle's own values are simply not scanned.
    Some(serde_json::json!({
        "place": serde_json::to_value(&c.place).ok()?,
        "issuer": serde_json::to_value(&c.issuer).ok()?,
        "superior": serde_json::to_value(&c.superior).ok()?,
        "references": serde_json::to_value(&c.references).ok()?,
        "directive": serde_json::to_value(&c.directive).ok()?,
        "branches": serde_json::to_value(&c.branches).ok()?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::Reference;
    use crate::cycle::kind_names;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, d, found, m, reference, res};

    fn numbered(number: Option<&str>) -> Reference {
        Reference {
            number: number.map(str::to_string),
            date: Some(d(2022, 1, 10).into()),
            by: "Ban Thường vụ".to_string(),
            about: None,
            kind: None,
            renew: None,
        }
    }

    #[test]
    fn an_emoji_or_a_long_subject_is_a_warning_at_its_field() {
        let mut c = base();
        assert!(text_unusual(&c).is_empty(), "{:?}", text_unusual(&c));
        c.directive.subject = "kiểm điểm năm 2022 👍".to_string();
        m(&mut c, "a", 1).name = "Nguyễn Văn A ⭐".to_string();
        res(&mut c, "b").collective.strengths = Some("Đoàn kết 💪".to_string());
        let diags = text_unusual(&c);
        assert_eq!(found(&diags), [(Code::TextUnusual, Severity::Warning); 3]);
        let paths: Vec<&str> = diags.iter().map(|d| d.place.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "directive.subject",
                "members[1].name",
                "collective.strengths"
            ]
        );
        assert!(
            diags[1].place.file.ends_with("results/a.yaml"),
            "{:?}",
            diags[1].place
        );
        assert!(
            diags[0].message.vi.contains("👍"),
            "{}",
            diags[0].message.vi
        );

        let mut c = base();
        c.directive.subject = "a".repeat(MAX_SUBJECT_CHARS);
        assert!(text_unusual(&c).is_empty(), "300 characters is allowed");
        // Counted in characters, not bytes: 301 Vietnamese letters.
        c.directive.subject = "ơ".repeat(MAX_SUBJECT_CHARS + 1);
        let diags = text_unusual(&c);
        assert_eq!(found(&diags), [(Code::TextUnusual, Severity::Warning)]);
        assert!(
            diags[0].message.vi.contains("301"),
            "{}",
            diags[0].message.vi
        );
        // Vietnamese letters, dashes and quotes are no emoji.
        assert!("Đảng ủy – “Khối” № 1 ½ ©".chars().all(|ch| !is_emoji(ch)));
    }

    #[test]
    fn kind_names_from_the_format_guide() {
        assert_eq!(kind_name("CV"), Some("Công văn"));
        assert_eq!(kind_name("QĐ"), Some("Quy định"));
        assert_eq!(kind_names("QĐ"), ["Quy định", "Quyết định"]);
        assert_eq!(kind_name("CTr"), Some("Chương trình"));
        assert_eq!(kind_name("ĐA"), Some("Đề án"));
        assert_eq!(kind_name("QyĐ"), None);
        assert_eq!(kind_name("cv"), None);
        assert_eq!(KINDS.len(), 17);
    }

    #[test]
    fn reference_unknown_key_cited() {
        let mut c = base();
        assert!(reference_unknown(&c).is_empty());
        c.directive.linked.push("kh99".to_string());
        let diags = reference_unknown(&c);
        assert_eq!(found(&diags), [(Code::ReferenceUnknown, Severity::Error)]);
        assert_eq!(diags[0].place.path, "directive.linked[0]");
        assert!(diags[0].message.en.contains("`kh99`"));
        let direct = reference_unknown_key(&c, "x", c.place("templates"));
        assert_eq!(direct.code, Code::ReferenceUnknown);
    }

    #[test]
    fn reference_after_document_same_day_is_fine() {
        let mut c = base();
        let date = c.directive.date;
        reference(&mut c, "cv414").date = Some(date.into());
        assert!(reference_after_document(&c).is_empty());
        reference(&mut c, "cv414").date = date.succ_opt().map(Into::into);
        let diags = reference_after_document(&c);
        assert_eq!(
            found(&diags),
            [(Code::ReferenceAfterDocument, Severity::Error)]
        );
        assert_eq!(diags[0].place.path, "references.cv414.date");
        assert!(diags[0].message.vi.contains("15/11/2022"));
    }

    #[test]
    fn reference_after_document_once_per_reference() {
        let mut c = base();
        c.directive.attachments.push("cv414".to_string());
        reference(&mut c, "cv414").date = Some(d(2022, 12, 1).into());
        assert_eq!(reference_after_document(&c).len(), 1);
        // Uncited references may be later (e.g. cited only by the report).
        c.directive.basis.clear();
        c.directive.attachments.clear();
        assert!(reference_after_document(&c).is_empty());
    }

    #[test]
    fn document_number_form_and_type() {
        let mut c = base();
        assert!(document_number(&c).is_empty());
        for bad in ["414/ĐUK", "414-CV ĐUK", "số 414-CV/ĐUK", "414-XY/ĐUK"] {
            c.references.insert("bad".to_string(), numbered(Some(bad)));
            let diags = document_number(&c);
            assert_eq!(
                found(&diags),
                [(Code::DocumentNumber, Severity::Error)],
                "{bad}"
            );
            assert_eq!(diags[0].place.path, "references.bad.number");
        }
        // A plan with no number is fine.
        c.references.insert("bad".to_string(), numbered(None));
        assert!(document_number(&c).is_empty());
    }

    #[test]
    fn document_number_duplicates() {
        let mut c = base();
        c.references
            .insert("again".to_string(), numbered(Some("0414-CV/ĐUK")));
        let diags = document_number(&c);
        assert_eq!(found(&diags), [(Code::DocumentNumber, Severity::Error)]);
        assert!(diags[0].message.en.contains("reference `cv414`"));
        // Another kind or body with the same n is a different document.
        c.references
            .insert("again".to_string(), numbered(Some("414-KH/ĐUK")));
        assert!(document_number(&c).is_empty());
        c.references
            .insert("again".to_string(), numbered(Some("414-CV/TU")));
        assert!(document_number(&c).is_empty());
        // QĐ: a Quyết định and a Quy định do not collide when `kind` says so.
        let mut decision = numbered(Some("132-QĐ/TW"));
        decision.kind = Some("Quyết định".to_string());
        c.references.insert("again".to_string(), decision);
        assert!(document_number(&c).is_empty());
        c.references
            .insert("again".to_string(), numbered(Some("132-QĐ/TW")));
        assert_eq!(document_number(&c).len(), 1);
    }

    #[test]
    fn document_number_collides_with_own_directive() {
        let mut c = base();
        c.references
            .insert("own".to_string(), numbered(Some("94-CV/ĐUVP")));
        let diags = document_number(&c);
        assert_eq!(found(&diags), [(Code::DocumentNumber, Severity::Error)]);
        assert!(diags[0].message.en.contains("directive.number"));
        c.references
            .insert("own".to_string(), numbered(Some("101-BC/ĐUVP")));
        assert!(document_number(&c)[0].message.en.contains("report.number"));
        c.references
            .insert("own".to_string(), numbered(Some("95-CV/ĐUVP")));
        assert!(document_number(&c).is_empty());
    }
}
