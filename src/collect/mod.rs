//! `vanban collect CYCLE FILLED.docx…`: branch report forms filled in a
//! word processor, read back into `results/<id>.yaml`.
//!
//! `docx_read` (zip + XML → tables of cell texts) → `form` (tables → what
//! the branch reported, by the labels the form is built from) → here: the
//! form checked against the cycle, the results checked exactly as `check`
//! does (on the cycle with them laid over its files in memory), then
//! written all at once, through the loader's own schema (`cycle::raw`).
//!
//! Nothing is half-written: when any form cannot be read, names a branch
//! not in the cycle, or would replace a results file without `force`, no
//! file is written; the files are written together by one swap of the
//! `results/` folder ([`Staging`]). Rule errors in the collected results do
//! not stop the writing: the results are what the branch reported, and the
//! clerk corrects them in the YAML and runs `check` again. Input errors do.

pub mod docx_read;
pub mod foreign;
pub mod form;

pub use form::{FilledForm, read_form};

use crate::cycle::files::{Disk, InMemory, Overlay};
use crate::cycle::{self, Branch, Cycle, Sources};
use crate::diagnostic::{Class, Code, Diagnostic, Message, Place};
use crate::domain::forms::TableName;
use crate::output::Staging;
use crate::rules;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most bytes of a DOCX read from disk (a filled form is ~100 KB).
pub const MAX_DOCX_BYTES: u64 = 64 * 1024 * 1024;

/// The outcome of a run.
pub struct Collected {
    /// The forms' diagnostics, then `check`'s on the cycle with the results.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read by `check`, for snippets.
    pub sources: Sources,
    /// Results files written, each with the form it was read from; empty
    /// when anything stopped the writing.
    pub written: Vec<(PathBuf, PathBuf)>,
}

impl Collected {
    fn failed(diagnostics: Vec<Diagnostic>, sources: Sources) -> Collected {
        Collected {
            diagnostics,
            sources,
            written: Vec::new(),
        }
    }
}

/// One form read, ready to write.
struct Ready {
    docx: PathBuf,
    branch: String,
    yaml: String,
    /// Paragraphs typed outside the sections (heading, text), reported
    /// once the results are known ([`unplaced`]).
    unplaced: Vec<(String, String)>,
}

/// A branch's report as DOCX bytes, rendered by the caller (collect sits
/// below render).
pub type Render<'a> = dyn Fn(&Cycle, &Branch) -> Result<Vec<u8>, Diagnostic> + 'a;

/// The two renderings of a branch's report a returned form is read against.
pub struct Reports<'a> {
    /// The form the branch was sent (whatever results the cycle holds): a
    /// returned form is compared with it to find what the branch typed.
    pub blank: &'a Render<'a>,
    /// The report filled from the cycle's results: what a filled report
    /// sent back prints of itself, not typed by the branch.
    pub filled: &'a Render<'a>,
}

/// Reads every form, checks the cycle with their results, and writes them
/// into `CYCLE/results/` unless something could not be read. `force`
/// replaces existing results files.
pub fn collect(cycle_path: &Path, forms: &[PathBuf], force: bool, reports: &Reports) -> Collected {
    let cycle = match cycle::load(cycle_path) {
        Ok(loaded) => loaded.cycle,
        Err(failed) => return Collected::failed(failed.diagnostics, failed.sources),
    };
    let (mut diagnostics, ready) = read_forms(&cycle, forms, force, reports.blank);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Collected::failed(diagnostics, Sources::default());
    }
    let (checked, sources, loaded) = check_with(&cycle, cycle_path, &ready);
    diagnostics.extend(unplaced(loaded.as_ref(), &ready, reports.filled));
    diagnostics.extend(checked);
    let input_errors = diagnostics
        .iter()
        .any(|d| d.is_error() && d.code.class() == Class::Input);
    if input_errors {
        return Collected::failed(diagnostics, sources);
    }
    match write_all(&cycle, &ready) {
        Ok(written) => Collected {
            diagnostics,
            sources,
            written,
        },
        Err(d) => {
            diagnostics.push(d);
            Collected::failed(diagnostics, sources)
        }
    }
}

