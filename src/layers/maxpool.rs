//! Max pooling over channels-first images, `valid` windows (no padding, as
//! Keras' default and ConvNetJS's pool with pad 0).
//!
//! Shapes (per row): x `[C, H, W]` → y `[C, OH, OW]`, OH = ⌊(H − size)/s⌋ + 1.
//!
//! Forward:  y[c, i, j] = max_{0≤u,v<size} x[c, i·s + u, j·s + v]
//! Backward: dx[c, p, q] = Σ_{(i, j) whose max was at (p, q)} dy[c, i, j]
//!
//! The position of each window's maximum (the first one, on ties) is kept
//! in an index buffer owned by the layer, grown only when a larger batch is
//! seen, so backward is one scatter. No parameters.

use super::{LayerInfo, LayerKind};

#[derive(Debug, Clone)]
pub struct MaxPool {
    /// Input `[C, H, W]`.
    pub in_shape: [usize; 3],
    pub size: usize,
    pub stride: usize,
    /// Output `[C, OH, OW]`.
    pub out_shape: [usize; 3],
    /// argmax[r·out_width + o]: index within row r's input of output o's max.
    argmax: Vec<u32>,
}

impl MaxPool {
    /// Needs size ≥ 1, stride ≥ 1 and the window to fit in the input
    /// (`build` checks these).
    pub fn new(in_shape: [usize; 3], size: usize, stride: usize) -> MaxPool {
        let [c, h, w] = in_shape;
        MaxPool {
            in_shape,
            size,
            stride,
            out_shape: [c, (h - size) / stride + 1, (w - size) / stride + 1],
            argmax: Vec::new(),
        }
    }

    pub fn forward(&mut self, x: &[f32], y: &mut [f32], rows: usize) {
        let [nc, h, w] = self.in_shape;
        let [_, oh, ow] = self.out_shape;
        let (nin, nout, k, s) = (self.in_width(), self.out_width(), self.size, self.stride);
        if self.argmax.len() < rows * nout {
            self.argmax.resize(rows * nout, 0);
        }
        for r in 0..rows {
            let xr = &x[r * nin..(r + 1) * nin]; // [C, H, W]
            let yr = &mut y[r * nout..(r + 1) * nout]; // [C, OH, OW]
            let ar = &mut self.argmax[r * nout..(r + 1) * nout]; // [C, OH, OW]
            for c in 0..nc {
                for i in 0..oh {
                    for j in 0..ow {
                        let base = c * h * w + i * s * w + j * s;
                        // Constant window sizes unroll; others take the loop.
                        let best = match k {
                            2 => argmax::<2>(xr, base, w),
                            3 => argmax::<3>(xr, base, w),
                            _ => argmax_n(xr, base, w, k),
                        };
                        let o = (c * oh + i) * ow + j;
                        yr[o] = xr[best];
                        ar[o] = best as u32;
                    }
                }
            }
        }
    }

    /// Uses the maxima of the last `forward` (the network always runs
    /// backward on the batch it just ran forward).
    pub fn backward(&self, dy: &[f32], dx: &mut [f32], rows: usize) {
        let (nin, nout) = (self.in_width(), self.out_width());
        for r in 0..rows {
            let dxr = &mut dx[r * nin..(r + 1) * nin]; // [C, H, W]
            let dyr = &dy[r * nout..(r + 1) * nout]; // [C, OH, OW]
            let ar = &self.argmax[r * nout..(r + 1) * nout]; // [C, OH, OW]
            dxr.fill(0.0);
            for (&a, &g) in ar.iter().zip(dyr) {
                dxr[a as usize] += g;
            }
        }
    }
}

impl LayerInfo for MaxPool {
    fn kind(&self) -> LayerKind {
        LayerKind::MaxPool
    }
    fn in_width(&self) -> usize {
        self.in_shape.iter().product()
    }
    fn out_width(&self) -> usize {
        self.out_shape.iter().product()
    }
    fn in_shape(&self) -> Vec<usize> {
        self.in_shape.to_vec()
    }
    fn shape(&self) -> Vec<usize> {
        self.out_shape.to_vec()
    }
}

