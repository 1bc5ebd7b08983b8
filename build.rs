//! Unpacks the UCI digits (data/digits.csv.gz) into OUT_DIR/digits.csv.
//! Native builds embed that text (`src/data/digits.rs`); wasm tests load it
//! the way the page loads the fetched file. The wasm the page ships does not
//! contain it: the worker fetches data/digits.csv.gz when it is needed.

use std::io::Read;
use std::path::PathBuf;

const SOURCE: &str = "data/digits.csv.gz";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    if let Err(msg) = run() {
        // A build script's panic prints a backtrace about build.rs itself;
        // say what is wrong with the data file instead.
        eprintln!("error: cannot prepare the digits data set from {SOURCE}: {msg}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR")
        .map_err(|_| "CARGO_MANIFEST_DIR is not set".to_string())?;
    let out_dir = std::env::var("OUT_DIR").map_err(|_| "OUT_DIR is not set".to_string())?;
    let path = PathBuf::from(manifest).join(SOURCE);
    let file = std::fs::File::open(&path).map_err(|e| {
        format!(
            "{e} ({}). The file is part of the repository; restore it with `git checkout -- {SOURCE}`",
            path.display()
        )
    })?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|e| format!("not a readable gzip of UTF-8 text: {e}"))?;
    let out = PathBuf::from(out_dir).join("digits.csv");
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(())
}
