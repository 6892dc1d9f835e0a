//! huibao-html: the document tree and a style to one self-contained HTML page,
//! with screen CSS for reading and print CSS for A4 on the GB/T 9704 layout.

use handlebars::{Context, Handlebars};
use huibao_core::chars::text_width_em;
use huibao_core::ir::{Align, Anchor, Block, Chart, LabelKind, RunRole, Shape};
use huibao_core::style::{FontRole, Punctuation, Style};
use huibao_core::Document;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The page template (this crate's templates/report.html.hbs), compiled in.
const PAGE_TEMPLATE: &str = include_str!("../templates/report.html.hbs");

/// Each block's template (templates/blocks/), by the `block` of its view: the page
/// sets each block through the partial of its kind. Kept apart because handlebars works
/// out a line and column for every piece of a template from the template's start, in
/// time that grows with the square of its length.
const BLOCK_TEMPLATES: [(&str, &str); 12] = [
    (
        "red_header",
        include_str!("../templates/blocks/red-header.html.hbs"),
    ),
    ("title", include_str!("../templates/blocks/title.html.hbs")),
    (
        "addressee",
        include_str!("../templates/blocks/addressee.html.hbs"),
    ),
    (
        "heading",
        include_str!("../templates/blocks/heading.html.hbs"),
    ),
    (
        "paragraph",
        include_str!("../templates/blocks/paragraph.html.hbs"),
    ),
    ("table", include_str!("../templates/blocks/table.html.hbs")),
    ("chart", include_str!("../templates/blocks/chart.html.hbs")),
    (
        "attachment_note",
        include_str!("../templates/blocks/attachment-note.html.hbs"),
    ),
    (
        "signature",
        include_str!("../templates/blocks/signature.html.hbs"),
    ),
    ("note", include_str!("../templates/blocks/note.html.hbs")),
    (
        "attachment",
        include_str!("../templates/blocks/attachment.html.hbs"),
    ),
    (
        "end_matter",
        include_str!("../templates/blocks/end-matter.html.hbs"),
    ),
];

/// The page's fixed CSS rules, set into the template as they are: kept out of it for
/// the same reason.
const STYLESHEET: &str = include_str!("../templates/report.css");

/// The page and block templates, compiled once per process and shared by every page
/// it renders (a batch's reports, each update of the live preview).
fn templates() -> Result<&'static Handlebars<'static>, Error> {
    static TEMPLATES: OnceLock<Result<Handlebars<'static>, String>> = OnceLock::new();
    TEMPLATES
        .get_or_init(|| {
            let mut hb = Handlebars::new();
            hb.set_strict_mode(true);
            hb.register_template_string("page", PAGE_TEMPLATE)
                .map_err(|e| e.to_string())?;
            for (block, template) in BLOCK_TEMPLATES {
                hb.register_partial(block, template)
                    .map_err(|e| format!("{block}: {e}"))?;
            }
            Ok(hb)
        })
        .as_ref()
        .map_err(|e| Error::Template(e.clone()))
}

/// Options of the HTML writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct HtmlOptions {}

/// Why the page could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The page template did not render (a bug in templates/report.html.hbs): what the
    /// template engine said.
    #[error("{}", self.message())]
    Template(String),
}

impl Error {
    /// What went wrong, in the chosen language (the template engine's words follow as
    /// （原文：…）).
    pub fn message(&self) -> huibao_i18n::Message {
        match self {
            Error::Template(said) => {
                huibao_i18n::msg!("html-template-failed", detail = said.as_str())
            }
        }
    }
}

/// Renders `doc` with `style` to a complete HTML page. Every text is escaped.
pub fn render(doc: &Document, style: &Style, _options: &HtmlOptions) -> Result<String, Error> {
    let data = json!({
        "meta": {
            "title": doc.meta.title,
            "author": doc.meta.author,
            "subject": doc.meta.subject,
            "date": doc.meta.date.iso(),
            "language": doc.meta.language,
        },
        "css": css_variables(style),
        "stylesheet": STYLESHEET.trim_end(),
        "print": print_css(style),
        "blocks": doc.blocks.iter().map(|b| block_view(b, style)).collect::<Vec<_>>(),
        "page_numbers": style.page_numbers,
    });
    // The view is the context as it is: `render` would serialise a copy of it.
    templates()?
        .render_with_context("page", &Context::from(data))
        .map_err(|e| Error::Template(e.to_string()))
}

