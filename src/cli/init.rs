//! `vanban init DIR [--year Y]`: a commented starter cycle to fill in.

use super::{Common, Format, report};
use crate::diagnostic::{Diagnostic, Lang};
use crate::output::Staging;
use crate::roll::init as starter;
use crate::roll::{check_new_dir, write_error};
use std::path::Path;

pub fn run(dir: &Path, year: Option<i32>, common: Common) -> u8 {
    let year = year.unwrap_or_else(this_year);
    match (write(dir, year), common.format) {
        (Ok(()), Format::Text) => {
            report::out(&done(dir, year, common.lang));
            0
        }
        (Ok(()), Format::Json) => {
            report::print_json_value(&serde_json::json!({
                "dir": dir,
                "year": year,
                "written": ["cycle.yaml"],
                "diagnostics": [],
            }));
            0
        }
        (Err(d), _) => {
            report::print_failure(&[d], &Default::default(), common);
            2
        }
    }
}

/// Writes `dir/cycle.yaml` (the folder must not exist or be empty), atomically.
fn write(dir: &Path, year: i32) -> Result<(), Diagnostic> {
    let yaml = starter::cycle_yaml(year)?;
    check_new_dir(dir)?;
    let staging = Staging::new(dir).map_err(|e| write_error(dir, &e))?;
    staging
        .write(Path::new("cycle.yaml"), yaml.as_bytes())
        .map_err(|e| write_error(dir, &e))?;
    staging.commit().map_err(|e| write_error(dir, &e))
}

/// The calendar year now: the default review year (the only clock vanban
/// reads; `--year` makes the output reproducible).
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map_or(2026, |t| chrono::Datelike::year(&t.date_naive()))
}

fn done(dir: &Path, year: i32, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Vi => format!(
            "Đã tạo {dir}/cycle.yaml cho năm {year}. Điền các chỗ [[…]], rồi chạy: vanban check {dir}"
        ),
        Lang::En => format!(
            "Wrote {dir}/cycle.yaml for {year}. Fill in the [[…]] placeholders, then run: vanban check {dir}"
        ),
    }
}
