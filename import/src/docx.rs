//! Reading a .docx: paragraphs and tables of word/document.xml in order, with Word's
//! automatic list numbers (numbering.xml, also through paragraph styles) written out
//! as text, so "一、" typed and "一、" numbered by Word read the same.

use crate::source::{Align, Block, Para};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::Read;

/// The largest XML part read (uncompressed), against zip bombs.
const MAX_PART: u64 = 64 << 20;

/// Why a DOCX could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    #[error("it is not a zip archive ({0})")]
    NotZip(String),
    #[error("it has no word/document.xml, so it is not a Word document")]
    NoDocument,
    #[error("{part} is damaged: {why}")]
    Xml { part: String, why: String },
}

/// What was read.
#[derive(Debug, Default)]
pub struct ReadDocx {
    /// Paragraphs and tables in order.
    pub blocks: Vec<Block>,
    /// How many automatic list numbers were written out.
    pub numbers: usize,
}

/// Reads a DOCX held in memory.
pub fn read(bytes: &[u8]) -> Result<ReadDocx, DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    let document = part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(x) => Numbering::parse(&parse_xml(&x, "word/numbering.xml")?),
        None => Numbering::default(),
    };
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(x) => style_numbering(&parse_xml(&x, "word/styles.xml")?),
        None => HashMap::new(),
    };
    let root = parse_xml(&document, "word/document.xml")?;
    let mut reader = Reader {
        numbering,
        styles,
        counters: HashMap::new(),
        out: ReadDocx::default(),
    };
    if let Some(body) = root.find("body") {
        reader.container(body);
    }
    Ok(reader.out)
}

fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(DocxError::Xml {
                part: name.into(),
                why: e.to_string(),
            })
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError::Xml {
            part: name.into(),
            why: e.to_string(),
        })?;
    let text = String::from_utf8(bytes).map_err(|_| DocxError::Xml {
        part: name.into(),
        why: "not UTF-8".into(),
    })?;
    Ok(Some(text))
}

/// A parsed XML element: local name, attributes by local name, children.
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// An attribute by local name ("val" for w:val).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first descendant named `name`, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// `w:val` of the child `name`.
    fn val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }
}

fn local(name: &str) -> String {
    match name.split_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.to_string(),
    }
}

/// Parses XML into an element tree under a synthetic root.
pub fn parse_xml(xml: &str, part: &str) -> Result<Element, DocxError> {
    let err = |why: String| DocxError::Xml {
        part: part.into(),
        why,
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let event = reader.read_event().map_err(|e| err(e.to_string()))?;
        match event {
            Event::Start(e) => stack.push(element(&e).map_err(&err)?),
            Event::Empty(e) => {
                let el = element(&e).map_err(&err)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(err("an end tag without a start tag".into()));
                }
                let done = stack.pop().unwrap_or_default();
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(done));
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t),
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(err("the XML ends inside an element".into()));
    }
    Ok(stack.pop().unwrap_or_default())
}

