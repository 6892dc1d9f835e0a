//! One page's `Content.xml`: a layer of PathObjects (rules, table borders) and
//! TextObjects (one per glyph run), positions in millimetres from the page's top-left
//! corner.
//!
//! Pagination matter (page numbers, "续表", a repeated table header) is drawn as
//! filled glyph outlines, not text: OFD 1.0 has no way to mark text as an artifact, and
//! the PDF keeps that matter out of the document's text too.

use crate::units::{deltas, mm, nums, rgb};
use huibao_layout::{Fill, GlyphRun, Page, Pages, Rgb, Rule, Shape, TextLine};
use huibao_xml::Element;
use std::collections::BTreeMap;

/// Stroke width of synthesised bold, as a share of the font size (as in the PDF).
const FAKE_BOLD: f64 = 0.03;

/// Height of a text object's boundary below the baseline, as a share of the size.
const DESCENT: f64 = 0.25;

/// Gives out the document's object IDs, from 1 up.
#[derive(Debug, Default)]
pub(crate) struct Ids(u32);

impl Ids {
    /// The next unused ID.
    pub(crate) fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }

    /// The largest ID given out (the document's MaxUnitID).
    pub(crate) fn max(&self) -> u32 {
        self.0
    }
}

/// A font as the pages' text refers to it.
pub(crate) struct FontRef<'a> {
    /// Its ID in PublicRes.
    pub id: u32,
    /// Glyph id in the embedded subset, by glyph id in the source.
    pub glyph_ids: &'a BTreeMap<u16, u16>,
    /// The glyph the subset's cmap gives each character, in the source's ids.
    pub cmap: &'a BTreeMap<char, u16>,
}

/// Draws pages: fonts for text, the source faces for outlines of pagination matter.
pub(crate) struct PageWriter<'a> {
    pub pages: &'a Pages,
    /// By [`huibao_layout::FontId`] index; `None` for a font no text uses.
    pub fonts: Vec<Option<FontRef<'a>>>,
    /// By [`huibao_layout::FontId`] index.
    pub faces: Vec<ttf_parser::Face<'a>>,
}

impl PageWriter<'_> {
    /// The page's `Content.xml` root.
    pub(crate) fn page(&self, page: &Page, ids: &mut Ids) -> Element {
        let mut layer = Element::new("ofd:Layer")
            .attr("ID", ids.next().to_string())
            .attr("Type", "Body");
        // Charts' shapes first, as in the PDF: filled and stroked paths.
        for shape in &page.shapes {
            match shape {
                Shape::Fill(f) => layer = layer.child(fill_object(f, ids)),
                Shape::Line { line, dash } => {
                    let mut obj = rule_object(line, ids);
                    if let Some(d) = dash {
                        obj = obj.attr("DashPattern", nums(&[mm(d[0]), mm(d[1])]));
                    }
                    layer = layer.child(obj);
                }
                _ => {}
            }
        }
        for rule in &page.rules {
            layer = layer.child(rule_object(rule, ids));
        }
        for line in &page.lines {
            for run in &line.runs {
                layer = layer.child(if line.artifact {
                    self.outlines(line, run, ids)
                } else {
                    self.text(line, run, ids)
                });
            }
        }
        let area = Element::new("ofd:Area").child(Element::new("ofd:PhysicalBox").text(&nums(&[
            0.0,
            0.0,
            mm(self.pages.width),
            mm(self.pages.height),
        ])));
        Element::new("ofd:Page")
            .attr("xmlns:ofd", crate::package::NAMESPACE)
            .child(area)
            .child(Element::new("ofd:Content").child(layer))
    }

    /// A run as a TextObject: the characters with their X, Y and DeltaX, and a
    /// CGTransform for any glyph the font's cmap would not pick for its character.
    fn text(&self, line: &TextLine, run: &GlyphRun, ids: &mut Ids) -> Element {
        let font = self.fonts[run.font.index()]
            .as_ref()
            .expect("every font of a text run is embedded");
        let (x, y, w, h) = run_box(line, run);
        let mut obj = Element::new("ofd:TextObject")
            .attr("ID", ids.next().to_string())
            .attr("Boundary", nums(&[x, y, w, h]))
            .attr("Font", font.id.to_string())
            .attr("Size", nums(&[mm(run.size)]));
        if run.synthetic_bold {
            obj = obj
                .attr("Stroke", "true")
                .attr("LineWidth", nums(&[mm(run.size * FAKE_BOLD)]));
        }
        if run.color != Rgb::BLACK {
            obj = obj.child(color("ofd:FillColor", run.color));
        }
        if run.synthetic_bold {
            obj = obj.child(color("ofd:StrokeColor", run.color));
        }
        // Positions rounded first, so the steps add up to the rounded positions.
        let at: Vec<f64> = run
            .glyphs
            .iter()
            .map(|g| crate::units::round(mm(g.x) - x))
            .collect();
        let steps: Vec<f64> = at.windows(2).map(|p| p[1] - p[0]).collect();
        for (i, g) in run.glyphs.iter().enumerate() {
            if font.cmap.get(&g.ch) != Some(&g.id) {
                obj = obj.child(
                    Element::new("ofd:CGTransform")
                        .attr("CodePosition", i.to_string())
                        .attr("CodeCount", "1")
                        .attr("GlyphCount", "1")
                        .child(Element::new("ofd:Glyphs").text(&font.glyph_ids[&g.id].to_string())),
                );
            }
        }
        let text: String = run.glyphs.iter().map(|g| g.ch).collect();
        let mut code = Element::new("ofd:TextCode")
            .attr("X", nums(&[at[0]]))
            .attr("Y", nums(&[mm(line.y) - y]));
        if !steps.is_empty() {
            code = code.attr("DeltaX", deltas(&steps));
        }
        obj.child(code.text(&text))
    }

    /// A run of pagination matter as one PathObject filled with its glyphs' outlines.
    fn outlines(&self, line: &TextLine, run: &GlyphRun, ids: &mut Ids) -> Element {
        let (x, y, w, h) = run_box(line, run);
        let face = &self.faces[run.font.index()];
        let scale = run.size / f64::from(face.units_per_em());
        let mut pen = PathData::default();
        for g in &run.glyphs {
            // Font units (y up) to millimetres inside the boundary (y down).
            pen.map = [mm(g.x) - x, mm(line.y) - y, mm(scale)];
            face.outline_glyph(ttf_parser::GlyphId(g.id), &mut pen);
        }
        Element::new("ofd:PathObject")
            .attr("ID", ids.next().to_string())
            .attr("Boundary", nums(&[x, y, w, h]))
            .attr("Stroke", "false")
            .attr("Fill", "true")
            .child(color("ofd:FillColor", run.color))
            .child(Element::new("ofd:AbbreviatedData").text(pen.data.trim_end()))
    }
}

