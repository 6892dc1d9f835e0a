//! huibao-pipeline: the one way from a report to its documents — load, read the statistics
//! spreadsheet `[indicators] from` names, carry last period forward, resolve, expand plugin
//! sections, build, lint ([`Session::prepare`]), render
//! ([`Session::render`]) and write the set of files ([`write_outputs`]).
//!
//! The command-line program, the tests and the batch and watch modes are thin callers of
//! this crate; none of them chains the stages itself.
//!
//! ```no_run
//! use huibao_pipeline::{write_outputs, Format, Options, Session};
//! use std::path::Path;
//!
//! let session = Session::new(Options::default());
//! let prepared = session.prepare(Path::new("examples/park-2022h1.toml"))?;
//! for warning in &prepared.warnings {
//!     eprintln!("{}", warning.one_line());
//! }
//! let rendered = session.render(&prepared, &[Format::Docx, Format::Pdf, Format::Html])?;
//! write_outputs(Path::new("out"), &prepared.stem(), &rendered)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod batch;
mod render;
mod write;

pub use batch::{
    collect_reports, BatchError, BatchOptions, BatchSummary, ReportFailure, ReportOutcome, Written,
};
pub use render::{BackendError, Format, Output, RenderError, Rendered};
pub use write::{abandon_writes, output_stem, write_files, write_outputs, WriteError};

pub use huibao_core::{Diagnostic, Diagnostics, Document, Loaded, Resolved, SourceFile, Style};
pub use huibao_layout::{FontLibrary, Origin as FontOrigin, RoleReport, SkippedFont};
pub use huibao_pdf::Conformance as PdfConformance;

use huibao_core::Severity;
use huibao_host::SearchPath;
use std::path::{Path, PathBuf};

/// What a run of the pipeline is told from outside the report.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Plugin directories searched first (`--plugin-dir`); the report's `[plugins] paths`,
    /// `HUIBAO_PLUGIN_PATH` and the program's own folder follow.
    pub plugin_dirs: Vec<PathBuf>,
    /// Last period's report (`--previous`, relative to the working directory). It wins
    /// over `previous = "…"` in `[report]`; with neither, nothing is carried forward.
    pub previous: Option<PathBuf>,
    /// Extra font directories for the PDF (`--font-dir`, `HUIBAO_FONT_DIR`); their fonts
    /// are preferred like installed ones.
    pub font_dirs: Vec<PathBuf>,
    /// Look up installed fonts for the PDF. Off (`--no-system-fonts`): only the bundled
    /// fonts and `font_dirs`.
    pub system_fonts: bool,
    /// The creation time written into the PDF, in seconds since the Unix epoch; `None`
    /// is the moment of rendering. Set it (the program reads `SOURCE_DATE_EPOCH`) for
    /// byte-identical output from identical input.
    pub created: Option<i64>,
    /// The PDF/A level of the PDF (`--pdf-a`); it wins over the report's `[output]
    /// pdf_a`. With neither: tagged PDF/A-2a and PDF/UA-1.
    pub pdf_conformance: Option<PdfConformance>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            plugin_dirs: Vec::new(),
            previous: None,
            font_dirs: Vec::new(),
            system_fonts: true,
            created: None,
            pdf_conformance: None,
        }
    }
}

/// One run's shared state: the options, and what every report of the run can reuse.
///
/// The fonts are found once per session, each font file is mapped into memory once
/// and each face's glyphs are looked up once, for all its reports (a
/// [`huibao_layout::FontLibrary`]). Native plugin libraries, once loaded, stay loaded for
/// the life of the process (see `huibao_host`), so a session preparing many
/// reports loads each library once. A session is `Send + Sync` and cheap to clone (the
/// clones share the fonts): a batch prepares and renders reports on several threads.
///
/// The pictures of a DOCX's charts are drawn with the bundled fonts alone (a library
/// of their own, found once per session too): no installed font is looked for.
#[derive(Debug, Clone)]
pub struct Session {
    options: Options,
    fonts: huibao_layout::FontLibrary,
    /// The bundled fonts alone, for the DOCX's chart pictures.
    bundled: huibao_layout::FontLibrary,
}

