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
mod exact;
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
pub(crate) mod gradcheck;
#[cfg(test)]
mod tests;