fn element(e: &quick_xml::events::BytesStart) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        attrs.push((local(a.key.as_ref()), value.into_owned()));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
    })
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(top) = stack.last_mut() {
        match top.children.last_mut() {
            Some(Node::Text(t)) => t.push_str(s),
            _ => top.children.push(Node::Text(s.to_string())),
        }
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
        let Some(numbering) = root.find("numbering") else {
            return n;
        };
        for e in numbering.elements() {
            match e.name.as_str() {
                "abstractNum" => {
                    let id = e.attr("abstractNumId").unwrap_or_default().to_string();
                    let mut levels = HashMap::new();
                    for lvl in e.elements().filter(|l| l.name == "lvl") {
                        let ilvl = lvl.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        levels.insert(
                            ilvl,
                            Level {
                                start: lvl.val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                                format: lvl.val("numFmt").unwrap_or("decimal").to_string(),
                                text: lvl.val("lvlText").unwrap_or_default().to_string(),
                                legal: lvl.child("isLgl").is_some(),
                            },
                        );
                    }
                    n.abstract_levels.insert(id, levels);
                }
                "num" => {
                    let id = e.attr("numId").unwrap_or_default().to_string();
                    let abs = e.val("abstractNumId").unwrap_or_default().to_string();
                    let overrides = e
                        .elements()
                        .filter(|o| o.name == "lvlOverride")
                        .filter_map(|o| {
                            let ilvl = o.attr("ilvl")?.parse().ok()?;
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
    if let Some(styles) = root.find("styles") {
        for s in styles.elements().filter(|s| s.name == "style") {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            let num = s
                .child("pPr")
                .and_then(|p| p.child("numPr"))
                .and_then(|np| {
                    let id = np.val("numId")?.to_string();
                    let ilvl = np.val("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    Some((id, ilvl))
                });
            let based = s.val("basedOn").map(str::to_string);
            direct.insert(id.to_string(), (num, based));
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
    /// abstractNumId → counters by level.
    counters: HashMap<String, [u32; 9]>,
    out: ReadDocx,
}

impl Reader {
    /// The body, a cell or a content control: paragraphs and tables in order.
    fn container(&mut self, e: &Element) {
        for child in e.elements() {
            match child.name.as_str() {
                "p" => self.paragraph(child),
                "tbl" => {
                    let rows = table(child);
                    if !rows.is_empty() {
                        self.out.blocks.push(Block::Table(rows));
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.container(content);
                    }
                }
                "customXml" | "ins" | "smartTag" => self.container(child),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element) {
        let ppr = p.child("pPr");
        let align = match ppr.and_then(|p| p.val("jc")) {
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
        for (i, line) in text.split('\n').enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let line = match (&number, i) {
                (Some(n), 0) => format!("{n}{line}"),
                _ => line.to_string(),
            };
            self.out
                .blocks
                .push(Block::Para(Para { text: line, align }));
        }
    }

    /// The automatic number of a paragraph, advancing the list's counters.
    fn number(&mut self, ppr: Option<&Element>) -> Option<String> {
        let direct = ppr.and_then(|p| p.child("numPr")).map(|np| {
            (
                np.val("numId").map(str::to_string),
                np.val("ilvl").and_then(|v| v.parse::<u8>().ok()),
            )
        });
        let style = ppr
            .and_then(|p| p.val("pStyle"))
            .and_then(|s| self.styles.get(s).cloned());
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
        match c.name.as_str() {
            "t" => {
                for t in &c.children {
                    if let Node::Text(s) = t {
                        out.push_str(s);
                    }
                }
            }
            "tab" | "ptab" => out.push(' '),
            "br" | "cr" => out.push('\n'),
            "del" | "delText" | "instrText" | "Fallback" | "pPr" | "rPr" | "txbxContent" => {}
            _ => paragraph_text(c, out),
        }
    }
}

fn table(tbl: &Element) -> Vec<Vec<String>> {
    tbl.elements()
        .filter(|r| r.name == "tr")
        .map(|tr| {
            tr.elements()
                .filter(|c| c.name == "tc")
                .map(|tc| {
                    let mut parts = Vec::new();
                    for p in tc.elements().filter(|p| p.name == "p") {
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
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "japaneseCounting"
        | "chineseLegalSimplified"
        | "taiwaneseCountingThousand" => {
            huibao_core::numbering::chinese_numeral(n).unwrap_or_else(|| n.to_string())
        }
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
    use std::io::Write;

    /// Builds a minimal DOCX from document.xml body content and optional numbering.xml.
    pub fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(doc.as_bytes()).unwrap();
        if let Some(n) = numbering {
            let xml = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{n}</w:numbering>"#
            );
            zip.start_file("word/numbering.xml", opts).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        buf.into_inner()
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
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        assert_eq!(read(buf.get_ref()).unwrap_err(), DocxError::NoDocument);
        let damaged = docx("<w:p><w:r><w:t>未闭合</w:r></w:p>", None);
        assert!(matches!(read(&damaged), Err(DocxError::Xml { .. })));
        assert!(read(&docx("", None)).unwrap().blocks.is_empty());
    }
}
