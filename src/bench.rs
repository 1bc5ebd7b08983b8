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
use crate::optim::Optimizer;
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
    pub optimizer: &'static str,
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
            .ok_or_else(|| Error(format!("unknown benchmark workload '{name}'")))
    }

    pub fn spec(self) -> Spec {
        let base = Spec {
            features: 2,
            outputs: 1,
            classes: None,
            batch: None,
            length: Length::Steps(1000),
            lr: 0.01,
            optimizer: "sgd",
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
                optimizer: "momentum",
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
                optimizer: "adam",
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
            crate::bail!(
                "{}: the network has {} parameters, the benchmark {want}",
                self.name(),
                net.params.len()
            );
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
            crate::bail!(
                "{}: x has {} values for {n} labels of {} features",
                workload.name(),
                x.len(),
                s.features
            );
        }
        if init.len() != s.n_params {
            crate::bail!(
                "{}: {} initial weights, expected {}",
                workload.name(),
                init.len(),
                s.n_params
            );
        }
        let targets = encode_targets(workload, y)?;
        let mut net = workload.network()?;
        let batch = s.batch.unwrap_or(n).min(n);
        net.reserve(batch);
        net.params.copy_from_slice(init);
        let cfg = TrainConfig {
            optimizer: s.optimizer.into(),
            learning_rate: lr,
            batch_size: batch,
            momentum: s.momentum,
            beta1: Some(0.9),
            beta2: Some(0.999),
            epsilon: Some(1e-7),
            ..TrainConfig::default()
        };
        let opt = Optimizer::new(&cfg, s.n_params)?;
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
                    crate::bail!("{}: label {c} is not a class 0..{k}", workload.name());
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

/// Ports of bench/data.mjs's generators and initial weights, for the tests
/// (the benchmark itself loads the dump). Every array equals the dump's
/// after rounding to f32 (checked on x86-64 Linux); `spiral` and `sine` call
/// sin/cos, which may differ from V8's in the last ulp on other platforms.
pub mod data {
    use super::Mulberry32;

    /// Fisher-Yates from the end, `j = floor(u·(i+1))`.
    pub fn permutation(n: usize, rng: &mut Mulberry32) -> Vec<usize> {
        let mut p: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (rng.next_f64() * (i + 1) as f64).floor() as usize;
            p.swap(i, j);
        }
        p
    }

    /// Playground `classifySpiralData(500, 0)` shuffled with seed 1001:
    /// (x rows of (x1, x2), labels ±1).
    pub fn spiral() -> (Vec<f32>, Vec<f32>) {
        let n = 250;
        let mut pts = Vec::with_capacity(2 * n);
        for (dt, label) in [(0.0, 1.0), (std::f64::consts::PI, -1.0)] {
            for i in 0..n {
                let r = i as f64 / n as f64 * 5.0;
                let t = 1.75 * i as f64 / n as f64 * 2.0 * std::f64::consts::PI + dt;
                pts.push((r * t.sin(), r * t.cos(), label));
            }
        }
        let perm = permutation(pts.len(), &mut Mulberry32::new(1001));
        let x = perm
            .iter()
            .flat_map(|&s| [pts[s].0 as f32, pts[s].1 as f32])
            .collect();
        let y = perm.iter().map(|&s| pts[s].2 as f32).collect();
        (x, y)
    }

    /// The harness's `linreg`: (x, y, x_test, y_test).
    pub fn linreg() -> [Vec<f32>; 4] {
        [
            vec![1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0],
            vec![1.0, 2.0, 3.0, 4.0],
            vec![5.0, 6.0, 6.0, 7.0],
            vec![5.0, 6.0],
        ]
    }

    /// Initial weights (`initParams`): the shapes in order; biases (rank 1)
    /// are 0.1 under `playground` and 0 under `glorot`; weights are
    /// u − 0.5 (`playground`) or (2u − 1)·√(6/(fan_in + fan_out)) (`glorot`).
    pub fn init(seed: u32, playground: bool, shapes: &[&[usize]]) -> Vec<f32> {
        let mut rng = Mulberry32::new(seed);
        let mut out = Vec::new();
        for shape in shapes {
            let size: usize = shape.iter().product();
            if shape.len() == 1 {
                out.extend(std::iter::repeat_n(
                    if playground { 0.1 } else { 0.0 },
                    size,
                ));
                continue;
            }
            let (fan_in, fan_out) = if shape.len() == 2 {
                (shape[0], shape[1])
            } else {
                let rf = shape[0] * shape[1];
                (rf * shape[2], rf * shape[3])
            };
            let limit = (6.0 / (fan_in + fan_out) as f64).sqrt();
            for _ in 0..size {
                let u = rng.next_f64();
                out.push(if playground {
                    (u - 0.5) as f32
                } else {
                    ((2.0 * u - 1.0) * limit) as f32
                });
            }
        }
        out
    }

    /// s[t] = sin(0.2t); window i = s[i..i+20] → s[i+20]; 1,000 windows
    /// shuffled with seed 5001.
    pub fn sine() -> (Vec<f32>, Vec<f32>) {
        let (n, win) = (1000, 20);
        let s: Vec<f64> = (0..n + win).map(|t| (0.2 * t as f64).sin()).collect();
        let perm = permutation(n, &mut Mulberry32::new(5001));
        let x = perm
            .iter()
            .flat_map(|&i| s[i..i + win].iter().map(|&v| v as f32))
            .collect();
        let y = perm.iter().map(|&i| s[i + win] as f32).collect();
        (x, y)
    }

    /// `mnistSynth(2000)`: 28×28 stroke digits, pixels byte/255, seed 3001.
    pub fn mnist_synth() -> (Vec<f32>, Vec<f32>) {
        const T: &[&[&[(f64, f64)]]] = &[
            &[&[
                (0.5, 0.1),
                (0.75, 0.2),
                (0.85, 0.5),
                (0.75, 0.8),
                (0.5, 0.9),
                (0.25, 0.8),
                (0.15, 0.5),
                (0.25, 0.2),
                (0.5, 0.1),
            ]],
            &[&[(0.35, 0.3), (0.5, 0.1), (0.5, 0.9)]],
            &[&[
                (0.25, 0.3),
                (0.4, 0.12),
                (0.65, 0.12),
                (0.75, 0.3),
                (0.25, 0.88),
                (0.78, 0.88),
            ]],
            &[&[
                (0.25, 0.12),
                (0.75, 0.12),
                (0.45, 0.45),
                (0.75, 0.65),
                (0.55, 0.88),
                (0.25, 0.82),
            ]],
            &[&[(0.65, 0.9), (0.65, 0.1), (0.22, 0.62), (0.82, 0.62)]],
            &[&[
                (0.75, 0.12),
                (0.3, 0.12),
                (0.28, 0.45),
                (0.65, 0.45),
                (0.75, 0.66),
                (0.6, 0.88),
                (0.25, 0.86),
            ]],
            &[&[
                (0.7, 0.12),
                (0.35, 0.45),
                (0.3, 0.75),
                (0.5, 0.88),
                (0.7, 0.72),
                (0.6, 0.52),
                (0.33, 0.56),
            ]],
            &[&[(0.22, 0.12), (0.78, 0.12), (0.4, 0.9)]],
            &[
                &[
                    (0.5, 0.1),
                    (0.7, 0.18),
                    (0.72, 0.32),
                    (0.5, 0.48),
                    (0.28, 0.32),
                    (0.3, 0.18),
                    (0.5, 0.1),
                ],
                &[
                    (0.5, 0.48),
                    (0.75, 0.6),
                    (0.78, 0.78),
                    (0.5, 0.9),
                    (0.22, 0.78),
                    (0.25, 0.6),
                    (0.5, 0.48),
                ],
            ],
            &[&[
                (0.7, 0.45),
                (0.42, 0.5),
                (0.28, 0.3),
                (0.5, 0.12),
                (0.72, 0.28),
                (0.7, 0.45),
                (0.6, 0.9),
            ]],
        ];
        let n = 2000;
        let mut rng = Mulberry32::new(3001);
        let order = permutation(n, &mut rng);
        let (mut x, mut y) = (Vec::with_capacity(n * 784), Vec::with_capacity(n));
        for &o in &order {
            let label = o % 10;
            y.push(label as f32);
            let scale = 0.85 + 0.3 * rng.next_f64();
            let t = (rng.next_f64() - 0.5) * 0.3;
            let tx = (rng.next_f64() - 0.5) * 4.0;
            let ty = (rng.next_f64() - 0.5) * 4.0;
            let thick = 1.5 + rng.next_f64();
            let c = (1.0 - t * t) / (1.0 + t * t);
            let s = (2.0 * t) / (1.0 + t * t);
            let mut segs = Vec::new();
            for line in T[label] {
                let pts: Vec<(f64, f64)> = line
                    .iter()
                    .map(|&(u, v)| {
                        let (px, py) = ((u - 0.5) * 20.0, (v - 0.5) * 20.0);
                        (
                            14.0 + scale * (c * px - s * py) + tx,
                            14.0 + scale * (s * px + c * py) + ty,
                        )
                    })
                    .collect();
                segs.extend(pts.windows(2).map(|w| (w[0], w[1])));
            }
            for r in 0..28 {
                for col in 0..28 {
                    let (qx, qy) = (col as f64 + 0.5, r as f64 + 0.5);
                    let mut best = f64::INFINITY;
                    for &((ax, ay), (bx, by)) in &segs {
                        let (abx, aby) = (bx - ax, by - ay);
                        let (apx, apy) = (qx - ax, qy - ay);
                        let len2 = abx * abx + aby * aby;
                        let u = if len2 > 0.0 {
                            (apx * abx + apy * aby) / len2
                        } else {
                            0.0
                        };
                        let u = u.clamp(0.0, 1.0);
                        let (dx, dy) = (apx - u * abx, apy - u * aby);
                        best = best.min(dx * dx + dy * dy);
                    }
                    let v = (thick / 2.0 + 0.5 - best.sqrt()).clamp(0.0, 1.0);
                    let v = (v + (rng.next_f64() - 0.5) * 0.2).clamp(0.0, 1.0);
                    // Math.round: halves go up.
                    let byte = (v * 255.0 + 0.5).floor();
                    x.push((byte / 255.0) as f32);
                }
            }
        }
        (x, y)
    }

    pub fn mnist_init() -> Vec<f32> {
        init(
            3002,
            false,
            &[
                &[5, 5, 1, 8],
                &[8],
                &[5, 5, 8, 16],
                &[16],
                &[256, 10],
                &[10],
            ],
        )
    }

    pub fn sine_init() -> Vec<f32> {
        init(5002, false, &[&[1, 16], &[16, 16], &[16], &[16, 1], &[1]])
    }

    pub fn playground_init() -> Vec<f32> {
        init(1002, true, &[&[2, 8], &[8], &[8, 8], &[8], &[8, 1], &[1]])
    }

    pub fn digits_init() -> Vec<f32> {
        init(2002, false, &[&[64, 32], &[32], &[32, 10], &[10]])
    }
}

