//! People's names as compared with a roster (rules.md `roster-name`): one
//! folding for every input (results files, filled forms), and the closest
//! roster name for an error message.
//!
//! It lives in `cycle` rather than `domain` because the loader needs it:
//! a results file's names take the roster's spelling when the model is
//! built (`convert`), and `cycle` imports nothing above it.

use super::values::without_tone;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// A name as compared: NFC, white space folded to single spaces, lower
/// case, and the tone mark of a syllable ending in `oa`, `oe` or `uy` on
/// its last vowel, so that `Hòa`/`Hoà`, `Thúy`/`Thuý`, `ỦY`/`uỷ` fold alike.
/// Any other difference (another tone, another letter) is kept.
pub fn fold(name: &str) -> String {
    let words: Vec<String> = name.split_whitespace().map(fold_word).collect();
    words.join(" ")
}

fn fold_word(word: &str) -> String {
    let mut letters: Vec<char> = word.nfc().flat_map(char::to_lowercase).collect();
    if let [.., first, second] = letters.as_mut_slice() {
        let (base1, tone1) = split_tone(*first);
        let (base2, tone2) = split_tone(*second);
        let pair = matches!((base1, base2), ('o', 'a') | ('o', 'e') | ('u', 'y'));
        if let (true, Some(tone), None) = (pair, tone1, tone2) {
            *first = base1;
            *second = with_tone(base2, tone);
        }
    }
    letters.into_iter().collect()
}

/// A letter without its tone mark (other marks kept), and the tone.
fn split_tone(letter: char) -> (char, Option<char>) {
    let (bare, tone) = without_tone(letter.encode_utf8(&mut [0; 4]));
    let mut chars = bare.chars();
    match (chars.next(), chars.next()) {
        (Some(base), None) => (base, tone),
        // Not one letter once composed (cannot happen for Vietnamese
        // letters): left as it was.
        _ => (letter, None),
    }
}

/// `base` with the combining `tone`, composed.
fn with_tone(base: char, tone: char) -> char {
    let composed: String = [base, tone].into_iter().nfc().collect();
    let mut chars = composed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c,
        _ => base,
    }
}

/// A name without any mark and with `đ` as `d`, folded: what is left when
/// a name is typed without diacritics (`Nguyen Thi Thuy`).
fn bare(name: &str) -> String {
    fold(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Edit distance (insertions, deletions, substitutions) between two
/// strings, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The roster name nearest `name`: fewest edits once both are stripped of
/// their marks, then fewest edits of the folded names; the first of equals.
/// `None` for an empty roster.
pub fn closest<'a>(name: &str, roster: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let (folded, stripped) = (fold(name), bare(name));
    roster
        .into_iter()
        .enumerate()
        .min_by_key(|(i, candidate)| {
            (
                distance(&stripped, &bare(candidate)),
                distance(&folded, &fold(candidate)),
                *i,
            )
        })
        .map(|(_, candidate)| candidate)
}

/// How a name stands against a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnRoster<'a> {
    /// Written exactly as on the roster.
    Exact,
    /// Equal once folded: the roster's spelling.
    Folded(&'a str),
    /// Not on the roster; the closest roster name.
    Unknown(Option<&'a str>),
}

/// A branch's roster names, by their folded form.
#[derive(Debug, Clone, Default)]
pub struct Roster<'a> {
    names: Vec<&'a str>,
    /// Folded name → the roster's spelling; `None` when two different
    /// spellings fold alike (then neither is chosen for a third).
    folded: HashMap<String, Option<&'a str>>,
}

impl<'a> Roster<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut roster = Roster::default();
        for name in names {
            roster.names.push(name);
            roster
                .folded
                .entry(fold(name))
                .and_modify(|seen| {
                    if *seen != Some(name) {
                        *seen = None;
                    }
                })
                .or_insert(Some(name));
        }
        roster
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// `name` against the roster.
    pub fn find(&self, name: &str) -> OnRoster<'a> {
        if self.names.contains(&name) {
            return OnRoster::Exact;
        }
        match self.folded.get(&fold(name)) {
            Some(Some(spelling)) => OnRoster::Folded(spelling),
            _ => OnRoster::Unknown(closest(name, self.names.iter().copied())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_and_case_fold_alike() {
        let pairs = [
            ("Thái Văn Hòa", "Thái Văn Hoà"),
            ("Thúy", "Thuý"),
            ("Thùy", "Thuỳ"),
            ("Thủy", "Thuỷ"),
            ("Thũy", "Thuỹ"),
            ("Thụy", "Thuỵ"),
            ("Hóa", "Hoá"),
            ("Khỏa", "Khoả"),
            ("Xõa", "Xoã"),
            ("Họa", "Hoạ"),
            ("Khòe", "Khoè"),
            ("Khỏe", "Khoẻ"),
            ("NGUYỄN THỊ THÚY", "Nguyễn Thị Thuý"),
            ("HOÀ", "hòa"),
            ("Chi ủy viên", "CHI UỶ VIÊN"),
            ("  Lê   Thị\tHoài ", "Lê Thị Hoài"),
            // Decomposed input folds as composed.
            ("Thu\u{79}\u{301}", "Thúy"),
        ];
        for (a, b) in pairs {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_eq!(fold("Thúy"), "thuý");
    }

    #[test]
    fn other_differences_are_kept() {
        for (a, b) in [
            ("Thúy", "Thùy"),
            ("Thúy", "Thuy"),
            ("Hòa", "Hoa"),
            ("Hòa", "Hà"),
            ("Đức", "Dức"),
            ("Nguyễn Văn A", "Nguyễn Văn B"),
            ("Hoàng", "Hòang"),
        ] {
            assert_ne!(fold(a), fold(b), "{a} / {b}");
        }
    }

    #[test]
    fn the_closest_name_is_chosen() {
        let roster = ["Thái Văn Hòa", "Nguyễn Thị Thanh Hoa", "Hồ Sỹ Lâm"];
        let near = |n| closest(n, roster);
        assert_eq!(near("Thai Van Hoa"), Some("Thái Văn Hòa"));
        assert_eq!(near("Nguyễn Thị Thanh Hòa"), Some("Nguyễn Thị Thanh Hoa"));
        assert_eq!(near("Hồ Sĩ Lâm"), Some("Hồ Sỹ Lâm"));
        assert_eq!(near("Hồ Sỹ Lam"), Some("Hồ Sỹ Lâm"));
        assert_eq!(closest("x", []), None);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_roster_finds_exact_folded_and_unknown_names() {
        let roster = Roster::new(["Nguyễn Thị Thúy", "Thái Văn Hòa"]);
        assert_eq!(roster.find("Nguyễn Thị Thúy"), OnRoster::Exact);
        assert_eq!(
            roster.find("Nguyễn Thị Thuý"),
            OnRoster::Folded("Nguyễn Thị Thúy")
        );
        assert_eq!(
            roster.find("THÁI VĂN HOÀ"),
            OnRoster::Folded("Thái Văn Hòa")
        );
        assert_eq!(
            roster.find("Nguyễn Thị Thùy"),
            OnRoster::Unknown(Some("Nguyễn Thị Thúy"))
        );
        // Two spellings on the roster that fold alike: neither is guessed.
        let two = Roster::new(["Lê Thị Thúy", "Lê Thị Thuý"]);
        assert_eq!(two.find("Lê Thị Thuý"), OnRoster::Exact);
        assert!(matches!(
            two.find("LÊ THỊ THÚY"),
            OnRoster::Unknown(Some(_))
        ));
        assert_eq!(Roster::new([]).find("A"), OnRoster::Unknown(None));
    }
}
