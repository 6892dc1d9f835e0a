//! Breaking a long title into balanced centred lines (梯形/菱形), never inside a word.
//!
//! The best breaks are found by dynamic programming over the allowed break positions, so
//! the time grows with the number of positions times the positions that fit on one line,
//! never with the number of combinations: a title of a thousand characters is broken as
//! quickly as a short one.

use crate::chars::{is_no_line_start, width_em};

/// Places after which a title may break: the end of an organ's name, of a period phrase,
/// of "工作总结", and before the joining "及/和/暨/关于".
const BREAK_AFTER: [&str; 12] = [
    "管委会",
    "委员会",
    "管理委员会",
    "开发区",
    "科技城",
    "园区",
    "生态园",
    "年",
    "半年",
    "季度",
    "工作总结",
    "的",
];
const BREAK_BEFORE: [&str; 4] = ["及", "暨", "关于", "和"];

/// The most lines a title is broken into at phrase ends; a longer title is cut evenly.
const MAX_LINES: usize = 6;

/// What an upper line longer than the next (inverted trapezoid) costs, in the units of
/// [`Breaker::cost`] (squared half-ems): 2 em², as the balance of lines is weighed in em².
const INVERTED_COST: u64 = 8;

/// A width in half-ems: every character is 0, ½ or 1 em wide, so widths add up exactly.
fn half_ems(c: char) -> u64 {
    (width_em(c) * 2.0) as u64
}

/// Splits `title` into lines of at most `max_em` em, preferring breaks at phrase ends,
/// balanced so lines are as even as possible; an upper line is never longer than the
/// one below by more than needed (梯形, short over long).
///
/// Of the fewest lines (two to six) that fit, the breaks with the least spread of line
/// widths win, each upper line more than one em longer than the next costing as much as
/// 2 em² of spread; among equal ones the earliest breaks. A title that does not fit in six
/// lines at phrase ends is cut into even lines, never inside a number or a Latin word
/// that fits on a line.
pub fn break_title(title: &str, max_em: f64) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let total: u64 = chars.iter().copied().map(half_ems).sum();
    if total as f64 <= max_em * 2.0 || chars.len() < 2 {
        return vec![title.to_string()];
    }
    let breaks = (total as f64 <= max_em * 2.0 * MAX_LINES as f64)
        .then(|| Breaker::new(title, &chars, max_em).best())
        .flatten()
        .unwrap_or_else(|| fallback_breaks(&chars, max_em));
    lines_at(&chars, breaks)
}

/// The lines of `chars` broken before each of `breaks` (character positions, ascending).
fn lines_at(chars: &[char], breaks: Vec<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for b in breaks.into_iter().chain(std::iter::once(chars.len())) {
        out.push(chars[start..b].iter().collect());
        start = b;
    }
    out
}

