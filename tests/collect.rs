//! `vanban collect`: build the branch report forms, fill them by editing
//! the cells' XML as a word processor does (the empty paragraph of a cell
//! replaced by runs holding the text), collect, and compare the results
//! file with what was filled, field by field. One filled form also goes
//! through LibreOffice, which rewrites the tables as a real word processor.

mod common;
#[path = "common/fill.rs"]
mod fill;

use common::{build, docx_part, vanban};
use fill::{At, Fill, Setup, fill, fill_xml, replace_part, setup, with};
use std::io::Write;
use std::path::{Path, PathBuf};
// The results schema is the loader's (`cycle::raw`); the old names kept here.
use vanban::cycle::raw::{
    Collective as CollectiveFile, Meeting as MeetingFile, Member as MemberFile,
    Results as ResultsFile,
};
use vanban::cycle::{Rating, Role};
use vanban::domain::forms::label;

impl Setup {
    fn form(&self, branch: &str) -> PathBuf {
        self.forms.join("chi-bo").join(branch).join("bao-cao.docx")
    }

    /// The branch's form filled with `fills`, written as `name`.
    fn filled(&self, branch: &str, name: &str, fills: &[Fill]) -> PathBuf {
        let out = self.dir.join(name);
        fill(&self.form(branch), &out, fills);
        out
    }

    fn results(&self, branch: &str) -> PathBuf {
        self.cycle.join("results").join(format!("{branch}.yaml"))
    }

    fn collect(&self, forms: &[&Path], extra: &[&str]) -> std::process::Output {
        let mut args = vec!["collect", self.cycle.to_str().expect("utf-8")];
        args.extend(forms.iter().map(|f| f.to_str().expect("utf-8")));
        args.extend(extra);
        vanban(&args)
    }
}

const CHAIR: &str = "Cao Xuân Bình";
const EXCELLENT_PRODUCT: &str =
    "Chủ trì thẩm định giá 42 tài sản công, tiết kiệm cho ngân sách 3,1 tỷ đồng.";

/// The gia-cong-san form, filled: ratings in full, abbreviated, in lower
/// case; a proposal left empty (the self-rating is used); a member not
/// rated with the reason in the special-case table; a disciplined member.
fn gia_cong_san_fills() -> Vec<Fill<'static>> {
    use At::*;
    let m = |name, col, text| Fill(Member(name, col), text);
    vec![
        Fill(Row(label::DATE), "10/12/2024"),
        Fill(Row(label::PLACE), "Phòng họp tầng 3, Sở Tài chính"),
        Fill(Row(label::CHAIR), CHAIR),
        Fill(Row(label::CLERK), "Lê Thị Ngọc Hà"),
        Fill(
            Row(label::GUESTS),
            "Đồng chí Hồ Thị Minh Nguyệt, Phó Bí thư Đảng ủy\nĐồng chí Trần Văn Nam; Đồng chí Lê Hữu Phước",
        ),
        Fill(Row(label::COLLECTIVE_RATING), "Hoàn thành tốt nhiệm vụ"),
        m(CHAIR, label::SELF_RATING, "Hoàn thành tốt nhiệm vụ"),
        m(CHAIR, label::PROPOSED, "Hoàn thành tốt nhiệm vụ"),
        m("Nguyễn Thị Lương", label::ROLE, "Phó Bí thư"),
        m("Nguyễn Thị Lương", label::PROPOSED, "HTXSNV"),
        m("Trần Hậu Đức", label::ROLE, "chi ủy viên"),
        m("Trần Hậu Đức", label::PROPOSED, "hoàn thành tốt nhiệm vụ"),
        m("Lê Thị Ngọc Hà", label::PROPOSED, "httnv"),
        m("Hồ Văn Kiên", label::SELF_RATING, "HTTNV"),
        m(
            "Nguyễn Thị Kim Liên",
            label::PROPOSED,
            "HOÀN THÀNH TỐT NHIỆM VỤ",
        ),
        m("Nguyễn Thị Kim Liên", label::NOTE, "Tự nhận khuyết điểm"),
        Fill(
            Body(label::ACHIEVEMENTS, 1, label::NAME),
            "Nguyễn Thị Lương",
        ),
        Fill(
            Body(label::ACHIEVEMENTS, 1, label::ACHIEVEMENTS),
            EXCELLENT_PRODUCT,
        ),
        Fill(
            Body(label::NOT_RATED, 1, label::NAME),
            "Nguyễn Thị Kim Liên",
        ),
        Fill(Body(label::NOT_RATED, 1, label::DISCIPLINE), "Khiển trách"),
        Fill(Body(label::NOT_RATED, 1, label::SICK_LEAVE), "2 tháng"),
        Fill(Body(label::NOT_RATED, 1, label::SELF_REMEDIED), "Có"),
        Fill(Body(label::NOT_RATED, 2, label::NAME), "Chu Văn Thịnh"),
        Fill(
            Body(label::NOT_RATED, 2, label::NOT_RATED),
            "kết nạp chưa đủ 6 tháng",
        ),
    ]
}

