//! Plugins through the program: the example with native and template plugins renders,
//! `plugins list` shows what is found, `plugin new` scaffolds plugins that build and
//! render, and a broken section stops the render with a message naming the plugin.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

mod support;
use support::{huibao, page_text, text};

const EXAMPLE: &str = "examples/plugins-kaifaqu-2022h1.toml";

fn stderr(o: &Output) -> String {
    text(&o.stderr)
}

fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

/// Builds the native plugins (fresh, once per run) and returns the folder holding them:
/// the program's own folder, where `cargo build` puts them.
fn native_plugins() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let bin = Path::new(env!("CARGO_BIN_EXE_huibao"));
        let dir = bin.parent().unwrap().to_path_buf();
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args([
                "build",
                "-p",
                "huibao-plugin-fund",
                "-p",
                "huibao-plugin-party",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if dir.ends_with("release") {
            cargo.arg("--release");
        }
        let out = cargo.output().unwrap();
        assert!(
            out.status.success(),
            "cargo build of the plugins:\n{}",
            stderr(&out)
        );
        dir
    })
}

fn render_html(report: &str, extra: &[&str]) -> (Output, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap().to_string();
    let mut args = vec!["render", report, "--format", "html", "--out", &out_dir];
    args.extend_from_slice(extra);
    let o = huibao(&args);
    let stem = Path::new(report).file_stem().unwrap().to_str().unwrap();
    let html = std::fs::read_to_string(dir.path().join(format!("{stem}.html"))).unwrap_or_default();
    (o, page_text(&html), dir)
}

