//! `huibao watch`: the live preview (huibao-preview) of one report until Ctrl-C.

use crate::cmd::fonts::FontArgs;
use crate::cmd::render::{options, Format, InputArgs};
use crate::exit;
use crate::output::{print_diagnostic, print_line};
use clap::Args;
use huibao_i18n::t;
use huibao_pipeline::Session;
use huibao_preview::{Event, PreviewOptions};
use std::path::PathBuf;

/// Arguments of `huibao watch`.
#[derive(Args, Debug)]
pub(crate) struct WatchArgs {
    /// The report file (TOML).
    pub report: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Formats also written to --out after every good save, comma-separated (the page
    /// is always served).
    #[arg(short, long, value_delimiter = ',')]
    pub format: Vec<Format>,
    /// Directory for those formats: DIR/<report>.<ext>.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(short, long, default_value_t = 8022)]
    pub port: u16,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub pdf: crate::cmd::render::PdfArgs,
}

/// Serves the report's page on 127.0.0.1, rendering it again on every save, until
/// Ctrl-C (or SIGTERM).
pub(crate) fn watch(args: WatchArgs) -> u8 {
    if let Err(e) = huibao_core::input::open(&args.report, huibao_core::input::Kind::Report) {
        eprintln!("{}", t!("cli-error-line", message = e.message()));
        if e.is_missing() {
            eprintln!(
                "  {}",
                t!("cli-watch-no-report-help", path = args.report.display())
            );
        } else {
            eprintln!("  {}", t!("cli-help-line", help = e.help()));
        }
        return exit::REPORT_ERROR;
    }
    let stop = crate::signals::take_stop();
    let session = Session::new(options(&args.input, &args.fonts, &args.pdf));
    let mut preview_options = PreviewOptions::default();
    preview_options.port = args.port;
    preview_options.formats = args.format.iter().map(|&f| f.into()).collect();
    preview_options.out_dir = args.out.clone();
    let report = args.report.clone();
    let preview = match huibao_preview::start(session, report, preview_options, tell) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", t!("cli-error-line", message = e.to_string()));
            return exit::OUTPUT_ERROR;
        }
    };
    print_line(&t!(
        "cli-watch-serving",
        url = preview.url(),
        path = args.report.display()
    ));
    if args.open {
        if let Err(e) = open_browser(&preview.url()) {
            eprintln!(
                "{}",
                t!(
                    "cli-watch-no-browser",
                    detail = e.to_string(),
                    url = preview.url()
                )
            );
        }
    }
    let _ = stop.recv();
    preview.stop();
    print_line(&t!("cli-watch-stopped"));
    exit::OK
}

/// Prints what a render did.
fn tell(event: Event) {
    match event {
        Event::Rendered { elapsed, warnings } => {
            for w in &warnings {
                print_diagnostic(w);
            }
            print_line(&t!(
                "cli-watch-rendered",
                ms = elapsed.as_millis().to_string()
            ));
        }
        Event::Written { paths } => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            print_line(&t!("cli-watch-wrote", files = names));
        }
        Event::Failed { errors } => {
            for e in errors {
                eprintln!("{e}");
            }
        }
        Event::Notice { message } => eprintln!("huibao watch: {message}"),
        _ => {}
    }
}

/// Opens `url` with the desktop's browser: the shell's handler for http links on
/// Windows (`ShellExecuteW`, as a double click on a link does), `open` on macOS,
/// `xdg-open` elsewhere.
#[cfg(not(windows))]
pub(crate) fn open_browser(url: &str) -> std::io::Result<()> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

/// Opens `url` with the desktop's browser: the shell's handler for http links on
/// Windows (`ShellExecuteW`, as a double click on a link does; no `cmd /c start`, which
/// would read `&` in a link as a command separator).
#[cfg(windows)]
pub(crate) fn open_browser(url: &str) -> std::io::Result<()> {
    use windows_sys::Win32::UI::Shell::ShellExecuteW;
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;
    let wide = |s: &str| s.encode_utf16().chain([0]).collect::<Vec<u16>>();
    let (verb, file) = (wide("open"), wide(url));
    // SAFETY: both strings are NUL-terminated UTF-16 that live across the call; the
    // other pointers may be null.
    let code = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    } as isize;
    // Values above 32 mean success; the others are error codes.
    if code > 32 {
        Ok(())
    } else {
        // The system's own answer: the function and its error code.
        Err(std::io::Error::other(format!("ShellExecuteW: {code}")))
    }
}
