//! Charts in the document tree: what each kind shows, the numbers and labels as printed,
//! the axis, the palette, the numbering 图1, 图2 … and where charts go; and the errors a
//! chart the report cannot draw gets, at its place.

use huibao_core::ir::{Anchor, BarDirection, Block, Chart, ChartLabel, Color, LabelKind, Shape};
use huibao_core::{build, load_source, resolve, Document, SourceFile};

mod common;
use common::{doc, try_doc};

const HEAD: &str = "[report]
organization = \"金川经济技术开发区管委会\"
period = \"2022-H1\"
date = 2022-07-12

[summary]
text = \"2022年1-6月，园区经济运行平稳。\"
";

/// Indicators in 万元 and 亿元, with and without last year's figure and a target.
const INDICATORS: &str = "
[[indicators]]
name = \"营业收入\"
value = 486500
unit = \"万元\"
previous = 432800
target = 1000000

[[indicators]]
name = \"工业总产值\"
value = 335600
unit = \"万元\"
previous = 301900
target = 700000

[[indicators]]
name = \"税收\"
value = 3.62
unit = \"亿元\"
previous = 3.35
target = 7.5
decimals = 2

[[indicators]]
name = \"签约项目\"
value = 11
unit = \"个\"
target = 20
";

/// The error message of a report whose build fails, with its place.
fn error(toml: &str) -> String {
    let d = try_doc(toml).expect_err("the build should fail");
    d.0.iter()
        .map(|d| format!("{}: {}", d.location().unwrap_or_default(), d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

fn charts(d: &Document) -> Vec<&Chart> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .collect()
}

fn texts(c: &Chart, kind: LabelKind) -> Vec<&str> {
    c.labels
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.text.as_str())
        .collect()
}

fn bars(c: &Chart) -> Vec<(Color, f64)> {
    c.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect(r) if !r.legend => Some((r.fill, r.rect.height)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_growth_chart_sets_this_period_beside_last_year_in_one_unit() {
    let d = doc(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\nindicators = [\"营业收入\", \"工业总产值\"]\n"
    ));
    let c = charts(&d)[0];
    assert_eq!(
        c.caption,
        "图1\u{3000}2022年上半年主要经济指标与上年同期对比"
    );
    assert_eq!(c.categories, ["营业收入", "工业总产值"]);
    let names: Vec<&str> = c.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["2021年1-6月", "2022年1-6月"]);
    assert_eq!(c.series[0].values, [Some(432800.0), Some(301900.0)]);
    assert_eq!(c.series[1].values, [Some(486500.0), Some(335600.0)]);
    // The axis: from 0 past the highest value in round steps, the unit in its title.
    assert_eq!(c.axis.title.as_deref(), Some("单位：万元"));
    assert_eq!(
        (c.axis.min, c.axis.max, c.axis.step),
        (0.0, 500000.0, 100000.0)
    );
    assert_eq!(
        texts(c, LabelKind::Tick),
        ["0", "100000", "200000", "300000", "400000", "500000"]
    );
    // The text in reading order: title, legend, ticks, then each category with its values.
    let all: Vec<&str> = c.labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(all[..3], ["单位：万元", "2021年1-6月", "2022年1-6月"]);
    assert_eq!(
        all[9..],
        [
            "营业收入",
            "432800",
            "486500",
            "工业总产值",
            "301900",
            "335600"
        ]
    );
    assert_eq!(c.direction, BarDirection::Columns);
    // One bar per indicator and series; this period's dark, last year's light grey.
    let b = bars(c);
    assert_eq!(b.len(), 4);
    assert_eq!(b[0].0, Color(0xA6, 0xA6, 0xA6));
    assert_eq!(b[2].0, Color(0x40, 0x40, 0x40));
    // Bar lengths are the figures: 486500 / 500000 of the plot's height.
    let ratio = b[2].1 / c.plot.height;
    assert!((ratio - 486500.0 / 500000.0).abs() < 1e-9, "{ratio}");
    // Everything inside the chart's box.
    for s in &c.shapes {
        let (x0, y0, x1, y1) = match s {
            Shape::Rect(r) => (
                r.rect.x,
                r.rect.y,
                r.rect.x + r.rect.width,
                r.rect.y + r.rect.height,
            ),
            Shape::Line(l) => (l.from.0, l.from.1, l.to.0, l.to.1),
        };
        for v in [x0, y0, x1, y1] {
            assert!((-1e-9..=1.0 + 1e-9).contains(&v), "{s:?}");
        }
    }
    assert_eq!(c.rows, 9);
}

#[test]
fn a_growth_chart_without_a_list_is_drawn_once_per_unit() {
    let d = doc(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\n"
    ));
    let c = charts(&d);
    assert_eq!(c.len(), 2, "万元 and 亿元; 签约项目 has no previous");
    assert_eq!(
        c[0].caption,
        "图1\u{3000}2022年上半年主要经济指标与上年同期对比（万元）"
    );
    assert_eq!(
        c[1].caption,
        "图2\u{3000}2022年上半年主要经济指标与上年同期对比（亿元）"
    );
    assert_eq!(c[1].categories, ["税收"]);
    // Values printed with the indicator's decimals, as in the text and the table.
    assert_eq!(texts(c[1], LabelKind::Value), ["3.35", "3.62"]);
    assert_eq!(c[1].series[1].decimals, [Some(2)]);
}

#[test]
fn a_completion_chart_shows_the_rates_in_percent_with_a_line_at_100() {
    let d = doc(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"completion\"\n"
    ));
    let c = charts(&d)[0];
    assert_eq!(
        c.caption,
        "图1\u{3000}2022年上半年主要经济指标完成全年目标情况"
    );
    assert_eq!(c.categories, ["营业收入", "工业总产值", "税收", "签约项目"]);
    // The rates as the indicator table prints them (completion_cell).
    assert_eq!(
        texts(c, LabelKind::Value),
        ["48.7%", "47.9%", "48.3%", "55.0%"]
    );
    assert_eq!(
        c.series[0].values,
        [Some(48.7), Some(47.9), Some(48.3), Some(55.0)]
    );
    assert_eq!(c.direction, BarDirection::Bars);
    assert_eq!(c.axis.reference, Some(100.0));
    assert_eq!(c.axis.max, 120.0, "the 100% line inside the plot");
    assert_eq!(texts(c, LabelKind::Tick).last(), Some(&"120%"));
    assert!(
        texts(c, LabelKind::Legend).is_empty(),
        "one series, no legend"
    );
    let dashed: Vec<_> = c.dashed_lines().collect();
    assert_eq!(dashed.len(), 1);
    let at = c.plot.x + c.plot.width * 100.0 / 120.0;
    assert!((dashed[0].from.0 - at).abs() < 1e-9 && dashed[0].from.0 == dashed[0].to.0);
    // Names right-aligned left of the plot, values right of their bars.
    for l in &c.labels {
        match l.kind {
            LabelKind::Category => assert!(l.anchor == Anchor::End && l.x < c.plot.x),
            LabelKind::Value => assert!(l.anchor == Anchor::Start && l.x > c.plot.x),
            _ => {}
        }
    }
}

