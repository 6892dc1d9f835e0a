//! A chart's picture for readers that draw no charts: the chart laid out as the PDF
//! draws it (`huibao_pages::lay_out_charts`: its bars, lines and labels in the embedded
//! fonts), rasterised with tiny-skia and written as PNG.

use crate::Error;
use huibao_pages::{Pages, Shape};
use std::io::Write;
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

/// Pixels per point: 200 dpi, sharp on paper and on a high-density screen.
const SCALE: f32 = 200.0 / 72.0;

/// The first page of `pages` as PNG bytes, on white.
pub(crate) fn png(pages: &Pages) -> Result<Vec<u8>, Error> {
    let (w, h) = (
        (pages.width as f32 * SCALE).ceil() as u32,
        (pages.height as f32 * SCALE).ceil() as u32,
    );
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| Error::Picture(format!("a chart of {w} × {h} pixels cannot be drawn")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let scale = Transform::from_scale(SCALE, SCALE);
    let paint = |c: huibao_pages::Rgb| {
        let mut p = Paint::default();
        p.set_color_rgba8(byte(c.0), byte(c.1), byte(c.2), 255);
        p.anti_alias = true;
        p
    };
    let Some(page) = pages.pages.first() else {
        return encode(&pixmap);
    };
    for shape in &page.shapes {
        match shape {
            Shape::Fill(f) => {
                if let Some(r) =
                    Rect::from_xywh(f.x as f32, f.y as f32, f.width as f32, f.height as f32)
                {
                    pixmap.fill_rect(r, &paint(f.color), scale, None);
                }
            }
            Shape::Line { line, dash } => {
                let mut pb = PathBuilder::new();
                pb.move_to(line.x0 as f32, line.y0 as f32);
                pb.line_to(line.x1 as f32, line.y1 as f32);
                let Some(path) = pb.finish() else { continue };
                let stroke = Stroke {
                    width: line.width as f32,
                    dash: dash
                        .and_then(|[on, off]| StrokeDash::new(vec![on as f32, off as f32], 0.0)),
                    ..Stroke::default()
                };
                pixmap.stroke_path(&path, &paint(line.color), &stroke, scale, None);
            }
            _ => {}
        }
    }
    for text in &page.lines {
        for run in &text.runs {
            let font = pages.font(run.font);
            let face = ttf_parser::Face::parse(font.data.as_bytes(), font.index)
                .map_err(|e| Error::Picture(format!("font {}: {e}", font.path.display())))?;
            let units = f64::from(face.units_per_em().max(1));
            let k = (run.size / units) as f32;
            let mut outline = Outline(PathBuilder::new());
            for g in &run.glyphs {
                // Font units, y up, to points from the page's top-left corner.
                outline.0 = PathBuilder::new();
                if face
                    .outline_glyph(ttf_parser::GlyphId(g.id), &mut outline)
                    .is_none()
                {
                    continue;
                }
                let Some(path) = std::mem::take(&mut outline.0).finish() else {
                    continue;
                };
                let at = Transform::from_row(k, 0.0, 0.0, -k, g.x as f32, text.y as f32)
                    .post_concat(scale);
                let p = paint(run.color);
                pixmap.fill_path(&path, &p, FillRule::Winding, at, None);
                if run.synthetic_bold {
                    let stroke = Stroke {
                        width: (0.03 * run.size / f64::from(k)) as f32,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &p, &stroke, at, None);
                }
            }
        }
    }
    encode(&pixmap)
}

fn byte(component: f32) -> u8 {
    (component.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// Glyph outlines into a tiny-skia path.
struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// An opaque pixmap as PNG: 8-bit RGB, every row unfiltered, zlib-compressed.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, Error> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let mut raw = Vec::with_capacity((w as usize * 3 + 1) * h as usize);
    for row in pixmap.data().chunks_exact(w as usize * 4) {
        raw.push(0);
        // Opaque pixels: premultiplied RGBA is plain RGBA.
        for px in row.chunks_exact(4) {
            raw.extend_from_slice(&px[..3]);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw)
        .map_err(|e| Error::Picture(e.to_string()))?;
    let data = z.finish().map_err(|e| Error::Picture(e.to_string()))?;
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    // Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [
        (*b"IHDR", &ihdr[..]),
        (*b"IDAT", &data[..]),
        (*b"IEND", &[][..]),
    ] {
        png.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(&kind);
        crc.update(body);
        png.extend_from_slice(&kind);
        png.extend_from_slice(body);
        png.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_chunks_are_well_formed() {
        let mut pixmap = Pixmap::new(3, 2).unwrap();
        pixmap.fill(tiny_skia::Color::WHITE);
        let png = encode(&pixmap).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 3);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 2);
        // The IHDR chunk's CRC covers its type and body.
        let crc = crc32fast::hash(&png[12..29]);
        assert_eq!(u32::from_be_bytes(png[29..33].try_into().unwrap()), crc);
        assert_eq!(&png[png.len() - 8..png.len() - 4], b"IEND");
        // The image data inflates to two rows of a filter byte and three white pixels.
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        let mut raw = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::ZlibDecoder::new(&png[41..41 + idat_len]),
            &mut raw,
        )
        .unwrap();
        assert_eq!(
            raw,
            [
                0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 255, 255, 255, 255, 255, 255,
                255, 255, 255
            ]
            .to_vec()
        );
    }
}
