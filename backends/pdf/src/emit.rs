//! Laid-out pages to printpdf pages and fonts.
//!
//! Every face is subsetted first ([`crate::subset`]) and given to printpdf to embed as
//! it is, under a name of our own (printpdf would name it from a process-wide counter,
//! so a second PDF made in the same process would differ). Every glyph is placed by its
//! own text matrix and shown by its subset glyph id with its character attached, so
//! printpdf writes the ToUnicode map from our characters and merges each line's glyphs
//! into one `TJ`.

use crate::subset::{subset_font, Subset};
use crate::tag::Marked;
use crate::Error;
use huibao_core::ir::structure::{Mark, Role, Structure};
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

/// How a writer marks content for the structure tree: `None` writes no marks at all (an
/// untagged file); else every line and chart is marked and its MCID recorded.
pub(crate) struct Tagger<'a> {
    /// The document's structure tree.
    structure: &'a Structure,
    /// The MCIDs given out so far.
    marked: Marked,
}

impl<'a> Tagger<'a> {
    /// A tagger for `structure`.
    pub(crate) fn new(structure: &'a Structure) -> Tagger<'a> {
        Tagger {
            structure,
            marked: Marked::default(),
        }
    }

    /// Records that content of `mark` covers `rect` ([x0, y0, x1, y1], PDF user space) on
    /// `page`, when it is a figure's (whose box the structure tree gives).
    fn enclose(&mut self, page: usize, mark: Option<Mark>, rect: [f64; 4]) {
        if let Some(node) = mark.and_then(|m| self.structure.node_of(m)) {
            if self.structure.nodes[node].role == Role::Figure {
                self.marked.enclose(node, page, rect);
            }
        }
    }

    /// The opening of the marked content of `mark` on page `page` (`/P <</MCID 3>> BDC`),
    /// or an artifact's when the tree has no place for it.
    fn open(&mut self, ops: &mut Vec<Op>, page: usize, mark: Option<Mark>) {
        match mark.and_then(|m| self.structure.node_of(m)) {
            Some(node) => {
                let mcid = self.marked.next(page, node);
                let mut map = BTreeMap::new();
                map.insert("MCID".to_string(), DictItem::Int(mcid));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.structure.nodes[node].role.name(),
                    properties: DictItem::Dict { map },
                });
            }
            None => artifact(ops, "Layout"),
        }
    }
}

/// Opens an artifact of `kind` (Pagination, Layout): content that is drawn but is not
/// part of the document's logical content.
fn artifact(ops: &mut Vec<Op>, kind: &str) {
    let mut map = BTreeMap::new();
    map.insert("Type".to_string(), DictItem::Name(kind.as_bytes().to_vec()));
    ops.push(Op::BeginMarkedContentWithProperties {
        tag: "Artifact".into(),
        properties: DictItem::Dict { map },
    });
}

/// The ops drawing one line at `y` (from the page's bottom): a text object per run,
/// marked as its structure element's content (or as pagination) when `tagger` is given.
fn line_ops(
    ops: &mut Vec<Op>,
    line: &TextLine,
    y: f64,
    fonts: &[Embedded],
    tagger: Option<&mut Tagger>,
    page: usize,
) {
    let tagged = tagger.is_some();
    if let Some(t) = tagger {
        if line.artifact {
            artifact(ops, "Pagination");
        } else {
            t.open(ops, page, line.mark);
            // The em boxes of the line's glyphs (0.88 em above the baseline).
            for run in &line.runs {
                if let (Some(a), Some(b)) = (run.glyphs.first(), run.glyphs.last()) {
                    let rect = [
                        a.x,
                        y - 0.12 * run.size,
                        b.x + b.advance,
                        y + 0.88 * run.size,
                    ];
                    t.enclose(page, line.mark, rect);
                }
            }
        }
    }
    if line.artifact {
        // Repeated matter: shown, but its ActualText is empty, so text extraction
        // (and copying) gives the document's text once.
        ops.push(actual_text(&[]));
    }
    for run in &line.runs {
        run_ops(ops, run, y, &fonts[run.font.index()]);
    }
    if line.artifact {
        ops.push(Op::EndMarkedContentWithProperties);
    }
    if tagged {
        ops.push(Op::EndMarkedContentWithProperties);
    }
}

