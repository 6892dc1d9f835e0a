#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| huibao_fuzz::import_odt_xml(data));
