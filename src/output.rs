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

/// Characters of a source line shown before and after the column an error points at;
/// a longer line (a whole paragraph on one line) is shown as an excerpt.
const CONTEXT_BEFORE: usize = 30;
const CONTEXT_AFTER: usize = 50;

/// Prints one diagnostic to stderr.
pub(crate) fn print_diagnostic(d: &Diagnostic) {
    let quoted = d
        .file
        .as_ref()
        .zip(d.line_column())
        .and_then(|(file, (line, col))| Some((line, col, file.text.lines().nth(line - 1)?)));
    let long_line =
        quoted.is_some_and(|(_, _, text)| text.chars().count() > CONTEXT_BEFORE + CONTEXT_AFTER);
    // miette's graphical frame has English words of its own ("help:"): Chinese is shown
    // in the plain frame below, which quotes the line the same way.
    let english = huibao_i18n::language() == huibao_i18n::Lang::En;
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) && !long_line && english {
        eprintln!("{:?}", d.to_report());
        return;
    }
    eprintln!("{}", d.one_line());
    if let Some((line, col, text)) = quoted {
        let (excerpt, caret) = excerpt(text, col - 1);
        eprintln!("  {line:>4} | {excerpt}");
        let pad: String = excerpt
            .chars()
            .take(caret)
            .map(|c| if is_wide(c) { '　' } else { ' ' })
            .collect();
        eprintln!(
            "       | {pad}^ {}",
            d.label
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        );
    }
}

/// The part of `line` around character `at`, with "…" where it was cut, and the position
/// of `at` in it.
fn excerpt(line: &str, at: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let from = at.saturating_sub(CONTEXT_BEFORE);
    let to = (at + CONTEXT_AFTER).min(chars.len());
    let mut out = String::new();
    let mut caret = at - from;
    if from > 0 {
        out.push('…');
        caret += 1;
    }
    out.extend(&chars[from..to.max(from)]);
    if to < chars.len() {
        out.push('…');
    }
    (out, caret)
}

/// Writes one file so it is replaced only when complete (see
/// [`huibao_pipeline::write_files`]).
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
) -> Result<(), huibao_pipeline::WriteError> {
    huibao_pipeline::write_files(&[(path, bytes)])
}

/// Checks that standard output is not a file this run read (`huibao indicators s.csv >
/// s.csv`: the shell emptied it before huibao ran, and what is printed would replace it);
/// `Err` holds the exit code after the message.
pub(crate) fn stdout_is_no_input() -> Result<(), u8> {
    match huibao_core::input::input_clash(Path::new("/dev/stdout")) {
        Some(clash) if cfg!(unix) => {
            eprintln!(
                "{}",
                huibao_i18n::t!(
                    "cli-stdout-is-input",
                    what = clash.kind.what(),
                    path = clash.input.display()
                )
            );
            eprintln!("  {}", huibao_i18n::t!("cli-stdout-is-input-help"));
            Err(crate::exit::OUTPUT_ERROR)
        }
        _ => Ok(()),
    }
}

/// Prints a line to stdout; a closed pipe (`huibao schema | head`) is not an error.
pub(crate) fn print_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_lines_are_shown_whole_and_long_ones_around_the_column() {
        assert_eq!(
            excerpt("text = \"园区\"", 7),
            ("text = \"园区\"".to_string(), 7)
        );
        let long = format!("text = \"{}错{}\"", "甲".repeat(1000), "乙".repeat(1000));
        let (shown, caret) = excerpt(&long, 1008);
        assert_eq!(shown.chars().nth(caret), Some('错'));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.chars().count() <= 2 + 30 + 50);
    }
}
