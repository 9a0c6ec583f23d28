//! Issue 12: every sentence a document prints is what the data says.
//! A sentence of absence ("không có …", "không nêu …", "vắng mặt: 0")
//! appears only when the data states it; what the data does not know is
//! a dotted blank for the clerk. A sentence cites each document once.
//! Runs the real binary on edited copies of the fixtures.

mod common;

use common::{copy_dir, fixture, squash, vanban};
use std::path::{Path, PathBuf};

/// A copy of a fixture in a temp dir, changed by `edit(dir)`.
fn edited(name: &str, edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join(name);
    copy_dir(&fixture(name), &dir);
    edit(&dir);
    (tmp, dir)
}

fn replace_in(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{} lacks `{from}`", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).expect("write");
}

/// Builds `dir` into `dir/../out` and returns the Markdown of `rel`, squashed.
fn built(dir: &Path, rel: &str) -> String {
    let out = dir.with_file_name("out");
    let run = vanban(&[
        "build",
        dir.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    squash(&std::fs::read_to_string(out.join(rel)).expect("read output"))
}

/// The sentence of `text` (up to the next full stop) that starts with `start`.
fn sentence<'a>(text: &'a str, start: &str) -> &'a str {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in {text}"));
    let rest = &text[at..];
    let end = rest[start.len()..]
        .find(". ")
        .map_or(rest.len(), |e| start.len() + e + 1);
    &rest[..end]
}

// ---------------------------------------------------------------------------
// One citation per document per sentence
// ---------------------------------------------------------------------------

/// The committee's `vote_rule` is the national regulation itself (what
/// `vanban init` writes): 262-QĐ/TW for a 2022 review.
fn vote_rule_is_the_regulation(dir: &Path) {
    let cycle = dir.join("cycle.yaml");
    replace_in(
        &cycle,
        "references:\n",
        "references:\n  qd262-tw: { number: 262-QĐ/TW, kind: Quy định, date: 2014-10-08, by: Bộ Chính trị }\n",
    );
    replace_in(&cycle, "  vote_rule: qd06-duk", "  vote_rule: qd262-tw");
}

#[test]
fn the_vote_regulation_is_cited_once_when_it_is_the_committees_rule() {
    let (_tmp, dir) = edited("quang-binh-2022", vote_rule_is_the_regulation);
    let minutes = built(&dir, "bien-ban-kiem-phieu.md");
    let opening = sentence(&minutes, "Hôm nay,");
    assert_eq!(opening.matches("262-QĐ/TW").count(), 1, "{opening}");
    assert!(opening.contains("theo Quy định số 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị."));
    let report = built(&dir, "bao-cao-tong-hop.md");
    let vote = sentence(&report, "Ngày 16/12/2022,");
    assert_eq!(vote.matches("262-QĐ/TW").count(), 1, "{vote}");
}

#[test]
fn a_committee_rule_other_than_the_regulation_is_still_cited_beside_it() {
    let (_tmp, dir) = edited("quang-binh-2022", |_| {});
    let minutes = built(&dir, "bien-ban-kiem-phieu.md");
    let opening = sentence(&minutes, "Hôm nay,");
    assert!(opening.contains(
        "theo Quy định số 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị và Quy định số 06-QĐ/ĐUK của Ban Thường vụ Đảng ủy Khối."
    ), "{opening}");
}

#[test]
fn a_document_in_two_roles_of_one_directive_sentence_is_cited_once() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        let cycle = dir.join("cycle.yaml");
        // kh79-duk is already in `implement`; qd06-duk twice in `basis`.
        replace_in(
            &cycle,
            "  linked: [kl21-tw,",
            "  linked: [kh79-duk, kl21-tw,",
        );
        replace_in(
            &cycle,
            "  basis: [cv414-duk, qd06-duk]",
            "  basis: [cv414-duk, qd06-duk, qd06-duk]",
        );
    });
    let directive = built(&dir, "cong-van.md");
    let first = sentence(&directive, "1. Tiếp tục quán triệt");
    assert_eq!(first.matches("79-KH/ĐUK").count(), 1, "{first}");
    assert!(
        first.contains("gắn với thực hiện Kết luận số 21-KL/TW"),
        "{first}"
    );
    let basis = sentence(&directive, "Thực hiện");
    assert_eq!(basis.matches("06-QĐ/ĐUK").count(), 1, "{basis}");
    let report = built(&dir, "bao-cao-tong-hop.md");
    let basis = sentence(&report, "Thực hiện");
    assert_eq!(basis.matches("06-QĐ/ĐUK").count(), 1, "{basis}");
}
