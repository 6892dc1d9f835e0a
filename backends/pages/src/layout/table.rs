//! Tables: caption, bordered rows of wrapping cells on the grid, the note; and what
//! is repeated when a table continues on a new page ("续表" and the header row).

use super::blocks::bold;
use super::{Glyph, Rgb, Rule, Setter, TextLine, Unit};
use crate::linebreak;
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

/// Column widths that make the table as short as possible: every column as wide as
/// its widest cell on one line when the block allows it (the rest shared by the
/// weights); otherwise each column starts at its narrowest (its widest unbreakable
/// group, half a header, a cell of up to three characters) and the rest of the block is handed out a
/// character at a time to the column where it saves the most lines.
fn column_widths(s: &Setter, t: &Table) -> Result<Vec<f64>, Error> {
    let g = &s.geo;
    let n = t.columns.len();
    let total: f64 = t.columns.iter().map(|c| f64::from(c.weight)).sum();
    let share = |i: usize| {
        if total > 0.0 {
            f64::from(t.columns[i].weight) / total
        } else {
            1.0 / n.max(1) as f64
        }
    };
    let st = s.styled(FontRole::Table);
    let extra = 2.0 * PAD + 1.0;
    // cells[i][r]: the items of column i in row r (row 0 the header).
    let mut cells: Vec<Vec<Vec<linebreak::Item>>> = vec![Vec::new(); n];
    let (mut max, mut min) = (vec![0.0f64; n], vec![0.0f64; n]);
    for (i, c) in t.columns.iter().enumerate() {
        let header: Vec<_> = s
            .shape(&c.header, bold(st), "表头")?
            .iter()
            .map(|x| x.0)
            .collect();
        // A header takes at most two lines (and keeps its first two characters together).
        let head2: f64 = header.iter().take(2).map(|it| it.width).sum();
        let half: f64 = header.iter().map(|it| it.width).sum::<f64>() / 2.0;
        min[i] = head2.max(half + g.slot_at(st.size) / 2.0) + extra;
        max[i] = header.iter().map(|it| it.width).sum::<f64>() + extra;
        cells[i].push(header);
        for r in &t.rows {
            let items: Vec<_> = s
                .shape(r.get(i).map(String::as_str).unwrap_or(""), st, "表格")?
                .iter()
                .map(|x| x.0)
                .collect();
            let full: f64 = items.iter().map(|it| it.width).sum();
            max[i] = max[i].max(full + extra);
            // Short words (母基金, 已投资) are never broken.
            min[i] = min[i].max(full.min(3.0 * g.slot_at(st.size)) + extra);
            for grp in linebreak::groups(&items) {
                let w: f64 = items[grp].iter().map(|it| it.width).sum();
                min[i] = min[i].max(w + extra);
            }
            cells[i].push(items);
        }
        min[i] = min[i].min(max[i]);
    }
    let sum_max: f64 = max.iter().sum();
    if sum_max <= g.width {
        let spare = g.width - sum_max;
        return Ok((0..n).map(|i| max[i] + spare * share(i)).collect());
    }
    if min.iter().sum::<f64>() > g.width {
        return Ok((0..n).map(|i| g.width * share(i)).collect());
    }
    let lines = |i: usize, w: f64| -> Vec<usize> {
        cells[i]
            .iter()
            .map(|items| {
                if items.is_empty() {
                    1
                } else {
                    let m = (w - extra).max(1.0);
                    linebreak::break_lines(items, m, m).len()
                }
            })
            .collect()
    };
    let rows = t.rows.len() + 1;
    let mut w = min.clone();
    let mut per_col: Vec<Vec<usize>> = (0..n).map(|i| lines(i, w[i])).collect();
    let height = |per_col: &[Vec<usize>]| -> usize {
        (0..rows)
            .map(|r| per_col.iter().map(|c| c[r]).max().unwrap_or(1))
            .sum()
    };
    // Cost: the table's height first, then the lines of all its cells.
    let cost = |per_col: &[Vec<usize>]| -> f64 {
        height(per_col) as f64 * 1000.0 + per_col.iter().flatten().sum::<usize>() as f64
    };
    let step = g.slot_at(st.size);
    loop {
        let left = g.width - w.iter().sum::<f64>();
        if left < 0.01 {
            break;
        }
        let now = cost(&per_col);
        // The best gain per character, looking up to four characters ahead.
        let mut best: Option<(f64, usize, f64)> = None;
        for i in 0..n {
            for k in 1..=4 {
                let inc = (step * k as f64).min(left);
                if w[i] >= max[i] {
                    break;
                }
                let mut cols = per_col.clone();
                cols[i] = lines(i, w[i] + inc);
                let gain = (now - cost(&cols)) / (inc / step);
                if gain > 0.0 && best.as_ref().is_none_or(|b| gain > b.0) {
                    best = Some((gain, i, inc));
                }
                if inc >= left {
                    break;
                }
            }
        }
        match best {
            Some((_, i, inc)) => {
                w[i] += inc;
                per_col[i] = lines(i, w[i]);
            }
            None => break,
        }
    }
    // What is left goes to the columns by weight.
    let left = g.width - w.iter().sum::<f64>();
    Ok((0..n).map(|i| w[i] + left.max(0.0) * share(i)).collect())
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
