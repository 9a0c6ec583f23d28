//! The self-review forms (bản kiểm điểm cá nhân): one per roster member,
//! at `chi-bo/<branch>/ban-kiem-diem/<nn>-<slug>`, in the form of the rule
//! set's guide for the member's `group` — 21-HD/BTCTW one form (Mẫu 02),
//! 25-HD/BTCTW 02A (no post) or 02B (a post), 43-HD/BTCTW 2A (a post), 2B
//! (no post), 2C (outside the political system) — pre-filled from the
//! roster, dots where it says nothing. Runs the real binary.

mod common;

use common::{build, copy_dir, docx_paragraphs, fixture, squash};
use std::path::{Path, PathBuf};

/// The Markdown of one member's form.
fn form(out: &Path, branch: &str, stem: &str) -> String {
    let file = out
        .join("chi-bo")
        .join(branch)
        .join("ban-kiem-diem")
        .join(format!("{stem}.md"));
    squash(&std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}")))
}

/// A copy of fixture `name` with `edits` (old, new) applied to cycle.yaml.
fn edited(name: &str, edits: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture(name), tmp.path());
    let file = tmp.path().join("cycle.yaml");
    let mut text = std::fs::read_to_string(&file).expect("cycle.yaml");
    for (old, new) in edits {
        assert!(text.contains(old), "{old:?} not in {name}");
        text = text.replacen(old, new, 1);
    }
    std::fs::write(&file, text).expect("write cycle.yaml");
    tmp
}

/// The headings every form has, whatever the guide (II–VI as in Mẫu 01).
const COMMON: [&str; 6] = [
    "## A. NỘI DUNG KIỂM ĐIỂM",
    "### II. Hạn chế, khuyết điểm và nguyên nhân",
    "### III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
    "### IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    "### V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
    "### VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
];

fn assert_common(text: &str, year: i32) {
    assert!(text.contains("**BẢN KIỂM ĐIỂM CÁ NHÂN**"), "{text}");
    assert!(text.contains(&format!("**Năm {year}**")), "{text}");
    for heading in COMMON {
        assert!(text.contains(heading), "no {heading:?} in {text}");
    }
    assert!(text.contains("**NGƯỜI TỰ KIỂM ĐIỂM**"), "{text}");
}

/// The 100-point self-assessment of 43-HD's forms.
fn assert_scored(text: &str) {
    assert!(text.contains("## B. TỰ ĐÁNH GIÁ, XẾP LOẠI"));
    for part in [
        "/30 điểm",
        "/70 điểm",
        "/100 điểm",
        "### II. Đề xuất xếp loại mức chất lượng",
    ] {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
}

#[test]
fn under_qd366_each_group_has_its_form_of_43_hd() {
    let (_tmp, out) = build(&fixture("qd366-2026"));
    // Mẫu 2A: leadership, every roster detail printed.
    let a = form(&out, "van-phong", "01-tran-van-hung");
    assert_common(&a, 2026);
    assert_scored(&a);
    // The form's label stands first (top right on paper), then the header.
    assert!(
        a.starts_with("*Mẫu 2A* ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG **CHI BỘ VĂN PHÒNG SỞ**"),
        "{a}"
    );
    assert!(a.contains("*Mẫu 2A*"));
    assert!(a.contains("Họ và tên: **Trần Văn Hùng** - Ngày sinh: 14/5/1972"));
    assert!(a.contains("Chức vụ Đảng: Bí thư chi bộ"));
    assert!(a.contains("Chức vụ chính quyền: Chánh Văn phòng Sở"));
    assert!(a.contains("Chức vụ đoàn thể: Chủ tịch Công đoàn Văn phòng"));
    assert!(a.contains("Đơn vị công tác: Văn phòng Sở Nông nghiệp và Môi trường"));
    assert!(a.contains("Sinh hoạt tại: Chi bộ Văn phòng Sở"));
    assert!(a.contains("trách nhiệm của người đứng đầu"));
    // Mẫu 2B: an ordinary member; what the roster does not give is dots.
    let b = form(&out, "van-phong", "03-nguyen-van-binh");
    assert_common(&b, 2026);
    assert_scored(&b);
    assert!(b.contains("*Mẫu 2B*"));
    assert!(b.contains("Chức vụ Đảng: …………"), "{b}");
    assert!(!b.contains("người đứng đầu"));
    // Mẫu 2C: outside the political system — its own three review items.
    let c = form(&out, "van-phong", "06-do-thi-mai");
    assert_common(&c, 2026);
    assert_scored(&c);
    assert!(c.contains("*Mẫu 2C*"));
    for item in [
        "1\\. Về phẩm chất chính trị, đạo đức, lối sống:",
        "2\\. Việc thực hiện quyền và nghĩa vụ của đảng viên:",
        "3\\. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu:",
    ] {
        assert!(c.contains(item), "no {item:?} in {c}");
    }
    assert!(c.contains("Chức vụ chính quyền: …………"), "{c}");
    // A name alone: the default group's form (2B), every detail dots.
    let alone = form(&out, "van-phong", "04-pham-thi-lan");
    assert!(alone.contains("*Mẫu 2B*"));
    assert!(alone.contains("Họ và tên: **Phạm Thị Lan** - Ngày sinh: …………"));
    // One form per roster row, numbered from 01.
    let folder = out.join("chi-bo/thuy-loi/ban-kiem-diem");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("forms written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "01-vo-minh-quan.docx",
            "02-nguyen-thi-huong.docx",
            "03-bui-duc-anh.docx",
            "04-truong-van-loc.docx",
            "05-phan-thi-yen.docx"
        ]
    );
    // The DOCX says what the Markdown says.
    let paragraphs = docx_paragraphs(&folder.join("01-vo-minh-quan.docx"));
    assert!(paragraphs.iter().any(|p| p == "Mẫu 2B"), "{paragraphs:?}");
}

