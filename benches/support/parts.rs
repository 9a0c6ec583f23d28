//! Every part of a DOCX package, for the benches that zip them again.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// Every part of a DOCX package: (name, bytes), in archive order.
pub fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(Cursor::new(docx)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("an entry");
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("readable");
            (file.name().to_owned(), bytes)
        })
        .collect()
}
