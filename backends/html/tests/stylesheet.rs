//! Strings of the style reach the page's `<style>` as CSS strings: whatever a font family
//! holds (a line break, `/*`, `</style>`, quotes, backslashes), the stylesheet stays whole
//! and the family reads back exactly.

use huibao_core::style::FontRole;
use huibao_core::Style;

mod common;

fn page(adjust: impl FnOnce(&mut Style)) -> String {
    common::page_with(common::SHORT_REPORT, adjust).0
}

/// A CSS token stream as far as this test needs it: strings (decoded) and what is
/// outside them. Fails on what a browser would read differently from what was meant: a
/// string broken by a line end, a comment, or a string left open.
fn tokens(css: &str) -> Result<(Vec<String>, String), String> {
    let mut strings = Vec::new();
    let mut outside = String::new();
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                let quote = c;
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err(format!("string left open: {s:?}")),
                        Some(c) if c == quote => break,
                        Some('\n' | '\r' | '\u{C}') => {
                            return Err(format!("line end in a string: {s:?}"))
                        }
                        Some('\\') => {
                            let mut hex = String::new();
                            while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit)
                            {
                                hex.push(chars.next().unwrap());
                            }
                            if hex.is_empty() {
                                match chars.next() {
                                    Some('\n') => {}
                                    Some(c) => s.push(c),
                                    None => return Err("escape at the end".into()),
                                }
                            } else {
                                let code = u32::from_str_radix(&hex, 16).unwrap();
                                s.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                                if chars.peek() == Some(&' ') {
                                    chars.next();
                                }
                            }
                        }
                        Some(c) => s.push(c),
                    }
                }
                strings.push(s);
                outside.push_str("\"\"");
            }
            '/' if chars.peek() == Some(&'*') => return Err("a comment".into()),
            c => outside.push(c),
        }
    }
    Ok((strings, outside))
}

/// The text of the page's one `<style>` element.
fn stylesheet(html: &str) -> &str {
    let start = html.find("<style>").expect("a <style>") + "<style>".len();
    let end = html[start..].find("</style").expect("a </style>") + start;
    &html[start..end]
}

const HOSTILE: [&str; 7] = [
    "仿宋\n/*",
    "黑体</style><script>alert(1)</script>",
    "楷体\"; color: red; font-family: \"x",
    "宋体\\",
    "Times New Roman'",
    "小标宋*/ } body { display: none } /*",
    "仿宋_GB2312\r\u{C}\u{8}<!--",
];

#[test]
fn font_families_are_css_strings_whatever_they_hold() {
    let html = page(|s| {
        for (role, family) in FontRole::ALL.into_iter().zip(HOSTILE.iter().cycle()) {
            let mut spec = s.font(role).clone();
            spec.families = vec![family.to_string(), "仿宋".into()];
            s.fonts.insert(role, spec);
        }
    });
    let css = stylesheet(&html);
    // The whole stylesheet is there: its last rule comes before the one `</style>`.
    assert!(css.contains("@page :left"), "the stylesheet was cut short");
    assert_eq!(html.matches("</style").count(), 1);
    assert!(!html.contains("<script"));
    let (strings, outside) = tokens(css).unwrap_or_else(|e| panic!("{e}\n{css}"));
    // Every family reads back exactly as written (no character lost or added).
    for family in HOSTILE {
        assert!(
            strings.iter().any(|s| s == family),
            "{family:?} not among {strings:?}"
        );
    }
    // Outside the strings, only the template's own CSS: no injected declaration.
    assert!(!outside.contains("display: none"), "{outside}");
    assert!(!outside.contains("color: red"), "{outside}");
}

#[test]
fn a_colour_that_is_not_one_does_not_reach_the_stylesheet() {
    let html = page(|s| s.red = "red; } body { display: none } :root {".into());
    let css = stylesheet(&html);
    let (_, outside) = tokens(css).unwrap_or_else(|e| panic!("{e}"));
    assert!(!outside.contains("display: none"), "{outside}");
    assert!(
        css.contains("--red: #C8102E;"),
        "falls back to the preset's red"
    );
    // A well-formed colour is kept.
    let html = page(|s| s.red = "#B22222".into());
    assert!(stylesheet(&html).contains("--red: #B22222;"));
}

#[test]
fn plain_families_are_written_as_they_are() {
    let html = page(|_| {});
    assert!(
        stylesheet(&html).contains("--font-body: \"仿宋_GB2312\", \"仿宋\""),
        "{}",
        stylesheet(&html)
    );
}
