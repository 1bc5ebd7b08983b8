//! The speed benchmark's workloads (bench/README.md, W1–W5), run on the
//! engine exactly as the peer harness runs TensorFlow.js and ConvNetJS:
//! same data in the same order, same initial weights, same optimizer and
//! number of steps, so equal final losses prove equal work.
//!
//! - Data and initial weights are flat `f32` arrays, as `node data.mjs --dump`
//!   writes them (loading the dump is bit-exact; the ports below are for the
//!   tests). Initial weights are listed parameter after parameter in
//!   TensorFlow layout, which is also the engine's flat layout for dense
//!   layers (W `[in, out]` then b), so they load as one slice.
//! - Training: mini-batches in order, no reshuffle, the last batch of an
//!   epoch partial (rows `[k·B, min((k+1)·B, n))`), one optimizer step each.
//! - `final_loss` / `accuracy` are computed in f64 from the model's f32
//!   outputs with the harness's formulas (`halfSquared`, `ceAcc`, `mse`,
//!   `signAcc` in bench.mjs).
//!
//! Nothing here times anything: the caller does (examples/bench.rs natively
//! with `Instant`, bench/descent.mjs in Node around the exported `train`).
//! With the `bench` feature, [`wasm`] exports [`Bench`] to JavaScript.

use crate::config::TrainConfig;
use crate::error::{Error, Result};
use crate::layers::{self, Activation, LayerSpec};
use crate::loss::{Loss, Output};
use crate::network::{Init, Network};
use crate::optim::{Optimizer, OptimizerKind};
use crate::rng::Mulberry32;

/// The five fixed workloads of the peer benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// W1: TensorFlow Playground spiral, 2-8-8-1 tanh, ½(o−t)², SGD 0.03,
    /// batch 10, 2,000 steps.
    PlaygroundMlp,
    /// W2: sklearn digits, 64-32(ReLU)-10 softmax CE, SGD 0.1, batch 32, 5 epochs.
    DigitsMlp,
    /// W3: ConvNetJS MNIST net, momentum 0.9 lr 0.01, batch 20, 1 epoch of 2,000.
    MnistCnn,
    /// W4: the article's linear regression, MSE, full batch, SGD 0.01, 1,000 steps.
    SeedLinreg,
    /// W5: SimpleRNN(16) → Dense(1) on sine windows, MSE, Adam 0.01, batch 32, 5 epochs.
    SineRnn,
}

/// How long a workload trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Steps(usize),
    Epochs(usize),
}

/// A workload's fixed definition (bench.mjs `CFG`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    /// Inputs per sample (W3: 28·28·1 in HWC order; W5: the 20-step window).
    pub features: usize,
    /// Logits per sample.
    pub outputs: usize,
    /// Classification: labels are class indices and targets are one-hot.
    pub classes: Option<usize>,
    /// `None`: full batch.
    pub batch: Option<usize>,
    pub length: Length,
    pub lr: f64,
    pub optimizer: OptimizerKind,
    pub momentum: Option<f64>,
    pub n_params: usize,
}

impl Workload {
    pub const ALL: [Workload; 5] = [
        Workload::PlaygroundMlp,
        Workload::DigitsMlp,
        Workload::MnistCnn,
        Workload::SeedLinreg,
        Workload::SineRnn,
    ];

