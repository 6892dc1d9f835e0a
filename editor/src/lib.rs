//! huibao-editor: the browser editor of `huibao edit` — forms over a report TOML,
//! edited through toml_edit (what an edit does not touch stays byte for byte), checked
//! and previewed after every change, exported by the pipeline's writer.
//!
//! The editor is a [`huibao_preview::http::Handler`]: [`Editor::handle`] answers one
//! [`Request`] on one of its [`ROUTES`] with one [`Response`]; `huibao edit` serves it
//! with [`huibao_preview::http::Server`], the server `watch` uses, which answers only
//! this machine, with this run's token, on these routes, with bounded bodies. Its page
//! (`assets/`) is compiled in.

pub mod edit;
mod list;
pub mod plugins;
pub mod recent;
pub mod sheet;
pub mod spans;

pub use edit::{apply, Edit, EditError, Path, Step};
pub use huibao_preview::http::{Request, Response};
pub use spans::SpanIndex;

use huibao_preview::http::{Answer, Handler, Route};

use huibao_core::Severity;
use huibao_pipeline::{Diagnostic, Format, Session, SourceFile};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;
use toml_edit::DocumentMut;

/// The starter report of `huibao new`, which 新建 begins from.
pub const STARTER: &str = include_str!("../../templates/new-report.toml");

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

/// How many steps undo goes back.
const UNDO_DEPTH: usize = 200;

/// The routes whose body is a file's bytes (an upload), not JSON.
const UPLOADS: &[&str] = &["/api/import", "/api/sheet"];

/// The largest request body read (an imported report, a statistics spreadsheet, a pasted
/// block).
pub const MAX_BODY: usize = 32 * 1024 * 1024;

/// Every path the editor answers: GET (and HEAD) for the page, its assets and what it
/// reads; POST for every change. The server answers anything else (404, 405), and the
/// reliability tests (`tests/server.rs`) try each of these for refusals.
pub const ROUTES: &[Route] = &[
    Route::get("/"),
    Route::get("/index.html"),
    Route::get("/app.js"),
    Route::get("/app.css"),
    Route::get("/api/words"),
    Route::get("/api/state"),
    Route::get("/api/download"),
    Route::get("/api/pages"),
    Route::get("/api/disk"),
    Route::get("/api/plugins"),
    Route::post("/api/edit"),
    Route::post("/api/undo"),
    Route::post("/api/redo"),
    Route::post("/api/save"),
    Route::post("/api/reload"),
    Route::post("/api/new"),
    Route::post("/api/open"),
    Route::post("/api/import"),
    Route::post("/api/sheet"),
    Route::post("/api/export"),
    Route::post("/api/figures"),
];

/// What the editor is started with.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct EditorOptions {
    /// The report edited; `None` starts on the start page (新建, 打开, 导入).
    pub report: Option<PathBuf>,
    /// Where new and imported reports are written (default: the working directory).
    pub folder: PathBuf,
    /// Save after every change.
    pub autosave: bool,
    /// The file of the reports opened last, offered on the start page
    /// ([`recent::default_file`] for `huibao edit`); `None` keeps no list.
    pub recent: Option<PathBuf>,
}

/// A file on disk as last read or written: to notice another program changing it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<std::time::SystemTime>,
    hash: u64,
}

