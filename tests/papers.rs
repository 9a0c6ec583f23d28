//! The papers of issue 13: the confidence-vote ballot and the blank count
//! minutes before the count, the branch meeting's rating ballot, and the
//! committee's decision recognising the ratings with its attached lists.
//! Runs the real binary; every name and figure is counted again here from
//! the YAML.

mod common;

use common::{build, docx_paragraphs, edited, fixture, squash, vanban, yaml};
use std::path::{Path, PathBuf};
use yaml_serde::Value;

const LEVELS: [(&str, &str); 4] = [
    ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"),
    ("HTTNV", "Hoàn thành tốt nhiệm vụ"),
    ("HTNV", "Hoàn thành nhiệm vụ"),
    ("KHTNV", "Không hoàn thành nhiệm vụ"),
];

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn seq(v: &Value) -> &[Value] {
    v.as_sequence().map_or(&[], Vec::as_slice)
}

/// The GitHub tables of a Markdown document, as rows of cells (header row
/// first, the `---` rule left out).
fn md_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in md.lines().chain([""]) {
        match line.starts_with('|') {
            true => {
                let cells: Vec<String> = line
                    .trim_matches('|')
                    .split(" | ")
                    .map(|c| c.trim().to_owned())
                    .collect();
                if !cells
                    .iter()
                    .all(|c| c.starts_with(":--") || c.starts_with("--"))
                {
                    current.push(cells);
                }
            }
            false if !current.is_empty() => tables.push(std::mem::take(&mut current)),
            false => {}
        }
    }
    tables
}

fn replace_in(file: &Path, from: &str, to: &str) {
    let text = read(file);
    assert!(text.contains(from), "{} lacks `{from}`", file.display());
    std::fs::write(file, text.replace(from, to)).expect("write");
}

fn build_args(args: &[&str]) -> (tempfile::TempDir, PathBuf, std::process::Output) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let mut all: Vec<&str> = vec!["build"];
    all.extend(args);
    all.extend(["-o", out.to_str().expect("utf-8 path")]);
    let run = vanban(&all);
    (tmp, out, run)
}

/// Header lines of a ballot: no number, no date, no signature anywhere.
fn assert_anonymous(md: &str) {
    assert!(!md.contains("Số "), "a ballot has no number: {md}");
    for word in [
        "ngày …",
        "T/M",
        "BÍ THƯ",
        "THƯ KÝ",
        "Nơi nhận",
        "TRƯỞNG BAN",
    ] {
        assert!(!md.contains(word), "a ballot has no `{word}`");
    }
}

// ---------------------------------------------------------------------------
// The confidence-vote ballot
// ---------------------------------------------------------------------------

#[test]
fn the_vote_ballot_lists_every_person_with_three_empty_boxes() {
    let (_tmp, out) = build(&fixture("quang-binh-2022"));
    let votes = yaml(&fixture("quang-binh-2022").join("votes.yaml"));
    let md = read(&out.join("phieu-tin-nhiem.md"));
    assert_anonymous(&md);
    // 2022: Quy định 262-QĐ/TW and its wording.
    assert!(md.contains("**PHIẾU LẤY PHIẾU TÍN NHIỆM**"), "{md}");
    assert!(md.contains("Quy định số 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị"));
    assert!(!md.contains("96-QĐ/TW"));
    let tables = md_tables(&md);
    assert_eq!(tables.len(), 1);
    let [head, rows @ ..] = tables[0].as_slice() else {
        panic!("no table");
    };
    assert_eq!(
        head,
        &[
            "STT",
            "Họ và tên",
            "Chức vụ",
            "Tín nhiệm cao",
            "Tín nhiệm",
            "Tín nhiệm thấp"
        ]
    );
    let people = seq(&votes["people"]);
    assert_eq!(rows.len(), people.len());
    for (i, (row, p)) in rows.iter().zip(people).enumerate() {
        assert_eq!(
            row[..3],
            [
                (i + 1).to_string(),
                text(&p["name"]).to_owned(),
                text(&p["position"]).to_owned()
            ]
        );
        assert!(
            row[3..].iter().all(String::is_empty),
            "boxes are empty: {row:?}"
        );
    }
    // The DOCX says the same, and prints no voter field.
    let paragraphs = docx_paragraphs(&out.join("phieu-tin-nhiem.docx"));
    for p in people {
        assert!(paragraphs.iter().any(|t| t == text(&p["name"])));
    }
    assert!(!paragraphs.iter().any(|t| t.starts_with("Số")));
}

