//! Optimizers: how a gradient becomes a parameter update.
//!
//! The parameters and gradients of a whole network are each ONE flat `f32`
//! slice; every optimizer keeps its state (velocities, moments,
//! accumulators) in flat `Vec<f32>`s of the same length, allocated once in
//! [`Optimizer::new`]. [`Optimizer::step`] allocates nothing: it is a single
//! element-wise loop per optimizer, with the per-step scalars (learning
//! rate, bias corrections) hoisted out, so the compiler vectorises it
//! (f32x4 with wasm `simd128`).
//!
//! The formulas follow TensorFlow.js / Keras so a benchmark against them
//! does identical work; each file states its formula:
//! [`sgd`], [`momentum`], [`rmsprop`], [`adam`], [`adagrad`], [`adamw`].

mod adagrad;
mod adam;
mod adamw;
mod momentum;
mod rmsprop;
mod sgd;

use crate::config::TrainConfig;

/// Defaults when the config leaves a hyperparameter out (Keras / tf.js).
pub const DEFAULT_MOMENTUM: f64 = 0.9;
pub const DEFAULT_BETA1: f64 = 0.9;
pub const DEFAULT_BETA2: f64 = 0.999;
pub const DEFAULT_RHO: f64 = 0.9;
pub const DEFAULT_EPSILON: f64 = 1e-7;
/// AdamW's λ, as PyTorch's `AdamW` and Keras's `AdamW`.
pub const DEFAULT_WEIGHT_DECAY: f64 = 0.01;

crate::choice! {
    /// `train.optimizer`.
    pub enum OptimizerKind {
        Sgd = "sgd",
        Momentum = "momentum",
        RmsProp = "rmsprop",
        Adam = "adam",
        Adagrad = "adagrad",
        AdamW = "adamw",
    }
}

/// One hyperparameter an optimizer takes: its `train.*` key, range and default.
pub type Hyper = crate::setting::Setting;

/// β and momentum-like decays: 0 ≤ β < 1.
const fn decay(name: &'static str, default: f64) -> Hyper {
    Hyper::number(name, 0.0, 1.0, (false, true), default)
}
const EPSILON: Hyper = Hyper::number("epsilon", 0.0, 1.0, (true, false), DEFAULT_EPSILON);
const BETA1: Hyper = decay("beta1", DEFAULT_BETA1);
const BETA2: Hyper = decay("beta2", DEFAULT_BETA2);
const NESTEROV: Hyper = Hyper::flag("nesterov");
const MOMENTUM: Hyper = decay("momentum", DEFAULT_MOMENTUM);
const RHO: Hyper = decay("rho", DEFAULT_RHO);
const WEIGHT_DECAY: Hyper = Hyper::number(
    "weightDecay",
    0.0,
    1.0,
    (false, false),
    DEFAULT_WEIGHT_DECAY,
);

impl OptimizerKind {
    /// The hyperparameters this optimizer takes (besides the learning rate).
    pub fn hyperparameters(self) -> &'static [Hyper] {
        match self {
            OptimizerKind::Sgd => &[],
            OptimizerKind::Momentum => &[MOMENTUM, NESTEROV],
            OptimizerKind::RmsProp => &[RHO, EPSILON],
            OptimizerKind::Adam => &[BETA1, BETA2, EPSILON],
            OptimizerKind::Adagrad => &[EPSILON],
            OptimizerKind::AdamW => &[WEIGHT_DECAY, BETA1, BETA2, EPSILON],
        }
    }
}

#[derive(Debug, Clone)]
enum Kind {
    Sgd,
    Momentum(momentum::Momentum),
    RmsProp(rmsprop::RmsProp),
    Adam(adam::Adam),
    Adagrad(adagrad::Adagrad),
    AdamW(adamw::AdamW),
}

/// One optimizer over a fixed number of parameters.
#[derive(Debug, Clone)]
pub struct Optimizer {
    lr: f32,
    n_params: usize,
    kind: Kind,
}

