//! Pagination: units onto pages of grid rows.

use super::{Bookmark, Geometry, Rule, Shape, TextLine, Unit};
use huibao_core::ir::structure::Mark;
use std::collections::{HashMap, VecDeque};

/// A finished page: everything placed below the top of the text block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// Text lines; `dy` is the baseline below the block's top edge.
    pub lines: Vec<TextLine>,
    /// Rules; `dy` below the block's top edge.
    pub rules: Vec<Rule>,
    /// Charts' shapes, in drawing order; `dy` below the block's top edge.
    pub shapes: Vec<Shape>,
    /// The part of the document each shape draws (its chart), by shape.
    pub shape_marks: Vec<Option<Mark>>,
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
        self.shape_marks
            .extend(unit.shapes.iter().map(|_| unit.mark));
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
/// page: its rows plus those of the units it keeps with, up to the first that keeps
/// with nothing (all of it: a unit is never split).
fn rows_needed(units: &[Unit], i: usize, per_page: usize) -> usize {
    let mut need = units[i].rows;
    let mut j = i;
    while units[j].keep_with_next {
        j += 1;
        match units.get(j) {
            Some(u) if u.end_matter => break,
            Some(u) if u.keep_with_next => need += u.rows,
            // A unit is never split (a table row, the signature): all of it.
            Some(u) => {
                need += u.rows;
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

/// Pages being filled: the pages so far and the next free grid row of the last one.
struct Filler<'a> {
    geo: &'a Geometry,
    pages: Vec<Page>,
    row: usize,
}

impl Filler<'_> {
    fn new_page(&mut self) {
        self.pages.push(Page::new());
        self.row = 0;
    }

    fn place(&mut self, unit: &Unit) {
        if let Some(page) = self.pages.last_mut() {
            page.place(self.geo, unit, self.row);
        }
        // Rows past the page (an oversized unit) are lost from the grid count; the
        // next unit starts a new page.
        self.row = (self.row + unit.rows).min(self.geo.rows);
    }
}

/// Puts units on pages: a unit that does not fit (with what it keeps with) starts a
/// new page; a float (a chart, a table) that does not fit where it stands goes to the
/// top of the next page while the text after it fills the page; a table continuing on
/// a new page opens it with "续表" and its header; end matter goes to the bottom of the
/// last page (on its own, unnumbered page when there is no room).
pub(crate) fn paginate(
    geo: &Geometry,
    units: Vec<Unit>,
    continuations: &HashMap<usize, Vec<Unit>>,
) -> Vec<Page> {
    let per_page = geo.rows;
    let mut f = Filler {
        geo,
        pages: vec![Page::new()],
        row: 0,
    };
    let mut end_matter = Vec::new();
    // The units still to place, in order; floats held back wait in `held` and go back
    // to the queue's front when the next page starts.
    let mut queue: VecDeque<usize> = (0..units.len()).collect();
    let mut held: Vec<usize> = Vec::new();
    let release = |queue: &mut VecDeque<usize>, held: &mut Vec<usize>| {
        for &k in held.iter().rev() {
            queue.push_front(k);
        }
        held.clear();
    };
    loop {
        let Some(i) = queue.pop_front() else {
            if held.is_empty() {
                break;
            }
            if f.row > 0 {
                f.new_page();
            }
            release(&mut queue, &mut held);
            continue;
        };
        let unit = &units[i];
        if unit.end_matter {
            end_matter.push(unit.clone());
            continue;
        }
        if unit.break_before && (f.row > 0 || !held.is_empty()) {
            if f.row > 0 {
                f.new_page();
            }
            if !held.is_empty() {
                // Held floats go before the break.
                queue.push_front(i);
                release(&mut queue, &mut held);
                continue;
            }
        }
        if unit.blank && f.row == 0 {
            continue;
        }
        let need = rows_needed(&units, i, per_page);
        let overflows = f.row > 0 && f.row + need > per_page;
        if unit.floats > 0 && (overflows || !held.is_empty()) {
            // Held back for the next page's top (after any float held back before it).
            held.push(i);
            for _ in 1..unit.floats {
                held.extend(queue.pop_front());
            }
            continue;
        }
        if overflows {
            if unit.blank {
                // No room for the blank rows: whatever follows starts the next page.
                f.row = per_page;
                continue;
            }
            f.new_page();
            if !held.is_empty() {
                queue.push_front(i);
                release(&mut queue, &mut held);
                continue;
            }
            if let Some((t, false)) = unit.table {
                for c in continuations.get(&t).into_iter().flatten() {
                    f.place(c);
                }
            }
        }
        f.place(unit);
    }
    let Filler {
        mut pages, mut row, ..
    } = f;
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
                mark: None,
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

    /// The y of each unit's first line, by the line's `dy` mark (the unit's index).
    fn tagged(n: usize, index: usize) -> Unit {
        let mut u = rows(n);
        u.lines[0].dy = index as f64;
        u
    }

    /// (page, row) of the unit whose line was tagged `index`.
    fn where_is(pages: &[Page], geo: &Geometry, index: usize) -> (usize, usize) {
        for (p, page) in pages.iter().enumerate() {
            for l in &page.lines {
                let row = (l.dy / geo.pitch).floor() as usize;
                if (l.dy - row as f64 * geo.pitch - index as f64).abs() < 1e-6 {
                    return (p, row);
                }
            }
        }
        panic!("unit {index} not placed");
    }

    #[test]
    fn a_figure_that_does_not_fit_floats_to_the_next_page_and_text_fills_the_page() {
        let geo = Geometry::new(&Style::gbt9704());
        // 18 lines, a chart of 8 rows with its caption, then 10 lines.
        let mut units: Vec<Unit> = (0..18).map(|k| tagged(1, k)).collect();
        let mut chart = tagged(8, 18);
        chart.keep_with_next = true;
        chart.floats = 2;
        units.push(chart);
        units.push(tagged(1, 19));
        units.extend((20..30).map(|k| tagged(1, k)));
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(pages.len(), 2);
        // The four lines after the chart fill the first page …
        assert_eq!(pages[0].rows_used, 22);
        assert_eq!(where_is(&pages, &geo, 21), (0, 19));
        assert_eq!(where_is(&pages, &geo, 23), (0, 21));
        // … the chart and its caption open the next one, the text goes on below them.
        assert_eq!(where_is(&pages, &geo, 18), (1, 0));
        assert_eq!(where_is(&pages, &geo, 19), (1, 8));
        assert_eq!(where_is(&pages, &geo, 24), (1, 9));
        // A forced break after the chart's place: the chart goes before it.
        let mut units: Vec<Unit> = (0..18).map(|k| tagged(1, k)).collect();
        let mut chart = tagged(8, 18);
        chart.floats = 1;
        units.push(chart);
        units.push(tagged(1, 19));
        let mut attachment = tagged(1, 20);
        attachment.break_before = true;
        units.push(attachment);
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(where_is(&pages, &geo, 19), (0, 18));
        assert_eq!(where_is(&pages, &geo, 18), (1, 0));
        assert_eq!(where_is(&pages, &geo, 20), (2, 0));
    }

    #[test]
    fn the_last_unit_a_chain_keeps_with_counts_whole() {
        let geo = Geometry::new(&Style::gbt9704());
        // 20 lines, the last two keep with a signature of three rows: with one row too
        // few for all of them, they go with it.
        let mut units: Vec<Unit> = (0..20).map(|k| tagged(1, k)).collect();
        units[18].keep_with_next = true;
        units[19].keep_with_next = true;
        units.push(tagged(3, 20));
        let pages = paginate(&geo, units, &HashMap::new());
        assert_eq!(where_is(&pages, &geo, 18), (1, 0));
        assert_eq!(where_is(&pages, &geo, 20), (1, 2));
        assert_eq!(pages[0].rows_used, 18);
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
