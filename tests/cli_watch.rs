//! `huibao watch`: the page is served on 127.0.0.1 only, a save reaches it through the
//! event stream, a syntax error shows with its location above the last good page, and
//! Ctrl-C stops the program cleanly. Every request goes to 127.0.0.1, every wait is
//! bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The report the preview shows (watch_check.py edits the same one in Chromium).
const REPORT: &str = include_str!("watch/jinchuan.toml");

/// The program, killed when the test ends however it ends.
struct Watch(Child);

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `huibao watch` on a free port; returns it and the address it serves.
fn start(report: &std::path::Path) -> (Watch, SocketAddr, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .env("HUIBAO_LANG", "en")
        .args([
            "watch",
            report.to_str().unwrap(),
            "--port",
            "0",
            "--no-system-fonts",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let watch = Watch(child);
    let mut line = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 {
            panic!("huibao watch ended before serving");
        }
        if let Some(rest) = line.split("serving http://").nth(1) {
            let addr = rest.split('/').next().unwrap().parse().unwrap();
            return (watch, addr, out);
        }
    }
    panic!("huibao watch did not start serving in time");
}

/// GET `path`: status and body.
fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// An open event stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(s, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut events = Events(BufReader::new(s));
        let head = events.line();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        events
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.0.read_line(&mut line).expect("a line within 20 s");
        line
    }

    /// The next `data:` message.
    fn next(&mut self) -> String {
        for _ in 0..100 {
            let line = self.line();
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim().to_string();
            }
            assert!(!line.is_empty(), "the event stream closed");
        }
        panic!("no event");
    }
}

/// The page's text between tags, for finding a sentence.
fn page_has(page: &str, text: &str) -> bool {
    page.contains(text)
}

#[test]
fn a_save_reaches_the_page_and_an_error_shows_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let (watch, addr, _out) = start(&report);
    assert!(addr.ip().is_loopback(), "served on {addr}");

    let (status, page) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(page_has(&page, "上半年，园区经济运行稳中有进。"), "{page}");
    assert!(page.contains("EventSource(\"/events\")"));
    assert_eq!(get(addr, "/report.toml").0, 404);

    let mut events = Events::open(addr);
    let first = events.next();

    // An edit in place.
    std::fs::write(&report, REPORT.replace("稳中有进", "稳中向好、质效齐升")).unwrap();
    let second = events.next();
    assert_ne!(first, second);
    let (_, page) = get(addr, "/");
    assert!(
        page_has(&page, "上半年，园区经济运行稳中向好、质效齐升。"),
        "{page}"
    );
    assert!(page.contains(&format!("var shown = \"{second}\";")));

    // A save by rename (how many editors save): a new file moved over the report.
    let next = tmp.path().join(".jinchuan.toml.swp");
    std::fs::write(&next, REPORT.replace("稳中有进", "持续回升")).unwrap();
    std::fs::rename(&next, &report).unwrap();
    events.next();
    let (_, page) = get(addr, "/");
    assert!(page_has(&page, "上半年，园区经济运行持续回升。"), "{page}");

    // A syntax error: shown with file:line:column above the last good page.
    std::fs::write(
        &report,
        REPORT.replace("date = 2022-07-08", "date = 2022-07-08\n[summary"),
    )
    .unwrap();
    events.next();
    let (_, page) = get(addr, "/");
    let error_at = page
        .find("huibao-preview-errors\" role=\"alert\"")
        .expect("errors shown");
    let place = format!("{}:5:", report.display());
    let located = page.find(&place).expect("the error names file:line:column");
    let last_good = page
        .find("上半年，园区经济运行持续回升。")
        .expect("last good page kept");
    assert!(error_at < located && located < last_good, "{page}");
    drop(watch);
}

#[test]
fn ctrl_c_stops_the_preview_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("qianwan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let (mut watch, addr, mut out) = start(&report);
    assert_eq!(get(addr, "/").0, 200);
    let mut events = Events::open(addr);
    events.next();
    // SIGINT, as Ctrl-C sends.
    let pid = watch.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = watch.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running 20 s after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
    // The port is closed and the event stream ended.
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err());
    let mut tail = String::new();
    let _ = events.0.read_to_string(&mut tail);
}
