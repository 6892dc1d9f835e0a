//! huibao: one TOML file in, the park's work report out as DOCX, PDF and HTML.
//!
//! The program only parses arguments, prints and chooses exit codes; all logic lives in the
//! library crates: huibao-pipeline runs a report through them (huibao-core and the
//! backends), huibao-import reads last period's report.

// Doc comments on the command-line arguments are their `--help` text, written for a
// terminal ("[report]", "DIR/<report>.<ext>"), not rustdoc markdown.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

mod cmd;
mod help;
mod output;
mod signals;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::io::IsTerminal;
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

/// The command line. Its texts (about, help, headings) come from the catalogs at run time
/// (see [`help::localize`]); the doc comments here are for the source only.
#[derive(Parser)]
#[command(name = "huibao", version)]
struct Cli {
    /// The language of everything huibao says: zh-CN or en (default: HUIBAO_LANG, then
    /// the locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh-CN", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// The `--lang` value among the arguments, read before the command line is parsed (its
/// texts depend on it). An invalid value is passed over here and refused by the parser.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.to_string());
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

/// Chooses the language once: `--lang`, `HUIBAO_LANG`, the locale (see
/// [`huibao_i18n::choose`]).
fn set_language(args: &[std::ffi::OsString]) {
    let lang = huibao_i18n::choose(
        lang_flag(args).as_deref(),
        |name| std::env::var(name).ok(),
        huibao_i18n::windows_ui_language,
    );
    huibao_i18n::set_language(lang);
}

#[derive(Subcommand)]
enum Command {
    /// Render reports to DOCX, PDF and/or HTML (several at once: files or folders).
    Render(cmd::render::RenderArgs),
    /// Preview a report in the browser, rendered again on every save.
    Watch(cmd::watch::WatchArgs),
    /// Edit a report in the browser: forms, checked and previewed as you type.
    Edit(cmd::edit::EditArgs),
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
    /// Turn last period's report (.txt, .docx, .doc, .wps, .pdf, .html, .mhtml, .odt or .ofd) into a report TOML.
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
    let command = help::localize(Cli::command());
    match clap_mangen::Man::new(command).render(&mut page) {
        Ok(()) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(&page);
            exit::OK
        }
        Err(e) => {
            eprintln!(
                "{}",
                huibao_i18n::t!("cli-man-failed", detail = e.to_string())
            );
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
    set_language(&args);
    if let Err(e) = signals::install() {
        eprintln!(
            "{}",
            huibao_i18n::t!("cli-warning-signals", detail = e.to_string())
        );
    }
    // Started with no arguments and no terminal (double-clicked): the editor's start
    // page, not usage printed into a window that closes.
    let double_clicked =
        args.len() == 1 && !std::io::stdin().is_terminal() && !std::io::stdout().is_terminal();
    let args = if double_clicked {
        vec!["huibao".into(), "edit".into()]
    } else {
        args
    };
    // Arguments that parse mean the same to the command as declared and to the command
    // in the reader's language, which differ only in texts; the texts (every help line
    // looked up in the catalogs, a millisecond) are made only to show help, the version
    // or a usage error.
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(_) => {
            let command = help::localize(Cli::command());
            match command
                .clone()
                .try_get_matches_from(&args)
                .and_then(|m| Cli::from_arg_matches(&m))
            {
                Ok(cli) => cli,
                Err(e) => return ExitCode::from(help::report_error(e, &command, &args)),
            }
        }
    };
    let code = match cli.command {
        Command::Render(args) => cmd::render::render(args),
        Command::Watch(args) => cmd::watch::watch(args),
        Command::Edit(args) => cmd::edit::edit(args),
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
