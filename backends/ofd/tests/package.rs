//! The OFD package of a real report, read back part by part with huibao-xml: the
//! elements GB/T 33190 requires, the text, the fonts, the coordinates, determinism.
//!
//! No XSD of GB/T 33190 is published in any package installable here (PyPI, npm, Debian
//! and crates.io were searched), so the required elements and attributes are checked
//! here by hand.

use huibao_core::style::PT_PER_MM;
use huibao_layout::{FontOptions, Pages};
use huibao_ofd::OfdOptions;
use huibao_xml::{parse, Element, PackageLimits, PackageReader};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const CREATED: i64 = 1_657_584_000; // 2022-07-12

fn font_options() -> FontOptions {
    let mut fonts = FontOptions::default();
    // The bundled Fandol fonts (CFF outlines) and Liberation Serif (TrueType) only.
    fonts.system_fonts = false;
    fonts
}

fn pages_of(example: &str) -> Pages {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(example);
    let loaded = huibao_core::load(&path).expect("load");
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).expect("build");
    huibao_layout::lay_out(&doc, &loaded.style, &font_options()).expect("lay out")
}

fn options(created: i64) -> OfdOptions {
    let mut options = OfdOptions::default();
    options.created = Some(created);
    options
}

/// The package's parts, by name.
struct Package(BTreeMap<String, Vec<u8>>);

impl Package {
    fn read(bytes: &[u8]) -> Package {
        let mut reader = PackageReader::new(bytes, PackageLimits::default()).expect("a ZIP");
        let names: Vec<String> = reader.names().map(str::to_string).collect();
        Package(
            names
                .into_iter()
                .map(|n| {
                    let data = reader.read(&n).expect("readable").expect("present");
                    (n, data)
                })
                .collect(),
        )
    }

    fn xml(&self, name: &str) -> Element {
        let bytes = self.0.get(name).unwrap_or_else(|| panic!("no part {name}"));
        parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn pages(&self) -> Vec<Element> {
        let doc = self.xml("Doc_0/Document.xml");
        doc.find("ofd:Pages")
            .expect("Pages")
            .elements()
            .map(|p| {
                self.xml(&format!(
                    "Doc_0/{}",
                    p.get_attr("BaseLoc").expect("BaseLoc")
                ))
            })
            .collect()
    }
}

fn text_of(el: &Element, name: &str) -> String {
    el.find(name)
        .unwrap_or_else(|| panic!("{} has no {name}", el.name))
        .own_text()
}

fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .map(|n| n.parse().expect("a number"))
        .collect()
}

