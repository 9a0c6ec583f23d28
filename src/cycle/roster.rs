//! Branch rosters (cycle-format.md): written in `cycle.yaml` (`roster:`, a
//! name alone or the details) or read from the office's spreadsheet
//! (`roster_file`, read by `roster_file`), then given to their branches.

use super::convert::Converter;
use super::model::{self as m, FileId, Sources};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::values;
use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// One member on a branch's roster: a name, and the details her
/// self-review form prints when the roster gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RosterEntry {
    pub name: String,
    pub born: Option<NaiveDate>,
    /// Chức vụ Đảng.
    pub party_post: Option<String>,
    /// Chức vụ chính quyền.
    pub job: Option<String>,
    /// Chức vụ đoàn thể.
    pub unions: Option<String>,
    /// Đơn vị công tác.
    pub unit: Option<String>,
    pub group: Group,
}

impl RosterEntry {
    /// An ordinary member known by name only.
    pub fn named(name: impl Into<String>) -> Self {
        RosterEntry {
            name: name.into(),
            ..RosterEntry::default()
        }
    }
}

/// Which self-review form a member fills (cycle-format.md `group`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Holds a leadership or management post.
    LanhDao,
    #[default]
    DangVien,
    /// Works outside the political system (retired, student, private firm).
    NgoaiHeThong,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::LanhDao, Group::DangVien, Group::NgoaiHeThong];

    /// The slug written in YAML.
    pub fn id(self) -> &'static str {
        match self {
            Group::LanhDao => "lanh-dao",
            Group::DangVien => "dang-vien",
            Group::NgoaiHeThong => "ngoai-he-thong",
        }
    }

    /// The words a roster sheet may use instead.
    pub fn words(self) -> &'static str {
        match self {
            Group::LanhDao => "Lãnh đạo, quản lý",
            Group::DangVien => "Đảng viên",
            Group::NgoaiHeThong => "Ngoài hệ thống chính trị",
        }
    }
}

