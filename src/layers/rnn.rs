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
//! Only the recurrence is sequential: x_t·Wx for every step is one matrix
//! product over `[rows·T, F]` (the input is already laid out that way), and
//! so are dWx and dx once every da_t is known. All h_t are kept (`[rows, T,
//! H]`) for backward and for the page's hidden-state heatmap
//! (`hidden_states`); they and da grow only when a larger batch is seen.

use super::dense::dot;
use super::gemm::gemm;

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
    /// dh_t of the row being back-propagated: `[H]`.
    dh: Vec<f32>,
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
            dh: vec![0.0; hidden],
        }
    }

    pub fn in_width(&self) -> usize {
        self.window * self.features
    }
    pub fn out_width(&self) -> usize {
        self.hidden
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
        if self.hs.len() < n {
            self.hs.resize(n, 0.0);
        }
        let wx = &params[self.w_off..self.u_off]; // [F, H]
        let wh = &params[self.u_off..self.b_off]; // [H, H]
        let b = &params[self.b_off..self.b_off + h_n]; // [H]
        let hs = &mut self.hs[..n]; // [rows·T, H]
        for a in hs.chunks_exact_mut(h_n) {
            a.copy_from_slice(b); // [rows·T, H]
        }
        let xs = &x[..rows * t_n * f_n]; // [rows·T, F]
        gemm(rows * t_n, h_n, f_n, xs, f_n, wx, h_n, hs, h_n, true); // [rows·T, H] += [rows·T, F]·[F, H]
        for (r, hr) in hs.chunks_exact_mut(t_n * h_n).enumerate() {
            for t in 0..t_n {
                let (past, now) = hr.split_at_mut(t * h_n);
                let a = &mut now[..h_n]; // [H]: x_t·Wx + b
                if t > 0 {
                    let prev = &past[(t - 1) * h_n..]; // [H]: h_{t−1}
                    for (&hi, whi) in prev.iter().zip(wh.chunks_exact(h_n)) {
                        for (aj, &w) in a.iter_mut().zip(whi) {
                            *aj += hi * w; // [H] += h_{t−1}[i]·Wh[i, :]
                        }
                    }
                }
                a.iter_mut().for_each(|v| *v = v.tanh()); // [H]: h_t
            }
            y[r * h_n..(r + 1) * h_n].copy_from_slice(&hr[(t_n - 1) * h_n..]); // [H]: h_T
        }
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
        if self.da.len() < n {
            self.da.resize(n, 0.0);
        }
        let wx = &params[self.w_off..self.u_off]; // [F, H]
        let wh = &params[self.u_off..self.b_off]; // [H, H]
        let hs = &self.hs[..n]; // [rows, T, H]
        let da = &mut self.da[..n]; // [rows, T, H]
        let dh = &mut self.dh; // [H]

        // The sequential part: da_t for every step, newest first.
        for (r, (hr, dar)) in hs
            .chunks_exact(t_n * h_n)
            .zip(da.chunks_exact_mut(t_n * h_n))
            .enumerate()
        {
            dh.copy_from_slice(&dy[r * h_n..(r + 1) * h_n]); // [H]: dh_T
            for t in (0..t_n).rev() {
                let h = &hr[t * h_n..(t + 1) * h_n]; // [H]: h_t
                let dat = &mut dar[t * h_n..(t + 1) * h_n]; // [H]
                for ((d, &g), &hj) in dat.iter_mut().zip(dh.iter()).zip(h) {
                    *d = g * (1.0 - hj * hj); // [H]: da_t
                }
                if t > 0 {
                    for (dhi, whi) in dh.iter_mut().zip(wh.chunks_exact(h_n)) {
                        *dhi = dot(whi, dat); // [H]: dh_{t−1} = da_t·Whᵀ
                    }
                }
            }
        }

        let (gw, rest) = grads[self.w_off..self.b_off + h_n].split_at_mut(f_n * h_n);
        let (gu, gb) = rest.split_at_mut(h_n * h_n); // [F, H], [H, H], [H]
        let da = &self.da[..n]; // [rows·T, H]
        for (s, dat) in da.chunks_exact(h_n).enumerate() {
            let xt = &x[s * f_n..(s + 1) * f_n]; // [F]
            for (&xi, gwi) in xt.iter().zip(gw.chunks_exact_mut(h_n)) {
                for (g, &d) in gwi.iter_mut().zip(dat) {
                    *g += xi * d; // [F, H] += x_tᵀ·da_t
                }
            }
            for (g, &d) in gb.iter_mut().zip(dat) {
                *g += d; // [H]
            }
            if s % t_n > 0 {
                let prev = &hs[(s - 1) * h_n..s * h_n]; // [H]: h_{t−1}
                for (&hi, gui) in prev.iter().zip(gu.chunks_exact_mut(h_n)) {
                    for (g, &d) in gui.iter_mut().zip(dat) {
                        *g += hi * d; // [H, H] += h_{t−1}ᵀ·da_t
                    }
                }
            }
        }
        if let Some(dx) = dx {
            for (dxt, dat) in dx[..rows * t_n * f_n]
                .chunks_exact_mut(f_n)
                .zip(da.chunks_exact(h_n))
            {
                for (d, wxi) in dxt.iter_mut().zip(wx.chunks_exact(h_n)) {
                    *d = dot(wxi, dat); // [F]: dx_t = da_t·Wxᵀ
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
