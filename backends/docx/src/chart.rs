//! Charts as native Word charts: a chart part (`c:chartSpace` with a `c:barChart`) whose
//! series carry their data in caches, an embedded workbook holding the same data (what
//! Word and WPS open to edit it), and the drawing in the body that shows it.
//!
//! The drawing floats, as the PDF's chart does: anchored (`wp:anchor`) at the top of the
//! paragraph where the chart stands, wrapped top and bottom, following the text
//! (`layoutInCell`), so that a chart which does not fit where it is cited goes to the
//! next page whole while the text after it fills the page. Its caption is a text box in
//! the chart's shapes, in the rows below the plot, so that it goes wherever the chart
//! goes (a caption paragraph would stay behind; a chart title is wrapped by LibreOffice
//! at 80% of the chart's width).
//!
//! Everything is core's: the categories, values and their number formats, the axis's
//! range and step, the colours, the plot area and legend placed where core drew them
//! (manual layouts in fractions of the chart, as core's geometry is). Word draws the
//! labels itself, from the same data and formats, so they read as in the other outputs.

use crate::styles;
use crate::xml::El;
use crate::Error;
use huibao_core::chars::text_width_em;
use huibao_core::ir::{Anchor, BarDirection, Chart, ChartLine, Color, LabelKind, Series};
use huibao_core::style::{FontRole, Style};

/// DrawingML's chart namespace.
pub(crate) const C_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/// DrawingML's main namespace.
pub(crate) const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// The picture namespace (the fallback picture).
const PIC_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
/// Shapes drawn over a chart.
const CDR_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing";
/// Relationships in parts.
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// English Metric Units per point.
const EMU_PER_PT: f64 = 12_700.0;
/// The worksheet the data lives on, in the embedded workbook.
const SHEET: &str = "Sheet1";

/// Text of the placeholder paragraph the body writes for chart `n`; the package puts
/// the drawing in its place (docx-rs cannot write charts).
pub(crate) fn marker(n: usize) -> String {
    format!("\u{E000}huibao-chart-{n}")
}

/// The relationship id of chart `n` (from 1) in the document's relationships.
pub(crate) fn chart_rel(n: usize) -> String {
    format!("rIdHbChart{n}")
}

/// The relationship id of chart `n`'s fallback picture.
pub(crate) fn picture_rel(n: usize) -> String {
    format!("rIdHbChartPicture{n}")
}

/// The box a chart is drawn in: the text block's width, the chart's rows and then its
/// caption's. Core's geometry is in fractions of the chart's rows; [`Frame::y`] makes
/// them fractions of the box.
struct Frame {
    chart_rows: f64,
    caption_rows: f64,
    pitch: f64,
    width: f64,
}

impl Frame {
    fn of(chart: &Chart, style: &Style) -> Frame {
        Frame {
            chart_rows: f64::from(chart.rows),
            caption_rows: chart.caption_lines(style).len() as f64,
            pitch: style.page.line_pitch_pt(),
            width: style.page.block_width_pt(),
        }
    }

    /// The box's height in points: a point short of its grid rows, so that the line
    /// after it stands on the next grid line (not one further down).
    fn height(&self) -> f64 {
        (self.chart_rows + self.caption_rows) * self.pitch - 1.0
    }

    /// A vertical position or length in fractions of the chart, in fractions of the box.
    fn y(&self, fraction: f64) -> f64 {
        fraction * self.chart_rows * self.pitch / self.height()
    }
}

/// The height in points of the box chart `chart` floats in, its caption included.
pub(crate) fn box_height(chart: &Chart, style: &Style) -> f64 {
    Frame::of(chart, style).height()
}

