//! `huibao import` as a user runs it: GBK text, Word's automatic numbering, and clear
//! messages for an empty file, a binary file, a damaged DOCX and a DOCX without
//! paragraphs. Fixtures are made by tests/import/make_fixtures.py.

use std::path::{Path, PathBuf};
use std::process::Output;

mod support;
use support::{huibao, repo_file, text};

fn fixture(name: &str) -> PathBuf {
    repo_file("tests/import").join(name)
}

fn stderr(o: &Output) -> String {
    text(&o.stderr)
}

/// Imports `source` into a temporary directory, checks it with `huibao check`, and
/// returns the TOML and the import's messages.
fn import_and_check(source: &Path) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.toml");
    let o = huibao(&[
        "import",
        source.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = huibao(&["check", out.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    (std::fs::read_to_string(&out).unwrap(), stderr(&o))
}

#[test]
fn gbk_text_is_decoded() {
    let (toml, messages) = import_and_check(&fixture("gbk.txt"));
    assert!(messages.contains("decoded from GB18030/GBK"), "{messages}");
    assert!(toml.contains("title = \"某高新区管委会2022年工作总结及2023年工作计划\""));
    assert!(
        toml.contains("[parts.problems]\ntitle = \"存在的问题\"\nnumbering = \"run-in\""),
        "{toml}"
    );
    assert!(
        toml.contains("[[problems]]\ntitle = \"土地指标紧张\""),
        "{toml}"
    );
    assert!(
        toml.contains("[[achievements.items]]\ntitle = \"重点项目\""),
        "{toml}"
    );
    // An unambiguous figure of the opening is offered as an indicator.
    assert!(
        toml.contains("[[indicators]]\nname = \"工业总产值\"\nvalue = 152.3\nunit = \"亿元\""),
        "{toml}"
    );
}

#[test]
fn word_list_numbers_are_read() {
    let (toml, messages) = import_and_check(&fixture("numbered.docx"));
    assert!(messages.contains("7 Word list numbers read"), "{messages}");
    // The title's two centred lines are joined; signature and date are found.
    assert!(
        toml.contains("title = \"某高新区管委会2022年工作总结及2023年工作计划\""),
        "{toml}"
    );
    assert!(
        toml.contains("organization = \"某高新区管委会\"\n"),
        "{toml}"
    );
    assert!(toml.contains("date = 2023-01-10\n"), "{toml}");
    assert!(toml.contains("recipient = \"市人民政府\""), "{toml}");
    for heading in [
        "[parts.achievements]\ntitle = \"2022年主要工作\"",
        "[[achievements]]\ntitle = \"招商引资成效明显\"",
        "[[achievements.items]]\ntitle = \"配套工程\"\ntext = \"\"\"\n完成道路建设3公里。\n\"\"\"",
        "[[plan]]\ntitle = \"全力推进项目落地\"",
    ] {
        assert!(toml.contains(heading), "{heading}\n---\n{toml}");
    }
}

fn assert_fails(source: &Path, message: &str, help: &str) {
    let o = huibao(&["import", source.to_str().unwrap(), "--stdout"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(message), "wanted \"{message}\" in:\n{err}");
    assert!(err.contains(help), "wanted \"{help}\" in:\n{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_file() {
    assert_fails(
        &fixture("empty.txt"),
        "empty.txt is empty: there is nothing to import",
        "help:",
    );
}

#[test]
fn binary_file() {
    assert_fails(
        &fixture("binary.txt"),
        "binary.txt cannot be imported: it is a PNG image",
        "huibao imports .txt (UTF-8, UTF-16, GBK), .docx, .doc, .wps, .pdf with a text layer, .html, .htm, .mhtml, .odt and .ofd",
    );
}

#[test]
fn a_scan_says_so() {
    assert_fails(
        &fixture("formats/scan.pdf"),
        "scan.pdf is a scan (扫描件): its 1 page(s) have no text layer",
        "run OCR",
    );
}

#[test]
fn a_password_protected_pdf_says_so() {
    assert_fails(
        &fixture("formats/locked.pdf"),
        "locked.pdf cannot be imported: it is a PDF protected by a password",
        "save a copy without the password",
    );
}

#[test]
fn a_file_is_read_by_its_content_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // A Word 97–2003 document saved under a text file's name.
    let named = dir.path().join("去年总结.txt");
    std::fs::copy(fixture("formats/listnum.doc"), &named).unwrap();
    let o = huibao(&["import", named.to_str().unwrap(), "--stdout"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "read as       a Word 97–2003 or WPS document (.doc, .wps) — its name says text (.txt)"
        ),
        "{err}"
    );
    assert!(err.contains("text kept     "), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("title = \"上半年主要工作\""));
}

#[test]
fn docx_without_paragraphs() {
    assert_fails(
        &fixture("no-paragraphs.docx"),
        "no-paragraphs.docx has no paragraphs with text",
        "copy its text into a .txt file",
    );
}

#[test]
fn damaged_docx() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("numbered.docx")).unwrap();
    let cut = dir.path().join("cut.docx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_fails(
        &cut,
        "cut.docx is not a readable Word document",
        "save it again as .docx",
    );
}

#[test]
fn missing_file() {
    assert_fails(
        &fixture("nowhere.txt"),
        "nowhere.txt does not exist",
        "check the path",
    );
}

#[test]
fn never_overwrites_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("last.txt");
    std::fs::copy(fixture("gbk.txt"), &src).unwrap();
    let first = huibao(&["import", src.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(dir.path().join("last.toml").exists());
    let again = huibao(&["import", src.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(3));
    assert!(stderr(&again).contains("last.toml exists; not overwriting it"));
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import/corpus")
        .join(name)
}

/// The lines of a TOML that are not comments.
fn values(toml: &str) -> String {
    toml.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_title_that_disagrees_with_the_body_is_outweighed_and_named() {
    let (toml, messages) = import_and_check(&corpus("02-qingfeng-title2022-body2023.txt"));
    assert!(
        messages.contains("period        2023-H1 (2023年上半年)"),
        "{messages}"
    );
    assert!(
        messages.contains("outweighs 2022 (the title): check the period"),
        "{messages}"
    );
    assert!(
        toml.contains("period = \"2023-H1\"  # CHECK: the year 2023 (the opening sentence"),
        "{toml}"
    );
    // The opening sentence ends with ： but names no organ: no addressee.
    assert!(!toml.contains("recipient"), "{toml}");
    assert!(toml.contains("[parts.achievements]\ntitle = \"2023年重点工作推进情况\""));
    assert!(toml.contains("[parts.plan]\ntitle = \"2023年下一步工作思路与措施\""));
}

#[test]
fn a_document_sharing_sites_boilerplate_is_removed_and_kept_as_comments() {
    let (toml, messages) = import_and_check(&corpus("03-lingang-2023h1-wenku-boilerplate.txt"));
    assert!(messages.contains("period        2023-H1"), "{messages}");
    // The site's tags ("2023", "上半年") are gone: the period comes from the report, sure.
    assert!(
        messages
            .lines()
            .any(|l| l.starts_with("  period        2023-H1") && !l.ends_with("(guess)")),
        "{messages}"
    );
    for kept in [
        "#   [site notice] 温馨提示：",
        "#   [document-sharing site] 4.下载文档时可能由于网络波动等原因无法下载或下载错误，付费完成后未能成功下载的用户请联系客服处理。",
        "#   [tag line: a year alone] 2023",
        "#   [tag line] 范文",
        "#   [tag line: a fragment of the title] 上半年",
        "#   [tag line: the organization, repeated in the title below] 临港经济开发区管委会",
        "#   [web-page navigation] 相关推荐\n#   [download notice] 下载文档",
    ] {
        assert!(toml.contains(kept), "{kept}\n---\n{toml}");
    }
    let values = values(&toml);
    for clutter in ["本站", "客服", "范文", "下载"] {
        assert!(!values.contains(clutter), "{clutter} left in\n{values}");
    }
    assert!(values.contains("title = \"临港经济开发区管委会2023年上半年工作总结\""));
    assert!(values.contains("[[achievements]]\ntitle = \"临港产业加快集聚\""));
}

#[test]
fn an_online_previewers_pages_are_joined_and_their_headings_split_back() {
    let (toml, messages) = import_and_check(&corpus("04-binjiang-2022-previewer-pages.txt"));
    assert!(messages.contains("2 line(s) joined"), "{messages}");
    assert!(
        toml.contains("#   [page number of an online previewer] 2、"),
        "{toml}"
    );
    let values = values(&toml);
    assert!(values.contains("title = \"滨江高新区管委会2022年工作总结及2023年工作计划\""));
    // The sentence cut by the page break is whole again.
    assert!(
        values.contains("园区在全省高新区综合发展评价中排名第5位。"),
        "{values}"
    );
    assert!(
        values.contains(
            "[[achievements]]\ntitle = \"招商引资成效显著\"\ntext = \"\"\"\n全年新签约项目68个"
        ),
        "{values}"
    );
}

#[test]
fn nothing_is_written_when_the_import_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.toml");
    let o = huibao(&[
        "import",
        fixture("binary.txt").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
