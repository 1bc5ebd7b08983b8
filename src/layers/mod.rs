//! Layers. Each one reads its input `x` and writes its output `y` in
//! buffers the network owns and keeps its parameters at offsets of the
//! network's one flat parameter vector. What it cannot cheaply recompute
//! from `x` and `y` (pooling maxima, dropout masks, an RNN's hidden states)
//! or needs as working space (im2col) it keeps in scratch buffers of its
//! own, grown only when a larger batch is seen.
//!
//! An enum rather than trait objects: the set of layers is closed, dispatch
//! is a jump table, and a training step allocates nothing.
//!
//! Each layer's file says what it is (`LayerInfo`): its kind, widths and
//! shapes, its parameter tensors (name, shape, role, whether decay applies)
//! and the fans their initialisation uses. This module only dispatches.
//!
//! Tensors are flat row-major f32; an image activation is `[C, H, W]` per row
//! (channels first), a sequence `[T, F]` per row (time major).

pub mod activation;
pub mod build;
pub mod conv2d;
pub mod dense;
pub mod dropout;
pub mod fastmath;
pub mod flatten;
pub mod gemm;
pub mod maxpool;
pub mod rnn;

pub use activation::Activation;
pub use build::{build, rnn_network, LayerSpec};
pub use conv2d::Conv2d;
pub use dense::Dense;
pub use dropout::Dropout;
pub use flatten::Flatten;
pub use maxpool::MaxPool;
pub use rnn::Rnn;

#[derive(Debug, Clone)]
pub enum Layer {
    Dense(Dense),
    /// An activation over `width` values a row.
    Act(Activation, usize),
    Conv2d(Conv2d),
    MaxPool(MaxPool),
    Flatten(Flatten),
    Dropout(Dropout),
    Rnn(Rnn),
}

/// What kind of layer a tensor or an output belongs to, as the page names
/// it (`id()`), so no page code parses a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// Not a layer: the network's input rows, first of `layer_outputs`.
    Input,
    Dense,
    Activation,
    Conv2d,
    MaxPool,
    Flatten,
    Dropout,
    Rnn,
}

impl LayerKind {
    pub fn id(self) -> &'static str {
        match self {
            LayerKind::Input => "input",
            LayerKind::Dense => "dense",
            LayerKind::Activation => "activation",
            LayerKind::Conv2d => "conv2d",
            LayerKind::MaxPool => "maxpool",
            LayerKind::Flatten => "flatten",
            LayerKind::Dropout => "dropout",
            LayerKind::Rnn => "rnn",
        }
    }
}

/// What a parameter tensor does in its layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Multiplies the layer's input (dense W, conv kernel, RNN kernel Wx).
    Weight,
    Bias,
    /// Multiplies the previous hidden state (RNN Wh).
    Recurrent,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Weight => "weight",
            Role::Bias => "bias",
            Role::Recurrent => "recurrent",
        }
    }
}

/// One named parameter tensor of a layer, as the page and model files show
/// it. Each layer's file writes its own (`LayerInfo::params`).
#[derive(Debug, Clone, PartialEq)]
pub struct ParamSpec {
    /// `dense0.weight`, `conv0.kernel`, `rnn0.recurrent`: model files key
    /// tensors by it, so it never changes.
    pub name: String,
    /// The index of the layer in the network.
    pub layer: usize,
    pub kind: LayerKind,
    pub role: Role,
    pub shape: Vec<usize>,
    pub offset: usize,
    /// Weights are regularised; biases are not (as in Keras and the Playground).
    pub decay: bool,
}

/// A weight tensor to initialise: `len` values at `offset`, with the fans
/// Glorot and He use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fans {
    pub offset: usize,
    pub len: usize,
    pub fan_in: usize,
    pub fan_out: usize,
}

