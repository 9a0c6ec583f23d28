//! Loading a cycle: `cycle.yaml`, `results/*.yaml`, `votes.yaml`, from the
//! disk or from memory (`files`).
//! Parse strictly, then convert once into the checked model.

// `convert`, `locate` and `parse` are crate-visible for `roll` (next
// year's cycle is rolled on the raw form).
pub(crate) mod convert;
pub mod doc_number;
pub mod files;
pub mod fill;
pub mod model;
pub mod names;
pub mod raw;
pub mod roster;
pub mod roster_file;
// Numbers, dates and ratings as clerks write them: one parser for the YAML
// loader and for the forms `collect` reads (collect sits above `cycle`).
pub mod source;
pub mod values;
mod yaml_error;

pub use model::*;

use crate::diagnostic::{Code, Diagnostic, Message, Place};
use convert::Converter;
use files::{CycleFiles, Disk, Entry};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use source::SourceFile;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// A loaded cycle and the warnings found while loading it.
pub struct Loaded {
    pub cycle: Cycle,
    pub warnings: Vec<Diagnostic>,
}

/// Why a cycle could not be loaded: every input problem found (errors of the
/// input class, exit code 2) and any warnings, with the files read so far.
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Loads a cycle directory, or the directory of a given `cycle.yaml`.
pub fn load(path: &Path) -> Result<Loaded, Failed> {
    load_from(&Disk, path)
}

/// As [`load`], reading the files from `files` (the disk, memory, or
/// both); diagnostics name the files by their paths there.
pub fn load_from(files: &dyn CycleFiles, path: &Path) -> Result<Loaded, Failed> {
    let (dir, cycle_file) = locate_in(files, path).map_err(|d| Failed {
        diagnostics: vec![d],
        sources: Sources::default(),
    })?;
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    let Some(raw) = parse_in::<raw::Cycle>(files, &cycle_file, &mut sources, &mut diags) else {
        return Err(Failed {
            diagnostics: diags,
            sources,
        });
    };
    let given: Vec<bool> = raw.branches.iter().map(|b| b.members.is_some()).collect();
    let roster_file = raw.roster_file.clone();
    let mut conv = Converter::new(&sources, FileId::CYCLE);
    let mut cycle = convert::cycle(&mut conv, raw);
    diags.append(&mut conv.problems);
    if let Some(file) = roster_file {
        load_roster(&dir, &file, &mut cycle, &given, &sources, &mut diags);
    }
    diags.extend(duplicate_branches(&cycle, &sources));
    let results = load_results(files, &dir, &cycle, &mut sources, &mut diags);
    let votes = load_votes(files, &dir, &mut sources, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Failed {
            diagnostics: diags,
            sources,
        });
    }
    cycle.dir = dir;
    cycle.results = results;
    (cycle.vote_call, cycle.votes) = match votes {
        Some((call, counted)) => (Some(call), counted),
        None => (None, None),
    };
    cycle.sources = sources;
    Ok(Loaded {
        cycle,
        warnings: diags,
    })
}

/// The cycle directory and its `cycle.yaml`.
pub(crate) fn locate(path: &Path) -> Result<(PathBuf, PathBuf), Diagnostic> {
    locate_in(&Disk, path)
}

/// As [`locate`], in `files`.
fn locate_in(files: &dyn CycleFiles, path: &Path) -> Result<(PathBuf, PathBuf), Diagnostic> {
    let entry = files.entry(path);
    if entry == Some(Entry::Folder) {
        return Ok((path.to_path_buf(), path.join("cycle.yaml")));
    }
    if entry == Some(Entry::File) {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        return Ok((dir, path.to_path_buf()));
    }
    Err(Diagnostic::error(
        Code::InputRead,
        Place::file(path),
        Message::new(
            "không tìm thấy thư mục chu kỳ (hoặc tệp cycle.yaml)",
            "cycle directory (or cycle.yaml) not found",
        ),
    ))
}

/// Reads and parses one file into `T`, registering it in `sources`.
pub(crate) fn parse<T: DeserializeOwned>(
    file: &Path,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    parse_in(&Disk, file, sources, diags)
}

/// As [`parse`], reading the file from `files`.
fn parse_in<T: DeserializeOwned>(
    files: &dyn CycleFiles,
    file: &Path,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    Parsed::read(files, file).register(sources, diags)
}

/// A file read and parsed, not yet registered in [`Sources`]: many are
/// read at once (`results/`), then registered in file-name order.
struct Parsed<T> {
    /// `None` when the file could not be read.
    source: Option<SourceFile>,
    /// Reading's warnings, then the reading or parsing error.
    diags: Vec<Diagnostic>,
    value: Option<T>,
}

impl<T: DeserializeOwned> Parsed<T> {
    fn read(files: &dyn CycleFiles, file: &Path) -> Parsed<T> {
        let (source, mut diags) = match SourceFile::load(files, file) {
            Ok(read) => read,
            Err(e) => {
                return Parsed {
                    source: None,
                    diags: vec![e],
                    value: None,
                };
            }
        };
        let parsed = source::check_nesting(file, &source.text).and_then(|()| {
            yaml_serde::from_str::<T>(&source.text)
                .map_err(|e| yaml_error::diagnostic(file, &source.text, &e))
        });
        let value = parsed.map_err(|d| diags.push(d)).ok();
        Parsed {
            source: Some(source),
            diags,
            value,
        }
    }

