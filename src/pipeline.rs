//! load → check → render → write. `check` runs every stage but the last
//! (rendering each document's Markdown, not its DOCX), so it reports
//! template and text problems too; `build` writes only when no stage found
//! an error, and then atomically.

use crate::annex;
use crate::cycle::files::{CycleFiles, Disk};
use crate::cycle::{self, Cycle, Sources};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::manifest::Claim;
use crate::output::{OutError, Staging, pdf};
use crate::render::{self, layout::Layout, templates::Engine};
use crate::rules;
use indicatif::ProgressBar;
use rayon::prelude::*;
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
    /// `--pdf`: a PDF beside every DOCX (LibreOffice), staged with them.
    pub pdf: bool,
    /// `--force`: write into an OUT that holds another cycle's documents,
    /// replacing them.
    pub force: bool,
    /// The cycle is the built-in example (`vanban build` with no cycle).
    pub example: bool,
}

/// Loads, checks and renders in memory; writes nothing.
pub fn check(path: &Path) -> Outcome {
    check_in(&Disk, path)
}

/// As [`check`], reading the cycle from `files`.
pub fn check_in(files: &dyn CycleFiles, path: &Path) -> Outcome {
    run(
        files,
        path,
        None,
        &ProgressBar::hidden(),
        Options::default(),
    )
}

/// As `check`, then writes every document into `out` when nothing failed,
/// advancing `progress` by one for each document (its length is set to the
/// number of documents; pass `ProgressBar::hidden()` for none).
pub fn build(path: &Path, out: &Path, progress: &ProgressBar, options: Options) -> Outcome {
    build_in(&Disk, path, out, progress, options)
}

/// As [`build`], reading the cycle from `files`.
pub fn build_in(
    files: &dyn CycleFiles,
    path: &Path,
    out: &Path,
    progress: &ProgressBar,
    options: Options,
) -> Outcome {
    run(files, path, Some(out), progress, options)
}

