//! The consolidated figures of a cycle: members by level per branch and in
//! total (percentages of those rated), those not rated by reason, the
//! branches as collectives by level, the review meetings, and the HTXSNV
//! caps — computed by the functions the `quota-excellent` rule calls
//! (`domain::figures::cycle_quotas`).
//!
//! A thin layer over `domain::figures` (the tally, quotas and shares): the
//! consolidated report,
//! `vanban stats` (text and JSON) and the tests all read a [`Figures`].
//! Branches without a results file are listed in `missing` and left out of
//! every total.

use crate::cycle::{Branch, Cycle, Rating, Results};
/// Why a member is not rated (in `domain::figures`: `rating-missing` reads it too).
pub use crate::domain::figures::Reason;
use crate::domain::figures::{Quota, Tally, cycle_quotas, percent_number, share};
use crate::domain::vietnamese::hundredths;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything `vanban stats` prints and the consolidated report states.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub year: i32,
    /// Every branch of cycle.yaml, in its order.
    pub branches: Vec<BranchFigures>,
    /// Ids of the branches with no results file (not in any total).
    pub missing: Vec<String>,
    /// Members over the branches that reported.
    pub total: Counts,
    /// The reasons for not rating that occur, in [`Reason::ALL`] order.
    pub reasons: Vec<Reason>,
    pub collectives: Collectives,
    pub meetings: Meetings,
    pub quota: Quotas,
}

/// One branch: its counts when it reported.
#[derive(Debug, Clone, Serialize)]
pub struct BranchFigures {
    pub id: String,
    pub name: String,
    pub reported: bool,
    /// `None` when the branch has not reported.
    pub counts: Option<Counts>,
    /// The branch's own rating as a collective.
    pub collective: Option<Rating>,
}

/// Members of one branch (or of all that reported).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts {
    /// Members on the roll (`branches[].members` in cycle.yaml).
    pub roll: u64,
    /// Listed in the results with no rating.
    pub not_rated: u64,
    /// `not_rated` by reason (reasons with none left out).
    pub not_rated_by_reason: BTreeMap<Reason, u64>,
    pub rated: u64,
    /// Highest level first ([`Rating::ALL`]).
    pub levels: Vec<Level>,
}

/// Those rated at one level, and their share of those rated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level {
    pub level: Rating,
    /// `Hoàn thành xuất sắc nhiệm vụ`.
    pub name: &'static str,
    pub count: u64,
    /// One decimal; `None` when nobody was rated.
    pub percent: Option<f64>,
    /// As documents print it: `16,7%`, or `—` when nobody was rated.
    pub share: String,
}

/// The branches as collectives.
#[derive(Debug, Clone, Serialize)]
pub struct Collectives {
    /// Branches that reported (and so rated themselves).
    pub rated: u64,
    pub levels: Vec<CollectiveLevel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CollectiveLevel {
    pub level: Rating,
    pub name: &'static str,
    pub count: u64,
    pub percent: Option<f64>,
    pub share: String,
    /// Names of the branches at this level, in cycle order.
    pub branches: Vec<String>,
}

/// The review meetings of the branches that reported.
#[derive(Debug, Clone, Serialize)]
pub struct Meetings {
    pub held: u64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// The HTXSNV caps over the branches that reported.
#[derive(Debug, Clone, Serialize)]
pub struct Quotas {
    pub members: QuotaFigures,
    pub collectives: QuotaFigures,
}

/// A cap and how it was reached, for a sentence a reader can verify.
#[derive(Debug, Clone, Serialize)]
pub struct QuotaFigures {
    /// count, base, cap, percent, base_kind (`quota_base`), rounding (`quota_rounding`).
    #[serde(flatten)]
    pub quota: Quota,
    pub exceeded: bool,
    /// `base × percent / 100` before rounding, exact: `7,4`.
    pub product: String,
    /// The count as a share of the base: `16,2%` (`—` for a zero base).
    pub share: String,
}

impl QuotaFigures {
    fn of(quota: Quota) -> QuotaFigures {
        QuotaFigures {
            quota,
            exceeded: quota.exceeded(),
            product: hundredths(quota.product_hundredths()),
            share: share(quota.count, quota.base),
        }
    }
}

impl Counts {
    /// From a tally of ratings and the not-rated reasons.
    pub fn new(roll: u64, tally: &Tally, reasons: BTreeMap<Reason, u64>) -> Counts {
        let rated = tally.rated();
        Counts {
            roll,
            not_rated: tally.not_rated,
            not_rated_by_reason: reasons,
            rated,
            levels: Rating::ALL
                .iter()
                .map(|&level| {
                    let count = tally.at(level);
                    Level {
                        level,
                        name: level.full_name(),
                        count,
                        percent: percent_number(count, rated),
                        share: share(count, rated),
                    }
                })
                .collect(),
        }
    }

    /// One branch's members.
    pub fn branch(branch: &Branch, results: &Results) -> Counts {
        let mut reasons = BTreeMap::new();
        for m in results.members.iter().filter(|m| m.rating.is_none()) {
            let reason = Reason::of(m.not_rated.as_deref().unwrap_or(""));
            *reasons.entry(reason).or_insert(0u64) += 1;
        }
        Counts::new(u64::from(branch.members), &Tally::members(results), reasons)
    }

    /// The tally these counts were made from.
    pub fn tally(&self) -> Tally {
        let at = |level| self.level(level).map_or(0, |l| l.count);
        Tally {
            htxsnv: at(Rating::Htxsnv),
            httnv: at(Rating::Httnv),
            htnv: at(Rating::Htnv),
            khtnv: at(Rating::Khtnv),
            not_rated: self.not_rated,
        }
    }

