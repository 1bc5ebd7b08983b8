//! Descent: a machine-learning playground whose engine is plain Rust.
//!
//! Everything but `web` is the ML core: it knows nothing of the browser and
//! is tested natively. `web` is the one thin wasm boundary.

pub mod bench;
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
pub mod read_json;
pub mod rng;
pub mod session;
pub mod web;
