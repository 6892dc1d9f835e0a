//! huibao-layout: the document tree and a style to pages of positioned glyphs and rules
//! on the GB/T 9704 grid, with the fonts they use — the one layout that every
//! fixed-layout writer (PDF, OFD) serialises.
//!
//! One entry point, [`lay_out`] (or [`lay_out_with`] a [`FontLibrary`] shared by many
//! documents); [`FontLibrary::fonts_for`] tells which font serves each role without
//! laying anything out.

mod fonts;
mod layout;
mod linebreak;
mod pages;

use huibao_core::{Document, Style};
use std::path::PathBuf;

pub use fonts::{FontData, FontLibrary, Origin, RoleReport, SkippedFont};
pub use layout::Rgb;
pub use pages::{
    Fill, Font, FontId, Glyph, GlyphRun, OutlineEntry, Page, Pages, Rule, Shape, TextLine,
};

/// Where fonts are looked up.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FontOptions {
    /// Extra font directories (`--font-dir`, `HUIBAO_FONT_DIR`); their fonts are
    /// preferred like installed ones.
    pub font_dirs: Vec<PathBuf>,
    /// Look up installed fonts (where fontconfig's configuration says, on Linux).
    /// Off: only the bundled fonts and `font_dirs` are used.
    pub system_fonts: bool,
    /// The bundled fonts directory; `None` finds it at run time from the executable's
    /// place: `fonts/` beside it, `../share/huibao/fonts`, or the first `fonts/` holding
    /// the bundled files in a folder above it (a build inside the repository).
    pub bundled_dir: Option<PathBuf>,
}

impl Default for FontOptions {
    fn default() -> Self {
        FontOptions {
            font_dirs: Vec::new(),
            system_fonts: true,
            bundled_dir: None,
        }
    }
}

impl FontOptions {
    fn sources(&self) -> fonts::FontSources {
        fonts::FontSources {
            dirs: self.font_dirs.clone(),
            bundled: self.bundled_dir.clone().or_else(fonts::find_bundled_dir),
            system: self.system_fonts,
        }
    }
}

/// Why a document could not be laid out.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// A font file could not be read.
    #[error("{}", self.message())]
    FontLoad {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: huibao_i18n::Message,
    },
    /// A font folder given by the user does not exist.
    #[error("{}", self.message())]
    FontDir {
        /// The folder as given.
        path: PathBuf,
    },
    /// No font at all was found for a role.
    #[error("{}", self.message())]
    NoFont {
        /// The role's label.
        role: &'static str,
        /// The families looked for.
        families: String,
    },
    /// A character that no font has.
    #[error("{}", self.message())]
    MissingGlyph {
        /// The character.
        ch: char,
        /// Where it is: "正文第3段", "表格1第2行第3列" …
        place: String,
        /// The index of the document block it is in (`None` outside the blocks: page
        /// numbers); [`huibao_core::Document::source_of`] tells where the report wrote it.
        block: Option<usize>,
        /// The text around it.
        context: String,
        /// The families looked in.
        tried: String,
    },
}

impl Error {
    /// What went wrong, in the chosen language (the font library's words, for a font that
    /// cannot be read, follow as （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Error::FontLoad { path, reason } => msg!(
                "layout-font-unusable",
                path = path.display(),
                reason = reason.clone()
            ),
            Error::FontDir { path } => msg!("layout-font-dir-missing", path = path.display()),
            Error::NoFont { role, families } => {
                msg!("layout-no-font", role = *role, families = families.as_str())
            }
            Error::MissingGlyph {
                ch,
                place,
                context,
                tried,
                ..
            } => msg!(
                "layout-missing-glyph",
                character = *ch,
                code = format!("U+{:04X}", *ch as u32),
                place = place.as_str(),
                context = context.as_str(),
                tried = tried.as_str()
            ),
        }
    }
}

/// A variation sequence (a base character and a variation selector, U+FE00–FE0F or
/// U+E0100–E01EF, that choose the glyph of a person's or a place's name) that no font
/// serving it has a variant for: the base glyph is drawn, the selector kept in the text
/// layer. Worth a warning at the place the report wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VariantFallback {
    /// The base character.
    pub base: char,
    /// The variation selector after it.
    pub selector: char,
    /// The family of the face that drew the base glyph.
    pub family: String,
    /// Where it is: "正文第3段" …
    pub place: String,
    /// The index of the document block it is in (`None` outside the blocks);
    /// [`huibao_core::Document::source_of`] tells where the report wrote it.
    pub block: Option<usize>,
    /// The text around it.
    pub context: String,
}

/// Lays `doc` out with `style`: finds the fonts, sets every block on the grid and
/// breaks it into pages. Many documents: [`lay_out_with`] one [`FontLibrary`].
pub fn lay_out(doc: &Document, style: &Style, options: &FontOptions) -> Result<Pages, Error> {
    lay_out_with(doc, style, &FontLibrary::new(options))
}

/// Lays `doc` out with `style` and the fonts of `library`, which every document of a
/// session shares (fonts found, mapped and looked up once).
pub fn lay_out_with(doc: &Document, style: &Style, library: &FontLibrary) -> Result<Pages, Error> {
    let fonts = fonts::Fonts::resolve_in(style, library)?;
    let (pages, fallbacks) = layout::typeset(doc, &fonts, style)?;
    let mut pages = pages::assemble(doc, &fonts, &layout::Geometry::new(style), pages);
    pages.variant_fallbacks = fallbacks;
    Ok(pages)
}

/// Every chart of `doc`, each drawn alone with its caption below it on a page of their
/// size (the text block's width, the chart's and the caption's rows' height; positions
/// from the chart's top-left corner), with the fonts of `library`: the pictures a
/// writer shows where its reader draws no charts. In document order; empty when `doc` has no chart (and then
/// no font is looked up).
pub fn lay_out_charts(
    doc: &Document,
    style: &Style,
    library: &FontLibrary,
) -> Result<Vec<Pages>, Error> {
    if doc.charts().next().is_none() {
        return Ok(Vec::new());
    }
    let fonts = fonts::Fonts::resolve_in(style, library)?;
    Ok(layout::chart_pictures(doc, &fonts, style)?
        .into_iter()
        .map(|(geo, page)| pages::assemble(doc, &fonts, &geo, vec![page]))
        .collect())
}

impl FontLibrary {
    /// A library of the fonts `options` say where to find. Nothing is read until a
    /// document needs fonts.
    pub fn new(options: &FontOptions) -> FontLibrary {
        FontLibrary::with_sources(options.sources())
    }

    /// Which font serves each role of `style`.
    pub fn fonts_for(&self, style: &Style) -> Result<Vec<RoleReport>, Error> {
        Ok(fonts::Fonts::resolve_in(style, self)?.report())
    }
}

impl Default for FontLibrary {
    fn default() -> Self {
        FontLibrary::new(&FontOptions::default())
    }
}
