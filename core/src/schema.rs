//! The JSON schema of the report format, derived from the [model](crate::model), for
//! editors (Even Better TOML in VS Code) and `huibao schema`.
//!
//! It is JSON Schema draft 07, which Even Better TOML reads: completion and descriptions
//! come from the model's doc comments; unknown keys, wrong types and the loader's simple
//! checks (period and colour patterns, font sizes, a target above zero) are marked while
//! typing. Checks that need the whole report (units, duplicate names, row lengths) stay
//! with `huibao check`.

use crate::model::{FontOverride, Report};
use crate::style::FontRole;
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

/// The periods `Period::parse` accepts: 2022, 2022-H1, 2022-Q3, 2022-01..2022-09.
pub(crate) const PERIOD_PATTERN: &str =
    r"^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2]))?$";

/// The report schema as a JSON value.
pub fn report_schema() -> Value {
    let mut settings = SchemaSettings::draft07();
    // Before draft 07's own rewrites, which move a `$ref` with siblings into `allOf`.
    settings.transforms.insert(0, Box::new(without_null));
    let generator = SchemaGenerator::new(settings);
    generator.into_root_schema_for::<Report>().to_value()
}

/// The report schema as pretty-printed JSON text.
pub fn report_schema_text() -> String {
    serde_json::to_string_pretty(&report_schema()).expect("a JSON value always prints")
}

/// TOML has no null: an optional key is simply left out, so the schema offers no `null`
/// (as a type, an alternative or a default).
fn without_null(schema: &mut Schema) {
    if let Some(map) = schema.as_object_mut() {
        map.values_mut().for_each(drop_null);
        drop_null_here(map);
    }
}

fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(drop_null);
            drop_null_here(map);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// Removes `null` from one schema object: from `type` lists, from `anyOf`/`oneOf`
/// alternatives (a single one left is merged in), and a `null` default.
fn drop_null_here(map: &mut serde_json::Map<String, Value>) {
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if let [single] = types.as_slice() {
            let single = single.clone();
            map.insert("type".into(), single);
        }
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(alternatives)) = map.get_mut(key) else {
            continue;
        };
        alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
        if let [Value::Object(single)] = alternatives.as_slice() {
            let single = single.clone();
            map.remove(key);
            for (k, v) in single {
                map.entry(k).or_insert(v);
            }
        }
    }
    if map.get("default") == Some(&Value::Null) {
        map.remove("default");
    }
}

/// A TOML local date (2022-07-08), which editors see as a string in date format.
pub(crate) struct TomlDate;

impl JsonSchema for TomlDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TomlDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}

/// `[style.fonts]`: one optional table per font role, no other keys.
pub(crate) fn font_roles(generator: &mut SchemaGenerator) -> Schema {
    let font = generator.subschema_for::<FontOverride>();
    let properties: serde_json::Map<String, Value> = FontRole::ALL
        .iter()
        .map(|role| (role.key().to_string(), font.clone().to_value()))
        .collect();
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}
