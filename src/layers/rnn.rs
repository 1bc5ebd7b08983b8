//! Elman recurrent layer (Keras `SimpleRNN`) over a whole window, returning
//! the last hidden state.
//!
//! Shapes (per row): input x `[T, F]` (T time steps of F features, time
//! major), output h_T `[H]`. Parameters in Keras order: kernel Wx `[F, H]`,
//! recurrent kernel Wh `[H, H]`, bias b `[H]`.
//!
//! Forward, with h_0 = 0:
//!
//!   a_t = x_t·Wx + h_{t−1}·Wh + b,   h_t = tanh(a_t),   y = h_T
//!
//! Backward through time over the whole window, from dh_T = dy:
//!
//!   da_t = dh_t ⊙ (1 − h_t²)
//!   dh_{t−1} = da_t·Whᵀ
//!   dWx += Σ_t x_tᵀ·da_t,   dWh += Σ_{t≥2} h_{t−1}ᵀ·da_t,   db += Σ_t da_t
//!   dx_t = da_t·Wxᵀ
//!
//! Every product is a call of the shared kernel over all rows at once.
//! x_t·Wx for every step is one product over `[rows·T, F]` (the input is
//! already laid out that way), and so are dWx and dx once every da_t is
//! known. Only the recurrence is sequential in t, and each of its steps is
//! one product over the batch: the rows of step t sit T·H apart in `[rows,
//! T, H]`, which the kernel's leading dimension expresses without copying.
//! All h_t are kept (`[rows, T, H]`) for backward and for the page's
//! hidden-state heatmap (`hidden_states`); they, da and the `[rows, H]`
//! scratch grow only when a larger batch is seen. tanh is
//! `fastmath::tanh` (vectorised, 3.5e-7 from the exact value).
//!
//! Parameters of layer i, in Keras order: `rnn{i}.kernel` Wx `[F, H]`,
//! `rnn{i}.recurrent` Wh `[H, H]` (both decayed) and `rnn{i}.bias` b `[H]`
//! (not). Wx is drawn with fans (F, H), Wh with (H, H).

use super::fastmath::tanh;
use super::gemm::{gemm, gemm_bias, gemm_nt, gemm_tn};
use super::{Fans, LayerInfo, LayerKind, ParamSpec, Role};

#[derive(Debug, Clone)]
pub struct Rnn {
    /// T, the time steps a row holds.
    pub window: usize,
    /// F, the features per step.
    pub features: usize,
    /// H, the hidden units.
    pub hidden: usize,
    /// Offsets of Wx `[F, H]`, Wh `[H, H]` and b `[H]`, consecutive.
    pub w_off: usize,
    pub u_off: usize,
    pub b_off: usize,
    /// h_t for every row and step: `[rows, T, H]`.
    hs: Vec<f32>,
    /// da_t for every row and step: `[rows, T, H]`.
    da: Vec<f32>,
    /// One step for every row, `[rows, H]`: h_{t−1}·Wh in forward, dh_t in
    /// backward.
    step: Vec<f32>,
    /// Whᵀ `[H, H]`, transposed once per backward pass for its T − 1
    /// products dh_{t−1} = da_t·Whᵀ.
    wh_t: Vec<f32>,
}

impl Rnn {
    pub fn new(window: usize, features: usize, hidden: usize, w_off: usize) -> Rnn {
        let u_off = w_off + features * hidden;
        Rnn {
            window,
            features,
            hidden,
            w_off,
            u_off,
            b_off: u_off + hidden * hidden,
            hs: Vec::new(),
            da: Vec::new(),
            step: Vec::new(),
            wh_t: vec![0.0; hidden * hidden],
        }
    }

    pub fn param_count(&self) -> usize {
        (self.features + self.hidden + 1) * self.hidden
    }

    /// Every hidden state of the last forward pass, `[rows, T, H]`.
    pub fn hidden_states(&self, rows: usize) -> &[f32] {
        &self.hs[..rows * self.window * self.hidden]
    }

