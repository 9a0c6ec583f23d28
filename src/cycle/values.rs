//! Values as clerks write them (cycle-format.md), read in one place for every
//! input: YAML files, filled forms and roster spreadsheets.
//!
//! - whole numbers with leading zeros: `07` is 7;
//! - dates day first: ISO `2024-11-08`, `08/11/2024`, `8/11/2024` (also
//!   `8-11-2024`, `8.11.2024`, `ngày 8 tháng 11 năm 2024`); a form may leave
//!   the year out or write it with two digits, in the form's year;
//! - ratings as the code in any case (`httnv`) or the full words in any case
//!   and with the tone mark on either vowel ("Hoàn thành tốt nhiệm vụ").

use crate::cycle::{Group, Rating};
use chrono::NaiveDate;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use std::fmt;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The five Vietnamese tone marks, as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Text as compared: NFC, white space folded, lower case, trailing `:`/`.`
/// dropped, and each word's tone mark moved to the end of the word, so that
/// `hoà`/`hòa` and `thuỷ`/`thủy` compare equal.
pub fn key(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches([':', '.']);
    let words: Vec<String> = trimmed.split_whitespace().map(word_key).collect();
    words.join(" ")
}

fn word_key(word: &str) -> String {
    let (bare, tone) = without_tone(word);
    let mut out = bare.to_lowercase();
    out.extend(tone);
    out
}

/// `text` (NFC) without its tone marks (other marks kept), and the last
/// tone mark it had, as a combining character.
pub fn without_tone(text: &str) -> (String, Option<char>) {
    let mut tone = None;
    let bare = text
        .nfd()
        .filter(|c| match TONES.contains(c) {
            true => {
                tone = Some(*c);
                false
            }
            false => true,
        })
        .nfc()
        .collect();
    (bare, tone)
}

/// A whole number as written: digits only, leading zeros allowed (`07` is
/// 7), blanks around it ignored. `None` for anything else or above `u32`.
pub fn parse_int(text: &str) -> Option<u32> {
    let digits = text.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    match digits.is_empty() {
        true => Some(0),
        false => digits.parse().ok(),
    }
}

