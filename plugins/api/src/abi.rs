//! The binary contract between huibao and a native plugin: one exported symbol per ABI
//! major version, a `#[repr(C)]` table, and JSON bytes in and out.
//!
//! Nothing here changes within an ABI major version except by appending fields to the
//! table (announced by a higher [`ABI_MINOR`]); see `plugins/README.md` for the policy.

/// The ABI major version this crate implements. A host only loads plugins of its major.
pub const ABI_MAJOR: u32 = 1;

/// The ABI minor version: table fields appended, or optional JSON fields added, in a
/// compatible way. A host refuses a plugin whose minor is newer than its own.
///
/// 1.1 added [`Section::chart`](crate::Section::chart).
pub const ABI_MINOR: u32 = 1;

/// The name of the exported entry symbol of ABI major 1.
pub const ENTRY_SYMBOL: &str = "huibao_plugin_v1";

/// The entry symbol's type: returns a pointer to a table that lives as long as the library.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginV1;

/// `generate`'s type: reads `request_len` bytes of JSON (a [`crate::Request`]) at `request`,
/// writes a buffer it allocated to `*response` and returns a [`status`] code.
pub type GenerateFn =
    unsafe extern "C" fn(request: *const u8, request_len: usize, response: *mut Buffer) -> u32;

/// `free`'s type: releases a buffer that `generate` allocated.
pub type FreeFn = unsafe extern "C" fn(buffer: Buffer);

/// What `generate` returns, telling how to read the response bytes.
pub mod status {
    /// The bytes are a JSON [`crate::Section`].
    pub const OK: u32 = 0;
    /// The bytes are a UTF-8 message for the report's author (bad config, missing data).
    pub const ERROR: u32 = 1;
    /// The plugin panicked; the bytes are the UTF-8 panic message.
    pub const PANIC: u32 = 2;
}

/// A borrowed UTF-8 string with static lifetime inside the plugin library.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct StrRef {
    /// First byte; may dangle only when `len` is 0.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl StrRef {
    /// Points at a string constant of the plugin.
    pub const fn new(s: &'static str) -> Self {
        StrRef {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }
}

/// Bytes allocated by the plugin and handed to the host, which gives them back to `free`.
#[repr(C)]
#[derive(Debug)]
pub struct Buffer {
    /// First byte, or null for an empty buffer.
    pub ptr: *mut u8,
    /// Length in bytes.
    pub len: usize,
    /// Allocated capacity (the plugin's business; the host passes it back unchanged).
    pub cap: usize,
}

impl Buffer {
    /// A buffer holding nothing, which `free` ignores.
    pub const EMPTY: Buffer = Buffer {
        ptr: std::ptr::null_mut(),
        len: 0,
        cap: 0,
    };

    /// Hands a vector's allocation over (the plugin side).
    pub fn from_vec(v: Vec<u8>) -> Buffer {
        let mut v = std::mem::ManuallyDrop::new(v);
        Buffer {
            ptr: v.as_mut_ptr(),
            len: v.len(),
            cap: v.capacity(),
        }
    }

    /// Takes the allocation back (the plugin side, in `free`).
    ///
    /// # Safety
    /// `self` must come from [`Buffer::from_vec`] in the same library, unchanged, and
    /// must not be used again.
    pub unsafe fn into_vec(self) -> Vec<u8> {
        if self.ptr.is_null() {
            return Vec::new();
        }
        // SAFETY: the caller guarantees the parts came from `from_vec` in this allocator.
        unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) }
    }
}

/// The table of ABI major 1, returned by the `huibao_plugin_v1` symbol.
///
/// Fields are only ever appended (and then [`ABI_MINOR`] rises); the host reads a field
/// only when the plugin's minor says it is there.
#[repr(C)]
#[derive(Debug)]
pub struct PluginV1 {
    /// Always [`ABI_MAJOR`] (1) for this table; read first, before anything else.
    pub abi_major: u32,
    /// The [`ABI_MINOR`] the plugin was built with.
    pub abi_minor: u32,
    /// The plugin's name, as reports write it: `plugin = "fund"`.
    pub name: StrRef,
    /// The plugin's own version ("0.1.0").
    pub version: StrRef,
    /// The JSON schema of the section's `config`, as JSON text.
    pub config_schema: StrRef,
    /// Generates a section (see [`GenerateFn`]).
    pub generate: Option<GenerateFn>,
    /// Frees what `generate` returned (see [`FreeFn`]).
    pub free: Option<FreeFn>,
}

// SAFETY: the table only points at immutable `'static` data and at functions, which any
// thread may read and call.
unsafe impl Sync for PluginV1 {}
