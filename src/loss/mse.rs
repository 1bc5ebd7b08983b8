//! Squared error of the outputs o = out(z) against targets t:
//! L = Σ (o − t)², dL/dz = 2(o − t)·o'(z), where o' is 1 (identity),
//! o(1 − o) (sigmoid), 1 − o² (tanh), or the softmax Jacobian
//! dL/dz_j = o_j (g_j − Σ_k g_k o_k) with g = 2(o − t).
//!
//! tanh and σ are `fastmath`'s branch-free versions (tanh within 3.5e-7 of
//! the exact value), as in the layers, so training and prediction agree.

use super::cross_entropy::softmax_in_place;
use super::Output;
use crate::layers::activation::sigmoid;
#[cfg(feature = "bench")]
use crate::layers::fastmath;

/// Returns Σ(o − t)² and writes `scale`·½·dL/dz (i.e. scale·(o − t)·o').
pub fn forward_backward(
    z: &[f32],
    t: &[f32],
    g: &mut [f32],
    out: Output,
    scale: f32,
    k: usize,
) -> f64 {
    let mut sum = 0.0f64;
    match out {
        Output::Identity => {
            for ((g, &z), &t) in g.iter_mut().zip(z).zip(t) {
                let d = z - t;
                sum += (d * d) as f64;
                *g = scale * d;
            }
        }
        Output::Sigmoid => {
            for ((g, &z), &t) in g.iter_mut().zip(z).zip(t) {
                let o = sigmoid(z);
                let d = o - t;
                sum += (d * d) as f64;
                *g = scale * d * (o * (1.0 - o));
            }
        }
        #[cfg(feature = "bench")]
        Output::Tanh => {
            for ((g, &z), &t) in g.iter_mut().zip(z).zip(t) {
                let o = fastmath::tanh(z);
                let d = o - t;
                sum += (d * d) as f64;
                *g = scale * d * (1.0 - o * o);
            }
        }
        Output::Softmax => {
            for ((zr, tr), gr) in z.chunks(k).zip(t.chunks(k)).zip(g.chunks_mut(k)) {
                gr.copy_from_slice(zr);
                softmax_in_place(gr);
                let mut dot = 0.0f32;
                for (&o, &t) in gr.iter().zip(tr) {
                    let d = o - t;
                    sum += (d * d) as f64;
                    dot += d * o;
                }
                for (gj, &t) in gr.iter_mut().zip(tr) {
                    let o = *gj;
                    *gj = scale * o * ((o - t) - dot);
                }
            }
        }
    }
    sum
}

pub fn sum(z: &[f32], t: &[f32], out: Output, k: usize) -> f64 {
    match out {
        Output::Identity => z
            .iter()
            .zip(t)
            .map(|(&z, &t)| ((z - t) * (z - t)) as f64)
            .sum(),
        Output::Sigmoid => z
            .iter()
            .zip(t)
            .map(|(&z, &t)| ((sigmoid(z) - t).powi(2)) as f64)
            .sum(),
        #[cfg(feature = "bench")]
        Output::Tanh => z
            .iter()
            .zip(t)
            .map(|(&z, &t)| ((fastmath::tanh(z) - t).powi(2)) as f64)
            .sum(),
        Output::Softmax => {
            let mut row = vec![0.0f32; k];
            let mut s = 0.0;
            for (zr, tr) in z.chunks(k).zip(t.chunks(k)) {
                row.copy_from_slice(zr);
                softmax_in_place(&mut row);
                s += row
                    .iter()
                    .zip(tr)
                    .map(|(&o, &t)| ((o - t) * (o - t)) as f64)
                    .sum::<f64>();
            }
            s
        }
    }
}
