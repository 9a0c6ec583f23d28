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
use crate::render::document::Document;
use crate::render::templates::{Engine, TitleContext};
use crate::render::vietnamese::Citation;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "phieu-tin-nhiem.md";
/// Where the ballot goes in OUT (without extension).
pub const STEM: &str = "phieu-tin-nhiem";

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
    // Titled after the regulation in force (tieu-de.md).
    let title = engine.title(&TitleContext {
        regulation: regulation.as_ref().and_then(|r| r.number.as_deref()),
        ..TitleContext::new(TEMPLATE, cycle)
    })?;
    let rows = call
        .people
        .iter()
        .map(|p| (p.name.clone(), Some(p.position.clone())))
        .collect();
    let table = ballot::table((label::NAME, Some(label::POSITION)), None, &LEVELS, rows);
    Ok(Some(ballot::document(
        &cycle.issuer.superior,
        &cycle.issuer.name,
        title,
        body,
        BTreeMap::from([(ballot::TABLE.to_owned(), table)]),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each vote regulation's ballot has its own title: "PHIẾU LẤY PHIẾU
    /// TÍN NHIỆM" under 262-QĐ/TW (2022), "PHIẾU TÍN NHIỆM" under 96-QĐ/TW.
    #[test]
    fn every_vote_regulation_has_its_title() {
        let engine = Engine::new(std::path::Path::new("no-cycle")).expect("built-in templates");
        let kind = |year: i32| {
            let number = vote_regulation(year).and_then(|r| r.number);
            let title = engine
                .title(&TitleContext {
                    document: TEMPLATE,
                    year,
                    votes: true,
                    regulation: number.as_deref(),
                })
                .expect("a title");
            assert_eq!(
                title.subject,
                format!("đối với cán bộ lãnh đạo, quản lý năm {year}")
            );
            title.kind
        };
        assert_eq!(kind(2022), "PHIẾU LẤY PHIẾU TÍN NHIỆM");
        assert_eq!(kind(2023), "PHIẾU TÍN NHIỆM");
    }
}
