//! A bar chart as the document tree carries it: every number, label, colour and length
//! decided in core, so that each backend only maps it to its own units.
//!
//! Geometry is in fractions of the chart's box, measured from its top-left corner with y
//! growing downwards. The box is as wide as the text block and [`Chart::rows`] grid rows
//! tall; text sizes are in points, as the box has that size in every output.

use crate::chars::width_em;
use crate::style::{FontRole, Style};
use serde::Serialize;

/// A bar chart: the data it shows, the drawing that shows it, and its caption.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The caption below the chart, numbered as printed: "图1　2022年上半年主要经济指标与上年同期对比".
    pub caption: String,
    /// The chart's height in grid rows (the caption takes a row of its own below it).
    pub rows: u32,
    /// Whether bars stand on the category axis (columns) or grow from it to the right.
    pub direction: BarDirection,
    /// The plot area: where the value axis runs from its minimum to its maximum, and the
    /// categories share the other side.
    pub plot: Rect,
    /// The share of a category's band its group of bars fills (the rest is the gap
    /// between groups, split on both sides).
    pub group_width: f64,
    /// The categories along the category axis, in order: indicator names.
    pub categories: Vec<String>,
    /// The series, in the order their bars stand within a group and in the legend.
    pub series: Vec<Series>,
    /// The value axis.
    pub axis: ValueAxis,
    /// Where the legend's keys and names stand, when there is one (two series or more).
    pub legend: Option<Rect>,
    /// The font role of every label: size is per label.
    pub font: FontRole,
    /// What is drawn, in order: grid lines, bars, axes, the reference line, legend keys.
    pub shapes: Vec<Shape>,
    /// Every text of the chart, in reading order; this order is the document's text.
    pub labels: Vec<ChartLabel>,
}

impl Chart {
    /// The font role of the caption (黑体, as a first-level heading).
    pub const CAPTION_ROLE: FontRole = FontRole::Heading1;

    /// The caption cut into the lines it takes across `style`'s text block, in its font
    /// and size: one line unless it is longer than the block (a writer that cannot
    /// measure glyphs, the DOCX's chart box, sizes itself by these).
    pub fn caption_lines(&self, style: &Style) -> Vec<String> {
        let size = style.font(Self::CAPTION_ROLE).size_pt;
        let measure = style.page.block_width_pt() / size;
        let mut lines = vec![String::new()];
        let mut width = 0.0;
        for c in self.caption.chars() {
            let w = width_em(c);
            if width + w > measure + 1e-6 && width > 0.0 {
                lines.push(String::new());
                width = 0.0;
            }
            width += w;
            if let Some(line) = lines.last_mut() {
                line.push(c);
            }
        }
        lines
    }

    /// The dashed lines drawn over the chart (the reference line at 100%), in order.
    pub fn dashed_lines(&self) -> impl Iterator<Item = &ChartLine> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Line(l) if l.dashed => Some(l),
            _ => None,
        })
    }
}

/// Which way the bars grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BarDirection {
    /// Upwards from a horizontal category axis (a column chart).
    Columns,
    /// Rightwards from a vertical category axis, the first category at the top.
    Bars,
}

/// A rectangle in fractions of the chart's box, from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// Black.
    pub const BLACK: Color = Color(0, 0, 0);

    /// "#RRGGBB" as a colour; `None` for anything else.
    pub fn parse(hex: &str) -> Option<Color> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Color(c(0)?, c(2)?, c(4)?))
    }

    /// "RRGGBB", upper case (as DrawingML writes colours).
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// One series of values: a legend entry and a bar in each category that has a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Its name as the legend prints it: "2022年1-6月".
    pub name: String,
    /// The bars' fill.
    pub fill: Color,
    /// One value per category (`None`: no bar there).
    pub values: Vec<Option<f64>>,
    /// Digits after the decimal point of each value's label (`None`: the value as written,
    /// its shortest form); the label is the value so printed, then [`ValueAxis::suffix`].
    pub decimals: Vec<Option<u8>>,
}

/// The value axis: its range, its ticks and what it counts in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueAxis {
    /// The value at the plot's start (the bottom of columns, the left of bars): 0, or a
    /// tick below the lowest value.
    pub min: f64,
    /// The value at the plot's end.
    pub max: f64,
    /// The distance between ticks: 1, 2 or 5 times a power of ten.
    pub step: f64,
    /// Digits after the decimal point of the tick labels.
    pub decimals: u8,
    /// What follows every number on the axis and on the bars: "%" for rates, else "".
    pub suffix: String,
    /// The axis title, as printed: "单位：亿元"; `None` when the suffix says it.
    pub title: Option<String>,
    /// A value marked by a dashed line across the plot: the annual target's 100%.
    pub reference: Option<f64>,
}

