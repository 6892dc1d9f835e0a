//! One way in, enumerated: every way a file reaches huibao (`ENTRIES`) is tried with every
//! kind of file that is not a readable regular file (`Bad`): a device, a FIFO, a link to
//! a device, a link to nothing, a folder, a file over the limit. Each must end quickly in
//! a message that names the file (and, where a report named it, the report's
//! line:column), never hang or read without bound.
//!
//! The list is checked against the source: every use of the reader's kinds
//! (`input::Kind::…`) outside the reader must be an entry's site, every kind must have an
//! entry, and no file may be opened any other way (`fs::read`, `File::open` … outside
//! the reader and tests fail `no_file_is_read_around_the_reader`).
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;
use support::program_sources;

/// Longer than this is a hang: the program is killed and the case fails.
const HANG: Duration = Duration::from_secs(60);

/// What is put where a file is expected.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bad {
    /// A character device like /dev/zero (made with mknod when allowed, else a path to
    /// /dev/zero itself where the entry lets the path be chosen).
    Device,
    /// A FIFO nobody writes to: opening it for reading would block forever.
    Fifo,
    /// A symbolic link to /dev/zero.
    LinkToDevice,
    /// A symbolic link to nothing.
    Dangling,
    /// A folder.
    Folder,
    /// A (sparse) file one byte over the kind's limit.
    OverSize,
}

const BADS: [Bad; 6] = [
    Bad::Device,
    Bad::Fifo,
    Bad::LinkToDevice,
    Bad::Dangling,
    Bad::Folder,
    Bad::OverSize,
];

impl Bad {
    /// Puts the bad thing at `path`; `limit` is the reader's limit for the entry.
    fn make(self, path: &Path, limit: u64) {
        use std::os::unix::fs::symlink;
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match self {
            Bad::Device => {
                if !mknod_zero(path) {
                    // Not allowed here: a link is the next best, and is tried as such too.
                    symlink("/dev/zero", path).unwrap();
                }
            }
            Bad::Fifo => {
                let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
                // SAFETY: a valid NUL-terminated path.
                assert_eq!(unsafe { libc_mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
            }
            Bad::LinkToDevice => symlink("/dev/zero", path).unwrap(),
            Bad::Dangling => symlink(path.with_extension("gone"), path).unwrap(),
            Bad::Folder => std::fs::create_dir(path).unwrap(),
            Bad::OverSize => {
                let f = std::fs::File::create(path).unwrap();
                f.set_len(limit + 1).unwrap();
            }
        }
    }

    /// Words the message must hold.
    fn words(self) -> &'static [&'static str] {
        match self {
            Bad::Device => &["device"],
            Bad::Fifo => &["FIFO"],
            Bad::LinkToDevice => &["link to a character device"],
            Bad::Dangling => &["does not exist"],
            Bad::Folder => &["folder"],
            Bad::OverSize => &["larger than", "MAX_"],
        }
    }
}

extern "C" {
    #[link_name = "mkfifo"]
    fn libc_mkfifo(path: *const std::ffi::c_char, mode: u32) -> i32;
    #[link_name = "mknod"]
    fn libc_mknod(path: *const std::ffi::c_char, mode: u32, dev: u64) -> i32;
}

/// A character device 1:5 (what /dev/zero is) at `path`, when this user may make one.
fn mknod_zero(path: &Path) -> bool {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    const S_IFCHR: u32 = 0o020000;
    let dev = (1u64 << 8) | 5;
    // SAFETY: a valid NUL-terminated path, plain integers.
    unsafe { libc_mknod(c.as_ptr(), S_IFCHR | 0o644, dev) == 0 }
}

/// A report that checks, with `extra` appended.
fn report(extra: &str) -> String {
    format!(
        r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-08
{extra}
[summary]
text = "上半年，园区坚持稳中求进工作总基调，主要经济指标保持平稳增长。"

[[achievements]]
title = "多措并举加强招商引资"
text = "上半年新签约项目12个，总投资86.5亿元。"

[[plan]]
title = "全力推进项目落地"
text = "下半年力争新开工项目10个以上。"
"#
    )
}

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// One way a file reaches huibao.
struct Entry {
    /// What it is, for messages.
    name: &'static str,
    /// The reader's kind (as `input::Kind` spells it) and the source files that read
    /// with it on this way in: `"sheets/src/lib.rs:Spreadsheet"`.
    sites: &'static [&'static str],
    /// The bad file's place in the case's folder.
    bad: &'static str,
    /// The reader's limit for it.
    limit: u64,
    /// Writes the good files around the bad one.
    setup: fn(&Path),
    /// The command line (in the case's folder).
    args: &'static [&'static str],
    /// The report's place that named the file (`r.toml:5:`), when one did.
    at: Option<&'static str>,
    /// The run goes on (exit 0) with a warning naming the file, instead of an error.
    warning: bool,
    /// Other words than [`Bad::words`] for some bad files, and why; an empty list: that
    /// bad file is fine here (a folder where a folder is welcome).
    instead: &'static [(Bad, &'static [&'static str])],
}

