//! huibao-docx: the document tree and a style to a .docx for official submission.

use huibao_core::{Document, Style};

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DocxOptions {}

/// Why a DOCX could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The backend is not built yet.
    #[error("DOCX output is not built yet")]
    NotBuilt,
}

/// Renders `doc` with `style` to the bytes of a .docx file.
pub fn render(_doc: &Document, _style: &Style, _options: &DocxOptions) -> Result<Vec<u8>, Error> {
    Err(Error::NotBuilt)
}
