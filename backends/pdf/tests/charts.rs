//! A chart in the PDF is vector: its bars are filled paths in the chart's colours, its
//! 100% line a dashed stroke, its labels text; its page holds no image.

use huibao_core::{build, load_source, resolve, SourceFile};
use huibao_pdf::PdfOptions;
use lopdf::{Document, Object};

const REPORT: &str = r#"
[report]
organization = "金川经济技术开发区管委会"
period = "2022-H1"
date = 2022-07-12

[summary]
text = "2022年1-6月，园区经济运行平稳。"

[[indicators]]
name = "营业收入"
value = 486500
unit = "万元"
previous = 432800
target = 1000000

[[indicators]]
name = "工业总产值"
value = 335600
unit = "万元"
previous = 301900
target = 700000

[[charts]]
kind = "growth"

[[charts]]
kind = "completion"
"#;

fn render() -> Vec<u8> {
    let loaded = load_source(SourceFile::new("r.toml", REPORT)).expect("loads");
    let doc = build(&loaded, &resolve(&loaded), &[]).expect("builds");
    let mut fonts = huibao_layout::FontOptions::default();
    fonts.system_fonts = false;
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &fonts).expect("lay out");
    let mut opts = PdfOptions::default();
    opts.created = Some(1_657_584_000);
    huibao_pdf::render(&pages, &opts).expect("renders")
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => f64::NAN,
    }
}

#[test]
fn bars_are_filled_paths_the_line_is_dashed_and_no_page_holds_an_image() {
    let pdf = render();
    let doc = Document::load_mem(&pdf).expect("lopdf reads it");
    let pages = doc.get_pages();
    let first = pages[&1];
    let ops = doc
        .get_and_decode_page_content(first)
        .expect("content")
        .operations;
    // Fill colours set before each fill: the bars' greys.
    let mut fills = Vec::new();
    let mut colour = Vec::new();
    for op in &ops {
        match op.operator.as_str() {
            "rg" => colour = op.operands.iter().map(number).collect(),
            "f" => fills.push(colour.clone()),
            _ => {}
        }
    }
    let grey = |v: f64| vec![v / 255.0; 3];
    let near = |a: &Vec<f64>, b: &Vec<f64>| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01);
    let dark = fills.iter().filter(|c| near(c, &grey(64.0))).count();
    let light = fills.iter().filter(|c| near(c, &grey(166.0))).count();
    // Growth: two bars and a legend key of each; completion: two dark bars.
    assert_eq!((dark, light), (5, 3), "{fills:?}");
    // One dashed stroke (the 100% line), the dash reset after it.
    let dashes: Vec<Vec<f64>> = ops
        .iter()
        .filter(|op| op.operator == "d")
        .map(|op| match &op.operands[0] {
            Object::Array(a) => a.iter().map(number).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(dashes, [vec![4.0, 3.0], vec![]]);
    // Vector only: no image drawn, none in any page's resources.
    for (_, id) in pages {
        let ops = doc.get_and_decode_page_content(id).unwrap().operations;
        assert!(ops
            .iter()
            .all(|op| op.operator != "Do" && op.operator != "BI"));
        let (resources, _) = doc.get_page_resources(id).unwrap();
        if let Some(res) = resources {
            assert!(!res.has(b"XObject"), "a page has XObjects");
        }
    }
    // The labels are text: a text object per label line at the least.
    let texts = ops.iter().filter(|op| op.operator == "BT").count();
    assert!(texts > 30, "{texts} text objects");
}

/// The text of a PDF string (UTF-16BE with a byte order mark, or bytes).
fn text(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let u: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&u)
        }
        _ => String::new(),
    }
}

#[test]
fn each_chart_is_a_figure_described_by_its_data_inside_its_box() {
    let pdf = render();
    let doc = Document::load_mem(&pdf).expect("lopdf reads it");
    let figures: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(&b"Figure"[..]))
        .collect();
    assert_eq!(figures.len(), 2);
    let alts: Vec<String> = figures
        .iter()
        .map(|f| text(f.get(b"Alt").expect("a Figure without /Alt")))
        .collect();
    // Every category with its figures, in words.
    assert!(
        alts.iter().any(|a| a.starts_with("图1")
            && a.contains("营业收入 2021年1-6月 432800万元，2022年1-6月 486500万元")),
        "{alts:?}"
    );
    assert!(
        alts.iter().any(|a| a.contains("营业收入 48.7%")),
        "{alts:?}"
    );
    for f in figures {
        let a = match f.get(b"A").unwrap() {
            Object::Dictionary(d) => d,
            other => panic!("{other:?}"),
        };
        let b: Vec<f64> = a
            .get(b"BBox")
            .and_then(Object::as_array)
            .unwrap()
            .iter()
            .map(number)
            .collect();
        // Inside the text block's width, at least two grid rows tall.
        assert!(
            b[0] >= 79.0 && b[2] <= 522.0 && b[2] - b[0] > 300.0,
            "{b:?}"
        );
        assert!(b[3] - b[1] > 2.0 * 28.9, "{b:?}");
    }
}
