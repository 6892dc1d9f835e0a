//! Edits through toml_edit: an edit's diff is the lines of that edit; items move,
//! indent and outdent; diagnostics name their field; the API answers.

use huibao_editor::{apply, Edit, Editor, EditorOptions, Request, SpanIndex, Step};
use huibao_pipeline::{Session, SourceFile};
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn edit(json: &str) -> Edit {
    serde_json::from_str(json).unwrap()
}

fn changed_lines(before: &str, after: &str) -> Vec<(usize, String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(
        a.len(),
        b.len(),
        "the edit added or removed lines:\n{after}"
    );
    a.iter()
        .zip(&b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i + 1, x.to_string(), y.to_string()))
        .collect()
}

#[test]
fn editing_one_field_of_each_example_changes_only_its_line() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut doc: DocumentMut = text.parse().unwrap();
        assert_eq!(
            doc.to_string(),
            text,
            "{} does not round-trip",
            path.display()
        );
        // The organization, the first achievement's title, a figure.
        let edits = [
            r#"{"op":"set","path":["report","organization"],"value":"测试园区管委会"}"#,
            r#"{"op":"set","path":["achievements",0,"title"],"value":"改过的标题"}"#,
        ];
        for e in edits {
            let before = doc.to_string();
            apply(&mut doc, &edit(e)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let after = doc.to_string();
            let lines = changed_lines(&before, &after);
            assert_eq!(lines.len(), 1, "{}: {e} changed {lines:?}", path.display());
        }
        let figure = if text.contains("[[indicators]]") {
            Some(r#"{"op":"set","path":["indicators",1,"value"],"raw":"123.50"}"#)
        } else {
            None
        };
        if let Some(e) = figure {
            let before = doc.to_string();
            apply(&mut doc, &edit(e)).unwrap();
            let lines = changed_lines(&before, &doc.to_string());
            assert_eq!(lines.len(), 1, "{}: {lines:?}", path.display());
            assert!(lines[0].2.starts_with("value = 123.50"), "{lines:?}");
        }
        seen += 1;
    }
    assert!(seen >= 4, "the examples were not found");
}