/// A `check` (no `out`) or a `build`.
fn run(
    files: &dyn CycleFiles,
    path: &Path,
    out: Option<&Path>,
    progress: &ProgressBar,
    options: Options,
) -> Outcome {
    let loaded = match cycle::load_from(files, path) {
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
        let target = Target { files, out };
        match render_and_write(&cycle, target, &mut diagnostics, progress, options) {
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
///
/// Documents are rendered in parallel (rayon), each written to the staging
/// folder as soon as it is rendered and then dropped: memory stays flat
/// however many branches the cycle has. Diagnostics and the list of files
/// are gathered in document order, and each document's bytes depend on its
/// data only, so the outcome does not depend on scheduling.
fn render_and_write(
    cycle: &Cycle,
    target: Target,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &ProgressBar,
    options: Options,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let out = target.out;
    // LibreOffice is looked for before anything is rendered.
    let soffice = match (out, options.pdf) {
        (Some(_), true) => Some(pdf::find_soffice()?),
        _ => None,
    };
    let soffice = soffice.as_deref();
    let mut engine = Engine::from_files(target.files, &cycle.dir)?;
    engine.set_draft(options.draft);
    let staging = out
        .map(|o| Staging::claiming(o, claim(cycle, options), options.force))
        .transpose()
        .map_err(|e| out_error(out, e))?;
    let worker = Worker {
        cycle,
        engine: &engine,
        text_rules: rules::TextRules::new(cycle),
        layout: Layout::default(),
        staging: staging.as_ref(),
        draft: options.draft,
        progress,
    };
    let jobs = render::jobs(cycle, options.partial);
    progress.set_length(jobs.len() as u64);
    // The two jobs that list every branch, the consolidated report (first
    // in `longest_first`) and then the statistics annex, run one after the
    // other in a lane of their own beside all the rest: the longest work
    // starts first, and their memory never adds up.
    let run = |&i: &usize| Some((i, worker.run(*jobs.get(i)?)));
    let order = render::longest_first(&jobs);
    let (longest, rest) = order.split_at(order.len().min(1));
    let lane = || {
        let done: Vec<(usize, Result<Rendered, Failure>)> =
            longest.iter().filter_map(run).collect();
        let annex = staging
            .as_ref()
            .filter(|_| !cycle.results.is_empty())
            .map(|s| annex::xlsx(cycle, s.path()));
        (done, annex)
    };
    let others = || rest.par_iter().filter_map(run).collect::<Vec<_>>();
    let ((mut done, annex), others) = rayon::join(lane, others);
    done.extend(others);
    done.sort_by_key(|(i, _)| *i);
    let mut written = Vec::new();
    for (_, rendered) in done {
        let rendered = rendered.map_err(|failure| match failure {
            Failure::Document(d) => d,
            Failure::Io(e) => io_error(out, &e),
        })?;
        diagnostics.extend(rendered.diagnostics);
        written.extend(rendered.files);
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Ok(Vec::new());
    }
    if let (Some(staging), Some(annex)) = (&staging, annex) {
        written.push(write_annex(annex, staging).map_err(|e| io_error(out, &e))?);
    }
    if let Some(staging) = staging {
        if let Some(soffice) = soffice {
            written.extend(pdfs(soffice, &staging, &written, progress)?);
        }
        staging.commit_claimed().map_err(|e| out_error(out, e))?;
    }
    Ok(written)
}

/// Converts every staged DOCX to PDF and stages the PDFs beside them
/// (one step of the progress bar).
fn pdfs(
    soffice: &Path,
    staging: &Staging,
    written: &[PathBuf],
    progress: &ProgressBar,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let docx: Vec<PathBuf> = written
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .cloned()
        .collect();
    progress.inc_length(1);
    progress.set_message(format!("PDF ({} DOCX, LibreOffice)", docx.len()));
    let mut staged = Vec::with_capacity(docx.len());
    for (path, bytes) in pdf::convert(soffice, staging.path(), &docx)? {
        staging
            .write(&path, &bytes)
            .map_err(|e| io_error(Some(staging.path()), &e))?;
        staged.push(path);
    }
    progress.inc(1);
    Ok(staged)
}

/// Where the cycle's templates are read from, and where documents go
/// (nowhere for `check`).
#[derive(Clone, Copy)]
struct Target<'a> {
    files: &'a dyn CycleFiles,
    out: Option<&'a Path>,
}

/// What every rendering thread shares.
struct Worker<'a> {
    cycle: &'a Cycle,
    engine: &'a Engine,
    text_rules: rules::TextRules<'a>,
    layout: Layout,
    staging: Option<&'a Staging>,
    draft: bool,
    progress: &'a ProgressBar,
}

/// What one document gave: its text diagnostics and the files staged.
struct Rendered {
    diagnostics: Vec<Diagnostic>,
    files: Vec<PathBuf>,
}

enum Failure {
    Document(Diagnostic),
    Io(std::io::Error),
}

impl Worker<'_> {
    /// Renders one document, checks its text and stages its two files.
    fn run(&self, job: render::Job<'_>) -> Result<Rendered, Failure> {
        let rendered = self.render(job);
        self.progress.inc(1);
        rendered
    }

    fn render(&self, job: render::Job<'_>) -> Result<Rendered, Failure> {
        let Some(mut output) = job
            .render(self.cycle, self.engine, &self.layout)
            .map_err(Failure::Document)?
        else {
            return Ok(Rendered {
                diagnostics: Vec::new(),
                files: Vec::new(),
            });
        };
        output.document.draft |= self.draft;
        self.progress.set_message(output.stem.display().to_string());
        // The text rules read the Markdown; only a build needs the DOCX.
        let markdown = render::markdown(&output, &self.layout).map_err(Failure::Document)?;
        let md_path = output.stem.with_extension("md");
        let diagnostics = self.text_rules.check(&md_path, &markdown);
        let mut staged = Vec::new();
        if let Some(staging) = self.staging {
            let docx_path = output.stem.with_extension("docx");
            staging
                .write(&md_path, markdown.as_bytes())
                .map_err(Failure::Io)?;
            // The XML streams into its deflated zip entry; the archive (12 KB
            // for a branch's report, 1.4 MB for the consolidated report at
            // 3,000 branches) is written at once.
            let docx = render::docx_file(&output, &self.layout).map_err(Failure::Document)?;
            staging.write(&docx_path, &docx).map_err(Failure::Io)?;
            staged.extend([docx_path, md_path]);
        }
        Ok(Rendered {
            diagnostics,
            files: staged,
        })
    }
}

/// Stages the statistics annex (`thong-ke.xlsx`), made when some branch
/// has reported.
fn write_annex(
    annex: Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
    staging: &Staging,
) -> std::io::Result<PathBuf> {
    let bytes = annex.map_err(std::io::Error::other)?;
    let path = PathBuf::from(annex::FILE);
    staging.write(&path, &bytes)?;
    Ok(path)
}

/// The cycle a build writes into OUT's manifest (`crate::manifest`).
fn claim(cycle: &Cycle, options: Options) -> Claim {
    let source = match options.example {
        // The example is loaded from memory under its own name.
        true => cycle.dir.display().to_string(),
        false => std::fs::canonicalize(&cycle.dir)
            .unwrap_or_else(|_| cycle.dir.clone())
            .display()
            .to_string(),
    };
    Claim {
        issuer: cycle.issuer.name.clone(),
        symbol: cycle.issuer.symbol.clone(),
        year: cycle.year,
        example: options.example,
        source: crate::manifest::shown(&source),
    }
}

fn out_error(out: Option<&Path>, err: OutError) -> Diagnostic {
    match err {
        OutError::Io(e) => io_error(out, &e),
        OutError::Refused(refusal) => {
            let (vi, en) = refusal.message();
            Diagnostic::error(
                Code::OutOtherCycle,
                Place::file(out.unwrap_or(Path::new("."))),
                Message::new(vi, en),
            )
        }
    }
}

fn io_error(out: Option<&Path>, err: &std::io::Error) -> Diagnostic {
    crate::diagnostic::output_error(out.unwrap_or(Path::new(".")), err)
}
