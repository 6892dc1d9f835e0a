//! One way in: every file huibao reads — the report, last period's report, a statistics
//! spreadsheet, an import source, a template plugin's `plugin.toml` and template, a font —
//! is opened here, and nowhere else (`tests/readers.rs` enumerates the readers and fails
//! when a file is read any other way).
//!
//! What holds for every file read:
//! - **A regular file only.** The path's type is checked before it is opened: a folder, a
//!   device (`/dev/zero`), a FIFO, a socket, a link to any of them and a link to nothing
//!   are refused with a message saying which. The file is then opened non-blocking (a FIFO
//!   put in its place after the check cannot block) and checked again on the open
//!   descriptor: it must still be a regular file, the same one.
//! - **Bounded.** Each [`Kind`] has its limit in [`crate::limits`]; a file larger than it
//!   is refused before a byte is read, and reading stops one byte past the limit whatever
//!   the file claims its size is. The message names the file, the limit and its name.
//! - **Remembered.** Every file read is noted as an input of the run, so that no output
//!   can replace it: [`input_clash`] is asked by the all-or-nothing writer before it writes
//!   anything.
//!
//! This is a module of `huibao-core` rather than a crate of its own because every crate
//! that reads a file (import, sheets, the plugin host, the page layout's fonts) already
//! depends on core, and its limits live in [`crate::limits`] beside the others: a crate
//! below core would need the limits passed in, and core's diagnostics could not name them.

use crate::limits;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a file is read as; each kind has its limit in [`crate::limits`] and its words in
/// messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A report TOML (`huibao check`, `render`, `watch`, a batch's reports).
    Report,
    /// Last period's report (`previous = "…"`, `--previous`).
    PreviousReport,
    /// A statistics spreadsheet (`[indicators] from`, `huibao indicators`).
    Spreadsheet,
    /// A plain-text source of `huibao import` (.txt, UTF-8, UTF-16 or GB18030).
    ImportText,
    /// A Word source of `huibao import` (.docx).
    ImportDocx,
    /// A template plugin's `plugin.toml` (its schema is a table in it).
    PluginManifest,
    /// A template plugin's template.
    PluginTemplate,
    /// A native plugin's library: checked here, loaded by its own process.
    PluginLibrary,
    /// A font file (a `--font-dir`, `HUIBAO_FONT_DIR`, the bundled fonts, an installed
    /// face used): mapped, not read whole.
    Font,
}

impl Kind {
    /// Every kind, for the tests that enumerate the readers.
    pub const ALL: [Kind; 9] = [
        Kind::Report,
        Kind::PreviousReport,
        Kind::Spreadsheet,
        Kind::ImportText,
        Kind::ImportDocx,
        Kind::PluginManifest,
        Kind::PluginTemplate,
        Kind::PluginLibrary,
        Kind::Font,
    ];

    /// The most bytes read (or mapped) of a file of this kind.
    pub fn limit(self) -> u64 {
        match self {
            Kind::Report => limits::MAX_REPORT_BYTES,
            Kind::PreviousReport => limits::MAX_PREVIOUS_REPORT_BYTES,
            Kind::Spreadsheet => limits::MAX_SPREADSHEET_BYTES,
            Kind::ImportText => limits::MAX_IMPORT_TEXT_BYTES,
            Kind::ImportDocx => limits::MAX_IMPORT_DOCX_BYTES,
            Kind::PluginManifest | Kind::PluginTemplate => limits::MAX_PLUGIN_FILE_BYTES,
            Kind::PluginLibrary => limits::MAX_PLUGIN_LIBRARY_BYTES,
            Kind::Font => limits::MAX_FONT_BYTES,
        }
    }

