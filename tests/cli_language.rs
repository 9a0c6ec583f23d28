//! The command line in one language, and JSON wherever there is a human
//! format: clap's errors, usage and help in Vietnamese (English with
//! `--lang en`, including `--help`), errors writing the output as
//! `output-write` sentences naming the path, forms saved as PDF/.doc/.odt,
//! `stats` on data that breaks rules, and the JSON of `init`, `new-cycle`,
//! `build` and `collect`. All through the real binary.
//!
//! The snapshots were read as a clerk reads them: every word Vietnamese
//! (or every word English with `--lang en`), the wrong word or path named,
//! the way out said. Review a change the same way (`cargo insta review`).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

/// Runs `vanban args…` in `cwd`: (exit code, stdout, stderr).
fn run(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run vanban");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    let code = out.status.code().expect("exited normally");
    (code, text(out.stdout), text(out.stderr))
}

/// A command-line mistake: exit 2, nothing on stdout, the stderr text.
fn mistake(args: &[&str]) -> String {
    let tmp = TempDir::new().expect("temp dir");
    let (code, stdout, stderr) = run(tmp.path(), args);
    assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
    assert!(
        fs::read_dir(tmp.path()).expect("read").next().is_none(),
        "{args:?}: nothing written"
    );
    stderr
}

/// Words clap prints in English that must not reach a Vietnamese user.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage:",
    "For more information",
    "unrecognized",
    "unexpected argument",
    "required arguments",
    "invalid value",
    "[OPTIONS]",
    "tip:",
];

#[test]
fn command_line_mistakes_are_told_in_vietnamese() {
    let cases: &[(&str, &[&str])] = &[
        ("unknown_command", &["chek", "x"]),
        ("unknown_option", &["build", "--bogus"]),
        ("missing_argument", &["check"]),
        (
            "year_not_a_number",
            &["new-cycle", "x", "--year", "abc", "-o", "y"],
        ),
        ("bad_lang", &["check", "x", "--lang", "fr"]),
        ("no_command", &[]),
    ];
    for (name, args) in cases {
        let stderr = mistake(args);
        for english in CLAP_ENGLISH {
            assert!(
                !stderr.contains(english),
                "{name}: “{english}” in\n{stderr}"
            );
        }
        assert!(
            stderr.starts_with("error[command-line]: "),
            "{name}: {stderr}"
        );
        insta::assert_snapshot!(format!("vi_{name}"), stderr);
    }
}

#[test]
fn command_line_mistakes_are_told_in_english_with_lang_en() {
    let cases: &[(&str, &[&str])] = &[
        ("unknown_command", &["--lang", "en", "chek", "x"]),
        ("missing_argument", &["check", "--lang=en"]),
        (
            "year_not_a_number",
            &["new-cycle", "x", "--year", "abc", "-o", "y", "--lang", "en"],
        ),
    ];
    for (name, args) in cases {
        let stderr = mistake(args);
        assert!(!stderr.contains("Cách dùng"), "{name}: {stderr}");
        insta::assert_snapshot!(format!("en_{name}"), stderr);
    }
}

#[test]
fn a_command_line_mistake_in_json_is_one_diagnostic_on_stdout() {
    let tmp = TempDir::new().expect("temp dir");
    let (code, stdout, stderr) = run(tmp.path(), &["check", "--format", "json"]);
    assert_eq!((code, stderr.as_str()), (2, ""));
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("json");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["code"], "command-line");
    assert_eq!(all[0]["severity"], "error");
    assert!(
        all[0]["message"]
            .as_str()
            .expect("text")
            .contains("thiếu đối số bắt buộc")
    );
}

