//! Opening a workbook of any of the four formats, within limits, and reading a sheet's
//! cells into a [`Grid`].
//!
//! calamine reads the values. It trusts sizes a file declares (a sheet's dimensions, the
//! cells it spans) and allocates for them, so before it sees a file each format is
//! scanned here: the ZIP parts are unpacked with limits (a zip bomb is refused), the
//! cells each sheet spans are counted, and a sheet larger than an indicator table can be
//! is refused with a clear error. The scans also find what calamine does not report:
//! which numbers are shown as percentages ("12.4%" is stored as 0.124) and, for .ods,
//! which cells are merged.

use crate::error::{Key, Place, SheetError};
use crate::grid::{address, Grid, Value};
use huibao_core::model::CellRange;

/// Largest file read, in bytes.
pub(crate) const MAX_FILE_BYTES: u64 = huibao_core::limits::MAX_SPREADSHEET_BYTES;
/// Most rows of a sheet (or range) read for its indicator table.
pub const MAX_ROWS: u32 = 10_000;
/// Most columns of a sheet (or range) read for its indicator table.
pub const MAX_COLUMNS: u32 = 256;
/// Most cells calamine may lay out across a whole workbook, for the formats it reads
/// sheet by sheet at opening (.xls, .ods): every sheet's span counts.
pub(crate) const MAX_WORKBOOK_CELLS: u64 = 4_000_000;
/// Most bytes all parts of a ZIP package (.xlsx, .ods) may unpack to.
pub(crate) const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Excel 2007 and later, WPS (.xlsx, .xlsm).
    Xlsx,
    /// Excel 97–2003 (.xls).
    Xls,
    /// OpenDocument (.ods), LibreOffice's own.
    Ods,
    /// Comma-separated values (.csv; tab-separated .txt and .tsv too), UTF-8 or GB18030.
    Csv,
}

impl Format {
    /// The format from the file's extension, checked against its first bytes.
    pub(crate) fn of(name: &str, bytes: &[u8], place: &Place) -> Result<Format, SheetError> {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let by_ext = match ext.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" | "txt" | "tsv" => Format::Csv,
            _ => {
                return Err(SheetError::new(
                    place.clone(),
                    huibao_i18n::msg!("sheet-not-spreadsheet", name = name),
                    huibao_i18n::msg!("sheet-not-spreadsheet-help"),
                )
                .about(Key::From))
            }
        };
        let zip = bytes.starts_with(b"PK\x03\x04");
        let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        let by_bytes = if zip && matches!(by_ext, Format::Xlsx | Format::Ods) {
            Some(by_ext)
        } else if zip {
            // An .ods names its type in the first part, "mimetype".
            if bytes
                .windows(46)
                .take(200)
                .any(|w| w.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"))
            {
                Some(Format::Ods)
            } else {
                Some(Format::Xlsx)
            }
        } else if ole {
            Some(Format::Xls)
        } else {
            None
        };
        match (by_ext, by_bytes) {
            (f, Some(b)) if f == b => Ok(f),
            // Saved under another extension: read what it is.
            (_, Some(b)) => Ok(b),
            (Format::Csv, None) => Ok(Format::Csv),
            (f, None) => Err(SheetError::new(
                place.clone(),
                huibao_i18n::msg!(
                    "sheet-not-its-format",
                    name = name,
                    format = match f {
                        Format::Xlsx => "xlsx",
                        Format::Xls => "xls",
                        Format::Ods => "ods",
                        Format::Csv => "csv",
                    }
                ),
                huibao_i18n::msg!("sheet-not-its-format-help"),
            )
            .about(Key::From)),
        }
    }
}

/// An open workbook.
pub(crate) struct Workbook {
    book: Book,
    place: Place,
}

enum Book {
    Xlsx(Box<crate::xlsx::Book>),
    Xls(Box<crate::xls::Book>),
    Ods(Box<crate::ods::Book>),
    Csv(Grid),
}

