//! The stage that writes a cycle rather than reading one: `new-cycle`
//! (next year's cycle from last year's) and `init` (a starter cycle).

pub mod init;
pub mod new_cycle;

pub use new_cycle::*;
