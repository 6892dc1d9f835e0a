//! huibao-pdf: laid-out pages to an archival PDF (PDF/A-2b): embedded subsetted
//! fonts, searchable text, bookmarks.
//!
//! [`render`] writes pages laid out by [`huibao_layout`] (once, for every fixed-layout
//! writer: the OFD writer and the rasteriser draw the same pages).

mod emit;
mod icc;
mod pdfa;
mod subset;

use huibao_layout::Pages;

/// Options of the PDF writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Creation time in seconds since the Unix epoch (Info, XMP); `None` is now. Fixed,
    /// the same pages give the same bytes.
    pub created: Option<i64>,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Writing the file failed (a font that cannot be subsetted or embedded, an object
    /// printpdf wrote that cannot be finished).
    #[error("{0}")]
    Pdf(String),
}

/// Writes laid-out pages as the bytes of a PDF/A-2b file (the pages carry their fonts).
pub fn render(pages: &Pages, options: &PdfOptions) -> Result<Vec<u8>, Error> {
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
