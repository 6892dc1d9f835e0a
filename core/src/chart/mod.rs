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
use huibao_i18n::{msg, Message};

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
    let error = |message: Message, help: Message| {
        Diagnostic::error(message)
            .at(file, at.clone())
            .with_label(msg!("chart-label"))
            .with_help(help)
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
                    msg!("chart-figures-of-bars", kind = kind_name(kind)),
                    msg!("chart-figures-of-bars-help"),
                ));
            }
        }
        ChartKind::Bars => {
            if spec.indicators.is_some() {
                return Err(error(
                    msg!("chart-bars-indicators"),
                    msg!("chart-bars-indicators-help"),
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
                        Some(best) => msg!("chart-unknown-indicator-suggest", suggestion = best),
                        None => msg!("chart-unknown-indicator-help"),
                    };
                    return Err(
                        Diagnostic::error(msg!("chart-unknown-indicator", name = name))
                            .at(file, names.span())
                            .with_label(msg!("chart-unknown-indicator-label"))
                            .with_help(help),
                    );
                };
                out.push(ind);
            }
            if out.is_empty() {
                return Err(error(
                    msg!("chart-indicators-empty"),
                    msg!("chart-indicators-empty-help"),
                ));
            }
            Some(out)
        }
        None => None,
    };
    let figures = match kind {
        ChartKind::Growth => {
            growth(chosen, indicators, period, title).map_err(|(m, h)| error(m, h))?
        }
        ChartKind::Completion => {
            vec![completion(chosen, indicators, period, title).map_err(|(m, h)| error(m, h))?]
        }
        ChartKind::Bars => vec![bars(spec, title).map_err(|(m, h)| error(m, h))?],
    };
    for f in &figures {
        if f.categories.len() > MAX_CHART_CATEGORIES {
            return Err(error(
                msg!(
                    "chart-too-many-groups",
                    groups = f.categories.len(),
                    max = MAX_CHART_CATEGORIES
                ),
                msg!("chart-too-many-groups-help"),
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

/// Why a chart cannot be drawn, and what to do.
type Refusal = (Message, Message);

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
                    msg!("chart-growth-no-previous", name = i.name.get_ref()),
                    msg!("chart-growth-no-previous-help"),
                ));
            }
            if let Some(pair) = list
                .windows(2)
                .find(|w| w[0].unit.trim() != w[1].unit.trim())
            {
                return Err((
                    msg!(
                        "chart-growth-units-differ",
                        first = pair[0].name.get_ref(),
                        first_unit = pair[0].unit.trim(),
                        second = pair[1].name.get_ref(),
                        second_unit = pair[1].unit.trim()
                    ),
                    msg!("chart-growth-units-differ-help"),
                ));
            }
            list
        }
        None => indicators.iter().filter(|i| i.previous.is_some()).collect(),
    };
    if shown.is_empty() {
        return Err((
            msg!("chart-growth-nothing"),
            msg!("chart-growth-nothing-help"),
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
                    msg!("chart-completion-no-target", name = i.name.get_ref()),
                    msg!("chart-completion-no-target-help"),
                ));
            }
            if let Some((i, why)) = list.iter().find_map(|i| rate(i).err().map(|why| (i, why))) {
                return Err((
                    msg!(
                        "chart-completion-no-rate",
                        name = i.name.get_ref(),
                        reason = why.reason()
                    ),
                    msg!("chart-completion-no-rate-help"),
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
            msg!("chart-completion-nothing"),
            msg!("chart-completion-nothing-help"),
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
            msg!("chart-bars-no-title"),
            msg!("chart-bars-no-title-help"),
        ));
    };
    let categories: Vec<String> = spec
        .categories
        .as_ref()
        .map(|c| c.get_ref().iter().map(|s| s.trim().to_string()).collect())
        .unwrap_or_default();
    if categories.is_empty() {
        return Err((
            msg!("chart-bars-no-categories"),
            msg!("chart-bars-no-categories-help"),
        ));
    }
    if let Some(i) = categories.iter().position(String::is_empty) {
        return Err((
            msg!("chart-bars-empty-category", number = i + 1),
            msg!("chart-bars-empty-category-help"),
        ));
    }
    if spec.series.is_empty() || spec.series.len() > MAX_CHART_SERIES {
        return Err((
            msg!(
                "chart-bars-series-count",
                max = MAX_CHART_SERIES,
                count = spec.series.len()
            ),
            msg!("chart-bars-series-count-help"),
        ));
    }
    let mut series = Vec::new();
    for (k, s) in spec.series.iter().enumerate() {
        let values = s.values.get_ref();
        if values.len() != categories.len() {
            return Err((
                msg!(
                    "chart-bars-series-length",
                    name = s.name.trim(),
                    values = values.len(),
                    categories = categories.len()
                ),
                msg!("chart-bars-series-length-help"),
            ));
        }
        if let Some(v) = values.iter().find(|v| !printable(v.0)) {
            return Err((
                msg!(
                    "chart-bars-value-too-large",
                    name = s.name.trim(),
                    value = v.0.to_string()
                ),
                msg!("chart-bars-value-too-large-help"),
            ));
        }
        if spec.series.len() > 1 && s.name.trim().is_empty() {
            return Err((
                msg!("chart-bars-series-no-name", number = k + 1),
                msg!("chart-bars-series-no-name-help"),
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