/// What a layer knows about itself, written in its own file beside its
/// formula: its kind, widths and per-row shapes, its parameter tensors and
/// their initialisation fans. `Layer` dispatches to it; none of it is on
/// the training step's path (forward and backward are inherent methods).
pub trait LayerInfo {
    fn kind(&self) -> LayerKind;
    /// Values a row in and out.
    fn in_width(&self) -> usize;
    fn out_width(&self) -> usize;
    /// Per-row input shape (`[C, H, W]`, `[T, F]`, `[n]`).
    fn in_shape(&self) -> Vec<usize> {
        vec![self.in_width()]
    }
    /// Per-row output shape.
    fn shape(&self) -> Vec<usize> {
        vec![self.out_width()]
    }
    /// Whether the output has the input's shape value for value (so the
    /// input's shape, which the layer does not keep, is the output's too).
    fn elementwise(&self) -> bool {
        false
    }
    /// The layer's parameter tensors, named with its index `layer` in the
    /// network; none for layers without parameters.
    fn params(&self, _layer: usize) -> Vec<ParamSpec> {
        Vec::new()
    }
    /// The weight tensors to draw at initialisation (biases start at 0).
    fn fans(&self) -> Vec<Fans> {
        Vec::new()
    }
    /// Floating-point operations of the forward pass, per row: a
    /// multiply-add counts 2. One per output value for layers without
    /// weights (an activation, a pooling comparison, a dropout mask).
    fn flops(&self) -> u64 {
        self.out_width() as u64
    }
}

/// `each!(self, l => expr, act(a, w) => expr)`: `expr` on whichever layer
/// `self` is; an activation (a function and a width, not a struct) has its
/// own arm.
macro_rules! each {
    ($layer:expr, $l:ident => $e:expr, act($a:pat, $w:pat) => $act:expr) => {
        match $layer {
            Layer::Dense($l) => $e,
            Layer::Conv2d($l) => $e,
            Layer::MaxPool($l) => $e,
            Layer::Flatten($l) => $e,
            Layer::Dropout($l) => $e,
            Layer::Rnn($l) => $e,
            Layer::Act($a, $w) => $act,
        }
    };
}

impl Layer {
    pub fn kind(&self) -> LayerKind {
        each!(self, l => l.kind(), act(_, _) => LayerKind::Activation)
    }

    pub fn out_width(&self) -> usize {
        each!(self, l => l.out_width(), act(_, w) => *w)
    }

    pub fn in_width(&self) -> usize {
        each!(self, l => l.in_width(), act(_, w) => *w)
    }

    /// Per-row output shape: `[C, H, W]` for conv2d and maxpool (e.g.
    /// `[8, 14, 14]`), `[n]` otherwise. Element-wise layers (activations,
    /// dropout) do not know the shape they pass through and say `[width]`;
    /// `Network::layer_output_shapes` gives them their input's shape.
    pub fn shape(&self) -> Vec<usize> {
        each!(self, l => l.shape(), act(_, w) => vec![*w])
    }

    /// Per-row input shape: `[C, H, W]` for conv2d and maxpool, `[T, F]` for
    /// rnn, whatever flatten was given, `[n]` otherwise.
    pub fn in_shape(&self) -> Vec<usize> {
        each!(self, l => l.in_shape(), act(_, w) => vec![*w])
    }

    /// Whether the output has the input's shape value for value.
    pub fn elementwise(&self) -> bool {
        each!(self, l => l.elementwise(), act(_, _) => true)
    }

    /// The kind's id, or the activation's (`relu`): layer outputs are named
    /// by it and the layer's index (`conv2d0`, `relu1`).
    pub fn name(&self) -> String {
        match self {
            Layer::Act(a, _) => a.name().into(),
            other => other.kind().id().into(),
        }
    }

    /// Training mode: only dropout cares (it masks in training and is the
    /// identity in evaluation); every other layer ignores it.
    pub fn set_training(&mut self, on: bool) {
        if let Layer::Dropout(d) = self {
            d.set_training(on);
        }
    }

    /// The layer's parameter tensors; `index` is its place in the network.
    pub fn params(&self, index: usize) -> Vec<ParamSpec> {
        each!(self, l => l.params(index), act(_, _) => Vec::new())
    }

    /// The weight tensors to draw at initialisation (biases start at 0).
    pub fn fans(&self) -> Vec<Fans> {
        each!(self, l => l.fans(), act(_, _) => Vec::new())
    }

    /// Forward floating-point operations per row (see `LayerInfo::flops`).
    pub fn flops(&self) -> u64 {
        each!(self, l => l.flops(), act(_, w) => *w as u64)
    }

    pub fn forward(&mut self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        match self {
            Layer::Dense(d) => d.forward(params, x, y, rows),
            Layer::Act(a, w) => a.forward(&x[..rows * *w], &mut y[..rows * *w]),
            Layer::Conv2d(c) => c.forward(params, x, y, rows),
            Layer::MaxPool(p) => p.forward(x, y, rows),
            Layer::Flatten(f) => f.forward(x, y, rows),
            Layer::Dropout(d) => d.forward(x, y, rows),
            Layer::Rnn(r) => r.forward(params, x, y, rows),
        }
    }

