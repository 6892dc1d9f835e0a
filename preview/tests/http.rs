//! The HTTP layer on its own, in this process, with a small handler and short timeouts:
//! request bodies (Content-Length only, bounded, in time), routes (404, 405), a POST
//! from another site, a slow head, the connection cap. The same server serves `watch`
//! and `edit`; `tests/server.rs` tries every route of both programs.

use huibao_preview::http::{Answer, Handler, Request, Response, Route, Server, ServerOptions};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// `GET /`, an event stream, and `POST /echo` answering its body; counts what it answers.
#[derive(Default)]
struct Echo {
    answered: AtomicUsize,
}

const ROUTES: &[Route] = &[Route::get("/"), Route::get("/events"), Route::post("/echo")];
const MAX: usize = 1024;

impl Handler for Echo {
    fn routes(&self) -> &'static [Route] {
        ROUTES
    }

    fn max_body(&self) -> usize {
        MAX
    }

    fn answer(&self, request: &Request) -> Answer {
        self.answered.fetch_add(1, Ordering::SeqCst);
        match request.path.as_str() {
            "/events" => Answer::Events("1".into()),
            "/echo" => Answer::Respond(
                Response::new(200, "application/octet-stream", request.body.clone())
                    .with_header("Content-Disposition", "attachment; filename=\"a.txt\"")
                    .with_header("X-Bad", "a\r\nSet-Cookie: evil=1"),
            ),
            _ => Answer::Respond(Response::plain(200, format!("q={:?}", request.arg("q")))),
        }
    }
}

struct Served {
    server: Option<Server>,
    echo: Arc<Echo>,
    addr: SocketAddr,
    cookie: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop();
        }
    }
}

fn serve(head: Duration, body: Duration) -> Served {
    serve_in(huibao_i18n::Lang::En, head, body)
}

fn serve_in(lang: huibao_i18n::Lang, head: Duration, body: Duration) -> Served {
    let echo = Arc::new(Echo::default());
    let server = Server::start(
        0,
        echo.clone(),
        ServerOptions::default().timeouts(head, body).language(lang),
        |_| {},
    )
    .unwrap();
    let addr = server.addr();
    let cookie = format!(
        "Cookie: huibao_token_{}={}\r\n",
        addr.port(),
        server.token()
    );
    Served {
        server: Some(server),
        echo,
        addr,
        cookie,
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s
}

/// The whole answer to what was written on `s`: status, head, body.
fn answer(mut s: TcpStream) -> (u16, String, Vec<u8>) {
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let at = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&out)));
    let head = String::from_utf8_lossy(&out[..at]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head, out[at + 4..].to_vec())
}

fn send(addr: SocketAddr, bytes: &[u8]) -> (u16, String, Vec<u8>) {
    let mut s = connect(addr);
    s.write_all(bytes).unwrap();
    answer(s)
}

