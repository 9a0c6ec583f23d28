//! Document kinds: for each, the typed template context and the metadata
//! (header, title, closing). A new kind is a template plus a file here.

pub mod ballot;
pub mod branch;
pub mod branch_report;
pub mod consolidated;
pub mod decision;
pub mod directive;
pub mod people;
pub mod rating_ballot;
pub mod review_minutes;
pub mod self_review;
pub mod tables;
pub mod vote_ballot;
pub mod vote_form;
pub mod vote_minutes;

use super::vietnamese::Citation;

/// A short blank to fill by hand on paper: a number (`……-BC/CB`), a day,
/// a month, an hour.
pub const BLANK: &str = "……";
use crate::cycle::Cycle;
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::domain::vietnamese::{date_long, date_short};
use crate::render::document::Header;
use chrono::NaiveDate;

/// The header of a paper the committee numbers and dates (report,
/// decision): `number` and `date` from cycle.yaml, dotted blanks for an
/// unknown day and month.
pub fn dated_header(cycle: &Cycle, number: String, date: Option<NaiveDate>) -> Header {
    let date = match date {
        Some(d) => date_long(d),
        None => format!("ngày {BLANK} tháng {BLANK} năm {}", cycle.year),
    };
    Header {
        superior: cycle.issuer.superior.clone(),
        issuer: cycle.issuer.name.clone(),
        number,
        place_date: format!("{}, {date}", cycle.place),
        subject: None,
        form_label: None,
    }
}

/// `02-BC/ĐUVP ngày 12/01/2023` (or `……/……/2023` for an unknown date): how
/// an attachment names the paper it goes with ("Kèm theo … số …").
pub fn reference(cycle: &Cycle, number: &str, date: Option<NaiveDate>) -> String {
    let date = match date {
        Some(d) => date_short(d),
        None => format!("{BLANK}/{BLANK}/{}", cycle.year),
    };
    format!("{number} ngày {date}")
}

/// Resolves reference keys into citations, each document once (its first
/// mention): a sentence never cites one document twice. An unknown key is
/// the `reference-unknown` error at the field that names it.
pub fn citations(cycle: &Cycle, field: &str, keys: &[String]) -> Result<Vec<Citation>, Diagnostic> {
    citations_besides(cycle, field, keys, &[])
}

/// As [`citations`], leaving out the documents the same sentence already
/// cites (`cited`).
pub fn citations_besides(
    cycle: &Cycle,
    field: &str,
    keys: &[String],
    cited: &[Citation],
) -> Result<Vec<Citation>, Diagnostic> {
    let mut out: Vec<Citation> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let c = citation(cycle, &format!("{field}[{i}]"), key)?;
        if !cited.iter().chain(&out).any(|seen| same_document(seen, &c)) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Whether two citations name one document: the same number and symbol
/// (`96-QĐ/TW`; spaces, case and leading zeros aside), or, for documents
/// without a number, the same kind, author and subject.
pub fn same_document(a: &Citation, b: &Citation) -> bool {
    match (&a.number, &b.number) {
        (Some(x), Some(y)) => document_number_key(x) == document_number_key(y),
        (None, None) => a.kind == b.kind && a.by == b.by && a.about == b.about,
        _ => false,
    }
}

/// `06-QĐ/ĐUK`, ` 6-qđ/đuk` → `6-QĐ/ĐUK`.
fn document_number_key(number: &str) -> String {
    let compact: String = number.split_whitespace().collect::<String>().to_uppercase();
    let trimmed = compact.trim_start_matches('0');
    match trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        true => trimmed.to_owned(),
        false => compact,
    }
}

pub fn citation(cycle: &Cycle, field: &str, key: &str) -> Result<Citation, Diagnostic> {
    let Some(r) = cycle.references.get(key) else {
        return Err(Diagnostic::error(
            Code::ReferenceUnknown,
            cycle.place(field),
            Message::new(
                format!("văn bản `{key}` chưa được khai báo trong references"),
                format!("reference `{key}` is not defined in references"),
            ),
        ));
    };
    Ok(Citation {
        kind: r.kind_name().unwrap_or("Văn bản").to_string(),
        number: r.number.clone(),
        date: r.date.clone(),
        by: r.by.clone(),
        about: r.about.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(number: Option<&str>, by: &str) -> Citation {
        Citation {
            kind: "Quy định".into(),
            number: number.map(Into::into),
            date: None,
            by: by.into(),
            about: None,
        }
    }

    #[test]
    fn one_document_is_known_by_its_number() {
        let a = numbered(Some("06-QĐ/ĐUK"), "Ban Thường vụ Đảng ủy Khối");
        let b = numbered(Some(" 6-qđ/đuk"), "BTV Đảng ủy Khối");
        assert!(same_document(&a, &b));
        assert!(!same_document(
            &a,
            &numbered(Some("96-QĐ/TW"), "Bộ Chính trị")
        ));
        assert!(!same_document(
            &a,
            &numbered(None, "Ban Thường vụ Đảng ủy Khối")
        ));
        let plan = numbered(None, "Đảng ủy");
        assert!(same_document(&plan, &plan.clone()));
        assert!(!same_document(&plan, &numbered(None, "Chi bộ")));
    }
}
