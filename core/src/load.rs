//! Loading `report.toml`: parse with spans, check everything that can be checked
//! before building, and resolve the style.

use crate::date::Date;
use crate::diagnostic::{read_source, Diagnostic, Diagnostics, SourceFile};
use crate::model::{IndicatorSheet, Item, Report, TableSpec};
use crate::period::Period;
use crate::scan::ItemPlace;
use crate::style::{FontRole, Style};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// A report that parsed and passed the checks.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The report as written.
    pub report: Report,
    /// Its period.
    pub period: Period,
    /// Its date.
    pub date: Date,
    /// The file it came from.
    pub file: SourceFile,
    /// The resolved style (preset + `[style]`).
    pub style: Style,
}

impl Loaded {
    /// The reporting organization as printed (trimmed).
    pub fn organization(&self) -> String {
        self.report.report.organization.get_ref().trim().to_string()
    }
}

/// Reads, parses and checks a report file.
pub fn load(path: &Path) -> Result<Loaded, Diagnostics> {
    let file = read_source(path)?;
    load_source(file)
}

/// Parses and checks report text that was already read.
pub fn load_source(file: SourceFile) -> Result<Loaded, Diagnostics> {
    let table = toml::de::DeTable::parse(&file.text).map_err(|e| toml_error(&file, &e))?;
    let scanned = crate::scan::check(&file, &table);
    if !scanned.is_empty() {
        return Err(Diagnostics(scanned));
    }
    let places = Places {
        achievements: crate::scan::item_places(&table, "achievements"),
        problems: crate::scan::item_places(&table, "problems"),
        plan: crate::scan::item_places(&table, "plan"),
    };
    let report = Report::deserialize(toml::de::Deserializer::from(table))
        .map_err(|e| toml_error(&file, &e))?;
    check(report, &places, file)
}

/// Where the items of each part were written.
struct Places {
    achievements: Vec<ItemPlace>,
    problems: Vec<ItemPlace>,
    plan: Vec<ItemPlace>,
}

