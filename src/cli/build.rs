//! `vanban build [CYCLE] -o OUT`: check, then write every document.

use super::Common;
use std::path::Path;

pub fn run(_cycle: Option<&Path>, _out: &Path, _common: Common) -> u8 {
    2
}
