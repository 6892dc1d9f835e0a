//! Reading a saved web page (.html, .htm) or a web archive (.mhtml, .mht): the page parsed
//! by an HTML5 parser (`scraper`, on `html5ever`), the main text block found (the element
//! holding most of the page's Chinese text, navigation, headers, footers, asides, scripts
//! and forms left out), then its block elements as lines, `<br>` as line breaks and tables
//! as rows of cells. The lines go on through the text path, with its clutter removal.

use crate::source::Block;
use ego_tree::NodeRef;
use huibao_i18n::{msg, Message};
use scraper::{Html, Node};

/// Largest page parsed, in bytes of text.
const MAX_PAGE: usize = 32 << 20;
/// Deepest element nesting walked; deeper content is left out.
const MAX_DEPTH: usize = 256;
/// Most nodes in a table read as a table of data.
const MAX_TABLE_NODES: usize = 20_000;
/// Most headings looked at for a title above the main block.
const MAX_TITLES: usize = 1_000;

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HtmlError {
    /// A web archive without an HTML page.
    NoPage,
    /// Over a limit.
    TooLarge(Message),
}

/// Whether the bytes are a web archive (MHTML): MIME headers naming multipart/related.
pub(crate) fn is_mhtml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    head.contains("mime-version:") && head.contains("multipart/related")
}

/// Whether the bytes start like an HTML page.
pub(crate) fn is_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head))
        .to_ascii_lowercase();
    let start = head.trim_start();
    start.starts_with('<')
        && ["<!doctype html", "<html", "<body", "<head", "<meta"]
            .iter()
            .any(|tag| head.contains(tag))
}

/// The page's blocks, and how many list numbers were written out.
pub(crate) fn read(bytes: &[u8]) -> Result<(Vec<Block>, usize), HtmlError> {
    let page = if is_mhtml(bytes) {
        let (body, charset) = mhtml_page(bytes).ok_or(HtmlError::NoPage)?;
        decode(&body, charset.as_deref())
    } else {
        decode(bytes, None)
    };
    if page.len() > MAX_PAGE {
        return Err(HtmlError::TooLarge(msg!(
            "import-read-page-too-large",
            limit = MAX_PAGE
        )));
    }
    let html = Html::parse_document(&page);
    let root = html.tree.root();
    let main = main_block(root);
    let mut lines = Lines::default();
    // A title above the main block (an <h1> outside it) is kept as the first line.
    if main.id() != root.id() {
        if let Some(title) = title_before(root, main) {
            lines.text(&title);
            lines.newline();
        }
    }
    lines.walk(main, 0);
    lines.newline();
    Ok((lines.blocks, lines.numbers))
}

/// The text of the page: by the charset its meta tag (or the archive's part) names, else
/// UTF-8, else GB18030.
fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = charset.map(str::to_string).or_else(|| {
        let at = head.find("charset=")? + "charset=".len();
        let value: String = head[at..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        Some(value)
    });
    if let Some(enc) = declared
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
    {
        // A page that says UTF-8 but is not falls through to GB18030.
        let (text, _, errors) = enc.decode(bytes);
        if !errors || enc != encoding_rs::UTF_8 {
            return text.into_owned();
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Elements whose content is never report text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "select"
            | "button"
            | "iframe"
            | "svg"
            | "head"
            | "title"
            | "object"
            | "canvas"
            | "input"
            | "textarea"
    )
}

/// A `<header>` or `<footer>` inside the document's own `<main>`, `<article>` or
/// `<section>`: the document's red header or end matter, not the site's.
fn own_header(node: NodeRef<Node>) -> bool {
    matches!(name_of(node), Some("header" | "footer"))
        && node
            .ancestors()
            .any(|a| matches!(name_of(a), Some("main" | "article" | "section")))
}

/// Elements that stand on lines of their own.
fn block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "address"
            | "center"
            | "table"
            | "tr"
            | "hr"
            | "body"
            | "figure"
            | "figcaption"
            | "caption"
            | "tbody"
            | "thead"
            | "tfoot"
    )
}