    pub fn forward(&mut self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        let (t_n, f_n, h_n) = (self.window, self.features, self.hidden);
        let n = rows * t_n * h_n;
        if n == 0 {
            return;
        }
        if self.hs.len() < n {
            self.hs.resize(n, 0.0);
        }
        if self.step.len() < rows * h_n {
            self.step.resize(rows * h_n, 0.0);
        }
        let wx = &params[self.w_off..self.u_off]; // [F, H]
        let wh = &params[self.u_off..self.b_off]; // [H, H]
        let b = &params[self.b_off..self.b_off + h_n]; // [H]
        let hs = &mut self.hs[..n]; // [rows·T, H]
        let step = &mut self.step[..rows * h_n]; // [rows, H]
        let th = t_n * h_n; // the stride of one row in hs
        let xs = &x[..rows * t_n * f_n]; // [rows·T, F]
        gemm_bias(rows * t_n, h_n, f_n, xs, f_n, wx, h_n, b, hs, h_n); // [rows·T, H] = [rows·T, F]·[F, H] + b
        for t in 0..t_n {
            if t > 0 {
                // [rows, H] = h_{t−1}·Wh: rows of step t − 1, stride T·H.
                gemm(
                    rows,
                    h_n,
                    h_n,
                    &hs[(t - 1) * h_n..],
                    th,
                    wh,
                    h_n,
                    step,
                    h_n,
                    false,
                );
            }
            for (r, a) in hs.chunks_exact_mut(th).enumerate() {
                let a = &mut a[t * h_n..(t + 1) * h_n]; // [H]: x_t·Wx + b
                if t > 0 {
                    let u = &step[r * h_n..(r + 1) * h_n];
                    a.iter_mut().zip(u).for_each(|(a, &u)| *a = tanh(*a + u)); // [H]: h_t
                } else {
                    a.iter_mut().for_each(|a| *a = tanh(*a)); // [H]: h_0
                }
            }
        }
        for (yr, hr) in y[..rows * h_n]
            .chunks_exact_mut(h_n)
            .zip(hs.chunks_exact(th))
        {
            yr.copy_from_slice(&hr[(t_n - 1) * h_n..]); // [H]: h_T
        }
    }

    /// The last step's pre-activation a_T = x_T·Wx + h_{T−1}·Wh + b `[rows,
    /// H]` (h_T = tanh(a_T) is the layer's output), recomputed from the
    /// input and the hidden states of the last `forward`: the step-through
    /// shows it; training never needs it.
    pub fn last_pre_activation(&self, params: &[f32], x: &[f32], rows: usize) -> Vec<f32> {
        let (t_n, f_n, h_n) = (self.window, self.features, self.hidden);
        let mut a = vec![0.0f32; rows * h_n];
        if t_n == 0 {
            return a;
        }
        let wx = &params[self.w_off..self.u_off];
        let wh = &params[self.u_off..self.b_off];
        let b = &params[self.b_off..self.b_off + h_n];
        for (r, ar) in a.chunks_exact_mut(h_n).enumerate() {
            ar.copy_from_slice(b);
            let xt = &x[(r * t_n + t_n - 1) * f_n..(r * t_n + t_n) * f_n];
            for (&xv, w) in xt.iter().zip(wx.chunks_exact(h_n)) {
                ar.iter_mut().zip(w).for_each(|(a, &w)| *a += xv * w);
            }
            if t_n > 1 {
                let h = &self.hs[(r * t_n + t_n - 2) * h_n..(r * t_n + t_n - 1) * h_n];
                for (&hv, w) in h.iter().zip(wh.chunks_exact(h_n)) {
                    ar.iter_mut().zip(w).for_each(|(a, &w)| *a += hv * w);
                }
            }
        }
        a
    }

