//! huibao-raster: laid-out pages to pictures. A page of [`huibao_layout::Pages`] — its
//! glyph runs in the embedded fonts, its fills and lines — drawn with tiny-skia and
//! written as PNG: the DOCX chart's picture for readers that draw no charts, previews.
//!
//! A sibling of the PDF and OFD writers over the same pages: none depends on another.

use huibao_layout::{Pages, Shape};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

/// Options of the rasteriser.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RasterOptions {
    /// Resolution in pixels per inch: 200 (the default) is sharp on paper and on a
    /// high-density screen.
    pub dpi: f32,
}

impl Default for RasterOptions {
    fn default() -> Self {
        RasterOptions { dpi: 200.0 }
    }
}

/// Why a page could not be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page is too large (or empty) to allocate as pixels.
    #[error("{}", self.message())]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// A font the page uses cannot be read for its outlines.
    #[error("{}", self.message())]
    Font {
        /// The font file.
        path: String,
        /// What the parser said.
        why: String,
    },
    /// The PNG could not be encoded: the PNG library's words.
    #[error("{}", self.message())]
    Encode(String),
}

impl Error {
    /// What went wrong, in the chosen language (a library's words follow as （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Error::Size { width, height } => {
                msg!("raster-size", width = *width, height = *height)
            }
            Error::Font { path, why } => {
                msg!("raster-font", font = path.as_str(), detail = why.as_str())
            }
            Error::Encode(why) => msg!("raster-encode", detail = why.as_str()),
        }
    }
}

/// Page `index` of `pages` as PNG bytes, on white (a page past the end: a blank one).
pub fn png(pages: &Pages, index: usize, options: &RasterOptions) -> Result<Vec<u8>, Error> {
    let scale_factor = options.dpi / 72.0;
    let (w, h) = (
        (pages.width as f32 * scale_factor).ceil() as u32,
        (pages.height as f32 * scale_factor).ceil() as u32,
    );
    let mut pixmap = Pixmap::new(w.max(1), h.max(1)).ok_or(Error::Size {
        width: w,
        height: h,
    })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let scale = Transform::from_scale(scale_factor, scale_factor);
    let paint = |c: huibao_layout::Rgb| {
        let mut p = Paint::default();
        p.set_color_rgba8(byte(c.0), byte(c.1), byte(c.2), 255);
        p.anti_alias = true;
        p
    };
    let Some(page) = pages.pages.get(index) else {
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
            let face = ttf_parser::Face::parse(font.data.as_bytes(), font.index).map_err(|e| {
                Error::Font {
                    path: font.path.display().to_string(),
                    why: e.to_string(),
                }
            })?;
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

/// An opaque pixmap as PNG: grey levels alone when every pixel is grey (a chart in the
/// official palette), RGB otherwise; fast compression (a chart is mostly flat areas).
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, Error> {
    // Opaque pixels: premultiplied RGBA is plain RGBA.
    let pixels = pixmap.data().chunks_exact(4);
    let grey = pixels.clone().all(|px| px[0] == px[1] && px[1] == px[2]);
    let (colour, raw): (png::ColorType, Vec<u8>) = if grey {
        (png::ColorType::Grayscale, pixels.map(|px| px[0]).collect())
    } else {
        (
            png::ColorType::Rgb,
            pixels.flat_map(|px| [px[0], px[1], px[2]]).collect(),
        )
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(colour);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let failed = |e: png::EncodingError| Error::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&raw).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes a PNG: its colour type and pixels.
    fn decode(bytes: &[u8]) -> (png::ColorType, u32, u32, Vec<u8>) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.color_type, info.width, info.height, buf)
    }

    #[test]
    fn a_grey_chart_is_a_greyscale_png_and_a_coloured_one_rgb() {
        let mut pixmap = Pixmap::new(3, 2).unwrap();
        pixmap.fill(tiny_skia::Color::WHITE);
        let mut dark = Paint::default();
        dark.set_color_rgba8(64, 64, 64, 255);
        pixmap.fill_rect(
            Rect::from_xywh(0.0, 0.0, 1.0, 2.0).unwrap(),
            &dark,
            Transform::identity(),
            None,
        );
        assert_eq!(
            decode(&encode(&pixmap).unwrap()),
            (
                png::ColorType::Grayscale,
                3,
                2,
                vec![64, 255, 255, 64, 255, 255]
            )
        );
        let mut red = Paint::default();
        red.set_color_rgba8(200, 0, 0, 255);
        pixmap.fill_rect(
            Rect::from_xywh(2.0, 1.0, 1.0, 1.0).unwrap(),
            &red,
            Transform::identity(),
            None,
        );
        let (colour, _, _, pixels) = decode(&encode(&pixmap).unwrap());
        assert_eq!(colour, png::ColorType::Rgb);
        assert_eq!(&pixels[15..], [200, 0, 0]);
        assert_eq!(&pixels[..3], [64, 64, 64]);
    }
}
