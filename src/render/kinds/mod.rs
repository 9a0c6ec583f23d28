//! Document kinds: for each, the typed template context and the metadata
//! (header, title, closing). A new kind is a template plus a file here.

pub mod branch;
pub mod branch_report;
pub mod consolidated;
pub mod directive;
pub mod review_minutes;
pub mod self_review;
pub mod tables;
pub mod vote_minutes;

use super::vietnamese::Citation;

/// A short blank to fill by hand on paper: a number (`……-BC/CB`), a day,
/// a month, an hour.
pub const BLANK: &str = "……";
use crate::cycle::Cycle;
use crate::diagnostic::{Code, Diagnostic, Message};

/// Resolves reference keys into citations; an unknown key is the
/// `reference-unknown` error at the field that names it.
pub fn citations(cycle: &Cycle, field: &str, keys: &[String]) -> Result<Vec<Citation>, Diagnostic> {
    keys.iter()
        .enumerate()
        .map(|(i, key)| citation(cycle, &format!("{field}[{i}]"), key))
        .collect()
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
