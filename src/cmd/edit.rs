//! `huibao edit`: the browser editor (huibao-editor) on huibao's one HTTP server
//! (`huibao_preview::http`, the server of `watch`), until Ctrl-C.

use crate::cmd::fonts::FontArgs;
use crate::cmd::render::{options, InputArgs};
use crate::exit;
use crate::output::print_line;
use clap::Args;
use huibao_editor::{Editor, EditorOptions};
use huibao_i18n::t;
use huibao_pipeline::Session;
use huibao_preview::http::{Server, ServerOptions};
use std::path::PathBuf;
use std::sync::Arc;

/// Arguments of `huibao edit`.
#[derive(Args, Debug)]
pub(crate) struct EditArgs {
    /// The report file (TOML); a missing file is started empty and written on the first
    /// change. Without it, the start page (新建, 打开, 导入上期报告).
    pub report: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Do not open the default browser; print the address only.
    #[arg(long)]
    pub no_open: bool,
    /// Save only when asked (the 保存 button or Ctrl+S), not after every change.
    #[arg(long)]
    pub no_autosave: bool,
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(short, long, default_value_t = 0)]
    pub port: u16,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub pdf: crate::cmd::render::PdfArgs,
}

/// Serves the editor on 127.0.0.1 and opens it in the browser, until Ctrl-C (or
/// SIGTERM).
pub(crate) fn edit(args: EditArgs) -> u8 {
    let stop = crate::signals::take_stop();
    let session = Session::new(options(&args.input, &args.fonts, &args.pdf));
    let mut editor_options = EditorOptions::default();
    editor_options.folder = match &args.report {
        Some(r) => r
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(".")),
        None => PathBuf::from("."),
    };
    editor_options.report = args.report.clone();
    editor_options.autosave = !args.no_autosave;
    editor_options.recent = huibao_editor::recent::default_file();
    let editor = match Editor::new(session, editor_options) {
        Ok(e) => Arc::new(e),
        Err(e) => {
            eprintln!("{}", t!("cli-error-line", message = e.to_string()));
            return exit::REPORT_ERROR;
        }
    };
    // The server's own trouble (out of descriptors: paused, resumed), as `watch` says it.
    let notice = |message: &str| eprintln!("huibao edit: {message}");
    let server = match Server::start(args.port, editor, ServerOptions::default(), notice) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", t!("cli-edit-cannot-serve", detail = e.to_string()));
            return exit::OUTPUT_ERROR;
        }
    };
    let url = server.url();
    print_line(&t!("cli-edit-serving", url = url.as_str()));
    if !args.no_open {
        if let Err(e) = crate::cmd::watch::open_browser(&url) {
            eprintln!(
                "{}",
                t!(
                    "cli-watch-no-browser",
                    detail = e.to_string(),
                    url = url.as_str()
                )
            );
        }
    }
    let _ = stop.recv();
    server.stop();
    print_line(&t!("cli-watch-stopped"));
    exit::OK
}
