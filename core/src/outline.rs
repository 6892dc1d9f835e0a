//! Outline text — lines numbered 一、/（一）/1./（1） or run in with 一是/二是 — parsed into
//! the model's [`Item`] tree.
//!
//! Template plugins write their sections this way, and reports imported from text are
//! numbered the same way. The markers give the structure only: huibao renumbers every item
//! by its position, so `（一）` in a plugin's output may print as `1.` where the section sits
//! one level deeper. Every non-blank line that is not a numbered line is a paragraph.

use crate::marker::{Kind, Marker};
use crate::model::Item;
use crate::style::NumberingMode;
use std::ops::Range;
use toml::Spanned;

/// Depth in the outline of a marker: headings 1–4 (一、 （一） 1. （1）, brackets 〔一〕 and
/// 〔1〕 standing for levels 2 and 4), run-in items below all of them.
fn rank(kind: Kind) -> u8 {
    kind.level().unwrap_or(RUN_IN)
}

const RUN_IN: u8 = 5;

/// Longest title (in characters) split off the text of a numbered line.
const MAX_TITLE: usize = 40;

/// Reads the marker at the start of `line` (leading spaces skipped); returns it and the
/// text after it.
pub(crate) fn marker(line: &str) -> Option<(Marker, &str)> {
    let line = line.trim_start();
    let m = crate::marker::parse(line)?;
    Some((m, &line[m.len..]))
}

/// Parses outline text into an untitled item: paragraphs before the first numbered line
/// become its text, numbered lines its sub-items (nested by their markers). Every item is
/// `literal`; spans are byte ranges of `text`.
pub fn parse(text: &str) -> Item {
    let mut stack = vec![Node::new(0, None, None)];
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset + (raw.len() - raw.trim_start().len());
        offset += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let span = start..start + line.len();
        let Some((m, rest)) = marker(line) else {
            top(&mut stack).paragraphs.push((line.to_string(), span));
            continue;
        };
        let mut rank = rank(m.kind);
        while stack.len() > 1 && top(&mut stack).rank >= rank {
            close(&mut stack);
        }
        let parent = top(&mut stack);
        match parent.child_rank {
            // Run-in items followed by numbered headings: the run-in lines were prose.
            Some(RUN_IN) if rank < RUN_IN => {
                for child in std::mem::take(&mut parent.children) {
                    child.flatten_into(&mut parent.paragraphs);
                }
                parent.child_rank = Some(rank);
            }
            // A shallower marker than its siblings: a sibling all the same.
            Some(siblings) if rank < siblings => rank = siblings,
            Some(_) => {}
            None => parent.child_rank = Some(rank),
        }
        let rest_start = span.start + (line.len() - rest.len());
        let (title, body) = split_line(rest.trim(), m);
        let rest_span = |s: &str| {
            let at = rest_start + rest.find(s).unwrap_or(0);
            at..at + s.len()
        };
        let mut node = Node::new(
            rank,
            title.map(|t| (t.to_string(), rest_span(t))),
            Some((line.to_string(), span)),
        );
        if let Some(b) = body {
            node.paragraphs.push((b.to_string(), rest_span(b)));
            node.body_on_line = true;
        }
        stack.push(node);
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().map(Node::into_item).unwrap_or_default()
}

/// Splits the text after a marker into a title and the text that runs on after it.
fn split_line(rest: &str, m: Marker) -> (Option<&str>, Option<&str>) {
    if rest.is_empty() {
        return (None, None);
    }
    if let Some(stop) = rest.find('。') {
        let (title, after) = (&rest[..stop], rest[stop + '。'.len_utf8()..].trim());
        if !after.is_empty() && !title.is_empty() && title.chars().count() <= MAX_TITLE {
            return (Some(title), Some(after));
        }
    }
    let short = rest.chars().count() <= 30;
    match m {
        // A heading line: the whole line is the title unless it is a long sentence.
        _ if matches!(m.kind.level(), Some(1 | 2)) && (short || !rest.ends_with('。')) => {
            (Some(rest.trim_end_matches('。')), None)
        }
        // A run-in line: a short phrase without punctuation is a lead, the rest is prose.
        _ if short && !rest.contains(['。', '，', '；', '：']) => (Some(rest), None),
        _ => (None, Some(rest)),
    }
}

