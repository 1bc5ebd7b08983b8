//! A training session: data prepared once (split, features, normalization
//! fitted on the training rows), a network, a loss and an optimizer, and the
//! loop that trains them. This is the plain-Rust face of everything the page
//! can do; `web` only converts its inputs and outputs.

use crate::config::Config;
use crate::data::{self, features::FeatureMap, normalize::Normalizer, Task};
use crate::error::{Error, Result};
use crate::export::{self, ModelFile, NormalizationFile, ParamFile};
use crate::layers::Layer;
use crate::loss::{Loss, Output};
use crate::metrics;
use crate::network::{self, Network};
use crate::optim::Optimizer;
use crate::rng::{self, Rng};
use ndarray::Array2;
use serde::Serialize;

mod build;
mod early;
mod evaluate;
mod files;
mod inspect;
mod surface;
mod trace;

/// Rows evaluated per forward pass when scoring a whole split.
const EVAL_CHUNK: usize = 256;
/// A loss this many times the starting loss means training has blown up.
const EXPLODE_FACTOR: f64 = 1e4;
/// At most this many history points are kept (older ones are thinned).
const HISTORY_CAP: usize = 2_048;
/// `layer_outputs` rows at most (a 100×100 grid).
pub const MAX_LAYER_ROWS: usize = 10_000;

pub use inspect::{LayerOutput, ParamView};
use surface::Trajectory;
pub use surface::{Plane, Surface, MAX_RESOLUTION};
pub use trace::{Batch, GradientCheck, LayerTrace, Tensor, Trace, Worst};

/// One split, ready for the network.
#[derive(Debug, Clone)]
pub struct Split {
    /// Raw rows, as the data set gave them (for plotting and `split()`).
    pub raw: Array2<f32>,
    /// Model inputs: features, then normalization.
    pub x: Array2<f32>,
    /// Training targets, `outputs` values a row (one-hot for k classes).
    pub t: Vec<f32>,
    /// The data set's own target per row (value or class index).
    pub y: Vec<f32>,
}

