//! Final table column widths, decided once for every output.
//!
//! A table's columns take the user's `widths` when given (as relative weights). Otherwise
//! they are chosen from the content so the table is as short as possible:
//!
//! - when every column fits its widest cell on one line, each gets that, and the room
//!   left over is shared out by [natural weights](natural_weight);
//! - otherwise each column starts at its narrowest — its widest unbreakable group (a
//!   number with its unit, a Latin word), a cell of up to three characters, half its
//!   header (a header takes at most two lines) — and the rest of the block is handed out
//!   a character at a time to the column where it saves the most lines.
//!
//! A header breaks only between its terms — its name and a parenthesised unit, "规模" and
//! "（亿元）" — never inside one ([`header_terms`], [`header_lines`]): a column is at least
//! as wide as the widest term that holds together.
//!
//! Text is measured as the table font sets it on the grid: full-width characters one grid
//! slot, ASCII at its advance in the preset's Latin font ([`crate::chars::latin_advance_em`]),
//! the rest by [`crate::chars::width_em`]; lines are counted with [`crate::linebreak`]. The result is each column's share of the text
//! block: backends scale the shares to their block width.

use crate::chars::{is_invisible, latin_advance_em, text_width_em, width_em};
use crate::linebreak::{self, Item};
use crate::style::{FontRole, Style};

/// Horizontal padding inside a table cell, each side, in points.
pub const CELL_PADDING_PT: f64 = 4.0;

/// Room a column gives up besides its text: the padding on both sides and 1 pt for rules.
const CELL_EXTRA_PT: f64 = 2.0 * CELL_PADDING_PT + 1.0;

/// Each column's share of the text block width (the shares add up to 1): the user's
/// `widths` when given for every column, else chosen from `headers` and `rows`.
pub fn shares(
    headers: &[String],
    rows: &[Vec<String>],
    user: Option<&[u16]>,
    style: &Style,
) -> Vec<f64> {
    if headers.is_empty() {
        return Vec::new();
    }
    match user.filter(|w| w.len() == headers.len()) {
        Some(w) => normalized(w.iter().map(|&w| f64::from(w.max(1))).collect()),
        None => {
            let weights: Vec<f64> = (0..headers.len())
                .map(|i| f64::from(natural_weight(&headers[i], rows, i)))
                .collect();
            normalized(content_widths(headers, rows, &weights, &Measure::of(style)))
        }
    }
}

/// The weight of column `i` when nothing better is known: its widest cell in em, plus
/// one for padding, kept between 2 and 14. Room left over goes by these weights.
pub fn natural_weight(header: &str, rows: &[Vec<String>], i: usize) -> u16 {
    let widest = rows
        .iter()
        .filter_map(|r| r.get(i))
        .map(|c| text_width_em(c))
        .chain([text_width_em(header)])
        .fold(0.0, f64::max);
    (widest.ceil() + 1.0).clamp(2.0, 14.0) as u16
}

/// A term of a header holds together when it is a parenthesised unit or a word of up to
/// this many characters (a longer name may break inside when the table needs it).
const TERM_CHARS: usize = 4;

/// The terms of a table header: the stretches between parenthesised groups and the
/// groups themselves, "已投资（亿元）" → ["已投资", "（亿元）"]; a header without
/// parentheses is one term.
pub fn header_terms(header: &str) -> Vec<&str> {
    let mut terms = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, ch) in header.char_indices() {
        match ch {
            '（' | '(' => {
                if depth == 0 && i > start {
                    terms.push(&header[start..i]);
                    start = i;
                }
                depth += 1;
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = i + ch.len_utf8();
                    terms.push(&header[start..end]);
                    start = end;
                }
            }
            _ => {}
        }
    }
    if start < header.len() {
        terms.push(&header[start..]);
    }
    terms.retain(|t| !t.trim().is_empty());
    terms
}

/// Whether a header term must not be broken: a parenthesised unit, or a short word.
fn holds_together(term: &str) -> bool {
    term.starts_with(['（', '(']) || term.chars().count() <= TERM_CHARS
}

