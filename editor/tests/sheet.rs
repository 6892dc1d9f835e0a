//! 从统计报表导入: a statistics spreadsheet uploaded to the editor fills and updates the
//! indicator rows by name, keeps what the person wrote, and lists the cells it cannot read.

use huibao_editor::{Editor, EditorOptions, Request};
use huibao_pipeline::Session;
use serde_json::Value;
use std::path::Path;

/// A cell: a number, or text.
enum Cell<'a> {
    T(&'a str),
    N(f64),
}
use Cell::{N, T};

/// An .xlsx of one sheet named `sheet` holding `rows`, as Excel writes one (a workbook,
/// its relationships, a worksheet of inline strings and numbers), zipped by huibao-xml.
fn xlsx(sheet: &str, rows: &[Vec<Cell>]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            match cell {
                T(text) => data.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
                )),
                N(n) => data.push_str(&format!("<c r=\"{at}\"><v>{n}</v></c>")),
            }
        }
        data.push_str("</row>");
    }
    let parts = [
        ("[Content_Types].xml", String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
             </Types>")),
        ("_rels/.rels", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" \
             Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>\
             <sheet name=\"{sheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" \
             Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")),
        ("xl/worksheets/sheet1.xml", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <worksheet xmlns=\"{MAIN}\"><sheetData>{data}</sheetData></worksheet>")),
    ];
    let mut zip = huibao_xml::PackageWriter::new();
    for (name, text) in parts {
        zip.add(name, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap()
}

/// The statistics bureau's table for the first half of 2022: a title row, the header
/// (本期 as 1-6月, 上年同期, 同比增长, 全年目标), four indicators, a note.
fn half_year(fixed_assets: Cell<'static>) -> Vec<Vec<Cell<'static>>> {
    vec![
        vec![T("金川经济技术开发区2022年1-6月主要经济指标")],
        vec![
            T("指标名称"),
            T("计量单位"),
            T("1-6月"),
            T("上年同期"),
            T("同比增长（%）"),
            T("全年目标"),
        ],
        vec![
            T("地区生产总值"),
            T("亿元"),
            N(86.4),
            N(78.9),
            N(9.5),
            N(180.0),
        ],
        vec![
            T("规模以上工业增加值"),
            T("亿元"),
            N(41.2),
            N(37.6),
            N(9.6),
            N(85.0),
        ],
        vec![
            T("固定资产投资"),
            T("亿元"),
            fixed_assets,
            N(40.1),
            N(-8.2),
            N(70.0),
        ],
        vec![
            T("实际利用外资"),
            T("万美元"),
            N(5230.0),
            N(4860.0),
            N(7.6),
            N(10000.0),
        ],
        vec![T("数据来源：金川市统计局")],
    ]
}

/// The report: 地区生产总值 typed with last month's figure, 固定资产投资 as the sheet has
/// it, and 营业收入, which the sheet does not have.
const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
recipient = "金川市人民政府"

[summary]
text = "上半年，开发区实现地区生产总值{{indicator \"地区生产总值\"}}。"

# 主要指标（手工填写）
[[indicators]]
name = "地区生产总值"
value = 80.0   # 5月快报数
unit = "亿元"
previous = 78.9

[[indicators]]
name = "营业收入"
value = 123.50
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
"#;

fn editor_on(dir: &Path) -> Editor {
    let report = dir.join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let mut options = EditorOptions::default();
    options.report = Some(report);
    options.folder = dir.to_path_buf();
    options.autosave = true;
    Editor::new(Session::default(), options).unwrap()
}

fn upload(editor: &Editor, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    // As the page's encodeURIComponent sends it.
    let encoded: String = name.bytes().map(|b| format!("%{b:02X}")).collect();
    let url = format!("/api/sheet?name={encoded}");
    let r = editor.handle(&Request::new("POST", &url, &[], bytes));
    (r.status, serde_json::from_slice(&r.body).unwrap())
}

fn rows(state: &Value) -> Vec<Value> {
    state["report"]["indicators"].as_array().unwrap().clone()
}

fn row<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row {name}: {rows:?}"))
}

#[test]
fn a_spreadsheet_updates_rows_by_name_appends_new_ones_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let editor = editor_on(dir.path());
    let (status, state) = upload(
        &editor,
        "2022年1-6月统计.xlsx",
        xlsx("主要指标", &half_year(N(36.8))),
    );
    assert_eq!(status, 200, "{state}");
    let sheet = &state["sheet"];
    assert_eq!(sheet["ok"], true, "{sheet}");
    let rows = rows(&state);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    // The report's rows first, in its order; the sheet's new names after, in the sheet's.
    assert_eq!(
        names,
        [
            "地区生产总值",
            "营业收入",
            "固定资产投资",
            "规模以上工业增加值",
            "实际利用外资"
        ]
    );
    assert_eq!(
        sheet["added"],
        serde_json::json!(["规模以上工业增加值", "实际利用外资"])
    );
    // 地区生产总值: the sheet's figure over the typed one — said, not silent — and its
    // target, which the report lacked.
    let gdp = row(&rows, "地区生产总值");
    assert_eq!(gdp["value"], 86.4);
    assert_eq!(gdp["target"], 180);
    let changed = sheet["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["name"], "地区生产总值");
    assert_eq!(changed[0]["key"], "value");
    assert_eq!(changed[0]["before"], "80.0");
    assert_eq!(changed[0]["after"], "86.4");
    // New rows carry every figure the sheet has.
    let investment = row(&rows, "实际利用外资");
    assert_eq!(investment["unit"], "万美元");
    assert_eq!(investment["value"], 5230);
    assert_eq!(investment["previous"], 4860);
    assert_eq!(investment["target"], 10000);
    assert_eq!(row(&rows, "规模以上工业增加值")["value"], 41.2);
    // The report prints the new figures.
    assert_eq!(state["ok"], true, "{}", state["diagnostics"]);
    assert_eq!(
        state["figures"]["规模以上工业增加值"]["growth"],
        "同比增长9.6%"
    );

    // The file: rows the sheet does not name, and figures equal to the sheet's, stay as
    // written (123.50, the comment above the list); only 地区生产总值's value line
    // changed in place, its target added after it.
    let text = std::fs::read_to_string(dir.path().join("jinchuan.toml")).unwrap();
    assert!(
        text.contains("name = \"营业收入\"\nvalue = 123.50\nunit = \"亿元\"\nprevious = 110.2\ntarget = 250\n"),
        "{text}"
    );
    assert!(text.contains("# 主要指标（手工填写）\n[[indicators]]\nname = \"地区生产总值\"\nvalue = 86.4   # 5月快报数\n"), "{text}");
    assert!(
        text.starts_with(&REPORT[..REPORT.find("[[indicators]]").unwrap()]),
        "{text}"
    );

    // Importing the same sheet again changes nothing; one undo takes the whole import back.
    let (_, again) = upload(
        &editor,
        "2022年1-6月统计.xlsx",
        xlsx("主要指标", &half_year(N(36.8))),
    );
    assert_eq!(again["sheet"]["added"], serde_json::json!([]));
    assert_eq!(again["sheet"]["changed"], serde_json::json!([]));
    let r = editor.handle(&Request::new("POST", "/api/undo", &[], b"{}".to_vec()));
    assert_eq!(r.status, 200);
    assert_eq!(editor.text(), REPORT);
}

#[test]
fn cells_the_report_would_refuse_are_listed_by_sheet_and_cell_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let editor = editor_on(dir.path());
    let (status, state) = upload(
        &editor,
        "统计.xlsx",
        xlsx("主要指标", &half_year(T("三十六点八"))),
    );
    assert_eq!(status, 200, "{state}");
    let sheet = &state["sheet"];
    assert_eq!(sheet["ok"], false, "{sheet}");
    let findings = sheet["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["place"], "统计.xlsx!主要指标!C5");
    assert_eq!(findings[0]["sheet"], "主要指标");
    assert_eq!(findings[0]["cell"], "C5");
    assert_eq!(findings[0]["severity"], "error");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("三十六点八"),
        "{findings:?}"
    );
    assert!(!findings[0]["help"].as_str().unwrap().is_empty());
    assert!(!sheet["summary"].as_str().unwrap().is_empty());
    assert_eq!(editor.text(), REPORT, "a refused sheet changed the report");
}

#[test]
fn a_csv_and_a_sheet_with_a_disagreeing_rate_are_read_the_same_way() {
    // A CSV (as the bureau's system exports one), 同比增长 stated wrongly for 地区生产总值.
    let csv = "指标名称,计量单位,1-6月,上年同期,同比增长（%）,全年目标\n\
               地区生产总值,亿元,86.4,78.9,12.0,180\n\
               规模以上工业增加值,亿元,41.2,37.6,9.6,85\n";
    let dir = tempfile::tempdir().unwrap();
    let editor = editor_on(dir.path());
    let (status, state) = upload(&editor, "stats.csv", csv.as_bytes().to_vec());
    assert_eq!(status, 200, "{state}");
    let sheet = &state["sheet"];
    assert_eq!(sheet["ok"], true, "{sheet}");
    let warning = sheet["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["severity"] == "warning")
        .unwrap_or_else(|| panic!("the disagreeing rate was not listed: {sheet}"));
    // A CSV has no sheets: the place is the file and the cell.
    assert_eq!(warning["place"], "stats.csv!E2");
    assert_eq!(warning["cell"], "E2");
    assert_eq!(warning["sheet"], Value::Null);
    assert_eq!(row(&rows(&state), "规模以上工业增加值")["previous"], 37.6);
}

#[test]
fn an_empty_report_gets_an_indicator_list_and_a_file_that_is_no_spreadsheet_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("new.toml");
    let mut options = EditorOptions::default();
    options.report = Some(report.clone());
    options.folder = dir.path().to_path_buf();
    options.autosave = true;
    let editor = Editor::new(Session::default(), options).unwrap();
    let (_, state) = upload(&editor, "统计.xlsx", xlsx("Sheet1", &half_year(N(36.8))));
    assert_eq!(rows(&state).len(), 4, "{state}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert_eq!(text.matches("[[indicators]]").count(), 4, "{text}");

    let (status, state) = upload(&editor, "报告.docx", b"PK\x03\x04not a workbook".to_vec());
    assert_eq!(status, 200);
    assert_eq!(state["sheet"]["ok"], false);
    assert_eq!(state["sheet"]["findings"][0]["place"], "报告.docx");
    assert_eq!(rows(&state).len(), 4);
}

#[test]
fn an_inline_indicator_list_is_filled_and_a_report_that_reads_a_sheet_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("jinchuan.toml");
    let inline = "indicators = [\n  { name = \"地区生产总值\", value = 80.0, unit = \"亿元\" },\n]\n\n[report]\norganization = \"金川经济技术开发区管委会\"\n";
    std::fs::write(&report, inline).unwrap();
    let mut options = EditorOptions::default();
    options.report = Some(report.clone());
    options.folder = dir.path().to_path_buf();
    let editor = Editor::new(Session::default(), options).unwrap();
    let (_, state) = upload(&editor, "统计.xlsx", xlsx("主要指标", &half_year(N(36.8))));
    assert_eq!(rows(&state).len(), 4, "{state}");
    let text = editor.text();
    // Still one inline list, a row a line, the changed figure in place.
    assert!(
        text.starts_with("indicators = [\n  { name = \"地区生产总值\", value = 86.4, unit = \"亿元\", previous = 78.9, target = 180 },\n  { name = \"规模以上工业增加值\""),
        "{text}"
    );
    assert!(!text.contains("[[indicators]]"), "{text}");

    // A report that reads a sheet itself: nothing imported, and it says why.
    let reads = "[report]\norganization = \"金川经济技术开发区管委会\"\n\n[indicators]\nfrom = \"2022年1-6月统计.xlsx\"\n";
    std::fs::write(&report, reads).unwrap();
    let r = editor.handle(&Request::new("POST", "/api/reload", &[], b"{}".to_vec()));
    assert_eq!(r.status, 200);
    let (_, state) = upload(&editor, "统计.xlsx", xlsx("主要指标", &half_year(N(36.8))));
    assert_eq!(state["sheet"]["ok"], false);
    assert!(
        state["sheet"]["summary"]
            .as_str()
            .unwrap()
            .contains("2022年1-6月统计.xlsx"),
        "{}",
        state["sheet"]
    );
    assert_eq!(editor.text(), reads);
}
