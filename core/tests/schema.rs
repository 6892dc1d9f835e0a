//! The JSON schema (for editors) lists exactly the keys the loader accepts.

use huibao_core::{load_source, SourceFile};
use serde_json::Value;

const BASE: &str =
    "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n";

/// The keys the loader accepts where `PROBE` stands in `text`, read from the
/// unknown-key diagnostic's list.
fn accepted_keys(text: &str) -> Vec<String> {
    let err = load_source(SourceFile::new(
        "probe.toml",
        text.replace("PROBE", "zzz_probe = 1"),
    ))
    .unwrap_err();
    let help = err.0[0].help.clone().unwrap_or_default();
    let list = help.rsplit(": ").next().unwrap_or_default();
    let mut keys: Vec<String> = list.split(", ").map(str::to_string).collect();
    keys.sort();
    keys
}

fn schema_keys(schema: &Value, pointer: &str) -> Vec<String> {
    let mut node = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{pointer} missing"));
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        node = schema.pointer(r.trim_start_matches('#')).unwrap();
    }
    assert_eq!(
        node["additionalProperties"],
        Value::Bool(false),
        "{pointer} must reject unknown keys"
    );
    let mut keys: Vec<String> = node["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn schema_matches_the_model() {
    let schema: Value = serde_json::from_str(huibao_core::schema::REPORT_SCHEMA).unwrap();
    let cases = [
        (format!("PROBE\n{BASE}"), ""),
        (BASE.replace("[report]\n", "[report]\nPROBE\n"), "/properties/report"),
        (format!("{BASE}[summary]\ntext = \"x\"\nPROBE\n"), "/properties/summary"),
        (format!("{BASE}[[indicators]]\nname = \"a\"\nvalue = 1\nunit = \"个\"\nPROBE\n"), "/properties/indicators/items"),
        (format!("{BASE}[[achievements]]\ntitle = \"a\"\nPROBE\n"), "/definitions/item"),
        (format!("{BASE}[[achievements]]\ntitle = \"a\"\n[achievements.table]\ncolumns = [\"a\"]\nPROBE\n"), "/definitions/table"),
        (format!("{BASE}[[sections]]\nplugin = \"fund\"\nPROBE\n"), "/properties/sections/items"),
        (format!("{BASE}[[attachments]]\ntitle = \"a\"\ntext = \"b\"\nPROBE\n"), "/properties/attachments/items"),
        (format!("{BASE}[parts]\nPROBE\n"), "/properties/parts"),
        (format!("{BASE}[parts.plan]\nPROBE\n"), "/definitions/part"),
        (format!("{BASE}[style]\nPROBE\n"), "/properties/style"),
        (format!("{BASE}[style.fonts.body]\nPROBE\n"), "/definitions/font"),
        (format!("{BASE}[plugins]\nPROBE\n"), "/properties/plugins"),
        (format!("{BASE}[end_matter]\nPROBE\n"), "/properties/end_matter"),
    ];
    for (text, pointer) in cases {
        assert_eq!(
            accepted_keys(&text),
            schema_keys(&schema, pointer),
            "schema at {pointer:?} disagrees with the loader"
        );
    }
}
