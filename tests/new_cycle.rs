//! `vanban new-cycle` and `build --draft`, through the real binary: the
//! 2022 Quảng Bình cycle rolled to 2023 (placeholders reported, a highlighted
//! draft, then filled in and built for real) and to 2026 (the qd366-2025
//! set); an occupied target folder refused.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn stdout(run: &Output) -> String {
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// Rolls `from` to `year` into `<tmp>/new`; asserts success.
fn new_cycle(from: &Path, year: i32, tmp: &Path) -> PathBuf {
    let new = tmp.join("new");
    let run = vanban(&[
        "new-cycle",
        s(from),
        "--year",
        &year.to_string(),
        "-o",
        s(&new),
    ]);
    assert!(run.status.success(), "new-cycle failed: {}", stderr(&run));
    new
}

/// (code, field path) of every diagnostic `check --format json` reports.
fn check_json(cycle: &Path) -> (Option<i32>, BTreeSet<(String, String)>) {
    let run = vanban(&["check", s(cycle), "--format", "json"]);
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(&run.stdout).expect("check prints JSON");
    let found = items
        .iter()
        .map(|d| {
            let field = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (field("code"), field("path"))
        })
        .collect();
    (run.status.code(), found)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable file")
}

/// Replaces the first `from` in `T/cycle.yaml` by `to` (the test's clerk
/// filling in a placeholder).
fn fill(cycle: &Path, from: &str, to: &str) {
    let file = cycle.join("cycle.yaml");
    let text = read(&file);
    assert!(text.contains(from), "no {from} in cycle.yaml");
    std::fs::write(&file, text.replacen(from, to, 1)).expect("write cycle.yaml");
}

const PLACEHOLDERS_2023: [&str; 7] = [
    "directive.number",
    "report.number",
    "decision.number",
    "references.cv414-duk.number",
    "references.cv414-duk.date",
    "references.kh09-duvp.number",
    "references.kh09-duvp.date",
];

#[test]
fn roll_to_2023_draft_then_fill_and_build() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let new = new_cycle(&fixture("quang-binh-2022"), 2023, tmp.path());
    let yaml = read(&new.join("cycle.yaml"));
    for line in [
        "year: 2023",
        "rules: qd124-2023",
        // 20/12/2023 is a Wednesday; 30/12/2023 a Saturday; 12/11/2023 a Sunday.
        "branch_report_due: 2023-12-20",
        "issuer_report_due: 2023-12-29",
        "date: 2023-11-10",
        "number: 124-QĐ/TW",
        "number: 25-HD/BTCTW",
    ] {
        assert!(yaml.contains(line), "no `{line}` in:\n{yaml}");
    }
    for stale in ["132-QĐ/TW", "21-HD/BTCTW", "2022-11-12", "number: 94"] {
        assert!(!yaml.contains(stale), "`{stale}` left in:\n{yaml}");
    }
    assert!(!new.join("results").exists() && !new.join("votes.yaml").exists());

    // check: one placeholder-left error per field to fill, nothing else.
    let (code, found) = check_json(&new);
    assert_eq!(code, Some(1));
    let expected: BTreeSet<(String, String)> = PLACEHOLDERS_2023
        .iter()
        .map(|f| ("placeholder-left".to_string(), f.to_string()))
        .collect();
    assert_eq!(found, expected);

    // build --draft: written anyway, marked and highlighted.
    let draft = tmp.path().join("draft");
    let run = vanban(&["build", s(&new), "--draft", "-o", s(&draft)]);
    assert!(run.status.success(), "draft failed: {}", stderr(&run));
    assert!(stderr(&run).contains("warning[placeholder-left]"));
    let docx = draft.join("cong-van.docx");
    assert_eq!(docx_paragraphs(&docx)[0], "DỰ THẢO");
    let xml = docx_part(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:highlight w:val="yellow""#));
    let paragraphs = squash(&docx_paragraphs(&docx).join(" "));
    assert!(
        paragraphs.contains("Số [số công văn]-CV/ĐUVP"),
        "{paragraphs}"
    );
    assert!(paragraphs.contains("Công văn số […-CV/ĐUK] ngày […/…/2023]"));
    let md = read(&draft.join("cong-van.md"));
    assert!(md.starts_with("**DỰ THẢO**"));
    assert!(md.contains("Số <mark>**[số công văn]**</mark>-CV/ĐUVP"));
    assert!(!md.contains("[["), "raw placeholder left in the draft");

    // The clerk fills the placeholders in; the real build goes through.
    fill(&new, "'[[số công văn]]'", "98");
    fill(&new, "'[[số báo cáo]]'", "105");
    fill(&new, "'[[số quyết định]]'", "106");
    fill(&new, "'[[…-CV/ĐUK]]'", "520-CV/ĐUK");
    fill(&new, "'[[…/…/2023]]'", "2023-11-08");
    fill(&new, "'[[…-KH/ĐUVP]]'", "15-KH/ĐUVP");
    fill(&new, "'[[…/…/2023]]'", "2023-03-20");
    let (code, found) = check_json(&new);
    assert_eq!(code, Some(0), "{found:?}");
    assert!(found.iter().all(|(c, _)| c != "stale-year"), "{found:?}");
    let (_guard, out) = build(&new);
    let docx = out.join("cong-van.docx");
    assert_ne!(docx_paragraphs(&docx)[0], "DỰ THẢO");
    assert!(!docx_part(&docx, "word/document.xml").contains("w:highlight"));
    let text = squash(&docx_paragraphs(&docx).join(" "));
    for wanted in [
        "Số 98-CV/ĐUVP",
        "Quảng Bình, ngày 10 tháng 11 năm 2023",
        "Công văn số 520-CV/ĐUK ngày 08 tháng 11 năm 2023",
        "Quy định số 124-QĐ/TW ngày 04/10/2023",
        "Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023",
        "Kế hoạch số 15-KH/ĐUVP ngày 20/3/2023",
        "xếp loại chất lượng tập thể, cá nhân năm 2023",
        "xếp loại chất lượng năm 2023",
        "cá nhân năm 2022 chưa đúng quy định",
        "trước ngày 20/12/2023",
        "trước ngày 29/12/2023",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in:\n{text}");
    }
    for gone in ["132-QĐ/TW", "21-HD/BTCTW", "năm 2021"] {
        assert!(!text.contains(gone), "`{gone}` still cited");
    }
}

