//! Whole builds through `pipeline::build` (in process, into a temp dir): the
//! example (15 documents) and a synthetic cycle of 20 branches × 30
//! members (43 documents); and `pipeline::check` on the same cycles, which
//! renders the Markdown only (no DOCX). Whole-process figures, check
//! against build at 1,000 branches: benches/scale.sh.
//!
//! ```sh
//! cargo bench --bench build
//! ```

#[path = "support/synth.rs"]
mod synth;

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use indicatif::ProgressBar;
use vanban::pipeline::{self, Options};

fn build_once(cycle: &Path, out: &Path) -> usize {
    let outcome = pipeline::build(cycle, out, &ProgressBar::hidden(), Options::default());
    assert!(!outcome.has_errors(), "the build has no error");
    outcome.written.len()
}

fn build(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quang-binh-2022");
    let synthetic = tmp.path().join("synthetic-20x30");
    let spec = synth::Spec {
        branches: 20,
        members: 30,
        seed: 1,
        roster: true,
    };
    synth::write_cycle(&synthetic, spec).expect("generated");

    let mut group = c.benchmark_group("build");
    for (name, cycle) in [("example", &example), ("synthetic-20x30", &synthetic)] {
        let out = tmp.path().join(format!("out-{name}"));
        let documents = build_once(cycle, &out) / 2;
        group.throughput(Throughput::Elements(documents as u64));
        group.bench_function(name, |b| b.iter(|| build_once(cycle, &out)));
        group.bench_function(format!("{name}/check"), |b| b.iter(|| check_once(cycle)));
    }
    group.finish();
}

fn check_once(cycle: &Path) -> usize {
    let outcome = pipeline::check(cycle);
    assert!(!outcome.has_errors(), "the check finds no error");
    outcome.diagnostics.len()
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = build
}
criterion_main!(benches);
