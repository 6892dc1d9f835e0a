//! Charts on the page: inline SVG sized to the text block, a bar per indicator and
//! series, every label as escaped SVG text in the document's order, the caption below.

use huibao_core::ir::{Block, LabelKind};

mod common;

const REPORT: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年，园区经济运行总体平稳。"

[[indicators]]
name = "营业收入"
value = 48.65
unit = "亿元"
previous = 43.29
target = 100

[[indicators]]
name = "工业总产值<R&D>"
value = 33.56
unit = "亿元"
previous = 30.19
target = 70

[[indicators]]
name = "税收"
value = 3.62
unit = "亿元"
previous = 3.35

[[charts]]
kind = "growth"

[[charts]]
kind = "completion"
"#;

fn page() -> (String, huibao_core::Document) {
    common::page(REPORT)
}

/// The inline SVGs of the page, in order.
fn svgs(html: &str) -> Vec<&str> {
    html.match_indices("<svg ")
        .map(|(i, _)| {
            let end = html[i..].find("</svg>").expect("closed") + i;
            &html[i..end]
        })
        .collect()
}

#[test]
fn each_chart_is_inline_svg_with_a_bar_per_indicator_and_series() {
    let (html, doc) = page();
    let svgs = svgs(&html);
    assert_eq!(svgs.len(), 2);
    // Growth: three indicators, two series; completion: two indicators with a target.
    assert_eq!(svgs[0].matches("<rect class=\"bar\"").count(), 6);
    assert_eq!(svgs[0].matches("<rect class=\"key\"").count(), 2);
    assert_eq!(svgs[1].matches("<rect class=\"bar\"").count(), 2);
    // The completion chart's 100% line is dashed.
    assert_eq!(svgs[1].matches("stroke-dasharray=\"4 3\"").count(), 1);
    // The box is the text block's width (156 mm) and 9 grid rows (28.99 pt) tall.
    assert!(
        svgs[0].contains("viewBox=\"0 0 442.2 260.92\""),
        "{}",
        &svgs[0][..200]
    );
    // The bars' colours: last year light grey, this period dark grey.
    assert!(svgs[0].contains("fill=\"#A6A6A6\"") && svgs[0].contains("fill=\"#404040\""));
    // Every label is SVG text, in the document tree's order, escaped.
    let charts: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .collect();
    for (svg, chart) in svgs.iter().zip(&charts) {
        let texts: Vec<String> = svg
            .split("<text ")
            .skip(1)
            .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_string())
            .collect();
        let want: Vec<String> = chart
            .labels
            .iter()
            .map(|l| {
                l.text
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            })
            .collect();
        assert_eq!(texts, want);
    }
    assert!(svgs[0].contains("<text class=\"category\" "));
    assert!(svgs[0].contains(">工业总产值&lt;R&amp;D&gt;</text>"));
    assert!(!html.contains("<R&D>"));
    // The values as the report prints them.
    let values: Vec<&str> = charts[0]
        .labels
        .iter()
        .filter(|l| l.kind == LabelKind::Value)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(values, ["43.29", "48.65", "30.19", "33.56", "3.35", "3.62"]);
    // The caption below the drawing.
    let caption = "<figcaption style=\"text-align: center; font-family: var(--font-heading1); font-weight: var(--weight-heading1);\">图1\u{3000}2022年上半年主要经济指标与上年同期对比</figcaption>";
    assert!(html.contains(caption));
    let at = html.find(caption).unwrap();
    assert!(html[..at].ends_with("</svg>"));
}