/// The run that shows chart `n`: the chart, or for clients that draw no charts its
/// picture (`mc:AlternateContent`), floating `below` points under the top of the
/// paragraph holding the run (below the charts floating there before it).
pub(crate) fn drawing_run(chart: &Chart, n: usize, style: &Style, below: f64, picture: bool) -> El {
    let frame = Frame::of(chart, style);
    let offset = (below * EMU_PER_PT).round();
    let w = (frame.width * EMU_PER_PT).round();
    let h = (frame.height() * EMU_PER_PT).round();
    let anchored = |graphic: El| {
        El::new("wp:anchor")
            .attr("distT", "0")
            .attr("distB", "0")
            .attr("distL", "0")
            .attr("distR", "0")
            .attr("simplePos", "0")
            .attr("relativeHeight", format!("{}", n + 1))
            .attr("behindDoc", "0")
            .attr("locked", "0")
            // Follow the text: kept on the page, moved on with the text that does not fit.
            .attr("layoutInCell", "1")
            .attr("allowOverlap", "0")
            .child(El::new("wp:simplePos").attr("x", "0").attr("y", "0"))
            .child(
                El::new("wp:positionH")
                    .attr("relativeFrom", "column")
                    .child(El::new("wp:align").text("center")),
            )
            .child(
                El::new("wp:positionV")
                    .attr("relativeFrom", "paragraph")
                    .child(El::new("wp:posOffset").text(&format!("{offset}"))),
            )
            .child(
                El::new("wp:extent")
                    .attr("cx", format!("{w}"))
                    .attr("cy", format!("{h}")),
            )
            .child(
                El::new("wp:effectExtent")
                    .attr("l", "0")
                    .attr("t", "0")
                    .attr("r", "0")
                    .attr("b", "0"),
            )
            .child(El::new("wp:wrapTopAndBottom"))
            .child(
                El::new("wp:docPr")
                    .attr("id", format!("{}", 1000 + n))
                    .attr("name", format!("图表 {n}"))
                    .attr("descr", &chart.caption),
            )
            .child(El::new("wp:cNvGraphicFramePr"))
            .child(graphic)
    };
    let chart_graphic = El::new("a:graphic").attr("xmlns:a", A_NS).child(
        El::new("a:graphicData").attr("uri", C_NS).child(
            El::new("c:chart")
                .attr("xmlns:c", C_NS)
                .attr("xmlns:r", R_NS)
                .attr("r:id", chart_rel(n)),
        ),
    );
    let drawing = El::new("w:drawing").child(anchored(chart_graphic));
    let run = El::new("w:r").child(El::new("w:rPr").child(El::new("w:sz").attr("w:val", "2")));
    if !picture {
        return run.child(drawing);
    }
    let picture_graphic = El::new("a:graphic").attr("xmlns:a", A_NS).child(
        El::new("a:graphicData").attr("uri", PIC_NS).child(
            El::new("pic:pic")
                .attr("xmlns:pic", PIC_NS)
                .child(
                    El::new("pic:nvPicPr")
                        .child(
                            El::new("pic:cNvPr")
                                .attr("id", "0")
                                .attr("name", format!("chart{n}.png")),
                        )
                        .child(El::new("pic:cNvPicPr")),
                )
                .child(
                    El::new("pic:blipFill")
                        .child(
                            El::new("a:blip")
                                .attr("xmlns:r", R_NS)
                                .attr("r:embed", picture_rel(n)),
                        )
                        .child(El::new("a:stretch").child(El::new("a:fillRect"))),
                )
                .child(
                    El::new("pic:spPr")
                        .child(
                            El::new("a:xfrm")
                                .child(El::new("a:off").attr("x", "0").attr("y", "0"))
                                .child(
                                    El::new("a:ext")
                                        .attr("cx", format!("{w}"))
                                        .attr("cy", format!("{h}")),
                                ),
                        )
                        .child(
                            El::new("a:prstGeom")
                                .attr("prst", "rect")
                                .child(El::new("a:avLst")),
                        ),
                ),
        ),
    );
    run.child(
        El::new("mc:AlternateContent")
            // The chart is marked as needing Word 2010's namespace: Word 2010 and
            // later, WPS and LibreOffice (which takes a choice only for wps, wpg and
            // w14) read it and draw the chart; readers that know none of it (Word 2007,
            // converters that draw no charts) show the picture.
            .child(El::new("mc:Choice").attr("Requires", "w14").child(drawing))
            .child(
                El::new("mc:Fallback").child(El::new("w:drawing").child(anchored(picture_graphic))),
            ),
    )
}

