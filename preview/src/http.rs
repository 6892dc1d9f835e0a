//! The one local HTTP server of huibao, for `watch` (the live preview) and `edit` (the
//! browser editor): a [`Handler`] declares its [`Route`]s and says what each request
//! gets; the server decides who may ask, what it may send, and keeps itself alive.
//!
//! - **Only this machine, only this run.** It listens on 127.0.0.1. A request whose
//!   `Host` is not this server's own address (`127.0.0.1:PORT`, `localhost:PORT`), or
//!   whose `Origin` is another site, gets 403: a web page cannot reach it through DNS
//!   rebinding. Every request must also carry the run's random token — in the address
//!   the program prints and opens (`?token=…`), then in a cookie the first answer sets —
//!   or it gets 403. The cookie is named after the port (`huibao_token_PORT`): cookies
//!   do not tell ports apart, and `watch` and `edit` may run side by side.
//! - **Only declared routes.** A path no [`Route`] names gets 404, a method its route
//!   does not take 405 — after the checks above, so a stranger learns nothing.
//! - **HEAD** is answered like GET, without the body.
//! - **Bodies** are read for POST routes only, and only with `Content-Length` (411
//!   without it or with `Transfer-Encoding`), at most [`Handler::max_body`] bytes (413
//!   at once, the body unread), within [`ServerOptions::body_timeout`] (408).
//! - **Heads** are at most 16 KiB and must arrive within
//!   [`ServerOptions::head_timeout`].
//! - **Event streams** (`text/event-stream`) are held open and sent every
//!   [`Broadcaster::send`]; a stream whose peer closed is dropped at once (its
//!   connection's thread reads EOF) or at the next heartbeat write, so descriptors do not
//!   pile up.
//! - **Out of descriptors** (EMFILE on accept) is a pause with a message and a retry,
//!   never the end of the server; past [`MAX_CONNECTIONS`] open connections a new one gets
//!   503 at once.

use huibao_i18n::{msg, Lang, Message};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The most connections served at once (pages, event streams and requests together).
pub const MAX_CONNECTIONS: usize = 128;

/// The largest request head read (request line and headers).
const MAX_HEAD_BYTES: usize = 16 << 10;

/// How long an answer may take to be taken.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The cookie that carries the token after the first page: `huibao_token_PORT`.
fn cookie_name(addr: SocketAddr) -> String {
    format!("huibao_token_{}", addr.port())
}

/// How the server times and beats.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ServerOptions {
    /// How often open event streams are written to when nothing else is sent: a stream
    /// whose page is gone is dropped at the latest then.
    pub heartbeat: Duration,
    /// How long a request's head (request line and headers) may take to arrive, in all.
    pub head_timeout: Duration,
    /// How long a request's body may take to arrive, in all.
    pub body_timeout: Duration,
    /// The language of what the server says: its refusals (403, 404, 405, 408, 411, 413,
    /// 400) and its notices. The language of the run by default.
    pub lang: Lang,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            heartbeat: Duration::from_secs(15),
            head_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            lang: huibao_i18n::language(),
        }
    }
}

impl ServerOptions {
    /// These options with another heartbeat.
    pub fn heartbeat(mut self, every: Duration) -> Self {
        self.heartbeat = every;
        self
    }

    /// These options with what the server says in `lang`.
    pub fn language(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// These options with other head and body timeouts.
    pub fn timeouts(mut self, head: Duration, body: Duration) -> Self {
        self.head_timeout = head;
        self.body_timeout = body;
        self
    }
}

/// The methods a route takes: GET (and HEAD with it), or POST (with a body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET, and HEAD answered like it.
    Get,
    /// POST, with a body of at most [`Handler::max_body`] bytes.
    Post,
}

impl Method {
    /// The method's name as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A path a handler answers, and the method it takes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// GET or POST.
    pub method: Method,
    /// The whole path, without the query: `/api/state`.
    pub path: &'static str,
}

