//! Text rules: `placeholder-left` on the cycle's values, and the rules that
//! read a rendered document's text (`stale-year`, mixed tone marks for
//! `text-not-nfc`).

use crate::cycle::source::line_col;
use crate::cycle::{Cycle, FileId};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use chrono::Datelike;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------
// placeholder-left
// ---------------------------------------------------------------------------

/// Every `[[…]]` placeholder in `text`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start..].find("]]") else {
            break;
        };
        out.push(&rest[start..start + len + 2]);
        rest = &rest[start + len + 2..];
    }
    out
}

/// Every string inside `value`, with its field path under `path`.
pub(super) fn strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                strings(item, &sub, out);
            }
        }
        _ => {}
    }
}

/// The strings of one serializable part of the model. Parts with no `[[`
/// anywhere (nearly all) are skipped after one cheap walk ([`scan`]).
fn part_strings(part: &impl Serialize, path: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !may_hold_placeholder(part) {
        return out;
    }
    // Serialising the model's plain data structs cannot fail; if it ever
    // did, that part simply yields no strings.
    if let Ok(value) = serde_json::to_value(part) {
        strings(&value, path, &mut out);
    }
    out
}

/// Every string value of the cycle, by file, with its field path.
fn cycle_strings(c: &Cycle) -> Vec<(FileId, String, String)> {
    let mut parts = part_strings(&c.place, "place");
    parts.extend(part_strings(&c.options, "rule_options"));
    parts.extend(part_strings(&c.issuer, "issuer"));
    parts.extend(part_strings(&c.superior, "superior"));
    parts.extend(part_strings(&c.references, "references"));
    parts.extend(part_strings(&c.directive, "directive"));
    parts.extend(part_strings(&c.report, "report"));
    parts.extend(part_strings(&c.decision, "decision"));
    parts.extend(part_strings(&c.branches, "branches"));
    let mut out: Vec<_> = parts
        .into_iter()
        .map(|(p, s)| (FileId::CYCLE, p, s))
        .collect();
    for r in c.results.values() {
        out.extend(part_strings(r, "").into_iter().map(|(p, s)| (r.file, p, s)));
    }
    if let Some(v) = &c.votes {
        out.extend(part_strings(v, "").into_iter().map(|(p, s)| (v.file, p, s)));
    }
    out
}

/// A cheap pre-check before the full walk: a part's compact JSON holds `[[`
/// whenever one of its strings does (JSON does not escape `[`), so a part
/// without it holds no placeholder. A false alarm only costs the full walk.
fn may_hold_placeholder(part: &impl Serialize) -> bool {
    serde_json::to_string(part).map_or(true, |json| json.contains("[["))
}

/// What to write in place of a placeholder, by the kind of field.
fn fill_hint(path: &str) -> (&'static str, &'static str) {
    let field = path.rsplit('.').next().unwrap_or(path);
    match field {
        "date" => (" (một ngày dạng NNNN-TT-NN)", " (a date, YYYY-MM-DD)"),
        "number" if path.starts_with("references.") => (
            " (số hiệu, ví dụ 415-CV/ĐUK)",
            " (a number, e.g. 415-CV/ĐUK)",
        ),
        "number" => (" (một số nguyên, ví dụ 94)", " (a whole number, e.g. 94)"),
        _ => ("", ""),
    }
}

/// `placeholder-left`: a value still holding a `[[…]]` placeholder (as
/// `new-cycle` writes them): text fields, and the typed fields that may
/// hold one (`directive.number`, `report.number`, a reference's `date`).
/// One diagnostic per value, naming the field to fill.
pub fn placeholder_left(c: &Cycle) -> Vec<Diagnostic> {
    cycle_strings(c)
        .into_iter()
        .filter_map(|(file, path, text)| {
            let found = placeholders(&text);
            if found.is_empty() {
                return None;
            }
            let list = found.join(", ");
            let (vi, en) = fill_hint(&path);
            Some(Diagnostic::error(
                Code::PlaceholderLeft,
                c.sources.place(file, &path),
                Message::new(
                    format!("`{path}` còn để giữ chỗ {list}: cần điền{vi} trước khi ban hành (hoặc dùng `build --draft` để in dự thảo)"),
                    format!("`{path}` is still a placeholder {list}: fill it in{en} before issuing (or use `build --draft` for a draft)"),
                ),
            ))
        })
        .collect()
}

/// In a draft (`build --draft`), a placeholder left is expected: its
/// `placeholder-left` errors become warnings. Other errors stay errors.
pub fn allow_placeholders(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        if d.code == Code::PlaceholderLeft && d.is_error() {
            d.severity = crate::diagnostic::Severity::Warning;
        }
    }
}

