//! Vote rules (rules.md, "Vote rules"), on votes.yaml.

use crate::cycle::{Cycle, VoteBase, Votes};
use crate::diagnostic::{Code, Diagnostic, Lang, Message};
use crate::domain::figures::{Consequence, consequence, cycle_vote_base, cycle_vote_regime};
use crate::domain::figures::{has_quorum, share_in};

/// `part / whole` as a percentage in both languages, as the documents
/// print it (`domain::figures::share`): `52,3%` / `52.3%`, `50%`.
pub fn percent(part: u32, whole: u32) -> (String, String) {
    let (part, whole) = (u64::from(part), u64::from(whole));
    (
        share_in(part, whole, Lang::Vi),
        share_in(part, whole, Lang::En),
    )
}

fn arithmetic(v: &Votes, c: &Cycle, path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::error(
        Code::VoteArithmetic,
        c.sources.place(v.file, path),
        Message::new(vi, en),
    )
}

/// `vote-arithmetic`: present ≤ convened, issued ≤ present (one ballot per
/// person present), valid ≤ returned ≤ issued, and for each person
/// high + trust + low ≤ valid.
pub fn vote_arithmetic(c: &Cycle) -> Vec<Diagnostic> {
    let Some(v) = &c.votes else {
        return Vec::new();
    };
    let b = v.ballots;
    let mut out = Vec::new();
    let pairs = [
        (
            "present",
            v.present,
            "có mặt",
            "present",
            v.convened,
            "triệu tập",
            "convened",
        ),
        (
            "ballots.issued",
            b.issued,
            "phiếu phát ra",
            "ballots issued",
            v.present,
            "người có mặt",
            "people present",
        ),
        (
            "ballots.returned",
            b.returned,
            "phiếu thu vào",
            "ballots returned",
            b.issued,
            "phiếu phát ra",
            "ballots issued",
        ),
        (
            "ballots.valid",
            b.valid,
            "phiếu hợp lệ",
            "valid ballots",
            b.returned,
            "phiếu thu vào",
            "ballots returned",
        ),
    ];
    for (path, n, n_vi, n_en, max, max_vi, max_en) in pairs {
        if n > max {
            out.push(arithmetic(
                v,
                c,
                path,
                format!("số {n_vi} ({n}) lớn hơn số {max_vi} ({max})"),
                format!("{n_en} ({n}) exceed {max_en} ({max})"),
            ));
        }
    }
    out.extend(people_over_valid(c, v));
    out
}

/// A person's high + trust + low over the valid ballots.
fn people_over_valid<'a>(c: &'a Cycle, v: &'a Votes) -> impl Iterator<Item = Diagnostic> + 'a {
    let valid = v.ballots.valid;
    v.people.iter().enumerate().filter_map(move |(i, p)| {
        let sum = u64::from(p.high) + u64::from(p.trust) + u64::from(p.low);
        (sum > u64::from(valid)).then(|| {
            arithmetic(
                v,
                c,
                &format!("people[{i}]"),
                format!(
                    "{}: tín nhiệm cao {} + tín nhiệm {} + tín nhiệm thấp {} = {sum}, lớn hơn số phiếu hợp lệ ({valid})",
                    p.name, p.high, p.trust, p.low
                ),
                format!(
                    "{}: high {} + trust {} + low {} = {sum}, more than the valid ballots ({valid})",
                    p.name, p.high, p.trust, p.low
                ),
            )
        })
    })
}

/// `vote-quorum`: at least 2/3 of those convened must be present
/// (Quy định 96-QĐ/TW): an error when present × 3 < convened × 2.
pub fn vote_quorum(c: &Cycle) -> Vec<Diagnostic> {
    let Some(v) = &c.votes else {
        return Vec::new();
    };
    if has_quorum(v.present, v.convened) {
        return Vec::new();
    }
    let (vi, en) = percent(v.present, v.convened);
    vec![Diagnostic::error(
        Code::VoteQuorum,
        c.sources.place(v.file, "present"),
        Message::new(
            format!(
                "chỉ có {} trên {} người được triệu tập có mặt ({vi}), chưa đủ 2/3 để lấy phiếu tín nhiệm",
                v.present, v.convened
            ),
            format!(
                "only {} of the {} convened are present ({en}), short of the 2/3 a confidence vote needs",
                v.present, v.convened
            ),
        ),
    )]
}

