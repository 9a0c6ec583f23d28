//! The figures of a cycle, each computed here once: the tally of ratings by
//! level, the HTXSNV quota (its base, rounding and cap), shares of a whole
//! as documents print them, the ballots a confidence vote is counted over,
//! the vote thresholds and what "tín nhiệm thấp" leads to under each
//! regulation, the caps that depend on the rule set (the 20% or 25% quota,
//! sick leave), the 100-point score (its parts, total and bands) and the
//! members present at a branch meeting. The rules, the documents, `vanban
//! collect` and `vanban stats` all call these, so a diagnostic and a
//! document can never disagree.

use super::regulations::{VoteRegime, vote_regime};
use super::vietnamese::{percent, percent_tenths, percent_with};
use crate::cycle::{Collective, Cycle, Member, QuotaBase, QuotaRounding, Rating, Results};
use crate::cycle::{RuleOptions, RuleSet, VoteBase, Votes};
use crate::diagnostic::Lang;
use serde::Serialize;

// ---------------------------------------------------------------------------
// Shares
// ---------------------------------------------------------------------------

/// `part` of `whole` as documents print it: `16,7%`, `50%`, or `—` when
/// there is nothing to divide by.
pub fn share(part: u64, whole: u64) -> String {
    share_in(part, whole, Lang::Vi)
}

/// [`share`] in a message's language: `16,7%` (vi), `16.7%` (en); the same
/// rounding and the same trimming of a whole number (`50%`) in both.
pub fn share_in(part: u64, whole: u64, lang: Lang) -> String {
    let text = match lang {
        Lang::Vi => percent(part, whole),
        Lang::En => percent_with(part, whole, '.'),
    };
    text.unwrap_or_else(|| "—".to_owned())
}

/// One decimal, as a number (JSON): 16.7; `None` when `whole` is zero.
pub fn percent_number(part: u64, whole: u64) -> Option<f64> {
    percent_tenths(part, whole).map(|t| t as f64 / 10.0)
}

// ---------------------------------------------------------------------------
// Tallies
// ---------------------------------------------------------------------------

/// How many were rated at each level (and how many were not rated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    pub htxsnv: u64,
    pub httnv: u64,
    pub htnv: u64,
    pub khtnv: u64,
    pub not_rated: u64,
}

impl Tally {
    pub fn add(&mut self, rating: Option<Rating>) {
        let slot = match rating {
            Some(Rating::Htxsnv) => &mut self.htxsnv,
            Some(Rating::Httnv) => &mut self.httnv,
            Some(Rating::Htnv) => &mut self.htnv,
            Some(Rating::Khtnv) => &mut self.khtnv,
            None => &mut self.not_rated,
        };
        *slot = slot.saturating_add(1);
    }

    /// Those given a rating (every level; not those not rated).
    pub fn rated(&self) -> u64 {
        self.htxsnv
            .saturating_add(self.httnv)
            .saturating_add(self.htnv)
            .saturating_add(self.khtnv)
    }

    /// Those rated at `level`.
    pub fn at(&self, level: Rating) -> u64 {
        match level {
            Rating::Htxsnv => self.htxsnv,
            Rating::Httnv => self.httnv,
            Rating::Htnv => self.htnv,
            Rating::Khtnv => self.khtnv,
        }
    }

    /// The sum of two tallies (a totals row).
    pub fn plus(&self, other: &Tally) -> Tally {
        Tally {
            htxsnv: self.htxsnv.saturating_add(other.htxsnv),
            httnv: self.httnv.saturating_add(other.httnv),
            htnv: self.htnv.saturating_add(other.htnv),
            khtnv: self.khtnv.saturating_add(other.khtnv),
            not_rated: self.not_rated.saturating_add(other.not_rated),
        }
    }

    /// The members of one branch's results.
    pub fn members(results: &Results) -> Tally {
        let mut tally = Tally::default();
        for m in &results.members {
            tally.add(m.rating);
        }
        tally
    }
}

/// The `not_rated` reasons the regulations accept.
pub const NOT_RATED_REASONS: [&str; 3] = [
    "miễn công tác và sinh hoạt đảng",
    "đình chỉ sinh hoạt đảng",
    "kết nạp chưa đủ 6 tháng",
];

