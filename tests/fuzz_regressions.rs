//! Inputs the fuzzers (`fuzz/`) found, kept so they stay harmless.

use std::path::Path;

fn regression(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `docx_read`, 2026-11-26: a DOCX of the example build with a few bytes
/// changed inside the stored `word/document.xml`, so its checksum fails.
/// docx-rs 0.4.22's `read_docx` panics on it (reader/read_zip.rs unwraps
/// the read); vanban's reader must report it.
#[test]
fn a_docx_entry_with_a_wrong_checksum_is_an_error() {
    let bytes = regression("docx_read-crc-mismatch.docx");
    let err = vanban::collect::docx_read::tables(&bytes).expect_err("damaged archive");
    assert!(
        matches!(&err, vanban::collect::docx_read::ReadError::Corrupt(why) if why.contains("checksum")),
        "{err:?}"
    );
    assert!(vanban::collect::read_form(&bytes).is_err());
}
