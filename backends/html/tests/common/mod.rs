//! What the HTML backend's tests share: a report from TOML to its document tree and page.

// Each test crate uses some of these.
#![allow(dead_code)]

use huibao_core::{build, load_source, resolve, Document, Loaded, SourceFile, Style};

/// A short report: the required fields and a one-sentence summary.
pub(crate) const SHORT_REPORT: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年，园区经济运行总体平稳、稳中有进。"
"#;

/// The report `toml` loaded, and its document tree built.
pub(crate) fn document(toml: &str) -> (Loaded, Document) {
    let loaded = load_source(SourceFile::new("r.toml", toml)).expect("loads");
    let doc = build(&loaded, &resolve(&loaded), &[]).expect("builds");
    (loaded, doc)
}

/// The page of the report `toml`, with its style changed by `adjust`, and its document
/// tree.
pub(crate) fn page_with(toml: &str, adjust: impl FnOnce(&mut Style)) -> (String, Document) {
    let (loaded, doc) = document(toml);
    let mut style = loaded.style.clone();
    adjust(&mut style);
    let html = huibao_html::render(&doc, &style, &Default::default()).expect("renders");
    (html, doc)
}

/// The page of the report `toml` and its document tree.
pub(crate) fn page(toml: &str) -> (String, Document) {
    page_with(toml, |_| {})
}