/// Reads every form and checks it against the cycle: the diagnostics, and
/// the results ready to write (of the forms with no error).
fn read_forms(
    cycle: &Cycle,
    forms: &[PathBuf],
    force: bool,
    blank: &Render,
) -> (Vec<Diagnostic>, Vec<Ready>) {
    let mut diagnostics = Vec::new();
    let mut ready = Vec::new();
    for docx in forms {
        let mut form = match read_form_file(docx) {
            Ok(form) => form,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        if form.results.is_none() && !form.diagnostics.iter().any(Diagnostic::is_error) {
            // Cannot happen (a form without results has an error); said
            // rather than skipped silently.
            diagnostics.push(Diagnostic::error(
                Code::FormUnreadable,
                Place::file(docx),
                Message::new("không đọc được mẫu", "cannot read the form"),
            ));
            continue;
        }
        let mut problems = against_cycle(cycle, docx, &form, &ready, force);
        if let Some(branch) = cycle.branch(&form.branch) {
            let mut names = form.match_roster(&branch.id, &branch.roster);
            names.iter_mut().for_each(|d| d.place.file = docx.clone());
            problems.extend(names);
        }
        if let Err(d) = read_typed(cycle, &mut form, blank) {
            diagnostics.push(d);
            continue;
        }
        for d in &mut form.diagnostics {
            d.place.file = docx.to_path_buf();
        }
        diagnostics.extend(form.diagnostics.iter().cloned());
        let ok = problems.iter().all(|d| !d.is_error());
        diagnostics.extend(problems);
        if let (true, Some(results)) = (ok, &form.results) {
            match results.to_yaml(&comment(cycle, docx, &form)) {
                Ok(yaml) => ready.push(Ready {
                    docx: docx.clone(),
                    branch: form.branch.clone(),
                    yaml,
                    unplaced: std::mem::take(&mut form.unplaced),
                }),
                Err(e) => diagnostics.push(io_error(docx, &e)),
            }
        } else {
            // Nothing is written: what was typed is reported as it stands.
            diagnostics.extend(form.unplaced.iter().map(|(heading, text)| {
                let mut d = form::unplaced_text(heading, text);
                d.place.file = docx.clone();
                d
            }));
        }
    }
    (diagnostics, ready)
}

/// What the branch typed outside the tables, read against the form it was
/// sent (when the form is of a branch of the cycle, and its tables read).
fn read_typed(cycle: &Cycle, form: &mut FilledForm, blank: &Render) -> Result<(), Diagnostic> {
    let Some(branch) = cycle.branch(&form.branch) else {
        return Ok(());
    };
    if form.results.is_none() {
        return Ok(());
    }
    form.read_typed(&blank(cycle, branch)?, cycle.rules)
}

/// Reads one form from disk; every diagnostic names the file.
pub fn read_form_file(docx: &Path) -> Result<FilledForm, Diagnostic> {
    let bytes = read_capped(docx)?;
    let mut form = read_form(&bytes).map_err(|mut d| {
        d.place.file = docx.to_path_buf();
        d
    })?;
    for d in &mut form.diagnostics {
        d.place.file = docx.to_path_buf();
    }
    Ok(form)
}

fn read_capped(docx: &Path) -> Result<Vec<u8>, Diagnostic> {
    let read_error = |e: std::io::Error| crate::diagnostic::read_error(docx, &e);
    let file = fs::File::open(docx).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(Diagnostic::error(
            Code::InputTooLarge,
            Place::file(docx),
            Message::new(
                format!(
                    "tệp lớn hơn {} MiB, không phải một mẫu báo cáo",
                    MAX_DOCX_BYTES >> 20
                ),
                format!(
                    "the file is over {} MiB, not a report form",
                    MAX_DOCX_BYTES >> 20
                ),
            ),
        ));
    }
    Ok(bytes)
}

