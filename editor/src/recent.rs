//! 最近打开的报告: the reports the editor opened last, the latest first, kept in a small
//! file of the user's config folder so the start page can offer them again.
//!
//! The list is the editor's own: it is read within a limit, a file that is not one the
//! editor wrote is an empty list, and it is written by the pipeline's writer.

use serde_json::{json, Value};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How many reports the list keeps.
pub const MAX_RECENT: usize = 10;

/// The largest list file read; a larger one is not the editor's and is ignored.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// The user's config folder for huibao on this platform: `%APPDATA%\huibao` on Windows,
/// `~/Library/Application Support/huibao` on macOS, `$XDG_CONFIG_HOME/huibao` or else
/// `~/.config/huibao` elsewhere. `None` when the environment names no such place.
pub fn config_folder() -> Option<PathBuf> {
    config_folder_from(|name| std::env::var_os(name))
}

/// [`config_folder`] with the environment read through `var`.
pub fn config_folder_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    // A relative path names no place (the XDG rule: ignore it, as an empty one).
    let var = |name: &str| var(name).map(PathBuf::from).filter(|v| v.is_absolute());
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library").join("Application Support"))
    } else {
        var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|home| home.join(".config")))
    };
    base.map(|b| b.join("huibao"))
}

/// The list's file in the user's config folder: `recent.json` there.
pub fn default_file() -> Option<PathBuf> {
    config_folder().map(|folder| folder.join("recent.json"))
}

/// The reports in the list file `file`, the latest first; an empty list when it is
/// missing, too large or not the editor's.
pub fn read(file: &Path) -> Vec<PathBuf> {
    let mut text = String::new();
    let read = std::fs::File::open(file)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_string(&mut text));
    if read.is_err() || text.len() as u64 > MAX_FILE_BYTES {
        return Vec::new();
    }
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = Vec::new();
    for path in value["reports"].as_array().into_iter().flatten() {
        let Some(path) = path.as_str().map(PathBuf::from) else {
            continue;
        };
        if path.is_absolute() && !out.contains(&path) && out.len() < MAX_RECENT {
            out.push(path);
        }
    }
    out
}

/// Puts `report` first in the list file `file` (once, the list kept to [`MAX_RECENT`]).
pub fn add(file: &Path, report: &Path) -> Result<(), String> {
    let report = absolute(report);
    let mut list = read(file);
    list.retain(|p| p != &report);
    list.insert(0, report);
    list.truncate(MAX_RECENT);
    let paths: Vec<String> = list.iter().map(|p| p.display().to_string()).collect();
    let text =
        serde_json::to_string_pretty(&json!({ "reports": paths })).map_err(|e| e.to_string())?;
    huibao_pipeline::write_files(&[(file, text.as_bytes())]).map_err(|e| e.to_string())
}

/// The list for the start page: each report's path, file name and folder, and whether
/// it is still there.
pub fn list_json(file: &Path) -> Vec<Value> {
    read(file)
        .iter()
        .map(|p| {
            json!({
                "path": p.display().to_string(),
                "name": p.file_name().map(|n| n.to_string_lossy().into_owned()),
                "folder": p.parent().map(|f| f.display().to_string()),
                "exists": p.is_file(),
            })
        })
        .collect()
}

/// `path` from the root: resolved when it exists, else joined to the working folder.
fn absolute(path: &Path) -> PathBuf {
    path.canonicalize()
        .ok()
        .or_else(|| std::env::current_dir().ok().map(|d| d.join(path)))
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_folder_is_the_platforms() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        if cfg!(windows) {
            assert_eq!(
                config_folder_from(env(&[("APPDATA", r"C:\Users\wang\AppData\Roaming")])),
                Some(PathBuf::from(r"C:\Users\wang\AppData\Roaming\huibao"))
            );
        } else if cfg!(target_os = "macos") {
            assert_eq!(
                config_folder_from(env(&[("HOME", "/Users/wang")])),
                Some(PathBuf::from(
                    "/Users/wang/Library/Application Support/huibao"
                ))
            );
        } else {
            assert_eq!(
                config_folder_from(env(&[("HOME", "/home/wang")])),
                Some(PathBuf::from("/home/wang/.config/huibao"))
            );
            assert_eq!(
                config_folder_from(env(&[
                    ("HOME", "/home/wang"),
                    ("XDG_CONFIG_HOME", "/srv/config")
                ])),
                Some(PathBuf::from("/srv/config/huibao"))
            );
            // A relative or empty folder names no place: the next one is taken.
            assert_eq!(
                config_folder_from(env(&[("XDG_CONFIG_HOME", "config"), ("HOME", "")])),
                None
            );
            assert_eq!(
                config_folder_from(env(&[
                    ("XDG_CONFIG_HOME", "target/e2e/config"),
                    ("HOME", "/home/wang")
                ])),
                Some(PathBuf::from("/home/wang/.config/huibao"))
            );
        }
        assert_eq!(config_folder_from(env(&[])), None);
    }
}
