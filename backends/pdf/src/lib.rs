//! huibao-pdf: the document tree and a style to an archival PDF (PDF/A-2b) with embedded, subsetted fonts.

pub mod fonts;
pub mod linebreak;

use huibao_core::{Document, Style};

/// Options of the PDF writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PdfOptions {}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The backend is not built yet.
    #[error("PDF output is not built yet")]
    NotBuilt,
    /// A font file could not be read.
    #[error("cannot use font {}: {reason}", path.display())]
    FontLoad {
        /// The file.
        path: std::path::PathBuf,
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
}

/// Renders `doc` with `style` to the bytes of a .pdf file.
pub fn render(_doc: &Document, _style: &Style, _options: &PdfOptions) -> Result<Vec<u8>, Error> {
    Err(Error::NotBuilt)
}
