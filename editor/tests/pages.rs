//! Where the page's words depend on a count, the server words them: the PDF's page count
//! of /api/pages is in the run's language, in English in the plural form its count takes.

use huibao_editor::{Editor, EditorOptions, Request};
use huibao_i18n::Lang;
use huibao_pipeline::Session;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn get(editor: &Editor, url: &str) -> Value {
    let r = editor.handle(&Request::new("GET", url, &[], Vec::new()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    serde_json::from_slice(&r.body).unwrap()
}

/// An editor on a copy of the repository's report `name`, its state asked once (which
/// renders it).
fn editing(dir: &Path, name: &str) -> Editor {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name);
    let copy = dir.join(source.file_name().unwrap());
    std::fs::copy(&source, &copy).unwrap();
    let mut options = EditorOptions::default();
    options.report = Some(copy);
    options.folder = dir.to_path_buf();
    let editor = Editor::new(Session::default(), options).unwrap();
    assert_eq!(get(&editor, "/api/state")["ok"], true);
    editor
}

#[test]
fn the_pdfs_page_count_is_worded_in_the_runs_language_and_plural() {
    let dir = tempfile::tempdir().unwrap();
    let mut counts = Vec::new();
    // One page, and a report of several.
    for name in ["tests/watch/jinchuan.toml", "examples/ecopark-2022.toml"] {
        let editor = editing(dir.path(), name);
        // The only test in this file that sets the language.
        for lang in Lang::ALL {
            huibao_i18n::set_language(lang);
            let pages = get(&editor, "/api/pages");
            let count = pages["count"].as_u64().unwrap();
            let want = match (lang, count) {
                (Lang::ZhCn, n) => format!("PDF 共{n}页"),
                (Lang::En, 1) => "PDF: 1 page".to_string(),
                (Lang::En, n) => format!("PDF: {n} pages"),
            };
            assert_eq!(pages["summary"], want, "{name} in {lang}");
            counts.push(count);
        }
    }
    assert!(
        counts.contains(&1) && counts.iter().any(|&n| n > 1),
        "{counts:?}"
    );
}
