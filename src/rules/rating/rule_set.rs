//! `rule-set-year`: the cycle's rule set must cover its year.

use crate::cycle::{Cycle, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::test_support::{base, found};

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
}
