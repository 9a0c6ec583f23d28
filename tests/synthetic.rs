//! A generated cycle (benches/support/synth.rs) passes every rule: the
//! benchmarks and scale figures measure valid builds.

mod common;

#[path = "../benches/support/synth.rs"]
mod synth;

#[test]
fn a_small_synthetic_cycle_checks_without_errors() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("cycle");
    let spec = synth::Spec {
        branches: 5,
        members: 10,
        seed: 7,
        roster: true,
    };
    synth::write_cycle(&dir, spec).expect("written");
    let run = common::vanban(&["check", dir.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "check failed: {stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
    assert!(stderr.contains("0 lỗi"), "{stderr}");
    // The only warnings are the example header's own dates (a Saturday).
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning["))
        .collect();
    assert!(
        warnings
            .iter()
            .all(|w| w.starts_with("warning[non-working-day]")),
        "{stderr}"
    );
}

#[test]
fn the_same_seed_gives_the_same_cycle() {
    let spec = synth::Spec {
        branches: 3,
        members: 8,
        seed: 42,
        roster: true,
    };
    let (a, b) = (synth::generate(spec).files, synth::generate(spec).files);
    assert_eq!(a, b);
    let other = synth::generate(synth::Spec { seed: 43, ..spec }).files;
    assert_ne!(a, other);
}