impl Default for Session {
    fn default() -> Self {
        Session::new(Options::default())
    }
}

/// A report that loaded, resolved, expanded and built: everything a backend or a reader
/// of the report needs, and the warnings found on the way.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Prepared {
    /// The report as loaded (its spreadsheet's figures read, last period's carried
    /// forward) and its style.
    pub loaded: Loaded,
    /// Its figures, title, period phrases and organization.
    pub resolved: Resolved,
    /// The document tree every backend draws.
    pub document: Document,
    /// Findings in the indicators' spreadsheet, plan items of last period nobody reported
    /// on, and lint findings, in that order.
    pub warnings: Vec<Diagnostic>,
}

impl Prepared {
    /// The resolved style (preset plus the report's `[style]`).
    pub fn style(&self) -> &Style {
        &self.loaded.style
    }

    /// The name outputs take: the report file's name without extension, or "report" —
    /// as the file system spells it, so a name that is not UTF-8 (a GBK name on a Linux
    /// disk) is kept byte for byte (see [`output_stem`]).
    pub fn stem(&self) -> std::ffi::OsString {
        output_stem(&self.loaded.file.path)
    }

    /// How many of the warnings are warnings proper (what `--deny-warnings` denies).
    pub fn warning_count(&self) -> usize {
        self.warnings
            .iter()
            .filter(|w| w.severity == Severity::Warning)
            .count()
    }
}

impl Session {
    /// A session with these options.
    pub fn new(options: Options) -> Self {
        let mut fonts = huibao_layout::FontOptions::default();
        fonts.font_dirs = options.font_dirs.clone();
        fonts.system_fonts = options.system_fonts;
        let mut bundled = huibao_layout::FontOptions::default();
        bundled.system_fonts = false;
        Session {
            fonts: huibao_layout::FontLibrary::new(&fonts),
            bundled: huibao_layout::FontLibrary::new(&bundled),
            options,
        }
    }

    /// The options the session was made with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Reads the report at `path` and prepares it (see [`Session::prepare_source`]).
    /// Errors are located diagnostics (file:line:column and a fix), a file that cannot
    /// be read included.
    pub fn prepare(&self, path: &Path) -> Result<Prepared, Diagnostics> {
        self.prepare_loaded(huibao_core::load(path)?)
    }

    /// Reads and checks a report, then reads the statistics spreadsheet its
    /// `[indicators] from` names (see [`huibao_sheets::read_into`]): the first stage of
    /// [`Session::prepare`], returning the sheet's warnings beside the report.
    pub fn load(&self, path: &Path) -> Result<(Loaded, Vec<Diagnostic>), Diagnostics> {
        self.load_as(path, huibao_core::input::Kind::Report)
    }

    /// [`Session::load`] of a file read as `kind` (last period's report has its own limit).
    fn load_as(
        &self,
        path: &Path,
        kind: huibao_core::input::Kind,
    ) -> Result<(Loaded, Vec<Diagnostic>), Diagnostics> {
        let mut loaded = huibao_core::load_as(path, kind)?;
        let warnings = huibao_sheets::read_into(&mut loaded)?;
        Ok((loaded, warnings))
    }

    /// Prepares report text already in memory (an editor buffer, a test): load and check,
    /// read the indicators' spreadsheet, carry last period forward, resolve, expand plugin
    /// sections, build, lint. The file's path names the report in diagnostics and places
    /// what the report names relative to itself (`previous`, `[plugins] paths`,
    /// `[indicators] from`).
    pub fn prepare_source(&self, file: SourceFile) -> Result<Prepared, Diagnostics> {
        self.prepare_loaded(huibao_core::load_source(file)?)
    }

    fn prepare_loaded(&self, mut loaded: Loaded) -> Result<Prepared, Diagnostics> {
        let mut warnings = huibao_sheets::read_into(&mut loaded)?;
        // Last period's report is completed the same way: its figures may be in a sheet too.
        warnings.extend(huibao_core::carry_forward_with(
            &mut loaded,
            self.options.previous.as_deref(),
            |path| {
                self.load_as(path, huibao_core::input::Kind::PreviousReport)
                    .map(|(last, _)| last)
            },
        )?);
        let resolved = huibao_core::resolve(&loaded);
        let search = self.plugin_search_path(Some(&loaded));
        let sections = huibao_host::expand(&loaded, &resolved, &search)?;
        let document = huibao_core::build(&loaded, &resolved, &sections)?;
        warnings.extend(huibao_core::lint(&loaded, &document));
        Ok(Prepared {
            loaded,
            resolved,
            document,
            warnings,
        })
    }

