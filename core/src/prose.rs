//! Prose with figures: handlebars expressions such as `{{indicator "营业收入"}}` inside
//! summary and item text, checked against the report's indicators and rendered to plain text.
//!
//! Helpers: `indicator` (value and 同比), `value`, `growth`, `completion`, and the
//! variables `organization`, `year`, `period` (上半年), `period_name` (2022年上半年),
//! `months` (1-6月), `next_period` (下半年). `\{{` writes a literal `{{`.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::indicator::Figures;
use crate::template_guard::refusal;
use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    Renderable, ScopedJson, StringOutput,
};
use huibao_i18n::{msg, Message};
use serde_json::json;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// The helpers that take an indicator name.
pub(crate) const INDICATOR_HELPERS: [&str; 4] = ["indicator", "value", "growth", "completion"];

/// Renders prose of one report: holds the indicator figures and the period phrases.
pub(crate) struct ProseRenderer {
    registry: Handlebars<'static>,
    /// The registry's `{{#each}}`, whose budget each render starts afresh.
    each: crate::template_guard::BoundedEach,
    /// The variables, as the context every text renders in.
    context: Context,
    figures: Arc<BTreeMap<String, Figures>>,
}

impl ProseRenderer {
    /// A renderer for a report's figures and period.
    pub(crate) fn new(figures: BTreeMap<String, Figures>, variables: serde_json::Value) -> Self {
        let figures = Arc::new(figures);
        let mut registry = Handlebars::new();
        registry.register_escape_fn(handlebars::no_escape);
        registry.set_strict_mode(true);
        let each = crate::template_guard::BoundedEach::install(&mut registry);
        for name in INDICATOR_HELPERS {
            registry.register_helper(
                name,
                Box::new(FigureHelper {
                    which: name,
                    figures: figures.clone(),
                }),
            );
        }
        ProseRenderer {
            registry,
            each,
            context: Context::from(variables),
            figures,
        }
    }

    /// Renders `text` (found at `span` of `file`, or nowhere for plugin text) to plain text.
    pub(crate) fn render(
        &self,
        text: &str,
        file: &SourceFile,
        span: Range<usize>,
    ) -> Result<String, Diagnostic> {
        if !text.contains("{{") {
            return Ok(text.to_string());
        }
        crate::template_guard::check(text).map_err(|r| {
            Diagnostic::error(msg!("prose-expression-refused", detail = r.message))
                .at(file, map_span(file, &span, text, r.offset))
                .with_label(msg!("lint-here"))
                .with_help(r.help)
        })?;
        let template = Template::compile(text).map_err(|e| {
            let offset = e
                .pos()
                .map(|(l, c)| line_col_offset(text, l, c))
                .unwrap_or(0);
            Diagnostic::error(msg!(
                "prose-expression-invalid",
                detail = e.reason().to_string()
            ))
            .at(file, map_span(file, &span, text, offset))
            .with_label(msg!("lint-here"))
            .with_help(msg!("prose-expression-invalid-help"))
        })?;
        self.check_references(&template, text, file, &span)?;
        self.each.start();
        // The template compiled for the checks is the one rendered, in the context made
        // once: compiling each text again and serialising the variables again for it
        // doubled the time of a report's prose.
        let mut out = StringOutput::new();
        let mut rc = RenderContext::new(None);
        let rendered = template
            .render(&self.registry, &self.context, &mut rc, &mut out)
            .and_then(|()| out.into_string().map_err(RenderError::from))
            .map_err(|e| {
                let offset = e
                    .line_no
                    .zip(e.column_no)
                    .map(|(l, c)| line_col_offset(text, l, c))
                    .unwrap_or(0);
                let d = Diagnostic::error(render_reason(&e))
                    .at(file, map_span(file, &span, text, offset))
                    .with_label(msg!("lint-here"));
                // A helper's refusal says what to do itself; a name that does not fill
                // in is answered with the names that do.
                if crate::template_guard::refused(&e).is_some() {
                    return d;
                }
                let mut names: Vec<&str> = INDICATOR_HELPERS.to_vec();
                names.extend([
                    "organization",
                    "year",
                    "period",
                    "period_name",
                    "months",
                    "next_period",
                ]);
                d.with_help(msg!("prose-known-names", names = names))
            });
        drop(rc);
        rendered
    }

