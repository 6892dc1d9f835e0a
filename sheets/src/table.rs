//! The rows under the header, read as indicators: numbers stored as text ("1,234.5",
//! "12.4%"), empty and 合计 rows, notes below the table, units in the name or the header;
//! 上年同期 derived from 同比增长 when the sheet gives only the rate, and the rates the
//! sheet states checked against the ones the report will print.

use crate::error::{Finding, Place, SheetError};
use crate::grid::{address, Grid, Value};
use crate::header::{normalize, unit_suffix, Column, Header};
use crate::{Guess, SheetIndicator};
use huibao_core::chars::{describe_forbidden, first_forbidden, is_forbidden};
use huibao_core::{
    completion_rate, decimals_in, is_percent, previous_for_change, Change, NoCompletion, NoRate,
};
use huibao_i18n::msg;
use huibao_plugin_api::numbers::{format_number, round_half_away};

/// A cell read as a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Figure {
    /// Empty, or a dash for "none".
    Missing,
    /// A number: its value, the decimals written when they include trailing zeros
    /// ("5.00" → 2), and whether it was shown as a percentage ("12.4%").
    Number {
        value: f64,
        decimals: Option<u8>,
        percent: bool,
    },
    /// Something else, as shown.
    NotNumber(String),
    /// A number the report would refuse (past 2^53, or not finite), as shown.
    Unprintable(String),
}

/// `figure` unless its number is one the report refuses (see [`printable_number`]).
fn checked(figure: Figure, shown: impl FnOnce() -> String) -> Figure {
    match figure {
        Figure::Number { value, .. } if !printable_number(value) => Figure::Unprintable(shown()),
        f => f,
    }
}

/// Whether the report would take `x` as written: finite and below
/// [`MAX_NUMBER`](huibao_core::limits::MAX_NUMBER) (2^53) in magnitude, as the report's
/// own numbers must be.
fn printable_number(x: f64) -> bool {
    x.is_finite() && x.abs() < huibao_core::limits::MAX_NUMBER
}

/// Reads a cell as a figure.
pub(crate) fn figure(grid: &Grid, at: (u32, u32)) -> Figure {
    let cell = grid.get(at);
    let figure = match cell {
        Value::Empty => Figure::Missing,
        Value::Number(x) => Figure::Number {
            value: *x,
            decimals: None,
            percent: grid.is_percent(at),
        },
        Value::Text(t) => number_text(t),
        Value::Other(what) => Figure::NotNumber(what.clone()),
    };
    checked(figure, || match cell {
        Value::Number(x) if !x.is_finite() => format!("{x}"),
        Value::Number(x) => format!("{x:e}"),
        other => other.shown().trim().to_string(),
    })
}

/// A number written as text: "48.65", "1,234.5", "12.4%", "－3.4", "0.5个百分点"; a dash
/// or "/" is no figure.
pub(crate) fn number_text(text: &str) -> Figure {
    let mut t = normalize(text)
        .replace(['．', '。'], ".")
        .replace(['−', '﹣'], "-");
    if matches!(
        t.as_str(),
        "" | "-" | "--" | "/" | "…" | "..." | "...." | "无" | "—"
    ) {
        return Figure::Missing;
    }
    if t.chars().all(|c| c == '-') {
        return Figure::Missing;
    }
    let mut percent = false;
    for suffix in ["个百分点", "百分点"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.to_string();
        }
    }
    if let Some(rest) = t.strip_suffix('%') {
        t = rest.to_string();
        percent = true;
    }
    // Thousands separators: "1,234.5", "1，234".
    let plain: String = t.chars().filter(|&c| c != ',' && c != '，').collect();
    let valid = !plain.is_empty()
        && plain
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
        && plain.chars().any(|c| c.is_ascii_digit())
        && plain.matches('.').count() <= 1;
    match plain.parse::<f64>() {
        Ok(value) if valid && value.is_finite() => Figure::Number {
            value,
            decimals: huibao_core::decimals_as_written(&plain, value),
            percent,
        },
        _ => Figure::NotNumber(text.trim().to_string()),
    }
}

