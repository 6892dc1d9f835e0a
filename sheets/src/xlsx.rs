//! .xlsx (and .xlsm): the parts unpacked within limits, the sheet's styles and merged
//! cells read from its XML, its values streamed from calamine cell by cell, so no more
//! than the asked-for cells are ever held.

use crate::error::Place;
use crate::grid::{Grid, Value};
use crate::open::{
    attr, children, guarded, is_percent_format, percent_shown, too_large, unpack, unreadable,
    MAX_COLUMNS, MAX_ROWS,
};
use crate::SheetError;
use calamine::{DataRef, Reader, Xlsx};
use huibao_core::model::CellRange;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

const WHAT: &str = "xlsx";

pub(crate) struct Book {
    reader: Xlsx<Cursor<Vec<u8>>>,
    /// Sheet name → its part.
    sheets: Vec<(String, String)>,
    /// The worksheet parts, unpacked.
    parts: HashMap<String, Vec<u8>>,
    /// Per cell format (`s`): whether it shows a percentage.
    percent_styles: Vec<bool>,
}

impl Book {
    pub(crate) fn open(bytes: Vec<u8>, place: &Place) -> Result<Book, SheetError> {
        let mut parts = unpack(&bytes, place, WHAT, |name| {
            name.ends_with(".xml") || name.ends_with(".rels")
        })?;
        let workbook_part = office_document(&parts).unwrap_or_else(|| "xl/workbook.xml".into());
        let sheets = sheet_parts(&parts, &workbook_part, place)?;
        let percent_styles = percent_styles(&parts, &workbook_part, place)?;
        let wanted: Vec<&String> = sheets.iter().map(|(_, p)| p).collect();
        parts.retain(|name, _| wanted.contains(&name));
        let reader = guarded(place, WHAT, || {
            Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())
        })?;
        Ok(Book {
            reader,
            sheets,
            parts,
            percent_styles,
        })
    }

    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    pub(crate) fn grid(
        &mut self,
        name: &str,
        range: Option<CellRange>,
        place: &Place,
    ) -> Result<Grid, SheetError> {
        let inside = |at: (u32, u32)| {
            range.is_none_or(|r| {
                (r.first.0..=r.last.0).contains(&at.0) && (r.first.1..=r.last.1).contains(&at.1)
            })
        };
        let mut grid = Grid::default();
        let mut percent = HashSet::new();
        if let Some(part) = self
            .sheets
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, p)| self.parts.get(p))
        {
            let xml = huibao_xml::parse(part).map_err(|e| unreadable(place, WHAT, e))?;
            for cell in cells(&xml) {
                if cell
                    .percent_style
                    .is_some_and(|s| self.percent_styles.get(s).copied().unwrap_or(false))
                    && inside(cell.at)
                {
                    percent.insert(cell.at);
                }
            }
            for m in children(&xml, "mergeCells").flat_map(|m| children(m, "mergeCell")) {
                if let Some(area) = attr(m, "ref").and_then(|r| CellRange::parse(&r)) {
                    grid.merge(area);
                }
            }
        }
        let mut values = Vec::new();
        let reader = &mut self.reader;
        guarded(place, WHAT, || {
            let mut cells = reader
                .worksheet_cells_reader(name)
                .map_err(|e| e.to_string())?;
            while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                let at = cell.get_position();
                if !inside(at) {
                    continue;
                }
                if at.0 >= MAX_ROWS || at.1 >= MAX_COLUMNS {
                    return Ok(Err(at));
                }
                let value = match cell.get_value() {
                    DataRef::Empty => continue,
                    DataRef::SharedString(s) => Value::Text(s.to_string()),
                    other => crate::open::value_of(&other.clone().into()),
                };
                values.push((at, value));
            }
            Ok(Ok(()))
        })?
        .map_err(|at| too_large(place, (at.0 + 1, at.1 + 1), range.is_some()))?;
        for (at, value) in values {
            match value {
                Value::Number(x) if percent.contains(&at) => {
                    grid.set(at, Value::Number(percent_shown(x)));
                    grid.mark_percent(at);
                }
                v => grid.set(at, v),
            }
        }
        Ok(grid)
    }
}

/// The workbook part named by the package's relationships (`xl/workbook.xml` as a rule).
fn office_document(parts: &HashMap<String, Vec<u8>>) -> Option<String> {
    let rels = huibao_xml::parse(parts.get("_rels/.rels")?).ok()?;
    let target = children(&rels, "Relationship")
        .find(|r| attr(r, "Type").is_some_and(|t| t.ends_with("/officeDocument")))
        .and_then(|r| attr(r, "Target"));
    target.map(|t| t.trim_start_matches('/').to_string())
}

