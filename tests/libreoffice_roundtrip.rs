//! A branch report form filled the way a secretary fills it: the tables'
//! cells, then the prose typed in LibreOffice Writer (driven headless through
//! Python-UNO, `tests/libreoffice/type_prose.py`) into every section — over
//! the dotted lines, several paragraphs where Enter was pressed — and saved
//! as DOCX by LibreOffice. `collect` reads it, `build` reissues the branch's
//! report and writes the consolidated report: every typed sentence must be
//! in the results, in the reissued report and in the consolidated report.
//! Run on the built-in example (Quy định 132, 2022) and on the 366 fixture.

mod common;
#[path = "common/fill.rs"]
mod fill;

use common::{copy_dir, fixture, squash, vanban};
use fill::{At, Fill, fill};
use std::path::{Path, PathBuf};
use std::process::Command;
use vanban::cycle::raw::Results;
use vanban::domain::forms::label;

/// A Python with the `uno` module (Debian's python3-uno is for
/// /usr/bin/python3, not for another Python first on PATH).
fn python_uno() -> Option<PathBuf> {
    let found = ["/usr/bin/python3", "python3"].into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import uno"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let office = common::tool_available(
        "soffice",
        "--version",
        "apt-get install -y libreoffice-writer-nogui",
    );
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Python-UNO is not installed: apt-get install -y python3-uno"
        );
        eprintln!("SKIPPED: Python-UNO is not installed (apt-get install -y python3-uno)");
    }
    found.filter(|_| office).map(PathBuf::from)
}

/// One section's typing: the paragraph it follows, and what is typed.
struct Typing {
    after: &'static str,
    paragraphs: &'static [&'static str],
}

/// What came out: the results file, the reissued report, the consolidated report.
struct RoundTrip {
    results: Results,
    report: String,
    consolidated: String,
}

