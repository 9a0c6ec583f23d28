//! Rating rules (rules.md, "Rating rules"), on `results/*.yaml`, plus
//! `rule-set-year`, grouped by topic: `quota` (the HTXSNV caps), `conduct`
//! (a rating against discipline, sick leave, products, the collective),
//! `roster` (who is listed, by what name, and rated), `qd366` (scores and the confidence
//! vote). The figures they check are `domain::figures`.

mod conduct;
mod qd366;
mod quota;
mod roster;
mod rule_set;

pub use conduct::{
    collective_excellent_with_disciplined, disciplined_above_fail, excellent_without_product,
    head_above_collective, sick_leave_cap,
};
pub use qd366::{low_confidence_rating, score_band};
pub use quota::{quota_excellent, quota_excellent_branch, quota_percent_allowed};
pub use roster::{rating_missing, roster_count, roster_name};
pub use rule_set::rule_set_year;

use crate::cycle::{Cycle, FileId, Member, Results};
use crate::diagnostic::Place;

fn member_rating_place(c: &Cycle, (file, i): (FileId, usize)) -> Place {
    c.sources.place(file, &format!("members[{i}].rating"))
}

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
