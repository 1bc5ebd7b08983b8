//! Adagrad (`adagrad`), as `tf.keras` 2.x `keras.optimizers.Adagrad`:
//!
//! ```text
//! acc ← acc + g²                (acc starts at 0.1)
//! w   ← w − lr·g / (√acc + ε)
//! ```
//!
//! ε defaults to 1e-7. (Keras 3 and TensorFlow.js write √(acc + ε); the
//! work per element is the same.)

/// Keras's `initial_accumulator_value` (also TensorFlow.js's default).
pub(super) const INITIAL_ACCUMULATOR: f32 = 0.1;

#[derive(Debug, Clone)]
pub(super) struct Adagrad {
    eps: f32,
    /// The sum of squared gradients `acc`, one per parameter.
    acc: Vec<f32>,
}

impl Adagrad {
    pub(super) fn new(eps: f64, n_params: usize) -> Adagrad {
        Adagrad {
            eps: eps as f32,
            acc: vec![INITIAL_ACCUMULATOR; n_params],
        }
    }

    pub(super) fn reset(&mut self) {
        self.acc.fill(INITIAL_ACCUMULATOR);
    }

    #[inline]
    pub(super) fn step(&mut self, lr: f32, params: &mut [f32], grads: &[f32]) {
        let eps = self.eps;
        for ((w, &g), acc) in params.iter_mut().zip(grads).zip(&mut self.acc[..]) {
            *acc += g * g;
            *w -= lr * g / (acc.sqrt() + eps);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, opt};

    #[test]
    fn two_steps_by_hand() {
        let mut o = opt("adagrad", 0.1, |_| {});
        let mut w = [1.0, -1.0];
        // acc = 0.1 + [0.09, 1] = [0.19, 1.1]; √acc = [0.435889894, 1.048808848]
        // update = 0.1·[0.3/0.435889894, −1/1.048808848] = [0.0688247044, −0.0953462498]
        o.step(&mut w, &[0.3, -1.0]);
        assert_close(&w, &[0.9311752956, -0.9046537502]);
        // acc = [0.19 + 0.16, 1.1 + 0.25] = [0.35, 1.35]; √acc = [0.591607978, 1.161895004]
        // update = 0.1·[0.4/0.591607978, 0.5/1.161895004] = [0.0676123289, 0.0430331446]
        o.step(&mut w, &[0.4, 0.5]);
        assert_close(&w, &[0.8635629667, -0.9476868948]);
    }
}
