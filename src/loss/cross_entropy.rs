//! Cross-entropies, computed from logits so they never take the log of 0.
//!
//! Binary, one logit z, target t ∈ {0, 1}:
//!   L = max(z, 0) − z·t + ln(1 + e^(−|z|)),   dL/dz = σ(z) − t.
//! Softmax, k logits, one-hot t:
//!   L = logsumexp(z) − Σ t_j z_j,             dL/dz_j = softmax(z)_j − t_j.

use crate::layers::activation::sigmoid;

/// Summed binary cross-entropy; writes dL/dz (per row, not averaged) when
/// `grad` is given, scaled by 1/rows by the caller's convention below.
pub fn binary(z: &[f32], t: &[f32], grad: Option<&mut [f32]>) -> f64 {
    let mut sum = 0.0f64;
    for (&z, &t) in z.iter().zip(t) {
        sum += (z.max(0.0) - z * t + (-z.abs()).exp().ln_1p()) as f64;
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
pub fn softmax(z: &[f32], t: &[f32], grad: Option<&mut [f32]>, k: usize) -> f64 {
    let rows = z.len() / k.max(1);
    let mut sum = 0.0f64;
    for (zr, tr) in z.chunks(k).zip(t.chunks(k)) {
        let m = zr.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
        let lse = m + zr.iter().map(|&v| (v - m).exp()).sum::<f32>().ln();
        let zt: f32 = zr.iter().zip(tr).map(|(&z, &t)| z * t).sum();
        sum += (lse - zt) as f64;
    }
    if let Some(g) = grad {
        let inv = 1.0 / rows.max(1) as f32;
        for ((gr, zr), tr) in g.chunks_mut(k).zip(z.chunks(k)).zip(t.chunks(k)) {
            gr.copy_from_slice(zr);
            softmax_in_place(gr);
            for (g, &t) in gr.iter_mut().zip(tr) {
                *g = (*g - t) * inv;
            }
        }
    }
    sum
}

/// Softmax of one row in place, shifted by the max so exp never overflows.
pub fn softmax_in_place(row: &mut [f32]) {
    let m = row.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut s = 0.0;
    for v in row.iter_mut() {
        *v = (*v - m).exp();
        s += *v;
    }
    let inv = 1.0 / s;
    row.iter_mut().for_each(|v| *v *= inv);
}
