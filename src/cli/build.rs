//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::{Common, report};
use crate::diagnostic::{Lang, exit_code};
use crate::{example, pipeline};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

pub fn run(cycle: Option<&Path>, out: &Path, options: pipeline::Options, common: Common) -> u8 {
    let progress = progress_bar();
    let outcome = match cycle {
        Some(path) => Ok(pipeline::build(path, out, &progress, options)),
        None => build_example(out, options, &progress),
    };
    progress.finish_and_clear();
    let mut outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    outcome
        .diagnostics
        .sort_by_key(|d| d.severity == crate::diagnostic::Severity::Warning);
    report::print(&outcome.diagnostics, &outcome.sources, common);
    if !outcome.has_errors() {
        eprintln!("{}", done(&outcome.written, out, common.lang));
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

/// Builds the embedded example, showing its files as `quang-binh-2022/…`.
fn build_example(
    out: &Path,
    options: pipeline::Options,
    progress: &ProgressBar,
) -> std::io::Result<pipeline::Outcome> {
    let tmp = tempfile::tempdir()?;
    let dir = example::unpack(tmp.path())?;
    let mut outcome = pipeline::build(&dir, out, progress, options);
    for d in &mut outcome.diagnostics {
        if let Ok(rel) = d.place.file.strip_prefix(tmp.path()) {
            d.place.file = rel.to_path_buf();
        }
    }
    for f in &mut outcome.sources.files {
        if let Ok(rel) = f.path.strip_prefix(tmp.path()) {
            f.path = rel.to_path_buf();
        }
    }
    Ok(outcome)
}

/// Every document is one DOCX (and its Markdown, and with `--pdf` its PDF).
fn done(written: &[std::path::PathBuf], out: &Path, lang: Lang) -> String {
    let files = written.len();
    let docs = written
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .count();
    match lang {
        Lang::Vi => format!("Đã ghi {docs} văn bản ({files} tệp) vào {}", out.display()),
        Lang::En => format!(
            "Wrote {docs} documents ({files} files) to {}",
            out.display()
        ),
    }
}