// ---------------------------------------------------------------------------
// stale-year
// ---------------------------------------------------------------------------

/// Years a document of this cycle may mention: the cycle's year and the one
/// before, the year of every reference's date, and the year of every date
/// the cycle itself sets (schedule, directive, report, meetings, vote).
pub fn allowed_years(c: &Cycle) -> BTreeSet<i32> {
    let mut years: BTreeSet<i32> = [c.year, c.year - 1].into();
    years.extend(
        c.references
            .values()
            .filter_map(|r| r.date.as_ref()?.get())
            .map(|d| d.year()),
    );
    let mut dates = vec![
        c.directive.date,
        c.schedule.branch_report_due,
        c.schedule.issuer_report_due,
    ];
    dates.extend(c.schedule.year_end_summary);
    dates.extend(c.report.as_ref().map(|r| r.date));
    dates.extend(c.decision.as_ref().and_then(|d| d.date));
    dates.extend(c.results.values().map(|r| r.meeting.date));
    dates.extend(c.vote_call.as_ref().map(|v| v.date));
    // A self-review form prints its member's date of birth.
    let born = c.branches.iter().flat_map(|b| &b.roster);
    dates.extend(born.filter_map(|e| e.born));
    years.extend(dates.iter().map(Datelike::year));
    // The vote-count minutes cite the confidence-vote regulation in force.
    if c.vote_call.is_some() {
        let vote =
            crate::domain::regulations::in_force(crate::domain::regulations::Role::Vote, c.year);
        years.extend(vote.map(|r| r.date.0));
    }
    // The decision on the ratings cites the rule set's regulation and guide.
    let set = crate::domain::regulations::of_set(c.rules);
    years.extend(set.into_iter().flatten().map(|r| r.date.0));
    years
}

/// Whole 4-digit tokens that read as years 1900–2099, with their byte
/// offsets. A token followed by `-` and a capital letter is a document
/// number (`1998-QĐ/TW`), not a year.
pub fn year_tokens(text: &str) -> Vec<(usize, i32)> {
    // Digits are ASCII, so the scan walks bytes (never inside a character)
    // and looks at the characters around each run of digits.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = text[..start].chars().next_back();
        let mut rest = text[i..].chars();
        let (after, after2) = (rest.next(), rest.next());
        let glued = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        let doc_number = after == Some('-') && after2.is_some_and(char::is_uppercase);
        if i - start != 4 || glued(before) || glued(after) || doc_number {
            continue;
        }
        if whole_table_cell(text, start, 4) {
            continue;
        }
        if let Ok(year @ 1900..=2099) = text[start..i].parse::<i32>() {
            out.push((start, year));
        }
    }
    out
}

/// A table cell holding only this number is a count (votes, members), not
/// a year: `| 2099 |`.
fn whole_table_cell(text: &str, offset: usize, len: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let before = text[line_start..offset].trim_end_matches([' ', '*']);
    let after = text[offset + len..line_end].trim_start_matches([' ', '*']);
    text[line_start..].starts_with('|') && before.ends_with('|') && after.starts_with('|')
}

/// About 30 characters either side of `offset`, on one line.
fn excerpt(text: &str, offset: usize, len: usize) -> String {
    let start = text[..offset]
        .char_indices()
        .rev()
        .nth(29)
        .map_or(0, |(i, _)| i);
    let end_from = (offset + len).min(text.len());
    let end = text[end_from..]
        .char_indices()
        .nth(30)
        .map_or(text.len(), |(i, _)| end_from + i);
    let mut s: String = text[start..end]
        .chars()
        .map(|ch| if ch.is_whitespace() { ' ' } else { ch })
        .collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < text.len() {
        s.push('…');
    }
    s
}

fn text_place(document: &Path, text: &str, offset: usize) -> Place {
    let (line, column) = line_col(text, offset);
    Place {
        file: document.to_path_buf(),
        line: Some(line),
        column: Some(column),
        path: String::new(),
    }
}

/// `stale-year`: a year in a rendered document that is not the cycle's,
/// the year before, or one of a reference or cycle date.
pub fn stale_year(c: &Cycle, document: &Path, text: &str) -> Vec<Diagnostic> {
    stale_year_in(c, &allowed_years(c), document, text)
}

