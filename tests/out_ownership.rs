//! OUT belongs to vanban only as far as it wrote it (design README): each
//! build records what it wrote and for which cycle in
//! `OUT/.vanban-manifest.json`; the next build of that cycle removes the
//! files it no longer writes and keeps every other file; another cycle's
//! build into that OUT is refused (exit 2, nothing changes) unless
//! `--force`; OUT inside the cycle folder, or the cycle inside OUT, is
//! refused; the built-in example never writes over another cycle's output.
//! Through the real binary.

mod common;

use common::{copy_dir, fixture};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MANIFEST: &str = ".vanban-manifest.json";

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read folder") {
            let path = entry.expect("entry").path();
            match path.is_dir() {
                true => stack.push(path),
                false => {
                    let rel = path.strip_prefix(dir).expect("below").to_path_buf();
                    found.insert(rel, fs::read(&path).expect("read"));
                }
            }
        }
    }
    found
}

/// `vanban ARGS` run in `cwd`.
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the vanban binary runs")
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// A temp folder holding copies of both fixtures.
fn workspace() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    for name in ["quang-binh-2022", "other-committee-2024"] {
        copy_dir(&fixture(name), &tmp.path().join(name));
    }
    tmp
}

fn build(cwd: &Path, cycle: &str, out: &str, extra: &[&str]) -> Output {
    let mut args = vec!["build", cycle, "-o", out];
    args.extend(extra);
    run_in(cwd, &args)
}

fn ok(run: &Output) {
    assert_eq!(run.status.code(), Some(0), "{}", stderr(run));
}

fn manifest(out: &Path) -> yaml_serde::Value {
    let text = fs::read_to_string(out.join(MANIFEST)).expect("manifest");
    yaml_serde::from_str(&text).expect("JSON is YAML")
}

fn listed(out: &Path) -> Vec<String> {
    manifest(out)["files"]
        .as_sequence()
        .expect("files")
        .iter()
        .map(|f| f.as_str().expect("a path").to_owned())
        .collect()
}

#[test]
fn the_manifest_lists_exactly_what_the_build_wrote_and_two_builds_agree() {
    let ws = workspace();
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    let out = ws.path().join("out");
    let mut on_disk: Vec<String> = snapshot(&out)
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p != MANIFEST)
        .collect();
    on_disk.sort();
    assert_eq!(listed(&out), on_disk);
    let m = manifest(&out);
    assert_eq!(
        m["cycle"]["issuer"].as_str(),
        Some("Đảng ủy Văn phòng UBND tỉnh")
    );
    assert_eq!(m["cycle"]["year"].as_i64(), Some(2022));
    let first = snapshot(&out);
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    assert_eq!(
        snapshot(&out),
        first,
        "same input, same bytes (manifest included)"
    );
}

#[test]
fn files_the_last_build_wrote_and_this_one_does_not_are_removed_others_stay() {
    let ws = workspace();
    let (cycle, out) = (ws.path().join("quang-binh-2022"), ws.path().join("out"));
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    fs::write(out.join("ghi-chu.txt"), "của văn thư\n").expect("write");
    fs::write(out.join("chi-bo/kinh-te/ghi-chu.txt"), "giữ\n").expect("write");
    assert!(out.join("bao-cao-tong-hop.md").is_file());

    // A branch leaves the cycle; another has not reported: no consolidated report.
    let yaml = fs::read_to_string(cycle.join("cycle.yaml")).expect("read");
    let last = yaml.find("  - id: quan-tri-tai-vu").expect("last branch");
    fs::write(cycle.join("cycle.yaml"), &yaml[..last]).expect("write");
    fs::remove_file(cycle.join("results/quan-tri-tai-vu.yaml")).expect("rm");
    fs::remove_file(cycle.join("results/kinh-te.yaml")).expect("rm");
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));

    assert!(
        !out.join("bao-cao-tong-hop.md").exists(),
        "old figures must not linger"
    );
    assert!(!out.join("bao-cao-tong-hop.docx").exists());
    assert!(
        !out.join("chi-bo/quan-tri-tai-vu").exists(),
        "its folder went with its files"
    );
    assert!(
        out.join("chi-bo/kinh-te/bao-cao.md").is_file(),
        "now a form"
    );
    assert_eq!(
        fs::read_to_string(out.join("ghi-chu.txt")).expect("kept"),
        "của văn thư\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("chi-bo/kinh-te/ghi-chu.txt")).expect("kept"),
        "giữ\n"
    );
    assert!(
        !listed(&out)
            .iter()
            .any(|f| f.starts_with("bao-cao-tong-hop"))
    );
}

