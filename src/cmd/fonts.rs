//! `huibao fonts` and the font options of `render` (PDF output).

use clap::Args;
use huibao_core::{Document, Style};

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

/// Renders the PDF with the font options.
pub fn render_pdf(doc: &Document, style: &Style, _fonts: &FontArgs) -> Result<Vec<u8>, u8> {
    huibao_pdf::render(doc, style, &huibao_pdf::PdfOptions::default()).map_err(|e| {
        eprintln!("error: PDF output failed: {e}");
        crate::exit::OUTPUT_ERROR
    })
}

/// `huibao fonts`.
pub fn fonts(_args: FontsArgs) -> u8 {
    eprintln!("error: font lookup comes with PDF output, which is not built yet");
    crate::exit::OUTPUT_ERROR
}
