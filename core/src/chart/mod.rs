//! Charts: what a `[[charts]]` entry (or an item's or attachment's `chart`) shows, checked
//! against the report's figures, then drawn once ([`layout`]) as the document tree's
//! [`Chart`](crate::ir::Chart).
//!
//! The decisions, made here for every output:
//! - **growth**: this period beside the same period last year, for indicators with
//!   `previous`, as groups of two bars. Bars of different units cannot share an axis,
//!   and a bar's length must be its figure (a normalised axis would make 48.65亿元 and
//!   36个 look comparable), so a growth chart shows one unit: without `indicators` it is
//!   drawn once per unit, in the order the units first appear.
//! - **completion**: the share of the annual target reached, for indicators with
//!   `target`, as bars in % with a dashed line at 100%.
//! - **bars**: categories and series given with the chart (plugins draw theirs so).
//! - Numbers are printed as everywhere else: a value as written (or with its
//!   indicator's `decimals`), a rate to one decimal, rounded half away from zero.

mod axis;
mod layout;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::indicator::printable;
use crate::ir::BarDirection;
use crate::limits::{MAX_CHART_CATEGORIES, MAX_CHART_SERIES};
use crate::model::{ChartKind, ChartSpec, Indicator};
use crate::resolve::PeriodPhrases;

pub(crate) use layout::lay_out;

/// What one chart shows, before it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// The caption without its number.
    pub title: String,
    /// The categories, in order.
    pub categories: Vec<String>,
    /// The series, in the order of the bars in a group.
    pub series: Vec<SeriesData>,
    /// The value axis title: "单位：亿元".
    pub unit_title: Option<String>,
    /// What follows every number: "%" for rates.
    pub suffix: &'static str,
    /// A value marked across the plot (100%).
    pub reference: Option<f64>,
    /// The direction the chart is drawn in when its labels fit.
    pub prefer: BarDirection,
}

/// One series of a [`Figure`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SeriesData {
    /// Its legend name.
    pub name: String,
    /// A value per category.
    pub values: Vec<Option<f64>>,
    /// Digits printed per value (`None`: as written).
    pub decimals: Vec<Option<u8>>,
    /// This period's figures: the series the palette stresses.
    pub primary: bool,
}

/// The figures `spec` asks for (several for a growth chart over several units), checked
/// against the report's `indicators`; errors point into `file` at the spec's `kind` (for
/// a chart a plugin wrote, the section's `plugin = …`) or its `indicators` list.
pub(crate) fn figures(
    spec: &ChartSpec,
    indicators: &[Indicator],
    period: &PeriodPhrases,
    file: &SourceFile,
) -> Result<Vec<Figure>, Diagnostic> {
    let kind = *spec.kind.get_ref();
    let at = spec.kind.span();
    let error = |message: String, help: &str| {
        Diagnostic::error(message)
            .at(file, at.clone())
            .with_label("this chart")
            .with_help(help.to_string())
    };
    let title = spec
        .title
        .as_ref()
        .map(|t| t.get_ref().trim().to_string())
        .filter(|t| !t.is_empty());
    match kind {
        ChartKind::Growth | ChartKind::Completion => {
            if spec.categories.is_some() || !spec.series.is_empty() || spec.unit.is_some() {
                return Err(error(
                    format!("a {} chart draws the report's indicators: `categories`, `series` and `unit` belong to a bars chart", kind_name(kind)),
                    "remove them, or set kind = \"bars\" to draw figures of your own",
                ));
            }
        }
        ChartKind::Bars => {
            if spec.indicators.is_some() {
                return Err(error(
                    "a bars chart draws its own `categories` and `series`, not `indicators`".into(),
                    "remove `indicators`, or set kind = \"growth\" or \"completion\" to draw the report's figures",
                ));
            }
        }
    }
    let chosen = match &spec.indicators {
        Some(names) => {
            let mut out = Vec::new();
            for name in names.get_ref() {
                let Some(ind) = indicators.iter().find(|i| i.name.get_ref() == name) else {
                    let known = indicators.iter().map(|i| i.name.get_ref().as_str());
                    let help = match crate::suggest::closest(name, known) {
                        Some(best) => {
                            format!("did you mean “{best}”? Name indicators as [[indicators]] does")
                        }
                        None => "name indicators as [[indicators]] does".into(),
                    };
                    return Err(Diagnostic::error(format!(
                        "the chart names “{name}”, which is no indicator of the report"
                    ))
                    .at(file, names.span())
                    .with_label("in this list")
                    .with_help(help));
                };
                out.push(ind);
            }
            if out.is_empty() {
                return Err(error(
                    "the chart's `indicators` list is empty".into(),
                    "list the indicators to draw, or remove the key to draw every one",
                ));
            }
            Some(out)
        }
        None => None,
    };
    let figures = match kind {
        ChartKind::Growth => {
            growth(chosen, indicators, period, title).map_err(|(m, h)| error(m, &h))?
        }
        ChartKind::Completion => {
            vec![completion(chosen, indicators, period, title).map_err(|(m, h)| error(m, &h))?]
        }
        ChartKind::Bars => vec![bars(spec, title).map_err(|(m, h)| error(m, &h))?],
    };
    for f in &figures {
        if f.categories.len() > MAX_CHART_CATEGORIES {
            return Err(error(
                format!(
                    "the chart has {} groups of bars, more than the {MAX_CHART_CATEGORIES} a page can show legibly",
                    f.categories.len()
                ),
                "split it into charts of fewer indicators (list them with `indicators`)",
            ));
        }
    }
    Ok(figures)
}

