//! From `model` config to a network: the MLP family (linear and logistic
//! are MLPs without hidden layers), CNNs from a layer list, and RNNs.
//! Config errors name the field (`model.layers[2].kernel`).

use crate::config::{Init as InitChoice, LayerConfig, LayerType, ModelConfig, ModelKind, Padding};
use crate::data::Source;
use crate::error::{Bounds, Error, Result};
use crate::layers::build::{self, LayerSpec};
use crate::layers::Activation;
use crate::network::{Init, Network};
use crate::rng::Rng;

/// The RNN state size when `model.hidden` is absent.
pub const DEFAULT_RNN_HIDDEN: usize = 16;

/// What the data offers the model.
pub struct InputDesc {
    /// Model inputs a row (after the feature map).
    pub width: usize,
    /// `[C, H, W]` for image sets.
    pub image_shape: Option<[usize; 3]>,
    pub source: Source,
}

/// The scheme `model.init` names; `auto` decides by model and activation.
pub fn init_scheme(m: &ModelConfig, act: Activation) -> Init {
    match m.init {
        InitChoice::Zeros => Init::Zeros,
        InitChoice::Glorot => Init::Glorot,
        InitChoice::He => Init::He,
        // The lesson's linear model starts from zero, as the article does:
        // gradient descent from zero also ends at the minimum-norm solution.
        InitChoice::Auto if m.kind == ModelKind::Linear => Init::Zeros,
        InitChoice::Auto if act.is_relu_family() && m.kind != ModelKind::Logistic => Init::He,
        InitChoice::Auto => Init::Glorot,
    }
}

pub fn build_network(
    m: &ModelConfig,
    input: &InputDesc,
    outputs: usize,
    rng: &mut Rng,
) -> Result<Network> {
    let act = m.activation;
    match m.kind {
        ModelKind::Cnn => {
            let shape = input.image_shape.ok_or_else(|| {
                Error::needs("model.kind", Some("cnn"), "image", Some(input.source.id()))
            })?;
            let specs = match &m.layers {
                Some(layers) => layer_specs(layers)?,
                None => default_cnn(),
            };
            let relu = specs.iter().any(|s| match s {
                LayerSpec::Conv2d { activation, .. } | LayerSpec::Dense { activation, .. } => {
                    activation.is_some_and(|a| a.is_relu_family())
                }
                LayerSpec::Act(a) => a.is_relu_family(),
                _ => false,
            });
            let init = match m.init {
                InitChoice::Auto if relu => Init::He,
                InitChoice::Auto => Init::Glorot,
                _ => init_scheme(m, act),
            };
            build::build(&shape, &specs, outputs, init, rng)
        }
        ModelKind::Rnn => {
            let hidden = m.hidden.first().copied().unwrap_or(DEFAULT_RNN_HIDDEN);
            let init = if m.init == InitChoice::Auto {
                Init::Glorot
            } else {
                init_scheme(m, act)
            };
            build::rnn_network(input.width, 1, hidden, outputs, init, rng)
        }
        ModelKind::Linear | ModelKind::Logistic | ModelKind::Mlp => {
            let hidden: &[usize] = if m.kind == ModelKind::Mlp {
                &m.hidden
            } else {
                &[]
            };
            Ok(Network::mlp(
                input.width,
                hidden,
                act,
                outputs,
                init_scheme(m, act),
                rng,
            ))
        }
    }
}

/// The default CNN for small images: conv 8@3×3 (same) → ReLU → maxpool 2,
/// then the output layer (appended by the builder).
pub fn default_cnn() -> Vec<LayerSpec> {
    vec![
        LayerSpec::Conv2d {
            filters: 8,
            kernel: 3,
            stride: 1,
            padding_same: true,
            activation: Some(Activation::Relu),
        },
        LayerSpec::MaxPool { size: 2, stride: 2 },
    ]
}

fn layer_specs(layers: &[LayerConfig]) -> Result<Vec<LayerSpec>> {
    layers
        .iter()
        .enumerate()
        .map(|(i, l)| layer_spec(i, l))
        .collect()
}

