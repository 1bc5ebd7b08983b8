//! AdamW (`adamw`): Adam with decoupled weight decay (Loshchilov & Hutter,
//! "Decoupled Weight Decay Regularization", ICLR 2019):
//!
//! ```text
//! t ← t + 1
//! m ← β1·m + (1 − β1)·g
//! v ← β2·v + (1 − β2)·g²
//! m̂ = m / (1 − β1^t)
//! v̂ = v / (1 − β2^t)
//! w ← w − α·(m̂ / (√v̂ + ε) + λ·w)
//! ```
//!
//! The decay λ·w is not added to the gradient (that is L2 regularisation,
//! `train.l2`, which Adam's scaling then shrinks for weights with large
//! gradients); it pulls every weight towards 0 at the same rate α·λ. λ
//! (`train.weightDecay`) defaults to 0.01 as in PyTorch and Keras; β1, β2
//! and ε are Adam's. As in those libraries the decay applies to every
//! parameter, biases included.

/// Adam's moments and step, and the decay applied beside them.
#[derive(Debug, Clone)]
pub(super) struct AdamW {
    decay: f32,
    adam: super::adam::Adam,
}

impl AdamW {
    pub(super) fn new(decay: f64, beta1: f64, beta2: f64, eps: f64, n_params: usize) -> AdamW {
        AdamW {
            decay: decay as f32,
            adam: super::adam::Adam::new(beta1, beta2, eps, n_params),
        }
    }

    pub(super) fn reset(&mut self) {
        self.adam.reset();
    }

    /// w − α(m̂/(√v̂+ε) + λw) = (w − αλw) − α·m̂/(√v̂+ε): Adam's step does not
    /// read w, so the decay can go first, on the weights as they were.
    #[inline]
    pub(super) fn step(&mut self, lr: f32, params: &mut [f32], grads: &[f32]) {
        let shrink = 1.0 - lr * self.decay;
        for w in params.iter_mut() {
            *w *= shrink;
        }
        self.adam.step(lr, params, grads);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, opt};

    /// By hand (f64), α = 0.1, λ = 0.01, β1 = 0.9, β2 = 0.999, ε = 1e-7, w = 1:
    /// step 1, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25,
    /// w = 1 − 0.1·(0.5/(0.5 + 1e-7) + 0.01·1) = 0.89900002;
    /// step 2, g = −0.25: m = 0.02, v = 0.00031225, m̂ = 0.02/0.19,
    /// v̂ = 0.00031225/0.001999, w = 0.899 − 0.1·(m̂/(√v̂ + ε) + 0.01·0.899)
    /// = 0.87146732.
    #[test]
    fn hand_computed_steps() {
        let mut o = opt("adamw", 0.1, |c| c.weight_decay = Some(0.01));
        let mut w = [1.0f32];
        o.step(&mut w, &[0.5]);
        assert_close(&w, &[0.899_000_02]);
        o.step(&mut w, &[-0.25]);
        assert_close(&w, &[0.871_467_32]);
    }

    /// The decay is decoupled: with a zero gradient Adam's part is 0 and
    /// each weight shrinks by exactly the factor 1 − αλ, whatever its size.
    #[test]
    fn zero_gradient_is_pure_decay() {
        let mut o = opt("adamw", 0.5, |c| c.weight_decay = Some(0.1));
        let mut w = [2.0f32, -4.0, 0.0];
        o.step(&mut w, &[0.0, 0.0, 0.0]);
        assert_close(&w, &[2.0 * 0.95, -4.0 * 0.95, 0.0]);
    }

    /// With λ = 0, AdamW is Adam.
    #[test]
    fn no_decay_is_adam() {
        let mut a = opt("adam", 0.05, |_| {});
        let mut b = opt("adamw", 0.05, |c| c.weight_decay = Some(0.0));
        let (mut wa, mut wb) = ([1.0f32, -2.0, 0.5], [1.0f32, -2.0, 0.5]);
        for g in [[0.5, -1.0, 2.0], [1.0, -0.5, -0.25], [-0.75, 0.5, 1.5]] {
            a.step(&mut wa, &g);
            b.step(&mut wb, &g);
        }
        let wa: Vec<f64> = wa.iter().map(|&v| f64::from(v)).collect();
        assert_close(&wb, &wa);
    }
}
