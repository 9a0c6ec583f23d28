//! The form contract: the names of the tables the documents place
//! (`{{ table(name="…") }}` in the templates), the headings and row labels
//! they are printed with, and how `vanban collect` recognises each table of
//! a filled form. `render` writes with these, `collect` reads back by them:
//! a label changed here changes both.

use crate::cycle::{Group, Rating, Role, RuleSet};
use serde::Serialize;

/// The tables the documents place, by the name a template gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableName {
    /// `chi-bo`: the branch (id, name, year, member count).
    Branch,
    /// `hoi-nghi`: the review meeting (a branch's, or every branch's).
    Meeting,
    /// `tap-the`: the branch's rating of itself as a collective.
    Collective,
    /// `thong-ke`: members by level.
    Statistics,
    /// `dang-vien`: the member list (or the members by branch).
    Members,
    /// `thanh-tich`: members proposed HTXSNV and their products.
    Achievements,
    /// `truong-hop`: not rated, disciplined, on sick leave.
    Special,
    /// `xuat-sac`: the consolidated report's HTXSNV list.
    Excellent,
    /// `ket-qua`: the confidence vote, a row per person.
    VoteResult,
    /// `tin-nhiem`: the vote result in the consolidated report.
    Confidence,
    /// `khong-hoan-thanh`: the decision's list of members rated KHTNV.
    Failing,
    /// `khong-xep-loai`: the decision's list of members not rated.
    NotRated,
    /// `phieu`: a ballot's names with one box per level.
    Ballot,
}

impl TableName {
    pub const fn name(self) -> &'static str {
        match self {
            TableName::Branch => "chi-bo",
            TableName::Meeting => "hoi-nghi",
            TableName::Collective => "tap-the",
            TableName::Statistics => "thong-ke",
            TableName::Members => "dang-vien",
            TableName::Achievements => "thanh-tich",
            TableName::Special => "truong-hop",
            TableName::Excellent => "xuat-sac",
            TableName::VoteResult => "ket-qua",
            TableName::Confidence => "tin-nhiem",
            TableName::Failing => "khong-hoan-thanh",
            TableName::NotRated => "khong-xep-loai",
            TableName::Ballot => "phieu",
        }
    }

    /// Every table a document places.
    pub const ALL: [TableName; 13] = [
        TableName::Branch,
        TableName::Meeting,
        TableName::Collective,
        TableName::Statistics,
        TableName::Members,
        TableName::Achievements,
        TableName::Special,
        TableName::Excellent,
        TableName::VoteResult,
        TableName::Confidence,
        TableName::Failing,
        TableName::NotRated,
        TableName::Ballot,
    ];

    /// The tables `collect` reads back from a filled branch form, in the
    /// order it looks for them.
    pub const FORM: [TableName; 7] = [
        TableName::Branch,
        TableName::Meeting,
        TableName::Collective,
        TableName::Statistics,
        TableName::Members,
        TableName::Achievements,
        TableName::Special,
    ];

    /// The form tables a filled form cannot do without.
    pub const REQUIRED: [TableName; 4] = [
        TableName::Branch,
        TableName::Meeting,
        TableName::Collective,
        TableName::Members,
    ];

    /// How a form table is recognised: a row label of a `Thông tin | Nội
    /// dung` table, a column heading beside `Họ và tên`, or a heading of
    /// the statistics. `None` for a table no form carries.
    pub const fn mark(self) -> Option<Mark> {
        match self {
            TableName::Branch => Some(Mark::Row(label::BRANCH_ID)),
            TableName::Meeting => Some(Mark::Row(label::DATE)),
            TableName::Collective => Some(Mark::Row(label::COLLECTIVE_RATING)),
            TableName::Statistics => Some(Mark::Heading(label::RATED)),
            TableName::Members => Some(Mark::Column(label::ROLE)),
            TableName::Achievements => Some(Mark::Column(label::ACHIEVEMENTS)),
            TableName::Special => Some(Mark::Column(label::NOT_RATED)),
            _ => None,
        }
    }
}