/// An item being built.
struct Node {
    rank: u8,
    title: Option<(String, Range<usize>)>,
    /// The numbered line as written, for turning the item back into prose.
    line: Option<(String, Range<usize>)>,
    paragraphs: Vec<(String, Range<usize>)>,
    /// Whether the first paragraph is the rest of the numbered line.
    body_on_line: bool,
    children: Vec<Node>,
    child_rank: Option<u8>,
}

impl Node {
    fn new(
        rank: u8,
        title: Option<(String, Range<usize>)>,
        line: Option<(String, Range<usize>)>,
    ) -> Node {
        Node {
            rank,
            title,
            line,
            paragraphs: Vec::new(),
            body_on_line: false,
            children: Vec::new(),
            child_rank: None,
        }
    }

    /// Appends this item, as written, to a list of paragraphs.
    fn flatten_into(self, out: &mut Vec<(String, Range<usize>)>) {
        out.extend(self.line);
        out.extend(
            self.paragraphs
                .into_iter()
                .skip(usize::from(self.body_on_line)),
        );
        for child in self.children {
            child.flatten_into(out);
        }
    }

    fn into_item(self) -> Item {
        let text = match (self.paragraphs.first(), self.paragraphs.last()) {
            (Some(first), Some(last)) => {
                let span = first.1.start..last.1.end;
                let joined: Vec<&str> = self.paragraphs.iter().map(|(p, _)| p.as_str()).collect();
                Some(Spanned::new(span, joined.join("\n\n")))
            }
            _ => None,
        };
        Item {
            title: self.title.map(|(t, span)| Spanned::new(span, t)),
            text,
            numbering: (self.child_rank == Some(RUN_IN)).then_some(NumberingMode::RunIn),
            items: self.children.into_iter().map(Node::into_item).collect(),
            table: None,
            chart: None,
            literal: true,
        }
    }
}

fn top(stack: &mut [Node]) -> &mut Node {
    stack.last_mut().expect("the root is never popped")
}