/// The number format of values printed with `decimals` places (`None`: as written) and
/// `suffix`, as Excel writes it: `General`, `0.0`, `0.0"%"`.
fn number_format(decimals: Option<u8>, suffix: &str) -> String {
    let number = match decimals {
        None => "General".to_string(),
        Some(0) => "0".to_string(),
        Some(d) => format!("0.{}", "0".repeat(usize::from(d))),
    };
    if suffix.is_empty() {
        number
    } else {
        format!("{number}\"{suffix}\"")
    }
}

/// A number as the caches and the workbook write it: as written, without binary noise.
fn number(x: f64) -> String {
    huibao_core::format_number(x, None)
}

fn val(name: &str, value: impl AsRef<str>) -> El {
    El::new(name).attr("val", value)
}

fn solid(c: Color) -> El {
    El::new("a:solidFill").child(val("a:srgbClr", c.hex()))
}

fn line(width_pt: f64, color: Option<Color>) -> El {
    let ln = El::new("a:ln").attr("w", format!("{}", (width_pt * EMU_PER_PT).round()));
    match color {
        Some(c) => ln.child(solid(c)),
        None => ln.child(El::new("a:noFill")),
    }
}

/// Text properties: the chart's label font (East Asian and Latin) at `size` points.
fn text_properties(style: &Style, role: FontRole, size: f64) -> El {
    let ea = styles::family(style, role);
    let latin = styles::family(style, FontRole::Latin);
    El::new("c:txPr")
        .child(El::new("a:bodyPr").attr("rot", "0").attr("vert", "horz"))
        .child(El::new("a:lstStyle"))
        .child(
            El::new("a:p")
                .child(
                    El::new("a:pPr").child(
                        El::new("a:defRPr")
                            .attr("sz", format!("{}", (size * 100.0).round()))
                            .attr("b", "0")
                            .child(solid(Color::BLACK))
                            .child(El::new("a:latin").attr("typeface", latin))
                            .child(El::new("a:ea").attr("typeface", ea)),
                    ),
                )
                .child(El::new("a:endParaRPr").attr("lang", "zh-CN")),
        )
}

/// A manual layout at (x, y), with a size when given, in fractions of the chart.
fn layout(x: f64, y: f64, size: Option<(f64, f64)>, inner: bool) -> El {
    let f = |v: f64| format!("{:.4}", v.clamp(0.0, 1.0));
    let mut m = El::new("c:manualLayout");
    if inner {
        m = m.child(val("c:layoutTarget", "inner"));
    }
    m = m
        .child(val("c:xMode", "edge"))
        .child(val("c:yMode", "edge"));
    m = m.child(val("c:x", f(x))).child(val("c:y", f(y)));
    if let Some((w, h)) = size {
        m = m.child(val("c:w", f(w))).child(val("c:h", f(h)));
    }
    El::new("c:layout").child(m)
}

/// A cell reference on the data sheet: column `col` (0 = A), rows `first..=last` (1-based).
fn cells(col: usize, first: usize, last: usize) -> String {
    let letter = |c: usize| {
        let mut s = String::new();
        let mut n = c + 1;
        while n > 0 {
            let r = (n - 1) % 26;
            s.insert(0, char::from(b'A' + r as u8));
            n = (n - 1) / 26;
        }
        s
    };
    if first == last {
        format!("{SHEET}!${}${first}", letter(col))
    } else {
        format!("{SHEET}!${}${first}:${}${last}", letter(col), letter(col))
    }
}

fn str_ref(reference: String, texts: &[String]) -> El {
    let mut cache = El::new("c:strCache").child(val("c:ptCount", texts.len().to_string()));
    for (i, t) in texts.iter().enumerate() {
        cache = cache.child(
            El::new("c:pt")
                .attr("idx", i.to_string())
                .child(El::new("c:v").text(t)),
        );
    }
    El::new("c:strRef")
        .child(El::new("c:f").text(&reference))
        .child(cache)
}

/// The size of the chart's labels of `kind` (the first one's), else `fallback`.
fn label_size(chart: &Chart, kind: LabelKind, fallback: f64) -> f64 {
    chart
        .labels
        .iter()
        .find(|l| l.kind == kind)
        .map_or(fallback, |l| l.size)
}

