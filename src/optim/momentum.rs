//! Heavy-ball momentum (`momentum`), as `tf.train.momentum(lr, m, nesterov)`
//! in TensorFlow.js:
//!
//! ```text
//! a ← m·a + g
//! w ← w − lr·a                  (plain)
//! w ← w − lr·(g + m·a)          (nesterov, with the a just updated)
//! ```
//!
//! `a` (the accumulated velocity) starts at 0; `m` defaults to 0.9.
//! Summed over k steps the Nesterov form moves exactly `lr·m·a_k` further
//! than the plain one: it looks one velocity step ahead.

#[derive(Debug, Clone)]
pub(super) struct Momentum {
    m: f32,
    nesterov: bool,
    /// The accumulation `a`, one per parameter.
    a: Vec<f32>,
}

impl Momentum {
    pub(super) fn new(m: f32, nesterov: bool, n_params: usize) -> Momentum {
        Momentum {
            m,
            nesterov,
            a: vec![0.0; n_params],
        }
    }

    pub(super) fn reset(&mut self) {
        self.a.fill(0.0);
    }

    #[inline]
    pub(super) fn step(&mut self, lr: f32, params: &mut [f32], grads: &[f32]) {
        let m = self.m;
        let acc = &mut self.a[..];
        // Two loops rather than a branch per element, so each vectorises.
        if self.nesterov {
            for ((w, &g), a) in params.iter_mut().zip(grads).zip(acc) {
                *a = m * *a + g;
                *w -= lr * (g + m * *a);
            }
        } else {
            for ((w, &g), a) in params.iter_mut().zip(grads).zip(acc) {
                *a = m * *a + g;
                *w -= lr * *a;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, assert_close_tol, opt};

    #[test]
    fn three_steps_by_hand() {
        // m defaults to 0.9.
        let mut o = opt("momentum", 0.1, |_| {});
        let mut w = [1.0, -2.0];
        // a = 0.9·0 + [1, −0.5] = [1, −0.5]; w −= 0.1·a
        o.step(&mut w, &[1.0, -0.5]);
        assert_close(&w, &[0.9, -1.95]);
        // a = 0.9·[1, −0.5] + [0.5, 1] = [1.4, 0.55]; w −= [0.14, 0.055]
        o.step(&mut w, &[0.5, 1.0]);
        assert_close(&w, &[0.76, -2.005]);
        // zero gradient, still moving: a = [1.26, 0.495]; w −= [0.126, 0.0495]
        o.step(&mut w, &[0.0, 0.0]);
        assert_close(&w, &[0.634, -2.0545]);
    }

    #[test]
    fn nesterov_two_steps_by_hand() {
        let mut o = opt("momentum", 0.1, |c| c.nesterov = true);
        let mut w = [1.0, -2.0];
        // a = [1, −0.5]; g + 0.9·a = [1.9, −0.95]; w −= 0.1·that
        o.step(&mut w, &[1.0, -0.5]);
        assert_close(&w, &[0.81, -1.905]);
        // a = [1.4, 0.55]; g + 0.9·a = [0.5 + 1.26, 1 + 0.495] = [1.76, 1.495]
        o.step(&mut w, &[0.5, 1.0]);
        assert_close(&w, &[0.634, -2.0545]);
    }

    #[test]
    fn momentum_value_is_used() {
        let mut o = opt("momentum", 0.1, |c| c.momentum = Some(0.5));
        let mut w = [0.0];
        o.step(&mut w, &[1.0]); // a = 1, w = −0.1
        o.step(&mut w, &[1.0]); // a = 0.5·1 + 1 = 1.5, w = −0.1 − 0.15
        assert_close(&w, &[-0.25]);
    }

    /// Nesterov's first step is (1 + m) times as long, and after any number
    /// of steps it sits exactly lr·m·a ahead of plain momentum (a being the
    /// shared velocity): w_nesterov = w_plain − lr·m·a.
    #[test]
    fn nesterov_looks_one_velocity_step_ahead() {
        let (lr, m) = (0.05f32, 0.9f32);
        let mut plain = opt("momentum", lr as f64, |_| {});
        let mut nest = opt("momentum", lr as f64, |c| c.nesterov = true);
        let (mut wp, mut wn) = ([0.0f32; 3], [0.0f32; 3]);
        plain.step(&mut wp, &[1.0, -2.0, 0.5]);
        nest.step(&mut wn, &[1.0, -2.0, 0.5]);
        assert_close(&wp, &[-0.05, 0.1, -0.025]);
        assert_close(&wn, &[-0.05 * 1.9, 0.1 * 1.9, -0.025 * 1.9]);

        // A varied gradient sequence; track the velocity alongside.
        let mut a = [1.0f32, -2.0, 0.5];
        for k in 0..50 {
            let x = k as f32;
            let g = [
                (0.3 * x).sin(),
                (0.7 * x).cos() - 0.2,
                0.1 * (x % 5.0) - 0.2,
            ];
            plain.step(&mut wp, &g);
            nest.step(&mut wn, &g);
            for (a, g) in a.iter_mut().zip(&g) {
                *a = m * *a + g;
            }
            let ahead: Vec<f64> = wp
                .iter()
                .zip(&a)
                .map(|(w, a)| f64::from(w - lr * m * a))
                .collect();
            assert_close_tol(&wn, &ahead, 1e-5);
        }
        assert!(wp.iter().zip(&wn).any(|(p, n)| (p - n).abs() > 1e-3));
    }
}