use huibao_core::limits::*;

fn plain_report(dir: &Path) {
    write(&dir.join("r.toml"), &report(""));
}

fn template_plugin(dir: &Path) {
    write(
        &dir.join("r.toml"),
        &report("\n[[sections]]\nplugin = \"kechuang\"\n[sections.config]\ncount = 12\n"),
    );
    write(
        &dir.join("plugins/kechuang/plugin.toml"),
        "name = \"kechuang\"\nversion = \"0.1.0\"\ndescription = \"科技创新\"\nabi = 1\ntitle = \"强化科技创新支撑\"\ntemplate = \"section.hbs\"\n\n[schema]\ntype = \"object\"\n[schema.properties]\ncount = { type = \"integer\" }\n",
    );
    write(
        &dir.join("plugins/kechuang/section.hbs"),
        "1.新认定高新技术企业{{count}}家。\n",
    );
}

/// A template plugin reads only files inside its folder: a link out of it (to a device
/// too) is refused as such, before the reader sees it.
const CONFINED: &[(Bad, &[&str])] = &[(
    Bad::LinkToDevice,
    &["outside the plugin's folder", "leads to /dev/zero"],
)];

const ENTRIES: &[Entry] = &[
    Entry {
        name: "the report (huibao watch)",
        sites: &["src/cmd/watch.rs:Report"],
        bad: "r.toml",
        limit: MAX_REPORT_BYTES,
        setup: |_| {},
        args: &["watch", "r.toml", "--port", "0"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "the report (huibao check)",
        sites: &["core/src/load.rs:Report", "pipeline/src/lib.rs:Report"],
        bad: "r.toml",
        limit: MAX_REPORT_BYTES,
        setup: |_| {},
        args: &["check", "r.toml"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "the report (huibao render)",
        sites: &["core/src/load.rs:Report", "pipeline/src/lib.rs:Report"],
        bad: "r.toml",
        limit: MAX_REPORT_BYTES,
        setup: |_| {},
        args: &["render", "r.toml", "--format", "txt", "--out", "out"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "a report in a folder given to render (batch)",
        sites: &["core/src/load.rs:Report", "pipeline/src/lib.rs:Report"],
        bad: "reports/qianwan.toml",
        limit: MAX_REPORT_BYTES,
        setup: |dir| write(&dir.join("reports/jinchuan.toml"), &report("")),
        args: &["render", "reports", "--format", "txt", "--out", "out"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "last period's report (previous = … in the report)",
        sites: &[
            "core/src/previous.rs:PreviousReport",
            "pipeline/src/lib.rs:PreviousReport",
        ],
        bad: "last.toml",
        limit: MAX_PREVIOUS_REPORT_BYTES,
        setup: |dir| write(&dir.join("r.toml"), &report("previous = \"last.toml\"\n")),
        args: &["check", "r.toml"],
        at: Some("r.toml:5:"),
        warning: false,
        instead: &[],
    },
    Entry {
        name: "last period's report (--previous)",
        sites: &[
            "core/src/previous.rs:PreviousReport",
            "pipeline/src/lib.rs:PreviousReport",
        ],
        bad: "last.toml",
        limit: MAX_PREVIOUS_REPORT_BYTES,
        setup: plain_report,
        args: &["check", "r.toml", "--previous", "last.toml"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "the spreadsheet ([indicators] from)",
        sites: &["sheets/src/lib.rs:Spreadsheet"],
        bad: "stats.csv",
        limit: MAX_SPREADSHEET_BYTES,
        setup: |dir| {
            write(
                &dir.join("r.toml"),
                &report("\n[indicators]\nfrom = \"stats.csv\"\n"),
            )
        },
        args: &["check", "r.toml"],
        at: Some("r.toml:7:"),
        warning: false,
        instead: &[],
    },
    Entry {
        name: "the spreadsheet (huibao indicators)",
        sites: &["sheets/src/lib.rs:Spreadsheet"],
        bad: "stats.xlsx",
        limit: MAX_SPREADSHEET_BYTES,
        setup: |_| {},
        args: &["indicators", "stats.xlsx"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "a text to import (huibao import)",
        sites: &["import/src/lib.rs:ImportText"],
        bad: "last.txt",
        limit: MAX_IMPORT_TEXT_BYTES,
        setup: |_| {},
        args: &["import", "last.txt", "-o", "imported.toml"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "a Word document to import (huibao import)",
        sites: &["import/src/lib.rs:ImportDocx"],
        bad: "last.docx",
        limit: MAX_IMPORT_DOCX_BYTES,
        setup: |_| {},
        args: &["import", "last.docx", "-o", "imported.toml"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "a template plugin's plugin.toml",
        sites: &["host/src/template.rs:PluginManifest"],
        bad: "plugins/kechuang/plugin.toml",
        limit: MAX_PLUGIN_FILE_BYTES,
        setup: |dir| {
            template_plugin(dir);
            std::fs::remove_file(dir.join("plugins/kechuang/plugin.toml")).unwrap();
        },
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
        at: None,
        warning: false,
        instead: CONFINED,
    },
    Entry {
        name: "a template plugin's template",
        sites: &["host/src/template.rs:PluginTemplate"],
        bad: "plugins/kechuang/section.hbs",
        limit: MAX_PLUGIN_FILE_BYTES,
        setup: |dir| {
            template_plugin(dir);
            std::fs::remove_file(dir.join("plugins/kechuang/section.hbs")).unwrap();
        },
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
        at: None,
        warning: false,
        instead: CONFINED,
    },
    Entry {
        name: "a native plugin's library",
        sites: &["host/src/native.rs:PluginLibrary"],
        bad: "plugins/libhuibao_plugin_kechuang.so",
        limit: MAX_PLUGIN_LIBRARY_BYTES,
        setup: |dir| {
            write(
                &dir.join("r.toml"),
                &report("\n[[sections]]\nplugin = \"kechuang\"\n"),
            )
        },
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
        at: None,
        warning: false,
        instead: &[],
    },
    Entry {
        name: "a font file in a font folder (--font-dir)",
        sites: &["layout/src/fonts.rs:Font"],
        bad: "fonts/broken.ttf",
        limit: MAX_FONT_BYTES,
        setup: plain_report,
        args: &[
            "render",
            "r.toml",
            "--format",
            "pdf",
            "--out",
            "out",
            "--no-system-fonts",
            "--font-dir",
            "fonts",
        ],
        at: None,
        warning: true,
        // A folder named like a font in a font folder is a folder of fonts, searched.
        instead: &[(Bad::Folder, &[])],
    },
    Entry {
        name: "a font file named as the font folder (--font-dir FILE)",
        sites: &["layout/src/fonts.rs:Font"],
        bad: "broken.ttf",
        limit: MAX_FONT_BYTES,
        setup: plain_report,
        args: &[
            "render",
            "r.toml",
            "--format",
            "pdf",
            "--out",
            "out",
            "--no-system-fonts",
            "--font-dir",
            "broken.ttf",
        ],
        at: None,
        warning: false,
        // --font-dir names a folder as a rule.
        instead: &[(Bad::Folder, &[])],
    },
];

/// Runs huibao in `dir` with `args`, killed past [`HANG`]: (exit code, stderr, time).
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .current_dir(dir)
        .env_remove("HUIBAO_PLUGIN_PATH")
        .env_remove("HUIBAO_FONT_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs huibao");
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut s = String::new();
        let _ = stderr.take(1 << 20).read_to_string(&mut s);
        s
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let err = reader.join().unwrap();
            return (status.code(), err, start.elapsed());
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("huibao {args:?} in {} hung past {HANG:?}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn every_reader_refuses_every_bad_file_by_name() {
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for entry in ENTRIES {
        for bad in BADS {
            let words = match entry.instead.iter().find(|(b, _)| *b == bad) {
                Some((_, [])) => continue,
                Some((_, words)) => *words,
                None => bad.words(),
            };
            let dir = tempfile::tempdir().unwrap();
            (entry.setup)(dir.path());
            let path = dir.path().join(entry.bad);
            bad.make(&path, entry.limit);
            let (code, err, took) = run(dir.path(), entry.args);
            let case = format!("{} × {bad:?}", entry.name);
            if took > slowest.0 {
                slowest = (took, case.clone());
            }
            let name = Path::new(entry.bad).file_name().unwrap().to_string_lossy();
            let mut wrong = Vec::new();
            match (entry.warning, code) {
                (true, Some(0)) => {}
                (true, _) => wrong.push(format!("exit {code:?}, wanted 0 with a warning")),
                (false, Some(c)) if c != 0 => {}
                (false, _) => wrong.push(format!("exit {code:?}, wanted an error")),
            }
            if !err.contains(&*name) {
                wrong.push(format!("the message does not name {name}"));
            }
            for w in words {
                if !err.contains(w) {
                    wrong.push(format!("the message does not say “{w}”"));
                }
            }
            if let Some(at) = entry.at {
                if !err.contains(at) {
                    wrong.push(format!("the message is not at {at}"));
                }
            }
            if err.contains("panicked") {
                wrong.push("it panicked".into());
            }
            if took > Duration::from_secs(20) {
                wrong.push(format!("it took {took:?}"));
            }
            if !wrong.is_empty() {
                failures.push(format!("{case}: {}\n{err}", wrong.join("; ")));
            }
        }
    }
    eprintln!(
        "{} ways in × {} bad files; slowest: {} in {:?}",
        ENTRIES.len(),
        BADS.len(),
        slowest.1,
        slowest.0
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_reader_is_in_the_list() {
    let listed: Vec<&str> = ENTRIES
        .iter()
        .flat_map(|e| e.sites.iter().copied())
        .collect();
    let mut used = Vec::new();
    for (path, text) in program_sources() {
        if path == "core/src/input.rs" {
            continue;
        }
        for (i, _) in text.match_indices("input::Kind::") {
            let rest = &text[i + "input::Kind::".len()..];
            let variant: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            used.push(format!("{path}:{variant}"));
        }
    }
    used.sort();
    used.dedup();
    let missing: Vec<&String> = used
        .iter()
        .filter(|u| !listed.contains(&u.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "files are read here, but no entry of tests/readers.rs tries them: {missing:?}"
    );
    let stale: Vec<&&str> = listed
        .iter()
        .filter(|l| !used.iter().any(|u| u == *l))
        .collect();
    assert!(
        stale.is_empty(),
        "entries name sites that read nothing: {stale:?}"
    );
    for kind in huibao_core::input::Kind::ALL {
        let name = format!("{kind:?}");
        assert!(
            listed.iter().any(|l| l.ends_with(&format!(":{name}"))),
            "no entry reads a file as {name}"
        );
    }
}

/// The ways around the reader: any of these outside it (and outside tests) fails, unless
/// listed in `ALLOWED` with why.
const AROUND: &[&str] = &[
    "fs::read(",
    "fs::read_to_string(",
    "File::open(",
    ".read(true)",
    "load_font_file",
    "load_fonts_dir",
    "make_shared_face_data",
    "Mmap::map",
    "open_workbook",
];

/// (file, pattern, why) that may stay.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "editor/src/lib.rs",
        "fs::read(",
        "the editor reads back the report it edits (to notice a change on disk) and the exports it wrote itself, for download: neither is an input of a render (a render of the edited text reads its inputs through the reader)",
    ),
    (
        "editor/src/lib.rs",
        "fs::read_to_string(",
        "the editor opens the report it edits and saves it back: the report is its own document, not an input of a render (it is rendered from memory, its inputs read through the reader)",
    ),
    (
        "editor/src/recent.rs",
        "File::open(",
        "the editor's own list of the reports opened last, in the user's config folder: read within 64 KiB, never an input of a render",
    ),
    (
        "pipeline/src/write.rs",
        "File::open(",
        "opens the output folder to lock it (flock), reads nothing",
    ),
    (
        "layout/src/fonts.rs",
        "Mmap::map",
        "maps the file the reader opened and checked (input::open)",
    ),
    (
        "host/src/isolate.rs",
        "fs::read(",
        "reads /proc/PID/environ to find the plugin processes by their marker, no user file",
    ),
    (
        "fuzz/src/seeds.rs",
        "fs::read(",
        "the fuzz harness's seeds: the repository's own examples",
    ),
];

#[test]
fn no_file_is_read_around_the_reader() {
    let mut found = Vec::new();
    for (path, text) in program_sources() {
        if path == "core/src/input.rs" {
            continue;
        }
        for pattern in AROUND {
            // A whole name: `CompoundFile::open(` (a workbook in memory) is not `File::open(`.
            let whole = text.match_indices(pattern).any(|(i, _)| {
                !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if whole
                && !ALLOWED
                    .iter()
                    .any(|(p, pat, _)| *p == path && pat == pattern)
            {
                found.push(format!("{path}: {pattern}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "files read around huibao_core::input (read them with input::read or input::open): {found:?}"
    );
}
