//! Helpers shared by the import tests: the Chinese characters of a text, how many of them
//! come back in order (longest common subsequence), and the visible text of a rendered
//! HTML page.

// Each test crate uses some of these.
#![allow(dead_code)]

use huibao_pipeline::{Format, Prepared, Session};

/// The Han characters of `s`, in order.
pub fn han(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| huibao_core::chars::is_han(c))
        .collect()
}

/// Length of the longest common subsequence.
pub fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// The visible text of an HTML page's body.
pub fn body_text(html: &str) -> String {
    let body = html.find("<body").map(|i| &html[i..]).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    let mut skip_until: Option<&str> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if let Some(end) = skip_until {
            if rest.starts_with(end) {
                skip_until = None;
                i += end.len();
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
            continue;
        }
        if rest.starts_with("<style") {
            skip_until = Some("</style>");
            continue;
        }
        if rest.starts_with("<script") {
            skip_until = Some("</script>");
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// The prepared report rendered as one HTML page.
pub fn render_html(prepared: &Prepared) -> String {
    let rendered = Session::default()
        .render(prepared, &[Format::Html])
        .expect("renders");
    String::from_utf8(rendered.get(Format::Html).expect("HTML").to_vec()).expect("UTF-8")
}

/// The lines of `source` without the clutter lines, matched in order: each clutter line
/// (compared trimmed) removes the first source line equal to it after the line the one
/// before it removed. Returns the text kept and the clutter lines that were not found.
pub fn without_clutter(source: &str, clutter: &[String]) -> (String, Vec<String>) {
    let mut next = clutter.iter().peekable();
    let kept = source
        .lines()
        .filter(|l| match next.peek() {
            Some(c) if c.as_str() == l.trim() => {
                next.next();
                false
            }
            _ => true,
        })
        .collect::<Vec<_>>()
        .join("\n");
    (kept, next.cloned().collect())
}
