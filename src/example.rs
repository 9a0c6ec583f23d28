//! The built-in example: the 2022 Quảng Bình cycle (fixtures/quang-binh-2022),
//! embedded so `vanban build` works with no input at all.

use crate::cycle::files::InMemory;
use std::path::PathBuf;

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

/// The example cycle in memory, its files shown as `quang-binh-2022/…`
/// (load it from [`NAME`]).
pub fn files() -> InMemory {
    let mut files = InMemory::new();
    for (rel, text) in FILES {
        // Joined part by part: the native separator on every system.
        let path = rel
            .split('/')
            .fold(PathBuf::from(NAME), |p, part| p.join(part));
        files.insert(path, text.as_bytes());
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::files::CycleFiles;
    use std::path::Path;

    #[test]
    fn the_example_loads_from_memory_under_its_name() {
        let files = files();
        let loaded = match crate::cycle::load_from(&files, Path::new(NAME)) {
            Ok(loaded) => loaded,
            Err(failed) => panic!("the example loads: {:?}", failed.diagnostics),
        };
        let shown: Vec<&Path> = loaded
            .cycle
            .sources
            .files
            .iter()
            .map(|f| f.path.as_path())
            .collect();
        assert_eq!(shown.len(), FILES.len());
        assert_eq!(shown[0], Path::new("quang-binh-2022/cycle.yaml"));
        assert!(shown.contains(&Path::new("quang-binh-2022/results/tong-hop.yaml")));
        assert!(shown.contains(&Path::new("quang-binh-2022/votes.yaml")));
        // Nothing of it is on disk: no folder of that name needed.
        assert!(files.is_file(Path::new("quang-binh-2022/votes.yaml")));
    }
}
