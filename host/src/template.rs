//! Template plugins: a folder with `plugin.toml` (name, version, config schema) and a
//! handlebars template whose output is outline text (一、/（一）/1./一是 lines), parsed by
//! [`huibao_core::outline`] into the section. Nothing is compiled.

use super::Failure;
use handlebars::{
    handlebars_helper, Context, Handlebars, Helper, HelperDef, RenderContext, RenderError,
    RenderErrorReason, ScopedJson, TemplateError,
};
use huibao_core::limits::MAX_PLUGIN_REPLY_BYTES;
use huibao_core::model::Item;
use huibao_core::template_guard::{refusal, refused, BoundedEach};
use huibao_core::{read_source, Diagnostic, SourceFile};
use huibao_i18n::{msg, t, Message};
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The template plugin format this huibao reads (`abi` in plugin.toml).
pub const TEMPLATE_ABI: u32 = 1;

/// `plugin.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    name: Spanned<String>,
    version: Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    abi: Option<Spanned<u32>>,
    #[serde(default)]
    title: Option<Spanned<String>>,
    #[serde(default)]
    template: Option<Spanned<String>>,
    #[serde(default)]
    schema: Option<Spanned<toml::Value>>,
}

/// A loaded, checked template plugin.
pub(super) struct TemplatePlugin {
    /// Its name (the folder's name).
    pub name: String,
    /// Its version.
    pub version: String,
    /// What it writes about.
    pub description: Option<String>,
    /// Its config schema.
    pub schema: Value,
    /// The plugin's folder.
    pub dir: PathBuf,
    template: SourceFile,
    title: Option<String>,
    registry: Handlebars<'static>,
    /// The registry's `{{#each}}`, whose budget each render starts afresh.
    each: BoundedEach,
}

impl std::fmt::Debug for TemplatePlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TemplatePlugin")
            .field("name", &self.name)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Why a template plugin cannot be used: a plain failure, or one at a place in its files.
pub(super) enum LoadError {
    /// No file place.
    Plain(Failure),
    /// At a place in plugin.toml or the template (the message names the plugin).
    At(Diagnostic),
}

