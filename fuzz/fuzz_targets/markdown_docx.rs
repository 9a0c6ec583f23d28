//! Arbitrary text as a document body through both writers (DOCX, Markdown).
//! Either may refuse the body (an unknown `vanban:table`); neither may panic.

#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use vanban::render::document::{Closing, Document, Header, Signature, Title};
use vanban::render::layout::Layout;

fn document(body: String) -> Document {
    Document {
        header: Header {
            superior: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH".to_owned(),
            issuer: "ĐẢNG ỦY VĂN PHÒNG UBND TỈNH".to_owned(),
            number: "94-BC/ĐUVP".to_owned(),
            place_date: "Quảng Bình, ngày 12 tháng 11 năm 2022".to_owned(),
            subject: None,
            form_label: None,
        },
        title: Some(Title {
            kind: "BÁO CÁO".to_owned(),
            subject: "kiểm điểm".to_owned(),
        }),
        to: Vec::new(),
        body,
        tables: BTreeMap::new(),
        closing: Closing::Signed {
            copies: vec!["Lưu: VPĐU".to_owned()],
            signer: Signature {
                authority: "T/M ĐẢNG ỦY".to_owned(),
                title: "BÍ THƯ".to_owned(),
                name: "Nguyễn Văn A".to_owned(),
            },
        },
        draft: false,
    }
}

fuzz_target!(|data: &[u8]| {
    let doc = document(String::from_utf8_lossy(data).into_owned());
    let layout = Layout::default();
    let _ = vanban::render::docx::write_docx(&doc, &layout);
    let _ = vanban::render::markdown::write(&doc, &layout);
});
