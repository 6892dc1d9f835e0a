//! Native plugins: shared libraries loaded with libloading, checked before any section is
//! generated, and kept loaded for the life of the process — this one, or, when plugins are
//! isolated (see [`super::isolate`]), a child process per question.
//!
//! The only `unsafe` code of the host is here. What it can check, it checks: the symbol,
//! the table's ABI version before anything else in it is read, every pointer, length and
//! string the plugin hands over. What it cannot check — that a library is honest about
//! its pointers — is the contract every native plugin signs by exporting the symbol.

use super::Failure;
use huibao_i18n::{msg, Message};
use huibao_plugin_api::abi::{
    Buffer, EntryFn, FreeFn, GenerateFn, PluginV1, StrRef, ABI_MAJOR, ABI_MINOR, ENTRY_SYMBOL,
};
use libloading::Library;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// Longest name or version a table may give.
const MAX_SHORT: usize = 256;
/// Longest config schema.
const MAX_SCHEMA: usize = 1 << 20;
/// Longest response read from `generate`.
pub(super) const MAX_RESPONSE: usize = huibao_core::limits::MAX_PLUGIN_REPLY_BYTES;

/// A loaded, checked native plugin.
#[derive(Debug)]
pub(super) struct Native {
    /// The name the plugin gives itself.
    pub name: String,
    /// Its version.
    pub version: String,
    /// The ABI (major, minor) it was built for.
    pub abi: (u32, u32),
    /// Its config schema as JSON text.
    pub schema: String,
    /// The library file (canonical).
    pub path: PathBuf,
    run: Run,
}

/// Where `generate` runs.
#[derive(Debug)]
enum Run {
    /// In this process, through the table's function pointers.
    Here {
        generate: GenerateFn,
        free: FreeFn,
        /// One call at a time: plugins need not be thread-safe.
        lock: Mutex<()>,
    },
    /// In a child of this executable (see [`super::isolate`]).
    Child(PathBuf),
}

/// Why a call gave no answer.
#[derive(Debug, Clone)]
pub(super) enum CallError {
    /// The plugin answered, but against the ABI (a null pointer, too many bytes).
    Malformed(String),
    /// It did not answer: it crashed, or ran past its deadline. The message follows
    /// "plugin `name` ".
    Failed(Message),
}

/// Every library loaded so far. Libraries are never unloaded: a plugin may have started
/// threads or registered destructors, and its code must outlive every call into it.
static LOADED: Mutex<Vec<&'static Native>> = Mutex::new(Vec::new());

/// Loads the library at `path` (once per process) and checks its symbol and table: in a
/// child process when plugins are isolated, else here.
pub(super) fn load(path: &Path) -> Result<&'static Native, Failure> {
    // Through the one reader's checks (a regular file within its limit, noted as an input
    // of the run), though its own process loads it: a FIFO or a device named like a
    // plugin is refused here, never handed to the loader.
    huibao_core::input::open(path, huibao_core::input::Kind::PluginLibrary).map_err(|e| {
        Failure {
            message: msg!("native-unreadable", reason = e.message()),
            help: Some(e.help()),
        }
    })?;
    match super::isolate::host() {
        Some(exe) => {
            let canonical = canonical(path)?;
            let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(native) = loaded.iter().find(|n| n.path == canonical) {
                return Ok(native);
            }
            let native = super::isolate::describe(exe, &canonical)?;
            let native: &'static Native = Box::leak(Box::new(native));
            loaded.push(native);
            Ok(native)
        }
        None => load_here(path),
    }
}

fn canonical(path: &Path) -> Result<PathBuf, Failure> {
    path.canonicalize().map(readable).map_err(|e| Failure {
        message: msg!(
            "native-no-path",
            path = path.display(),
            reason = huibao_core::io_reason(&e)
        ),
        help: None,
    })
}

