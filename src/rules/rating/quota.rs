//! The HTXSNV quota rules (`quota-excellent`, `quota-excellent-branch`); the
//! quota itself is `domain::figures`, the figures the documents print.

use super::member_rating_place;
use crate::cycle::{Cycle, FileId, QuotaBase, QuotaRounding, Rating, Results, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message, Place, Severity};
use crate::domain::figures::{QUOTA_PERCENT, QUOTA_PERCENT_RAISED, quota_percent_limit};
use crate::domain::figures::{Quota, branch_quota, cycle_quotas};

/// How a cap was reached, for a message: "20% của 34 đảng viên HTTNV, làm
/// tròn xuống" (`who`: đảng viên, chi bộ).
fn reading_vi(q: &Quota, who: &str) -> String {
    let base = match q.base_kind {
        QuotaBase::RatedGood => "HTTNV",
        QuotaBase::RatedGoodOrBetter => "HTTNV và HTXSNV",
    };
    let rounding = match q.rounding {
        QuotaRounding::Floor => "làm tròn xuống",
        QuotaRounding::Nearest => "làm tròn đến số nguyên gần nhất",
    };
    format!("{}% của {} {who} {base}, {rounding}", q.percent, q.base)
}

/// "20% of 34 members rated HTTNV, rounded down" (`who`: members, branches).
fn reading_en(q: &Quota, who: &str) -> String {
    let base = match q.base_kind {
        QuotaBase::RatedGood => "HTTNV",
        QuotaBase::RatedGoodOrBetter => "HTTNV or HTXSNV",
    };
    let rounding = match q.rounding {
        QuotaRounding::Floor => "rounded down",
        QuotaRounding::Nearest => "rounded to nearest",
    };
    format!(
        "{}% of {} {who} rated {base}, {rounding}",
        q.percent, q.base
    )
}

/// The HTXSNV ratings (file and member index), in results order (for
/// pointing at the first one over a cap).
fn excellent_members<'a>(
    results: impl Iterator<Item = &'a Results>,
) -> impl Iterator<Item = (FileId, usize)> {
    results.flat_map(|r| {
        r.members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.rating == Some(Rating::Htxsnv))
            .map(move |(i, _)| (r.file, i))
    })
}

/// The place of the first HTXSNV over the cap (or of the last one), found
/// by `at`: only that one place is located.
fn over_cap_place<T>(
    candidates: impl Iterator<Item = T>,
    q: &Quota,
    at: impl Fn(T) -> Place,
) -> Place {
    let index = usize::try_from(q.cap).unwrap_or(usize::MAX);
    let mut last = None;
    for (i, candidate) in candidates.enumerate() {
        if i == index {
            return at(candidate);
        }
        last = Some(candidate);
    }
    last.map(at).unwrap_or_default()
}

/// `quota-excellent`: HTXSNV over the cap, issuer-wide, for members and for
/// branches as collectives. Points at the first HTXSNV over the cap.
pub fn quota_excellent(c: &Cycle) -> Vec<Diagnostic> {
    let q = cycle_quotas(c);
    let mut out = Vec::new();
    if q.members.exceeded() {
        let place = over_cap_place(excellent_members(c.results.values()), &q.members, |m| {
            member_rating_place(c, m)
        });
        out.push(Diagnostic::error(
            Code::QuotaExcellent,
            place,
            Message::new(
                format!(
                    "{} đảng viên được xếp loại HTXSNV (toàn đảng bộ), vượt mức tối đa {} ({})",
                    q.members.count,
                    q.members.cap,
                    reading_vi(&q.members, "đảng viên")
                ),
                format!(
                    "HTXSNV party members over all branches: {}, above the cap of {} ({})",
                    q.members.count,
                    q.members.cap,
                    reading_en(&q.members, "members")
                ),
            ),
        ));
    }
    if q.collectives.exceeded() {
        let collectives = c
            .results
            .values()
            .filter(|r| r.collective.rating == Rating::Htxsnv);
        out.push(Diagnostic::error(
            Code::QuotaExcellent,
            over_cap_place(collectives, &q.collectives, |r| {
                c.sources.place(r.file, "collective.rating")
            }),
            Message::new(
                format!(
                    "{} chi bộ được xếp loại HTXSNV, vượt mức tối đa {} ({})",
                    q.collectives.count,
                    q.collectives.cap,
                    reading_vi(&q.collectives, "chi bộ")
                ),
                format!(
                    "branches rated HTXSNV: {}, above the cap of {} ({})",
                    q.collectives.count,
                    q.collectives.cap,
                    reading_en(&q.collectives, "branches")
                ),
            ),
        ));
    }
    if c.results.len() < c.branches.len() {
        out.iter_mut().for_each(|d| provisional(d, c));
    }
    out
}

/// While some branches have not reported, the cap is computed on partial
/// counts and may still change: the finding is a warning, and says so.
fn provisional(d: &mut Diagnostic, c: &Cycle) {
    let (got, all) = (c.results.len(), c.branches.len());
    d.severity = Severity::Warning;
    d.message.vi +=
        &format!(" — mới có {got}/{all} chi bộ báo cáo; sẽ là lỗi nếu vẫn vượt khi đủ báo cáo");
    d.message.en += &format!(
        " — only {got}/{all} branches have reported; an error if still over once all have"
    );
}

