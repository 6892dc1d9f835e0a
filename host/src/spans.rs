//! Where a config value is written in the report, found from its path inside the config
//! by re-reading the report with spans kept for every key and value.

use super::schema::Step;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The span of `sections[section].config` followed by `path` in the report text.
///
/// The path is followed as far as the text allows; the span is that value's (or, with
/// `on_key`, its key's). `None` when the report has no such section.
pub(super) fn config_span(
    text: &str,
    section: usize,
    path: &[Step],
    on_key: bool,
) -> Option<Range<usize>> {
    let doc = DeTable::parse(text).ok()?;
    let (_, sections) = entry(doc.get_ref(), "sections")?;
    let table = sections.get_ref().as_array()?.get(section)?;
    let (config_key, config) = entry(table.get_ref().as_table()?, "config")?;
    let mut current = config;
    let mut key = Some(config_key);
    for step in path {
        let next = match step {
            Step::Key(k) => current
                .get_ref()
                .as_table()
                .and_then(|t| entry(t, k))
                .map(|(ks, v)| (Some(ks), v)),
            Step::Index(i) => current
                .get_ref()
                .as_array()
                .and_then(|a| a.get(*i))
                .map(|v| (None, v)),
        };
        match next {
            Some((k, v)) => {
                key = k;
                current = v;
            }
            None => return Some(current.span()),
        }
    }
    Some(match key {
        Some(k) if on_key => k,
        _ => current.span(),
    })
}

fn entry<'a, 'i>(
    table: &'a DeTable<'i>,
    key: &str,
) -> Option<(Range<usize>, &'a Spanned<DeValue<'i>>)> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(k, v)| (k.span(), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"[report]
organization = "某园区管委会"

[[sections]]
plugin = "party"

[[sections]]
plugin = "fund"
[sections.config]
title = "强化基金赋能"
[[sections.config.funds]]
name = "某某产业引导母基金"
size = "五十亿"
[[sections.config.funds]]
name = "某某子基金"
szie = 10
"#;

    fn at(section: usize, path: &[Step], on_key: bool) -> &'static str {
        let span = config_span(REPORT, section, path, on_key).unwrap();
        &REPORT[span]
    }

    #[test]
    fn nested_values_and_keys() {
        let key = |k: &str| Step::Key(k.into());
        assert_eq!(
            at(1, &[key("funds"), Step::Index(0), key("size")], false),
            "\"五十亿\""
        );
        assert_eq!(
            at(1, &[key("funds"), Step::Index(1), key("szie")], true),
            "szie"
        );
        assert_eq!(at(1, &[key("title")], false), "\"强化基金赋能\"");
        // A missing key points at the table that lacks it: here its header.
        assert_eq!(
            at(1, &[key("funds"), Step::Index(1), key("stage")], false),
            "[[sections.config.funds]]"
        );
        assert_eq!(at(1, &[], false), "[sections.config]");
        assert_eq!(config_span(REPORT, 0, &[], false), None);
        assert_eq!(config_span(REPORT, 7, &[], false), None);
    }
}
