//! Every layer's forward pass again, in f64 with std's `tanh` and `exp`:
//! the function `Session::gradient_check` differentiates numerically. The
//! formulas are the ones each layer's file states; `forward_exact` on a
//! network agrees with its f32 forward to f32 rounding (tests/step.rs),
//! so the two cannot drift apart unseen.
//!
//! Why a second forward pass for the check: training's is f32. Every
//! activation it stores is rounded to ~6e-8 of its value, so the loss, as a
//! function of one weight, is a fine staircase that jitters by ~5e-8 (a
//! 3-filter convolution on the digits, measured). A finite difference over a
//! step ε divides that jitter by ε: at ε = 5e-2 it is ~1.5e-6 on every
//! numeric derivative, which is the whole bound (1e-3 relative, 1e-6
//! absolute) for the small kernel gradients of a convolution (sums over
//! every image position that nearly cancel). A larger ε does not help:
//! the error of the difference formula grows as ε⁴, and more max-pool
//! windows switch their winner within the step. In f64 the jitter is
//! ~1e-16, so ε = 1e-3 leaves the numeric side accurate to ~1e-10 and the
//! check measures backpropagation alone (its f32 rounding is ~1e-6 of a
//! gradient).
//!
//! Kinks: each layer also records the branches its function takes (which
//! input wins each max-pool window, which side of 0 each ReLU-family input
//! is on), so the check sees when a step crosses one: the difference is
//! then no derivative.
//!
//! Dropout uses the mask the layer's own (f32) forward pass drew last, so
//! both functions are the same function of the weights.
//!
//! Allocates its buffers per call: the check runs outside training.

use super::activation::{GELU_A, GELU_C, LEAK};
use super::{Activation, Layer};

