//! 专题段落 in the editor: `GET /api/plugins` lists the plugins a report can use with their
//! config schema (the bundled `fund` and `party`), and a `fund` section added and filled
//! through the edit API is a report `huibao check` accepts, whose fund table renders,
//! with every byte the edits did not touch unchanged.

use huibao_editor::{Editor, EditorOptions, Request};
use huibao_pipeline::{Format, Options, Session};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Where cargo put the bundled plugins (dev-dependencies): the test binary's own folder.
fn plugin_dir() -> PathBuf {
    std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf()
}

fn session() -> Session {
    let mut options = Options::default();
    options.plugin_dirs = vec![plugin_dir()];
    Session::new(options)
}

fn editor_of(report: &Path) -> Editor {
    let mut options = EditorOptions::default();
    options.report = Some(report.to_path_buf());
    options.folder = report.parent().unwrap().to_path_buf();
    Editor::new(session(), options).unwrap()
}

fn request(editor: &Editor, method: &str, url: &str, body: &Value) -> (u16, Value) {
    let body = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    let r = editor.handle(&Request::new(method, url, &[], body));
    (
        r.status,
        serde_json::from_slice(&r.body).unwrap_or(Value::Null),
    )
}

fn edit(editor: &Editor, edits: Value) -> Value {
    let (status, state) = request(editor, "POST", "/api/edit", &json!({ "edits": edits }));
    assert_eq!(status, 200, "{state}");
    state
}

const REPORT: &str = "\
# 青川经开区2022年上半年工作总结
[report]
organization = \"青川经济技术开发区管委会\"   # 发文机关
period = \"2022-H1\"
date = 2022-07-08

[[indicators]]
name = \"营业收入\"
value = 215.6
unit = \"亿元\"
previous = 196.3

[[achievements]]
title = \"多措并举加强招商引资\"
text = \"上半年新签约项目28个，总投资额156亿元。\"

[[plan]]
title = \"全力以赴稳增长\"
text = \"紧盯全年目标任务，确保完成全年营业收入460亿元的目标。\"
";

#[test]
fn the_plugins_route_lists_the_bundled_plugins_with_their_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("park.toml");
    std::fs::write(&report, REPORT).unwrap();
    let editor = editor_of(&report);
    let (status, answer) = request(&editor, "GET", "/api/plugins", &Value::Null);
    assert_eq!(status, 200, "{answer}");
    let plugins = answer["plugins"].as_array().unwrap();
    let named = |name: &str| {
        plugins
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} is not listed: {answer}"))
    };
    for (name, own) in [("fund", "fund/schema.json"), ("party", "party/schema.json")] {
        let plugin = named(name);
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../plugins")
                    .join(own),
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(plugin["error"], Value::Null, "{plugin}");
        assert_eq!(plugin["kind"], "native");
        assert_eq!(
            plugin["schema"], schema,
            "{name}: the schema the plugin declares"
        );
        assert_eq!(plugin["title"], schema["title"]);
        // As written: the page shows the properties in the author's order.
        let text = plugin["schema_text"].as_str().unwrap();
        assert_eq!(serde_json::from_str::<Value>(text).unwrap(), schema);
        let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap();
        assert!(at("title") < at("properties"), "{name}: {text}");
        assert!(plugin["version"].as_str().is_some_and(|v| !v.is_empty()));
    }
    assert_eq!(named("fund")["title"], "fund: 基金/资金保障");
    // Each name once: the first one found is the one a report gets.
    let mut names: Vec<&str> = plugins
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let all = names.len();
    names.dedup();
    assert_eq!(names.len(), all, "{names:?}");
    // Where the host looked, the tests' folder first.
    assert_eq!(
        answer["searched"][0]["path"],
        plugin_dir().display().to_string()
    );
}

#[test]
fn broken_plugins_are_listed_with_the_hosts_message() {
    let dir = tempfile::tempdir().unwrap();
    let plugins = dir.path().join("plugins");
    // A template plugin whose schema the host refuses (a type it does not know).
    std::fs::create_dir_all(plugins.join("talent")).unwrap();
    std::fs::write(
        plugins.join("talent/plugin.toml"),
        "name = \"talent\"\nversion = \"0.1.0\"\ndescription = \"人才引育\"\n\n[schema]\ntype = \"tuple\"\n",
    )
    .unwrap();
    std::fs::write(plugins.join("talent/section.hbs"), "一、强化人才支撑\n").unwrap();
    // A native plugin that is no library at all.
    let garbage = plugins.join(huibao_host::native_file_name("service"));
    std::fs::write(&garbage, "这不是插件库").unwrap();
    // The report's `[plugins] paths` is searched, as the renderer searches it.
    let report = dir.path().join("park.toml");
    std::fs::write(
        &report,
        format!("[plugins]\npaths = [\"plugins\"]\n\n{REPORT}"),
    )
    .unwrap();
    let editor = editor_of(&report);
    let (_, answer) = request(&editor, "GET", "/api/plugins", &Value::Null);
    let talent = answer["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "talent")
        .unwrap_or_else(|| panic!("talent is not listed: {answer}"))
        .clone();
    assert_eq!(talent["kind"], "template");
    let error = talent["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{talent}"));
    assert!(
        error.contains("talent") && error.contains("`type`"),
        "{error}"
    );
    assert_eq!(talent["schema"], Value::Null);
    let service = answer["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "service")
        .unwrap_or_else(|| panic!("service is not listed: {answer}"));
    assert_eq!(service["kind"], "native");
    let error = service["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{service}"));
    assert!(error.contains("service"), "{error}");
    assert_eq!(service["schema_text"], Value::Null);
}

