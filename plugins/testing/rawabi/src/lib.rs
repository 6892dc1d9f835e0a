//! Test plugin `rawabi`: the ABI table written by hand, answering with bytes a correct
//! plugin never sends. The request's config `mode` picks the fault:
//! `malformed` (not JSON), `not-utf8`, `wrong-shape` (JSON, but not a section),
//! `null` (a null pointer with a length), `status` (an unknown status code),
//! `deep` (sections nested too deep), `ragged` (a table row too short), `ok`.

use huibao_plugin_api::abi::{status, Buffer, PluginV1, StrRef, ABI_MAJOR, ABI_MINOR};

static TABLE: PluginV1 = PluginV1 {
    abi_major: ABI_MAJOR,
    abi_minor: ABI_MINOR,
    name: StrRef::new("rawabi"),
    version: StrRef::new("0.0.1"),
    config_schema: StrRef::new(r#"{"type": "object", "properties": {"mode": {"type": "string"}}}"#),
    generate: Some(generate),
    free: Some(free),
};

/// The ABI v1 entry point.
#[no_mangle]
pub extern "C" fn huibao_plugin_v1() -> *const PluginV1 {
    &TABLE
}

/// Answers by the mode named in the request (found by a plain byte search).
///
/// # Safety
/// Called by huibao with a valid request and response slot.
unsafe extern "C" fn generate(request: *const u8, len: usize, response: *mut Buffer) -> u32 {
    // SAFETY: huibao passes `len` readable bytes.
    let request = unsafe { std::slice::from_raw_parts(request, len) };
    let text = String::from_utf8_lossy(request);
    let mode = [
        "malformed",
        "not-utf8",
        "wrong-shape",
        "null",
        "status",
        "deep",
        "ragged",
    ]
    .into_iter()
    .find(|m| text.contains(&format!("\"mode\":\"{m}\"")))
    .unwrap_or("ok");
    let (code, body): (u32, Vec<u8>) = match mode {
        "malformed" => (status::OK, b"{\"title\": \"\xe6\xb5\x8b\xe8\xaf\x95\", \"paragraphs\": [".to_vec()),
        "not-utf8" => (status::OK, vec![b'"', 0xff, 0xfe, b'"']),
        "wrong-shape" => (status::OK, r#"{"heading": "测试", "body": 3}"#.as_bytes().to_vec()),
        "status" => (status::OK + 41, b"?".to_vec()),
        "deep" => (
            status::OK,
            r#"{"title":"甲","items":[{"title":"乙","items":[{"title":"丙","items":[{"title":"丁"}]}]}]}"#.as_bytes().to_vec(),
        ),
        "ragged" => (
            status::OK,
            r#"{"title":"甲","table":{"columns":["名称","数量"],"rows":[["某某基金"]]}}"#.as_bytes().to_vec(),
        ),
        "null" => {
            // SAFETY: huibao passes a writable response slot.
            unsafe {
                response.write(Buffer {
                    ptr: std::ptr::null_mut(),
                    len: 12,
                    cap: 0,
                })
            };
            return status::OK;
        }
        _ => (status::OK, r#"{"title":"原始接口","paragraphs":["运行正常。"]}"#.as_bytes().to_vec()),
    };
    // SAFETY: huibao passes a writable response slot.
    unsafe { response.write(Buffer::from_vec(body)) };
    code
}

/// # Safety
/// Called by huibao with a buffer `generate` returned.
unsafe extern "C" fn free(buffer: Buffer) {
    // SAFETY: the buffer came from `Buffer::from_vec` here (or is null).
    drop(unsafe { buffer.into_vec() });
}
