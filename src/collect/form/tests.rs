//! Reading forms built in memory: cells, ratings and whole forms.

use super::cells::{parse_number, parse_yes};
use super::*;
use crate::cycle::{Rating, Role};
use crate::diagnostic::Code;
use crate::domain::forms::label;
use chrono::NaiveDate;
#[test]
fn ratings_in_full_abbreviated_and_any_case() {
    for text in [
        "Hoàn thành tốt nhiệm vụ",
        "hoàn thành tốt nhiệm vụ",
        "HOÀN THÀNH TỐT NHIỆM VỤ",
        "HTTNV",
        "httnv",
        " Hoàn  thành tốt nhiệm vụ. ",
        "Hoa\u{300}n tha\u{300}nh tốt nhiệm vụ",
    ] {
        assert_eq!(
            parse_rating(text),
            RatingCell::Rated(Rating::Httnv),
            "{text}"
        );
    }
    assert_eq!(parse_rating("KHTNV"), RatingCell::Rated(Rating::Khtnv));
    assert_eq!(
        parse_rating("Hoàn thành xuất sắc nhiệm vụ"),
        RatingCell::Rated(Rating::Htxsnv)
    );
    assert_eq!(parse_rating("không xếp loại"), RatingCell::Unrated);
    assert_eq!(parse_rating(""), RatingCell::Empty);
    for bad in ["Tốt", "HTT", "Hoàn thành tốt"] {
        assert_eq!(parse_rating(bad), RatingCell::Bad, "{bad}");
    }
}

#[test]
fn roles_as_secretaries_write_them() {
    let role = |role| {
        Some(RoleCell {
            role,
            probationary: false,
        })
    };
    let probationary = Some(RoleCell {
        role: Role::DangVien,
        probationary: true,
    });
    let cases = [
        ("Bí thư", role(Role::BiThu)),
        ("BÍ THƯ", role(Role::BiThu)),
        ("Bí thư chi bộ", role(Role::BiThu)),
        ("bí thư Chi bộ", role(Role::BiThu)),
        ("phó bí thư", role(Role::PhoBiThu)),
        ("Phó Bí thư chi bộ", role(Role::PhoBiThu)),
        ("PHÓ BÍ THƯ CHI BỘ", role(Role::PhoBiThu)),
        ("Chi ủy viên", role(Role::ChiUyVien)),
        ("Chi uỷ viên", role(Role::ChiUyVien)),
        ("CHI UỶ VIÊN", role(Role::ChiUyVien)),
        ("", role(Role::DangVien)),
        ("Đảng viên", role(Role::DangVien)),
        ("Đảng viên chính thức", role(Role::DangVien)),
        ("đảng viên  chính thức.", role(Role::DangVien)),
        ("Đảng viên dự bị", probationary),
        ("ĐẢNG VIÊN DỰ BỊ", probationary),
        ("Trưởng phòng", None),
        ("Dự bị", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_role(text), want, "{text}");
    }
}

#[test]
fn dates() {
    let d = NaiveDate::from_ymd_opt(2024, 12, 12);
    for text in [
        "12/12/2024",
        "12-12-2024",
        "12.12.2024",
        "2024-12-12",
        "ngày 12 tháng 12 năm 2024",
        "Ngày 12/12/2024",
        "12/12",
        "12/12/24",
    ] {
        assert_eq!(parse_date(text, 2024), d, "{text}");
    }
    for bad in [
        "31/02/2024",
        "hôm qua",
        "12",
        "12/12/2024 lúc 8 giờ",
        "99999999/1/1",
    ] {
        assert_eq!(parse_date(bad, 2024), None, "{bad}");
    }
}

#[test]
fn numbers_and_yes() {
    assert_eq!(parse_number("82", &["điểm"]), Some(82));
    assert_eq!(parse_number("82 điểm", &["điểm"]), Some(82));
    assert_eq!(parse_number("tám", &["điểm"]), None);
    assert_eq!(parse_number("99999999999", &[]), None);
    assert_eq!(parse_yes("Có"), Some(true));
    assert_eq!(parse_yes("x"), Some(true));
    assert_eq!(parse_yes(""), Some(false));
    assert_eq!(parse_yes("có lẽ"), None);
}