    /// The name of the limit, as messages quote it (`MAX_SPREADSHEET_BYTES`).
    pub fn limit_name(self) -> &'static str {
        match self {
            Kind::Report => "MAX_REPORT_BYTES",
            Kind::PreviousReport => "MAX_PREVIOUS_REPORT_BYTES",
            Kind::Spreadsheet => "MAX_SPREADSHEET_BYTES",
            Kind::ImportText => "MAX_IMPORT_TEXT_BYTES",
            Kind::ImportDocx => "MAX_IMPORT_DOCX_BYTES",
            Kind::PluginManifest | Kind::PluginTemplate => "MAX_PLUGIN_FILE_BYTES",
            Kind::PluginLibrary => "MAX_PLUGIN_LIBRARY_BYTES",
            Kind::Font => "MAX_FONT_BYTES",
        }
    }

    /// What the file is, in messages ("the spreadsheet").
    pub fn what(self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Kind::Report => msg!("read-kind-report"),
            Kind::PreviousReport => msg!("read-kind-previous-report"),
            Kind::Spreadsheet => msg!("read-kind-spreadsheet"),
            Kind::ImportText => msg!("read-kind-import-text"),
            Kind::ImportDocx => msg!("read-kind-import-docx"),
            Kind::PluginManifest => msg!("read-kind-plugin-manifest"),
            Kind::PluginTemplate => msg!("read-kind-plugin-template"),
            Kind::PluginLibrary => msg!("read-kind-plugin-library"),
            Kind::Font => msg!("read-kind-font"),
        }
    }

    /// How to get past a file too large for this kind.
    fn too_large_help(self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match self {
            Kind::Report | Kind::PreviousReport => msg!("read-too-large-help-report"),
            Kind::Spreadsheet => msg!("read-too-large-help-spreadsheet"),
            Kind::ImportText => msg!("read-too-large-help-import-text"),
            Kind::ImportDocx => msg!("read-too-large-help-import-docx"),
            Kind::PluginManifest | Kind::PluginTemplate => msg!("read-too-large-help-plugin-file"),
            Kind::PluginLibrary => msg!("read-too-large-help-plugin-library"),
            Kind::Font => msg!("read-too-large-help-font"),
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
#[non_exhaustive]
pub enum Why {
    /// Nothing is at the path.
    Missing,
    /// A folder.
    Folder,
    /// Not a regular file: "character-device", "fifo" … (see `type_words`); `via_link`
    /// when the path is a symbolic link to it.
    NotRegular {
        /// What it is.
        what: &'static str,
        /// Reached through a symbolic link.
        via_link: bool,
    },
    /// A symbolic link to nothing; where it points.
    DanglingLink(PathBuf),
    /// Larger than the kind's limit; the size the file claims, when it claims one.
    TooLarge(Option<u64>),
    /// The file changed into something else between the check and the opening.
    Changed,
    /// The system refused (permissions, I/O).
    Io(io::Error),
}

/// A file that was not read, and why; its message names the file, what it was to be read
/// as, and the limit when one was hit.
#[derive(Debug)]
pub struct ReadError {
    /// The file, as it was named.
    pub path: PathBuf,
    /// What it was to be read as.
    pub kind: Kind,
    /// Why it was not.
    pub why: Why,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    /// What went wrong, naming the file (and the limit when one was hit).
    pub fn message(&self) -> huibao_i18n::Message {
        self.message_naming(self.path.display())
    }

    /// [`message`](Self::message) with the file named as `path` (its role, such as "the
    /// statistics spreadsheet", where the place already gives the file).
    pub fn message_naming(&self, path: impl Into<huibao_i18n::Arg>) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        let path: huibao_i18n::Arg = path.into();
        let path = || path.clone();
        match &self.why {
            Why::Missing => msg!("read-missing", path = path()),
            Why::Folder => msg!("read-folder", path = path()),
            Why::NotRegular {
                what,
                via_link: false,
            } => msg!("read-not-regular", path = path(), what = type_words(what)),
            Why::NotRegular {
                what,
                via_link: true,
            } => msg!(
                "read-not-regular-link",
                path = path(),
                what = type_words(what)
            ),
            Why::DanglingLink(to) => msg!("read-dangling-link", path = path(), to = to.display()),
            Why::TooLarge(size) => {
                let limit = self.kind.limit();
                let size = size.filter(|&s| s > limit);
                msg!(
                    "read-too-large",
                    path = path(),
                    limit = size_words(limit),
                    size = size.map_or_else(|| "none".to_string(), size_words),
                    kind = self.kind.what(),
                    limit_name = self.kind.limit_name()
                )
            }
            Why::Changed => msg!("read-changed", path = path()),
            Why::Io(e) => msg!(
                "read-io",
                path = path(),
                reason = crate::diagnostic::io_reason(e)
            ),
        }
    }

    /// How to fix it, for the message's help.
    pub fn help(&self) -> huibao_i18n::Message {
        use huibao_i18n::msg;
        match &self.why {
            Why::Missing | Why::DanglingLink(_) => msg!("read-missing-help"),
            Why::Folder => msg!("read-folder-help", kind = self.kind.what()),
            Why::NotRegular { .. } | Why::Changed => msg!("read-not-regular-help"),
            Why::TooLarge(_) => self.kind.too_large_help(),
            Why::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                msg!("read-permission-help")
            }
            Why::Io(_) => msg!("read-io-help"),
        }
    }

    /// Whether nothing is at the path (a missing file, a link to nothing).
    pub fn is_missing(&self) -> bool {
        matches!(self.why, Why::Missing | Why::DanglingLink(_))
            || matches!(&self.why, Why::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// A file type's words in messages, from its code in [`Why::NotRegular`].
fn type_words(what: &str) -> huibao_i18n::Message {
    use huibao_i18n::msg;
    match what {
        "folder" => msg!("read-type-folder"),
        "character-device" => msg!("read-type-character-device"),
        "block-device" => msg!("read-type-block-device"),
        "fifo" => msg!("read-type-fifo"),
        "socket" => msg!("read-type-socket"),
        _ => msg!("read-type-other"),
    }
}

/// "2 MiB", "512 KiB", "300 bytes".
fn size_words(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / f64::from(1u32 << 20))
    } else if n >= 1 << 10 {
        format!("{} KiB", n.div_ceil(1 << 10))
    } else {
        format!("{n} bytes")
    }
}

/// A file checked and opened for reading: a regular file within its kind's limit.
#[derive(Debug)]
pub struct Opened {
    /// The open file, positioned at its start.
    pub file: File,
    /// Its size when it was opened, at most the kind's limit.
    pub size: u64,
}

/// Reads the whole file at `path` as `kind`: a regular file of at most the kind's limit
/// (see the module's documentation), noted as an input of the run.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, ReadError> {
    let opened = open(path, kind)?;
    let limit = kind.limit();
    // The size claimed, not trusted: the reader stops one byte past the limit.
    let mut bytes = Vec::with_capacity(opened.size.min(limit) as usize);
    opened
        .file
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(path, kind, Why::Io(e)))?;
    if bytes.len() as u64 > limit {
        return Err(error(path, kind, Why::TooLarge(None)));
    }
    Ok(bytes)
}

