//! load → check → render → write. `check` runs every stage but the last, so
//! it reports template and text problems too; `build` writes only when no
//! stage found an error, and then atomically.

use crate::cycle::{self, Cycle, Sources};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::output::Staging;
use crate::render::{self, layout::Layout, templates::Engine};
use crate::rules;
use indicatif::ProgressBar;
use std::path::{Path, PathBuf};

/// The outcome of a run: diagnostics, the files read (for snippets), and
/// what was written.
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// Files written (relative to OUT); empty for `check` or on error.
    pub written: Vec<PathBuf>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What `build` writes when the data is not complete.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `--draft`: placeholders left are warnings; every document is a draft.
    pub draft: bool,
    /// `--partial`: the consolidated report is written although some
    /// branches have not reported (a draft naming them).
    pub partial: bool,
}

/// Loads, checks and renders in memory; writes nothing.
pub fn check(path: &Path) -> Outcome {
    run(path, None, &ProgressBar::hidden(), Options::default())
}

/// As `check`, then writes every document into `out` when nothing failed.
pub fn build(path: &Path, out: &Path) -> Outcome {
    build_with_progress(path, out, &ProgressBar::hidden())
}

/// As `build`, advancing `progress` by one for each document rendered
/// (its length is set to the number of documents).
pub fn build_with_progress(path: &Path, out: &Path, progress: &ProgressBar) -> Outcome {
    run(path, Some(out), progress, Options::default())
}

/// `build --draft`: as `build_with_progress`, but placeholders left are
/// warnings, not errors (other errors still block); they render
/// highlighted, and every document is marked `DỰ THẢO` on page 1.
pub fn build_draft(path: &Path, out: &Path, progress: &ProgressBar) -> Outcome {
    build_with(
        path,
        out,
        progress,
        Options {
            draft: true,
            partial: false,
        },
    )
}

/// `build` with `--draft` and/or `--partial`.
pub fn build_with(path: &Path, out: &Path, progress: &ProgressBar, options: Options) -> Outcome {
    run(path, Some(out), progress, options)
}

fn run(path: &Path, out: Option<&Path>, progress: &ProgressBar, options: Options) -> Outcome {
    let loaded = match cycle::load(path) {
        Ok(loaded) => loaded,
        Err(failed) => {
            return Outcome {
                diagnostics: failed.diagnostics,
                sources: failed.sources,
                written: Vec::new(),
            };
        }
    };
    let cycle = loaded.cycle;
    let mut diagnostics = loaded.warnings;
    diagnostics.extend(rules::check(&cycle));
    if options.draft {
        rules::text::allow_placeholders(&mut diagnostics);
    }
    let mut written = Vec::new();
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(render::kinds::consolidated::results_missing(
            &cycle,
            options.partial,
        ));
        match render_and_write(&cycle, out, &mut diagnostics, progress, options) {
            Ok(files) => written = files,
            Err(e) => diagnostics.push(e),
        }
    }
    Outcome {
        diagnostics,
        sources: cycle.sources,
        written,
    }
}

/// Renders every document, checks its text, and (for a build) stages its
/// files; commits only when no error was found.
fn render_and_write(
    cycle: &Cycle,
    out: Option<&Path>,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &ProgressBar,
    options: Options,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let layout = Layout::default();
    let mut engine = Engine::new(&cycle.dir)?;
    engine.set_draft(options.draft);
    let mut staging = out
        .map(Staging::new)
        .transpose()
        .map_err(|e| io_error(out, &e))?;
    let mut written = Vec::new();
    let outputs = render::documents(cycle, &engine, &layout, options.partial)?;
    progress.set_length(outputs.len() as u64);
    for mut output in outputs {
        output.document.draft |= options.draft;
        progress.set_message(output.stem.display().to_string());
        let files = render::files(&output, &layout)?;
        progress.inc(1);
        let md_path = output.stem.with_extension("md");
        diagnostics.extend(rules::check_text(cycle, &md_path, &files.markdown));
        if let Some(staging) = staging.as_mut() {
            let docx_path = output.stem.with_extension("docx");
            staging
                .write(&md_path, files.markdown.as_bytes())
                .map_err(|e| io_error(out, &e))?;
            staging
                .write(&docx_path, &files.docx)
                .map_err(|e| io_error(out, &e))?;
            written.extend([docx_path, md_path]);
        }
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Ok(Vec::new());
    }
    if let Some(staging) = staging {
        staging.commit().map_err(|e| io_error(out, &e))?;
    }
    Ok(written)
}

fn io_error(out: Option<&Path>, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::InputRead,
        Place::file(out.unwrap_or(Path::new("."))),
        Message::new(
            format!("không ghi được thư mục xuất: {err}"),
            format!("cannot write the output folder: {err}"),
        ),
    )
}
