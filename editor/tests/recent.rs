//! 最近打开: the reports the editor opened, the latest first, kept in a file of the user's
//! config folder, offered on the start page, a file that is gone marked as such.

use huibao_editor::recent::{self, MAX_RECENT};
use huibao_editor::{Editor, EditorOptions, Request};
use huibao_pipeline::Session;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// An editor on the start page of `folder`, keeping its list in `list`.
fn start_page(folder: &Path, list: &Path) -> Editor {
    let mut options = EditorOptions::default();
    options.folder = folder.to_path_buf();
    options.recent = Some(list.to_path_buf());
    Editor::new(Session::default(), options).unwrap()
}

fn post(editor: &Editor, url: &str, body: &str) -> Value {
    let r = editor.handle(&Request::new("POST", url, &[], body.as_bytes().to_vec()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    serde_json::from_slice(&r.body).unwrap()
}

fn recent_names(state: &Value) -> Vec<String> {
    state["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

fn state(editor: &Editor) -> Value {
    let r = editor.handle(&Request::new("GET", "/api/state", &[], Vec::new()));
    serde_json::from_slice(&r.body).unwrap()
}

#[test]
fn the_start_page_offers_the_reports_opened_last_bounded_and_marks_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("报告");
    std::fs::create_dir(&folder).unwrap();
    // The config folder does not exist yet: the first report opened makes it.
    let list = dir.path().join("config").join("huibao").join("recent.json");
    let names: Vec<String> = (1..=12)
        .map(|m| format!("金川开发区2022年{m}月工作报告.toml"))
        .collect();
    for name in &names {
        std::fs::write(
            folder.join(name),
            "[report]\norganization = \"金川经济技术开发区管委会\"\n",
        )
        .unwrap();
    }
    {
        let editor = start_page(&folder, &list);
        assert_eq!(recent_names(&state(&editor)), Vec::<String>::new());
        for name in &names {
            let opened = post(
                &editor,
                "/api/open",
                &serde_json::json!({ "path": name }).to_string(),
            );
            assert!(opened["file"].as_str().unwrap().ends_with(name.as_str()));
            // While a report is open, the list is not sent.
            assert_eq!(opened["recent"], serde_json::json!([]));
        }
        // Opened again: first, not twice.
        post(
            &editor,
            "/api/open",
            &serde_json::json!({ "path": &names[5] }).to_string(),
        );
    }
    std::fs::remove_file(folder.join(&names[10])).unwrap();

    let editor = start_page(&folder, &list);
    let shown = state(&editor);
    let mut expected: Vec<String> = vec![names[5].clone()];
    expected.extend(
        names
            .iter()
            .rev()
            .filter(|n| *n != &names[5])
            .take(MAX_RECENT - 1)
            .cloned(),
    );
    assert_eq!(recent_names(&shown), expected);
    let entries = shown["recent"].as_array().unwrap();
    for entry in entries {
        let gone = entry["name"] == names[10].as_str();
        assert_eq!(entry["exists"], !gone, "{entry}");
        assert!(Path::new(entry["path"].as_str().unwrap()).is_absolute());
        assert_eq!(
            PathBuf::from(entry["folder"].as_str().unwrap()),
            folder.canonicalize().unwrap()
        );
    }
    // One click: the path the list holds opens the report.
    let path = entries[1]["path"].as_str().unwrap();
    let opened = post(
        &editor,
        "/api/open",
        &serde_json::json!({ "path": path }).to_string(),
    );
    assert_eq!(opened["file"], path);
    assert_eq!(recent::read(&list)[0], PathBuf::from(path));
}

#[test]
fn a_list_file_that_is_not_the_editors_is_an_empty_list_and_is_written_anew() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("recent.json");
    let report = dir.path().join("金川开发区2022年上半年工作总结.toml");
    std::fs::write(&report, "[report]\n").unwrap();
    for junk in [
        b"not json at all".to_vec(),
        br#"{"reports": ["relative/report.toml", 42]}"#.to_vec(),
        vec![b' '; 70 * 1024],
    ] {
        std::fs::write(&list, &junk).unwrap();
        assert_eq!(recent::read(&list), Vec::<PathBuf>::new());
        recent::add(&list, &report).unwrap();
        assert_eq!(recent::read(&list), vec![report.canonicalize().unwrap()]);
    }
}
