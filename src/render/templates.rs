//! The template engine: built-in templates embedded in the binary, a cycle's
//! own `templates/` folder overriding them by file name, Markdown escaping of
//! every value, and the Vietnamese helpers as filters.

use super::document::{ANNEX_MARKER, PageTurn, Title, page_marker, table_marker};
use super::escape;
use super::vietnamese::{self, Citation, CiteForm};
use crate::cycle::Cycle;
use crate::cycle::files::{CycleFiles, Disk};
use crate::cycle::source::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::vietnamese::{date_long, date_short};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult, Value};

/// Built-in templates: (file name, text). Templates holding only
/// components (shared wording) come first: a template calling a component
/// is checked against those already added.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "tin-nhiem-thap.md",
        include_str!("../../templates/tin-nhiem-thap.md"),
    ),
    ("doan-van.md", include_str!("../../templates/doan-van.md")),
    ("cong-van.md", include_str!("../../templates/cong-van.md")),
    (
        "bao-cao-chi-bo.md",
        include_str!("../../templates/bao-cao-chi-bo.md"),
    ),
    (
        "bien-ban-kiem-diem.md",
        include_str!("../../templates/bien-ban-kiem-diem.md"),
    ),
    (
        "bien-ban-kiem-phieu.md",
        include_str!("../../templates/bien-ban-kiem-phieu.md"),
    ),
    (
        "bao-cao-tong-hop.md",
        include_str!("../../templates/bao-cao-tong-hop.md"),
    ),
    (
        "phieu-tin-nhiem.md",
        include_str!("../../templates/phieu-tin-nhiem.md"),
    ),
    (
        "phieu-danh-gia.md",
        include_str!("../../templates/phieu-danh-gia.md"),
    ),
    (
        "quyet-dinh-xep-loai.md",
        include_str!("../../templates/quyet-dinh-xep-loai.md"),
    ),
    (
        "ban-kiem-diem.md",
        include_str!("../../templates/ban-kiem-diem.md"),
    ),
    (TITLES, include_str!("../../templates/tieu-de.md")),
];

/// The template of every document's title: its type and subject lines.
pub const TITLES: &str = "tieu-de.md";

/// What the title template sees.
#[derive(Debug, Serialize)]
pub struct TitleContext<'a> {
    /// The document's template (`bao-cao-chi-bo.md`).
    pub document: &'a str,
    pub year: i32,
    /// Whether the cycle takes confidence votes (votes.yaml).
    pub votes: bool,
    /// The number of the vote regulation in force (`96-QĐ/TW`).
    pub regulation: Option<&'a str>,
}

impl<'a> TitleContext<'a> {
    /// The title of the document `template` of `cycle` (no regulation).
    pub fn new(template: &'a str, cycle: &Cycle) -> Self {
        TitleContext {
            document: template,
            year: cycle.year,
            votes: cycle.votes.is_some(),
            regulation: None,
        }
    }
}

/// Parsed templates, ready to render many documents.
pub struct Engine {
    tera: Tera,
    /// Titles rendered so far: every self-review form of a cycle has the
    /// same one (30,000 at 1,000 branches).
    titles: Mutex<HashMap<TitleKey, Title>>,
}

/// What a title depends on ([`TitleContext`], owned).
type TitleKey = (String, i32, bool, Option<String>);

impl Engine {
    /// The built-in templates, overridden by `<cycle>/templates/<name>`.
    pub fn new(cycle_dir: &Path) -> Result<Engine, Diagnostic> {
        Engine::from_files(&Disk, cycle_dir)
    }