fn round_trip(
    python: &Path,
    fixture_name: &str,
    branch: &str,
    fills: &[Fill],
    typing: &[Typing],
) -> RoundTrip {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cycle = tmp.path().join("cycle");
    copy_dir(&fixture(fixture_name), &cycle);
    let results_file = cycle.join("results").join(format!("{branch}.yaml"));
    std::fs::remove_file(&results_file).expect("the branch's results removed");
    let forms = tmp.path().join("forms");
    let run = vanban(&["build", path(&cycle), "-o", path(&forms)]);
    assert!(run.status.success(), "{}", stderr(&run));

    let cells = tmp.path().join("cells.docx");
    fill(
        &forms.join(format!("chi-bo/{branch}/bao-cao.docx")),
        &cells,
        fills,
    );
    let json: Vec<serde_json::Value> = typing
        .iter()
        .map(|t| serde_json::json!({"after": t.after, "paragraphs": t.paragraphs}))
        .collect();
    let typing_file = tmp.path().join("typing.json");
    std::fs::write(&typing_file, serde_json::to_vec(&json).expect("json")).expect("write");
    let typed = tmp.path().join("bao-cao.docx");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/libreoffice/type_prose.py");
    let lo = Command::new(python)
        .arg(&script)
        .args([&cells, &typed, &typing_file])
        .output()
        .expect("python runs");
    assert!(
        lo.status.success() && typed.is_file(),
        "LibreOffice did not type the form: {}",
        stderr(&lo)
    );
    let app = common::docx_part(&typed, "docProps/app.xml");
    assert!(app.contains("LibreOffice"), "saved by LibreOffice: {app}");

    let collected = vanban(&["collect", path(&cycle), path(&typed)]);
    assert_eq!(collected.status.code(), Some(0), "{}", stderr(&collected));
    assert!(
        !stderr(&collected).contains("form-text"),
        "{}",
        stderr(&collected)
    );
    let text = std::fs::read_to_string(&results_file).expect("results written");
    let results: Results = yaml_serde::from_str(&text).expect("results parse");

    let out = tmp.path().join("out");
    let run = vanban(&["build", path(&cycle), "-o", path(&out)]);
    assert!(run.status.success(), "{}", stderr(&run));
    let read = |p: &str| squash(&std::fs::read_to_string(out.join(p)).expect(p));
    RoundTrip {
        results,
        report: read(&format!("chi-bo/{branch}/bao-cao.md")),
        consolidated: read("bao-cao-tong-hop.md"),
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every typed paragraph is in the field, the report and the consolidated report.
fn assert_every_sentence(got: &RoundTrip, field: Option<&str>, typing: &Typing) {
    let field = field.unwrap_or_else(|| panic!("nothing read after “{}”", typing.after));
    for sentence in typing.paragraphs {
        assert!(
            field.lines().any(|l| l == *sentence),
            "{sentence} in {field:?}"
        );
        assert!(got.report.contains(sentence), "{sentence} in the report");
        assert!(
            got.consolidated.contains(sentence),
            "{sentence} in the consolidated report"
        );
    }
}

fn rated(names: &[&'static str], extra: &[(&'static str, &'static str)]) -> Vec<Fill<'static>> {
    let mut fills: Vec<Fill> = names
        .iter()
        .map(|n| Fill(At::Member(n, label::PROPOSED), "HTTNV"))
        .collect();
    fills.extend(extra.iter().map(|(row, text)| Fill(At::Row(row), text)));
    fills
}

#[test]
fn the_example_form_typed_in_libreoffice_reads_back_into_every_document() {
    let Some(python) = python_uno() else {
        return;
    };
    let names = [
        "Hoàng Minh Tuấn",
        "Đặng Thị Thanh Hương",
        "Lê Quang Minh",
        "Trương Thị Mỹ Linh",
        "Nguyễn Hữu Phước",
        "Phan Thị Ngọc Ánh",
        "Võ Đình Khánh",
        "Trần Thị Kim Oanh",
        "Đinh Công Thành",
        "Lưu Thị Hồng Nhung",
        "Cao Văn Lực",
        "Bùi Thị Phương Thảo",
    ];
    let fills = rated(
        &names,
        &[
            (label::DATE, "12/12/2022"),
            (label::PLACE, "Phòng họp tầng 2, Văn phòng UBND tỉnh"),
            (label::CHAIR, "Hoàng Minh Tuấn"),
            (label::CLERK, "Bùi Thị Phương Thảo"),
            (label::COLLECTIVE_RATING, "Hoàn thành tốt nhiệm vụ"),
        ],
    );
    let typing = [
        Typing {
            after: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
            paragraphs: &[
                "Chi bộ lãnh đạo hoàn thành 100% chương trình công tác năm 2022.",
                "Đảng viên đoàn kết, chấp hành nghiêm quy chế làm việc.",
            ],
        },
        Typing {
            after: "II. HẠN CHẾ, KHUYẾT ĐIỂM",
            paragraphs: &["Một số báo cáo chuyên đề còn chậm so với kế hoạch."],
        },
        Typing {
            after: "III. KẾT QUẢ KHẮC PHỤC",
            paragraphs: &["Đã khắc phục việc chậm cập nhật hồ sơ đảng viên năm 2021."],
        },
        Typing {
            after: "IV. TRÁCH NHIỆM",
            paragraphs: &["Trách nhiệm chính thuộc về chi ủy và đồng chí Bí thư chi bộ."],
        },
        Typing {
            after: "V. PHƯƠNG HƯỚNG",
            paragraphs: &[
                "Phân công chi ủy viên theo dõi từng báo cáo chuyên đề.",
                "Báo cáo tiến độ tại sinh hoạt chi bộ hằng tháng.",
            ],
        },
        Typing {
            after: "2. Đảng viên được đề nghị xếp loại",
            paragraphs: &["Không có."],
        },
    ];
    let got = round_trip(&python, "quang-binh-2022", "tong-hop", &fills, &typing);
    let c = &got.results.collective;
    assert_every_sentence(&got, c.strengths.as_deref(), &typing[0]);
    assert_every_sentence(&got, c.shortcomings.as_deref(), &typing[1]);
    assert_every_sentence(&got, c.remedied.as_deref(), &typing[2]);
    assert_every_sentence(&got, c.responsibility.as_deref(), &typing[3]);
    assert_every_sentence(&got, c.remedies.as_deref(), &typing[4]);
    assert_eq!(c.explanations, None, "the 132 form has no such section");
}

#[test]
fn a_qd366_form_typed_in_libreoffice_reads_back_into_every_document() {
    let Some(python) = python_uno() else {
        return;
    };
    let names = [
        "Trần Văn Hùng",
        "Lê Thị Thu Hà",
        "Nguyễn Văn Bình",
        "Phạm Thị Lan",
        "Hoàng Văn Sơn",
        "Đỗ Thị Mai",
    ];
    let mut fills = rated(
        &names,
        &[
            (label::DATE, "08/12/2026"),
            (label::PLACE, "Phòng họp số 1, Sở Nông nghiệp và Môi trường"),
            (label::CHAIR, "Trần Văn Hùng"),
            (label::CLERK, "Lê Thị Thu Hà"),
            (label::COLLECTIVE_RATING, "HTTNV"),
            (label::SCORE, "85"),
        ],
    );
    for (name, score) in names.iter().zip(["86", "84", "80", "78", "75", "72"]) {
        fills.push(Fill(At::Member(name, label::SCORE_TOTAL), score));
    }
    let typing = [
        Typing {
            after: "1. Việc chấp hành nguyên tắc tổ chức",
            paragraphs: &["Chi bộ giữ nghiêm nguyên tắc tập trung dân chủ trong mọi quyết định."],
        },
        Typing {
            after: "2. Kết quả thực hiện các mục tiêu",
            paragraphs: &["Hoàn thành 12/12 chỉ tiêu chuyên môn của năm 2026."],
        },
        Typing {
            after: "II. Hạn chế, khuyết điểm",
            paragraphs: &[
                "Việc theo dõi tiến độ một số nhiệm vụ còn chậm.",
                "Nguyên nhân chủ yếu là phân công chưa rõ người, rõ việc.",
            ],
        },
        Typing {
            after: "III. Kết quả khắc phục",
            paragraphs: &["Hạn chế về sinh hoạt chuyên đề năm 2025 đã được khắc phục."],
        },
        Typing {
            after: "IV. Giải trình",
            paragraphs: &["Cấp trên không gợi ý vấn đề nào cần giải trình."],
        },
        Typing {
            after: "V. Trách nhiệm của tập thể",
            paragraphs: &["Tập thể chi ủy chịu trách nhiệm về việc phân công chưa rõ."],
        },
        Typing {
            after: "VI. Phương hướng",
            paragraphs: &["Giao từng chi ủy viên phụ trách một nhóm nhiệm vụ."],
        },
        Typing {
            after: "2. Đảng viên được đề nghị xếp loại",
            paragraphs: &["Không có."],
        },
    ];
    let got = round_trip(&python, "qd366-2026", "van-phong", &fills, &typing);
    let c = &got.results.collective;
    let strengths = c.strengths.as_deref().expect("strengths read");
    // The sub-headings the sentences were typed under come with them.
    assert!(
        strengths.starts_with("1. Việc chấp hành nguyên tắc tổ chức"),
        "{strengths}"
    );
    assert_every_sentence(&got, Some(strengths), &typing[0]);
    assert_every_sentence(&got, Some(strengths), &typing[1]);
    assert_every_sentence(&got, c.shortcomings.as_deref(), &typing[2]);
    assert_every_sentence(&got, c.remedied.as_deref(), &typing[3]);
    assert_every_sentence(&got, c.explanations.as_deref(), &typing[4]);
    assert_every_sentence(&got, c.responsibility.as_deref(), &typing[5]);
    assert_every_sentence(&got, c.remedies.as_deref(), &typing[6]);
}