/// Pops the innermost open item into its parent.
fn close(stack: &mut Vec<Node>) {
    if stack.len() > 1 {
        if let Some(node) = stack.pop() {
            top(stack).children.push(node);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(item: &Item) -> Option<&str> {
        item.title.as_ref().map(|t| t.get_ref().as_str())
    }

    fn text(item: &Item) -> Option<&str> {
        item.text.as_ref().map(|t| t.get_ref().as_str())
    }

    #[test]
    fn markers_of_every_style_give_the_text_after_them() {
        let m = |s| marker(s).map(|(m, rest)| (m.kind, m.number, rest.to_string()));
        assert_eq!(
            m("  一、总体情况"),
            Some((Kind::Chinese, 1, "总体情况".into()))
        );
        assert_eq!(
            m("(三)招商引资"),
            Some((Kind::ParenChinese, 3, "招商引资".into()))
        );
        assert_eq!(
            m("〔二〕要素保障"),
            Some((Kind::BracketChinese, 2, "要素保障".into()))
        );
        assert_eq!(
            m("１０．项目建设"),
            Some((Kind::Arabic, 10, "项目建设".into()))
        );
        assert_eq!(
            m("【4】用地保障"),
            Some((Kind::BracketArabic, 4, "用地保障".into()))
        );
        assert_eq!(
            m("二十一是强化服务"),
            Some((Kind::RunIn, 21, "强化服务".into()))
        );
    }

    #[test]
    fn bracketed_numbers_nest_like_their_standard_forms() {
        let root = parse("〔一〕招商引资\n【1】线上招商\n〔二〕项目建设\n");
        assert_eq!(root.items.len(), 2);
        assert_eq!(title(&root.items[0].items[0]), Some("线上招商"));
        assert_eq!(title(&root.items[1]), Some("项目建设"));
    }

    #[test]
    fn ordinary_sentences_are_not_markers() {
        for s in [
            "1.5亿元的项目已开工。",
            "2022年上半年，园区经济稳中向好。",
            "一季度实现营业收入60亿元。",
            "十分重视安全生产。",
            "（注：数据为快报数）",
            "是年，园区获批国家级开发区。",
            "",
        ] {
            assert_eq!(marker(s), None, "{s}");
        }
    }

    #[test]
    fn headings_nest_and_prose_attaches_to_the_open_item() {
        let source = "园区上半年工作总体平稳。\n\n（一）招商引资\n新签约项目28个。\n1.产业链招商。围绕集成电路开展招商。\n2.以商招商\n（二）项目建设\n新开工项目12个。\n";
        let root = parse(source);
        assert_eq!(text(&root), Some("园区上半年工作总体平稳。"));
        assert_eq!(root.items.len(), 2);
        let first = &root.items[0];
        assert_eq!(title(first), Some("招商引资"));
        assert_eq!(text(first), Some("新签约项目28个。"));
        assert_eq!(first.items.len(), 2);
        assert_eq!(title(&first.items[0]), Some("产业链招商"));
        assert_eq!(text(&first.items[0]), Some("围绕集成电路开展招商。"));
        assert_eq!(title(&first.items[1]), Some("以商招商"));
        assert_eq!(title(&root.items[1]), Some("项目建设"));
        assert!(root.literal && first.items[1].literal);
        assert_eq!(root.numbering, None);
    }

    #[test]
    fn run_in_items() {
        let root = parse(
            "一是加强组织建设。园区现有党支部28个。\n二是深入开展“三会一课”，累计召开156次。\n",
        );
        assert_eq!(root.numbering, Some(NumberingMode::RunIn));
        assert_eq!(title(&root.items[0]), Some("加强组织建设"));
        assert_eq!(text(&root.items[0]), Some("园区现有党支部28个。"));
        assert_eq!(title(&root.items[1]), None);
        assert_eq!(
            text(&root.items[1]),
            Some("深入开展“三会一课”，累计召开156次。")
        );
    }

    #[test]
    fn relative_levels_and_mismatched_siblings() {
        // The shallowest marker present forms the first level, whatever it is.
        let root = parse("1.甲\n（1）甲一\n2.乙\n");
        assert_eq!(root.items.len(), 2);
        assert_eq!(root.items[0].items.len(), 1);
        // A shallower marker among deeper siblings stays a sibling.
        let root = parse("（一）甲\n一、乙\n");
        assert_eq!(root.items.len(), 2);
        // Run-in lines followed by numbered headings were prose of their parent.
        let root = parse("一是甲，很好。\n二是乙，也好。\n1.丙\n");
        assert_eq!(root.numbering, None);
        assert_eq!(text(&root), Some("一是甲，很好。\n\n二是乙，也好。"));
        assert_eq!(root.items.len(), 1);
        assert_eq!(title(&root.items[0]), Some("丙"));
    }

    #[test]
    fn spans_point_into_the_text() {
        let source = "（一）招商引资\n  新签约项目28个。\n";
        let root = parse(source);
        let item = &root.items[0];
        let t = item.title.as_ref().unwrap();
        assert_eq!(&source[t.span()], "招商引资");
        let p = item.text.as_ref().unwrap();
        assert_eq!(&source[p.span()], "新签约项目28个。");
    }

    #[test]
    fn long_heading_sentences_run_in() {
        let root = parse("（一）受疫情影响，部分企业停工停产，上半年园区营业收入增速有所放缓。\n");
        assert_eq!(title(&root.items[0]), None);
        assert!(text(&root.items[0]).unwrap().starts_with("受疫情影响"));
        assert_eq!(parse("").items.len(), 0);
        assert_eq!(parse("\n\n  \n").text, None);
    }
}
