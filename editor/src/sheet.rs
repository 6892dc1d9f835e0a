//! 从统计表导入: the indicators a statistics spreadsheet holds (read by huibao-sheets, as
//! `huibao indicators` reads them) merged into the report's indicator rows by name — new
//! names appended, rows of the same name updated, every other row and key left as the
//! person wrote it — and what the reader found, each at its sheet and cell.

use crate::edit::{Edit, Path, Step};
use huibao_sheets::{Finding, Place, SheetErrors, SheetIndicator, SheetIndicators};
use serde_json::{json, Value};

/// The keys of an indicator row, in the order the grid shows them.
pub const KEYS: [&str; 6] = ["name", "value", "unit", "previous", "target", "decimals"];

/// A value of a row the spreadsheet changed: which row and key, and the TOML text before
/// and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The indicator's name.
    pub name: String,
    /// The key: "value", "unit", "previous", "target" or "decimals".
    pub key: &'static str,
    /// As it was written in the report.
    pub before: String,
    /// As the spreadsheet gives it.
    pub after: String,
}

/// The edits that bring a spreadsheet's indicators into a report, and what they do.
#[derive(Debug, Clone, Default)]
pub struct Merge {
    /// The edits, to apply together (one undo step).
    pub edits: Vec<Edit>,
    /// Names of the rows appended.
    pub added: Vec<String>,
    /// Values of existing rows replaced by the sheet's.
    pub changed: Vec<Change>,
    /// How many rows of the sheet the report already had as they are.
    pub unchanged: usize,
}

/// The edits that bring `read` into `report` (the report's text parsed): a row whose name
/// is in the report has the sheet's figures set on it (a key the sheet leaves empty keeps
/// the report's value); a name the report lacks is appended. Rows of the report the sheet
/// does not name are not touched.
pub fn merge(report: &toml::Value, read: &SheetIndicators) -> Merge {
    let (base, rows) = indicator_rows(report);
    let mut merge = Merge::default();
    for indicator in &read.indicators {
        let written = written_keys(indicator);
        let found = rows.iter().position(|row| {
            row.get("name")
                .and_then(toml::Value::as_str)
                .is_some_and(|n| same_name(n, &indicator.name))
        });
        let Some(at) = found else {
            let next = rows.len() + merge.added.len();
            let path = [base.clone(), vec![Step::Index(next)]].concat();
            merge.edits.push(Edit::Insert {
                path: base.clone(),
                index: Some(next),
                value: serde_json::Map::new(),
            });
            for (key, raw) in &written {
                merge.edits.push(set(&path, key, raw));
            }
            merge.added.push(indicator.name.clone());
            continue;
        };
        let path = [base.clone(), vec![Step::Index(at)]].concat();
        let mut changed = false;
        for (key, raw) in written.iter().filter(|(k, _)| *k != "name") {
            let before = rows[at].get(*key);
            if before.is_some_and(|b| same_value(b, raw)) {
                continue;
            }
            merge.edits.push(set(&path, key, raw));
            if let Some(before) = before {
                merge.changed.push(Change {
                    name: indicator.name.clone(),
                    key,
                    before: before.to_string(),
                    after: raw.clone(),
                });
            }
            changed = true;
        }
        if !changed {
            merge.unchanged += 1;
        }
    }
    merge
}

/// The spreadsheet the report reads its indicators from (`[indicators] from`), if any.
pub fn reads_sheet(report: &toml::Value) -> Option<String> {
    report
        .get("indicators")?
        .get("from")?
        .as_str()
        .map(str::to_string)
}

/// Where the report's indicator rows are (`[[indicators]]`, or `[[indicators.items]]`
/// under an `[indicators]` table that reads a sheet), and the rows.
fn indicator_rows(report: &toml::Value) -> (Path, Vec<toml::Table>) {
    let key = |k: &str| Step::Key(k.into());
    let tables = |v: Option<&toml::Value>| -> Vec<toml::Table> {
        v.and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_table().cloned())
            .collect()
    };
    match report.get("indicators") {
        Some(toml::Value::Table(t)) => (
            vec![key("indicators"), key("items")],
            tables(t.get("items")),
        ),
        other => (vec![key("indicators")], tables(other)),
    }
}

