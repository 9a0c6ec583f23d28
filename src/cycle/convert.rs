//! Raw YAML structs → the checked model. Each value is checked once here;
//! problems are collected (not stopped at the first) as input diagnostics.

use super::model::{self as m, FileId, Sources};
use super::names;
use super::raw;
use super::roster;
use crate::cycle::values;
use crate::diagnostic::{Code, Diagnostic, Message};
use chrono::NaiveDate;

/// Collects conversion problems against one source file.
pub struct Converter<'a> {
    pub sources: &'a Sources,
    pub file: FileId,
    pub problems: Vec<Diagnostic>,
}

impl<'a> Converter<'a> {
    pub fn new(sources: &'a Sources, file: FileId) -> Self {
        Converter {
            sources,
            file,
            problems: Vec::new(),
        }
    }

    pub fn problem(&mut self, path: &str, message: Message) {
        let place = self.sources.place(self.file, path);
        self.problems
            .push(Diagnostic::error(Code::InputValue, place, message));
    }

    /// A `YYYY-MM-DD` date. On error, records it and returns a stand-in so
    /// conversion can go on and report every bad value at once. A
    /// placeholder is refused here: the schedule rules need these dates even
    /// in a draft (only a reference's date may stay a placeholder).
    pub fn date(&mut self, path: &str, text: &str) -> NaiveDate {
        if m::is_placeholder(text) {
            let place = self.sources.place(self.file, path);
            self.problems.push(Diagnostic::error(
                Code::PlaceholderLeft,
                place,
                Message::new(
                    format!(
                        "ngày còn để giữ chỗ {}: cần điền ngày cụ thể (NNNN-TT-NN) ngay cả khi in dự thảo, vì các quy tắc về lịch cần đến nó",
                        text.trim()
                    ),
                    format!(
                        "the date is still a placeholder {}: fill in a real date (YYYY-MM-DD) even for a draft, since the schedule rules need it",
                        text.trim()
                    ),
                ),
            ));
            return NaiveDate::default();
        }
        match values::parse_date(text, None) {
            Some(date) => date,
            None => {
                self.problem(
                    path,
                    Message::new(
                        format!(
                            "ngày không hợp lệ `{text}` (viết ngày/tháng/năm, ví dụ 12/11/2022, hoặc NNNN-TT-NN, ví dụ 2022-11-12)"
                        ),
                        format!(
                            "invalid date `{text}` (write day/month/year, e.g. 12/11/2022, or YYYY-MM-DD, e.g. 2022-11-12)"
                        ),
                    ),
                );
                NaiveDate::default()
            }
        }
    }

    fn opt_date(&mut self, path: &str, text: &Option<String>) -> Option<NaiveDate> {
        text.as_ref().map(|t| self.date(path, t))
    }

    /// A date that may still be a placeholder `[[…]]` (a reference's date).
    fn fill_date(&mut self, path: &str, text: &Option<String>) -> Option<m::Fill<NaiveDate>> {
        let text = text.as_ref()?;
        Some(match m::is_placeholder(text) {
            true => m::Fill::Placeholder(text.trim().to_string()),
            false => m::Fill::Value(self.date(path, text)),
        })
    }

    /// A branch id: ASCII slug `[a-z0-9-]+`, safe as a file name everywhere.
    pub fn branch_id(&mut self, path: &str, id: &str) -> String {
        if let Err(why) = check_slug(id) {
            self.problem(
                path,
                Message::new(
                    format!("mã chi bộ `{id}` không hợp lệ: {}", why.vi),
                    format!("invalid branch id `{id}`: {}", why.en),
                ),
            );
        }
        id.to_string()
    }

    /// A document number: 1 or more (or a placeholder still to fill).
    fn doc_number(&mut self, path: &str, number: m::Fill<u32>) -> m::Fill<u32> {
        if number == m::Fill::Value(0) {
            self.problem(
                path,
                Message::new(
                    "số văn bản phải từ 1 trở lên (số 0 không được cấp)",
                    "a document number must be 1 or more (0 is never issued)",
                ),
            );
        }
        number
    }

    pub fn text(&mut self, path: &str, value: String) -> String {
        if value.trim().is_empty() {
            self.problem(
                path,
                Message::new("giá trị không được để trống", "the value must not be empty"),
            );
        }
        value
    }
}

pub const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

fn check_slug(id: &str) -> Result<(), Message> {
    let charset_ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !charset_ok {
        return Err(Message::new(
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (a-z, 0-9, -)",
            "use only lower-case ASCII letters, digits and hyphens (a-z, 0-9, -)",
        ));
    }
    if RESERVED_NAMES.contains(&id) {
        return Err(Message::new(
            "trùng tên thiết bị dành riêng của Windows",
            "it is a reserved device name on Windows",
        ));
    }
    Ok(())
}

