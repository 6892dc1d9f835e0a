//! The recognised outline in the report's terms: which top-level part is the work done,
//! the problems and the plan, and the items under each.

use crate::marker::Kind;
use crate::outline::{excerpt, Node, Outline, MAX_DEPTH};

/// The three parts of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 主要工作 / 工作总结.
    Achievements,
    /// 存在的问题.
    Problems,
    /// 工作计划 / 工作思路.
    Plan,
}

impl Role {
    /// The report key: "achievements", "problems", "plan".
    pub fn key(self) -> &'static str {
        match self {
            Role::Achievements => "achievements",
            Role::Problems => "problems",
            Role::Plan => "plan",
        }
    }

    /// Words for messages.
    pub fn label(self) -> &'static str {
        match self {
            Role::Achievements => "work done",
            Role::Problems => "problems",
            Role::Plan => "plan",
        }
    }
}

/// One item as it will be written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemDraft {
    /// The heading or run-in lead without its number; `None` for an item of text only.
    pub title: Option<String>,
    /// Its paragraphs, in order.
    pub paras: Vec<String>,
    /// A table under it, rows of cell text (the first row is the header).
    pub table: Option<Vec<Vec<String>>>,
    /// The items one level deeper.
    pub items: Vec<ItemDraft>,
    /// Its sub-items are numbered 一是/二是.
    pub run_in: bool,
    /// Source text that could not be placed, written as comments.
    pub remarks: Vec<String>,
}

/// One part as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub struct PartDraft {
    /// Which part it is.
    pub role: Role,
    /// The part's heading without its number.
    pub title: Option<String>,
    /// Text between the part heading and its first item: `[parts.*] text`.
    pub lead: Vec<String>,
    /// Its items (the outline's second level).
    pub items: Vec<ItemDraft>,
    /// Its items are numbered 一是/二是.
    pub run_in: bool,
    /// Source text that could not be placed, written as comments.
    pub remarks: Vec<String>,
    /// Tables between the heading and the first item (kept as comments: a part takes no table).
    pub tables: Vec<Vec<Vec<String>>>,
}

/// The parts of a report and what went to the opening.
#[derive(Debug, Default)]
pub struct Body {
    /// Paragraphs of the opening.
    pub summary: Vec<String>,
    /// Tables in the opening.
    pub summary_tables: Vec<Vec<Vec<String>>>,
    /// Comments for the opening.
    pub summary_remarks: Vec<String>,
    /// The parts found, in the source's order.
    pub parts: Vec<PartDraft>,
    /// What the outline's reading was unsure of, written as `# CHECK:` comments.
    pub doubts: Vec<String>,
}

/// Which part a top-level heading is, from its words.
pub(crate) fn classify(title: &str) -> Option<Role> {
    const PLAN: [&str; 12] = [
        "计划",
        "思路",
        "打算",
        "安排",
        "展望",
        "下一步",
        "下步",
        "明年",
        "下半年",
        "要点",
        "重点工作",
        "目标任务",
    ];
    const PROBLEMS: [&str; 8] = [
        "问题", "不足", "困难", "短板", "差距", "挑战", "薄弱", "瓶颈",
    ];
    const DONE: [&str; 9] = [
        "工作", "总结", "成效", "成绩", "情况", "进展", "回顾", "完成", "主要",
    ];
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    if has(&PROBLEMS) {
        Some(Role::Problems)
    } else if has(&PLAN) {
        Some(Role::Plan)
    } else if has(&DONE) {
        Some(Role::Achievements)
    } else {
        None
    }
}

