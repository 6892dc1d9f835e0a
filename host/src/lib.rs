//! The plugin host: finds, checks and runs section plugins, native and template.
//!
//! [`expand`] works in three passes so that nothing is generated from a half-checked
//! report: it loads every plugin the report names (checking symbols and ABI versions),
//! checks every section's config against its plugin's schema (errors point at the report's
//! line:column), and only then generates the sections, turning plugin errors, panics and
//! malformed responses into diagnostics that name the plugin.

mod context;
mod convert;
mod isolate;
#[cfg(windows)]
mod job;
mod native;
mod schema;
mod search;
mod spans;
mod template;

pub use convert::MAX_DEPTH;
pub use isolate::{
    isolate_native_plugins, serve as serve_plugin_host, stop_plugin_processes,
    stop_plugin_processes_for_exit, HOST_COMMAND, MARKER_VAR, TIMEOUT_VAR,
};
pub use schema::{check_schema, display_path, validate, Step, Violation};
pub use search::{
    native_file_name, user_dir, valid_name, Candidate, Kind, Origin, SearchPath, ENV_VAR,
};
pub use template::TEMPLATE_ABI;

use huibao_core::model::{Item, Placement, SectionRef};
use huibao_core::GeneratedSection;
use huibao_core::Loaded;
use huibao_core::Resolved;
use huibao_core::{Diagnostic, Diagnostics};
use huibao_i18n::{msg, Message};
use huibao_plugin_api as api;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

/// A failure without a place; the caller names the plugin and places it.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    /// What happened, said of the plugin ("cannot be loaded from …" follows "plugin `x` ").
    pub message: Message,
    pub help: Option<Message>,
}

/// What is known about a loaded plugin (what `huibao plugins list` shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginInfo {
    /// The name reports use: `plugin = "fund"`.
    pub name: String,
    /// Native or template.
    pub kind: Kind,
    /// The plugin's own version.
    pub version: String,
    /// The ABI it was built for: "1.0" (native) or "1" (template format).
    pub abi: String,
    /// The library or the template plugin's folder.
    pub path: PathBuf,
    /// Which plugin directory it was found in.
    pub origin: Origin,
    /// What it writes about (template plugins may say).
    pub description: Option<String>,
}

/// A loaded, checked plugin, ready to generate sections.
pub struct Plugin {
    info: PluginInfo,
    schema: Value,
    imp: Imp,
}

enum Imp {
    Native(&'static native::Native),
    Template(Box<template::TemplatePlugin>),
}

impl Plugin {
    /// Loads a plugin found on the search path and checks it: the symbol and ABI version
    /// (native) or plugin.toml and the template (template), its name and its schema.
    pub fn load(found: &Candidate) -> Result<Plugin, Diagnostic> {
        let name = &found.name;
        match found.kind {
            Kind::Native => {
                let n = native::load(&found.path).map_err(|f| failure(name, f))?;
                if n.name != *name {
                    return Err(Diagnostic::error(msg!(
                        "plugin-name-differs",
                        name = name,
                        path = n.path.display(),
                        own = n.name.as_str()
                    ))
                    .with_help(msg!(
                        "plugin-name-differs-help",
                        name = name,
                        file = native_file_name(&n.name)
                    )));
                }
                let schema: Value = serde_json::from_str(&n.schema).map_err(|e| {
                    Diagnostic::error(msg!(
                        "plugin-schema-not-json",
                        name = name,
                        detail = e.to_string()
                    ))
                    .with_help(msg!("plugin-bug-at", path = n.path.display()))
                })?;
                check_schema(&schema).map_err(|e| bad_schema(name, e))?;
                Ok(Plugin {
                    info: PluginInfo {
                        name: name.clone(),
                        kind: Kind::Native,
                        version: n.version.clone(),
                        abi: format!("{}.{}", n.abi.0, n.abi.1),
                        path: n.path.clone(),
                        origin: found.origin,
                        description: None,
                    },
                    schema,
                    imp: Imp::Native(n),
                })
            }
            Kind::Template => {
                let t = template::load(&found.path, name).map_err(|e| match e {
                    template::LoadError::Plain(f) => failure(name, f)
                        .with_help(msg!("plugin-template-in", path = found.path.display())),
                    template::LoadError::At(d) => d,
                })?;
                Ok(Plugin {
                    info: PluginInfo {
                        name: name.clone(),
                        kind: Kind::Template,
                        version: t.version.clone(),
                        abi: TEMPLATE_ABI.to_string(),
                        path: t.dir.clone(),
                        origin: found.origin,
                        description: t.description.clone(),
                    },
                    schema: t.schema.clone(),
                    imp: Imp::Template(Box::new(t)),
                })
            }
        }
    }

