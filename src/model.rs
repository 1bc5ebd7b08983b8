//! From `model` config to a network: the MLP family (linear and logistic
//! are MLPs without hidden layers), CNNs from a layer list, and RNNs.
//! Config errors name the field (`model.layers[2].kernel`).

use crate::config::{LayerConfig, ModelConfig};
use crate::error::{Error, Result};
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
    pub source: String,
}

pub fn init_scheme(m: &ModelConfig, act: Activation) -> Init {
    match m.init.as_str() {
        "zeros" => Init::Zeros,
        "glorot" => Init::Glorot,
        "he" => Init::He,
        // The lesson's linear model starts from zero, as the article does:
        // gradient descent from zero also ends at the minimum-norm solution.
        _ if m.kind == "linear" => Init::Zeros,
        _ if act.is_relu_family() && m.kind != "logistic" => Init::He,
        _ => Init::Glorot,
    }
}

pub fn build_network(
    m: &ModelConfig,
    input: &InputDesc,
    outputs: usize,
    rng: &mut Rng,
) -> Result<Network> {
    let act = Activation::parse(&m.activation)?;
    match m.kind.as_str() {
        "cnn" => {
            let shape = input.image_shape.ok_or_else(|| {
                Error(format!(
                    "model.kind 'cnn' needs image data such as data.source 'digits'; '{}' has no image shape",
                    input.source
                ))
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
            let init = match m.init.as_str() {
                "auto" if relu => Init::He,
                "auto" => Init::Glorot,
                _ => init_scheme(m, act),
            };
            build::build(&shape, &specs, outputs, init, rng)
                .map_err(|e| Error(format!("model.layers: {e}")))
        }
        "rnn" => {
            let hidden = m.hidden.first().copied().unwrap_or(DEFAULT_RNN_HIDDEN);
            let init = if m.init == "auto" {
                Init::Glorot
            } else {
                init_scheme(m, act)
            };
            build::rnn_network(input.width, 1, hidden, outputs, init, rng)
        }
        _ => {
            let hidden: &[usize] = if m.kind == "mlp" { &m.hidden } else { &[] };
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
    let need = |v: Option<usize>, name: &str, lo: usize, hi: usize| -> Result<usize> {
        let v = v.ok_or_else(|| {
            Error(format!(
                "{} is required for a {} layer",
                field(name),
                l.kind
            ))
        })?;
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(Error(format!(
                "{} must be from {lo} to {hi}, got {v}",
                field(name)
            )))
        }
    };
    let act = |a: &Option<String>| -> Result<Option<Activation>> {
        a.as_deref()
            .map(|a| {
                Activation::parse(a).map_err(|_| {
                    Error(format!("{}: unknown activation '{a}'", field("activation")))
                })
            })
            .transpose()
    };
    // Fields that the layer type does not use are refused, not ignored.
    let allowed: &[&str] = match l.kind.as_str() {
        "conv2d" => &["filters", "kernel", "stride", "padding", "activation"],
        "maxpool" => &["size", "stride"],
        "dense" => &["units", "activation"],
        "dropout" => &["rate"],
        _ => &[],
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
            return Err(Error(format!(
                "{} does not apply to a '{}' layer",
                field(name),
                l.kind
            )));
        }
    }
    Ok(match l.kind.as_str() {
        "conv2d" => {
            let padding_same = match l.padding.as_deref().unwrap_or("same") {
                "same" => true,
                "valid" => false,
                other => return Err(Error(format!("{} must be 'same' or 'valid', got '{other}'", field("padding")))),
            };
            LayerSpec::Conv2d {
                filters: need(l.filters, "filters", 1, 64)?,
                kernel: need(l.kernel, "kernel", 1, 11)?,
                stride: need(l.stride.or(Some(1)), "stride", 1, 8)?,
                padding_same,
                activation: act(&l.activation)?,
            }
        }
        "maxpool" => {
            let size = need(l.size, "size", 1, 8)?;
            LayerSpec::MaxPool { size, stride: need(l.stride.or(Some(size)), "stride", 1, 8)? }
        }
        "flatten" => LayerSpec::Flatten,
        "dense" => LayerSpec::Dense { units: need(l.units, "units", 1, 512)?, activation: act(&l.activation)? },
        "dropout" => {
            let rate = l.rate.ok_or_else(|| Error(format!("{} is required for a dropout layer", field("rate"))))?;
            if !(rate.is_finite() && (0.0..1.0).contains(&rate)) {
                return Err(Error(format!("{} must be at least 0 and below 1, got {rate}", field("rate"))));
            }
            LayerSpec::Dropout { rate: rate as f32 }
        }
        other => match Activation::parse(other) {
            Ok(a) => LayerSpec::Act(a),
            Err(_) => {
                return Err(Error(format!(
                    "{} must be 'conv2d', 'maxpool', 'flatten', 'dense', 'dropout' or an activation, got '{other}'",
                    field("type")
                )))
            }
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn err(layers: &str) -> String {
        let cfg = Config::from_json(&format!(
            r#"{{"data":{{"source":"digits"}},"model":{{"kind":"cnn","layers":{layers}}}}}"#
        ))
        .unwrap();
        let input = InputDesc {
            width: 64,
            image_shape: Some([1, 8, 8]),
            source: "digits".into(),
        };
        build_network(&cfg.model, &input, 10, &mut crate::rng::seeded(1))
            .expect_err("refused")
            .0
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
        assert!(e.contains("layer 1") && e.contains("maxpool"), "{e}");
    }

    #[test]
    fn cnn_needs_images() {
        let cfg = Config::from_json(r#"{"data":{"source":"xor"},"model":{"kind":"cnn"}}"#).unwrap();
        let input = InputDesc {
            width: 2,
            image_shape: None,
            source: "xor".into(),
        };
        let e = build_network(&cfg.model, &input, 1, &mut crate::rng::seeded(1))
            .err()
            .unwrap()
            .0;
        assert!(e.contains("needs image data"), "{e}");
    }
}
