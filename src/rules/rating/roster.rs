//! Rules on who is listed and rated: `rating-missing`, `roster-count`.

use super::{member_place, members};
use crate::cycle::{Cycle, Member, Results};
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
}
