//! Places in a workbook and the errors located at them.

use crate::grid::address;
use std::fmt;

/// A place in a workbook: the file, a sheet of it, or a cell — written as spreadsheets
/// write references across files: `stats.xlsx!Sheet1!C7` (a CSV has no sheet:
/// `stats.csv!C7`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file as the user named it.
    pub file: String,
    /// The sheet's name (none for a CSV file or the file as a whole).
    pub sheet: Option<String>,
    /// The cell, as 0-based (row, column).
    pub cell: Option<(u32, u32)>,
}

impl Place {
    /// The file as a whole.
    pub fn file(file: impl Into<String>) -> Place {
        Place {
            file: file.into(),
            sheet: None,
            cell: None,
        }
    }

    /// A sheet of the same file.
    pub fn sheet(&self, sheet: Option<&str>) -> Place {
        Place {
            file: self.file.clone(),
            sheet: sheet.map(str::to_string),
            cell: None,
        }
    }

    /// A cell of the same sheet.
    pub fn cell(&self, at: (u32, u32)) -> Place {
        Place {
            cell: Some(at),
            ..self.clone()
        }
    }

    /// The cell's address alone ("C7"), or "" for a place that is no cell.
    pub fn address(&self) -> String {
        self.cell.map(address).unwrap_or_default()
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, "!{sheet}")?;
        }
        if let Some(at) = self.cell {
            write!(f, "!{}", address(at))?;
        }
        Ok(())
    }
}

/// Which `[indicators]` key an error is about, when it is about the file, the sheet's name
/// or the range rather than a cell, so the report can point at that key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `from`: the file cannot be read, or holds no indicator table.
    From,
    /// `sheet`: no sheet of that name, or no indicator table on it.
    Sheet,
    /// `range`: nothing readable in the range.
    Range,
}

/// Something in a spreadsheet that stops its figures being read: located (at a cell when
/// it is about one), saying what was expected and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {message}")]
pub struct SheetError {
    /// Where.
    pub place: Place,
    /// What is wrong, one sentence (a catalog message).
    pub message: huibao_i18n::Message,
    /// How to fix it.
    pub help: huibao_i18n::Message,
    /// The `[indicators]` key it is about, when it is about no cell.
    pub key: Option<Key>,
}

impl SheetError {
    /// An error at a place (a cell, or a sheet or file with `key`).
    pub(crate) fn new(
        place: Place,
        message: impl Into<huibao_i18n::Message>,
        help: impl Into<huibao_i18n::Message>,
    ) -> Self {
        SheetError {
            place,
            message: message.into(),
            help: help.into(),
            key: None,
        }
    }

    /// The same error, about an `[indicators]` key.
    pub(crate) fn about(mut self, key: Key) -> Self {
        self.key = Some(key);
        self
    }
}

/// Every error found in a sheet (reading goes on after a bad cell, to show them all).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct SheetErrors(pub Vec<SheetError>);

impl From<SheetError> for SheetErrors {
    fn from(e: SheetError) -> Self {
        SheetErrors(vec![e])
    }
}

/// A finding that does not stop the figures being read: a figure the sheet states that
/// disagrees with the one computed, a row left out, a column ignored, a value derived.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Where.
    pub place: Place,
    /// What was found or done (a catalog message).
    pub message: huibao_i18n::Message,
    /// What to do about it, when anything.
    pub help: Option<huibao_i18n::Message>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_like_cross_file_references() {
        let file = Place::file("stats.xlsx");
        assert_eq!(file.to_string(), "stats.xlsx");
        let sheet = file.sheet(Some("Sheet1"));
        assert_eq!(sheet.to_string(), "stats.xlsx!Sheet1");
        assert_eq!(sheet.cell((6, 2)).to_string(), "stats.xlsx!Sheet1!C7");
        assert_eq!(file.sheet(None).cell((6, 2)).to_string(), "stats.xlsx!C7");
        assert_eq!(sheet.cell((6, 2)).address(), "C7");
    }
}
