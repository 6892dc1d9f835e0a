//! Lists written inline — `items = [{ title = "…", text = "…" }, …]` — are edited as
//! `[[…]]` lists are: set, insert, delete, move, indent and outdent, through toml_edit,
//! the lines an edit does not touch staying byte for byte and the list keeping its layout.

use huibao_editor::{apply, Edit, Editor, EditorOptions, Request};
use huibao_pipeline::Session;
use toml_edit::DocumentMut;

mod common;
use common::diff;

const REPORT: &str = r#"plan = [{ title = "持续扩大有效投资", text = "全年完成固定资产投资70亿元。" }, { title = "深化改革创新", text = "推进“标准地”改革。" }]

[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
recipient = "金川市人民政府"

# 主要工作
[[achievements]]
title = "全力推进项目建设"
text = "新开工项目12个，竣工投产项目8个。"
items = [
  { title = "重大项目加快落地", text = "新材料产业园开工建设。" },
  { title = "产业链招商取得突破", text = "新签约项目28个，协议投资额56.3亿元。" },  # 6月底数
  { title = "要素保障更加有力", text = "新增建设用地指标1200亩。" },
]

[[achievements]]
title = "持续优化营商环境"
text = "深化“放管服”改革，压缩审批时限。"
"#;

fn edit(doc: &mut DocumentMut, json: &str) {
    let e: Edit = serde_json::from_str(json).unwrap();
    apply(doc, &e).unwrap_or_else(|e| panic!("{json}: {e}"));
}

/// The outline of a list as indented titles.
fn titles(doc: &DocumentMut, list: &str) -> String {
    fn walk(items: &toml::Value, depth: usize, out: &mut String) {
        for item in items.as_array().into_iter().flatten() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(item.get("title").and_then(|t| t.as_str()).unwrap_or("-"));
            out.push('\n');
            if let Some(sub) = item.get("items") {
                walk(sub, depth + 1, out);
            }
        }
    }
    let v: toml::Value = toml::from_str(&doc.to_string()).unwrap();
    let mut out = String::new();
    walk(&v[list], 0, &mut out);
    out
}

#[test]
fn a_value_in_an_inline_list_changes_on_its_line_alone() {
    let mut doc: DocumentMut = REPORT.parse().unwrap();
    edit(
        &mut doc,
        r#"{"op":"set","path":["achievements",0,"items",1,"title"],"value":"精准招商成效明显"}"#,
    );
    let (added, removed) = diff(REPORT, &doc.to_string());
    assert_eq!(
        added,
        ["  { title = \"精准招商成效明显\", text = \"新签约项目28个，协议投资额56.3亿元。\" },  # 6月底数"]
    );
    assert_eq!(removed.len(), 1);
    edit(
        &mut doc,
        r#"{"op":"set","path":["plan",1,"text"],"value":"推进“标准地”改革，新出让工业用地全部实行“标准地”。"}"#,
    );
    assert!(doc.to_string().starts_with(
        "plan = [{ title = \"持续扩大有效投资\", text = \"全年完成固定资产投资70亿元。\" }, { title = \"深化改革创新\", text = \"推进“标准地”改革，新出让工业用地全部实行“标准地”。\" }]\n\n[report]\n"
    ));
    // A key the item did not have joins it, inside its braces.
    edit(
        &mut doc,
        r#"{"op":"set","path":["achievements",0,"items",0,"text"],"value":null}"#,
    );
    assert!(
        doc.to_string()
            .contains("\n  { title = \"重大项目加快落地\" },\n"),
        "{doc}"
    );
}

