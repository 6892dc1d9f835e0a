//! Reading a .docx: paragraphs and tables of word/document.xml in order, with Word's
//! automatic list numbers (numbering.xml, also through paragraph styles) written out
//! as text, so "一、" typed and "一、" numbered by Word read the same.

use crate::source::{push_paragraph, Align, Block};
use huibao_i18n::{msg, Message};
use huibao_xml::{Element, Node, PackageLimits, PackageReader};
use std::collections::HashMap;

/// Why a DOCX could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocxError {
    /// Not a ZIP archive: what the ZIP library said.
    NotZip(String),
    /// No word/document.xml.
    NoDocument,
    /// A part that cannot be read.
    Xml(Message),
    /// A part, or the package, is over a limit (a zip bomb, a part nested absurdly deep).
    TooLarge(Message),
}

impl DocxError {
    /// The fault `e` of `part` (`None`: the package itself).
    fn of(part: Option<&str>, e: huibao_xml::Error) -> DocxError {
        match e {
            huibao_xml::Error::NotZip(why) => DocxError::NotZip(why),
            huibao_xml::Error::PartTooLarge { .. } | huibao_xml::Error::TooManyEntries { .. } => {
                DocxError::TooLarge(e.message())
            }
            e if e.is_too_large() => DocxError::TooLarge(crate::fault::of_part(part, &e)),
            e => DocxError::Xml(crate::fault::of_part(part, &e)),
        }
    }

    /// What is wrong, in the chosen language.
    pub(crate) fn message(&self) -> Message {
        match self {
            DocxError::NotZip(why) => msg!("xml-not-zip", detail = why.as_str()),
            DocxError::NoDocument => msg!("import-read-no-word-document"),
            DocxError::Xml(why) | DocxError::TooLarge(why) => why.clone(),
        }
    }
}

/// What was read.
#[derive(Debug, Default)]
pub(crate) struct ReadDocx {
    /// Paragraphs and tables in order.
    pub blocks: Vec<Block>,
    /// How many automatic list numbers were written out.
    pub numbers: usize,
}

/// Reads a DOCX held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<ReadDocx, DocxError> {
    let mut zip =
        PackageReader::new(bytes, PackageLimits::default()).map_err(|e| DocxError::of(None, e))?;
    let mut part = |name: &str| -> Result<Option<Element>, DocxError> {
        match zip.read(name) {
            Ok(Some(bytes)) => huibao_xml::parse(&bytes)
                .map(Some)
                .map_err(|e| DocxError::of(Some(name), e)),
            Ok(None) => Ok(None),
            Err(e) => Err(DocxError::of(Some(name), e)),
        }
    };
    let document = part("word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = part("word/numbering.xml")?
        .map(|root| Numbering::parse(&root))
        .unwrap_or_default();
    let styles = part("word/styles.xml")?
        .map(|root| style_numbering(&root))
        .unwrap_or_default();
    let charts = chart_shape_texts(&mut part)?;
    let mut reader = Reader {
        numbering,
        styles,
        charts,
        counters: HashMap::new(),
        out: ReadDocx::default(),
    };
    if let Some(body) = document.child_named("body") {
        reader.container(body);
    }
    Ok(reader.out)
}

/// The text drawn over each chart of the body (a caption or a note in a text box of the
/// chart's shapes, one string a paragraph), by the chart's relationship id in
/// word/document.xml.
fn chart_shape_texts(
    part: &mut impl FnMut(&str) -> Result<Option<Element>, DocxError>,
) -> Result<HashMap<String, Vec<String>>, DocxError> {
    let mut out = HashMap::new();
    let Some(rels) = part("word/_rels/document.xml.rels")? else {
        return Ok(out);
    };
    for (id, chart) in related(&rels, "word/", "/chart") {
        let (dir, name) = chart.rsplit_once('/').unwrap_or(("", chart.as_str()));
        let Some(chart_rels) = part(&format!("{dir}/_rels/{name}.rels"))? else {
            continue;
        };
        let mut texts = Vec::new();
        for (_, shapes) in related(&chart_rels, &format!("{dir}/"), "/chartUserShapes") {
            let Some(root) = part(&shapes)? else { continue };
            for sp in root.descendants_named("sp") {
                for p in sp.descendants_named("p") {
                    let text: String = p
                        .descendants_named("t")
                        .iter()
                        .map(|t| t.own_text())
                        .collect();
                    if !text.trim().is_empty() {
                        texts.push(text);
                    }
                }
            }
        }
        out.insert(id, texts);
    }
    Ok(out)
}