impl Layer {
    /// The layer's output for `rows` rows of input `x`, in f64, with its
    /// branch decisions pushed to `kinks` (nothing for a smooth layer).
    pub fn forward_exact(
        &self,
        params: &[f64],
        x: &[f64],
        rows: usize,
        kinks: &mut Vec<u32>,
    ) -> Vec<f64> {
        let (n_in, n_out) = (self.in_width(), self.out_width());
        let x = &x[..rows * n_in];
        let mut y = vec![0.0f64; rows * n_out];
        match self {
            // y = x·W + b
            Layer::Dense(d) => {
                let w = &params[d.w_off..d.w_off + n_in * n_out];
                let b = &params[d.b_off..d.b_off + n_out];
                for (yr, xr) in y.chunks_exact_mut(n_out).zip(x.chunks_exact(n_in)) {
                    yr.copy_from_slice(b);
                    for (&xi, wi) in xr.iter().zip(w.chunks_exact(n_out)) {
                        yr.iter_mut().zip(wi).for_each(|(y, &w)| *y += xi * w);
                    }
                }
            }
            Layer::Act(a, _) => {
                for (y, &x) in y.iter_mut().zip(x) {
                    *y = activation(*a, x);
                }
                if matches!(
                    a,
                    Activation::Relu | Activation::LeakyRelu | Activation::Elu
                ) {
                    kinks.extend(x.iter().map(|&v| (v > 0.0) as u32));
                }
            }
            // y[f, i, j] = b[f] + Σ_{u,v,c} W[u, v, c, f] · x̃[c, i·s + u − pt, j·s + v − pl]
            Layer::Conv2d(cv) => {
                let [nc, h, w] = cv.in_shape;
                let [nf, oh, ow] = cv.out_shape;
                let (k, s) = (cv.kernel, cv.stride);
                let (pt, pl) = cv.padding();
                let wk = &params[cv.w_off..cv.w_off + k * k * nc * nf]; // [k, k, C, F]
                let b = &params[cv.b_off..cv.b_off + nf];
                for (yr, xr) in y.chunks_exact_mut(n_out).zip(x.chunks_exact(n_in)) {
                    for f in 0..nf {
                        for i in 0..oh {
                            for j in 0..ow {
                                let mut acc = b[f];
                                for u in 0..k {
                                    let Some(p) = (i * s + u).checked_sub(pt).filter(|&p| p < h)
                                    else {
                                        continue;
                                    };
                                    for v in 0..k {
                                        let Some(q) =
                                            (j * s + v).checked_sub(pl).filter(|&q| q < w)
                                        else {
                                            continue;
                                        };
                                        for c in 0..nc {
                                            acc += wk[((u * k + v) * nc + c) * nf + f]
                                                * xr[(c * h + p) * w + q];
                                        }
                                    }
                                }
                                yr[(f * oh + i) * ow + j] = acc;
                            }
                        }
                    }
                }
            }
            // y[c, i, j] = max over the window (the first one on ties, as the layer)
            Layer::MaxPool(mp) => {
                let [nc, h, w] = mp.in_shape;
                let [_, oh, ow] = mp.out_shape;
                let (k, s) = (mp.size, mp.stride);
                for (yr, xr) in y.chunks_exact_mut(n_out).zip(x.chunks_exact(n_in)) {
                    for c in 0..nc {
                        for i in 0..oh {
                            for j in 0..ow {
                                let base = c * h * w + i * s * w + j * s;
                                let mut best = base;
                                for u in 0..k {
                                    for v in 0..k {
                                        let at = base + u * w + v;
                                        if xr[at] > xr[best] {
                                            best = at;
                                        }
                                    }
                                }
                                yr[(c * oh + i) * ow + j] = xr[best];
                                kinks.push(best as u32);
                            }
                        }
                    }
                }
            }
            // y[(p·W + q)·C + c] = x[c, p, q] for an image; a copy otherwise
            Layer::Flatten(fl) => match fl.in_shape[..] {
                [nc, h, w] => {
                    for (yr, xr) in y.chunks_exact_mut(n_out).zip(x.chunks_exact(n_in)) {
                        for c in 0..nc {
                            for p in 0..h * w {
                                yr[p * nc + c] = xr[c * h * w + p];
                            }
                        }
                    }
                }
                _ => y.copy_from_slice(x),
            },
            // y = x ⊙ m with the layer's last mask (training), else y = x
            Layer::Dropout(dr) => match dr.last_mask(rows) {
                Some(m) => {
                    for ((y, &x), &m) in y.iter_mut().zip(x).zip(m) {
                        *y = x * m as f64;
                    }
                }
                None => y.copy_from_slice(x),
            },
            // a_t = x_t·Wx + h_{t−1}·Wh + b, h_t = tanh(a_t), y = h_T
            Layer::Rnn(r) => {
                let (t_n, f_n, h_n) = (r.window, r.features, r.hidden);
                let wx = &params[r.w_off..r.u_off]; // [F, H]
                let wh = &params[r.u_off..r.b_off]; // [H, H]
                let b = &params[r.b_off..r.b_off + h_n];
                let mut a = vec![0.0f64; h_n];
                for (yr, xr) in y.chunks_exact_mut(h_n).zip(x.chunks_exact(n_in)) {
                    let mut h = vec![0.0f64; h_n];
                    for xt in xr.chunks_exact(f_n).take(t_n) {
                        a.copy_from_slice(b);
                        for (&xi, wi) in xt.iter().zip(wx.chunks_exact(h_n)) {
                            a.iter_mut().zip(wi).for_each(|(a, &w)| *a += xi * w);
                        }
                        for (&hi, wi) in h.iter().zip(wh.chunks_exact(h_n)) {
                            a.iter_mut().zip(wi).for_each(|(a, &w)| *a += hi * w);
                        }
                        h.iter_mut().zip(&a).for_each(|(h, &a)| *h = a.tanh());
                    }
                    yr.copy_from_slice(&h);
                }
            }
        }
        y
    }
}

/// f(x) of `activation.rs`, in f64 (its constants, std's tanh and exp).
fn activation(a: Activation, x: f64) -> f64 {
    match a {
        Activation::Relu => x.max(0.0),
        Activation::LeakyRelu => {
            if x > 0.0 {
                x
            } else {
                LEAK as f64 * x
            }
        }
        Activation::Elu => {
            if x > 0.0 {
                x
            } else {
                x.exp_m1()
            }
        }
        Activation::Gelu => {
            0.5 * x * (1.0 + (GELU_C as f64 * (x + GELU_A as f64 * x * x * x)).tanh())
        }
        Activation::Tanh => x.tanh(),
        Activation::Sigmoid => 1.0 / (1.0 + (-x).exp()),
        Activation::Linear => x,
    }
}
