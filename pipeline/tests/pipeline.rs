//! The pipeline through its library API alone: the repository's examples prepared and
//! rendered to every format, errors located, outputs written as one set (all or nothing,
//! permissions kept).

use huibao_pipeline::{write_files, write_outputs, Format, Options, Prepared, Session, SourceFile};
use std::fs;
use std::path::{Path, PathBuf};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
}

/// A session independent of the machine: bundled fonts only, a fixed creation time.
fn session() -> Session {
    let mut options = Options::default();
    options.system_fonts = false;
    options.created = Some(1_657_584_000);
    Session::new(options)
}

fn prepare(name: &str) -> Prepared {
    session()
        .prepare(&example(name))
        .unwrap_or_else(|d| panic!("{name} does not prepare:\n{d}"))
}

const GOOD: &str = r#"[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-12

[summary]
text = '{{months}}，园区完成营业收入{{indicator "营业收入"}}，{{completion "营业收入"}}。'

[[indicators]]
name = "营业收入"
value = 486500
unit = "万元"
previous = 432800
target = 1000000

[[achievements]]
title = "多措并举加强招商引资"
text = "新签约项目36个，总投资128亿元。"
"#;

#[test]
fn an_example_prepares_and_renders_to_every_format() {
    let prepared = prepare("park-2022h1.toml");
    assert_eq!(prepared.stem(), "park-2022h1");
    assert_eq!(
        prepared.resolved.title,
        "金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划"
    );
    let text = prepared.document.plain_text();
    for line in [
        "2022年上半年工作总结及下半年工作计划",
        "金川市人民政府：",
        "2022年1-6月，园区完成营业收入486500万元，同比增长12.4%，完成全年目标的48.7%，",
        "一、2022年上半年主要工作",
        "一是多措并举加强招商引资。",
    ] {
        assert!(text.contains(line), "{line:?} not in the document:\n{text}");
    }

    let rendered = session()
        .render(&prepared, &Format::ALL)
        .unwrap_or_else(|e| panic!("{e}"));
    let formats: Vec<Format> = rendered.outputs.iter().map(|o| o.format).collect();
    assert_eq!(formats, Format::ALL);
    let docx = rendered.get(Format::Docx).unwrap();
    assert!(docx.starts_with(b"PK\x03\x04"), "a DOCX is a zip package");
    let pdf = rendered.get(Format::Pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let html = String::from_utf8(rendered.get(Format::Html).unwrap().to_vec()).unwrap();
    assert!(html.contains("园区完成营业收入486500万元，同比增长12.4%"));
    let txt = std::str::from_utf8(rendered.get(Format::Txt).unwrap()).unwrap();
    assert_eq!(txt, format!("{text}\n"));
    let ofd = rendered.get(Format::Ofd).unwrap();
    assert!(ofd.starts_with(b"PK\x03\x04"), "an OFD is a zip package");
    // Only bundled fonts were allowed: every role is served by one of them.
    let fonts = rendered.pdf_fonts.as_ref().expect("the PDF's fonts");
    assert!(!fonts.is_empty());
    assert!(
        fonts
            .iter()
            .all(|f| f.origin == huibao_pipeline::FontOrigin::Bundled),
        "{fonts:?}"
    );
}

#[test]
fn a_format_named_twice_is_rendered_once() {
    let prepared = session()
        .prepare_source(SourceFile::new("jinchuan.toml", GOOD))
        .unwrap_or_else(|d| panic!("{d}"));
    let rendered = session()
        .render(&prepared, &[Format::Txt, Format::Html, Format::Txt])
        .unwrap_or_else(|e| panic!("{e}"));
    let formats: Vec<Format> = rendered.outputs.iter().map(|o| o.format).collect();
    assert_eq!(formats, [Format::Txt, Format::Html]);
    assert!(rendered.pdf_fonts.is_none(), "no PDF, no font report");
}

#[test]
fn plugin_sections_are_expanded_from_resolved_figures() {
    // Native `fund` and `party` (built next to this test), template `talent` (beside the
    // example, found through its `[plugins] paths`).
    let prepared = prepare("plugins-kaifaqu-2022h1.toml");
    let text = prepared.document.plain_text();
    for line in [
        "（三）强化基金赋能，拓宽多元融资渠道",
        "（四）坚持人才引领，厚植创新发展优势",
    ] {
        assert!(text.contains(line), "{line:?} not in the document:\n{text}");
    }
    assert_eq!(
        prepared.resolved.figures["营业收入"].growth.as_deref(),
        Some("同比增长11.4%")
    );
}

#[test]
fn errors_come_back_located() {
    let bad = GOOD.replace("title = \"多措并举", "titel = \"多措并举");
    let diagnostics = session()
        .prepare_source(SourceFile::new("jinchuan.toml", bad))
        .expect_err("the report has errors");
    let lines: Vec<String> = diagnostics.0.iter().map(|d| d.one_line()).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("jinchuan.toml:17:1: error: unknown key `titel`")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().all(|l| l.starts_with("jinchuan.toml:")),
        "every error has a place: {lines:#?}"
    );

    let bad = GOOD.replace("2022-H1", "2022-H3");
    let diagnostics = session()
        .prepare_source(SourceFile::new("jinchuan.toml", bad))
        .expect_err("the period is wrong");
    let first = &diagnostics.0[0];
    assert_eq!(first.line_column(), Some((3, 10)), "{}", first.one_line());
    assert!(first
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("2022-Q3"));
}

