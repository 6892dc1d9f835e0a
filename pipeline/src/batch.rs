//! Many reports in one run: every report prepared, rendered and written on a pool of
//! threads, sharing one [`Session`] (its fonts are read once for all), one report's
//! failure never stopping the others.

use crate::{Diagnostic, Diagnostics, Format, RenderError, RoleReport, Session, WriteError};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a batch cannot start. Nothing was rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// A folder given could not be listed.
    #[error("{}", huibao_i18n::msg!("batch-folder-unreadable", path = .path.display(), reason = huibao_core::io_reason(.source)))]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A path given is neither a report file nor a folder.
    #[error("{}", huibao_i18n::msg!("batch-missing", path = .0.display()))]
    Missing(PathBuf),
    /// A folder given holds no report.
    #[error("{}", huibao_i18n::msg!("batch-empty-folder", path = .0.display()))]
    Empty(PathBuf),
    /// Two reports would write the same files.
    #[error("{}", huibao_i18n::msg!(
        "batch-same-stem",
        first = .first.display(),
        second = .second.display(),
        stem = .stem.as_str()
    ))]
    SameStem {
        /// The name their outputs take (as printed: a name that is not UTF-8 shows
        /// U+FFFD where its bytes are not).
        stem: String,
        /// The first report of that name.
        first: PathBuf,
        /// The second.
        second: PathBuf,
    },
    /// The thread pool could not be started.
    #[error("{}", huibao_i18n::msg!("batch-threads", jobs = *.jobs, reason = .reason.as_str()))]
    Threads {
        /// Threads asked for.
        jobs: usize,
        /// Why.
        reason: String,
    },
}

/// The reports named by `inputs`: each file as given, each folder as the `*.toml`
/// entries directly inside it (sorted by name). An entry named `*.toml` that is not a
/// regular file (a FIFO, a link to a device or to nothing, a folder) is kept, never
/// skipped: reading it fails with the reader's message naming it, reported with the
/// other failures. Two reports whose outputs would take the
/// same name are an error, found before anything is rendered.
pub fn collect_reports(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, BatchError> {
    let mut reports: Vec<PathBuf> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|source| BatchError::Folder {
                path: input.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                })
                .collect();
            if found.is_empty() {
                return Err(BatchError::Empty(input.clone()));
            }
            found.sort();
            reports.extend(found);
        } else if std::fs::symlink_metadata(input).is_ok() {
            // Whatever it is, the reader says why it cannot be read.
            reports.push(input.clone());
        } else {
            return Err(BatchError::Missing(input.clone()));
        }
    }
    let mut seen: Vec<(std::ffi::OsString, &PathBuf)> = Vec::new();
    for report in &reports {
        let stem = crate::output_stem(report);
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == stem) {
            if *first != report {
                return Err(BatchError::SameStem {
                    stem: stem.to_string_lossy().into_owned(),
                    first: (*first).clone(),
                    second: report.clone(),
                });
            }
        }
        seen.push((stem, report));
    }
    let mut unique: Vec<PathBuf> = Vec::with_capacity(reports.len());
    for r in reports {
        if !unique.contains(&r) {
            unique.push(r);
        }
    }
    Ok(unique)
}

/// What a batch renders and where it writes.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BatchOptions {
    /// The formats of every report.
    pub formats: Vec<Format>,
    /// The folder every report's outputs are written to, as `<stem>.<ext>`.
    pub out_dir: PathBuf,
    /// Reports rendered at once; `None`: one per core.
    pub jobs: Option<usize>,
}

impl BatchOptions {
    /// Every report of the batch in `formats`, into `out_dir`, one per core at once.
    pub fn new(formats: Vec<Format>, out_dir: PathBuf) -> BatchOptions {
        BatchOptions {
            formats,
            out_dir,
            jobs: None,
        }
    }
}