    /// The harness's name (`playground-mlp`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Workload::PlaygroundMlp => "playground-mlp",
            Workload::DigitsMlp => "digits-mlp",
            Workload::MnistCnn => "mnist-cnn",
            Workload::SeedLinreg => "seed-linreg",
            Workload::SineRnn => "sine-rnn",
        }
    }

    pub fn parse(name: &str) -> Result<Workload> {
        Workload::ALL
            .into_iter()
            .find(|w| w.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Workload::ALL.iter().map(|w| w.name()).collect();
                Error::unknown_choice("workload", name, &names)
            })
    }

    pub fn spec(self) -> Spec {
        let base = Spec {
            features: 2,
            outputs: 1,
            classes: None,
            batch: None,
            length: Length::Steps(1000),
            lr: 0.01,
            optimizer: OptimizerKind::Sgd,
            momentum: None,
            n_params: 0,
        };
        match self {
            Workload::PlaygroundMlp => Spec {
                batch: Some(10),
                length: Length::Steps(2000),
                lr: 0.03,
                n_params: (2 * 8 + 8) + (8 * 8 + 8) + (8 + 1),
                ..base
            },
            Workload::DigitsMlp => Spec {
                features: 64,
                outputs: 10,
                classes: Some(10),
                batch: Some(32),
                length: Length::Epochs(5),
                lr: 0.1,
                n_params: (64 * 32 + 32) + (32 * 10 + 10),
                ..base
            },
            Workload::MnistCnn => Spec {
                features: 28 * 28,
                outputs: 10,
                classes: Some(10),
                batch: Some(20),
                length: Length::Epochs(1),
                optimizer: OptimizerKind::Momentum,
                momentum: Some(0.9),
                n_params: (5 * 5 * 8 + 8) + (5 * 5 * 8 * 16 + 16) + (256 * 10 + 10),
                ..base
            },
            Workload::SeedLinreg => Spec {
                n_params: 3,
                ..base
            },
            Workload::SineRnn => Spec {
                features: 20,
                batch: Some(32),
                length: Length::Epochs(5),
                optimizer: OptimizerKind::Adam,
                n_params: 16 + 16 * 16 + 16 + 16 + 1,
                ..base
            },
        }
    }

    /// Optimizer updates for `n` training rows.
    pub fn steps(self, n: usize) -> usize {
        let s = self.spec();
        match s.length {
            Length::Steps(k) => k,
            Length::Epochs(e) => e * n.div_ceil(s.batch.unwrap_or(n).max(1)),
        }
    }

    fn network(self) -> Result<Network> {
        let mut r = crate::rng::seeded(0);
        let net = match self {
            Workload::PlaygroundMlp => {
                Network::mlp(2, &[8, 8], Activation::Tanh, 1, Init::Zeros, &mut r)
            }
            Workload::DigitsMlp => {
                Network::mlp(64, &[32], Activation::Relu, 10, Init::Zeros, &mut r)
            }
            Workload::SeedLinreg => {
                Network::mlp(2, &[], Activation::Linear, 1, Init::Zeros, &mut r)
            }
            // ConvNetJS's MNIST net: images [C, H, W] = [1, 28, 28] (for one
            // channel the harness's HWC rows are the same values); the dense
            // layer's Flatten is in (h, w, c) order, as the fc weights.
            Workload::MnistCnn => {
                let conv = |filters| LayerSpec::Conv2d {
                    filters,
                    kernel: 5,
                    stride: 1,
                    padding_same: true,
                    activation: Some(Activation::Relu),
                };
                let specs = [
                    conv(8),
                    LayerSpec::MaxPool { size: 2, stride: 2 },
                    conv(16),
                    LayerSpec::MaxPool { size: 3, stride: 3 },
                    LayerSpec::Dense {
                        units: 10,
                        activation: None,
                    },
                ];
                layers::build(&[1, 28, 28], &specs, 10, Init::Zeros, &mut r)?
            }
            // SimpleRNN(16, tanh) over [T, F] = [20, 1], then Dense(1).
            Workload::SineRnn => layers::rnn_network(20, 1, 16, 1, Init::Zeros, &mut r)?,
        };
        let want = self.spec().n_params;
        if net.params.len() != want {
            return Err(Error::internal(format!(
                "{}: the network has {} parameters, the benchmark {want}",
                self.name(),
                net.params.len()
            )));
        }
        Ok(net)
    }

    fn loss(self) -> Loss {
        match self {
            // Playground's tanh output layer fused into the loss.
            Workload::PlaygroundMlp => Loss::HalfSquared(Output::Tanh),
            Workload::DigitsMlp | Workload::MnistCnn => Loss::SoftmaxCrossEntropy,
            Workload::SeedLinreg | Workload::SineRnn => Loss::Mse(Output::Identity),
        }
    }
}

/// What one training run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Optimizer updates.
    pub steps: usize,
    /// Examples processed (partial batches at their real size).
    pub samples: usize,
}

/// Loss (and accuracy, for classifiers) over a whole set, as bench.mjs computes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Eval {
    pub loss: f64,
    pub accuracy: Option<f64>,
}

/// Rows evaluated per forward pass (keeps W3's activations small).
const EVAL_CHUNK: usize = 500;

/// One workload, ready to train: network, optimizer, data and the initial
/// weights every run restarts from. Building it allocates; `train` does not.
pub struct Bench {
    pub workload: Workload,
    net: Network,
    loss: Loss,
    opt: Optimizer,
    init: Vec<f32>,
    x: Vec<f32>,
    /// Loss targets: one-hot rows for classifiers, else the labels.
    targets: Vec<f32>,
    n: usize,
    batch: usize,
    steps: usize,
}

