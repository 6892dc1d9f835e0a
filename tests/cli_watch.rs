//! `huibao watch`: the page is served on 127.0.0.1 only, a save reaches it through the
//! event stream, a syntax error shows with its location above the last good page, and
//! Ctrl-C stops the program cleanly. Every request goes to 127.0.0.1, every wait is
//! bounded.
//!
//! 2,000 event streams opened and closed under a limit of 256 descriptors leave the
//! server serving; editing the spreadsheet the report reads (or last period's report)
//! renders again within a second. The server's refusals (foreign Host or Origin, no
//! token), HEAD and running out of descriptors are tried for every route of `watch` and
//! `edit` alike in `tests/server.rs`.

mod support;

use support::{Running, Served};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The report the preview shows (watch_check.py edits the same one in Chromium).
const REPORT: &str = include_str!("watch/jinchuan.toml");

/// Starts `huibao watch` on a free port; returns it and the address it serves.
fn start(report: &std::path::Path) -> (Running, Served, BufReader<std::process::ChildStdout>) {
    let mut command = support::huibao_command();
    command.stderr(Stdio::null());
    start_with(command, report)
}

/// [`start`] with a command prepared by the caller (limits, stderr).
fn start_with(
    mut command: Command,
    report: &std::path::Path,
) -> (Running, Served, BufReader<std::process::ChildStdout>) {
    let mut child = command
        .args([
            "watch",
            report.to_str().unwrap(),
            "--port",
            "0",
            "--no-system-fonts",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let watch = Running(child);
    let served = support::read_served(&mut out, "huibao watch");
    (watch, served, out)
}

/// GET `path` with the run's token in its cookie: status and body.
fn get(served: &Served, path: &str) -> (u16, String) {
    let (status, _, body) = raw(
        served.addr,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: huibao_token_{}={}\r\nConnection: close\r\n\r\n",
            served.addr,
            served.addr.port(),
            served.token
        ),
    );
    (status, body)
}

/// Sends `request` as it is: status, head and body of the answer.
fn raw(addr: SocketAddr, request: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (head, body) = response
        .split_once("\r\n\r\n")
        .map(|(h, b)| (h.to_string(), b.to_string()))
        .unwrap_or_default();
    (status, head, body)
}

/// An open event stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(served: &Served) -> Events {
        let addr = served.addr;
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET /events HTTP/1.1\r\nHost: {addr}\r\nCookie: huibao_token_{}={}\r\n\r\n",
            addr.port(),
            served.token
        )
        .unwrap();
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
    let (watch, served, _out) = start(&report);
    let addr = &served;
    assert!(addr.addr.ip().is_loopback(), "served on {}", addr.addr);

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
    let (mut watch, served, mut out) = start(&report);
    let addr = served.addr;
    assert_eq!(get(&served, "/").0, 200);
    let mut events = Events::open(&served);
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

#[cfg(unix)]
extern "C" {
    fn setrlimit(resource: i32, limit: *const [u64; 2]) -> i32;
}

/// `huibao watch` of `report` limited to `limit` descriptors, its stderr in `err_path`.
#[cfg(unix)]
fn start_limited(
    report: &std::path::Path,
    limit: u64,
    err_path: &std::path::Path,
) -> (Running, Served, BufReader<std::process::ChildStdout>) {
    use std::os::unix::process::CommandExt;
    let mut command = support::huibao_command();
    command.stderr(std::fs::File::create(err_path).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(move || {
            const RLIMIT_NOFILE: i32 = 7;
            if setrlimit(RLIMIT_NOFILE, &[limit, limit]) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    start_with(command, report)
}

/// Under a limit of 256 descriptors: 2,000 event streams opened and closed (ten at
/// once), and the server still serves with few descriptors open.
#[cfg(unix)]
#[test]
fn closed_event_streams_free_their_descriptors() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("jinchuan.toml");
    std::fs::write(&report, REPORT).unwrap();
    let (watch, served, _out) = start_limited(&report, 256, &tmp.path().join("stderr.txt"));
    let started = Instant::now();
    for _ in 0..200 {
        let streams: Vec<Events> = (0..10).map(|_| Events::open(&served)).collect();
        for mut s in streams {
            assert!(!s.next().is_empty());
        }
    }
    let streams_took = started.elapsed();
    assert_eq!(
        get(&served, "/").0,
        200,
        "serves after 2,000 closed streams"
    );
    // The streams' threads see EOF at once; give the last ones a moment.
    let fds = || {
        std::fs::read_dir(format!("/proc/{}/fd", watch.0.id()))
            .map(|d| d.count())
            .unwrap_or(usize::MAX)
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while fds() >= 48 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let descriptors = fds();
    assert!(
        descriptors < 48,
        "{descriptors} descriptors open after the streams closed"
    );
    eprintln!(
        "2,000 event streams opened and closed under 256 descriptors in {streams_took:?}; {descriptors} descriptors open after"
    );
    drop(watch);
}

/// The spreadsheet `[indicators] from` names, and last period's report: an edit of
/// either renders the page again within a second.
#[test]
fn editing_the_spreadsheet_or_last_periods_report_renders_again() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = tmp.path().join("stats.csv");
    let csv = "指标名称,单位,1-6月,上年同期\n营业收入,亿元,48.65,43.29\n税收收入,亿元,5.62,5.87\n";
    std::fs::write(&sheet, csv).unwrap();
    let last = tmp.path().join("jinchuan-2021h1.toml");
    std::fs::write(
        &last,
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2021-H1\"\ndate = 2021-07-08\n\n[summary]\ntext = \"上年同期园区经济平稳运行。\"\n\n[[plan]]\ntitle = \"全力推进项目落地\"\ntext = \"下半年力争新开工项目10个以上。\"\n",
    )
    .unwrap();
    let report = tmp.path().join("jinchuan.toml");
    std::fs::write(
        &report,
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\nprevious = \"jinchuan-2021h1.toml\"\n\n[indicators]\nfrom = \"stats.csv\"\n\n[summary]\ntext = '上半年，园区完成营业收入{{indicator \"营业收入\"}}。'\n\n[[achievements]]\ntitle = \"多措并举加强招商引资\"\ntext = \"上半年新签约项目12个，总投资86.5亿元。\"\n",
    )
    .unwrap();
    let (watch, served, _out) = start(&report);
    let mut events = Events::open(&served);
    let first = events.next();
    assert!(get(&served, "/").1.contains("48.65亿元"));

    let edited = Instant::now();
    std::fs::write(&sheet, csv.replace("48.65", "51.20")).unwrap();
    let second = events.next();
    let sheet_took = edited.elapsed();
    assert_ne!(first, second);
    assert!(
        get(&served, "/").1.contains("51.20亿元"),
        "the sheet's new figure shows"
    );
    assert!(
        sheet_took < Duration::from_secs(1),
        "re-rendered {sheet_took:?} after the sheet was saved"
    );

    let edited = Instant::now();
    std::fs::write(
        &last,
        std::fs::read_to_string(&last)
            .unwrap()
            .replace("全力推进项目落地", "持续优化营商环境"),
    )
    .unwrap();
    let third = events.next();
    let last_took = edited.elapsed();
    assert_ne!(second, third);
    assert!(
        last_took < Duration::from_secs(1),
        "re-rendered {last_took:?} after last period's report was saved"
    );
    eprintln!("re-rendered {sheet_took:?} after a spreadsheet edit, {last_took:?} after last period's report's");
    drop(watch);
}
