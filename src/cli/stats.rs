//! `vanban stats CYCLE`: the consolidated figures (the same
//! `stats::Figures` the consolidated report states) as an aligned table on
//! stdout, or JSON with `--format json`. Colour only on a terminal
//! (`anstream` strips it otherwise, and honours NO_COLOR).

use super::{Common, Format, report, xlsx};
use crate::cycle::{self, Cycle, QuotaBase, QuotaRounding};
use crate::diagnostic::{Lang, exit_code};
use crate::stats::{Counts, Figures, QuotaFigures, Reason};
use anstyle::{AnsiColor, Style};
use std::io::Write;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

const BOLD: Style = Style::new().bold();
const RED: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const GREEN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
/// Between two columns.
const GAP: &str = "  ";

pub fn run(path: &Path, output: Option<&Path>, common: Common) -> u8 {
    if let Some(code) = wrong_output(output, common) {
        return code;
    }
    let loaded = match cycle::load(path) {
        Ok(loaded) => loaded,
        Err(failed) => {
            report::print(&failed.diagnostics, &failed.sources, common);
            return exit_code(&failed.diagnostics).max(2);
        }
    };
    if let (Format::Xlsx, Some(file)) = (common.format, output) {
        return xlsx::write(&loaded.cycle, file, common.lang);
    }
    let figures = Figures::of(&loaded.cycle);
    // The figures of data that breaks rules are printed too, but the rule
    // findings come first (on stderr, as text in both formats: stdout holds
    // the figures alone) and the exit code is 1, as `check` would give.
    let mut findings = loaded.warnings.clone();
    findings.extend(crate::rules::check(&loaded.cycle));
    let broken = findings.iter().any(|d| d.is_error());
    let mut out = anstream::stdout();
    let written = match common.format {
        Format::Json => {
            if broken {
                let text = Common {
                    format: Format::Text,
                    ..common
                };
                report::print(&findings, &loaded.cycle.sources, text);
            }
            serde_json::to_string_pretty(&figures)
                .map_err(std::io::Error::other)
                .and_then(|json| writeln!(out, "{json}"))
        }
        Format::Text | Format::Xlsx => {
            if !findings.is_empty() {
                report::print(&findings, &loaded.cycle.sources, common);
            }
            write_text(&mut out, &loaded.cycle, &figures, common.lang)
        }
    };
    match written {
        Ok(()) => exit_code(&findings),
        // A closed pipe (`vanban stats … | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit_code(&findings),
        Err(e) => {
            let d = crate::diagnostic::output_error(Path::new("stdout"), &e);
            report::print(&[d], &Default::default(), common);
            2
        }
    }
}

/// `-o` goes with `--format xlsx` and the other way round: the
/// `command-line` diagnostic and exit 2 otherwise.
fn wrong_output(output: Option<&Path>, common: Common) -> Option<u8> {
    let (vi, en) = match (common.format, output) {
        (Format::Xlsx, None) => (
            "--format xlsx cần tệp ghi ra: -o TỆP.xlsx",
            "--format xlsx needs a file to write: -o FILE.xlsx",
        ),
        (Format::Text | Format::Json, Some(_)) => (
            "-o chỉ dùng với --format xlsx (văn bản và JSON in ra màn hình)",
            "-o goes with --format xlsx (text and JSON print to the screen)",
        ),
        _ => return None,
    };
    let message = crate::diagnostic::Message::new(vi, en);
    super::clap_error::print_misuse(message, "stats", common.lang, common.format);
    Some(2)
}

/// Words of the text output in one language.
struct Words {
    title: &'static str,
    reported: &'static str,
    no: &'static str,
    branch: &'static str,
    roll: &'static str,
    not_rated: &'static str,
    rated: &'static str,
    total: &'static str,
    not_reported: &'static str,
    reasons: &'static str,
    collectives: &'static str,
    branches_unit: &'static str,
    meetings: &'static str,
    quota_members: &'static str,
    quota_collectives: &'static str,
    base: &'static str,
    cap: &'static str,
    within: &'static str,
    exceeded: &'static str,
    missing: &'static str,
}