    /// As [`Engine::new`], the overrides read from `files`.
    pub fn from_files(files: &dyn CycleFiles, cycle_dir: &Path) -> Result<Engine, Diagnostic> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::tera_escape);
        tera.autoescape_on(vec![".md"]);
        register(&mut tera);
        for (name, text) in BUILT_IN {
            tera.add_raw_template(name, text)
                .map_err(|e| template_error(Path::new(name), &e))?;
        }
        for (name, _) in BUILT_IN {
            let file = cycle_dir.join("templates").join(name);
            if files.is_file(&file) {
                let (source, _) = SourceFile::load(files, &file)?;
                tera.add_raw_template(name, &source.text)
                    .map_err(|e| template_error(&file, &e))?;
            }
        }
        Ok(Engine {
            tera,
            titles: Mutex::new(HashMap::new()),
        })
    }

    /// The title of a document (`tieu-de.md`): its first line the type,
    /// the next the subject; anything else is a template error.
    pub fn title(&self, context: &TitleContext<'_>) -> Result<Title, Diagnostic> {
        let key = (
            context.document.to_owned(),
            context.year,
            context.votes,
            context.regulation.map(str::to_owned),
        );
        let titles = || self.titles.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(title) = titles().get(&key) {
            return Ok(title.clone());
        }
        let title = self.render_title(context)?;
        titles().insert(key, title.clone());
        Ok(title)
    }

    fn render_title(&self, context: &TitleContext<'_>) -> Result<Title, Diagnostic> {
        let text = self.render(TITLES, context)?;
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        match (lines.next(), lines.next(), lines.next()) {
            (Some(kind), Some(subject), None) => Ok(Title {
                kind: kind.to_owned(),
                subject: subject.to_owned(),
            }),
            _ => Err(Diagnostic::error(
                Code::TemplateError,
                Place::file(&Path::new("templates").join(TITLES)),
                Message::new(
                    format!(
                        "tiêu đề của `{}` phải là đúng hai dòng: tên loại văn bản rồi trích yếu",
                        context.document
                    ),
                    format!(
                        "the title of `{}` must be exactly two lines: the document type, then the subject",
                        context.document
                    ),
                ),
            )),
        }
    }

    /// Draft mode (`build --draft`): placeholders left in values render
    /// highlighted (see [`escape::markdown_draft`]).
    pub fn set_draft(&mut self, draft: bool) {
        self.tera.set_escape_fn(match draft {
            true => escape::tera_escape_draft,
            false => escape::tera_escape,
        });
    }

    /// Renders template `name` with a typed context.
    pub fn render<C: Serialize>(&self, name: &str, context: &C) -> Result<String, Diagnostic> {
        let file = Path::new("templates").join(name);
        let context = Context::from_serialize(context).map_err(|e| template_error(&file, &e))?;
        self.tera
            .render(name, &context)
            .map_err(|e| template_error(&file, &e))
    }
}

fn template_error(file: &Path, err: &tera::Error) -> Diagnostic {
    let (line, column, detail) = match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => (
            Some(r.span().start_line),
            Some(r.span().start_col + 1),
            r.message().to_string(),
        ),
        other => located_report(&other.to_string()),
    };
    let place = Place {
        file: file.to_path_buf(),
        line,
        column,
        path: String::new(),
    };
    let hint = match detail.starts_with("Unknown template") {
        true => " — chỉ dùng được các mẫu có sẵn, gọi theo tên tệp (không theo đường dẫn)",
        false => "",
    };
    Diagnostic::error(
        Code::TemplateError,
        place,
        Message::new(
            format!("lỗi mẫu văn bản: {detail}{hint}"),
            format!("template error: {detail}"),
        ),
    )
}

/// Some Tera errors arrive as a rendered report (`error: …\n --> name:L:C …`):
/// take its first line as the detail and the position from the arrow line.
fn located_report(report: &str) -> (Option<usize>, Option<usize>, String) {
    let mut lines = report.lines();
    let detail = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let position = lines
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|at| {
            let mut parts = at.rsplitn(3, ':');
            let column = parts.next()?.parse::<usize>().ok()?;
            let line = parts.next()?.parse::<usize>().ok()?;
            Some((line, column))
        });
    (position.map(|p| p.0), position.map(|p| p.1), detail)
}

