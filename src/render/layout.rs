//! The layout profile: every measurement, size and fixed Party-format word the
//! DOCX writer uses, in one place. `Layout::default()` follows Hướng dẫn
//! 36-HD/VPTW (see design/party-format.md); a later format guide replaces the
//! defaults here without touching the renderer.
//!
//! Units are in the field names: `_mm` millimetres, `_pt` points,
//! `_half_pt` half-points (the unit of `w:sz`: 28 = 14 pt), `_share` a
//! fraction of the text width.

/// Horizontal placement of a line inside its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineAlign {
    Center,
    Right,
}

/// One profile holding every layout value of a Party document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    // Page.
    pub page_width_mm: f32,
    pub page_height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    /// Distance from the page edge to the page-number header.
    pub header_distance_mm: f32,
    /// Font for all four slots (ascii, hAnsi, eastAsia, cs).
    pub font: String,

    // Header block (page 1).
    /// Share of the header width taken by the left (issuer) column.
    pub header_left_share: f32,
    /// The header block reaches this far into the left margin, so the
    /// body names and the date fit on one line each (the text width alone
    /// is too narrow for two 14-pt columns).
    pub header_extend_left_mm: f32,
    pub size_superior_half_pt: usize,
    pub size_issuer_half_pt: usize,
    pub size_number_half_pt: usize,
    pub size_subject_half_pt: usize,
    pub size_party_name_half_pt: usize,
    pub size_place_date_half_pt: usize,
    /// Space above the place-and-date line (the empty line under the party name).
    pub place_date_space_before_pt: f32,
    pub place_date_align: LineAlign,
    /// Space between the header block and what follows.
    pub header_space_after_pt: f32,
    pub size_draft_mark_half_pt: usize,

    // Title (báo cáo, biên bản …).
    pub size_title_kind_half_pt: usize,
    pub size_title_subject_half_pt: usize,
    /// The short rule printed under the title subject.
    pub title_rule: String,

    // "Kính gửi" and body.
    pub size_to_half_pt: usize,
    /// Left edge of the recipient list when there are several recipients.
    pub to_list_indent_mm: f32,
    /// Room for the label `Kính gửi:` before the first recipient.
    pub to_label_width_mm: f32,
    pub size_body_half_pt: usize,
    pub body_first_line_indent_mm: f32,
    /// Extra indent per nesting level of a list.
    pub list_level_indent_mm: f32,
    pub body_space_after_pt: f32,
    /// Exact line height of body paragraphs.
    pub body_line_exact_pt: f32,

    // Tables.
    pub size_table_half_pt: usize,
    /// A smaller size for a table whose columns cannot fit their longest
    /// words at `size_table_half_pt` (wide statistics tables).
    pub size_table_dense_half_pt: usize,
    /// Left and right padding inside a table cell.
    pub table_cell_margin_mm: f32,
    /// Border width in eighths of a point (`w:sz` of a border).
    pub table_border_eighth_pt: usize,
    /// The most a text column asks for before its cells wrap, as a share of
    /// the text width (columns are sized from their content).
    pub table_text_column_max_share: f32,
    /// What a column with an empty cell (a blank to fill in by hand) asks
    /// for, as a share of the text width: text columns, other columns.
    pub table_blank_text_share: f32,
    pub table_blank_other_share: f32,

    // Closing block.
    pub closing_left_share: f32,
    pub size_copies_label_half_pt: usize,
    pub copies_label_italic: bool,
    pub size_copies_half_pt: usize,
    pub size_signer_half_pt: usize,
    /// Empty lines left for the signature and seal.
    pub signature_blank_lines: usize,
    /// Signatures side by side (minutes, a counting board) per row.
    pub signatures_per_row: usize,
    pub size_page_number_half_pt: usize,

    // Fixed Party-format words (format, not prose).
    pub party_name: String,
    pub star: String,
    /// Printed before the number with a space and no colon: `Số 94-CV/ĐUVP`.
    pub number_prefix: String,
    pub to_label: String,
    pub copies_label: String,
    pub draft_mark: String,
    /// Drawn where the signer's name goes on a blank form.
    pub dotted_blank: String,
    /// Starts a công văn's subject (trích yếu): `V/v …` by local practice.
    pub subject_prefix: String,
    /// Signing on behalf of a collective: `T/M ĐẢNG ỦY`.
    pub on_behalf: String,
    /// The archive line of "Nơi nhận": `Lưu: VPĐU`.
    pub archive_label: String,
    /// A decision's "Nơi nhận" line for those who carry it out: `Như Điều 3`.
    pub as_article_label: String,
    /// After the superior on a "Nơi nhận" line: `Ban Tổ chức Tỉnh ủy (báo cáo)`.
    pub for_information_label: String,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 20.0,
            margin_bottom_mm: 20.0,
            margin_left_mm: 30.0,
            margin_right_mm: 15.0,
            header_distance_mm: 10.0,
            font: "Times New Roman".to_owned(),
            // 177 mm: 85.8 mm for the issuer lines (`ĐẢNG BỘ KHỐI CÁC CƠ
            // QUAN TỈNH` is 84 mm), 91.2 mm for a blank date line
            // (`Quảng Bình, ngày …… tháng …… năm 2022` is 89.4 mm).
            header_left_share: 0.485,
            header_extend_left_mm: 12.0,
            size_superior_half_pt: 28,
            size_issuer_half_pt: 28,
            size_number_half_pt: 28,
            size_subject_half_pt: 24,
            size_party_name_half_pt: 30,
            size_place_date_half_pt: 28,
            place_date_space_before_pt: 16.0,
            place_date_align: LineAlign::Center,
            header_space_after_pt: 12.0,
            size_draft_mark_half_pt: 28,
            size_title_kind_half_pt: 30,
            size_title_subject_half_pt: 28,
            title_rule: "-----".to_owned(),
            size_to_half_pt: 28,
            to_list_indent_mm: 45.0,
            to_label_width_mm: 22.0,
            size_body_half_pt: 28,
            body_first_line_indent_mm: 12.7,
            list_level_indent_mm: 6.35,
            body_space_after_pt: 6.0,
            body_line_exact_pt: 18.0,
            size_table_half_pt: 26,
            size_table_dense_half_pt: 22,
            table_cell_margin_mm: 1.0,
            table_border_eighth_pt: 4,
            table_text_column_max_share: 0.45,
            table_blank_text_share: 0.25,
            table_blank_other_share: 0.13,
            closing_left_share: 0.55,
            size_copies_label_half_pt: 24,
            copies_label_italic: false,
            size_copies_half_pt: 22,
            size_signer_half_pt: 28,
            signature_blank_lines: 4,
            signatures_per_row: 2,
            size_page_number_half_pt: 28,
            party_name: "ĐẢNG CỘNG SẢN VIỆT NAM".to_owned(),
            star: "*".to_owned(),
            number_prefix: "Số".to_owned(),
            to_label: "Kính gửi:".to_owned(),
            copies_label: "Nơi nhận:".to_owned(),
            draft_mark: "DỰ THẢO".to_owned(),
            dotted_blank: "…………………………".to_owned(),
            subject_prefix: "V/v".to_owned(),
            on_behalf: "T/M".to_owned(),
            archive_label: "Lưu:".to_owned(),
            as_article_label: "Như Điều".to_owned(),
            for_information_label: "(báo cáo)".to_owned(),
        }
    }
}

