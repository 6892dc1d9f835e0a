//! The JSON schema editors use is derived from the model; here it is held to the loader:
//! every report in the repository passes both, and what the loader refuses (an unknown key,
//! a wrong type, the simple value checks) the schema refuses too.

use huibao_core::{load_source, SourceFile};
use serde_json::Value;
use std::path::{Path, PathBuf};

const BASE: &str =
    "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n";

/// A TOML document as editors hand it to a JSON schema: dates become strings.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&huibao_core::report_schema()).expect("the schema compiles")
}

/// The schema's complaints about a report's text.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(text).expect("valid TOML");
    let json = to_json(value);
    validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every report in the repository: the examples, the starter and the test reports.
fn reports() -> Vec<PathBuf> {
    let root = repository();
    let mut out = vec![root.join("templates/new-report.toml")];
    for dir in ["examples", "tests/docx", "tests/pdf"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

#[test]
fn the_schema_is_draft_07_for_editors() {
    let schema = huibao_core::report_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::meta::validate(&schema).expect("a valid draft-07 schema");
    // Descriptions come from the model's doc comments.
    assert_eq!(
        schema
            .pointer("/definitions/Indicator/properties/name/description")
            .and_then(Value::as_str),
        Some("Name, unique in the report: \"营业收入\".")
    );
    assert_eq!(
        schema.pointer("/definitions/Meta/required"),
        Some(&serde_json::json!(["organization", "period", "date"]))
    );
}

#[test]
fn every_report_in_the_repository_fits_the_schema_and_loads() {
    let validator = validator();
    let reports = reports();
    assert!(reports.len() >= 6, "{reports:?}");
    for path in reports {
        let text = std::fs::read_to_string(&path).unwrap();
        let errors = schema_errors(&validator, &text);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        load_source(SourceFile::new(path.display().to_string(), text))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn indicators_from_a_spreadsheet_fit_the_schema_and_load() {
    let validator = validator();
    let text = format!(
        "{BASE}[indicators]\nfrom = \"stats.xlsx\"\nsheet = \"Sheet1\"\nrange = \"$A$3:G20\"\n\n\
         [[indicators.items]]\nname = \"新签约项目\"\nvalue = 36\nunit = \"个\"\n"
    );
    let errors = schema_errors(&validator, &text);
    assert!(errors.is_empty(), "{errors:#?}");
    let loaded =
        load_source(SourceFile::new("r.toml", text.as_str())).unwrap_or_else(|e| panic!("{e}"));
    let sheet = loaded
        .report
        .indicators
        .sheet
        .as_ref()
        .expect("the sheet is kept");
    assert_eq!(sheet.from.get_ref(), "stats.xlsx");
    assert_eq!(
        sheet.sheet.as_ref().map(|s| s.get_ref().as_str()),
        Some("Sheet1")
    );
    assert_eq!(
        sheet.cells(),
        Some(Some(huibao_core::model::CellRange {
            first: (2, 0),
            last: (19, 6)
        }))
    );
    assert_eq!(loaded.report.indicators.len(), 1);
    assert_eq!(loaded.report.indicators[0].name.get_ref(), "新签约项目");
    // The sheet alone is a report too.
    let only_sheet = format!("{BASE}[indicators]\nfrom = \"stats.xlsx\"\n");
    assert!(schema_errors(&validator, &only_sheet).is_empty());
    let loaded = load_source(SourceFile::new("r.toml", only_sheet.as_str()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.report.indicators.is_empty() && !loaded.report.indicators.is_absent());
}

/// Reports the loader refuses for a key or a value; the schema must refuse each too.
fn refused() -> Vec<(&'static str, String)> {
    let indicator = "[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\n";
    let item = "[[achievements]]\ntitle = \"多措并举加强招商引资\"\n";
    let table = "[achievements.table]\ncolumns = [\"序号\", \"项目名称\"]\n";
    vec![
        // Unknown keys, in every table of the format.
        ("unknown top-level key", format!("titel = \"x\"\n{BASE}")),
        (
            "unknown key in [report]",
            BASE.replace("date =", "dat = 2022-07-08\ndate ="),
        ),
        (
            "unknown key in [summary]",
            format!("{BASE}[summary]\ntext = \"开头。\"\ntable = true\n"),
        ),
        (
            "unknown key in [[indicators]]",
            format!("{BASE}{indicator}units = \"亿元\"\n"),
        ),
        (
            "unknown key in [indicators]",
            format!("{BASE}[indicators]\nfrom = \"stats.xlsx\"\nfile = \"stats.xlsx\"\n"),
        ),
        (
            "[indicators] without `from`",
            format!("{BASE}[indicators]\nsheet = \"Sheet1\"\n"),
        ),
        (
            "an empty `from`",
            format!("{BASE}[indicators]\nfrom = \"\"\n"),
        ),
        (
            "a range that is not a range",
            format!("{BASE}[indicators]\nfrom = \"stats.xlsx\"\nrange = \"A3-G20\"\n"),
        ),
        (
            "unknown key in [[indicators.items]]",
            format!(
                "{BASE}[indicators]\nfrom = \"stats.xlsx\"\n{}units = \"个\"\n",
                indicator.replace("[[indicators]]", "[[indicators.items]]")
            ),
        ),
        (
            "unknown key in an item",
            format!("{BASE}{item}texts = \"正文\"\n"),
        ),
        (
            "unknown key in a sub-item",
            format!("{BASE}{item}[[achievements.items]]\ntitle = \"线上招商\"\nlevel = 3\n"),
        ),
        (
            "unknown key in a table",
            format!("{BASE}{item}{table}header = true\n"),
        ),
        (
            "unknown key in [[sections]]",
            format!("{BASE}[[sections]]\nplugin = \"fund\"\nplace_at = \"plan\"\n"),
        ),
        (
            "unknown key in [[attachments]]",
            format!("{BASE}[[attachments]]\ntitle = \"附件\"\ntext = \"正文\"\nnote = \"x\"\n"),
        ),
        (
            "unknown part",
            format!("{BASE}[parts.summary]\ntitle = \"总体情况\"\n"),
        ),
        (
            "unknown key in a part",
            format!("{BASE}[parts.plan]\nheading = \"下半年工作计划\"\n"),
        ),
        (
            "unknown key in [style]",
            format!("{BASE}[style]\nmargins = 37\n"),
        ),
        (
            "unknown font role",
            format!("{BASE}[style.fonts.heading5]\nsize_pt = 16\n"),
        ),
        (
            "unknown key in a font",
            format!("{BASE}[style.fonts.body]\nsize = 16\n"),
        ),
        (
            "unknown key in [plugins]",
            format!("{BASE}[plugins]\npath = [\"plugins\"]\n"),
        ),
        (
            "unknown key in [end_matter]",
            format!("{BASE}[end_matter]\ncc = [\"市财政局\"]\n"),
        ),
        // Wrong types.
        (
            "a value in quotes",
            format!("{BASE}{}", indicator.replace("48.65", "\"48.65\"")),
        ),
        (
            "a number for a name",
            format!("{BASE}{}", indicator.replace("\"营业收入\"", "2022")),
        ),
        (
            "a string for a flag",
            format!("{BASE}[summary]\ntext = \"开头。\"\nindicator_table = \"yes\"\n"),
        ),
        (
            "a string for sub-items",
            format!("{BASE}{item}items = \"线上招商\"\n"),
        ),
        (
            "a string for columns",
            format!("{BASE}{item}[achievements.table]\ncolumns = \"序号\"\n"),
        ),
        (
            "a table in a row",
            format!("{BASE}{item}{table}rows = [[1, {{ a = 1 }}]]\n"),
        ),
        (
            "a bad alignment",
            format!("{BASE}{item}{table}align = [\"left\", \"middle\"]\n"),
        ),
        (
            "a negative width",
            format!("{BASE}{item}{table}widths = [1, -2]\n"),
        ),
        (
            "a bad numbering",
            format!("{BASE}[style]\nnumbering = \"one-by-one\"\n"),
        ),
        (
            "a bad placement",
            format!("{BASE}[[sections]]\nplugin = \"fund\"\nplace = \"middle\"\n"),
        ),
        (
            "a string for families",
            format!("{BASE}[style.fonts.body]\nfamilies = \"仿宋\"\n"),
        ),
        (
            "a string for a switch",
            format!("{BASE}[style]\nsealed = \"no\"\n"),
        ),
        (
            "unknown punctuation width",
            format!("{BASE}[style]\npunctuation = \"half\"\n"),
        ),
        (
            "decimals below zero",
            format!("{BASE}{indicator}decimals = -1\n"),
        ),
        // Values the loader checks on their own.
        (
            "a period in words",
            BASE.replace("\"2022-H1\"", "\"2022上半年\""),
        ),
        (
            "a colour by name",
            format!("{BASE}[style]\nred = \"red\"\n"),
        ),
        (
            "a font size out of range",
            format!("{BASE}[style.fonts.title]\nsize_pt = 100\n"),
        ),
        ("a target of zero", format!("{BASE}{indicator}target = 0\n")),
        (
            "a table without columns",
            format!("{BASE}{item}[achievements.table]\ncolumns = []\n"),
        ),
        (
            "a font without families",
            format!("{BASE}[style.fonts.body]\nfamilies = []\n"),
        ),
        (
            "no organization",
            BASE.replace("organization = \"某园区管委会\"\n", ""),
        ),
    ]
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = validator();
    assert!(schema_errors(&validator, BASE).is_empty());
    load_source(SourceFile::new("base.toml", BASE)).expect("the base report loads");
    for (what, text) in refused() {
        assert!(
            load_source(SourceFile::new("probe.toml", text.as_str())).is_err(),
            "{what}: the loader accepts\n{text}"
        );
        assert!(
            !schema_errors(&validator, &text).is_empty(),
            "{what}: the schema accepts\n{text}"
        );
    }
}
