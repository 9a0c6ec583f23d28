//! `vanban collect` reading what a branch counts on its form: attendance
//! (the meeting table's present and absent rows) and the statistics table
//! (`thong-ke`), each checked against the member list; a dotted blank in a
//! cell read as nothing written. Forms are built by the real binary, filled
//! in their XML (`common/fill.rs`), collected, and the results YAML and the
//! documents built from it read back.

mod common;
#[path = "common/fill.rs"]
mod fill;

use common::{build, squash, vanban};
use fill::{At, Fill, Setup, fill, setup, with};
use std::path::{Path, PathBuf};
use vanban::cycle::raw::Results as ResultsFile;
use vanban::domain::forms::label;

impl Setup {
    /// The van-phong form filled with `fills`, written as `name`.
    fn filled(&self, name: &str, fills: &[Fill]) -> PathBuf {
        let out = self.dir.join(name);
        let form = self.forms.join("chi-bo/van-phong/bao-cao.docx");
        fill(&form, &out, fills);
        out
    }

    fn collect(&self, docx: &Path, extra: &[&str]) -> std::process::Output {
        let mut args = vec![
            "collect",
            self.cycle.to_str().expect("utf-8"),
            docx.to_str().expect("utf-8"),
        ];
        args.extend(extra);
        vanban(&args)
    }

    fn results_text(&self) -> String {
        std::fs::read_to_string(self.cycle.join("results/van-phong.yaml")).expect("written")
    }

    fn results(&self) -> ResultsFile {
        yaml_serde::from_str(&self.results_text()).expect("results parse")
    }

    /// Builds the cycle with the collected results: (guard, OUT).
    fn build(&self) -> (tempfile::TempDir, PathBuf) {
        build(&self.cycle)
    }
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The form-cell errors of a run, one line each.
fn cell_errors(out: &std::process::Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("error[form-cell]"))
        .map(str::to_owned)
        .collect()
}

const MEMBERS: [(&str, &str); 6] = [
    ("Thái Văn Hòa", "HTTNV"),
    ("Nguyễn Thị Thanh Hoa", "HTTNV"),
    ("Hồ Sỹ Lâm", "HTTNV"),
    ("Phan Thị Mai Anh", "HTNV"),
    ("Trần Đình Khoa", "HTTNV"),
    ("Lê Thị Hoài", "HTNV"),
];

/// The van-phong form filled: meeting, collective (HTTNV), four members
/// HTTNV and two HTNV; no attendance, no statistics.
fn base() -> Vec<Fill<'static>> {
    use At::Row;
    let mut fills = vec![
        Fill(Row(label::DATE), "09/12/2024"),
        Fill(Row(label::PLACE), "Phòng họp Văn phòng Sở"),
        Fill(Row(label::CHAIR), "Thái Văn Hòa"),
        Fill(Row(label::CLERK), "Lê Thị Hoài"),
        Fill(Row(label::COLLECTIVE_RATING), "Hoàn thành tốt nhiệm vụ"),
    ];
    for (name, rating) in MEMBERS {
        fills.push(Fill(At::Member(name, label::PROPOSED), rating));
    }
    fills
}