fn name_of(node: NodeRef<'_, Node>) -> Option<&str> {
    node.value().as_element().map(|e| e.name())
}

/// Chinese characters in a node's text, skipped elements left out.
fn han_count(
    node: NodeRef<Node>,
    depth: usize,
    counts: &mut std::collections::HashMap<ego_tree::NodeId, usize>,
) -> usize {
    let n = match node.value() {
        Node::Text(t) => t.chars().filter(|&c| huibao_core::chars::is_han(c)).count(),
        Node::Element(e) if skipped(e.name()) && !own_header(node) => 0,
        _ if depth > MAX_DEPTH => 0,
        _ => node
            .children()
            .map(|c| han_count(c, depth + 1, counts))
            .sum(),
    };
    counts.insert(node.id(), n);
    n
}

/// The main text block: from the body down, the child holding most of its element's
/// Chinese text, while that child holds at least 85% of it and has no sibling of its
/// kind (same element and class) with text too.
fn main_block(root: NodeRef<Node>) -> NodeRef<Node> {
    let mut counts = std::collections::HashMap::new();
    han_count(root, 0, &mut counts);
    let count = |n: NodeRef<Node>| counts.get(&n.id()).copied().unwrap_or(0);
    let Some(body) = root.descendants().find(|n| name_of(*n) == Some("body")) else {
        return root;
    };
    let mut current = body;
    for _ in 0..MAX_DEPTH {
        let total = count(current);
        let Some(best) = current
            .children()
            .filter(|c| c.value().is_element())
            .max_by_key(|c| count(*c))
        else {
            break;
        };
        if total == 0 || count(best) * 100 < total * 85 {
            break;
        }
        // Pages of one document side by side (`<main class="page">` …): all of them.
        let key = |n: NodeRef<Node>| {
            n.value()
                .as_element()
                .map(|e| (e.name().to_string(), e.attr("class").map(str::to_string)))
        };
        if current
            .children()
            .any(|c| c.id() != best.id() && key(c) == key(best) && count(c) > 0)
        {
            break;
        }
        current = best;
    }
    current
}

/// The last heading (h1–h3, or an element whose class names a title) before `main` in
/// document order, outside skipped elements.
fn title_before(root: NodeRef<Node>, main: NodeRef<Node>) -> Option<String> {
    let mut found = None;
    let mut looked = 0;
    for node in root.descendants() {
        if node.id() == main.id() || looked > MAX_TITLES {
            break;
        }
        let Some(e) = node.value().as_element() else {
            continue;
        };
        let titled = matches!(e.name(), "h1" | "h2" | "h3")
            || e.attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("title"));
        if !titled || node.ancestors().any(|a| name_of(a).is_some_and(skipped)) {
            continue;
        }
        looked += 1;
        let text: String = node
            .descendants()
            .take(200)
            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
            .collect::<String>();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().any(huibao_core::chars::is_han) && text.chars().count() <= 80 {
            found = Some(text);
        }
    }
    found
}

/// The lines being built.
#[derive(Default)]
struct Lines {
    blocks: Vec<Block>,
    line: String,
    /// White space seen since the last character (collapsed to one space, or none
    /// between Chinese characters).
    space: bool,
    /// Inside `<pre>`: white space as written, line feeds ending lines.
    pre: usize,
    /// The lists the walk is in, innermost last: `Some(counter, format)` for an `<ol>`.
    lists: Vec<Option<(u32, char)>>,
    /// A list item's number, put before the item's first character.
    number: Option<String>,
    /// The length of the number put at the start of the current line, if one was.
    numbered: Option<usize>,
    /// The outline level of the last numbered line outside lists (一、 is 1), where a
    /// list without a number style continues the outline.
    last_level: usize,
    /// The level the outermost list continues from.
    list_base: usize,
    /// List numbers written out.
    numbers: usize,
}