/// `--format xlsx` wants `-o` and belongs to `stats`; `-o` wants
/// `--format xlsx`: each mistake is the `command-line` diagnostic with the
/// usage of `stats`, in the user's language, exit 2, nothing written — as
/// text even though `--format` was given (a spreadsheet is no format for a
/// message); only `--format json` gives the diagnostic as JSON.
#[test]
fn xlsx_and_o_mistakes_are_command_line_diagnostics() {
    let cycle = common::fixture("quang-binh-2022");
    let cycle = cycle.to_str().expect("utf-8");
    let vi = mistake(&["stats", cycle, "--format", "xlsx"]);
    assert!(
        vi.starts_with("error[command-line]: --format xlsx cần tệp ghi ra: -o TỆP.xlsx\n"),
        "{vi}"
    );
    assert!(
        vi.contains("Cách dùng: vanban stats [TÙY_CHỌN] <CHU_KỲ>"),
        "{vi}"
    );
    assert!(!vi.contains('{'), "no JSON: {vi}");
    let en = mistake(&["stats", cycle, "--format", "xlsx", "--lang", "en"]);
    assert!(
        en.starts_with("error[command-line]: --format xlsx needs a file to write: -o FILE.xlsx\n"),
        "{en}"
    );
    assert!(en.contains("Usage: vanban stats [OPTIONS] <CYCLE>"), "{en}");
    let other = mistake(&["check", cycle, "--format", "xlsx"]);
    assert!(
        other.starts_with("error[command-line]: --format xlsx chỉ dùng với lệnh stats"),
        "{other}"
    );
    let other_en = mistake(&["build", cycle, "--format", "xlsx", "--lang", "en"]);
    assert!(
        other_en.starts_with("error[command-line]: --format xlsx is for the stats command only"),
        "{other_en}"
    );
    let o = mistake(&["stats", cycle, "-o", "x.xlsx"]);
    assert!(
        o.starts_with("error[command-line]: -o chỉ dùng với --format xlsx"),
        "{o}"
    );

    let tmp = TempDir::new().expect("temp dir");
    let (code, stdout, stderr) = run(
        tmp.path(),
        &["stats", cycle, "-o", "x.xlsx", "--format", "json"],
    );
    assert_eq!((code, stderr.as_str()), (2, ""));
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("json");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["code"], "command-line");
    assert!(!tmp.path().join("x.xlsx").exists());
}

