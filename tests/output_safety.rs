//! Writing OUT safely, through the real binary: other files in OUT are kept,
//! symbolic links inside OUT are never followed, and a build killed at any
//! point leaves OUT either as it was or completely built — never half
//! written. (A build stopped by a rule error writes nothing: see
//! `tests/directive.rs`, `a_rule_error_writes_nothing`.)

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// What a folder holds: every path below it with its kind and contents.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Dir,
    File(Vec<u8>),
    Link(PathBuf),
}

type Snapshot = BTreeMap<PathBuf, Entry>;

fn snapshot(dir: &Path) -> Snapshot {
    let mut found = Snapshot::new();
    walk(dir, Path::new(""), &mut found);
    found
}

fn walk(root: &Path, rel: &Path, found: &mut Snapshot) {
    for entry in fs::read_dir(root.join(rel)).expect("read folder") {
        let entry = entry.expect("entry");
        let rel = rel.join(entry.file_name());
        let path = root.join(&rel);
        let kind = entry.file_type().expect("file type");
        if kind.is_symlink() {
            found.insert(rel, Entry::Link(fs::read_link(&path).expect("link")));
        } else if kind.is_dir() {
            found.insert(rel.clone(), Entry::Dir);
            walk(root, &rel, found);
        } else {
            found.insert(rel, Entry::File(fs::read(&path).expect("read")));
        }
    }
}

fn build_into(out: &Path) -> std::process::Output {
    common::vanban(&[
        "build",
        common::fixture("quang-binh-2022").to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ])
}

fn names_beside(out: &Path) -> Vec<String> {
    let parent = out.parent().expect("OUT has a parent");
    let mut names: Vec<String> = fs::read_dir(parent)
        .expect("list parent")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// OUT as a user left it: notes, a subfolder, and a stale document of ours.
fn user_out(out: &Path) {
    fs::create_dir_all(out.join("ghi-chu/2021")).expect("mkdir");
    fs::write(out.join("notes.txt"), "ghi chú của văn thư\n").expect("write");
    fs::write(out.join("ghi-chu/2021/a.txt"), "năm trước\n").expect("write");
    fs::write(out.join("cong-van.md"), "bản cũ\n").expect("write");
}

#[test]
fn other_files_in_out_are_kept() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    user_out(&out);
    let run = build_into(&out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let after = snapshot(&out);
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).expect("notes"),
        "ghi chú của văn thư\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("ghi-chu/2021/a.txt")).expect("sub"),
        "năm trước\n"
    );
    assert!(
        matches!(&after[Path::new("cong-van.md")], Entry::File(text) if text != "bản cũ\n".as_bytes()),
        "our stale document is replaced"
    );
    assert!(after.contains_key(Path::new("cong-van.docx")));
    assert!(after.contains_key(Path::new("chi-bo")));
    assert_eq!(names_beside(&out), ["out"], "nothing left beside OUT");
}

#[test]
fn symlinks_inside_out_are_not_followed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (out, elsewhere) = (tmp.path().join("out"), tmp.path().join("elsewhere"));
    fs::create_dir_all(elsewhere.join("branches")).expect("mkdir");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(elsewhere.join("victim.md"), "không được ghi đè\n").expect("write");
    fs::write(elsewhere.join("branches/victim.txt"), "giữ nguyên\n").expect("write");
    symlink(elsewhere.join("victim.md"), out.join("cong-van.md")).expect("link");
    symlink(elsewhere.join("branches"), out.join("chi-bo")).expect("link");
    symlink(elsewhere.join("victim.md"), out.join("lien-ket.md")).expect("link");
    let victims = snapshot(&elsewhere);

    let run = build_into(&out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    assert_eq!(
        snapshot(&elsewhere),
        victims,
        "nothing written through a link"
    );
    let after = snapshot(&out);
    assert!(
        matches!(&after[Path::new("cong-van.md")], Entry::File(text)
            if String::from_utf8_lossy(text).contains("Kính gửi")),
        "the link in the way is replaced by the document"
    );
    assert_eq!(after[Path::new("chi-bo")], Entry::Dir, "a real folder now");
    assert!(after.keys().any(|p| p.starts_with("chi-bo/kinh-te")));
    assert_eq!(
        after[Path::new("lien-ket.md")],
        Entry::Link(elsewhere.join("victim.md")),
        "a link the build does not replace is kept as a link"
    );
}

/// A small pseudo-random sequence (no dependency): xorshift seeded by the clock.
fn delays(count: usize, max: Duration) -> Vec<Duration> {
    let mut x = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(88_172_645_463_325_252, |d| d.as_nanos() as u64)
        | 1;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            max.mul_f64((x % 1000) as f64 / 1000.0)
        })
        .collect()
}

#[test]
fn a_killed_build_leaves_out_as_it_was_or_complete() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    user_out(&out);
    let before = snapshot(&out);

    // What a complete build gives, and how long one takes here.
    let reference = tmp.path().join("reference");
    fs::create_dir_all(&reference).expect("mkdir");
    let complete_out = reference.join("out");
    user_out(&complete_out);
    let started = Instant::now();
    assert!(build_into(&complete_out).status.success());
    let full = started.elapsed();
    let complete = snapshot(&complete_out);
    assert_ne!(complete, before);

    let (mut kept, mut done) = (0, 0);
    let mut leftovers = std::collections::BTreeSet::new();
    for delay in delays(12, full) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["build", "-o"])
            .arg(&out)
            .arg(common::fixture("quang-binh-2022"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn vanban");
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        let now = snapshot(&out);
        if now == before {
            kept += 1;
        } else {
            assert_eq!(now, complete, "killed after {delay:?}: OUT is half written");
            done += 1;
            fs::remove_dir_all(&out).expect("reset");
            user_out(&out);
        }
        // Only OUT and hidden staging folders of killed builds sit beside it.
        for name in names_beside(&out) {
            assert!(
                name == "out" || name == "reference" || name.starts_with(".vanban-staging-"),
                "unexpected {name} beside OUT"
            );
            if name.starts_with(".vanban-staging-") {
                leftovers.insert(name);
            }
        }
    }
    eprintln!(
        "{kept} kills left OUT as it was, {done} after the commit; {} staging folders left",
        leftovers.len()
    );
    assert!(kept > 0, "no kill landed before the commit ({done} after)");

    // The next build sweeps what killed builds left once they are stale.
    std::thread::sleep(Duration::from_millis(1100));
    assert!(build_into(&out).status.success());
    assert_eq!(snapshot(&out), complete);
    assert_eq!(names_beside(&out), ["out", "reference"]);
}

#[test]
fn a_staging_folder_left_by_a_killed_build_is_swept() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let stale = tmp.path().join(".vanban-staging-AbC123");
    fs::create_dir_all(stale.join("chi-bo")).expect("mkdir");
    fs::write(stale.join("chi-bo/x.md"), "dở dang").expect("write");
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::open(&stale)
        .expect("open")
        .set_modified(old)
        .expect("age the folder");
    // Other hidden folders are not vanban's: they stay.
    fs::create_dir_all(tmp.path().join(".git")).expect("mkdir");

    assert!(build_into(&out).status.success());
    assert_eq!(names_beside(&out), [".git", "out"]);
}
