//! A small JSON Schema validator for the subset plugin configs use.
//!
//! Checked: `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
//! `const`, `minimum`/`maximum` (and their `exclusive` forms), `minLength`/`maxLength`,
//! `minItems`/`maxItems`. Annotations (`title`, `description`, `default`, `examples`,
//! `$schema`, `$id`, `$comment`, `format` …) are read and ignored. Any other keyword is
//! refused when the plugin is loaded, so a schema never silently checks less than it says.

use huibao_i18n::{msg, Message};
use serde_json::{Map, Value};

/// The keywords that constrain a value.
const CHECKED: [&str; 15] = [
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
];

/// Keywords that only document.
const ANNOTATIONS: [&str; 11] = [
    "title",
    "description",
    "default",
    "examples",
    "$schema",
    "$id",
    "$comment",
    "format",
    "deprecated",
    "readOnly",
    "writeOnly",
];

const TYPES: [&str; 7] = [
    "string", "number", "integer", "boolean", "array", "object", "null",
];

/// A step of the path to a value inside the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of a table.
    Key(String),
    /// An index of an array.
    Index(usize),
}

/// A path as the report's author reads it: `config.funds[1].size`.
pub fn display_path(path: &[Step]) -> String {
    let mut s = String::from("config");
    for step in path {
        match step {
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// One way a config breaks its schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where: the offending value, or the table missing a key.
    pub path: Vec<Step>,
    /// What is wrong, one sentence.
    pub message: Message,
    /// How to fix it.
    pub help: Option<Message>,
    /// Point at the key rather than its value (for unknown keys).
    pub on_key: bool,
}

/// Checks that a schema only uses keywords this validator understands, each of the right
/// shape; the error names the keyword and where it is (a JSON pointer).
pub fn check_schema(schema: &Value) -> Result<(), Message> {
    check_schema_at(schema, "")
}

fn check_schema_at(schema: &Value, at: &str) -> Result<(), Message> {
    let obj = match schema {
        Value::Bool(_) => return Ok(()),
        Value::Object(o) => o,
        _ => return Err(msg!("schema-not-object", at = pointer(at))),
    };
    for (key, v) in obj {
        let here = format!("{at}/{key}");
        let bad = |what: Message| {
            Err(msg!(
                "schema-keyword-shape",
                keyword = key.as_str(),
                at = pointer(at),
                what = what
            ))
        };
        match key.as_str() {
            "type" => {
                let ok = |t: &Value| t.as_str().is_some_and(|t| TYPES.contains(&t));
                let valid = match v {
                    Value::Array(ts) => !ts.is_empty() && ts.iter().all(ok),
                    t => ok(t),
                };
                if !valid {
                    return bad(msg!("schema-want-types", types = TYPES.to_vec()));
                }
            }
            "properties" => {
                let Some(props) = v.as_object() else {
                    return bad(msg!("schema-want-properties"));
                };
                for (name, s) in props {
                    check_schema_at(s, &format!("{here}/{name}"))?;
                }
            }
            "required" => {
                if !v.as_array().is_some_and(|r| r.iter().all(Value::is_string)) {
                    return bad(msg!("schema-want-key-names"));
                }
            }
            "additionalProperties" | "items" => {
                if v.is_array() {
                    return bad(msg!("schema-want-one-schema"));
                }
                check_schema_at(v, &here)?;
            }
            "enum" => {
                if !matches!(v.as_array(), Some(e) if !e.is_empty()) {
                    return bad(msg!("schema-want-non-empty-list"));
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
                if !v.is_number() {
                    return bad(msg!("schema-want-number"));
                }
            }
            "minLength" | "maxLength" | "minItems" | "maxItems" => {
                if v.as_u64().is_none() {
                    return bad(msg!("schema-want-count"));
                }
            }
            "const" => {}
            k if ANNOTATIONS.contains(&k) => {}
            k => {
                return Err(msg!(
                    "schema-keyword-unsupported",
                    keyword = k,
                    at = pointer(at),
                    checked = CHECKED.to_vec()
                ))
            }
        }
    }
    Ok(())
}

fn pointer(at: &str) -> &str {
    if at.is_empty() {
        "/"
    } else {
        at
    }
}

/// Every way `value` breaks `schema` (which passed [`check_schema`]).
pub fn validate(schema: &Value, value: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check(schema, value, &mut Vec::new(), &mut out);
    out
}

fn check(schema: &Value, value: &Value, path: &mut Vec<Step>, out: &mut Vec<Violation>) {
    let s = match schema {
        Value::Bool(true) => return,
        Value::Bool(false) => {
            out.push(violation(
                path,
                msg!("config-not-allowed", path = display_path(path)),
                None,
            ));
            return;
        }
        Value::Object(s) => s,
        _ => return,
    };
    let described = || s.get("description").and_then(Value::as_str);
    if let Some(t) = s.get("type") {
        let wanted: Vec<&str> = match t {
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            t => t.as_str().into_iter().collect(),
        };
        if !wanted.iter().any(|w| has_type(value, w)) {
            let names: Vec<Message> = wanted.iter().map(|w| type_name(w)).collect();
            let help = type_help(&wanted, value, path, described());
            let names = names
                .into_iter()
                .reduce(|a, b| msg!("config-type-or", first = a, next = b))
                .unwrap_or_else(|| msg!("config-type-nothing"));
            out.push(violation(
                path,
                msg!(
                    "config-wrong-type",
                    path = display_path(path),
                    wanted = names,
                    found = describe(value)
                ),
                help,
            ));
            return;
        }
    }
    if let Some(Value::Array(allowed)) = s.get("enum") {
        if !allowed.iter().any(|a| json_eq(a, value)) {
            let list: Vec<String> = allowed.iter().map(show).collect();
            let strings = allowed.iter().filter_map(Value::as_str);
            let help = match (
                value.as_str(),
                value
                    .as_str()
                    .and_then(|v| huibao_core::closest(v, strings)),
            ) {
                (Some(_), Some(best)) => msg!("config-enum-did-you-mean", best = best),
                _ => msg!("config-enum-write-one-of", values = list.clone()),
            };
            out.push(violation(
                path,
                msg!(
                    "config-not-in-enum",
                    path = display_path(path),
                    value = show(value),
                    values = list
                ),
                Some(help),
            ));
        }
    }
    if let Some(c) = s.get("const") {
        if !json_eq(c, value) {
            out.push(violation(
                path,
                msg!(
                    "config-not-const",
                    path = display_path(path),
                    value = show(c)
                ),
                None,
            ));
        }
    }
    match value {
        Value::Number(n) => check_number(s, n.as_f64().unwrap_or(0.0), path, out),
        Value::String(text) => {
            let len = text.chars().count() as u64;
            if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
                if len < min {
                    let message = if min == 1 {
                        msg!("config-empty", path = display_path(path))
                    } else {
                        msg!("config-too-short", path = display_path(path), min = min)
                    };
                    out.push(violation(path, message, about(s, path)));
                }
            }
            if let Some(max) = s.get("maxLength").and_then(Value::as_u64) {
                if len > max {
                    out.push(violation(
                        path,
                        msg!("config-too-long", path = display_path(path), max = max),
                        None,
                    ));
                }
            }
        }
        Value::Array(items) => {
            let n = items.len() as u64;
            if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
                if n < min {
                    out.push(violation(
                        path,
                        msg!(
                            "config-too-few",
                            path = display_path(path),
                            min = min,
                            count = n
                        ),
                        None,
                    ));
                }
            }
            if let Some(max) = s.get("maxItems").and_then(Value::as_u64) {
                if n > max {
                    out.push(violation(
                        path,
                        msg!(
                            "config-too-many",
                            path = display_path(path),
                            max = max,
                            count = n
                        ),
                        None,
                    ));
                }
            }
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    check(item_schema, item, path, out);
                    path.pop();
                }
            }
        }
        Value::Object(map) => check_object(s, map, path, out),
        _ => {}
    }
}

