//! The Session contract under Node: `wasm-pack test --node -- --test node`.
#![cfg(target_arch = "wasm32")]

include!("shared/contract.rs");
include!("shared/csv_corpus.rs");