/// The lines a table header is set in within a column of `share` of the text block: the
/// whole header when it fits, else its [terms](header_terms) packed line by line (a term
/// wider than the column alone on its line, for the writer to wrap).
pub fn header_lines(header: &str, share: f64, style: &Style) -> Vec<String> {
    let m = Measure::of(style);
    let room = share * m.block - CELL_EXTRA_PT;
    let width = |t: &str| total(&m.items(t));
    if width(header) <= room + 0.01 {
        return vec![header.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    for term in header_terms(header) {
        match lines.last_mut() {
            Some(last) if width(last) + width(term) <= room + 0.01 => last.push_str(term),
            _ => lines.push(term.to_string()),
        }
    }
    lines
}

/// `widths` divided by their sum; equal shares when they do not add up to anything.
fn normalized(widths: Vec<f64>) -> Vec<f64> {
    let total: f64 = widths.iter().sum();
    if total > 0.0 && total.is_finite() {
        widths.into_iter().map(|w| w / total).collect()
    } else {
        let n = widths.len() as f64;
        widths.into_iter().map(|_| 1.0 / n).collect()
    }
}

/// The measures a table is laid out with, in points.
struct Measure {
    /// Width of the text block.
    block: f64,
    /// Advance of one full-width character of the table font on the grid.
    slot: f64,
    /// Size of the table font.
    size: f64,
}

impl Measure {
    fn of(style: &Style) -> Measure {
        let page = &style.page;
        let positive = |x: f64, or: f64| if x > 0.0 && x.is_finite() { x } else { or };
        let body = positive(style.font(FontRole::Body).size_pt, 16.0);
        let table = positive(style.font(FontRole::Table).size_pt, body);
        let body_slot = positive(page.char_pitch_pt(), body);
        Measure {
            block: page.block_width_pt(),
            slot: body_slot * table / body,
            size: table,
        }
    }

    fn items(&self, text: &str) -> Vec<Item> {
        text.chars()
            .filter(|&c| !is_invisible(c))
            .map(|ch| Item {
                ch,
                width: match latin_advance_em(ch) {
                    Some(em) => em * self.size,
                    None => width_em(ch) * self.slot,
                },
            })
            .collect()
    }
}

fn total(items: &[Item]) -> f64 {
    items.iter().map(|it| it.width).sum()
}

/// Column widths in points that make the table as short as possible (see the module).
fn content_widths(
    headers: &[String],
    rows: &[Vec<String>],
    weights: &[f64],
    m: &Measure,
) -> Vec<f64> {
    let n = headers.len();
    let weight_sum: f64 = weights.iter().sum();
    let share = |i: usize| {
        if weight_sum > 0.0 {
            weights[i] / weight_sum
        } else {
            1.0 / n as f64
        }
    };
    let extra = CELL_EXTRA_PT;
    // cells[i][r]: the items of column i in row r (row 0 the header).
    let mut cells: Vec<Vec<Vec<Item>>> = vec![Vec::new(); n];
    let (mut max, mut min) = (vec![0.0f64; n], vec![0.0f64; n]);
    for (i, header) in headers.iter().enumerate() {
        let header = m.items(header);
        // A header takes at most two lines (and keeps its first two characters together).
        let head2: f64 = header.iter().take(2).map(|it| it.width).sum();
        let half = total(&header) / 2.0;
        // … and is never broken inside a term that holds together.
        let term = header_terms(&headers[i])
            .into_iter()
            .filter(|t| holds_together(t))
            .map(|t| total(&m.items(t)))
            .fold(0.0, f64::max);
        min[i] = head2.max(half + m.slot / 2.0).max(term) + extra;
        max[i] = total(&header) + extra;
        cells[i].push(header);
        for r in rows {
            let items = m.items(r.get(i).map(String::as_str).unwrap_or(""));
            let full = total(&items);
            max[i] = max[i].max(full + extra);
            // Short words (母基金, 已投资) are never broken.
            min[i] = min[i].max(full.min(3.0 * m.slot) + extra);
            for grp in linebreak::groups(&items) {
                min[i] = min[i].max(linebreak::width(&items, &grp) + extra);
            }
            cells[i].push(items);
        }
        min[i] = min[i].min(max[i]);
    }
    let sum_max: f64 = max.iter().sum();
    if sum_max <= m.block {
        let spare = m.block - sum_max;
        return (0..n).map(|i| max[i] + spare * share(i)).collect();
    }
    if min.iter().sum::<f64>() > m.block {
        return (0..n).map(|i| m.block * share(i)).collect();
    }
    let lines = |i: usize, w: f64| -> Vec<usize> {
        cells[i]
            .iter()
            .map(|items| {
                if items.is_empty() {
                    1
                } else {
                    linebreak::count_lines(items, (w - extra).max(1.0))
                }
            })
            .collect()
    };
    let row_count = rows.len() + 1;
    let mut w = min.clone();
    let mut per_col: Vec<Vec<usize>> = (0..n).map(|i| lines(i, w[i])).collect();
    // Cost: the table's height first, then the lines of all its cells.
    let cost = |per_col: &[Vec<usize>]| -> f64 {
        let height: usize = (0..row_count)
            .map(|r| per_col.iter().map(|c| c[r]).max().unwrap_or(1))
            .sum();
        height as f64 * 1000.0 + per_col.iter().flatten().sum::<usize>() as f64
    };
    let step = m.slot;
    loop {
        let left = m.block - w.iter().sum::<f64>();
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
    let left = m.block - w.iter().sum::<f64>();
    (0..n).map(|i| w[i] + left.max(0.0) * share(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn approx(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
    }

    #[test]
    fn user_widths_win() {
        let headers = strings(&["序号", "项目名称", "总投资（亿元）"]);
        let rows = vec![strings(&["1", "新能源装备产业园", "35.6"])];
        let s = shares(&headers, &rows, Some(&[2, 9, 4]), &Style::gbt9704());
        assert!(approx(&s, &[2.0 / 15.0, 9.0 / 15.0, 4.0 / 15.0]), "{s:?}");
        // A zero weight still gets a column.
        let s = shares(&headers, &rows, Some(&[0, 1, 1]), &Style::gbt9704());
        assert!(approx(&s, &[1.0 / 3.0; 3]), "{s:?}");
    }

    #[test]
    fn narrow_tables_fit_every_cell_on_one_line() {
        let style = Style::gbt9704();
        let headers = strings(&["指标名称", "单位", "1-6月完成", "同比增长"]);
        let rows = vec![
            strings(&["营业收入", "亿元", "48.65", "12.4%"]),
            strings(&["规模以上工业增加值", "亿元", "16.2", "8.1%"]),
        ];
        let s = shares(&headers, &rows, None, &style);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let m = Measure::of(&style);
        // The name column holds "规模以上工业增加值" (9 characters) on one line.
        assert!(s[0] * m.block >= 9.0 * m.slot + CELL_EXTRA_PT, "{s:?}");
        assert!(s[0] > s[1] && s[0] > s[3], "{s:?}");
    }

    #[test]
    fn wide_tables_give_room_where_it_saves_lines() {
        let style = Style::gbt9704();
        let headers = strings(&["序号", "项目名称", "建设内容", "总投资（亿元）", "进展情况"]);
        let long = "建设标准化厂房及配套研发中心、检测中心和人才公寓，总建筑面积约二十万平方米";
        let rows = vec![
            strings(&["1", "新能源装备产业园", long, "35.6", "主体完工"]),
            strings(&["2", "生物医药创新港", long, "12.8", "开工建设"]),
        ];
        let s = shares(&headers, &rows, None, &style);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let m = Measure::of(&style);
        let w: Vec<f64> = s.iter().map(|x| x * m.block).collect();
        // 序号 is never split; "35.6" and 主体完工 stay whole; the long text gets the most.
        assert!(w[0] >= 2.0 * m.slot + CELL_EXTRA_PT - 1e-9, "{w:?}");
        assert!(w[3] >= 2.0 * m.slot + CELL_EXTRA_PT - 1e-9, "{w:?}");
        let widest = w.iter().cloned().fold(0.0, f64::max);
        assert_eq!(widest, w[2], "{w:?}");
    }

    #[test]
    fn tables_too_wide_for_the_block_share_it_by_weight() {
        let style = Style::gbt9704();
        let headers: Vec<String> = (1..=20).map(|i| format!("第{i}列标题")).collect();
        let rows = vec![headers.clone()];
        let s = shares(&headers, &rows, None, &style);
        assert_eq!(s.len(), 20);
        assert!(approx(&s, &[0.05; 20]), "{s:?}");
    }

    #[test]
    fn headers_break_between_their_terms() {
        assert_eq!(header_terms("规模（亿元）"), ["规模", "（亿元）"]);
        assert_eq!(header_terms("已投资（亿元）"), ["已投资", "（亿元）"]);
        assert_eq!(header_terms("1-6月完成"), ["1-6月完成"]);
        assert_eq!(header_terms("（万元）合计"), ["（万元）", "合计"]);
        let style = Style::gbt9704();
        let m = Measure::of(&style);
        let share = |chars: f64| (chars * m.slot + CELL_EXTRA_PT) / m.block;
        assert_eq!(
            header_lines("规模（亿元）", share(6.0), &style),
            ["规模（亿元）"]
        );
        assert_eq!(
            header_lines("规模（亿元）", share(4.7), &style),
            ["规模", "（亿元）"]
        );
        assert_eq!(
            header_lines("已投资（亿元）", share(4.2), &style),
            ["已投资", "（亿元）"]
        );
        // The fund table: seven columns, two headers with a unit; each column is wide
        // enough for its widest term.
        let headers = strings(&[
            "序号",
            "基金名称",
            "类型",
            "规模（亿元）",
            "所处阶段",
            "已投资（亿元）",
            "重点投向",
        ]);
        let rows = vec![strings(&[
            "1",
            "青川产业引导母基金有限合伙企业",
            "母基金",
            "20.00",
            "投资期",
            "6.35",
            "集成电路、新能源汽车及零部件",
        ])];
        let s = shares(&headers, &rows, None, &style);
        for i in [3, 5] {
            let lines = header_lines(&headers[i], s[i], &style);
            // Whole terms on every line: each line starts where a term starts.
            assert_eq!(lines.concat(), headers[i]);
            let mut at = 0;
            let starts: Vec<usize> = header_terms(&headers[i])
                .iter()
                .map(|t| {
                    let s = at;
                    at += t.len();
                    s
                })
                .collect();
            let mut at = 0;
            for l in &lines {
                assert!(starts.contains(&at), "{lines:?}");
                at += l.len();
            }
            assert!(
                s[i] * m.block >= 4.0 * m.slot + CELL_EXTRA_PT - 1e-9,
                "{s:?}"
            );
            assert!(lines.len() <= 2, "{lines:?}");
        }
    }

    #[test]
    fn natural_weights_count_em() {
        let rows = vec![strings(&["营业收入", "48.65"])];
        assert_eq!(natural_weight("指标名称", &rows, 0), 5);
        assert_eq!(natural_weight("值", &rows, 1), 4);
        assert_eq!(natural_weight("", &[], 0), 2);
    }
}