impl Bench {
    /// `x`: n rows of `spec().features`; `y`: n labels (class index or
    /// target); `init`: every parameter in the harness's order.
    pub fn new(workload: Workload, x: &[f32], y: &[f32], init: &[f32]) -> Result<Bench> {
        Bench::with_learning_rate(workload, x, y, init, workload.spec().lr)
    }

    pub fn with_learning_rate(
        workload: Workload,
        x: &[f32],
        y: &[f32],
        init: &[f32],
        lr: f64,
    ) -> Result<Bench> {
        let s = workload.spec();
        let n = y.len();
        if n == 0 || x.len() != n * s.features {
            return Err(Error::internal(format!(
                "{}: x has {} values for {n} labels of {} features",
                workload.name(),
                x.len(),
                s.features
            )));
        }
        if init.len() != s.n_params {
            return Err(Error::internal(format!(
                "{}: {} initial weights, expected {}",
                workload.name(),
                init.len(),
                s.n_params
            )));
        }
        let targets = encode_targets(workload, y)?;
        let mut net = workload.network()?;
        let batch = s.batch.unwrap_or(n).min(n);
        net.reserve(batch);
        net.params.copy_from_slice(init);
        let cfg = TrainConfig {
            optimizer: s.optimizer,
            learning_rate: lr,
            batch_size: batch,
            momentum: s.momentum,
            beta1: Some(0.9),
            beta2: Some(0.999),
            epsilon: Some(1e-7),
            ..TrainConfig::default()
        };
        let opt = Optimizer::new(&cfg, s.n_params);
        Ok(Bench {
            workload,
            net,
            loss: workload.loss(),
            opt,
            init: init.to_vec(),
            x: x.to_vec(),
            targets,
            n,
            batch,
            steps: workload.steps(n),
        })
    }

    /// Back to the initial weights and a fresh optimizer (a "new model").
    pub fn reset(&mut self) {
        self.net.params.copy_from_slice(&self.init);
        self.opt.reset();
    }

    /// The whole workload: every step of every epoch. The timed region.
    pub fn train(&mut self) -> Counts {
        self.train_steps(self.steps)
    }

    /// The first `steps` steps of the workload (a warm-up, or a test).
    pub fn train_steps(&mut self, steps: usize) -> Counts {
        let (f, k) = (self.workload.spec().features, self.out_width());
        let (n, b) = (self.n, self.batch);
        let mut pos = 0;
        let mut samples = 0;
        for _ in 0..steps {
            let rows = b.min(n - pos);
            self.net
                .input_mut(rows)
                .copy_from_slice(&self.x[pos * f..(pos + rows) * f]);
            self.net.forward(rows);
            self.net.zero_grads();
            let (z, g) = self.net.output_and_grad(rows);
            let t = &self.targets[pos * k..(pos + rows) * k];
            self.loss.forward_backward(z, t, g, rows, k);
            self.net.backward(rows, false);
            self.opt.step(&mut self.net.params, &self.net.grads);
            samples += rows;
            pos += rows;
            if pos >= n {
                pos = 0;
            }
        }
        Counts { steps, samples }
    }

    pub fn params(&self) -> &[f32] {
        &self.net.params
    }

    fn out_width(&self) -> usize {
        self.workload.spec().outputs
    }

    /// The model's outputs (after the output non-linearity: tanh for W1,
    /// softmax for classifiers) for every row of `x`, in chunks.
    pub fn predict(&mut self, x: &[f32]) -> Vec<f32> {
        let (f, k) = (self.workload.spec().features, self.out_width());
        let n = x.len() / f;
        let mut out = Vec::with_capacity(n * k);
        self.net.reserve(EVAL_CHUNK.min(n));
        for start in (0..n).step_by(EVAL_CHUNK) {
            let rows = EVAL_CHUNK.min(n - start);
            self.net
                .input_mut(rows)
                .copy_from_slice(&x[start * f..(start + rows) * f]);
            out.extend_from_slice(self.net.forward(rows));
        }
        self.output().apply(&mut out, k);
        out
    }

    fn output(&self) -> Output {
        match self.loss {
            Loss::HalfSquared(o) | Loss::Mse(o) => o,
            Loss::BinaryCrossEntropy => Output::Sigmoid,
            Loss::SoftmaxCrossEntropy => Output::Softmax,
        }
    }

