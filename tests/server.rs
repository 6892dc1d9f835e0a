//! huibao's one HTTP server (`huibao_preview::http`), as `huibao watch` and `huibao edit`
//! run it: every route either program declares (`huibao_preview::ROUTES`,
//! `huibao_editor::ROUTES`, which the server holds requests to) is tried with every way
//! a request from elsewhere or without this run's token can come, and each is refused
//! with 403 before anything is read or done; with the token, each route is reached.
//! A new route joins one of those lists or is never answered (404), so it cannot join
//! unchecked. Then the body cases against the editor's POST routes (411, 413 at once,
//! 400), HEAD on every GET route, and running out of descriptors for both programs.
//! Every request goes to 127.0.0.1; every wait is bounded.

mod support;

use support::{Running, Served};

use huibao_preview::http::{Method, Route};
use std::io::{BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The report both programs are started on.
const REPORT: &str = include_str!("watch/jinchuan.toml");

/// The two programs on the server.
#[derive(Debug, Clone, Copy)]
enum App {
    Watch,
    Edit,
}

impl App {
    const ALL: [App; 2] = [App::Watch, App::Edit];

    fn routes(self) -> &'static [Route] {
        match self {
            App::Watch => huibao_preview::ROUTES,
            App::Edit => huibao_editor::ROUTES,
        }
    }

    fn args(self, report: &str) -> Vec<String> {
        let mut args = match self {
            App::Watch => vec!["watch".to_string(), report.to_string()],
            App::Edit => vec!["edit".to_string(), report.to_string(), "--no-open".into()],
        };
        args.extend(["--port", "0", "--no-system-fonts"].map(String::from));
        args
    }
}

impl Served {
    fn own(&self) -> String {
        self.addr.to_string()
    }

    fn cookie(&self) -> String {
        format!(
            "Cookie: huibao_token_{}={}\r\n",
            self.addr.port(),
            self.token
        )
    }
}

fn start_with(mut command: Command, app: App, dir: &std::path::Path) -> (Running, Served) {
    let report = dir.join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let mut child = command
        .args(app.args(report.to_str().unwrap()))
        .current_dir(dir)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let running = Running(child);
    let served = support::read_served(&mut out, &format!("huibao {app:?}"));
    // The rest of its output, read so it never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    (running, served)
}

fn start(app: App, dir: &std::path::Path) -> (Running, Served) {
    let mut command = support::huibao_command();
    command.stderr(Stdio::null());
    start_with(command, app, dir)
}

/// Sends `request` and reads the answer's head (and body, unless `head_only`, until the
/// server closes): status, head, body.
fn ask(addr: SocketAddr, request: &[u8], head_only: bool) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
        let event_stream = || String::from_utf8_lossy(&out).contains("text/event-stream");
        if (head_only || event_stream()) && out.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let at = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(out.len());
    let head = String::from_utf8_lossy(&out[..at]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head, out.get(at + 4..).unwrap_or_default().to_vec())
}

/// A request for `route` (GET, HEAD or POST with a small body that is no valid input),
/// with `host` (none when empty) and `extra` header lines.
fn request(method: &str, path: &str, host: &str, extra: &str) -> Vec<u8> {
    let host = if host.is_empty() {
        String::new()
    } else {
        format!("Host: {host}\r\n")
    };
    let body = if method == "POST" {
        "Content-Length: 8\r\n\r\nnot json"
    } else {
        "\r\n"
    };
    format!("{method} {path} HTTP/1.1\r\n{host}{extra}Connection: close\r\n{body}").into_bytes()
}

fn methods(route: &Route) -> &'static [&'static str] {
    match route.method {
        Method::Get => &["GET", "HEAD"],
        Method::Post => &["POST"],
    }
}

