//! Pages laid out once and written by `write_pages` make the same drawing as `render`,
//! so the PDF and OFD writers can share one layout.

use huibao_pdf::PdfOptions;
use std::collections::HashMap;
use std::path::Path;

/// Every page's content stream, with names (printpdf's font resource names are random
/// per process) replaced by their order of first use.
fn drawing(pdf: &[u8]) -> Vec<Vec<String>> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf reads");
    doc.get_pages()
        .values()
        .map(|&id| {
            let content = doc.get_page_content(id);
            let mut names: HashMap<String, String> = HashMap::new();
            String::from_utf8_lossy(&content)
                .split_whitespace()
                .map(|t| match t.strip_prefix('/') {
                    Some(_) => {
                        let n = names.len();
                        names
                            .entry(t.to_string())
                            .or_insert(format!("/N{n}"))
                            .clone()
                    }
                    None => t.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn writing_laid_out_pages_draws_what_render_draws() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pdf/long-table.toml");
    let loaded = huibao_core::load(&path).expect("load");
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).expect("build");
    let mut opts = PdfOptions::default();
    opts.system_fonts = false;
    opts.created = Some(1_657_584_000);
    let rendered = huibao_pdf::render_with_report(&doc, &loaded.style, &opts).expect("render");
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &opts.font_options()).expect("lay out");
    assert_eq!(rendered.fonts, pages.roles);
    let written = huibao_pdf::write_pages(&pages, &opts).expect("write");
    let drawn = drawing(&written);
    assert_eq!(drawn.len(), pages.pages.len());
    assert!(drawn[0].iter().any(|t| t == "Tf"), "text is drawn");
    assert!(
        drawn == drawing(&rendered.bytes),
        "write_pages and render draw differently"
    );
    // The pages stay usable: a second writer gets the same drawing.
    let again = huibao_pdf::write_pages(&pages, &opts).expect("write again");
    assert!(drawing(&again) == drawn);
}

/// Identical input gives identical bytes, also when one process writes several PDFs (a
/// batch, the live preview): nothing is named from a process-wide counter or the clock.
#[test]
fn the_same_document_twice_in_one_process_gives_the_same_bytes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/park-2022h1.toml");
    let loaded = huibao_core::load(&path).expect("load");
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).expect("build");
    let mut opts = PdfOptions::default();
    opts.system_fonts = false;
    opts.created = Some(1_657_584_000);
    let first = huibao_pdf::render(&doc, &loaded.style, &opts).expect("render");
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &opts.font_options()).expect("lay out");
    let second = huibao_pdf::write_pages(&pages, &opts).expect("write");
    let third = huibao_pdf::write_pages(&pages, &opts).expect("write again");
    assert!(first == second, "a second PDF of the same document differs");
    assert!(second == third, "writing the same pages twice differs");
    // The fonts carry a subset tag of six capitals, the same each time.
    let name = b"+FandolFang-Regular";
    let tagged = (6..first.len().saturating_sub(name.len()))
        .filter(|&at| first[at..].starts_with(name))
        .filter(|&at| first[at - 6..at].iter().all(u8::is_ascii_uppercase))
        .count();
    assert!(tagged > 0, "no XXXXXX+FandolFang-Regular font name");
}