#[test]
fn from_2023_the_ballot_is_worded_per_96_qd_tw() {
    let (_tmp, out) = build(&fixture("before-count-2024"));
    let md = read(&out.join("phieu-tin-nhiem.md"));
    assert_anonymous(&md);
    assert!(md.contains("**PHIẾU TÍN NHIỆM**"));
    assert!(md.contains("Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị"));
    assert!(!md.contains("262-QĐ/TW"));
}

// ---------------------------------------------------------------------------
// Before the count
// ---------------------------------------------------------------------------

#[test]
fn before_the_count_the_build_gives_the_ballot_and_a_blank_count_form() {
    let dir = fixture("before-count-2024");
    let (_tmp, out, run) = build_args(&[dir.to_str().expect("utf-8")]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let votes = yaml(&dir.join("votes.yaml"));
    let md = read(&out.join("bien-ban-kiem-phieu.md"));
    let flat = squash(&md);
    assert!(flat.contains("Hôm nay, ngày 19 tháng 12 năm 2024, tại Hội trường Sở Tài chính"));
    // A regulation is cited once (the committee's vote_rule is 96-QĐ/TW itself).
    assert_eq!(
        flat.matches("96-QĐ/TW").count(),
        2,
        "opening and consequences: {flat}"
    );
    assert!(flat.contains("Tổng số người được triệu tập: ……; có mặt: …… (……%)."));
    assert!(flat.contains("Số phiếu phát ra: ……; số phiếu thu vào: ……; số phiếu hợp lệ: ……"));
    let tables = md_tables(&md);
    let rows = &tables[0][1..];
    let people = seq(&votes["people"]);
    assert_eq!(rows.len(), people.len());
    for (row, p) in rows.iter().zip(people) {
        assert_eq!(row[1], text(&p["name"]));
        assert_eq!(row[2], text(&p["position"]));
        assert!(
            row[3..].iter().all(String::is_empty),
            "no count yet: {row:?}"
        );
    }
    // The board signs with dotted lines for the names.
    assert!(md.contains("**TRƯỞNG BAN KIỂM PHIẾU**"));
    assert_eq!(md.matches("**THÀNH VIÊN**").count(), 2);
    // No results: nothing that needs them.
    for absent in [
        "bao-cao-tong-hop.md",
        "quyet-dinh-xep-loai.md",
        "thong-ke.xlsx",
    ] {
        assert!(
            !out.join(absent).exists(),
            "{absent} written without results"
        );
    }
}

#[test]
fn partial_counts_are_an_error_at_the_person() {
    let (_tmp, dir) = edited("before-count-2024", |dir| {
        replace_in(
            &dir.join("votes.yaml"),
            "{ name: Thái Văn Hòa, position: Phó Giám đốc Sở }",
            "{ name: Thái Văn Hòa, position: Phó Giám đốc Sở, high: 30, low: 1 }",
        );
    });
    let (_tmp2, out, run) = build_args(&[dir.to_str().expect("utf-8"), "--lang", "en"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists(), "nothing written");
    let stderr = String::from_utf8_lossy(&run.stderr);
    // All or none: the missing count of that person, at its line; every
    // other person's three counts, one error each; the vote's own figures.
    assert!(stderr.contains("`people[1].trust` is missing"), "{stderr}");
    assert!(
        stderr.contains("votes.yaml:8:5, people[1])"),
        "at the person's line: {stderr}"
    );
    assert!(stderr.contains("`people[0].high`, `people[0].trust`, `people[0].low` is missing"));
    let votes = yaml(&fixture("before-count-2024").join("votes.yaml"));
    let people = seq(&votes["people"]).len();
    assert_eq!(
        stderr.matches("error[input-value]: `people[").count(),
        people
    );
    for field in ["board", "convened", "present", "ballots"] {
        assert!(
            stderr.contains(&format!("`{field}` is missing")),
            "{field}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------
// The branch meeting's rating ballot
// ---------------------------------------------------------------------------

#[test]
fn the_rating_ballot_lists_the_roster_then_the_collective() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = build(&dir);
    let cycle = yaml(&dir.join("cycle.yaml"));
    for branch in seq(&cycle["branches"]) {
        let id = text(&branch["id"]);
        let md = read(&out.join(format!("chi-bo/{id}/phieu-danh-gia.md")));
        assert_anonymous(&md);
        assert!(md.contains(&format!("**{}**", text(&branch["name"]).to_uppercase())));
        let tables = md_tables(&md);
        assert_eq!(tables.len(), 2, "members, then the collective");
        let boxes: Vec<String> = LEVELS
            .iter()
            .map(|(code, _)| format!("Mức xếp loại: {code}"))
            .collect();
        assert_eq!(tables[0][0][2..], boxes[..]);
        let names: Vec<&str> = tables[0][1..].iter().map(|r| r[1].as_str()).collect();
        let roster: Vec<&str> = seq(&branch["roster"]).iter().map(text).collect();
        assert_eq!(names, roster, "{id}");
        assert!(
            tables[0][1..]
                .iter()
                .all(|r| r[2..].iter().all(String::is_empty))
        );
        assert_eq!(tables[1].len(), 2);
        assert_eq!(tables[1][1][1], text(&branch["name"]));
        // The codes are explained in full.
        for (code, name) in LEVELS {
            assert!(md.contains(&format!("{code}: {name}")));
        }
    }
}

#[test]
fn without_a_roster_the_rating_ballot_has_numbered_blank_rows() {
    let dir = fixture("before-count-2024");
    let (_tmp, out) = build(&dir);
    let cycle = yaml(&dir.join("cycle.yaml"));
    let branch = seq(&cycle["branches"])
        .iter()
        .find(|b| b["roster"].is_null())
        .expect("a branch without roster");
    let members = branch["members"].as_u64().expect("members");
    let md = read(&out.join(format!("chi-bo/{}/phieu-danh-gia.md", text(&branch["id"]))));
    let rows = &md_tables(&md)[0][1..];
    assert_eq!(rows.len() as u64, members);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 1).to_string());
        assert!(row[1..].iter().all(String::is_empty), "{row:?}");
    }
    assert!(md.contains("ghi họ và tên đảng viên vào cột “Họ và tên”"));
}

// ---------------------------------------------------------------------------
// The decision on the ratings
// ---------------------------------------------------------------------------

/// Every member of every results file: (branch name, member).
fn members(dir: &Path) -> Vec<(String, Value)> {
    let cycle = yaml(&dir.join("cycle.yaml"));
    seq(&cycle["branches"])
        .iter()
        .flat_map(|b| {
            let results = yaml(&dir.join("results").join(format!("{}.yaml", text(&b["id"]))));
            let name = text(&b["name"]).to_owned();
            seq(&results["members"])
                .iter()
                .map(move |m| (name.clone(), m.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn rating(m: &Value) -> &str {
    text(&m["rating"])
}

#[test]
fn the_decision_recognises_what_the_branches_reported() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = build(&dir);
    let cycle = yaml(&dir.join("cycle.yaml"));
    let md = read(&out.join("quyet-dinh-xep-loai.md"));
    let flat = squash(&md);
    assert!(md.contains("Số 102-QĐ/ĐUVP"));
    assert!(md.contains("*Quảng Bình, ngày 29 tháng 12 năm 2022*"));
    assert!(md.contains("**QUYẾT ĐỊNH**"));
    assert!(md.contains("**về việc công nhận kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2022**"));
    assert!(md.contains("# ĐẢNG ỦY VĂN PHÒNG UBND TỈNH\n\nCăn cứ Điều lệ Đảng Cộng sản Việt Nam;"));
    // The rule set's regulation and guide, then the directive's basis.
    assert!(flat.contains("Căn cứ Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị;"));
    assert!(
        flat.contains(
            "Căn cứ Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương;"
        )
    );
    for key in seq(&cycle["directive"]["basis"]) {
        let number = text(&cycle["references"][text(key)]["number"]);
        assert!(
            flat.contains(&format!("số {number} ")),
            "basis {number} cited"
        );
    }
    let branches = seq(&cycle["branches"]).len();
    assert!(flat.contains(&format!("của {branches} chi bộ trực thuộc, # QUYẾT ĐỊNH:")));

    // Điều 1: counted again from the results.
    let all = members(&dir);
    let rated = all.iter().filter(|(_, m)| !rating(m).is_empty()).count();
    let not_rated = all.len() - rated;
    assert!(flat.contains(&format!(
        "đối với {branches} chi bộ trực thuộc và {rated} đảng viên"
    )));
    for (code, name) in LEVELS {
        let n = all.iter().filter(|(_, m)| rating(m) == code).count();
        assert!(
            flat.contains(&format!("{name}: {n} đồng chí (")),
            "{code} {n}: {flat}"
        );
        let collectives = seq(&cycle["branches"])
            .iter()
            .filter(|b| {
                let r = yaml(&dir.join("results").join(format!("{}.yaml", text(&b["id"]))));
                text(&r["collective"]["rating"]) == code
            })
            .count();
        assert!(
            flat.contains(&format!("{name}: {collectives} chi bộ")),
            "{code}"
        );
    }
    assert!(flat.contains(&format!("Không xếp loại: {not_rated} đồng chí.")));
    // Điều 2 (awards: true): the members rated HTXSNV; Điều 3 who carries it out.
    let excellent = all.iter().filter(|(_, m)| rating(m) == "HTXSNV").count();
    assert!(flat.contains(&format!(
        "**Điều 2.** Tặng Giấy khen của Đảng ủy Văn phòng UBND tỉnh cho {excellent} đảng viên"
    )));
    assert!(flat.contains("**Điều 3.** Quyết định có hiệu lực kể từ ngày ký. Văn phòng Đảng ủy"));
    assert!(md.contains("- Như Điều 3,"));
    // Signed, then the lists below a rule (their own pages on paper).
    let (decision, _lists) = md.split_once("\n---\n\n").expect("the lists attached");
    assert!(
        decision.ends_with("**T/M ĐẢNG ỦY**\n\n**BÍ THƯ**\n\n**Nguyễn Trần Quang**\n"),
        "{decision}"
    );
}

#[test]
fn the_attached_lists_name_every_member_concerned() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = build(&dir);
    // The lists are in the decision's own file, after its signature: one
    // paper, as the contract says (no separate list file).
    assert!(!out.join("quyet-dinh-xep-loai-danh-sach.md").exists());
    assert!(!out.join("quyet-dinh-xep-loai-danh-sach.docx").exists());
    let whole = read(&out.join("quyet-dinh-xep-loai.md"));
    let (decision, md) = whole.split_once("\n---\n\n").expect("the lists attached");
    assert!(decision.contains("**T/M ĐẢNG ỦY**"));
    assert!(md.starts_with("# DANH SÁCH\n\n# KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG, ĐẢNG VIÊN NĂM 2022\n"), "{md}");
    assert!(md.contains(
        "*(Kèm theo Quyết định số 102-QĐ/ĐUVP ngày 29/12/2022 của Đảng ủy Văn phòng UBND tỉnh)*"
    ));
    assert!(!md.contains("T/M"), "the decision is signed, not its list");
    assert!(
        md_tables(decision).is_empty(),
        "every table is in the lists"
    );
    let tables = md_tables(md);
    assert_eq!(tables.len(), 4, "branches, HTXSNV, KHTNV, not rated");
    // Branches by level, highest first.
    let order = |name: &str| {
        LEVELS
            .iter()
            .position(|(_, n)| *n == name)
            .expect("a level")
    };
    let levels: Vec<usize> = tables[0][1..].iter().map(|r| order(&r[2])).collect();
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    assert_eq!(
        tables[0].len() - 1,
        seq(&yaml(&dir.join("cycle.yaml"))["branches"]).len()
    );

    let all = members(&dir);
    let names =
        |t: &[Vec<String>]| -> Vec<String> { t[1..].iter().map(|r| r[1].clone()).collect() };
    let with = |code: &str| -> Vec<String> {
        all.iter()
            .filter(|(_, m)| rating(m) == code)
            .map(|(_, m)| text(&m["name"]).to_owned())
            .collect()
    };
    assert_eq!(names(&tables[1]), with("HTXSNV"));
    for row in &tables[1][1..] {
        let (_, m) = all
            .iter()
            .find(|(_, m)| text(&m["name"]) == row[1])
            .expect("member");
        assert_eq!(
            row[3],
            squash(text(&m["achievements"])),
            "the product of {}",
            row[1]
        );
    }
    assert_eq!(names(&tables[2]), with("KHTNV"));
    let unrated: Vec<(String, String)> = all
        .iter()
        .filter(|(_, m)| rating(m).is_empty())
        .map(|(_, m)| {
            (
                text(&m["name"]).to_owned(),
                text(&m["not_rated"]).to_owned(),
            )
        })
        .collect();
    let listed: Vec<(String, String)> = tables[3][1..]
        .iter()
        .map(|r| (r[1].clone(), r[3].clone()))
        .collect();
    assert_eq!(listed, unrated);
}

#[test]
fn without_a_decision_block_number_and_date_are_blank_and_no_awards() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("cycle.yaml"),
            "decision:                      # the decision recognising the ratings\n  number: 102\n  date: 2022-12-29\n  awards: true                 # giấy khen for the members rated HTXSNV (Điều 2)\n",
            "",
        );
    });
    let (_tmp2, out) = build(&dir);
    let md = read(&out.join("quyet-dinh-xep-loai.md"));
    assert!(md.contains("Số ……-QĐ/ĐUVP"));
    assert!(md.contains("*Quảng Bình, ngày …… tháng …… năm 2022*"));
    assert!(!md.contains("Giấy khen"));
    assert!(!md.contains("Điều 3"));
    assert!(md.contains("**Điều 2.** Quyết định có hiệu lực kể từ ngày ký."));
    assert!(md.contains("- Như Điều 2,"));
    assert!(md.contains("(Kèm theo Quyết định số ……-QĐ/ĐUVP ngày ……/……/2022 của"));
}