/// Reads `dir/plugin.toml` and compiles the template, checking everything the native host
/// checks: name, format version, schema.
pub(super) fn load(dir: &Path, expected: &str) -> Result<TemplatePlugin, LoadError> {
    let root = dir.canonicalize().map_err(|e| {
        LoadError::Plain(Failure {
            message: msg!(
                "tpl-folder-unreadable",
                path = dir.display(),
                reason = huibao_core::io_reason(&e)
            ),
            help: None,
        })
    })?;
    let manifest_path = dir.join("plugin.toml");
    confine(&root, &manifest_path).map_err(LoadError::Plain)?;
    let file =
        read_source(&manifest_path, huibao_core::input::Kind::PluginManifest).map_err(|d| {
            LoadError::Plain(Failure {
                message: msg!("tpl-unreadable", reason = d.message),
                help: d.help,
            })
        })?;
    let at = |span: std::ops::Range<usize>, message: Message, help: Message| {
        LoadError::At(
            Diagnostic::error(msg!("tpl-manifest", name = expected, detail = message))
                .at(&file, span)
                .with_help(help),
        )
    };
    let manifest: Manifest = toml::from_str(&file.text).map_err(|e| {
        let mut d = huibao_core::toml_error(&file, &e);
        let unknown_key = d.message.id() == Some("load-unknown-key");
        d.message = msg!(
            "tpl-manifest-toml",
            name = expected,
            detail = d.message.clone()
        );
        if unknown_key {
            d.help = Some(msg!("tpl-manifest-keys"));
        }
        LoadError::At(d)
    })?;
    if manifest.name.get_ref() != expected {
        return Err(at(
            manifest.name.span(),
            msg!("tpl-name-differs", own = manifest.name.get_ref()),
            msg!("tpl-name-differs-help"),
        ));
    }
    if manifest.version.get_ref().trim().is_empty() {
        return Err(at(
            manifest.version.span(),
            msg!("tpl-version-empty"),
            msg!("tpl-version-empty-help"),
        ));
    }
    if let Some(abi) = &manifest.abi {
        if *abi.get_ref() != TEMPLATE_ABI {
            return Err(at(
                abi.span(),
                msg!(
                    "tpl-other-format",
                    format = *abi.get_ref(),
                    supported = TEMPLATE_ABI
                ),
                msg!("tpl-other-format-help"),
            ));
        }
    }
    let schema = match &manifest.schema {
        None => serde_json::json!({ "type": "object" }),
        Some(s) => {
            let json =
                super::context::toml_to_json(s.get_ref(), &mut Vec::new()).map_err(|_| {
                    at(
                        s.span(),
                        msg!("tpl-schema-not-finite"),
                        msg!("tpl-schema-not-finite-help"),
                    )
                })?;
            super::schema::check_schema(&json).map_err(|e| {
                at(
                    s.span(),
                    msg!("tpl-schema-unusable", detail = e),
                    msg!("plugin-schema-unusable-help"),
                )
            })?;
            json
        }
    };
    let template_name = manifest
        .template
        .as_ref()
        .map(|t| t.get_ref().clone())
        .unwrap_or_else(|| "section.hbs".into());
    let template_path = dir.join(&template_name);
    let escapes = Path::new(&template_name)
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)));
    if escapes {
        let span = manifest.template.as_ref().map_or(0..0, Spanned::span);
        return Err(at(
            span,
            msg!("tpl-template-outside", template = template_name.as_str()),
            msg!("tpl-template-outside-help"),
        ));
    }
    confine(&root, &template_path).map_err(|f| {
        let span = manifest.template.as_ref().map_or(0..0, Spanned::span);
        at(span, f.message, f.help.unwrap_or_else(Message::empty))
    })?;
    let template =
        read_source(&template_path, huibao_core::input::Kind::PluginTemplate).map_err(|d| {
            let span = manifest.template.as_ref().map_or(0..0, Spanned::span);
            at(
                span,
                msg!("tpl-template-unreadable", reason = d.message),
                msg!("tpl-template-unreadable-help"),
            )
        })?;
    huibao_core::template_guard::check(&template.text).map_err(|r| {
        LoadError::At(
            Diagnostic::error(msg!(
                "tpl-template-refused",
                name = expected,
                detail = r.message
            ))
            .at(&template, r.offset..r.offset)
            .with_label(msg!("lint-here"))
            .with_help(r.help),
        )
    })?;
    let mut registry = registry();
    let each = BoundedEach::install(&mut registry);
    registry
        .register_template_string("section", &*template.text)
        .map_err(|e| LoadError::At(template_error(expected, &template, &e)))?;
    let title = manifest.title.as_ref().map(|t| t.get_ref().clone());
    if let Some(t) = &manifest.title {
        huibao_core::template_guard::check(t.get_ref()).map_err(|r| {
            at(
                t.span(),
                msg!("tpl-title-refused", detail = r.message),
                r.help,
            )
        })?;
        registry
            .register_template_string("title", t.get_ref())
            .map_err(|e| {
                at(
                    t.span(),
                    msg!("tpl-title-invalid", detail = e.reason().to_string()),
                    msg!("tpl-title-invalid-help"),
                )
            })?;
    }
    Ok(TemplatePlugin {
        name: expected.to_string(),
        version: manifest.version.get_ref().trim().to_string(),
        description: manifest.description.clone(),
        schema,
        dir: dir.to_path_buf(),
        template,
        title,
        registry,
        each,
    })
}

/// Checks that `path`, links followed, is inside the plugin's folder `root` (canonical),
/// so a template plugin can read nothing else, not through a link. What it is (a file,
/// not a device, a pipe or a folder) and a file that is not there are left to the
/// reader ([`huibao_core::input`]) to report.
fn confine(root: &Path, path: &Path) -> Result<(), Failure> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let Ok(real) = path.canonicalize() else {
        return Ok(());
    };
    if !real.starts_with(root) {
        return Err(Failure {
            message: msg!(
                "tpl-file-outside",
                name = name.as_str(),
                path = path.display(),
                target = real.display()
            ),
            help: Some(msg!("tpl-file-outside-help", folder = root.display())),
        });
    }
    Ok(())
}

