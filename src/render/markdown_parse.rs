//! Markdown parsing options shared by the DOCX and Markdown writers, so both
//! read a body the same way.

use pulldown_cmark::Options;

/// The pulldown-cmark options for document bodies: GitHub tables, nothing else.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
}
