//! Test plugin `nosymbol`: a shared library that is not a huibao plugin (it exports no
//! `huibao_plugin_v1`).

/// Some unrelated export.
#[no_mangle]
pub extern "C" fn not_a_huibao_plugin() -> u32 {
    42
}
