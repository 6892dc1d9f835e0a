//! Pages of positioned glyphs and rules to printpdf pages and fonts.
//!
//! Every glyph is placed by its own text matrix and shown by glyph id with its
//! character attached, so printpdf subsets the font, writes the ToUnicode map from
//! our characters, and merges each line's glyphs into one `TJ`.

use crate::fonts::Fonts;
use crate::layout::{Geometry, Glyph, Page, Rgb, TextLine};
use crate::Error;
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, Point, Pt, TextItem, TextMatrix, TextRenderingMode,
};
use std::collections::{BTreeMap, HashMap};

/// Stroke width of synthesised bold, as a share of the font size.
const FAKE_BOLD: f32 = 0.03;

/// Adds every face the pages use to `doc`; returns their printpdf ids.
fn register_fonts(
    doc: &mut PdfDocument,
    fonts: &Fonts,
    pages: &[Page],
) -> Result<HashMap<usize, FontId>, Error> {
    let mut used: Vec<usize> = pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .flat_map(|l| l.glyphs.iter().map(|g| g.face))
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut ids = HashMap::new();
    for i in used {
        let face = &fonts.faces[i];
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&face.data, face.index as usize, &mut warnings)
            .ok_or_else(|| Error::FontLoad {
                path: face.path.clone(),
                reason: "printpdf cannot parse it".into(),
            })?;
        ids.insert(i, doc.add_font(&parsed));
    }
    Ok(ids)
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// The ops drawing one line: a text object per run of glyphs in one face, size,
/// weight and colour.
fn line_ops(ops: &mut Vec<Op>, line: &TextLine, y: f64, font_ids: &HashMap<usize, FontId>) {
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
    let key = |g: &Glyph| {
        (
            g.face,
            g.size.to_bits(),
            g.fake_bold,
            g.color.0.to_bits(),
            g.color.1.to_bits(),
            g.color.2.to_bits(),
        )
    };
    let mut start = 0;
    while start < line.glyphs.len() {
        let k = key(&line.glyphs[start]);
        let end = line.glyphs[start..]
            .iter()
            .position(|g| key(g) != k)
            .map_or(line.glyphs.len(), |n| start + n);
        let run = &line.glyphs[start..end];
        let first = &run[0];
        if let Some(font) = font_ids.get(&first.face) {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor {
                col: color(first.color),
            });
            if first.fake_bold {
                ops.push(Op::SetOutlineColor {
                    col: color(first.color),
                });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(first.size as f32 * FAKE_BOLD),
                });
                ops.push(Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke,
                });
            }
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(first.size as f32),
            });
            for g in run {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(g.x as f32), Pt(y as f32)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                        g.gid,
                        0.0,
                        g.ch.to_string(),
                    )])],
                });
            }
            if first.fake_bold {
                ops.push(Op::SetTextRenderingMode {
                    mode: TextRenderingMode::Fill,
                });
            }
            ops.push(Op::EndTextSection);
        }
        start = end;
    }
    if line.artifact {
        ops.push(Op::EndMarkedContentWithProperties);
    }
}

/// A printpdf document with the pages drawn (metadata comes later).
pub fn document(geo: &Geometry, fonts: &Fonts, pages: &[Page]) -> Result<PdfDocument, Error> {
    let mut doc = PdfDocument::new("");
    let font_ids = register_fonts(&mut doc, fonts, pages)?;
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::new();
        for r in &page.rules {
            ops.push(Op::SetOutlineColor {
                col: color(r.color),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(r.width as f32),
            });
            let pt = |x: f64, dy: f64| LinePoint {
                p: Point {
                    x: Pt(x as f32),
                    y: Pt((geo.top - dy) as f32),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![pt(r.x0, r.dy0), pt(r.x1, r.dy1)],
                    is_closed: false,
                },
            });
        }
        for line in &page.lines {
            line_ops(&mut ops, line, geo.top - line.dy, &font_ids);
        }
        out.push(PdfPage::new(
            Mm((geo.page_w / huibao_core::style::PT_PER_MM) as f32),
            Mm((geo.page_h / huibao_core::style::PT_PER_MM) as f32),
            ops,
        ));
    }
    doc.pages = out;
    Ok(doc)
}