/// Index of the first maximum of the K×K window whose top-left is `base`.
#[inline(always)]
fn argmax<const K: usize>(x: &[f32], base: usize, w: usize) -> usize {
    let (mut best, mut top) = (base, order_key(x[base]));
    for u in 0..K {
        let row = base + u * w;
        let xs: &[f32; K] = x[row..row + K].try_into().unwrap();
        for (v, &xv) in xs.iter().enumerate() {
            let kv = order_key(xv);
            let gt = kv > top;
            top = if gt { kv } else { top };
            best = if gt { row + v } else { best };
        }
    }
    best
}

/// `argmax` for a window size known only at run time.
fn argmax_n(x: &[f32], base: usize, w: usize, k: usize) -> usize {
    let (mut best, mut top) = (base, order_key(x[base]));
    for u in 0..k {
        let row = base + u * w;
        for (v, &xv) in x[row..row + k].iter().enumerate() {
            let kv = order_key(xv);
            let gt = kv > top;
            top = if gt { kv } else { top };
            best = if gt { row + v } else { best };
        }
    }
    best
}

/// An i32 that orders as the f32 does (for non-NaN values): negative
/// floats get their magnitude bits flipped. The window maximum is found on
/// these integers because which value wins is data-dependent: V8 compiles a
/// float select to a branch (mispredicted about half the time on real
/// activations, 4x slower), an integer select to a conditional move.
#[inline(always)]
fn order_key(x: f32) -> i32 {
    let b = x.to_bits() as i32;
    b ^ ((b >> 31) & 0x7fff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maxpool_has_no_parameters_and_keeps_channels() {
        let p = MaxPool::new([8, 6, 6], 2, 2);
        assert_eq!(p.kind(), LayerKind::MaxPool);
        assert!(p.params(3).is_empty() && p.fans().is_empty());
        assert_eq!((p.in_shape(), p.shape()), (vec![8, 6, 6], vec![8, 3, 3]));
        assert_eq!((p.in_width(), p.out_width()), (288, 72));
        assert!(!p.elementwise());
    }

    #[test]
    fn order_key_orders_like_the_floats() {
        let v = [-1e30f32, -2.5, -1.0, -1e-30, 0.0, 1e-30, 0.5, 1.0, 3e38];
        for w in v.windows(2) {
            assert!(order_key(w[0]) < order_key(w[1]), "{w:?}");
        }
        assert!(order_key(-0.0) <= order_key(0.0));
    }

    #[test]
    fn pools_known_values() {
        // One 4×4 channel, 2×2 windows, stride 2.
        let x = [
            1.0, 2.0, 5.0, 0.0, //
            3.0, 4.0, 1.0, 1.0, //
            0.0, 0.0, 9.0, 8.0, //
            7.0, 0.0, 8.0, 9.5,
        ];
        let mut p = MaxPool::new([1, 4, 4], 2, 2);
        assert_eq!(p.out_shape, [1, 2, 2]);
        let mut y = [0.0; 4];
        p.forward(&x, &mut y, 1);
        assert_eq!(y, [4.0, 5.0, 7.0, 9.5]);
        let mut dx = [1.0; 16];
        p.backward(&[1.0, 2.0, 3.0, 4.0], &mut dx, 1);
        let mut want = [0.0; 16];
        want[5] = 1.0;
        want[2] = 2.0;
        want[12] = 3.0;
        want[15] = 4.0;
        assert_eq!(dx, want);
        // Ties: the first maximum in row-major order takes the gradient.
        let mut p = MaxPool::new([1, 2, 2], 2, 2);
        let mut y = [0.0];
        p.forward(&[1.0, 3.0, 3.0, -1.0], &mut y, 1);
        let mut dx = [0.0; 4];
        p.backward(&[1.0], &mut dx, 1);
        assert_eq!((y, dx), ([3.0], [0.0, 1.0, 0.0, 0.0]));
        // 14 → 4 with 3×3 windows, stride 3 (the benchmark's second pool).
        assert_eq!(MaxPool::new([16, 14, 14], 3, 3).out_shape, [16, 4, 4]);
    }
}
