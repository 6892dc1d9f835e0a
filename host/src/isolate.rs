//! Native plugins in a child process: the program re-invoked as
//! `huibao __plugin-host describe|generate LIBRARY` loads the library, answers one
//! question over stdin/stdout, and exits.
//!
//! Why a process and not a thread with a deadline: a thread cannot be stopped, so a
//! plugin that never returns would keep its thread (and the plugin's lock) for the life
//! of the program; and nothing in-process survives a plugin that calls `abort()`, crashes
//! on a bad pointer or is built with `panic = "abort"`. A child process can be killed at
//! its deadline, and its death is only a message: the render fails naming the plugin.
//!
//! The answer is one frame on stdout — [`MAGIC`], a status (`u32`, little-endian), a
//! length (`u64`) and that many bytes — read with a bound, so a plugin's own output on
//! stdout before it, or a runaway answer, cannot confuse or flood the host.

use super::native::{self, Native};
use super::Failure;
use huibao_i18n::{msg, Message};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The hidden subcommand the program answers as a plugin host.
pub const HOST_COMMAND: &str = "__plugin-host";

/// Environment variable: seconds a native plugin may take for one answer (default 60).
pub const TIMEOUT_VAR: &str = "HUIBAO_PLUGIN_TIMEOUT";

/// Default deadline of one answer.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Marks the start of the answer on the child's stdout.
const MAGIC: &[u8; 16] = b"\0huibao-plugin-1";

/// Longest answer read (the plugin's response and a little framing).
const MAX_ANSWER: usize = native::MAX_RESPONSE + 4096;

/// Most of the child's stderr kept for the message (its last lines are shown).
const MAX_STDERR: usize = 64 << 10;

/// Status of an answer from the host itself (not the plugin): the library cannot be used.
const HOST_LOAD_FAILED: u32 = 100;
/// Status from the host: the plugin's answer broke the ABI (a null pointer, too long).
const HOST_MALFORMED: u32 = 101;

/// The executable that hosts native plugins, once set.
static HOST: OnceLock<PathBuf> = OnceLock::new();

/// Runs native plugins in child processes of `executable`, which must answer
/// `executable __plugin-host …` by calling [`serve`] (the huibao program does). Set once,
/// early; later calls are ignored. Without it, plugins run inside the calling process.
pub fn isolate_native_plugins(executable: PathBuf) {
    let _ = HOST.set(executable);
}

/// The host executable, when plugins are isolated.
pub(super) fn host() -> Option<&'static Path> {
    HOST.get().map(PathBuf::as_path)
}

/// What `describe` answers: the checked table.
#[derive(Serialize, Deserialize)]
struct Description {
    name: String,
    version: String,
    abi: (u32, u32),
    schema: String,
}

/// A failure to load, as the host sends it.
#[derive(Serialize, Deserialize)]
struct LoadFailure {
    message: String,
    help: Option<String>,
}

/// Address space a plugin host may take: a plugin that allocates without end fails (and
/// is reported as crashed) long before the machine runs out of memory.
/// (On Windows the parent sets it, as the job's limit of committed memory per process.)
#[cfg(any(unix, windows))]
pub(crate) const PLUGIN_MEMORY: u64 = 4 << 30;

/// Holds this process (a plugin host) to [`PLUGIN_MEMORY`] of address space.
#[cfg(unix)]
fn limit_memory() {
    use nix::sys::resource::{setrlimit, Resource};
    let _ = setrlimit(Resource::RLIMIT_AS, PLUGIN_MEMORY, PLUGIN_MEMORY);
}

#[cfg(not(unix))]
fn limit_memory() {}

