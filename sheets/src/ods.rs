//! .ods (OpenDocument): `content.xml` unpacked within limits and scanned — the cells each
//! table spans once repeated rows and columns are counted out (calamine lays out every
//! table when it opens the file), percentage cells, merged cells (calamine does not report
//! them for .ods) — before calamine reads the values.

use crate::error::Place;
use crate::grid::{Grid, Value};
use crate::open::{
    attr, children, guarded, percent_shown, unpack, unreadable, value_of, workbook_too_large,
    MAX_COLUMNS, MAX_ROWS, MAX_WORKBOOK_CELLS,
};
use crate::SheetError;
use calamine::{Ods, Reader};
use huibao_core::model::CellRange;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

const WHAT: &str = "ods";

pub(crate) struct Book {
    reader: Ods<Cursor<Vec<u8>>>,
    scans: HashMap<String, TableScan>,
}

/// What the scan found in one table (sheet).
#[derive(Debug, Default)]
struct TableScan {
    percent: HashSet<(u32, u32)>,
    merges: Vec<CellRange>,
    /// One past the last row and column that hold something.
    end: (u64, u64),
}

impl Book {
    pub(crate) fn open(bytes: Vec<u8>, place: &Place) -> Result<Book, SheetError> {
        let parts = unpack(&bytes, place, WHAT, |name| name == "content.xml")?;
        let content = parts
            .get("content.xml")
            .ok_or_else(|| unreadable(place, WHAT, "it has no content.xml"))?;
        let xml = huibao_xml::parse(content).map_err(|e| unreadable(place, WHAT, e))?;
        let mut scans = HashMap::new();
        let mut cells = 0u64;
        for table in tables(&xml) {
            let end = scan_table(table, false).end;
            cells = cells.saturating_add(end.0.saturating_mul(end.1));
        }
        if cells > MAX_WORKBOOK_CELLS {
            return Err(workbook_too_large(place, cells));
        }
        // Within the budget, the cells the second pass visits are bounded too.
        for table in tables(&xml) {
            scans.insert(
                attr(table, "name").unwrap_or_default(),
                scan_table(table, true),
            );
        }
        let reader = guarded(place, WHAT, || {
            Ods::new(Cursor::new(bytes)).map_err(|e| e.to_string())
        })?;
        Ok(Book { reader, scans })
    }

    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.reader.sheet_names()
    }

    pub(crate) fn grid(&mut self, name: &str, place: &Place) -> Result<Grid, SheetError> {
        let reader = &mut self.reader;
        let range = guarded(place, WHAT, || {
            reader.worksheet_range(name).map_err(|e| e.to_string())
        })?;
        let empty = TableScan::default();
        let scan = self.scans.get(name).unwrap_or(&empty);
        let mut grid = Grid::default();
        let start = range.start().unwrap_or((0, 0));
        for (r, c, data) in range.used_cells() {
            let at = (start.0 + r as u32, start.1 + c as u32);
            match value_of(data) {
                Value::Number(x) if scan.percent.contains(&at) => {
                    grid.set(at, Value::Number(percent_shown(x)));
                    grid.mark_percent(at);
                }
                v => grid.set(at, v),
            }
        }
        for m in &scan.merges {
            grid.merge(*m);
        }
        Ok(grid)
    }
}

/// The tables of the spreadsheet body.
fn tables(content: &huibao_xml::Element) -> Vec<&huibao_xml::Element> {
    children(content, "body")
        .flat_map(|b| children(b, "spreadsheet"))
        .flat_map(|s| children(s, "table"))
        .collect()
}

/// The rows of a table, through header-row and row-group wrappers, in order. Rows written
/// as empty elements are skipped, as calamine skips them.
fn rows<'a>(e: &'a huibao_xml::Element, out: &mut Vec<&'a huibao_xml::Element>) {
    for child in e.elements() {
        match child.local_name() {
            "table-row" if child.elements().next().is_some() => out.push(child),
            "table-header-rows" | "table-row-group" | "table-rows" => rows(child, out),
            _ => {}
        }
    }
}

fn repeat(e: &huibao_xml::Element, name: &str) -> u64 {
    attr(e, name)
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Counts a table's cells out, repeats included; with `details`, also finds its
/// percentage cells and merges (only once the workbook is known to be within budget).
fn scan_table(table: &huibao_xml::Element, details: bool) -> TableScan {
    let mut scan = TableScan::default();
    let mut table_rows = Vec::new();
    rows(table, &mut table_rows);
    let mut row = 0u64;
    for r in table_rows {
        let row_repeat = repeat(r, "number-rows-repeated");
        let mut column = 0u64;
        for c in r
            .elements()
            .filter(|c| matches!(c.local_name(), "table-cell" | "covered-table-cell"))
        {
            let column_repeat = repeat(c, "number-columns-repeated");
            let has_value = attr(c, "value-type").is_some()
                || attr(c, "formula").is_some()
                || c.elements().next().is_some();
            if has_value {
                scan.end.0 = scan.end.0.max(row.saturating_add(row_repeat));
                scan.end.1 = scan.end.1.max(column.saturating_add(column_repeat));
            }
            let readable = |r: u64, c: u64| r < u64::from(MAX_ROWS) && c < u64::from(MAX_COLUMNS);
            if !details {
                column = column.saturating_add(column_repeat);
                continue;
            }
            if attr(c, "value-type").as_deref() == Some("percentage") {
                for dr in 0..row_repeat.min(u64::from(MAX_ROWS)) {
                    for dc in 0..column_repeat.min(u64::from(MAX_COLUMNS)) {
                        if readable(row + dr, column + dc) {
                            scan.percent
                                .insert(((row + dr) as u32, (column + dc) as u32));
                        }
                    }
                }
            }
            let spans = (
                repeat(c, "number-rows-spanned"),
                repeat(c, "number-columns-spanned"),
            );
            if spans != (1, 1) && readable(row, column) {
                let last = (
                    (row + spans.0 - 1).min(u64::from(MAX_ROWS)) as u32,
                    (column + spans.1 - 1).min(u64::from(MAX_COLUMNS)) as u32,
                );
                scan.merges.push(CellRange {
                    first: (row as u32, column as u32),
                    last,
                });
            }
            column = column.saturating_add(column_repeat);
        }
        row = row.saturating_add(row_repeat);
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(rows_xml: &str) -> TableScan {
        let xml = format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="表1">{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let content = huibao_xml::parse(xml.as_bytes()).unwrap();
        scan_table(tables(&content)[0], true)
    }

    #[test]
    fn repeats_are_counted_out() {
        // LibreOffice's trailing filler: empty cells and rows repeated to the sheet's end.
        let s = scan(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>指标名称</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row>
               <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        assert_eq!(s.end, (1, 1));
        // A value repeated over a million rows and every column spans them all.
        let s = scan(
            r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert_eq!(s.end, (1_048_576, 16_384));
        assert!(s.end.0 * s.end.1 > MAX_WORKBOOK_CELLS);
    }

    #[test]
    fn percentages_and_merges() {
        let s = scan(
            r#"<table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>1-6月</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row></table:table-header-rows>
               <table:table-row><table:table-cell/><table:table-cell office:value-type="percentage" office:value="0.124"/></table:table-row>"#,
        );
        assert_eq!(s.merges, [CellRange::parse("A1:C1").unwrap()]);
        assert_eq!(s.percent, HashSet::from([(1, 1)]));
        assert_eq!(s.end, (2, 2));
    }
}
