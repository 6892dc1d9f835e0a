//! The program finds its bundled fonts and plugins wherever it lies: alone outside the
//! checkout (as a build with `CARGO_TARGET_DIR` elsewhere leaves it), installed as
//! `PREFIX/bin/huibao` with `PREFIX/share/huibao/fonts` and `PREFIX/lib/huibao/plugins`
//! (the .deb's layout), or unpacked with `fonts/` and `plugins/` beside it (the zip's
//! and the tarball's).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPORT: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年，园区经济运行总体平稳、稳中有进。"
"#;

/// The program copied to `dir/relative`, with nothing of the checkout beside it.
fn program_in(dir: &Path, relative: &str) -> PathBuf {
    let exe = dir.join(relative);
    std::fs::create_dir_all(exe.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_huibao"), &exe).unwrap();
    exe
}

/// Runs `exe` in `dir` with no plugin path, font folder or user folder from outside.
fn run(exe: &Path, dir: &Path, args: &[&str]) -> Output {
    Command::new(exe)
        .args(args)
        .current_dir(dir)
        .env_remove("HUIBAO_PLUGIN_PATH")
        .env_remove("HUIBAO_FONT_DIR")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("no-such-data-home"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The repository's fonts, copied (only those the default style needs).
fn copy_fonts(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// A native plugin built with these tests (`fund`), copied into `dir`.
fn copy_fund_plugin(dir: &Path) -> PathBuf {
    let name = format!(
        "{}huibao_plugin_fund{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let built = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .join(&name);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(&built, dir.join(&name)).unwrap();
    dir.join(name)
}

#[test]
fn a_program_outside_the_checkout_renders_with_the_checkouts_fonts() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = program_in(tmp.path(), "elsewhere/target/debug/huibao");
    std::fs::write(tmp.path().join("report.toml"), REPORT).unwrap();
    let o = run(
        &exe,
        tmp.path(),
        &[
            "render",
            "report.toml",
            "--no-system-fonts",
            "--format",
            "pdf",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(tmp.path().join("out/report.pdf").is_file());
    let fonts = run(&exe, tmp.path(), &["fonts", "--no-system-fonts"]);
    let checkout_fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    assert!(
        text(&fonts.stdout).contains(&checkout_fonts.display().to_string()),
        "{}",
        text(&fonts.stdout)
    );
}

#[test]
fn an_installed_program_finds_its_fonts_and_plugins_in_the_installed_layout() {
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("usr");
    let exe = program_in(&prefix, "bin/huibao");
    copy_fonts(&prefix.join("share/huibao/fonts"));
    let plugin = copy_fund_plugin(&prefix.join("lib/huibao/plugins"));
    let work = tmp.path().join("empty");
    std::fs::create_dir(&work).unwrap();
    let fonts = run(&exe, &work, &["fonts", "--no-system-fonts"]);
    let shown = text(&fonts.stdout);
    assert!(
        shown.contains(&prefix.join("share/huibao/fonts").display().to_string()),
        "{shown}"
    );
    let plugins = run(&exe, &work, &["plugins", "list"]);
    let listed = text(&plugins.stdout);
    assert!(
        listed.contains(&plugin.display().to_string()) && listed.contains("fund"),
        "{listed}{}",
        text(&plugins.stderr)
    );
}

#[test]
fn an_unpacked_program_finds_its_fonts_and_plugins_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("huibao 解压");
    let exe = program_in(&folder, "huibao");
    copy_fonts(&folder.join("fonts"));
    let plugin = copy_fund_plugin(&folder.join("plugins"));
    let fonts = run(&exe, tmp.path(), &["fonts", "--no-system-fonts"]);
    assert!(
        text(&fonts.stdout).contains(&folder.join("fonts").display().to_string()),
        "{}",
        text(&fonts.stdout)
    );
    let plugins = run(&exe, tmp.path(), &["plugins", "list"]);
    assert!(
        text(&plugins.stdout).contains(&plugin.display().to_string()),
        "{}",
        text(&plugins.stdout)
    );
}

#[test]
fn plugins_in_the_users_folder_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = program_in(tmp.path(), "app/huibao");
    let data = tmp.path().join("data");
    let plugin = copy_fund_plugin(&data.join("huibao/plugins"));
    let o = Command::new(&exe)
        .args(["plugins", "list"])
        .env_remove("HUIBAO_PLUGIN_PATH")
        .env("XDG_DATA_HOME", &data)
        .env("APPDATA", &data)
        .output()
        .unwrap();
    let listed = text(&o.stdout);
    assert!(listed.contains(&plugin.display().to_string()), "{listed}");
}
