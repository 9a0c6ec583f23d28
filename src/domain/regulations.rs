//! The central regulations each rule set rests on (rules.md), as data: which
//! Quy định and Hướng dẫn are in force for a review year, and which
//! confidence-vote regulation. `new-cycle` uses it to replace the old set's
//! references by the new set's, so a rolled directive cites what is in force.

use crate::cycle::{DocNumber, RuleSet};
use chrono::NaiveDate;
use serde::Serialize;

/// What a regulation is for: the rating rules, their guide, or the vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Quy định on kiểm điểm, đánh giá, xếp loại.
    Rule,
    /// Hướng dẫn of the Ban Tổ chức Trung ương implementing it.
    Guide,
    /// Quy định on lấy phiếu tín nhiệm.
    Vote,
}

/// One regulation of the Party centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regulation {
    /// Reference key a rolled cycle.yaml uses for it.
    pub key: &'static str,
    pub role: Role,
    /// `Quy định` for a QĐ (the symbol is ambiguous); `None` when the
    /// symbol says it (HD: Hướng dẫn).
    pub kind: Option<&'static str>,
    pub number: &'static str,
    /// (year, month, day).
    pub date: (i32, u32, u32),
    pub by: &'static str,
    /// The first review year it applies to.
    pub from_year: i32,
}

impl Regulation {
    pub fn date(&self) -> Option<NaiveDate> {
        let (y, m, d) = self.date;
        NaiveDate::from_ymd_opt(y, m, d)
    }
}

const QD: Option<&str> = Some("Quy định");
const BCT: &str = "Bộ Chính trị";
const BTCTW: &str = "Ban Tổ chức Trung ương";

/// Every regulation, oldest first within each role.
pub const REGULATIONS: &[Regulation] = &[
    Regulation {
        key: "qd132-tw",
        role: Role::Rule,
        kind: QD,
        number: "132-QĐ/TW",
        date: (2018, 3, 8),
        by: BCT,
        from_year: 2018,
    },
    Regulation {
        key: "hd21-btctw",
        role: Role::Guide,
        kind: None,
        number: "21-HD/BTCTW",
        date: (2019, 10, 18),
        by: BTCTW,
        from_year: 2018,
    },
    Regulation {
        key: "qd124-tw",
        role: Role::Rule,
        kind: QD,
        number: "124-QĐ/TW",
        date: (2023, 10, 4),
        by: BCT,
        from_year: 2023,
    },
    Regulation {
        key: "hd25-btctw",
        role: Role::Guide,
        kind: None,
        number: "25-HD/BTCTW",
        date: (2023, 11, 10),
        by: BTCTW,
        from_year: 2023,
    },
    Regulation {
        key: "qd366-tw",
        role: Role::Rule,
        kind: QD,
        number: "366-QĐ/TW",
        date: (2025, 8, 30),
        by: BCT,
        from_year: 2025,
    },
    Regulation {
        key: "hd43-btctw",
        role: Role::Guide,
        kind: None,
        number: "43-HD/BTCTW",
        date: (2025, 10, 31),
        by: BTCTW,
        from_year: 2025,
    },
    Regulation {
        key: "qd262-tw",
        role: Role::Vote,
        kind: QD,
        number: "262-QĐ/TW",
        date: (2014, 10, 8),
        by: BCT,
        from_year: i32::MIN,
    },
    Regulation {
        key: "qd96-tw",
        role: Role::Vote,
        kind: QD,
        number: "96-QĐ/TW",
        date: (2023, 2, 2),
        by: BCT,
        from_year: 2023,
    },
];

/// The regulation of `role` in force for reviews of `year` (`None` before
/// the first one).
pub fn in_force(role: Role, year: i32) -> Option<&'static Regulation> {
    REGULATIONS
        .iter()
        .rfind(|r| r.role == role && r.from_year <= year)
}

/// The confidence-vote regulations, whose consequences of "tín nhiệm
/// thấp" differ (rules.md, `vote-threshold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteRegime {
    /// Quy định 262-QĐ/TW (08/10/2014), for votes before 2023.
    Qd262,
    /// Quy định 96-QĐ/TW (02/02/2023), for votes from 2023.
    Qd96,
}