#[test]
fn the_red_palette_stresses_this_period_only() {
    let d = doc(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\nindicators = [\"营业收入\"]\n\n[style]\nchart_palette = \"red\"\nred = \"#C00000\"\n"
    ));
    let c = charts(&d)[0];
    assert_eq!(c.series[1].fill, Color(0xC0, 0, 0));
    assert_eq!(c.series[0].fill, Color(0xA6, 0xA6, 0xA6));
}

#[test]
fn figures_are_numbered_in_document_order_wherever_they_stand() {
    let d = doc(&format!(
        "{HEAD}{INDICATORS}
[[charts]]
kind = \"completion\"
indicators = [\"税收\"]

[[achievements]]
title = \"经济运行稳中有进\"
text = \"上半年主要指标稳步增长。\"
chart = {{ kind = \"bars\", title = \"重点项目投资完成情况\", unit = \"亿元\", categories = [\"新能源装备产业园\", \"数据中心\"], series = [{{ name = \"完成投资\", values = [12.5, 8] }}] }}

[[attachments]]
title = \"主要经济指标完成情况\"
indicator_table = true
chart = {{ kind = \"growth\", indicators = [\"税收\"] }}
"
    ));
    let captions: Vec<&str> = charts(&d).iter().map(|c| c.caption.as_str()).collect();
    assert_eq!(
        captions,
        [
            "图1\u{3000}2022年上半年主要经济指标完成全年目标情况",
            "图2\u{3000}重点项目投资完成情况",
            "图3\u{3000}2022年上半年主要经济指标与上年同期对比",
        ]
    );
    // The first chart right after the summary; the item's after its text.
    let kinds: Vec<&str> = d
        .blocks
        .iter()
        .map(|b| match b {
            Block::Chart(_) => "chart",
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            _ => "other",
        })
        .collect();
    let first = kinds.iter().position(|k| *k == "chart").unwrap();
    assert_eq!(kinds[first - 1], "paragraph");
    assert_eq!(kinds[first + 1], "heading");
    let bars_chart = charts(&d)[1];
    assert_eq!(texts(bars_chart, LabelKind::Value), ["12.5", "8"]);
    assert_eq!(bars_chart.axis.title.as_deref(), Some("单位：亿元"));
    // The chart's text is the document's: labels, then the caption.
    let lines = Block::Chart(bars_chart.clone()).text_lines();
    assert_eq!(lines.first().map(String::as_str), Some("单位：亿元"));
    assert_eq!(
        lines.last().map(String::as_str),
        Some("图2\u{3000}重点项目投资完成情况")
    );
    assert!(d
        .plain_text()
        .contains("新能源装备产业园\n12.5\n数据中心\n8\n图2"));
}

#[test]
fn long_names_and_wide_numbers_turn_columns_into_bars() {
    let names: Vec<String> = (1..=8)
        .map(|i| format!("\"某某经济技术开发区第{i}产业功能区重点项目集群\""))
        .collect();
    let values: Vec<String> = (1..=8).map(|i| format!("{}", 1234567 * i)).collect();
    let d = doc(&format!(
        "{HEAD}\n[[charts]]\nkind = \"bars\"\ntitle = \"各功能区投资\"\nunit = \"万元\"\ncategories = [{}]\nseries = [{{ name = \"投资\", values = [{}] }}]\n",
        names.join(", "),
        values.join(", ")
    ));
    let c = charts(&d)[0];
    assert_eq!(c.direction, BarDirection::Bars);
    assert!(c.rows <= 21, "{} rows", c.rows);
    // Every name printed whole, in lines.
    let printed: String = texts(c, LabelKind::Category).concat();
    assert_eq!(
        printed.chars().count(),
        8 * "某某经济技术开发区第1产业功能区重点项目集群"
            .chars()
            .count()
    );
}

/// The README's promise: up to 12 groups of up to 4 bars. The largest such chart is
/// drawn on one page, its bars apart and every value legible beside its bar.
#[test]
fn twelve_groups_of_four_bars_fit_a_page() {
    let months: Vec<String> = (1..=12).map(|m| format!("\"{m}月\"")).collect();
    let series: Vec<String> = ["营业收入", "工业总产值", "税收", "固定资产投资"]
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let values: Vec<String> = (1..=12)
                .map(|m| format!("{:.1}", 1.1 * (k as f64 + 1.0) + f64::from(m)))
                .collect();
            format!("{{ name = \"{name}\", values = [{}] }}", values.join(", "))
        })
        .collect();
    let d = doc(&format!(
        "{HEAD}\n[[charts]]\nkind = \"bars\"\ntitle = \"2022年各月主要指标\"\nunit = \"亿元\"\ncategories = [{}]\nseries = [{}]\n",
        months.join(", "),
        series.join(", ")
    ));
    let c = charts(&d)[0];
    assert!(c.rows <= 21, "{} rows", c.rows);
    let values: Vec<&ChartLabel> = c
        .labels
        .iter()
        .filter(|l| l.kind == LabelKind::Value)
        .collect();
    assert_eq!(values.len(), 48);
    assert!(
        values.iter().all(|l| l.size >= 7.5),
        "labels of 六号 at least"
    );
    // Next to each other, the labels of one group do not overlap.
    let mut baselines: Vec<f64> = values.iter().map(|l| l.baseline).collect();
    baselines.sort_by(f64::total_cmp);
    let closest = baselines
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::MAX, f64::min);
    // Positions are fractions of the chart's height: rows of the preset's line pitch.
    let height = f64::from(c.rows) * huibao_core::Style::default().page.line_pitch_pt();
    assert!(
        closest * height >= values[0].size - 0.01,
        "{} pt between baselines",
        closest * height
    );
    // One more group is still refused, with the reason.
    let more = error(&format!(
        "{HEAD}\n[[charts]]\nkind = \"bars\"\ntitle = \"各月\"\ncategories = [{}, \"13月\"]\nseries = [{{ name = \"甲\", values = [{}] }}]\n",
        months.join(", "),
        vec!["1"; 13].join(", ")
    ));
    assert!(more.contains("13 groups of bars"), "{more}");
}

/// An attachment may be a chart alone (a picture of the projects' investment, say); one
/// with nothing at all is refused with a message naming everything it may hold.
#[test]
fn an_attachment_may_hold_a_chart_alone() {
    let attachment = "[[attachments]]\ntitle = \"2022年上半年重点项目投资完成情况\"\n";
    let chart = "chart = { kind = \"bars\", title = \"重点项目投资完成情况\", unit = \"亿元\", categories = [\"新能源装备产业园\", \"数据中心\"], series = [{ name = \"完成投资\", values = [12.5, 8] }] }\n";
    let d = doc(&format!("{HEAD}\n{attachment}{chart}"));
    let start = d
        .blocks
        .iter()
        .position(|b| matches!(b, Block::AttachmentStart(_)))
        .expect("the attachment starts");
    assert!(
        matches!(&d.blocks[start + 1..], [Block::Chart(c)] if c.caption == "图1　重点项目投资完成情况"),
        "{:?}",
        &d.blocks[start..]
    );
    let e = load_source(SourceFile::new("r.toml", format!("{HEAD}\n{attachment}")))
        .expect_err("an empty attachment");
    let help = e.0[0]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        e.0[0].message.to_string().contains("has no content"),
        "{}",
        e.0[0].message
    );
    assert!(help.contains("a `chart`"), "{help}");
}

#[test]
fn charts_the_report_cannot_draw_are_errors_at_their_place() {
    let unknown = error(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\nindicators = [\"营业收人\"]\n"
    ));
    assert!(
        unknown.contains("“营业收人”, which is no indicator"),
        "{unknown}"
    );
    assert!(unknown.starts_with("r.toml:"), "{unknown}");
    let units = error(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\nindicators = [\"营业收入\", \"税收\"]\n"
    ));
    assert!(
        units.contains("“营业收入” is in 万元 but “税收” in 亿元"),
        "{units}"
    );
    let no_previous = error(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"growth\"\nindicators = [\"签约项目\"]\n"
    ));
    assert!(
        no_previous.contains("“签约项目” has no `previous`"),
        "{no_previous}"
    );
    let nothing = error(&format!("{HEAD}\n[[charts]]\nkind = \"completion\"\n"));
    assert!(nothing.contains("no indicator has a `target`"), "{nothing}");
    let ragged = error(&format!(
        "{HEAD}\n[[charts]]\nkind = \"bars\"\ntitle = \"投资\"\ncategories = [\"甲\", \"乙\"]\nseries = [{{ name = \"投资\", values = [1] }}]\n"
    ));
    assert!(ragged.contains("has 1 values for 2 categories"), "{ragged}");
    let untitled = error(&format!(
        "{HEAD}\n[[charts]]\nkind = \"bars\"\ncategories = [\"甲\"]\nseries = [{{ name = \"投资\", values = [1] }}]\n"
    ));
    assert!(untitled.contains("needs a `title`"), "{untitled}");
    let mixed = error(&format!(
        "{HEAD}{INDICATORS}\n[[charts]]\nkind = \"completion\"\ncategories = [\"甲\"]\n"
    ));
    assert!(mixed.contains("belong to a bars chart"), "{mixed}");
    // The place: the chart's `kind`, after a blank line and `[[charts]]`.
    let line = format!("{HEAD}{INDICATORS}").lines().count() + 3;
    assert!(mixed.starts_with(&format!("r.toml:{line}:")), "{mixed}");
}