/// Series `k`: its name, fill, data labels in core's number formats, and its
/// categories and values, referenced on the data sheet and cached.
fn series(chart: &Chart, k: usize, s: &Series, style: &Style) -> El {
    let n = chart.categories.len();
    let suffix = &chart.axis.suffix;
    let value_size = label_size(chart, LabelKind::Value, 10.5);
    let common = s.decimals.first().copied().flatten();
    let uniform = s.decimals.iter().all(|d| *d == common);
    // A label's number format, no box, the values' font, outside the bar's end, and
    // only the value shown: for all the series' labels and for one value's own.
    let dress = |el: El, decimals| {
        el.child(
            El::new("c:numFmt")
                .attr("formatCode", number_format(decimals, suffix))
                .attr("sourceLinked", "0"),
        )
        .child(
            El::new("c:spPr")
                .child(El::new("a:noFill"))
                .child(line(0.0, None)),
        )
        .child(text_properties(style, chart.font, value_size))
        .child(val("c:dLblPos", "outEnd"))
        .child(val("c:showLegendKey", "0"))
        .child(val("c:showVal", "1"))
        .child(val("c:showCatName", "0"))
        .child(val("c:showSerName", "0"))
        .child(val("c:showPercent", "0"))
        .child(val("c:showBubbleSize", "0"))
    };
    let mut labels = El::new("c:dLbls");
    if !uniform {
        // Each value printed with its own indicator's decimals.
        for (i, d) in s.decimals.iter().enumerate() {
            labels = labels.child(dress(
                El::new("c:dLbl").child(val("c:idx", i.to_string())),
                *d,
            ));
        }
    }
    labels = dress(labels, common);
    let mut cache = El::new("c:numCache")
        .child(El::new("c:formatCode").text(&number_format(common, "")))
        .child(val("c:ptCount", n.to_string()));
    for (i, (v, d)) in s.values.iter().zip(&s.decimals).enumerate() {
        if let Some(v) = v {
            let mut pt = El::new("c:pt").attr("idx", i.to_string());
            if *d != common {
                pt = pt.attr("formatCode", number_format(*d, ""));
            }
            cache = cache.child(pt.child(El::new("c:v").text(&number(*v))));
        }
    }
    El::new("c:ser")
        .child(val("c:idx", k.to_string()))
        .child(val("c:order", k.to_string()))
        .child(El::new("c:tx").child(str_ref(cells(k + 1, 1, 1), std::slice::from_ref(&s.name))))
        .child(
            El::new("c:spPr")
                .child(solid(s.fill))
                .child(line(0.0, None)),
        )
        .child(val("c:invertIfNegative", "0"))
        .child(labels)
        .child(El::new("c:cat").child(str_ref(cells(0, 2, n + 1), &chart.categories)))
        .child(
            El::new("c:val").child(
                El::new("c:numRef")
                    .child(El::new("c:f").text(&cells(k + 1, 2, n + 1)))
                    .child(cache),
            ),
        )
}

/// A title of `text` in `family` at `size` points; its layout follows.
fn title(text: &str, size: f64, family: &str, style: &Style) -> El {
    let sz = format!("{}", (size * 100.0).round());
    El::new("c:title").child(
        El::new("c:tx").child(
            El::new("c:rich")
                .child(El::new("a:bodyPr").attr("rot", "0").attr("vert", "horz"))
                .child(El::new("a:lstStyle"))
                .child(
                    El::new("a:p")
                        .child(
                            El::new("a:pPr")
                                .child(El::new("a:defRPr").attr("sz", &sz).attr("b", "0")),
                        )
                        .child(
                            El::new("a:r")
                                .child(run_properties(size, family, style))
                                .child(El::new("a:t").text(text)),
                        ),
                ),
        ),
    )
}

/// A run's properties in text boxes and titles: black, `family` for Chinese and the
/// Latin font for the rest, at `size` points.
fn run_properties(size: f64, family: &str, style: &Style) -> El {
    El::new("a:rPr")
        .attr("lang", "zh-CN")
        .attr("sz", format!("{}", (size * 100.0).round()))
        .attr("b", "0")
        .child(solid(Color::BLACK))
        .child(El::new("a:latin").attr("typeface", styles::family(style, FontRole::Latin)))
        .child(El::new("a:ea").attr("typeface", family))
}