fn kind_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Growth => "growth",
        ChartKind::Completion => "completion",
        ChartKind::Bars => "bars",
    }
}

type Refusal = (String, String);

/// How a period is named in a legend: "2022年1-6月", "2022年" for a whole year.
fn period_label(year: i32, p: &PeriodPhrases) -> String {
    if (p.first_month, p.last_month) == (1, 12) {
        format!("{year}年")
    } else {
        format!("{year}年{}", p.months)
    }
}

fn growth(
    chosen: Option<Vec<&Indicator>>,
    indicators: &[Indicator],
    period: &PeriodPhrases,
    title: Option<String>,
) -> Result<Vec<Figure>, Refusal> {
    let listed = chosen.is_some();
    let shown: Vec<&Indicator> = match chosen {
        Some(list) => {
            if let Some(i) = list.iter().find(|i| i.previous.is_none()) {
                return Err((
                    format!("indicator “{}” has no `previous`: a growth chart sets this period beside the same period last year", i.name.get_ref()),
                    "give it previous = … (the same period last year), or leave it out of `indicators`".into(),
                ));
            }
            if let Some(pair) = list
                .windows(2)
                .find(|w| w[0].unit.trim() != w[1].unit.trim())
            {
                return Err((
                    format!(
                        "“{}” is in {} but “{}” in {}: bars of different units share no axis",
                        pair[0].name.get_ref(),
                        pair[0].unit.trim(),
                        pair[1].name.get_ref(),
                        pair[1].unit.trim()
                    ),
                    "draw one chart per unit: list indicators of one unit in each [[charts]] entry"
                        .into(),
                ));
            }
            list
        }
        None => indicators.iter().filter(|i| i.previous.is_some()).collect(),
    };
    if shown.is_empty() {
        return Err((
            "no indicator has `previous`, so a growth chart has nothing to show".into(),
            "give indicators previous = … (the same period last year), or remove the chart".into(),
        ));
    }
    let mut units: Vec<&str> = Vec::new();
    for i in &shown {
        if !units.contains(&i.unit.trim()) {
            units.push(i.unit.trim());
        }
    }
    let base = title.unwrap_or_else(|| format!("{}主要经济指标与上年同期对比", period.name));
    let split = units.len() > 1 && !listed;
    Ok(units
        .into_iter()
        .map(|unit| {
            let of_unit: Vec<&&Indicator> =
                shown.iter().filter(|i| i.unit.trim() == unit).collect();
            let decimals: Vec<Option<u8>> = of_unit.iter().map(|i| i.decimals).collect();
            Figure {
                title: if split {
                    format!("{base}（{unit}）")
                } else {
                    base.clone()
                },
                categories: of_unit.iter().map(|i| i.name.get_ref().clone()).collect(),
                series: vec![
                    SeriesData {
                        name: period_label(period.year - 1, period),
                        values: of_unit
                            .iter()
                            .map(|i| i.previous.as_ref().map(|p| p.get_ref().0))
                            .collect(),
                        decimals: decimals.clone(),
                        primary: false,
                    },
                    SeriesData {
                        name: period_label(period.year, period),
                        values: of_unit.iter().map(|i| Some(i.value.get_ref().0)).collect(),
                        decimals,
                        primary: true,
                    },
                ],
                unit_title: Some(format!("单位：{unit}")),
                suffix: "",
                reference: None,
                prefer: BarDirection::Columns,
            }
        })
        .collect())
}

