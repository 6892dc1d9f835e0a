//! Writing a set of files all or nothing: either every file is replaced by its new
//! content, or none is touched.
//!
//! Three steps: *stage* every new file complete on disk as a temporary beside its target
//! (`.huibao-PID-XXXXXX.part`); *keep* every file about to be replaced as a hard link (a
//! copy where links are impossible) beside it (`.huibao-PID-XXXXXX.old`); *commit* by
//! renaming each temporary over its target. When any step fails, the renames already done
//! are undone from what was kept, and every temporary is removed.
//!
//! A target that is a stream — a pipe, a terminal, a device such as `/dev/null` or
//! `/dev/stdout` — is written straight into once every file of the set is committed:
//! renaming a file over it would replace the device with a file.
//!
//! Keeping and committing happen under an exclusive lock on each output folder (`flock`
//! on the folder itself, so no lock file is left behind): two renders into one folder,
//! in one process or two, replace their sets one after the other, never mixed. Under the
//! lock, temporaries of our naming left by runs that were killed (their process is gone)
//! are removed. A program that stops on a signal calls [`abandon_writes`] first: it waits
//! for a commit in progress, then removes every temporary of the process.

use crate::render::Rendered;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::{Builder, NamedTempFile, TempPath};

/// A file that could not be written; the whole set was left as it was.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: io::Error,
}

impl WriteError {
    /// What went wrong, in the chosen language: "cannot write out/report.pdf: permission
    /// denied".
    pub fn message(&self) -> huibao_i18n::Message {
        huibao_i18n::msg!(
            "write-cannot",
            path = self.path.display(),
            reason = huibao_core::io_reason(&self.source)
        )
    }
}

/// Writes every rendered output to `dir/<stem>.<extension>` as one set (see
/// [`write_files`]) and returns the paths, in the order of `rendered.outputs`.
pub fn write_outputs(
    dir: &Path,
    stem: &OsStr,
    rendered: &Rendered,
) -> Result<Vec<PathBuf>, WriteError> {
    let files: Vec<(PathBuf, &[u8])> = rendered
        .outputs
        .iter()
        .map(|o| {
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(o.format.extension());
            (dir.join(name), o.bytes.as_slice())
        })
        .collect();
    write_files(&files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The name a report's outputs take: its file's name without the extension, or "report"
/// for a file without one — as the file system spells it (an `OsStr`), never made lossy:
/// on Unix a name in another encoding than UTF-8 gives outputs of the same bytes.
pub fn output_stem(report: &Path) -> OsString {
    report
        .file_stem()
        .filter(|s| !s.is_empty())
        .map_or_else(|| OsString::from("report"), OsStr::to_os_string)
}

/// Writes `files` (path, content) all or nothing: on success every file has its new
/// content; on failure none was changed and no temporary is left behind. Before anything
/// is written, every target is compared with every file read in this run (the report,
/// last period's report, the spreadsheet, plugin files, an import source, fonts: see
/// [`huibao_core::input::input_clash`]), by resolved path and by device and inode (hard
/// links, symbolic links): a target that is an input fails the whole set, naming both. Missing parent
/// folders are created. A replaced file keeps its permissions; a new one gets rw-r--r--.
/// Streams (pipes, terminals, `/dev/null`) among the targets are written last, straight
/// into, once the files are in place.
pub fn write_files<P: AsRef<Path>>(files: &[(P, &[u8])]) -> Result<(), WriteError> {
    for (path, _) in files {
        if let Some(clash) = huibao_core::input::input_clash(path.as_ref()) {
            return Err(error(
                path.as_ref(),
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    huibao_i18n::msg!(
                        "write-target-is-input",
                        what = clash.kind.what(),
                        path = clash.input.display()
                    ),
                ),
            ));
        }
    }
    let (streams, files): (Vec<_>, Vec<_>) = files
        .iter()
        .map(|(path, bytes)| (path.as_ref(), *bytes))
        .partition(|(path, _)| is_stream(path));
    replace_files(&files)?;
    for (path, bytes) in streams {
        fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut stream| stream.write_all(bytes))
            .map_err(|e| error(path, e))?;
    }
    Ok(())
}

/// Whether `path` leads (through any links) to a pipe or a character device: written
/// into, never replaced.
#[cfg(unix)]
fn is_stream(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_char_device())
}

#[cfg(not(unix))]
fn is_stream(_: &Path) -> bool {
    false
}

