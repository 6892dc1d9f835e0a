//! What the two import corpora share (tests/import/corpus, invented reports, and
//! tests/import/real, published ones): the `NAME.expect` files and their one parser, an
//! imported report's outline in the same form, the source's text and its lines without
//! the outline numbers huibao regenerates. The format is described in
//! tests/import/corpus/README.md, its extensions in tests/import/real/README.md.

use std::path::Path;

use huibao_core::model::{Item, PartSpec, Report};
use huibao_core::style::NumberingMode;

/// One part of an outline: its role, its title and the headings below it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartOutline {
    /// "achievements", "problems" or "plan".
    pub(crate) role: String,
    /// The part's heading without its number; empty when the part has none.
    pub(crate) title: String,
    /// (level, heading) below the part; the part itself is level 1.
    pub(crate) headings: Vec<(usize, String)>,
}

/// What a `NAME.expect` file says.
#[derive(Debug, Default)]
pub(crate) struct Expect {
    /// "2022", "2022-H1", "2022-Q3", "2022-01..2022-09"; the year is "XXXX" when the text
    /// does not write it (then the importer must leave the year marked as a guess).
    pub(crate) period: String,
    pub(crate) organization: String,
    pub(crate) date: Option<String>,
    pub(crate) recipient: Option<String>,
    pub(crate) title: Option<String>,
    /// `# source: URL` (published texts).
    pub(crate) source: Option<String>,
    pub(crate) parts: Vec<PartOutline>,
}

impl Expect {
    /// Whether the expected period leaves the year open ("XXXX-H1").
    pub(crate) fn year_unknown(&self) -> bool {
        self.period.starts_with("XXXX")
    }

    /// Every expected heading in order as (role, level, text), each part's own title
    /// (when it has one) at level 1.
    pub(crate) fn headings(&self) -> Vec<(String, usize, String)> {
        flatten(&self.parts)
    }
}

/// The headings of `parts` in order as (role, level, text), a titled part at level 1.
pub(crate) fn flatten(parts: &[PartOutline]) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    for p in parts {
        if !p.title.is_empty() {
            out.push((p.role.clone(), 1, p.title.clone()));
        }
        for (level, text) in &p.headings {
            out.push((p.role.clone(), *level, text.clone()));
        }
    }
    out
}

fn none_or(v: &str) -> Option<String> {
    (v != "none").then(|| v.to_string())
}

/// Reads a `NAME.expect` file; panics with file:line on a line it cannot read.
pub(crate) fn read_expect(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut e = Expect::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let at = || format!("{}:{}", path.display(), n + 1);
        if let Some(url) = line.strip_prefix("# source:") {
            e.source = Some(url.trim().to_string());
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (role, title) = rest
                .split_once(']')
                .unwrap_or_else(|| panic!("{}: unclosed [", at()));
            e.parts.push(PartOutline {
                role: role.to_string(),
                title: title.trim().to_string(),
                headings: Vec::new(),
            });
        } else if let Some((key, value)) = line.split_once(" = ") {
            let value = value.trim();
            match key.trim() {
                "period" => e.period = value.into(),
                "organization" => e.organization = value.into(),
                "date" => e.date = none_or(value),
                "recipient" => e.recipient = none_or(value),
                "title" => e.title = none_or(value),
                k => panic!("{}: unknown key {k}", at()),
            }
        } else if let Some((level, heading)) = line.split_once(' ') {
            let level: usize = level
                .parse()
                .unwrap_or_else(|_| panic!("{}: not a level: {line}", at()));
            e.parts
                .last_mut()
                .unwrap_or_else(|| panic!("{}: a heading before any part", at()))
                .headings
                .push((level, heading.trim().to_string()));
        } else {
            panic!("{}: cannot read {line:?}", at());
        }
    }
    e
}

/// The parts of an imported report as the corpora list them: a part is present when it
/// has a title, text or items; run-in items (一是/二是) are not headings and are not listed.
pub(crate) fn report_outline(report: &Report) -> Vec<PartOutline> {
    fn walk(items: &[Item], level: usize, run_in: bool, out: &mut Vec<(usize, String)>) {
        if run_in {
            return;
        }
        for i in items {
            if let Some(t) = &i.title {
                out.push((level, t.get_ref().trim().to_string()));
            }
            let run_in = i.numbering == Some(NumberingMode::RunIn);
            walk(&i.items, level + 1, run_in, out);
        }
    }
    let mut out = Vec::new();
    for (role, spec, items) in [
        (
            "achievements",
            &report.parts.achievements,
            &report.achievements,
        ),
        ("problems", &report.parts.problems, &report.problems),
        ("plan", &report.parts.plan, &report.plan),
    ] {
        let spec: &PartSpec = spec;
        if spec.title.is_none() && spec.text.is_none() && items.is_empty() {
            continue;
        }
        let mut headings = Vec::new();
        let run_in = spec.numbering == Some(NumberingMode::RunIn);
        walk(items, 2, run_in, &mut headings);
        out.push(PartOutline {
            role: role.into(),
            title: spec.title.clone().unwrap_or_default(),
            headings,
        });
    }
    out
}

/// The source's text, one paragraph a line: a text file decoded (UTF-8, else GBK), or the
/// `w:t` text of each `w:p` of a Word file (read here, not by the importer; Word's list
/// numbers are not text).
pub(crate) fn source_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "docx") {
        let mut zip =
            huibao_xml::PackageReader::new(&bytes, huibao_xml::PackageLimits::default()).unwrap();
        let xml = zip
            .read("word/document.xml")
            .unwrap()
            .expect("document.xml");
        let root = huibao_xml::parse(&xml).unwrap();
        let mut out = String::new();
        for p in root.descendants("w:p") {
            for t in p.descendants("w:t") {
                out.push_str(&t.own_text());
            }
            out.push('\n');
        }
        out
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => encoding_rs::GBK.decode(e.as_bytes()).0.into_owned(),
        }
    }
}

/// A source line without the outline number it opens with ("第一部分", "一、", "（一）"),
/// which huibao regenerates by level; run-in 一是 stays.
pub(crate) fn without_number(line: &str) -> &str {
    let t = line.trim();
    if let Some(rest) = t
        .strip_prefix('第')
        .and_then(|r| Some(&r[r.find("部分")? + "部分".len()..]))
    {
        return rest;
    }
    match huibao_core::marker::parse(t) {
        Some(m) if m.kind != huibao_core::marker::Kind::RunIn => &t[m.len..],
        _ => t,
    }
}
