//! The layout's result: pages of positioned glyph runs and rules, the outline, and
//! every font used with the glyphs a writer must embed.
//!
//! Coordinates are in points from the page's top-left corner, y growing downwards
//! (as in OFD; a PDF writer flips y).

use crate::fonts::{FontData, Fonts, RoleReport};
use crate::layout::{self, Geometry, Rgb};
use huibao_core::ir::DocumentMeta;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A laid-out document: what a fixed-layout writer needs and nothing else.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Pages {
    /// Page width in points (every page has the same size).
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// The pages in order.
    pub pages: Vec<Page>,
    /// The fonts the pages use, indexed by [`FontId`].
    pub fonts: Vec<Font>,
    /// Bookmarks: one per heading (and per outline-level run-in paragraph and attachment), in
    /// document order.
    pub outline: Vec<OutlineEntry>,
    /// Title, author, subject, date and language for the file's metadata.
    pub meta: DocumentMeta,
    /// Which font served each role of the style.
    pub roles: Vec<RoleReport>,
    /// Font files passed over because they cannot be used (the next face served).
    pub skipped_fonts: Vec<crate::SkippedFont>,
}

impl Pages {
    /// The font of a run.
    pub fn font(&self, id: FontId) -> &Font {
        &self.fonts[id.0]
    }
}

/// One page: charts' shapes are drawn first, then rules, then the text.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Page {
    /// Lines of text, in reading order (a table's cells row by row, each cell's
    /// lines together, a chart's labels in the order of the chart's text); pagination
    /// matter last.
    pub lines: Vec<TextLine>,
    /// Straight rules: the red header's rule, table borders, the 版记 rules.
    pub rules: Vec<Rule>,
    /// The shapes of charts (bars, legend keys, grid lines, axes, a dashed 100% line),
    /// in drawing order.
    pub shapes: Vec<Shape>,
}

/// A shape of a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Shape {
    /// A filled rectangle: a bar or a legend key.
    Fill(Fill),
    /// A straight line, solid or dashed.
    Line {
        /// Where it runs, how wide and in what colour.
        line: Rule,
        /// Dash and gap lengths in points; `None` for a solid line.
        dash: Option<[f64; 2]>,
    },
}

/// A filled rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Fill {
    /// Left edge, from the page's left edge.
    pub x: f64,
    /// Top edge, from the page's top edge.
    pub y: f64,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// Colour.
    pub color: Rgb,
}

/// Glyphs on one baseline.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TextLine {
    /// Baseline, from the page's top edge.
    pub y: f64,
    /// Runs of glyphs in one font, size, colour and weight, left to right.
    pub runs: Vec<GlyphRun>,
    /// Pagination matter (a page number, "续表" and a repeated table header): drawn,
    /// but not document text, so writers keep it out of extracted text.
    pub artifact: bool,
}

impl TextLine {
    /// The characters the line shows.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.ch))
            .collect()
    }
}

/// Consecutive glyphs of a line set alike.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GlyphRun {
    /// The font, in [`Pages::fonts`].
    pub font: FontId,
    /// Font size in points.
    pub size: f64,
    /// Fill colour.
    pub color: Rgb,
    /// Bold drawn by stroking the outline too (the face has no bold).
    pub synthetic_bold: bool,
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
}

/// One glyph and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Glyph {
    /// Glyph id in the run's font (never 0, the missing glyph).
    pub id: u16,
    /// The character it shows (its text for extraction).
    pub ch: char,
    /// Left edge, from the page's left edge.
    pub x: f64,
    /// Advance before justification, in points.
    pub advance: f64,
}

/// A straight rule from (x0, y0) to (x1, y1).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Rule {
    /// Start x, from the page's left edge.
    pub x0: f64,
    /// Start y, from the page's top edge.
    pub y0: f64,
    /// End x.
    pub x1: f64,
    /// End y.
    pub y1: f64,
    /// Line width in points.
    pub width: f64,
    /// Colour.
    pub color: Rgb,
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OutlineEntry {
    /// Nesting level, 1 at the top.
    pub level: u8,
    /// The entry's text.
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Top of the entry's first line, from the page's top edge.
    pub y: f64,
}

/// Index of a font in [`Pages::fonts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(usize);

impl FontId {
    /// The index in [`Pages::fonts`].
    pub fn index(self) -> usize {
        self.0
    }
}