#[test]
fn help_is_english_with_lang_en_wherever_it_is_written() {
    let tmp = TempDir::new().expect("temp dir");
    for args in [
        &["--help", "--lang", "en"][..],
        &["--lang=en", "--help"],
        &["--lang", "en", "-h"],
    ] {
        let (code, stdout, stderr) = run(tmp.path(), args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
        assert!(
            stdout.starts_with("vanban — Party documents"),
            "{args:?}: {stdout}"
        );
        for vi in ["Cách dùng", "Tùy chọn", "Lệnh:", "Ví dụ", "Mã thoát"] {
            assert!(!stdout.contains(vi), "{args:?}: “{vi}”");
        }
    }
    let (_, top, _) = run(tmp.path(), &["--help", "--lang", "en"]);
    insta::assert_snapshot!("en_help", top);
    let (code, collect, _) = run(tmp.path(), &["collect", "--help", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(collect.contains("whatever the file is called"), "{collect}");
    insta::assert_snapshot!("en_collect_help", collect);
}

#[test]
fn output_folder_problems_are_output_write_naming_the_path() {
    let tmp = TempDir::new().expect("temp dir");
    fs::write(tmp.path().join("a-file"), "giữ nguyên").expect("write");
    let cycle = common::fixture("other-committee-2024");
    let cycle = cycle.to_str().expect("utf-8");
    let cases: &[&[&str]] = &[
        &["build", cycle, "-o", "a-file"],
        &["build", cycle, "-o", "a-file/out"],
        &["init", "a-file/moi", "--year", "2025"],
        &["new-cycle", cycle, "--year", "2025", "-o", "a-file/moi"],
    ];
    for args in cases {
        let (code, stdout, _) = run(tmp.path(), &[args, &["--format", "json"][..]].concat());
        assert_eq!(code, 2, "{args:?}");
        let all: serde_json::Value = serde_json::from_str(&stdout).expect("json");
        let errors: Vec<_> = all["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert_eq!(errors.len(), 1, "{args:?}: {stdout}");
        assert_eq!(errors[0]["code"], "output-write", "{args:?}");
        let message = errors[0]["message"].as_str().expect("text");
        assert!(message.contains("“a-file"), "{args:?}: {message}");
        assert!(!message.contains("os error"), "{args:?}: {message}");
        assert!(
            !message.contains("exists and is not"),
            "{args:?}: {message}"
        );
        // Nothing written: `[]`, or `{}` for build (its files are listed by kind).
        let written = &all["written"];
        let none = written
            .as_array()
            .map(Vec::is_empty)
            .or(written.as_object().map(|o| o.is_empty()));
        assert_eq!(none, Some(true), "{args:?}: {stdout}");
    }
    // Text mode, Vietnamese and English.
    let (_, _, vi) = run(tmp.path(), &["build", cycle, "-o", "a-file/out"]);
    let first = vi.lines().next().expect("a line");
    assert_eq!(
        first,
        "error[output-write]: không ghi được vào “a-file/out”: ở đó (hoặc ở một thư mục chứa nó) đã có một tệp, không phải thư mục (a-file/out)"
    );
    let (_, _, en) = run(
        tmp.path(),
        &["build", cycle, "-o", "a-file", "--lang", "en"],
    );
    assert!(
        en.starts_with("error[output-write]: cannot write to “a-file”: a file, not a folder"),
        "{en}"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("a-file")).expect("read"),
        "giữ nguyên"
    );
    let names: Vec<_> = fs::read_dir(tmp.path()).expect("read").collect();
    assert_eq!(names.len(), 1, "nothing else written");
}

#[test]
fn forms_saved_as_pdf_doc_or_odt_say_how_to_save_them_as_docx() {
    let tmp = TempDir::new().expect("temp dir");
    let cycle = tmp.path().join("chu-ky");
    common::copy_dir(&common::fixture("other-committee-2024"), &cycle);
    let forms: &[(&str, &[u8])] = &[
        ("bao-cao.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("bao-cao.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"),
        (
            "bao-cao.odt",
            b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0mimetypeapplication/vnd.oasis.opendocument.text",
        ),
        // Saved as .pdf but named .docx: recognised by its content.
        ("doi-ten.docx", b"%PDF-1.4\n"),
    ];
    for (name, bytes) in forms {
        fs::write(tmp.path().join(name), bytes).expect("write");
        let (code, stdout, stderr) = run(tmp.path(), &["collect", "chu-ky", name]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{name}: {stderr}");
        let first = stderr.lines().next().expect("a line");
        assert!(
            first.starts_with("error[form-unreadable]: tệp này là "),
            "{name}: {first}"
        );
        assert!(
            first.contains(
                "không phải DOCX: mở bằng Word hoặc LibreOffice rồi lưu lại dạng .docx (Word)"
            ),
            "{name}: {first}"
        );
        assert!(first.ends_with(&format!("({name})")), "{name}: {first}");
        assert!(!cycle.join("results").exists(), "{name}: nothing written");
    }
    let (code, _, en) = run(
        tmp.path(),
        &["collect", "chu-ky", "bao-cao.odt", "--lang", "en"],
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("en_odt_form", en);
    let (code, json, _) = run(
        tmp.path(),
        &["collect", "chu-ky", "bao-cao.pdf", "--format", "json"],
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("json_pdf_form", json);
}

#[test]
fn stats_on_data_that_breaks_rules_exits_1_with_the_summary() {
    let tmp = TempDir::new().expect("temp dir");
    let cycle = common::fixture("invalid/quota-excellent");
    let cycle = cycle.to_str().expect("utf-8");
    let (code, stdout, stderr) = run(tmp.path(), &["stats", cycle]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[quota-excellent]"), "{stderr}");
    assert!(stderr.trim_end().ends_with("1 lỗi, 0 cảnh báo"), "{stderr}");
    assert!(!stdout.is_empty(), "the figures are still printed");
    let (code, stdout, stderr) = run(tmp.path(), &["stats", cycle, "--format", "json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error[quota-excellent]"), "{stderr}");
    let figures: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is the figures");
    assert!(figures.is_object());
    // Clean data: exit 0 as before.
    let (code, _, _) = run(
        tmp.path(),
        &[
            "stats",
            common::fixture("quang-binh-2022").to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn english_counts_are_singular_for_one() {
    let tmp = TempDir::new().expect("temp dir");
    let cycle = common::fixture("invalid/quota-excellent");
    let (_, _, stderr) = run(
        tmp.path(),
        &["check", cycle.to_str().expect("utf-8"), "--lang", "en"],
    );
    assert!(
        stderr.trim_end().ends_with("1 error, 0 warnings"),
        "{stderr}"
    );
    let (_, _, stderr) = run(
        tmp.path(),
        &["init", "moi", "--year", "2025", "--lang", "en"],
    );
    assert_eq!(stderr, "");
    let (_, _, stderr) = run(
        tmp.path(),
        &["build", "moi", "--draft", "-o", "out", "--lang", "en"],
    );
    let done = stderr.lines().last().expect("a line");
    assert!(done.starts_with("Wrote "), "{stderr}");
    assert!(
        !done.contains(" 1 files") && !done.contains(" 1 documents"),
        "{done}"
    );
}

#[test]
fn the_caret_underlines_the_value_not_a_trailing_comment() {
    let tmp = TempDir::new().expect("temp dir");
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input/comment-after-value");
    common::copy_dir(&case, &tmp.path().join("ca"));
    let (code, _, stderr) = run(tmp.path(), &["check", "ca"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("# ngày công văn"))
        .expect("the line");
    assert_eq!(lines[at + 1], "   |         ^^^^^^^^^^", "{stderr}");
}

// ------------------------------------------------------------------ JSON

/// `vanban args…` in `cwd` with `--format json`: exit 0, empty stderr, the
/// JSON object on stdout.
fn json(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(cwd, &[args, &["--format", "json"][..]].concat());
    assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    serde_json::from_str(&stdout).expect("one JSON value")
}

#[test]
fn init_new_cycle_build_and_collect_speak_json() {
    let tmp = TempDir::new().expect("temp dir");
    let init = json(tmp.path(), &["init", "moi", "--year", "2025"]);
    insta::assert_snapshot!(
        "json_init",
        serde_json::to_string_pretty(&init).expect("json")
    );

    common::copy_dir(&common::fixture("quang-binh-2022"), &tmp.path().join("qb"));
    let rolled = json(
        tmp.path(),
        &["new-cycle", "qb", "--year", "2023", "-o", "qb-2023"],
    );
    let moved = rolled["moved"].as_array().expect("moved");
    assert!(moved.iter().all(|m| m.get("working_day").is_none()));
    // 30/12/2023 is a Saturday: moved back to Friday 29/12.
    assert!(
        moved
            .iter()
            .any(|m| m["field"] == "schedule.issuer_report_due"
                && m["to"] == "2023-12-29"
                && m["moved_to_working_day"] == true)
    );
    insta::assert_snapshot!(
        "json_new_cycle",
        serde_json::to_string_pretty(&rolled).expect("json")
    );

    common::copy_dir(
        &common::fixture("other-committee-2024"),
        &tmp.path().join("oc"),
    );
    let (code, stdout, _) = run(
        tmp.path(),
        &["build", "oc", "-o", "out", "--format", "json"],
    );
    assert_eq!(code, 0);
    let built: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let listed: usize = built["written"]
        .as_object()
        .expect("by kind")
        .values()
        .map(|files| files.as_array().expect("files").len())
        .sum();
    let mut on_disk = 0;
    let mut stack = vec![tmp.path().join("out")];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(dir).expect("read") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name() != Some(".vanban-manifest.json".as_ref()) {
                // The manifest is OUT's bookkeeping, not a document.
                on_disk += 1;
            }
        }
    }
    assert_eq!(listed, on_disk, "every file written is listed");
    insta::assert_snapshot!(
        "json_build",
        serde_json::to_string_pretty(&built).expect("json")
    );
}
