//! What every stage needs to know and no stage owns: pure computation on
//! the model. `figures` (tallies, quotas, shares, vote bases and
//! consequences), `calendar` (holidays, working days), `regulations` (which
//! text is in force when), `forms` (the table names and labels a form is
//! written with and read back by), `vietnamese` (number and date formats),
//! `values` (values as clerks write them, read in one place).
//!
//! Nothing here knows the rules, the rendering or the commands.

pub mod calendar;
pub mod figures;
pub mod forms;
pub mod regulations;
pub mod vietnamese;