#[test]
fn a_missing_report_is_a_diagnostic_naming_the_file() {
    let missing = Path::new("no-such-folder/报告.toml");
    let diagnostics = session().prepare(missing).expect_err("nothing to read");
    assert!(
        diagnostics.0[0]
            .message
            .to_string()
            .starts_with("no-such-folder/报告.toml does not exist"),
        "{}",
        diagnostics
    );
}

#[test]
fn last_periods_report_fills_the_growth_figures() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.toml");
    fs::write(
        &last,
        GOOD.replace("2022-H1", "2021-H1")
            .replace("2022-07-12", "2021-07-10")
            .replace("value = 486500", "value = 432800")
            .replace("previous = 432800\n", ""),
    )
    .unwrap();
    let this = GOOD.replace("previous = 432800\n", "");
    let without = session()
        .prepare_source(SourceFile::new("jinchuan.toml", this.as_str()))
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(without.resolved.figures["营业收入"].growth, None);

    let mut options = Options::default();
    options.previous = Some(last);
    let with = Session::new(options)
        .prepare_source(SourceFile::new("jinchuan.toml", this.as_str()))
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        with.resolved.figures["营业收入"].growth.as_deref(),
        Some("同比增长12.4%")
    );
    assert!(with
        .document
        .plain_text()
        .contains("园区完成营业收入486500万元，同比增长12.4%"));
}

#[test]
fn a_character_no_font_has_is_an_error_of_the_report() {
    let prepared = session()
        .prepare_source(SourceFile::new(
            "jinchuan.toml",
            GOOD.replace("新签约项目36个", "新签约\u{E000}项目36个"),
        ))
        .unwrap_or_else(|d| panic!("{d}"));
    let err = session()
        .render(&prepared, &[Format::Html, Format::Pdf])
        .expect_err("no font has U+E000");
    assert_eq!(err.format, Format::Pdf);
    assert!(err.is_report_error());
    let message = err.to_string();
    assert!(
        message
            .to_string()
            .starts_with("PDF output of jinchuan.toml failed: no font has the character"),
        "{message}"
    );
    assert!(message.to_string().contains("U+E000"), "{message}");

    // The same from the OFD alone: its layout is the PDF's.
    let err = session()
        .render(&prepared, &[Format::Ofd])
        .expect_err("no font has U+E000");
    assert_eq!(err.format, Format::Ofd);
    assert!(err.is_report_error());
    let message = err.to_string();
    assert!(
        message
            .to_string()
            .starts_with("OFD output of jinchuan.toml failed: no font has the character"),
        "{message}"
    );
}

