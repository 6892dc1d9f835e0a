//! huibao-import: last period's report, as the file it is kept in (.txt, .docx, .doc or
//! .wps, .pdf, .html or .mhtml, .odt, .ofd), to a report TOML that `huibao check` accepts
//! and that renders back to the same text.
//!
//! The kind of file is decided by its content (`kind`), whatever its name; each format's
//! reader (`docx`, `doc`, `pdf` and `ofd` through `positioned`, `html`, `odt`) gives the
//! source's blocks. The flow is decode (or read the file) → `clean` (clutter found by `boilerplate`, lines
//! joined by `pages`) → `frame` (title, signature …) → `outline` → `draft` (parts) →
//! `evidence` (the period) → `figures` → `write`, then the TOML is loaded with
//! `huibao_core::load_source` to prove it is a valid report.

mod boilerplate;
mod clean;
mod decode;
mod doc;
mod docx;
mod draft;
mod evidence;
mod fault;
mod figures;
mod frame;
mod html;
mod kind;
mod marker;
mod meta;
mod odt;
mod ofd;
mod outline;
mod pages;
mod pdf;
mod positioned;
mod source;
mod why;
mod words;
mod write;

pub use clean::Removed;
pub use decode::TextEncoding;
pub use draft::{Body, ItemDraft, PartDraft, Role};
pub use figures::Masked;
pub use frame::{AttachmentDraft, Head, Tail, Ymd};
pub use meta::Found;

use huibao_core::Period;
use huibao_i18n::{msg, Message};
use source::Block;
use std::path::Path;

/// Why a source could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read: missing, not a regular file (a folder, a device, a
    /// FIFO, a link to one), or over its limit ([`huibao_core::input`]).
    #[error("{}", self.message())]
    Read(huibao_core::input::ReadError),
    /// The file has no text.
    #[error("{}", self.message())]
    Empty(String),
    /// The file is not text (nor a DOCX).
    #[error("{}", self.message())]
    NotText {
        /// The path as given.
        path: String,
        /// What marks it as binary.
        why: Message,
    },
    /// The DOCX is damaged or not a Word document.
    #[error("{}", self.message())]
    Docx {
        /// The path as given.
        path: String,
        /// What could not be read.
        why: Message,
    },
    /// The DOCX has no paragraphs with text.
    #[error("{}", self.message())]
    NoParagraphs(String),
    /// The file is over a limit: a part unpacks too large or nests too deep (a zip bomb),
    /// too many pages or characters.
    #[error("{}", self.message())]
    TooLarge {
        /// The path as given.
        path: String,
        /// Which limit was passed.
        why: Message,
    },
    /// The file is in a format huibao does not import (a spreadsheet, a presentation, an
    /// image, a password-protected document).
    #[error("{}", self.message())]
    Unsupported {
        /// The path as given.
        path: String,
        /// What the file is.
        what: Message,
    },
    /// The file is protected by a password.
    #[error("{}", self.message())]
    Protected {
        /// The path as given.
        path: String,
        /// What the file is: "a PDF", "a Word document".
        what: Message,
    },
    /// A .doc, .pdf, .html, .odt or .ofd that could not be read.
    #[error("{}", self.message())]
    Damaged {
        /// The path as given.
        path: String,
        /// The format its content says it is: Word 97–2003, PDF …
        format: Message,
        /// What could not be read.
        why: Message,
    },
    /// A PDF without a text layer: a scan (扫描件).
    #[error("{}", self.message())]
    Scanned {
        /// The path as given.
        path: String,
        /// How many pages it has.
        pages: usize,
    },
}

/// The formats `import` reads, for messages.
pub const FORMATS_READ: &str = ".txt (UTF-8, UTF-16, GBK), .docx, .doc, .wps, .pdf with a text layer, .html, .htm, .mhtml, .odt and .ofd";