/// Whether a `not_rated` reason is one the regulations accept (trimmed,
/// case-insensitive).
pub fn accepted_not_rated(reason: &str) -> bool {
    Reason::of(reason) != Reason::Other
}

/// Why a member is not rated: the three cases of the regulations, or another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Miễn công tác và sinh hoạt đảng.
    Exempt,
    /// Đình chỉ sinh hoạt đảng.
    Suspended,
    /// Kết nạp chưa đủ 6 tháng.
    NewMember,
    /// Any other reason (a `rating-missing` warning).
    Other,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::Exempt,
        Reason::Suspended,
        Reason::NewMember,
        Reason::Other,
    ];

    /// The case a `not_rated` text names (trimmed, case-insensitive).
    pub fn of(text: &str) -> Reason {
        let text = text.trim().to_lowercase();
        let cases = [Reason::Exempt, Reason::Suspended, Reason::NewMember];
        NOT_RATED_REASONS
            .iter()
            .zip(cases)
            .find(|(case, _)| **case == text)
            .map_or(Reason::Other, |(_, reason)| reason)
    }

    /// The case as the regulations word it; `lý do khác` for another.
    pub fn text(self) -> &'static str {
        match self {
            Reason::Exempt => NOT_RATED_REASONS[0],
            Reason::Suspended => NOT_RATED_REASONS[1],
            Reason::NewMember => NOT_RATED_REASONS[2],
            Reason::Other => "lý do khác",
        }
    }

    pub fn text_en(self) -> &'static str {
        match self {
            Reason::Exempt => "exempt from work and party activities",
            Reason::Suspended => "party activities suspended",
            Reason::NewMember => "admitted less than 6 months ago",
            Reason::Other => "other reason",
        }
    }
}

// ---------------------------------------------------------------------------
// Attendance at a branch meeting
// ---------------------------------------------------------------------------

/// Members present at a branch's review meeting: those on the roll less
/// those named absent (never below zero). The minutes, the branch report
/// and `collect`'s check of a typed count all use this.
pub fn present(members: u32, absent: usize) -> u32 {
    members.saturating_sub(u32::try_from(absent).unwrap_or(u32::MAX))
}

// ---------------------------------------------------------------------------
// The HTXSNV quota
// ---------------------------------------------------------------------------

/// The HTXSNV cap and the figures it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Quota {
    /// Those rated HTXSNV.
    pub count: u64,
    /// The base the percentage applies to (per `quota_base`).
    pub base: u64,
    /// The most allowed: `base × percent / 100`, rounded per `quota_rounding`.
    pub cap: u64,
    pub percent: u32,
    pub base_kind: QuotaBase,
    pub rounding: QuotaRounding,
}

/// The cap on HTXSNV given the HTXSNV and HTTNV counts, under `options`.
/// Integer arithmetic only: `floor` is `base·p / 100`, `nearest` rounds
/// half up, `(base·p + 50) / 100`.
pub fn quota(excellent: u64, good: u64, options: &RuleOptions) -> Quota {
    let base = match options.quota_base {
        QuotaBase::RatedGood => good,
        QuotaBase::RatedGoodOrBetter => good.saturating_add(excellent),
    };
    // u128 holds any u64 × u32 product (and + 50) exactly.
    let scaled = u128::from(base) * u128::from(options.quota_percent);
    let cap = match options.quota_rounding {
        QuotaRounding::Floor => scaled / 100,
        QuotaRounding::Nearest => (scaled + 50) / 100,
    };
    let cap = u64::try_from(cap).unwrap_or(u64::MAX);
    Quota {
        count: excellent,
        base,
        cap,
        percent: options.quota_percent,
        base_kind: options.quota_base,
        rounding: options.quota_rounding,
    }
}

impl Quota {
    pub fn exceeded(&self) -> bool {
        self.count > self.cap
    }

    /// `base × percent / 100` before rounding, in hundredths (exact).
    pub fn product_hundredths(&self) -> u128 {
        u128::from(self.base) * u128::from(self.percent)
    }
}

