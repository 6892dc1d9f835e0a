//! Escaping text and attribute values, and reading them back.
//!
//! Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return;
//! U+FFFE and U+FFFF) cannot be written in any form, not even as character references, so
//! they are **removed**: by [`escape`] when text is written, and by the parser when a part
//! is read (raw or as `&#8;`). Nothing else is changed.

use std::fmt;

/// Whether XML 1.0 forbids `c` in a document (its `Char` production leaves it out).
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes text or an attribute value: `& < > " '` become entity references and
/// characters XML forbids are removed.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text or an attribute value in escaped form, ready to write: every `&` opens a
/// predefined entity or a character reference, and no `<` or forbidden character is in it.
///
/// Made by escaping plain text ([`Escaped::new`]) or by the parser, which keeps what a part
/// wrote (so `&#xA;` stays `&#xA;`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Escaped(String);

impl Escaped {
    /// Escapes plain text.
    pub fn new(plain: &str) -> Escaped {
        Escaped(escape(plain))
    }

    /// Checks raw text as a part wrote it and keeps it in that form; forbidden characters
    /// (raw or referenced) are dropped and a stray `<` or `>` is escaped.
    pub(crate) fn from_raw(raw: &str) -> Result<Escaped, String> {
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(at) = rest.find(['&', '<', '>']) {
            push_allowed(&mut out, &rest[..at]);
            let tail = &rest[at..];
            if let Some(after) = tail.strip_prefix('<') {
                out.push_str("&lt;");
                rest = after;
                continue;
            }
            if let Some(after) = tail.strip_prefix('>') {
                out.push('>');
                rest = after;
                continue;
            }
            let end = tail
                .find(';')
                .filter(|&e| e <= 12)
                .ok_or_else(|| format!("`&` that starts no reference: {}", excerpt(tail)))?;
            let reference = &tail[..=end];
            match resolve(&reference[1..end]) {
                Some(c) if is_forbidden(c) => {}
                Some(_) => out.push_str(reference),
                None => return Err(format!("unknown entity {reference}")),
            }
            rest = &tail[end + 1..];
        }
        push_allowed(&mut out, rest);
        Ok(Escaped(out))
    }

    /// Appends more escaped text.
    pub(crate) fn push(&mut self, more: &Escaped) {
        self.0.push_str(&more.0);
    }

    /// The escaped form, as written in the part.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The plain text, as text content: references resolved, line ends normalised to `\n`.
    pub fn unescape(&self) -> String {
        unescape(&self.0, false)
    }

    /// The plain text, as an attribute value: like [`Escaped::unescape`], and raw tabs and
    /// line ends read as spaces (XML's attribute-value normalisation).
    pub fn unescape_attribute(&self) -> String {
        unescape(&self.0, true)
    }
}

impl fmt::Display for Escaped {
    /// Writes the escaped form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn push_allowed(out: &mut String, s: &str) {
    out.extend(s.chars().filter(|&c| !is_forbidden(c)));
}

fn excerpt(s: &str) -> String {
    s.chars().take(12).collect()
}

/// The character a reference (without `&` and `;`) stands for.
fn resolve(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// Resolves an [`Escaped`] string (whose references are known to be valid).
fn unescape(raw: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                out.push(if attribute { ' ' } else { '\n' });
            }
            '\n' | '\t' if attribute => out.push(' '),
            '&' => {
                let end = raw[i..].find(';').map_or(raw.len(), |e| i + e);
                if let Some(c) = resolve(&raw[i + 1..end]) {
                    out.push(c);
                }
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape(r#"招商 & "引资" <1> '2'"#),
            "招商 &amp; &quot;引资&quot; &lt;1&gt; &apos;2&apos;"
        );
        assert_eq!(escape("仿宋_GB2312"), "仿宋_GB2312");
    }

    #[test]
    fn forbidden_characters_are_removed_when_writing() {
        assert_eq!(escape("营业\u{8}收入\u{0}\u{1F}\u{FFFF}"), "营业收入");
        // Tab, line feed and carriage return are allowed and kept.
        assert_eq!(escape("a\tb\nc\rd"), "a\tb\nc\rd");
        assert!(is_forbidden('\u{8}') && is_forbidden('\u{FFFE}') && is_forbidden('\u{B}'));
        assert!(!is_forbidden('\t') && !is_forbidden('中') && !is_forbidden('\u{7F}'));
    }

    #[test]
    fn raw_text_keeps_its_form_and_loses_forbidden_characters() {
        let raw = Escaped::from_raw("a&#xA;b &amp; &#8;c\u{8}d &#x4E2D;").unwrap();
        assert_eq!(raw.as_str(), "a&#xA;b &amp; cd &#x4E2D;");
        assert_eq!(raw.unescape(), "a\nb & cd 中");
        assert!(Escaped::from_raw("a &nbsp; b").is_err());
        assert!(Escaped::from_raw("a & b").is_err());
        assert!(Escaped::from_raw("&#xFFFFFFFF;").is_err());
    }

    #[test]
    fn reading_back_normalises_line_ends_and_attribute_whitespace() {
        let raw = Escaped::from_raw("第一行\r\n第二行\r第三行\t&#9;").unwrap();
        assert_eq!(raw.unescape(), "第一行\n第二行\n第三行\t\t");
        assert_eq!(raw.unescape_attribute(), "第一行 第二行 第三行 \t");
        assert_eq!(Escaped::new("a<&>b").unescape(), "a<&>b");
    }
}
