//! `vanban new-cycle`: next year's cycle from last year's. The old
//! `cycle.yaml` is read strictly (as `load` does), rolled forward on its
//! raw form, and written back as YAML:
//!
//! - `year` and `rules` (the set in force for the new year);
//! - the central regulations the directive cites (by number) replaced by the
//!   ones in force (`domain::regulations`);
//! - references marked `renew: yearly` turned into placeholders to fill;
//! - the cycle's own dates (schedule, directive, report, holidays) moved to
//!   the new year, then back to a working day;
//! - the directive's and the report's numbers turned into placeholders;
//! - the review year (and the year before it) in the subject and in the
//!   renewed references' `about` moved along.
//!
//! Results and votes are not carried: a new year has none yet.

use crate::cycle::convert::{self, Converter};
use crate::cycle::model::{self as m, DocNumber, FileId, Fill, Renew, RuleSet, Sources};
use crate::cycle::raw;
use crate::cycle::{Failed, locate, parse};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::calendar::working_day_on_or_before;
use crate::domain::regulations::{self, Regulation};
use crate::output::Staging;
use crate::rules::text::year_tokens;
use chrono::{Datelike, NaiveDate};
use indexmap::IndexMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Placeholder of the directive's number (the office assigns it).
pub const DIRECTIVE_NUMBER: &str = "[[số công văn]]";
/// Placeholder of the consolidated report's number.
pub const REPORT_NUMBER: &str = "[[số báo cáo]]";

/// Placeholder of the decision's number.
pub const DECISION_NUMBER: &str = "[[số quyết định]]";

/// A rolled cycle, ready to write, and what was changed.
#[derive(Debug, Clone)]
pub struct Rolled {
    /// The old cycle's directory.
    pub from_dir: PathBuf,
    pub from_year: i32,
    pub year: i32,
    pub rules: RuleSet,
    /// The new `cycle.yaml`.
    pub yaml: String,
    /// The `roster_file` both cycles read (copied along).
    pub roster_file: Option<String>,
    pub changes: Changes,
}

/// What `roll` changed, for the summary the command prints.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// (old number, new number) of replaced regulations.
    pub replaced: Vec<(String, String)>,
    /// Dates moved: (field path, old, new, moved back to a working day).
    pub moved: Vec<(String, NaiveDate, NaiveDate, bool)>,
    /// Placeholders written: (field path, placeholder).
    pub placeholders: Vec<(String, String)>,
    /// Text fields whose years moved with the cycle.
    pub reworded: Vec<String>,
}

/// Reads the cycle at `old` (a directory or its `cycle.yaml`) and rolls it
/// forward to `year`. Nothing is written.
pub fn prepare(old: &Path, year: i32) -> Result<Rolled, Failed> {
    let fail = |diagnostics, sources| Failed {
        diagnostics,
        sources,
    };
    let (dir, file) = locate(old).map_err(|d| fail(vec![d], Sources::default()))?;
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    let Some(mut cycle) = parse::<raw::Cycle>(&file, &mut sources, &mut diags) else {
        return Err(fail(diags, sources));
    };
    let mut conv = Converter::new(&sources, FileId::CYCLE);
    let _checked = convert::cycle(&mut conv, cycle.clone());
    diags.append(&mut conv.problems);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(fail(diags, sources));
    }
    let from_year = cycle.year;
    let problem = |message| Diagnostic::error(Code::InputValue, Place::file(&file), message);
    let changes = roll(&mut cycle, year).map_err(|m| fail(vec![problem(m)], sources.clone()))?;
    let yaml =
        to_yaml(&cycle, &dir, from_year).map_err(|m| fail(vec![problem(m)], sources.clone()))?;
    Ok(Rolled {
        from_dir: dir,
        from_year,
        year,
        rules: cycle.rules,
        yaml,
        roster_file: cycle.roster_file.clone(),
        changes,
    })
}

