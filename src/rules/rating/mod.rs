//! Rating rules (rules.md, "Rating rules"), on `results/*.yaml`, plus
//! `rule-set-year`. The quota computation is public: the consolidated
//! report prints the same figures.

use crate::cycle::{Collective, Cycle, Member, QuotaBase, QuotaRounding, Rating, Results, Role};
use crate::cycle::{FileId, RuleOptions, RuleSet, VoteBase};
use crate::diagnostic::{Code, Diagnostic, Message, Place, Severity};
use serde::Serialize;
use std::collections::HashMap;

/// `rule-set-year`: the cycle's rule set must cover its year.
pub fn rule_set_year(c: &Cycle) -> Vec<Diagnostic> {
    if c.rules.years().contains(&c.year) {
        return Vec::new();
    }
    let years = c.rules.years();
    let (start, end) = (*years.start(), *years.end());
    let span = if end == i32::MAX {
        format!("{start}–")
    } else {
        format!("{start}–{end}")
    };
    let fit = RuleSet::for_year(c.year).map_or(String::new(), |s| s.id().to_string());
    vec![Diagnostic::error(
        Code::RuleSetYear,
        c.place("rules"),
        Message::new(
            format!(
                "bộ quy định `{}` áp dụng cho các năm {span}, không dùng được cho năm {} (dùng `{fit}`)",
                c.rules.id(),
                c.year
            ),
            format!(
                "rule set `{}` covers the years {span}, not {} (use `{fit}`)",
                c.rules.id(),
                c.year
            ),
        ),
    )]
}

// ---------------------------------------------------------------------------
// The HTXSNV quota
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

    /// "20% của 34 đảng viên HTTNV, làm tròn xuống" (`who`: đảng viên, chi bộ).
    pub fn reading_vi(&self, who: &str) -> String {
        let base = match self.base_kind {
            QuotaBase::RatedGood => "HTTNV",
            QuotaBase::RatedGoodOrBetter => "HTTNV và HTXSNV",
        };
        let rounding = match self.rounding {
            QuotaRounding::Floor => "làm tròn xuống",
            QuotaRounding::Nearest => "làm tròn đến số gần nhất",
        };
        format!(
            "{}% của {} {who} {base}, {rounding}",
            self.percent, self.base
        )
    }

    /// "20% of 34 members rated HTTNV, rounded down" (`who`: members, branches).
    pub fn reading_en(&self, who: &str) -> String {
        let base = match self.base_kind {
            QuotaBase::RatedGood => "HTTNV",
            QuotaBase::RatedGoodOrBetter => "HTTNV or HTXSNV",
        };
        let rounding = match self.rounding {
            QuotaRounding::Floor => "rounded down",
            QuotaRounding::Nearest => "rounded to nearest",
        };
        format!(
            "{}% of {} {who} rated {base}, {rounding}",
            self.percent, self.base
        )
    }
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

fn member_rating_place(c: &Cycle, (file, i): (FileId, usize)) -> Place {
    c.sources.place(file, &format!("members[{i}].rating"))
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
                    q.members.reading_vi("đảng viên")
                ),
                format!(
                    "HTXSNV party members over all branches: {}, above the cap of {} ({})",
                    q.members.count,
                    q.members.cap,
                    q.members.reading_en("members")
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
                    q.collectives.reading_vi("chi bộ")
                ),
                format!(
                    "branches rated HTXSNV: {}, above the cap of {} ({})",
                    q.collectives.count,
                    q.collectives.cap,
                    q.collectives.reading_en("branches")
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
                            q.reading_vi("đảng viên")
                        ),
                        format!(
                            "branch `{}` proposes HTXSNV for {} of its members, above its own cap of {} ({}); the committee decides",
                            r.branch,
                            q.count,
                            q.cap,
                            q.reading_en("members")
                        ),
                    ),
                )
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Per-member rules
// ---------------------------------------------------------------------------

