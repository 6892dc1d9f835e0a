//! Breaking a long title into balanced centred lines (梯形/菱形), never inside a word.

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

fn text_width(s: &[char]) -> f64 {
    s.iter().copied().map(width_em).sum()
}

/// Splits `title` into lines of at most `max_em` em, preferring breaks at phrase ends,
/// balanced so lines are as even as possible; an upper line is never longer than the
/// one below by more than needed (梯形, short over long).
pub fn break_title(title: &str, max_em: f64) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    if text_width(&chars) <= max_em || chars.len() < 2 {
        return vec![title.to_string()];
    }
    let good = good_breaks(title, &chars);
    let mut best: Option<(f64, Vec<usize>)> = None;
    // Try two lines, then three, then more, until lines fit.
    for lines in 2..=6usize {
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
    let byte_to_char = |b: usize| title[..b].chars().count();
    for word in BREAK_AFTER {
        for (b, _) in title.match_indices(word) {
            positions.push(byte_to_char(b + word.len()));
        }
    }
    for word in BREAK_BEFORE {
        for (b, _) in title.match_indices(word) {
            positions.push(byte_to_char(b));
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

/// Lower is better; infinite when a line is too long.
fn score(chars: &[char], breaks: &[usize], max_em: f64) -> f64 {
    let mut widths = Vec::new();
    let mut start = 0;
    for &b in breaks.iter().chain(std::iter::once(&chars.len())) {
        widths.push(text_width(&chars[start..b]));
        start = b;
    }
    if widths.iter().any(|&w| w > max_em || w == 0.0) {
        return f64::INFINITY;
    }
    let mean = widths.iter().sum::<f64>() / widths.len() as f64;
    let spread: f64 = widths.iter().map(|w| (w - mean).powi(2)).sum();
    // An upper line longer than the next (inverted trapezoid) costs a little.
    let inverted: f64 = widths.windows(2).filter(|w| w[0] > w[1] + 1.0).count() as f64;
    spread + inverted * 2.0
}

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

/// When no phrase break fits: even lines, moved off digit runs and closing punctuation.
fn fallback_breaks(chars: &[char], max_em: f64) -> Vec<usize> {
    let total = text_width(chars);
    let lines = (total / max_em).ceil().max(2.0) as usize;
    let per = chars.len().div_ceil(lines);
    let mut breaks = Vec::new();
    let mut p = per;
    while p < chars.len() {
        let mut q = p;
        while q > 1
            && (is_no_line_start(chars[q])
                || (chars[q - 1].is_ascii_alphanumeric() && chars[q].is_ascii_alphanumeric()))
        {
            q -= 1;
        }
        breaks.push(q);
        p = q + per;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::break_title;

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
}