/// Turns a toml/serde error into a diagnostic with a place and a fix.
pub fn toml_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(first_line(&message)).at(file, span.clone());
    if let Some((unknown, expected)) = unknown_field(&message) {
        d.message = format!("unknown key `{unknown}`");
        d.label = Some("not a key of this table".into());
        d.help = Some(
            match crate::suggest::closest(&unknown, expected.iter().map(String::as_str)) {
                Some(best) => format!("did you mean `{best}`? Keys here: {}", expected.join(", ")),
                None => format!("keys allowed here: {}", expected.join(", ")),
            },
        );
    } else if let Some(field) = between(&message, "missing field `", "`") {
        d.message = format!("missing required key `{field}`");
        d.label = Some(format!("this table needs `{field}`"));
        d.help = Some(format!(
            "add `{field} = …` (see `huibao new` for a complete report)"
        ));
    } else if message.starts_with("invalid type") {
        d.label = Some("wrong type".into());
        d.help = Some(type_help(&message));
    } else if message.starts_with("invalid value") {
        d.label = Some("not allowed here".into());
        d.help = Some(value_help(&message));
    } else if let Some(unknown) = between(&message, "unknown variant `", "`") {
        let allowed: Vec<String> = message
            .split_once("expected")
            .map(|(_, rest)| {
                rest.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        d.message = format!("`{unknown}` is not one of the values allowed here");
        d.label = Some("unknown value".into());
        d.help = Some(
            match crate::suggest::closest(unknown, allowed.iter().map(String::as_str)) {
                Some(best) => format!("did you mean \"{best}\"? Values: {}", quoted(&allowed)),
                None => format!("write one of {}", quoted(&allowed)),
            },
        );
    } else {
        d.label = Some("here".into());
        d.help = Some(match message.lines().nth(1) {
            Some(more) => format!("TOML syntax: {}", more.trim()),
            None => {
                "check the TOML syntax near this place (strings need quotes, tables [[…]] brackets)"
                    .into()
            }
        });
    }
    d
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let unknown = between(message, "unknown field `", "`")?.to_string();
    let rest = &message[message.find("expected")?..];
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((unknown, expected))
}

/// What a value of the wrong type should look like, from serde's "invalid type: …,
/// expected …": the help follows what was expected, never what was found.
fn type_help(message: &str) -> String {
    let expected = message.split_once(", expected ").map_or("", |(_, e)| e);
    let is = |words: &[&str]| words.iter().any(|w| expected.contains(w));
    if is(&["datetime", "date"]) {
        "write the date without quotes: date = 2022-07-08".into()
    } else if is(&["number", "f64", "integer", "u8", "u16", "u32", "i64"]) {
        "write a number without quotes or units: value = 123.5".into()
    } else if is(&["bool"]) {
        "write true or false, without quotes".into()
    } else if is(&["string", "str"]) {
        "put the text in double quotes: \"……\"".into()
    } else if is(&["sequence", "array"]) {
        "write a list in square brackets, or [[…]] tables for a list of entries".into()
    } else if is(&["struct", "map", "table"]) {
        "this key is a table: write [its.name] with its keys on the lines below, or name = { key = … }".into()
    } else {
        "see `huibao schema` for the type each key takes".into()
    }
}

/// What a value out of range should be, from serde's "invalid value: …, expected …".
fn value_help(message: &str) -> String {
    let expected = message.split_once(", expected ").map_or("", |(_, e)| e);
    match expected.trim() {
        "u8" => "write a whole number from 0 to 255".into(),
        "u16" => "write a whole number from 0 to 65535".into(),
        "u32" => "write a whole number from 0 to 4294967295".into(),
        other if !other.is_empty() => format!("expected {other}"),
        _ => "see `huibao schema` for the values each key takes".into(),
    }
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks a parsed report; collects every error rather than stopping at the first.
fn check(report: Report, places: &Places, file: SourceFile) -> Result<Loaded, Diagnostics> {
    let mut errors = Vec::new();
    let meta = &report.report;

    let period = Period::parse(meta.period.get_ref()).map_err(|e| {
        errors.push(
            Diagnostic::error(e.0)
                .at(&file, meta.period.span())
                .with_label("bad period")
                .with_help("write period = \"2022\", \"2022-H1\", \"2022-H2\", \"2022-Q3\" or \"2022-01..2022-09\""),
        )
    });

    let date = to_date(meta.date.get_ref()).ok_or_else(|| {
        errors.push(
            Diagnostic::error(format!("`{}` is not a date", meta.date.get_ref()))
                .at(&file, meta.date.span())
                .with_label("expected a calendar date")
                .with_help("write date = 2022-07-08 (a TOML date without quotes, no time)"),
        )
    });

    for (what, text) in [("organization", meta.organization.get_ref())] {
        if text.trim().is_empty() {
            errors.push(
                Diagnostic::error(format!("`{what}` is empty"))
                    .at(&file, meta.organization.span())
                    .with_help(
                        "write the full name, e.g. organization = \"某经济技术开发区管委会\"",
                    ),
            );
        }
    }
    if let Some(title) = &meta.title {
        if title.get_ref().trim().is_empty() {
            errors.push(
                Diagnostic::error("`title` is empty")
                    .at(&file, title.span())
                    .with_help("remove the key to derive the title from organization and period"),
            );
        }
    }

    let mut seen: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    for ind in &report.indicators {
        let name = ind.name.get_ref().as_str();
        if name.trim().is_empty() {
            errors.push(
                Diagnostic::error("an indicator has an empty name")
                    .at(&file, ind.name.span())
                    .with_help("name it as prose cites it: name = \"营业收入\""),
            );
        }
        if let Some(first) = seen.get(name) {
            let (line, _) = file.line_column(first.start);
            errors.push(
                Diagnostic::error(format!("indicator \"{name}\" is defined twice"))
                    .at(&file, ind.name.span())
                    .with_label("second definition")
                    .with_help(format!(
                        "the first is on line {line}; remove one or rename it"
                    )),
            );
        } else {
            seen.insert(name, ind.name.span());
        }
        let value = ind.value.get_ref().0;
        let written =
            |span: std::ops::Range<usize>| file.text.get(span).unwrap_or("").trim().to_string();
        if let Some(previous) = &ind.previous {
            let p = previous.get_ref().0;
            let computable = crate::indicator::is_percent(&ind.unit) || p != 0.0;
            if computable && crate::indicator::growth_change(value, &ind.unit, p).is_none() {
                errors.push(
                    Diagnostic::error(format!(
                        "indicator \"{name}\": the change from {} to {} is too large to print",
                        written(previous.span()),
                        written(ind.value.span())
                    ))
                    .at(&file, previous.span())
                    .with_label("last year's value")
                    .with_help("check `previous` (the same period last year, in the unit of `value`); remove it if there is no comparable figure"),
                );
            }
        }
        if let Some(target) = &ind.target {
            let t = target.get_ref().0;
            if t > 0.0 && crate::indicator::completion_rate(value, t).is_none() {
                errors.push(
                    Diagnostic::error(format!(
                        "indicator \"{name}\": {} of a target of {} is a rate too large to print",
                        written(ind.value.span()),
                        written(target.span())
                    ))
                    .at(&file, target.span())
                    .with_label("the annual target")
                    .with_help("check `target` (the annual target, in the unit of `value`)"),
                );
            }
            if t <= 0.0 {
                errors.push(
                    Diagnostic::error(format!(
                        "indicator \"{name}\" has a target of {}",
                        target.get_ref().0
                    ))
                    .at(&file, target.span())
                    .with_help("a target must be above zero; remove it if there is none"),
                );
            }
        }
        if ind.unit.trim().is_empty() {
            errors.push(
                Diagnostic::error(format!("indicator \"{name}\" has no unit"))
                    .at(&file, ind.name.span())
                    .with_help("set unit = \"亿元\" (or 万元, %, 个, 家, 项, 亩 …)"),
            );
        }
    }

    if let Some(sheet) = &report.indicators.sheet {
        check_indicator_sheet(sheet, &file, &mut errors);
    }

    let parts = [
        (&report.achievements, &places.achievements, "achievements"),
        (&report.problems, &places.problems, "problems"),
        (&report.plan, &places.plan, "plan"),
    ];
    for (items, places, part) in parts {
        for (i, item) in items.iter().enumerate() {
            let place = places.get(i).map(|p| p.span.clone());
            let children = places.get(i).map_or(&[][..], |p| &p.items[..]);
            check_item(item, place, children, 2, part, &file, &mut errors);
        }
    }
    for att in &report.attachments {
        if let Some(t) = &att.table {
            check_table(t, &file, &mut errors);
        }
        if att.text.is_none() && att.table.is_none() && !att.indicator_table {
            errors.push(
                Diagnostic::error(format!(
                    "attachment \"{}\" has no content",
                    att.title.get_ref()
                ))
                .at(&file, att.title.span())
                .with_help("give it `text`, a `table`, or `indicator_table = true`"),
            );
        }
    }
    if let Some(doc_no) = &meta.document_number {
        lint_document_number(doc_no.get_ref(), doc_no.span(), &file, &mut errors);
    }

    let style = resolve_style(&report, &file, &mut errors);

    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let (Ok(period), Ok(date)) = (period, date) else {
        unreachable!("errors were recorded for both")
    };
    Ok(Loaded {
        report,
        period,
        date,
        file,
        style,
    })
}

/// Converts a TOML datetime holding only a date.
fn to_date(dt: &toml::value::Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(i32::from(d.year), d.month, d.day)
}

/// Checks one item (at outline `level`, 2 for the items of a part) and its sub-items;
/// `place` is where its table was written, `children` where its sub-items were.
fn check_item(
    item: &Item,
    place: Option<std::ops::Range<usize>>,
    children: &[ItemPlace],
    level: u8,
    part: &str,
    file: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) {
    let located = |d: Diagnostic| match &place {
        Some(span) => d.at(file, span.clone()),
        None => d,
    };
    if level > 4 {
        errors.push(located(
            Diagnostic::error(format!("items in [[{part}]] nest deeper than four levels"))
                .with_label("the fifth level")
                .with_help(
                    "headings go 一、（一）1.（1） and no deeper; fold this item into its parent's text",
                ),
        ));
        return;
    }
    if item.title.is_none() && item.text.is_none() && item.items.is_empty() && item.table.is_none()
    {
        errors.push(located(
            Diagnostic::error(format!("an item in [[{part}]] is empty"))
                .with_label("nothing under this item")
                .with_help("give each item a `title`, a `text`, or both; or remove it"),
        ));
    }
    if let Some(title) = &item.title {
        if title.get_ref().trim().is_empty() {
            errors.push(
                Diagnostic::error("an item's title is empty")
                    .at(file, title.span())
                    .with_help(
                        "write the heading, or remove `title` to run the number into the text",
                    ),
            );
        } else if title.get_ref().contains('\n') {
            errors.push(
                Diagnostic::error("a title must stay on one line")
                    .at(file, title.span())
                    .with_help("put the prose under `text` instead"),
            );
        }
    }
    if let Some(t) = &item.table {
        check_table(t, file, errors);
    }
    for (i, child) in item.items.iter().enumerate() {
        let place = children.get(i).map(|p| p.span.clone());
        let grandchildren = children.get(i).map_or(&[][..], |p| &p.items[..]);
        check_item(child, place, grandchildren, level + 1, part, file, errors);
    }
}

fn check_table(t: &TableSpec, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    let n = t.columns.get_ref().len();
    if n == 0 {
        errors.push(
            Diagnostic::error("a table has no columns")
                .at(file, t.columns.span())
                .with_help("name the header cells: columns = [\"序号\", \"项目名称\"]"),
        );
    }
    for row in &t.rows {
        if row.get_ref().len() != n {
            errors.push(
                Diagnostic::error(format!(
                    "this row has {} cells but the table has {n} columns",
                    row.get_ref().len()
                ))
                .at(file, row.span())
                .with_help("give every row one cell per column; use \"\" for an empty cell"),
            );
        }
    }
    if t.widths.as_ref().is_some_and(|w| w.contains(&0)) {
        errors.push(
            Diagnostic::error("`widths` gives a column no width (0)")
                .at(file, t.columns.span())
                .with_label("this table's `widths`")
                .with_help("widths are relative weights, each 1 or more: widths = [1, 4, 2]; or leave `widths` out to fit the columns to their content"),
        );
    }
    for (what, len) in [
        ("align", t.align.as_ref().map(Vec::len)),
        ("widths", t.widths.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&l| l != n) {
            errors.push(
                Diagnostic::error(format!(
                    "`{what}` has {len} entries but the table has {n} columns"
                ))
                .at(file, t.columns.span())
                .with_help(format!(
                    "give `{what}` one entry per column, or leave it out"
                )),
            );
        }
    }
}

/// 发文字号 uses hexagonal brackets 〔〕 and no leading zeros: "某管发〔2022〕5号".
fn lint_document_number(
    s: &str,
    span: std::ops::Range<usize>,
    file: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) {
    let wrong = ['[', ']', '【', '】', '(', ')', '（', '）'];
    if s.contains(wrong) || !s.ends_with('号') {
        errors.push(
            Diagnostic::error(format!("document number \"{s}\" is not in the official form"))
                .at(file, span)
                .with_help("write it as 某管发〔2022〕5号: the year in 〔〕 (U+3014/U+3015), the number without leading zeros, ending in 号"),
        );
    } else if let Some(after) = s.split('〕').nth(1) {
        if after.starts_with('0') {
            errors.push(
                Diagnostic::error(format!("document number \"{s}\" has a leading zero"))
                    .at(file, span)
                    .with_help("write 5号, not 05号"),
            );
        }
    }
}

/// Applies `[style]` to the preset.
fn resolve_style(report: &Report, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Style {
    let mut style = Style::gbt9704();
    let o = &report.style;
    if let Some(n) = o.numbering {
        style.numbering = n;
    }
    if let Some(v) = o.sealed {
        style.sealed = v;
    }
    if let Some(v) = o.signature {
        style.signature = v;
    }
    if let Some(v) = o.page_numbers {
        style.page_numbers = v;
    }
    if let Some(p) = o.punctuation {
        style.punctuation = p;
    }
    if let Some(p) = o.chart_palette {
        style.chart_palette = p;
    }
    if let Some(red) = &o.red {
        let r = red.get_ref();
        if r.len() == 7 && r.starts_with('#') && r[1..].chars().all(|c| c.is_ascii_hexdigit()) {
            style.red = r.to_ascii_uppercase();
        } else {
            errors.push(
                Diagnostic::error(format!("`{r}` is not a colour"))
                    .at(file, red.span())
                    .with_help("write red = \"#C8102E\""),
            );
        }
    }
    for (key, ov) in &o.fonts {
        let Some(role) = FontRole::ALL.into_iter().find(|r| r.key() == key.get_ref()) else {
            let keys: Vec<&str> = FontRole::ALL.iter().map(|r| r.key()).collect();
            let help = match crate::suggest::closest(key.get_ref(), keys.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? Roles: {}", keys.join(", ")),
                None => format!("roles: {}", keys.join(", ")),
            };
            errors.push(
                Diagnostic::error(format!("unknown font role `{}`", key.get_ref()))
                    .at(file, key.span())
                    .with_help(help),
            );
            continue;
        };
        let spec = style
            .fonts
            .entry(role)
            .or_insert_with(|| Style::gbt9704().font(role).clone());
        if let Some(f) = &ov.families {
            if f.is_empty() {
                errors.push(
                    Diagnostic::error(format!("font role `{}` lists no families", key.get_ref()))
                        .at(file, key.span())
                        .with_help("name at least one: families = [\"仿宋_GB2312\", \"仿宋\"]; or leave `families` out to keep the preset's"),
                );
            } else {
                spec.families = f.clone();
            }
        }
        if let Some(size) = &ov.size_pt {
            let s = size.get_ref().0;
            if !(5.0..=72.0).contains(&s) {
                errors.push(
                    Diagnostic::error(format!("font size {s} pt is out of range"))
                        .at(file, size.span())
                        .with_help("sizes run from 5 to 72 pt; 3号 is 16, 2号 is 22"),
                );
            } else {
                spec.size_pt = s;
            }
        }
        if let Some(b) = ov.bold {
            spec.bold = b;
        }
    }
    style
}

/// `[indicators] from`, `sheet` and `range`: present and well formed. The spreadsheet
/// itself is read later, by the pipeline.
fn check_indicator_sheet(sheet: &IndicatorSheet, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    if sheet.from.get_ref().trim().is_empty() {
        errors.push(
            Diagnostic::error("`from` names no spreadsheet")
                .at(file, sheet.from.span())
                .with_help("write the statistics spreadsheet's path, relative to this report: from = \"stats.xlsx\""),
        );
    }
    if let Some(name) = sheet
        .sheet
        .as_ref()
        .filter(|s| s.get_ref().trim().is_empty())
    {
        errors.push(
            Diagnostic::error("`sheet` is empty")
                .at(file, name.span())
                .with_help("write the sheet's name as its tab shows it (sheet = \"Sheet1\"), or remove the key to read the first sheet with an indicator table"),
        );
    }
    if let (Some(range), Some(None)) = (&sheet.range, sheet.cells()) {
        errors.push(
            Diagnostic::error(format!("`{}` is not a range of cells", range.get_ref()))
                .at(file, range.span())
                .with_label("expected a range such as A3:G20")
                .with_help("write the top-left and bottom-right cells with a colon: range = \"A3:G20\" (columns A to XFD, rows from 1)"),
        );
    }
}
