//! `huibao render` of several reports (or a folder of them): rendered in parallel by
//! huibao-pipeline's batch, with a progress bar on a terminal and a summary line.

use crate::cmd::render::{human_size, options, RenderArgs};
use crate::exit;
use crate::output::{print_diagnostic, print_diagnostics, print_line};
use huibao_pipeline::{
    collect_reports, BatchError, BatchOptions, ReportFailure, ReportOutcome, Session,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Renders every report named (a folder: its `*.toml`), `--jobs` at once. Every
/// report's result is printed as it finishes; exit 1 when any report failed.
pub(crate) fn render_many(args: RenderArgs) -> u8 {
    if args.input.previous.is_some() {
        eprintln!(
            "error: --previous names last period's report of one report; with several reports, \
             give each its own `previous = \"…\"` in [report]"
        );
        return exit::USAGE;
    }
    let reports = match collect_reports(&args.reports) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return match e {
                BatchError::SameStem { .. } => exit::USAGE,
                _ => exit::REPORT_ERROR,
            };
        }
    };
    let session = Session::new(options(&args.input, &args.fonts));
    let mut batch = BatchOptions::new(
        args.format.iter().map(|&f| f.into()).collect(),
        args.out.clone(),
    );
    batch.jobs = args.jobs.map(usize::from);
    let bar = progress_bar(reports.len());
    let summary = session.render_batch(&reports, &batch, |outcome| {
        bar.suspend(|| print_outcome(&outcome));
        bar.inc(1);
    });
    bar.finish_and_clear();
    match summary {
        Ok(s) => {
            print_line(&format!(
                "{} rendered, {} failed in {:.2} s",
                s.rendered,
                s.failed,
                s.elapsed.as_secs_f64()
            ));
            if s.failed > 0 {
                exit::REPORT_ERROR
            } else {
                exit::OK
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            exit::OUTPUT_ERROR
        }
    }
}

/// A progress bar on stderr when stdout is a terminal (a person is watching); none
/// when the output goes to a file or another program.
fn progress_bar(reports: usize) -> ProgressBar {
    if !std::io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(reports as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} reports, {elapsed} (ETA {eta})")
    {
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
                .map(|(path, size)| format!("{} ({})", path.display(), human_size(*size)))
                .collect();
            print_line(&format!(
                "{}: wrote {}",
                outcome.report.display(),
                files.join(", ")
            ));
        }
        Err(ReportFailure::Report(d)) => print_diagnostics(d),
        Err(ReportFailure::Write(e)) => {
            eprintln!(
                "error: {}: {e} ({})",
                outcome.report.display(),
                crate::cmd::render::write_help(e)
            )
        }
        Err(e) => eprintln!("error: {e}"),
    }
}
