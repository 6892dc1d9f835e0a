//! huibao-pdf: the document tree and a style to an archival PDF (PDF/A-2b): CJK
//! typesetting on the GB/T 9704 grid, embedded subsetted fonts, searchable text.
//!
//! One entry point, [`render`]; [`fonts_for`] tells which font serves each role.

mod emit;
pub mod fonts;
mod icc;
pub mod layout;
pub mod linebreak;
mod pdfa;

use huibao_core::{Document, Style};
use std::path::PathBuf;

pub use fonts::{Origin, RoleReport};

/// Options of the PDF writer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Extra font directories (`--font-dir`, `HUIBAO_FONT_DIR`); their fonts are
    /// preferred like installed ones.
    pub font_dirs: Vec<PathBuf>,
    /// Look up installed fonts. Off: only the bundled fonts and `font_dirs` are used.
    pub system_fonts: bool,
    /// The bundled fonts directory; `None` finds it next to the executable or in the
    /// source tree.
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

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A font file could not be read.
    #[error("cannot use font {}: {reason}", path.display())]
    FontLoad {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// No font at all was found for a role.
    #[error("no font for {role} (wanted: {families}); install one or give --font-dir")]
    NoFont {
        /// The role's label.
        role: &'static str,
        /// The families looked for.
        families: String,
    },
    /// A character that no font has.
    #[error(
        "no font has the character “{ch}” (U+{:04X}) in {place}: “{context}” (fonts tried: {tried})",
        *ch as u32
    )]
    MissingGlyph {
        /// The character.
        ch: char,
        /// Where it is: "正文第3段", "表格1第2行第3列" …
        place: String,
        /// The text around it.
        context: String,
        /// The families looked in.
        tried: String,
    },
    /// Writing the file failed.
    #[error("{0}")]
    Pdf(String),
}

impl PdfOptions {
    fn sources(&self) -> fonts::FontSources {
        fonts::FontSources {
            dirs: self.font_dirs.clone(),
            bundled: self.bundled_dir.clone().or_else(fonts::find_bundled_dir),
            system: self.system_fonts,
        }
    }
}

/// Which font serves each role of `style` with these options.
pub fn fonts_for(style: &Style, options: &PdfOptions) -> Result<Vec<RoleReport>, Error> {
    Ok(fonts::Fonts::resolve(style, &options.sources())?.report())
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
    let fonts = fonts::Fonts::resolve(style, &options.sources())?;
    let pages = layout::typeset(doc, &fonts, style)?;
    let geo = layout::Geometry::new(style);
    let pdf = emit::document(&geo, &fonts, &pages)?;
    let mut warnings = Vec::new();
    let lopdf_doc = pdf.to_lopdf_document(&printpdf::PdfSaveOptions::default(), &mut warnings);
    let outlines: Vec<pdfa::Outline> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.bookmarks.iter().map(move |b| pdfa::Outline {
                page: i,
                level: b.level,
                title: b.title.clone(),
                y: geo.top - b.dy,
            })
        })
        .collect();
    let created = options.created.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    let meta = pdfa::Meta {
        title: doc.meta.title.clone(),
        author: doc.meta.author.clone(),
        subject: doc.meta.subject.clone(),
        language: doc.meta.language.clone(),
        created,
        creator: format!("huibao {}", env!("CARGO_PKG_VERSION")),
        producer: format!("huibao-pdf {} (printpdf 0.12)", env!("CARGO_PKG_VERSION")),
    };
    let bytes = pdfa::finish(lopdf_doc, &meta, &outlines)?;
    Ok(Rendered {
        bytes,
        fonts: fonts.report(),
        pages: pages.len(),
    })
}
