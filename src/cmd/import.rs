//! `huibao import`: last period's report (.txt, .docx, .doc/.wps, .pdf, .html/.mhtml, .odt,
//! .ofd) to a report TOML.

use crate::exit;
use crate::output::write_atomically;
use clap::Args;
use huibao_i18n::t;
use huibao_import::Draft;
use huibao_pipeline::SourceFile;
use std::path::{Path, PathBuf};

/// Arguments of `huibao import`.
#[derive(Args, Debug)]
pub(crate) struct ImportArgs {
    /// The source: a .txt (UTF-8, UTF-16 or GB18030/GBK), .docx, .doc, .wps, .pdf, .html,
    /// .htm, .mhtml, .odt or .ofd file (the kind is decided by its content).
    pub source: PathBuf,
    /// Where to write the report TOML (default: the source's name with .toml, never
    /// overwriting an existing file).
    #[arg(short, long, value_name = "REPORT.toml")]
    pub output: Option<PathBuf>,
    /// Print the TOML to standard output instead of writing a file.
    #[arg(long, conflicts_with = "output")]
    pub stdout: bool,
}

/// `huibao import`.
pub(crate) fn import(args: ImportArgs) -> u8 {
    let imported = match huibao_import::import_path(&args.source) {
        Ok(i) => i,
        Err(e) => {
            eprintln!(
                "{}",
                t!("cli-import-error", message = e.message(), help = e.help())
            );
            return exit::REPORT_ERROR;
        }
    };
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| args.source.with_extension("toml"));
    // The TOML must be a valid report: prepare it as `huibao check` would.
    let verified = huibao_pipeline::Session::default()
        .prepare_source(SourceFile::new(&target, imported.toml.as_str()));
    if args.stdout {
        if let Err(code) = crate::output::stdout_is_no_input() {
            return code;
        }
        print!("{}", imported.toml);
    } else {
        if args.output.is_none() && target.exists() {
            eprintln!("{}", t!("cli-import-exists", path = target.display()));
            return exit::OUTPUT_ERROR;
        }
        if let Err(e) = write_atomically(&target, imported.toml.as_bytes()) {
            eprintln!("{}", t!("cli-error-line", message = e.message()));
            if e.source.kind() == std::io::ErrorKind::InvalidInput {
                eprintln!("  {}", t!("cli-import-output-is-input-help"));
            }
            return exit::OUTPUT_ERROR;
        }
    }
    print_summary(&args.source, &target, &imported.draft, args.stdout);
    match verified {
        Ok(_) => exit::OK,
        Err(diags) => {
            eprintln!("{}", t!("cli-import-bug"));
            crate::output::print_diagnostics(&diags);
            exit::REPORT_ERROR
        }
    }
}

