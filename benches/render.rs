//! Per-document cost: the directive and a branch report to DOCX through the
//! library, beside the floor — the same DOCX parts written with the `zip`
//! crate alone (stored, and deflated at the level vanban writes them with),
//! in one group.
//!
//! ```sh
//! cargo bench --bench render
//! ```

#[path = "support/parts.rs"]
mod docx_parts;

use std::io::{Cursor, Write};
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use docx_parts::parts;
use vanban::cycle::{self, Cycle};
use vanban::render::{docx, kinds, layout::Layout, markdown, templates::Engine};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn example() -> Cycle {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quang-binh-2022");
    match cycle::load(&dir) {
        Ok(loaded) => loaded.cycle,
        Err(_) => panic!("the example cycle loads"),
    }
}

/// The floor: the parts zipped with nothing else done.
fn zip_parts(parts: &[(String, Vec<u8>)], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(128 * 1024)));
    let level = match method {
        CompressionMethod::Deflated => Some(1),
        _ => None,
    };
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(level)
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).expect("entry");
        zip.write_all(bytes).expect("written");
    }
    zip.finish().expect("finished").into_inner()
}

fn render(c: &mut Criterion) {
    let cycle = example();
    let layout = Layout::default();
    let engine = Engine::new(&cycle.dir).expect("templates parse");
    let directive = kinds::directive::render(&cycle, &engine, &layout).expect("renders");
    let directive_docx = docx::write_docx(&directive, &layout).expect("writes");
    let directive_parts = parts(&directive_docx);
    let xml: usize = directive_parts.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "directive: {} parts, {xml} bytes of XML, DOCX {} bytes as written, {} stored",
        directive_parts.len(),
        directive_docx.len(),
        zip_parts(&directive_parts, CompressionMethod::Stored).len()
    );

    let mut group = c.benchmark_group("directive");
    group.throughput(Throughput::Elements(1));
    group.bench_function("render+docx", |b| {
        b.iter(|| {
            let doc = kinds::directive::render(&cycle, &engine, &layout).expect("renders");
            docx::write_docx(&doc, &layout).expect("writes")
        })
    });
    group.bench_function("render+md+docx", |b| {
        b.iter(|| {
            let doc = kinds::directive::render(&cycle, &engine, &layout).expect("renders");
            let md = markdown::write(&doc, &layout).expect("writes");
            (md, docx::write_docx(&doc, &layout).expect("writes"))
        })
    });
    group.bench_function("docx-only", |b| {
        b.iter(|| docx::write_docx(&directive, &layout).expect("writes"))
    });
    group.bench_function("zip-floor-stored", |b| {
        b.iter(|| zip_parts(&directive_parts, CompressionMethod::Stored))
    });
    group.bench_function("zip-floor-deflate", |b| {
        b.iter(|| zip_parts(&directive_parts, CompressionMethod::Deflated))
    });
    group.finish();

    let branch = cycle.branches.first().expect("a branch");
    let mut group = c.benchmark_group("branch-report");
    group.throughput(Throughput::Elements(1));
    group.bench_function("render+docx", |b| {
        b.iter(|| {
            let doc =
                kinds::branch_report::render(&cycle, branch, &engine, &layout).expect("renders");
            docx::write_docx(&doc, &layout).expect("writes")
        })
    });
    group.bench_function("review-minutes render+docx", |b| {
        b.iter(|| {
            let doc =
                kinds::review_minutes::render(&cycle, branch, &engine, &layout).expect("renders");
            docx::write_docx(&doc, &layout).expect("writes")
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = render
}
criterion_main!(benches);
