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
    Input FormText = "form-text",
    Input ResultsExists = "results-exists",
    Input OutputWrite = "output-write",
    Input CommandLine = "command-line",
    Input PdfConvert = "pdf-convert",
    Input OutOtherCycle = "out-other-cycle",
    Input OutOverlapsCycle = "out-overlaps-cycle",
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
    // A name not on the roster is an input error (exit 2), like a typo in
    // a key; its warning (another tone placement) is the rule's.
    Input RosterName = "roster-name",
    Rule PlaceholderLeft = "placeholder-left",
    Rule ResultsMissing = "results-missing",
    Rule TextUnusual = "text-unusual",
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

/// An operating-system error as words a clerk reads, in both languages;
/// the OS's own (English) text only for a kind with no phrase here.
pub fn io_reason(err: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    let (vi, en) = match err.kind() {
        K::NotFound => (
            "đường dẫn (hoặc một thư mục chứa nó) không tồn tại",
            "the path (or a folder above it) does not exist",
        ),
        K::PermissionDenied => ("không có quyền ghi hoặc đọc ở đó", "permission denied"),
        K::AlreadyExists | K::NotADirectory => (
            "ở đó (hoặc ở một thư mục chứa nó) đã có một tệp, không phải thư mục",
            "a file, not a folder, is already there (or at a folder above it)",
        ),
        K::IsADirectory => (
            "đó là một thư mục, không phải tệp",
            "that is a folder, not a file",
        ),
        K::DirectoryNotEmpty => ("thư mục không rỗng", "the folder is not empty"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the drive is read-only"),
        K::StorageFull | K::QuotaExceeded => ("ổ đĩa đã đầy", "the drive is full"),
        K::ResourceBusy | K::WouldBlock => (
            "đang có chương trình khác dùng (có thể một lệnh vanban khác đang ghi vào đó)",
            "another program is using it (perhaps another vanban command writing there)",
        ),
        K::InvalidFilename => ("tên tệp không hợp lệ", "the file name is not valid"),
        _ => {
            return Message::new(
                format!("lỗi của hệ điều hành ({err})"),
                format!("operating system error ({err})"),
            );
        }
    };
    Message::new(vi, en)
}

/// `output-write` (exit 2): a folder or file vanban writes could not be
/// written; the sentence names the path and says why.
pub fn output_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    io_diagnostic(
        Code::OutputWrite,
        path,
        err,
        ("không ghi được vào", "cannot write to"),
    )
}

/// `input-read` (exit 2): a file vanban reads could not be read.
pub fn read_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    io_diagnostic(
        Code::InputRead,
        path,
        err,
        ("không đọc được", "cannot read"),
    )
}

fn io_diagnostic(code: Code, path: &Path, err: &std::io::Error, verb: (&str, &str)) -> Diagnostic {
    let reason = io_reason(err);
    let shown = path.display();
    Diagnostic::error(
        code,
        Place::file(path),
        Message::new(
            format!("{} “{shown}”: {}", verb.0, reason.vi),
            format!("{} “{shown}”: {}", verb.1, reason.en),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn os_errors_become_a_sentence_naming_the_path() {
        let err = Error::from(ErrorKind::NotFound);
        let d = output_error(Path::new("ra/out"), &err);
        assert_eq!(d.code, Code::OutputWrite);
        assert_eq!(exit_code(std::slice::from_ref(&d)), 2);
        assert!(d.message.vi.contains("“ra/out”"), "{}", d.message.vi);
        assert!(!d.message.vi.contains("os error"), "{}", d.message.vi);
        let custom = Error::new(ErrorKind::AlreadyExists, "out exists and is not a folder");
        let d = output_error(Path::new("out"), &custom);
        assert!(!d.message.vi.contains("exists"), "{}", d.message.vi);
        assert!(d.message.en.contains("not a folder"), "{}", d.message.en);
    }
}
