//! The vote-count minutes (templates/bien-ban-kiem-phieu.md), when the
//! cycle has a `votes.yaml`: the counting board, attendance, ballots, a
//! table per person, and the consequence the vote regulation attaches to
//! "tín nhiệm thấp" over the base of `rule_options.vote_base`, under the
//! vote regulation of the cycle's year (`crate::regulations`).

use super::BLANK;
use super::citation;
use super::tables::{self, group, label, leaf, share};
use crate::cycle::{Cycle, Issuer, VoteBase, VotePerson, Votes};
use crate::diagnostic::Diagnostic;
use crate::regulations;
use crate::render::document::{
    Align, Closing, ColumnGroup, Document, Header, Signature, Table, Title,
};
use crate::render::layout::Layout;
use crate::render::templates::Engine;
use crate::render::vietnamese::{Citation, date_long};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "bien-ban-kiem-phieu.md";

/// Title lines and signature titles (metadata, not body prose).
const KIND: &str = "BIÊN BẢN";
const SUBJECT: &str = "kiểm phiếu lấy phiếu tín nhiệm đối với cán bộ lãnh đạo, quản lý năm";
const HEAD_TITLE: &str = "Trưởng ban kiểm phiếu";
const MEMBER_TITLE: &str = "Thành viên";
/// A board role naming the head of the board (compared case-insensitively).
const HEAD_ROLE: &str = "trưởng ban";

/// The confidence-vote regulation in force for reviews of `year`, as a
/// citation; from the one regulations table (`crate::regulations`).
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

/// The kind of a vote regulation when the table does not say.
const REGULATION_KIND: &str = "Quy định";

/// What "tín nhiệm thấp" over the base leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consequence {
    /// Half or less.
    None,
    /// More than half, less than 2/3: consider removal from the post.
    Consider,
    /// 2/3 or more: removal without waiting for the term's end.
    Remove,
}

/// The consequence of `low` votes over `base` ballots (integer arithmetic).
pub fn consequence(low: u32, base: u32) -> Consequence {
    let (low, base) = (u64::from(low), u64::from(base));
    if base == 0 {
        Consequence::None
    } else if low * 3 >= base * 2 {
        Consequence::Remove
    } else if low * 2 > base {
        Consequence::Consider
    } else {
        Consequence::None
    }
}

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
    consider: Vec<Flagged<'a>>,
    remove: Vec<Flagged<'a>>,
}

/// A person whose "tín nhiệm thấp" share carries a consequence.
#[derive(Serialize)]
pub struct Flagged<'a> {
    pub name: &'a str,
    pub position: &'a str,
    pub low: u32,
    pub share: String,
}

/// The committee's own rule on the vote (`directive.vote_rule`), unless it
/// is the vote regulation in force itself: a regulation is cited once.
pub fn local_rule(cycle: &Cycle) -> Result<Option<Citation>, Diagnostic> {
    let Some(key) = &cycle.directive.vote_rule else {
        return Ok(None);
    };
    let rule = citation(cycle, "directive.vote_rule", key)?;
    let in_force = vote_regulation(cycle.year).and_then(|r| r.number);
    Ok((rule.number.is_none() || rule.number != in_force).then_some(rule))
}

pub fn base_of(cycle: &Cycle, votes: &Votes) -> u32 {
    match cycle.options.vote_base {
        VoteBase::Returned => votes.ballots.returned,
        VoteBase::Valid => votes.ballots.valid,
    }
}

pub fn flagged(votes: &Votes, base: u32, level: Consequence) -> Vec<Flagged<'_>> {
    votes
        .people
        .iter()
        .filter(|p| consequence(p.low, base) == level)
        .map(|p| Flagged {
            name: &p.name,
            position: &p.position,
            low: p.low,
            share: share(p.low.into(), base.into()),
        })
        .collect()
}

fn context<'a>(cycle: &'a Cycle, votes: &'a Votes) -> Result<Context<'a>, Diagnostic> {
    let base = base_of(cycle, votes);
    let local_rule = local_rule(cycle)?;
    Ok(Context {
        form: false,
        year: cycle.year,
        issuer: &cycle.issuer,
        votes,
        present_share: share(votes.present.into(), votes.convened.into()),
        invalid: votes.ballots.returned.saturating_sub(votes.ballots.valid),
        over_valid: cycle.options.vote_base == VoteBase::Valid,
        base,
        regulation: vote_regulation(cycle.year),
        local_rule,
        consider: flagged(votes, base, Consequence::Consider),
        remove: flagged(votes, base, Consequence::Remove),
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
                row.push(tables::share(n.into(), base.into()));
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
/// members as `THÀNH VIÊN`.
fn board_signatures(votes: &Votes) -> Vec<Signature> {
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
        "ket-qua".to_owned(),
        result_table(&votes.people, base_of(cycle, votes)),
    );
    Ok(Some(minutes(
        cycle,
        votes.date,
        body,
        tables,
        board_signatures(votes),
    )))
}

/// The minutes around their body: the header (a blank number, the vote's
/// date), the title, the board's signatures.
pub fn minutes(
    cycle: &Cycle,
    date: NaiveDate,
    body: String,
    tables: BTreeMap<String, Table>,
    signatures: Vec<Signature>,
) -> Document {
    let issuer = &cycle.issuer;
    Document {
        header: Header {
            superior: issuer.superior.clone(),
            issuer: issuer.name.clone(),
            number: format!("{BLANK}-BB/{}", issuer.symbol),
            place_date: format!("{}, {}", cycle.place, date_long(date)),
            subject: None,
        },
        title: Some(Title {
            kind: KIND.to_owned(),
            subject: format!("{SUBJECT} {}", cycle.year),
        }),
        to: Vec::new(),
        body,
        tables,
        closing: Closing::Signatures(signatures),
        draft: false,
    }
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

    #[test]
    fn thresholds_are_over_half_and_two_thirds() {
        assert_eq!(consequence(22, 45), Consequence::None);
        assert_eq!(consequence(23, 45), Consequence::Consider);
        assert_eq!(consequence(29, 45), Consequence::Consider);
        assert_eq!(consequence(30, 45), Consequence::Remove);
        assert_eq!(consequence(3, 0), Consequence::None);
    }
}
