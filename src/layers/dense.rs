//! Fully connected layer: y = x·W + b, with x `[rows, in]`, W `[in, out]`
//! (TensorFlow's layout, so benchmark weights load as they are), b `[out]`.
//!
//! Backward, for upstream gradient dy `[rows, out]`:
//! - dW = xᵀ·dy   (accumulated into the gradient buffer)
//! - db = Σ_rows dy
//! - dx = dy·Wᵀ
//!
//! Each is one call of the shared kernel over the whole batch (`gemm_bias`,
//! whose tiles start from b; `gemm_tn`; `gemm_nt`), so all rows share its
//! register tiles. Row by row, the 2-8-8-1 forward pass cost ~900 wasm
//! instructions a point (W1's 10,000-point grid redraw: 2.6 ms, with libm
//! tanh); as one product per layer it is a fraction of that. No allocation.
//!
//! Parameters of layer i: `dense{i}.weight` W `[in, out]` (decayed) and
//! `dense{i}.bias` b `[out]` (not). W is drawn with fan_in = in and
//! fan_out = out.

use super::gemm::{gemm_bias, gemm_nt, gemm_tn};
use super::{Fans, LayerInfo, LayerKind, ParamSpec, Role};

#[derive(Debug, Clone)]
pub struct Dense {
    pub inputs: usize,
    pub outputs: usize,
    /// Offsets of W and b in the network's flat parameter vector.
    pub w_off: usize,
    pub b_off: usize,
}

impl Dense {
    pub fn param_count(&self) -> usize {
        self.inputs * self.outputs + self.outputs
    }

    /// y = x·W + b for `rows` rows, one `gemm_bias` call (its tiles start
    /// from b: no per-row copy of b, which in wasm is a `memory.copy` call).
    pub fn forward(&self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        let (n_in, n_out) = (self.inputs, self.outputs);
        let w = &params[self.w_off..self.w_off + n_in * n_out];
        let b = &params[self.b_off..self.b_off + n_out];
        gemm_bias(rows, n_out, n_in, x, n_in, w, n_out, b, y, n_out); // [rows, out] = [rows, in]·[in, out] + b
    }

    /// Accumulates dW, db into `grads`; writes dx if asked (the first layer
    /// of a network has no one to pass it to).
    pub fn backward(
        &self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        dy: &[f32],
        dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        let (n_in, n_out) = (self.inputs, self.outputs);
        let dy = &dy[..rows * n_out];
        if n_out > 0 {
            let (gw, gb) = split_wb(grads, self.w_off, self.b_off, n_in * n_out, n_out);
            gemm_tn(n_in, n_out, rows, x, n_in, dy, n_out, gw, n_out, true); // [in, out] += [rows, in]ᵀ·[rows, out]
            for dyr in dy.chunks_exact(n_out) {
                for (g, &d) in gb.iter_mut().zip(dyr) {
                    *g += d; // [out]
                }
            }
        }
        if let Some(dx) = dx {
            let w = &params[self.w_off..self.w_off + n_in * n_out];
            gemm_nt(rows, n_in, n_out, dy, n_out, w, n_out, dx, n_in, false); // [rows, in] = [rows, out]·[in, out]ᵀ
        }
    }
}

impl LayerInfo for Dense {
    /// y = xW + b: in·out multiply-adds and out additions a row.
    fn flops(&self) -> u64 {
        (2 * self.inputs * self.outputs + self.outputs) as u64
    }
    fn kind(&self) -> LayerKind {
        LayerKind::Dense
    }
    fn in_width(&self) -> usize {
        self.inputs
    }
    fn out_width(&self) -> usize {
        self.outputs
    }
    fn params(&self, layer: usize) -> Vec<ParamSpec> {
        let spec = |what: &str, role, shape, offset, decay| ParamSpec {
            name: format!("dense{layer}.{what}"),
            layer,
            kind: LayerKind::Dense,
            role,
            shape,
            offset,
            decay,
        };
        vec![
            spec(
                "weight",
                Role::Weight,
                vec![self.inputs, self.outputs],
                self.w_off,
                true,
            ),
            spec("bias", Role::Bias, vec![self.outputs], self.b_off, false),
        ]
    }
    fn fans(&self) -> Vec<Fans> {
        vec![Fans {
            offset: self.w_off,
            len: self.inputs * self.outputs,
            fan_in: self.inputs,
            fan_out: self.outputs,
        }]
    }
}

