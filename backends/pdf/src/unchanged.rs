//! The fonts prepared once ([`crate::font`]) change nothing a reader sees: every
//! example, written along both font paths, gives the same objects — the same
//! dictionaries, the same decoded streams (page content, font programs, `/W`,
//! `ToUnicode`), linked the same way — differing only in object numbers and the file
//! identifier derived from them.

use crate::emit::FontPath;
use crate::{Conformance, PdfOptions};
use lopdf::{Document, Object, ObjectId};
use std::collections::{HashMap, VecDeque};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// A report with a variation sequence the bundled fonts have no variant for: its
/// glyph is shown alone, inside the marked content that gives its text.
const VARIATION: &str = "[report]
organization = \"金川经济技术开发区管委会\"
period = \"2022-H1\"
date = 2022-07-12

[summary]
text = '''
1-6月，园区在葛\u{E0100}再兴同志带领下经济运行平稳。'''
";

/// The pages of a report, laid out with the bundled fonts only.
fn pages_of(loaded: &huibao_core::Loaded) -> huibao_layout::Pages {
    let doc = huibao_core::build(loaded, &huibao_core::resolve(loaded), &[]).expect("build");
    let mut fonts = huibao_layout::FontOptions::default();
    fonts.system_fonts = false;
    huibao_layout::lay_out(&doc, &loaded.style, &fonts).expect("lay out")
}

/// The document as text, object numbers left out: the objects reached from the
/// trailer (its `/ID` aside), breadth first, each named by the order it is first
/// reached; streams decoded, their `/Length` and `/Filter` aside.
fn canonical(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).expect("a PDF lopdf reads");
    let mut names: HashMap<ObjectId, usize> = HashMap::new();
    let mut queue: VecDeque<ObjectId> = VecDeque::new();
    let mut out = String::new();
    let mut trailer = doc.trailer.clone();
    trailer.remove(b"ID");
    let text = show(&Object::Dictionary(trailer), &mut names, &mut queue);
    writeln!(out, "trailer {text}").unwrap();
    while let Some(id) = queue.pop_front() {
        let object = doc.get_object(id).expect("every reference resolves");
        let text = show(object, &mut names, &mut queue);
        writeln!(out, "{} {text}", names[&id]).unwrap();
    }
    out
}

/// One object as text; references are named (and queued) on first sight.
fn show(
    o: &Object,
    names: &mut HashMap<ObjectId, usize>,
    queue: &mut VecDeque<ObjectId>,
) -> String {
    match o {
        Object::Reference(id) => {
            let n = names.len();
            let name = *names.entry(*id).or_insert_with(|| {
                queue.push_back(*id);
                n
            });
            format!("@{name}")
        }
        Object::Array(items) => {
            let items: Vec<String> = items.iter().map(|i| show(i, names, queue)).collect();
            format!("[{}]", items.join(" "))
        }
        Object::Dictionary(d) => {
            let entries: Vec<String> = d
                .iter()
                .map(|(k, v)| format!("/{} {}", String::from_utf8_lossy(k), show(v, names, queue)))
                .collect();
            format!("<<{}>>", entries.join(" "))
        }
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.remove(b"Length");
            dict.remove(b"Filter");
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            format!(
                "{} stream {:?}",
                show(&Object::Dictionary(dict), names, queue),
                String::from_utf8_lossy(&content)
            )
        }
        other => format!("{other:?}"),
    }
}

/// Every example (and the test reports of the PDF's own checks, and one with a
/// variation sequence), tagged and untagged.
#[test]
fn the_prepared_fonts_write_every_example_as_printpdf_did() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<PathBuf> = ["examples", "tests/pdf"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("the folder"))
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut reports: Vec<huibao_core::Loaded> = paths
        .iter()
        .map(|p| huibao_core::load(p).expect("load"))
        .collect();
    let variation = huibao_core::SourceFile::new("variation.toml", VARIATION);
    reports.push(huibao_core::load_source(variation).expect("load"));
    assert!(reports.len() >= 5, "{paths:?}");
    for loaded in &reports {
        let report = &loaded.file.path;
        let pages = pages_of(loaded);
        for conformance in [Conformance::A2a, Conformance::A2b] {
            let options = PdfOptions {
                created: Some(1_657_584_000),
                conformance,
            };
            let prepared = crate::write(&pages, &options, FontPath::Prepared).expect("write");
            let printpdf = crate::write(&pages, &options, FontPath::Printpdf).expect("write");
            let (a, b) = (canonical(&prepared), canonical(&printpdf));
            if a != b {
                // Where the two first differ, with a little before it.
                let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                let from = a.floor_char_boundary(at.saturating_sub(200));
                let around = |s: &str| s[from..].chars().take(400).collect::<String>();
                panic!(
                    "{} ({conformance:?}) differs:\nprepared: …{}\nprintpdf: …{}",
                    report.display(),
                    around(&a),
                    around(&b)
                );
            }
        }
    }
}
