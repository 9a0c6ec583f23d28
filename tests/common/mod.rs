//! Helpers shared by the integration tests: run the real binary, read the
//! DOCX it writes back (zip + roxmltree), copy fixtures into temp folders.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("the vanban binary runs")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Builds `cycle` into a fresh temp dir and returns (dir guard, OUT path).
pub fn build(cycle: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let run = build_into(cycle, &out);
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    (tmp, out)
}

/// `vanban build CYCLE -o OUT`, whatever it gives.
pub fn build_into(cycle: &Path, out: &Path) -> Output {
    vanban(&[
        "build",
        cycle.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
    ])
}

/// Copies a fixture directory into `dest` (recursively).
pub fn copy_dir(from: &Path, dest: &Path) {
    std::fs::create_dir_all(dest).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = dest.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A copy of fixture `name` in a temp dir, changed by `edit(dir)`:
/// (dir guard, the copy).
pub fn edited(name: &str, edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join(name);
    copy_dir(&fixture(name), &dir);
    edit(&dir);
    (tmp, dir)
}

/// Replaces `from` by `to` in `file` (every occurrence); `from` must be there.
pub fn replace_in(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{} lacks `{from}`", file.display());
    std::fs::write(file, text.replace(from, to)).expect("write");
}

/// One part of a DOCX package (e.g. `word/document.xml`) as text.
pub fn docx_part(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).expect("open docx");
    let mut zip = zip::ZipArchive::new(file).expect("docx is a zip");
    let mut entry = zip.by_name(part).expect("part exists");
    let mut xml = String::new();
    entry.read_to_string(&mut xml).expect("utf-8 xml");
    xml
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of every paragraph of `word/document.xml`, in order.
pub fn docx_paragraphs(docx: &Path) -> Vec<String> {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed xml");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter_map(|n| match n.tag_name().name() {
                    "t" if n.tag_name().namespace() == Some(W) => n.text(),
                    "tab" => Some(" "),
                    "br" => Some(" "),
                    _ => None,
                })
                .collect::<String>()
        })
        .collect()
}

/// Whitespace folded to single spaces.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an external program a test needs (LibreOffice, the OOXML
/// validator) is installed. On a developer's machine a missing tool skips
/// that test with a note on stderr, so `cargo test` runs with Rust alone; in
/// CI (`CI` set, as `.ci/run` runs) a missing tool fails the test, because
/// `.ci/run` installs them.
pub fn tool_available(program: &str, probe: &str, install: &str) -> bool {
    let found = Command::new(program)
        .arg(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{program}` is not installed: {install}"
        );
        eprintln!("SKIPPED: `{program}` is not installed ({install})");
    }
    found
}

/// A YAML file of a fixture or cycle, parsed (for counting independently).
pub fn yaml(path: &Path) -> yaml_serde::Value {
    let text = std::fs::read_to_string(path).expect("read yaml");
    yaml_serde::from_str(&text).expect("parse yaml")
}
