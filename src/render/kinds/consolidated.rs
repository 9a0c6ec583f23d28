//! The consolidated report to the superior committee
//! (templates/bao-cao-tong-hop.md): how the review was organised, the
//! branches and the members by level, the HTXSNV cap, the special cases,
//! the confidence vote, shortcomings and remedies.
//!
//! Every figure comes from [`crate::stats::Figures`], the same figures
//! `vanban stats` prints; the cap is the `quota-excellent` rule's own
//! computation. Written only when every branch has reported, or with
//! `build --partial` as a draft that names the branches still missing
//! (`results-missing`).

use super::BLANK;
use super::branch::{LINE_BLANK, Prose, party_organisation};
use super::citations;
use super::directive::committee_signer;
pub use super::people::{Person, excellent, not_rated, people, reported};
use super::tables::{group, leaf};
use super::vote_minutes::{self, Flagged};
use crate::cycle::{Cycle, Issuer, Rating, Results, Superior, Votes};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::domain::figures::{QUOTA_PERCENT, share, vote_base};
use crate::domain::forms::{TableName, rating_cell};
use crate::domain::vietnamese::date_short;
use crate::render::document::{Align, Closing, Document, Header, Table};
use crate::render::layout::Layout;
use crate::render::templates::{Engine, TitleContext};
use crate::render::vietnamese::Citation;
use crate::stats::{Counts, Figures, Reason};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "bao-cao-tong-hop.md";
/// Where the report goes in OUT (without extension).
pub const STEM: &str = "bao-cao-tong-hop";

/// Headings of the report's tables (short: the member table is wide).
pub mod label {
    pub use crate::domain::forms::label::{ACHIEVEMENTS, DISCIPLINE, NAME, NO};
    pub const NO_SHORT: &str = "TT";
    pub const BRANCH: &str = "Chi bộ";
    pub const ROLL: &str = "Tổng số đảng viên";
    pub const NOT_RATED: &str = "Không xếp loại";
    pub const RATED: &str = "Được xếp loại";
    pub const COUNT: &str = "Số";
    pub const SHARE: &str = "%";
    pub const TOTAL: &str = "Cộng";
    pub const MEETING_DATE: &str = "Ngày họp";
    pub const GUESTS: &str = "Đại biểu cấp ủy dự";
    pub const RATING: &str = "Xếp loại";
    /// An empty cell (no guest, no discipline).
    pub const NONE: &str = "—";

    /// The short heading of a not-rated reason's column.
    pub fn reason(reason: crate::stats::Reason) -> &'static str {
        use crate::stats::Reason;
        match reason {
            Reason::Exempt => "Miễn công tác, sinh hoạt",
            Reason::Suspended => "Đình chỉ sinh hoạt",
            Reason::NewMember => "Kết nạp chưa đủ 6 tháng",
            Reason::Other => "Lý do khác",
        }
    }
}

/// A branch's name in a table under the heading `Chi bộ`: without the word
/// (`Chi bộ Tổng hợp` → `Tổng hợp`), so the wide tables fit the page.
pub fn in_table(name: &str) -> String {
    name.strip_prefix(label::BRANCH)
        .map(str::trim_start)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name)
        .to_owned()
}

