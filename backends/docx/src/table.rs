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

/// Caption, table and note of one IR table.
pub fn items(t: &Table, cx: &Context) -> Vec<Item> {
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
    let weights: Vec<u16> = t.columns.iter().map(|c| c.weight).collect();
    let widths = column_widths(&weights, block);
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
        .margins(TableCellMargins::new().margin(side, 85, side, 85))
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

/// Column widths in twips: the weights scaled to `total`, rounded so they add up
/// exactly (largest remainders get the spare twips). Zero weights count as one.
pub fn column_widths(weights: &[u16], total: usize) -> Vec<usize> {
    if weights.is_empty() {
        return Vec::new();
    }
    let weights: Vec<u64> = weights.iter().map(|&w| u64::from(w.max(1))).collect();
    let sum: u64 = weights.iter().sum();
    let total = total as u64;
    let mut widths: Vec<u64> = weights.iter().map(|w| total * w / sum).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(total * weights[i] % sum));
    let spare = total - widths.iter().sum::<u64>();
    for &i in order.iter().take(spare as usize) {
        widths[i] += 1;
    }
    widths.into_iter().map(|w| w as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_to_the_block() {
        for weights in [
            vec![3u16, 2, 2, 2, 2],
            vec![1],
            vec![0, 0, 7],
            vec![1, 1, 1],
        ] {
            let w = column_widths(&weights, 8845);
            assert_eq!(w.iter().sum::<usize>(), 8845, "{weights:?}");
            assert_eq!(w.len(), weights.len());
        }
        let w = column_widths(&[1, 3], 8000);
        assert_eq!(w, vec![2000, 6000]);
    }

    #[test]
    fn rows_are_fitted_to_the_columns() {
        let row = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(fit_row(&row, 2), vec!["a", "bc"]);
        assert_eq!(fit_row(&row[..1], 2), vec!["a", ""]);
    }
}
