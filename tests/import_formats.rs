//! The formats people keep last period's report in: each report of
//! `tests/import/corpus/` converted by LibreOffice (.doc, .wps — the .doc under WPS's
//! name —, .odt, .pdf, .html, and that page packed as a web archive .mhtml) and rendered
//! by huibao itself from its imported TOML (DOCX, PDF, HTML, OFD) imports to the same
//! outline and text as its source: the outline equal item by item and at least 99% of
//! the Chinese text in order (PDF: the same part and item headings, at least 98%).
//!
//! Needs LibreOffice (`soffice`): without it the LibreOffice half prints a visible skip
//! (and fails under `tests/all.sh`, which installs it). `tests/import/formats/` holds a
//! few of these conversions, made by its script, for the readers' unit-level checks.

mod support;

use huibao_core::SourceFile;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{han, huibao, lcs, outline, repo_file, tool_available};

/// What an import gives to compare: the outline (part headings, then every item with
/// its level) and the Chinese characters of the TOML's text.
struct Imported {
    headings: Vec<String>,
    items: Vec<String>,
    han: Vec<char>,
    toml: String,
}

fn import(path: &Path) -> Result<Imported, String> {
    let imported = huibao_import::import_path(path).map_err(|e| e.to_string())?;
    let loaded = huibao_core::load_source(SourceFile::new("imported.toml", imported.toml.as_str()))
        .map_err(|e| format!("the TOML does not load: {e}"))?;
    let text = values(&imported.toml);
    Ok(Imported {
        headings: outline(&loaded, true),
        items: outline(&loaded, false),
        han: han(&text),
        toml: imported.toml,
    })
}

/// The string values of a report TOML, in order: its text without keys or comments.
fn values(toml: &str) -> String {
    fn walk(v: &toml::Value, out: &mut String) {
        match v {
            toml::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            toml::Value::Table(t) => t.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    let table: toml::Table = toml.parse().expect("the imported TOML parses");
    table.values().for_each(|v| walk(v, &mut out));
    out
}

/// The corpus inputs: every .txt and .docx (not the sources of the .docx).
fn corpus() -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(repo_file("tests/import/corpus"))
        .expect("the corpus folder")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            (name.ends_with(".txt") || name.ends_with(".docx")) && !name.contains(".src.")
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 20, "the corpus is missing");
    inputs
}

/// How one conversion compares with its source.
struct Outcome {
    what: String,
    outline_equal: bool,
    headings_equal: bool,
    share: f64,
    note: String,
}

fn compare(what: String, reference: &Imported, got: Result<Imported, String>) -> Outcome {
    match got {
        Ok(got) => {
            let common = lcs(&reference.han, &got.han);
            let share = common as f64 / reference.han.len().max(1) as f64;
            let mut note = String::new();
            if got.items != reference.items {
                let first = reference
                    .items
                    .iter()
                    .zip(&got.items)
                    .position(|(a, b)| a != b)
                    .unwrap_or(reference.items.len().min(got.items.len()));
                note = format!(
                    "outline differs at item {first}: wanted {:?}, got {:?} ({} vs {} items)",
                    reference.items.get(first),
                    got.items.get(first),
                    reference.items.len(),
                    got.items.len()
                );
            }
            let _ = &got.toml;
            Outcome {
                what,
                outline_equal: got.items == reference.items,
                headings_equal: got.headings == reference.headings,
                share,
                note,
            }
        }
        Err(e) => Outcome {
            what,
            outline_equal: false,
            headings_equal: false,
            share: 0.0,
            note: e,
        },
    }
}

/// Whether an outcome passes: PDF keeps the headings and 98% of the text; the others
/// the whole outline and 99%.
fn passes(o: &Outcome) -> bool {
    if o.what.ends_with(".pdf") {
        o.headings_equal && o.share >= 0.98
    } else {
        o.outline_equal && o.share >= 0.99
    }
}

