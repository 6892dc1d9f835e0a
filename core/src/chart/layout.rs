//! A [`Figure`] drawn: the chart's box, its plot area, bars, lines and labels, worked out
//! in points on the text block's width and then given as fractions of the box.
//!
//! Columns (bars standing on a horizontal category axis) are preferred for comparisons;
//! where the value labels would not fit side by side even at [`MIN_VALUE_SIZE`], or a
//! category's name would take more than three lines, the chart is drawn with horizontal
//! bars instead, which give every name and number a line of its own.

use super::Figure;
use crate::chars::{is_wide, latin_advance_em, width_em};
use crate::indicator::format_number;
use crate::ir::{
    Anchor, BarDirection, Chart, ChartLabel, ChartLine, ChartRect, Color, LabelKind, Rect, Series,
    Shape, ValueAxis,
};
use crate::linebreak::{break_ranges, Item};
use crate::style::{ChartPalette, FontRole, Style};
use huibao_i18n::{msg, Message};

/// Size of a chart's labels: 五号.
const LABEL_SIZE: f64 = 10.5;
/// The smallest a bar's value label is set to fit over its bar: 六号.
const MIN_VALUE_SIZE: f64 = 7.5;
/// Height of a line of labels, in em.
const LEADING: f64 = 1.25;
/// The share of a category's band its bars fill.
const GROUP: f64 = 0.7;
/// Height of a column chart, in grid rows.
const COLUMN_ROWS: u32 = 9;
/// Lines of a category name under a column, at most.
const MAX_NAME_LINES: usize = 3;
/// Thickness of a horizontal bar, in em of the labels, and the least it may shrink to.
const BAR_EM: f64 = 1.35;
const MIN_BAR_EM: f64 = 0.9;

/// This period's bars in the grey palette.
const DARK: Color = Color(0x40, 0x40, 0x40);
/// The other series, in order.
const GREYS: [Color; 3] = [
    Color(0xA6, 0xA6, 0xA6),
    Color(0x73, 0x73, 0x73),
    Color(0xD0, 0xD0, 0xD0),
];
/// Grid lines: light, so the bars stand out.
const GRID: Color = Color(0xD9, 0xD9, 0xD9);
const GRID_WIDTH: f64 = 0.5;
const AXIS_WIDTH: f64 = 0.75;
const REFERENCE_WIDTH: f64 = 1.0;

/// Draws `fig` as a chart captioned `caption`, for `style`'s text block; an error says
/// why it cannot be drawn on a page.
pub(crate) fn lay_out(fig: &Figure, caption: String, style: &Style) -> Result<Chart, Message> {
    let values = fig
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied());
    let low = values.clone().fold(0.0, f64::min);
    let high = values.fold(0.0, f64::max);
    let axis = super::axis::nice_axis(low, high, fig.reference, fig.suffix, fig.unit_title.clone());
    let series = palette(fig, style);
    let page = &style.page;
    let pitch = page.line_pitch_pt();
    let width = page.block_width_pt();
    let max_rows = page.lines_per_page.saturating_sub(1).max(1);
    let columns = match fig.prefer {
        BarDirection::Columns => columns(fig, &axis, &series, width, pitch),
        BarDirection::Bars => None,
    };
    let mut chart = match columns {
        Some(c) => c,
        None => bars(fig, &axis, &series, width, pitch, max_rows)?,
    };
    chart.caption = caption;
    Ok(chart)
}

/// The series with their fills: this period's the palette's stress (dark grey, or the
/// style's red), the others lighter greys.
fn palette(fig: &Figure, style: &Style) -> Vec<Series> {
    let primary = match style.chart_palette {
        ChartPalette::Grey => DARK,
        ChartPalette::Red => Color::parse(&style.red).unwrap_or(DARK),
    };
    let mut greys = GREYS.iter().cycle();
    fig.series
        .iter()
        .map(|s| Series {
            name: s.name.clone(),
            fill: if s.primary {
                primary
            } else {
                *greys.next().unwrap_or(&GREYS[0])
            },
            values: s.values.clone(),
            decimals: s.decimals.clone(),
        })
        .collect()
}

