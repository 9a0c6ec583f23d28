//! `results/<id>.yaml` as `collect` writes it: the contract's fields in the
//! contract's order (cycle-format.md), empty optional fields left out.
//! It reads back through the strict loader like a file a clerk wrote.

use crate::cycle::{Rating, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    pub branch: String,
    pub meeting: MeetingFile,
    pub collective: CollectiveFile,
    pub members: Vec<MemberFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFile {
    pub date: NaiveDate,
    pub place: String,
    pub chair: String,
    pub clerk: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectiveFile {
    pub rating: Rating,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievements: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberFile {
    pub name: String,
    #[serde(default, skip_serializing_if = "is_member")]
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_rated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievements: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub self_remedied: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sick_leave_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
}

fn is_member(role: &Role) -> bool {
    *role == Role::DangVien
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl ResultsFile {
    /// The YAML text, under a comment saying where it was read from.
    pub fn to_yaml(&self, comment: &str) -> Result<String, String> {
        let body = yaml_serde::to_string(self).map_err(|e| e.to_string())?;
        let header: String = comment.lines().map(|l| format!("# {l}\n")).collect();
        Ok(format!("{header}{body}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_in_contract_order_without_empty_fields() {
        let results = ResultsFile {
            branch: "van-phong".into(),
            meeting: MeetingFile {
                date: NaiveDate::from_ymd_opt(2024, 12, 12).expect("a date"),
                place: "Phòng họp: tầng 2".into(),
                chair: "Thái Văn Hòa".into(),
                clerk: "Lê Thị Hoài".into(),
                guests: vec![],
            },
            collective: CollectiveFile {
                rating: Rating::Httnv,
                score: None,
                achievements: None,
            },
            members: vec![
                MemberFile {
                    name: "Thái Văn Hòa".into(),
                    role: Role::BiThu,
                    rating: Some(Rating::Httnv),
                    ..MemberFile::default()
                },
                MemberFile {
                    name: "Lê Thị Hoài".into(),
                    not_rated: Some("nghỉ thai sản".into()),
                    ..MemberFile::default()
                },
            ],
        };
        let yaml = results.to_yaml("a\nb").expect("serializes");
        assert!(yaml.starts_with("# a\n# b\nbranch: van-phong\nmeeting:\n  date: 2024-12-12\n"));
        assert!(yaml.contains("- name: Thái Văn Hòa\n  role: bi-thu\n  rating: HTTNV\n"));
        assert!(yaml.contains("- name: Lê Thị Hoài\n  not_rated: nghỉ thai sản\n"));
        assert!(!yaml.contains("guests") && !yaml.contains("score") && !yaml.contains("null"));
        let back: ResultsFile = yaml_serde::from_str(&yaml).expect("reads back");
        assert_eq!(back, results);
    }
}
