//! The real UCI handwritten digits: 1,797 images of 8×8 pixels, each pixel a
//! count 0..=16 (the number of "on" pixels in a 4×4 block of the 32×32
//! original), with labels 0..9.
//!
//! Credit: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten
//! Digits", UCI Machine Learning Repository, CC BY 4.0, in the form shipped
//! by scikit-learn (`load_digits`). `build.rs` decompresses
//! data/digits.csv.gz into raw bytes at build time.

use super::{Dataset, Task};
use ndarray::Array2;

pub const ROWS: usize = 1797;
pub const PIXELS: usize = 64;
/// 64 pixels, then the label.
const COLS: usize = PIXELS + 1;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/digits.bin"));

// build.rs checks the file; this makes a mismatch a compile error rather than
// a wrong slice at run time.
const _: () = assert!(BYTES.len() == ROWS * COLS);

/// All 1,797 digits in the file's order. Pixels are raw (0..16) so a learner
/// sees the data as it is; normalization is chosen later (`standard` by
/// default for this source).
pub fn digits() -> Dataset {
    let mut x = Array2::<f32>::zeros((ROWS, PIXELS));
    let mut y = Vec::with_capacity(ROWS);
    for (mut row, rec) in x.rows_mut().into_iter().zip(BYTES.chunks_exact(COLS)) {
        for (dst, &p) in row.iter_mut().zip(&rec[..PIXELS]) {
            *dst = f32::from(p);
        }
        y.push(f32::from(rec[PIXELS]));
    }
    Dataset {
        task: Task::Classification((0..10).map(|d| d.to_string()).collect()),
        x,
        y,
        input_names: (0..PIXELS).map(|i| format!("p{i}")).collect(),
        fixed_split: None,
        image_shape: Some([1, 8, 8]),
        domain: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_1797_digits_with_the_files_first_row() {
        let ds = digits();
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
}
