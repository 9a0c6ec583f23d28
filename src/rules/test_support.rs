//! Small cycles for the rule tests: a valid base cycle loaded through the
//! real loader, which tests then change field by field.
//! Test-only: every `expect` here fails the calling test with its message
//! (a missing temp dir, branch or vote), which is what a test should do.

use crate::cycle::{Cycle, Member, Rating, Reference, ReportMeta, Results, Role, Votes};
use crate::diagnostic::{Code, Diagnostic, Severity};
use chrono::NaiveDate;

/// A valid cycle: 2022, qd132-2018, every date a working day, two branches
/// (`a`: 4 members, `b`: 3 members) with results, and a vote.
pub const CYCLE: &str = "\
schema: 1
year: 2022
rules: qd132-2018
place: Quảng Bình
issuer:
  superior: Đảng bộ Khối các cơ quan tỉnh
  name: Đảng ủy Văn phòng UBND tỉnh
  symbol: ĐUVP
  committee: Đảng ủy
  office: Văn phòng Đảng ủy
  archive: VPĐU
  secretary: Nguyễn Văn X
superior:
  name: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh
  short: Ban Thường vụ Đảng ủy Khối
  symbol: ĐUK
references:
  cv414: { number: 414-CV/ĐUK, date: 2022-11-09, by: Ban Thường vụ Đảng ủy Khối }
  qd132: { number: 132-QĐ/TW, kind: Quy định, date: 2018-03-08, by: Bộ Chính trị }
schedule:
  branch_report_due: 2022-12-20
  issuer_report_due: 2022-12-30
  year_end_summary: 2022-12-30
directive:
  number: 94
  date: 2022-11-14
  subject: kiểm điểm năm 2022
  to: [Bí thư các chi bộ trực thuộc]
  basis: [cv414]
  implement: [qd132]
report:
  number: 101
  date: 2022-12-28
branches:
  - { id: a, name: Chi bộ A, secretary: Nguyễn Văn A, members: 4 }
  - { id: b, name: Chi bộ B, secretary: Trần Văn B, members: 3 }
";

pub const RESULTS_A: &str = "\
branch: a
meeting: { date: 2022-12-12, place: Phòng họp, chair: Nguyễn Văn A, clerk: Lê Thị C }
collective: { rating: HTTNV }
members:
  - { name: Nguyễn Văn A, role: bi-thu, rating: HTTNV }
  - { name: Lê Thị C, rating: HTTNV }
  - { name: Phạm Văn D, rating: HTTNV }
  - { name: Vũ Thị E, rating: HTNV }
";

pub const RESULTS_B: &str = "\
branch: b
meeting: { date: 2022-12-13, place: Phòng họp, chair: Trần Văn B, clerk: Đỗ Thị F }
collective: { rating: HTTNV }
members:
  - { name: Trần Văn B, role: bi-thu, rating: HTTNV }
  - { name: Đỗ Thị F, rating: HTTNV }
  - { name: Hồ Văn G, rating: HTTNV }
";

pub const VOTES: &str = "\
date: 2022-12-15
place: Hội trường
board: [{ name: Lê Thị C, role: Trưởng ban }]
convened: 7
present: 7
ballots: { issued: 7, returned: 7, valid: 7 }
people:
  - { name: Nguyễn Văn A, position: Chánh Văn phòng, high: 5, trust: 2, low: 0 }
";

/// Loads a cycle from file texts (`results`: branch id and text).
pub fn load(cycle: &str, results: &[(&str, &str)], votes: Option<&str>) -> Cycle {
    let dir = tempfile::tempdir().expect("test: create a temp dir");
    std::fs::write(dir.path().join("cycle.yaml"), cycle).expect("test: write cycle.yaml");
    if !results.is_empty() {
        std::fs::create_dir(dir.path().join("results")).expect("test: mkdir results");
    }
    for (id, text) in results {
        let file = dir.path().join("results").join(format!("{id}.yaml"));
        std::fs::write(file, text).expect("test: write results");
    }
    if let Some(text) = votes {
        std::fs::write(dir.path().join("votes.yaml"), text).expect("test: write votes.yaml");
    }
    match crate::cycle::load(dir.path()) {
        Ok(loaded) => loaded.cycle,
        Err(failed) => panic!("test cycle does not load: {:#?}", failed.diagnostics),
    }
}

/// The valid base cycle.
pub fn base() -> Cycle {
    load(CYCLE, &[("a", RESULTS_A), ("b", RESULTS_B)], Some(VOTES))
}

/// A date literal.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test: valid date literal")
}

/// A member rated `rating`.
pub fn member(name: &str, rating: Option<Rating>) -> Member {
    Member {
        name: name.to_string(),
        role: Role::DangVien,
        probationary: false,
        rating,
        not_rated: None,
        achievements: None,
        discipline: None,
        self_remedied: false,
        sick_leave_months: None,
        score: None,
        score_general: None,
        score_tasks: None,
    }
}

/// A mutable member of branch `id` (panics in tests if absent).
pub fn m<'a>(c: &'a mut Cycle, id: &str, i: usize) -> &'a mut Member {
    &mut c.results.get_mut(id).expect("test: branch results").members[i]
}

/// The codes and severities found.
pub fn found(diags: &[Diagnostic]) -> Vec<(Code, Severity)> {
    diags.iter().map(|d| (d.code, d.severity)).collect()
}

/// The results of branch `id` (panics in tests if absent).
pub fn res<'a>(c: &'a mut Cycle, id: &str) -> &'a mut Results {
    c.results.get_mut(id).expect("test: branch results")
}

/// The cycle's votes (panics in tests if absent).
pub fn votes(c: &mut Cycle) -> &mut Votes {
    c.votes.as_mut().expect("test: the cycle has votes")
}

/// A reference by key (panics in tests if absent).
pub fn reference<'a>(c: &'a mut Cycle, key: &str) -> &'a mut Reference {
    c.references.get_mut(key).expect("test: reference defined")
}

/// The consolidated report's metadata (panics in tests if absent).
pub fn report(c: &mut Cycle) -> &mut ReportMeta {
    c.report.as_mut().expect("test: the cycle has a report")
}