/// Twentieths of a point per millimetre (1 in = 25.4 mm = 1440 twips).
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

/// Millimetres to twips, rounded (20 mm → 1134).
pub fn mm_to_twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Points to twips (6 pt → 120).
pub fn pt_to_twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

impl Layout {
    /// Width between the margins, in twips.
    pub fn text_width_twips(&self) -> i32 {
        mm_to_twips(self.page_width_mm - self.margin_left_mm - self.margin_right_mm)
    }

    /// Splits the text width into two columns by `left_share`.
    pub fn two_columns(&self, left_share: f32) -> [usize; 2] {
        split_columns(self.text_width_twips(), left_share)
    }

    /// The header block's two columns: the text width plus the part of the
    /// left margin it reaches into.
    pub fn header_columns(&self) -> [usize; 2] {
        let total = self.text_width_twips() + mm_to_twips(self.header_extend_left_mm);
        split_columns(total, self.header_left_share)
    }
}

/// `total` twips split into two columns, the left one `left_share` of it.
fn split_columns(total: i32, left_share: f32) -> [usize; 2] {
    let total = total.max(0);
    let left = ((total as f32) * left_share.clamp(0.0, 1.0)).round() as i32;
    [left.max(0) as usize, (total - left).max(0) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_convert_to_word_twips() {
        assert_eq!(mm_to_twips(20.0), 1134);
        assert_eq!(mm_to_twips(30.0), 1701);
        assert_eq!(mm_to_twips(15.0), 850);
        assert_eq!(mm_to_twips(210.0), 11906);
        assert_eq!(mm_to_twips(297.0), 16838);
    }

    #[test]
    fn columns_fill_the_text_width() {
        let l = Layout::default();
        let [a, b] = l.two_columns(l.closing_left_share);
        assert_eq!((a + b) as i32, l.text_width_twips());
        assert!(a > b, "the copies list is wider than the signature");
        let [c, d] = l.header_columns();
        let extra = mm_to_twips(l.header_extend_left_mm);
        assert_eq!((c + d) as i32, l.text_width_twips() + extra);
    }
}
