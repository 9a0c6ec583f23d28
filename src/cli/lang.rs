//! The command line in one language: `--lang` is read from argv before clap
//! parses (so `--help --lang en` and clap's own errors are English), and the
//! clap command gets its help, headings and value names in that language.
//! Vietnamese texts are the doc comments and attributes of `Cli`; English
//! ones are the table below, keyed by subcommand and argument id.

use super::Format;
use crate::diagnostic::Lang;
use std::ffi::OsString;

/// `--lang` and `--format` as given anywhere in argv (`--lang en`,
/// `--lang=en`), before clap parses; anything else is the default, and clap
/// then reports a bad value itself.
pub fn prescan(args: &[OsString]) -> (Lang, Format) {
    let mut lang = Lang::Vi;
    let mut format = Format::Text;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let (name, value) = match word.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (word.to_string(), None),
        };
        if name != "--lang" && name != "--format" {
            continue;
        }
        let value = value.or_else(|| words.next().map(|v| v.to_string()));
        match (name.as_str(), value.as_deref()) {
            ("--lang", Some("en")) => lang = Lang::En,
            ("--lang", Some("vi")) => lang = Lang::Vi,
            ("--format", Some("json")) => format = Format::Json,
            ("--format", Some("text")) => format = Format::Text,
            _ => {}
        }
    }
    (lang, format)
}

/// Help layout of the top command in English (`HELP_TEMPLATE` is Vietnamese).
const HELP_TEMPLATE_EN: &str = "\
{about-with-newline}
Usage: {usage}

{before-help}Commands:
{subcommands}
{positionals}
Options:
{options}{after-help}";

const SUB_TEMPLATE_EN: &str = "\
{about-with-newline}
Usage: {usage}

Arguments:
{positionals}

Options:
{options}{after-help}";

const EXAMPLES_EN: &str = "\
Examples:
  vanban check fixtures/quang-binh-2022        check one cycle's data
  vanban check fixtures/quang-binh-2022 --format json
  vanban build fixtures/quang-binh-2022 -o out  check, then write the documents
  vanban build                                  write the built-in example (Quảng Bình 2022) to ./out
  vanban new-cycle fixtures/quang-binh-2022 --year 2023 -o chu-ky-2023
                                                next year's cycle from last year's
  vanban build chu-ky-2023 --draft -o du-thao   a draft, places to fill highlighted
  vanban collect chu-ky-2023 bao-cao-*.docx      read filled branch report forms back into results/

Exit codes: 0 success (warnings allowed); 1 the data breaks rules (nothing written);
2 the input could not be read or the command line is wrong (nothing written).";

const COLLECT_AFTER_HELP_EN: &str = "\
Each form is recognised by the “Mã chi bộ” (branch id) and “Năm” (year) cells of its
branch information table, whatever the file is called; ratings may be written in full
(Hoàn thành tốt nhiệm vụ), as codes (HTTNV) or in lower case. A member's rating is the
“Chi bộ đề nghị” column; left empty, the “Tự xếp loại” column is taken (with a warning).
The results are checked as by check before anything is written:
  - a form that cannot be read, belongs to another branch or year, or would overwrite
    an existing results file without --force: nothing is written (exit 2);
  - results that break rules (errors as check reports them): still written, as they
    are the branch's report; fix results/<branch-id>.yaml and run vanban check (exit 1);
  - the files are written together: all of them, or none.

Examples:
  vanban collect chu-ky-2024 bao-cao-van-phong.docx bao-cao-ngan-sach.docx
  vanban collect chu-ky-2024 bao-cao-van-phong.docx --force   replace existing results

Exit codes: 0 written (warnings allowed); 1 written, but the results break rules;
2 a form or the data could not be read, or the command line is wrong (nothing written).";

/// English help of each subcommand: (name, about, [(arg id, help)]).
type SubHelp = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CYCLE_EN: &str = "The cycle folder (holding cycle.yaml), or the path of its cycle.yaml";

