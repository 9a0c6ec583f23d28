//! The checked cycle: every value typed and validated once, by `convert`.
//! Later stages (rules, rendering) only ever see these types.

pub use super::doc_number::{DocNumber, KINDS, kind_name, kind_names};
pub use super::fill::{EXPECTED_FILL, Fill, is_placeholder};
pub use super::roster::{Group, RosterEntry};
use super::source::SourceFile;
use crate::diagnostic::Place;
use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Cycle {
    /// The cycle directory.
    pub dir: PathBuf,
    pub schema: u32,
    pub year: i32,
    pub rules: RuleSet,
    pub options: RuleOptions,
    pub holidays: Vec<NaiveDate>,
    pub place: String,
    pub issuer: Issuer,
    pub superior: Superior,
    pub references: IndexMap<String, Reference>,
    pub schedule: Schedule,
    pub directive: Directive,
    pub report: Option<ReportMeta>,
    /// The committee's decision recognising the ratings (`decision:`).
    pub decision: Option<DecisionMeta>,
    pub branches: Vec<Branch>,
    /// Results by branch id, for the branches that reported.
    pub results: BTreeMap<String, Results>,
    /// The counted confidence vote (votes.yaml with its counts).
    pub votes: Option<Votes>,
    /// Who is voted on, when and where: from votes.yaml, counted or not
    /// (the ballot and, before the count, the blank count minutes).
    pub vote_call: Option<VoteCall>,
    pub sources: Sources,
}

/// Rule sets (rules.md): the regulations change, so rules are versioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleSet {
    #[serde(rename = "qd132-2018")]
    Qd132_2018,
    #[serde(rename = "qd124-2023")]
    Qd124_2023,
    #[serde(rename = "qd366-2025")]
    Qd366_2025,
}

impl RuleSet {
    pub fn id(self) -> &'static str {
        match self {
            RuleSet::Qd132_2018 => "qd132-2018",
            RuleSet::Qd124_2023 => "qd124-2023",
            RuleSet::Qd366_2025 => "qd366-2025",
        }
    }

    /// The review years each set applies to (rules.md).
    pub fn years(self) -> std::ops::RangeInclusive<i32> {
        match self {
            RuleSet::Qd132_2018 => 2018..=2022,
            RuleSet::Qd124_2023 => 2023..=2024,
            RuleSet::Qd366_2025 => 2025..=i32::MAX,
        }
    }

    pub fn for_year(year: i32) -> Option<RuleSet> {
        [
            RuleSet::Qd132_2018,
            RuleSet::Qd124_2023,
            RuleSet::Qd366_2025,
        ]
        .into_iter()
        .find(|set| set.years().contains(&year))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuotaBase {
    /// The literal text: the count of those rated HTTNV.
    #[default]
    RatedGood,
    /// HTTNV plus HTXSNV.
    RatedGoodOrBetter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuotaRounding {
    #[default]
    Floor,
    Nearest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteBase {
    #[default]
    Returned,
    Valid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleOptions {
    pub quota_percent: u32,
    /// Why the cap is raised above 20% (qd366-2025 only: an organisation
    /// with outstanding achievements); printed in the consolidated report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota_reason: Option<String>,
    pub quota_base: QuotaBase,
    pub quota_rounding: QuotaRounding,
    pub vote_base: VoteBase,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            quota_percent: 20,
            quota_reason: None,
            quota_base: QuotaBase::RatedGood,
            quota_rounding: QuotaRounding::Floor,
            vote_base: VoteBase::Returned,
        }
    }
}

/// The four levels, ordered from lowest to highest. Read as clerks write
/// them (`cycle::values::parse_rating`); written as the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Rating {
    #[serde(rename = "KHTNV")]
    Khtnv,
    #[serde(rename = "HTNV")]
    Htnv,
    #[serde(rename = "HTTNV")]
    Httnv,
    #[serde(rename = "HTXSNV")]
    Htxsnv,
}

impl Rating {
    /// Highest first, as documents list them.
    pub const ALL: [Rating; 4] = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];

    pub fn code(self) -> &'static str {
        match self {
            Rating::Htxsnv => "HTXSNV",
            Rating::Httnv => "HTTNV",
            Rating::Htnv => "HTNV",
            Rating::Khtnv => "KHTNV",
        }
    }

    pub fn full_name(self) -> &'static str {
        match self {
            Rating::Htxsnv => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Httnv => "Hoàn thành tốt nhiệm vụ",
            Rating::Htnv => "Hoàn thành nhiệm vụ",
            Rating::Khtnv => "Không hoàn thành nhiệm vụ",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    BiThu,
    PhoBiThu,
    ChiUyVien,
    #[default]
    DangVien,
}

