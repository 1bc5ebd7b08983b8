//! Losses, each computed from the network's raw outputs (logits) so the
//! output non-linearity and the loss can be fused into one stable formula.
//! `forward_backward` returns the mean loss of a batch and writes dL/dlogits;
//! `sum` returns the summed loss (the network evaluates a split in chunks).

pub mod cross_entropy;
pub mod mse;

use crate::config::LossKind;
use crate::error::{Error, Result};

/// What the network's outputs mean, and so how to turn logits into predictions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Regression: the logits are the predictions.
    Identity,
    /// Two classes: one logit, P(class 1) = σ(z).
    Sigmoid,
    /// k classes: k logits, P = softmax(z).
    Softmax,
    /// tanh output, as TensorFlow Playground's own network (benchmark W1
    /// only: no config reaches it).
    #[cfg(feature = "bench")]
    Tanh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// Mean squared error of the outputs after `Output` (for classification:
    /// of the probabilities against 0/1 targets, as the Playground trains).
    Mse(Output),
    /// ½(o − t)² averaged over the batch: TensorFlow Playground's SQUARE
    /// loss (benchmark W1 only).
    #[cfg(feature = "bench")]
    HalfSquared(Output),
    /// Binary cross-entropy from one logit.
    BinaryCrossEntropy,
    /// Softmax cross-entropy from k logits, targets one-hot.
    SoftmaxCrossEntropy,
}

