//! `vanban init DIR [--year Y]`: a commented starter cycle to fill in.

use super::{Common, report};
use crate::cycle::{Branch, roster, roster_file};
use crate::diagnostic::{Diagnostic, Lang};
use crate::output::Staging;
use crate::roll::init as starter;
use crate::roll::{check_new_dir, write_error};
use std::path::Path;

pub fn run(dir: &Path, year: Option<i32>, roster: Option<&Path>, common: Common) -> u8 {
    let year = year.unwrap_or_else(this_year);
    match write(dir, year, roster) {
        Ok(()) => {
            println!("{}", done(dir, year, common.lang));
            0
        }
        Err(diags) => {
            report::print(&diags, &Default::default(), common);
            2
        }
    }
}

/// Writes `dir/cycle.yaml` (the folder must not exist or be empty), and
/// with `--roster` a copy of the spreadsheet beside it, atomically.
fn write(dir: &Path, year: i32, roster: Option<&Path>) -> Result<(), Vec<Diagnostic>> {
    let roster = roster.map(read_roster).transpose()?;
    let yaml = match &roster {
        Some((name, _, branches)) => starter::cycle_yaml_with(year, Some((name, branches))),
        None => starter::cycle_yaml(year),
    }
    .map_err(|d| vec![d])?;
    check_new_dir(dir).map_err(|d| vec![d])?;
    let fail = |e: std::io::Error| vec![write_error(dir, &e)];
    let staging = Staging::new(dir).map_err(fail)?;
    staging
        .write(Path::new("cycle.yaml"), yaml.as_bytes())
        .map_err(fail)?;
    if let Some((name, bytes, _)) = &roster {
        staging.write(Path::new(name), bytes).map_err(fail)?;
    }
    staging.commit().map_err(fail)
}

/// The roster's file name, its bytes (copied into the cycle) and the
/// branches its "Chi bộ" column names.
fn read_roster(path: &Path) -> Result<(String, Vec<u8>, Vec<Branch>), Vec<Diagnostic>> {
    let rows = roster_file::read(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| vec![write_error(path, &e)])?;
    Ok((name, bytes, roster::branches_of(rows)))
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
