//! The YAML files as written (cycle-format.md), parsed strictly: every struct
//! rejects unknown keys. Closed sets (ratings, roles, options) are enums here;
//! dates and ids stay strings until `convert` checks them once.
//!
//! The cycle structs also serialize (`new-cycle` writes a cycle back), in
//! the contract's field order, leaving out empty optional fields.

pub use super::model::{Absence, Ballots, BoardMember, Collective, Member, Superior};
use super::model::{Fill, Renew, RuleOptions, RuleSet};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    pub schema: u32,
    pub year: i32,
    pub rules: RuleSet,
    #[serde(default, skip_serializing_if = "is_default")]
    pub rule_options: RuleOptions,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
    pub place: String,
    pub issuer: Issuer,
    pub superior: Superior,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub references: IndexMap<String, Reference>,
    pub schedule: Schedule,
    pub directive: Directive,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
    /// The member list as the office keeps it (`roster_file.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    pub branches: Vec<Branch>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub superior: String,
    pub name: String,
    pub symbol: String,
    pub committee: String,
    pub office: String,
    pub archive: String,
    pub secretary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_title: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew: Option<Renew>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub branch_report_due: String,
    pub issuer_report_due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_end_summary: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    pub number: Fill<u32>,
    pub date: String,
    pub subject: String,
    pub to: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implement: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_rule: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub number: Fill<u32>,
    pub date: String,
}

/// Extension: the committee's decision recognising the ratings. Every
/// field optional: a missing number or date is a dotted blank to fill.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Fill<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The committee awards giấy khen to the members rated HTXSNV (Điều 2).
    #[serde(default, skip_serializing_if = "is_default")]
    pub awards: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub secretary: String,
    #[serde(
        default,
        deserialize_with = "crate::cycle::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub members: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster: Vec<super::roster::RawEntry>,
}

/// `results/<branch-id>.yaml`: read by the loader, written by `collect`
/// (the one declaration of the results schema).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub branch: String,
    pub meeting: Meeting,
    pub collective: Collective,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub date: String,
    pub place: String,
    pub chair: String,
    pub clerk: String,
    /// Left out: not known (the documents leave a blank); `[]`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guests: Option<Vec<String>>,
    /// Who was absent, and why. Left out: not known (the minutes leave the
    /// counts blank); `[]`: everyone was present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<Vec<Absence>>,
}

impl Results {
    /// The file's text: `comment` as `#` lines, then the fields in the
    /// contract's order, Vietnamese as written (no escapes), empty optional
    /// fields left out; it ends with a newline and loads back as `self`.
    pub fn to_yaml(&self, comment: &str) -> Result<String, String> {
        let mut text: String = comment.lines().map(|l| format!("# {l}\n")).collect();
        text.push_str(&yaml_serde::to_string(self).map_err(|e| e.to_string())?);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text)
    }
}

/// `votes.yaml`: before the count only `date`, `place` and the people's
/// names and positions; once counted, everything (checked in `convert`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub date: String,
    pub place: String,
    #[serde(default)]
    pub board: Option<Vec<BoardMember>>,
    #[serde(default, deserialize_with = "crate::cycle::values::opt_count")]
    pub convened: Option<u32>,
    #[serde(default, deserialize_with = "crate::cycle::values::opt_count")]
    pub present: Option<u32>,
    #[serde(default)]
    pub ballots: Option<Ballots>,
    pub people: Vec<VotePerson>,
}