    pub fn level(&self, level: Rating) -> Option<&Level> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// Those not rated for `reason` (0 when none).
    pub fn not_rated_for(&self, reason: Reason) -> u64 {
        self.not_rated_by_reason.get(&reason).copied().unwrap_or(0)
    }

    /// The sum of several branches.
    fn sum<'a>(all: impl Iterator<Item = &'a Counts>) -> Counts {
        let mut roll = 0u64;
        let mut tally = Tally::default();
        let mut reasons: BTreeMap<Reason, u64> = BTreeMap::new();
        for c in all {
            roll = roll.saturating_add(c.roll);
            tally = tally.plus(&c.tally());
            for (reason, n) in &c.not_rated_by_reason {
                let slot = reasons.entry(*reason).or_insert(0);
                *slot = slot.saturating_add(*n);
            }
        }
        Counts::new(roll, &tally, reasons)
    }
}

impl Figures {
    /// The figures of `cycle`, over the branches that reported.
    pub fn of(cycle: &Cycle) -> Figures {
        let branches: Vec<BranchFigures> = cycle
            .branches
            .iter()
            .map(|b| {
                let results = cycle.results.get(&b.id);
                BranchFigures {
                    id: b.id.clone(),
                    name: b.name.clone(),
                    reported: results.is_some(),
                    counts: results.map(|r| Counts::branch(b, r)),
                    collective: results.map(|r| r.collective.rating),
                }
            })
            .collect();
        let total = Counts::sum(branches.iter().filter_map(|b| b.counts.as_ref()));
        let reasons = Reason::ALL
            .into_iter()
            .filter(|r| total.not_rated_for(*r) > 0)
            .collect();
        let quotas = cycle_quotas(cycle);
        Figures {
            year: cycle.year,
            missing: branches
                .iter()
                .filter(|b| !b.reported)
                .map(|b| b.id.clone())
                .collect(),
            total,
            reasons,
            collectives: collectives(&branches),
            meetings: meetings(cycle),
            quota: Quotas {
                members: QuotaFigures::of(quotas.members),
                collectives: QuotaFigures::of(quotas.collectives),
            },
            branches,
        }
    }

    /// The branches that reported.
    pub fn reported(&self) -> impl Iterator<Item = &BranchFigures> {
        self.branches.iter().filter(|b| b.reported)
    }

    /// Names of the branches that have not reported.
    pub fn missing_names(&self) -> Vec<String> {
        self.branches
            .iter()
            .filter(|b| !b.reported)
            .map(|b| b.name.clone())
            .collect()
    }
}

fn collectives(branches: &[BranchFigures]) -> Collectives {
    let rated = branches.iter().filter(|b| b.collective.is_some()).count() as u64;
    let levels = Rating::ALL
        .iter()
        .map(|&level| {
            let names: Vec<String> = branches
                .iter()
                .filter(|b| b.collective == Some(level))
                .map(|b| b.name.clone())
                .collect();
            let count = names.len() as u64;
            CollectiveLevel {
                level,
                name: level.full_name(),
                count,
                percent: percent_number(count, rated),
                share: share(count, rated),
                branches: names,
            }
        })
        .collect();
    Collectives { rated, levels }
}

fn meetings(cycle: &Cycle) -> Meetings {
    let dates = cycle.results.values().map(|r| r.meeting.date);
    Meetings {
        held: cycle.results.len() as u64,
        first: dates.clone().min(),
        last: dates.max(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_read_as_the_regulations_word_them() {
        assert_eq!(Reason::of(" Kết nạp chưa đủ 6 tháng "), Reason::NewMember);
        assert_eq!(Reason::of("đình chỉ sinh hoạt đảng"), Reason::Suspended);
        assert_eq!(Reason::of("đi học dài hạn"), Reason::Other);
    }

    #[test]
    fn nobody_rated_divides_by_nothing() {
        let tally = Tally {
            not_rated: 3,
            ..Tally::default()
        };
        let c = Counts::new(3, &tally, BTreeMap::from([(Reason::Exempt, 3)]));
        assert_eq!(c.rated, 0);
        assert!(
            c.levels
                .iter()
                .all(|l| l.percent.is_none() && l.share == "—")
        );
    }

    #[test]
    fn totals_add_the_branches() {
        let a = Counts::new(
            4,
            &Tally {
                htxsnv: 1,
                httnv: 3,
                ..Tally::default()
            },
            BTreeMap::new(),
        );
        let b = Counts::new(
            2,
            &Tally {
                htnv: 1,
                not_rated: 1,
                ..Tally::default()
            },
            BTreeMap::from([(Reason::NewMember, 1)]),
        );
        let t = Counts::sum([&a, &b].into_iter());
        assert_eq!((t.roll, t.rated, t.not_rated), (6, 5, 1));
        assert_eq!(t.not_rated_for(Reason::NewMember), 1);
        assert_eq!(
            t.level(Rating::Htxsnv).map(|l| l.share.as_str()),
            Some("20%")
        );
    }

    #[test]
    fn the_cap_product_is_exact() {
        let q = crate::domain::figures::quota(6, 37, &crate::cycle::RuleOptions::default());
        let f = QuotaFigures::of(q);
        assert_eq!((f.quota.cap, f.product.as_str()), (7, "7,4"));
        assert_eq!(f.share, "16,2%");
    }
}
