//! Rules on who is listed, by what name, and rated: `rating-missing`,
//! `roster-count`, `roster-name`.

use super::{member_place, members};
use crate::cycle::names::{OnRoster, Roster};
use crate::cycle::{Cycle, Member, Respelled, Results};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::domain::figures::{NOT_RATED_REASONS, accepted_not_rated};
use std::collections::HashMap;

/// `rating-missing`: neither or both of `rating` and `not_rated`; a
/// `not_rated` reason outside the accepted list is a warning.
pub fn rating_missing(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter_map(|(r, i, m)| rating_missing_one(c, r, i, m))
        .collect()
}

fn rating_missing_one(c: &Cycle, r: &Results, i: usize, m: &Member) -> Option<Diagnostic> {
    let code = Code::RatingMissing;
    match (&m.rating, &m.not_rated) {
        (None, None) => Some(Diagnostic::error(
            code,
            c.sources.place(r.file, &format!("members[{i}]")),
            Message::new(
                format!(
                    "đảng viên {} chưa có `rating` (xếp loại) hoặc `not_rated` (lý do không xếp loại)",
                    m.name
                ),
                format!(
                    "member {} has neither `rating` nor `not_rated` (the reason for no rating)",
                    m.name
                ),
            ),
        )),
        (Some(_), Some(_)) => Some(Diagnostic::error(
            code,
            member_place(c, r, i, "not_rated"),
            Message::new(
                format!(
                    "đảng viên {} có cả `rating` và `not_rated`; chỉ ghi một trong hai",
                    m.name
                ),
                format!(
                    "member {} has both `rating` and `not_rated`; give only one",
                    m.name
                ),
            ),
        )),
        (None, Some(reason)) if !accepted_not_rated(reason) => Some(Diagnostic::warning(
            code,
            member_place(c, r, i, "not_rated"),
            Message::new(
                format!(
                    "lý do không xếp loại đảng viên {} (\"{}\") không thuộc các trường hợp quy định: {}",
                    m.name,
                    reason.trim(),
                    NOT_RATED_REASONS.join("; ")
                ),
                format!(
                    "the reason member {} is not rated (\"{}\") is not one of the cases in the regulations: {}",
                    m.name,
                    reason.trim(),
                    NOT_RATED_REASONS.join("; ")
                ),
            ),
        )),
        _ => None,
    }
}

/// `roster-count`: the results list as many members as cycle.yaml says.
pub fn roster_count(c: &Cycle) -> Vec<Diagnostic> {
    // The first index of each id, as `Cycle::branch_index` finds it.
    let mut indices: HashMap<&str, usize> = HashMap::with_capacity(c.branches.len());
    for (i, b) in c.branches.iter().enumerate() {
        indices.entry(b.id.as_str()).or_insert(i);
    }
    c.results
        .values()
        .filter_map(|r| {
            let index = *indices.get(r.branch.as_str())?;
            let expected = c.branches.get(index)?.members;
            let listed = r.members.len();
            (u64::try_from(listed).ok() != Some(u64::from(expected))).then(|| {
                Diagnostic::error(
                    Code::RosterCount,
                    c.sources.place(r.file, "members"),
                    Message::new(
                        format!(
                            "kết quả của chi bộ `{}` liệt kê {listed} đảng viên, nhưng cycle.yaml ghi branches[{index}].members: {expected}",
                            r.branch
                        ),
                        format!(
                            "the results of branch `{}` list {listed} members, but cycle.yaml has branches[{index}].members: {expected}",
                            r.branch
                        ),
                    ),
                )
            })
        })
        .collect()
}

