//! What the import tests share (`import_roundtrip`, `import_samples`): a report's
//! outline as lines, the visible text of an HTML page, and how much of one text another
//! keeps in order.

use huibao_core::model::Item;
use huibao_core::Loaded;

/// The outline of a loaded report as "level title" lines, depth first: a part's items at
/// level 2, theirs at 3 and so on, titles trimmed.
///
/// With `part_headings` (the form of `tests/import/*.outline`), each part that has items
/// opens with "1 <its `[parts.*]` title>" and items without a title are left out; without
/// it, an untitled item is a line with an empty title, so two reports compare item by item.
pub(crate) fn outline(loaded: &Loaded, part_headings: bool) -> Vec<String> {
    fn walk(items: &[Item], level: usize, part_headings: bool, out: &mut Vec<String>) {
        for item in items {
            let title = item.title.as_ref().map(|t| t.get_ref().trim());
            if title.is_some() || !part_headings {
                out.push(format!("{level} {}", title.unwrap_or_default()));
            }
            walk(&item.items, level + 1, part_headings, out);
        }
    }
    let r = &loaded.report;
    let mut out = Vec::new();
    for (spec, list) in [
        (&r.parts.achievements, &r.achievements),
        (&r.parts.problems, &r.problems),
        (&r.parts.plan, &r.plan),
    ] {
        if part_headings && !list.is_empty() {
            out.push(format!("1 {}", spec.title.clone().unwrap_or_default()));
        }
        walk(list, 2, part_headings, &mut out);
    }
    out
}

/// The visible text of an HTML page's body: tags, styles and scripts left out.
pub(crate) fn body_text(html: &str) -> String {
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

/// The Chinese characters of `s`, in order (punctuation, digits and Latin left out).
pub(crate) fn han(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| huibao_core::chars::is_han(c))
        .collect()
}

/// Length of the longest common subsequence of `a` and `b`.
pub(crate) fn lcs(a: &[char], b: &[char]) -> usize {
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
