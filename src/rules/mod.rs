//! The rules of rules.md, one function per rule, grouped by family.

pub mod calendar;

use crate::cycle::Cycle;
use crate::diagnostic::Diagnostic;
use std::path::Path;

/// Every cycle rule (placeholder until the rule families land).
pub fn check(_cycle: &Cycle) -> Vec<Diagnostic> {
    Vec::new()
}

/// Rules on a rendered document's text.
pub fn check_text(_cycle: &Cycle, _document: &Path, _text: &str) -> Vec<Diagnostic> {
    Vec::new()
}