#[test]
fn comments_after_a_value_stay_with_it() {
    let text = "[report]\nrecipient = \"示范市人民政府\"   # 主送机关 (optional)\n";
    let mut doc: DocumentMut = text.parse().unwrap();
    apply(
        &mut doc,
        &edit(r#"{"op":"set","path":["report","recipient"],"value":"金川市人民政府"}"#),
    )
    .unwrap();
    assert_eq!(
        doc.to_string(),
        "[report]\nrecipient = \"金川市人民政府\"   # 主送机关 (optional)\n"
    );
    apply(
        &mut doc,
        &edit(r#"{"op":"set","path":["report","recipient"],"value":null}"#),
    )
    .unwrap();
    assert_eq!(doc.to_string(), "[report]\n");
}

#[test]
fn prose_with_line_breaks_is_a_multi_line_literal() {
    let mut doc = DocumentMut::new();
    apply(
        &mut doc,
        &edit(r#"{"op":"set","path":["summary","text"],"value":"第一段。\n\n第二段“引号”\\。\n"}"#),
    )
    .unwrap();
    assert_eq!(
        doc.to_string(),
        "[summary]\ntext = '''\n第一段。\n\n第二段“引号”\\。\n'''\n"
    );
    let v: toml::Value = toml::from_str(&doc.to_string()).unwrap();
    assert_eq!(
        v["summary"]["text"].as_str(),
        Some("第一段。\n\n第二段“引号”\\。\n")
    );
}

const OUTLINE: &str = r#"[report]
organization = "园区"

# 主要工作
[[achievements]]
title = "甲"
text = "甲的正文"

[[achievements.items]]
title = "甲一"

[[achievements]]
title = "乙"   # 第二条

[[achievements]]
title = "丙"

[[plan]]
title = "计划"
"#;

fn titles(doc: &DocumentMut) -> String {
    let v: toml::Value = toml::from_str(&doc.to_string()).unwrap();
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
    let mut out = String::new();
    walk(&v["achievements"], 0, &mut out);
    out
}

#[test]
fn items_move_indent_and_outdent_with_their_sub_items() {
    let mut doc: DocumentMut = OUTLINE.parse().unwrap();
    apply(
        &mut doc,
        &edit(r#"{"op":"move","path":["achievements",1],"by":-1}"#),
    )
    .unwrap();
    assert_eq!(titles(&doc), "乙\n甲\n  甲一\n丙\n");
    let text = doc.to_string();
    assert!(
        text.find("title = \"乙\"   # 第二条").unwrap() < text.find("title = \"甲\"").unwrap(),
        "{text}"
    );
    assert!(
        text.find("甲一").unwrap() < text.find("title = \"丙\"").unwrap(),
        "{text}"
    );
    assert!(text.trim_end().ends_with("title = \"计划\""), "{text}");

    apply(
        &mut doc,
        &edit(r#"{"op":"indent","path":["achievements",2]}"#),
    )
    .unwrap();
    assert_eq!(titles(&doc), "乙\n甲\n  甲一\n  丙\n");
    apply(
        &mut doc,
        &edit(r#"{"op":"outdent","path":["achievements",1,"items",0]}"#),
    )
    .unwrap();
    // Out of its parent, after it; the sibling after it (丙) follows it still, under it.
    assert_eq!(titles(&doc), "乙\n甲\n甲一\n  丙\n");
    apply(
        &mut doc,
        &edit(r#"{"op":"delete","path":["achievements",0]}"#),
    )
    .unwrap();
    assert_eq!(titles(&doc), "甲\n甲一\n  丙\n");
    apply(
        &mut doc,
        &edit(r#"{"op":"insert","path":["achievements"],"index":0,"value":{"title":"新"}}"#),
    )
    .unwrap();
    assert_eq!(titles(&doc), "新\n甲\n甲一\n  丙\n");
    apply(
        &mut doc,
        &edit(r#"{"op":"insert","path":["achievements",2,"items"],"value":{"title":"新二"}}"#),
    )
    .unwrap();
    assert_eq!(titles(&doc), "新\n甲\n甲一\n  丙\n  新二\n");
    // Moving the first item up is refused, and the report is as it was.
    let before = doc.to_string();
    assert!(apply(
        &mut doc,
        &edit(r#"{"op":"move","path":["achievements",0],"by":-1}"#)
    )
    .is_err());
    assert_eq!(doc.to_string(), before);
    assert!(doc.to_string().contains("# 主要工作"));
}

#[test]
fn an_empty_report_grows_from_forms() {
    let mut doc = DocumentMut::new();
    for e in [
        r#"{"op":"set","path":["report","organization"],"value":"金川经济技术开发区管委会"}"#,
        r#"{"op":"set","path":["report","period"],"value":"2022-H1"}"#,
        r#"{"op":"set","path":["report","date"],"raw":"2022-07-08"}"#,
        r#"{"op":"insert","path":["indicators"],"value":{"name":"营业收入","unit":"亿元"}}"#,
        r#"{"op":"set","path":["indicators",0,"value"],"raw":"123.5"}"#,
        r#"{"op":"insert","path":["achievements"],"value":{"title":"招商引资"}}"#,
        r#"{"op":"insert","path":["plan"],"value":{"title":"项目建设"}}"#,
    ] {
        apply(&mut doc, &edit(e)).unwrap();
    }
    let p = Session::default()
        .prepare_source(SourceFile::new("r.toml", doc.to_string()))
        .unwrap_or_else(|d| panic!("{d}\n{doc}"));
    assert_eq!(
        p.document.meta.title,
        "金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划"
    );
}

#[test]
fn a_diagnostic_names_the_field_it_is_about() {
    let text = "[report]\norganization = \"园区\"\nperiod = \"2022-H3\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 1\nunit = \"亿元\"\ntarget = -5\n";
    let d = Session::default()
        .prepare_source(SourceFile::new("r.toml", text))
        .expect_err("errors");
    let index = SpanIndex::of(text);
    let paths: Vec<_> =
        d.0.iter()
            .filter_map(|d| d.span.clone())
            .map(|s| index.path_at(s.start).cloned())
            .collect();
    assert!(
        paths.contains(&Some(vec![
            Step::Key("report".into()),
            Step::Key("period".into())
        ])),
        "{paths:?}"
    );
    let at = text.find("-5").unwrap();
    assert_eq!(
        index.path_at(at),
        Some(&vec![
            Step::Key("indicators".into()),
            Step::Index(0),
            Step::Key("target".into())
        ])
    );
}

/// A request as the server hands it over (checked and its body read: the checks are
/// the server's, tested in preview/tests/http.rs and tests/server.rs).
fn request(editor: &Editor, method: &str, url: &str, body: &str) -> (u16, serde_json::Value) {
    let r = editor.handle(&Request::new(method, url, &[], body.as_bytes().to_vec()));
    (
        r.status,
        serde_json::from_slice(&r.body).unwrap_or(serde_json::Value::Null),
    )
}

fn editor_of(report: &Path, autosave: bool) -> Editor {
    let mut options = EditorOptions::default();
    options.report = Some(report.to_path_buf());
    options.folder = report.parent().unwrap().to_path_buf();
    options.autosave = autosave;
    Editor::new(Session::default(), options).unwrap()
}

#[test]
fn the_api_edits_checks_previews_saves_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("park.toml");
    std::fs::write(&report, OUTLINE).unwrap();
    let editor = editor_of(&report, true);

    // Not found: paths outside the app (the server answers them before the editor
    // does; the editor refuses them too).
    let (status, _) = request(&editor, "GET", "/../Cargo.toml", "");
    assert_eq!(status, 404);

    // The report lacks period and date: errors.
    let (status, state) = request(&editor, "GET", "/api/state", "");
    assert_eq!(status, 200);
    assert!(state["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["severity"] == "error"));
    assert_eq!(state["ok"], false);

    let (_, state) = request(
        &editor,
        "POST",
        "/api/edit",
        r#"{"edits":[{"op":"set","path":["report","period"],"value":"2022-H1"},{"op":"set","path":["report","date"],"raw":"2022-07-08"}]}"#,
    );
    assert_eq!(state["ok"], true, "{}", state["diagnostics"]);
    assert!(state["preview"]
        .as_str()
        .unwrap()
        .contains("园区2022年上半年工作总结"));
    assert!(state["render_ms"].as_f64().unwrap() > 0.0);
    // Numbers as they print.
    let numbers = state["numbers"].as_array().unwrap();
    let number = |p: serde_json::Value| {
        numbers
            .iter()
            .find(|n| n["path"] == p)
            .map(|n| n["number"].clone())
    };
    assert_eq!(
        number(serde_json::json!(["achievements", 0])),
        Some("（一）".into()),
        "{numbers:?}"
    );
    assert_eq!(
        number(serde_json::json!(["achievements", 2])),
        Some("（三）".into())
    );
    assert_eq!(
        number(serde_json::json!(["achievements", 0, "items", 0])),
        Some("1.".into())
    );
    // Autosaved.
    let saved = std::fs::read_to_string(&report).unwrap();
    assert!(
        saved.contains("period = \"2022-H1\"") && saved.contains("# 主要工作"),
        "{saved}"
    );
    assert_eq!(state["dirty"], false);

    // An error keeps the last good preview.
    let good = state["preview"].clone();
    let (_, state) = request(
        &editor,
        "POST",
        "/api/edit",
        r#"{"edits":[{"op":"set","path":["report","period"],"value":"2022-H3"}]}"#,
    );
    assert_eq!(state["ok"], false);
    assert_eq!(state["preview"], good);
    let d = &state["diagnostics"][0];
    assert_eq!(d["path"], serde_json::json!(["report", "period"]), "{d}");
    assert!(d["line"].as_u64().is_some());

    // Undo, redo.
    let (_, state) = request(&editor, "POST", "/api/undo", "");
    assert_eq!(state["ok"], true);
    assert_eq!(state["report"]["report"]["period"], "2022-H1");
    let (_, state) = request(&editor, "POST", "/api/redo", "");
    assert_eq!(state["report"]["report"]["period"], "2022-H3");
    request(&editor, "POST", "/api/undo", "");

    // Another program writes the file: noticed, and reloaded on request.
    std::fs::write(&report, OUTLINE.replace("园区", "他人改过的园区")).unwrap();
    let (_, disk) = request(&editor, "GET", "/api/disk", "");
    assert_eq!(disk["disk_changed"], true);
    let (_, state) = request(&editor, "POST", "/api/reload", "");
    assert_eq!(state["report"]["report"]["organization"], "他人改过的园区");
    assert_eq!(state["disk_changed"], false);

    // Figures as core words them.
    let (_, f) = request(
        &editor,
        "POST",
        "/api/figures",
        r#"{"rows":[{"value":"123.5","unit":"亿元","previous":110.2,"target":250}]}"#,
    );
    assert_eq!(f["figures"][0]["growth"], "同比增长12.1%");
    assert_eq!(f["figures"][0]["completion"], "完成全年目标的49.4%");
}

#[test]
fn export_writes_next_to_the_report_and_offers_downloads() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("starter.toml");
    std::fs::write(&report, huibao_editor::STARTER).unwrap();
    let editor = editor_of(&report, false);
    let (status, out) = request(
        &editor,
        "POST",
        "/api/export",
        r#"{"formats":["html","docx"]}"#,
    );
    assert_eq!(status, 200, "{out}");
    assert!(dir.path().join("starter.docx").is_file());
    assert!(dir.path().join("starter.html").is_file());
    let r = editor.handle(&Request::new(
        "GET",
        "/api/download?name=starter.docx",
        &[],
        Vec::new(),
    ));
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body,
        std::fs::read(dir.path().join("starter.docx")).unwrap()
    );
    // Only exported files are offered.
    let (status, _) = request(&editor, "GET", "/api/download?name=starter.toml", "");
    assert_eq!(status, 404);
}

#[test]
fn check_notes_of_an_import_name_their_fields() {
    let text = "[report]\n# CHECK: the date is a guess\ndate = 2022-07-08\norganization = \"园区\"   # CHECK: from the signature\n";
    let notes = huibao_editor::check_notes(text);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["path"], serde_json::json!(["report", "date"]));
    assert_eq!(
        notes[1]["path"],
        serde_json::json!(["report", "organization"])
    );
    // A report imported by a run in Chinese, opened by one in English (and the other way).
    let text = "[report]\n# 待核对：原文中没有成文日期：暂以报告期结束后的第一天（date = 2023-01-01）代替\n\
                date = 2023-01-01  # 待核对：原文中没有成文日期：暂用报告期结束后的第一天，请填写成文日期\n\
                organization = \"园区\"\n";
    let notes = huibao_editor::check_notes(text);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0]["path"], serde_json::json!(["report", "date"]));
    assert_eq!(
        notes[1]["note"],
        "原文中没有成文日期：暂用报告期结束后的第一天，请填写成文日期"
    );
}

#[test]
fn importing_last_periods_report_lists_its_doubts() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = EditorOptions::default();
    options.folder = dir.path().to_path_buf();
    let editor = Editor::new(Session::default(), options).unwrap();
    // The start page: no report yet.
    let (_, state) = request(&editor, "GET", "/api/state", "");
    assert_eq!(state["file"], serde_json::Value::Null);
    let source = std::fs::read(root().join("tests/import/gbk.txt")).unwrap();
    let r = editor.handle(&Request::new(
        "POST",
        "/api/import?name=gaoxin-2022.txt",
        &[],
        source,
    ));
    let state: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(r.status, 200, "{state}");
    let written = dir.path().join("gaoxin-2022.toml");
    assert!(written.is_file());
    assert_eq!(state["file"], written.display().to_string());
    assert_eq!(
        state["report"]["achievements"][0]["title"],
        "招商引资成效明显"
    );
    let todos = state["todos"].as_array().unwrap();
    let text = std::fs::read_to_string(&written).unwrap();
    assert_eq!(todos.len(), text.matches("# CHECK:").count(), "{text}");
    assert!(!todos.is_empty(), "{text}");
}

/// Outdenting keeps the order of the document, as Word does: the sub-items after the one
/// outdented become its own, and every item prints with the number it will have.
#[test]
fn outdent_keeps_the_document_order_and_the_numbers_follow() {
    const WORK: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
recipient = "金川市人民政府"

[[achievements]]
title = "全力推进项目建设"

[[achievements.items]]
title = "重大项目加快落地"
text = "新开工项目12个，竣工投产项目8个。"

[[achievements.items]]
title = "产业链招商取得突破"
text = "围绕新材料产业链开展精准招商。"

[[achievements.items.items]]
title = "新签约项目28个"
text = "协议投资额56.3亿元。"

[[achievements.items]]
title = "营商环境持续优化"
text = "深化“放管服”改革，压缩审批时限。"

[[achievements.items]]
title = "要素保障更加有力"
text = "新增建设用地指标1200亩。"

[[achievements]]
title = "统筹抓好安全生产"
text = "开展安全生产大检查，整改隐患326处。"
"#;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("jinchuan.toml");
    std::fs::write(&report, WORK).unwrap();
    let editor = editor_of(&report, true);
    // The titles in the order the file writes them.
    let order = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix("title = \""))
            .map(|t| t.trim_end_matches('"').to_string())
            .collect()
    };
    let (status, state) = request(
        &editor,
        "POST",
        "/api/edit",
        r#"{"edits":[{"op":"outdent","path":["achievements",0,"items",1]}]}"#,
    );
    assert_eq!(status, 200, "{state}");
    let doc: DocumentMut = editor.text().parse().unwrap();
    assert_eq!(
        titles(&doc),
        "全力推进项目建设\n  重大项目加快落地\n产业链招商取得突破\n  新签约项目28个\n  营商环境持续优化\n  要素保障更加有力\n统筹抓好安全生产\n"
    );
    assert_eq!(
        order(&editor.text()),
        order(WORK),
        "the document's order changed"
    );
    let number = |path: serde_json::Value| -> String {
        state["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == path)
            .unwrap_or_else(|| panic!("no number for {path}: {}", state["numbers"]))["number"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // The numbers as they will print (主要工作 is 一、): the outdented item is （二）, its
    // sub-items 1.–3., and the item after it （三）.
    assert_eq!(number(serde_json::json!(["achievements", 0])), "（一）");
    assert_eq!(number(serde_json::json!(["achievements", 1])), "（二）");
    assert_eq!(
        number(serde_json::json!(["achievements", 1, "items", 0])),
        "1."
    );
    assert_eq!(
        number(serde_json::json!(["achievements", 1, "items", 2])),
        "3."
    );
    assert_eq!(number(serde_json::json!(["achievements", 2])), "（三）");
    let text = std::fs::read_to_string(&report).unwrap();
    assert_eq!(order(&text), order(WORK), "the saved file's order changed");
    // The last sub-item outdented takes no siblings along and leaves its parent's list.
    let (_, state) = request(
        &editor,
        "POST",
        "/api/edit",
        r#"{"edits":[{"op":"outdent","path":["achievements",0,"items",0]}]}"#,
    );
    let doc: DocumentMut = editor.text().parse().unwrap();
    assert_eq!(
        titles(&doc),
        "全力推进项目建设\n重大项目加快落地\n产业链招商取得突破\n  新签约项目28个\n  营商环境持续优化\n  要素保障更加有力\n统筹抓好安全生产\n"
    );
    assert!(
        state["report"]["achievements"][0].get("items").is_none(),
        "{state}"
    );
}

/// An edit that cannot be made says so in the catalogs' words, in either language,
/// naming the place.
#[test]
fn a_refused_edit_says_why_in_the_chosen_language() {
    use huibao_i18n::Lang;
    let mut doc: DocumentMut = OUTLINE.parse().unwrap();
    let refused = |doc: &mut DocumentMut, json: &str| apply(doc, &edit(json)).unwrap_err().0;
    let top = refused(&mut doc, r#"{"op":"outdent","path":["achievements",1]}"#);
    assert_eq!(
        top.render(Lang::ZhCn),
        ".achievements[1] 已是最上一级，不能升级"
    );
    let first = refused(&mut doc, r#"{"op":"indent","path":["achievements",0]}"#);
    assert!(
        first
            .render(Lang::ZhCn)
            .starts_with(".achievements[0] 是第一条"),
        "{}",
        first.render(Lang::ZhCn)
    );
    assert!(first.render(Lang::En).contains("is the first item"));
    let missing = refused(&mut doc, r#"{"op":"delete","path":["achievements",7]}"#);
    assert_eq!(missing.render(Lang::ZhCn), ".achievements[7] 中没有第 8 项");
    assert_eq!(
        OUTLINE,
        doc.to_string(),
        "a refused edit changed the report"
    );
}
