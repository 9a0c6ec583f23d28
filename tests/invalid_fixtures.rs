//! `fixtures/invalid/<rule-code>/`: one small cycle per rule code, each
//! breaking exactly that rule. Runs the real binary on each and checks the
//! exit code and that the set of codes reported is exactly the folder's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Rule codes whose fixture reports warnings only (exit code 0).
const WARNING_ONLY: &[&str] = &[
    "quota-excellent-branch",
    "collective-excellent-with-disciplined",
    "vote-threshold",
    "non-working-day",
    "stale-year",
    "text-not-nfc",
    "text-unusual",
];

/// Rule codes whose error is an input error (exit 2): a name not on the
/// roster is a typo in the input, like an unknown key.
const INPUT_CLASS: &[&str] = &["roster-name"];

/// Codes a fixture cannot avoid besides its own: a person over 50% "tín
/// nhiệm thấp" (low-confidence-rating) is by definition over the
/// vote-threshold warning too.
fn unavoidable(code: &str) -> &'static [&'static str] {
    match code {
        "low-confidence-rating" => &["vote-threshold"],
        _ => &[],
    }
}

/// Every rule code of rules.md that has a fixture (all but the later
/// `results-missing`).
const RULE_CODES: &[&str] = &[
    "rule-set-year",
    "quota-excellent",
    "quota-excellent-branch",
    "head-above-collective",
    "excellent-without-product",
    "disciplined-above-fail",
    "collective-excellent-with-disciplined",
    "sick-leave-cap",
    "rating-missing",
    "roster-count",
    "score-band",
    "low-confidence-rating",
    "vote-arithmetic",
    "vote-quorum",
    "vote-threshold",
    "schedule-order",
    "non-working-day",
    "reference-unknown",
    "reference-after-document",
    "document-number",
    "stale-year",
    "text-not-nfc",
    "roster-name",
    "placeholder-left",
    "text-unusual",
];

fn invalid_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid")
}

fn folders() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(invalid_dir())
        .expect("fixtures/invalid exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    names
}

struct Run {
    exit: i32,
    diagnostics: Vec<serde_json::Value>,
}

fn check(dir: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("check")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("run vanban");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let diagnostics: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{}: stdout is not a JSON array ({e}):\n{stdout}",
            dir.display()
        )
    });
    Run {
        exit: output.status.code().expect("vanban exited normally"),
        diagnostics,
    }
}

#[test]
fn there_is_one_fixture_per_rule_code() {
    let expected: BTreeSet<String> = RULE_CODES.iter().map(|c| c.to_string()).collect();
    let found: BTreeSet<String> = folders().into_iter().collect();
    assert_eq!(found, expected);
}

#[test]
fn each_fixture_breaks_exactly_its_rule() {
    let mut failures = Vec::new();
    for name in folders() {
        let run = check(&invalid_dir().join(&name));
        for d in &run.diagnostics {
            for field in [
                "code", "severity", "message", "file", "line", "column", "path",
            ] {
                assert!(
                    d.get(field).is_some(),
                    "{name}: diagnostic without `{field}`: {d}"
                );
            }
        }
        let codes: BTreeSet<&str> = run
            .diagnostics
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        let mut expected: BTreeSet<&str> = [name.as_str()].into();
        expected.extend(unavoidable(&name));
        let exit = if WARNING_ONLY.contains(&name.as_str()) {
            0
        } else if INPUT_CLASS.contains(&name.as_str()) {
            2
        } else {
            1
        };
        if codes != expected || run.exit != exit {
            failures.push(format!(
                "{name}: exit {} (want {exit}), codes {codes:?} (want {expected:?})",
                run.exit
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_diagnostic_names_its_place() {
    for name in folders() {
        for d in check(&invalid_dir().join(&name)).diagnostics {
            let file = d["file"].as_str().unwrap_or_default();
            assert!(!file.is_empty(), "{name}: no file in {d}");
            assert!(d["line"].is_u64(), "{name}: no line in {d}");
        }
    }
}

/// An emoji typed in a results file is found in that file, at its field
/// (`text-unusual` scans the results one file at a time).
#[test]
fn an_emoji_in_a_results_file_is_found_at_its_field() {
    let found = check(&invalid_dir().join("text-unusual")).diagnostics;
    let at: Vec<(String, String, u64)> = found
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or_default();
            let name = Path::new(file).file_name().unwrap_or_default();
            (
                name.to_string_lossy().into_owned(),
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("cycle.yaml".to_owned(), "directive.subject".to_owned(), 35),
            (
                "kinh-te.yaml".to_owned(),
                "collective.strengths".to_owned(),
                9
            ),
        ]
    );
}
