//! Whole-package tests: render reports and read the parts back.

use crate::xml::{self, El};
use crate::{render, DocxOptions, Error};
use huibao_core::{build, load_source, resolve, Document, SourceFile, Style};
use std::collections::BTreeMap;

const REPORT: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08
recipient = "示范市人民政府"
document_number = "示管发〔2022〕5号"
signer = "王某某"
note = "联系人：李某某，联系电话：0000-1234567"

[[indicators]]
name = "营业收入"
value = 123.5
unit = "亿元"
previous = 110.2
target = 250

[summary]
text = '''
上半年实现营业收入{{indicator "营业收入"}}，{{completion "营业收入"}}。
'''
indicator_table = true

[[achievements]]
title = "招商引资"
text = "新签约项目28个。"

[[achievements.items]]
title = "重大项目加快建设"
text = "新能源装备产业园一期主体完工。"

[[plan]]
title = "推进项目落地"
text = "确保年内开工项目全部开工。"

[[attachments]]
title = "重点项目表"
table = { columns = ["序号", "项目", "投资（亿元）"], rows = [[1, "甲项目", 12.5], [2, "乙项目", 3]] }

[end_matter]
copy_to = ["市发展改革委", "市财政局"]
"#;

fn document(toml: &str) -> (Document, Style) {
    let loaded = load_source(SourceFile::new("r.toml", toml)).expect("loads");
    let doc = build(&loaded, &resolve(&loaded), &[]).expect("builds");
    (doc, loaded.style)
}

/// Every part of a package, by name.
fn unpack(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = huibao_xml::PackageReader::new(bytes, Default::default()).expect("a zip");
    let names: Vec<String> = zip.names().map(str::to_string).collect();
    let mut parts = BTreeMap::new();
    for name in names {
        let bytes = zip.read(&name).expect("entry").expect("listed");
        parts.insert(name, String::from_utf8(bytes).expect("utf-8 part"));
    }
    parts
}

fn part(parts: &BTreeMap<String, String>, name: &str) -> El {
    xml::parse(parts[name].as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn rendered() -> (Document, BTreeMap<String, String>) {
    let (doc, style) = document(REPORT);
    let bytes = render(&doc, &style, &DocxOptions::default()).expect("renders");
    (doc, unpack(&bytes))
}

fn attr(el: &El, child: &str, name: &str) -> Option<String> {
    el.find(child).and_then(|c| c.get_attr(name))
}

#[test]
fn page_geometry_and_grid() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let sect = doc.descendants("w:sectPr")[0];
    let mar = sect.find("w:pgMar").unwrap();
    let twips = |k: &str| mar.get_attr(k).unwrap();
    assert_eq!(
        (
            twips("w:top"),
            twips("w:bottom"),
            twips("w:left"),
            twips("w:right")
        ),
        ("2098".into(), "1984".into(), "1587".into(), "1474".into())
    );
    assert_eq!(attr(sect, "w:pgSz", "w:w").as_deref(), Some("11906"));
    assert_eq!(attr(sect, "w:docGrid", "w:type").as_deref(), Some("lines"));
    assert_eq!(
        attr(sect, "w:docGrid", "w:linePitch").as_deref(),
        Some("579")
    );
    // Footer references come first in the section (schema order).
    let names: Vec<&str> = sect.elements().map(|e| e.name.as_str()).collect();
    assert_eq!(&names[..2], ["w:footerReference", "w:footerReference"]);
}

#[test]
fn page_numbers_odd_right_even_left_with_a_page_field() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let settings = part(&parts, "word/settings.xml");
    assert!(settings.find("w:evenAndOddHeaders").is_some());
    for reference in doc.descendants("w:footerReference") {
        let id = reference.get_attr("r:id").unwrap();
        let target = rels
            .elements()
            .find(|r| r.get_attr("Id").as_deref() == Some(id.as_str()))
            .and_then(|r| r.get_attr("Target"))
            .unwrap();
        let footer = part(&parts, &format!("word/{target}"));
        let p = footer.find("w:p").unwrap();
        let ppr = p.find("w:pPr").unwrap();
        let jc = attr(ppr, "w:jc", "w:val").unwrap();
        let ind = ppr.find("w:ind").unwrap();
        match reference.get_attr("w:type").as_deref() {
            Some("default") => {
                assert_eq!(jc, "right");
                assert_eq!(ind.get_attr("w:right").as_deref(), Some("275"));
            }
            Some("even") => {
                assert_eq!(jc, "left");
                assert_eq!(ind.get_attr("w:left").as_deref(), Some("275"));
            }
            other => panic!("unexpected footer {other:?}"),
        }
        let instr: String = p
            .descendants("w:instrText")
            .iter()
            .map(|i| i.own_text())
            .collect();
        assert!(instr.contains("PAGE"), "{instr}");
        assert_eq!(word_text(p), "— 1 —");
    }
}