    /// Uses the hidden states of the last `forward`.
    #[allow(clippy::too_many_arguments)]
    pub fn backward(
        &mut self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        dy: &[f32],
        dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        let (t_n, f_n, h_n) = (self.window, self.features, self.hidden);
        let n = rows * t_n * h_n;
        if n == 0 {
            if let Some(dx) = dx {
                dx[..rows * t_n * f_n].fill(0.0);
            }
            return;
        }
        if self.da.len() < n {
            self.da.resize(n, 0.0);
        }
        if self.step.len() < rows * h_n {
            self.step.resize(rows * h_n, 0.0);
        }
        let wx = &params[self.w_off..self.u_off]; // [F, H]
        let wh = &params[self.u_off..self.b_off]; // [H, H]
        let wh_t = &mut self.wh_t[..h_n * h_n]; // [H, H]
        for (i, row) in wh.chunks_exact(h_n).enumerate() {
            for (j, &w) in row.iter().enumerate() {
                wh_t[j * h_n + i] = w;
            }
        }
        let hs = &self.hs[..n]; // [rows, T, H]
        let da = &mut self.da[..n]; // [rows, T, H]
        let dh = &mut self.step[..rows * h_n]; // [rows, H]
        let th = t_n * h_n;

        // The sequential part: da_t for every row and step, newest first.
        dh.copy_from_slice(&dy[..rows * h_n]); // [rows, H]: dh_T
        for t in (0..t_n).rev() {
            for ((dar, hr), dhr) in da
                .chunks_exact_mut(th)
                .zip(hs.chunks_exact(th))
                .zip(dh.chunks_exact(h_n))
            {
                let h = &hr[t * h_n..(t + 1) * h_n]; // [H]: h_t
                let dat = &mut dar[t * h_n..(t + 1) * h_n]; // [H]
                for ((d, &g), &hj) in dat.iter_mut().zip(dhr).zip(h) {
                    *d = g * (1.0 - hj * hj); // [H]: da_t
                }
            }
            if t > 0 {
                // [rows, H]: dh_{t−1} = da_t·Whᵀ, rows of step t at stride T·H.
                gemm(
                    rows,
                    h_n,
                    h_n,
                    &da[t * h_n..],
                    th,
                    wh_t,
                    h_n,
                    dh,
                    h_n,
                    false,
                );
            }
        }

        let (gw, rest) = grads[self.w_off..self.b_off + h_n].split_at_mut(f_n * h_n);
        let (gu, gb) = rest.split_at_mut(h_n * h_n); // [F, H], [H, H], [H]
        let xs = &x[..rows * t_n * f_n]; // [rows·T, F]
        {
            let da = &*da; // [rows·T, H]
            gemm_tn(f_n, h_n, rows * t_n, xs, f_n, da, h_n, gw, h_n, true); // [F, H] += Σ x_tᵀ·da_t
            for dat in da.chunks_exact(h_n) {
                for (g, &d) in gb.iter_mut().zip(dat) {
                    *g += d; // [H]
                }
            }
            if let Some(dx) = dx {
                let dx = &mut dx[..rows * t_n * f_n];
                gemm_nt(rows * t_n, f_n, h_n, da, h_n, wx, h_n, dx, f_n, false);
                // [rows·T, F] = da·Wxᵀ
            }
        }
        // dWh += Σ_{t≥1} h_{t−1}ᵀ·da_t over every row, as ONE product of the
        // flat sequences: h at positions s − 1 against da at s, for s = 1 ..
        // rows·T − 1. The pairs that straddle two rows (h_{T−1} of row r − 1
        // with da_0 of row r) must add nothing, so da_0 of every row, used
        // above for the last time, is zeroed first.
        if t_n > 1 {
            for dar in da.chunks_exact_mut(th) {
                dar[..h_n].fill(0.0);
            }
            gemm_tn(
                h_n,
                h_n,
                rows * t_n - 1,
                hs,
                h_n,
                &da[h_n..],
                h_n,
                gu,
                h_n,
                true,
            ); // [H, H]
        }
    }
}