#[test]
fn the_decision_waits_for_every_branch_or_is_a_draft_with_partial() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        std::fs::remove_file(dir.join("results/kinh-te.yaml")).expect("rm");
    });
    let (_tmp2, out) = build(&dir);
    assert!(!out.join("quyet-dinh-xep-loai.md").exists());
    let (_tmp3, out, run) = build_args(&[dir.to_str().expect("utf-8"), "--partial"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let md = read(&out.join("quyet-dinh-xep-loai.md"));
    assert!(md.starts_with("**DỰ THẢO**"), "{md}");
    assert!(squash(&md).contains("còn 1/6 chi bộ chưa gửi kết quả (Chi bộ Kinh tế)"));
    assert!(squash(&md).contains("của 5 chi bộ trực thuộc"));
}

// ---------------------------------------------------------------------------
// Same input, same bytes
// ---------------------------------------------------------------------------

#[test]
fn two_builds_give_the_same_bytes() {
    for name in ["quang-binh-2022", "before-count-2024"] {
        let (_a, first) = build(&fixture(name));
        let (_b, second) = build(&fixture(name));
        let mut files = Vec::new();
        collect(&first, &first, &mut files);
        assert!(files.iter().any(|f| f.ends_with("phieu-tin-nhiem.docx")));
        for rel in files {
            let (x, y) = (
                std::fs::read(first.join(&rel)),
                std::fs::read(second.join(&rel)),
            );
            assert_eq!(x.ok(), y.ok(), "{name}: {} differs", rel.display());
        }
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        match path.is_dir() {
            true => collect(root, &path, out),
            false => out.push(path.strip_prefix(root).expect("under root").to_path_buf()),
        }
    }
}