pub fn cycle(c: &mut Converter, raw: raw::Cycle) -> m::Cycle {
    let holidays = raw
        .holidays
        .iter()
        .enumerate()
        .map(|(i, d)| c.date(&format!("holidays[{i}]"), d))
        .collect();
    let references = raw
        .references
        .into_iter()
        .map(|(key, r)| {
            let reference = reference(c, &key, r);
            (key, reference)
        })
        .collect();
    m::Cycle {
        dir: Default::default(),
        schema: raw.schema,
        year: raw.year,
        rules: raw.rules,
        options: raw.rule_options,
        holidays,
        place: c.text("place", raw.place),
        issuer: issuer(c, raw.issuer),
        superior: raw.superior,
        references,
        schedule: schedule(c, raw.schedule),
        directive: directive(c, raw.directive),
        report: raw.report.map(|r| m::ReportMeta {
            number: c.doc_number("report.number", r.number),
            date: c.date("report.date", &r.date),
        }),
        decision: raw.decision.map(|d| m::DecisionMeta {
            number: d.number,
            date: c.opt_date("decision.date", &d.date),
            awards: d.awards,
        }),
        branches: {
            let from_file = raw.roster_file.is_some();
            raw.branches
                .into_iter()
                .enumerate()
                .map(|(i, b)| branch(c, i, b, from_file))
                .collect()
        },
        results: Default::default(),
        votes: None,
        vote_call: None,
        sources: Default::default(),
    }
}

fn issuer(c: &mut Converter, r: raw::Issuer) -> m::Issuer {
    m::Issuer {
        superior: c.text("issuer.superior", r.superior),
        name: c.text("issuer.name", r.name),
        symbol: c.text("issuer.symbol", r.symbol),
        committee: c.text("issuer.committee", r.committee),
        office: c.text("issuer.office", r.office),
        archive: c.text("issuer.archive", r.archive),
        secretary: c.text("issuer.secretary", r.secretary),
        signer_title: r.signer_title,
    }
}

fn reference(c: &mut Converter, key: &str, r: raw::Reference) -> m::Reference {
    m::Reference {
        number: r.number,
        date: c.fill_date(&format!("references.{key}.date"), &r.date),
        by: r.by,
        about: r.about,
        kind: r.kind,
        renew: r.renew,
    }
}

fn schedule(c: &mut Converter, r: raw::Schedule) -> m::Schedule {
    m::Schedule {
        branch_report_due: c.date("schedule.branch_report_due", &r.branch_report_due),
        issuer_report_due: c.date("schedule.issuer_report_due", &r.issuer_report_due),
        year_end_summary: c.opt_date("schedule.year_end_summary", &r.year_end_summary),
    }
}

fn directive(c: &mut Converter, r: raw::Directive) -> m::Directive {
    m::Directive {
        number: c.doc_number("directive.number", r.number),
        date: c.date("directive.date", &r.date),
        subject: c.text("directive.subject", r.subject),
        to: r.to,
        copies: r.copies,
        basis: r.basis,
        implement: r.implement,
        linked: r.linked,
        vote_rule: r.vote_rule,
        attachments: r.attachments,
    }
}

/// `from_file`: the cycle has a `roster_file`, which may count `members`.
fn branch(c: &mut Converter, i: usize, r: raw::Branch, from_file: bool) -> m::Branch {
    let roster: Vec<m::RosterEntry> = r
        .roster
        .into_iter()
        .enumerate()
        .map(|(j, e)| roster::entry(c, &format!("branches[{i}].roster[{j}]"), e))
        .collect();
    let members = match r.members {
        Some(n) => n,
        None if !roster.is_empty() => u32::try_from(roster.len()).unwrap_or(u32::MAX),
        None => {
            if !from_file {
                c.problem(
                    &format!("branches[{i}]"),
                    Message::new(
                        "thiếu trường bắt buộc `members` (số đảng viên; có thể bỏ khi có roster hoặc roster_file để đếm)",
                        "missing field `members` (the number of members; may be left out with a roster or roster_file to count)",
                    ),
                );
            }
            0
        }
    };
    m::Branch {
        id: c.branch_id(&format!("branches[{i}].id"), &r.id),
        name: c.text(&format!("branches[{i}].name"), r.name),
        secretary: c.text(&format!("branches[{i}].secretary"), r.secretary),
        members,
        roster,
    }
}

/// A results file; `roster` is its branch's (empty when it has none).
pub fn results(c: &mut Converter, r: raw::Results, roster: &[m::RosterEntry]) -> m::Results {
    let mut results = m::Results {
        file: c.file,
        branch: r.branch,
        meeting: m::Meeting {
            date: c.date("meeting.date", &r.meeting.date),
            place: r.meeting.place,
            chair: r.meeting.chair,
            clerk: r.meeting.clerk,
            guests: r.meeting.guests,
            absent: r.meeting.absent,
        },
        collective: r.collective,
        members: r.members,
        respelled: Vec::new(),
    };
    respell(&mut results, roster);
    results
}

