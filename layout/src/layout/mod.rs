//! Typesetting: the document tree to pages of positioned glyphs and rules on the
//! GB/T 9704 grid (22 lines of 28 characters).
//!
//! Blocks become [`Unit`]s — runs of whole grid rows that stay on one page — and
//! [`paginate`](page::paginate) puts the units on pages.

mod blocks;
mod chart;
mod page;
mod table;

pub(crate) use page::{paginate, Page};

use crate::fonts::Fonts;
use crate::linebreak::{self, Item, Trim};
use crate::Error;
use huibao_core::chars::{blank_side, is_invisible, is_variation_selector, is_wide, Blank};
use huibao_core::ir::structure::{Mark, Part};
use huibao_core::style::{FontRole, Style, PT_PER_MM};
use huibao_core::Document;

/// Page geometry in points, from the style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Geometry {
    /// Page width.
    pub page_w: f64,
    /// Page height.
    pub page_h: f64,
    /// x of the text block's left edge.
    pub left: f64,
    /// y (from the page's bottom) of the text block's top edge.
    pub top: f64,
    /// Text block width.
    pub width: f64,
    /// Text block height.
    pub height: f64,
    /// Distance between grid lines.
    pub pitch: f64,
    /// Advance of one body character on the grid.
    pub slot: f64,
    /// Grid lines per page.
    pub rows: usize,
    /// Body font size.
    pub body_size: f64,
    /// Gap between the block's bottom and the page number's top.
    pub number_gap: f64,
}

impl Geometry {
    /// The geometry of `style`.
    pub(crate) fn new(style: &Style) -> Geometry {
        let p = &style.page;
        let rows = p.lines_per_page.max(1) as usize;
        let body_size = style.font(FontRole::Body).size_pt;
        let body_size = if body_size > 0.0 && body_size.is_finite() {
            body_size
        } else {
            16.0
        };
        let slot = p.char_pitch_pt();
        let slot = if slot > 0.0 && slot.is_finite() {
            slot
        } else {
            body_size
        };
        Geometry {
            page_w: p.width_mm * PT_PER_MM,
            page_h: p.height_mm * PT_PER_MM,
            left: p.margin_left_mm * PT_PER_MM,
            top: (p.height_mm - p.margin_top_mm) * PT_PER_MM,
            width: p.block_width_pt(),
            height: p.block_height_pt(),
            pitch: p.block_height_pt() / rows as f64,
            slot,
            rows,
            body_size,
            number_gap: p.page_number_gap_mm * PT_PER_MM,
        }
    }

    /// Advance of a full-width character at `size` (the grid slot scaled).
    pub(crate) fn slot_at(&self, size: f64) -> f64 {
        if self.body_size > 0.0 {
            self.slot * size / self.body_size
        } else {
            size
        }
    }

    /// Baseline of text of `size` below the top of its grid row (the em box centred).
    pub(crate) fn baseline_in_row(&self, size: f64) -> f64 {
        (self.pitch - size) / 2.0 + ASCENT * size
    }
}

/// Part of the em box above the baseline (CJK fonts: 0.88 em).
pub(crate) const ASCENT: f64 = 0.88;

/// An sRGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Black.
    pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);

    /// Parses "#RRGGBB"; anything else is the official red.
    pub fn parse(hex: &str) -> Rgb {
        let h = hex.trim_start_matches('#');
        let c = |i: usize| {
            h.get(i..i + 2)
                .and_then(|s| u8::from_str_radix(s, 16).ok())
                .map(|v| f32::from(v) / 255.0)
        };
        match (h.len(), c(0), c(2), c(4)) {
            (6, Some(r), Some(g), Some(b)) => Rgb(r, g, b),
            _ => Rgb(200.0 / 255.0, 16.0 / 255.0, 46.0 / 255.0),
        }
    }
}

