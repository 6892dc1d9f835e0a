//! Laid-out pages to printpdf pages.
//!
//! Every face is subsetted and parsed once ([`crate::font`]); a run's glyphs are shown
//! by their codes in one `TJ` per stretch of the line, each placed by the kerning
//! that reproduces its position, and the fonts are written beside printpdf's objects
//! afterwards. (printpdf, given the fonts, would measure every glyph again through its
//! outline: [`FontPath::Printpdf`], kept for the tests that compare the two.)

use crate::font::PreparedFont;
use crate::tag::Marked;
use crate::Error;
use huibao_core::ir::structure::{Mark, Role, Structure};
use huibao_core::style::PT_PER_MM;
use huibao_layout::{GlyphRun, Pages, Rgb, Rule, Shape, TextLine};
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode,
    PdfDocument, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix,
    TextRenderingMode, WindingOrder,
};
use std::collections::BTreeMap;

/// Stroke width of synthesised bold, as a share of the font size.
const FAKE_BOLD: f32 = 0.03;

/// Who writes the fonts and measures the glyphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FontPath {
    /// Fonts prepared once ([`crate::font`]), written by [`crate::font::write_all`].
    Prepared,
    /// Fonts given to printpdf, which measures every glyph as it writes: the path
    /// before [`crate::font`], kept to show that the prepared fonts change nothing.
    #[cfg(test)]
    Printpdf,
}

/// The fonts the pages show their glyphs in.
enum Faces {
    /// Prepared once; each records the glyphs it shows.
    Prepared(Vec<PreparedFont>),
    /// Given to printpdf.
    #[cfg(test)]
    Printpdf(Vec<reference::Embedded>),
}

impl Faces {
    /// The fonts to write beside printpdf's objects (none when printpdf writes them).
    fn into_prepared(self) -> Vec<PreparedFont> {
        match self {
            Faces::Prepared(fonts) => fonts,
            #[cfg(test)]
            Faces::Printpdf(_) => Vec::new(),
        }
    }
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
    faces: &mut Faces,
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
        run_ops(ops, run, y, faces);
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

/// One text object: the run's font, size, colour and weight, and its glyphs.
fn run_ops(ops: &mut Vec<Op>, run: &GlyphRun, y: f64, faces: &mut Faces) {
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
    let resource = match faces {
        Faces::Prepared(fonts) => fonts[run.font.index()].resource.clone(),
        #[cfg(test)]
        Faces::Printpdf(fonts) => fonts[run.font.index()].id.0.clone(),
    };
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(FontId(resource)),
        size: Pt(run.size as f32),
    });
    match faces {
        Faces::Prepared(fonts) => show_glyphs(ops, run, y, &mut fonts[run.font.index()]),
        #[cfg(test)]
        Faces::Printpdf(fonts) => reference::show_glyphs(ops, run, y, &fonts[run.font.index()]),
    }
    if run.synthetic_bold {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    ops.push(Op::EndTextSection);
}

/// Glyphs of a run shown together: one text matrix, then each glyph's code and the
/// kerning that moves the pen from where the previous glyph's width left it to where
/// the next one stands (printpdf's merging of per-glyph matrices, done here with the
/// widths the font's `/W` gives).
struct Stretch {
    /// x of the text matrix (the first glyph's), as printpdf holds it.
    x: f32,
    /// Where the pen stands, in thousandths of an em from `x`.
    pen: f64,
    /// The codes, each with the kerning after it.
    codes: Vec<Codepoint>,
}

impl Stretch {
    /// Adds a glyph of `width` (thousandths of an em) at `x`, text set at `size`.
    fn push(&mut self, code: u16, x: f32, width: i64, size: f32) {
        let to = (f64::from(x) - f64::from(self.x)) * 1000.0 / f64::from(size);
        let kern = (self.pen - to) as f32;
        if kern != 0.0 {
            if let Some(previous) = self.codes.last_mut() {
                previous.offset = kern;
            }
            self.pen -= f64::from(kern);
        }
        self.codes.push(Codepoint::new(code, 0.0));
        self.pen += width as f64;
    }

    /// The ops showing the stretch at `y`.
    fn flush(self, ops: &mut Vec<Op>, y: f32) {
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(self.x), Pt(y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(self.codes)],
        });
    }
}

