//! Bounds on the handlebars templates huibao renders — prose in the report and a template
//! plugin's section — checked on the text before handlebars parses it.
//!
//! Handlebars parses and renders by recursion: a template nested thousands deep, or a
//! partial that calls itself, overflows the stack and ends the process with no message.
//! So a template may nest blocks and subexpressions at most
//! [`MAX_TEMPLATE_NESTING`] deep, and may not use partials or decorators at all (`{{> …}}`,
//! `{{#> …}}`, `{{#*inline …}}`, `{{* …}}`): they are the only way a template recurses,
//! and neither prose nor a section needs them. Within these bounds rendering needs a
//! small, known stack.
//!
//! Time is bounded too: `{{#each}}` is the only loop, and [`BoundedEach`] stops a render
//! whose loops together run more than [`MAX_EACH_ROUNDS`] rounds.

use crate::limits::{MAX_EACH_ROUNDS, MAX_TEMPLATE_NESTING};
use handlebars::{
    to_json, BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult,
    Output, RenderContext, RenderError, RenderErrorReason, Renderable,
};
use huibao_i18n::{msg, Message};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A helper's refusal in huibao's own words (an indicator without a target, a sum too
/// large to print): the error the helper returns, read back with [`refused`] so it is
/// shown as the catalog message it is, never as a library's text.
pub fn refusal(why: Message) -> RenderError {
    RenderErrorReason::NestedError(Box::new(why)).into()
}

/// The message of a refusal made with [`refusal`], when `e` is one.
pub fn refused(e: &RenderError) -> Option<Message> {
    match e.reason() {
        RenderErrorReason::NestedError(inner) => inner.downcast_ref::<Message>().cloned(),
        _ => None,
    }
}

/// `{{#each}}` counting its rounds against a budget shared by one render: past
/// [`MAX_EACH_ROUNDS`] the render fails instead of running on. It does what handlebars'
/// own `each` does (handlebars 6, MIT licence: `@index`, `@key`, `@first`, `@last`,
/// block parameters, `{{else}}` for an empty list), which handlebars does not export to
/// wrap.
#[derive(Clone, Default)]
pub struct BoundedEach {
    rounds: Arc<AtomicU64>,
}

impl BoundedEach {
    /// Registers a bounded `each` in `registry` in place of the built-in one; the
    /// returned handle starts each render's budget ([`BoundedEach::start`]).
    pub fn install(registry: &mut Handlebars<'_>) -> BoundedEach {
        let each = BoundedEach::default();
        registry.register_helper("each", Box::new(each.clone()));
        each
    }

    /// Gives the next render a whole budget.
    pub fn start(&self) {
        self.rounds.store(0, Ordering::Relaxed);
    }

    /// Counts `rounds` more; an error once the budget is spent.
    fn spend(&self, rounds: usize) -> Result<(), RenderError> {
        let rounds = rounds as u64;
        if self.rounds.fetch_add(rounds, Ordering::Relaxed) + rounds > MAX_EACH_ROUNDS {
            return Err(refusal(msg!(
                "template-each-budget",
                limit = MAX_EACH_ROUNDS
            )));
        }
        Ok(())
    }
}

impl HelperDef for BoundedEach {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let param = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        // Each round: its key (`@index` of a list, `@key` of a map) and its value.
        let rounds: Vec<(Value, Option<&str>, &Value)> = match param.value() {
            Value::Array(list) if !list.is_empty() || h.inverse().is_none() => list
                .iter()
                .enumerate()
                .map(|(i, v)| (to_json(i), None, v))
                .collect(),
            Value::Object(map) if !map.is_empty() || h.inverse().is_none() => map
                .iter()
                .map(|(k, v)| (to_json(k), Some(k.as_str()), v))
                .collect(),
            _ => {
                return match h.inverse() {
                    Some(otherwise) => otherwise.render(r, ctx, rc, out),
                    None if r.strict_mode() => {
                        Err(RenderError::strict_error(param.relative_path()))
                    }
                    None => Ok(()),
                }
            }
        };
        self.spend(rounds.len())?;
        let base_path = param.context_path();
        let mut block = BlockContext::new();
        match base_path {
            Some(path) => block.base_path_mut().clone_from(path),
            None => block.set_base_value(param.value().clone()),
        }
        rc.push_block(block);
        let last = rounds.len().saturating_sub(1);
        for (i, (key, name, value)) in rounds.into_iter().enumerate() {
            if let Some(block) = rc.block_mut() {
                block.set_local_var("first", to_json(i == 0));
                block.set_local_var("last", to_json(i == last));
                block.set_local_var("index", to_json(i));
                if name.is_some() {
                    block.set_local_var("key", key.clone());
                }
                let step = name.map_or_else(|| i.to_string(), str::to_string);
                match base_path {
                    Some(path) if i == 0 => {
                        let mut inner = path.clone();
                        inner.push(step);
                        *block.base_path_mut() = inner;
                    }
                    Some(_) => {
                        if let Some(at) = block.base_path_mut().last_mut() {
                            *at = step;
                        }
                    }
                    None => block.set_base_value(value.clone()),
                }
                let mut params = BlockParams::new();
                let value_param = |params: &mut BlockParams<'rc>, name: &'rc str| match base_path {
                    Some(_) => params.add_path(name, Vec::new()),
                    None => params.add_value(name, value.clone()),
                };
                if let Some((value_name, key_name)) = h.block_param_pair() {
                    value_param(&mut params, value_name)?;
                    params.add_value(key_name, key)?;
                    block.set_block_params(params);
                } else if let Some(value_name) = h.block_param() {
                    value_param(&mut params, value_name)?;
                    block.set_block_params(params);
                }
            }
            template.render(r, ctx, rc, out)?;
        }
        rc.pop_block();
        Ok(())
    }
}

