//! The zip container of a DOCX, written here (the zip crate only reads,
//! in `collect`). Each thread deflates with one compressor, reset between
//! parts: made anew for every part, its 300 KB of state was allocated and
//! faulted into memory once per document, and with 33,000 documents the
//! kernel's page faults and unmaps took as long as the rest of the build.
//! The archive is gathered in memory and never seeks back.
//!
//! Every entry is deflated, with no extra field, the zip format's zero time
//! (1980-01-01 00:00) and Unix permissions 0644: the same parts in the same
//! order give the same bytes. Sizes are 32-bit (no zip64): a part over
//! 4 GiB is an error, not a broken file.

use std::cell::RefCell;
use std::io::{self, Write};

use flate2::{Compress, Compression, FlushCompress, Status};

/// The compressor's deflate level.
pub type Level = u32;

/// A part already deflated (the constant parts, made once per process).
#[derive(Debug, Clone)]
pub struct Deflated {
    name: String,
    crc: u32,
    size: u32,
    data: Vec<u8>,
}

impl Deflated {
    pub fn new(name: &str, text: &[u8], level: Level) -> io::Result<Deflated> {
        let mut data = Vec::new();
        let (crc, size) = with_compressor(level, |compress| {
            let mut sink = Sink::new(compress, &mut data);
            sink.write_all(text)?;
            sink.finish()
        })?;
        Ok(Deflated {
            name: name.to_owned(),
            crc,
            size,
            data,
        })
    }
}

/// A zip archive being written into memory.
#[derive(Debug, Default)]
pub struct Archive {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl Archive {
    pub fn with_capacity(bytes: usize) -> Archive {
        Archive {
            bytes: Vec::with_capacity(bytes),
            ..Archive::default()
        }
    }

    /// Adds a part deflated earlier, as it is.
    pub fn add_deflated(&mut self, part: &Deflated) -> io::Result<()> {
        let header = self.local_header(&part.name)?;
        self.bytes.extend_from_slice(&part.data);
        self.close_entry(header, &part.name, part.crc, part.size)
    }

    /// Adds the part `name`, deflated at `level` as `write` writes it.
    pub fn add(
        &mut self,
        name: &str,
        level: Level,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let header = self.local_header(name)?;
        let bytes = &mut self.bytes;
        let (crc, size) = with_compressor(level, |compress| {
            let mut sink = Sink::new(compress, bytes);
            write(&mut sink)?;
            sink.finish()
        })?;
        self.close_entry(header, name, crc, size)
    }

    /// The central directory and its end record; the archive's bytes.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        let offset = small(self.bytes.len())?;
        let size = small(self.central.len())?;
        self.bytes.extend_from_slice(&self.central);
        let end = &mut self.bytes;
        put32(end, 0x0605_4b50);
        put16(end, 0); // this disk
        put16(end, 0); // the disk where the directory starts
        put16(end, self.entries);
        put16(end, self.entries);
        put32(end, size);
        put32(end, offset);
        put16(end, 0); // comment length
        Ok(self.bytes)
    }

    /// Writes a local header with the CRC and sizes left zero (filled in
    /// by `close_entry`); returns where it starts.
    fn local_header(&mut self, name: &str) -> io::Result<usize> {
        let start = self.bytes.len();
        small(start)?;
        let b = &mut self.bytes;
        put32(b, 0x0403_4b50);
        put16(b, VERSION_NEEDED);
        put16(b, 0); // flags: part names are ASCII
        put16(b, DEFLATED);
        put16(b, 0); // time 00:00
        put16(b, DATE_1980);
        b.extend_from_slice(&[0; 12]); // CRC, compressed size, size
        put16(b, name_length(name)?);
        put16(b, 0); // extra field length
        b.extend_from_slice(name.as_bytes());
        Ok(start)
    }

    /// Fills in the local header at `header` and records the entry in the
    /// central directory.
    fn close_entry(&mut self, header: usize, name: &str, crc: u32, size: u32) -> io::Result<()> {
        let data_start = header + 30 + name.len();
        let compressed = small(self.bytes.len() - data_start)?;
        let mut fields = [0u8; 12];
        fields[..4].copy_from_slice(&crc.to_le_bytes());
        fields[4..8].copy_from_slice(&compressed.to_le_bytes());
        fields[8..].copy_from_slice(&size.to_le_bytes());
        // The header was written above: bytes 14..26 are its CRC and sizes.
        self.bytes[header + 14..header + 26].copy_from_slice(&fields);
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, VERSION_MADE_BY_UNIX);
        put16(c, VERSION_NEEDED);
        put16(c, 0);
        put16(c, DEFLATED);
        put16(c, 0);
        put16(c, DATE_1980);
        c.extend_from_slice(&fields);
        put16(c, name_length(name)?);
        put16(c, 0); // extra field length
        put16(c, 0); // comment length
        put16(c, 0); // disk
        put16(c, 0); // internal attributes
        put32(c, 0o100_644 << 16); // a regular file, rw-r--r--
        put32(c, small(header)?);
        c.extend_from_slice(name.as_bytes());
        self.entries = self
            .entries
            .checked_add(1)
            .ok_or_else(|| too_big("entries"))?;
        Ok(())
    }
}

