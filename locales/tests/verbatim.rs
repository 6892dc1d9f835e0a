//! `Message::verbatim` shows text as it is, in every language, so it may carry only words
//! that are not huibao's: a library's or a plugin's. Every use in the code is listed here
//! with the reason it is not a catalog message; a new use fails this test until it is
//! reviewed and added.

mod scan;

use std::collections::BTreeSet;

/// The reviewed uses: the file, the line (trimmed) and why its text is not huibao's own.
const REVIEWED: &[(&str, &str, &str)] = &[
    (
        "locales/src/lib.rs",
        "pub fn verbatim(text: impl Into<String>) -> Self {",
        "the definition",
    ),
    (
        "locales/src/lib.rs",
        "assert_eq!(Message::verbatim(\"raw\").render(Lang::ZhCn), \"raw\");",
        "the unit test of the definition",
    ),
    (
        "host/src/schema.rs",
        "description = Message::verbatim(d)",
        "a plugin's description of a key in its configuration schema: the plugin author's words",
    ),
    (
        "host/src/schema.rs",
        "_ => Message::verbatim(d),",
        "a plugin's description of a value in its configuration schema: the plugin author's words",
    ),
    (
        "host/src/isolate.rs",
        "message: Message::verbatim(f.message),",
        "the isolated plugin host's report of a plugin that cannot load, already rendered from the catalogs in this run's language by the child process (HUIBAO_LANG), or the plugin's own words",
    ),
    (
        "host/src/isolate.rs",
        "help: f.help.map(Message::verbatim),",
        "the help of the same report: rendered by the child process, or the plugin's words",
    ),
];

/// Every line of the workspace's code that names `verbatim` outside comments: (file, line).
fn uses() -> BTreeSet<(String, String)> {
    let root = scan::workspace();
    let mut files = Vec::new();
    scan::sources(&root, &mut files);
    let mut found = BTreeSet::new();
    for file in files {
        let relative = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative == "locales/tests/verbatim.rs" {
            continue;
        }
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            let line = line.trim();
            if line.starts_with("//") {
                continue;
            }
            if line.contains("verbatim(") || line.contains("Message::verbatim") {
                found.insert((relative.clone(), line.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_verbatim_use_is_reviewed_and_every_reviewed_use_is_still_there() {
    let found = uses();
    let reviewed: BTreeSet<(String, String)> = REVIEWED
        .iter()
        .map(|(file, line, why)| {
            assert!(!why.is_empty(), "{file}: {line}: no reason given");
            (file.to_string(), line.to_string())
        })
        .collect();
    let new: Vec<_> = found.difference(&reviewed).collect();
    assert!(
        new.is_empty(),
        "verbatim text not reviewed (make it a catalog message, or add it to REVIEWED with the reason its words are a library's or a plugin's): {new:#?}"
    );
    let gone: Vec<_> = reviewed.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "reviewed but no longer in the code: {gone:#?}"
    );
}

#[test]
fn the_scan_sees_a_use_in_code_and_not_in_a_comment() {
    let found = uses();
    assert!(found.contains(&(
        "host/src/schema.rs".to_string(),
        "_ => Message::verbatim(d),".to_string()
    )));
    assert!(!found
        .iter()
        .any(|(_, line)| line.starts_with("///") || line.starts_with("//")));
}