/// What was recognised and what was doubted, on standard error (the TOML may be on stdout).
fn print_summary(source: &Path, target: &Path, d: &Draft, to_stdout: bool) {
    let mut lines = Vec::new();
    if to_stdout {
        lines.push(t!("cli-import-done", source = source.display()));
    } else {
        lines.push(t!(
            "cli-import-done-to",
            source = source.display(),
            target = target.display()
        ));
    }
    // One line per thing read: a label padded to a column, then what was read.
    let line = |label: String, text: String| format!("  {} {text}", pad(&label, 13));
    let found = |value: String, source: &huibao_i18n::Message, sure: bool| {
        if sure {
            t!("cli-import-found", value = value, source = source.clone())
        } else {
            t!(
                "cli-import-found-guess",
                value = value,
                source = source.clone()
            )
        }
    };
    if let Some((named, read)) = d.stats.read_as {
        lines.push(line(
            t!("cli-import-label-read-as"),
            t!(
                "cli-import-read-as",
                found = read.name(),
                named = named.name()
            ),
        ));
    }
    if let Some(title) = &d.head.title {
        lines.push(line(t!("cli-import-label-title"), title.clone()));
    }
    lines.push(line(
        t!("cli-import-label-organization"),
        found(
            d.organization.value.clone(),
            &d.organization.source,
            d.organization.sure,
        ),
    ));
    lines.push(line(
        t!("cli-import-label-period"),
        found(
            t!(
                "cli-import-period-value",
                period = d.period.value.to_string(),
                name = d.period.value.name()
            ),
            &d.period.source,
            d.period.sure,
        ),
    ));
    let huibao_import::Ymd(y, m, day) = d.date.value;
    lines.push(line(
        t!("cli-import-label-date"),
        found(format!("{y}-{m:02}-{day:02}"), &d.date.source, d.date.sure),
    ));
    if let Some(r) = &d.head.recipient {
        lines.push(line(t!("cli-import-label-recipient"), r.clone()));
    }
    lines.push(line(
        t!("cli-import-label-opening"),
        t!("cli-import-paragraphs", count = d.body.summary.len()),
    ));
    for (i, part) in d.body.parts.iter().enumerate() {
        let number = huibao_core::numbering::heading_number(1, i as u32 + 1);
        let title = part
            .title
            .clone()
            .unwrap_or_else(|| t!("cli-import-untitled"));
        lines.push(line(
            t!(
                "cli-import-label-part",
                number = number.trim_end_matches('、')
            ),
            t!(
                "cli-import-part",
                title = title,
                key = part.role.key(),
                lead = part.lead.len(),
                items = count_items(&part.items),
                run_in = if part.run_in { "yes" } else { "no" },
                depth = depth(&part.items)
            ),
        ));
    }
    lines.push(line(
        t!("cli-import-label-indicators"),
        t!(
            "cli-import-indicators",
            count = d.indicators.len(),
            masked = d.masked.len()
        ),
    ));
    if !d.attachments.is_empty() {
        lines.push(line(
            t!("cli-import-label-attachments"),
            d.attachments.len().to_string(),
        ));
    }
    let s = &d.stats;
    let mut cleaned = Vec::new();
    if let Some(enc) = s.encoding {
        if enc != huibao_import::TextEncoding::Utf8 {
            cleaned.push(t!("cli-import-decoded", encoding = enc.name()));
        }
    }
    if s.running_removed > 0 {
        cleaned.push(t!("cli-import-running-removed", count = s.running_removed));
    }
    if s.docx_numbers > 0 {
        cleaned.push(t!("cli-import-word-numbers", count = s.docx_numbers));
    }
    if !d.removed.is_empty() {
        cleaned.push(t!("cli-import-removed", count = d.removed.len()));
    }
    if s.punctuation_fixed > 0 {
        cleaned.push(t!("cli-import-punctuation", count = s.punctuation_fixed));
    }
    if s.forbidden_removed > 0 {
        cleaned.push(t!(
            "cli-import-forbidden-removed",
            count = s.forbidden_removed
        ));
    }
    if s.page_markers > 0 {
        cleaned.push(t!("cli-import-page-numbers", count = s.page_markers));
    }
    if s.lines_joined > 0 {
        cleaned.push(t!("cli-import-lines-joined", count = s.lines_joined));
    }
    if s.glued_headings > 0 {
        cleaned.push(t!("cli-import-headings-split", count = s.glued_headings));
    }
    if s.title_split {
        cleaned.push(t!("cli-import-title-split"));
    }
    if !cleaned.is_empty() {
        lines.push(line(
            t!("cli-import-label-cleaned"),
            t!("cli-import-cleaned", steps = cleaned),
        ));
    }
    // Nothing lost, measured: the share of the source's Chinese characters in the TOML's
    // text; the rest is in the comments (removed clutter) or was dropped.
    if s.han_source > 0 {
        let share = s.han_share() * 100.0;
        lines.push(line(
            t!("cli-import-label-kept"),
            t!(
                "cli-import-kept",
                share = format!("{share:.1}"),
                kept = s.han_kept,
                total = s.han_source
            ),
        ));
        if share < 90.0 {
            lines.push(t!(
                "cli-import-kept-low",
                missing = format!("{:.1}", 100.0 - share)
            ));
        }
    }
    if !d.doubts.is_empty() {
        lines.push(t!("cli-import-doubts"));
        for doubt in &d.doubts {
            lines.push(format!("  - {doubt}"));
        }
    }
    // Only a report on disk can be checked next (not stdout, a pipe or /dev/null).
    if !to_stdout && std::fs::metadata(target).is_ok_and(|m| m.is_file()) {
        lines.push(t!("cli-import-next", path = target.display()));
    }
    for l in lines {
        eprintln!("{l}");
    }
}

fn count_items(items: &[huibao_import::ItemDraft]) -> usize {
    items.iter().map(|i| 1 + count_items(&i.items)).sum()
}

/// How many levels of items a part has below it.
fn depth(items: &[huibao_import::ItemDraft]) -> usize {
    items.iter().map(|i| 1 + depth(&i.items)).max().unwrap_or(0)
}

/// `s` padded with spaces to `width` terminal columns (a Chinese character takes two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s
        .chars()
        .map(|c| if huibao_core::chars::is_wide(c) { 2 } else { 1 })
        .sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}
