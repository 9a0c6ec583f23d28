//! Clap's parse errors in the user's language: each `clap::error::ErrorKind`
//! is rendered from the error's context (the argument, the bad value, the
//! suggestion), never from clap's English text, and printed as a
//! `command-line` diagnostic (exit 2) with the usage line.

use super::Format;
use super::lang::finish;
use crate::diagnostic::{Code, Diagnostic, Lang, Message, Place};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The message for a parse error (not for help or version output).
pub fn message(err: &clap::Error) -> Message {
    let arg = string(err, ContextKind::InvalidArg);
    let value = string(err, ContextKind::InvalidValue);
    let base = match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let sub = string(err, ContextKind::InvalidSubcommand);
            Message::new(
                format!("không có lệnh “{sub}”"),
                format!("there is no command “{sub}”"),
            )
        }
        ErrorKind::UnknownArgument => Message::new(
            format!("không có tùy chọn hay đối số “{arg}” ở đây"),
            format!("unexpected argument or option “{arg}”"),
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(err, ContextKind::InvalidArg).join(", ");
            Message::new(
                format!("thiếu đối số bắt buộc: {missing}"),
                format!("missing required argument: {missing}"),
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Message::new("thiếu tên lệnh", "no command given")
        }
        ErrorKind::InvalidValue if value.is_empty() => Message::new(
            format!("{arg} cần một giá trị"),
            format!("{arg} needs a value"),
        ),
        ErrorKind::InvalidValue => {
            let valid = strings(err, ContextKind::ValidValue).join(", ");
            Message::new(
                format!("giá trị “{value}” không hợp lệ cho {arg}; các giá trị được nhận: {valid}"),
                format!("invalid value “{value}” for {arg}; possible values: {valid}"),
            )
        }
        ErrorKind::ValueValidation => validation(err, &arg, &value),
        ErrorKind::ArgumentConflict => Message::new(
            format!("{arg} chỉ được dùng một lần, và không cùng với các tùy chọn trái nghĩa"),
            format!("{arg} may be given once, and not with a conflicting option"),
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            Message::new(
                format!("số giá trị của {arg} không đúng"),
                format!("wrong number of values for {arg}"),
            )
        }
        ErrorKind::NoEquals => Message::new(
            format!("{arg} cần dấu “=” trước giá trị"),
            format!("{arg} needs “=” before its value"),
        ),
        ErrorKind::InvalidUtf8 => Message::new(
            "dòng lệnh có ký tự không phải UTF-8",
            "the command line holds characters that are not UTF-8",
        ),
        _ => Message::new("dòng lệnh không đúng", "the command line is wrong"),
    };
    with_suggestion(base, err)
}

/// A value clap's parser refused: a year that is not a number, typically.
fn validation(err: &clap::Error, arg: &str, value: &str) -> Message {
    let number = std::error::Error::source(err)
        .is_some_and(|s| s.downcast_ref::<std::num::ParseIntError>().is_some());
    let (vi, en) = match number {
        true => (
            ": cần một số nguyên, ví dụ 2025",
            ": a whole number is needed, e.g. 2025",
        ),
        false => ("", ""),
    };
    Message::new(
        format!("giá trị “{value}” không hợp lệ cho {arg}{vi}"),
        format!("invalid value “{value}” for {arg}{en}"),
    )
}

/// Appends clap's "did you mean" suggestion, when it has one.
fn with_suggestion(base: Message, err: &clap::Error) -> Message {
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .flat_map(|kind| strings(err, kind))
        .next();
    match suggested {
        Some(s) => Message::new(
            format!("{}; có phải ý là “{s}”?", base.vi),
            format!("{}; did you mean “{s}”?", base.en),
        ),
        None => base,
    }
}

fn string(err: &clap::Error, kind: ContextKind) -> String {
    strings(err, kind).into_iter().next().unwrap_or_default()
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Prints a parse error: text (message, usage, where to read more) on
/// stderr, or the one diagnostic as JSON on stdout.
pub fn print(err: &clap::Error, lang: Lang, format: Format) {
    let usage = err.get(ContextKind::Usage).map(ToString::to_string);
    print_message(message(err), usage, lang, format);
}

/// A command line clap parses but vanban refuses (options that only go
/// together: `--format xlsx` and `-o`): the same `command-line` diagnostic
/// as a parse error, with `command`'s usage line; the caller exits 2.
pub fn print_misuse(message: Message, command: &str, lang: Lang, format: Format) {
    let mut cli = super::lang::localize(<super::Cli as clap::CommandFactory>::command(), lang);
    cli.build();
    let usage = cli
        .find_subcommand_mut(command)
        .map(|c| c.render_usage().to_string());
    print_message(message, usage, lang, format);
}

/// `error[command-line]: …`, the usage and where to read more on stderr;
/// with `--format json` the one diagnostic on stdout (a spreadsheet is not
/// a format for messages: `--format xlsx` prints text).
fn print_message(message: Message, usage: Option<String>, lang: Lang, format: Format) {
    let d = Diagnostic::error(Code::CommandLine, Place::default(), message);
    if format == Format::Json {
        let json = serde_json::to_string_pretty(&[d.to_json(lang)]).unwrap_or_default();
        super::report::out(&json);
        return;
    }
    let mut text = format!("error[{}]: {}", d.code.as_str(), d.message.get(lang));
    if let Some(usage) = usage {
        text += &format!("\n\n{}", finish(&usage, lang));
    }
    let more = match lang {
        Lang::Vi => "Xem thêm: vanban --help, hoặc vanban <lệnh> --help.",
        Lang::En => "More: vanban --help, or vanban <command> --help.",
    };
    eprintln!("{text}\n\n{more}");
}