impl ImportError {
    /// What went wrong, in the chosen language. What a format's reader found wrong inside
    /// a damaged or oversized file (often a library's words) follows as its detail.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Read(e) => e.message(),
            ImportError::Empty(path) => msg!("import-error-empty", path = path),
            ImportError::NotText { path, why } => {
                msg!("import-error-not-text", path = path, why = why.clone())
            }
            ImportError::Docx { path, why } => {
                msg!("import-error-docx", path = path, reason = why.clone())
            }
            ImportError::NoParagraphs(path) => msg!("import-error-no-paragraphs", path = path),
            ImportError::TooLarge { path, why } => {
                msg!("import-error-too-large", path = path, reason = why.clone())
            }
            ImportError::Unsupported { path, what } => {
                msg!("import-error-unsupported", path = path, what = what.clone())
            }
            ImportError::Protected { path, what } => {
                msg!("import-error-protected", path = path, what = what.clone())
            }
            ImportError::Damaged { path, format, why } => msg!(
                "import-error-damaged",
                path = path,
                format = format.clone(),
                reason = why.clone()
            ),
            ImportError::Scanned { path, pages } => {
                msg!("import-error-scanned", path = path, pages = *pages)
            }
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> Message {
        match self {
            ImportError::Read(e) => e.help(),
            ImportError::Empty(_) => msg!("import-help-empty"),
            ImportError::NotText { .. } | ImportError::Unsupported { .. } => {
                msg!("import-help-unsupported")
            }
            ImportError::Protected { .. } => msg!("import-help-protected"),
            ImportError::Damaged { .. } => msg!("import-help-damaged"),
            ImportError::Scanned { .. } => msg!("import-help-scanned"),
            ImportError::Docx { .. } => msg!("import-help-docx"),
            ImportError::NoParagraphs(_) => msg!("import-help-no-paragraphs"),
            ImportError::TooLarge { .. } => msg!("import-help-too-large"),
        }
    }
}

/// One indicator as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDraft {
    /// The indicator's name as written: 营业收入.
    pub name: String,
    /// This period's value.
    pub value: f64,
    /// Its unit as written: 亿元, %.
    pub unit: String,
    /// The same period last year, when the source gives it.
    pub previous: Option<f64>,
    /// The annual target, when the source gives it.
    pub target: Option<f64>,
    /// Decimals to print, when the source wrote trailing zeros ("5.00" → 2).
    pub decimals: Option<u8>,
    /// Where it was found.
    pub comment: Option<Message>,
}

/// An attachment as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentOut {
    /// The attachment's title, without "附件N".
    pub title: String,
    /// Listed in the source's note but not in the source.
    pub listed_only: bool,
    /// Its paragraphs, in order.
    pub paras: Vec<String>,
    /// Its table, rows of cell text (the first row is the header).
    pub table: Option<Vec<Vec<String>>>,
    /// Its table was the indicator table, written as `indicator_table = true`.
    pub indicator_table: bool,
}

/// Everything recognised in a source, ready to write.
#[derive(Debug)]
pub struct Draft {
    /// The source's file name, for the header comment.
    pub source_name: String,
    /// The reporting organization.
    pub organization: Found<String>,
    /// The period reported on.
    pub period: Found<Period>,
    /// The date of writing (成文日期).
    pub date: Found<Ymd>,
    /// What stands above the body: title, red header, addressee.
    pub head: Head,
    /// The opening and the parts.
    pub body: Body,
    /// What stands below the body: signature, date, 附注, attachments, 版记.
    pub tail: Tail,
    /// Figures read from the text and tables.
    pub indicators: Vec<IndicatorDraft>,
    /// Figures and names masked in the source, kept as text.
    pub masked: Vec<figures::Masked>,
    /// The attachments, in order.
    pub attachments: Vec<AttachmentOut>,
    /// The indicator table stood after the opening.
    pub indicator_table_in_summary: bool,
    /// Lines dropped as clutter.
    pub removed: Vec<clean::Removed>,
    /// `previous = "…"` for `[report]`.
    pub previous: Option<String>,
    /// What the importer was unsure of.
    pub doubts: Vec<Message>,
    /// Counts for the summary.
    pub stats: Stats,
}