/// Checks and opens the file at `path` as `kind` without reading it (a font is mapped,
/// not read): a regular file whose size is within the kind's limit, noted as an input of
/// the run. Who maps it relies on the size checked here.
pub fn open(path: &Path, kind: Kind) -> Result<Opened, ReadError> {
    let fail = |why| error(path, kind, why);
    let link = std::fs::symlink_metadata(path).map_err(|e| {
        fail(if e.kind() == io::ErrorKind::NotFound {
            Why::Missing
        } else {
            Why::Io(e)
        })
    })?;
    let via_link = link.file_type().is_symlink();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound && via_link => {
            let to = std::fs::read_link(path).unwrap_or_default();
            return Err(fail(Why::DanglingLink(to)));
        }
        Err(e) => return Err(fail(Why::Io(e))),
    };
    check_type(&meta, via_link).map_err(fail)?;
    if meta.len() > kind.limit() {
        return Err(fail(Why::TooLarge(Some(meta.len()))));
    }
    let file = open_nonblocking(path).map_err(|e| fail(Why::Io(e)))?;
    let now = file.metadata().map_err(|e| fail(Why::Io(e)))?;
    if !now.is_file() || !same_file(&meta, &now) {
        return Err(fail(Why::Changed));
    }
    if now.len() > kind.limit() {
        return Err(fail(Why::TooLarge(Some(now.len()))));
    }
    note(path, kind);
    Ok(Opened {
        file,
        size: now.len(),
    })
}

/// A regular file passes; anything else is named.
fn check_type(meta: &Metadata, via_link: bool) -> Result<(), Why> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    if t.is_dir() && !via_link {
        return Err(Why::Folder);
    }
    Err(Why::NotRegular {
        what: describe(meta),
        via_link,
    })
}

/// What a file that is not a regular file is, as a code [`type_words`] turns into words.
fn describe(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return "character-device";
        }
        if t.is_block_device() {
            return "block-device";
        }
        if t.is_fifo() {
            return "fifo";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    "other"
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// Opens for reading without blocking (a FIFO swapped in after the check opens at once
/// and is refused on the descriptor) and without becoming a controlling terminal.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    // A regular file reads the same either way; clear the flag for the plain reads after.
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function owns, with integer arguments only.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

fn error(path: &Path, kind: Kind, why: Why) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        kind,
        why,
    }
}

/// An input of the run: the path as named and as resolved, what it was read as.
#[derive(Debug, Clone)]
struct Input {
    named: PathBuf,
    canonical: Option<PathBuf>,
    /// Device and inode when it was read.
    identity: Option<(u64, u64)>,
    kind: Kind,
}

