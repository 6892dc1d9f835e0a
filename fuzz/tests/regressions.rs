//! Inputs the fuzzers found, replayed on every `cargo test`: `fuzz/regressions/TARGET/*`
//! must run through their entry point without a panic, each within a time limit.
//! `fuzz/regressions/open/TARGET/*` are found defects not fixed on this branch yet
//! (see RELIABILITY.md); `cargo test -p huibao-fuzz -- --ignored` replays them.

use huibao_fuzz::{seeds, TARGETS};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Longest one input may take (a debug build on a shared machine).
const LIMIT: Duration = Duration::from_secs(20);

/// Runs every saved input under `dir`; returns what failed.
fn replay(dir: &Path) -> Vec<String> {
    let mut failed = Vec::new();
    for (name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(dir.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let input = std::fs::read(&path).unwrap();
            let (tx, rx) = mpsc::channel();
            // A thread with a large stack: deep input must fail with an error, but a
            // debug build's frames are larger than a release build's.
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || {
                    let outcome = std::panic::catch_unwind(|| target(&input));
                    let _ = tx.send(outcome.is_ok());
                })
                .unwrap();
            match rx.recv_timeout(LIMIT) {
                Ok(true) => {}
                Ok(false) => failed.push(format!("{}: panicked", path.display())),
                Err(_) => failed.push(format!("{}: longer than {LIMIT:?}", path.display())),
            }
        }
    }
    failed
}

#[test]
fn inputs_the_fuzzers_found_run_through() {
    let failed = replay(&seeds::repository().join("fuzz/regressions"));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
#[ignore = "defects found by fuzzing and not fixed on this branch; see RELIABILITY.md"]
fn open_findings_run_through() {
    let failed = replay(&seeds::repository().join("fuzz/regressions/open"));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