/// The relationships of `rels` whose type ends with `kind`: (id, part name), targets
/// taken relative to the folder `base` ("word/"); external targets left out.
fn related(rels: &Element, base: &str, kind: &str) -> Vec<(String, String)> {
    rels.children_named("Relationship")
        .filter(|r| r.attr_named("Type").is_some_and(|t| t.ends_with(kind)))
        .filter(|r| r.attr_named("TargetMode").as_deref() != Some("External"))
        .filter_map(|r| {
            Some((
                r.attr_named("Id")?,
                part_name(base, &r.attr_named("Target")?),
            ))
        })
        .collect()
}

/// A part's name from a relationship's target relative to the folder `base`.
fn part_name(base: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// Reading WordprocessingML by local names, whatever prefix the producer chose.
trait Word {
    /// The first child element with this local name.
    fn child_named(&self, local: &str) -> Option<&Element>;
    /// Child elements with this local name.
    fn children_named<'a>(&'a self, local: &'a str) -> impl Iterator<Item = &'a Element>;
    /// An attribute by local name ("val" for w:val).
    fn attr_named(&self, local: &str) -> Option<String>;
    /// `w:val` of the child `local`.
    fn val(&self, local: &str) -> Option<String>;
    /// Descendant elements with this local name, in document order.
    fn descendants_named(&self, local: &str) -> Vec<&Element>;
}

impl Word for Element {
    fn child_named(&self, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.local_name() == local)
    }

    fn children_named<'a>(&'a self, local: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.local_name() == local)
    }

    fn attr_named(&self, local: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| huibao_xml::local_name(k) == local)
            .map(|(_, v)| v.unescape_attribute())
    }

    fn val(&self, local: &str) -> Option<String> {
        self.child_named(local).and_then(|c| c.attr_named("val"))
    }

    fn descendants_named(&self, local: &str) -> Vec<&Element> {
        let mut out = Vec::new();
        for e in self.elements() {
            if e.local_name() == local {
                out.push(e);
            }
            out.extend(e.descendants_named(local));
        }
        out
    }
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    legal: bool,
}

/// numbering.xml: list definitions and their instances.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstract_levels: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

impl Numbering {
    fn parse(root: &Element) -> Numbering {
        let mut n = Numbering::default();
        if root.local_name() != "numbering" {
            return n;
        }
        for e in root.elements() {
            match e.local_name() {
                "abstractNum" => {
                    let id = e.attr_named("abstractNumId").unwrap_or_default();
                    let mut levels = HashMap::new();
                    for lvl in e.children_named("lvl") {
                        let ilvl = lvl
                            .attr_named("ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        levels.insert(
                            ilvl,
                            Level {
                                start: lvl.val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                                format: lvl.val("numFmt").unwrap_or_else(|| "decimal".into()),
                                text: lvl.val("lvlText").unwrap_or_default(),
                                legal: lvl.child_named("isLgl").is_some(),
                            },
                        );
                    }
                    n.abstract_levels.insert(id, levels);
                }
                "num" => {
                    let id = e.attr_named("numId").unwrap_or_default();
                    let abs = e.val("abstractNumId").unwrap_or_default();
                    let overrides = e
                        .children_named("lvlOverride")
                        .filter_map(|o| {
                            let ilvl = o.attr_named("ilvl")?.parse().ok()?;
                            let start = o.val("startOverride")?.parse().ok()?;
                            Some((ilvl, start))
                        })
                        .collect();
                    n.nums.insert(id, (abs, overrides));
                }
                _ => {}
            }
        }
        n
    }
}