#[test]
fn the_package_has_what_gbt_33190_requires() {
    let pages = pages_of("examples/park-2022h1.toml");
    let pkg = Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap());

    let ofd = pkg.xml("OFD.xml");
    assert_eq!(ofd.name, "ofd:OFD");
    assert_eq!(
        ofd.get_attr("xmlns:ofd").as_deref(),
        Some("http://www.ofdspec.org/2016")
    );
    assert_eq!(ofd.get_attr("Version").as_deref(), Some("1.0"));
    assert_eq!(ofd.get_attr("DocType").as_deref(), Some("OFD"));
    let body = ofd.find("ofd:DocBody").expect("DocBody");
    let info = body.find("ofd:DocInfo").expect("DocInfo");
    let doc_id = text_of(info, "ofd:DocID");
    assert!(
        doc_id.len() == 32 && doc_id.chars().all(|c| c.is_ascii_hexdigit()),
        "{doc_id}"
    );
    assert_eq!(
        text_of(info, "ofd:Title"),
        "金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划"
    );
    assert_eq!(text_of(info, "ofd:Author"), "金川经济技术开发区管委会");
    assert_eq!(text_of(info, "ofd:Subject"), pages.meta.subject);
    assert_eq!(text_of(info, "ofd:CreationDate"), "2022-07-12");
    assert_eq!(text_of(info, "ofd:Creator"), "huibao");
    // DocInfo's children in the order of the schema's sequence.
    let order: Vec<&str> = info.elements().map(Element::local_name).collect();
    assert_eq!(
        order,
        [
            "DocID",
            "Title",
            "Author",
            "Subject",
            "CreationDate",
            "Creator",
            "CreatorVersion"
        ]
    );
    assert_eq!(text_of(body, "ofd:DocRoot"), "Doc_0/Document.xml");

    let doc = pkg.xml("Doc_0/Document.xml");
    let order: Vec<&str> = doc.elements().map(Element::local_name).collect();
    assert_eq!(order, ["CommonData", "Pages", "Outlines"]);
    let common = doc.find("ofd:CommonData").unwrap();
    let max_id: u32 = text_of(common, "ofd:MaxUnitID").parse().unwrap();
    let area = common.find("ofd:PageArea").expect("PageArea");
    assert_eq!(text_of(area, "ofd:PhysicalBox"), "0 0 210 297");
    assert!(pkg
        .0
        .contains_key(&format!("Doc_0/{}", text_of(common, "ofd:PublicRes"))));

    // Every ID is unique and at most MaxUnitID; MaxUnitID is used.
    let mut ids = Vec::new();
    let mut collect = |el: &Element| {
        for e in std::iter::once(el).chain(all(el)) {
            if let Some(id) = e.get_attr("ID") {
                ids.push(id.parse::<u32>().expect("numeric ID"));
            }
        }
    };
    collect(&doc);
    collect(&pkg.xml("Doc_0/PublicRes.xml"));
    for page in pkg.pages() {
        collect(&page);
    }
    let unique: BTreeSet<u32> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an ID is used twice");
    assert_eq!(unique.last().copied(), Some(max_id));

    // Pages: one per laid-out page, each a Content.xml with a Body layer.
    let listed = doc.find("ofd:Pages").unwrap();
    assert_eq!(listed.elements().count(), pages.pages.len());
    for page in pkg.pages() {
        let layer = page
            .find("ofd:Content")
            .and_then(|c| c.find("ofd:Layer"))
            .expect("Content/Layer");
        assert_eq!(layer.get_attr("Type").as_deref(), Some("Body"));
        for obj in layer.elements() {
            assert!(obj.get_attr("ID").is_some() && obj.get_attr("Boundary").is_some());
        }
    }

    // Outlines: nested by level, each entry going to its page and place.
    let page_ids: Vec<String> = listed
        .elements()
        .map(|p| p.get_attr("ID").unwrap())
        .collect();
    let outlines = doc.find("ofd:Outlines").unwrap();
    let top: Vec<String> = outlines
        .elements()
        .map(|e| e.get_attr("Title").unwrap())
        .collect();
    let expected: Vec<&str> = pages
        .outline
        .iter()
        .filter(|e| e.level == 1)
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(top, expected);
    let entries = outlines.descendants("ofd:OutlineElem");
    assert_eq!(entries.len(), pages.outline.len());
    for (el, entry) in entries.iter().zip(&pages.outline) {
        assert_eq!(el.get_attr("Title").unwrap(), entry.title);
        let dest = &el.descendants("ofd:Dest")[0];
        assert_eq!(dest.get_attr("Type").as_deref(), Some("XYZ"));
        assert_eq!(dest.get_attr("PageID").unwrap(), page_ids[entry.page]);
        let top: f64 = dest.get_attr("Top").unwrap().parse().unwrap();
        assert!((top - entry.y / PT_PER_MM).abs() < 0.001);
    }
    let first_level2 = &outlines
        .elements()
        .next()
        .unwrap()
        .descendants("ofd:OutlineElem")[0];
    assert_eq!(
        first_level2.get_attr("Title").unwrap(),
        "一是多措并举加强招商引资"
    );
}

/// Every element below `el`, in document order.
fn all(el: &Element) -> Vec<&Element> {
    let mut out = Vec::new();
    for e in el.elements() {
        out.push(e);
        out.extend(all(e));
    }
    out
}