impl TemplatePlugin {
    /// Renders the template with `{config, context, plugin}` and parses the outline into an
    /// item; the item's title comes from `title` in plugin.toml or the outline's one
    /// top-level heading.
    pub(super) fn generate(&self, data: &Value) -> Result<Item, Diagnostic> {
        let mut out = Capped(Vec::new());
        self.each.start();
        self.registry
            .render_to_write("section", data, &mut out)
            .map_err(|e| render_error(&self.name, &self.template, &e))?;
        let text = String::from_utf8_lossy(&out.0);
        let mut item = huibao_core::parse_outline(&text);
        if item.text.is_none() && item.items.is_empty() {
            return Err(
                Diagnostic::error(msg!("tpl-wrote-nothing", name = self.name.as_str()))
                    .at(&self.template, 0..0)
                    .with_help(msg!("tpl-wrote-nothing-help")),
            );
        }
        match &self.title {
            Some(_) => {
                self.each.start();
                let title = self.registry.render("title", data).map_err(|e| {
                    Diagnostic::error(msg!(
                        "tpl-title-fill-failed",
                        name = self.name.as_str(),
                        reason = reason(&e)
                    ))
                })?;
                let title = title.trim();
                if title.is_empty() || title.contains('\n') {
                    return Err(Diagnostic::error(msg!(
                        "tpl-title-came-out",
                        name = self.name.as_str(),
                        how = if title.is_empty() { "empty" } else { "lines" }
                    )));
                }
                item.title = Some(Spanned::new(0..0, title.to_string()));
            }
            None if item.text.is_none()
                && item.items.len() == 1
                && item.items[0].title.is_some() =>
            {
                item = item.items.remove(0);
            }
            None => {
                let name = self.name.as_str();
                let (what, help) = match (item.text.is_some(), item.items.len()) {
                    (_, n) if n > 1 => (
                        msg!("tpl-many-titles", name = name, count = n),
                        msg!("tpl-many-titles-help"),
                    ),
                    (true, 0) => (msg!("tpl-no-title", name = name), msg!("tpl-no-title-help")),
                    (true, _) => (
                        msg!("tpl-text-before-title", name = name),
                        msg!("tpl-text-before-title-help"),
                    ),
                    _ => (
                        msg!("tpl-empty-title", name = name),
                        msg!("tpl-empty-title-help"),
                    ),
                };
                return Err(Diagnostic::error(what)
                    .at(&self.template, 0..0)
                    .with_help(help));
            }
        }
        Ok(item)
    }
}

/// The output of a template, refused past [`MAX_PLUGIN_REPLY_BYTES`]: loops over the
/// config may multiply, the text may not grow without bound.
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_PLUGIN_REPLY_BYTES {
            return Err(std::io::Error::other(t!(
                "tpl-output-too-long",
                max = MAX_PLUGIN_REPLY_BYTES >> 20
            )));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The handlebars registry of a template plugin: strict (a misspelt name is an error), no
/// HTML escaping (the output is plain text), and helpers for sums and numbers.
fn registry() -> Handlebars<'static> {
    let mut r = Handlebars::new();
    r.set_strict_mode(true);
    r.register_escape_fn(handlebars::no_escape);
    handlebars_helper!(count: |list: array| list.len());
    // At most two decimals, no trailing zeros: 12.3, 50, 0.85.
    handlebars_helper!(num: |x: f64| huibao_plugin_api::numbers::format_amount(x, 2));
    handlebars_helper!(cn: |n: u64| chinese(n));
    handlebars_helper!(join: |list: array, sep: str| {
        list.iter().map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())).collect::<Vec<_>>().join(sep)
    });
    handlebars_helper!(pluck: |list: array, key: str| {
        list.iter().filter_map(|v| v.get(key).cloned()).collect::<Vec<_>>()
    });
    r.register_helper("sum", Box::new(Checked(sum)));
    r.register_helper("count", Box::new(count));
    r.register_helper("num", Box::new(num));
    r.register_helper("percent", Box::new(Checked(percent)));
    r.register_helper("cn", Box::new(cn));
    r.register_helper("inc", Box::new(Checked(inc)));
    r.register_helper("runin", Box::new(Checked(runin)));
    r.register_helper("join", Box::new(join));
    r.register_helper("pluck", Box::new(pluck));
    r
}

