//! The report model: what a person writes in `report.toml`.
//!
//! Fields that later checks may complain about keep their source span
//! ([`toml::Spanned`]) so every message can name the line and column.
//!
//! The JSON schema editors use (`huibao schema`) is derived from these types: their doc
//! comments are its descriptions and `#[schemars(…)]` states what the loader checks
//! beyond the types (see [`crate::report_schema`]).

use crate::style::{ChartPalette, NumberingMode, Punctuation};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::Spanned;

/// A park's work report (工作总结及工作计划) as written in `report.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "huibao report")]
pub struct Report {
    /// Metadata: organization, period, date, title, addressee …
    pub report: Meta,
    /// The opening paragraph(s).
    #[serde(default)]
    pub summary: Option<Summary>,
    /// Key figures (营业收入, 工业总产值 …), cited by prose and tables: `[[indicators]]`
    /// entries, or an `[indicators]` table reading them from a spreadsheet.
    #[serde(default, skip_serializing_if = "Indicators::is_absent")]
    pub indicators: Indicators,
    /// Charts placed after the summary (and its indicator table), in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<ChartSpec>,
    /// Work done in the period (主要工作).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub achievements: Vec<Item>,
    /// Problems (存在的问题), optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Item>,
    /// The next period's plan (工作计划).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Item>,
    /// Sections produced by plugins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionRef>,
    /// Attachments (附件), each on its own pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Titles and numbering of the three parts.
    #[serde(default, skip_serializing_if = "Parts::is_empty")]
    pub parts: Parts,
    /// Overrides of the style preset.
    #[serde(default, skip_serializing_if = "StyleOverrides::is_empty")]
    pub style: StyleOverrides,
    /// Where to look for plugins.
    #[serde(default, skip_serializing_if = "PluginPaths::is_empty")]
    pub plugins: PluginPaths,
    /// End matter (版记).
    #[serde(default)]
    pub end_matter: Option<EndMatterSpec>,
    /// How the files are written (the PDF's archival level).
    #[serde(default, skip_serializing_if = "OutputOptions::is_empty")]
    pub output: OutputOptions,
}

/// `[report]`: who reports, for which period, to whom.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The reporting organization: "某园区管委会".
    #[schemars(with = "String")]
    pub organization: Spanned<String>,
    /// "2022", "2022-H1", "2022-H2", "2022-Q3" or "2022-01..2022-09".
    #[schemars(with = "String", regex(pattern = crate::schema::PERIOD_PATTERN))]
    pub period: Spanned<String>,
    /// The report's date (a TOML date: 2022-07-08).
    #[schemars(with = "crate::schema::TomlDate")]
    pub date: Spanned<toml::value::Datetime>,
    /// The title; derived from organization and period when absent
    /// (某园区管委会2022年上半年工作总结及下半年工作计划).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub title: Option<Spanned<String>>,
    /// 主送机关, e.g. "某市人民政府".
    #[serde(default)]
    pub recipient: Option<String>,
    /// 签发人 (shown in the red header).
    #[serde(default)]
    pub signer: Option<String>,
    /// 发文字号, e.g. "某管发〔2022〕5号".
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub document_number: Option<Spanned<String>>,
    /// Draw the red header (版头); on by default when a document number is given.
    #[serde(default)]
    pub red_header: Option<bool>,
    /// 发文机关标志 in the red header; defaults to the organization + "文件".
    #[serde(default)]
    pub organ_mark: Option<String>,
    /// 附注 below the date, without the parentheses (e.g. contact and phone).
    #[serde(default)]
    pub note: Option<String>,
    /// Path (relative to this file) of last period's report, for 同比 and plan follow-up.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub previous: Option<Spanned<String>>,
}

/// `[summary]`: the opening paragraphs before the first part.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Prose; blank lines separate paragraphs; `{{indicator "名称"}}` cites a figure.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// Put the indicator table (主要经济指标完成情况表) after the summary.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indicator_table: bool,
}

/// `[[indicators]]`: one key figure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Name, unique in the report: "营业收入".
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// This period's value.
    #[schemars(with = "Number")]
    pub value: Spanned<Number>,
    /// Unit: "亿元", "万元", "%", "个", "家", "亩" …
    pub unit: String,
    /// Same period last year, giving 同比 (同比增长12.4%).
    #[serde(default)]
    #[schemars(with = "Option<Number>")]
    pub previous: Option<Spanned<Number>>,
    /// Annual target, above zero, giving 完成全年目标的 x%.
    #[serde(default)]
    #[schemars(with = "Option<Number>", extend("exclusiveMinimum" = 0))]
    pub target: Option<Spanned<Number>>,
    /// Digits after the decimal point when printing the value (default: as written).
    #[serde(default)]
    pub decimals: Option<u8>,
}

