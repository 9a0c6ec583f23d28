//! qd366-2025: the 100-point scale (`score-band`: the parts, their sum, the
//! band) and the confidence vote (`low-confidence-rating`). The figures
//! (maxima, bands, the total) are `domain::figures`.

use super::{member_place, members};
use crate::cycle::{Cycle, FileId, Member, Rating, Results, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::domain::figures::{SCORE_GENERAL_MAX, SCORE_MAX, SCORE_TASKS_MAX, Score};
use crate::domain::figures::{cycle_vote_base, low_confidence_cap, score_ceiling};

/// A scored member or collective, for messages: who, and where its
/// fields are (`collective` or `members[3]`).
struct Scored<'a> {
    file: FileId,
    prefix: String,
    who_vi: String,
    who_en: String,
    rating: Rating,
    score: Score,
    /// The field pointed at when no total is given: `rating` for a member,
    /// the collective itself.
    unscored_at: &'static str,
    c: &'a Cycle,
}

impl Scored<'_> {
    fn error(&self, field: &str, vi: String, en: String) -> Diagnostic {
        let path = match field {
            "" => self.prefix.clone(),
            f => format!("{}.{f}", self.prefix),
        };
        Diagnostic::error(
            Code::ScoreBand,
            self.c.sources.place(self.file, &path),
            Message::new(
                format!("{}: {vi}", self.who_vi),
                format!("{}: {en}", self.who_en),
            ),
        )
    }

    /// A part over its maximum (`score_general` over 30, `score_tasks` over 70).
    fn part_over(&self, field: &str, value: Option<u32>, max: u32) -> Option<Diagnostic> {
        let v = value.filter(|v| *v > max)?;
        Some(self.error(
            field,
            format!("`{field}` là {v}, vượt mức tối đa {max} điểm"),
            format!("`{field}` is {v}, above its maximum of {max} points"),
        ))
    }

    /// A total given beside both parts that is not their sum.
    fn not_the_sum(&self) -> Option<Diagnostic> {
        let (given, sum) = (self.score.given?, self.score.parts_sum()?);
        let (g, t) = (self.score.general?, self.score.tasks?);
        (given != sum).then(|| {
            self.error(
                "score",
                format!("tổng điểm {given} khác tổng hai nhóm tiêu chí ({g} + {t} = {sum})"),
                format!("the score {given} is not the sum of its parts ({g} + {t} = {sum})"),
            )
        })
    }

    /// The total against the scale and the rating's band.
    fn total_problem(&self) -> Option<Diagnostic> {
        let code = self.rating.code();
        let field = match self.score.given {
            Some(_) => "score",
            None => self.unscored_at,
        };
        let Some(s) = self.score.total() else {
            return Some(self.error(
                field,
                format!("được xếp loại {code} nhưng thiếu điểm (`score`, hoặc `score_general` và `score_tasks`), bắt buộc theo Quy định 366-QĐ/TW"),
                format!("rated {code} but has no score (`score`, or `score_general` and `score_tasks`), required under Quy định 366-QĐ/TW"),
            ));
        };
        if s > SCORE_MAX {
            return Some(self.error(
                field,
                format!("điểm {s} vượt thang {SCORE_MAX} điểm"),
                format!("score {s} is above the {SCORE_MAX}-point scale"),
            ));
        }
        let band = score_ceiling(s);
        (self.rating > band).then(|| {
            let band = band.code();
            self.error(
                field,
                format!("được xếp loại {code} nhưng điểm {s} chỉ cho phép tối đa {band} (≥ 90 HTXSNV, 70–89 HTTNV, 50–69 HTNV, < 50 KHTNV)"),
                format!("rated {code} but the score {s} allows at most {band} (≥ 90 HTXSNV, 70–89 HTTNV, 50–69 HTNV, < 50 KHTNV)"),
            )
        })
    }

    fn problems(&self) -> Vec<Diagnostic> {
        let parts = [
            self.part_over("score_general", self.score.general, SCORE_GENERAL_MAX),
            self.part_over("score_tasks", self.score.tasks, SCORE_TASKS_MAX),
        ];
        let mut out: Vec<Diagnostic> = parts.into_iter().flatten().collect();
        out.extend(self.not_the_sum());
        if out.is_empty() {
            out.extend(self.total_problem());
        }
        out
    }
}

fn scored_collective<'a>(c: &'a Cycle, r: &Results) -> Scored<'a> {
    Scored {
        file: r.file,
        prefix: "collective".into(),
        who_vi: format!("Chi bộ `{}`", r.branch),
        who_en: format!("Branch `{}`", r.branch),
        rating: r.collective.rating,
        score: Score::of_collective(&r.collective),
        unscored_at: "",
        c,
    }
}

