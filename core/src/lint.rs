//! Lint: things that are allowed but probably wrong. Warnings, never errors.

use crate::diagnostic::Diagnostic;
use crate::ir::{Block, Document};
use crate::load::Loaded;

/// Lints a built document (and its source) for punctuation and number habits.
pub fn lint(loaded: &Loaded, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        for line in block.text_lines() {
            lint_text(&line, &mut out);
        }
        if let Block::Heading(h) = block {
            if h.level <= 2 && h.text.ends_with(['。', '；', '，']) {
                out.push(
                    Diagnostic::warning(format!(
                        "heading \"{}\" ends with punctuation",
                        h.full_text()
                    ))
                    .with_help("headings of levels 1–2 stand without closing punctuation"),
                );
            }
        }
    }
    for ind in &loaded.report.indicators {
        if let Some(p) = &ind.previous {
            if p.get_ref().0 == 0.0 && !crate::indicator::is_percent(&ind.unit) {
                out.push(
                    Diagnostic::warning(format!(
                        "indicator \"{}\" has previous = 0, so no growth rate can be given",
                        ind.name.get_ref()
                    ))
                    .at(&loaded.file, p.span())
                    .with_help("remove `previous` or give last year's real figure"),
                );
            }
        }
    }
    // Lines that are the same warning many times over say nothing new.
    out.dedup_by(|a, b| a.message == b.message);
    out
}

fn lint_text(line: &str, out: &mut Vec<Diagnostic>) {
    let excerpt = |at: usize| -> String {
        line[at.saturating_sub(24).min(at)..]
            .chars()
            .take(16)
            .collect()
    };
    for (pattern, help) in [
        ("（一）、", "write （一） without a following 、"),
        ("（1）、", "write （1） without a following 、"),
    ] {
        if let Some(at) = line.find(pattern) {
            out.push(
                Diagnostic::warning(format!("\"{pattern}\" in \"{}\"", excerpt(at)))
                    .with_help(help),
            );
        }
    }
    let chars: Vec<char> = line.chars().collect();
    for w in chars.windows(3) {
        // Half-width comma or semicolon between Chinese characters.
        if is_cjk(w[0]) && matches!(w[1], ',' | ';' | ':' | '?' | '!' | '(' | ')') && is_cjk(w[2]) {
            let found: String = w.iter().collect();
            out.push(
                Diagnostic::warning(format!(
                    "half-width \"{}\" in Chinese text: \"{found}\"",
                    w[1]
                ))
                .with_help("use full-width punctuation ，；：？！（） in Chinese text"),
            );
            break;
        }
    }
    if line.contains("  ")
        || chars
            .windows(3)
            .any(|w| is_cjk(w[0]) && w[1] == ' ' && is_cjk(w[2]))
    {
        out.push(
            Diagnostic::warning(format!(
                "stray space in \"{}\"",
                chars.iter().take(20).collect::<String>()
            ))
            .with_help("Chinese text has no spaces between characters"),
        );
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}
