//! The layers of the design (architecture.md, "Layers"), enforced: every
//! `crate::…` path (in `use` lines and inline) and every `super::…` that
//! climbs out of its folder, per file of `src/`, against the arrows the
//! design forbids; and no layer but `cli` prints. A failure prints `file:line`.
//!
//! The layers, top to bottom: `cli` · `pipeline`, `example` · `collect`,
//! `roll` · `rules` · `render` · `domain`, `stats` · `cycle` ·
//! `diagnostic`, `output`.

use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module of `src/` must never name.
const FORBIDDEN: &[(&str, &[&str], &str)] = &[
    (
        "cycle",
        &[
            "cli", "pipeline", "example", "collect", "roll", "rules", "render", "domain", "stats",
            "output",
        ],
        "the model knows no checks, no output, no screen",
    ),
    (
        "domain",
        &[
            "cli", "pipeline", "example", "collect", "roll", "rules", "render", "stats", "output",
        ],
        "domain is pure computation on the model",
    ),
    (
        "stats",
        &[
            "cli", "pipeline", "example", "collect", "roll", "rules", "render", "output",
        ],
        "stats is a thin layer over domain::figures",
    ),
    (
        "rules",
        &["cli", "pipeline", "example", "collect", "roll", "render"],
        "rules never render and import no stage above them",
    ),
    (
        "render",
        &["cli", "pipeline", "example", "collect", "roll", "rules"],
        "render never checks and imports no stage above it",
    ),
    (
        "collect",
        &["cli", "pipeline", "example", "roll", "render"],
        "collect shares the form contract with render through domain::forms",
    ),
    (
        "roll",
        &["cli", "pipeline", "example", "collect", "render"],
        "roll imports no stage beside or above it",
    ),
    (
        "pipeline",
        &["cli", "example", "collect", "roll"],
        "pipeline knows no command",
    ),
    (
        "output",
        &[
            "cli", "pipeline", "example", "collect", "roll", "rules", "render", "domain", "stats",
            "cycle",
        ],
        "output writes bytes; it knows no documents",
    ),
    (
        "diagnostic",
        &[
            "cli", "pipeline", "example", "collect", "roll", "rules", "render", "domain", "stats",
            "cycle", "output",
        ],
        "diagnostic is the ground",
    ),
];

/// Every top-level module name (what a `crate::` path may start with).
fn top_level(name: &str) -> bool {
    FORBIDDEN.iter().any(|(m, _, _)| *m == name) || ["cli", "example"].contains(&name)
}

/// A forbidden arrow found in one file.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    from: String,
    to: String,
    why: &'static str,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {} → {} ({})",
            self.file, self.line, self.from, self.to, self.why
        )
    }
}

/// The module path of a file under `src/`: `rules/rating/quota.rs` →
/// `[rules, rating, quota]`; `mod.rs` and `lib.rs` name their folder.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.split('/').map(str::to_owned).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if !["mod", "lib", "main"].contains(&stem) {
            parts.push(stem.to_owned());
        }
    }
    parts
}

/// A line without its `//` comment (doc comments included).
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a `crate::` path names, from the text right after
/// `crate::`: one name, or each first name of a `{a, b::c, d}` group.
fn crate_targets(after: &str) -> Vec<String> {
    let Some(group) = after.strip_prefix('{') else {
        return vec![ident(after).to_owned()];
    };
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, true);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_alphanumeric() || c == '_') => {
                names.push(ident(&group[i..]).to_owned());
                start = false;
            }
            _ => {}
        }
    }
    names
}

/// The top-level modules one file names: `crate::x` paths, and `super::`
/// chains that climb to the crate root (`super::super::x` from a file two
/// folders deep). A `use crate::{…}` group may span lines.
fn targets(rel: &str, text: &str) -> Vec<(usize, String)> {
    let depth = module_path(rel).len();
    let mut out = Vec::new();
    let mut pending = String::new();
    let mut pending_line = 0;
    for (i, line) in text.lines().enumerate() {
        let code = code_of(line);
        if !pending.is_empty() {
            pending.push_str(code);
            if code.contains('}') {
                out.extend(
                    crate_targets(&pending)
                        .into_iter()
                        .map(|t| (pending_line, t)),
                );
                pending.clear();
            }
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + "crate::".len()..];
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                if after.starts_with('{') && !after.contains('}') {
                    pending = after.to_owned();
                    pending_line = i + 1;
                } else {
                    out.extend(crate_targets(after).into_iter().map(|t| (i + 1, t)));
                }
            }
            rest = after;
        }
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let mut climbed = 0;
            let mut tail = &rest[at..];
            while let Some(t) = tail.strip_prefix("super::") {
                climbed += 1;
                tail = t;
            }
            if climbed >= depth {
                out.extend(crate_targets(tail).into_iter().map(|t| (i + 1, t)));
            }
            rest = tail;
        }
    }
    out
}

