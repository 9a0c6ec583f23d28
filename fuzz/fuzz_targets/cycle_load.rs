//! Loading a cycle folder from arbitrary bytes, then checking its rules.
//!
//! The input is split at NUL bytes (YAML text never holds one) into
//! `cycle.yaml`, `results/kinh-te.yaml` and `votes.yaml`; missing parts are
//! absent files. Loading may fail with diagnostics; it must never panic.

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const PARTS: [&str; 3] = ["cycle.yaml", "results/kinh-te.yaml", "votes.yaml"];

/// One folder reused by every run (libFuzzer runs inputs one at a time).
fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir()
            .expect("a temp dir for the fuzzer")
            .keep();
        fs::create_dir_all(dir.join("results")).expect("results folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    let mut parts = data.splitn(PARTS.len(), |&b| b == 0);
    for name in PARTS {
        let path = dir.join(name);
        match parts.next() {
            Some(bytes) => fs::write(&path, bytes).expect("write input"),
            None => {
                let _ = fs::remove_file(&path);
            }
        }
    }
    if let Ok(loaded) = vanban::cycle::load(dir) {
        let _ = vanban::rules::check(&loaded.cycle);
    }
});