/// What marks a form table (see [`TableName::mark`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A row label of a `Thông tin | Nội dung` table.
    Row(&'static str),
    /// A column heading beside `Họ và tên`.
    Column(&'static str),
    /// A column heading of a table without names (the statistics).
    Heading(&'static str),
}

/// Headings and row labels of the tables (printed Vietnamese; read back by
/// `collect`).
pub mod label {
    use crate::cycle::Role;

    pub const ITEM: &str = "Thông tin";
    pub const VALUE: &str = "Nội dung";

    // Rows of the branch table (`chi-bo`).
    pub const BRANCH_ID: &str = "Mã chi bộ";
    pub const BRANCH_NAME: &str = "Tên chi bộ";
    pub const YEAR: &str = "Năm";
    pub const MEMBER_COUNT: &str = "Tổng số đảng viên";

    // Rows of the meeting table (`hoi-nghi`).
    pub const DATE: &str = "Ngày họp";
    pub const PLACE: &str = "Địa điểm";
    pub const CHAIR: &str = "Chủ trì";
    pub const CLERK: &str = "Thư ký";
    pub const GUESTS: &str = "Khách mời";
    /// How many members attended; in a filled report, the members on the
    /// roll less those absent (`figures::present`).
    pub const PRESENT: &str = "Số đảng viên có mặt";
    /// Who was absent and why: `Họ tên (lý do)`, one a paragraph or `;`
    /// between them; [`NO_ONE`] when everyone attended.
    pub const ABSENT: &str = "Đảng viên vắng mặt (họ tên, lý do)";
    /// Written in the absent cell when everyone attended.
    pub const NO_ONE: &str = "Không có";

    // Rows of the collective table (`tap-the`).
    pub const COLLECTIVE_RATING: &str = "Tập thể chi bộ tự xếp loại";
    pub const SCORE: &str = "Điểm";
    /// qd366-2025: the two parts of the collective's 100-point score.
    pub const SCORE_GENERAL: &str = "Điểm nhóm tiêu chí chung (tối đa 30)";
    pub const SCORE_TASKS: &str = "Điểm nhóm tiêu chí về kết quả thực hiện nhiệm vụ (tối đa 70)";
    /// qd366-2025: the score columns of the member table, under `Điểm`.
    pub const SCORE_PART_GENERAL: &str = "Chung (/30)";
    pub const SCORE_PART_TASKS: &str = "Nhiệm vụ (/70)";
    pub const SCORE_TOTAL: &str = "Tổng (/100)";
    pub const ACHIEVEMENTS: &str = "Thành tích, sản phẩm cụ thể";

    // Columns of the member tables.
    pub const NO: &str = "STT";
    pub const NAME: &str = "Họ và tên";
    pub const ROLE: &str = "Chức vụ trong chi bộ";
    pub const RATING: &str = "Xếp loại";
    pub const SELF_RATING: &str = "Tự xếp loại";
    pub const PROPOSED: &str = "Chi bộ đề nghị";
    pub const PROPOSED_FULL: &str = "Chi bộ đề nghị xếp loại";
    pub const NOTE: &str = "Ghi chú";
    pub const NOT_RATED: &str = "Không xếp loại (lý do)";
    pub const DISCIPLINE: &str = "Kỷ luật trong năm (hình thức)";
    pub const SICK_LEAVE: &str = "Nghỉ ốm (số tháng)";
    pub const SELF_REMEDIED: &str = "Tự phát hiện, tự khắc phục";

    // Columns of the statistics table (`thong-ke`).
    pub const RATED: &str = "Được xếp loại";
    pub const COUNT: &str = "Số lượng";
    pub const SHARE: &str = "Tỷ lệ";
    pub const UNRATED: &str = "Không xếp loại";

    // Columns of the vote table (`ket-qua`).
    pub const POSITION: &str = "Chức vụ";
    pub const VOTE_HIGH: &str = "Tín nhiệm cao";
    pub const VOTE_TRUST: &str = "Tín nhiệm";
    pub const VOTE_LOW: &str = "Tín nhiệm thấp";
    pub const BALLOTS: &str = "Số phiếu";

    /// Written in the rating column for a member not rated.
    pub const UNRATED_CELL: &str = "Không xếp loại";
    pub const YES: &str = "Có";

    /// Role names, as a member table prints them.
    pub const ROLES: [(super::Role, &str); 4] = [
        (Role::BiThu, "Bí thư"),
        (Role::PhoBiThu, "Phó Bí thư"),
        (Role::ChiUyVien, "Chi ủy viên"),
        (Role::DangVien, "Đảng viên"),
    ];
    /// The role column of a probationary member (`probationary: true`).
    pub const PROBATIONARY: &str = "Đảng viên dự bị";
    /// Other ways secretaries write a role in the member table, read as
    /// the role beside them (any case and tone placement, as every role).
    pub const ROLE_SPELLINGS: [(super::Role, &str); 3] = [
        (Role::BiThu, "Bí thư chi bộ"),
        (Role::PhoBiThu, "Phó Bí thư chi bộ"),
        (Role::DangVien, "Đảng viên chính thức"),
    ];
}

/// The label of the branch report form under a rule set, printed top right
/// as in the guide: Mẫu 01 of 43-HD/BTCTW (2025), Mẫu 01-HD KĐ.ĐG 2023 of
/// 25-HD/BTCTW, Mẫu 01-HD KĐ.ĐG 2019 of 21-HD/BTCTW.
pub fn branch_report_label(rules: crate::cycle::RuleSet) -> &'static str {
    use crate::cycle::RuleSet;
    match rules {
        RuleSet::Qd366_2025 => "Mẫu 01",
        RuleSet::Qd124_2023 => "Mẫu 01-HD KĐ.ĐG 2023",
        RuleSet::Qd132_2018 => "Mẫu 01-HD KĐ.ĐG 2019",
    }
}

/// The printed name of a role in the branch.
pub fn role_name(role: Role) -> &'static str {
    label::ROLES
        .iter()
        .find(|(r, _)| *r == role)
        .map_or("", |(_, name)| name)
}

