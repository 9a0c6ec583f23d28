//! Where a cycle's files come from: the disk ([`Disk`]), memory
//! ([`InMemory`], the built-in example), or files in memory laid over the
//! disk ([`Overlay`], `collect` checking results not yet written).
//!
//! Paths are the paths messages show (`quang-binh-2022/cycle.yaml`,
//! `chu-ky/results/a.yaml`): on disk they are the real paths, in memory
//! they are the keys. So a diagnostic names the same file whichever source
//! it was read from.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// What a path names in a [`CycleFiles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    Folder,
}

/// The files of one cycle, by the path messages show.
pub trait CycleFiles: Sync {
    /// What `path` names, or `None` when nothing is there.
    fn entry(&self, path: &Path) -> Option<Entry>;

    /// The bytes of the file at `path`, at most `cap + 1` of them (so a
    /// caller can tell a file over `cap` without reading all of it).
    /// A missing file is an error of kind [`io::ErrorKind::NotFound`].
    fn read(&self, path: &Path, cap: u64) -> io::Result<Vec<u8>>;

    /// What folder `dir` holds directly (files and folders), sorted; a
    /// missing folder is an error of kind [`io::ErrorKind::NotFound`].
    fn entries_in(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;

    fn is_file(&self, path: &Path) -> bool {
        self.entry(path) == Some(Entry::File)
    }
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl CycleFiles for Disk {
    fn entry(&self, path: &Path) -> Option<Entry> {
        let meta = std::fs::metadata(path).ok()?;
        Some(if meta.is_dir() {
            Entry::Folder
        } else {
            Entry::File
        })
    }

    fn read(&self, path: &Path, cap: u64) -> io::Result<Vec<u8>> {
        let file = std::fs::File::open(path)?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let keep = len.min(cap.saturating_add(1));
        let mut bytes = Vec::with_capacity(usize::try_from(keep).unwrap_or(0));
        file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    fn entries_in(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        Ok(files)
    }
}

/// Files held in memory, by path; folders are the paths' parents.
#[derive(Debug, Clone, Default)]
pub struct InMemory {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl InMemory {
    pub fn new() -> InMemory {
        InMemory::default()
    }

    /// Adds (or replaces) the file at `path`.
    pub fn insert(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }
}

impl CycleFiles for InMemory {
    fn entry(&self, path: &Path) -> Option<Entry> {
        if self.files.contains_key(path) {
            return Some(Entry::File);
        }
        let folder = self.files.keys().any(|p| p.starts_with(path));
        folder.then_some(Entry::Folder)
    }

    fn read(&self, path: &Path, cap: u64) -> io::Result<Vec<u8>> {
        let bytes = self.files.get(path).ok_or_else(not_found)?;
        let keep = usize::try_from(cap.saturating_add(1)).unwrap_or(usize::MAX);
        Ok(bytes[..bytes.len().min(keep)].to_vec())
    }

    fn entries_in(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        if self.entry(dir) != Some(Entry::Folder) {
            return Err(not_found());
        }
        let mut entries: Vec<PathBuf> = self
            .files
            .keys()
            .filter_map(|p| p.strip_prefix(dir).ok()?.components().next())
            .map(|first| dir.join(first))
            .collect();
        entries.sort();
        entries.dedup();
        Ok(entries)
    }
}

/// Files in memory laid over another source: a path held in `top` is read
/// from it, any other from `base`.
pub struct Overlay<'a> {
    pub base: &'a dyn CycleFiles,
    pub top: InMemory,
}

impl CycleFiles for Overlay<'_> {
    fn entry(&self, path: &Path) -> Option<Entry> {
        match self.top.entry(path) {
            Some(Entry::File) => Some(Entry::File),
            top => self.base.entry(path).or(top),
        }
    }

    fn read(&self, path: &Path, cap: u64) -> io::Result<Vec<u8>> {
        match self.top.is_file(path) {
            true => self.top.read(path, cap),
            false => self.base.read(path, cap),
        }
    }

    fn entries_in(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let (top, base) = (self.top.entries_in(dir), self.base.entries_in(dir));
        let mut files = match (top, base) {
            (Err(_), base) => return base,
            (Ok(top), Err(e)) if e.kind() == io::ErrorKind::NotFound => top,
            (Ok(_), Err(e)) => return Err(e),
            (Ok(mut top), Ok(base)) => {
                top.extend(base);
                top
            }
        };
        files.sort();
        files.dedup();
        Ok(files)
    }
}

fn not_found() -> io::Error {
    io::Error::from(io::ErrorKind::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> InMemory {
        let mut m = InMemory::new();
        m.insert("c/cycle.yaml", "year: 2022\n");
        m.insert("c/results/b.yaml", "branch: b\n");
        m.insert("c/results/a.yaml", "branch: a\n");
        m.insert("c/results/old/x.yaml", "x");
        m
    }

    #[test]
    fn in_memory_files_and_folders() {
        let m = memory();
        assert_eq!(m.entry(Path::new("c")), Some(Entry::Folder));
        assert_eq!(m.entry(Path::new("c/cycle.yaml")), Some(Entry::File));
        assert_eq!(m.entry(Path::new("c/votes.yaml")), None);
        // A prefix of a name is not a folder.
        assert_eq!(m.entry(Path::new("c/cyc")), None);
        assert_eq!(
            m.entries_in(Path::new("c/results")).expect("a folder"),
            ["a.yaml", "b.yaml", "old"].map(|n| Path::new("c/results").join(n))
        );
        let missing = m
            .entries_in(Path::new("c/templates"))
            .expect_err("no folder");
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let missing = m.read(Path::new("c/votes.yaml"), 10).expect_err("no file");
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn reads_stop_one_byte_past_the_cap() {
        let m = memory();
        let path = Path::new("c/cycle.yaml");
        assert_eq!(m.read(path, 100).expect("read"), b"year: 2022\n");
        assert_eq!(m.read(path, 3).expect("read"), b"year");
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("f.yaml");
        std::fs::write(&file, "year: 2022\n").expect("written");
        assert_eq!(Disk.read(&file, 3).expect("read"), b"year");
        assert_eq!(Disk.read(&file, 100).expect("read"), b"year: 2022\n");
    }

    #[test]
    fn overlay_prefers_the_top_and_lists_both() {
        let dir = tempfile::tempdir().expect("temp dir");
        let results = dir.path().join("results");
        std::fs::create_dir_all(&results).expect("folder");
        std::fs::write(results.join("a.yaml"), "on disk").expect("written");
        std::fs::write(results.join("c.yaml"), "on disk").expect("written");
        let mut top = InMemory::new();
        top.insert(results.join("a.yaml"), "in memory");
        top.insert(results.join("b.yaml"), "in memory");
        let overlay = Overlay { base: &Disk, top };
        let names: Vec<PathBuf> = overlay.entries_in(&results).expect("listed");
        assert_eq!(
            names,
            ["a.yaml", "b.yaml", "c.yaml"].map(|n| results.join(n))
        );
        let read = |n: &str| overlay.read(&results.join(n), 100).expect("read");
        assert_eq!(read("a.yaml"), b"in memory");
        assert_eq!(read("b.yaml"), b"in memory");
        assert_eq!(read("c.yaml"), b"on disk");
        assert_eq!(overlay.entry(dir.path()), Some(Entry::Folder));
        // Only the top has the folder: still listed.
        let mut top = InMemory::new();
        top.insert(dir.path().join("new/x.yaml"), "x");
        let overlay = Overlay { base: &Disk, top };
        assert_eq!(
            overlay
                .entries_in(&dir.path().join("new"))
                .expect("listed")
                .len(),
            1
        );
    }
}
