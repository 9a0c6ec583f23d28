//! The built-in example: the 2022 Quảng Bình cycle (fixtures/quang-binh-2022),
//! embedded so `vanban build` works with no input at all.

use std::io;
use std::path::{Path, PathBuf};

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../fixtures/quang-binh-2022/", $path)))),*]
    };
}

/// (relative path, contents) of every file of the example cycle.
pub const FILES: &[(&str, &str)] = embed![
    "cycle.yaml",
    "votes.yaml",
    "results/hanh-chinh-to-chuc.yaml",
    "results/khoa-giao-van-xa.yaml",
    "results/kinh-te.yaml",
    "results/noi-chinh.yaml",
    "results/quan-tri-tai-vu.yaml",
    "results/tong-hop.yaml",
];

/// The name the example's files are shown under in messages.
pub const NAME: &str = "quang-binh-2022";

/// Writes the example cycle into `dir/quang-binh-2022` and returns that path.
pub fn unpack(dir: &Path) -> io::Result<PathBuf> {
    let root = dir.join(NAME);
    for (rel, text) in FILES {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(root)
}
