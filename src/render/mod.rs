//! Rendering: typed context → Tera template (Markdown body) → `Document`
//! (metadata + body) → the Markdown and DOCX writers.

pub mod document;
pub mod docx;
pub mod escape;
pub mod kinds;
pub mod layout;
pub mod markdown;
pub mod markdown_parse;
pub mod templates;
pub mod vietnamese;

use crate::cycle::Cycle;
use crate::diagnostic::{Code, Diagnostic, Message, Place};
use document::Document;
use layout::Layout;
use std::path::PathBuf;
use templates::Engine;

/// One document of a build and where it goes (without extension).
pub struct Output {
    /// `cong-van`, `chi-bo/tong-hop/bao-cao`, …
    pub stem: PathBuf,
    pub document: Document,
}

/// The two files of one document.
pub struct Files {
    pub markdown: String,
    pub docx: Vec<u8>,
}

/// Every document the cycle's data allows. The consolidated report needs
/// every branch's results, or `partial` (then it is a draft).
pub fn documents(
    cycle: &Cycle,
    engine: &Engine,
    layout: &Layout,
    partial: bool,
) -> Result<Vec<Output>, Diagnostic> {
    let mut out = vec![Output {
        stem: PathBuf::from("cong-van"),
        document: kinds::directive::render(cycle, engine, layout)?,
    }];
    for branch in &cycle.branches {
        let dir = PathBuf::from("chi-bo").join(&branch.id);
        out.push(Output {
            stem: dir.join("bao-cao"),
            document: kinds::branch_report::render(cycle, branch, engine, layout)?,
        });
        out.push(Output {
            stem: dir.join("bien-ban-kiem-diem"),
            document: kinds::review_minutes::render(cycle, branch, engine, layout)?,
        });
    }
    if let Some(document) = kinds::vote_minutes::render(cycle, engine, layout)? {
        out.push(Output {
            stem: PathBuf::from("bien-ban-kiem-phieu"),
            document,
        });
    }
    if let Some(document) = kinds::consolidated::render(cycle, engine, layout, partial)? {
        out.push(Output {
            stem: PathBuf::from(kinds::consolidated::STEM),
            document,
        });
    }
    Ok(out)
}

/// Writes one document in both formats.
pub fn files(output: &Output, layout: &Layout) -> Result<Files, Diagnostic> {
    let failed = |detail: String| {
        Diagnostic::error(
            Code::TemplateError,
            Place::file(&output.stem),
            Message::new(
                format!("không tạo được văn bản: {detail}"),
                format!("cannot write the document: {detail}"),
            ),
        )
    };
    let markdown = markdown::write(&output.document, layout).map_err(|e| failed(e.to_string()))?;
    let docx = docx::write_docx(&output.document, layout).map_err(|e| failed(e.to_string()))?;
    Ok(Files { markdown, docx })
}