/// What the report template sees.
#[derive(Serialize)]
struct Context<'a> {
    year: i32,
    issuer: &'a Issuer,
    superior: &'a Superior,
    /// `Đảng bộ Văn phòng UBND tỉnh`: the organisation the committee leads.
    organisation: String,
    basis: Vec<Citation>,
    directive: DirectiveRef<'a>,
    figures: &'a Figures,
    /// Why the HTXSNV cap is raised above 20% (`rule_options.quota_reason`,
    /// qd366-2025), when it is.
    quota_reason: Option<&'a str>,
    /// Branches in cycle.yaml, and those that reported.
    branch_count: usize,
    reported: usize,
    /// Names of the branches not yet reported (a `--partial` draft).
    missing: Vec<String>,
    /// Branches that reported with nobody rated (no percentages).
    nobody_rated: Vec<&'a str>,
    /// Some branch's meeting had guests of the committee.
    guests: bool,
    legend: Vec<Legend>,
    not_rated: Vec<Person<'a>>,
    excellent: Vec<Person<'a>>,
    failing: Vec<Person<'a>>,
    disciplined: Vec<Person<'a>>,
    votes: Option<VoteView<'a>>,
    /// What branches wrote of their strengths, of past shortcomings
    /// remedied, of matters explained and of responsibility: only the
    /// branches that wrote something (the committee's own assessment
    /// stays with the clerk).
    strengths: Vec<BranchText<'a>>,
    remedied: Vec<BranchText<'a>>,
    explanations: Vec<BranchText<'a>>,
    responsibility: Vec<BranchText<'a>>,
    shortcomings: BranchProse<'a>,
    remedies: BranchProse<'a>,
    /// `02-BC/ĐUVP ngày 12/01/2023`, or with dotted blanks (the Phụ lục's
    /// "Kèm theo Báo cáo số …").
    reference: String,
    /// A dotted line for what the clerk writes in; `dots` a shorter one.
    blank: &'static str,
    dots: &'a str,
}

#[derive(Serialize)]
struct DirectiveRef<'a> {
    number: String,
    date: NaiveDate,
    to: &'a [String],
    subject: &'a str,
}

/// `HTXSNV: Hoàn thành xuất sắc nhiệm vụ` (the table uses the codes).
#[derive(Serialize)]
struct Legend {
    code: &'static str,
    name: &'static str,
}

/// One prose field across the branches that reported.
#[derive(Serialize)]
struct BranchProse<'a> {
    /// What each branch wrote, in cycle.yaml order; `text: None` where the
    /// results do not say (a dotted line for the clerk).
    items: Vec<BranchText<'a>>,
    /// The branches whose results state there is none (`""`).
    none: Vec<&'a str>,
}

#[derive(Serialize)]
struct BranchText<'a> {
    branch: &'a str,
    text: Option<&'a str>,
}

/// The confidence vote, as the report states it.
#[derive(Serialize)]
struct VoteView<'a> {
    votes: &'a Votes,
    people: usize,
    base: u32,
    over_valid: bool,
    present_share: String,
    regulation: Option<Citation>,
    local_rule: Option<Citation>,
    flagged: Vec<Flagged<'a>>,
}

/// What the branches wrote in one prose field, those that wrote something.
fn written<'a>(
    cycle: &'a Cycle,
    field: impl Fn(&'a Results) -> Option<&'a str>,
) -> Vec<BranchText<'a>> {
    branch_prose(cycle, field)
        .items
        .into_iter()
        .filter(|b| b.text.is_some())
        .collect()
}

fn branch_prose<'a>(
    cycle: &'a Cycle,
    field: impl Fn(&'a Results) -> Option<&'a str>,
) -> BranchProse<'a> {
    let mut out = BranchProse {
        items: Vec::new(),
        none: Vec::new(),
    };
    for (branch, r) in reported(cycle) {
        let prose = Prose::of(field(r));
        match prose.none {
            true => out.none.push(branch),
            false => out.items.push(BranchText {
                branch,
                text: prose.text,
            }),
        }
    }
    out
}

fn vote_view<'a>(cycle: &'a Cycle, votes: &'a Votes) -> Result<VoteView<'a>, Diagnostic> {
    let base = vote_base(&cycle.options, votes);
    let (regulation, local_rule) = vote_minutes::vote_rules(cycle)?;
    Ok(VoteView {
        votes,
        people: votes.people.len(),
        base,
        over_valid: cycle.options.vote_base == crate::cycle::VoteBase::Valid,
        present_share: share(votes.present.into(), votes.convened.into()),
        regulation,
        local_rule,
        flagged: vote_minutes::flagged(cycle, votes, base),
    })
}

