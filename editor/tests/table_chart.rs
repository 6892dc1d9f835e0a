//! An item's table (caption, columns, rows of cells) and chart (kind, title, indicators,
//! or categories and series) edited through the API: a cell changes on its line alone,
//! rows and columns come and go, a chart is made from nothing, and the report prints.

use huibao_editor::{Editor, EditorOptions, Request};
use huibao_pipeline::Session;
use serde_json::{json, Value};

mod common;
use common::diff;

const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
recipient = "金川市人民政府"

[[indicators]]
name = "营业收入"
value = 123.5
unit = "亿元"
previous = 110.2
target = 250

[[indicators]]
name = "固定资产投资"
value = 36.8
unit = "亿元"
previous = 40.1
target = 70

[[achievements]]
title = "全力推进项目建设"
text = "新开工项目12个，竣工投产项目8个。"

[achievements.table]
caption = "2022年上半年重点项目推进情况"
columns = ["序号", "项目名称", "总投资（亿元）"]
rows = [
  [1, "新能源装备产业园", 35.6],   # 已开工
  [2, "智能制造产业园", 28.3],
]

[[achievements]]
title = "多措并举加强招商引资"
text = "新签约项目28个，协议投资额56.3亿元。"
"#;

fn editor(dir: &std::path::Path) -> Editor {
    let report = dir.join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let mut options = EditorOptions::default();
    options.report = Some(report);
    options.folder = dir.to_path_buf();
    Editor::new(Session::default(), options).unwrap()
}

fn edits(editor: &Editor, edits: Value) -> Value {
    let body = json!({ "edits": edits }).to_string();
    let r = editor.handle(&Request::new("POST", "/api/edit", &[], body.into_bytes()));
    let state: Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(r.status, 200, "{state}");
    assert_eq!(
        state["ok"],
        true,
        "{}\n{}",
        state["diagnostics"],
        editor.text()
    );
    state
}

fn at(tail: Value) -> Value {
    let mut path = json!(["achievements", 0, "table"]);
    for step in tail.as_array().unwrap() {
        path.as_array_mut().unwrap().push(step.clone());
    }
    path
}

#[test]
fn a_table_changes_cell_by_cell_row_by_row_and_column_by_column() {
    let dir = tempfile::tempdir().unwrap();
    let editor = editor(dir.path());
    // A cell: its line alone.
    edits(
        &editor,
        json!([{ "op": "set", "path": at(json!(["rows", 1, 2])), "raw": "30.10" }]),
    );
    let text = editor.text();
    assert_eq!(
        diff(REPORT, &text),
        (
            vec!["  [2, \"智能制造产业园\", 30.10],".to_string()],
            vec!["  [2, \"智能制造产业园\", 28.3],".to_string()]
        )
    );
    // A row added: on a line of its own, as the others.
    let before = editor.text();
    let state = edits(
        &editor,
        json!([{ "op": "set", "path": at(json!(["rows", 2])), "raw": "[3, \"冷链物流中心\", 12.5]" }]),
    );
    assert_eq!(
        diff(&before, &editor.text()),
        (vec!["  [3, \"冷链物流中心\", 12.5],".to_string()], vec![])
    );
    assert_eq!(
        state["report"]["achievements"][0]["table"]["rows"][2][1],
        "冷链物流中心"
    );
    // The preview prints the table.
    assert!(state["preview"].as_str().unwrap().contains("冷链物流中心"));
    // A column taken out: its header and its cell in every row.
    let state = edits(
        &editor,
        json!([
            { "op": "set", "path": at(json!(["columns", 0])), "value": null },
            { "op": "set", "path": at(json!(["rows", 0, 0])), "value": null },
            { "op": "set", "path": at(json!(["rows", 1, 0])), "value": null },
            { "op": "set", "path": at(json!(["rows", 2, 0])), "value": null },
        ]),
    );
    let text = editor.text();
    assert!(
        text.contains("columns = [\"项目名称\", \"总投资（亿元）\"]\nrows = [\n  [\"新能源装备产业园\", 35.6],   # 已开工\n  [\"智能制造产业园\", 30.10],\n  [\"冷链物流中心\", 12.5],\n]\n"),
        "{text}"
    );
    assert_eq!(
        state["report"]["achievements"][0]["table"]["columns"],
        json!(["项目名称", "总投资（亿元）"])
    );
    // A row deleted; the table deleted; the rest of the file as it was.
    edits(
        &editor,
        json!([{ "op": "set", "path": at(json!(["rows", 0])), "value": null }]),
    );
    assert!(!editor.text().contains("新能源装备产业园"));
    edits(
        &editor,
        json!([{ "op": "set", "path": json!(["achievements", 0, "table"]), "value": null }]),
    );
    let text = editor.text();
    assert!(
        !text.contains("[achievements.table]") && !text.contains("rows"),
        "{text}"
    );
    let start = &REPORT[..REPORT.find("[achievements.table]").unwrap()];
    assert!(text.starts_with(start.trim_end()), "{text}");
    assert!(
        text.trim_end()
            .ends_with("text = \"新签约项目28个，协议投资额56.3亿元。\""),
        "{text}"
    );
}