/// The report's key figures: written as `[[indicators]]` entries, or read from the
/// statistics spreadsheet named by an `[indicators]` table, with more written below it
/// as `[[indicators.items]]`:
///
/// ```toml
/// [indicators]
/// from = "stats.xlsx"        # relative to the report
/// sheet = "Sheet1"           # optional: the first sheet with an indicator table
/// range = "A3:G20"           # optional: the whole sheet
///
/// [[indicators.items]]       # figures the sheet does not have
/// name = "新签约项目"
/// value = 36
/// unit = "个"
/// ```
///
/// It dereferences to the list of figures, so `report.indicators.iter()` walks them all.
/// The spreadsheet is read after loading (by `huibao-sheets`, in the pipeline): its figures
/// are then put first in the list, before the ones written in the report.
#[derive(Debug, Clone, Default)]
pub struct Indicators {
    /// The spreadsheet the figures are read from, when the report names one.
    pub sheet: Option<IndicatorSheet>,
    /// The figures: those read from the sheet (once read), then those written in the report.
    pub items: Vec<Indicator>,
}

/// `from`, `sheet` and `range` of an `[indicators]` table: where the figures are read.
#[derive(Debug, Clone)]
pub struct IndicatorSheet {
    /// The spreadsheet, relative to the report: "stats.xlsx" (.xlsx, .xls, .ods or .csv).
    pub from: Spanned<String>,
    /// The sheet's name; without it, the first sheet that holds an indicator table.
    pub sheet: Option<Spanned<String>>,
    /// The cells to read, "A3:G20"; without it, the whole sheet (the header row is found).
    pub range: Option<Spanned<String>>,
}

/// A rectangle of cells, "A3:G20", as 0-based (row, column) of its corners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRange {
    /// Top-left cell: (row, column), 0-based (A1 is (0, 0)).
    pub first: (u32, u32),
    /// Bottom-right cell, inclusive.
    pub last: (u32, u32),
}

impl CellRange {
    /// Reads "A3:G20" (letters, then a row number from 1; `$` signs allowed, corners in
    /// any order, as spreadsheets allow). `None` when it is not a range of this form or
    /// lies beyond column XFD or row 1048576.
    pub fn parse(text: &str) -> Option<CellRange> {
        let (a, b) = text.trim().split_once(':')?;
        let (a, b) = (cell_address(a)?, cell_address(b)?);
        Some(CellRange {
            first: (a.0.min(b.0), a.1.min(b.1)),
            last: (a.0.max(b.0), a.1.max(b.1)),
        })
    }
}

