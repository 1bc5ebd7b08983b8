//! Build a network from a list of layer specs and a per-row input shape:
//! check that every layer fits the shape it receives (an error names the
//! layer), assign parameter offsets in layer order, and initialise.
//!
//! Input shapes: `[C, H, W]` for images (channels first), `[T, F]` for
//! sequences (T steps of F features), `[n]` for plain vectors.
//!
//! Rules:
//! - Layers are numbered from 0 in the order of `specs` in error messages
//!   ("layer 3 (maxpool 3×3): input 2×2 is smaller than the pool").
//! - A conv or dense spec with an activation becomes two layers, the linear
//!   one then `Layer::Act` (a `linear` activation adds nothing).
//! - A dense layer receiving an image or a sequence gets a `Flatten` in
//!   front of it automatically ((h, w, c) order, see `flatten.rs`).
//! - The output layer: unless the last spec already is a dense of
//!   `outputs` units without activation (or with `linear`), a dense layer to
//!   `outputs` logits is appended (the loss applies the output function).
//! - Parameter names use the index of the layer in the built network
//!   (`conv0.kernel`, `dense7.weight`), as `Network::mlp` does.
//! - Initialisation: `init` applies to every weight tensor with its own
//!   fans (conv: fan_in = kh·kw·C, fan_out = kh·kw·F; rnn kernel (F, H),
//!   recurrent (H, H)); Glorot uniform or He normal; biases 0. Each dropout
//!   layer then gets its own generator seeded from `rng`.

use super::{Activation, Conv2d, Dense, Dropout, Flatten, Layer, MaxPool, Rnn};
use crate::error::{Error, Result};
use crate::network::{Init, Network};
use crate::rng::Rng;
use rand::RngCore;

#[derive(Debug, Clone, PartialEq)]
pub enum LayerSpec {
    /// Square `kernel`×`kernel` convolution with `filters` outputs;
    /// `padding_same` keeps ⌈H/stride⌉ (TensorFlow's `same`), else `valid`.
    Conv2d {
        filters: usize,
        kernel: usize,
        stride: usize,
        padding_same: bool,
        activation: Option<Activation>,
    },
    /// `size`×`size` max pooling, `valid` windows.
    MaxPool {
        size: usize,
        stride: usize,
    },
    Flatten,
    Dense {
        units: usize,
        activation: Option<Activation>,
    },
    /// Inverted dropout dropping a fraction `rate` ∈ [0, 1) in training.
    Dropout {
        rate: f32,
    },
    Act(Activation),
    /// Elman RNN with `hidden` tanh units over the whole window; outputs h_T.
    Rnn {
        hidden: usize,
    },
}

impl LayerSpec {
    /// How the layer is named in messages: "conv2d 8@5×5", "maxpool 3×3".
    pub fn describe(&self) -> String {
        match self {
            LayerSpec::Conv2d {
                filters, kernel, ..
            } => format!("conv2d {filters}@{kernel}×{kernel}"),
            LayerSpec::MaxPool { size, .. } => format!("maxpool {size}×{size}"),
            LayerSpec::Flatten => "flatten".into(),
            LayerSpec::Dense { units, .. } => format!("dense {units}"),
            LayerSpec::Dropout { rate } => format!("dropout {rate}"),
            LayerSpec::Act(a) => a.name().into(),
            LayerSpec::Rnn { hidden } => format!("rnn {hidden}"),
        }
    }
}

/// Why a layer does not fit: its input's shape (`layer-shape`: `image`,
/// `sequence`, `kernel` or `pool` of a size), or a size of 0 or a rate out
/// of range, which config validation refuses before a network is built.
enum Misfit {
    Shape(&'static str, Option<usize>),
    Internal(String),
}

impl Misfit {
    /// The error for layer `field` (`spec`), which received `input`.
    fn error(self, field: &str, spec: &LayerSpec, input: &[usize]) -> Error {
        match self {
            Misfit::Shape(needs, size) => {
                Error::layer_shape(field, &spec.describe(), input, needs, size)
            }
            Misfit::Internal(what) => {
                Error::internal(format!("{field} ({}): {what}", spec.describe()))
            }
        }
    }
}

/// Builds the network for `specs` over rows of shape `input` and appends the
/// output layer (see the module's rules).
pub fn build(
    input: &[usize],
    specs: &[LayerSpec],
    outputs: usize,
    init: Init,
    rng: &mut Rng,
) -> Result<Network> {
    // The data decides both; no config reaches here with either wrong.
    if input.is_empty() || input.len() > 3 || input.contains(&0) {
        return Err(Error::internal(format!(
            "the input shape must be [n], [steps, features] or [channels, height, width] with \
             sizes ≥ 1, got {input:?}"
        )));
    }
    if outputs == 0 {
        return Err(Error::internal("the network needs at least one output"));
    }
    let mut b = Builder {
        shape: input.to_vec(),
        layers: Vec::new(),
        off: 0,
    };
    for (i, spec) in specs.iter().enumerate() {
        let input = b.shape.clone();
        b.add(spec)
            .map_err(|m| m.error(&format!("model.layers[{i}]"), spec, &input))?;
    }
    let is_output = matches!(
        specs.last(),
        Some(LayerSpec::Dense { units, activation: None | Some(Activation::Linear) })
            if *units == outputs
    );
    if !is_output {
        let spec = LayerSpec::Dense {
            units: outputs,
            activation: None,
        };
        let input = b.shape.clone();
        b.add(&spec)
            .map_err(|m| m.error("the output layer", &spec, &input))?;
    }
    let mut net = Network::from_layers(b.layers, b.off);
    net.init(init, rng);
    for l in &mut net.layers {
        if let Layer::Dropout(d) = l {
            d.reseed(rng.next_u64());
        }
    }
    Ok(net)
}

/// An Elman RNN over windows of `window` steps of `features_per_step`
/// values, then a dense layer to `outputs`: rows are `[window, features]`.
pub fn rnn_network(
    window: usize,
    features_per_step: usize,
    hidden: usize,
    outputs: usize,
    init: Init,
    rng: &mut Rng,
) -> Result<Network> {
    build(
        &[window, features_per_step],
        &[LayerSpec::Rnn { hidden }],
        outputs,
        init,
        rng,
    )
}

struct Builder {
    /// The per-row shape the next layer receives.
    shape: Vec<usize>,
    layers: Vec<Layer>,
    /// The next free parameter offset.
    off: usize,
}

impl Builder {
    fn width(&self) -> usize {
        self.shape.iter().product()
    }

