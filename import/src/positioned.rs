//! Text placed on pages (a PDF's text layer, an OFD's text objects) back to paragraphs:
//! runs grouped into lines by their baseline, lines in reading order, running headers,
//! footers and page numbers removed by their position, and lines re-joined into the
//! paragraphs they were broken from.
//!
//! A line continues into the next when it reaches the right margin and the next is not
//! indented; an indented line, a short line, a centred line or a wider gap starts a new
//! paragraph. A heading number left alone on its line ("（一）") is joined to the title
//! on the next.

use crate::source::{Align, Block, Para};

/// A run of text at one place on a page, in a top-down frame (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Left edge of the first character.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Right edge of the last character.
    pub end: f64,
    /// Font size (the height of a character).
    pub size: f64,
    /// The text.
    pub text: String,
}

/// One page's runs and its size.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// Height of the page.
    pub height: f64,
    /// The runs, in the order the file gives them.
    pub runs: Vec<Run>,
}

/// A line of a page: runs on one baseline, left to right.
#[derive(Debug, Clone)]
struct Line {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
    /// The line's cells, where wide gaps part it (a table row); one for running text.
    cells: Vec<String>,
    /// Where each cell starts and ends.
    spans: Vec<(f64, f64)>,
    /// The runs, left to right: start, end, text.
    runs: Vec<(f64, f64, String)>,
}

impl Line {
    /// The line's cells placed in the columns of a row above it (a cell's wrapped
    /// text): each cell goes to the column its middle falls in; `None` when two fall in
    /// one column or one is wider than its column (a line of running text).
    fn columns_of(&self, columns: &[(f64, f64)]) -> Option<Vec<String>> {
        let mut out = vec![String::new(); columns.len()];
        for (cell, (x, end)) in self.cells.iter().zip(&self.spans) {
            let k = column_at(columns, (x + end) / 2.0);
            let (start, stop) = columns[k];
            let slack = self.size * 2.0;
            if !out[k].is_empty() || *x < start - slack || *end > stop + slack {
                return None;
            }
            out[k] = cell.clone();
        }
        Some(out)
    }

    /// The line split at the columns of a table row below it: each run goes to the
    /// column its middle falls in; `None` unless every column gets text.
    fn split_at(&self, columns: &[(f64, f64)]) -> Option<Vec<String>> {
        // Parted at any gap a quarter of a character wide, when that gives the columns.
        let mut pieces: Vec<String> = Vec::new();
        let mut end = f64::MIN;
        for (x, e, text) in &self.runs {
            match pieces.last_mut() {
                Some(last) if x - end <= self.size * 0.25 => last.push_str(text),
                _ => pieces.push(text.clone()),
            }
            end = end.max(*e);
        }
        if pieces.len() == columns.len() {
            return Some(pieces);
        }
        let mut cells = vec![String::new(); columns.len()];
        for (x, end, text) in &self.runs {
            cells[column_at(columns, (x + end) / 2.0)].push_str(text);
        }
        cells.iter().all(|c| !c.trim().is_empty()).then_some(cells)
    }
}

/// The column a position falls in: the boundary between two columns is halfway across
/// the gap between them.
fn column_at(columns: &[(f64, f64)], x: f64) -> usize {
    (0..columns.len())
        .find(|&k| k + 1 == columns.len() || x < (columns[k].1 + columns[k + 1].0) / 2.0)
        .unwrap_or(0)
}

/// What reading pages found.
#[derive(Debug, Default)]
pub(crate) struct Read {
    /// The paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// Page numbers, running headers and footers removed by position, as they were.
    pub removed: Vec<String>,
}

/// Most lines kept from one page, most runs per page: a report page has about 22 lines of
/// 28 characters; these leave room for small print while bounding hostile input.
const MAX_RUNS_PER_PAGE: usize = 50_000;