/// "C7" (or "$C$7") as 0-based (row, column).
fn cell_address(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    let letters_end = text
        .trim_start_matches('$')
        .find(|c: char| !c.is_ascii_alphabetic())
        .map(|i| i + usize::from(text.starts_with('$')))?;
    let (letters, rest) = text.split_at(letters_end);
    let letters = letters.trim_start_matches('$');
    let digits = rest.strip_prefix('$').unwrap_or(rest);
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() || digits.len() > 7 {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let column = letters.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row: u32 = digits.parse().ok()?;
    // Excel's largest sheet: 1048576 rows, columns A to XFD (16384).
    ((1..=1_048_576).contains(&row) && (1..=16_384).contains(&column))
        .then(|| (row - 1, column - 1))
}

impl Indicators {
    /// Whether the report has no `indicators` key at all: no sheet and no figures.
    pub fn is_absent(&self) -> bool {
        self.sheet.is_none() && self.items.is_empty()
    }
}

impl IndicatorSheet {
    /// The `range` as cells; `None` when there is no range, `Some(None)` when it is not
    /// a range such as "A3:G20".
    pub fn cells(&self) -> Option<Option<CellRange>> {
        self.range.as_ref().map(|r| CellRange::parse(r.get_ref()))
    }
}

impl std::ops::Deref for Indicators {
    type Target = Vec<Indicator>;
    fn deref(&self) -> &Vec<Indicator> {
        &self.items
    }
}

impl std::ops::DerefMut for Indicators {
    fn deref_mut(&mut self) -> &mut Vec<Indicator> {
        &mut self.items
    }
}

impl From<Vec<Indicator>> for Indicators {
    fn from(items: Vec<Indicator>) -> Self {
        Indicators { sheet: None, items }
    }
}

impl FromIterator<Indicator> for Indicators {
    fn from_iter<I: IntoIterator<Item = Indicator>>(iter: I) -> Self {
        Indicators::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a Indicators {
    type Item = &'a Indicator;
    type IntoIter = std::slice::Iter<'a, Indicator>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a> IntoIterator for &'a mut Indicators {
    type Item = &'a mut Indicator;
    type IntoIter = std::slice::IterMut<'a, Indicator>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut()
    }
}

// How `[indicators]` is written as a table; read and written through `Indicators`. Its
// doc comments are what editors show.
/// `[indicators]`: the key figures read from the statistics spreadsheet `from`, and more
/// written below as `[[indicators.items]]`.
#[derive(Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "IndicatorSheet")]
struct IndicatorTable {
    /// The statistics spreadsheet, relative to this report: "stats.xlsx" (.xlsx, .xls,
    /// .ods or .csv). Its indicator table is found by its header words (指标名称, 单位,
    /// 本期 or 1-6月, 上年同期, 同比增长, 全年目标, 完成率).
    #[schemars(with = "String", length(min = 1))]
    from: Spanned<String>,
    /// The sheet's name (default: the first sheet with an indicator table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    sheet: Option<Spanned<String>>,
    /// The cells to read, "A3:G20" (default: the whole sheet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}:\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$")
    )]
    range: Option<Spanned<String>>,
    /// Figures the sheet does not have, written as in `[[indicators]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<Indicator>,
}

impl<'de> Deserialize<'de> for Indicators {
    /// `[[indicators]]` (an array of tables) or `[indicators]` (a table with `from`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Indicators;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[[indicators]] entries, or an [indicators] table with `from`")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Indicators, A::Error> {
                Vec::<Indicator>::deserialize(SeqAccessDeserializer::new(seq)).map(Indicators::from)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Indicators, A::Error> {
                let t = IndicatorTable::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Indicators {
                    sheet: Some(IndicatorSheet {
                        from: t.from,
                        sheet: t.sheet,
                        range: t.range,
                    }),
                    items: t.items,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Serialize for Indicators {
    /// Without a sheet, `[[indicators]]`; with one, the `[indicators]` table (its `items`
    /// hold the sheet's figures too once they are read).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.sheet {
            None => self.items.serialize(s),
            Some(sheet) => IndicatorTable {
                from: sheet.from.clone(),
                sheet: sheet.sheet.clone(),
                range: sheet.range.clone(),
                items: self.items.clone(),
            }
            .serialize(s),
        }
    }
}

impl JsonSchema for Indicators {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Indicators".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let list = generator.subschema_for::<Vec<Indicator>>();
        let table = generator.subschema_for::<IndicatorTable>();
        schemars::json_schema!({ "anyOf": [list, table] })
    }
}

/// A number written as a TOML integer or float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    /// Whole numbers are written as integers (36, not 36.0), as people write them.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl JsonSchema for Number {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, such as 123.5 or 36")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
                Ok(Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Number, E> {
                Ok(Number(v as f64))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Number, E> {
                if v.is_finite() {
                    Ok(Number(v))
                } else {
                    Err(E::custom("expected a finite number, not inf or nan"))
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One numbered item: a heading (or run-in lead) with its prose, sub-items and table.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The heading text without its number or closing punctuation: "多措并举加强招商引资".
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub title: Option<Spanned<String>>,
    /// Prose; blank lines separate paragraphs; `{{indicator "名称"}}` cites a figure.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// Sub-items, one level deeper (at most four levels in all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// How the sub-items are numbered: "headings" or "run-in" (一是/二是).
    #[serde(default)]
    pub numbering: Option<NumberingMode>,
    /// A table after the prose.
    #[serde(default)]
    pub table: Option<TableSpec>,
    /// A chart after the prose and the table.
    #[serde(default)]
    pub chart: Option<ChartSpec>,
    /// Set for items generated by plugins: their text is final and never read as a template.
    #[serde(skip)]
    pub literal: bool,
}

/// A table as written in the report.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Caption above the table.
    #[serde(default)]
    pub caption: Option<String>,
    /// Header cells: ["序号", "项目名称", "总投资（亿元）"].
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub columns: Spanned<Vec<String>>,
    /// Body rows, each as long as `columns`: [[1, "新能源装备产业园", 35.6]].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Vec<Cell>>")]
    pub rows: Vec<Spanned<Vec<Cell>>>,
    /// Alignment per column: "left", "center", "right" (default: numbers right, text left).
    #[serde(default)]
    pub align: Option<Vec<crate::ir::Align>>,
    /// Relative column widths, one per column.
    #[serde(default)]
    pub widths: Option<Vec<u16>>,
    /// Note under the table.
    #[serde(default)]
    pub note: Option<String>,
}

/// A table cell: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text: "新能源装备产业园".
    Text(String),
    /// A number: 35.6.
    Number(f64),
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Number(n) => Number(*n).serialize(s),
        }
    }
}