fn scored_member<'a>(c: &'a Cycle, r: &Results, i: usize, m: &Member) -> Option<Scored<'a>> {
    Some(Scored {
        file: r.file,
        prefix: format!("members[{i}]"),
        who_vi: format!("Đảng viên {}", m.name),
        who_en: format!("Member {}", m.name),
        rating: m.rating?,
        score: Score::of_member(m),
        unscored_at: "rating",
        c,
    })
}

/// `score-band` (qd366-2025 only): a part over its maximum (general
/// criteria 30, tasks 70), a total that is not the sum of its parts, a
/// rated member or collective with no score, or a rating above the band
/// of its score.
pub fn score_band(c: &Cycle) -> Vec<Diagnostic> {
    if c.rules != RuleSet::Qd366_2025 {
        return Vec::new();
    }
    let collectives = c.results.values().map(|r| scored_collective(c, r));
    let members = members(c).filter_map(|(r, i, m)| scored_member(c, r, i, m));
    collectives
        .chain(members)
        .flat_map(|s| s.problems())
        .collect()
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
        // Older sets: no score needed, and scores (even wrong ones) are not checked.
        for rules in [RuleSet::Qd132_2018, RuleSet::Qd124_2023] {
            let mut c = base();
            c.rules = rules;
            assert!(score_band(&c).is_empty(), "no scores needed before qd366");
            m(&mut c, "a", 1).score = Some(10);
            m(&mut c, "a", 1).score_general = Some(31);
            assert!(score_band(&c).is_empty(), "{rules:?}");
        }
        let mut c = qd366();
        assert!(score_band(&c).is_empty());
        m(&mut c, "a", 1).score = Some(69);
        let d = score_band(&c);
        assert_eq!(found(&d), [(Code::ScoreBand, Severity::Error)]);
        assert!(d[0].message.en.contains("at most HTNV"));
        assert_eq!(d[0].place.path, "members[1].score");
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
        // One part alone is not a score.
        m(&mut c, "b", 0).score_general = Some(28);
        assert_eq!(score_band(&c).len(), 2);
        // A member not rated needs no score.
        m(&mut c, "b", 0).rating = None;
        assert_eq!(score_band(&c).len(), 1);
    }

    #[test]
    fn score_parts_at_and_over_their_maximum() {
        let mut c = qd366();
        // Boundary: 30 + 70 = 100 with score left out is the computed total.
        let x = m(&mut c, "a", 1);
        (x.score, x.score_general, x.score_tasks) = (None, Some(30), Some(70));
        x.rating = Some(Rating::Htxsnv);
        x.achievements = Some("Đề án X".into());
        assert!(score_band(&c).is_empty());
        // 31 general: an error at its own field; 71 tasks likewise.
        m(&mut c, "a", 1).score_general = Some(31);
        let d = score_band(&c);
        assert_eq!(found(&d), [(Code::ScoreBand, Severity::Error)]);
        assert_eq!(d[0].place.path, "members[1].score_general");
        assert!(d[0].message.vi.contains("vượt mức tối đa 30 điểm"));
        m(&mut c, "a", 1).score_general = Some(30);
        m(&mut c, "a", 1).score_tasks = Some(71);
        let d = score_band(&c);
        assert_eq!(d[0].place.path, "members[1].score_tasks");
        assert!(d[0].message.en.contains("above its maximum of 70"));
        // On the collective too.
        m(&mut c, "a", 1).score_tasks = Some(70);
        res(&mut c, "b").collective.score_general = Some(35);
        let d = score_band(&c);
        assert_eq!(d[0].place.path, "collective.score_general");
    }

    #[test]
    fn score_given_beside_its_parts_must_be_their_sum() {
        let mut c = qd366();
        let x = m(&mut c, "a", 1);
        (x.score, x.score_general, x.score_tasks) = (Some(82), Some(26), Some(56));
        assert!(score_band(&c).is_empty(), "26 + 56 = 82");
        m(&mut c, "a", 1).score = Some(83);
        let d = score_band(&c);
        assert_eq!(found(&d), [(Code::ScoreBand, Severity::Error)]);
        assert_eq!(d[0].place.path, "members[1].score");
        assert!(d[0].message.vi.contains("26 + 56 = 82"));
        // The computed total is held to the band: 26 + 40 = 66 allows HTNV only.
        let x = m(&mut c, "a", 1);
        (x.score, x.score_tasks) = (None, Some(40));
        let d = score_band(&c);
        assert!(d[0].message.en.contains("score 66 allows at most HTNV"));
        assert_eq!(d[0].place.path, "members[1].rating");
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
