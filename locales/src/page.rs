//! The words of a page that shows them itself (the editor's): each message as its pattern,
//! with its placeables left for the page to fill.

use crate::{catalog_files, Lang};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The prefix of the IDs of the editor page's words (`locales/*/editor-page.ftl`).
pub const PAGE_PREFIX: &str = "ui-";

/// The messages of `lang` whose IDs begin with `prefix`, each as its pattern with every
/// variable written `{$name}`, for a page that fills in names, places and numbers itself.
///
/// Only such placeables can be filled that way: a message that chooses its form by a value
/// (a plural) or refers to another message is an error naming it — the server words it
/// instead, with the count it knows.
pub fn page_words(lang: Lang, prefix: &str) -> Result<Vec<(&'static str, String)>, String> {
    let mut out = Vec::new();
    for (name, source) in catalog_files(lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .map_err(|(_, e)| format!("{lang}/{name} does not parse: {e:?}"))?;
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            if !message.id.name.starts_with(prefix) {
                continue;
            }
            let id = message.id.name;
            let pattern = message
                .value
                .as_ref()
                .ok_or_else(|| format!("{lang}/{name}: {id} has no value"))?;
            let text = fill_pattern(pattern)
                .map_err(|what| format!("{lang}/{name}: {id} {what}: the page cannot fill it"))?;
            out.push((id, text));
        }
    }
    Ok(out)
}

/// The pattern's text with `{$name}` for each variable; `Err` says what else it holds.
fn fill_pattern(pattern: &Pattern<&str>) -> Result<String, &'static str> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    text.push_str("{$");
                    text.push_str(id.name);
                    text.push('}');
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    text.push_str(value)
                }
                Expression::Select { .. } => return Err("chooses a form by a value"),
                Expression::Inline(_) => return Err("refers to another message or a function"),
            },
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_keeps_its_variables_for_the_page() {
        let words = page_words(Lang::ZhCn, PAGE_PREFIX).unwrap();
        let get = |id: &str| {
            words
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(
            get("ui-table-cell-label"),
            Some("{$item} 表格第{$row}行第{$column}列")
        );
        let en = page_words(Lang::En, PAGE_PREFIX).unwrap();
        let get = |id: &str| en.iter().find(|(i, _)| *i == id).map(|(_, t)| t.as_str());
        assert_eq!(get("ui-list-separator"), Some(", "));
        assert_eq!(get("ui-bar-undo"), Some("Undo"));
    }

    #[test]
    fn a_message_that_chooses_a_plural_cannot_be_handed_to_the_page() {
        // editor-pdf-pages chooses "1 page" or "N pages" in English.
        let refused = page_words(Lang::En, "editor-pdf-pages").unwrap_err();
        assert!(refused.contains("editor-pdf-pages"), "{refused}");
        assert!(refused.contains("chooses a form"), "{refused}");
    }
}
