//! The rules of rules.md, one function per rule, grouped by family:
//! `rating` (results files), `votes` (votes.yaml), `schedule` (dates),
//! `documents` (references and numbers), `text` (placeholders, rendered
//! text). Each rule is a small function named after its code.

pub mod documents;
pub mod rating;
pub mod schedule;
pub mod text;
pub mod votes;

#[cfg(test)]
mod test_support;

pub use documents::reference_unknown_key;

use crate::cycle::Cycle;
use crate::diagnostic::Diagnostic;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// A rule over the whole loaded cycle.
pub type Rule = fn(&Cycle) -> Vec<Diagnostic>;

/// Every cycle rule, in rules.md order.
pub const RULES: &[Rule] = &[
    rating::rule_set_year,
    rating::quota_excellent,
    rating::quota_percent_allowed,
    rating::quota_excellent_branch,
    rating::head_above_collective,
    rating::excellent_without_product,
    rating::disciplined_above_fail,
    rating::collective_excellent_with_disciplined,
    rating::sick_leave_cap,
    rating::rating_missing,
    rating::roster_count,
    rating::score_band,
    rating::low_confidence_rating,
    votes::vote_arithmetic,
    votes::vote_quorum,
    votes::vote_threshold,
    schedule::schedule_order,
    schedule::non_working_day,
    documents::reference_unknown,
    documents::reference_after_document,
    documents::document_number,
    documents::text_unusual,
    rating::roster_name,
    text::placeholder_left,
];

/// Runs every cycle rule; the findings sorted by file, line, column, code.
pub fn check(cycle: &Cycle) -> Vec<Diagnostic> {
    // Rules are independent; the findings are sorted below, so running them
    // in parallel changes no output.
    let mut out: Vec<Diagnostic> = RULES.par_iter().flat_map_iter(|rule| rule(cycle)).collect();
    sort(&mut out);
    out
}

/// The rules that read a rendered document's text: `stale-year` and the
/// mixed tone-mark half of `text-not-nfc`. `document` names the document in
/// the diagnostics.
pub fn check_text(cycle: &Cycle, document: &Path, text: &str) -> Vec<Diagnostic> {
    TextRules::new(cycle).check(document, text)
}

/// [`check_text`] for many documents of one cycle: what the rules need from
/// the cycle is worked out once.
pub struct TextRules<'a> {
    cycle: &'a Cycle,
    allowed_years: BTreeSet<i32>,
}

impl<'a> TextRules<'a> {
    pub fn new(cycle: &'a Cycle) -> Self {
        TextRules {
            cycle,
            allowed_years: text::allowed_years(cycle),
        }
    }

    /// As [`check_text`].
    pub fn check(&self, document: &Path, text: &str) -> Vec<Diagnostic> {
        let mut out = text::stale_year_in(self.cycle, &self.allowed_years, document, text);
        out.extend(text::text_not_nfc(document, text));
        sort(&mut out);
        out
    }
}

/// Sorts diagnostics deterministically (file, line, column, code, path,
/// message), so output does not depend on rule order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
}

/// The order of [`sort`], borrowed (no copies per comparison).
#[allow(clippy::type_complexity)]
fn sort_key(
    d: &Diagnostic,
) -> (
    &std::path::PathBuf,
    Option<usize>,
    Option<usize>,
    crate::diagnostic::Code,
    &String,
    &String,
) {
    (
        &d.place.file,
        d.place.line,
        d.place.column,
        d.code,
        &d.place.path,
        &d.message.vi,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Lang};

    fn load_fixture(name: &str) -> Cycle {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name);
        match crate::cycle::load(&dir) {
            Ok(loaded) => loaded.cycle,
            Err(failed) => panic!("{name} does not load: {:#?}", failed.diagnostics),
        }
    }

    /// Prints what a fixture raised, so a failing assertion shows why.
    fn show(diags: &[Diagnostic]) {
        for d in diags {
            eprintln!(
                "{} {:?} {}: {}",
                d.code.as_str(),
                d.severity,
                d.place.display(),
                d.message.get(Lang::En)
            );
        }
    }

    #[test]
    fn quang_binh_passes_every_error_rule() {
        let diags = check(&load_fixture("quang-binh-2022"));
        show(&diags);
        assert!(diags.iter().all(|d| !d.is_error()));
        let warned: Vec<(Code, &str)> = diags
            .iter()
            .map(|d| (d.code, d.place.path.as_str()))
            .collect();
        assert_eq!(
            warned,
            [
                (Code::NonWorkingDay, "schedule.year_end_summary"),
                (Code::NonWorkingDay, "directive.date"),
            ]
        );
    }

    #[test]
    fn other_committee_passes() {
        let diags = check(&load_fixture("other-committee-2024"));
        show(&diags);
        assert!(diags.iter().all(|d| !d.is_error()));
    }
}
