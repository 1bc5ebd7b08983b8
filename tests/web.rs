//! The Session contract in real browsers (Chromium and Firefox, headless):
//! `wasm-pack test --headless --chrome|--firefox -- --test web`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

include!("shared/contract.rs");
include!("shared/csv_corpus.rs");
