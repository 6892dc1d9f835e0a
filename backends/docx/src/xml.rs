//! A small XML tree: parse a part docx-rs wrote, rearrange it, write it back.
//!
//! Text and attribute values are kept in their escaped form, so a part that is
//! only rearranged comes back byte-for-byte in its text.

use crate::Error;
use quick_xml::events::Event;
use quick_xml::Reader;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// An element with its attributes and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct El {
    /// Qualified name as written, e.g. `w:pPr`.
    pub name: String,
    /// Attributes as (qualified name, escaped value).
    pub attrs: Vec<(String, String)>,
    /// Child nodes in order.
    pub children: Vec<Node>,
}

/// A child node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    El(El),
    /// Character data, escaped.
    Text(String),
}

impl El {
    /// An element without attributes or children.
    pub fn new(name: impl Into<String>) -> El {
        El {
            name: name.into(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute; `value` is escaped.
    pub fn attr(mut self, name: &str, value: impl AsRef<str>) -> El {
        self.set_attr(name, value.as_ref());
        self
    }

    /// Sets (or replaces) an attribute; `value` is escaped.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        let value = escape(value);
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name.to_string(), value)),
        }
    }

    /// The unescaped value of an attribute.
    pub fn get_attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| unescape(v))
    }

    /// Adds a child element.
    pub fn child(mut self, child: El) -> El {
        self.children.push(Node::El(child));
        self
    }

    /// Adds a child element when `child` is `Some`.
    pub fn opt_child(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Adds text; `text` is escaped.
    pub fn text(mut self, text: &str) -> El {
        self.children.push(Node::Text(escape(text)));
        self
    }

    /// `<name w:val="value"/>`, the shape of most WordprocessingML properties.
    pub fn val(name: &str, value: impl AsRef<str>) -> El {
        El::new(name).attr("w:val", value)
    }

    /// Child elements in order.
    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Mutable child elements in order.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut El> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn find(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant element called `name`, depth first.
    #[cfg(test)]
    pub fn descendants<'a>(&'a self, name: &'a str) -> Vec<&'a El> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    #[cfg(test)]
    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.collect(name, out);
        }
    }

    /// The concatenated, unescaped text of every `w:t` below this element.
    #[cfg(test)]
    pub fn text_content(&self) -> String {
        let mut s = String::new();
        for t in self.descendants("w:t") {
            for n in &t.children {
                if let Node::Text(raw) = n {
                    s.push_str(&unescape(raw));
                }
            }
        }
        s
    }

    /// Writes the element (and its subtree) to `out`.
    pub fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(v);
            out.push('"');
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for child in &self.children {
            match child {
                Node::El(e) => e.write(out),
                Node::Text(t) => out.push_str(t),
            }
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }

    /// The element as a complete part: declaration plus the tree, UTF-8.
    pub fn to_part(&self) -> Vec<u8> {
        let mut out = String::from(DECLARATION);
        self.write(&mut out);
        out.into_bytes()
    }
}

/// Parses a part into its root element. Comments, processing instructions and
/// the declaration are dropped; text is kept escaped.
pub fn parse(bytes: &[u8]) -> Result<El, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Xml(e.to_string()))?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<El> = vec![El::new("#document")];
    loop {
        let event = reader
            .read_event()
            .map_err(|e| Error::Xml(format!("at byte {}: {e}", reader.buffer_position())))?;
        match event {
            Event::Start(s) => stack.push(start_element(&s)?),
            Event::Empty(s) => {
                let el = start_element(&s)?;
                push_child(&mut stack, Node::El(el))?;
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .filter(|_| !stack.is_empty())
                    .ok_or_else(|| Error::Xml("unbalanced end tag".into()))?;
                push_child(&mut stack, Node::El(el))?;
            }
            Event::Text(t) => {
                let raw = std::str::from_utf8(&t).map_err(|e| Error::Xml(e.to_string()))?;
                push_text(&mut stack, raw)?;
            }
            Event::GeneralRef(r) => {
                let name = std::str::from_utf8(&r).map_err(|e| Error::Xml(e.to_string()))?;
                push_text(&mut stack, &format!("&{name};"))?;
            }
            Event::CData(c) => {
                let raw = std::str::from_utf8(&c).map_err(|e| Error::Xml(e.to_string()))?;
                push_text(&mut stack, &escape(raw))?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack
        .pop()
        .filter(|_| stack.is_empty())
        .ok_or_else(|| Error::Xml("unclosed element at end of part".into()))?;
    let root = document
        .children
        .drain(..)
        .find_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| Error::Xml("part has no root element".into()))?;
    Ok(root)
}

fn start_element(s: &quick_xml::events::BytesStart) -> Result<El, Error> {
    let name = std::str::from_utf8(s.name().as_ref())
        .map_err(|e| Error::Xml(e.to_string()))?
        .to_string();
    let mut el = El::new(name);
    for a in s.attributes() {
        let a = a.map_err(|e| Error::Xml(e.to_string()))?;
        let key = std::str::from_utf8(a.key.as_ref()).map_err(|e| Error::Xml(e.to_string()))?;
        let value = std::str::from_utf8(&a.value).map_err(|e| Error::Xml(e.to_string()))?;
        el.attrs.push((key.to_string(), value.to_string()));
    }
    Ok(el)
}

fn push_child(stack: &mut [El], node: Node) -> Result<(), Error> {
    stack
        .last_mut()
        .map(|parent| parent.children.push(node))
        .ok_or_else(|| Error::Xml("content outside the root element".into()))
}

fn push_text(stack: &mut [El], raw: &str) -> Result<(), Error> {
    let parent = stack
        .last_mut()
        .ok_or_else(|| Error::Xml("text outside the root element".into()))?;
    match parent.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(raw),
        _ => parent.children.push(Node::Text(raw.to_string())),
    }
    Ok(())
}

/// Escapes text or an attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape`] and character references (for reading values back).
pub fn unescape(s: &str) -> String {
    match quick_xml::escape::unescape(s) {
        Ok(u) => u.into_owned(),
        Err(_) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_text_and_attributes() {
        let src = r#"<?xml version="1.0"?><w:p a="x &amp; y"><w:t xml:space="preserve"> a &lt;b&gt; 中 </w:t><w:br/></w:p>"#;
        let root = parse(src.as_bytes()).unwrap();
        let mut out = String::new();
        root.write(&mut out);
        assert_eq!(
            out,
            r#"<w:p a="x &amp; y"><w:t xml:space="preserve"> a &lt;b&gt; 中 </w:t><w:br/></w:p>"#
        );
        assert_eq!(root.text_content(), " a <b> 中 ");
        assert_eq!(root.get_attr("a").as_deref(), Some("x & y"));
    }

    #[test]
    fn malformed_parts_are_errors_not_panics() {
        for bad in ["", "<a>", "<a></b>", "</a>", "<a/><b/>text"] {
            let _ = parse(bad.as_bytes());
        }
        assert!(parse(b"<a>").is_err());
        assert!(parse(b"").is_err());
    }

    #[test]
    fn builder_escapes() {
        let el = El::new("w:t").attr("k", "\"<&>").text("a<b");
        let mut out = String::new();
        el.write(&mut out);
        assert_eq!(out, r#"<w:t k="&quot;&lt;&amp;&gt;">a&lt;b</w:t>"#);
    }
}
