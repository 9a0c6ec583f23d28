//! The confidence vote's consequences by regulation (rules.md,
//! `vote-threshold`): the vote-count minutes and the consolidated report
//! state what the regulation in force says — Quy định 262-QĐ/TW for a 2022
//! vote (over half: not planned for a higher post; 2/3: removal or
//! resignation considered), Quy định 96-QĐ/TW from 2023 (over half:
//! removal, reassignment or resignation considered; 2/3: removal without
//! waiting for the term's end). Runs the real binary on fixture copies
//! whose votes put one person over half and one over 2/3.

mod common;

use common::{build, copy_dir, fixture, squash};
use std::path::Path;

/// 262-QĐ/TW's two consequences, as the documents word them.
const QD262_OVER_HALF: &str = "trên 50%: không quy hoạch lên chức vụ cao hơn";
const QD262_TWO_THIRDS: &str =
    "từ 2/3 trở lên: cấp có thẩm quyền xem xét cho thôi giữ chức vụ hoặc cho từ chức";
/// 96-QĐ/TW's two consequences.
const QD96_OVER_HALF: &str = "trên 50% đến dưới 2/3: cấp có thẩm quyền xem xét cho thôi giữ chức vụ, bố trí công tác khác hoặc cho từ chức";
const QD96_TWO_THIRDS: &str =
    "từ 2/3 trở lên: cấp có thẩm quyền cho thôi giữ chức vụ, không chờ hết nhiệm kỳ";

fn read(path: &Path) -> String {
    squash(&std::fs::read_to_string(path).expect("document written"))
}

/// Replaces the three counts of the person named `name` in votes.yaml
/// (written one key a line, as the fixtures are).
fn set_counts(votes: &str, name: &str, counts: (u32, u32, u32)) -> String {
    let mut out = Vec::new();
    let mut current = false;
    for line in votes.lines() {
        if let Some(n) = line.trim().strip_prefix("- name: ") {
            current = n == name;
        }
        let key = line.trim().split(':').next().unwrap_or("");
        let value = match key {
            "high" => Some(counts.0),
            "trust" => Some(counts.1),
            "low" => Some(counts.2),
            _ => None,
        };
        match value.filter(|_| current) {
            Some(v) => out.push(format!("    {key}: {v}")),
            None => out.push(line.to_owned()),
        }
    }
    out.join("\n") + "\n"
}

/// A copy of `name` whose votes are changed by `edit`.
fn with_votes(name: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture(name), tmp.path());
    let file = tmp.path().join("votes.yaml");
    let votes = std::fs::read_to_string(&file).expect("votes.yaml");
    std::fs::write(&file, edit(&votes)).expect("write votes.yaml");
    tmp
}

/// The sentence of one person in a document, from "Đồng chí <name>," to
/// the end of its line.
fn line_of<'a>(text: &'a str, name: &str) -> &'a str {
    let start = text
        .find(&format!("- Đồng chí {name},"))
        .unwrap_or_else(|| panic!("no line for {name}"));
    let rest = &text[start..];
    let end = rest[2..].find("- ").map_or(rest.len(), |i| i + 2);
    &rest[..end]
}

#[test]
fn a_2022_vote_states_the_consequences_of_qd262() {
    // 44 valid of 45 returned; percentages over 45 returned.
    let cycle = with_votes("quang-binh-2022", |v| {
        let v = set_counts(v, "Lê Thị Kim Dung", (15, 5, 24)); // 24/45 = 53,3%
        set_counts(&v, "Trần Đức Thắng", (10, 4, 30)) // 30/45 = 2/3
    });
    let (_tmp, out) = build(cycle.path());
    for doc in ["bien-ban-kiem-phieu.md", "bao-cao-tong-hop.md"] {
        let text = read(&out.join(doc));
        let over_half = line_of(&text, "Lê Thị Kim Dung");
        assert!(over_half.contains("24/45"), "{doc}: {over_half}");
        assert!(over_half.contains(QD262_OVER_HALF), "{doc}: {over_half}");
        let two_thirds = line_of(&text, "Trần Đức Thắng");
        assert!(two_thirds.contains(QD262_TWO_THIRDS), "{doc}: {two_thirds}");
        // 2/3 or more is listed first.
        assert!(text.find("Trần Đức Thắng,") < text.find("Lê Thị Kim Dung,"));
        // Nothing of 96-QĐ/TW's consequences.
        assert!(!text.contains("không chờ hết nhiệm kỳ"), "{doc}");
        assert!(!text.contains("bố trí công tác khác"), "{doc}");
    }
    let minutes = read(&out.join("bien-ban-kiem-phieu.md"));
    assert!(minutes.contains(
        "Theo Quy định số 262-QĐ/TW ngày 08/10/2014, người có trên 50% tổng số phiếu đánh giá “tín nhiệm thấp” thì không quy hoạch lên chức vụ cao hơn"
    ));
}

#[test]
fn a_2026_vote_states_the_consequences_of_qd96() {
    // 11 returned: 6 is over half (54,5%), 8 is over 2/3 (72,7%). Neither is
    // a member of a branch, so low-confidence-rating does not apply.
    let cycle = with_votes("qd366-2026", |v| {
        let v = v.replace(
            "Trần Văn Hùng\n    position",
            "Đặng Quốc Việt\n    position",
        );
        let v = v.replace("Võ Minh Quân\n    position", "Hồ Thị Ngân\n    position");
        let v = set_counts(&v, "Đặng Quốc Việt", (3, 2, 6));
        set_counts(&v, "Hồ Thị Ngân", (2, 1, 8))
    });
    let (_tmp, out) = build(cycle.path());
    for doc in ["bien-ban-kiem-phieu.md", "bao-cao-tong-hop.md"] {
        let text = read(&out.join(doc));
        let over_half = line_of(&text, "Đặng Quốc Việt");
        assert!(over_half.contains("6/11"), "{doc}: {over_half}");
        assert!(over_half.contains(QD96_OVER_HALF), "{doc}: {over_half}");
        let two_thirds = line_of(&text, "Hồ Thị Ngân");
        assert!(two_thirds.contains(QD96_TWO_THIRDS), "{doc}: {two_thirds}");
        assert!(!text.contains("không quy hoạch"), "{doc}");
    }
    let minutes = read(&out.join("bien-ban-kiem-phieu.md"));
    assert!(minutes.contains(
        "Theo Quy định số 96-QĐ/TW ngày 02/02/2023, người có trên 50% đến dưới 2/3 tổng số phiếu đánh giá “tín nhiệm thấp” thì cấp có thẩm quyền xem xét cho thôi giữ chức vụ, bố trí công tác khác hoặc cho từ chức"
    ));
}

#[test]
fn under_half_has_no_consequence() {
    // 11 returned (qd366-2026): 5 is under half — nothing is stated.
    let cycle = with_votes("qd366-2026", |v| set_counts(v, "Võ Minh Quân", (4, 2, 5)));
    let (_tmp, out) = build(cycle.path());
    let minutes = read(&out.join("bien-ban-kiem-phieu.md"));
    assert!(minutes.contains("Không có đồng chí nào có trên 50% tổng số phiếu"));
    assert!(!minutes.contains("- Đồng chí Võ Minh Quân,"));
}
