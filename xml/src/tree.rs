//! The element tree: build it, query it, write it.

use crate::escape::Escaped;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// An element with its attributes and children.
///
/// Names are qualified names as written (`w:pPr`); they are written back as given, so code
/// that builds elements names them correctly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Qualified name as written, e.g. `w:pPr`.
    pub name: String,
    /// Attributes in order, as (qualified name, escaped value).
    pub attrs: Vec<(String, Escaped)>,
    /// Child nodes in order.
    pub children: Vec<Node>,
}

/// A child node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Character data.
    Text(Escaped),
}

/// The local part of a qualified name: `w:p` → `p`, `Types` → `Types`.
pub fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

impl Element {
    /// An element without attributes or children.
    pub fn new(name: impl Into<String>) -> Element {
        Element {
            name: name.into(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// The local part of the name: `p` for `w:p`.
    pub fn local_name(&self) -> &str {
        local_name(&self.name)
    }

    /// Adds an attribute (replacing one of the same name); `value` is escaped.
    pub fn attr(mut self, name: &str, value: impl AsRef<str>) -> Element {
        self.set_attr(name, value.as_ref());
        self
    }

    /// Sets (or replaces) an attribute; `value` is escaped.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        let value = Escaped::new(value);
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name.to_string(), value)),
        }
    }

    /// The plain value of the attribute with this qualified name.
    pub fn get_attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.unescape_attribute())
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds child elements, in order.
    pub fn children(mut self, children: impl IntoIterator<Item = Element>) -> Element {
        self.children
            .extend(children.into_iter().map(Node::Element));
        self
    }

    /// Adds a child element when `child` is `Some`.
    pub fn opt_child(self, child: Option<Element>) -> Element {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Adds text; `text` is escaped.
    pub fn text(mut self, text: &str) -> Element {
        self.children.push(Node::Text(Escaped::new(text)));
        self
    }

    /// Child elements in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Mutable child elements in order.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this qualified name.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant element with this qualified name, in document order.
    pub fn descendants<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.collect(name, out);
        }
    }

    /// The plain text of this element's own text children, concatenated.
    pub fn own_text(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.unescape()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// Writes the element and its subtree to `out`; an element without children is
    /// written as an empty-element tag (`<w:br/>`).
    pub fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(v.as_str());
            out.push('"');
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for child in &self.children {
            match child {
                Node::Element(e) => e.write(out),
                Node::Text(t) => out.push_str(t.as_str()),
            }
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }

    /// The element as a complete part: [`DECLARATION`] and the tree, in UTF-8.
    pub fn to_part(&self) -> Vec<u8> {
        let mut out = String::from(DECLARATION);
        self.write(&mut out);
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_escapes_and_writes_empty_elements_short() {
        let el = Element::new("w:t")
            .attr("k", "\"<&>")
            .text("招商<引资>")
            .child(Element::new("w:br"));
        let mut out = String::new();
        el.write(&mut out);
        assert_eq!(
            out,
            r#"<w:t k="&quot;&lt;&amp;&gt;">招商&lt;引资&gt;<w:br/></w:t>"#
        );
        assert_eq!(el.get_attr("k").as_deref(), Some("\"<&>"));
        assert_eq!(el.own_text(), "招商<引资>");
    }

    #[test]
    fn attributes_are_replaced_not_repeated() {
        let mut el = Element::new("w:style").attr("w:type", "paragraph");
        el.set_attr("w:type", "character");
        el.set_attr("w:default", "1");
        assert_eq!(el.attrs.len(), 2);
        assert_eq!(el.get_attr("w:type").as_deref(), Some("character"));
    }

    #[test]
    fn queries_by_name() {
        let root = Element::new("w:body")
            .child(Element::new("w:p").child(Element::new("w:r")))
            .child(Element::new("w:tbl").child(Element::new("w:p")));
        assert_eq!(root.descendants("w:p").len(), 2);
        assert_eq!(root.find("w:tbl").map(Element::local_name), Some("tbl"));
        assert!(root.find("w:r").is_none());
        assert_eq!(local_name("a:b:c"), "c");
        let part = String::from_utf8(Element::new("Types").to_part()).unwrap();
        assert_eq!(part, format!("{DECLARATION}<Types/>"));
    }
}
