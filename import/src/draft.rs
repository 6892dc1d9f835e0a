//! The recognised outline in the report's terms: which top-level part is the work done,
//! the problems and the plan, and the items under each.

use crate::marker::Kind;
use crate::outline::{excerpt, Node, Outline, MAX_DEPTH};
use huibao_i18n::{msg, Message};

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

    /// Words for messages, in the reader's language.
    pub fn label(self) -> Message {
        match self {
            Role::Achievements => msg!("import-part-achievements"),
            Role::Problems => msg!("import-part-problems"),
            Role::Plan => msg!("import-part-plan"),
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
    pub remarks: Vec<Message>,
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
    pub remarks: Vec<Message>,
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
    pub summary_remarks: Vec<Message>,
    /// The parts found, in the source's order.
    pub parts: Vec<PartDraft>,
    /// What the outline's reading was unsure of, written as `# CHECK:` comments.
    pub doubts: Vec<Message>,
}

/// Words that name a part, with the part they name. A heading's head noun comes last in
/// Chinese ("2023年重点工作推进情况" is a 推进情况, "下半年主要工作安排" an 安排), so the
/// word that ends last decides.
const PART_WORDS: [(&str, Role); 48] = [
    ("回头望", Role::Achievements),
    ("回头看", Role::Achievements),
    ("向前看", Role::Plan),
    ("工作开展情况", Role::Achievements),
    ("开展情况", Role::Achievements),
    ("完成情况", Role::Achievements),
    ("推进情况", Role::Achievements),
    ("进展情况", Role::Achievements),
    ("执行情况", Role::Achievements),
    ("落实情况", Role::Achievements),
    ("工作情况", Role::Achievements),
    ("工作总结", Role::Achievements),
    ("总结", Role::Achievements),
    ("工作回顾", Role::Achievements),
    ("回顾", Role::Achievements),
    ("主要工作", Role::Achievements),
    ("主要成效", Role::Achievements),
    ("工作成效", Role::Achievements),
    ("成效", Role::Achievements),
    ("成绩", Role::Achievements),
    ("进展", Role::Achievements),
    ("工作完成", Role::Achievements),
    ("问题", Role::Problems),
    ("不足", Role::Problems),
    ("短板", Role::Problems),
    ("弱项", Role::Problems),
    ("困难", Role::Problems),
    ("挑战", Role::Problems),
    ("差距", Role::Problems),
    ("薄弱", Role::Problems),
    ("瓶颈", Role::Problems),
    ("下一步", Role::Plan),
    ("下步", Role::Plan),
    ("思路", Role::Plan),
    ("计划", Role::Plan),
    ("打算", Role::Plan),
    ("安排", Role::Plan),
    ("措施", Role::Plan),
    ("举措", Role::Plan),
    ("展望", Role::Plan),
    ("要点", Role::Plan),
    ("目标任务", Role::Plan),
    ("工作重点", Role::Plan),
    ("重点工作", Role::Plan),
    ("谋划", Role::Plan),
    ("部署", Role::Plan),
    ("建议", Role::Plan),
    ("设想", Role::Plan),
];

/// Which part a top-level heading is, from the meaning of its words (work done, problems,
/// plan); `None` when no word names a part. The period's words ("下半年", "2023年") do
/// not decide: "下半年工作开展情况" is work done. A heading that joins two ("工作完成情况及
/// 存在问题", "问题和建议") is the part its first half names.
pub(crate) fn classify(title: &str) -> Option<Role> {
    let halves: Vec<Option<Role>> = title
        .split(['及', '和', '与', '暨', '、'])
        .map(classify_words)
        .collect();
    // "工作举措及成效": measures named with their results are the work done.
    let measures_with_results = halves.contains(&Some(Role::Achievements))
        && title
            .split(['及', '和', '与', '暨', '、'])
            .zip(&halves)
            .all(|(half, role)| {
                *role != Some(Role::Plan) || MEASURES.iter().any(|w| half.ends_with(w))
            });
    if measures_with_results {
        return Some(Role::Achievements);
    }
    halves.into_iter().flatten().next()
}

/// Words for measures, which name the plan alone and the work done beside its results.
const MEASURES: [&str; 3] = ["举措", "措施", "做法"];

/// The part the word that ends last names.
fn classify_words(title: &str) -> Option<Role> {
    PART_WORDS
        .iter()
        .filter_map(|&(w, role)| title.rfind(w).map(|at| (at + w.len(), w.len(), role)))
        .max_by_key(|&(end, len, _)| (end, len))
        .map(|(_, _, role)| role)
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
    // A heading no word classifies that names a period ("一、上半年工作", "三、2024年
    // 工作"): the first is the work done, one after the work done the plan.
    let mut roles: Vec<Option<Role>> = roots
        .iter()
        .map(|r| r.title.as_deref().and_then(classify))
        .collect();
    // Two or more top-level headings that name the work done without a period
    // ("一、主要指标完成情况 二、重点工作完成情况"): topics of one untitled work-done part.
    let names_period = |r: &Node| {
        r.title
            .as_deref()
            .is_some_and(|t| !crate::meta::phrases(t).is_empty())
    };
    let done_topics = roots
        .iter()
        .zip(&roles)
        .filter(|(r, role)| **role == Some(Role::Achievements) && !names_period(r))
        .count();
    if done_topics >= 2
        && !roots
            .iter()
            .zip(&roles)
            .any(|(r, role)| *role == Some(Role::Achievements) && names_period(r))
    {
        for (r, role) in roots.iter().zip(roles.iter_mut()) {
            if *role == Some(Role::Achievements) && !names_period(r) {
                *role = None;
            }
        }
    }
    // "一、园区开发建设情况" with its （一） items, followed by nothing but the problems
    // and the plan: the work-done part under a title that names no part.
    if !flat
        && roots.first().is_some_and(|r| {
            roles[0].is_none()
                && !r.children.is_empty()
                && r.title.as_deref().is_some_and(|t| t.ends_with("情况"))
        })
        && roles[1..]
            .iter()
            .all(|r| matches!(r, Some(Role::Problems | Role::Plan)))
    {
        roles[0] = Some(Role::Achievements);
    }
    if !flat {
        for i in 0..roots.len() {
            let names_period = roots[i]
                .title
                .as_deref()
                .is_some_and(|t| !crate::meta::phrases(t).is_empty());
            if roles[i].is_some() || !names_period {
                continue;
            }
            let before: Vec<Role> = roles[..i].iter().flatten().copied().collect();
            roles[i] = if before.is_empty() {
                Some(Role::Achievements)
            } else if !before.contains(&Role::Plan) {
                Some(Role::Plan)
            } else {
                None
            };
        }
    }
    let mut pending_done: Option<PartDraft> = None;
    for (root, role) in roots.into_iter().zip(roles) {
        let label = root.label();
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
                // A heading that names nothing ("一、项目建设快速推进") standing where the
                // work done begins is an item of an untitled work-done part; only one
                // without text of its own goes to the opening.
                if body.parts.is_empty()
                    && pending_done.is_none()
                    && root.children.is_empty()
                    && root.paras.is_empty()
                    && !flat
                {
                    body.summary_remarks.push(msg!(
                        "import-remark-heading-dropped",
                        heading = label.clone()
                    ));
                    body.doubts
                        .push(msg!("import-doubt-not-a-part", heading = label.clone()));
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
                if !flat && target.title.is_none() {
                    body.doubts.push(msg!(
                        "import-doubt-no-part-heading",
                        heading = label.clone()
                    ));
                } else if !flat {
                    body.doubts.push(msg!(
                        "import-doubt-extra-part",
                        heading = label.clone(),
                        part = target.role.label()
                    ));
                }
                let item = item(root, 2, &mut body.doubts);
                target.items.push(item);
            }
        }
    }
    if let Some(mut done) = pending_done {
        // An untitled part announced as tasks ahead ("重点抓好以下六个方面的工作：", a page
        // holding only the plan's middle) is the plan.
        if done.title.is_none()
            && !body.parts.iter().any(|p| p.role == Role::Plan)
            && body.summary.last().is_some_and(|t| announces_tasks(t))
        {
            done.role = Role::Plan;
            body.doubts.push(msg!("import-doubt-plan-announced"));
            body.parts.push(done);
        } else {
            body.parts.insert(0, done);
        }
    }
    if flat {
        body.doubts.push(msg!("import-doubt-topics"));
    }
    let order: Vec<Role> = body.parts.iter().map(|p| p.role).collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|r| *r as u8);
    if order != sorted {
        body.doubts.push(msg!("import-doubt-parts-reordered"));
        body.parts.sort_by_key(|p| p.role as u8);
    }
    body
}

