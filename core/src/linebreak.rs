//! Where Chinese text breaks into lines: the 禁则 groups and greedy filling.
//!
//! Pure logic on characters and their widths, shared by everything that needs to know
//! how text falls into lines: core's choice of table column widths and the PDF
//! typesetter. The character sets come from [`crate::chars`].

use crate::chars::{is_no_line_end, is_no_line_start, is_number_unit, is_space, is_word_char};
use std::ops::Range;

/// Width tolerance when deciding whether something fits, in the unit of the widths
/// (points in practice).
const EPS: f64 = 0.01;

/// One character as the breaker sees it: the character and its advance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The character.
    pub ch: char,
    /// Its advance (a grid slot for CJK, the real advance for Latin), in points.
    pub width: f64,
}

/// One line found by [`break_ranges`]: the items it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRange {
    /// The items of the line, as indices into the breaker's input.
    pub range: Range<usize>,
    /// Number of items at the end of `range` that are spaces hung past the margin.
    pub hanging: usize,
}

/// Splits `items` into groups that must stay on one line, by item index.
///
/// A group is one atom — a CJK character, a Latin word or a number with up to two units
/// after it ("12.5%", "2022年", "48.65亿元"), a space — with the opening punctuation
/// before it and the closing punctuation after it.
pub fn groups(items: &[Item]) -> Vec<Range<usize>> {
    // Atoms first.
    let mut atoms: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let c = items[i].ch;
        let start = i;
        if is_word_char(c) && !is_no_line_start(c) && !is_no_line_end(c)
            || c.is_ascii_alphanumeric()
        {
            while i < items.len() && is_word_char(items[i].ch) {
                i += 1;
            }
            // A number keeps its unit: "2022年", "48.65亿元".
            if items[i - 1].ch.is_ascii_digit() {
                let mut units = 0;
                while i < items.len() && units < 2 && is_number_unit(items[i].ch) {
                    i += 1;
                    units += 1;
                }
            }
        } else {
            i += 1;
        }
        atoms.push(start..i);
    }
    // Then glue punctuation to its neighbours.
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending_open: Option<usize> = None;
    for atom in atoms {
        let first = items[atom.start].ch;
        let single = atom.len() == 1;
        if single && is_no_line_end(first) {
            pending_open.get_or_insert(atom.start);
            continue;
        }
        let start = pending_open.take().unwrap_or(atom.start);
        let glue_back = single && is_no_line_start(first) && start == atom.start;
        match out.last_mut() {
            Some(last) if glue_back && last.end == atom.start => last.end = atom.end,
            _ => out.push(start..atom.end),
        }
    }
    if let Some(start) = pending_open {
        // Opening punctuation at the very end: keep it with what precedes.
        match out.last_mut() {
            Some(last) => last.end = items.len(),
            None => out.push(start..items.len()),
        }
    }
    out
}

/// The total width of `items[r]`.
pub fn width(items: &[Item], r: &Range<usize>) -> f64 {
    items[r.clone()].iter().map(|i| i.width).sum()
}

/// Breaks `items` into lines: the first line is `first` wide, the others `rest`.
///
/// Lines are filled greedily by groups; spaces never cause a break and hang at a line's
/// end. A group wider than a whole line is split between characters, as little as
/// possible. Empty input is one empty line.
pub fn break_ranges(items: &[Item], first: f64, rest: f64) -> Vec<LineRange> {
    let mut lines: Vec<LineRange> = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    let mut avail = first;
    let close = |lines: &mut Vec<LineRange>, start: usize, end: usize| {
        let hanging = items[start..end]
            .iter()
            .rev()
            .take_while(|i| is_space(i.ch))
            .count();
        lines.push(LineRange {
            range: start..end,
            hanging,
        });
    };
    for g in groups(items) {
        let w = width(items, &g);
        let all_space = items[g.clone()].iter().all(|i| is_space(i.ch));
        if all_space {
            // Spaces never cause a break; at the end of a line they hang.
            used += w;
            continue;
        }
        // Width of the line so far without its trailing spaces.
        let trailing: f64 = items[start..g.start]
            .iter()
            .rev()
            .take_while(|i| is_space(i.ch))
            .map(|i| i.width)
            .sum();
        if used + w <= avail + EPS {
            used += w;
            continue;
        }
        if g.start > start && used - trailing > EPS {
            close(&mut lines, start, g.start);
            start = g.start;
            used = 0.0;
            avail = rest;
        }
        if w <= avail + EPS {
            used = w;
            continue;
        }
        // The group alone is wider than a line: split it between characters.
        let mut k = g.start;
        while k < g.end {
            let cw = items[k].width;
            if used + cw > avail + EPS && k > start {
                close(&mut lines, start, k);
                start = k;
                used = 0.0;
                avail = rest;
            }
            used += cw;
            k += 1;
        }
    }
    if start < items.len() || lines.is_empty() {
        close(&mut lines, start, items.len());
    }
    lines
}

/// How many lines `items` take at `measure` per line.
pub fn count_lines(items: &[Item], measure: f64) -> usize {
    break_ranges(items, measure, measure).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLOT: f64 = 15.79;

    /// CJK on the grid, ASCII at half a slot.
    fn items(s: &str) -> Vec<Item> {
        s.chars()
            .map(|ch| Item {
                ch,
                width: crate::chars::width_em(ch) * SLOT,
            })
            .collect()
    }

    fn texts(s: &str, chars: f64) -> Vec<String> {
        let it = items(s);
        break_ranges(&it, chars * SLOT, chars * SLOT)
            .iter()
            .map(|l| {
                it[l.range.start..l.range.end - l.hanging]
                    .iter()
                    .map(|i| i.ch)
                    .collect()
            })
            .collect()
    }

    fn group_texts(s: &str) -> Vec<String> {
        let it = items(s);
        groups(&it)
            .into_iter()
            .map(|g| it[g].iter().map(|i| i.ch).collect())
            .collect()
    }

    #[test]
    fn numbers_keep_their_units_and_punctuation_its_neighbour() {
        assert_eq!(
            group_texts("增长12.5%，达48.65亿元。"),
            ["增", "长", "12.5%，", "达", "48.65亿元。"]
        );
        assert_eq!(group_texts("（一）“TCL”"), ["（一）", "“TCL”"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        assert_eq!(texts("一二三四五，六七", 5.0), ["一二三四", "五，六七"]);
        assert_eq!(texts("一二三四五——六", 5.0), ["一二三四", "五——六"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(texts("一二三四（五六七）", 5.0), ["一二三四", "（五六七）"]);
    }

    #[test]
    fn counts_lines() {
        let it = items(&"园".repeat(60));
        assert_eq!(count_lines(&it, 28.0 * SLOT), 3);
        assert_eq!(count_lines(&[], 28.0 * SLOT), 1);
        // A word wider than the line is split between characters.
        let it = items(&"x".repeat(30));
        assert_eq!(count_lines(&it, 5.0 * SLOT), 3);
    }
}
