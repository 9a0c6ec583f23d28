//! `roster-name` through the binary, on results files: a name written with
//! another tone placement or case than the roster's is a warning at its
//! line and every document prints the roster's spelling; any other name is
//! exit 2 naming the closest roster name, and nothing is built. Also the
//! optional member field `probationary`, printed "Đảng viên dự bị".

mod common;

use common::{edited, replace_in, vanban};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// quang-binh-2022 with "Trần Thị Kim Oanh" renamed on tong-hop's roster to
/// "Trần Thị Thúy", and written `written` in the branch's results.
fn cycle(written: &str) -> (tempfile::TempDir, PathBuf) {
    edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("cycle.yaml"),
            "      - Trần Thị Kim Oanh",
            "      - Trần Thị Thúy",
        );
        let results = dir.join("results/tong-hop.yaml");
        replace_in(
            &results,
            "  - name: Trần Thị Kim Oanh\n",
            &format!("  - name: {written}\n"),
        );
        // A probationary member, as the contract's optional field says.
        replace_in(
            &results,
            "  - name: Cao Văn Lực\n",
            "  - name: Cao Văn Lực\n    probationary: true\n",
        );
    })
}

fn check_json(dir: &Path) -> (Option<i32>, Vec<Value>) {
    let out = vanban(&["check", dir.to_str().expect("utf-8"), "--format", "json"]);
    let items = serde_json::from_slice(&out.stdout).expect("a json list");
    (out.status.code(), items)
}

fn roster_names(items: &[Value]) -> Vec<&Value> {
    items
        .iter()
        .filter(|d| d["code"] == "roster-name")
        .collect()
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        match path.is_dir() {
            true => out.extend(files(&path)),
            false => out.push(path),
        }
    }
    out
}

#[test]
fn another_tone_placement_warns_and_documents_print_the_roster_spelling() {
    let (_tmp, dir) = cycle("Trần Thị Thuý");
    let (code, items) = check_json(&dir);
    assert_eq!(code, Some(0), "{items:#?}");
    let found = roster_names(&items);
    assert_eq!(found.len(), 1, "{items:#?}");
    let d = found[0];
    assert_eq!(d["severity"], "warning");
    assert!(
        d["file"]
            .as_str()
            .expect("file")
            .ends_with("results/tong-hop.yaml")
    );
    assert_eq!(d["line"], 33, "the name's line: {d:#?}");
    assert_eq!(d["path"], "members[7].name");
    let message = d["message"].as_str().expect("message");
    assert!(message.contains("“Trần Thị Thuý”"), "{message}");
    assert!(message.contains("“Trần Thị Thúy”"), "{message}");

    let out = dir.parent().expect("parent").join("out");
    let run = common::build_into(&dir, &out);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut printed = 0;
    for file in files(&out) {
        let text = match file.extension().and_then(|e| e.to_str()) {
            Some("md") => std::fs::read_to_string(&file).expect("markdown"),
            Some("docx") => common::docx_part(&file, "word/document.xml"),
            _ => continue,
        };
        assert!(!text.contains("Thuý"), "{} prints “Thuý”", file.display());
        printed += usize::from(text.contains("Trần Thị Thúy"));
    }
    // The branch report, the minutes, the ballot, the decision, … in both formats.
    assert!(
        printed >= 4,
        "“Trần Thị Thúy” printed in {printed} documents"
    );

    // `probationary: true` is printed in the member table's role column.
    let report = std::fs::read_to_string(out.join("chi-bo/tong-hop/bao-cao.md")).expect("report");
    let row = report
        .lines()
        .find(|l| l.contains("Cao Văn Lực"))
        .unwrap_or_else(|| panic!("no row: {report}"));
    assert!(row.contains("Đảng viên dự bị"), "{row}");
}

#[test]
fn a_name_not_on_the_roster_is_exit_2_naming_the_closest() {
    // Another tone (huyền, not sắc): another name.
    let (_tmp, dir) = cycle("Trần Thị Thùy");
    let (code, items) = check_json(&dir);
    assert_eq!(code, Some(2), "{items:#?}");
    let found = roster_names(&items);
    assert_eq!(found.len(), 1, "{items:#?}");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["line"], 33);
    let message = found[0]["message"].as_str().expect("message");
    assert!(
        message.contains("“Trần Thị Thùy” không có trong danh sách đảng viên của chi bộ `tong-hop`; tên gần nhất trong danh sách: “Trần Thị Thúy”"),
        "{message}"
    );
    let out = dir.parent().expect("parent").join("out");
    let run = common::build_into(&dir, &out);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists(), "a failed build wrote {out:?}");
    let english = vanban(&["check", dir.to_str().expect("utf-8"), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&english.stderr);
    assert!(
        stderr.contains("error[roster-name]: “Trần Thị Thùy” is not on the roster of branch `tong-hop`; the closest roster name: “Trần Thị Thúy”"),
        "{stderr}"
    );
}
