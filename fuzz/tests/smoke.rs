//! The bounded fuzz run `cargo test` does on stable Rust: every entry point on its seeds,
//! then on mutations of them for a few seconds each (`HUIBAO_FUZZ_SECONDS`, default 5;
//! `HUIBAO_FUZZ_SEED` for another sequence; `HUIBAO_FUZZ_TARGETS=report,prose`
//! for some of them; `HUIBAO_FUZZ_TRACE` keeps each input in
//! `target/fuzz-failures/current` before it runs, for a crash that ends the process). A panic fails the test and saves the input
//! under `target/fuzz-failures/`; a case running longer than 30 s (a hang;
//! `HUIBAO_FUZZ_CASE_SECONDS` to change) does too, and ends the run. The long, coverage-guided runs use `libfuzzer/` (see RELIABILITY.md).

use huibao_fuzz::mutate::{mutate, Rng};
use huibao_fuzz::{seeds, TARGETS};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Longest a single input may take by default (a debug build, on a shared machine); a
/// run at low priority on a busy machine needs more (`HUIBAO_FUZZ_CASE_SECONDS`).
const CASE_LIMIT: u64 = 30;
/// Largest input made by mutation.
const MAX_LEN: usize = 64 << 10;

fn failures_dir() -> PathBuf {
    let dir = seeds::repository().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).expect("target/fuzz-failures");
    dir
}

fn save(target: &str, input: &[u8]) -> PathBuf {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in input {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    let path = failures_dir().join(format!("{target}-{hash:016x}"));
    std::fs::write(&path, input).expect("save the failing input");
    path
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn every_entry_point_survives_mutated_inputs() {
    let seconds = env_number("HUIBAO_FUZZ_SECONDS", 5);
    let case_limit = Duration::from_secs(env_number("HUIBAO_FUZZ_CASE_SECONDS", CASE_LIMIT));
    let mut rng = Rng::new(env_number("HUIBAO_FUZZ_SEED", 0x5eed_2022));
    // The watchdog: the start of the running case in ms since `epoch` (0: none running).
    let epoch = Instant::now();
    let running = Arc::new(AtomicU64::new(0));
    let current: Arc<std::sync::Mutex<(String, Vec<u8>)>> = Arc::default();
    {
        let (running, current) = (running.clone(), current.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            let started = running.load(Ordering::SeqCst);
            let now = epoch.elapsed().as_millis() as u64;
            if started != 0 && now.saturating_sub(started) > case_limit.as_millis() as u64 {
                let (target, input) = current.lock().unwrap().clone();
                let path = save(&target, &input);
                eprintln!(
                    "HANG: `{target}` ran longer than {case_limit:?} on {}",
                    path.display()
                );
                std::process::exit(101);
            }
        });
    }
    let trace = std::env::var_os("HUIBAO_FUZZ_TRACE").is_some();
    let mut failed = Vec::new();
    let mut summary = Vec::new();
    let only = std::env::var("HUIBAO_FUZZ_TARGETS").ok();
    for (name, target) in TARGETS {
        match &only {
            Some(o) if !o.split(',').any(|t| t == name) => continue,
            _ => {}
        }
        let seeds = seeds::for_target(name);
        assert!(!seeds.is_empty(), "no seeds for {name}");
        let mut run = |input: &[u8]| {
            *current.lock().unwrap() = (name.to_string(), input.to_vec());
            if trace {
                // A stack overflow aborts the process: keep the input beforehand.
                std::fs::write(failures_dir().join("current"), input).expect("trace");
            }
            running.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
            let outcome = catch_unwind(AssertUnwindSafe(|| target(input)));
            running.store(0, Ordering::SeqCst);
            if outcome.is_err() {
                failed.push(format!("{name}: {}", save(name, input).display()));
            }
        };
        let start = Instant::now();
        let mut cases = 0u64;
        for seed in &seeds {
            run(seed);
            cases += 1;
        }
        while start.elapsed() < Duration::from_secs(seconds) {
            let mut input = seeds[rng.below(seeds.len())].clone();
            mutate(&mut input, &seeds, &mut rng, MAX_LEN);
            run(&input);
            cases += 1;
        }
        summary.push(format!("{name}: {cases} inputs in {:.1?}", start.elapsed()));
    }
    eprintln!("{}", summary.join("\n"));
    assert!(
        failed.is_empty(),
        "panics, inputs saved:\n{}",
        failed.join("\n")
    );
}
