//! What core's integration tests share: a report from TOML to its document tree.

// Each test crate uses some of these.
#![allow(dead_code)]

use huibao_core::{build, load_source, resolve, Diagnostics, Document, SourceFile};

/// The document tree of the report `toml`; panics with the diagnostics when the report
/// does not load or build.
pub(crate) fn doc(toml: &str) -> Document {
    try_doc(toml).unwrap_or_else(|e| panic!("{e}"))
}

/// The document tree of the report `toml`, or the build's diagnostics; panics when the
/// report does not load.
pub(crate) fn try_doc(toml: &str) -> Result<Document, Diagnostics> {
    let loaded = load_source(SourceFile::new("r.toml", toml)).unwrap_or_else(|e| panic!("{e}"));
    build(&loaded, &resolve(&loaded), &[])
}