/// One glyph on a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// The character it shows (its text for extraction).
    pub ch: char,
    /// The variation selector written after `ch`, kept for the text layer.
    pub selector: Option<char>,
    /// Face index in [`Fonts::faces`].
    pub face: usize,
    /// Glyph id (never 0).
    pub gid: u16,
    /// x from the page's left edge.
    pub x: f64,
    /// Font size.
    pub size: f64,
    /// Advance on the line before justification, in points.
    pub advance: f64,
    /// Draw bold by stroking the outline too.
    pub fake_bold: bool,
    /// Fill colour.
    pub color: Rgb,
    /// How much of its cell the glyph may give up (a full-width mark's blank half).
    pub trim: Trim,
}

/// A line of glyphs on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine {
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// Baseline below the top of the unit (or, on a page, of the text block).
    pub dy: f64,
    /// Pagination matter (page numbers, 续表 and a repeated table header): drawn, but
    /// not document text, so text extraction leaves it out.
    pub artifact: bool,
    /// The part of the document the line shows (for the structure tree of a tagged
    /// file); `None` for pagination matter.
    pub mark: Option<Mark>,
}

/// A straight rule.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rule {
    /// Start x (from the page's left edge).
    pub x0: f64,
    /// Start, below the top of the unit (or of the text block).
    pub dy0: f64,
    /// End x.
    pub x1: f64,
    /// End, below the top.
    pub dy1: f64,
    /// Line width in points.
    pub width: f64,
    /// Colour.
    pub color: Rgb,
}

/// A shape of a chart, drawn before rules and text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A filled rectangle; `dy` is its top, below the top of the unit (or text block).
    Fill {
        x: f64,
        dy: f64,
        width: f64,
        height: f64,
        color: Rgb,
    },
    /// A straight line, dashed (dash, gap) or solid.
    Line { rule: Rule, dash: Option<[f64; 2]> },
}

impl Shape {
    /// The shape moved down by `dy`.
    pub(crate) fn lowered(&self, by: f64) -> Shape {
        match self {
            Shape::Fill {
                x,
                dy,
                width,
                height,
                color,
            } => Shape::Fill {
                x: *x,
                dy: dy + by,
                width: *width,
                height: *height,
                color: *color,
            },
            Shape::Line { rule, dash } => {
                let mut rule = rule.clone();
                rule.dy0 += by;
                rule.dy1 += by;
                Shape::Line { rule, dash: *dash }
            }
        }
    }
}

/// A bookmark (outline entry).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bookmark {
    /// Nesting level, 1 at the top.
    pub level: u8,
    /// The entry's text.
    pub title: String,
    /// Position below the top of the unit (or of the text block).
    pub dy: f64,
}

/// Whole grid rows that stay together on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    /// Grid rows taken.
    pub rows: usize,
    /// Text.
    pub lines: Vec<TextLine>,
    /// Rules and borders.
    pub rules: Vec<Rule>,
    /// A chart's shapes, drawn first, in order.
    pub shapes: Vec<Shape>,
    /// Keep on the same page as the next unit's first row.
    pub keep_with_next: bool,
    /// Start a new page first.
    pub break_before: bool,
    /// Empty rows, dropped at the top of a page.
    pub blank: bool,
    /// Part of a table: which one, and whether it is the table's head (caption, header).
    pub table: Option<(usize, bool)>,
    /// End matter: set at the bottom of the last page.
    pub end_matter: bool,
    /// Outline entries starting in this unit.
    pub bookmarks: Vec<Bookmark>,
    /// The part of the document the unit's shapes draw (a chart's).
    pub mark: Option<Mark>,
    /// A float (a chart, a table): the number of units, from this one, that go to the
    /// top of the next page together when this one does not fit where it stands (with
    /// what it keeps with), the text after them filling the page; 0 for other units.
    pub floats: usize,
}

impl Unit {
    fn blank(rows: usize) -> Unit {
        Unit {
            rows,
            blank: true,
            ..Unit::default()
        }
    }
}

