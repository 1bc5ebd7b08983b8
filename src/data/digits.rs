//! The real UCI handwritten digits: 1,797 images of 8×8 pixels, each pixel a
//! count 0..=16 (the number of "on" pixels in a 4×4 block of the 32×32
//! original), with labels 0..9.
//!
//! Credit: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten
//! Digits", UCI Machine Learning Repository, CC BY 4.0, in the form shipped
//! by scikit-learn (`load_digits`).
//!
//! The data is not compiled into the wasm: it would be a fifth of the
//! download for every page, most of which never use it. The page's worker
//! fetches data/digits.csv.gz when a session first needs it and hands the
//! text to [`load`]. Native builds (tests, benchmarks) embed the text that
//! `build.rs` unpacks and load it on first use.

use super::{Dataset, Task};
use crate::error::{Error, Result};
use ndarray::Array2;
use std::sync::OnceLock;

pub const ROWS: usize = 1797;
pub const PIXELS: usize = 64;
/// 64 pixels, then the label.
const COLS: usize = PIXELS + 1;

/// 1,797 rows × 65 bytes, once loaded.
static BYTES: OnceLock<Vec<u8>> = OnceLock::new();

#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/digits.csv"));

/// Checks and keeps the data set's CSV text (data/digits.csv.gz unpacked):
/// 1,797 lines of 64 pixel counts 0..=16 and a label 0..=9. Loading again
/// is a no-op, so a page may call it for every session that needs it.
pub fn load(text: &str) -> Result<()> {
    if BYTES.get().is_none() {
        let bytes = parse(text)?;
        // Single-threaded in wasm; natively a race loads equal bytes twice.
        let _ = BYTES.set(bytes);
    }
    Ok(())
}

pub fn loaded() -> bool {
    BYTES.get().is_some()
}

fn bytes() -> Result<&'static [u8]> {
    #[cfg(not(target_arch = "wasm32"))]
    load(EMBEDDED)?;
    BYTES
        .get()
        .map(Vec::as_slice)
        .ok_or_else(Error::digits_not_loaded)
}

fn parse(text: &str) -> Result<Vec<u8>> {
    let bad = |problem, line: usize, found: &str, expected: usize| {
        Err(Error::digits_damaged(problem, Some(line), found, expected))
    };
    let mut bytes = Vec::with_capacity(ROWS * COLS);
    let mut rows = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut n = 0;
        for cell in line.split(',') {
            let max = if n == PIXELS { 9 } else { 16 };
            match cell.trim().parse::<u8>() {
                Ok(v) if v <= max && n < COLS => bytes.push(v),
                Ok(_) if n >= COLS => {
                    return bad("values", i + 1, &format!("more than {COLS}"), COLS)
                }
                _ => return bad("cell", i + 1, cell, max.into()),
            }
            n += 1;
        }
        if n != COLS {
            return bad("values", i + 1, &n.to_string(), COLS);
        }
        rows += 1;
    }
    if rows != ROWS {
        return Err(Error::digits_damaged("rows", None, &rows.to_string(), ROWS));
    }
    Ok(bytes)
}

/// All 1,797 digits in the file's order. Pixels are raw (0..16) so a learner
/// sees the data as it is; normalization is chosen later (`standard` by
/// default for this source).
pub fn digits() -> Result<Dataset> {
    let bytes = bytes()?;
    let mut x = Array2::<f32>::zeros((ROWS, PIXELS));
    let mut y = Vec::with_capacity(ROWS);
    for (mut row, rec) in x.rows_mut().into_iter().zip(bytes.chunks_exact(COLS)) {
        for (dst, &p) in row.iter_mut().zip(&rec[..PIXELS]) {
            *dst = f32::from(p);
        }
        y.push(f32::from(rec[PIXELS]));
    }
    Ok(Dataset {
        task: Task::Classification((0..10).map(|d| d.to_string()).collect()),
        x,
        y,
        input_names: (0..PIXELS).map(|i| format!("p{i}")).collect(),
        fixed_split: None,
        image_shape: Some([1, 8, 8]),
        domain: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_1797_digits_with_the_files_first_row() {
        let ds = digits().unwrap();
        assert_eq!(ds.x.dim(), (1797, 64));
        assert_eq!(ds.y.len(), 1797);
        assert_eq!(ds.y[0], 0.0);
        let first: Vec<f32> = [
            0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4,
            12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10,
            12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
        ]
        .iter()
        .map(|&v| v as f32)
        .collect();
        assert_eq!(ds.x.row(0).to_vec(), first);
        // The file's second and last labels.
        assert_eq!(ds.y[1], 1.0);
        assert_eq!(ds.y[1796], 8.0);
        assert_eq!(ds.task.classes(), 10);
        assert_eq!(ds.image_shape, Some([1, 8, 8]));
        assert_eq!(ds.input_names[0], "p0");
        assert_eq!(ds.input_names[63], "p63");
        assert!(ds.x.iter().all(|&v| (0.0..=16.0).contains(&v)));
        // Every digit is well represented (the set has 174..183 of each).
        let mut counts = [0usize; 10];
        for &c in &ds.y {
            counts[c as usize] += 1;
        }
        assert!(
            counts.iter().all(|&c| (170..=190).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn damaged_text_is_refused_with_the_line() {
        let good_row = format!("{},3", vec!["0"; 64].join(","));
        let rows = |n: usize| vec![good_row.as_str(); n].join("\n");
        assert_eq!(parse(&rows(ROWS)).unwrap().len(), ROWS * COLS);
        let short = parse(&rows(10)).unwrap_err().to_string();
        assert!(short.contains("has 10 rows, expected 1797"), "{short}");
        let html = parse("<!doctype html><p>Not found</p>")
            .unwrap_err()
            .to_string();
        assert!(
            html.contains("line 1: '<!doctype html><p>Not found</p>'"),
            "{html}"
        );
        let mut text = rows(3);
        text.push_str(&format!("\n{},10", vec!["0"; 64].join(",")));
        let label = parse(&text).unwrap_err().to_string();
        assert!(
            label.contains("line 4: '10' is not a whole number 0..=9"),
            "{label}"
        );
        let pixel = parse(&format!("17,{}", vec!["0"; 64].join(",")))
            .unwrap_err()
            .to_string();
        assert!(
            pixel.contains("'17' is not a whole number 0..=16"),
            "{pixel}"
        );
        let long = parse(&format!("{good_row},1")).unwrap_err().to_string();
        assert!(long.contains("more than 65 values"), "{long}");
        let few = parse("1,2,3").unwrap_err().to_string();
        assert!(few.contains("3 values, expected 65"), "{few}");
    }
}
