//! Parsing a part into an [`Element`] tree, with limits on size, depth and node count.
//!
//! The parser keeps its open elements on a heap stack (no recursion on the input's depth),
//! and refuses input past the limits before the tree grows deep enough to be a danger to
//! the code that walks it.

use crate::error::Error;
use crate::escape::{escape, Escaped};
use crate::tree::{Element, Node};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Bounds on what [`parse_with`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest input, in bytes.
    pub max_bytes: u64,
    /// Deepest nesting of elements (the root is depth 1).
    pub max_depth: usize,
    /// Most elements and text nodes in the tree.
    pub max_nodes: usize,
}

impl Default for Limits {
    /// Room for any real document part: 64 MiB, 256 levels, 4 million nodes.
    fn default() -> Limits {
        Limits {
            max_bytes: 64 << 20,
            max_depth: 256,
            max_nodes: 4_000_000,
        }
    }
}

/// Parses a UTF-8 part into its root element, with the default [`Limits`].
pub fn parse(bytes: &[u8]) -> Result<Element, Error> {
    parse_with(bytes, &Limits::default())
}

/// Parses a UTF-8 part into its root element.
///
/// The declaration, comments, processing instructions and the document type are dropped;
/// CDATA sections become escaped text. Text and attribute values keep their escaped form
/// (see [`Escaped`]); characters XML forbids are removed from them. Entities other than the
/// five predefined ones are refused (this parser reads no DTD).
pub fn parse_with(bytes: &[u8], limits: &Limits) -> Result<Element, Error> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(Error::XmlTooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Malformed {
        position: e.valid_up_to() as u64,
        why: "not UTF-8".into(),
    })?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut tree = Builder {
        stack: Vec::new(),
        root: None,
        nodes: 0,
        limits,
    };
    loop {
        let position = reader.buffer_position();
        let malformed = |why: String| Error::Malformed { position, why };
        let event = reader.read_event().map_err(|e| malformed(e.to_string()))?;
        match event {
            Event::Start(s) => {
                let el = element(&s).map_err(malformed)?;
                tree.open(el).map_err(|e| e.at(position))?;
            }
            Event::Empty(s) => {
                let el = element(&s).map_err(malformed)?;
                tree.open(el).map_err(|e| e.at(position))?;
                tree.close().map_err(|e| e.at(position))?;
            }
            Event::End(_) => tree.close().map_err(|e| e.at(position))?,
            Event::Text(t) => {
                let raw = utf8(&t).map_err(malformed)?;
                tree.text(raw).map_err(|e| e.at(position))?;
            }
            Event::GeneralRef(r) => {
                let name = utf8(&r).map_err(malformed)?;
                tree.text(&format!("&{name};"))
                    .map_err(|e| e.at(position))?;
            }
            Event::CData(c) => {
                let raw = utf8(&c).map_err(malformed)?;
                tree.text(&escape(raw)).map_err(|e| e.at(position))?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    let position = reader.buffer_position();
    if let Some(open) = tree.stack.last() {
        return Err(Error::Unclosed {
            position,
            element: open.name.clone(),
        });
    }
    tree.root.ok_or(Error::NoRoot)
}

/// A fault found while building, before its position is known.
enum Fault {
    Malformed(String),
    Limit(Error),
}

impl Fault {
    fn at(self, position: u64) -> Error {
        match self {
            Fault::Malformed(why) => Error::Malformed { position, why },
            Fault::Limit(e) => e,
        }
    }
}

/// The tree under construction: open elements on a stack.
struct Builder<'a> {
    stack: Vec<Element>,
    root: Option<Element>,
    nodes: usize,
    limits: &'a Limits,
}

impl Builder<'_> {
    fn count(&mut self) -> Result<(), Fault> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(Fault::Limit(Error::TooManyNodes {
                limit: self.limits.max_nodes,
            }));
        }
        Ok(())
    }

    fn open(&mut self, el: Element) -> Result<(), Fault> {
        if self.stack.is_empty() && self.root.is_some() {
            return Err(Fault::Malformed(format!(
                "a second root element <{}>",
                el.name
            )));
        }
        if self.stack.len() >= self.limits.max_depth {
            return Err(Fault::Limit(Error::TooDeep {
                limit: self.limits.max_depth,
            }));
        }
        self.count()?;
        self.stack.push(el);
        Ok(())
    }

    fn close(&mut self) -> Result<(), Fault> {
        let el = self
            .stack
            .pop()
            .ok_or_else(|| Fault::Malformed("an end tag without a start tag".into()))?;
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(el)),
            None => self.root = Some(el),
        }
        Ok(())
    }

    fn text(&mut self, raw: &str) -> Result<(), Fault> {
        let Some(parent) = self.stack.last_mut() else {
            return if raw.trim().is_empty() {
                Ok(())
            } else {
                Err(Fault::Malformed("text outside the root element".into()))
            };
        };
        let text = Escaped::from_raw(raw).map_err(Fault::Malformed)?;
        if text.as_str().is_empty() {
            return Ok(());
        }
        if let Some(Node::Text(t)) = parent.children.last_mut() {
            t.push(&text);
            return Ok(());
        }
        parent.children.push(Node::Text(text));
        self.count()
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| e.to_string())
}