fn member(name: &str, role: Role, rating: Option<Rating>) -> MemberFile {
    MemberFile {
        name: name.to_owned(),
        role,
        rating,
        ..MemberFile::default()
    }
}

/// What `gia_cong_san_fills` must read back as.
fn gia_cong_san_expected() -> ResultsFile {
    use Rating::*;
    ResultsFile {
        branch: "gia-cong-san".into(),
        meeting: MeetingFile {
            date: "2024-12-10".into(),
            place: "Phòng họp tầng 3, Sở Tài chính".into(),
            chair: CHAIR.into(),
            clerk: "Lê Thị Ngọc Hà".into(),
            guests: Some(vec![
                "Đồng chí Hồ Thị Minh Nguyệt, Phó Bí thư Đảng ủy".into(),
                "Đồng chí Trần Văn Nam".into(),
                "Đồng chí Lê Hữu Phước".into(),
            ]),
            // Attendance rows left empty: not known.
            absent: None,
        },
        collective: CollectiveFile {
            rating: Httnv,
            score: None,
            score_general: None,
            score_tasks: None,
            achievements: None,
            strengths: None,
            shortcomings: None,
            remedied: None,
            explanations: None,
            responsibility: None,
            remedies: None,
        },
        members: vec![
            member(CHAIR, Role::BiThu, Some(Httnv)),
            MemberFile {
                achievements: Some(EXCELLENT_PRODUCT.into()),
                ..member("Nguyễn Thị Lương", Role::PhoBiThu, Some(Htxsnv))
            },
            member("Trần Hậu Đức", Role::ChiUyVien, Some(Httnv)),
            member("Lê Thị Ngọc Hà", Role::DangVien, Some(Httnv)),
            member("Hồ Văn Kiên", Role::DangVien, Some(Httnv)),
            MemberFile {
                discipline: Some("Khiển trách".into()),
                self_remedied: true,
                sick_leave_months: Some(2),
                ..member("Nguyễn Thị Kim Liên", Role::DangVien, Some(Httnv))
            },
            MemberFile {
                not_rated: Some("kết nạp chưa đủ 6 tháng".into()),
                ..member("Chu Văn Thịnh", Role::DangVien, None)
            },
        ],
    }
}