/// Pages to paragraphs.
pub(crate) fn paragraphs(pages: &[Page]) -> Read {
    let mut lines: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    let removed = strip_running(&mut lines, pages);
    let all: Vec<&Line> = lines.iter().flatten().collect();
    if all.is_empty() {
        return Read {
            blocks: Vec::new(),
            removed,
        };
    }
    let size = median(all.iter().map(|l| l.size)).max(1.0);
    // The text block's margins: the leftmost edge several lines share (paragraphs'
    // first lines are indented, so the most common edge may be the indent), the right
    // edge most long lines reach.
    let left = left_edge(all.iter().map(|l| l.x), size / 2.0);
    let widest = all.iter().map(|l| l.end - l.x).fold(0.0, f64::max);
    let right = mode(
        all.iter()
            .filter(|l| l.end - l.x > widest * 0.6)
            .map(|l| l.end),
        size / 2.0,
    )
    .max(left + size);
    let mut blocks = Vec::new();
    let mut current: Option<(String, Align)> = None;
    let mut previous: Option<&Line> = None;
    for page in &lines {
        let mut table_end = 0;
        for (i, line) in page.iter().enumerate() {
            if i < table_end {
                continue;
            }
            // Two rows or more with the same number of cells (two or more): a table. A
            // cell's text wrapped to a line of its own under its row is added to it.
            let width = line.cells.len();
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut run = 0;
            if width >= 2 {
                for l in &page[i..] {
                    if l.cells.len() == width {
                        rows.push(l.cells.clone());
                    } else if let Some(last) = rows.last_mut().filter(|_| {
                        l.cells.len() < width
                            && (l.size - line.size).abs() < 0.5
                            && l.y - page[i + run - 1].y < l.size * 2.6
                    }) {
                        let Some(parts) = l.columns_of(&line.spans) else {
                            break;
                        };
                        for (cell, part) in last.iter_mut().zip(parts) {
                            cell.push_str(&part);
                        }
                    } else {
                        break;
                    }
                    run += 1;
                }
            }
            if rows.len() >= 2 {
                // A header whose cells stand too close to part by gaps: split at the
                // columns of the rows below it.
                let header = i
                    .checked_sub(1)
                    .map(|h| &page[h])
                    .filter(|h| h.y > line.y - line.size * 2.6 && h.x < line.x + size)
                    .and_then(|h| h.split_at(&line.spans));
                let header_alone = page
                    .get(i.wrapping_sub(1))
                    .is_some_and(|h| current.as_ref().is_some_and(|(t, _)| *t == h.text));
                if let Some(header) = header.filter(|_| header_alone) {
                    current = None;
                    rows.insert(0, header);
                }
                let _ = run;
                if let Some((text, align)) = current.take() {
                    blocks.push(Block::Para(Para { text, align }));
                }
                blocks.push(Block::Table(rows));
                table_end = i + run;
                previous = None;
                continue;
            }
            let indented = line.x > left + size * 0.8;
            let short_end = line.end < right - size * 1.5;
            let centred =
                indented && short_end && ((line.x - left) - (right - line.end)).abs() < size * 2.0;
            let align = if centred {
                Align::Center
            } else if indented && !short_end && line.x > left + 6.0 * size {
                Align::Right
            } else {
                Align::Left
            };
            let joins = match (previous, &current) {
                // A title wrapped over centred lines of one size.
                (Some(p), Some((text, Align::Center)))
                    if align == Align::Center
                        && (p.size - line.size).abs() < 0.5
                        && line.size >= size
                        && (line.y - p.y) < p.size * 2.6
                        && !text.ends_with(['。', '：', ':', '号']) =>
                {
                    true
                }
                (Some(p), Some((text, Align::Left))) => {
                    let reached = p.end >= right - size * 1.5;
                    let gap_ok = i == 0 || (line.y - p.y) < p.size.max(line.size) * 2.6;
                    let lone = text.trim();
                    let lone_number = lone.len() <= 24
                        && crate::marker::parse(&format!("{lone}X"))
                            .is_some_and(|m| m.len == lone.len());
                    // A full line that stops mid-sentence goes on, even into a hanging
                    // indent ("附件：1.……完成情" / "况表"), unless a number opens the next.
                    let mid_sentence = !text.ends_with(['。', '；', '：', '！', '？', ';', ':'])
                        && crate::marker::parse(&line.text).is_none();
                    let same_size = (p.size - line.size).abs() < 0.5;
                    lone_number
                        || (reached
                            && gap_ok
                            && same_size
                            && ((!indented && align == Align::Left) || mid_sentence))
                }
                _ => false,
            };
            if joins {
                if let Some((text, _)) = current.as_mut() {
                    join_line(text, &line.text);
                }
            } else {
                if let Some((text, align)) = current.take() {
                    blocks.push(Block::Para(Para { text, align }));
                }
                current = Some((line.text.clone(), align));
            }
            previous = Some(line);
        }
    }
    if let Some((text, align)) = current {
        blocks.push(Block::Para(Para { text, align }));
    }
    Read { blocks, removed }
}