impl Stamp {
    fn of(path: &std::path::Path) -> Option<Stamp> {
        let bytes = std::fs::read(path).ok()?;
        Some(Stamp {
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            hash: hash(&bytes),
        })
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // FNV-1a: stable, and enough to tell two versions of a file apart.
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What the editor holds.
#[derive(Default)]
struct State {
    /// The report's file; `None` on the start page.
    path: Option<PathBuf>,
    /// The report being edited.
    doc: DocumentMut,
    /// Earlier texts, the latest last.
    undo: Vec<String>,
    /// Texts undone, the latest last.
    redo: Vec<String>,
    /// The text last saved (or read).
    saved: String,
    /// The file as last read or written.
    disk: Option<Stamp>,
    /// The last preview that rendered.
    preview: Option<String>,
    /// The printed figures of each indicator, of the last report that prepared.
    figures: Value,
    /// The printed numbers of the outline items, of the last report that prepared.
    numbers: Value,
    /// Doubts of the import (`# CHECK:`), as a to-do list.
    todos: Vec<Value>,
    /// Files exported, offered as downloads.
    exported: Vec<PathBuf>,
    /// The last report that prepared, for laying out its pages.
    prepared: Option<std::sync::Arc<huibao_pipeline::Prepared>>,
}

/// The editor: one report, its undo history and its last good preview.
pub struct Editor {
    session: Session,
    options: EditorOptions,
    state: Mutex<State>,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("options", &self.options)
            .finish()
    }
}

impl Editor {
    /// An editor of `options.report` (read now; a missing file starts empty and is
    /// written on the first save).
    pub fn new(session: Session, options: EditorOptions) -> Result<Editor, String> {
        let editor = Editor {
            session,
            state: Mutex::new(State::default()),
            options,
        };
        if let Some(path) = editor.options.report.clone() {
            let mut state = editor.lock();
            editor.open_into(&mut state, path)?;
        }
        Ok(editor)
    }