fn read_results(path: &Path) -> (String, ResultsFile) {
    let text = std::fs::read_to_string(path).expect("results written");
    let parsed = yaml_serde::from_str(&text).expect("results parse");
    (text, parsed)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The diagnostics of a `--format json` run (`{"written": …, "diagnostics": […]}`).
fn json(out: &std::process::Output) -> Vec<serde_json::Value> {
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    all["diagnostics"].as_array().expect("diagnostics").clone()
}

fn has(diags: &[serde_json::Value], code: &str) -> bool {
    diags.iter().any(|d| d["code"] == code)
}

fn assert_collected_gia_cong_san(s: &Setup, docx: &Path, out: &std::process::Output) {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    let (text, results) = read_results(&s.results("gia-cong-san"));
    let expected = gia_cong_san_expected();
    assert_eq!(results.meeting, expected.meeting);
    assert_eq!(results.collective, expected.collective);
    assert_eq!(results.members.len(), expected.members.len());
    for (got, want) in results.members.iter().zip(&expected.members) {
        assert_eq!(got, want);
    }
    assert_eq!(results, expected);
    let name = docx.display().to_string();
    assert!(text.starts_with("# "), "{text}");
    assert!(text.lines().take(3).any(|l| l.contains(&name)), "{text}");
    assert!(text.contains("mẫu báo cáo chi bộ"), "{text}");
    // The collected file passes `check` as it stands.
    let check = vanban(&["check", s.cycle.to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

// ---------------------------------------------------------------------------
// Tests.

#[test]
fn a_filled_form_reads_back_field_by_field() {
    let s = setup();
    let docx = s.filled("gia-cong-san", "gia-cong-san.docx", &gia_cong_san_fills());
    let out = s.collect(&[&docx], &["--format", "json"]);
    assert_collected_gia_cong_san(&s, &docx, &out);
    let diags = json(&out);
    // The empty proposal fell back to the self-rating, with a warning on that cell.
    let fallback = diags
        .iter()
        .find(|d| d["code"] == "form-cell")
        .expect("a warning for the empty proposal");
    assert_eq!(fallback["severity"], "warning");
    assert_eq!(fallback["path"], "dang-vien[5].Xếp loại: Chi bộ đề nghị");
    assert!(
        fallback["message"]
            .as_str()
            .expect("text")
            .contains("Hồ Văn Kiên")
    );
    assert!(
        fallback["file"]
            .as_str()
            .expect("text")
            .ends_with("gia-cong-san.docx")
    );
    // qd124-2023: a disciplined member who remedied it is a warning.
    assert!(has(&diags, "disciplined-above-fail"));
}

#[test]
fn a_form_rewritten_by_libreoffice_reads_back() {
    if !common::tool_available(
        "soffice",
        "--version",
        "apt-get install -y libreoffice-writer-nogui",
    ) {
        return;
    }
    let s = setup();
    let filled = s.filled("gia-cong-san", "gia-cong-san.docx", &gia_cong_san_fills());
    let profile = tempfile::tempdir().expect("profile dir");
    let outdir = s.dir.join("libreoffice");
    let run = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&outdir)
        .arg(&filled)
        .output()
        .expect("soffice runs");
    // soffice exits 0 even when it fails: the file must be there.
    let docx = outdir.join("gia-cong-san.docx");
    assert!(
        docx.is_file(),
        "LibreOffice wrote no DOCX: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_ne!(
        std::fs::read(&docx).expect("read"),
        std::fs::read(&filled).expect("read"),
        "LibreOffice rewrote the file"
    );
    let out = s.collect(&[&docx], &[]);
    assert_collected_gia_cong_san(&s, &docx, &out);
}

#[test]
fn a_rating_that_is_not_one_is_reported_with_its_cell() {
    let s = setup();
    let fills = with(
        gia_cong_san_fills(),
        Fill(At::Member("Trần Hậu Đức", label::PROPOSED), "Tốt"),
    );
    let docx = s.filled("gia-cong-san", "sai.docx", &fills);
    let out = s.collect(&[&docx], &[]);
    assert_refused(
        &s,
        &out,
        "form-cell",
        &[
            "bảng dang-vien",
            "dòng 3 (Trần Hậu Đức)",
            "cột “Xếp loại: Chi bộ đề nghị”",
            "“Tốt” không phải một mức xếp loại",
            "sai.docx",
        ],
    );
}

/// `collect` refused (exit 2, no results written), its `error[code]` line
/// holding every one of `parts`.
fn assert_refused(s: &Setup, out: &std::process::Output, code: &str, parts: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let head = format!("error[{code}]");
    let line = err
        .lines()
        .find(|l| l.starts_with(&head))
        .unwrap_or_else(|| panic!("no {code} error: {err}"));
    for part in parts {
        assert!(line.contains(part), "{part} not in {line}");
    }
    assert!(err.contains("Không ghi tệp nào."), "{err}");
    assert!(!s.cycle.join("results").exists());
}

#[test]
fn documents_that_are_not_our_forms_are_refused() {
    let s = setup();
    let text = s.dir.join("ghi-chu.docx");
    std::fs::write(&text, "không phải DOCX").expect("write");
    let zip_only = s.dir.join("rong.docx");
    replace_part_free_zip(&zip_only);
    let cases: [(&Path, &str); 4] = [
        (
            &text,
            "không phải tệp DOCX (không mở được như một tệp nén zip)",
        ),
        (&zip_only, "tệp nén không có word/document.xml"),
        (
            &s.forms.join("cong-van.docx"),
            "không phải mẫu báo cáo chi bộ của vanban",
        ),
        (
            &s.forms.join("chi-bo/van-phong/bien-ban-kiem-diem.docx"),
            "không phải mẫu báo cáo chi bộ của vanban",
        ),
    ];
    for (file, message) in cases {
        let out = s.collect(&[file], &[]);
        assert_eq!(out.status.code(), Some(2), "{}", file.display());
        let err = stderr(&out);
        let line = err
            .lines()
            .find(|l| l.starts_with("error[form-unreadable]"))
            .unwrap_or_else(|| panic!("{}: {err}", file.display()));
        assert!(line.contains(message), "{line}");
        assert!(line.contains(&file.display().to_string()), "{line}");
    }
    assert!(!s.cycle.join("results").exists());
}

/// A zip holding one text file, no `word/document.xml`.
fn replace_part_free_zip(out: &Path) {
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).expect("create"));
    writer
        .start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .expect("start");
    writer.write_all(b"hello").expect("write");
    writer.finish().expect("finish");
}

#[test]
fn an_existing_results_file_is_kept_without_force_and_replaced_with_it() {
    let s = setup();
    let first = s.filled("gia-cong-san", "lan-1.docx", &gia_cong_san_fills());
    assert_eq!(s.collect(&[&first], &[]).status.code(), Some(0));
    let before = std::fs::read(s.results("gia-cong-san")).expect("written");

    let fills = with(
        gia_cong_san_fills(),
        Fill(At::Row(label::PLACE), "Hội trường Sở Tài chính"),
    );
    let second = s.filled("gia-cong-san", "lan-2.docx", &fills);
    let out = s.collect(&[&second], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error[results-exists]"), "{err}");
    assert!(err.contains("gia-cong-san.yaml"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read(s.results("gia-cong-san")).expect("kept"),
        before
    );

    let out = s.collect(&[&second], &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, results) = read_results(&s.results("gia-cong-san"));
    assert_eq!(results.meeting.place, "Hội trường Sở Tài chính");
}

/// The van-phong form, filled plainly.
fn van_phong_fills(secretary_rating: &'static str) -> Vec<Fill<'static>> {
    use At::*;
    let mut fills = vec![
        Fill(Row(label::DATE), "ngày 9 tháng 12 năm 2024"),
        Fill(Row(label::PLACE), "Phòng họp Văn phòng Sở"),
        Fill(Row(label::CHAIR), "Thái Văn Hòa"),
        Fill(Row(label::CLERK), "Lê Thị Hoài"),
        Fill(Row(label::COLLECTIVE_RATING), "HTNV"),
        Fill(Member("Thái Văn Hòa", label::PROPOSED), secretary_rating),
    ];
    for name in [
        "Nguyễn Thị Thanh Hoa",
        "Hồ Sỹ Lâm",
        "Phan Thị Mai Anh",
        "Trần Đình Khoa",
        "Lê Thị Hoài",
    ] {
        fills.push(Fill(Member(name, label::PROPOSED), "HTNV"));
    }
    fills
}

#[test]
fn one_bad_form_of_two_means_no_file_is_written() {
    let s = setup();
    let good = s.filled("van-phong", "van-phong.docx", &van_phong_fills("HTNV"));
    let fills = with(gia_cong_san_fills(), Fill(At::Row(label::DATE), "hôm qua"));
    let bad = s.filled("gia-cong-san", "gia-cong-san.docx", &fills);
    let out = s.collect(&[&good, &bad], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let diags = json(&out);
    let date = diags
        .iter()
        .find(|d| d["path"] == "hoi-nghi.Ngày họp")
        .expect("the date cell reported");
    assert!(
        date["message"]
            .as_str()
            .expect("text")
            .contains("“hôm qua”")
    );
    assert!(!s.cycle.join("results").exists(), "nothing written");

    // Both good: both written.
    let fixed = s.filled("gia-cong-san", "gia-cong-san-2.docx", &gia_cong_san_fills());
    let out = s.collect(&[&good, &fixed], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(s.results("van-phong").is_file() && s.results("gia-cong-san").is_file());
}

#[test]
fn rule_errors_are_reported_and_the_results_still_written() {
    let s = setup();
    // The secretary rated above the collective (HTNV): `head-above-collective`.
    let docx = s.filled("van-phong", "van-phong.docx", &van_phong_fills("HTTNV"));
    let out = s.collect(&[&docx], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[head-above-collective]"), "{err}");
    // The rule points into the written file, with a snippet.
    assert!(err.contains("results/van-phong.yaml:"), "{err}");
    assert!(err.contains("Đã ghi"), "{err}");
    let (_, results) = read_results(&s.results("van-phong"));
    assert_eq!(results.members[0].rating, Some(Rating::Httnv));
    assert_eq!(results.meeting.date, "2024-12-09");
    let check = vanban(&["check", s.cycle.to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn a_form_of_another_branch_or_year_is_refused() {
    let s = setup();
    let mut fills = van_phong_fills("HTNV");
    fills.push(Fill(At::Row(label::BRANCH_ID), "khong-co"));
    let other_branch = s.filled("van-phong", "khac.docx", &fills);
    let mut fills = van_phong_fills("HTNV");
    fills.push(Fill(At::Row(label::YEAR), "2023"));
    let other_year = s.filled("van-phong", "nam-khac.docx", &fills);
    for (docx, path, text) in [
        (&other_branch, "chi-bo.Mã chi bộ", "`khong-co`"),
        (&other_year, "chi-bo.Năm", "2023"),
    ] {
        let out = s.collect(&[docx], &["--format", "json"]);
        assert_eq!(out.status.code(), Some(2));
        let diags = json(&out);
        let d = diags
            .iter()
            .find(|d| d["code"] == "form-branch")
            .expect("form-branch");
        assert_eq!(d["path"], path);
        assert!(d["message"].as_str().expect("text").contains(text));
    }
    // Two forms of one branch in one run.
    let a = s.filled("van-phong", "a.docx", &van_phong_fills("HTNV"));
    let out = s.collect(&[&a, &a], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error[form-branch]"));
    assert!(!s.cycle.join("results").exists());
}

#[test]
fn english_messages_with_lang_en() {
    let s = setup();
    let fills = with(
        van_phong_fills("HTNV"),
        Fill(At::Member("Hồ Sỹ Lâm", label::PROPOSED), "Giỏi"),
    );
    let docx = s.filled("van-phong", "van-phong.docx", &fills);
    let out = s.collect(&[&docx], &["--lang", "en"]);
    let err = stderr(&out);
    assert!(
        err.contains("table dang-vien (member list), row 3 (Hồ Sỹ Lâm), column “Xếp loại: Chi bộ đề nghị”: “Giỏi” is not a rating"),
        "{err}"
    );
    assert!(err.contains("No file written."), "{err}");
}

#[test]
fn scores_are_read_under_qd366() {
    // The 2024 cycle moved to 2025 and the 100-point scale.
    let s = setup();
    let yaml = std::fs::read_to_string(s.cycle.join("cycle.yaml")).expect("read");
    let yaml = yaml
        .replace("2024", "2025")
        .replace("rules: qd124-2023", "rules: qd366-2025");
    std::fs::write(s.cycle.join("cycle.yaml"), yaml).expect("write");
    let (_built, forms) = build(&s.cycle);
    let form = forms.join("chi-bo/van-phong/bao-cao.docx");
    use At::*;
    let mut fills = vec![
        Fill(Row(label::DATE), "09/12/2025"),
        Fill(Row(label::PLACE), "Phòng họp Văn phòng Sở"),
        Fill(Row(label::CHAIR), "Thái Văn Hòa"),
        Fill(Row(label::CLERK), "Lê Thị Hoài"),
        Fill(Row(label::COLLECTIVE_RATING), "Hoàn thành tốt nhiệm vụ"),
        Fill(Row(label::SCORE), "85 điểm"),
    ];
    let names = [
        "Thái Văn Hòa",
        "Nguyễn Thị Thanh Hoa",
        "Hồ Sỹ Lâm",
        "Phan Thị Mai Anh",
        "Trần Đình Khoa",
        "Lê Thị Hoài",
    ];
    let scores = ["88", "75", "80", "72", "79", "71"];
    for (name, score) in names.iter().zip(scores) {
        fills.push(Fill(Member(name, label::PROPOSED), "HTTNV"));
        fills.push(Fill(Member(name, label::SCORE_TOTAL), score));
    }
    let docx = s.dir.join("van-phong-2025.docx");
    fill(&form, &docx, &fills);
    let out = s.collect(&[&docx], &[]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let (_, results) = read_results(&s.results("van-phong"));
    assert_eq!(results.collective.score, Some(85));
    let got: Vec<Option<u32>> = results.members.iter().map(|m| m.score).collect();
    let want: Vec<Option<u32>> = scores.iter().map(|s| s.parse().ok()).collect();
    assert_eq!(got, want);
    assert!(!stderr(&out).contains("score-band"), "{}", stderr(&out));
}

/// Every branch's form is `chi-bo/<id>/bao-cao.docx`, so forms mailed back
/// all arrive named `bao-cao.docx` (saved into one folder per sender, or
/// renamed `bao-cao (1).docx` by the mail program): the branch is read from
/// the form's “Mã chi bộ” cell, never from the file name, and each lands in
/// its own results file. The JSON output lists which form went where.
#[test]
fn forms_mailed_back_under_one_name_go_to_their_own_branch() {
    let s = setup();
    for sender in ["thu-1", "thu-2"] {
        std::fs::create_dir_all(s.dir.join(sender)).expect("mkdir");
    }
    let a = s.filled("van-phong", "thu-1/bao-cao.docx", &van_phong_fills("HTNV"));
    let b = s.filled("gia-cong-san", "thu-2/bao-cao.docx", &gia_cong_san_fills());
    let c = s.filled("van-phong", "bao-cao (1).docx", &van_phong_fills("HTNV"));
    let out = s.collect(&[&a, &b], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let written: Vec<(String, String)> = all["written"]
        .as_array()
        .expect("written")
        .iter()
        .map(|w| {
            let name = |k: &str| {
                let p = PathBuf::from(w[k].as_str().expect("path"));
                let parent = p.parent().and_then(Path::file_name).expect("parent");
                format!(
                    "{}/{}",
                    parent.to_string_lossy(),
                    p.file_name().expect("name").to_string_lossy()
                )
            };
            (name("results"), name("form"))
        })
        .collect();
    assert_eq!(
        written,
        [
            (
                "results/van-phong.yaml".to_string(),
                "thu-1/bao-cao.docx".to_string()
            ),
            (
                "results/gia-cong-san.yaml".to_string(),
                "thu-2/bao-cao.docx".to_string()
            ),
        ]
    );
    let (_, results) = read_results(&s.results("gia-cong-san"));
    assert_eq!(results.meeting.chair, CHAIR);
    // A renamed copy is read by its cell too: van-phong again (needs --force).
    let out = s.collect(&[&c], &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("van-phong.yaml"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// Names against the roster, and roles as secretaries write them.

/// The roster's second van-phong member, renamed so that one name has the
/// `uý`/`úy` tone placement.
const THUY: &str = "Nguyễn Thị Thúy";

/// The 2024 fixture with `THUY` on van-phong's roster, and its forms.
fn setup_thuy() -> (Setup, tempfile::TempDir, PathBuf) {
    let s = setup();
    common::replace_in(&s.cycle.join("cycle.yaml"), "Nguyễn Thị Thanh Hoa", THUY);
    let (built, forms) = build(&s.cycle);
    let form = forms.join("chi-bo/van-phong/bao-cao.docx");
    (s, built, form)
}

/// The van-phong form filled plainly, every member HTNV, with `extra`
/// fills; the names of the rows are the roster's.
fn van_phong_thuy_fills(extra: Vec<Fill<'static>>) -> Vec<Fill<'static>> {
    use At::*;
    let mut fills = vec![
        Fill(Row(label::DATE), "09/12/2024"),
        Fill(Row(label::PLACE), "Phòng họp Văn phòng Sở"),
        Fill(Row(label::CHAIR), "Thái Văn Hòa"),
        Fill(Row(label::CLERK), "Lê Thị Hoài"),
        Fill(Row(label::COLLECTIVE_RATING), "HTNV"),
    ];
    for name in [
        "Thái Văn Hòa",
        THUY,
        "Hồ Sỹ Lâm",
        "Phan Thị Mai Anh",
        "Trần Đình Khoa",
        "Lê Thị Hoài",
    ] {
        fills.push(Fill(Member(name, label::PROPOSED), "HTNV"));
    }
    extra.into_iter().fold(fills, with)
}

#[test]
fn a_name_written_with_another_tone_placement_takes_the_roster_spelling() {
    let (s, _built, form) = setup_thuy();
    use At::*;
    let fills = van_phong_thuy_fills(vec![
        Fill(Member(THUY, label::NAME), "Nguyễn Thị Thuý"),
        Fill(Member("Thái Văn Hòa", label::NAME), "THÁI VĂN HOÀ"),
        // The special-case table names her in yet another way (the form's
        // own tables used to be matched with `uỷ` folded only: an error).
        Fill(Body(label::NOT_RATED, 1, label::NAME), "NGUYỄN THỊ THÚY"),
        Fill(Body(label::NOT_RATED, 1, label::SICK_LEAVE), "1 tháng"),
    ]);
    let docx = s.dir.join("van-phong.docx");
    fill(&form, &docx, &fills);
    let out = s.collect(&[&docx], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diags = json(&out);
    let warned: Vec<(&str, &str)> = diags
        .iter()
        .filter(|d| d["code"] == "roster-name")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            let file = d["file"].as_str().expect("file");
            assert!(file.ends_with("van-phong.docx"), "{file}");
            (
                d["path"].as_str().expect("path"),
                d["message"].as_str().expect("message"),
            )
        })
        .collect();
    assert_eq!(warned.len(), 2, "{diags:#?}");
    assert_eq!(warned[0].0, "dang-vien[1].Họ và tên");
    assert!(warned[0].1.contains("“THÁI VĂN HOÀ”"), "{}", warned[0].1);
    assert!(warned[0].1.contains("“Thái Văn Hòa”"), "{}", warned[0].1);
    assert_eq!(warned[1].0, "dang-vien[2].Họ và tên");
    assert!(warned[1].1.contains("“Nguyễn Thị Thuý”"), "{}", warned[1].1);
    assert!(
        warned[1].1.contains(&format!("“{THUY}”")),
        "{}",
        warned[1].1
    );
    // The results file has the roster's spelling only.
    let (text, results) = read_results(&s.results("van-phong"));
    assert!(!text.contains("Thuý") && !text.contains("HOÀ"), "{text}");
    assert_eq!(results.members[0].name, "Thái Văn Hòa");
    assert_eq!(results.members[1].name, THUY);
    assert_eq!(results.members[1].sick_leave_months, Some(1));
    // `check` finds nothing left to say about the names.
    let check = vanban(&[
        "check",
        s.cycle.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(!has(&json_list(&check), "roster-name"));
}

/// The diagnostics of `check --format json` (a bare list).
fn json_list(out: &std::process::Output) -> Vec<serde_json::Value> {
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    match all {
        serde_json::Value::Array(items) => items,
        other => other["diagnostics"].as_array().cloned().unwrap_or_default(),
    }
}

#[test]
fn a_name_not_on_the_roster_is_an_error_naming_the_closest() {
    let (s, _built, form) = setup_thuy();
    // Another tone (huyền, not sắc) is another name.
    let fills = van_phong_thuy_fills(vec![Fill(At::Member(THUY, label::NAME), "Nguyễn Thị Thùy")]);
    let docx = s.dir.join("van-phong.docx");
    fill(&form, &docx, &fills);
    let out = s.collect(&[&docx], &[]);
    assert_refused(
        &s,
        &out,
        "roster-name",
        &[
            "bảng dang-vien",
            "dòng 2",
            "“Nguyễn Thị Thùy” không có trong danh sách đảng viên của chi bộ `van-phong`",
            "tên gần nhất trong danh sách: “Nguyễn Thị Thúy”",
            "van-phong.docx",
        ],
    );
}

#[test]
fn roles_are_read_as_secretaries_write_them_and_probationary_round_trips() {
    let (s, built, form) = setup_thuy();
    let role = |name, text| Fill(At::Member(name, label::ROLE), text);
    let runs: [[&'static str; 6]; 2] = [
        [
            "Bí thư chi bộ",
            "PHÓ BÍ THƯ CHI BỘ",
            "Chi uỷ viên",
            "Đảng viên dự bị",
            "đảng viên chính thức",
            "Đảng viên",
        ],
        [
            "BÍ THƯ",
            "Phó bí thư",
            "CHI ỦY VIÊN",
            "đảng viên dự bị",
            "Đảng Viên Chính Thức",
            "",
        ],
    ];
    let names = [
        "Thái Văn Hòa",
        THUY,
        "Hồ Sỹ Lâm",
        "Phan Thị Mai Anh",
        "Trần Đình Khoa",
        "Lê Thị Hoài",
    ];
    let want = [
        (Role::BiThu, false),
        (Role::PhoBiThu, false),
        (Role::ChiUyVien, false),
        (Role::DangVien, true),
        (Role::DangVien, false),
        (Role::DangVien, false),
    ];
    for (n, texts) in runs.iter().enumerate() {
        let fills = names.iter().zip(texts).map(|(name, t)| role(*name, *t));
        let fills = van_phong_thuy_fills(fills.collect());
        let docx = s.dir.join(format!("van-phong-{n}.docx"));
        fill(&form, &docx, &fills);
        let out = s.collect(&[&docx], &["--force"]);
        assert_eq!(out.status.code(), Some(0), "{texts:?}: {}", stderr(&out));
        let (text, results) = read_results(&s.results("van-phong"));
        let got: Vec<(Role, bool)> = results
            .members
            .iter()
            .map(|m| (m.role, m.probationary))
            .collect();
        assert_eq!(got, want, "{texts:?}");
        assert!(
            text.contains("- name: Phan Thị Mai Anh\n  probationary: true\n"),
            "{text}"
        );
    }
    // The branch report built from those results prints the role as the
    // form reads it back: collected again, the same results.
    drop(built);
    let (_built, out) = build(&s.cycle);
    let report = out.join("chi-bo/van-phong/bao-cao.md");
    let md = std::fs::read_to_string(&report).expect("branch report");
    let row = md
        .lines()
        .find(|l| l.contains("Phan Thị Mai Anh"))
        .unwrap_or_else(|| panic!("no row: {md}"));
    assert!(row.contains("Đảng viên dự bị"), "{row}");
    let (_, before) = read_results(&s.results("van-phong"));
    let again = s.collect(&[&out.join("chi-bo/van-phong/bao-cao.docx")], &["--force"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let (_, after) = read_results(&s.results("van-phong"));
    assert_eq!(after.members, before.members);
}

/// A paragraph typed where the form has no section to write in (above its
/// tables) is read into no field, and said: a `form-text` warning quoting
/// it, the results still written.
#[test]
fn text_typed_outside_the_sections_is_reported_not_dropped() {
    let s = setup();
    let form = s.form("van-phong");
    let typed = "Kính gửi Đảng ủy Sở: chi bộ xin gửi kèm danh sách bổ sung.";
    let xml = fill_xml(
        &docx_part(&form, "word/document.xml"),
        &van_phong_fills("HTNV"),
    );
    let xml = xml.replacen(
        "<w:body>",
        &format!("<w:body><w:p><w:r><w:t>{typed}</w:t></w:r></w:p>"),
        1,
    );
    let docx = s.dir.join("van-phong.docx");
    replace_part(&form, &docx, &xml);
    let out = s.collect(&[&docx], &[]);
    let err = stderr(&out);
    assert!(err.contains("warning[form-text]"), "{err}");
    assert!(err.contains(typed), "{err}");
    assert!(s.results("van-phong").is_file(), "{err}");
}