/// Every file read in this process, once per resolved path.
static INPUTS: Mutex<Vec<Input>> = Mutex::new(Vec::new());

/// Notes `path` as an input of the run (done by [`read`] and [`open`] for every file
/// they open; call it for a file used without being read here, such as a native
/// plugin's library, which its own process loads).
pub fn note(path: &Path, kind: Kind) {
    let canonical = std::fs::canonicalize(path).ok();
    let mut inputs = INPUTS.lock().unwrap_or_else(|e| e.into_inner());
    let known = inputs.iter().any(|i| match (&i.canonical, &canonical) {
        (Some(a), Some(b)) => a == b,
        _ => i.named == path,
    });
    if !known {
        inputs.push(Input {
            named: path.to_path_buf(),
            canonical,
            identity: std::fs::metadata(path).ok().as_ref().and_then(identity),
            kind,
        });
    }
}

/// An output that would replace an input of the run.
#[derive(Debug, Clone)]
pub struct Clash {
    /// The output, as it was named.
    pub output: PathBuf,
    /// The input it is, as that was named.
    pub input: PathBuf,
    /// What the input was read as.
    pub kind: Kind,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} would replace {} {}, an input of this run; nothing was written",
            self.output.display(),
            self.kind.what(),
            self.input.display()
        )
    }
}

/// Whether writing `output` would replace (or write into) a file read in this run: the
/// same resolved path, or the same file under another name (a hard link, a link to it).
/// A file's identity (device and inode) is confirmed as it is now, so an inode freed by
/// an input since deleted and reused by a new file is no clash.
pub fn input_clash(output: &Path) -> Option<Clash> {
    let inputs = INPUTS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if inputs.is_empty() {
        return None;
    }
    let out_canonical = canonical_target(output);
    let out_identity = std::fs::metadata(output).ok().as_ref().and_then(identity);
    inputs.into_iter().find_map(|input| {
        let same_path = match (&out_canonical, &input.canonical) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        let same_file = out_identity.is_some()
            && input.identity == out_identity
            && std::fs::metadata(&input.named)
                .ok()
                .as_ref()
                .and_then(identity)
                == out_identity;
        (same_path || same_file).then(|| Clash {
            output: output.to_path_buf(),
            input: input.named,
            kind: input.kind,
        })
    })
}

/// The resolved path of `path`, or of its folder joined with its name when it does not
/// exist yet.
fn canonical_target(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(path) {
        return Some(c);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

#[cfg(unix)]
fn identity(m: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_noted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("金川园区2022年上半年.toml");
        std::fs::write(
            &path,
            "[report]\norganization = \"金川经济技术开发区管委会\"\n",
        )
        .unwrap();
        let bytes = read(&path, Kind::Report).unwrap();
        assert!(String::from_utf8(bytes).unwrap().contains("金川"));
        let clash = input_clash(&path).expect("the report is an input");
        assert_eq!(clash.kind, Kind::Report);
        assert!(input_clash(&dir.path().join("金川园区2022年上半年.pdf")).is_none());
    }

    #[test]
    fn over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("统计表.csv");
        let file = File::create(&path).unwrap();
        file.set_len(Kind::Spreadsheet.limit() + 1).unwrap();
        let e = read(&path, Kind::Spreadsheet).unwrap_err();
        assert!(matches!(e.why, Why::TooLarge(Some(_))), "{e:?}");
        let message = e.to_string();
        assert!(message.contains("统计表.csv"), "{message}");
        assert!(message.contains("MAX_SPREADSHEET_BYTES"), "{message}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_folders_and_links_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(Path::new("/dev/zero"), Kind::Report).unwrap_err();
        assert!(e.to_string().contains("a character device"), "{e}");
        let e = read(dir.path(), Kind::Report).unwrap_err();
        assert!(matches!(e.why, Why::Folder), "{e:?}");
        let link = dir.path().join("上期.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let e = read(&link, Kind::PreviousReport).unwrap_err();
        assert!(
            e.to_string().contains("a link to a character device"),
            "{e}"
        );
        let dangling = dir.path().join("断开.toml");
        std::os::unix::fs::symlink(dir.path().join("无此文件.toml"), &dangling).unwrap();
        let e = read(&dangling, Kind::Report).unwrap_err();
        assert!(e.to_string().contains("which does not exist"), "{e}");
        assert!(e.is_missing());
    }
}
