//! One way out, enumerated: every command that writes (`CASES`) is pointed at an input of
//! its own run — the report, last period's report, the spreadsheet, a template plugin's
//! file, the import source — by the same name, through a hard link and through a
//! symbolic link, and standard output redirected onto the input. Each must refuse with
//! a message naming both files, and leave the input as it was.
//!
//! The list is checked against the source: every call of the all-or-nothing writer
//! (`write_files`, `write_outputs`) must be a case's site, and nothing may write a file
//! another way (`no_file_is_written_around_the_writer`).
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;
use support::{program_sources, text};

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// A report of 2022-H1 with `extra` in `[report]`.
fn report(extra: &str) -> String {
    format!(
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n{extra}\n[summary]\ntext = \"上半年，园区坚持稳中求进工作总基调，主要经济指标保持平稳增长。\"\n\n[[achievements]]\ntitle = \"多措并举加强招商引资\"\ntext = \"上半年新签约项目12个，总投资86.5亿元。\"\n"
    )
}

/// Last period's report.
const LAST: &str = "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2021-H1\"\ndate = 2021-07-08\n\n[summary]\ntext = \"上年同期园区经济平稳运行。\"\n\n[[plan]]\ntitle = \"全力推进项目落地\"\ntext = \"下半年力争新开工项目10个以上。\"\n";

/// Last period's report as text to import.
const SOURCE: &str = "金川经济技术开发区管委会2021年上半年工作总结\n\n今年以来，开发区坚持稳中求进工作总基调。\n\n一、上半年工作开展情况\n\n（一）多措并举加强招商引资\n\n上半年新签约项目12个，总投资86.5亿元。\n\n二、下半年工作计划\n\n（一）全力推进项目落地\n\n下半年力争新开工项目10个以上。\n";

const SHEET: &str = "指标名称,单位,1-6月,上年同期\n营业收入,亿元,48.65,43.29\n";

/// How the output is made to be the input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Way {
    /// The output's name is the input's.
    SameName,
    /// The output is a hard link to the input.
    HardLink,
    /// The output is a symbolic link to the input.
    SymLink,
    /// Standard output is the input, opened for appending (as `>>` does).
    Stdout,
}

struct Case {
    name: &'static str,
    /// The writer's call site this case goes through.
    site: &'static str,
    way: Way,
    /// Writes the run's files.
    setup: fn(&Path),
    /// The input that must stay as it was.
    input: &'static str,
    /// Where the output goes, made a link to the input for the link ways.
    output: &'static str,
    args: &'static [&'static str],
    /// The program keeps running (`watch`): the message is awaited, then it is stopped.
    serves: bool,
}

fn plain(dir: &Path) {
    write(&dir.join("r.toml"), &report(""));
}

