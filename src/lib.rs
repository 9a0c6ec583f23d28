//! vanban: Vietnamese Party correspondence from YAML cycle data.
//!
//! The pipeline, one module per stage: `cycle` (load) → `rules` (check) →
//! `render` (context, templates, writers) → `output` (atomic writing);
//! `cli` holds one file per command.

// A `Diagnostic` (code, place, message in two languages) is the error type of
// the whole pipeline. It travels on the cold path only, once per problem, so
// boxing it everywhere would cost clarity for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod annex;
pub mod cli;
pub mod collect;
pub mod cycle;
pub mod diagnostic;
pub mod example;
pub mod output;
pub mod pipeline;
pub mod regulations;
pub mod render;
pub mod rules;
pub mod stats;