#[test]
fn under_qd124_the_letters_of_25_hd() {
    let cycle = edited(
        "other-committee-2024",
        &[
            (
                "      - Thái Văn Hòa\n",
                "      - { name: Thái Văn Hòa, party_post: Bí thư chi bộ, job: Chánh Văn phòng Sở, group: lanh-dao }\n",
            ),
            (
                "      - Lê Thị Hoài\n",
                "      - { name: Lê Thị Hoài, born: 12/3/1958, group: ngoai-he-thong }\n",
            ),
        ],
    );
    let (_tmp, out) = build(cycle.path());
    let lead = form(&out, "van-phong", "01-thai-van-hoa");
    assert_common(&lead, 2024);
    assert!(lead.contains("*Mẫu 02B-HD KĐ.ĐG 2023*"), "{lead}");
    assert!(lead.contains("Chức vụ chính quyền: Chánh Văn phòng Sở"));
    assert!(lead.contains("## B. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG"));
    assert!(
        !lead.contains("/30 điểm"),
        "no 100-point scale before qd366"
    );
    for (stem, label) in [
        ("02-nguyen-thi-thanh-hoa", "*Mẫu 02A-HD KĐ.ĐG 2023*"),
        // 25-HD has no form of its own for members outside the system.
        ("06-le-thi-hoai", "*Mẫu 02A-HD KĐ.ĐG 2023*"),
    ] {
        let text = form(&out, "van-phong", stem);
        assert_common(&text, 2024);
        assert!(text.contains(label), "{stem}: {text}");
    }
    assert!(form(&out, "van-phong", "06-le-thi-hoai").contains("Ngày sinh: 12/3/1958"));
}

#[test]
fn under_qd132_one_form_for_everyone() {
    let cycle = edited(
        "quang-binh-2022",
        &[(
            "      - Hoàng Minh Tuấn\n",
            "      - { name: Hoàng Minh Tuấn, party_post: Bí thư chi bộ, group: lanh-dao }\n",
        )],
    );
    let (_tmp, out) = build(cycle.path());
    let dir: PathBuf = out.join("chi-bo/tong-hop/ban-kiem-diem");
    let stems: Vec<String> = std::fs::read_dir(&dir)
        .expect("forms written")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    assert_eq!(stems.len(), 12, "one per roster row");
    for stem in &stems {
        let text = form(&out, "tong-hop", stem);
        assert_common(&text, 2022);
        assert!(text.contains("*Mẫu 02-HD KĐ.ĐG 2019*"), "{stem}");
    }
    let head = form(&out, "tong-hop", "01-hoang-minh-tuan");
    assert!(head.contains("Chức vụ Đảng: Bí thư chi bộ"));
}

#[test]
fn a_branch_without_roster_has_no_forms() {
    let cycle = edited(
        "qd366-2026",
        &[(
            "    roster:\n      - Võ Minh Quân\n      - Nguyễn Thị Hương\n      - Bùi Đức Anh\n      - Trương Văn Lộc\n      - Phan Thị Yến\n",
            "",
        )],
    );
    let (_tmp, out) = build(cycle.path());
    assert!(!out.join("chi-bo/thuy-loi/ban-kiem-diem").exists());
    assert!(out.join("chi-bo/van-phong/ban-kiem-diem").is_dir());
}
