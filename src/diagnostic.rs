//! Typed diagnostics: a stable code, a severity, a place and a message in
//! both languages. Input problems and rule findings share this one type, so
//! `check`, `build` and `--format json` report them the same way.

use serde::Serialize;
use std::path::{Path, PathBuf};

/// User-facing language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Whether a diagnostic is about unreadable input (exit 2) or a rule (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Input,
    Rule,
}

macro_rules! codes {
    ($($class:ident $variant:ident = $text:literal,)*) => {
        /// Stable diagnostic codes (rules.md, plus the input codes).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            pub fn class(self) -> Class {
                match self { $(Code::$variant => Class::$class,)* }
            }
        }
    };
}

codes! {
    Input InputRead = "input-read",
    Input InputTooLarge = "input-too-large",
    Input InputEncoding = "input-encoding",
    Input InputControlChar = "input-control-char",
    Input InputYaml = "input-yaml",
    Input InputValue = "input-value",
    Input BranchDuplicate = "branch-duplicate",
    Input ResultsUnknownBranch = "results-unknown-branch",
    Input TemplateError = "template-error",
    Input FormUnreadable = "form-unreadable",
    Input FormCell = "form-cell",
    Input FormBranch = "form-branch",
    Input ResultsExists = "results-exists",
    Input PdfConvert = "pdf-convert",
    Rule RuleSetYear = "rule-set-year",
    Rule QuotaExcellent = "quota-excellent",
    Rule QuotaExcellentBranch = "quota-excellent-branch",
    Rule HeadAboveCollective = "head-above-collective",
    Rule ExcellentWithoutProduct = "excellent-without-product",
    Rule DisciplinedAboveFail = "disciplined-above-fail",
    Rule CollectiveExcellentWithDisciplined = "collective-excellent-with-disciplined",
    Rule SickLeaveCap = "sick-leave-cap",
    Rule RatingMissing = "rating-missing",
    Rule RosterCount = "roster-count",
    Rule ScoreBand = "score-band",
    Rule LowConfidenceRating = "low-confidence-rating",
    Rule VoteArithmetic = "vote-arithmetic",
    Rule VoteQuorum = "vote-quorum",
    Rule VoteThreshold = "vote-threshold",
    Rule ScheduleOrder = "schedule-order",
    Rule NonWorkingDay = "non-working-day",
    Rule ReferenceUnknown = "reference-unknown",
    Rule ReferenceAfterDocument = "reference-after-document",
    Rule DocumentNumber = "document-number",
    Rule StaleYear = "stale-year",
    Rule TextNotNfc = "text-not-nfc",
    Rule PlaceholderLeft = "placeholder-left",
    Rule ResultsMissing = "results-missing",
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A message in Vietnamese and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Where a diagnostic points: a file, a position when known, a field path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Field path such as `branches[2].secretary`; empty for the whole file.
    pub path: String,
}

impl Place {
    pub fn file(file: &Path) -> Self {
        Place {
            file: file.to_path_buf(),
            ..Place::default()
        }
    }

    /// `file:line:col, path` as printed after a message.
    pub fn display(&self) -> String {
        let mut out = self.file.display().to_string();
        if let Some(line) = self.line {
            out += &format!(":{line}");
            if let Some(col) = self.column {
                out += &format!(":{col}");
            }
        }
        if !self.path.is_empty() {
            out += &format!(", {}", self.path);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    pub place: Place,
}

impl Diagnostic {
    pub fn error(code: Code, place: Place, message: Message) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message,
            place,
        }
    }

    pub fn warning(code: Code, place: Place, message: Message) -> Self {
        Diagnostic {
            code,
            severity: Severity::Warning,
            message,
            place,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// What a run ends with, from its diagnostics (design/README.md exit codes).
pub fn exit_code(diagnostics: &[Diagnostic]) -> u8 {
    let errors = diagnostics.iter().filter(|d| d.is_error());
    let mut exit = 0;
    for d in errors {
        match d.code.class() {
            Class::Input => return 2,
            Class::Rule => exit = 1,
        }
    }
    exit
}

/// The JSON form of one diagnostic (`--format json`).
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: Code,
    pub severity: Severity,
    pub message: &'a str,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub path: &'a str,
}

impl Diagnostic {
    pub fn to_json(&self, lang: Lang) -> JsonDiagnostic<'_> {
        JsonDiagnostic {
            code: self.code,
            severity: self.severity,
            message: self.message.get(lang),
            file: self.place.file.display().to_string(),
            line: self.place.line,
            column: self.place.column,
            path: &self.place.path,
        }
    }
}
