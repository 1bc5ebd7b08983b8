//! Adam (`adam`), as TensorFlow.js's `AdamOptimizer` (`tf.train.adam`):
//!
//! ```text
//! t ← t + 1
//! m ← β1·m + (1 − β1)·g
//! v ← β2·v + (1 − β2)·g²
//! m̂ = m / (1 − β1^t)
//! v̂ = v / (1 − β2^t)
//! w ← w − lr·m̂ / (√v̂ + ε)
//! ```
//!
//! `m`, `v` start at 0; β1 defaults to 0.9, β2 to 0.999 and ε to 1e-7.
//! The bias corrections are computed once per step in f64 and folded into
//! two scalars, so the loop is `w −= (lr/(1−β1^t))·m / (√(v·(1/(1−β2^t))) + ε)`.
//! On the first step m̂ = g and v̂ = g², so every weight moves by about
//! lr·sign(g) whatever the gradient's size.

#[derive(Debug, Clone)]
pub(super) struct Adam {
    beta1: f64,
    beta2: f64,
    b1: f32,
    one_minus_b1: f32,
    b2: f32,
    one_minus_b2: f32,
    eps: f32,
    /// Steps taken since construction or the last reset.
    t: u64,
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Adam {
    pub(super) fn new(beta1: f64, beta2: f64, eps: f64, n_params: usize) -> Adam {
        Adam {
            beta1,
            beta2,
            b1: beta1 as f32,
            one_minus_b1: (1.0 - beta1) as f32,
            b2: beta2 as f32,
            one_minus_b2: (1.0 - beta2) as f32,
            eps: eps as f32,
            t: 0,
            m: vec![0.0; n_params],
            v: vec![0.0; n_params],
        }
    }

    pub(super) fn reset(&mut self) {
        self.t = 0;
        self.m.fill(0.0);
        self.v.fill(0.0);
    }

    #[inline]
    pub(super) fn step(&mut self, lr: f32, params: &mut [f32], grads: &[f32]) {
        self.t += 1;
        let t = self.t as f64;
        // β < 1 and t ≥ 1, so both corrections are positive.
        let c1 = 1.0 - self.beta1.powf(t);
        let c2 = 1.0 - self.beta2.powf(t);
        let step_size = (f64::from(lr) / c1) as f32;
        let inv_c2 = (1.0 / c2) as f32;
        let (b1, omb1, b2, omb2, eps) = (
            self.b1,
            self.one_minus_b1,
            self.b2,
            self.one_minus_b2,
            self.eps,
        );
        let moments = self.m.iter_mut().zip(self.v.iter_mut());
        for ((w, &g), (m, v)) in params.iter_mut().zip(grads).zip(moments) {
            *m = b1 * *m + omb1 * g;
            *v = b2 * *v + omb2 * g * g;
            *w -= step_size * *m / ((*v * inv_c2).sqrt() + eps);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{assert_close, opt};

    #[test]
    fn three_steps_by_hand() {
        // β1 = 0.9, β2 = 0.999, ε = 1e-7 by default.
        let mut o = opt("adam", 0.1, |_| {});
        let mut w = [1.0, -1.0, 0.5];

        // t = 1: 1 − β1 = 0.1, 1 − β2 = 0.001
        // m = 0.1·g = [0.05, −0.2, 0];  v = 0.001·g² = [0.00025, 0.004, 0]
        // m̂ = g = [0.5, −2, 0];  v̂ = g² = [0.25, 4, 0];  √v̂ = |g|
        // update = 0.1·g/(|g| + 1e-7) = [0.1·0.5/0.5000001, −0.1·2/2.0000001, 0/1e-7]
        //        = [0.09999998, −0.099999995, 0]   (≈ lr·sign(g); a zero gradient stays put)
        o.step(&mut w, &[0.5, -2.0, 0.0]);
        assert_close(&w, &[0.90000002, -0.900000005, 0.5]);

        // t = 2: 1 − β1² = 0.19, 1 − β2² = 0.001999
        // m = 0.9·m + 0.1·[1, −2, 0.25] = [0.145, −0.38, 0.025]
        // v = 0.999·v + 0.001·[1, 4, 0.0625] = [0.00124975, 0.007996, 0.0000625]
        // m̂ = m/0.19 = [0.763157895, −2, 0.131578947]
        // v̂ = v/0.001999 = [0.625187594, 4, 0.031265633]; √v̂ = [0.790688683, 2, 0.176821473]
        // update = 0.1·m̂/(√v̂ + ε) = [0.0965181904, −0.099999995, 0.0744136403]
        o.step(&mut w, &[1.0, -2.0, 0.25]);
        assert_close(&w, &[0.8034818296, -0.80000001, 0.4255863597]);

        // t = 3: 1 − β1³ = 0.271, 1 − β2³ = 0.002997001
        // m = 0.9·m + 0.1·[−1, 0, 0.25] = [0.0305, −0.342, 0.0475]
        // v = 0.999·v + 0.001·[1, 0, 0.0625] = [0.00224850025, 0.007988004, 0.0001249375]
        // m̂ = [0.112546125, −1.261992620, 0.175276753]
        // v̂ = [0.750250083, 2.665332444, 0.041687507]; √v̂ = [0.866169777, 1.632584590, 0.204175187]
        // update = [0.0129935395, −0.0773002851, 0.0858462135]
        o.step(&mut w, &[-1.0, 0.0, 0.25]);
        assert_close(&w, &[0.7904882901, -0.7226997249, 0.3397401462]);
    }

    #[test]
    fn betas_and_epsilon_are_used() {
        let mut o = opt("adam", 0.1, |c| {
            c.beta1 = Some(0.5);
            c.beta2 = Some(0.5);
            c.epsilon = Some(1.0);
        });
        let mut w = [0.0];
        // t = 1: m = 0.5·2 = 1, v = 0.5·4 = 2; m̂ = 1/0.5 = 2, v̂ = 2/0.5 = 4
        // update = 0.1·2/(2 + 1) = 0.0666666667
        o.step(&mut w, &[2.0]);
        assert_close(&w, &[-0.0666666667]);
        // t = 2: m = 0.5 + 0 = 0.5, v = 1; m̂ = 0.5/0.75, v̂ = 1/0.75
        // update = 0.1·0.666666667/(1.154700538 + 1) = 0.0309401077
        o.step(&mut w, &[0.0]);
        assert_close(&w, &[-0.0976067744]);
    }
}