/// [`stale_year`] with the cycle's [`allowed_years`] worked out beforehand
/// (once per build, not once per document).
pub fn stale_year_in(
    c: &Cycle,
    allowed: &BTreeSet<i32>,
    document: &Path,
    text: &str,
) -> Vec<Diagnostic> {
    year_tokens(text)
        .into_iter()
        .filter(|(_, year)| !allowed.contains(year))
        .map(|(offset, year)| {
            let quote = excerpt(text, offset, 4);
            Diagnostic::warning(
                Code::StaleYear,
                text_place(document, text, offset),
                Message::new(
                    format!(
                        "văn bản nhắc đến năm {year}, không phải năm {} hay {} của chu kỳ, cũng không phải năm của văn bản được trích dẫn: \"{quote}\"",
                        c.year,
                        c.year - 1
                    ),
                    format!(
                        "the text mentions {year}, neither the cycle's year {} or {} nor the year of a cited document: \"{quote}\"",
                        c.year,
                        c.year - 1
                    ),
                ),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------
// text-not-nfc: mixed tone-mark placement
// ---------------------------------------------------------------------------

/// Where a syllable ending in `oa`, `oe` or `uy` carries its tone mark:
/// the old style on the first vowel (hóa, thủy), the new on the second
/// (hoá, thuỷ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TonePlacement {
    Old,
    New,
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A word (lower case) without its tone mark, the tone, and the index of
/// the letter carrying it.
fn strip_tone(word: &str) -> (Vec<char>, Option<(char, usize)>) {
    let mut letters = Vec::new();
    let mut tone = None;
    for (i, ch) in word.chars().flat_map(char::to_lowercase).enumerate() {
        let decomposed: String = ch.to_string().nfd().collect();
        let kept: String = decomposed
            .chars()
            .filter(|m| {
                let is_tone = TONE_MARKS.contains(m);
                if is_tone {
                    tone = Some((*m, i));
                }
                !is_tone
            })
            .nfc()
            .collect();
        letters.extend(kept.chars());
    }
    (letters, tone)
}

/// The toneless syllable, its tone, and the placement, when `word` is a
/// syllable ending in `oa`/`oe`/`uy` with the tone on one of those vowels.
pub fn tone_placement(word: &str) -> Option<(String, char, TonePlacement)> {
    match may_end_in_pair(word) {
        true => full_tone_placement(word),
        false => None,
    }
}

fn full_tone_placement(word: &str) -> Option<(String, char, TonePlacement)> {
    let (letters, (tone, at)) = match strip_tone(word) {
        (letters, Some(t)) => (letters, t),
        _ => return None,
    };
    let n = letters.len();
    let tail = letters.get(n.checked_sub(2)?..)?;
    let pair_ok = matches!(tail, ['o', 'a'] | ['o', 'e'] | ['u', 'y']);
    // In "quy" the u belongs to the consonant "qu": the tone is always on y.
    let qu = tail == ['u', 'y'] && n >= 3 && letters[n - 3] == 'q';
    if !pair_ok || qu {
        return None;
    }
    let placement = match at.checked_add(2) {
        Some(p) if p == n => TonePlacement::Old,
        Some(p) if p == n + 1 => TonePlacement::New,
        _ => return None,
    };
    Some((letters.into_iter().collect(), tone, placement))
}

/// A cheap first look for [`tone_placement`] (which decomposes every
/// letter): false only when `word` cannot end in `oa`/`oe`/`uy`, toned or
/// not. Words with combining marks always go to the full check.
fn may_end_in_pair(word: &str) -> bool {
    // The pair ends in a, e or y: a word ending in another ASCII letter
    // cannot end in it, whatever marks stand before (most words).
    if let Some(last) = word.bytes().last()
        && last.is_ascii()
        && !matches!(last.to_ascii_lowercase(), b'a' | b'e' | b'y')
    {
        return false;
    }
    if word.chars().any(|ch| ('\u{300}'..='\u{36f}').contains(&ch)) {
        return true;
    }
    let lower = |ch: char| ch.to_lowercase().next().unwrap_or(ch);
    let mut rev = word.chars().rev().map(lower);
    let (Some(last), Some(before)) = (rev.next(), rev.next()) else {
        return false;
    };
    "oóòỏõọuúùủũụ".contains(before) && "aáàảãạeéèẻẽẹyýỳỷỹỵ".contains(last)
}

/// `char::is_alphabetic`, answered without the Unicode table lookup for
/// the Latin blocks Vietnamese is written in (every letter of a document).
fn is_letter(ch: char) -> bool {
    match ch {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{ff}' => ch != '\u{d7}' && ch != '\u{f7}',
        '\u{100}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => ch.is_alphabetic(),
    }
}

/// Words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|ch: char| !is_letter(ch) && !TONE_MARKS.contains(&ch))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The first spelling (and its offset) of one syllable in each placement.
type Spellings<'a> = BTreeMap<TonePlacement, (usize, &'a str)>;

/// `text-not-nfc` (mixed tone marks): one syllable written with both the
/// old and the new tone placement in one document ("hóa" beside "hoá").
pub fn text_not_nfc(document: &Path, text: &str) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(String, char), Spellings> = BTreeMap::new();
    for (offset, word) in words(text) {
        if let Some((base, tone, placement)) = tone_placement(word) {
            seen.entry((base, tone))
                .or_default()
                .entry(placement)
                .or_insert((offset, word));
        }
    }
    seen.values()
        .filter_map(|forms| {
            let (_, old) = forms.get(&TonePlacement::Old)?;
            let (_, new) = forms.get(&TonePlacement::New)?;
            let at = forms.values().map(|(o, _)| *o).max().unwrap_or(0);
            Some(Diagnostic::warning(
                Code::TextNotNfc,
                text_place(document, text, at),
                Message::new(
                    format!("văn bản dùng lẫn hai cách bỏ dấu thanh: \"{old}\" (kiểu cũ) và \"{new}\" (kiểu mới); nên thống nhất một cách"),
                    format!("the text mixes two tone-mark placements: \"{old}\" (old style) and \"{new}\" (new style); use one"),
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, found, reference, res};

    fn doc() -> &'static Path {
        Path::new("out/cong-van.md")
    }

    #[test]
    fn placeholders_found() {
        assert_eq!(placeholders("số [[số công văn]]-CV"), ["[[số công văn]]"]);
        assert_eq!(placeholders("[[a]] và [[b]]"), ["[[a]]", "[[b]]"]);
        assert!(placeholders("[[chưa đóng").is_empty());
        assert!(placeholders("[a] ]]").is_empty());
    }

    #[test]
    fn placeholder_left_in_cycle_and_results() {
        let mut c = base();
        assert!(placeholder_left(&c).is_empty());
        reference(&mut c, "cv414").number = Some("[[số công văn]]".into());
        res(&mut c, "b").collective.strengths = Some("[[ưu điểm]]".into());
        let diags = placeholder_left(&c);
        assert_eq!(
            found(&diags),
            [
                (Code::PlaceholderLeft, Severity::Error),
                (Code::PlaceholderLeft, Severity::Error)
            ]
        );
        assert_eq!(diags[0].place.path, "references.cv414.number");
        assert!(diags[0].place.file.ends_with("cycle.yaml"));
        assert!(diags[0].message.vi.contains("[[số công văn]]"));
        assert_eq!(diags[1].place.path, "collective.strengths");
        assert!(diags[1].place.file.ends_with("results/b.yaml"));
    }

    #[test]
    fn placeholder_left_in_typed_fields() {
        use crate::cycle::Fill;
        let mut c = base();
        c.directive.number = Fill::Placeholder("[[số công văn]]".into());
        reference(&mut c, "cv414").date = Some(Fill::Placeholder("[[…/…/2023]]".into()));
        if let Some(r) = c.report.as_mut() {
            r.number = Fill::Placeholder("[[số báo cáo]]".into());
        }
        let mut diags = placeholder_left(&c);
        let paths: Vec<&str> = diags.iter().map(|d| d.place.path.as_str()).collect();
        assert_eq!(
            paths,
            ["references.cv414.date", "directive.number", "report.number"]
        );
        assert!(diags[0].message.vi.contains("NNNN-TT-NN"));
        assert!(diags[1].message.vi.contains("`directive.number`"));
        // In a draft they are warnings; other codes are left alone.
        diags.push(Diagnostic::error(
            Code::StaleYear,
            Place::default(),
            Message::new("x", "x"),
        ));
        allow_placeholders(&mut diags);
        let severities: Vec<Severity> = diags.iter().map(|d| d.severity).collect();
        assert_eq!(
            severities,
            [
                Severity::Warning,
                Severity::Warning,
                Severity::Warning,
                Severity::Error
            ]
        );
    }

    #[test]
    fn placeholder_left_in_lists() {
        let mut c = base();
        c.directive.copies.push("[[nơi nhận]]".into());
        let diags = placeholder_left(&c);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].place.path, "directive.copies[0]");
    }

    #[test]
    fn year_tokens_are_whole_tokens() {
        let years = |t: &str| -> Vec<i32> { year_tokens(t).into_iter().map(|(_, y)| y).collect() };
        assert_eq!(
            years("năm 2021, ngày 12/11/2021 (2021)"),
            [2021, 2021, 2021]
        );
        assert_eq!(years("2022-11-12"), [2022]);
        assert!(years("12021 20215 x2021 2021a 1899 2100 1126-CV/ĐUK 2019-QĐ/TW").is_empty());
        assert_eq!(years("Số 1999"), [1999]);
        // A count alone in a table cell is not a year; a date in a cell is.
        assert!(years("| Nguyễn Văn A | 2099 | **2050** |").is_empty());
        assert_eq!(years("| 12/12/2021 | x |"), [2021]);
    }

    #[test]
    fn stale_year_allows_cycle_previous_and_reference_years() {
        let c = base();
        let text = "năm 2022 so với năm 2021; Quy định 132-QĐ/TW ngày 08/3/2018";
        assert!(stale_year(&c, doc(), text).is_empty());
    }

    #[test]
    fn stale_year_warns_with_excerpt_and_place() {
        let c = base();
        let text = "Kính gửi\nkiểm điểm năm 2020 của chi bộ";
        let diags = stale_year(&c, doc(), text);
        assert_eq!(found(&diags), [(Code::StaleYear, Severity::Warning)]);
        assert_eq!(diags[0].place.file, doc());
        assert_eq!(
            (diags[0].place.line, diags[0].place.column),
            (Some(2), Some(15))
        );
        assert!(diags[0].message.vi.contains("năm 2020"));
        assert!(
            diags[0]
                .message
                .vi
                .contains("\"Kính gửi kiểm điểm năm 2020 của chi bộ\"")
        );
        // The year after the cycle is not allowed either.
        assert_eq!(stale_year(&c, doc(), "năm 2023").len(), 1);
    }

    #[test]
    fn tone_placement_generic() {
        let p = |w: &str| tone_placement(w).map(|(_, _, p)| p);
        assert_eq!(p("hóa"), Some(TonePlacement::Old));
        assert_eq!(p("hoá"), Some(TonePlacement::New));
        assert_eq!(p("Thủy"), Some(TonePlacement::Old));
        assert_eq!(p("thuỷ"), Some(TonePlacement::New));
        assert_eq!(p("ủy"), Some(TonePlacement::Old));
        assert_eq!(p("uỷ"), Some(TonePlacement::New));
        assert_eq!(p("khỏe"), Some(TonePlacement::Old));
        assert_eq!(p("khoẻ"), Some(TonePlacement::New));
        // No ambiguity: final consonant, "qu", no tone, other vowels.
        for w in ["hoàng", "quý", "hoa", "thuế", "của", "người"] {
            assert_eq!(p(w), None, "{w}");
        }
    }

    #[test]
    fn the_first_look_never_skips_a_syllable_the_full_check_finds() {
        let text = "hóa hoá hòa hoà Thủy thuỷ ỦY UỶ khỏe khoẻ HÓA HOÁ xòe xoè thúy thuý \
                    quý quỳ hoàng hoa của người Nguyễn Huỳnh Hoà Thụy Khoa khóa khoá \
                    ho\u{301}a hoa\u{300} thu\u{309}y";
        for (_, word) in words(text) {
            if full_tone_placement(word).is_some() {
                assert!(may_end_in_pair(word), "{word}");
            }
            assert_eq!(tone_placement(word), full_tone_placement(word), "{word}");
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for ch in ('\0'..='\u{2000}').chain('\u{1e00}'..='\u{1f00}') {
            assert_eq!(is_letter(ch), ch.is_alphabetic(), "U+{:04X}", ch as u32);
        }
    }

    #[test]
    fn text_not_nfc_mixed_tone_marks() {
        assert!(text_not_nfc(doc(), "hóa và hòa, Ủy ban; thủy").is_empty());
        assert!(text_not_nfc(doc(), "hoá và hoà, Uỷ ban").is_empty());
        let diags = text_not_nfc(doc(), "tự chuyển hóa\nvăn hoá và hòa");
        assert_eq!(found(&diags), [(Code::TextNotNfc, Severity::Warning)]);
        assert!(diags[0].message.vi.contains("\"hóa\""));
        assert!(diags[0].message.vi.contains("\"hoá\""));
        assert_eq!(diags[0].place.line, Some(2));
        // Different tones are different syllables: hòa (huyền) vs hoá (sắc).
        assert!(text_not_nfc(doc(), "hòa hoá").is_empty());
        let two = text_not_nfc(doc(), "Ủy ban, uỷ viên, thủy lợi, thuỷ sản");
        assert_eq!(two.len(), 2);
    }

    #[test]
    fn check_text_runs_both() {
        let c = base();
        // 2016: no date of the cycle, its references or the regulations it cites.
        let diags = crate::rules::check_text(&c, doc(), "năm 2016: hóa, hoá");
        let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::StaleYear, Code::TextNotNfc]);
    }
}
