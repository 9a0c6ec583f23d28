//! Reading one input file: size cap, UTF-8, line ends, control characters,
//! NFC; and the locator that maps a field path back to its line and column.

use super::files::{CycleFiles, Disk};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use saphyr_parser::{Event, Parser};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Files larger than this are refused before parsing (the YAML parser
/// tokenises everything first, so a huge file costs seconds and memory).
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// One input file, cleaned and kept for messages and snippets.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Built on first use: only files that parsed need it.
    locator: OnceLock<Locator>,
}

impl SourceFile {
    /// Reads and cleans `path` from the disk (see [`SourceFile::load`]).
    pub fn read(path: &Path) -> Result<(SourceFile, Vec<Diagnostic>), Diagnostic> {
        SourceFile::load(&Disk, path)
    }

    /// Reads and cleans `path` from `files`. Returns the file and warnings
    /// (such as NFC normalisation), or the error that makes it unreadable.
    pub fn load(
        files: &dyn CycleFiles,
        path: &Path,
    ) -> Result<(SourceFile, Vec<Diagnostic>), Diagnostic> {
        let bytes = read_capped(files, path)?;
        let text = decode(path, bytes)?;
        let text = match text.contains("\r\n") {
            true => text.replace("\r\n", "\n"),
            false => text,
        };
        reject_control_chars(path, &text)?;
        let mut warnings = Vec::new();
        let text = if is_nfc(&text) {
            text
        } else {
            warnings.push(not_nfc_warning(path, &text));
            text.nfc().collect()
        };
        Ok((SourceFile::from_text(path, text), warnings))
    }

    pub fn from_text(path: &Path, text: String) -> SourceFile {
        SourceFile {
            path: path.to_path_buf(),
            text,
            locator: OnceLock::new(),
        }
    }

    /// The place of a field path in this file (line and column when known).
    pub fn place(&self, path: &str) -> Place {
        let locator = self.locator.get_or_init(|| Locator::index(&self.text));
        let (line, column) = match locator.find(path) {
            Some((l, c)) => (Some(l), Some(c)),
            None => (None, None),
        };
        Place {
            file: self.path.clone(),
            line,
            column,
            path: path.to_string(),
        }
    }
}

fn read_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    let message = if err.kind() == std::io::ErrorKind::NotFound {
        Message::new("không tìm thấy tệp", "file not found")
    } else {
        Message::new(
            format!("không đọc được tệp: {err}"),
            format!("cannot read the file: {err}"),
        )
    };
    Diagnostic::error(Code::InputRead, Place::file(path), message)
}

