//! Diagnostics that point into a source file: file:line:column, the line itself, and a fix.

use crate::limits::MAX_REPORT_BYTES;
use miette::{NamedSource, SourceSpan};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded source file, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// The whole text.
    pub text: Arc<str>,
}

impl SourceFile {
    /// Wraps text read from `path`.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Stops the render.
    Error,
    /// A lint finding: printed, the render goes on.
    Warning,
}

/// One finding about a report, with its place in the source when it has one.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, one sentence.
    pub message: String,
    /// The file it is in, when known.
    pub file: Option<SourceFile>,
    /// Byte range in the file.
    pub span: Option<Range<usize>>,
    /// A short label drawn under the span.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a message only.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            span: None,
            label: None,
            help: None,
        }
    }

    /// A warning with a message only.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Points the diagnostic at `span` in `file`.
    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        self.file = Some(file.clone());
        self.span = Some(span);
        self
    }

    /// Adds a label under the span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a fix suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// "path:line:column" when the diagnostic has a place, else the path or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match &self.span {
            Some(span) => {
                let (line, column) = file.line_column(span.start);
                format!("{}:{line}:{column}", file.path.display())
            }
            None => file.path.display().to_string(),
        })
    }

    /// 1-based line and column, when the diagnostic has a place.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        Some(self.file.as_ref()?.line_column(self.span.as_ref()?.start))
    }

    /// The diagnostic as one plain line: "path:3:5: error: message (help)".
    pub fn one_line(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut s = match self.location() {
            Some(loc) => format!("{loc}: {severity}: {}", self.message),
            None => format!("{severity}: {}", self.message),
        };
        if let Some(help) = &self.help {
            s.push_str(&format!(" ({help})"));
        }
        s
    }
}

impl miette::Diagnostic for Diagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.span.as_ref()?;
        self.file
            .as_ref()
            .map(|f| &f.text as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        let span = SourceSpan::from(span.start..span.end.max(span.start));
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(self.label.clone(), span),
        )))
    }
}

impl Diagnostic {
    /// A miette report that quotes the source with its file name (for pretty printing).
    ///
    /// A place without source text (a spreadsheet cell, `stats.xlsx!Sheet1!C7`) is put
    /// before the message, as there is no text to quote.
    pub fn to_report(&self) -> miette::Report {
        match &self.file {
            Some(file) if self.span.is_some() => miette::Report::new(self.clone())
                .with_source_code(
                    NamedSource::new(file.path.display().to_string(), file.text.clone())
                        .with_language("toml"),
                ),
            Some(file) => {
                let mut placed = self.clone();
                placed.message = format!("{}: {}", file.path.display(), self.message);
                miette::Report::new(placed)
            }
            None => miette::Report::new(self.clone()),
        }
    }

    /// Places the diagnostic at a spot that has no text to quote, such as a spreadsheet
    /// cell: `place` ("stats.xlsx!Sheet1!C7") then stands where "file:line:column" would.
    pub fn at_place(mut self, place: impl Into<PathBuf>) -> Self {
        self.file = Some(SourceFile::new(place, ""));
        self.span = None;
        self
    }
}

/// One or more diagnostics; the error type of loading and building.
#[derive(Debug, Clone, Default, thiserror::Error)]
#[error("{}", .0.iter().map(Diagnostic::one_line).collect::<Vec<_>>().join("\n"))]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Reads a UTF-8 file into a [`SourceFile`], with a diagnostic naming the file on failure.
///
/// Only a regular file is read (a folder, device, pipe or socket is refused before it is
/// opened, so nothing blocks), and at most [`MAX_REPORT_BYTES`] of it: the reader stops
/// one byte past the limit, whatever the file claims its size is.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Diagnostic::error(format!("cannot read {}: {e}", path.display()))
            .with_help("check the path and that the file is readable")
    };
    let kind = std::fs::metadata(path).map_err(cannot)?.file_type();
    if kind.is_dir() {
        return Err(
            Diagnostic::error(format!("{} is a folder, not a file", path.display()))
                .with_help("name the report's .toml file"),
        );
    }
    if !kind.is_file() {
        return Err(Diagnostic::error(format!(
            "{} is not a regular file (it is a device, pipe or socket)",
            path.display()
        ))
        .with_help("save the text to a file and name that file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_REPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(Diagnostic::error(format!(
            "{} is larger than {} MiB, the most huibao reads",
            path.display(),
            MAX_REPORT_BYTES >> 20
        ))
        .with_help("check that this is the report; a report is text and stays far below this (put long material in attachments of their own)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let file = SourceFile::new(path, "");
        let offset = e.utf8_error().valid_up_to();
        Diagnostic::error(format!(
            "{} is not UTF-8 (invalid byte at offset {offset})",
            path.display()
        ))
        .at(&file, 0..0)
        .with_help("save the file as UTF-8 (in WPS/Notepad: 另存为 → 编码 UTF-8)")
    })?;
    Ok(SourceFile::new(path, text))
}
