//! Input normalization, stored as x' = (x − shift) · scale per column.
//!
//! It is fitted on the TRAINING rows only and then applied unchanged to
//! validation, test and the page's grid: fitting on validation or test rows
//! would leak their statistics into training, and the scores on them would
//! no longer measure data the model has never seen.

use ndarray::{Array2, ArrayView2};

crate::choice! {
    /// `data.normalize`.
    pub enum Normalization {
        Standard = "standard",
        MinMax = "minmax",
        None = "none",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Normalizer {
    kind: Normalization,
    shift: Vec<f32>,
    scale: Vec<f32>,
}

/// Spreads below this are treated as a constant column: dividing by a tiny
/// spread would blow rounding noise up into huge inputs.
const TINY: f64 = 1e-12;

impl Normalizer {
    /// Fit on `x` (the training rows). `kind`:
    /// - `standard`: shift = column mean, scale = 1 / standard deviation
    ///   (population, as scikit-learn's StandardScaler); a column with no
    ///   variance gets scale 1, so it becomes all zeros rather than NaN.
    /// - `minmax`: maps [min, max] onto [-1, 1]: shift = (min + max) / 2,
    ///   scale = 2 / (max − min); a constant column gets scale 1.
    /// - `none`: the identity.
    ///
    /// With no rows there is nothing to learn, so the result is the identity.
    pub fn fit(kind: Normalization, x: ArrayView2<f32>) -> Normalizer {
        let d = x.ncols();
        let mut n = Normalizer::identity(d);
        if x.nrows() == 0 {
            return n;
        }
        match kind {
            Normalization::Standard => {
                n.kind = kind;
                let rows = x.nrows() as f64;
                for (j, col) in x.columns().into_iter().enumerate() {
                    // f64 sums: thousands of f32 values lose digits otherwise.
                    let mean = col.iter().map(|&v| v as f64).sum::<f64>() / rows;
                    let var = col.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / rows;
                    let sd = var.sqrt();
                    n.shift[j] = mean as f32;
                    n.scale[j] = if sd > TINY { (1.0 / sd) as f32 } else { 1.0 };
                }
            }
            Normalization::MinMax => {
                n.kind = kind;
                for (j, col) in x.columns().into_iter().enumerate() {
                    let (lo, hi) = col
                        .iter()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                            (lo.min(v as f64), hi.max(v as f64))
                        });
                    n.shift[j] = ((lo + hi) / 2.0) as f32;
                    n.scale[j] = if hi - lo > TINY {
                        (2.0 / (hi - lo)) as f32
                    } else {
                        1.0
                    };
                }
            }
            Normalization::None => {}
        }
        n
    }

    /// x' = x for `d` columns.
    pub fn identity(d: usize) -> Normalizer {
        Normalizer {
            kind: Normalization::None,
            shift: vec![0.0; d],
            scale: vec![1.0; d],
        }
    }

    /// Rebuild a fitted normalizer (from an exported model). `None` when
    /// the kind is unknown, the lengths differ, or a number is not finite.
    pub fn from_parts(kind: &str, shift: Vec<f32>, scale: Vec<f32>) -> Option<Normalizer> {
        let kind = Normalization::parse("", kind).ok()?;
        let ok = shift.len() == scale.len() && shift.iter().chain(&scale).all(|v| v.is_finite());
        ok.then_some(Normalizer { kind, shift, scale })
    }

    pub fn kind(&self) -> Normalization {
        self.kind
    }

    pub fn shift(&self) -> &[f32] {
        &self.shift
    }

    pub fn scale(&self) -> &[f32] {
        &self.scale
    }

    /// Normalize one row in place; no allocation, for the page's grid.
    pub fn apply_row(&self, row: &mut [f32]) {
        for ((v, s), k) in row.iter_mut().zip(&self.shift).zip(&self.scale) {
            *v = (*v - s) * k;
        }
    }

    /// Normalize every row of `x` in place.
    pub fn apply(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            for ((v, s), k) in row.iter_mut().zip(&self.shift).zip(&self.scale) {
                *v = (*v - s) * k;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x - y).abs() <= 1e-5 * (1.0 + y.abs()))
    }

    #[test]
    fn standard_uses_the_training_statistics_only() {
        // Column 0: mean 2, sd sqrt(2/3); column 1 is constant.
        let train = array![[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]];
        let n = Normalizer::fit(Normalization::Standard, train.view());
        assert_eq!(n.kind(), Normalization::Standard);
        let inv_sd = 1.0 / (2.0f32 / 3.0).sqrt();
        assert!(close(n.shift(), &[2.0, 5.0]));
        assert!(close(n.scale(), &[inv_sd, 1.0]));
        // A test matrix far from the training one is mapped with the
        // training numbers, not re-centred on its own mean.
        let mut test = array![[100.0, 5.0], [102.0, 7.0]];
        n.apply(&mut test);
        assert!(close(
            test.row(0).as_slice().unwrap(),
            &[98.0 * inv_sd, 0.0]
        ));
        assert!(close(
            test.row(1).as_slice().unwrap(),
            &[100.0 * inv_sd, 2.0]
        ));
        let mut t = train.clone();
        n.apply(&mut t);
        let mean: f32 = t.column(0).sum() / 3.0;
        let var: f32 = t.column(0).iter().map(|v| v * v).sum::<f32>() / 3.0;
        assert!(mean.abs() < 1e-6 && (var - 1.0).abs() < 1e-5);
    }

    #[test]
    fn minmax_maps_the_training_range_to_plus_minus_one() {
        let train = array![[0.0, -4.0], [10.0, -4.0], [5.0, -4.0]];
        let n = Normalizer::fit(Normalization::MinMax, train.view());
        assert!(close(n.shift(), &[5.0, -4.0]));
        assert!(close(n.scale(), &[0.2, 1.0]));
        let mut row = [10.0, -4.0];
        n.apply_row(&mut row);
        assert_eq!(row, [1.0, 0.0]);
        // Outside the training range stays outside [-1, 1].
        let mut row = [20.0, 0.0];
        n.apply_row(&mut row);
        assert_eq!(row, [3.0, 4.0]);
    }

    #[test]
    fn none_and_empty_are_the_identity() {
        let x = array![[3.0, -1.0]];
        for n in [
            Normalizer::fit(Normalization::None, x.view()),
            Normalizer::fit(Normalization::Standard, Array2::zeros((0, 2)).view()),
        ] {
            assert_eq!(n.kind(), Normalization::None);
            let mut y = x.clone();
            n.apply(&mut y);
            assert_eq!(y, x);
        }
    }

    #[test]
    fn apply_row_and_apply_agree() {
        let train = array![[1.0, 2.0], [4.0, 8.0], [-2.0, 0.5]];
        let n = Normalizer::fit(Normalization::Standard, train.view());
        let mut all = train.clone();
        n.apply(&mut all);
        for (i, r) in train.rows().into_iter().enumerate() {
            let mut row = r.to_vec();
            n.apply_row(&mut row);
            assert_eq!(row, all.row(i).to_vec());
        }
    }
}