#[test]
fn a_fund_section_added_and_filled_through_the_api_checks_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("park.toml");
    std::fs::write(&report, REPORT).unwrap();
    let editor = editor_of(&report);
    let config = |rest: &[Value]| {
        let mut path = vec![json!("sections"), json!(0), json!("config")];
        path.extend_from_slice(rest);
        Value::Array(path)
    };
    edit(
        &editor,
        json!([{ "op": "insert", "path": ["sections"], "value": { "plugin": "fund" } }]),
    );
    edit(
        &editor,
        json!([
            { "op": "set", "path": config(&[json!("title")]), "value": "强化基金赋能，拓宽多元融资渠道" },
            { "op": "set", "path": config(&[json!("chart")]), "value": true },
            { "op": "insert", "path": config(&[json!("funds")]), "value": {} },
            { "op": "set", "path": config(&[json!("funds"), json!(0), json!("name")]), "value": "青川经开区产业引导母基金" },
            { "op": "set", "path": config(&[json!("funds"), json!(0), json!("kind")]), "value": "母基金" },
            { "op": "set", "path": config(&[json!("funds"), json!(0), json!("stage")]), "value": "已投资" },
            { "op": "set", "path": config(&[json!("funds"), json!(0), json!("industries")]), "value": ["集成电路", "生物医药"] },
        ]),
    );
    // A value the schema refuses is an error at its field, in the host's words.
    let size = config(&[json!("funds"), json!(0), json!("size")]);
    let state = edit(
        &editor,
        json!([{ "op": "set", "path": size, "raw": "-30" }]),
    );
    assert_eq!(state["ok"], false, "{state}");
    let at_size: Vec<&Value> = state["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == size)
        .collect();
    assert_eq!(at_size.len(), 1, "{}", state["diagnostics"]);
    assert!(
        at_size[0]["message"].as_str().unwrap().contains("fund"),
        "{}",
        at_size[0]
    );
    // Put right: numbers, as numbers (what the plugin itself asks of a fund invested in).
    let invested = config(&[json!("funds"), json!(0), json!("invested")]);
    let state = edit(
        &editor,
        json!([{ "op": "set", "path": size, "raw": "30" }, { "op": "set", "path": invested, "raw": "8.6" }]),
    );
    assert_eq!(state["ok"], true, "{}", state["diagnostics"]);
    assert_eq!(
        state["report"]["sections"][0]["config"]["funds"][0]["size"],
        json!(30)
    );
    assert_eq!(
        state["report"]["sections"][0]["config"]["chart"],
        json!(true)
    );
    let preview = state["preview"].as_str().unwrap();
    assert!(
        preview.contains("园区基金情况表"),
        "no fund table in the preview"
    );
    assert!(preview.contains("青川经开区产业引导母基金"));

    let (status, _) = request(&editor, "POST", "/api/save", &json!({}));
    assert_eq!(status, 200);
    let text = std::fs::read_to_string(&report).unwrap();
    // Untouched bytes unchanged: the report as it was, then the section.
    assert!(text.starts_with(REPORT), "{text}");
    let added = &text[REPORT.len()..];
    assert!(added.contains("[[sections]]\nplugin = \"fund\""), "{added}");
    assert!(added.contains("size = 30\n"), "{added}");
    assert!(added.contains("invested = 8.6\n"), "{added}");
    assert!(added.contains("chart = true\n"), "{added}");
    assert!(
        added.contains("industries = [\"集成电路\", \"生物医药\"]"),
        "{added}"
    );

    // What `huibao check` does: the saved file prepares without an error, and renders the
    // fund table.
    let session = session();
    let prepared = session.prepare(&report).unwrap_or_else(|d| panic!("{d:?}"));
    let html = session.render(&prepared, &[Format::Html]).unwrap();
    let html = String::from_utf8_lossy(&html.outputs[0].bytes);
    assert!(
        html.contains("园区基金情况表") && html.contains("30"),
        "no fund table"
    );
}