/// Every forbidden arrow in `files` (path relative to `src/`, text).
fn violations(files: &[(String, String)]) -> Vec<Violation> {
    let mut out = Vec::new();
    for (rel, text) in files {
        let from = module_path(rel).first().cloned().unwrap_or_default();
        let Some((_, banned, why)) = FORBIDDEN.iter().find(|(m, _, _)| *m == from) else {
            continue;
        };
        for (line, to) in targets(rel, text) {
            if top_level(&to) && to != from && banned.contains(&to.as_str()) {
                out.push(Violation {
                    file: format!("src/{rel}"),
                    line,
                    from: from.clone(),
                    to,
                    why,
                });
            }
        }
    }
    out
}

/// The printing macros only `cli` may use: every other layer returns what
/// it found and lets the command print it.
const PRINTS: [&str; 4] = ["println!", "eprintln!", "print!(", "eprint!("];

/// Every line outside `cli` (and outside test code) that prints.
fn prints(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        if rel.starts_with("cli/") || rel == "main.rs" || rel.ends_with("test_support.rs") {
            continue;
        }
        let production = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (i, line) in production.lines().enumerate() {
            let code = code_of(line);
            if PRINTS.iter().any(|m| code.contains(m)) {
                out.push(format!("src/{rel}:{}: prints outside cli", i + 1));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (rel, text)
        })
        .collect()
}

#[test]
fn no_module_imports_across_a_forbidden_arrow() {
    let files = sources();
    assert!(
        files.iter().any(|(rel, _)| rel.starts_with("domain/")),
        "src/domain/ is read"
    );
    let found = violations(&files);
    let report: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(
        found.is_empty(),
        "forbidden arrows (architecture.md):\n{}",
        report.join("\n")
    );
}

#[test]
fn only_cli_prints() {
    let found = prints(&sources());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_print_check_skips_cli_and_tests_only() {
    let files = [
        file("cli/stats.rs", "println!(\"{x}\");\n"),
        file(
            "rules/a.rs",
            "fn f() {}\n#[cfg(test)]\nmod tests {\n    eprintln!(\"x\");\n}\n",
        ),
        file("render/b.rs", "fn f() {\n    eprintln!(\"debug\");\n}\n"),
    ];
    assert_eq!(prints(&files), ["src/render/b.rs:2: prints outside cli"]);
}

#[test]
fn every_layer_of_the_design_is_a_module_of_src() {
    let files = sources();
    for (layer, _, _) in FORBIDDEN {
        assert!(
            files
                .iter()
                .any(|(rel, _)| module_path(rel).first().map(String::as_str) == Some(*layer)),
            "no src/{layer}"
        );
    }
}

fn file(rel: &str, text: &str) -> (String, String) {
    (rel.to_owned(), text.to_owned())
}

#[test]
fn the_checker_finds_each_kind_of_path() {
    let files = [
        file("cycle/roll.rs", "use crate::rules::calendar::tet;\n"),
        file(
            "domain/x.rs",
            "fn f() {\n    let q = crate::render::share(1, 2);\n}\n",
        ),
        file(
            "collect/form/mod.rs",
            "use crate::{\n    cycle::Rating,\n    render::kinds::tables::label,\n};\n",
        ),
        file("stats.rs", "use crate::{domain::figures, rules::Tally};\n"),
        file(
            "render/kinds/a.rs",
            "use super::super::super::rules::Tally;\n",
        ),
        file("output.rs", "use crate::render::Document;\n"),
    ];
    let found: Vec<String> = violations(&files).iter().map(ToString::to_string).collect();
    let arrows: Vec<&str> = found
        .iter()
        .map(|v| v.split(" (").next().unwrap_or(""))
        .collect();
    assert_eq!(
        arrows,
        [
            "src/cycle/roll.rs:1: cycle → rules",
            "src/domain/x.rs:2: domain → render",
            "src/collect/form/mod.rs:1: collect → render",
            "src/stats.rs:1: stats → rules",
            "src/render/kinds/a.rs:1: render → rules",
            "src/output.rs:1: output → render",
        ]
    );
}

#[test]
fn the_checker_lets_allowed_arrows_and_comments_pass() {
    let files = [
        file(
            "rules/votes.rs",
            "use crate::domain::figures::share;\nuse crate::cycle::Votes;\n",
        ),
        file(
            "collect/mod.rs",
            "use crate::{cycle, domain::forms, output, rules};\n",
        ),
        file(
            "render/kinds/b.rs",
            "use super::tables;\nuse super::super::layout;\n",
        ),
        file(
            "cycle/mod.rs",
            "//! Not `crate::rules::check`: the model knows no rules.\n",
        ),
        file("cli/build.rs", "use crate::{example, pipeline, render};\n"),
        file(
            "domain/y.rs",
            "let s = \"$crate::rules\"; // crate::render\n",
        ),
    ];
    assert_eq!(violations(&files), []);
}