const CASES: &[Case] = &[
    Case {
        name: "render: the report named r.txt, rendered as txt beside it",
        site: "src/cmd/render.rs",
        way: Way::SameName,
        setup: |dir| write(&dir.join("r.txt"), &report("")),
        input: "r.txt",
        output: "r.txt",
        args: &["render", "r.txt", "--format", "txt"],
        serves: false,
    },
    Case {
        name: "render: an output hard-linked to the report",
        site: "src/cmd/render.rs",
        way: Way::HardLink,
        setup: plain,
        input: "r.toml",
        output: "out/r.txt",
        args: &["render", "r.toml", "--format", "txt", "--out", "out"],
        serves: false,
    },
    Case {
        name: "render: an output that is a link to the report",
        site: "src/cmd/render.rs",
        way: Way::SymLink,
        setup: plain,
        input: "r.toml",
        output: "out/r.txt",
        args: &["render", "r.toml", "--format", "txt", "--out", "out"],
        serves: false,
    },
    Case {
        name: "render: last period's report named r.html",
        site: "src/cmd/render.rs",
        way: Way::SameName,
        setup: |dir| {
            write(&dir.join("r.toml"), &report("previous = \"r.html\"\n"));
            write(&dir.join("r.html"), LAST);
        },
        input: "r.html",
        output: "r.html",
        args: &["render", "r.toml", "--format", "html"],
        serves: false,
    },
    Case {
        name: "render: an output hard-linked to the spreadsheet",
        site: "src/cmd/render.rs",
        way: Way::HardLink,
        setup: |dir| {
            write(
                &dir.join("r.toml"),
                &report("\n[indicators]\nfrom = \"stats.csv\"\n"),
            );
            write(&dir.join("stats.csv"), SHEET);
        },
        input: "stats.csv",
        output: "out/r.txt",
        args: &["render", "r.toml", "--format", "txt", "--out", "out"],
        serves: false,
    },
    Case {
        name: "render: into a template plugin's folder, over its template",
        site: "src/cmd/render.rs",
        way: Way::SameName,
        setup: |dir| {
            write(
                &dir.join("r.toml"),
                &report("\n[[sections]]\nplugin = \"kechuang\"\n"),
            );
            write(
                &dir.join("plugins/kechuang/plugin.toml"),
                "name = \"kechuang\"\nversion = \"0.1.0\"\ndescription = \"科技创新\"\nabi = 1\ntitle = \"强化科技创新支撑\"\ntemplate = \"r.txt\"\n",
            );
            write(
                &dir.join("plugins/kechuang/r.txt"),
                "1.新认定高新技术企业12家。\n",
            );
        },
        input: "plugins/kechuang/r.txt",
        output: "plugins/kechuang/r.txt",
        args: &[
            "render",
            "r.toml",
            "--format",
            "txt",
            "--plugin-dir",
            "plugins",
            "--out",
            "plugins/kechuang",
        ],
        serves: false,
    },
    Case {
        name: "render several (batch): one report named a.txt, rendered as txt",
        site: "pipeline/src/batch.rs",
        way: Way::SameName,
        setup: |dir| {
            write(&dir.join("a.txt"), &report(""));
            write(&dir.join("b.toml"), &report(""));
        },
        input: "a.txt",
        output: "a.txt",
        args: &["render", "a.txt", "b.toml", "--format", "txt"],
        serves: false,
    },
    Case {
        name: "watch --format txt of a report named r.txt",
        site: "preview/src/lib.rs",
        way: Way::SameName,
        setup: |dir| write(&dir.join("r.txt"), &report("")),
        input: "r.txt",
        output: "r.txt",
        args: &["watch", "r.txt", "--format", "txt", "--port", "0"],
        serves: true,
    },
    Case {
        name: "import last.txt -o last.txt",
        site: "src/output.rs",
        way: Way::SameName,
        setup: |dir| write(&dir.join("last.txt"), SOURCE),
        input: "last.txt",
        output: "last.txt",
        args: &["import", "last.txt", "-o", "last.txt"],
        serves: false,
    },
    Case {
        name: "import -o a hard link to the source",
        site: "src/output.rs",
        way: Way::HardLink,
        setup: |dir| write(&dir.join("last.txt"), SOURCE),
        input: "last.txt",
        output: "report.toml",
        args: &["import", "last.txt", "-o", "report.toml"],
        serves: false,
    },
    Case {
        name: "import -o a link to the source",
        site: "src/output.rs",
        way: Way::SymLink,
        setup: |dir| write(&dir.join("last.txt"), SOURCE),
        input: "last.txt",
        output: "report.toml",
        args: &["import", "last.txt", "-o", "report.toml"],
        serves: false,
    },
    Case {
        name: "import --stdout >> the source",
        site: "src/output.rs",
        way: Way::Stdout,
        setup: |dir| write(&dir.join("last.txt"), SOURCE),
        input: "last.txt",
        output: "standard output",
        args: &["import", "last.txt", "--stdout"],
        serves: false,
    },
    Case {
        name: "indicators >> the spreadsheet",
        site: "src/output.rs",
        way: Way::Stdout,
        setup: |dir| write(&dir.join("stats.csv"), SHEET),
        input: "stats.csv",
        output: "standard output",
        args: &["indicators", "stats.csv"],
        serves: false,
    },
];

