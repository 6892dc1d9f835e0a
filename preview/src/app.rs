//! A transport-independent application (the editor) on an HTTP server of its own (to be
//! mounted on [`crate::http`], the hardened server of `watch`): requests and
//! responses as plain values, and [`serve`], which answers them on 127.0.0.1 with the
//! same server `watch` uses. The editor (`huibao edit`) is mounted this way.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// The largest request body read (an imported report, a pasted block).
pub const MAX_BODY: usize = 32 * 1024 * 1024;

/// An HTTP request, read in full.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// "GET", "POST", "HEAD" …
    pub method: String,
    /// The path and query as sent: "/api/state?t=…".
    pub url: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// The first header of this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or("/")
    }

    /// A query parameter's value, percent-decoded.
    pub fn query(&self, name: &str) -> Option<String> {
        let query = self.url.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| percent_decode(v))
        })
    }
}

/// `%E6%8A%A5` and `+` decoded; invalid escapes kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(a), Some(b)) => {
                        out.push((a * 16 + b) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// 200, 403, 404 …
    pub status: u16,
    /// Content-Type.
    pub content_type: String,
    /// Further headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with this status, type and body.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type: content_type.into(),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Plain text.
    pub fn text(status: u16, body: &str) -> Self {
        Response::new(status, "text/plain; charset=utf-8", body.as_bytes())
    }

    /// A further header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// An application served by [`serve`].
pub type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// A running application server.
pub struct App {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("addr", &self.addr).finish()
    }
}

impl App {
    /// The address served (always on 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops serving and waits for the server's thread.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Serves `handler` on 127.0.0.1:`port` (0: any free port) until [`App::stop`]. Each
/// request is answered on a thread of its own, so a slow export does not hold up the
/// page.
pub fn serve(port: u16, handler: Arc<Handler>) -> Result<App, crate::Error> {
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| crate::Error::Bind {
        port,
        reason: e.to_string(),
    })?;
    let server = Arc::new(server);
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| crate::Error::Bind {
            port,
            reason: "not an IP address".into(),
        })?;
    let stop = Arc::new(AtomicBool::new(false));
    let (s, st) = (server.clone(), stop.clone());
    let thread = std::thread::Builder::new()
        .name("huibao-app-serve".into())
        .spawn(move || {
            while !st.load(Ordering::SeqCst) {
                match s.recv_timeout(Duration::from_millis(200)) {
                    Ok(Some(request)) => {
                        let handler = handler.clone();
                        let _ = std::thread::Builder::new()
                            .name("huibao-app-request".into())
                            .spawn(move || answer(request, &*handler));
                    }
                    Ok(None) => {}
                    Err(_) => return,
                }
            }
        })
        .map_err(|e| crate::Error::Bind {
            port,
            reason: e.to_string(),
        })?;
    Ok(App {
        addr,
        server,
        stop,
        thread: Some(thread),
    })
}

fn answer(mut request: tiny_http::Request, handler: &Handler) {
    use std::io::Read;
    let mut body = Vec::new();
    let too_large = request.body_length().is_some_and(|n| n > MAX_BODY);
    if !too_large {
        let _ = request
            .as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body);
    }
    let response = if too_large || body.len() > MAX_BODY {
        Response::text(413, "too large")
    } else {
        let req = Request {
            method: request.method().as_str().to_string(),
            url: request.url().to_string(),
            headers: request
                .headers()
                .iter()
                .map(|h| {
                    (
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_string(),
                    )
                })
                .collect(),
            body,
        };
        handler(&req)
    };
    let mut out = tiny_http::Response::from_data(response.body)
        .with_status_code(response.status)
        .with_header(header("Content-Type", &response.content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    for (n, v) in &response.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(n.as_bytes(), v.as_bytes()) {
            out = out.with_header(h);
        }
    }
    let _ = request.respond(out);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid ASCII header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let r = Request {
            url: "/api/download?name=%E6%8A%A5%E5%91%8A.docx&t=ab+c".into(),
            ..Request::default()
        };
        assert_eq!(r.path(), "/api/download");
        assert_eq!(r.query("name").as_deref(), Some("报告.docx"));
        assert_eq!(r.query("t").as_deref(), Some("ab c"));
        assert_eq!(r.query("x"), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
