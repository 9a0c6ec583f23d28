//! The self-review form (bản kiểm điểm cá nhân, templates/ban-kiem-diem.md):
//! one per member of every branch whose roster is known, in the form the
//! guide of the cycle's rule set prescribes for the member's `group`
//! (`domain::forms::SelfReviewForm`), pre-filled from the roster entry;
//! what the roster does not say is left as dots for the member.

use super::branch::{LINE_BLANK, blank_date, party_organisation};
use crate::cycle::values::slug;
use crate::cycle::{Branch, Cycle, RosterEntry, RuleSet};
use crate::diagnostic::Diagnostic;
use crate::domain::forms::SelfReviewForm;
use crate::render::document::{Closing, Document, Header, Signature};
use crate::render::templates::{Engine, TitleContext};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const TEMPLATE: &str = "ban-kiem-diem.md";

/// The signature title (metadata, not body prose).
const SIGNER_TITLE: &str = "Người tự kiểm điểm";
/// The folder of a branch's self-review forms.
const FOLDER: &str = "ban-kiem-diem";

/// What the self-review template sees.
#[derive(Serialize)]
struct Context<'a> {
    /// Which form (`hd43-leader` …); its label (`Mẫu 2A`) is the header's.
    form: SelfReviewForm,
    year: i32,
    /// The 100-point self-assessment (qd366-2025).
    scored: bool,
    branch: &'a str,
    member: Member<'a>,
    /// A dotted line for prose.
    blank: &'static str,
}

/// The roster's details; `None` prints dots.
#[derive(Serialize)]
struct Member<'a> {
    name: &'a str,
    born: Option<NaiveDate>,
    party_post: Option<&'a str>,
    job: Option<&'a str>,
    unions: Option<&'a str>,
    unit: Option<&'a str>,
}

fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// Where member `row` (0-based) of `branch` goes: `chi-bo/<id>/ban-kiem-diem/
/// <nn>-<slug>`, nn the row from 01, slug the ASCII name.
pub fn stem(branch: &Branch, row: usize, entry: &RosterEntry) -> PathBuf {
    let name = match slug(&entry.name) {
        s if s.is_empty() => "dang-vien".to_owned(),
        s => s,
    };
    PathBuf::from("chi-bo")
        .join(&branch.id)
        .join(FOLDER)
        .join(format!("{:02}-{name}", row + 1))
}

/// The self-review form of one roster entry.
pub fn render(
    cycle: &Cycle,
    branch: &Branch,
    entry: &RosterEntry,
    engine: &Engine,
) -> Result<Document, Diagnostic> {
    let form = SelfReviewForm::of(cycle.rules, entry.group);
    let context = Context {
        form,
        year: cycle.year,
        scored: cycle.rules == RuleSet::Qd366_2025,
        branch: &branch.name,
        member: Member {
            name: &entry.name,
            born: entry.born,
            party_post: given(&entry.party_post),
            job: given(&entry.job),
            unions: given(&entry.unions),
            unit: given(&entry.unit),
        },
        blank: LINE_BLANK,
    };
    let body = engine.render(TEMPLATE, &context)?;
    Ok(Document {
        header: Header {
            superior: party_organisation(&cycle.issuer.name),
            issuer: branch.name.clone(),
            number: String::new(),
            place_date: format!("{}, {}", cycle.place, blank_date(cycle.year)),
            subject: None,
            form_label: Some(form.label().to_owned()),
        },
        title: Some(engine.title(&TitleContext::new(TEMPLATE, cycle))?),
        to: Vec::new(),
        body,
        tables: BTreeMap::new(),
        closing: Closing::Signatures(vec![Signature {
            authority: String::new(),
            title: SIGNER_TITLE.to_owned(),
            name: entry.name.clone(),
        }]),
        draft: false,
    })
}