impl Route {
    /// A GET (and HEAD) route.
    pub const fn get(path: &'static str) -> Route {
        Route {
            method: Method::Get,
            path,
        }
    }

    /// A POST route.
    pub const fn post(path: &'static str) -> Route {
        Route {
            method: Method::Post,
            path,
        }
    }
}

/// A request, as far as a handler needs it.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `HEAD` …
    pub method: String,
    /// The path, without the query: `/events`.
    pub path: String,
    /// The query, without `?`.
    pub query: String,
    headers: Vec<(String, String)>,
    /// The body (POST routes only; empty otherwise).
    pub body: Vec<u8>,
}

impl Request {
    /// A request as the server would hand it over (for a handler's own tests): `target`
    /// is the path and query, `/api/download?name=a.docx`.
    pub fn new(method: &str, target: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Request {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Request {
            method: method.to_string(),
            path: path.to_string(),
            query: query.to_string(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body,
        }
    }

    /// A header's value (the first of that name, any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter's value, as written.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    /// A query parameter's value, percent-decoded (`+` a space).
    pub fn arg(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| percent_decode(v))
        })
    }

    /// A cookie's value.
    fn cookie(&self, name: &str) -> Option<&str> {
        self.header("cookie")?
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
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

/// An answer with a body.
#[derive(Debug, Clone)]
pub struct Response {
    /// 200, 404 …
    pub status: u16,
    /// `text/html; charset=utf-8` …
    pub content_type: &'static str,
    /// Headers besides those the server writes (`Content-Type`, `Content-Length`,
    /// `Cache-Control: no-store`, `X-Content-Type-Options`, `Connection`, the cookie):
    /// `Content-Disposition`, `Content-Security-Policy` … A value with a control
    /// character is left out.
    pub headers: Vec<(&'static str, String)>,
    /// The body (left out for HEAD).
    pub body: Vec<u8>,
}

impl Response {
    /// A response of `status` with this type and body.
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A response of `status` with a UTF-8 text body.
    pub fn text(status: u16, content_type: &'static str, body: impl Into<String>) -> Response {
        Response::new(status, content_type, body.into().into_bytes())
    }

    /// Plain UTF-8 text.
    pub fn plain(status: u16, body: impl Into<String>) -> Response {
        Response::text(status, "text/plain; charset=utf-8", body)
    }

    /// This response with a further header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

/// What a request gets.
#[derive(Debug)]
pub enum Answer {
    /// A response, then the connection closes.
    Respond(Response),
    /// An event stream, held open; its first message's data.
    Events(String),
}

/// What the server serves.
pub trait Handler: Send + Sync + 'static {
    /// Every path answered and its method. The server answers anything else itself
    /// (404, 405), and the reliability tests try every route listed here.
    fn routes(&self) -> &'static [Route];

    /// The largest request body a POST route takes (0: none).
    fn max_body(&self) -> usize {
        0
    }

    /// The answer to a request that passed the checks (address, origin, token) on one
    /// of [`Handler::routes`], its body read.
    fn answer(&self, request: &Request) -> Answer;
}

/// Sends messages to every open event stream.
#[derive(Clone)]
pub struct Broadcaster(Arc<Inner>);

impl Broadcaster {
    /// Sends `data` as one message to every open stream; drops those that fail.
    pub fn send(&self, data: &str) {
        self.0
            .write_all_streams(format!("data: {data}\n\n").as_bytes());
    }

    /// How many event streams are open.
    pub fn streams(&self) -> usize {
        self.0
            .streams
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

impl std::fmt::Debug for Broadcaster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Broadcaster").finish_non_exhaustive()
    }
}

struct Inner {
    addr: SocketAddr,
    token: String,
    options: ServerOptions,
    stop: AtomicBool,
    streams: Mutex<Vec<(u64, TcpStream)>>,
    next_id: AtomicU64,
    connections: AtomicUsize,
    notice: Box<dyn Fn(&str) + Send + Sync>,
}

impl Inner {
    /// `message` in the server's language, for its notices.
    fn say(&self, message: Message) -> String {
        message.render(self.options.lang)
    }

    fn write_all_streams(&self, bytes: &[u8]) {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        streams.retain_mut(|(_, s)| {
            let ok = s.write_all(bytes).and_then(|()| s.flush()).is_ok();
            if !ok {
                let _ = s.shutdown(Shutdown::Both);
            }
            ok
        });
    }

    fn drop_stream(&self, id: u64) {
        self.streams
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(i, _)| *i != id);
    }
}

/// Whether `host` (a Host header, or an Origin without its scheme) is the server at
/// `addr`.
fn is_own(addr: SocketAddr, host: &str) -> bool {
    let port = addr.port();
    let host = host.trim();
    [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
        .iter()
        .any(|own| host.eq_ignore_ascii_case(own))
}

/// A running server.
pub struct Server {
    inner: Arc<Inner>,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.inner.addr)
            .finish_non_exhaustive()
    }
}

