//! Vietnamese words of the documents: citations and lists, as the 2022
//! directive writes them. Each is a plain function, unit-tested here and
//! exposed to templates as a filter by `templates.rs`. Dates and numbers
//! are `domain::vietnamese`.

use crate::cycle::Fill;
use crate::domain::vietnamese::{date_long, date_short};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Joins with `, ` and a last ` và `: `A, B và C`.
pub fn join_and(items: &[String], sep: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// Words that open a common-noun phrase naming recipients ("Các chi bộ
/// trực thuộc"): capitalised at the head of a line ("Kính gửi:"), lower
/// case inside a sentence. Titles and names ("Bí thư các chi bộ", "Ban
/// Thường vụ", "Chi bộ Tổng hợp") keep their capital.
const COMMON_OPENERS: [&str; 6] = ["Các", "Những", "Mọi", "Toàn thể", "Tất cả", "Từng"];

/// `phrase` as it reads inside a sentence: its first letter lower-cased
/// when it opens with a common word ([`COMMON_OPENERS`]), else unchanged.
pub fn mid_sentence(phrase: &str) -> String {
    let opens = |w: &str| {
        phrase
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let mut chars = phrase.chars();
    match (COMMON_OPENERS.iter().any(|w| opens(w)), chars.next()) {
        (true, Some(first)) => first.to_lowercase().chain(chars).collect(),
        _ => phrase.to_owned(),
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

    /// A recipient opening with a common word reads lower case inside a
    /// sentence ("yêu cầu các chi bộ trực thuộc"); a title or a name keeps
    /// its capital (the seed: "yêu cầu Bí thư các chi bộ trực thuộc").
    #[test]
    fn recipients_mid_sentence() {
        assert_eq!(
            mid_sentence("Các chi bộ trực thuộc"),
            "các chi bộ trực thuộc"
        );
        assert_eq!(mid_sentence("Toàn thể đảng viên"), "toàn thể đảng viên");
        assert_eq!(
            mid_sentence("Bí thư các chi bộ trực thuộc"),
            "Bí thư các chi bộ trực thuộc"
        );
        assert_eq!(mid_sentence("Chi bộ Tổng hợp"), "Chi bộ Tổng hợp");
        assert_eq!(
            mid_sentence("Ban Thường vụ Đảng ủy"),
            "Ban Thường vụ Đảng ủy"
        );
        assert_eq!(mid_sentence("Cácx"), "Cácx", "a whole word only");
        assert_eq!(mid_sentence(""), "");
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
