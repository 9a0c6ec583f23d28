//! Every DOCX (and the statistics annex, XLSX) of the example build, and
//! of a cycle before the vote count (ballot, blank count minutes, rating
//! ballots without roster), is schema-valid OOXML: Word and Excel repair or
//! refuse files that break the schema, and LibreOffice is not strict enough
//! to notice. Checked with `openxml-audit` (PyPI), which must be installed:
//!
//! ```sh
//! pip install openxml-audit
//! ```
//!
//! `.ci/run` installs it and fails without it; elsewhere a missing validator
//! skips this test with a note (see `common::tool_available`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const VALIDATOR: &str = "openxml-audit";

#[test]
fn every_docx_of_the_example_has_no_schema_violation() {
    if !common::tool_available(VALIDATOR, "--help", "pip install openxml-audit") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let run = common::vanban(&["build", "-o", out.to_str().expect("utf-8 path")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_valid(
        &out,
        &[
            "phieu-tin-nhiem.docx",
            "quyet-dinh-xep-loai.docx",
            "thong-ke.xlsx",
        ],
    );
}

#[test]
fn every_paper_before_the_count_has_no_schema_violation() {
    if !common::tool_available(VALIDATOR, "--help", "pip install openxml-audit") {
        return;
    }
    let (_tmp, out) = common::build(&common::fixture("before-count-2024"));
    assert_valid(&out, &["phieu-tin-nhiem.docx", "bien-ban-kiem-phieu.docx"]);
}

/// Every package below `out` (holding each of `expected`) without a finding.
fn assert_valid(out: &Path, expected: &[&str]) {
    let mut packages = Vec::new();
    find_packages(out, &mut packages);
    for name in expected {
        assert!(
            packages.iter().any(|p| p.ends_with(name)),
            "{name} written: {packages:?}"
        );
    }
    let reports = audit(out);
    assert_eq!(reports.len(), packages.len(), "one report per package");
    let failures: Vec<String> = reports.iter().filter_map(failure).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `openxml-audit` over every package below `dir`: one JSON report per file.
fn audit(dir: &Path) -> Vec<serde_json::Value> {
    let run = Command::new(VALIDATOR)
        .args(["-m", "0", "-r", "-o", "json"])
        .arg(dir)
        .output()
        .expect("openxml-audit runs");
    let reports: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit printed no JSON ({e}): {}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    });
    reports
        .as_array()
        .cloned()
        .expect("a JSON array of reports")
}

/// The file and its findings, when it has any.
fn failure(report: &serde_json::Value) -> Option<String> {
    let count = |key: &str| report[key].as_u64().unwrap_or(u64::MAX);
    if report["valid"] == true && count("error_count") == 0 && count("warning_count") == 0 {
        return None;
    }
    let findings: Vec<String> = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(report["warnings"].as_array().into_iter().flatten())
        .map(|e| format!("  {} {} ({})", e["part_uri"], e["path"], e["description"]))
        .collect();
    Some(format!("{}:\n{}", report["file"], findings.join("\n")))
}

fn find_packages(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read output") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            find_packages(&path, found);
        } else if path.extension().is_some_and(|e| e == "docx" || e == "xlsx") {
            found.push(path);
        }
    }
}
