//! huibao: one TOML file in, the park's work report out as DOCX, PDF and HTML.
//!
//! The program only parses arguments, prints and chooses exit codes; all logic lives in the
//! library crates: huibao-pipeline runs a report through them (huibao-core and the
//! backends), huibao-import reads last period's report.

// Doc comments on the command-line arguments are their `--help` text, written for a
// terminal ("[report]", "DIR/<report>.<ext>"), not rustdoc markdown.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

mod cmd;
mod output;
mod signals;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, documented in `huibao --help` and README.md.
pub mod exit {
    /// Everything went well.
    pub const OK: u8 = 0;
    /// The report has errors (syntax, unknown keys, bad values, missing fonts …).
    pub const REPORT_ERROR: u8 = 1;
    /// Wrong command-line usage (clap's own code).
    pub const USAGE: u8 = 2;
    /// An output could not be written or a backend failed.
    pub const OUTPUT_ERROR: u8 = 3;
    /// Stopped by a signal (Ctrl-C, SIGTERM, SIGHUP); outputs are left as they were.
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Parser)]
#[command(
    name = "huibao",
    version,
    about = "Writes a park management committee's work report (工作总结及工作计划) as DOCX, PDF and HTML from one TOML file",
    after_help = "Exit codes: 0 success; 1 the report (or a plugin, font or input file) has errors; 2 wrong usage; 3 an output could not be written; 130 stopped by a signal (outputs left as they were)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render reports to DOCX, PDF and/or HTML (several at once: files or folders).
    Render(cmd::render::RenderArgs),
    /// Preview a report in the browser, rendered again on every save.
    Watch(cmd::watch::WatchArgs),
    /// Validate and lint a report; exits 1 when it has errors.
    Check(cmd::render::CheckArgs),
    /// Write a commented starter report that renders as it is.
    New {
        /// Where to write it (default: report.toml); an existing file is never overwritten.
        path: Option<PathBuf>,
    },
    /// Print the JSON schema of the report format (for editor completion and checking).
    Schema,
    /// Show which font serves each role in PDF output.
    Fonts(cmd::fonts::FontsArgs),
    /// List the plugins found.
    Plugins(cmd::plugins::PluginsArgs),
    /// Plugin tools (scaffold a new plugin).
    Plugin(cmd::plugins::PluginArgs),
    /// Turn last period's report (.txt or .docx) into a report TOML.
    Import(cmd::import::ImportArgs),
    /// Print the key figures of a statistics spreadsheet (.xlsx, .xls, .ods, .csv) as [[indicators]] TOML.
    Indicators(cmd::indicators::IndicatorsArgs),
    /// Print the manual page (roff), as the packages install it as huibao(1).
    #[command(hide = true)]
    Man,
}

/// Prints huibao(1): the program's `--help`, its commands and exit codes as roff.
fn man_page() -> u8 {
    let mut page = Vec::new();
    let command = <Cli as clap::CommandFactory>::command();
    match clap_mangen::Man::new(command).render(&mut page) {
        Ok(()) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(&page);
            exit::OK
        }
        Err(e) => {
            eprintln!("error: cannot write the manual page: {e}");
            exit::OUTPUT_ERROR
        }
    }
}

fn main() -> ExitCode {
    // A child that hosts one native plugin's answer (see huibao_host): hidden,
    // never typed by a person.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == huibao_host::HOST_COMMAND) {
        return ExitCode::from(huibao_host::serve_plugin_host(&args[2..]));
    }
    // Native plugins run in children of this program, stopped at their deadline; one that
    // crashes or hangs fails the render with a message instead of taking huibao with it.
    if let Ok(exe) = std::env::current_exe() {
        huibao_host::isolate_native_plugins(exe);
    }
    // Ctrl-C, SIGTERM, SIGHUP: a set of outputs being replaced is finished (or undone),
    // temporaries are removed, and the program exits 130.
    if let Err(e) = signals::install() {
        eprintln!(
            "warning: Ctrl-C cannot be handled ({e}): an interrupted run may leave temporaries"
        );
    }
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Render(args) => cmd::render::render(args),
        Command::Watch(args) => cmd::watch::watch(args),
        Command::Check(args) => cmd::render::check(args),
        Command::New { path } => cmd::new::new(path),
        Command::Schema => {
            output::print_line(&huibao_core::report_schema_text());
            exit::OK
        }
        Command::Fonts(args) => cmd::fonts::fonts(args),
        Command::Plugins(args) => cmd::plugins::plugins(args),
        Command::Plugin(args) => cmd::plugins::plugin(args),
        Command::Import(args) => cmd::import::import(args),
        Command::Indicators(args) => cmd::indicators::indicators(args),
        Command::Man => man_page(),
    };
    ExitCode::from(code)
}
