//! `vanban check CYCLE`: load, check, print; write nothing.

use super::{Common, report};
use crate::diagnostic::exit_code;
use crate::pipeline;
use std::path::Path;

pub fn run(path: &Path, common: Common) -> u8 {
    let checked = pipeline::check(path);
    report::print(&checked.diagnostics, &checked.sources, common);
    exit_code(&checked.diagnostics)
}
