//! Noticing saves of every input of the report: the report itself, the spreadsheet its
//! `[indicators] from` names, last period's report, its template plugins' folders (see
//! [`huibao_pipeline::Session::inputs`]). The folders holding them are watched (not the
//! files), so an editor that saves by writing a new file and renaming it over the old
//! one is seen as well as one that writes in place. The set is renewed after every
//! render, as the report may name other files.

use crate::Error;
use notify::{RecursiveMode, Watcher as _};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What is watched: files (by their folder) and folders (a template plugin's).
#[derive(Default)]
struct Targets {
    files: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
}

impl Targets {
    /// Whether a change at `path` is one of ours.
    fn covers(&self, path: &Path) -> bool {
        self.files.contains(path) || self.folders.iter().any(|f| path.starts_with(f))
    }
}

/// A running watcher; dropping it stops watching.
pub(crate) struct Watcher {
    inner: notify::RecommendedWatcher,
    targets: Arc<Mutex<Targets>>,
    watched: BTreeSet<PathBuf>,
}

/// An absolute form of `path` without resolving links (the events name paths so).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Watcher {
    /// Sends the time of every change to an input (written, created, renamed onto or
    /// removed) on `saved`; watches `inputs` (see [`Watcher::set`]).
    pub(crate) fn new(inputs: &[PathBuf], saved: Sender<Instant>) -> Result<Watcher, Error> {
        let targets = Arc::new(Mutex::new(Targets::default()));
        let seen = targets.clone();
        let inner = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if event.kind.is_access() {
                return;
            }
            let targets = seen.lock().unwrap_or_else(|e| e.into_inner());
            if event.paths.iter().any(|p| targets.covers(&absolute(p))) {
                let _ = saved.send(Instant::now());
            }
        })
        .map_err(|e| Error::Watch {
            path: inputs.first().cloned().unwrap_or_default(),
            reason: e.to_string(),
        })?;
        let mut watcher = Watcher {
            inner,
            targets,
            watched: BTreeSet::new(),
        };
        watcher.set(inputs)?;
        Ok(watcher)
    }

    /// Watches exactly `inputs` from now on: a folder among them (a template plugin)
    /// with everything in it, a file by its folder. The first input (the report) must
    /// be watchable; others that cannot be are left out until they can.
    pub(crate) fn set(&mut self, inputs: &[PathBuf]) -> Result<(), Error> {
        let mut targets = Targets::default();
        // Each folder to watch, and whether with its subfolders (a plugin's folder).
        let mut folders: BTreeMap<PathBuf, bool> = BTreeMap::new();
        for input in inputs {
            let input = absolute(input);
            if input.is_dir() {
                folders.insert(input.clone(), true);
                targets.folders.insert(input);
            } else {
                let parent = input.parent().map(Path::to_path_buf).unwrap_or_default();
                folders.entry(parent).or_insert(false);
                targets.files.insert(input);
            }
        }
        *self.targets.lock().unwrap_or_else(|e| e.into_inner()) = targets;
        for gone in self.watched.iter().filter(|w| !folders.contains_key(*w)) {
            let _ = self.inner.unwatch(gone);
        }
        let report_folder = inputs.first().map(|r| {
            absolute(r)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        });
        let mut watched = BTreeSet::new();
        for (folder, recursive) in folders {
            if self.watched.contains(&folder) {
                watched.insert(folder);
                continue;
            }
            let mode = if recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            match self.inner.watch(&folder, mode) {
                Ok(()) => {
                    watched.insert(folder);
                }
                Err(e) if Some(&folder) == report_folder.as_ref() => {
                    return Err(Error::Watch {
                        path: folder,
                        reason: e.to_string(),
                    })
                }
                Err(_) => {}
            }
        }
        self.watched = watched;
        Ok(())
    }
}
