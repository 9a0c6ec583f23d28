//! The consolidated report (`OUT/bao-cao-tong-hop.docx`) and `vanban stats`:
//! every figure is checked against an independent count of the fixture's
//! YAML made here, the totals against the branch rows, the cap sentence
//! against the `quota-excellent` figures, and `stats --format json`
//! against the report. Runs the real binary.

mod common;

use common::{W, build, copy_dir, docx_paragraphs, docx_part, fixture, squash, vanban};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use yaml_serde::Value;

const REPORT: &str = "bao-cao-tong-hop.docx";
const LEVELS: [&str; 4] = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

// ---------------------------------------------------------------------------
// Reading the report back
// ---------------------------------------------------------------------------

/// Every table of the DOCX: rows of cell texts.
fn docx_tables(docx: &Path) -> Vec<Vec<Vec<String>>> {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed xml");
    let text = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|t| t.has_tag_name((W, "t")))
            .filter_map(|t| t.text())
            .collect()
    };
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .map(|tbl| {
            tbl.children()
                .filter(|r| r.has_tag_name((W, "tr")))
                .map(|tr| {
                    tr.children()
                        .filter(|c| c.has_tag_name((W, "tc")))
                        .map(|c| squash(&text(c)))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// One body row of the member table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    branch: String,
    roll: u64,
    /// Not rated, by reason column (left to right).
    not_rated: Vec<u64>,
    rated: u64,
    /// Per level: (count, percentage cell as printed).
    levels: Vec<(u64, String)>,
}

fn number(cell: &str) -> u64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("not a count: {cell:?}"))
}

/// The member table (headed `HTXSNV` … with `Được xếp loại`): its branch
/// rows (numbered) and its totals row (`Cộng`).
fn member_table(docx: &Path) -> (Vec<Row>, Row) {
    let table = docx_tables(docx)
        .into_iter()
        .find(|t| {
            t.first().is_some_and(|h| {
                h.iter().any(|c| c == "HTXSNV") && h.iter().any(|c| c == "Được xếp loại")
            })
        })
        .expect("the report has the member table");
    let rows = table
        .iter()
        .filter(|r| r.first().is_some_and(|c| c.parse::<u64>().is_ok()))
        .map(|cells| row(cells))
        .collect();
    let total = table
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "Cộng"))
        .map(|cells| row(cells))
        .expect("the member table has a totals row");
    (rows, total)
}

/// TT, branch, roll, not rated (a cell per reason), rated, 4 × (count, %).
fn row(cells: &[String]) -> Row {
    let n = cells.len();
    assert!(n >= 13, "a member row has 13 cells or more: {cells:?}");
    Row {
        branch: cells[1].clone(),
        roll: number(&cells[2]),
        not_rated: cells[3..n - 9].iter().map(|c| number(c)).collect(),
        rated: number(&cells[n - 9]),
        levels: (0..4)
            .map(|i| (number(&cells[n - 8 + 2 * i]), cells[n - 7 + 2 * i].clone()))
            .collect(),
    }
}

/// The whole report as one string of paragraphs (tables included).
fn report_text(docx: &Path) -> String {
    squash(&docx_paragraphs(docx).join(" "))
}

// ---------------------------------------------------------------------------
// Counting the YAML independently
// ---------------------------------------------------------------------------

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read yaml");
    yaml_serde::from_str::<Value>(&text).expect("valid yaml")
}

/// What the test counts for one branch, straight from the YAML.
#[derive(Debug)]
struct Expected {
    name: String,
    roll: u64,
    not_rated: u64,
    levels: [u64; 4],
}

/// Branches in cycle.yaml order that have a results file, counted.
fn count_yaml(cycle: &Path) -> Vec<Expected> {
    let c = yaml(&cycle.join("cycle.yaml"));
    c["branches"]
        .as_sequence()
        .expect("branches")
        .iter()
        .filter_map(|b| {
            let id = b["id"].as_str().expect("id");
            let file = cycle.join("results").join(format!("{id}.yaml"));
            file.exists().then(|| {
                let r = yaml(&file);
                let members = r["members"].as_sequence().expect("members");
                let mut levels = [0u64; 4];
                let mut not_rated = 0;
                for m in members {
                    match m["rating"].as_str() {
                        Some(code) => {
                            let i = LEVELS.iter().position(|l| *l == code).expect("a level");
                            levels[i] += 1;
                        }
                        None => not_rated += 1,
                    }
                }
                Expected {
                    name: b["name"].as_str().expect("name").to_owned(),
                    roll: b["members"].as_u64().expect("members"),
                    not_rated,
                    levels,
                }
            })
        })
        .collect()
}