/// Gives SIGSEGV and SIGBUS back their default action in the plugin host: the runtime's
/// handler (which tells a stack overflow) lets a signal the plugin raises itself pass
/// unnoticed, and the plugin would go on as if nothing happened. A plugin that faults is
/// then stopped by the signal, and reported by its name.
#[cfg(unix)]
fn default_fault_signals() {
    // SAFETY: resetting a signal's disposition to its default touches no memory of ours.
    unsafe {
        libc::signal(libc::SIGSEGV, libc::SIG_DFL);
        libc::signal(libc::SIGBUS, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn default_fault_signals() {}

/// The child's side: `args` are what follows `__plugin-host` (`describe LIBRARY` or
/// `generate LIBRARY`, the request on stdin). Writes one answer frame to stdout and
/// returns the exit code (0 when an answer was written, 2 on wrong arguments).
pub fn serve(args: &[OsString]) -> u8 {
    // The language of the program that started this host (it sets HUIBAO_LANG).
    huibao_i18n::set_language(huibao_i18n::choose(
        None,
        |name| std::env::var(name).ok(),
        || None,
    ));
    let (Some(mode), Some(library), None) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: huibao {HOST_COMMAND} describe|generate LIBRARY");
        return 2;
    };
    let library = Path::new(library);
    limit_memory();
    default_fault_signals();
    // Should the host be gone without stopping this child (killed itself), the child
    // does not outlive the deadline by much.
    let limit = timeout() + Duration::from_secs(5);
    std::thread::spawn(move || {
        std::thread::sleep(limit);
        std::process::exit(3);
    });
    let (status, body) = match native::load_here(library) {
        Err(f) => (
            HOST_LOAD_FAILED,
            json(&LoadFailure {
                message: f.message.to_string(),
                help: f.help.map(|h| h.to_string()),
            }),
        ),
        Ok(n) if mode == "describe" => (
            0,
            json(&Description {
                name: n.name.clone(),
                version: n.version.clone(),
                abi: n.abi,
                schema: n.schema.clone(),
            }),
        ),
        Ok(n) if mode == "generate" => {
            let mut request = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut request) {
                eprintln!("huibao {HOST_COMMAND}: cannot read the request: {e}");
                return 2;
            }
            match n.call(&request) {
                Ok(answer) => answer,
                Err(native::CallError::Malformed(why)) => (HOST_MALFORMED, why.into_bytes()),
                Err(native::CallError::Failed(why)) => {
                    (HOST_MALFORMED, why.to_string().into_bytes())
                }
            }
        }
        Ok(_) => {
            eprintln!("usage: huibao {HOST_COMMAND} describe|generate LIBRARY");
            return 2;
        }
    };
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(MAGIC)
        .and_then(|()| out.write_all(&status.to_le_bytes()))
        .and_then(|()| out.write_all(&(body.len() as u64).to_le_bytes()))
        .and_then(|()| out.write_all(&body))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Loads and checks the library at `library` (canonical) in a child of `exe`.
pub(super) fn describe(exe: &Path, library: &Path) -> Result<Native, Failure> {
    let (status, body) = ask(exe, "describe", library, &[]).map_err(|why| Failure {
        message: msg!("native-host-failed", path = library.display(), reason = why),
        help: Some(msg!("native-host-failed-help")),
    })?;
    match status {
        0 => {
            let d: Description = serde_json::from_slice(&body).map_err(|e| Failure {
                message: msg!("native-host-description", detail = e.to_string()),
                help: None,
            })?;
            Ok(Native::isolated(
                d.name,
                d.version,
                d.abi,
                d.schema,
                library.to_path_buf(),
                exe.to_path_buf(),
            ))
        }
        _ => Err(load_failure(&body)),
    }
}

fn load_failure(body: &[u8]) -> Failure {
    match serde_json::from_slice::<LoadFailure>(body) {
        // Said by the host in this program's language (it was given HUIBAO_LANG).
        Ok(f) => Failure {
            message: Message::verbatim(f.message),
            help: f.help.map(Message::verbatim),
        },
        Err(_) => Failure {
            message: msg!(
                "native-host-unreadable",
                detail = String::from_utf8_lossy(body).trim()
            ),
            help: None,
        },
    }
}

/// Calls `generate` of the library in a child of `exe`.
pub(super) fn generate(
    exe: &Path,
    library: &Path,
    request: &[u8],
) -> Result<(u32, Vec<u8>), native::CallError> {
    let (status, body) =
        ask(exe, "generate", library, request).map_err(native::CallError::Failed)?;
    match status {
        HOST_MALFORMED => Err(native::CallError::Malformed(
            String::from_utf8_lossy(&body).into_owned(),
        )),
        HOST_LOAD_FAILED => Err(native::CallError::Failed(load_failure(&body).message)),
        status => Ok((status, body)),
    }
}

/// The deadline of one answer: `HUIBAO_PLUGIN_TIMEOUT` seconds, or 60.
fn timeout() -> Duration {
    std::env::var(TIMEOUT_VAR)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs_f64)
}

/// Environment variable every plugin process carries (the host and whatever a plugin
/// forks inherit it): which run of which huibao started it, so that every one of them is
/// found and stopped, even those that left the host's process group (`setsid`).
pub const MARKER_VAR: &str = "HUIBAO_PLUGIN_RUN";

/// How long the answer may take to arrive in full once the host has exited (its writes
/// are in the pipe already; a helper it forked may still hold the pipe open).
const DRAIN: Duration = Duration::from_secs(2);

/// The plugin hosts running now: (process group, marker).
static LIVE: Mutex<Vec<(u32, String)>> = Mutex::new(Vec::new());

/// Numbers the plugin hosts of this process.
static RUNS: AtomicU64 = AtomicU64::new(0);

/// Set when the program is about to exit on a signal: a plugin call that ends now
/// (because its processes were stopped) waits for the exit instead of reporting a crash.
static EXITING: AtomicBool = AtomicBool::new(false);

/// [`stop_plugin_processes`] for a program about to exit (on a signal): the calls in
/// progress, and any started after, wait for the exit instead of going on.
pub fn stop_plugin_processes_for_exit() {
    EXITING.store(true, Ordering::SeqCst);
    stop_plugin_processes();
}

/// A plugin call of a program exiting: waits for the exit.
fn park_if_exiting() {
    while EXITING.load(Ordering::SeqCst) {
        std::thread::park();
    }
}

/// Stops every plugin process of this program: each running host's process group, and
/// every process carrying a host's marker (those a plugin forked into sessions of their
/// own). For a program that stops on a signal; plugin hosts end with their call anyway.
pub fn stop_plugin_processes() {
    let live: Vec<(u32, String)> = LIVE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for (group, marker) in live {
        stop_group(group, &marker);
    }
}

/// Kills process group `group` and every process marked `marker`, until none is left
/// (one may fork while the others are killed).
fn stop_group(group: u32, marker: &str) {
    #[cfg(unix)]
    {
        if let Ok(group) = i32::try_from(group) {
            // SAFETY: kill(2) with a negative pid signals a process group; no memory involved.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
        }
        for _ in 0..10 {
            let marked = marked_processes(marker);
            if marked.is_empty() {
                break;
            }
            for pid in marked {
                // SAFETY: as above, one process.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    #[cfg(not(unix))]
    let _ = (group, marker);
}

/// The processes (not zombies) whose environment holds `MARKER_VAR=marker` (Linux's
/// /proc; elsewhere none are found and the process group is all that is stopped).
#[cfg(unix)]
fn marked_processes(marker: &str) -> Vec<i32> {
    let wanted = format!("{MARKER_VAR}={marker}");
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| pid != std::process::id() as i32)
        .filter(|pid| {
            // The system's own record of the process, not a file anyone named.
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.split(|&b| b == 0).any(|var| var == wanted.as_bytes()))
        })
        .collect()
}

/// Runs `exe __plugin-host MODE LIBRARY` with `input` on its stdin and reads its answer.
///
/// The host runs in a session (and process group) of its own, with a marker in its
/// environment that whatever it forks inherits; at the deadline, and as soon as the host
/// has exited and its answer is read, the group and every marked process are killed, so
/// nothing a plugin started outlives its call. The answer is read when the host exits,
/// even if a helper it forked still holds the pipe. Errors say what happened to the
/// child, for a message that begins "plugin `name` …".
fn ask(exe: &Path, mode: &str, library: &Path, input: &[u8]) -> Result<(u32, Vec<u8>), Message> {
    let marker = format!(
        "{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::SeqCst)
    );
    park_if_exiting();
    let mut command = Command::new(exe);
    command
        .arg(HOST_COMMAND)
        .arg(mode)
        .arg(library)
        // The last words quoted are the message, not a backtrace.
        .env("RUST_BACKTRACE", "0")
        // The host speaks the language of this program.
        .env("HUIBAO_LANG", huibao_i18n::language().tag())
        .env(MARKER_VAR, &marker)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: between fork and exec only async-signal-safe calls: setsid(2), and on
        // Linux prctl(2) so the host dies with this process.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                #[cfg(target_os = "linux")]
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
    }
    // Windows: the child in a Job Object (memory bound, no orphans), from its start.
    #[cfg(windows)]
    let job = super::job::Job::for_command(&mut command);
    let mut child = command.spawn().map_err(|e| {
        msg!(
            "native-host-not-started",
            exe = exe.display(),
            reason = huibao_core::io_reason(&e)
        )
    })?;
    // Its own session: the process group is the host's pid.
    let group = child.id();
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((group, marker.clone()));
    #[cfg(windows)]
    if let Some(job) = &job {
        job.adopt(&child);
    }
    let stdin = child.stdin.take();
    let input = input.to_vec();
    // Written from a thread: a child that never reads must not block the host.
    std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let stdout = Pipe::read(child.stdout.take(), MAX_ANSWER + 1);
    let stderr = Pipe::read(child.stderr.take(), MAX_STDERR);
    let limit = timeout();
    let in_time = wait(&mut child, limit);
    if in_time {
        // The host's writes are all in the pipe: wait for the whole frame or EOF, not
        // for helpers that inherited the pipe to close it.
        let drained = Instant::now() + DRAIN;
        while Instant::now() < drained && !stdout.done() && frame(&stdout.bytes()).is_none() {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    // The host is not reaped yet, so its process group's number cannot have been taken
    // by another: the group is killed, then the host reaped.
    stop_group(group, &marker);
    // Windows: whatever the plugin host started goes with it (its Job Object).
    #[cfg(windows)]
    if let Some(job) = &job {
        job.stop();
    }
    let _ = child.kill();
    let status = child.wait().ok().filter(|_| in_time);
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|(g, _)| *g != group);
    park_if_exiting();
    // Everything holding the pipes is gone: they close at once.
    stdout.wait(Duration::from_millis(500));
    stderr.wait(Duration::from_millis(500));
    let out = stdout.bytes();
    let err_tail = tail(&stderr.bytes());
    let Some(status) = status else {
        return Err(msg!(
            "native-timeout",
            seconds = limit.as_secs_f64().to_string(),
            said = err_tail
        ));
    };
    if out.len() > MAX_ANSWER {
        return Err(msg!("native-answer-too-long", max = native::MAX_RESPONSE));
    }
    match frame(&out) {
        Some(answer) if status.success() => Ok(answer),
        _ => Err(msg!(
            "native-crashed",
            how = describe_exit(status),
            said = err_tail
        )),
    }
}

/// A pipe read on a thread of its own, up to a limit; what has arrived can be taken at
/// any time.
struct Pipe {
    bytes: Arc<Mutex<Vec<u8>>>,
    done: Arc<AtomicBool>,
}

impl Pipe {
    fn read<R: Read + Send + 'static>(pipe: Option<R>, limit: usize) -> Pipe {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let done = Arc::new(AtomicBool::new(false));
        let (b, d) = (bytes.clone(), done.clone());
        std::thread::spawn(move || {
            if let Some(mut pipe) = pipe {
                let mut buf = [0u8; 16 << 10];
                loop {
                    let n = match pipe.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    let mut all = b.lock().unwrap_or_else(|e| e.into_inner());
                    let room = limit.saturating_sub(all.len());
                    all.extend_from_slice(&buf[..n.min(room)]);
                    if room <= n {
                        break;
                    }
                }
            }
            d.store(true, Ordering::SeqCst);
        });
        Pipe { bytes, done }
    }

    /// Whether the pipe is at its end (or its limit).
    fn done(&self) -> bool {
        self.done.load(Ordering::SeqCst)
    }

    /// Waits at most `limit` for the end.
    fn wait(&self, limit: Duration) {
        let end = Instant::now() + limit;
        while !self.done() && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// What has arrived so far.
    fn bytes(&self) -> Vec<u8> {
        self.bytes.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Waits until the child has exited (true) or `limit` has passed (false), without
/// reaping it: while it is unreaped, its process group's number stays its own.
fn wait(child: &mut Child, limit: Duration) -> bool {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    while start.elapsed() < limit {
        if exited(child) {
            return true;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
    exited(child)
}

/// Whether the child has exited, leaving it to be reaped (waitid with WNOWAIT).
#[cfg(unix)]
fn exited(child: &mut Child) -> bool {
    // SAFETY: a zeroed siginfo_t is a valid out-parameter; waitid only writes to it.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let r = libc::waitid(
            libc::P_PID,
            child.id(),
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        r == 0 && info.si_pid() != 0
    }
}

#[cfg(not(unix))]
fn exited(child: &mut Child) -> bool {
    matches!(child.try_wait(), Ok(Some(_)))
}

/// The answer frame in the child's stdout, after whatever the plugin printed.
fn frame(out: &[u8]) -> Option<(u32, Vec<u8>)> {
    let start = out.windows(MAGIC.len()).position(|w| w == MAGIC)? + MAGIC.len();
    let rest = &out[start..];
    let status = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
    let len = u64::from_le_bytes(rest.get(4..12)?.try_into().ok()?);
    let body = rest.get(12..12usize.checked_add(usize::try_from(len).ok()?)?)?;
    Some((status, body.to_vec()))
}

/// "its process was stopped by signal SIGSEGV (segmentation fault: a bad memory
/// access)", "its process exited with code 3 without answering".
fn describe_exit(status: ExitStatus) -> Message {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return msg!("native-exit-signal", signal = signal_name(signal));
        }
    }
    #[cfg(windows)]
    if let Some((code, why)) = status.code().and_then(|c| Some((c, windows_exit(c)?))) {
        return msg!(
            "native-exit-status",
            status = format!("{:#010X}", code as u32),
            why = why
        );
    }
    match status.code() {
        Some(code) => msg!("native-exit-code", code = code),
        None => msg!("native-exit-ended"),
    }
}

/// A signal by its name and meaning: "SIGSEGV (segmentation fault: a bad memory access)".
#[cfg(unix)]
fn signal_name(signal: i32) -> Message {
    let name = match signal {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGABRT => "SIGABRT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGFPE => "SIGFPE",
        libc::SIGILL => "SIGILL",
        libc::SIGKILL => "SIGKILL",
        libc::SIGTERM => "SIGTERM",
        libc::SIGINT => "SIGINT",
        libc::SIGHUP => "SIGHUP",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGTRAP => "SIGTRAP",
        libc::SIGSYS => "SIGSYS",
        libc::SIGXCPU => "SIGXCPU",
        libc::SIGXFSZ => "SIGXFSZ",
        libc::SIGALRM => "SIGALRM",
        libc::SIGUSR1 => "SIGUSR1",
        libc::SIGUSR2 => "SIGUSR2",
        _ => return msg!("native-signal", signal = signal.to_string()),
    };
    msg!("native-signal", signal = name)
}

/// What the exit code of a crashed Windows process (an NTSTATUS value) means.
#[cfg(windows)]
fn windows_exit(code: i32) -> Option<Message> {
    Some(match code as u32 {
        0xC000_0005 => msg!("native-windows-access-violation"),
        0xC000_0017 | 0xC000_012D => msg!("native-windows-out-of-memory"),
        0xC000_001D => msg!("native-windows-illegal-instruction"),
        0xC000_0094 => msg!("native-windows-division-by-zero"),
        0xC000_00FD => msg!("native-windows-stack-overflow"),
        0xC000_0409 => msg!("native-windows-fail-fast"),
        _ => return None,
    })
}

/// The last lines of the child's stderr, for the message: "; it said: …".
fn tail(stderr: &[u8]) -> Message {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Message::empty();
    }
    let last = lines[lines.len().saturating_sub(3)..].join(" / ");
    let last: String = last.chars().take(400).collect();
    msg!("native-it-said", said = last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_found_after_the_plugins_own_output() {
        let mut out = b"debug {\"status\": 9}\n".to_vec();
        out.extend(MAGIC);
        out.extend(1u32.to_le_bytes());
        out.extend(6u64.to_le_bytes());
        out.extend("规模".as_bytes());
        out.extend(b"trailing");
        assert_eq!(frame(&out), Some((1, "规模".as_bytes().to_vec())));
        // Cut short, or a length past the end: no answer.
        assert_eq!(frame(&out[..out.len() - 12]), None);
        let mut long = MAGIC.to_vec();
        long.extend(0u32.to_le_bytes());
        long.extend(u64::MAX.to_le_bytes());
        assert_eq!(frame(&long), None);
        assert_eq!(frame(b"no frame"), None);
    }

    #[test]
    fn the_childs_last_words_are_kept_short() {
        let en = |m: Message| m.render(huibao_i18n::Lang::En);
        assert_eq!(en(tail(b"")), "");
        assert_eq!(
            en(tail(b"one\ntwo\n\nthree\nfour\n")),
            "; it said: two / three / four"
        );
        assert!(en(tail("长".repeat(1000).as_bytes())).chars().count() < 420);
    }
}
