//! `huibao render` and `huibao check`.

use crate::cmd::fonts::FontArgs;
use crate::exit;
use crate::output::{print_diagnostic, print_diagnostics, print_line};
use clap::{Args, ValueEnum};
use huibao_i18n::{msg, t, Message};
use huibao_pipeline::{Options, Prepared, Session};
use std::path::{Path, PathBuf};

/// An output format: the command line's names for [`huibao_pipeline::Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Docx,
    Pdf,
    Html,
    /// Plain UTF-8 text, one line per paragraph (for pasting into other systems).
    Txt,
    /// OFD (GB/T 33190), China's fixed-layout format: the PDF's pages, fonts embedded.
    Ofd,
}

impl From<Format> for huibao_pipeline::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Docx => huibao_pipeline::Format::Docx,
            Format::Pdf => huibao_pipeline::Format::Pdf,
            Format::Html => huibao_pipeline::Format::Html,
            Format::Txt => huibao_pipeline::Format::Txt,
            Format::Ofd => huibao_pipeline::Format::Ofd,
        }
    }
}

/// The PDF/A level of the PDF: the command line's names for
/// [`huibao_pipeline::PdfConformance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PdfA {
    /// Tagged PDF/A-2a and PDF/UA-1.
    #[value(name = "2a")]
    A2a,
    /// PDF/A-2b, untagged.
    #[value(name = "2b")]
    A2b,
}

impl From<PdfA> for huibao_pipeline::PdfConformance {
    fn from(level: PdfA) -> Self {
        match level {
            PdfA::A2a => huibao_pipeline::PdfConformance::A2a,
            PdfA::A2b => huibao_pipeline::PdfConformance::A2b,
        }
    }
}

/// The PDF's options, for the commands that write PDFs (`render`, `watch`, `edit`).
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct PdfArgs {
    /// The PDF/A level: 2a (tagged, with PDF/UA-1) or 2b; wins over the report's
    /// `[output] pdf_a` (default: 2a).
    #[arg(long = "pdf-a", value_name = "LEVEL", value_enum)]
    pub pdf_a: Option<PdfA>,
}

/// Options shared by `render`, `check` and `watch`: where plugins come from, last
/// period's report.
#[derive(Args, Debug, Clone)]
pub(crate) struct InputArgs {
    /// Extra directory to search for plugins (repeatable); also HUIBAO_PLUGIN_PATH.
    #[arg(long = "plugin-dir", value_name = "DIR")]
    pub plugin_dirs: Vec<PathBuf>,
    /// Last period's report: fills missing 同比 figures and lists plan items nobody
    /// reported on (overrides `previous` in [report]).
    #[arg(long, value_name = "LAST.toml")]
    pub previous: Option<PathBuf>,
}

/// Arguments of `huibao render`.
#[derive(Args, Debug)]
pub(crate) struct RenderArgs {
    /// The report files (TOML); a folder stands for every *.toml in it. Several
    /// reports are rendered in parallel, fonts read once for all.
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Formats to write, comma-separated.
    #[arg(short, long, value_delimiter = ',', default_values = ["docx", "pdf", "html"])]
    pub format: Vec<Format>,
    /// Directory for the outputs, named after the report: DIR/<report>.<ext>.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Reports rendered at once (several reports); default: one per core.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// Arguments of `huibao check`.
#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    /// The report file (TOML).
    pub report: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Treat lint warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// The pipeline's options from the arguments and the environment (`SOURCE_DATE_EPOCH`
/// for a reproducible PDF creation date; the font options read `HUIBAO_FONT_DIR`).
pub(crate) fn options(input: &InputArgs, fonts: &FontArgs, pdf: &PdfArgs) -> Options {
    let mut options = Options::default();
    options.pdf_conformance = pdf.pdf_a.map(Into::into);
    options.plugin_dirs = input.plugin_dirs.clone();
    options.previous = input.previous.clone();
    fonts.apply(&mut options);
    options.created = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok());
    options
}

/// Prepares the report; prints every diagnostic.
pub(crate) fn prepare(session: &Session, report: &Path) -> Result<Prepared, u8> {
    match session.prepare(report) {
        Ok(prepared) => {
            for w in &prepared.warnings {
                print_diagnostic(w);
            }
            Ok(prepared)
        }
        Err(d) => {
            print_diagnostics(&d);
            Err(exit::REPORT_ERROR)
        }
    }
}

