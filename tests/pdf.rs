//! `build --pdf`: a PDF beside every DOCX through LibreOffice, inside the
//! same atomic write; without a working LibreOffice, exit 2 and nothing
//! written.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-input/valid-base");

fn build_pdf(out: &Path, soffice: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    command
        .args(["build", BASE, "--pdf", "-o"])
        .arg(out)
        .env_remove("VANBAN_SOFFICE");
    if let Some(path) = soffice {
        command.env("VANBAN_SOFFICE", path);
    }
    command.output().expect("vanban runs")
}

/// Every file under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            match path.is_dir() {
                true => stack.push(path),
                false => out.push(path.strip_prefix(dir).expect("under dir").to_path_buf()),
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_docx_gets_its_pdf() {
    if !common::tool_available(
        "soffice",
        "--version",
        "apt-get install -y libreoffice-writer-nogui",
    ) {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let run = build_pdf(&out, None);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let files = tree(&out);
    let docx: Vec<&PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(docx.len() >= 5, "{files:?}");
    for d in &docx {
        let pdf = out.join(d.with_extension("pdf"));
        let bytes = fs::read(&pdf).unwrap_or_else(|e| panic!("{pdf:?}: {e}"));
        assert!(bytes.starts_with(b"%PDF"), "{pdf:?} is not a PDF");
    }
    assert_eq!(files.len(), docx.len() * 3, "docx, md and pdf: {files:?}");
    assert!(
        stderr.contains(&format!("({} tệp)", files.len())),
        "{stderr}"
    );
    // The PDF holds the document's Vietnamese text (pdftotext, when present).
    if let Ok(text) = Command::new("pdftotext")
        .arg(out.join("cong-van.pdf"))
        .arg("-")
        .output()
    {
        let text = common::squash(&String::from_utf8_lossy(&text.stdout));
        assert!(text.contains("94-CV/ĐUVP"), "{text}");
        assert!(text.contains("Đảng ủy Văn phòng UBND tỉnh"), "{text}");
    }
}

/// A build into an OUT that already holds a file: the failure must leave it
/// exactly as it was.
fn assert_nothing_written(run: &Output, out: &Path, message: &str) {
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("error[pdf-convert]: ")),
        "{stderr}"
    );
    assert!(stderr.contains(message), "{stderr}");
    assert_eq!(tree(out), [PathBuf::from("old.txt")]);
    assert_eq!(fs::read_to_string(out.join("old.txt")).unwrap(), "old");
}

#[test]
fn without_libreoffice_nothing_is_written_and_the_install_command_is_given() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("old.txt"), "old").unwrap();
    let missing = tmp.path().join("khong-co/soffice");
    let run = build_pdf(&out, Some(&missing));
    assert_nothing_written(&run, &out, "cài LibreOffice");
    assert!(String::from_utf8_lossy(&run.stderr).contains(&missing.display().to_string()));
}

/// `soffice` exits 0 when it fails to convert: a stand-in that does just
/// that must not pass for a conversion.
#[cfg(unix)]
#[test]
fn a_libreoffice_that_writes_nothing_fails_the_build() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let fake = tmp.path().join("soffice");
    fs::write(
        &fake,
        "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n",
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("old.txt"), "old").unwrap();
    let run = build_pdf(&out, Some(&fake));
    assert_nothing_written(&run, &out, "source file could not be loaded");
    // No staging folder is left behind beside OUT.
    let left: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".vanban-staging"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
