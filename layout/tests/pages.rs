//! What the pages promise a writer: the document's text once and in order, pagination
//! matter marked, positions in points from the page's top-left corner, and every glyph
//! in its font's character map.

use huibao_layout::{FontOptions, Pages};
use std::path::PathBuf;

/// The repository's root, read at run time.
fn repo() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
    PathBuf::from(manifest).join("..")
}

/// Lays out a report of the repository with the bundled fonts only.
fn lay_out(report: &str) -> (huibao_core::Document, Pages) {
    let path = repo().join(report);
    let loaded = huibao_core::load(&path).unwrap_or_else(|d| panic!("load {report}: {d:?}"));
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[])
        .unwrap_or_else(|_| panic!("build {report}"));
    let mut options = FontOptions::default();
    options.system_fonts = false;
    options.bundled_dir = Some(repo().join("fonts"));
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &options)
        .unwrap_or_else(|e| panic!("lay out {report}: {e}"));
    (doc, pages)
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Reports covering a red header, tables continued on new pages, attachments, a
/// sealed signature and end matter.
const REPORTS: [&str; 5] = [
    "examples/park-2022h1.toml",
    "examples/ecopark-2022.toml",
    "examples/techcity-2022.toml",
    "tests/pdf/long-table.toml",
    "tests/docx/sealed-overrides.toml",
];

#[test]
fn pages_hold_the_document_text_once_and_in_order() {
    for report in REPORTS {
        let (doc, pages) = lay_out(report);
        let drawn: String = pages
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .filter(|l| !l.artifact)
            .map(|l| l.text())
            .collect();
        let ir = doc.plain_text();
        assert!(ir.chars().count() > 500, "{report}: a short document");
        let (drawn, ir) = (without_spaces(&drawn), without_spaces(&ir));
        if drawn != ir {
            let at = drawn
                .chars()
                .zip(ir.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let near = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(10))
                    .take(30)
                    .collect::<String>()
            };
            panic!(
                "{report}: the pages' text differs from the document's at character {at}:\n pages: …{}\n tree:  …{}",
                near(&drawn),
                near(&ir)
            );
        }
    }
}

#[test]
fn pagination_matter_is_page_numbers_and_repeated_table_heads_only() {
    let (doc, pages) = lay_out("tests/pdf/long-table.toml");
    let headers: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            huibao_core::ir::Block::Table(t) => {
                Some(t.columns.iter().map(|c| c.header.as_str()).collect())
            }
            _ => None,
        })
        .collect();
    let mut numbers = 0;
    let mut continued = 0;
    for (i, page) in pages.pages.iter().enumerate() {
        for line in page.lines.iter().filter(|l| l.artifact) {
            let text = line.text();
            if text == format!("—{}—", i + 1) {
                numbers += 1;
            } else if text == "续表" {
                continued += 1;
            } else {
                // A repeated header row is drawn as one line per cell.
                assert!(
                    headers.iter().any(|h| h.contains(&text)),
                    "page {}: artifact “{text}” is not pagination matter",
                    i + 1
                );
            }
        }
    }
    assert_eq!(
        numbers,
        pages.pages.len(),
        "every page of this report is numbered"
    );
    assert!(continued > 0, "the long table continues on a new page");
}

#[test]
fn every_glyph_is_in_its_fonts_character_map() {
    let (_, pages) = lay_out("examples/park-2022h1.toml");
    assert!(pages.fonts.len() >= 3, "{} fonts", pages.fonts.len());
    for run in pages
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.runs)
    {
        let font = pages.font(run.font);
        for g in &run.glyphs {
            assert_ne!(g.id, 0, "glyph 0 (missing) for “{}”", g.ch);
            assert_eq!(
                font.chars.get(&g.ch),
                Some(&g.id),
                "“{}” in {}",
                g.ch,
                font.family
            );
        }
    }
    for font in &pages.fonts {
        assert!(
            !font.chars.is_empty(),
            "{} is listed but unused",
            font.family
        );
        assert!(
            ttf_parser::Face::parse(font.data.as_bytes(), font.index).is_ok(),
            "{}: the embedded data is a font",
            font.family
        );
    }
}

#[test]
fn positions_are_points_from_the_top_left_corner() {
    const MM: f64 = 72.0 / 25.4;
    let (_, pages) = lay_out("tests/pdf/long-table.toml");
    assert!((pages.width - 210.0 * MM).abs() < 0.01);
    assert!((pages.height - 297.0 * MM).abs() < 0.01);
    // GB/T 9704: the text block starts 37 mm from the top and 28 mm from the left,
    // 22 rows of 225 mm / 22.
    let (top, left, pitch) = (37.0 * MM, 28.0 * MM, 225.0 * MM / 22.0);
    let first = &pages.pages[0].lines[0];
    assert!(
        first.y > top && first.y < top + pitch,
        "title baseline {}",
        first.y
    );
    assert!(first.runs[0].glyphs[0].x > left);
    // The page number: its top 7 mm below the block, 14 pt, odd pages on the right.
    let number = pages.pages[0].lines.iter().find(|l| l.artifact).unwrap();
    let number_top = number.y - 0.88 * number.runs[0].size;
    assert!((number_top - (top + 225.0 * MM + 7.0 * MM)).abs() < 0.01);
    assert!(number.runs[0].glyphs[0].x > pages.width / 2.0);
    // Table borders and every glyph lie on the page, inside the text block's width.
    for page in &pages.pages {
        for r in &page.rules {
            for (x, y) in [(r.x0, r.y0), (r.x1, r.y1)] {
                assert!(
                    x >= left - 0.01 && x <= pages.width - 26.0 * MM + 0.01,
                    "rule x {x}"
                );
                assert!(
                    y >= top - 0.01 && y <= top + 225.0 * MM + 0.01,
                    "rule y {y}"
                );
            }
        }
    }
    let entry = &pages.outline[0];
    assert!(entry.title.starts_with("一、"), "{}", entry.title);
    assert!(entry.y >= top && entry.y < pages.height, "{}", entry.y);
}

#[test]
fn pages_can_be_shared_by_writers_on_other_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Pages>();
    let (_, pages) = lay_out("examples/park-2022h1.toml");
    let lines = |p: &Pages| p.pages.iter().map(|p| p.lines.len()).sum::<usize>();
    let there = std::thread::scope(|s| s.spawn(|| lines(&pages)).join().unwrap());
    assert_eq!(there, lines(&pages));
}
