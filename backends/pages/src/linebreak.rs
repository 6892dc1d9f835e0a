//! Grid justification of Chinese lines.
//!
//! Where lines break (the 禁则 groups, greedy filling) is core's
//! [`huibao_core::linebreak`]; here each character of a line gets its place, and
//! justified lines are stretched to the full measure.

use huibao_core::chars::is_word_char;
pub(crate) use huibao_core::linebreak::Item;
use huibao_core::linebreak::{break_ranges, width};
use std::ops::Range;

/// Width tolerance in points when deciding whether a line needs stretching.
const EPS: f64 = 0.01;

/// A finished line: the items it holds and where each one stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The items of the line, as indices into the breaker's input.
    pub range: Range<usize>,
    /// Number of items at the end of `range` that are spaces hung past the margin (not drawn).
    pub hanging: usize,
    /// Offset of each item in `range` from the start of the line, in points.
    pub xs: Vec<f64>,
    /// Whether the line was stretched to the full measure.
    pub justified: bool,
}

impl Line {
    /// The items that are drawn (hanging spaces left out).
    pub(crate) fn visible(&self) -> Range<usize> {
        self.range.start..self.range.end - self.hanging
    }
}

/// Breaks `items` into lines: the first line is `first` points wide, the others `rest`.
///
/// Every line but the last is justified to its full measure by spacing between
/// characters; the last line is set at its natural width. A group wider than a whole
/// line is split between characters, as little as possible.
pub(crate) fn break_lines(items: &[Item], first: f64, rest: f64) -> Vec<Line> {
    let ranges = break_ranges(items, first, rest);
    let n = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let measure = if i == 0 { first } else { rest };
            place(items, l.range, l.hanging, measure, i + 1 < n)
        })
        .collect()
}

/// Whether extra space may go between items `a` and `b` (not inside a Latin word or number).
fn stretchable(a: char, b: char) -> bool {
    !(is_word_char(a) && is_word_char(b))
}