/// `quota-excellent`, the option half: `quota_percent` above what the rule
/// set allows — 25 under qd366-2025 with a `quota_reason` (Điều 11 khoản
/// 1.5: an organisation with outstanding achievements), else 20.
pub fn quota_percent_allowed(c: &Cycle) -> Vec<Diagnostic> {
    let percent = c.options.quota_percent;
    let reason = c.options.quota_reason.as_deref();
    let reason_given = reason.is_some_and(|r| !r.trim().is_empty());
    if percent <= quota_percent_limit(c.rules, reason_given) {
        return Vec::new();
    }
    let qd366 = c.rules == RuleSet::Qd366_2025;
    let (vi, en) = if qd366 && percent <= QUOTA_PERCENT_RAISED {
        (
            format!(
                "mức {QUOTA_PERCENT_RAISED}% chỉ áp dụng cho tổ chức có thành tích nổi bật: cần ghi lý do (`rule_options.quota_reason`)"
            ),
            format!(
                "the {QUOTA_PERCENT_RAISED}% cap is for an organisation with outstanding achievements: give the reason (`rule_options.quota_reason`)"
            ),
        )
    } else if qd366 {
        (
            format!(
                "vượt mức tối đa {QUOTA_PERCENT_RAISED}% (Quy định 366-QĐ/TW, Điều 11 khoản 1.5)"
            ),
            format!(
                "above the highest cap of {QUOTA_PERCENT_RAISED}% (Quy định 366-QĐ/TW, Điều 11 khoản 1.5)"
            ),
        )
    } else {
        (
            format!(
                "vượt mức {QUOTA_PERCENT}% của bộ quy tắc {}; mức đến {QUOTA_PERCENT_RAISED}% chỉ có từ Quy định 366-QĐ/TW (qd366-2025)",
                c.rules.id()
            ),
            format!(
                "above the {QUOTA_PERCENT}% of rule set {}; a cap up to {QUOTA_PERCENT_RAISED}% exists only from Quy định 366-QĐ/TW (qd366-2025)",
                c.rules.id()
            ),
        )
    };
    vec![Diagnostic::error(
        Code::QuotaExcellent,
        c.place("rule_options.quota_percent"),
        Message::new(
            format!("tỷ lệ HTXSNV `quota_percent: {percent}`: {vi}"),
            format!("HTXSNV share `quota_percent: {percent}`: {en}"),
        ),
    )]
}