const VI: Words = Words {
    title: "số liệu xếp loại đảng viên năm",
    reported: "chi bộ đã báo cáo",
    no: "TT",
    branch: "Chi bộ",
    roll: "Đảng viên",
    not_rated: "Không XL",
    rated: "Được XL",
    total: "Cộng",
    not_reported: "chưa báo cáo",
    reasons: "Không xếp loại",
    collectives: "Tập thể chi bộ",
    branches_unit: "chi bộ",
    meetings: "Hội nghị kiểm điểm",
    quota_members: "HTXSNV đảng viên",
    quota_collectives: "HTXSNV chi bộ",
    base: "cơ sở",
    cap: "mức tối đa",
    within: "không vượt",
    exceeded: "VƯỢT MỨC",
    missing: "Chưa báo cáo",
};

const EN: Words = Words {
    title: "member ratings for",
    reported: "branches reported",
    no: "No",
    branch: "Branch",
    roll: "Members",
    not_rated: "Not rated",
    rated: "Rated",
    total: "Total",
    not_reported: "not reported",
    reasons: "Not rated",
    collectives: "Branches as collectives",
    branches_unit: "branches",
    meetings: "Review meetings",
    quota_members: "HTXSNV members",
    quota_collectives: "HTXSNV branches",
    base: "base",
    cap: "cap",
    within: "within the cap",
    exceeded: "OVER THE CAP",
    missing: "Not reported",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// A percentage in the language's decimal form: `16,7%` / `16.7%`.
fn share(percent: Option<f64>, vi: &str, lang: Lang) -> String {
    match (lang, percent) {
        (Lang::Vi, _) => vi.to_owned(),
        (Lang::En, Some(p)) => format!("{p:.1}%"),
        (Lang::En, None) => "—".to_owned(),
    }
}

fn write_text(out: &mut impl Write, cycle: &Cycle, f: &Figures, lang: Lang) -> std::io::Result<()> {
    let w = words(lang);
    let reported = f.branches.len() - f.missing.len();
    writeln!(
        out,
        "{BOLD}{} — {} {}{BOLD:#} ({reported}/{} {})\n",
        cycle.issuer.name,
        w.title,
        f.year,
        f.branches.len(),
        w.reported
    )?;
    write_table(out, f, lang)?;
    writeln!(out)?;
    write_reasons(out, f, lang)?;
    write_collectives(out, f, lang)?;
    if let (Some(first), Some(last)) = (f.meetings.first, f.meetings.last) {
        writeln!(
            out,
            "{}: {} {}, {} – {}",
            w.meetings,
            f.meetings.held,
            w.branches_unit,
            first.format("%d/%m/%Y"),
            last.format("%d/%m/%Y")
        )?;
    }
    write_quota(out, w.quota_members, &f.quota.members, lang)?;
    write_quota(out, w.quota_collectives, &f.quota.collectives, lang)?;
    if !f.missing.is_empty() {
        let names: Vec<String> = f
            .branches
            .iter()
            .filter(|b| !b.reported)
            .map(|b| format!("{} ({})", b.name, b.id))
            .collect();
        writeln!(out, "{RED}{}{RED:#}: {}", w.missing, names.join(", "))?;
    }
    Ok(())
}

/// The table: a row per branch (missing ones marked), a totals row.
fn write_table(out: &mut impl Write, f: &Figures, lang: Lang) -> std::io::Result<()> {
    let w = words(lang);
    let mut head: Vec<String> = [w.no, w.branch, w.roll, w.not_rated, w.rated]
        .map(str::to_owned)
        .to_vec();
    for level in crate::cycle::Rating::ALL {
        head.push(level.code().to_owned());
        head.push("%".to_owned());
    }
    let mut rows: Vec<(Vec<String>, bool)> = Vec::new();
    for (i, b) in f.branches.iter().enumerate() {
        let no = (i + 1).to_string();
        let row = match &b.counts {
            Some(c) => cells(&no, &b.name, c, lang),
            None => vec![no, b.name.clone(), format!("({})", w.not_reported)],
        };
        rows.push((row, false));
    }
    rows.push((cells("", w.total, &f.total, lang), true));
    let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
    for (row, _) in &rows {
        // A "not reported" note spans the number columns: it sets no width.
        if row.len() == head.len() {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.width());
            }
        }
    }
    writeln!(out, "{BOLD}{}{BOLD:#}", line(&head, &widths))?;
    for (row, total) in rows {
        let text = line(&row, &widths);
        match total {
            true => writeln!(out, "{BOLD}{text}{BOLD:#}")?,
            false => writeln!(out, "{text}")?,
        }
    }
    Ok(())
}