    /// Every indicator named by a helper must exist; the error points at the name.
    fn check_references(
        &self,
        template: &Template,
        text: &str,
        file: &SourceFile,
        span: &Range<usize>,
    ) -> Result<(), Diagnostic> {
        for element in &template.elements {
            let helper = match element {
                TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => h,
                _ => continue,
            };
            let Parameter::Name(name) = &helper.name else {
                continue;
            };
            if !INDICATOR_HELPERS.contains(&name.as_str()) {
                continue;
            }
            let wanted = match helper.params.first() {
                Some(Parameter::Literal(serde_json::Value::String(s))) => s.clone(),
                _ => {
                    let offset = text.find(&format!("{{{{{name}")).unwrap_or(0);
                    return Err(Diagnostic::error(msg!("prose-needs-name", helper = name))
                        .at(file, map_span(file, span, text, offset))
                        .with_help(msg!("prose-needs-name-help", helper = name)));
                }
            };
            if !self.figures.contains_key(&wanted) {
                let quoted = format!("\"{wanted}\"");
                let offset = text.find(&quoted).unwrap_or(0);
                let mut d =
                    Diagnostic::error(msg!("prose-unknown-indicator", name = wanted.as_str()))
                        .at(
                            file,
                            map_span(file, span, text, offset).start
                                ..map_span(file, span, text, offset + quoted.len()).start,
                        )
                        .with_label(msg!("prose-unknown-indicator-label"));
                let known: Vec<&str> = self.figures.keys().map(String::as_str).collect();
                d = d.with_help(
                    match crate::suggest::closest(&wanted, known.iter().copied()) {
                        Some(best) => msg!(
                            "prose-unknown-indicator-suggest",
                            suggestion = best,
                            name = wanted.as_str()
                        ),
                        None => msg!("prose-unknown-indicator-add", name = wanted.as_str()),
                    },
                );
                return Err(d);
            }
        }
        Ok(())
    }
}

/// Adds to `out` the indicators `text` cites by name (`{{indicator "营业收入"}}`,
/// `{{growth "…"}}` …), in blocks and subexpressions too. Text that is not a valid
/// template cites nothing.
pub(crate) fn cited_indicators(text: &str, out: &mut std::collections::BTreeSet<String>) {
    fn element(e: &TemplateElement, out: &mut std::collections::BTreeSet<String>) {
        let h = match e {
            TemplateElement::Expression(h)
            | TemplateElement::HtmlExpression(h)
            | TemplateElement::HelperBlock(h) => h,
            _ => return,
        };
        if let (Parameter::Name(name), Some(Parameter::Literal(serde_json::Value::String(s)))) =
            (&h.name, h.params.first())
        {
            if INDICATOR_HELPERS.contains(&name.as_str()) {
                out.insert(s.clone());
            }
        }
        for p in h.params.iter().chain(h.hash.values()) {
            if let Parameter::Subexpression(sub) = p {
                element(&sub.element, out);
            }
        }
        for t in h.template.iter().chain(h.inverse.iter()) {
            t.elements.iter().for_each(|e| element(e, out));
        }
    }
    if !text.contains("{{") || crate::template_guard::check(text).is_err() {
        return;
    }
    if let Ok(t) = Template::compile(text) {
        t.elements.iter().for_each(|e| element(e, out));
    }
}

