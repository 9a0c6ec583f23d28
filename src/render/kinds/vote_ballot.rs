//! The confidence-vote ballot (templates/phieu-tin-nhiem.md): one row per
//! person of votes.yaml (name, position) with a box for each level of
//! confidence, titled and worded after the vote regulation in force for the
//! cycle's year (Quy định 262-QĐ/TW before 2023, 96-QĐ/TW from 2023).
//! Anonymous: no voter's name, no number, no signature.

use super::ballot;
use super::vote_minutes::vote_regulation;
use crate::cycle::Cycle;
use crate::diagnostic::Diagnostic;
use crate::domain::forms::label;
use crate::render::document::{Document, Title};
use crate::render::templates::Engine;
use crate::render::vietnamese::Citation;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "phieu-tin-nhiem.md";
/// Where the ballot goes in OUT (without extension).
pub const STEM: &str = "phieu-tin-nhiem";

/// The title of the ballot under each vote regulation (by its number):
/// the type line and the subject before the year.
const TITLES: &[(&str, &str, &str)] = &[
    (
        "262-QĐ/TW",
        "PHIẾU LẤY PHIẾU TÍN NHIỆM",
        "đối với cán bộ lãnh đạo, quản lý năm",
    ),
    (
        "96-QĐ/TW",
        "PHIẾU TÍN NHIỆM",
        "đối với cán bộ lãnh đạo, quản lý năm",
    ),
];
const LEVELS: [&str; 3] = [label::VOTE_HIGH, label::VOTE_TRUST, label::VOTE_LOW];

/// What the ballot template sees.
#[derive(Serialize)]
struct Context {
    year: i32,
    /// The vote regulation in force (`None` only outside the table).
    regulation: Option<Citation>,
    /// The three levels, as the boxes are headed.
    levels: [&'static str; 3],
    people: usize,
}

fn title(cycle: &Cycle, regulation: Option<&Citation>) -> Title {
    let number = regulation.and_then(|r| r.number.as_deref());
    let (_, kind, subject) = TITLES
        .iter()
        .find(|(n, _, _)| Some(*n) == number)
        .unwrap_or(&TITLES[TITLES.len() - 1]);
    Title {
        kind: (*kind).to_owned(),
        subject: format!("{subject} {}", cycle.year),
    }
}

/// The ballot; `None` without votes.yaml.
pub fn render(cycle: &Cycle, engine: &Engine) -> Result<Option<Document>, Diagnostic> {
    let Some(call) = &cycle.vote_call else {
        return Ok(None);
    };
    let regulation = vote_regulation(cycle.year);
    let context = Context {
        year: cycle.year,
        regulation: regulation.clone(),
        levels: LEVELS,
        people: call.people.len(),
    };
    let body = engine.render(TEMPLATE, &context)?;
    let rows = call
        .people
        .iter()
        .map(|p| (p.name.clone(), Some(p.position.clone())))
        .collect();
    let table = ballot::table((label::NAME, Some(label::POSITION)), None, &LEVELS, rows);
    Ok(Some(ballot::document(
        &cycle.issuer.superior,
        &cycle.issuer.name,
        title(cycle, regulation.as_ref()),
        body,
        BTreeMap::from([(ballot::TABLE.to_owned(), table)]),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vote_regulation_has_a_title() {
        for year in [2022, 2023] {
            let number = vote_regulation(year).and_then(|r| r.number);
            assert!(TITLES.iter().any(|(n, _, _)| Some(*n) == number.as_deref()));
        }
    }
}
