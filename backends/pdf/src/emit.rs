//! Laid-out pages to printpdf pages and fonts.
//!
//! Every face is subsetted first ([`crate::subset`]) and given to printpdf to embed as
//! it is, under a name of our own (printpdf would name it from a process-wide counter,
//! so a second PDF made in the same process would differ). Every glyph is placed by its
//! own text matrix and shown by its subset glyph id with its character attached, so
//! printpdf writes the ToUnicode map from our characters and merges each line's glyphs
//! into one `TJ`.

use crate::subset::{subset_font, Subset};
use crate::Error;
use huibao_core::style::PT_PER_MM;
use huibao_layout::{GlyphRun, Pages, Rgb, Rule, Shape, TextLine};
use printpdf::{
    Codepoint, Color, DictItem, FontEmbeddingMode, FontId, Line, LineDashPattern, LinePoint, Mm,
    Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, Point, Polygon,
    PolygonRing, Pt, TextItem, TextMatrix, TextRenderingMode, WindingOrder,
};
use std::collections::BTreeMap;

/// Stroke width of synthesised bold, as a share of the font size.
const FAKE_BOLD: f32 = 0.03;

/// A font as printpdf knows it: its resource id and the subset's glyph ids.
struct Embedded {
    id: FontId,
    glyph_ids: std::collections::BTreeMap<u16, u16>,
}

/// Subsets every font of the pages and adds it to `doc`, embedded as it is; returns
/// them by [`huibao_layout::FontId`] index.
fn register_fonts(doc: &mut PdfDocument, pages: &Pages) -> Result<Vec<Embedded>, Error> {
    use rayon::prelude::*;
    // Subsetting and parsing each face is independent work: side by side on the cores.
    let fonts: Vec<(Subset, ParsedFont)> = pages
        .fonts
        .par_iter()
        .map(|font| {
            let subset = subset_font(font)?;
            let mut warnings = Vec::new();
            let parsed =
                ParsedFont::from_bytes(&subset.bytes, 0, &mut warnings).ok_or_else(|| {
                    Error::Pdf(format!(
                        "cannot use font {}: printpdf cannot parse its subset",
                        font.path.display()
                    ))
                })?;
            Ok((subset, parsed))
        })
        .collect::<Result<_, Error>>()?;
    Ok(fonts
        .into_iter()
        .enumerate()
        .map(|(i, (subset, mut parsed))| {
            parsed.font_name = Some(subset.name);
            let mut font = PdfFont::new(parsed);
            // Already a subset: printpdf embeds it as it is.
            font.meta.embedding_mode = FontEmbeddingMode::Full;
            font.meta.requires_subsetting = false;
            let id = FontId(format!("F{}", i + 1));
            doc.resources.fonts.map.insert(id.clone(), font);
            Embedded {
                id,
                glyph_ids: subset.glyph_ids,
            }
        })
        .collect())
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// The ops drawing one line at `y` (from the page's bottom): a text object per run.
fn line_ops(ops: &mut Vec<Op>, line: &TextLine, y: f64, fonts: &[Embedded]) {
    if line.artifact {
        // Repeated matter: shown, but its ActualText is empty, so text extraction
        // (and copying) gives the document's text once.
        let mut map = BTreeMap::new();
        map.insert(
            "ActualText".to_string(),
            DictItem::String {
                data: vec![0xFE, 0xFF],
                literal: false,
            },
        );
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict { map },
        });
    }
    for run in &line.runs {
        run_ops(ops, run, y, &fonts[run.font.index()]);
    }
    if line.artifact {
        ops.push(Op::EndMarkedContentWithProperties);
    }
}

/// One text object: the run's font, size, colour and weight, a text matrix per glyph.
fn run_ops(ops: &mut Vec<Op>, run: &GlyphRun, y: f64, font: &Embedded) {
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor {
        col: color(run.color),
    });
    if run.synthetic_bold {
        ops.push(Op::SetOutlineColor {
            col: color(run.color),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(run.size as f32 * FAKE_BOLD),
        });
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::FillStroke,
        });
    }
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(font.id.clone()),
        size: Pt(run.size as f32),
    });
    for g in &run.glyphs {
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(g.x as f32), Pt(y as f32)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                font.glyph_ids.get(&g.id).copied().unwrap_or(0),
                0.0,
                g.ch.to_string(),
            )])],
        });
    }
    if run.synthetic_bold {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    ops.push(Op::EndTextSection);
}

/// A printpdf document with the pages drawn (metadata comes later).
pub(crate) fn document(pages: &Pages) -> Result<PdfDocument, Error> {
    let mut doc = PdfDocument::new("");
    let fonts = register_fonts(&mut doc, pages)?;
    // PDF measures y up from the page's bottom.
    let flip = |y: f64| pages.height - y;
    let mut out = Vec::with_capacity(pages.pages.len());
    for page in &pages.pages {
        let mut ops = Vec::new();
        let pt = |x: f64, y: f64| LinePoint {
            p: Point {
                x: Pt(x as f32),
                y: Pt(flip(y) as f32),
            },
            bezier: false,
        };
        let stroke = |ops: &mut Vec<Op>, r: &Rule| {
            ops.push(Op::SetOutlineColor {
                col: color(r.color),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(r.width as f32),
            });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![pt(r.x0, r.y0), pt(r.x1, r.y1)],
                    is_closed: false,
                },
            });
        };
        // Charts' shapes first: vector paths, so a chart stays sharp and holds no image.
        for shape in &page.shapes {
            match shape {
                Shape::Fill(f) => {
                    ops.push(Op::SetFillColor {
                        col: color(f.color),
                    });
                    let (x0, y0, x1, y1) = (f.x, f.y, f.x + f.width, f.y + f.height);
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: vec![pt(x0, y0), pt(x1, y0), pt(x1, y1), pt(x0, y1)],
                            }],
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                Shape::Line { line, dash } => {
                    if let Some([on, off]) = dash {
                        ops.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::new(0.0, &[*on as f32, *off as f32]),
                        });
                    }
                    stroke(&mut ops, line);
                    if dash.is_some() {
                        ops.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::solid(),
                        });
                    }
                }
                _ => {}
            }
        }
        for r in &page.rules {
            stroke(&mut ops, r);
        }
        for line in &page.lines {
            line_ops(&mut ops, line, flip(line.y), &fonts);
        }
        out.push(PdfPage::new(
            Mm((pages.width / PT_PER_MM) as f32),
            Mm((pages.height / PT_PER_MM) as f32),
            ops,
        ));
    }
    doc.pages = out;
    Ok(doc)
}
