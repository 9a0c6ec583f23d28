//! `vanban stats CYCLE --format xlsx -o FILE`: the statistics annex
//! (`crate::annex`, the same file `build` writes as `OUT/thong-ke.xlsx`),
//! written atomically: a temporary file beside FILE, renamed over it.

use crate::cycle::Cycle;
use crate::diagnostic::Lang;
use std::io::Write;
use std::path::Path;

/// Writes the annex to `file`; exit 0, or 2 with a message naming the file.
pub fn write(cycle: &Cycle, file: &Path, lang: Lang) -> u8 {
    match try_write(cycle, file) {
        Ok(()) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Vi => format!("Đã ghi bảng thống kê vào {}", file.display()),
                    Lang::En => format!("Wrote the statistics annex to {}", file.display()),
                }
            );
            0
        }
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Vi => format!("không ghi được {}: {e}", file.display()),
                    Lang::En => format!("cannot write {}: {e}", file.display()),
                }
            );
            2
        }
    }
}

fn try_write(cycle: &Cycle, file: &Path) -> std::io::Result<()> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let bytes = crate::annex::xlsx(cycle, dir).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}