/// Counts of what cleaning did.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Half-width punctuation marks made full-width (and full-width digits made half-width).
    pub punctuation_fixed: usize,
    /// Page numbers cut out of lines.
    pub page_markers: usize,
    /// Control and bidirectional formatting characters removed (a report may not hold
    /// them).
    pub forbidden_removed: usize,
    /// Lines joined back into the paragraph or page they were cut from.
    pub lines_joined: usize,
    /// Headings split off the end of a sentence.
    pub glued_headings: usize,
    /// The title was glued to the first sentence and split off.
    pub title_split: bool,
    /// The text file's encoding; `None` for a DOCX.
    pub encoding: Option<decode::TextEncoding>,
    /// Automatic list numbers of the DOCX (or .doc) written out as text.
    pub docx_numbers: usize,
    /// The file's content is another format than its name says: (named, read as).
    pub read_as: Option<(SourceKind, SourceKind)>,
    /// The format the file was read as.
    pub kind: Option<SourceKind>,
    /// Page numbers, running headers and footers of a PDF or OFD removed by position.
    pub running_removed: usize,
    /// Chinese characters in the source as read (clutter included).
    pub han_source: usize,
    /// Of those, how many the report TOML's text has (comments left out).
    pub han_kept: usize,
}

impl Stats {
    /// The share of the source's Chinese characters that reached the report TOML's
    /// text (1 for a source without any).
    pub fn han_share(&self) -> f64 {
        if self.han_source == 0 {
            1.0
        } else {
            self.han_kept as f64 / self.han_source as f64
        }
    }
}

/// The result of an import.
#[derive(Debug)]
pub struct Imported {
    /// The report TOML.
    pub toml: String,
    /// What was recognised.
    pub draft: Draft,
}

/// The kind of source: what its name says (`SourceKind::of`), then what its content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text, UTF-8, UTF-16 or GB18030.
    Text,
    /// A Word document (.docx).
    Docx,
    /// A Word 97–2003 document (.doc) or a WPS 文字 document (.wps).
    Doc,
    /// A PDF, read through its text layer.
    Pdf,
    /// A web page (.html, .htm) or web archive (.mhtml, .mht).
    Html,
    /// An OpenDocument text (.odt).
    Odt,
    /// An OFD (GB/T 33190) document.
    Ofd,
}

impl SourceKind {
    /// The kind by the file's extension; anything not named otherwise is text.
    pub fn of(path: &Path) -> SourceKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "docx" | "docm" => SourceKind::Docx,
            "doc" | "wps" | "dot" => SourceKind::Doc,
            "pdf" => SourceKind::Pdf,
            "html" | "htm" | "xhtml" | "mhtml" | "mht" => SourceKind::Html,
            "odt" => SourceKind::Odt,
            "ofd" => SourceKind::Ofd,
            _ => SourceKind::Text,
        }
    }

    /// The kind's name for messages: "a Word document (.docx)".
    pub fn name(self) -> Message {
        match self {
            SourceKind::Text => msg!("import-kind-text"),
            SourceKind::Docx => msg!("import-kind-docx"),
            SourceKind::Doc => msg!("import-kind-doc"),
            SourceKind::Pdf => msg!("import-kind-pdf"),
            SourceKind::Html => msg!("import-kind-html"),
            SourceKind::Odt => msg!("import-kind-odt"),
            SourceKind::Ofd => msg!("import-kind-ofd"),
        }
    }
}

/// Imports the file at `path`.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    // The one reader: a regular file within the limit of its kind (a document may be
    // larger than a text, whose TOML must stay below the report limit).
    let kind = match SourceKind::of(path) {
        SourceKind::Text => huibao_core::input::Kind::ImportText,
        _ => huibao_core::input::Kind::ImportDocx,
    };
    let bytes = huibao_core::input::read(path, kind).map_err(ImportError::Read)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    import_bytes(
        &path.display().to_string(),
        &name,
        &bytes,
        SourceKind::of(path),
    )
}