/// (sheet name, part) in workbook order.
fn sheet_parts(
    parts: &HashMap<String, Vec<u8>>,
    workbook: &str,
    place: &Place,
) -> Result<Vec<(String, String)>, SheetError> {
    let missing = || unreadable(place, WHAT, format!("it has no {workbook}"));
    let xml = huibao_xml::parse(parts.get(workbook).ok_or_else(missing)?)
        .map_err(|e| unreadable(place, WHAT, e))?;
    let dir = workbook.rsplit_once('/').map_or("", |(d, _)| d);
    let rels_name = format!(
        "{dir}/_rels/{}.rels",
        workbook.rsplit('/').next().unwrap_or("")
    );
    let targets: HashMap<String, String> = match parts.get(&rels_name) {
        Some(bytes) => {
            let rels = huibao_xml::parse(bytes).map_err(|e| unreadable(place, WHAT, e))?;
            children(&rels, "Relationship")
                .filter_map(|r| Some((attr(r, "Id")?, attr(r, "Target")?)))
                .collect()
        }
        None => HashMap::new(),
    };
    Ok(children(&xml, "sheets")
        .flat_map(|s| children(s, "sheet"))
        .filter_map(|s| {
            let name = attr(s, "name")?;
            let target = targets.get(&attr(s, "id")?)?;
            Some((name, resolve(dir, target)))
        })
        .collect())
}

/// A relationship target relative to `dir` as a part name.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut path: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for step in target.split('/') {
        match step {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            s => path.push(s),
        }
    }
    path.join("/")
}

/// For each cell format (`<xf>` of `cellXfs`), whether its number format shows a percentage.
fn percent_styles(
    parts: &HashMap<String, Vec<u8>>,
    workbook: &str,
    place: &Place,
) -> Result<Vec<bool>, SheetError> {
    let dir = workbook.rsplit_once('/').map_or("", |(d, _)| d);
    let Some(bytes) = parts.get(&resolve(dir, "styles.xml")) else {
        return Ok(Vec::new());
    };
    let xml = huibao_xml::parse(bytes).map_err(|e| unreadable(place, WHAT, e))?;
    let custom: HashMap<String, String> = children(&xml, "numFmts")
        .flat_map(|n| children(n, "numFmt"))
        .filter_map(|f| Some((attr(f, "numFmtId")?, attr(f, "formatCode")?)))
        .collect();
    Ok(children(&xml, "cellXfs")
        .flat_map(|x| children(x, "xf"))
        .map(|xf| {
            let id = attr(xf, "numFmtId").unwrap_or_default();
            // Built-in formats 9 and 10 are "0%" and "0.00%".
            matches!(id.as_str(), "9" | "10")
                || custom.get(&id).is_some_and(|code| is_percent_format(code))
        })
        .collect())
}

/// A cell of the sheet's XML with its style.
struct StyledCell {
    at: (u32, u32),
    percent_style: Option<usize>,
}

/// The cells of `<sheetData>` that carry a style, with their positions (written as `r`, or
/// following the one before when a writer leaves `r` out).
fn cells(xml: &huibao_xml::Element) -> Vec<StyledCell> {
    let mut out = Vec::new();
    let mut row = 0u32;
    for (i, r) in children(xml, "sheetData")
        .flat_map(|d| children(d, "row"))
        .enumerate()
    {
        row = attr(r, "r")
            .and_then(|n| n.parse::<u32>().ok())
            .map_or(if i == 0 { 0 } else { row + 1 }, |n| n.saturating_sub(1));
        let mut column = 0u32;
        for (j, c) in children(r, "c").enumerate() {
            let at = attr(c, "r")
                .and_then(|a| CellRange::parse(&format!("{a}:{a}")))
                .map_or((row, if j == 0 { 0 } else { column + 1 }), |r| r.first);
            column = at.1;
            out.push(StyledCell {
                at,
                percent_style: attr(c, "s").and_then(|s| s.parse().ok()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "../xl/styles.xml"), "xl/styles.xml");
    }

    #[test]
    fn styled_cells_follow_each_other_without_addresses() {
        let xml = huibao_xml::parse(
            br#"<worksheet><sheetData><row r="3"><c r="B3" s="2"/><c s="1"/></row><row><c/></row></sheetData></worksheet>"#,
        )
        .unwrap();
        let got: Vec<((u32, u32), Option<usize>)> = cells(&xml)
            .iter()
            .map(|c| (c.at, c.percent_style))
            .collect();
        assert_eq!(got, [((2, 1), Some(2)), ((2, 2), Some(1)), ((3, 0), None)]);
    }
}
