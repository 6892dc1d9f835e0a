//! Outline recognition: numbered lines become a tree of headings with their text.
//!
//! A number opens a new entry only when it fits the outline so far: the next number of a
//! kind already open (a sibling), or number one of a new kind (a child). Anything else
//! stays text. A heading glued to its text ("（一）科创平台展开新篇章。按照……") is split
//! into title and text; a heading glued to the end of the previous sentence ("……推进。
//! （二）……") is split off.

use crate::marker::{self, Kind, Marker};
use crate::source::Block;

/// The deepest outline a report has: 一、（一）1.（1）.
pub(crate) const MAX_DEPTH: usize = 4;
/// A heading longer than this (in characters) is taken as text that opens with a number.
pub(crate) const MAX_TITLE: usize = 40;

/// One numbered entry of the source outline.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Node {
    /// The kind of its number.
    pub kind: Option<Kind>,
    /// Its number as written.
    pub number: u32,
    /// The heading text without the number, when it has one.
    pub title: Option<String>,
    /// Paragraphs of text after the heading.
    pub paras: Vec<String>,
    /// Tables after the heading (DOCX).
    pub tables: Vec<Vec<Vec<String>>>,
    /// Entries one level down.
    pub children: Vec<Node>,
    /// The line that opened it (up to a glued heading that was split off).
    pub line: String,
    /// The first of `paras` is the rest of that line after the title.
    pub text_on_line: bool,
}

impl Node {
    /// Number and title as written, for messages: "（一）科创平台展开新篇章".
    pub(crate) fn label(&self) -> String {
        let number = self.kind.map(|k| k.write(self.number)).unwrap_or_default();
        let title = self.title.clone().unwrap_or_else(|| {
            self.paras
                .first()
                .map(|p| excerpt(p, 12))
                .unwrap_or_default()
        });
        format!("{number}{title}")
    }
}

/// The first `n` characters of `s`, with "…" when cut.
pub(crate) fn excerpt(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// The recognised outline.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    /// Blocks before the first heading: the opening.
    pub preamble: Vec<Block>,
    /// The top-level entries (一、…).
    pub roots: Vec<Node>,
    /// Things that looked odd, for the summary.
    pub doubts: Vec<String>,
    /// Headings split off the end of a sentence.
    pub glued_split: usize,
}

/// Builds the outline of the body blocks.
pub(crate) fn parse(blocks: Vec<Block>) -> Outline {
    let mut b = Builder::default();
    for block in blocks {
        match block {
            Block::Table(rows) => b.table(rows),
            Block::Para(p) => {
                let mut line = p.text;
                loop {
                    let rest = b.line(&line);
                    match rest {
                        Some(rest) => {
                            b.out.glued_split += 1;
                            line = rest;
                        }
                        None => break,
                    }
                }
            }
        }
    }
    for root in &mut b.out.roots {
        fold_lone_run_in(root);
    }
    b.out
}

/// A lone "一是" opening a paragraph is prose ("一是……；二是……" run on in one
/// paragraph), not a list of one: it goes back into its parent's text.
fn fold_lone_run_in(node: &mut Node) {
    if node.children.len() == 1
        && node.children[0].kind == Some(Kind::RunIn)
        && node.children[0].children.is_empty()
        && node.children[0].tables.is_empty()
    {
        let child = node.children.remove(0);
        let mut paras = child.paras.into_iter();
        if child.text_on_line {
            paras.next();
        }
        node.paras.push(child.line);
        node.paras.extend(paras);
    }
    for c in &mut node.children {
        fold_lone_run_in(c);
    }
}

#[derive(Default)]
struct Builder {
    out: Outline,
    /// The open kinds from the top, with the last number seen at each.
    stack: Vec<(Kind, u32)>,
}

impl Builder {
    /// The entry text goes to: the deepest open entry.
    fn current(&mut self) -> Option<&mut Node> {
        let mut node = self.out.roots.last_mut()?;
        for _ in 1..self.stack.len() {
            node = node.children.last_mut()?;
        }
        Some(node)
    }

    fn table(&mut self, rows: Vec<Vec<String>>) {
        match self.current() {
            Some(node) => node.tables.push(rows),
            None => self.out.preamble.push(Block::Table(rows)),
        }
    }

    /// Takes one line; returns the rest when a heading glued into it was split off.
    fn line(&mut self, line: &str) -> Option<String> {
        if let Some(m) = marker::parse(line) {
            if let Some(depth) = self.fits(&m, line) {
                let rest = line[m.len..].trim_start_matches(['、', ' ', '.', '．']);
                let (heading, glued) = split_glued(rest, &self.stack, depth, m);
                let whole = format!("{}{heading}", &line[..m.len]);
                self.open(depth, m, heading, &whole);
                return glued;
            }
        }
        let (text, glued) = split_glued(line, &self.stack, self.stack.len(), NO_MARKER);
        let text = text.to_string();
        match self.current() {
            Some(node) => node.paras.push(text),
            None => self.out.preamble.push(Block::para(text)),
        }
        glued
    }

