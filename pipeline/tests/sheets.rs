//! Reports whose key figures come from the statistics spreadsheet (`[indicators] from`):
//! the figures reach the prose, the indicator table and every output; a figure given both
//! in the report and the sheet is an error naming both; last period's report may read its
//! figures from a sheet too.

use huibao_core::ir::Block;
use huibao_pipeline::{Format, Options, Prepared, Session, SourceFile};
use std::path::{Path, PathBuf};

/// The spreadsheets LibreOffice saved for huibao-sheets' tests.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sheets/tests/fixtures")
}

fn session() -> Session {
    let mut options = Options::default();
    options.system_fonts = false;
    options.created = Some(1_657_584_000);
    Session::new(options)
}

const HEAD: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
"#;

const BODY: &str = r#"
[summary]
text = '{{months}}，园区完成营业收入{{indicator "营业收入"}}，{{completion "营业收入"}}；规上工业增加值{{indicator "规上工业增加值"}}。'
indicator_table = true

[[achievements]]
title = "多措并举加强招商引资"
text = "新签约项目36个，总投资128亿元。"
"#;

/// Prepares report text as if it were saved beside the fixtures.
fn prepare(text: &str) -> Result<Prepared, huibao_pipeline::Diagnostics> {
    session().prepare_source(SourceFile::new(fixtures().join("report.toml"), text))
}

fn indicator_table(prepared: &Prepared) -> &huibao_core::ir::Table {
    prepared
        .document
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
        .expect("the indicator table")
}

#[test]
fn a_report_renders_its_figures_from_the_spreadsheet_in_every_format() {
    for sheet in [
        "jinchuan-2022h1.xlsx",
        "jinchuan-2022h1.xls",
        "jinchuan-2022h1.ods",
        "jinchuan-2022h1.csv",
    ] {
        let text = format!(
            "{HEAD}\n[indicators]\nfrom = \"{sheet}\"\n\n[[indicators.items]]\nname = \"新签约亿元以上项目\"\nvalue = 12\nunit = \"个\"\nprevious = 9\n{BODY}"
        );
        let prepared = prepare(&text).unwrap_or_else(|d| panic!("{sheet}:\n{d}"));
        assert_eq!(
            prepared.warning_count(),
            0,
            "{sheet}: {:?}",
            prepared.warnings
        );
        // The sheet's twelve first, then the one written in the report.
        let names: Vec<&str> = prepared
            .loaded
            .report
            .indicators
            .iter()
            .map(|i| i.name.get_ref().as_str())
            .collect();
        assert_eq!(names.len(), 13, "{names:?}");
        assert_eq!((names[0], names[12]), ("营业收入", "新签约亿元以上项目"));

        let plain = prepared.document.plain_text();
        // 规上工业增加值 has no 上年同期 in the sheet: derived from its 9.2%, printed as 9.2%.
        assert!(
            plain.contains("1-6月，园区完成营业收入48.65亿元，同比增长12.4%，完成全年目标的48.7%；规上工业增加值36.8亿元，同比增长9.2%。"),
            "{sheet}:\n{plain}"
        );
        let table = indicator_table(&prepared);
        let rows: Vec<String> = table.rows.iter().map(|r| r.join("|")).collect();
        for row in [
            "营业收入|亿元|48.65|12.4%|100|48.7%",
            "固定资产投资|万元|235600|18.7%|500000|47.1%",
            "研发经费投入强度|%|3.6|0.4个百分点|4|90.0%",
            "新签约项目|个|36|20.0%|60|60.0%",
            "新增高新技术企业|家|8|—|15|53.3%",
            "新签约亿元以上项目|个|12|33.3%|—|—",
        ] {
            assert!(
                rows.iter().any(|r| r == row),
                "{sheet}: {row} not in {rows:#?}"
            );
        }
        assert_eq!(table.rows.len(), 13);
    }
}

#[test]
fn the_figures_read_reach_the_html_and_the_text() {
    let text = format!("{HEAD}\n[indicators]\nfrom = \"jinchuan-2022h1.xlsx\"\n{BODY}");
    let session = session();
    let prepared = prepare(&text).unwrap_or_else(|d| panic!("{d}"));
    let rendered = session
        .render(&prepared, &[Format::Html, Format::Txt])
        .unwrap_or_else(|e| panic!("{e}"));
    let html = String::from_utf8(rendered.get(Format::Html).unwrap().to_vec()).unwrap();
    for cell in ["<td", "新增市场主体", "412", "12.9%", "51.5%"] {
        assert!(html.contains(cell), "{cell} not in the HTML");
    }
    let txt = String::from_utf8(rendered.get(Format::Txt).unwrap().to_vec()).unwrap();
    assert!(txt.contains("税收收入亿元5.62-4.3%1246.8%"), "{txt}");
}

