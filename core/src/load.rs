//! Loading `report.toml`: parse with spans, check everything that can be checked
//! before building, and resolve the style.

use crate::date::Date;
use crate::diagnostic::{read_source, Diagnostic, Diagnostics, SourceFile};
use crate::model::{IndicatorSheet, Item, Report, TableSpec};
use crate::period::Period;
use crate::style::{FontRole, Style};
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
    let report: Report = toml::from_str(&file.text).map_err(|e| parse_error(&file, &e))?;
    check(report, file)
}

/// Turns a toml/serde error into a diagnostic with a place and a fix.
pub(crate) fn parse_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
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

fn type_help(message: &str) -> String {
    if message.contains("expected a number") || message.contains("f64") {
        "write a number without quotes or units: value = 123.5".into()
    } else if message.contains("string") {
        "put the text in double quotes: \"……\"".into()
    } else if message.contains("sequence") {
        "write a list in square brackets, or [[…]] tables for a list of entries".into()
    } else {
        "see `huibao schema` for the type each key takes".into()
    }
}

/// Checks a parsed report; collects every error rather than stopping at the first.
fn check(report: Report, file: SourceFile) -> Result<Loaded, Diagnostics> {
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
                Diagnostic::error("an indicator has an empty name").at(&file, ind.name.span()),
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
        if let Some(target) = &ind.target {
            if target.get_ref().0 <= 0.0 {
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
        (&report.achievements, "achievements"),
        (&report.problems, "problems"),
        (&report.plan, "plan"),
    ];
    for (items, part) in parts {
        for item in items {
            check_item(item, 2, part, &file, &mut errors);
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

fn check_item(item: &Item, level: u8, part: &str, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    let place = item
        .title
        .as_ref()
        .map(|t| t.span())
        .or_else(|| item.text.as_ref().map(|t| t.span()));
    if level > 4 {
        let mut d = Diagnostic::error(format!("items in [[{part}]] nest deeper than four levels"))
            .with_help(
            "headings go 一、（一）1.（1） and no deeper; fold this item into its parent's text",
        );
        if let Some(span) = place.clone() {
            d = d.at(file, span);
        }
        errors.push(d);
        return;
    }
    if item.title.is_none() && item.text.is_none() && item.items.is_empty() {
        errors.push(
            Diagnostic::error(format!("an item in [[{part}]] is empty"))
                .with_help("give each item a `title`, a `text`, or both"),
        );
    }
    if let Some(title) = &item.title {
        if title.get_ref().trim().is_empty() {
            errors.push(Diagnostic::error("an item's title is empty").at(file, title.span()));
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
    for child in &item.items {
        check_item(child, level + 1, part, file, errors);
    }
}

fn check_table(t: &TableSpec, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    let n = t.columns.get_ref().len();
    if n == 0 {
        errors.push(Diagnostic::error("a table has no columns").at(file, t.columns.span()));
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
    for (what, len) in [
        ("align", t.align.as_ref().map(Vec::len)),
        ("widths", t.widths.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&l| l != n) {
            errors.push(
                Diagnostic::error(format!(
                    "`{what}` has {len} entries but the table has {n} columns"
                ))
                .at(file, t.columns.span()),
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
                        .at(file, key.span()),
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