fn layer_spec(i: usize, l: &LayerConfig) -> Result<LayerSpec> {
    let field = |name: &str| format!("model.layers[{i}].{name}");
    let kind = l.kind.id();
    let need = |v: Option<usize>, name: &str, lo: usize, hi: usize| -> Result<usize> {
        let v = v.ok_or_else(|| Error::required(&field(name), Some(kind)))?;
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            let bounds = Bounds::between(lo as f64, hi as f64);
            Err(Error::range(&field(name), v as f64, bounds))
        }
    };
    // Fields that the layer type does not use are refused, not ignored.
    let allowed: &[&str] = match l.kind {
        LayerType::Conv2d => &["filters", "kernel", "stride", "padding", "activation"],
        LayerType::MaxPool => &["size", "stride"],
        LayerType::Dense => &["units", "activation"],
        LayerType::Dropout => &["rate"],
        LayerType::Flatten | LayerType::Act(_) => &[],
    };
    for (name, given) in [
        ("filters", l.filters.is_some()),
        ("kernel", l.kernel.is_some()),
        ("stride", l.stride.is_some()),
        ("padding", l.padding.is_some()),
        ("size", l.size.is_some()),
        ("units", l.units.is_some()),
        ("rate", l.rate.is_some()),
        ("activation", l.activation.is_some()),
    ] {
        if given && !allowed.contains(&name) {
            let setting = field("type");
            return Err(Error::not_applicable(&field(name), &setting, kind, &[]));
        }
    }
    Ok(match l.kind {
        LayerType::Conv2d => LayerSpec::Conv2d {
            filters: need(l.filters, "filters", 1, MAX_FILTERS)?,
            kernel: need(l.kernel, "kernel", 1, MAX_KERNEL)?,
            stride: need(l.stride.or(Some(1)), "stride", 1, MAX_STRIDE)?,
            padding_same: l.padding.unwrap_or(Padding::Same) == Padding::Same,
            activation: l.activation,
        },
        LayerType::MaxPool => {
            let size = need(l.size, "size", 1, MAX_POOL)?;
            LayerSpec::MaxPool {
                size,
                stride: need(l.stride.or(Some(size)), "stride", 1, MAX_STRIDE)?,
            }
        }
        LayerType::Flatten => LayerSpec::Flatten,
        LayerType::Dense => LayerSpec::Dense {
            units: need(l.units, "units", 1, MAX_DENSE_UNITS)?,
            activation: l.activation,
        },
        LayerType::Dropout => {
            let rate = l
                .rate
                .ok_or_else(|| Error::required(&field("rate"), Some("dropout")))?;
            let bounds = Bounds {
                max_exclusive: true,
                ..Bounds::between(0.0, 1.0)
            };
            if !bounds.contains(rate) {
                return Err(Error::range(&field("rate"), rate, bounds));
            }
            LayerSpec::Dropout { rate: rate as f32 }
        }
        LayerType::Act(a) => LayerSpec::Act(a),
    })
}

/// A cnn's layer settings at most (the catalog reports them).
pub const MAX_FILTERS: usize = 64;
pub const MAX_KERNEL: usize = 11;
pub const MAX_STRIDE: usize = 8;
pub const MAX_POOL: usize = 8;
pub const MAX_DENSE_UNITS: usize = 512;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// The refusal, whether the config reader (names) or the builder (numbers, shapes) gives it.
    fn err(layers: &str) -> String {
        let cfg = match Config::from_json(&format!(
            r#"{{"data":{{"source":"digits"}},"model":{{"kind":"cnn","layers":{layers}}}}}"#
        )) {
            Ok(cfg) => cfg,
            Err(e) => return e.to_string(),
        };
        let input = InputDesc {
            width: 64,
            image_shape: Some([1, 8, 8]),
            source: Source::Digits,
        };
        build_network(&cfg.model, &input, 10, &mut crate::rng::seeded(1))
            .expect_err("refused")
            .to_string()
    }

    #[test]
    fn layer_list_errors_name_the_field() {
        assert!(err(r#"[{"type":"conv2d","kernel":3}]"#)
            .contains("model.layers[0].filters is required"));
        assert!(err(
            r#"[{"type":"conv2d","filters":4,"kernel":3},{"type":"maxpool","size":2,"units":3}]"#
        )
        .contains("model.layers[1].units does not apply"));
        assert!(err(r#"[{"type":"conv"}]"#).contains("model.layers[0].type must be"));
        assert!(err(r#"[{"type":"dropout","rate":1.5}]"#).contains("model.layers[0].rate"));
        // A shape that does not fit names the layer.
        let e = err(r#"[{"type":"maxpool","size":4},{"type":"maxpool","size":4}]"#);
        assert!(e.contains("model.layers[1] (maxpool 4×4)"), "{e}");
    }

    #[test]
    fn cnn_needs_images() {
        let cfg = Config::from_json(r#"{"data":{"source":"xor"},"model":{"kind":"cnn"}}"#).unwrap();
        let input = InputDesc {
            width: 2,
            image_shape: None,
            source: Source::Xor,
        };
        let e = build_network(&cfg.model, &input, 1, &mut crate::rng::seeded(1))
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("needs image data"), "{e}");
    }
}