impl LayerInfo for Rnn {
    /// Each of the window's steps: h = tanh(x·W + h·U + b), (F + H)·H
    /// multiply-adds, H additions and H tanh.
    fn flops(&self) -> u64 {
        let (f, h) = (self.features, self.hidden);
        (self.window * (2 * (f + h) * h + 2 * h)) as u64
    }
    fn kind(&self) -> LayerKind {
        LayerKind::Rnn
    }
    fn in_width(&self) -> usize {
        self.window * self.features
    }
    fn out_width(&self) -> usize {
        self.hidden
    }
    fn in_shape(&self) -> Vec<usize> {
        vec![self.window, self.features]
    }
    fn params(&self, layer: usize) -> Vec<ParamSpec> {
        let (f, h) = (self.features, self.hidden);
        let spec = |what: &str, role, shape, offset, decay| ParamSpec {
            name: format!("rnn{layer}.{what}"),
            layer,
            kind: LayerKind::Rnn,
            role,
            shape,
            offset,
            decay,
        };
        vec![
            spec("kernel", Role::Weight, vec![f, h], self.w_off, true),
            spec("recurrent", Role::Recurrent, vec![h, h], self.u_off, true),
            spec("bias", Role::Bias, vec![h], self.b_off, false),
        ]
    }
    fn fans(&self) -> Vec<Fans> {
        let (f, h) = (self.features, self.hidden);
        vec![
            Fans {
                offset: self.w_off,
                len: f * h,
                fan_in: f,
                fan_out: h,
            },
            Fans {
                offset: self.u_off,
                len: h * h,
                fan_in: h,
                fan_out: h,
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An RNN 1→4 over 5 steps as layer 0 at offset 10: Keras' three
    /// tensors, consecutive, both matrices decayed and drawn with their fans.
    #[test]
    fn rnn_describes_its_kernel_recurrent_kernel_and_bias() {
        let r = Rnn::new(5, 1, 4, 10);
        let spec = |name: &str, role, shape: Vec<usize>, offset, decay| ParamSpec {
            name: name.into(),
            layer: 0,
            kind: LayerKind::Rnn,
            role,
            shape,
            offset,
            decay,
        };
        assert_eq!(
            r.params(0),
            [
                spec("rnn0.kernel", Role::Weight, vec![1, 4], 10, true),
                spec("rnn0.recurrent", Role::Recurrent, vec![4, 4], 14, true),
                spec("rnn0.bias", Role::Bias, vec![4], 30, false),
            ]
        );
        let fans = |offset, len, fan_in, fan_out| Fans {
            offset,
            len,
            fan_in,
            fan_out,
        };
        assert_eq!(r.fans(), [fans(10, 4, 1, 4), fans(14, 16, 4, 4)]);
        assert_eq!(
            (r.kind(), r.in_width(), r.out_width()),
            (LayerKind::Rnn, 5, 4)
        );
        assert_eq!((r.in_shape(), r.shape()), (vec![5, 1], vec![4]));
        assert_eq!(r.param_count(), 24);
    }

    #[test]
    fn one_unit_recurrence_by_hand() {
        // F = H = 1, Wx = 0.5, Wh = −1, b = 0.1, x = [1, 2, −1].
        let mut l = Rnn::new(3, 1, 1, 0);
        let p = [0.5, -1.0, 0.1];
        let mut y = [0.0];
        l.forward(&p, &[1.0, 2.0, -1.0], &mut y, 1);
        let h1 = (0.5f32 + 0.1).tanh();
        let h2 = (1.0 - h1 + 0.1).tanh();
        let h3 = (-0.5 - h2 + 0.1).tanh();
        assert!((y[0] - h3).abs() < 1e-6);
        let hs = l.hidden_states(1);
        assert!((hs[0] - h1).abs() < 1e-6 && (hs[1] - h2).abs() < 1e-6);
    }

    /// Forward and backward through time against a plain row-by-row,
    /// step-by-step implementation in f64, on W5's shape (T = 20, F = 1,
    /// H = 16) and an odd one, several rows (the batched products and the
    /// dWh product across rows).
    #[test]
    fn batched_products_match_a_plain_bptt() {
        let mut r = crate::rng::seeded(31);
        for &(t_n, f_n, h_n, rows) in &[(20, 1, 16, 7), (4, 3, 5, 5)] {
            let mut l = Rnn::new(t_n, f_n, h_n, 2);
            let (u_off, b_off) = (l.u_off, l.b_off);
            let n_p = 2 + l.param_count();
            let mut rand = |n: usize, a: f32| -> Vec<f32> {
                (0..n).map(|_| crate::rng::uniform(&mut r, -a, a)).collect()
            };
            let (p, x, dy) = (
                rand(n_p, 0.4),
                rand(rows * t_n * f_n, 1.0),
                rand(rows * h_n, 1.0),
            );
            let g0 = rand(n_p, 1.0);
            let (wx, wh, b) = (
                |f: usize, j: usize| p[2 + f * h_n + j] as f64,
                |i: usize, j: usize| p[u_off + i * h_n + j] as f64,
                |j: usize| p[b_off + j] as f64,
            );
            let mut y = vec![0.0; rows * h_n];
            l.forward(&p, &x, &mut y, rows);
            let mut g = g0.clone();
            let mut dx = vec![0.0; rows * t_n * f_n];
            l.backward(&p, &mut g, &x, &dy, Some(&mut dx), rows);

            let mut want_g: Vec<f64> = g0.iter().map(|&v| v as f64).collect();
            let mut want_dx = vec![0.0f64; rows * t_n * f_n];
            let near = |a: f32, b: f64, what: &str| {
                assert!(
                    (a as f64 - b).abs() < 1e-4 * (1.0 + b.abs()),
                    "{what}: {a} vs {b}"
                );
            };
            for row in 0..rows {
                let xt = |t: usize, f: usize| x[(row * t_n + t) * f_n + f] as f64;
                let mut h = vec![vec![0.0f64; h_n]; t_n];
                for t in 0..t_n {
                    for j in 0..h_n {
                        let mut a = b(j) + (0..f_n).map(|f| xt(t, f) * wx(f, j)).sum::<f64>();
                        if t > 0 {
                            a += (0..h_n).map(|i| h[t - 1][i] * wh(i, j)).sum::<f64>();
                        }
                        h[t][j] = a.tanh();
                    }
                }
                for j in 0..h_n {
                    near(y[row * h_n + j], h[t_n - 1][j], "y");
                }
                let mut dh: Vec<f64> = (0..h_n).map(|j| dy[row * h_n + j] as f64).collect();
                for t in (0..t_n).rev() {
                    let da: Vec<f64> = (0..h_n)
                        .map(|j| dh[j] * (1.0 - h[t][j] * h[t][j]))
                        .collect();
                    for j in 0..h_n {
                        for f in 0..f_n {
                            want_g[2 + f * h_n + j] += xt(t, f) * da[j];
                        }
                        if t > 0 {
                            for i in 0..h_n {
                                want_g[u_off + i * h_n + j] += h[t - 1][i] * da[j];
                            }
                        }
                        want_g[b_off + j] += da[j];
                    }
                    for f in 0..f_n {
                        want_dx[(row * t_n + t) * f_n + f] =
                            (0..h_n).map(|j| da[j] * wx(f, j)).sum();
                    }
                    dh = (0..h_n)
                        .map(|i| (0..h_n).map(|j| da[j] * wh(i, j)).sum())
                        .collect();
                }
            }
            for (i, (&a, &w)) in g.iter().zip(&want_g).enumerate() {
                near(a, w, &format!("grad {i}"));
            }
            for (&a, &w) in dx.iter().zip(&want_dx) {
                near(a, w, "dx");
            }
        }
    }
}
