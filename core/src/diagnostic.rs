//! Diagnostics that point into a source file: file:line:column, the line itself, and a fix.

use huibao_i18n::{msg, Message};
use miette::{NamedSource, SourceSpan};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded source file, kept so diagnostics can quote it: one shared allocation, so a
/// diagnostic (an error that travels by value) stays small and cloning it is cheap.
#[derive(Debug, Clone)]
pub struct SourceFile(Arc<SourceText>);

/// What a [`SourceFile`] holds (read through it: `file.path`, `file.text`).
#[derive(Debug)]
pub struct SourceText {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// The whole text.
    pub text: Arc<str>,
}

impl std::ops::Deref for SourceFile {
    type Target = SourceText;

    fn deref(&self) -> &SourceText {
        &self.0
    }
}

impl SourceFile {
    /// Wraps text read from `path`.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile(Arc::new(SourceText {
            path: path.into(),
            text: text.into(),
        }))
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

impl Severity {
    /// The value the catalogs select the severity's word by (`error`, `warning`).
    fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding about a report, with its place in the source when it has one.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, one sentence: a catalog message, shown in the chosen language.
    pub message: Message,
    /// The file it is in, when known.
    pub file: Option<SourceFile>,
    /// Byte range in the file.
    pub span: Option<Range<usize>>,
    /// A short label drawn under the span.
    pub label: Option<Message>,
    /// How to fix it.
    pub help: Option<Message>,
}

impl Diagnostic {
    /// An error with a message only.
    pub fn error(message: impl Into<Message>) -> Self {
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
    pub fn warning(message: impl Into<Message>) -> Self {
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
    pub fn with_label(mut self, label: impl Into<Message>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a fix suggestion.
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// "path:line:column" when the diagnostic has a place, else the path or nothing (the
    /// same in every language, as editors and terminals read it).
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

    /// The diagnostic as one plain line in the chosen language: "path:3:5: error: message
    /// (help)", "path:3:5: 错误：message（建议：help）".
    pub fn one_line(&self) -> String {
        self.line_message().to_string()
    }

    /// [`Diagnostic::one_line`] as a message, to be shown in any language.
    pub fn line_message(&self) -> Message {
        let severity = self.severity.word();
        let message = self.message.clone();
        let line = match self.location() {
            Some(location) => msg!(
                "diagnostic-line-at",
                location = location,
                severity = severity,
                message = message
            ),
            None => msg!("diagnostic-line", severity = severity, message = message),
        };
        match &self.help {
            Some(help) => msg!("diagnostic-with-help", line = line, help = help.clone()),
            None => line,
        }
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
            miette::LabeledSpan::new_with_span(self.label.as_ref().map(Message::to_string), span),
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
                placed.message = msg!(
                    "diagnostic-placed",
                    place = file.path.display(),
                    message = self.message.clone()
                );
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

/// The diagnostic of a file the reader refused: the message names the file, the help says
/// what to do.
pub fn read_error(e: &crate::input::ReadError) -> Diagnostic {
    Diagnostic::error(e.message()).with_help(e.help())
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Reads a UTF-8 file into a [`SourceFile`] through the one reader ([`crate::input`]),
/// with a diagnostic naming the file on failure: only a regular file of at most the
/// kind's limit is read, a folder, device, pipe or link to one is refused before it is
/// opened.
pub fn read_source(path: &Path, kind: crate::input::Kind) -> Result<SourceFile, Diagnostic> {
    let bytes = crate::input::read(path, kind).map_err(|e| read_error(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let file = SourceFile::new(path, "");
        let offset = e.utf8_error().valid_up_to();
        Diagnostic::error(msg!(
            "error-read-not-utf8",
            path = path.display(),
            offset = offset
        ))
        .at(&file, 0..0)
        .with_help(msg!("error-read-not-utf8-help"))
    })?;
    Ok(SourceFile::new(path, text))
}

/// Why a file could not be read or written, in the chosen language: the common kinds
/// (not found, permission denied …) from the catalog, anything else in the system's words.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    // huibao's own words on the case, already a message: they say it all.
    if let Some(own) = e.get_ref().and_then(|r| r.downcast_ref::<Message>()) {
        return own.clone();
    }
    let reason = match e.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::AlreadyExists => msg!("io-already-exists"),
        ErrorKind::IsADirectory => msg!("io-is-a-folder"),
        ErrorKind::NotADirectory => msg!("io-not-a-folder"),
        ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        ErrorKind::StorageFull => msg!("io-disk-full"),
        ErrorKind::InvalidData => msg!("io-invalid-data"),
        _ => return msg!("io-other", detail = e.to_string()),
    };
    // huibao's own words on the case ("out is a file, not a folder") follow as detail.
    match e.get_ref() {
        Some(own) => msg!("io-with-detail", reason = reason, detail = own.to_string()),
        None => reason,
    }
}