/// A roster entry as written: a name alone, or a mapping with details.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RawEntry {
    Name(String),
    Details(RawDetails),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDetails {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_post: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A string, or a mapping read as [`RawDetails`] (keeping its own errors,
/// such as an unknown key, at their place; an untagged enum would lose them).
impl<'de> Deserialize<'de> for RawEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = RawEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawEntry, E> {
                Ok(RawEntry::Name(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawEntry, A::Error> {
                RawDetails::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawEntry::Details)
            }
        }
        d.deserialize_any(EntryVisitor)
    }
}

/// One entry of `roster:` at `path` (`branches[0].roster[2]`).
pub fn entry(c: &mut Converter, path: &str, raw: RawEntry) -> m::RosterEntry {
    let d = match raw {
        RawEntry::Name(name) => return m::RosterEntry::named(c.text(path, name)),
        RawEntry::Details(d) => d,
    };
    let group_path = format!("{path}.group");
    let group = d.group.as_deref().unwrap_or_default();
    let group = values::parse_group(group).unwrap_or_else(|| {
        c.problem(&group_path, unknown_group(group));
        m::Group::DangVien
    });
    m::RosterEntry {
        name: c.text(&format!("{path}.name"), d.name),
        born: d.born.map(|b| c.date(&format!("{path}.born"), &b)),
        party_post: d.party_post,
        job: d.job,
        unions: d.unions,
        unit: d.unit,
        group,
    }
}

/// The message for a `group` that is none of the three.
pub fn unknown_group(text: &str) -> Message {
    let ids: Vec<&str> = m::Group::ALL.iter().map(|g| g.id()).collect();
    let words: Vec<String> = m::Group::ALL
        .iter()
        .map(|g| format!("“{}”", g.words()))
        .collect();
    Message::new(
        format!(
            "nhóm không hợp lệ “{text}” (chỉ nhận: {}; hoặc {})",
            ids.join(", "),
            words.join(", ")
        ),
        format!(
            "unknown group “{text}” (one of: {}; or {})",
            ids.join(", "),
            words.join(", ")
        ),
    )
}

/// One member read from the roster file, with the branch it names.
#[derive(Debug, Clone)]
pub struct FileRow {
    /// The "Chi bộ" cell: a branch's name or id.
    pub branch: String,
    /// The place of that cell.
    pub place: Place,
    pub entry: m::RosterEntry,
}

/// Whether a "Chi bộ" cell names `branch`: its id, or its name with or
/// without the words "Chi bộ", in any case and tone placement.
fn names(cell: &str, branch: &m::Branch) -> bool {
    let bare = |t: &str| {
        let k = values::key(t);
        let prefix = values::key("chi bộ ");
        k.strip_prefix(&(prefix + " "))
            .map(str::to_owned)
            .unwrap_or(k)
    };
    cell.trim() == branch.id || bare(cell) == bare(&branch.name)
}

/// Gives each branch its rows of the roster file. `given[i]` says whether
/// `branches[i].members` was written: then it must agree with the rows
/// (`roster-count`); otherwise it is their count.
pub fn apply(
    branches: &mut [m::Branch],
    given: &[bool],
    rows: Vec<FileRow>,
    sources: &Sources,
    diags: &mut Vec<Diagnostic>,
) {
    let mut by_branch: Vec<Vec<m::RosterEntry>> = vec![Vec::new(); branches.len()];
    for row in rows {
        match branches.iter().position(|b| names(&row.branch, b)) {
            Some(i) => by_branch[i].push(row.entry),
            None => diags.push(unknown_branch(&row, branches)),
        }
    }
    let place = |path: String| sources.place(FileId::CYCLE, &path);
    for (i, (branch, entries)) in branches.iter_mut().zip(by_branch).enumerate() {
        let given = given.get(i).copied().unwrap_or(true);
        if entries.is_empty() {
            if !given && branch.roster.is_empty() {
                diags.push(no_members(place(format!("branches[{i}]")), &branch.name));
            }
            continue;
        }
        if !branch.roster.is_empty() {
            diags.push(two_rosters(place(format!("branches[{i}].roster"))));
            continue;
        }
        let count = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        if !given {
            branch.members = count;
        } else if branch.members != count {
            diags.push(count_differs(
                place(format!("branches[{i}].members")),
                branch.members,
                count,
            ));
        }
        branch.roster = entries;
    }
}

/// The branches a roster file names in its "Chi bộ" column (`init
/// --roster`), in the order they first appear, each with its rows. A cell
/// naming a branch already seen (by name or id) joins it. Ids are ASCII
/// slugs of the names without the words "Chi bộ", made unique; the
/// secretary is the one member whose party post is "Bí thư (chi bộ)", else
/// left empty for the clerk.
pub fn branches_of(rows: Vec<FileRow>) -> Vec<m::Branch> {
    let mut out: Vec<m::Branch> = Vec::new();
    for row in rows {
        if let Some(b) = out.iter_mut().find(|b| names(&row.branch, b)) {
            b.roster.push(row.entry);
            continue;
        }
        let id = unique_id(&row.branch, &out);
        out.push(m::Branch {
            id,
            name: row.branch,
            secretary: String::new(),
            members: 0,
            roster: vec![row.entry],
        });
    }
    for b in &mut out {
        b.members = u32::try_from(b.roster.len()).unwrap_or(u32::MAX);
        let secretary = [values::key("Bí thư"), values::key("Bí thư chi bộ")];
        let mut heads = b.roster.iter().filter(|e| {
            e.party_post
                .as_deref()
                .is_some_and(|p| secretary.contains(&values::key(p)))
        });
        if let (Some(head), None) = (heads.next(), heads.next()) {
            b.secretary = head.name.clone();
        }
    }
    out
}

fn unique_id(name: &str, taken: &[m::Branch]) -> String {
    let bare = values::slug(name);
    let bare = bare.strip_prefix("chi-bo-").unwrap_or(&bare);
    let base = match bare {
        "" => "chi-bo".to_owned(),
        b if super::convert::RESERVED_NAMES.contains(&b) => format!("chi-bo-{b}"),
        b => b.to_owned(),
    };
    let free = |id: &str| !taken.iter().any(|b| b.id == id);
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|id| free(id))
        .unwrap_or(base)
}