/// A helper whose result is checked: an integer that would wrap or a number with no
/// printed form (inf, NaN) is an error naming the helper, never printed.
struct Checked(fn(&Helper<'_>) -> Result<Value, Message>);

impl HelperDef for Checked {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        (self.0)(h)
            .map(ScopedJson::Derived)
            .map_err(|why| refusal(msg!("tpl-helper-refused", helper = h.name(), reason = why)))
    }
}

/// Parameter `i` of a helper as a number.
fn param_f64(h: &Helper<'_>, i: usize) -> Result<f64, Message> {
    h.param(i)
        .and_then(|p| p.value().as_f64())
        .ok_or_else(|| msg!("tpl-param-number", number = i + 1))
}

/// Parameter `i` of a helper as a whole number from 0.
fn param_u64(h: &Helper<'_>, i: usize) -> Result<u64, Message> {
    h.param(i)
        .and_then(|p| p.value().as_u64())
        .ok_or_else(|| msg!("tpl-param-whole", number = i + 1))
}

/// `sum list "key"`: the sum of a key over a list.
fn sum(h: &Helper<'_>) -> Result<Value, Message> {
    let list = h
        .param(0)
        .and_then(|p| p.value().as_array())
        .ok_or_else(|| msg!("tpl-param-list"))?;
    let key = h
        .param(1)
        .and_then(|p| p.value().as_str())
        .ok_or_else(|| msg!("tpl-param-key"))?;
    let total: f64 = list
        .iter()
        .filter_map(|v| v.get(key).and_then(Value::as_f64))
        .sum();
    if !huibao_core::printable(total) {
        return Err(msg!("tpl-sum-too-large", key = key));
    }
    Ok(number(total))
}

/// `percent part whole`: "23.1%", "—" for a whole of 0.
fn percent(h: &Helper<'_>) -> Result<Value, Message> {
    let (part, whole) = (param_f64(h, 0)?, param_f64(h, 1)?);
    if whole == 0.0 {
        return Ok(Value::from("—"));
    }
    let ratio = part / whole;
    if !huibao_core::printable(ratio * 100.0) {
        return Err(msg!(
            "tpl-share-unprintable",
            part = part.to_string(),
            whole = whole.to_string()
        ));
    }
    Ok(Value::from(huibao_plugin_api::numbers::format_percent(
        ratio,
    )))
}

/// `inc n`: n + 1.
fn inc(h: &Helper<'_>) -> Result<Value, Message> {
    let n = param_u64(h, 0)?;
    n.checked_add(1)
        .map(Value::from)
        .ok_or_else(|| msg!("tpl-inc-overflow", number = n))
}

/// `runin @index`: "一是" for 0.
fn runin(h: &Helper<'_>) -> Result<Value, Message> {
    let n = param_u64(h, 0)?;
    n.checked_add(1)
        .map(|n| Value::from(format!("{}是", chinese(n))))
        .ok_or_else(|| msg!("tpl-inc-overflow", number = n))
}

/// A sum as JSON: whole numbers print without ".0".
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Value::from(x as i64)
    } else {
        Value::from(huibao_plugin_api::numbers::round_half_away(x, 2))
    }
}

fn chinese(n: u64) -> String {
    u32::try_from(n)
        .ok()
        .and_then(huibao_core::numbering::chinese_numeral)
        .unwrap_or_else(|| n.to_string())
}

