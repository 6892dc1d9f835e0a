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
    /// A picture (PNG bytes) of each chart of the document, in document order, for
    /// readers that draw no charts (Word and WPS draw the chart itself). The caller draws
    /// them (the pipeline: the chart laid out as the PDF draws it, rasterised); a chart
    /// without a picture is an error.
    pub chart_pictures: Vec<Vec<u8>>,
}

/// Why a DOCX could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum Error {
    /// The style asks for something the page cannot hold (margins, sizes, colour): which
    /// value, and what it may be.
    Style(huibao_i18n::Message),
    /// A part docx-rs wrote could not be read back (a bug in this crate or docx-rs).
    Xml(huibao_xml::Error),
    /// The ZIP package could not be written.
    Zip(huibao_xml::Error),
    /// Fewer chart pictures were given than the document has charts.
    MissingPictures {
        /// Charts in the document.
        charts: usize,
        /// Pictures in [`DocxOptions::chart_pictures`].
        pictures: usize,
    },
}

impl Error {
    /// What went wrong, in the chosen language.
    pub fn message(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Error::Style(why) => msg!("docx-style", reason = why.clone()),
            Error::Xml(e) => msg!("docx-part-unreadable", reason = e.message()),
            Error::Zip(e) => msg!("docx-package-unwritable", reason = e.message()),
            Error::MissingPictures { charts, pictures } => msg!(
                "docx-missing-pictures",
                charts = *charts,
                pictures = *pictures
            ),
        }
    }
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
    let charts: Vec<&huibao_core::ir::Chart> = doc.charts().collect();
    if charts.len() > options.chart_pictures.len() {
        return Err(Error::MissingPictures {
            charts: charts.len(),
            pictures: options.chart_pictures.len(),
        });
    }
    let charts: Vec<(&huibao_core::ir::Chart, &[u8])> = charts
        .into_iter()
        .zip(options.chart_pictures.iter().map(Vec::as_slice))
        .collect();
    package::pack(docx.build(), &doc.meta, style, &metrics, &layout, &charts)
}
