//! `vanban check CYCLE`: load, check, render the Markdown in memory (the text
//! rules read it; no DOCX), print; write nothing.

use super::{Common, report};
use crate::diagnostic::exit_code;
use crate::pipeline;
use std::path::Path;

pub fn run(path: &Path, common: Common) -> u8 {
    let outcome = pipeline::check(path);
    report::print(&outcome.diagnostics, &outcome.sources, common);
    exit_code(&outcome.diagnostics)
}