/// Imports a source held in memory; `path` names it in messages, `name` in the TOML.
/// `kind` is what its name says; the content decides (see [`Stats::read_as`]).
pub fn import_bytes(
    path: &str,
    name: &str,
    bytes: &[u8],
    kind: SourceKind,
) -> Result<Imported, ImportError> {
    // The reader's limits hold for bytes that came another way too.
    let (limit, limit_name) = match kind {
        SourceKind::Text => (
            huibao_core::limits::MAX_IMPORT_TEXT_BYTES,
            "MAX_IMPORT_TEXT_BYTES",
        ),
        _ => (
            huibao_core::limits::MAX_IMPORT_DOCX_BYTES,
            "MAX_IMPORT_DOCX_BYTES",
        ),
    };
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            path: path.into(),
            why: msg!(
                "import-read-file-size",
                size = bytes.len(),
                mib = limit >> 20,
                limit = limit_name
            ),
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty(path.into()));
    }
    let found = kind::sniff(bytes, kind).map_err(|what| ImportError::Unsupported {
        path: path.into(),
        what,
    })?;
    let mut stats = Stats {
        kind: Some(found),
        read_as: (found != kind).then_some((kind, found)),
        ..Stats::default()
    };
    let read = kind::read(path, bytes, found, &mut stats)?;
    let mut source = HanCount::default();
    for b in &read.blocks {
        match b {
            Block::Para(p) => source.add(&p.text),
            Block::Table(rows) => rows.iter().flatten().for_each(|c| source.add(c)),
        }
    }
    read.removed.iter().for_each(|r| source.add(&r.text));
    stats.han_source = source.total();
    let mut draft = recognise(name, read.blocks, stats);
    draft.removed.splice(0..0, read.removed);
    let toml = write::report(&draft);
    let mut kept = HanCount::default();
    kept.add(&write::without_comments(&toml));
    draft.stats.han_kept = source.common(&kept);
    Ok(Imported { toml, draft })
}

/// Chinese characters counted one by one.
#[derive(Default)]
struct HanCount(std::collections::HashMap<char, usize>);

impl HanCount {
    fn add(&mut self, s: &str) {
        for c in s.chars().filter(|&c| huibao_core::chars::is_han(c)) {
            *self.0.entry(c).or_default() += 1;
        }
    }

    fn total(&self) -> usize {
        self.0.values().sum()
    }

    /// How many characters both have: each character as often as the one with fewer.
    fn common(&self, other: &HanCount) -> usize {
        self.0
            .iter()
            .map(|(c, n)| (*n).min(other.0.get(c).copied().unwrap_or(0)))
            .sum()
    }
}

/// Recognises a report in source blocks.
pub(crate) fn recognise(name: &str, blocks: Vec<Block>, mut stats: Stats) -> Draft {
    let cleaned = clean::clean(blocks);
    stats.punctuation_fixed = cleaned.punctuation_fixed;
    stats.page_markers = cleaned.page_markers;
    stats.forbidden_removed = cleaned.forbidden_removed;
    stats.lines_joined = cleaned.lines_joined;
    let mut removed = cleaned.removed;
    let reading_slips = cleaned.doubts;
    let (body_blocks, tail) = frame::split_tail(cleaned.blocks);
    let (head, body_blocks) = frame::split_head(body_blocks, &mut removed);
    stats.title_split = head.title_split;
    let outline = outline::parse(body_blocks);
    stats.glued_headings = outline.glued_split;
    let body = draft::assemble(outline);
    let mut d = Draft {
        source_name: name.to_string(),
        organization: Found {
            value: String::new(),
            source: Message::empty(),
            sure: false,
        },
        period: Found {
            value: Period::Year(meta::this_year()),
            source: Message::empty(),
            sure: false,
        },
        date: Found {
            value: Ymd(meta::this_year(), 1, 1),
            source: Message::empty(),
            sure: false,
        },
        head,
        body,
        tail,
        indicators: Vec::new(),
        masked: Vec::new(),
        attachments: Vec::new(),
        indicator_table_in_summary: false,
        removed,
        previous: None,
        doubts: Vec::new(),
        stats,
    };
    d.doubts.append(&mut d.body.doubts);
    d.doubts.extend(reading_slips);
    find_period(&mut d);
    find_organization(&mut d);
    find_date(&mut d);
    take_tables(&mut d);
    find_figures(&mut d);
    if d.body.parts.is_empty() {
        d.doubts.push(msg!("import-doubt-no-parts"));
    }
    d
}

