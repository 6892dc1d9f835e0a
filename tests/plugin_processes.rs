//! Plugin processes as a group: whatever a native plugin does — answer, fail, hang, crash,
//! fork children in its process group or in sessions of their own, fork a helper that
//! holds its output open and then answer — no process it started is left once huibao is
//! done (or stopped by SIGTERM), and an answer given is kept. Processes are counted by an
//! environment variable this test gives huibao, which every process it starts inherits.
#![cfg(unix)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年，园区坚持稳中求进工作总基调，主要经济指标保持平稳增长。"

[[achievements]]
title = "多措并举加强招商引资"
text = "上半年新签约项目12个，总投资86.5亿元。"
"#;

/// Where the test plugins are built: beside the test binary.
fn test_plugins() -> PathBuf {
    std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The live processes (not zombies) whose environment holds `TEST_RUN=tag`.
fn tagged(tag: &str) -> Vec<u32> {
    let wanted = format!("HUIBAO_TEST_RUN={tag}");
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.split(|&b| b == 0).any(|v| v == wanted.as_bytes()))
        })
        .collect()
}

/// huibao rendering a report with one `faulty` section in `mode`, tagged `tag`.
fn command(mode: &str, timeout: &str, tag: &str, dir: &std::path::Path) -> Command {
    let report = dir.join("report.toml");
    std::fs::write(
        &report,
        format!("{REPORT}\n[[sections]]\nplugin = \"faulty\"\nconfig = {{ mode = \"{mode}\" }}\n"),
    )
    .unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_huibao"));
    c.args(["render", "--format", "html", "--plugin-dir"])
        .arg(test_plugins())
        .arg("--out")
        .arg(dir.join("out"))
        .arg(&report)
        .env("HUIBAO_PLUGIN_TIMEOUT", timeout)
        .env("HUIBAO_TEST_RUN", tag)
        .env_remove("HUIBAO_PLUGIN_PATH")
        .stdin(Stdio::null());
    c
}

/// Waits up to a second for the tagged processes to be gone (a killed process takes a
/// moment to become a zombie); returns those left.
fn left(tag: &str) -> Vec<u32> {
    let end = Instant::now() + Duration::from_secs(1);
    loop {
        let now = tagged(tag);
        if now.is_empty() || Instant::now() > end {
            return now;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(mode: &str, timeout: &str) -> (Output, Duration, Vec<u32>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let tag = format!("{}-{mode}", std::process::id());
    let start = Instant::now();
    let o = command(mode, timeout, &tag, dir.path()).output().unwrap();
    let took = start.elapsed();
    (o, took, left(&tag), dir)
}

#[test]
fn no_plugin_process_outlives_any_plugin_behaviour() {
    let mut failures = Vec::new();
    for (mode, timeout, ok, says) in [
        ("ok", "30", true, "运行正常"),
        ("print", "30", true, "打印之后正常返回"),
        ("error", "30", false, "reported an error"),
        ("panic", "30", false, "panicked"),
        ("abort", "30", false, "stopped by signal SIGABRT (aborted"),
        (
            "segv",
            "30",
            false,
            "stopped by signal SIGSEGV (segmentation fault",
        ),
        ("loop", "2", false, "did not answer within 2 s"),
        ("fork-hang", "2", false, "did not answer within 2 s"),
        ("fork-answer", "30", true, "派生辅助进程后正常返回"),
    ] {
        let (o, took, left, dir) = run(mode, timeout);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        let page = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap_or_default();
        let mut wrong = Vec::new();
        if o.status.success() != ok {
            wrong.push(format!("exit {:?}", o.status.code()));
        }
        if !(err.contains(says) || page.contains(says)) {
            wrong.push(format!("no “{says}”"));
        }
        if !left.is_empty() {
            wrong.push(format!("processes left: {left:?}"));
        }
        // The helpers of fork-answer live 30 s: the answer does not wait for them.
        if took > Duration::from_secs(20) {
            wrong.push(format!("took {took:?}"));
        }
        eprintln!("{mode}: {took:?}, {} left", left.len());
        if !wrong.is_empty() {
            failures.push(format!("{mode}: {}\n{err}", wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn sigterm_stops_the_plugins_processes_too() {
    let dir = tempfile::tempdir().unwrap();
    let tag = format!("{}-sigterm", std::process::id());
    let mut child = command("fork-hang", "60", &tag, dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The host and its two children are up.
    let end = Instant::now() + Duration::from_secs(30);
    while tagged(&tag).len() < 4 {
        assert!(
            Instant::now() < end,
            "the plugin's processes did not start: {:?}",
            tagged(&tag)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let started = tagged(&tag).len();
    assert!(Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let left = left(&tag);
    assert!(
        left.is_empty(),
        "{started} processes before SIGTERM, left after: {left:?}"
    );
}