/// The reference key of Quy định 96-QĐ/TW in [`REGULATIONS`].
const QD96_KEY: &str = "qd96-tw";

/// The vote regulation in force for reviews of `year`, from the table.
pub fn vote_regime(year: i32) -> VoteRegime {
    match in_force(Role::Vote, year) {
        Some(r) if r.key == QD96_KEY => VoteRegime::Qd96,
        _ => VoteRegime::Qd262,
    }
}

/// The Quy định and Hướng dẫn of a rule set (its first year's).
pub fn of_set(set: RuleSet) -> [Option<&'static Regulation>; 2] {
    let year = *set.years().start();
    [in_force(Role::Rule, year), in_force(Role::Guide, year)]
}

/// The regulation a document number names, if it is one of the table's.
/// Compared by number and type, so `132-QĐ/TW` matches however the cycle
/// writes its reference (kind given or not).
pub fn by_number(number: &str) -> Option<&'static Regulation> {
    let wanted = DocNumber::parse(number.trim())?;
    REGULATIONS
        .iter()
        .find(|r| DocNumber::parse(r.number).as_ref() == Some(&wanted))
}

/// For a cited number: the regulation that replaces it for reviews of
/// `year`, when it is one of the table's and no longer the one in force.
pub fn replacement(number: &str, year: i32) -> Option<&'static Regulation> {
    let old = by_number(number)?;
    let new = in_force(old.role, year)?;
    (new != old).then_some(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_is_valid() {
        assert!(REGULATIONS.iter().all(|r| r.date().is_some()));
    }

    #[test]
    fn sets_match_rules_md() {
        let numbers = |set| of_set(set).map(|r| r.map(|r| r.number));
        assert_eq!(
            numbers(RuleSet::Qd132_2018),
            [Some("132-QĐ/TW"), Some("21-HD/BTCTW")]
        );
        assert_eq!(
            numbers(RuleSet::Qd124_2023),
            [Some("124-QĐ/TW"), Some("25-HD/BTCTW")]
        );
        assert_eq!(
            numbers(RuleSet::Qd366_2025),
            [Some("366-QĐ/TW"), Some("43-HD/BTCTW")]
        );
        // The table agrees with the rule sets' own years.
        for r in REGULATIONS.iter().filter(|r| r.role != Role::Vote) {
            let set = RuleSet::for_year(r.from_year).map(of_set);
            assert!(set.is_some_and(|s| s.contains(&Some(r))), "{}", r.number);
        }
    }

    #[test]
    fn votes_change_in_2023() {
        let vote = |y| in_force(Role::Vote, y).map(|r| r.number);
        assert_eq!(vote(2022), Some("262-QĐ/TW"));
        assert_eq!(vote(2023), Some("96-QĐ/TW"));
        assert_eq!(vote(2030), Some("96-QĐ/TW"));
        assert_eq!(vote_regime(2022), VoteRegime::Qd262);
        assert_eq!(vote_regime(2023), VoteRegime::Qd96);
        assert_eq!(vote_regime(2026), VoteRegime::Qd96);
        assert!(
            REGULATIONS
                .iter()
                .any(|r| r.key == QD96_KEY && r.role == Role::Vote)
        );
    }

    #[test]
    fn replacements_by_number() {
        let new = |n, y| replacement(n, y).map(|r| r.number);
        assert_eq!(new("132-QĐ/TW", 2023), Some("124-QĐ/TW"));
        assert_eq!(new("21-HD/BTCTW", 2023), Some("25-HD/BTCTW"));
        assert_eq!(new("132-QĐ/TW", 2026), Some("366-QĐ/TW"));
        assert_eq!(new("124-QĐ/TW", 2025), Some("366-QĐ/TW"));
        assert_eq!(new("262-QĐ/TW", 2026), Some("96-QĐ/TW"));
        assert_eq!(new("132-QĐ/TW", 2022), None);
        assert_eq!(new("124-QĐ/TW", 2024), None);
        assert_eq!(new("06-QĐ/ĐUK", 2023), None);
        assert_eq!(new("[[…]]", 2023), None);
    }
}
