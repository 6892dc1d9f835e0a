#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| huibao_fuzz::docx_html(data));
