//! `--previous LAST.toml`: 同比 from last year's figures and the plan follow-up.

use std::process::Command;

const LAST: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2021-H1"
date = 2021-07-09

[[indicators]]
name = "营业收入"
value = 43.3
unit = "亿元"

[[achievements]]
title = "招商引资取得新进展"
text = "新签约项目21个。"

[[plan]]
title = "全力推进新能源装备产业园建设"
text = "确保一期主体年底前完工。"

[[plan]]
title = "持续优化营商环境"
text = "深化“放管服”改革。"
"#;

const THIS: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08

[[indicators]]
name = "营业收入"
value = 48.65
unit = "亿元"

[summary]
text = "实现营业收入{{indicator \"营业收入\"}}。"

[[achievements]]
title = "营商环境持续优化"
text = "深化“放管服”改革，企业开办时间压缩至1个工作日。"
"#;

#[test]
fn previous_fills_growth_and_lists_forgotten_plan_items() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("last.toml"), LAST).unwrap();
    std::fs::write(dir.path().join("this.toml"), THIS).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_huibao"))
            .env("HUIBAO_LANG", "en")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };

    let check = run(&["check", "this.toml", "--previous", "last.toml"]);
    assert_eq!(check.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("全力推进新能源装备产业园建设"),
        "the forgotten plan item is named:\n{stderr}"
    );
    assert!(
        !stderr.contains("持续优化营商环境\""),
        "the reported plan item is matched:\n{stderr}"
    );

    let render = run(&[
        "render",
        "this.toml",
        "--previous",
        "last.toml",
        "--format",
        "txt",
        "--out",
        "out",
    ]);
    assert_eq!(
        render.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("out/this.txt")).unwrap();
    assert!(
        text.contains("实现营业收入48.65亿元，同比增长12.4%。"),
        "{text}"
    );

    // Without it, no growth is given.
    let plain = run(&["render", "this.toml", "--format", "txt", "--out", "plain"]);
    assert_eq!(plain.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("plain/this.txt")).unwrap();
    assert!(text.contains("实现营业收入48.65亿元。"), "{text}");

    let missing = run(&["check", "this.toml", "--previous", "nowhere.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.toml"));
}
