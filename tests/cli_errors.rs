//! Bad input gets a clear error naming file:line:column, a non-zero exit, and no output file.

use std::path::{Path, PathBuf};
use std::process::Command;

const GOOD: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08

[[indicators]]
name = "营业收入"
value = 123.5
unit = "亿元"
previous = 110.2

[summary]
text = "1-6月，实现营业收入{{indicator \"营业收入\"}}。"

[[achievements]]
title = "多措并举加强招商引资"
text = "新签约项目28个。"
"#;

/// Writes `text` as report.toml in a fresh directory and runs `huibao render` on it.
fn render(text: &str) -> (i32, String, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.toml");
    std::fs::write(&report, text).unwrap();
    let out = dir.path().join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(["render", "--format", "html", "--out"])
        .arg(&out)
        .arg(&report)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), stderr, out, dir)
}

/// Asserts a failed render whose message names `report.toml:line:col` and contains `needle`.
fn assert_error(text: &str, line: usize, col: usize, needle: &str) -> String {
    let (code, stderr, out, _dir) = render(text);
    assert_eq!(code, 1, "exit code; stderr:\n{stderr}");
    let location = format!("report.toml:{line}:{col}: error: ");
    assert!(
        stderr.contains(&location),
        "expected {location} in:\n{stderr}"
    );
    assert!(stderr.contains(needle), "expected {needle:?} in:\n{stderr}");
    assert!(
        !out.join("report.html").exists(),
        "no output may be written"
    );
    stderr
}

fn replace(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from}");
    GOOD.replacen(from, to, 1)
}

#[test]
fn good_report_renders() {
    let (code, stderr, out, _dir) = render(GOOD);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("实现营业收入123.5亿元，同比增长12.1%。"));
}

#[test]
fn syntax_error() {
    let stderr = assert_error(
        &replace("unit = \"亿元\"", "unit = \"亿元"),
        9,
        11,
        "invalid basic string",
    );
    assert!(
        stderr.contains("unit = \"亿元"),
        "the offending line is shown:\n{stderr}"
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let stderr = assert_error(
        &replace("title = \"多措", "titel = \"多措"),
        16,
        1,
        "unknown key `titel`",
    );
    assert!(stderr.contains("did you mean `title`?"), "{stderr}");
    let stderr = assert_error(
        &replace("organization =", "organisation ="),
        2,
        1,
        "unknown key `organisation`",
    );
    assert!(stderr.contains("did you mean `organization`?"), "{stderr}");
}

#[test]
fn wrong_type() {
    assert_error(
        &replace("value = 123.5", "value = \"123.5\""),
        8,
        9,
        "invalid type",
    );
}

#[test]
fn missing_required_key() {
    assert_error(
        &replace("period = \"2022-H1\"\n", ""),
        1,
        1,
        "missing required key `period`",
    );
}

#[test]
fn bad_date() {
    assert_error(
        &replace("date = 2022-07-08", "date = 2022-07-08T09:30:00"),
        4,
        8,
        "is not a date",
    );
    assert_error(
        &replace("date = 2022-07-08", "date = \"2022年7月8日\""),
        4,
        8,
        "invalid type",
    );
}

#[test]
fn impossible_date_is_a_syntax_error_at_the_date() {
    let (code, stderr, _, _dir) = render(&replace("date = 2022-07-08", "date = 2022-02-30"));
    assert_eq!(code, 1);
    assert!(stderr.contains("report.toml:4:"), "{stderr}");
}

#[test]
fn bad_period() {
    let stderr = assert_error(
        &replace("\"2022-H1\"", "\"2022-H3\""),
        3,
        10,
        "is not a period",
    );
    assert!(
        stderr.contains("2022-Q3"),
        "the fix lists the valid forms:\n{stderr}"
    );
}

#[test]
fn duplicate_indicator() {
    let text = GOOD.replace(
        "[summary]",
        "[[indicators]]\nname = \"营业收入\"\nvalue = 1\nunit = \"亿元\"\n\n[summary]",
    );
    let stderr = assert_error(&text, 13, 8, "indicator \"营业收入\" is defined twice");
    assert!(
        stderr.contains("line 7"),
        "names the first definition:\n{stderr}"
    );
}

#[test]
fn prose_cites_missing_indicator() {
    let text = replace(
        "{{indicator \\\"营业收入\\\"}}",
        "{{indicator \\\"营业总收入\\\"}}",
    );
    let stderr = assert_error(&text, 13, 32, "does not define");
    assert!(stderr.contains("did you mean \"营业收入\""), "{stderr}");
}

#[test]
fn check_exits_zero_on_good_and_one_on_bad() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, GOOD).unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, replace("value = 123.5", "value = abc")).unwrap();
    let run = |p: &Path| {
        Command::new(env!("CARGO_BIN_EXE_huibao"))
            .env("HUIBAO_LANG", "en")
            .arg("check")
            .arg(p)
            .output()
            .unwrap()
    };
    let ok = run(&good);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout)
        .contains("金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划"));
    assert_eq!(run(&bad).status.code(), Some(1));
}

#[test]
fn failed_render_keeps_the_previous_output() {
    let (code, _, out, dir) = render(GOOD);
    assert_eq!(code, 0);
    let before = std::fs::read(out.join("report.html")).unwrap();
    let report = dir.path().join("report.toml");
    std::fs::write(&report, replace("value = 123.5", "value = ")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(["render", "--format", "html", "--out"])
        .arg(&out)
        .arg(&report)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(std::fs::read(out.join("report.html")).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "report.html")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn missing_file_and_non_utf8() {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(["check", "/nonexistent/report.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/report.toml"));
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.toml");
    std::fs::write(&gbk, b"[report]\norganization = \"\xbd\xf0\xb4\xa8\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .arg("check")
        .arg(&gbk)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is not UTF-8") && stderr.contains("UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_last_paragraph_too_long_to_go_with_the_signature_is_warned_at_its_line() {
    // 30 lines of text in the last paragraph: a word processor that moves it whole cannot
    // keep body text on the signature's page, and the warning points at the paragraph.
    let long = "园区坚持项目为王，围绕主导产业链条精准招商，推动重点项目早开工、早投产、早见效。"
        .repeat(22);
    let text = replace(
        "text = \"新签约项目28个。\"",
        &format!("text = \"新签约项目28个。\"\n\n[[plan]]\ntitle = \"全力推进项目落地\"\ntext = \"{long}\""),
    );
    let (code, stderr, _out, _dir) = render(&text);
    assert_eq!(code, 0, "a warning is not an error; stderr:\n{stderr}");
    let line = text
        .lines()
        .position(|l| l.starts_with("text = \"园区坚持"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!(
            "report.toml:{line}:8: warning: the signature may be left"
        )),
        "expected the warning at line {line}:\n{stderr}"
    );
}
