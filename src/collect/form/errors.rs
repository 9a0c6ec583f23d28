//! Where a cell is and what is wrong with it, in both languages: the
//! texts of every diagnostic a form raises.

use crate::collect::docx_read::{self, ReadError};
use crate::cycle::Rating;
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use crate::domain::forms::{TableName, label};

/// What a form table is, in both languages.
pub(super) fn what(kind: TableName) -> (&'static str, &'static str) {
    match kind {
        TableName::Branch => ("thông tin chi bộ", "branch"),
        TableName::Meeting => ("hội nghị kiểm điểm", "review meeting"),
        TableName::Collective => ("tập thể tự xếp loại", "collective rating"),
        TableName::Statistics => ("thống kê kết quả xếp loại", "rating statistics"),
        TableName::Members => ("danh sách đảng viên", "member list"),
        TableName::Achievements => (
            "đảng viên đề nghị “Hoàn thành xuất sắc nhiệm vụ”",
            "members proposed for HTXSNV",
        ),
        TableName::Special => (
            "không xếp loại, kỷ luật, nghỉ ốm",
            "not rated, disciplined, sick leave",
        ),
        other => (other.name(), other.name()),
    }
}

/// `bảng dang-vien (danh sách đảng viên)`.
pub(super) fn describe(kind: TableName) -> (String, String) {
    let (vi, en) = what(kind);
    (
        format!("bảng {} ({vi})", kind.name()),
        format!("table {} ({en})", kind.name()),
    )
}

/// Where a cell is, for messages.
pub(super) struct At<'a> {
    pub(super) kind: TableName,
    /// A body row number, or a row label.
    pub(super) row: RowRef<'a>,
    pub(super) column: &'a str,
    /// The member named on that row.
    pub(super) name: Option<&'a str>,
}

pub(super) enum RowRef<'a> {
    Number(usize),
    Label(&'a str),
    Header,
}

impl At<'_> {
    pub(super) fn place(&self) -> Place {
        let path = match self.row {
            RowRef::Number(n) => format!("{}[{n}].{}", self.kind.name(), self.column),
            RowRef::Label(l) => format!("{}.{l}", self.kind.name()),
            RowRef::Header => format!("{}.{}", self.kind.name(), self.column),
        };
        Place {
            path,
            ..Place::default()
        }
    }

    /// `bảng dang-vien (…), dòng 3 (Hồ Sỹ Lâm), cột “Chi bộ đề nghị”`.
    pub(super) fn describe(&self) -> (String, String) {
        let (table_vi, table_en) = describe(self.kind);
        let name = self.name.map(|n| format!(" ({n})")).unwrap_or_default();
        let (row_vi, row_en) = match self.row {
            RowRef::Number(n) => (format!("dòng {n}{name}"), format!("row {n}{name}")),
            RowRef::Label(l) => (format!("dòng “{l}”"), format!("row “{l}”")),
            RowRef::Header => ("dòng tiêu đề".to_owned(), "header row".to_owned()),
        };
        let col = self.column;
        (
            format!("{table_vi}, {row_vi}, cột “{col}”"),
            format!("{table_en}, {row_en}, column “{col}”"),
        )
    }

    pub(super) fn message(&self, vi: &str, en: &str) -> Message {
        let (at_vi, at_en) = self.describe();
        Message::new(format!("{at_vi}: {vi}"), format!("{at_en}: {en}"))
    }
}

/// `“text”` in both languages, or "the empty cell".
pub(super) fn found(text: &str) -> (String, String) {
    match text.is_empty() {
        true => ("ô trống".to_owned(), "the empty cell".to_owned()),
        false => (format!("“{text}”"), format!("“{text}”")),
    }
}

pub(super) fn bad_rating(text: &str) -> (String, String) {
    let (vi, en) = found(text);
    let codes: Vec<&str> = Rating::ALL.iter().map(|r| r.code()).collect();
    let codes = codes.join(", ");
    (
        format!(
            "{vi} không phải một mức xếp loại; ghi tên đầy đủ (ví dụ “{}”) hoặc viết tắt ({codes})",
            Rating::Httnv.full_name()
        ),
        format!(
            "{en} is not a rating; write it in full (e.g. “{}”) or abbreviated ({codes})",
            Rating::Httnv.full_name()
        ),
    )
}

pub(super) fn unreadable(e: ReadError) -> Diagnostic {
    let (vi, en) = match e {
        ReadError::NotZip(_) => (
            "không phải tệp DOCX (không mở được như một tệp nén zip)".to_owned(),
            "not a DOCX file (it does not open as a zip archive)".to_owned(),
        ),
        ReadError::NoDocument => (
            format!(
                "không phải tệp DOCX (tệp nén không có {})",
                docx_read::DOCUMENT_PART
            ),
            format!(
                "not a DOCX file (the archive has no {})",
                docx_read::DOCUMENT_PART
            ),
        ),
        ReadError::Corrupt(detail) => (
            format!("tệp DOCX bị hỏng: {detail}"),
            format!("the DOCX file is damaged: {detail}"),
        ),
        ReadError::TooLarge => (
            format!(
                "tệp quá lớn để là một mẫu báo cáo ({} vượt {} MiB, hoặc bảng quá nhiều ô)",
                docx_read::DOCUMENT_PART,
                docx_read::MAX_DOCUMENT_XML >> 20
            ),
            format!(
                "too large to be a report form ({} over {} MiB, or tables with too many cells)",
                docx_read::DOCUMENT_PART,
                docx_read::MAX_DOCUMENT_XML >> 20
            ),
        ),
        ReadError::NotUtf8 => (
            format!("{} không phải UTF-8", docx_read::DOCUMENT_PART),
            format!("{} is not UTF-8", docx_read::DOCUMENT_PART),
        ),
        ReadError::Xml(detail) => (
            format!(
                "{} không phải XML hợp lệ: {detail}",
                docx_read::DOCUMENT_PART
            ),
            format!(
                "{} is not well-formed XML: {detail}",
                docx_read::DOCUMENT_PART
            ),
        ),
    };
    Diagnostic::error(Code::FormUnreadable, Place::default(), Message::new(vi, en))
}

pub(super) fn missing_table(kind: TableName) -> Diagnostic {
    let (vi, en) = describe(kind);
    let message = match kind {
        TableName::Branch => Message::new(
            format!(
                "không phải mẫu báo cáo chi bộ của vanban: không có {vi} với dòng “{}”",
                label::BRANCH_ID
            ),
            format!(
                "not one of vanban's branch report forms: no {en} with a “{}” row",
                label::BRANCH_ID
            ),
        ),
        _ => Message::new(
            format!("mẫu báo cáo thiếu {vi} (giữ nguyên các bảng của mẫu)"),
            format!("the report form lacks {en} (keep the form's tables)"),
        ),
    };
    Diagnostic::error(Code::FormUnreadable, Place::default(), message)
}
