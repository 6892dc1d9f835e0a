//! huibao-ofd: laid-out pages to an OFD package (GB/T 33190-2016), beside the PDF
//! writer and from the same [`huibao_layout::Pages`], so both show the same line and page
//! breaks.
//!
//! [`render_pages`] writes pages laid out once for several writers; [`render`] lays the
//! document tree out first. The package aims at OFD-A: every font embedded (as a
//! TrueType subset), no reference outside the package.

mod content;
mod font;
mod package;
mod units;

use huibao_core::{Document, Style};
use huibao_layout::{FontOptions, Pages};

/// Options of the OFD writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct OfdOptions {
    /// Where [`render`]'s layout looks up fonts ([`render_pages`] ignores it: the pages
    /// carry their fonts).
    pub fonts: FontOptions,
    /// Creation time in seconds since the Unix epoch (the DocInfo's CreationDate, and
    /// through it the DocID); `None` is now. Fixed, the same pages give the same bytes.
    pub created: Option<i64>,
}

/// Why an OFD package could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document could not be laid out (a font, a character no font has).
    #[error(transparent)]
    Layout(#[from] huibao_layout::Error),
    /// A font could not be embedded.
    #[error("cannot embed font {font} in the OFD: {reason}")]
    Font {
        /// The font's file.
        font: String,
        /// What went wrong.
        reason: String,
    },
    /// Writing the package failed.
    #[error("cannot write the OFD package: {0}")]
    Package(#[from] huibao_xml::Error),
}

/// Renders `doc` with `style` to the bytes of an .ofd file (lays it out, then
/// [`render_pages`]).
pub fn render(doc: &Document, style: &Style, options: &OfdOptions) -> Result<Vec<u8>, Error> {
    let pages = huibao_layout::lay_out(doc, style, &options.fonts)?;
    render_pages(&pages, options)
}

/// Writes laid-out pages as the bytes of an OFD package: `OFD.xml` (DocInfo, DocRoot),
/// `Doc_0/Document.xml` (page area, pages, outlines), `Doc_0/PublicRes.xml` (colour
/// space, fonts), the font subsets in `Doc_0/Res/`, and one
/// `Doc_0/Pages/Page_N/Content.xml` per page.
pub fn render_pages(pages: &Pages, options: &OfdOptions) -> Result<Vec<u8>, Error> {
    let created = options.created.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    package::write(pages, created)
}