const VERSION_NEEDED: u16 = 20;
/// Unix (3) in the high byte, zip 2.0.
const VERSION_MADE_BY_UNIX: u16 = (3 << 8) | 20;
const DEFLATED: u16 = 8;
/// 1980-01-01 in MS-DOS date form: (year − 1980) << 9 | month << 5 | day.
const DATE_1980: u16 = (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// An offset or size as the 32-bit field holds it.
fn small(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_big("4 GiB"))
}

fn name_length(name: &str) -> io::Result<u16> {
    u16::try_from(name.len()).map_err(|_| too_big("name"))
}

fn too_big(what: &str) -> io::Error {
    io::Error::other(format!(
        "vượt giới hạn 4 GiB của tệp zip (không dùng zip64): {what}"
    ))
}

thread_local! {
    /// This thread's compressor and its level, kept between parts.
    static COMPRESSOR: RefCell<Option<(Level, Compress)>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's compressor at `level`, reset for a new
/// stream. A compressor left mid-stream by an error is dropped.
fn with_compressor<T>(
    level: Level,
    f: impl FnOnce(&mut Compress) -> io::Result<T>,
) -> io::Result<T> {
    let kept = COMPRESSOR.with(|slot| slot.borrow_mut().take());
    let mut compress = match kept {
        Some((kept_level, mut compress)) if kept_level == level => {
            compress.reset();
            compress
        }
        _ => Compress::new(Compression::new(level), false),
    };
    let result = f(&mut compress)?;
    COMPRESSOR.with(|slot| *slot.borrow_mut() = Some((level, compress)));
    Ok(result)
}

/// Deflates what is written into `out`, counting its CRC and size.
struct Sink<'a> {
    compress: &'a mut Compress,
    out: &'a mut Vec<u8>,
    crc: crc32fast::Hasher,
    size: u64,
}

impl<'a> Sink<'a> {
    fn new(compress: &'a mut Compress, out: &'a mut Vec<u8>) -> Sink<'a> {
        Sink {
            compress,
            out,
            crc: crc32fast::Hasher::new(),
            size: 0,
        }
    }

    /// Ends the stream; the CRC and size of what was written.
    fn finish(mut self) -> io::Result<(u32, u32)> {
        self.deflate(&[], FlushCompress::Finish)?;
        let size = u32::try_from(self.size).map_err(|_| too_big("4 GiB"))?;
        Ok((self.crc.finalize(), size))
    }

    fn deflate(&mut self, mut input: &[u8], flush: FlushCompress) -> io::Result<()> {
        loop {
            // Room for the output: deflate never grows text by much.
            self.out.reserve(input.len() / 2 + 1024);
            let before = self.compress.total_in();
            let status = self
                .compress
                .compress_vec(input, self.out, flush)
                .map_err(io::Error::other)?;
            let used = usize::try_from(self.compress.total_in() - before).unwrap_or(input.len());
            input = input.get(used..).unwrap_or_default();
            let done = match flush {
                FlushCompress::Finish => status == Status::StreamEnd,
                _ => input.is_empty(),
            };
            if done {
                return Ok(());
            }
        }
    }
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.deflate(buf, FlushCompress::None)?;
        self.crc.update(buf);
        self.size += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    /// Written here, read back by the zip crate (the reader `collect`
    /// uses): names, order, contents, CRCs (checked as it reads) all hold.
    #[test]
    fn archives_read_back_with_the_zip_crate() {
        let constant = Deflated::new("a/constant.xml", b"<x>constant</x>", 1).expect("deflated");
        let long: String = (0..20_000).map(|i| format!("<w:t>{i}</w:t>")).collect();
        let bytes = (0..2)
            .map(|_| {
                let mut archive = Archive::default();
                archive.add_deflated(&constant).expect("added");
                archive
                    .add("word/document.xml", 1, |w| {
                        // Many small writes, as the XML sink makes them.
                        for chunk in long.as_bytes().chunks(1000) {
                            w.write_all(chunk)?;
                        }
                        Ok(())
                    })
                    .expect("added");
                archive.add("empty.xml", 1, |_| Ok(())).expect("added");
                archive.finish().expect("finished")
            })
            .collect::<Vec<_>>();
        assert_eq!(bytes[0], bytes[1], "the same parts give the same bytes");
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[0])).expect("a zip");
        let names: Vec<&str> = zip.file_names().collect();
        assert_eq!(names, ["a/constant.xml", "word/document.xml", "empty.xml"]);
        for (name, want) in [
            ("a/constant.xml", "<x>constant</x>"),
            ("word/document.xml", long.as_str()),
            ("empty.xml", ""),
        ] {
            let mut file = zip.by_name(name).expect(name);
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            let mut text = String::new();
            file.read_to_string(&mut text).expect("CRC and data intact");
            assert_eq!(text, want, "{name}");
        }
        assert!(bytes[0].len() < long.len() / 3, "compressed");
    }
}
