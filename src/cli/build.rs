//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::{Common, Format, report};
use crate::diagnostic::{Code, Diagnostic, Lang, Message, Place, exit_code};
use crate::manifest::{self, Overlap};
use crate::{example, pipeline};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn run(cycle: Option<&Path>, out: &Path, options: pipeline::Options, common: Common) -> u8 {
    if let Some(overlap) = cycle.and_then(|c| manifest::overlap(&cycle_dir(c), out)) {
        let d = overlap_error(overlap, cycle.unwrap_or(Path::new(".")), out);
        report::print(&[d], &Default::default(), common);
        return 2;
    }
    let progress = progress_bar();
    let outcome = match cycle {
        Some(path) => pipeline::build(path, out, &progress, options),
        None => build_example(out, options, &progress),
    };
    progress.finish_and_clear();
    let mut outcome = outcome;
    outcome
        .diagnostics
        .sort_by_key(|d| d.severity == crate::diagnostic::Severity::Warning);
    match common.format {
        Format::Json => report::print_json_value(&json!({
            "out": out,
            "written": by_kind(&outcome.written),
            "diagnostics": report::json_diagnostics(&outcome.diagnostics, common.lang),
        })),
        Format::Text | Format::Xlsx => {
            report::print(&outcome.diagnostics, &outcome.sources, common);
            if !outcome.has_errors() {
                eprintln!("{}", done(&outcome.written, out, common.lang));
            }
        }
    }
    exit_code(&outcome.diagnostics)
}

/// The kind of document a written file is: its folder for the per-member
/// forms (`ban-kiem-diem`), else its name without extension (`cong-van`,
/// `bao-cao`, `thong-ke`, …).
fn kind(file: &Path) -> String {
    let parent = file.parent().and_then(Path::file_name);
    match parent {
        Some(dir) if dir == "ban-kiem-diem" => "ban-kiem-diem".to_owned(),
        _ => file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// The files written, grouped by document kind, paths relative to OUT
/// with `/` on every platform.
fn by_kind(written: &[PathBuf]) -> BTreeMap<String, Vec<String>> {
    let mut kinds: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in written {
        let rel: Vec<_> = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        kinds.entry(kind(file)).or_default().push(rel.join("/"));
    }
    for files in kinds.values_mut() {
        files.sort();
    }
    kinds
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

/// Builds the embedded example from memory, its files shown as
/// `quang-binh-2022/…`.
fn build_example(
    out: &Path,
    options: pipeline::Options,
    progress: &ProgressBar,
) -> pipeline::Outcome {
    let options = pipeline::Options {
        example: true,
        ..options
    };
    let files = example::files();
    pipeline::build_in(&files, Path::new(example::NAME), out, progress, options)
}

/// `Đã ghi 15 văn bản (30 tệp) vào out`: documents are counted by their
/// DOCX (each has a Markdown twin; the statistics sheet is a file only).
fn done(written: &[PathBuf], out: &Path, lang: Lang) -> String {
    let docs = written
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "docx"))
        .count();
    let docs_n = report::count(docs, lang, "văn bản", "document");
    let files_n = report::count(written.len(), lang, "tệp", "file");
    match lang {
        Lang::Vi => format!("Đã ghi {docs_n} ({files_n}) vào {}", out.display()),
        Lang::En => format!("Wrote {docs_n} ({files_n}) to {}", out.display()),
    }
}
