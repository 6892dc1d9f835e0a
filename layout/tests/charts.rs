//! Charts on the pages: the drawing core decided, scaled to the text block, kept whole
//! on one page with its caption; its labels as text in the embedded fonts, in the
//! document's order; bars as filled rectangles, the 100% line dashed.

use huibao_core::ir::Block;
use huibao_core::{build, load_source, resolve, SourceFile};
use huibao_layout::{FontOptions, Pages, Shape};
use std::path::PathBuf;

fn options() -> FontOptions {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
    let mut options = FontOptions::default();
    options.system_fonts = false;
    options.bundled_dir = Some(PathBuf::from(manifest).join("../fonts"));
    options
}

/// A report whose opening fills most of the first page, then a completion chart.
fn report(opening_paragraphs: usize) -> String {
    let paragraph = "园区坚持以项目建设为中心，持续优化营商环境，推动经济运行稳中有进、进中提质，主要经济指标保持平稳增长态势。";
    let text = vec![paragraph; opening_paragraphs].join("\n\n");
    format!(
        "[report]
organization = \"金川经济技术开发区管委会\"
period = \"2022-H1\"
date = 2022-07-12

[summary]
text = '''
{text}
'''

[[indicators]]
name = \"营业收入\"
value = 486500
unit = \"万元\"
target = 1000000

[[indicators]]
name = \"税收\"
value = 3.62
unit = \"亿元\"
target = 7.5

[[charts]]
kind = \"completion\"
"
    )
}

fn lay_out(toml: &str) -> (huibao_core::Document, Pages) {
    let loaded = load_source(SourceFile::new("r.toml", toml)).expect("loads");
    let doc = build(&loaded, &resolve(&loaded), &[]).expect("builds");
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &options()).expect("lays out");
    (doc, pages)
}

fn fills(page: &huibao_layout::Page) -> usize {
    page.shapes
        .iter()
        .filter(|s| matches!(s, Shape::Fill(_)))
        .count()
}

#[test]
fn a_chart_is_drawn_as_vector_shapes_with_its_labels_as_text_in_order() {
    let (doc, pages) = lay_out(&report(1));
    let chart = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .expect("a chart");
    let page = &pages.pages[0];
    assert_eq!(fills(page), 2, "a bar per indicator");
    let dashed: Vec<_> = page
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line {
                line,
                dash: Some(d),
            } => Some((line, d)),
            _ => None,
        })
        .collect();
    assert_eq!(dashed.len(), 1, "the 100% line");
    assert_eq!(*dashed[0].1, [4.0, 3.0]);
    // The line at 100% of an axis to 120%, across the plot, within the text block.
    let (left, width) = (28.0 * 72.0 / 25.4, 156.0 * 72.0 / 25.4);
    let plot = chart.plot;
    let at = left + width * (plot.x + plot.width * 100.0 / 120.0);
    assert!((dashed[0].0.x0 - at).abs() < 1e-6 && dashed[0].0.x1 == dashed[0].0.x0);
    // The labels, then the caption, are the page's text lines in the document's order.
    let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    let want = Block::Chart(chart.clone()).text_lines();
    let at = texts
        .iter()
        .position(|t| *t == want[0])
        .expect("the first label");
    assert_eq!(texts[at..at + want.len()], want[..]);
    // Labels in the table font at the chart's size; the bars inside the block.
    let label = &page.lines[at];
    assert_eq!(label.runs[0].size, 10.5);
    for s in &page.shapes {
        if let Shape::Fill(f) = s {
            assert!(f.x >= left - 1e-6 && f.x + f.width <= left + width + 1e-6);
        }
    }
}

#[test]
fn a_chart_is_kept_whole_on_one_page_with_its_caption() {
    // Enough opening text that the chart no longer fits under it on the first page.
    let (doc, pages) = lay_out(&report(8));
    let caption = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some(c.caption.clone()),
            _ => None,
        })
        .expect("a chart");
    assert!(pages.pages.len() >= 2);
    assert_eq!(fills(&pages.pages[0]), 0, "nothing of the chart on page 1");
    assert_eq!(fills(&pages.pages[1]), 2, "the whole chart on page 2");
    assert!(pages.pages[1].lines.iter().any(|l| l.text() == caption));
    assert!(pages.pages[0].lines.iter().all(|l| l.text() != caption));
}

#[test]
fn a_chart_alone_is_a_page_of_its_own_size_for_pictures() {
    let (doc, _) = lay_out(&report(1));
    let loaded = load_source(SourceFile::new("r.toml", report(1))).unwrap();
    let library = huibao_layout::FontLibrary::new(&options());
    let pictures = huibao_layout::lay_out_charts(&doc, &loaded.style, &library).unwrap();
    assert_eq!(pictures.len(), 1);
    let p = &pictures[0];
    assert!((p.width - 156.0 * 72.0 / 25.4).abs() < 1e-6);
    let (chart_rows, caption_rows, caption) = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => Some((
                c.rows,
                c.caption_lines(&loaded.style).len(),
                c.caption.clone(),
            )),
            _ => None,
        })
        .unwrap();
    let rows = f64::from(chart_rows) + caption_rows as f64;
    assert!((p.height - rows * 225.0 * 72.0 / 25.4 / 22.0).abs() < 1e-6);
    // Its drawing starts at the picture's left edge, its caption in the rows below it;
    // no page number.
    let page = &p.pages[0];
    assert_eq!(fills(page), 2);
    assert_eq!(
        page.lines.iter().filter(|l| l.text() == caption).count(),
        1,
        "the caption once"
    );
    assert!(page.lines.iter().all(|l| !l.text().contains('—')));
    let min_x = page
        .lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter().map(|g| g.x)))
        .fold(f64::MAX, f64::min);
    assert!((0.0..30.0).contains(&min_x), "{min_x}");
}
