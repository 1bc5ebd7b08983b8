//! Flatten an image `[C, H, W]` (channels first, as every image activation
//! is held here) into a vector in **(h, w, c) order** — the order of
//! TensorFlow/Keras `Flatten` on channels-last tensors:
//!
//!   y[(p·W + q)·C + c] = x[c, p, q]        (forward, a [C, HW] → [HW, C] transpose)
//!   dx[c, p, q] = dy[(p·W + q)·C + c]      (backward, the inverse transpose)
//!
//! Why this order: a following dense layer's weight rows are then indexed
//! exactly as in a Keras/TF.js model (and in the benchmark's fc weights,
//! given in (h, w, c) order), so such weights load as they are, with no
//! permutation, and the two engines compute the same function. The cost is
//! one transpose of a few hundred values per row.
//!
//! Any other input rank (a sequence `[T, F]`, a vector) is already laid out
//! as its flattening: forward and backward are copies. No parameters.

use super::{LayerInfo, LayerKind};

#[derive(Debug, Clone)]
pub struct Flatten {
    /// Per-row input shape.
    pub in_shape: Vec<usize>,
}

impl Flatten {
    pub fn new(in_shape: &[usize]) -> Flatten {
        Flatten {
            in_shape: in_shape.to_vec(),
        }
    }

    pub fn width(&self) -> usize {
        self.in_shape.iter().product()
    }

    /// (C, H·W) when the input is an image.
    fn planes(&self) -> Option<(usize, usize)> {
        match self.in_shape[..] {
            [c, h, w] => Some((c, h * w)),
            _ => None,
        }
    }

    pub fn forward(&self, x: &[f32], y: &mut [f32], rows: usize) {
        let n = self.width();
        match self.planes() {
            Some((c, hw)) => {
                for r in 0..rows {
                    let xr = &x[r * n..(r + 1) * n]; // [C, H·W]
                    let yr = &mut y[r * n..(r + 1) * n]; // [H·W, C]
                    for ci in 0..c {
                        for (p, &v) in xr[ci * hw..(ci + 1) * hw].iter().enumerate() {
                            yr[p * c + ci] = v;
                        }
                    }
                }
            }
            None => y[..rows * n].copy_from_slice(&x[..rows * n]),
        }
    }

    pub fn backward(&self, dy: &[f32], dx: &mut [f32], rows: usize) {
        let n = self.width();
        match self.planes() {
            Some((c, hw)) => {
                for r in 0..rows {
                    let dyr = &dy[r * n..(r + 1) * n]; // [H·W, C]
                    let dxr = &mut dx[r * n..(r + 1) * n]; // [C, H·W]
                    for ci in 0..c {
                        for (p, d) in dxr[ci * hw..(ci + 1) * hw].iter_mut().enumerate() {
                            *d = dyr[p * c + ci];
                        }
                    }
                }
            }
            None => dx[..rows * n].copy_from_slice(&dy[..rows * n]),
        }
    }
}

impl LayerInfo for Flatten {
    fn kind(&self) -> LayerKind {
        LayerKind::Flatten
    }
    fn in_width(&self) -> usize {
        self.width()
    }
    fn out_width(&self) -> usize {
        self.width()
    }
    fn in_shape(&self) -> Vec<usize> {
        self.in_shape.clone()
    }
}

/// Permute the rows of a dense kernel `[C·H·W, units]` whose rows are in
/// (c, h, w) order (e.g. ConvNetJS's or PyTorch's flatten) into the (h, w, c)
/// order `Flatten` produces. Weights already in (h, w, c) order (Keras,
/// TF.js, the benchmark) need no call.
pub fn chw_rows_to_hwc(kernel: &[f32], shape: [usize; 3], units: usize) -> Vec<f32> {
    let [c, h, w] = shape;
    let mut out = vec![0.0; kernel.len()];
    for ci in 0..c {
        for p in 0..h * w {
            let from = (ci * h * w + p) * units;
            let to = (p * c + ci) * units;
            out[to..to + units].copy_from_slice(&kernel[from..from + units]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flatten_has_no_parameters_and_keeps_its_input_shape() {
        let f = Flatten::new(&[3, 2, 4]);
        assert_eq!(f.kind(), LayerKind::Flatten);
        assert!(f.params(1).is_empty() && f.fans().is_empty());
        assert_eq!((f.in_shape(), f.shape()), (vec![3, 2, 4], vec![24]));
        assert_eq!((f.in_width(), f.out_width()), (24, 24));
    }

    #[test]
    fn flattens_in_hwc_order() {
        // x[c, p, q] = 100c + 10p + q, C = 2, H = 2, W = 3.
        let x: Vec<f32> = (0..2)
            .flat_map(|c| {
                (0..2).flat_map(move |p| (0..3).map(move |q| (100 * c + 10 * p + q) as f32))
            })
            .collect();
        let f = Flatten::new(&[2, 2, 3]);
        let mut y = vec![0.0; 12];
        f.forward(&x, &mut y, 1);
        assert_eq!(&y[..4], &[0.0, 100.0, 1.0, 101.0]);
        let mut back = vec![0.0; 12];
        f.backward(&y, &mut back, 1);
        assert_eq!(back, x);
    }

    #[test]
    fn chw_kernel_rows_move_to_hwc() {
        // 2 channels of 1×2, 1 unit: CHW rows [c0p0, c0p1, c1p0, c1p1].
        let k = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(chw_rows_to_hwc(&k, [2, 1, 2], 1), vec![1.0, 3.0, 2.0, 4.0]);
    }
}
