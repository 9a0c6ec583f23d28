//! What a build wrote into OUT, and for which cycle: `OUT/.vanban-manifest.json`.
//!
//! OUT belongs to vanban only as far as it wrote it. Each build records the
//! files it wrote and the cycle it built; the next build removes the files
//! the last one wrote and it does not (a report whose data went away must
//! not linger with old figures) and keeps every other file. The manifest is
//! written into the staging folder, so it changes in the same atomic swap
//! as the documents it lists.
//!
//! A cycle is known by its issuing committee (name and symbol), its year,
//! and whether it is the built-in example, not by its folder: a clerk who
//! moves or renames the cycle folder, or builds a copy of it, still builds
//! the same committee's documents for the same year, and they replace the
//! earlier ones. Another committee or another year is another cycle: its
//! build into this OUT is refused (exit 2, nothing changes) unless `--force`.
//! The folder is recorded too (`source`), to name it in that message.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The manifest's file name in OUT (hidden, like the staging folders).
pub const FILE: &str = ".vanban-manifest.json";
/// The manifest format written by this version.
const FORMAT: u32 = 1;
/// The largest manifest read (a hand-made huge file is not vanban's). A
/// build lists about 66 bytes a file: 1,000 branches × 30 members with
/// their self-review forms write 66,011 files, a 4.4 MB manifest; this
/// bound holds 3 million files.
const MAX_BYTES: u64 = 256 << 20;

/// The cycle a build writes: what identifies it, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// `Đảng ủy Văn phòng UBND tỉnh`.
    pub issuer: String,
    /// `ĐUVP`.
    pub symbol: String,
    pub year: i32,
    /// The built-in example (`vanban build` with no cycle).
    #[serde(default)]
    pub example: bool,
    /// The cycle folder as built (canonical), or the example's name.
    pub source: String,
}

impl Claim {
    /// Whether two claims are one cycle (the source aside: see the module).
    pub fn same_cycle(&self, other: &Claim) -> bool {
        self.issuer == other.issuer
            && self.symbol == other.symbol
            && self.year == other.year
            && self.example == other.example
    }

    fn describe(&self, lang_vi: bool) -> String {
        let (example, year) = match lang_vi {
            true => ("ví dụ có sẵn", "năm"),
            false => ("built-in example", "year"),
        };
        let from = match self.example {
            true => format!("{example} {}", self.source),
            false => self.source.clone(),
        };
        format!(
            "{} ({}), {year} {} ({from})",
            self.issuer, self.symbol, self.year
        )
    }
}

/// `OUT/.vanban-manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub cycle: Claim,
    /// Every file the build wrote, relative to OUT, `/`-separated, sorted.
    pub files: BTreeSet<String>,
}

impl Manifest {
    pub fn new(cycle: Claim, files: impl IntoIterator<Item = String>) -> Manifest {
        Manifest {
            format: FORMAT,
            cycle,
            files: files.into_iter().collect(),
        }
    }