/// Rolls `cycle` forward to `year` in place.
pub fn roll(cycle: &mut raw::Cycle, year: i32) -> Result<Changes, Message> {
    let from = cycle.year;
    for y in [from, year] {
        if !(1900..=9999).contains(&y) {
            return Err(Message::new(
                format!("năm {y} không hợp lệ (cần từ 1900 đến 9999)"),
                format!("{y} is not a valid year (1900 to 9999)"),
            ));
        }
    }
    if year <= from {
        return Err(Message::new(
            format!("năm mới ({year}) phải sau năm của chu kỳ cũ ({from})"),
            format!("the new year ({year}) must come after the old cycle's ({from})"),
        ));
    }
    let Some(rules) = RuleSet::for_year(year) else {
        return Err(Message::new(
            format!("chưa có bộ quy định nào cho năm {year}"),
            format!("no rule set applies to the year {year}"),
        ));
    };
    let mut changes = Changes::default();
    cycle.year = year;
    cycle.rules = rules;
    roll_dates(cycle, year - from, &mut changes);
    replace_regulations(cycle, year, &mut changes);
    renew_references(cycle, from, year, &mut changes);
    roll_numbers(cycle, &mut changes);
    renew_quota_reason(cycle, year, &mut changes);
    let subject = roll_years(&cycle.directive.subject, from, year);
    if subject != cycle.directive.subject {
        cycle.directive.subject = subject;
        changes.reworded.push("directive.subject".to_string());
    }
    Ok(changes)
}

