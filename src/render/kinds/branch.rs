//! What the branch documents (report, review minutes) share: the branch's
//! header block, the blanks of a form, the branch table.

use super::BLANK;
use super::tables;
use crate::cycle::{Branch, Collective, Cycle, Results};
use crate::domain::figures::Score;
use crate::domain::forms::label;
use crate::domain::vietnamese::date_long;
use crate::render::document::{Header, Signature, Table};
use crate::render::layout::Layout;
use chrono::NaiveDate;
use serde::Serialize;

/// The symbol of a branch's own documents (`05-BC/CB`).
const BRANCH_SYMBOL: &str = "CB";
/// A line of dots to write prose on: about one 14-pt line of the text
/// width less the first-line indent (an ellipsis is 1 em wide).
pub const LINE_BLANK: &str = "………………………………………………………………………………";
/// The collective a branch signs for (`T/M CHI BỘ`) and archives as.
pub const BRANCH_WORD: &str = "Chi bộ";
/// The secretary's title under the authority line.
const SECRETARY_TITLE: &str = "Bí thư";

/// One branch and what it reported, if it did.
#[derive(Clone, Copy)]
pub struct BranchData<'a> {
    pub cycle: &'a Cycle,
    pub branch: &'a Branch,
    pub results: Option<&'a Results>,
}

impl<'a> BranchData<'a> {
    pub fn new(cycle: &'a Cycle, branch: &'a Branch) -> BranchData<'a> {
        BranchData {
            cycle,
            branch,
            results: cycle.results.get(&branch.id),
        }
    }

    /// No results: the document is a form to fill in.
    pub fn is_form(&self) -> bool {
        self.results.is_none()
    }

    /// The meeting date when the branch reported.
    pub fn date(&self) -> Option<NaiveDate> {
        self.results.map(|r| r.meeting.date)
    }

    /// The branch's header: its party organisation above it, the branch,
    /// a blank number of `kind` (`BC`, `BB`), and `date` or blanks.
    pub fn header(&self, kind: &str, date: Option<NaiveDate>) -> Header {
        let place = &self.cycle.place;
        let place_date = match date {
            Some(date) => format!("{place}, {}", date_long(date)),
            None => format!("{place}, {}", blank_date(self.cycle.year)),
        };
        Header {
            superior: party_organisation(&self.cycle.issuer.name),
            issuer: self.branch.name.clone(),
            number: format!("{BLANK}-{kind}/{BRANCH_SYMBOL}"),
            place_date,
            subject: None,
            form_label: None,
        }
    }

    /// The branch table (`chi-bo`): id, name, year, member count.
    pub fn branch_table(&self) -> Table {
        tables::key_value(vec![
            (label::BRANCH_ID, Some(self.branch.id.clone())),
            (label::BRANCH_NAME, Some(self.branch.name.clone())),
            (label::YEAR, Some(self.cycle.year.to_string())),
            (label::MEMBER_COUNT, Some(self.branch.members.to_string())),
        ])
    }

    /// Rows of a form's member table: the roster, or as many empty rows as
    /// the branch has members when there is no roster.
    pub fn roster_rows(&self) -> Vec<tables::MemberRow> {
        let secretary = &self.branch.secretary;
        match self.branch.roster.is_empty() {
            false => self
                .branch
                .roster
                .iter()
                .map(|entry| tables::MemberRow::blank(&entry.name, secretary))
                .collect(),
            true => (0..self.branch.members)
                .map(|_| tables::MemberRow::blank("", secretary))
                .collect(),
        }
    }
}

/// `T/M CHI BỘ` / `BÍ THƯ` / the branch secretary.
pub fn branch_signer(branch: &Branch, layout: &Layout) -> Signature {
    Signature {
        authority: format!("{} {BRANCH_WORD}", layout.on_behalf),
        title: SECRETARY_TITLE.to_owned(),
        name: branch.secretary.clone(),
    }
}

