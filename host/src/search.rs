//! Where plugins are looked for, and what a plugin directory holds.
//!
//! A native plugin named `fund` is the file `libhuibao_plugin_fund.so` (`huibao_plugin_fund.dll`,
//! `libhuibao_plugin_fund.dylib`); a template plugin named `talent` is the folder
//! `talent/` holding `plugin.toml`. The first directory that has the plugin wins.

use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable listing extra plugin directories (separated like `PATH`).
pub const ENV_VAR: &str = "HUIBAO_PLUGIN_PATH";

/// Where a plugin directory came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--plugin-dir`.
    CommandLine,
    /// The report's `[plugins] paths`.
    Report,
    /// `HUIBAO_PLUGIN_PATH`.
    Environment,
    /// The user's own plugin folder ([`user_dir`]).
    User,
    /// The program's own folder (or its `plugins/` folder, or the installed layout's
    /// `/usr/lib/huibao/plugins`).
    Program,
}

impl Origin {
    /// How `plugins list` and error messages name the origin.
    pub fn describe(self) -> String {
        match self {
            Origin::CommandLine => "--plugin-dir".into(),
            Origin::Report => "[plugins] paths".into(),
            Origin::Environment => ENV_VAR.into(),
            Origin::User => huibao_i18n::t!("plugin-origin-user"),
            Origin::Program => huibao_i18n::t!("plugin-origin-program"),
        }
    }
}

/// The two kinds of plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A shared library exporting the native ABI.
    Native,
    /// A folder with `plugin.toml` and a handlebars template.
    Template,
}

impl Kind {
    /// "native" or "template".
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Native => "native",
            Kind::Template => "template",
        }
    }
}

/// A plugin found on disk, not loaded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name it is found by.
    pub name: String,
    /// Native or template.
    pub kind: Kind,
    /// The library file or the template plugin's folder.
    pub path: PathBuf,
    /// Which directory of the search path holds it.
    pub origin: Origin,
}

/// The ordered plugin directories.
#[derive(Debug, Clone, Default)]
pub struct SearchPath {
    dirs: Vec<(PathBuf, Origin)>,
}

impl SearchPath {
    /// An empty search path.
    pub fn new() -> Self {
        SearchPath::default()
    }

    /// The standard order: `--plugin-dir`, then the report's `[plugins] paths` (relative
    /// to the report), then `HUIBAO_PLUGIN_PATH`, then the user's folder ([`user_dir`]),
    /// then next to the program (its folder, that folder's `plugins/`, in an installed
    /// layout `BIN/../lib/huibao/plugins`, and in a cargo build tree its `deps/`).
    pub fn standard(cli: &[PathBuf], report: Option<&huibao_core::Loaded>) -> Self {
        let report_dirs = report.map(|loaded| {
            let base = loaded
                .file
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            loaded
                .report
                .plugins
                .paths
                .iter()
                .map(|p| base.join(p))
                .collect::<Vec<_>>()
        });
        let exe = std::env::current_exe().ok();
        SearchPath::from_parts(
            cli,
            &report_dirs.unwrap_or_default(),
            std::env::var_os(ENV_VAR),
            user_dir().as_deref(),
            exe.as_deref().and_then(Path::parent),
        )
    }

    /// The standard order from explicit parts (for tests and embedders).
    pub fn from_parts(
        cli: &[PathBuf],
        report: &[PathBuf],
        env: Option<OsString>,
        user_dir: Option<&Path>,
        program_dir: Option<&Path>,
    ) -> Self {
        let mut s = SearchPath::new();
        for d in cli {
            s.push(d, Origin::CommandLine);
        }
        for d in report {
            s.push(d, Origin::Report);
        }
        if let Some(env) = env {
            for d in std::env::split_paths(&env).filter(|d| !d.as_os_str().is_empty()) {
                s.push(d, Origin::Environment);
            }
        }
        if let Some(dir) = user_dir {
            s.push(dir, Origin::User);
        }
        if let Some(dir) = program_dir {
            s.push(dir, Origin::Program);
            s.push(dir.join("plugins"), Origin::Program);
            // Installed as /usr/bin/huibao (or /usr/local/bin, /opt/huibao/bin): the
            // plugins are in ../lib/huibao/plugins.
            if let Some(prefix) = dir.parent().filter(|_| dir.ends_with("bin")) {
                s.push(
                    prefix.join("lib").join("huibao").join("plugins"),
                    Origin::Program,
                );
            }
            // In a cargo build tree, plugins built as dependencies land in deps/.
            if dir.join(".fingerprint").is_dir() {
                s.push(dir.join("deps"), Origin::Program);
            }
        }
        s
    }

    /// Appends a directory (a repeated one is ignored).
    pub fn push(&mut self, dir: impl Into<PathBuf>, origin: Origin) {
        let dir = dir.into();
        if !self.dirs.iter().any(|(d, _)| *d == dir) {
            self.dirs.push((dir, origin));
        }
    }

    /// The directories in search order.
    pub fn dirs(&self) -> &[(PathBuf, Origin)] {
        &self.dirs
    }

    /// The plugin called `name`: a native library or a template folder, from the first
    /// directory that has either (a library first within one directory).
    pub fn find(&self, name: &str) -> Option<Candidate> {
        if !valid_name(name) {
            return None;
        }
        self.dirs.iter().find_map(|(dir, origin)| {
            let lib = dir.join(native_file_name(name));
            let folder = dir.join(name);
            // Whatever is there under a plugin's name is taken (a FIFO, a link to nothing):
            // reading it then says what is wrong, instead of "no such plugin".
            if lib.symlink_metadata().is_ok() {
                Some(Candidate {
                    name: name.to_string(),
                    kind: Kind::Native,
                    path: lib,
                    origin: *origin,
                })
            } else if folder.join("plugin.toml").symlink_metadata().is_ok() {
                Some(Candidate {
                    name: name.to_string(),
                    kind: Kind::Template,
                    path: folder,
                    origin: *origin,
                })
            } else {
                None
            }
        })
    }