impl Workbook {
    /// Opens the bytes of `place.file`.
    pub(crate) fn open(bytes: Vec<u8>, place: Place) -> Result<Workbook, SheetError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(file_too_large(&place, bytes.len() as u64));
        }
        let book = match Format::of(&place.file, &bytes, &place)? {
            Format::Xlsx => Book::Xlsx(Box::new(crate::xlsx::Book::open(bytes, &place)?)),
            Format::Xls => Book::Xls(Box::new(crate::xls::Book::open(bytes, &place)?)),
            Format::Ods => Book::Ods(Box::new(crate::ods::Book::open(bytes, &place)?)),
            Format::Csv => Book::Csv(crate::csv_file::read(&bytes, &place)?),
        };
        Ok(Workbook { book, place })
    }

    /// The sheets' names in workbook order; `None` for a CSV file, which has one unnamed sheet.
    pub(crate) fn sheet_names(&self) -> Vec<Option<String>> {
        match &self.book {
            Book::Xlsx(b) => b.sheet_names().into_iter().map(Some).collect(),
            Book::Xls(b) => b.sheet_names().into_iter().map(Some).collect(),
            Book::Ods(b) => b.sheet_names().into_iter().map(Some).collect(),
            Book::Csv(_) => vec![None],
        }
    }

    /// The cells of a sheet (`None`: the CSV file's), within `range` when given.
    pub(crate) fn grid(
        &mut self,
        sheet: Option<&str>,
        range: Option<CellRange>,
    ) -> Result<Grid, SheetError> {
        let place = self.place.sheet(sheet);
        let name = sheet.unwrap_or_default();
        let mut grid = match &mut self.book {
            Book::Xlsx(b) => b.grid(name, range, &place)?,
            Book::Xls(b) => b.grid(name, &place)?,
            Book::Ods(b) => b.grid(name, &place)?,
            Book::Csv(g) => g.clone(),
        };
        if let Some(r) = range {
            grid.keep_only(r);
        }
        check_size(&grid, &place, range.is_some())?;
        Ok(grid)
    }
}

/// The error of a file over [`MAX_FILE_BYTES`].
pub(crate) fn file_too_large(place: &Place, size: u64) -> SheetError {
    SheetError::new(
        place.clone(),
        huibao_i18n::msg!(
            "sheet-file-too-large",
            size = size.div_ceil(1 << 20),
            max = MAX_FILE_BYTES >> 20
        ),
        huibao_i18n::msg!("sheet-too-large-help"),
    )
    .about(Key::From)
}

/// Refuses a sheet (or range) larger than [`MAX_ROWS`] × [`MAX_COLUMNS`].
fn check_size(grid: &Grid, place: &Place, ranged: bool) -> Result<(), SheetError> {
    let (rows, columns) = grid.end();
    if rows > MAX_ROWS || columns > MAX_COLUMNS {
        return Err(too_large(place, (rows, columns), ranged));
    }
    Ok(())
}

/// The error of a sheet whose cells reach `end` (one past the last row and column).
pub(crate) fn too_large(place: &Place, end: (u32, u32), ranged: bool) -> SheetError {
    let last = address((end.0.max(1) - 1, end.1.max(1) - 1));
    SheetError::new(
        place.clone(),
        huibao_i18n::msg!(
            "sheet-grid-too-large",
            what = if ranged { "range" } else { "sheet" },
            last = last,
            rows = end.0,
            columns = end.1,
            max_rows = MAX_ROWS,
            max_columns = MAX_COLUMNS
        ),
        huibao_i18n::msg!("sheet-grid-too-large-help"),
    )
    .about(if ranged { Key::Range } else { Key::Sheet })
}

/// The error of a workbook whose sheets together span more cells than calamine may lay out.
pub(crate) fn workbook_too_large(place: &Place, cells: u64) -> SheetError {
    SheetError::new(
        place.clone(),
        huibao_i18n::msg!(
            "sheet-workbook-too-large",
            cells = cells,
            max = MAX_WORKBOOK_CELLS
        ),
        huibao_i18n::msg!("sheet-workbook-too-large-help"),
    )
    .about(Key::From)
}

/// The error of a file the reader cannot make sense of.
pub(crate) fn unreadable(place: &Place, what: &str, why: impl std::fmt::Display) -> SheetError {
    SheetError::new(
        place.clone(),
        huibao_i18n::msg!("sheet-unreadable", format = what, detail = why.to_string()),
        huibao_i18n::msg!("sheet-unreadable-help"),
    )
    .about(Key::From)
}

/// Runs a calamine call, turning a panic inside it into an error: a damaged file must not
/// stop the program, and the panic is not printed (the error says what happened).
pub(crate) fn guarded<T>(
    place: &Place,
    what: &str,
    f: impl FnOnce() -> Result<T, String>,
) -> Result<T, SheetError> {
    match quietly(f) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(why)) => Err(unreadable(place, what, why)),
        Err(()) => Err(SheetError::new(
            place.clone(),
            huibao_i18n::msg!("sheet-damaged", format = what),
            huibao_i18n::msg!("sheet-unreadable-help"),
        )
        .about(Key::From)),
    }
}

