//! The document tree: numbering, run-in items, figures, parts and end matter.

use huibao_core::ir::{Block, RunRole};
use huibao_core::Document;

mod common;
use common::doc;

const HEAD: &str =
    "[report]\norganization = \"瓯海科技城管理委员会\"\nperiod = \"2022\"\ndate = 2023-01-12\n";

fn headings(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.full_text()),
            _ => None,
        })
        .collect()
}

fn paragraphs(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .collect()
}

#[test]
fn four_levels_are_numbered_by_the_standard() {
    let d = doc(&format!(
        "{HEAD}
[[achievements]]
title = \"科创平台展开新篇章\"
[[achievements.items]]
title = \"平台建设\"
text = \"实验室成功挂牌落地。\"
[[achievements.items.items]]
title = \"场地\"
text = \"双创二期完成装修。\"
[[achievements.items]]
title = \"人才引育\"
[[achievements]]
title = \"重大项目跑出新速度\"
[[plan]]
title = \"全力推进项目落地\"
"
    ));
    assert_eq!(
        headings(&d),
        [
            "一、2022年主要工作",
            "（一）科创平台展开新篇章",
            "（二）重大项目跑出新速度",
            "二、2023年工作计划",
            "（一）全力推进项目落地"
        ]
    );
    assert_eq!(
        paragraphs(&d),
        [
            "1.平台建设。实验室成功挂牌落地。",
            "（1）场地。双创二期完成装修。",
            "2.人才引育。"
        ]
    );
    let leads: Vec<(String, u8)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => match p.runs[0].role {
                RunRole::Lead { level } => Some((p.runs[0].text.clone(), level)),
                RunRole::Body => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(
        leads,
        [
            ("1.平台建设。".to_string(), 3),
            ("（1）场地。".to_string(), 4),
            ("2.人才引育。".to_string(), 3)
        ]
    );
}

#[test]
fn adding_an_item_renumbers_what_follows() {
    let item = |t: &str| format!("[[achievements]]\ntitle = \"{t}\"\ntext = \"正文。\"\n");
    let before = doc(&format!("{HEAD}{}{}", item("甲"), item("丙")));
    let after = doc(&format!("{HEAD}{}{}{}", item("甲"), item("乙"), item("丙")));
    assert!(headings(&before).contains(&"（二）丙".to_string()));
    assert!(headings(&after).contains(&"（二）乙".to_string()));
    assert!(headings(&after).contains(&"（三）丙".to_string()));
    let many: String = (1..=21).map(|i| item(&format!("事项{i}"))).collect();
    let d = doc(&format!("{HEAD}{many}"));
    let h = headings(&d);
    assert!(h.contains(&"（十一）事项11".to_string()), "{h:?}");
    assert!(h.contains(&"（二十）事项20".to_string()));
    assert!(h.contains(&"（二十一）事项21".to_string()));
}

#[test]
fn run_in_items_read_yi_shi_er_shi() {
    let d = doc(&format!(
        "{HEAD}
[parts.achievements]
numbering = \"run-in\"
[[achievements]]
title = \"多措并举加强招商引资\"
text = \"全年新签约项目36个。\"
[[achievements]]
title = \"全力以赴推动项目建设！\"
text = \"重点项目按计划推进。\"
[[problems]]
text = \"要素保障压力较大。\"
"
    ));
    assert_eq!(
        paragraphs(&d),
        [
            "一是多措并举加强招商引资。全年新签约项目36个。",
            "二是全力以赴推动项目建设！重点项目按计划推进。",
            "（一）要素保障压力较大。"
        ]
    );
    assert_eq!(headings(&d), ["一、2022年主要工作", "二、存在的问题"]);
}

#[test]
fn figures_titles_and_closing_parts() {
    let d = doc(&format!(
        "{HEAD}recipient = \"瓯海区人民政府\"\nnote = \"联系人：陈某某，联系电话：0577-88000000\"\n
[[indicators]]
name = \"研发经费\"
value = 5.8
unit = \"%\"
previous = 4.6
[[indicators]]
name = \"有效投资\"
value = 186.4
unit = \"亿元\"
previous = 200
target = 180
[summary]
text = \"研发投入强度{{{{indicator \\\"研发经费\\\"}}}}；有效投资{{{{indicator \\\"有效投资\\\"}}}}，{{{{completion \\\"有效投资\\\"}}}}。\"
[[attachments]]
title = \"2022年主要经济指标完成情况表\"
indicator_table = true
[end_matter]
copy_to = [\"区发改局\", \"区财政局\"]
"
    ));
    let text = d.plain_text();
    assert!(text.contains("研发投入强度5.8%，同比提高1.2个百分点；有效投资186.4亿元，同比下降6.8%，完成全年目标的103.6%。"), "{text}");
    assert_eq!(
        d.meta.title,
        "瓯海科技城管理委员会2022年工作总结及2023年工作计划"
    );
    assert!(
        matches!(&d.blocks[0], Block::Title { lines } if lines.len() == 2 && lines.concat() == d.meta.title)
    );
    assert!(matches!(&d.blocks[1], Block::Addressee { text } if text == "瓯海区人民政府："));
    let tail: Vec<String> = text.lines().rev().take(12).map(str::to_string).collect();
    assert!(
        tail.contains(&"（联系人：陈某某，联系电话：0577-88000000）".to_string()),
        "{tail:?}"
    );
    assert!(
        text.contains("附件：2022年主要经济指标完成情况表\n瓯海科技城管理委员会\n2023年1月12日")
    );
    assert!(text.contains("指标名称单位全年完成同比增长全年目标完成率"));
    assert!(text.contains("有效投资亿元186.4-6.8%180103.6%"));
    assert!(
        text.ends_with("抄送：区发改局，区财政局。\n瓯海科技城管理委员会办公室\n2023年1月12日印发"),
        "{text}"
    );
}

#[test]
fn fixed_labels_and_attachment_numbers_are_printed_text_in_the_tree() {
    let d = doc(&format!(
        "{HEAD}signer = \"张某某\"\ndocument_number = \"瓯科管〔2023〕1号\"\nnote = \"联系人：王某某\"\n\
         [summary]\ntext = \"全年工作稳中有进。\"\n\
         [[attachments]]\ntitle = \"重点项目推进情况表\"\ntable = {{ columns = [\"序号\", \"项目\"], rows = [[1, \"北斗产业基地\"]] }}\n\
         [[attachments]]\ntitle = \"招商引资项目清单\"\ntext = \"见附表。\"\n\
         [end_matter]\ncopy_to = [\"区发改局\", \"区财政局\"]\nprinted_on = 2023-01-13\n"
    ));
    let mut seen = 0;
    for block in &d.blocks {
        match block {
            Block::RedHeader(h) => {
                let signer = h.signer.as_ref().unwrap();
                assert_eq!(
                    (signer.label.as_str(), signer.text.as_str()),
                    ("签发人：", "张某某")
                );
                seen += 1;
            }
            Block::AttachmentNote(n) => {
                assert_eq!(n.label, "附件：");
                let items: Vec<(&str, &str)> = n
                    .items
                    .iter()
                    .map(|i| (i.number.as_str(), i.title.as_str()))
                    .collect();
                assert_eq!(
                    items,
                    [("1.", "重点项目推进情况表"), ("2.", "招商引资项目清单")]
                );
                assert_eq!(
                    block.text_lines(),
                    ["附件：1.重点项目推进情况表", "2.招商引资项目清单"]
                );
                seen += 1;
            }
            Block::Note { text } => {
                assert_eq!(text, "（联系人：王某某）");
                seen += 1;
            }
            Block::AttachmentStart(a) => {
                assert!(a.label == "附件1" || a.label == "附件2", "{}", a.label);
                seen += 1;
            }
            Block::Table(t) => {
                assert_eq!(t.continued, "续表");
                assert!((t.columns.iter().map(|c| c.width).sum::<f64>() - 1.0).abs() < 1e-9);
            }
            Block::EndMatter(e) => {
                let cc = e.copy_to.as_ref().unwrap();
                assert_eq!(
                    (cc.label.as_str(), cc.text.as_str()),
                    ("抄送：", "区发改局，区财政局。")
                );
                assert_eq!(e.printed_on, "2023年1月13日印发");
                seen += 1;
            }
            _ => {}
        }
    }
    assert_eq!(seen, 6);
    // One attachment: no number in the note, "附件" alone above it.
    let d = doc(&format!(
        "{HEAD}[summary]\ntext = \"全年工作稳中有进。\"\n[[attachments]]\ntitle = \"重点项目推进情况表\"\ntext = \"见附表。\"\n"
    ));
    let lines: Vec<String> = d
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::AttachmentNote(_) | Block::AttachmentStart(_)))
        .flat_map(Block::text_lines)
        .collect();
    assert_eq!(
        lines,
        ["附件：重点项目推进情况表", "附件", "重点项目推进情况表"]
    );
}

