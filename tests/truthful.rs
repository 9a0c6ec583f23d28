//! Issue 12: every sentence a document prints is what the data says.
//! A sentence of absence ("không có …", "không nêu …", "vắng mặt: 0")
//! appears only when the data states it; what the data does not know is
//! a dotted blank for the clerk. A sentence cites each document once.
//! Runs the real binary on edited copies of the fixtures.

mod common;

use common::{edited, replace_in, squash, vanban};
use std::path::Path;

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

// ---------------------------------------------------------------------------
// No sentence of absence unless the data states it
// ---------------------------------------------------------------------------

const RESULTS: [&str; 6] = [
    "tong-hop",
    "kinh-te",
    "noi-chinh",
    "khoa-giao-van-xa",
    "hanh-chinh-to-chuc",
    "quan-tri-tai-vu",
];

/// Sets (or, with `None`, removes) the line of `results/<id>.yaml` that
/// starts with `key` (indented as in the file).
fn set_line(dir: &Path, id: &str, key: &str, value: Option<&str>) {
    let file = dir.join(format!("results/{id}.yaml"));
    let text = std::fs::read_to_string(&file).expect("read");
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .filter_map(|l| match l.starts_with(key) {
            true => {
                found = true;
                value.map(|v| format!("{key} {v}"))
            }
            false => Some(l.to_owned()),
        })
        .collect();
    assert!(found, "{} lacks `{key}`", file.display());
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
}

/// Adds `line` to the `meeting` block of `results/<id>.yaml`.
fn add_to_meeting(dir: &Path, id: &str, line: &str) {
    let file = dir.join(format!("results/{id}.yaml"));
    replace_in(&file, "meeting:\n", &format!("meeting:\n  {line}\n"));
}

const MINUTES: &str = "chi-bo/tong-hop/bien-ban-kiem-diem.md";

#[test]
fn review_minutes_state_attendance_only_when_recorded() {
    // tong-hop.yaml records no attendance: blanks, never "vắng mặt: 0".
    let (_tmp, dir) = edited("quang-binh-2022", |_| {});
    let unknown = built(&dir, MINUTES);
    assert!(
        unknown.contains("có mặt: …… đồng chí; vắng mặt: …… đồng chí."),
        "{unknown}"
    );
    assert!(unknown.contains("Đảng viên vắng mặt (họ tên, lý do):"));
    assert!(!unknown.contains("vắng mặt: 0"));

    // `absent: []`: everyone was present.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        add_to_meeting(dir, "tong-hop", "absent: []")
    });
    let all = built(&dir, MINUTES);
    assert!(
        all.contains(
            "Tổng số đảng viên của chi bộ: 12 đồng chí; có mặt: 12 đồng chí; vắng mặt: 0 đồng chí."
        ),
        "{all}"
    );
    assert!(!all.contains("Đảng viên vắng mặt (họ tên, lý do)"));

    // Named absentees: counted and named with their reasons.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        add_to_meeting(
            dir,
            "tong-hop",
            "absent: [{ name: Phan Thị Ngọc Ánh, reason: nghỉ ốm }, { name: Nguyễn Hữu Phước, reason: đi công tác }]",
        )
    });
    let two = built(&dir, MINUTES);
    assert!(
        two.contains("có mặt: 10 đồng chí; vắng mặt: 2 đồng chí."),
        "{two}"
    );
    assert!(two.contains("Vắng mặt: đồng chí Phan Thị Ngọc Ánh, lý do: nghỉ ốm."));
    assert!(two.contains("Vắng mặt: đồng chí Nguyễn Hữu Phước, lý do: đi công tác."));
    assert!(two.contains("2. Từng đảng viên có mặt trình bày bản kiểm điểm cá nhân"));
    assert!(all.contains("2. Từng đảng viên trình bày bản kiểm điểm cá nhân"));
}

/// The results say how the branch rated, not how the meeting voted: the
/// minutes claim no unanimity ("thống nhất", "nhất trí"), filled or blank;
/// the vote on the minutes is a blank the clerk completes.
#[test]
fn review_minutes_claim_no_unanimity_the_data_does_not_record() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        std::fs::remove_file(dir.join("results/kinh-te.yaml")).expect("rm");
    });
    let filled = built(&dir, MINUTES);
    let form = built(&dir, "chi-bo/kinh-te/bien-ban-kiem-diem.md");
    for minutes in [&filled, &form] {
        // (The branch's own remedies may say "thống nhất với …": its words.)
        assert!(!minutes.contains("hội nghị thống nhất"), "{minutes}");
        assert!(!minutes.contains("nhất trí"), "{minutes}");
        assert!(minutes.contains(
            "Biên bản đã được đọc lại cho hội nghị nghe và được ……/…… đồng chí có mặt biểu quyết thông qua."
        ), "{minutes}");
        assert!(minutes.contains(
            "2. Đảng viên: hội nghị đề nghị mức xếp loại chất lượng đối với từng đảng viên như sau:"
        ));
    }
    assert!(
        filled.contains("1. Tập thể chi bộ: hội nghị đề nghị xếp loại chất lượng năm 2022: **"),
        "{filled}"
    );
}