/// Every member of every results file, with its file and index.
fn members(c: &Cycle) -> impl Iterator<Item = (&Results, usize, &Member)> {
    c.results
        .values()
        .flat_map(|r| r.members.iter().enumerate().map(move |(i, m)| (r, i, m)))
}

fn member_place(c: &Cycle, r: &Results, i: usize, field: &str) -> Place {
    c.sources.place(r.file, &format!("members[{i}].{field}"))
}

fn is_blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

fn disciplined(m: &Member) -> bool {
    !is_blank(&m.discipline)
}

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

/// The `not_rated` reasons the regulations accept.
pub const NOT_RATED_REASONS: [&str; 3] = [
    "miễn công tác và sinh hoạt đảng",
    "đình chỉ sinh hoạt đảng",
    "kết nạp chưa đủ 6 tháng",
];

/// Whether a `not_rated` reason is one the regulations accept (trimmed,
/// case-insensitive).
pub fn accepted_not_rated(reason: &str) -> bool {
    let reason = reason.trim().to_lowercase();
    NOT_RATED_REASONS.contains(&reason.as_str())
}

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

// ---------------------------------------------------------------------------
// qd366-2025: the 100-point scale and the confidence vote
// ---------------------------------------------------------------------------

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

/// Whether `low` is more than half of `base` (integer arithmetic).
pub fn over_half(low: u32, base: u32) -> bool {
    base > 0 && u64::from(low) * 2 > u64::from(base)
}

/// The ballots confidence-vote percentages are counted over.
pub fn vote_base(c: &Cycle) -> Option<u32> {
    let votes = c.votes.as_ref()?;
    Some(match c.options.vote_base {
        VoteBase::Returned => votes.ballots.returned,
        VoteBase::Valid => votes.ballots.valid,
    })
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `low-confidence-rating` (qd366-2025 only): more than 50% "tín nhiệm
/// thấp" in this year's vote and rated above KHTNV.
pub fn low_confidence_rating(c: &Cycle) -> Vec<Diagnostic> {
    let (Some(votes), Some(base)) = (&c.votes, vote_base(c)) else {
        return Vec::new();
    };
    if c.rules != RuleSet::Qd366_2025 {
        return Vec::new();
    }
    let low: Vec<_> = votes
        .people
        .iter()
        .filter(|p| over_half(p.low, base))
        .collect();
    members(c)
        .filter(|(_, _, m)| m.rating > Some(Rating::Khtnv))
        .filter_map(|(r, i, m)| {
            let p = low.iter().find(|p| same_name(&p.name, &m.name))?;
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
    use crate::rules::test_support::{base, found, m, member, res, votes};

    fn opts(base: QuotaBase, rounding: QuotaRounding) -> RuleOptions {
        RuleOptions {
            quota_base: base,
            quota_rounding: rounding,
            ..RuleOptions::default()
        }
    }

    const FLOOR: RuleOptions = RuleOptions {
        quota_percent: 20,
        quota_base: QuotaBase::RatedGood,
        quota_rounding: QuotaRounding::Floor,
        vote_base: VoteBase::Returned,
    };

    fn nearest() -> RuleOptions {
        opts(QuotaBase::RatedGood, QuotaRounding::Nearest)
    }

    #[test]
    fn base_cycle_passes_every_rule() {
        assert_eq!(found(&crate::rules::check(&base())), []);
    }

    #[test]
    fn rule_set_year_fits_and_does_not() {
        let mut c = base();
        assert!(rule_set_year(&c).is_empty());
        c.year = 2023;
        let d = rule_set_year(&c);
        assert_eq!(found(&d), [(Code::RuleSetYear, Severity::Error)]);
        assert!(d[0].message.en.contains("qd124-2023"));
        c.rules = RuleSet::Qd366_2025;
        c.year = 2030;
        assert!(rule_set_year(&c).is_empty());
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