/// Appends a wrapped line: Latin words broken at a line end get their space back.
fn join_line(text: &mut String, next: &str) {
    let last = text.chars().last();
    let first = next.chars().next();
    if let (Some(a), Some(b)) = (last, first) {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && !a.is_ascii_digit() {
            text.push(' ');
        }
    }
    text.push_str(next);
}

/// The runs of a page grouped into lines, top to bottom.
fn page_lines(page: &Page) -> Vec<Line> {
    let mut runs: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty() && r.size > 0.0)
        .take(MAX_RUNS_PER_PAGE)
        .collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baselines within a third of the size are one line.
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    for run in runs {
        match groups.last_mut() {
            Some(g) if (run.y - g[0].y).abs() < g[0].size.min(run.size) * 0.35 => g.push(run),
            _ => groups.push(vec![run]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = g.iter().map(|r| r.size).fold(0.0, f64::max);
            let mut text = String::new();
            let mut cells = vec![String::new()];
            let mut spans = vec![(g[0].x, g[0].end)];
            let mut end = f64::MIN;
            for r in &g {
                let gap = r.x - end;
                let last = text.chars().last();
                if !text.is_empty() && gap > size * 0.8 {
                    // A gap of most of a character parts the cells of a table row.
                    text.push(' ');
                    cells.push(String::new());
                    spans.push((r.x, r.end));
                } else if !text.is_empty()
                    && gap > size * 0.2
                    && (last.is_some_and(|c| c.is_ascii())
                        || r.text.starts_with(|c: char| c.is_ascii()))
                {
                    // A space between Latin words; Chinese characters spread out by
                    // justification stay together.
                    text.push(' ');
                    if let Some(cell) = cells.last_mut() {
                        cell.push(' ');
                    }
                }
                text.push_str(&r.text);
                if let Some(cell) = cells.last_mut() {
                    cell.push_str(&r.text);
                }
                if let Some(span) = spans.last_mut() {
                    span.1 = span.1.max(r.end);
                }
                end = end.max(r.end);
            }
            Line {
                x: g[0].x,
                end,
                y: g[0].y,
                size,
                text: text.trim_end().to_string(),
                cells: cells.into_iter().map(|c| c.trim().to_string()).collect(),
                spans,
                runs: g.iter().map(|r| (r.x, r.end, r.text.clone())).collect(),
            }
        })
        .collect()
}

/// Removes page numbers at the top or bottom of a page and running headers and footers
/// (the same text, its digits aside, at the same height on most pages). Returns the
/// lines that went.
fn strip_running(lines: &mut [Vec<Line>], pages: &[Page]) -> Vec<String> {
    let mut removed = Vec::new();
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect()
    };
    let n = lines.len();
    let mut repeated: Vec<(String, f64)> = Vec::new();
    if n >= 3 {
        // Candidates: the first two and last two lines of each page.
        let mut counts: Vec<(String, f64, usize)> = Vec::new();
        for page in lines.iter() {
            let edge: Vec<&Line> = page
                .iter()
                .take(2)
                .chain(page.iter().rev().take(2))
                .collect();
            let mut seen: Vec<(String, f64)> = Vec::new();
            for l in edge {
                let k = key(l);
                if seen.iter().any(|(s, y)| *s == k && (y - l.y).abs() < 2.0) {
                    continue;
                }
                seen.push((k.clone(), l.y));
                match counts
                    .iter_mut()
                    .find(|(s, y, _)| *s == k && (y - l.y).abs() < l.size.max(2.0))
                {
                    Some(c) => c.2 += 1,
                    None => counts.push((k, l.y, 1)),
                }
            }
        }
        repeated = counts
            .into_iter()
            .filter(|(_, _, c)| *c * 2 > n)
            .map(|(k, y, _)| (k, y))
            .collect();
    }
    for (page, info) in lines.iter_mut().zip(pages) {
        let count = page.len();
        let mut index = 0;
        page.retain(|l| {
            let i = index;
            index += 1;
            let at_edge = i < 2 || i + 2 >= count;
            if !at_edge {
                return true;
            }
            let near_edge =
                info.height <= 0.0 || l.y < info.height * 0.12 || l.y > info.height * 0.85;
            let k = key(l);
            let running = repeated
                .iter()
                .any(|(s, y)| *s == k && (y - l.y).abs() < l.size.max(2.0));
            let drop = running || (near_edge && is_page_number(&l.text));
            if drop {
                removed.push(l.text.clone());
            }
            !drop
        });
    }
    removed
}