/// Maps the outline's top level to parts.
pub(crate) fn assemble(outline: Outline) -> Body {
    let mut body = Body {
        doubts: outline.doubts,
        ..Body::default()
    };
    for block in outline.preamble {
        match block {
            crate::source::Block::Para(p) => body.summary.push(p.text),
            crate::source::Block::Table(t) => body.summary_tables.push(t),
        }
    }
    let roots = outline.roots;
    let classified = roots
        .iter()
        .filter(|r| r.title.as_deref().and_then(classify).is_some())
        .count();
    // A flat outline of topics (一、招商引资 二、项目建设 … 六、下半年打算): the topics
    // become items of the work done, one level down.
    let flat = roots.len() > 3 && classified * 2 < roots.len();
    let mut pending_done: Option<PartDraft> = None;
    for root in roots {
        let label = root.label();
        let role = root.title.as_deref().and_then(classify);
        let role = match role {
            Some(Role::Achievements) if flat => None,
            r => r,
        };
        let taken = |body: &Body, role: Role| {
            body.parts.iter().any(|p| p.role == role)
                || (role == Role::Achievements && pending_done.is_some())
        };
        match role {
            Some(role) if !taken(&body, role) => {
                if role != Role::Achievements {
                    if let Some(done) = pending_done.take() {
                        body.parts.push(done);
                    }
                }
                let part = part(root, role, &mut body.doubts);
                if role == Role::Achievements {
                    pending_done = Some(part);
                } else {
                    body.parts.push(part);
                }
            }
            _ => {
                // An extra part: before any part and without items it is opening text;
                // otherwise it becomes an item of the part before it (or the work done).
                if body.parts.is_empty()
                    && pending_done.is_none()
                    && root.children.is_empty()
                    && !flat
                {
                    body.summary_remarks.push(format!(
                        "The heading \"{label}\" was dropped: its text is part of the opening."
                    ));
                    body.doubts.push(format!(
                        "\"{label}\" is not a part of the model (work done, problems, plan); its text went to the opening"
                    ));
                    body.summary.extend(root.paras.iter().cloned());
                    continue;
                }
                let target = match (&mut pending_done, body.parts.last_mut()) {
                    (_, Some(last)) => last,
                    (Some(done), None) => done,
                    (None, None) => pending_done.insert(PartDraft {
                        role: Role::Achievements,
                        title: None,
                        lead: Vec::new(),
                        items: Vec::new(),
                        run_in: false,
                        remarks: Vec::new(),
                        tables: Vec::new(),
                    }),
                };
                if !flat {
                    body.doubts.push(format!(
                        "\"{label}\" became an item of the {} part: a report has at most one part each of work done, problems and plan",
                        target.role.label()
                    ));
                }
                let item = item(root, 2, &mut body.doubts);
                target.items.push(item);
            }
        }
    }
    if let Some(done) = pending_done {
        body.parts.insert(0, done);
    }
    if flat {
        body.doubts.push(
            "the top-level headings are topics, not parts: they became items of the work done"
                .into(),
        );
    }
    let order: Vec<Role> = body.parts.iter().map(|p| p.role).collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|r| *r as u8);
    if order != sorted {
        body.doubts.push(
            "the parts are printed in the order work done, problems, plan, which differs from the source"
                .into(),
        );
        body.parts.sort_by_key(|p| p.role as u8);
    }
    body
}

fn part(root: Node, role: Role, doubts: &mut Vec<String>) -> PartDraft {
    let run_in = root.children.first().and_then(|c| c.kind) == Some(Kind::RunIn);
    check_kind(&root, 2, doubts);
    let items = root
        .children
        .into_iter()
        .map(|c| item(c, 2, doubts))
        .collect();
    PartDraft {
        role,
        title: root.title,
        lead: root.paras,
        items,
        run_in,
        remarks: Vec::new(),
        tables: root.tables,
    }
}

/// Converts a node at `level` (2–4); deeper nodes are folded into their parent's text.
fn item(node: Node, level: usize, doubts: &mut Vec<String>) -> ItemDraft {
    let run_in = node.children.first().and_then(|c| c.kind) == Some(Kind::RunIn);
    let mut out = ItemDraft {
        title: node.title.clone(),
        paras: node.paras.clone(),
        run_in,
        ..ItemDraft::default()
    };
    let mut tables = node.tables.clone().into_iter();
    out.table = tables.next();
    for extra in tables {
        out.remarks.push(format!(
            "A second table of this item (the report allows one per item): {}",
            crate::frame::flatten_table(&extra)
        ));
    }
    if level >= MAX_DEPTH && !node.children.is_empty() {
        doubts.push(format!(
            "the items under \"{}\" would be a fifth level; they were kept as text",
            excerpt(&node.label(), 16)
        ));
        for child in &node.children {
            out.paras.extend(fold(child));
        }
        out.run_in = false;
        return out;
    }
    check_kind(&node, level + 1, doubts);
    out.items = node
        .children
        .into_iter()
        .map(|c| item(c, level + 1, doubts))
        .collect();
    out
}