/// Every route of both programs × every foreign Host, foreign Origin, missing or wrong
/// token: 403; with this run's token (in the address or the cookie) and its own Origin:
/// reached (not 403, 404, 405, 411 or 413).
#[test]
fn every_route_of_both_programs_refuses_other_hosts_origins_and_tokens() {
    let mut tried = 0;
    for app in App::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let (running, served) = start(app, tmp.path());
        let port = served.addr.port();
        let own = served.own();
        let cookie = served.cookie();
        let hosts = [
            format!("rebind.example.com:{port}"),
            format!("127.0.0.1:{}", port.wrapping_add(1)),
            "localhost".to_string(),
            format!("127.0.0.1.rebind.example:{port}"),
            String::new(),
        ];
        let origins = [
            "http://rebind.example.com".to_string(),
            format!("http://evil.example:{port}"),
            "null".to_string(),
            format!("https://127.0.0.1:{port}"),
            format!("http://127.0.0.1:{port}.evil.example"),
        ];
        let tokens = [
            String::new(),
            format!("Cookie: huibao_token_{port}=0123456789abcdef0123456789abcdef\r\n"),
            // The cookie another server on this machine set: cookies ignore ports.
            format!(
                "Cookie: huibao_token_{}={}\r\n",
                port.wrapping_add(1),
                served.token
            ),
            format!("Cookie: huibao_token={}\r\n", served.token),
            format!("X-Huibao-Token: {}\r\n", served.token),
        ];
        for route in app.routes() {
            for method in methods(route) {
                let path = route.path;
                let refused = |host: &str, extra: &str, target: &str, what: &str| {
                    let (status, head, _) =
                        ask(served.addr, &request(method, target, host, extra), true);
                    assert_eq!(status, 403, "{app:?} {method} {target} {what}: {head}");
                };
                for host in &hosts {
                    refused(host, &cookie, path, &format!("Host {host:?}"));
                    refused(
                        host,
                        "",
                        &format!("{path}?token={}", served.token),
                        &format!("Host {host:?}, token in the address"),
                    );
                }
                for origin in &origins {
                    refused(
                        &own,
                        &format!("{cookie}Origin: {origin}\r\n"),
                        path,
                        &format!("Origin {origin}"),
                    );
                }
                for token in &tokens {
                    refused(&own, token, path, &format!("token {token:?}"));
                }
                refused(
                    &own,
                    "",
                    &format!("{path}?token=0123"),
                    "a wrong token in the address",
                );
                // Reached: by the cookie with its own Origin, by the token in the address.
                for (target, extra) in [
                    (
                        path.to_string(),
                        format!("{cookie}Origin: http://{own}\r\n"),
                    ),
                    (format!("{path}?token={}", served.token), String::new()),
                ] {
                    let (status, head, body) =
                        ask(served.addr, &request(method, &target, &own, &extra), false);
                    // The handler's own 404 (a download not exported) is reached.
                    let servers_404 =
                        status == 404 && String::from_utf8_lossy(&body).contains("no such route");
                    assert!(
                        ![0, 403, 405, 411, 413].contains(&status) && !servers_404,
                        "{app:?} {method} {target} not reached: {head}"
                    );
                }
                tried += 1;
            }
            // The route's other method: 405 (and 403 without the token).
            let other = match route.method {
                Method::Get => "POST",
                Method::Post => "GET",
            };
            if !app
                .routes()
                .iter()
                .any(|r| r.path == route.path && methods(r).contains(&other))
            {
                let (status, head, _) = ask(
                    served.addr,
                    &request(other, route.path, &own, &cookie),
                    true,
                );
                assert_eq!(status, 405, "{app:?} {other} {}: {head}", route.path);
                let (status, _, _) = ask(served.addr, &request(other, route.path, &own, ""), true);
                assert_eq!(
                    status, 403,
                    "{app:?} {other} {} without the token",
                    route.path
                );
            }
        }
        // Outside the routes: 404 with the token, 403 without.
        for path in [
            "/report.toml",
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/api/",
            "/api/state/x",
        ] {
            assert_eq!(
                ask(served.addr, &request("GET", path, &own, &cookie), true).0,
                404,
                "{app:?} {path}"
            );
            assert_eq!(
                ask(served.addr, &request("GET", path, &own, ""), true).0,
                403,
                "{app:?} {path}"
            );
        }
        drop(running);
    }
    assert!(tried >= 20, "only {tried} routes tried");
}

