//! `huibao render` and `huibao check`.

use crate::exit;
use crate::output::{print_diagnostic, print_diagnostics, write_atomically};
use clap::{Args, ValueEnum};
use huibao_core::{Document, Loaded, Severity};
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Docx,
    Pdf,
    Html,
    /// Plain UTF-8 text, one line per paragraph (for pasting into other systems).
    Txt,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
        }
    }
}

/// Options shared by `render` and `check`: where plugins and fonts come from.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// The report file (TOML).
    pub report: PathBuf,
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
pub struct RenderArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Formats to write, comma-separated.
    #[arg(short, long, value_delimiter = ',', default_values = ["docx", "pdf", "html"])]
    pub format: Vec<Format>,
    /// Directory for the outputs, named after the report: DIR/<report>.<ext>.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    #[command(flatten)]
    pub fonts: crate::cmd::fonts::FontArgs,
}

/// Arguments of `huibao check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Treat lint warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Loads, expands plugin sections, builds and lints; prints every diagnostic.
fn prepare(input: &InputArgs) -> Result<(Loaded, Document, usize), u8> {
    let mut loaded = huibao_core::load(&input.report).map_err(|d| {
        print_diagnostics(&d);
        exit::REPORT_ERROR
    })?;
    let follow_up = huibao_core::previous::carry_forward(&mut loaded, input.previous.as_deref())
        .map_err(|d| {
            print_diagnostics(&d);
            exit::REPORT_ERROR
        })?;
    let sections =
        crate::cmd::plugins::expand_sections(&loaded, &input.plugin_dirs).map_err(|d| {
            print_diagnostics(&d);
            exit::REPORT_ERROR
        })?;
    let doc = huibao_core::build(&loaded, &sections).map_err(|d| {
        print_diagnostics(&d);
        exit::REPORT_ERROR
    })?;
    let mut warnings = follow_up;
    warnings.extend(huibao_core::lint::lint(&loaded, &doc));
    for w in &warnings {
        print_diagnostic(w);
    }
    let count = warnings
        .iter()
        .filter(|w| w.severity == Severity::Warning)
        .count();
    Ok((loaded, doc, count))
}

/// `huibao render`: every format is rendered in memory first; files are written only
/// when all succeeded, each replaced atomically.
pub fn render(args: RenderArgs) -> u8 {
    let (loaded, doc, _) = match prepare(&args.input) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let stem = args
        .input
        .report
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let mut formats = args.format.clone();
    formats.dedup();
    let mut outputs = Vec::new();
    for format in formats {
        let bytes = match render_one(format, &doc, &loaded, &args) {
            Ok(b) => b,
            Err(code) => return code,
        };
        outputs.push((
            args.out.join(format!("{stem}.{}", format.extension())),
            bytes,
        ));
    }
    for (path, bytes) in &outputs {
        if let Err(e) = write_atomically(path, bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return exit::OUTPUT_ERROR;
        }
        crate::output::print_line(&format!(
            "wrote {} ({})",
            path.display(),
            human_size(bytes.len())
        ));
    }
    exit::OK
}

fn render_one(
    format: Format,
    doc: &Document,
    loaded: &Loaded,
    args: &RenderArgs,
) -> Result<Vec<u8>, u8> {
    let style = &loaded.style;
    let failed = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!(
            "error: {what} output of {} failed: {e}",
            args.input.report.display()
        );
        exit::OUTPUT_ERROR
    };
    match format {
        Format::Html => huibao_html::render(doc, style, &huibao_html::HtmlOptions::default())
            .map(String::into_bytes)
            .map_err(|e| failed("HTML", &e)),
        Format::Docx => huibao_docx::render(doc, style, &huibao_docx::DocxOptions::default())
            .map_err(|e| failed("DOCX", &e)),
        Format::Pdf => crate::cmd::fonts::render_pdf(doc, style, &args.fonts),
        Format::Txt => Ok(format!("{}\n", doc.plain_text()).into_bytes()),
    }
}

/// `huibao check`: errors exit 1; warnings are printed (and fail with --deny-warnings).
pub fn check(args: CheckArgs) -> u8 {
    match prepare(&args.input) {
        Ok((loaded, doc, warnings)) => {
            let blocks = doc.blocks.len();
            if warnings > 0 && args.deny_warnings {
                eprintln!(
                    "{}: {warnings} warning(s), denied",
                    args.input.report.display()
                );
                return exit::REPORT_ERROR;
            }
            crate::output::print_line(&format!(
                "{}: ok — {}，{} blocks, {} indicators, {warnings} warning(s)",
                display(&args.input.report),
                doc.meta.title,
                blocks,
                loaded.report.indicators.len()
            ));
            exit::OK
        }
        Err(code) => code,
    }
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

fn human_size(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.1} KiB", n as f64 / 1024.0)
    }
}
