//! Pagination: units onto pages of grid rows.

use super::{Bookmark, Geometry, Rule, Shape, TextLine, Unit};
use std::collections::HashMap;

/// A finished page: everything placed below the top of the text block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// Text lines; `dy` is the baseline below the block's top edge.
    pub lines: Vec<TextLine>,
    /// Rules; `dy` below the block's top edge.
    pub rules: Vec<Rule>,
    /// Charts' shapes, in drawing order; `dy` below the block's top edge.
    pub shapes: Vec<Shape>,
    /// Whether the page shows its number (the end-matter page alone does not).
    pub numbered: bool,
    /// Outline entries on this page; `dy` below the block's top edge.
    pub bookmarks: Vec<Bookmark>,
    /// Grid rows used.
    pub rows_used: usize,
}

impl Page {
    fn new() -> Page {
        Page {
            numbered: true,
            ..Page::default()
        }
    }

    fn place(&mut self, geo: &Geometry, unit: &Unit, row: usize) {
        let top = row as f64 * geo.pitch;
        for l in &unit.lines {
            let mut l = l.clone();
            l.dy += top;
            self.lines.push(l);
        }
        for r in &unit.rules {
            let mut r = r.clone();
            r.dy0 += top;
            r.dy1 += top;
            self.rules.push(r);
        }
        self.shapes
            .extend(unit.shapes.iter().map(|s| s.lowered(top)));
        for b in &unit.bookmarks {
            let mut b = b.clone();
            b.dy += top;
            self.bookmarks.push(b);
        }
        self.rows_used = self.rows_used.max(row + unit.rows);
    }

    fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.rules.is_empty() && self.shapes.is_empty()
    }
}

/// Rows needed to place `units[i]` so that it is not left alone at the bottom of a
/// page: its rows plus those of the units it keeps with, plus one row of the next.
fn rows_needed(units: &[Unit], i: usize, per_page: usize) -> usize {
    let mut need = units[i].rows;
    let mut j = i;
    while units[j].keep_with_next {
        j += 1;
        match units.get(j) {
            Some(u) if u.end_matter => break,
            Some(u) if u.keep_with_next => need += u.rows,
            Some(u) => {
                need += u.rows.min(1);
                break;
            }
            None => break,
        }
    }
    if need > per_page {
        units[i].rows
    } else {
        need
    }
}

/// Puts units on pages: a unit that does not fit (with what it keeps with) starts a
/// new page; a table continuing on a new page opens it with "续表" and its header;
/// end matter goes to the bottom of the last page (on its own, unnumbered page when
/// there is no room).
pub(crate) fn paginate(
    geo: &Geometry,
    units: Vec<Unit>,
    continuations: &HashMap<usize, Vec<Unit>>,
) -> Vec<Page> {
    let per_page = geo.rows;
    let mut pages = vec![Page::new()];
    let mut row = 0usize;
    let mut end_matter = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        if unit.end_matter {
            end_matter.push(unit.clone());
            continue;
        }
        if unit.break_before && row > 0 {
            pages.push(Page::new());
            row = 0;
        }
        if unit.blank && row == 0 {
            continue;
        }
        let need = rows_needed(&units, i, per_page);
        if row > 0 && row + need > per_page {
            if unit.blank {
                // No room for the blank rows: whatever follows starts the next page.
                row = per_page;
                continue;
            }
            pages.push(Page::new());
            row = 0;
            if let Some((t, false)) = unit.table {
                for c in continuations.get(&t).into_iter().flatten() {
                    if let Some(page) = pages.last_mut() {
                        page.place(geo, c, row);
                    }
                    row += c.rows;
                }
            }
        }
        if let Some(page) = pages.last_mut() {
            page.place(geo, unit, row);
        }
        row += unit.rows;
        if row >= per_page {
            // Rows past the page (an oversized unit) are lost from the grid count;
            // the next unit starts a new page.
            row = per_page;
        }
    }
    for em in end_matter {
        let fits = row + em.rows <= per_page;
        if !fits || pages.last().is_none() {
            let mut p = Page::new();
            p.numbered = false;
            pages.push(p);
        }
        let at = per_page.saturating_sub(em.rows);
        if let Some(page) = pages.last_mut() {
            page.place(geo, &em, at);
        }
        row = per_page;
    }
    // A trailing empty page (from a break with nothing after it) is dropped.
    while pages.len() > 1 && pages.last().is_some_and(Page::is_empty) {
        pages.pop();
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use huibao_core::Style;

    fn rows(n: usize) -> Unit {
        Unit {
            rows: n,
            lines: vec![TextLine {
                glyphs: vec![],
                dy: 10.0,
                artifact: false,
            }],
            ..Unit::default()
        }
    }

    #[test]
    fn fills_pages_of_22_rows() {
        let geo = Geometry::new(&Style::gbt9704());
        let units: Vec<Unit> = (0..50).map(|_| rows(1)).collect();
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].lines.len(), 22);
        assert_eq!(pages[1].lines.len(), 22);
        assert_eq!(pages[2].lines.len(), 6);
    }

    #[test]
    fn a_heading_is_not_left_at_the_bottom() {
        let geo = Geometry::new(&Style::gbt9704());
        let mut units: Vec<Unit> = (0..21).map(|_| rows(1)).collect();
        let mut h = rows(1);
        h.keep_with_next = true;
        units.push(h);
        units.push(rows(1));
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages[0].lines.len(), 21);
        assert_eq!(pages[1].lines.len(), 2);
    }

    #[test]
    fn table_continuation_repeats_the_header() {
        let geo = Geometry::new(&Style::gbt9704());
        let mut units: Vec<Unit> = (0..21).map(|_| rows(1)).collect();
        for _ in 0..3 {
            let mut r = rows(1);
            r.table = Some((0, false));
            units.push(r);
        }
        let mut cont = HashMap::new();
        cont.insert(0, vec![rows(1), rows(1)]);
        let pages = paginate(&geo, units, &cont);
        assert_eq!(pages[0].lines.len(), 22);
        assert_eq!(pages[1].lines.len(), 4, "label + header + 2 rows");
    }

    #[test]
    fn end_matter_sits_at_the_bottom_or_on_its_own_unnumbered_page() {
        let geo = Geometry::new(&Style::gbt9704());
        let mut em = rows(2);
        em.end_matter = true;
        let mut units: Vec<Unit> = (0..5).map(|_| rows(1)).collect();
        units.push(em.clone());
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].rows_used, 22);
        let mut units: Vec<Unit> = (0..21).map(|_| rows(1)).collect();
        units.push(em);
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 2);
        assert!(!pages[1].numbered);
    }

    #[test]
    fn attachments_start_new_pages_and_blank_rows_vanish_at_the_top() {
        let geo = Geometry::new(&Style::gbt9704());
        let mut a = rows(1);
        a.break_before = true;
        let units = vec![rows(1), a, Unit::blank(1), rows(1)];
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].rows_used, 3);
        let units = vec![rows(1), Unit::blank(1)];
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 1);
    }
}
