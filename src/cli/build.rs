//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::{Common, report};
use crate::diagnostic::{Lang, exit_code};
use crate::{example, pipeline};
use std::path::Path;

pub fn run(cycle: Option<&Path>, out: &Path, common: Common) -> u8 {
    let mut outcome = match cycle {
        Some(path) => pipeline::build(path, out),
        None => match build_example(out) {
            Ok(outcome) => outcome,
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        },
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

/// Builds the embedded example, showing its files as `quang-binh-2022/…`.
fn build_example(out: &Path) -> std::io::Result<pipeline::Outcome> {
    let tmp = tempfile::tempdir()?;
    let dir = example::unpack(tmp.path())?;
    let mut outcome = pipeline::build(&dir, out);
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
