//! Test plugin `abiv2`: built for a future ABI major version; it exports
//! `huibao_plugin_v2` only, whose table this huibao must never read.

/// A v2 table huibao v1 does not understand.
#[repr(C)]
pub struct FutureTable {
    /// The ABI major version: 2.
    pub abi_major: u32,
}

static TABLE: FutureTable = FutureTable { abi_major: 2 };

/// The ABI v2 entry point.
#[no_mangle]
pub extern "C" fn huibao_plugin_v2() -> *const FutureTable {
    &TABLE
}
