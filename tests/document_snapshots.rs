//! Snapshots (insta) of the documents themselves: the Markdown of every
//! document `vanban build` writes for the built-in example (the 2022 Quảng
//! Bình cycle, `vanban build` with no CYCLE) and for
//! `fixtures/other-committee-2024`, one snapshot per document, named by its
//! output path (`example__chi-bo__kinh-te__bao-cao.md`).
//!
//! Why they are right: each snapshot was read once, sentence by sentence,
//! against the data it comes from — `fixtures/quang-binh-2022/` (the
//! built-in example: cycle.yaml, results/*.yaml, votes.yaml) and
//! `fixtures/other-committee-2024/cycle.yaml` — and, for the directive,
//! against the real 2022 công văn 94-CV/ĐUVP (`seeds/000_…txt` of the design
//! folder): numbers, dates, names, counts and percentages are the data's;
//! what the data does not know is a dotted blank for the clerk.
//!
//! What they are for: any later change to a template, the header/closing
//! blocks or a figure changes the wording of some document, and that change
//! then shows up here as a diff to review. To review one: run
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test
//! document_snapshots` and read `git diff tests/snapshots`), read the diff as
//! the clerk would read the paper — is each changed sentence still backed by
//! the data? are the diacritics right? — and accept only then.
//!
//! The set of documents is asserted too: a document kind that appears or
//! disappears fails the test before any snapshot is compared.

mod common;

use std::path::Path;

/// Every `.md` under `out`, as (path relative to `out` with `/`, text),
/// sorted by path so the order is stable on every platform.
fn markdown_files(out: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    collect_md(out, out, &mut found);
    found.sort();
    found
}

fn collect_md(root: &Path, dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("read output dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            collect_md(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "md") {
            let rel = path.strip_prefix(root).expect("under the output dir");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_str().expect("ASCII file names"))
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&path).expect("UTF-8 Markdown");
            found.push((rel, text));
        }
    }
}

/// Snapshots every document in `out` under `prefix__<path with / as __>`
/// after checking the list of documents is `expected`. Members' self-review
/// forms (`chi-bo/<id>/ban-kiem-diem/<nn>-<slug>.md`) are one per roster row
/// of `cycle` (counted here from its YAML); the first of each branch is
/// snapshotted, the others differ only in the pre-filled member.
fn snapshot_all(prefix: &str, out: &Path, cycle: &Path, expected: &[&str]) {
    let (forms, docs): (Vec<_>, Vec<_>) = markdown_files(out)
        .into_iter()
        .partition(|(p, _)| p.contains("/ban-kiem-diem/"));
    let paths: Vec<&str> = docs.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, expected, "the set of documents changed");
    let yaml = common::yaml(&cycle.join("cycle.yaml"));
    for branch in yaml["branches"].as_sequence().expect("branches") {
        let id = branch["id"].as_str().expect("id");
        let roster = branch["roster"].as_sequence().map_or(0, Vec::len);
        let dir = format!("chi-bo/{id}/ban-kiem-diem/");
        let mine: Vec<&str> = forms
            .iter()
            .map(|(p, _)| p.as_str())
            .filter(|p| p.starts_with(&dir))
            .collect();
        assert_eq!(mine.len(), roster, "{id}: one self-review form per member");
        for (n, path) in mine.iter().enumerate() {
            assert!(path.starts_with(&format!("{dir}{:02}-", n + 1)), "{path}");
        }
    }
    let first = forms
        .iter()
        .filter(|(p, _)| p.contains("/ban-kiem-diem/01-"));
    for (rel, text) in docs.iter().chain(first) {
        let name = format!("{prefix}__{}", rel.replace('/', "__"));
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn builtin_example_documents() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(tmp.path())
        .arg("build")
        .output()
        .expect("run vanban");
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let branches = [
        "hanh-chinh-to-chuc",
        "khoa-giao-van-xa",
        "kinh-te",
        "noi-chinh",
        "quan-tri-tai-vu",
        "tong-hop",
    ];
    let mut expected = vec![
        "bao-cao-tong-hop.md".to_string(),
        "bien-ban-kiem-phieu.md".to_string(),
    ];
    for b in branches {
        expected.push(format!("chi-bo/{b}/bao-cao.md"));
        expected.push(format!("chi-bo/{b}/bien-ban-kiem-diem.md"));
        expected.push(format!("chi-bo/{b}/phieu-danh-gia.md"));
    }
    expected.push("cong-van.md".to_string());
    expected.push("phieu-tin-nhiem.md".to_string());
    expected.push("quyet-dinh-xep-loai.md".to_string());
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    let cycle = common::fixture("quang-binh-2022");
    snapshot_all("example", &tmp.path().join("out"), &cycle, &expected);
}

#[test]
fn other_committee_2024_documents() {
    let cycle = common::fixture("other-committee-2024");
    let (_tmp, out) = common::build(&cycle);
    snapshot_all(
        "other_committee_2024",
        &out,
        &cycle,
        &[
            "chi-bo/gia-cong-san/bao-cao.md",
            "chi-bo/gia-cong-san/bien-ban-kiem-diem.md",
            "chi-bo/gia-cong-san/phieu-danh-gia.md",
            "chi-bo/quan-ly-ngan-sach/bao-cao.md",
            "chi-bo/quan-ly-ngan-sach/bien-ban-kiem-diem.md",
            "chi-bo/quan-ly-ngan-sach/phieu-danh-gia.md",
            "chi-bo/van-phong/bao-cao.md",
            "chi-bo/van-phong/bien-ban-kiem-diem.md",
            "chi-bo/van-phong/phieu-danh-gia.md",
            "cong-van.md",
        ],
    );
}