/// Runs a case: (exit code, stderr). A serving program is stopped once it has spoken of
/// the clash (or after 60 s).
fn run(case: &Case, dir: &Path) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_huibao"));
    command
        .args(case.args)
        .current_dir(dir)
        .env_remove("HUIBAO_PLUGIN_PATH")
        .arg("--no-system-fonts")
        .stdin(Stdio::null());
    if case.args[0] == "import" || case.args[0] == "indicators" {
        // Those two take no font options.
        command = Command::new(env!("CARGO_BIN_EXE_huibao"));
        command
            .args(case.args)
            .current_dir(dir)
            .stdin(Stdio::null());
    }
    let err_path = dir.join("stderr.log");
    command.stderr(std::fs::File::create(&err_path).unwrap());
    if case.way == Way::Stdout {
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(case.input))
            .unwrap();
        command.stdout(appended);
    } else {
        command.stdout(Stdio::null());
    }
    let mut child = command.spawn().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code(), std::fs::read_to_string(&err_path).unwrap());
        }
        let err = std::fs::read_to_string(&err_path).unwrap();
        let spoken = case.serves && err.contains("read in this run");
        if spoken || start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            assert!(spoken, "{}: no answer in 60 s\n{err}", case.name);
            return (None, err);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn no_output_replaces_an_input_of_its_run() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = tempfile::tempdir().unwrap();
        (case.setup)(dir.path());
        let input = dir.path().join(case.input);
        let output = dir.path().join(case.output);
        std::fs::create_dir_all(output.parent().unwrap()).unwrap();
        match case.way {
            Way::HardLink => std::fs::hard_link(&input, &output).unwrap(),
            Way::SymLink => {
                std::os::unix::fs::symlink(std::fs::canonicalize(&input).unwrap(), &output).unwrap()
            }
            Way::SameName | Way::Stdout => {}
        }
        let before = std::fs::read(&input).unwrap();
        let (code, err) = run(case, dir.path());
        let mut wrong = Vec::new();
        if !case.serves && code == Some(0) {
            wrong.push("it succeeded".to_string());
        }
        if std::fs::read(&input).unwrap() != before {
            wrong.push(format!("{} changed", case.input));
        }
        let input_name = Path::new(case.input).file_name().unwrap().to_string_lossy();
        if !err.contains(&*input_name) {
            wrong.push(format!("the message does not name the input {input_name}"));
        }
        let output_name = match case.way {
            Way::Stdout => "standard output".to_string(),
            _ => Path::new(case.output)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        };
        if !err.contains(&output_name) {
            wrong.push(format!(
                "the message does not name the output {output_name}"
            ));
        }
        if !err.contains("read in this run") {
            wrong.push("the message does not say the file is an input of this run".into());
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{} ({:?}): {}\n{err}",
                case.name,
                case.way,
                wrong.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The writer's call sites that write no input of their run, and why.
const READS_NOTHING: &[(&str, &str)] = &[
    (
        "src/cmd/plugins.rs",
        "`huibao plugin new` writes a scaffold and reads nothing; the writer's check applies all the same",
    ),
    (
        "editor/src/recent.rs",
        "`huibao edit` keeps its list of the reports opened last in the user's config folder; it reads no input",
    ),
    (
        "editor/src/lib.rs",
        "`huibao edit` saves the report it edits (its own document, rendered from memory, never recorded as an input) and exports beside it; the writer's check applies to the exports all the same",
    ),
];

#[test]
fn every_writer_is_in_the_list() {
    let mut sites = Vec::new();
    for (path, code) in program_sources() {
        if path == "pipeline/src/write.rs" {
            continue;
        }
        if code.contains("write_files(") || code.contains("write_outputs(") {
            sites.push(path);
        }
    }
    for site in &sites {
        assert!(
            CASES.iter().any(|c| c.site == site) || READS_NOTHING.iter().any(|(s, _)| s == site),
            "{site} writes files, but no case of tests/outputs.rs points it at an input"
        );
    }
    for case in CASES {
        assert!(
            sites.iter().any(|s| s == case.site),
            "{} names {}, which writes nothing",
            case.name,
            case.site
        );
    }
    assert!(
        CASES.iter().any(|c| c.way == Way::HardLink) && CASES.iter().any(|c| c.way == Way::SymLink)
    );
}

/// Ways to write a file around the all-or-nothing writer.
const AROUND: &[&str] = &[
    "fs::write(",
    "File::create(",
    ".write(true)",
    ".append(true)",
    "fs::copy(",
    "fs::rename(",
    ".persist(",
];

/// Files that may write around the writer, and why.
const WRITES_ALLOWED: &[(&str, &str)] = &[(
    "fuzz/src/lib.rs",
    "the fuzz harness writes its input to a scratch file of its own to read it as a spreadsheet",
)];

#[test]
fn no_file_is_written_around_the_writer() {
    let mut found = Vec::new();
    for (path, code) in program_sources() {
        if path == "pipeline/src/write.rs" || WRITES_ALLOWED.iter().any(|(p, _)| *p == path) {
            continue;
        }
        for pattern in AROUND {
            if code.contains(pattern) {
                found.push(format!("{path}: {pattern}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "files written around huibao_pipeline::write_files: {found:?}; {}",
        text(b"write them with write_files, which checks them against the run's inputs")
    );
}