fn context<'a>(
    cycle: &'a Cycle,
    figures: &'a Figures,
    layout: &'a Layout,
) -> Result<Context<'a>, Diagnostic> {
    let d = &cycle.directive;
    Ok(Context {
        year: cycle.year,
        issuer: &cycle.issuer,
        superior: &cycle.superior,
        organisation: party_organisation(&cycle.issuer.name),
        basis: citations(cycle, "directive.basis", &d.basis)?,
        directive: DirectiveRef {
            number: format!("{:02}-CV/{}", d.number, cycle.issuer.symbol),
            date: d.date,
            to: &d.to,
            subject: &d.subject,
        },
        figures,
        reference: {
            let (number, date) = number_and_date(cycle);
            super::reference(cycle, &number, date)
        },
        quota_reason: cycle
            .options
            .quota_reason
            .as_deref()
            .filter(|_| cycle.options.quota_percent > QUOTA_PERCENT),
        branch_count: cycle.branches.len(),
        reported: cycle.results.len(),
        missing: figures.missing_names(),
        nobody_rated: figures
            .reported()
            .filter(|b| b.counts.as_ref().is_some_and(|c| c.rated == 0))
            .map(|b| b.name.as_str())
            .collect(),
        guests: cycle
            .results
            .values()
            .any(|r| r.meeting.guests.as_ref().is_some_and(|g| !g.is_empty())),
        legend: Rating::ALL
            .iter()
            .map(|r| Legend {
                code: r.code(),
                name: r.full_name(),
            })
            .collect(),
        not_rated: not_rated(cycle),
        excellent: excellent(cycle),
        failing: people(cycle, |m| {
            (m.rating == Some(Rating::Khtnv)).then_some(Rating::Khtnv.full_name())
        }),
        disciplined: people(cycle, |m| m.discipline.as_deref()),
        votes: cycle
            .votes
            .as_ref()
            .map(|v| vote_view(cycle, v))
            .transpose()?,
        strengths: written(cycle, |r| r.collective.strengths.as_deref()),
        remedied: written(cycle, |r| r.collective.remedied.as_deref()),
        explanations: written(cycle, |r| r.collective.explanations.as_deref()),
        responsibility: written(cycle, |r| r.collective.responsibility.as_deref()),
        shortcomings: branch_prose(cycle, |r| r.collective.shortcomings.as_deref()),
        remedies: branch_prose(cycle, |r| r.collective.remedies.as_deref()),
        blank: LINE_BLANK,
        dots: &layout.dotted_blank,
    })
}

/// The meetings table (`hoi-nghi`): a row per branch that reported.
fn meetings_table(cycle: &Cycle) -> Table {
    let groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::BRANCH, Align::Left),
        leaf(label::MEETING_DATE, Align::Center),
        leaf(label::GUESTS, Align::Left),
    ];
    let rows = reported(cycle)
        .enumerate()
        .map(|(i, (branch, r))| {
            let guests = match r.meeting.guests.as_deref() {
                None => BLANK.to_owned(),
                Some([]) => label::NONE.to_owned(),
                Some(guests) => guests.join("; "),
            };
            vec![
                (i + 1).to_string(),
                in_table(branch),
                date_short(r.meeting.date),
                guests,
            ]
        })
        .collect();
    Table {
        groups,
        rows,
        total_row: false,
    }
}

/// The member table (`dang-vien`): a row per branch that reported and a
/// totals row; on the roll, not rated (by reason when any), rated, and per
/// level the count and the share of those rated.
pub fn members_table(figures: &Figures) -> Table {
    let mut groups = vec![
        leaf(label::NO_SHORT, Align::Center),
        leaf(label::BRANCH, Align::Left),
        leaf(label::ROLL, Align::Right),
    ];
    groups.push(match figures.reasons.as_slice() {
        [] => leaf(label::NOT_RATED, Align::Right),
        reasons => {
            let columns: Vec<(&str, Align)> = reasons
                .iter()
                .map(|r| (label::reason(*r), Align::Right))
                .collect();
            group(label::NOT_RATED, &columns)
        }
    });
    groups.push(leaf(label::RATED, Align::Right));
    let pair = [(label::COUNT, Align::Right), (label::SHARE, Align::Right)];
    groups.extend(Rating::ALL.iter().map(|r| group(r.code(), &pair)));
    let mut rows: Vec<Vec<String>> = figures
        .reported()
        .enumerate()
        .filter_map(|(i, b)| {
            let counts = b.counts.as_ref()?;
            Some(member_row(
                &(i + 1).to_string(),
                &in_table(&b.name),
                counts,
                &figures.reasons,
            ))
        })
        .collect();
    rows.push(member_row(
        "",
        label::TOTAL,
        &figures.total,
        &figures.reasons,
    ));
    Table {
        groups,
        rows,
        total_row: true,
    }
}

