//! A feed-forward network: a list of layers over one flat parameter vector.
//!
//! All buffers (activations, gradients, parameter gradients) are allocated
//! when the network is built or grows to a larger batch, never inside a
//! training step: that, not arithmetic, is what makes a 2-8-8-1 network
//! train fast (plain-JS ConvNetJS beats TensorFlow.js ~20× on exactly this).

use crate::layers::{Activation, Dense, Layer, ParamSpec};
use crate::rng::{self, Rng};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    /// Glorot/Xavier uniform: U(±√(6/(fan_in + fan_out))), for tanh/sigmoid.
    Glorot,
    /// He normal: N(0, 2/fan_in), for the ReLU family.
    He,
    /// Everything zero: every hidden unit stays identical (a teachable failure).
    Zeros,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub layers: Vec<Layer>,
    pub params: Vec<f32>,
    pub grads: Vec<f32>,
    specs: Vec<ParamSpec>,
    /// widths[0] = input width, widths[i + 1] = output width of layer i.
    widths: Vec<usize>,
    /// acts[i] is the input of layer i; acts[n] the network's output.
    acts: Vec<Vec<f32>>,
    deltas: Vec<Vec<f32>>,
    capacity: usize,
}

impl Network {
    /// Build from layers whose parameter offsets are already assigned.
    pub fn from_layers(layers: Vec<Layer>, n_params: usize) -> Network {
        let mut widths = vec![layers.first().map(|l| l.in_width()).unwrap_or(0)];
        widths.extend(layers.iter().map(|l| l.out_width()));
        let specs = layers
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.params(i))
            .collect();
        let mut net = Network {
            acts: vec![Vec::new(); widths.len()],
            deltas: vec![Vec::new(); widths.len()],
            layers,
            params: vec![0.0; n_params],
            grads: vec![0.0; n_params],
            specs,
            widths,
            capacity: 0,
        };
        net.reserve(32);
        net
    }

    /// A multilayer perceptron: dense → activation per hidden layer, then a
    /// dense output layer producing logits (the loss applies the output).
    pub fn mlp(
        inputs: usize,
        hidden: &[usize],
        act: Activation,
        outputs: usize,
        init: Init,
        rng: &mut Rng,
    ) -> Network {
        let mut layers = Vec::new();
        let mut off = 0;
        let mut prev = inputs;
        for &h in hidden.iter().chain(std::iter::once(&outputs)) {
            let d = Dense {
                inputs: prev,
                outputs: h,
                w_off: off,
                b_off: off + prev * h,
            };
            off += d.param_count();
            layers.push(Layer::Dense(d));
            if layers.len() < 2 * hidden.len() + 1 {
                layers.push(Layer::Act(act, h));
            }
            prev = h;
        }
        let mut net = Network::from_layers(layers, off);
        net.init(init, rng);
        net
    }

    /// Draw every weight afresh (biases zero), in layer order, each tensor
    /// with its own fans (`Layer::fans`: dense in/out, conv kh·kw·C /
    /// kh·kw·F, the RNN's kernel and recurrent kernel).
    pub fn init(&mut self, init: Init, rng: &mut Rng) {
        self.params.iter_mut().for_each(|p| *p = 0.0);
        if init == Init::Zeros {
            return;
        }
        for l in &self.layers {
            for f in l.fans() {
                let w = &mut self.params[f.offset..f.offset + f.len];
                match init {
                    Init::Glorot => {
                        let a = (6.0 / (f.fan_in + f.fan_out) as f32).sqrt();
                        w.iter_mut().for_each(|v| *v = rng::uniform(rng, -a, a));
                    }
                    Init::He => {
                        let s = (2.0 / f.fan_in as f32).sqrt();
                        w.iter_mut().for_each(|v| *v = s * rng::normal(rng));
                    }
                    Init::Zeros => {}
                }
            }
        }
    }

    /// Training mode for the layers that care (dropout masks in training and
    /// is the identity in evaluation). Set it before each forward pass:
    /// `true` for a training step, `false` for scoring and prediction.
    pub fn set_training(&mut self, on: bool) {
        self.layers.iter_mut().for_each(|l| l.set_training(on));
    }

    /// Per-row shapes of the activations: `[0]` is the input's, `[i + 1]`
    /// layer i's output (`[C, H, W]` for images, e.g. `[8, 14, 14]`; `[n]`
    /// for vectors). Activations and dropout keep their input's shape.
    pub fn layer_output_shapes(&self) -> Vec<Vec<usize>> {
        let mut shapes = vec![self
            .layers
            .first()
            .map(|l| l.in_shape())
            .unwrap_or_else(|| vec![self.widths[0]])];
        for l in &self.layers {
            let s = if l.elementwise() {
                shapes[shapes.len() - 1].clone()
            } else {
                l.shape()
            };
            shapes.push(s);
        }
        shapes
    }

    pub fn inputs(&self) -> usize {
        self.widths[0]
    }
    pub fn outputs(&self) -> usize {
        *self.widths.last().unwrap_or(&0)
    }
    pub fn param_specs(&self) -> &[ParamSpec] {
        &self.specs
    }
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Make room for batches of `rows` (only ever grows; outside the step).
    pub fn reserve(&mut self, rows: usize) {
        if rows <= self.capacity {
            return;
        }
        for (i, &w) in self.widths.iter().enumerate() {
            self.acts[i].resize(rows * w, 0.0);
            self.deltas[i].resize(rows * w, 0.0);
        }
        self.capacity = rows;
    }

    /// The input buffer for a batch of `rows` rows: fill it, then `forward`.
    pub fn input_mut(&mut self, rows: usize) -> &mut [f32] {
        let w = self.widths[0];
        &mut self.acts[0][..rows * w]
    }

    /// Forward pass over the rows in the input buffer; returns the logits.
    pub fn forward(&mut self, rows: usize) -> &[f32] {
        debug_assert!(rows <= self.capacity);
        for (i, layer) in self.layers.iter_mut().enumerate() {
            let (before, after) = self.acts.split_at_mut(i + 1);
            let x = &before[i][..rows * self.widths[i]];
            let y = &mut after[0][..rows * self.widths[i + 1]];
            layer.forward(&self.params, x, y, rows);
        }
        let n = self.layers.len();
        &self.acts[n][..rows * self.widths[n]]
    }

    /// The output of layer `i` (i = 0 is the input) for the last forward pass.
    pub fn activation(&self, i: usize, rows: usize) -> &[f32] {
        &self.acts[i][..rows * self.widths[i]]
    }

    pub fn width(&self, i: usize) -> usize {
        self.widths[i]
    }

    /// The logits of the last forward pass and the buffer the loss writes
    /// dL/dlogits into.
    pub fn output_and_grad(&mut self, rows: usize) -> (&[f32], &mut [f32]) {
        let n = self.layers.len();
        let w = self.widths[n];
        (&self.acts[n][..rows * w], &mut self.deltas[n][..rows * w])
    }

    pub fn zero_grads(&mut self) {
        self.grads.iter_mut().for_each(|g| *g = 0.0);
    }

    /// Backward pass from the gradient the loss wrote; accumulates into
    /// `grads`. With `input_grad`, also computes dL/dinput (saliency).
    pub fn backward(&mut self, rows: usize, input_grad: bool) {
        for i in (0..self.layers.len()).rev() {
            let (d_lo, d_hi) = self.deltas.split_at_mut(i + 1);
            let dy = &d_hi[0][..rows * self.widths[i + 1]];
            let dx = if i > 0 || input_grad {
                Some(&mut d_lo[i][..rows * self.widths[i]])
            } else {
                None
            };
            let x = &self.acts[i][..rows * self.widths[i]];
            let y = &self.acts[i + 1][..rows * self.widths[i + 1]];
            self.layers[i].backward(&self.params, &mut self.grads, x, y, dy, dx, rows);
        }
    }

    /// ∂L/∂(output of layer i − 1) from the last `backward`, for i ≥ 1
    /// (i = the network's layer count: ∂L/∂logits, which the loss wrote).
    pub fn delta(&self, i: usize, rows: usize) -> &[f32] {
        &self.deltas[i][..rows * self.widths[i]]
    }

    /// dL/dinput from the last `backward(rows, true)`.
    pub fn input_grad(&self, rows: usize) -> &[f32] {
        &self.deltas[0][..rows * self.widths[0]]
    }

    /// Adds the penalty l1·|w| + ½·l2·w² to the weights' gradients (not
    /// biases); returns nothing: the reported loss is the data loss, as in
    /// TensorFlow Playground.
    pub fn regularize(&mut self, l1: f32, l2: f32) {
        add_penalty_grad(&self.specs, &self.params, &mut self.grads, l1, l2);
    }

    /// The penalty itself, Σ over decayed weights of l1·|w| + ½·l2·w² (f64),
    /// whose gradient `regularize` adds.
    pub fn penalty(&self, l1: f32, l2: f32) -> f64 {
        let (l1, l2) = (l1 as f64, l2 as f64);
        if l1 == 0.0 && l2 == 0.0 {
            return 0.0;
        }
        self.specs
            .iter()
            .filter(|s| s.decay)
            .flat_map(|s| &self.params[s.offset..s.offset + s.shape.iter().product::<usize>()])
            .map(|&w| {
                let w = w as f64;
                l1 * w.abs() + 0.5 * l2 * w * w
            })
            .sum()
    }

    /// The state of every dropout layer's generator, to put back with
    /// `restore_rngs`: a look at a training step (`Session::trace`) draws
    /// the very masks the step will draw, then leaves the generators as
    /// they were.
    pub fn save_rngs(&self) -> Vec<Rng> {
        self.layers
            .iter()
            .filter_map(|l| match l {
                Layer::Dropout(d) => Some(d.rng().clone()),
                _ => None,
            })
            .collect()
    }

    pub fn restore_rngs(&mut self, saved: &[Rng]) {
        let dropouts = self.layers.iter_mut().filter_map(|l| match l {
            Layer::Dropout(d) => Some(d),
            _ => None,
        });
        for (d, r) in dropouts.zip(saved) {
            d.set_rng(r.clone());
        }
    }

    pub fn params_finite(&self) -> bool {
        self.params.iter().all(|p| p.is_finite())
    }

    /// The forward pass again in f64 (`layers/exact.rs`), from layer `from`
    /// on, with `params` as weights and `input` (rows × that layer's input
    /// width) as that layer's input: the gradient check's function. Returns
    /// the input and every output from there (the last: the logits), and
    /// each of those layers' branch decisions. Dropout applies the mask of
    /// the last f32 forward pass.
    pub fn forward_exact(
        &self,
        params: &[f64],
        from: usize,
        input: Vec<f64>,
        rows: usize,
    ) -> (Vec<Vec<f64>>, Vec<Vec<u32>>) {
        let mut acts = vec![input];
        let mut kinks = Vec::with_capacity(self.layers.len().saturating_sub(from));
        for layer in &self.layers[from..] {
            let mut k = Vec::new();
            let y = layer.forward_exact(params, &acts[acts.len() - 1], rows, &mut k);
            acts.push(y);
            kinks.push(k);
        }
        (acts, kinks)
    }
}

