//! `vanban collect CYCLE FILLED.docx… [--force]`: read filled branch report
//! forms back into `results/<id>.yaml` (the logic is `crate::collect`).

use super::{Common, Format, report};
use crate::collect::{self, foreign::foreign_format};
use crate::diagnostic::{Diagnostic, Lang, exit_code};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The command's own help after the options.
pub const AFTER_HELP: &str = "\
Mỗi mẫu được nhận ra từ ô “Mã chi bộ” và ô “Năm” của bảng thông tin chi bộ, dù tệp
được đặt tên gì (nhiều chi bộ gửi lại cùng tên bao-cao.docx cũng được); mức xếp
loại ghi đầy đủ (Hoàn thành tốt nhiệm vụ), viết tắt (HTTNV) hay chữ thường đều được.
Mức của đảng viên là cột “Chi bộ đề nghị”; để trống thì lấy cột “Tự xếp loại” (có cảnh báo).
Kết quả được kiểm tra như lệnh check rồi mới ghi:
  - một mẫu không đọc được, của chi bộ hay năm khác, hoặc sẽ ghi đè một tệp kết quả đã
    có mà không có --force: không ghi tệp nào (mã thoát 2);
  - kết quả vi phạm quy định (lỗi như check báo): vẫn ghi, vì đó là báo cáo của chi bộ;
    sửa tệp results/<mã-chi-bộ>.yaml rồi chạy lại vanban check (mã thoát 1);
  - các tệp được ghi cùng lúc: hoặc ghi đủ, hoặc không ghi tệp nào.

Ví dụ:
  vanban collect chu-ky-2024 bao-cao-van-phong.docx bao-cao-ngan-sach.docx
  vanban collect chu-ky-2024 bao-cao-van-phong.docx --force   thay kết quả đã có

Mã thoát: 0 đã ghi (có thể có cảnh báo); 1 đã ghi nhưng kết quả vi phạm quy định;
2 không đọc được mẫu hay dữ liệu, hoặc sai dòng lệnh (không ghi gì).";

pub fn run(cycle: &Path, forms: &[PathBuf], force: bool, common: Common) -> u8 {
    // A form saved as PDF, .doc or .odt: say how to save it as DOCX, before
    // anything is read (exit 2, nothing written).
    let foreign: Vec<Diagnostic> = forms.iter().filter_map(|f| foreign_format(f)).collect();
    let outcome = match foreign.is_empty() {
        true => collect::collect(
            cycle,
            forms,
            force,
            &collect::Reports {
                blank: &crate::render::blank_report_form,
                filled: &crate::render::filled_report,
            },
        ),
        false => collect::Collected {
            diagnostics: foreign,
            sources: Default::default(),
            written: Vec::new(),
        },
    };
    let code = exit_code(&outcome.diagnostics);
    if common.format == Format::Json {
        let written: Vec<_> = outcome
            .written
            .iter()
            .map(|(results, docx)| json!({"results": results, "form": docx}))
            .collect();
        report::print_json_value(&json!({
            "written": written,
            "diagnostics": report::json_diagnostics(&outcome.diagnostics, common.lang),
        }));
        return code;
    }
    report::print(&outcome.diagnostics, &outcome.sources, common);
    for (results, docx) in &outcome.written {
        eprintln!("{}", wrote(results, docx, common.lang));
    }
    eprintln!("{}", summary(outcome.written.len(), code, common.lang));
    code
}

fn wrote(results: &Path, docx: &Path, lang: Lang) -> String {
    let (results, docx) = (results.display(), docx.display());
    match lang {
        Lang::Vi => format!("Đã ghi {results} (từ {docx})"),
        Lang::En => format!("Wrote {results} (from {docx})"),
    }
}

fn summary(written: usize, code: u8, lang: Lang) -> String {
    match (lang, written, code) {
        (Lang::Vi, 0, _) => "Không ghi tệp nào.".to_owned(),
        (Lang::En, 0, _) => "No file written.".to_owned(),
        (Lang::Vi, n, 1) => format!(
            "Đã ghi {n} tệp kết quả, nhưng dữ liệu còn lỗi theo quy định (ở trên): sửa rồi chạy vanban check."
        ),
        (Lang::En, n, 1) => format!(
            "Wrote {}, but the data breaks rules (above): fix them and run vanban check.",
            report::count(n, lang, "", "results file")
        ),
        (Lang::Vi, n, _) => format!("Đã ghi {n} tệp kết quả."),
        (Lang::En, n, _) => format!("Wrote {}.", report::count(n, lang, "", "results file")),
    }
}