#[test]
fn pdf_and_ofd_show_the_same_pages() {
    let prepared = prepare("park-2022h1.toml");
    let rendered = session()
        .render(&prepared, &[Format::Ofd, Format::Pdf])
        .unwrap_or_else(|e| panic!("{e}"));
    // Page objects of the PDF: "/Type/Page" not followed by "s" (that is "/Pages").
    let pdf = rendered.get(Format::Pdf).unwrap();
    let key = b"/Type/Page";
    let pdf_pages = pdf
        .windows(key.len() + 1)
        .filter(|w| w.starts_with(key) && w[key.len()] != b's')
        .count();
    let ofd = rendered.get(Format::Ofd).unwrap();
    let mut reader =
        huibao_xml::PackageReader::new(ofd, huibao_xml::PackageLimits::default()).unwrap();
    let contents = reader
        .names()
        .filter(|n| n.ends_with("/Content.xml"))
        .count();
    assert!(contents > 1);
    assert_eq!(contents, pdf_pages);
    let last = format!("Doc_0/Pages/Page_{}/Content.xml", contents - 1);
    assert!(reader.read(&last).unwrap().is_some());
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn outputs_are_written_as_one_set() {
    let prepared = session()
        .prepare_source(SourceFile::new("jinchuan.toml", GOOD))
        .unwrap_or_else(|d| panic!("{d}"));
    let rendered = session()
        .render(&prepared, &[Format::Docx, Format::Html, Format::Txt])
        .unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap();

    // First run: every file is new.
    let paths = write_outputs(out.path(), &prepared.stem(), &rendered).unwrap();
    assert_eq!(
        paths,
        ["jinchuan.docx", "jinchuan.html", "jinchuan.txt"].map(|n| out.path().join(n))
    );
    assert_eq!(
        names(out.path()),
        ["jinchuan.docx", "jinchuan.html", "jinchuan.txt"]
    );
    assert_eq!(
        fs::read(&paths[2]).unwrap(),
        rendered.get(Format::Txt).unwrap()
    );

    // Second run, after someone put a folder where the text file goes: nothing changes.
    fs::write(&paths[0], "上一版DOCX").unwrap();
    fs::write(&paths[1], "上一版HTML").unwrap();
    fs::remove_file(&paths[2]).unwrap();
    fs::create_dir(&paths[2]).unwrap();
    let err = write_outputs(out.path(), &prepared.stem(), &rendered).unwrap_err();
    assert_eq!(err.path, paths[2]);
    assert!(err.to_string().starts_with("cannot write "), "{err}");
    assert_eq!(fs::read_to_string(&paths[0]).unwrap(), "上一版DOCX");
    assert_eq!(fs::read_to_string(&paths[1]).unwrap(), "上一版HTML");
    assert!(paths[2].is_dir());
    assert_eq!(
        names(out.path()),
        ["jinchuan.docx", "jinchuan.html", "jinchuan.txt"],
        "no temporary left behind"
    );
}

#[test]
fn replaces_every_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("报告.docx");
    let b = dir.path().join("sub/报告.html");
    fs::write(&a, "旧的").unwrap();
    write_files(&[(&a, "新的".as_bytes()), (&b, "<p>新的</p>".as_bytes())]).unwrap();
    assert_eq!(fs::read_to_string(&a).unwrap(), "新的");
    assert_eq!(fs::read_to_string(&b).unwrap(), "<p>新的</p>");
    assert_eq!(names(dir.path()), ["sub", "报告.docx"]);
}

#[test]
fn a_failed_rename_puts_back_the_files_already_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("r.docx");
    let second = dir.path().join("r.pdf");
    let third = dir.path().join("r.html");
    fs::write(&first, "旧DOCX").unwrap();
    // The second is new; the third cannot be written: a folder is in the way.
    fs::create_dir(&third).unwrap();
    let err = write_files(&[
        (&first, "新DOCX".as_bytes()),
        (&second, "新PDF".as_bytes()),
        (&third, "新HTML".as_bytes()),
    ])
    .unwrap_err();
    assert_eq!(err.path, third);
    assert_eq!(fs::read_to_string(&first).unwrap(), "旧DOCX");
    assert!(!second.exists(), "a file that was new is removed again");
    assert!(third.is_dir());
    assert_eq!(names(dir.path()), ["r.docx", "r.html"]);
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    fs::write(&path, "旧").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    write_files(&[(&path, "新".as_bytes())]).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// A batch and the live preview render in one long-lived process: rendering the same
/// report again, in the same session or a new one, gives the same bytes in every format.
#[test]
fn the_same_report_renders_to_the_same_bytes_again_in_one_process() {
    let first_session = session();
    let prepared = first_session
        .prepare(&example("ecopark-2022.toml"))
        .unwrap_or_else(|d| panic!("{d}"));
    let first = first_session
        .render(&prepared, &Format::ALL)
        .expect("render");
    let again = first_session
        .render(&prepared, &Format::ALL)
        .expect("render again");
    let other = session()
        .render(&prepared, &Format::ALL)
        .expect("another session");
    for format in Format::ALL {
        let a = first.get(format).expect("rendered");
        assert!(
            a == again.get(format).unwrap(),
            "{format} differs the second time"
        );
        assert!(
            a == other.get(format).unwrap(),
            "{format} differs in a new session"
        );
    }
}