/// Gives the members (and the absent) the roster's spelling of their
/// names where they differ only in case or tone placement, keeping what
/// was written for the `roster-name` warning. A name not on the roster is
/// left as written (the rule names the closest).
fn respell(results: &mut m::Results, roster: &[m::RosterEntry]) {
    let roster = names::Roster::new(roster.iter().map(|e| e.name.as_str()));
    if roster.is_empty() {
        return;
    }
    let members = results
        .members
        .iter_mut()
        .enumerate()
        .map(|(i, m)| (format!("members[{i}].name"), &mut m.name));
    let absent = results.meeting.absent.iter_mut().flatten().enumerate();
    let absent = absent.map(|(i, a)| (format!("meeting.absent[{i}].name"), &mut a.name));
    for (path, name) in members.chain(absent) {
        if let names::OnRoster::Folded(spelling) = roster.find(name) {
            let written = std::mem::replace(name, spelling.to_owned());
            results.respelled.push(m::Respelled {
                path,
                written,
                roster: spelling.to_owned(),
            });
        }
    }
}

/// `votes.yaml`: the vote as called (always), and the counted vote when
/// the file holds counts. Counts are all or none (cycle-format.md): once
/// any is given, `board`, `convened`, `present`, `ballots` and every
/// person's three counts must be, each one missing an error at its place.
pub fn votes(c: &mut Converter, r: raw::Votes) -> (m::VoteCall, Option<m::Votes>) {
    let call = m::VoteCall {
        file: c.file,
        date: c.date("date", &r.date),
        place: r.place,
        people: r
            .people
            .iter()
            .map(|p| m::Candidate {
                name: p.name.clone(),
                position: p.position.clone(),
            })
            .collect(),
    };
    let counted = r.board.is_some()
        || r.convened.is_some()
        || r.present.is_some()
        || r.ballots.is_some()
        || r.people
            .iter()
            .any(|p| p.high.is_some() || p.trust.is_some() || p.low.is_some());
    if !counted {
        return (call, None);
    }
    let board = c.counted("board", "board", r.board);
    let convened = c.counted("convened", "convened", r.convened);
    let present = c.counted("present", "present", r.present);
    let ballots = c.counted("ballots", "ballots", r.ballots);
    let people = counted_people(c, r.people);
    let votes = m::Votes {
        file: call.file,
        date: call.date,
        place: call.place.clone(),
        board: board.unwrap_or_default(),
        convened: convened.unwrap_or_default(),
        present: present.unwrap_or_default(),
        ballots: ballots.unwrap_or(m::Ballots {
            issued: 0,
            returned: 0,
            valid: 0,
        }),
        people,
    };
    (call, Some(votes))
}

/// The people of a counted vote, each missing count an error at the person.
fn counted_people(c: &mut Converter, people: Vec<raw::VotePerson>) -> Vec<m::VotePerson> {
    people
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let at = format!("people[{i}]");
            let counts = [("high", p.high), ("trust", p.trust), ("low", p.low)];
            let missing: Vec<String> = counts
                .iter()
                .filter(|(_, n)| n.is_none())
                .map(|(field, _)| format!("{at}.{field}"))
                .collect();
            if !missing.is_empty() {
                c.counted::<u32>(&at, &missing.join("`, `"), None);
            }
            m::VotePerson {
                high: p.high.unwrap_or(0),
                trust: p.trust.unwrap_or(0),
                low: p.low.unwrap_or(0),
                name: p.name,
                position: p.position,
            }
        })
        .collect()
}

impl Converter<'_> {
    /// A part of a counted vote; missing, an error at `at` naming `field`
    /// (or several, joined).
    fn counted<T>(&mut self, at: &str, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.problem(
                at,
                Message::new(
                    format!(
                        "thiếu `{field}`: votes.yaml đã có số liệu kiểm phiếu thì phải ghi đủ board, convened, present, ballots và ba số high, trust, low cho mọi người (chưa kiểm phiếu thì chỉ ghi date, place và people: name, position)"
                    ),
                    format!(
                        "`{field}` is missing: once votes.yaml holds counts it needs board, convened, present, ballots and the three counts high, trust, low for every person (before the count: only date, place and people with name and position)"
                    ),
                ),
            );
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(check_slug("tong-hop").is_ok());
        assert!(check_slug("chi-bo-2").is_ok());
        for bad in ["", "..", "a/b", "Tong", "tổng", "con", "a b"] {
            assert!(check_slug(bad).is_err(), "{bad:?} accepted");
        }
    }
}