fn find_period(d: &mut Draft) {
    fn texts<'a>(items: &'a [draft::ItemDraft], out: &mut Vec<&'a str>) {
        for i in items {
            out.extend(i.paras.iter().map(String::as_str));
            texts(&i.items, out);
        }
    }
    let mut plan_text = Vec::new();
    let mut other_text = Vec::new();
    for part in &d.body.parts {
        let out = if part.role == draft::Role::Plan {
            &mut plan_text
        } else {
            &mut other_text
        };
        out.extend(part.lead.iter().map(String::as_str));
        texts(&part.items, out);
    }
    let opening: Vec<&str> = if d.body.summary.is_empty() {
        d.body
            .parts
            .first()
            .map(|p| p.lead.iter().map(String::as_str).collect())
            .unwrap_or_default()
    } else {
        d.body.summary.iter().map(String::as_str).collect()
    };
    let sources = evidence::Sources {
        title: d.head.title.as_deref(),
        opening,
        parts: d
            .body
            .parts
            .iter()
            .filter_map(|p| Some((p.role, p.title.as_deref()?)))
            .collect(),
        plan_text,
        other_text,
        signed: d.tail.date.map(|Ymd(y, m, _)| (y, m)).or_else(|| {
            let (_, y, m) = d.tail.incomplete_date.as_ref()?;
            Some(((*y)?, (*m)?))
        }),
    };
    let decision = evidence::decide(&sources, published(&d.removed), meta::this_year());
    // The TOML's CHECK says what to check: the doubts when there are any.
    let source = if decision.doubts.is_empty() {
        decision.source.clone()
    } else {
        words::semicolons(decision.doubts.clone())
    };
    d.doubts.extend(decision.doubts);
    d.period = Found {
        value: decision.period,
        source,
        sure: decision.sure,
    };
}

/// The first "2022-03-10" date in the lines removed as clutter (a web page's date).
fn published(removed: &[clean::Removed]) -> Option<(i32, u8)> {
    removed.iter().find_map(|r| {
        let b = r.text.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|i| {
            let w = &b[i..i + 10];
            let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
            if digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10) {
                let y = std::str::from_utf8(&w[0..4]).ok()?.parse().ok()?;
                let m = std::str::from_utf8(&w[5..7]).ok()?.parse().ok()?;
                (1..=12).contains(&m).then_some((y, m))
            } else {
                None
            }
        })
    })
}

fn find_organization(d: &mut Draft) {
    let from_title = d
        .head
        .title
        .as_deref()
        .and_then(meta::organization_in_title);
    let found = if let Some(sig) = d.tail.signature.clone() {
        Found {
            value: sig,
            source: msg!("import-from-signature"),
            sure: true,
        }
    } else if let Some(o) = from_title {
        Found {
            value: o,
            source: msg!("import-from-title"),
            sure: true,
        }
    } else if let Some(mark) = d.head.organ_mark.as_deref() {
        Found {
            value: mark.trim_end_matches("文件").to_string(),
            source: msg!("import-from-red-header"),
            sure: true,
        }
    } else {
        let text: String = d.body.summary.join("");
        let all = text
            + &d.body
                .parts
                .iter()
                .flat_map(|p| p.lead.iter().cloned())
                .collect::<String>();
        let opening = d
            .body
            .summary
            .first()
            .or_else(|| d.body.parts.first().and_then(|p| p.lead.first()));
        if let Some(name) = opening.and_then(|t| meta::organization_named(t)) {
            Found {
                value: name.clone(),
                source: msg!("import-organization-opening", name = name.clone()),
                sure: false,
            }
        } else {
            match meta::organization_in_text(&all) {
                Some(o) => Found {
                    value: o.clone(),
                    source: msg!("import-organization-guessed", name = o.clone()),
                    sure: false,
                },
                None => Found {
                    value: "某园区管委会".into(),
                    source: msg!("import-organization-missing"),
                    sure: false,
                },
            }
        }
    };
    if !found.sure {
        d.doubts.push(msg!(
            "import-doubt-organization",
            name = found.value.clone(),
            source = found.source.clone()
        ));
    }
    d.organization = found;
}

