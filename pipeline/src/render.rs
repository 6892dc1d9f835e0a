//! Rendering a prepared report to each format's bytes, all in memory.

use crate::{Diagnostic, Prepared, RoleReport, Session, SkippedFont};
use rayon::prelude::*;
use std::fmt;
use std::path::PathBuf;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Word (GB/T 9704 layout) for official submission.
    Docx,
    /// PDF/A-2b with embedded, subsetted fonts, for the archive.
    Pdf,
    /// One self-contained HTML page for reading, review and A4 printing.
    Html,
    /// Plain UTF-8 text, one line per paragraph (for pasting into other systems).
    Txt,
    /// OFD (GB/T 33190-2016) with embedded, subsetted fonts: the PDF's pages in China's
    /// national fixed-layout format.
    Ofd,
}

impl Format {
    /// Every format, in the order the program lists them.
    pub const ALL: [Format; 5] = [
        Format::Docx,
        Format::Pdf,
        Format::Html,
        Format::Txt,
        Format::Ofd,
    ];

    /// The file extension: "docx".
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Ofd => "ofd",
        }
    }

    /// The name in messages: "DOCX".
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "DOCX",
            Format::Pdf => "PDF",
            Format::Html => "HTML",
            Format::Txt => "TXT",
            Format::Ofd => "OFD",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One rendered file, not yet written.
#[derive(Debug, Clone)]
pub struct Output {
    /// Its format.
    pub format: Format,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Every format asked for, rendered.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rendered {
    /// One output per format, in the order asked, each format once.
    pub outputs: Vec<Output>,
    /// Which font served each role of the PDF (and OFD), when either was rendered.
    pub pdf_fonts: Option<Vec<RoleReport>>,
    /// Font files passed over for the PDF (and OFD) because they cannot be used; the
    /// next face that fits served instead. Worth a warning naming each.
    pub skipped_fonts: Vec<SkippedFont>,
    /// Warnings of the rendering, located in the report: a variation sequence the PDF
    /// and OFD draw with its base glyph because no font has the variant.
    pub warnings: Vec<Diagnostic>,
}

impl Rendered {
    /// The bytes of one format, when it was rendered.
    pub fn get(&self, format: Format) -> Option<&[u8]> {
        self.outputs
            .iter()
            .find(|o| o.format == format)
            .map(|o| o.bytes.as_slice())
    }
}

/// A format that could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
#[non_exhaustive]
pub struct RenderError {
    /// The format that failed.
    pub format: Format,
    /// The report's path, as it was given.
    pub report: PathBuf,
    /// What the backend said.
    #[source]
    pub source: Box<BackendError>,
    /// The same fault at its place in the report, when the report wrote the text at
    /// fault (a character no font has): print this rather than the error itself.
    pub place: Option<Box<Diagnostic>>,
}

impl RenderError {
    /// What failed, in the chosen language: which output of which report, and the
    /// backend's own message (a library's words in it follow as （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        huibao_i18n::msg!(
            "render-failed",
            format = self.format.name(),
            report = self.report.display(),
            reason = self.source.message()
        )
    }

    /// A located diagnostic for a character no font has: the report's line and column
    /// where the character was written, found from the block the layout was setting.
    fn locate(prepared: &Prepared, source: &BackendError) -> Option<Diagnostic> {
        let layout = match source {
            BackendError::Layout(e) => e,
            _ => return None,
        };
        let huibao_layout::Error::MissingGlyph {
            ch, block, tried, ..
        } = layout
        else {
            return None;
        };
        let span = prepared.document.source_of((*block)?)?;
        let file = &prepared.loaded.file;
        let at = file
            .text
            .get(span.clone())
            .and_then(|written| written.find(*ch))
            .map_or(span.start, |offset| span.start + offset);
        Some(
            Diagnostic::error(huibao_i18n::msg!(
                "font-missing-glyph",
                character = *ch,
                code = format!("U+{:04X}", *ch as u32)
            ))
            .at(file, at..at + ch.len_utf8())
            .with_label(huibao_i18n::msg!("font-missing-glyph-label"))
            .with_help(huibao_i18n::msg!(
                "font-missing-glyph-help",
                fonts = tried.to_string()
            )),
        )
    }

    /// True when the report cannot be rendered as written — a character no font has, no
    /// font at all for a role, a font folder that is not there — so the fix is in the
    /// report, the installed fonts or the font options (the program exits 1); false when
    /// the writer itself failed (exit 3).
    pub fn is_report_error(&self) -> bool {
        let layout = match &*self.source {
            BackendError::Layout(e) => e,
            _ => return false,
        };
        matches!(
            layout,
            huibao_layout::Error::MissingGlyph { .. }
                | huibao_layout::Error::NoFont { .. }
                | huibao_layout::Error::FontDir { .. }
        )
    }
}

