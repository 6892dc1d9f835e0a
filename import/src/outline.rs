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
    pub doubts: Vec<huibao_i18n::Message>,
    /// Headings split off the end of a sentence.
    pub glued_split: usize,
}

/// Builds the outline of the body blocks.
pub(crate) fn parse(blocks: Vec<Block>) -> Outline {
    match split_parts(blocks) {
        Ok((preamble, parts)) => parse_parts(preamble, parts),
        Err(blocks) => parse_numbered(blocks),
    }
}

/// One part of a report in parts, above its 一、.
struct Section {
    number: u32,
    title: String,
    blocks: Vec<Block>,
}

/// A report in parts above its 一、: "第一部分", "第二部分" …, or part headings without
/// a number ("2022年工作总结", "存在的问题", "2023年工作计划") after which the numbering
/// starts again at one. Gives the blocks before the first part, then each part's number,
/// title and blocks; `Err` gives the blocks back when the report has no such parts.
fn split_parts(blocks: Vec<Block>) -> Result<(Vec<Block>, Vec<Section>), Vec<Block>> {
    let numbered: Vec<(usize, u32, usize)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| marker::part(b.text()?.trim()).map(|(n, len)| (i, n, len)))
        .collect();
    let in_order = numbered
        .iter()
        .enumerate()
        .all(|(k, &(_, n, _))| n == k as u32 + 1);
    // One "第一方面" over numbered lines is a part too: the copy may end inside it.
    let lone_first = numbered.len() == 1
        && numbered[0].1 == 1
        && blocks[numbered[0].0 + 1..]
            .iter()
            .filter_map(Block::text)
            .any(|t| marker::parse(t.trim()).is_some_and(|m| m.kind != Kind::RunIn));
    let heads: Vec<(usize, usize)> = if (numbered.len() >= 2 && in_order) || lone_first {
        numbered.iter().map(|&(i, _, len)| (i, len)).collect()
    } else {
        unnumbered_parts(&blocks)
            .into_iter()
            .map(|i| (i, 0))
            .collect()
    };
    if heads.len() < 2 && !lone_first {
        return Err(blocks);
    }
    let mut preamble = Vec::new();
    let mut parts: Vec<Section> = Vec::new();
    let mut next = heads.iter().peekable();
    for (i, block) in blocks.into_iter().enumerate() {
        if let Some(&&(at, len)) = next.peek() {
            if at == i {
                next.next();
                let title = block.text().unwrap_or_default().trim()[len..].to_string();
                parts.push(Section {
                    number: parts.len() as u32 + 1,
                    title,
                    blocks: Vec::new(),
                });
                continue;
            }
        }
        match parts.last_mut() {
            Some(last) => last.blocks.push(block),
            None => preamble.push(block),
        }
    }
    Ok((preamble, parts))
}

/// Part headings without a number: short lines whose words name a part (work done,
/// problems, plan) with numbered lines from one below them, where the numbering starts
/// again under a later one.
fn unnumbered_parts(blocks: &[Block]) -> Vec<usize> {
    let first_number = |at: usize| {
        blocks[at..]
            .iter()
            .take(2)
            .find_map(|b| marker::parse(b.text()?.trim()))
            .filter(|m| m.number == 1)
    };
    let heads: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let Some(t) = blocks[i].text().map(str::trim) else {
                return false;
            };
            t.chars().count() <= 24
                && !t.contains(['。', '，', '；', '：', ':'])
                && marker::parse(t).is_none()
                && marker::before_period(t).is_none()
                && crate::draft::classify(t).is_some()
                && first_number(i + 1).is_some()
        })
        .collect();
    // The numbering starts again: a kind numbered before a later head opens at one again.
    let mut seen: Vec<Kind> = Vec::new();
    let mut restarts = false;
    let mut next_head = heads.iter().skip(1).peekable();
    for (i, block) in blocks
        .iter()
        .enumerate()
        .skip(heads.first().copied().unwrap_or(0))
    {
        if next_head.peek() == Some(&&i) {
            next_head.next();
            restarts |= first_number(i + 1).is_some_and(|m| seen.contains(&m.kind));
        }
        if let Some(m) = block.text().and_then(|t| marker::parse(t.trim())) {
            if !seen.contains(&m.kind) {
                seen.push(m.kind);
            }
        }
    }
    if heads.len() >= 2 && restarts {
        heads
    } else {
        Vec::new()
    }
}