/// "— 2 —", "- 2 -", "2", "第 2 页 共 3 页", "第2页", "2 / 3", "Page 2".
pub(crate) fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c: char| "-—–―~·•".contains(c));
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    if let Some(rest) = t.strip_prefix('第') {
        if let Some((n, after)) = rest.split_once('页') {
            return digits(n)
                && (after.is_empty()
                    || after
                        .strip_prefix('共')
                        .and_then(|a| a.strip_suffix('页'))
                        .is_some_and(digits)
                    || after
                        .strip_prefix("，共")
                        .and_then(|a| a.strip_suffix('页'))
                        .is_some_and(digits));
        }
    }
    t.strip_prefix("Page")
        .or_else(|| t.strip_prefix("page"))
        .is_some_and(digits)
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The smallest value that at least 3% of the values (two at least) share, within
/// `tolerance`.
fn left_edge(values: impl Iterator<Item = f64>, tolerance: f64) -> f64 {
    let mut v: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let need = (v.len() * 3 / 100).max(2).min(v.len());
    (0..v.len())
        .find(|&i| {
            v[i..]
                .iter()
                .take_while(|&&x| x - v[i] <= tolerance)
                .count()
                >= need
        })
        .map_or(0.0, |i| v[i])
}

/// The most common value, values within `tolerance` counted together; 0 when none.
fn mode(values: impl Iterator<Item = f64>, tolerance: f64) -> f64 {
    let mut v: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let mut best = (0usize, 0.0);
    let mut start = 0;
    for end in 0..v.len() {
        while v[end] - v[start] > tolerance {
            start += 1;
        }
        if end + 1 - start > best.0 {
            best = (end + 1 - start, v[end]);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f64, y: f64, text: &str) -> Run {
        Run {
            x,
            y,
            end: x + 16.0 * text.chars().count() as f64,
            size: 16.0,
            text: text.into(),
        }
    }

    #[test]
    fn page_numbers_of_every_shape() {
        for n in ["— 2 —", "- 2 -", "2", "第 2 页 共 3 页", "第2页", "2/3"] {
            assert!(is_page_number(n), "{n}");
        }
        for t in ["2022年", "一、主要工作", "—", "第二部分"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn wrapped_lines_join_and_indents_start_paragraphs() {
        // A 10-character measure from x = 100 to 260.
        let page = Page {
            height: 600.0,
            runs: vec![
                run(132.0, 80.0, "园区工作总结"),
                run(132.0, 120.0, "今年以来，园区坚"),
                run(100.0, 150.0, "持项目为王，新签约项"),
                run(100.0, 180.0, "目。"),
                run(132.0, 210.0, "（一）"),
                run(100.0, 240.0, "招商引资"),
                run(196.0, 560.0, "— 1 —"),
            ],
        };
        let read = paragraphs(&[page]);
        let texts: Vec<&str> = read.blocks.iter().filter_map(Block::text).collect();
        assert_eq!(
            texts,
            [
                "园区工作总结",
                "今年以来，园区坚持项目为王，新签约项目。",
                "（一）招商引资"
            ]
        );
        assert_eq!(read.removed, ["— 1 —"]);
    }
}
