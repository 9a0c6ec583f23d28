//! Rules on one member's (or one branch's) rating against its conduct:
//! the secretary above the branch, HTXSNV without a product, discipline,
//! sick leave.

use super::{disciplined, is_blank, member_place, members};
use crate::cycle::{Cycle, Rating, Role, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message, Place, Severity};

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

/// `disciplined-above-fail`: disciplined in the year and rated above
/// KHTNV. Under qd124-2023, `self_remedied: true` makes it a warning.
pub fn disciplined_above_fail(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter(|(_, _, m)| disciplined(m) && m.rating > Some(Rating::Khtnv))
        .map(|(r, i, m)| {
            let rating = m.rating.map_or("", Rating::code);
            let discipline = m.discipline.as_deref().unwrap_or("").trim();
            let excused = c.rules == RuleSet::Qd124_2023 && m.self_remedied;
            let message = Message::new(
                format!(
                    "đảng viên {} bị kỷ luật trong năm ({discipline}) nhưng được xếp loại {rating}; đảng viên bị kỷ luật chỉ được xếp loại KHTNV{}",
                    m.name,
                    if excused {
                        " (Quy định 124-QĐ/TW: tự phát hiện, khắc phục — cần cấp ủy xem xét)"
                    } else {
                        ""
                    }
                ),
                format!(
                    "member {} was disciplined in the year ({discipline}) but is rated {rating}; a disciplined member is rated KHTNV{}",
                    m.name,
                    if excused {
                        " (Quy định 124-QĐ/TW: self-detected and remedied — for the committee to confirm)"
                    } else {
                        ""
                    }
                ),
            );
            let severity = if excused {
                Severity::Warning
            } else {
                Severity::Error
            };
            Diagnostic {
                code: Code::DisciplinedAboveFail,
                severity,
                message,
                place: member_place(c, r, i, "rating"),
            }
        })
        .collect()
}

/// `collective-excellent-with-disciplined`: a branch rated HTXSNV with a
/// member disciplined in the year. An error under qd366-2025, else a warning.
pub fn collective_excellent_with_disciplined(c: &Cycle) -> Vec<Diagnostic> {
    let severity = if c.rules == RuleSet::Qd366_2025 {
        Severity::Error
    } else {
        Severity::Warning
    };
    c.results
        .values()
        .filter(|r| r.collective.rating == Rating::Htxsnv)
        .filter_map(|r| {
            let names: Vec<&str> = r
                .members
                .iter()
                .filter(|m| disciplined(m))
                .map(|m| m.name.as_str())
                .collect();
            (!names.is_empty()).then(|| Diagnostic {
                code: Code::CollectiveExcellentWithDisciplined,
                severity,
                place: c.sources.place(r.file, "collective.rating"),
                message: Message::new(
                    format!(
                        "chi bộ `{}` được xếp loại HTXSNV nhưng có đảng viên bị kỷ luật trong năm: {}",
                        r.branch,
                        names.join(", ")
                    ),
                    format!(
                        "branch `{}` is rated HTXSNV but has members disciplined in the year: {}",
                        r.branch,
                        names.join(", ")
                    ),
                ),
            })
        })
        .collect()
}

/// `sick-leave-cap`: 3 or more months of sick leave caps the rating at HTNV.
pub fn sick_leave_cap(c: &Cycle) -> Vec<Diagnostic> {
    members(c)
        .filter(|(_, _, m)| m.sick_leave_months.unwrap_or(0) >= 3 && m.rating > Some(Rating::Htnv))
        .map(|(r, i, m)| {
            let rating = m.rating.map_or("", Rating::code);
            let months = m.sick_leave_months.unwrap_or(0);
            Diagnostic::error(
                Code::SickLeaveCap,
                member_place(c, r, i, "rating"),
                Message::new(
                    format!(
                        "đảng viên {} nghỉ ốm {months} tháng (từ 3 tháng trở lên) nên chỉ được xếp loại tối đa HTNV, không phải {rating}",
                        m.name
                    ),
                    format!(
                        "member {} was on sick leave {months} months (3 or more), so the rating is at most HTNV, not {rating}",
                        m.name
                    ),
                ),
            )
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

    #[test]
    fn disciplined_above_fail_and_qd124_exception() {
        let mut c = base();
        m(&mut c, "a", 2).discipline = Some("Khiển trách".into());
        let d = disciplined_above_fail(&c);
        assert_eq!(found(&d), [(Code::DisciplinedAboveFail, Severity::Error)]);
        // Self-remedied counts only under qd124-2023.
        m(&mut c, "a", 2).self_remedied = true;
        assert_eq!(
            found(&disciplined_above_fail(&c)),
            [(Code::DisciplinedAboveFail, Severity::Error)]
        );
        c.rules = RuleSet::Qd124_2023;
        assert_eq!(
            found(&disciplined_above_fail(&c)),
            [(Code::DisciplinedAboveFail, Severity::Warning)]
        );
        m(&mut c, "a", 2).rating = Some(Rating::Khtnv);
        assert!(disciplined_above_fail(&c).is_empty());
    }

    #[test]
    fn collective_excellent_with_disciplined_by_rule_set() {
        let mut c = base();
        res(&mut c, "a").collective.rating = Rating::Htxsnv;
        assert!(collective_excellent_with_disciplined(&c).is_empty());
        m(&mut c, "a", 3).discipline = Some("Khiển trách".into());
        let d = collective_excellent_with_disciplined(&c);
        assert_eq!(
            found(&d),
            [(Code::CollectiveExcellentWithDisciplined, Severity::Warning)]
        );
        assert!(d[0].message.vi.contains("Vũ Thị E"));
        c.rules = RuleSet::Qd366_2025;
        assert_eq!(
            found(&collective_excellent_with_disciplined(&c)),
            [(Code::CollectiveExcellentWithDisciplined, Severity::Error)]
        );
    }

    #[test]
    fn sick_leave_cap_at_three_months() {
        let mut c = base();
        m(&mut c, "a", 1).sick_leave_months = Some(2);
        assert!(sick_leave_cap(&c).is_empty());
        m(&mut c, "a", 1).sick_leave_months = Some(3);
        assert_eq!(
            found(&sick_leave_cap(&c)),
            [(Code::SickLeaveCap, Severity::Error)]
        );
        m(&mut c, "a", 1).rating = Some(Rating::Htnv);
        assert!(sick_leave_cap(&c).is_empty());
    }
}