/// The most HTXSNV a branch of `members` could be allowed before anyone is
/// rated (the whole roll as the base, rounded up; at least one): how many
/// rows a blank form leaves for them.
pub fn quota_upper_bound(members: u32, options: &RuleOptions) -> u64 {
    let scaled = u64::from(members) * u64::from(options.quota_percent);
    scaled.div_ceil(100).max(1)
}

/// The issuer-wide quotas: members over all branches, and branches as
/// collectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CycleQuotas {
    pub members: Quota,
    pub collectives: Quota,
}

/// The quotas over the whole issuing organisation (every results file).
pub fn cycle_quotas(c: &Cycle) -> CycleQuotas {
    let mut members = Tally::default();
    let mut collectives = Tally::default();
    for r in c.results.values() {
        for m in &r.members {
            members.add(m.rating);
        }
        collectives.add(Some(r.collective.rating));
    }
    CycleQuotas {
        members: quota(members.htxsnv, members.httnv, &c.options),
        collectives: quota(collectives.htxsnv, collectives.httnv, &c.options),
    }
}

/// One branch's own member quota.
pub fn branch_quota(c: &Cycle, results: &Results) -> Quota {
    let tally = Tally::members(results);
    quota(tally.htxsnv, tally.httnv, &c.options)
}

// ---------------------------------------------------------------------------
// The confidence vote
// ---------------------------------------------------------------------------

/// The ballots confidence-vote percentages are counted over
/// (`rule_options.vote_base`).
pub fn vote_base(options: &RuleOptions, votes: &Votes) -> u32 {
    match options.vote_base {
        VoteBase::Returned => votes.ballots.returned,
        VoteBase::Valid => votes.ballots.valid,
    }
}

/// [`vote_base`] of the cycle's vote; `None` when it has none.
pub fn cycle_vote_base(c: &Cycle) -> Option<u32> {
    c.votes.as_ref().map(|v| vote_base(&c.options, v))
}

/// The quorum of a confidence vote (Quy định 96-QĐ/TW): at least 2/3 of
/// those convened present.
pub fn has_quorum(present: u32, convened: u32) -> bool {
    u64::from(present) * 3 >= u64::from(convened) * 2
}

/// How far "tín nhiệm thấp" goes over the base: the two thresholds every
/// vote regulation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Threshold {
    /// Half or less.
    None,
    /// More than half, less than 2/3.
    OverHalf,
    /// 2/3 or more.
    TwoThirds,
}

/// The threshold `low` votes over `base` ballots reach (integer arithmetic).
pub fn threshold(low: u32, base: u32) -> Threshold {
    let (low, base) = (u64::from(low), u64::from(base));
    if base == 0 {
        Threshold::None
    } else if low * 3 >= base * 2 {
        Threshold::TwoThirds
    } else if low * 2 > base {
        Threshold::OverHalf
    } else {
        Threshold::None
    }
}

/// What "tín nhiệm thấp" over the base leads to, under the vote regulation
/// in force (rules.md, `vote-threshold`). The documents word each one in
/// `templates/tin-nhiem-thap.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consequence {
    /// Half or less: nothing follows.
    None,
    /// 262-QĐ/TW, more than half: not planned for a higher post.
    NotPlanned,
    /// 262-QĐ/TW, 2/3 or more: the competent level considers removal from
    /// the post or resignation.
    ConsiderRemovalOrResignation,
    /// 96-QĐ/TW, more than half and under 2/3: the competent level
    /// considers removal from the post, reassignment or resignation.
    ConsiderRemoval,
    /// 96-QĐ/TW, 2/3 or more: removal from the post without waiting for
    /// the term's end.
    RemoveBeforeTermEnd,
}

/// The consequence of `low` votes over `base` ballots under `regime`.
pub fn consequence(regime: VoteRegime, low: u32, base: u32) -> Consequence {
    match (regime, threshold(low, base)) {
        (_, Threshold::None) => Consequence::None,
        (VoteRegime::Qd262, Threshold::OverHalf) => Consequence::NotPlanned,
        (VoteRegime::Qd262, Threshold::TwoThirds) => Consequence::ConsiderRemovalOrResignation,
        (VoteRegime::Qd96, Threshold::OverHalf) => Consequence::ConsiderRemoval,
        (VoteRegime::Qd96, Threshold::TwoThirds) => Consequence::RemoveBeforeTermEnd,
    }
}

