//! vanban: Vietnamese Party correspondence from YAML cycle data.
//!
//! The pipeline, one module per stage: `cycle` (load) → `rules` (check) →
//! `render` (context, templates, writers) → `output` (atomic writing);
//! `cli` holds one file per command.

pub mod cli;
pub mod cycle;
pub mod diagnostic;
pub mod pipeline;
pub mod rules;
