//! Schedule rules (rules.md, "Schedule rules"): the order of the cycle's
//! dates and dates that fall on days off.

use crate::cycle::{Cycle, FileId};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::calendar;
use crate::domain::vietnamese::date_short;
use chrono::NaiveDate;

/// One dated event of the cycle: where it is written and what it is.
#[derive(Debug, Clone)]
pub struct Dated {
    pub date: NaiveDate,
    /// The file and field path; [`Dated::place`] locates it (only for a
    /// diagnostic actually reported).
    pub file: FileId,
    pub path: &'static str,
    pub vi: String,
    pub en: String,
}

impl Dated {
    pub fn place(&self, c: &Cycle) -> Place {
        c.sources.place(self.file, self.path)
    }
}

fn dated(date: NaiveDate, at: (FileId, &'static str), vi: &str, en: &str) -> Dated {
    Dated {
        date,
        file: at.0,
        path: at.1,
        vi: vi.to_string(),
        en: en.to_string(),
    }
}

fn directive(c: &Cycle) -> Dated {
    let place = (FileId::CYCLE, "directive.date");
    dated(
        c.directive.date,
        place,
        "ngày công văn",
        "the directive's date",
    )
}

fn branch_due(c: &Cycle) -> Dated {
    let place = (FileId::CYCLE, "schedule.branch_report_due");
    let (vi, en) = ("hạn chi bộ báo cáo", "the branches' report deadline");
    dated(c.schedule.branch_report_due, place, vi, en)
}

fn issuer_due(c: &Cycle) -> Dated {
    let place = (FileId::CYCLE, "schedule.issuer_report_due");
    let (vi, en) = ("hạn báo cáo cấp trên", "the deadline to report upwards");
    dated(c.schedule.issuer_report_due, place, vi, en)
}

fn year_end(c: &Cycle) -> Option<Dated> {
    let date = c.schedule.year_end_summary?;
    let place = (FileId::CYCLE, "schedule.year_end_summary");
    Some(dated(
        date,
        place,
        "ngày tổng kết năm",
        "the year-end summary",
    ))
}

fn report(c: &Cycle) -> Option<Dated> {
    let r = c.report.as_ref()?;
    let place = (FileId::CYCLE, "report.date");
    Some(dated(
        r.date,
        place,
        "ngày báo cáo tổng hợp",
        "the consolidated report's date",
    ))
}

fn meetings(c: &Cycle) -> Vec<Dated> {
    c.results
        .values()
        .map(|r| {
            let place = (r.file, "meeting.date");
            let vi = format!("ngày hội nghị kiểm điểm của chi bộ `{}`", r.branch);
            let en = format!("the review meeting of branch `{}`", r.branch);
            dated(r.meeting.date, place, &vi, &en)
        })
        .collect()
}

fn vote(c: &Cycle) -> Option<Dated> {
    let v = c.votes.as_ref()?;
    let place = (v.file, "date");
    Some(dated(
        v.date,
        place,
        "ngày lấy phiếu tín nhiệm",
        "the confidence vote",
    ))
}

/// Two dates that must be in order: `later` not before `earlier` (`strict`:
/// after it). The diagnostic points at the event the pair is about (`at`).
struct Pair<'a> {
    earlier: &'a Dated,
    later: &'a Dated,
    strict: bool,
    at: Side,
}

#[derive(Clone, Copy)]
enum Side {
    Earlier,
    Later,
}

fn pair<'a>(earlier: &'a Dated, later: &'a Dated, strict: bool, at: Side) -> Pair<'a> {
    Pair {
        earlier,
        later,
        strict,
        at,
    }
}

fn order(c: &Cycle, p: &Pair) -> Option<Diagnostic> {
    let (earlier, later, strict) = (p.earlier, p.later, p.strict);
    let ok = if strict {
        earlier.date < later.date
    } else {
        earlier.date <= later.date
    };
    if ok {
        return None;
    }
    let (rel_vi, rel_en) = if strict {
        ("phải sau", "must come after")
    } else {
        ("không được trước", "must not come before")
    };
    Some(Diagnostic::error(
        Code::ScheduleOrder,
        match p.at {
            Side::Earlier => earlier.place(c),
            Side::Later => later.place(c),
        },
        Message::new(
            format!(
                "{} ({}) {rel_vi} {} ({})",
                later.vi,
                date_short(later.date),
                earlier.vi,
                date_short(earlier.date)
            ),
            format!(
                "{} ({}) {rel_en} {} ({})",
                later.en,
                date_short(later.date),
                earlier.en,
                date_short(earlier.date)
            ),
        ),
    ))
}

