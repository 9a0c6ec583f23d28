//! `vanban init`: a starter cycle that loads, whose only errors are the
//! placeholders to fill, that drafts, and that builds once filled.

mod common;

use common::*;
use std::path::Path;

fn codes(json: &[u8]) -> Vec<String> {
    let items: serde_json::Value = serde_json::from_slice(json).expect("json diagnostics");
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_string())
        .collect()
}

fn init(dir: &Path, year: &str) -> std::process::Output {
    vanban(&["init", dir.to_str().expect("path"), "--year", year])
}

#[test]
fn the_starter_only_asks_for_its_placeholders() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("c");
    assert!(init(&dir, "2026").status.success());
    let check = vanban(&["check", dir.to_str().expect("p"), "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let codes = codes(&check.stdout);
    assert!(codes.len() >= 10, "{codes:?}");
    assert!(codes.iter().all(|c| c == "placeholder-left"), "{codes:?}");
    let out = tmp.path().join("draft");
    let draft = vanban(&[
        "build",
        dir.to_str().expect("p"),
        "--draft",
        "-o",
        out.to_str().expect("p"),
    ]);
    assert!(
        draft.status.success(),
        "{}",
        String::from_utf8_lossy(&draft.stderr)
    );
    assert!(out.join("cong-van.docx").is_file());
}

#[test]
fn a_filled_starter_builds_with_the_regulations_in_force() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("c");
    assert!(init(&dir, "2026").status.success());
    let path = dir.join("cycle.yaml");
    let yaml = std::fs::read_to_string(&path).expect("cycle.yaml");
    let filled = yaml
        .replace("'[[số công văn]]'", "12")
        .replace("'[[số báo cáo]]'", "30")
        .replace("'[[Số, ví dụ 414-CV/ĐUK]]'", "520-CV/ĐUK")
        .replace("'[[Ngày ban hành, NNNN-TT-NN]]'", "2026-11-05")
        .replace("'[[Ký hiệu, ví dụ ĐUVP]]'", "ĐUSXD")
        .replace("'[[Ký hiệu, ví dụ ĐUK]]'", "ĐUK");
    let filled = filled
        .lines()
        .map(|line| match (line.find("'[["), line.rfind("]]'")) {
            (Some(a), Some(b)) => format!("{}Tên đã điền{}", &line[..a], &line[b + 3..]),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, filled).expect("write");
    let (_guard, out) = build(&dir);
    let text = squash(&docx_paragraphs(&out.join("cong-van.docx")).join(" "));
    assert!(
        text.contains("Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị"),
        "{text}"
    );
    assert!(
        text.contains("Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025"),
        "{text}"
    );
    assert!(text.contains("Số 12-CV/ĐUSXD"), "{text}");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("notes.txt"), "x").expect("write");
    let run = init(tmp.path(), "2026");
    assert_eq!(run.status.code(), Some(2));
    assert!(!tmp.path().join("cycle.yaml").exists());
}

#[test]
fn the_same_year_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(init(&a, "2023").status.success());
    assert!(init(&b, "2023").status.success());
    let read = |d: &Path| std::fs::read(d.join("cycle.yaml")).expect("read");
    assert_eq!(read(&a), read(&b));
    assert!(
        String::from_utf8(read(&a))
            .expect("utf-8")
            .contains("rules: qd124-2023")
    );
}
