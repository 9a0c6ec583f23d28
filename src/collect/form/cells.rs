//! Parsing a cell's text into a value: ratings, roles, yes/no, numbers,
//! dates, and the folded [`key`] headings and names are compared by.

use crate::cycle::{Rating, Role};
use crate::cycle::{names, values};
use crate::domain::forms::label;
use chrono::NaiveDate;

/// A heading, label or name as compared: folded as names are
/// ([`names::fold`]: NFC, white space, case, tone placement `uỷ`/`ủy`), no
/// trailing colon.
pub fn key(text: &str) -> String {
    names::fold(text)
        .trim_end_matches([':', '.'])
        .trim_end()
        .to_owned()
}

/// What a rating cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingCell {
    Empty,
    Rated(Rating),
    /// `Không xếp loại`.
    Unrated,
    Bad,
}

/// A rating in full or abbreviated, in any case; `Không xếp loại`.
pub fn parse_rating(text: &str) -> RatingCell {
    let k = key(text);
    if k.is_empty() {
        return RatingCell::Empty;
    }
    if k == key(label::UNRATED_CELL) {
        return RatingCell::Unrated;
    }
    values::parse_rating(text).map_or(RatingCell::Bad, RatingCell::Rated)
}

/// What a role cell says: the role, and whether the member is
/// probationary (`Đảng viên dự bị`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleCell {
    pub role: Role,
    pub probationary: bool,
}

/// A role as the member table prints it or as secretaries write it
/// (`Bí thư chi bộ`, `Đảng viên dự bị`, …), in any case and tone placement;
/// empty is a plain member.
pub fn parse_role(text: &str) -> Option<RoleCell> {
    let k = key(text);
    let plain = |role| RoleCell {
        role,
        probationary: false,
    };
    if k.is_empty() {
        return Some(plain(Role::DangVien));
    }
    if k == key(label::PROBATIONARY) {
        return Some(RoleCell {
            role: Role::DangVien,
            probationary: true,
        });
    }
    label::ROLES
        .iter()
        .chain(&label::ROLE_SPELLINGS)
        .find(|(_, name)| key(name) == k)
        .map(|(role, _)| plain(*role))
}

/// `Có`, `x`, `✓` (yes); empty, `Không` (no).
pub(super) fn parse_yes(text: &str) -> Option<bool> {
    match key(text).as_str() {
        "" | "không" | "-" | "0" => Some(false),
        k if k == key(label::YES) || matches!(k, "x" | "✓" | "✔" | "1") => Some(true),
        _ => None,
    }
}

/// `82`, `82 điểm`, `4 tháng`.
pub(super) fn parse_number(text: &str, units: &[&str]) -> Option<u32> {
    let k = key(text);
    let digits = units
        .iter()
        .find_map(|u| k.strip_suffix(u))
        .unwrap_or(&k)
        .trim();
    values::parse_int(digits)
}

/// `12/12/2024`, `12-12-2024`, `12.12.2024`, `2024-12-12`, `ngày 12 tháng
/// 12 năm 2024`, or `12/12` in the form's year.
pub fn parse_date(text: &str, year: i32) -> Option<NaiveDate> {
    values::parse_date(text, Some(year))
}
