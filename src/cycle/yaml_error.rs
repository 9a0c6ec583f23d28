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

/// Drops ` at line N column M` and what follows (the place is printed
/// separately; the scanner's "while scanning …" context adds nothing).
fn strip_location(msg: &str) -> &str {
    match msg.find(" at line ") {
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
        format!(
            "sai kiểu dữ liệu: gặp {}, cần {}",
            type_vi(found),
            type_vi(expected)
        )
    } else if detail.contains("recursion limit exceeded") {
        "cấu trúc lồng nhau quá sâu".to_string()
    } else if detail.contains("repetition limit exceeded") {
        "quá nhiều tham chiếu bí danh (alias) YAML: tệp có thể là một \"bom\" alias".to_string()
    } else if detail.starts_with("duplicate entry") || detail.contains("duplicate key") {
        format!("khóa bị lặp lại: {detail}")
    } else {
        format!("lỗi cú pháp YAML: {}", syntax_vi(detail))
    };
    Message::new(vi, detail)
}

/// Serde's names of kinds of values, as a clerk would call them.
fn type_vi(kind: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("sequence", "một danh sách"),
        ("a sequence", "một danh sách"),
        ("map", "một nhóm trường"),
        ("a map", "một nhóm trường"),
        ("a string", "một chuỗi chữ"),
        ("u32", "một số nguyên không âm"),
        ("i32", "một số nguyên"),
        ("a boolean", "true hoặc false"),
        ("unit value", "giá trị rỗng"),
        (
            crate::domain::values::EXPECTED_RATING,
            "một mức xếp loại (HTXSNV, HTTNV, HTNV, KHTNV hoặc tên đầy đủ)",
        ),
        (
            crate::domain::values::EXPECTED_COUNT,
            "một số nguyên không âm (viết 07 hay 7 đều được)",
        ),
        (
            super::model::EXPECTED_FILL,
            "một số nguyên không âm hoặc một chỗ giữ [[…]] để điền sau",
        ),
    ];
    if let Some((_, vi)) = NAMES.iter().find(|(en, _)| *en == kind) {
        return vi.to_string();
    }
    if kind.starts_with("struct ") {
        return "một nhóm trường".to_string();
    }
    for (prefix, vi) in [
        ("string ", "chuỗi "),
        ("integer ", "số "),
        ("floating point ", "số thập phân "),
        ("boolean ", "giá trị "),
    ] {
        if let Some(value) = kind.strip_prefix(prefix) {
            return format!("{vi}{value}");
        }
    }
    kind.to_string()
}

/// Vietnamese for the YAML scanner's usual complaints; others kept as is.
fn syntax_vi(detail: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "dấu hai chấm không đúng chỗ (giá trị có dấu `:` cần đặt trong dấu nháy, hoặc thụt lề sai)",
        ),
        (
            "found a tab character",
            "thụt lề bằng ký tự tab; YAML chỉ cho phép thụt lề bằng dấu cách",
        ),
        (
            "did not find expected key",
            "thụt lề sai: dòng này không thẳng hàng với các trường cùng cấp",
        ),
        (
            "block sequence entries are not allowed",
            "dấu gạch đầu dòng `-` không đúng chỗ (giá trị bắt đầu bằng `-` cần đặt trong dấu nháy)",
        ),
        (
            "found character that cannot start any token",
            "ký tự không thể mở đầu giá trị (hãy đặt giá trị trong dấu nháy)",
        ),
        (
            "found unexpected end of stream",
            "tệp kết thúc giữa chừng (thiếu dấu nháy hoặc ngoặc đóng?)",
        ),
        (
            "did not find expected ',' or ']'",
            "thiếu dấu `,` hoặc `]` trong danh sách [ … ]",
        ),
        (
            "did not find expected ',' or '}'",
            "thiếu dấu `,` hoặc `}` trong nhóm { … }",
        ),
        (
            "found undefined alias",
            "bí danh (alias) YAML chưa được định nghĩa",
        ),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| detail.contains(en))
        .map_or_else(|| detail.to_string(), |(_, vi)| vi.to_string())
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