fn find_date(d: &mut Draft) {
    d.date = match d.tail.date {
        Some(date) => Found {
            value: date,
            source: msg!("import-from-signature"),
            sure: true,
        },
        None if metadata_date(&d.removed).is_some() => {
            let Some((date, row)) = metadata_date(&d.removed) else {
                return;
            };
            let why = msg!("import-date-metadata", row = row);
            d.doubts.push(why.clone());
            Found {
                value: date,
                source: why,
                sure: false,
            }
        }
        None => {
            let v = meta::day_after(&d.period.value);
            let why = match &d.tail.incomplete_date {
                Some((written, ..)) => msg!("import-date-incomplete", written = written),
                None => msg!("import-date-missing"),
            };
            d.doubts.push(msg!(
                "import-doubt-date-stands-in",
                why = why.clone(),
                date = format!("{:04}-{:02}-{:02}", v.0, v.1, v.2)
            ));
            Found {
                value: v,
                source: msg!("import-date-stands-in", why = why),
                sure: false,
            }
        }
    };
}

/// The date of writing a government page gives in its metadata (成文日期, 发文日期), with
/// the row it was read from.
fn metadata_date(removed: &[clean::Removed]) -> Option<(Ymd, String)> {
    removed
        .iter()
        .filter(|r| r.why == clean::METADATA_ROW)
        .find_map(|r| {
            let at = r
                .text
                .find("成文日期")
                .or_else(|| r.text.find("发文日期"))?;
            let rest = &r.text[at..];
            let b = rest.as_bytes();
            (0..b.len().saturating_sub(9)).find_map(|i| {
                let w = &b[i..i + 10];
                let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
                if !(digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10))
                {
                    return None;
                }
                let w = std::str::from_utf8(w).ok()?;
                let (y, m, day) = (
                    w[0..4].parse().ok()?,
                    w[5..7].parse().ok()?,
                    w[8..10].parse().ok()?,
                );
                ((1..=12).contains(&m) && (1..=31).contains(&day))
                    .then(|| (Ymd(y, m, day), r.text.trim().to_string()))
            })
        })
}

/// Indicator tables become indicators (and `indicator_table = true` where they stood);
/// attachments are carried over.
fn take_tables(d: &mut Draft) {
    let mut summary_tables = std::mem::take(&mut d.body.summary_tables);
    if let Some(at) = summary_tables
        .iter()
        .position(|t| figures::is_indicator_table(t))
    {
        let t = summary_tables.remove(at);
        months_from_table(d, &t);
        d.indicators.extend(figures::indicators_from_table(&t));
        d.indicator_table_in_summary = true;
    }
    for t in summary_tables {
        d.body.summary_remarks.push(msg!(
            "import-remark-table-in-opening",
            table = frame::flatten_table(&t)
        ));
    }
    // A table between a part heading and its first item: `[parts.*]` takes text only.
    for part in &mut d.body.parts {
        for t in std::mem::take(&mut part.tables) {
            let heading = part.title.clone().unwrap_or_default();
            part.remarks.push(msg!(
                "import-remark-table-in-part",
                heading = heading.clone(),
                table = frame::flatten_table(&t)
            ));
            d.doubts
                .push(msg!("import-doubt-table-in-part", heading = heading));
        }
    }
    for a in std::mem::take(&mut d.tail.attachments) {
        let mut tables = a.tables.into_iter();
        if a.listed_only {
            d.doubts.push(msg!(
                "import-doubt-attachment-listed",
                title = a.title.clone()
            ));
        }
        let mut out = AttachmentOut {
            listed_only: a.listed_only,
            title: a.title,
            paras: a.paras,
            table: None,
            indicator_table: false,
        };
        for t in tables.by_ref() {
            if figures::is_indicator_table(&t) && !out.indicator_table && out.table.is_none() {
                months_from_table(d, &t);
                if d.indicators.is_empty() {
                    d.indicators.extend(figures::indicators_from_table(&t));
                }
                if figures::is_own_layout(&t) {
                    // huibao's own table: printed again from the indicators.
                    out.indicator_table = true;
                } else {
                    // Another layout is kept as written; its figures are indicators too.
                    out.table = Some(t);
                }
            } else if out.table.is_none() {
                out.table = Some(t);
            } else {
                out.paras.push(frame::flatten_table(&t));
            }
        }
        d.attachments.push(out);
    }
}

