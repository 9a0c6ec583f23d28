//! The công văn to the branch secretaries (templates/cong-van.md).

use super::{citation, citations, citations_besides};
use crate::cycle::{Cycle, Issuer, Schedule, Superior};
use crate::diagnostic::Diagnostic;
use crate::domain::vietnamese::date_long;
use crate::render::document::{Closing, Document, Header, Signature};
use crate::render::layout::Layout;
use crate::render::templates::Engine;
use crate::render::vietnamese::Citation;
use serde::Serialize;

pub const TEMPLATE: &str = "cong-van.md";

/// What the directive template sees.
#[derive(Serialize)]
struct Context<'a> {
    year: i32,
    prev_year: i32,
    issuer: &'a Issuer,
    superior: &'a Superior,
    schedule: &'a Schedule,
    to: &'a [String],
    quota_percent: u32,
    basis: Vec<Citation>,
    implement: Vec<Citation>,
    linked: Vec<Citation>,
    vote_rule: Option<Citation>,
    attachments: Vec<Citation>,
}

fn context(cycle: &Cycle) -> Result<Context<'_>, Diagnostic> {
    let d = &cycle.directive;
    let vote_rule = match &d.vote_rule {
        Some(key) => Some(citation(cycle, "directive.vote_rule", key)?),
        None => None,
    };
    // `implement` and `linked` are cited in one sentence: a document once.
    let implement = citations(cycle, "directive.implement", &d.implement)?;
    let linked = citations_besides(cycle, "directive.linked", &d.linked, &implement)?;
    Ok(Context {
        year: cycle.year,
        prev_year: cycle.year - 1,
        issuer: &cycle.issuer,
        superior: &cycle.superior,
        schedule: &cycle.schedule,
        to: &d.to,
        quota_percent: cycle.options.quota_percent,
        basis: citations(cycle, "directive.basis", &d.basis)?,
        implement,
        linked,
        vote_rule,
        attachments: citations(cycle, "directive.attachments", &d.attachments)?,
    })
}

pub fn render(cycle: &Cycle, engine: &Engine, layout: &Layout) -> Result<Document, Diagnostic> {
    let body = engine.render(TEMPLATE, &context(cycle)?)?;
    let d = &cycle.directive;
    let mut copies = d.copies.clone();
    copies.push(format!("{} {}", layout.archive_label, cycle.issuer.archive));
    Ok(Document {
        header: Header {
            superior: cycle.issuer.superior.clone(),
            issuer: cycle.issuer.name.clone(),
            number: format!("{:02}-CV/{}", d.number, cycle.issuer.symbol),
            place_date: format!("{}, {}", cycle.place, date_long(d.date)),
            subject: Some(format!("{} {}", layout.subject_prefix, d.subject)),
            form_label: None,
        },
        title: None,
        to: d.to.clone(),
        body,
        tables: Default::default(),
        closing: Closing::Signed {
            copies,
            signer: committee_signer(cycle, layout),
        },
        draft: false,
    })
}

/// `T/M ĐẢNG ỦY` / `BÍ THƯ` (or the deputy's title) / the secretary's name.
pub fn committee_signer(cycle: &Cycle, layout: &Layout) -> Signature {
    let issuer = &cycle.issuer;
    Signature {
        authority: format!("{} {}", layout.on_behalf, issuer.committee),
        title: issuer
            .signer_title
            .clone()
            .unwrap_or_else(|| "Bí thư".to_string()),
        name: issuer.secretary.clone(),
    }
}
