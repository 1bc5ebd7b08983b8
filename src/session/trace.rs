//! One training step, looked at without taking it: `trace` shows what the
//! next (or any) mini-batch does inside the model, and `gradient_check`
//! checks its gradient against finite differences.
//!
//! Both run the training step's own pieces (`next_window`, `load_rows`,
//! `backprop`, `clip`, `Optimizer::step`; see `Session::step_once`), not a
//! second implementation, and leave the session exactly as it was: the
//! cursor, epoch, shuffled order and its generator, the weights, the
//! optimizer's state and the dropout generators. Only scratch buffers
//! (activations, gradients) are overwritten, which the next step rewrites
//! anyway.
//!
//! Dropout: a trace runs in training mode, as a step does, and draws the
//! very masks the next `train(1)` will draw (the dropout generators are put
//! back afterwards). So `trace(Batch::Next)` is bit-exact with dropout too,
//! and the gradient check differentiates the loss under one fixed mask.

use super::build::STREAM_CHECK;
use super::*;
use crate::error::Bounds;
use crate::layers::LayerKind;

/// Rows a trace or gradient check takes at most.
pub const MAX_TRACE_ROWS: usize = MAX_LAYER_ROWS;
/// Parameters a gradient check differentiates at most; a larger model gets
/// a seeded sample of this many.
pub const MAX_CHECKED: usize = 2_000;
/// The relative error's floor: |a − n| / max(|a| + |n|, FLOOR). A bound of
/// 1e-3 on it is then "relative 1e-3, or absolute 1e-6 near zero".
pub const CHECK_FLOOR: f64 = 1e-3;

/// Which training rows a trace looks at.
#[derive(Debug, Clone, PartialEq)]
pub enum Batch {
    /// Exactly the mini-batch the next `train(1)` takes (across an epoch's
    /// end too: the reshuffle it would make is made on a copy).
    Next,
    /// Training rows by index (into `split('train')`), in this order.
    Rows(Vec<usize>),
}

/// A named tensor, in `parameters()` order and naming.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    pub name: String,
    pub shape: Vec<usize>,
    pub values: Vec<f32>,
}

/// One layer of the network during the traced step. Layers are the
/// network's own list, so an activation is a layer of its own: for
/// dense → tanh, the dense layer's `outputs` are z = x·W + b and the tanh
/// layer's `inputs` are that z, its `outputs` a = tanh(z).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerTrace {
    /// `dense0`, `tanh1`, `conv2d0`, as `layer_outputs` names them.
    pub name: String,
    pub kind: LayerKind,
    /// Per-row output shape.
    pub shape: Vec<usize>,
    /// rows × the layer's input width.
    pub inputs: Vec<f32>,
    /// What the layer's non-linearity is applied to: an activation layer's
    /// inputs (z); an RNN's last pre-activation a_T (its output is
    /// tanh(a_T)); for every other layer its outputs (dense and conv2d are
    /// affine, so their output is the z the next activation layer takes;
    /// maxpool, flatten and dropout have no activation).
    pub pre_activations: Vec<f32>,
    /// rows × the layer's output width.
    pub outputs: Vec<f32>,
    /// δ = ∂J/∂(this layer's outputs), J the batch's mean data loss (the
    /// penalty does not depend on them), before any clipping: for a dense
    /// layer followed by an activation, ∂J/∂z, the textbook δ; for the
    /// activation layer, ∂J/∂a.
    pub delta: Vec<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The batch's mean data loss (what `train` calls the batch loss).
    pub loss: f64,
    /// The training rows traced, in order.
    pub rows: Vec<usize>,
    pub layers: Vec<LayerTrace>,
    /// The gradient the optimizer is given: ∇(loss + penalty), clipped by
    /// `train.clipNorm` if set.
    pub gradients: Vec<Tensor>,
    /// The change the optimizer makes with that gradient now, with its
    /// current state (moments, step count, bias correction): new − old.
    pub update: Vec<Tensor>,
    /// The penalty's part of `gradients` alone: s·(l1·sign(w) + l2·w) on
    /// weights, 0 on biases, s the clipping factor (1 without clipping), so
    /// gradients − penalty is the data loss's part.
    pub penalty: Vec<Tensor>,
}

