//! huibao-docx: the document tree and a style to a .docx for official submission,
//! laid out on the GB/T 9704 grid (22 lines × 28 characters) with real Word styles.
//!
//! docx-rs builds the body, footers and package; the style sheet, settings, font
//! table and document properties are written here, and every part docx-rs wrote is
//! put in schema order before packing (the `schema` module).

mod body;
mod chart;
mod metrics;
mod package;
mod page;
mod picture;
mod schema;
mod styles;
mod table;
#[cfg(test)]
mod tests;
mod xml;

use huibao_core::{Document, Style};

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DocxOptions {
    /// The fonts charts' pictures (for readers that draw no charts) are drawn with, as
    /// the PDF draws them: a session's library, shared with its other documents; not
    /// read for a document without charts.
    pub fonts: huibao_pages::FontLibrary,
}

/// Why a DOCX could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The style asks for something the page cannot hold (margins, sizes, colour).
    #[error("the style cannot be laid out: {0}")]
    Style(String),
    /// A part docx-rs wrote could not be read back (a bug in this crate or docx-rs).
    #[error("malformed XML in the DOCX package: {0}")]
    Xml(String),
    /// The ZIP package could not be written.
    #[error("cannot write the DOCX package: {0}")]
    Zip(String),
    /// A chart's picture could not be laid out (a font, a character no font has).
    #[error(transparent)]
    Layout(#[from] huibao_pages::Error),
    /// A chart's picture could not be drawn.
    #[error("cannot draw a chart's picture: {0}")]
    Picture(String),
}

/// Renders `doc` with `style` to the bytes of a .docx file.
pub fn render(doc: &Document, style: &Style, options: &DocxOptions) -> Result<Vec<u8>, Error> {
    let metrics = metrics::Metrics::new(style)?;
    let layout = styles::Layout::new(style, &metrics);
    let cx = body::Context {
        style,
        metrics: &metrics,
        layout: &layout,
    };
    let mut docx = page::setup(docx_rs::Docx::new(), style, &metrics);
    for item in body::items(&doc.blocks, &cx) {
        docx = match item {
            body::Item::Paragraph(p) => docx.add_paragraph(*p),
            body::Item::Table(t) => docx.add_table(*t),
        };
    }
    let pictures = huibao_pages::lay_out_charts(doc, style, &options.fonts)?
        .iter()
        .map(picture::png)
        .collect::<Result<Vec<_>, _>>()?;
    let charts: Vec<(&huibao_core::ir::Chart, Vec<u8>)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            huibao_core::ir::Block::Chart(c) => Some(c),
            _ => None,
        })
        .zip(pictures)
        .collect();
    package::pack(docx.build(), &doc.meta, style, &metrics, &layout, &charts)
}