/// The chart part (`word/charts/chartN.xml`); `workbook_rel` is the relationship id of
/// its embedded workbook, `shapes_rel` that of the shapes drawn over it (the caption,
/// the reference line).
pub(crate) fn chart_part(chart: &Chart, style: &Style, workbook_rel: &str, shapes_rel: &str) -> El {
    let frame = Frame::of(chart, style);
    let columns = chart.direction == BarDirection::Columns;
    let axis = &chart.axis;
    let size = label_size(chart, LabelKind::Tick, 10.5);
    let grey = Color(0xD9, 0xD9, 0xD9);
    let ns = chart.series.len().max(1) as f64;
    let g = chart.group_width.clamp(0.05, 1.0);
    let gap = ((1.0 - g) * ns / g * 100.0).round().clamp(0.0, 500.0);

    let mut bar = El::new("c:barChart")
        .child(val("c:barDir", if columns { "col" } else { "bar" }))
        .child(val("c:grouping", "clustered"))
        .child(val("c:varyColors", "0"));
    for (k, s) in chart.series.iter().enumerate() {
        bar = bar.child(series(chart, k, s, style));
    }
    bar = bar
        .child(val("c:gapWidth", format!("{gap}")))
        .child(val("c:overlap", "0"))
        .child(val("c:axId", "1"))
        .child(val("c:axId", "2"));

    // Categories along the bottom (columns) or down the left, the first at the top (bars).
    let cat = El::new("c:catAx")
        .child(val("c:axId", "1"))
        .child(El::new("c:scaling").child(val(
            "c:orientation",
            if columns { "minMax" } else { "maxMin" },
        )))
        .child(val("c:delete", "0"))
        .child(val("c:axPos", if columns { "b" } else { "l" }))
        .child(
            El::new("c:numFmt")
                .attr("formatCode", "General")
                .attr("sourceLinked", "0"),
        )
        .child(val("c:majorTickMark", "none"))
        .child(val("c:minorTickMark", "none"))
        .child(val("c:tickLblPos", "low"))
        .child(El::new("c:spPr").child(line(0.75, Some(Color::BLACK))))
        .child(text_properties(style, chart.font, size))
        .child(val("c:crossAx", "2"))
        .child(val("c:crosses", "autoZero"))
        .child(val("c:auto", "1"))
        .child(val("c:lblAlgn", "ctr"))
        .child(val("c:lblOffset", "100"))
        .child(val("c:noMultiLvlLbl", "0"));

    let axis_title = chart
        .labels
        .iter()
        .find(|l| l.kind == LabelKind::AxisTitle)
        .zip(axis.title.as_ref())
        .map(|(l, text)| {
            let height = f64::from(chart.rows) * style.page.line_pitch_pt();
            let top = l.baseline - 0.88 * l.size / height;
            // Word places a title by its top-left corner.
            let width = style.page.block_width_pt();
            let x = match l.anchor {
                Anchor::Start => l.x,
                Anchor::Middle => l.x - text_width_em(text) * l.size / width / 2.0,
                Anchor::End => l.x - text_width_em(text) * l.size / width,
            };
            title(text, l.size, &styles::family(style, chart.font), style)
                .child(layout(x, frame.y(top), None, false))
                .child(val("c:overlay", "0"))
        });

    let mut value = El::new("c:valAx")
        .child(val("c:axId", "2"))
        .child(
            El::new("c:scaling")
                .child(val("c:orientation", "minMax"))
                .child(val("c:max", number(axis.max)))
                .child(val("c:min", number(axis.min))),
        )
        .child(val("c:delete", "0"))
        .child(val("c:axPos", if columns { "l" } else { "b" }))
        .child(El::new("c:majorGridlines").child(El::new("c:spPr").child(line(0.5, Some(grey)))));
    if let Some(t) = axis_title {
        value = value.child(t);
    }
    value = value
        .child(
            El::new("c:numFmt")
                .attr(
                    "formatCode",
                    number_format(Some(axis.decimals), &axis.suffix),
                )
                .attr("sourceLinked", "0"),
        )
        .child(val("c:majorTickMark", "none"))
        .child(val("c:minorTickMark", "none"))
        .child(val("c:tickLblPos", "nextTo"))
        .child(El::new("c:spPr").child(line(0.75, Some(Color::BLACK))))
        .child(text_properties(style, chart.font, size))
        .child(val("c:crossAx", "1"))
        // With the categories reversed (bars), the value axis stays at the bottom.
        .child(val("c:crosses", if columns { "autoZero" } else { "max" }))
        .child(val("c:crossBetween", "between"))
        .child(val("c:majorUnit", number(axis.step)));

    let p = chart.plot;
    let plot_area = El::new("c:plotArea")
        .child(layout(
            p.x,
            frame.y(p.y),
            Some((p.width, frame.y(p.height))),
            true,
        ))
        .child(bar)
        .child(cat)
        .child(value)
        .child(
            El::new("c:spPr")
                .child(El::new("a:noFill"))
                .child(line(0.0, None)),
        );

    let mut c = El::new("c:chart")
        .child(val("c:autoTitleDeleted", "1"))
        .child(plot_area);
    if let Some(l) = chart.legend {
        c = c.child(
            El::new("c:legend")
                .child(val("c:legendPos", "t"))
                .child(layout(
                    l.x,
                    frame.y(l.y),
                    Some((l.width, frame.y(l.height))),
                    false,
                ))
                .child(val("c:overlay", "0"))
                .child(text_properties(
                    style,
                    chart.font,
                    label_size(chart, LabelKind::Legend, 10.5),
                )),
        );
    }
    c = c
        .child(val("c:plotVisOnly", "1"))
        .child(val("c:dispBlanksAs", "gap"));

    El::new("c:chartSpace")
        .attr("xmlns:c", C_NS)
        .attr("xmlns:a", A_NS)
        .attr("xmlns:r", R_NS)
        .child(val("c:date1904", "0"))
        .child(val("c:lang", "zh-CN"))
        .child(val("c:roundedCorners", "0"))
        .child(c)
        .child(
            El::new("c:spPr")
                .child(El::new("a:noFill"))
                .child(line(0.0, None)),
        )
        .child(text_properties(style, chart.font, size))
        .child(
            El::new("c:externalData")
                .attr("r:id", workbook_rel)
                .child(val("c:autoUpdate", "0")),
        )
        .child(El::new("c:userShapes").attr("r:id", shapes_rel))
}