/// `schedule-order`: directive < branch_report_due ≤ issuer_report_due;
/// each meeting within [directive, branch_report_due]; the vote after every
/// meeting; meetings and the vote before year_end_summary; the report
/// within [directive, issuer_report_due]. One diagnostic per broken pair.
pub fn schedule_order(c: &Cycle) -> Vec<Diagnostic> {
    let (directive, branch_due, issuer_due) = (directive(c), branch_due(c), issuer_due(c));
    let (end, vote, report) = (year_end(c), vote(c), report(c));
    let mut pairs = vec![
        pair(&directive, &branch_due, true, Side::Later),
        pair(&branch_due, &issuer_due, false, Side::Later),
    ];
    let meetings = meetings(c);
    for m in &meetings {
        pairs.push(pair(&directive, m, false, Side::Later));
        pairs.push(pair(m, &branch_due, false, Side::Earlier));
        pairs.extend(vote.iter().map(|v| pair(m, v, true, Side::Later)));
        pairs.extend(end.iter().map(|e| pair(m, e, true, Side::Earlier)));
    }
    if let (Some(v), Some(e)) = (&vote, &end) {
        pairs.push(pair(v, e, true, Side::Earlier));
    }
    if let Some(r) = &report {
        pairs.push(pair(&directive, r, false, Side::Later));
        pairs.push(pair(r, &issuer_due, false, Side::Earlier));
    }
    pairs.iter().filter_map(|p| order(c, p)).collect()
}

/// Every date `non-working-day` looks at.
fn working_dates(c: &Cycle) -> Vec<Dated> {
    let mut dates = vec![directive(c)];
    dates.extend(report(c));
    dates.push(branch_due(c));
    dates.push(issuer_due(c));
    dates.extend(year_end(c));
    dates.extend(meetings(c));
    dates.extend(vote(c));
    dates
}

/// Why `date` is a day off: the national calendar, or the cycle's own
/// `holidays`.
pub fn day_off_name(c: &Cycle, date: NaiveDate) -> Option<(&'static str, &'static str)> {
    if let Some(day) = calendar::day_off(date) {
        return Some((day.name_vi(), day.name_en()));
    }
    c.holidays.contains(&date).then_some((
        "ngày nghỉ trong `holidays` của chu kỳ",
        "a day off listed in the cycle's `holidays`",
    ))
}

