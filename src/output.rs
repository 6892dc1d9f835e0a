//! Printing diagnostics and writing output files atomically.

use huibao_core::chars::is_wide;
use huibao_core::{Diagnostic, Diagnostics};
use std::io::Write;
use std::path::Path;

/// Prints diagnostics to stderr: graphical with the source quoted on a terminal,
/// one line each ("file:line:col: error: …") otherwise.
pub fn print_diagnostics(diags: &Diagnostics) {
    for d in &diags.0 {
        print_diagnostic(d);
    }
}

/// Prints one diagnostic to stderr.
pub fn print_diagnostic(d: &Diagnostic) {
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

/// Writes `bytes` to `path` so the file is replaced only when complete: a temporary
/// file in the same directory is written, flushed and renamed over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".huibao-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    set_readable(tmp.as_file(), path)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Gives the new file the permissions of the one it replaces, or rw-r--r--.
#[cfg(unix)]
fn set_readable(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(target)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o644);
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_readable(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Prints a line to stdout; a closed pipe (`huibao schema | head`) is not an error.
pub fn print_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}
