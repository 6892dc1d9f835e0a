//! Reading an OpenDocument text (.odt): `content.xml` through `huibao-xml` with its ZIP
//! limits; the body's paragraphs and headings (`text:p`, `text:h`) in order, lists with
//! their numbers (as the producer wrote them out in `text:number`, else from the list
//! styles' formats and counters), tables as rows of cells, spaces,
//! tabs and line breaks as written; notes, frames and the change-tracking record left out.
//! Alignment is read from the paragraph's style (automatic styles and named ones).

use crate::source::{Align, Block, Para};
use huibao_i18n::{msg, Message};
use huibao_xml::{Element, Node, PackageLimits, PackageReader};
use std::collections::HashMap;

/// Why an ODT could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OdtError {
    /// A part missing or that cannot be read.
    Damaged(Message),
    /// Over a limit.
    TooLarge(Message),
}

impl OdtError {
    /// The fault `e` of `part` (`None`: the package itself).
    fn of(part: Option<&str>, e: huibao_xml::Error) -> OdtError {
        let why = crate::fault::of_part(part, &e);
        if e.is_too_large() {
            OdtError::TooLarge(why)
        } else {
            OdtError::Damaged(why)
        }
    }

    /// What is wrong, in the chosen language.
    pub(crate) fn message(&self) -> Message {
        match self {
            OdtError::Damaged(why) | OdtError::TooLarge(why) => why.clone(),
        }
    }
}

/// The mimetype of an OpenDocument text.
pub(crate) const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Reads an ODT held in memory: its blocks, and how many list numbers were written out.
pub(crate) fn read(bytes: &[u8]) -> Result<(Vec<Block>, usize), OdtError> {
    let mut zip =
        PackageReader::new(bytes, PackageLimits::default()).map_err(|e| OdtError::of(None, e))?;
    let mut part = |name: &str| -> Result<Option<Element>, OdtError> {
        match zip.read(name).map_err(|e| OdtError::of(Some(name), e))? {
            Some(b) => huibao_xml::parse(&b)
                .map(Some)
                .map_err(|e| OdtError::of(Some(name), e)),
            None => Ok(None),
        }
    };
    let content = part("content.xml")?
        .ok_or_else(|| OdtError::Damaged(msg!("import-read-part-missing", part = "content.xml")))?;
    let mut align = HashMap::new();
    let mut lists = HashMap::new();
    if let Some(styles) = part("styles.xml")? {
        style_alignments(&styles, &mut align);
        list_styles(&styles, &mut lists);
    }
    style_alignments(&content, &mut align);
    list_styles(&content, &mut lists);
    let mut reader = Reader {
        align,
        lists,
        counters: HashMap::new(),
        blocks: Vec::new(),
        numbers: 0,
    };
    if let Some(text) = child(&content, "body").and_then(|b| child(b, "text")) {
        reader.container(text, &List::default(), 0);
    }
    Ok((reader.blocks, reader.numbers))
}

fn child<'a>(e: &'a Element, local: &str) -> Option<&'a Element> {
    e.elements().find(|c| c.local_name() == local)
}

fn attr(e: &Element, local: &str) -> Option<String> {
    e.attrs
        .iter()
        .find(|(k, _)| huibao_xml::local_name(k) == local)
        .map(|(_, v)| v.unescape_attribute())
}

/// Style name → alignment, for paragraph styles that set one (or inherit one).
fn style_alignments(root: &Element, out: &mut HashMap<String, Align>) {
    let mut parents = Vec::new();
    for holder in root
        .elements()
        .filter(|e| matches!(e.local_name(), "styles" | "automatic-styles"))
    {
        for style in holder.elements().filter(|e| e.local_name() == "style") {
            let Some(name) = attr(style, "name") else {
                continue;
            };
            let own = child(style, "paragraph-properties")
                .and_then(|p| attr(p, "text-align"))
                .map(|a| match a.as_str() {
                    "center" => Align::Center,
                    "end" | "right" => Align::Right,
                    _ => Align::Left,
                });
            match own {
                Some(a) => {
                    out.insert(name, a);
                }
                None => {
                    if let Some(parent) = attr(style, "parent-style-name") {
                        parents.push((name, parent));
                    }
                }
            }
        }
    }
    for (name, parent) in parents {
        if let Some(a) = out.get(&parent).copied() {
            out.entry(name).or_insert(a);
        }
    }
}

