//! Runs the real binary on bad input: every case of `tests/bad-input/`
//! (see its README.md) plus a few generated at test time (a 50 MB file, a
//! missing folder, very deep nesting). Each case is copied into a fresh temp
//! dir and checked twice: `--format json` (exit code, code, file, line,
//! column, field path, message) and the Vietnamese text mode (stderr lines
//! `error[code]: …`, the place, the summary `1 lỗi, 0 cảnh báo`).

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-input");

/// Longest a run may take; the binary must refuse hostile input quickly.
const MAX_RUN: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------- corpus

macro_rules! corpus {
    ($($test:ident => $dir:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_case($dir);
            }
        )*
        const LISTED: &[&str] = &[$($dir),*];
    };
}

corpus! {
    valid_base => "valid-base",
    malformed_yaml => "malformed-yaml",
    wrong_type => "wrong-type",
    missing_field => "missing-field",
    unknown_key_cycle => "unknown-key-cycle",
    unknown_key_results => "unknown-key-results",
    unknown_rating => "unknown-rating",
    branch_id_slash => "branch-id-slash",
    branch_id_dotdot => "branch-id-dotdot",
    branch_id_con => "branch-id-con",
    branch_duplicate => "branch-duplicate",
    results_unknown_branch => "results-unknown-branch",
    bad_date => "bad-date",
    non_utf8 => "non-utf8",
    control_char => "control-char",
    empty_cycle => "empty-cycle",
    tab_indent => "tab-indent",
    alias_bomb => "alias-bomb",
    deep_nesting => "deep-nesting",
    crlf => "crlf",
    bom => "bom",
    nfd => "nfd",
    comment_after_value => "comment-after-value",
    tab_indent_block => "tab-indent-block",
    nbsp_zwj_name => "nbsp-zwj-name",
    long_name => "long-name",
    long_line_error => "long-line-error",
    template_error => "template-error",
    template_include_outside => "template-include-outside",
    doc_number_zero => "doc-number-zero",
    number_decimal => "number-decimal",
    roster_unknown_group => "roster-unknown-group",
    roster_born_not_date => "roster-born-not-date",
    score_general_over_30 => "score-general-over-30",
}

#[test]
fn every_corpus_folder_has_a_test() {
    for entry in fs::read_dir(CORPUS).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            let name = entry.file_name().into_string().unwrap();
            assert!(LISTED.contains(&name.as_str()), "{name}: add it to corpus!");
        }
    }
}

/// What `expect.txt` says one case must produce.
#[derive(Debug)]
struct Expect {
    exit: i32,
    /// `None`: the run prints no diagnostic at all.
    diagnostic: Option<Expected>,
}

#[derive(Debug)]
struct Expected {
    code: String,
    severity: String,
    /// Relative to the cycle folder.
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    path: String,
    message: String,
    errors: usize,
    warnings: usize,
}

impl Expect {
    fn read(case: &Path) -> Expect {
        let file = case.join("expect.txt");
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        let mut kv = BTreeMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{file:?}: not `key = value`: {line}"));
            kv.insert(k.trim().to_string(), v.trim().to_string());
        }
        let get = |k: &str| {
            kv.get(k)
                .cloned()
                .unwrap_or_else(|| panic!("{file:?}: no `{k}`"))
        };
        let num = |k: &str| match get(k).as_str() {
            "none" => None,
            v => Some(v.parse().unwrap_or_else(|_| panic!("{file:?}: `{k}`"))),
        };
        let exit = get("exit").parse().unwrap();
        if get("code") == "none" {
            return Expect {
                exit,
                diagnostic: None,
            };
        }
        Expect {
            exit,
            diagnostic: Some(Expected {
                code: get("code"),
                severity: get("severity"),
                file: get("file"),
                line: num("line"),
                column: num("column"),
                path: kv.get("path").cloned().unwrap_or_default(),
                message: get("message"),
                errors: get("errors").parse().unwrap(),
                warnings: get("warnings").parse().unwrap(),
            }),
        }
    }
}

fn run_case(name: &str) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join(name);
    common::copy_dir(&Path::new(CORPUS).join(name), &dir);
    fs::remove_file(dir.join("expect.txt")).unwrap();
    let expect = Expect::read(&Path::new(CORPUS).join(name));
    assert_case(&dir, &expect);
}