    /// Where a number fits: the depth of the entry it opens, or `None` for text.
    fn fits(&mut self, m: &Marker, line: &str) -> Option<usize> {
        if let Some(d) = self.stack.iter().position(|&(k, _)| k == m.kind) {
            let last = self.stack[d].1;
            if m.number == last + 1 {
                return Some(d);
            }
            if m.number > last + 1 && m.number <= last + 3 {
                self.out.doubts.push(format!(
                    "numbering jumps from {} to {} at \"{}\"; check that nothing is missing",
                    last,
                    m.number,
                    excerpt(line, 16)
                ));
                return Some(d);
            }
            if m.kind != Kind::RunIn && m.kind != Kind::Arabic {
                self.out.doubts.push(format!(
                    "\"{}\" does not continue the numbering (after {last}); kept as text",
                    excerpt(line, 16)
                ));
            }
            return None;
        }
        let depth = self.stack.len();
        if m.number == 1 {
            if depth >= MAX_DEPTH {
                self.out.doubts.push(format!(
                    "\"{}\" would be a fifth outline level; kept as text",
                    excerpt(line, 16)
                ));
                return None;
            }
            return Some(depth);
        }
        // A document may start at 二、 when its first part was lost or left out.
        if depth == 0 && matches!(m.kind, Kind::Chinese | Kind::ParenChinese) && m.number <= 3 {
            self.out.doubts.push(format!(
                "the outline starts at \"{}\" rather than at number one",
                excerpt(line, 16)
            ));
            return Some(0);
        }
        None
    }

    fn open(&mut self, depth: usize, m: Marker, rest: &str, line: &str) {
        self.stack.truncate(depth);
        let (title, text) = split_heading(rest, m.kind);
        let node = Node {
            kind: Some(m.kind),
            number: m.number,
            title,
            text_on_line: text.is_some(),
            paras: text.into_iter().collect(),
            line: line.to_string(),
            ..Node::default()
        };
        if depth == 0 {
            self.out.roots.push(node);
        } else {
            // The parent exists: every depth below `depth` is open.
            match self.current() {
                Some(parent) => parent.children.push(node),
                None => self.out.roots.push(node),
            }
        }
        self.stack.push((m.kind, m.number));
    }
}

const NO_MARKER: Marker = Marker {
    kind: Kind::RunIn,
    number: 0,
    len: 0,
};

/// Splits `text` before a heading glued after a full stop ("……推进。（二）……") when
/// that heading continues a numbering already open (not run-in 一是, which is normal
/// inside paragraphs). `own` is the entry the text belongs to, if it opens one.
fn split_glued<'a>(
    text: &'a str,
    stack: &[(Kind, u32)],
    depth: usize,
    own: Marker,
) -> (&'a str, Option<String>) {
    // The stack as it will be once `own` is open.
    let mut open: Vec<(Kind, u32)> = stack[..depth.min(stack.len())].to_vec();
    if own.len > 0 {
        open.push((own.kind, own.number));
    }
    for (i, _) in text.match_indices(['。', '！', '？']) {
        let at = i + '。'.len_utf8();
        let after = &text[at..];
        let Some(m) = marker::parse(after) else {
            continue;
        };
        if m.kind == Kind::RunIn {
            continue;
        }
        if open.iter().any(|&(k, n)| k == m.kind && m.number == n + 1) {
            return (&text[..at], Some(after.to_string()));
        }
    }
    (text, None)
}