const SUBCOMMANDS_EN: &[SubHelp] = &[
    (
        "check",
        "Load the cycle's data and check it against the rules; writes nothing",
        &[("cycle", CYCLE_EN)],
    ),
    (
        "build",
        "Check, then write every document (DOCX and Markdown); without CYCLE, the built-in example",
        &[
            (
                "cycle",
                "The cycle folder; leave out for the built-in example (Quảng Bình 2022)",
            ),
            ("output", "The output folder (default ./out)"),
            (
                "draft",
                "Print a draft: unfilled [[…]] placeholders do not block the build but are highlighted, the first page is marked DỰ THẢO",
            ),
            (
                "partial",
                "Write the consolidated report although some branches have not reported: a draft naming them, not counting them",
            ),
        ],
    ),
    (
        "stats",
        "Print the consolidated figures: members' and collectives' ratings, the HTXSNV cap (--format json: JSON)",
        &[("cycle", CYCLE_EN)],
    ),
    (
        "collect",
        "Read filled branch report forms (DOCX) back into results/<branch-id>.yaml, check them as check does, then write",
        &[
            ("cycle", CYCLE_EN),
            (
                "forms",
                "The filled branch report forms (DOCX), one file per branch",
            ),
            (
                "force",
                "Replace an existing results/<branch-id>.yaml with what the form says",
            ),
        ],
    ),
    (
        "new-cycle",
        "Next year's cycle from last year's: year, rule set, cited documents, dates; document numbers left to fill",
        &[
            (
                "cycle",
                "The old cycle folder (holding cycle.yaml), or the path of its cycle.yaml",
            ),
            ("year", "The review year of the new cycle"),
            (
                "output",
                "The new cycle folder (must not exist, or be empty)",
            ),
        ],
    ),
    (
        "init",
        "Write a commented starter cycle: cycle.yaml with [[…]] placeholders to fill",
        &[
            ("dir", "The new cycle folder (must not exist, or be empty)"),
            ("year", "The review year (default: this year)"),
        ],
    ),
];

/// Value names per language, by argument id (in every subcommand that
/// has the argument): (id, vi, en).
const VALUE_NAMES: &[(&str, &str, &str)] = &[
    ("cycle", "CHU_KỲ", "CYCLE"),
    ("output", "THƯ_MỤC", "DIR"),
    ("dir", "THƯ_MỤC", "DIR"),
    ("year", "NĂM", "YEAR"),
    ("forms", "MẪU.docx", "FORM.docx"),
];

/// The command in `lang`: value names always, the English texts for `En`.
pub fn localize(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::En { en } else { vi };
    cmd = cmd
        .subcommand_value_name(pick("LỆNH", "COMMAND"))
        .mut_arg("lang", |a| a.value_name("vi|en"))
        .mut_arg("format", |a| a.value_name("text|json"))
        .mut_subcommands(|mut c| {
            for &(id, vi, en) in VALUE_NAMES {
                if c.get_arguments().any(|a| a.get_id() == id) {
                    c = c.mut_arg(id, |a| a.value_name(pick(vi, en)));
                }
            }
            c
        });
    if lang == Lang::Vi {
        return cmd;
    }
    cmd = cmd
        .about("vanban — Party documents (directive, reports, minutes) from the YAML data of one review and rating cycle")
        .help_template(HELP_TEMPLATE_EN)
        .after_help(EXAMPLES_EN)
        .subcommand_help_heading("Commands")
        .mut_arg("lang", |a| a.help("Language of messages: vi (default) or en"))
        .mut_arg("format", |a| {
            a.help("How diagnostics and results are printed: text (default) or json (on stdout, for other programs)")
        })
        .mut_arg("help", |a| a.help("Print help"))
        .mut_arg("version", |a| a.help("Print the version"));
    for &(name, about, args) in SUBCOMMANDS_EN {
        let after = match name {
            "collect" => COLLECT_AFTER_HELP_EN,
            _ => EXAMPLES_EN,
        };
        cmd = cmd.mut_subcommand(name, |mut c| {
            c = c
                .about(about)
                .help_template(SUB_TEMPLATE_EN)
                .after_help(after);
            for &(id, help) in args {
                c = c.mut_arg(id, |a| a.help(help));
            }
            c
        });
    }
    cmd
}

/// Clap writes a few fixed English words into usage lines; in Vietnamese
/// they are replaced after rendering.
pub fn finish(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_owned(),
        Lang::Vi => text
            .replace("[OPTIONS]", "[TÙY_CHỌN]")
            .replace("Usage: ", "Cách dùng: "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("vanban")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn lang_and_format_are_found_anywhere_in_both_spellings() {
        assert_eq!(prescan(&args(&["--help", "--lang", "en"])).0, Lang::En);
        assert_eq!(prescan(&args(&["check", "--lang=en", "x"])).0, Lang::En);
        assert_eq!(prescan(&args(&["check", "x"])).0, Lang::Vi);
        assert_eq!(prescan(&args(&["--lang", "fr"])).0, Lang::Vi);
        assert!(prescan(&args(&["x", "--format=json"])).1 == Format::Json);
        // After `--` every word is a value, not an option.
        assert_eq!(prescan(&args(&["check", "--", "--lang=en"])).0, Lang::Vi);
    }

    #[test]
    fn every_english_entry_names_a_real_subcommand_and_argument() {
        use clap::CommandFactory;
        let cmd = super::super::Cli::command();
        for &(name, _, args) in SUBCOMMANDS_EN {
            let sub = cmd.find_subcommand(name).expect(name);
            for (id, _) in args {
                assert!(
                    sub.get_arguments().any(|a| a.get_id() == *id),
                    "{name} {id}"
                );
            }
        }
        for &(id, _, _) in VALUE_NAMES {
            assert!(
                cmd.get_subcommands()
                    .any(|c| c.get_arguments().any(|a| a.get_id() == id)),
                "{id}"
            );
        }
    }
}
