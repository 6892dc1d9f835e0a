//! `huibao import`: last period's report (.txt or .docx) to a report TOML.

use clap::Args;
use std::path::PathBuf;

/// Arguments of `huibao import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The source: a .txt (UTF-8 or GB18030) or .docx file.
    pub source: PathBuf,
    /// Where to write the report TOML (default: the source's name with .toml).
    #[arg(short, long, value_name = "REPORT.toml")]
    pub output: Option<PathBuf>,
}

/// `huibao import`.
pub fn import(_args: ImportArgs) -> u8 {
    eprintln!("error: import is not built yet");
    crate::exit::REPORT_ERROR
}