/// A random token of 128 bits from the system's random source, as 32 hexadecimal
/// digits. Without one, the standard library's hash keys (themselves from the system's
/// random source, once per process) over the time and the process.
fn random_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        for (salt, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut h = RandomState::new().build_hasher();
            h.write_usize(salt);
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or_default(),
            );
            h.write_u32(std::process::id());
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Server {
    /// Listens on 127.0.0.1:`port` (0: any free port) and serves `handler` on threads
    /// of its own until [`Server::stop`]. `notice` hears what the server does about its
    /// own trouble (out of descriptors: paused, resumed).
    pub fn start(
        port: u16,
        handler: Arc<dyn Handler>,
        options: ServerOptions,
        notice: impl Fn(&str) + Send + Sync + 'static,
    ) -> io::Result<Server> {
        let heartbeat = options.heartbeat;
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let inner = Arc::new(Inner {
            addr: listener.local_addr()?,
            token: random_token(),
            options,
            stop: AtomicBool::new(false),
            streams: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(0),
            connections: AtomicUsize::new(0),
            notice: Box::new(notice),
        });
        let accept = {
            let inner = inner.clone();
            std::thread::Builder::new()
                .name("huibao-http-accept".into())
                .spawn(move || accept_loop(&listener, &inner, &handler))?
        };
        let beat = {
            let inner = inner.clone();
            std::thread::Builder::new()
                .name("huibao-http-heartbeat".into())
                .spawn(move || {
                    let mut last = Instant::now();
                    while !inner.stop.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(50));
                        if last.elapsed() >= heartbeat {
                            inner.write_all_streams(b": heartbeat\n\n");
                            last = Instant::now();
                        }
                    }
                })?
        };
        Ok(Server {
            inner,
            threads: vec![accept, beat],
        })
    }

    /// The address served.
    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// This run's token.
    pub fn token(&self) -> &str {
        &self.inner.token
    }

    /// The page's address with the token: `http://127.0.0.1:PORT/?token=…`.
    pub fn url(&self) -> String {
        format!("http://{}/?token={}", self.inner.addr, self.inner.token)
    }

    /// What sends to the event streams.
    pub fn broadcaster(&self) -> Broadcaster {
        Broadcaster(self.inner.clone())
    }

    /// Stops accepting, closes every event stream and waits for the server's threads.
    pub fn stop(self) {
        self.inner.stop.store(true, Ordering::SeqCst);
        for (_, s) in self
            .inner
            .streams
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            let _ = s.shutdown(Shutdown::Both);
        }
        for t in self.threads {
            let _ = t.join();
        }
    }
}

