//! Decompresses the UCI digits (data/digits.csv.gz) into raw bytes in OUT_DIR,
//! so `src/data/digits.rs` can `include_bytes!` them: the engine ships the
//! real data set without a gzip or CSV parser in the wasm binary, and a
//! corrupt file fails the build here rather than a learner's session.
//!
//! Output: 1,797 rows × 65 bytes (64 pixels 0..=16, then the label 0..=9).

use std::io::Read;
use std::path::PathBuf;

const SOURCE: &str = "data/digits.csv.gz";
const ROWS: usize = 1797;
const COLS: usize = 65;

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

    let mut bytes = Vec::with_capacity(ROWS * COLS);
    let mut rows = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut n = 0;
        for cell in line.split(',') {
            let v: u8 = cell
                .trim()
                .parse()
                .map_err(|_| format!("line {}: '{cell}' is not a whole number", i + 1))?;
            let max = if n == COLS - 1 { 9 } else { 16 };
            if v > max {
                return Err(format!("line {}: value {v} is above {max}", i + 1));
            }
            bytes.push(v);
            n += 1;
        }
        if n != COLS {
            return Err(format!("line {} has {n} values, expected {COLS}", i + 1));
        }
        rows += 1;
    }
    if rows != ROWS {
        return Err(format!("found {rows} rows, expected {ROWS}"));
    }
    let out = PathBuf::from(out_dir).join("digits.bin");
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(())
}