/// [`base`] with `fills` in place of any fill of the same cell.
fn plus(fills: Vec<Fill<'static>>) -> Vec<Fill<'static>> {
    fills.into_iter().fold(base(), with)
}

fn present(text: &'static str) -> Fill<'static> {
    Fill(At::Row(label::PRESENT), text)
}

fn absent(text: &'static str) -> Fill<'static> {
    Fill(At::Row(label::ABSENT), text)
}

// ---------------------------------------------------------------------------
// Attendance

#[test]
fn absent_members_read_back_and_the_minutes_count_them() {
    let s = setup();
    let docx = s.filled(
        "vang.docx",
        &plus(vec![
            present("4 đồng chí"),
            // One per paragraph, or `;` between them; three ways of writing the reason.
            absent("Hồ Sỹ Lâm (đi công tác)\nđồng chí Phan Thị Mai Anh: nghỉ ốm."),
        ]),
    );
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = s.results_text();
    assert!(
        text.contains("absent:\n  - name: Hồ Sỹ Lâm\n    reason: đi công tác\n  - name: Phan Thị Mai Anh\n    reason: nghỉ ốm\n"),
        "{text}"
    );

    let (_guard, out) = s.build();
    let minutes = squash(
        &std::fs::read_to_string(out.join("chi-bo/van-phong/bien-ban-kiem-diem.md"))
            .expect("minutes"),
    );
    assert!(
        minutes.contains(
            "Tổng số đảng viên của chi bộ: 6 đồng chí; có mặt: 4 đồng chí; vắng mặt: 2 đồng chí."
        ),
        "{minutes}"
    );
    assert!(minutes.contains("Vắng mặt: đồng chí Hồ Sỹ Lâm, lý do: đi công tác."));
    assert!(minutes.contains("Vắng mặt: đồng chí Phan Thị Mai Anh, lý do: nghỉ ốm."));
    // The reissued report prints the same figure and names, which read back alike.
    let report = std::fs::read_to_string(out.join("chi-bo/van-phong/bao-cao.md")).expect("report");
    assert!(report.contains("| Số đảng viên có mặt | 4 |"), "{report}");
    assert!(
        report.contains(
            "| Đảng viên vắng mặt (họ tên, lý do) | Hồ Sỹ Lâm (đi công tác); Phan Thị Mai Anh (nghỉ ốm) |"
        ),
        "{report}"
    );
    let before = s.results();
    let again = s.collect(&out.join("chi-bo/van-phong/bao-cao.docx"), &["--force"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(s.results().meeting.absent, before.meeting.absent);
}

#[test]
fn the_absent_cell_takes_dashes_and_semicolons_without_a_present_count() {
    let s = setup();
    let docx = s.filled(
        "vang.docx",
        &plus(vec![absent("Hồ Sỹ Lâm – đi học; Lê Thị Hoài - nghỉ phép")]),
    );
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let absent = s.results().meeting.absent.expect("known");
    let got: Vec<(&str, &str)> = absent
        .iter()
        .map(|a| (a.name.as_str(), a.reason.as_str()))
        .collect();
    assert_eq!(got, [("Hồ Sỹ Lâm", "đi học"), ("Lê Thị Hoài", "nghỉ phép")]);
}

#[test]
fn no_one_absent_is_an_empty_list() {
    for fills in [
        vec![absent("Không")],
        vec![absent("Không có"), present("6")],
        vec![absent("0")],
        // Everyone present with the absent cell left empty.
        vec![present("6")],
    ] {
        let s = setup();
        let docx = s.filled("du.docx", &plus(fills));
        let out = s.collect(&docx, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(s.results_text().contains("absent: []\n"));
        let (_guard, out) = s.build();
        let minutes = squash(
            &std::fs::read_to_string(out.join("chi-bo/van-phong/bien-ban-kiem-diem.md"))
                .expect("minutes"),
        );
        assert!(
            minutes.contains("có mặt: 6 đồng chí; vắng mặt: 0 đồng chí."),
            "{minutes}"
        );
        let report =
            std::fs::read_to_string(out.join("chi-bo/van-phong/bao-cao.md")).expect("report");
        assert!(report.contains("| Đảng viên vắng mặt (họ tên, lý do) | Không có |"));
    }
}

#[test]
fn attendance_left_empty_is_not_known() {
    let s = setup();
    let docx = s.filled("trong.docx", &base());
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!s.results_text().contains("absent"), "{}", s.results_text());
    let (_guard, out) = s.build();
    let minutes = squash(
        &std::fs::read_to_string(out.join("chi-bo/van-phong/bien-ban-kiem-diem.md"))
            .expect("minutes"),
    );
    assert!(minutes.contains("có mặt: …… đồng chí; vắng mặt: …… đồng chí."));
    assert!(!minutes.contains("vắng mặt: 0"));
}

#[test]
fn a_present_count_that_does_not_add_up_is_an_error_naming_both_figures() {
    let cases: [(Vec<Fill<'static>>, &[&str]); 5] = [
        (
            vec![present("4"), absent("Hồ Sỹ Lâm (đi công tác)")],
            &[
                "dòng “Số đảng viên có mặt”",
                "ghi 4 đảng viên có mặt",
                "danh sách đảng viên có 6 đồng chí, vắng mặt 1",
                "số có mặt là 5",
            ],
        ),
        (
            vec![present("5")],
            &[
                "ghi 5 đảng viên có mặt trong 6 đồng chí",
                "ghi họ tên, lý do của 1 đồng chí vắng mặt vào dòng “Đảng viên vắng mặt (họ tên, lý do)”",
            ],
        ),
        (
            vec![present("7")],
            &["ghi 7 đảng viên có mặt, nhiều hơn 6 đồng chí"],
        ),
        (
            vec![absent("Hồ Sỹ Lâm")],
            &[
                "dòng “Đảng viên vắng mặt (họ tên, lý do)”",
                "“Hồ Sỹ Lâm”: ghi họ tên và lý do vắng mặt",
            ],
        ),
        (
            vec![absent("Nguyễn Văn Không Có (ốm)")],
            &["“Nguyễn Văn Không Có” không có trong bảng dang-vien"],
        ),
    ];
    for (fills, parts) in cases {
        let s = setup();
        let docx = s.filled("sai.docx", &plus(fills));
        let out = s.collect(&docx, &[]);
        assert_eq!(out.status.code(), Some(2), "{parts:?}: {}", stderr(&out));
        let errors = cell_errors(&out);
        assert_eq!(errors.len(), 1, "{errors:?}");
        for part in parts {
            assert!(errors[0].contains(part), "{part} not in {}", errors[0]);
        }
        assert!(!s.cycle.join("results").exists());
    }
}

// ---------------------------------------------------------------------------
// The statistics table

const HTTNV: &str = "Hoàn thành tốt nhiệm vụ";
const HTNV: &str = "Hoàn thành nhiệm vụ";

/// Every figure of the statistics, as the member list gives them (4 HTTNV,
/// 2 HTNV of 6 rated), typed as a clerk might.
fn statistics() -> Vec<Fill<'static>> {
    let cell = |group, column, text| Fill(At::Under(group, column), text);
    vec![
        cell(label::RATED, label::RATED, "6"),
        cell("Hoàn thành xuất sắc nhiệm vụ", label::COUNT, "0"),
        cell("Hoàn thành xuất sắc nhiệm vụ", label::SHARE, "0%"),
        cell(HTTNV, label::COUNT, "4"),
        cell(HTTNV, label::SHARE, "66,7 %"),
        cell(HTNV, label::COUNT, "2 đồng chí"),
        cell(HTNV, label::SHARE, "33.3%"),
        cell("Không hoàn thành nhiệm vụ", label::COUNT, "0"),
        cell(label::UNRATED, label::UNRATED, "0"),
    ]
}

#[test]
fn right_counts_pass() {
    let s = setup();
    let docx = s.filled("thong-ke.docx", &plus(statistics()));
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_wrong_figure_is_an_error_naming_both() {
    let cases: [(Fill<'static>, &[&str]); 3] = [
        (
            Fill(At::Under(label::RATED, label::RATED), "7"),
            &[
                "bảng thong-ke (thống kê kết quả xếp loại), dòng 1, cột “Được xếp loại”",
                "bảng thống kê ghi 7, danh sách đảng viên có 6",
            ],
        ),
        (
            Fill(At::Under(HTTNV, label::COUNT), "3"),
            &[
                "cột “Hoàn thành tốt nhiệm vụ: Số lượng”",
                "bảng thống kê ghi 3, danh sách đảng viên có 4",
            ],
        ),
        (
            Fill(At::Under(HTNV, label::SHARE), "33%"),
            &[
                "cột “Hoàn thành nhiệm vụ: Tỷ lệ”",
                "bảng thống kê ghi 33%, danh sách đảng viên có 33,3% (2 trên 6 đồng chí được xếp loại)",
            ],
        ),
    ];
    for (wrong, parts) in cases {
        let s = setup();
        let fills = with(plus(statistics()), wrong);
        let docx = s.filled("sai.docx", &fills);
        let out = s.collect(&docx, &[]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let errors = cell_errors(&out);
        assert_eq!(errors.len(), 1, "{errors:?}");
        for part in parts {
            assert!(errors[0].contains(part), "{part} not in {}", errors[0]);
        }
        assert!(!s.cycle.join("results").exists());
    }
}

#[test]
fn figures_left_empty_are_not_compared() {
    // Only the HTTNV count typed (right); a wrong one would have failed.
    let s = setup();
    let docx = s.filled(
        "mot-o.docx",
        &plus(vec![Fill(At::Under(HTTNV, label::COUNT), "4")]),
    );
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// Dotted blanks

#[test]
fn a_filled_report_reads_back_with_its_dotted_blanks_empty() {
    // Collected once, built: the filled report prints dotted blanks for the
    // guests, attendance and achievements the results do not give, and its
    // statistics in full. Collected again, it gives the same results.
    let s = setup();
    let docx = s.filled("lan-1.docx", &base());
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = s.results();
    let (_guard, out) = s.build();
    let report = out.join("chi-bo/van-phong/bao-cao.docx");
    let md = std::fs::read_to_string(out.join("chi-bo/van-phong/bao-cao.md")).expect("md");
    for row in [
        "| Khách mời | …… |",
        "| Số đảng viên có mặt | …… |",
        "| Thành tích, sản phẩm cụ thể | …… |",
    ] {
        assert!(md.contains(row), "{row} not in {md}");
    }
    let again = s.collect(&report, &["--force"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(s.results(), first);
}

#[test]
fn a_dotted_blank_typed_in_a_form_cell_is_nothing_written() {
    let s = setup();
    let docx = s.filled(
        "cham.docx",
        &plus(vec![
            Fill(At::Row(label::GUESTS), "…………"),
            present("......"),
            absent("……"),
        ]),
    );
    let out = s.collect(&docx, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let results = s.results();
    assert_eq!(results.meeting.guests, None);
    assert_eq!(results.meeting.absent, None);
}