/// A 2022 cycle whose directive takes the vote under Quy định 262-QĐ/TW.
fn with_vote_rule_262(dest: &Path) {
    copy_dir(&fixture("quang-binh-2022"), dest);
    let file = dest.join("cycle.yaml");
    let text = read(&file)
        .replace(
            "  nq21-tw:",
            "  qd262-tw: { number: 262-QĐ/TW, kind: Quy định, date: 2014-10-08, by: Bộ Chính trị }\n  nq21-tw:",
        )
        .replace("  vote_rule: qd06-duk", "  vote_rule: qd262-tw");
    std::fs::write(&file, text).expect("write cycle.yaml");
}

#[test]
fn roll_to_2026_takes_the_qd366_set() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let old = tmp.path().join("old");
    with_vote_rule_262(&old);
    let check_old = vanban(&["check", s(&old)]);
    assert!(check_old.status.success(), "{}", stderr(&check_old));
    let new = new_cycle(&old, 2026, tmp.path());
    let yaml = read(&new.join("cycle.yaml"));
    assert!(yaml.contains("rules: qd366-2025"));
    for gone in ["132-QĐ/TW", "21-HD/BTCTW", "262-QĐ/TW"] {
        assert!(!yaml.contains(gone), "`{gone}` left in:\n{yaml}");
    }
    let draft = tmp.path().join("draft");
    let run = vanban(&["build", s(&new), "--draft", "-o", s(&draft)]);
    assert!(run.status.success(), "draft failed: {}", stderr(&run));
    let text = squash(&read(&draft.join("cong-van.md")));
    for wanted in [
        "Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
        "Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương",
        "lấy phiếu tín nhiệm theo Quy định số 96-QĐ/TW ngày 02/02/2023",
        "xếp loại chất lượng năm 2026",
        "cá nhân năm 2025 chưa đúng quy định",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in:\n{text}");
    }
}

#[test]
fn an_occupied_target_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let target = tmp.path().join("new");
    std::fs::create_dir_all(&target).expect("mkdir");
    std::fs::write(target.join("ghi-chu.txt"), "của tôi").expect("write");
    let from = fixture("quang-binh-2022");
    let run = vanban(&["new-cycle", s(&from), "--year", "2023", "-o", s(&target)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("không ghi đè"), "{}", stderr(&run));
    let names: Vec<_> = std::fs::read_dir(&target)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["ghi-chu.txt"]);
    assert_eq!(read(&target.join("ghi-chu.txt")), "của tôi");
    // Nothing was left beside it either (no staging folder).
    assert_eq!(std::fs::read_dir(tmp.path()).expect("list").count(), 1);
}

#[test]
fn an_empty_target_is_used_and_templates_are_copied() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let old = tmp.path().join("old");
    copy_dir(&fixture("quang-binh-2022"), &old);
    std::fs::create_dir_all(old.join("templates")).expect("mkdir");
    let template = "Nội dung riêng năm {{ year }}.\n";
    std::fs::write(old.join("templates/cong-van.md"), template).expect("write");
    std::fs::create_dir_all(tmp.path().join("new")).expect("mkdir");
    let new = new_cycle(&old, 2023, tmp.path());
    assert_eq!(read(&new.join("templates/cong-van.md")), template);
}

#[test]
fn wrong_year_is_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let target = tmp.path().join("new");
    let from = fixture("quang-binh-2022");
    for year in ["2022", "2017"] {
        let run = vanban(&["new-cycle", s(&from), "--year", year, "-o", s(&target)]);
        assert_eq!(run.status.code(), Some(2), "{year}");
        assert!(!target.exists());
    }
}

#[test]
fn the_summary_lists_placeholders_to_fill() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let new = tmp.path().join("new");
    let from = fixture("quang-binh-2022");
    let run = vanban(&["new-cycle", s(&from), "--year", "2023", "-o", s(&new)]);
    let out = stdout(&run);
    assert!(
        out.contains("thay văn bản 132-QĐ/TW bằng 124-QĐ/TW"),
        "{out}"
    );
    assert!(out.contains("directive.date: 12/11/2022 → 10/11/2023 (lùi về ngày làm việc)"));
    for field in PLACEHOLDERS_2023 {
        assert!(
            out.contains(&format!("  {field}: [[")),
            "{field} not listed:\n{out}"
        );
    }
}

#[test]
fn numbers_take_a_placeholder_but_no_other_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("c");
    copy_dir(&fixture("quang-binh-2022"), &dir);
    let file = dir.join("cycle.yaml");
    let original = read(&file);
    std::fs::write(
        &file,
        original.replace("  number: 94", "  number: \"[[số]]\""),
    )
    .expect("write");
    let (code, found) = check_json(&dir);
    assert_eq!(code, Some(1));
    assert!(found.contains(&("placeholder-left".into(), "directive.number".into())));
    std::fs::write(&file, original.replace("  number: 94", "  number: chín tư")).expect("write");
    let (code, found) = check_json(&dir);
    assert_eq!(code, Some(2));
    assert!(
        found.contains(&("input-yaml".into(), "directive.number".into())),
        "{found:?}"
    );
}
