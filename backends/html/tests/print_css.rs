//! The print CSS follows the style: paper, margins and the page numbers' size, gap and inset.

use huibao_core::Style;

mod common;
use common::SHORT_REPORT as REPORT;

fn page(toml: &str, adjust: impl FnOnce(&mut Style)) -> String {
    common::page_with(toml, adjust).0
}

/// The declarations of the right-hand page-number box.
fn right_number_box(html: &str) -> &str {
    let start = html.find("@bottom-right {").expect("a page-number box");
    &html[start..start + html[start..].find('}').unwrap()]
}

#[test]
fn the_preset_prints_on_a4_with_gbt9704_margins() {
    let html = page(REPORT, |_| {});
    assert!(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
    let number = right_number_box(&html);
    assert!(number.contains("font-size: 14pt;"), "{number}");
    assert!(number.contains("padding-top: 7mm;"), "{number}");
    assert!(number.contains("padding-right: 14pt;"), "{number}");
}

#[test]
fn a_style_override_changes_the_page_numbers() {
    let toml = format!("{REPORT}\n[style]\nfonts.page_number = {{ size_pt = 12 }}\n");
    let html = page(&toml, |_| {});
    let number = right_number_box(&html);
    assert!(number.contains("font-size: 12pt;"), "{number}");
    // One character of the page number's own size in from the block's edge.
    assert!(number.contains("padding-right: 12pt;"), "{number}");
    assert!(html.contains("padding-left: 12pt;"));
    assert!(html.contains("--size-page-number: 12pt;"));
}

#[test]
fn paper_margins_and_gap_come_from_the_style() {
    let html = page(REPORT, |s| {
        s.page.width_mm = 185.0;
        s.page.height_mm = 260.0;
        s.page.margin_top_mm = 30.0;
        s.page.margin_right_mm = 20.5;
        s.page.margin_bottom_mm = 28.0;
        s.page.margin_left_mm = 22.0;
        s.page.page_number_gap_mm = 5.0;
    });
    assert!(
        html.contains("@page { size: 185mm 260mm; margin: 30mm 20.5mm 28mm 22mm; }"),
        "{}",
        &html[html.find("@page").unwrap()..][..80]
    );
    assert!(right_number_box(&html).contains("padding-top: 5mm;"));
}

#[test]
fn punctuation_width_follows_the_style_through_text_spacing_trim() {
    let html = page(REPORT, |_| {});
    assert!(html.contains("--punctuation-trim: normal;"));
    assert!(html.contains("text-spacing-trim: var(--punctuation-trim);"));
    let toml = format!("{REPORT}\n[style]\npunctuation = \"full\"\n");
    let html = page(&toml, |_| {});
    assert!(
        html.contains("--punctuation-trim: space-all;"),
        "every mark a full cell"
    );
}