/// Replaces the regular files of a set all or nothing (see [`write_files`]).
fn replace_files(files: &[(&Path, &[u8])]) -> Result<(), WriteError> {
    if files.is_empty() {
        return Ok(());
    }
    // Every temporary of this set is known from its creation until it is gone.
    let mut temporaries = pending::Registered::default();
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes, &mut temporaries))
        .collect::<Result<Vec<_>, _>>()?;
    let _locks = lock_folders(staged.iter().map(|s| s.target.as_path()))?;
    // Nothing is renamed before every target is known to be replaceable.
    let kept = staged
        .iter()
        .map(|s| {
            let kept = keep_old(&s.target).map_err(|e| error(&s.target, e))?;
            if let Some(old) = &kept {
                temporaries.add(old);
            }
            Ok(kept)
        })
        .collect::<Result<Vec<_>, _>>()?;
    // A signal now waits until the set is committed or undone.
    let _commit = pending::commit();
    let mut committed: Vec<(PathBuf, Option<TempPath>)> = Vec::new();
    for (file, old) in staged.into_iter().zip(kept) {
        let target = file.target;
        let persisted = match fault::at_commit(&target) {
            Some(e) => Err(e),
            None => file.temp.persist(&target).map(drop).map_err(|e| e.error),
        };
        if let Err(e) = persisted {
            // The temporary is removed when dropped, as are the staged files not reached.
            undo(committed);
            // Opened by another program since it was checked: say so, not "access denied".
            let source = refuse_in_use(&target).err().unwrap_or(e);
            return Err(error(&target, source));
        }
        committed.push((target, old));
    }
    // Dropping what was kept removes it.
    Ok(())
}

/// Temporaries on disk, for [`abandon_writes`]; and the lock a commit holds so a signal
/// never stops one half-way.
mod pending {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, MutexGuard, PoisonError};

    static FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static COMMIT: Mutex<()> = Mutex::new(());

    fn files() -> MutexGuard<'static, Vec<PathBuf>> {
        FILES.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The temporaries of one set, known to [`abandon`] while this lives.
    #[derive(Default)]
    pub(super) struct Registered(Vec<PathBuf>);

    impl Registered {
        pub(super) fn add(&mut self, path: &Path) {
            files().push(path.to_path_buf());
            self.0.push(path.to_path_buf());
        }
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            files().retain(|p| !self.0.contains(p));
        }
    }

    /// Held while a set's renames run.
    pub(super) fn commit() -> MutexGuard<'static, ()> {
        COMMIT.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for a commit in progress, removes every temporary, and keeps any other
    /// commit from starting.
    pub(super) fn abandon() {
        std::mem::forget(commit());
        for path in files().drain(..) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Stops writing for good, for a program about to exit on a signal (SIGINT, SIGTERM):
/// waits for a set being committed to be complete, removes every temporary this process
/// has on disk (`.huibao-PID-*.part`, `.huibao-PID-*.old`), and makes every later
/// [`write_files`] in the process wait forever. Outputs are left as a whole old set or a
/// whole new one.
pub fn abandon_writes() {
    pending::abandon();
}

/// The prefix of this process's temporaries: `.huibao-PID-`.
fn temporary_prefix() -> String {
    format!(".huibao-{}-", std::process::id())
}

/// How long to wait for another writer's lock on a folder before giving up.
#[cfg(unix)]
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// Locks every folder of `targets` (in a fixed order, so two writers cannot deadlock)
/// and removes the stale temporaries in each. The locks are released when dropped.
fn lock_folders<'a>(targets: impl Iterator<Item = &'a Path>) -> Result<Vec<fs::File>, WriteError> {
    // One lock per folder however it is spelt ("out", "./out"): a second lock on the same
    // folder would wait for the first.
    let mut folders: Vec<PathBuf> = targets
        .map(|t| {
            let folder = folder_of(t);
            folder
                .canonicalize()
                .unwrap_or_else(|_| folder.to_path_buf())
        })
        .collect();
    folders.sort();
    folders.dedup();
    let mut locks = Vec::new();
    for folder in &folders {
        let lock = lock_folder(folder).map_err(|e| error(folder, e))?;
        remove_stale(folder);
        if let Some(lock) = lock {
            locks.push(lock);
        }
    }
    Ok(locks)
}

/// An exclusive lock on `folder`, waiting for another writer (at most [`LOCK_WAIT`]).
/// `None` where folders cannot be locked (not Unix, or a file system without locks):
/// writing goes on unlocked.
#[cfg(unix)]
fn lock_folder(folder: &Path) -> io::Result<Option<fs::File>> {
    let file = fs::File::open(folder)?;
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    huibao_i18n::msg!(
                        "write-folder-locked",
                        folder = folder.display(),
                        seconds = LOCK_WAIT.as_secs()
                    ),
                ))
            }
            Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(None)
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

