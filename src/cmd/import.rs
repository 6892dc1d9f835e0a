//! `huibao import`: last period's report (.txt, .docx, .doc/.wps, .pdf, .html/.mhtml, .odt,
//! .ofd) to a report TOML.

use crate::exit;
use crate::output::write_atomically;
use clap::Args;
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
            eprintln!("error: {e}");
            eprintln!("  help: {}", e.help());
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
            eprintln!("error: {} exists; not overwriting it", target.display());
            eprintln!("  help: name another file with -o REPORT.toml");
            return exit::OUTPUT_ERROR;
        }
        if let Err(e) = write_atomically(&target, imported.toml.as_bytes()) {
            eprintln!("error: {e}");
            if e.source.kind() == std::io::ErrorKind::InvalidInput {
                eprintln!(
                    "  help: name another file with -o REPORT.toml; the source stays as it is"
                );
            }
            return exit::OUTPUT_ERROR;
        }
    }
    print_summary(&args.source, &target, &imported.draft, args.stdout);
    match verified {
        Ok(_) => exit::OK,
        Err(diags) => {
            eprintln!(
                "error: the imported report does not load; this is a bug in `huibao import`, please report it with the source file"
            );
            crate::output::print_diagnostics(&diags);
            exit::REPORT_ERROR
        }
    }
}

/// What was recognised and what was doubted, on standard error (the TOML may be on stdout).
fn print_summary(source: &Path, target: &Path, d: &Draft, to_stdout: bool) {
    let mut lines = Vec::new();
    if to_stdout {
        lines.push(format!("imported {}", source.display()));
    } else {
        lines.push(format!(
            "imported {} → {}",
            source.display(),
            target.display()
        ));
    }
    if let Some((named, found)) = d.stats.read_as {
        lines.push(format!(
            "  read as       {} — its name says {}, its content decides",
            found.name(),
            named.name()
        ));
    }
    let sure = |s: bool| if s { "" } else { "  (guess)" };
    if let Some(t) = &d.head.title {
        lines.push(format!("  title         {t}"));
    }
    lines.push(format!(
        "  organization  {} — {}{}",
        d.organization.value,
        d.organization.source,
        sure(d.organization.sure)
    ));
    lines.push(format!(
        "  period        {} ({}) — {}{}",
        d.period.value,
        d.period.value.name(),
        d.period.source,
        sure(d.period.sure)
    ));
    let huibao_import::Ymd(y, m, day) = d.date.value;
    lines.push(format!(
        "  date          {y}-{m:02}-{day:02} — {}{}",
        d.date.source,
        sure(d.date.sure)
    ));
    if let Some(r) = &d.head.recipient {
        lines.push(format!("  recipient     {r}"));
    }
    lines.push(format!(
        "  opening       {} paragraph(s)",
        d.body.summary.len()
    ));
    for (i, part) in d.body.parts.iter().enumerate() {
        let number = huibao_core::numbering::heading_number(1, i as u32 + 1);
        let count = count_items(&part.items);
        lines.push(format!(
            "  part {number:<4}    {} → {}, {}{} item(s){}{}",
            part.title.as_deref().unwrap_or("(untitled)"),
            part.role.key(),
            if part.lead.is_empty() {
                String::new()
            } else {
                format!("{} opening paragraph(s), ", part.lead.len())
            },
            count,
            if part.run_in { ", run-in 一是" } else { "" },
            depth_note(&part.items)
        ));
    }
    lines.push(format!(
        "  indicators    {} from the text{}",
        d.indicators.len(),
        if d.masked.is_empty() {
            String::new()
        } else {
            format!(
                "; {} masked figure(s) or name(s) kept as written and listed",
                d.masked.len()
            )
        }
    ));
    if !d.attachments.is_empty() {
        lines.push(format!("  attachments   {}", d.attachments.len()));
    }
    let s = &d.stats;
    let mut cleaned = Vec::new();
    if let Some(enc) = s.encoding {
        if enc != huibao_import::TextEncoding::Utf8 {
            cleaned.push(format!("decoded from {}", enc.name()));
        }
    }
    if s.running_removed > 0 {
        cleaned.push(format!(
            "{} page number(s) and running header line(s) removed by their place on the page",
            s.running_removed
        ));
    }
    if s.docx_numbers > 0 {
        cleaned.push(format!("{} Word list numbers read", s.docx_numbers));
    }
    if !d.removed.is_empty() {
        cleaned.push(format!(
            "{} clutter line(s) removed (listed at the end of the TOML)",
            d.removed.len()
        ));
    }
    if s.punctuation_fixed > 0 {
        cleaned.push(format!(
            "{} punctuation mark(s) made full-width or normalised",
            s.punctuation_fixed
        ));
    }
    if s.page_markers > 0 {
        cleaned.push(format!("{} page number(s) cut", s.page_markers));
    }
    if s.lines_joined > 0 {
        cleaned.push(format!(
            "{} line(s) joined to the paragraph or page they were cut from",
            s.lines_joined
        ));
    }
    if s.glued_headings > 0 {
        cleaned.push(format!(
            "{} heading(s) split off the sentence before",
            s.glued_headings
        ));
    }
    if s.title_split {
        cleaned.push("the title split off the first sentence".into());
    }
    if !cleaned.is_empty() {
        lines.push(format!("  cleaned       {}", cleaned.join("; ")));
    }
    // Nothing lost, measured: the share of the source's Chinese characters in the TOML's
    // text; the rest is in the comments (removed clutter) or was dropped.
    if s.han_source > 0 {
        let share = s.han_share() * 100.0;
        lines.push(format!(
            "  text kept     {share:.1}% of the source's Chinese characters ({} of {})",
            s.han_kept, s.han_source
        ));
        if share < 90.0 {
            lines.push(format!(
                "warning: {:.1}% of the source's Chinese text is not in the report's text: check the removed lines at the end of the TOML",
                100.0 - share
            ));
        }
    }
    if !d.doubts.is_empty() {
        lines.push("doubts (each a CHECK line at the top of the TOML):".into());
        for doubt in &d.doubts {
            lines.push(format!("  - {doubt}"));
        }
    }
    // Only a report on disk can be checked next (not stdout, a pipe or /dev/null).
    if !to_stdout && std::fs::metadata(target).is_ok_and(|m| m.is_file()) {
        lines.push(format!(
            "next: huibao check {0} && huibao render {0}",
            target.display()
        ));
    }
    for l in lines {
        eprintln!("{l}");
    }
}

fn count_items(items: &[huibao_import::ItemDraft]) -> usize {
    items.iter().map(|i| 1 + count_items(&i.items)).sum()
}

fn depth_note(items: &[huibao_import::ItemDraft]) -> String {
    fn depth(items: &[huibao_import::ItemDraft]) -> usize {
        items.iter().map(|i| 1 + depth(&i.items)).max().unwrap_or(0)
    }
    match depth(items) {
        0 | 1 => String::new(),
        d => format!(", {d} levels below the part"),
    }
}
