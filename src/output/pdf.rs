//! `build --pdf`: a PDF beside every DOCX, made by LibreOffice headless.
//!
//! One `soffice --convert-to pdf` call per build converts every DOCX of the
//! staging folder (copied flat into a temporary folder under numbered names,
//! since `--outdir` is one folder and branch files share names). It runs with
//! a private user profile in that temporary folder, so a LibreOffice window
//! the clerk has open neither blocks nor receives the conversion. `soffice`
//! exits 0 even when a conversion fails: each PDF is checked to exist.
//!
//! PDFs are outside the byte-identical promise (LibreOffice stamps dates).

use crate::diagnostic::{Code, Diagnostic, Message, Place};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Overrides where LibreOffice is looked for: the path of `soffice`.
pub const ENV_SOFFICE: &str = "VANBAN_SOFFICE";

/// Longest the whole batch may run: LibreOffice's start, then about a
/// second per document (crates.md), with a wide margin.
fn time_limit(files: usize) -> Duration {
    Duration::from_secs(120 + 10 * files as u64)
}

/// The LibreOffice program: `VANBAN_SOFFICE`, else `soffice` on PATH, else
/// where the installers put it on Windows, macOS and Linux.
pub fn find_soffice() -> Result<PathBuf, Diagnostic> {
    if let Some(path) = std::env::var_os(ENV_SOFFICE).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return match path.is_file() {
            true => Ok(path),
            false => Err(not_found(Some(&path))),
        };
    }
    on_path()
        .or_else(|| usual_places().into_iter().find(|p| p.is_file()))
        .ok_or_else(|| not_found(None))
}

fn on_path() -> Option<PathBuf> {
    let names: &[&str] = match cfg!(windows) {
        true => &["soffice.exe", "soffice.com"],
        false => &["soffice", "libreoffice"],
    };
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn usual_places() -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = Vec::new();
    if cfg!(windows) {
        for var in ["ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"] {
            if let Some(dir) = std::env::var_os(var) {
                places.push(PathBuf::from(dir).join(r"LibreOffice\program\soffice.exe"));
            }
        }
        places.push(r"C:\Program Files\LibreOffice\program\soffice.exe".into());
        places.push(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe".into());
    } else if cfg!(target_os = "macos") {
        places.push("/Applications/LibreOffice.app/Contents/MacOS/soffice".into());
        if let Some(home) = std::env::var_os("HOME") {
            places.push(
                PathBuf::from(home).join("Applications/LibreOffice.app/Contents/MacOS/soffice"),
            );
        }
    } else {
        places.push("/usr/lib/libreoffice/program/soffice".into());
        places.push("/opt/libreoffice/program/soffice".into());
        places.push("/snap/bin/libreoffice".into());
    }
    places
}

/// How to install LibreOffice here.
fn install_hint() -> (&'static str, &'static str) {
    if cfg!(windows) {
        (
            "cài LibreOffice (https://www.libreoffice.org/download/) hoặc chạy: winget install TheDocumentFoundation.LibreOffice",
            "install LibreOffice (https://www.libreoffice.org/download/) or run: winget install TheDocumentFoundation.LibreOffice",
        )
    } else if cfg!(target_os = "macos") {
        (
            "cài LibreOffice: brew install --cask libreoffice",
            "install LibreOffice: brew install --cask libreoffice",
        )
    } else {
        (
            "cài LibreOffice: sudo apt-get install -y libreoffice-writer-nogui",
            "install LibreOffice: sudo apt-get install -y libreoffice-writer-nogui",
        )
    }
}

fn not_found(given: Option<&Path>) -> Diagnostic {
    let (vi, en) = install_hint();
    let (place, what_vi, what_en) = match given {
        Some(path) => (
            path.to_path_buf(),
            format!("{ENV_SOFFICE} chỉ tới một tệp không có"),
            format!("{ENV_SOFFICE} names a file that does not exist"),
        ),
        None => (
            PathBuf::from("soffice"),
            "không tìm thấy LibreOffice (soffice), cần để xuất PDF".to_owned(),
            "LibreOffice (soffice) not found; it is needed for PDF output".to_owned(),
        ),
    };
    Diagnostic::error(
        Code::PdfConvert,
        Place::file(&place),
        Message::new(
            format!("{what_vi}; {vi}; không ghi tệp nào"),
            format!("{what_en}; {en}; nothing was written"),
        ),
    )
}

/// Converts the DOCX files `docx` (relative to `root`) to PDF in one
/// LibreOffice run. Returns each PDF's bytes with its path beside its DOCX,
/// in the order given.
pub fn convert(
    soffice: &Path,
    root: &Path,
    docx: &[PathBuf],
) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostic> {
    if docx.is_empty() {
        return Ok(Vec::new());
    }
    let work = tempfile::Builder::new()
        .prefix("vanban-pdf-")
        .tempdir()
        .map_err(|e| failed(root, &format!("{e}")))?;
    let (input, output, profile) = (
        work.path().join("in"),
        work.path().join("out"),
        work.path().join("profile"),
    );
    let mut flat = Vec::with_capacity(docx.len());
    for dir in [&input, &output, &profile] {
        std::fs::create_dir(dir).map_err(|e| failed(dir, &format!("{e}")))?;
    }
    for (i, rel) in docx.iter().enumerate() {
        let copy = input.join(format!("{i:05}.docx"));
        std::fs::copy(root.join(rel), &copy).map_err(|e| failed(rel, &format!("{e}")))?;
        flat.push(copy);
    }
    let mut command = Command::new(soffice);
    command
        .arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&output)
        .args(&flat)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let log = run(command, time_limit(docx.len())).map_err(|e| failed(soffice, &e))?;
    docx.iter()
        .enumerate()
        .map(|(i, rel)| {
            let pdf = output.join(format!("{i:05}.pdf"));
            match std::fs::read(&pdf) {
                Ok(bytes) if bytes.starts_with(b"%PDF") => Ok((rel.with_extension("pdf"), bytes)),
                _ => Err(failed(
                    rel,
                    &format!("LibreOffice did not write the PDF {}", log.trim()),
                )),
            }
        })
        .collect()
}

/// Runs `command` to its end, or kills it after `limit`; returns what it
/// printed on stderr.
fn run(mut command: Command, limit: Duration) -> Result<String, String> {
    let mut child = command.spawn().map_err(|e| e.to_string())?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no answer after {} s", limit.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let mut log = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut err, &mut log);
    }
    match status.success() {
        true => Ok(log),
        false => Err(format!("{status} {}", log.trim())),
    }
}

fn failed(place: &Path, detail: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PdfConvert,
        Place::file(place),
        Message::new(
            format!("LibreOffice không chuyển được sang PDF ({detail}); không ghi tệp nào"),
            format!("LibreOffice could not convert to PDF ({detail}); nothing was written"),
        ),
    )
}

/// `file:///…` for a local folder, as `-env:UserInstallation` takes it, on
/// Windows too (`C:\Temp\x` → `file:///C:/Temp/x`). Bytes outside the
/// unreserved set are percent-encoded.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_portable() {
        assert_eq!(file_url(Path::new("/tmp/a b")), "file:///tmp/a%20b");
        assert_eq!(
            file_url(Path::new(r"C:\Users\Hà\Temp")),
            "file:///C:/Users/H%C3%A0/Temp"
        );
    }
}