/// One person voted on; the three counts once the vote is counted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotePerson {
    pub name: String,
    pub position: String,
    #[serde(default, deserialize_with = "crate::cycle::values::opt_count")]
    pub high: Option<u32>,
    #[serde(default, deserialize_with = "crate::cycle::values::opt_count")]
    pub trust: Option<u32>,
    #[serde(default, deserialize_with = "crate::cycle::values::opt_count")]
    pub low: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::{Rating, Role};

    /// Every field of the schema set, with text a clerk writes: Vietnamese,
    /// a colon, quotes, a leading zero, a line break, a date-like string.
    fn full() -> Results {
        Results {
            branch: "van-phong".into(),
            meeting: Meeting {
                date: "2024-12-12".into(),
                place: "Phòng họp: tầng 2".into(),
                chair: "Thái Văn Hòa".into(),
                clerk: "Lê Thị Hoài".into(),
                guests: Some(vec![
                    "Đồng chí Hồ Thị Minh Nguyệt, Phó Bí thư Đảng ủy".into(),
                ]),
                absent: Some(vec![Absence {
                    name: "Vũ Thị Lan".into(),
                    reason: "đi công tác".into(),
                }]),
            },
            collective: Collective {
                rating: Rating::Htxsnv,
                score: Some(92),
                score_general: Some(27),
                score_tasks: Some(65),
                achievements: Some("Chủ trì đề án \"chuyển đổi số\"".into()),
                strengths: Some("Đoàn kết;\nthống nhất".into()),
                shortcomings: Some("07".into()),
                remedied: None,
                explanations: None,
                responsibility: Some("Bí thư chi bộ".into()),
                remedies: Some("2025-01-01".into()),
            },
            members: vec![
                Member {
                    name: "Thái Văn Hòa".into(),
                    role: Role::BiThu,
                    rating: Some(Rating::Httnv),
                    achievements: Some("- sáng kiến".into()),
                    discipline: Some("Khiển trách".into()),
                    self_remedied: true,
                    sick_leave_months: Some(3),
                    score: Some(80),
                    ..Member::default()
                },
                Member {
                    name: "Lê Thị Hoài".into(),
                    not_rated: Some("nghỉ thai sản".into()),
                    ..Member::default()
                },
                Member {
                    name: "Hồ Văn Nam".into(),
                    probationary: true,
                    rating: Some(Rating::Httnv),
                    ..Member::default()
                },
            ],
        }
    }

    #[test]
    fn results_load_back_identically() {
        let results = full();
        let yaml = results
            .to_yaml("đọc từ mẫu\nsửa nếu cần")
            .expect("serializes");
        assert!(yaml.ends_with('\n') && !yaml.ends_with("\n\n"), "{yaml}");
        let back: Results = yaml_serde::from_str(&yaml).expect("reads back");
        assert_eq!(back, results, "{yaml}");
        // Through the strict loader's own reading as well: no field lost.
        let minimal = Results {
            meeting: Meeting {
                guests: None,
                absent: None,
                ..results.meeting.clone()
            },
            ..results.clone()
        };
        let yaml = minimal.to_yaml("").expect("serializes");
        let back: Results = yaml_serde::from_str(&yaml).expect("reads back");
        assert_eq!(back, minimal, "{yaml}");
    }

    #[test]
    fn results_yaml_in_contract_order_without_empty_fields() {
        let mut results = full();
        results.meeting.absent = None;
        results.collective = Collective {
            rating: Rating::Httnv,
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
        };
        let yaml = results.to_yaml("a\nb").expect("serializes");
        assert!(
            yaml.starts_with(
                "# a\n# b\nbranch: van-phong\nmeeting:\n  date: 2024-12-12\n  place: 'Phòng họp: tầng 2'\n"
            ),
            "{yaml}"
        );
        assert!(
            yaml.contains("\ncollective:\n  rating: HTTNV\nmembers:\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("- name: Lê Thị Hoài\n  not_rated: nghỉ thai sản\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("- name: Hồ Văn Nam\n  probationary: true\n  rating: HTTNV\n"),
            "{yaml}"
        );
        let head = "- name: Thái Văn Hòa\n  role: bi-thu\n  rating: HTTNV\n  achievements:";
        assert!(yaml.contains(head), "{yaml}");
        for absent in [
            "absent",
            "score: null",
            "null",
            "role: dang-vien",
            "probationary: false",
            "\\u",
        ] {
            assert!(!yaml.contains(absent), "{absent} in {yaml}");
        }
    }
}