    /// Name, kind, version, ABI and path.
    pub fn info(&self) -> &PluginInfo {
        &self.info
    }

    /// The JSON schema the plugin's config must meet.
    pub fn schema(&self) -> &Value {
        &self.schema
    }

    /// The schema as its author wrote it, properties in their order: a native plugin's
    /// JSON text; a template plugin's `[schema]`, whose order TOML does not keep here,
    /// written out as JSON.
    pub fn schema_text(&self) -> String {
        match &self.imp {
            Imp::Native(n) => n.schema.clone(),
            Imp::Template(_) => self.schema.to_string(),
        }
    }

    /// Generates one section; `span` (the report's `plugin = …`) is given to every span of
    /// the resulting item.
    pub fn generate(
        &self,
        request: &api::Request,
        span: &Range<usize>,
    ) -> Result<Item, Diagnostic> {
        let name = &self.info.name;
        match &self.imp {
            Imp::Native(n) => {
                let bytes = serde_json::to_vec(request).map_err(|e| {
                    Diagnostic::error(msg!(
                        "plugin-request-unwritable",
                        name = name,
                        detail = e.to_string()
                    ))
                })?;
                let bug = |help: Message| {
                    help.arg("path", n.path.display())
                        .arg("version", n.version.as_str())
                };
                let (status, body) = n.call(&bytes).map_err(|e| match e {
                    native::CallError::Malformed(e) => Diagnostic::error(msg!(
                        "plugin-malformed-response",
                        name = name,
                        detail = e.to_string()
                    ))
                    .with_help(bug(msg!("plugin-bug"))),
                    native::CallError::Failed(e) => {
                        Diagnostic::error(msg!("plugin-failed", name = name, detail = e))
                            .with_help(bug(msg!("plugin-bug-isolated")))
                    }
                })?;
                match status {
                    api::abi::status::OK => {
                        let section: api::Section = serde_json::from_slice(&body).map_err(|e| {
                            Diagnostic::error(msg!(
                                "plugin-malformed-response",
                                name = name,
                                detail = e.to_string()
                            ))
                            .with_help(bug(msg!("plugin-bug-section-json")))
                        })?;
                        convert::section_to_item(&section, span).map_err(|e| {
                            Diagnostic::error(msg!(
                                "plugin-section-unusable",
                                name = name,
                                detail = e
                            ))
                            .with_help(bug(msg!("plugin-bug")))
                        })
                    }
                    api::abi::status::ERROR => Err(Diagnostic::error(msg!(
                        "plugin-reported-error",
                        name = name,
                        detail = String::from_utf8_lossy(&body).trim()
                    ))
                    .with_help(msg!("plugin-reported-error-help"))),
                    api::abi::status::PANIC => Err(Diagnostic::error(msg!(
                        "plugin-panicked",
                        name = name,
                        detail = String::from_utf8_lossy(&body).trim()
                    ))
                    .with_help(bug(msg!("plugin-bug-panic")))),
                    other => Err(Diagnostic::error(msg!(
                        "plugin-unknown-status",
                        name = name,
                        status = other.to_string()
                    ))
                    .with_help(bug(msg!("plugin-bug-abi")))),
                }
            }
            Imp::Template(t) => {
                let data = json!({
                    "config": request.config,
                    "context": request.context,
                    "plugin": { "name": name, "version": self.info.version },
                });
                let mut item = t.generate(&data)?;
                convert::check_outline(&mut item, span, 0).map_err(|e| {
                    Diagnostic::error(msg!("plugin-template-outline", name = name, detail = e))
                        .with_help(msg!("plugin-template-outline-help"))
                })?;
                Ok(item)
            }
        }
    }
}

fn failure(name: &str, f: Failure) -> Diagnostic {
    let d = Diagnostic::error(msg!("plugin-failed", name = name, detail = f.message));
    match f.help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

fn bad_schema(name: &str, e: Message) -> Diagnostic {
    Diagnostic::error(msg!("plugin-schema-unusable", name = name, detail = e))
        .with_help(msg!("plugin-schema-unusable-help"))
}

/// Every plugin on the search path, each with what loading it says.
pub fn list(search: &SearchPath) -> Vec<(Candidate, Result<PluginInfo, Diagnostic>)> {
    search
        .candidates()
        .into_iter()
        .map(|c| {
            let info = Plugin::load(&c).map(|p| p.info);
            (c, info)
        })
        .collect()
}

/// Generates the sections a report asks plugins for, in the report's order; each plugin
/// reads the report's facts from `resolved`.
pub fn expand(
    loaded: &Loaded,
    resolved: &Resolved,
    search: &SearchPath,
) -> Result<Vec<GeneratedSection>, Diagnostics> {
    let sections = &loaded.report.sections;
    if sections.is_empty() {
        return Ok(Vec::new());
    }
    let plugins = load_all(loaded, search)?;
    let checked = check_configs(loaded, &plugins)?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (section, plugin, config) in checked {
        let place = match section.place {
            Placement::Achievements => "achievements",
            Placement::Part => "part",
            Placement::Plan => "plan",
        };
        let request = api::Request {
            plugin: plugin.info.name.clone(),
            config,
            context: context::context(loaded, resolved, place),
        };
        let span = section.plugin.span();
        match plugin.generate(&request, &span) {
            Ok(item) => out.push(GeneratedSection {
                place: section.place,
                item,
            }),
            Err(d) => errors.push(place_at(d, loaded, span)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Pass 1: every plugin the report names, loaded and checked.
fn load_all(loaded: &Loaded, search: &SearchPath) -> Result<BTreeMap<String, Plugin>, Diagnostics> {
    let mut plugins = BTreeMap::new();
    let mut errors = Vec::new();
    let mut failed = Vec::new();
    for section in &loaded.report.sections {
        let name = section.plugin.get_ref();
        let span = section.plugin.span();
        if plugins.contains_key(name) || failed.contains(name) {
            continue;
        }
        failed.push(name.clone());
        if !valid_name(name) {
            errors.push(
                Diagnostic::error(msg!("plugin-invalid-name", name = name.as_str()))
                    .at(&loaded.file, span)
                    .with_label(msg!("plugin-invalid-name-label"))
                    .with_help(msg!("plugin-invalid-name-help")),
            );
            continue;
        }
        let Some(found) = search.find(name) else {
            errors.push(not_found(loaded, search, name, span));
            continue;
        };
        match Plugin::load(&found) {
            Ok(p) => {
                failed.pop();
                plugins.insert(name.clone(), p);
            }
            Err(d) => errors.push(place_at(d, loaded, span)),
        }
    }
    if errors.is_empty() {
        Ok(plugins)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Pass 2: each section's config as JSON, checked against its plugin's schema.
fn check_configs<'a>(
    loaded: &'a Loaded,
    plugins: &'a BTreeMap<String, Plugin>,
) -> Result<Vec<(&'a SectionRef, &'a Plugin, Value)>, Diagnostics> {
    let mut configs = Vec::new();
    let mut errors = Vec::new();
    for (index, section) in loaded.report.sections.iter().enumerate() {
        // Pass 1 loaded every plugin the sections name, or failed.
        let Some(plugin) = plugins.get(section.plugin.get_ref()) else {
            continue;
        };
        match config_of(loaded, index, section, plugin) {
            Ok(c) => configs.push((section, plugin, c)),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(configs)
    } else {
        Err(Diagnostics(errors))
    }
}

fn config_of(
    loaded: &Loaded,
    index: usize,
    section: &SectionRef,
    plugin: &Plugin,
) -> Result<Value, Vec<Diagnostic>> {
    let name = &plugin.info.name;
    let file = &loaded.file;
    let whole = section
        .config
        .as_ref()
        .map_or_else(|| section.plugin.span(), |c| c.span());
    let config = match &section.config {
        None => json!({}),
        Some(c) => {
            if !c.get_ref().is_table() {
                return Err(vec![Diagnostic::error(msg!(
                    "plugin-config-not-table",
                    name = name.as_str(),
                    found = c.get_ref().type_str()
                ))
                .at(file, c.span())
                .with_help(msg!("plugin-config-not-table-help"))]);
            }
            context::toml_to_json(c.get_ref(), &mut Vec::new()).map_err(|path| {
                let span =
                    spans::config_span(&file.text, index, &path, false).unwrap_or(whole.clone());
                vec![Diagnostic::error(msg!(
                    "plugin-config-not-finite",
                    name = name.as_str(),
                    key = display_path(&path)
                ))
                .at(file, span)
                .with_help(msg!("plugin-config-not-finite-help"))]
            })?
        }
    };
    let violations = validate(&plugin.schema, &config);
    if violations.is_empty() {
        return Ok(config);
    }
    let mut placed: Vec<(std::ops::Range<usize>, Violation)> = violations
        .into_iter()
        .map(|v| {
            let span =
                spans::config_span(&file.text, index, &v.path, v.on_key).unwrap_or(whole.clone());
            (span, v)
        })
        .collect();
    // In the order they are written.
    placed.sort_by_key(|(span, _)| span.start);
    Err(placed
        .into_iter()
        .map(|(span, v)| {
            let d = Diagnostic::error(msg!(
                "plugin-config-violation",
                name = name.as_str(),
                detail = v.message
            ))
            .at(file, span)
            .with_label(if v.on_key {
                msg!("load-unknown-key-label")
            } else {
                msg!("plugin-config-violation-label")
            });
            match v.help {
                Some(h) => d.with_help(h),
                None => d,
            }
        })
        .collect())
}

/// Gives a diagnostic the report's place, unless it already points into a plugin's files.
fn place_at(d: Diagnostic, loaded: &Loaded, span: Range<usize>) -> Diagnostic {
    if d.file.is_some() {
        d
    } else {
        d.at(&loaded.file, span)
            .with_label(msg!("plugin-this-section"))
    }
}

fn not_found(loaded: &Loaded, search: &SearchPath, name: &str, span: Range<usize>) -> Diagnostic {
    let d = Diagnostic::error(msg!("plugin-not-found", name = name))
        .at(&loaded.file, span)
        .with_label(msg!("plugin-not-found-label"));
    if search.dirs().is_empty() {
        return d.with_help(msg!("plugin-no-folders"));
    }
    let dirs: Vec<String> = search
        .dirs()
        .iter()
        .map(|(d, o)| huibao_i18n::t!("plugin-folder", path = d.display(), origin = o.describe()))
        .collect();
    let known: Vec<String> = search.candidates().into_iter().map(|c| c.name).collect();
    let file = native_file_name(name);
    d.with_help(
        match huibao_core::closest(name, known.iter().map(String::as_str)) {
            Some(best) => msg!(
                "plugin-looked-suggest",
                suggestion = best,
                file = file,
                name = name,
                folders = dirs
            ),
            None => msg!("plugin-looked", file = file, name = name, folders = dirs),
        },
    )
}

#[cfg(test)]
mod tests;