/// Prints the outcomes by format and fails on any that does not pass.
fn report(outcomes: &[Outcome]) {
    let mut formats: Vec<String> = outcomes
        .iter()
        .map(|o| o.what.rsplit('.').next().unwrap_or_default().to_string())
        .collect();
    formats.sort();
    formats.dedup();
    for f in &formats {
        let of: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| o.what.ends_with(&format!(".{f}")))
            .collect();
        let equal = of.iter().filter(|o| o.outline_equal).count();
        let headings = of.iter().filter(|o| o.headings_equal).count();
        let least = of.iter().map(|o| o.share).fold(1.0, f64::min);
        let mean = of.iter().map(|o| o.share).sum::<f64>() / of.len().max(1) as f64;
        eprintln!(
            ".{f:<5} {} reports: outline equal {equal}, headings equal {headings}, text kept {:.1}% on average, {:.1}% at least",
            of.len(),
            mean * 100.0,
            least * 100.0
        );
    }
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !passes(o))
        .map(|o| {
            format!(
                "{}: outline {}, headings {}, text {:.1}% {}",
                o.what,
                if o.outline_equal { "equal" } else { "differs" },
                if o.headings_equal { "equal" } else { "differ" },
                o.share * 100.0,
                o.note
            )
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The source as UTF-8 text (the GBK report decoded), for LibreOffice's text filter.
fn utf8_copy(src: &Path, dir: &Path) -> PathBuf {
    let bytes = std::fs::read(src).unwrap();
    let text = match String::from_utf8(bytes.clone()) {
        Ok(t) => t,
        Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
    };
    let out = dir.join(src.file_name().unwrap());
    std::fs::write(&out, text).unwrap();
    out
}

/// Converts `inputs` to `format` with LibreOffice into `out` (its own profile, so that
/// parallel runs do not share one).
fn soffice(inputs: &[PathBuf], format: &str, text: bool, out: &Path, profile: &Path) {
    if inputs.is_empty() {
        return;
    }
    let mut cmd = Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore"]);
    if text {
        cmd.arg("--infilter=Text (encoded):UTF8,LF,,,");
    }
    cmd.args(["--convert-to", format, "--outdir"])
        .arg(out)
        .args(inputs);
    let o = cmd.output().expect("runs soffice");
    assert!(
        o.status.success(),
        "soffice --convert-to {format} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A web page packed as a web archive, as browsers save one ("Save as .mhtml"): the page
/// quoted-printable or base64.
fn mhtml(html: &[u8], base64: bool) -> Vec<u8> {
    let mut body = String::new();
    if base64 {
        const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (i, chunk) in html.chunks(3).enumerate() {
            let n =
                chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
            for k in 0..4 {
                body.push(if k <= chunk.len() {
                    ABC[(n >> (18 - 6 * k) & 63) as usize] as char
                } else {
                    '='
                });
            }
            if i % 19 == 18 {
                body.push_str("\r\n");
            }
        }
    } else {
        let mut col = 0;
        for &b in html {
            let piece = if b == b'\n' {
                col = 0;
                body.push_str("\r\n");
                continue;
            } else if (33..=126).contains(&b) && b != b'=' || b == b' ' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if col + piece.len() > 75 {
                body.push_str("=\r\n");
                col = 0;
            }
            col += piece.len();
            body.push_str(&piece);
        }
    }
    format!(
        "From: <Saved by a browser>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x1\"\r\n\r\n------MultipartBoundary--x1\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: {}\r\nContent-Location: file:///report.html\r\n\r\n{body}\r\n------MultipartBoundary--x1--\r\n",
        if base64 { "base64" } else { "quoted-printable" }
    )
    .into_bytes()
}

#[test]
fn corpus_converted_by_libreoffice_imports_alike() {
    if !tool_available("soffice", "the corpus converted by LibreOffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    let out = dir.path().join("out");
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let inputs = corpus();
    let (texts, docs): (Vec<PathBuf>, Vec<PathBuf>) = inputs
        .iter()
        .map(|p| {
            if p.extension().is_some_and(|e| e == "txt") {
                utf8_copy(p, &src)
            } else {
                let to = src.join(p.file_name().unwrap());
                std::fs::copy(p, &to).unwrap();
                to
            }
        })
        .partition(|p| p.extension().is_some_and(|e| e == "txt"));
    for format in ["doc", "odt", "pdf", "html"] {
        soffice(&texts, format, true, &out, &profile);
        soffice(&docs, format, false, &out, &profile);
    }
    let mut outcomes = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        let reference = import(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let doc = out.join(format!("{stem}.doc"));
        let wps = out.join(format!("{stem}.wps"));
        std::fs::copy(&doc, &wps).unwrap();
        let html = out.join(format!("{stem}.html"));
        let archive = out.join(format!("{stem}.mhtml"));
        std::fs::write(&archive, mhtml(&std::fs::read(&html).unwrap(), i % 2 == 1)).unwrap();
        for ext in ["doc", "wps", "odt", "pdf", "html", "mhtml"] {
            let file = out.join(format!("{stem}.{ext}"));
            outcomes.push(compare(format!("{stem}.{ext}"), &reference, import(&file)));
        }
    }
    report(&outcomes);
}

#[test]
fn corpus_rendered_by_huibao_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut outcomes = Vec::new();
    for input in corpus() {
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        let first = huibao_import::import_path(&input).expect("the source imports");
        let toml = dir.path().join(format!("{stem}.toml"));
        std::fs::write(&toml, &first.toml).unwrap();
        let reference = import_toml_as_reference(&toml);
        let o = huibao(&[
            "render",
            toml.to_str().unwrap(),
            "--format",
            "docx,pdf,html,ofd",
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        assert!(
            o.status.success(),
            "{stem} does not render: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        for ext in ["docx", "pdf", "html", "ofd"] {
            let file = dir.path().join(format!("{stem}.{ext}"));
            outcomes.push(compare(format!("{stem}.{ext}"), &reference, import(&file)));
        }
    }
    report(&outcomes);
}

/// The reference for a rendered report: the report TOML it was rendered from.
fn import_toml_as_reference(toml: &Path) -> Imported {
    let text = std::fs::read_to_string(toml).unwrap();
    let loaded = huibao_core::load_source(SourceFile::new(toml, text.as_str()))
        .unwrap_or_else(|e| panic!("{}: {e}", toml.display()));
    let body = values(&text);
    Imported {
        headings: outline(&loaded, true),
        items: outline(&loaded, false),
        han: han(&body),
        toml: text,
    }
}