/// A recipient like "Các chi bộ trực thuộc" heads the "Kính gửi" line with
/// its capital and reads lower case inside the directive's sentences and
/// the report's (the seed's "Bí thư các chi bộ" keeps its capital:
/// tests/directive.rs).
#[test]
fn recipients_read_lower_case_inside_a_sentence() {
    let (_tmp, dir) = edited("qd366-2026", |_| {});
    let directive = built(&dir, "cong-van.md");
    assert!(
        directive.contains("Kính gửi: Các chi bộ trực thuộc"),
        "{directive}"
    );
    assert!(directive.contains("yêu cầu các chi bộ trực thuộc triển khai thực hiện"));
    assert!(!directive.contains("yêu cầu Các"), "{directive}");
    let report = built(&dir, "bao-cao-tong-hop.md");
    assert!(report.contains("gửi các chi bộ trực thuộc về"), "{report}");
}

#[test]
fn review_minutes_say_no_guests_and_no_shortcomings_only_when_stated() {
    // No `guests`, no `shortcomings`: not known.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        set_line(dir, "tong-hop", "  shortcomings:", None);
    });
    let unknown = built(&dir, MINUTES);
    assert!(unknown.contains("- Đại biểu dự: ………"), "{unknown}");
    assert!(unknown.contains("- Hạn chế, khuyết điểm: ………"), "{unknown}");
    assert!(!unknown.contains("không có"), "{unknown}");

    // `guests: []` and `shortcomings: ""`: the results state there were none.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        add_to_meeting(dir, "tong-hop", "guests: []");
        set_line(dir, "tong-hop", "  shortcomings:", Some("\"\""));
    });
    let none = built(&dir, MINUTES);
    assert!(none.contains("- Đại biểu dự: không có."), "{none}");
    assert!(none.contains("- Hạn chế, khuyết điểm: không có."), "{none}");
}

#[test]
fn the_branch_report_says_none_only_when_the_results_state_it() {
    const REPORT: &str = "chi-bo/tong-hop/bao-cao.md";
    let section = |text: &str| {
        let at = text.find("## II. HẠN CHẾ").expect("section II");
        let end = text[at..].find("## III.").expect("section III");
        text[at..at + end].to_owned()
    };
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        set_line(dir, "tong-hop", "  shortcomings:", None);
    });
    let unknown = section(&built(&dir, REPORT));
    assert!(unknown.contains("………"), "{unknown}");
    assert!(!unknown.contains("Không có"), "{unknown}");

    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        set_line(dir, "tong-hop", "  shortcomings:", Some("\"\""));
    });
    let none = section(&built(&dir, REPORT));
    assert!(none.contains("Không có."), "{none}");
    assert!(!none.contains("………"), "{none}");
}

#[test]
fn the_consolidated_report_says_a_branch_stated_no_shortcomings_only_when_it_did() {
    const REPORT: &str = "bao-cao-tong-hop.md";
    const NONE_AT_ALL: &str = "Các chi bộ không nêu hạn chế, khuyết điểm trong báo cáo.";
    // One branch's shortcomings not known: a dotted line under its name.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        set_line(dir, "kinh-te", "  shortcomings:", None);
    });
    let one_unknown = built(&dir, REPORT);
    assert!(
        one_unknown.contains("- Chi bộ Kinh tế: ………"),
        "{one_unknown}"
    );
    assert!(!one_unknown.contains("không nêu hạn chế"), "{one_unknown}");

    // No branch's shortcomings known: still no "không nêu".
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        for id in RESULTS {
            set_line(dir, id, "  shortcomings:", None);
        }
    });
    let unknown = built(&dir, REPORT);
    assert!(!unknown.contains(NONE_AT_ALL), "{unknown}");
    assert!(unknown.matches(": ………").count() >= RESULTS.len());

    // One branch states none: named; every branch states none: the sentence.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        set_line(dir, "kinh-te", "  shortcomings:", Some("\"\""));
    });
    let one_none = built(&dir, REPORT);
    assert!(one_none.contains("Chi bộ Kinh tế không nêu hạn chế, khuyết điểm trong báo cáo."));
    assert!(!one_none.contains(NONE_AT_ALL));
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        for id in RESULTS {
            set_line(dir, id, "  shortcomings:", Some("\"\""));
        }
    });
    assert!(built(&dir, REPORT).contains(NONE_AT_ALL));
}