fn render_reason(e: &RenderError) -> Message {
    if let Some(refused) = crate::template_guard::refused(e) {
        return refused;
    }
    match e.reason() {
        RenderErrorReason::MissingVariable(Some(name)) => {
            msg!("prose-unknown-name", name = name.as_str())
        }
        RenderErrorReason::HelperNotFound(name) => {
            msg!("prose-unknown-helper", name = name.as_str())
        }
        other => msg!("prose-fill-failed", detail = other.to_string()),
    }
}

/// A helper printing one part of an indicator's figures.
struct FigureHelper {
    which: &'static str,
    figures: Arc<BTreeMap<String, Figures>>,
}

impl HelperDef for FigureHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let name = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(self.which, 0))?;
        let f = self
            .figures
            .get(name)
            .ok_or_else(|| refusal(msg!("prose-unknown-indicator", name = name)))?;
        let text = match self.which {
            "indicator" => match &f.growth {
                Some(g) => format!("{}，{g}", f.value),
                None => f.value.clone(),
            },
            "value" => f.value.clone(),
            "growth" => f
                .growth
                .clone()
                .ok_or_else(|| refusal(msg!("prose-no-growth", name = name)))?,
            _ => f
                .completion
                .clone()
                .ok_or_else(|| refusal(msg!("prose-no-target", name = name)))?,
        };
        Ok(ScopedJson::Derived(json!(text)))
    }
}

/// Byte offset of a 1-based line and column (characters) inside `text`.
pub fn line_col_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// Maps an offset inside a string value to the source: exact when the string is written
/// without escapes, else the start of the string.
pub(crate) fn map_span(
    file: &SourceFile,
    span: &Range<usize>,
    value: &str,
    offset: usize,
) -> Range<usize> {
    let Some(raw) = file.text.get(span.clone()) else {
        return span.clone();
    };
    let (open, close) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        (3, 3)
    } else {
        (1, 1)
    };
    if raw.len() < open + close {
        return span.clone();
    }
    let mut body_start = span.start + open;
    let mut body = &raw[open..raw.len() - close];
    if open == 3 {
        if let Some(rest) = body.strip_prefix('\n') {
            body = rest;
            body_start += 1;
        } else if let Some(rest) = body.strip_prefix("\r\n") {
            body = rest;
            body_start += 2;
        }
    }
    if offset > value.len() {
        return span.start..span.start;
    }
    if body == value {
        return body_start + offset..body_start + offset;
    }
    // A basic string with escapes: decode it, remembering where each value byte came from.
    match raw.starts_with('"').then(|| decode_basic(body)).flatten() {
        Some((decoded, origins)) if decoded == value => {
            let at = body_start + origins.get(offset).copied().unwrap_or(body.len());
            at..at
        }
        _ => span.start..span.start,
    }
}