impl Optimizer {
    /// From a validated config (its hyperparameters' ranges were checked
    /// when it was read).
    pub fn new(cfg: &TrainConfig, n_params: usize) -> Optimizer {
        let eps = cfg.epsilon.unwrap_or(DEFAULT_EPSILON);
        let (b1, b2) = (
            cfg.beta1.unwrap_or(DEFAULT_BETA1),
            cfg.beta2.unwrap_or(DEFAULT_BETA2),
        );
        let kind = match cfg.optimizer {
            OptimizerKind::Sgd => Kind::Sgd,
            OptimizerKind::Momentum => Kind::Momentum(momentum::Momentum::new(
                cfg.momentum.unwrap_or(DEFAULT_MOMENTUM) as f32,
                cfg.nesterov,
                n_params,
            )),
            OptimizerKind::RmsProp => Kind::RmsProp(rmsprop::RmsProp::new(
                cfg.rho.unwrap_or(DEFAULT_RHO),
                eps,
                n_params,
            )),
            OptimizerKind::Adam => Kind::Adam(adam::Adam::new(b1, b2, eps, n_params)),
            OptimizerKind::Adagrad => Kind::Adagrad(adagrad::Adagrad::new(eps, n_params)),
            OptimizerKind::AdamW => Kind::AdamW(adamw::AdamW::new(
                cfg.weight_decay.unwrap_or(DEFAULT_WEIGHT_DECAY),
                b1,
                b2,
                eps,
                n_params,
            )),
        };
        Optimizer {
            lr: cfg.learning_rate as f32,
            n_params,
            kind,
        }
    }

    pub fn learning_rate(&self) -> f32 {
        self.lr
    }

    /// Changes take effect on the next step without resetting state.
    pub fn set_learning_rate(&mut self, lr: f32) {
        self.lr = lr;
    }

    /// One update: params -= f(grads). grads already include regularization.
    ///
    /// Panics if `params` or `grads` is not `n_params` long (a wiring bug,
    /// not a learner's mistake).
    pub fn step(&mut self, params: &mut [f32], grads: &[f32]) {
        assert_eq!(params.len(), self.n_params, "optimizer: params length");
        assert_eq!(grads.len(), self.n_params, "optimizer: grads length");
        let lr = self.lr;
        match &mut self.kind {
            Kind::Sgd => sgd::step(lr, params, grads),
            Kind::Momentum(o) => o.step(lr, params, grads),
            Kind::RmsProp(o) => o.step(lr, params, grads),
            Kind::Adam(o) => o.step(lr, params, grads),
            Kind::Adagrad(o) => o.step(lr, params, grads),
            Kind::AdamW(o) => o.step(lr, params, grads),
        }
    }

    /// Clear moments/velocities/step count (training restart).
    pub fn reset(&mut self) {
        match &mut self.kind {
            Kind::Sgd => {}
            Kind::Momentum(o) => o.reset(),
            Kind::RmsProp(o) => o.reset(),
            Kind::Adam(o) => o.reset(),
            Kind::Adagrad(o) => o.reset(),
            Kind::AdamW(o) => o.reset(),
        }
    }

    pub fn kind(&self) -> OptimizerKind {
        match self.kind {
            Kind::Sgd => OptimizerKind::Sgd,
            Kind::Momentum(_) => OptimizerKind::Momentum,
            Kind::RmsProp(_) => OptimizerKind::RmsProp,
            Kind::Adam(_) => OptimizerKind::Adam,
            Kind::Adagrad(_) => OptimizerKind::Adagrad,
            Kind::AdamW(_) => OptimizerKind::AdamW,
        }
    }

    pub fn name(&self) -> &'static str {
        self.kind().id()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An optimizer of `name` at `lr` for `n` parameters, other settings
    /// default unless `edit` changes them.
    pub(crate) fn opt_n(
        name: &str,
        lr: f64,
        n: usize,
        edit: impl FnOnce(&mut TrainConfig),
    ) -> Optimizer {
        let mut cfg = TrainConfig {
            optimizer: OptimizerKind::parse("train.optimizer", name).unwrap(),
            learning_rate: lr,
            ..Default::default()
        };
        edit(&mut cfg);
        Optimizer::new(&cfg, n)
    }

    /// As [`opt_n`], sized on first use: the hand-worked tests step 1-, 2-
    /// and 3-element vectors.
    pub(crate) fn opt(name: &str, lr: f64, edit: impl FnOnce(&mut TrainConfig)) -> Lazy {
        let mut cfg = TrainConfig {
            optimizer: OptimizerKind::parse("train.optimizer", name).unwrap(),
            learning_rate: lr,
            ..Default::default()
        };
        edit(&mut cfg);
        Lazy { cfg, opt: None }
    }