#[test]
fn example_renders_native_and_template_sections() {
    let plugins = native_plugins().to_str().unwrap().to_string();
    let (o, text, _dir) = render_html(EXAMPLE, &["--plugin-dir", &plugins]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for expected in [
        // fund: totals computed from the funds, and the table with its total row.
        "（三）强化基金赋能，拓宽多元融资渠道",
        "截至6月底，园区累计设立（参与）各类基金4支，认缴总规模51亿元，其中母基金1支、规模30亿元，子基金3支、规模21亿元。",
        "累计完成投资11.8亿元，投资进度23.1%。",
        "园区基金情况表",
        "合计",
        // talent (template plugin): its outline numbered by huibao.
        "（四）坚持人才引领，厚植创新发展优势",
        "1.搭建人才平台载体。新建某某院士工作站、某某博士后科研工作站等人才平台2个",
        "累计达成就业意向1915人次。",
        // party, as a part of its own, in the 一是/二是 register.
        "二、坚持党建引领，凝聚高质量发展合力",
        "一是强化组织覆盖。园区现有党委1个、党总支4个、党支部36个，党员786名；",
        "二是严格组织生活。深入开展“三会一课”，上半年累计召开支部党员大会、支委会、党小组会和讲党课212次",
        "三、存在的问题",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the page:\n{text}");
    }
}

#[test]
fn plugins_list_shows_kind_version_abi_and_path() {
    let plugins = native_plugins().to_str().unwrap().to_string();
    let o = huibao(&[
        "plugins",
        "list",
        "--plugin-dir",
        &plugins,
        "--report",
        EXAMPLE,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let line = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no line for {name} in:\n{out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    let version = env!("CARGO_PKG_VERSION");
    let fund = line("fund");
    assert_eq!(fund[1..4], ["native", version, "1.1"], "{out}");
    assert!(fund[4].ends_with(&format!(
        "huibao_plugin_fund{}",
        std::env::consts::DLL_SUFFIX
    )));
    assert_eq!(line("party")[1..4], ["native", version, "1.1"], "{out}");
    let talent = line("talent");
    assert_eq!(talent[1..4], ["template", "0.1.0", "1"], "{out}");
    assert!(talent[4].ends_with("talent"), "{out}");
    assert!(out.contains("searched, in this order:"), "{out}");
    assert!(
        out.contains("(--plugin-dir)") && out.contains("([plugins] paths)"),
        "{out}"
    );
}

#[test]
fn missing_plugin_stops_the_render_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.toml");
    std::fs::write(
        &report,
        "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"fundd\"\n",
    )
    .unwrap();
    let plugins = native_plugins().to_str().unwrap().to_string();
    let (o, text, _out) = render_html(report.to_str().unwrap(), &["--plugin-dir", &plugins]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("report.toml:7:10: error: plugin `fundd` not found"),
        "{e}"
    );
    assert!(e.contains("did you mean `fund`?"), "{e}");
    assert!(text.is_empty(), "no output may be written");
}

#[test]
fn template_scaffold_renders_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let o = huibao(&["plugin", "new", "talent-work", "--dir", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let example = dir.path().join("talent-work/example.toml");
    let (o, text, _out) = render_html(example.to_str().unwrap(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(text.contains("（二）强化人才支撑"), "{text}");
    assert!(
        text.contains("一是优化人才政策。修订《园区高层次人才引进培养办法》"),
        "{text}"
    );
    // Never over an existing plugin, and only valid names.
    let o = huibao(&["plugin", "new", "talent-work", "--dir", d]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("already exists"));
    let o = huibao(&["plugin", "new", "人才", "--dir", d]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn native_scaffold_builds_and_renders_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let o = huibao(&[
        "plugin",
        "new",
        "service",
        "--native",
        "--dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let root = dir.path().join("service");
    // Build it on its own, offline, sharing nothing with this workspace but the registry.
    let build = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet"])
        .current_dir(&root)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "cargo build of the scaffold:\n{}",
        stderr(&build)
    );
    let (o, text, _out) = render_html(root.join("example.toml").to_str().unwrap(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(text.contains("（二）强化人才支撑"), "{text}");
    assert!(
        text.contains("二是搭建引才平台。举办“才聚园区”专场招聘会4场"),
        "{text}"
    );
    let list = huibao(&[
        "plugins",
        "list",
        "--plugin-dir",
        root.join("target/debug").to_str().unwrap(),
    ]);
    assert!(
        stdout(&list)
            .lines()
            .any(|l| l.starts_with("service ") && l.contains("native")),
        "{}",
        stdout(&list)
    );
}

/// Runs a program, returning its stdout when it ran and succeeded.
fn run(program: &str, args: &[&str]) -> Option<String> {
    let o = Command::new(program).args(args).output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

const DOCX_TEXT: &str = r#"
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
    # A chart floats anchored in the paragraph after its place, its caption drawn in
    # it and named by the drawing's description.
    for caption in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', p):
        print(caption)
    print("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
"#;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each line in turn, at or after where the previous one was found.
fn in_order(text: &str, lines: &[String], what: &str) {
    let mut from = 0;
    for line in lines {
        match text[from..].find(line.as_str()) {
            Some(at) => from += at + line.len(),
            None => panic!("{what}: {line:?} missing (or out of order)"),
        }
    }
}

#[test]
fn plugin_sections_have_the_same_text_in_docx_pdf_and_html() {
    let plugins = native_plugins().to_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let render = |format: &str| {
        huibao(&[
            "render",
            EXAMPLE,
            "--format",
            format,
            "--out",
            out,
            "--plugin-dir",
            &plugins,
        ])
    };
    let o = render("html,txt,docx,pdf");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let file = |ext: &str| dir.path().join(format!("plugins-kaifaqu-2022h1.{ext}"));
    // The plugin sections, as core wrote them: from the fund section to the part after party.
    let txt = std::fs::read_to_string(file("txt")).unwrap();
    let start = txt
        .find("（三）强化基金赋能")
        .expect("fund section in the text");
    let end = txt
        .find("三、存在的问题")
        .expect("the part after the party section");
    let mut in_table = false;
    let (mut prose, mut rows) = (Vec::new(), Vec::new());
    for line in txt[start..end]
        .lines()
        .map(squeeze)
        .filter(|l| !l.is_empty())
    {
        if line == "园区基金情况表" {
            in_table = true;
        } else if line.starts_with("注：") {
            in_table = false;
        } else if in_table {
            rows.push(line.clone());
            continue;
        }
        prose.push(line);
    }
    assert!(prose.len() >= 12 && rows.len() == 6, "{prose:#?} {rows:#?}");
    let all: Vec<String> = txt[start..end]
        .lines()
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .collect();

    let html = squeeze(&page_text(&std::fs::read_to_string(file("html")).unwrap()));
    in_order(&html, &all, "HTML");

    // The fund chart's labels are drawn by Word from the chart's part, not written in the
    // body's paragraphs (tests/docx_check.py reads them there): the rest is compared.
    let page = std::fs::read_to_string(file("html")).unwrap();
    let chart_labels: Vec<String> = page
        .split("<text ")
        .skip(1)
        .filter_map(|t| Some(squeeze(&t[t.find('>')? + 1..t.find("</text>")?])))
        .collect();
    assert!(chart_labels.len() > 10, "the fund chart's labels");
    let in_paragraphs: Vec<String> = all
        .iter()
        .filter(|l| !chart_labels.contains(l))
        .cloned()
        .collect();
    if support::tool_available("python3", "the plugin sections' text in the DOCX") {
        let docx = run(
            "python3",
            &["-c", DOCX_TEXT, file("docx").to_str().unwrap()],
        )
        .expect("python3 reads the DOCX's paragraphs");
        in_order(&squeeze(&docx), &in_paragraphs, "DOCX");
    }
    // The PDF read in the order of its structure tree (a chart or table that floated to
    // the next page is read where it is cited), as poppler gives it; table cells wrap
    // inside their cells, so rows are not contiguous text, and a chart's labels follow
    // their drawing: prose only (the labels are tests/pdf_check.py's).
    let prose: Vec<String> = prose
        .into_iter()
        .filter(|l| !chart_labels.contains(l))
        .collect();
    if support::tool_available(
        "pdfinfo",
        "the plugin sections' text in the PDF's structure tree",
    ) {
        let tree = run("pdfinfo", &["-struct-text", file("pdf").to_str().unwrap()])
            .expect("pdfinfo reads the PDF's structure tree");
        let text: String = tree
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
            .collect();
        in_order(&squeeze(&text), &prose, "PDF");
    }
}