#[test]
fn two_writers_into_one_folder_never_mix_their_sets() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["园区.docx", "园区.pdf", "园区.html", "园区.txt", "园区.ofd"];
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
    for round in 0..60 {
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|s| {
            for who in ["甲", "乙"] {
                let (paths, barrier) = (&paths, &barrier);
                s.spawn(move || {
                    let content = format!("{who}{round}");
                    let files: Vec<(&PathBuf, &[u8])> =
                        paths.iter().map(|p| (p, content.as_bytes())).collect();
                    barrier.wait();
                    write_files(&files).unwrap();
                });
            }
        });
        let contents: Vec<String> = paths
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        assert!(
            contents.iter().all(|c| *c == contents[0]),
            "round {round}: a mixed set {contents:?}"
        );
    }
    assert_eq!(
        names_in(dir.path()).len(),
        names.len(),
        "{:?}",
        names_in(dir.path())
    );
}

fn names_in(dir: &Path) -> Vec<String> {
    names(dir)
}

#[cfg(unix)]
#[test]
fn a_writer_waits_while_another_holds_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("园区.txt");
    fs::write(&target, "旧").unwrap();
    // Another writer (another huibao) is replacing its set: it holds the folder's lock.
    let folder = fs::File::open(dir.path()).unwrap();
    folder.lock().unwrap();
    let writer = std::thread::spawn({
        let target = target.clone();
        move || write_files(&[(&target, "新".as_bytes())])
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "旧",
        "wrote while the folder was locked"
    );
    folder.unlock().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "新");
}

#[test]
fn a_folder_in_the_way_stops_the_set_before_any_file_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("r.docx");
    let second = dir.path().join("r.pdf");
    fs::write(&first, "旧DOCX").unwrap();
    fs::create_dir(&second).unwrap();
    let before = fs::metadata(&first).unwrap();
    let err =
        write_files(&[(&first, "新DOCX".as_bytes()), (&second, "新PDF".as_bytes())]).unwrap_err();
    assert_eq!(err.path, second);
    assert_eq!(err.source.kind(), std::io::ErrorKind::IsADirectory, "{err}");
    // The old file was never renamed over: the very same file, untouched.
    let after = fs::metadata(&first).unwrap();
    assert_eq!(fs::read_to_string(&first).unwrap(), "旧DOCX");
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!((before.ino(), before.nlink()), (after.ino(), after.nlink()));
    }
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    assert_eq!(names(dir.path()), ["r.docx", "r.pdf"]);
}

#[test]
fn stale_temporaries_of_dead_runs_are_removed_and_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    // A run that was killed: no such process (pid 0 is never a run's).
    let dead = dir.path().join(".huibao-0-a1B2c3.part");
    let dead_old = dir.path().join(".huibao-0-d4E5f6.old");
    // A live run (this very process) staging its own file right now.
    let live = dir
        .path()
        .join(format!(".huibao-{}-g7H8i9.part", std::process::id()));
    // Not ours.
    let other = dir.path().join(".other-tool.part");
    // The naming before process ids: an hour old (killed), and one just written.
    let unnamed_old = dir.path().join(".huibao-Xy12zW.part");
    let unnamed_new = dir.path().join(".huibao-Ab34cD.part");
    for p in [&dead, &dead_old, &live, &other, &unnamed_old, &unnamed_new] {
        fs::write(p, "残留").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&unnamed_old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let target = dir.path().join("r.txt");
    write_files(&[(&target, "新".as_bytes())]).unwrap();
    assert!(
        !dead.exists() && !dead_old.exists(),
        "{:?}",
        names(dir.path())
    );
    assert!(live.exists(), "another live run's temporary is left alone");
    assert!(other.exists());
    assert!(!unnamed_old.exists());
    assert!(
        unnamed_new.exists(),
        "it may be a live run's of an older version"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "新");
}

#[test]
fn one_folder_spelt_two_ways_is_locked_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("r.docx");
    let b = dir.path().join(".").join("r.html");
    let start = std::time::Instant::now();
    write_files(&[(&a, "DOCX".as_bytes()), (&b, "HTML".as_bytes())]).unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(
        fs::read_to_string(dir.path().join("r.html")).unwrap(),
        "HTML"
    );
}

/// `--out /dev/stdout`, a pipe, `/dev/null`: written into, never replaced by a file.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_among_the_targets_is_written_into_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("报告管道");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let reader = std::thread::spawn({
        let pipe = pipe.clone();
        move || {
            let mut text = String::new();
            fs::File::open(&pipe)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        }
    });
    let file = dir.path().join("园区.txt");
    let null = Path::new("/dev/null");
    write_files(&[
        (pipe.as_path(), "上半年工作总结".as_bytes()),
        (file.as_path(), "新".as_bytes()),
        (null, "丢弃".as_bytes()),
    ])
    .unwrap();
    assert_eq!(reader.join().unwrap(), "上半年工作总结");
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(fs::metadata(null).unwrap().file_type().is_char_device());
    assert_eq!(fs::read_to_string(&file).unwrap(), "新");
    assert_eq!(names(dir.path()), ["园区.txt", "报告管道"]);
}