/// "key: description" from the schema, as help for a value out of range.
fn about(s: &Map<String, Value>, path: &[Step]) -> Option<Message> {
    let d = s.get("description").and_then(Value::as_str)?;
    // The description is the plugin's own words.
    Some(match path.last() {
        Some(Step::Key(k)) => msg!(
            "config-key-described",
            key = k.as_str(),
            description = Message::verbatim(d)
        ),
        _ => Message::verbatim(d),
    })
}

fn check_number(s: &Map<String, Value>, x: f64, path: &[Step], out: &mut Vec<Violation>) {
    let bound = |k: &str| s.get(k).and_then(Value::as_f64);
    let p = display_path(path);
    let failed = [
        bound("minimum").filter(|&m| x < m).map(|m| {
            msg!(
                "config-below-minimum",
                path = p.as_str(),
                value = num(x),
                bound = num(m)
            )
        }),
        bound("maximum").filter(|&m| x > m).map(|m| {
            msg!(
                "config-above-maximum",
                path = p.as_str(),
                value = num(x),
                bound = num(m)
            )
        }),
        bound("exclusiveMinimum").filter(|&m| x <= m).map(|m| {
            msg!(
                "config-not-above",
                path = p.as_str(),
                value = num(x),
                bound = num(m)
            )
        }),
        bound("exclusiveMaximum").filter(|&m| x >= m).map(|m| {
            msg!(
                "config-not-below",
                path = p.as_str(),
                value = num(x),
                bound = num(m)
            )
        }),
    ];
    for message in failed.into_iter().flatten() {
        out.push(violation(path, message, about(s, path)));
    }
}

