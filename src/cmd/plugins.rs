//! `huibao plugins list` and `huibao plugin new`.

use crate::exit;
use crate::output::print_line;
use clap::{Args, Subcommand};
use huibao_host::{self, Candidate, PluginInfo};
use huibao_pipeline::{Options, Session};
use std::path::{Path, PathBuf};

/// Arguments of `huibao plugins`.
#[derive(Args, Debug)]
pub(crate) struct PluginsArgs {
    #[command(subcommand)]
    pub command: PluginsCommand,
}

/// `huibao plugins …`.
#[derive(Subcommand, Debug)]
pub(crate) enum PluginsCommand {
    /// List every plugin found, with kind, version, ABI and path.
    List {
        /// Extra plugin directory (repeatable); also HUIBAO_PLUGIN_PATH.
        #[arg(long = "plugin-dir", value_name = "DIR")]
        plugin_dirs: Vec<PathBuf>,
        /// Also search the `[plugins] paths` of this report.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
}

/// Arguments of `huibao plugin`.
#[derive(Args, Debug)]
pub(crate) struct PluginArgs {
    #[command(subcommand)]
    pub command: PluginCommand,
}

/// `huibao plugin …`.
#[derive(Subcommand, Debug)]
pub(crate) enum PluginCommand {
    /// Scaffold a new plugin that builds and renders as it is.
    New {
        /// The plugin's name: lowercase letters, digits, - and _ (e.g. talent).
        name: String,
        /// A native (Rust cdylib) plugin instead of a template plugin.
        #[arg(long)]
        native: bool,
        /// Where to create the plugin's folder (default: the current directory).
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// The huibao-plugin-api source folder for a native plugin's dependency
        /// (default: this huibao's source tree when it is there, else crates.io).
        #[arg(long, value_name = "DIR")]
        api_path: Option<PathBuf>,
    },
}

/// `huibao plugins`.
pub(crate) fn plugins(args: PluginsArgs) -> u8 {
    match args.command {
        PluginsCommand::List {
            plugin_dirs,
            report,
        } => list(&plugin_dirs, report.as_deref()),
    }
}

/// `huibao plugins list`: one line per plugin found, errors under the plugin they concern.
fn list(plugin_dirs: &[PathBuf], report: Option<&Path>) -> u8 {
    let loaded = match report.map(huibao_core::load).transpose() {
        Ok(l) => l,
        Err(d) => {
            crate::output::print_diagnostics(&d);
            return exit::REPORT_ERROR;
        }
    };
    let mut options = Options::default();
    options.plugin_dirs = plugin_dirs.to_vec();
    let search = Session::new(options).plugin_search_path(loaded.as_ref());
    let found = huibao_host::list(&search);
    if found.is_empty() {
        print_line("no plugins found");
    } else {
        let mut rows = vec![[
            "NAME".to_string(),
            "KIND".into(),
            "VERSION".into(),
            "ABI".into(),
            "PATH".into(),
        ]];
        let mut notes = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (c, info) in &found {
            let shadowed = seen.contains(&c.name.as_str());
            seen.push(&c.name);
            rows.push(row(c, info.as_ref().ok(), shadowed));
            if let (Err(d), false) = (info, shadowed) {
                notes.push(format!("  {}: {}", c.name, d.one_line()));
            }
        }
        for r in &rows {
            print_line(&columns(r, &rows));
        }
        for n in notes {
            print_line(&n);
        }
    }
    print_line("searched, in this order:");
    for (dir, origin) in search.dirs() {
        print_line(&format!("  {} ({})", dir.display(), origin.describe()));
    }
    exit::OK
}

fn row(c: &Candidate, info: Option<&PluginInfo>, shadowed: bool) -> [String; 5] {
    let path = c.path.display().to_string();
    let path = if shadowed {
        format!("{path} (shadowed: the same name is found earlier)")
    } else {
        path
    };
    match info {
        Some(i) => [
            i.name.clone(),
            i.kind.as_str().into(),
            i.version.clone(),
            i.abi.clone(),
            path,
        ],
        None => [
            c.name.clone(),
            c.kind.as_str().into(),
            "—".into(),
            "error".into(),
            path,
        ],
    }
}

/// Pads every cell but the last to its column's widest cell.
fn columns(r: &[String; 5], rows: &[[String; 5]]) -> String {
    let mut line = String::new();
    for (i, cell) in r.iter().enumerate() {
        if i + 1 == r.len() {
            line.push_str(cell);
        } else {
            let width = rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.chars().count() + 2));
        }
    }
    line
}

