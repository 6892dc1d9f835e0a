//! Chinese line breaking (禁则) and grid justification.
//!
//! Pure logic on characters and widths: which characters may not start or end a
//! line, which runs may not be split (Latin words, a number with its unit), where
//! lines break, and where each character of a justified line stands.

use std::ops::Range;

/// Width tolerance in points when deciding whether something fits.
const EPS: f64 = 0.01;

/// One character as the breaker sees it: the character and its advance in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The character.
    pub ch: char,
    /// Its advance in points (a grid slot for CJK, the real advance for Latin).
    pub width: f64,
}

/// A finished line: the items it holds and where each one stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
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
    pub fn visible(&self) -> Range<usize> {
        self.range.start..self.range.end - self.hanging
    }
}

/// Closing punctuation that may not start a line (行首禁则).
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '〉'
            | '”'
            | '’'
            | '…'
            | '—'
            | '·'
            | '・'
            | '％'
            | '‰'
            | '℃'
            | '．'
            | '～'
            | '々'
            | '〃'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Opening punctuation that may not end a line (行尾禁则).
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '〈'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

/// Characters that count as a unit after a number ("2022年", "48.65亿元", "3个百分点").
fn is_unit(c: char) -> bool {
    "年月日号时分秒万亿元个家项人次亩吨米倍户名辆台套座条支期批届所处间层栋天周季岁千百克升瓦度份件本张块页位股只头起宗笔平方公里余多".contains(c)
}

/// ASCII that belongs to a Latin word or a number and is never split from its neighbours.
fn is_word_char(c: char) -> bool {
    c.is_ascii_graphic()
}

/// CJK ideographs and full-width forms (what the grid counts as one character).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F
        | 0x31A0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
}

/// Splits `items` into groups that must stay on one line, by item index.
///
/// A group is one atom (a CJK character, a Latin word or number with its unit, a
/// space) with the opening punctuation before it and the closing punctuation after it.
pub fn groups(items: &[Item]) -> Vec<Range<usize>> {
    // Atoms first.
    let mut atoms: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let c = items[i].ch;
        let start = i;
        if is_word_char(c) && !is_no_start(c) && !is_no_end(c) || c.is_ascii_alphanumeric() {
            while i < items.len() && is_word_char(items[i].ch) {
                i += 1;
            }
            // A number keeps its unit: "2022年", "48.65亿元".
            if items[i - 1].ch.is_ascii_digit() {
                let mut units = 0;
                while i < items.len() && units < 2 && is_unit(items[i].ch) {
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
        if single && is_no_end(first) {
            pending_open.get_or_insert(atom.start);
            continue;
        }
        let start = pending_open.take().unwrap_or(atom.start);
        let glue_back = single && is_no_start(first) && start == atom.start;
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

fn width(items: &[Item], r: &Range<usize>) -> f64 {
    items[r.clone()].iter().map(|i| i.width).sum()
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Breaks `items` into lines: the first line is `first` points wide, the others `rest`.
///
/// Every line but the last is justified to its full measure by spacing between
/// characters; the last line is set at its natural width. A group wider than a whole
/// line is split between characters, as little as possible.
pub fn break_lines(items: &[Item], first: f64, rest: f64) -> Vec<Line> {
    let mut ranges: Vec<(Range<usize>, usize)> = Vec::new(); // (range, hanging spaces)
    let mut start = 0;
    let mut used = 0.0;
    let mut avail = first;
    let close =
        |ranges: &mut Vec<(Range<usize>, usize)>, start: usize, end: usize, items: &[Item]| {
            let hanging = items[start..end]
                .iter()
                .rev()
                .take_while(|i| is_space(i.ch))
                .count();
            ranges.push((start..end, hanging));
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
            close(&mut ranges, start, g.start, items);
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
                close(&mut ranges, start, k, items);
                start = k;
                used = 0.0;
                avail = rest;
            }
            used += cw;
            k += 1;
        }
    }
    if start < items.len() || ranges.is_empty() {
        close(&mut ranges, start, items.len(), items);
    }
    let n = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, (range, hanging))| {
            let measure = if i == 0 { first } else { rest };
            place(items, range, hanging, measure, i + 1 < n)
        })
        .collect()
}

/// Whether extra space may go between items `a` and `b` (not inside a Latin word or number).
fn stretchable(a: char, b: char) -> bool {
    !(is_word_char(a) && is_word_char(b))
}

/// Positions the items of one line; `justify` stretches it to `measure`.
pub fn place(
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
                assert!(!is_no_start(l.chars().next().unwrap()), "{s}: {l}");
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
                assert!(!is_no_end(l.chars().last().unwrap()), "{s}: {l}");
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
            assert!(!is_no_start(t.chars().next().unwrap()), "{t}");
            assert!(!is_no_end(t.chars().last().unwrap()), "{t}");
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