/// The vote regulation whose consequences apply to a cycle's vote: the one
/// in force for its year (`domain::regulations`).
pub fn cycle_vote_regime(c: &Cycle) -> VoteRegime {
    vote_regime(c.year)
}

/// Whether `low` is more than half of `base` (integer arithmetic): the
/// threshold of every consequence.
pub fn over_half(low: u32, base: u32) -> bool {
    threshold(low, base) != Threshold::None
}

/// The highest rating "tín nhiệm thấp" over half allows under `rules`:
/// KHTNV under qd366-2025 (Quy định 366-QĐ/TW); no cap before it.
pub fn low_confidence_cap(rules: RuleSet, low: u32, base: u32) -> Option<Rating> {
    (rules == RuleSet::Qd366_2025 && over_half(low, base)).then_some(Rating::Khtnv)
}

// ---------------------------------------------------------------------------
// Caps by regime
// ---------------------------------------------------------------------------

/// The regular HTXSNV cap, in percent of the base (every rule set).
pub const QUOTA_PERCENT: u32 = 20;

/// The raised cap for an organisation with outstanding achievements,
/// with a stated reason (Quy định 366-QĐ/TW, Điều 11 khoản 1.5).
pub const QUOTA_PERCENT_RAISED: u32 = 25;

/// The highest `quota_percent` a rule set allows: 25 under qd366-2025
/// when `quota_reason` is given, else 20.
pub fn quota_percent_limit(rules: RuleSet, reason_given: bool) -> u32 {
    match rules == RuleSet::Qd366_2025 && reason_given {
        true => QUOTA_PERCENT_RAISED,
        false => QUOTA_PERCENT,
    }
}

/// Months of sick leave from which the rating is capped (qd132-2018,
/// qd124-2023).
pub const SICK_LEAVE_MONTHS: u32 = 3;

/// The highest rating `months` of sick leave allows under `rules`: HTNV
/// from 3 months under qd132-2018 and qd124-2023; no cap under qd366-2025
/// (Hướng dẫn 43-HD/BTCTW point 7.5: rated on the actual work).
pub fn sick_leave_cap(rules: RuleSet, months: u32) -> Option<Rating> {
    (rules != RuleSet::Qd366_2025 && months >= SICK_LEAVE_MONTHS).then_some(Rating::Htnv)
}

// ---------------------------------------------------------------------------
// The 100-point score (qd366-2025)
// ---------------------------------------------------------------------------

/// The general criteria are scored out of 30.
pub const SCORE_GENERAL_MAX: u32 = 30;
/// The results of the tasks are scored out of 70.
pub const SCORE_TASKS_MAX: u32 = 70;
/// The whole score, out of 100.
pub const SCORE_MAX: u32 = 100;

/// A score as given: the total and its two parts, each optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Score {
    pub given: Option<u32>,
    pub general: Option<u32>,
    pub tasks: Option<u32>,
}

impl Score {
    pub fn of_member(m: &Member) -> Score {
        Score {
            given: m.score,
            general: m.score_general,
            tasks: m.score_tasks,
        }
    }

    pub fn of_collective(c: &Collective) -> Score {
        Score {
            given: c.score,
            general: c.score_general,
            tasks: c.score_tasks,
        }
    }

    /// The sum of the two parts, when both are given.
    pub fn parts_sum(&self) -> Option<u32> {
        Some(self.general?.saturating_add(self.tasks?))
    }

    /// The total: as given, else the sum of both parts.
    pub fn total(&self) -> Option<u32> {
        self.given.or_else(|| self.parts_sum())
    }
}