/// The token in the address is answered with an `HttpOnly; SameSite=Strict` cookie named
/// for the port; HEAD of every GET route has GET's head without the body.
#[test]
fn the_token_becomes_a_cookie_and_head_is_answered_on_every_get_route() {
    for app in App::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let (running, served) = start(app, tmp.path());
        let own = served.own();
        let cookie = served.cookie();
        let (status, head, _) = ask(
            served.addr,
            &request("GET", &format!("/?token={}", served.token), &own, ""),
            false,
        );
        assert_eq!(status, 200);
        assert!(
            head.contains(&format!(
                "Set-Cookie: huibao_token_{}={}; Path=/; HttpOnly; SameSite=Strict",
                served.addr.port(),
                served.token
            )),
            "{app:?}: {head}"
        );
        for route in app.routes().iter().filter(|r| r.method == Method::Get) {
            let (status, head, body) = ask(
                served.addr,
                &request("HEAD", route.path, &own, &cookie),
                false,
            );
            assert!(
                status == 200 || status == 404,
                "{app:?} HEAD {}: {head}",
                route.path
            );
            assert!(body.is_empty(), "{app:?} HEAD {} has a body", route.path);
        }
        // The page's length is GET's.
        let page = match app {
            App::Watch => "/",
            App::Edit => "/app.js",
        };
        let length = |head: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .and_then(|n| n.trim().parse::<usize>().ok())
        };
        let (_, head, _) = ask(served.addr, &request("HEAD", page, &own, &cookie), false);
        let (_, _, body) = ask(served.addr, &request("GET", page, &own, &cookie), false);
        assert_eq!(length(&head), Some(body.len()), "{app:?} HEAD {page}");
        drop(running);
    }
}

/// The editor's POST routes: a body without a length 411, chunked 411, over the limit
/// 413 before the body is sent, a length that is no number 400.
#[test]
fn the_editors_bodies_need_a_length_within_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let (running, served) = start(App::Edit, tmp.path());
    let own = served.own();
    let cookie = served.cookie();
    let posts: Vec<&Route> = huibao_editor::ROUTES
        .iter()
        .filter(|r| r.method == Method::Post)
        .collect();
    assert!(posts.len() >= 10);
    for route in posts {
        let path = route.path;
        let send = |headers: &str, body: &str| {
            ask(
                served.addr,
                format!("POST {path} HTTP/1.1\r\nHost: {own}\r\n{cookie}{headers}Connection: close\r\n\r\n{body}")
                    .as_bytes(),
                true,
            )
        };
        assert_eq!(send("", "{}").0, 411, "{path} without a length");
        assert_eq!(
            send("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n").0,
            411,
            "{path} chunked"
        );
        assert_eq!(send("Content-Length: two\r\n", "{}").0, 400, "{path}");
        let asked = Instant::now();
        let (status, head, _) = send(
            &format!("Content-Length: {}\r\n", huibao_editor::MAX_BODY + 1),
            "",
        );
        assert_eq!(status, 413, "{path}: {head}");
        assert!(
            asked.elapsed() < Duration::from_secs(2),
            "{path}: 413 after {:?}",
            asked.elapsed()
        );
    }
    // Nothing was written by the refused requests: the folder holds the report alone.
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("jinchuan.toml")]);
    drop(running);
}

