//! `vanban new-cycle CYCLE --year Y -o NEWDIR`: next year's cycle from
//! last year's (the logic is `cycle::roll`); prints what changed and the
//! placeholders left to fill.

use super::{Common, Format, report};
use crate::diagnostic::{Lang, exit_code};
use crate::domain::vietnamese::date_short as dmy;
use crate::roll::{self, Rolled};
use serde_json::json;
use std::path::{Path, PathBuf};

pub fn run(old: &Path, year: i32, new_dir: &Path, common: Common) -> u8 {
    let rolled = match roll::prepare(old, year) {
        Ok(rolled) => rolled,
        Err(failed) => {
            report::print_failure(&failed.diagnostics, &failed.sources, common);
            return exit_code(&failed.diagnostics).max(2);
        }
    };
    let written = match roll::write(&rolled, new_dir) {
        Ok(written) => written,
        Err(d) => {
            report::print_failure(&[d], &Default::default(), common);
            return 2;
        }
    };
    match common.format {
        Format::Text | Format::Xlsx => {
            report::out(&summary(&rolled, new_dir, &written, common.lang))
        }
        Format::Json => report::out(&summary_json(&rolled, new_dir, &written)),
    }
    0
}

/// Both languages of one line, picked by `lang`.
fn say(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn summary(r: &Rolled, new_dir: &Path, written: &[PathBuf], lang: Lang) -> String {
    let c = &r.changes;
    let dir = new_dir.display();
    let mut lines = vec![say(
        lang,
        format!(
            "Đã tạo chu kỳ năm {} ({}) từ chu kỳ năm {} vào {dir} ({} tệp).",
            r.year,
            r.rules.id(),
            r.from_year,
            written.len()
        ),
        format!(
            "Wrote the {} cycle ({}) from the {} one to {dir} ({}).",
            r.year,
            r.rules.id(),
            r.from_year,
            report::count(written.len(), Lang::En, "", "file")
        ),
    )];
    for (old, new) in &c.replaced {
        lines.push(say(
            lang,
            format!("  thay văn bản {old} bằng {new}"),
            format!("  replaced {old} by {new}"),
        ));
    }
    for (path, old, new, working_day) in &c.moved {
        let (vi, en) = match working_day {
            true => (" (lùi về ngày làm việc)", " (back to a working day)"),
            false => ("", ""),
        };
        let (old, new) = (dmy(*old), dmy(*new));
        lines.push(say(
            lang,
            format!("  {path}: {old} → {new}{vi}"),
            format!("  {path}: {old} → {new}{en}"),
        ));
    }
    for path in &c.reworded {
        lines.push(say(
            lang,
            format!("  {path}: đổi năm theo chu kỳ mới"),
            format!("  {path}: years moved to the new cycle"),
        ));
    }
    lines.push(say(
        lang,
        format!(
            "Cần điền {} chỗ trong {dir}/cycle.yaml (xem dự thảo: vanban build {dir} --draft):",
            c.placeholders.len()
        ),
        format!(
            "{} to fill in {dir}/cycle.yaml (see a draft: vanban build {dir} --draft):",
            report::count(c.placeholders.len(), Lang::En, "", "placeholder")
        ),
    ));
    for (path, placeholder) in &c.placeholders {
        lines.push(format!("  {path}: {placeholder}"));
    }
    lines.join("\n")
}

fn summary_json(r: &Rolled, new_dir: &Path, written: &[PathBuf]) -> String {
    let c = &r.changes;
    let value = json!({
        "dir": new_dir,
        "from_year": r.from_year,
        "year": r.year,
        "rules": r.rules.id(),
        "written": written,
        "replaced": c.replaced.iter().map(|(o, n)| json!({"from": o, "to": n})).collect::<Vec<_>>(),
        "moved": c.moved.iter().map(|(p, o, n, w)| json!({"field": p, "from": o, "to": n, "moved_to_working_day": w})).collect::<Vec<_>>(),
        "reworded": c.reworded,
        "placeholders": c.placeholders.iter().map(|(p, t)| json!({"field": p, "placeholder": t})).collect::<Vec<_>>(),
        "diagnostics": [],
    });
    // A `json!` value always serializes.
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
