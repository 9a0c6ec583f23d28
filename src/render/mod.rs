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

/// One document of a build, not yet rendered: its kind and, for a
/// branch's documents, the branch. Cheap: a build lists every job first,
/// then renders them (in parallel), so no build holds every document.
#[derive(Debug, Clone, Copy)]
pub enum Job<'c> {
    Directive,
    BranchReport(&'c Branch),
    ReviewMinutes(&'c Branch),
    /// The branch meeting's rating ballot.
    RatingBallot(&'c Branch),
    /// One member's self-review form: the branch and the roster row.
    SelfReview(&'c Branch, usize),
    VoteMinutes,
    /// The confidence-vote ballot.
    VoteBallot,
    /// The committee's decision recognising the ratings, with its lists: like the
    /// consolidated report, it needs every branch's results, or `partial`.
    Decision {
        partial: bool,
    },
    /// The consolidated report: it needs every branch's results, or
    /// `partial` (then it is a draft).
    Consolidated {
        partial: bool,
    },
}

/// Every document the cycle may give, in output order.
pub fn jobs(cycle: &Cycle, partial: bool) -> Vec<Job<'_>> {
    let rosters: usize = cycle.branches.iter().map(|b| b.roster.len()).sum();
    let mut jobs = Vec::with_capacity(3 * cycle.branches.len() + rosters + 5);
    jobs.push(Job::Directive);
    for branch in &cycle.branches {
        jobs.push(Job::BranchReport(branch));
        jobs.push(Job::ReviewMinutes(branch));
        jobs.push(Job::RatingBallot(branch));
        jobs.extend((0..branch.roster.len()).map(|row| Job::SelfReview(branch, row)));
    }
    jobs.push(Job::VoteMinutes);
    jobs.push(Job::VoteBallot);
    jobs.push(Job::Consolidated { partial });
    jobs.push(Job::Decision { partial });
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
            Job::RatingBallot(branch) => (
                in_branch(branch, kinds::rating_ballot::NAME),
                kinds::rating_ballot::render(cycle, branch, engine)?,
            ),
            Job::VoteBallot => match kinds::vote_ballot::render(cycle, engine)? {
                Some(document) => (PathBuf::from(kinds::vote_ballot::STEM), document),
                None => return Ok(None),
            },
            Job::Decision { partial } => {
                match kinds::decision::render(cycle, engine, layout, partial)? {
                    Some(document) => (PathBuf::from(kinds::decision::STEM), document),
                    None => return Ok(None),
                }
            }
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

/// The job indexes, the longest first (the consolidated report, then the
/// vote-count minutes), the others in order: a parallel build then never
/// waits at its end for the one big document.
pub fn longest_first(jobs: &[Job<'_>]) -> Vec<usize> {
    let rank = |job: &Job<'_>| match job {
        Job::Consolidated { .. } => 0,
        Job::VoteMinutes => 1,
        _ => 2,
    };
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| jobs.get(i).map_or(2, rank));
    order
}

/// The report form of `branch` as DOCX bytes, as the build sends it (the
/// cycle's own templates, no results): `collect` compares a returned form
/// with it to find what the branch typed.
pub fn blank_report_form(cycle: &Cycle, branch: &Branch) -> Result<Vec<u8>, Diagnostic> {
    report_docx(cycle, branch, kinds::branch_report::render_form)
}

/// The report of `branch` filled from the cycle's results, as DOCX bytes:
/// what a filled report sent back to `collect` prints of itself.
pub fn filled_report(cycle: &Cycle, branch: &Branch) -> Result<Vec<u8>, Diagnostic> {
    report_docx(cycle, branch, kinds::branch_report::render)
}

type RenderReport = fn(&Cycle, &Branch, &Engine, &Layout) -> Result<Document, Diagnostic>;

fn report_docx(
    cycle: &Cycle,
    branch: &Branch,
    render: RenderReport,
) -> Result<Vec<u8>, Diagnostic> {
    let engine = Engine::new(&cycle.dir)?;
    let layout = Layout::default();
    let output = Output {
        stem: PathBuf::from("chi-bo").join(&branch.id).join("bao-cao"),
        document: render(cycle, branch, &engine, &layout)?,
    };
    docx_file(&output, &layout)
}

/// The document's Markdown file (all `check` needs: the text rules read it).
pub fn markdown(output: &Output, layout: &Layout) -> Result<String, Diagnostic> {
    markdown::write(&output.document, layout).map_err(|e| write_failed(output, &e))
}

/// The bytes of the document's DOCX file (its main part streamed: see
/// [`docx::write_docx`]).
pub fn docx_file(output: &Output, layout: &Layout) -> Result<Vec<u8>, Diagnostic> {
    docx::write_docx(&output.document, layout).map_err(|e| write_failed(output, &e))
}

fn write_failed(output: &Output, detail: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::TemplateError,
        Place::file(&output.stem),
        Message::new(
            format!("không tạo được văn bản: {detail}"),
            format!("cannot write the document: {detail}"),
        ),
    )
}