    /// The report's current text.
    pub fn text(&self) -> String {
        self.lock().doc.to_string()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers one request that the server admitted (this machine, this run's token,
    /// one of [`ROUTES`], its body read): the page and its assets, or the JSON API
    /// (`/api/…`).
    pub fn handle(&self, request: &Request) -> Response {
        let get = request.method == "GET" || request.method == "HEAD";
        let post = request.method == "POST";
        match (request.path.as_str(), get, post) {
            ("/", true, _) | ("/index.html", true, _) => {
                Response::new(200, "text/html; charset=utf-8", INDEX_HTML)
                    .with_header("Content-Security-Policy", CSP)
            }
            ("/app.js", true, _) => Response::new(200, "text/javascript; charset=utf-8", APP_JS),
            ("/app.css", true, _) => Response::new(200, "text/css; charset=utf-8", APP_CSS),
            ("/api/words", true, _) => words_json(),
            ("/api/state", true, _) => self.state_json(None),
            ("/api/download", true, _) => self.download(request),
            ("/api/pages", true, _) => self.pages(),
            ("/api/plugins", true, _) => {
                let (path, text) = {
                    let state = self.lock();
                    (state.path.clone(), state.doc.to_string())
                };
                json_response(&plugins::available(&self.session, path.as_deref(), &text))
            }
            ("/api/disk", true, _) => {
                let state = self.lock();
                let changed = match &state.path {
                    Some(p) => Stamp::of(p) != state.disk,
                    None => false,
                };
                json_response(&json!({ "disk_changed": changed }))
            }
            (path, _, true) if path.starts_with("/api/") => self.api(path, request),
            _ => Response::plain(404, "404: not found"),
        }
    }

    fn api(&self, path: &str, request: &Request) -> Response {
        let body: Value = if UPLOADS.contains(&path) {
            Value::Null
        } else {
            match serde_json::from_slice(&request.body) {
                Ok(v) => v,
                Err(_) if request.body.is_empty() => Value::Null,
                Err(e) => return Response::plain(400, e.to_string()),
            }
        };
        match path {
            "/api/edit" => self.edit(&body),
            "/api/undo" => self.undo_redo(true),
            "/api/redo" => self.undo_redo(false),
            "/api/save" => {
                let mut state = self.lock();
                let result = save(&mut state);
                drop(state);
                match result {
                    Ok(()) => self.state_json(None),
                    Err(e) => error_json(&e),
                }
            }
            "/api/reload" => {
                let mut state = self.lock();
                let result = match state.path.clone() {
                    Some(p) => self.open_into(&mut state, p),
                    None => Err(huibao_i18n::t!("editor-no-report")),
                };
                drop(state);
                self.after(result)
            }
            "/api/new" => {
                let name = body["name"].as_str().unwrap_or("report.toml").to_string();
                let result = self.create(&name, STARTER, Vec::new());
                self.after(result)
            }
            "/api/open" => {
                // A path typed on the start page is relative to the editor's folder.
                let path = self
                    .options
                    .folder
                    .join(body["path"].as_str().unwrap_or_default());
                let mut state = self.lock();
                let result = self.open_into(&mut state, path);
                drop(state);
                self.after(result)
            }
            "/api/import" => self.import(request),
            "/api/sheet" => self.sheet(request),
            "/api/export" => self.export(&body),
            "/api/figures" => figures_json(&body),
            _ => Response::plain(404, "404: not found"),
        }
    }

    fn after(&self, result: Result<(), String>) -> Response {
        match result {
            Ok(()) => self.state_json(None),
            Err(e) => error_json(&e),
        }
    }

    /// Reads the report at `path` (a missing file: an empty report there).
    fn open_into(&self, state: &mut State, path: PathBuf) -> Result<(), String> {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(huibao_i18n::t!(
                    "editor-cannot-read",
                    path = path.display().to_string(),
                    reason = e.to_string()
                ))
            }
        };
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            huibao_i18n::t!(
                "editor-not-toml",
                path = path.display().to_string(),
                detail = e.to_string()
            )
        })?;
        state.disk = Stamp::of(&path);
        if let Some(list) = &self.options.recent {
            // The list is a convenience: a config folder that cannot be written does not
            // keep the report from opening.
            let _ = recent::add(list, &path);
        }
        state.path = Some(path);
        state.saved = doc.to_string();
        state.doc = doc;
        state.undo.clear();
        state.redo.clear();
        state.preview = None;
        state.todos.clear();
        Ok(())
    }

    /// Writes `text` as a new report `name` in the editor's folder (never over a file)
    /// and opens it.
    fn create(&self, name: &str, text: &str, todos: Vec<Value>) -> Result<(), String> {
        let name = std::path::Path::new(name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "report.toml".into());
        let name = if name.ends_with(".toml") {
            name
        } else {
            format!("{name}.toml")
        };
        let path = self.options.folder.join(&name);
        if path.exists() {
            return Err(huibao_i18n::t!(
                "editor-exists",
                path = path.display().to_string()
            ));
        }
        huibao_pipeline::write_files(&[(path.clone(), text.as_bytes())])
            .map_err(|e| e.to_string())?;
        let mut state = self.lock();
        self.open_into(&mut state, path)?;
        state.todos = todos;
        Ok(())
    }

    fn edit(&self, body: &Value) -> Response {
        let edits: Vec<Edit> = match serde_json::from_value(body["edits"].clone()) {
            Ok(e) => e,
            Err(e) => return Response::plain(400, format!("edits: {e}")),
        };
        match self.apply_all(&edits) {
            Ok(()) => self.state_json(None),
            Err(e) => error_json(&e),
        }
    }

    /// Applies `edits` together, as one step of undo (none, or all of them), and saves
    /// when autosaving.
    fn apply_all(&self, edits: &[Edit]) -> Result<(), String> {
        let mut state = self.lock();
        let before = state.doc.to_string();
        let mut doc = state.doc.clone();
        for e in edits {
            apply(&mut doc, e).map_err(|e| e.to_string())?;
        }
        if doc.to_string() != before {
            state.doc = doc;
            state.undo.push(before);
            if state.undo.len() > UNDO_DEPTH {
                state.undo.remove(0);
            }
            state.redo.clear();
            if self.options.autosave && state.path.is_some() {
                save(&mut state)?;
            }
        }
        Ok(())
    }

    /// 从统计表导入: the uploaded spreadsheet read as `huibao indicators` reads one, its
    /// indicators merged into the grid by name; the answer is the state with `sheet`:
    /// what was added and changed, and the reader's findings at their cells.
    fn sheet(&self, request: &Request) -> Response {
        let name = request.arg("name").unwrap_or_else(|| "统计表.xlsx".into());
        let report = toml::from_str::<toml::Value>(&self.text())
            .unwrap_or_else(|_| toml::Value::Table(Default::default()));
        if let Some(from) = sheet::reads_sheet(&report) {
            // Its figures come from that sheet at every render: rows copied beside them
            // would name each indicator twice.
            return self.state_with(json!({
                "ok": false,
                "summary": huibao_i18n::t!("editor-sheet-report-reads", from = from, file = name.as_str()),
                "findings": [],
            }));
        }
        let selection = huibao_sheets::Selection::default();
        let read =
            match huibao_sheets::read_indicators_bytes(request.body.clone(), &name, &selection) {
                Ok(read) => read,
                Err(errors) => {
                    let summary = huibao_i18n::t!(
                        "editor-sheet-refused",
                        file = name.as_str(),
                        count = errors.0.len()
                    );
                    return self.state_with(json!({
                        "ok": false,
                        "summary": summary,
                        "findings": sheet::errors(&errors),
                    }));
                }
            };
        let merge = sheet::merge(&report, &read);
        if let Err(e) = self.apply_all(&merge.edits) {
            return error_json(&e);
        }
        let summary = huibao_i18n::t!(
            "editor-sheet-merged",
            sheet = read.sheet.to_string(),
            count = read.indicators.len(),
            added = merge.added.len(),
            changed = merge.changed.len(),
            unchanged = merge.unchanged
        );
        self.state_with(json!({
            "ok": true,
            "summary": summary,
            "added": merge.added,
            "changed": sheet::changes_json(&merge.changed),
            "findings": sheet::findings(&read),
        }))
    }

    /// The state, with `sheet`: what an import of a spreadsheet did.
    fn state_with(&self, sheet: Value) -> Response {
        let mut state = self.state_value(None);
        state["sheet"] = sheet;
        json_response(&state)
    }

    fn undo_redo(&self, undo: bool) -> Response {
        let mut state = self.lock();
        let now = state.doc.to_string();
        let popped = if undo {
            state.undo.pop()
        } else {
            state.redo.pop()
        };
        if let Some(text) = popped {
            if let Ok(doc) = text.parse() {
                state.doc = doc;
                if undo {
                    state.redo.push(now);
                } else {
                    state.undo.push(now);
                }
                if self.options.autosave && state.path.is_some() {
                    let _ = save(&mut state);
                }
            }
        }
        drop(state);
        self.state_json(None)
    }

    fn import(&self, request: &Request) -> Response {
        let name = request
            .arg("name")
            .unwrap_or_else(|| "上期报告.docx".into());
        let kind = huibao_import::SourceKind::of(std::path::Path::new(&name));
        let imported = match huibao_import::import_bytes(&name, &name, &request.body, kind) {
            Ok(i) => i,
            Err(e) => return error_json(&e.to_string()),
        };
        let stem = std::path::Path::new(&name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        let todos = check_notes(&imported.toml);
        let mut target = format!("{stem}.toml");
        for n in 2..100 {
            if !self.options.folder.join(&target).exists() {
                break;
            }
            target = format!("{stem}-{n}.toml");
        }
        let result = self.create(&target, &imported.toml, todos);
        self.after(result)
    }

    fn export(&self, body: &Value) -> Response {
        let formats: Vec<Format> = body["formats"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .filter_map(|f| Format::ALL.into_iter().find(|x| x.extension() == f))
                    .collect()
            })
            .unwrap_or_default();
        let (path, text) = {
            let state = self.lock();
            (state.path.clone(), state.doc.to_string())
        };
        let Some(path) = path else {
            return error_json("请先新建或打开一份报告");
        };
        let prepared = match self
            .session
            .prepare_source(SourceFile::new(path.clone(), text))
        {
            Ok(p) => p,
            Err(d) => {
                return error_json(&format!(
                    "报告有错误，未导出：{}",
                    d.0.first()
                        .map(|d| d.message.to_string())
                        .unwrap_or_default()
                ))
            }
        };
        let rendered = match self.session.render(&prepared, &formats) {
            Ok(r) => r,
            Err(e) => return error_json(&e.to_string()),
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match huibao_pipeline::write_outputs(&dir, &prepared.stem(), &rendered) {
            Ok(paths) => {
                let files: Vec<Value> = paths
                    .iter()
                    .map(|p| {
                        let name = p
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        json!({"name": name, "path": p.display().to_string()})
                    })
                    .collect();
                let mut state = self.lock();
                for p in paths {
                    if !state.exported.contains(&p) {
                        state.exported.push(p);
                    }
                }
                drop(state);
                json_response(&json!({"files": files}))
            }
            Err(e) => error_json(&e.to_string()),
        }
    }

    /// Where the PDF's pages begin: the last good report laid out as the PDF is, and the
    /// first line of text of each page after the first (`{pages: [{page, first}]}`).
    fn pages(&self) -> Response {
        let Some(prepared) = self.lock().prepared.clone() else {
            return json_response(&json!({ "pages": [] }));
        };
        let started = Instant::now();
        let pages = match huibao_layout::lay_out_with(
            &prepared.document,
            prepared.style(),
            self.session.fonts(),
        ) {
            Ok(p) => p,
            Err(e) => return error_json(&e.to_string()),
        };
        let starts: Vec<Value> = pages
            .pages
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(i, page)| {
                let first = page.lines.iter().find(|l| !l.artifact)?.text();
                Some(json!({ "page": i + 1, "first": first }))
            })
            .collect();
        json_response(&json!({
            "pages": starts,
            "count": pages.pages.len(),
            "summary": huibao_i18n::t!("editor-pdf-pages", count = pages.pages.len()),
            "ms": started.elapsed().as_secs_f64() * 1000.0,
        }))
    }

    fn download(&self, request: &Request) -> Response {
        let name = request.arg("name").unwrap_or_default();
        let state = self.lock();
        let Some(path) = state
            .exported
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == name))
            .cloned()
        else {
            return Response::plain(404, "404: not found");
        };
        drop(state);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let ascii: String = name
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let encoded: String = name
                    .bytes()
                    .map(|b| {
                        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                            (b as char).to_string()
                        } else {
                            format!("%{b:02X}")
                        }
                    })
                    .collect();
                Response::new(200, "application/octet-stream", bytes).with_header(
                    "Content-Disposition",
                    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
                )
            }
            Err(_) => Response::plain(404, "404: not found"),
        }
    }

    /// Checks and previews the current text, and answers with everything the page
    /// shows.
    fn state_json(&self, message: Option<&str>) -> Response {
        json_response(&self.state_value(message))
    }

    /// Everything the page shows, as JSON.
    fn state_value(&self, message: Option<&str>) -> Value {
        let (path, text, disk_changed, can_undo, can_redo, dirty) = {
            let state = self.lock();
            let text = state.doc.to_string();
            let disk_changed = match &state.path {
                Some(p) => Stamp::of(p) != state.disk,
                None => false,
            };
            (
                state.path.clone(),
                text.clone(),
                disk_changed,
                !state.undo.is_empty(),
                !state.redo.is_empty(),
                text != state.saved,
            )
        };
        let checked = self.check(&path, &text);
        let mut state = self.lock();
        if let Some(html) = checked.html {
            state.preview = Some(html);
        }
        if let Some(f) = checked.figures {
            state.figures = f;
        }
        if let Some(n) = checked.numbers {
            state.numbers = n;
        }
        if let Some(p) = checked.prepared {
            state.prepared = Some(std::sync::Arc::new(p));
        }
        let report = toml::from_str::<toml::Value>(&text)
            .map(|v| toml_to_json(&v))
            .unwrap_or(Value::Null);
        json!({
            "file": path.as_ref().map(|p| p.display().to_string()),
            "name": path.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
            "report": report,
            "diagnostics": checked.diagnostics,
            "ok": checked.ok,
            "preview": state.preview,
            "figures": state.figures,
            "numbers": state.numbers,
            "todos": state.todos,
            "can_undo": can_undo,
            "can_redo": can_redo,
            "dirty": dirty,
            "disk_changed": disk_changed,
            "autosave": self.options.autosave,
            "render_ms": checked.elapsed_ms,
            "message": message,
            "recent": match (&path, &self.options.recent) {
                (None, Some(list)) => recent::list_json(list),
                _ => Vec::new(),
            },
        })
    }

    /// Prepares `text` as the pipeline would and renders its page.
    fn check(&self, path: &Option<PathBuf>, text: &str) -> Checked {
        let started = Instant::now();
        let mut checked = Checked::default();
        let Some(path) = path else {
            return checked;
        };
        let index = SpanIndex::of(text);
        let file = SourceFile::new(path.clone(), text);
        let place = |d: &Diagnostic| -> Value {
            let ours = d.file.as_ref().is_some_and(|f| &f.path == path);
            let (field, line, column) = match (&d.span, ours) {
                (Some(span), true) => {
                    let (l, c) = file.line_column(span.start);
                    (index.path_at(span.start).cloned(), Some(l), Some(c))
                }
                _ => (None, None, None),
            };
            json!({
                "path": field,
                "line": line,
                "column": column,
                "severity": if d.severity == Severity::Error { "error" } else { "warning" },
                "message": d.message.to_string(),
                "label": d.label.as_ref().map(ToString::to_string),
                "help": d.help.as_ref().map(ToString::to_string),
            })
        };
        match self.session.prepare_source(file.clone()) {
            Ok(prepared) => {
                checked.diagnostics = prepared.warnings.iter().map(place).collect();
                checked.figures = Some(
                    prepared
                        .resolved
                        .figures
                        .iter()
                        .map(|(name, f)| {
                            (
                                name.clone(),
                                json!({"value": f.value, "growth": f.growth, "growth_cell": f.growth_cell,
                                       "completion": f.completion, "completion_cell": f.completion_cell}),
                            )
                        })
                        .collect::<serde_json::Map<_, _>>()
                        .into(),
                );
                checked.numbers = Some(item_numbers(&prepared.document, &index, text));
                match self.session.render(&prepared, &[Format::Html]) {
                    Ok(r) => {
                        checked.html = r
                            .outputs
                            .into_iter()
                            .next()
                            .map(|o| String::from_utf8_lossy(&o.bytes).into_owned());
                        checked.ok = true;
                        checked.prepared = Some(prepared);
                    }
                    Err(e) => checked.diagnostics.push(json!({
                        "path": null, "line": null, "column": null, "severity": "error",
                        "message": e.to_string(), "label": null, "help": null})),
                }
            }
            Err(d) => checked.diagnostics = d.0.iter().map(place).collect(),
        }
        checked.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        checked
    }
}

