//! Snapshots (insta) of exactly what a clerk sees: `vanban check` stderr on
//! representative bad cycles, and the help texts. Review a changed snapshot
//! as text a user reads (Vietnamese, diacritics, the place pointed at).
//!
//! The valid fixture is snapshotted as JSON filtered to input-class codes, so
//! the snapshot does not change each time a rule is added.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `vanban args…` in `cwd`; returns (exit code, stdout, stderr) with
/// the temp dir replaced by `[TMP]`.
fn vanban(cwd: &Path, args: &[&OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run vanban");
    let clean = |bytes: Vec<u8>| {
        let text = String::from_utf8(bytes).expect("UTF-8 output");
        text.replace(&cwd.display().to_string(), "[TMP]")
    };
    let code = out.status.code().expect("exited normally");
    (code, clean(out.stdout), clean(out.stderr))
}

/// `vanban check <case> extra…` on a corpus case copied to a temp dir, run
/// from that dir with a relative path as a clerk would type it.
fn check_case(case: &str, extra: &[&str]) -> (i32, String) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join(case);
    common::copy_dir(&Path::new(ROOT).join("tests/bad-input").join(case), &dir);
    fs::remove_file(dir.join("expect.txt")).unwrap();
    let mut args = vec![OsStr::new("check"), OsStr::new(case)];
    args.extend(extra.iter().map(OsStr::new));
    let (code, stdout, stderr) = vanban(tmp.path(), &args);
    assert_eq!(stdout, "", "text mode prints nothing on stdout");
    (code, stderr)
}

#[test]
fn unknown_key_in_results_file() {
    let (code, stderr) = check_case("unknown-key-results", &[]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn unknown_key_in_results_file_english() {
    let (code, stderr) = check_case("unknown-key-results", &["--lang", "en"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn bad_date() {
    let (code, stderr) = check_case("bad-date", &[]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn duplicate_branch_id() {
    let (code, stderr) = check_case("branch-duplicate", &[]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn not_nfc_warning() {
    let (code, stderr) = check_case("nfd", &[]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stderr);
}

/// Only input-class diagnostics (none expected): rule findings come and go
/// as rules are added, and are not this snapshot's business.
#[test]
fn valid_fixture_has_no_input_diagnostics() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("quang-binh-2022");
    common::copy_dir(&Path::new(ROOT).join("fixtures/quang-binh-2022"), &dir);
    let args = ["check", "quang-binh-2022", "--format", "json"].map(OsStr::new);
    let (code, stdout, _) = vanban(tmp.path(), &args);
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let input: Vec<_> = all
        .into_iter()
        .filter(|d| {
            let code = d["code"].as_str().unwrap();
            code.starts_with("input-")
                || [
                    "branch-duplicate",
                    "results-unknown-branch",
                    "template-error",
                ]
                .contains(&code)
        })
        .collect();
    assert_ne!(code, 2, "the fixture must load");
    insta::assert_snapshot!(serde_json::to_string_pretty(&input).unwrap());
}

#[test]
fn help() {
    let tmp = TempDir::new().unwrap();
    let (code, stdout, stderr) = vanban(tmp.path(), &[OsStr::new("--help")]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    insta::assert_snapshot!(stdout);
}

#[test]
fn check_help() {
    let tmp = TempDir::new().unwrap();
    let args = ["check", "--help"].map(OsStr::new);
    let (code, stdout, stderr) = vanban(tmp.path(), &args);
    assert_eq!((code, stderr.as_str()), (0, ""));
    insta::assert_snapshot!(stdout);
}
