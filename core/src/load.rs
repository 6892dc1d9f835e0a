//! Loading `report.toml`: parse with spans, check everything that can be checked
//! before building, and resolve the style.

use crate::date::Date;
use crate::diagnostic::{read_source, Diagnostic, Diagnostics, SourceFile};
use crate::model::{IndicatorSheet, Item, Report, TableSpec};
use crate::period::Period;
use crate::scan::ItemPlace;
use crate::style::{FontRole, Style};
use huibao_i18n::{msg, Message};
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
    load_as(path, crate::input::Kind::Report)
}

/// Reads, parses and checks a report file read as `kind` (a report, or last period's
/// report: each has its limit).
pub fn load_as(path: &Path, kind: crate::input::Kind) -> Result<Loaded, Diagnostics> {
    let file = read_source(path, kind)?;
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
    // toml's own words follow ours as the detail.
    let detail = first_line(&message);
    let mut d =
        Diagnostic::error(msg!("load-syntax", detail = detail.clone())).at(file, span.clone());
    if let Some((unknown, expected)) = unknown_field(&message) {
        d.message = msg!("load-unknown-key", key = unknown.clone());
        d.label = Some(msg!("load-unknown-key-label"));
        d.help = Some(
            match crate::suggest::closest(&unknown, expected.iter().map(String::as_str)) {
                Some(best) => msg!(
                    "load-unknown-key-suggest",
                    suggestion = best,
                    keys = expected
                ),
                None => msg!("load-unknown-key-keys", keys = expected),
            },
        );
    } else if let Some(field) = between(&message, "missing field `", "`") {
        d.message = msg!("load-missing-key", key = field);
        d.label = Some(msg!("load-missing-key-label", key = field));
        d.help = Some(msg!("load-missing-key-help", key = field));
    } else if message.to_string().starts_with("invalid type") {
        d.message = msg!("load-wrong-type", detail = detail);
        d.label = Some(msg!("load-wrong-type-label"));
        d.help = Some(type_help(&message));
    } else if message.to_string().starts_with("invalid value") {
        d.message = msg!("load-bad-value", detail = detail);
        d.label = Some(msg!("load-bad-value-label"));
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
        d.message = msg!("load-unknown-value", value = unknown);
        d.label = Some(msg!("load-unknown-value-label"));
        d.help = Some(
            match crate::suggest::closest(unknown, allowed.iter().map(String::as_str)) {
                Some(best) => msg!(
                    "load-unknown-value-suggest",
                    suggestion = best,
                    values = quoted(&allowed)
                ),
                None => msg!("load-unknown-value-values", values = quoted(&allowed)),
            },
        );
    } else {
        d.label = Some(msg!("load-syntax-label"));
        d.help = Some(match message.lines().nth(1) {
            Some(more) => msg!("load-syntax-help-detail", detail = more.trim()),
            None => msg!("load-syntax-help"),
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
fn type_help(message: &str) -> Message {
    let expected = message.split_once(", expected ").map_or("", |(_, e)| e);
    let is = |words: &[&str]| words.iter().any(|w| expected.contains(w));
    if is(&["datetime", "date"]) {
        msg!("load-type-help-date")
    } else if is(&["number", "f64", "integer", "u8", "u16", "u32", "i64"]) {
        msg!("load-type-help-number")
    } else if is(&["bool"]) {
        msg!("load-type-help-bool")
    } else if is(&["string", "str"]) {
        msg!("load-type-help-text")
    } else if is(&["sequence", "array"]) {
        msg!("load-type-help-list")
    } else if is(&["struct", "map", "table"]) {
        msg!("load-type-help-table")
    } else {
        msg!("load-type-help-schema")
    }
}

/// What a value out of range should be, from serde's "invalid value: …, expected …".
fn value_help(message: &str) -> Message {
    let expected = message.split_once(", expected ").map_or("", |(_, e)| e);
    let whole = |max: u64| msg!("load-value-help-whole", max = max.to_string());
    match expected.trim() {
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        other if !other.is_empty() => msg!("load-value-help-expected", expected = other),
        _ => msg!("load-value-help-schema"),
    }
}

fn quoted(values: &[String]) -> Vec<String> {
    values.iter().map(|v| format!("\"{v}\"")).collect()
}

/// Checks a parsed report; collects every error rather than stopping at the first.
fn check(report: Report, places: &Places, file: SourceFile) -> Result<Loaded, Diagnostics> {
    let mut errors = Vec::new();
    let meta = &report.report;

    let period = Period::parse(meta.period.get_ref()).map_err(|e| {
        errors.push(
            Diagnostic::error(e.0)
                .at(&file, meta.period.span())
                .with_label(msg!("load-period-label"))
                .with_help(msg!("load-period-help")),
        )
    });

    let date = to_date(meta.date.get_ref()).ok_or_else(|| {
        errors.push(
            Diagnostic::error(msg!("load-date", value = meta.date.get_ref().to_string()))
                .at(&file, meta.date.span())
                .with_label(msg!("load-date-label"))
                .with_help(msg!("load-date-help")),
        )
    });

    for (what, text) in [("organization", meta.organization.get_ref())] {
        if text.trim().is_empty() {
            errors.push(
                Diagnostic::error(msg!("load-empty-key", key = what))
                    .at(&file, meta.organization.span())
                    .with_help(msg!("load-organization-help")),
            );
        }
    }
    if let Some(title) = &meta.title {
        if title.get_ref().trim().is_empty() {
            errors.push(
                Diagnostic::error(msg!("load-empty-key", key = "title"))
                    .at(&file, title.span())
                    .with_help(msg!("load-title-help")),
            );
        }
    }

    let mut seen: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    for ind in &report.indicators {
        let name = ind.name.get_ref().as_str();
        if name.trim().is_empty() {
            errors.push(
                Diagnostic::error(msg!("load-indicator-no-name"))
                    .at(&file, ind.name.span())
                    .with_help(msg!("load-indicator-no-name-help")),
            );
        }
        if let Some(first) = seen.get(name) {
            let (line, _) = file.line_column(first.start);
            errors.push(
                Diagnostic::error(msg!("load-indicator-twice", name = name))
                    .at(&file, ind.name.span())
                    .with_label(msg!("load-indicator-twice-label"))
                    .with_help(msg!("load-indicator-twice-help", line = line)),
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
                    Diagnostic::error(msg!(
                        "load-indicator-change-too-large",
                        name = name,
                        previous = written(previous.span()),
                        value = written(ind.value.span())
                    ))
                    .at(&file, previous.span())
                    .with_label(msg!("load-indicator-previous-label"))
                    .with_help(msg!("load-indicator-change-too-large-help")),
                );
            }
        }
        if let Some(target) = &ind.target {
            let t = target.get_ref().0;
            if crate::indicator::completion(value, t)
                == Err(crate::indicator::NoCompletion::TooLarge)
            {
                errors.push(
                    Diagnostic::error(msg!(
                        "load-indicator-rate-too-large",
                        name = name,
                        value = written(ind.value.span()),
                        target = written(target.span())
                    ))
                    .at(&file, target.span())
                    .with_label(msg!("load-indicator-target-label"))
                    .with_help(msg!("load-indicator-rate-too-large-help")),
                );
            }
            if t <= 0.0 {
                errors.push(
                    Diagnostic::error(msg!(
                        "load-indicator-target-not-positive",
                        name = name,
                        target = written(target.span())
                    ))
                    .at(&file, target.span())
                    .with_help(msg!("load-indicator-target-not-positive-help")),
                );
            }
        }
        if ind.unit.trim().is_empty() {
            errors.push(
                Diagnostic::error(msg!("load-indicator-no-unit", name = name))
                    .at(&file, ind.name.span())
                    .with_help(msg!("load-indicator-no-unit-help")),
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
        if att.text.is_none() && att.table.is_none() && !att.indicator_table && att.chart.is_none()
        {
            errors.push(
                Diagnostic::error(msg!("load-attachment-empty", title = att.title.get_ref()))
                    .at(&file, att.title.span())
                    .with_help(msg!("load-attachment-empty-help")),
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
            Diagnostic::error(msg!("load-item-too-deep", part = part))
                .with_label(msg!("load-item-too-deep-label"))
                .with_help(msg!("load-item-too-deep-help")),
        ));
        return;
    }
    if item.title.is_none() && item.text.is_none() && item.items.is_empty() && item.table.is_none()
    {
        errors.push(located(
            Diagnostic::error(msg!("load-item-empty", part = part))
                .with_label(msg!("load-item-empty-label"))
                .with_help(msg!("load-item-empty-help")),
        ));
    }
    if let Some(title) = &item.title {
        if title.get_ref().trim().is_empty() {
            errors.push(
                Diagnostic::error(msg!("load-item-title-empty"))
                    .at(file, title.span())
                    .with_help(msg!("load-item-title-empty-help")),
            );
        } else if title.get_ref().contains('\n') {
            errors.push(
                Diagnostic::error(msg!("load-item-title-lines"))
                    .at(file, title.span())
                    .with_help(msg!("load-item-title-lines-help")),
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
            Diagnostic::error(msg!("load-table-no-columns"))
                .at(file, t.columns.span())
                .with_help(msg!("load-table-no-columns-help")),
        );
    }
    for row in &t.rows {
        if row.get_ref().len() != n {
            errors.push(
                Diagnostic::error(msg!(
                    "load-table-row-cells",
                    cells = row.get_ref().len(),
                    columns = n
                ))
                .at(file, row.span())
                .with_help(msg!("load-table-row-cells-help")),
            );
        }
    }
    if t.widths.as_ref().is_some_and(|w| w.contains(&0)) {
        errors.push(
            Diagnostic::error(msg!("load-table-zero-width"))
                .at(file, t.columns.span())
                .with_label(msg!("load-table-zero-width-label"))
                .with_help(msg!("load-table-zero-width-help")),
        );
    }
    for (what, len) in [
        ("align", t.align.as_ref().map(Vec::len)),
        ("widths", t.widths.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&l| l != n) {
            errors.push(
                Diagnostic::error(msg!(
                    "load-table-entries",
                    key = what,
                    entries = len,
                    columns = n
                ))
                .at(file, t.columns.span())
                .with_help(msg!("load-table-entries-help", key = what)),
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
            Diagnostic::error(msg!("load-document-number-form", number = s))
                .at(file, span)
                .with_help(msg!("load-document-number-form-help")),
        );
    } else if let Some(after) = s.split('〕').nth(1) {
        if after.starts_with('0') {
            errors.push(
                Diagnostic::error(msg!("load-document-number-zero", number = s))
                    .at(file, span)
                    .with_help(msg!("load-document-number-zero-help")),
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
                Diagnostic::error(msg!("load-colour", value = r.as_str()))
                    .at(file, red.span())
                    .with_help(msg!("load-colour-help")),
            );
        }
    }
    for (key, ov) in &o.fonts {
        let Some(role) = FontRole::ALL.into_iter().find(|r| r.key() == key.get_ref()) else {
            let keys: Vec<&str> = FontRole::ALL.iter().map(|r| r.key()).collect();
            let help = match crate::suggest::closest(key.get_ref(), keys.iter().copied()) {
                Some(best) => msg!("load-font-role-suggest", suggestion = best, roles = keys),
                None => msg!("load-font-role-roles", roles = keys),
            };
            errors.push(
                Diagnostic::error(msg!("load-font-role", role = key.get_ref()))
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
                    Diagnostic::error(msg!("load-font-no-families", role = key.get_ref()))
                        .at(file, key.span())
                        .with_help(msg!("load-font-no-families-help")),
                );
            } else {
                spec.families = with_stand_ins(f, &spec.families);
            }
        }
        if let Some(size) = &ov.size_pt {
            let s = size.get_ref().0;
            if !(5.0..=72.0).contains(&s) {
                errors.push(
                    Diagnostic::error(msg!("load-font-size", size = s.to_string()))
                        .at(file, size.span())
                        .with_help(msg!("load-font-size-help")),
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
/// The families a report names for a role, followed by the role's own families that it
/// did not name: the report's first choice wins where it is installed, and where none of
/// them is, the role keeps its stand-ins (the bundled 仿宋, 楷体 …) instead of falling to
/// whatever face the machine has.
fn with_stand_ins(named: &[String], role_families: &[String]) -> Vec<String> {
    let mut families = named.to_vec();
    families.extend(role_families.iter().filter(|f| !named.contains(f)).cloned());
    families
}

fn check_indicator_sheet(sheet: &IndicatorSheet, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    if sheet.from.get_ref().trim().is_empty() {
        errors.push(
            Diagnostic::error(msg!("load-sheet-from-empty"))
                .at(file, sheet.from.span())
                .with_help(msg!("load-sheet-from-empty-help")),
        );
    }
    if let Some(name) = sheet
        .sheet
        .as_ref()
        .filter(|s| s.get_ref().trim().is_empty())
    {
        errors.push(
            Diagnostic::error(msg!("load-empty-key", key = "sheet"))
                .at(file, name.span())
                .with_help(msg!("load-sheet-name-empty-help")),
        );
    }
    if let (Some(range), Some(None)) = (&sheet.range, sheet.cells()) {
        errors.push(
            Diagnostic::error(msg!("load-sheet-range", range = range.get_ref()))
                .at(file, range.span())
                .with_label(msg!("load-sheet-range-label"))
                .with_help(msg!("load-sheet-range-help")),
        );
    }
}
