//! The branch meeting's rating ballot (templates/phieu-danh-gia.md): every
//! member of the roster with a box per level, then the branch as a
//! collective. Without a roster, as many numbered blank rows as the branch
//! has members, for the names to be written in (a clerk prints the ballot
//! either way). Anonymous: no number, no signature.

use super::ballot;
use super::branch::{BranchData, party_organisation};
use crate::cycle::{Branch, Cycle, Rating};
use crate::diagnostic::Diagnostic;
use crate::domain::forms::label;
use crate::render::document::{Document, Table};
use crate::render::templates::{Engine, TitleContext};
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "phieu-danh-gia.md";
/// The ballot's file in the branch's folder (without extension).
pub const NAME: &str = "phieu-danh-gia";

/// Headings of the two tables.
const LEVELS_LABEL: &str = "Mức xếp loại";
const COLLECTIVE_LABEL: &str = "Tập thể";
/// The table of the collective in the template.
const COLLECTIVE_TABLE: &str = crate::domain::forms::TableName::Collective.name();

/// What the ballot template sees.
#[derive(Serialize)]
struct Context<'a> {
    year: i32,
    branch: &'a Branch,
    /// The names are printed (else blank rows to write them in).
    roster: bool,
    /// The levels, as the boxes are headed (codes) and in full.
    levels: Vec<Level>,
}

#[derive(Serialize)]
struct Level {
    code: &'static str,
    name: &'static str,
}

/// The box headings: the codes (the full names are explained above the
/// table; in full, the heading row alone would take a sixth of the page).
fn codes() -> Vec<&'static str> {
    Rating::ALL.iter().map(|r| r.code()).collect()
}

/// The ballot of one branch.
pub fn render(cycle: &Cycle, branch: &Branch, engine: &Engine) -> Result<Document, Diagnostic> {
    let context = Context {
        year: cycle.year,
        branch,
        roster: !branch.roster.is_empty(),
        levels: Rating::ALL
            .iter()
            .map(|r| Level {
                code: r.code(),
                name: r.full_name(),
            })
            .collect(),
    };
    let body = engine.render(TEMPLATE, &context)?;
    let names = BranchData::new(cycle, branch)
        .roster_rows()
        .into_iter()
        .map(|r| (r.name, None))
        .collect();
    let levels = codes();
    let members: Table = ballot::table((label::NAME, None), Some(LEVELS_LABEL), &levels, names);
    let collective = ballot::table(
        (COLLECTIVE_LABEL, None),
        Some(LEVELS_LABEL),
        &levels,
        vec![(branch.name.clone(), None)],
    );
    let tables = BTreeMap::from([
        (ballot::TABLE.to_owned(), members),
        (COLLECTIVE_TABLE.to_owned(), collective),
    ]);
    Ok(ballot::document(
        &party_organisation(&cycle.issuer.name),
        &branch.name,
        engine.title(&TitleContext::new(TEMPLATE, cycle))?,
        body,
        tables,
    ))
}