/// `roster-name`: for a branch with a roster, each member's name and each
/// absent person's name in its results. Written as on the roster: nothing.
/// Equal once folded (case, white space, tone placement: `cycle::names`):
/// a warning naming both spellings (the loader already gave the model the
/// roster's). Otherwise an error naming the closest roster name.
pub fn roster_name(c: &Cycle) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in c.results.values() {
        let Some(branch) = c.branch(&r.branch) else {
            continue;
        };
        let roster = Roster::new(branch.roster.iter().map(|e| e.name.as_str()));
        if roster.is_empty() {
            continue;
        }
        out.extend(r.respelled.iter().map(|s| respelled(c, r, s)));
        let members = r.members.iter().enumerate();
        let members = members.map(|(i, m)| (format!("members[{i}].name"), &m.name));
        let absent = r.meeting.absent.iter().flatten().enumerate();
        let absent = absent.map(|(i, a)| (format!("meeting.absent[{i}].name"), &a.name));
        for (path, name) in members.chain(absent) {
            if let OnRoster::Unknown(closest) = roster.find(name) {
                out.push(not_on_roster(c, r, &path, name, closest));
            }
        }
    }
    out
}

fn respelled(c: &Cycle, r: &Results, s: &Respelled) -> Diagnostic {
    Diagnostic::warning(
        Code::RosterName,
        c.sources.place(r.file, &s.path),
        Message::new(
            format!(
                "tên “{}” chỉ khác cách viết “{}” trong danh sách đảng viên của chi bộ `{}` ở chữ hoa, chữ thường hoặc vị trí dấu thanh; văn bản dùng cách viết của danh sách: “{}”",
                s.written, s.roster, r.branch, s.roster
            ),
            format!(
                "the name “{}” differs from “{}” on the roster of branch `{}` only in case or tone-mark placement; documents use the roster's spelling: “{}”",
                s.written, s.roster, r.branch, s.roster
            ),
        ),
    )
}

