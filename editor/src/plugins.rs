//! What `GET /api/plugins` tells the page: the plugins a report can name in
//! `[[sections]]`, found where the plugin host looks for them (as `huibao plugins list`
//! finds them), each with its title, description and the JSON schema of its `config`, from
//! which the page draws the section's form. A plugin that cannot be loaded is listed with
//! the host's message, not left out.

use huibao_host::{Candidate, Plugin, SearchPath};
use huibao_pipeline::{Session, SourceFile};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// `{plugins: [{name, kind, version, title, description, schema, schema_text, path, error,
/// help}], searched: [{path, origin}]}` (`schema_text`: the schema as written, whose
/// properties the page shows in their order) for the report `text` at `path`: its `[plugins] paths` are
/// searched too when it loads.
pub fn available(session: &Session, path: Option<&Path>, text: &str) -> Value {
    let loaded = path.and_then(|p| {
        huibao_core::load_source(SourceFile::new(p.to_path_buf(), text.to_string())).ok()
    });
    let search = session.plugin_search_path(loaded.as_ref());
    json!({
        "plugins": listed(&search),
        "searched": search
            .dirs()
            .iter()
            .map(|(dir, origin)| json!({ "path": dir.display().to_string(), "origin": origin.describe() }))
            .collect::<Vec<_>>(),
    })
}

/// Every plugin name on the search path once: the first found, the one a report gets.
fn listed(search: &SearchPath) -> Vec<Value> {
    let mut seen = BTreeSet::new();
    search
        .candidates()
        .into_iter()
        .filter(|c| seen.insert(c.name.clone()))
        .map(|c| entry(&c))
        .collect()
}

/// One plugin as the page shows it: loaded and checked, or the reason it cannot be.
fn entry(found: &Candidate) -> Value {
    let path = found.path.display().to_string();
    match Plugin::load(found) {
        Ok(plugin) => {
            let info = plugin.info();
            let schema = plugin.schema();
            let text = |key: &str| schema[key].as_str().map(str::to_string);
            json!({
                "name": info.name,
                "kind": info.kind.as_str(),
                "version": info.version,
                "title": text("title"),
                "description": info.description.clone().or_else(|| text("description")),
                "schema": schema,
                "schema_text": plugin.schema_text(),
                "path": path,
                "error": null,
                "help": null,
            })
        }
        Err(d) => json!({
            "name": found.name,
            "kind": found.kind.as_str(),
            "version": null,
            "title": null,
            "description": null,
            "schema": null,
            "schema_text": null,
            "path": path,
            "error": d.message.to_string(),
            "help": d.help.as_ref().map(ToString::to_string),
        }),
    }
}