impl ValueAxis {
    /// The tick values, from `min` to `max`.
    pub fn ticks(&self) -> Vec<f64> {
        let well_formed = self.step > 0.0 && self.max >= self.min;
        if !well_formed {
            return vec![self.min];
        }
        let n = ((self.max - self.min) / self.step).round() as usize;
        (0..=n.min(100))
            .map(|i| crate::indicator::round_half_away(self.min + i as f64 * self.step, 12))
            .collect()
    }

    /// Where `value` falls along the axis: 0 at `min`, 1 at `max`.
    pub fn fraction(&self, value: f64) -> f64 {
        if self.max > self.min {
            (value - self.min) / (self.max - self.min)
        } else {
            0.0
        }
    }
}

/// A shape of the chart's drawing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Shape {
    /// A filled rectangle.
    Rect(ChartRect),
    /// A straight line.
    Line(ChartLine),
}

/// A filled rectangle: a bar or a legend key.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChartRect {
    /// Where it is.
    pub rect: Rect,
    /// Its colour.
    pub fill: Color,
    /// A legend's key rather than a bar.
    pub legend: bool,
}

/// A straight line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChartLine {
    /// Start (x, y).
    pub from: (f64, f64),
    /// End (x, y).
    pub to: (f64, f64),
    /// Width in points.
    pub width: f64,
    /// Colour.
    pub color: Color,
    /// Drawn in dashes (the reference line) rather than solid.
    pub dashed: bool,
}

impl ChartLine {
    /// A dashed line's dash and gap, in points.
    pub const DASH: [f64; 2] = [4.0, 3.0];
}

/// A line of text in the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartLabel {
    /// The text as printed.
    pub text: String,
    /// The anchor's x: the text's start, centre or end, as `anchor` says.
    pub x: f64,
    /// The baseline's y; the em box stands 0.88 em above it and 0.12 em below.
    pub baseline: f64,
    /// Which point of the text stands at `x`.
    pub anchor: Anchor,
    /// Size in points.
    pub size: f64,
    /// What the text labels.
    pub kind: LabelKind,
}

/// The horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The text starts at x.
    Start,
    /// The text is centred on x.
    Middle,
    /// The text ends at x.
    End,
}

/// What a chart label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// The value axis title: "单位：亿元".
    AxisTitle,
    /// A series' name in the legend.
    Legend,
    /// A tick of the value axis: "20", "40%".
    Tick,
    /// A line of a category's name.
    Category,
    /// A bar's value: "48.65", "48.7%".
    Value,
}

impl Chart {
    /// The chart's text as lines: its labels in reading order, then the caption.
    pub fn text_lines(&self) -> Vec<String> {
        self.labels
            .iter()
            .map(|l| l.text.clone())
            .chain(std::iter::once(self.caption.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{build, load_source, resolve, SourceFile};

    const REPORT: &str = r#"
[report]
organization = "示范园区管委会"
period = "2022-H1"
date = 2022-07-08

[summary]
text = "上半年经济运行平稳。"

[[indicators]]
name = "营业收入"
value = 123.5
unit = "亿元"
previous = 110.2

[[charts]]
kind = "growth"
"#;

    #[test]
    fn a_caption_takes_one_line_unless_it_is_longer_than_the_block() {
        let loaded = load_source(SourceFile::new("r.toml", REPORT)).expect("loads");
        let doc = build(&loaded, &resolve(&loaded), &[]).expect("builds");
        let mut chart = doc.charts().next().expect("a chart").clone();
        let style = &loaded.style;
        assert_eq!(chart.caption_lines(style), vec![chart.caption.clone()]);
        // 28 em fill the block's line (三号 on 156 mm); what passes them starts another.
        chart.caption = "图1　".to_string() + &"园".repeat(25);
        assert_eq!(chart.caption_lines(style).len(), 1);
        chart.caption.push_str("区2022年");
        let lines = chart.caption_lines(style);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines.concat(), chart.caption);
        assert_eq!(lines[1], "区2022年");
    }
}