fn element(s: &BytesStart) -> Result<Element, String> {
    let mut el = Element::new(utf8(s.name().as_ref())?);
    for a in s.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = utf8(a.key.as_ref())?;
        let value = Escaped::from_raw(utf8(&a.value)?)?;
        el.attrs.push((key.to_string(), value));
    }
    Ok(el)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(src: &str) -> String {
        let mut out = String::new();
        parse(src.as_bytes()).unwrap().write(&mut out);
        out
    }

    #[test]
    fn round_trip_keeps_text_and_attributes_as_written() {
        let src = r#"<?xml version="1.0"?><!-- 注释 --><w:p a="x &amp; y" b="&#xA;"><w:t xml:space="preserve"> a &lt;b&gt; 中&#x6587; </w:t><w:br/></w:p>"#;
        assert_eq!(
            round_trip(src),
            r#"<w:p a="x &amp; y" b="&#xA;"><w:t xml:space="preserve"> a &lt;b&gt; 中&#x6587; </w:t><w:br/></w:p>"#
        );
        let root = parse(src.as_bytes()).unwrap();
        assert_eq!(root.find("w:t").unwrap().own_text(), " a <b> 中文 ");
        assert_eq!(root.get_attr("a").as_deref(), Some("x & y"));
        assert_eq!(root.get_attr("b").as_deref(), Some("\n"));
    }

    #[test]
    fn cdata_becomes_text_and_a_bom_is_skipped() {
        let src = "\u{FEFF}<a><![CDATA[1 < 2 & 3]]></a>";
        let root = parse(src.as_bytes()).unwrap();
        assert_eq!(root.own_text(), "1 < 2 & 3");
        assert_eq!(round_trip(src), "<a>1 &lt; 2 &amp; 3</a>");
    }

    #[test]
    fn forbidden_characters_are_removed_when_reading() {
        let src = "<a k=\"v\u{8}\">营业\u{8}收入&#8;&#x1F;</a>";
        assert_eq!(round_trip(src), "<a k=\"v\">营业收入</a>");
    }

    #[test]
    fn malformed_parts_are_errors_not_panics() {
        for bad in [
            "",
            "<a>",
            "<a></b>",
            "</a>",
            "<a/><b/>",
            "<a/>text",
            "<a>&nbsp;</a>",
            "<a>x & y</a>",
            "<a k=\"&bogus;\"/>",
            "<a k='1' k='2'/>",
            "<a",
            "\u{FF}",
        ] {
            assert!(
                matches!(
                    parse(bad.as_bytes()),
                    Err(Error::Malformed { .. } | Error::Unclosed { .. } | Error::NoRoot)
                ),
                "{bad:?}: {:?}",
                parse(bad.as_bytes())
            );
        }
        assert!(parse(b"\xFF\xFE<\0a\0/\0>\0").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let depth = 300_000;
        let deep = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        assert_eq!(parse(deep.as_bytes()), Err(Error::TooDeep { limit: 256 }));
        // Unclosed nesting is refused the same way, long before the end.
        assert_eq!(
            parse("<a>".repeat(depth).as_bytes()),
            Err(Error::TooDeep { limit: 256 })
        );
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        assert!(parse_with(b"<a><b><c/></b></a>", &limits).is_ok());
        assert_eq!(
            parse_with(b"<a><b><c><d/></c></b></a>", &limits),
            Err(Error::TooDeep { limit: 3 })
        );
    }

    #[test]
    fn size_and_node_limits() {
        let limits = Limits {
            max_bytes: 16,
            max_depth: 8,
            max_nodes: 3,
        };
        assert_eq!(
            parse_with(b"<a>0123456789abcdef</a>", &limits),
            Err(Error::XmlTooLarge {
                size: 23,
                limit: 16
            })
        );
        let limits = Limits {
            max_bytes: 64,
            ..limits
        };
        assert!(parse_with(b"<a>x<b/></a>", &limits).is_ok());
        assert_eq!(
            parse_with(b"<a><b/><c/><d/></a>", &limits),
            Err(Error::TooManyNodes { limit: 3 })
        );
        assert!(Error::TooManyNodes { limit: 3 }.is_too_large());
    }
}
