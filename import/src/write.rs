//! Writing the report TOML by hand: keys in the model's order, prose in multi-line
//! literal strings where that is safe, and comments for what is doubtful or unplaced.

use crate::draft::{ItemDraft, PartDraft, Role};
use crate::Draft;
use std::fmt::Write;

/// A TOML basic string: "…" with escapes.
pub fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Prose for a `text` key: paragraphs separated by blank lines, `{{` escaped so the
/// prose renderer prints it, in a '''…''' string when the text allows, else "…".
pub fn prose(paras: &[String]) -> String {
    let text = paras
        .iter()
        .map(|p| p.replace("{{", "\\{{"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let literal_ok = !text.contains("'''") && !text.chars().any(|c| c.is_control() && c != '\n');
    if literal_ok {
        format!("'''\n{text}\n'''")
    } else {
        basic(&text)
    }
}

/// Each line of `text` as a comment line.
fn comment(out: &mut String, text: &str) {
    for line in text.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
}

/// A number as TOML accepts it, and the decimals to print it as written ("5.00" → 2).
pub fn number(written: &str) -> Option<(String, Option<u8>)> {
    let v: f64 = written.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    let decimals = written
        .split_once('.')
        .map(|(_, d)| d.len() as u8)
        .filter(|_| written.ends_with('0'));
    let canonical = match written.split_once('.') {
        Some((int, frac)) => format!("{}.{frac}", int.trim_start_matches('0').max("0")),
        None => {
            let t = written.trim_start_matches('0');
            if t.is_empty() { "0" } else { t }.to_string()
        }
    };
    let int_part = canonical.split('.').next().unwrap_or("");
    let canonical = if int_part.is_empty() {
        format!("0{canonical}")
    } else {
        canonical
    };
    Some((canonical, decimals))
}

/// The whole report TOML.
pub fn report(d: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Imported by `huibao import` from {}.", d.source_name);
    out.push_str(
        "# The text is the source's; numbers (一、（一）1.（1）一是) are regenerated when rendering.\n\
         # Lines marked CHECK were guessed: read them, then run `huibao check` and `huibao render`.\n\n",
    );
    write_meta(&mut out, d);
    write_summary(&mut out, d);
    write_indicators(&mut out, d);
    write_parts(&mut out, d);
    write_attachments(&mut out, d);
    write_end_matter(&mut out, d);
    write_leftovers(&mut out, d);
    out
}

fn write_meta(out: &mut String, d: &Draft) {
    out.push_str("[report]\n");
    let check = |sure: bool, source: &str| {
        if sure {
            String::new()
        } else {
            format!("  # CHECK: {source}")
        }
    };
    let _ = writeln!(
        out,
        "organization = {}{}",
        basic(&d.organization.value),
        check(d.organization.sure, &d.organization.source)
    );
    let _ = writeln!(
        out,
        "period = {}{}",
        basic(&d.period.value.to_string()),
        check(d.period.sure, &d.period.source)
    );
    let crate::frame::Ymd(y, m, day) = d.date.value;
    let _ = writeln!(
        out,
        "date = {y:04}-{m:02}-{day:02}{}",
        check(d.date.sure, &d.date.source)
    );
    let head = &d.head;
    if let Some(t) = &head.title {
        let _ = writeln!(out, "title = {}", basic(t));
    }
    if let Some(r) = &head.recipient {
        let _ = writeln!(out, "recipient = {}", basic(r));
    }
    if let Some(n) = &head.document_number {
        let _ = writeln!(out, "document_number = {}", basic(n));
    }
    if let Some(s) = &head.signer {
        let _ = writeln!(out, "signer = {}", basic(s));
    }
    if let Some(m) = &head.organ_mark {
        let _ = writeln!(out, "organ_mark = {}", basic(m));
        if head.document_number.is_none() {
            out.push_str("red_header = true\n");
        }
    }
    if let Some(n) = &d.tail.note {
        let _ = writeln!(out, "note = {}", basic(n));
    }
    if let Some(p) = &d.previous {
        let _ = writeln!(out, "previous = {}", basic(p));
    }
    out.push('\n');
}

fn write_summary(out: &mut String, d: &Draft) {
    let body = &d.body;
    if body.summary.is_empty() && !d.indicator_table_in_summary {
        return;
    }
    for r in &body.summary_remarks {
        comment(out, r);
    }
    out.push_str("[summary]\n");
    if d.indicator_table_in_summary {
        out.push_str("indicator_table = true\n");
    }
    if !body.summary.is_empty() {
        let _ = writeln!(out, "text = {}", prose(&body.summary));
    }
    out.push('\n');
}

fn write_indicators(out: &mut String, d: &Draft) {
    for ind in &d.indicators {
        if let Some(c) = &ind.comment {
            comment(out, c);
        }
        out.push_str("[[indicators]]\n");
        let _ = writeln!(out, "name = {}", basic(&ind.name));
        let _ = writeln!(out, "value = {}", ind.value);
        let _ = writeln!(out, "unit = {}", basic(&ind.unit));
        if let Some(p) = &ind.previous {
            let _ = writeln!(out, "previous = {p}");
        }
        if let Some(t) = &ind.target {
            let _ = writeln!(out, "target = {t}");
        }
        if let Some(n) = ind.decimals {
            let _ = writeln!(out, "decimals = {n}");
        }
        out.push('\n');
    }
    if !d.masked.is_empty() {
        out.push_str(
            "# Figures masked in the source (* or x). To make one an indicator, add\n\
             # [[indicators]] with its name, the real value and unit:\n",
        );
        for f in &d.masked {
            let _ = writeln!(out, "#   {} ({}): “{}”", f.name, f.unit, f.context);
        }
        out.push('\n');
    }
}

fn write_parts(out: &mut String, d: &Draft) {
    for part in &d.body.parts {
        let has_spec = part.title.is_some() || part.run_in || !part.lead.is_empty();
        if !has_spec {
            continue;
        }
        let _ = writeln!(out, "[parts.{}]", part.role.key());
        if let Some(t) = &part.title {
            let _ = writeln!(out, "title = {}", basic(t));
        }
        if part.run_in {
            out.push_str("numbering = \"run-in\"\n");
        }
        // The paragraphs between the part heading and its first item.
        if !part.lead.is_empty() {
            let _ = writeln!(out, "text = {}", prose(&part.lead));
        }
        out.push('\n');
    }
    for part in &d.body.parts {
        write_part(out, part);
    }
}

fn write_part(out: &mut String, part: &PartDraft) {
    let key = part.role.key();
    if part.items.is_empty() {
        let _ = writeln!(
            out,
            "# The {} part has no numbered items in the source.\n",
            part.role.label()
        );
    }
    for r in &part.remarks {
        comment(out, r);
    }
    for item in &part.items {
        write_item(out, key, item);
    }
}

fn write_item(out: &mut String, path: &str, item: &ItemDraft) {
    for r in &item.remarks {
        comment(out, r);
    }
    let _ = writeln!(out, "[[{path}]]");
    if let Some(t) = &item.title {
        let _ = writeln!(out, "title = {}", basic(t));
    }
    if !item.paras.is_empty() {
        let _ = writeln!(out, "text = {}", prose(&item.paras));
    }
    if item.run_in && !item.items.is_empty() {
        out.push_str("numbering = \"run-in\"\n");
    }
    if let Some(rows) = &item.table {
        write_table(out, &format!("{path}.table"), rows);
    }
    out.push('\n');
    for child in &item.items {
        write_item(out, &format!("{path}.items"), child);
    }
}

/// A table: the first row is the header.
pub fn write_table(out: &mut String, header: &str, rows: &[Vec<String>]) {
    let Some((columns, body)) = rows.split_first() else {
        return;
    };
    let width = columns.len().max(1);
    let _ = writeln!(out, "[{header}]");
    let cells = |row: &[String]| {
        let mut r: Vec<String> = row.iter().take(width).map(|c| basic(c)).collect();
        while r.len() < width {
            r.push("\"\"".into());
        }
        format!("[{}]", r.join(", "))
    };
    let mut cols = columns.clone();
    if cols.is_empty() {
        cols.push(String::new());
    }
    let _ = writeln!(out, "columns = {}", cells(&cols));
    if !body.is_empty() {
        out.push_str("rows = [\n");
        for row in body {
            let _ = writeln!(out, "  {},", cells(row));
        }
        out.push_str("]\n");
    }
}

fn write_attachments(out: &mut String, d: &Draft) {
    for a in &d.attachments {
        out.push_str("[[attachments]]\n");
        let _ = writeln!(out, "title = {}", basic(&a.title));
        if a.indicator_table {
            out.push_str("indicator_table = true\n");
        }
        if !a.paras.is_empty() {
            let _ = writeln!(out, "text = {}", prose(&a.paras));
        }
        if !a.paras.is_empty() || a.table.is_some() || a.indicator_table {
            if let Some(rows) = &a.table {
                write_table(out, "attachments.table", rows);
            }
        } else {
            // An attachment needs content; an empty one keeps its title.
            out.push_str("text = '''\n（无正文）\n'''\n");
        }
        out.push('\n');
    }
}

fn write_end_matter(out: &mut String, d: &Draft) {
    let t = &d.tail;
    if t.copy_to.is_empty() && t.printed.is_none() {
        return;
    }
    out.push_str("[end_matter]\n");
    if !t.copy_to.is_empty() {
        let list: Vec<String> = t.copy_to.iter().map(|s| basic(s)).collect();
        let _ = writeln!(out, "copy_to = [{}]", list.join(", "));
    }
    if let Some((by, on)) = &t.printed {
        if !by.is_empty() {
            let _ = writeln!(out, "printed_by = {}", basic(by));
        }
        if let Some(crate::frame::Ymd(y, m, day)) = on {
            let _ = writeln!(out, "printed_on = {y:04}-{m:02}-{day:02}");
        }
    }
    out.push('\n');
}

fn write_leftovers(out: &mut String, d: &Draft) {
    if !d.tail.leftovers.is_empty() {
        out.push_str("# Not placed (found below the signature):\n");
        for l in &d.tail.leftovers {
            comment(out, &format!("  {l}"));
        }
        out.push('\n');
    }
    if !d.removed.is_empty() {
        out.push_str("# Removed from the source as clutter:\n");
        for r in &d.removed {
            comment(out, &format!("  [{}] {}", r.why, r.text));
        }
    }
}

/// The role's key, for callers that name parts.
pub fn part_key(role: Role) -> &'static str {
    role.key()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(basic("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(
            prose(&["第一段。".into(), "第二段{{x}}。".into()]),
            "'''\n第一段。\n\n第二段\\{{x}}。\n'''"
        );
        assert_eq!(prose(&["含'''三引号".into()]), "\"含'''三引号\"");
    }

    #[test]
    fn numbers() {
        assert_eq!(number("152.3"), Some(("152.3".into(), None)));
        assert_eq!(number("5.00"), Some(("5.00".into(), Some(2))));
        assert_eq!(number("0012"), Some(("12".into(), None)));
        assert_eq!(number("0"), Some(("0".into(), None)));
        assert_eq!(number(".5"), Some(("0.5".into(), None)));
        assert_eq!(number("x.x"), None);
    }
}