/// What became of one report of a batch.
#[derive(Debug)]
#[non_exhaustive]
pub struct ReportOutcome {
    /// The report file.
    pub report: PathBuf,
    /// Lint and follow-up warnings, and the rendering's (a report that failed to load
    /// has none).
    pub warnings: Vec<Diagnostic>,
    /// The files written, or why none were.
    pub result: Result<Written, ReportFailure>,
}

/// A report's outputs, written.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Written {
    /// Each file and its size in bytes, in the order of the formats asked.
    pub files: Vec<(PathBuf, usize)>,
    /// Which font served each role of the PDF (and OFD), when either was rendered.
    pub pdf_fonts: Option<Vec<RoleReport>>,
}

/// Why a report of a batch was not written; the others go on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportFailure {
    /// The report has errors (each a located diagnostic).
    #[error("{0}")]
    Report(Diagnostics),
    /// A format could not be rendered.
    #[error(transparent)]
    Render(Box<RenderError>),
    /// The outputs could not be written (none was).
    #[error(transparent)]
    Write(WriteError),
    /// An internal error (a bug): the report's rendering stopped unexpectedly.
    #[error("{}", huibao_i18n::msg!("batch-panic", report = .report.display(), detail = .message.as_str()))]
    Panic {
        /// The report.
        report: PathBuf,
        /// What the code said.
        message: String,
    },
}

impl ReportFailure {
    /// Whether the fix is in the report (its text, fonts, plugins or input files) rather
    /// than where its outputs go: the same split a single report's render makes (the
    /// program exits 1 for the first, 3 for an output that could not be written, a
    /// backend that failed or an internal error).
    pub fn is_report_error(&self) -> bool {
        match self {
            ReportFailure::Report(_) => true,
            ReportFailure::Render(e) => e.is_report_error(),
            ReportFailure::Write(_) | ReportFailure::Panic { .. } => false,
        }
    }
}

/// How a batch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchSummary {
    /// Reports whose outputs were all written.
    pub rendered: usize,
    /// Reports that failed.
    pub failed: usize,
    /// Wall time of the whole batch.
    pub elapsed: Duration,
}