/// `non-working-day`: a due date or document date on a Saturday, Sunday,
/// public holiday or one of the cycle's `holidays`.
pub fn non_working_day(c: &Cycle) -> Vec<Diagnostic> {
    working_dates(c)
        .into_iter()
        .filter_map(|d| {
            let (vi, en) = day_off_name(c, d.date)?;
            Some(Diagnostic::warning(
                Code::NonWorkingDay,
                d.place(c),
                Message::new(
                    format!("{} ({}) rơi vào ngày nghỉ: {vi}", d.vi, date_short(d.date)),
                    format!("{} ({}) falls on a day off: {en}", d.en, date_short(d.date)),
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, d, found, report, votes};

    fn paths(diags: &[Diagnostic]) -> Vec<&str> {
        diags.iter().map(|d| d.place.path.as_str()).collect()
    }

    #[test]
    fn schedule_order_passes_on_base() {
        assert!(schedule_order(&base()).is_empty());
    }

    #[test]
    fn directive_must_precede_branch_due() {
        let mut c = base();
        c.schedule.branch_report_due = c.directive.date;
        let diags = schedule_order(&c);
        assert_eq!(found(&diags)[0], (Code::ScheduleOrder, Severity::Error));
        assert!(paths(&diags).contains(&"schedule.branch_report_due"));
        assert!(diags[0].message.vi.contains("14/11/2022"));
    }

    #[test]
    fn dates_print_as_the_documents_print_them() {
        // A meeting on 8 March: `08/3/2022`, as the documents write it
        // (`domain::vietnamese::date_short`), not `08/03/2022`.
        let mut c = base();
        let r = c.results.get_mut("a").expect("base has branch a");
        r.meeting.date = d(2022, 3, 8);
        let diags = schedule_order(&c);
        assert_eq!(paths(&diags), ["meeting.date"]);
        assert!(
            diags[0].message.vi.contains("08/3/2022"),
            "{}",
            diags[0].message.vi
        );
    }

    #[test]
    fn branch_due_may_equal_issuer_due() {
        let mut c = base();
        c.schedule.issuer_report_due = c.schedule.branch_report_due;
        c.report = None;
        assert!(schedule_order(&c).is_empty());
        c.schedule.issuer_report_due = d(2022, 12, 19);
        assert_eq!(paths(&schedule_order(&c)), ["schedule.issuer_report_due"]);
    }

    #[test]
    fn meeting_within_directive_and_branch_due() {
        let mut c = base();
        votes(&mut c).date = d(2022, 12, 22);
        let r = c.results.get_mut("a").expect("base has branch a");
        r.meeting.date = d(2022, 12, 20);
        assert!(schedule_order(&c).is_empty(), "on the due day is fine");
        let r = c.results.get_mut("a").expect("base has branch a");
        r.meeting.date = d(2022, 12, 21);
        let diags = schedule_order(&c);
        assert_eq!(paths(&diags), ["meeting.date"]);
        assert!(diags[0].message.en.contains("21/12/2022"));
        let r = c.results.get_mut("a").expect("base has branch a");
        r.meeting.date = d(2022, 11, 11);
        assert_eq!(paths(&schedule_order(&c)), ["meeting.date"]);
    }

    #[test]
    fn vote_after_every_meeting_and_before_year_end() {
        let mut c = base();
        votes(&mut c).date = d(2022, 12, 13);
        let diags = schedule_order(&c);
        assert_eq!(paths(&diags), ["date"], "the same day as b's meeting");
        assert!(diags[0].message.en.contains("branch `b`"));
        votes(&mut c).date = d(2022, 12, 30);
        assert_eq!(paths(&schedule_order(&c)), ["date"]);
    }

    #[test]
    fn report_within_directive_and_issuer_due() {
        let mut c = base();
        report(&mut c).date = d(2022, 12, 30);
        assert!(schedule_order(&c).is_empty());
        report(&mut c).date = d(2022, 12, 31);
        assert_eq!(paths(&schedule_order(&c)), ["report.date"]);
        report(&mut c).date = d(2022, 11, 1);
        assert_eq!(paths(&schedule_order(&c)), ["report.date"]);
    }

    #[test]
    fn non_working_day_passes_on_weekdays() {
        assert!(non_working_day(&base()).is_empty());
    }

    #[test]
    fn non_working_day_saturday_and_tet() {
        let mut c = base();
        c.directive.date = d(2022, 11, 12); // a Saturday
        c.schedule.issuer_report_due = d(2023, 1, 22); // mùng 1 Tết Quý Mão
        let diags = non_working_day(&c);
        assert_eq!(
            found(&diags),
            [
                (Code::NonWorkingDay, Severity::Warning),
                (Code::NonWorkingDay, Severity::Warning)
            ]
        );
        assert!(diags[0].message.vi.contains("12/11/2022"));
        assert!(diags[0].message.vi.contains("Thứ Bảy"));
        assert!(diags[1].message.vi.contains("Tết Âm lịch"));
        assert!(diags[1].message.en.contains("22/01/2023"));
    }

    #[test]
    fn non_working_day_cycle_holidays() {
        let mut c = base();
        c.holidays = vec![d(2022, 12, 12)];
        let diags = non_working_day(&c);
        assert_eq!(paths(&diags), ["meeting.date"]);
        assert!(diags[0].message.en.contains("cycle's `holidays`"));
    }
}