/// How a stretch of text is set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Styled {
    /// Font role.
    pub role: FontRole,
    /// Size in points.
    pub size: f64,
    /// Bold (synthesised when the face has none).
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
}

/// A shaped character: its breaking item and its glyph (x still 0).
pub(crate) type Shaped = (Item, Glyph);

/// The typesetter: fonts, style and geometry.
pub(crate) struct Setter<'a> {
    /// Fonts found for the style.
    pub fonts: &'a Fonts,
    /// The style.
    pub style: &'a Style,
    /// Its geometry.
    pub geo: Geometry,
    /// The index of the document block being set, named by errors.
    pub block: std::cell::Cell<Option<usize>>,
    /// Variation sequences set with their base glyph (the face has no variant for
    /// them), for warnings.
    pub fallbacks: std::cell::RefCell<Vec<crate::VariantFallback>>,
}

impl<'a> Setter<'a> {
    /// A typesetter for `style` with `fonts`.
    pub(crate) fn new(fonts: &'a Fonts, style: &'a Style) -> Setter<'a> {
        Setter {
            fonts,
            style,
            geo: Geometry::new(style),
            block: std::cell::Cell::new(None),
            fallbacks: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Part `part` of the block being set.
    pub(crate) fn mark(&self, part: Part) -> Option<Mark> {
        self.block.get().map(|b| Mark::new(b, part))
    }

    /// The text style of a role as the style sets it.
    pub(crate) fn styled(&self, role: FontRole) -> Styled {
        let spec = self.style.font(role);
        Styled {
            role,
            size: if spec.size_pt > 0.0 {
                spec.size_pt
            } else {
                self.geo.body_size
            },
            bold: spec.bold,
            color: Rgb::BLACK,
        }
    }

    /// Glyphs and widths for `text`; `place` names where the text is, for errors.
    pub(crate) fn shape(&self, text: &str, st: Styled, place: &str) -> Result<Vec<Shaped>, Error> {
        let mut out = Vec::with_capacity(text.len() / 2);
        let mut previous: Option<char> = None;
        for (i, ch) in text.chars().enumerate() {
            let base = previous.replace(ch);
            if is_variation_selector(ch) {
                if let (Some(base), Some((_, g))) = (base, out.last_mut()) {
                    self.select_variant(g, base, ch, text, i, place);
                }
                continue;
            }
            if is_invisible(ch) {
                continue;
            }
            let g = match self.fonts.glyph(st.role, ch) {
                Some(g) => g,
                None => {
                    return Err(Error::MissingGlyph {
                        ch,
                        place: place.to_string(),
                        block: self.block.get(),
                        context: context(text, i),
                        tried: self.fonts.tried(st.role),
                    })
                }
            };
            let full = !ch.is_ascii() && (is_wide(ch) || g.advance_em >= 0.9);
            let width = if full {
                self.geo.slot_at(st.size)
            } else {
                g.advance_em * st.size
            };
            let trim = if full && self.style.punctuation.compresses() {
                // Only marks can give up width: their ink is looked up, no other glyph's.
                let ink = blank_side(ch).and_then(|_| self.fonts.face_ink(g.face, g.gid));
                mark_trim(ch, ink, st.size, width)
            } else {
                Trim::default()
            };
            out.push((
                Item { ch, width },
                Glyph {
                    ch,
                    selector: None,
                    face: g.face,
                    gid: g.gid,
                    x: 0.0,
                    size: st.size,
                    advance: width,
                    fake_bold: st.bold && !self.fonts.faces[g.face].is_bold(),
                    color: st.color,
                    trim,
                },
            ));
        }
        Ok(out)
    }

    /// Sets the glyph the variation sequence `base` + `selector` chooses on `g` (the
    /// glyph of `base`, the `i`-th character of `text`): the face's variant when its
    /// `cmap` format 14 has one, else the base glyph kept and the sequence noted for a
    /// warning. The selector stays with the glyph for the text layer either way.
    fn select_variant(
        &self,
        g: &mut Glyph,
        base: char,
        selector: char,
        text: &str,
        i: usize,
        place: &str,
    ) {
        g.selector = Some(selector);
        match self.fonts.face_variant(g.face, base, selector) {
            Some(gid) if gid != 0 => g.gid = gid,
            _ => {
                let fallback = crate::VariantFallback {
                    base,
                    selector,
                    family: self.fonts.faces[g.face].family.clone(),
                    place: place.to_string(),
                    block: self.block.get(),
                    context: context(text, i),
                };
                self.note_fallback(fallback);
            }
        }
    }

    /// Notes a variation sequence set with its base glyph, once for each place.
    pub(crate) fn note_fallback(&self, fallback: crate::VariantFallback) {
        let mut all = self.fallbacks.borrow_mut();
        if !all.iter().any(|f| {
            (f.base, f.selector, f.block, &f.place)
                == (
                    fallback.base,
                    fallback.selector,
                    fallback.block,
                    &fallback.place,
                )
        }) {
            all.push(fallback);
        }
    }

    /// Breaks shaped text into lines of `first` then `rest` points, placed from
    /// `x_first` / `x_rest`; justified unless `justify` is false.
    pub(crate) fn wrap(
        &self,
        shaped: &[Shaped],
        (x_first, first): (f64, f64),
        (x_rest, rest): (f64, f64),
        justify: bool,
    ) -> Vec<Vec<Glyph>> {
        let items: Vec<Item> = shaped.iter().map(|s| s.0).collect();
        let trims = self.trims(shaped);
        linebreak::break_lines(&items, &trims, (first, rest), justify)
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let x0 = if i == 0 { x_first } else { x_rest };
                l.visible()
                    .zip(&l.xs)
                    .map(|(k, dx)| {
                        let mut g = shaped[k].1.clone();
                        g.x = x0 + dx;
                        g
                    })
                    .collect()
            })
            .collect()
    }

    /// What each shaped character may give up for its line to fit: nothing at all (an
    /// empty list) when the style keeps every mark full width.
    fn trims(&self, shaped: &[Shaped]) -> Vec<Trim> {
        if self.style.punctuation.compresses() {
            shaped.iter().map(|s| s.1.trim).collect()
        } else {
            Vec::new()
        }
    }

    /// Shaped text on one line, starting at `x` with natural spacing.
    pub(crate) fn run_at(&self, shaped: &[Shaped], x: f64) -> Vec<Glyph> {
        let mut x = x;
        shaped
            .iter()
            .map(|(item, g)| {
                let mut g = g.clone();
                g.x = x;
                x += item.width;
                g
            })
            .collect()
    }

    /// Natural width of shaped text.
    pub(crate) fn width(shaped: &[Shaped]) -> f64 {
        shaped.iter().map(|s| s.0.width).sum()
    }

    /// Text on its own row(s), each line centred in the block.
    pub(crate) fn centred(&self, shaped: &[Shaped], place_width: f64) -> Vec<Vec<Glyph>> {
        let items: Vec<Item> = shaped.iter().map(|s| s.0).collect();
        let trims = self.trims(shaped);
        linebreak::break_lines(&items, &trims, (place_width, place_width), false)
            .iter()
            .map(|l| {
                let vis = l.visible();
                let (Some(first), Some(last)) = (vis.clone().next(), vis.clone().last()) else {
                    return Vec::new();
                };
                let at = |k: usize| l.xs[k - l.range.start];
                let w = at(last) + items[last].width - at(first);
                let x0 = self.geo.left + (self.geo.width - w).max(0.0) / 2.0 - at(first);
                vis.map(|k| {
                    let mut g = shaped[k].1.clone();
                    g.x = x0 + at(k);
                    g
                })
                .collect()
            })
            .collect()
    }

    /// One unit per line of `lines`, each on its own grid row.
    pub(crate) fn row_units(&self, lines: Vec<Vec<Glyph>>, keep: bool) -> Vec<Unit> {
        lines
            .into_iter()
            .map(|glyphs| {
                let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
                Unit {
                    rows: 1,
                    lines: vec![TextLine {
                        dy: self.geo.baseline_in_row(size.max(1.0)),
                        glyphs,
                        artifact: false,
                        mark: None,
                    }],
                    keep_with_next: keep,
                    ..Unit::default()
                }
            })
            .collect()
    }
}

