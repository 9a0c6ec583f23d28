//! The branch report is the guide's Mẫu 01 of the cycle's rule set (issue
//! 11 point 2): its label top right and the guide's headings, on the blank
//! form and the filled report alike; `collect` reads a filled report back,
//! scores included.

mod common;

use common::{build, copy_dir, docx_paragraphs, edited, fixture, vanban, yaml};
use std::path::Path;

/// (fixture, a branch, the label, the headings in order) per rule set.
const FORMS: [(&str, &str, &str, &[&str]); 3] = [
    (
        "qd366-2026",
        "thuy-loi",
        "Mẫu 01",
        &[
            "## A. NỘI DUNG KIỂM ĐIỂM",
            "### I. Ưu điểm, kết quả đạt được",
            "### II. Hạn chế, khuyết điểm và nguyên nhân",
            "### III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
            "### IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "### V. Trách nhiệm của tập thể, cá nhân",
            "### VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
            "## B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "### I. Đánh giá theo các nhóm tiêu chí",
            "1\\. Nhóm tiêu chí chung: ",
            "2\\. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: ",
            "Tổng điểm: ",
            "### II. Đề xuất xếp loại mức chất lượng",
            "### 4. Danh sách đảng viên và mức xếp loại chi bộ đề nghị",
        ],
    ),
    (
        "other-committee-2024",
        "van-phong",
        "Mẫu 01-HD KĐ.ĐG 2023",
        &[
            "## I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
            "## II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
            "## III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC",
            "## IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)",
            "## V. LÀM RÕ TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM",
            "## VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM",
            "## VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
            "## VIII. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN",
        ],
    ),
    (
        "quang-binh-2022",
        "kinh-te",
        "Mẫu 01-HD KĐ.ĐG 2019",
        &[
            "## I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2022",
            "## II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
            "## III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA",
            "## IV. TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN",
            "## V. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC",
            "## VI. TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ",
            "## VII. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN",
        ],
    ),
];

/// The fixture's copy without results (every branch gets the blank form).
fn without_results(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    edited(name, |dir| {
        let results = dir.join("results");
        if results.exists() {
            std::fs::remove_dir_all(results).expect("remove results");
        }
    })
}

/// The label first (Markdown and DOCX), then every heading in order.
fn assert_form(report: &Path, label: &str, headings: &[&str]) {
    let md = std::fs::read_to_string(report.with_extension("md")).expect("read report");
    let first = md.lines().next().unwrap_or_default();
    assert_eq!(first, format!("*{label}*"), "{}", report.display());
    let paragraphs = docx_paragraphs(&report.with_extension("docx"));
    assert_eq!(paragraphs.first().map(String::as_str), Some(label));
    let mut from = 0;
    for heading in headings {
        let at = md[from..]
            .find(heading)
            .unwrap_or_else(|| panic!("{} lacks `{heading}` after byte {from}", report.display()));
        from += at + heading.len();
    }
}

#[test]
fn every_rule_set_has_its_guides_form_blank_and_filled() {
    for (name, branch, label, headings) in FORMS {
        let (_tmp, cycle) = without_results(name);
        let (_blank, out) = build(&cycle);
        assert_form(
            &out.join("chi-bo").join(branch).join("bao-cao"),
            label,
            headings,
        );
    }
    // The fixtures with results: the filled report has the same form.
    for (name, branch, label, headings) in [&FORMS[0], &FORMS[2]] {
        let (_filled, out) = build(&fixture(name));
        assert_form(
            &out.join("chi-bo").join(branch).join("bao-cao"),
            label,
            headings,
        );
    }
}

#[test]
fn a_filled_qd366_report_reads_back_with_its_scores() {
    let (_filled, out) = build(&fixture("qd366-2026"));
    let (_tmp, cycle) = without_results("qd366-2026");
    let report = out.join("chi-bo/thuy-loi/bao-cao.docx");
    let run = vanban(&[
        "collect",
        cycle.to_str().expect("utf-8"),
        report.to_str().expect("utf-8"),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // What the report prints of its own results is not typed text.
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!err.contains("form-text"), "{err}");
    let got = yaml(&cycle.join("results/thuy-loi.yaml"));
    let want = yaml(&fixture("qd366-2026").join("results/thuy-loi.yaml"));
    for key in ["rating", "score_general", "score_tasks", "score"] {
        assert_eq!(
            got["collective"][key], want["collective"][key],
            "collective.{key}"
        );
    }
    let members = |v: &yaml_serde::Value| v["members"].as_sequence().cloned().unwrap_or_default();
    let (got_members, want_members) = (members(&got), members(&want));
    assert_eq!(got_members.len(), want_members.len());
    for (g, w) in got_members.iter().zip(&want_members) {
        assert_eq!(g["name"], w["name"]);
        for key in ["score_general", "score_tasks"] {
            if !w[key].is_null() {
                assert_eq!(g[key], w[key], "{:?}.{key}", w["name"]);
            }
        }
        // The total: as given, else the sum of the parts the report printed.
        let sum = w["score_general"]
            .as_u64()
            .zip(w["score_tasks"].as_u64())
            .map(|(a, b)| a + b);
        assert_eq!(
            g["score"].as_u64(),
            w["score"].as_u64().or(sum),
            "{:?}",
            w["name"]
        );
    }
}

#[test]
fn filled_reports_of_the_older_rule_sets_read_back() {
    {
        let name = "quang-binh-2022";
        let (_filled, out) = build(&fixture(name));
        let tmp = tempfile::tempdir().expect("temp dir");
        let cycle = tmp.path().join(name);
        copy_dir(&fixture(name), &cycle);
        std::fs::remove_dir_all(cycle.join("results")).expect("remove results");
        let report = out.join("chi-bo/kinh-te/bao-cao.docx");
        let run = vanban(&[
            "collect",
            cycle.to_str().expect("utf-8"),
            report.to_str().expect("utf-8"),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        // What the report prints of its own results is not typed text.
        assert!(!String::from_utf8_lossy(&run.stderr).contains("form-text"));
        let got = yaml(&cycle.join("results/kinh-te.yaml"));
        let want = yaml(&fixture(name).join("results/kinh-te.yaml"));
        assert_eq!(got["collective"]["rating"], want["collective"]["rating"]);
        assert_eq!(
            got["members"].as_sequence().map(Vec::len),
            want["members"].as_sequence().map(Vec::len)
        );
    }
}
