//! The committee's decision recognising the ratings of its branches and
//! members, with the lists attached to it (templates/quyet-dinh-xep-loai.md):
//! branches by level, members rated HTXSNV with their products, members
//! rated KHTNV, members not rated with the reason. Đảng ủy cơ sở decides the
//! ratings of its branches and members (Hướng dẫn 21-HD, 25-HD, 43-HD).
//!
//! The lists follow the signature on pages of their own, headed "(Kèm theo
//! Quyết định số …)", in the same file.
//! Number and date from cycle.yaml's `decision`, or dotted blanks; Điều 2
//! (giấy khen) only with `decision.awards: true`. Written, like the
//! consolidated report, when every branch has reported (`--partial`: a
//! draft naming the branches missing). Every count is `stats::Figures`'.

use super::consolidated::{Person, excellent, in_table, is_written, not_rated, people, reported};
use super::directive::committee_signer;
use super::tables::leaf;
use super::{BLANK, citations};
use crate::cycle::{Cycle, Issuer, Rating};
use crate::diagnostic::Diagnostic;
use crate::domain::forms::TableName;
use crate::domain::regulations;
use crate::render::document::{Align, Closing, Document, Header, Table};
use crate::render::layout::Layout;
use crate::render::templates::{Engine, TitleContext};
use crate::render::vietnamese::Citation;
use crate::stats::Figures;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "quyet-dinh-xep-loai.md";
/// Where the decision and its lists go in OUT (without extension).
pub const STEM: &str = "quyet-dinh-xep-loai";

/// Headings of the attached lists.
mod label {
    pub use crate::domain::forms::label::{ACHIEVEMENTS, NAME, NO};
    pub const BRANCH: &str = "Chi bộ";
    pub const RATING: &str = "Mức xếp loại";
    pub const REASON: &str = "Lý do";
}

/// What the template sees.
#[derive(Serialize)]
struct Context<'a> {
    year: i32,
    issuer: &'a Issuer,
    /// The deciding body, in capitals: `ĐẢNG ỦY VĂN PHÒNG UBND TỈNH`.
    body: String,
    /// `Đảng bộ Văn phòng UBND tỉnh`.
    organisation: String,
    /// The regulation and guide of the rule set.
    regulations: Vec<Citation>,
    /// The superior's documents the directive rests on (`directive.basis`).
    basis: Vec<Citation>,
    figures: &'a Figures,
    /// Giấy khen for the members rated HTXSNV (Điều 2).
    awards: bool,
    /// The article naming who carries the decision out.
    execute_article: u32,
    /// `102-QĐ/ĐUVP ngày 29/12/2022`, or with dotted blanks.
    reference: String,
    /// Branches not yet reported (a `--partial` draft).
    missing: Vec<String>,
    branch_count: usize,
    excellent: Vec<Person<'a>>,
    failing: Vec<Person<'a>>,
    not_rated: Vec<Person<'a>>,
}

/// The regulation and guide of the cycle's rule set, as citations.
fn rule_regulations(cycle: &Cycle) -> Vec<Citation> {
    regulations::of_set(cycle.rules)
        .into_iter()
        .flatten()
        .map(|r| Citation {
            kind: r.kind.unwrap_or("Hướng dẫn").to_owned(),
            number: Some(r.number.to_owned()),
            date: r.date().map(Into::into),
            by: r.by.to_owned(),
            about: None,
        })
        .collect()
}

fn awards(cycle: &Cycle) -> bool {
    cycle.decision.as_ref().is_some_and(|d| d.awards) && !excellent(cycle).is_empty()
}

/// `Số` and date of the decision: from `decision`, else dotted blanks.
fn number_and_date(cycle: &Cycle) -> (String, Option<chrono::NaiveDate>) {
    let d = cycle.decision.as_ref();
    let number = match d.and_then(|d| d.number.as_ref()) {
        Some(n) => format!("{n:02}-QĐ/{}", cycle.issuer.symbol),
        None => format!("{BLANK}-QĐ/{}", cycle.issuer.symbol),
    };
    (number, d.and_then(|d| d.date))
}

