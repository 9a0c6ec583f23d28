//! A filled branch report form (or a filled report) → what the branch
//! reported. The tables are found by their column headings and row labels,
//! the same `domain::forms` labels the form is built from: a label changed
//! there changes the form and its reading together.
//!
//! `locate` finds the tables, `read`, `members` and `attendance` read
//! their cells, `statistics` checks the typed counts against the member
//! list, `cells` parses a cell's text, `errors` words what went wrong,
//! `roster` matches the names with the branch's roster, `prose` and
//! `typed` read what was typed outside the tables.

mod attendance;
mod cells;
mod errors;
mod locate;
mod members;
pub mod prose;
mod read;
mod roster;
mod statistics;
#[cfg(test)]
mod tests;
mod typed;

pub use typed::unplaced_text;

pub use cells::{RatingCell, RoleCell, key, parse_date, parse_rating, parse_role};

use super::docx_read;
use crate::cycle::raw::Results as ResultsFile;
use crate::diagnostic::Diagnostic;
use errors::unreadable;
use locate::Tables;

/// What one form holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledForm {
    /// `Mã chi bộ`.
    pub branch: String,
    /// `Tên chi bộ`.
    pub branch_name: String,
    /// `Năm`.
    pub year: i32,
    /// The results, when every cell could be read (no error below).
    pub results: Option<ResultsFile>,
    /// The member table's row (from 1) of each of `results.members`.
    pub member_rows: Vec<usize>,
    /// Cells that could not be read (errors) and guesses made (warnings);
    /// their place names no file (the caller knows it).
    pub diagnostics: Vec<Diagnostic>,
    /// The body as read, for what was typed outside the tables
    /// ([`FilledForm::read_typed`]).
    pub blocks: Vec<docx_read::Block>,
    /// Paragraphs typed outside the sections to write in: the heading they
    /// are under, and the text (set by [`FilledForm::read_typed`]).
    pub unplaced: Vec<(String, String)>,
}

/// Reads a filled form from the bytes of a DOCX. Never panics; `Err` when
/// the bytes are not one of our forms (the diagnostic's place names no
/// file). A cell that cannot be read is a diagnostic of the form instead.
pub fn read_form(bytes: &[u8]) -> Result<FilledForm, Diagnostic> {
    let body = docx_read::body(bytes).map_err(unreadable)?;
    let tables = Tables::find(&body.tables)?;
    let mut form = tables.read();
    form.blocks = body.blocks;
    Ok(form)
}