/// `huibao render`: one report file, or many (see [`crate::cmd::batch`]). Every format
/// is rendered in memory first; the files are written only when all succeeded, as one
/// set that replaces the old outputs or leaves them.
pub(crate) fn render(args: RenderArgs) -> u8 {
    let single = args.reports.len() == 1 && !args.reports[0].is_dir();
    if !single {
        return crate::cmd::batch::render_many(args);
    }
    let session = Session::new(options(&args.input, &args.fonts, &args.pdf));
    let prepared = match prepare(&session, &args.reports[0]) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let formats: Vec<huibao_pipeline::Format> = args.format.iter().map(|&f| f.into()).collect();
    let rendered = match session.render(&prepared, &formats) {
        Ok(r) => r,
        Err(e) => {
            match &e.place {
                Some(d) => print_diagnostic(d),
                None => eprintln!("{}", t!("cli-error-line", message = e.to_string())),
            }
            return if e.is_report_error() {
                exit::REPORT_ERROR
            } else {
                exit::OUTPUT_ERROR
            };
        }
    };
    for w in &rendered.warnings {
        print_diagnostic(w);
    }
    for skipped in &rendered.skipped_fonts {
        eprintln!(
            "{}",
            t!(
                "cli-font-skipped",
                path = skipped.path.display(),
                detail = skipped.reason.clone()
            )
        );
    }
    if let Some(fonts) = &rendered.pdf_fonts {
        // The fixed-layout formats share their fonts; name the one asked for.
        let format = if formats.contains(&huibao_pipeline::Format::Pdf) {
            "pdf"
        } else {
            "ofd"
        };
        print_line(&t!(
            "cli-render-fonts",
            format = format,
            fonts = crate::cmd::fonts::summary(fonts)
        ));
    }
    match huibao_pipeline::write_outputs(&args.out, &prepared.stem(), &rendered) {
        Ok(paths) => {
            for (path, output) in paths.iter().zip(&rendered.outputs) {
                print_line(&t!(
                    "cli-render-wrote",
                    path = path.display(),
                    size = human_size(output.bytes.len())
                ));
            }
            exit::OK
        }
        Err(e) => {
            eprintln!(
                "{}",
                t!(
                    "cli-error-with-help",
                    message = e.message(),
                    help = write_help(&e)
                )
            );
            exit::OUTPUT_ERROR
        }
    }
}

/// How to get past a file that could not be written.
pub(crate) fn write_help(e: &huibao_pipeline::WriteError) -> Message {
    use std::io::ErrorKind;
    match e.source.kind() {
        ErrorKind::NotADirectory => msg!("cli-write-help-not-a-folder"),
        ErrorKind::IsADirectory => msg!("cli-write-help-folder-in-way", path = e.path.display()),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            msg!("cli-write-help-permission", path = e.path.display())
        }
        ErrorKind::InvalidInput => msg!("cli-write-help-replaces-input", path = e.path.display()),
        ErrorKind::ResourceBusy => msg!("cli-write-help-in-use", path = e.path.display()),
        _ => msg!("cli-write-help-other"),
    }
}

/// `huibao check`: errors exit 1; warnings are printed (and fail with --deny-warnings).
pub(crate) fn check(args: CheckArgs) -> u8 {
    let session = Session::new(options(
        &args.input,
        &FontArgs::default(),
        &PdfArgs::default(),
    ));
    let prepared = match prepare(&session, &args.report) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let warnings = prepared.warning_count();
    if warnings > 0 && args.deny_warnings {
        eprintln!(
            "{}",
            t!(
                "cli-check-denied",
                report = args.report.display(),
                warnings = warnings
            )
        );
        return exit::REPORT_ERROR;
    }
    print_line(&t!(
        "cli-check-ok",
        report = args.report.display(),
        title = prepared.document.meta.title.as_str(),
        blocks = prepared.document.blocks.len(),
        indicators = prepared.loaded.report.indicators.len(),
        warnings = warnings
    ));
    exit::OK
}

/// A size for people: "27.4 KiB".
pub(crate) fn human_size(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.1} KiB", n as f64 / 1024.0)
    }
}