fn cells(no: &str, name: &str, c: &Counts, lang: Lang) -> Vec<String> {
    let mut row = vec![
        no.to_owned(),
        name.to_owned(),
        c.roll.to_string(),
        c.not_rated.to_string(),
        c.rated.to_string(),
    ];
    for l in &c.levels {
        row.push(l.count.to_string());
        row.push(share(l.percent, &l.share, lang));
    }
    row
}

/// Cells padded to their column's display width: the branch name (column 1)
/// left-aligned, numbers right-aligned; a short row's last cell (the "not
/// reported" note) as it is.
fn line(cells: &[String], widths: &[usize]) -> String {
    let short = cells.len() < widths.len();
    let padded: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let width = widths.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if i == 1 {
                format!("{cell}{pad}")
            } else if short && i + 1 == cells.len() {
                cell.clone()
            } else {
                format!("{pad}{cell}")
            }
        })
        .collect();
    padded.join(GAP).trim_end().to_owned()
}

fn write_reasons(out: &mut impl Write, f: &Figures, lang: Lang) -> std::io::Result<()> {
    if f.reasons.is_empty() {
        return Ok(());
    }
    let parts: Vec<String> = f
        .reasons
        .iter()
        .map(|r| format!("{} {}", reason_text(*r, lang), f.total.not_rated_for(*r)))
        .collect();
    writeln!(out, "{}: {}", words(lang).reasons, parts.join("; "))
}

fn reason_text(r: Reason, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => r.text(),
        Lang::En => r.text_en(),
    }
}

fn write_collectives(out: &mut impl Write, f: &Figures, lang: Lang) -> std::io::Result<()> {
    let w = words(lang);
    writeln!(
        out,
        "{} ({} {}):",
        w.collectives, f.collectives.rated, w.branches_unit
    )?;
    for l in &f.collectives.levels {
        let names = match l.branches.is_empty() {
            true => String::new(),
            false => format!(" — {}", l.branches.join(", ")),
        };
        writeln!(
            out,
            "  {:<7}{:>3}  {:>6}{names}",
            l.level.code(),
            l.count,
            share(l.percent, &l.share, lang)
        )?;
    }
    Ok(())
}

/// `HTXSNV đảng viên: 6; cơ sở 37 (quota_base = rated-good: HTTNV); mức tối
/// đa 37 × 20% = 7,4 → 7 (quota_rounding = floor: làm tròn xuống); không vượt`.
fn write_quota(
    out: &mut impl Write,
    what: &str,
    q: &QuotaFigures,
    lang: Lang,
) -> std::io::Result<()> {
    let w = words(lang);
    let quota = &q.quota;
    let (base_id, base_vi, base_en) = match quota.base_kind {
        QuotaBase::RatedGood => ("rated-good", "số HTTNV", "rated HTTNV"),
        QuotaBase::RatedGoodOrBetter => (
            "rated-good-or-better",
            "số HTTNV và HTXSNV",
            "rated HTTNV or HTXSNV",
        ),
    };
    let (round_id, round_vi, round_en) = match quota.rounding {
        QuotaRounding::Floor => ("floor", "làm tròn xuống", "rounded down"),
        QuotaRounding::Nearest => ("nearest", "làm tròn gần nhất", "rounded to nearest"),
    };
    let (base_words, round_words, product) = match lang {
        Lang::Vi => (base_vi, round_vi, q.product.clone()),
        Lang::En => (base_en, round_en, q.product.replace(',', ".")),
    };
    let verdict = match q.exceeded {
        true => format!("{RED}{}{RED:#}", w.exceeded),
        false => format!("{GREEN}{}{GREEN:#}", w.within),
    };
    writeln!(
        out,
        "{BOLD}{what}{BOLD:#}: {}; {} {} (quota_base = {base_id}: {base_words}); {} {} × {}% = {product} → {} (quota_rounding = {round_id}: {round_words}); {verdict}",
        quota.count, w.base, quota.base, w.cap, quota.base, quota.percent, quota.cap
    )
}