    /// Every plugin in every directory, in search order (a name may appear twice: the
    /// first one is the one used).
    pub fn candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (dir, origin) in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut found: Vec<Candidate> = entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let path = e.path();
                    let file_name = e.file_name().into_string().ok()?;
                    if path.join("plugin.toml").symlink_metadata().is_ok() {
                        return valid_name(&file_name).then_some(Candidate {
                            name: file_name,
                            kind: Kind::Template,
                            path,
                            origin: *origin,
                        });
                    }
                    let name = file_name
                        .strip_prefix(DLL_PREFIX)?
                        .strip_prefix("huibao_plugin_")?
                        .strip_suffix(DLL_SUFFIX)?
                        .replace('_', "-");
                    (valid_name(&name) && !path.is_dir()).then_some(Candidate {
                        name,
                        kind: Kind::Native,
                        path,
                        origin: *origin,
                    })
                })
                .collect();
            found.sort_by(|a, b| a.name.cmp(&b.name).then(a.path.cmp(&b.path)));
            out.extend(found);
        }
        out
    }
}

/// The user's own plugin folder, searched after `HUIBAO_PLUGIN_PATH` and before the
/// program's: `%APPDATA%\huibao\plugins` on Windows
/// (`C:\Users\NAME\AppData\Roaming\huibao\plugins`), `$XDG_DATA_HOME/huibao/plugins`
/// or else `~/.local/share/huibao/plugins` elsewhere. `None` when the environment names
/// no such place.
pub fn user_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("APPDATA")
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|home| home.join(".local/share")))
    };
    base.filter(|b| b.is_absolute())
        .map(|b| b.join("huibao").join("plugins"))
}

/// The file name of the native plugin `name` on this platform: `libhuibao_plugin_fund.so`.
pub fn native_file_name(name: &str) -> String {
    format!(
        "{DLL_PREFIX}huibao_plugin_{}{DLL_SUFFIX}",
        name.replace('-', "_")
    )
}

/// Plugin names are lowercase ASCII words joined by `-` or `_`: `fund`, `talent-work`.
/// Nothing else is looked up, so a name can never walk out of a plugin directory.
pub fn valid_name(name: &str) -> bool {
    name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_files() {
        assert!(valid_name("fund") && valid_name("talent-work") && valid_name("p2"));
        for bad in ["", "../fund", "Fund", "基金", "a b", "2fund", "a/b"] {
            assert!(!valid_name(bad), "{bad}");
        }
        assert!(native_file_name("talent-work").contains("huibao_plugin_talent_work"));
    }

    #[test]
    fn the_user_folder_comes_before_the_program_and_the_installed_layout_after_it() {
        let root = tempfile::tempdir().unwrap();
        let bin = root.path().join("usr/bin");
        let user = root.path().join("home/.local/share/huibao/plugins");
        let s = SearchPath::from_parts(&[], &[], None, Some(&user), Some(&bin));
        let dirs: Vec<(PathBuf, Origin)> = s.dirs().to_vec();
        assert_eq!(
            dirs,
            [
                (user.clone(), Origin::User),
                (bin.clone(), Origin::Program),
                (bin.join("plugins"), Origin::Program),
                (
                    root.path()
                        .join("usr")
                        .join("lib")
                        .join("huibao")
                        .join("plugins"),
                    Origin::Program
                ),
            ]
        );
        // A library in the installed layout is found.
        let lib = root.path().join("usr/lib/huibao/plugins");
        std::fs::create_dir_all(&lib).unwrap();
        std::fs::write(lib.join(native_file_name("fund")), "").unwrap();
        assert_eq!(
            s.find("fund").unwrap().path,
            lib.join(native_file_name("fund"))
        );
        // A program folder not called bin has no installed layout.
        let s = SearchPath::from_parts(&[], &[], None, None, Some(&root.path().join("app")));
        assert_eq!(s.dirs().len(), 2);
    }

    #[test]
    fn order_and_lookup() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        std::fs::create_dir(b.path().join("talent")).unwrap();
        std::fs::write(b.path().join("talent/plugin.toml"), "").unwrap();
        std::fs::write(b.path().join(native_file_name("fund")), "").unwrap();
        std::fs::write(a.path().join(native_file_name("fund")), "").unwrap();
        let env = std::env::join_paths([b.path()]).unwrap();
        let s = SearchPath::from_parts(&[a.path().into()], &[], Some(env), None, None);
        let fund = s.find("fund").unwrap();
        assert_eq!(
            (fund.kind, fund.origin),
            (Kind::Native, Origin::CommandLine)
        );
        let talent = s.find("talent").unwrap();
        assert_eq!(
            (talent.kind, talent.origin),
            (Kind::Template, Origin::Environment)
        );
        assert_eq!(s.find("party"), None);
        assert_eq!(s.find("../talent"), None);
        let all: Vec<(String, Origin)> = s
            .candidates()
            .into_iter()
            .map(|c| (c.name, c.origin))
            .collect();
        assert_eq!(
            all,
            [
                ("fund".to_string(), Origin::CommandLine),
                ("fund".to_string(), Origin::Environment),
                ("talent".to_string(), Origin::Environment)
            ]
        );
    }
}
