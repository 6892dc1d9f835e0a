//! The first look at a report, on its parsed TOML before it is read into the model:
//! every string and key is free of control characters, every number is finite (and, in
//! the report's own tables, exact), and where each numbered item was written, so that
//! even an empty `[[plan]]` can be pointed at.
//!
//! These checks are on the TOML rather than on the model because they concern every
//! value, wherever it is: style strings and plugin configurations included.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::prose::map_span;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// At most this many findings are listed; the rest are counted in one last line.
const MAX_FINDINGS: usize = 50;

/// Where a numbered item (`[[plan]]`, `[[plan.items]]` …) was written, and its sub-items.
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemPlace {
    /// The item's table: its `[[…]]` header, or the inline table.
    pub(crate) span: Range<usize>,
    /// Its `items`, in order.
    pub(crate) items: Vec<ItemPlace>,
}

use crate::chars::{count_forbidden, describe_forbidden, first_forbidden, forbidden_help};

/// Checks every key, string and number of the document; errors in source order.
pub(crate) fn check(file: &SourceFile, root: &Spanned<DeTable<'_>>) -> Vec<Diagnostic> {
    let mut scan = Scan {
        file,
        found: Vec::new(),
        more: 0,
    };
    scan.table(root.get_ref(), &mut Vec::new());
    scan.found
        .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if scan.more > 0 {
        scan.found.push(Diagnostic::error(huibao_i18n::msg!(
            "scan-more",
            count = scan.more
        )));
    }
    scan.found
}

/// Where each item of `[[part]]` (achievements, problems, plan) was written.
pub(crate) fn item_places(root: &Spanned<DeTable<'_>>, part: &str) -> Vec<ItemPlace> {
    fn places(value: Option<&Spanned<DeValue<'_>>>) -> Vec<ItemPlace> {
        let Some(DeValue::Array(items)) = value.map(Spanned::get_ref) else {
            return Vec::new();
        };
        items
            .iter()
            .map(|item| ItemPlace {
                span: item.span(),
                items: match item.get_ref() {
                    DeValue::Table(t) => places(t.get("items")),
                    _ => Vec::new(),
                },
            })
            .collect()
    }
    places(root.get_ref().get(part))
}

/// Where the value at `path` (table keys from the root) was written, found by parsing
/// the file again: for the few messages about keys the model keeps no place for.
pub(crate) fn span_of(file: &SourceFile, path: &[&str]) -> Option<Range<usize>> {
    let root = DeTable::parse(&file.text).ok()?;
    let (last, tables) = path.split_last()?;
    let mut table = root.get_ref();
    for key in tables {
        table = table.get(*key)?.get_ref().as_table()?;
    }
    table.get(*last).map(Spanned::span)
}

struct Scan<'a> {
    file: &'a SourceFile,
    found: Vec<Diagnostic>,
    more: usize,
}

/// One step of the path to a value: a key or an index.
enum Step<'k> {
    Key(&'k str),
    Index,
}

