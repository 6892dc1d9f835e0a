//! The libFuzzer drivers in `libfuzzer/` are built only by cargo-fuzz, never by `cargo
//! test`, so a broken manifest or a missing driver would go unnoticed until the next long
//! run. This test reads the manifest and holds it to `TARGETS`: one `[[bin]]` per entry
//! point, named as the entry point, whose file calls that entry point.

use huibao_fuzz::TARGETS;
use std::path::Path;

#[test]
fn every_entry_point_has_a_libfuzzer_driver_and_no_driver_is_stray() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("libfuzzer");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&manifest)
        .unwrap_or_else(|e| panic!("fuzz/libfuzzer/Cargo.toml does not parse: {e}"));
    let bins = manifest["bin"].as_array().expect("[[bin]] entries");
    let mut named: Vec<&str> = Vec::new();
    for bin in bins {
        let name = bin["name"].as_str().unwrap();
        let path = bin["path"].as_str().unwrap();
        assert_eq!(path, format!("fuzz_targets/{name}.rs"), "[[bin]] {name}");
        assert_eq!(
            bin.get("test").and_then(|t| t.as_bool()),
            Some(false),
            "[[bin]] {name}: test = false"
        );
        let driver = std::fs::read_to_string(dir.join(path))
            .unwrap_or_else(|e| panic!("fuzz/libfuzzer/{path}: {e}"));
        assert!(
            driver.contains(&format!("huibao_fuzz::{name}(data)")),
            "fuzz/libfuzzer/{path} does not call huibao_fuzz::{name}"
        );
        named.push(name);
    }
    let mut expected: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    expected.sort_unstable();
    named.sort_unstable();
    assert_eq!(
        named, expected,
        "libfuzzer/Cargo.toml's [[bin]] list against TARGETS"
    );
    let mut drivers: Vec<String> = std::fs::read_dir(dir.join("fuzz_targets"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    drivers.sort_unstable();
    assert_eq!(
        drivers, expected,
        "files in fuzz/libfuzzer/fuzz_targets against TARGETS"
    );
}
