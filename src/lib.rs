//! Descent: a machine-learning playground whose engine is plain Rust.
//!
//! Everything but `web` (and, with the `bench` feature, `bench::wasm`) is
//! the ML core: it knows nothing of the browser and is tested natively.
//! `web` is the one wasm boundary of the shipped module; `bench`, which
//! exists only with the `bench` feature, holds the speed benchmark's
//! workloads and their own export for Node (bench/run.sh).

#[cfg(feature = "bench")]
pub mod bench;
pub mod catalog;
pub mod choice;
pub mod config;
pub mod data;
pub mod error;
pub mod export;
pub mod layers;
pub mod linalg;
pub mod loss;
pub mod metrics;
pub mod model;
pub mod network;
pub mod optim;
pub mod race;
pub mod read_json;
pub mod rng;
pub mod session;
pub mod setting;
pub mod web;
