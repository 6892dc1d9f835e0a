//! huibao-fuzz: one function per entry point that takes untrusted input — the loader,
//! prose templates, title and line breaking, import (.txt, .docx) and every backend —
//! each turning arbitrary bytes into a call and checking what must hold whatever the
//! input: no panic, and the invariants named in each function.
//!
//! Two drivers call them: the libFuzzer targets in `libfuzzer/` (coverage-guided, for
//! long runs: see RELIABILITY.md) and the bounded mutation run of `tests/smoke.rs`, which
//! `cargo test` runs on stable in about a minute, seeded with the examples.

pub mod mutate;
pub mod seeds;

use huibao_core::linebreak::{break_ranges, groups, nominal_trims, spacing, Item};
use huibao_core::style::Punctuation;
use huibao_core::{SourceFile, Style};
use huibao_import::SourceKind;

/// A named entry point.
pub type Target = fn(&[u8]);

/// Every entry point, by the name its libFuzzer target has.
pub const TARGETS: [(&str, Target); 9] = [
    ("report", report),
    ("prose", prose),
    ("title", title),
    ("linebreak", linebreak),
    ("import_txt", import_txt),
    ("import_docx", import_docx),
    ("import_docx_xml", import_docx_xml),
    ("docx_html", docx_html),
    ("pdf_ofd", pdf_ofd),
];

/// The text of a report: the bytes as UTF-8 (invalid sequences replaced).
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Loads, resolves and builds a report (no plugins), then lints it. Errors are fine;
/// panics and hangs are not.
fn prepared(data: &[u8]) -> Option<(huibao_core::Document, Style)> {
    let loaded = huibao_core::load_source(SourceFile::new("fuzz.toml", text(data))).ok()?;
    let resolved = huibao_core::resolve(&loaded);
    let doc = huibao_core::build(&loaded, &resolved, &[]).ok()?;
    let _ = huibao_core::lint(&loaded, &doc);
    Some((doc, loaded.style))
}

/// The loader, prose templates, title breaking, the document tree and lint, on a whole
/// report as written.
pub fn report(data: &[u8]) {
    let _ = prepared(data);
}

/// Prose templates: the bytes as the summary's text of a report with indicators, so
/// every helper (`indicator`, `growth`, `completion` …) has something to cite.
pub fn prose(data: &[u8]) {
    let prose = text(data).replace("'''", "''\u{2019}");
    let report = format!(
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n\
         [[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\nprevious = 43.29\ntarget = 100\n\n\
         [[indicators]]\nname = \"研发投入强度\"\nvalue = 3.2\nunit = \"%\"\nprevious = 2.9\n\n\
         [summary]\ntext = '''\n{prose}'''\n\n[[achievements]]\ntitle = \"多措并举加强招商引资\"\ntext = '''{prose}'''\n"
    );
    let _ = prepared(report.as_bytes());
}

/// Title breaking: the first byte chooses the width (in em), the rest is the title.
/// Every line fits unless it is one unbreakable piece, and no character is lost.
pub fn title(data: &[u8]) {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let title = text(rest);
    let max_em = f64::from(width % 40 + 1);
    let lines = huibao_core::break_title(&title, max_em);
    let joined: String = lines.concat();
    let kept: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let got: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(got, kept, "title breaking lost or added characters");
}

/// Line breaking (optimal fit, with punctuation compressed or not): characters with
/// widths from their position, broken at widths from the first two bytes. The lines
/// cover every item once, in order, and their spacing is finite.
pub fn linebreak(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let first = f64::from(data[0]) + 1.0;
    let rest = f64::from(data[1]) + 1.0;
    let chars: Vec<char> = text(&data[2..]).chars().collect();
    let items: Vec<Item> = chars
        .iter()
        .enumerate()
        .map(|(i, &ch)| Item {
            ch,
            width: f64::from((i as u32).wrapping_mul(2_654_435_761) >> 28) + 1.0,
        })
        .collect();
    let g = groups(&items);
    let mut next = 0;
    for r in &g {
        assert_eq!(r.start, next, "groups leave a gap or overlap");
        assert!(r.end > r.start, "an empty group");
        next = r.end;
    }
    assert_eq!(next, items.len(), "groups do not cover every item");
    let punctuation = if data[0] & 1 == 0 {
        Punctuation::Compress
    } else {
        Punctuation::Full
    };
    let trims = nominal_trims(&items, punctuation);
    let lines = break_ranges(&items, &trims, first, rest);
    let mut next = 0;
    for line in &lines {
        assert_eq!(line.range.start, next, "lines leave a gap or overlap");
        assert!(line.hanging <= line.range.len());
        next = line.range.end;
        let visible = line.range.start..line.range.end - line.hanging;
        let gaps = spacing(&items, visible, rest / 10.0);
        assert!(gaps.iter().all(|g| g.is_finite()), "spacing is not finite");
    }
    assert_eq!(next, items.len(), "lines do not cover every item");
    let _ = huibao_core::linebreak::count_lines(&items, first);
}

/// Imports the bytes as `kind`; what it writes must load (errors in it are fine, a
/// panic is not).
fn import(data: &[u8], kind: SourceKind) {
    if let Ok(imported) = huibao_import::import_bytes("fuzz", "fuzz", data, kind) {
        let _ = prepared(imported.toml.as_bytes());
    }
}

/// Import of a text file (UTF-8, UTF-16 or GB18030).
pub fn import_txt(data: &[u8]) {
    import(data, SourceKind::Text);
}

/// Import of a .docx: the bytes as a ZIP package.
pub fn import_docx(data: &[u8]) {
    import(data, SourceKind::Docx);
}

/// Import of a .docx whose `word/document.xml` is the bytes (in a well-formed package),
/// so mutations reach the XML reader and the outline rather than the ZIP checks.
pub fn import_docx_xml(data: &[u8]) {
    let mut zip = huibao_xml::PackageWriter::new();
    if zip.add("word/document.xml", data).is_err() {
        return;
    }
    if let Ok(package) = zip.finish() {
        import(&package, SourceKind::Docx);
    }
}

/// The DOCX and HTML writers (and the plain text) on a report as written.
pub fn docx_html(data: &[u8]) {
    let Some((doc, style)) = prepared(data) else {
        return;
    };
    if let Ok(bytes) = huibao_docx::render(&doc, &style, &Default::default()) {
        assert!(bytes.starts_with(b"PK"), "a DOCX is a ZIP package");
    }
    if let Ok(html) = huibao_html::render(&doc, &style, &Default::default()) {
        assert_eq!(html.matches("</style").count(), 1, "the stylesheet was cut");
    }
    let _ = doc.plain_text();
}

/// The page layout and the PDF and OFD writers on a report as written, with the bundled
/// fonts only.
pub fn pdf_ofd(data: &[u8]) {
    let Some((doc, style)) = prepared(data) else {
        return;
    };
    let mut fonts = huibao_layout::FontOptions::default();
    fonts.system_fonts = false;
    let Ok(pages) = huibao_layout::lay_out(&doc, &style, &fonts) else {
        return;
    };
    let mut pdf = huibao_pdf::PdfOptions::default();
    pdf.system_fonts = false;
    pdf.created = Some(0);
    if let Ok(bytes) = huibao_pdf::write_pages(&pages, &pdf) {
        assert!(bytes.starts_with(b"%PDF-"));
    }
    let mut ofd = huibao_ofd::OfdOptions::default();
    ofd.created = Some(0);
    let _ = huibao_ofd::render_pages(&pages, &ofd);
}
