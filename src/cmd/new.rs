//! `huibao new`: a commented starter report.

use crate::exit;
use huibao_i18n::t;
use std::path::PathBuf;

/// The starter report, commented in English, rendering as it is.
pub(crate) const STARTER: &str = include_str!("../../templates/new-report.toml");
/// The same starter commented in Chinese (the report itself is the same).
pub(crate) const STARTER_ZH_CN: &str = include_str!("../../templates/new-report.zh-CN.toml");

/// The starter in the chosen language.
fn starter() -> &'static str {
    match huibao_i18n::language() {
        huibao_i18n::Lang::ZhCn => STARTER_ZH_CN,
        huibao_i18n::Lang::En => STARTER,
    }
}

/// Writes the starter to `path` (default report.toml), never over an existing file.
pub(crate) fn new(path: Option<PathBuf>) -> u8 {
    let path = path.unwrap_or_else(|| PathBuf::from("report.toml"));
    if path.exists() {
        eprintln!("{}", t!("cli-new-exists", path = path.display()));
        return exit::OUTPUT_ERROR;
    }
    if let Err(e) = crate::output::write_atomically(&path, starter().as_bytes()) {
        eprintln!("{}", t!("cli-error-line", message = e.message()));
        return exit::OUTPUT_ERROR;
    }
    crate::output::print_line(&t!("cli-new-wrote", path = path.display()));
    exit::OK
}

#[cfg(test)]
mod tests {
    use huibao_pipeline::{Session, SourceFile};

    /// Comments aside, the two starters are the same report.
    #[test]
    fn both_starters_hold_the_same_report() {
        let strip = |s: &str| -> Vec<String> {
            s.lines()
                .map(|l| l.split(" # ").next().unwrap_or(l).trim_end().to_string())
                .filter(|l| !l.trim_start().starts_with('#') && !l.is_empty())
                .collect()
        };
        assert_eq!(strip(super::STARTER), strip(super::STARTER_ZH_CN));
    }

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
