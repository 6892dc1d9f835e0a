//! Tables: the full block width, explicit column widths in `w:gridCol` and in every
//! cell (WPS reads the grid), single black borders, rows that do not split.
//!
//! The header row is marked `w:tblHeader` (repeated on every page) by
//! [`crate::package`], since docx-rs cannot write it.

use crate::body::{styled, text_run, Context, Item};
use crate::styles::id;
use docx_rs::{
    AlignmentType, BorderType, Paragraph, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};
use huibao_core::ir::{Align, Table};

/// The padding left and right inside a cell, twips: core's, which the column widths were
/// chosen with.
const CELL_PADDING: usize =
    (huibao_core::columns::CELL_PADDING_PT * huibao_core::style::TWIPS_PER_PT) as usize;

/// Caption, table and note of one IR table.
pub(crate) fn items(t: &Table, cx: &Context) -> Vec<Item> {
    let mut out = Vec::new();
    if let Some(c) = &t.caption {
        out.push(styled(id::CAPTION, c).into());
    }
    if !t.columns.is_empty() {
        out.push(Item::Table(Box::new(table(t, cx))));
    }
    if let Some(n) = &t.note {
        out.push(styled(id::TABLE_NOTE, n).into());
    }
    out
}

fn table(t: &Table, cx: &Context) -> docx_rs::Table {
    let block = usize::try_from(cx.metrics.block_width).unwrap_or(0);
    let shares: Vec<f64> = t.columns.iter().map(|c| c.width).collect();
    let widths = column_widths(&shares, block);
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| cell(&c.header, w, id::TABLE_HEADER, None))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for row in &t.rows {
        let cells = fit_row(row, t.columns.len());
        rows.push(
            TableRow::new(
                cells
                    .iter()
                    .zip(&t.columns)
                    .zip(&widths)
                    .map(|((text, c), &w)| cell(text, w, id::TABLE_TEXT, Some(c.align)))
                    .collect(),
            )
            .cant_split(),
        );
    }
    let side = usize::try_from(cx.layout.cell_margin).unwrap_or(0);
    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color("000000")
    };
    docx_rs::Table::new(rows)
        .set_grid(widths)
        .width(block, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(TableCellMargins::new().margin(side, CELL_PADDING, side, CELL_PADDING))
        .set_borders(
            TableBorders::with_empty()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
}

fn cell(text: &str, width: usize, style_id: &str, align: Option<Align>) -> TableCell {
    let mut p = Paragraph::new().style(style_id);
    if let Some(a) = align {
        p = p.align(match a {
            Align::Left => AlignmentType::Left,
            Align::Center => AlignmentType::Center,
            Align::Right => AlignmentType::Right,
        });
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(p.add_run(text_run(text, None)))
}

/// A row with exactly `n` cells: short rows are padded, extra cells are joined
/// into the last one so no text is lost.
fn fit_row(row: &[String], n: usize) -> Vec<String> {
    let mut cells: Vec<String> = row.iter().take(n).cloned().collect();
    if row.len() > n && n > 0 {
        if let Some(last) = cells.last_mut() {
            for extra in &row[n..] {
                last.push_str(extra);
            }
        }
    }
    cells.resize(n, String::new());
    cells
}

/// Column widths in twips: core's shares of the block scaled to `total`, rounded so
/// they add up exactly (largest remainders get the spare twips).
pub(crate) fn column_widths(shares: &[f64], total: usize) -> Vec<usize> {
    if shares.is_empty() {
        return Vec::new();
    }
    let exact: Vec<f64> = shares
        .iter()
        .map(|&s| if s.is_finite() { s.max(0.0) } else { 0.0 } * total as f64)
        .collect();
    let mut widths: Vec<usize> = exact.iter().map(|&w| w.floor() as usize).collect();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    let spare = total.saturating_sub(widths.iter().sum());
    for &i in order.iter().cycle().take(spare) {
        widths[i] += 1;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_to_the_block() {
        for shares in [
            vec![0.3, 0.2, 0.2, 0.2, 0.1],
            vec![1.0],
            vec![0.0, 0.0, 1.0],
            vec![1.0 / 3.0; 3],
        ] {
            let w = column_widths(&shares, 8845);
            assert_eq!(w.iter().sum::<usize>(), 8845, "{shares:?}");
            assert_eq!(w.len(), shares.len());
        }
        assert_eq!(column_widths(&[0.25, 0.75], 8000), vec![2000, 6000]);
        // Largest remainders get the spare twips: 2948.33… ×3 → 2949, 2948, 2948.
        assert_eq!(column_widths(&[1.0 / 3.0; 3], 8845), vec![2949, 2948, 2948]);
    }

    #[test]
    fn rows_are_fitted_to_the_columns() {
        let row = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(fit_row(&row, 2), vec!["a", "bc"]);
        assert_eq!(fit_row(&row[..1], 2), vec!["a", ""]);
    }
}