#[cfg(not(unix))]
fn lock_folder(_: &Path) -> io::Result<Option<fs::File>> {
    Ok(None)
}

/// Removes temporaries of our naming in `folder` whose run is over: `.huibao-PID-…` of a
/// process that is gone (where that can be told) or older than a day, and the older
/// `.huibao-XXXXXX.part`/`.old` naming once ten minutes old. Another live run's
/// temporaries are left alone.
fn remove_stale(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(".huibao-") else {
            continue;
        };
        if !(rest.ends_with(".part") || rest.ends_with(".old")) {
            continue;
        }
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .unwrap_or_default();
        let stale = match pid {
            Some(pid) if pid == std::process::id() => false,
            // A process of that id may be another program now: a day settles it.
            Some(pid) => !process_alive(pid) || age > STALE_ANYWAY,
            // The naming of versions before the process id: no run stages for long.
            None => age > STALE_UNNAMED,
        };
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Age past which a temporary of our naming is stale whatever its process id says.
const STALE_ANYWAY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
/// Age past which a temporary without a process id (older versions) is stale.
const STALE_UNNAMED: std::time::Duration = std::time::Duration::from_secs(600);

/// Whether a process with this id runs; `true` where that cannot be told.
fn process_alive(pid: u32) -> bool {
    if pid == 0 {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

/// A new file complete on disk beside its target.
struct Staged {
    target: PathBuf,
    temp: NamedTempFile,
}

fn stage(
    target: &Path,
    bytes: &[u8],
    temporaries: &mut pending::Registered,
) -> Result<Staged, WriteError> {
    let dir = folder_of(target);
    let staged = (|| {
        make_folder(dir)?;
        let mut temp = Builder::new()
            .prefix(&temporary_prefix())
            .suffix(".part")
            .tempfile_in(dir)?;
        temporaries.add(temp.path());
        temp.write_all(bytes)?;
        temp.as_file().sync_all()?;
        set_permissions(temp.as_file(), target)?;
        Ok(temp)
    })();
    match staged {
        Ok(temp) => Ok(Staged {
            target: target.to_path_buf(),
            temp,
        }),
        Err(e) => Err(error(target, e)),
    }
}

/// Creates `dir` and the folders above it where missing. A file where a folder must be
/// is named (the system says only "File exists" or "Not a directory").
fn make_folder(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|e| {
        for a in dir.ancestors().filter(|a| !a.as_os_str().is_empty()) {
            match (fs::metadata(a), fs::symlink_metadata(a)) {
                (Ok(m), _) if !m.is_dir() => {
                    return io::Error::new(
                        io::ErrorKind::NotADirectory,
                        huibao_i18n::msg!("write-file-not-folder", path = a.display()),
                    )
                }
                (Err(_), Ok(link)) if link.file_type().is_symlink() => {
                    return io::Error::new(
                        io::ErrorKind::NotADirectory,
                        huibao_i18n::msg!("write-dangling-link", path = a.display()),
                    )
                }
                _ => {}
            }
        }
        e
    })
}

/// The file's folder; "." for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Keeps the file (or symbolic link) at `target` under a temporary name beside it, so a
/// failed set can put it back; `None` when there is nothing there to keep. Anything else
/// in the way (a folder, a device) is an error before any file of the set is replaced.
fn keep_old(target: &Path) -> io::Result<Option<TempPath>> {
    match fs::symlink_metadata(target) {
        Ok(m) if m.is_file() || m.file_type().is_symlink() => {}
        Ok(m) if m.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                huibao_i18n::msg!("write-folder-in-the-way", path = target.display()),
            ))
        }
        Ok(_) => {
            return Err(io::Error::other(huibao_i18n::msg!(
                "write-not-replaceable",
                path = target.display()
            )))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    // Windows cannot rename over a file another program holds open (Word and WPS hold
    // the document they show): found now, before any file of the set is replaced.
    refuse_in_use(target)?;
    let kept = Builder::new()
        .prefix(&temporary_prefix())
        .suffix(".old")
        .make_in(folder_of(target), |path| {
            match fs::hard_link(target, path) {
                // Some file systems have no hard links: copy instead.
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                    fs::copy(target, path).map(drop)
                }
                linked => linked,
            }
        })?;
    Ok(Some(kept.into_temp_path()))
}