/// styles.xml: paragraph style id → (numId, ilvl), following `basedOn`.
fn style_numbering(root: &Element) -> HashMap<String, (String, u8)> {
    /// Style id → (its own numbering, the style it is based on).
    type Direct = HashMap<String, (Option<(String, u8)>, Option<String>)>;
    let mut direct: Direct = HashMap::new();
    if root.local_name() == "styles" {
        for s in root.children_named("style") {
            let Some(id) = s.attr_named("styleId") else {
                continue;
            };
            let num = s
                .child_named("pPr")
                .and_then(|p| p.child_named("numPr"))
                .and_then(|np| {
                    let id = np.val("numId")?;
                    let ilvl = np.val("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    Some((id, ilvl))
                });
            let based = s.val("basedOn");
            direct.insert(id, (num, based));
        }
    }
    let mut out = HashMap::new();
    for id in direct.keys() {
        let mut cur = Some(id.clone());
        for _ in 0..10 {
            let Some(c) = cur else { break };
            match direct.get(&c) {
                Some((Some(num), _)) => {
                    out.insert(id.clone(), num.clone());
                    break;
                }
                Some((None, based)) => cur = based.clone(),
                None => break,
            }
        }
    }
    out
}

struct Reader {
    numbering: Numbering,
    styles: HashMap<String, (String, u8)>,
    /// The text drawn over each chart, by relationship id.
    charts: HashMap<String, Vec<String>>,
    /// abstractNumId → counters by level.
    counters: HashMap<String, [u32; 9]>,
    out: ReadDocx,
}

impl Reader {
    /// The body, a cell or a content control: paragraphs and tables in order.
    fn container(&mut self, e: &Element) {
        for child in e.elements() {
            match child.local_name() {
                "p" => self.paragraph(child),
                "tbl" => {
                    let rows = table(child);
                    if !rows.is_empty() {
                        self.out.blocks.push(Block::Table(rows));
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child_named("sdtContent") {
                        self.container(content);
                    }
                }
                "customXml" | "ins" | "smartTag" => self.container(child),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element) {
        // A chart's caption drawn over it comes first: the chart floats at the top of
        // the paragraph holding it.
        for chart in p.descendants_named("chart") {
            let texts = chart
                .attr_named("id")
                .and_then(|id| self.charts.get(&id))
                .cloned()
                .unwrap_or_default();
            for text in texts {
                push_paragraph(&mut self.out.blocks, None, &text, Align::Center);
            }
        }
        let ppr = p.child_named("pPr");
        let align = match ppr.and_then(|p| p.val("jc")).as_deref() {
            Some("center") => Align::Center,
            Some("right") | Some("end") => Align::Right,
            _ => Align::Left,
        };
        let mut text = String::new();
        paragraph_text(p, &mut text);
        if text.trim().is_empty() {
            return;
        }
        let number = self.number(ppr);
        push_paragraph(&mut self.out.blocks, number.as_deref(), &text, align);
    }

    /// The automatic number of a paragraph, advancing the list's counters.
    fn number(&mut self, ppr: Option<&Element>) -> Option<String> {
        let direct = ppr.and_then(|p| p.child_named("numPr")).map(|np| {
            (
                np.val("numId"),
                np.val("ilvl").and_then(|v| v.parse::<u8>().ok()),
            )
        });
        let style = ppr
            .and_then(|p| p.val("pStyle"))
            .and_then(|s| self.styles.get(&s).cloned());
        let (num_id, ilvl) = match (direct, style) {
            (Some((Some(id), ilvl)), style) => {
                (id, ilvl.or(style.as_ref().map(|s| s.1)).unwrap_or(0))
            }
            (Some((None, ilvl)), Some((id, sl))) => (id, ilvl.unwrap_or(sl)),
            (None, Some((id, sl))) => (id, sl),
            _ => return None,
        };
        if num_id == "0" {
            return None;
        }
        let (abs, overrides) = self.numbering.nums.get(&num_id)?.clone();
        let levels = self.numbering.abstract_levels.get(&abs)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(&ilvl)?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let fresh = !self.counters.contains_key(&abs);
        let counters = self.counters.entry(abs.clone()).or_insert([0; 9]);
        if fresh {
            for (l, start) in &overrides {
                if let Some(c) = counters.get_mut(*l as usize) {
                    *c = start.saturating_sub(1);
                }
            }
        }
        let i = ilvl as usize;
        counters[i] = if counters[i] == 0 {
            overrides.get(&ilvl).copied().unwrap_or(level.start).max(1)
        } else {
            counters[i] + 1
        };
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let mut text = level.text.clone();
        for l in (0..=i).rev() {
            let placeholder = format!("%{}", l + 1);
            if !text.contains(&placeholder) {
                continue;
            }
            let lv = levels.get(&(l as u8)).cloned().unwrap_or_default();
            let value = counters[l].max(lv.start.max(1));
            let format = if level.legal {
                "decimal"
            } else {
                lv.format.as_str()
            };
            text = text.replace(&placeholder, &format_number(value, format));
        }
        self.out.numbers += 1;
        Some(text)
    }
}

/// Text of a paragraph: runs, hyperlinks, insertions; not deleted text, field codes,
/// or the fallback copies of alternate content.
fn paragraph_text(e: &Element, out: &mut String) {
    for child in &e.children {
        let Node::Element(c) = child else { continue };
        match c.local_name() {
            "t" => out.push_str(&c.own_text()),
            "tab" | "ptab" => out.push(' '),
            "br" | "cr" => out.push('\n'),
            "del" | "delText" | "instrText" | "Fallback" | "pPr" | "rPr" | "txbxContent" => {}
            _ => paragraph_text(c, out),
        }
    }
}

fn table(tbl: &Element) -> Vec<Vec<String>> {
    tbl.children_named("tr")
        .map(|tr| {
            tr.children_named("tc")
                .map(|tc| {
                    let mut parts = Vec::new();
                    for p in tc.children_named("p") {
                        let mut s = String::new();
                        paragraph_text(p, &mut s);
                        if !s.trim().is_empty() {
                            parts.push(s.trim().to_string());
                        }
                    }
                    parts.join("")
                })
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect()
}

/// A list number in one of Word's formats.
pub(crate) fn format_number(n: u32, format: &str) -> String {
    match format {
        // 一, 二, 三 … in the forms Word and LibreOffice write (LibreOffice writes
        // taiwaneseCountingThousand for its "一, 二, 三" list style).
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "ideographTraditional"
        | "chineseLegalSimplified" => {
            huibao_core::numbering::chinese_numeral(n).unwrap_or_else(|| n.to_string())
        }
        // Digit by digit: 一〇 for 10.
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| match d {
                '0' => '〇',
                d => huibao_core::numbering::chinese_numeral(d as u32 - '0' as u32)
                    .and_then(|s| s.chars().next())
                    .unwrap_or(d),
            })
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let c = (base + ((n.max(1) - 1) % 26) as u8) as char;
            c.to_string().repeat(((n.max(1) - 1) / 26 + 1) as usize)
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::source::Para;
    use huibao_xml::PackageWriter;

    /// Builds a minimal DOCX from document.xml body content and optional numbering.xml.
    pub(crate) fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut zip = PackageWriter::new();
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip.add("word/document.xml", doc.as_bytes()).unwrap();
        if let Some(n) = numbering {
            let xml = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{n}</w:numbering>"#
            );
            zip.add("word/numbering.xml", xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn numbered(text: &str, num: u32, ilvl: u32) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn texts(r: &ReadDocx) -> Vec<String> {
        r.blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.text.clone(),
                Block::Table(t) => format!("{t:?}"),
            })
            .collect()
    }

    #[test]
    fn a_caption_drawn_over_a_chart_comes_before_the_paragraph_holding_it() {
        let mut zip = PackageWriter::new();
        let doc = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>园区经济稳中有进。</w:t></w:r></w:p><w:p><w:r><w:drawing><c:chart r:id="rIdChart"/></w:drawing></w:r><w:r><w:t>一、主要工作</w:t></w:r></w:p></w:body></w:document>"#;
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/></Relationships>"#;
        let chart_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes" Target="../drawings/drawing1.xml"/></Relationships>"#;
        let shapes = r#"<c:userShapes xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><cdr:relSizeAnchor><cdr:sp><cdr:txBody><a:p><a:r><a:t>图1　2022年上半年主要经济指标</a:t></a:r><a:r><a:t>与上年同期对比</a:t></a:r></a:p></cdr:txBody></cdr:sp></cdr:relSizeAnchor><cdr:relSizeAnchor><cdr:cxnSp/></cdr:relSizeAnchor></c:userShapes>"#;
        zip.add("word/document.xml", doc.as_bytes()).unwrap();
        zip.add("word/_rels/document.xml.rels", rels.as_bytes())
            .unwrap();
        zip.add(
            "word/charts/chart1.xml",
            b"<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>",
        )
        .unwrap();
        zip.add("word/charts/_rels/chart1.xml.rels", chart_rels.as_bytes())
            .unwrap();
        zip.add("word/drawings/drawing1.xml", shapes.as_bytes())
            .unwrap();
        let r = read(&zip.finish().unwrap()).unwrap();
        assert_eq!(
            texts(&r),
            vec![
                "园区经济稳中有进。",
                "图1　2022年上半年主要经济指标与上年同期对比",
                "一、主要工作"
            ]
        );
    }

    #[test]
    fn relationship_targets_resolve_against_their_folder() {
        assert_eq!(
            part_name("word/", "charts/chart1.xml"),
            "word/charts/chart1.xml"
        );
        assert_eq!(
            part_name("word/charts/", "../drawings/drawing1.xml"),
            "word/drawings/drawing1.xml"
        );
        assert_eq!(part_name("word/", "/word/media/a.png"), "word/media/a.png");
    }

    #[test]
    fn automatic_numbers_are_written_out() {
        let numbering = r#"<w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
          </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
        let body = [
            p("标题"),
            numbered("主要工作", 1, 0),
            numbered("招商引资", 1, 1),
            numbered("线上招商。开展直播。", 1, 2),
            numbered("线下招商。", 1, 2),
            numbered("项目建设", 1, 1),
            numbered("开工。", 1, 2),
            numbered("工作计划", 1, 0),
        ]
        .concat();
        let r = read(&docx(&body, Some(numbering))).unwrap();
        assert_eq!(
            texts(&r),
            vec![
                "标题",
                "一、主要工作",
                "（一）招商引资",
                "1.线上招商。开展直播。",
                "2.线下招商。",
                "（二）项目建设",
                "1.开工。",
                "二、工作计划"
            ]
        );
        assert_eq!(r.numbers, 7);
    }

    #[test]
    fn list_number_formats() {
        for format in [
            "chineseCounting",
            "chineseCountingThousand",
            "taiwaneseCounting",
            "taiwaneseCountingThousand",
            "japaneseCounting",
        ] {
            assert_eq!(format_number(3, format), "三", "{format}");
            assert_eq!(format_number(12, format), "十二", "{format}");
        }
        assert_eq!(format_number(10, "ideographDigital"), "一〇");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(format_number(3, "decimalFullWidth"), "３");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(2, "upperLetter"), "B");
    }

    #[test]
    fn runs_tables_entities_and_deletions() {
        let body = r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>园区</w:t></w:r><w:hyperlink><w:r><w:t xml:space="preserve">管委会 &amp; </w:t></w:r></w:hyperlink><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins><w:r><w:t>总结</w:t></w:r></w:ins></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let r = read(&docx(body, None)).unwrap();
        assert_eq!(r.blocks.len(), 2);
        assert_eq!(
            r.blocks[0],
            Block::Para(Para {
                text: "园区管委会 & 总结".into(),
                align: Align::Center
            })
        );
        assert_eq!(
            r.blocks[1],
            Block::Table(vec![vec!["指标名称".into(), "单位".into()]])
        );
    }

    #[test]
    fn broken_input() {
        assert!(matches!(read(b"not a zip"), Err(DocxError::NotZip(_))));
        let mut zip = PackageWriter::new();
        zip.add("a.txt", b"").unwrap();
        assert_eq!(
            read(&zip.finish().unwrap()).unwrap_err(),
            DocxError::NoDocument
        );
        let damaged = docx("<w:p><w:r><w:t>未闭合</w:r></w:p>", None);
        assert!(matches!(read(&damaged), Err(DocxError::Xml(_))));
        assert!(read(&docx("", None)).unwrap().blocks.is_empty());
    }

    #[test]
    fn deep_nesting_is_too_large_not_damaged() {
        // Paragraphs nested 300,000 deep: refused, not a stack overflow.
        let deep = docx(
            &format!("{}{}", "<w:p>".repeat(300_000), "</w:p>".repeat(300_000)),
            None,
        );
        let err = read(&deep).unwrap_err();
        assert!(matches!(err, DocxError::TooLarge(_)), "{err:?}");
        let said = err.message();
        assert_eq!(said.id(), Some("import-read-part"), "{said}");
        assert_eq!(
            said.get("part"),
            Some(&huibao_i18n::Arg::Text("word/document.xml".into()))
        );
    }

    #[test]
    fn any_namespace_prefix_reads_the_same() {
        let mut zip = PackageWriter::new();
        let doc = r#"<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:pPr><ns0:jc ns0:val="center"/></ns0:pPr><ns0:r><ns0:t>园区管委会工作总结</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#;
        zip.add("word/document.xml", doc.as_bytes()).unwrap();
        let r = read(&zip.finish().unwrap()).unwrap();
        assert_eq!(
            r.blocks,
            vec![Block::Para(Para {
                text: "园区管委会工作总结".into(),
                align: Align::Center
            })]
        );
    }
}