impl JsonSchema for Cell {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "number"] })
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
                Ok(Cell::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
                Ok(Cell::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
                Ok(Cell::Number(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// `[[charts]]`, or `chart` in an item or an attachment: a bar chart drawn in every
/// output, captioned 图1, 图2 … in the order of the document.
///
/// ```toml
/// [[charts]]
/// kind = "growth"                      # this period beside the same period last year
/// indicators = ["营业收入", "工业总产值"]  # optional: which, in this order
/// ```
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// What it shows: "growth" (this period beside the same period last year, for
    /// indicators with `previous`; one chart per unit, as bars of different units share
    /// no axis), "completion" (the share of the annual target reached, for indicators
    /// with `target`, with a dashed line at 100%), or "bars" (the `categories` and
    /// `series` given here).
    #[schemars(with = "ChartKind")]
    pub kind: Spanned<ChartKind>,
    /// The caption after 图N (derived for growth and completion charts, required for bars):
    /// "2022年上半年主要经济指标与上年同期对比".
    #[serde(default)]
    #[schemars(with = "Option<String>", length(min = 1))]
    pub title: Option<Spanned<String>>,
    /// growth and completion: the indicators shown, by name, in this order (default:
    /// every indicator the chart can show).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>", length(min = 1))]
    pub indicators: Option<Spanned<Vec<String>>>,
    /// bars: the unit of every value ("亿元"), printed as 单位：亿元.
    #[serde(default)]
    pub unit: Option<String>,
    /// bars: the name of each group of bars, along the category axis.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>", length(min = 1))]
    pub categories: Option<Spanned<Vec<String>>>,
    /// bars: one or more series, each with a value per category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<SeriesSpec>,
}

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// This period beside the same period last year (indicators with `previous`).
    Growth,
    /// The share of the annual target reached (indicators with `target`).
    Completion,
    /// The `categories` and `series` given with the chart.
    Bars,
}

/// One series of a "bars" chart: a legend entry and a value per category.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    /// Its name, printed in the legend when there are several series: "认缴规模".
    pub name: String,
    /// One value per category, in the chart's unit.
    #[schemars(with = "Vec<Number>", length(min = 1))]
    pub values: Spanned<Vec<Number>>,
}

/// `[[attachments]]`: an attachment on its own pages.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The attachment title: "2022年上半年重点项目推进情况表".
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Prose.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// A table.
    #[serde(default)]
    pub table: Option<TableSpec>,
    /// The indicator table (主要经济指标完成情况表).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indicator_table: bool,
    /// A chart after the text and the tables.
    #[serde(default)]
    pub chart: Option<ChartSpec>,
}

/// `[parts]`: titles and numbering of the three parts.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// The work done (主要工作).
    #[serde(default, skip_serializing_if = "PartSpec::is_empty")]
    pub achievements: PartSpec,
    /// The problems (存在的问题).
    #[serde(default, skip_serializing_if = "PartSpec::is_empty")]
    pub problems: PartSpec,
    /// The plan (下半年工作计划).
    #[serde(default, skip_serializing_if = "PartSpec::is_empty")]
    pub plan: PartSpec,
}

impl Parts {
    /// Whether no part has a title, text or numbering of its own.
    pub fn is_empty(&self) -> bool {
        [&self.achievements, &self.problems, &self.plan]
            .iter()
            .all(|p| p.is_empty())
    }
}

/// One part's title (derived when absent), opening text and numbering mode.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    /// The part heading without its number: "上半年主要工作".
    #[serde(default)]
    pub title: Option<String>,
    /// Prose between the part heading and its first item.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// How the part's items are numbered: "headings" or "run-in" (一是/二是).
    #[serde(default)]
    pub numbering: Option<NumberingMode>,
}

impl PartSpec {
    /// Whether the part has no title, text or numbering of its own.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.text.is_none() && self.numbering.is_none()
    }
}