/// `part` of `whole` as the report prints a percentage cell: one decimal,
/// decimal comma, half up, a whole number without decimals; `—` for 0/0.
fn percent_cell(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_owned();
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{},{d}", tenths / 10),
    }
}

/// `n / 100` with a decimal comma and no trailing zeros: 940 → `9,4`.
fn hundredths(n: u64) -> String {
    let (int, frac) = (n / 100, n % 100);
    match frac {
        0 => int.to_string(),
        f if f % 10 == 0 => format!("{int},{}", f / 10),
        f => format!("{int},{f:02}"),
    }
}

fn parse_percent(cell: &str) -> f64 {
    cell.replace(',', ".").parse().expect("a percentage")
}

fn short(name: &str) -> &str {
    name.strip_prefix("Chi bộ ").unwrap_or(name)
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

fn stats_json(cycle: &Path) -> serde_json::Value {
    let run = vanban(&["stats", cycle.to_str().expect("utf-8"), "--format", "json"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).expect("stats prints JSON")
}

/// A copy of the example cycle, changed by `edit`.
fn edited(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("cycle");
    copy_dir(&fixture("quang-binh-2022"), &dir);
    edit(&dir);
    (tmp, dir)
}

/// `vanban build DIR -o DIR/../out [extra]`: (exit code, stderr, OUT).
/// (OUT beside the cycle: OUT inside the cycle folder is refused.)
fn build_with(dir: &Path, extra: &[&str]) -> (i32, String, PathBuf) {
    let out = dir.with_file_name("out");
    let mut args = vec![
        "build",
        dir.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ];
    args.extend(extra);
    let run = vanban(&args);
    (
        run.status.code().expect("exit code"),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        out,
    )
}

fn missing_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning[results-missing]"))
        .collect()
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn the_totals_row_is_the_sum_of_the_branch_rows() {
    let (_tmp, out) = build(&fixture("quang-binh-2022"));
    let (rows, total) = member_table(&out.join(REPORT));
    assert_eq!(rows.len(), 6);
    let sum = |f: fn(&Row) -> u64| rows.iter().map(f).sum::<u64>();
    assert_eq!(total.roll, sum(|r| r.roll));
    assert_eq!(total.rated, sum(|r| r.rated));
    for (i, _) in total.not_rated.iter().enumerate() {
        assert_eq!(
            total.not_rated[i],
            rows.iter().map(|r| r.not_rated[i]).sum::<u64>()
        );
    }
    for (i, (count, share)) in total.levels.iter().enumerate() {
        assert_eq!(*count, rows.iter().map(|r| r.levels[i].0).sum::<u64>());
        assert_eq!(*share, percent_cell(*count, total.rated));
    }
}

/// Issue 13.5 (party-format.md, wide tables): the per-branch member table
/// is the "Phụ lục" after the signature, on an A4 landscape page of its
/// own, headed with the report's number and date; the body refers to it.
#[test]
fn the_member_table_is_a_landscape_appendix_after_the_signature() {
    let (_tmp, out) = build(&fixture("quang-binh-2022"));
    let xml = docx_part(&out.join(REPORT), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed xml");
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .expect("body");
    let blocks: Vec<roxmltree::Node> = body.children().filter(|n| n.is_element()).collect();
    let text = |n: &roxmltree::Node| -> String {
        n.descendants()
            .filter(|t| t.has_tag_name((W, "t")))
            .filter_map(|t| t.text())
            .collect()
    };
    let at = |pred: &dyn Fn(&roxmltree::Node) -> bool| blocks.iter().position(pred);
    let signer = at(&|n| text(n).contains("Nguyễn Trần Quang")).expect("signed");
    let heading = at(&|n| text(n) == "PHỤ LỤC").expect("the appendix heading");
    let table = at(&|n| {
        n.has_tag_name((W, "tbl"))
            && text(n).contains("HTXSNV")
            && text(n).contains("Được xếp loại")
    })
    .expect("the member table");
    let breaks: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            blocks[i].has_tag_name((W, "p"))
                && blocks[i]
                    .descendants()
                    .any(|d| d.has_tag_name((W, "sectPr")))
        })
        .collect();
    assert_eq!(breaks.len(), 1, "one break: after the signed report");
    assert!(signer < breaks[0] && breaks[0] < heading && heading < table);
    let last = body
        .children()
        .rfind(|n| n.has_tag_name((W, "sectPr")))
        .expect("final sectPr");
    let size = last
        .children()
        .find(|n| n.has_tag_name((W, "pgSz")))
        .expect("pgSz");
    assert_eq!(size.attribute((W, "orient")), Some("landscape"));
    let all = report_text(&out.join(REPORT));
    assert!(all.contains(
        "(Kèm theo Báo cáo số 101-BC/ĐUVP ngày 28/12/2022 của Đảng ủy Văn phòng UBND tỉnh)"
    ));
    assert!(all.contains("của từng chi bộ được tổng hợp tại Phụ lục kèm theo."));
    // The Markdown keeps the table, readable, after the signature.
    let md = std::fs::read_to_string(out.join("bao-cao-tong-hop.md")).expect("md");
    let (report, appendix) = md.split_once("\n---\n\n").expect("the appendix");
    assert!(report.contains("**Nguyễn Trần Quang**"));
    assert!(!report.contains("| HTXSNV: Số |"));
    assert!(appendix.starts_with("# PHỤ LỤC\n"), "{appendix}");
    assert!(appendix.contains("| TT | Chi bộ | Tổng số đảng viên |"));
    assert!(!md.contains("vanban:"), "no marker left in the Markdown");
}

#[test]
fn every_figure_equals_an_independent_count_of_the_yaml() {
    let cycle = fixture("quang-binh-2022");
    let (_tmp, out) = build(&cycle);
    let (rows, total) = member_table(&out.join(REPORT));
    let expected = count_yaml(&cycle);
    assert_eq!(rows.len(), expected.len());
    for (row, want) in rows.iter().zip(&expected) {
        let rated: u64 = want.levels.iter().sum();
        assert_eq!(row.branch, short(&want.name));
        assert_eq!(row.roll, want.roll, "{}", want.name);
        assert_eq!(
            row.not_rated.iter().sum::<u64>(),
            want.not_rated,
            "{}",
            want.name
        );
        assert_eq!(row.rated, rated, "{}", want.name);
        assert_eq!(row.roll, row.rated + want.not_rated, "{}", want.name);
        for (i, level) in want.levels.iter().enumerate() {
            assert_eq!(row.levels[i].0, *level, "{} {}", want.name, LEVELS[i]);
            assert_eq!(
                row.levels[i].1,
                percent_cell(*level, rated),
                "{}",
                want.name
            );
        }
    }
    assert_eq!(total.roll, expected.iter().map(|e| e.roll).sum::<u64>());
    // The text states the same totals.
    let text = report_text(&out.join(REPORT));
    let all_rated: u64 = expected.iter().flat_map(|e| e.levels).sum();
    assert!(
        text.contains(&format!(
            "{} đồng chí; được đánh giá, xếp loại: {all_rated} đồng chí",
            total.roll
        )),
        "{text}"
    );
}

#[test]
fn percentages_are_of_those_rated_with_one_decimal_and_add_up_to_100() {
    let (_tmp, out) = build(&fixture("quang-binh-2022"));
    let (rows, total) = member_table(&out.join(REPORT));
    for row in rows.iter().chain([&total]) {
        for (_, cell) in &row.levels {
            let ok = cell
                .split_once(',')
                .map_or(cell.chars().all(|c| c.is_ascii_digit()), |(int, dec)| {
                    int.chars().all(|c| c.is_ascii_digit()) && dec.len() == 1
                });
            assert!(ok && !cell.contains('.'), "{}: {cell:?}", row.branch);
        }
        let sum: f64 = row.levels.iter().map(|(_, c)| parse_percent(c)).sum();
        assert!((sum - 100.0).abs() <= 0.2 + 1e-9, "{}: {sum}", row.branch);
    }
}

#[test]
fn the_cap_sentence_matches_the_quota_rule() {
    let cycle = fixture("quang-binh-2022");
    let (_tmp, out) = build(&cycle);
    let text = report_text(&out.join(REPORT));
    // Independently: the example uses the defaults (20%, HTTNV, floor).
    let expected = count_yaml(&cycle);
    let count: u64 = expected.iter().map(|e| e.levels[0]).sum();
    let base: u64 = expected.iter().map(|e| e.levels[1]).sum();
    let cap = base * 20 / 100;
    let q = &stats_json(&cycle)["quota"]["members"];
    assert_eq!(q["count"], count);
    assert_eq!(q["base"], base);
    assert_eq!(q["cap"], cap);
    assert_eq!(q["base_kind"], "rated-good");
    assert_eq!(q["rounding"], "floor");
    let product = hundredths(base * 20);
    for part in [
        format!("toàn Đảng bộ là {count} đồng chí"),
        format!("“Hoàn thành tốt nhiệm vụ” ({base} đồng chí)"),
        format!("{base} × 20% = {product}, làm tròn xuống được {cap} đồng chí"),
        "không vượt mức tối đa".to_owned(),
    ] {
        assert!(text.contains(&part), "no {part:?} in:\n{text}");
    }
}

#[test]
fn the_cap_sentence_follows_the_reading_in_rule_options() {
    let (_tmp, dir) = edited(|dir| {
        let file = dir.join("cycle.yaml");
        let text = std::fs::read_to_string(&file).expect("read");
        let text = text.replacen(
            "rules: qd132-2018\n",
            "rules: qd132-2018\nrule_options: { quota_base: rated-good-or-better, quota_rounding: nearest }\n",
            1,
        );
        std::fs::write(file, text).expect("write");
    });
    let expected = count_yaml(&dir);
    let count: u64 = expected.iter().map(|e| e.levels[0]).sum();
    let base = count + expected.iter().map(|e| e.levels[1]).sum::<u64>();
    let cap = (base * 20 + 50) / 100;
    let (code, stderr, out) = build_with(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    let text = report_text(&out.join(REPORT));
    let product = hundredths(base * 20);
    let sentence = format!(
        "“Hoàn thành tốt nhiệm vụ” và “Hoàn thành xuất sắc nhiệm vụ” ({base} đồng chí). Mức tối đa theo quy định là 20% của {base} đồng chí: {base} × 20% = {product}, làm tròn đến số nguyên gần nhất được {cap} đồng chí"
    );
    assert!(text.contains(&sentence), "no {sentence:?} in:\n{text}");
    let q = &stats_json(&dir)["quota"]["members"];
    assert_eq!(
        (q["base"].as_u64(), q["cap"].as_u64()),
        (Some(base), Some(cap))
    );
}

#[test]
fn missing_results_skip_the_report_and_partial_names_exactly_those_branches() {
    let gone = ["tong-hop", "kinh-te"];
    let (_tmp, dir) = edited(|dir| {
        for id in gone {
            std::fs::remove_file(dir.join("results").join(format!("{id}.yaml"))).expect("rm");
        }
    });
    // Without --partial: a warning per branch; every other document built.
    let (code, stderr, out) = build_with(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!out.join(REPORT).exists());
    assert!(out.join("cong-van.docx").exists());
    assert!(out.join("chi-bo/tong-hop/bao-cao.docx").exists());
    let lines = missing_lines(&stderr);
    assert_eq!(lines.len(), gone.len(), "{stderr}");
    for (line, id) in lines.iter().zip(gone) {
        assert!(line.contains(&format!("`{id}`")), "{line}");
        assert!(line.contains("--partial"), "{line}");
    }

    // With --partial: a draft naming exactly those branches, without them.
    let (code, stderr, out) = build_with(&dir, &["--partial"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(missing_lines(&stderr).len(), gone.len(), "{stderr}");
    let docx = out.join(REPORT);
    let paragraphs = docx_paragraphs(&docx);
    assert!(
        paragraphs.iter().any(|p| p.trim() == "DỰ THẢO"),
        "no draft mark"
    );
    let text = report_text(&docx);
    let (_, rest) = text
        .split_once("chi bộ chưa gửi kết quả (")
        .unwrap_or_else(|| panic!("no missing-branch sentence in:\n{text}"));
    let named: BTreeSet<&str> = rest
        .split_once(')')
        .expect("closing parenthesis")
        .0
        .split(", ")
        .flat_map(|s| s.split(" và "))
        .collect();
    assert_eq!(named, BTreeSet::from(["Chi bộ Tổng hợp", "Chi bộ Kinh tế"]));
    assert!(
        text.contains(&format!("còn {}/6 chi bộ", gone.len())),
        "{text}"
    );

    let (rows, total) = member_table(&docx);
    let expected = count_yaml(&dir);
    assert_eq!(
        rows.iter().map(|r| r.branch.as_str()).collect::<Vec<_>>(),
        expected.iter().map(|e| short(&e.name)).collect::<Vec<_>>()
    );
    assert_eq!(total.roll, expected.iter().map(|e| e.roll).sum::<u64>());
    let json = stats_json(&dir);
    assert_eq!(json["missing"], serde_json::json!(gone));
    assert_eq!(json["total"]["roll"], total.roll);
}

#[test]
fn no_results_at_all_build_no_report_and_say_so_once() {
    let (_tmp, dir) = edited(|dir| {
        std::fs::remove_dir_all(dir.join("results")).expect("rm results");
    });
    for extra in [&[][..], &["--partial"][..]] {
        let (code, stderr, out) = build_with(&dir, extra);
        assert_eq!(code, 0, "{stderr}");
        assert!(!out.join(REPORT).exists());
        assert!(out.join("cong-van.docx").exists());
        let lines = missing_lines(&stderr);
        assert_eq!(lines.len(), 1, "{stderr}");
    }
}

#[test]
fn a_branch_with_nobody_rated_says_so_without_dividing_by_zero() {
    let (_tmp, dir) = edited(|dir| {
        let file = dir.join("results/quan-tri-tai-vu.yaml");
        let text = std::fs::read_to_string(&file).expect("read");
        let text: Vec<String> = text
            .lines()
            .map(|l| match l.strip_prefix("    rating: ") {
                Some(_) => "    not_rated: miễn công tác và sinh hoạt đảng".to_owned(),
                None => l.to_owned(),
            })
            .collect();
        std::fs::write(file, text.join("\n") + "\n").expect("write");
    });
    let (code, stderr, out) = build_with(&dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    let docx = out.join(REPORT);
    let (rows, total) = member_table(&docx);
    let row = rows
        .iter()
        .find(|r| r.branch == "Quản trị – Tài vụ")
        .expect("the branch row");
    assert_eq!((row.roll, row.rated), (8, 0));
    assert_eq!(row.not_rated.iter().sum::<u64>(), 8);
    assert!(
        row.levels.iter().all(|(n, share)| *n == 0 && share == "—"),
        "{row:?}"
    );
    // The totals still divide by those rated elsewhere.
    assert!(total.rated > 0);
    let text = report_text(&docx);
    assert!(
        text.contains("Chi bộ Quản trị – Tài vụ: không có đảng viên được xếp loại"),
        "{text}"
    );
    let json = stats_json(&dir);
    let branch = json["branches"]
        .as_array()
        .expect("branches")
        .iter()
        .find(|b| b["id"] == "quan-tri-tai-vu")
        .expect("branch");
    assert_eq!(branch["counts"]["rated"], 0);
    assert!(
        branch["counts"]["levels"]
            .as_array()
            .expect("levels")
            .iter()
            .all(|l| l["percent"].is_null())
    );
}

#[test]
fn stats_json_figures_equal_the_report() {
    let cycle = fixture("quang-binh-2022");
    let (_tmp, out) = build(&cycle);
    let (rows, total) = member_table(&out.join(REPORT));
    let json = stats_json(&cycle);
    let branches = json["branches"].as_array().expect("branches");
    assert_eq!(branches.len(), rows.len());
    let compare = |row: &Row, c: &serde_json::Value| {
        assert_eq!(c["roll"], row.roll, "{}", row.branch);
        assert_eq!(c["rated"], row.rated, "{}", row.branch);
        assert_eq!(
            c["not_rated"],
            row.not_rated.iter().sum::<u64>(),
            "{}",
            row.branch
        );
        let levels = c["levels"].as_array().expect("levels");
        for (i, (count, share)) in row.levels.iter().enumerate() {
            assert_eq!(levels[i]["level"], LEVELS[i]);
            assert_eq!(levels[i]["count"], *count, "{}", row.branch);
            let printed = levels[i]["share"].as_str().expect("share");
            assert_eq!(printed.trim_end_matches('%'), share, "{}", row.branch);
            let number = levels[i]["percent"].as_f64().expect("percent");
            assert!((number - parse_percent(share)).abs() < 1e-9);
        }
    };
    for (row, b) in rows.iter().zip(branches) {
        assert_eq!(short(b["name"].as_str().expect("name")), row.branch);
        compare(row, &b["counts"]);
    }
    compare(&total, &json["total"]);
}

#[test]
fn stats_prints_an_aligned_table_without_colour_in_a_pipe() {
    let run = vanban(&["stats", fixture("quang-binh-2022").to_str().expect("utf-8")]);
    assert!(run.status.success());
    let text = String::from_utf8(run.stdout).expect("utf-8");
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes when not a terminal"
    );
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("TT"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 8, "{text}");
    // Right-aligned numbers: every line of the table ends in the same column.
    let width = |l: &str| unicode_width::UnicodeWidthStr::width(l);
    assert!(table.iter().all(|l| width(l) == width(table[0])), "{text}");
    assert!(table[7].contains("Cộng"));
    assert!(text.contains("HTXSNV đảng viên: 7; cơ sở 47"), "{text}");
    assert!(text.contains("quota_base = rated-good"), "{text}");
    assert!(text.contains("quota_rounding = floor"), "{text}");
    let en = vanban(&[
        "stats",
        fixture("quang-binh-2022").to_str().expect("utf-8"),
        "--lang",
        "en",
    ]);
    let en = String::from_utf8(en.stdout).expect("utf-8");
    assert!(
        en.contains("Total") && en.contains("within the cap") && en.contains("11.5%"),
        "{en}"
    );
}
