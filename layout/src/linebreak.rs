//! Placing the characters of Chinese lines.
//!
//! Where lines break (the 禁则 groups, optimal fit), which marks give up width and
//! where a justified line takes its extra space is core's [`huibao_core::linebreak`];
//! here each character of a line gets its place: narrowed marks closed up on their
//! blank side, and justified lines stretched to the full measure.

use huibao_core::chars::Blank;
use huibao_core::linebreak::{break_ranges, spacing, LineRange};
pub(crate) use huibao_core::linebreak::{Item, Trim};
use std::ops::Range;

/// A finished line: the items it holds and where each one stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The items of the line, as indices into the breaker's input.
    pub range: Range<usize>,
    /// Number of items at the end of `range` that are spaces hung past the margin (not drawn).
    pub hanging: usize,
    /// Where each item in `range` is drawn (its glyph's origin), from the start of the
    /// line, in points.
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
/// `trims` (one per item, or empty) say how much each mark may give up.
///
/// With `justify`, every line but the last is stretched to its full measure; the last
/// line (every line without) is set at its natural width. A group wider than a whole
/// line is split between characters, as little as possible.
pub(crate) fn break_lines(
    items: &[Item],
    trims: &[Trim],
    (first, rest): (f64, f64),
    justify: bool,
) -> Vec<Line> {
    let ranges = break_ranges(items, trims, first, rest);
    let n = ranges.len();
    ranges
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let measure = if i == 0 { first } else { rest };
            place(items, l, measure, justify && i + 1 < n)
        })
        .collect()
}