/// Windows: `C:\…` rather than the `\\?\C:\…` that `canonicalize` gives, for the
/// messages that name the library (and for loading it), while the path is short enough
/// to need no such prefix.
#[cfg(windows)]
fn readable(path: PathBuf) -> PathBuf {
    let plain = path.to_str().and_then(|s| s.strip_prefix(r"\\?\"));
    match plain {
        Some(rest) if rest.len() < 260 && rest.as_bytes().get(1) == Some(&b':') => {
            PathBuf::from(rest)
        }
        _ => path,
    }
}

/// Elsewhere a canonical path is already the one to show.
#[cfg(not(windows))]
fn readable(path: PathBuf) -> PathBuf {
    path
}

/// Loads the library at `path` into this process (once) and checks its symbol and table.
pub(super) fn load_here(path: &Path) -> Result<&'static Native, Failure> {
    let canonical = canonical(path)?;
    let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(native) = loaded
        .iter()
        .find(|n| n.path == canonical && matches!(n.run, Run::Here { .. }))
    {
        return Ok(native);
    }
    // SAFETY: loading a library runs its initialisers. Plugin directories hold plugins the
    // user chose to run; this is the trust every plugin system asks for.
    let library = unsafe { Library::new(&canonical) }.map_err(|e| Failure {
        message: msg!(
            "native-not-loadable",
            path = canonical.display(),
            detail = e.to_string()
        ),
        help: Some(msg!(
            "native-not-loadable-help",
            platform = format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS)
        )),
    })?;
    // Never unloaded (see LOADED); leaking also makes every symbol `'static`.
    let library: &'static Library = Box::leak(Box::new(library));
    // SAFETY: `EntryFn` is the type every ABI v1 plugin exports under this name.
    let entry = match unsafe { library.get::<EntryFn>(ENTRY_SYMBOL) } {
        Ok(symbol) => *symbol,
        Err(_) => return Err(missing_symbol(library, &canonical)),
    };
    // SAFETY: the entry takes no arguments and returns a pointer, which is checked next.
    let table = unsafe { entry() };
    let native = check_table(table, canonical)?;
    let native: &'static Native = Box::leak(Box::new(native));
    loaded.push(native);
    Ok(native)
}

/// The library has no v1 symbol: built for another ABI major, or not a plugin at all.
fn missing_symbol(library: &Library, path: &Path) -> Failure {
    let other = (2..=9u32).chain([0]).find(|v| {
        let name = format!("huibao_plugin_v{v}");
        // SAFETY: only the symbol's presence is checked; it is never called or read.
        unsafe { library.get::<*const ()>(name.as_str()) }.is_ok()
    });
    match other {
        Some(v) => Failure {
            message: msg!(
                "native-other-abi",
                abi = v,
                supported = ABI_MAJOR,
                path = path.display()
            ),
            help: Some(msg!(
                "native-other-abi-help",
                api = env!("CARGO_PKG_VERSION"),
                abi = v,
                supported = ABI_MAJOR
            )),
        },
        None => Failure {
            message: msg!(
                "native-not-plugin",
                path = path.display(),
                symbol = ENTRY_SYMBOL
            ),
            help: Some(msg!("native-not-plugin-help")),
        },
    }
}

/// Checks the table an entry symbol returned: the ABI version first, then every field.
pub(super) fn check_table(table: *const PluginV1, path: PathBuf) -> Result<Native, Failure> {
    let broken = |what: Message| Failure {
        message: msg!("native-broken-table", what = what, path = path.display()),
        help: Some(msg!("native-broken-table-help")),
    };
    if table.is_null() {
        return Err(broken(msg!("native-table-null")));
    }
    if !table.is_aligned() {
        return Err(broken(msg!("native-table-misaligned")));
    }
    // SAFETY: non-null and aligned; the first field has the same place in every ABI
    // version, so it is read alone before the table is trusted to be a `PluginV1`.
    let major = unsafe { std::ptr::addr_of!((*table).abi_major).read() };
    if major != ABI_MAJOR {
        return Err(Failure {
            message: msg!(
                "native-declares-other-abi",
                abi = major,
                symbol = ENTRY_SYMBOL,
                supported = ABI_MAJOR,
                path = path.display()
            ),
            help: Some(msg!("native-declares-other-abi-help")),
        });
    }
    // SAFETY: as above; `abi_minor` is the second field of every v1 table.
    let minor = unsafe { std::ptr::addr_of!((*table).abi_minor).read() };
    if minor > ABI_MINOR {
        return Err(Failure {
            message: msg!(
                "native-newer-abi",
                abi = format!("{major}.{minor}"),
                supported = format!("{ABI_MAJOR}.{ABI_MINOR}"),
                path = path.display()
            ),
            help: Some(msg!("native-newer-abi-help")),
        });
    }
    // SAFETY: a v1.0 (or older-minor) table: every field of `PluginV1` is there.
    let t = unsafe { &*table };
    let field = |field: &'static str| {
        move |e: Message| broken(msg!("native-table-field", field = field, problem = e))
    };
    let name = read_str(t.name, MAX_SHORT).map_err(field("name"))?;
    let version = read_str(t.version, MAX_SHORT).map_err(field("version"))?;
    let schema = read_str(t.config_schema, MAX_SCHEMA).map_err(field("config_schema"))?;
    let (Some(generate), Some(free)) = (t.generate, t.free) else {
        return Err(broken(msg!("native-table-null-function")));
    };
    if version.trim().is_empty() {
        return Err(broken(msg!("native-table-version-empty")));
    }
    Ok(Native {
        name,
        version,
        abi: (major, minor),
        schema,
        path,
        run: Run::Here {
            generate,
            free,
            lock: Mutex::new(()),
        },
    })
}

