//! Which deflate level: every part of every DOCX in `DOCX_DIR` (a build of
//! the 1,000-branch cycle: `benches/scale.sh` runs this on it) zipped again
//! at each level, one thread, as vanban writes them (same options but the
//! level). Prints, per level, the median time of `RUNS` passes (default 5)
//! and the bytes written.
//!
//! ```sh
//! DOCX_DIR=out cargo bench --bench deflate_levels
//! ```

#[path = "support/parts.rs"]
mod docx_parts;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use docx_parts::parts;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

type Parts = Vec<(String, Vec<u8>)>;

fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            docx_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "docx") {
            out.push(path);
        }
    }
}

fn parts_of(path: &Path) -> Parts {
    parts(&std::fs::read(path).expect("readable"))
}

/// Bytes of all documents zipped at `level` (`None`: stored).
fn zip_all(docs: &[Parts], level: Option<i64>) -> usize {
    let method = match level {
        Some(_) => CompressionMethod::Deflated,
        None => CompressionMethod::Stored,
    };
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(level)
        .unix_permissions(0o644);
    docs.iter()
        .map(|parts| {
            let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
            for (name, data) in parts {
                zip.start_file(name.as_str(), options).expect("entry");
                zip.write_all(data).expect("written");
            }
            zip.finish().expect("finished").into_inner().len()
        })
        .sum()
}

fn main() {
    let Ok(dir) = std::env::var("DOCX_DIR") else {
        eprintln!("deflate_levels: set DOCX_DIR to a build's output folder; skipped");
        return;
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut files = Vec::new();
    docx_files(Path::new(&dir), &mut files);
    files.sort();
    let docs: Vec<Parts> = files.iter().map(|f| parts_of(f)).collect();
    let xml: usize = docs.iter().flatten().map(|(_, d)| d.len()).sum();
    println!(
        "{} documents, {:.1} MB of XML; median of {runs} passes, one thread",
        docs.len(),
        xml as f64 / 1e6
    );
    println!("| level | time | DOCX bytes |");
    println!("| --- | ---: | ---: |");
    for level in [None, Some(1), Some(2), Some(3), Some(6), Some(9)] {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            bytes = zip_all(&docs, level);
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let name = level.map_or("stored".to_owned(), |l| l.to_string());
        println!(
            "| {name} | {:.0} ms | {:.1} MB |",
            median * 1000.0,
            bytes as f64 / 1e6
        );
    }
}