/// The width of `text` set at `size`: full-width characters an em, Latin letters and
/// digits at the preset Latin font's advances.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            if is_wide(c) || width_em(c) >= 1.0 {
                size
            } else {
                latin_advance_em(c).unwrap_or(0.5) * size
            }
        })
        .sum()
}

/// `text` broken into lines of at most `measure` points at `size` (禁则 kept).
fn wrap(text: &str, size: f64, measure: f64) -> Vec<String> {
    let items: Vec<Item> = text
        .chars()
        .map(|ch| Item {
            ch,
            width: text_width(&ch.to_string(), size),
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    break_ranges(&items, &[], measure, measure)
        .iter()
        .map(|l| chars[l.visible()].iter().collect::<String>())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// A value's label: as printed in the report, then the axis suffix.
fn value_label(value: f64, decimals: Option<u8>, axis: &ValueAxis) -> String {
    format!("{}{}", format_number(value, decimals), axis.suffix)
}

fn tick_labels(axis: &ValueAxis) -> Vec<(f64, String)> {
    axis.ticks()
        .into_iter()
        .map(|t| {
            (
                t,
                format!("{}{}", format_number(t, Some(axis.decimals)), axis.suffix),
            )
        })
        .collect()
}

/// Shapes and labels in points, kept as fractions of a `width` × `height` box.
struct Canvas {
    width: f64,
    height: f64,
    shapes: Vec<Shape>,
    labels: Vec<ChartLabel>,
}

impl Canvas {
    fn new(width: f64, height: f64) -> Canvas {
        Canvas {
            width,
            height,
            shapes: Vec::new(),
            labels: Vec::new(),
        }
    }

    fn rect(&self, x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x: x / self.width,
            y: y / self.height,
            width: w / self.width,
            height: h / self.height,
        }
    }

    fn fill(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Color, legend: bool) {
        if w > 0.0 && h > 0.0 {
            let rect = self.rect(x, y, w, h);
            self.shapes
                .push(Shape::Rect(ChartRect { rect, fill, legend }));
        }
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), width: f64, color: Color, dashed: bool) {
        self.shapes.push(Shape::Line(ChartLine {
            from: (from.0 / self.width, from.1 / self.height),
            to: (to.0 / self.width, to.1 / self.height),
            width,
            color,
            dashed,
        }));
    }

    /// An axis line: solid black.
    fn axis_line(&mut self, from: (f64, f64), to: (f64, f64)) {
        self.line(from, to, AXIS_WIDTH, Color::BLACK, false);
    }

    /// The reference line (100% of the target): dashed black.
    fn reference_line(&mut self, from: (f64, f64), to: (f64, f64)) {
        self.line(from, to, REFERENCE_WIDTH, Color::BLACK, true);
    }

    /// A label whose em box is vertically centred on `middle`.
    fn label(
        &mut self,
        text: &str,
        x: f64,
        middle: f64,
        anchor: Anchor,
        size: f64,
        kind: LabelKind,
    ) {
        self.labels.push(ChartLabel {
            text: text.to_string(),
            x: x / self.width,
            baseline: (middle + (0.88 - 0.5) * size) / self.height,
            anchor,
            size,
            kind,
        });
    }

    /// The axis title at the top left and the legend at the top right, on one line
    /// centred on `middle`; the legend's box.
    fn header(&mut self, axis: &ValueAxis, series: &[Series], middle: f64) -> Option<Rect> {
        let s = LABEL_SIZE;
        if let Some(title) = &axis.title {
            self.label(title, 0.0, middle, Anchor::Start, s, LabelKind::AxisTitle);
        }
        if series.len() < 2 {
            return None;
        }
        let key = s;
        let gap = 0.3 * s;
        let between = s;
        let entries: Vec<f64> = series
            .iter()
            .map(|x| key + gap + text_width(&x.name, s))
            .collect();
        let total = entries.iter().sum::<f64>() + between * (entries.len() - 1) as f64;
        let mut x = self.width - total;
        let legend = self.rect(x, middle - LEADING * s / 2.0, total, LEADING * s);
        for (x_series, w) in series.iter().zip(&entries) {
            self.fill(x, middle - 0.35 * s, key, 0.7 * s, x_series.fill, true);
            self.label(
                &x_series.name,
                x + key + gap,
                middle,
                Anchor::Start,
                s,
                LabelKind::Legend,
            );
            x += w + between;
        }
        Some(legend)
    }

    fn finish(self, frame: Frame, fig: &Figure, series: &[Series], axis: &ValueAxis) -> Chart {
        Chart {
            caption: String::new(),
            rows: frame.rows,
            direction: frame.direction,
            plot: frame.plot,
            group_width: GROUP,
            categories: fig.categories.clone(),
            series: series.to_vec(),
            axis: axis.clone(),
            legend: frame.legend,
            font: FontRole::Table,
            shapes: self.shapes,
            labels: self.labels,
        }
    }
}

/// Where a chart's parts went: its height, direction, plot area and legend.
struct Frame {
    rows: u32,
    direction: BarDirection,
    plot: Rect,
    legend: Option<Rect>,
}

/// Height of the header line (axis title, legend) with the space around it, and the
/// middle of that line; half a line of space when there is neither, so the first bar
/// stands off what is above the chart.
fn header_height(axis: &ValueAxis, series: &[Series]) -> (f64, f64) {
    let s = LABEL_SIZE;
    let pad = 0.25 * s;
    if axis.title.is_some() || series.len() > 1 {
        (pad + LEADING * s + 0.5 * s, pad + LEADING * s / 2.0)
    } else {
        (pad + LEADING * s / 2.0, 0.0)
    }
}

/// The chart with columns, or `None` when its labels do not fit that way.
fn columns(
    fig: &Figure,
    axis: &ValueAxis,
    series: &[Series],
    width: f64,
    pitch: f64,
) -> Option<Chart> {
    let s = LABEL_SIZE;
    let lh = LEADING * s;
    let pad = 0.25 * s;
    let height = f64::from(COLUMN_ROWS) * pitch;
    let (top, header_middle) = header_height(axis, series);
    let ticks = tick_labels(axis);
    let tick_width = ticks
        .iter()
        .map(|(_, l)| text_width(l, s))
        .fold(0.0, f64::max);
    let plot_x = tick_width + 0.6 * s;
    let plot_w = width - plot_x - pad;
    let n = fig.categories.len().max(1);
    let band = plot_w / n as f64;
    let names: Vec<Vec<String>> = fig
        .categories
        .iter()
        .map(|c| wrap(c, s, band * 0.92))
        .collect();
    if names.iter().any(|l| l.len() > MAX_NAME_LINES) {
        return None;
    }
    // Value labels stand over their bars: narrower than a bar.
    let bar_w = band * GROUP / series.len().max(1) as f64;
    let widest = series
        .iter()
        .flat_map(|x| {
            x.values
                .iter()
                .zip(&x.decimals)
                .filter_map(|(v, d)| v.map(|v| value_label(v, *d, axis)))
        })
        .map(|l| text_width(&l, 1.0))
        .fold(0.0, f64::max);
    // Neighbouring labels keep a gap of at least 15% of a bar between them.
    let value_size = if widest > 0.0 {
        s.min(0.85 * bar_w / widest)
    } else {
        s
    };
    if value_size < MIN_VALUE_SIZE {
        return None;
    }
    let negative = axis.min < 0.0;
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1);
    let bottom = name_lines as f64 * lh + 0.35 * s + pad;
    let plot_y = top + lh;
    let below = if negative { lh } else { 0.0 };
    let plot_h = height - plot_y - bottom - below;
    if plot_h < 4.0 * lh {
        return None;
    }
    let y = |v: f64| plot_y + plot_h * (1.0 - axis.fraction(v));
    let mut c = Canvas::new(width, height);
    let plot = c.rect(plot_x, plot_y, plot_w, plot_h);
    let zero = y(0.0_f64.clamp(axis.min, axis.max));
    // Grid lines at the ticks under the bars; over them the category axis at 0, the
    // value axis on the left and the reference line.
    for (t, _) in &ticks {
        if *t != 0.0 {
            let ty = y(*t);
            c.line((plot_x, ty), (plot_x + plot_w, ty), GRID_WIDTH, GRID, false);
        }
    }
    for (k, x_series) in series.iter().enumerate() {
        for (i, v) in x_series.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let x = plot_x + i as f64 * band + band * (1.0 - GROUP) / 2.0 + k as f64 * bar_w;
            let top_y = y(*v).min(zero);
            c.fill(x, top_y, bar_w, (y(*v) - zero).abs(), x_series.fill, false);
        }
    }
    if let Some(r) = axis.reference {
        let ry = y(r);
        c.reference_line((plot_x, ry), (plot_x + plot_w, ry));
    }
    c.axis_line((plot_x, zero), (plot_x + plot_w, zero));
    c.axis_line((plot_x, plot_y), (plot_x, plot_y + plot_h));

    let legend = c.header(axis, series, header_middle);
    for (t, label) in &ticks {
        c.label(
            label,
            plot_x - 0.4 * s,
            y(*t),
            Anchor::End,
            s,
            LabelKind::Tick,
        );
    }
    let names_top = plot_y + plot_h + below + 0.35 * s;
    for (i, lines) in names.iter().enumerate() {
        let centre = plot_x + (i as f64 + 0.5) * band;
        for (j, line) in lines.iter().enumerate() {
            let middle = names_top + (j as f64 + 0.5) * lh;
            c.label(line, centre, middle, Anchor::Middle, s, LabelKind::Category);
        }
        for (k, x_series) in series.iter().enumerate() {
            let Some(v) = x_series.values[i] else {
                continue;
            };
            let label = value_label(v, x_series.decimals[i], axis);
            let x =
                plot_x + i as f64 * band + band * (1.0 - GROUP) / 2.0 + (k as f64 + 0.5) * bar_w;
            let middle = if v >= 0.0 {
                y(v) - 0.25 * s - value_size / 2.0
            } else {
                y(v) + 0.25 * s + value_size / 2.0
            };
            c.label(
                &label,
                x,
                middle,
                Anchor::Middle,
                value_size,
                LabelKind::Value,
            );
        }
    }
    let frame = Frame {
        rows: COLUMN_ROWS,
        direction: BarDirection::Columns,
        plot,
        legend,
    };
    Some(c.finish(frame, fig, series, axis))
}

