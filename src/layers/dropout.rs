//! Inverted dropout, active only in training.
//!
//! Training: each value is kept with probability 1 − p and scaled up so the
//! expected output equals the input; evaluation: identity (nothing to
//! rescale at test time).
//!
//!   m[r, i] = [u[r, i] ≥ p] / (1 − p),  u ~ U[0, 1)
//!   forward:  y = x ⊙ m        (training)      y = x     (evaluation)
//!   backward: dx = dy ⊙ m      (training)      dx = dy   (evaluation)
//!
//! The layer owns its seeded `Rng` (so a run replays exactly) and its mask
//! buffer, grown only when a larger batch is seen. Backward uses the mask of
//! the last forward pass. No parameters; the output has the input's shape.

use super::{LayerInfo, LayerKind};
use crate::rng::{self, Rng};
use rand::Rng as _;

#[derive(Debug, Clone)]
pub struct Dropout {
    /// The probability p of dropping a value, in [0, 1).
    pub rate: f32,
    pub width: usize,
    training: bool,
    /// Whether the last forward applied the mask (so backward matches it).
    masked: bool,
    /// Reuse the current mask instead of drawing a new one (for tests).
    frozen: bool,
    /// [rows, width]: 0 or 1/(1 − p).
    mask: Vec<f32>,
    rng: Rng,
}

impl Dropout {
    /// Starts in evaluation mode (identity); `set_training(true)` before a
    /// training step's forward pass.
    pub fn new(rate: f32, width: usize, seed: u64) -> Dropout {
        Dropout {
            rate,
            width,
            training: false,
            masked: false,
            frozen: false,
            mask: Vec::new(),
            rng: rng::seeded(seed),
        }
    }

    pub fn set_training(&mut self, on: bool) {
        self.training = on;
    }
    pub fn training(&self) -> bool {
        self.training
    }
    /// The mask generator's state (`Network::save_rngs`).
    pub fn rng(&self) -> &Rng {
        &self.rng
    }
    pub fn set_rng(&mut self, rng: Rng) {
        self.rng = rng;
    }
    pub fn reseed(&mut self, seed: u64) {
        self.rng = rng::seeded(seed);
    }

    /// Keep using the mask already drawn (tests that differentiate
    /// numerically need the same mask on every forward pass).
    pub fn freeze_mask(&mut self, on: bool) {
        self.frozen = on;
    }

    /// The mask the last forward pass applied to its `rows` rows, or
    /// `None` when it applied none (evaluation, or rate 0).
    pub fn last_mask(&self, rows: usize) -> Option<&[f32]> {
        self.masked.then(|| &self.mask[..rows * self.width])
    }

    pub fn forward(&mut self, x: &[f32], y: &mut [f32], rows: usize) {
        let n = rows * self.width;
        self.masked = self.training && self.rate > 0.0;
        if !self.masked {
            y[..n].copy_from_slice(&x[..n]);
            return;
        }
        let grew = self.mask.len() < n;
        if grew {
            self.mask.resize(n, 0.0);
        }
        if !self.frozen || grew {
            let (p, scale) = (self.rate, 1.0 / (1.0 - self.rate));
            for m in &mut self.mask[..n] {
                *m = if self.rng.random::<f32>() >= p {
                    scale
                } else {
                    0.0
                }; // [rows, width]
            }
        }
        for ((yi, &xi), &mi) in y[..n].iter_mut().zip(&x[..n]).zip(&self.mask[..n]) {
            *yi = xi * mi; // [rows, width]
        }
    }

    pub fn backward(&self, dy: &[f32], dx: &mut [f32], rows: usize) {
        let n = rows * self.width;
        if !self.masked {
            dx[..n].copy_from_slice(&dy[..n]);
            return;
        }
        for ((d, &g), &mi) in dx[..n].iter_mut().zip(&dy[..n]).zip(&self.mask[..n]) {
            *d = g * mi; // [rows, width]
        }
    }
}

impl LayerInfo for Dropout {
    fn kind(&self) -> LayerKind {
        LayerKind::Dropout
    }
    fn in_width(&self) -> usize {
        self.width
    }
    fn out_width(&self) -> usize {
        self.width
    }
    fn elementwise(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropout_has_no_parameters_and_is_elementwise() {
        let d = Dropout::new(0.5, 12, 1);
        assert_eq!(d.kind(), LayerKind::Dropout);
        assert!(d.params(2).is_empty() && d.fans().is_empty());
        assert_eq!((d.in_width(), d.out_width(), d.shape()), (12, 12, vec![12]));
        assert!(d.elementwise());
    }

    #[test]
    fn drops_about_rate_and_preserves_the_mean() {
        let mut d = Dropout::new(0.25, 1000, 7);
        d.set_training(true);
        let x = vec![1.0; 4000];
        let mut y = vec![0.0; 4000];
        d.forward(&x, &mut y, 4);
        let zeros = y.iter().filter(|&&v| v == 0.0).count();
        assert!((zeros as f32 / 4000.0 - 0.25).abs() < 0.03, "{zeros}");
        let mean = y.iter().sum::<f32>() / 4000.0;
        assert!((mean - 1.0).abs() < 0.05, "{mean}");
        assert!(y.iter().all(|&v| v == 0.0 || (v - 4.0 / 3.0).abs() < 1e-6));
        d.set_training(false);
        d.forward(&x, &mut y, 4);
        assert_eq!(y, x);
    }
}