fn context<'a>(cycle: &'a Cycle, figures: &'a Figures) -> Result<Context<'a>, Diagnostic> {
    let awards = awards(cycle);
    let (number, date) = number_and_date(cycle);
    Ok(Context {
        year: cycle.year,
        issuer: &cycle.issuer,
        body: cycle.issuer.name.to_uppercase(),
        organisation: super::branch::party_organisation(&cycle.issuer.name),
        regulations: rule_regulations(cycle),
        basis: citations(cycle, "directive.basis", &cycle.directive.basis)?,
        figures,
        awards,
        execute_article: if awards { 3 } else { 2 },
        reference: super::reference(cycle, &number, date),
        missing: figures.missing_names(),
        branch_count: cycle.branches.len(),
        excellent: excellent(cycle),
        failing: people(cycle, |m| {
            (m.rating == Some(Rating::Khtnv)).then_some(Rating::Khtnv.full_name())
        }),
        not_rated: not_rated(cycle),
    })
}

/// Branches by level, highest first, in cycle order within a level.
fn branches_table(cycle: &Cycle) -> Table {
    let mut rows: Vec<(Rating, &str)> = reported(cycle)
        .map(|(name, r)| (r.collective.rating, name))
        .collect();
    rows.sort_by_key(|(rating, _)| std::cmp::Reverse(*rating));
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, (rating, name))| {
            vec![
                (i + 1).to_string(),
                name.to_owned(),
                rating.full_name().to_owned(),
            ]
        })
        .collect();
    Table {
        groups: vec![
            leaf(label::NO, Align::Center),
            leaf(label::BRANCH, Align::Left),
            leaf(label::RATING, Align::Left),
        ],
        rows,
        total_row: false,
    }
}

/// STT, name, branch and one more column (`detail`, when given).
fn people_table(list: &[Person], detail: Option<&str>) -> Table {
    let mut groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::BRANCH, Align::Left),
    ];
    groups.extend(detail.map(|d| leaf(d, Align::Left)));
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![(i + 1).to_string(), p.name.to_owned(), in_table(p.branch)];
            if detail.is_some() {
                row.push(p.detail.to_owned());
            }
            row
        })
        .collect();
    Table::new(groups, rows)
}

fn list_tables(cycle: &Cycle, c: &Context) -> BTreeMap<String, Table> {
    BTreeMap::from([
        (TableName::Branch.name().to_owned(), branches_table(cycle)),
        (
            TableName::Excellent.name().to_owned(),
            people_table(&c.excellent, Some(label::ACHIEVEMENTS)),
        ),
        (
            TableName::Failing.name().to_owned(),
            people_table(&c.failing, None),
        ),
        (
            TableName::NotRated.name().to_owned(),
            people_table(&c.not_rated, Some(label::REASON)),
        ),
    ])
}

fn header(cycle: &Cycle) -> Header {
    let (number, date) = number_and_date(cycle);
    super::dated_header(cycle, number, date)
}

/// Renders `template` with the decision's context when the decision is
/// written ([`is_written`]), and makes the document with `make` from the
/// body and the context; the document is a draft while branches are missing.
fn written(
    cycle: &Cycle,
    engine: &Engine,
    partial: bool,
    template: &str,
    make: impl FnOnce(String, &Context) -> Document,
) -> Result<Option<Document>, Diagnostic> {
    if !is_written(cycle, partial) {
        return Ok(None);
    }
    let figures = Figures::of(cycle);
    let c = context(cycle, &figures)?;
    let body = engine.render(template, &c)?;
    let mut doc = make(body, &c);
    doc.draft = !figures.missing.is_empty();
    Ok(Some(doc))
}

/// The decision; `None` when it is not written ([`is_written`]).
pub fn render(
    cycle: &Cycle,
    engine: &Engine,
    layout: &Layout,
    partial: bool,
) -> Result<Option<Document>, Diagnostic> {
    let title = engine.title(&TitleContext::new(TEMPLATE, cycle))?;
    written(cycle, engine, partial, TEMPLATE, |body, c| {
        let copies = vec![
            format!("{} {}", cycle.superior.short, layout.for_information_label),
            format!("{} {}", layout.as_article_label, c.execute_article),
            format!("{} {}", layout.archive_label, cycle.issuer.archive),
        ];
        Document {
            header: header(cycle),
            title: Some(title),
            to: Vec::new(),
            body,
            tables: list_tables(cycle, c),
            closing: Closing::Signed {
                copies,
                signer: committee_signer(cycle, layout),
            },
            draft: false,
        }
    })
}
