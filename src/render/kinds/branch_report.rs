//! The branch's report on its review (templates/bao-cao-chi-bo.md): a form
//! to fill in when the branch has not reported, else the filled report.
//! Both carry the same tables (see `tables.rs`), so a returned form can be
//! read back cell by cell.

use super::BLANK;
use super::branch::{BranchData, CollectiveView, LINE_BLANK, branch_signer};
use super::tables::{self, MemberColumns, MemberRow, SpecialRow};
use crate::cycle::{Absence, Branch, Cycle, Issuer, Meeting, Rating, Results, RuleSet};
use crate::diagnostic::Diagnostic;
use crate::domain::figures::{Score, Tally, present, quota_upper_bound};
use crate::domain::forms::{TableName, branch_report_label, label};
use crate::domain::vietnamese::date_short;
use crate::render::document::{Closing, Document, Table};
use crate::render::layout::Layout;
use crate::render::templates::{Engine, TitleContext};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "bao-cao-chi-bo.md";

/// Empty rows a form leaves for special cases (not rated, disciplined …).
const SPECIAL_BLANK_ROWS: usize = 2;

/// What the report template sees.
#[derive(Serialize)]
struct Context<'a> {
    /// No results: the form to fill in.
    form: bool,
    /// The rule set's id (`qd366-2025` …): which guide's Mẫu 01 the body follows.
    rules: &'static str,
    year: i32,
    branch: &'a Branch,
    issuer: &'a Issuer,
    directive: DirectiveRef,
    due: NaiveDate,
    /// A dotted line for prose to be written in.
    blank: &'static str,
    collective: Option<CollectiveView<'a>>,
    counts: Option<Counts>,
    /// Members proposed HTXSNV (their achievements are in `thanh-tich`).
    excellent: Vec<&'a str>,
    failing: Vec<&'a str>,
    not_rated: Vec<Named<'a>>,
    disciplined: Vec<Named<'a>>,
    /// Some member has a special case (the `truong-hop` table is filled).
    special: bool,
}

#[derive(Serialize)]
struct DirectiveRef {
    number: String,
    date: NaiveDate,
}

/// The counts the text states (the same as the statistics table).
#[derive(Serialize)]
struct Counts {
    members: u32,
    rated: u64,
    not_rated: u64,
}

/// A member and one fact about them (a reason, a discipline).
#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    detail: &'a str,
}

fn context<'a>(data: &BranchData<'a>) -> Context<'a> {
    let cycle = data.cycle;
    let results = data.results;
    let members = results.map_or(&[][..], |r| r.members.as_slice());
    let with = |f: fn(&crate::cycle::Member) -> Option<&str>| -> Vec<Named<'a>> {
        members
            .iter()
            .filter_map(|m| {
                f(m).map(|detail| Named {
                    name: &m.name,
                    detail,
                })
            })
            .collect()
    };
    let rated_at = |level: Rating| -> Vec<&'a str> {
        members
            .iter()
            .filter(|m| m.rating == Some(level))
            .map(|m| m.name.as_str())
            .collect()
    };
    Context {
        form: data.is_form(),
        rules: cycle.rules.id(),
        year: cycle.year,
        branch: data.branch,
        issuer: &cycle.issuer,
        directive: DirectiveRef {
            number: format!("{:02}-CV/{}", cycle.directive.number, cycle.issuer.symbol),
            date: cycle.directive.date,
        },
        due: cycle.schedule.branch_report_due,
        blank: LINE_BLANK,
        collective: results.map(|r| CollectiveView::of(&r.collective)),
        counts: results.map(|r| counts(data.branch, r)),
        excellent: rated_at(Rating::Htxsnv),
        failing: rated_at(Rating::Khtnv),
        not_rated: with(|m| m.not_rated.as_deref()),
        disciplined: with(|m| m.discipline.as_deref()),
        special: members.iter().any(|m| SpecialRow::of(m).is_some()),
    }
}

fn counts(branch: &Branch, results: &Results) -> Counts {
    let tally = Tally::members(results);
    Counts {
        members: branch.members,
        rated: tables::rated_count(&tally),
        not_rated: tally.not_rated,
    }
}