/// An indicator's completion rate by core's one decision ([`completion`](crate::indicator::completion)).
fn rate(i: &Indicator) -> Result<f64, crate::indicator::NoCompletion> {
    let t = i.target.as_ref().map_or(0.0, |t| t.get_ref().0);
    crate::indicator::completion(i.value.get_ref().0, t)
}

fn completion(
    chosen: Option<Vec<&Indicator>>,
    indicators: &[Indicator],
    period: &PeriodPhrases,
    title: Option<String>,
) -> Result<Figure, Refusal> {
    let shown: Vec<&Indicator> = match chosen {
        Some(list) => {
            if let Some(i) = list.iter().find(|i| i.target.is_none()) {
                return Err((
                    format!("indicator “{}” has no `target`: a completion chart shows the share of the annual target reached", i.name.get_ref()),
                    "give it target = … (the annual target), or leave it out of `indicators`".into(),
                ));
            }
            if let Some((i, why)) = list.iter().find_map(|i| rate(i).err().map(|why| (i, why))) {
                return Err((
                    format!(
                        "indicator “{}” has no completion rate: {}",
                        i.name.get_ref(),
                        why.reason()
                    ),
                    "leave it out of `indicators`".into(),
                ));
            }
            list
        }
        // Those with no rate are warned at their `target` (lint).
        None => indicators
            .iter()
            .filter(|i| i.target.is_some() && rate(i).is_ok())
            .collect(),
    };
    if shown.is_empty() {
        return Err((
            "no indicator has a `target`, so a completion chart has nothing to show".into(),
            "give indicators target = … (the annual target), or remove the chart".into(),
        ));
    }
    let rates: Vec<Option<f64>> = shown.iter().map(|i| rate(i).ok()).collect();
    Ok(Figure {
        title: title.unwrap_or_else(|| format!("{}主要经济指标完成全年目标情况", period.name)),
        categories: shown.iter().map(|i| i.name.get_ref().clone()).collect(),
        series: vec![SeriesData {
            name: "完成全年目标".into(),
            decimals: vec![Some(1); rates.len()],
            values: rates,
            primary: true,
        }],
        unit_title: None,
        suffix: "%",
        reference: Some(100.0),
        prefer: BarDirection::Bars,
    })
}

fn bars(spec: &ChartSpec, title: Option<String>) -> Result<Figure, Refusal> {
    let Some(title) = title else {
        return Err((
            "a bars chart needs a `title`: its caption says what the bars are".into(),
            "add title = \"…\" (the caption after 图N)".into(),
        ));
    };
    let categories: Vec<String> = spec
        .categories
        .as_ref()
        .map(|c| c.get_ref().iter().map(|s| s.trim().to_string()).collect())
        .unwrap_or_default();
    if categories.is_empty() {
        return Err((
            "a bars chart needs `categories`: the names along its axis".into(),
            "add categories = [\"…\", \"…\"]".into(),
        ));
    }
    if let Some(i) = categories.iter().position(String::is_empty) {
        return Err((
            format!("category {} of the chart is empty", i + 1),
            "name every group of bars".into(),
        ));
    }
    if spec.series.is_empty() || spec.series.len() > MAX_CHART_SERIES {
        return Err((
            format!(
                "a bars chart has 1 to {MAX_CHART_SERIES} series, not {}",
                spec.series.len()
            ),
            "give [[….series]] entries with a name and one value per category".into(),
        ));
    }
    let mut series = Vec::new();
    for (k, s) in spec.series.iter().enumerate() {
        let values = s.values.get_ref();
        if values.len() != categories.len() {
            return Err((
                format!(
                    "series “{}” has {} values for {} categories",
                    s.name.trim(),
                    values.len(),
                    categories.len()
                ),
                "give one value per category, in the order of `categories`".into(),
            ));
        }
        if let Some(v) = values.iter().find(|v| !printable(v.0)) {
            return Err((
                format!(
                    "series “{}” has the value {}, too large to draw",
                    s.name.trim(),
                    v.0
                ),
                "check the figures".into(),
            ));
        }
        if spec.series.len() > 1 && s.name.trim().is_empty() {
            return Err((
                format!("series {} has no name, which its legend entry needs", k + 1),
                "add name = \"…\"".into(),
            ));
        }
        series.push(SeriesData {
            name: s.name.trim().to_string(),
            values: values.iter().map(|v| Some(v.0)).collect(),
            decimals: vec![None; values.len()],
            primary: k == 0,
        });
    }
    let unit = spec
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    Ok(Figure {
        title,
        categories,
        series,
        unit_title: unit.map(|u| format!("单位：{u}")),
        suffix: "",
        reference: None,
        prefer: BarDirection::Columns,
    })
}