/// Gradient clipping by global norm: if ‖g‖₂ > `max_norm`, scale the whole
/// flat gradient by `max_norm / ‖g‖₂` (its direction is kept). Returns the
/// norm before clipping. A `max_norm` that is not positive and finite, or a
/// norm that is not finite (the step is diverging: the trainer's check
/// should see it), leaves the gradient as it is.
pub fn clip_grad_norm(grads: &mut [f32], max_norm: f32) -> f32 {
    let norm = grads
        .iter()
        .map(|&g| g as f64 * g as f64)
        .sum::<f64>()
        .sqrt() as f32;
    let scale = clip_scale(norm, max_norm);
    if scale != 1.0 {
        grads.iter_mut().for_each(|g| *g *= scale);
    }
    norm
}

/// The factor `clip_grad_norm` scales a gradient of norm `norm` by:
/// `max_norm / norm` when it clips, else 1.
pub fn clip_scale(norm: f32, max_norm: f32) -> f32 {
    if max_norm > 0.0 && max_norm.is_finite() && norm.is_finite() && norm > max_norm {
        max_norm / norm
    } else {
        1.0
    }
}

/// Adds the gradient of the penalty l1·|w| + ½·l2·w², l1·sign(w) + l2·w, to
/// `grads` for every decayed tensor of `specs` (weights, not biases).
/// Training adds it to the loss's gradient (`Network::regularize`);
/// `Session::trace` adds it to zeros to show it alone.
pub fn add_penalty_grad(specs: &[ParamSpec], params: &[f32], grads: &mut [f32], l1: f32, l2: f32) {
    if l1 == 0.0 && l2 == 0.0 {
        return;
    }
    for s in specs.iter().filter(|s| s.decay) {
        let n: usize = s.shape.iter().product();
        let p = &params[s.offset..s.offset + n];
        let g = &mut grads[s.offset..s.offset + n];
        for (g, &w) in g.iter_mut().zip(p) {
            let sign = if w > 0.0 {
                1.0
            } else if w < 0.0 {
                -1.0
            } else {
                0.0
            };
            *g += l1 * sign + l2 * w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loss::{Loss, Output};

    /// Whole-network check: backprop through dense + every activation + loss
    /// against central differences of the loss in the parameters.
    #[test]
    fn mlp_gradient_matches_finite_differences() {
        for act in ["tanh", "sigmoid", "elu", "gelu"] {
            let mut r = rng::seeded(3);
            let mut net = Network::mlp(
                3,
                &[4, 3],
                Activation::parse(act).unwrap(),
                2,
                Init::Glorot,
                &mut r,
            );
            let rows = 5;
            net.reserve(rows);
            let x: Vec<f32> = (0..rows * 3)
                .map(|_| rng::uniform(&mut r, -1.0, 1.0))
                .collect();
            let t: Vec<f32> = (0..rows)
                .flat_map(|i| if i % 2 == 0 { [1.0, 0.0] } else { [0.0, 1.0] })
                .collect();
            let loss = Loss::SoftmaxCrossEntropy;
            let eval = |net: &mut Network| -> f64 {
                net.input_mut(rows).copy_from_slice(&x);
                let z = net.forward(rows).to_vec();
                loss.sum(&z, &t, rows, 2) / rows as f64
            };
            net.input_mut(rows).copy_from_slice(&x);
            net.forward(rows);
            net.zero_grads();
            let (z, g) = net.output_and_grad(rows);
            let z = z.to_vec();
            loss.forward_backward(&z, &t, g, rows, 2);
            net.backward(rows, false);
            let analytic: Vec<f64> = net.grads.iter().map(|&g| g as f64).collect();
            crate::layers::gradcheck::check_network_params(
                &mut net, &analytic, 1e-2, 1e-3, 2e-2, eval, act,
            );
        }
        let _ = Output::Identity;
    }

    #[test]
    fn clip_grad_norm_scales_only_above_the_limit() {
        let mut g = [3.0f32, -4.0];
        assert_eq!(clip_grad_norm(&mut g, 10.0), 5.0);
        assert_eq!(g, [3.0, -4.0]);
        assert_eq!(clip_grad_norm(&mut g, 1.0), 5.0);
        assert!((g[0] - 0.6).abs() < 1e-6 && (g[1] + 0.8).abs() < 1e-6);
        let norm: f32 = g.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-6);
        let mut g = [3.0f32, -4.0];
        assert_eq!(clip_grad_norm(&mut g, 0.0), 5.0); // 0: no clipping
        assert_eq!(g, [3.0, -4.0]);
        let mut g = [f32::INFINITY, 1.0];
        assert!(clip_grad_norm(&mut g, 1.0).is_infinite());
        assert_eq!(g[1], 1.0);
    }

    #[test]
    fn regularization_adds_l1_sign_and_l2_weight_to_weights_only() {
        let mut r = rng::seeded(1);
        let mut net = Network::mlp(1, &[], Activation::Linear, 1, Init::Zeros, &mut r);
        net.params = vec![-2.0, 0.5]; // weight, bias
        net.zero_grads();
        net.regularize(0.1, 0.5);
        // weight: 0.1·sign(−2) + 0.5·(−2) = −1.1; bias untouched.
        assert!((net.grads[0] + 1.1).abs() < 1e-6);
        assert_eq!(net.grads[1], 0.0);
    }

    #[test]
    fn init_schemes() {
        let mut r = rng::seeded(5);
        let net = Network::mlp(100, &[100], Activation::Tanh, 1, Init::Glorot, &mut r);
        let a = (6.0f32 / 200.0).sqrt();
        let w = &net.params[..10_000];
        assert!(w.iter().all(|v| v.abs() <= a));
        let var: f32 = w.iter().map(|v| v * v).sum::<f32>() / w.len() as f32;
        assert!(
            (var - a * a / 3.0).abs() < 0.1 * a * a / 3.0,
            "glorot variance {var}"
        );
        let net = Network::mlp(100, &[100], Activation::Relu, 1, Init::He, &mut r);
        let w = &net.params[..10_000];
        let var: f32 = w.iter().map(|v| v * v).sum::<f32>() / w.len() as f32;
        assert!((var - 0.02).abs() < 0.002, "he variance {var}");
        let net = Network::mlp(3, &[4], Activation::Relu, 1, Init::Zeros, &mut r);
        assert!(net.params.iter().all(|&v| v == 0.0));
    }
}
