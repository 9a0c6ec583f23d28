//! Atomic output: documents are written into a staging folder beside OUT,
//! then swapped into place in one step. Until `commit`, OUT is untouched; a
//! failed or interrupted build leaves it exactly as it was. Files already in
//! OUT that the build does not produce are kept.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A build's files, written so far into a staging folder.
pub struct Staging {
    out: PathBuf,
    dir: tempfile::TempDir,
    written: BTreeSet<PathBuf>,
}

impl Staging {
    /// A staging folder beside `out` (same file system, so renames are atomic).
    pub fn new(out: &Path) -> io::Result<Staging> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let dir = tempfile::Builder::new()
            .prefix(".vanban-staging-")
            .tempdir_in(&parent)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            written: BTreeSet::new(),
        })
    }

    /// Writes one file at `relative` (a path made of plain components).
    pub fn write(&mut self, relative: &Path, bytes: &[u8]) -> io::Result<()> {
        let target = self.dir.path().join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, bytes)?;
        self.written.insert(relative.to_path_buf());
        Ok(())
    }

    /// Puts the staged files in place of OUT, keeping OUT's other files.
    pub fn commit(self) -> io::Result<()> {
        let staged = self.dir.path();
        if fs::symlink_metadata(&self.out).is_err() {
            let staged = self.dir.keep();
            return fs::rename(staged, &self.out);
        }
        carry_over(&self.out, staged, Path::new(""), &self.written)?;
        swap(staged, &self.out)
        // The old OUT now sits at the staging path: `self.dir` drops it.
    }
}

/// Links (or copies) every entry of `out` that the build did not write into
/// the staging folder. Symbolic links are recreated as links, never followed.
fn carry_over(
    out: &Path,
    staged: &Path,
    rel: &Path,
    written: &BTreeSet<PathBuf>,
) -> io::Result<()> {
    for entry in fs::read_dir(out.join(rel))? {
        let entry = entry?;
        let rel = rel.join(entry.file_name());
        let kind = entry.file_type()?;
        let (from, to) = (out.join(&rel), staged.join(&rel));
        if kind.is_dir() {
            fs::create_dir_all(&to)?;
            carry_over(out, staged, &rel, written)?;
        } else if written.contains(&rel) {
            continue;
        } else if kind.is_symlink() {
            symlink(&fs::read_link(&from)?, &to)?;
        } else if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> io::Result<()> {
    Ok(())
}

/// Exchanges two folders atomically where the OS can (Linux `renameat2`);
/// elsewhere, two renames.
fn swap(staged: &Path, out: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let backup = staged.with_extension("old");
    fs::rename(out, &backup)?;
    fs::rename(staged, out)?;
    fs::rename(&backup, staged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_creates_out() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        let mut staging = Staging::new(&out).expect("staging");
        staging.write(Path::new("a/b.md"), b"x").expect("write");
        staging.commit().expect("commit");
        assert_eq!(fs::read(out.join("a/b.md")).expect("read"), b"x");
        assert_eq!(fs::read_dir(tmp.path()).expect("list").count(), 1);
    }

    #[test]
    fn commit_keeps_other_files_and_replaces_ours() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        fs::create_dir_all(out.join("a")).expect("mkdir");
        fs::write(out.join("a/b.md"), b"old").expect("write");
        fs::write(out.join("notes.txt"), b"keep").expect("write");
        let mut staging = Staging::new(&out).expect("staging");
        staging.write(Path::new("a/b.md"), b"new").expect("write");
        staging.commit().expect("commit");
        assert_eq!(fs::read(out.join("a/b.md")).expect("read"), b"new");
        assert_eq!(fs::read(out.join("notes.txt")).expect("read"), b"keep");
        assert_eq!(fs::read_dir(tmp.path()).expect("list").count(), 1);
    }

    #[test]
    fn dropping_without_commit_leaves_out_alone() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        fs::create_dir_all(&out).expect("mkdir");
        fs::write(out.join("x"), b"1").expect("write");
        {
            let mut staging = Staging::new(&out).expect("staging");
            staging.write(Path::new("x"), b"2").expect("write");
        }
        assert_eq!(fs::read(out.join("x")).expect("read"), b"1");
        assert_eq!(fs::read_dir(tmp.path()).expect("list").count(), 1);
    }
}