/// The parameter whose analytic and numeric gradients disagree most.
#[derive(Debug, Clone, PartialEq)]
pub struct Worst {
    /// Its tensor's name, and its index in that tensor (row-major).
    pub name: String,
    pub index: usize,
    pub analytic: f64,
    pub numeric: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GradientCheck {
    /// max over the checked parameters of |a − n| / max(|a| + |n|, 1e-3).
    pub max_relative_error: f64,
    /// Parameters checked (all, or a seeded sample of `MAX_CHECKED`).
    pub checked: usize,
    pub worst: Option<Worst>,
}

impl Session {
    /// The training rows `batch` names, checked.
    fn batch_rows(&self, batch: &Batch, what: &str) -> Result<Vec<usize>> {
        let n = self.train.rows();
        if !self.net.params_finite() {
            return Err(Error::unavailable(what, "diverged"));
        }
        match batch {
            Batch::Next => {
                if self.diverged || self.early_stopped() {
                    let why = if self.diverged {
                        "diverged-next"
                    } else {
                        "stopped-next"
                    };
                    return Err(Error::unavailable(what, why));
                }
                let (wrap, start, end) = next_window(self.cursor, self.batch, n);
                if wrap {
                    // The reshuffle the next step makes, on copies.
                    let mut order = self.order.clone();
                    rng::shuffle(&mut self.shuffle_rng.clone(), &mut order);
                    Ok(order[start..end].to_vec())
                } else {
                    Ok(self.order[start..end].to_vec())
                }
            }
            Batch::Rows(rows) => {
                if rows.is_empty() || rows.len() > MAX_TRACE_ROWS {
                    let field = format!("{what}: rows");
                    return Err(Error::length(&field, rows.len(), 1, MAX_TRACE_ROWS));
                }
                if let Some((i, &r)) = rows.iter().enumerate().find(|(_, &r)| r >= n) {
                    // A training row's index: 0 to rows − 1.
                    let rows = Bounds::between(0.0, n.saturating_sub(1) as f64);
                    return Err(Error::range(&format!("{what}: rows[{i}]"), r as f64, rows));
                }
                Ok(rows.clone())
            }
        }
    }

    /// Put training rows `idx` in the network's input and `targets`.
    fn load_batch(&mut self, idx: &[usize]) {
        let rows = idx.len();
        let (d, k) = (self.net.inputs(), self.net.outputs());
        self.net.reserve(rows);
        if self.targets.len() < rows * k {
            self.targets.resize(rows * k, 0.0);
        }
        load_rows(
            &self.train,
            idx,
            self.net.input_mut(rows),
            &mut self.targets,
            d,
            k,
        );
    }

    /// Everything one training step on `batch` computes, without taking it.
    pub fn trace(&mut self, batch: &Batch) -> Result<Trace> {
        let idx = self.batch_rows(batch, "trace")?;
        let rows = idx.len();
        self.load_batch(&idx);
        let saved = self.net.save_rngs();
        let loss = self.backprop(rows);
        let scale = self.clip();
        self.net.restore_rngs(&saved);

        let shapes = self.net.layer_output_shapes();
        let net = &self.net;
        let layers = net
            .layers
            .iter()
            .enumerate()
            .map(|(i, layer)| {
                let inputs = net.activation(i, rows).to_vec();
                let outputs = net.activation(i + 1, rows).to_vec();
                let pre_activations = match layer {
                    Layer::Act(..) => inputs.clone(),
                    Layer::Rnn(r) => r.last_pre_activation(&net.params, &inputs, rows),
                    _ => outputs.clone(),
                };
                LayerTrace {
                    name: format!("{}{i}", layer.name()),
                    kind: layer.kind(),
                    shape: shapes[i + 1].clone(),
                    inputs,
                    pre_activations,
                    outputs,
                    delta: net.delta(i + 1, rows).to_vec(),
                }
            })
            .collect();

        let t = &self.config.train;
        let mut penalty = vec![0.0f32; net.params.len()];
        network::add_penalty_grad(
            net.param_specs(),
            &net.params,
            &mut penalty,
            t.l1 as f32,
            t.l2 as f32,
        );
        penalty.iter_mut().for_each(|p| *p *= scale);
        // The optimizer's step on copies of itself and the weights.
        let mut after = net.params.clone();
        self.opt.clone().step(&mut after, &net.grads);
        let update: Vec<f32> = after.iter().zip(&net.params).map(|(a, b)| a - b).collect();

        Ok(Trace {
            loss,
            rows: idx,
            layers,
            gradients: self.tensors(&net.grads),
            update: self.tensors(&update),
            penalty: self.tensors(&penalty),
        })
    }