/// Positions the items of one line: marks narrowed as core decided, and with `justify`
/// the line stretched to `measure` where core's [`spacing`] puts the space.
pub(crate) fn place(items: &[Item], line: &LineRange, measure: f64, justify: bool) -> Line {
    let visible = line.visible();
    let squeeze = |k: usize, side: Blank| -> f64 {
        line.squeezes
            .iter()
            .filter(|q| q.index == k && q.side == side)
            .map(|q| q.amount)
            .sum()
    };
    let set_width =
        |k: usize| items[k].width - squeeze(k, Blank::Before) - squeeze(k, Blank::After);
    let natural: f64 = visible.clone().map(set_width).sum();
    let extra = if justify {
        spacing(items, visible.clone(), measure - natural)
    } else {
        Vec::new()
    };
    let mut xs = Vec::with_capacity(line.range.len());
    let mut x = 0.0;
    for k in line.range.clone() {
        // A mark narrowed before its ink is drawn that much to the left of its cell.
        xs.push(x - squeeze(k, Blank::Before));
        x += if k < visible.end {
            set_width(k)
        } else {
            items[k].width
        };
        x += extra.get(k - visible.start).copied().unwrap_or(0.0);
    }
    Line {
        range: line.range.clone(),
        hanging: line.hanging,
        xs,
        justified: extra.iter().any(|e| *e > 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use huibao_core::chars::{is_no_line_end, is_no_line_start};
    use huibao_core::linebreak::nominal_trims;
    use huibao_core::style::Punctuation;

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

    fn full(it: &[Item], first: f64, rest: f64) -> Vec<Line> {
        break_lines(it, &[], (first, rest), true)
    }

    fn texts(s: &str, first: f64, rest: f64) -> Vec<String> {
        let it = items(s);
        full(&it, first, rest)
            .iter()
            .map(|l| it[l.visible()].iter().map(|i| i.ch).collect())
            .collect()
    }

    fn grid(chars: f64) -> f64 {
        chars * PITCH
    }

    /// The right edge of a line's last cell.
    fn end(it: &[Item], l: &Line) -> f64 {
        let last = l.visible().end - 1;
        l.xs[last - l.range.start] + it[last].width
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
        let lines = full(&it, grid(5.0), grid(5.0));
        let l0 = &lines[0];
        assert!(l0.justified);
        assert!((end(&it, l0) - grid(5.0)).abs() < 1e-6);
        assert!(!lines.last().unwrap().justified);
    }

    /// A line of all of `s`, justified to `chars` slots.
    fn justified(s: &str, chars: f64) -> (Vec<Item>, Line) {
        let it = items(s);
        let range = LineRange {
            range: 0..it.len(),
            hanging: 0,
            squeezes: Vec::new(),
        };
        let l = place(&it, &range, grid(chars), true);
        (it, l)
    }

    #[test]
    fn numbers_keep_their_width_and_the_space_goes_between_chinese_characters() {
        // Twenty characters and "12.5%" (40 pt) in 23 slots: 7.4 pt over 18 gaps.
        let (it, l) = justified("一二三四五六七八九十12.5%一二三四五六七八九十", 23.0);
        let step = |k: usize| l.xs[k + 1] - l.xs[k];
        // Inside the number and at both its edges: natural advances, no gap.
        for (k, item) in it.iter().enumerate().take(15).skip(9) {
            assert!((step(k) - item.width).abs() < 1e-9, "at {k}");
        }
        let slack = grid(23.0) - grid(20.0) - 40.0;
        for k in (0..9).chain(15..24) {
            assert!((step(k) - PITCH - slack / 18.0).abs() < 1e-9, "at {k}");
        }
        assert!((end(&it, &l) - grid(23.0)).abs() < 1e-6);
    }

    #[test]
    fn a_very_loose_line_gives_its_numbers_a_little_room_first() {
        // 一二 + "12.5%" + 三四 in 7 slots: two gaps could not take 7.4 pt under 5%.
        let (it, l) = justified("一二12.5%三四", 7.0);
        let step = |k: usize| l.xs[k + 1] - l.xs[k];
        let edge = step(1) - PITCH;
        assert!(edge > 0.0 && edge <= PITCH / 4.0 + 1e-9, "{edge}");
        assert!((step(6) - it[6].width - edge).abs() < 1e-9);
        for (k, item) in it.iter().enumerate().take(6).skip(2) {
            assert!(
                (step(k) - item.width).abs() < 1e-9,
                "inside the number at {k}"
            );
        }
        assert!((end(&it, &l) - grid(7.0)).abs() < 1e-6);
    }

    #[test]
    fn latin_lines_are_spaced_between_words() {
        let it = items("ab cd");
        let l = place(
            &it,
            &LineRange {
                range: 0..5,
                hanging: 0,
                squeezes: Vec::new(),
            },
            60.0,
            true,
        );
        assert!((l.xs[1] - l.xs[0] - 8.0).abs() < 1e-9);
        assert!(l.xs[2] > 16.0);
        assert!((end(&it, &l) - 60.0).abs() < 1e-6);
    }

    #[test]
    fn narrowed_marks_close_up_on_their_blank_side() {
        // Six slots of text in five and a half: the closing quote at the end loses its
        // blank half; the opening one at the start too when a slot is missing.
        let it = items("“一二三四”");
        let trims = nominal_trims(&it, Punctuation::Compress);
        let lines = break_lines(&it, &trims, (grid(5.5), grid(5.5)), true);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert_eq!(l.xs[0], 0.0, "the opening quote keeps its leading half");
        assert!((end(&it, l) - PITCH / 2.0 - grid(5.5)).abs() < 1e-6);
        let lines = break_lines(&it, &trims, (grid(5.0), grid(5.0)), true);
        let l = &lines[0];
        // Drawn half a slot left of the line's start: its ink (right half) at the margin.
        assert!((l.xs[0] + PITCH / 2.0).abs() < 1e-9);
        assert!((l.xs[1] - PITCH / 2.0).abs() < 1e-9);
        assert!((end(&it, l) - PITCH / 2.0 - grid(5.0)).abs() < 1e-6);
    }

    #[test]
    fn full_width_mode_places_every_mark_in_a_full_cell() {
        let s = "园区“项目为王”，一。”二（三）四、五，六七八九十";
        let it = items(s);
        let trims = nominal_trims(&it, Punctuation::Full);
        for l in break_lines(&it, &trims, (grid(6.0), grid(6.0)), true) {
            let vis = l.visible();
            for k in vis.start..vis.end - 1 {
                let step = l.xs[k + 1 - l.range.start] - l.xs[k - l.range.start];
                assert!(step >= PITCH - 1e-9, "{step}");
            }
        }
    }

    #[test]
    fn text_is_kept_whole() {
        let s =
            "园区完成营业收入48.65亿元，同比增长12.4%，完成全年目标的48.7%。（一）“招商”——引资……";
        let it = items(s);
        let trims = nominal_trims(&it, Punctuation::Compress);
        let lines = break_lines(&it, &trims, (grid(7.0), grid(9.0)), true);
        let joined: String = lines
            .iter()
            .flat_map(|l| it[l.range.clone()].iter().map(|i| i.ch))
            .collect();
        assert_eq!(joined, s);
        for (n, l) in lines.iter().enumerate() {
            let t: String = it[l.visible()].iter().map(|i| i.ch).collect();
            assert!(!is_no_line_start(t.chars().next().unwrap()), "{t}");
            assert!(!is_no_line_end(t.chars().last().unwrap()), "{t}");
            let measure = if n == 0 { grid(7.0) } else { grid(9.0) };
            assert!(l.xs.iter().all(|x| *x <= measure));
        }
    }

    #[test]
    fn empty_input_gives_one_empty_line() {
        let lines = break_lines(&[], &[], (10.0, 10.0), true);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].range.is_empty());
    }

    #[test]
    fn trailing_spaces_hang() {
        let it = items("ab cd");
        let lines = full(&it, 20.0, 20.0);
        assert_eq!(lines[0].hanging, 1);
        assert_eq!(lines[0].visible(), 0..2);
    }
}
