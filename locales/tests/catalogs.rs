//! The catalogs agree with the code and with each other: every ID the code uses is in both
//! catalogs, every ID in a catalog is used, and both languages take the same placeables.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use huibao_i18n::{catalog_files, Lang};
use std::collections::{BTreeMap, BTreeSet};

mod scan;
use scan::{sources, workspace};

/// ID → the variables its pattern uses, for one language.
fn catalog(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, source) in catalog_files(lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, e)| panic!("{lang}/{name}: {e:?}"));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    assert!(
                        m.value.is_some(),
                        "{lang}/{name}: {} has no value",
                        m.id.name
                    );
                    let previous = out.insert(m.id.name.to_string(), vars);
                    assert!(previous.is_none(), "{lang}: {} twice", m.id.name);
                }
                Entry::Junk { content } => panic!("{lang}/{name}: cannot parse {content:?}"),
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// The IDs named in `msg!("…"`, `t!("…"` and `Message::new("…"` calls outside comments,
/// each with a file it is used in.
fn used_ids() -> BTreeMap<String, String> {
    let mut files = Vec::new();
    sources(&workspace(), &mut files);
    let mut used = BTreeMap::new();
    for file in files {
        // Comments (the examples of doc comments) are not uses.
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for call in ["msg!(", "t!(", "Message::new("] {
            let mut from = 0;
            while let Some(at) = text[from..].find(call).map(|i| i + from) {
                from = at + call.len();
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = text[from..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id: String = rest.chars().take_while(|&c| c != '"').collect();
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    used.entry(id).or_insert_with(|| file.display().to_string());
                }
            }
        }
    }
    page_ids(&mut used);
    used
}

/// Adds the IDs the editor's page uses: every quoted word beginning with
/// [`huibao_i18n::PAGE_PREFIX`] in its HTML and script (`data-t="ui-…"`, `t('ui-…')`, and the
/// IDs its tables of columns and chart kinds hold), which it shows through GET /api/words.
fn page_ids(used: &mut BTreeMap<String, String>) {
    let assets = workspace().join("editor/assets");
    for name in ["index.html", "app.js"] {
        let file = assets.join(name);
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, quote) in text.char_indices() {
            if !matches!(quote, '"' | '\'' | '`') {
                continue;
            }
            let rest = &text[at + 1..];
            if !rest.starts_with(huibao_i18n::PAGE_PREFIX) {
                continue;
            }
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if rest[id.len()..].starts_with(quote) {
                used.entry(id).or_insert_with(|| file.display().to_string());
            }
        }
    }
}

#[test]
fn both_catalogs_hold_the_same_ids_with_the_same_placeables() {
    let zh = catalog(Lang::ZhCn);
    let en = catalog(Lang::En);
    let zh_ids: BTreeSet<_> = zh.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        zh_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in zh-CN only"
    );
    assert_eq!(
        en_ids.difference(&zh_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in en only"
    );
    for (id, vars) in &zh {
        assert_eq!(vars, &en[id], "{id}: the placeables of zh-CN and en differ");
    }
}

#[test]
fn every_id_the_code_uses_is_in_the_catalogs_and_every_catalog_id_is_used() {
    let catalog = catalog(Lang::En);
    let used = used_ids();
    let missing: Vec<String> = used
        .iter()
        .filter(|(id, _)| !catalog.contains_key(*id))
        .map(|(id, file)| format!("{id} (used in {file})"))
        .collect();
    assert!(missing.is_empty(), "not in the catalogs: {missing:#?}");
    let unused: Vec<&String> = catalog
        .keys()
        .filter(|id| !used.contains_key(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogs but used nowhere: {unused:#?}"
    );
}

#[test]
fn chinese_messages_use_full_width_punctuation_and_no_stray_spaces() {
    for (id, text) in raw_values(Lang::ZhCn) {
        // Half-width punctuation right after a Chinese character is a slip, except in
        // code and examples, which are ASCII anyway.
        let chars: Vec<char> = text.chars().collect();
        for w in chars.windows(2) {
            let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            assert!(
                !(cjk(w[0]) && matches!(w[1], ',' | ';' | '?' | '!' | '(')),
                "{id}: half-width {:?} after {:?} in {text:?}",
                w[1],
                w[0]
            );
            assert!(
                !(cjk(w[0]) && w[1] == ':'),
                "{id}: half-width colon after {:?} in {text:?}",
                w[0]
            );
        }
        assert!(!text.contains("  "), "{id}: two spaces in {text:?}");
        assert!(
            !text.contains("“ ") && !text.contains(" ”"),
            "{id}: a space inside quotes"
        );
    }
}

/// Each message's source text, one line per message.
fn raw_values(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (_, source) in catalog_files(lang) {
        let mut current: Option<(String, String)> = None;
        for line in source.lines() {
            if line.starts_with(' ') {
                if let Some((_, text)) = &mut current {
                    text.push('\n');
                    text.push_str(line.trim());
                }
                continue;
            }
            if let Some(done) = current.take() {
                out.push(done);
            }
            if let Some((id, text)) = line.split_once(" = ") {
                if !line.starts_with('#') {
                    current = Some((id.to_string(), text.to_string()));
                }
            }
        }
        out.extend(current);
    }
    out
}
