//! Minutes of a branch's review meeting (templates/bien-ban-kiem-diem.md),
//! from the results' `meeting` block; a form with blanks when the branch
//! has not reported.

use super::BLANK;
use super::branch::{BranchData, CollectiveView, LINE_BLANK};
use super::branch_report::member_table;
use super::tables;
use crate::cycle::{Absence, Branch, Cycle, Rating, Results, Role};
use crate::diagnostic::Diagnostic;
use crate::domain::figures::{Tally, present};
use crate::domain::forms::{TableName, role_name};
use crate::render::document::{Closing, Document, Signature};
use crate::render::layout::Layout;
use crate::render::templates::{Engine, TitleContext};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "bien-ban-kiem-diem.md";

/// Signature titles (metadata, not body prose).
const CLERK_TITLE: &str = "Thư ký";
const CHAIR_TITLE: &str = "Chủ trì hội nghị";

/// What the minutes template sees.
#[derive(Serialize)]
struct Context<'a> {
    form: bool,
    year: i32,
    branch: &'a Branch,
    /// A dotted line for prose; `dots` a shorter one for a name or figure;
    /// `short` for an hour, a minute, a day or a month.
    blank: &'static str,
    dots: &'a str,
    short: &'static str,
    meeting: Option<MeetingView<'a>>,
    members: u32,
    collective: Option<CollectiveView<'a>>,
    /// How many members the meeting proposed at each level, highest first.
    levels: Vec<Level>,
    not_rated: u64,
}

#[derive(Serialize)]
struct MeetingView<'a> {
    date: NaiveDate,
    place: &'a str,
    chair: &'a str,
    /// The chair's role in the branch (`Bí thư`), when they hold one.
    chair_role: Option<&'static str>,
    clerk: &'a str,
    /// `None`: not known (a dotted blank); empty: "không có".
    guests: Option<&'a [String]>,
    /// `None`: attendance not recorded (the counts are left blank).
    attendance: Option<Attendance<'a>>,
}

/// Who was at the meeting, when the results say (`meeting.absent`).
#[derive(Serialize)]
struct Attendance<'a> {
    present: u32,
    absent: Vec<Absent<'a>>,
}

#[derive(Serialize)]
struct Absent<'a> {
    name: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Level {
    name: &'static str,
    count: u64,
}

fn meeting_view<'a>(branch: &Branch, r: &'a Results) -> MeetingView<'a> {
    let m = &r.meeting;
    MeetingView {
        date: m.date,
        place: &m.place,
        chair: &m.chair,
        chair_role: chair_role(r),
        clerk: &m.clerk,
        guests: m.guests.as_deref(),
        attendance: m.absent.as_deref().map(|absent| attendance(branch, absent)),
    }
}

/// Present = on the roll less those named absent ([`present`]).
fn attendance<'a>(branch: &Branch, absent: &'a [Absence]) -> Attendance<'a> {
    Attendance {
        present: present(branch.members, absent.len()),
        absent: absent
            .iter()
            .map(|a| Absent {
                name: &a.name,
                reason: &a.reason,
            })
            .collect(),
    }
}

/// The chair's role when the chair is a member holding an office.
fn chair_role(r: &Results) -> Option<&'static str> {
    let chair = r.meeting.chair.trim();
    r.members
        .iter()
        .find(|m| m.name.trim() == chair)
        .filter(|m| m.role != Role::DangVien)
        .map(|m| role_name(m.role))
}

fn levels(r: &Results) -> (Vec<Level>, u64) {
    let tally = Tally::members(r);
    let levels = Rating::ALL
        .iter()
        .map(|&l| Level {
            name: l.full_name(),
            count: tables::level_count(&tally, l),
        })
        .collect();
    (levels, tally.not_rated)
}

fn context<'a>(data: &BranchData<'a>, layout: &'a Layout) -> Context<'a> {
    let r = data.results;
    let (levels, not_rated) = r.map(levels).unwrap_or_default();
    Context {
        form: data.is_form(),
        year: data.cycle.year,
        branch: data.branch,
        blank: LINE_BLANK,
        dots: &layout.dotted_blank,
        short: BLANK,
        meeting: r.map(|r| meeting_view(data.branch, r)),
        members: data.branch.members,
        collective: r.map(|r| CollectiveView::of(&r.collective)),
        levels,
        not_rated,
    }
}

/// `THƯ KÝ` on the left, `CHỦ TRÌ HỘI NGHỊ` on the right; blank names on a form.
fn signatures(results: Option<&Results>) -> Vec<Signature> {
    let name = |f: fn(&Results) -> &String| results.map(f).cloned().unwrap_or_default();
    vec![
        Signature {
            authority: String::new(),
            title: CLERK_TITLE.to_owned(),
            name: name(|r| &r.meeting.clerk),
        },
        Signature {
            authority: String::new(),
            title: CHAIR_TITLE.to_owned(),
            name: name(|r| &r.meeting.chair),
        },
    ]
}

/// The review minutes (or their form) of one branch.
pub fn render(
    cycle: &Cycle,
    branch: &Branch,
    engine: &Engine,
    layout: &Layout,
) -> Result<Document, Diagnostic> {
    let data = BranchData::new(cycle, branch);
    let body = engine.render(TEMPLATE, &context(&data, layout))?;
    let mut tables = BTreeMap::new();
    tables.insert(TableName::Members.name().to_owned(), member_table(&data));
    Ok(Document {
        // Minutes are dated by the meeting they record.
        header: data.header("BB", data.date()),
        title: Some(engine.title(&TitleContext::new(TEMPLATE, cycle))?),
        to: Vec::new(),
        body,
        tables,
        closing: Closing::Signatures(signatures(data.results)),
        draft: false,
    })
}