    pub(crate) struct Lazy {
        cfg: TrainConfig,
        opt: Option<Optimizer>,
    }

    impl Lazy {
        pub(crate) fn step(&mut self, params: &mut [f32], grads: &[f32]) {
            let cfg = &self.cfg;
            self.opt
                .get_or_insert_with(|| Optimizer::new(cfg, params.len()))
                .step(params, grads);
        }
    }

    /// Expected values are f64 so hand-worked numbers keep all their digits.
    pub(crate) fn assert_close_tol(got: &[f32], want: &[f64], tol: f64) {
        assert_eq!(got.len(), want.len());
        for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
            assert!(
                (f64::from(g) - w).abs() <= tol,
                "element {i}: got {g}, want {w} (got {got:?}, want {want:?})"
            );
        }
    }

    pub(crate) fn assert_close(got: &[f32], want: &[f64]) {
        assert_close_tol(got, want, 1e-6);
    }

    const W0: [f32; 3] = [1.0, -2.0, 0.5];
    /// A few gradients of varied sign and size.
    const GRADS: [[f32; 3]; 4] = [
        [0.5, -1.0, 2.0],
        [1.0, -0.5, -0.25],
        [-0.75, 0.5, 1.5],
        [0.2, 0.0, -1.0],
    ];

    fn run(o: &mut Optimizer, w: &mut [f32; 3], grads: &[[f32; 3]]) {
        for g in grads {
            o.step(w, g);
        }
    }

    #[test]
    fn every_configured_name_builds_and_reports_itself() {
        for name in OptimizerKind::ALL.iter().map(|k| k.id()) {
            let o = opt_n(name, 0.25, 4, |_| {});
            assert_eq!(o.name(), name);
            assert_eq!(o.learning_rate(), 0.25);
        }
    }

    #[test]
    fn unknown_names_are_refused() {
        let e = OptimizerKind::parse("train.optimizer", "magic").unwrap_err();
        assert!(e.message().starts_with("train.optimizer"), "{e}");
        assert!(e.message().contains("'adam'"), "{e}");
    }

    #[test]
    fn hyperparameter_ranges_name_the_field() {
        let eps = OptimizerKind::Adam.hyperparameters()[2];
        assert_eq!(eps.name, "epsilon");
        assert!(eps.check("train.epsilon", 1e-8).is_ok());
        let e = eps.check("train.epsilon", 0.0).unwrap_err().to_string();
        assert_eq!(e, "train.epsilon must be a positive number, got 0");
        let b = OptimizerKind::Adam.hyperparameters()[0];
        assert!(b.check("train.beta1", 0.0).is_ok());
        assert!(b
            .check("train.beta1", 1.0)
            .unwrap_err()
            .to_string()
            .contains("below 1"));
        assert!(b.check("train.beta1", f64::NAN).is_err());
        // Every default lies in its own range.
        for &k in OptimizerKind::ALL {
            for h in k.hyperparameters() {
                assert!(
                    h.check(h.name, h.default.as_f64()).is_ok(),
                    "{} {}",
                    k.id(),
                    h.name
                );
            }
        }
    }

    /// By hand, momentum: step 1 at lr 0.1 with g = 1 gives a = 1, w = 0.9;
    /// then at lr 0.01 with g = 0.5, a = 0.9·1 + 0.5 = 1.4 (the velocity
    /// survived), w = 0.9 − 0.014 = 0.886. Had the change reset `a`, the
    /// second step would have been 0.01·0.5 = 0.005.
    #[test]
    fn set_learning_rate_keeps_the_velocity() {
        let mut o = opt_n("momentum", 0.1, 1, |_| {});
        let mut w = [1.0];
        o.step(&mut w, &[1.0]);
        assert_close(&w, &[0.9]);
        o.set_learning_rate(0.01);
        assert_eq!(o.learning_rate(), 0.01);
        o.step(&mut w, &[0.5]);
        assert_close(&w, &[0.886]);
    }

    /// Every update is linear in lr given the state, so after a change the
    /// next step is exactly the old-lr step scaled; and (for the stateful
    /// optimizers) it is not the step a fresh optimizer would take.
    #[test]
    fn set_learning_rate_scales_the_next_step_without_resetting() {
        for name in OptimizerKind::ALL.iter().map(|k| k.id()) {
            let mut a = opt_n(name, 0.1, 3, |_| {});
            let mut w = W0;
            run(&mut a, &mut w, &GRADS[..3]);
            let mut b = a.clone();
            b.set_learning_rate(0.025);
            assert_eq!(b.learning_rate(), 0.025);

            let g = GRADS[3];
            let (mut wa, mut wb) = (w, w);
            a.step(&mut wa, &g);
            b.step(&mut wb, &g);
            let quarter: Vec<f64> = w
                .iter()
                .zip(&wa)
                .map(|(w0, w1)| f64::from(w0 - w1) / 4.0)
                .collect();
            let got: Vec<f32> = w.iter().zip(&wb).map(|(w0, w1)| w0 - w1).collect();
            assert_close(&got, &quarter);

            if name != "sgd" {
                let mut fresh = opt_n(name, 0.025, 3, |_| {});
                let mut wf = w;
                fresh.step(&mut wf, &g);
                let differs = wf.iter().zip(&wb).any(|(f, b)| (f - b).abs() > 1e-4);
                assert!(differs, "{name}: changing lr must not reset the state");
            }
        }
    }

    #[test]
    fn reset_clears_the_state() {
        for name in OptimizerKind::ALL.iter().map(|k| k.id()) {
            for nesterov in [false, true] {
                let mut used = opt_n(name, 0.1, 3, |c| c.nesterov = nesterov);
                let mut w = W0;
                run(&mut used, &mut w, &GRADS);
                used.reset();
                let mut fresh = opt_n(name, 0.1, 3, |c| c.nesterov = nesterov);
                let (mut wu, mut wf) = (W0, W0);
                run(&mut used, &mut wu, &GRADS);
                run(&mut fresh, &mut wf, &GRADS);
                // Same arithmetic from the same state: bit-identical.
                assert_eq!(wu, wf, "{name} (nesterov {nesterov})");
                assert_eq!(used.learning_rate(), 0.1);
            }
        }
    }

    /// f(w) = ½Σ(w − c)², so ∇f = w − c: each optimizer must bring w to c,
    /// from 2.5 away, to within a few f32 ulps (the adaptive ones, whose
    /// steps stay near lr·sign(g) for a while, get a little more room).
    #[test]
    fn every_optimizer_minimises_a_quadratic() {
        let c = [1.0f32, 0.5, -1.5];
        let cases: [(&str, f64, bool, usize, f32); 6] = [
            ("sgd", 0.1, false, 300, 1e-5),
            ("momentum", 0.05, false, 600, 1e-5),
            ("momentum", 0.05, true, 600, 1e-5),
            ("rmsprop", 0.01, false, 2000, 1e-4),
            ("adam", 0.05, false, 2000, 1e-4),
            ("adagrad", 0.5, false, 2000, 1e-4),
        ];
        for (name, lr, nesterov, steps, tol) in cases {
            let mut o = opt_n(name, lr, 3, |cfg| cfg.nesterov = nesterov);
            let mut w = [3.0f32, -2.0, 0.5];
            let mut g = [0.0f32; 3];
            for _ in 0..steps {
                for ((g, w), c) in g.iter_mut().zip(&w).zip(&c) {
                    *g = w - c;
                }
                o.step(&mut w, &g);
            }
            let err = w
                .iter()
                .zip(&c)
                .map(|(w, c)| (w - c).abs())
                .fold(0.0, f32::max);
            assert!(
                err <= tol,
                "{name} (nesterov {nesterov}): w = {w:?}, off by {err}"
            );
        }
    }

    #[test]
    fn no_parameters_is_fine() {
        for name in OptimizerKind::ALL.iter().map(|k| k.id()) {
            let mut o = opt_n(name, 0.1, 0, |_| {});
            o.step(&mut [], &[]);
            o.reset();
        }
    }

    #[test]
    #[should_panic(expected = "grads length")]
    fn mismatched_lengths_panic() {
        let mut o = opt_n("adam", 0.1, 3, |_| {});
        o.step(&mut [0.0; 3], &[0.0; 2]);
    }
}