/// `path` is larger than [`MAX_FILE_BYTES`]: refused unread.
pub fn too_large(path: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::InputTooLarge,
        Place::file(path),
        Message::new(
            format!(
                "tệp lớn hơn {} MiB, không đọc",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            format!(
                "the file is larger than {} MiB; not read",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ),
    )
}

fn read_capped(files: &dyn CycleFiles, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let bytes = files
        .read(path, MAX_FILE_BYTES)
        .map_err(|e| read_error(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // Cannot fail: the prefix up to `valid_up_to` is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_col(prefix, prefix.len());
        Diagnostic::error(
            Code::InputEncoding,
            at(path, line, column),
            Message::new(
                "tệp không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8)",
                "the file is not UTF-8 text (save it again as UTF-8)",
            ),
        )
    })
}

fn reject_control_chars(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let Some((offset, ch)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
    else {
        return Ok(());
    };
    let (line, column) = line_col(text, offset);
    Err(Diagnostic::error(
        Code::InputControlChar,
        at(path, line, column),
        Message::new(
            format!(
                "ký tự điều khiển U+{:04X} không được phép trong tệp",
                ch as u32
            ),
            format!("control character U+{:04X} is not allowed", ch as u32),
        ),
    ))
}

/// Deepest nesting of YAML collections accepted; a cycle needs about 5.
/// The same bound as the deserializer's recursion limit.
pub const MAX_DEPTH: usize = 128;

/// Refuses YAML nested deeper than [`MAX_DEPTH`] before the real parse:
/// the YAML parser behind `yaml_serde` is quadratic in flow nesting (a
/// 200 KB line of `[` runs for minutes). This streaming walk stops at the
/// first collection too deep; other syntax errors are left to the parser.
///
/// Most files cannot nest that deep at all ([`nesting_bound`]); those skip
/// the walk.
pub fn check_nesting(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if nesting_bound(text) <= MAX_DEPTH {
        return Ok(());
    }
    let mut depth = 0usize;
    for item in Parser::new_from_str(text) {
        let (line, column) = match item {
            Ok((Event::MappingStart(..) | Event::SequenceStart(..), span)) => {
                depth += 1;
                if depth <= MAX_DEPTH {
                    continue;
                }
                (span.start.line(), span.start.col() + 1)
            }
            Ok((Event::MappingEnd | Event::SequenceEnd, _)) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Ok(_) => continue,
            Err(e) if e.info().contains("recursion limit") => {
                (e.marker().line(), e.marker().col() + 1)
            }
            Err(_) => return Ok(()),
        };
        return Err(Diagnostic::error(
            Code::InputYaml,
            at(path, line, column),
            Message::new(
                format!("cấu trúc lồng nhau quá sâu (quá {MAX_DEPTH} cấp)"),
                format!("nested too deeply (more than {MAX_DEPTH} levels)"),
            ),
        ));
    }
    Ok(())
}

/// An upper bound on the nesting depth of `text`, from one byte scan.
///
/// Flow collections each open with `[` or `{`: no more can be nested than
/// there are such bytes. Block collections nest only at a deeper column,
/// except a sequence written at its mapping's own column: at most two per
/// column. A block collection that has a child starts within its line's
/// leading run of blanks and indicators (`- `, `? `, `: `), since the
/// parser starts no collection after any other token on a line (`k: - v`
/// is an error); so each such column is at most the longest run (`reach`),
/// and a chain is at most `2 × (reach + 1)` deep, plus the last collection
/// and one the parser may open just before such an error. Block
/// collections never sit inside flow ones, so the two bounds add up.
/// Quotes, comments and block scalars are not told apart: their bytes only
/// raise the bound.
pub fn nesting_bound(text: &str) -> usize {
    let bytes = text.as_bytes();
    let flow = bytes.iter().filter(|&&b| b == b'[' || b == b'{').count();
    let blank = |b: Option<&u8>| matches!(b, None | Some(b' ' | b'\t'));
    let mut reach = 0usize;
    for line in bytes.split(|&b| b == b'\n') {
        let mut i = 0;
        loop {
            match line.get(i) {
                Some(b' ' | b'\t') => i += 1,
                Some(b'-' | b'?' | b':') if blank(line.get(i + 1)) => i += 1,
                _ => break,
            }
        }
        reach = reach.max(i);
    }
    2 * (reach + 1) + 2 + flow
}

fn not_nfc_warning(path: &Path, text: &str) -> Diagnostic {
    let line = text.lines().position(|l| !is_nfc(l)).map_or(1, |i| i + 1);
    Diagnostic::warning(
        Code::TextNotNfc,
        at(path, line, 1),
        Message::new(
            "văn bản chưa ở dạng Unicode NFC (dấu tổ hợp rời); đã chuẩn hóa khi đọc",
            "text is not Unicode NFC (decomposed marks); normalised on load",
        ),
    )
}

fn at(path: &Path, line: usize, column: usize) -> Place {
    Place {
        file: path.to_path_buf(),
        line: Some(line),
        column: Some(column),
        path: String::new(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Maps field paths (`branches[2].secretary`) to 1-based line and column.
#[derive(Debug, Clone, Default)]
struct Locator {
    marks: HashMap<String, (usize, usize)>,
}

/// Where the event walk is inside a collection.
enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl Locator {
    /// Walks the YAML events once. On a syntax error the index stays partial;
    /// the loader reports that error through the deserializer anyway.
    fn index(text: &str) -> Locator {
        let mut marks = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let mark = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(path) = Self::value_path(&mut stack, Some(&value)) {
                        marks.entry(path).or_insert(mark);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = Self::value_path(&mut stack, None).unwrap_or_default();
                    marks.entry(path.clone()).or_insert(mark);
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map { path, key: None },
                        _ => Frame::Seq { path, index: 0 },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Locator { marks }
    }

    /// The path of a value that starts now, advancing the enclosing frame.
    /// Returns `None` for a scalar that is a mapping key.
    fn value_path(stack: &mut [Frame], scalar: Option<&str>) -> Option<String> {
        match stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, index }) => {
                *index += 1;
                Some(format!("{path}[{}]", *index - 1))
            }
            Some(Frame::Map { path, key }) => match key.take() {
                Some(k) if path.is_empty() => Some(k),
                Some(k) => Some(format!("{path}.{k}")),
                None => {
                    *key = Some(scalar.unwrap_or_default().to_string());
                    None
                }
            },
        }
    }

    fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&mark) = self.marks.get(path) {
                return Some(mark);
            }
            // Fall back to the nearest enclosing field that exists.
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_fields() {
        let text = "year: 2022\nbranches:\n  - id: a\n    name: X\n  - id: b\n    name: Y\n";
        let loc = Locator::index(text);
        assert_eq!(loc.find("year"), Some((1, 7)));
        assert_eq!(loc.find("branches[1].name"), Some((6, 11)));
        assert_eq!(loc.find("branches[1].missing"), Some((5, 5)));
    }

    #[test]
    fn locates_flow_mappings() {
        let loc = Locator::index("refs:\n  a: { number: 1, date: x }\n");
        assert_eq!(loc.find("refs.a.date"), Some((2, 25)));
    }

    /// The deepest nesting the parser sees.
    fn depth(text: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0usize);
        for item in Parser::new_from_str(text) {
            match item {
                Ok((Event::MappingStart(..) | Event::SequenceStart(..), _)) => {
                    depth += 1;
                    max = max.max(depth);
                }
                Ok((Event::MappingEnd | Event::SequenceEnd, _)) => depth -= 1,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        max
    }

    #[test]
    fn nesting_bound_is_an_upper_bound() {
        let compact = "- ".repeat(70) + "a\n";
        let indented: String = (0..70)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let indentless: String = (0..40)
            .map(|i| format!("{0}k{i}:\n{0}-\n", "  ".repeat(i)))
            .collect();
        let cases = [
            "a: 1\n".to_string(),
            "a:\n- b: [1, {c: d}]\n  e: f\n".to_string(),
            "- - - a\n- ? - b\n  : - c: d\n".to_string(),
            "x: \"- - [\"\n  # ]]]\n".to_string(),
            "-\t-\t- a\n-   - b:   - c\n".to_string(),
            "--- - &a a: !!map\n    b: c\n".to_string(),
            "- a: b\n  c:\n  - d: - e\n".to_string(),
            "a:\n  - b\n  -   c: d\n      e:\n      - f\n".to_string(),
            compact,
            indented,
            indentless,
            "[".repeat(60) + &"]".repeat(60),
        ];
        for text in &cases {
            assert!(nesting_bound(text) >= depth(text), "{text}");
        }
        // A cycle file is far below the limit: no walk needed.
        let cycle = include_str!("../../fixtures/quang-binh-2022/cycle.yaml");
        assert!(
            nesting_bound(cycle) <= MAX_DEPTH,
            "{}",
            nesting_bound(cycle)
        );
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\nđảng x", "ab\nđảng ".len()), (2, 6));
    }
}
