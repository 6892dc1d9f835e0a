//! huibao-ofd: laid-out pages to an OFD package (GB/T 33190-2016), beside the PDF
//! writer and from the same [`huibao_layout::Pages`], so both show the same line and page
//! breaks.
//!
//! [`render`] writes pages laid out once for every fixed-layout writer. The package aims
//! at OFD-A: every font embedded (as a TrueType subset), no reference outside the
//! package.

mod content;
mod font;
mod package;
mod units;

use huibao_layout::Pages;

/// Options of the OFD writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct OfdOptions {
    /// Creation time in seconds since the Unix epoch (the DocInfo's CreationDate, and
    /// through it the DocID); `None` is now. Fixed, the same pages give the same bytes.
    pub created: Option<i64>,
}

/// Why an OFD package could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A font could not be embedded.
    #[error("{}", self.message())]
    Font {
        /// The font's file.
        font: String,
        /// What the font library said.
        reason: String,
    },
    /// Writing the package failed.
    #[error("{}", self.message())]
    Package(#[from] huibao_xml::Error),
}

impl Error {
    /// What went wrong, in the chosen language (a font library's words follow as
    /// （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Error::Font { font, reason } => {
                msg!("ofd-font", font = font.as_str(), detail = reason.as_str())
            }
            Error::Package(e) => msg!("ofd-package-unwritable", reason = e.message()),
        }
    }
}

/// Writes laid-out pages as the bytes of an OFD package: `OFD.xml` (DocInfo, DocRoot),
/// `Doc_0/Document.xml` (page area, pages, outlines), `Doc_0/PublicRes.xml` (colour
/// space, fonts), the font subsets in `Doc_0/Res/`, and one
/// `Doc_0/Pages/Page_N/Content.xml` per page.
pub fn render(pages: &Pages, options: &OfdOptions) -> Result<Vec<u8>, Error> {
    let created = options.created.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    package::write(pages, created)
}