fn member_row(no: &str, name: &str, c: &Counts, reasons: &[Reason]) -> Vec<String> {
    let mut row = vec![no.to_owned(), name.to_owned(), c.roll.to_string()];
    match reasons {
        [] => row.push(c.not_rated.to_string()),
        reasons => row.extend(reasons.iter().map(|r| c.not_rated_for(*r).to_string())),
    }
    row.push(c.rated.to_string());
    for level in &c.levels {
        row.push(level.count.to_string());
        // The sub-column is headed `%`: the sign is not repeated in the cells.
        row.push(level.share.trim_end_matches('%').to_owned());
    }
    row
}

/// Members rated HTXSNV and their achievements (`xuat-sac`).
fn excellent_table(cycle: &Cycle) -> Table {
    let groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::BRANCH, Align::Left),
        leaf(label::ACHIEVEMENTS, Align::Left),
    ];
    let rows = excellent(cycle)
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                p.name.to_owned(),
                in_table(p.branch),
                p.detail.to_owned(),
            ]
        })
        .collect();
    Table {
        groups,
        rows,
        total_row: false,
    }
}

/// Members rated KHTNV or disciplined in the year (`truong-hop`).
fn special_table(cycle: &Cycle) -> Table {
    let groups = vec![
        leaf(label::NO, Align::Center),
        leaf(label::NAME, Align::Left),
        leaf(label::BRANCH, Align::Left),
        leaf(label::RATING, Align::Left),
        leaf(label::DISCIPLINE, Align::Left),
    ];
    let rows = reported(cycle)
        .flat_map(|(branch, r)| {
            r.members
                .iter()
                .filter(|m| m.rating == Some(Rating::Khtnv) || m.discipline.is_some())
                .map(move |m| (branch, m))
        })
        .enumerate()
        .map(|(i, (branch, m))| {
            vec![
                (i + 1).to_string(),
                m.name.clone(),
                in_table(branch),
                rating_cell(m.rating).to_owned(),
                m.discipline
                    .clone()
                    .unwrap_or_else(|| label::NONE.to_owned()),
            ]
        })
        .collect();
    Table {
        groups,
        rows,
        total_row: false,
    }
}

fn report_tables(cycle: &Cycle, figures: &Figures) -> BTreeMap<String, Table> {
    let mut out = BTreeMap::new();
    out.insert(TableName::Meeting.name().to_owned(), meetings_table(cycle));
    out.insert(TableName::Members.name().to_owned(), members_table(figures));
    out.insert(
        TableName::Excellent.name().to_owned(),
        excellent_table(cycle),
    );
    out.insert(TableName::Special.name().to_owned(), special_table(cycle));
    if let Some(votes) = &cycle.votes {
        let base = vote_base(&cycle.options, votes);
        out.insert(
            TableName::Confidence.name().to_owned(),
            vote_minutes::result_table(&votes.people, base),
        );
    }
    out
}

/// The report's number (`02-BC/ĐUVP`, or `……-BC/ĐUVP`) and date, from
/// cycle.yaml's `report` block.
fn number_and_date(cycle: &Cycle) -> (String, Option<NaiveDate>) {
    let symbol = &cycle.issuer.symbol;
    match &cycle.report {
        Some(r) => (format!("{:02}-BC/{symbol}", r.number), Some(r.date)),
        None => (format!("{BLANK}-BC/{symbol}"), None),
    }
}

