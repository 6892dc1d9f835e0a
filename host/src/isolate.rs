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
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
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

/// The child's side: `args` are what follows `__plugin-host` (`describe LIBRARY` or
/// `generate LIBRARY`, the request on stdin). Writes one answer frame to stdout and
/// returns the exit code (0 when an answer was written, 2 on wrong arguments).
pub fn serve(args: &[OsString]) -> u8 {
    let (Some(mode), Some(library), None) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: huibao {HOST_COMMAND} describe|generate LIBRARY");
        return 2;
    };
    let library = Path::new(library);
    limit_memory();
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
                message: f.message,
                help: f.help,
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
                Err(native::CallError::Failed(why)) => (HOST_MALFORMED, why.into_bytes()),
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
        message: format!("cannot be loaded from {}: {why}", library.display()),
        help: Some("the library crashed or hung while loading; rebuild it, or remove it from the plugin folder".into()),
    })?;
    match status {
        0 => {
            let d: Description = serde_json::from_slice(&body).map_err(|e| Failure {
                message: format!("cannot be described by the plugin host: {e}"),
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
        Ok(f) => Failure {
            message: f.message,
            help: f.help,
        },
        Err(_) => Failure {
            message: format!("cannot be loaded: {}", String::from_utf8_lossy(body).trim()),
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

/// Runs `exe __plugin-host MODE LIBRARY` with `input` on its stdin and reads its answer,
/// killing it at the deadline. Errors say what happened to the child, for a message
/// that begins "plugin `name` …".
fn ask(exe: &Path, mode: &str, library: &Path, input: &[u8]) -> Result<(u32, Vec<u8>), String> {
    let mut command = Command::new(exe);
    command
        .arg(HOST_COMMAND)
        .arg(mode)
        .arg(library)
        // The last words quoted are the message, not a backtrace.
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Windows: the child in a Job Object (memory bound, no orphans), from its start.
    #[cfg(windows)]
    let job = super::job::Job::for_command(&mut command);
    let mut child = command.spawn().map_err(|e| {
        format!(
            "could not be started in a plugin host ({}): {e}",
            exe.display()
        )
    })?;
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
    let stdout = reader(child.stdout.take(), MAX_ANSWER + 1);
    let stderr = reader(child.stderr.take(), MAX_STDERR);
    let limit = timeout();
    let status = wait(&mut child, limit);
    // Whatever the plugin host started goes with it, and its pipes close.
    #[cfg(windows)]
    if let Some(job) = &job {
        job.stop();
    }
    // The pipes close when the child is gone (unless it left a grandchild holding them:
    // then what was read so far is enough).
    let out = stdout
        .recv_timeout(Duration::from_secs(2))
        .unwrap_or_default();
    let err = stderr
        .recv_timeout(Duration::from_secs(2))
        .unwrap_or_default();
    let err_tail = tail(&err);
    let Some(status) = status else {
        return Err(format!(
            "did not answer within {} s and was stopped (an endless loop or a wait that never ends?){err_tail}",
            limit.as_secs_f64()
        ));
    };
    if out.len() > MAX_ANSWER {
        return Err(format!(
            "answered with more than {} bytes, more than allowed",
            native::MAX_RESPONSE
        ));
    }
    match frame(&out) {
        Some(answer) if status.success() => Ok(answer),
        _ => Err(format!("crashed: {}{err_tail}", describe_exit(status))),
    }
}

/// Reads up to `limit` bytes of `pipe` on a thread; the bytes arrive on the channel.
fn reader<R: Read + Send + 'static>(
    pipe: Option<R>,
    limit: usize,
) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(pipe) = pipe {
            let _ = pipe.take(limit as u64).read_to_end(&mut bytes);
        }
        let _ = tx.send(bytes);
    });
    rx
}

/// Waits for the child until `limit`; past it, kills it and returns `None`.
fn wait(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if start.elapsed() < limit => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
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

/// "ended by signal 6 (SIGABRT)", "exited with code 3".
fn describe_exit(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                4 => " (SIGILL)",
                6 => " (SIGABRT: the plugin called abort() or panicked with panic = \"abort\")",
                7 => " (SIGBUS)",
                8 => " (SIGFPE)",
                9 => " (SIGKILL: killed, perhaps for using too much memory)",
                11 => " (SIGSEGV: a bad memory access)",
                _ => "",
            };
            return format!("its process was ended by signal {signal}{name}");
        }
    }
    #[cfg(windows)]
    if let Some((code, why)) = status.code().and_then(|c| Some((c, windows_exit(c)?))) {
        return format!(
            "its process ended with status {:#010X} ({why})",
            code as u32
        );
    }
    match status.code() {
        Some(code) => format!("its process exited with code {code} without answering"),
        None => "its process ended without answering".into(),
    }
}

/// What the exit code of a crashed Windows process (an NTSTATUS value) means.
#[cfg(windows)]
fn windows_exit(code: i32) -> Option<&'static str> {
    Some(match code as u32 {
        0xC000_0005 => "an access violation: a bad memory access",
        0xC000_0017 | 0xC000_012D => "out of memory: perhaps more than a plugin may use",
        0xC000_001D => "an illegal instruction",
        0xC000_0094 => "an integer division by zero",
        0xC000_00FD => "a stack overflow",
        0xC000_0409 => {
            "a fail-fast exit: the plugin called abort() or panicked with panic = \"abort\""
        }
        _ => return None,
    })
}

/// The last lines of the child's stderr, for the message: "; it said: …".
fn tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let last = lines[lines.len().saturating_sub(3)..].join(" / ");
    let last: String = last.chars().take(400).collect();
    format!("; it said: {last}")
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
        assert_eq!(tail(b""), "");
        assert_eq!(
            tail(b"one\ntwo\n\nthree\nfour\n"),
            "; it said: two / three / four"
        );
        assert!(tail("长".repeat(1000).as_bytes()).chars().count() < 420);
    }
}