#[test]
fn the_text_is_the_pages_text_and_page_numbers_are_drawn_not_text() {
    let pages = pages_of("examples/park-2022h1.toml");
    let pkg = Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap());
    for (n, (page, laid)) in pkg.pages().iter().zip(&pages.pages).enumerate() {
        let text: String = page
            .descendants("ofd:TextCode")
            .iter()
            .map(|c| c.own_text())
            .collect();
        let expected: String = laid
            .lines
            .iter()
            .filter(|l| !l.artifact)
            .map(|l| l.text())
            .collect();
        assert_eq!(text, expected, "page {}", n + 1);
        // The page number is drawn as filled outlines (the end matter's page of its own,
        // the last, has none).
        let Some(number) = laid
            .lines
            .iter()
            .find(|l| l.artifact && l.text().contains(&(n + 1).to_string()))
            .map(|l| l.text())
        else {
            assert_eq!(n + 1, pages.pages.len(), "page {} has no number", n + 1);
            continue;
        };
        assert!(number.contains('—'), "{number}");
        assert!(!text.contains(&number));
        let filled = page
            .descendants("ofd:PathObject")
            .into_iter()
            .filter(|p| p.get_attr("Fill").as_deref() == Some("true"))
            .count();
        assert!(filled >= 1, "page {}: no outlines drawn", n + 1);
    }
    // The red header: organ mark in red, the red rule.
    let first = &pkg.pages()[0];
    let red = |e: &Element| {
        e.elements()
            .any(|c| c.get_attr("Value").as_deref() == Some("200 16 46"))
    };
    let red_text: Vec<String> = first
        .descendants("ofd:TextObject")
        .into_iter()
        .filter(|e| red(e))
        .flat_map(|t| t.descendants("ofd:TextCode"))
        .map(|c| c.own_text())
        .collect();
    assert_eq!(red_text, ["金川经济技术开发区管委会文件"]);
    let rule = first
        .descendants("ofd:PathObject")
        .into_iter()
        .find(|p| red(p) && p.find("ofd:StrokeColor").is_some())
        .expect("the red rule");
    assert!(text_of(rule, "ofd:AbbreviatedData").starts_with("M "));
}

#[test]
fn every_font_of_the_text_is_declared_and_embedded_as_truetype() {
    let pages = pages_of("examples/park-2022h1.toml");
    let pkg = Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap());
    let res = pkg.xml("Doc_0/PublicRes.xml");
    let base = res.get_attr("BaseLoc").expect("BaseLoc");
    let fonts: BTreeMap<String, String> = res
        .descendants("ofd:Font")
        .iter()
        .map(|f| {
            assert!(f.get_attr("FontName").is_some_and(|n| !n.is_empty()));
            let file = text_of(f, "ofd:FontFile");
            (f.get_attr("ID").unwrap(), format!("Doc_0/{base}/{file}"))
        })
        .collect();
    assert!(fonts.len() >= 2, "{fonts:?}");
    let mut used: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for page in pkg.pages() {
        for obj in page.descendants("ofd:TextObject") {
            let font = obj.get_attr("Font").expect("Font");
            assert!(fonts.contains_key(&font), "font {font} is not declared");
            let chars = used.entry(font).or_default();
            for code in obj.descendants("ofd:TextCode") {
                chars.extend(code.own_text().chars());
            }
        }
    }
    assert_eq!(
        used.keys().collect::<Vec<_>>(),
        fonts.keys().collect::<Vec<_>>()
    );
    for (id, path) in &fonts {
        let data = pkg
            .0
            .get(path)
            .unwrap_or_else(|| panic!("{path} not embedded"));
        let face = ttf_parser::Face::parse(data, 0).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(face.tables().glyf.is_some(), "{path}: no TrueType outlines");
        assert!(face.tables().cff.is_none());
        for &ch in &used[id] {
            let gid = face
                .glyph_index(ch)
                .unwrap_or_else(|| panic!("{path} lacks {ch}"));
            if !ch.is_whitespace() {
                assert!(
                    face.glyph_bounding_box(gid).is_some(),
                    "{path}: {ch} has no outline"
                );
            }
        }
        // A subset: far fewer glyphs than a CJK font has.
        assert!(
            face.number_of_glyphs() < 2000,
            "{path}: {}",
            face.number_of_glyphs()
        );
    }
}