impl Lines {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if self.pre > 0 {
                match c {
                    '\n' => self.newline(),
                    '\r' => {}
                    c => self.line.push(c),
                }
                continue;
            }
            if c.is_ascii_whitespace() {
                self.space = true;
                continue;
            }
            if let Some(n) = self.number.take() {
                if self.line.is_empty() {
                    self.line.push_str(&n);
                    self.numbered = Some(n.len());
                    self.numbers += 1;
                }
            }
            if self.space && !self.line.is_empty() {
                let wide = |c: char| !c.is_ascii();
                let last = self.line.chars().last().unwrap_or(' ');
                if !(wide(last) && wide(c)) {
                    self.line.push(' ');
                }
            }
            self.space = false;
            self.line.push(c);
        }
    }

    fn newline(&mut self) {
        let mut line = std::mem::take(&mut self.line);
        self.space = false;
        // A list item whose text has its number typed already keeps only that one.
        if let Some(n) = self.numbered.take() {
            let rest = line[n..].trim_start();
            if crate::marker::parse(rest).is_some()
                || crate::marker::before_period(rest).is_some()
                || crate::marker::part(rest).is_some()
            {
                line = line[n..].trim_start().to_string();
                self.numbers -= 1;
            }
        }
        if self.lists.is_empty() {
            if let Some(level) =
                crate::marker::parse(line.trim_start()).and_then(|m| m.kind.level())
            {
                self.last_level = usize::from(level);
            }
        }
        if !line.trim().is_empty() {
            self.blocks.push(Block::para(line.trim_end()));
        }
    }

    fn walk(&mut self, node: NodeRef<Node>, depth: usize) {
        match node.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let name = e.name();
                if skipped(name) && !own_header(node) {
                    return;
                }
                if name == "br" {
                    self.newline();
                    return;
                }
                if name == "table" && depth < MAX_DEPTH {
                    if let Some(rows) = data_table(node) {
                        self.newline();
                        self.blocks.push(Block::Table(rows));
                        return;
                    }
                }
                let is_block = block(name) || matches!(name, "td" | "th");
                if is_block {
                    self.newline();
                }
                match name {
                    "ol" => {
                        let start = e.attr("start").and_then(|v| v.trim().parse::<u32>().ok());
                        if self.lists.is_empty() {
                            self.list_base = self.last_level;
                        }
                        let level = self.list_base + self.lists.iter().flatten().count() + 1;
                        let format = ol_format(e, level);
                        self.lists
                            .push(Some((start.unwrap_or(1).saturating_sub(1), format)));
                    }
                    "ul" | "menu" => self.lists.push(None),
                    "li" => {
                        let value = e.attr("value").and_then(|v| v.trim().parse().ok());
                        let mut number = None;
                        if let Some(Some((counter, format))) = self.lists.last_mut() {
                            *counter = value.unwrap_or(*counter + 1);
                            number = Some(list_number(*counter, *format));
                        }
                        if number.is_some() {
                            self.newline();
                            self.number = number;
                        }
                    }
                    _ => {}
                }
                let pre = matches!(name, "pre" | "textarea" | "listing" | "plaintext");
                self.pre += usize::from(pre);
                if depth < MAX_DEPTH {
                    for c in node.children() {
                        self.walk(c, depth + 1);
                    }
                }
                self.pre -= usize::from(pre);
                if matches!(name, "ol" | "ul" | "menu") {
                    self.lists.pop();
                }
                if name == "li" {
                    self.number = None;
                }
                if is_block {
                    self.newline();
                }
            }
            _ => {
                if depth < MAX_DEPTH {
                    for c in node.children() {
                        self.walk(c, depth + 1);
                    }
                }
            }
        }
    }
}

/// The number format of an `<ol>`: its `type`, or its `list-style-type`, else by its
/// outline level as reports number their outline: 一、（一）1.（1）(`c` for 一、, `p`
/// for （一）, `n` for （1）). The level is the list's depth below the last numbered
/// heading before it.
fn ol_format(e: &scraper::node::Element, depth: usize) -> char {
    if let Some(t) = e.attr("type").and_then(|t| t.trim().chars().next()) {
        if "1aAiI".contains(t) {
            return t;
        }
    }
    let style = e.attr("style").unwrap_or_default().to_ascii_lowercase();
    if style.contains("cjk-ideographic") || style.contains("chinese") {
        return 'c';
    }
    if style.contains("decimal") {
        return '1';
    }
    match depth {
        1 => 'c',
        2 => 'p',
        3 => '1',
        _ => 'n',
    }
}