/// The indicator table's value column ("1-9月完成") names the months the figures cover:
/// a report titled for the year may cover 1-9月.
fn months_from_table(d: &mut Draft, rows: &[Vec<String>]) {
    let Some(header) = rows.first() else { return };
    for cell in header {
        let Some(phrase) = cell.trim().strip_suffix("完成") else {
            continue;
        };
        if let Some((_, meta::PeriodShape::Months(a, b))) =
            meta::period_in(&format!("2000年{phrase}"))
        {
            let period = Period::Months(d.period.value.year(), a, b).normalized();
            if period != d.period.value {
                d.period.value = period;
                d.period.source = msg!(
                    "import-period-months-from-table",
                    source = d.period.source.clone(),
                    phrase = phrase
                );
            }
        }
    }
}

/// Figures of the opening and the parts' text become indicators when unambiguous.
fn find_figures(d: &mut Draft) {
    if !d.indicators.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for p in &d.body.summary {
        found.extend(figures::find(p, true));
    }
    for part in &d.body.parts {
        if part.role == draft::Role::Plan {
            continue;
        }
        for p in &part.lead {
            found.extend(figures::find(p, true));
        }
        fn walk(items: &[draft::ItemDraft], found: &mut Vec<figures::Figure>) {
            for i in items {
                for p in &i.paras {
                    found.extend(figures::find(p, false));
                }
                walk(&i.items, found);
            }
        }
        walk(&part.items, &mut found);
    }
    // Masked figures have no value; they are listed by `masked_in`.
    let plain: Vec<_> = found.into_iter().filter(|f| f.value.is_some()).collect();
    let (kept, ambiguous) = figures::unambiguous(plain);
    for name in ambiguous {
        d.doubts
            .push(msg!("import-doubt-figure-ambiguous", name = name));
    }
    for f in kept {
        let Some((value, decimals)) = f.value.as_deref().and_then(write::number) else {
            continue;
        };
        let written = f.value.as_deref().unwrap_or_default();
        let mut comment = msg!("import-comment-from-text", text = f.context.clone());
        let previous = f.growth.as_ref().and_then(|g| {
            let fits = g.points == huibao_core::is_percent(&f.unit);
            let previous = fits
                .then(|| {
                    huibao_core::previous_for_change(
                        value,
                        &f.unit,
                        g.amount,
                        huibao_core::decimals_in(written),
                    )
                })
                .flatten();
            note_worked_back(
                &mut comment,
                "previous",
                msg!("import-what-previous"),
                previous,
                &g.written,
            );
            previous
        });
        let target = f.completion.as_ref().and_then(|c| {
            let target =
                huibao_core::target_for_rate(value, c.rate, huibao_core::decimals_in(written));
            note_worked_back(
                &mut comment,
                "target",
                msg!("import-what-target"),
                target,
                &c.written,
            );
            target
        });
        d.indicators.push(IndicatorDraft {
            name: f.name,
            value,
            unit: f.unit,
            previous,
            target,
            decimals,
            comment: Some(comment),
        });
    }
    d.masked = masked_in(d);
}

/// Tells in an indicator's comment where `key` came from: worked back from the words
/// `from` of the text (a CHECK line), or, when no figure fits, that the user sets it.
fn note_worked_back(
    comment: &mut Message,
    key: &str,
    what: Message,
    found: Option<f64>,
    from: &str,
) {
    let before = std::mem::replace(comment, Message::empty());
    *comment = match found {
        Some(v) => msg!(
            "import-comment-worked-back",
            before = before,
            key = key,
            value = v.to_string(),
            from = from,
            what = what
        ),
        None => msg!(
            "import-comment-set-key",
            before = before,
            from = from,
            key = key,
            what = what
        ),
    };
}

