//! Figures below zero and bases at zero, in every place a change or a completion rate is
//! printed: prose helpers, the indicator table, what plugins are given (the resolved
//! figures), the completion chart, and the warnings at the keys where nothing is true.

use huibao_core::ir::Block;
use huibao_core::{build, lint, load_source, resolve, SourceFile};

const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-12

[summary]
text = """
1-6月，园区实现利润总额{{indicator "利润总额"}}；净利润{{indicator "净利润"}}；\
投资收益{{indicator "投资收益"}}；经营性现金流{{value "经营性现金流"}}；\
亏损企业亏损额{{indicator "亏损企业亏损额"}}；外贸顺差{{indicator "外贸顺差"}}。"""
indicator_table = true

[[indicators]]
name = "利润总额"
value = -1.2
unit = "亿元"
previous = -0.5

[[indicators]]
name = "净利润"
value = 1.235
unit = "亿元"
previous = -0.5

[[indicators]]
name = "外贸顺差"
value = -0.5
unit = "亿元"
previous = 1.2

[[indicators]]
name = "亏损企业亏损额"
value = -0.5
unit = "亿元"
previous = -0.8

[[indicators]]
name = "投资收益"
value = 0
unit = "亿元"
previous = -0.3

[[indicators]]
name = "经营性现金流"
value = -123.5
unit = "万元"
target = 250

[[indicators]]
name = "营业收入"
value = 48.65
unit = "亿元"
previous = 43.29
target = 100

[[charts]]
kind = "completion"
"#;

#[test]
fn every_place_words_losses_as_the_statistics_bureaus_do() {
    let loaded = load_source(SourceFile::new("r.toml", REPORT)).unwrap_or_else(|e| panic!("{e}"));
    let resolved = resolve(&loaded);
    let doc = build(&loaded, &resolved, &[]).unwrap_or_else(|e| panic!("{e}"));

    // Prose helpers.
    let text = doc.plain_text();
    assert!(
        text.contains("1-6月，园区实现利润总额-1.2亿元，同比增亏140.0%；净利润1.235亿元，同比扭亏为盈；投资收益0亿元；经营性现金流-123.5万元；亏损企业亏损额-0.5亿元，同比减亏37.5%；外贸顺差-0.5亿元，同比由盈转亏。"),
        "{text}"
    );

    // What plugins are given: the same phrases.
    let growth = |name: &str| resolved.figures[name].growth.clone();
    assert_eq!(growth("利润总额").as_deref(), Some("同比增亏140.0%"));
    assert_eq!(growth("投资收益"), None);
    assert_eq!(resolved.figures["经营性现金流"].completion, None);

    // The indicator table: its 同比 and 完成率 columns.
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t)
                if t.caption
                    .as_deref()
                    .is_some_and(|c| c.contains("主要经济指标")) =>
            {
                Some(t)
            }
            _ => None,
        })
        .expect("the indicator table");
    let row = |name: &str| -> Vec<String> {
        table
            .rows
            .iter()
            .find(|r| r.first().is_some_and(|c| c.contains(name)))
            .unwrap_or_else(|| panic!("row {name}: {:?}", table.rows))
            .clone()
    };
    assert!(
        row("利润总额").contains(&"增亏140.0%".to_string()),
        "{:?}",
        row("利润总额")
    );
    assert!(row("净利润").contains(&"扭亏为盈".to_string()));
    assert!(row("外贸顺差").contains(&"由盈转亏".to_string()));
    assert!(row("亏损企业亏损额").contains(&"减亏37.5%".to_string()));
    // No negative rate anywhere in the table.
    for r in &table.rows {
        for cell in r.iter().skip(2) {
            assert!(
                !(cell.starts_with('-') && cell.ends_with('%')) || r[0].contains("营业收入"),
                "{r:?}"
            );
        }
    }

    // The completion chart leaves out the loss (warned at its target) and keeps the rest.
    let chart = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .expect("the completion chart");
    assert_eq!(chart.categories, ["营业收入"]);

    // Warnings at the keys where no figure is printed.
    let warnings: Vec<(usize, String)> = lint(&loaded, &doc)
        .iter()
        .filter(|d| d.message.to_string().contains("printed"))
        .map(|d| (d.line_column().unwrap().0, d.message.to_string()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                41,
                "indicator \"投资收益\" has a loss last year and 0 this year: no rate of change is true (neither 扭亏为盈 nor 减亏): no 同比 change is printed".to_string()
            ),
            (
                47,
                "indicator \"经营性现金流\": the value is below zero, so no share of the target is printed (a negative completion rate means nothing)".to_string()
            ),
        ]
    );
}
