//! The pipeline's step: the spreadsheet a loaded report names in `[indicators] from`,
//! read into the report's indicators, with errors and warnings as diagnostics.

use crate::error::{Finding, Key, SheetError};
use crate::{read_indicators, Selection};
use huibao_core::model::Indicator;
use huibao_core::{Diagnostic, Diagnostics, Loaded};
use huibao_i18n::msg;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// Reads the spreadsheet named by the report's `[indicators]` table (relative to the
/// report) and puts its figures first in the report's indicators, before the ones written
/// in the report. Without a spreadsheet, nothing happens.
///
/// Errors: the file, sheet or range cannot be read (pointing at the key in the report),
/// a bad cell (at its address, `stats.xlsx!Sheet1!C7`), a figure given both in the report
/// and in the sheet (at the report's entry, naming the sheet's cell). Warnings: a rate the
/// sheet states that disagrees with the one computed, a row without a figure, a sheet for
/// other months than the report's period.
pub fn read_into(loaded: &mut Loaded) -> Result<Vec<Diagnostic>, Diagnostics> {
    let Some(source) = loaded.report.indicators.sheet.clone() else {
        return Ok(Vec::new());
    };
    let file = &loaded.file;
    let base = file.path.parent().unwrap_or(Path::new(""));
    let from = source.from.get_ref().trim();
    let path = base.join(from);
    let selection = Selection {
        sheet: source
            .sheet
            .as_ref()
            .map(|s| s.get_ref().trim().to_string()),
        range: source.cells().flatten(),
    };
    let span_of = |key: Option<Key>| -> Range<usize> {
        match key {
            Some(Key::Sheet) => source.sheet.as_ref().map(Spanned::span),
            Some(Key::Range) => source.range.as_ref().map(Spanned::span),
            _ => None,
        }
        .unwrap_or_else(|| source.from.span())
    };
    let read = read_indicators(&path, &path.display().to_string(), &selection)
        .map_err(|e| Diagnostics(e.0.into_iter().map(|e| error(e, file, &span_of)).collect()))?;

    let mut errors = Vec::new();
    for written in loaded.report.indicators.iter() {
        let name = written.name.get_ref().trim();
        if let Some(twin) = read.indicators.iter().find(|i| i.name == name) {
            errors.push(
                Diagnostic::error(msg!(
                    "sheet-indicator-twice",
                    name = name,
                    place = twin.place.to_string()
                ))
                .at(file, written.name.span())
                .with_label(msg!("sheet-indicator-twice-label"))
                .with_help(msg!("sheet-indicator-twice-help")),
            );
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }

    let mut warnings: Vec<Diagnostic> = read.warnings.iter().map(warning).collect();
    if let Some((months, place)) = &read.months {
        let period = loaded.period.months();
        if *months != period {
            warnings.push(
                Diagnostic::warning(msg!(
                    "sheet-months-differ",
                    months = format!("{}-{}月", months.0, months.1),
                    covers = loaded.period.month_phrase(),
                    period = loaded.period.name()
                ))
                .at_place(place.to_string())
                .with_help(msg!("sheet-months-differ-help")),
            );
        }
    }

    let span = source.from.span();
    let from_sheet: Vec<Indicator> = read
        .indicators
        .iter()
        .map(|i| i.to_model(span.clone()))
        .collect();
    let written = std::mem::take(&mut loaded.report.indicators.items);
    loaded.report.indicators.items = from_sheet.into_iter().chain(written).collect();
    Ok(warnings)
}

/// An error of the sheet: at its cell, or at the `[indicators]` key it is about.
fn error(
    e: SheetError,
    file: &huibao_core::SourceFile,
    span_of: &dyn Fn(Option<Key>) -> Range<usize>,
) -> Diagnostic {
    match e.key {
        Some(key) => Diagnostic::error(huibao_i18n::msg!(
            "diagnostic-placed",
            place = e.place.to_string(),
            message = e.message
        ))
        .at(file, span_of(Some(key)))
        .with_label(match key {
            Key::From => huibao_i18n::msg!("sheet-label-file"),
            Key::Sheet => huibao_i18n::msg!("sheet-label-sheet"),
            Key::Range => huibao_i18n::msg!("sheet-label-range"),
        })
        .with_help(e.help),
        None => Diagnostic::error(e.message)
            .at_place(e.place.to_string())
            .with_help(e.help),
    }
}

fn warning(f: &Finding) -> Diagnostic {
    let d = Diagnostic::warning(f.message.clone()).at_place(f.place.to_string());
    match &f.help {
        Some(help) => d.with_help(help.clone()),
        None => d,
    }
}