/// Why a template is refused, and where (a byte offset into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Byte offset of the expression at fault.
    pub offset: usize,
    /// What is wrong.
    pub message: huibao_i18n::Message,
    /// How to fix it.
    pub help: huibao_i18n::Message,
}

/// Checks `text` before it is compiled: nesting depth, no partials, no decorators.
pub fn check(text: &str) -> Result<(), Refused> {
    // Open blocks; each holds how many `{{else if …}}` links it added (each nests one
    // level deeper in the compiled template).
    let mut blocks: Vec<usize> = Vec::new();
    let mut depth: usize = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(found) = text[i..].find("{{") {
        let start = i + found;
        if start > 0 && bytes[start - 1] == b'\\' {
            // `\{{` is a literal `{{`.
            i = start + 2;
            continue;
        }
        if text[start..].starts_with("{{{{") {
            // A raw block: its content is text up to `{{{{/…}}}}`.
            i = match text[start + 4..].find("{{{{/") {
                Some(end) => start + 4 + end + 5,
                None => text.len(),
            };
            continue;
        }
        let mut body = start + 2;
        if text[body..].starts_with("!--") {
            i = text[body..]
                .find("--}}")
                .map_or(text.len(), |e| body + e + 4);
            continue;
        }
        if text[body..].starts_with('!') {
            i = text[body..].find("}}").map_or(text.len(), |e| body + e + 2);
            continue;
        }
        if text[body..].starts_with('{') {
            body += 1; // a triple stash {{{…}}}
        }
        if text[body..].starts_with('~') {
            body += 1;
        }
        let rest = text[body..].trim_start();
        let refuse = |message, help| Refused {
            offset: start,
            message,
            help,
        };
        if rest.starts_with('>') || rest.starts_with("#>") {
            return Err(refuse(
                huibao_i18n::msg!("guard-partial"),
                huibao_i18n::msg!("guard-partial-help"),
            ));
        }
        if rest.starts_with('*') || rest.starts_with("#*") {
            return Err(refuse(
                huibao_i18n::msg!("guard-decorator"),
                huibao_i18n::msg!("guard-partial-help"),
            ));
        }
        let too_deep = |offset: usize| Refused {
            offset,
            message: huibao_i18n::msg!("guard-too-deep", max = MAX_TEMPLATE_NESTING),
            help: huibao_i18n::msg!("guard-too-deep-help"),
        };
        if rest.starts_with('#') || (rest.starts_with('^') && !is_bare_else(&rest[1..])) {
            blocks.push(0);
            depth += 1;
        } else if rest.starts_with('/') {
            if let Some(links) = blocks.pop() {
                depth = depth.saturating_sub(1 + links);
            }
        } else if let Some(after) = rest.strip_prefix("else") {
            if !is_bare_else(after) {
                if let Some(links) = blocks.last_mut() {
                    *links += 1;
                    depth += 1;
                }
            }
        }
        if depth > MAX_TEMPLATE_NESTING {
            return Err(too_deep(start));
        }
        // The expression itself: parentheses outside string literals.
        let mut parens: usize = 0;
        let mut quote: Option<u8> = None;
        let mut j = body;
        let end = loop {
            let Some(&b) = bytes.get(j) else {
                break text.len();
            };
            match (quote, b) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'(') => {
                    parens += 1;
                    if depth + parens > MAX_TEMPLATE_NESTING {
                        return Err(too_deep(j));
                    }
                }
                (None, b')') => parens = parens.saturating_sub(1),
                (None, b'}') if bytes.get(j + 1) == Some(&b'}') => break j + 2,
                _ => {}
            }
            j += 1;
        };
        i = end.min(text.len());
    }
    Ok(())
}