/// A node and its subtree as plain paragraphs, numbers included.
fn fold(node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let title = node.title.clone().unwrap_or_default();
    let number = node.label();
    let number = number
        .strip_suffix(title.as_str())
        .unwrap_or(&number)
        .to_string();
    let mut paras = node.paras.iter();
    let first = match (&node.title, paras.next()) {
        (Some(t), Some(p)) => format!("{number}{t}。{p}"),
        (Some(t), None) => format!("{number}{t}"),
        (None, Some(p)) => format!("{number}{p}"),
        (None, None) => number,
    };
    out.push(first);
    out.extend(paras.cloned());
    for child in &node.children {
        out.extend(fold(child));
    }
    out
}

/// Notes when the source numbers a level differently from the standard (the numbers
/// are regenerated: "1." items right under "一、" print as "（一）").
fn check_kind(parent: &Node, level: usize, doubts: &mut Vec<String>) {
    let Some(kind) = parent.children.first().and_then(|c| c.kind) else {
        return;
    };
    let standard = match level {
        2 => matches!(
            kind,
            Kind::ParenChinese | Kind::BracketChinese | Kind::RunIn
        ),
        3 => matches!(kind, Kind::Arabic | Kind::RunIn),
        _ => matches!(kind, Kind::ParenArabic | Kind::BracketArabic | Kind::RunIn),
    };
    if !standard {
        let printed = huibao_core::numbering::heading_number(level as u8, 1);
        doubts.push(format!(
            "the items under \"{}\" are numbered {} in the source and will print as {printed} (numbers follow the level)",
            excerpt(&parent.label(), 16),
            kind.example()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Block;

    fn body(lines: &[&str]) -> Body {
        assemble(crate::outline::parse(
            lines.iter().map(|l| Block::para(*l)).collect(),
        ))
    }

    #[test]
    fn roles() {
        assert_eq!(classify("2022年上半年主要工作"), Some(Role::Achievements));
        assert_eq!(classify("xxxx年工作总结"), Some(Role::Achievements));
        assert_eq!(classify("2022年下半年工作计划"), Some(Role::Plan));
        assert_eq!(classify("xxxx年工作思路"), Some(Role::Plan));
        assert_eq!(classify("存在的问题"), Some(Role::Problems));
        assert_eq!(classify("下一步工作打算"), Some(Role::Plan));
    }

    #[test]
    fn three_parts() {
        let b = body(&[
            "开头。",
            "一、主要工作",
            "（一）招商",
            "二、存在的问题",
            "一是土地紧张。",
            "二是融资困难。",
            "三、下半年工作计划",
            "（一）推进项目",
        ]);
        let roles: Vec<Role> = b.parts.iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![Role::Achievements, Role::Problems, Role::Plan]);
        assert!(b.parts[1].run_in);
        assert_eq!(b.summary, vec!["开头。"]);
    }

    #[test]
    fn text_opening_a_part_stays_with_it() {
        let b = body(&[
            "开头。",
            "一、主要工作",
            "上半年，园区稳中有进。",
            "（一）招商",
            "二、下半年工作计划",
            "下半年，园区将聚焦项目。",
            "再起一段。",
            "（一）推进项目",
        ]);
        assert_eq!(b.summary, vec!["开头。"]);
        assert_eq!(b.parts[0].lead, vec!["上半年，园区稳中有进。"]);
        assert_eq!(
            b.parts[1].lead,
            vec!["下半年，园区将聚焦项目。", "再起一段。"]
        );
        assert!(b.parts[0].items[0].paras.is_empty());
        assert!(b.doubts.is_empty(), "{:?}", b.doubts);
    }

    #[test]
    fn flat_topics_become_items() {
        let b = body(&[
            "一、招商引资",
            "二、项目建设",
            "三、企业服务",
            "四、基金组建",
            "五、下半年工作计划",
            "（一）推进项目",
        ]);
        assert_eq!(b.parts.len(), 2);
        assert_eq!(b.parts[0].role, Role::Achievements);
        assert_eq!(b.parts[0].items.len(), 4);
        assert_eq!(b.parts[1].role, Role::Plan);
    }

    #[test]
    fn fifth_level_is_folded_into_text() {
        let b = body(&[
            "一、主要工作",
            "（一）招商",
            "1.线上",
            "（1）直播。开展直播。",
            "一是抖音。效果好。",
        ]);
        let l4 = &b.parts[0].items[0].items[0].items[0];
        assert_eq!(l4.title.as_deref(), Some("直播"));
        assert_eq!(l4.paras, vec!["开展直播。", "一是抖音。效果好。"]);
    }
}