    /// Adds the file to `sources` (the last one there) and its
    /// diagnostics to `diags`.
    fn register(self, sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Option<T> {
        diags.extend(self.diags);
        sources.add(self.source?);
        self.value
    }
}

/// Reads `roster_file` (a plain name inside the cycle folder) and gives
/// each branch its rows.
fn load_roster(
    dir: &Path,
    file: &str,
    cycle: &mut Cycle,
    given: &[bool],
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) {
    let plain = Path::new(file)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || file.trim().is_empty() {
        diags.push(Diagnostic::error(
            Code::InputValue,
            sources.place(FileId::CYCLE, "roster_file"),
            Message::new(
                format!("roster_file `{file}` phải là tên một tệp trong thư mục chu kỳ"),
                format!("roster_file `{file}` must name a file inside the cycle folder"),
            ),
        ));
        return;
    }
    match roster_file::read(&dir.join(file)) {
        Ok(rows) => roster::apply(&mut cycle.branches, given, rows, sources, diags),
        Err(mut problems) => diags.append(&mut problems),
    }
}

/// `cycle.sources` is still empty here (filled at the end of `load`), so
/// places come from `sources`.
fn duplicate_branches(cycle: &Cycle, sources: &Sources) -> Vec<Diagnostic> {
    let mut seen = BTreeMap::new();
    let mut out = Vec::new();
    for (i, b) in cycle.branches.iter().enumerate() {
        if let Some(first) = seen.insert(b.id.as_str(), i) {
            out.push(Diagnostic::error(
                Code::BranchDuplicate,
                sources.place(FileId::CYCLE, &format!("branches[{i}].id")),
                Message::new(
                    format!(
                        "mã chi bộ `{}` bị trùng (đã dùng ở branches[{first}])",
                        b.id
                    ),
                    format!(
                        "duplicate branch id `{}` (already used at branches[{first}])",
                        b.id
                    ),
                ),
            ));
        }
    }
    out
}

/// `results/*.yaml`, in file-name order; each must name an existing branch.
fn load_results(
    files: &dyn CycleFiles,
    dir: &Path,
    cycle: &Cycle,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Results> {
    let mut out = BTreeMap::new();
    let branches: HashSet<&str> = cycle.branches.iter().map(|b| b.id.as_str()).collect();
    let paths = yaml_files(files, &dir.join("results"), diags);
    let parsed: Vec<Parsed<raw::Results>> = paths
        .par_iter()
        .map(|file| Parsed::read(files, file))
        .collect();
    for (file, parsed) in paths.into_iter().zip(parsed) {
        let Some(raw) = parsed.register(sources, diags) else {
            continue;
        };
        let id = FileId(sources.files.len() - 1);
        let mut conv = Converter::new(sources, id);
        let roster = cycle.branch(&raw.branch).map(|b| &b.roster[..]);
        let results = convert::results(&mut conv, raw, roster.unwrap_or_default());
        diags.append(&mut conv.problems);
        if let Some(d) = results_mismatch(&file, &results, &branches, sources, id) {
            diags.push(d);
            continue;
        }
        out.insert(results.branch.clone(), results);
    }
    out
}

/// The results file must be `results/<id>.yaml` for a branch of the cycle.
fn results_mismatch(
    file: &Path,
    results: &Results,
    branches: &HashSet<&str>,
    sources: &Sources,
    id: FileId,
) -> Option<Diagnostic> {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let message = if !branches.contains(results.branch.as_str()) {
        Message::new(
            format!(
                "kết quả của chi bộ `{}` không có trong branches của cycle.yaml",
                results.branch
            ),
            format!(
                "results for branch `{}`, which cycle.yaml does not list",
                results.branch
            ),
        )
    } else if stem != results.branch {
        Message::new(
            format!(
                "tệp phải mang tên `results/{}.yaml` theo mã chi bộ",
                results.branch
            ),
            format!("the file must be named `results/{}.yaml`", results.branch),
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(
        Code::ResultsUnknownBranch,
        sources.place(id, "branch"),
        message,
    ))
}

fn yaml_files(files: &dyn CycleFiles, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match files.entries_in(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            diags.push(crate::diagnostic::read_error(dir, &e));
            return Vec::new();
        }
    };
    entries
        .into_iter()
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect()
}

fn load_votes(
    files: &dyn CycleFiles,
    dir: &Path,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<(VoteCall, Option<Votes>)> {
    let file = dir.join("votes.yaml");
    files.entry(&file)?;
    let raw = parse_in::<raw::Votes>(files, &file, sources, diags)?;
    let mut conv = Converter::new(sources, FileId(sources.files.len() - 1));
    let votes = convert::votes(&mut conv, raw);
    diags.append(&mut conv.problems);
    Some(votes)
}