#[test]
fn word_breaks_lines_by_the_same_rules_as_the_pdf() {
    let (_, parts) = rendered();
    let settings = part(&parts, "word/settings.xml");
    let names: Vec<&str> = settings.elements().map(|e| e.name.as_str()).collect();
    let at = |n: &str| {
        names
            .iter()
            .position(|x| *x == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    // CT_Settings order: characterSpacingControl, noLineBreaksAfter, noLineBreaksBefore, compat.
    assert!(at("w:characterSpacingControl") < at("w:noLineBreaksAfter"));
    assert!(at("w:noLineBreaksAfter") < at("w:noLineBreaksBefore"));
    assert!(at("w:noLineBreaksBefore") < at("w:compat"));
    let list = |n: &str| {
        let el = settings.find(n).unwrap();
        assert_eq!(el.get_attr("w:lang").as_deref(), Some("zh-CN"), "{n}");
        el.get_attr("w:val").unwrap()
    };
    assert_eq!(
        list("w:noLineBreaksBefore"),
        huibao_core::chars::NO_LINE_START
    );
    assert_eq!(list("w:noLineBreaksAfter"), huibao_core::chars::NO_LINE_END);
    for c in ['，', '。', '、', '）', '》', '”', '…', '—', '%'] {
        assert!(list("w:noLineBreaksBefore").contains(c), "{c}");
    }
    for c in ['（', '《', '“'] {
        assert!(list("w:noLineBreaksAfter").contains(c), "{c}");
    }
    // 禁则 is switched on for every paragraph.
    let styles = part(&parts, "word/styles.xml");
    let defaults = styles
        .find("w:docDefaults")
        .and_then(|d| d.find("w:pPrDefault"))
        .and_then(|d| d.find("w:pPr"))
        .unwrap();
    assert_eq!(attr(defaults, "w:kinsoku", "w:val").as_deref(), Some("1"));
}

#[test]
fn data_tables_repeat_their_header_and_keep_rows_whole() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let tables = doc.descendants("w:tbl");
    assert_eq!(
        tables.len(),
        3,
        "indicator table, attachment table, end matter"
    );
    for t in &tables {
        let floating = t.find("w:tblPr").and_then(|p| p.find("w:tblpPr")).is_some();
        let grid: Vec<u32> = t
            .find("w:tblGrid")
            .unwrap()
            .elements()
            .map(|c| c.get_attr("w:w").unwrap().parse().unwrap())
            .collect();
        assert_eq!(grid.iter().sum::<u32>(), 8845);
        for (i, row) in t.elements().filter(|e| e.name == "w:tr").enumerate() {
            let trpr = row.find("w:trPr").unwrap();
            assert!(trpr.find("w:cantSplit").is_some());
            assert_eq!(
                trpr.find("w:tblHeader").is_some(),
                i == 0 && !floating,
                "row {i}"
            );
            let widths: Vec<u32> = row
                .elements()
                .filter(|e| e.name == "w:tc")
                .map(|tc| {
                    attr(tc.find("w:tcPr").unwrap(), "w:tcW", "w:w")
                        .unwrap()
                        .parse()
                        .unwrap()
                })
                .collect();
            assert_eq!(widths, grid);
        }
    }
    // Numbers are right-aligned in the indicator table's body rows.
    let value_cell = tables[0].descendants("w:tr")[1].descendants("w:tc")[2];
    assert_eq!(
        attr(value_cell.descendants("w:pPr")[0], "w:jc", "w:val").as_deref(),
        Some("right")
    );
}

#[test]
fn table_grids_are_the_widths_of_the_document_tree() {
    let with_widths = REPORT.replace(
        "table = { columns = [\"序号\", \"项目\", \"投资（亿元）\"],",
        "table = { widths = [1, 3, 1], columns = [\"序号\", \"项目\", \"投资（亿元）\"],",
    );
    assert_ne!(with_widths, REPORT);
    let (doc, style) = document(&with_widths);
    let parts = unpack(&render(&doc, &style, &DocxOptions::default()).unwrap());
    let body = part(&parts, "word/document.xml");
    let grids: Vec<Vec<usize>> = body
        .descendants("w:tblGrid")
        .iter()
        .map(|g| {
            g.elements()
                .map(|c| c.get_attr("w:w").unwrap().parse().unwrap())
                .collect()
        })
        .collect();
    let tables: Vec<&huibao_core::ir::Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            huibao_core::ir::Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 2);
    for (t, grid) in tables.iter().zip(&grids) {
        let shares: Vec<f64> = t.columns.iter().map(|c| c.width).collect();
        assert_eq!(*grid, crate::table::column_widths(&shares, 8845));
    }
    // The user's widths win: 1 : 3 : 1 of the block.
    assert_eq!(grids[1], [1769, 5307, 1769]);
}

