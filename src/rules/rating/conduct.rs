//! Rules on one member's (or one branch's) rating against its conduct:
//! the secretary above the branch, HTXSNV without a product, discipline,
//! sick leave.

use super::{disciplined, is_blank, member_place, members};
use crate::cycle::{Cycle, Rating, Results, Role, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message, Place, Severity};
use crate::domain::figures;
use crate::domain::regulations::of_set;

/// `head-above-collective`: the secretary rated above the branch.
pub fn head_above_collective(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter(|(r, _, m)| m.role == Role::BiThu && m.rating > Some(r.collective.rating))
        .map(|(r, i, m)| {
            // The filter above only keeps members with a rating.
            let rating = m.rating.map_or("", Rating::code);
            let collective = r.collective.rating.code();
            Diagnostic::error(
                Code::HeadAboveCollective,
                member_place(c, r, i, "rating"),
                Message::new(
                    format!(
                        "Bí thư chi bộ {} được xếp loại {rating}, cao hơn mức xếp loại của chi bộ ({collective}): mức xếp loại của người đứng đầu không được cao hơn mức xếp loại của tập thể",
                        m.name
                    ),
                    format!(
                        "branch secretary {} is rated {rating}, above the branch's own rating ({collective}); the head may not be rated above the collective",
                        m.name
                    ),
                ),
            )
        })
        .collect()
}

fn no_product(place: Place, who_vi: &str, who_en: &str) -> Diagnostic {
    Diagnostic::error(
        Code::ExcellentWithoutProduct,
        place,
        Message::new(
            format!(
                "{who_vi} được xếp loại HTXSNV nhưng không ghi sản phẩm cụ thể (`achievements`)"
            ),
            format!("{who_en} is rated HTXSNV but lists no concrete product (`achievements`)"),
        ),
    )
}

/// `excellent-without-product`: HTXSNV with no `achievements`.
pub fn excellent_without_product(c: &Cycle) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = c
        .results
        .values()
        .filter(|r| r.collective.rating == Rating::Htxsnv && is_blank(&r.collective.achievements))
        .map(|r| {
            no_product(
                c.sources.place(r.file, "collective.achievements"),
                &format!("Chi bộ `{}`", r.branch),
                &format!("Branch `{}`", r.branch),
            )
        })
        .collect();
    out.extend(
        members(c)
            .filter(|(_, _, m)| m.rating == Some(Rating::Htxsnv) && is_blank(&m.achievements))
            .map(|(r, i, m)| {
                no_product(
                    member_place(c, r, i, "achievements"),
                    &format!("Đảng viên {}", m.name),
                    &format!("Member {}", m.name),
                )
            }),
    );
    out
}

/// Whether `self_remedied` (self-detected, admitted and remedied) lifts
/// `disciplined-above-fail` to a warning: under qd124-2023 and qd366-2025.
fn self_remedy_counts(rules: RuleSet) -> bool {
    rules != RuleSet::Qd132_2018
}

/// The Quy định of the cycle's rule set (`124-QĐ/TW`), for messages.
fn rule_number(c: &Cycle) -> &'static str {
    of_set(c.rules)[0].map_or("", |r| r.number)
}

/// `disciplined-above-fail`: disciplined in the year and rated above
/// KHTNV. Under qd124-2023 and qd366-2025, `self_remedied: true` makes it
/// a warning.
pub fn disciplined_above_fail(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter(|(_, _, m)| disciplined(m) && m.rating > Some(Rating::Khtnv))
        .map(|(r, i, m)| {
            let rating = m.rating.map_or("", Rating::code);
            let discipline = m.discipline.as_deref().unwrap_or("").trim();
            let excused = self_remedy_counts(c.rules) && m.self_remedied;
            let number = rule_number(c);
            let (why_vi, why_en) = match excused {
                true => (
                    format!(" (Quy định {number}: tự phát hiện, tự nhận và khắc phục — cần cấp ủy xem xét)"),
                    format!(" (Quy định {number}: self-detected, admitted and remedied — for the committee to confirm)"),
                ),
                false => (String::new(), String::new()),
            };
            let message = Message::new(
                format!(
                    "đảng viên {} bị kỷ luật trong năm ({discipline}) nhưng được xếp loại {rating}; đảng viên bị kỷ luật chỉ được xếp loại KHTNV{why_vi}",
                    m.name
                ),
                format!(
                    "member {} was disciplined in the year ({discipline}) but is rated {rating}; a disciplined member is rated KHTNV{why_en}",
                    m.name
                ),
            );
            Diagnostic {
                code: Code::DisciplinedAboveFail,
                severity: if excused { Severity::Warning } else { Severity::Error },
                message,
                place: member_place(c, r, i, "rating"),
            }
        })
        .collect()
}

/// The names of a branch's members disciplined in the year, of its
/// leadership (`true`) or not.
fn disciplined_names(r: &Results, leadership: bool) -> Vec<&str> {
    r.members
        .iter()
        .filter(|m| disciplined(m) && m.role.in_leadership() == leadership)
        .map(|m| m.name.as_str())
        .collect()
}