/// The error of one backend.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BackendError {
    /// From huibao-layout: the page layout the PDF and the OFD share.
    #[error(transparent)]
    Layout(#[from] huibao_layout::Error),
    /// From huibao-docx.
    #[error(transparent)]
    Docx(#[from] huibao_docx::Error),
    /// From huibao-pdf.
    #[error(transparent)]
    Pdf(#[from] huibao_pdf::Error),
    /// From huibao-html.
    #[error(transparent)]
    Html(#[from] huibao_html::Error),
    /// From huibao-ofd.
    #[error(transparent)]
    Ofd(#[from] huibao_ofd::Error),
    /// From huibao-raster: a chart's picture for the DOCX.
    #[error("{}", self.message())]
    Raster(#[from] huibao_raster::Error),
}

impl BackendError {
    /// What the backend said, in the chosen language.
    pub fn message(&self) -> huibao_i18n::Message {
        match self {
            BackendError::Layout(e) => e.message(),
            BackendError::Docx(e) => e.message(),
            BackendError::Pdf(e) => e.message(),
            BackendError::Html(e) => e.message(),
            BackendError::Ofd(e) => e.message(),
            BackendError::Raster(e) => {
                huibao_i18n::msg!("render-chart-picture", reason = e.message())
            }
        }
    }
}

impl Session {
    /// Renders `prepared` to every format in `formats` (a format named twice is rendered
    /// once), in memory and concurrently: DOCX, HTML and the page layout run side by
    /// side, and PDF and OFD are written side by side from one layout, made once when
    /// either is asked for. Nothing is written: see [`crate::write_outputs`]. When
    /// formats fail, the error is that of the first failed format in the order asked.
    pub fn render(&self, prepared: &Prepared, formats: &[Format]) -> Result<Rendered, RenderError> {
        let mut asked: Vec<Format> = Vec::new();
        for &f in formats {
            if !asked.contains(&f) {
                asked.push(f);
            }
        }
        let failed = |format: Format| {
            move |source: BackendError| RenderError {
                format,
                report: prepared.loaded.file.path.clone(),
                place: RenderError::locate(prepared, &source).map(Box::new),
                source: Box::new(source),
            }
        };
        let fixed: Vec<Format> = asked
            .iter()
            .copied()
            .filter(|f| matches!(f, Format::Pdf | Format::Ofd))
            .collect();
        let flowing: Vec<Format> = asked
            .iter()
            .copied()
            .filter(|f| !fixed.contains(f))
            .collect();
        let (flowing_done, fixed_done) = rayon::join(
            || {
                flowing
                    .par_iter()
                    .map(|&f| (f, self.render_flowing(prepared, f).map_err(failed(f))))
                    .collect::<Vec<_>>()
            },
            || self.render_fixed(prepared, &fixed),
        );
        let mut warnings = Vec::new();
        let (fonts, skipped_fonts, fixed_done) = match fixed_done {
            Ok(laid) => (
                (!fixed.is_empty()).then_some({
                    warnings.extend(
                        laid.variant_fallbacks
                            .iter()
                            .map(|f| variant_warning(prepared, f)),
                    );
                    laid.roles
                }),
                laid.skipped_fonts,
                laid.outputs
                    .into_iter()
                    .map(|(f, r)| (f, r.map_err(failed(f))))
                    .collect::<Vec<_>>(),
            ),
            // The layout failed: every fixed-layout format failed with it.
            Err(e) => (
                None,
                Vec::new(),
                fixed
                    .iter()
                    .map(|&f| (f, Err(e.clone_for(f, prepared))))
                    .collect(),
            ),
        };
        let mut done: Vec<(Format, Result<Vec<u8>, RenderError>)> =
            flowing_done.into_iter().chain(fixed_done).collect();
        let mut rendered = Rendered {
            outputs: Vec::with_capacity(asked.len()),
            pdf_fonts: fonts,
            skipped_fonts,
            warnings,
        };
        for format in asked {
            let at = done.iter().position(|(f, _)| *f == format);
            if let Some(at) = at {
                let bytes = done.swap_remove(at).1?;
                rendered.outputs.push(Output { format, bytes });
            }
        }
        Ok(rendered)
    }

    /// A picture of each chart of `prepared`, for the DOCX's readers that draw no charts:
    /// the chart laid out as the PDF draws it, rasterised. Its few words are set in the
    /// bundled fonts, which every installation has, so that a DOCX never waits for the
    /// installed fonts to be found; only a character they lack sends the picture to
    /// the session's fonts, as the PDF's.
    fn chart_pictures(&self, prepared: &Prepared) -> Result<Vec<Vec<u8>>, BackendError> {
        let (doc, style) = (&prepared.document, prepared.style());
        let charts = match huibao_layout::lay_out_charts(doc, style, &self.bundled) {
            Err(
                huibao_layout::Error::MissingGlyph { .. } | huibao_layout::Error::NoFont { .. },
            ) => huibao_layout::lay_out_charts(doc, style, &self.fonts)?,
            laid => laid?,
        };
        let options = huibao_raster::RasterOptions::default();
        Ok(charts
            .iter()
            .map(|chart| huibao_raster::png(chart, 0, &options))
            .collect::<Result<_, _>>()?)
    }

    /// DOCX, HTML or TXT: drawn straight from the document tree.
    fn render_flowing(&self, prepared: &Prepared, format: Format) -> Result<Vec<u8>, BackendError> {
        let doc = &prepared.document;
        let style = prepared.style();
        Ok(match format {
            Format::Docx => {
                let mut docx = huibao_docx::DocxOptions::default();
                docx.chart_pictures = self.chart_pictures(prepared)?;
                huibao_docx::render(doc, style, &docx)?
            }
            Format::Html => {
                huibao_html::render(doc, style, &huibao_html::HtmlOptions::default())?.into_bytes()
            }
            _ => format!("{}\n", doc.plain_text()).into_bytes(),
        })
    }

    /// PDF and OFD (those of `formats`) from one page layout, written side by side, with
    /// the fonts that served each role. Nothing asked: nothing laid out.
    fn render_fixed(
        &self,
        prepared: &Prepared,
        formats: &[Format],
    ) -> Result<FixedLayout, LayoutFailed> {
        if formats.is_empty() {
            return Ok(FixedLayout::default());
        }
        let pages = huibao_layout::lay_out_with(&prepared.document, prepared.style(), &self.fonts)
            .map_err(LayoutFailed)?;
        let outputs = formats
            .par_iter()
            .map(|&f| {
                let bytes = if f == Format::Pdf {
                    huibao_pdf::render(&pages, &self.pdf_options(&prepared.loaded.report))
                        .map_err(BackendError::from)
                } else {
                    huibao_ofd::render(&pages, &self.ofd_options()).map_err(BackendError::from)
                };
                (f, bytes)
            })
            .collect();
        Ok(FixedLayout {
            roles: pages.roles,
            skipped_fonts: pages.skipped_fonts,
            variant_fallbacks: pages.variant_fallbacks,
            outputs,
        })
    }
}

/// What [`Session::render_fixed`] made.
#[derive(Default)]
struct FixedLayout {
    /// The fonts that served each role.
    roles: Vec<RoleReport>,
    /// Font files passed over because they cannot be used.
    skipped_fonts: Vec<SkippedFont>,
    /// Variation sequences drawn with their base glyph.
    variant_fallbacks: Vec<huibao_layout::VariantFallback>,
    /// Each format's bytes or error.
    outputs: Vec<(Format, Result<Vec<u8>, BackendError>)>,
}

/// The page layout failed: the error of every fixed-layout format asked for.
struct LayoutFailed(huibao_layout::Error);

impl LayoutFailed {
    /// The error of `format`.
    fn clone_for(&self, format: Format, prepared: &Prepared) -> RenderError {
        let source = BackendError::Layout(self.0.clone());
        RenderError {
            format,
            report: prepared.loaded.file.path.clone(),
            place: RenderError::locate(prepared, &source).map(Box::new),
            source: Box::new(source),
        }
    }
}

/// The warning for a variation sequence the PDF and OFD draw with its base glyph: at the
/// place the report wrote the selector (found from the block the layout was setting),
/// else naming the layout's place.
fn variant_warning(prepared: &Prepared, f: &huibao_layout::VariantFallback) -> Diagnostic {
    let sequence: String = [f.base, f.selector].iter().collect();
    let selector = format!("U+{:04X}", u32::from(f.selector));
    let d = Diagnostic::warning(huibao_i18n::msg!(
        "render-variant-fallback",
        base = f.base,
        selector = selector.as_str(),
        font = f.family.as_str(),
        place = f.place.to_string(),
        context = f.context.as_str()
    ))
    .with_help(huibao_i18n::msg!(
        "render-variant-fallback-help",
        selector = selector.as_str()
    ));
    let file = &prepared.loaded.file;
    // The sequence as written raw, else (written as escapes) the start of its text.
    let written = f
        .block
        .and_then(|b| prepared.document.source_of(b))
        .map(
            |span| match file.text.get(span.clone()).and_then(|t| t.find(&sequence)) {
                Some(offset) => {
                    let at = span.start + offset + f.base.len_utf8();
                    at..at + f.selector.len_utf8()
                }
                None => span.start..span.start,
            },
        );
    match written {
        Some(span) => d
            .at(file, span)
            .with_label(huibao_i18n::msg!("render-variant-fallback-label")),
        None => d,
    }
}
