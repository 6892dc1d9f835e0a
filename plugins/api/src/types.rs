//! The JSON that crosses the boundary: the [`Request`] huibao sends and the [`Section`]
//! a plugin answers with, in the report model's terms (headings, paragraphs, tables).
//!
//! Compatibility: within an ABI major version, fields are only added, and only as
//! optional ones; plugins ignore request fields they do not know.

use serde::{Deserialize, Serialize};

/// What huibao asks a plugin for: one section, with its config and a read-only context.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// The plugin's name as the report wrote it.
    pub plugin: String,
    /// The section's `config` from the report, already checked against the plugin's schema
    /// (an empty object when the report gave none).
    pub config: serde_json::Value,
    /// Facts about the report the section may cite.
    pub context: Context,
}

impl Request {
    /// Deserializes the config into the plugin's own type, with a readable error.
    pub fn config_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, PluginError> {
        serde_json::from_value(self.config.clone())
            .map_err(|e| PluginError::new(format!("config: {e}")))
    }
}

/// Read-only facts about the report: who reports, for which period, the key figures.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Context {
    /// The reporting organization: "某园区管委会".
    pub organization: String,
    /// The report's title as printed.
    #[serde(default)]
    pub title: String,
    /// The period.
    pub period: PeriodInfo,
    /// The report's date, ISO: "2022-07-08".
    pub date: String,
    /// The report's date as printed: "2022年7月8日".
    #[serde(default)]
    pub date_text: String,
    /// Where the section goes: "achievements", "part" or "plan".
    #[serde(default)]
    pub place: String,
    /// The report's indicators, with growth and completion already worked out.
    #[serde(default)]
    pub indicators: Vec<IndicatorInfo>,
}

impl Context {
    /// The indicator of that name, if the report has it.
    pub fn indicator(&self, name: &str) -> Option<&IndicatorInfo> {
        self.indicators.iter().find(|i| i.name == name)
    }
}

/// The report's period, with the phrases huibao prints for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PeriodInfo {
    /// As written in the report: "2022-H1".
    pub code: String,
    /// The year: 2022.
    pub year: i32,
    /// First month, 1–12.
    pub first_month: u8,
    /// Last month, 1–12.
    pub last_month: u8,
    /// With the year: "2022年上半年".
    pub name: String,
    /// Without the year: "上半年", "全年", "前三季度".
    pub short_name: String,
    /// Before figures: "1-6月".
    pub months: String,
    /// The plan's period: "下半年", "2023年".
    pub next: String,
}

/// One key figure of the report.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndicatorInfo {
    /// "营业收入".
    pub name: String,
    /// This period's value.
    pub value: f64,
    /// "亿元".
    pub unit: String,
    /// Same period last year.
    #[serde(default)]
    pub previous: Option<f64>,
    /// Annual target.
    #[serde(default)]
    pub target: Option<f64>,
    /// The value as printed: "123.5亿元".
    pub text: String,
    /// "同比增长12.1%", when there is a previous value.
    #[serde(default)]
    pub growth: Option<String>,
    /// "完成全年目标的49.4%", when there is a target.
    #[serde(default)]
    pub completion: Option<String>,
}

/// A plugin's answer: a section of the report, numbered and laid out by huibao.
///
/// The section's `title` becomes its heading (or run-in lead); `paragraphs` follow, then
/// the `table`, the `chart` (since ABI 1.1), then the sub-`items` (at most two levels
/// below the section).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading text without its number: "强化基金赋能".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Paragraphs of prose, final text (never read as a template).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// A table after the paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// A bar chart after the table (ABI 1.1: a host of ABI 1.0 refuses the plugin, as
    /// its minor is newer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<Chart>,
    /// Sub-items, numbered by huibao.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Section>,
    /// How the sub-items are numbered (default: headings 1./（1）).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
}

impl Section {
    /// A section with a heading.
    pub fn new(title: impl Into<String>) -> Self {
        Section {
            title: Some(title.into()),
            ..Section::default()
        }
    }

    /// An untitled item (a run-in item without a lead, or a body of paragraphs).
    pub fn untitled() -> Self {
        Section::default()
    }

