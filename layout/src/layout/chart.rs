//! Charts: the drawing core decided, scaled to the text block and set on whole grid
//! rows, its labels as text in the embedded fonts; the caption centred below it.

use super::{Rgb, Rule, Setter, Shape, TextLine, Unit};
use crate::Error;
use huibao_core::ir::structure::Part;
use huibao_core::ir::{Anchor, Chart, ChartLine, Color};

/// The units of chart number `n` (from 1): the chart, kept whole on one page and with
/// its caption, floating to the next page's top when it does not fit where it stands;
/// then the caption's row(s).
pub(super) fn chart(s: &Setter, c: &Chart, n: usize) -> Result<Vec<Unit>, Error> {
    let g = &s.geo;
    let (width, height) = (g.width, f64::from(c.rows) * g.pitch);
    let x = |fx: f64| g.left + fx * width;
    let shapes = c
        .shapes
        .iter()
        .map(|shape| match shape {
            huibao_core::ir::Shape::Rect(r) => Shape::Fill {
                x: x(r.rect.x),
                dy: r.rect.y * height,
                width: r.rect.width * width,
                height: r.rect.height * height,
                color: rgb(r.fill),
            },
            huibao_core::ir::Shape::Line(l) => Shape::Line {
                rule: Rule {
                    x0: x(l.from.0),
                    dy0: l.from.1 * height,
                    x1: x(l.to.0),
                    dy1: l.to.1 * height,
                    width: l.width,
                    color: rgb(l.color),
                },
                dash: l.dashed.then_some(ChartLine::DASH),
            },
        })
        .collect();
    let place = format!("图{n}");
    let mut lines = Vec::with_capacity(c.labels.len());
    for label in &c.labels {
        let mut st = s.styled(c.font);
        st.size = label.size;
        let shaped = s.shape(&label.text, st, &place)?;
        let w = Setter::width(&shaped);
        let at = x(label.x);
        let start = match label.anchor {
            Anchor::Start => at,
            Anchor::Middle => at - w / 2.0,
            Anchor::End => at - w,
        };
        lines.push(TextLine {
            glyphs: s.run_at(&shaped, start),
            dy: label.baseline * height,
            artifact: false,
            mark: s.mark(Part::Drawing),
        });
    }
    let mut units = vec![Unit {
        rows: c.rows as usize,
        lines,
        shapes,
        keep_with_next: true,
        mark: s.mark(Part::Drawing),
        ..Unit::default()
    }];
    let caption = s.shape(
        &c.caption,
        s.styled(Chart::CAPTION_ROLE),
        &format!("{place}标题"),
    )?;
    let mut caption = s.row_units(s.centred(&caption, g.width), false);
    for l in caption.iter_mut().flat_map(|u| u.lines.iter_mut()) {
        l.mark = s.mark(Part::ChartCaption);
    }
    units.extend(caption);
    units[0].floats = units.len();
    Ok(units)
}

fn rgb(c: Color) -> Rgb {
    let f = |v: u8| f32::from(v) / 255.0;
    Rgb(f(c.0), f(c.1), f(c.2))
}
