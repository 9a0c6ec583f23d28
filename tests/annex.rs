//! The statistics annex `OUT/thong-ke.xlsx` (and `vanban stats --format
//! xlsx -o FILE`), read back with a real reader (calamine) and compared with
//! counts made here from the YAML, independently of vanban's own figures.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{build, copy_dir, fixture, vanban, yaml};
use std::collections::BTreeMap;
use std::path::Path;
use yaml_serde::Value;

const CODES: [&str; 4] = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

fn seq(v: &Value) -> &[Value] {
    v.as_sequence().map_or(&[], Vec::as_slice)
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// `vanban stats DIR --format xlsx -o FILE`, which must succeed.
fn stats_xlsx(dir: &Path, file: &Path) {
    let run = vanban(&[
        "stats",
        dir.to_str().expect("utf-8"),
        "--format",
        "xlsx",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Sheet `name` as rows of cells.
fn sheet(file: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(file).expect("an xlsx calamine reads");
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(x) => *x,
        Data::Int(n) => *n as f64,
        other => panic!("a number expected, found {other:?}"),
    }
}

fn string(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("text expected, found {other:?}"),
    }
}

/// One branch counted from its results file: (roll, not rated, per code).
struct Counted {
    roll: u64,
    not_rated: u64,
    levels: BTreeMap<&'static str, u64>,
}

fn counted(dir: &Path, branch: &Value) -> Counted {
    let results = yaml(
        &dir.join("results")
            .join(format!("{}.yaml", text(&branch["id"]))),
    );
    let members = seq(&results["members"]);
    let levels = CODES
        .iter()
        .map(|&code| {
            let n = members
                .iter()
                .filter(|m| text(&m["rating"]) == code)
                .count();
            (code, n as u64)
        })
        .collect();
    Counted {
        roll: branch["members"].as_u64().expect("members"),
        not_rated: members.iter().filter(|m| m["rating"].is_null()).count() as u64,
        levels,
    }
}

/// The column headed `head` in the header row.
fn col(rows: &[Vec<Data>], head: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| string(c) == head)
        .unwrap_or_else(|| panic!("no column `{head}` in {:?}", rows[0]))
}

#[test]
fn one_row_per_branch_and_totals_agree_with_the_yaml() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = build(&dir);
    let file = out.join("thong-ke.xlsx");
    let rows = sheet(&file, "Chi bộ");
    let cycle = yaml(&dir.join("cycle.yaml"));
    let branches = seq(&cycle["branches"]);
    let (roll, rated) = (col(&rows, "Tổng số đảng viên"), col(&rows, "Được xếp loại"));
    let mut total = Counted {
        roll: 0,
        not_rated: 0,
        levels: BTreeMap::new(),
    };
    for (i, b) in branches.iter().enumerate() {
        let row = &rows[i + 1];
        assert_eq!(string(&row[1]), text(&b["name"]));
        let c = counted(&dir, b);
        let rated_here = c.roll - c.not_rated;
        assert_eq!(number(&row[roll]) as u64, c.roll);
        assert_eq!(number(&row[rated]) as u64, rated_here);
        for code in CODES {
            let n = c.levels[code];
            let at = col(&rows, &format!("{code} (số lượng)"));
            assert_eq!(number(&row[at]) as u64, n, "{code} of {}", text(&b["id"]));
            let share = number(&row[at + 1]);
            let exact = n as f64 / rated_here as f64;
            assert!((share - exact).abs() < 0.0005, "{code}: {share} vs {exact}");
            *total.levels.entry(code).or_insert(0) += n;
        }
        let good = col(&rows, "HTTNV trở lên (số lượng)");
        assert_eq!(
            number(&row[good]) as u64,
            c.levels["HTXSNV"] + c.levels["HTTNV"]
        );
        total.roll += c.roll;
        total.not_rated += c.not_rated;
    }
    let totals = &rows[branches.len() + 1];
    assert_eq!(string(&totals[1]), "Cộng");
    assert_eq!(number(&totals[roll]) as u64, total.roll);
    assert_eq!(number(&totals[rated]) as u64, total.roll - total.not_rated);
    for code in CODES {
        let at = col(&rows, &format!("{code} (số lượng)"));
        assert_eq!(number(&totals[at]) as u64, total.levels[code], "{code}");
    }
    // Not rated by reason: the fixture's one reason has its own column.
    let reason = col(&rows, "Không xếp loại: kết nạp chưa đủ 6 tháng");
    assert_eq!(number(&totals[reason]) as u64, total.not_rated);
}

