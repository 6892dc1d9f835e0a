//! huibao-preview: a report re-rendered on every save and served as one HTML page on
//! 127.0.0.1, which reloads itself after each render (server-sent events).
//!
//! The HTTP layer ([`http`]) is its own module, shared with the browser editor
//! (`huibao edit`, crate huibao-editor): it answers only requests addressed to this
//! server with this run's token and on a declared route, reads bounded request bodies,
//! drops closed event streams, and pauses (never ends) when out of file descriptors. Every input of
//! the report is watched: the report, its spreadsheet, last period's report, its
//! template plugins.
//!
//! [`start`] renders the report once, starts the server and the file watcher, and
//! returns a [`Preview`] running on its own threads until [`Preview::stop`]. An error in
//! the report shows at the top of the page (`file:line:column: error: …`) above the last
//! page that rendered. Formats asked for besides the page are written after every good
//! render with [`huibao_pipeline::write_outputs`].

pub mod http;
mod page;
mod server;

pub use server::ROUTES;
mod watch;

use huibao_pipeline::{Diagnostic, Format, Output, Session};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How the preview serves and what it writes.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PreviewOptions {
    /// The port on 127.0.0.1; 0 takes any free one.
    pub port: u16,
    /// Formats written to `out_dir` after every good render (`--format`); the page
    /// itself is served from memory.
    pub formats: Vec<Format>,
    /// Where those formats are written, as `<report>.<ext>`.
    pub out_dir: PathBuf,
    /// How long changes are gathered before rendering: an editor's save is often
    /// several writes and renames.
    pub debounce: Duration,
    /// How often open pages' event streams are written to when nothing renders: a
    /// stream whose page is gone is dropped at the latest then.
    pub heartbeat: Duration,
}

impl Default for PreviewOptions {
    fn default() -> Self {
        PreviewOptions {
            port: 0,
            formats: Vec::new(),
            out_dir: PathBuf::from("."),
            debounce: Duration::from_millis(40),
            heartbeat: Duration::from_secs(15),
        }
    }
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The port is taken (or not allowed).
    #[error("{}", huibao_i18n::msg!("preview-bind", port = *.port, detail = .reason.as_str()))]
    Bind {
        /// The port asked for.
        port: u16,
        /// Why.
        reason: String,
    },
    /// The report's folder cannot be watched.
    #[error("{}", huibao_i18n::msg!("preview-watch", path = .path.display(), detail = .reason.as_str()))]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// What a render did, for the program to tell.
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// The report rendered: the page is new.
    Rendered {
        /// From the save noticed (or the start) to the page being served.
        elapsed: Duration,
        /// Lint and follow-up warnings.
        warnings: Vec<Diagnostic>,
    },
    /// The formats asked for were written.
    Written {
        /// The files.
        paths: Vec<PathBuf>,
    },
    /// The report (or one of its formats) failed: the messages now shown on the page.
    Failed {
        /// One message per error, `file:line:column: error: …` where it has a place.
        errors: Vec<String>,
    },
    /// The server's own news: out of file descriptors (paused), serving again.
    Notice {
        /// What happened and what to do.
        message: String,
    },
}

/// The page as served: the last good HTML and the errors of the latest render.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    /// The last page that rendered.
    pub html: Option<String>,
    /// Errors of the latest render, each with its source line.
    pub errors: Vec<String>,
    /// Bumped on every render: a page older than this reloads.
    pub generation: u64,
}

/// What the server, the watcher and the renderer share.
pub(crate) struct State {
    pub shown: Mutex<Shown>,
    pub stop: AtomicBool,
}

/// A running preview.
pub struct Preview {
    state: Arc<State>,
    server: http::Server,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("addr", &self.server.addr())
            .finish()
    }
}

impl Preview {
    /// The address served (always on 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    /// The page's address with this run's token: `http://127.0.0.1:PORT/?token=…`
    /// (a request without the token is refused).
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// This run's token.
    pub fn token(&self) -> &str {
        self.server.token()
    }

    /// Stops watching and serving, closes every event stream and waits for the threads.
    pub fn stop(self) {
        self.state.stop.store(true, Ordering::SeqCst);
        self.server.stop();
        for t in self.threads {
            let _ = t.join();
        }
    }
}

/// Renders `report` once, then serves it on 127.0.0.1 and renders it again whenever
/// its file changes. `on_event` hears of every render (from the preview's thread).
pub fn start(
    session: Session,
    report: PathBuf,
    options: PreviewOptions,
    on_event: impl Fn(Event) + Send + 'static,
) -> Result<Preview, Error> {
    let state = Arc::new(State {
        shown: Mutex::new(Shown::default()),
        stop: AtomicBool::new(false),
    });
    let (notices, noticed) = mpsc::channel::<String>();
    let notices = Mutex::new(notices);
    let server = http::Server::start(
        options.port,
        Arc::new(server::Routes(state.clone())),
        http::ServerOptions::default().heartbeat(options.heartbeat),
        move |message| {
            let _ = notices
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .send(message.to_string());
        },
    )
    .map_err(|e| Error::Bind {
        port: options.port,
        reason: e.to_string(),
    })?;
    let (saved, changes) = mpsc::channel::<Instant>();
    let watcher = watch::Watcher::new(&session.inputs(&report), saved)?;

    let mut renderer = Renderer {
        session,
        report,
        options,
        state: state.clone(),
        broadcaster: server.broadcaster(),
        watcher,
    };
    renderer.render(Instant::now(), &on_event);
    let render_thread = std::thread::Builder::new()
        .name("huibao-preview-render".into())
        .spawn(move || renderer.run(changes, noticed, on_event))
        .map_err(|e| Error::Bind {
            port: 0,
            reason: e.to_string(),
        })?;
    Ok(Preview {
        state,
        server,
        threads: vec![render_thread],
    })
}