fn unknown_branch(row: &FileRow, branches: &[m::Branch]) -> Diagnostic {
    let known: Vec<&str> = branches.iter().map(|b| b.name.as_str()).collect();
    Diagnostic::error(
        Code::InputValue,
        row.place.clone(),
        Message::new(
            format!(
                "chi bộ “{}” không có trong branches của cycle.yaml (các chi bộ: {})",
                row.branch,
                known.join("; ")
            ),
            format!(
                "branch “{}” is not among the branches of cycle.yaml ({})",
                row.branch,
                known.join("; ")
            ),
        ),
    )
}

fn no_members(place: Place, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InputValue,
        place,
        Message::new(
            format!(
                "thiếu `members` (số đảng viên) của {name}, và danh sách đảng viên (roster_file) không có ai thuộc chi bộ này"
            ),
            format!(
                "`members` of {name} is missing, and the roster file lists nobody of this branch"
            ),
        ),
    )
}

fn two_rosters(place: Place) -> Diagnostic {
    Diagnostic::error(
        Code::InputValue,
        place,
        Message::new(
            "chi bộ có cả danh sách `roster` trong cycle.yaml lẫn các dòng trong roster_file: chỉ giữ một nơi",
            "the branch has both a `roster` in cycle.yaml and rows in the roster file: keep one",
        ),
    )
}

fn count_differs(place: Place, members: u32, count: u32) -> Diagnostic {
    Diagnostic::error(
        Code::RosterCount,
        place,
        Message::new(
            format!(
                "members: {members}, nhưng danh sách đảng viên (roster_file) có {count} người của chi bộ này (bỏ members để đếm theo danh sách)"
            ),
            format!(
                "members: {members}, but the roster file lists {count} of this branch (leave members out to count them)"
            ),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn branch(id: &str, name: &str) -> m::Branch {
        m::Branch {
            id: id.into(),
            name: name.into(),
            secretary: String::new(),
            members: 0,
            roster: Vec::new(),
        }
    }

    #[test]
    fn a_cell_names_a_branch_by_id_or_name() {
        let b = branch("tong-hop", "Chi bộ Tổng hợp");
        for cell in ["tong-hop", "Chi bộ Tổng hợp", "chi bộ tổng hợp", "Tổng hợp"] {
            assert!(names(cell, &b), "{cell}");
        }
        assert!(!names("Kinh tế", &b));
    }

    #[test]
    fn branches_from_the_sheet_get_unique_slugs() {
        let row = |b: &str, n: &str, post: Option<&str>| FileRow {
            branch: b.into(),
            place: Place::default(),
            entry: m::RosterEntry {
                party_post: post.map(str::to_owned),
                ..m::RosterEntry::named(n)
            },
        };
        let rows = vec![
            row("Chi bộ Tổng hợp", "A", Some("Bí thư chi bộ")),
            row("Chi bộ Kinh tế", "B", Some("Bí thư")),
            row("tong-hop", "C", None),
            row("Chi bộ Kinh tế", "D", Some("bí thư")),
            row("Tổng-hợp", "E", None),
            row("Con", "F", None),
        ];
        let branches = branches_of(rows);
        let ids: Vec<&str> = branches.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["tong-hop", "kinh-te", "tong-hop-2", "chi-bo-con"]);
        assert_eq!(branches[0].members, 2);
        assert_eq!(branches[0].secretary, "A");
        // Two members hold the post: no secretary is guessed.
        assert_eq!(branches[1].secretary, "");
    }

    #[test]
    fn members_are_counted_or_must_agree() {
        let mut branches = [branch("a", "Chi bộ A"), branch("b", "Chi bộ B")];
        branches[1].members = 5;
        let row = |b: &str, n: &str| FileRow {
            branch: b.into(),
            place: Place::default(),
            entry: m::RosterEntry::named(n),
        };
        let rows = vec![row("A", "X"), row("B", "Y"), row("a", "Z"), row("C", "W")];
        let mut diags = Vec::new();
        apply(
            &mut branches,
            &[false, true],
            rows,
            &Sources::default(),
            &mut diags,
        );
        assert_eq!(branches[0].members, 2);
        assert_eq!(branches[0].roster[1].name, "Z");
        let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::InputValue, Code::RosterCount], "{diags:#?}");
    }
}
