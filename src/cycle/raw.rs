//! The YAML files as written (cycle-format.md), parsed strictly: every struct
//! rejects unknown keys. Closed sets (ratings, roles, options) are enums here;
//! dates and ids stay strings until `convert` checks them once.
//!
//! The cycle structs also serialize (`new-cycle` writes a cycle back), in
//! the contract's field order, leaving out empty optional fields.

pub use super::model::{Absence, Ballots, BoardMember, Collective, Member, Superior, VotePerson};
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub secretary: String,
    #[serde(
        default,
        deserialize_with = "crate::domain::values::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub members: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster: Vec<super::roster::RawEntry>,
}

/// `results/<branch-id>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub branch: String,
    pub meeting: Meeting,
    pub collective: Collective,
    pub members: Vec<Member>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub date: String,
    pub place: String,
    pub chair: String,
    pub clerk: String,
    #[serde(default)]
    pub guests: Vec<String>,
    /// Extension: members absent from the meeting, with the reason.
    #[serde(default)]
    pub absent: Vec<Absence>,
}

/// `votes.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub date: String,
    pub place: String,
    pub board: Vec<BoardMember>,
    #[serde(deserialize_with = "crate::domain::values::count")]
    pub convened: u32,
    #[serde(deserialize_with = "crate::domain::values::count")]
    pub present: u32,
    pub ballots: Ballots,
    pub people: Vec<VotePerson>,
}