/// `quota-excellent-branch`: one branch alone proposes more HTXSNV than its
/// own cap (a warning: the committee decides).
pub fn quota_excellent_branch(c: &Cycle) -> Vec<Diagnostic> {
    c.results
        .values()
        .filter_map(|r| {
            let q = branch_quota(c, r);
            q.exceeded().then(|| {
                let place = over_cap_place(excellent_members(std::iter::once(r)), &q, |m| {
                    member_rating_place(c, m)
                });
                Diagnostic::warning(
                    Code::QuotaExcellentBranch,
                    place,
                    Message::new(
                        format!(
                            "chi bộ `{}` đề nghị {} đảng viên HTXSNV, nhiều hơn mức {} của riêng chi bộ ({}); Đảng ủy sẽ quyết định",
                            r.branch,
                            q.count,
                            q.cap,
                            reading_vi(&q, "đảng viên")
                        ),
                        format!(
                            "branch `{}` proposes HTXSNV for {} of its members, above its own cap of {} ({}); the committee decides",
                            r.branch,
                            q.count,
                            q.cap,
                            reading_en(&q, "members")
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
    use crate::domain::figures::cycle_quotas;
    use crate::rules::test_support::{base, found, m, member, res};

    #[test]
    fn quota_excellent_over_all_branches() {
        let mut c = base();
        // 6 HTTNV over both branches: cap floor(1.2) = 1.
        m(&mut c, "a", 1).rating = Some(Rating::Htxsnv);
        assert!(quota_excellent(&c).is_empty());
        m(&mut c, "b", 1).rating = Some(Rating::Htxsnv);
        let d = quota_excellent(&c);
        assert_eq!(found(&d), [(Code::QuotaExcellent, Severity::Error)]);
        assert_eq!(
            d[0].message.vi,
            "2 đảng viên được xếp loại HTXSNV (toàn đảng bộ), vượt mức tối đa 0 (20% của 4 đảng viên HTTNV, làm tròn xuống)"
        );
        // The first HTXSNV over the cap of 0.
        assert_eq!(d[0].place.path, "members[1].rating");
        assert!(d[0].place.file.ends_with("results/a.yaml"));
        assert!(d[0].place.line.is_some());
    }

    #[test]
    fn quota_excellent_is_provisional_until_every_branch_reports() {
        let mut c = base();
        res(&mut c, "a").collective.rating = Rating::Htxsnv;
        c.results.remove("b");
        let d = quota_excellent(&c);
        assert_eq!(found(&d), [(Code::QuotaExcellent, Severity::Warning)]);
        assert!(d[0].message.vi.contains("mới có 1/2 chi bộ báo cáo"));
    }

    #[test]
    fn quota_excellent_for_collectives() {
        let mut c = base();
        res(&mut c, "a").collective.rating = Rating::Htxsnv;
        let d = quota_excellent(&c);
        assert_eq!(found(&d), [(Code::QuotaExcellent, Severity::Error)]);
        assert!(
            d[0].message
                .en
                .contains("branches rated HTXSNV: 1, above the cap of 0")
        );
        assert_eq!(d[0].place.path, "collective.rating");
        c.options.quota_base = QuotaBase::RatedGoodOrBetter;
        c.options.quota_rounding = QuotaRounding::Nearest;
        c.options.quota_percent = 50;
        assert!(quota_excellent(&c).is_empty());
    }

    #[test]
    fn cycle_quotas_count_every_branch() {
        let c = base();
        let q = cycle_quotas(&c);
        assert_eq!((q.members.count, q.members.base, q.members.cap), (0, 6, 1));
        assert_eq!((q.collectives.count, q.collectives.base), (0, 2));
    }

    #[test]
    fn quota_excellent_branch_warns_for_one_branch() {
        let mut c = base();
        for r in c.results.values_mut() {
            for m in &mut r.members {
                m.rating = Some(Rating::Httnv);
            }
        }
        // a: 4 members → cap floor(0.6 of 3 HTTNV) = 0 once one is HTXSNV.
        m(&mut c, "a", 1).rating = Some(Rating::Htxsnv);
        assert_eq!(
            found(&quota_excellent_branch(&c)),
            [(Code::QuotaExcellentBranch, Severity::Warning)]
        );
        // Issuer-wide: 1 of 6 HTTNV → cap 1, fine.
        assert!(quota_excellent(&c).is_empty());
        // With 5 HTTNV in the branch the cap is 1.
        res(&mut c, "a")
            .members
            .push(member("X", Some(Rating::Httnv)));
        res(&mut c, "a")
            .members
            .push(member("Y", Some(Rating::Httnv)));
        assert!(quota_excellent_branch(&c).is_empty());
    }

    #[test]
    fn quota_percent_under_every_rule_set() {
        let sets = [
            RuleSet::Qd132_2018,
            RuleSet::Qd124_2023,
            RuleSet::Qd366_2025,
        ];
        for rules in sets {
            let mut c = base();
            c.rules = rules;
            c.year = *rules.years().start();
            // Pass: the regular 20% (and any lower cap).
            c.options.quota_percent = 20;
            assert!(quota_percent_allowed(&c).is_empty(), "{rules:?}");
            c.options.quota_percent = 15;
            assert!(quota_percent_allowed(&c).is_empty());
            // 25 without a reason: an error under every set.
            c.options.quota_percent = 25;
            let d = quota_percent_allowed(&c);
            assert_eq!(
                found(&d),
                [(Code::QuotaExcellent, Severity::Error)],
                "{rules:?}"
            );
            assert_eq!(d[0].place.path, "rule_options.quota_percent");
            assert!(
                d[0].place.line.is_none(),
                "the option is not written in the base cycle"
            );
            // With a reason: allowed only under qd366-2025.
            c.options.quota_reason = Some("Đảng bộ được Trung ương tặng Cờ thi đua".into());
            assert_eq!(
                quota_percent_allowed(&c).is_empty(),
                rules == RuleSet::Qd366_2025,
                "{rules:?}"
            );
            // Boundary: 21 under the older sets; 26 under qd366-2025 even with a reason.
            c.options.quota_percent = 21;
            assert_eq!(
                quota_percent_allowed(&c).is_empty(),
                rules == RuleSet::Qd366_2025
            );
            c.options.quota_percent = 26;
            let d = quota_percent_allowed(&c);
            assert_eq!(
                found(&d),
                [(Code::QuotaExcellent, Severity::Error)],
                "{rules:?}"
            );
            // A blank reason is no reason.
            c.options.quota_percent = 25;
            c.options.quota_reason = Some("  ".into());
            assert_eq!(quota_percent_allowed(&c).len(), 1);
        }
    }

    #[test]
    fn quota_percent_messages_say_what_is_missing() {
        let mut c = base();
        c.rules = RuleSet::Qd366_2025;
        c.year = 2025;
        c.options.quota_percent = 25;
        assert!(
            quota_percent_allowed(&c)[0]
                .message
                .vi
                .contains("quota_reason")
        );
        c.options.quota_reason = Some("thành tích nổi bật".into());
        c.options.quota_percent = 30;
        assert!(
            quota_percent_allowed(&c)[0]
                .message
                .en
                .contains("highest cap of 25%")
        );
        c.rules = RuleSet::Qd124_2023;
        assert!(
            quota_percent_allowed(&c)[0]
                .message
                .en
                .contains("only from Quy định 366-QĐ/TW")
        );
    }
}