#[test]
fn an_indicator_shown_only_in_a_chart_is_printed() {
    let toml = format!(
        "{HEAD}
[[indicators]]
name = \"营业收入\"
value = 48.65
unit = \"亿元\"
previous = 43.29

[[charts]]
kind = \"growth\"
"
    );
    let loaded = load_source(SourceFile::new("r.toml", toml)).unwrap();
    let d = build(&loaded, &resolve(&loaded), &[]).unwrap();
    let warnings = huibao_core::lint(&loaded, &d);
    assert!(
        warnings
            .iter()
            .all(|w| !w.message.to_string().contains("is not printed")),
        "{:?}",
        warnings.iter().map(|w| &w.message).collect::<Vec<_>>()
    );
}

#[test]
fn any_figures_give_a_chart_inside_its_box_or_a_located_error() {
    let cases: &[&[f64]] = &[
        &[0.0, 0.0],
        &[-12.5, 30.0],
        &[-3.0, -1.0],
        &[0.001, 0.002],
        &[1e15, 3.0],
        &[123456789.123, 1.5],
        &[99.99, 100.0],
    ];
    for values in cases {
        let list: Vec<String> = values.iter().map(|v| format!("{v}")).collect();
        let toml = format!(
            "{HEAD}\n[[charts]]\nkind = \"bars\"\ntitle = \"测试\"\nunit = \"万元\"\ncategories = [\"甲\", \"乙\"]\nseries = [{{ name = \"本期\", values = [{}] }}, {{ name = \"上年同期\", values = [1, 2] }}]\n",
            list.join(", ")
        );
        let loaded = load_source(SourceFile::new("r.toml", toml)).unwrap();
        match build(&loaded, &resolve(&loaded), &[]) {
            Ok(d) => {
                let c = charts(&d)[0];
                assert!(c.axis.min <= 0.0 && c.axis.max > c.axis.min, "{values:?}");
                for s in &c.shapes {
                    if let Shape::Rect(r) = s {
                        for v in [
                            r.rect.x,
                            r.rect.y,
                            r.rect.x + r.rect.width,
                            r.rect.y + r.rect.height,
                        ] {
                            assert!((-1e-9..=1.0 + 1e-9).contains(&v), "{values:?}: {r:?}");
                        }
                    }
                }
                for l in &c.labels {
                    assert!((0.0..=1.0).contains(&l.baseline), "{values:?}: {l:?}");
                }
            }
            Err(e) => {
                let message = e.to_string();
                assert!(
                    message.to_string().contains("r.toml:"),
                    "{values:?}: {message}"
                );
            }
        }
    }
}