    /// Appends a paragraph.
    pub fn paragraph(mut self, text: impl Into<String>) -> Self {
        self.paragraphs.push(text.into());
        self
    }

    /// Sets the table.
    pub fn table(mut self, table: Table) -> Self {
        self.table = Some(table);
        self
    }

    /// Sets the chart.
    pub fn chart(mut self, chart: Chart) -> Self {
        self.chart = Some(chart);
        self
    }

    /// Appends a sub-item.
    pub fn item(mut self, item: Section) -> Self {
        self.items.push(item);
        self
    }

    /// Sets how the sub-items are numbered.
    pub fn numbering(mut self, numbering: Numbering) -> Self {
        self.numbering = Some(numbering);
        self
    }
}

/// How sub-items are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// Heading numbers by level: （一）, 1., （1）.
    Headings,
    /// Run-in ordinals inside the paragraph: 一是……二是……
    RunIn,
}

/// A table: header cells and rows of text or numbers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Caption above the table: "园区基金情况表".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Header cells.
    pub columns: Vec<String>,
    /// Body rows, each as long as `columns`.
    #[serde(default)]
    pub rows: Vec<Vec<Cell>>,
    /// Alignment per column (default: numbers right, text left).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<Vec<Align>>,
    /// Relative column widths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub widths: Option<Vec<u16>>,
    /// Note under the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Table {
    /// A table with these header cells and no rows yet.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Table {
            columns: columns.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    /// Sets the caption.
    pub fn caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// Appends a row.
    pub fn row(mut self, cells: impl IntoIterator<Item = Cell>) -> Self {
        self.rows.push(cells.into_iter().collect());
        self
    }

    /// Sets relative column widths.
    pub fn widths(mut self, widths: impl IntoIterator<Item = u16>) -> Self {
        self.widths = Some(widths.into_iter().collect());
        self
    }

    /// Sets the alignment of every column.
    pub fn align(mut self, align: impl IntoIterator<Item = Align>) -> Self {
        self.align = Some(align.into_iter().collect());
        self
    }

    /// Sets the note under the table.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A bar chart of the section's own figures, drawn by huibao as a report's
/// `kind = "bars"` chart: in every output, its numbers printed and rounded huibao's way,
/// captioned 图N in the document's sequence of figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// The caption after 图N: "园区基金认缴规模与实缴情况".
    pub title: String,
    /// The unit of every value ("亿元"), printed as 单位：亿元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The name of each group of bars along the axis (at most 12).
    pub categories: Vec<String>,
    /// One to four series, each with a value per category.
    pub series: Vec<ChartSeries>,
}

impl Chart {
    /// A chart captioned `title` with these categories and no series yet.
    pub fn new<S: Into<String>>(
        title: impl Into<String>,
        categories: impl IntoIterator<Item = S>,
    ) -> Self {
        Chart {
            title: title.into(),
            categories: categories.into_iter().map(Into::into).collect(),
            ..Chart::default()
        }
    }

    /// Sets the unit.
    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }

    /// Appends a series: its legend name and a value per category.
    pub fn series(
        mut self,
        name: impl Into<String>,
        values: impl IntoIterator<Item = f64>,
    ) -> Self {
        self.series.push(ChartSeries {
            name: name.into(),
            values: values.into_iter().collect(),
        });
        self
    }
}

/// One series of a [`Chart`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSeries {
    /// Its name in the legend: "认缴规模".
    pub name: String,
    /// One value per category.
    pub values: Vec<f64>,
}

/// A table cell: text, or a number huibao prints in its one way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// Printed as it is.
    Text(String),
    /// Printed in its shortest form ("12.5", "3").
    Number(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Self {
        Cell::Number(x)
    }
}

impl From<u32> for Cell {
    fn from(x: u32) -> Self {
        Cell::Number(f64::from(x))
    }
}

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Flush left (text).
    Left,
    /// Centred (short labels, 序号).
    Center,
    /// Flush right (numbers).
    Right,
}

/// A message for the report's author: what in the config or the report is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginError(pub String);

impl PluginError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        PluginError(message.into())
    }
}

impl std::fmt::Display for PluginError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PluginError {}