impl Scan<'_> {
    fn push(&mut self, d: Diagnostic) {
        if self.found.len() < MAX_FINDINGS {
            self.found.push(d);
        } else {
            self.more += 1;
        }
    }

    fn table<'k>(&mut self, table: &'k DeTable<'_>, path: &mut Vec<Step<'k>>) {
        for (key, value) in table.iter() {
            self.string(key.get_ref(), key.span(), "key");
            path.push(Step::Key(key.get_ref()));
            self.value(value, path);
            path.pop();
        }
    }

    fn value<'k>(&mut self, value: &'k Spanned<DeValue<'_>>, path: &mut Vec<Step<'k>>) {
        match value.get_ref() {
            DeValue::String(s) => self.string(s, value.span(), "text"),
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                self.number(n.map(|n| n as f64), value.span(), path);
            }
            DeValue::Float(f) => {
                let n = f.as_str().replace('_', "").parse::<f64>().ok();
                self.number(n, value.span(), path);
            }
            DeValue::Boolean(_) | DeValue::Datetime(_) => {}
            DeValue::Array(items) => {
                for item in items.iter() {
                    path.push(Step::Index);
                    self.value(item, path);
                    path.pop();
                }
            }
            DeValue::Table(t) => self.table(t, path),
        }
    }

    /// A control character in a string (`what`: "key" or "text"): an error at the
    /// character itself.
    fn string(&mut self, s: &str, span: Range<usize>, what: &str) {
        let Some((offset, c)) = first_forbidden(s) else {
            return;
        };
        let at = map_span(self.file, &span, s, offset).start;
        let at = at..(at + 1).min(span.end.max(at));
        let count = count_forbidden(s);
        self.push(
            Diagnostic::error(huibao_i18n::msg!(
                "scan-control",
                what = describe_forbidden(c),
                count = count,
                place = what
            ))
            .at(self.file, at)
            .with_label(huibao_i18n::msg!("scan-control-label"))
            .with_help(forbidden_help(c)),
        );
    }

    /// A number that is not finite, or too large to be exact where the report prints it.
    fn number(&mut self, n: Option<f64>, span: Range<usize>, path: &[Step<'_>]) {
        let n = match n {
            Some(n) if n.is_finite() => n,
            _ => {
                let written = self.file.text.get(span.clone()).unwrap_or("").trim();
                self.push(
                    Diagnostic::error(huibao_i18n::msg!("scan-not-finite", value = written))
                        .at(self.file, span)
                        .with_label(huibao_i18n::msg!("scan-not-finite-label"))
                        .with_help(huibao_i18n::msg!("scan-not-finite-help")),
                );
                return;
            }
        };
        // Plugin configurations are the plugin's to check: JSON holds any integer.
        let in_plugin_config = matches!(
            path,
            [Step::Key("sections"), Step::Index, Step::Key("config"), ..]
        );
        if !in_plugin_config && n.abs() >= crate::limits::MAX_NUMBER {
            self.push(
                Diagnostic::error(huibao_i18n::msg!("scan-too-large"))
                    .at(self.file, span)
                    .with_label(huibao_i18n::msg!("scan-too-large-label"))
                    .with_help(huibao_i18n::msg!("scan-too-large-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(src: &str) -> Vec<(String, Option<(usize, usize)>)> {
        let file = SourceFile::new("r.toml", src);
        let root = DeTable::parse(src).unwrap();
        check(&file, &root)
            .iter()
            .map(|d| (d.message.to_string(), d.line_column()))
            .collect()
    }

    #[test]
    fn control_characters_are_found_where_they_were_written() {
        let found = scan(
            "[report]\norganization = \"某园区\\b管委会\"\n[style.fonts.body]\nfamilies = ['仿宋', \"黑\\u001B体\"]\n\"ke\\u0007y\" = 1\n",
        );
        assert_eq!(
            found,
            [
                (
                    "control character U+0008 (BACKSPACE) cannot be printed".to_string(),
                    Some((2, 20))
                ),
                (
                    "control character U+001B (ESCAPE) cannot be printed".to_string(),
                    Some((4, 21))
                ),
                (
                    "control character U+0007 (BELL) cannot be printed".to_string(),
                    Some((5, 4))
                ),
            ]
        );
        // Tabs, line breaks (also CRLF) and C1 controls written raw.
        assert!(scan("a = \"甲\\t乙\\r\\n丙\\n\"\nb = '''\r\n丁\r\n'''\n").is_empty());
        assert_eq!(
            scan("a = \"甲\u{85}乙\\r丙\"\n")[0].1,
            Some((1, 7)),
            "C1 control and a lone CR: the first is named"
        );
    }

    #[test]
    fn bidirectional_controls_are_found_in_every_kind_of_string() {
        // Written raw and as escapes, in text, a key, a style string and a plugin config.
        let found = scan(
            "[report]\norganization = \"某园区\u{202E}管委会\"\n[[indicators]]\nname = \"营业收入\\u2066\"\n[style.fonts.body]\nfamilies = [\"仿宋\\u200F\"]\n\"键\\u061C\" = 1\n[[sections]]\nconfig = { name = \"基金\\u202D\" }\n",
        );
        let got: Vec<_> = found
            .iter()
            .map(|(m, at)| (m.split(" cannot").next().unwrap().to_string(), at.unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)".to_string(),
                    (2, 20)
                ),
                (
                    "bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)".to_string(),
                    (4, 13)
                ),
                (
                    "bidirectional control U+200F (RIGHT-TO-LEFT MARK)".to_string(),
                    (6, 16)
                ),
                (
                    "bidirectional control U+061C (ARABIC LETTER MARK)".to_string(),
                    (7, 3)
                ),
                (
                    "bidirectional control U+202D (LEFT-TO-RIGHT OVERRIDE)".to_string(),
                    (9, 22)
                ),
            ]
        );
    }

    #[test]
    fn numbers_must_be_finite_and_exact_outside_plugin_configurations() {
        let found = scan(
            "[[indicators]]\nvalue = inf\nprevious = -nan\ntarget = 1e400\n[[t]]\nrows = [[9007199254740993, 1.5]]\n[[sections]]\nconfig = { id = 9007199254740993, f = nan }\n",
        );
        let lines: Vec<_> = found.iter().map(|(_, at)| at.unwrap().0).collect();
        assert_eq!(lines, [2, 3, 4, 6, 8], "{found:?}");
        assert!(found[3].0.contains("too large"), "{found:?}");
        assert!(found[4].0.contains("`nan`"), "{found:?}");
    }
}