impl Handler for Editor {
    fn routes(&self) -> &'static [Route] {
        ROUTES
    }

    fn max_body(&self) -> usize {
        MAX_BODY
    }

    fn answer(&self, request: &Request) -> Answer {
        Answer::Respond(self.handle(request))
    }
}

/// What a check found.
#[derive(Default)]
struct Checked {
    diagnostics: Vec<Value>,
    html: Option<String>,
    figures: Option<Value>,
    numbers: Option<Value>,
    ok: bool,
    elapsed_ms: f64,
    prepared: Option<huibao_pipeline::Prepared>,
}

/// The page's Content-Security-Policy: its own scripts and styles, the preview's inline
/// styles, nothing from the network.
const CSP: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' about: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The page's words in the run's language (`{lang, words: {id: pattern}}`): every message of
/// `editor-page.ftl`, its placeables written `{$name}` for the page to fill (app.js `t`).
fn words_json() -> Response {
    let lang = huibao_i18n::language();
    match huibao_i18n::page_words(lang, huibao_i18n::PAGE_PREFIX) {
        Ok(words) => {
            let words: serde_json::Map<String, Value> = words
                .into_iter()
                .map(|(id, text)| (id.to_string(), Value::String(text)))
                .collect();
            json_response(&json!({ "lang": lang.tag(), "words": words }))
        }
        // The catalogs are part of the program and tested; this names a slip in them.
        Err(e) => error_json(&e),
    }
}