/// The keys the sheet gives an indicator, as TOML text: the report model's own
/// indicator serialized, as `huibao indicators` writes it (whole numbers as integers).
fn written_keys(indicator: &SheetIndicator) -> Vec<(&'static str, String)> {
    let model = indicator.to_model(0..0);
    let Ok(doc) = toml_edit::ser::to_document(&model) else {
        return Vec::new();
    };
    KEYS.iter()
        .filter_map(|&k| {
            let v = doc.get(k)?.as_value()?;
            // A unit the sheet leaves empty is no unit to put over the report's.
            if k == "unit" && v.as_str() == Some("") {
                return None;
            }
            Some((k, v.to_string().trim().to_string()))
        })
        .collect()
}

/// Whether two indicator names are the same, spaces aside (a sheet's "地区生产总值 " is
/// the report's "地区生产总值").
fn same_name(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    squeeze(a) == squeeze(b)
}

/// Whether the report's value is the sheet's: numbers by value (123.50 is 123.5), text
/// as written.
fn same_value(before: &toml::Value, raw: &str) -> bool {
    let Ok(after) = raw.parse::<toml_edit::Value>() else {
        return false;
    };
    let number = |v: &toml::Value| v.as_float().or_else(|| v.as_integer().map(|i| i as f64));
    match (
        number(before),
        after.as_float().or(after.as_integer().map(|i| i as f64)),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => before.as_str().is_some_and(|s| Some(s) == after.as_str()),
    }
}

fn set(row: &[Step], key: &str, raw: &str) -> Edit {
    Edit::Set {
        path: [row, &[Step::Key(key.into())]].concat(),
        value: Value::Null,
        raw: Some(raw.to_string()),
    }
}

/// What the reader found, for the page's list: each with its place
/// (`stats.xlsx!Sheet1!C7`), sheet and cell, what it is and what to do.
pub fn findings(read: &SheetIndicators) -> Vec<Value> {
    let finding = |f: &Finding, severity: &str| {
        placed(
            &f.place,
            severity,
            f.message.to_string(),
            f.help.as_ref().map(ToString::to_string),
        )
    };
    let mut out: Vec<Value> = read
        .warnings
        .iter()
        .map(|f| finding(f, "warning"))
        .chain(read.notes.iter().map(|f| finding(f, "note")))
        .collect();
    // What was derived or guessed for a row (上年同期 from 同比增长, a unit from the
    // header) is said too, at the row's name.
    for indicator in &read.indicators {
        for guess in &indicator.guesses {
            out.push(placed(
                &indicator.place,
                "note",
                huibao_i18n::t!(
                    "editor-sheet-guess",
                    name = indicator.name.as_str(),
                    text = guess.text.as_str()
                ),
                None,
            ));
        }
    }
    out
}

/// Every error of a sheet the report would refuse, for the page's list.
pub fn errors(errors: &SheetErrors) -> Vec<Value> {
    errors
        .0
        .iter()
        .map(|e| {
            placed(
                &e.place,
                "error",
                e.message.to_string(),
                Some(e.help.to_string()),
            )
        })
        .collect()
}

fn placed(place: &Place, severity: &str, message: String, help: Option<String>) -> Value {
    json!({
        "place": place.to_string(),
        "sheet": place.sheet,
        "cell": place.address(),
        "severity": severity,
        "message": message,
        "help": help,
    })
}

/// The changes for the page: each row and key with the text before and after.
pub fn changes_json(changes: &[Change]) -> Vec<Value> {
    changes
        .iter()
        .map(|c| json!({"name": c.name, "key": c.key, "before": c.before, "after": c.after}))
        .collect()
}