/// Splits a heading line into title and text: "科创平台展开新篇章。按照……" gives the
/// title "科创平台展开新篇章" and the text "按照……". A long line without an early full
/// stop is text that opens with a number (no title).
pub(crate) fn split_heading(rest: &str, kind: Kind) -> (Option<String>, Option<String>) {
    let rest = rest.trim();
    if rest.is_empty() {
        return (None, None);
    }
    let stop = rest
        .char_indices()
        .take(MAX_TITLE + 1)
        .find(|&(_, c)| matches!(c, '。' | '！' | '？'));
    if let Some((at, c)) = stop {
        let title = &rest[..at];
        let text = rest[at + c.len_utf8()..].trim();
        // Keep ！ and ？ in the title: they are printed as written.
        let title = if c == '。' {
            title.to_string()
        } else {
            rest[..at + c.len_utf8()].to_string()
        };
        if title.chars().count() >= 2 {
            return (Some(title), (!text.is_empty()).then(|| text.to_string()));
        }
    }
    let short = rest.chars().count() <= MAX_TITLE + 10;
    let sentence = rest.contains(['。', '；']) || rest.ends_with(['，', '、']);
    if short && !sentence && kind != Kind::RunIn {
        return (Some(rest.to_string()), None);
    }
    (None, Some(rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(lines: &[&str]) -> Outline {
        parse(lines.iter().map(|l| Block::para(*l)).collect())
    }

    fn shape(nodes: &[Node]) -> Vec<String> {
        let mut out = Vec::new();
        fn walk(n: &Node, depth: usize, out: &mut Vec<String>) {
            out.push(format!("{}{}", "-".repeat(depth), n.label()));
            for c in &n.children {
                walk(c, depth + 1, out);
            }
        }
        for n in nodes {
            walk(n, 0, &mut out);
        }
        out
    }

    #[test]
    fn three_levels_and_run_in() {
        let o = outline(&[
            "2022年，园区经济运行总体平稳。",
            "一、2022年工作总结",
            "（一）凝心聚力，招商引资后劲十足",
            "1.项目招引协同推进。1-9月，园区新签约项目*个。一是开工项目加快投产。二是落地项目加快建设。",
            "2.前湾硅谷加速打造。一是人才服务优化提升。",
            "（二）破难攻坚，园区经济稳中有进",
            "1.工业经济企稳回升。上半年，受疫情影响。",
            "二、2023年工作思路",
            "2023年，生态园将深入学习。",
            "（一）始终坚持招商引资“一个核心”，实现招大引优新突破。一是持续聚焦龙头招引。",
        ]);
        assert_eq!(
            o.preamble,
            vec![Block::para("2022年，园区经济运行总体平稳。")]
        );
        assert_eq!(
            shape(&o.roots),
            vec![
                "一、2022年工作总结",
                "-（一）凝心聚力，招商引资后劲十足",
                "--1.项目招引协同推进",
                "--2.前湾硅谷加速打造",
                "-（二）破难攻坚，园区经济稳中有进",
                "--1.工业经济企稳回升",
                "二、2023年工作思路",
                "-（一）始终坚持招商引资“一个核心”，实现招大引优新突破",
            ]
        );
        let item = &o.roots[0].children[0].children[0];
        assert_eq!(
            item.paras,
            vec!["1-9月，园区新签约项目*个。一是开工项目加快投产。二是落地项目加快建设。"]
        );
        assert_eq!(o.roots[1].paras, vec!["2023年，生态园将深入学习。"]);
        assert!(o.doubts.is_empty(), "{:?}", o.doubts);
    }

    #[test]
    fn run_in_items_at_line_starts() {
        let o = outline(&[
            "一、2022年上半年主要工作",
            "一是多措并举加强招商引资。针对疫情。",
            "二是全力以赴推动项目建设。国家计算机网络。",
            "二、2022年下半年工作计划",
            "一是全力推进项目落地。继续加强。",
            "二是强化项目服务管理。继续推进。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "一、2022年上半年主要工作",
                "-一是多措并举加强招商引资",
                "-二是全力以赴推动项目建设",
                "二、2022年下半年工作计划",
                "-一是全力推进项目落地",
                "-二是强化项目服务管理",
            ]
        );
    }

    #[test]
    fn a_lone_run_in_opening_a_paragraph_is_prose() {
        let o = outline(&["一、主要工作", "（一）招商", "一是线上招商。二是以商招商。"]);
        assert!(o.roots[0].children[0].children.is_empty());
        assert_eq!(
            o.roots[0].children[0].paras,
            vec!["一是线上招商。二是以商招商。"]
        );
    }

    #[test]
    fn glued_headings_are_split() {
        let o = outline(&[
            "一、主要工作",
            "（一）招商引资。今年以来引进项目*个。（二）项目建设。开工*个。",
            "二、工作计划。下半年将继续努力。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "一、主要工作",
                "-（一）招商引资",
                "-（二）项目建设",
                "二、工作计划"
            ]
        );
        assert_eq!(o.glued_split, 1);
        assert_eq!(o.roots[1].paras, vec!["下半年将继续努力。"]);
    }

    #[test]
    fn numbers_that_do_not_fit_stay_text() {
        let o = outline(&[
            "一、主要工作",
            "1.招商引资。引进项目。",
            "2.项目建设。开工项目。",
            "1.5亿元的项目已开工。",
            "9.其他。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec!["一、主要工作", "-1.招商引资", "-2.项目建设"]
        );
        assert_eq!(
            o.roots[0].children[1].paras,
            vec!["开工项目。", "1.5亿元的项目已开工。", "9.其他。"]
        );
    }

    #[test]
    fn heading_split() {
        assert_eq!(
            split_heading("科创平台展开新篇章。按照“一个平台”", Kind::ParenChinese),
            (
                Some("科创平台展开新篇章".into()),
                Some("按照“一个平台”".into())
            )
        );
        assert_eq!(
            split_heading("凝心聚力，招商引资后劲十足", Kind::ParenChinese),
            (Some("凝心聚力，招商引资后劲十足".into()), None)
        );
        let long = "受国内外新冠疫情引起的消费市场低迷、物流受阻以及俄乌战争引起的国际能源价格暴涨等影响，生态园部分指标增幅较上年度有一定幅度回落。";
        assert_eq!(split_heading(long, Kind::Arabic), (None, Some(long.into())));
    }
}