    /// The manifest's bytes: pretty JSON, one line per file, a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain strings and numbers cannot fail.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// A canonical path as a clerk reads it: without Windows' `\\?\` prefix.
pub fn shown(path: &str) -> String {
    path.strip_prefix(r"\\?\UNC\")
        .map(|rest| format!(r"\\{rest}"))
        .or_else(|| path.strip_prefix(r"\\?\").map(str::to_owned))
        .unwrap_or_else(|| path.to_owned())
}

/// `a/b.md` for a relative path (the manifest's form on every OS).
pub fn key(relative: &Path) -> String {
    relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Why a build may not write into OUT.
#[derive(Debug)]
pub enum Refusal {
    /// OUT holds the documents of another cycle.
    OtherCycle {
        held: Box<Claim>,
        building: Box<Claim>,
    },
    /// The built-in example would write over documents no manifest claims.
    Unclaimed { building: Box<Claim>, file: String },
    /// OUT's manifest cannot be read.
    Unreadable(String),
}

impl Refusal {
    /// The message, in Vietnamese and in English.
    pub fn message(&self) -> (String, String) {
        match self {
            Refusal::OtherCycle { held, building } => (
                format!(
                    "thư mục xuất đang chứa văn bản của chu kỳ khác: {}; chu kỳ đang xuất: {}. Không ghi gì: chọn thư mục xuất khác, hoặc dùng --force để thay các văn bản đó",
                    held.describe(true),
                    building.describe(true)
                ),
                format!(
                    "the output folder holds the documents of another cycle: {}; this build: {}. Nothing written: choose another output folder, or use --force to replace them",
                    held.describe(false),
                    building.describe(false)
                ),
            ),
            Refusal::Unclaimed { building, file } => (
                format!(
                    "thư mục xuất đã có `{file}` mà không rõ của chu kỳ nào (không có {FILE}); {} không ghi đè lên đó. Không ghi gì: chọn thư mục xuất khác, hoặc dùng --force",
                    building.describe(true)
                ),
                format!(
                    "the output folder already has `{file}`, from no known cycle (no {FILE}); the {} does not write over it. Nothing written: choose another output folder, or use --force",
                    building.describe(false)
                ),
            ),
            Refusal::Unreadable(why) => (
                format!(
                    "không đọc được {FILE} trong thư mục xuất ({why}); không ghi gì: dùng --force để thay"
                ),
                format!(
                    "cannot read {FILE} in the output folder ({why}); nothing written: use --force to replace it"
                ),
            ),
        }
    }
}

/// What an earlier build left in `out`: its manifest, if any.
pub fn read(out: &Path) -> Result<Option<Manifest>, Refusal> {
    let path = out.join(FILE);
    let meta = match fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Refusal::Unreadable(e.to_string())),
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(Refusal::Unreadable("not a manifest file".to_owned()));
    }
    let bytes = fs::read(&path).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Refusal::Unreadable(e.to_string()))
}

/// The files of an earlier build this one may remove: those of the same
/// cycle, or of any cycle with `force`; a refusal for another cycle.
pub fn previous_files(
    held: Result<Option<Manifest>, Refusal>,
    building: &Claim,
    force: bool,
) -> Result<BTreeSet<String>, Refusal> {
    match held {
        Ok(None) => Ok(BTreeSet::new()),
        Ok(Some(m)) if force || m.cycle.same_cycle(building) => Ok(m.files),
        Ok(Some(m)) => Err(Refusal::OtherCycle {
            held: Box::new(m.cycle),
            building: Box::new(building.clone()),
        }),
        Err(_) if force => Ok(BTreeSet::new()),
        Err(e) => Err(e),
    }
}

/// How OUT and the cycle folder overlap, if they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// OUT is the cycle folder or lies inside it (`-o CYCLE/templates`).
    OutInCycle,
    /// The cycle folder lies inside OUT.
    CycleInOut,
}

/// Compares the canonical paths of the cycle folder and OUT (OUT may not
/// exist yet: its nearest existing ancestor is resolved and the rest
/// appended). `None` when they are apart or the cycle cannot be resolved
/// (loading then reports it).
pub fn overlap(cycle_dir: &Path, out: &Path) -> Option<Overlap> {
    let cycle = fs::canonicalize(cycle_dir).ok()?;
    let out = resolve(out)?;
    if out.starts_with(&cycle) {
        Some(Overlap::OutInCycle)
    } else if cycle.starts_with(&out) {
        Some(Overlap::CycleInOut)
    } else {
        None
    }
}

/// The canonical form of a path that may not exist yet. Both sides of a
/// comparison come from `canonicalize`, so on Windows both carry the same
/// `\\?\` prefix and the real case of every existing folder.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = match path.is_absolute() {
        true => path.to_path_buf(),
        false => std::env::current_dir().ok()?.join(path),
    };
    let parts: Vec<Component> = absolute.components().collect();
    (1..=parts.len()).rev().find_map(|n| {
        let base: PathBuf = parts[..n].iter().collect();
        fs::canonicalize(base)
            .ok()
            .map(|real| append(real, &parts[n..]))
    })
}