#[test]
fn paragraphs_name_their_styles_and_run_in_leads_carry_outline_levels() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let styles: Vec<String> = doc
        .descendants("w:pStyle")
        .iter()
        .filter_map(|s| s.get_attr("w:val"))
        .collect();
    for id in [
        "OrganMark",
        "DocumentNumber",
        "Title",
        "Salutation",
        "BodyText",
        "Heading1",
        "Heading2",
        "Caption",
        "AttachmentNote",
        "Signature",
        "Date",
        "Note",
        "AttachmentLabel",
        "AttachmentTitle",
        "EndMatter",
    ] {
        assert!(styles.iter().any(|s| s == id), "no paragraph in style {id}");
    }
    let lead = doc
        .descendants("w:p")
        .into_iter()
        .find(|p| word_text(p).starts_with("1.重大项目加快建设"))
        .expect("the run-in level-3 item");
    assert_eq!(
        attr(lead.find("w:pPr").unwrap(), "w:outlineLvl", "w:val").as_deref(),
        Some("2")
    );
    assert_eq!(
        lead.descendants("w:rStyle")[0].get_attr("w:val").as_deref(),
        Some("Lead3")
    );
}

#[test]
fn properties_follow_schema_order() {
    let (_, parts) = rendered();
    for name in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
        let root = part(&parts, name);
        for ppr in root.descendants("w:pPr") {
            let names: Vec<&str> = ppr.elements().map(|e| e.name.as_str()).collect();
            if let Some(i) = names.iter().position(|n| *n == "w:pStyle") {
                assert_eq!(i, 0, "{name}: pStyle not first in {names:?}");
            }
            if let Some(i) = names.iter().position(|n| *n == "w:rPr") {
                assert_eq!(i, names.len() - 1, "{name}: rPr not last in {names:?}");
            }
        }
        for rpr in root.descendants("w:rPr") {
            let names: Vec<&str> = rpr.elements().map(|e| e.name.as_str()).collect();
            if let Some(i) = names.iter().position(|n| *n == "w:rStyle") {
                assert_eq!(i, 0, "{name}: rStyle not first in {names:?}");
            }
        }
        assert!(root
            .descendants("w:gridCol")
            .iter()
            .all(|c| c.get_attr("w:type").is_none()));
    }
}

#[test]
fn the_text_is_the_document_trees_text() {
    let (doc, parts) = rendered();
    let body = part(&parts, "word/document.xml");
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&word_text(&body)), squeeze(&doc.plain_text()));
}

#[test]
fn core_properties_name_the_organization() {
    let (doc, parts) = rendered();
    let core = part(&parts, "docProps/core.xml");
    let text = |name: &str| core.find(name).map(|e| e.own_text()).unwrap_or_default();
    assert_eq!(text("dc:creator"), "示范园区管委会");
    assert_eq!(text("dc:title"), doc.meta.title);
    assert_eq!(text("dcterms:created"), "2022-07-08T00:00:00Z");
    assert!(!parts["docProps/core.xml"].contains("unknown"));
}