impl Role {
    /// An ordinary member (`dang-vien`, left out when written).
    pub fn is_default(&self) -> bool {
        *self == Role::DangVien
    }

    /// A member of the branch's leadership (bí thư, phó bí thư, chi ủy
    /// viên): "thành viên của tập thể lãnh đạo" in Quy định 366-QĐ/TW.
    pub fn in_leadership(self) -> bool {
        self != Role::DangVien
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Renew {
    Yearly,
}

#[derive(Debug, Clone, Serialize)]
pub struct Issuer {
    pub superior: String,
    pub name: String,
    pub symbol: String,
    pub committee: String,
    pub office: String,
    pub archive: String,
    pub secretary: String,
    pub signer_title: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Superior {
    pub name: String,
    pub short: String,
    pub symbol: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    pub number: Option<String>,
    pub date: Option<Fill<NaiveDate>>,
    pub by: String,
    pub about: Option<String>,
    pub kind: Option<String>,
    pub renew: Option<Renew>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub branch_report_due: NaiveDate,
    pub issuer_report_due: NaiveDate,
    pub year_end_summary: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Directive {
    pub number: Fill<u32>,
    pub date: NaiveDate,
    pub subject: String,
    pub to: Vec<String>,
    pub copies: Vec<String>,
    pub basis: Vec<String>,
    pub implement: Vec<String>,
    pub linked: Vec<String>,
    pub vote_rule: Option<String>,
    pub attachments: Vec<String>,
}

impl Directive {
    /// Every reference key the directive cites, with the field naming it.
    pub fn cited(&self) -> Vec<(String, &str)> {
        let roles = [
            ("basis", &self.basis),
            ("implement", &self.implement),
            ("linked", &self.linked),
            ("attachments", &self.attachments),
        ];
        let mut out: Vec<(String, &str)> = roles
            .into_iter()
            .flat_map(|(role, keys)| {
                keys.iter()
                    .enumerate()
                    .map(move |(i, k)| (format!("directive.{role}[{i}]"), k.as_str()))
            })
            .collect();
        if let Some(key) = &self.vote_rule {
            out.push(("directive.vote_rule".to_string(), key));
        }
        out
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportMeta {
    pub number: Fill<u32>,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionMeta {
    pub number: Option<Fill<u32>>,
    pub date: Option<NaiveDate>,
    /// Giấy khen for the members rated HTXSNV (the decision's Điều 2).
    pub awards: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub secretary: String,
    /// As given, or counted from the roster (`roster_file`).
    pub members: u32,
    pub roster: Vec<RosterEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// Index into `Sources::files`.
    #[serde(skip)]
    pub file: FileId,
    pub branch: String,
    pub meeting: Meeting,
    pub collective: Collective,
    pub members: Vec<Member>,
    /// Names written otherwise than on the branch's roster but equal to a
    /// roster name once folded (`cycle::names`): the model holds the
    /// roster's spelling, these the spelling the file wrote.
    #[serde(skip)]
    pub respelled: Vec<Respelled>,
}

/// A name of a results file given the roster's spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respelled {
    /// The field's path (`members[2].name`).
    pub path: String,
    /// As the file wrote it.
    pub written: String,
    /// As the roster spells it (the model's value now).
    pub roster: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub date: NaiveDate,
    pub place: String,
    pub chair: String,
    pub clerk: String,
    /// The meeting's guests; `None`: not known, `Some([])`: none.
    pub guests: Option<Vec<String>>,
    /// Who was absent; `None`: not known, `Some([])`: everyone present.
    pub absent: Option<Vec<Absence>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub name: String,
    pub reason: String,
}

/// `collective:` of a results file, as read and as `collect` writes it
/// (optional fields left out when empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collective {
    pub rating: Rating,
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score: Option<u32>,
    /// qd366-2025: the general criteria, out of 30.
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score_general: Option<u32>,
    /// qd366-2025: the results of the tasks, out of 70.
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score_tasks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievements: Option<String>,
    /// The branch's prose. Left out: not known (documents leave dotted
    /// lines); an empty string `""`: the branch states there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strengths: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcomings: Option<String>,
    /// What came of the shortcomings found before (the form's "kết quả
    /// khắc phục … các kỳ kiểm điểm trước").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedied: Option<String>,
    /// Answers to the matters the superior asked the review to explain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanations: Option<String>,
    /// Whose responsibility the shortcomings are (collective, persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedies: Option<String>,
}

/// One of `members:` of a results file, as read and as `collect` writes
/// it (the default role and empty optional fields left out).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[serde(default, skip_serializing_if = "Role::is_default")]
    pub role: Role,
    /// A probationary member (đảng viên dự bị); left out: a full member.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub probationary: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_rated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievements: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub self_remedied: bool,
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub sick_leave_months: Option<u32>,
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score: Option<u32>,
    /// qd366-2025: the general criteria, out of 30.
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score_general: Option<u32>,
    /// qd366-2025: the results of the tasks, out of 70.
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub score_tasks: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Votes {
    #[serde(skip)]
    pub file: FileId,
    pub date: NaiveDate,
    pub place: String,
    pub board: Vec<BoardMember>,
    pub convened: u32,
    pub present: u32,
    pub ballots: Ballots,
    pub people: Vec<VotePerson>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardMember {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballots {
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub issued: u32,
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub returned: u32,
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub valid: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotePerson {
    pub name: String,
    pub position: String,
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub high: u32,
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub trust: u32,
    #[serde(deserialize_with = "crate::cycle::values::count")]
    pub low: u32,
}

/// The confidence vote as called: date, place and who is voted on.
#[derive(Debug, Clone, Serialize)]
pub struct VoteCall {
    #[serde(skip)]
    pub file: FileId,
    pub date: NaiveDate,
    pub place: String,
    pub people: Vec<Candidate>,
}

/// A person on the ballot.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub name: String,
    pub position: String,
}

/// Index of a loaded file in `Sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileId(pub usize);

impl FileId {
    pub const CYCLE: FileId = FileId(0);
}

/// Every file the cycle was loaded from, for places and snippets.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// The place of `path` in file `id`.
    pub fn place(&self, id: FileId, path: &str) -> Place {
        match self.files.get(id.0) {
            Some(file) => file.place(path),
            None => Place {
                path: path.to_string(),
                ..Place::default()
            },
        }
    }

    pub fn text_of(&self, file: &std::path::Path) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.path == file)
            .map(|f| f.text.as_str())
    }
}

impl Cycle {
    pub fn place(&self, path: &str) -> Place {
        self.sources.place(FileId::CYCLE, path)
    }

    pub fn branch(&self, id: &str) -> Option<&Branch> {
        self.branches.iter().find(|b| b.id == id)
    }

    /// Index of a branch in `branches` (for field paths).
    pub fn branch_index(&self, id: &str) -> Option<usize> {
        self.branches.iter().position(|b| b.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_print_in_full_and_order_lowest_first() {
        assert_eq!(Rating::Htxsnv.full_name(), "Hoàn thành xuất sắc nhiệm vụ");
        assert_eq!(Rating::Httnv.full_name(), "Hoàn thành tốt nhiệm vụ");
        assert_eq!(Rating::Htnv.full_name(), "Hoàn thành nhiệm vụ");
        assert_eq!(Rating::Khtnv.full_name(), "Không hoàn thành nhiệm vụ");
        assert!(Rating::Khtnv < Rating::Htnv && Rating::Httnv < Rating::Htxsnv);
    }

    #[test]
    fn document_numbers_split_into_their_parts() {
        let n = DocNumber::parse("94-CV/ĐUVP").expect("a Party number");
        assert_eq!((n.n, n.kind, n.body), ("94", "CV", "ĐUVP"));
        assert!(DocNumber::parse("21-HD/BTCTW").is_some());
        for bad in [
            "94/CV-ĐUVP",
            "CV-94/ĐUVP",
            "94-CV/",
            "94 -CV/ĐUVP",
            "94-C V/ĐUVP",
        ] {
            assert!(DocNumber::parse(bad).is_none(), "{bad} accepted");
        }
    }

    #[test]
    fn rule_sets_by_year() {
        assert_eq!(RuleSet::for_year(2022), Some(RuleSet::Qd132_2018));
        assert_eq!(RuleSet::for_year(2023), Some(RuleSet::Qd124_2023));
        assert_eq!(RuleSet::for_year(2026), Some(RuleSet::Qd366_2025));
        assert_eq!(RuleSet::for_year(2017), None);
    }
}