/// A font face the pages use, with what a writer needs to embed a subset of it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Font {
    /// Family name (English when the font has one).
    pub family: String,
    /// PostScript name.
    pub postscript_name: String,
    /// The file it came from.
    pub path: PathBuf,
    /// Face index inside a collection (0 for a single font).
    pub index: u32,
    /// Weight class (400 regular, 700 bold).
    pub weight: u16,
    /// The whole font file.
    pub data: FontData,
    /// Every character drawn in this font and its glyph id: the glyphs a subset
    /// keeps, and the character map it needs.
    pub chars: BTreeMap<char, u16>,
}

/// The typesetter's pages as [`Pages`]: glyphs grouped into runs, positions from the
/// page's top-left corner, only the faces used (in the order the fonts were found).
pub(crate) fn assemble(
    meta: &DocumentMeta,
    fonts: &Fonts,
    geo: &Geometry,
    set: Vec<layout::Page>,
) -> Pages {
    let glyphs = || {
        set.iter()
            .flat_map(|p| p.lines.iter())
            .flat_map(|l| l.glyphs.iter())
    };
    let mut used: Vec<usize> = glyphs().map(|g| g.face).collect();
    used.sort_unstable();
    used.dedup();
    let id = |face: usize| FontId(used.binary_search(&face).unwrap_or_default());
    let mut out_fonts: Vec<Font> = used
        .iter()
        .map(|&i| {
            let f = &fonts.faces[i];
            Font {
                family: f.family.clone(),
                postscript_name: f.postscript.clone(),
                path: f.path.clone(),
                index: f.index,
                weight: f.weight,
                // A used face had a glyph looked up, so it is mapped.
                data: fonts.data(i).unwrap_or_else(|| FontData::from(Vec::new())),
                chars: BTreeMap::new(),
            }
        })
        .collect();
    for g in glyphs() {
        out_fonts[id(g.face).0].chars.insert(g.ch, g.gid);
    }

    // Positions on the typesetter's pages are below the text block's top.
    let top = geo.page_h - geo.top;
    let mut outline = Vec::new();
    let mut pages = Vec::with_capacity(set.len());
    for (n, page) in set.into_iter().enumerate() {
        outline.extend(page.bookmarks.into_iter().map(|b| OutlineEntry {
            level: b.level,
            title: b.title,
            page: n,
            y: top + b.dy,
        }));
        let rule = |r: &layout::Rule| Rule {
            x0: r.x0,
            y0: top + r.dy0,
            x1: r.x1,
            y1: top + r.dy1,
            width: r.width,
            color: r.color,
        };
        let rules = page.rules.iter().map(rule).collect();
        let shapes = page
            .shapes
            .iter()
            .map(|s| match s {
                layout::Shape::Fill {
                    x,
                    dy,
                    width,
                    height,
                    color,
                } => Shape::Fill(Fill {
                    x: *x,
                    y: top + dy,
                    width: *width,
                    height: *height,
                    color: *color,
                }),
                layout::Shape::Line { rule: r, dash } => Shape::Line {
                    line: rule(r),
                    dash: *dash,
                },
            })
            .collect();
        let lines = page
            .lines
            .iter()
            .map(|l| TextLine {
                y: top + l.dy,
                runs: runs(&l.glyphs, &id),
                artifact: l.artifact,
            })
            .collect();
        pages.push(Page {
            lines,
            rules,
            shapes,
        });
    }
    Pages {
        width: geo.page_w,
        height: geo.page_h,
        pages,
        fonts: out_fonts,
        outline,
        meta: meta.clone(),
        roles: fonts.report(),
        skipped_fonts: fonts.skipped.clone(),
    }
}

/// A line's glyphs as runs of one face, size, weight and colour.
fn runs(glyphs: &[layout::Glyph], id: &impl Fn(usize) -> FontId) -> Vec<GlyphRun> {
    let key = |g: &layout::Glyph| {
        let Rgb(r, gr, b) = g.color;
        let colour = (r.to_bits(), gr.to_bits(), b.to_bits());
        (g.face, g.size.to_bits(), g.fake_bold, colour)
    };
    let mut out: Vec<GlyphRun> = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let first = &glyphs[start];
        let end = glyphs[start..]
            .iter()
            .position(|g| key(g) != key(first))
            .map_or(glyphs.len(), |n| start + n);
        out.push(GlyphRun {
            font: id(first.face),
            size: first.size,
            color: first.color,
            synthetic_bold: first.fake_bold,
            glyphs: glyphs[start..end]
                .iter()
                .map(|g| Glyph {
                    id: g.gid,
                    ch: g.ch,
                    x: g.x,
                    advance: g.advance,
                })
                .collect(),
        });
        start = end;
    }
    out
}