/// `text` without the characters a report may not hold, to quote it in a message.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_forbidden(c, None) || c == '\r')
        .collect()
}

/// Words that start the notes under a table.
const NOTES: [&str; 8] = [
    "注",
    "说明",
    "备注",
    "附注",
    "资料来源",
    "数据来源",
    "来源",
    "*",
];
/// Rows of totals, not indicators.
const TOTALS: [&str; 4] = ["合计", "总计", "小计", "总合计"];

/// An indicator's name as written in a cell: spaces between Chinese characters (used to
/// align names) and a leading "其中：" left out.
pub(crate) fn clean_name(text: &str) -> String {
    let name = huibao_core::chars::tidy_spaces(text);
    for prefix in ["其中：", "其中:", "其中，"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    name
}

/// What reading the rows gave.
pub(crate) struct Rows {
    pub(crate) indicators: Vec<SheetIndicator>,
    pub(crate) warnings: Vec<Finding>,
    pub(crate) errors: Vec<SheetError>,
}

/// Reads the rows under `header`.
pub(crate) fn read(grid: &Grid, header: &Header, sheet: &Place) -> Rows {
    let mut out = Rows {
        indicators: Vec::new(),
        warnings: Vec::new(),
        errors: Vec::new(),
    };
    let mut seen: Vec<(String, (u32, u32))> = Vec::new();
    for row in header.last_row + 1..grid.end().0 {
        let name_at = (row, header.name.column);
        let name_text = grid.get(name_at).shown();
        let name = clean_name(&name_text);
        let value_at = (row, header.value.column);
        let value = figure(grid, value_at);
        let others: Vec<(&Column, Figure)> = header
            .columns()
            .filter(|c| {
                !matches!(
                    c.role,
                    crate::header::Role::Name | crate::header::Role::Unit
                )
            })
            .map(|c| (c, figure(grid, (row, c.column))))
            .collect();
        let any_figure = others.iter().any(|(_, f)| *f != Figure::Missing);
        if name.is_empty() && !any_figure {
            continue;
        }
        if NOTES.iter().any(|n| name.starts_with(n)) && value == Figure::Missing {
            break;
        }
        if TOTALS.contains(&name.as_str()) {
            continue;
        }
        if name.is_empty() {
            out.errors.push(SheetError::new(
                sheet.cell(name_at),
                msg!("sheet-row-no-name", row = row + 1),
                msg!(
                    "sheet-row-no-name-help",
                    cell = address(name_at),
                    column = header.name.words.as_str()
                ),
            ));
            continue;
        }
        if let Some((_, bad)) = first_forbidden(&name) {
            out.errors.push(SheetError::new(
                sheet.cell(name_at),
                msg!(
                    "sheet-name-control",
                    name = visible(&name),
                    what = describe_forbidden(bad)
                ),
                msg!("sheet-name-control-help"),
            ));
            continue;
        }
        let mut errors = Vec::new();
        for (column, figure) in &others {
            let at = (row, column.column);
            match figure {
                Figure::NotNumber(shown) => errors.push(SheetError::new(
                    sheet.cell(at),
                    msg!(
                        "sheet-not-number",
                        value = shown.as_str(),
                        column = column.words.as_str(),
                        name = name.as_str()
                    ),
                    msg!("sheet-not-number-help"),
                )),
                Figure::Unprintable(shown) => errors.push(SheetError::new(
                    sheet.cell(at),
                    msg!(
                        "sheet-unprintable",
                        value = shown.as_str(),
                        column = column.words.as_str(),
                        name = name.as_str()
                    ),
                    msg!("sheet-unprintable-help"),
                )),
                _ => {}
            }
        }
        if !errors.is_empty() {
            out.errors.extend(errors);
            continue;
        }
        let Figure::Number {
            value,
            decimals,
            percent,
        } = value
        else {
            if any_figure || !unit_of(grid, header, row).is_empty() {
                out.warnings.push(Finding {
                    place: sheet.cell(value_at),
                    message: msg!(
                        "sheet-no-figure",
                        name = name.as_str(),
                        column = header.value.words.as_str()
                    ),
                    help: Some(msg!("sheet-no-figure-help", cell = address(value_at))),
                });
            }
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
            out.errors.push(SheetError::new(
                sheet.cell(name_at),
                msg!(
                    "sheet-twice",
                    name = name.as_str(),
                    first = address(*first),
                    second = address(name_at)
                ),
                msg!("sheet-twice-help"),
            ));
            continue;
        }
        seen.push((name.clone(), name_at));
        match indicator(grid, header, sheet, row, name, value, decimals, percent) {
            Ok((ind, warnings)) => {
                out.indicators.push(ind);
                out.warnings.extend(warnings);
            }
            Err(e) => out.errors.push(e),
        }
    }
    out
}

/// The unit column's text in `row` (a unit merged down over several rows included).
fn unit_of(grid: &Grid, header: &Header, row: u32) -> String {
    header
        .unit
        .as_ref()
        .map(|u| grid.seen_down((row, u.column)).0.shown().trim().to_string())
        .unwrap_or_default()
}

fn number(grid: &Grid, column: Option<&Column>, row: u32) -> Option<(f64, (u32, u32))> {
    let at = (row, column?.column);
    match figure(grid, at) {
        Figure::Number { value, .. } => Some((value, at)),
        _ => None,
    }
}

/// One row as an indicator, once its name and value are known to be good.
#[allow(clippy::too_many_arguments)]
fn indicator(
    grid: &Grid,
    header: &Header,
    sheet: &Place,
    row: u32,
    name: String,
    value: f64,
    decimals: Option<u8>,
    value_percent: bool,
) -> Result<(SheetIndicator, Vec<Finding>), SheetError> {
    let name_at = (row, header.name.column);
    let mut guesses = Vec::new();
    let mut warnings = Vec::new();
    // The unit: its column, the name, the value's header, a "单位：" line, a % sign.
    let mut name = name;
    let in_name = unit_suffix(&name);
    let column_unit = unit_of(grid, header, row);
    let unit = if !column_unit.is_empty() {
        if let Some((bare, u)) = &in_name {
            if *u == column_unit {
                name = bare.clone();
            }
        }
        column_unit
    } else if let Some((bare, u)) = in_name {
        name = bare;
        u
    } else if let Some(u) = &header.value.unit {
        u.clone()
    } else if let Some((u, at)) = &header.unit_line {
        guesses.push(Guess::unit(huibao_i18n::t!(
            "sheet-guess-unit-line",
            unit = u.as_str(),
            cell = address(*at)
        )));
        u.clone()
    } else if value_percent {
        "%".to_string()
    } else {
        let at = header.unit.as_ref().map_or(name_at, |u| (row, u.column));
        return Err(SheetError::new(
            sheet.cell(at),
            msg!("sheet-no-unit", name = name.as_str()),
            match &header.unit {
                Some(u) => msg!(
                    "sheet-no-unit-help",
                    cell = address(at),
                    column = u.words.as_str()
                ),
                None => msg!("sheet-no-unit-column-help", name = name.as_str()),
            },
        ));
    };
    if let Some((_, bad)) = first_forbidden(&unit) {
        return Err(SheetError::new(
            sheet.cell(name_at),
            msg!(
                "sheet-unit-control",
                name = name.as_str(),
                what = describe_forbidden(bad)
            ),
            msg!("sheet-unit-control-help"),
        ));
    }
    let previous = number(grid, header.previous.as_ref(), row);
    let growth = number(grid, header.growth.as_ref(), row);
    let target = number(grid, header.target.as_ref(), row);
    let completion = number(grid, header.completion.as_ref(), row);
    if let Some((t, at)) = target {
        if t <= 0.0 {
            return Err(SheetError::new(
                sheet.cell(at),
                msg!(
                    "sheet-target-not-positive",
                    name = name.as_str(),
                    target = format_number(t, None)
                ),
                msg!("sheet-target-not-positive-help"),
            ));
        }
    }
    let change_word = if is_percent(&unit) {
        "个百分点"
    } else {
        "%"
    };
    let previous = match (previous, growth) {
        (Some((p, p_at)), growth) => {
            let change = huibao_core::change(value, &unit, p);
            if change == Change::Unrated(NoRate::TooLarge) {
                return Err(SheetError::new(
                    sheet.cell(p_at),
                    msg!(
                        "sheet-change-too-large",
                        name = name.as_str(),
                        previous = format_number(p, None),
                        value = format_number(value, None)
                    ),
                    msg!("sheet-change-too-large-help"),
                ));
            }
            if let Change::Unrated(why) = change {
                warnings.push(Finding {
                    place: sheet.cell(p_at),
                    message: msg!(
                        "sheet-no-change",
                        name = name.as_str(),
                        reason = why.reason()
                    ),
                    help: Some(msg!("sheet-no-change-help")),
                });
            }
            if let Some((g, g_at)) = growth {
                let stated = round_half_away(g, 1);
                if change.stated() != Some(stated) {
                    let printed = match change.phrase() {
                        Some(phrase) => msg!("value-as-written", value = phrase),
                        None => msg!("sheet-no-change-printed"),
                    };
                    warnings.push(Finding {
                        place: sheet.cell(g_at),
                        message: msg!(
                            "sheet-growth-disagrees",
                            name = name.as_str(),
                            stated = format!("{}{change_word}", format_number(g, None)),
                            value = format_number(value, None),
                            previous = format_number(p, None),
                            printed = printed
                        ),
                        help: Some(msg!("sheet-growth-disagrees-help", cell = address(g_at))),
                    });
                    guesses.push(Guess::previous(huibao_i18n::t!(
                        "sheet-guess-disagrees",
                        column = header.growth.as_ref().map_or("", |c| c.words.as_str()),
                        cell = address(g_at),
                        stated = format!("{}{change_word}", format_number(g, None))
                    )));
                }
            }
            Some(p)
        }
        (None, Some((g, g_at))) => {
            match previous_for_change(value, &unit, g, decimals_in(&format_number(value, None))) {
                Some(p) => {
                    guesses.push(Guess::previous(huibao_i18n::t!(
                        "sheet-guess-derived",
                        column = header.growth.as_ref().map_or("", |c| c.words.as_str()),
                        cell = address(g_at),
                        stated = format!("{}{change_word}", format_number(g, None))
                    )));
                    Some(p)
                }
                None => {
                    warnings.push(Finding {
                        place: sheet.cell(g_at),
                        message: msg!(
                            "sheet-previous-underivable",
                            name = name.as_str(),
                            change = format!("{}{change_word}", format_number(g, None))
                        ),
                        help: Some(msg!("sheet-previous-underivable-help")),
                    });
                    None
                }
            }
        }
        (None, None) => None,
    };
    if let Some((t, t_at)) = target {
        match huibao_core::completion(value, t) {
            Err(NoCompletion::TooLarge) => {
                return Err(SheetError::new(
                    sheet.cell(t_at),
                    msg!(
                        "sheet-completion-too-large",
                        value = format_number(value, None),
                        target = format_number(t, None)
                    ),
                    msg!("sheet-completion-too-large-help"),
                ))
            }
            Err(why) => warnings.push(Finding {
                place: sheet.cell(t_at),
                message: msg!(
                    "sheet-no-completion",
                    name = name.as_str(),
                    reason = why.reason()
                ),
                help: Some(msg!("sheet-no-completion-help")),
            }),
            Ok(_) => {}
        }
    }
    if let Some((c, c_at)) = completion {
        match target.and_then(|(t, _)| completion_rate(value, t)) {
            Some(printed) if printed != round_half_away(c, 1) => {
                warnings.push(Finding {
                    place: sheet.cell(c_at),
                    message: msg!(
                        "sheet-completion-disagrees",
                        name = name.as_str(),
                        stated = format!("{}%", format_number(c, None)),
                        value = format_number(value, None),
                        target = format_number(target.map_or(0.0, |t| t.0), None),
                        printed = format!("{printed:.1}%")
                    ),
                    help: Some(msg!(
                        "sheet-completion-disagrees-help",
                        cell = address(c_at)
                    )),
                });
                guesses.push(Guess::target(huibao_i18n::t!(
                    "sheet-guess-disagrees",
                    column = header.completion.as_ref().map_or("", |c| c.words.as_str()),
                    cell = address(c_at),
                    stated = format!("{}%", format_number(c, None))
                )));
            }
            Some(_) => {}
            None if target.is_some() => {}
            None => guesses.push(Guess::target(huibao_i18n::t!(
                "sheet-guess-no-target",
                stated = format!("{}%", format_number(c, None)),
                cell = address(c_at)
            ))),
        }
    }
    Ok((
        SheetIndicator {
            name,
            value,
            unit,
            previous,
            target: target.map(|t| t.0),
            decimals,
            place: sheet.cell(name_at),
            guesses,
        },
        warnings,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: f64) -> Figure {
        Figure::Number {
            value,
            decimals: None,
            percent: false,
        }
    }

    #[test]
    fn numbers_stored_as_text() {
        assert_eq!(number_text("48.65"), n(48.65));
        assert_eq!(number_text(" 1,234.5 "), n(1234.5));
        assert_eq!(number_text("１２．４"), n(12.4));
        assert_eq!(number_text("－3.4"), n(-3.4));
        assert_eq!(number_text("0.5个百分点"), n(0.5));
        assert_eq!(
            number_text("12.4%"),
            Figure::Number {
                value: 12.4,
                decimals: None,
                percent: true
            }
        );
        assert_eq!(
            number_text("5.00"),
            Figure::Number {
                value: 5.0,
                decimals: Some(2),
                percent: false
            }
        );
        for none in ["", "-", "—", "——", "/", "－"] {
            assert_eq!(number_text(none), Figure::Missing, "{none}");
        }
        for bad in ["约50", "待定", "1.2.3", "inf", "1e5", "NaN", "12亿"] {
            assert!(matches!(number_text(bad), Figure::NotNumber(_)), "{bad}");
        }
    }

    #[test]
    fn names_as_written_in_cells() {
        assert_eq!(clean_name("  营 业 收 入 "), "营业收入");
        assert_eq!(clean_name("其中：规上工业增加值"), "规上工业增加值");
        assert_eq!(clean_name("R&D 经费"), "R&D经费");
        assert_eq!(clean_name("GDP  total"), "GDP total");
        // Copied from a web page into the sheet: invisible and no-break characters.
        assert_eq!(clean_name("工业\u{200B}总产值\u{A0}"), "工业总产值");
    }

    #[test]
    fn units_from_a_merged_column_the_name_or_the_header_and_rows_that_are_no_indicators() {
        use huibao_core::model::CellRange;
        let mut g = Grid::default();
        let rows: [&[&str]; 8] = [
            &["指标名称", "单位", "本期（万元）"],
            &["一、经济运行", "", ""],
            &["营业收入", "亿元", "48.65"],
            &["税收收入", "", "5.62"],
            &["新签约项目（个）", "", "36"],
            &["固定资产投资", "", "235600"],
            &["合计", "", "999"],
            &["注：本表为快报数。", "", ""],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                g.set((r as u32, c as u32), Value::Text(text.to_string()));
            }
        }
        g.set((8, 0), Value::Text("工业总产值".into()));
        g.set((8, 2), Value::Number(152.3));
        // The unit written once for 营业收入 and 税收收入.
        g.merge(CellRange::parse("B3:B4").unwrap());
        let header = crate::header::find(&g).unwrap();
        let read = read(
            &g,
            &header,
            &Place::file("stats.xlsx").sheet(Some("Sheet1")),
        );
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        let got: Vec<(&str, &str)> = read
            .indicators
            .iter()
            .map(|i| (i.name.as_str(), i.unit.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("营业收入", "亿元"),
                ("税收收入", "亿元"),
                ("新签约项目", "个"),
                ("固定资产投资", "万元"),
            ]
        );
    }
}