    /// Loss and accuracy over `x`, `y` (labels as in `new`), in f64 from the
    /// f32 outputs, exactly as bench.mjs evaluates every peer.
    pub fn evaluate(&mut self, x: &[f32], y: &[f32]) -> Eval {
        let o = self.predict(x);
        match self.workload {
            Workload::PlaygroundMlp => {
                let (mut s, mut c) = (0.0f64, 0usize);
                for (&o, &t) in o.iter().zip(y) {
                    let d = f64::from(o) - f64::from(t);
                    s += 0.5 * d * d;
                    let sign = if o > 0.0 { 1.0 } else { -1.0 };
                    c += usize::from(sign == t);
                }
                Eval {
                    loss: s / y.len() as f64,
                    accuracy: Some(c as f64 / y.len() as f64),
                }
            }
            Workload::DigitsMlp | Workload::MnistCnn => {
                let k = self.out_width();
                let (mut loss, mut c) = (0.0f64, 0usize);
                for (p, &label) in o.chunks(k).zip(y) {
                    let mut best = 0;
                    for j in 1..k {
                        if p[j] > p[best] {
                            best = j;
                        }
                    }
                    let label = label as usize;
                    c += usize::from(best == label);
                    loss -= f64::from(p[label]).max(1e-7).ln();
                }
                Eval {
                    loss: loss / y.len() as f64,
                    accuracy: Some(c as f64 / y.len() as f64),
                }
            }
            Workload::SeedLinreg | Workload::SineRnn => {
                let s: f64 = o
                    .iter()
                    .zip(y)
                    .map(|(&o, &t)| (f64::from(o) - f64::from(t)).powi(2))
                    .sum();
                Eval {
                    loss: s / y.len() as f64,
                    accuracy: None,
                }
            }
        }
    }

    /// Loss and accuracy on the training set.
    pub fn evaluate_train(&mut self) -> Eval {
        let x = std::mem::take(&mut self.x);
        let y = self.labels();
        let e = self.evaluate(&x, &y);
        self.x = x;
        e
    }

    fn labels(&self) -> Vec<f32> {
        match self.workload.spec().classes {
            Some(k) => self
                .targets
                .chunks(k)
                .map(|r| r.iter().position(|&v| v == 1.0).unwrap_or(0) as f32)
                .collect(),
            None => self.targets.clone(),
        }
    }

    /// W1's decision-boundary redraw: the model's tanh outputs for every
    /// grid point (`grid` = rows of (x1, x2)) in ONE batched forward pass,
    /// written to `out`. Grows the network's buffers on first use only.
    pub fn grid_predict(&mut self, grid: &[f32], out: &mut [f32]) {
        let f = self.workload.spec().features;
        let rows = grid.len() / f;
        self.net.reserve(rows);
        self.net.input_mut(rows).copy_from_slice(&grid[..rows * f]);
        let k = self.out_width();
        let z = self.net.forward(rows);
        out[..rows * k].copy_from_slice(z);
        self.output().apply(&mut out[..rows * k], k);
    }
}

fn encode_targets(workload: Workload, y: &[f32]) -> Result<Vec<f32>> {
    match workload.spec().classes {
        None => Ok(y.to_vec()),
        Some(k) => {
            let mut t = vec![0.0; y.len() * k];
            for (i, &c) in y.iter().enumerate() {
                if !(c >= 0.0 && (c as usize) < k && c.fract() == 0.0) {
                    return Err(Error::internal(format!(
                        "{}: label {c} is not a class 0..{k}",
                        workload.name()
                    )));
                }
                t[i * k + c as usize] = 1.0;
            }
            Ok(t)
        }
    }
}

/// The Playground's grid (bench/data.mjs `playgroundGrid`): point
/// k = i·100 + j at (−6 + 12i/99, −6 + 12j/99), computed in f64.
pub fn playground_grid() -> Vec<f32> {
    let d = 100;
    let mut g = Vec::with_capacity(d * d * 2);
    for i in 0..d {
        for j in 0..d {
            g.push((-6.0 + 12.0 * i as f64 / (d - 1) as f64) as f32);
            g.push((-6.0 + 12.0 * j as f64 / (d - 1) as f64) as f32);
        }
    }
    g
}

pub mod data;

pub mod wasm;

#[cfg(test)]
mod tests;