/// A date, day first. `year` is the year a form is about: with it, the
/// year may be left out (`12/12`) or written with two digits (`12/12/24`).
/// Without it (YAML, rosters) the year must have four digits.
pub fn parse_date(text: &str, year: Option<i32>) -> Option<NaiveDate> {
    let mut rest = text.nfc().collect::<String>().to_lowercase();
    for word in ["ngày", "tháng", "năm"] {
        rest = rest.replace(word, " ");
    }
    let parts: Vec<&str> = rest
        .split(|c: char| matches!(c, '/' | '-' | '.' | ',') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if parts
        .iter()
        .any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
    {
        return None;
    }
    let n: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match (parts.as_slice(), n.as_slice(), year) {
        ([first, ..], [y, m, d], _) if first.len() == 4 => (*y, *m, *d),
        ([.., last], [d, m, y], _) if last.len() == 4 => (*y, *m, *d),
        ([.., last], [d, m, y], Some(_)) if last.len() == 2 => (2000 + *y, *m, *d),
        (_, [d, m], Some(year)) => (year, *m, *d),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// A rating: the code in any case (`HTTNV`, `httnv`) or the full words in
/// any case and tone placement ("Hoàn thành tốt nhiệm vụ").
pub fn parse_rating(text: &str) -> Option<Rating> {
    // Most values are the code as the forms print it: no key needed.
    if let Some(r) = Rating::ALL.into_iter().find(|r| r.code() == text) {
        return Some(r);
    }
    static KEYS: LazyLock<[(Rating, String, String); 4]> =
        LazyLock::new(|| Rating::ALL.map(|r| (r, key(r.code()), key(r.full_name()))));
    let k = key(text);
    KEYS.iter()
        .find(|(_, code, words)| k == *code || k == *words)
        .map(|(r, ..)| *r)
}

/// A roster `group`: its slug (`lanh-dao`) or the words ("Lãnh đạo, quản
/// lý"), any case; empty is an ordinary member.
pub fn parse_group(text: &str) -> Option<Group> {
    let k = key(text);
    if k.is_empty() {
        return Some(Group::DangVien);
    }
    static KEYS: LazyLock<[(Group, String); 3]> =
        LazyLock::new(|| Group::ALL.map(|g| (g, key(g.words()))));
    KEYS.iter()
        .find(|(g, words)| k == g.id() || k == *words)
        .map(|(g, _)| *g)
}

/// An ASCII slug of a Vietnamese name, for ids and file names: marks
/// dropped, `đ` → `d`, lower case, every other run of characters → `-`
/// (`Chi bộ Tổng hợp` → `chi-bo-tong-hop`). Empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            _ => '-',
        };
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// What a whole-number field takes, in serde's "expected" wording
/// (translated by the YAML error layer).
pub const EXPECTED_COUNT: &str = "a whole number";

/// What a rating field takes, in serde's "expected" wording.
pub const EXPECTED_RATING: &str = "a rating";

/// What a rating field takes, for serde's "unknown variant" message.
const RATING_CODES: &[&str] = &["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

/// Reads a whole number from a YAML scalar: a plain number, or a string of
/// digits with leading zeros (YAML reads `07` as a string). A decimal such
/// as `7.0` is refused as one.
struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED_COUNT)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        Err(E::invalid_value(Unexpected::Float(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        parse_int(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// `#[serde(deserialize_with = "count")]` on a `u32` field.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    d.deserialize_any(CountVisitor)
}

/// `#[serde(default, deserialize_with = "opt_count")]` on an `Option<u32>`
/// field: a missing field stays `None` through `default`, and so does an
/// explicit `~`.
pub fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct OptCount;
    impl<'de> Visitor<'de> for OptCount {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(EXPECTED_COUNT)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u32>, D::Error> {
            count(d).map(Some)
        }
    }
    d.deserialize_option(OptCount)
}

impl<'de> serde::Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RatingVisitor;
        impl Visitor<'_> for RatingVisitor {
            type Value = Rating;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED_RATING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Rating, E> {
                parse_rating(v).ok_or_else(|| E::unknown_variant(v, RATING_CODES))
            }
        }
        d.deserialize_str(RatingVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_with_leading_zeros() {
        assert_eq!(parse_int("07"), Some(7));
        assert_eq!(parse_int(" 94 "), Some(94));
        assert_eq!(parse_int("000"), Some(0));
        assert_eq!(parse_int("0004294967295"), Some(u32::MAX));
        for bad in ["", "7.0", "-1", "+7", "7a", "4294967296", "٧"] {
            assert_eq!(parse_int(bad), None, "{bad}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct Counts {
        #[serde(deserialize_with = "count")]
        n: u32,
        #[serde(default, deserialize_with = "opt_count")]
        m: Option<u32>,
    }

    #[test]
    fn counts_from_yaml_scalars() {
        let read = |y: &str| yaml_serde::from_str::<Counts>(y).map(|c| (c.n, c.m));
        assert_eq!(read("n: 07\nm: 012").ok(), Some((7, Some(12))));
        assert_eq!(read("n: 7\nm: ~").ok(), Some((7, None)));
        assert_eq!(read("n: '0'").ok(), Some((0, None)));
        for bad in ["n: 7.0", "n: -1", "n: hai", "n: 7\nm: 1.5"] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_day_first_or_iso() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 8);
        for text in [
            "2024-11-08",
            "08/11/2024",
            "8/11/2024",
            "8-11-2024",
            "08.11.2024",
            " ngày 8 tháng 11 năm 2024 ",
            "Ngày 08/11/2024",
        ] {
            assert_eq!(parse_date(text, None), d, "{text}");
        }
        // Day first always: 02/04 is the 2nd of April.
        assert_eq!(
            parse_date("02/04/1979", None),
            NaiveDate::from_ymd_opt(1979, 4, 2)
        );
        // Only a form's year context allows a short or missing year.
        for short in ["8/11", "8/11/24"] {
            assert_eq!(parse_date(short, None), None, "{short}");
            assert_eq!(parse_date(short, Some(2024)), d, "{short}");
        }
        for bad in [
            "31/02/2024",
            "2024/13/01",
            "hôm qua",
            "12",
            "12/12/2024 lúc 8 giờ",
            "99999999/1/1",
            "2024-11-08T00:00",
        ] {
            assert_eq!(parse_date(bad, Some(2024)), None, "{bad}");
        }
    }

    #[test]
    fn ratings_by_code_or_words_any_case_and_tone_placement() {
        for text in [
            "HTTNV",
            "httnv",
            "Hoàn thành tốt nhiệm vụ",
            "HOÀN THÀNH TỐT NHIỆM VỤ",
            "hoàn  thành tốt nhiệm vụ.",
            // Decomposed marks, and the tone mark on the other vowel (hòan).
            "Hoa\u{300}n tha\u{300}nh tốt nhiệm vụ",
            "Hòan thành tốt nhiệm vụ",
        ] {
            assert_eq!(parse_rating(text), Some(Rating::Httnv), "{text}");
        }
        assert_eq!(
            parse_rating("hoàn thành xuất sắc nhiệm vụ"),
            Some(Rating::Htxsnv)
        );
        assert_eq!(parse_rating("khtnv"), Some(Rating::Khtnv));
        for bad in ["Tốt", "HTT", "Hoàn thành tốt", "Hoan thanh tot nhiem vu"] {
            assert_eq!(parse_rating(bad), None, "{bad}");
        }
    }

    #[test]
    fn groups_by_slug_or_words() {
        assert_eq!(parse_group(""), Some(Group::DangVien));
        assert_eq!(parse_group("lanh-dao"), Some(Group::LanhDao));
        assert_eq!(parse_group("lãnh đạo, quản lý"), Some(Group::LanhDao));
        assert_eq!(
            parse_group("Ngoài hệ thống chính trị"),
            Some(Group::NgoaiHeThong)
        );
        assert_eq!(parse_group("cán bộ"), None);
    }

    #[test]
    fn ascii_slugs() {
        assert_eq!(slug("Chi bộ Tổng hợp"), "chi-bo-tong-hop");
        assert_eq!(slug("  Đảng ủy -- Khối 2 "), "dang-uy-khoi-2");
        assert_eq!(slug("Nguyễn Thị Thu Trang"), "nguyen-thi-thu-trang");
        assert_eq!(slug("—"), "");
    }

    #[test]
    fn tone_placement_is_ignored_in_keys() {
        assert_eq!(key("Thuỷ"), key("thủy"));
        assert_eq!(key("Hoà Bình"), key("hòa bình"));
        assert_ne!(key("Họ"), key("Hổ"));
        assert_eq!(key("Họ và tên:"), key("họ và tên"));
    }
}