/// A run's boundary in millimetres: from its first glyph's left edge to its last
/// glyph's advance, from a size above the baseline to a quarter size below.
fn run_box(line: &TextLine, run: &GlyphRun) -> (f64, f64, f64, f64) {
    let first = run.glyphs.first().map_or(0.0, |g| g.x);
    let last = run.glyphs.last().map_or(0.0, |g| g.x + g.advance);
    (
        mm(first),
        mm(line.y - run.size),
        mm(last - first),
        mm(run.size * (1.0 + DESCENT)),
    )
}

/// A rule as a stroked PathObject; the boundary takes in the line's width.
fn rule_object(rule: &Rule, ids: &mut Ids) -> Element {
    let half = rule.width / 2.0;
    let x = mm(rule.x0.min(rule.x1) - half);
    let y = mm(rule.y0.min(rule.y1) - half);
    let w = mm((rule.x1 - rule.x0).abs() + rule.width);
    let h = mm((rule.y1 - rule.y0).abs() + rule.width);
    let path = format!(
        "M {} L {}",
        nums(&[mm(rule.x0) - x, mm(rule.y0) - y]),
        nums(&[mm(rule.x1) - x, mm(rule.y1) - y])
    );
    Element::new("ofd:PathObject")
        .attr("ID", ids.next().to_string())
        .attr("Boundary", nums(&[x, y, w, h]))
        .attr("LineWidth", nums(&[mm(rule.width)]))
        .child(color("ofd:StrokeColor", rule.color))
        .child(Element::new("ofd:AbbreviatedData").text(&path))
}

/// A filled rectangle as a PathObject.
fn fill_object(f: &Fill, ids: &mut Ids) -> Element {
    let (w, h) = (mm(f.width), mm(f.height));
    let path = format!(
        "M 0 0 L {} L {} L {} C",
        nums(&[w, 0.0]),
        nums(&[w, h]),
        nums(&[0.0, h])
    );
    Element::new("ofd:PathObject")
        .attr("ID", ids.next().to_string())
        .attr("Boundary", nums(&[mm(f.x), mm(f.y), w, h]))
        .attr("Stroke", "false")
        .attr("Fill", "true")
        .child(color("ofd:FillColor", f.color))
        .child(Element::new("ofd:AbbreviatedData").text(&path))
}

fn color(name: &str, c: Rgb) -> Element {
    Element::new(name).attr("Value", rgb(c))
}

/// Glyph outlines as AbbreviatedData, placed by `map`: [x, baseline y, mm per unit].
#[derive(Default)]
struct PathData {
    map: [f64; 3],
    data: String,
}

impl PathData {
    fn op(&mut self, op: char, points: &[(f32, f32)]) {
        let [x, y, s] = self.map;
        self.data.push(op);
        for &(px, py) in points {
            self.data.push(' ');
            self.data
                .push_str(&nums(&[x + f64::from(px) * s, y - f64::from(py) * s]));
        }
        self.data.push(' ');
    }
}

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        self.op('M', &[(x, y)]);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.op('L', &[(x, y)]);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.op('Q', &[(x1, y1), (x, y)]);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.op('B', &[(x1, y1), (x2, y2), (x, y)]);
    }
    fn close(&mut self) {
        self.data.push_str("C ");
    }
}
