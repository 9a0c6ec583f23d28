//! Writes a synthetic cycle: N branches of M members, deterministic from a
//! seed, that passes every rule (see `benches/support/synth.rs`).
//!
//! ```sh
//! cargo run --release --example gen_cycle -- --branches 1000 --members 30 --seed 1 -o /tmp/c1000
//! ```

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_cycle --branches N --members M [--seed S] [--no-roster] -o DIR";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_cycle: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let (mut branches, mut members, mut seed, mut out) = (None, None, 1u64, None);
    let mut roster = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--branches" | "-n" => branches = Some(number(&value()?)?),
            "--members" | "-m" => members = Some(number(&value()?)?),
            "--seed" | "-s" => seed = number(&value()?)?,
            "-o" | "--out" => out = Some(PathBuf::from(value()?)),
            "--no-roster" => roster = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let spec = synth::Spec {
        branches: branches.ok_or("--branches is required")? as usize,
        members: members.ok_or("--members is required")? as usize,
        seed,
        roster,
    };
    let out = out.ok_or("-o DIR is required")?;
    synth::write_cycle(&out, spec).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "{}: {} chi bộ × {} đảng viên (seed {})",
        out.display(),
        spec.branches,
        spec.members,
        spec.seed
    );
    Ok(())
}

fn number(text: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("not a number: {text}"))
}
