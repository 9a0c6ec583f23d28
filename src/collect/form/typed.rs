//! What the branch typed outside the tables, laid into its results: each
//! prose section into its field, the KHTNV line checked against the member
//! rows, anything else reported (see `prose`).

use super::FilledForm;
use super::cells::key;
use super::errors::unreadable;
use super::prose::{Typed, typed};
use crate::collect::docx_read;
use crate::cycle::raw::Collective;
use crate::cycle::{Rating, RuleSet};
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::forms::Prose;

/// The most characters of a paragraph quoted in a message.
const QUOTE_CHARS: usize = 80;

impl FilledForm {
    /// Reads what was typed on the form outside its tables, by comparing
    /// its body with `blank`, the form the branch was sent (a DOCX). Text
    /// typed outside the sections is kept in `unplaced`, for the caller to
    /// report ([`unplaced_text`]).
    pub fn read_typed(&mut self, blank: &[u8], rules: RuleSet) -> Result<(), Diagnostic> {
        let blank = docx_read::body(blank).map_err(unreadable)?;
        let Typed { sections, unplaced } = typed(&self.blocks, &blank.blocks, rules);
        self.unplaced = unplaced;
        let Some(results) = self.results.as_mut() else {
            return Ok(());
        };
        for (prose, paragraphs) in sections {
            match field(&mut results.collective, prose) {
                Some(slot) => *slot = Some(as_field(&paragraphs)),
                None => {
                    let failing: Vec<&str> = results
                        .members
                        .iter()
                        .filter(|m| m.rating == Some(Rating::Khtnv))
                        .map(|m| m.name.as_str())
                        .collect();
                    let named = names(&paragraphs.join("; "));
                    if let Some(d) = failing_differs(&named, &failing) {
                        self.diagnostics.push(d);
                    }
                }
            }
        }
        if self.diagnostics.iter().any(Diagnostic::is_error) {
            self.results = None;
        }
        Ok(())
    }
}

/// The results field a prose section fills; `None` for the KHTNV line.
fn field(c: &mut Collective, prose: Prose) -> Option<&mut Option<String>> {
    Some(match prose {
        Prose::Strengths => &mut c.strengths,
        Prose::Shortcomings => &mut c.shortcomings,
        Prose::Remedied => &mut c.remedied,
        Prose::Explanations => &mut c.explanations,
        Prose::Responsibility => &mut c.responsibility,
        Prose::Remedies => &mut c.remedies,
        Prose::Failing => return None,
    })
}

/// `Không`, `Không có` (with or without a stop): the branch states none.
fn says_none(text: &str) -> bool {
    matches!(key(text).as_str(), "không" | "không có")
}

/// The paragraphs as one field: one per line; `""` when they state none.
fn as_field(paragraphs: &[String]) -> String {
    match paragraphs {
        [only] if says_none(only) => String::new(),
        _ => paragraphs.join("\n"),
    }
}

/// The names on the KHTNV line: separated by `,`, `;` or `và`, without
/// "đồng chí" before them; none when it says "Không có".
fn names(line: &str) -> Vec<String> {
    if says_none(line) {
        return Vec::new();
    }
    line.split([',', ';'])
        .flat_map(|part| part.split(" và "))
        .map(|n| {
            let n = n.trim().trim_end_matches('.').trim();
            let lower = n.to_lowercase();
            let after = ["đồng chí ", "đ/c "]
                .iter()
                .find_map(|p| lower.starts_with(p).then(|| n.get(p.len()..)).flatten());
            after.unwrap_or(n).trim().to_owned()
        })
        .filter(|n| !n.is_empty() && !says_none(n))
        .collect()
}

/// The KHTNV line against the member rows rated KHTNV.
fn failing_differs(named: &[String], failing: &[&str]) -> Option<Diagnostic> {
    let mut a: Vec<String> = named.iter().map(|n| key(n)).collect();
    let mut b: Vec<String> = failing.iter().map(|n| key(n)).collect();
    a.sort();
    b.sort();
    if a == b {
        return None;
    }
    let list = |names: Vec<String>, none: &str| match names.is_empty() {
        true => none.to_owned(),
        false => names.join(", "),
    };
    let (line_vi, line_en) = (
        list(named.to_vec(), "không ai"),
        list(named.to_vec(), "nobody"),
    );
    let rows: Vec<String> = failing.iter().map(|n| (*n).to_owned()).collect();
    let (rows_vi, rows_en) = (list(rows.clone(), "không ai"), list(rows, "nobody"));
    Some(Diagnostic::error(
        Code::FormText,
        Place {
            path: "Không hoàn thành nhiệm vụ".to_owned(),
            ..Place::default()
        },
        Message::new(
            format!(
                "dòng đảng viên đề nghị xếp loại “Không hoàn thành nhiệm vụ” ghi: {line_vi}; \
                 danh sách đảng viên xếp loại mức này: {rows_vi}; sửa cho khớp rồi gửi lại"
            ),
            format!(
                "the line of members proposed “Không hoàn thành nhiệm vụ” names: {line_en}; \
                 the member list rates at that level: {rows_en}; make them agree and send it again"
            ),
        ),
    ))
}

/// The warning for a paragraph typed outside the sections to write in.
pub fn unplaced_text(heading: &str, text: &str) -> Diagnostic {
    let quoted: String = text.chars().take(QUOTE_CHARS).collect();
    let more = if text.chars().count() > QUOTE_CHARS {
        "…"
    } else {
        ""
    };
    let (under_vi, under_en) = match heading.is_empty() {
        true => ("ở đầu mẫu".to_owned(), "at the top of the form".to_owned()),
        false => (
            format!("dưới đề mục “{heading}”"),
            format!("under the heading “{heading}”"),
        ),
    };
    Diagnostic::warning(
        Code::FormText,
        Place {
            path: heading.to_owned(),
            ..Place::default()
        },
        Message::new(
            format!(
                "đoạn văn “{quoted}{more}” gõ {under_vi}, ngoài các mục để viết, không được đọc vào \
                 kết quả; nếu cần, chép nó vào mục phù hợp trong tệp kết quả"
            ),
            format!(
                "the paragraph “{quoted}{more}”, typed {under_en}, outside the sections to write in, \
                 is not read into the results; copy it into the right field of the results file if needed"
            ),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_khtnv_line_is_read_as_names() {
        assert_eq!(
            names("Đồng chí Phạm Văn K và đ/c Lê Thị H; Vũ Thị L."),
            ["Phạm Văn K", "Lê Thị H", "Vũ Thị L"]
        );
        assert!(names("Không có.").is_empty());
        assert!(failing_differs(&names("đồng chí Phạm Văn K"), &["Phạm Văn K"]).is_none());
        assert!(failing_differs(&names("Không"), &[]).is_none());
        let d = failing_differs(&names("Lê Thị H"), &["Phạm Văn K"]).expect("differs");
        assert!(d.is_error());
        assert!(
            d.message
                .vi
                .contains("ghi: Lê Thị H; danh sách đảng viên xếp loại mức này: Phạm Văn K")
        );
    }

    #[test]
    fn none_is_stated_only_in_words() {
        assert_eq!(as_field(&["Không có.".to_owned()]), "");
        assert_eq!(
            as_field(&["Một.".to_owned(), "Hai.".to_owned()]),
            "Một.\nHai."
        );
        assert_eq!(
            as_field(&["Không có gì mới.".to_owned()]),
            "Không có gì mới."
        );
    }
}