fn check_object(
    s: &Map<String, Value>,
    map: &Map<String, Value>,
    path: &mut Vec<Step>,
    out: &mut Vec<Violation>,
) {
    let props = s.get("properties").and_then(Value::as_object);
    if let Some(Value::Array(required)) = s.get("required") {
        for key in required.iter().filter_map(Value::as_str) {
            if !map.contains_key(key) {
                let hint = props
                    .and_then(|p| p.get(key))
                    .map(example_of)
                    .unwrap_or_else(|| msg!("value-as-written", value = "…"));
                let message = if path.is_empty() {
                    msg!("config-missing-key-top", key = key)
                } else {
                    msg!("config-missing-key", path = display_path(path), key = key)
                };
                out.push(violation(
                    path,
                    message,
                    Some(msg!("config-missing-key-help", key = key, example = hint)),
                ));
            }
        }
    }
    for (key, v) in map {
        path.push(Step::Key(key.clone()));
        match props.and_then(|p| p.get(key)) {
            Some(prop) => check(prop, v, path, out),
            None => match s.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    let known: Vec<&str> = props
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let help = match huibao_core::closest(key, known.iter().copied()) {
                        Some(best) => {
                            msg!("config-key-did-you-mean", best = best, keys = known.clone())
                        }
                        None if known.is_empty() => msg!("config-no-keys"),
                        None => msg!("config-keys-here", keys = known.clone()),
                    };
                    let mut v = violation(
                        path,
                        msg!(
                            "config-unknown-key",
                            key = key.as_str(),
                            path = display_path(&path[..path.len() - 1])
                        ),
                        Some(help),
                    );
                    v.on_key = true;
                    out.push(v);
                }
                Some(extra) => check(extra, v, path, out),
                None => {}
            },
        }
        path.pop();
    }
}

fn violation(path: &[Step], message: Message, help: Option<Message>) -> Violation {
    Violation {
        path: path.to_vec(),
        message,
        help,
        on_key: false,
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|x| x.fract() == 0.0),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => false,
    }
}

/// A type as TOML writers know it.
fn type_name(t: &str) -> Message {
    match t {
        "string" => msg!("config-type-string"),
        "number" => msg!("config-type-number"),
        "integer" => msg!("config-type-integer"),
        "boolean" => msg!("config-type-boolean"),
        "array" => msg!("config-type-array"),
        "object" => msg!("config-type-object"),
        _ => msg!("config-type-nothing"),
    }
}

fn describe(v: &Value) -> Message {
    match v {
        Value::String(s) => msg!("config-found-text", text = s.as_str()),
        Value::Number(n) => msg!("config-found-number", number = n.to_string()),
        Value::Bool(b) => msg!("value-as-written", value = format!("`{b}`")),
        Value::Array(_) => msg!("config-found-list"),
        Value::Object(_) => msg!("config-found-table"),
        Value::Null => msg!("config-type-nothing"),
    }
}

fn type_help(
    wanted: &[&str],
    value: &Value,
    path: &[Step],
    description: Option<&str>,
) -> Option<Message> {
    let key = match path.last() {
        Some(Step::Key(k)) => k.as_str(),
        _ => "value",
    };
    let numeric = wanted.iter().any(|w| matches!(*w, "number" | "integer"));
    let hint = match value {
        Value::String(s) if numeric && s.trim().parse::<f64>().is_ok() => Some(msg!(
            "config-help-unquote-number",
            key = key,
            number = s.trim()
        )),
        _ if numeric => Some(msg!("config-help-write-number", key = key)),
        _ if wanted.contains(&"string") => Some(msg!("config-help-quote-text", key = key)),
        _ => None,
    };
    // The description is the plugin's own words.
    let described = description.map(|d| {
        msg!(
            "config-key-described",
            key = key,
            description = Message::verbatim(d)
        )
    });
    match (hint, described) {
        (Some(h), Some(d)) => Some(msg!(
            "config-help-and-description",
            help = h,
            description = d
        )),
        (Some(h), None) => Some(h),
        (None, Some(d)) => Some(d),
        (None, None) => None,
    }
}