/// One level of a list style: how its number is written.
#[derive(Debug, Clone, Default)]
struct ListLevel {
    /// `style:num-format`: "1", "a", "I", "一, 二, 三, ..." …; empty for no number.
    format: String,
    /// LibreOffice's whole label with `%N%` for the level numbers ("（%2%）").
    label: Option<String>,
    prefix: String,
    suffix: String,
    /// How many levels the label shows (`text:display-levels`).
    display: usize,
    start: u32,
}

/// List style name → its levels (1-based in the file, 0-based here).
fn list_styles(root: &Element, out: &mut HashMap<String, Vec<ListLevel>>) {
    for holder in root
        .elements()
        .filter(|e| matches!(e.local_name(), "styles" | "automatic-styles"))
    {
        for style in holder.elements().filter(|e| e.local_name() == "list-style") {
            let Some(name) = attr(style, "name") else {
                continue;
            };
            let mut levels = vec![ListLevel::default(); 10];
            for level in style.elements() {
                let Some(n) = attr(level, "level")
                    .and_then(|l| l.parse::<usize>().ok())
                    .filter(|l| (1..=10).contains(l))
                else {
                    continue;
                };
                if level.local_name() != "list-level-style-number" {
                    continue;
                }
                levels[n - 1] = ListLevel {
                    format: attr(level, "num-format").unwrap_or_default(),
                    label: attr(level, "num-list-format"),
                    prefix: attr(level, "num-prefix").unwrap_or_default(),
                    suffix: attr(level, "num-suffix").unwrap_or_default(),
                    display: attr(level, "display-levels")
                        .and_then(|d| d.parse().ok())
                        .unwrap_or(1),
                    start: attr(level, "start-value")
                        .and_then(|d| d.parse().ok())
                        .unwrap_or(1),
                };
            }
            out.insert(name, levels);
        }
    }
}

/// A number in an ODF num-format, through the DOCX reader's formats.
fn format_odf(n: u32, format: &str) -> String {
    let word = match format {
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        f if f.starts_with('一') => "chineseCounting",
        f if f.starts_with('壹') => "chineseLegalSimplified",
        f if f.starts_with('１') => "decimalFullWidth",
        _ => "decimal",
    };
    crate::docx::format_number(n, word)
}

/// Where a paragraph stands in lists: the list style and the level (0 outside lists).
#[derive(Debug, Clone, Default)]
struct List {
    style: Option<String>,
    level: usize,
}

struct Reader {
    align: HashMap<String, Align>,
    lists: HashMap<String, Vec<ListLevel>>,
    /// Counters by list style.
    counters: HashMap<String, [u32; 10]>,
    blocks: Vec<Block>,
    numbers: usize,
}

impl Reader {
    /// The body, a section, a list or a list item: paragraphs, lists and tables in
    /// order. `list` is where they stand in lists.
    fn container(&mut self, e: &Element, list: &List, depth: usize) {
        if depth > 64 {
            return;
        }
        let mut number: Option<String> = None;
        for c in e.elements() {
            match c.local_name() {
                "p" | "h" => {
                    let mut text = number.take().unwrap_or_default();
                    inline(c, &mut text, 0);
                    if text.trim().is_empty() {
                        continue;
                    }
                    let align = attr(c, "style-name")
                        .and_then(|s| self.align.get(&s).copied())
                        .unwrap_or_default();
                    for line in text.split('\n').filter(|l| !l.trim().is_empty()) {
                        self.blocks.push(Block::Para(Para {
                            text: line.to_string(),
                            align,
                        }));
                    }
                }
                "list" => {
                    let style = attr(c, "style-name").or_else(|| list.style.clone());
                    let inner = List {
                        style,
                        level: list.level + 1,
                    };
                    // A list at the top that does not continue another starts again.
                    if list.level == 0
                        && attr(c, "continue-numbering").as_deref() != Some("true")
                        && attr(c, "continue-list").is_none()
                    {
                        if let Some(s) = &inner.style {
                            self.counters.remove(s);
                        }
                    }
                    self.container(c, &inner, depth + 1);
                }
                "list-item" | "list-header" => {
                    number = None;
                    let written = child(c, "number").map(|n| {
                        let mut s = String::new();
                        inline(n, &mut s, 0);
                        s
                    });
                    let counts = c.elements().any(|p| matches!(p.local_name(), "p" | "h"));
                    let item_number = if c.local_name() == "list-item" && counts {
                        let start = attr(c, "start-value").and_then(|v| v.parse().ok());
                        written.or_else(|| self.number(list, start))
                    } else {
                        None
                    };
                    self.item(c, list, item_number, depth + 1);
                }
                "section" | "index-body" | "table-of-content" | "change" => {
                    self.container(c, list, depth + 1)
                }
                "table" => {
                    let rows = table(c);
                    if !rows.is_empty() {
                        self.blocks.push(Block::Table(rows));
                    }
                }
                _ => {}
            }
        }
    }