#[cfg(feature = "bench")]
pub mod wasm {
    //! `BenchRun` for bench/descent.mjs: build once (untimed), then
    //! `reset()` + `train()` per rep; JS times `train()` alone.

    use super::{Bench, Workload};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub struct BenchRun {
        inner: Bench,
        grid: Vec<f32>,
        grid_out: Vec<f32>,
    }

    #[wasm_bindgen]
    impl BenchRun {
        /// `new BenchRun('playground-mlp', x, y, init, lr?)`.
        #[wasm_bindgen(constructor)]
        pub fn new(
            workload: &str,
            x: &[f32],
            y: &[f32],
            init: &[f32],
            lr: Option<f64>,
        ) -> Result<BenchRun, JsError> {
            let w = Workload::parse(workload).map_err(|e| JsError::new(e.message()))?;
            let inner = Bench::with_learning_rate(w, x, y, init, lr.unwrap_or(w.spec().lr))
                .map_err(|e| JsError::new(e.message()))?;
            Ok(BenchRun {
                inner,
                grid: Vec::new(),
                grid_out: Vec::new(),
            })
        }

        /// Steps in the full workload.
        pub fn steps(&self) -> u32 {
            self.inner.steps as u32
        }

        pub fn reset(&mut self) {
            self.inner.reset();
        }