#[test]
fn every_part_has_a_content_type_and_no_theme_fonts_are_used() {
    let (_, parts) = rendered();
    let types = part(&parts, "[Content_Types].xml");
    let overrides: Vec<String> = types
        .elements()
        .filter_map(|e| e.get_attr("PartName"))
        .collect();
    for name in parts.keys().filter(|n| !n.ends_with(".rels")) {
        if name != "[Content_Types].xml" {
            assert!(overrides.contains(&format!("/{name}")), "{name}");
        }
    }
    for o in &overrides {
        assert!(
            parts.contains_key(&o[1..]),
            "override of a missing part {o}"
        );
    }
    for (name, text) in &parts {
        assert!(!text.contains("Theme=\""), "{name} uses theme fonts");
    }
}

#[test]
fn output_is_deterministic() {
    let (doc, style) = document(REPORT);
    let a = render(&doc, &style, &DocxOptions::default()).unwrap();
    let b = render(&doc, &style, &DocxOptions::default()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn without_page_numbers_there_are_no_footers() {
    let (doc, mut style) = document(REPORT);
    style.page_numbers = false;
    let parts = unpack(&render(&doc, &style, &DocxOptions::default()).unwrap());
    assert!(!parts.keys().any(|k| k.contains("footer")));
    assert!(part(&parts, "word/document.xml")
        .descendants("w:footerReference")
        .is_empty());
}

#[test]
fn impossible_styles_are_errors_not_panics() {
    let (doc, style) = document(REPORT);
    let mut bad = style.clone();
    bad.red = "#12345".into();
    assert!(matches!(
        render(&doc, &bad, &DocxOptions::default()),
        Err(Error::Style(_))
    ));
    let mut bad = style.clone();
    bad.page.margin_top_mm = 290.0;
    assert!(matches!(
        render(&doc, &bad, &DocxOptions::default()),
        Err(Error::Style(_))
    ));
    let mut bad = style;
    bad.fonts.clear();
    bad.fonts.insert(
        huibao_core::style::FontRole::Body,
        huibao_core::style::FontSpec {
            families: Vec::new(),
            size_pt: 16.0,
            bold: false,
        },
    );
    assert!(render(&doc, &bad, &DocxOptions::default()).is_ok());
}

/// The text of every `w:t` below an element, in order.
fn word_text(el: &El) -> String {
    el.descendants("w:t").iter().map(|t| t.own_text()).collect()
}

#[test]
fn characters_xml_forbids_never_reach_the_package() {
    // A backspace in the text would make Word refuse the file. The loader refuses one in
    // a report; a document built otherwise may still hold one.
    let (mut doc, style) = document(REPORT);
    for block in &mut doc.blocks {
        if let huibao_core::ir::Block::Paragraph(p) = block {
            for run in &mut p.runs {
                run.text = run.text.replace("新签约", "新签约\u{8}");
            }
        }
    }
    assert!(
        doc.plain_text().contains('\u{8}'),
        "the document tree keeps it"
    );
    let bytes = render(&doc, &style, &DocxOptions::default()).expect("renders");
    let parts = unpack(&bytes);
    assert!(!parts["word/document.xml"].contains('\u{8}'));
    let body = part(&parts, "word/document.xml");
    assert!(word_text(&body).contains("新签约项目28个。"));
}

/// The first character XML forbids in a part, raw or as a character reference.
fn forbidden_in(part: &str) -> Option<String> {
    if let Some(c) = part.chars().find(|&c| huibao_xml::is_forbidden(c)) {
        return Some(format!("U+{:04X}", c as u32));
    }
    part.match_indices("&#").find_map(|(at, _)| {
        let rest = &part[at + 2..];
        let end = rest.find(';')?;
        let code = match rest[..end].strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => rest[..end].parse().ok()?,
        };
        let c = char::from_u32(code)?;
        (huibao_xml::is_forbidden(c) || c == '\0').then(|| format!("&#{};", &rest[..end]))
    })
}

#[test]
fn control_characters_anywhere_never_reach_a_part() {
    use huibao_core::ir::Block;
    use huibao_core::style::FontRole;
    let (mut doc, mut style) = document(REPORT);
    let dirty = |s: &mut String| {
        let middle = s
            .char_indices()
            .nth(s.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        s.insert_str(middle, "\u{8}\u{0}\u{1B}\u{FFFE}");
    };
    dirty(&mut doc.meta.title);
    dirty(&mut doc.meta.author);
    dirty(&mut doc.meta.subject);
    for block in &mut doc.blocks {
        match block {
            Block::Title { lines } => lines.iter_mut().for_each(dirty),
            Block::Heading(h) => dirty(&mut h.text),
            Block::Paragraph(p) => p.runs.iter_mut().for_each(|r| dirty(&mut r.text)),
            Block::Table(t) => {
                t.columns.iter_mut().for_each(|c| dirty(&mut c.header));
                t.rows.iter_mut().flatten().for_each(dirty);
            }
            _ => {}
        }
    }
    for role in FontRole::ALL {
        let mut spec = style.font(role).clone();
        spec.families.iter_mut().for_each(dirty);
        style.fonts.insert(role, spec);
    }
    let bytes = render(&doc, &style, &DocxOptions::default()).expect("renders");
    let parts = unpack(&bytes);
    assert!(parts.len() > 8);
    for (name, text) in &parts {
        assert_eq!(forbidden_in(text), None, "{name}");
        if name.ends_with(".xml") || name.ends_with(".rels") {
            xml::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    // The text itself is kept, less the forbidden characters.
    assert!(parts["docProps/core.xml"].contains("示范园区管委会"));
}

/// The paragraphs of the body in order (tables' paragraphs left out).
fn body_paragraphs(doc: &El) -> Vec<&El> {
    doc.find("w:body")
        .unwrap()
        .elements()
        .filter(|e| e.name == "w:p")
        .collect()
}

fn has(p: &El, prop: &str) -> bool {
    p.find("w:pPr")
        .and_then(|ppr| ppr.find(prop))
        .is_some_and(|e| e.get_attr("w:val").as_deref() != Some("0"))
}

#[test]
fn the_last_body_lines_keep_with_the_signature() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let paras = body_paragraphs(&doc);
    let at = |text: &str| {
        paras
            .iter()
            .position(|p| word_text(p).starts_with(text))
            .unwrap_or_else(|| panic!("no paragraph {text}"))
    };
    // The last plan item's paragraph and its heading go with the attachment note,
    // which goes with the signature; widow control lets Word move only two lines.
    let last = at("确保年内开工项目全部开工。");
    let heading = at("（一）推进项目落地");
    assert_eq!(heading + 1, last);
    for p in [paras[heading], paras[last]] {
        assert!(has(p, "w:keepNext"), "{}", word_text(p));
        assert!(has(p, "w:widowControl"), "{}", word_text(p));
    }
    assert!(has(paras[at("附件：")], "w:keepNext"));
    let signature = paras
        .iter()
        .rposition(|p| word_text(p) == "示范园区管委会")
        .expect("the signature");
    assert!(has(paras[signature], "w:keepNext"));
    // Paragraphs before them flow freely.
    assert!(!has(paras[heading - 1], "w:keepNext"));
}

#[test]
fn the_end_matter_floats_to_the_foot_of_the_page_from_the_left_margin() {
    let (_, parts) = rendered();
    let doc = part(&parts, "word/document.xml");
    let table = doc
        .descendants("w:tbl")
        .into_iter()
        .find(|t| word_text(t).starts_with("抄送："))
        .expect("the end matter");
    let tblpr = table.find("w:tblPr").unwrap();
    let pos = tblpr.find("w:tblpPr").unwrap();
    // Placed from the page's left edge: LibreOffice floats a table as wide as the text
    // block only then (and sets it inline under the signature otherwise).
    assert_eq!(pos.get_attr("w:horzAnchor").as_deref(), Some("page"));
    assert_eq!(pos.get_attr("w:tblpX").as_deref(), Some("1587"));
    assert_eq!(pos.get_attr("w:vertAnchor").as_deref(), Some("margin"));
    assert_eq!(pos.get_attr("w:tblpYSpec").as_deref(), Some("bottom"));
    // No cell margins: the rules are the block's width; indents inset the text.
    let margins = tblpr.find("w:tblCellMar").unwrap();
    for side in ["w:left", "w:right"] {
        assert_eq!(attr(margins, side, "w:w").as_deref(), Some("0"));
    }
    let ind = table.descendants("w:ind");
    assert!(!ind.is_empty());
    for i in ind {
        assert_eq!(
            i.get_attr("w:right").as_deref(),
            Some("275"),
            "one 14 pt character"
        );
    }
}

#[test]
fn headings_keep_with_their_text() {
    // A heading at the foot of a page, its text on the next, is what the PDF never does.
    let (_, parts) = rendered();
    let styles = part(&parts, "word/styles.xml");
    for level in 1..=4u8 {
        let id = format!("Heading{level}");
        let def = styles
            .elements()
            .find(|s| s.get_attr("w:styleId").as_deref() == Some(id.as_str()))
            .unwrap_or_else(|| panic!("no style {id}"));
        assert!(
            has(def, "w:keepNext"),
            "{id} does not keep with the next paragraph"
        );
    }
}

mod charts {
    //! Charts as native Word charts: the part, its cached data, the workbook, the
    //! drawing in the body and its picture.

    use super::*;

    const CHARTS: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年经济运行平稳。"

[[indicators]]
name = "营业收入"
value = 123.5
unit = "亿元"
previous = 110.2
target = 250

[[indicators]]
name = "税收"
value = 3.6
unit = "亿元"
previous = 3.35
target = 7.5
decimals = 2

[[charts]]
kind = "growth"

[[charts]]
kind = "completion"
"#;

    /// The pictures the caller draws, one per chart (the pipeline draws real ones: these
    /// stand for any bytes, which the package keeps as given).
    const PICTURES: [&[u8]; 2] = [b"\x89PNG growth chart", b"\x89PNG completion chart"];

    #[test]
    fn a_chart_without_a_picture_is_an_error() {
        let (doc, style) = document(CHARTS);
        let options = DocxOptions {
            chart_pictures: vec![PICTURES[0].to_vec()],
        };
        assert!(matches!(
            render(&doc, &style, &options),
            Err(Error::MissingPictures {
                charts: 2,
                pictures: 1
            })
        ));
    }

    /// Every part, as bytes.
    fn package() -> BTreeMap<String, Vec<u8>> {
        let (doc, style) = document(CHARTS);
        let options = DocxOptions {
            chart_pictures: PICTURES.iter().map(|p| p.to_vec()).collect(),
        };
        let bytes = render(&doc, &style, &options).expect("renders");
        let mut zip = huibao_xml::PackageReader::new(&bytes, Default::default()).expect("a zip");
        let names: Vec<String> = zip.names().map(str::to_string).collect();
        names
            .into_iter()
            .map(|n| {
                let data = zip.read(&n).expect("entry").expect("listed");
                (n, data)
            })
            .collect()
    }

    fn xml_of(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> El {
        xml::parse(&parts[name]).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn cached(ser: &El, what: &str) -> Vec<String> {
        ser.find(what)
            .map(|c| c.descendants("c:v").iter().map(|v| v.own_text()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_chart_part_caches_the_indicators_and_names_its_workbook() {
        let parts = package();
        let chart = xml_of(&parts, "word/charts/chart1.xml");
        let series = chart.descendants("c:ser");
        assert_eq!(series.len(), 2);
        assert_eq!(cached(series[0], "c:tx"), ["2021年1-6月"]);
        assert_eq!(cached(series[0], "c:cat"), ["营业收入", "税收"]);
        assert_eq!(cached(series[0], "c:val"), ["110.2", "3.35"]);
        assert_eq!(cached(series[1], "c:val"), ["123.5", "3.6"]);
        // 税收 printed with its two decimals, 营业收入 as written.
        let labels = series[1].find("c:dLbls").unwrap();
        let formats: Vec<String> = labels
            .descendants("c:numFmt")
            .iter()
            .map(|f| f.get_attr("formatCode").unwrap())
            .collect();
        assert_eq!(formats, ["General", "0.00", "General"]);
        // The axis core chose: 0 to 140 in steps of 20, its title the unit.
        let axis = chart.descendants("c:valAx")[0];
        let scaling = axis.find("c:scaling").unwrap();
        assert_eq!(attr(scaling, "c:max", "val").as_deref(), Some("140"));
        assert_eq!(attr(scaling, "c:min", "val").as_deref(), Some("0"));
        assert_eq!(attr(axis, "c:majorUnit", "val").as_deref(), Some("20"));
        let title: String = axis
            .descendants("a:t")
            .iter()
            .map(|t| t.own_text())
            .collect();
        assert_eq!(title, "单位：亿元");
        // Colours as core decided them, and a workbook to edit the data in.
        let fills: Vec<String> = chart
            .descendants("c:ser")
            .iter()
            .map(|s| {
                s.find("c:spPr").unwrap().descendants("a:srgbClr")[0]
                    .get_attr("val")
                    .unwrap()
            })
            .collect();
        assert_eq!(fills, ["A6A6A6", "404040"]);
        let rid = chart
            .find("c:externalData")
            .unwrap()
            .get_attr("r:id")
            .unwrap();
        let rels = xml_of(&parts, "word/charts/_rels/chart1.xml.rels");
        let target = rels
            .elements()
            .find(|r| r.get_attr("Id").as_deref() == Some(rid.as_str()))
            .and_then(|r| r.get_attr("Target"))
            .expect("the workbook's relationship");
        let book = &parts[&format!("word/{}", target.trim_start_matches("../"))];
        let mut zip = huibao_xml::PackageReader::new(book, Default::default()).expect("xlsx");
        let sheet = xml::parse(&zip.read("xl/worksheets/sheet1.xml").unwrap().unwrap()).unwrap();
        let cells: Vec<String> = sheet
            .descendants("c")
            .iter()
            .map(|c| {
                let v = c.descendants("v");
                let t = c.descendants("t");
                v.first()
                    .or(t.first())
                    .map(|e| e.own_text())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(
            cells,
            [
                "2021年1-6月",
                "2022年1-6月",
                "营业收入",
                "110.2",
                "123.5",
                "税收",
                "3.35",
                "3.6"
            ]
        );
    }

    #[test]
    fn the_body_draws_the_chart_with_a_picture_for_readers_that_draw_none() {
        let parts = package();
        let doc = xml_of(&parts, "word/document.xml");
        let choices = doc.descendants("mc:AlternateContent");
        assert_eq!(choices.len(), 2);
        let chart = choices[0].descendants("c:chart")[0]
            .get_attr("r:id")
            .unwrap();
        let picture = choices[0].descendants("a:blip")[0]
            .get_attr("r:embed")
            .unwrap();
        let rels = xml_of(&parts, "word/_rels/document.xml.rels");
        let target = |id: &str| {
            rels.elements()
                .find(|r| r.get_attr("Id").as_deref() == Some(id))
                .and_then(|r| r.get_attr("Target"))
                .unwrap()
        };
        assert_eq!(target(&chart), "charts/chart1.xml");
        assert_eq!(target(&picture), "media/chart1.png");
        assert_eq!(parts["word/media/chart1.png"], PICTURES[0]);
        assert_eq!(parts["word/media/chart2.png"], PICTURES[1]);
        let types = xml_of(&parts, "[Content_Types].xml");
        let override_of = |name: &str| {
            types
                .elements()
                .find(|o| o.get_attr("PartName").as_deref() == Some(name))
                .and_then(|o| o.get_attr("ContentType"))
        };
        assert_eq!(
            override_of("/word/charts/chart2.xml").as_deref(),
            Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        );
        assert_eq!(
            override_of("/word/media/chart2.png").as_deref(),
            Some("image/png")
        );
        // The caption is drawn over each chart, in the rows below it; the completion
        // chart's 100% line too.
        let (doc_ir, style) = document(CHARTS);
        for (n, chart) in doc_ir.charts().enumerate() {
            let shapes = xml_of(&parts, &format!("word/drawings/drawing{}.xml", n + 1));
            let caption = shapes
                .descendants("cdr:sp")
                .iter()
                .flat_map(|sp| sp.descendants("a:t"))
                .map(|t| t.own_text())
                .collect::<String>();
            assert_eq!(caption, chart.caption);
            assert!(caption.starts_with(&format!("图{}", n + 1)), "{caption}");
            let top: f64 = shapes.descendants("cdr:from")[0]
                .find("cdr:y")
                .unwrap()
                .own_text()
                .parse()
                .unwrap();
            let rows = f64::from(chart.rows);
            let whole = rows + chart.caption_lines(&style).len() as f64;
            let pitch = style.page.line_pitch_pt();
            assert!(
                (top - rows * pitch / (whole * pitch - 1.0)).abs() < 1e-4,
                "{top}"
            );
        }
        let shapes = xml_of(&parts, "word/drawings/drawing2.xml");
        assert_eq!(shapes.descendants("cdr:cxnSp").len(), 1);
        assert_eq!(
            attr(shapes.descendants("a:ln")[1], "a:prstDash", "val").as_deref(),
            Some("dash")
        );
        // No caption paragraph stays behind in the body.
        assert!(doc
            .descendants("w:pStyle")
            .iter()
            .all(|s| s.get_attr("w:val").as_deref() != Some("Caption")));
    }

    #[test]
    fn a_chart_floats_at_the_top_of_the_paragraph_after_it() {
        let report = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年经济运行平稳。"

[[achievements]]
title = "重点项目建设"
text = "全年安排重点项目26个。"
chart = { kind = "bars", title = "重点项目投资完成情况", unit = "亿元", categories = ["新能源装备产业园", "数据中心"], series = [{ name = "完成投资", values = [12.5, 8] }] }

[[achievements]]
title = "招商引资"
text = "新签约项目28个。"
"#;
        let (doc_ir, style) = document(report);
        let options = DocxOptions {
            chart_pictures: vec![PICTURES[0].to_vec()],
        };
        let bytes = render(&doc_ir, &style, &options).expect("renders");
        let mut zip = huibao_xml::PackageReader::new(&bytes, Default::default()).expect("a zip");
        let document = zip.read("word/document.xml").unwrap().expect("a body");
        let doc = xml::parse(&document).unwrap();
        let holding: Vec<&El> = doc
            .descendants("w:p")
            .into_iter()
            .filter(|p| !p.descendants("wp:anchor").is_empty())
            .collect();
        assert_eq!(holding.len(), 1);
        let text: String = holding[0]
            .descendants("w:t")
            .iter()
            .map(|t| t.own_text())
            .collect();
        assert!(text.contains("招商引资"), "{text}");
        // The drawing comes first, before the paragraph's text.
        let runs: Vec<&El> = holding[0].elements().filter(|e| e.name == "w:r").collect();
        assert!(!runs[0].descendants("wp:anchor").is_empty());
    }

    #[test]
    fn charts_float_at_the_paragraph_after_them_one_below_the_other() {
        let parts = package();
        let doc = xml_of(&parts, "word/document.xml");
        assert!(
            doc.descendants("wp:inline").is_empty(),
            "no chart stands inline"
        );
        let anchors = doc.descendants("wp:anchor");
        // Each chart and its picture, both floating.
        assert_eq!(anchors.len(), 4);
        for a in &anchors {
            assert_eq!(a.get_attr("layoutInCell").as_deref(), Some("1"));
            assert!(a.find("wp:wrapTopAndBottom").is_some());
            let v = a.find("wp:positionV").unwrap();
            assert_eq!(v.get_attr("relativeFrom").as_deref(), Some("paragraph"));
        }
        let offset = |a: &El| -> i64 {
            a.find("wp:positionV")
                .and_then(|v| v.find("wp:posOffset"))
                .unwrap()
                .own_text()
                .parse()
                .unwrap()
        };
        let height = |a: &El| -> i64 {
            a.find("wp:extent")
                .and_then(|e| e.get_attr("cy"))
                .unwrap()
                .parse()
                .unwrap()
        };
        // The two charts follow each other: they float at one paragraph, the second
        // below the first.
        let paragraphs: Vec<&El> = doc
            .descendants("w:p")
            .into_iter()
            .filter(|p| !p.descendants("wp:anchor").is_empty())
            .collect();
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(offset(anchors[0]), 0);
        assert!((offset(anchors[2]) - height(anchors[0])).abs() <= 1);
        // A box of whole grid rows, a point short.
        let (doc_ir, style) = document(CHARTS);
        let chart = doc_ir.charts().next().unwrap();
        let rows = f64::from(chart.rows) + chart.caption_lines(&style).len() as f64;
        let want = (rows * style.page.line_pitch_pt() - 1.0) * 12_700.0;
        assert!((height(anchors[0]) as f64 - want).abs() <= 1.0);
    }
}
