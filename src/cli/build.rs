//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::{Common, report};
use crate::diagnostic::{Code, Diagnostic, Lang, Message, Place, exit_code};
use crate::manifest::{self, Overlap};
use crate::{example, pipeline};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

pub fn run(cycle: Option<&Path>, out: &Path, options: pipeline::Options, common: Common) -> u8 {
    if let Some(overlap) = cycle.and_then(|c| manifest::overlap(&cycle_dir(c), out)) {
        let d = overlap_error(overlap, cycle.unwrap_or(Path::new(".")), out);
        report::print(&[d], &Default::default(), common);
        return 2;
    }
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

/// The cycle folder of `vanban build CYCLE`: CYCLE, or the folder of a
/// `cycle.yaml` named directly.
fn cycle_dir(cycle: &Path) -> std::path::PathBuf {
    match cycle.is_file() {
        true => cycle
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf(),
        false => cycle.to_path_buf(),
    }
}

/// OUT inside the cycle folder would be read back as the cycle's own files
/// (`-o CYCLE/templates` overrides the templates); the cycle inside OUT
/// would be swapped away with it. Both are refused before anything is read.
fn overlap_error(overlap: Overlap, cycle: &Path, out: &Path) -> Diagnostic {
    let (c, o) = (cycle.display(), out.display());
    let (vi, en) = match overlap {
        Overlap::OutInCycle => (
            format!(
                "thư mục xuất {o} nằm trong thư mục chu kỳ {c}: chọn thư mục xuất ở ngoài chu kỳ"
            ),
            format!(
                "the output folder {o} lies inside the cycle folder {c}: choose one outside the cycle"
            ),
        ),
        Overlap::CycleInOut => (
            format!("thư mục chu kỳ {c} nằm trong thư mục xuất {o}: chọn thư mục xuất khác"),
            format!(
                "the cycle folder {c} lies inside the output folder {o}: choose another output folder"
            ),
        ),
    };
    Diagnostic::error(
        Code::OutOverlapsCycle,
        Place::file(out),
        Message::new(vi, en),
    )
}

/// Builds the embedded example, showing its files as `quang-binh-2022/…`.
fn build_example(
    out: &Path,
    options: pipeline::Options,
    progress: &ProgressBar,
) -> std::io::Result<pipeline::Outcome> {
    let tmp = tempfile::tempdir()?;
    let dir = example::unpack(tmp.path())?;
    let options = pipeline::Options {
        example: true,
        ..options
    };
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