/// How much of its cell a full-width mark of `width` points set at `size` may give up:
/// the half on its blank side ([`blank_side`]), where the font's outline (`ink`, in em
/// from the glyph's origin) leaves that half empty. A comma's ink sits in the left half
/// of its cell and an opening bracket's in the right half in Chinese fonts, but not
/// every font agrees (FandolFang centres its question mark).
fn mark_trim(ch: char, ink: Option<(f64, f64)>, size: f64, width: f64) -> Trim {
    let half = width / 2.0;
    // Ink may reach a hair into the half given up (glyphs overhang their cell by
    // slot − size already).
    let slack = 0.02 * size;
    match (blank_side(ch), ink) {
        (Some(Blank::After), Some((_, right))) if right * size <= half + slack => Trim {
            before: 0.0,
            after: half,
        },
        (Some(Blank::Before), Some((left, _))) if left * size >= half - slack => Trim {
            before: half,
            after: 0.0,
        },
        _ => Trim::default(),
    }
}

/// A few characters around position `i` of `text`, for error messages.
fn context(text: &str, i: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let a = i.saturating_sub(8);
    let b = (i + 9).min(chars.len());
    let mut s = String::new();
    if a > 0 {
        s.push('…');
    }
    s.extend(&chars[a..b]);
    if b < chars.len() {
        s.push('…');
    }
    s
}