/// Both runs of one cycle folder against what is expected.
fn assert_case(dir: &Path, expect: &Expect) {
    let json = check_json(dir);
    assert_eq!(json.exit, expect.exit, "exit code; diagnostics: {json:#?}");
    let Some(want) = &expect.diagnostic else {
        assert!(json.items.is_empty(), "expected no diagnostic: {json:#?}");
        let text = check_text(dir, &[]);
        assert_eq!(text.exit, expect.exit);
        assert_eq!(text.stderr, "", "expected a silent run");
        return;
    };

    // JSON: the expected diagnostic, with its place.
    let d = json
        .items
        .iter()
        .find(|d| d["code"] == want.code.as_str())
        .unwrap_or_else(|| panic!("no `{}` diagnostic in {json:#?}", want.code));
    let file = match want.file.as_str() {
        "" => dir.to_path_buf(),
        rel => dir.join(rel),
    };
    assert_eq!(d["severity"], want.severity.as_str(), "{d:#}");
    assert_eq!(d["file"], file.display().to_string(), "file of {d:#}");
    assert_eq!(d["line"].as_u64(), want.line, "line of {d:#}");
    assert_eq!(d["column"].as_u64(), want.column, "column of {d:#}");
    assert_eq!(d["path"], want.path.as_str(), "path of {d:#}");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains(&want.message),
        "message {message:?} lacks {:?}",
        want.message
    );
    let count = |sev: &str| json.items.iter().filter(|d| d["severity"] == sev).count();
    assert_eq!(count("error"), want.errors, "errors in {json:#?}");
    assert_eq!(count("warning"), want.warnings, "warnings in {json:#?}");

    // Text, Vietnamese: `error[code]: message (file:line:col, path)`, summary last.
    let text = check_text(dir, &[]);
    assert_eq!(text.exit, expect.exit);
    let mut place = file.display().to_string();
    if let Some(line) = want.line {
        place += &format!(":{line}");
        if let Some(col) = want.column {
            place += &format!(":{col}");
        }
    }
    if !want.path.is_empty() {
        place += &format!(", {}", want.path);
    }
    let head = format!("{}[{}]: {message} ({place})", want.severity, want.code);
    assert!(
        text.stderr.lines().any(|l| l == head),
        "no line {head:?} in stderr:\n{}",
        text.stderr
    );
    let summary = format!("{} lỗi, {} cảnh báo", want.errors, want.warnings);
    assert_eq!(text.stderr.lines().last(), Some(summary.as_str()));

    // English: same place, English message, English summary.
    let en = check_text(dir, &["--lang", "en"]);
    assert_eq!(en.exit, expect.exit);
    assert!(
        en.stderr.contains(&format!("[{}]: ", want.code)) && en.stderr.contains(&place),
        "{}",
        en.stderr
    );
    assert!(!en.stderr.contains(" lỗi, "), "{}", en.stderr);
}

// ------------------------------------------------------ generated at test time

fn base_in(tmp: &TempDir) -> PathBuf {
    let dir = tmp.path().join("cycle");
    common::copy_dir(&Path::new(CORPUS).join("valid-base"), &dir);
    fs::remove_file(dir.join("expect.txt")).unwrap();
    dir
}

fn file_level(code: &str, file: &Path, message: &str, exit: i32) -> Expect {
    Expect {
        exit,
        diagnostic: Some(Expected {
            code: code.into(),
            severity: "error".into(),
            file: file.display().to_string(),
            line: None,
            column: None,
            path: String::new(),
            message: message.into(),
            errors: 1,
            warnings: 0,
        }),
    }
}