/// The reason for a raised HTXSNV cap is the old year's achievements: the
/// new year needs its own, so it becomes a placeholder.
fn renew_quota_reason(cycle: &mut raw::Cycle, year: i32, changes: &mut Changes) {
    if let Some(reason) = &mut cycle.rule_options.quota_reason {
        let placeholder = format!(
            "[[lý do áp dụng mức {}% năm {year}]]",
            cycle.rule_options.quota_percent
        );
        *reason = placeholder.clone();
        changes
            .placeholders
            .push(("rule_options.quota_reason".to_string(), placeholder));
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// `date` moved by `years`, keeping day and month (29/02 becomes 28/02 in a
/// common year); `None` only past chrono's range.
pub fn shift_year(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = date.year().checked_add(years)?;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
}

/// A cycle date for the new year: same day and month, then the nearest
/// working day on or before it (weekends, public holidays, `holidays`).
pub fn move_date(date: NaiveDate, years: i32, holidays: &[NaiveDate]) -> Option<NaiveDate> {
    shift_year(date, years).map(|d| working_day_on_or_before(d, holidays))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::cycle::values::parse_date(text, None)
}

fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Holidays move by the years (no working-day rule: they are days off);
/// then every dated field of the cycle's own schedule and documents.
fn roll_dates(cycle: &mut raw::Cycle, years: i32, changes: &mut Changes) {
    for text in &mut cycle.holidays {
        if let Some(new) = parse_date(text).and_then(|d| shift_year(d, years)) {
            *text = format_date(new);
        }
    }
    let holidays: Vec<NaiveDate> = cycle
        .holidays
        .iter()
        .filter_map(|t| parse_date(t))
        .collect();
    let mut fields: Vec<(&str, &mut String)> = vec![
        (
            "schedule.branch_report_due",
            &mut cycle.schedule.branch_report_due,
        ),
        (
            "schedule.issuer_report_due",
            &mut cycle.schedule.issuer_report_due,
        ),
        ("directive.date", &mut cycle.directive.date),
    ];
    if let Some(end) = &mut cycle.schedule.year_end_summary {
        fields.push(("schedule.year_end_summary", end));
    }
    if let Some(report) = &mut cycle.report {
        fields.push(("report.date", &mut report.date));
    }
    if let Some(date) = cycle.decision.as_mut().and_then(|d| d.date.as_mut()) {
        fields.push(("decision.date", date));
    }
    for (path, text) in fields {
        let Some(old) = parse_date(text) else {
            continue;
        };
        let Some(new) = move_date(old, years, &holidays) else {
            continue;
        };
        let to_working_day = shift_year(old, years) != Some(new);
        *text = format_date(new);
        changes
            .moved
            .push((path.to_string(), old, new, to_working_day));
    }
}

// ---------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------

/// The reference entry a regulation gets in a rolled cycle.
fn regulation_reference(r: &Regulation) -> raw::Reference {
    raw::Reference {
        number: Some(r.number.to_string()),
        date: r.date().map(format_date),
        by: r.by.to_string(),
        about: None,
        kind: r.kind.map(str::to_string),
        renew: None,
    }
}

/// Every reference key a directive role names.
fn cited_keys(d: &raw::Directive) -> Vec<&String> {
    let lists = [&d.basis, &d.implement, &d.linked, &d.attachments];
    lists
        .into_iter()
        .flatten()
        .chain(d.vote_rule.as_ref())
        .collect()
}

/// A regulation of the old set the directive cites (found by its number)
/// gives way to the one in force for `year`, in the same place among the
/// references; the directive's roles follow the new key.
fn replace_regulations(cycle: &mut raw::Cycle, year: i32, changes: &mut Changes) {
    let cited: Vec<String> = cited_keys(&cycle.directive).into_iter().cloned().collect();
    let mut renamed: IndexMap<String, String> = IndexMap::new();
    let mut references = IndexMap::new();
    for (key, reference) in std::mem::take(&mut cycle.references) {
        let new = reference
            .number
            .as_deref()
            .and_then(|n| regulations::replacement(n, year))
            .filter(|_| cited.contains(&key));
        match new {
            Some(r) => {
                let new_key = cycle_key(&cycle.references, &references, r);
                changes.replaced.push((
                    reference.number.clone().unwrap_or_default(),
                    r.number.to_string(),
                ));
                references
                    .entry(new_key.clone())
                    .or_insert_with(|| regulation_reference(r));
                renamed.insert(key, new_key);
            }
            None => {
                references.insert(key, reference);
            }
        }
    }
    cycle.references = references;
    rename_roles(&mut cycle.directive, &renamed);
}

/// The key for a new regulation: the key a reference of the same number
/// already has, else the table's.
fn cycle_key(
    rest: &IndexMap<String, raw::Reference>,
    done: &IndexMap<String, raw::Reference>,
    r: &Regulation,
) -> String {
    let same = |(_, x): &(&String, &raw::Reference)| {
        x.number
            .as_deref()
            .and_then(regulations::by_number)
            .is_some_and(|found| found == r)
    };
    rest.iter()
        .chain(done.iter())
        .find(same)
        .map_or_else(|| r.key.to_string(), |(k, _)| k.clone())
}

fn rename_roles(d: &mut raw::Directive, renamed: &IndexMap<String, String>) {
    let rename = |key: &mut String| {
        if let Some(new) = renamed.get(key.as_str()) {
            key.clone_from(new);
        }
    };
    for list in [
        &mut d.basis,
        &mut d.implement,
        &mut d.linked,
        &mut d.attachments,
    ] {
        list.iter_mut().for_each(rename);
        let mut seen = Vec::new();
        list.retain(|k| {
            let first = !seen.contains(k);
            seen.push(k.clone());
            first
        });
    }
    if let Some(key) = &mut d.vote_rule {
        rename(key);
    }
}

/// The kind a number's symbol stands for, in lower case (`CV` → công văn).
fn kind_of(number: &str) -> Option<&'static str> {
    DocNumber::parse(number).and_then(|n| m::kind_name(n.kind))
}

/// References issued anew each year (`renew: yearly`): number and date
/// become placeholders to fill; the kind is written out (a placeholder
/// number no longer tells it); years in `about` move with the cycle.
fn renew_references(cycle: &mut raw::Cycle, from: i32, year: i32, changes: &mut Changes) {
    for (key, r) in &mut cycle.references {
        if r.renew != Some(Renew::Yearly) {
            continue;
        }
        if let Some(number) = &r.number {
            if r.kind.is_none() {
                r.kind = kind_of(number).map(str::to_string);
            }
            let placeholder = match DocNumber::parse(number) {
                Some(n) => format!("[[…-{}/{}]]", n.kind, n.body),
                None => format!("[[số văn bản năm {year}]]"),
            };
            changes
                .placeholders
                .push((format!("references.{key}.number"), placeholder.clone()));
            r.number = Some(placeholder);
        }
        if r.date.is_some() {
            let placeholder = format!("[[…/…/{year}]]");
            changes
                .placeholders
                .push((format!("references.{key}.date"), placeholder.clone()));
            r.date = Some(placeholder);
        }
        if let Some(about) = &mut r.about {
            let rolled = roll_years(about, from, year);
            if rolled != *about {
                *about = rolled;
                changes.reworded.push(format!("references.{key}.about"));
            }
        }
    }
}

/// Party numbers run per committee term, not per year: the office assigns
/// the new ones, so they become placeholders.
fn roll_numbers(cycle: &mut raw::Cycle, changes: &mut Changes) {
    cycle.directive.number = Fill::Placeholder(DIRECTIVE_NUMBER.to_string());
    changes
        .placeholders
        .push(("directive.number".to_string(), DIRECTIVE_NUMBER.to_string()));
    if let Some(report) = &mut cycle.report {
        report.number = Fill::Placeholder(REPORT_NUMBER.to_string());
        changes
            .placeholders
            .push(("report.number".to_string(), REPORT_NUMBER.to_string()));
    }
    if let Some(number) = cycle.decision.as_mut().and_then(|d| d.number.as_mut()) {
        *number = Fill::Placeholder(DECISION_NUMBER.to_string());
        changes
            .placeholders
            .push(("decision.number".to_string(), DECISION_NUMBER.to_string()));
    }
}

// ---------------------------------------------------------------------------
// Years in prose
// ---------------------------------------------------------------------------

/// The review year and the year before it move with the cycle (`năm 2022`
/// → `năm 2023`, `năm 2021` → `năm 2022`, in one pass). Years inside a
/// document number (`2019-QĐ/TW`) or a date (`16/6/2022`, `ngày 16 tháng 6
/// năm 2022`) cite a fixed document, and a span (`giai đoạn 2021 – 2025`,
/// `nhiệm kỳ 2020-2025`) is fixed too: those stay; so do other years.
pub fn roll_years(text: &str, from: i32, to: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (offset, found) in year_tokens(text) {
        let new = match found {
            y if y == from => to,
            y if y == from - 1 => to - 1,
            _ => continue,
        };
        if in_a_date(&text[..offset]) || in_a_span(&text[..offset], &text[offset + 4..]) {
            continue;
        }
        out.push_str(&text[last..offset]);
        out.push_str(&new.to_string());
        last = offset + 4;
    }
    out.push_str(&text[last..]);
    out
}

/// Whether a year token preceded by `before` is the year of a written date:
/// `…/6/` or `tháng 6 năm `.
fn in_a_date(before: &str) -> bool {
    if before.ends_with('/') {
        return true;
    }
    let Some(rest) = before.trim_end().strip_suffix("năm") else {
        return false;
    };
    let rest = rest.trim_end();
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len() && digits.trim_end().ends_with("tháng")
}

const DASHES: [char; 3] = ['-', '–', '—'];

/// Whether a year token sits in a span of years: `2021 – 2025`, `2020-2025`.
fn in_a_span(before: &str, after: &str) -> bool {
    let year_like = |s: &str| s.len() >= 4 && s.bytes().take(4).all(|b| b.is_ascii_digit());
    let next = after.trim_start().strip_prefix(DASHES).map(str::trim_start);
    let prev = before.trim_end().strip_suffix(DASHES).map(str::trim_end);
    next.is_some_and(year_like)
        || prev.is_some_and(|p| {
            p.len() >= 4 && p.is_char_boundary(p.len() - 4) && year_like(&p[p.len() - 4..])
        })
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// The new `cycle.yaml`: a comment saying where it comes from, then the
/// cycle with a blank line between top-level sections.
fn to_yaml(cycle: &raw::Cycle, from_dir: &Path, from_year: i32) -> Result<String, Message> {
    let body = yaml_serde::to_string(cycle).map_err(|e| {
        Message::new(
            format!("không tạo được cycle.yaml: {e}"),
            format!("cannot write cycle.yaml: {e}"),
        )
    })?;
    let name = from_dir
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut out = format!(
        "# Chu kỳ kiểm điểm năm {year} ({rules}), tạo bằng `vanban new-cycle` từ chu kỳ năm {from_year} ({name}).\n\
         # Các giá trị [[…]] là chỗ giữ cần điền trước khi ban hành: `vanban check` nêu từng chỗ,\n\
         # `vanban build --draft` in bản dự thảo với các chỗ đó được tô vàng.\n",
        year = cycle.year,
        rules = cycle.rules.id(),
    );
    let mut in_section = false;
    for (i, line) in body.lines().enumerate() {
        let top_level = !line.starts_with([' ', '-', '#']) && !line.is_empty();
        let section = top_level && line.ends_with(':');
        if i > 0 && top_level && (section || in_section) {
            out.push('\n');
        }
        if top_level {
            in_section = section;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

pub(crate) fn write_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    crate::diagnostic::output_error(path, err)
}

/// Refuses a NEWDIR that exists and holds anything (nothing is overwritten).
pub(crate) fn check_new_dir(new_dir: &Path) -> Result<(), Diagnostic> {
    let occupied = match fs::symlink_metadata(new_dir) {
        Err(_) => false,
        Ok(meta) if meta.is_dir() => fs::read_dir(new_dir)
            .map(|mut entries| entries.next().is_some())
            .map_err(|e| write_error(new_dir, &e))?,
        Ok(_) => true,
    };
    match occupied {
        false => Ok(()),
        true => Err(Diagnostic::error(
            Code::OutputWrite,
            Place::file(new_dir),
            Message::new(
                "thư mục đích đã có và không rỗng: vanban không ghi đè; hãy chọn một thư mục mới (hoặc tự xóa thư mục này trước)",
                "the target folder exists and is not empty: vanban does not overwrite it; choose a new folder (or remove this one first)",
            ),
        )),
    }
}

/// Writes the rolled cycle into `new_dir` (which must not exist, or be
/// empty): `cycle.yaml`, and a copy of the old `templates/` folder if any.
/// All or nothing. Returns the files written, relative to `new_dir`.
pub fn write(rolled: &Rolled, new_dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    check_new_dir(new_dir)?;
    let mut staging = Staging::new(new_dir).map_err(|e| write_error(new_dir, &e))?;
    let mut written = vec![PathBuf::from("cycle.yaml")];
    staging
        .write(Path::new("cycle.yaml"), rolled.yaml.as_bytes())
        .map_err(|e| write_error(new_dir, &e))?;
    let templates = rolled.from_dir.join("templates");
    if templates.is_dir() {
        copy_tree(
            &templates,
            Path::new("templates"),
            &mut staging,
            &mut written,
        )
        .map_err(|e| write_error(&templates, &e))?;
    }
    if let Some(file) = &rolled.roster_file {
        let from = rolled.from_dir.join(file);
        let bytes = fs::read(&from).map_err(|e| write_error(&from, &e))?;
        staging
            .write(Path::new(file), &bytes)
            .map_err(|e| write_error(new_dir, &e))?;
        written.push(PathBuf::from(file));
    }
    staging.commit().map_err(|e| write_error(new_dir, &e))?;
    Ok(written)
}

/// Copies the regular files under `from` (recursively, in name order) to
/// `rel` in the staging folder. Symbolic links are not followed.
fn copy_tree(
    from: &Path,
    rel: &Path,
    staging: &mut Staging,
    written: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let kind = entry.file_type()?;
        let target = rel.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target, staging, written)?;
        } else if kind.is_file() {
            staging.write(&target, &fs::read(entry.path())?)?;
            written.push(target);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date literal")
    }

    #[test]
    fn leap_day_becomes_28_february() {
        assert_eq!(shift_year(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
        assert_eq!(shift_year(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
        // 28/02/2025 is a Friday: a working day, it stays.
        assert_eq!(move_date(d(2024, 2, 29), 1, &[]), Some(d(2025, 2, 28)));
    }

    #[test]
    fn dates_move_back_to_a_working_day() {
        // 30/12/2023 is a Saturday; 20/12/2023 a Wednesday.
        assert_eq!(move_date(d(2022, 12, 30), 1, &[]), Some(d(2023, 12, 29)));
        assert_eq!(move_date(d(2022, 12, 20), 1, &[]), Some(d(2023, 12, 20)));
        // 12/11/2023 is a Sunday.
        assert_eq!(move_date(d(2022, 11, 12), 1, &[]), Some(d(2023, 11, 10)));
        // The cycle's own holidays count too.
        let holidays = [d(2023, 12, 29)];
        assert_eq!(
            move_date(d(2022, 12, 30), 1, &holidays),
            Some(d(2023, 12, 28))
        );
    }

    #[test]
    fn a_date_landing_in_tet_moves_before_it() {
        // Tết Giáp Thìn: 10/02/2024 (mùng 1); the days off around it span
        // 08/02–14/02 at least. 12/02/2024 (a Monday) is inside them.
        let tet = crate::domain::calendar::tet(2024).expect("Tết 2024 in the table");
        assert_eq!(tet, d(2024, 2, 10));
        let moved = move_date(d(2023, 2, 12), 1, &[]).expect("in range");
        assert!(moved < d(2024, 2, 10), "{moved}");
        assert!(crate::domain::calendar::day_off(moved).is_none());
    }

    #[test]
    fn years_in_prose_move_with_the_cycle() {
        let roll = |t: &str| roll_years(t, 2022, 2023);
        assert_eq!(
            roll("xếp loại chất lượng năm 2022 và năm 2021"),
            "xếp loại chất lượng năm 2023 và năm 2022"
        );
        // Document numbers, written dates and other years stay.
        assert_eq!(roll("Nghị quyết số 2022-NQ/TW"), "Nghị quyết số 2022-NQ/TW");
        assert_eq!(
            roll("Nghị quyết ngày 16/6/2022, năm 2022"),
            "Nghị quyết ngày 16/6/2022, năm 2023"
        );
        assert_eq!(
            roll("ngày 16 tháng 6 năm 2022 về kế hoạch năm 2022"),
            "ngày 16 tháng 6 năm 2022 về kế hoạch năm 2023"
        );
        assert_eq!(roll("nhiệm kỳ 2020-2025"), "nhiệm kỳ 2020-2025");
        assert_eq!(roll("giai đoạn 2021 – 2025"), "giai đoạn 2021 – 2025");
        assert_eq!(roll("2021-2022, năm 2021"), "2021-2022, năm 2022");
        assert_eq!(roll("12022 năm 2022a"), "12022 năm 2022a");
        assert_eq!(roll(""), "");
    }

    #[test]
    fn years_out_of_range_are_refused() {
        let text = include_str!("../../fixtures/quang-binh-2022/cycle.yaml");
        let old: raw::Cycle = yaml_serde::from_str(text).expect("the fixture parses");
        for year in [i32::MAX, 10_000, 2022, 1] {
            assert!(roll(&mut old.clone(), year).is_err(), "{year}");
        }
        let mut broken = old.clone();
        broken.year = i32::MIN;
        assert!(roll(&mut broken, 2023).is_err());
        assert!(roll(&mut old.clone(), 2023).is_ok());
    }

    #[test]
    fn a_date_is_recognised_before_its_year() {
        assert!(in_a_date("ngày 16/6/"));
        assert!(in_a_date("ngày 16 tháng 6 năm "));
        assert!(in_a_date("tháng 12 năm "));
        assert!(!in_a_date("kiểm điểm năm "));
        assert!(!in_a_date("năm "));
        assert!(!in_a_date(""));
    }
}
