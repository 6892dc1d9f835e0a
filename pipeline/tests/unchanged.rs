//! Speed work changes no byte: every example of `examples/`, rendered to the formats
//! drawn straight from the document tree (HTML, DOCX, TXT), gives the bytes recorded in
//! `tests/unchanged.txt` — a SHA-256 digest of each file and, for a DOCX, of each part
//! of its package, so that a changed file names the part that changed.
//!
//! The PDF has its own check, object by object (`huibao-pdf`'s `unchanged`). When an
//! output is meant to change, the failure prints the lines to record instead.

use huibao_pipeline::{Format, Options, Session};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The formats checked here, with the name a line of the record gives each.
const FORMATS: [(Format, &str); 3] = [
    (Format::Html, "html"),
    (Format::Docx, "docx"),
    (Format::Txt, "txt"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every example report, by file name.
fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .expect("the examples folder")
        .map(|e| e.expect("a folder entry").file_name())
        .filter_map(|n| n.into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The record's keys of one output (`ecopark-2022.toml docx`, then
/// `ecopark-2022.toml docx word/document.xml` for each part) with their digests.
fn digests_of(example: &str, format: &str, bytes: &[u8], out: &mut BTreeMap<String, String>) {
    out.insert(format!("{example} {format}"), digest(bytes));
    if format != "docx" {
        return;
    }
    let mut package =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip package");
    for i in 0..package.len() {
        let mut part = package.by_index(i).expect("a part of the package");
        let mut content = Vec::new();
        part.read_to_end(&mut content).expect("a part reads");
        out.insert(
            format!("{example} {format} {}", part.name()),
            digest(&content),
        );
    }
}

/// The record: `key digest` lines, `#` comments.
fn recorded() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("pipeline/tests/unchanged.txt"))
        .expect("pipeline/tests/unchanged.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (key, digest) = l.rsplit_once(' ').expect("a line is `key digest`");
            (key.to_string(), digest.to_string())
        })
        .collect()
}

#[test]
fn every_example_renders_to_the_recorded_bytes() {
    let mut options = Options::default();
    options.system_fonts = false;
    options.created = Some(1_657_584_000);
    let session = Session::new(options);
    let formats: Vec<Format> = FORMATS.iter().map(|(f, _)| *f).collect();
    let mut now = BTreeMap::new();
    for example in examples() {
        let prepared = session
            .prepare(&root().join("examples").join(&example))
            .unwrap_or_else(|d| panic!("{example} does not prepare:\n{d}"));
        let rendered = session
            .render(&prepared, &formats)
            .unwrap_or_else(|e| panic!("{example} does not render: {e}"));
        for (format, name) in FORMATS {
            let bytes = rendered
                .get(format)
                .expect("every format asked is rendered");
            digests_of(&example, name, bytes, &mut now);
        }
    }
    let before = recorded();
    let differ: Vec<String> = now
        .iter()
        .filter(|(key, digest)| before.get(*key) != Some(digest))
        .map(|(key, digest)| format!("{key} {digest}"))
        .collect();
    let gone: Vec<&String> = before.keys().filter(|k| !now.contains_key(*k)).collect();
    assert!(
        differ.is_empty() && gone.is_empty(),
        "outputs differ from pipeline/tests/unchanged.txt; now:\n{}\nrecorded but not made: {gone:?}",
        differ.join("\n")
    );
}