/// `vote-threshold`: more than 50% "tín nhiệm thấp", or 2/3 or more, and
/// what follows under the vote regulation in force (262-QĐ/TW before 2023,
/// 96-QĐ/TW from 2023: `domain::figures::consequence`).
pub fn vote_threshold(c: &Cycle) -> Vec<Diagnostic> {
    let (Some(v), Some(base)) = (&c.votes, cycle_vote_base(c)) else {
        return Vec::new();
    };
    if base == 0 {
        return Vec::new();
    }
    let regime = cycle_vote_regime(c);
    let (over_vi, over_en) = match c.options.vote_base {
        VoteBase::Returned => ("phiếu thu vào", "ballots returned"),
        VoteBase::Valid => ("phiếu hợp lệ", "valid ballots"),
    };
    v.people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (then_vi, then_en) = match consequence(regime, p.low, base) {
                Consequence::None => return None,
                Consequence::NotPlanned => (
                    "trên 50% (Quy định 262-QĐ/TW): không quy hoạch lên chức vụ cao hơn",
                    "over 50% (Quy định 262-QĐ/TW): not planned for a higher post",
                ),
                Consequence::ConsiderRemovalOrResignation => (
                    "từ 2/3 trở lên (Quy định 262-QĐ/TW): cấp có thẩm quyền xem xét cho thôi giữ chức vụ hoặc cho từ chức",
                    "2/3 or more (Quy định 262-QĐ/TW): the competent level considers removal from the post or resignation",
                ),
                Consequence::ConsiderRemoval => (
                    "trên 50% đến dưới 2/3 (Quy định 96-QĐ/TW): cấp có thẩm quyền xem xét cho thôi giữ chức vụ, bố trí công tác khác hoặc cho từ chức",
                    "over 50% and under 2/3 (Quy định 96-QĐ/TW): the competent level considers removal from the post, reassignment or resignation",
                ),
                Consequence::RemoveBeforeTermEnd => (
                    "từ 2/3 trở lên (Quy định 96-QĐ/TW): cấp có thẩm quyền cho thôi giữ chức vụ, không chờ hết nhiệm kỳ",
                    "2/3 or more (Quy định 96-QĐ/TW): removal from the post without waiting for the term's end",
                ),
            };
            let (pct_vi, pct_en) = percent(p.low, base);
            Some(Diagnostic::warning(
                Code::VoteThreshold,
                c.sources.place(v.file, &format!("people[{i}].low")),
                Message::new(
                    format!(
                        "{} có {}/{base} {over_vi} tín nhiệm thấp ({pct_vi}), {then_vi}",
                        p.name, p.low
                    ),
                    format!(
                        "{} has {} low-confidence votes of {base} {over_en} ({pct_en}), {then_en}",
                        p.name, p.low
                    ),
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, found};

    fn with_votes(f: impl FnOnce(&mut Votes)) -> Cycle {
        let mut c = base();
        if let Some(v) = c.votes.as_mut() {
            f(v);
        }
        c
    }

    #[test]
    fn percent_one_decimal() {
        assert_eq!(percent(1, 3), ("33,3%".to_string(), "33.3%".to_string()));
        assert_eq!(percent(2, 3).1, "66.7%");
        assert_eq!(percent(0, 0).1, "—");
    }

    #[test]
    fn a_whole_percentage_prints_as_the_documents_print_it() {
        // 4 of 8 present: short of 2/3; the share is the vote minutes' "50%".
        let short = with_votes(|v| {
            v.convened = 8;
            v.present = 4;
        });
        let d = vote_quorum(&short);
        let document = crate::domain::figures::share(4, 8);
        assert_eq!(document, "50%");
        assert!(d[0].message.vi.contains(&format!("({document})")));
        assert!(d[0].message.en.contains("(50%)"));
    }

    #[test]
    fn vote_arithmetic_passes_on_equal_counts() {
        assert!(vote_arithmetic(&base()).is_empty());
    }

    #[test]
    fn vote_arithmetic_each_inequality() {
        type Change = fn(&mut Votes);
        let cases: [(Change, &str); 5] = [
            (|v| v.present = 8, "present"),
            (|v| v.ballots.issued = 8, "ballots.issued"),
            (|v| v.ballots.returned = 8, "ballots.returned"),
            (|v| v.ballots.valid = 8, "ballots.valid"),
            (|v| v.people[0].low = 1, "people[0]"),
        ];
        for (change, path) in cases {
            let d = vote_arithmetic(&with_votes(change));
            assert_eq!(
                found(&d),
                [(Code::VoteArithmetic, Severity::Error)],
                "{path}"
            );
            assert_eq!(d[0].place.path, path);
        }
    }

    #[test]
    fn vote_quorum_two_thirds() {
        // 2/3 of 9 is 6: 6 present is a quorum, 5 is not.
        let ok = with_votes(|v| {
            v.convened = 9;
            v.present = 6;
        });
        assert!(vote_quorum(&ok).is_empty());
        let short = with_votes(|v| {
            v.convened = 9;
            v.present = 5;
        });
        let d = vote_quorum(&short);
        assert_eq!(found(&d), [(Code::VoteQuorum, Severity::Error)]);
        assert!(d[0].message.en.contains("only 5 of the 9"));
    }

    #[test]
    fn vote_threshold_half_and_two_thirds() {
        // The base cycle is 2022: Quy định 262-QĐ/TW.
        let low = |year: i32, n: u32, base: u32| {
            let mut c = with_votes(|v| {
                v.ballots.returned = base;
                v.people[0].low = n;
            });
            c.year = year;
            vote_threshold(&c)
        };
        for year in [2022, 2023, 2026] {
            // 6 returned: 3 is exactly half (fine), 4 is 2/3.
            assert!(low(year, 3, 6).is_empty());
            let d = low(year, 4, 6);
            assert_eq!(found(&d), [(Code::VoteThreshold, Severity::Warning)]);
            // No ballots: nothing to divide by.
            assert!(low(year, 1, 0).is_empty());
        }
        // 262-QĐ/TW: over half → not planned; 2/3 → removal or resignation considered.
        assert!(
            low(2022, 4, 7)[0]
                .message
                .en
                .contains("not planned for a higher post")
        );
        assert!(
            low(2022, 5, 7)[0]
                .message
                .en
                .contains("considers removal from the post or resignation")
        );
        assert!(low(2022, 4, 6)[0].message.vi.contains("262-QĐ/TW"));
        // 96-QĐ/TW: over half → removal, reassignment or resignation considered;
        // 2/3 → removal before the term's end.
        for year in [2023, 2026] {
            assert!(
                low(year, 4, 7)[0]
                    .message
                    .en
                    .contains("reassignment or resignation")
            );
            assert!(low(year, 5, 7)[0].message.en.contains("without waiting"));
            assert!(low(year, 4, 6)[0].message.vi.contains("96-QĐ/TW"));
        }
    }

    #[test]
    fn vote_threshold_over_valid_ballots() {
        let mut c = with_votes(|v| {
            v.ballots.valid = 5;
            v.people[0].low = 3;
        });
        assert!(vote_threshold(&c).is_empty(), "3 of 7 returned");
        c.options.vote_base = VoteBase::Valid;
        assert_eq!(vote_threshold(&c).len(), 1, "3 of 5 valid");
    }
}