    /// Accumulates parameter gradients into `grads`; writes dL/dx into `dx`
    /// when asked (the first layer of a network has no one to pass it to).
    /// Must follow the `forward` of the same batch: pooling, dropout and the
    /// RNN use what that pass left in their scratch.
    #[allow(clippy::too_many_arguments)]
    pub fn backward(
        &mut self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        y: &[f32],
        dy: &[f32],
        dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        match self {
            Layer::Dense(d) => d.backward(params, grads, x, dy, dx, rows),
            Layer::Conv2d(c) => c.backward(params, grads, x, dy, dx, rows),
            Layer::Rnn(r) => r.backward(params, grads, x, dy, dx, rows),
            Layer::Act(a, w) => {
                if let Some(dx) = dx {
                    let n = rows * *w;
                    a.backward(&x[..n], &y[..n], &dy[..n], &mut dx[..n]);
                }
            }
            Layer::MaxPool(p) => {
                if let Some(dx) = dx {
                    p.backward(dy, dx, rows);
                }
            }
            Layer::Flatten(f) => {
                if let Some(dx) = dx {
                    f.backward(dy, dx, rows);
                }
            }
            Layer::Dropout(d) => {
                if let Some(dx) = dx {
                    d.backward(dy, dx, rows);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod gradcheck {
    //! Central finite differences, as ConvNetJS checks its layers:
    //! ∂L/∂θ ≈ (L(θ+h) − L(θ−h)) / 2h, compared by relative error. Computed in
    //! f64 where the layer allows; f32 layers use h = 1e-2 and a loose bound.

    /// Whole-network check: each parameter's `analytic` gradient against
    /// central differences of the loss `eval` computes, by relative error
    /// with a denominator no smaller than `floor`.
    pub fn check_network_params(
        net: &mut crate::network::Network,
        analytic: &[f64],
        h: f32,
        floor: f64,
        tol: f64,
        eval: impl Fn(&mut crate::network::Network) -> f64,
        what: &str,
    ) {
        for (i, &a) in analytic.iter().enumerate() {
            let keep = net.params[i];
            net.params[i] = keep + h;
            let lp = eval(net);
            net.params[i] = keep - h;
            let lm = eval(net);
            net.params[i] = keep;
            let num = (lp - lm) / (2.0 * h as f64);
            let err = (a - num).abs() / (a.abs() + num.abs()).max(floor);
            assert!(err < tol, "{what} param {i}: {a} vs {num}");
        }
    }

    use super::Layer;
    use crate::rng;

    /// L = Σ y·r for a fixed random r, so dL/dy = r.
    pub fn check_layer(layer: Layer, n_params: usize, rows: usize, tol: f32) {
        let mut r = rng::seeded(99);
        let nin = rows * layer.in_width();
        // Inputs away from activation kinks (0) so differences are smooth.
        let x: Vec<f32> = (0..nin)
            .map(|_| {
                let v = rng::uniform(&mut r, 0.2, 1.5);
                if rng::below(&mut r, 2) == 0 {
                    v
                } else {
                    -v
                }
            })
            .collect();
        check_layer_on(layer, n_params, rows, tol, &x);
    }

    /// `check_layer` on given inputs (e.g. tie-free ones for max pooling).
    pub fn check_layer_on(mut layer: Layer, n_params: usize, rows: usize, tol: f32, x: &[f32]) {
        let mut r = rng::seeded(98);
        let nin = rows * layer.in_width();
        let nout = rows * layer.out_width();
        assert_eq!(x.len(), nin);
        let x = x.to_vec();
        let mut params: Vec<f32> = (0..n_params)
            .map(|_| rng::uniform(&mut r, -0.5, 0.5))
            .collect();
        let proj: Vec<f32> = (0..nout).map(|_| rng::uniform(&mut r, -1.0, 1.0)).collect();

        let loss = |layer: &mut Layer, params: &[f32], x: &[f32]| -> f64 {
            let mut y = vec![0.0; nout];
            layer.forward(params, x, &mut y, rows);
            y.iter()
                .zip(&proj)
                .map(|(&a, &b)| a as f64 * b as f64)
                .sum()
        };

        let mut y = vec![0.0; nout];
        layer.forward(&params, &x, &mut y, rows);
        let mut grads = vec![0.0; n_params];
        let mut dx = vec![0.0; nin];
        layer.backward(&params, &mut grads, &x, &y, &proj, Some(&mut dx), rows);

        let h = 1e-2f32;
        let rel = |a: f64, n: f64| (a - n).abs() / (a.abs() + n.abs()).max(1e-3);
        for i in 0..n_params {
            let keep = params[i];
            params[i] = keep + h;
            let lp = loss(&mut layer, &params, &x);
            params[i] = keep - h;
            let lm = loss(&mut layer, &params, &x);
            params[i] = keep;
            let num = (lp - lm) / (2.0 * h as f64);
            let e = rel(grads[i] as f64, num);
            assert!(
                e < tol as f64,
                "param {i}: analytic {} numeric {num} rel err {e}",
                grads[i]
            );
        }
        let mut xm = x.clone();
        for i in 0..nin {
            let keep = xm[i];
            xm[i] = keep + h;
            let lp = loss(&mut layer, &params, &xm);
            xm[i] = keep - h;
            let lm = loss(&mut layer, &params, &xm);
            xm[i] = keep;
            let num = (lp - lm) / (2.0 * h as f64);
            let e = rel(dx[i] as f64, num);
            assert!(
                e < tol as f64,
                "input {i}: analytic {} numeric {num} rel err {e}",
                dx[i]
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gradcheck::{check_layer, check_layer_on};
    use super::*;

    /// `Layer` answers with its layer's own description; an activation (no
    /// struct of its own) is element-wise, parameterless and named by its
    /// function.
    #[test]
    fn layer_dispatches_to_each_layers_description() {
        let dense = Layer::Dense(Dense {
            inputs: 3,
            outputs: 2,
            w_off: 0,
            b_off: 6,
        });
        let rnn = Layer::Rnn(Rnn::new(5, 1, 4, 8));
        let act = Layer::Act(Activation::Relu, 6);
        assert_eq!(
            (dense.kind(), rnn.kind(), act.kind()),
            (LayerKind::Dense, LayerKind::Rnn, LayerKind::Activation)
        );
        assert_eq!(
            (dense.name(), rnn.name(), act.name()),
            ("dense".into(), "rnn".into(), "relu".to_string())
        );
        let Layer::Dense(d) = &dense else {
            unreachable!()
        };
        assert_eq!(dense.params(1), d.params(1));
        assert_eq!(dense.fans(), d.fans());
        let roles: Vec<_> = rnn.params(0).iter().map(|p| p.role.id()).collect();
        assert_eq!(roles, ["weight", "recurrent", "bias"]);
        assert_eq!(rnn.in_shape(), vec![5, 1]);
        assert!(act.params(0).is_empty() && act.fans().is_empty());
        assert!(act.elementwise() && !dense.elementwise());
        assert_eq!(
            (act.in_width(), act.out_width(), act.shape()),
            (6, 6, vec![6])
        );
        let ids: Vec<_> = [
            LayerKind::Input,
            LayerKind::Dense,
            LayerKind::Activation,
            LayerKind::Conv2d,
            LayerKind::MaxPool,
            LayerKind::Flatten,
            LayerKind::Dropout,
            LayerKind::Rnn,
        ]
        .map(LayerKind::id)
        .to_vec();
        assert_eq!(
            ids,
            [
                "input",
                "dense",
                "activation",
                "conv2d",
                "maxpool",
                "flatten",
                "dropout",
                "rnn"
            ]
        );
        assert_eq!(
            [Role::Weight, Role::Bias, Role::Recurrent].map(Role::id),
            ["weight", "bias", "recurrent"]
        );
    }

    #[test]
    fn dense_gradient_matches_finite_differences() {
        let d = Dense {
            inputs: 5,
            outputs: 3,
            w_off: 0,
            b_off: 15,
        };
        check_layer(Layer::Dense(d), 18, 4, 1e-2);
    }

    #[test]
    fn every_activation_gradient_matches_finite_differences() {
        for &a in Activation::ALL {
            check_layer(Layer::Act(a, 6), 0, 3, 2e-2);
        }
    }

    #[test]
    fn conv2d_gradient_matches_finite_differences() {
        // (input [C, H, W], filters, kernel, stride, same)
        for &(shape, f, k, s, same) in &[
            ([2, 5, 5], 3, 3, 1, true),
            ([2, 5, 4], 2, 2, 1, false),
            ([3, 6, 5], 2, 3, 2, false),
            ([2, 6, 7], 3, 3, 2, true),
            ([1, 4, 4], 2, 4, 2, true),
        ] {
            let c = Conv2d::new(shape, f, k, s, same, 0);
            let n = c.param_count();
            check_layer(Layer::Conv2d(c), n, 2, 1e-2);
        }
    }

    #[test]
    fn maxpool_gradient_matches_finite_differences() {
        // Inputs a shuffled grid 0.1 apart: no ties, and no step of h = 0.01
        // changes which value is a window's maximum.
        for &(shape, size, stride) in &[
            ([2, 6, 6], 2, 2),
            ([2, 7, 5], 3, 2),
            ([1, 5, 5], 2, 1),
            ([1, 9, 8], 4, 3),
        ] {
            let p = MaxPool::new(shape, size, stride);
            let rows = 2;
            let n = rows * p.in_width();
            let mut x: Vec<f32> = (0..n).map(|i| 0.1 * i as f32 - 2.0).collect();
            crate::rng::shuffle(&mut crate::rng::seeded(8), &mut x);
            check_layer_on(Layer::MaxPool(p), 0, rows, 1e-2, &x);
        }
    }

    #[test]
    fn flatten_gradient_matches_finite_differences() {
        check_layer(Layer::Flatten(Flatten::new(&[3, 2, 4])), 0, 2, 1e-2);
        check_layer(Layer::Flatten(Flatten::new(&[5, 2])), 0, 2, 1e-2);
    }

    #[test]
    fn dropout_is_the_identity_in_evaluation() {
        let mut d = Layer::Dropout(Dropout::new(0.5, 7, 1));
        let x: Vec<f32> = (0..14).map(|i| i as f32 - 3.0).collect();
        let mut y = vec![0.0; 14];
        d.forward(&[], &x, &mut y, 2);
        assert_eq!(y, x);
        check_layer(d, 0, 2, 1e-2);
    }

    #[test]
    fn dropout_gradient_matches_finite_differences_with_a_fixed_mask() {
        let mut d = Dropout::new(0.4, 9, 3);
        d.set_training(true);
        let mut y = vec![0.0; 27];
        d.forward(&[1.0; 27], &mut y, 3);
        assert!(y.contains(&0.0) && y.iter().any(|&v| v > 1.0));
        d.freeze_mask(true);
        check_layer(Layer::Dropout(d), 0, 3, 1e-2);
    }

    #[test]
    fn rnn_gradient_through_time_matches_finite_differences() {
        for &(window, features, hidden) in &[(3, 2, 4), (5, 1, 3), (4, 3, 5)] {
            let r = Rnn::new(window, features, hidden, 0);
            let n = r.param_count();
            check_layer(Layer::Rnn(r), n, 3, 2e-2);
        }
    }

    #[test]
    fn dense_forward_is_x_w_plus_b() {
        // x = [1, 2], W = [[1, 2], [3, 4]], b = [0.5, -1] → [7.5, 9]
        let d = Dense {
            inputs: 2,
            outputs: 2,
            w_off: 0,
            b_off: 4,
        };
        let p = [1.0, 2.0, 3.0, 4.0, 0.5, -1.0];
        let mut y = [0.0; 2];
        d.forward(&p, &[1.0, 2.0], &mut y, 1);
        assert_eq!(y, [7.5, 9.0]);
    }

    #[test]
    fn activations_give_known_values() {
        let x = [-1.0f32, 0.5];
        let mut y = [0.0; 2];
        let cases: [(&str, [f32; 2]); 6] = [
            ("relu", [0.0, 0.5]),
            ("leaky-relu", [-0.01, 0.5]),
            ("elu", [(-1.0f32).exp() - 1.0, 0.5]),
            ("tanh", [(-1.0f32).tanh(), 0.5f32.tanh()]),
            ("sigmoid", [0.268_941_43, 0.622_459_3]),
            ("gelu", [-0.158_808, 0.345_714]),
        ];
        for (name, want) in cases {
            Activation::parse(name).unwrap().forward(&x, &mut y);
            for (a, b) in y.iter().zip(want) {
                assert!((a - b).abs() < 1e-4, "{name}: {a} vs {b}");
            }
        }
    }
}