/// The report's tables, filled from the results or left blank.
fn report_tables(data: &BranchData) -> BTreeMap<String, Table> {
    let mut out = BTreeMap::new();
    out.insert(TableName::Branch.name().to_owned(), data.branch_table());
    out.insert(TableName::Meeting.name().to_owned(), meeting_table(data));
    out.insert(
        TableName::Collective.name().to_owned(),
        collective_table(data),
    );
    let tally = data.results.map(Tally::members);
    out.insert(
        TableName::Statistics.name().to_owned(),
        tables::statistics(data.branch.members, tally.as_ref()),
    );
    out.insert(TableName::Members.name().to_owned(), member_table(data));
    out.insert(
        TableName::Achievements.name().to_owned(),
        achievements_table(data),
    );
    out.insert(TableName::Special.name().to_owned(), special_table(data));
    out
}

/// The meeting table (`hoi-nghi`): date, place, chair, clerk, guests,
/// attendance. On a form every value is empty; in a filled report a value
/// the results do not give is a dotted blank.
pub fn meeting_table(data: &BranchData) -> Table {
    let Some(m) = data.results.map(|r| &r.meeting) else {
        return tables::key_value(MEETING_ROWS.iter().map(|&row| (row, None)).collect());
    };
    let known = |v: Option<String>| Some(v.unwrap_or_else(|| BLANK.to_owned()));
    let (present, absent) = attendance(data.branch.members, m);
    tables::key_value(vec![
        (label::DATE, Some(date_short(m.date))),
        (label::PLACE, Some(m.place.clone())),
        (label::CHAIR, Some(m.chair.clone())),
        (label::CLERK, Some(m.clerk.clone())),
        (label::GUESTS, known(m.guests.as_deref().map(listed))),
        (label::PRESENT, known(present)),
        (label::ABSENT, known(absent)),
    ])
}

/// The rows of the meeting table, in order.
const MEETING_ROWS: [&str; 7] = [
    label::DATE,
    label::PLACE,
    label::CHAIR,
    label::CLERK,
    label::GUESTS,
    label::PRESENT,
    label::ABSENT,
];

/// The present and absent cells when the results record attendance: the
/// roll less the absent ([`present`]), and `Họ tên (lý do)` for each absent
/// member ([`label::NO_ONE`] when there was none).
fn attendance(members: u32, m: &Meeting) -> (Option<String>, Option<String>) {
    let Some(absent) = m.absent.as_deref() else {
        return (None, None);
    };
    let names: Vec<String> = absent
        .iter()
        .map(|Absence { name, reason }| format!("{name} ({reason})"))
        .collect();
    (
        Some(present(members, absent.len()).to_string()),
        Some(listed(&names)),
    )
}

/// Entries of a cell separated by `;`, or [`label::NO_ONE`] for none.
fn listed(entries: &[String]) -> String {
    match entries.is_empty() {
        true => label::NO_ONE.to_owned(),
        false => entries.join("; "),
    }
}

/// The collective table (`tap-the`): rating, score (qd366-2025), achievements.
fn collective_table(data: &BranchData) -> Table {
    let c = data.results.map(|r| &r.collective);
    let mut rows = vec![(
        label::COLLECTIVE_RATING,
        c.map(|c| c.rating.full_name().to_owned()),
    )];
    if data.cycle.rules == RuleSet::Qd366_2025 {
        let score = c.map(Score::of_collective);
        let shown = |n: Option<u32>| n.map(|n| n.to_string());
        rows.push((label::SCORE_GENERAL, shown(score.and_then(|s| s.general))));
        rows.push((label::SCORE_TASKS, shown(score.and_then(|s| s.tasks))));
        rows.push((label::SCORE, shown(score.and_then(|s| s.total()))));
    }
    let achievements = c.map(|c| written(c.achievements.as_deref()));
    rows.push((label::ACHIEVEMENTS, achievements));
    tables::key_value(rows)
}

