//! `huibao_core::carry_forward`: last year's figures fill missing `previous`
//! values (units converted), and last period's plan items nobody reported on are listed.

use huibao_core::carry_forward;
use huibao_core::Severity;
use std::path::Path;

const LAST: &str = r#"
[report]
organization = "某高新区管委会"
period = "2022"
date = 2023-01-10

[[indicators]]
name = "工业总产值"
value = 140.2
unit = "亿元"

[[indicators]]
name = "固定资产投资"
value = 40.0
unit = "亿元"

[[indicators]]
name = "签约项目"
value = 10
unit = "个"

[[achievements]]
title = "招商引资成效明显"
text = "全年引进项目10个。"

[[plan]]
title = "全力推进项目落地"
text = "协助项目尽快办理审批落地手续，解决好土地、规划等问题。"

[[plan]]
title = "办好地区品牌活动"
text = "继续举办创新院士论坛，推动科研成果转化。"

[[plan]]
title = "设立园区产业母基金"
text = "加快设立产业母基金，力争年底完成母基金搭建。"
"#;

fn this_year(previous_key: &str) -> String {
    format!(
        r#"
[report]
organization = "某高新区管委会"
period = "2023"
date = 2024-01-10
{previous_key}

[[indicators]]
name = "工业总产值"
value = 152.3
unit = "亿元"

[[indicators]]
name = "固定资产投资"
value = 452000
unit = "万元"

[[indicators]]
name = "签约项目"
value = 12
unit = "个"
previous = 11

[[achievements]]
title = "项目落地提速"
text = "帮助8个项目办结土地规划和审批手续，项目落地开工。"

[[achievements]]
title = "品牌活动影响扩大"
text = "成功举办第二届创新院士论坛，促成科研成果转化项目3个。"
"#
    )
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn fills_previous_and_lists_forgotten_plan_items() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "last.toml", LAST);
    let report = write(
        dir.path(),
        "this.toml",
        &this_year("previous = \"last.toml\""),
    );
    let mut loaded = huibao_core::load(&report).unwrap();
    let warnings = carry_forward(&mut loaded, None).unwrap();
    let prev: Vec<Option<f64>> = loaded
        .report
        .indicators
        .iter()
        .map(|i| i.previous.as_ref().map(|p| p.get_ref().0))
        .collect();
    // 亿元 → 万元 converted; a `previous` already written is kept.
    assert_eq!(prev, vec![Some(140.2), Some(400000.0), Some(11.0)]);
    let messages: Vec<String> = warnings.iter().map(|w| w.message.to_string()).collect();
    assert_eq!(
        messages,
        vec!["last period's plan item \"设立园区产业母基金\" is not reported on in this period's work"]
    );
    assert_eq!(warnings[0].severity, Severity::Warning);
    let loc = warnings[0].location().unwrap();
    assert!(loc.contains("last.toml:"), "{loc}");
    // The growth is now worked out.
    let resolved = huibao_core::resolve(&loaded);
    assert_eq!(
        resolved.figures["工业总产值"].growth.as_deref(),
        Some("同比增长8.6%")
    );
}

#[test]
fn the_flag_wins_and_periods_must_line_up() {
    let dir = tempfile::tempdir().unwrap();
    let half = LAST.replace("period = \"2022\"", "period = \"2022-H1\"");
    let flag = write(dir.path(), "half.toml", &half);
    let report = write(dir.path(), "this.toml", &this_year(""));
    let mut loaded = huibao_core::load(&report).unwrap();
    let warnings = carry_forward(&mut loaded, Some(&flag)).unwrap();
    assert!(loaded.report.indicators[0].previous.is_none());
    assert!(
        warnings[0]
            .message
            .to_string()
            .contains("covers 2022年上半年 but 同比 needs 2022年"),
        "{}",
        warnings[0].message
    );
    assert!(warnings.iter().any(|w| w
        .message
        .to_string()
        .contains("the plan follow-up may not apply")));
}

#[test]
fn without_a_previous_report_nothing_happens() {
    let dir = tempfile::tempdir().unwrap();
    let report = write(dir.path(), "this.toml", &this_year(""));
    let mut loaded = huibao_core::load(&report).unwrap();
    assert!(carry_forward(&mut loaded, None).unwrap().is_empty());
}

#[test]
fn a_missing_or_broken_previous_report_is_an_error_at_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let report = write(
        dir.path(),
        "this.toml",
        &this_year("previous = \"gone.toml\""),
    );
    let mut loaded = huibao_core::load(&report).unwrap();
    let err = carry_forward(&mut loaded, None).unwrap_err();
    assert!(err.0[0]
        .message
        .to_string()
        .contains("gone.toml cannot be used"));
    assert!(err.0[0].location().unwrap().contains("this.toml:6:"));
    assert!(err.0.len() >= 2, "the reason follows: {err}");
}