#[test]
fn the_consolidated_report_makes_no_claim_the_results_cannot_back() {
    let (_tmp, dir) = edited("quang-binh-2022", |_| {});
    let report = built(&dir, "bao-cao-tong-hop.md");
    // How the meetings went is the committee's assessment: a blank to write.
    assert!(!report.contains("Các hội nghị được chuẩn bị chu đáo"));
    // A branch whose results name no guest: not known, not "—".
    assert!(
        report.contains("| 1 | Tổng hợp | 12/12/2022 | …… |"),
        "{report}"
    );
    // The proposal to reward (a branch's own prose may mention "khen thưởng").
    const REWARD: &str = "xem xét khen thưởng các tập thể, cá nhân";
    assert!(report.contains(REWARD));

    // Nobody rated HTXSNV: no proposal to reward them.
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        for id in RESULTS {
            let file = dir.join(format!("results/{id}.yaml"));
            let text = std::fs::read_to_string(&file).expect("read");
            std::fs::write(&file, text.replace("rating: HTXSNV", "rating: HTTNV")).expect("write");
        }
    });
    let report = built(&dir, "bao-cao-tong-hop.md");
    assert!(!report.contains(REWARD), "{report}");
    assert!(
        report.contains("#### a) Đảng viên được xếp loại “Hoàn thành xuất sắc nhiệm vụ” Không có.")
    );
}

#[test]
fn the_vote_minutes_say_nobody_is_over_half_only_when_the_count_says_so() {
    const NOBODY: &str =
        "Không có đồng chí nào có trên 50% tổng số phiếu đánh giá “tín nhiệm thấp”.";
    let (_tmp, dir) = edited("quang-binh-2022", |_| {});
    assert!(built(&dir, "bien-ban-kiem-phieu.md").contains(NOBODY));
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("votes.yaml"),
            "    high: 38\n    trust: 5\n    low: 1\n",
            "    high: 10\n    trust: 4\n    low: 30\n",
        );
    });
    let minutes = built(&dir, "bien-ban-kiem-phieu.md");
    assert!(!minutes.contains(NOBODY), "{minutes}");
    assert!(
        minutes.contains(
            "Đồng chí Lê Quang Minh, Chánh Văn phòng UBND tỉnh: 30/45 phiếu tín nhiệm thấp"
        )
    );
    // How many copies are made is not in the data.
    assert!(minutes.contains("Biên bản được lập thành …… bản"));
    assert!(!minutes.contains("02 bản"));
}

#[test]
fn the_vote_minutes_leave_the_board_blank_when_votes_yaml_names_nobody() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        let file = dir.join("votes.yaml");
        let text = std::fs::read_to_string(&file).expect("read");
        let (from, to) = (
            text.find("board:").expect("board"),
            text.find("convened:").expect("c"),
        );
        std::fs::write(
            &file,
            format!("{}board: []\n{}", &text[..from], &text[to..]),
        )
        .expect("write");
    });
    let minutes = built(&dir, "bien-ban-kiem-phieu.md");
    assert!(
        minutes.contains("Ban kiểm phiếu gồm các đồng chí: 1. Đồng chí …"),
        "{minutes}"
    );
    assert!(minutes.contains("TRƯỞNG BAN KIỂM PHIẾU"), "{minutes}");
}

#[test]
fn the_directive_cites_and_attaches_only_what_cycle_yaml_lists() {
    let (_tmp, dir) = edited("quang-binh-2022", |_| {});
    let directive = built(&dir, "cong-van.md");
    assert!(directive.contains("(Đính kèm Kế hoạch số 79-KH/ĐUK"));
    assert!(directive.contains("gắn với thực hiện"));
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        let cycle = dir.join("cycle.yaml");
        replace_in(&cycle, "  attachments: [kh79-duk, kh72-duvp]\n", "");
        replace_in(&cycle, "  linked: [kl21-tw, kh09-duvp, kh-nq21-duvp]\n", "");
    });
    let directive = built(&dir, "cong-van.md");
    assert!(!directive.contains("Đính kèm"), "{directive}");
    assert!(!directive.contains("gắn với thực hiện"), "{directive}");
}
