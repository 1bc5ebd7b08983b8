//! Plain stochastic gradient descent (`sgd`), as `tf.train.sgd` and
//! `keras.optimizers.SGD()` without momentum:
//!
//! ```text
//! w ← w − lr·g
//! ```
//!
//! No state: nothing to allocate, nothing to reset.

/// One SGD update over the flat parameter vector.
#[inline]
pub(super) fn step(lr: f32, params: &mut [f32], grads: &[f32]) {
    for (w, &g) in params.iter_mut().zip(grads) {
        *w -= lr * g;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, opt};

    #[test]
    fn two_steps_by_hand() {
        let mut o = opt("sgd", 0.1, |_| {});
        let mut w = [1.0, -2.0, 0.5];
        let g = [0.5, -1.0, 2.0];
        // lr·g = [0.05, −0.1, 0.2]
        o.step(&mut w, &g);
        // [1 − 0.05, −2 + 0.1, 0.5 − 0.2]
        assert_close(&w, &[0.95, -1.9, 0.3]);
        o.step(&mut w, &g);
        // [0.95 − 0.05, −1.9 + 0.1, 0.3 − 0.2]
        assert_close(&w, &[0.9, -1.8, 0.1]);
    }
}
