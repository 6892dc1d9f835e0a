//! `huibao new`: a commented starter report.

use crate::exit;
use huibao_i18n::t;
use std::path::PathBuf;

/// The starter report, commented, rendering as it is.
pub(crate) const STARTER: &str = include_str!("../../templates/new-report.toml");

/// Writes the starter to `path` (default report.toml), never over an existing file.
pub(crate) fn new(path: Option<PathBuf>) -> u8 {
    let path = path.unwrap_or_else(|| PathBuf::from("report.toml"));
    if path.exists() {
        eprintln!("{}", t!("cli-new-exists", path = path.display()));
        return exit::OUTPUT_ERROR;
    }
    if let Err(e) = crate::output::write_atomically(&path, STARTER.as_bytes()) {
        eprintln!("{}", t!("cli-error-line", message = e.message()));
        return exit::OUTPUT_ERROR;
    }
    crate::output::print_line(&t!("cli-new-wrote", path = path.display()));
    exit::OK
}

#[cfg(test)]
mod tests {
    use huibao_pipeline::{Session, SourceFile};

    #[test]
    fn the_starter_prepares_without_warnings() {
        let prepared = Session::default()
            .prepare_source(SourceFile::new("report.toml", super::STARTER))
            .unwrap_or_else(|d| panic!("the starter does not prepare:\n{d}"));
        assert!(
            prepared.warnings.is_empty(),
            "the starter has no lint warnings: {:?}",
            prepared.warnings
        );
        assert_eq!(
            prepared.document.meta.title,
            "示范经济技术开发区管委会2022年上半年工作总结及下半年工作计划"
        );
    }
}