/// An error of kind [`io::ErrorKind::ResourceBusy`] naming `target` when another program
/// holds it open so that it cannot be replaced (on Windows: opened without sharing
/// delete access, as Word and WPS open the document they show). The file is opened for
/// delete access with every kind of sharing allowed, and closed again: that open fails
/// with a sharing violation exactly when a rename over the file would.
#[cfg(windows)]
fn refuse_in_use(target: &Path) -> io::Result<()> {
    use std::os::windows::fs::OpenOptionsExt;
    /// `DELETE`, the access a rename over the file needs.
    const DELETE: u32 = 0x0001_0000;
    /// `FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE`.
    const SHARE_ALL: u32 = 0x7;
    /// `ERROR_SHARING_VIOLATION`, `ERROR_LOCK_VIOLATION`.
    const IN_USE: [i32; 2] = [32, 33];
    match fs::OpenOptions::new()
        .access_mode(DELETE)
        .share_mode(SHARE_ALL)
        .open(target)
    {
        Err(e) if e.raw_os_error().is_some_and(|code| IN_USE.contains(&code)) => {
            Err(io::Error::new(
                io::ErrorKind::ResourceBusy,
                huibao_i18n::msg!("write-open-elsewhere", path = target.display()),
            ))
        }
        _ => Ok(()),
    }
}

/// Elsewhere a file open in another program can be replaced: nothing to refuse.
#[cfg(not(windows))]
fn refuse_in_use(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Puts back what the renames replaced, last first: the kept file where there was one,
/// nothing where the target was new. Best effort: the first error is already reported.
fn undo(committed: Vec<(PathBuf, Option<TempPath>)>) {
    for (target, old) in committed.into_iter().rev() {
        let _ = match old {
            Some(old) => old.persist(&target).map_err(|e| e.error),
            None => fs::remove_file(&target),
        };
    }
}

fn error(path: &Path, source: io::Error) -> WriteError {
    WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// Gives the new file the permissions of the one it replaces, or rw-r--r--.
#[cfg(unix)]
fn set_permissions(file: &fs::File, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(target)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o644);
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_permissions(_: &fs::File, _: &Path) -> io::Result<()> {
    Ok(())
}

/// A target that cannot be replaced at the moment of its rename (immutable, on a
/// read-only mount, its folder gone): brought about in the tests of the undo path, as no
/// test can make a rename fail as root in every sandbox.
#[cfg(test)]
mod fault {
    use std::cell::RefCell;
    use std::io;
    use std::path::{Path, PathBuf};

    thread_local! {
        /// The target whose rename fails, on this thread.
        pub(super) static COMMIT_FAILS_AT: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
    }

    pub(super) fn at_commit(target: &Path) -> Option<io::Error> {
        COMMIT_FAILS_AT.with(|at| {
            (at.borrow().as_deref() == Some(target))
                .then(|| io::Error::new(io::ErrorKind::PermissionDenied, "Operation not permitted"))
        })
    }
}

#[cfg(not(test))]
mod fault {
    /// Never: renames fail only on their own.
    pub(super) fn at_commit(_: &std::path::Path) -> Option<std::io::Error> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn a_rename_that_fails_mid_set_leaves_every_old_output_untouched() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join("r.docx");
        let pdf = dir.path().join("r.pdf");
        let html = dir.path().join("r.html");
        fs::write(&docx, "旧DOCX").unwrap();
        fs::write(&pdf, "旧PDF").unwrap();
        fs::write(&html, "旧HTML").unwrap();
        let inode = |p: &Path| fs::metadata(p).unwrap().ino();
        let before = [inode(&docx), inode(&pdf), inode(&html)];
        // The second of three renames fails: the first is undone, the third never runs.
        fault::COMMIT_FAILS_AT.with(|at| *at.borrow_mut() = Some(pdf.clone()));
        let result = write_files(&[
            (&docx, "新DOCX".as_bytes()),
            (&pdf, "新PDF".as_bytes()),
            (&html, "新HTML".as_bytes()),
        ]);
        fault::COMMIT_FAILS_AT.with(|at| *at.borrow_mut() = None);
        let err = result.unwrap_err();
        assert_eq!(err.path, pdf, "{err}");
        assert_eq!(fs::read_to_string(&docx).unwrap(), "旧DOCX");
        assert_eq!(fs::read_to_string(&pdf).unwrap(), "旧PDF");
        assert_eq!(fs::read_to_string(&html).unwrap(), "旧HTML");
        assert_eq!(
            [inode(&docx), inode(&pdf), inode(&html)],
            before,
            "the very same files"
        );
        assert_eq!(
            names(dir.path()),
            ["r.docx", "r.html", "r.pdf"],
            "no temporary left"
        );
        // Without the fault the same set goes through.
        write_files(&[(&docx, "新DOCX".as_bytes()), (&pdf, "新PDF".as_bytes())]).unwrap();
        assert_eq!(fs::read_to_string(&pdf).unwrap(), "新PDF");
    }
}
