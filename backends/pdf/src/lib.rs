//! huibao-pdf: laid-out pages to an archival PDF (PDF/A-2b): embedded subsetted
//! fonts, searchable text, bookmarks.
//!
//! [`render`] lays the document tree out with [`huibao_layout`] and writes it;
//! [`write_pages`] writes pages laid out once for several writers (PDF and OFD);
//! [`fonts_for`] tells which font serves each role.

mod emit;
mod icc;
mod pdfa;
mod subset;

use huibao_core::{Document, Style};
use huibao_layout::{FontOptions, Pages};
use std::path::PathBuf;

pub use huibao_layout::{Origin, RoleReport};

/// Options of the PDF writer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Extra font directories (`--font-dir`, `HUIBAO_FONT_DIR`); their fonts are
    /// preferred like installed ones. Read by [`render`]'s layout only.
    pub font_dirs: Vec<PathBuf>,
    /// Look up installed fonts. Off: only the bundled fonts and `font_dirs` are used.
    /// Read by [`render`]'s layout only.
    pub system_fonts: bool,
    /// The bundled fonts directory; `None` finds it at run time from the executable's
    /// place. Read by [`render`]'s layout only.
    pub bundled_dir: Option<PathBuf>,
    /// Creation time in seconds since the Unix epoch; `None` is now.
    pub created: Option<i64>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            font_dirs: Vec::new(),
            system_fonts: true,
            bundled_dir: None,
            created: None,
        }
    }
}

impl PdfOptions {
    /// The font lookup of these options, for [`huibao_layout::lay_out`].
    pub fn font_options(&self) -> FontOptions {
        let mut fonts = FontOptions::default();
        fonts.font_dirs = self.font_dirs.clone();
        fonts.system_fonts = self.system_fonts;
        fonts.bundled_dir = self.bundled_dir.clone();
        fonts
    }
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document could not be laid out (a font, a character no font has).
    #[error(transparent)]
    Layout(#[from] huibao_layout::Error),
    /// Writing the file failed.
    #[error("{0}")]
    Pdf(String),
}

/// Which font serves each role of `style` with these options.
pub fn fonts_for(style: &Style, options: &PdfOptions) -> Result<Vec<RoleReport>, Error> {
    Ok(huibao_layout::fonts_for(style, &options.font_options())?)
}

/// A rendered PDF and the fonts that served each role.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Which font served each role.
    pub fonts: Vec<RoleReport>,
    /// Number of pages.
    pub pages: usize,
}

/// Renders `doc` with `style` to the bytes of a .pdf file.
pub fn render(doc: &Document, style: &Style, options: &PdfOptions) -> Result<Vec<u8>, Error> {
    render_with_report(doc, style, options).map(|r| r.bytes)
}

/// Renders `doc` and reports which font served each role.
pub fn render_with_report(
    doc: &Document,
    style: &Style,
    options: &PdfOptions,
) -> Result<Rendered, Error> {
    let pages = huibao_layout::lay_out(doc, style, &options.font_options())?;
    Ok(Rendered {
        bytes: write_pages(&pages, options)?,
        fonts: pages.roles.clone(),
        pages: pages.pages.len(),
    })
}

/// Writes laid-out pages as the bytes of a PDF/A-2b file (of `options`, only
/// `created` is read: the pages carry their fonts).
pub fn write_pages(pages: &Pages, options: &PdfOptions) -> Result<Vec<u8>, Error> {
    let pdf = emit::document(pages)?;
    let mut warnings = Vec::new();
    let lopdf_doc = pdf.to_lopdf_document(&printpdf::PdfSaveOptions::default(), &mut warnings);
    let outlines: Vec<pdfa::Outline> = pages
        .outline
        .iter()
        .map(|e| pdfa::Outline {
            page: e.page,
            level: e.level,
            title: e.title.clone(),
            y: pages.height - e.y,
        })
        .collect();
    let created = options.created.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    let meta = pdfa::Meta {
        title: pages.meta.title.clone(),
        author: pages.meta.author.clone(),
        subject: pages.meta.subject.clone(),
        language: pages.meta.language.clone(),
        created,
        creator: format!("huibao {}", env!("CARGO_PKG_VERSION")),
        producer: format!("huibao-pdf {} (printpdf 0.12)", env!("CARGO_PKG_VERSION")),
    };
    pdfa::finish(lopdf_doc, &meta, &outlines)
}