fn member_columns(data: &BranchData) -> MemberColumns {
    MemberColumns {
        form: data.is_form(),
        score: data.cycle.rules == RuleSet::Qd366_2025,
    }
}

/// The member list (`dang-vien`): the results, or the roster on a form.
pub fn member_table(data: &BranchData) -> Table {
    let rows: Vec<MemberRow> = match data.results {
        Some(r) => r.members.iter().map(MemberRow::reported).collect(),
        None => data.roster_rows(),
    };
    tables::members(&rows, member_columns(data))
}

/// Members proposed HTXSNV and their achievements (`thanh-tich`); on a
/// form, as many empty rows as the HTXSNV cap could allow.
fn achievements_table(data: &BranchData) -> Table {
    let Some(results) = data.results else {
        let rows = quota_upper_bound(data.branch.members, &data.cycle.options);
        return tables::achievements(&[], usize::try_from(rows).unwrap_or(usize::MAX));
    };
    let rows: Vec<(String, String)> = results
        .members
        .iter()
        .filter(|m| m.rating == Some(Rating::Htxsnv))
        .map(|m| (m.name.clone(), written(m.achievements.as_deref())))
        .collect();
    tables::achievements(&rows, 0)
}

/// Not rated, disciplined, on sick leave (`truong-hop`).
fn special_table(data: &BranchData) -> Table {
    let self_remedied = data.cycle.rules == RuleSet::Qd124_2023;
    let Some(results) = data.results else {
        return tables::special_cases(&[], SPECIAL_BLANK_ROWS, self_remedied);
    };
    let rows: Vec<SpecialRow> = results.members.iter().filter_map(SpecialRow::of).collect();
    tables::special_cases(&rows, 0, self_remedied)
}

/// A filled report's cell for text the branch may not have given: the
/// text, or a dotted blank when there is none (the form's cells are empty;
/// `collect` reads a dotted blank as empty).
fn written(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => BLANK.to_owned(),
    }
}

/// The report (or form) of one branch.
pub fn render(
    cycle: &Cycle,
    branch: &Branch,
    engine: &Engine,
    layout: &Layout,
) -> Result<Document, Diagnostic> {
    render_data(&BranchData::new(cycle, branch), engine, layout)
}

/// The form of one branch, as sent to it, whatever results the cycle holds.
pub fn render_form(
    cycle: &Cycle,
    branch: &Branch,
    engine: &Engine,
    layout: &Layout,
) -> Result<Document, Diagnostic> {
    let data = BranchData {
        results: None,
        ..BranchData::new(cycle, branch)
    };
    render_data(&data, engine, layout)
}

fn render_data(
    data: &BranchData,
    engine: &Engine,
    layout: &Layout,
) -> Result<Document, Diagnostic> {
    let (cycle, branch) = (data.cycle, data.branch);
    let body = engine.render(TEMPLATE, &context(data))?;
    let copies = vec![
        cycle.issuer.name.clone(),
        format!("{} {}", layout.archive_label, super::branch::BRANCH_WORD),
    ];
    // The day the branch signs its report is not in the data (the meeting
    // comes first): the report's date is left for the secretary to write.
    let mut header = data.header("BC", None);
    header.form_label = Some(branch_report_label(cycle.rules).to_owned());
    Ok(Document {
        header,
        title: Some(engine.title(&TitleContext::new(TEMPLATE, cycle))?),
        to: Vec::new(),
        body,
        tables: report_tables(data),
        closing: Closing::Signed {
            copies,
            signer: branch_signer(branch, layout),
        },
        draft: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_not_given_is_a_dotted_blank() {
        assert_eq!(written(Some(" Đề án số hóa. ")), "Đề án số hóa.");
        assert_eq!(written(None), BLANK);
        assert_eq!(written(Some("  ")), BLANK);
    }

    #[test]
    fn none_listed_says_so() {
        assert_eq!(listed(&[]), label::NO_ONE);
        assert_eq!(
            listed(&["A (ốm)".into(), "B (đi học)".into()]),
            "A (ốm); B (đi học)"
        );
    }
}
