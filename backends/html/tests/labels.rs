//! The page prints the labels the document tree gives and aligns by their width.

use huibao_core::ir::Block;

mod common;

const REPORT: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08
document_number = "示管发〔2022〕5号"
signer = "王某某"

[summary]
text = "上半年，园区经济运行总体平稳、稳中有进。"

[[attachments]]
title = "重点项目推进情况表"
text = "见附表。"

[[attachments]]
title = "招商引资项目清单"
text = "见附表。"

[end_matter]
copy_to = ["市发展改革委", "市财政局"]
"#;

#[test]
fn labels_come_from_the_document_tree() {
    let (loaded, mut doc) = common::document(REPORT);
    // Change every label in the tree: the page must follow.
    for block in doc.blocks.iter_mut() {
        match block {
            Block::RedHeader(h) => h.signer.as_mut().unwrap().label = "签发：".into(),
            Block::AttachmentNote(n) => n.label = "附：".into(),
            Block::EndMatter(e) => e.copy_to.as_mut().unwrap().label = "送：".into(),
            _ => {}
        }
    }
    let html = huibao_html::render(&doc, &loaded.style, &Default::default()).expect("renders");
    assert!(html.contains("<span class=\"signer\">签发：<span class=\"signer-name\">王某某</span>"));
    assert!(html.contains("<p>附：1.重点项目推进情况表</p>"));
    // The second title aligns under the first one's number: two characters in.
    assert!(html.contains("<p style=\"padding-left: 2em\">2.招商引资项目清单</p>"));
    assert!(html.contains("<p class=\"copy-to\">送：市发展改革委，市财政局。</p>"));
    for label in ["签发人：", "附件：", "抄送："] {
        assert!(!html.contains(label), "{label} spelled by the page");
    }
}
