//! Reading a DOCX back from arbitrary bytes with vanban's own reader (what
//! `collect` uses on filled forms): `collect::docx_read::tables` through
//! `collect::read_form`. Damaged or foreign files are errors, never panics.
//!
//! (docx-rs's `read_docx`, the stand-in before `collect` existed, panics on
//! any entry with a wrong checksum — its reader unwraps the read — so it
//! cannot be fuzzed past that; vanban does not use it.)

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vanban::collect::read_form(data);
});