#[test]
fn positions_are_millimetres_within_the_page_and_match_the_layout() {
    let pages = pages_of("tests/pdf/long-table.toml");
    let pkg = Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap());
    for (page, laid) in pkg.pages().iter().zip(&pages.pages) {
        let runs: Vec<_> = laid
            .lines
            .iter()
            .filter(|l| !l.artifact)
            .flat_map(|l| l.runs.iter().map(move |r| (l.y, r)))
            .collect();
        let objects = page.descendants("ofd:TextObject");
        assert_eq!(objects.len(), runs.len());
        for (obj, (baseline, run)) in objects.iter().zip(runs) {
            let b = numbers(&obj.get_attr("Boundary").unwrap());
            assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[0] + b[2] <= 210.0 && b[1] + b[3] <= 297.0);
            let size: f64 = obj.get_attr("Size").unwrap().parse().unwrap();
            assert!((size - run.size / PT_PER_MM).abs() < 0.001);
            let code = obj.find("ofd:TextCode").unwrap();
            let x = b[0] + code.get_attr("X").unwrap().parse::<f64>().unwrap();
            let y = b[1] + code.get_attr("Y").unwrap().parse::<f64>().unwrap();
            assert!((y - baseline / PT_PER_MM).abs() < 0.002);
            // Every glyph where the layout put it, to a hundredth of a millimetre.
            let mut at = x;
            let steps = expand(code.get_attr("DeltaX").as_deref().unwrap_or(""));
            assert_eq!(steps.len() + 1, run.glyphs.len());
            for (i, g) in run.glyphs.iter().enumerate() {
                if i > 0 {
                    at += steps[i - 1];
                }
                assert!((at - g.x / PT_PER_MM).abs() < 0.01, "{} at {at}", g.ch);
            }
        }
        for path in page.descendants("ofd:PathObject") {
            let b = numbers(&path.get_attr("Boundary").unwrap());
            assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[0] + b[2] <= 210.0 && b[1] + b[3] <= 297.0);
        }
    }
}

/// A DeltaX list with `g COUNT STEP` groups expanded.
fn expand(deltas: &str) -> Vec<f64> {
    let tokens: Vec<&str> = deltas.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "g" {
            let n: usize = tokens[i + 1].parse().unwrap();
            let step: f64 = tokens[i + 2].parse().unwrap();
            out.extend(std::iter::repeat_n(step, n));
            i += 3;
        } else {
            out.push(tokens[i].parse().unwrap());
            i += 1;
        }
    }
    out
}

#[test]
fn the_same_pages_and_date_give_the_same_bytes() {
    let pages = pages_of("examples/park-2022h1.toml");
    let a = huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap();
    let b = huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap();
    assert!(a == b, "two writes differ");
    let later =
        Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED + 86_400)).unwrap());
    let info = |p: &Package| {
        let ofd = p.xml("OFD.xml");
        let info = ofd
            .find("ofd:DocBody")
            .unwrap()
            .find("ofd:DocInfo")
            .unwrap()
            .clone();
        (
            text_of(&info, "ofd:CreationDate"),
            text_of(&info, "ofd:DocID"),
        )
    };
    let (date_a, id_a) = info(&Package::read(&a));
    let (date_b, id_b) = info(&later);
    assert_eq!(
        (date_a.as_str(), date_b.as_str()),
        ("2022-07-12", "2022-07-13")
    );
    // The DocID follows the content, not the date.
    assert_eq!(id_a, id_b);
}

#[test]
fn a_glyph_the_cmap_would_not_pick_gets_a_cgtransform() {
    let mut pages = pages_of("examples/park-2022h1.toml");
    // Draw the second glyph of the first text run with the first glyph's shape.
    let line = pages.pages[0]
        .lines
        .iter_mut()
        .find(|l| !l.artifact)
        .unwrap();
    let run = &mut line.runs[0];
    let (first, second) = (run.glyphs[0], run.glyphs[1]);
    assert_ne!(first.id, second.id);
    run.glyphs[1].id = first.id;
    let pkg = Package::read(&huibao_ofd::render_pages(&pages, &options(CREATED)).unwrap());
    let obj = pkg.pages()[0].descendants("ofd:TextObject")[0].clone();
    let cg = obj.find("ofd:CGTransform").expect("a CGTransform");
    assert_eq!(cg.get_attr("CodePosition").as_deref(), Some("1"));
    assert_eq!(cg.get_attr("CodeCount").as_deref(), Some("1"));
    // The glyph is the first character's glyph in the subset.
    let res = pkg.xml("Doc_0/PublicRes.xml");
    let font = res
        .descendants("ofd:Font")
        .into_iter()
        .find(|f| f.get_attr("ID") == obj.get_attr("Font"))
        .unwrap();
    let data = &pkg.0[&format!("Doc_0/Res/{}", text_of(font, "ofd:FontFile"))];
    let face = ttf_parser::Face::parse(data, 0).unwrap();
    let gid = face.glyph_index(first.ch).unwrap().0;
    assert_eq!(text_of(cg, "ofd:Glyphs"), gid.to_string());
    // CGTransform comes before the TextCode it changes.
    let order: Vec<&str> = obj.elements().map(Element::local_name).collect();
    assert_eq!(order.last(), Some(&"TextCode"));
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/park-2022h1.toml");
    let text =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("创新招商方式", "创新\u{E000}招商方式", 1);
    let loaded = huibao_core::load_source(huibao_core::SourceFile::new("bad.toml", text.as_str()))
        .expect("load");
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).expect("build");
    let mut opts = options(CREATED);
    opts.fonts = font_options();
    let err = huibao_ofd::render(&doc, &loaded.style, &opts).unwrap_err();
    assert!(
        matches!(
            err,
            huibao_ofd::Error::Layout(huibao_layout::Error::MissingGlyph { ch: '\u{E000}', .. })
        ),
        "{err}"
    );
    assert!(err.to_string().contains("U+E000"), "{err}");
}