/// Typesets `doc`: units for every block, then pages.
pub(crate) fn typeset(
    doc: &Document,
    fonts: &Fonts,
    style: &Style,
) -> Result<(Vec<Page>, Vec<crate::VariantFallback>), Error> {
    let setter = Setter::new(fonts, style);
    let (units, continuations) = blocks::units(&setter, doc)?;
    let mut pages = paginate(&setter.geo, units, &continuations);
    setter.block.set(None);
    if style.page_numbers {
        page_numbers(&setter, &mut pages)?;
    }
    Ok((pages, setter.fallbacks.into_inner()))
}

/// Every chart of `doc` alone on a page of its size, with that page's geometry.
pub(crate) fn chart_pictures(
    doc: &Document,
    fonts: &Fonts,
    style: &Style,
) -> Result<Vec<(Geometry, Page)>, Error> {
    let mut setter = Setter::new(fonts, style);
    // Positions from the chart's left edge.
    setter.geo.left = 0.0;
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let huibao_core::ir::Block::Chart(c) = block else {
            continue;
        };
        setter.block.set(Some(i));
        let units = chart::chart(&setter, c, out.len() + 1)?;
        let mut page = Page::default();
        if let Some(unit) = units.first() {
            page.shapes = unit.shapes.clone();
        }
        // The chart, then its caption's rows below it.
        let mut rows = 0;
        for unit in &units {
            let top = rows as f64 * setter.geo.pitch;
            page.lines.extend(unit.lines.iter().cloned().map(|mut l| {
                l.dy += top;
                l
            }));
            rows += unit.rows;
        }
        let mut geo = setter.geo;
        geo.page_w = geo.width;
        geo.page_h = rows as f64 * geo.pitch;
        // Positions are below the page's top: the block's top is the page's.
        geo.top = geo.page_h;
        out.push((geo, page));
    }
    Ok(out)
}

