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

use crate::cycle::{Branch, Cycle};
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

/// One document of a build, not yet rendered: its kind and, for a
/// branch's documents, the branch. Cheap: a build lists every job first,
/// then renders them (in parallel), so no build holds every document.
#[derive(Debug, Clone, Copy)]
pub enum Job<'c> {
    Directive,
    BranchReport(&'c Branch),
    ReviewMinutes(&'c Branch),
    /// One member's self-review form: the branch and the roster row.
    SelfReview(&'c Branch, usize),
    VoteMinutes,
    /// The consolidated report: it needs every branch's results, or
    /// `partial` (then it is a draft).
    Consolidated {
        partial: bool,
    },
}

/// Every document the cycle may give, in output order.
pub fn jobs(cycle: &Cycle, partial: bool) -> Vec<Job<'_>> {
    let rosters: usize = cycle.branches.iter().map(|b| b.roster.len()).sum();
    let mut jobs = Vec::with_capacity(2 * cycle.branches.len() + rosters + 3);
    jobs.push(Job::Directive);
    for branch in &cycle.branches {
        jobs.push(Job::BranchReport(branch));
        jobs.push(Job::ReviewMinutes(branch));
        jobs.extend((0..branch.roster.len()).map(|row| Job::SelfReview(branch, row)));
    }
    jobs.push(Job::VoteMinutes);
    jobs.push(Job::Consolidated { partial });
    jobs
}

impl Job<'_> {
    /// Renders the document; `None` when the data gives none (no votes, or
    /// not every branch's results for the consolidated report).
    pub fn render(
        self,
        cycle: &Cycle,
        engine: &Engine,
        layout: &Layout,
    ) -> Result<Option<Output>, Diagnostic> {
        let in_branch =
            |branch: &Branch, name: &str| PathBuf::from("chi-bo").join(&branch.id).join(name);
        let (stem, document) = match self {
            Job::Directive => (
                PathBuf::from("cong-van"),
                kinds::directive::render(cycle, engine, layout)?,
            ),
            Job::BranchReport(branch) => (
                in_branch(branch, "bao-cao"),
                kinds::branch_report::render(cycle, branch, engine, layout)?,
            ),
            Job::ReviewMinutes(branch) => (
                in_branch(branch, "bien-ban-kiem-diem"),
                kinds::review_minutes::render(cycle, branch, engine, layout)?,
            ),
            Job::SelfReview(branch, row) => {
                let Some(entry) = branch.roster.get(row) else {
                    return Ok(None);
                };
                (
                    kinds::self_review::stem(branch, row, entry),
                    kinds::self_review::render(cycle, branch, entry, engine)?,
                )
            }
            Job::VoteMinutes => match kinds::vote_minutes::render(cycle, engine, layout)? {
                Some(document) => (PathBuf::from("bien-ban-kiem-phieu"), document),
                None => return Ok(None),
            },
            Job::Consolidated { partial } => {
                match kinds::consolidated::render(cycle, engine, layout, partial)? {
                    Some(document) => (PathBuf::from(kinds::consolidated::STEM), document),
                    None => return Ok(None),
                }
            }
        };
        Ok(Some(Output { stem, document }))
    }
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