/// Character positions where a break is allowed, from the phrase lists; digits and Latin
/// words are never split.
fn good_breaks(title: &str, chars: &[char]) -> Vec<usize> {
    let mut positions = Vec::new();
    // Byte offset → character index, for the matches below.
    let mut char_at = vec![0; title.len() + 1];
    for (i, (b, c)) in title.char_indices().enumerate() {
        char_at[b..b + c.len_utf8()].fill(i);
    }
    char_at[title.len()] = chars.len();
    for word in BREAK_AFTER {
        for (b, _) in title.match_indices(word) {
            positions.push(char_at[b + word.len()]);
        }
    }
    for word in BREAK_BEFORE {
        for (b, _) in title.match_indices(word) {
            positions.push(char_at[b]);
        }
    }
    positions.retain(|&p| {
        p > 0
            && p < chars.len()
            && !(chars[p - 1].is_ascii_alphanumeric() && chars[p].is_ascii_alphanumeric())
    });
    positions.retain(|&p| !is_no_line_start(chars[p]));
    // "2022年上半年", "2022年第三季度" are one phrase.
    positions.retain(|&p| {
        !(chars[p - 1] == '年' && matches!(chars[p], '上' | '下' | '前' | '第' | '度'))
    });
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// The dynamic programme over break positions.
///
/// A line runs between two positions of `pos` (the allowed breaks, with the start and
/// the end of the title); it is valid when its width is above zero and at most the
/// measure. For a fixed number of lines the mean width is fixed, so the spread of widths
/// is least when the sum of their squares is: a line costs its width squared (in
/// half-ems, exact integers), plus [`INVERTED_COST`] when the line above it is longer by
/// more than one em. The valid lines from a position end in a contiguous range of
/// positions, along which their width grows.
struct Breaker {
    /// Break positions in characters: 0, the allowed breaks, the title's length.
    pos: Vec<usize>,
    /// Width in half-ems of the title up to each character.
    prefix: Vec<u64>,
    /// For each position index, the range of indices a valid line from it ends at.
    ends: Vec<std::ops::Range<usize>>,
}

/// The cost of lines that cannot finish the title.
const UNREACHABLE: u64 = u64::MAX;

/// A cost and the end (position index) of the next line that reaches it.
type Choice = (u64, usize);

/// For the lines from one position with a given number of lines after them: over its
/// ends, the cheapest choice up to each end (`upto`) and from each end on (`from`), the
/// earliest end among equals.
struct Minima {
    upto: Vec<Choice>,
    from: Vec<Choice>,
}

fn add(cost: u64, more: u64) -> u64 {
    if cost == UNREACHABLE {
        UNREACHABLE
    } else {
        cost + more
    }
}

impl Breaker {
    fn new(title: &str, chars: &[char], max_em: f64) -> Self {
        let mut pos = vec![0];
        pos.extend(good_breaks(title, chars));
        pos.push(chars.len());
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        prefix.push(0);
        for &c in chars {
            prefix.push(prefix[prefix.len() - 1] + half_ems(c));
        }
        let measure = if max_em > 0.0 {
            (max_em * 2.0).floor() as u64
        } else {
            0
        };
        let n = pos.len();
        let mut ends = Vec::with_capacity(n);
        let (mut lo, mut hi) = (1, 1);
        for j in 0..n {
            let width = |l: usize| prefix[pos[l]] - prefix[pos[j]];
            lo = lo.max(j + 1);
            while lo < n && width(lo) == 0 {
                lo += 1;
            }
            hi = hi.max(lo);
            while hi < n && width(hi) <= measure {
                hi += 1;
            }
            ends.push(lo..hi);
        }
        Breaker { pos, prefix, ends }
    }

    /// Width in half-ems of the line from position index `a` to `b`.
    fn width(&self, a: usize, b: usize) -> u64 {
        self.prefix[self.pos[b]] - self.prefix[self.pos[a]]
    }

    /// The breaks (in characters) of the fewest lines, two to [`MAX_LINES`], that fit at
    /// allowed positions, or `None` when none do.
    fn best(&self) -> Option<Vec<usize>> {
        let end = self.pos.len() - 1;
        // levels[r - 1]: the minima of the lines from each position followed by r more.
        let mut levels: Vec<Vec<Minima>> = Vec::new();
        for lines in 2..=MAX_LINES {
            levels.push(self.level(levels.last(), end));
            let after = &levels[lines - 2];
            let first = self.ends[0]
                .clone()
                .map(|j| (add(self.rest(after, 0, j).0, self.width(0, j).pow(2)), j))
                .min()
                .filter(|&(cost, _)| cost != UNREACHABLE);
            if let Some((_, j)) = first {
                let mut breaks = vec![self.pos[j]];
                let (mut i, mut j) = (0, j);
                for r in (2..lines).rev() {
                    let (_, l) = self.rest(&levels[r - 1], i, j);
                    breaks.push(self.pos[l]);
                    (i, j) = (j, l);
                }
                return Some(breaks);
            }
        }
        None
    }

    /// The minima of the lines from each position followed by one more line than in
    /// `below` (by none when `below` is `None`: the line ends the title).
    fn level(&self, below: Option<&Vec<Minima>>, end: usize) -> Vec<Minima> {
        (0..self.pos.len())
            .map(|j| {
                let costs: Vec<Choice> = self.ends[j]
                    .clone()
                    .map(|l| {
                        let after = match below {
                            None if l == end => 0,
                            None => UNREACHABLE,
                            Some(below) => self.rest(below, j, l).0,
                        };
                        (add(after, self.width(j, l).pow(2)), l)
                    })
                    .collect();
                let mut upto = costs.clone();
                for k in 1..upto.len() {
                    upto[k] = upto[k].min(upto[k - 1]);
                }
                let mut from = costs;
                for k in (0..from.len().saturating_sub(1)).rev() {
                    from[k] = from[k].min(from[k + 1]);
                }
                Minima { upto, from }
            })
            .collect()
    }

    /// The least cost of the lines after the line from `i` to `j`, with the earliest end
    /// of the next line that reaches it, from the minima of the lines from `j`.
    fn rest(&self, level: &[Minima], i: usize, j: usize) -> Choice {
        let m = &level[j];
        // Lines from j at least as wide as the line above less one em come without the
        // cost of an inverted pair; their widths grow with the end, so they are the last.
        let floor = self.width(i, j).saturating_sub(2);
        let (mut lo, mut hi) = (self.ends[j].start, self.ends[j].end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.width(j, mid) < floor {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let upright = lo - self.ends[j].start;
        let mut best = (UNREACHABLE, j);
        if let Some(&choice) = m.from.get(upright) {
            best = best.min(choice);
        }
        if upright > 0 {
            let (cost, l) = m.upto[upright - 1];
            best = best.min((add(cost, INVERTED_COST), l));
        }
        best
    }
}

/// When no phrase break fits: even lines, moved back off digit runs, Latin words and
/// closing punctuation — but never to or before the previous break: a word longer than a
/// line is cut where the line ends.
fn fallback_breaks(chars: &[char], max_em: f64) -> Vec<usize> {
    let total: f64 = chars.iter().copied().map(width_em).sum();
    let lines = ((total / max_em).ceil().max(2.0) as usize).min(chars.len());
    let per = chars.len().div_ceil(lines);
    let unbreakable = |q: usize| {
        is_no_line_start(chars[q])
            || (chars[q - 1].is_ascii_alphanumeric() && chars[q].is_ascii_alphanumeric())
    };
    let mut breaks = Vec::new();
    let mut previous = 0;
    let mut p = per;
    while p < chars.len() {
        let mut q = p;
        while q > previous + 1 && unbreakable(q) {
            q -= 1;
        }
        if unbreakable(q) {
            q = p;
        }
        breaks.push(q);
        previous = q;
        p = q + per;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(break_title("2022年工作总结", 20.0), vec!["2022年工作总结"]);
    }

    #[test]
    fn long_titles_break_at_phrase_ends() {
        let lines = break_title(
            "某经济技术开发区管委会2022年上半年工作总结及下半年工作计划",
            20.0,
        );
        assert_eq!(
            lines,
            vec![
                "某经济技术开发区管委会2022年上半年",
                "工作总结及下半年工作计划"
            ]
        );
        for l in &lines {
            assert!(!l.is_empty());
        }
        let lines = break_title(
            "某高新技术产业开发区科技城管理委员会2022年工作总结及2023年工作计划",
            20.0,
        );
        assert!(lines.len() >= 2);
        assert_eq!(
            lines.concat(),
            "某高新技术产业开发区科技城管理委员会2022年工作总结及2023年工作计划"
        );
        assert!(lines.iter().all(|l| !l.ends_with('2')), "{lines:?}");
    }

    /// The breaks as chosen before the dynamic programme: every combination of allowed
    /// breaks tried, two lines first, the least score kept (the earliest among equals).
    fn by_combinations(title: &str, max_em: f64) -> Vec<String> {
        fn combinations(items: &[usize], k: usize) -> Vec<Vec<usize>> {
            if k == 0 {
                return vec![vec![]];
            }
            let mut out = Vec::new();
            for (i, &x) in items.iter().enumerate() {
                for mut rest in combinations(&items[i + 1..], k - 1) {
                    rest.insert(0, x);
                    out.push(rest);
                }
            }
            out
        }
        fn score(chars: &[char], breaks: &[usize], max_em: f64) -> f64 {
            let mut widths = Vec::new();
            let mut start = 0;
            for &b in breaks.iter().chain(std::iter::once(&chars.len())) {
                widths.push(chars[start..b].iter().copied().map(width_em).sum::<f64>());
                start = b;
            }
            if widths.iter().any(|&w| w > max_em || w == 0.0) {
                return f64::INFINITY;
            }
            let mean = widths.iter().sum::<f64>() / widths.len() as f64;
            let spread: f64 = widths.iter().map(|w| (w - mean).powi(2)).sum();
            let inverted = widths.windows(2).filter(|w| w[0] > w[1] + 1.0).count() as f64;
            spread + inverted * 2.0
        }
        let chars: Vec<char> = title.chars().collect();
        let total: f64 = chars.iter().copied().map(width_em).sum();
        if total <= max_em || chars.len() < 2 {
            return vec![title.to_string()];
        }
        let good = good_breaks(title, &chars);
        let mut best: Option<(f64, Vec<usize>)> = None;
        for lines in 2..=MAX_LINES {
            for breaks in combinations(&good, lines - 1) {
                let score = score(&chars, &breaks, max_em);
                if score.is_finite() && best.as_ref().is_none_or(|(s, _)| score < *s) {
                    best = Some((score, breaks));
                }
            }
            if best.is_some() {
                break;
            }
        }
        let breaks = best
            .map(|(_, b)| b)
            .unwrap_or_else(|| fallback_breaks(&chars, max_em));
        lines_at(&chars, breaks)
    }

    #[test]
    fn titles_break_as_they_did_by_trying_every_combination() {
        let organizations = [
            "某园区管委会",
            "金川经济技术开发区管委会",
            "杭州湾生态园管委会",
            "某高新技术产业开发区科技城管理委员会",
            "中国（浙江）自由贸易试验区宁波片区前湾新区管理委员会",
            "某市某区某某省级经济开发区及高新技术产业园区管委会",
            "ABC国际合作产业园区管理委员会",
        ];
        let tails = [
            "2022年上半年工作总结及下半年工作计划",
            "2022年工作总结及2023年工作计划",
            "2022年前三季度工作总结及第四季度工作计划",
            "关于2022年上半年工作情况的报告",
            "2022年工作总结暨2023年工作思路",
            "2022年1-9月工作总结和下一步工作打算",
        ];
        let mut compared = 0;
        for org in organizations {
            for tail in tails {
                let title = format!("{org}{tail}");
                for max_em in [8.0, 10.0, 12.5, 15.0, 18.0, 20.0, 21.0, 26.0] {
                    let expected = by_combinations(&title, max_em);
                    assert_eq!(
                        break_title(&title, max_em),
                        expected,
                        "{title} at {max_em} em"
                    );
                    compared += usize::from(expected.len() > 1);
                }
            }
        }
        assert!(compared > 100, "only {compared} titles were broken");
    }

    #[test]
    fn a_title_of_a_thousand_characters_is_broken_evenly() {
        // 1,083 characters: far more than six lines, so cut into even lines.
        let organization = "某经济技术开发区管委会".repeat(98);
        let title = format!("{organization}2022年上半年工作总结及下半年工作计划");
        assert_eq!(title.chars().count(), 1_098);
        let lines = break_title(&title, 20.0);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() >= 55, "{}", lines.len());
        assert!(lines.iter().all(|l| l.chars().count() <= 21), "{lines:?}");
    }

    #[test]
    fn a_title_just_under_six_lines_uses_the_phrase_breaks() {
        // Many allowed breaks (every 管委会, 园区 …) within six lines of a small measure.
        let title = format!(
            "{}2022年工作总结",
            ["某园区管委会", "某开发区", "某科技城"].concat().repeat(3)
        );
        let lines = break_title(&title, 14.0);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() <= MAX_LINES && lines.len() >= 4, "{lines:?}");
        assert_eq!(lines, by_combinations(&title, 14.0));
        // A measure of a few em: hundreds of allowed breaks, six lines at most.
        let long = "园区".repeat(60);
        let lines = break_title(&long, 20.0);
        assert_eq!(lines.concat(), long);
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut() {
        let title = "A".repeat(200);
        let lines = break_title(&title, 20.0);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() >= 5, "{lines:?}");
        let title = format!("某园区{}", "1".repeat(300));
        assert_eq!(break_title(&title, 20.0).concat(), title);
    }
}
