//! Writes each fuzz target's seeds into `DIR/TARGET/` as the starting corpus of a
//! libFuzzer run (see RELIABILITY.md): `cargo run -p huibao-fuzz --example write_corpus --
//! DIR [TARGET …]`; with no target named, every target's seeds are written.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: write_corpus DIR [TARGET …]");
        return ExitCode::from(2);
    };
    let named: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let known: Vec<&str> = huibao_fuzz::TARGETS.iter().map(|(name, _)| *name).collect();
    if let Some(unknown) = named.iter().find(|n| !known.contains(&n.as_str())) {
        eprintln!(
            "unknown target {unknown}; the targets are: {}",
            known.join(", ")
        );
        return ExitCode::from(2);
    }
    let targets: Vec<&str> = if named.is_empty() {
        known
    } else {
        named.iter().map(String::as_str).collect()
    };
    for target in targets {
        let folder = dir.join(target);
        let seeds = huibao_fuzz::seeds::for_target(target);
        let written = std::fs::create_dir_all(&folder).and_then(|()| {
            seeds
                .iter()
                .enumerate()
                .try_for_each(|(i, seed)| std::fs::write(folder.join(format!("seed-{i:03}")), seed))
        });
        if let Err(e) = written {
            eprintln!("{}: {e}", folder.display());
            return ExitCode::FAILURE;
        }
        println!("{target}: {} seeds in {}", seeds.len(), folder.display());
    }
    ExitCode::SUCCESS
}