/// "— N —" 7 mm below the block: odd pages right, even pages left, one character in.
fn page_numbers(s: &Setter, pages: &mut [Page]) -> Result<(), Error> {
    let st = s.styled(FontRole::PageNumber);
    let g = &s.geo;
    // Core's affixes, "— " and " —": each a mark and a space, the space set as half an
    // em (a space of the number's font would vary with the font).
    let (before, after) = huibao_core::numbering::PAGE_NUMBER_AFFIXES;
    let before = s.shape(before.trim_end(), st, "页码")?;
    let after = s.shape(after.trim_start(), st, "页码")?;
    let gap = st.size / 2.0;
    for (i, page) in pages.iter_mut().enumerate() {
        if !page.numbered {
            continue;
        }
        let n = i + 1;
        let digits = s.shape(&n.to_string(), st, "页码")?;
        let w = Setter::width(&before) + Setter::width(&after) + 2.0 * gap + Setter::width(&digits);
        let x = if n % 2 == 1 {
            g.left + g.width - st.size - w
        } else {
            g.left + st.size
        };
        let mut glyphs = s.run_at(&before, x);
        let x = x + Setter::width(&before) + gap;
        glyphs.extend(s.run_at(&digits, x));
        let x = x + Setter::width(&digits) + gap;
        glyphs.extend(s.run_at(&after, x));
        // Pagination, not document text: drawn, left out of extracted text.
        page.lines.push(TextLine {
            glyphs,
            dy: g.height + g.number_gap + ASCENT * st.size,
            artifact: true,
            mark: None,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A variation sequence is set as the variant its face's `cmap` format 14 chooses,
    /// or as the base glyph with the sequence noted for a warning; the selector stays
    /// with its glyph either way (the text layer keeps it), and never takes room.
    #[test]
    fn variation_sequences_choose_the_variant_or_keep_the_base_with_a_note() {
        let mut style = Style::gbt9704();
        let mut body = style.font(FontRole::Body).clone();
        body.families = vec!["IVS Test Fang".into(), "FandolFang".into()];
        style.fonts.insert(FontRole::Body, body);
        let mut sources = crate::fonts::bundled_only();
        sources.dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fonts")];
        let fonts = Fonts::resolve(&style, &sources).unwrap();
        let s = Setter::new(&fonts, &style);
        let shaped = s
            .shape(
                "葛\u{E0100}再\u{E0100}兴\u{E0100}园",
                s.styled(FontRole::Body),
                "正文第1段",
            )
            .unwrap();
        let glyphs: Vec<&Glyph> = shaped.iter().map(|(_, g)| g).collect();
        assert_eq!(glyphs.len(), 4, "selectors take no room of their own");
        let face = |c: char| fonts.glyph(FontRole::Body, c).unwrap();
        // 葛 + U+E0100: the face's variant (the test font draws 区's glyph for it).
        assert_eq!(glyphs[0].gid, face('区').gid);
        assert_eq!(glyphs[0].selector, Some('\u{E0100}'));
        // 再 + U+E0100: no variant in the face, the base glyph kept and noted.
        assert_eq!(glyphs[1].gid, face('再').gid);
        assert_eq!(glyphs[1].selector, Some('\u{E0100}'));
        // 兴 + U+E0100: the default glyph is the variant, nothing to note.
        assert_eq!(glyphs[2].gid, face('兴').gid);
        assert_eq!(glyphs[3].selector, None);
        let noted: Vec<(char, char, String, String)> = s
            .fallbacks
            .borrow()
            .iter()
            .map(|f| (f.base, f.selector, f.family.clone(), f.place.clone()))
            .collect();
        assert_eq!(
            noted,
            [(
                '再',
                '\u{E0100}',
                "IVS Test Fang".to_string(),
                "正文第1段".to_string()
            )]
        );
        // The bundled fonts carry no format 14: every sequence is noted.
        let bundled = Fonts::resolve(&Style::gbt9704(), &crate::fonts::bundled_only()).unwrap();
        let s = Setter::new(&bundled, &style);
        s.shape("葛\u{E0100}再\u{FE00}", s.styled(FontRole::Body), "t")
            .unwrap();
        assert_eq!(s.fallbacks.borrow().len(), 2);
    }

    #[test]
    fn geometry_matches_the_standard() {
        let g = Geometry::new(&Style::gbt9704());
        assert!((g.pitch - 28.99).abs() < 0.01, "{}", g.pitch);
        assert!((g.slot - 15.79).abs() < 0.01, "{}", g.slot);
        assert!((g.left - 79.37).abs() < 0.01);
        assert!((g.page_h - g.top - 104.88).abs() < 0.01);
        assert_eq!(g.rows, 22);
    }

    #[test]
    fn colours_parse() {
        assert_eq!(Rgb::parse("#000000"), Rgb::BLACK);
        let red = Rgb::parse("#C8102E");
        assert!((red.0 - 200.0 / 255.0).abs() < 1e-6);
        assert_eq!(Rgb::parse("nonsense"), Rgb::parse("#C8102E"));
    }

    #[test]
    fn page_numbers_read_dash_number_dash_and_alternate_sides() {
        let style = Style::gbt9704();
        let fonts = Fonts::resolve(&style, &crate::fonts::bundled_only()).unwrap();
        let s = Setter::new(&fonts, &style);
        let mut pages = vec![Page::default(), Page::default(), Page::default()];
        for p in pages.iter_mut() {
            p.numbered = true;
        }
        pages[2].numbered = false;
        page_numbers(&s, &mut pages).unwrap();
        let line = |p: &Page| p.lines.last().cloned();
        let one = line(&pages[0]).unwrap();
        let two = line(&pages[1]).unwrap();
        assert!(line(&pages[2]).is_none());
        assert_eq!(one.glyphs.iter().map(|g| g.ch).collect::<String>(), "—1—");
        assert!(one.artifact);
        let g = &s.geo;
        let last = one.glyphs.last().unwrap();
        assert!((last.x + last.advance - (g.left + g.width - 14.0)).abs() < 0.01);
        assert!((two.glyphs[0].x - (g.left + 14.0)).abs() < 0.01);
        let top = one.dy - ASCENT * 14.0;
        assert!((top - g.height - 7.0 * PT_PER_MM).abs() < 0.01);
    }

    #[test]
    fn marks_give_up_the_half_their_outline_leaves_blank() {
        let style = Style::gbt9704();
        let fonts = Fonts::resolve(&style, &crate::fonts::bundled_only()).unwrap();
        let s = Setter::new(&fonts, &style);
        let shaped = s
            .shape("，。（》？园", s.styled(FontRole::Body), "t")
            .unwrap();
        let half = s.geo.slot / 2.0;
        let trims: Vec<Trim> = shaped.iter().map(|(_, g)| g.trim).collect();
        // FandolFang: a comma and a full stop ink the left half of their cell, an
        // opening bracket the right half, a closing book-title mark the left half …
        assert_eq!(
            trims[0],
            Trim {
                before: 0.0,
                after: half
            }
        );
        assert_eq!(
            trims[1],
            Trim {
                before: 0.0,
                after: half
            }
        );
        assert_eq!(
            trims[2],
            Trim {
                before: half,
                after: 0.0
            }
        );
        assert_eq!(
            trims[3],
            Trim {
                before: 0.0,
                after: half
            }
        );
        // … but centres its question mark, which therefore keeps its cell; so does
        // every character that is not a mark.
        assert_eq!(trims[4], Trim::default());
        assert_eq!(trims[5], Trim::default());
        // With every mark full width nothing may be given up at all.
        let mut full = style.clone();
        full.punctuation = huibao_core::style::Punctuation::Full;
        let s = Setter::new(&fonts, &full);
        let shaped = s.shape("，（", s.styled(FontRole::Body), "t").unwrap();
        assert!(s.trims(&shaped).is_empty());
    }

    #[test]
    fn context_is_short() {
        assert_eq!(context("一二三", 1), "一二三");
        let long = "一二三四五六七八九十一二三四五六七八九十";
        let c = context(long, 10);
        assert!(c.starts_with('…') && c.ends_with('…'));
    }
}
