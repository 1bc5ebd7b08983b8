//! Cross-entropies, computed from logits so they never take the log of 0.
//!
//! Binary, one logit z, target t ∈ {0, 1}:
//!   L = max(z, 0) − z·t + ln(1 + e^(−|z|)),   dL/dz = σ(z) − t.
//! Softmax, k logits, one-hot t, with m = max_j z_j and s = Σ_j e^(z_j − m):
//!   L = m + ln s − Σ t_j z_j,                  dL/dz_j = e^(z_j − m)/s − t_j,
//! so each e^(z_j − m) is computed once, for the loss and the gradient.
//!
//! exp and σ are `fastmath`'s (vectorised, ~1e-7 relative error); maxima
//! are compare-and-select, not `f32::max` (a call to `fmaxf` in wasm).

use crate::layers::activation::sigmoid;
use crate::layers::fastmath;

/// Summed binary cross-entropy; writes dL/dz (per row, not averaged) when
/// `grad` is given, scaled by 1/rows by the caller's convention below.
pub fn binary(z: &[f32], t: &[f32], grad: Option<&mut [f32]>) -> f64 {
    let mut sum = 0.0f64;
    for (&z, &t) in z.iter().zip(t) {
        let pos = if z > 0.0 { z } else { 0.0 };
        sum += (pos - z * t + fastmath::exp(-z.abs()).ln_1p()) as f64;
    }
    if let Some(g) = grad {
        let inv = 1.0 / z.len().max(1) as f32;
        for ((g, &z), &t) in g.iter_mut().zip(z).zip(t) {
            *g = (sigmoid(z) - t) * inv;
        }
    }
    sum
}

/// Summed softmax cross-entropy over rows of `k`; writes dL/dz / rows.
///
/// Σ_rows ln s is taken as the ln of the product of the s (each in [1, k]:
/// the max logit contributes e⁰ = 1), in f64 and flushed before it could
/// overflow, so a batch costs one `ln` (a libm call) rather than one a row.
pub fn softmax(z: &[f32], t: &[f32], grad: Option<&mut [f32]>, k: usize) -> f64 {
    if k == 0 {
        return 0.0;
    }
    let rows = z.len() / k;
    let mut sum = 0.0f64;
    let mut s_prod = LnProduct::new();
    match grad {
        Some(g) => {
            let inv = 1.0 / rows.max(1) as f32;
            for ((zr, tr), gr) in z.chunks(k).zip(t.chunks(k)).zip(g.chunks_mut(k)) {
                let m = fastmath::max(zr);
                for (e, &z) in gr.iter_mut().zip(zr) {
                    *e = fastmath::exp(z - m); // e^(z_j − m)
                }
                let s: f32 = gr.iter().sum();
                s_prod.push(s);
                sum += (m - dot(zr, tr)) as f64;
                let is = 1.0 / s;
                for (g, &t) in gr.iter_mut().zip(tr) {
                    *g = (*g * is - t) * inv; // (softmax_j − t_j) / rows
                }
            }
        }
        None => {
            for (zr, tr) in z.chunks(k).zip(t.chunks(k)) {
                let m = fastmath::max(zr);
                let s: f32 = zr.iter().map(|&z| fastmath::exp(z - m)).sum();
                s_prod.push(s);
                sum += (m - dot(zr, tr)) as f64;
            }
        }
    }
    sum + s_prod.ln()
}

/// Σ ln vᵢ as ln Π vᵢ, for vᵢ in [1, 1e50] (softmax's s is in [1, k]).
struct LnProduct {
    /// ln of the products flushed so far.
    logs: f64,
    /// The product since the last flush, below 1e250 · 1e50.
    prod: f64,
}

impl LnProduct {
    fn new() -> LnProduct {
        LnProduct {
            logs: 0.0,
            prod: 1.0,
        }
    }

    #[inline]
    fn push(&mut self, v: f32) {
        self.prod *= v as f64;
        if self.prod > 1e250 {
            self.logs += self.prod.ln();
            self.prod = 1.0;
        }
    }

    fn ln(&self) -> f64 {
        self.logs + self.prod.ln()
    }
}

/// Σ z_j t_j.
fn dot(z: &[f32], t: &[f32]) -> f32 {
    z.iter().zip(t).map(|(&z, &t)| z * t).sum()
}

/// Softmax of one row in place, shifted by the max so exp never overflows.
pub fn softmax_in_place(row: &mut [f32]) {
    let m = fastmath::max(row);
    for v in row.iter_mut() {
        *v = fastmath::exp(*v - m);
    }
    let s: f32 = row.iter().sum();
    let inv = 1.0 / s;
    row.iter_mut().for_each(|v| *v *= inv);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Many rows of many classes (the product of the s is flushed several
    /// times) against the loss computed row by row in f64.
    #[test]
    fn softmax_loss_of_many_rows_matches_f64() {
        let (rows, k) = (300, 1000);
        let mut r = crate::rng::seeded(4);
        let z: Vec<f32> = (0..rows * k)
            .map(|_| crate::rng::uniform(&mut r, -3.0, 3.0))
            .collect();
        let mut t = vec![0.0f32; rows * k];
        for i in 0..rows {
            t[i * k + (i * 7) % k] = 1.0;
        }
        let mut want = 0.0f64;
        for (zr, tr) in z.chunks(k).zip(t.chunks(k)) {
            let m = zr.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v as f64));
            let s: f64 = zr.iter().map(|&v| (v as f64 - m).exp()).sum();
            let zt: f64 = zr.iter().zip(tr).map(|(&z, &t)| z as f64 * t as f64).sum();
            want += m + s.ln() - zt;
        }
        let mut g = vec![0.0f32; rows * k];
        for got in [softmax(&z, &t, None, k), softmax(&z, &t, Some(&mut g), k)] {
            assert!((got - want).abs() < 1e-5 * want, "{got} vs {want}");
        }
        // Each gradient row sums to 0 (softmax sums to 1, t to 1).
        for gr in g.chunks(k) {
            assert!(gr.iter().map(|&v| v as f64).sum::<f64>().abs() < 1e-6);
        }
        let nan = softmax(&[f32::NAN, 0.0], &[1.0, 0.0], None, 2);
        assert!(nan.is_nan());
    }
}
