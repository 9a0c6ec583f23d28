//! The members a committee's papers name, with one fact each (the report's
//! and the decision's lists): who, in which branch, and what — as the
//! results give it, or a dotted line for the clerk.

use super::branch::LINE_BLANK;
use crate::cycle::{Cycle, Member, Rating, Results};
use serde::Serialize;

/// A member and one fact about them (a reason, an achievement, a discipline).
#[derive(Serialize)]
pub struct Person<'a> {
    pub name: &'a str,
    pub branch: &'a str,
    pub detail: &'a str,
}

/// The branches that reported, in cycle.yaml order, with their results.
pub fn reported(cycle: &Cycle) -> impl Iterator<Item = (&str, &Results)> {
    cycle
        .branches
        .iter()
        .filter_map(|b| cycle.results.get(&b.id).map(|r| (b.name.as_str(), r)))
}

/// Members (with their branch) for whom `detail` has something to say.
pub fn people<'a>(
    cycle: &'a Cycle,
    detail: impl Fn(&'a Member) -> Option<&'a str>,
) -> Vec<Person<'a>> {
    let detail = &detail;
    reported(cycle)
        .flat_map(|(branch, r)| {
            r.members.iter().filter_map(move |m| {
                detail(m).map(|d| Person {
                    name: &m.name,
                    branch,
                    detail: d.trim(),
                })
            })
        })
        .collect()
}

/// A member's fact as the results give it, or a dotted line for the clerk
/// when they do not (an HTXSNV member's product, a not-rated reason).
fn or_dots(text: Option<&str>) -> &str {
    text.filter(|t| !t.trim().is_empty()).unwrap_or(LINE_BLANK)
}

/// Members rated HTXSNV with their products.
pub fn excellent(cycle: &Cycle) -> Vec<Person<'_>> {
    people(cycle, |m| {
        (m.rating == Some(Rating::Htxsnv)).then(|| or_dots(m.achievements.as_deref()))
    })
}

/// Members not rated with the reason.
pub fn not_rated(cycle: &Cycle) -> Vec<Person<'_>> {
    people(cycle, |m| {
        m.rating.is_none().then(|| or_dots(m.not_rated.as_deref()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example cycle (test-only: the fixture is part of the repository).
    fn example() -> Cycle {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quang-binh-2022");
        match crate::cycle::load(&dir) {
            Ok(loaded) => loaded.cycle,
            Err(_) => panic!("the example cycle loads"),
        }
    }

    fn member(c: &mut Cycle, i: usize) -> &mut Member {
        let r = c.results.values_mut().next().expect("a branch reported");
        &mut r.members[i]
    }

    /// What the results do not give (an HTXSNV member's product, a
    /// not-rated reason) is a dotted line, never an empty cell.
    #[test]
    fn an_unknown_fact_is_a_dotted_line() {
        let mut c = example();
        let first = member(&mut c, 0);
        first.rating = Some(Rating::Htxsnv);
        first.achievements = None;
        let name = first.name.clone();
        let second = member(&mut c, 1);
        second.rating = None;
        second.not_rated = Some("  ".into());
        let second = second.name.clone();
        let listed = excellent(&c);
        let p = listed.iter().find(|p| p.name == name).expect("listed");
        assert_eq!(p.detail, LINE_BLANK);
        let unrated = not_rated(&c);
        let p = unrated.iter().find(|p| p.name == second).expect("listed");
        assert_eq!(p.detail, LINE_BLANK);

        member(&mut c, 0).achievements = Some(" Sáng kiến X ".into());
        let listed = excellent(&c);
        let p = listed.iter().find(|p| p.name == name).expect("listed");
        assert_eq!(p.detail, "Sáng kiến X");
    }
}
