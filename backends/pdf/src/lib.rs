//! huibao-pdf: laid-out pages to an archival, accessible PDF (PDF/A-2a and PDF/UA-1, or
//! PDF/A-2b on request): embedded subsetted fonts, searchable text, bookmarks, and a
//! structure tree (headings, paragraphs, lists, tables, figures with their description)
//! that screen readers, reflowing viewers and text extractors follow.
//!
//! [`render`] writes pages laid out by [`huibao_layout`] (once, for every fixed-layout
//! writer: the OFD writer and the rasteriser draw the same pages).

mod deflate;
mod emit;
mod font;
mod icc;
mod pdfa;
mod subset;
mod tag;
#[cfg(test)]
mod unchanged;

use huibao_layout::Pages;

/// Options of the PDF writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Creation time in seconds since the Unix epoch (Info, XMP); `None` is now. Fixed,
    /// the same pages give the same bytes.
    pub created: Option<i64>,
    /// The PDF/A level the file conforms to and claims.
    pub conformance: Conformance,
}

/// The standards a PDF conforms to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Conformance {
    /// PDF/A-2a and PDF/UA-1: a tagged PDF — every text in marked content tied to a
    /// structure tree (headings, paragraphs, lists, tables with header cells, figures
    /// with alternate text), pagination and rules as artifacts, the language and the
    /// title shown by viewers. What archives and accessibility rules (GB/T 37668) ask.
    #[default]
    A2a,
    /// PDF/A-2b: the same pages without a structure tree (a little smaller); text is
    /// searchable and extractable, but not tagged.
    A2b,
}

impl Conformance {
    /// Whether the file is tagged.
    pub fn tagged(self) -> bool {
        self == Conformance::A2a
    }
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A font could not be subsetted: the font library's words.
    #[error("{}", self.message())]
    FontSubset {
        /// The font's file.
        font: String,
        /// What the font library said.
        why: String,
    },
    /// A font's subset could not be read back to be embedded.
    #[error("{}", self.message())]
    FontSubsetUnreadable {
        /// The font's file.
        font: String,
    },
    /// printpdf's document lacks a part the PDF/A finishing needs (a bug).
    #[error("{}", self.message())]
    Incomplete(Part),
    /// The finished file could not be written: the PDF library's words.
    #[error("{}", self.message())]
    Save(String),
}

/// A part of the PDF the finishing looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// The first page's resources.
    PageResources,
    /// The fonts of the page resources.
    FontResources,
    /// The document catalog.
    Catalog,
    /// The file identifier in the trailer.
    FileIdentifier,
}

impl Error {
    /// What went wrong, in the chosen language (a library's words follow as （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Error::FontSubset { font, why } => {
                msg!(
                    "pdf-font-subset",
                    font = font.as_str(),
                    detail = why.as_str()
                )
            }
            Error::FontSubsetUnreadable { font } => {
                msg!("pdf-font-subset-unreadable", font = font.as_str())
            }
            Error::Incomplete(part) => msg!(
                "pdf-incomplete",
                part = match part {
                    Part::PageResources => "/Resources",
                    Part::FontResources => "/Resources/Font",
                    Part::Catalog => "/Root",
                    Part::FileIdentifier => "/ID",
                }
            ),
            Error::Save(why) => msg!("pdf-save", detail = why.as_str()),
        }
    }
}

/// Writes laid-out pages as the bytes of a PDF file of `options.conformance` (the pages
/// carry their fonts).
pub fn render(pages: &Pages, options: &PdfOptions) -> Result<Vec<u8>, Error> {
    write(pages, options, emit::FontPath::Prepared)
}

/// [`render`], the fonts written along `path`.
fn write(pages: &Pages, options: &PdfOptions, path: emit::FontPath) -> Result<Vec<u8>, Error> {
    let tagged = options.conformance.tagged();
    let (pdf, marked, fonts) = emit::document(pages, tagged, path)?;
    let mut warnings = Vec::new();
    let mut lopdf_doc = pdf.to_lopdf_document(&printpdf::PdfSaveOptions::default(), &mut warnings);
    font::write_all(&mut lopdf_doc, &fonts)?;
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
        tagged,
    };
    let structure = tagged.then_some((&pages.structure, &marked));
    pdfa::finish(lopdf_doc, &meta, &outlines, structure)
}