    fn image(&self) -> std::result::Result<[usize; 3], Misfit> {
        match self.shape[..] {
            [c, h, w] => Ok([c, h, w]),
            _ => Err(Misfit::Shape("image", None)),
        }
    }

    fn activation(&mut self, a: Option<Activation>) {
        if let Some(a) = a.filter(|&a| a != Activation::Linear) {
            self.layers.push(Layer::Act(a, self.width()));
        }
    }

    fn add(&mut self, spec: &LayerSpec) -> std::result::Result<(), Misfit> {
        match *spec {
            LayerSpec::Conv2d {
                filters,
                kernel,
                stride,
                padding_same,
                activation,
            } => {
                if filters == 0 || kernel == 0 || stride == 0 {
                    return Err(Misfit::Internal(
                        "filters, kernel size and stride must be at least 1".into(),
                    ));
                }
                let [c, h, w] = self.image()?;
                if !padding_same && (h < kernel || w < kernel) {
                    return Err(Misfit::Shape("kernel", Some(kernel)));
                }
                let l = Conv2d::new([c, h, w], filters, kernel, stride, padding_same, self.off);
                self.off += l.param_count();
                self.shape = l.out_shape.to_vec();
                self.layers.push(Layer::Conv2d(l));
                self.activation(activation);
            }
            LayerSpec::MaxPool { size, stride } => {
                if size == 0 || stride == 0 {
                    return Err(Misfit::Internal(
                        "pool size and stride must be at least 1".into(),
                    ));
                }
                let [c, h, w] = self.image()?;
                if h < size || w < size {
                    return Err(Misfit::Shape("pool", Some(size)));
                }
                let l = MaxPool::new([c, h, w], size, stride);
                self.shape = l.out_shape.to_vec();
                self.layers.push(Layer::MaxPool(l));
            }
            LayerSpec::Flatten => self.flatten(),
            LayerSpec::Dense { units, activation } => {
                if units == 0 {
                    return Err(Misfit::Internal("units must be at least 1".into()));
                }
                self.flatten();
                let inputs = self.width();
                let d = Dense {
                    inputs,
                    outputs: units,
                    w_off: self.off,
                    b_off: self.off + inputs * units,
                };
                self.off += d.param_count();
                self.shape = vec![units];
                self.layers.push(Layer::Dense(d));
                self.activation(activation);
            }
            LayerSpec::Dropout { rate } => {
                if !(0.0..1.0).contains(&rate) {
                    return Err(Misfit::Internal(format!(
                        "the rate must be in [0, 1), got {rate}"
                    )));
                }
                self.layers
                    .push(Layer::Dropout(Dropout::new(rate, self.width(), 0)));
            }
            LayerSpec::Act(a) => self.layers.push(Layer::Act(a, self.width())),
            LayerSpec::Rnn { hidden } => {
                if hidden == 0 {
                    return Err(Misfit::Internal("hidden units must be at least 1".into()));
                }
                let [t, f] = self.shape[..] else {
                    return Err(Misfit::Shape("sequence", None));
                };
                let l = Rnn::new(t, f, hidden, self.off);
                self.off += l.param_count();
                self.shape = vec![hidden];
                self.layers.push(Layer::Rnn(l));
            }
        }
        Ok(())
    }

    /// Flatten anything that is not already a vector.
    fn flatten(&mut self) {
        if self.shape.len() > 1 {
            self.layers.push(Layer::Flatten(Flatten::new(&self.shape)));
            self.shape = vec![self.width()];
        }
    }
}

#[cfg(test)]
mod tests;
