//! huibao speaks the language of the locale: `--help` of every command in both languages
//! (snapshots under tests/snapshots/help/), and the outputs of the commands on the examples
//! and on one case of each class of error and warning hold no sentence of the other
//! language. `UPDATE_SNAPSHOTS=1 cargo test --test cli_i18n` writes the snapshots anew.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const COMMANDS: &[&[&str]] = &[
    &[],
    &["render"],
    &["watch"],
    &["edit"],
    &["check"],
    &["new"],
    &["schema"],
    &["fonts"],
    &["plugins"],
    &["plugins", "list"],
    &["plugin"],
    &["plugin", "new"],
    &["import"],
    &["indicators"],
];

/// The program with a locale and nothing else that chooses the language.
fn huibao(locale: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .current_dir(dir)
        .env_remove("HUIBAO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn help_of_every_command_matches_its_snapshot_in_both_languages() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for (locale, lang) in [("zh_CN.UTF-8", "zh-CN"), ("C", "en")] {
        for cmd in COMMANDS {
            let mut args = cmd.to_vec();
            args.push("--help");
            let o = huibao(locale, &repo(), &args);
            assert!(o.status.success(), "{args:?}: {}", text(&o));
            let got = String::from_utf8(o.stdout).unwrap();
            let name = if cmd.is_empty() {
                "huibao".to_string()
            } else {
                cmd.join("-")
            };
            let path = repo()
                .join("tests/snapshots/help")
                .join(lang)
                .join(format!("{name}.txt"));
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if want != got {
                stale.push(format!("{}:\n{got}", path.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "--help differs from its snapshot (UPDATE_SNAPSHOTS=1 writes them):\n{}",
        stale.join("\n")
    );
}

#[test]
fn help_is_chinese_under_a_chinese_locale_and_by_flag() {
    let zh = text(&huibao("zh_CN.UTF-8", &repo(), &["render", "--help"]));
    assert!(zh.contains("用法：huibao render [选项]"), "{zh}");
    assert!(zh.contains("选项：") && !zh.contains("Options:"), "{zh}");
    let flag = text(&huibao(
        "C",
        &repo(),
        &["--lang", "zh-CN", "check", "--help"],
    ));
    assert!(flag.contains("用法：huibao check"), "{flag}");
    let en = text(&huibao(
        "zh_CN.UTF-8",
        &repo(),
        &["check", "--help", "--lang=en"],
    ));
    assert!(en.contains("Usage: huibao check [OPTIONS]"), "{en}");
}

/// A case: a class of message, the files it needs, and the command.
struct Case {
    class: &'static str,
    files: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
}

const REPORT_HEAD: &str =
    "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n";

const CASES: &[Case] = &[
    Case {
        class: "toml-syntax",
        files: &[("r.toml", "[report]\norganization = \"某园区管委会\nperiod = \"2022-H1\"\n")],
        args: &["check", "r.toml"],
    },
    Case {
        class: "unknown-key",
        files: &[(
            "r.toml",
            "[report]\norganisation = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "missing-field",
        files: &[("r.toml", "[report]\nperiod = \"2022-H1\"\ndate = 2022-07-08\n")],
        args: &["check", "r.toml"],
    },
    Case {
        class: "wrong-type",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = \"2022-07-08\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "bad-period",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H7\"\ndate = 2022-07-08\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "bad-date",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08T10:00:00\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "document-number",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\ndocument_number = \"某管发[2022]5号\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "indicator-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 1\nunit = \"\"\ntarget = -1\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 2\nunit = \"亿元\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "table-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[achievements]]\ntitle = \"招商\"\n[achievements.table]\ncolumns = [\"序号\", \"项目\"]\nrows = [[\"1\"]]\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "style-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[style]\nred = \"red\"\n[style.fonts.bdy]\nsize_pt = 3\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "file-missing",
        files: &[],
        args: &["check", "nothing.toml"],
    },
    Case {
        class: "not-a-file",
        files: &[("r.toml", "[report]\norganization = \"\u{0}\"\n")],
        args: &["check", "folder"],
    },
    Case {
        class: "previous-not-a-report",
        files: &[
            ("r.toml", "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\nprevious = \"other.toml\"\n"),
            ("other.toml", "title = \"not a report\"\n"),
        ],
        args: &["check", "r.toml"],
    },
    Case {
        class: "output-not-writable",
        files: &[("out", "a file where the folder should be")],
        args: &["render", "r.toml", "--format", "txt", "--out", "out"],
    },
    Case {
        class: "batch-summary",
        files: &[("reports/bad.toml", "[report]\n")],
        args: &["render", "reports", "../r.toml", "--format", "txt", "--out", "out"],
    },
    Case {
        class: "usage-error",
        files: &[],
        args: &["render", "--bogus"],
    },
    Case {
        class: "new-exists",
        files: &[],
        args: &["new", "r.toml"],
    },
    Case {
        class: "lint-warnings",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[summary]\ntext = \"园区经济运行平稳,发展态势良好.\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "prose-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[summary]\ntext = \"完成{{indicator \\\"税收\\\"}}。\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "plugin-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"nosuchplugin\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "font-errors",
        files: &[],
        args: &["render", "r.toml", "--format", "pdf", "--font-dir", "nofonts", "--out", "out"],
    },
    Case {
        class: "spreadsheet-cell-errors",
        files: &[("stats.csv", "指标名称,计量单位,本期数,上年同期数\n营业收入,亿元,abc,10\n")],
        args: &["indicators", "stats.csv"],
    },
    Case {
        class: "indicators-comments",
        files: &[("stats.csv", "指标名称,计量单位,本期数,上年同期数\n营业收入,亿元,12,10\n")],
        args: &["indicators", "stats.csv"],
    },
    Case {
        class: "import-doubts",
        files: &[(
            "last.txt",
            "某园区管委会2021年上半年工作总结\n\n今年以来，园区完成营业收入12亿元。\n\n一、主要工作\n\n（一）招商引资\n新签约项目3个。\n",
        )],
        args: &["import", "last.txt", "--stdout"],
    },
    Case {
        class: "plugins-list",
        files: &[],
        args: &["plugins", "list"],
    },
    Case {
        class: "fonts",
        files: &[],
        args: &["fonts"],
    },
    Case {
        class: "plugin-scaffold",
        files: &[],
        args: &["plugin", "new", "talent"],
    },
    Case {
        class: "watch-no-report",
        files: &[],
        args: &["watch", "nothing.toml"],
    },
    Case {
        class: "new-starter",
        files: &[],
        args: &["new", "starter.toml"],
    },
    Case {
        class: "numbers-and-characters",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区\\u0007管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 1e300\nunit = \"亿元\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "spreadsheet-missing",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[indicators]\nfrom = \"统计/没有这个文件.xlsx\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "import-missing",
        files: &[],
        args: &["import", "没有这个文件.docx"],
    },
    Case {
        class: "import-output-is-source",
        files: &[("last.txt", "某园区管委会2021年上半年工作总结\n\n今年以来，园区完成营业收入12亿元。\n")],
        args: &["import", "last.txt", "-o", "last.txt"],
    },
    Case {
        class: "figures-without-rate",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"新签约项目\"\nvalue = 3\nunit = \"个\"\nprevious = 0\n\n[[indicators]]\nname = \"净利润\"\nvalue = -0.5\nunit = \"亿元\"\ntarget = 2\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "implausible-dates",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2202-H1\"\ndate = 2022-03-08\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "bidirectional-control",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区\\u202E管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "chart-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 12\nunit = \"亿元\"\nprevious = 10\n\n[[charts]]\nkind = \"growth\"\nindicators = [\"营业收\"]\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "template-refused",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[summary]\ntext = \"完成{{> part}}。\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "spreadsheet-file-errors",
        files: &[("stats.xlsx", "指标名称,本期\n")],
        args: &["indicators", "stats.xlsx"],
    },
    Case {
        class: "template-plugin-errors",
        files: &[
            ("plugins/talent/plugin.toml", "name = \"talnt\"\nversion = \"0.1.0\"\n"),
            ("plugins/talent/section.hbs", "一、人才\n"),
            (
                "r.toml",
                "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"talent\"\n",
            ),
        ],
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
    },
    Case {
        class: "plugin-config-errors",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"fund\"\n[sections.config]\ntitle = \"基金\"\n[[sections.config.funds]]\nname = \"甲基金\"\nstage = \"已投\"\nsize = \"三十\"\ninvsted = 1\n[[sections.config.funds]]\nname = 3\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "plugin-schema-errors",
        files: &[
            (
                "plugins/talent/plugin.toml",
                "name = \"talent\"\nversion = \"0.1.0\"\n[schema]\ntype = \"object\"\n[schema.properties.a]\npattern = \"^x\"\nminLength = -1\n",
            ),
            ("plugins/talent/section.hbs", "一、人才\n"),
            (
                "r.toml",
                "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"talent\"\n",
            ),
        ],
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
    },
    Case {
        class: "plugin-section-errors",
        files: &[
            ("plugins/talent/plugin.toml", "name = \"talent\"\nversion = \"0.1.0\"\n"),
            (
                "plugins/talent/section.hbs",
                "一、人才引进\n（一）引进博士\n1.其中\n（1）教授\n（2）副教授\n",
            ),
            (
                "r.toml",
                "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[sections]]\nplugin = \"talent\"\n",
            ),
        ],
        args: &["check", "r.toml", "--plugin-dir", "plugins"],
    },
    Case {
        class: "option-value-refused",
        files: &[("stats.csv", "指标名称,计量单位,本期数,上年同期数\n营业收入,亿元,12,10\n")],
        args: &["indicators", "stats.csv", "--range", "XX"],
    },
    Case {
        class: "import-not-a-report",
        files: &[("last.txt", "{\\rtf1\\ansi 某园区管委会}")],
        args: &["import", "last.txt"],
    },
    Case {
        class: "import-reader-pdf-damaged",
        files: &[("last.pdf", "%PDF-1.4\n某园区管委会2021年工作总结\n")],
        args: &["import", "last.pdf"],
    },
    Case {
        class: "import-reader-web-archive-without-page",
        files: &[(
            "last.mhtml",
            "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"x\"\n\n--x\nContent-Type: image/png\n\nabc\n--x--\n",
        )],
        args: &["import", "last.mhtml"],
    },
    Case {
        class: "import-reader-docx-not-zip",
        files: &[("last.docx", "PK\u{3}\u{4}某园区管委会2021年工作总结")],
        args: &["import", "last.docx"],
    },
    Case {
        class: "import-reader-odt-not-zip",
        files: &[("last.odt", "PK\u{3}\u{4}某园区管委会2021年工作总结")],
        args: &["import", "last.odt"],
    },
    Case {
        class: "prose-no-target",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 56.3\nunit = \"亿元\"\n\n[summary]\ntext = \"上半年实现营业收入{{completion \\\"营业收入\\\"}}。\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "prose-no-growth",
        files: &[(
            "r.toml",
            "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 56.3\nunit = \"亿元\"\n\n[summary]\ntext = \"上半年实现营业收入{{growth \\\"营业收入\\\"}}。\"\n",
        )],
        args: &["check", "r.toml"],
    },
    Case {
        class: "font-file-cut-short",
        files: &[],
        args: &[
            "render",
            "r.toml",
            "--format",
            "pdf",
            "--no-system-fonts",
            "--font-dir",
            "fonts",
            "--out",
            "out",
        ],
    },
    Case {
        class: "check-ok",
        files: &[],
        args: &["check", "r.toml"],
    },
];

/// Classes still English in Chinese, and why. The test fails when one of them is no
/// longer English (remove it here) or when any other class is.
const KNOWN_ENGLISH: &[(&str, &str)] = &[];

/// Text with what may stay in any language taken out: library and plugin words shown as
/// they are (（原文：…）), quoted names and values, paths, keys, options and codes.
fn prose(text: &str) -> String {
    let mut s = String::new();
    let mut rest = text;
    // （原文：…） to its closing bracket.
    while let Some(at) = rest.find("（原文：") {
        s.push_str(&rest[..at]);
        let after = &rest[at..];
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '（' => depth += 1,
                '）' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + c.len_utf8();
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    s.push_str(rest);
    let mut out = String::new();
    let mut quoted: Option<char> = None;
    for c in s.chars() {
        match (quoted, c) {
            (None, '“') => quoted = Some('”'),
            (None, '`') => quoted = Some('`'),
            (None, '"') => quoted = Some('"'),
            (Some(q), c) if c == q => {
                quoted = None;
                out.push(' ');
            }
            (Some(_), '\n') => {
                quoted = None;
                out.push('\n');
            }
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

/// The first run of three or more lowercase English words in `text`, outside names and
/// codes.
fn english_sentence(text: &str) -> Option<String> {
    for line in prose(text).lines() {
        // The quoted source line of a diagnostic is the user's own text.
        if line.trim_start().starts_with(|c: char| c.is_ascii_digit()) && line.contains(" | ") {
            continue;
        }
        if line.trim_start().starts_with('|') {
            continue;
        }
        let mut run: Vec<&str> = Vec::new();
        for token in line.split([' ', ',', ';', '，', '：', '（', '）', '(', ')']) {
            // Lowercase words: names of fonts and programs (Times New Roman, WPS) are
            // capitalised, sentences of messages are not.
            let word =
                !token.is_empty() && token.chars().all(|c| c.is_ascii_lowercase() || c == '\'');
            if word {
                run.push(token);
                if run.len() >= 3 {
                    return Some(format!("{} (in {line:?})", run.join(" ")));
                }
            } else if !token.is_empty() {
                run.clear();
            }
        }
    }
    None
}

/// Sets up a case's folder: the example report as r.toml unless the case writes its own.
fn setup(case: &Case) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(repo().join("examples/park-2022h1.toml")).unwrap();
    std::fs::write(tmp.path().join("r.toml"), example).unwrap();
    for (name, body) in case.files {
        let path = tmp.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    if case.class == "not-a-file" {
        std::fs::create_dir_all(tmp.path().join("folder")).unwrap();
    }
    if case.class == "font-file-cut-short" {
        // A bundled font cut to a seventh: skipped with a warning saying why.
        let whole = std::fs::read(repo().join("fonts/FandolFang-Regular.otf")).unwrap();
        std::fs::create_dir_all(tmp.path().join("fonts")).unwrap();
        std::fs::write(
            tmp.path().join("fonts/FandolFang-Regular.otf"),
            &whole[..whole.len() / 7],
        )
        .unwrap();
    }
    let _ = REPORT_HEAD;
    tmp
}

#[test]
fn every_class_of_message_is_chinese_under_a_chinese_locale_and_english_under_c() {
    let mut wrong = Vec::new();
    for case in CASES {
        let known = KNOWN_ENGLISH.iter().any(|(c, _)| *c == case.class);
        // What the command says, and the comments of a file it writes.
        let run = |locale: &str| {
            let tmp = setup(case);
            let mut out = text(&huibao(locale, tmp.path(), case.args));
            if let Ok(written) = std::fs::read_to_string(tmp.path().join("starter.toml")) {
                out.push_str(&written);
            }
            out
        };
        let zh = run("zh_CN.UTF-8");
        let en = run("C");
        assert!(!zh.trim().is_empty(), "{}: prints nothing", case.class);
        match (english_sentence(&zh), known) {
            (Some(s), false) => {
                wrong.push(format!("{}: English in Chinese: {s}\n{zh}", case.class))
            }
            (None, true) => wrong.push(format!(
                "{}: is Chinese now: remove it from KNOWN_ENGLISH\n{zh}",
                case.class
            )),
            _ => {}
        }
        for word in ["错误：", "警告：", "建议：", "已写入", "用法："] {
            if en.contains(word) {
                wrong.push(format!(
                    "{}: Chinese under LANG=C: {word}\n{en}",
                    case.class
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Each kind of command-line error a user can make: the arguments, then what the message
/// and its tip say in Chinese and in English (clap's suggestion kept in both).
const USAGE_ERRORS: &[(&[&str], &[&str], &[&str])] = &[
    (
        &["rendr", "r.toml"],
        &["无法识别的命令“rendr”", "提示：是否应为命令“render”？"],
        &["unrecognized subcommand 'rendr'", "tip: a similar command exists: 'render'"],
    ),
    (
        &["render", "--formt", "pdf", "r.toml"],
        &["无法识别的参数“--formt”", "提示：是否应为选项“--format”？"],
        &["unexpected argument '--formt' found", "tip: a similar argument exists: '--format'"],
    ),
    (
        &["check", "--qqq", "r.toml"],
        &["无法识别的参数“--qqq”", "提示：如要把“--qqq”作为值传入，请写成 -- --qqq"],
        &["unexpected argument '--qqq' found", "tip: to pass '--qqq' as a value, use '-- --qqq'"],
    ),
    (
        &["render"],
        &["缺少必需的参数：<报告文件>..."],
        &["the following required arguments were not provided: <REPORT>..."],
    ),
    (
        &["render", "--format", "doc", "r.toml"],
        &["选项“--format <格式>”的值“doc”无效（可用的值：docx、pdf、html、txt、ofd）", "提示：是否应为“docx”？"],
        &["invalid value 'doc' for '--format <FORMAT>' (possible values: docx, pdf, html, txt, ofd)", "tip: a similar value exists: 'docx'"],
    ),
    (
        &["--lang", "fr", "check", "r.toml"],
        &["选项“--lang <语言>”的值“fr”无效（可用的值：zh-CN、en）"],
        &["invalid value 'fr' for '--lang <LANG>' (possible values: zh-CN, en)"],
    ),
    (
        &["check", "r.toml", "b.toml"],
        &["多余的参数“b.toml”"],
        &["unexpected argument 'b.toml' found"],
    ),
    (
        &["plugin"],
        &["请指定一个命令"],
        &["a command is required"],
    ),
];

#[test]
fn every_kind_of_usage_error_reads_in_both_languages_with_clap_s_suggestion_and_exit_code_2() {
    let mut wrong = Vec::new();
    for (args, zh_says, en_says) in USAGE_ERRORS {
        for (locale, says) in [("zh_CN.UTF-8", zh_says), ("C", en_says)] {
            let o = huibao(locale, &repo(), args);
            let out = text(&o);
            if o.status.code() != Some(2) {
                wrong.push(format!(
                    "{args:?} ({locale}): exit {:?}\n{out}",
                    o.status.code()
                ));
            }
            for said in *says {
                if !out.contains(said) {
                    wrong.push(format!("{args:?} ({locale}): no {said:?} in\n{out}"));
                }
            }
            if locale == "C" && out.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                wrong.push(format!("{args:?}: Chinese under LANG=C\n{out}"));
            }
            if locale != "C" {
                if let Some(s) = english_sentence(&out) {
                    wrong.push(format!("{args:?}: English under zh-CN: {s}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn the_scan_finds_english_and_passes_names_codes_and_library_words() {
    assert!(english_sentence("错误：cannot read the file").is_some());
    assert!(english_sentence("a.toml:5:1: 错误：无法识别的键“organisation”").is_none());
    assert!(
        english_sentence("错误：TOML 语法错误（原文：invalid basic string, expected `\"`）")
            .is_none()
    );
    assert!(english_sentence("已写入“out/park 2022 h1.docx”（84.7 KiB）").is_none());
}
