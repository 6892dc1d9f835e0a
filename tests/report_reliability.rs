//! What a report can hold that must never crash, hang, lose text or go unlocated: each
//! test is a hostile or careless report run through the program.

use std::path::{Path, PathBuf};
use std::process::Command;

const HEAD: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
"#;

/// Runs the program with `args` in `dir`.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Writes `text` as report.toml in a fresh directory.
fn report(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Renders `text` to `formats`; asserts it fails with exit 1, writes nothing, and names
/// each of `places` ("report.toml:line:col: error: …" containing the needle).
fn assert_errors(text: &str, formats: &str, places: &[(usize, usize, &str)]) -> String {
    let (dir, _) = report(text);
    let (code, _, stderr) = run(
        dir.path(),
        &["render", "--format", formats, "--out", "out", "report.toml"],
    );
    assert_eq!(code, 1, "exit code; stderr:\n{stderr}");
    for (line, col, needle) in places {
        let location = format!("report.toml:{line}:{col}: error: ");
        let found = stderr
            .lines()
            .any(|l| l.starts_with(&location) && l.contains(needle));
        assert!(found, "expected {location}…{needle}… in:\n{stderr}");
    }
    assert!(!dir.path().join("out").exists(), "no output may be written");
    stderr
}

/// Renders `text` as plain text; asserts success and returns (text, stderr).
fn render_txt(text: &str) -> (String, String) {
    let (dir, _) = report(text);
    let (code, _, stderr) = run(
        dir.path(),
        &["render", "--format", "txt", "--out", "out", "report.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    let txt = std::fs::read_to_string(dir.path().join("out/report.txt")).unwrap();
    (txt, stderr)
}

#[test]
fn a_part_of_prose_without_items_is_printed() {
    // The shape `huibao import` writes for a report whose first part has no sub-headings.
    let (txt, stderr) = render_txt(&format!(
        "{HEAD}
[summary]
text = \"上半年，园区经济运行稳中有进。\"

[parts.achievements]
title = \"上半年工作情况\"
text = \"园区完成营业收入100亿元，同比增长12.4%。\"

[[plan]]
title = \"全力推进项目落地\"
"
    ));
    assert!(
        txt.contains(
            "一、上半年工作情况\n园区完成营业收入100亿元，同比增长12.4%。\n二、下半年工作计划"
        ),
        "{txt}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn text_that_cannot_be_printed_is_named_where_it_was_written() {
    let (dir, _) = report(&format!(
        "{HEAD}signer = \"张某某\"

[[indicators]]
name = \"税收收入\"
value = 8.2
unit = \"亿元\"

[parts.problems]
title = \"存在的问题\"

[[achievements]]
title = \"多措并举加强招商引资\"
"
    ));
    let (code, stdout, stderr) = run(dir.path(), &["check", "report.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("3 warning(s)"), "{stdout}");
    for (place, needle) in [
        ("report.toml:5:10: warning: ", "`signer` is not printed"),
        (
            "report.toml:8:8: warning: ",
            "indicator \"税收收入\" is not printed",
        ),
        (
            "report.toml:13:9: warning: ",
            "the part title \"存在的问题\" is not printed",
        ),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(place) && l.contains(needle)),
            "expected {place}{needle} in:\n{stderr}"
        );
    }
}

#[test]
fn control_characters_are_errors_in_every_field() {
    let text = format!(
        "{}\n[[achievements]]\ntitle = \"招商引资\"\ntext = '''\n新签约\u{85}项目28个。'''\n\n[style.fonts.body]\nfamilies = [\"仿宋\\n/*\", \"Fang\\u0008Song\"]\n",
        HEAD.replace("开发区管委会", "开发区\\b管委会")
    );
    assert_errors(
        &text,
        "docx,html",
        &[
            (2, 26, "control character U+0008 (BACKSPACE)"),
            (9, 4, "control character U+0085 (NEXT LINE)"),
            (12, 28, "control character U+0008 (BACKSPACE)"),
        ],
    );
}

#[test]
fn numbers_without_a_printed_form_are_errors_at_their_place() {
    let text = format!(
        "{HEAD}
[[indicators]]
name = \"营业收入\"
value = inf
unit = \"亿元\"

[[indicators]]
name = \"税收收入\"
value = 8.2
unit = \"亿元\"
previous = -nan
target = 1e400

[[achievements]]
title = \"项目\"
table = {{ columns = [\"项目\", \"投资\"], rows = [[\"甲\", nan], [\"乙\", 90071992547409930]] }}
"
    );
    assert_errors(
        &text,
        "txt",
        &[
            (8, 9, "`inf` is not a number"),
            (15, 12, "`-nan` is not a number"),
            (16, 10, "`1e400` is not a number"),
            (20, 49, "`nan` is not a number"),
            (20, 61, "too large to print exactly"),
        ],
    );
}

#[test]
fn derived_figures_that_overflow_and_zero_widths_are_errors() {
    let text = format!(
        "{HEAD}
[[indicators]]
name = \"营业收入\"
value = 1e15
unit = \"亿元\"
previous = 1e-300
target = 1e-300

[summary]
text = \"{{{{indicator \\\"营业收入\\\"}}}}，{{{{completion \\\"营业收入\\\"}}}}。\"

[[achievements]]
title = \"项目\"
table = {{ columns = [\"项目\", \"投资\"], rows = [[\"甲\", 1]], widths = [0, 0] }}
"
    );
    assert_errors(
        &text,
        "html",
        &[
            (
                10,
                12,
                "the change from 1e-300 to 1e15 is too large to print",
            ),
            (
                11,
                10,
                "1e15 of a target of 1e-300 is a rate too large to print",
            ),
            (18, 21, "`widths` gives a column no width"),
        ],
    );
}

#[test]
fn empty_and_too_deep_items_are_located() {
    assert_errors(
        &format!(
            "{HEAD}
[[plan]]
title = \"全力推进项目落地\"

[[plan]]

[[achievements]]
title = \"招商\"
[[achievements.items]]
[[achievements.items.items]]
[[achievements.items.items.items]]
text = \"太深了。\"
"
        ),
        "html",
        &[
            (9, 1, "an item in [[plan]] is empty"),
            (15, 1, "nest deeper than four levels"),
        ],
    );
}

#[test]
fn recursive_and_deeply_nested_prose_is_an_error_not_a_crash() {
    assert_errors(
        &format!(
            "{HEAD}
[summary]
text = '''
上半年{{{{#*inline \"r\"}}}}{{{{> r}}}}{{{{/inline}}}}{{{{> r}}}}。'''
"
        ),
        "html",
        &[(8, 4, "inline partials")],
    );
    let deep = format!(
        "{}1{}",
        "{{organization ".to_string() + &"(organization ".repeat(5_000),
        ")".repeat(5_000) + "}}"
    );
    assert_errors(
        &format!("{HEAD}\n[summary]\ntext = '''\n{deep}'''\n"),
        "html",
        &[(8, 1 + 15 + 14 * 32, "nest deeper than 32 levels")],
    );
}

#[test]
fn a_quoted_date_is_told_to_drop_the_quotes() {
    let stderr = assert_errors(
        &HEAD.replace("date = 2022-07-08", "date = \"2022-07-08\""),
        "html",
        &[(4, 8, "expected a TOML datetime")],
    );
    assert!(
        stderr.contains("write the date without quotes: date = 2022-07-08"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("put the text in double quotes"),
        "{stderr}"
    );
}

#[test]
fn a_character_no_font_has_is_named_at_its_line() {
    let stderr = assert_errors(
        &format!(
            "{HEAD}
[summary]
text = '''
第一段。

第二段写了\u{E000}字。'''
"
        ),
        "pdf",
        &[(10, 6, "no font has the character")],
    );
    assert!(!stderr.contains("正文第"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn special_files_and_folders_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    for (path, needle) in [("/dev/zero", "is not a regular file"), (".", "is a folder")] {
        let (code, _, stderr) = run(dir.path(), &["check", path]);
        assert_eq!(code, 1, "{path}: {stderr}");
        assert!(stderr.contains(needle), "{path}: {stderr}");
    }
}

#[test]
fn a_report_over_the_size_limit_is_refused() {
    let big = format!("{HEAD}# {}\n", "填充".repeat(400_000));
    assert!(big.len() as u64 > huibao_core::limits::MAX_REPORT_BYTES);
    let (dir, _) = report(&big);
    let (code, _, stderr) = run(dir.path(), &["check", "report.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("larger than 2 MiB"), "{stderr}");
}

#[test]
fn a_paragraph_over_the_limit_is_refused_at_its_text() {
    let long = "园区经济运行稳中有进。".repeat(2_001);
    assert_errors(
        &format!("{HEAD}\n[summary]\ntext = \"{long}\"\n"),
        "pdf",
        &[(7, 8, "a paragraph of 22011 characters is longer than 20000")],
    );
}