/// What a member table prints in the role column: the role, or
/// [`label::PROBATIONARY`] for a probationary ordinary member.
pub fn member_role_name(m: &crate::cycle::Member) -> &'static str {
    match (m.role, m.probationary) {
        (Role::DangVien, true) => label::PROBATIONARY,
        (role, _) => role_name(role),
    }
}

/// Every heading a header row of a form table may hold (the level names
/// aside: [`Rating::full_name`]).
pub const HEADINGS: [&str; 24] = [
    label::ITEM,
    label::VALUE,
    label::NO,
    label::NAME,
    label::ROLE,
    label::SCORE,
    label::SCORE_PART_GENERAL,
    label::SCORE_PART_TASKS,
    label::SCORE_TOTAL,
    label::RATING,
    label::SELF_RATING,
    label::PROPOSED,
    label::PROPOSED_FULL,
    label::NOTE,
    label::NOT_RATED,
    label::DISCIPLINE,
    label::SICK_LEAVE,
    label::SELF_REMEDIED,
    label::ACHIEVEMENTS,
    label::MEMBER_COUNT,
    label::RATED,
    label::COUNT,
    label::SHARE,
    label::UNRATED,
];

/// The level a rating cell names in full.
pub fn rating_cell(rating: Option<Rating>) -> &'static str {
    rating.map_or(label::UNRATED_CELL, Rating::full_name)
}

/// The self-review form (bản kiểm điểm cá nhân) a guide prescribes for a
/// member: Hướng dẫn 21-HD/BTCTW has one; 25-HD/BTCTW has 02A (no
/// leadership post) and 02B (a post); 43-HD/BTCTW has 2A (a post), 2B (no
/// post) and 2C (outside the political system) — the letters swap in 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelfReviewForm {
    Hd21,
    Hd25Member,
    Hd25Leader,
    Hd43Leader,
    Hd43Member,
    Hd43Outside,
}

impl SelfReviewForm {
    /// The form for a member of `group` under `rules`.
    pub fn of(rules: RuleSet, group: Group) -> SelfReviewForm {
        match (rules, group) {
            (RuleSet::Qd132_2018, _) => SelfReviewForm::Hd21,
            (RuleSet::Qd124_2023, Group::LanhDao) => SelfReviewForm::Hd25Leader,
            (RuleSet::Qd124_2023, _) => SelfReviewForm::Hd25Member,
            (RuleSet::Qd366_2025, Group::LanhDao) => SelfReviewForm::Hd43Leader,
            (RuleSet::Qd366_2025, Group::DangVien) => SelfReviewForm::Hd43Member,
            (RuleSet::Qd366_2025, Group::NgoaiHeThong) => SelfReviewForm::Hd43Outside,
        }
    }

