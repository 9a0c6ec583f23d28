//! qd366-2025: the 100-point scale (`score-band`) and the confidence vote
//! (`low-confidence-rating`).

use super::{member_place, members};
use crate::cycle::{Collective, Cycle, Rating, Results, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::domain::figures::{cycle_vote_base, low_confidence_cap};

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

/// Checks one score against one rating; `who` names the person or branch.
fn score_problem(score: Option<u32>, rating: Rating, who: (&str, &str)) -> Option<Message> {
    let code = rating.code();
    match score {
        None => Some(Message::new(
            format!(
                "{} được xếp loại {code} nhưng thiếu điểm (`score`), bắt buộc theo Quy định 366-QĐ/TW",
                who.0
            ),
            format!(
                "{} is rated {code} but has no `score`, required under Quy định 366-QĐ/TW",
                who.1
            ),
        )),
        Some(s) if s > 100 => Some(Message::new(
            format!("{}: điểm {s} vượt thang 100 điểm", who.0),
            format!("{}: score {s} is above the 100-point scale", who.1),
        )),
        Some(s) if rating > score_ceiling(s) => {
            let band = score_ceiling(s).code();
            Some(Message::new(
                format!(
                    "{} được xếp loại {code} nhưng điểm {s} chỉ cho phép tối đa {band} (≥ 90 HTXSNV, 70–89 HTTNV, 50–69 HTNV, < 50 KHTNV)",
                    who.0
                ),
                format!(
                    "{} is rated {code} but the score {s} allows at most {band} (≥ 90 HTXSNV, 70–89 HTTNV, 50–69 HTNV, < 50 KHTNV)",
                    who.1
                ),
            ))
        }
        _ => None,
    }
}

fn collective_score(c: &Cycle, r: &Results, col: &Collective) -> Option<Diagnostic> {
    let who = (
        format!("Chi bộ `{}`", r.branch),
        format!("Branch `{}`", r.branch),
    );
    let message = score_problem(col.score, col.rating, (&who.0, &who.1))?;
    let field = if col.score.is_some() {
        "collective.score"
    } else {
        "collective"
    };
    Some(Diagnostic::error(
        Code::ScoreBand,
        c.sources.place(r.file, field),
        message,
    ))
}

/// `score-band` (qd366-2025 only): a rating above the score's band, or a
/// rated member or collective with no score.
pub fn score_band(c: &Cycle) -> Vec<Diagnostic> {
    if c.rules != RuleSet::Qd366_2025 {
        return Vec::new();
    }
    let mut out: Vec<Diagnostic> = c
        .results
        .values()
        .filter_map(|r| collective_score(c, r, &r.collective))
        .collect();
    out.extend(members(c).filter_map(|(r, i, m)| {
        let rating = m.rating?;
        let who = (
            format!("Đảng viên {}", m.name),
            format!("Member {}", m.name),
        );
        let message = score_problem(m.score, rating, (&who.0, &who.1))?;
        let field = if m.score.is_some() { "score" } else { "rating" };
        Some(Diagnostic::error(
            Code::ScoreBand,
            member_place(c, r, i, field),
            message,
        ))
    }));
    out
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `low-confidence-rating` (qd366-2025 only): more than 50% "tín nhiệm
/// thấp" in this year's vote and rated above KHTNV.
pub fn low_confidence_rating(c: &Cycle) -> Vec<Diagnostic> {
    let (Some(votes), Some(base)) = (&c.votes, cycle_vote_base(c)) else {
        return Vec::new();
    };
    let capped: Vec<_> = votes
        .people
        .iter()
        .filter_map(|p| Some((p, low_confidence_cap(c.rules, p.low, base)?)))
        .collect();
    if capped.is_empty() {
        return Vec::new();
    }
    members(c)
        .filter_map(|(r, i, m)| {
            let (p, _) = capped
                .iter()
                .find(|(p, cap)| same_name(&p.name, &m.name) && m.rating > Some(*cap))?;
            let rating = m.rating.map_or("", Rating::code);
            Some(Diagnostic::error(
                Code::LowConfidenceRating,
                member_place(c, r, i, "rating"),
                Message::new(
                    format!(
                        "{} có {}/{base} phiếu tín nhiệm thấp (trên 50%) nhưng được xếp loại {rating}; theo Quy định 366-QĐ/TW chỉ được xếp loại KHTNV",
                        m.name, p.low
                    ),
                    format!(
                        "{} has {}/{base} low-confidence votes (over 50%) but is rated {rating}; under Quy định 366-QĐ/TW the rating is KHTNV",
                        m.name, p.low
                    ),
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::VoteBase;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, found, m, res, votes};

    #[test]
    fn score_ceilings() {
        assert_eq!(score_ceiling(90), Rating::Htxsnv);
        assert_eq!(score_ceiling(89), Rating::Httnv);
        assert_eq!(score_ceiling(70), Rating::Httnv);
        assert_eq!(score_ceiling(69), Rating::Htnv);
        assert_eq!(score_ceiling(50), Rating::Htnv);
        assert_eq!(score_ceiling(49), Rating::Khtnv);
    }

    fn qd366() -> Cycle {
        let mut c = base();
        c.rules = RuleSet::Qd366_2025;
        c.year = 2025;
        for r in c.results.values_mut() {
            r.collective.score = Some(80);
            for m in &mut r.members {
                m.score = Some(75);
            }
        }
        c
    }

    #[test]
    fn score_band_only_under_qd366() {
        let mut c = base();
        assert!(score_band(&c).is_empty(), "no scores needed before qd366");
        c = qd366();
        assert!(score_band(&c).is_empty());
        m(&mut c, "a", 1).score = Some(69);
        let d = score_band(&c);
        assert_eq!(found(&d), [(Code::ScoreBand, Severity::Error)]);
        assert!(d[0].message.en.contains("at most HTNV"));
        m(&mut c, "a", 1).score = Some(70);
        assert!(score_band(&c).is_empty());
    }

    #[test]
    fn score_band_missing_scores() {
        let mut c = qd366();
        m(&mut c, "b", 0).score = None;
        res(&mut c, "a").collective.score = None;
        let d = score_band(&c);
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.code == Code::ScoreBand && d.is_error()));
        // A member not rated needs no score.
        m(&mut c, "b", 0).rating = None;
        assert_eq!(score_band(&c).len(), 1);
    }

    #[test]
    fn low_confidence_rating_over_half() {
        let mut c = qd366();
        // 7 returned: 3 is not over half, 4 is.
        votes(&mut c).people[0].low = 3;
        votes(&mut c).people[0].high = 2;
        assert!(low_confidence_rating(&c).is_empty());
        votes(&mut c).people[0].low = 4;
        let d = low_confidence_rating(&c);
        assert_eq!(found(&d), [(Code::LowConfidenceRating, Severity::Error)]);
        assert_eq!(d[0].place.path, "members[0].rating");
        m(&mut c, "a", 0).rating = Some(Rating::Khtnv);
        assert!(low_confidence_rating(&c).is_empty());
        // Not a rule before qd366-2025.
        let mut old = base();
        votes(&mut old).people[0].low = 7;
        assert!(low_confidence_rating(&old).is_empty());
    }

    #[test]
    fn low_confidence_uses_the_vote_base() {
        let mut c = qd366();
        let v = votes(&mut c);
        v.ballots.valid = 5;
        v.people[0].low = 3;
        v.people[0].high = 2;
        v.people[0].trust = 0;
        assert!(low_confidence_rating(&c).is_empty(), "3 of 7 returned");
        c.options.vote_base = VoteBase::Valid;
        assert_eq!(low_confidence_rating(&c).len(), 1, "3 of 5 valid");
    }
}