fn json_response(v: &Value) -> Response {
    Response::new(200, "application/json; charset=utf-8", v.to_string())
}

fn error_json(message: &str) -> Response {
    Response::new(
        422,
        "application/json; charset=utf-8",
        json!({ "error": message }).to_string(),
    )
}

/// Saves the report beside itself and renames it into place.
fn save(state: &mut State) -> Result<(), String> {
    let Some(path) = state.path.clone() else {
        return Err(huibao_i18n::t!("editor-no-report"));
    };
    let text = state.doc.to_string();
    huibao_pipeline::write_files(&[(path.clone(), text.as_bytes())]).map_err(|e| e.to_string())?;
    state.saved = text;
    state.disk = Stamp::of(&path);
    Ok(())
}

/// `{"indicator": {value, growth, completion …}}` for rows the page sends (name, value,
/// unit, previous, target, decimals): the wording core prints.
fn figures_json(body: &Value) -> Response {
    let rows = body["rows"].as_array().cloned().unwrap_or_default();
    let out: Vec<Value> = rows
        .iter()
        .map(|r| {
            let num = |k: &str| {
                r[k].as_f64()
                    .or_else(|| r[k].as_str().and_then(|s| s.trim().parse().ok()))
            };
            match num("value") {
                Some(v) => {
                    let f = huibao_core::figures(
                        v,
                        r["unit"].as_str().unwrap_or_default(),
                        num("previous"),
                        num("target"),
                        num("decimals").map(|d| d as u8),
                    );
                    json!({"value": f.value, "growth": f.growth, "growth_cell": f.growth_cell,
                           "completion": f.completion, "completion_cell": f.completion_cell})
                }
                None => Value::Null,
            }
        })
        .collect();
    json_response(&json!({ "figures": out }))
}