#[test]
fn the_collectives_and_every_member_are_listed() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = build(&dir);
    let file = out.join("thong-ke.xlsx");
    let cycle = yaml(&dir.join("cycle.yaml"));
    let branches = seq(&cycle["branches"]);
    let rows = sheet(&file, "Chi bộ");
    let own = col(&rows, "Tập thể chi bộ tự xếp loại");
    let mut by_level: BTreeMap<String, u64> = BTreeMap::new();
    for (i, b) in branches.iter().enumerate() {
        let results = yaml(&dir.join("results").join(format!("{}.yaml", text(&b["id"]))));
        let code = text(&results["collective"]["rating"]).to_owned();
        let printed = string(&rows[i + 1][own]);
        assert!(!printed.is_empty());
        *by_level.entry(code).or_insert(0) += 1;
    }
    let block = rows
        .iter()
        .position(|r| r.get(1).is_some_and(|c| string(c) == "Tập thể chi bộ"))
        .expect("the collectives block");
    let names = [
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
    ];
    for (k, (code, name)) in CODES.iter().zip(names).enumerate() {
        let row = &rows[block + 2 + k];
        assert_eq!(string(&row[1]), name);
        assert_eq!(
            number(&row[2]) as u64,
            by_level.get(*code).copied().unwrap_or(0)
        );
    }

    let members = sheet(&file, "Đảng viên");
    assert_eq!(
        members[0].iter().map(string).collect::<Vec<_>>(),
        ["STT", "Chi bộ", "Họ và tên", "Xếp loại", "Ghi chú"],
        "no score column under qd132-2018"
    );
    let mut expected = Vec::new();
    for b in branches {
        let results = yaml(&dir.join("results").join(format!("{}.yaml", text(&b["id"]))));
        for m in seq(&results["members"]) {
            expected.push((text(&b["name"]).to_owned(), text(&m["name"]).to_owned()));
        }
    }
    let listed: Vec<(String, String)> = members[1..]
        .iter()
        .map(|r| (string(&r[1]), string(&r[2])))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn under_qd366_members_have_their_score() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("c");
    copy_dir(&fixture("quang-binh-2022"), &dir);
    // The annex is written from any results: the rules do not stop `stats`.
    let cycle = dir.join("cycle.yaml");
    let text = std::fs::read_to_string(&cycle).expect("read");
    std::fs::write(
        &cycle,
        text.replace("rules: qd132-2018", "rules: qd366-2025"),
    )
    .expect("write");
    let results = dir.join("results/tong-hop.yaml");
    let r = std::fs::read_to_string(&results).expect("read");
    let r = r.replacen(
        "    rating: HTXSNV\n",
        "    rating: HTXSNV\n    score: 93\n",
        1,
    );
    std::fs::write(&results, r).expect("write");
    let file = tmp.path().join("thong-ke.xlsx");
    stats_xlsx(&dir, &file);
    let members = sheet(&file, "Đảng viên");
    let score = col(&members, "Điểm");
    let scored: Vec<f64> = members[1..]
        .iter()
        .filter(|r| r[score] != Data::Empty)
        .map(|r| number(&r[score]))
        .collect();
    assert_eq!(scored, [93.0]);
}

#[test]
fn stats_writes_the_same_bytes_as_build_and_they_do_not_change() {
    let dir = fixture("quang-binh-2022");
    let (_a, out) = build(&dir);
    let (_b, again) = build(&dir);
    let built = std::fs::read(out.join("thong-ke.xlsx")).expect("annex");
    assert_eq!(
        built,
        std::fs::read(again.join("thong-ke.xlsx")).expect("annex")
    );
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("t.xlsx");
    stats_xlsx(&dir, &file);
    assert_eq!(std::fs::read(&file).expect("written"), built);
    // Fixed properties: the creation time is the report's date, not now.
    let core = common::docx_part(&file, "docProps/core.xml");
    assert!(core.contains("2022-12-28T00:00:00Z"), "{core}");
    // Frozen header row and percent-formatted shares.
    let sheet1 = common::docx_part(&file, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains(r#"ySplit="1""#) && sheet1.contains(r#"state="frozen""#));
    let styles = common::docx_part(&file, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0%""#));
}

#[test]
fn xlsx_needs_a_file_and_only_stats_takes_it() {
    let dir = fixture("quang-binh-2022");
    let d = dir.to_str().expect("utf-8");
    let no_file = vanban(&["stats", d, "--format", "xlsx"]);
    assert_eq!(no_file.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_file.stderr).contains("-o"));
    let check = vanban(&["check", d, "--format", "xlsx"]);
    assert_eq!(check.status.code(), Some(2));
    let text_to_file = vanban(&["stats", d, "-o", "x.xlsx"]);
    assert_eq!(text_to_file.status.code(), Some(2));
    assert!(!Path::new("x.xlsx").exists());
}

#[test]
fn no_results_no_annex() {
    let (_tmp, out) = build(&fixture("before-count-2024"));
    assert!(!out.join("thong-ke.xlsx").exists());
}
