//! .csv: UTF-8 (with or without a byte-order mark), UTF-16 with one, or GB18030 (GBK), as
//! Chinese statistics offices and Excel save it; every cell is text.

use crate::error::{Key, Place};
use crate::grid::{Grid, Value};
use crate::open::{too_large, MAX_COLUMNS, MAX_ROWS};
use crate::SheetError;

/// Reads the cells of a CSV file.
pub(crate) fn read(bytes: &[u8], place: &Place) -> Result<Grid, SheetError> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(SheetError::new(
            place.clone(),
            huibao_i18n::msg!("sheet-csv-binary"),
            huibao_i18n::msg!("sheet-csv-binary-help"),
        )
        .about(Key::From));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    // A row of the sheet is a record; blank lines are empty rows (the CSV reader skips
    // them, so rows are counted by lines, less the line breaks inside quoted cells).
    let mut breaks_inside = 0u64;
    let (mut lines_before, mut counted_to) = (0u64, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| {
            SheetError::new(
                place.clone(),
                huibao_i18n::msg!("sheet-csv-unreadable", detail = e.to_string()),
                huibao_i18n::msg!("sheet-csv-unreadable-help"),
            )
            .about(Key::From)
        })?;
        // The record's position is where the reader began: before any blank lines it skipped.
        let mut byte = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        lines_before += text.as_bytes()[counted_to.min(byte)..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = counted_to.max(byte);
        let row = lines_before.saturating_sub(breaks_inside) as usize;
        breaks_inside += record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        for (column, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            if row >= MAX_ROWS as usize || column >= MAX_COLUMNS as usize {
                return Err(too_large(place, (row as u32 + 1, column as u32 + 1), false));
            }
            grid.set((row as u32, column as u32), Value::Text(field.to_string()));
        }
    }
    Ok(grid)
}

/// Commas, or tabs when the first lines hold more tabs than commas (a table copied out of
/// a spreadsheet and saved as text).
fn delimiter(text: &str) -> u8 {
    let head: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .collect();
    let count = |c: char| head.iter().map(|l| l.matches(c).count()).sum::<usize>();
    if count('\t') > count(',') {
        b'\t'
    } else {
        b','
    }
}

/// The text of a CSV file: by its byte-order mark, else UTF-8 when valid, else GB18030.
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_statistics_offices_save_in() {
        let text = "指标名称,单位,1-6月\n营业收入,亿元,48.65\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk), text);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&with_bom), text);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), text);
    }

    #[test]
    fn cells_and_limits() {
        let place = Place::file("stats.csv");
        let g = read(
            "标题\n\n指标名称,单位,\"1,234.5\"\n\"两行\n的名称\",亿元\n营业收入\n".as_bytes(),
            &place,
        )
        .unwrap();
        assert_eq!(g.get((2, 2)), &Value::Text("1,234.5".into()));
        assert_eq!(g.get((3, 0)), &Value::Text("两行\n的名称".into()));
        assert_eq!(g.get((4, 0)), &Value::Text("营业收入".into()));
        assert_eq!(g.end(), (5, 3));
        let tabbed = read(
            "指标名称\t单位\t1-6月\n营业收入\t亿元\t48.65\n".as_bytes(),
            &place,
        )
        .unwrap();
        assert_eq!(tabbed.get((1, 2)), &Value::Text("48.65".into()));
        let wide = format!("{}x\n", ",".repeat(MAX_COLUMNS as usize));
        let e = read(wide.as_bytes(), &place).unwrap_err();
        assert!(e.message.to_string().contains("too large"), "{e}");
        assert!(e.message.to_string().contains("IW1"), "{e}");
    }
}