/// The form's branch and year against the cycle; a second form for one
/// branch; a results file in the way.
fn against_cycle(
    cycle: &Cycle,
    docx: &Path,
    form: &FilledForm,
    ready: &[Ready],
    force: bool,
) -> Vec<Diagnostic> {
    let at = |row: &str| Place {
        file: docx.to_path_buf(),
        path: format!("{}.{row}", TableName::Branch.name()),
        ..Place::default()
    };
    use crate::domain::forms::label;
    let mut out = Vec::new();
    let error = |place, vi: String, en: String| {
        Diagnostic::error(Code::FormBranch, place, Message::new(vi, en))
    };
    let Some(branch) = cycle.branch(&form.branch) else {
        if !form.branch.is_empty() {
            out.push(error(
                at(label::BRANCH_ID),
                format!(
                    "mẫu của chi bộ `{}`, chi bộ không có trong branches của chu kỳ",
                    form.branch
                ),
                format!(
                    "the form of branch `{}`, which the cycle's branches do not list",
                    form.branch
                ),
            ));
        }
        return out;
    };
    if form.year != cycle.year && form.year != 0 {
        out.push(error(
            at(label::YEAR),
            format!("mẫu của năm {}, chu kỳ là năm {}", form.year, cycle.year),
            format!(
                "the form is for {}, the cycle for {}",
                form.year, cycle.year
            ),
        ));
    }
    if let Some(first) = ready.iter().find(|r| r.branch == branch.id) {
        out.push(error(
            at(label::BRANCH_ID),
            format!(
                "chi bộ `{}` đã có mẫu khác trong lần chạy này: {}",
                branch.id,
                first.docx.display()
            ),
            format!(
                "branch `{}` already has another form in this run: {}",
                branch.id,
                first.docx.display()
            ),
        ));
    }
    out.extend(name_differs(form, branch, at(label::BRANCH_NAME)));
    out.extend(existing(cycle, &branch.id, force));
    out
}

/// The branch name on the form, when it is not the cycle's (a warning).
fn name_differs(form: &FilledForm, branch: &Branch, at: Place) -> Option<Diagnostic> {
    if form.branch_name.is_empty() || form::key(&form.branch_name) == form::key(&branch.name) {
        return None;
    }
    Some(Diagnostic::warning(
        Code::FormBranch,
        at,
        Message::new(
            format!(
                "tên chi bộ trên mẫu (“{}”) khác tên trong chu kỳ (“{}”)",
                form.branch_name, branch.name
            ),
            format!(
                "the branch name on the form (“{}”) differs from the cycle's (“{}”)",
                form.branch_name, branch.name
            ),
        ),
    ))
}

/// An existing results file of the branch, unless `force` replaces it (a
/// `.yml` file is never replaced: the branch would have two files).
fn existing(cycle: &Cycle, id: &str, force: bool) -> Option<Diagnostic> {
    let dir = cycle.dir.join("results");
    let (yaml, yml) = (
        dir.join(format!("{id}.yaml")),
        dir.join(format!("{id}.yml")),
    );
    let message = if yml.exists() {
        Message::new(
            format!(
                "đã có tệp kết quả {} của chi bộ; xóa hoặc đổi tên nó rồi chạy lại",
                yml.display()
            ),
            format!(
                "the branch already has the results file {}; remove or rename it and run again",
                yml.display()
            ),
        )
    } else if yaml.exists() && !force {
        Message::new(
            format!(
                "đã có tệp kết quả {}; không ghi đè (thêm --force để thay bằng kết quả đọc từ mẫu)",
                yaml.display()
            ),
            format!(
                "the results file {} exists; not overwritten (add --force to replace it with the form's)",
                yaml.display()
            ),
        )
    } else {
        return None;
    };
    let place = Place::file(if yml.exists() { &yml } else { &yaml });
    Some(Diagnostic::error(Code::ResultsExists, place, message))
}

