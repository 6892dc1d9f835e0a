//! Inputs the fuzzers found, replayed on every `cargo test`: `fuzz/regressions/TARGET/*`
//! must run through their entry point without a panic, each within a time limit. A
//! defect found and not fixed yet gets no folder here: it is fixed before its input is
//! saved (RELIABILITY.md).

use huibao_fuzz::{seeds, TARGETS};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Longest one input may take (a debug build on a shared machine).
const LIMIT: Duration = Duration::from_secs(20);

/// Runs every saved input under `dir`; returns what failed and how many ran.
fn replay(dir: &Path) -> (Vec<String>, usize) {
    let mut failed = Vec::new();
    let mut ran = 0;
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            TARGETS.iter().any(|(target, _)| *target == name),
            "{}/{name} names no fuzz target: move its inputs to the target's folder",
            dir.display()
        );
    }
    for (name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(dir.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            ran += 1;
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
    (failed, ran)
}

#[test]
fn inputs_the_fuzzers_found_run_through() {
    let (failed, ran) = replay(&seeds::repository().join("fuzz/regressions"));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(
        ran > 0,
        "fuzz/regressions holds no input: the replay checked nothing"
    );
}
