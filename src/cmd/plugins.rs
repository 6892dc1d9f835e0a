//! `huibao plugins list`, `huibao plugin new`, and plugin section expansion for render/check.

use clap::{Args, Subcommand};
use huibao_core::{Diagnostic, Diagnostics, GeneratedSection, Loaded};
use std::path::PathBuf;

/// Arguments of `huibao plugins`.
#[derive(Args, Debug)]
pub struct PluginsArgs {
    #[command(subcommand)]
    pub command: PluginsCommand,
}

/// `huibao plugins …`.
#[derive(Subcommand, Debug)]
pub enum PluginsCommand {
    /// List every plugin found, with kind, version, ABI and path.
    List {
        /// Extra plugin directory (repeatable).
        #[arg(long = "plugin-dir", value_name = "DIR")]
        plugin_dirs: Vec<PathBuf>,
    },
}

/// Arguments of `huibao plugin`.
#[derive(Args, Debug)]
pub struct PluginArgs {
    #[command(subcommand)]
    pub command: PluginCommand,
}

/// `huibao plugin …`.
#[derive(Subcommand, Debug)]
pub enum PluginCommand {
    /// Scaffold a new plugin that builds and renders as it is.
    New {
        /// The plugin's name.
        name: String,
        /// A native (Rust cdylib) plugin instead of a template plugin.
        #[arg(long)]
        native: bool,
    },
}

/// Generates the sections the report asks plugins for.
pub fn expand_sections(
    loaded: &Loaded,
    _extra_dirs: &[PathBuf],
) -> Result<Vec<GeneratedSection>, Diagnostics> {
    match loaded.report.sections.first() {
        None => Ok(Vec::new()),
        Some(s) => Err(Diagnostic::error(format!(
            "plugin `{}` cannot be loaded: plugins are not built yet",
            s.plugin.get_ref()
        ))
        .at(&loaded.file, s.plugin.span())
        .into()),
    }
}

/// `huibao plugins`.
pub fn plugins(_args: PluginsArgs) -> u8 {
    eprintln!("error: plugins are not built yet");
    crate::exit::REPORT_ERROR
}

/// `huibao plugin`.
pub fn plugin(_args: PluginArgs) -> u8 {
    eprintln!("error: plugins are not built yet");
    crate::exit::REPORT_ERROR
}