#[test]
fn bodies_are_read_with_a_length_within_the_limit_and_in_time() {
    let served = serve(Duration::from_secs(2), Duration::from_secs(1));
    let (addr, cookie) = (served.addr, &served.cookie);
    let post = |extra: &str, body: &[u8]| {
        let mut bytes = format!(
            "POST /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}{extra}Connection: close\r\n\r\n"
        )
        .into_bytes();
        bytes.extend_from_slice(body);
        send(addr, &bytes)
    };

    // A body with its length, in one piece and in two.
    let (status, head, body) = post(
        "Content-Length: 6\r\n",
        "报".as_bytes().repeat(2).as_slice(),
    );
    assert_eq!(
        (status, body.as_slice()),
        (200, "报报".as_bytes()),
        "{head}"
    );
    assert!(
        head.contains("Content-Disposition: attachment; filename=\"a.txt\""),
        "{head}"
    );
    assert!(
        !head.contains("evil"),
        "a header with a line break was written: {head}"
    );
    let mut s = connect(addr);
    write!(
        s,
        "POST /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Length: 10\r\n\r\n01234"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    s.write_all(b"56789").unwrap();
    assert_eq!(answer(s).2, b"0123456789");
    assert_eq!(post("Content-Length: 0\r\n", b"").0, 200);
    assert_eq!(
        post(&format!("Content-Length: {MAX}\r\n"), &[b'x'; MAX]).0,
        200
    );

    // Over the limit: 413 at once, the body not waited for.
    let asked = Instant::now();
    let (status, _, _) = post(&format!("Content-Length: {}\r\n", MAX + 1), b"");
    assert_eq!(status, 413);
    let (status, _, _) = post("Content-Length: 99999999999999999999999\r\n", b"");
    assert_eq!(status, 413);
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "413 took {:?}",
        asked.elapsed()
    );
    // And with the body on its way: still 413, the connection not reset before it is read.
    let (status, _, _) = post(
        &format!("Content-Length: {}\r\n", 64 * MAX),
        &[b'x'; 64 * MAX],
    );
    assert_eq!(status, 413);

    // No length, a chunked body, a length that is not one number.
    assert_eq!(post("", b"hello").0, 411);
    assert_eq!(
        post("Transfer-Encoding: chunked\r\n", b"5\r\nhello\r\n0\r\n\r\n").0,
        411
    );
    assert_eq!(
        post(
            "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
            b"hello"
        )
        .0,
        411
    );
    assert_eq!(post("Content-Length: five\r\n", b"hello").0, 400);
    assert_eq!(post("Content-Length: -5\r\n", b"hello").0, 400);
    assert_eq!(
        post("Content-Length: 5\r\nContent-Length: 6\r\n", b"hello!").0,
        400
    );

    // A body that stops coming: 408 at the body's deadline (1 s here).
    let mut s = connect(addr);
    write!(
        s,
        "POST /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Length: 10\r\n\r\n012"
    )
    .unwrap();
    let started = Instant::now();
    let (status, _, _) = answer(s);
    let took = started.elapsed();
    assert_eq!(status, 408);
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(3),
        "408 after {took:?}"
    );
    // A body trickled a byte at a time, each within the deadline of a single read:
    // the deadline is the whole body's.
    let mut s = connect(addr);
    write!(
        s,
        "POST /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Length: 100\r\n\r\n"
    )
    .unwrap();
    let started = Instant::now();
    let mut status = 0;
    while started.elapsed() < Duration::from_secs(5) {
        if s.write_all(b"x").is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
        s.set_nonblocking(true).unwrap();
        let mut buf = [0u8; 64];
        if let Ok(n) = s.read(&mut buf) {
            if n > 0 {
                status = String::from_utf8_lossy(&buf[..n])
                    .split_whitespace()
                    .nth(1)
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0);
                break;
            }
        }
        s.set_nonblocking(false).unwrap();
    }
    assert_eq!(
        status,
        408,
        "a trickled body was waited for {:?}",
        started.elapsed()
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn refused_requests_reach_no_handler_and_no_body_is_read_for_them() {
    let served = serve(Duration::from_secs(2), Duration::from_secs(1));
    let (addr, cookie) = (served.addr, &served.cookie);
    let port = addr.port();
    let before = served.echo.answered.load(Ordering::SeqCst);
    // Another site's page posting, with the cookie the browser would add; a rebound
    // name; no token; the cookie of another port's server.
    for (host, extra) in [
        (
            format!("{addr}"),
            format!("{cookie}Origin: http://evil.example\r\n"),
        ),
        (format!("{addr}"), format!("{cookie}Origin: null\r\n")),
        (format!("rebind.example.com:{port}"), cookie.clone()),
        (format!("{addr}"), String::new()),
        (
            format!("{addr}"),
            format!(
                "Cookie: huibao_token_{}={}\r\n",
                port.wrapping_add(1),
                cookie.split('=').nth(1).unwrap().trim()
            ),
        ),
    ] {
        let (status, _, _) = send(
            addr,
            format!("POST /echo HTTP/1.1\r\nHost: {host}\r\n{extra}Content-Length: 5\r\nConnection: close\r\n\r\nhello")
                .as_bytes(),
        );
        assert_eq!(status, 403, "Host {host}, {extra}");
    }
    // Not a route: 404 (403 without the token); a route's other method: 405.
    let get = |path: &str, extra: &str| {
        send(
            addr,
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    assert_eq!(get("/nowhere", cookie).0, 404);
    assert_eq!(get("/nowhere", "").0, 403);
    assert_eq!(get("/%2e%2e/Cargo.toml", cookie).0, 404);
    let (status, head, _) = get("/echo", cookie);
    assert_eq!(status, 405);
    assert!(head.contains("Allow: POST"), "{head}");
    let (status, head, _) = send(
        addr,
        format!("POST / HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Length: 0\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 405);
    assert!(head.contains("Allow: GET, HEAD"), "{head}");
    assert_eq!(
        send(
            addr,
            format!("DELETE / HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n").as_bytes()
        )
        .0,
        405
    );
    assert_eq!(
        served.echo.answered.load(Ordering::SeqCst),
        before,
        "a refused request reached the handler"
    );
    // Queries are decoded for the handler.
    let (status, _, body) = get("/?q=%E6%8A%A5%E5%91%8A+1", cookie);
    assert_eq!(
        (status, String::from_utf8_lossy(&body).as_ref()),
        (200, "q=Some(\"报告 1\")")
    );
}

#[test]
fn the_token_in_the_address_becomes_a_cookie_named_for_the_port() {
    let served = serve(Duration::from_secs(2), Duration::from_secs(1));
    let addr = served.addr;
    let token = served.server.as_ref().unwrap().token().to_string();
    assert_eq!(
        served.server.as_ref().unwrap().url(),
        format!("http://{addr}/?token={token}")
    );
    let (status, head, _) = send(
        addr,
        format!("GET /?token={token} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(
        head.contains(&format!(
            "Set-Cookie: huibao_token_{}={token}; Path=/; HttpOnly; SameSite=Strict",
            addr.port()
        )),
        "{head}"
    );
}

#[test]
fn a_slow_head_is_cut_off_at_its_deadline() {
    let served = serve(Duration::from_secs(1), Duration::from_secs(1));
    let mut s = connect(served.addr);
    let started = Instant::now();
    let mut closed = false;
    // One byte of the head every 200 ms: each read is quick, the head never ends.
    for b in b"GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        .iter()
        .cycle()
        .take(100)
    {
        if s.write_all(&[*b]).is_err() {
            closed = true;
            break;
        }
        s.set_nonblocking(true).unwrap();
        let mut buf = [0u8; 16];
        if matches!(s.read(&mut buf), Ok(0)) {
            closed = true;
            break;
        }
        s.set_nonblocking(false).unwrap();
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        closed,
        "a head trickled for {:?} was still read",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn past_the_connection_cap_a_new_connection_gets_503() {
    let served = serve(Duration::from_secs(5), Duration::from_secs(1));
    let held: Vec<TcpStream> = (0..huibao_preview::http::MAX_CONNECTIONS)
        .map(|_| connect(served.addr))
        .collect();
    // Each held connection has its thread waiting for a head.
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        let mut s = connect(served.addr);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out).into_owned();
        if text.starts_with("HTTP/1.1 503") || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.starts_with("HTTP/1.1 503"), "{status}");
    assert!(status.contains("Retry-After: 1"), "{status}");
    drop(held);
    let addr = served.addr;
    let cookie = served.cookie.clone();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, _, _) = send(
            addr,
            format!("GET / HTTP/1.1\r\nHost: {addr}\r\n{cookie}Connection: close\r\n\r\n")
                .as_bytes(),
        );
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "not serving again after the cap");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every refusal of the server (403 ×3, 404, 405, 411 ×2, 400, 413, 408) in both
/// languages: the status first, then why in the server's language, each in words of its
/// own.
#[test]
fn every_refusal_says_why_in_the_server_s_language() {
    use huibao_i18n::Lang;
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for lang in Lang::ALL {
        let served = serve_in(lang, Duration::from_secs(2), Duration::from_millis(300));
        let (addr, cookie) = (served.addr, served.cookie.clone());
        let post = |extra: &str, body: &str| {
            format!("POST /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}{extra}Connection: close\r\n\r\n{body}")
        };
        let refusals: Vec<(u16, String)> = vec![
            (
                403,
                format!(
                    "GET / HTTP/1.1\r\nHost: rebind.example.com:{}\r\n{cookie}\r\n",
                    addr.port()
                ),
            ),
            (
                403,
                post("Origin: http://evil.example\r\nContent-Length: 2\r\n", "{}"),
            ),
            (403, format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n")),
            (
                404,
                format!("GET /nowhere HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n"),
            ),
            (
                405,
                format!("GET /echo HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n"),
            ),
            (
                411,
                post("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n"),
            ),
            (411, post("", "")),
            (400, post("Content-Length: five\r\n", "hello")),
            (413, post(&format!("Content-Length: {}\r\n", MAX + 1), "")),
            (408, post("Content-Length: 10\r\n", "12")),
        ];
        let mut said = std::collections::BTreeSet::new();
        for (want, request) in refusals {
            let (status, _, body) = send(addr, request.as_bytes());
            let body = String::from_utf8(body).unwrap();
            assert_eq!(status, want, "{lang}: {request:?}: {body}");
            match lang {
                Lang::ZhCn => assert!(
                    body.starts_with(&format!("{want}：")) && cjk(&body),
                    "{lang}: {body}"
                ),
                Lang::En => assert!(
                    body.starts_with(&format!("{want}: ")) && !cjk(&body),
                    "{lang}: {body}"
                ),
            }
            assert!(said.insert(body.clone()), "{lang}: said twice: {body}");
        }
    }
}