    /// The label printed top right, as in the guide.
    pub fn label(self) -> &'static str {
        match self {
            SelfReviewForm::Hd21 => "Mẫu 02-HD KĐ.ĐG 2019",
            SelfReviewForm::Hd25Member => "Mẫu 02A-HD KĐ.ĐG 2023",
            SelfReviewForm::Hd25Leader => "Mẫu 02B-HD KĐ.ĐG 2023",
            SelfReviewForm::Hd43Leader => "Mẫu 2A",
            SelfReviewForm::Hd43Member => "Mẫu 2B",
            SelfReviewForm::Hd43Outside => "Mẫu 2C",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_table_has_a_mark_and_a_distinct_name() {
        let mut names: Vec<&str> = TableName::FORM.iter().map(|t| t.name()).collect();
        assert!(TableName::FORM.iter().all(|t| t.mark().is_some()));
        assert!(
            TableName::REQUIRED
                .iter()
                .all(|t| TableName::FORM.contains(t))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TableName::FORM.len());
    }

    /// The names the templates place tables by (`table(name="…")`).
    fn template_table_names() -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut names = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("templates/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a template is UTF-8");
            for part in text.split("table(name=\"").skip(1) {
                names.extend(part.split('"').next().map(str::to_owned));
            }
        }
        names
    }

    #[test]
    fn the_templates_place_exactly_the_named_tables() {
        let placed = template_table_names();
        let named: std::collections::BTreeSet<String> =
            TableName::ALL.iter().map(|t| t.name().to_owned()).collect();
        assert!(placed.contains("dang-vien"), "the templates were read");
        assert_eq!(placed, named);
    }

    #[test]
    fn every_role_has_a_printed_name() {
        for role in [Role::BiThu, Role::PhoBiThu, Role::ChiUyVien, Role::DangVien] {
            assert!(!role_name(role).is_empty(), "{role:?}");
        }
    }

    #[test]
    fn each_guide_has_its_self_review_forms() {
        use Group::{DangVien, LanhDao, NgoaiHeThong};
        let label = |rules, group| SelfReviewForm::of(rules, group).label();
        for g in Group::ALL {
            assert_eq!(label(RuleSet::Qd132_2018, g), "Mẫu 02-HD KĐ.ĐG 2019");
        }
        assert_eq!(
            label(RuleSet::Qd124_2023, DangVien),
            "Mẫu 02A-HD KĐ.ĐG 2023"
        );
        assert_eq!(
            label(RuleSet::Qd124_2023, NgoaiHeThong),
            "Mẫu 02A-HD KĐ.ĐG 2023"
        );
        assert_eq!(label(RuleSet::Qd124_2023, LanhDao), "Mẫu 02B-HD KĐ.ĐG 2023");
        // 43-HD swaps the letters: A is now the leader's form.
        assert_eq!(label(RuleSet::Qd366_2025, LanhDao), "Mẫu 2A");
        assert_eq!(label(RuleSet::Qd366_2025, DangVien), "Mẫu 2B");
        assert_eq!(label(RuleSet::Qd366_2025, NgoaiHeThong), "Mẫu 2C");
    }
}

/// What a branch writes in prose on its report form, section by section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Prose {
    /// Ưu điểm, kết quả đạt được (`collective.strengths`).
    Strengths,
    /// Hạn chế, khuyết điểm và nguyên nhân (`collective.shortcomings`).
    Shortcomings,
    /// Kết quả khắc phục hạn chế đã chỉ ra ở các kỳ trước (`collective.remedied`).
    Remedied,
    /// Giải trình những vấn đề được gợi ý kiểm điểm (`collective.explanations`).
    Explanations,
    /// Trách nhiệm của tập thể, cá nhân (`collective.responsibility`).
    Responsibility,
    /// Phương hướng, biện pháp khắc phục (`collective.remedies`).
    Remedies,
    /// The line naming the members proposed KHTNV: checked against the
    /// member rows, not kept.
    Failing,
}

/// Where each prose section of a rule set's branch report form sits: the
/// numbers of its heading and of the headings above it (`A.II` is section
/// II of part A), as `templates/bao-cao-chi-bo.md` numbers them.
pub fn prose_sections(rules: RuleSet) -> &'static [(&'static str, Prose)] {
    match rules {
        RuleSet::Qd366_2025 => &[
            ("A.I", Prose::Strengths),
            ("A.II", Prose::Shortcomings),
            ("A.III", Prose::Remedied),
            ("A.IV", Prose::Explanations),
            ("A.V", Prose::Responsibility),
            ("A.VI", Prose::Remedies),
            ("C.2", Prose::Failing),
        ],
        RuleSet::Qd124_2023 => &[
            ("I", Prose::Strengths),
            ("II", Prose::Shortcomings),
            ("III", Prose::Remedied),
            ("IV", Prose::Explanations),
            ("V", Prose::Responsibility),
            ("VI", Prose::Remedies),
            ("VIII.2", Prose::Failing),
        ],
        RuleSet::Qd132_2018 => &[
            ("I", Prose::Strengths),
            ("II", Prose::Shortcomings),
            ("III", Prose::Remedied),
            ("IV", Prose::Responsibility),
            ("V", Prose::Remedies),
            ("VII.2", Prose::Failing),
        ],
    }
}
