//! Values as clerks write them (cycle-format.md): leading zeros, day-first
//! dates, ratings in lower case or in full words. A cycle written that way
//! builds to the very same bytes as the one written with ISO dates and
//! upper-case codes. (The bad values are cases of `tests/bad-input/`.)

mod common;

use std::fs;
use std::path::Path;

const BASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-input/valid-base");

/// Replaces `from` by `to` in `file`, exactly once.
fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {file:?}");
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir`, relative, with its bytes, in name order.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                out.push((rel, fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn clerks_values_build_the_same_bytes_as_canonical_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cycle");
    common::copy_dir(Path::new(BASE), &dir);
    fs::remove_file(dir.join("expect.txt")).unwrap();
    let cycle = dir.join("cycle.yaml");
    edit(&cycle, "  number: 94\n", "  number: 094\n");
    edit(&cycle, "date: 2022-11-14", "date: 14/11/2022");
    edit(
        &cycle,
        "branch_report_due: 2022-12-20",
        "branch_report_due: 20/12/2022",
    );
    edit(&cycle, "    members: 3\n", "    members: 03\n");
    edit(&cycle, "date: 2022-11-09", "date: 9/11/2022");
    let results = dir.join("results/tong-hop.yaml");
    edit(&results, "date: 2022-12-12", "date: 12/12/2022");
    edit(
        &results,
        "collective:\n  rating: HTTNV",
        "collective:\n  rating: Hoàn thành tốt nhiệm vụ",
    );
    edit(&results, "rating: HTNV", "rating: htnv");
    let votes = dir.join("votes.yaml");
    edit(&votes, "date: 2022-12-16", "date: 16/12/2022");
    edit(&votes, "high: 4", "high: 04");

    let check = common::vanban(&["check", dir.to_str().unwrap()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let (_a, clerk) = common::build(&dir);
    let (_b, canonical) = common::build(Path::new(BASE));
    let (clerk, canonical) = (files(&clerk), files(&canonical));
    assert!(!canonical.is_empty());
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&clerk), names(&canonical));
    for ((name, a), (_, b)) in clerk.iter().zip(&canonical) {
        assert!(a == b, "{name} differs");
    }
}

/// A document number written `7.0` or `0`: refused in Vietnamese words at
/// its own line (no "floating point" inside the sentence).
#[test]
fn decimal_and_zero_document_numbers_are_refused_in_vietnamese() {
    for (number, code, words) in [
        (
            "7.0",
            "input-yaml",
            "gặp số thập phân `7.0`, cần một số nguyên không âm",
        ),
        ("000", "input-value", "số văn bản phải từ 1 trở lên"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("cycle");
        common::copy_dir(Path::new(BASE), &dir);
        fs::remove_file(dir.join("expect.txt")).unwrap();
        let cycle = dir.join("cycle.yaml");
        edit(&cycle, "  number: 101\n", &format!("  number: {number}\n"));
        let run = common::vanban(&["check", dir.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        let head = stderr.lines().next().unwrap_or_default();
        assert!(head.starts_with(&format!("error[{code}]: ")), "{stderr}");
        assert!(head.contains(words), "{head}");
        assert!(head.ends_with(":42:11, report.number)"), "{head}");
        assert!(!stderr.contains("floating"), "{stderr}");
    }
}