/// A 50 MB cycle.yaml (valid YAML, padded with comments) is refused unread.
#[test]
fn file_of_50_mb() {
    let tmp = TempDir::new().unwrap();
    let dir = base_in(&tmp);
    let path = dir.join("cycle.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    let pad = format!("# {}\n", "đệm ".repeat(20));
    text.push_str(&pad.repeat(50_000_000 / pad.len() + 1));
    assert!(text.len() > 50_000_000);
    fs::write(&path, text).unwrap();
    let expect = file_level(
        "input-too-large",
        Path::new("cycle.yaml"),
        "tệp lớn hơn 5 MiB",
        2,
    );
    assert_case(&dir, &expect);
}

/// The same cap holds for a results file (read later, by another path).
#[test]
fn results_file_over_the_cap() {
    let tmp = TempDir::new().unwrap();
    let dir = base_in(&tmp);
    let path = dir.join("results/kinh-te.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&"#\n".repeat(3 * 1024 * 1024));
    fs::write(&path, text).unwrap();
    let file = Path::new("results/kinh-te.yaml");
    assert_case(&dir, &file_level("input-too-large", file, "tệp lớn hơn", 2));
}

#[test]
fn missing_directory() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("khong-co");
    // The place is the path as given (file `""` stands for `dir` itself).
    let expect = file_level("input-read", Path::new(""), "không tìm thấy thư mục", 2);
    assert_case(&dir, &expect);
}

#[test]
fn directory_without_cycle_yaml() {
    let tmp = TempDir::new().unwrap();
    let dir = base_in(&tmp);
    fs::remove_file(dir.join("cycle.yaml")).unwrap();
    let expect = file_level(
        "input-read",
        Path::new("cycle.yaml"),
        "không tìm thấy tệp",
        2,
    );
    assert_case(&dir, &expect);
}

/// 100,000 nested `[` (200 KB): no stack overflow in the parser or the
/// locator, an ordinary YAML error (a crash would show as a signal, not exit 2).
#[test]
fn very_deep_nesting() {
    let tmp = TempDir::new().unwrap();
    let dir = base_in(&tmp);
    let path = dir.join("cycle.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let deep = format!(
        "  copies: {}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let text = text.replace("  copies:\n    - Bí thư các chi bộ trực thuộc\n", &deep);
    fs::write(&path, text).unwrap();
    let json = check_json(&dir);
    assert_eq!(json.exit, 2, "{json:#?}");
    let d = &json.items[0];
    assert_eq!(d["code"], "input-yaml", "{d:#}");
    assert_eq!(d["file"], path.display().to_string());
    assert!(d["line"].is_u64(), "{d:#}");
}

/// Passing the path of cycle.yaml instead of its folder works the same.
#[test]
fn cycle_yaml_path_instead_of_folder() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("unknown-key-results");
    common::copy_dir(&Path::new(CORPUS).join("unknown-key-results"), &dir);
    let json = check_json(&dir.join("cycle.yaml"));
    assert_eq!(json.exit, 2);
    assert_eq!(json.items[0]["path"], "members[1].ratting");
    assert_eq!(
        json.items[0]["file"],
        dir.join("results/tong-hop.yaml").display().to_string()
    );
}

// ---------------------------------------------------------------- running

#[derive(Debug)]
struct JsonRun {
    exit: i32,
    items: Vec<Value>,
}

struct TextRun {
    exit: i32,
    stderr: String,
}

fn vanban(args: &[&OsStr]) -> Output {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("run vanban");
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked:\n{stderr}"
    );
    assert!(
        out.status.code().is_some(),
        "killed by a signal (stack overflow?): {:?}\n{stderr}",
        out.status
    );
    assert!(took < MAX_RUN, "took {took:?} on {args:?}");
    out
}

fn check_json(dir: &Path) -> JsonRun {
    let json = ["--format", "json"].map(OsStr::new);
    let out = vanban(&[OsStr::new("check"), dir.as_os_str(), json[0], json[1]]);
    let stdout = String::from_utf8(out.stdout).expect("JSON output is UTF-8");
    let items: Vec<Value> = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not a JSON array ({e}):\n{stdout}"));
    for d in &items {
        for key in [
            "code", "severity", "message", "file", "line", "column", "path",
        ] {
            assert!(d.get(key).is_some(), "`{key}` missing in {d:#}");
        }
        assert_ne!(d["file"], "", "a diagnostic without a file: {d:#}");
    }
    JsonRun {
        exit: out.status.code().unwrap(),
        items,
    }
}

fn check_text(dir: &Path, extra: &[&str]) -> TextRun {
    let mut args = vec![OsStr::new("check"), dir.as_os_str()];
    args.extend(extra.iter().map(OsStr::new));
    let out = vanban(&args);
    assert!(out.stdout.is_empty(), "text mode printed on stdout");
    TextRun {
        exit: out.status.code().unwrap(),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

// ---------------------------------------------------------------- build

/// `build` on any bad cycle (unreadable input, exit 2, or a rule error,
/// exit 1) writes nothing: a file already in OUT keeps its bytes, no new
/// file appears, and an OUT that did not exist is not created.
#[test]
fn build_on_bad_input_writes_nothing() {
    for &name in LISTED {
        let expect = Expect::read(&Path::new(CORPUS).join(name));
        if expect.exit == 0 {
            continue;
        }
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().join(name);
        common::copy_dir(&Path::new(CORPUS).join(name), &dir);
        let out = tmp.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("ghi-chu.txt"), "giữ nguyên\n").unwrap();
        let fresh = tmp.path().join("out-moi");
        for target in [&out, &fresh] {
            let run = vanban(&[
                OsStr::new("build"),
                dir.as_os_str(),
                OsStr::new("-o"),
                target.as_os_str(),
            ]);
            assert_eq!(
                run.status.code(),
                Some(expect.exit),
                "{name}: build exit code"
            );
        }
        let listing: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(listing, ["ghi-chu.txt"], "{name}: build wrote into OUT");
        assert_eq!(
            fs::read_to_string(out.join("ghi-chu.txt")).unwrap(),
            "giữ nguyên\n"
        );
        assert!(!fresh.exists(), "{name}: build created OUT");
    }
}