    /// A list item: its first paragraph carries the item's number.
    fn item(&mut self, e: &Element, list: &List, number: Option<String>, depth: usize) {
        let before = self.blocks.len();
        self.container(e, list, depth);
        if let Some(n) = number {
            if let Some(Block::Para(p)) = self.blocks.get_mut(before) {
                p.text.insert_str(0, &n);
                self.numbers += 1;
            }
        }
    }

    /// The number of an item at `list`'s level, advancing the style's counters.
    fn number(&mut self, list: &List, start: Option<u32>) -> Option<String> {
        let style = list.style.as_ref()?;
        let levels = self.lists.get(style)?;
        let i = list.level.checked_sub(1)?.min(9);
        let level = levels.get(i)?;
        if level.format.is_empty() {
            return None;
        }
        let counters = self.counters.entry(style.clone()).or_insert([0; 10]);
        counters[i] = match start {
            Some(s) => s,
            None if counters[i] == 0 => level.start.max(1),
            None => counters[i] + 1,
        };
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = 0;
        }
        let value = |l: usize| {
            let lv = &levels[l];
            format_odf(counters[l].max(lv.start.max(1)), &lv.format)
        };
        Some(match &level.label {
            Some(label) => {
                let mut out = label.clone();
                for l in 0..=i {
                    out = out.replace(&format!("%{}%", l + 1), &value(l));
                }
                out
            }
            None => {
                let first = (i + 1).saturating_sub(level.display.max(1));
                let shown: Vec<String> = (first..=i).map(value).collect();
                format!("{}{}{}", level.prefix, shown.join("."), level.suffix)
            }
        })
    }
}

/// The text of a paragraph: spans, links and fields as written, `text:s` spaces, tabs
/// and line breaks; notes, annotations, frames and tracked deletions left out.
fn inline(e: &Element, out: &mut String, depth: usize) {
    if depth > 64 {
        return;
    }
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(&t.unescape()),
            Node::Element(c) => match c.local_name() {
                "s" => {
                    let n = attr(c, "c")
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1);
                    out.extend(std::iter::repeat_n(' ', n.min(64)));
                }
                "tab" => out.push(' '),
                "line-break" => out.push('\n'),
                "note" | "annotation" | "frame" | "tracked-changes" | "bookmark"
                | "bookmark-start" | "bookmark-end" | "soft-page-break" | "number" => {}
                _ => inline(c, out, depth + 1),
            },
        }
    }
}

fn table(t: &Element) -> Vec<Vec<String>> {
    fn rows_of<'a>(e: &'a Element, out: &mut Vec<&'a Element>, depth: usize) {
        for c in e.elements() {
            match c.local_name() {
                "table-row" => out.push(c),
                // Rows may sit in header rows and row groups.
                "table-header-rows" | "table-rows" | "table-row-group" if depth < 16 => {
                    rows_of(c, out, depth + 1)
                }
                _ => {}
            }
        }
    }
    let mut rows = Vec::new();
    let mut row_elements = Vec::new();
    rows_of(t, &mut row_elements, 0);
    for row in row_elements {
        let cells: Vec<String> = row
            .elements()
            .filter(|c| c.local_name() == "table-cell")
            .map(|cell| {
                let mut parts = Vec::new();
                for p in cell
                    .elements()
                    .filter(|p| matches!(p.local_name(), "p" | "h"))
                {
                    let mut s = String::new();
                    inline(p, &mut s, 0);
                    if !s.trim().is_empty() {
                        parts.push(s.trim().replace('\n', ""));
                    }
                }
                parts.join("")
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells);
        }
    }
    rows
}