/// Renders the report on every change.
struct Renderer {
    session: Session,
    report: PathBuf,
    options: PreviewOptions,
    state: Arc<State>,
    broadcaster: http::Broadcaster,
    watcher: watch::Watcher,
}

impl Renderer {
    /// Waits for changes (checking now and then whether to stop and for the server's
    /// notices), gathers those that come close together, renders.
    fn run(
        mut self,
        changes: mpsc::Receiver<Instant>,
        notices: mpsc::Receiver<String>,
        on_event: impl Fn(Event),
    ) {
        let tick = Duration::from_millis(100);
        while !self.state.stop.load(Ordering::SeqCst) {
            while let Ok(message) = notices.try_recv() {
                on_event(Event::Notice { message });
            }
            let first = match changes.recv_timeout(tick) {
                Ok(at) => at,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            // Quiet for `debounce`: the save is complete.
            while changes.recv_timeout(self.options.debounce).is_ok() {}
            if self.state.stop.load(Ordering::SeqCst) {
                return;
            }
            self.render(first, &on_event);
        }
    }

    /// Renders the page, shows it (or the errors above the last good one), then writes
    /// the formats asked for; watches the inputs the report now names.
    fn render(&mut self, since: Instant, on_event: &impl Fn(Event)) {
        let inputs = self.session.inputs(&self.report);
        if let Err(e) = self.watcher.set(&inputs) {
            on_event(Event::Failed {
                errors: vec![e.to_string()],
            });
        }
        self.render_once(since, on_event);
    }

    fn render_once(&self, since: Instant, on_event: &impl Fn(Event)) {
        let prepared = match self.session.prepare(&self.report) {
            Ok(p) => p,
            Err(diagnostics) => {
                let errors: Vec<String> = diagnostics.0.iter().map(page::diagnostic).collect();
                self.show(None, errors.clone());
                on_event(Event::Failed { errors });
                return;
            }
        };
        let html = match self.session.render(&prepared, &[Format::Html]) {
            Ok(r) => r.outputs.into_iter().next().map(|o| o.bytes),
            Err(e) => {
                let errors = vec![e.to_string()];
                self.show(None, errors.clone());
                on_event(Event::Failed { errors });
                return;
            }
        };
        let html = html.unwrap_or_default();
        self.show(
            Some(String::from_utf8_lossy(&html).into_owned()),
            Vec::new(),
        );
        on_event(Event::Rendered {
            elapsed: since.elapsed(),
            warnings: prepared.warnings.clone(),
        });

        let others: Vec<Format> = self
            .options
            .formats
            .iter()
            .copied()
            .filter(|&f| f != Format::Html)
            .collect();
        if self.options.formats.is_empty() {
            return;
        }
        let written = self.session.render(&prepared, &others).map(|mut rendered| {
            // The page rendered above, in its place among the formats asked.
            if let Some(at) = self.options.formats.iter().position(|&f| f == Format::Html) {
                let at = at.min(rendered.outputs.len());
                rendered.outputs.insert(
                    at,
                    Output {
                        format: Format::Html,
                        bytes: html,
                    },
                );
            }
            rendered
        });
        let result = match written {
            Ok(rendered) => {
                huibao_pipeline::write_outputs(&self.options.out_dir, &prepared.stem(), &rendered)
                    .map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(paths) => on_event(Event::Written { paths }),
            Err(error) => {
                self.show_errors(vec![error.clone()]);
                on_event(Event::Failed {
                    errors: vec![error],
                });
            }
        }
    }

    /// Shows a new page (`None`: keep the last good one) with `errors` above it, and
    /// tells every open page to reload.
    fn show(&self, html: Option<String>, errors: Vec<String>) {
        let generation = {
            let mut shown = self.state.shown.lock().unwrap_or_else(|e| e.into_inner());
            if html.is_some() {
                shown.html = html;
            }
            shown.errors = errors;
            shown.generation += 1;
            shown.generation
        };
        self.broadcaster.send(&generation.to_string());
    }

    /// Adds errors to the page shown.
    fn show_errors(&self, errors: Vec<String>) {
        let generation = {
            let mut shown = self.state.shown.lock().unwrap_or_else(|e| e.into_inner());
            shown.errors.extend(errors);
            shown.generation += 1;
            shown.generation
        };
        self.broadcaster.send(&generation.to_string());
    }
}