impl Session {
    /// Prepares, renders and writes every report of `reports` (see [`collect_reports`])
    /// on `options.jobs` threads, the formats of each report side by side, every report
    /// with this session's fonts. Each report's files are written as one set with
    /// [`crate::write_outputs`] as soon as it is rendered, and dropped, so the memory a
    /// batch needs does not grow with the number of reports. `on_done` hears of each
    /// report as it finishes (from any thread, in the order they finish); a failure is
    /// reported there and the batch goes on.
    pub fn render_batch(
        &self,
        reports: &[PathBuf],
        options: &BatchOptions,
        on_done: impl Fn(ReportOutcome) + Sync,
    ) -> Result<BatchSummary, BatchError> {
        let start = Instant::now();
        let jobs = options
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("huibao-batch-{i}"))
            .build()
            .map_err(|e| BatchError::Threads {
                jobs,
                reason: e.to_string(),
            })?;
        let rendered = pool.install(|| {
            reports
                .par_iter()
                // One report per task: a slow report does not hold others back.
                .with_max_len(1)
                .map(|report| {
                    let outcome = self.render_one(report, options);
                    let ok = outcome.result.is_ok();
                    on_done(outcome);
                    usize::from(ok)
                })
                .sum::<usize>()
        });
        Ok(BatchSummary {
            rendered,
            failed: reports.len() - rendered,
            elapsed: start.elapsed(),
        })
    }

    /// One report of a batch, start to finish; a panic is caught and reported as a
    /// failure of this report alone.
    fn render_one(&self, report: &Path, options: &BatchOptions) -> ReportOutcome {
        let run = || -> (Vec<Diagnostic>, Result<Written, ReportFailure>) {
            let prepared = match self.prepare(report) {
                Ok(p) => p,
                Err(d) => return (Vec::new(), Err(ReportFailure::Report(d))),
            };
            let mut warnings = prepared.warnings.clone();
            let result = self
                .render(&prepared, &options.formats)
                .map_err(|e| ReportFailure::Render(Box::new(e)))
                .and_then(|rendered| {
                    warnings.extend(rendered.warnings.iter().cloned());
                    let paths = crate::write_outputs(&options.out_dir, &prepared.stem(), &rendered)
                        .map_err(ReportFailure::Write)?;
                    Ok(Written {
                        files: paths
                            .into_iter()
                            .zip(rendered.outputs.iter().map(|o| o.bytes.len()))
                            .collect(),
                        pdf_fonts: rendered.pdf_fonts,
                    })
                });
            (warnings, result)
        };
        let (warnings, result) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
            .unwrap_or_else(|panic| {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                (
                    Vec::new(),
                    Err(ReportFailure::Panic {
                        report: report.to_path_buf(),
                        message,
                    }),
                )
            });
        ReportOutcome {
            report: report.to_path_buf(),
            warnings,
            result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[summary]\ntext = \"上半年，园区经济运行总体平稳。\"\n";

    #[test]
    fn folders_give_their_reports_sorted_and_same_names_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("districts");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::write(a.join("b-park.toml"), REPORT).unwrap();
        std::fs::write(a.join("a-park.toml"), REPORT).unwrap();
        std::fs::write(a.join("notes.txt"), "不是报告").unwrap();
        let found = collect_reports(std::slice::from_ref(&a)).unwrap();
        assert_eq!(found, vec![a.join("a-park.toml"), a.join("b-park.toml")]);
        // The same file twice is rendered once.
        let twice = collect_reports(&[a.join("a-park.toml"), a.clone()]).unwrap();
        assert_eq!(twice.len(), 2);

        let other = tmp.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("a-park.toml"), REPORT).unwrap();
        match collect_reports(&[a.clone(), other.clone()]) {
            Err(BatchError::SameStem {
                stem,
                first,
                second,
            }) => {
                assert_eq!(stem, "a-park");
                assert_eq!(first, a.join("a-park.toml"));
                assert_eq!(second, other.join("a-park.toml"));
            }
            r => panic!("two a-park reports accepted: {r:?}"),
        }
        let empty = tmp.path().join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        assert!(matches!(
            collect_reports(&[empty]),
            Err(BatchError::Empty(_))
        ));
        assert!(matches!(
            collect_reports(&[tmp.path().join("nowhere.toml")]),
            Err(BatchError::Missing(_))
        ));
    }

    #[test]
    fn a_bad_report_fails_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let good = tmp.path().join("jinchuan.toml");
        let bad = tmp.path().join("broken.toml");
        std::fs::write(&good, REPORT).unwrap();
        std::fs::write(
            &bad,
            "[report]\norganization = \"某园区\"\nperiod = \"2022-H3\"\n",
        )
        .unwrap();
        let out = tmp.path().join("out");
        let session = Session::default();
        let outcomes = std::sync::Mutex::new(Vec::new());
        let mut options = BatchOptions::new(vec![Format::Html, Format::Txt], out.clone());
        options.jobs = Some(2);
        let summary = session
            .render_batch(&[bad.clone(), good.clone()], &options, |o| {
                outcomes.lock().unwrap().push(o)
            })
            .unwrap();
        assert_eq!((summary.rendered, summary.failed), (1, 1));
        let outcomes = outcomes.into_inner().unwrap();
        let failed = outcomes.iter().find(|o| o.report == bad).unwrap();
        match &failed.result {
            Err(ReportFailure::Report(d)) => {
                assert!(d.to_string().contains("broken.toml"), "{d}")
            }
            r => panic!("the broken report: {r:?}"),
        }
        let written = outcomes.iter().find(|o| o.report == good).unwrap();
        let files = &written.result.as_ref().unwrap().files;
        assert_eq!(files[0].0, out.join("jinchuan.html"));
        assert!(std::fs::read_to_string(out.join("jinchuan.txt"))
            .unwrap()
            .contains("上半年，园区经济运行总体平稳。"));
        assert!(!out.join("broken.html").exists());
    }
}
