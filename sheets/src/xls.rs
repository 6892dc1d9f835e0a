//! .xls (Excel 97–2003, BIFF8; BIFF5 too): the compound file checked by the `cfb` crate,
//! its workbook stream scanned record by record — how many cells each sheet declares
//! and spans (calamine lays out every sheet when it opens the file), which cells are shown
//! as percentages, which are merged — before calamine reads the values.

use crate::error::Place;
use crate::grid::Grid;
use crate::open::{
    guarded, is_percent_format, percent_shown, unreadable, value_of, workbook_too_large,
    MAX_COLUMNS, MAX_ROWS, MAX_WORKBOOK_CELLS,
};
use crate::SheetError;
use calamine::{Reader, Xls};
use huibao_core::model::CellRange;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

const WHAT: &str = "xls";

pub(crate) struct Book {
    reader: Xls<Cursor<Vec<u8>>>,
    /// What the scan found, sheet by sheet in workbook order (calamine's order too).
    scans: Vec<SheetScan>,
}

/// What the scan found in one sheet.
#[derive(Debug, Default)]
struct SheetScan {
    percent: HashSet<(u32, u32)>,
    merges: Vec<CellRange>,
}

impl Book {
    pub(crate) fn open(bytes: Vec<u8>, place: &Place) -> Result<Book, SheetError> {
        check_header(&bytes).map_err(|why| unreadable(place, WHAT, why))?;
        let stream = workbook_stream(&bytes).map_err(|why| unreadable(place, WHAT, why))?;
        let (scans, cells) = scan(&stream).map_err(|why| unreadable(place, WHAT, why))?;
        if cells > MAX_WORKBOOK_CELLS {
            return Err(workbook_too_large(place, cells));
        }
        let reader = guarded(place, WHAT, || {
            Xls::new(Cursor::new(bytes)).map_err(|e| e.to_string())
        })?;
        Ok(Book { reader, scans })
    }

    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.reader.sheet_names()
    }

    pub(crate) fn grid(&mut self, name: &str, place: &Place) -> Result<Grid, SheetError> {
        let index = self.sheet_names().iter().position(|n| n == name);
        let reader = &mut self.reader;
        let range = guarded(place, WHAT, || {
            reader.worksheet_range(name).map_err(|e| e.to_string())
        })?;
        let empty = SheetScan::default();
        let scan = index.and_then(|i| self.scans.get(i)).unwrap_or(&empty);
        let mut grid = Grid::default();
        let start = range.start().unwrap_or((0, 0));
        for (r, c, data) in range.used_cells() {
            let at = (start.0 + r as u32, start.1 + c as u32);
            match value_of(data) {
                crate::grid::Value::Number(x) if scan.percent.contains(&at) => {
                    grid.set(at, crate::grid::Value::Number(percent_shown(x)));
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

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Counts in the compound file's header that calamine allocates for before it checks
/// them: they must fit the file.
fn check_header(bytes: &[u8]) -> Result<(), String> {
    let damaged = || "its header is damaged".to_string();
    let shift = u16_at(bytes, 30).ok_or_else(damaged)?;
    if shift != 9 && shift != 12 {
        return Err(damaged());
    }
    let sectors = (bytes.len() >> shift) as u64 + 1;
    let fat_sectors = u64::from(u32_at(bytes, 44).ok_or_else(damaged)?);
    // calamine reads a DIFAT length from bytes 62..66 and reserves that many entries.
    let difat_reserve = u64::from(u32_at(bytes, 62).ok_or_else(damaged)?);
    if fat_sectors > sectors || difat_reserve > 1 << 24 {
        return Err(damaged());
    }
    Ok(())
}

/// The workbook stream ("Workbook", or "Book" before Excel 97), read through the `cfb`
/// crate, which checks the compound file's chains.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or("it holds no workbook stream (is it an Excel file?)")?;
    let mut stream = file.open_stream(name).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    stream
        .by_ref()
        .take(bytes.len() as u64)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// BIFF records: (type, data) from `at` until the end of the stream or a damaged record.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

/// Scans the workbook stream: each sheet's percentage cells and merges, and the cells all
/// sheets declare and span together (what calamine lays out).
fn scan(stream: &[u8]) -> Result<(Vec<SheetScan>, u64), String> {
    let mut sheet_starts = Vec::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut formats: HashMap<u16, bool> = HashMap::new();
    let mut biff8 = true;
    for (typ, data) in records(stream, 0) {
        match typ {
            0x0809 => biff8 = u16_at(data, 0) == Some(0x0600),
            0x0085 => sheet_starts.push(u32_at(data, 0).ok_or("a sheet record is damaged")?),
            0x00E0 => xf_formats.push(u16_at(data, 2).unwrap_or(0)),
            0x041E => {
                if let Some(id) = u16_at(data, 0) {
                    formats.insert(id, is_percent_format(&format_string(data, biff8)));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let percent_xf: Vec<bool> = xf_formats
        .iter()
        .map(|id| matches!(id, 9 | 10) || formats.get(id).copied().unwrap_or(false))
        .collect();
    let mut total = 0u64;
    let mut scans = Vec::new();
    for start in sheet_starts {
        let (scan, cells) = scan_sheet(stream, start as usize, &percent_xf)?;
        total = total.saturating_add(cells);
        scans.push(scan);
    }
    Ok((scans, total))
}

/// The format string of a FORMAT record.
fn format_string(data: &[u8], biff8: bool) -> String {
    if biff8 {
        let (Some(cch), Some(&flags)) = (u16_at(data, 2), data.get(4)) else {
            return String::new();
        };
        let chars = data.get(5..).unwrap_or_default();
        if flags & 1 == 1 {
            let units: Vec<u16> = chars
                .chunks_exact(2)
                .take(usize::from(cch))
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            chars
                .iter()
                .take(usize::from(cch))
                .map(|&b| char::from(b))
                .collect()
        }
    } else {
        let cch = usize::from(data.get(2).copied().unwrap_or(0));
        data.get(3..)
            .unwrap_or_default()
            .iter()
            .take(cch)
            .map(|&b| char::from(b))
            .collect()
    }
}

/// One sheet's substream, from its BOF to its EOF: the cells it declares (DIMENSIONS) and
/// spans, for the budget; percentage cells and merges within the readable size.
fn scan_sheet(
    stream: &[u8],
    start: usize,
    percent_xf: &[bool],
) -> Result<(SheetScan, u64), String> {
    let mut scan = SheetScan::default();
    let mut declared = 0u64;
    let mut first = (u32::MAX, u32::MAX);
    let mut last = (0u32, 0u32);
    let mut cell = |scan: &mut SheetScan, row: u16, col: u16, xf: Option<u16>| {
        let at = (u32::from(row), u32::from(col));
        first = (first.0.min(at.0), first.1.min(at.1));
        last = (last.0.max(at.0), last.1.max(at.1));
        let percent = xf.is_some_and(|x| percent_xf.get(usize::from(x)).copied().unwrap_or(false));
        if percent && at.0 < MAX_ROWS && at.1 < MAX_COLUMNS {
            scan.percent.insert(at);
        }
    };
    for (typ, data) in records(stream, start) {
        match typ {
            0x000A => break,
            // DIMENSIONS, as calamine reads it: it reserves rows × columns cells.
            0x0200 => {
                let (rf, rl, mut cf, cl) = match data.len() {
                    14 => (
                        u32_at(data, 0).unwrap_or(0),
                        u32_at(data, 4).unwrap_or(0),
                        u32::from(u16_at(data, 8).unwrap_or(0)),
                        u32::from(u16_at(data, 10).unwrap_or(0)),
                    ),
                    10 => (
                        u32::from(u16_at(data, 0).unwrap_or(0)),
                        u32::from(u16_at(data, 2).unwrap_or(0)),
                        u32::from(u16_at(data, 4).unwrap_or(0)),
                        u32::from(u16_at(data, 6).unwrap_or(0)),
                    ),
                    _ => return Err("a sheet's dimensions record is damaged".into()),
                };
                if cf > 0xFF || cl < cf {
                    cf = 0;
                }
                if rl >= 1 && cl >= 1 {
                    if rl - 1 < rf || cl - 1 < cf {
                        return Err("a sheet's dimensions record is damaged".into());
                    }
                    declared = u64::from(rl - rf) * u64::from(cl - cf);
                }
            }
            // NUMBER, LABEL, LABELSST, RK, BOOLERR, FORMULA, RSTRING: row, column, format.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    let numeric = matches!(typ, 0x0203 | 0x027E | 0x0006);
                    cell(
                        &mut scan,
                        row,
                        col,
                        numeric.then(|| u16_at(data, 4)).flatten(),
                    );
                }
            }
            // MULRK: row, first column, (format, number) pairs, last column.
            0x00BD => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    let pairs = data.len().saturating_sub(6) / 6;
                    for i in 0..pairs {
                        let xf = u16_at(data, 4 + 6 * i);
                        cell(&mut scan, row, col.saturating_add(i as u16), xf);
                    }
                }
            }
            // MERGEDCELLS: (first row, last row, first column, last column) each.
            0x00E5 => {
                let n = usize::from(u16_at(data, 0).unwrap_or(0));
                for i in 0..n {
                    let at = 2 + 8 * i;
                    let (Some(r0), Some(r1), Some(c0), Some(c1)) = (
                        u16_at(data, at),
                        u16_at(data, at + 2),
                        u16_at(data, at + 4),
                        u16_at(data, at + 6),
                    ) else {
                        break;
                    };
                    scan.merges.push(CellRange {
                        first: (u32::from(r0.min(r1)), u32::from(c0.min(c1))),
                        last: (u32::from(r0.max(r1)), u32::from(c0.max(c1))),
                    });
                }
            }
            _ => {}
        }
    }
    let spanned = if first.0 == u32::MAX {
        0
    } else {
        u64::from(last.0 - first.0 + 1) * u64::from(last.1 - first.1 + 1)
    };
    Ok((scan, declared.saturating_add(spanned)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    #[test]
    fn a_sheet_declaring_millions_of_cells_is_counted() {
        let mut dims = Vec::new();
        dims.extend(0u32.to_le_bytes());
        dims.extend(1_000_000u32.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        dims.extend(200u16.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        let stream = [record(0x0200, &dims), record(0x000A, &[])].concat();
        let (_, cells) = scan_sheet(&stream, 0, &[]).unwrap();
        assert_eq!(cells, 200_000_000);
        assert!(cells > MAX_WORKBOOK_CELLS);
    }

    #[test]
    fn percentage_cells_and_merges() {
        let number = |row: u16, col: u16, xf: u16| {
            let mut d = Vec::new();
            d.extend(row.to_le_bytes());
            d.extend(col.to_le_bytes());
            d.extend(xf.to_le_bytes());
            d.extend(0.124f64.to_le_bytes());
            record(0x0203, &d)
        };
        let mut merged = 1u16.to_le_bytes().to_vec();
        for v in [0u16, 0, 0, 6] {
            merged.extend(v.to_le_bytes());
        }
        let stream = [
            number(4, 4, 1),
            number(4, 2, 0),
            record(0x00E5, &merged),
            record(0x000A, &[]),
        ]
        .concat();
        let (scan, cells) = scan_sheet(&stream, 0, &[false, true]).unwrap();
        assert_eq!(scan.percent, HashSet::from([(4, 4)]));
        assert_eq!(scan.merges, [CellRange::parse("A1:G1").unwrap()]);
        assert_eq!(cells, 3);
    }

    #[test]
    fn format_strings() {
        let mut d = 164u16.to_le_bytes().to_vec();
        d.extend(4u16.to_le_bytes());
        d.push(0);
        d.extend(b"0.0%");
        assert_eq!(format_string(&d, true), "0.0%");
        let mut d = 164u16.to_le_bytes().to_vec();
        d.extend(2u16.to_le_bytes());
        d.push(1);
        for u in "0%".encode_utf16() {
            d.extend(u.to_le_bytes());
        }
        assert_eq!(format_string(&d, true), "0%");
    }
}
