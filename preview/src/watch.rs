//! Noticing saves: the report's folder is watched (not the file itself), so an editor
//! that saves by writing a new file and renaming it over the report is seen as well as
//! one that writes in place.

use crate::Error;
use notify::{RecursiveMode, Watcher as _};
use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Instant;

/// A running watcher; dropping it stops watching.
pub(crate) struct Watcher(#[allow(dead_code)] notify::RecommendedWatcher);

/// Sends the time of every change to `report` (written, created, renamed onto or
/// removed) on `saved`.
pub(crate) fn watch(report: &Path, saved: Sender<Instant>) -> Result<Watcher, Error> {
    let folder = match report.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let name: Option<OsString> = report.file_name().map(|n| n.to_os_string());
    let failed = |e: notify::Error| Error::Watch {
        path: folder.clone(),
        reason: e.to_string(),
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
        if ours {
            let _ = saved.send(Instant::now());
        }
    })
    .map_err(failed)?;
    watcher
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(failed)?;
    Ok(Watcher(watcher))
}
