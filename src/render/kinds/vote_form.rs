//! The vote-count minutes before the count (votes.yaml with people only): the
//! same template as the filled minutes (`form: true`), with the date, place,
//! regulation and the people voted on filled in and every count a dotted
//! blank for the counting board, which signs at the foot.

use super::BLANK;
use super::vote_minutes::{self, TEMPLATE, board_blank, minutes};
use crate::cycle::{Cycle, Issuer, VoteBase, VoteCall};
use crate::diagnostic::Diagnostic;
use crate::render::document::{Document, Table};
use crate::render::kinds::branch::LINE_BLANK;
use crate::render::templates::Engine;
use crate::render::vietnamese::Citation;
use serde::Serialize;
use std::collections::BTreeMap;

/// Board members the form leaves room for: the head and two members.
const BOARD_ROWS: usize = 3;
/// Room for a name written by hand.
const NAME_BLANK: &str = "………………………………";

/// What the vote-minutes template sees for the blank form.
#[derive(Serialize)]
struct Context<'a> {
    form: bool,
    year: i32,
    issuer: &'a Issuer,
    /// Date, place and people (no counts).
    votes: &'a VoteCall,
    over_valid: bool,
    regulation: Option<Citation>,
    local_rule: Option<Citation>,
    /// A short blank for a number, one for a name, a line of dots for prose.
    blank: &'static str,
    name: &'static str,
    line: &'static str,
    /// Board rows to fill: `true` for the head.
    board: Vec<bool>,
}

/// The result table with the people's names and positions and every count
/// left blank.
fn blank_table(call: &VoteCall) -> Table {
    let groups = vote_minutes::result_groups();
    let counts = 6;
    let rows = call
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![(i + 1).to_string(), p.name.clone(), p.position.clone()];
            row.extend(std::iter::repeat_n(String::new(), counts));
            row
        })
        .collect();
    Table::new(groups, rows)
}

/// The blank count minutes; `None` without votes.yaml.
pub fn render(cycle: &Cycle, engine: &Engine) -> Result<Option<Document>, Diagnostic> {
    let Some(call) = &cycle.vote_call else {
        return Ok(None);
    };
    let (regulation, local_rule) = vote_minutes::vote_rules(cycle)?;
    let board: Vec<bool> = (0..BOARD_ROWS).map(|i| i == 0).collect();
    let context = Context {
        form: true,
        year: cycle.year,
        issuer: &cycle.issuer,
        votes: call,
        over_valid: cycle.options.vote_base == VoteBase::Valid,
        regulation,
        local_rule,
        blank: BLANK,
        name: NAME_BLANK,
        line: LINE_BLANK,
        board: board.clone(),
    };
    let body = engine.render(TEMPLATE, &context)?;
    let tables = BTreeMap::from([("ket-qua".to_owned(), blank_table(call))]);
    let signatures = board.into_iter().map(board_blank).collect();
    minutes(cycle, engine, call.date, body, tables, signatures).map(Some)
}