/// An `<ol>` item's number as written before its text.
fn list_number(n: u32, format: char) -> String {
    let chinese = || crate::docx::format_number(n, "chineseCounting");
    match format {
        'c' => format!("{}、", chinese()),
        'p' => format!("（{}）", chinese()),
        'n' => format!("（{n}）"),
        'a' => format!("{}.", crate::docx::format_number(n, "lowerLetter")),
        'A' => format!("{}.", crate::docx::format_number(n, "upperLetter")),
        'i' => format!("{}.", crate::docx::format_number(n, "lowerRoman")),
        'I' => format!("{}.", crate::docx::format_number(n, "upperRoman")),
        _ => format!("{n}."),
    }
}

/// A table of data (no table inside it, no cell over 200 characters, two rows or more)
/// as rows of cell texts; `None` for a table that lays out a page.
fn data_table(table: NodeRef<Node>) -> Option<Vec<Vec<String>>> {
    // A data table is small; a large one lays out the page (and is walked as blocks).
    if table.descendants().nth(MAX_TABLE_NODES).is_some() {
        return None;
    }
    let mut rows = Vec::new();
    for tr in table.descendants().filter(|n| name_of(*n) == Some("tr")) {
        let mut row = Vec::new();
        for cell in tr
            .children()
            .filter(|c| matches!(name_of(*c), Some("td" | "th")))
        {
            if cell
                .descendants()
                .skip(1)
                .any(|d| name_of(d) == Some("table"))
            {
                return None;
            }
            let mut lines = Lines::default();
            lines.walk(cell, 0);
            lines.newline();
            let text: String = lines
                .blocks
                .iter()
                .filter_map(Block::text)
                .collect::<Vec<_>>()
                .join("");
            if text.chars().count() > 200 {
                return None;
            }
            row.push(text);
        }
        if row.iter().any(|c| !c.is_empty()) {
            rows.push(row);
        }
    }
    (rows.len() >= 2).then_some(rows)
}

/// The first text/html part of a web archive, decoded from its transfer encoding, with
/// the charset its headers name.
fn mhtml_page(bytes: &[u8]) -> Option<(Vec<u8>, Option<String>)> {
    // One char per byte (Latin-1), so a part's bytes come back exactly.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let (headers, _) = split_headers(&text)?;
    let content_type = header(&headers, "content-type")?;
    let boundary = parameter(&content_type, "boundary")?;
    let delimiter = format!("--{boundary}");
    for part in text.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let Some((headers, body)) = split_headers(part.trim_start_matches(['\r', '\n'])) else {
            continue;
        };
        let kind = header(&headers, "content-type").unwrap_or_default();
        if !kind.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let charset = parameter(&kind, "charset");
        let encoding = header(&headers, "content-transfer-encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let raw: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
        let body = match encoding.trim() {
            "quoted-printable" => quoted_printable(&raw),
            "base64" => base64(&raw),
            _ => raw,
        };
        return Some((body, charset));
    }
    None
}

/// Headers (unfolded) and the body after the blank line.
fn split_headers(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let end = text
        .find("\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| text.find("\n\n").map(|i| (i, 2)))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in text[..end.0].lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Some((headers, &text[end.0 + end.1..]))
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// A parameter of a header value: `boundary="----=_NextPart"`.
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn quoted_printable(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < b.len() {
        if b[i] == b'=' {
            match (b.get(i + 1), b.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                    out.push(hex(h).unwrap_or(0) << 4 | hex(l).unwrap_or(0));
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn base64(b: &[u8]) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(b.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for &c in b {
        let Some(v) = value(c) else { continue };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_encodings() {
        assert_eq!(
            quoted_printable(b"=E5=9B=AD=\r\n=E5=8C=BA a=3Db"),
            "园区 a=b".as_bytes()
        );
        assert_eq!(base64(b"5Zut5Yy6\r\n"), "园区".as_bytes());
    }
}