#[test]
fn a_part_of_prose_without_items_is_printed() {
    // Imported reports often write a part as paragraphs without numbered items.
    let d = doc(&format!(
        "{HEAD}
[parts.achievements]
title = \"上半年工作进展\"
text = \"\"\"
产业项目建设稳步推进。园区今年计划实施重点项目18个。

科技支撑作用不断增强。引进推广新品种27个。
\"\"\"
[parts.problems]
title = \"存在的问题\"
text = \"一是产业链条偏短；二是建设资金缺口较大。\"
[parts.plan]
title = \"下半年工作打算\"
[[plan]]
title = \"加快项目建设进度\"
"
    ));
    assert_eq!(
        headings(&d),
        [
            "一、上半年工作进展",
            "二、存在的问题",
            "三、下半年工作打算",
            "（一）加快项目建设进度"
        ]
    );
    assert_eq!(
        paragraphs(&d),
        [
            "产业项目建设稳步推进。园区今年计划实施重点项目18个。",
            "科技支撑作用不断增强。引进推广新品种27个。",
            "一是产业链条偏短；二是建设资金缺口较大。"
        ]
    );
}

#[test]
fn a_part_with_only_a_title_is_not_printed() {
    let d = doc(&format!(
        "{HEAD}
[parts.problems]
title = \"存在的问题\"
[[achievements]]
title = \"科创平台展开新篇章\"
"
    ));
    assert_eq!(
        headings(&d),
        ["一、2022年主要工作", "（一）科创平台展开新篇章"]
    );
}