fn register(tera: &mut Tera) {
    tera.register_filter("date_long", |d: &str, _: Kwargs, _: &State| {
        parse_date(d).map(date_long)
    });
    tera.register_filter("date_short", |d: &str, _: Kwargs, _: &State| {
        parse_date(d).map(date_short)
    });
    tera.register_filter("cite", |c: &Value, kw: Kwargs, _: &State| cite_one(c, &kw));
    tera.register_filter("cite_all", cite_all);
    tera.register_filter("join_and", |items: Vec<String>, kw: Kwargs, _: &State| {
        let (sep, last) = separators(&kw)?;
        Ok::<_, tera::Error>(vietnamese::join_and(&items, &sep, &last))
    });
    tera.register_filter(
        "mid_sentence",
        |items: Vec<String>, _: Kwargs, _: &State| {
            Ok::<_, tera::Error>(
                items
                    .iter()
                    .map(|i| vietnamese::mid_sentence(i))
                    .collect::<Vec<_>>(),
            )
        },
    );
    tera.register_function("table", TableMarker);
    tera.register_function("page", PageMarker);
    tera.register_function("annex", AnnexMarker);
}

fn parse_date(text: &str) -> TeraResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("not a date: `{text}`")))
}

fn cite_one(value: &Value, kw: &Kwargs) -> TeraResult<String> {
    let citation = Citation::deserialize(value)
        .map_err(|e| tera::Error::message(format!("not a citation: {e}")))?;
    let form = match kw.get::<&str>("form")?.unwrap_or("full") {
        "full" => CiteForm::Full,
        "date" => CiteForm::Date,
        "by" => CiteForm::By,
        other => {
            return Err(tera::Error::message(format!(
                "unknown citation form `{other}`"
            )));
        }
    };
    let long = kw.get::<&str>("date")?.unwrap_or("short") == "long";
    Ok(vietnamese::cite(&citation, form, long))
}

/// A list of citations joined `A, B và C` (or with `sep` / `last`).
fn cite_all(values: &[Value], kw: Kwargs, _: &State) -> TeraResult<String> {
    let items = values
        .iter()
        .map(|v| cite_one(v, &kw))
        .collect::<TeraResult<Vec<_>>>()?;
    let (sep, last) = separators(&kw)?;
    Ok(vietnamese::join_and(&items, &sep, &last))
}

fn separators(kw: &Kwargs) -> TeraResult<(String, String)> {
    let sep = kw.get::<&str>("sep")?.unwrap_or(", ").to_string();
    let last = kw.get::<&str>("last")?.unwrap_or(" và ").to_string();
    Ok((sep, last))
}

/// `{{ table(name="thong-ke") }}`: places a table built in code.
struct TableMarker;

impl tera::Function<TeraResult<Value>> for TableMarker {
    fn call(&self, kw: Kwargs, _: &State) -> TeraResult<Value> {
        let name: &str = kw.must_get("name")?;
        Ok(Value::safe_string(&table_marker(name)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// `{{ page(turn="landscape") }}` / `{{ page(turn="portrait") }}`: turns the page.
struct PageMarker;

impl tera::Function<TeraResult<Value>> for PageMarker {
    fn call(&self, kw: Kwargs, _: &State) -> TeraResult<Value> {
        let turn = match kw.must_get::<&str>("turn")? {
            "landscape" => PageTurn::Landscape,
            "portrait" => PageTurn::Portrait,
            other => return Err(tera::Error::message(format!("unknown page turn `{other}`"))),
        };
        Ok(Value::safe_string(page_marker(turn)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// `{{ annex() }}`: the closing block goes here; what follows is attached
/// after it, on a new page.
struct AnnexMarker;

impl tera::Function<TeraResult<Value>> for AnnexMarker {
    fn call(&self, _: Kwargs, _: &State) -> TeraResult<Value> {
        Ok(Value::safe_string(ANNEX_MARKER))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

use serde::Deserialize as _;
