//! Turns a YAML/serde error into a diagnostic with the file, line, column,
//! field path and a message in both languages.

use crate::diagnostic::{Code, Diagnostic, Message, Place};
use std::path::Path;

pub fn diagnostic(file: &Path, text: &str, err: &yaml_serde::Error) -> Diagnostic {
    let full = err.to_string();
    let (path, detail) = split_path(strip_location(&full));
    let path = match between(detail, "unknown field `", "`") {
        Some(field) if path.is_empty() => field.to_string(),
        Some(field) => format!("{path}.{field}"),
        None => path.to_string(),
    };
    let (line, column) = match err.location() {
        Some(loc) => (Some(loc.line()), Some(loc.column())),
        None => (None, None),
    };
    let message = if text.trim().is_empty() {
        Message::new(
            "tệp rỗng: cần nội dung YAML theo mẫu",
            "the file is empty: YAML content expected",
        )
    } else {
        translate(detail)
    };
    let place = Place {
        file: file.to_path_buf(),
        line,
        column,
        path,
    };
    Diagnostic::error(Code::InputYaml, place, message)
}

/// Drops the trailing ` at line N column M` (the place is printed separately).
fn strip_location(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

/// Splits `branches[2]: missing field ...` into the path and the detail.
fn split_path(msg: &str) -> (&str, &str) {
    match msg.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') => (path, rest),
        _ => ("", msg),
    }
}

/// Vietnamese for the messages the YAML layer gives; English kept as is.
fn translate(detail: &str) -> Message {
    let vi = if let Some(field) = between(detail, "missing field `", "`") {
        format!("thiếu trường bắt buộc `{field}`")
    } else if let Some(field) = between(detail, "unknown field `", "`") {
        let expected = expected_list(detail);
        format!("trường không có trong mẫu: `{field}` (các trường hợp lệ: {expected})")
    } else if let Some(value) = between(detail, "unknown variant `", "`") {
        let expected = expected_list(detail);
        format!("giá trị không hợp lệ `{value}` (chỉ nhận: {expected})")
    } else if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
        let (found, expected) = detail.split_once(", expected ").unwrap_or((detail, ""));
        let found = found
            .trim_start_matches("invalid type: ")
            .trim_start_matches("invalid value: ");
        format!("sai kiểu dữ liệu: gặp {found}, cần {expected}")
    } else if detail.contains("recursion limit exceeded") {
        "cấu trúc lồng nhau quá sâu".to_string()
    } else if detail.contains("repetition limit exceeded") {
        "quá nhiều tham chiếu bí danh (alias) YAML: tệp có thể là một \"bom\" alias".to_string()
    } else if detail.starts_with("duplicate entry") || detail.contains("duplicate key") {
        format!("khóa bị lặp lại: {detail}")
    } else {
        format!("lỗi cú pháp YAML: {detail}")
    };
    Message::new(vi, detail)
}

/// The `expected one of ...` tail of a serde message, without the English words.
fn expected_list(detail: &str) -> &str {
    let tail = detail.split_once(", expected ").map_or("", |(_, e)| e);
    tail.trim_start_matches("one of ")
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_path_and_translates_missing_field() {
        let (path, detail) = split_path("branches[2]: missing field `secretary`");
        assert_eq!(path, "branches[2]");
        assert!(
            translate(detail)
                .vi
                .contains("thiếu trường bắt buộc `secretary`")
        );
    }

    #[test]
    fn keeps_message_without_path() {
        assert_eq!(split_path("did not find expected key").0, "");
    }
}
