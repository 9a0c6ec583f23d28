//! The vote-count minutes (templates/bien-ban-kiem-phieu.md), when the
//! cycle has a `votes.yaml`: the counting board, attendance, ballots, a
//! table per person, and the consequence the vote regulation attaches to
//! "tín nhiệm thấp" over the base of `rule_options.vote_base`, under the
//! vote regulation of the cycle's year (`crate::domain::regulations`).

use super::BLANK;
use super::tables::{group, leaf};
use super::{citation, same_document};
use crate::cycle::{Cycle, Issuer, VoteBase, VotePerson, Votes};
use crate::diagnostic::Diagnostic;
use crate::domain::figures::{Consequence, Threshold, consequence, cycle_vote_regime, threshold};
use crate::domain::figures::{share, vote_base};
use crate::domain::forms::{TableName, label};
use crate::domain::regulations;
use crate::domain::regulations::VoteRegime;
use crate::domain::vietnamese::date_long;
use crate::render::document::{Align, Closing, ColumnGroup, Document, Header, Signature, Table};
use crate::render::layout::Layout;
use crate::render::templates::{Engine, TitleContext};
use crate::render::vietnamese::Citation;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "bien-ban-kiem-phieu.md";

/// Signature titles (metadata, not body prose).
const HEAD_TITLE: &str = "Trưởng ban kiểm phiếu";
const MEMBER_TITLE: &str = "Thành viên";
/// A board role naming the head of the board (compared case-insensitively).
const HEAD_ROLE: &str = "trưởng ban";

/// The confidence-vote regulation in force for reviews of `year`, as a
/// citation; from the one regulations table (`crate::domain::regulations`).
pub fn vote_regulation(year: i32) -> Option<Citation> {
    let r = regulations::in_force(regulations::Role::Vote, year)?;
    Some(Citation {
        kind: r.kind.unwrap_or(REGULATION_KIND).to_owned(),
        number: Some(r.number.to_owned()),
        date: r.date().map(Into::into),
        by: r.by.to_owned(),
        about: None,
    })
}

/// The regulations a sentence on the vote cites: the one in force for the
/// cycle's year and the committee's own rule (the directive's `vote_rule`),
/// the latter left out when it is that same regulation (one citation per
/// document per sentence).
pub fn vote_rules(cycle: &Cycle) -> Result<(Option<Citation>, Option<Citation>), Diagnostic> {
    let regulation = vote_regulation(cycle.year);
    let local_rule = match &cycle.directive.vote_rule {
        Some(key) => Some(citation(cycle, "directive.vote_rule", key)?),
        None => None,
    };
    let local_rule =
        local_rule.filter(|l| !regulation.as_ref().is_some_and(|r| same_document(r, l)));
    Ok((regulation, local_rule))
}

/// The kind of a vote regulation when the table does not say.
const REGULATION_KIND: &str = "Quy định";

/// What the vote-minutes template sees.
#[derive(Serialize)]
struct Context<'a> {
    /// Not yet counted: the blank form (see `vote_form`).
    form: bool,
    year: i32,
    issuer: &'a Issuer,
    votes: &'a Votes,
    present_share: String,
    invalid: u32,
    /// Percentages are over valid ballots (else over ballots returned).
    over_valid: bool,
    base: u32,
    /// `None` only if the table had no vote regulation for the year.
    regulation: Option<Citation>,
    /// The committee's own rule on the vote (the directive's `vote_rule`).
    local_rule: Option<Citation>,
    /// The vote regulation whose consequences apply (`qd262`, `qd96`).
    regime: VoteRegime,
    flagged: Vec<Flagged<'a>>,
}

/// A person whose "tín nhiệm thấp" share carries a consequence.
#[derive(Serialize)]
pub struct Flagged<'a> {
    pub name: &'a str,
    pub position: &'a str,
    pub low: u32,
    pub share: String,
    pub consequence: Consequence,
}

/// The people whose "tín nhiệm thấp" carries a consequence under the
/// cycle's vote regulation, 2/3 or more first, then in the votes' order.
pub fn flagged<'a>(cycle: &Cycle, votes: &'a Votes, base: u32) -> Vec<Flagged<'a>> {
    let regime = cycle_vote_regime(cycle);
    let mut out: Vec<(Threshold, Flagged<'a>)> = votes
        .people
        .iter()
        .map(|p| (threshold(p.low, base), p))
        .filter(|(t, _)| *t != Threshold::None)
        .map(|(t, p)| {
            let flagged = Flagged {
                name: &p.name,
                position: &p.position,
                low: p.low,
                share: share(p.low.into(), base.into()),
                consequence: consequence(regime, p.low, base),
            };
            (t, flagged)
        })
        .collect();
    out.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    out.into_iter().map(|(_, f)| f).collect()
}

