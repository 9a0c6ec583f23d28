//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::{Common, report};
use crate::diagnostic::{Lang, exit_code};
use crate::{example, pipeline};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

pub fn run(cycle: Option<&Path>, out: &Path, options: pipeline::Options, common: Common) -> u8 {
    let progress = progress_bar();
    let mut outcome = match cycle {
        Some(path) => pipeline::build(path, out, &progress, options),
        None => build_example(out, options, &progress),
    };
    progress.finish_and_clear();
    outcome
        .diagnostics
        .sort_by_key(|d| d.severity == crate::diagnostic::Severity::Warning);
    report::print(&outcome.diagnostics, &outcome.sources, common);
    if !outcome.has_errors() {
        eprintln!("{}", done(outcome.written.len(), out, common.lang));
    }
    exit_code(&outcome.diagnostics)
}

/// A bar on stderr counting documents; indicatif draws nothing when stderr
/// is not a terminal, so logs and pipes stay clean.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    // The template is a constant known to parse; fall back to the default style.
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Builds the embedded example from memory, its files shown as
/// `quang-binh-2022/…`.
fn build_example(
    out: &Path,
    options: pipeline::Options,
    progress: &ProgressBar,
) -> pipeline::Outcome {
    let files = example::files();
    pipeline::build_in(&files, Path::new(example::NAME), out, progress, options)
}

fn done(files: usize, out: &Path, lang: Lang) -> String {
    let docs = files / 2;
    match lang {
        Lang::Vi => format!("Đã ghi {docs} văn bản ({files} tệp) vào {}", out.display()),
        Lang::En => format!(
            "Wrote {docs} documents ({files} files) to {}",
            out.display()
        ),
    }
}
