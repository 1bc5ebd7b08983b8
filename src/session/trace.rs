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
/// The relative error's floor: |a − n| / (max(|a|, |n|) + FLOOR). A bound
/// of 1e-3 on it is then "relative 1e-3, or absolute 1e-6 near zero".
pub const CHECK_FLOOR: f64 = 1e-3;
/// How often the gradient check halves ε for a parameter whose five points
/// straddle a kink before it leaves that parameter out.
pub const MAX_HALVINGS: u32 = 6;

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
    /// max over the checked parameters of |a − n| / (max(|a|, |n|) + 1e-3).
    pub max_relative_error: f64,
    /// Parameters compared: all, or a seeded sample of `MAX_CHECKED`, but
    /// the skipped ones.
    pub checked: usize,
    /// Parameters of the sample left out: a kink (max-pool switch, ReLU or
    /// L1 at 0) lay within 2ε of them even at ε / 2^`MAX_HALVINGS`.
    pub skipped: usize,
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

    /// One training step on chosen training rows, the step
    /// `trace(&Batch::Rows(rows))` shows: the same gradient (`load_batch`,
    /// `backprop`, `clip`) and the optimizer's own update (`update`, as
    /// `train` takes it), so the weights change by that trace's `update`
    /// bit for bit, and the optimizer's state and the step count advance as
    /// in `train`. The epoch's shuffled order and cursor stay: the next
    /// `train(1)` takes the mini-batch it would have taken. Dropout draws
    /// fresh masks, as every step does. Returns whether training diverged;
    /// refused once it has diverged or stopped early (there is no next
    /// step), as `trace('next')` is.
    pub fn train_rows(&mut self, rows: &[usize]) -> Result<bool> {
        let idx = self.batch_rows(&Batch::Rows(rows.to_vec()), "trainRows")?;
        if self.diverged || self.early_stopped() {
            let why = if self.diverged {
                "diverged-rows"
            } else {
                "stopped-rows"
            };
            return Err(Error::unavailable("trainRows", why));
        }
        self.load_batch(&idx);
        let loss = self.update(idx.len());
        self.watch(loss);
        Ok(self.diverged)
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
    /// (a seeded sample of `MAX_CHECKED` in a larger model).
    ///
    /// J here is the same function computed in f64 (`Network::forward_exact`,
    /// `Loss::sum_exact`, with the dropout masks the step draws): in f32 the
    /// loss jitters by ~1e-7 of its value, which a difference over ε turns
    /// into more error than the bound allows on small gradients (see
    /// `layers/exact.rs`). In f64 any ε from 1e-4 to 1e-2 gives the
    /// derivative to ~1e-10, so what is measured is backpropagation's own
    /// error. The error of one parameter is |a − n| / (max(|a|, |n|) + 1e-3),
    /// so a bound of 1e-3 on it is |a − n| ≤ 1e-3·max(|a|, |n|) + 1e-6:
    /// relative 1e-3, or absolute 1e-6 near zero.
    ///
    /// A kink within the five points (a max-pool window changing its
    /// winner, a ReLU-family input crossing 0, an L1-penalised weight
    /// crossing 0) makes the difference no derivative: that parameter is
    /// measured again with ε halved, up to `MAX_HALVINGS` times, and left
    /// out (counted in `skipped`) if a kink is still that close. The
    /// weights are not touched.
    pub fn gradient_check(&mut self, batch: &Batch, epsilon: f64) -> Result<GradientCheck> {
        if !(epsilon.is_finite() && epsilon > 0.0 && epsilon <= 1.0) {
            let bounds = Bounds::positive(Some(1.0));
            return Err(Error::range("gradientCheck: epsilon", epsilon, bounds));
        }
        let idx = self.batch_rows(batch, "gradientCheck")?;
        let rows = idx.len();
        self.load_batch(&idx);
        let saved = self.net.save_rngs();
        // Training's forward and backward pass: the analytic gradient, and
        // the dropout masks the exact pass applies.
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
        Ok(self.finite_differences(rows, &analytic, &which, epsilon))
    }

    /// `gradient_check`'s comparison of `analytic` with five-point
    /// differences of the exact loss, on the `which` parameters, for the
    /// `rows` rows loaded (and the dropout masks drawn) by the last
    /// `backprop`.
    fn finite_differences(
        &self,
        rows: usize,
        analytic: &[f32],
        which: &[usize],
        epsilon: f64,
    ) -> GradientCheck {
        let (l1, l2) = (self.config.train.l1, self.config.train.l2);
        let k = self.net.outputs();
        let net = &self.net;
        let mut theta: Vec<f64> = net.params.iter().map(|&p| p as f64).collect();
        let input = net.activation(0, rows).iter().map(|&v| v as f64).collect();
        let (base, base_kinks) = net.forward_exact(&theta, 0, input, rows);
        let (mut max_err, mut worst, mut skipped) = (0.0f64, None, 0);
        for &i in which {
            let spec = net
                .param_specs()
                .iter()
                .find(|s| (s.offset..s.offset + s.shape.iter().product::<usize>()).contains(&i))
                .expect("every parameter is in a tensor");
            let (layer, decay) = (spec.layer, spec.decay);
            let keep = theta[i];
            // J at θ + h·e_i and whether a branch differs from θ's. Layers
            // before this parameter's are unchanged: they are not run again.
            // Of the penalty only this weight's term changes with h.
            let mut at = |h: f64| -> (f64, bool) {
                let w = keep + h;
                theta[i] = w;
                let (acts, kinks) = net.forward_exact(&theta, layer, base[layer].clone(), rows);
                theta[i] = keep;
                let z = &acts[acts.len() - 1];
                let mut j = self.loss.sum_exact(z, &self.targets, rows, k) / rows as f64;
                let mut kink = kinks[..] != base_kinks[layer..];
                if decay {
                    j += l1 * w.abs() + 0.5 * l2 * w * w;
                    kink |= l1 > 0.0 && keep != 0.0 && w.signum() != keep.signum();
                }
                (j, kink)
            };
            let mut numeric = None;
            for halving in 0..=MAX_HALVINGS {
                let e = epsilon / (1u32 << halving) as f64;
                let (j1, k1) = at(e);
                let (j_1, k_1) = at(-e);
                let (j2, k2) = at(2.0 * e);
                let (j_2, k_2) = at(-2.0 * e);
                if !(k1 || k_1 || k2 || k_2) {
                    // O(ε⁴) truncation error.
                    numeric = Some((8.0 * (j1 - j_1) - (j2 - j_2)) / (12.0 * e));
                    break;
                }
            }
            let Some(num) = numeric else {
                skipped += 1;
                continue;
            };
            let a = analytic[i] as f64;
            let err = (a - num).abs() / (a.abs().max(num.abs()) + CHECK_FLOOR);
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
        GradientCheck {
            max_relative_error: max_err,
            checked: which.len() - skipped,
            skipped,
            worst,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The check is a real one: a gradient 0.2% off in one entry of a
    /// convolution's kernel (what a slip in its backward pass would give)
    /// fails the 1e-3 bound, and is the worst entry.
    #[test]
    fn a_slightly_wrong_gradient_fails_the_check() {
        let mut s = Session::from_json(
            r#"{"seed":5,"data":{"source":"digits","normalize":"minmax"},"model":{"kind":"cnn","layers":[
                {"type":"conv2d","filters":2,"kernel":3,"padding":"valid"},{"type":"tanh"},{"type":"maxpool","size":2},
                {"type":"flatten"},{"type":"dense","units":10}]},"train":{"batchSize":4}}"#,
        )
        .unwrap();
        s.train_steps(20);
        let idx = s.batch_rows(&Batch::Next, "test").unwrap();
        s.load_batch(&idx);
        s.backprop(idx.len());
        let mut analytic = s.net.grads.clone();
        let which: Vec<usize> = (0..analytic.len()).collect();
        let right = s.finite_differences(idx.len(), &analytic, &which, 1e-3);
        assert!(right.max_relative_error < 1e-4, "{right:?}");
        let i = (0..18)
            .max_by(|&a, &b| analytic[a].abs().total_cmp(&analytic[b].abs()))
            .unwrap();
        analytic[i] *= 1.002;
        let wrong = s.finite_differences(idx.len(), &analytic, &which, 1e-3);
        assert!(wrong.max_relative_error > 1e-3, "{wrong:?}");
        let w = wrong.worst.unwrap();
        assert_eq!((w.name.as_str(), w.index), ("conv0.kernel", i));
    }
}
