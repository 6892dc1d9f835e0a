//! Embedded fonts: a TrueType subset of each face, holding only the glyphs drawn.
//!
//! Every subset has `glyf` outlines, whatever the source: the independent OFD readers
//! checked (ofd2img, ofdreader) load embedded fonts through reportlab, which reads
//! TrueType outlines only, and the bundled Fandol fonts are CFF-flavoured OpenType. So
//! the glyphs are read with ttf-parser (TrueType or CFF), cubic curves are approximated
//! by quadratic ones within a tenth of a font unit (kurbo), and the font is written
//! anew with write-fonts: `glyf`/`loca`, `cmap` (the drawn characters, so readers find
//! each glyph from the TextCode's characters), `hmtx`, and the source's `head`,
//! `hhea`, `OS/2`, `name` and `post` (version 3, no glyph names) adjusted to the subset.

use kurbo::{BezPath, CubicBez, PathEl, Point};
use std::collections::{BTreeMap, BTreeSet};
use write_fonts::from_obj::ToOwnedTable;
use write_fonts::read::{FontRef, TableProvider};
use write_fonts::tables::cmap::Cmap;
use write_fonts::tables::glyf::{GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::hmtx::{Hmtx, LongMetric};
use write_fonts::tables::loca::LocaFormat;
use write_fonts::tables::maxp::Maxp;
use write_fonts::types::{GlyphId, Tag, Version16Dot16};
use write_fonts::FontBuilder;

/// Largest distance, in font units, between a cubic curve and its quadratic stand-in.
const CURVE_ACCURACY: f64 = 0.1;

/// A TrueType subset of one face.
#[derive(Debug, Clone)]
pub(crate) struct Subset {
    /// The font file's bytes.
    pub bytes: Vec<u8>,
    /// Glyph id in the subset, by glyph id in the source face.
    pub glyph_ids: BTreeMap<u16, u16>,
}

/// A TrueType font of the face `index` of `data` holding `glyphs` (ids in the source),
/// with a `cmap` of `chars` (character → glyph id in the source, one of `glyphs`).
pub(crate) fn subset(
    data: &[u8],
    index: u32,
    chars: &BTreeMap<char, u16>,
    glyphs: &BTreeSet<u16>,
) -> Result<Subset, String> {
    let face = ttf_parser::Face::parse(data, index).map_err(|e| e.to_string())?;
    let font = FontRef::from_index(data, index).map_err(|e| e.to_string())?;
    let cff = face.tables().cff.is_some();

    // .notdef first, then the source's glyphs in their order.
    let old: Vec<u16> = std::iter::once(0)
        .chain(glyphs.iter().copied())
        .chain(chars.values().copied())
        .collect::<BTreeSet<u16>>()
        .into_iter()
        .collect();
    let glyph_ids: BTreeMap<u16, u16> = old
        .iter()
        .enumerate()
        .map(|(new, &gid)| (gid, new as u16))
        .collect();

    let mut glyf = GlyfLocaBuilder::new();
    let mut metrics = Vec::with_capacity(old.len());
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    let mut bounds: Option<[i16; 4]> = None;
    for &gid in &old {
        let mut pen = Pen::default();
        let outlined = face
            .outline_glyph(ttf_parser::GlyphId(gid), &mut pen)
            .is_some();
        let mut path = pen.path;
        if cff {
            // CFF draws outer contours counter-clockwise, TrueType clockwise.
            path = path.reverse_subpaths();
        }
        let glyph = if outlined && !path.elements().is_empty() {
            let simple = SimpleGlyph::from_bezpath(&path).map_err(|e| format!("#{gid}: {e:?}"))?;
            max_contours = max_contours.max(simple.contours.len() as u16);
            max_points = max_points.max(simple.contours.iter().map(|c| c.len() as u16).sum());
            let b = simple.bbox;
            let r = [b.x_min, b.y_min, b.x_max, b.y_max];
            bounds = Some(match bounds {
                None => r,
                Some(u) => [
                    u[0].min(r[0]),
                    u[1].min(r[1]),
                    u[2].max(r[2]),
                    u[3].max(r[3]),
                ],
            });
            Glyph::Simple(simple)
        } else {
            Glyph::Empty
        };
        let side_bearing = match &glyph {
            Glyph::Simple(s) => s.bbox.x_min,
            _ => 0,
        };
        metrics.push(LongMetric {
            advance: face
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
            side_bearing,
        });
        glyf.add_glyph(&glyph).map_err(|e| e.to_string())?;
    }
    let (glyf, loca, loca_format) = glyf.build();
    let [x_min, y_min, x_max, y_max] = bounds.unwrap_or_default();

    let mut head: write_fonts::tables::head::Head =
        font.head().map_err(|e| e.to_string())?.to_owned_table();
    head.index_to_loc_format = match loca_format {
        LocaFormat::Short => 0,
        LocaFormat::Long => 1,
    };
    (head.x_min, head.y_min, head.x_max, head.y_max) = (x_min, y_min, x_max, y_max);

    let mut hhea: write_fonts::tables::hhea::Hhea =
        font.hhea().map_err(|e| e.to_string())?.to_owned_table();
    hhea.number_of_h_metrics = metrics.len() as u16;
    hhea.advance_width_max = metrics.iter().map(|m| m.advance).max().unwrap_or(0).into();

    let maxp = Maxp {
        num_glyphs: old.len() as u16,
        max_points: Some(max_points),
        max_contours: Some(max_contours),
        max_composite_points: Some(0),
        max_composite_contours: Some(0),
        max_zones: Some(1),
        max_twilight_points: Some(0),
        max_storage: Some(0),
        max_function_defs: Some(0),
        max_instruction_defs: Some(0),
        max_stack_elements: Some(0),
        max_size_of_instructions: Some(0),
        max_component_elements: Some(0),
        max_component_depth: Some(0),
    };

    let mut post: write_fonts::tables::post::Post =
        font.post().map_err(|e| e.to_string())?.to_owned_table();
    post.version = Version16Dot16::VERSION_3_0;
    post.num_glyphs = None;
    post.glyph_name_index = None;
    post.string_data = None;

    let cmap = Cmap::from_mappings(
        chars
            .iter()
            .map(|(&ch, gid)| (ch, GlyphId::new(u32::from(glyph_ids[gid])))),
    )
    .map_err(|e| e.to_string())?;

    let mut builder = FontBuilder::new();
    let err = |e: write_fonts::BuilderError| e.to_string();
    builder
        .add_table(&head)
        .map_err(err)?
        .add_table(&hhea)
        .map_err(err)?
        .add_table(&maxp)
        .map_err(err)?
        .add_table(&Hmtx::new(metrics, Vec::new()))
        .map_err(err)?
        .add_table(&cmap)
        .map_err(err)?
        .add_table(&loca)
        .map_err(err)?
        .add_table(&glyf)
        .map_err(err)?
        .add_table(&post)
        .map_err(err)?;
    for tag in [Tag::new(b"OS/2"), Tag::new(b"name")] {
        if let Some(table) = font.table_data(tag) {
            builder.add_raw(tag, table.as_bytes().to_vec());
        }
    }
    Ok(Subset {
        bytes: builder.build(),
        glyph_ids,
    })
}

/// Collects a glyph's outline as lines and quadratic curves.
#[derive(Default)]
struct Pen {
    path: BezPath,
    at: Point,
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.at = Point::new(x.into(), y.into());
        self.path.move_to(self.at);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.at = Point::new(x.into(), y.into());
        self.path.line_to(self.at);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.at = Point::new(x.into(), y.into());
        self.path.quad_to(Point::new(x1.into(), y1.into()), self.at);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let end = Point::new(x.into(), y.into());
        let cubic = CubicBez::new(
            self.at,
            Point::new(x1.into(), y1.into()),
            Point::new(x2.into(), y2.into()),
            end,
        );
        for (_, _, quad) in cubic.to_quads(CURVE_ACCURACY) {
            self.path.push(PathEl::QuadTo(quad.p1, quad.p2));
        }
        self.at = end;
    }

    fn close(&mut self) {
        self.path.close_path();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(file: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fonts")
            .join(file);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The subset of `file` for `text`: every character maps to a glyph with the
    /// source's advance and, within three font units (a 1000-unit em), its outline's
    /// bounds (control points bound the box, and they move when curves are approximated).
    fn same_glyphs(file: &str, text: &str) {
        let data = bundled(file);
        let source = ttf_parser::Face::parse(&data, 0).unwrap();
        let chars: BTreeMap<char, u16> = text
            .chars()
            .map(|c| (c, source.glyph_index(c).unwrap().0))
            .collect();
        let glyphs: BTreeSet<u16> = chars.values().copied().collect();
        let sub = subset(&data, 0, &chars, &glyphs).unwrap();
        let face = ttf_parser::Face::parse(&sub.bytes, 0).unwrap();
        assert!(face.tables().glyf.is_some() && face.tables().cff.is_none());
        assert_eq!(face.number_of_glyphs() as usize, glyphs.len() + 1);
        assert_eq!(face.units_per_em(), source.units_per_em());
        for (&ch, &old) in &chars {
            let new = face.glyph_index(ch).unwrap();
            assert_eq!(new.0, sub.glyph_ids[&old]);
            let old = ttf_parser::GlyphId(old);
            assert_eq!(
                face.glyph_hor_advance(new),
                source.glyph_hor_advance(old),
                "{ch}"
            );
            let (a, b) = (face.glyph_bounding_box(new), source.glyph_bounding_box(old));
            match (a, b) {
                (Some(a), Some(b)) => {
                    let d = [
                        a.x_min - b.x_min,
                        a.y_min - b.y_min,
                        a.x_max - b.x_max,
                        a.y_max - b.y_max,
                    ];
                    assert!(d.iter().all(|v| v.abs() <= 3), "{ch}: {a:?} vs {b:?}");
                }
                (a, b) => assert_eq!(a.is_some(), b.is_some(), "{ch}"),
            }
        }
    }

    #[test]
    fn cff_glyphs_become_truetype_glyphs_of_the_same_shape() {
        same_glyphs(
            "FandolFang-Regular.otf",
            "园区完成营业收入，同比增长（）：。、“”—",
        );
    }

    #[test]
    fn truetype_glyphs_are_kept() {
        same_glyphs("LiberationSerif-Regular.ttf", "2022 12.4% GDP");
    }
}