fn template_error(plugin: &str, file: &SourceFile, e: &TemplateError) -> Diagnostic {
    let offset = e
        .pos()
        .map_or(0, |(l, c)| huibao_core::line_col_offset(&file.text, l, c));
    Diagnostic::error(msg!(
        "tpl-template-invalid",
        name = plugin,
        detail = e.reason().to_string()
    ))
    .at(file, offset..offset)
    .with_label(msg!("lint-here"))
    .with_help(msg!("tpl-template-invalid-help"))
}

fn render_error(plugin: &str, file: &SourceFile, e: &RenderError) -> Diagnostic {
    let offset = e
        .line_no
        .zip(e.column_no)
        .map_or(0, |(l, c)| huibao_core::line_col_offset(&file.text, l, c));
    Diagnostic::error(msg!("tpl-fill-failed", name = plugin, reason = reason(e)))
        .at(file, offset..offset)
        .with_label(msg!("lint-here"))
        .with_help(msg!("tpl-fill-failed-help"))
}

fn reason(e: &RenderError) -> Message {
    // A helper's own refusal (see `Checked`), or the loop budget's.
    if let Some(refused) = refused(e) {
        return refused;
    }
    match e.reason() {
        RenderErrorReason::MissingVariable(Some(name)) => {
            msg!("tpl-missing-name", name = name.as_str())
        }
        RenderErrorReason::HelperNotFound(name) => msg!("tpl-unknown-helper", name = name.as_str()),
        other => msg!("tpl-library-said", detail = other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plugin(
        manifest: &str,
        template: &str,
    ) -> (tempfile::TempDir, Result<TemplatePlugin, LoadError>) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("talent");
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("plugin.toml"), manifest).unwrap();
        std::fs::write(p.join("section.hbs"), template).unwrap();
        let loaded = load(&p, "talent");
        (dir, loaded)
    }

    const MANIFEST: &str = "name = \"talent\"\nversion = \"0.1.0\"\ntitle = \"强化人才支撑\"\n[schema]\ntype = \"object\"\n";

    #[test]
    fn renders_outline_with_helpers() {
        let (_d, p) = plugin(
            MANIFEST,
            "{{context.period.short_name}}，新引进各类人才{{sum config.teams \"people\"}}名，占{{percent 30 120}}。\n{{#each config.teams}}\n{{runin @index}}{{name}}。引进{{num people}}名。\n{{/each}}\n",
        );
        let Ok(p) = p else { panic!("loads") };
        let data = json!({
            "config": {"teams": [{"name": "引才聚才", "people": 12}, {"name": "育才留才", "people": 8.5}]},
            "context": {"period": {"short_name": "上半年"}},
        });
        let item = p.generate(&data).unwrap();
        assert_eq!(item.title.as_ref().unwrap().get_ref(), "强化人才支撑");
        assert_eq!(
            item.text.as_ref().unwrap().get_ref(),
            "上半年，新引进各类人才20.5名，占25.0%。"
        );
        assert_eq!(
            item.numbering,
            Some(huibao_core::style::NumberingMode::RunIn)
        );
        assert_eq!(item.items[1].title.as_ref().unwrap().get_ref(), "育才留才");
        assert_eq!(
            item.items[1].text.as_ref().unwrap().get_ref(),
            "引进8.5名。"
        );
    }

    #[test]
    fn title_from_the_only_heading() {
        let (_d, p) = plugin(
            "name = \"talent\"\nversion = \"1\"\n",
            "一、强化人才支撑\n（一）引才\n新引进人才12名。\n",
        );
        let Ok(p) = p else { panic!("loads") };
        let item = p.generate(&json!({})).unwrap();
        assert_eq!(item.title.as_ref().unwrap().get_ref(), "强化人才支撑");
        assert_eq!(item.items.len(), 1);
    }

    #[test]
    fn recursive_and_deeply_nested_templates_are_refused_at_load() {
        let d = load_error(
            MANIFEST,
            "一、人才\n{{#*inline \"r\"}}{{> r}}{{/inline}}{{> r}}\n",
        );
        assert!(
            d.message.to_string().contains("inline partials"),
            "{}",
            d.message
        );
        assert_eq!(d.line_column(), Some((2, 1)));
        let deep = format!(
            "一、人才\n{{{{num {}1{}}}}}\n",
            "(num ".repeat(5_000),
            ")".repeat(5_000)
        );
        let d = load_error(MANIFEST, &deep);
        assert!(
            d.message.to_string().contains("nest deeper"),
            "{}",
            d.message
        );
        assert_eq!(d.line_column().map(|(l, _)| l), Some(2));
    }

    #[test]
    fn a_section_that_grows_past_the_limit_stops() {
        // Four nested loops over 40 entries: 2.5 million lines.
        let (_d, p) = plugin(
            MANIFEST,
            "{{#each config.a}}{{#each ../config.a}}{{#each ../../config.a}}{{#each ../../../config.a}}（一）很长的一行文字。\n{{/each}}{{/each}}{{/each}}{{/each}}",
        );
        let Ok(p) = p else { panic!("loads") };
        let d = p
            .generate(&json!({"config": {"a": vec![1; 40]}}))
            .unwrap_err();
        assert!(d.message.to_string().contains("MiB"), "{}", d.message);
    }

    #[test]
    fn a_section_without_one_title_is_told_what_it_wrote() {
        let manifest = "name = \"talent\"\nversion = \"1\"\n";
        let message = |template: &str| {
            let (_d, p) = plugin(manifest, template);
            let Ok(p) = p else { panic!("loads") };
            p.generate(&json!({})).unwrap_err().message.to_string()
        };
        assert_eq!(
            message("一、强化人才支撑\n新引进人才12名。\n二、优化人才服务\n"),
            "template plugin `talent` wrote 2 top-level heading lines, but a section has one title"
        );
        assert_eq!(
            message("新引进人才12名。\n"),
            "template plugin `talent` wrote text but no heading line to be its title"
        );
        assert_eq!(
            message("新引进人才12名。\n一、强化人才支撑\n"),
            "template plugin `talent` wrote text before its heading line"
        );
    }

    #[test]
    fn helpers_never_wrap_or_print_infinity() {
        let (_d, p) = plugin(MANIFEST, "{{inc config.n}}\n");
        let Ok(p) = p else { panic!("loads") };
        let d = p.generate(&json!({"config": {"n": u64::MAX}})).unwrap_err();
        assert!(
            d.message.to_string().contains("cannot be printed"),
            "{}",
            d.message
        );
        assert_eq!(
            p.generate(&json!({"config": {"n": 41}}))
                .unwrap()
                .items
                .len(),
            0,
            "41 → 42 is text"
        );
        for (template, data) in [
            ("{{runin config.n}}\n", json!({"config": {"n": u64::MAX}})),
            ("{{percent 1 config.n}}\n", json!({"config": {"n": 1e-320}})),
            (
                "{{sum config.list \"x\"}}\n",
                json!({"config": {"list": [{"x": 1e308}, {"x": 1e308}]}}),
            ),
        ] {
            let (_d, p) = plugin(MANIFEST, template);
            let Ok(p) = p else { panic!("loads") };
            let d = p.generate(&data).unwrap_err();
            assert!(
                d.message.to_string().contains("cannot be printed"),
                "{template}: {}",
                d.message
            );
        }
    }

    fn load_error(manifest: &str, template: &str) -> Diagnostic {
        match plugin(manifest, template).1 {
            Err(LoadError::At(d)) => d,
            Err(LoadError::Plain(f)) => panic!("plain: {}", f.message),
            Ok(_) => panic!("loaded"),
        }
    }

    #[test]
    fn template_syntax_errors_point_into_the_template() {
        let d = load_error(MANIFEST, "第一行\n{{#each config.teams}}\n{{name}}\n");
        assert!(
            d.message
                .to_string()
                .starts_with("template plugin `talent`: its template is not valid"),
            "{}",
            d.message
        );
        assert!(
            d.location().unwrap().contains("section.hbs:"),
            "{:?}",
            d.location()
        );
    }

    #[test]
    fn manifest_errors() {
        let d = load_error("name = \"other\"\nversion = \"1\"\n", "x");
        assert!(
            d.message
                .to_string()
                .contains("plugin.toml names it `other`"),
            "{}",
            d.message
        );
        assert!(
            d.location().unwrap().ends_with("plugin.toml:1:8"),
            "{:?}",
            d.location()
        );
        let d = load_error("name = \"talent\"\nversion = \"1\"\nabi = 2\n", "x");
        assert!(
            d.message.to_string().contains("template plugin format 2"),
            "{}",
            d.message
        );
        let d = load_error(
            "name = \"talent\"\nversion = \"1\"\n[schema]\npattern = \"x\"\n",
            "x",
        );
        assert!(
            d.message.to_string().contains("keyword `pattern`"),
            "{}",
            d.message
        );
        let d = load_error("name = \"talent\"\nversoin = \"1\"\n", "x");
        assert!(
            d.message.to_string().contains("unknown key `versoin`"),
            "{}",
            d.message
        );
        let d = load_error(
            "name = \"talent\"\nversion = \"1\"\ntemplate = \"../x.hbs\"\n",
            "x",
        );
        assert!(
            d.message
                .to_string()
                .contains("outside the plugin's folder"),
            "{}",
            d.message
        );
    }

    #[test]
    fn render_errors_name_the_missing_value() {
        let (_d, p) = plugin(MANIFEST, "人才{{config.missing}}名。\n");
        let Ok(p) = p else { panic!("loads") };
        let d = p.generate(&json!({"config": {}})).unwrap_err();
        assert!(
            d.message
                .to_string()
                .contains("failed to fill in its template"),
            "{}",
            d.message
        );
        assert!(
            d.message.to_string().contains("config.missing"),
            "{}",
            d.message
        );
        assert!(
            d.location().unwrap().ends_with("section.hbs:1:3"),
            "{:?}",
            d.location()
        );
    }

    #[cfg(unix)]
    #[test]
    fn files_are_confined_to_the_plugins_folder() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("hostname");
        std::fs::write(&secret, "机密主机名\n").unwrap();
        // The template, then plugin.toml, as links to a file outside the folder.
        for linked in ["section.hbs", "plugin.toml"] {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("talent");
            std::fs::create_dir(&p).unwrap();
            std::fs::write(p.join("plugin.toml"), MANIFEST).unwrap();
            std::fs::write(p.join("section.hbs"), "人才工作。\n").unwrap();
            std::fs::remove_file(p.join(linked)).unwrap();
            symlink(&secret, p.join(linked)).unwrap();
            let message = match load(&p, "talent") {
                Err(LoadError::At(d)) => {
                    assert!(!d.file.iter().any(|f| f.text.contains("机密")), "{d:?}");
                    d.message
                }
                Err(LoadError::Plain(f)) => f.message,
                Ok(_) => panic!("{linked}: a link out of the folder was followed"),
            };
            assert!(
                message.to_string().contains("outside the plugin's folder"),
                "{message}"
            );
            assert!(message.to_string().contains(linked), "{message}");
            assert!(!message.to_string().contains("机密"), "{message}");
        }
        // A link that stays inside the folder is fine, and so is a linked folder.
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("plugin.toml"), MANIFEST).unwrap();
        std::fs::write(real.join("正文.hbs"), "人才工作。\n").unwrap();
        symlink(real.join("正文.hbs"), real.join("section.hbs")).unwrap();
        symlink(&real, dir.path().join("talent")).unwrap();
        assert!(load(&dir.path().join("talent"), "talent").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_template_that_is_not_a_file_is_refused() {
        let (_d, _) = plugin(MANIFEST, "x");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("talent");
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("plugin.toml"), MANIFEST).unwrap();
        std::os::unix::fs::symlink("/dev/zero", p.join("section.hbs")).unwrap();
        assert!(load(&p, "talent").is_err());
    }
}