/// Whether an accept error means the process (or system) is out of descriptors or
/// memory for sockets: worth waiting for, not ending over.
fn is_exhaustion(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        // EMFILE 24, ENFILE 23, ENOBUFS 105, ENOMEM 12 on Linux.
        matches!(e.raw_os_error(), Some(24 | 23 | 105 | 12))
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

fn accept_loop(listener: &TcpListener, inner: &Arc<Inner>, handler: &Arc<dyn Handler>) {
    let mut paused_since: Option<Instant> = None;
    while !inner.stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                if let Some(since) = paused_since.take() {
                    (inner.notice)(&inner.say(msg!(
                        "server-descriptors-recovered",
                        ms = since.elapsed().as_millis() as u64
                    )));
                }
                let _ = stream.set_nonblocking(false);
                if inner.connections.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                    refuse_busy(stream);
                    continue;
                }
                inner.connections.fetch_add(1, Ordering::SeqCst);
                let inner2 = inner.clone();
                let handler = handler.clone();
                let spawned = std::thread::Builder::new()
                    .name("huibao-http-conn".into())
                    .spawn(move || {
                        connection(stream, &inner2, &*handler);
                        inner2.connections.fetch_sub(1, Ordering::SeqCst);
                    });
                if spawned.is_err() {
                    inner.connections.fetch_sub(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) if is_exhaustion(&e) => {
                if paused_since.is_none() {
                    paused_since = Some(Instant::now());
                    (inner.notice)(
                        &inner.say(msg!("server-descriptors-exhausted", detail = e.to_string())),
                    );
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            // A connection reset before it was taken, and the like: the next one.
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// 503 to a connection over [`MAX_CONNECTIONS`].
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n",
    );
}

/// Reads the request head within `deadline`: the request (no body yet) and the bytes
/// read past the head; `None` when the peer closed, was too slow or sent too much.
fn read_head(stream: &mut impl Read, deadline: Option<Instant>) -> Option<(Request, Vec<u8>)> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    let end = loop {
        if let Some(at) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        if head.len() > MAX_HEAD_BYTES {
            return None;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    };
    if end > MAX_HEAD_BYTES {
        return None;
    }
    let rest = head.split_off(end);
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Some((
        Request {
            method,
            path: path.to_string(),
            query: query.to_string(),
            headers,
            body: Vec::new(),
        },
        rest,
    ))
}

/// A stream whose every read waits at most until `deadline`.
struct Timed<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&mut &*self.stream).read(buf)
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Why a request's body cannot be read: its refusal.
enum BodyError {
    /// Answer this, the body unread.
    Refuse(Response),
    /// The peer went away.
    Gone,
}

/// Reads the body of a POST request: `Content-Length` bytes (`rest` already read with
/// the head), at most `max`, by `deadline`.
fn read_body(
    stream: &TcpStream,
    request: &Request,
    mut rest: Vec<u8>,
    max: usize,
    deadline: Instant,
    lang: Lang,
) -> Result<Vec<u8>, BodyError> {
    let refuse = |status: u16, why: Message| Err(BodyError::Refuse(refusal(status, why, lang)));
    if request.header("transfer-encoding").is_some() {
        return refuse(411, msg!("server-body-chunked"));
    }
    let lengths: Vec<&str> = request
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.as_str())
        .collect();
    let Some(first) = lengths.first() else {
        return refuse(411, msg!("server-body-no-length"));
    };
    if lengths.iter().any(|l| l != first)
        || first.is_empty()
        || !first.bytes().all(|b| b.is_ascii_digit())
    {
        return refuse(400, msg!("server-body-length-invalid"));
    }
    let length = match first.parse::<usize>() {
        Ok(n) if n <= max => n,
        _ => return refuse(413, msg!("server-body-too-large", max = max)),
    };
    rest.truncate(length);
    let mut body = rest;
    body.reserve_exact(length - body.len());
    let wanted = (length - body.len()) as u64;
    let mut timed = Timed { stream, deadline };
    match (&mut timed).take(wanted).read_to_end(&mut body) {
        Ok(_) if body.len() == length => Ok(body),
        Ok(_) => Err(BodyError::Gone),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
            ) =>
        {
            refuse(408, msg!("server-body-timeout"))
        }
        Err(_) => Err(BodyError::Gone),
    }
}

