//! Vietnamese administrative forms of dates and numbers, as the 2022
//! directive writes them. Documents, diagnostics and `vanban stats` all
//! print a date or a number through these, so they print it alike.

use chrono::{Datelike, NaiveDate};

/// `ngày 09 tháng 11 năm 2022`: day below 10 and months 1–2 take a leading zero.
pub fn date_long(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        date.day(),
        month(date),
        date.year()
    )
}

/// `16/02/2022`, `08/3/2018`, `20/12/2022`.
pub fn date_short(date: NaiveDate) -> String {
    format!("{:02}/{}/{}", date.day(), month(date), date.year())
}

/// Months 1 and 2 are written `01`, `02` (so `tháng 1` cannot be misread as
/// `tháng 10`, `11`, `12`); the others without a leading zero.
fn month(date: NaiveDate) -> String {
    match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    }
}

/// A number with one decimal and a decimal comma: `16,7`; whole numbers stay whole.
pub fn decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, (tenths % 10).abs())
    }
}

/// `part` as a percentage of `whole`, one decimal, decimal comma: `16,7%`.
/// `None` when `whole` is zero (nothing to divide by).
pub fn percent(part: u64, whole: u64) -> Option<String> {
    percent_with(part, whole, ',')
}

/// [`percent`] with another decimal separator (`.` for English messages):
/// the one formatting of a percentage, so every text rounds and trims alike.
pub fn percent_with(part: u64, whole: u64, separator: char) -> Option<String> {
    percent_tenths(part, whole)
        .map(|t| format!("{}%", hundredths_with(u128::from(t) * 10, separator)))
}

/// `part` as tenths of a percent of `whole`, rounded half up, in integer
/// arithmetic (so every document and `vanban stats` round alike): 1 of 6
/// is 167. `None` when `whole` is zero.
pub fn percent_tenths(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| {
        let (part, whole) = (u128::from(part), u128::from(whole));
        // u128 holds any u64 × 1000 exactly.
        u64::try_from((part * 1000 + whole / 2) / whole).unwrap_or(u64::MAX)
    })
}

/// `n / 100` written exactly, decimal comma, no trailing zeros:
/// 740 → `7,4`, 555 → `5,55`, 800 → `8`.
pub fn hundredths(n: u128) -> String {
    hundredths_with(n, ',')
}

fn hundredths_with(n: u128, separator: char) -> String {
    let (int, frac) = (n / 100, n % 100);
    match frac {
        0 => int.to_string(),
        f if f % 10 == 0 => format!("{int}{separator}{}", f / 10),
        f => format!("{int}{separator}{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn long_dates_as_the_seed_writes_them() {
        assert_eq!(date_long(d(2022, 11, 9)), "ngày 09 tháng 11 năm 2022");
        assert_eq!(date_long(d(2022, 11, 12)), "ngày 12 tháng 11 năm 2022");
        assert_eq!(date_long(d(2023, 2, 9)), "ngày 09 tháng 02 năm 2023");
    }

    #[test]
    fn short_dates_as_the_seed_writes_them() {
        assert_eq!(date_short(d(2022, 2, 16)), "16/02/2022");
        assert_eq!(date_short(d(2018, 3, 8)), "08/3/2018");
        assert_eq!(date_short(d(2019, 10, 18)), "18/10/2019");
        assert_eq!(date_short(d(2022, 1, 5)), "05/01/2022");
    }

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(percent(1, 6).as_deref(), Some("16,7%"));
        assert_eq!(percent(1, 2).as_deref(), Some("50%"));
        assert_eq!(percent(0, 7).as_deref(), Some("0%"));
        assert_eq!(percent(3, 0), None);
        assert_eq!(decimal(12.25), "12,3");
        assert_eq!(percent(1, 8).as_deref(), Some("12,5%"));
        assert_eq!(percent(1, 16).as_deref(), Some("6,3%"));
        assert_eq!(percent_tenths(2, 3), Some(667));
    }

    #[test]
    fn english_percentages_differ_only_in_the_separator() {
        assert_eq!(percent_with(1, 6, '.').as_deref(), Some("16.7%"));
        assert_eq!(percent_with(1, 2, '.').as_deref(), Some("50%"));
        assert_eq!(percent_with(1, 0, '.'), None);
    }

    #[test]
    fn hundredths_are_exact() {
        assert_eq!(hundredths(740), "7,4");
        assert_eq!(hundredths(555), "5,55");
        assert_eq!(hundredths(800), "8");
        assert_eq!(hundredths(5), "0,05");
    }
}