/// Decodes the body of a TOML basic string; returns the text and, for each of its bytes
/// (plus one past the end), the offset in `body` it came from.
fn decode_basic(body: &str) -> Option<(String, Vec<usize>)> {
    let mut out = String::new();
    let mut origins = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let decoded = if c == '\\' {
            let (_, e) = chars.next()?;
            match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'e' => '\u{1b}',
                '"' => '"',
                '\\' => '\\',
                'u' | 'U' => {
                    let len = if e == 'u' { 4 } else { 8 };
                    let hex: String = (0..len)
                        .filter_map(|_| chars.next().map(|(_, h)| h))
                        .collect();
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                }
                _ => {
                    // A line-ending backslash: skip the following whitespace.
                    while chars.peek().is_some_and(|(_, w)| w.is_whitespace()) {
                        chars.next();
                    }
                    continue;
                }
            }
        } else {
            c
        };
        origins.extend(std::iter::repeat_n(i, decoded.len_utf8()));
        out.push(decoded);
    }
    origins.push(body.len());
    Some((out, origins))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::figures;

    fn renderer() -> ProseRenderer {
        let mut f = BTreeMap::new();
        f.insert(
            "营业收入".to_string(),
            figures(123.5, "亿元", Some(110.2), Some(250.0), None),
        );
        f.insert("税收".to_string(), figures(8.2, "亿元", None, None, None));
        ProseRenderer::new(
            f,
            json!({"months": "1-6月", "organization": "某园区管委会"}),
        )
    }

    #[test]
    fn figures_in_prose() {
        let file = SourceFile::new("r.toml", "");
        let r = renderer();
        let text = "{{months}}，实现营业收入{{indicator \"营业收入\"}}，{{completion \"营业收入\"}}；税收{{value \"税收\"}}。";
        assert_eq!(
            r.render(text, &file, 0..0).unwrap(),
            "1-6月，实现营业收入123.5亿元，同比增长12.1%，完成全年目标的49.4%；税收8.2亿元。"
        );
    }

    #[test]
    fn markup_is_not_escaped_and_literal_braces_survive() {
        let file = SourceFile::new("r.toml", "");
        let r = renderer();
        assert_eq!(r.render("<b>&\"'", &file, 0..0).unwrap(), "<b>&\"'");
        assert_eq!(
            r.render("\\{{indicator}} 与 {{value \"税收\"}}", &file, 0..0)
                .unwrap(),
            "{{indicator}} 与 8.2亿元"
        );
    }

    #[test]
    fn unknown_indicator_points_at_its_name() {
        let src =
            "text = \"收入{{indicator \\\"营收\\\"}}\"\nt2 = '''\n税收{{value \"营收\"}}'''\n";
        let file = SourceFile::new("r.toml", src);
        let value = "税收{{value \"营收\"}}";
        let start = src.find("'''").unwrap();
        let end = src.rfind("'''").unwrap() + 3;
        let err = renderer().render(value, &file, start..end).unwrap_err();
        assert!(
            err.message.to_string().contains("\"营收\""),
            "{}",
            err.message
        );
        assert_eq!(err.line_column(), Some((3, 11)));
        assert!(err.help.unwrap().to_string().contains("营业收入"));
    }

    #[test]
    fn recursion_and_deep_nesting_are_refused_at_their_place() {
        let src = "text = '''\n甲{{#*inline \"r\"}}{{> r}}{{/inline}}{{> r}}'''\n";
        let file = SourceFile::new("r.toml", src);
        let value = "甲{{#*inline \"r\"}}{{> r}}{{/inline}}{{> r}}";
        let span = src.find("'''").unwrap()..src.len() - 1;
        let err = renderer().render(value, &file, span).unwrap_err();
        assert_eq!(err.line_column(), Some((2, 2)));
        assert!(
            err.message.to_string().contains("inline partials"),
            "{}",
            err.message
        );
        let deep = format!(
            "{{{{value {}\"税收\"{}}}}}",
            "(value ".repeat(5_000),
            ")".repeat(5_000)
        );
        let err = renderer().render(&deep, &file, 0..0).unwrap_err();
        assert!(
            err.message.to_string().contains("nest deeper"),
            "{}",
            err.message
        );
    }

    #[test]
    fn growth_without_previous_is_an_error() {
        let file = SourceFile::new("r.toml", "");
        let err = renderer()
            .render("{{growth \"税收\"}}", &file, 0..0)
            .unwrap_err();
        assert_eq!(err.message.id(), Some("prose-no-growth"), "{}", err.message);
        assert!(err.help.is_none(), "a refusal says what to do itself");
    }

    #[test]
    fn completion_without_target_is_an_error_in_huibaos_own_words() {
        let file = SourceFile::new("r.toml", "");
        let err = renderer()
            .render("{{completion \"税收\"}}", &file, 0..0)
            .unwrap_err();
        assert_eq!(err.message.id(), Some("prose-no-target"), "{}", err.message);
        let zh = err.message.render(huibao_i18n::Lang::ZhCn);
        assert!(
            zh.contains("“税收”没有全年目标") && !zh.contains("原文"),
            "{zh}"
        );
    }
}