#[test]
fn charts_are_filled_and_dashed_path_objects_where_the_layout_put_them() {
    // park-2022h1 has a growth and a completion chart on its second page.
    let pages = pages_of("examples/park-2022h1.toml");
    let bytes = huibao_ofd::render_pages(&pages, &options(CREATED)).expect("writes");
    let package = Package::read(&bytes);
    let page = &package.pages()[1];
    let laid = &pages.pages[1];
    let fills: Vec<&huibao_layout::Fill> = laid
        .shapes
        .iter()
        .filter_map(|s| match s {
            huibao_layout::Shape::Fill(f) => Some(f),
            _ => None,
        })
        .collect();
    assert!(fills.len() > 10, "{} bars and keys", fills.len());
    let objects = all(page);
    let filled: Vec<&&Element> = objects
        .iter()
        .filter(|e| e.name == "ofd:PathObject" && e.get_attr("Fill").as_deref() == Some("true"))
        .filter(|e| text_of(e, "ofd:AbbreviatedData").starts_with("M 0 0 L "))
        .collect();
    assert_eq!(filled.len(), fills.len());
    for (obj, f) in filled.iter().zip(&fills) {
        let b = numbers(&obj.get_attr("Boundary").unwrap());
        let want = [f.x, f.y, f.width, f.height].map(|v| v / PT_PER_MM);
        for (got, want) in b.iter().zip(want) {
            assert!((got - want).abs() < 0.001, "{b:?} vs {want:?}");
        }
        let colour = obj.find("ofd:FillColor").expect("a fill colour");
        let value = colour.get_attr("Value").unwrap();
        assert!(
            ["64 64 64", "166 166 166"].contains(&value.as_str()),
            "{value}"
        );
    }
    let dashed: Vec<&&Element> = objects
        .iter()
        .filter(|e| e.get_attr("DashPattern").is_some())
        .collect();
    assert_eq!(dashed.len(), 1, "the 100% line");
    assert_eq!(
        numbers(&dashed[0].get_attr("DashPattern").unwrap()),
        [1.411, 1.058]
    );
}

#[test]
fn control_characters_in_the_metadata_never_reach_a_part() {
    let mut pages = pages_of("examples/park-2022h1.toml");
    let dirty = "\u{8}\u{0}\u{1B}\u{FFFF}";
    pages.meta.title = format!("金川开发区{dirty}工作总结");
    pages.meta.author = format!("金川{dirty}管委会");
    pages.meta.subject.push_str(dirty);
    for entry in &mut pages.outline {
        entry.title.push_str(dirty);
    }
    for font in &mut pages.fonts {
        font.family.push_str(dirty);
    }
    let bytes = huibao_ofd::render_pages(&pages, &options(CREATED)).expect("writes");
    let package = Package::read(&bytes);
    for (name, data) in &package.0 {
        if !name.ends_with(".xml") {
            continue;
        }
        let text = String::from_utf8(data.clone()).expect("UTF-8");
        let bad = text.chars().find(|&c| huibao_xml::is_forbidden(c));
        assert_eq!(bad, None, "{name}");
        assert!(!text.contains("&#8;") && !text.contains("&#x8;"), "{name}");
        package.xml(name);
    }
    let ofd = package.xml("OFD.xml");
    let title = ofd.descendants("ofd:Title");
    assert_eq!(title.len(), 1);
    assert_eq!(title[0].own_text(), "金川开发区工作总结");
}