/// The chart with horizontal bars, the first category at the top; as many grid rows as
/// its bars need, at most `max_rows`.
fn bars(
    fig: &Figure,
    axis: &ValueAxis,
    series: &[Series],
    width: f64,
    pitch: f64,
    max_rows: u32,
) -> Result<Chart, Message> {
    let s = LABEL_SIZE;
    let lh = LEADING * s;
    let pad = 0.25 * s;
    let (top, header_middle) = header_height(axis, series);
    let widest_name = fig
        .categories
        .iter()
        .map(|c| text_width(c, s))
        .fold(0.0, f64::max);
    let name_w = widest_name.min(0.3 * width).max(2.0 * s);
    let names: Vec<Vec<String>> = fig.categories.iter().map(|c| wrap(c, s, name_w)).collect();
    let plot_x = name_w + 0.6 * s;
    let values: Vec<(usize, usize, f64, String)> = series
        .iter()
        .enumerate()
        .flat_map(|(k, x)| {
            x.values
                .iter()
                .zip(&x.decimals)
                .enumerate()
                .filter_map(move |(i, (v, d))| v.map(|v| (k, i, v, value_label(v, *d, axis))))
        })
        .collect();
    let value_w = values
        .iter()
        .map(|(_, _, _, l)| text_width(l, s))
        .fold(0.0, f64::max);
    let ticks = tick_labels(axis);
    let last_tick = ticks.last().map_or(0.0, |(_, l)| text_width(l, s) / 2.0);
    let right = (value_w + 0.3 * s).max(last_tick) + pad;
    let plot_w = width - plot_x - right;
    if plot_w < 8.0 * s {
        return Err(msg!("chart-no-room"));
    }
    let bottom = 0.35 * s + lh + pad;
    let ns = series.len().max(1) as f64;
    let n = fig.categories.len().max(1);
    let rows_for = |bar_em: f64| {
        let band = names
            .iter()
            .map(|l| l.len() as f64 * lh + 0.3 * s)
            .fold(ns * bar_em * s / GROUP, f64::max);
        ((top + n as f64 * band + bottom) / pitch).ceil() as u32
    };
    // Bars at their usual thickness, thinner, and as thin as a value label of 六号 beside
    // them (12 groups of 4 bars fit a page so).
    let rows = [BAR_EM, MIN_BAR_EM, MIN_VALUE_SIZE / s]
        .map(rows_for)
        .into_iter()
        .find(|&r| r <= max_rows)
        .ok_or_else(|| {
            msg!(
                "chart-too-many-rows",
                rows = rows_for(MIN_VALUE_SIZE / s),
                groups = n,
                max = max_rows
            )
        })?;
    let height = f64::from(rows) * pitch;
    // The rows are whole: the bands take up what is left over.
    let band = (height - top - bottom) / n as f64;
    let plot_y = top;
    let plot_h = band * n as f64;
    let x = |v: f64| plot_x + plot_w * axis.fraction(v);
    let zero = x(0.0_f64.clamp(axis.min, axis.max));
    let bar_t = band * GROUP / ns;
    // Value labels stand beside their bars at the labels' size, or as large as a bar
    // thinner than that leaves room for (not below 六号).
    let value_s = if bar_t >= MIN_BAR_EM * s {
        s
    } else {
        bar_t.max(MIN_VALUE_SIZE)
    };
    let bar_y = |i: usize, k: usize| {
        plot_y + i as f64 * band + band * (1.0 - GROUP) / 2.0 + k as f64 * bar_t
    };
    let mut c = Canvas::new(width, height);
    let plot = c.rect(plot_x, plot_y, plot_w, plot_h);
    for (t, _) in &ticks {
        if *t != 0.0 {
            let tx = x(*t);
            c.line((tx, plot_y), (tx, plot_y + plot_h), GRID_WIDTH, GRID, false);
        }
    }
    for &(k, i, v, _) in &values {
        let x0 = x(v).min(zero);
        c.fill(
            x0,
            bar_y(i, k),
            (x(v) - zero).abs(),
            bar_t,
            series[k].fill,
            false,
        );
    }
    if let Some(r) = axis.reference {
        let rx = x(r);
        c.reference_line((rx, plot_y), (rx, plot_y + plot_h));
    }
    c.axis_line((zero, plot_y), (zero, plot_y + plot_h));
    let base = plot_y + plot_h;
    c.axis_line((plot_x, base), (plot_x + plot_w, base));

    let legend = c.header(axis, series, header_middle);
    for (t, label) in &ticks {
        c.label(
            label,
            x(*t),
            base + 0.35 * s + lh / 2.0,
            Anchor::Middle,
            s,
            LabelKind::Tick,
        );
    }
    for (i, lines) in names.iter().enumerate() {
        let centre = plot_y + (i as f64 + 0.5) * band;
        let first = centre - (lines.len() as f64 - 1.0) * lh / 2.0;
        for (j, line) in lines.iter().enumerate() {
            let middle = first + j as f64 * lh;
            c.label(
                line,
                plot_x - 0.5 * s,
                middle,
                Anchor::End,
                s,
                LabelKind::Category,
            );
        }
        for &(k, _, v, ref label) in values.iter().filter(|(_, at, _, _)| *at == i) {
            let middle = bar_y(i, k) + bar_t / 2.0;
            let (lx, anchor) = if v >= 0.0 {
                (x(v) + 0.3 * s, Anchor::Start)
            } else {
                (x(v) - 0.3 * s, Anchor::End)
            };
            c.label(label, lx, middle, anchor, value_s, LabelKind::Value);
        }
    }
    let frame = Frame {
        rows,
        direction: BarDirection::Bars,
        plot,
        legend,
    };
    Ok(c.finish(frame, fig, series, axis))
}