fn not_on_roster(
    c: &Cycle,
    r: &Results,
    path: &str,
    name: &str,
    closest: Option<&str>,
) -> Diagnostic {
    let (near_vi, near_en) = match closest {
        Some(n) => (
            format!("; tên gần nhất trong danh sách: “{n}”"),
            format!("; the closest roster name: “{n}”"),
        ),
        None => (String::new(), String::new()),
    };
    Diagnostic::error(
        Code::RosterName,
        c.sources.place(r.file, path),
        Message::new(
            format!(
                "“{name}” không có trong danh sách đảng viên của chi bộ `{}`{near_vi}",
                r.branch
            ),
            format!(
                "“{name}” is not on the roster of branch `{}`{near_en}",
                r.branch
            ),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::Rating;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, found, m};

    #[test]
    fn rating_missing_neither_both_and_reasons() {
        let mut c = base();
        m(&mut c, "a", 3).rating = None;
        assert_eq!(
            found(&rating_missing(&c)),
            [(Code::RatingMissing, Severity::Error)]
        );
        m(&mut c, "a", 3).not_rated = Some("  Kết nạp chưa đủ 6 tháng ".into());
        assert!(rating_missing(&c).is_empty());
        m(&mut c, "a", 3).not_rated = Some("mới kết nạp, chưa đủ 3 tháng".into());
        assert_eq!(
            found(&rating_missing(&c)),
            [(Code::RatingMissing, Severity::Warning)]
        );
        m(&mut c, "a", 3).rating = Some(Rating::Htnv);
        let d = rating_missing(&c);
        assert_eq!(found(&d), [(Code::RatingMissing, Severity::Error)]);
        assert_eq!(d[0].place.path, "members[3].not_rated");
    }

    #[test]
    fn roster_count_mismatch() {
        let mut c = base();
        c.branches[1].members = 4;
        let d = roster_count(&c);
        assert_eq!(found(&d), [(Code::RosterCount, Severity::Error)]);
        assert!(d[0].message.en.contains("list 3 members"));
        assert!(d[0].message.en.contains("branches[1].members: 4"));
    }

    /// The base cycle with a roster for branch `a`, and its results with
    /// `members` (name lines) and `absent`.
    fn with_roster(members: &str, absent: &str) -> Cycle {
        use crate::rules::test_support::{CYCLE, RESULTS_B, VOTES, load};
        let cycle = CYCLE.replace(
            "- { id: a, name: Chi bộ A, secretary: Nguyễn Văn A, members: 4 }",
            "- { id: a, name: Chi bộ A, secretary: Nguyễn Văn A, roster: [Nguyễn Văn A, Lê Thị Thúy, Phạm Văn Hòa, Vũ Thị E] }",
        );
        let results = format!(
            "branch: a\nmeeting: {{ date: 2022-12-12, place: Phòng họp, chair: Nguyễn Văn A, clerk: Lê Thị Thúy{absent} }}\ncollective: {{ rating: HTTNV }}\nmembers:\n{members}"
        );
        load(&cycle, &[("a", &results), ("b", RESULTS_B)], Some(VOTES))
    }

    const AS_ON_ROSTER: &str = "  - { name: Nguyễn Văn A, role: bi-thu, rating: HTTNV }
  - { name: Lê Thị Thúy, rating: HTTNV }
  - { name: Phạm Văn Hòa, rating: HTTNV }
  - { name: Vũ Thị E, rating: HTNV }
";

    #[test]
    fn roster_name_passes_names_as_on_the_roster() {
        let c = with_roster(AS_ON_ROSTER, ", absent: [{ name: Vũ Thị E, reason: ốm }]");
        assert!(roster_name(&c).is_empty());
        // A branch without a roster (b) is not checked.
        assert!(roster_name(&base()).is_empty());
    }

    #[test]
    fn roster_name_warns_of_another_tone_placement_or_case_and_respells() {
        let members = AS_ON_ROSTER
            .replace("Lê Thị Thúy", "Lê Thị Thuý")
            .replace("Phạm Văn Hòa", "PHẠM VĂN HOÀ");
        let c = with_roster(&members, ", absent: [{ name: vũ thị e, reason: ốm }]");
        let d = roster_name(&c);
        assert_eq!(found(&d), [(Code::RosterName, Severity::Warning); 3]);
        let paths: Vec<&str> = d.iter().map(|d| d.place.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "members[1].name",
                "members[2].name",
                "meeting.absent[0].name"
            ]
        );
        // At the name's line of the results file.
        assert_eq!(d[0].place.line, Some(6), "{:?}", d[0].place);
        assert!(
            d[0].message.vi.contains("“Lê Thị Thuý”"),
            "{}",
            d[0].message.vi
        );
        assert!(
            d[0].message.vi.contains("“Lê Thị Thúy”"),
            "{}",
            d[0].message.vi
        );
        assert!(
            d[1].message.en.contains("“PHẠM VĂN HOÀ”"),
            "{}",
            d[1].message.en
        );
        // The model holds the roster's spelling.
        let a = &c.results["a"];
        assert_eq!(a.members[1].name, "Lê Thị Thúy");
        assert_eq!(a.members[2].name, "Phạm Văn Hòa");
        assert_eq!(
            a.meeting.absent.as_ref().map(|v| v[0].name.as_str()),
            Some("Vũ Thị E")
        );
    }

    #[test]
    fn roster_name_errs_on_another_name_naming_the_closest() {
        // Another tone (Thùy, not Thúy) is another name: the boundary.
        let members = AS_ON_ROSTER
            .replace("Lê Thị Thúy", "Lê Thị Thùy")
            .replace("Vũ Thị E", "Vu Thi E");
        let c = with_roster(&members, ", absent: [{ name: Hồ Văn Z, reason: ốm }]");
        let d = roster_name(&c);
        assert_eq!(found(&d), [(Code::RosterName, Severity::Error); 3]);
        assert_eq!(d[0].place.path, "members[1].name");
        assert!(
            d[0].message.vi.contains("“Lê Thị Thùy” không có trong danh sách đảng viên của chi bộ `a`; tên gần nhất trong danh sách: “Lê Thị Thúy”"),
            "{}",
            d[0].message.vi
        );
        assert!(
            d[1].message
                .en
                .contains("the closest roster name: “Vũ Thị E”")
        );
        assert_eq!(d[2].place.path, "meeting.absent[0].name");
        assert_eq!(
            c.results["a"].members[1].name, "Lê Thị Thùy",
            "not respelled"
        );
        assert_eq!(Code::RosterName.class(), crate::diagnostic::Class::Input);
    }
}