fn context<'a>(cycle: &'a Cycle, votes: &'a Votes) -> Result<Context<'a>, Diagnostic> {
    let base = vote_base(&cycle.options, votes);
    let (regulation, local_rule) = vote_rules(cycle)?;
    Ok(Context {
        form: false,
        year: cycle.year,
        issuer: &cycle.issuer,
        votes,
        present_share: share(votes.present.into(), votes.convened.into()),
        invalid: votes.ballots.returned.saturating_sub(votes.ballots.valid),
        over_valid: cycle.options.vote_base == VoteBase::Valid,
        base,
        regulation,
        local_rule,
        regime: cycle_vote_regime(cycle),
        flagged: flagged(cycle, votes, base),
    })
}

/// The result table (`ket-qua`): a row per person, a group per level of
/// confidence with `Số phiếu | Tỷ lệ`.
pub fn result_table(people: &[VotePerson], base: u32) -> Table {
    let groups = result_groups();
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![(i + 1).to_string(), p.name.clone(), p.position.clone()];
            for n in [p.high, p.trust, p.low] {
                row.push(n.to_string());
                row.push(share(n.into(), base.into()));
            }
            row
        })
        .collect();
    Table {
        groups,
        rows,
        total_row: false,
    }
}

/// The result table's columns: STT, name, position, `Số phiếu | Tỷ lệ`
/// per level.
pub fn result_groups() -> Vec<ColumnGroup> {
    let pair = [(label::BALLOTS, Align::Right), (label::SHARE, Align::Right)];
    vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::POSITION, Align::Left),
        group(label::VOTE_HIGH, &pair),
        group(label::VOTE_TRUST, &pair),
        group(label::VOTE_LOW, &pair),
    ]
}

/// The board signs: its head first, as `TRƯỞNG BAN KIỂM PHIẾU`, then the
/// members as `THÀNH VIÊN`; with no board recorded, a head and a member
/// with blank names.
fn board_signatures(votes: &Votes) -> Vec<Signature> {
    if votes.board.is_empty() {
        return [HEAD_TITLE, MEMBER_TITLE]
            .iter()
            .map(|title| Signature {
                authority: String::new(),
                title: (*title).to_owned(),
                name: String::new(),
            })
            .collect();
    }
    let is_head = |role: &str| role.trim().to_lowercase() == HEAD_ROLE;
    let heads = votes.board.iter().filter(|b| is_head(&b.role));
    let others = votes.board.iter().filter(|b| !is_head(&b.role));
    heads
        .map(|b| (HEAD_TITLE, b))
        .chain(others.map(|b| (MEMBER_TITLE, b)))
        .map(|(title, b)| Signature {
            authority: String::new(),
            title: title.to_owned(),
            name: b.name.clone(),
        })
        .collect()
}

/// The vote-count minutes; `None` when the cycle has no votes.
pub fn render(
    cycle: &Cycle,
    engine: &Engine,
    _layout: &Layout,
) -> Result<Option<Document>, Diagnostic> {
    let Some(votes) = &cycle.votes else {
        return super::vote_form::render(cycle, engine);
    };
    let body = engine.render(TEMPLATE, &context(cycle, votes)?)?;
    let mut tables = BTreeMap::new();
    tables.insert(
        TableName::VoteResult.name().to_owned(),
        result_table(&votes.people, vote_base(&cycle.options, votes)),
    );
    minutes(
        cycle,
        engine,
        votes.date,
        body,
        tables,
        board_signatures(votes),
    )
    .map(Some)
}

/// The minutes around their body: the header (a blank number, the vote's
/// date), the title, the board's signatures.
pub fn minutes(
    cycle: &Cycle,
    engine: &Engine,
    date: NaiveDate,
    body: String,
    tables: BTreeMap<String, Table>,
    signatures: Vec<Signature>,
) -> Result<Document, Diagnostic> {
    let issuer = &cycle.issuer;
    Ok(Document {
        header: Header {
            superior: issuer.superior.clone(),
            issuer: issuer.name.clone(),
            number: format!("{BLANK}-BB/{}", issuer.symbol),
            place_date: format!("{}, {}", cycle.place, date_long(date)),
            subject: None,
            form_label: None,
        },
        title: Some(engine.title(&TitleContext::new(TEMPLATE, cycle))?),
        to: Vec::new(),
        body,
        tables,
        closing: Closing::Signatures(signatures),
        draft: false,
    })
}

/// A blank signature of the board: its head, or a member.
pub fn board_blank(head: bool) -> Signature {
    Signature {
        authority: String::new(),
        title: match head {
            true => HEAD_TITLE,
            false => MEMBER_TITLE,
        }
        .to_owned(),
        name: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regulation_follows_the_year() {
        let number = |y| vote_regulation(y).and_then(|c| c.number);
        assert_eq!(number(2022).as_deref(), Some("262-QĐ/TW"));
        assert_eq!(number(2023).as_deref(), Some("96-QĐ/TW"));
        assert_eq!(number(2030).as_deref(), Some("96-QĐ/TW"));
    }
}
