//! Printing diagnostics and results; writing single files atomically.

use huibao_core::chars::is_wide;
use huibao_core::{Diagnostic, Diagnostics};
use std::io::Write;
use std::path::Path;

/// Prints diagnostics to stderr: graphical with the source quoted on a terminal,
/// one line each ("file:line:col: error: …") otherwise.
pub(crate) fn print_diagnostics(diags: &Diagnostics) {
    for d in &diags.0 {
        print_diagnostic(d);
    }
}

/// Prints one diagnostic to stderr.
pub(crate) fn print_diagnostic(d: &Diagnostic) {
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprintln!("{:?}", d.to_report());
    } else {
        eprintln!("{}", d.one_line());
        if let Some(file) = &d.file {
            if let Some((line, col)) = d.line_column() {
                if let Some(text) = file.text.lines().nth(line - 1) {
                    eprintln!("  {line:>4} | {text}");
                    let pad: String = text
                        .chars()
                        .take(col - 1)
                        .map(|c| if is_wide(c) { '　' } else { ' ' })
                        .collect();
                    eprintln!("       | {pad}^ {}", d.label.as_deref().unwrap_or(""));
                }
            }
        }
    }
}

/// Writes one file so it is replaced only when complete (see
/// [`huibao_pipeline::write_files`]).
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
) -> Result<(), huibao_pipeline::WriteError> {
    huibao_pipeline::write_files(&[(path, bytes)])
}

/// Prints a line to stdout; a closed pipe (`huibao schema | head`) is not an error.
pub(crate) fn print_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}