/// Every masked figure and name of the text, each once.
fn masked_in(d: &Draft) -> Vec<figures::Masked> {
    fn walk<'a>(items: &'a [draft::ItemDraft], out: &mut Vec<&'a str>) {
        for i in items {
            out.extend(i.title.as_deref());
            out.extend(i.paras.iter().map(String::as_str));
            walk(&i.items, out);
        }
    }
    let mut texts: Vec<&str> = d.body.summary.iter().map(String::as_str).collect();
    for part in &d.body.parts {
        texts.extend(part.title.as_deref());
        texts.extend(part.lead.iter().map(String::as_str));
        walk(&part.items, &mut texts);
    }
    let mut out: Vec<figures::Masked> = Vec::new();
    for m in texts.into_iter().flat_map(figures::masked) {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "园区管委会2022年上半年工作总结\n\
        今年以来，园区稳中有进。\n\
        一、上半年主要工作\n\
        上半年，园区坚持项目为王。\n\
        （一）招商引资\n\
        新签约项目12个。\n\
        二、下半年工作计划\n\
        下半年，园区将聚焦项目落地。\n\
        第二段打算。\n\
        （一）推进项目\n\
        加快开工。\n\
        园区管委会\n\
        2022年7月12日\n";

    #[test]
    fn text_opening_a_part_is_its_text() {
        let imported =
            import_bytes("a.txt", "a.txt", SOURCE.as_bytes(), SourceKind::Text).expect("imports");
        let toml = &imported.toml;
        assert!(
            toml.contains(
                "[parts.plan]\ntitle = \"下半年工作计划\"\ntext = \"\"\"\n下半年，园区将聚焦项目落地。\n\n第二段打算。\n\"\"\"\n"
            ),
            "{toml}"
        );
        assert!(
            toml.contains("[parts.achievements]\ntitle = \"上半年主要工作\"\ntext = \"\"\"\n上半年，园区坚持项目为王。\n\"\"\"\n"),
            "{toml}"
        );
        assert!(!toml.contains("open the part"), "{toml}");
        let d = &imported.draft;
        assert_eq!(d.body.summary, vec!["今年以来，园区稳中有进。"]);
        assert!(
            !d.doubts
                .iter()
                .any(|m| m.to_string().contains("opens the part")),
            "{:?}",
            d.doubts
        );

        let loaded =
            huibao_core::load_source(huibao_core::SourceFile::new("a.toml", toml.as_str()))
                .unwrap_or_else(|e| panic!("{e}\n{toml}"));
        let plan = loaded.report.parts.plan.text.as_ref().expect("plan text");
        assert_eq!(
            plan.get_ref().trim(),
            "下半年，园区将聚焦项目落地。\n\n第二段打算。"
        );
        assert_eq!(
            loaded.report.plan[0]
                .text
                .as_ref()
                .unwrap()
                .get_ref()
                .trim(),
            "加快开工。"
        );
    }

    #[test]
    fn a_zip_bomb_is_too_large_with_its_own_help() {
        let mut zip = huibao_xml::PackageWriter::new();
        zip.add("word/document.xml", &vec![b' '; 80 << 20]).unwrap();
        let bomb = zip.finish().unwrap();
        let err = import_bytes(
            "上半年总结.docx",
            "上半年总结.docx",
            &bomb,
            SourceKind::Docx,
        )
        .unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
        assert!(
            err.to_string().starts_with(
                "上半年总结.docx is too large to import: word/document.xml is too large"
            ),
            "{err}"
        );
        assert!(err.help().to_string().contains(".txt"));
    }

    #[test]
    fn a_table_opening_a_part_is_kept_as_a_comment() {
        let mut blocks: Vec<Block> = ["一、主要工作", "上半年，园区稳中有进。"]
            .into_iter()
            .map(Block::para)
            .collect();
        blocks.push(Block::Table(vec![
            vec!["项目".into(), "数量".into()],
            vec!["签约".into(), "12".into()],
        ]));
        blocks.extend(["（一）招商", "新签约项目。"].into_iter().map(Block::para));
        let d = recognise("a.txt", blocks, Stats::default());
        assert!(d.body.parts[0].tables.is_empty());
        assert_eq!(
            d.body.parts[0].remarks.iter().map(ToString::to_string).collect::<Vec<_>>(),
            vec!["A table opening the part \"主要工作\" in the source (a part takes no table): 项目 | 数量 / 签约 | 12"]
        );
        assert!(d
            .doubts
            .iter()
            .any(|m| m.to_string().contains("a table opening the part")));
        let toml = write::report(&d);
        assert!(toml.contains("# A table opening the part"), "{toml}");
        huibao_core::load_source(huibao_core::SourceFile::new("a.toml", toml.as_str()))
            .unwrap_or_else(|e| panic!("{e}\n{toml}"));
    }
}