/// `huibao plugin`.
pub(crate) fn plugin(args: PluginArgs) -> u8 {
    match args.command {
        PluginCommand::New {
            name,
            native,
            dir,
            api_path,
        } => new(&name, native, &dir, api_path.as_deref()),
    }
}

mod scaffold {
    pub(super) const PLUGIN_TOML: &str =
        include_str!("../../plugins/scaffold/template/plugin.toml");
    pub(super) const SECTION_HBS: &str =
        include_str!("../../plugins/scaffold/template/section.hbs");
    pub(super) const TEMPLATE_EXAMPLE: &str =
        include_str!("../../plugins/scaffold/template/example.toml");
    pub(super) const CARGO_TOML: &str = include_str!("../../plugins/scaffold/native/Cargo.toml.in");
    pub(super) const LIB_RS: &str = include_str!("../../plugins/scaffold/native/lib.rs.in");
    pub(super) const SCHEMA: &str = include_str!("../../plugins/scaffold/native/schema.json");
    pub(super) const NATIVE_EXAMPLE: &str =
        include_str!("../../plugins/scaffold/native/example.toml");
    pub(super) const GITIGNORE: &str = include_str!("../../plugins/scaffold/native/gitignore");
}

/// `huibao plugin new`: writes the scaffold into DIR/NAME, never over existing files.
fn new(name: &str, native: bool, dir: &Path, api_path: Option<&Path>) -> u8 {
    if !huibao_host::valid_name(name) {
        eprintln!(
            "error: `{name}` is not a valid plugin name: use lowercase ASCII letters, digits, - and _, starting with a letter (e.g. talent)"
        );
        return exit::USAGE;
    }
    let root = dir.join(name);
    if root.exists() {
        eprintln!(
            "error: {} already exists; choose another name or remove it first",
            root.display()
        );
        return exit::OUTPUT_ERROR;
    }
    let crate_name = format!("huibao_plugin_{}", name.replace('-', "_"));
    let fill = |s: &str, api: &str| {
        s.replace("__NAME__", name)
            .replace("__CRATE__", &crate_name)
            .replace("__API__", api)
    };
    let files: Vec<(&str, String)> = if native {
        let api = api_dependency(api_path);
        vec![
            ("Cargo.toml", fill(scaffold::CARGO_TOML, &api)),
            ("src/lib.rs", fill(scaffold::LIB_RS, &api)),
            ("schema.json", scaffold::SCHEMA.to_string()),
            ("example.toml", fill(scaffold::NATIVE_EXAMPLE, &api)),
            (".gitignore", scaffold::GITIGNORE.to_string()),
        ]
    } else {
        vec![
            ("plugin.toml", fill(scaffold::PLUGIN_TOML, "")),
            ("section.hbs", scaffold::SECTION_HBS.to_string()),
            ("example.toml", fill(scaffold::TEMPLATE_EXAMPLE, "")),
        ]
    };
    let files: Vec<(PathBuf, &[u8])> = files
        .iter()
        .map(|(file, text)| (root.join(file), text.as_bytes()))
        .collect();
    if let Err(e) = huibao_pipeline::write_files(&files) {
        eprintln!("error: {e}");
        return exit::OUTPUT_ERROR;
    }
    let example = root.join("example.toml");
    if native {
        print_line(&format!(
            "created native plugin `{name}` in {}\nbuild it:   cd {} && cargo build\nrender it:  huibao render {} --format html --out out",
            root.display(),
            root.display(),
            example.display()
        ));
    } else {
        print_line(&format!(
            "created template plugin `{name}` in {}\nrender it:  huibao render {} --format html --out out",
            root.display(),
            example.display()
        ));
    }
    exit::OK
}

/// The `huibao-plugin-api = …` line of a native scaffold: a path to the API's source when
/// it is known (given, or this huibao's source tree), else the crates.io version.
fn api_dependency(api_path: Option<&Path>) -> String {
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("plugins/api");
    let path = api_path.map(Path::to_path_buf).or_else(|| {
        built_from
            .join("Cargo.toml")
            .is_file()
            .then_some(built_from)
    });
    match path.map(|p| p.canonicalize().unwrap_or(p)) {
        Some(p) => format!(
            "huibao-plugin-api = {{ path = {} }}",
            toml_string(&p.display().to_string())
        ),
        None => format!("huibao-plugin-api = \"{}\"", env!("CARGO_PKG_VERSION")),
    }
}

/// A TOML string, quoted and escaped by toml_edit.
fn toml_string(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}
