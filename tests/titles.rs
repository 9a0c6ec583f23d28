//! Documents' titles come from `templates/tieu-de.md` (prose lives in
//! templates): a cycle's own copy retitles its documents, and a title that
//! is not two lines is a template error that writes nothing.

mod common;

use common::{build_into, edited};
use std::fs;

const BUILT_IN: &str = include_str!("../templates/tieu-de.md");

fn with_titles(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    edited("quang-binh-2022", |dir| {
        fs::create_dir_all(dir.join("templates")).expect("mkdir");
        fs::write(dir.join("templates/tieu-de.md"), text).expect("write");
    })
}

#[test]
fn a_cycles_own_titles_retitle_its_documents() {
    let text = BUILT_IN.replace(
        "kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân năm {{ year }}\n",
        "tự kiểm điểm của chi bộ năm {{ year }}\n",
    );
    assert_ne!(
        text, BUILT_IN,
        "the branch report's subject is in the built-in template"
    );
    let (tmp, cycle) = with_titles(&text);
    let out = tmp.path().join("out");
    let run = build_into(&cycle, &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report = fs::read_to_string(out.join("chi-bo/tong-hop/bao-cao.md")).expect("report");
    assert!(report.contains("**BÁO CÁO**"), "{report}");
    assert!(
        report.contains("**tự kiểm điểm của chi bộ năm 2022**"),
        "{report}"
    );
    // The other documents keep their titles.
    let minutes =
        fs::read_to_string(out.join("chi-bo/tong-hop/bien-ban-kiem-diem.md")).expect("minutes");
    assert!(minutes.contains("**hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2022**"));
}

#[test]
fn a_title_that_is_not_two_lines_is_a_template_error() {
    let text = BUILT_IN.replace("BIÊN BẢN\nhội nghị", "BIÊN BẢN hội nghị");
    assert_ne!(text, BUILT_IN);
    let (tmp, cycle) = with_titles(&text);
    let out = tmp.path().join("out");
    let run = build_into(&cycle, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("template-error"), "{stderr}");
    assert!(stderr.contains("bien-ban-kiem-diem.md"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}
