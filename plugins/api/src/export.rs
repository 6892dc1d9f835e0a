//! The plugin side of the ABI: [`export_plugin!`](crate::export_plugin) turns one safe
//! function into the exported table, and this runtime makes sure no panic, bad request
//! or serialization failure ever crosses the boundary.

use crate::abi::{status, Buffer};
use crate::{PluginError, Request, Section};
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

/// Exports a plugin: its name, version, config schema (JSON text) and generate function.
///
/// ```ignore
/// fn generate(request: &Request) -> Result<Section, PluginError> { /* … */ }
///
/// huibao_plugin_api::export_plugin! {
///     name: "fund",
///     version: env!("CARGO_PKG_VERSION"),
///     schema: include_str!("../schema.json"),
///     generate: generate,
/// }
/// ```
///
/// This defines the `huibao_plugin_v1` symbol; a library exports one plugin. The function
/// runs inside `catch_unwind`: a panic becomes an error message for the host.
#[macro_export]
macro_rules! export_plugin {
    (
        name: $name:expr,
        version: $version:expr,
        schema: $schema:expr,
        generate: $generate:path $(,)?
    ) => {
        /// The plugin's ABI v1 entry point, called by huibao after loading the library.
        #[no_mangle]
        pub extern "C" fn huibao_plugin_v1() -> *const $crate::abi::PluginV1 {
            static TABLE: $crate::abi::PluginV1 = $crate::abi::PluginV1 {
                abi_major: $crate::abi::ABI_MAJOR,
                abi_minor: $crate::abi::ABI_MINOR,
                name: $crate::abi::StrRef::new($name),
                version: $crate::abi::StrRef::new($version),
                config_schema: $crate::abi::StrRef::new($schema),
                generate: ::core::option::Option::Some(__huibao_generate),
                free: ::core::option::Option::Some($crate::__private::free),
            };
            &TABLE
        }

        unsafe extern "C" fn __huibao_generate(
            request: *const u8,
            request_len: usize,
            response: *mut $crate::abi::Buffer,
        ) -> u32 {
            // SAFETY: the host passes a readable request of `request_len` bytes and a
            // writable response slot, as the ABI requires.
            unsafe { $crate::__private::generate(request, request_len, response, $generate) }
        }
    };
}

thread_local! {
    /// Set while a plugin function runs, so the panic hook records instead of printing.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// The last panic's message and place, recorded by the hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs (once per library) a panic hook that records panics inside `generate` and
/// leaves every other panic to the previous hook.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = payload_text(info.payload());
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{place}")));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Runs `f` on the request: the body of every exported `generate`. Not for direct use.
///
/// # Safety
/// `request` must be readable for `request_len` bytes (or `request_len` must be 0), and
/// `response` must be null or writable.
pub unsafe fn generate(
    request: *const u8,
    request_len: usize,
    response: *mut Buffer,
    f: fn(&Request) -> Result<Section, PluginError>,
) -> u32 {
    if response.is_null() {
        return status::ERROR;
    }
    let bytes: &[u8] = if request.is_null() || request_len == 0 {
        &[]
    } else {
        // SAFETY: the caller guarantees `request_len` readable bytes at `request`.
        unsafe { std::slice::from_raw_parts(request, request_len) }
    };
    install_hook();
    INSIDE.with(|i| i.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(|| run(bytes, f)));
    INSIDE.with(|i| i.set(false));
    let (code, body) = match outcome {
        Ok(Ok(json)) => (status::OK, json),
        Ok(Err(e)) => (status::ERROR, e.0.into_bytes()),
        Err(payload) => {
            let message = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| payload_text(payload.as_ref()));
            // Dropping a payload can itself panic; keep it from unwinding out of here.
            let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
            (status::PANIC, message.into_bytes())
        }
    };
    // SAFETY: `response` is non-null and writable (checked above / the caller's promise).
    unsafe { response.write(Buffer::from_vec(body)) };
    code
}

fn run(
    bytes: &[u8],
    f: fn(&Request) -> Result<Section, PluginError>,
) -> Result<Vec<u8>, PluginError> {
    let request: Request = serde_json::from_slice(bytes).map_err(|e| {
        PluginError::new(format!(
            "the request from huibao could not be read ({e}); is this plugin built for this huibao's ABI?"
        ))
    })?;
    let section = f(&request)?;
    serde_json::to_vec(&section)
        .map_err(|e| PluginError::new(format!("the section could not be written as JSON: {e}")))
}

/// Releases a buffer returned by `generate`. Exported through the table's `free`.
///
/// # Safety
/// `buffer` must be one this library's `generate` returned, passed back once, unchanged.
pub unsafe extern "C" fn free(buffer: Buffer) {
    // SAFETY: the caller passes back a buffer from `Buffer::from_vec` in this library.
    let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { buffer.into_vec() })));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Section;

    fn call(request: &[u8], f: fn(&Request) -> Result<Section, PluginError>) -> (u32, String) {
        let mut out = Buffer::EMPTY;
        // SAFETY: a live request slice and a writable response slot.
        let status = unsafe { generate(request.as_ptr(), request.len(), &mut out, f) };
        // SAFETY: the buffer was just made by `generate`, handed back once.
        let bytes = unsafe { out.into_vec() };
        (status, String::from_utf8(bytes).unwrap())
    }

    const REQUEST: &[u8] = r#"{"plugin": "t", "config": {"n": 3}, "context": {"organization": "x", "period": {"code": "2022", "year": 2022, "first_month": 1, "last_month": 12, "name": "2022年", "short_name": "全年", "months": "1-12月", "next": "2023年"}, "date": "2022-12-31", "future_field": true}}"#.as_bytes();

    fn ok(r: &Request) -> Result<Section, PluginError> {
        Ok(Section::new("标题").paragraph(format!("{}", r.config["n"])))
    }

    fn fails(_: &Request) -> Result<Section, PluginError> {
        Err(PluginError::new("规模不能为负数"))
    }

    fn panics(r: &Request) -> Result<Section, PluginError> {
        let v: Vec<u8> = Vec::new();
        Ok(Section::new(format!(
            "{}",
            v[r.config["n"].as_u64().unwrap_or(0) as usize]
        )))
    }

    #[test]
    fn sections_errors_and_panics_become_statuses() {
        assert_eq!(
            call(REQUEST, ok),
            (status::OK, r#"{"title":"标题","paragraphs":["3"]}"#.into())
        );
        assert_eq!(
            call(REQUEST, fails),
            (status::ERROR, "规模不能为负数".into())
        );
        let (code, message) = call(REQUEST, panics);
        assert_eq!(code, status::PANIC);
        assert!(
            message.starts_with("index out of bounds: the len is 0 but the index is 3 at "),
            "{message}"
        );
        assert!(message.contains("export.rs:"), "{message}");
    }

    #[test]
    fn bad_requests_and_slots_are_errors() {
        let (code, message) = call(b"not json", ok);
        assert_eq!(code, status::ERROR);
        assert!(
            message.contains("the request from huibao could not be read"),
            "{message}"
        );
        let (code, _) = call(&[], ok);
        assert_eq!(code, status::ERROR);
        // SAFETY: a null response slot is refused before anything is written.
        let code = unsafe { generate(REQUEST.as_ptr(), REQUEST.len(), std::ptr::null_mut(), ok) };
        assert_eq!(code, status::ERROR);
    }
}