#[test]
fn a_table_and_charts_are_made_from_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let editor = editor(dir.path());
    let item = |tail: Value| {
        let mut path = json!(["achievements", 1]);
        for step in tail.as_array().unwrap() {
            path.as_array_mut().unwrap().push(step.clone());
        }
        path
    };
    // As the page makes a table: two columns and an empty row, then typed in.
    let state = edits(
        &editor,
        json!([
            { "op": "set", "path": item(json!(["table", "columns"])), "raw": "[\"项目名称\", \"协议投资额（亿元）\"]" },
            { "op": "set", "path": item(json!(["table", "rows"])), "raw": "[\n  [\"\", \"\"],\n]" },
            { "op": "set", "path": item(json!(["table", "rows", 0, 0])), "raw": "\"新材料产业园\"" },
            { "op": "set", "path": item(json!(["table", "rows", 0, 1])), "raw": "56.3" },
        ]),
    );
    let table = &state["report"]["achievements"][1]["table"];
    assert_eq!(table["rows"], json!([["新材料产业园", 56.3]]));
    assert!(
        editor
            .text()
            .contains("rows = [\n  [\"新材料产业园\", 56.3],\n]\n"),
        "{}",
        editor.text()
    );
    // A growth chart of two indicators, then a bar chart of its own figures.
    let state = edits(
        &editor,
        json!([
            { "op": "set", "path": item(json!(["chart", "kind"])), "value": "growth" },
            { "op": "set", "path": item(json!(["chart", "indicators"])), "value": ["营业收入", "固定资产投资"] },
        ]),
    );
    assert_eq!(
        state["report"]["achievements"][1]["chart"]["kind"],
        "growth"
    );
    assert!(
        state["preview"].as_str().unwrap().contains("图1"),
        "no chart in the preview"
    );
    let state = edits(
        &editor,
        json!([
            { "op": "set", "path": item(json!(["chart", "indicators"])), "value": null },
            { "op": "set", "path": item(json!(["chart", "kind"])), "value": "bars" },
            { "op": "set", "path": item(json!(["chart", "title"])), "value": "2022年上半年新签约项目投资额" },
            { "op": "set", "path": item(json!(["chart", "unit"])), "value": "亿元" },
            { "op": "set", "path": item(json!(["chart", "categories"])), "value": ["一季度", "二季度"] },
            { "op": "insert", "path": item(json!(["chart", "series"])), "value": {} },
            { "op": "set", "path": item(json!(["chart", "series", 0, "name"])), "value": "协议投资额" },
            { "op": "set", "path": item(json!(["chart", "series", 0, "values"])), "raw": "[21.5, 34.8]" },
        ]),
    );
    let chart = &state["report"]["achievements"][1]["chart"];
    assert_eq!(
        chart["series"],
        json!([{ "name": "协议投资额", "values": [21.5, 34.8] }])
    );
    assert!(state["preview"]
        .as_str()
        .unwrap()
        .contains("2022年上半年新签约项目投资额"));
    // The first item's table was not touched.
    assert!(editor
        .text()
        .contains("  [1, \"新能源装备产业园\", 35.6],   # 已开工\n"));
}