/// The header: number and date from cycle.yaml's `report` block, or blanks.
fn header(cycle: &Cycle) -> Header {
    let (number, date) = number_and_date(cycle);
    super::dated_header(cycle, number, date)
}

/// Whether the report is written: every branch reported, or some did and
/// `partial` asks for a draft without the others.
pub fn is_written(cycle: &Cycle, partial: bool) -> bool {
    let missing = cycle
        .branches
        .iter()
        .any(|b| !cycle.results.contains_key(&b.id));
    !cycle.results.is_empty() && (!missing || partial)
}

/// The consolidated report; `None` when it is not written (see
/// [`is_written`] and [`results_missing`]).
pub fn render(
    cycle: &Cycle,
    engine: &Engine,
    layout: &Layout,
    partial: bool,
) -> Result<Option<Document>, Diagnostic> {
    if !is_written(cycle, partial) {
        return Ok(None);
    }
    let figures = Figures::of(cycle);
    let body = engine.render(TEMPLATE, &context(cycle, &figures, layout)?)?;
    let title = engine.title(&TitleContext::new(TEMPLATE, cycle))?;
    let copies = vec![
        cycle.superior.name.clone(),
        format!("{} {}", layout.archive_label, cycle.issuer.archive),
    ];
    Ok(Some(Document {
        header: header(cycle),
        title: Some(title),
        to: Vec::new(),
        body,
        tables: report_tables(cycle, &figures),
        closing: Closing::Signed {
            copies,
            signer: committee_signer(cycle, layout),
        },
        draft: !figures.missing.is_empty(),
    }))
}

/// `results-missing` (a warning: it concerns the consolidated report only;
/// the other documents are built): one line per branch with no results
/// file, or one line when no branch has reported.
pub fn results_missing(cycle: &Cycle, partial: bool) -> Vec<Diagnostic> {
    if cycle.branches.is_empty() {
        return Vec::new();
    }
    if cycle.results.is_empty() {
        return vec![Diagnostic::warning(
            Code::ResultsMissing,
            cycle.place("branches"),
            Message::new(
                format!(
                    "chưa chi bộ nào gửi kết quả (results/<mã chi bộ>.yaml): chưa lập được báo cáo tổng hợp ({STEM}); các văn bản khác vẫn được xuất"
                ),
                format!(
                    "no branch has reported yet (results/<branch-id>.yaml): the consolidated report ({STEM}) is not written; the other documents are"
                ),
            ),
        )];
    }
    cycle
        .branches
        .iter()
        .enumerate()
        .filter(|(_, b)| !cycle.results.contains_key(&b.id))
        .map(|(i, b)| {
            let (then_vi, then_en) = match partial {
                true => (
                    "báo cáo tổng hợp và quyết định công nhận kết quả được xuất dưới dạng dự thảo, chưa tính chi bộ này".to_owned(),
                    "the consolidated report and the decision on the ratings are written as drafts without this branch".to_owned(),
                ),
                false => (
                    format!(
                        "báo cáo tổng hợp ({STEM}) và quyết định công nhận kết quả ({decision}) chưa được xuất, các văn bản khác vẫn được xuất; dùng `--partial` để xuất bản dự thảo chưa tính chi bộ này",
                        decision = super::decision::STEM
                    ),
                    format!(
                        "the consolidated report ({STEM}) and the decision on the ratings ({decision}) are not written, the other documents are; `--partial` writes them as drafts without this branch",
                        decision = super::decision::STEM
                    ),
                ),
            };
            Diagnostic::warning(
                Code::ResultsMissing,
                cycle.place(&format!("branches[{i}]")),
                Message::new(
                    format!(
                        "{} (`{}`) chưa gửi kết quả (results/{}.yaml): {then_vi}",
                        b.name, b.id, b.id
                    ),
                    format!(
                        "{} (`{}`) has not reported (results/{}.yaml): {then_en}",
                        b.name, b.id, b.id
                    ),
                ),
            )
        })
        .collect()
}