/// The outline of a report in parts: each part a top-level entry, its 一、 one level down.
fn parse_parts(preamble: Vec<Block>, parts: Vec<Section>) -> Outline {
    let mut out = Outline {
        preamble,
        ..Outline::default()
    };
    for Section {
        number,
        title,
        blocks,
    } in parts
    {
        let inner = parse_numbered(blocks);
        out.doubts.extend(inner.doubts);
        out.glued_split += inner.glued_split;
        let mut node = Node {
            kind: None,
            number,
            title: Some(title.clone()),
            children: inner.roots,
            line: title,
            ..Node::default()
        };
        for block in inner.preamble {
            match block {
                Block::Para(p) => node.paras.push(p.text),
                Block::Table(t) => node.tables.push(t),
            }
        }
        fold_lone_run_in(&mut node);
        out.roots.push(node);
    }
    out
}

/// The outline of blocks numbered 一、（一）1.（1）.
fn parse_numbered(blocks: Vec<Block>) -> Outline {
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
        let m = marker::parse(line).or_else(|| {
            marker::before_period(line).filter(|m| self.expects_period_heading(m, line))
        });
        if let Some(m) = m {
            if let Some(depth) = self.fits(&m, line) {
                let rest = line[m.len..].trim_start_matches(['、', ' ', '.', '．']);
                let mut open: Vec<Kind> = self.stack[..depth].iter().map(|&(k, _)| k).collect();
                open.push(m.kind);
                if let Some(at) = inline_child(rest, &open) {
                    // "2022年工作总结（一）科技创新……": the heading runs into its first item.
                    let whole = format!("{}{}", &line[..m.len], &rest[..at]);
                    self.open(depth, m, &rest[..at], &whole);
                    return Some(rest[at..].to_string());
                }
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

    /// Whether "三、四季度工作举措" is a heading here: the next top-level number, or the
    /// first heading of a report whose outline has not begun (a short line, no sentence).
    fn expects_period_heading(&self, m: &Marker, line: &str) -> bool {
        match self.stack.iter().position(|&(k, _)| k == m.kind) {
            Some(d) => m.number == self.stack[d].1 + 1,
            None => {
                self.stack.is_empty()
                    && m.number == 1
                    && line.chars().count() <= MAX_TITLE
                    && !line.contains(['。', '，', '；'])
            }
        }
    }

    /// Where a number fits: the depth of the entry it opens, or `None` for text.
    fn fits(&mut self, m: &Marker, line: &str) -> Option<usize> {
        if let Some(d) = self.stack.iter().position(|&(k, _)| k == m.kind) {
            let last = self.stack[d].1;
            if m.number == last + 1 {
                return Some(d);
            }
            if m.number > last + 1 && m.number <= last + 3 {
                self.out.doubts.push(huibao_i18n::msg!(
                    "import-doubt-numbering-jumps",
                    from = last,
                    to = m.number,
                    line = excerpt(line, 16)
                ));
                return Some(d);
            }
            if m.kind != Kind::RunIn && m.kind != Kind::Arabic {
                self.out.doubts.push(huibao_i18n::msg!(
                    "import-doubt-numbering-breaks",
                    line = excerpt(line, 16),
                    last = last
                ));
            }
            return None;
        }
        let depth = self.stack.len();
        if m.number == 1 {
            if depth >= MAX_DEPTH {
                self.out.doubts.push(huibao_i18n::msg!(
                    "import-doubt-fifth-level",
                    line = excerpt(line, 16)
                ));
                return None;
            }
            return Some(depth);
        }
        // A document may start at 二、 when its first part was lost or left out.
        // A page of a paginated copy may start later ("四、存在的主要困难和问题"): a
        // heading that names a part.
        let names_part = m.kind == Kind::Chinese && {
            let rest = line[m.len..].trim();
            rest.chars().count() <= 24
                && !rest.contains(['。', '，'])
                && crate::draft::classify(rest).is_some()
        };
        if depth == 0
            && matches!(m.kind, Kind::Chinese | Kind::ParenChinese)
            && (m.number <= 3 || names_part)
        {
            self.out.doubts.push(huibao_i18n::msg!(
                "import-doubt-starts-late",
                line = excerpt(line, 16)
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
    // "当创业先锋……——宁波国家高新区2007年工作总结和2008年工作安排一、2007年工作回顾……":
    // a subtitle running into the outline's first number on a flattened page.
    if open.is_empty() {
        if let Some(at) = crate::frame::title_before_outline(text) {
            return (&text[..at], Some(text[at..].to_string()));
        }
    }
    // After a colon too: "……主要取得了以下几个方面的成绩：（一）抢抓机遇，……".
    for (i, _) in text.match_indices(['。', '！', '？', '：']) {
        let at = i + '。'.len_utf8();
        // A flattened page keeps the space after the stop: "成绩： （一）抢抓机遇".
        let at = at + (text[at..].len() - text[at..].trim_start().len());
        let after = &text[at..];
        let Some(m) = marker::parse(after) else {
            continue;
        };
        if m.kind == Kind::RunIn {
            continue;
        }
        let continues = open.iter().any(|&(k, n)| k == m.kind && m.number == n + 1);
        // "……同比增长11.8%。一、2022年工作总结": the outline begins inside a paragraph.
        // "……第一名。（一）党的建设持续推进。开发区党工委……": a first （一） heading
        // after the opening's last sentence, when a short heading follows it.
        let begins = open.is_empty()
            && m.number == 1
            && (m.kind == Kind::Chinese
                || (m.kind == Kind::ParenChinese && short_heading(&after[m.len..])));
        // "一、2021年工作总结作为……先进开发区。（一）综合实力明显增强……": the first
        // item of the heading the text belongs to, on a flattened page.
        let deepest = open.last().and_then(|&(k, _)| k.level()).unwrap_or(0);
        let first_child = own.len > 0
            && m.number == 1
            && m.kind.level().is_some_and(|l| l == deepest + 1)
            && !open.iter().any(|&(k, _)| k == m.kind)
            && words_first(&after[m.len..]);
        if continues || begins || first_child {
            return (&text[..at], Some(after.to_string()));
        }
    }
    (text, None)
}

/// Whether `rest` opens with words, not a figure: no digit in its first six characters.
fn words_first(rest: &str) -> bool {
    let head: Vec<char> = rest.chars().take(6).collect();
    head.len() == 6
        && head[..2].iter().all(|c| c.is_alphabetic() && !c.is_ascii())
        && !head.iter().any(|c| c.is_ascii_digit())
}

/// Whether `rest` opens with a short heading closed by a full stop ("党的建设持续推进。"):
/// 4 to 20 characters without a comma before the stop.
fn short_heading(rest: &str) -> bool {
    let Some(stop) = rest.find('。') else {
        return false;
    };
    let title = &rest[..stop];
    (4..=20).contains(&title.chars().count())
        && !title.contains(['，', '；', '：', '、'])
        && !title.chars().any(|c| c.is_ascii_digit())
}

/// Where a heading runs into its first item without a break ("科技创新能力持续增强1.创新平台
/// 加快建设。"): the offset of the item's number, number one of a deeper kind than any
/// open in `open`, before the first full stop.
fn inline_child(rest: &str, open: &[Kind]) -> Option<usize> {
    let own = open.last().and_then(|k| k.level()).unwrap_or(0);
    let deeper = |k: Kind| k == Kind::RunIn || k.level().is_some_and(|l| l > own);
    let mut prev: Option<char> = None;
    for (n, (at, c)) in rest.char_indices().enumerate() {
        if matches!(c, '。' | '！' | '？') || n > MAX_TITLE {
            break;
        }
        if n >= 2 && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '第') {
            if let Some(m) = marker::parse(&rest[at..]) {
                if m.number == 1 && deeper(m.kind) && !open.contains(&m.kind) {
                    return Some(at);
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// Words that close a heading ("……持续增强", "……成效显著").
const HEADING_ENDS: [&str; 49] = [
    "成效", "增强", "壮大", "显著", "优化", "有力", "有序", "有效", "提升", "提速", "加快", "推进",
    "加强", "完善", "突破", "明显", "稳固", "见效", "落地", "集聚", "聚集", "扎实", "升级", "向好",
    "攀升", "增长", "提质", "增效", "齐升", "丰硕", "良好", "稳定", "巩固", "深化", "强劲", "凸显",
    "活跃", "平稳", "改善", "高效", "精准", "有为", "跃升", "发力", "提档", "扩容", "蓄能", "破题",
    "成势",
];

/// Words that open a sentence of text after a heading ("全年新签约……", "深化……改革").
const TEXT_OPENERS: [&str; 56] = [
    "全年",
    "今年",
    "年内",
    "上半年",
    "下半年",
    "前三季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "截至",
    "目前",
    "近年来",
    "深化",
    "开展",
    "推进",
    "实施",
    "围绕",
    "聚焦",
    "坚持",
    "建立",
    "完成",
    "新增",
    "组织",
    "积极",
    "按照",
    "依托",
    "针对",
    "紧盯",
    "推动",
    "落实",
    "着力",
    "强化",
    "出台",
    "制定",
    "启动",
    "成立",
    "举办",
    "累计",
    "新签约",
    "引进",
    "实现",
    "全区",
    "园区",
    "开发区",
    "高新区",
    "我区",
    "先后",
    "通过",
    "持续",
    "大力",
    "全力",
    "严格",
    "扎实开展",
    "设立",
    "完善",
];

/// The "new" a heading promises, which closes it ("开创各项工作新局面", "再上新台阶").
const HEADING_PROMISES: [&str; 14] = [
    "新局面",
    "新篇章",
    "新台阶",
    "新突破",
    "新跨越",
    "新高地",
    "新成效",
    "新进展",
    "新格局",
    "新优势",
    "新水平",
    "新气象",
    "新动能",
    "新亮点",
];

/// Where a heading that closes with its promise ends when text follows without
/// punctuation ("抢抓机遇，理清思路，开创各项工作新局面宁波高新区成功升级……"): within its
/// first 30 characters, across commas but not a full stop.
fn promise_title(rest: &str) -> Option<usize> {
    let limit = rest
        .char_indices()
        .take(31)
        .find(|&(_, c)| matches!(c, '。' | '；' | '！' | '？'))
        .map_or_else(
            || rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i),
            |(i, _)| i,
        );
    let head = &rest[..limit];
    let end = HEADING_PROMISES
        .iter()
        .filter_map(|w| head.find(w).map(|i| i + w.len()))
        .min()?;
    let text = &rest[end..];
    (end < limit
        && rest[..end].chars().count() >= 6
        && text.chars().count() >= 10
        && text.starts_with(|c: char| !matches!(c, '，' | '、' | '。' | '”' | '）')))
    .then_some(end)
}

/// Where a heading without closing punctuation ends when its text follows on the same
/// line ("招商引资成效显著全年新签约项目68个，……"): after a word that closes headings and
/// before a word (or figure) that opens a sentence, within the first clause.
fn run_on_title(rest: &str) -> Option<usize> {
    let clause_end = rest
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '；' | '：' | '“' | '《' | '，' | '、'))
        .map_or(rest.len(), |(i, _)| i);
    let clause = &rest[..clause_end];
    for (n, (at, _)) in clause.char_indices().enumerate() {
        if n < 4 {
            continue;
        }
        if n > 24 {
            break;
        }
        let (title, text) = (&clause[..at], &rest[at..]);
        let closes = HEADING_ENDS.iter().any(|w| title.ends_with(w));
        // A figure or a masked name ("__湾电力科技小镇", "xx公司") opens text too.
        let opens = TEXT_OPENERS.iter().any(|w| text.starts_with(w))
            || text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '_' | '*'));
        if closes && opens && text.chars().count() >= 10 {
            return Some(at);
        }
    }
    None
}

/// Splits a heading line into title and text: "科创平台展开新篇章。按照……" gives the
/// title "科创平台展开新篇章" and the text "按照……". A long line without an early full
/// stop is text that opens with a number (no title).
pub(crate) fn split_heading(rest: &str, kind: Kind) -> (Option<String>, Option<String>) {
    let rest = rest.trim();
    if rest.is_empty() {
        return (None, None);
    }
    if kind != Kind::RunIn {
        if let Some(at) = period_part_title(rest) {
            return (
                Some(rest[..at].to_string()),
                Some(rest[at..].trim().to_string()),
            );
        }
        if let Some(at) = colon_label(rest) {
            let text = rest[at + '：'.len_utf8()..].trim();
            return (
                Some(rest[..at].to_string()),
                (!text.is_empty()).then(|| text.to_string()),
            );
        }
    }
    let stop = rest
        .char_indices()
        .take(MAX_TITLE + 2)
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
        // A long "title" may be a heading run into its text: "招商引资成效显著全年新签约
        // 项目68个，……。"
        if kind != Kind::RunIn && title.chars().count() >= 12 {
            if let Some(split) = run_on_title(&title) {
                return (
                    Some(title[..split].to_string()),
                    Some(rest[split..].trim().to_string()),
                );
            }
        }
        if title.chars().count() >= 2 {
            return (Some(title), (!text.is_empty()).then(|| text.to_string()));
        }
    }
    let short = rest.chars().count() <= MAX_TITLE + 10;
    let sentence = rest.contains(['。', '；']) || rest.ends_with(['，', '、']);
    if short && !sentence && kind != Kind::RunIn {
        return (Some(rest.to_string()), None);
    }
    if kind != Kind::RunIn {
        if let Some(at) = run_on_title(rest) {
            return (Some(rest[..at].to_string()), Some(rest[at..].to_string()));
        }
        if let Some(at) = promise_title(rest) {
            return (Some(rest[..at].to_string()), Some(rest[at..].to_string()));
        }
        if let Some(at) = clause_before_figures(rest) {
            let text = rest[at + '，'.len_utf8()..].trim();
            return (Some(rest[..at].to_string()), Some(text.to_string()));
        }
    }
    (None, Some(rest.to_string()))
}

/// Part titles that name a period and its work, as a flattened page runs them into
/// their text: "2021年工作总结作为……的主平台，……".
const PERIOD_PART_WORDS: [&str; 9] = [
    "工作总结",
    "工作回顾",
    "工作完成情况",
    "工作开展情况",
    "工作情况",
    "主要工作",
    "工作思路",
    "工作计划",
    "工作安排",
];

/// Where a part title naming a period ("2021年工作总结", "1-6月份工作总结") ends when
/// text follows it on the same line without punctuation.
fn period_part_title(rest: &str) -> Option<usize> {
    let p = crate::meta::phrases(rest).into_iter().next()?;
    if p.start != 0 {
        return None;
    }
    let after = &rest[p.end..];
    let word = PERIOD_PART_WORDS.iter().find(|w| after.starts_with(**w))?;
    let at = p.end + word.len();
    let text = &rest[at..];
    (text.chars().count() >= 10 && !text.starts_with(['。', '，', '；', '：', '及', '和', '与']))
        .then_some(at)
}

/// An item labelled with a colon ("一期：开发面积3440亩，……", "标准厂房：……"): where the
/// label of 2 to 8 characters ends.
fn colon_label(rest: &str) -> Option<usize> {
    let at = rest.find('：')?;
    let label = &rest[..at];
    let n = label.chars().count();
    ((2..=8).contains(&n) && label.chars().all(is_han_char)).then_some(at)
}

fn is_han_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A numbered point whose first sentence runs on into figures ("生物医药产业正在恢复性增长，
/// 1-6月预计完成产值23亿元，……"): the end of its first clause, the point's title, when
/// that clause has no figure of its own and the next opens with one or with a period.
fn clause_before_figures(rest: &str) -> Option<usize> {
    let at = rest.find('，')?;
    let clause = &rest[..at];
    let n = clause.chars().count();
    if !(4..=24).contains(&n) || clause.chars().any(|c| !is_han_char(c)) {
        return None;
    }
    let next = &rest[at + '，'.len_utf8()..];
    let figures = next.starts_with(|c: char| c.is_ascii_digit())
        || crate::meta::phrases(next)
            .first()
            .is_some_and(|p| p.start == 0);
    figures.then_some(at)
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
    fn a_first_paren_heading_after_the_opening_sentence_is_split_off() {
        // From the published corpus (26): the opening runs into "（一）党的建设持续推进。".
        let o = outline(&[
            "20xx年，经济运行稳中有进。三是荣获全县第一名。（一）党的建设持续推进。开发区党工委现下辖47个党支部。",
        ]);
        assert_eq!(shape(&o.roots), vec!["（一）党的建设持续推进"]);
        // A figure statement is not a heading: it stays in the text.
        let o = outline(&["园区运行平稳。（一）工业生产总值预计完成5.88亿元，同比增长5%。"]);
        assert!(o.roots.is_empty());
    }

    #[test]
    fn a_first_item_glued_after_its_heading_text_is_split_off() {
        // From the published corpus (02): a page flattened to one line.
        let o = outline(&[
            "一、2021年工作总结作为__工业经济的主平台，开发区被评为年度先进开发区。（一）综合实力明显增强开发区主导产业是电工电气、高端装备制造。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec!["一、2021年工作总结", "-（一）综合实力明显增强"]
        );
    }

    #[test]
    fn a_subtitle_running_into_the_first_number_is_split_off() {
        // From the published corpus (07).
        let o = outline(&[
            "当创业先锋做创新龙头努力实现高新区发展的新跨越——宁波国家高新区2007年工作总结和2008年工作安排一、2007年工作回顾2007年是高新区升级为国家高新区后的开局之年。",
        ]);
        assert_eq!(shape(&o.roots), vec!["一、2007年工作回顾"]);
        assert_eq!(o.preamble.len(), 1);
    }

    #[test]
    fn a_speech_in_parts_cut_off_in_its_first() {
        // From the published corpus (25): the copy ends inside "第一方面".
        let o = outline(&[
            "今天的务虚会，主题非常清楚。接下来，我讲三个方面。",
            "第一方面：回头望",
            "上半年是开发区以“争先进位”为目标的一年。",
            "（一）经济发展再上新台阶。上半年开发区直管区经济运行总体呈上行态势。",
        ]);
        assert_eq!(shape(&o.roots), vec!["回头望", "-（一）经济发展再上新台阶"]);
    }

    #[test]
    fn a_page_may_start_at_a_later_part() {
        // From the published corpus (38): page 9 of a copy starts inside the work done.
        let o = outline(&[
            "（5）激活项目闲置土地，实现土地转让置换。园区决定对其进行劝退。",
            "四、存在的主要困难和问题",
            "（一）新增项目少，增长缺乏后劲支撑",
            "园区招商工作呈现洽谈项目多，落地项目少。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "四、存在的主要困难和问题",
                "-（一）新增项目少，增长缺乏后劲支撑"
            ]
        );
        // A later number that names no part stays text.
        let o = outline(&["五、加强园区招商，引进项目"]);
        assert!(o.roots.is_empty());
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
    fn part_headings_without_numbers() {
        let o = outline(&[
            "2022年，开发区稳中求进。",
            "2022年工作总结",
            "一、招商引资取得新突破",
            "新签约项目32个。",
            "二、项目建设实现新提速",
            "存在的问题",
            "一是主导产业不强；二是配套设施不完善。",
            "2023年工作计划",
            "一、聚焦招大引强",
            "二、聚焦项目落地",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "2022年工作总结",
                "-一、招商引资取得新突破",
                "-二、项目建设实现新提速",
                "存在的问题",
                "2023年工作计划",
                "-一、聚焦招大引强",
                "-二、聚焦项目落地",
            ]
        );
        assert_eq!(
            o.roots[1].paras,
            vec!["一是主导产业不强；二是配套设施不完善。"]
        );
        // A caption over a list numbered once is no part.
        let o = outline(&[
            "主要工作",
            "1.招商引资。",
            "2.项目建设。",
            "工作计划",
            "3.推进项目。",
        ]);
        assert!(o.roots.iter().all(|r| r.kind.is_some()));
    }

    #[test]
    fn headings_run_inline_after_page_joins() {
        let o = outline(&[
            "2022年，全区经济稳中有进。一、2022年工作总结（一）科技创新能力持续增强1.创新平台加快建设。新增省级重点实验室2家。2.创新主体不断壮大。新认定高新技术企业87家。（二）招商引资成效显著全年新签约项目68个，协议总投资426.5亿元。（三）营商环境持续优化深化“证照分离”改革，企业开办实现“一日办结”。二、存在的问题一是产业链仍有短板；二是储备不足。三、2023年工作计划（一）聚焦创新驱动，打造科创策源高地。力争新增高新技术企业100家。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "一、2022年工作总结",
                "-（一）科技创新能力持续增强",
                "--1.创新平台加快建设",
                "--2.创新主体不断壮大",
                "-（二）招商引资成效显著",
                "-（三）营商环境持续优化",
                "二、存在的问题",
                "三、2023年工作计划",
                "-（一）聚焦创新驱动，打造科创策源高地",
            ]
        );
        assert_eq!(o.preamble, vec![Block::para("2022年，全区经济稳中有进。")]);
        assert_eq!(
            o.roots[0].children[1].paras,
            vec!["全年新签约项目68个，协议总投资426.5亿元。"]
        );
        assert_eq!(o.roots[1].paras, vec!["一是产业链仍有短板；二是储备不足。"]);
    }

    #[test]
    fn a_number_before_a_period_word_is_a_heading_where_expected() {
        let o = outline(&[
            "一、三季度工作推进情况",
            "（一）项目建设逆势推进",
            "二、存在的问题",
            "三、四季度工作计划",
            "一、二季度，园区产值同比增长。",
        ]);
        assert_eq!(
            shape(&o.roots),
            vec![
                "一、三季度工作推进情况",
                "-（一）项目建设逆势推进",
                "二、存在的问题",
                "三、四季度工作计划"
            ]
        );
        assert_eq!(o.roots[2].paras, vec!["一、二季度，园区产值同比增长。"]);
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
        // From the published corpus (02, 07): a part title run into its text.
        assert_eq!(
            split_heading(
                "2021年工作总结作为__工业经济的主平台，开发区先后获批省级园区。",
                Kind::Chinese
            ),
            (
                Some("2021年工作总结".into()),
                Some("作为__工业经济的主平台，开发区先后获批省级园区。".into())
            )
        );
        // (07): a heading that closes with its promise, its text run on.
        assert_eq!(
            split_heading(
                "抢抓机遇，理清思路，开创各项工作新局面宁波高新区成功升级为国家级高新区，是我区发展历程中具有里程碑意义的大事，也是迈向更大征程的一个崭新起点。",
                Kind::ParenChinese
            )
            .0
            .as_deref(),
            Some("抢抓机遇，理清思路，开创各项工作新局面")
        );
        // From the published corpus (23): items labelled with a colon.
        assert_eq!(
            split_heading(
                "一期：开发面积3440亩，进区企业102家，现已全部建成投产。",
                Kind::Arabic
            ),
            (
                Some("一期".into()),
                Some("开发面积3440亩，进区企业102家，现已全部建成投产。".into())
            )
        );
        // (20, 41): a point whose first sentence runs on into figures.
        assert_eq!(
            split_heading(
                "机电一体化产业增长迅速，1-6月预计完成产值13.8亿元，占开发区规模企业以上工业总产值的7.3，增长38.2。",
                Kind::Arabic
            ),
            (
                Some("机电一体化产业增长迅速".into()),
                Some("1-6月预计完成产值13.8亿元，占开发区规模企业以上工业总产值的7.3，增长38.2。".into())
            )
        );
        // A point that is a figure itself has no title.
        let figure = "工业产值34亿元，同比增长12%，园区建设总投入5亿元，完成全年任务的60%，较上年同期明显加快进度。";
        assert_eq!(
            split_heading(figure, Kind::Arabic),
            (None, Some(figure.into()))
        );
    }
}