/// Whether the last sentence of `text` announces the tasks ahead: "重点抓好以下六个方面的
/// 工作：", "下半年着力做好以下几项工作：".
fn announces_tasks(text: &str) -> bool {
    let text = text.trim_end();
    let Some(body) = text.strip_suffix(['：', ':']) else {
        return false;
    };
    let last = body.rsplit(['。', '！', '；']).next().unwrap_or(body);
    last.contains("以下")
        && ["抓好", "做好", "抓实", "推进", "突出", "重点"]
            .iter()
            .any(|w| last.contains(w))
        && !["取得", "完成了", "开展了", "成效", "回顾"]
            .iter()
            .any(|w| last.contains(w))
}

fn part(root: Node, role: Role, doubts: &mut Vec<Message>) -> PartDraft {
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
fn item(node: Node, level: usize, doubts: &mut Vec<Message>) -> ItemDraft {
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
        out.remarks.push(msg!(
            "import-remark-second-table",
            table = crate::frame::flatten_table(&extra)
        ));
    }
    if level >= MAX_DEPTH && !node.children.is_empty() {
        doubts.push(msg!(
            "import-doubt-items-fifth-level",
            heading = excerpt(&node.label(), 16)
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
fn check_kind(parent: &Node, level: usize, doubts: &mut Vec<Message>) {
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
        doubts.push(msg!(
            "import-doubt-numbered-differently",
            heading = excerpt(&parent.label(), 16),
            written = kind.example(),
            printed = printed
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
        // From the published corpus (39).
        assert_eq!(classify("工作举措及成效"), Some(Role::Achievements));
        assert_eq!(classify("主要做法和成效"), Some(Role::Achievements));
        assert_eq!(classify("下一步工作措施"), Some(Role::Plan));
        assert_eq!(classify("问题和建议"), Some(Role::Problems));
    }

    #[test]
    fn topics_without_a_part_heading_are_items_of_an_untitled_work_done_part() {
        // From the published corpus (34): three 一、 headings, no title, no part heading.
        let b = body(&[
            "一、区位优势明显基础设施完善",
            "几年来累计投资5.7亿元，用于改善基础设施。",
            "二、转变招商理念延伸产业链",
            "截至2011年末，开发区内已进驻各类企业119家。",
        ]);
        assert_eq!(b.parts.len(), 1);
        assert_eq!(b.parts[0].role, Role::Achievements);
        assert_eq!(b.parts[0].title, None);
        let titles: Vec<_> = b.parts[0].items.iter().map(|i| i.title.clone()).collect();
        assert_eq!(
            titles,
            [
                Some("区位优势明显基础设施完善".to_string()),
                Some("转变招商理念延伸产业链".to_string())
            ]
        );
        // (09, 42): two headings that both name work done without a period.
        let b = body(&[
            "一、主要指标完成情况",
            "1-10月，完成工业总产值20亿元。",
            "二、重点工作完成情况",
            "全力推进招商引资。",
        ]);
        assert_eq!(b.parts.len(), 1);
        assert_eq!(b.parts[0].title, None);
        assert_eq!(b.parts[0].items.len(), 2);
        // (27): an account of the work with its items, then nothing but the plan: the
        // work-done part under its own title.
        let b = body(&[
            "一、园区开发建设情况",
            "（一）优化完善园区发展规划，提升园区建设发展水平",
            "除完成控制性详规等基础规划编制外。",
            "二、下半年工作计划",
            "加快项目建设。",
        ]);
        assert_eq!(b.parts[0].role, Role::Achievements);
        assert_eq!(b.parts[0].title.as_deref(), Some("园区开发建设情况"));
        assert_eq!(b.parts[1].role, Role::Plan);
    }

    #[test]
    fn headings_announced_as_tasks_ahead_are_the_plan() {
        // From the published corpus (31): page 2 holds only the plan's middle.
        let b = body(&[
            "不断开创开发区工作的新局面。重点抓好以下六个方面的工作：",
            "（一）加大招大引强力度，提高园区引资质量",
            "下半年，要继续围绕“招大引强”两大目标。",
            "（二）加大基础建设力度，提升园区承载功能",
            "充分抓住国家旅游综合改革试点的有利时机。",
        ]);
        assert_eq!(b.parts.len(), 1);
        assert_eq!(b.parts[0].role, Role::Plan);
        assert_eq!(b.parts[0].items.len(), 2);
        assert!(!announces_tasks("上半年主要开展了以下工作："));
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
    fn a_heading_that_names_only_a_period_is_placed_by_its_order() {
        let b = body(&[
            "一、上半年工作",
            "（一）项目建设有力推进",
            "二、存在的主要问题及原因",
            "一是产业链条不完整。",
            "三、下半年工作",
            "（一）全力冲刺全年目标",
        ]);
        let roles: Vec<(Role, Option<&str>)> = b
            .parts
            .iter()
            .map(|p| (p.role, p.title.as_deref()))
            .collect();
        assert_eq!(
            roles,
            vec![
                (Role::Achievements, Some("上半年工作")),
                (Role::Problems, Some("存在的主要问题及原因")),
                (Role::Plan, Some("下半年工作")),
            ]
        );
        assert_eq!(classify("2023年重点工作推进情况"), Some(Role::Achievements));
        assert_eq!(classify("2023年下一步工作思路与措施"), Some(Role::Plan));
        assert_eq!(classify("下半年工作开展情况"), Some(Role::Achievements));
        assert_eq!(classify("第四季度重点工作"), Some(Role::Plan));
        assert_eq!(classify("面临的困难和挑战"), Some(Role::Problems));
        assert_eq!(
            classify("上半年工作完成情况及存在问题"),
            Some(Role::Achievements)
        );
        assert_eq!(classify("存在的问题和建议"), Some(Role::Problems));
        assert_eq!(classify("下半年主要工作安排"), Some(Role::Plan));
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