/// `Đảng ủy Văn phòng UBND tỉnh` → `Đảng bộ Văn phòng UBND tỉnh`: the
/// party organisation a committee leads, the branches' superior line.
/// A name not starting with `Đảng ủy` is kept as it is.
pub fn party_organisation(committee: &str) -> String {
    let name = committee.trim();
    ["Đảng ủy", "Đảng uỷ", "ĐẢNG ỦY", "ĐẢNG UỶ"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .filter(|rest| rest.starts_with(' '))
        .map_or_else(|| name.to_owned(), |rest| format!("Đảng bộ{rest}"))
}

/// `ngày …… tháng …… năm 2022`: a date line for the branch to complete.
pub fn blank_date(year: i32) -> String {
    format!("ngày {BLANK} tháng {BLANK} năm {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committee_leads_a_party_organisation() {
        assert_eq!(
            party_organisation("Đảng ủy Văn phòng UBND tỉnh"),
            "Đảng bộ Văn phòng UBND tỉnh"
        );
        assert_eq!(
            party_organisation("Đảng ủy Sở Tài chính"),
            "Đảng bộ Sở Tài chính"
        );
        assert_eq!(party_organisation("Chi bộ X"), "Chi bộ X");
        assert_eq!(party_organisation("Đảng ủyX"), "Đảng ủyX");
    }

    #[test]
    fn prose_left_out_is_unknown_and_an_empty_string_is_none() {
        assert!(Prose::of(None).is_unknown());
        assert_eq!(
            Prose::of(Some("  ")),
            Prose {
                text: None,
                paragraphs: Vec::new(),
                none: true
            }
        );
        assert_eq!(Prose::of(Some(" Ít. ")).text, Some("Ít."));
        assert_eq!(
            Prose::of(Some("Một.\n\n Hai. ")).paragraphs,
            ["Một.", "Hai."]
        );
        assert!(!Prose::of(Some("Ít.")).none);
    }

    #[test]
    fn a_form_dates_with_blanks() {
        assert_eq!(blank_date(2022), "ngày …… tháng …… năm 2022");
    }
}

/// The collective's self-rating and prose, as the branch documents print it.
#[derive(Serialize)]
pub struct CollectiveView<'a> {
    rating: &'static str,
    /// The total (as given, else the sum of its parts) and the parts.
    score: Option<u32>,
    score_general: Option<u32>,
    score_tasks: Option<u32>,
    achievements: Option<&'a str>,
    strengths: Prose<'a>,
    shortcomings: Prose<'a>,
    remedied: Prose<'a>,
    explanations: Prose<'a>,
    responsibility: Prose<'a>,
    remedies: Prose<'a>,
}

impl<'a> CollectiveView<'a> {
    pub fn of(c: &'a Collective) -> Self {
        CollectiveView {
            rating: c.rating.full_name(),
            score: Score::of_collective(c).total(),
            score_general: c.score_general,
            score_tasks: c.score_tasks,
            achievements: c.achievements.as_deref(),
            strengths: Prose::of(c.strengths.as_deref()),
            shortcomings: Prose::of(c.shortcomings.as_deref()),
            remedied: Prose::of(c.remedied.as_deref()),
            explanations: Prose::of(c.explanations.as_deref()),
            responsibility: Prose::of(c.responsibility.as_deref()),
            remedies: Prose::of(c.remedies.as_deref()),
        }
    }
}

/// What a branch wrote in one prose field, as templates test it: `text`
/// when it wrote something (and its `paragraphs`, one per line of the
/// field); `none` when it states there is nothing (an empty string in
/// results); neither when it is not known (the field left out): the
/// document then leaves dotted lines, never "không có".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Prose<'a> {
    pub text: Option<&'a str>,
    pub paragraphs: Vec<&'a str>,
    pub none: bool,
}

impl<'a> Prose<'a> {
    pub fn of(field: Option<&'a str>) -> Self {
        let text = field.map(str::trim);
        Prose {
            text: text.filter(|t| !t.is_empty()),
            paragraphs: text
                .into_iter()
                .flat_map(str::lines)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect(),
            none: text.is_some_and(str::is_empty),
        }
    }

    /// Neither written nor stated as none.
    pub fn is_unknown(&self) -> bool {
        self.text.is_none() && !self.none
    }
}
