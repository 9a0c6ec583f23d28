//! `vanban init`: a commented starter cycle for a review year, from the
//! template `templates/init/cycle.yaml`. The year's rule set and the central
//! regulations in force come from `regulations`; the schedule falls on
//! working days of that year. Whatever only the clerk knows is a `[[…]]`
//! placeholder, so `vanban check` lists what is left to fill.

use crate::cycle::{DocNumber, RuleSet, kind_name};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::calendar::working_day_on_or_before;
use crate::domain::regulations::{self, Role};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

const TEMPLATE: &str = include_str!("../../templates/init/cycle.yaml");

#[derive(Serialize)]
struct Context {
    year: i32,
    rules: &'static str,
    regulations: Vec<Cited>,
    implement: String,
    vote_rule: &'static str,
    branch_report_due: NaiveDate,
    issuer_report_due: NaiveDate,
    year_end_summary: NaiveDate,
    directive_date: NaiveDate,
    report_date: NaiveDate,
    /// `init --roster`: the spreadsheet's file name, and its branches.
    roster_file: Option<String>,
    branches: Vec<StarterBranch>,
}

/// A branch read from the roster: values already written as YAML scalars.
#[derive(Serialize)]
struct StarterBranch {
    id: String,
    name: String,
    secretary: String,
    members: u32,
}

#[derive(Serialize)]
struct Cited {
    key: &'static str,
    kind: &'static str,
    number: &'static str,
    date: Option<NaiveDate>,
    by: &'static str,
}

/// The starter `cycle.yaml` for review year `year`.
pub fn cycle_yaml(year: i32) -> Result<String, Diagnostic> {
    cycle_yaml_with(year, None)
}

/// As [`cycle_yaml`], with `roster_file: <file>` and the branches read
/// from that roster (`init --roster`).
pub fn cycle_yaml_with(
    year: i32,
    roster: Option<(&str, &[crate::cycle::Branch])>,
) -> Result<String, Diagnostic> {
    let Some(rules) = RuleSet::for_year(year) else {
        return Err(year_error(year));
    };
    let cite = |role| regulations::in_force(role, year).map(cited);
    let [rule, guide, vote] = [cite(Role::Rule), cite(Role::Guide), cite(Role::Vote)];
    let (Some(rule), Some(guide), Some(vote)) = (rule, guide, vote) else {
        return Err(year_error(year));
    };
    let day = |m, d| on_working_day(year, m, d);
    let context = Context {
        year,
        rules: rules.id(),
        implement: format!("{}, {}", rule.key, guide.key),
        vote_rule: vote.key,
        regulations: vec![rule, guide, vote],
        branch_report_due: day(12, 20)?,
        issuer_report_due: day(12, 30)?,
        year_end_summary: day(12, 31)?,
        directive_date: day(11, 12)?,
        report_date: day(12, 28)?,
        roster_file: roster.map(|(file, _)| yaml_scalar(file)),
        branches: roster.map_or_else(Vec::new, |(_, branches)| {
            branches.iter().map(starter_branch).collect()
        }),
    };
    let context = tera::Context::from_serialize(&context).map_err(|e| internal(&e))?;
    tera::Tera::one_off(TEMPLATE, &context, false).map_err(|e| internal(&e))
}

fn starter_branch(b: &crate::cycle::Branch) -> StarterBranch {
    let secretary = match b.secretary.is_empty() {
        true => "[[Họ và tên Bí thư chi bộ]]",
        false => b.secretary.as_str(),
    };
    StarterBranch {
        id: yaml_scalar(&b.id),
        name: yaml_scalar(&b.name),
        secretary: yaml_scalar(secretary),
        members: b.members,
    }
}

/// `text` as one YAML scalar, quoted where YAML needs it.
fn yaml_scalar(text: &str) -> String {
    match yaml_serde::to_string(text) {
        Ok(yaml) => yaml.trim_end().to_owned(),
        // A string always serializes; quote by hand should it not.
        Err(_) => format!("'{}'", text.replace('\'', "''")),
    }
}

fn cited(r: &'static regulations::Regulation) -> Cited {
    Cited {
        key: r.key,
        kind: r
            .kind
            .or_else(|| kind_name(DocNumber::parse(r.number)?.kind))
            .unwrap_or_default(),
        number: r.number,
        date: r.date(),
        by: r.by,
    }
}

fn on_working_day(year: i32, month: u32, day: u32) -> Result<NaiveDate, Diagnostic> {
    NaiveDate::from_ymd_opt(year, month, day)
        .map(|d| working_day_on_or_before(d, &[]))
        .ok_or_else(|| year_error(year))
}

fn year_error(year: i32) -> Diagnostic {
    Diagnostic::error(
        Code::InputValue,
        Place::file(Path::new("--year")),
        Message::new(
            format!("năm {year} không có bộ quy định nào (vanban biết các năm từ 2018)"),
            format!("no rule set covers {year} (vanban knows the years from 2018 on)"),
        ),
    )
}

fn internal(err: &tera::Error) -> Diagnostic {
    Diagnostic::error(
        Code::TemplateError,
        Place::file(Path::new("templates/init/cycle.yaml")),
        Message::new(
            format!("lỗi mẫu tệp khởi đầu: {err}"),
            format!("starter template error: {err}"),
        ),
    )
}