/// `collective-excellent-with-disciplined`: a branch rated HTXSNV although
/// a member of its leadership (bí thư, phó bí thư, chi ủy viên) was
/// disciplined in the year — an error under qd366-2025, else a warning; an
/// ordinary member's discipline is a warning under every set.
pub fn collective_excellent_with_disciplined(c: &Cycle) -> Vec<Diagnostic> {
    let leadership_severity = match c.rules {
        RuleSet::Qd366_2025 => Severity::Error,
        _ => Severity::Warning,
    };
    let mut out = Vec::new();
    for r in c.results.values() {
        if r.collective.rating != Rating::Htxsnv {
            continue;
        }
        let place = c.sources.place(r.file, "collective.rating");
        let leaders = disciplined_names(r, true);
        if !leaders.is_empty() {
            let names = leaders.join(", ");
            out.push(Diagnostic {
                code: Code::CollectiveExcellentWithDisciplined,
                severity: leadership_severity,
                place: place.clone(),
                message: Message::new(
                    format!(
                        "chi bộ `{}` được xếp loại HTXSNV nhưng có thành viên chi ủy bị kỷ luật trong năm: {names}",
                        r.branch
                    ),
                    format!(
                        "branch `{}` is rated HTXSNV but members of its leadership were disciplined in the year: {names}",
                        r.branch
                    ),
                ),
            });
        }
        let members = disciplined_names(r, false);
        if !members.is_empty() {
            let names = members.join(", ");
            out.push(Diagnostic::warning(
                Code::CollectiveExcellentWithDisciplined,
                place,
                Message::new(
                    format!(
                        "chi bộ `{}` được xếp loại HTXSNV và có đảng viên bị kỷ luật trong năm: {names} (không phải thành viên chi ủy: không ngăn mức HTXSNV, cần cấp ủy xem xét)",
                        r.branch
                    ),
                    format!(
                        "branch `{}` is rated HTXSNV and has members disciplined in the year: {names} (not of its leadership: this does not bar HTXSNV; for the committee to weigh)",
                        r.branch
                    ),
                ),
            ));
        }
    }
    out
}

