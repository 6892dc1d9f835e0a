//! `huibao render` of many reports: good ones written, bad ones reported with their
//! location, a true summary, the exit code a single render of the worst failure would
//! give; a progress bar only for a person at a terminal.

use std::path::Path;
use std::process::Command;

mod support;
use support::huibao;

/// A small complete report of `organization`.
fn report(organization: &str, sentence: &str) -> String {
    format!(
        "[report]\norganization = \"{organization}\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n\
         [summary]\ntext = \"{sentence}\"\n\n[[achievements]]\ntitle = \"多措并举加强招商引资\"\n\
         text = \"1-6月，园区新签约项目12个，总投资36.5亿元。\"\n"
    )
}

/// A folder of three good reports and two bad ones (a syntax error, a bad period).
fn district(dir: &Path) {
    let parks = [
        (
            "jinchuan",
            "金川经济技术开发区管委会",
            "上半年，金川园区经济运行稳中有进。",
        ),
        (
            "qianwan",
            "前湾新区管委会",
            "上半年，前湾新区工业总产值稳步增长。",
        ),
        (
            "xingang",
            "新港科技城管委会",
            "上半年，科技城新引进高新技术企业8家。",
        ),
    ];
    for (stem, org, sentence) in parks {
        std::fs::write(dir.join(format!("{stem}.toml")), report(org, sentence)).unwrap();
    }
    std::fs::write(
        dir.join("broken-syntax.toml"),
        "[report]\norganization = \"某园区管委会\nperiod = \"2022-H1\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("bad-period.toml"),
        report("某开发区管委会", "上半年，园区运行平稳。").replace("2022-H1", "2022-H3"),
    )
    .unwrap();
}

#[test]
fn a_batch_writes_the_good_reports_and_reports_the_bad_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("district");
    std::fs::create_dir_all(&dir).unwrap();
    district(&dir);
    let out = tmp.path().join("out");
    let out_arg = out.display().to_string();
    let o = huibao(&[
        "render",
        dir.to_str().unwrap(),
        "--format",
        "html,txt",
        "--out",
        &out_arg,
        "--jobs",
        "2",
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stdout}\n{stderr}");
    // The good ones are written, whole.
    for (stem, sentence) in [
        ("jinchuan", "上半年，金川园区经济运行稳中有进。"),
        ("qianwan", "上半年，前湾新区工业总产值稳步增长。"),
        ("xingang", "上半年，科技城新引进高新技术企业8家。"),
    ] {
        let txt = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
        assert!(txt.contains(sentence), "{stem}.txt: {txt}");
        assert!(out.join(format!("{stem}.html")).is_file());
    }
    // The bad ones are not, and each error names its file, line and column.
    for stem in ["broken-syntax", "bad-period"] {
        assert!(!out.join(format!("{stem}.html")).exists());
        assert!(!out.join(format!("{stem}.txt")).exists());
    }
    assert!(
        stderr.contains("broken-syntax.toml:2:"),
        "syntax error located: {stderr}"
    );
    assert!(
        stderr.contains("bad-period.toml:3:"),
        "bad period located: {stderr}"
    );
    // The summary tells the truth.
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("3 rendered, 2 failed in "),
        "summary: {summary}"
    );
    // Not a terminal: no progress bar, nor any terminal control sequence.
    for stream in [&stdout, &stderr] {
        assert!(
            !stream.contains('\r') && !stream.contains('\u{1b}'),
            "{stream:?}"
        );
        assert!(!stream.contains("reports, "), "{stream}");
    }
}

#[test]
fn a_batch_of_good_reports_exits_0_and_lists_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("jinchuan.toml");
    let b = tmp.path().join("qianwan.toml");
    std::fs::write(
        &a,
        report("金川经济技术开发区管委会", "上半年，园区运行平稳。"),
    )
    .unwrap();
    std::fs::write(&b, report("前湾新区管委会", "上半年，新区稳中有进。")).unwrap();
    let out = tmp.path().join("out");
    let o = huibao(&[
        "render",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "txt",
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "1",
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(&format!("{}: wrote", a.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: wrote", b.display())),
        "{stdout}"
    );
    assert!(stdout
        .lines()
        .last()
        .unwrap()
        .starts_with("2 rendered, 0 failed"));
    assert!(std::fs::read_to_string(out.join("qianwan.txt"))
        .unwrap()
        .contains("上半年，新区稳中有进。"));
}

#[test]
fn two_reports_of_the_same_name_are_refused_before_anything_is_rendered() {
    let tmp = tempfile::tempdir().unwrap();
    for d in ["east", "west"] {
        std::fs::create_dir_all(tmp.path().join(d)).unwrap();
        std::fs::write(
            tmp.path().join(d).join("park.toml"),
            report("某园区管委会", "上半年，园区运行平稳。"),
        )
        .unwrap();
    }
    let out = tmp.path().join("out");
    let o = huibao(&[
        "render",
        tmp.path().join("east").to_str().unwrap(),
        tmp.path().join("west").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("would both write park.*"), "{stderr}");
    assert!(!out.exists(), "nothing is rendered");
}

/// On a terminal (a pseudo-terminal made by `script`, when installed) the bar is drawn.
#[test]
fn a_terminal_gets_a_progress_bar() {
    if !support::tool_available("script", "the progress bar on a terminal") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("district");
    std::fs::create_dir_all(&dir).unwrap();
    district(&dir);
    let command = format!(
        "{} render {} --format txt --out {}",
        env!("CARGO_BIN_EXE_huibao"),
        dir.display(),
        tmp.path().join("out").display()
    );
    let o = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("HUIBAO_LANG", "en")
        .env("TERM", "xterm")
        .env("LANG", "C")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&o.stdout);
    assert!(screen.contains("3 rendered, 2 failed"), "{screen}");
    assert!(
        screen.contains("/5 reports"),
        "no progress bar drawn: {screen:?}"
    );
}

/// One exit-code policy for one report and many: a report whose files cannot be written
/// (a folder in the way) exits 3 alone and in a batch; a batch with a report in error
/// exits 1, whatever else failed.
#[test]
fn a_batch_exits_as_a_single_render_of_its_worst_failure_would() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("jinchuan.toml");
    let b = tmp.path().join("qianwan.toml");
    let bad = tmp.path().join("bad-period.toml");
    std::fs::write(
        &a,
        report("金川经济技术开发区管委会", "上半年，园区运行平稳。"),
    )
    .unwrap();
    std::fs::write(&b, report("前湾新区管委会", "上半年，新区稳中有进。")).unwrap();
    std::fs::write(
        &bad,
        report("某开发区管委会", "上半年，园区运行平稳。").replace("2022-H1", "2022-H3"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    // A folder where jinchuan.txt belongs.
    std::fs::create_dir_all(out.join("jinchuan.txt")).unwrap();
    let render = |reports: &[&Path]| {
        let mut args = vec!["render".to_string()];
        args.extend(reports.iter().map(|r| r.display().to_string()));
        args.extend(["--format", "txt", "--out"].map(String::from));
        args.push(out.display().to_string());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = huibao(&args);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        (o.status.code(), text)
    };
    let (single, text) = render(&[&a]);
    assert_eq!(single, Some(3), "{text}");
    let (batch, text) = render(&[&a, &b]);
    assert_eq!(batch, Some(3), "{text}");
    assert!(text.contains("1 rendered, 1 failed"), "{text}");
    assert!(out.join("qianwan.txt").is_file());
    let (mixed, text) = render(&[&a, &b, &bad]);
    assert_eq!(mixed, Some(1), "{text}");
}