/// The header comment of a collected results file.
fn comment(cycle: &Cycle, docx: &Path, form: &FilledForm) -> String {
    let name = cycle
        .branch(&form.branch)
        .map_or(form.branch_name.as_str(), |b| b.name.as_str());
    format!(
        "Kết quả của {name} (mã {}), năm {}: đọc bằng `vanban collect` từ mẫu báo cáo chi bộ\n\
         {}\n\
         Sửa tệp này nếu cần, rồi chạy `vanban check`.",
        form.branch,
        form.year,
        docx.display()
    )
}

/// `check` on the cycle with the new results laid over its files (in
/// memory, at the paths they will be written to), so places and sources
/// name the real cycle folder. What was read is checked as `vanban check`
/// checks it; no document is rendered.
/// Also the cycle so loaded, unless it could not be.
fn check_with(
    cycle: &Cycle,
    cycle_path: &Path,
    ready: &[Ready],
) -> (Vec<Diagnostic>, Sources, Option<Cycle>) {
    let mut top = InMemory::new();
    for r in ready {
        top.insert(results_path(cycle, &r.branch), r.yaml.as_bytes());
    }
    match cycle::load_from(&Overlay { base: &Disk, top }, cycle_path) {
        Ok(mut loaded) => {
            let mut diagnostics = loaded.warnings;
            diagnostics.extend(rules::check(&loaded.cycle));
            let sources = std::mem::take(&mut loaded.cycle.sources);
            (diagnostics, sources, Some(loaded.cycle))
        }
        Err(failed) => (failed.diagnostics, failed.sources, None),
    }
}

/// The text typed outside the sections of each form to be written, each a
/// `form-text` warning — less the paragraphs the branch's report prints
/// from the results just read (`loaded`): a filled report sent back holds
/// those, and they are backed by its tables.
fn unplaced(loaded: Option<&Cycle>, ready: &[Ready], filled: &Render) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in ready.iter().filter(|r| !r.unplaced.is_empty()) {
        let printed: HashSet<String> = loaded
            .and_then(|c| Some((c, c.branch(&r.branch)?)))
            .and_then(|(c, b)| filled(c, b).ok())
            .and_then(|bytes| docx_read::body(&bytes).ok())
            .map(|body| {
                body.blocks
                    .iter()
                    .filter_map(|b| match b {
                        docx_read::Block::Para(p) => Some(form::prose::without_leaders(&p.text)),
                        docx_read::Block::Table(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (heading, text) in r.unplaced.iter().filter(|(_, t)| !printed.contains(t)) {
            let mut d = form::unplaced_text(heading, text);
            d.place.file = r.docx.clone();
            out.push(d);
        }
    }
    out
}

/// Where the results of `branch` are written.
fn results_path(cycle: &Cycle, branch: &str) -> PathBuf {
    cycle.dir.join("results").join(format!("{branch}.yaml"))
}

/// Writes every collected file into `results/` in one swap.
fn write_all(cycle: &Cycle, ready: &[Ready]) -> Result<Vec<(PathBuf, PathBuf)>, Diagnostic> {
    let dir = cycle.dir.join("results");
    let fail = |e: std::io::Error| crate::diagnostic::output_error(&dir, &e);
    let staging = Staging::new(&dir).map_err(fail)?;
    let mut written = Vec::new();
    for r in ready {
        let path = results_path(cycle, &r.branch);
        let name = path.strip_prefix(&dir).unwrap_or(&path);
        staging.write(name, r.yaml.as_bytes()).map_err(fail)?;
        written.push((path.clone(), r.docx.clone()));
    }
    staging.commit().map_err(fail)?;
    Ok(written)
}

fn io_error(path: &Path, err: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InputRead,
        Place::file(path),
        Message::new(
            format!("không ghi được: {err}"),
            format!("cannot write: {err}"),
        ),
    )
}