/// An example value for `add key = …` help.
fn example_of(prop: &Value) -> Message {
    if let Some(Value::Array(e)) = prop.get("enum") {
        let list: Vec<String> = e.iter().map(show).collect();
        return msg!(
            "config-example-one-of",
            example = list.first().cloned().unwrap_or_default(),
            values = list
        );
    }
    let t = prop.get("type").and_then(Value::as_str).unwrap_or("");
    let example = match t {
        "string" => "\"……\"",
        "number" => "12.5",
        "integer" => "12",
        "boolean" => "true",
        "array" => "[ … ]",
        "object" => "{ … }",
        _ => "…",
    };
    match prop.get("description").and_then(Value::as_str) {
        Some(d) => msg!(
            "config-example-described",
            example = example,
            description = Message::verbatim(d)
        ),
        None => msg!("value-as-written", value = example),
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn num(x: f64) -> String {
    format!("{x}")
}

/// JSON equality where 1 and 1.0 are the same number.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fund_schema() -> Value {
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["funds"],
            "properties": {
                "title": {"type": "string", "minLength": 1},
                "funds": {"type": "array", "minItems": 1, "items": {
                    "type": "object",
                    "required": ["name", "stage"],
                    "properties": {
                        "name": {"type": "string"},
                        "size": {"type": "number", "minimum": 0, "description": "认缴规模，亿元"},
                        "count": {"type": "integer"},
                        "stage": {"enum": ["注册", "备案", "投资决策", "已投资"]}
                    }
                }}
            }
        })
    }

    fn messages(value: Value) -> Vec<String> {
        validate(&fund_schema(), &value)
            .into_iter()
            .map(|v| v.message.to_string())
            .collect()
    }

    #[test]
    fn valid_config_passes() {
        let v = json!({"funds": [{"name": "某某产业引导母基金", "size": 50, "count": 3.0, "stage": "已投资"}]});
        assert!(check_schema(&fund_schema()).is_ok());
        assert_eq!(messages(v), Vec::<String>::new());
    }

    #[test]
    fn each_keyword_reports_with_a_path() {
        let v = json!({
            "titel": "x",
            "title": "",
            "funds": [{"name": "甲", "stage": "投资", "size": "十亿"}, {"name": 3, "size": -1, "count": 1.5}]
        });
        let m = messages(v);
        assert!(
            m.contains(&"unknown key `titel` in config".to_string()),
            "{m:?}"
        );
        assert!(m.contains(&"config.title is empty".to_string()), "{m:?}");
        assert!(m.contains(&"config.funds[0].stage is \"投资\", not one of \"注册\", \"备案\", \"投资决策\", \"已投资\"".to_string()), "{m:?}");
        assert!(
            m.contains(&"config.funds[0].size must be a number, not the text \"十亿\"".to_string()),
            "{m:?}"
        );
        assert!(
            m.contains(&"config.funds[1] is missing the required key `stage`".to_string()),
            "{m:?}"
        );
        assert!(
            m.contains(
                &"config.funds[1].name must be text in quotes, not the number 3".to_string()
            ),
            "{m:?}"
        );
        assert!(
            m.contains(&"config.funds[1].size is -1, below the minimum 0".to_string()),
            "{m:?}"
        );
        assert!(
            m.contains(
                &"config.funds[1].count must be a whole number, not the number 1.5".to_string()
            ),
            "{m:?}"
        );
        assert_eq!(
            messages(json!({})),
            ["the config is missing the required key `funds`"]
        );
        assert_eq!(
            messages(json!({"funds": []})),
            ["config.funds needs at least 1 entries, not 0"]
        );
    }

    #[test]
    fn helps_suggest_fixes() {
        let v = validate(
            &fund_schema(),
            &json!({"funds": [{"name": "甲", "stage": "已投", "szie": 1}], "titl": "x"}),
        );
        let help = |needle: &str| {
            v.iter()
                .find(|v| v.message.to_string().contains(needle))
                .and_then(|v| v.help.as_ref().map(ToString::to_string))
                .unwrap_or_default()
        };
        assert_eq!(help("已投"), "did you mean \"已投资\"?");
        assert!(help("titl").starts_with("did you mean `title`?"));
        assert!(v
            .iter()
            .any(|v| v.on_key && v.path == [Step::Key("titl".into())]));
        let v = validate(
            &fund_schema(),
            &json!({"funds": [{"name": "甲", "stage": "备案", "size": "12"}]}),
        );
        assert_eq!(
            v[0].help.as_ref().map(ToString::to_string).as_deref(),
            Some("write the number without quotes: size = 12; size: 认缴规模，亿元")
        );
    }

    #[test]
    fn unsupported_keywords_are_refused() {
        let e = check_schema(&json!({"type": "object", "properties": {"a": {"pattern": "^x"}}}))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("keyword `pattern` at `/properties/a` is not supported"),
            "{e}"
        );
        assert!(check_schema(&json!({"type": "text"})).is_err());
        assert!(check_schema(&json!({"items": [{}]})).is_err());
        assert!(check_schema(&json!(3)).is_err());
        assert!(check_schema(&json!(true)).is_ok());
    }
}
