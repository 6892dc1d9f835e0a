//! Ideographic variation sequences (a person's name written with the glyph it must have)
//! in every format: kept as text in the HTML, DOCX and text; in the PDF and OFD drawn as
//! the variant, or — the bundled fonts have no `cmap` format 14 — as the base glyph with
//! a warning at the place the report wrote it, the text layer keeping the selector.

use std::process::Command;

mod support;
use support::{huibao, text};

const REPORT: &str = "[report]
organization = \"金川经济技术开发区管委会\"
period = \"2022-H1\"
date = 2022-07-12

[summary]
text = '''
1-6月，园区在葛\u{E0100}再兴同志带领下经济运行平稳。'''
";

/// The text of one part of a ZIP package (DOCX, OFD), by python3's zipfile; `None`
/// without python3.
fn zip_part(package: &std::path::Path, part: &str) -> Option<String> {
    let o = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
        ])
        .arg(package)
        .arg(part)
        .output()
        .ok()?;
    o.status.success().then(|| text(&o.stdout))
}

#[test]
fn a_variation_sequence_is_kept_in_every_format_or_warned_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.toml");
    std::fs::write(&report, REPORT).unwrap();
    let out = dir.path().join("out");
    let o = huibao(&[
        "render",
        report.to_str().unwrap(),
        "--no-system-fonts",
        "--format",
        "pdf,ofd,html,docx,txt",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:8:10: warning: the variation selector U+E0100 after “葛” cannot be shown in the font FandolFang; the base glyph is drawn",
            report.display()
        )),
        "{stderr}"
    );
    let sequence = "葛\u{E0100}再兴";
    for format in ["html", "txt"] {
        let t = std::fs::read_to_string(out.join(format!("r.{format}"))).unwrap();
        assert!(t.contains(sequence), "{format}: {t}");
    }
    match zip_part(&out.join("r.docx"), "word/document.xml") {
        Some(xml) => assert!(xml.contains(sequence), "DOCX: {xml}"),
        None => eprintln!("note: python3 not found; DOCX text not read"),
    }
    match zip_part(&out.join("r.ofd"), "Doc_0/Pages/Page_0/Content.xml") {
        Some(xml) => {
            assert!(xml.contains(sequence), "OFD: {xml}");
            // The two codes draw one glyph.
            assert!(
                xml.contains("CodeCount=\"2\" GlyphCount=\"1\""),
                "OFD: {xml}"
            );
        }
        None => eprintln!("note: python3 not found; OFD text not read"),
    }
    match Command::new("pdftotext")
        .arg(out.join("r.pdf"))
        .arg("-")
        .output()
    {
        Ok(pdf) if pdf.status.success() => {
            let t = text(&pdf.stdout);
            assert!(t.contains(sequence), "PDF text: {t}");
        }
        _ => eprintln!("note: pdftotext (poppler-utils) not found; PDF text not read"),
    }
}
