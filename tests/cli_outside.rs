//! What the world outside the report does to a render: an `--out` that is a file, font
//! folders that are missing or hold broken fonts, files the report names that are not
//! reports, signals, and other renders into the same folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年，园区经济运行总体平稳、稳中有进。"

[[achievements]]
title = "多措并举加强招商引资"
text = "新签约项目28个，总投资156亿元。"
"#;

/// A folder holding `report.toml`.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.toml");
    std::fs::write(&report, REPORT).unwrap();
    (dir, report)
}

fn huibao(args: &[&str], report: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(args)
        .arg(report)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_out_that_is_a_file_is_named_with_the_fix() {
    let (dir, report) = folder();
    let file = dir.path().join("输出");
    std::fs::write(&file, "不是文件夹").unwrap();
    for out in [file.clone(), file.join("子目录")] {
        let o = huibao(
            &["render", "--format", "html", "--out", out.to_str().unwrap()],
            &report,
        );
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(3), "{e}");
        assert!(
            e.contains(&format!("{} is a file, not a folder", file.display())),
            "{e}"
        );
        assert!(!e.contains("os error"), "{e}");
        assert!(e.contains("--out"), "says how to fix it: {e}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "不是文件夹");
    #[cfg(unix)]
    {
        let dangling = dir.path().join("链接");
        std::os::unix::fs::symlink(dir.path().join("不存在"), &dangling).unwrap();
        let o = huibao(
            &[
                "render",
                "--format",
                "html",
                "--out",
                dangling.to_str().unwrap(),
            ],
            &report,
        );
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(3), "{e}");
        assert!(
            e.contains("is a link to a folder that does not exist"),
            "{e}"
        );
    }
}

fn bundled_font(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fonts")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_broken_font_in_a_font_folder_is_skipped_with_a_warning_naming_it() {
    let (dir, report) = folder();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    let whole = bundled_font("FandolFang-Regular.otf");
    let broken = fonts.join("FandolFang-Regular.otf");
    std::fs::write(&broken, &whole[..whole.len() / 7]).unwrap();
    let out = dir.path().join("out");
    let o = huibao(
        &[
            "render",
            "--format",
            "pdf",
            "--no-system-fonts",
            "--font-dir",
            fonts.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &report,
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains(&format!("warning: font {} was skipped", broken.display())),
        "{e}"
    );
    assert!(out.join("report.pdf").is_file());
}

#[test]
fn a_font_folder_that_is_not_there_is_an_error_of_exit_1() {
    let (dir, report) = folder();
    let missing = dir.path().join("字体");
    let out = dir.path().join("out");
    let o = huibao(
        &[
            "render",
            "--format",
            "pdf",
            "--font-dir",
            missing.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &report,
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains(&format!(
            "the font folder {} does not exist",
            missing.display()
        )),
        "{e}"
    );
    assert!(!out.exists());
    let o = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(["fonts", "--font-dir"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("does not exist"));
}

#[test]
fn a_previous_file_that_is_not_a_report_is_named_never_shown() {
    let (dir, report) = folder();
    let secret = dir.path().join("passwd");
    std::fs::write(
        &secret,
        "root:x:0:0:机密:/root:/bin/bash\ntoken = \"s3cr3t\"\n",
    )
    .unwrap();
    let text = REPORT.replace(
        "date = 2022-07-08\n",
        &format!("date = 2022-07-08\nprevious = \"{}\"\n", secret.display()),
    );
    std::fs::write(&report, text).unwrap();
    for args in [
        vec!["check"],
        vec!["check", "--previous", secret.to_str().unwrap()],
    ] {
        let o = huibao(&args, &report);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{e}");
        assert!(e.contains(&secret.display().to_string()), "{e}");
        assert!(e.contains("not a huibao report"), "{e}");
        for content in ["root:x", "机密", "s3cr3t", "/bin/bash"] {
            assert!(!e.contains(content), "{content} shown:\n{e}");
        }
    }
    // A report with a mistake is shown as usual: its line and column, quoted.
    std::fs::write(
        &secret,
        REPORT.replace("period = \"2022-H1\"", "period = \"2021-H1\"\nperiod = 1"),
    )
    .unwrap();
    let e = stderr(&huibao(&["check"], &report));
    assert!(e.contains("passwd:4:1"), "{e}");
    assert!(e.contains("period = 1"), "{e}");
}

/// The folder cargo put the test plugins in: the test binary's own (`target/debug/deps`).
fn test_plugins() -> PathBuf {
    std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Renders a report with one section of the `faulty` plugin in `mode`.
fn faulty(mode: &str, timeout: &str) -> (Output, std::time::Duration, tempfile::TempDir) {
    let (dir, report) = folder();
    let text =
        format!("{REPORT}\n[[sections]]\nplugin = \"faulty\"\nconfig = {{ mode = \"{mode}\" }}\n");
    std::fs::write(&report, text).unwrap();
    let out = dir.path().join("out");
    let start = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(["render", "--format", "html", "--plugin-dir"])
        .arg(test_plugins())
        .arg("--out")
        .arg(&out)
        .arg(&report)
        .env("HUIBAO_PLUGIN_TIMEOUT", timeout)
        .env_remove("HUIBAO_PLUGIN_PATH")
        .output()
        .unwrap();
    (o, start.elapsed(), dir)
}

#[test]
fn a_native_plugin_that_never_returns_is_stopped_at_its_deadline() {
    let (o, took, dir) = faulty("loop", "2");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("plugin `faulty` did not answer within 2 s and was stopped"),
        "{e}"
    );
    assert!(e.contains("report.toml:"), "located at the section: {e}");
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_native_plugin_that_aborts_fails_the_render_with_a_message() {
    let (o, _, dir) = faulty("abort", "30");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("plugin `faulty` crashed"), "{e}");
    assert!(e.contains("signal 6"), "{e}");
    assert!(
        e.contains("资金数据不一致"),
        "its last words are shown: {e}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_native_plugins_own_stdout_does_not_confuse_the_host() {
    let (o, _, dir) = faulty("print", "30");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    let html = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    assert!(html.contains("打印之后正常返回。"));
}

#[cfg(unix)]
#[test]
fn a_render_stopped_by_a_signal_leaves_no_temporary_and_the_old_outputs() {
    let (dir, report) = folder();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("report.html"), "上一版").unwrap();
    std::fs::write(out.join("report.txt"), "上一版").unwrap();
    // Hold the folder as another writer would: the render stages its files, then waits.
    let lock = std::fs::File::open(&out).unwrap();
    lock.lock().unwrap();
    for signal in ["TERM", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_huibao"))
            .env("HUIBAO_LANG", "en")
            .args(["render", "--format", "html,txt", "--out"])
            .arg(&out)
            .arg(&report)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let staged = |n: usize| {
            std::fs::read_dir(&out)
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
                .count()
                >= n
        };
        let start = std::time::Instant::now();
        while !staged(2) {
            assert!(start.elapsed().as_secs() < 60, "nothing was staged");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}: {status:?}");
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["report.html", "report.txt"], "{signal}");
        assert_eq!(
            std::fs::read_to_string(out.join("report.html")).unwrap(),
            "上一版"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_native_plugin_that_asks_for_too_much_memory_is_stopped() {
    let (o, _, dir) = faulty("hog", "30");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("plugin `faulty` crashed"), "{e}");
    assert!(e.contains("memory allocation"), "{e}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_native_plugins_answer_past_the_limit_is_refused() {
    let (o, _, dir) = faulty("huge", "30");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("plugin `faulty` returned a malformed response"),
        "{e}"
    );
    assert!(e.contains("more than the 4194304 allowed"), "{e}");
    assert!(!dir.path().join("out").exists());
}