/// Where a shape stands in the chart's box: `from` and `to` in fractions of the box.
fn rel_size_anchor(from: (f64, f64), to: (f64, f64)) -> El {
    let f = |v: f64| format!("{:.5}", v.clamp(0.0, 1.0));
    let point = |name: &str, (x, y): (f64, f64)| {
        El::new(name)
            .child(El::new("cdr:x").text(&f(x)))
            .child(El::new("cdr:y").text(&f(y)))
    };
    El::new("cdr:relSizeAnchor")
        .child(point("cdr:from", from))
        .child(point("cdr:to", to))
}

/// The caption: a text box across the box's rows below the chart, its lines centred in
/// the caption's font and size (core's [`Chart::CAPTION_ROLE`]), never wrapped again.
fn caption_shape(chart: &Chart, frame: &Frame, style: &Style) -> El {
    let size = style.font(Chart::CAPTION_ROLE).size_pt;
    let family = styles::family(style, Chart::CAPTION_ROLE);
    let top = frame.y(1.0);
    let emu = |v: f64| format!("{}", (v * EMU_PER_PT).round());
    let mut body = El::new("cdr:txBody")
        .child(
            El::new("a:bodyPr")
                .attr("wrap", "none")
                .attr("lIns", "0")
                .attr("tIns", "0")
                .attr("rIns", "0")
                .attr("bIns", "0")
                .attr("anchor", "ctr")
                .attr("anchorCtr", "0"),
        )
        .child(El::new("a:lstStyle"));
    for line in chart.caption_lines(style) {
        body = body.child(
            El::new("a:p")
                .child(El::new("a:pPr").attr("algn", "ctr"))
                .child(
                    El::new("a:r")
                        .child(run_properties(size, &family, style))
                        .child(El::new("a:t").text(&line)),
                ),
        );
    }
    rel_size_anchor((0.0, top), (1.0, 1.0)).child(
        El::new("cdr:sp")
            .attr("macro", "")
            .attr("textlink", "")
            .child(
                El::new("cdr:nvSpPr")
                    .child(
                        El::new("cdr:cNvPr")
                            .attr("id", "2")
                            .attr("name", "Caption")
                            .attr("descr", &chart.caption),
                    )
                    .child(El::new("cdr:cNvSpPr").attr("txBox", "1")),
            )
            .child(
                El::new("cdr:spPr")
                    .child(
                        El::new("a:xfrm")
                            .child(
                                El::new("a:off")
                                    .attr("x", "0")
                                    .attr("y", emu(top * frame.height())),
                            )
                            .child(
                                El::new("a:ext")
                                    .attr("cx", emu(frame.width))
                                    .attr("cy", emu((1.0 - top) * frame.height())),
                            ),
                    )
                    .child(
                        El::new("a:prstGeom")
                            .attr("prst", "rect")
                            .child(El::new("a:avLst")),
                    )
                    .child(El::new("a:noFill"))
                    .child(El::new("a:ln").child(El::new("a:noFill"))),
            )
            .child(body),
    )
}