/// Every refusal of both programs' server — another host, another site, no token, no
/// such route, another method, and for the editor's POST routes a body without a length,
/// chunked, with a length that is no number, over the limit — says why in the run's
/// language: Chinese under zh_CN, English under C, the status first.
#[test]
fn every_refusal_of_both_programs_says_why_in_the_run_s_language() {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (app, locale) in App::ALL
        .into_iter()
        .flat_map(|app| ["zh_CN.UTF-8", "C"].map(|locale| (app, locale)))
    {
        let tmp = tempfile::tempdir().unwrap();
        let mut command = support::huibao_command();
        command.env("LANG", locale).stderr(Stdio::null());
        let (running, served) = start_with(command, app, tmp.path());
        let own = served.own();
        let cookie = served.cookie();
        let get = app.routes()[0].path;
        let other_host = format!("rebind.example.com:{}", served.addr.port());
        let mut refusals: Vec<(u16, Vec<u8>)> = vec![
            (403, request("GET", get, &other_host, &cookie)),
            (
                403,
                request(
                    "GET",
                    get,
                    &own,
                    &format!("{cookie}Origin: http://evil.example\r\n"),
                ),
            ),
            (403, request("GET", get, &own, "")),
            (404, request("GET", "/nowhere", &own, &cookie)),
            (405, request("DELETE", get, &own, &cookie)),
        ];
        if let Some(post) = app.routes().iter().find(|r| r.method == Method::Post) {
            let path = post.path;
            let body = |headers: &str, body: &str| {
                format!("POST {path} HTTP/1.1\r\nHost: {own}\r\n{cookie}{headers}Connection: close\r\n\r\n{body}")
                    .into_bytes()
            };
            refusals.extend([
                (411, body("", "{}")),
                (
                    411,
                    body("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n"),
                ),
                (400, body("Content-Length: two\r\n", "{}")),
                (
                    413,
                    body(
                        &format!("Content-Length: {}\r\n", huibao_editor::MAX_BODY + 1),
                        "",
                    ),
                ),
            ]);
        }
        for (want, asked) in refusals {
            let (status, head, body) = ask(served.addr, &asked, false);
            let body = String::from_utf8_lossy(&body);
            let what = String::from_utf8_lossy(&asked);
            assert_eq!(status, want, "{app:?} {locale} {what:?}: {head}");
            let (start, chinese) = match locale {
                "C" => (format!("{want}: "), false),
                _ => (format!("{want}："), true),
            };
            assert!(
                body.starts_with(&start) && cjk(&body) == chinese,
                "{app:?} {locale} {what:?}: {body}"
            );
        }
        drop(running);
    }
}

#[cfg(unix)]
extern "C" {
    fn setrlimit(resource: i32, limit: *const [u64; 2]) -> i32;
}

/// More connections at once than descriptors: each program's server pauses, says so,
/// and serves again once they close.
#[cfg(unix)]
#[test]
fn running_out_of_descriptors_is_a_pause_for_both_programs() {
    use std::os::unix::process::CommandExt;
    // What each says of the pause and of serving again, in each language.
    let said = [
        ("C", "cannot take new connections", "serving again"),
        ("zh_CN.UTF-8", "无法接受新的连接", "已恢复服务"),
    ];
    for (app, (locale, paused, again)) in App::ALL
        .into_iter()
        .flat_map(|app| said.map(|words| (app, words)))
    {
        let tmp = tempfile::tempdir().unwrap();
        let err_path = tmp.path().join("stderr.txt");
        let mut command = support::huibao_command();
        command.env("LANG", locale);
        command.stderr(std::fs::File::create(&err_path).unwrap());
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                const RLIMIT_NOFILE: i32 = 7;
                if setrlimit(RLIMIT_NOFILE, &[64, 64]) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let (running, served) = start_with(command, app, tmp.path());
        let mut held = Vec::new();
        for _ in 0..100 {
            if let Ok(s) = TcpStream::connect_timeout(&served.addr, Duration::from_secs(2)) {
                held.push(s);
            }
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while !std::fs::read_to_string(&err_path).unwrap().contains(paused) {
            assert!(
                Instant::now() < deadline,
                "{app:?} {locale}: no word of the pause"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(held);
        let own = served.own();
        let cookie = served.cookie();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let status = TcpStream::connect_timeout(&served.addr, Duration::from_secs(2))
                .ok()
                .map(|mut s| {
                    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                    let _ = s.write_all(&request("GET", "/", &own, &cookie));
                    let mut answer = Vec::new();
                    let _ = s.read_to_end(&mut answer);
                    answer.starts_with(b"HTTP/1.1 200")
                });
            if status == Some(true) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{app:?} does not serve again after running out of descriptors"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let err = std::fs::read_to_string(&err_path).unwrap();
            if err.contains(again) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{app:?} {locale}: no word of serving again: {err}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(running);
    }
}
