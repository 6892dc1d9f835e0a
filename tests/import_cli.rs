//! `huibao import` as a user runs it: GBK text, Word's automatic numbering, and clear
//! messages for an empty file, a binary file, a damaged DOCX and a DOCX without
//! paragraphs. Fixtures are made by tests/import/make_fixtures.py.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
}

fn huibao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .output()
        .expect("runs huibao")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
        "import a .txt file (UTF-8 or GBK) or a .docx",
    );
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
    assert_fails(&fixture("nowhere.txt"), "cannot read", "check the path");
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