/// The shapes drawn over a chart (`word/drawings/drawingN.xml`): its caption below the
/// plot, and its dashed lines (the reference line at 100%) placed in fractions of the
/// chart as core drew them. A bar chart has no line of its own across the plot; the
/// shape stands where the axis puts 100% as long as the axis keeps its range.
pub(crate) fn user_shapes(chart: &Chart, style: &Style) -> El {
    let frame = Frame::of(chart, style);
    let w = frame.width * EMU_PER_PT;
    let h = frame.height() * EMU_PER_PT;
    let emu = |v: f64| format!("{}", v.round().max(0.0));
    let mut root = El::new("c:userShapes")
        .attr("xmlns:c", C_NS)
        .attr("xmlns:cdr", CDR_NS)
        .attr("xmlns:a", A_NS)
        .child(caption_shape(chart, &frame, style));
    let lines: Vec<&ChartLine> = chart.dashed_lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let (x0, y0) = (l.from.0.min(l.to.0), frame.y(l.from.1.min(l.to.1)));
        let (x1, y1) = (l.from.0.max(l.to.0), frame.y(l.from.1.max(l.to.1)));
        root = root.child(
            rel_size_anchor((x0, y0), (x1, y1)).child(
                El::new("cdr:cxnSp")
                    .attr("macro", "")
                    .child(
                        El::new("cdr:nvCxnSpPr")
                            .child(
                                El::new("cdr:cNvPr")
                                    .attr("id", (i + 3).to_string())
                                    .attr("name", format!("Reference {}", i + 1)),
                            )
                            .child(El::new("cdr:cNvCxnSpPr")),
                    )
                    .child(
                        El::new("cdr:spPr")
                            .child(
                                El::new("a:xfrm")
                                    .child(
                                        El::new("a:off")
                                            .attr("x", emu(x0 * w))
                                            .attr("y", emu(y0 * h)),
                                    )
                                    .child(
                                        El::new("a:ext")
                                            .attr("cx", emu((x1 - x0) * w))
                                            .attr("cy", emu((y1 - y0) * h)),
                                    ),
                            )
                            .child(
                                El::new("a:prstGeom")
                                    .attr("prst", "line")
                                    .child(El::new("a:avLst")),
                            )
                            .child(line(l.width, Some(l.color)).child(val("a:prstDash", "dash"))),
                    ),
            ),
        );
    }
    root
}

/// The chart's relationships to its shapes part.
pub(crate) fn shapes_relationship(id: &str, target: &str) -> El {
    El::new("Relationship")
        .attr("Id", id)
        .attr("Type", format!("{R_NS}/chartUserShapes"))
        .attr("Target", target)
}

/// The chart part's relationships: its workbook (and its shapes, added by the caller).
pub(crate) fn chart_rels(workbook_rel: &str, workbook: &str) -> El {
    El::new("Relationships")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )
        .child(
            El::new("Relationship")
                .attr("Id", workbook_rel)
                .attr(
                    "Type",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package",
                )
                .attr("Target", format!("../embeddings/{workbook}")),
        )
}