        /// The full workload; returns the samples processed.
        pub fn train(&mut self) -> u32 {
            self.inner.train().samples as u32
        }

        /// The first `steps` steps; returns the samples processed.
        pub fn train_steps(&mut self, steps: u32) -> u32 {
            self.inner.train_steps(steps as usize).samples as u32
        }

        /// `[loss, accuracy]` over (x, y); accuracy NaN for regression.
        pub fn evaluate(&mut self, x: &[f32], y: &[f32]) -> Vec<f64> {
            let e = self.inner.evaluate(x, y);
            vec![e.loss, e.accuracy.unwrap_or(f64::NAN)]
        }

        /// The training set's `[loss, accuracy]`.
        pub fn evaluate_train(&mut self) -> Vec<f64> {
            let e = self.inner.evaluate_train();
            vec![e.loss, e.accuracy.unwrap_or(f64::NAN)]
        }

        /// Store the grid (rows of x1, x2) for `grid_predict`.
        pub fn set_grid(&mut self, grid: &[f32]) {
            self.grid = grid.to_vec();
            self.grid_out = vec![0.0; grid.len() / self.inner.workload.spec().features];
        }

        /// One batched forward over the stored grid, read back as a
        /// Float32Array (the counterpart of tfjs's predict + dataSync).
        pub fn grid_predict(&mut self) -> Vec<f32> {
            self.inner.grid_predict(&self.grid, &mut self.grid_out);
            self.grid_out.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linreg(lr: f64) -> (Bench, [Vec<f32>; 4]) {
        let d = data::linreg();
        let b =
            Bench::with_learning_rate(Workload::SeedLinreg, &d[0], &d[1], &[0.0; 3], lr).unwrap();
        (b, d)
    }

    #[test]
    fn w4_first_step_by_hand() {
        // z = 0, dL/dz = 2(z − y)/4 = [−0.5, −1, −1.5, −2];
        // dW = Xᵀ·dz = [−15, −20], db = −5; lr 0.01 → w = [0.15, 0.2], b = 0.05.
        let (mut b, _) = linreg(0.01);
        assert_eq!(
            b.train_steps(1),
            Counts {
                steps: 1,
                samples: 4
            }
        );
        let want = [0.15, 0.2, 0.05];
        for (p, w) in b.params().iter().zip(want) {
            assert!((p - w).abs() < 1e-7, "{:?}", b.params());
        }
    }

    #[test]
    fn w4_matches_the_peers() {
        // RESULTS.md: every peer ends at MSE 5.731e-5, test MSE 2.894e-4.
        let (mut b, d) = linreg(0.01);
        assert_eq!(b.train().steps, 1000);
        let e = b.evaluate_train();
        assert!((e.loss - 5.731e-5).abs() < 0.005e-5, "{e:?}");
        assert_eq!(e.accuracy, None);
        let t = b.evaluate(&d[2], &d[3]);
        assert!((t.loss - 2.894e-4).abs() < 0.005e-4, "{t:?}");
        // A second run from reset() does the same work.
        b.reset();
        b.train();
        assert_eq!(b.evaluate_train(), e);
        // lr 0.1 diverges for every peer (max Hessian eigenvalue ~43.8 > 2/0.1).
        let (mut b, _) = linreg(0.1);
        b.train();
        let l = b.evaluate_train().loss;
        assert!(!(l.is_finite() && l < 1.0), "lr 0.1 should diverge: {l}");
    }

    #[test]
    fn w1_matches_the_peers() {
        let (x, y) = data::spiral();
        let init = data::playground_init();
        // The harness's first weights (init-playground-mlp.csv).
        assert_eq!(init[0], -0.066_342_32);
        assert_eq!(init[16], 0.1);
        let mut b = Bench::new(Workload::PlaygroundMlp, &x, &y, &init).unwrap();
        // Before training: the tanh net on raw inputs.
        let e0 = b.evaluate_train();
        let c = b.train();
        assert_eq!(
            c,
            Counts {
                steps: 2000,
                samples: 20_000
            }
        );
        // RESULTS.md: final ½(o−t)² 0.4694, accuracy 0.598 for every peer.
        let e = b.evaluate_train();
        assert!((e.loss - 0.4694).abs() < 5e-4, "{e:?} (start {e0:?})");
        assert!((e.accuracy.unwrap() - 0.598).abs() < 0.0025, "{e:?}");

        // The grid is one batched forward: same outputs as row by row.
        let grid = playground_grid();
        assert_eq!(&grid[..4], &[-6.0, -6.0, -6.0, (-6.0 + 12.0 / 99.0) as f32]);
        let mut out = vec![0.0; 10_000];
        b.grid_predict(&grid, &mut out);
        let rows = b.predict(&grid);
        assert_eq!(out, rows);
        assert!(out.iter().all(|o| o.abs() <= 1.0));
    }

    #[test]
    fn w2_matches_the_peers() {
        // sklearn digits / 16, shuffled with mulberry32(2001): bit-exact.
        let raw = crate::data::digits::digits().unwrap();
        let perm = data::permutation(raw.y.len(), &mut Mulberry32::new(2001));
        let x: Vec<f32> = perm
            .iter()
            .flat_map(|&s| raw.x.row(s).iter().map(|&p| p / 16.0).collect::<Vec<_>>())
            .collect();
        let y: Vec<f32> = perm.iter().map(|&s| raw.y[s]).collect();
        let mut b = Bench::new(Workload::DigitsMlp, &x, &y, &data::digits_init()).unwrap();
        let c = b.train();
        assert_eq!(
            c,
            Counts {
                steps: 285,
                samples: 5 * 1797
            }
        );
        // RESULTS.md: cross-entropy 0.2770, train accuracy 0.9432.
        let e = b.evaluate_train();
        assert!((e.loss - 0.2770).abs() < 5e-4, "{e:?}");
        assert!((e.accuracy.unwrap() - 0.9432).abs() < 0.0015, "{e:?}");
    }

    #[test]
    fn w3_matches_the_peers() {
        let (x, y) = data::mnist_synth();
        let mut b = Bench::new(Workload::MnistCnn, &x, &y, &data::mnist_init()).unwrap();
        let c = b.train();
        assert_eq!(
            c,
            Counts {
                steps: 100,
                samples: 2000
            }
        );
        // RESULTS.md: cross-entropy 0.08760, train accuracy 0.976.
        let e = b.evaluate_train();
        assert!((e.loss - 0.08760).abs() < 2e-4, "{e:?}");
        assert!((e.accuracy.unwrap() - 0.976).abs() < 0.0015, "{e:?}");
    }

    #[test]
    fn w5_matches_the_peers() {
        let (x, y) = data::sine();
        let mut b = Bench::new(Workload::SineRnn, &x, &y, &data::sine_init()).unwrap();
        assert_eq!(b.train().steps, 160);
        // RESULTS.md: MSE 2.419e-5.
        let e = b.evaluate_train();
        assert!((e.loss - 2.419e-5).abs() < 0.01e-5, "{e:?}");
    }

    #[test]
    fn bad_inputs_are_errors() {
        let d = data::linreg();
        assert!(Bench::new(Workload::SeedLinreg, &d[0], &d[1], &[0.0; 2]).is_err());
        assert!(Bench::new(Workload::SeedLinreg, &d[0][..7], &d[1], &[0.0; 3]).is_err());
        assert!(Bench::new(
            Workload::DigitsMlp,
            &[0.0; 64],
            &[10.0],
            &data::digits_init()
        )
        .is_err());
        assert!(Workload::parse("nope").is_err());
        for w in Workload::ALL {
            assert_eq!(Workload::parse(w.name()), Ok(w));
        }
        assert_eq!(Workload::DigitsMlp.steps(1797), 285);
        assert_eq!(Workload::SineRnn.steps(1000), 160);
        assert_eq!(Workload::MnistCnn.steps(2000), 100);
    }
}