/// A report whose file name is not UTF-8 (园区 in GBK on a Linux disk) gives outputs of
/// the same bytes, never names with U+FFFD in them; and two such reports stay apart.
#[cfg(unix)]
#[test]
fn output_names_keep_the_bytes_of_a_name_that_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // "园区" in GBK: D4 B0 C7 F8.
    let gbk = OsStr::from_bytes(b"\xd4\xb0\xc7\xf8");
    let mut file = gbk.to_os_string();
    file.push(".toml");
    let report = dir.path().join(&file);
    fs::write(&report, GOOD).unwrap();
    let prepared = session().prepare(&report).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(prepared.stem(), gbk);
    let rendered = session()
        .render(&prepared, &[Format::Txt])
        .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let paths = write_outputs(&out, &prepared.stem(), &rendered).unwrap();
    assert_eq!(
        paths[0].file_name().unwrap().as_bytes(),
        b"\xd4\xb0\xc7\xf8.txt"
    );
    assert!(paths[0].is_file());
    // "园区" and "园西" differ in their last byte only: both are kept apart.
    let mut other = OsStr::from_bytes(b"\xd4\xb0\xce\xf7").to_os_string();
    other.push(".toml");
    let second = dir.path().join(other);
    fs::write(&second, GOOD).unwrap();
    let both = huibao_pipeline::collect_reports(&[report, second]).expect("two names");
    assert_eq!(both.len(), 2);
}

/// The PDF of `report` written with `--pdf-a` at `level` (`None`: not given), as text
/// where it is text (the XMP stream is unfiltered, the catalog a plain object).
fn pdf_at(report: &str, level: Option<huibao_pipeline::PdfConformance>) -> String {
    let mut options = Options::default();
    options.system_fonts = false;
    options.created = Some(1_657_584_000);
    options.pdf_conformance = level;
    let session = Session::new(options);
    let prepared = session
        .prepare_source(SourceFile::new("jinchuan.toml", report))
        .unwrap_or_else(|d| panic!("{d}"));
    let rendered = session
        .render(&prepared, &[Format::Pdf])
        .unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(rendered.get(Format::Pdf).unwrap()).into_owned()
}

/// Whether a PDF claims and carries PDF/A-2a and PDF/UA-1 (true) or PDF/A-2b (false).
fn tagged(pdf: &str) -> bool {
    assert!(pdf.contains("<pdfaid:part>2</pdfaid:part>"));
    let a = pdf.contains("<pdfaid:conformance>A</pdfaid:conformance>");
    let b = pdf.contains("<pdfaid:conformance>B</pdfaid:conformance>");
    assert!(a != b, "one conformance level");
    for (what, there) in [
        (
            "the PDF/UA id",
            pdf.contains("<pdfuaid:part>1</pdfuaid:part>"),
        ),
        ("the structure tree", pdf.contains("/StructTreeRoot")),
        ("/MarkInfo", pdf.contains("/Marked true")),
    ] {
        assert_eq!(
            there,
            a,
            "{what} at conformance {}",
            if a { 'A' } else { 'B' }
        );
    }
    a
}

#[test]
fn the_pdf_claims_the_level_it_is_asked_for() {
    use huibao_pipeline::PdfConformance;
    assert!(tagged(&pdf_at(GOOD, None)), "PDF/A-2a by default");
    assert!(tagged(&pdf_at(GOOD, Some(PdfConformance::A2a))));
    assert!(!tagged(&pdf_at(GOOD, Some(PdfConformance::A2b))));
    // The report's [output] pdf_a, which the command line's option overrides.
    let basic = format!("{GOOD}\n[output]\npdf_a = \"2b\"\n");
    assert!(!tagged(&pdf_at(&basic, None)));
    assert!(tagged(&pdf_at(&basic, Some(PdfConformance::A2a))));
    let explicit = format!("{GOOD}\n[output]\npdf_a = \"2a\"\n");
    assert!(tagged(&pdf_at(&explicit, None)));
}

#[test]
fn an_unknown_pdf_level_is_an_error_at_its_place() {
    let bad = format!("{GOOD}\n[output]\npdf_a = \"3u\"\n");
    let Err(err) = session().prepare_source(SourceFile::new("jinchuan.toml", bad.as_str())) else {
        panic!("an unknown level is an error");
    };
    let text = err.to_string();
    assert!(text.contains("jinchuan.toml"), "{text}");
    assert!(text.contains("pdf_a") || text.contains("3u"), "{text}");
}
