//! A qd366-2025 cycle end to end (fixtures/qd366-2026): the raised 25% cap
//! with its reason printed in the consolidated report, refused without the
//! reason (at its line in cycle.yaml, exit 1, nothing written), and a score
//! given as its two parts printed as their sum.

mod common;

use common::{build, copy_dir, fixture, squash, vanban};

#[test]
fn the_raised_cap_is_printed_with_its_reason() {
    let (_tmp, out) = build(&fixture("qd366-2026"));
    let report = squash(&std::fs::read_to_string(out.join("bao-cao-tong-hop.md")).expect("report"));
    assert!(
        report.contains("Mức tối đa theo quy định là 25% (mức áp dụng cho tổ chức có thành tích nổi bật theo Điều 11 khoản 1.5 Quy định số 366-QĐ/TW: Đảng bộ được Ban Thường vụ Tỉnh ủy tặng Bằng khen tổ chức cơ sở đảng trong sạch, vững mạnh tiêu biểu năm 2025) của 8 đồng chí: 8 × 25% = 2"),
        "{report}"
    );
    // A member scored by parts only (29 + 63) is printed with the parts and the total.
    let branch = std::fs::read_to_string(out.join("chi-bo/van-phong/bao-cao.md")).expect("report");
    assert!(
        branch.contains("| 2 | Lê Thị Thu Hà | Phó Bí thư | 29 | 63 | 92 |"),
        "{branch}"
    );
}

#[test]
fn the_raised_cap_without_a_reason_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cycle = tmp.path().join("cycle");
    copy_dir(&fixture("qd366-2026"), &cycle);
    let file = cycle.join("cycle.yaml");
    let text = std::fs::read_to_string(&file).expect("cycle.yaml");
    let without: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("quota_reason:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, without).expect("write");
    let out = tmp.path().join("out");
    let run = vanban(&[
        "build",
        cycle.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.exists(), "nothing written");
    // `build --format json` prints {"written": …, "diagnostics": […]}.
    let out: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    let diags = out["diagnostics"].as_array().expect("diagnostics");
    let d = diags
        .iter()
        .find(|d| d["path"] == "rule_options.quota_percent")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d["code"], "quota-excellent");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9), Some(18))
    );
    assert!(d["message"].as_str().unwrap().contains("quota_reason"));
}

#[test]
fn next_years_cycle_asks_for_a_new_reason() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let new = tmp.path().join("2027");
    let run = vanban(&[
        "new-cycle",
        fixture("qd366-2026").to_str().unwrap(),
        "--year",
        "2027",
        "-o",
        new.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(new.join("cycle.yaml")).expect("rolled cycle.yaml");
    assert!(
        text.contains("quota_reason: '[[lý do áp dụng mức 25% năm 2027]]'"),
        "{text}"
    );
    assert!(
        !text.contains("tiêu biểu năm 2025"),
        "last year's reason is not carried over"
    );
    // Until filled, it is a placeholder-left error at its line.
    let check = vanban(&["check", new.to_str().unwrap(), "--format", "json"]);
    let diags: Vec<serde_json::Value> = serde_json::from_slice(&check.stdout).expect("json");
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "placeholder-left" && d["path"] == "rule_options.quota_reason"),
        "{diags:#?}"
    );
}
