//! Tables: caption, bordered rows of wrapping cells on the grid, the note; and what
//! is repeated when a table continues on a new page ("续表" and the header row).

use super::blocks::bold;
use super::{Glyph, Rgb, Rule, Setter, TextLine, Unit};
use crate::Error;
use huibao_core::ir::{Align, Table};
use huibao_core::style::FontRole;

/// Horizontal padding inside a cell (core's, which chose the column widths with it).
const PAD: f64 = huibao_core::columns::CELL_PADDING_PT;
/// Border width.
const BORDER: f64 = 0.6;

/// Units of table number `id` (0-based) and the units that open each continuation page.
pub(super) fn table(s: &Setter, t: &Table, id: usize) -> Result<(Vec<Unit>, Vec<Unit>), Error> {
    let g = &s.geo;
    let widths: Vec<f64> = t.columns.iter().map(|c| g.width * c.width).collect();
    let mut xs = vec![g.left];
    for w in &widths {
        xs.push(xs.last().copied().unwrap_or(g.left) + w);
    }
    let place = |what: String| format!("表格{}{}", id + 1, what);
    let mut units = Vec::new();
    if let Some(caption) = &t.caption {
        let st = s.styled(FontRole::Heading1);
        let shaped = s.shape(caption, st, &place("标题".into()))?;
        units.extend(s.row_units(s.centred(&shaped, g.width), true));
    }
    let cell_style = s.styled(FontRole::Table);
    let header_cells: Vec<(String, Align)> = t
        .columns
        .iter()
        .map(|c| (c.header.clone(), Align::Center))
        .collect();
    let mut header = row(
        s,
        &header_cells,
        &xs,
        bold(cell_style),
        &place("表头".into()),
    )?;
    header.keep_with_next = true;
    header.table = Some((id, true));
    for u in units.iter_mut() {
        u.table = Some((id, true));
    }
    units.push(header.clone());
    for (r, cells) in t.rows.iter().enumerate() {
        let cells: Vec<(String, Align)> = cells
            .iter()
            .take(t.columns.len())
            .zip(
                t.columns
                    .iter()
                    .map(|c| c.align)
                    .chain(std::iter::repeat(Align::Left)),
            )
            .map(|(text, a)| (text.clone(), a))
            .collect();
        let mut u = row(s, &cells, &xs, cell_style, &place(format!("第{}行", r + 1)))?;
        u.table = Some((id, false));
        units.push(u);
    }
    if let Some(note) = &t.note {
        let shaped = s.shape(note, cell_style, &place("注".into()))?;
        let lines = s.wrap(&shaped, (g.left, g.width), (g.left, g.width), true);
        units.extend(s.row_units(lines, false));
    }
    // Continuation: "续表" and the header again, marked as repeated matter.
    let label = s.shape(&t.continued, bold(cell_style), &place("续表".into()))?;
    let mut cont = s.row_units(vec![s.run_at(&label, g.left)], true);
    cont.push(header);
    for u in cont.iter_mut() {
        u.table = Some((id, true));
        for l in u.lines.iter_mut() {
            l.artifact = true;
        }
    }
    Ok((units, cont))
}

/// One table row: every cell wrapped to its column, the row as tall as its tallest
/// cell, borders around every cell.
fn row(
    s: &Setter,
    cells: &[(String, Align)],
    xs: &[f64],
    st: super::Styled,
    place: &str,
) -> Result<Unit, Error> {
    let g = &s.geo;
    let mut wrapped: Vec<Vec<Vec<Glyph>>> = Vec::new();
    for (c, (text, align)) in cells.iter().enumerate() {
        let (x0, x1) = (xs[c], xs.get(c + 1).copied().unwrap_or(xs[c]));
        let w = (x1 - x0 - 2.0 * PAD).max(st.size);
        let shaped = s.shape(text, st, &format!("{place}第{}列", c + 1))?;
        let lines = s.wrap(&shaped, (x0 + PAD, w), (x0 + PAD, w), false);
        let lines = lines
            .into_iter()
            .map(|mut l| {
                let used = match (l.first(), l.last()) {
                    (Some(f), Some(last)) => last.x + last.advance - f.x,
                    _ => 0.0,
                };
                let shift = match align {
                    Align::Left => 0.0,
                    Align::Center => (w - used).max(0.0) / 2.0,
                    Align::Right => (w - used).max(0.0),
                };
                for gl in l.iter_mut() {
                    gl.x += shift;
                }
                l
            })
            .collect();
        wrapped.push(lines);
    }
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let base = g.baseline_in_row(st.size);
    let mut lines = Vec::new();
    for cell in wrapped {
        // Centred as near as the grid allows: whole rows only.
        let offset = ((rows - cell.len()) / 2) as f64;
        for (k, glyphs) in cell.into_iter().enumerate() {
            if glyphs.is_empty() {
                continue;
            }
            lines.push(TextLine {
                glyphs,
                dy: (offset + k as f64) * g.pitch + base,
                artifact: false,
            });
        }
    }
    let h = rows as f64 * g.pitch;
    let (left, right) = (xs[0], xs[xs.len() - 1]);
    let hline = |dy: f64| Rule {
        x0: left,
        dy0: dy,
        x1: right,
        dy1: dy,
        width: BORDER,
        color: Rgb::BLACK,
    };
    let mut rules = vec![hline(0.0), hline(h)];
    for &x in xs {
        rules.push(Rule {
            x0: x,
            dy0: 0.0,
            x1: x,
            dy1: h,
            width: BORDER,
            color: Rgb::BLACK,
        });
    }
    Ok(Unit {
        rows,
        lines,
        rules,
        ..Unit::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{find_bundled_dir, FontSources, Fonts};
    use huibao_core::ir::Column;
    use huibao_core::Style;

    /// The x of every vertical rule of a table's header row.
    fn rule_xs(widths: &[f64]) -> Vec<f64> {
        let src = FontSources {
            dirs: vec![],
            bundled: find_bundled_dir(),
            system: false,
        };
        let style = Style::gbt9704();
        let fonts = Fonts::resolve(&style, &src).unwrap();
        let s = Setter::new(&fonts, &style);
        let headers = ["序号", "项目名称", "进展情况"];
        let t = Table {
            caption: None,
            columns: headers
                .iter()
                .zip(widths)
                .map(|(h, &width)| Column {
                    header: h.to_string(),
                    align: Align::Left,
                    width,
                })
                .collect(),
            rows: vec![vec![
                "1".into(),
                "新能源装备产业园".into(),
                "主体完工".into(),
            ]],
            note: None,
            continued: "续表".into(),
        };
        let (units, _) = table(&s, &t, 0).unwrap();
        units[0]
            .rules
            .iter()
            .filter(|r| r.x0 == r.x1)
            .map(|r| r.x0 - s.geo.left)
            .collect()
    }

    #[test]
    fn columns_are_the_shares_core_decided() {
        let block = Style::gbt9704().page.block_width_pt();
        let xs = rule_xs(&[0.2, 0.3, 0.5]);
        let want = [0.0, 0.2 * block, 0.5 * block, block];
        assert_eq!(xs.len(), want.len());
        for (x, w) in xs.iter().zip(want) {
            assert!((x - w).abs() < 1e-9, "{xs:?}");
        }
    }
}
