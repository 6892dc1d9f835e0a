//! A plugin's section turned into the model's [`Item`], with the checks a hand-written
//! item gets: nesting depth, one-line titles, tables whose rows fit their columns.

use huibao_core::ir;
use huibao_core::model::{Cell, ChartKind, ChartSpec, Item, Number, SeriesSpec, TableSpec};
use huibao_core::style::NumberingMode;
use huibao_i18n::{msg, Message};
use huibao_plugin_api as api;
use std::ops::Range;
use toml::Spanned;

/// Levels of sub-items a section may have below itself: it sits at level 2 under 主要工作,
/// so 1. and （1） remain.
pub const MAX_DEPTH: usize = 2;

/// Converts a native plugin's section; every span is `span` (the report's `plugin = …`).
pub(super) fn section_to_item(
    section: &api::Section,
    span: &Range<usize>,
) -> Result<Item, Message> {
    convert(section, span, 0, &msg!("section-at-section"))
}

fn convert(
    s: &api::Section,
    span: &Range<usize>,
    depth: usize,
    at: &Message,
) -> Result<Item, Message> {
    if depth > MAX_DEPTH {
        return Err(msg!("section-too-deep", at = at.clone(), depth = MAX_DEPTH));
    }
    let title = match s.title.as_deref().map(str::trim) {
        None => None,
        Some("") => return Err(msg!("section-empty-title", at = at.clone())),
        Some(t) if t.contains('\n') => {
            return Err(msg!("section-title-several-lines", at = at.clone()))
        }
        Some(t) => Some(Spanned::new(span.clone(), t.to_string())),
    };
    let paragraphs: Vec<&str> = s
        .paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    let text =
        (!paragraphs.is_empty()).then(|| Spanned::new(span.clone(), paragraphs.join("\n\n")));
    let table = s.table.as_ref().map(|t| table(t, span, at)).transpose()?;
    let chart = s.chart.as_ref().map(|c| chart(c, span));
    if depth == 0
        && title.is_none()
        && text.is_none()
        && table.is_none()
        && chart.is_none()
        && s.items.is_empty()
    {
        return Err(msg!("section-empty"));
    }
    let items = s
        .items
        .iter()
        .enumerate()
        .map(|(i, child)| {
            let name = if depth == 0 {
                msg!("section-at-item", number = i + 1)
            } else {
                msg!("section-at-subitem", at = at.clone(), number = i + 1)
            };
            convert(child, span, depth + 1, &name)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Item {
        title,
        text,
        items,
        numbering: s.numbering.map(|n| match n {
            api::Numbering::Headings => NumberingMode::Headings,
            api::Numbering::RunIn => NumberingMode::RunIn,
        }),
        table,
        chart,
        literal: true,
    })
}

/// A plugin's chart as a report's `kind = "bars"` chart; its checks (one value per
/// category, the limits) are the report's, made when the chart is drawn.
fn chart(c: &api::Chart, span: &Range<usize>) -> ChartSpec {
    let at = |v| Spanned::new(span.clone(), v);
    ChartSpec {
        kind: at(ChartKind::Bars),
        title: Some(Spanned::new(span.clone(), c.title.clone())),
        indicators: None,
        unit: c.unit.clone(),
        categories: Some(Spanned::new(span.clone(), c.categories.clone())),
        series: c
            .series
            .iter()
            .map(|s| SeriesSpec {
                name: s.name.clone(),
                values: Spanned::new(span.clone(), s.values.iter().map(|&v| Number(v)).collect()),
            })
            .collect(),
    }
}

fn table(t: &api::Table, span: &Range<usize>, at: &Message) -> Result<TableSpec, Message> {
    let n = t.columns.len();
    if n == 0 {
        return Err(msg!("section-table-no-columns", at = at.clone()));
    }
    for (i, row) in t.rows.iter().enumerate() {
        if row.len() != n {
            return Err(msg!(
                "section-table-row-width",
                row = i + 1,
                at = at.clone(),
                cells = row.len(),
                columns = n
            ));
        }
    }
    for (what, len) in [
        ("align", t.align.as_ref().map(Vec::len)),
        ("widths", t.widths.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&l| l != n) {
            return Err(msg!(
                "section-table-list-width",
                at = at.clone(),
                count = len,
                key = what,
                columns = n
            ));
        }
    }
    Ok(TableSpec {
        caption: t.caption.clone(),
        columns: Spanned::new(span.clone(), t.columns.clone()),
        rows: t
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .iter()
                    .map(|c| match c {
                        api::Cell::Text(s) => Cell::Text(s.clone()),
                        api::Cell::Number(x) => Cell::Number(*x),
                    })
                    .collect();
                Spanned::new(span.clone(), cells)
            })
            .collect(),
        align: t.align.as_ref().map(|a| {
            a.iter()
                .map(|a| match a {
                    api::Align::Left => ir::Align::Left,
                    api::Align::Center => ir::Align::Center,
                    api::Align::Right => ir::Align::Right,
                })
                .collect()
        }),
        widths: t.widths.clone(),
        note: t.note.clone(),
    })
}

/// Checks an item tree from a template plugin (no tables there) and points all its spans
/// at `span`, the report's `plugin = …`.
pub(super) fn check_outline(
    item: &mut Item,
    span: &Range<usize>,
    depth: usize,
) -> Result<(), Message> {
    if depth > MAX_DEPTH {
        return Err(msg!("section-outline-too-deep", depth = MAX_DEPTH));
    }
    if let Some(t) = &mut item.title {
        *t = Spanned::new(span.clone(), t.get_ref().clone());
    }
    if let Some(t) = &mut item.text {
        *t = Spanned::new(span.clone(), t.get_ref().clone());
    }
    item.literal = true;
    for child in &mut item.items {
        check_outline(child, span, depth + 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use api::{Section, Table};

    #[test]
    fn sections_become_literal_items() {
        let s = Section::new("强化基金赋能")
            .paragraph("基金体系持续壮大。")
            .paragraph("  ")
            .table(Table::new(["名称", "规模"]).row([api::Cell::from("某某母基金"), 50.0.into()]))
            .item(Section::new("甲").item(Section::new("乙")))
            .numbering(api::Numbering::RunIn);
        let item = section_to_item(&s, &(3..9)).unwrap();
        assert_eq!(item.title.as_ref().unwrap().get_ref(), "强化基金赋能");
        assert_eq!(item.text.as_ref().unwrap().get_ref(), "基金体系持续壮大。");
        assert_eq!(item.text.as_ref().unwrap().span(), 3..9);
        assert!(item.literal && item.items[0].items[0].literal);
        assert_eq!(item.numbering, Some(NumberingMode::RunIn));
        assert_eq!(item.table.unwrap().rows[0].get_ref()[1], Cell::Number(50.0));
    }

    #[test]
    fn bad_sections_are_refused() {
        let deep = Section::new("甲")
            .item(Section::new("乙").item(Section::new("丙").item(Section::new("丁"))));
        assert!(section_to_item(&deep, &(0..0))
            .unwrap_err()
            .to_string()
            .contains("nests deeper"));
        let ragged = Section::new("甲").table(Table::new(["a", "b"]).row([api::Cell::from("x")]));
        assert!(section_to_item(&ragged, &(0..0))
            .unwrap_err()
            .to_string()
            .contains("row 1 of the table"));
        assert!(section_to_item(&Section::default(), &(0..0))
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(section_to_item(&Section::new(" "), &(0..0))
            .unwrap_err()
            .to_string()
            .contains("empty title"));
    }
}
