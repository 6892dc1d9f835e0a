//! `huibao indicators`: the key figures of a statistics spreadsheet as `[[indicators]]` TOML.

use crate::exit;
use crate::output::print_line;
use clap::Args;
use huibao_core::model::CellRange;
use std::path::PathBuf;

/// Arguments of `huibao indicators`.
#[derive(Args, Debug)]
pub(crate) struct IndicatorsArgs {
    /// The statistics spreadsheet: .xlsx, .xls, .ods or .csv (UTF-8 or GBK).
    pub sheet_file: PathBuf,
    /// The sheet to read (default: the first with an indicator table).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The cells to read, such as A3:G20 (default: the whole sheet).
    #[arg(long, value_name = "A3:G20", value_parser = parse_range)]
    pub range: Option<CellRange>,
}

fn parse_range(text: &str) -> Result<CellRange, crate::help::OwnWords> {
    CellRange::parse(text).ok_or_else(|| {
        crate::help::OwnWords(huibao_i18n::t!("cli-indicators-bad-range", text = text))
    })
}

/// `huibao indicators`: prints the TOML on standard output, what was derived or disagrees
/// on standard error too.
pub(crate) fn indicators(args: IndicatorsArgs) -> u8 {
    let shown = args.sheet_file.display().to_string();
    let selection = huibao_sheets::Selection {
        sheet: args.sheet.clone(),
        range: args.range,
    };
    match huibao_sheets::read_indicators(&args.sheet_file, &shown, &selection) {
        Ok(read) => {
            if let Err(code) = crate::output::stdout_is_no_input() {
                return code;
            }
            print_line(huibao_sheets::indicators_toml(&read).trim_end());
            for w in &read.warnings {
                let line = huibao_i18n::msg!(
                    "diagnostic-line-at",
                    location = w.place.to_string(),
                    severity = "warning",
                    message = w.message.clone()
                );
                eprintln!("{line}");
            }
            eprintln!(
                "{}",
                huibao_i18n::t!(
                    "cli-indicators-read",
                    count = read.indicators.len(),
                    sheet = read.sheet.to_string(),
                    header = read.header.address()
                )
            );
            exit::OK
        }
        Err(errors) => {
            for e in &errors.0 {
                let line = huibao_i18n::msg!(
                    "diagnostic-line-at",
                    location = e.place.to_string(),
                    severity = "error",
                    message = e.message.clone()
                );
                eprintln!(
                    "{}",
                    huibao_i18n::t!("diagnostic-with-help", line = line, help = e.help.clone())
                );
            }
            exit::REPORT_ERROR
        }
    }
}