    /// A flat parameter-sized vector cut into `parameters()`' tensors.
    fn tensors(&self, flat: &[f32]) -> Vec<Tensor> {
        self.net
            .param_specs()
            .iter()
            .map(|s| {
                let n: usize = s.shape.iter().product();
                Tensor {
                    name: s.name.clone(),
                    shape: s.shape.clone(),
                    values: flat[s.offset..s.offset + n].to_vec(),
                }
            })
            .collect()
    }

    /// The analytic gradient of J = (batch's mean loss) + penalty, as
    /// `backprop` computes it for training (before clipping, which rescales
    /// it and is no derivative), against the five-point central difference
    /// (8(J(θ+ε) − J(θ−ε)) − (J(θ+2ε) − J(θ−2ε))) / 12ε for every parameter
    /// (a seeded sample of `MAX_CHECKED` in a larger model). Every
    /// parameter is put back exactly. The forward pass is f32 (with a
    /// tanh 3.5e-7 from exact), so ε = 1e-2 to 5e-2 is best; a max pool
    /// or ReLU kink within 2ε of the point makes the difference no
    /// derivative (the worst entry shows where).
    pub fn gradient_check(&mut self, batch: &Batch, epsilon: f64) -> Result<GradientCheck> {
        if !(epsilon.is_finite() && epsilon > 0.0 && epsilon <= 1.0) {
            let bounds = Bounds::positive(Some(1.0));
            return Err(Error::range("gradientCheck: epsilon", epsilon, bounds));
        }
        let idx = self.batch_rows(batch, "gradientCheck")?;
        let rows = idx.len();
        self.load_batch(&idx);
        let saved = self.net.save_rngs();
        self.backprop(rows);
        self.net.restore_rngs(&saved);
        let analytic = self.net.grads.clone();

        let n = self.net.params.len();
        let mut which: Vec<usize> = (0..n).collect();
        if n > MAX_CHECKED {
            let mut r = rng::derive(self.config.seed, STREAM_CHECK);
            for i in 0..MAX_CHECKED {
                let j = i + rng::below(&mut r, n - i);
                which.swap(i, j);
            }
            which.truncate(MAX_CHECKED);
        }
        let (l1, l2) = (self.config.train.l1 as f32, self.config.train.l2 as f32);
        let k = self.net.outputs();
        let objective = |s: &mut Session| -> f64 {
            s.net.restore_rngs(&saved);
            s.net.set_training(true);
            let z = s.net.forward(rows);
            let j = s.loss.sum(z, &s.targets, rows, k) / rows as f64;
            s.net.set_training(false);
            j + s.net.penalty(l1, l2)
        };
        let eps = epsilon as f32;
        let (mut max_err, mut worst) = (0.0f64, None);
        for &i in &which {
            let keep = self.net.params[i];
            let at = |s: &mut Session, h: f32| {
                s.net.params[i] = keep + h;
                objective(s)
            };
            let (j1, j_1) = (at(self, eps), at(self, -eps));
            let (j2, j_2) = (at(self, 2.0 * eps), at(self, -2.0 * eps));
            self.net.params[i] = keep;
            // Five-point central difference: O(ε⁴) truncation error, so ε
            // can be large enough to drown the f32 forward pass's rounding.
            let num = (8.0 * (j1 - j_1) - (j2 - j_2)) / (12.0 * epsilon);
            let a = analytic[i] as f64;
            let err = (a - num).abs() / (a.abs() + num.abs()).max(CHECK_FLOOR);
            if worst.is_none() || err > max_err || err.is_nan() {
                max_err = err;
                let (name, index) = self.param_at(i);
                worst = Some(Worst {
                    name,
                    index,
                    analytic: a,
                    numeric: num,
                });
            }
        }
        self.net.restore_rngs(&saved);
        Ok(GradientCheck {
            max_relative_error: max_err,
            checked: which.len(),
            worst,
        })
    }

    /// The tensor and index within it of flat parameter `offset`.
    pub(super) fn param_at(&self, offset: usize) -> (String, usize) {
        self.net
            .param_specs()
            .iter()
            .find(|s| (s.offset..s.offset + s.shape.iter().product::<usize>()).contains(&offset))
            .map(|s| (s.name.clone(), offset - s.offset))
            .unwrap_or_default()
    }
}