/// Whether what follows `else` or `^` closes the tag with nothing in between (a plain
/// `{{else}}`, `{{^}}`), rather than naming a helper (`{{else if …}}`, `{{^items}}`).
fn is_bare_else(after: &str) -> bool {
    let after = after.trim_start().trim_start_matches('~').trim_start();
    after.starts_with("}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<(usize, String)> {
        check(text)
            .err()
            .map(|r| (r.offset, r.message.render(huibao_i18n::Lang::En)))
    }

    #[test]
    fn the_bounded_each_renders_as_handlebars_own() {
        let data = serde_json::json!({
            "teams": [
                {"name": "新材料创新团队", "people": 12},
                {"name": "智能制造团队", "people": 8},
                {"name": "生物医药团队", "people": 5},
            ],
            "parks": {"东区": 3, "西区": 5},
            "empty": [],
            "none": {},
            "title": "人才引进",
        });
        let templates = [
            "{{#each teams}}{{@index}}.{{name}}{{people}}人{{#if @first}}（首）{{/if}}{{#if @last}}（末）{{/if}}{{../title}}；{{/each}}",
            "{{#each parks}}{{@key}}={{this}},{{@index}}{{#unless @last}}、{{/unless}}{{/each}}",
            "{{#each teams as |team i|}}{{i}}{{team.name}}{{/each}}",
            "{{#each parks as |count name|}}{{name}}{{count}}{{/each}}",
            "{{#each empty}}有{{else}}暂无团队{{/each}}|{{#each none}}有{{else}}暂无{{/each}}|{{#each empty}}x{{/each}}",
            "{{#each teams}}{{#each @root.teams}}{{@../index}}{{@index}} {{/each}}{{/each}}",
            "{{#each teams}}{{#with this}}{{name}}{{/with}}{{/each}}",
            "{{#each (pluck teams \"name\")}}{{this}}{{/each}}",
        ];
        let mut ours = Handlebars::new();
        let mut theirs = Handlebars::new();
        for r in [&mut ours, &mut theirs] {
            r.set_strict_mode(true);
            r.register_escape_fn(handlebars::no_escape);
            handlebars::handlebars_helper!(pluck: |list: array, key: str| {
                list.iter().filter_map(|v| v.get(key).cloned()).collect::<Vec<_>>()
            });
            r.register_helper("pluck", Box::new(pluck));
        }
        BoundedEach::install(&mut ours);
        for t in templates {
            let want = theirs.render_template(t, &data).expect(t);
            assert_eq!(ours.render_template(t, &data).expect(t), want, "{t}");
        }
        // Strict mode: a missing list is an error in both.
        let t = "{{#each nothing}}x{{/each}}";
        assert!(theirs.render_template(t, &data).is_err());
        assert!(ours.render_template(t, &data).is_err());
    }

    #[test]
    fn the_budget_counts_every_loop_of_a_render_and_starts_again() {
        let list: Vec<u32> = (0..999).collect();
        let data = serde_json::json!({ "list": list });
        let mut r = Handlebars::new();
        let each = BoundedEach::install(&mut r);
        // 999 + 999 × 999 rounds: just inside the budget.
        let square = "{{#each list}}{{#each @root.list}}{{/each}}{{/each}}";
        each.start();
        r.render_template(square, &data).expect("at the limit");
        // Without a new start the next render has 1,000 left.
        let e = r
            .render_template("{{#each list}}{{/each}}{{#each list}}{{/each}}", &data)
            .unwrap_err();
        assert!(e.to_string().contains("more than 1000000 rounds"), "{e}");
        each.start();
        r.render_template("{{#each list}}{{/each}}", &data)
            .expect("a new budget");
        let cube =
            "{{#each list}}{{#each @root.list}}{{#each @root.list}}{{/each}}{{/each}}{{/each}}";
        each.start();
        assert!(r.render_template(cube, &data).is_err());
    }

    #[test]
    fn ordinary_templates_pass() {
        for text in [
            "{{months}}，园区实现营业收入{{indicator \"营业收入\"}}。",
            "\\{{> literal}} 与 {{! a comment {{> x}} }} {{!-- {{#*inline}} --}}",
            "{{#each config.teams}}{{#if @first}}{{else if @last}}{{else}}{{/if}}{{/each}}",
            "{{percent (sum config.a \"x\") (sum config.b \"(x\")}}",
            "{{{{raw}}}}{{> not a partial}}{{{{/raw}}}}",
            "{{~#if a~}}甲{{~^~}}乙{{~/if~}}",
        ] {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn partials_and_decorators_are_refused_where_they_are() {
        let r = refused("开头{{#*inline \"r\"}}{{> r}}{{/inline}}{{> r}}").unwrap();
        assert_eq!(r.0, "开头".len());
        assert!(r.1.contains("inline partials"), "{}", r.1);
        assert_eq!(refused("{{ > r}}").unwrap().0, 0);
        assert_eq!(refused("甲{{#> layout}}{{/layout}}").unwrap().0, 3);
        assert_eq!(refused("{{~*decorator}}").unwrap().0, 0);
    }

    #[test]
    fn nesting_is_bounded_by_blocks_else_if_links_and_subexpressions() {
        let deep = |n: usize| {
            format!(
                "{}1{}",
                "{{x ".to_string() + &"(x ".repeat(n),
                ")".repeat(n) + "}}"
            )
        };
        assert_eq!(check(&deep(MAX_TEMPLATE_NESTING)), Ok(()));
        let five_thousand = deep(5_000);
        let (at, message) = refused(&five_thousand).unwrap();
        assert_eq!(at, 4 + 3 * MAX_TEMPLATE_NESTING);
        assert!(message.to_string().contains("nest deeper"), "{message}");

        let blocks = |n: usize| "{{#if a}}".repeat(n) + &"{{/if}}".repeat(n);
        assert_eq!(check(&blocks(MAX_TEMPLATE_NESTING)), Ok(()));
        assert!(refused(&blocks(MAX_TEMPLATE_NESTING + 1)).is_some());
        // Closed blocks do not add up.
        assert_eq!(check(&"{{#if a}}{{/if}}".repeat(1000)), Ok(()));

        let chain = |n: usize| format!("{{{{#if a}}}}{}{{{{/if}}}}", "{{else if b}}".repeat(n));
        assert_eq!(check(&chain(MAX_TEMPLATE_NESTING - 1)), Ok(()));
        assert!(refused(&chain(5_000)).is_some());
        assert_eq!(
            check(&(chain(20) + &chain(20))),
            Ok(()),
            "chains end with their block"
        );
    }

    #[test]
    fn templates_at_the_limit_render_on_a_small_stack() {
        // Within the bounds, handlebars needs well under 1 MiB of stack (a test thread
        // has 2 MiB, the main thread 8 MiB).
        let text = format!(
            "{}{}{}",
            "{{#if a}}".repeat(MAX_TEMPLATE_NESTING / 2),
            "{{b ".to_string()
                + &"(b ".repeat(MAX_TEMPLATE_NESTING / 2 - 1)
                + "1"
                + &")".repeat(MAX_TEMPLATE_NESTING / 2 - 1)
                + "}}",
            "{{/if}}".repeat(MAX_TEMPLATE_NESTING / 2)
        );
        assert_eq!(check(&text), Ok(()));
        let rendered = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let mut h = handlebars::Handlebars::new();
                h.register_escape_fn(handlebars::no_escape);
                handlebars::handlebars_helper!(b: |x: u64| x);
                h.register_helper("b", Box::new(b));
                h.render_template(&text, &serde_json::json!({"a": true}))
                    .unwrap()
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(rendered, "1");
    }
}
