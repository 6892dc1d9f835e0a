//! Every example and the starter report check clean and render.

mod support;
use support::{huibao, page_text};

fn examples() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".toml"))
        .collect();
    v.sort();
    assert!(v.len() >= 3, "at least three examples");
    v
}

#[test]
fn examples_check_without_warnings() {
    for example in examples() {
        let out = huibao(&["check", "--deny-warnings", &example]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{example}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{example} printed warnings:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn examples_render_to_html_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap();
    for example in examples() {
        let out = huibao(&["render", &example, "--format", "html,txt", "--out", out_dir]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{example}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stem = std::path::Path::new(&example)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let text = std::fs::read_to_string(dir.path().join(format!("{stem}.txt"))).unwrap();
        let html = std::fs::read_to_string(dir.path().join(format!("{stem}.html"))).unwrap();
        // Every line of the text stands in the page's text, in order.
        let page = page_text(&html).replace('\n', "");
        let mut from = 0;
        for line in text
            .lines()
            .filter(|l| !l.contains(['<', '>', '&', '"', '\'']))
        {
            match page[from..].find(line) {
                Some(at) => from += at + line.len(),
                None => panic!("{example}: {line:?} missing from the HTML (or out of order)"),
            }
        }
        assert!(
            !text.contains("。。") && !text.contains("，，"),
            "{example}: doubled punctuation"
        );
        assert!(!text.contains("{{"), "{example}: an unfilled expression");
    }
}

#[test]
fn new_writes_a_starter_that_renders_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.toml");
    let p = path.to_str().unwrap();
    assert_eq!(huibao(&["new", p]).status.code(), Some(0));
    let out = huibao(&["check", "--deny-warnings", p]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&path, "# mine").unwrap();
    assert_eq!(huibao(&["new", p]).status.code(), Some(3));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine");
}

#[test]
fn schema_is_json() {
    let out = huibao(&["schema"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["required"][0], "report");
}