/// `[[sections]]`: a section generated by a plugin.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionRef {
    /// The plugin's name: "fund", "party" or a template plugin's name.
    #[schemars(with = "String")]
    pub plugin: Spanned<String>,
    /// Where the section goes.
    #[serde(default)]
    pub place: Placement,
    /// The plugin's configuration, checked against the plugin's schema.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub config: Option<Spanned<toml::Value>>,
}

/// Where a plugin section is placed in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// As the last item of the work done (主要工作).
    #[default]
    Achievements,
    /// As a part of its own, between the work done and the problems.
    Part,
    /// As the last item of the plan.
    Plan,
}

/// `[plugins]`: extra plugin directories, relative to the report.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PluginPaths {
    /// Plugin directories, relative to the report: ["plugins"].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

impl PluginPaths {
    /// Whether no directory is listed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// `[output]`: how the files are written. The command line's options win.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutputOptions {
    /// The PDF's archival level: "2a" (PDF/A-2a, tagged, also PDF/UA-1; the default)
    /// or "2b" (PDF/A-2b, untagged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf_a: Option<PdfA>,
}

impl OutputOptions {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.pdf_a.is_none()
    }
}

/// A PDF/A level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum PdfA {
    /// PDF/A-2a: tagged (a structure tree, in reading order), and PDF/UA-1.
    #[serde(rename = "2a")]
    A2a,
    /// PDF/A-2b: the same pages, untagged.
    #[serde(rename = "2b")]
    A2b,
}

/// `[end_matter]`: 版记.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndMatterSpec {
    /// 抄送 organs, e.g. ["市发展改革委", "市财政局"].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copy_to: Vec<String>,
    /// The printing organ (印发机关); defaults to the organization's office.
    #[serde(default)]
    pub printed_by: Option<String>,
    /// The printing date (a TOML date: 2022-07-08); defaults to the report's date.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub printed_on: Option<toml::value::Datetime>,
}

/// `[style]`: overrides of the `gbt9704` preset.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StyleOverrides {
    /// Numbering of items below part headings: "headings" or "run-in".
    #[serde(default)]
    pub numbering: Option<NumberingMode>,
    /// Sealed signature placement.
    #[serde(default)]
    pub sealed: Option<bool>,
    /// Print the signature and date.
    #[serde(default)]
    pub signature: Option<bool>,
    /// Print page numbers.
    #[serde(default)]
    pub page_numbers: Option<bool>,
    /// Punctuation width: "compress" (default: a mark gives up its blank half at a
    /// line's end, next to another mark, or as an opening bracket at a line's start,
    /// where that keeps the line on the grid) or "full" (every mark a full cell).
    #[serde(default)]
    pub punctuation: Option<Punctuation>,
    /// Colours of charts: "grey" (default: black and greys, which print alike in black and
    /// white) or "red" (this period's bars in the style's red, the rest grey).
    #[serde(default)]
    pub chart_palette: Option<ChartPalette>,
    /// Red for the header, "#RRGGBB": "#C8102E".
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^#[0-9A-Fa-f]{6}$"))]
    pub red: Option<Spanned<String>>,
    /// Fonts by role: `body = { families = ["仿宋_GB2312"], size_pt = 16 }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[schemars(schema_with = "crate::schema::font_roles")]
    pub fonts: std::collections::BTreeMap<Spanned<String>, FontOverride>,
}

impl StyleOverrides {
    /// Whether nothing is overridden.
    pub fn is_empty(&self) -> bool {
        let StyleOverrides {
            numbering,
            sealed,
            signature,
            page_numbers,
            punctuation,
            chart_palette,
            red,
            fonts,
        } = self;
        numbering.is_none()
            && sealed.is_none()
            && signature.is_none()
            && page_numbers.is_none()
            && punctuation.is_none()
            && chart_palette.is_none()
            && red.is_none()
            && fonts.is_empty()
    }
}

/// A font override for one role; what is left out keeps the preset's value.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FontOverride {
    /// Font families, the first one present wins: ["仿宋_GB2312", "仿宋"].
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub families: Option<Vec<String>>,
    /// Size in points, 5 to 72 (三号 is 16, 二号 is 22).
    #[serde(default)]
    #[schemars(with = "Option<Number>", range(min = 5, max = 72))]
    pub size_pt: Option<Spanned<Number>>,
    /// Bold.
    #[serde(default)]
    pub bold: Option<bool>,
}
