//! `huibao fonts` and the font options of `render` (PDF output).

use clap::Args;
use huibao_core::chars::is_wide;
use huibao_core::{Document, Style};
use huibao_pdf::{PdfOptions, RoleReport};

/// Font lookup options for PDF output.
#[derive(Args, Debug, Clone, Default)]
pub struct FontArgs {
    /// Extra directory with fonts (repeatable); also HUIBAO_FONT_DIR.
    #[arg(long = "font-dir", value_name = "DIR")]
    pub font_dirs: Vec<std::path::PathBuf>,
    /// Use only bundled fonts and --font-dir, never the system's.
    #[arg(long)]
    pub no_system_fonts: bool,
}

/// Arguments of `huibao fonts`.
#[derive(Args, Debug)]
pub struct FontsArgs {
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The PDF writer's options from the command line and the environment
/// (HUIBAO_FONT_DIR, and SOURCE_DATE_EPOCH for a reproducible creation date).
fn pdf_options(args: &FontArgs) -> PdfOptions {
    let mut opts = PdfOptions::default();
    opts.font_dirs = args.font_dirs.clone();
    if let Some(dirs) = std::env::var_os("HUIBAO_FONT_DIR") {
        opts.font_dirs.extend(std::env::split_paths(&dirs));
    }
    opts.system_fonts = !args.no_system_fonts;
    opts.created = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok());
    opts
}

/// One role as "正文 FandolFang".
fn short(r: &RoleReport) -> String {
    let mut s = format!("{} {}", r.role.label(), r.family);
    if r.synthetic_bold {
        s.push_str("（仿粗）");
    }
    s
}

/// Renders the PDF with the font options; prints which font served each role.
pub fn render_pdf(doc: &Document, style: &Style, fonts: &FontArgs) -> Result<Vec<u8>, u8> {
    match huibao_pdf::render_with_report(doc, style, &pdf_options(fonts)) {
        Ok(r) => {
            let roles: Vec<String> = r.fonts.iter().map(short).collect();
            crate::output::print_line(&format!("pdf fonts: {}", roles.join("，")));
            Ok(r.bytes)
        }
        Err(e) => {
            eprintln!("error: PDF output failed: {e}");
            Err(match e {
                huibao_pdf::Error::MissingGlyph { .. } | huibao_pdf::Error::NoFont { .. } => {
                    crate::exit::REPORT_ERROR
                }
                _ => crate::exit::OUTPUT_ERROR,
            })
        }
    }
}

/// `s` padded with spaces to `width` terminal columns (CJK characters take two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}

/// `huibao fonts`: which font serves each role of the default style, and where it is.
pub fn fonts(args: FontsArgs) -> u8 {
    let style = Style::default();
    match huibao_pdf::fonts_for(&style, &pdf_options(&args.fonts)) {
        Ok(report) => {
            let row = |cells: [&str; 6]| {
                let widths = [12, 6, 18, 24, 20];
                let mut line = String::new();
                for (c, w) in cells.iter().zip(widths) {
                    line.push_str(&pad(c, w));
                    line.push(' ');
                }
                line.push_str(cells[5]);
                crate::output::print_line(line.trim_end());
            };
            row(["role", "size", "wanted", "used", "from", "file"]);
            for r in &report {
                let mut used = if r.postscript.is_empty() {
                    r.family.clone()
                } else {
                    r.postscript.clone()
                };
                if r.synthetic_bold {
                    used.push_str(" (fake bold)");
                }
                let from = if r.stand_in {
                    format!("{} stand-in", r.origin.label())
                } else {
                    r.origin.label().to_string()
                };
                row([
                    r.role.key(),
                    &format!("{}pt", r.size_pt),
                    &r.wanted,
                    &used,
                    &from,
                    &r.path.display().to_string(),
                ]);
            }
            crate::exit::OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            crate::exit::REPORT_ERROR
        }
    }
}