/// A form's document.xml from tables given as rows of cells; the first
/// row of each is its header row.
fn form(tables: &[&[&[&str]]]) -> FilledForm {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let body: String = tables
        .iter()
        .map(|rows| {
            let rows: String = rows
                .iter()
                .map(|r| {
                    format!(
                        "<w:tr>{}</w:tr>",
                        r.iter().map(|c| cell(c)).collect::<String>()
                    )
                })
                .collect();
            format!("<w:tbl>{rows}</w:tbl>")
        })
        .collect();
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let grids = docx_read::parse_tables(&xml).expect("parses");
    Tables::find(&grids).expect("a form").read()
}

const KV: &[&str] = &[label::ITEM, label::VALUE];

fn branch_and_meeting() -> [&'static [&'static [&'static str]]; 3] {
    [
        &[KV, &[label::BRANCH_ID, "a"], &[label::YEAR, "2024"]],
        &[
            KV,
            &[label::DATE, "9/12"],
            &[label::PLACE, "P"],
            &[label::CHAIR, "A"],
            &[label::CLERK, "B"],
        ],
        &[KV, &[label::COLLECTIVE_RATING, "htnv"]],
    ]
}

#[test]
fn a_reason_not_to_rate_wins_over_a_self_rating() {
    let [b, m, c] = branch_and_meeting();
    let members: &[&[&str]] = &[
        &[
            label::NO,
            label::NAME,
            label::ROLE,
            label::SELF_RATING,
            label::PROPOSED,
        ],
        &["1", "A", "Bí thư", "HTNV", "HTNV"],
        &["2", "C", "", "HTTNV", ""],
        &["3", "D", "", "HTNV", ""],
        &["4", "E", "", "", "Không xếp loại"],
    ];
    let special: &[&[&str]] = &[
        &[label::NO, label::NAME, label::NOT_RATED],
        &["1", "c", "kết nạp chưa đủ 6 tháng"],
    ];
    let f = form(&[b, m, c, members, special]);
    let r = f.results.expect("results");
    assert_eq!(r.meeting.date, "2024-12-09");
    let got: Vec<_> = r
        .members
        .iter()
        .map(|m| (m.rating, m.not_rated.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(Rating::Htnv), None),
            (None, Some("kết nạp chưa đủ 6 tháng")),
            (Some(Rating::Htnv), None),
            (None, None),
        ]
    );
    let paths: Vec<_> = f
        .diagnostics
        .iter()
        .map(|d| d.place.path.as_str())
        .collect();
    assert_eq!(
        paths,
        ["dang-vien[3].Chi bộ đề nghị", "dang-vien[4].Chi bộ đề nghị"],
        "D's self-rating used, E not rated without a reason"
    );
    assert!(f.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_filled_report_reads_back_too() {
    let [b, m, c] = branch_and_meeting();
    let members: &[&[&str]] = &[
        &[label::NO, label::NAME, label::ROLE, label::PROPOSED_FULL],
        &["1", "A", "Bí thư", Rating::Htnv.full_name()],
        &["2", "C", "", label::UNRATED_CELL],
    ];
    let special: &[&[&str]] = &[
        &[label::NO, label::NAME, label::NOT_RATED, label::DISCIPLINE],
        &["1", "C", "đình chỉ sinh hoạt đảng", ""],
    ];
    let f = form(&[b, m, c, members, special]);
    assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
    let r = f.results.expect("results");
    assert_eq!(
        r.members[1].not_rated.as_deref(),
        Some("đình chỉ sinh hoạt đảng")
    );
    assert_eq!(r.members[0].role, Role::BiThu);
}

#[test]
fn a_name_not_in_the_member_list_is_an_error() {
    let [b, m, c] = branch_and_meeting();
    let members: &[&[&str]] = &[
        &[label::NO, label::NAME, label::ROLE, label::PROPOSED_FULL],
        &["1", "A", "Bí thư", "HTNV"],
    ];
    let excellent: &[&[&str]] = &[
        &[label::NO, label::NAME, label::ACHIEVEMENTS],
        &["1", "Z", "x"],
    ];
    let f = form(&[b, m, c, members, excellent]);
    assert!(f.results.is_none());
    assert_eq!(f.diagnostics[0].place.path, "thanh-tich[1].Họ và tên");
}

#[test]
fn arbitrary_bytes_are_refused_without_panic() {
    for bytes in [&b""[..], b"PK\x03\x04", b"<w:document/>", &[0xff; 64]] {
        let d = read_form(bytes).expect_err("not a form");
        assert_eq!(d.code, Code::FormUnreadable);
    }
}