    /// Where plugins are looked for, in order: the session's `plugin_dirs`, the report's
    /// `[plugins] paths` (when a report is given), `HUIBAO_PLUGIN_PATH`, the program's
    /// folder.
    pub fn plugin_search_path(&self, report: Option<&Loaded>) -> SearchPath {
        SearchPath::standard(&self.options.plugin_dirs, report)
    }

    /// The files a render of the report at `path` reads, as far as the report names
    /// them: the report, the spreadsheet of `[indicators] from`, last period's report
    /// (`--previous` or `previous = "…"`), and each plugin of `[[sections]]` (a template
    /// plugin's folder, a native plugin's library). A report that does not load names
    /// only itself. The live preview watches these.
    pub fn inputs(&self, path: &Path) -> Vec<PathBuf> {
        let mut out = vec![path.to_path_buf()];
        let Ok(loaded) = huibao_core::load(path) else {
            return out;
        };
        let base = path.parent().unwrap_or(Path::new(""));
        if let Some(sheet) = &loaded.report.indicators.sheet {
            out.push(base.join(sheet.from.get_ref().trim()));
        }
        match (&self.options.previous, &loaded.report.report.previous) {
            (Some(p), _) => out.push(p.clone()),
            (None, Some(p)) => out.push(base.join(p.get_ref())),
            (None, None) => {}
        }
        let search = self.plugin_search_path(Some(&loaded));
        for section in &loaded.report.sections {
            if let Some(found) = search.find(section.plugin.get_ref()) {
                out.push(found.path);
            }
        }
        out.dedup();
        out
    }

    /// Which font serves each role of `style` in the PDF and the OFD, and where it was
    /// found (what a layout with this session's fonts uses; a document laid out says the
    /// same in `Pages::roles`).
    pub fn pdf_fonts(&self, style: &Style) -> Result<Vec<RoleReport>, huibao_layout::Error> {
        self.fonts.fonts_for(style)
    }

    /// The fonts of the session, shared by its reports.
    pub fn fonts(&self) -> &huibao_layout::FontLibrary {
        &self.fonts
    }

    /// The PDF writer's options for `report`: the session's creation time, and the
    /// PDF/A level the session asks for, else the report's `[output] pdf_a`.
    fn pdf_options(&self, report: &huibao_core::model::Report) -> huibao_pdf::PdfOptions {
        use huibao_core::model::PdfA;
        let mut pdf = huibao_pdf::PdfOptions::default();
        pdf.created = self.options.created;
        pdf.conformance = self
            .options
            .pdf_conformance
            .unwrap_or(match report.output.pdf_a {
                Some(PdfA::A2b) => PdfConformance::A2b,
                Some(PdfA::A2a) | None => PdfConformance::A2a,
            });
        pdf
    }

    /// The OFD writer's options: the session's creation time.
    fn ofd_options(&self) -> huibao_ofd::OfdOptions {
        let mut ofd = huibao_ofd::OfdOptions::default();
        ofd.created = self.options.created;
        ofd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared_across_threads<T: Send + Sync>() {}

    #[test]
    fn session_and_its_results_can_cross_threads() {
        shared_across_threads::<Session>();
        shared_across_threads::<Prepared>();
        shared_across_threads::<Rendered>();
        shared_across_threads::<Diagnostics>();
        shared_across_threads::<RenderError>();
    }

    #[test]
    fn the_stem_is_the_report_file_name() {
        let text = "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n";
        let session = Session::default();
        let p = session
            .prepare_source(SourceFile::new("reports/jinchuan-2022h1.toml", text))
            .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(p.stem(), "jinchuan-2022h1");
        let p = session
            .prepare_source(SourceFile::new("", text))
            .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(p.stem(), "report");
    }
}