/// Disjoint mutable views of W's and b's gradients.
fn split_wb(
    g: &mut [f32],
    w_off: usize,
    b_off: usize,
    nw: usize,
    nb: usize,
) -> (&mut [f32], &mut [f32]) {
    debug_assert_eq!(b_off, w_off + nw, "bias follows weights");
    let (w, b) = g[w_off..b_off + nb].split_at_mut(nw);
    (w, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng;

    /// A dense 3→2 as layer 4 at offset 10: the names, shapes, offsets and
    /// fans model files and initialisation have always used.
    #[test]
    fn dense_describes_its_weight_and_bias() {
        let d = Dense {
            inputs: 3,
            outputs: 2,
            w_off: 10,
            b_off: 16,
        };
        let spec = |name: &str, role, shape: Vec<usize>, offset, decay| ParamSpec {
            name: name.into(),
            layer: 4,
            kind: LayerKind::Dense,
            role,
            shape,
            offset,
            decay,
        };
        assert_eq!(
            d.params(4),
            [
                spec("dense4.weight", Role::Weight, vec![3, 2], 10, true),
                spec("dense4.bias", Role::Bias, vec![2], 16, false),
            ]
        );
        assert_eq!(
            d.fans(),
            [Fans {
                offset: 10,
                len: 6,
                fan_in: 3,
                fan_out: 2
            }]
        );
        assert_eq!(
            (d.kind(), d.in_width(), d.out_width()),
            (LayerKind::Dense, 3, 2)
        );
        assert_eq!((d.in_shape(), d.shape()), (vec![3], vec![2]));
        assert!(!d.elementwise());
    }

    /// Forward and backward against the formulas, row by row in f64, on
    /// shapes that use every tile width of the kernel (8, 4, 2-3 padded, 1).
    #[test]
    fn dense_matches_the_formulas_row_by_row() {
        let mut r = rng::seeded(21);
        for &(n_in, n_out, rows) in &[(13, 10, 7), (2, 8, 10), (8, 1, 9), (5, 15, 4), (64, 32, 33)]
        {
            let d = Dense {
                inputs: n_in,
                outputs: n_out,
                w_off: 1,
                b_off: 1 + n_in * n_out,
            };
            let n_p = 1 + d.param_count();
            let mut rand = |n: usize| -> Vec<f32> {
                (0..n).map(|_| rng::uniform(&mut r, -1.0, 1.0)).collect()
            };
            let (p, x, dy) = (rand(n_p), rand(rows * n_in), rand(rows * n_out));
            let g0 = rand(n_p);
            let w = |i: usize, o: usize| p[1 + i * n_out + o] as f64;
            let mut y = vec![0.0; rows * n_out];
            d.forward(&p, &x, &mut y, rows);
            let mut g = g0.clone();
            let mut dx = vec![0.0; rows * n_in];
            d.backward(&p, &mut g, &x, &dy, Some(&mut dx), rows);
            let near = |a: f32, b: f64, what: &str| {
                assert!(
                    (a as f64 - b).abs() < 1e-4 * (1.0 + b.abs()),
                    "{what}: {a} vs {b}"
                );
            };
            for row in 0..rows {
                for o in 0..n_out {
                    let want: f64 = p[d.b_off + o] as f64
                        + (0..n_in)
                            .map(|i| x[row * n_in + i] as f64 * w(i, o))
                            .sum::<f64>();
                    near(y[row * n_out + o], want, "y");
                }
                for i in 0..n_in {
                    let want: f64 = (0..n_out)
                        .map(|o| dy[row * n_out + o] as f64 * w(i, o))
                        .sum();
                    near(dx[row * n_in + i], want, "dx");
                }
            }
            for i in 0..n_in {
                for o in 0..n_out {
                    let want: f64 = g0[1 + i * n_out + o] as f64
                        + (0..rows)
                            .map(|row| x[row * n_in + i] as f64 * dy[row * n_out + o] as f64)
                            .sum::<f64>();
                    near(g[1 + i * n_out + o], want, "dW");
                }
            }
            for o in 0..n_out {
                let want: f64 = g0[d.b_off + o] as f64
                    + (0..rows).map(|row| dy[row * n_out + o] as f64).sum::<f64>();
                near(g[d.b_off + o], want, "db");
            }
            assert_eq!(g[0], g0[0], "outside the layer's parameters");
        }
    }
}