/// Positions the items of one line; `justify` stretches it to `measure`.
pub(crate) fn place(
    items: &[Item],
    range: Range<usize>,
    hanging: usize,
    measure: f64,
    justify: bool,
) -> Line {
    let visible = range.start..range.end - hanging;
    let natural = width(items, &visible);
    let gaps: Vec<bool> = (visible.start..visible.end.saturating_sub(1))
        .map(|k| stretchable(items[k].ch, items[k + 1].ch))
        .collect();
    let n_gaps = gaps.iter().filter(|g| **g).count();
    let slack = (measure - natural).max(0.0);
    let extra = if justify && n_gaps > 0 && slack > EPS {
        slack / n_gaps as f64
    } else {
        0.0
    };
    let mut xs = Vec::with_capacity(range.len());
    let mut x = 0.0;
    for k in range.clone() {
        xs.push(x);
        x += items[k].width;
        if k + 1 < visible.end && gaps[k - visible.start] {
            x += extra;
        }
    }
    Line {
        range,
        hanging,
        xs,
        justified: extra > 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use huibao_core::chars::{is_no_line_end, is_no_line_start};

    const PITCH: f64 = 15.79;

    /// CJK on the grid, ASCII at half a slot.
    fn items(s: &str) -> Vec<Item> {
        s.chars()
            .map(|ch| Item {
                ch,
                width: if ch.is_ascii() { 8.0 } else { PITCH },
            })
            .collect()
    }

    fn texts(s: &str, first: f64, rest: f64) -> Vec<String> {
        let it = items(s);
        break_lines(&it, first, rest)
            .iter()
            .map(|l| it[l.visible()].iter().map(|i| i.ch).collect())
            .collect()
    }

    fn grid(chars: f64) -> f64 {
        chars * PITCH
    }

    #[test]
    fn fills_a_line_with_exactly_the_grid_count() {
        let s = "一二三四五六七八九十".repeat(6);
        let lines = texts(&s, grid(28.0), grid(28.0));
        assert_eq!(lines[0].chars().count(), 28);
        assert_eq!(lines[1].chars().count(), 28);
        assert_eq!(lines[2].chars().count(), 4);
    }

    #[test]
    fn first_line_indent_leaves_26() {
        let s = "一".repeat(60);
        let lines = texts(&s, grid(26.0), grid(28.0));
        assert_eq!(lines[0].chars().count(), 26);
        assert_eq!(lines[1].chars().count(), 28);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // 5 chars fit; the comma would be 6th: the last char is pushed out with it.
        let lines = texts("一二三四五，六七", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "五，六七"]);
        for p in [
            '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '…', '—',
        ] {
            let s = format!("一二三四五{p}六七八九");
            for l in texts(&s, grid(5.0), grid(5.0)) {
                assert!(!is_no_line_start(l.chars().next().unwrap()), "{s}: {l}");
            }
        }
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let lines = texts("一二三四（五六七）", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "（五六七）"]);
        for p in ['（', '《', '“', '‘'] {
            let s = format!("一二三四{p}五六七八九");
            for l in texts(&s, grid(5.0), grid(5.0)) {
                assert!(!is_no_line_end(l.chars().last().unwrap()), "{s}: {l}");
            }
        }
    }

    #[test]
    fn chains_of_punctuation_stay_together() {
        let lines = texts("一二三四。”五六", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三", "四。”五六"]);
        let lines = texts("一二三四五——六", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "五——六"]);
        let lines = texts("一二三四五……六", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "五……六"]);
    }

    #[test]
    fn number_stays_with_unit_and_percent() {
        // "12.5%" is 5 × 8 = 40 pt; it does not fit after 三四 on a 5-slot line.
        let lines = texts("一二三四12.5%五", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "12.5%五"]);
        let lines = texts("一二三2022年四", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三", "2022年四"]);
        let lines = texts("一二48.65亿元", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二", "48.65亿元"]);
    }

    #[test]
    fn latin_words_are_not_split() {
        let lines = texts("一二三四TCL", grid(5.0), grid(5.0));
        assert_eq!(lines, vec!["一二三四", "TCL"]);
        let lines = texts("ab cd ef", 40.0, 40.0);
        assert_eq!(lines, vec!["ab cd", "ef"]);
    }

    #[test]
    fn overlong_word_is_split_between_characters() {
        let s = "x".repeat(30);
        let lines = texts(&s, 80.0, 80.0);
        assert!(lines.iter().all(|l| l.len() <= 10));
        assert_eq!(lines.concat(), s);
    }

    #[test]
    fn justified_lines_fill_the_measure_and_last_line_does_not() {
        let it = items("一二三四五，六七八");
        let lines = break_lines(&it, grid(5.0), grid(5.0));
        let l0 = &lines[0];
        assert!(l0.justified);
        let last = l0.range.end - 1;
        let end = l0.xs.last().unwrap() + it[last].width;
        assert!((end - grid(5.0)).abs() < 1e-6, "{end}");
        assert!(!lines.last().unwrap().justified);
    }

    #[test]
    fn no_stretch_inside_latin_words() {
        let it = items("一AB二三四五六");
        let l = place(&it, 0..4, 0, 100.0, true);
        assert!((l.xs[2] - l.xs[1] - 8.0).abs() < 1e-9);
        assert!(l.xs[1] > PITCH);
    }

    #[test]
    fn text_is_kept_whole() {
        let s =
            "园区完成营业收入48.65亿元，同比增长12.4%，完成全年目标的48.7%。（一）“招商”——引资……";
        let it = items(s);
        let lines = break_lines(&it, grid(7.0), grid(9.0));
        let joined: String = lines
            .iter()
            .flat_map(|l| it[l.range.clone()].iter().map(|i| i.ch))
            .collect();
        assert_eq!(joined, s);
        for l in &lines {
            let t: String = it[l.visible()].iter().map(|i| i.ch).collect();
            assert!(!is_no_line_start(t.chars().next().unwrap()), "{t}");
            assert!(!is_no_line_end(t.chars().last().unwrap()), "{t}");
        }
    }

    #[test]
    fn empty_input_gives_one_empty_line() {
        let lines = break_lines(&[], 10.0, 10.0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].range.is_empty());
    }

    #[test]
    fn trailing_spaces_hang() {
        let it = items("ab cd");
        let lines = break_lines(&it, 20.0, 20.0);
        assert_eq!(lines[0].hanging, 1);
        assert_eq!(lines[0].visible(), 0..2);
    }
}
