//! The HTTP side: `GET /` the page, `GET /events` an event stream that names the
//! latest render, anything else 404. Served on 127.0.0.1 only (see [`crate::start`]).

use crate::{page, State};
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, Server};

/// The open event streams.
#[derive(Default)]
pub(crate) struct Clients(Mutex<Vec<Box<dyn Write + Send>>>);

impl Clients {
    /// Tells every open page the latest render's number; drops the streams that are
    /// gone.
    pub(crate) fn send(&self, generation: u64) {
        let message = format!("data: {generation}\n\n");
        let mut clients = self.0.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain_mut(|c| {
            c.write_all(message.as_bytes())
                .and_then(|()| c.flush())
                .is_ok()
        });
    }

    /// Opens a stream on `request`, starting with the latest render's number.
    fn open(&self, request: Request, generation: u64) {
        let mut writer = request.into_writer();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
             Connection: keep-alive\r\n\r\nretry: 300\n\ndata: {generation}\n\n"
        );
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_ok()
        {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(writer);
        }
    }

    /// Closes every stream.
    pub(crate) fn close_all(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Answers requests until the preview stops.
pub(crate) fn serve(server: &Server, state: &State) {
    while !state.stop.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(200)) {
            Ok(Some(request)) => answer(request, state),
            Ok(None) => {}
            Err(_) => return,
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid ASCII header")
}

fn answer(request: Request, state: &State) {
    let path = request.url().split('?').next().unwrap_or("/").to_string();
    let get = *request.method() == Method::Get;
    if get && path == "/events" {
        let generation = state
            .shown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .generation;
        state.clients.open(request, generation);
        return;
    }
    if get && (path == "/" || path == "/index.html") {
        let body = {
            let shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
            page::compose(&shown)
        };
        let response = Response::from_string(body)
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let _ = request.respond(
        Response::from_string("not found")
            .with_status_code(404)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    );
}