impl Split {
    pub fn rows(&self) -> usize {
        self.y.len()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrainReport {
    pub step: u64,
    pub epoch: u64,
    pub train_loss: Option<f64>,
    pub val_loss: Option<f64>,
    pub train_accuracy: Option<f64>,
    pub val_accuracy: Option<f64>,
    pub diverged: bool,
    /// `train.earlyStopping` stopped training (nothing trains until a reset).
    pub early_stopped: bool,
    /// The best checkpoint's step and validation loss (early stopping only).
    pub best_step: Option<u64>,
    pub best_val_loss: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    pub loss: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confusion: Option<Vec<Vec<u32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mse: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mae: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r2: Option<f64>,
    pub rows: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub task: &'static str,
    pub inputs: usize,
    pub outputs: usize,
    pub classes: Vec<String>,
    pub input_names: Vec<String>,
    pub feature_names: Vec<String>,
    pub train_size: usize,
    pub val_size: usize,
    pub test_size: usize,
    pub parameters: usize,
    pub loss: &'static str,
    pub optimizer: &'static str,
    pub learning_rate: f32,
    /// The mini-batch each update takes.
    pub batch_size: usize,
    /// Floating-point operations of one training step: forward and
    /// backward passes (backward ≈ 2 × forward) over one mini-batch, a
    /// multiply-add counting 2; the optimizer's own few per weight aside.
    pub flops_per_step: u64,
    pub domain: Option<f32>,
    pub input_shape: Option<Vec<usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csv_report: Option<data::csv::CsvReport>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LeastSquares {
    pub weights: Vec<f64>,
    pub bias: f64,
    pub train_mse: f64,
    pub test_mse: Option<f64>,
    /// The largest full-batch learning rate that converges on the training
    /// split (2/λ_max of the loss's Hessian, linalg::max_stable_rate).
    pub max_stable_rate: f64,
    /// The fit's prediction for each training and test row (crosses as
    /// Float32Arrays, so not serialized here).
    #[serde(skip)]
    pub train_predictions: Vec<f32>,
    #[serde(skip)]
    pub test_predictions: Option<Vec<f32>>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct History {
    pub step: Vec<u64>,
    pub train_loss: Vec<Option<f64>>,
    pub val_loss: Vec<Option<f64>>,
    /// Classification only (null for regression).
    pub train_accuracy: Vec<Option<f64>>,
    pub val_accuracy: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Train,
    Val,
    Test,
}

impl Which {
    pub fn parse(s: &str) -> Result<Which> {
        match s {
            "train" => Ok(Which::Train),
            "val" => Ok(Which::Val),
            "test" => Ok(Which::Test),
            other => Err(Error::unknown_choice(
                "split",
                other,
                &["train", "val", "test"],
            )),
        }
    }
}

pub struct Session {
    config: Config,
    csv_report: Option<data::csv::CsvReport>,
    task: Task,
    input_names: Vec<String>,
    domain: Option<f32>,
    image_shape: Option<[usize; 3]>,
    features: FeatureMap,
    normalizer: Normalizer,
    train: Split,
    val: Split,
    test: Split,
    net: Network,
    output: Output,
    loss: Loss,
    opt: Optimizer,
    shuffle_rng: Rng,
    order: Vec<usize>,
    cursor: usize,
    batch: usize,
    targets: Vec<f32>,
    step: u64,
    epoch: u64,
    diverged: bool,
    divergence: Option<Error>,
    start_loss: f64,
    history: History,
    trajectory: Trajectory,
    early: Option<early::Early>,
    /// The dropout generators as the session was built (`restart_from`).
    fresh_rngs: Vec<Rng>,
}

impl Session {
    /// Run `steps` mini-batch updates, then score the whole training and
    /// validation splits. Stops early, and stays stopped, once diverged.
    pub fn train(&mut self, steps: u32) -> TrainReport {
        self.train_steps(steps);
        self.score_report()
    }

    /// Score the whole training and validation splits now (and record the
    /// point in the history).
    pub fn score_report(&mut self) -> TrainReport {
        let report = self.report();
        self.record(&report);
        report
    }

    /// `steps` updates without scoring the splits: for a caller that trains
    /// in small slices (to stay responsive) and scores less often.
    /// Returns whether training has diverged.
    pub fn train_steps(&mut self, steps: u32) -> bool {
        for _ in 0..steps {
            if self.diverged || self.early_stopped() {
                break;
            }
            let loss = self.step_once();
            if self.cursor >= self.train.rows() {
                self.epoch_end();
            }
            self.watch(loss);
        }
        self.diverged
    }

    /// Whether the step that just made batch loss `loss` diverged: a loss
    /// that is not finite or passed 10,000× the starting loss, or a weight
    /// that is not finite. Training stops there, with the reason.
    fn watch(&mut self, loss: f64) {
        let limit = EXPLODE_FACTOR * self.start_loss.max(1.0);
        let why = if !loss.is_finite() {
            Some((None, "loss-not-finite"))
        } else if loss > limit {
            Some((Some(loss), "loss-exploded"))
        } else if !self.net.params_finite() {
            Some((None, "weight-not-finite"))
        } else {
            None
        };
        if let Some((loss, reason)) = why {
            self.diverged = true;
            let lr = self.config.train.learning_rate;
            let limit = loss.map(|_| limit);
            self.divergence = Some(Error::diverged(self.step, lr, loss, limit, reason));
        }
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Why training stopped (`None` while it has not diverged): the
    /// `diverged` error, with the step, the learning rate, and what was not
    /// finite or how far the loss grew.
    pub fn divergence(&self) -> Option<&Error> {
        self.divergence.as_ref()
    }

    /// One mini-batch update; returns the batch's loss. Three pieces, which
    /// `trace` and `gradient_check` (session/trace.rs) share so that what
    /// they show is what training does: take the next batch's rows
    /// (`next_window`), the gradient training uses (`load_rows`,
    /// `backprop`, `clip`), then the optimizer's update (`update`).
    fn step_once(&mut self) -> f64 {
        let (wrap, start, end) = next_window(self.cursor, self.batch, self.train.rows());
        if wrap {
            self.epoch += 1;
            rng::shuffle(&mut self.shuffle_rng, &mut self.order);
        }
        self.cursor = end;
        let rows = end - start;
        let (d, k) = (self.net.inputs(), self.net.outputs());
        load_rows(
            &self.train,
            &self.order[start..end],
            self.net.input_mut(rows),
            &mut self.targets,
            d,
            k,
        );
        self.update(rows)
    }

    /// The step on the `rows` rows loaded in the network's input and
    /// `targets`: the gradient training uses, the optimizer's update (its
    /// state and step count advance), the step counted and the weights
    /// kept for the path. Returns the batch's loss.
    fn update(&mut self, rows: usize) -> f64 {
        let loss = self.backprop(rows);
        self.clip();
        self.opt.step(&mut self.net.params, &self.net.grads);
        self.step += 1;
        self.record_trajectory();
        loss
    }

    /// Forward (training mode: dropout masks), the batch's mean loss and
    /// dL/dlogits, backward into `net.grads`, plus the L1/L2 penalty's
    /// gradient: ∇(loss + penalty) for the `rows` rows loaded in the input
    /// buffer and `targets`. Returns the mean data loss (the penalty is not
    /// in it, as TensorFlow Playground reports).
    fn backprop(&mut self, rows: usize) -> f64 {
        let k = self.net.outputs();
        self.net.set_training(true);
        self.net.forward(rows);
        self.net.zero_grads();
        let (z, g) = self.net.output_and_grad(rows);
        let loss = self.loss.forward_backward(z, &self.targets, g, rows, k);
        self.net.backward(rows, false);
        self.net.set_training(false);
        let t = &self.config.train;
        self.net.regularize(t.l1 as f32, t.l2 as f32);
        loss
    }

    /// `train.clipNorm`, if set, on the gradient `backprop` left; returns
    /// the factor it scaled the gradient by (1 when it did not clip).
    fn clip(&mut self) -> f32 {
        match self.config.train.clip_norm {
            Some(c) => {
                let norm = network::clip_grad_norm(&mut self.net.grads, c as f32);
                network::clip_scale(norm, c as f32)
            }
            None => 1.0,
        }
    }

    fn report(&mut self) -> TrainReport {
        let (train_loss, train_accuracy) = self.score(Which::Train);
        let (val_loss, val_accuracy) = if self.val.rows() > 0 {
            self.score(Which::Val)
        } else {
            (None, None)
        };
        TrainReport {
            step: self.step,
            epoch: self.epoch,
            train_loss,
            val_loss,
            train_accuracy,
            val_accuracy,
            diverged: self.diverged,
            early_stopped: self.early_stopped(),
            best_step: self.best().map(|b| b.0),
            best_val_loss: self.best().map(|b| b.1),
        }
    }

    fn record(&mut self, r: &TrainReport) {
        let h = &mut self.history;
        if h.step.last() == Some(&r.step) {
            return;
        }
        h.step.push(r.step);
        h.train_loss.push(r.train_loss);
        h.val_loss.push(r.val_loss);
        h.train_accuracy.push(r.train_accuracy);
        h.val_accuracy.push(r.val_accuracy);
        if h.step.len() >= HISTORY_CAP {
            // Keep every other point, in place: the curve's shape survives
            // and the vectors never grow past their first allocation, so
            // wasm memory stays flat however long training runs.
            thin(&mut h.step);
            thin(&mut h.train_loss);
            thin(&mut h.val_loss);
            thin(&mut h.train_accuracy);
            thin(&mut h.val_accuracy);
        }
    }

    fn split(&self, w: Which) -> &Split {
        match w {
            Which::Train => &self.train,
            Which::Val => &self.val,
            Which::Test => &self.test,
        }
    }

    /// (mean loss, accuracy) over a whole split, in chunks, no allocation.
    fn score(&mut self, w: Which) -> (Option<f64>, Option<f64>) {
        let (d, k) = (self.net.inputs(), self.net.outputs());
        let classes = self.task.classes();
        let split = match w {
            Which::Train => &self.train,
            Which::Val => &self.val,
            Which::Test => &self.test,
        };
        let n = split.rows();
        if n == 0 {
            return (None, None);
        }
        let x = split.x.as_slice().unwrap_or(&[]);
        let (mut sum, mut right) = (0.0f64, 0usize);
        let mut start = 0;
        while start < n {
            let rows = (n - start).min(EVAL_CHUNK);
            self.net
                .input_mut(rows)
                .copy_from_slice(&x[start * d..(start + rows) * d]);
            let z = self.net.forward(rows);
            let t = &split.t[start * k..(start + rows) * k];
            sum += self.loss.sum(z, t, rows, k);
            if classes > 0 {
                for (r, zr) in z.chunks(k).enumerate() {
                    // Argmax of logits = argmax of probabilities; one logit: z > 0 ⇔ p > ½.
                    let p = if k == 1 {
                        (zr[0] > 0.0) as usize
                    } else {
                        metrics::predicted_class(zr)
                    };
                    right += (p == split.y[start + r] as usize) as usize;
                }
            }
            start += rows;
        }
        let loss = sum / n as f64;
        let acc = (classes > 0).then(|| right as f64 / n as f64);
        (loss.is_finite().then_some(loss), acc)
    }

    /// Predictions (after the output function) for model-input rows `x`.
    fn predict_inputs(&mut self, x: &[f32], rows: usize) -> Vec<f32> {
        let (d, k) = (self.net.inputs(), self.net.outputs());
        let mut out = vec![0.0f32; rows * k];
        let mut start = 0;
        while start < rows {
            let r = (rows - start).min(self.net.capacity());
            self.net
                .input_mut(r)
                .copy_from_slice(&x[start * d..(start + r) * d]);
            let z = self.net.forward(r);
            let o = &mut out[start * k..(start + r) * k];
            o.copy_from_slice(z);
            self.output.apply(o, k);
            start += r;
        }
        out
    }

    /// Raw rows in the data set's own columns → outputs per row: the value
    /// (regression), P(class 1) (two classes), or k probabilities.
    pub fn predict(&mut self, x: &[f32]) -> Result<Vec<f32>> {
        let (inputs, rows) = self.model_inputs(x, "predict(x)")?;
        Ok(self.predict_inputs(&inputs, rows))
    }

    /// Raw rows → model inputs (features, then the training normalization);
    /// `call` names the argument in errors.
    fn model_inputs(&self, x: &[f32], call: &str) -> Result<(Vec<f32>, usize)> {
        let d_raw = self.input_names.len();
        if d_raw == 0 || !x.len().is_multiple_of(d_raw) {
            return Err(Error::shape(call, d_raw, &self.input_names, x.len()));
        }
        if let Some(i) = x.iter().position(|v| !v.is_finite()) {
            return Err(Error::not_finite(&format!("{call}[{i}]")));
        }
        let rows = x.len() / d_raw;
        let w = self.features.width();
        let mut inputs = vec![0.0f32; rows * w];
        for (raw, out) in x.chunks(d_raw).zip(inputs.chunks_mut(w)) {
            self.features.apply_row(raw, out);
            self.normalizer.apply_row(out);
        }
        Ok((inputs, rows))
    }

    pub fn set_learning_rate(&mut self, lr: f64) -> Result<()> {
        // Named as in a config: the page words one field, however it was set.
        crate::config::check_learning_rate("train.learningRate", lr)?;
        self.opt.set_learning_rate(lr as f32);
        self.config.train.learning_rate = lr;
        Ok(())
    }

    pub fn info(&self) -> Info {
        Info {
            task: self.task.name(),
            inputs: self.input_names.len(),
            outputs: self.net.outputs(),
            classes: match &self.task {
                Task::Classification(c) => c.clone(),
                Task::Regression => vec![],
            },
            input_names: self.input_names.clone(),
            feature_names: self.features.names(),
            train_size: self.train.rows(),
            val_size: self.val.rows(),
            test_size: self.test.rows(),
            parameters: self.net.params.len(),
            loss: self.loss.name(),
            optimizer: self.opt.name(),
            learning_rate: self.opt.learning_rate(),
            batch_size: self.batch,
            flops_per_step: 3
                * self.batch as u64
                * self.net.layers.iter().map(|l| l.flops()).sum::<u64>(),
            domain: self.domain,
            input_shape: self.image_shape.map(|s| s.to_vec()),
            csv_report: self.csv_report.clone(),
        }
    }

    /// Every parameter tensor, in layer order, with its layer, kind and role.
    pub fn parameters(&self) -> Vec<ParamView<'_>> {
        self.net
            .param_specs()
            .iter()
            .map(|s| ParamView::new(s, &self.net.params))
            .collect()
    }

    /// Raw rows and targets of a split, for plotting.
    pub fn split_data(&self, which: &str) -> Result<(&Array2<f32>, &[f32])> {
        let s = self.split(Which::parse(which)?);
        Ok((&s.raw, &s.y))
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn step_count(&self) -> u64 {
        self.step
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn network(&self) -> &Network {
        &self.net
    }
}

/// Where the next batch lies in the shuffled order, for a cursor at
/// `cursor` in `n` training rows: `(wrap, start, end)`. `wrap` means the
/// epoch is over: the order is reshuffled first and the batch starts at 0.
/// A batch never spans two epochs (the last one of an epoch may be short).
fn next_window(cursor: usize, batch: usize, n: usize) -> (bool, usize, usize) {
    let wrap = cursor >= n;
    let start = if wrap { 0 } else { cursor };
    (wrap, start, (start + batch).min(n))
}

/// Copy training rows `idx` of `split` into a network's input buffer
/// (`d` values a row) and their targets (`k` a row) into `targets`.
fn load_rows(
    split: &Split,
    idx: &[usize],
    input: &mut [f32],
    targets: &mut [f32],
    d: usize,
    k: usize,
) {
    let x = split.x.as_slice().unwrap_or(&[]);
    for (r, &i) in idx.iter().enumerate() {
        input[r * d..(r + 1) * d].copy_from_slice(&x[i * d..(i + 1) * d]);
        targets[r * k..(r + 1) * k].copy_from_slice(&split.t[i * k..(i + 1) * k]);
    }
}

/// Keep elements 0, 2, 4, … in place.
fn thin<T: Copy>(v: &mut Vec<T>) {
    let n = v.len().div_ceil(2);
    for i in 0..n {
        v[i] = v[2 * i];
    }
    v.truncate(n);
}

impl Session {
    /// Start from `params` instead of the drawn initial weights (a race's
    /// lanes share lane 1's). Only before the first step, and only for a
    /// vector of this network's length.
    pub(crate) fn start_from(&mut self, params: &[f32]) -> Result<()> {
        if self.step != 0 || params.len() != self.net.params.len() {
            return Err(Error::internal(
                "initial weights can only be set before training, for the same network",
            ));
        }
        self.restart_from(params);
        Ok(())
    }

    /// The weights set to `values` (every parameter, in `parameters()`
    /// order), and training restarted from there as a new session would
    /// start (step 0, a fresh optimizer, history and path; see
    /// `restart_from`): the learner's own starting point on the landscape.
    /// Refuses a vector of another length, or a value that is not a
    /// finite number, and then changes nothing.
    pub fn set_parameters(&mut self, values: &[f32]) -> Result<()> {
        let n = self.net.params.len();
        if values.len() != n {
            return Err(Error::length("setParameters(values)", values.len(), n, n));
        }
        if let Some(i) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::not_finite(&format!("setParameters(values)[{i}]")));
        }
        self.restart_from(values);
        Ok(())
    }
}