#[test]
fn a_figure_in_both_the_report_and_the_sheet_is_an_error_naming_both() {
    let text = format!(
        "{HEAD}\n[indicators]\nfrom = \"jinchuan-2022h1.xlsx\"\n\n[[indicators.items]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\n{BODY}"
    );
    let errors = prepare(&text).expect_err("a figure given twice").0;
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    let sheet_cell = format!(
        "{}!jinchuan-2022h1!A5",
        fixtures().join("jinchuan-2022h1.xlsx").display()
    );
    assert_eq!(
        e.message.to_string(),
        format!("indicator “营业收入” is given twice: here and in {sheet_cell}")
    );
    // Here: the report's own entry, by line and column.
    assert_eq!(e.line_column(), Some((10, 8)));
    assert!(
        e.one_line().contains("report.toml:10:8: error:"),
        "{}",
        e.one_line()
    );
    assert!(
        e.help
            .as_ref()
            .unwrap()
            .to_string()
            .contains("remove this entry"),
        "{e:?}"
    );
}

#[test]
fn a_bad_cell_stops_the_report_at_its_address() {
    let text = format!("{HEAD}\n[indicators]\nfrom = \"bad-cell.xlsx\"\n{BODY}");
    let errors = prepare(&text).expect_err("a bad cell").0;
    let place = format!("{}!bad-cell!C4", fixtures().join("bad-cell.xlsx").display());
    assert_eq!(errors[0].location(), Some(place.clone()));
    assert!(
        errors[0]
            .one_line()
            .starts_with(&format!("{place}: error: “约150” is not a number")),
        "{}",
        errors[0].one_line()
    );
    // On a terminal the place stands before the message, as there is no text to quote.
    let pretty = errors[0].to_report().to_string();
    assert!(
        pretty.starts_with(&format!("{place}: “约150” is not a number")),
        "{pretty}"
    );
}

#[test]
fn an_unreadable_sheet_points_at_the_key_in_the_report() {
    let text = format!(
        "{HEAD}\n[indicators]\nfrom = \"jinchuan-2022h1.xlsx\"\nsheet = \"Sheet1\"\n{BODY}"
    );
    let e = &prepare(&text).expect_err("no such sheet").0[0];
    assert_eq!(e.line_column(), Some((8, 9)));
    assert!(
        e.message
            .to_string()
            .ends_with("the workbook has no sheet named “Sheet1”"),
        "{}",
        e.message
    );
    assert_eq!(
        e.help.as_ref().map(ToString::to_string).as_deref(),
        Some("its sheets are: “jinchuan-2022h1”")
    );

    let text = format!("{HEAD}\n[indicators]\nfrom = \"统计/没有这个文件.xlsx\"\n{BODY}");
    let e = &prepare(&text).expect_err("no such file").0[0];
    assert_eq!(e.line_column(), Some((7, 8)));
    assert!(
        e.message
            .to_string()
            .contains("没有这个文件.xlsx: the spreadsheet does not exist"),
        "{}",
        e.message
    );
}

#[test]
fn a_sheet_of_other_months_than_the_report_is_a_warning() {
    let text = format!(
        "{HEAD}\n[indicators]\nfrom = \"jinchuan-2022q3-merged.ods\"\n\n[summary]\ntext = '园区完成营业收入{{{{indicator \"营业收入\"}}}}。'\n"
    );
    let prepared = prepare(&text).unwrap_or_else(|d| panic!("{d}"));
    let warning = &prepared.warnings[0];
    assert_eq!(
        warning.message.to_string(),
        "the sheet's figures are for 1-9月 but the report covers 1-6月 (2022年上半年)"
    );
    assert!(
        warning
            .one_line()
            .contains("jinchuan-2022q3-merged.ods!1-9月!B3: warning:"),
        "{}",
        warning.one_line()
    );
}

#[test]
fn last_periods_figures_may_come_from_its_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("stats-2021h1.csv"),
        "金川经济技术开发区2021年1-6月主要经济指标完成情况\n指标名称,单位,1-6月\n营业收入,亿元,43.29\n税收收入,亿元,5.87\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2021h1.toml"),
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2021-H1\"\ndate = 2021-07-09\n\n[indicators]\nfrom = \"stats-2021h1.csv\"\n",
    )
    .unwrap();
    let text = "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\nprevious = \"2021h1.toml\"\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\n\n[summary]\ntext = '园区完成营业收入{{indicator \"营业收入\"}}。'\n";
    let prepared = session()
        .prepare_source(SourceFile::new(dir.path().join("2022h1.toml"), text))
        .unwrap_or_else(|d| panic!("{d}"));
    let previous = prepared.loaded.report.indicators[0]
        .previous
        .as_ref()
        .map(|p| p.get_ref().0);
    assert_eq!(previous, Some(43.29));
    assert!(prepared
        .document
        .plain_text()
        .contains("园区完成营业收入48.65亿元，同比增长12.4%。"));
}
