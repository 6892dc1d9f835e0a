//! Round trip: every example rendered to DOCX by huibao imports back into an equivalent
//! report — same title, organization, date, addressee, red header, note and end matter,
//! the same outline (levels and heading texts), and the same text when rendered again.
//! Skipped (with a note) while the DOCX backend is not built.

mod support;

use huibao_core::{Loaded, SourceFile};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{han, lcs, outline, page_text};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn huibao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs huibao")
}

/// Renders `report` to `format` in `dir`; `None` when the backend is not built.
fn render(report: &Path, format: &str, dir: &Path) -> Option<PathBuf> {
    let o = huibao(&[
        "render",
        report.to_str().unwrap(),
        "--format",
        format,
        "--out",
        dir.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    if !o.status.success() {
        assert!(
            err.contains("not built") || err.contains("NotBuilt"),
            "{} does not render to {format}: {err}",
            report.display()
        );
        return None;
    }
    let stem = report.file_stem().unwrap().to_string_lossy().into_owned();
    Some(dir.join(format!("{stem}.{format}")))
}

/// Each part's opening text (`[parts.*] text`), trimmed.
fn part_texts(loaded: &Loaded) -> [Option<String>; 3] {
    let p = &loaded.report.parts;
    [&p.achievements, &p.problems, &p.plan]
        .map(|spec| spec.text.as_ref().map(|t| t.get_ref().trim().to_string()))
}

#[test]
fn every_example_round_trips_through_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    assert!(!examples.is_empty());
    for example in examples {
        let Some(docx) = render(&example, "docx", dir.path()) else {
            eprintln!("skipped: the DOCX backend is not built yet");
            return;
        };
        let original = huibao_core::load(&example).expect("the example loads");
        let imported = huibao_import::import_path(&docx).expect("the DOCX imports");
        let back_path = dir.path().join("back.toml");
        std::fs::write(&back_path, &imported.toml).unwrap();
        let back = huibao_core::load_source(SourceFile::new(&back_path, imported.toml.as_str()))
            .unwrap_or_else(|e| {
                panic!(
                    "{}: imported TOML does not load: {e}\n{}",
                    example.display(),
                    imported.toml
                )
            });
        let name = example.display();
        let (o, b) = (&original.report.report, &back.report.report);
        assert_eq!(
            huibao_core::resolve(&back).title,
            huibao_core::resolve(&original).title,
            "{name}: title"
        );
        assert_eq!(b.organization.get_ref(), o.organization.get_ref(), "{name}");
        assert_eq!(back.date, original.date, "{name}: date");
        assert_eq!(
            back.period.normalized(),
            original.period.normalized(),
            "{name}: period"
        );
        assert_eq!(b.recipient, o.recipient, "{name}: recipient");
        assert_eq!(
            b.document_number.as_ref().map(|d| d.get_ref()),
            o.document_number.as_ref().map(|d| d.get_ref()),
            "{name}: document number"
        );
        assert_eq!(b.signer, o.signer, "{name}: signer");
        assert_eq!(b.note, o.note, "{name}: note");
        assert_eq!(
            back.report.end_matter.as_ref().map(|e| e.copy_to.clone()),
            original
                .report
                .end_matter
                .as_ref()
                .map(|e| e.copy_to.clone()),
            "{name}: 抄送"
        );
        assert_eq!(
            back.report.attachments.len(),
            original.report.attachments.len(),
            "{name}: attachments"
        );
        let plugins = !original.report.sections.is_empty();
        if !plugins {
            // Plugin sections come back as ordinary items, so only plain reports compare.
            assert_eq!(
                outline(&back, false),
                outline(&original, false),
                "{name}: outline\n{}",
                imported.toml
            );
            assert_eq!(
                part_texts(&back),
                part_texts(&original),
                "{name}: the parts' opening text\n{}",
                imported.toml
            );
        }
        // The text: rendering both to HTML gives the same characters in order. A chart
        // is drawn from figures, not written as text, and import reads text: its labels
        // do not come back (its caption does), so they are left out.
        let html_a = render(&example, "html", dir.path()).expect("HTML renders");
        let a = han(&page_text(&without_charts(
            &std::fs::read_to_string(&html_a).unwrap(),
        )));
        let html_b = render(&back_path, "html", dir.path()).expect("HTML renders");
        let b = han(&page_text(&without_charts(
            &std::fs::read_to_string(&html_b).unwrap(),
        )));
        let common = lcs(&a, &b);
        let share = common as f64 / a.len() as f64;
        // A plugin's part of its own (place = "part") has no plain-TOML form: it comes back
        // as an item of the work done, its heading renumbered.
        let wanted = if plugins { 0.97 } else { 0.99 };
        assert!(
            share >= wanted,
            "{name}: only {common} of {} characters come back ({:.1}%)",
            a.len(),
            share * 100.0
        );
    }
}

/// A part's opening text (between its heading and its first item) comes back as the
/// part's `text`, not as text of the opening or of the item before.
#[test]
fn part_opening_text_round_trips_through_docx() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("parts.toml");
    std::fs::write(
        &report,
        r#"[report]
organization = "某园区管委会"
period = "2022"
date = 2023-01-10

[summary]
text = '''
2022年，园区稳中有进。
'''

[parts.achievements]
title = "2022年主要工作"
text = '''
一年来，园区坚持项目为王，全力以赴稳增长。

第二段开篇文字。
'''

[parts.problems]
text = '''
对照目标，仍有不足。
'''

[parts.plan]
title = "2023年工作计划"
text = '''
2023年，园区将聚焦项目落地。
'''

[[achievements]]
title = "招商引资成效明显"
text = '''
新签约项目12个。
'''

[[problems]]
title = "土地指标紧张"
text = '''
可用地不足。
'''

[[plan]]
title = "全力推进项目落地"
text = '''
加快开工。
'''
"#,
    )
    .unwrap();
    let Some(docx) = render(&report, "docx", dir.path()) else {
        eprintln!("skipped: the DOCX backend is not built yet");
        return;
    };
    let original = huibao_core::load(&report).expect("the report loads");
    let imported = huibao_import::import_path(&docx).expect("the DOCX imports");
    let back = huibao_core::load_source(SourceFile::new("back.toml", imported.toml.as_str()))
        .unwrap_or_else(|e| panic!("imported TOML does not load: {e}\n{}", imported.toml));
    assert_eq!(
        part_texts(&back),
        part_texts(&original),
        "{}",
        imported.toml
    );
    let summary = |l: &Loaded| {
        l.report
            .summary
            .as_ref()
            .map(|s| s.text.get_ref().trim().to_string())
    };
    assert_eq!(summary(&back), summary(&original), "{}", imported.toml);
    assert_eq!(
        outline(&back, false),
        outline(&original, false),
        "{}",
        imported.toml
    );
    assert_eq!(
        back.report.achievements[0]
            .text
            .as_ref()
            .map(|t| t.get_ref().trim()),
        Some("新签约项目12个。"),
        "{}",
        imported.toml
    );
}

/// An HTML page without its charts' drawings (inline SVG).
fn without_charts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<svg ") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</svg>")
            .map_or("", |end| &rest[start + end + "</svg>".len()..]);
    }
    out.push_str(rest);
    out
}
