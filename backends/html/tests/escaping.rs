//! Every text is escaped: markup, ampersands, quotes and template braces print as text.

mod common;
use common::page;

const REPORT: &str = r#"
[report]
organization = "某园区管委会<script>alert(1)</script>"
period = "2022"
date = 2023-01-10
recipient = "市政府 & \"办公室\""

[summary]
text = '''
园区实现<b>营业收入</b>增长 & 税收“双增长”，模板写法 \{{indicator}} 原样保留。
'''

[[achievements]]
title = "标题含{{大括号}}与'单引号'"
text = "正文。"

[[attachments]]
title = "表格<附件>"
table = { columns = ["项目", "金额（亿元）"], rows = [["<i>A</i>", 1.5], ["{{x}}", "2"]] }
"#;

#[test]
fn markup_and_braces_are_text() {
    let (html, doc) = page(REPORT);
    assert!(!html.contains("<script>alert"), "script tag escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<b>营业收入</b>"));
    assert!(html.contains("&lt;b&gt;营业收入&lt;/b&gt;"));
    assert!(html.contains("&amp; 税收"));
    assert!(
        html.contains("{{indicator}} 原样保留"),
        "a literal {{{{ written as \\{{{{ survives"
    );
    assert!(
        html.contains("标题含{{大括号}}与&#x27;单引号&#x27;")
            || html.contains("标题含{{大括号}}与&#39;单引号&#39;")
    );
    assert!(html.contains("&lt;i&gt;A&lt;/i&gt;"));
    assert!(html.contains("<td class=\"left\">{{x}}</td>"));
    assert!(html.contains("市政府 &amp; &quot;办公室&quot;："));
    // The IR keeps the raw text.
    assert!(doc.plain_text().contains("<b>营业收入</b>"));
}

#[test]
fn page_is_chinese_a4_with_page_numbers() {
    let (html, _) = page(REPORT);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
    assert!(html.contains("@page :right { @bottom-right { content: \"— \" counter(page) \" —\""));
    assert!(html.contains("@page :left { @bottom-left {"));
    assert!(
        html.contains("--line-pitch: 28.991pt;"),
        "225 mm / 22 lines"
    );
    assert!(html.contains("--font-body: \"仿宋_GB2312\""));
    // Self-contained: nothing is fetched.
    for external in ["<link", "src=\"http", "url(http", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn headings_carry_the_numbers_of_the_ir() {
    let (html, doc) = page(REPORT);
    let heading = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            huibao_core::ir::Block::Heading(h) if h.level == 2 => Some(h.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(heading.number, "（一）");
    assert!(html.contains(
        "<h3 class=\"heading level-2\"><span class=\"number\">（一）</span>标题含{{大括号}}"
    ));
    assert!(html.contains("<span class=\"number\">一、</span>2022年主要工作</h2>"));
    assert!(html.contains(
        "<p class=\"label\">附件</p><h2 class=\"attachment-title\">表格&lt;附件&gt;</h2>"
    ));
}
