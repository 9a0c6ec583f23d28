//! A filled branch report form (or a filled report) → what the branch
//! reported. The tables are found by their column headings and row labels,
//! the same `domain::forms` labels the form is built from: a label changed
//! there changes the form and its reading together.
//!
//! `locate` finds the tables, `read`, `members` and `attendance` read
//! their cells, `statistics` checks the typed counts against the member
//! list, `cells` parses a cell's text, `errors` words what went wrong.

mod attendance;
mod cells;
mod errors;
mod locate;
mod members;
mod read;
mod statistics;
#[cfg(test)]
mod tests;

pub use cells::{RatingCell, key, parse_date, parse_rating, parse_role};

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
    /// Cells that could not be read (errors) and guesses made (warnings);
    /// their place names no file (the caller knows it).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a filled form from the bytes of a DOCX. Never panics; `Err` when
/// the bytes are not one of our forms (the diagnostic's place names no
/// file). A cell that cannot be read is a diagnostic of the form instead.
pub fn read_form(bytes: &[u8]) -> Result<FilledForm, Diagnostic> {
    let grids = docx_read::tables(bytes).map_err(unreadable)?;
    let tables = Tables::find(&grids)?;
    Ok(tables.read())
}