/// Copies a string the plugin points at, checking pointer, length and UTF-8.
fn read_str(s: StrRef, max: usize) -> Result<String, Message> {
    if s.len == 0 {
        return Ok(String::new());
    }
    if s.ptr.is_null() {
        return Err(msg!("native-str-null"));
    }
    if s.len > max {
        return Err(msg!("native-str-long", len = s.len, max = max));
    }
    // SAFETY: non-null with a bounded length; the table promises `len` readable bytes
    // that live as long as the library, which is never unloaded.
    let bytes = unsafe { std::slice::from_raw_parts(s.ptr, s.len) };
    String::from_utf8(bytes.to_vec()).map_err(|_| msg!("native-str-not-utf8"))
}

impl Native {
    /// A plugin checked by a child process of `exe`, which also runs its calls.
    pub(super) fn isolated(
        name: String,
        version: String,
        abi: (u32, u32),
        schema: String,
        path: PathBuf,
        exe: PathBuf,
    ) -> Native {
        Native {
            name,
            version,
            abi,
            schema,
            path,
            run: Run::Child(exe),
        }
    }

    /// Calls `generate` with the request; returns the status and a copy of the response.
    pub(super) fn call(&self, request: &[u8]) -> Result<(u32, Vec<u8>), CallError> {
        match &self.run {
            Run::Here {
                generate,
                free,
                lock,
            } => {
                let _one_at_a_time = lock.lock().unwrap_or_else(PoisonError::into_inner);
                call_here(*generate, *free, request).map_err(CallError::Malformed)
            }
            Run::Child(exe) => super::isolate::generate(exe, &self.path, request),
        }
    }
}

/// Calls `generate` in this process; the response's buffer is handed back to `free`.
fn call_here(generate: GenerateFn, free: FreeFn, request: &[u8]) -> Result<(u32, Vec<u8>), String> {
    {
        let mut out = Buffer::EMPTY;
        // SAFETY: the request is a live slice; `out` is a valid, writable slot. The plugin
        // side catches panics (export_plugin!), so none unwinds into this frame.
        let status = unsafe { (generate)(request.as_ptr(), request.len(), &mut out) };
        let copied = if out.ptr.is_null() {
            if out.len == 0 {
                Ok(Vec::new())
            } else {
                Err(format!("a null pointer with a length of {} bytes", out.len))
            }
        } else if out.len > MAX_RESPONSE {
            Err(format!(
                "{} bytes, more than the {MAX_RESPONSE} allowed",
                out.len
            ))
        } else {
            // SAFETY: non-null, bounded, and the plugin promises `len` readable bytes until
            // `free` is called below.
            Ok(unsafe { std::slice::from_raw_parts(out.ptr, out.len) }.to_vec())
        };
        if !out.ptr.is_null() {
            // SAFETY: the buffer is the one `generate` returned, handed back once, unchanged.
            unsafe { (free)(out) };
        }
        copied.map(|bytes| (status, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(major: u32, minor: u32, name: StrRef) -> PluginV1 {
        unsafe extern "C" fn generate(_: *const u8, _: usize, _: *mut Buffer) -> u32 {
            0
        }
        unsafe extern "C" fn free(_: Buffer) {}
        PluginV1 {
            abi_major: major,
            abi_minor: minor,
            name,
            version: StrRef::new("1.2.3"),
            config_schema: StrRef::new("{}"),
            generate: Some(generate),
            free: Some(free),
        }
    }

    fn check(t: &PluginV1) -> Result<Native, Failure> {
        check_table(t, PathBuf::from("libx.so"))
    }

    #[test]
    fn versions_are_checked_first() {
        let ok = check(&table(1, 0, StrRef::new("fund"))).unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.version.as_str(), ok.abi),
            ("fund", "1.2.3", (1, 0))
        );
        let e = check(&table(2, 0, StrRef::new("fund"))).unwrap_err();
        assert!(
            e.message.to_string().contains("declares plugin ABI v2"),
            "{}",
            e.message
        );
        let e = check(&table(1, 3, StrRef::new("fund"))).unwrap_err();
        assert!(
            e.message
                .to_string()
                .contains("built for plugin ABI 1.3, newer than this huibao's 1.1"),
            "{}",
            e.message
        );
        assert!(check_table(std::ptr::null(), "x".into())
            .unwrap_err()
            .message
            .to_string()
            .contains("null pointer"));
    }

    #[test]
    fn strings_are_checked() {
        static BAD: [u8; 2] = [0xff, 0xfe];
        let bad = StrRef {
            ptr: BAD.as_ptr(),
            len: 2,
        };
        assert!(check(&table(1, 0, bad))
            .unwrap_err()
            .message
            .to_string()
            .contains("name is not UTF-8"));
        let null = StrRef {
            ptr: std::ptr::null(),
            len: 4,
        };
        assert!(check(&table(1, 0, null))
            .unwrap_err()
            .message
            .to_string()
            .contains("null pointer"));
        let long = StrRef {
            ptr: BAD.as_ptr(),
            len: 1 << 40,
        };
        assert!(check(&table(1, 0, long))
            .unwrap_err()
            .message
            .to_string()
            .contains("bytes long"));
    }
}
