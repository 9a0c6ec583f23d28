//! load → check: what `check` prints and what `build` requires before writing.

use crate::cycle::{self, Cycle, Sources};
use crate::diagnostic::Diagnostic;
use crate::rules;
use std::path::Path;

/// The outcome of loading and checking a cycle.
pub struct Checked {
    /// The cycle, when it could be read (it may still break rules).
    pub cycle: Option<Cycle>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read, for snippets (the cycle's own when it loaded).
    pub sources: Sources,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

pub fn check(path: &Path) -> Checked {
    match cycle::load(path) {
        Err(failed) => Checked {
            cycle: None,
            diagnostics: failed.diagnostics,
            sources: failed.sources,
        },
        Ok(loaded) => {
            let mut diagnostics = loaded.warnings;
            diagnostics.extend(rules::check(&loaded.cycle));
            Checked {
                sources: loaded.cycle.sources.clone(),
                cycle: Some(loaded.cycle),
                diagnostics,
            }
        }
    }
}
