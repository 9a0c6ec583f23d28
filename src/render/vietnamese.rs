//! Vietnamese administrative forms of dates, numbers and citations, as the
//! 2022 directive writes them. Each is a plain function, unit-tested here and
//! exposed to templates as a filter by `templates.rs`.

use crate::cycle::Fill;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

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
    percent_tenths(part, whole).map(|t| format!("{}%", hundredths(u128::from(t) * 10)))
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
    let (int, frac) = (n / 100, n % 100);
    match frac {
        0 => int.to_string(),
        f if f % 10 == 0 => format!("{int},{}", f / 10),
        f => format!("{int},{f:02}"),
    }
}

/// Joins with `, ` and a last ` và `: `A, B và C`.
pub fn join_and(items: &[String], sep: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// A cited document, as templates receive it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Citation {
    /// `Quy định`, `Kế hoạch`… (derived from the symbol unless given).
    pub kind: String,
    pub number: Option<String>,
    /// A date, or (in a draft) the placeholder still to fill.
    pub date: Option<Fill<NaiveDate>>,
    pub by: String,
    pub about: Option<String>,
}

/// Which parts of a citation to print (the seed's three forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteForm {
    /// `Quy định số 06-QĐ/ĐUK ngày 16/02/2022 của Ban Thường vụ Đảng ủy Khối về …`
    Full,
    /// `Quy định số 06-QĐ/ĐUK ngày 16/02/2022`
    Date,
    /// `Quy định số 06-QĐ/ĐUK của Ban Thường vụ Đảng ủy Khối`
    By,
}

/// Formats a citation. `long_date` uses `ngày 09 tháng 11 năm 2022`.
pub fn cite(c: &Citation, form: CiteForm, long_date: bool) -> String {
    let mut out = c.kind.clone();
    if let Some(number) = &c.number {
        out += &format!(" số {number}");
    }
    if form != CiteForm::By
        && let Some(date) = &c.date
    {
        let date = match date {
            Fill::Value(date) if long_date => date_long(*date),
            Fill::Value(date) => format!("ngày {}", date_short(*date)),
            Fill::Placeholder(p) => format!("ngày {p}"),
        };
        out += &format!(" {date}");
    }
    if form != CiteForm::Date {
        out += &format!(" của {}", c.by);
    }
    if form == CiteForm::Full
        && let Some(about) = &c.about
    {
        out += &format!(" {about}");
    }
    out
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
    fn hundredths_are_exact() {
        assert_eq!(hundredths(740), "7,4");
        assert_eq!(hundredths(555), "5,55");
        assert_eq!(hundredths(800), "8");
        assert_eq!(hundredths(5), "0,05");
    }

    #[test]
    fn joins_with_va() {
        let items: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        assert_eq!(join_and(&items, ", ", " và "), "A, B và C");
        assert_eq!(join_and(&items[..1], ", ", " và "), "A");
        assert_eq!(join_and(&[], ", ", " và "), "");
    }

    fn qd06() -> Citation {
        Citation {
            kind: "Quy định".into(),
            number: Some("06-QĐ/ĐUK".into()),
            date: Some(d(2022, 2, 16).into()),
            by: "Ban Thường vụ Đảng ủy Khối".into(),
            about: Some("về trách nhiệm".into()),
        }
    }

    #[test]
    fn cites_in_the_three_forms() {
        let c = qd06();
        assert_eq!(
            cite(&c, CiteForm::Full, false),
            "Quy định số 06-QĐ/ĐUK ngày 16/02/2022 của Ban Thường vụ Đảng ủy Khối về trách nhiệm"
        );
        assert_eq!(
            cite(&c, CiteForm::Date, false),
            "Quy định số 06-QĐ/ĐUK ngày 16/02/2022"
        );
        assert_eq!(
            cite(&c, CiteForm::By, false),
            "Quy định số 06-QĐ/ĐUK của Ban Thường vụ Đảng ủy Khối"
        );
    }

    #[test]
    fn cites_a_plan_without_number_or_date() {
        let c = Citation {
            kind: "Kế hoạch".into(),
            number: None,
            date: None,
            by: "Đảng ủy Văn phòng UBND tỉnh".into(),
            about: Some("về thực hiện Nghị quyết".into()),
        };
        assert_eq!(
            cite(&c, CiteForm::Full, false),
            "Kế hoạch của Đảng ủy Văn phòng UBND tỉnh về thực hiện Nghị quyết"
        );
    }

    #[test]
    fn cites_with_a_long_date() {
        let mut c = qd06();
        c.kind = "Công văn".into();
        c.date = Some(d(2022, 11, 9).into());
        assert!(cite(&c, CiteForm::Date, true).ends_with("ngày 09 tháng 11 năm 2022"));
    }
}