/// A `/Span` marked content whose ActualText is `chars` (UTF-16BE with its byte-order
/// mark): what text extraction and copying give for the glyphs inside it.
fn actual_text(chars: &[char]) -> Op {
    let mut data = vec![0xFE, 0xFF];
    for c in chars {
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            data.extend(unit.to_be_bytes());
        }
    }
    let mut map = BTreeMap::new();
    map.insert(
        "ActualText".to_string(),
        DictItem::String {
            data,
            literal: false,
        },
    );
    Op::BeginMarkedContentWithProperties {
        tag: "Span".into(),
        properties: DictItem::Dict { map },
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
        // A variation sequence: the glyph (the variant, or the base when no font has
        // it) shows the whole sequence, so text extraction gives the selector back.
        if let Some(selector) = g.selector {
            ops.push(actual_text(&[g.ch, selector]));
        }
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                font.glyph_ids.get(&g.id).copied().unwrap_or(0),
                0.0,
                g.ch.to_string(),
            )])],
        });
        if g.selector.is_some() {
            ops.push(Op::EndMarkedContentWithProperties);
        }
    }
    if run.synthetic_bold {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    ops.push(Op::EndTextSection);
}

/// A printpdf document with the pages drawn (metadata comes later); with `tagged`, its
/// content marked for the structure tree, and which MCID of each page is which node.
pub(crate) fn document(pages: &Pages, tagged: bool) -> Result<(PdfDocument, Marked), Error> {
    let mut tagger = tagged.then(|| Tagger::new(&pages.structure));
    let mut doc = PdfDocument::new("");
    let fonts = register_fonts(&mut doc, pages)?;
    // PDF measures y up from the page's bottom.
    let flip = |y: f64| pages.height - y;
    let mut out = Vec::with_capacity(pages.pages.len());
    for (n, page) in pages.pages.iter().enumerate() {
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
        // Charts' shapes first: vector paths, so a chart stays sharp and holds no image;
        // the shapes of one chart are one marked-content sequence of its Figure.
        let mut open: Option<Option<Mark>> = None;
        for (k, shape) in page.shapes.iter().enumerate() {
            if let Some(t) = tagger.as_mut() {
                let mark = page.shape_marks.get(k).copied().flatten();
                let rect = match shape {
                    Shape::Fill(f) => [f.x, flip(f.y + f.height), f.x + f.width, flip(f.y)],
                    Shape::Line { line, .. } => [
                        line.x0.min(line.x1),
                        flip(line.y0.max(line.y1)),
                        line.x0.max(line.x1),
                        flip(line.y0.min(line.y1)),
                    ],
                    _ => [0.0; 4],
                };
                if rect != [0.0; 4] {
                    t.enclose(n, mark, rect);
                }
                if open != Some(mark) {
                    if open.is_some() {
                        ops.push(Op::EndMarkedContentWithProperties);
                    }
                    t.open(&mut ops, n, mark);
                    open = Some(mark);
                }
            }
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
        if open.is_some() {
            ops.push(Op::EndMarkedContentWithProperties);
        }
        // Rules and borders are layout, not content.
        if tagger.is_some() && !page.rules.is_empty() {
            artifact(&mut ops, "Layout");
        }
        for r in &page.rules {
            stroke(&mut ops, r);
        }
        if tagger.is_some() && !page.rules.is_empty() {
            ops.push(Op::EndMarkedContentWithProperties);
        }
        for line in &page.lines {
            line_ops(&mut ops, line, flip(line.y), &fonts, tagger.as_mut(), n);
        }
        out.push(PdfPage::new(
            Mm((pages.width / PT_PER_MM) as f32),
            Mm((pages.height / PT_PER_MM) as f32),
            ops,
        ));
    }
    doc.pages = out;
    Ok((doc, tagger.map(|t| t.marked).unwrap_or_default()))
}
