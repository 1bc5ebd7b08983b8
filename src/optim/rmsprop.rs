//! RMSprop (`rmsprop`), as the Keras form given by `tf.keras` 2.x
//! (`keras.optimizers.RMSprop`, no momentum, not centered):
//!
//! ```text
//! s ← ρ·s + (1 − ρ)·g²
//! w ← w − lr·g / (√s + ε)
//! ```
//!
//! `s` starts at 0; ρ defaults to 0.9 and ε to 1e-7.
//! (Keras 3 and TensorFlow.js put ε inside the root, √(s + ε); the
//! work per element is the same.)

#[derive(Debug, Clone)]
pub(super) struct RmsProp {
    rho: f32,
    one_minus_rho: f32,
    eps: f32,
    /// The running mean of squared gradients `s`, one per parameter.
    s: Vec<f32>,
}

impl RmsProp {
    pub(super) fn new(rho: f64, eps: f64, n_params: usize) -> RmsProp {
        RmsProp {
            rho: rho as f32,
            one_minus_rho: (1.0 - rho) as f32,
            eps: eps as f32,
            s: vec![0.0; n_params],
        }
    }

    pub(super) fn reset(&mut self) {
        self.s.fill(0.0);
    }

    #[inline]
    pub(super) fn step(&mut self, lr: f32, params: &mut [f32], grads: &[f32]) {
        let (rho, omr, eps) = (self.rho, self.one_minus_rho, self.eps);
        for ((w, &g), s) in params.iter_mut().zip(grads).zip(&mut self.s[..]) {
            *s = rho * *s + omr * g * g;
            *w -= lr * g / (s.sqrt() + eps);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, opt};

    #[test]
    fn two_steps_by_hand() {
        // ρ = 0.9, ε = 1e-7 by default.
        let mut o = opt("rmsprop", 0.01, |_| {});
        let mut w = [1.0, -1.0];
        // s = 0.1·[0.25, 4] = [0.025, 0.4]; √s = [0.158113883, 0.632455532]
        // g/√s = ±√10 = ±3.16227766 (ε shifts it by ~2e-6 relative)
        // update = 0.01·[0.5/(0.158113883 + 1e-7), −2/(0.632455532 + 1e-7)]
        //        = [0.0316227566, −0.0316227716]
        o.step(&mut w, &[0.5, -2.0]);
        assert_close(&w, &[0.9683772434, -0.9683772284]);
        // s = 0.9·[0.025, 0.4] + 0.1·[0.25, 1] = [0.0475, 0.46]
        // √s = [0.217944947, 0.678232998]
        // update = 0.01·[0.5/0.217944947, 1/0.678232998] = [0.0229415629, 0.0147441934]
        o.step(&mut w, &[0.5, 1.0]);
        assert_close(&w, &[0.9454356805, -0.9831214218]);
    }
}
