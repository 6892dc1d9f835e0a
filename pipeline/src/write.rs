//! Writing a set of files all or nothing: either every file is replaced by its new
//! content, or none is touched.
//!
//! Three steps: *stage* every new file complete on disk as a temporary beside its target
//! (`.huibao-XXXXXX.part`); *keep* every file about to be replaced as a hard link (a copy
//! where links are impossible) beside it (`.huibao-XXXXXX.old`); *commit* by renaming
//! each temporary over its target. When any step fails, the renames already done are
//! undone from what was kept, and every temporary is removed.

use crate::render::Rendered;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::{Builder, NamedTempFile, TempPath};

/// A file that could not be written; the whole set was left as it was.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", .path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: io::Error,
}

/// Writes every rendered output to `dir/<stem>.<extension>` as one set (see
/// [`write_files`]) and returns the paths, in the order of `rendered.outputs`.
pub fn write_outputs(
    dir: &Path,
    stem: &str,
    rendered: &Rendered,
) -> Result<Vec<PathBuf>, WriteError> {
    let files: Vec<(PathBuf, &[u8])> = rendered
        .outputs
        .iter()
        .map(|o| {
            let path = dir.join(format!("{stem}.{}", o.format.extension()));
            (path, o.bytes.as_slice())
        })
        .collect();
    write_files(&files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Writes `files` (path, content) all or nothing: on success every file has its new
/// content; on failure none was changed and no temporary is left behind. Missing parent
/// folders are created. A replaced file keeps its permissions; a new one gets rw-r--r--.
pub fn write_files<P: AsRef<Path>>(files: &[(P, &[u8])]) -> Result<(), WriteError> {
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path.as_ref(), bytes))
        .collect::<Result<Vec<_>, _>>()?;
    let kept = staged
        .iter()
        .map(|s| keep_old(&s.target).map_err(|e| error(&s.target, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut committed: Vec<(PathBuf, Option<TempPath>)> = Vec::new();
    for (file, old) in staged.into_iter().zip(kept) {
        let target = file.target;
        if let Err(e) = file.temp.persist(&target) {
            // `e.file` (the temporary) is removed when dropped, as are the staged files
            // not reached.
            undo(committed);
            return Err(error(&target, e.error));
        }
        committed.push((target, old));
    }
    // Dropping what was kept removes it.
    Ok(())
}

/// A new file complete on disk beside its target.
struct Staged {
    target: PathBuf,
    temp: NamedTempFile,
}

fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    let dir = folder_of(target);
    let staged = (|| {
        make_folder(dir)?;
        let mut temp = Builder::new()
            .prefix(".huibao-")
            .suffix(".part")
            .tempfile_in(dir)?;
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
        match dir
            .ancestors()
            .find(|a| fs::metadata(a).is_ok_and(|m| !m.is_dir()))
        {
            Some(file) => io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("{} is a file, not a folder", file.display()),
            ),
            None => e,
        }
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
/// failed set can put it back; `None` when there is nothing there to keep. A directory in
/// the way is not kept: renaming over it fails, and the set is undone.
fn keep_old(target: &Path) -> io::Result<Option<TempPath>> {
    match fs::symlink_metadata(target) {
        Ok(m) if m.is_file() || m.file_type().is_symlink() => {}
        Ok(_) => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let kept =
        Builder::new()
            .prefix(".huibao-")
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
