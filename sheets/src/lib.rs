//! huibao-sheets: a report's key figures (主要经济指标) read from the statistics bureau's
//! spreadsheet — .xlsx, .xls, .ods or .csv — for `[indicators] from = "stats.xlsx"` and
//! `huibao indicators stats.xlsx`.
//!
//! The indicator table is found by its header words (指标名称, 单位, 本期 or 1-6月,
//! 上年同期, 同比增长, 全年目标, 完成率) below any title; rows are read until the notes. A
//! problem is located at its cell (`stats.xlsx!Sheet1!C7`) and says what was expected.
//!
//! - [`read_indicators`]: a file to [`SheetIndicators`] (or every error found);
//!   [`read_indicators_bytes`] the same for a spreadsheet held in memory (an upload).
//! - [`read_into`]: the pipeline's step: reads the sheet a loaded report names and puts
//!   its figures before the report's own, as located diagnostics.
//! - [`indicators_toml`]: the `[[indicators]]` TOML of what was read, with `# CHECK:`
//!   comments where something was derived or disagrees.
//!
//! Files are read within limits ([`MAX_ROWS`] × [`MAX_COLUMNS`] cells of a sheet, 32 MiB
//! files, ZIP parts unpacked with limits), so a hostile file gives an error, never a crash
//! or unbounded memory.

mod csv_file;
mod error;
mod grid;
mod header;
mod ods;
mod open;
mod report;
mod table;
mod write;
mod xls;
mod xlsx;

pub use error::{Finding, Key, Place, SheetError, SheetErrors};
pub use open::{MAX_COLUMNS, MAX_ROWS};
pub use report::read_into;
pub use write::indicators_toml;

use huibao_core::model::CellRange;
use std::path::Path;

/// Which cells of the workbook to read.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The sheet's name; without it, the first sheet with an indicator table.
    pub sheet: Option<String>,
    /// The cells; without it, the whole sheet.
    pub range: Option<CellRange>,
}

/// One indicator read from a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetIndicator {
    /// "营业收入" (a unit in parentheses after it is taken as the unit).
    pub name: String,
    /// This period's figure.
    pub value: f64,
    /// "亿元", "%", "个" …
    pub unit: String,
    /// Last year's figure, read or derived from 同比增长.
    pub previous: Option<f64>,
    /// The annual target.
    pub target: Option<f64>,
    /// Decimals written with trailing zeros in a text cell ("5.00" → 2).
    pub decimals: Option<u8>,
    /// The cell of its name.
    pub place: Place,
    /// What was derived or guessed, or disagrees, for `# CHECK:` comments.
    pub guesses: Vec<Guess>,
}

/// Something derived or guessed about one key of an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The key it concerns: "unit", "previous" or "target".
    pub key: &'static str,
    /// What was done and from where.
    pub text: String,
}

impl SheetIndicator {
    /// The report's indicator with these figures, placed at `span` of the report (the
    /// `[indicators] from` key that read it; `0..0` when there is no report).
    pub fn to_model(&self, span: std::ops::Range<usize>) -> huibao_core::model::Indicator {
        use huibao_core::model::{Indicator, Number};
        use toml::Spanned;
        let at = |v: f64| Spanned::new(span.clone(), Number(v));
        Indicator {
            name: Spanned::new(span.clone(), self.name.clone()),
            value: at(self.value),
            unit: self.unit.clone(),
            previous: self.previous.map(at),
            target: self.target.map(at),
            decimals: self.decimals,
        }
    }
}

impl Guess {
    pub(crate) fn unit(text: String) -> Guess {
        Guess { key: "unit", text }
    }

    pub(crate) fn previous(text: String) -> Guess {
        Guess {
            key: "previous",
            text,
        }
    }

    pub(crate) fn target(text: String) -> Guess {
        Guess {
            key: "target",
            text,
        }
    }
}

/// The indicator table of a sheet, read.
#[derive(Debug, Clone)]
pub struct SheetIndicators {
    /// The sheet read (`stats.xlsx!Sheet1`).
    pub sheet: Place,
    /// The header cell of the names column.
    pub header: Place,
    /// The months the header of this period's column names (1-6月 → (1, 6)), and its cell.
    pub months: Option<((u8, u8), Place)>,
    /// The indicators, in the sheet's order.
    pub indicators: Vec<SheetIndicator>,
    /// Figures the sheet states that disagree with the ones computed; rows left out.
    pub warnings: Vec<Finding>,
    /// What was chosen: the sheet, among several columns of this period's figures.
    pub notes: Vec<Finding>,
}

/// Reads the indicator table of the spreadsheet at `path`; `shown_as` names the file in
/// places (the path as the user wrote it). Every error found is returned, not only the
/// first.
pub fn read_indicators(
    path: &Path,
    shown_as: &str,
    selection: &Selection,
) -> Result<SheetIndicators, SheetErrors> {
    let file = Place::file(shown_as);
    // The one reader: a regular file of at most MAX_SPREADSHEET_BYTES, or an error about
    // the key that named it (`[indicators] from` in a report).
    let bytes =
        huibao_core::input::read(path, huibao_core::input::Kind::Spreadsheet).map_err(|e| {
            // The file is the place; the message names it as the user wrote it.
            let message = e.message_naming(e.kind.what());
            SheetError::new(file.clone(), message, e.help()).about(Key::From)
        })?;
    read_bytes(bytes, &file, selection)
}

/// Reads the indicator table of a spreadsheet held in memory (an upload); `shown_as` is
/// its file name, which decides its format as an extension does on disk (checked against
/// its first bytes) and names it in places. Held to the same limits as a file.
pub fn read_indicators_bytes(
    bytes: Vec<u8>,
    shown_as: &str,
    selection: &Selection,
) -> Result<SheetIndicators, SheetErrors> {
    read_bytes(bytes, &Place::file(shown_as), selection)
}

