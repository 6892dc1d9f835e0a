//! `huibao render` of several reports (or a folder of them): rendered in parallel by
//! huibao-pipeline's batch, with a progress bar on a terminal and a summary line.

use crate::cmd::render::{human_size, options, RenderArgs};
use crate::exit;
use crate::output::{print_diagnostic, print_diagnostics, print_line};
use huibao_i18n::t;
use huibao_pipeline::{
    collect_reports, BatchError, BatchOptions, ReportFailure, ReportOutcome, Session,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Renders every report named (a folder: its `*.toml`), `--jobs` at once. Every
/// report's result is printed as it finishes; the exit code is a single report's for the
/// worst failure ([`batch_code`]).
pub(crate) fn render_many(args: RenderArgs) -> u8 {
    if args.input.previous.is_some() {
        eprintln!("{}", t!("cli-batch-previous"));
        return exit::USAGE;
    }
    let reports = match collect_reports(&args.reports) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", t!("cli-error-line", message = e.to_string()));
            return match e {
                BatchError::SameStem { .. } => exit::USAGE,
                _ => exit::REPORT_ERROR,
            };
        }
    };
    let session = Session::new(options(&args.input, &args.fonts, &args.pdf));
    let mut batch = BatchOptions::new(
        args.format.iter().map(|&f| f.into()).collect(),
        args.out.clone(),
    );
    batch.jobs = args.jobs.map(usize::from);
    let bar = progress_bar(reports.len());
    let report_errors = AtomicBool::new(false);
    let output_errors = AtomicBool::new(false);
    let summary = session.render_batch(&reports, &batch, |outcome| {
        if let Err(failure) = &outcome.result {
            let kind = if failure.is_report_error() {
                &report_errors
            } else {
                &output_errors
            };
            kind.store(true, Ordering::Relaxed);
        }
        bar.suspend(|| print_outcome(&outcome));
        bar.inc(1);
    });
    bar.finish_and_clear();
    match summary {
        Ok(s) => {
            print_line(&t!(
                "cli-batch-summary",
                rendered = s.rendered,
                failed = s.failed,
                seconds = format!("{:.2}", s.elapsed.as_secs_f64())
            ));
            batch_code(
                report_errors.into_inner(),
                output_errors.into_inner() || s.failed > 0,
            )
        }
        Err(e) => {
            eprintln!("{}", t!("cli-error-line", message = e.to_string()));
            exit::OUTPUT_ERROR
        }
    }
}

/// The exit code of a batch: the one a single render of its failing reports would give,
/// the report's errors first (1: they are fixed in the reports and stop a render before
/// anything is written), else 3 when outputs could not be written; 0 when all went well.
fn batch_code(report_errors: bool, output_errors: bool) -> u8 {
    if report_errors {
        exit::REPORT_ERROR
    } else if output_errors {
        exit::OUTPUT_ERROR
    } else {
        exit::OK
    }
}

/// A progress bar on stderr when stdout is a terminal (a person is watching); none
/// when the output goes to a file or another program.
fn progress_bar(reports: usize) -> ProgressBar {
    if !std::io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(reports as u64);
    // The indicatif tags ({pos}, {len} …) go through the catalog as they are.
    let template = t!(
        "cli-batch-progress",
        bar = "{bar:30}",
        done = "{pos}",
        total = "{len}",
        elapsed = "{elapsed}",
        eta = "{eta}"
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// One report's result: its warnings and files, or its errors.
fn print_outcome(outcome: &ReportOutcome) {
    for w in &outcome.warnings {
        print_diagnostic(w);
    }
    match &outcome.result {
        Ok(written) => {
            let files: Vec<String> = written
                .files
                .iter()
                .map(|(path, size)| {
                    t!(
                        "cli-batch-file",
                        path = path.display(),
                        size = human_size(*size)
                    )
                })
                .collect();
            print_line(&t!(
                "cli-batch-wrote",
                report = outcome.report.display(),
                files = files
            ));
        }
        Err(ReportFailure::Report(d)) => print_diagnostics(d),
        Err(ReportFailure::Write(e)) => {
            eprintln!(
                "{}",
                t!(
                    "cli-error-with-help",
                    message = huibao_i18n::msg!(
                        "diagnostic-placed",
                        place = outcome.report.display(),
                        message = e.message()
                    ),
                    help = crate::cmd::render::write_help(e)
                )
            )
        }
        Err(e) => eprintln!("{}", t!("cli-error-line", message = e.to_string())),
    }
}