/// The glyphs of `run` at `y`, shown in `font` in stretches: a glyph of a variation
/// sequence stands alone, inside the marked content that gives its text.
fn show_glyphs(ops: &mut Vec<Op>, run: &GlyphRun, y: f64, font: &mut PreparedFont) {
    let (y, size) = (y as f32, run.size as f32);
    let mut stretch: Option<Stretch> = None;
    for g in &run.glyphs {
        let sgid = font.subset_gid(g.id);
        let code = font.show(sgid, g.ch);
        let x = g.x as f32;
        // A variation sequence: the glyph (the variant, or the base when no font has
        // it) shows the whole sequence, so text extraction gives the selector back.
        if let Some(selector) = g.selector {
            if let Some(s) = stretch.take() {
                s.flush(ops, y);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(y)),
            });
            ops.push(actual_text(&[g.ch, selector]));
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint::new(code, 0.0)])],
            });
            ops.push(Op::EndMarkedContentWithProperties);
            continue;
        }
        stretch
            .get_or_insert_with(|| Stretch {
                x,
                pen: 0.0,
                codes: Vec::new(),
            })
            .push(code, x, font.width(sgid), size);
    }
    if let Some(s) = stretch {
        s.flush(ops, y);
    }
}

/// A printpdf document with the pages drawn (metadata comes later); with `tagged`, its
/// content marked for the structure tree, and which MCID of each page is which node;
/// and the fonts to write beside it ([`crate::font::write_all`]; none when printpdf
/// writes them, `path` [`FontPath::Printpdf`]).
pub(crate) fn document(
    pages: &Pages,
    tagged: bool,
    path: FontPath,
) -> Result<(PdfDocument, Marked, Vec<PreparedFont>), Error> {
    let mut tagger = tagged.then(|| Tagger::new(&pages.structure));
    let mut doc = PdfDocument::new("");
    let mut faces = match path {
        FontPath::Prepared => Faces::Prepared(crate::font::prepare(pages)?),
        #[cfg(test)]
        FontPath::Printpdf => Faces::Printpdf(reference::register_fonts(&mut doc, pages)?),
    };
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
            line_ops(&mut ops, line, flip(line.y), &mut faces, tagger.as_mut(), n);
        }
        out.push(PdfPage::new(
            Mm((pages.width / PT_PER_MM) as f32),
            Mm((pages.height / PT_PER_MM) as f32),
            ops,
        ));
    }
    doc.pages = out;
    Ok((
        doc,
        tagger.map(|t| t.marked).unwrap_or_default(),
        faces.into_prepared(),
    ))
}

/// The fonts given to printpdf to embed and measure, and each glyph shown by a text
/// matrix of its own, as before [`crate::font`]: what the tests compare the prepared
/// fonts against.
#[cfg(test)]
mod reference {
    use super::actual_text;
    use crate::subset::{subset_font, Subset};
    use crate::Error;
    use huibao_layout::{GlyphRun, Pages};
    use printpdf::{
        Codepoint, FontEmbeddingMode, FontId, Op, ParsedFont, PdfDocument, PdfFont, Pt, TextItem,
        TextMatrix,
    };
    use std::collections::BTreeMap;

    /// A font as printpdf knows it: its resource id and the subset's glyph ids.
    pub(super) struct Embedded {
        /// The resource name.
        pub(super) id: FontId,
        /// Subset glyph id by source glyph id.
        glyph_ids: BTreeMap<u16, u16>,
    }

    /// Subsets every font of the pages and adds it to `doc`, embedded as it is.
    pub(super) fn register_fonts(
        doc: &mut PdfDocument,
        pages: &Pages,
    ) -> Result<Vec<Embedded>, Error> {
        let fonts: Vec<(Subset, ParsedFont)> =
            pages
                .fonts
                .iter()
                .map(|font| {
                    let subset = subset_font(font)?;
                    let mut warnings = Vec::new();
                    let parsed = ParsedFont::from_bytes(&subset.bytes, 0, &mut warnings)
                        .ok_or_else(|| Error::FontSubsetUnreadable {
                            font: font.path.display().to_string(),
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

    /// A text matrix per glyph, shown by its subset glyph id with its character.
    pub(super) fn show_glyphs(ops: &mut Vec<Op>, run: &GlyphRun, y: f64, font: &Embedded) {
        for g in &run.glyphs {
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(g.x as f32), Pt(y as f32)),
            });
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
    }
}
