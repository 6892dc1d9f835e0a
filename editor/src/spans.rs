//! Where each field is written: the byte spans of a report's keys and values, so a
//! diagnostic's place (a byte range) names the field it belongs to.

use crate::edit::{Path, Step};
use std::ops::Range;
use toml_edit::{Item, Table};

/// The fields of a report text and their spans, in the order of the file.
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    entries: Vec<(Range<usize>, Path)>,
}

impl SpanIndex {
    /// The fields of `text`; empty when it is not TOML.
    pub fn of(text: &str) -> SpanIndex {
        let mut index = SpanIndex::default();
        if let Ok(doc) = toml_edit::Document::parse(text) {
            walk_table(doc.as_table(), &mut Vec::new(), &mut index.entries);
        }
        index
            .entries
            .sort_by_key(|(r, p)| (r.start, std::cmp::Reverse(p.len())));
        index
    }

    /// The field a byte offset belongs to: the deepest key or value written around it,
    /// else the last field written before it.
    pub fn path_at(&self, offset: usize) -> Option<&Path> {
        let containing = self
            .entries
            .iter()
            .filter(|(r, _)| r.start <= offset && offset < r.end.max(r.start + 1))
            .max_by_key(|(r, p)| (p.len(), std::cmp::Reverse(r.len())));
        containing
            .or_else(|| self.entries.iter().rev().find(|(r, _)| r.start <= offset))
            .map(|(_, p)| p)
    }

    /// The span of the value written at `path`.
    pub fn span_of(&self, path: &[Step]) -> Option<Range<usize>> {
        self.entries
            .iter()
            .filter(|(_, p)| p.as_slice() == path)
            .map(|(r, _)| r.clone())
            .max_by_key(|r| r.len())
    }
}

fn walk_table(t: &Table, path: &mut Path, out: &mut Vec<(Range<usize>, Path)>) {
    if let Some(span) = t.span() {
        if !path.is_empty() {
            out.push((span, path.clone()));
        }
    }
    for (key, item) in t.iter() {
        path.push(Step::Key(key.to_string()));
        if let Some(k) = t.key(key).and_then(|k| k.span()) {
            out.push((k, path.clone()));
        }
        walk_item(item, path, out);
        path.pop();
    }
}

fn walk_item(item: &Item, path: &mut Path, out: &mut Vec<(Range<usize>, Path)>) {
    match item {
        Item::Value(v) => walk_value(v, path, out),
        Item::Table(t) => walk_table(t, path, out),
        Item::ArrayOfTables(list) => {
            for (i, t) in list.iter().enumerate() {
                path.push(Step::Index(i));
                walk_table(t, path, out);
                path.pop();
            }
        }
        Item::None => {}
    }
}

fn walk_value(v: &toml_edit::Value, path: &mut Path, out: &mut Vec<(Range<usize>, Path)>) {
    if let Some(span) = v.span() {
        out.push((span, path.clone()));
    }
    match v {
        toml_edit::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(Step::Index(i));
                walk_value(x, path, out);
                path.pop();
            }
        }
        toml_edit::Value::InlineTable(t) => {
            for (k, x) in t.iter() {
                path.push(Step::Key(k.to_string()));
                walk_value(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}