/// A CSS font-family list: the style's families, quoted, then a generic family.
fn font_stack(style: &Style, role: FontRole) -> String {
    let generic = match role {
        FontRole::Heading1 => "sans-serif",
        _ => "serif",
    };
    let mut families: Vec<String> = style
        .font(role)
        .families
        .iter()
        .map(|f| css_string(f))
        .collect();
    families.push(generic.into());
    families.join(", ")
}

/// `s` as a double-quoted CSS string that reads back exactly and cannot end the string,
/// the declaration or the `<style>` element: quotes, backslashes, `<`, `>`, `&`, line
/// ends and other control characters are written as hex escapes (`\a `, `\3c `).
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            // NUL reads as U+FFFD in CSS whatever is written; say so.
            '\0' => out.push_str("\\fffd "),
            '"' | '\'' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A colour for the stylesheet: `#RGB` or `#RRGGBB` as given, anything else the preset's.
fn css_colour(colour: &str) -> String {
    let hex = colour.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        colour.to_string()
    } else {
        Style::gbt9704().red
    }
}

/// The style as CSS custom properties (name, value).
fn css_variables(style: &Style) -> Vec<Value> {
    let p = &style.page;
    let mut vars: Vec<(String, String)> = [
        ("page-width", format!("{}mm", p.width_mm)),
        ("page-height", format!("{}mm", p.height_mm)),
        ("margin-top", format!("{}mm", p.margin_top_mm)),
        ("margin-bottom", format!("{}mm", p.margin_bottom_mm)),
        ("margin-left", format!("{}mm", p.margin_left_mm)),
        ("margin-right", format!("{}mm", p.margin_right_mm)),
        ("block-width", format!("{:.2}pt", p.block_width_pt())),
        ("line-pitch", format!("{:.3}pt", p.line_pitch_pt())),
        ("char-pitch", format!("{:.3}pt", p.char_pitch_pt())),
        ("page-number-gap", format!("{}mm", p.page_number_gap_mm)),
        (
            "cell-padding",
            format!("{}pt", huibao_core::columns::CELL_PADDING_PT),
        ),
        ("red", css_colour(&style.red)),
        (
            "punctuation-trim",
            punctuation_trim(style.punctuation).into(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for role in FontRole::ALL {
        let spec = style.font(role);
        let key = role.key().replace('_', "-");
        vars.push((format!("font-{key}"), font_stack(style, role)));
        vars.push((format!("size-{key}"), format!("{}pt", spec.size_pt)));
        vars.push((
            format!("weight-{key}"),
            if spec.bold { "bold" } else { "normal" }.into(),
        ));
    }
    vars.into_iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect()
}

/// The style's punctuation width as CSS `text-spacing-trim` (Chromium 123+; other
/// browsers set every mark full width): `normal` closes up adjacent marks and sets a
/// mark at a line's end half width when it would not fit otherwise, as the PDF does;
/// `space-all` keeps every mark a full cell.
fn punctuation_trim(p: Punctuation) -> &'static str {
    match p {
        Punctuation::Compress => "normal",
        Punctuation::Full => "space-all",
    }
}

/// The measures of the print CSS (`@page` and its page-number boxes), from the style:
/// paper size, margins, and the page number's size, its gap below the text block and
/// its inset of one character (of its own size) from the block's edge, as in the PDF.
fn print_css(style: &Style) -> Value {
    let p = &style.page;
    let size = if (p.width_mm, p.height_mm) == (210.0, 297.0) {
        "A4".to_string()
    } else {
        format!("{}mm {}mm", p.width_mm, p.height_mm)
    };
    let number = style.font(FontRole::PageNumber).size_pt;
    json!({
        "size": size,
        "margin": format!(
            "{}mm {}mm {}mm {}mm",
            p.margin_top_mm, p.margin_right_mm, p.margin_bottom_mm, p.margin_left_mm
        ),
        "number_size": format!("{number}pt"),
        "number_gap": format!("{}mm", p.page_number_gap_mm),
        "number_inset": format!("{number}pt"),
        "number_before": huibao_core::numbering::PAGE_NUMBER_AFFIXES.0,
        "number_after": huibao_core::numbering::PAGE_NUMBER_AFFIXES.1,
    })
}

fn align(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    }
}

/// A length in points as SVG writes it: at most two decimals.
fn pt(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// A chart as inline SVG: a box the text block's width and the chart's rows tall, in
/// points, so labels keep their sizes; core's fractions scaled to it.
fn chart_view(c: &Chart, style: &Style) -> Value {
    let w = style.page.block_width_pt();
    let h = f64::from(c.rows) * style.page.line_pitch_pt();
    let colour = |c: huibao_core::ir::Color| format!("#{}", c.hex());
    let dash = huibao_core::ir::ChartLine::DASH;
    json!({
        "block": "chart",
        "width": pt(w),
        "height": pt(h),
        "font": font_stack(style, c.font),
        "caption": c.caption,
        "shapes": c.shapes.iter().map(|shape| match shape {
            Shape::Rect(r) => json!({
                "rect": true,
                "class": if r.legend { "key" } else { "bar" },
                "x": pt(r.rect.x * w),
                "y": pt(r.rect.y * h),
                "width": pt(r.rect.width * w),
                "height": pt(r.rect.height * h),
                "fill": colour(r.fill),
            }),
            Shape::Line(l) => json!({
                "x1": pt(l.from.0 * w),
                "y1": pt(l.from.1 * h),
                "x2": pt(l.to.0 * w),
                "y2": pt(l.to.1 * h),
                "width": pt(l.width),
                "colour": colour(l.color),
                "dash": l.dashed.then(|| format!("{} {}", pt(dash[0]), pt(dash[1]))),
            }),
        }).collect::<Vec<_>>(),
        "labels": c.labels.iter().map(|l| json!({
            "class": match l.kind {
                LabelKind::AxisTitle => "axis-title",
                LabelKind::Legend => "legend",
                LabelKind::Tick => "tick",
                LabelKind::Category => "category",
                LabelKind::Value => "value",
            },
            "text": l.text,
            "x": pt(l.x * w),
            "y": pt(l.baseline * h),
            "size": pt(l.size),
            "anchor": match l.anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            },
        })).collect::<Vec<_>>(),
    })
}

/// The template's view of one block: `kind` plus the fields its partial uses.
fn block_view(block: &Block, style: &Style) -> Value {
    match block {
        Block::RedHeader(h) => json!({
            "block": "red_header",
            "organ_mark": h.organ_mark,
            "document_number": h.document_number,
            "signer_label": h.signer.as_ref().map(|s| &s.label),
            "signer": h.signer.as_ref().map(|s| &s.text),
        }),
        Block::Title { lines } => json!({ "block": "title", "lines": lines }),
        Block::Addressee { text } => json!({ "block": "addressee", "text": text }),
        Block::Heading(h) => json!({
            "block": "heading",
            "tag": format!("h{}", h.level + 1),
            "level": h.level,
            "number": h.number,
            "text": h.text,
        }),
        Block::Paragraph(p) => json!({
            "block": "paragraph",
            "runs": p.runs.iter().map(|r| match r.role {
                RunRole::Body => json!({ "text": r.text }),
                RunRole::Lead { level } => json!({ "text": r.text, "lead": level }),
            }).collect::<Vec<_>>(),
        }),
        Block::Table(t) => json!({
            "block": "table",
            "caption": t.caption,
            "columns": t.columns.iter().map(|c| json!({
                "header": c.header,
                "align": align(c.align),
                "width": format!("{:.2}", 100.0 * c.width),
            })).collect::<Vec<_>>(),
            "rows": t.rows.iter().map(|r| r.iter().zip(&t.columns).map(|(cell, c)| json!({
                "text": cell, "align": align(c.align),
            })).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "note": t.note,
        }),
        Block::Chart(c) => chart_view(c, style),
        Block::AttachmentNote(n) => {
            // Later titles align under the first one's number, right of the label.
            let indent = format!("{}em", text_width_em(&n.label));
            let lines: Vec<Value> = block
                .text_lines()
                .into_iter()
                .enumerate()
                .map(|(i, text)| match i {
                    0 => json!({ "text": text }),
                    _ => json!({ "text": text, "indent": indent }),
                })
                .collect();
            json!({ "block": "attachment_note", "lines": lines })
        }
        Block::Signature(s) => json!({
            "block": "signature",
            "organization": s.organization,
            "date": s.date,
            "sealed": s.sealed,
        }),
        Block::Note { text } => json!({ "block": "note", "text": text }),
        Block::AttachmentStart(a) => {
            json!({ "block": "attachment", "label": a.label, "title": a.title })
        }
        Block::EndMatter(e) => json!({
            "block": "end_matter",
            "copy_to": e.copy_to.as_ref().map(|c| c.full_text()),
            "printed_by": e.printed_by,
            "printed_on": e.printed_on,
        }),
    }
}