/// The number each outline item prints with, from the document core built: a list of
/// `{path, number}`.
fn item_numbers(doc: &huibao_pipeline::Document, index: &SpanIndex, text: &str) -> Value {
    use huibao_core::ir::{Block, RunRole};
    let mut out = Vec::new();
    for (block, source) in doc.blocks.iter().zip(&doc.sources) {
        let Some(source) = source else { continue };
        let number = match block {
            Block::Heading(h) if h.level > 1 => h.number.clone(),
            Block::Paragraph(p) => match p.runs.first() {
                Some(run) if matches!(run.role, RunRole::Lead { .. }) => run.text.clone(),
                _ => continue,
            },
            _ => continue,
        };
        let Some(path) = index.path_at(source.start) else {
            continue;
        };
        // The item: the path up to its last index.
        let Some(last) = path.iter().rposition(|s| matches!(s, Step::Index(_))) else {
            continue;
        };
        let item: Path = path[..=last].to_vec();
        // A run-in lead is the number and the title: keep the number.
        let number = match index
            .span_of(&[item.clone(), vec![Step::Key("title".into())]].concat())
            .and_then(|r| text.get(r))
            .and_then(|raw| raw.parse::<toml_edit::Value>().ok())
            .and_then(|v| v.as_str().map(|s| s.trim().to_string()))
        {
            Some(title) if !title.is_empty() => match number.find(&title) {
                Some(at) if at > 0 => number[..at].to_string(),
                _ => number,
            },
            _ => number,
        };
        if !out.iter().any(|v: &Value| v["path"] == json!(item)) {
            out.push(json!({ "path": item, "number": number }));
        }
    }
    Value::Array(out)
}

/// The notes the importer wrote into a report (`# CHECK: …`, `# 待核对：…`, in the language
/// of the run that imported it, whichever the editor's is), each with the field on its line
/// or the next one written after it.
pub fn check_notes(text: &str) -> Vec<Value> {
    let markers: Vec<String> = huibao_i18n::Lang::ALL
        .iter()
        .map(|&lang| {
            let marker = huibao_i18n::msg!("import-check", note = "").render(lang);
            format!("# {}", marker.trim_end())
        })
        .collect();
    let index = SpanIndex::of(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let found = markers
            .iter()
            .filter_map(|m| line.find(m.as_str()).map(|at| (at, m.len())))
            .min();
        if let Some((at, marker_len)) = found {
            let note = line[at + marker_len..].trim().to_string();
            let line_start = offset;
            let field = if at > 0 && !line[..at].trim().is_empty() {
                index.path_at(line_start)
            } else {
                index.path_at(offset + line.len())
            };
            out.push(json!({ "path": field, "note": note, "line": text[..line_start].matches('\n').count() + 1 }));
        }
        offset += line.len();
    }
    out
}

/// A TOML value as JSON (dates as their TOML text).
fn toml_to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}
