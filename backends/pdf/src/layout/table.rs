//! Tables: caption, bordered rows of wrapping cells on the grid, the note; and what
//! is repeated when a table continues on a new page ("续表" and the header row).

use super::blocks::bold;
use super::{Glyph, Rgb, Rule, Setter, TextLine, Unit};
use crate::Error;
use huibao_core::ir::{Align, Table};
use huibao_core::style::FontRole;

/// Horizontal padding inside a cell.
const PAD: f64 = 4.0;
/// Border width.
const BORDER: f64 = 0.6;

/// Units of table number `id` (0-based) and the units that open each continuation page.
pub fn table(s: &Setter, t: &Table, id: usize) -> Result<(Vec<Unit>, Vec<Unit>), Error> {
    let g = &s.geo;
    let widths = column_widths(s, t)?;
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
    let label = s.shape("续表", bold(cell_style), &place("续表".into()))?;
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

/// Column widths: each column at least as wide as its widest cell set on one line
/// when the block allows it all, the rest shared by the columns' weights; otherwise
/// the weights alone.
fn column_widths(s: &Setter, t: &Table) -> Result<Vec<f64>, Error> {
    let g = &s.geo;
    let n = t.columns.len().max(1);
    let total: f64 = t.columns.iter().map(|c| f64::from(c.weight)).sum();
    let share = |i: usize| {
        if total > 0.0 {
            f64::from(t.columns[i].weight) / total
        } else {
            1.0 / n as f64
        }
    };
    let st = s.styled(FontRole::Table);
    let mut need = Vec::with_capacity(n);
    for (i, c) in t.columns.iter().enumerate() {
        let mut w = Setter::width(&s.shape(&c.header, bold(st), "表头")?);
        for r in &t.rows {
            if let Some(cell) = r.get(i) {
                w = w.max(Setter::width(&s.shape(cell, st, "表格")?));
            }
        }
        need.push(w + 2.0 * PAD + 1.0);
    }
    let sum: f64 = need.iter().sum();
    Ok(if sum <= g.width {
        let spare = g.width - sum;
        (0..t.columns.len())
            .map(|i| need[i] + spare * share(i))
            .collect()
    } else {
        let weighted: Vec<f64> = (0..t.columns.len()).map(|i| g.width * share(i)).collect();
        // Give short columns (numbers, units) what they need, from the long ones.
        let mut w = weighted.clone();
        let short: Vec<usize> = (0..w.len()).filter(|&i| need[i] <= g.width / 4.0).collect();
        let extra: f64 = short.iter().map(|&i| (need[i] - w[i]).max(0.0)).sum();
        let donors: f64 = (0..w.len())
            .filter(|i| !short.contains(i))
            .map(|i| w[i])
            .sum();
        if extra > 0.0 && donors > extra * 2.0 {
            for i in 0..w.len() {
                if short.contains(&i) {
                    w[i] = w[i].max(need[i]);
                } else {
                    w[i] -= extra * w[i] / donors;
                }
            }
        }
        w
    })
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