#[test]
fn another_cycle_is_refused_naming_both_and_force_replaces_it() {
    let ws = workspace();
    let out = ws.path().join("out");
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    fs::write(out.join("ghi-chu.txt"), "của văn thư\n").expect("write");
    let before = snapshot(&out);

    let refused = build(ws.path(), "other-committee-2024", "out", &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    let message = stderr(&refused);
    assert!(message.contains("error[out-other-cycle]"), "{message}");
    assert!(
        message.contains("Đảng ủy Văn phòng UBND tỉnh (ĐUVP), năm 2022"),
        "{message}"
    );
    assert!(
        message.contains("Đảng ủy Sở Tài chính (ĐUSTC), năm 2024"),
        "{message}"
    );
    assert_eq!(snapshot(&out), before, "nothing changes");
    let names: Vec<_> = fs::read_dir(ws.path())
        .expect("list")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(names.len(), 3, "nothing left beside OUT: {names:?}");

    let en = build(ws.path(), "other-committee-2024", "out", &["--lang", "en"]);
    assert!(stderr(&en).contains("holds the documents of another cycle"));

    ok(&build(
        ws.path(),
        "other-committee-2024",
        "out",
        &["--force"],
    ));
    let cong_van = fs::read_to_string(out.join("cong-van.md")).expect("read");
    assert!(cong_van.contains("SỞ TÀI CHÍNH"), "{cong_van}");
    assert!(
        !out.join("chi-bo/kinh-te").exists(),
        "the other cycle's documents are replaced"
    );
    assert!(!out.join("bien-ban-kiem-phieu.md").exists());
    assert_eq!(
        fs::read_to_string(out.join("ghi-chu.txt")).expect("kept"),
        "của văn thư\n"
    );
    assert_eq!(manifest(&out)["cycle"]["year"].as_i64(), Some(2024));
}

#[test]
fn a_moved_cycle_folder_is_still_the_same_cycle() {
    let ws = workspace();
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    fs::rename(
        ws.path().join("quang-binh-2022"),
        ws.path().join("da-chuyen"),
    )
    .expect("mv");
    ok(&build(ws.path(), "da-chuyen", "out", &[]));
    let source = manifest(&ws.path().join("out"))["cycle"]["source"]
        .as_str()
        .expect("source")
        .to_owned();
    assert!(source.ends_with("da-chuyen"), "{source}");
}

#[test]
fn out_inside_the_cycle_or_around_it_is_refused_and_nothing_is_written() {
    let ws = workspace();
    let cycle = ws.path().join("quang-binh-2022");
    let before = snapshot(ws.path());
    for (from, target, out) in [
        (ws.path(), "quang-binh-2022", "quang-binh-2022"),
        (ws.path(), "quang-binh-2022", "quang-binh-2022/templates"),
        (ws.path(), "quang-binh-2022", "quang-binh-2022/results"),
        (
            ws.path(),
            "quang-binh-2022/cycle.yaml",
            "quang-binh-2022/out",
        ),
        (
            ws.path(),
            "quang-binh-2022",
            "quang-binh-2022/../quang-binh-2022/x",
        ),
        (ws.path(), "quang-binh-2022", "."),
        (&cycle, ".", "templates"),
        (&cycle, "cycle.yaml", ".."),
    ] {
        let run = build(from, target, out, &[]);
        assert_eq!(run.status.code(), Some(2), "-o {out}: {}", stderr(&run));
        assert!(
            stderr(&run).contains("error[out-overlaps-cycle]"),
            "{}",
            stderr(&run)
        );
        assert_eq!(snapshot(ws.path()), before, "-o {out} wrote something");
    }
    assert!(!cycle.join("templates").exists());
}

#[test]
fn the_example_never_writes_over_another_cycles_output() {
    let ws = workspace();
    let out = ws.path().join("out");
    // ./out holds the committee's own 2022 build (same issuer and year as the example).
    ok(&build(ws.path(), "quang-binh-2022", "out", &[]));
    let before = snapshot(&out);
    let refused = run_in(ws.path(), &["build"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("ví dụ có sẵn"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(snapshot(&out), before);

    // Documents no manifest claims (an older vanban, a copy by hand): refused too.
    fs::remove_file(out.join(MANIFEST)).expect("rm");
    let before = snapshot(&out);
    let refused = run_in(ws.path(), &["build"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert_eq!(snapshot(&out), before);

    // Its own earlier output, or a folder of other files: written.
    let fresh = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(fresh.path().join("out")).expect("mkdir");
    fs::write(fresh.path().join("out/ghi-chu.txt"), "x").expect("write");
    ok(&run_in(fresh.path(), &["build"]));
    ok(&run_in(fresh.path(), &["build"]));
    assert!(fresh.path().join("out/ghi-chu.txt").is_file());
    assert_eq!(
        manifest(&fresh.path().join("out"))["cycle"]["example"].as_bool(),
        Some(true)
    );
}
