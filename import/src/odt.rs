//! Reading an OpenDocument text (.odt): `content.xml` through `huibao-xml` with its ZIP
//! limits; the body's paragraphs and headings (`text:p`, `text:h`) in order, lists with
//! the numbers the producer wrote out (`text:number`), tables as rows of cells, spaces,
//! tabs and line breaks as written; notes, frames and the change-tracking record left out.
//! Alignment is read from the paragraph's style (automatic styles and named ones).

use crate::source::{Align, Block, Para};
use huibao_xml::{Element, Node, PackageLimits, PackageReader};
use std::collections::HashMap;

/// Why an ODT could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum OdtError {
    #[error("{0}")]
    Damaged(String),
    #[error("{0}")]
    TooLarge(String),
}

impl OdtError {
    fn of(part: &str, e: huibao_xml::Error) -> OdtError {
        if e.is_too_large() {
            OdtError::TooLarge(format!("{part}: {e}"))
        } else {
            OdtError::Damaged(format!("{part}: {e}"))
        }
    }
}

/// The mimetype of an OpenDocument text.
pub(crate) const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Reads an ODT held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Block>, OdtError> {
    let mut zip = PackageReader::new(bytes, PackageLimits::default())
        .map_err(|e| OdtError::of("the package", e))?;
    let mut part = |name: &str| -> Result<Option<Element>, OdtError> {
        match zip.read(name).map_err(|e| OdtError::of(name, e))? {
            Some(b) => huibao_xml::parse(&b)
                .map(Some)
                .map_err(|e| OdtError::of(name, e)),
            None => Ok(None),
        }
    };
    let content = part("content.xml")?
        .ok_or_else(|| OdtError::Damaged("it has no content.xml".into()))?;
    let mut align = HashMap::new();
    if let Some(styles) = part("styles.xml")? {
        style_alignments(&styles, &mut align);
    }
    style_alignments(&content, &mut align);
    let mut reader = Reader {
        align,
        blocks: Vec::new(),
    };
    if let Some(text) = child(&content, "body").and_then(|b| child(b, "text")) {
        reader.container(text, None, 0);
    }
    Ok(reader.blocks)
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

struct Reader {
    align: HashMap<String, Align>,
    blocks: Vec<Block>,
}

impl Reader {
    /// The body, a section or a list item: paragraphs, lists and tables in order.
    /// `number` is the list number written out for the first paragraph of an item.
    fn container(&mut self, e: &Element, mut number: Option<String>, depth: usize) {
        if depth > 64 {
            return;
        }
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
                "list" | "list-header" | "section" | "index-body" | "table-of-content"
                | "change" | "soft-page-break" => self.container(c, None, depth + 1),
                "list-item" => {
                    let written = child(c, "number").map(|n| {
                        let mut s = String::new();
                        inline(n, &mut s, 0);
                        s
                    });
                    self.container(c, written, depth + 1);
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
                    let n = attr(c, "c").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
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
                for p in cell.elements().filter(|p| matches!(p.local_name(), "p" | "h")) {
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