/// Before a connection whose request was refused unread closes: the answer is sent,
/// then what the peer still sends is read and dropped for a moment (a bounded amount),
/// so the close does not reset the connection before the peer reads the answer.
fn linger(stream: &mut TcpStream, request: &Request) {
    if request.header("content-length").is_none() && request.header("transfer-encoding").is_none() {
        return;
    }
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + Duration::from_millis(500);
    let mut timed = Timed { stream, deadline };
    let _ = io::copy(&mut (&mut timed).take(4 << 20), &mut io::sink());
}

/// Serves one connection: one request, then it closes (an event stream stays open until
/// its peer goes).
fn connection(mut stream: TcpStream, inner: &Inner, handler: &dyn Handler) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let head_deadline = Instant::now() + inner.options.head_timeout;
    let Some((mut request, rest)) = read_head(
        &mut Timed {
            stream: &stream,
            deadline: head_deadline,
        },
        Some(head_deadline),
    ) else {
        return;
    };
    let head = request.method == "HEAD";
    let respond = |stream: &mut TcpStream, r: &Response, cookie: bool| {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
            r.status,
            reason(r.status),
            r.content_type,
            r.body.len()
        );
        for (name, value) in &r.headers {
            if value.chars().all(|c| !c.is_control())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        if cookie {
            out.push_str(&format!(
                "Set-Cookie: {}={}; Path=/; HttpOnly; SameSite=Strict\r\n",
                cookie_name(inner.addr),
                inner.token
            ));
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if !head {
            bytes.extend_from_slice(&r.body);
        }
        let _ = stream.write_all(&bytes);
        let _ = stream.flush();
    };
    let lang = inner.options.lang;
    if let Some(refusal) = check(&request, inner.addr, &inner.token, lang) {
        respond(&mut stream, &refusal, false);
        linger(&mut stream, &request);
        return;
    }
    let routes = handler.routes();
    let on_path: Vec<&Route> = routes.iter().filter(|r| r.path == request.path).collect();
    let method = match request.method.as_str() {
        "GET" | "HEAD" => Some(Method::Get),
        "POST" => Some(Method::Post),
        _ => None,
    };
    if on_path.is_empty() {
        respond(
            &mut stream,
            &refusal(404, msg!("server-no-route"), lang),
            false,
        );
        linger(&mut stream, &request);
        return;
    }
    if !on_path.iter().any(|r| Some(r.method) == method) {
        let allow = on_path
            .iter()
            .map(|r| match r.method {
                Method::Get => "GET, HEAD",
                Method::Post => "POST",
            })
            .collect::<Vec<_>>()
            .join(", ");
        let refused = refusal(
            405,
            msg!("server-method-not-allowed", allow = allow.as_str()),
            lang,
        )
        .with_header("Allow", allow);
        respond(&mut stream, &refused, false);
        linger(&mut stream, &request);
        return;
    }
    if method == Some(Method::Post) {
        let deadline = Instant::now() + inner.options.body_timeout;
        match read_body(&stream, &request, rest, handler.max_body(), deadline, lang) {
            Ok(body) => request.body = body,
            Err(BodyError::Refuse(r)) => {
                respond(&mut stream, &r, false);
                linger(&mut stream, &request);
                return;
            }
            Err(BodyError::Gone) => return,
        }
    }
    let _ = stream.set_read_timeout(Some(WRITE_TIMEOUT));
    let set_cookie = request.param("token").is_some();
    match handler.answer(&request) {
        Answer::Respond(r) => respond(&mut stream, &r, set_cookie),
        Answer::Events(first) => {
            let start = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
            if head {
                let _ = stream.write_all(start.as_bytes());
                return;
            }
            let first = format!("{start}retry: 300\n\ndata: {first}\n\n");
            if stream
                .write_all(first.as_bytes())
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
            let Ok(writer) = stream.try_clone() else {
                return;
            };
            let id = inner.next_id.fetch_add(1, Ordering::SeqCst);
            inner
                .streams
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((id, writer));
            // The peer sends nothing more: a read returns when it closes (EOF), or when
            // the stream is shut down (a failed heartbeat, the server stopping).
            let _ = stream.set_read_timeout(None);
            let mut buf = [0u8; 256];
            while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
            inner.drop_stream(id);
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

/// The refusal of a request from elsewhere, or without the token; `None` when it may
/// be answered.
fn check(request: &Request, addr: SocketAddr, own_token: &str, lang: Lang) -> Option<Response> {
    let forbidden = |why: Message| Some(refusal(403, why, lang));
    match request.header("host") {
        Some(host) if is_own(addr, host) => {}
        _ => return forbidden(msg!("server-refused-host", port = addr.port())),
    }
    if let Some(origin) = request.header("origin") {
        let own = origin
            .strip_prefix("http://")
            .is_some_and(|host| is_own(addr, host));
        if !own {
            return forbidden(msg!("server-refused-origin"));
        }
    }
    let token = request
        .param("token")
        .or_else(|| request.cookie(&cookie_name(addr)));
    if !token.is_some_and(|t| same(t.as_bytes(), own_token.as_bytes())) {
        return forbidden(msg!("server-refused-token"));
    }
    None
}

/// Compares in a time that does not depend on where the texts differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Reads a request head from `bytes` as the server does and says whether the server at
/// `addr` with `token` would answer it (`None`: not a request it reads). For the fuzz
/// harness and tests; the server itself reads from its connections.
#[doc(hidden)]
pub fn admits(bytes: &[u8], addr: SocketAddr, token: &str) -> Option<bool> {
    let (request, _) = read_head(&mut &bytes[..bytes.len().min(MAX_HEAD_BYTES + 1)], None)?;
    Some(check(&request, addr, token, Lang::En).is_none())
}

/// A refusal: the status and, as plain text in `lang`, why (the status first, so the
/// page a browser shows starts with it).
fn refusal(status: u16, why: Message, lang: Lang) -> Response {
    Response::plain(
        status,
        msg!("server-refusal", status = status, why = why).render(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_own_requests_with_the_token_are_admitted() {
        let addr: SocketAddr = "127.0.0.1:8022".parse().unwrap();
        let token = "0123456789abcdef0123456789abcdef";
        let ask = |head: &str| admits(head.as_bytes(), addr, token);
        assert_eq!(
            ask(&format!(
                "GET /?token={token} HTTP/1.1\r\nHost: 127.0.0.1:8022\r\n\r\n"
            )),
            Some(true)
        );
        assert_eq!(ask(&format!("GET / HTTP/1.1\r\nHost: LOCALHOST:8022\r\nCookie: a=b; huibao_token_8022={token}\r\n\r\n")), Some(true));
        assert_eq!(
            ask(&format!(
                "GET /?token={token} HTTP/1.1\r\nHost: 园区.example:8022\r\n\r\n"
            )),
            Some(false)
        );
        assert_eq!(ask(&format!("GET /?token={token} HTTP/1.1\r\nHost: 127.0.0.1:8022\r\nOrigin: http://127.0.0.1:8022.evil\r\n\r\n")), Some(false));
        assert_eq!(
            ask("GET / HTTP/1.1\r\nHost: 127.0.0.1:8022\r\n\r\n"),
            Some(false)
        );
        assert_eq!(ask("GET / HTTP/1.1\r\nHost: 127.0.0.1:8022\r\n"), None);
    }

    #[test]
    fn tokens_differ_and_are_long() {
        let a = random_token();
        let b = random_token();
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
