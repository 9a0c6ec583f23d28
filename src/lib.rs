//! vanban: Vietnamese Party correspondence from YAML cycle data.
//!
//! The pipeline, one module per stage: `cycle` (load) → `rules` (check) →
//! `render` (context, templates, writers) → `output` (atomic writing);
//! `collect` (filled forms read back) and `roll` (next year's cycle, a
//! starter cycle) are the two other stages; `domain` holds what every stage
//! needs (figures, calendar, regulations, the form contract, Vietnamese
//! formats); `cli` holds one file per command. The arrows between them are
//! those of architecture.md, enforced by `tests/layers.rs`.

// A `Diagnostic` (code, place, message in two languages) is the error type of
// the whole pipeline. It travels on the cold path only, once per problem, so
// boxing it everywhere would cost clarity for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod annex;
pub mod cli;
pub mod collect;
pub mod cycle;
pub mod diagnostic;
pub mod domain;
pub mod example;
pub mod manifest;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod roll;
pub mod rules;
pub mod stats;