thread_local! {
    /// Whether this thread is inside [`quietly`].
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic without printing it: the panic hook, installed once, stays
/// silent on a thread inside this call and hands every other panic to the hook before it.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                before(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    outcome.map_err(|_| ())
}

/// A calamine value as the reader sees it.
pub(crate) fn value_of(data: &calamine::Data) -> Value {
    use calamine::Data;
    match data {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Other(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(d) => Value::Other(format!("a date or time ({})", d.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Value::Other(format!("a date or time ({s})"))
        }
        Data::Error(e) => Value::Other(format!("the error value {e}")),
    }
}

/// A number shown as a percentage, as it is shown: 0.124 → 12.4, without binary noise.
pub(crate) fn percent_shown(x: f64) -> f64 {
    huibao_plugin_api::numbers::round_half_away(x * 100.0, 10)
}

/// Unpacks every part of a ZIP package within limits, keeping those `keep` wants.
pub(crate) fn unpack(
    bytes: &[u8],
    place: &Place,
    what: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<std::collections::HashMap<String, Vec<u8>>, SheetError> {
    use huibao_xml::{PackageLimits, PackageReader};
    let mut zip = PackageReader::new(bytes, PackageLimits::default())
        .map_err(|e| unreadable(place, what, e))?;
    let names: Vec<String> = zip.names().map(str::to_string).collect();
    let mut total = 0u64;
    let mut kept = std::collections::HashMap::new();
    for name in names {
        let part = zip.read(&name).map_err(|e| {
            if e.is_too_large() {
                SheetError::new(
                    place.clone(),
                    huibao_i18n::msg!("sheet-package-too-large", detail = e.to_string()),
                    huibao_i18n::msg!("sheet-too-large-help"),
                )
                .about(Key::From)
            } else {
                unreadable(place, what, e)
            }
        })?;
        let Some(part) = part else { continue };
        total += part.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(SheetError::new(
                place.clone(),
                huibao_i18n::msg!("sheet-unpacked-too-large", max = MAX_UNPACKED_BYTES >> 20),
                huibao_i18n::msg!("sheet-too-large-help"),
            )
            .about(Key::From));
        }
        if keep(&name) {
            kept.insert(name, part);
        }
    }
    Ok(kept)
}

/// The value of the attribute whose local name is `name` (any prefix).
pub(crate) fn attr(e: &huibao_xml::Element, name: &str) -> Option<String> {
    e.attrs
        .iter()
        .find(|(k, _)| huibao_xml::local_name(k) == name)
        .map(|(_, v)| v.unescape_attribute())
}

/// Child elements whose local name is `name`.
pub(crate) fn children<'a>(
    e: &'a huibao_xml::Element,
    name: &'a str,
) -> impl Iterator<Item = &'a huibao_xml::Element> + 'a {
    e.elements().filter(move |c| c.local_name() == name)
}

/// Whether a number format shows a percentage: a `%` outside quotes and brackets.
pub(crate) fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => return false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        for yes in ["0%", "0.0%", "0.00%", "#,##0.0%"] {
            assert!(is_percent_format(yes), "{yes}");
        }
        for no in [
            "0.00",
            "\"%\"0",
            "General",
            "[$%-804]0",
            "0.0;-0.0%",
            "\\%0",
        ] {
            assert!(!is_percent_format(no), "{no}");
        }
        assert_eq!(percent_shown(0.124), 12.4);
        assert_eq!(percent_shown(1.056), 105.6);
    }

    #[test]
    fn formats_by_name_and_bytes() {
        let place = Place::file("x");
        assert_eq!(
            Format::of("a.xlsx", b"PK\x03\x04....", &place),
            Ok(Format::Xlsx)
        );
        assert_eq!(
            Format::of("a.CSV", "指标名称,单位".as_bytes(), &place),
            Ok(Format::Csv)
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(Format::of("a.xlsx", &ole, &place), Ok(Format::Xls));
        let e = Format::of("a.xlsx", "指标名称,单位".as_bytes(), &place).unwrap_err();
        assert!(
            e.message.to_string().contains("not an .xlsx workbook"),
            "{e}"
        );
        let e = Format::of("a.docx", b"PK\x03\x04", &place).unwrap_err();
        assert!(e.message.to_string().contains("not a spreadsheet"), "{e}");
        assert_eq!(e.key, Some(Key::From));
    }
}