/// Reads the indicator table of a spreadsheet held in memory.
fn read_bytes(
    bytes: Vec<u8>,
    file: &Place,
    selection: &Selection,
) -> Result<SheetIndicators, SheetErrors> {
    let mut book = open::Workbook::open(bytes, file.clone())?;
    let names = book.sheet_names();
    let candidates: Vec<Option<String>> = match &selection.sheet {
        Some(wanted) => vec![Some(choose_sheet(&names, wanted, file)?)],
        None => names.clone(),
    };
    let mut first_error = None;
    for name in &candidates {
        let sheet = file.sheet(name.as_deref());
        let grid = match book.grid(name.as_deref(), selection.range) {
            Ok(g) => g,
            Err(e) if selection.sheet.is_some() || candidates.len() == 1 => return Err(e.into()),
            Err(e) => {
                first_error.get_or_insert(e);
                continue;
            }
        };
        let Some(header) = header::find(&grid) else {
            continue;
        };
        let rows = table::read(&grid, &header, &sheet);
        if !rows.errors.is_empty() {
            return Err(SheetErrors(rows.errors));
        }
        if rows.indicators.is_empty() {
            return Err(SheetError::new(
                sheet.cell(header.name.cell),
                huibao_i18n::msg!("sheet-table-empty"),
                huibao_i18n::msg!("sheet-table-empty-help"),
            )
            .into());
        }
        let mut notes = Vec::new();
        if selection.sheet.is_none() && names.len() > 1 && name != &names[0] {
            notes.push(Finding {
                place: sheet.clone(),
                message: huibao_i18n::msg!(
                    "sheet-first-table",
                    sheet = name.as_deref().unwrap_or_default()
                ),
                help: Some(huibao_i18n::msg!("sheet-first-table-help")),
            });
        }
        for ignored in &header.ignored {
            notes.push(Finding {
                place: sheet.cell(ignored.cell),
                message: huibao_i18n::msg!(
                    "sheet-column-ignored",
                    column = ignored.words.as_str(),
                    used = header.value.words.as_str(),
                    cell = grid::address(header.value.cell)
                ),
                help: None,
            });
        }
        return Ok(SheetIndicators {
            months: header::months(&header.value.words).map(|m| (m, sheet.cell(header.value.cell))),
            header: sheet.cell(header.name.cell),
            sheet,
            indicators: rows.indicators,
            warnings: rows.warnings,
            notes,
        });
    }
    if let Some(e) = first_error {
        return Err(e.into());
    }
    let (place, key) = match (&selection.sheet, selection.range) {
        (_, Some(_)) => (file.sheet(candidates[0].as_deref()), Key::Range),
        (Some(s), None) => (file.sheet(Some(s)), Key::Sheet),
        (None, None) => (file.clone(), Key::From),
    };
    Err(SheetError::new(
        place,
        if candidates.len() > 1 {
            huibao_i18n::msg!("sheet-no-table-any-sheet")
        } else {
            huibao_i18n::msg!("sheet-no-table")
        },
        huibao_i18n::msg!("sheet-no-table-help"),
    )
    .about(key)
    .into())
}

/// The sheet named `wanted`: as written, else ignoring case and spaces.
fn choose_sheet(
    names: &[Option<String>],
    wanted: &str,
    file: &Place,
) -> Result<String, SheetError> {
    let plain = |s: &str| s.split_whitespace().collect::<String>().to_lowercase();
    let found = names
        .iter()
        .flatten()
        .find(|n| *n == wanted)
        .or_else(|| names.iter().flatten().find(|n| plain(n) == plain(wanted)));
    match found {
        Some(n) => Ok(n.clone()),
        None if names.iter().all(Option::is_none) => Err(SheetError::new(
            file.clone(),
            huibao_i18n::msg!("sheet-csv-no-sheets", sheet = wanted),
            huibao_i18n::msg!("sheet-csv-no-sheets-help"),
        )
        .about(Key::Sheet)),
        None => Err(SheetError::new(
            file.clone(),
            huibao_i18n::msg!("sheet-no-such-sheet", sheet = wanted),
            huibao_i18n::msg!(
                "sheet-no-such-sheet-help",
                sheets = names
                    .iter()
                    .flatten()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
            ),
        )
        .about(Key::Sheet)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixtures LibreOffice saved from a flat .ods with merged cells.
    #[test]
    fn merged_header_cells_name_every_column_below_them() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        if !fixtures.exists() {
            eprintln!(
                "skipped: {} not found (tests stay out of the package)",
                fixtures.display()
            );
            return;
        }
        for format in ["xlsx", "xls", "ods"] {
            let name = format!("jinchuan-2022q3-merged.{format}");
            let path = fixtures.join(&name);
            let mut book =
                open::Workbook::open(std::fs::read(path).unwrap(), Place::file(name.as_str()))
                    .unwrap_or_else(|e| panic!("{e}"));
            let grid = book.grid(Some("1-9月"), None).unwrap();
            let header = header::find(&grid).unwrap();
            // "1-9月" is merged over 本期, 上年同期 and 同比增长: each column reads both rows.
            assert_eq!(header.value.words, "1-9月本期", "{name}");
            assert_eq!(header.previous.unwrap().words, "1-9月上年同期", "{name}");
            assert_eq!(header.growth.unwrap().words, "1-9月同比增长（%）", "{name}");
            // "指标" is merged over both header rows: read once.
            assert_eq!(header.name.words, "指标", "{name}");
        }
    }
}