/// The highest rating a 100-point score allows (Quy định 366-QĐ/TW):
/// ≥ 90 HTXSNV, 70–89 HTTNV, 50–69 HTNV, < 50 KHTNV.
pub fn score_ceiling(score: u32) -> Rating {
    match score {
        90.. => Rating::Htxsnv,
        70..=89 => Rating::Httnv,
        50..=69 => Rating::Htnv,
        _ => Rating::Khtnv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_is_the_roll_less_the_absent() {
        assert_eq!(present(7, 0), 7);
        assert_eq!(present(7, 2), 5);
        assert_eq!(present(1, 3), 0);
        assert_eq!(present(u32::MAX, usize::MAX), 0);
    }

    fn opts(base: QuotaBase, rounding: QuotaRounding) -> RuleOptions {
        RuleOptions {
            quota_base: base,
            quota_rounding: rounding,
            ..RuleOptions::default()
        }
    }

    const FLOOR: RuleOptions = RuleOptions {
        quota_percent: 20,
        quota_reason: None,
        quota_base: QuotaBase::RatedGood,
        quota_rounding: QuotaRounding::Floor,
        vote_base: VoteBase::Returned,
    };

    fn nearest() -> RuleOptions {
        opts(QuotaBase::RatedGood, QuotaRounding::Nearest)
    }

    #[test]
    fn quota_at_cap_passes_one_over_fails() {
        // 20% of 10 = 2.
        assert_eq!(quota(2, 10, &FLOOR).cap, 2);
        assert!(!quota(2, 10, &FLOOR).exceeded());
        assert!(quota(3, 10, &FLOOR).exceeded());
    }

    #[test]
    fn quota_floor_versus_nearest_on_small_counts() {
        // base 7: 1.4 → floor 1, nearest 1.
        assert_eq!(
            (quota(0, 7, &FLOOR).cap, quota(0, 7, &nearest()).cap),
            (1, 1)
        );
        // base 8: 1.6 → floor 1, nearest 2.
        assert_eq!(
            (quota(0, 8, &FLOOR).cap, quota(0, 8, &nearest()).cap),
            (1, 2)
        );
        assert!(quota(2, 8, &FLOOR).exceeded());
        assert!(!quota(2, 8, &nearest()).exceeded());
        // base 2: 0.4 → 0 either way, so one HTXSNV is over.
        assert!(quota(1, 2, &FLOOR).exceeded());
        assert!(quota(1, 2, &nearest()).exceeded());
        // base 3: 0.6 → floor 0, nearest 1.
        assert!(quota(1, 3, &FLOOR).exceeded());
        assert!(!quota(1, 3, &nearest()).exceeded());
        // half rounds up: base 5 at 10% = 0.5 → 1.
        let ten = RuleOptions {
            quota_percent: 10,
            ..nearest()
        };
        assert_eq!(quota(0, 5, &ten).cap, 1);
    }

    #[test]
    fn quota_bases() {
        let literal = quota(3, 10, &FLOOR);
        assert_eq!((literal.base, literal.cap), (10, 2));
        assert!(literal.exceeded());
        let wider = quota(
            3,
            10,
            &opts(QuotaBase::RatedGoodOrBetter, QuotaRounding::Floor),
        );
        assert_eq!((wider.base, wider.cap), (13, 2));
        let wider = quota(
            3,
            12,
            &opts(QuotaBase::RatedGoodOrBetter, QuotaRounding::Floor),
        );
        assert_eq!((wider.base, wider.cap), (15, 3));
        assert!(!wider.exceeded());
    }

    #[test]
    fn quota_does_not_overflow() {
        let huge = RuleOptions {
            quota_percent: u32::MAX,
            ..FLOOR
        };
        assert!(!quota(u64::MAX, u64::MAX, &huge).exceeded());
        assert_eq!(quota(5, 0, &FLOOR).cap, 0);
    }

    #[test]
    fn a_blank_form_leaves_rows_for_the_most_htxsnv_the_roll_allows() {
        // 12 members at 20%: 2.4 → 3 rows; 0 members still leaves one row.
        assert_eq!(quota_upper_bound(12, &FLOOR), 3);
        assert_eq!(quota_upper_bound(10, &FLOOR), 2);
        assert_eq!(quota_upper_bound(0, &FLOOR), 1);
    }

    #[test]
    fn thresholds_are_over_half_and_two_thirds() {
        assert_eq!(threshold(22, 45), Threshold::None);
        assert_eq!(threshold(23, 45), Threshold::OverHalf);
        assert_eq!(threshold(29, 45), Threshold::OverHalf);
        assert_eq!(threshold(30, 45), Threshold::TwoThirds);
        assert_eq!(threshold(3, 0), Threshold::None);
    }

    #[test]
    fn consequences_follow_the_vote_regulation() {
        use Consequence as C;
        let at = |regime| [22, 23, 29, 30, 45].map(|low| consequence(regime, low, 45));
        // Quy định 262-QĐ/TW: over half, not planned; 2/3, removal or resignation considered.
        assert_eq!(
            at(VoteRegime::Qd262),
            [
                C::None,
                C::NotPlanned,
                C::NotPlanned,
                C::ConsiderRemovalOrResignation,
                C::ConsiderRemovalOrResignation
            ]
        );
        // Quy định 96-QĐ/TW: over half, removal considered; 2/3, removal before the term's end.
        assert_eq!(
            at(VoteRegime::Qd96),
            [
                C::None,
                C::ConsiderRemoval,
                C::ConsiderRemoval,
                C::RemoveBeforeTermEnd,
                C::RemoveBeforeTermEnd
            ]
        );
    }

    #[test]
    fn sick_leave_caps_until_qd366() {
        for rules in [RuleSet::Qd132_2018, RuleSet::Qd124_2023] {
            assert_eq!(sick_leave_cap(rules, 2), None);
            assert_eq!(sick_leave_cap(rules, 3), Some(Rating::Htnv));
        }
        assert_eq!(sick_leave_cap(RuleSet::Qd366_2025, 12), None);
    }

    #[test]
    fn quota_percent_is_raised_only_under_qd366_with_a_reason() {
        assert_eq!(RuleOptions::default().quota_percent, QUOTA_PERCENT);
        assert_eq!(quota_percent_limit(RuleSet::Qd366_2025, true), 25);
        assert_eq!(quota_percent_limit(RuleSet::Qd366_2025, false), 20);
        assert_eq!(quota_percent_limit(RuleSet::Qd124_2023, true), 20);
        assert_eq!(quota_percent_limit(RuleSet::Qd132_2018, true), 20);
    }

    #[test]
    fn a_score_is_given_or_the_sum_of_its_parts() {
        let parts = Score {
            given: None,
            general: Some(26),
            tasks: Some(56),
        };
        assert_eq!((parts.parts_sum(), parts.total()), (Some(82), Some(82)));
        let given = Score {
            given: Some(80),
            ..parts
        };
        assert_eq!(
            given.total(),
            Some(80),
            "the given total wins; score-band flags it"
        );
        let one_part = Score {
            tasks: None,
            ..parts
        };
        assert_eq!((one_part.parts_sum(), one_part.total()), (None, None));
    }

    #[test]
    fn score_ceilings() {
        assert_eq!(score_ceiling(100), Rating::Htxsnv);
        assert_eq!(score_ceiling(90), Rating::Htxsnv);
        assert_eq!(score_ceiling(89), Rating::Httnv);
        assert_eq!(score_ceiling(70), Rating::Httnv);
        assert_eq!(score_ceiling(69), Rating::Htnv);
        assert_eq!(score_ceiling(50), Rating::Htnv);
        assert_eq!(score_ceiling(49), Rating::Khtnv);
    }

    #[test]
    fn over_half_is_the_threshold_of_every_consequence() {
        for base in 0..=12 {
            for low in 0..=base {
                let strictly = base > 0 && 2 * low > base;
                assert_eq!(over_half(low, base), strictly, "{low}/{base}");
            }
        }
    }

    #[test]
    fn low_confidence_caps_the_rating_only_under_qd366() {
        assert_eq!(
            low_confidence_cap(RuleSet::Qd366_2025, 4, 7),
            Some(Rating::Khtnv)
        );
        assert_eq!(low_confidence_cap(RuleSet::Qd366_2025, 3, 6), None);
        assert_eq!(low_confidence_cap(RuleSet::Qd124_2023, 7, 7), None);
    }

    #[test]
    fn quorum_is_two_thirds() {
        assert!(has_quorum(6, 9));
        assert!(!has_quorum(5, 9));
        assert!(has_quorum(0, 0));
    }

    #[test]
    fn shares_print_alike_in_both_languages() {
        assert_eq!(share(1, 2), "50%");
        assert_eq!(share_in(1, 2, Lang::En), "50%");
        assert_eq!(share_in(1, 3, Lang::En), "33.3%");
        assert_eq!(share(1, 0), "—");
        assert_eq!(percent_number(1, 6), Some(16.7));
    }
}