/// The embedded workbook: one sheet with the series' names in row 1, the categories in
/// column A and the values beside them, as the chart's formulas name them.
pub(crate) fn workbook(chart: &Chart) -> Result<Vec<u8>, Error> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let text_cell = |r: &str, t: &str| {
        El::new("c")
            .attr("r", r)
            .attr("t", "inlineStr")
            .child(El::new("is").child(El::new("t").text(t)))
    };
    let col = |c: usize| char::from(b'A' + c.min(25) as u8);
    let mut data = El::new("sheetData");
    let mut header = El::new("row").attr("r", "1");
    for (k, s) in chart.series.iter().enumerate() {
        header = header.child(text_cell(&format!("{}1", col(k + 1)), &s.name));
    }
    data = data.child(header);
    for (i, name) in chart.categories.iter().enumerate() {
        let r = i + 2;
        let mut row = El::new("row")
            .attr("r", r.to_string())
            .child(text_cell(&format!("A{r}"), name));
        for (k, s) in chart.series.iter().enumerate() {
            if let Some(v) = s.values.get(i).copied().flatten() {
                row = row.child(
                    El::new("c")
                        .attr("r", format!("{}{r}", col(k + 1)))
                        .child(El::new("v").text(&number(v))),
                );
            }
        }
        data = data.child(row);
    }
    let sheet = El::new("worksheet").attr("xmlns", MAIN).child(data);
    let workbook = El::new("workbook")
        .attr("xmlns", MAIN)
        .attr("xmlns:r", R_NS)
        .child(
            El::new("sheets").child(
                El::new("sheet")
                    .attr("name", SHEET)
                    .attr("sheetId", "1")
                    .attr("r:id", "rId1"),
            ),
        );
    let styles = El::new("styleSheet")
        .attr("xmlns", MAIN)
        .child(
            El::new("fonts").attr("count", "1").child(
                El::new("font")
                    .child(El::new("sz").attr("val", "11"))
                    .child(El::new("name").attr("val", "Calibri")),
            ),
        )
        .child(
            El::new("fills")
                .attr("count", "1")
                .child(El::new("fill").child(El::new("patternFill").attr("patternType", "none"))),
        )
        .child(
            El::new("borders")
                .attr("count", "1")
                .child(El::new("border")),
        )
        .child(
            El::new("cellStyleXfs")
                .attr("count", "1")
                .child(El::new("xf").attr("numFmtId", "0")),
        )
        .child(
            El::new("cellXfs")
                .attr("count", "1")
                .child(El::new("xf").attr("numFmtId", "0").attr("xfId", "0")),
        );
    let rel = |id: &str, kind: &str, target: &str| {
        El::new("Relationship")
            .attr("Id", id)
            .attr("Type", format!("{R_NS}/{kind}"))
            .attr("Target", target)
    };
    let rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
    let package_rels = El::new("Relationships").attr("xmlns", rels_ns).child(rel(
        "rId1",
        "officeDocument",
        "xl/workbook.xml",
    ));
    let workbook_rels = El::new("Relationships")
        .attr("xmlns", rels_ns)
        .child(rel("rId1", "worksheet", "worksheets/sheet1.xml"))
        .child(rel("rId2", "styles", "styles.xml"));
    let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    let types = El::new("Types")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )
        .child(El::new("Default").attr("Extension", "rels").attr(
            "ContentType",
            "application/vnd.openxmlformats-package.relationships+xml",
        ))
        .child(
            El::new("Default")
                .attr("Extension", "xml")
                .attr("ContentType", "application/xml"),
        )
        .child(
            El::new("Override")
                .attr("PartName", "/xl/workbook.xml")
                .attr("ContentType", format!("{ct}.sheet.main+xml")),
        )
        .child(
            El::new("Override")
                .attr("PartName", "/xl/worksheets/sheet1.xml")
                .attr("ContentType", format!("{ct}.worksheet+xml")),
        )
        .child(
            El::new("Override")
                .attr("PartName", "/xl/styles.xml")
                .attr("ContentType", format!("{ct}.styles+xml")),
        );
    let mut zip = huibao_xml::PackageWriter::new();
    for (name, part) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/styles.xml", styles),
    ] {
        zip.add(name, &part.to_part()).map_err(Error::Zip)?;
    }
    zip.finish().map_err(Error::Zip)
}