#[test]
fn items_of_an_inline_list_are_added_moved_and_deleted_one_a_line() {
    let mut doc: DocumentMut = REPORT.parse().unwrap();
    edit(
        &mut doc,
        r#"{"op":"insert","path":["achievements",0,"items"],"value":{"title":"园区配套不断完善"}}"#,
    );
    let text = doc.to_string();
    assert!(
        text.contains("  { title = \"要素保障更加有力\", text = \"新增建设用地指标1200亩。\" },\n  { title = \"园区配套不断完善\" },\n]\n"),
        "{text}"
    );
    edit(
        &mut doc,
        r#"{"op":"set","path":["achievements",0,"items",3,"text"],"value":"建成人才公寓300套。"}"#,
    );
    assert!(
        doc.to_string()
            .contains("\n  { title = \"园区配套不断完善\", text = \"建成人才公寓300套。\" },\n]\n"),
        "{doc}"
    );
    // Moved up: the two lines change places, nothing else changes.
    let before = doc.to_string();
    edit(
        &mut doc,
        r#"{"op":"move","path":["achievements",0,"items",2],"by":-1}"#,
    );
    let after = doc.to_string();
    let mut a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let at = a
        .iter()
        .position(|l| l.contains("产业链招商取得突破"))
        .unwrap();
    a.swap(at, at + 1);
    assert_eq!(a.len(), b.len());
    assert_eq!(
        titles(&doc, "achievements"),
        "全力推进项目建设\n  重大项目加快落地\n  要素保障更加有力\n  产业链招商取得突破\n  园区配套不断完善\n持续优化营商环境\n"
    );
    for (x, y) in a.iter().zip(&b) {
        if !x.contains("产业链") && !x.contains("要素保障") {
            assert_eq!(x, y);
        }
    }
    // The comment written after 产业链招商取得突破 is still after it.
    assert!(after.contains("56.3亿元。\" },  # 6月底数\n"), "{after}");
    // Deleted: its line goes, the others stay.
    let before = doc.to_string();
    edit(
        &mut doc,
        r#"{"op":"delete","path":["achievements",0,"items",0]}"#,
    );
    let (added, removed) = diff(&before, &doc.to_string());
    assert_eq!(added, Vec::<String>::new());
    assert_eq!(
        removed,
        ["  { title = \"重大项目加快落地\", text = \"新材料产业园开工建设。\" },"]
    );
    // The one-line list: moved, it stays on one line.
    edit(&mut doc, r#"{"op":"move","path":["plan",1],"by":-1}"#);
    assert!(doc.to_string().starts_with(
        "plan = [{ title = \"深化改革创新\", text = \"推进“标准地”改革。\" }, { title = \"持续扩大有效投资\", text = \"全年完成固定资产投资70亿元。\" }]\n\n[report]\n"
    ), "{doc}");
    edit(
        &mut doc,
        r#"{"op":"insert","path":["plan"],"value":{"title":"加强安全生产"}}"#,
    );
    assert!(
        doc.to_string()
            .lines()
            .next()
            .unwrap()
            .ends_with("}, { title = \"加强安全生产\" }]"),
        "{doc}"
    );
}

#[test]
fn inline_items_indent_and_outdent_keeping_the_document_order() {
    let mut doc: DocumentMut = REPORT.parse().unwrap();
    edit(
        &mut doc,
        r#"{"op":"indent","path":["achievements",0,"items",1]}"#,
    );
    assert_eq!(
        titles(&doc, "achievements"),
        "全力推进项目建设\n  重大项目加快落地\n    产业链招商取得突破\n  要素保障更加有力\n持续优化营商环境\n"
    );
    edit(
        &mut doc,
        r#"{"op":"outdent","path":["achievements",0,"items",0,"items",0]}"#,
    );
    assert_eq!(
        titles(&doc, "achievements"),
        "全力推进项目建设\n  重大项目加快落地\n  产业链招商取得突破\n  要素保障更加有力\n持续优化营商环境\n"
    );
    // Out of the inline list into the [[achievements]] tables: the sibling after it
    // follows under it, and it is written as a [[achievements]] table.
    edit(
        &mut doc,
        r#"{"op":"outdent","path":["achievements",0,"items",1]}"#,
    );
    assert_eq!(
        titles(&doc, "achievements"),
        "全力推进项目建设\n  重大项目加快落地\n产业链招商取得突破\n  要素保障更加有力\n持续优化营商环境\n"
    );
    let text = doc.to_string();
    let new = text.find("title = \"产业链招商取得突破\"").unwrap();
    assert!(text[..new].ends_with("[[achievements]]\n"), "{text}");
    assert!(
        text.find("title = \"持续优化营商环境\"").unwrap() > new,
        "{text}"
    );
    // An untouched part stays byte for byte.
    assert!(text.starts_with(&REPORT[..REPORT.find("# 主要工作").unwrap()]));
}

#[test]
fn the_editor_numbers_and_places_diagnostics_on_inline_items() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let mut options = EditorOptions::default();
    options.report = Some(report.clone());
    options.folder = dir.path().to_path_buf();
    options.autosave = true;
    let editor = Editor::new(Session::default(), options).unwrap();
    let body = r#"{"edits":[{"op":"set","path":["achievements",0,"items",2,"text"],"value":"新增建设用地指标1200亩，盘活低效用地800亩。"},{"op":"move","path":["plan",1],"by":-1}]}"#;
    let r = editor.handle(&Request::new(
        "POST",
        "/api/edit",
        &[],
        body.as_bytes().to_vec(),
    ));
    assert_eq!(r.status, 200);
    let state: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(state["ok"], true, "{}", state["diagnostics"]);
    let number = |path: serde_json::Value| {
        state["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == path)
            .map(|n| n["number"].as_str().unwrap().to_string())
    };
    assert_eq!(
        number(serde_json::json!(["achievements", 0, "items", 2])).as_deref(),
        Some("3."),
        "{}",
        state["numbers"]
    );
    assert_eq!(
        number(serde_json::json!(["plan", 1])).as_deref(),
        Some("（二）")
    );
    let saved = std::fs::read_to_string(&report).unwrap();
    assert!(saved.contains("  { title = \"要素保障更加有力\", text = \"新增建设用地指标1200亩，盘活低效用地800亩。\" },\n]"), "{saved}");
    // A bad value in an inline item is placed at its field.
    let body = r#"{"edits":[{"op":"set","path":["achievements",0,"items",1,"text"],"raw":"12"}]}"#;
    let r = editor.handle(&Request::new(
        "POST",
        "/api/edit",
        &[],
        body.as_bytes().to_vec(),
    ));
    let state: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    let placed = state["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == serde_json::json!(["achievements", 0, "items", 1, "text"]));
    assert!(placed, "{}", state["diagnostics"]);
}