/// `base` joined with names not yet on disk (`..` steps back, `.` stays).
fn append(mut base: PathBuf, names: &[Component]) -> PathBuf {
    for c in names {
        match c {
            Component::ParentDir => {
                base.pop();
            }
            Component::Normal(n) => base.push(n),
            _ => {}
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(issuer: &str, year: i32, source: &str) -> Claim {
        Claim {
            issuer: issuer.into(),
            symbol: "ĐUVP".into(),
            year,
            example: false,
            source: source.into(),
        }
    }

    #[test]
    fn a_moved_cycle_is_the_same_cycle_another_year_is_not() {
        let a = claim("Đảng ủy A", 2022, "/x/a");
        assert!(a.same_cycle(&claim("Đảng ủy A", 2022, "/y/moved")));
        assert!(!a.same_cycle(&claim("Đảng ủy A", 2023, "/x/a")));
        assert!(!a.same_cycle(&claim("Đảng ủy B", 2022, "/x/a")));
        let example = Claim {
            example: true,
            ..a.clone()
        };
        assert!(!a.same_cycle(&example));
    }

    #[test]
    fn manifests_read_back_and_are_sorted() {
        let m = Manifest::new(
            claim("Đảng ủy A", 2022, "/x"),
            ["b.md".to_owned(), "a/c.md".to_owned()],
        );
        let text = String::from_utf8(m.to_bytes()).expect("utf-8");
        assert!(text.find("a/c.md") < text.find("b.md"));
        assert_eq!(serde_json::from_str::<Manifest>(&text).expect("json"), m);
    }

    /// A big cycle's build (66,011 files at 1,000 branches × 30 members
    /// with rosters: 4.4 MB) must read its own manifest back, or the next
    /// build into the same OUT is refused.
    #[test]
    fn a_big_builds_manifest_reads_back() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let files = (0..100_000)
            .map(|i| format!("chi-bo/chi-bo-{i}/ban-kiem-diem/{i:02}-nguyen-van-a.docx"));
        let m = Manifest::new(claim("Đảng ủy A", 2022, "/x"), files);
        let bytes = m.to_bytes();
        assert!(bytes.len() > 4 << 20, "{} bytes", bytes.len());
        fs::write(tmp.path().join(FILE), bytes).expect("write");
        assert_eq!(read(tmp.path()).expect("readable"), Some(m));
    }

    #[test]
    fn another_cycles_files_are_refused_unless_forced() {
        let held = Manifest::new(claim("Đảng ủy B", 2024, "/b"), ["x.md".to_owned()]);
        let building = claim("Đảng ủy A", 2022, "/a");
        let refused = previous_files(Ok(Some(held.clone())), &building, false);
        assert!(matches!(refused, Err(Refusal::OtherCycle { .. })));
        let forced = previous_files(Ok(Some(held)), &building, true).expect("forced");
        assert!(forced.contains("x.md"));
    }

    #[test]
    fn out_inside_the_cycle_or_around_it_overlaps() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let cycle = tmp.path().join("c");
        fs::create_dir_all(cycle.join("templates")).expect("mkdir");
        assert_eq!(overlap(&cycle, &cycle), Some(Overlap::OutInCycle));
        assert_eq!(
            overlap(&cycle, &cycle.join("templates")),
            Some(Overlap::OutInCycle)
        );
        assert_eq!(
            overlap(&cycle, &cycle.join("results/new")),
            Some(Overlap::OutInCycle)
        );
        assert_eq!(overlap(&cycle, tmp.path()), Some(Overlap::CycleInOut));
        assert_eq!(overlap(&cycle, &tmp.path().join("out")), None);
        assert_eq!(
            overlap(&cycle, &cycle.join("../out/../c/x")),
            Some(Overlap::OutInCycle)
        );
        assert_eq!(key(Path::new("chi-bo/a/bao-cao.md")), "chi-bo/a/bao-cao.md");
        assert_eq!(shown(r"\\?\C:\chu-ky"), r"C:\chu-ky");
        assert_eq!(shown(r"\\?\UNC\may\chu-ky"), r"\\may\chu-ky");
        assert_eq!(shown("/home/a"), "/home/a");
    }
}
