//! Loading from memory and `check` without DOCX (issue 10, points 4 and 5),
//! on the built-in example held in memory.

use indicatif::ProgressBar;
use std::path::{Path, PathBuf};
use vanban::cycle::files::InMemory;
use vanban::diagnostic::Code;
use vanban::pipeline::{Options, Outcome, build_in, check_in};

/// A cycle loaded from memory: its diagnostics name the paths it was
/// given under, with line and column.
#[test]
fn diagnostics_name_the_in_memory_paths() {
    let mut files = InMemory::new();
    for (rel, text) in vanban::example::FILES {
        let text = text.replace("date: 2022-12-12", "date: 2022-13-12");
        files.insert(Path::new("mem").join(rel), text);
    }
    let failed = match vanban::cycle::load_from(&files, Path::new("mem")) {
        Ok(_) => panic!("a bad meeting date is an error"),
        Err(failed) => failed,
    };
    let d = &failed.diagnostics[0];
    assert_eq!(d.place.path, "meeting.date");
    assert!(
        d.place.file.starts_with("mem/results"),
        "{:?}",
        d.place.file
    );
    assert!(d.place.line.is_some());
    assert!(failed.sources.text_of(&d.place.file).is_some());
    let missing = vanban::cycle::load_from(&files, Path::new("elsewhere"));
    assert!(missing.is_err_and(|f| f.diagnostics[0].place.file == Path::new("elsewhere")));
}

/// The example with a stale year and the new tone placement (beside
/// the old one elsewhere) in the directive's subject, in memory.
fn example_with_text_warnings() -> InMemory {
    let mut files = InMemory::new();
    for (rel, text) in vanban::example::FILES {
        let text = match *rel {
            "cycle.yaml" => text.replacen(
                "cá nhân năm 2022 và",
                "cá nhân năm 2022 (như năm 2015), văn hoá và",
                1,
            ),
            _ => text.to_string(),
        };
        files.insert(Path::new("vd").join(rel), text);
    }
    files
}

/// `check` renders no DOCX, yet finds every diagnostic `build` finds,
/// the text rules' included, at the same places.
#[test]
fn check_finds_what_build_finds() {
    let files = example_with_text_warnings();
    let checked = check_in(&files, Path::new("vd"));
    let out = tempfile::tempdir().expect("temp dir");
    let built = build_in(
        &files,
        Path::new("vd"),
        &out.path().join("out"),
        &ProgressBar::hidden(),
        Options::default(),
    );
    let key = |o: &Outcome| -> Vec<(Code, PathBuf, Option<usize>, String)> {
        let d = o.diagnostics.iter();
        d.map(|d| {
            (
                d.code,
                d.place.file.clone(),
                d.place.line,
                d.message.en.clone(),
            )
        })
        .collect()
    };
    assert_eq!(key(&checked), key(&built));
    let codes: Vec<Code> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::StaleYear), "{codes:?}");
    assert!(codes.contains(&Code::TextNotNfc), "{codes:?}");
    assert!(checked.written.is_empty());
    assert!(!built.has_errors() && !built.written.is_empty());
    // The text rules name the document's Markdown file.
    let stale = checked
        .diagnostics
        .iter()
        .find(|d| d.code == Code::StaleYear);
    assert_eq!(
        stale.map(|d| d.place.file.as_path()),
        Some(Path::new("cong-van.md"))
    );
}