/// `sick-leave-cap`: 3 or more months of sick leave caps the rating at
/// HTNV under qd132-2018 and qd124-2023; not checked under qd366-2025.
pub fn sick_leave_cap(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter_map(|(r, i, m)| {
            let months = m.sick_leave_months?;
            let cap = figures::sick_leave_cap(c.rules, months)?;
            let rating = m.rating.filter(|rating| *rating > cap)?.code();
            let cap = cap.code();
            Some(Diagnostic::error(
                Code::SickLeaveCap,
                member_place(c, r, i, "rating"),
                Message::new(
                    format!(
                        "đảng viên {} nghỉ ốm {months} tháng (từ {} tháng trở lên) nên chỉ được xếp loại tối đa {cap}, không phải {rating}",
                        m.name,
                        figures::SICK_LEAVE_MONTHS
                    ),
                    format!(
                        "member {} was on sick leave {months} months ({} or more), so the rating is at most {cap}, not {rating}",
                        m.name,
                        figures::SICK_LEAVE_MONTHS
                    ),
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{base, found, m, res};

    #[test]
    fn head_above_collective_only_when_higher() {
        let mut c = base();
        res(&mut c, "a").collective.rating = Rating::Htnv;
        let d = head_above_collective(&c);
        assert_eq!(found(&d), [(Code::HeadAboveCollective, Severity::Error)]);
        assert_eq!(d[0].place.path, "members[0].rating");
        // Equal to the collective: fine. A non-secretary above: fine.
        m(&mut c, "a", 0).rating = Some(Rating::Htnv);
        m(&mut c, "a", 1).rating = Some(Rating::Httnv);
        assert!(head_above_collective(&c).is_empty());
    }

    #[test]
    fn excellent_without_product_members_and_collectives() {
        let mut c = base();
        m(&mut c, "a", 1).rating = Some(Rating::Htxsnv);
        m(&mut c, "a", 1).achievements = Some("  ".into());
        res(&mut c, "b").collective.rating = Rating::Htxsnv;
        let d = excellent_without_product(&c);
        assert_eq!(d.len(), 2);
        assert!(
            d.iter()
                .all(|d| d.code == Code::ExcellentWithoutProduct && d.is_error())
        );
        m(&mut c, "a", 1).achievements = Some("Đề án X được phê duyệt".into());
        res(&mut c, "b").collective.achievements = Some("100% nhiệm vụ đúng hạn".into());
        assert!(excellent_without_product(&c).is_empty());
    }

    const SETS: [RuleSet; 3] = [
        RuleSet::Qd132_2018,
        RuleSet::Qd124_2023,
        RuleSet::Qd366_2025,
    ];

    /// The base cycle under `rules` (its year moved into the set's years).
    fn under(rules: RuleSet) -> Cycle {
        let mut c = base();
        c.rules = rules;
        c.year = *rules.years().start();
        c
    }

    #[test]
    fn disciplined_above_fail_under_every_rule_set() {
        for rules in SETS {
            let mut c = under(rules);
            // Pass: disciplined and rated KHTNV; or not disciplined.
            m(&mut c, "a", 2).discipline = Some("Khiển trách".into());
            m(&mut c, "a", 2).rating = Some(Rating::Khtnv);
            assert!(disciplined_above_fail(&c).is_empty(), "{rules:?}");
            // Boundary: one level above KHTNV is already an error.
            m(&mut c, "a", 2).rating = Some(Rating::Htnv);
            let d = disciplined_above_fail(&c);
            assert_eq!(
                found(&d),
                [(Code::DisciplinedAboveFail, Severity::Error)],
                "{rules:?}"
            );
            assert_eq!(d[0].place.path, "members[2].rating");
            // Self-remedied: a warning under qd124-2023 and qd366-2025 only.
            m(&mut c, "a", 2).self_remedied = true;
            let expected = match rules {
                RuleSet::Qd132_2018 => Severity::Error,
                _ => Severity::Warning,
            };
            let d = disciplined_above_fail(&c);
            assert_eq!(
                found(&d),
                [(Code::DisciplinedAboveFail, expected)],
                "{rules:?}"
            );
            if expected == Severity::Warning {
                let number = of_set(rules)[0].map(|r| r.number).unwrap_or_default();
                assert!(d[0].message.vi.contains(number), "{}", d[0].message.vi);
            }
        }
    }

    #[test]
    fn collective_excellent_with_disciplined_under_every_rule_set() {
        for rules in SETS {
            let mut c = under(rules);
            res(&mut c, "a").collective.rating = Rating::Htxsnv;
            // Pass: nobody disciplined.
            assert!(collective_excellent_with_disciplined(&c).is_empty());
            // An ordinary member's discipline: a warning under every set.
            m(&mut c, "a", 3).discipline = Some("Khiển trách".into());
            let d = collective_excellent_with_disciplined(&c);
            assert_eq!(
                found(&d),
                [(Code::CollectiveExcellentWithDisciplined, Severity::Warning)],
                "{rules:?}"
            );
            assert!(d[0].message.vi.contains("Vũ Thị E"));
            // Boundary: the secretary (leadership) disciplined instead.
            m(&mut c, "a", 3).discipline = None;
            m(&mut c, "a", 0).discipline = Some("Khiển trách".into());
            let leadership = match rules {
                RuleSet::Qd366_2025 => Severity::Error,
                _ => Severity::Warning,
            };
            let d = collective_excellent_with_disciplined(&c);
            assert_eq!(
                found(&d),
                [(Code::CollectiveExcellentWithDisciplined, leadership)],
                "{rules:?}"
            );
            assert!(d[0].message.vi.contains("thành viên chi ủy"));
            assert_eq!(d[0].place.path, "collective.rating");
            // A deputy secretary and a committee member count as leadership too.
            for role in [Role::PhoBiThu, Role::ChiUyVien] {
                m(&mut c, "a", 0).discipline = None;
                m(&mut c, "a", 1).role = role;
                m(&mut c, "a", 1).discipline = Some("Cảnh cáo".into());
                assert_eq!(
                    found(&collective_excellent_with_disciplined(&c)),
                    [(Code::CollectiveExcellentWithDisciplined, leadership)]
                );
                m(&mut c, "a", 1).discipline = None;
            }
            // A branch rated HTTNV: nothing, whoever was disciplined.
            m(&mut c, "a", 0).discipline = Some("Khiển trách".into());
            res(&mut c, "a").collective.rating = Rating::Httnv;
            assert!(collective_excellent_with_disciplined(&c).is_empty());
        }
    }

    #[test]
    fn sick_leave_cap_under_every_rule_set() {
        for rules in SETS {
            let mut c = under(rules);
            // Pass: under 3 months, HTTNV.
            m(&mut c, "a", 1).sick_leave_months = Some(2);
            assert!(sick_leave_cap(&c).is_empty());
            // Boundary: 3 months, HTTNV — an error until qd366-2025.
            m(&mut c, "a", 1).sick_leave_months = Some(3);
            let d = sick_leave_cap(&c);
            match rules {
                RuleSet::Qd366_2025 => assert!(d.is_empty(), "43-HD point 7.5: no cap"),
                _ => assert_eq!(found(&d), [(Code::SickLeaveCap, Severity::Error)]),
            }
            // Fail well over (12 months, HTXSNV) — still nothing under qd366-2025.
            m(&mut c, "a", 1).sick_leave_months = Some(12);
            m(&mut c, "a", 1).rating = Some(Rating::Htxsnv);
            assert_eq!(sick_leave_cap(&c).is_empty(), rules == RuleSet::Qd366_2025);
            // At the cap: HTNV is fine everywhere.
            m(&mut c, "a", 1).rating = Some(Rating::Htnv);
            assert!(sick_leave_cap(&c).is_empty());
        }
    }
}