impl Loss {
    /// The loss a task trains with unless `train.loss` overrides it.
    pub fn for_task(output: Output, override_: Option<LossKind>) -> Result<Loss> {
        use LossKind::{CrossEntropy, Mse};
        Ok(match (override_, output) {
            (None, Output::Identity) | (Some(Mse), _) => Loss::Mse(output),
            (None | Some(CrossEntropy), Output::Sigmoid) => Loss::BinaryCrossEntropy,
            (None | Some(CrossEntropy), Output::Softmax) => Loss::SoftmaxCrossEntropy,
            #[cfg(feature = "bench")]
            (None, Output::Tanh) => Loss::HalfSquared(Output::Tanh),
            (Some(CrossEntropy), _) => {
                return Err(Error::wrong_task(
                    "train.loss",
                    "cross-entropy",
                    "regression",
                    None,
                    &["mse"],
                ))
            }
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Loss::Mse(_) => "mse",
            #[cfg(feature = "bench")]
            Loss::HalfSquared(_) => "half-squared",
            Loss::BinaryCrossEntropy => "binary-cross-entropy",
            Loss::SoftmaxCrossEntropy => "softmax-cross-entropy",
        }
    }

    /// Mean loss over `rows` rows of `width` logits; writes dL/dlogits.
    pub fn forward_backward(
        &self,
        logits: &[f32],
        targets: &[f32],
        grad: &mut [f32],
        rows: usize,
        width: usize,
    ) -> f64 {
        let n = rows * width;
        let (z, t, g) = (&logits[..n], &targets[..n], &mut grad[..n]);
        match *self {
            Loss::Mse(out) => mse::forward_backward(z, t, g, out, 2.0 / n as f32, width) / n as f64,
            #[cfg(feature = "bench")]
            Loss::HalfSquared(out) => {
                mse::forward_backward(z, t, g, out, 1.0 / rows as f32, width) * 0.5 / rows as f64
            }
            Loss::BinaryCrossEntropy => cross_entropy::binary(z, t, Some(g)) / rows as f64,
            Loss::SoftmaxCrossEntropy => cross_entropy::softmax(z, t, Some(g), width) / rows as f64,
        }
    }

    /// Summed loss (not mean) over the rows, for whole-split evaluation.
    pub fn sum(&self, logits: &[f32], targets: &[f32], rows: usize, width: usize) -> f64 {
        let n = rows * width;
        let (z, t) = (&logits[..n], &targets[..n]);
        match *self {
            Loss::Mse(out) => mse::sum(z, t, out, width) / width as f64,
            #[cfg(feature = "bench")]
            Loss::HalfSquared(out) => 0.5 * mse::sum(z, t, out, width),
            Loss::BinaryCrossEntropy => cross_entropy::binary(z, t, None),
            Loss::SoftmaxCrossEntropy => cross_entropy::softmax(z, t, None, width),
        }
    }
}

impl Loss {
    /// `sum` in f64 from f64 logits (std's exp and ln, not `fastmath`'s):
    /// the loss of `Network::forward_exact`, which the gradient check
    /// differentiates. The f32 `sum` rounds at ~1e-7 of its value (m − z·t
    /// and Σe^(z−m) are f32), too coarse for a finite difference.
    pub fn sum_exact(&self, z: &[f64], targets: &[f32], rows: usize, width: usize) -> f64 {
        let n = rows * width;
        let (z, t) = (&z[..n], &targets[..n]);
        let squares =
            |o: &[f64]| -> f64 { o.iter().zip(t).map(|(o, &t)| (o - t as f64).powi(2)).sum() };
        let sigmoid = |z: f64| 1.0 / (1.0 + (-z).exp());
        match *self {
            Loss::Mse(out) => {
                let o: Vec<f64> = match out {
                    Output::Identity => z.to_vec(),
                    Output::Sigmoid => z.iter().map(|&v| sigmoid(v)).collect(),
                    #[cfg(feature = "bench")]
                    Output::Tanh => z.iter().map(|&v| v.tanh()).collect(),
                    Output::Softmax => z.chunks(width).flat_map(softmax_exact).collect(),
                };
                squares(&o) / width as f64
            }
            #[cfg(feature = "bench")]
            Loss::HalfSquared(out) => {
                0.5 * width as f64 * Loss::Mse(out).sum_exact(z, targets, rows, width)
            }
            Loss::BinaryCrossEntropy => z
                .iter()
                .zip(t)
                .map(|(&z, &t)| z.max(0.0) - z * t as f64 + (-z.abs()).exp().ln_1p())
                .sum(),
            Loss::SoftmaxCrossEntropy => z
                .chunks(width)
                .zip(t.chunks(width))
                .map(|(zr, tr)| {
                    let m = zr.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
                    let s: f64 = zr.iter().map(|&v| (v - m).exp()).sum();
                    let zt: f64 = zr.iter().zip(tr).map(|(&z, &t)| z * t as f64).sum();
                    m + s.ln() - zt
                })
                .sum(),
        }
    }
}

/// The softmax of one row, in f64.
fn softmax_exact(z: &[f64]) -> Vec<f64> {
    let m = z.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    let e: Vec<f64> = z.iter().map(|&v| (v - m).exp()).collect();
    let s: f64 = e.iter().sum();
    e.into_iter().map(|v| v / s).collect()
}

impl Output {
    /// Logits → predictions, in place, one row of `width` at a time.
    pub fn apply(self, z: &mut [f32], width: usize) {
        match self {
            Output::Identity => {}
            Output::Sigmoid => z
                .iter_mut()
                .for_each(|v| *v = crate::layers::activation::sigmoid(*v)),
            #[cfg(feature = "bench")]
            Output::Tanh => crate::layers::fastmath::tanh_in_place(z),
            Output::Softmax => z
                .chunks_mut(width)
                .for_each(cross_entropy::softmax_in_place),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Central differences of the mean loss against the analytic dL/dz.
    fn check(loss: Loss, z: &[f32], t: &[f32], rows: usize, width: usize) {
        let mut g = vec![0.0; z.len()];
        loss.forward_backward(z, t, &mut g, rows, width);
        let mut zz = z.to_vec();
        let h = 1e-3f32;
        for i in 0..z.len() {
            zz[i] = z[i] + h;
            let lp = loss.sum(&zz, t, rows, width) / rows as f64;
            zz[i] = z[i] - h;
            let lm = loss.sum(&zz, t, rows, width) / rows as f64;
            zz[i] = z[i];
            let num = (lp - lm) / (2.0 * h as f64);
            let err = (g[i] as f64 - num).abs() / (g[i].abs() as f64 + num.abs()).max(1e-4);
            assert!(
                err < 1e-2,
                "{}: index {i}: analytic {} numeric {num}",
                loss.name(),
                g[i]
            );
        }
    }

    #[test]
    fn every_loss_gradient_matches_finite_differences() {
        let z = [0.3, -1.2, 2.0, 0.7, -0.4, 1.1];
        check(
            Loss::Mse(Output::Identity),
            &z,
            &[1.0, 0.0, 2.5, -1.0, 0.2, 0.9],
            3,
            2,
        );
        check(
            Loss::Mse(Output::Sigmoid),
            &z,
            &[1.0, 0.0, 1.0, 0.0, 0.0, 1.0],
            6,
            1,
        );
        check(
            Loss::Mse(Output::Softmax),
            &z,
            &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            2,
            3,
        );
        #[cfg(feature = "bench")]
        check(
            Loss::HalfSquared(Output::Tanh),
            &z,
            &[1.0, -1.0, 1.0, 1.0, -1.0, -1.0],
            6,
            1,
        );
        check(
            Loss::BinaryCrossEntropy,
            &z,
            &[1.0, 0.0, 1.0, 0.0, 0.0, 1.0],
            6,
            1,
        );
        check(
            Loss::SoftmaxCrossEntropy,
            &z,
            &[0.0, 1.0, 0.0, 0.0, 0.0, 1.0],
            2,
            3,
        );
    }

    #[test]
    fn mse_of_known_values() {
        // mean((1-0)², (3-1)²) = 2.5
        let mut g = [0.0; 2];
        let l =
            Loss::Mse(Output::Identity).forward_backward(&[1.0, 3.0], &[0.0, 1.0], &mut g, 2, 1);
        assert!((l - 2.5).abs() < 1e-9);
        assert_eq!(g, [1.0, 2.0]); // 2(o−t)/n
    }

    #[test]
    fn cross_entropies_are_stable_for_huge_logits() {
        let mut g = [0.0; 2];
        let l = Loss::BinaryCrossEntropy.forward_backward(
            &[1000.0, -1000.0],
            &[0.0, 1.0],
            &mut g,
            2,
            1,
        );
        assert!((l - 1000.0).abs() < 1e-3, "{l}");
        assert!(g.iter().all(|v| v.is_finite()));
        let mut g = [0.0; 3];
        let l = Loss::SoftmaxCrossEntropy.forward_backward(
            &[500.0, -500.0, 0.0],
            &[0.0, 1.0, 0.0],
            &mut g,
            1,
            3,
        );
        assert!((l - 1000.0).abs() < 1e-3, "{l}");
        assert!(g.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn loss_overrides() {
        assert_eq!(
            Loss::for_task(Output::Sigmoid, Some(LossKind::Mse)).unwrap(),
            Loss::Mse(Output::Sigmoid)
        );
        assert_eq!(
            Loss::for_task(Output::Softmax, None).unwrap(),
            Loss::SoftmaxCrossEntropy
        );
        assert!(Loss::for_task(Output::Identity, Some(LossKind::CrossEntropy)).is_err());
    }
}
