//! The session config: one plain object from the page (camelCase keys),
//! validated once here so the rest of the engine can trust it.
//!
//! Parsing goes through `read_json`, so a wrong type names its
//! field ("train.learningRate: expected a number, ..."); unknown keys are
//! refused (`deny_unknown_fields`) because a typo silently ignored is a
//! lesson silently wrong.

use crate::error::{Error, Result};
use crate::read_json::{self as rj, Obj};
use serde::Serialize;
use serde_json::Value;

mod read;

/// Limits that keep the page alive (and the tab's memory bounded).
pub const MAX_CELLS: usize = 200_000;
pub const MAX_SAMPLES: usize = 100_000;
pub const MAX_HIDDEN_LAYERS: usize = 8;
pub const MAX_UNITS: usize = 256;
pub const MAX_CLASSES: usize = 8;
pub const MAX_BATCH: usize = 100_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub seed: u64,
    pub data: DataConfig,
    pub model: ModelConfig,
    pub train: TrainConfig,
}

const CONFIG_KEYS: &[&str] = &["seed", "data", "model", "train"];

fn default_seed() -> u64 {
    1
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct DataConfig {
    pub source: String,
    pub samples: Option<usize>,
    pub noise: Option<f64>,
    /// `blobs` and `spiral-k`: number of classes.
    pub classes: Option<usize>,
    pub split: Option<SplitConfig>,
    /// `standard` | `minmax` | `none`.
    pub normalize: Option<String>,
    /// 2-D sets: any of `x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)`.
    pub features: Option<Vec<String>>,
    /// `csv` source: the file's text, the target column and the task.
    pub csv: Option<String>,
    pub target: Option<String>,
    pub task: Option<String>,
    /// `csv` source: `drop` | `mean`.
    pub missing: Option<String>,
    /// Sequence sources: steps a window (usually set as `model.window`).
    pub window: Option<usize>,
    /// `sine-seq`: mix in a second frequency.
    pub mix: Option<bool>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SplitConfig {
    pub train: f64,
    pub val: f64,
    pub test: f64,
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig {
            train: 0.7,
            val: 0.15,
            test: 0.15,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ModelConfig {
    /// `linear` | `logistic` | `mlp` | `cnn` | `rnn`.
    pub kind: String,
    /// `mlp`: units of each hidden layer (`[8, 8]`); `rnn`: the state size
    /// (a single number, `16`).
    pub hidden: Vec<usize>,
    /// `cnn`: the layer list; absent means the default for the data.
    pub layers: Option<Vec<LayerConfig>>,
    /// `rnn`: steps a window (default 20).
    pub window: Option<usize>,
    /// Hidden-layer activation.
    pub activation: String,
    /// `auto` (Glorot for tanh/sigmoid/linear, He for the ReLU family) | `glorot` | `he` | `zeros`.
    pub init: String,
}

fn default_kind() -> String {
    "linear".into()
}
fn default_activation() -> String {
    "tanh".into()
}
fn default_init() -> String {
    "auto".into()
}

/// One layer of a `cnn`: `{ type: 'conv2d', filters: 8, kernel: 3 }`,
/// `{ type: 'maxpool', size: 2 }`, `{ type: 'dense', units: 32 }`, ...
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct LayerConfig {
    /// `conv2d` | `maxpool` | `flatten` | `dense` | `dropout` | an activation name.
    #[serde(rename = "type")]
    pub kind: String,
    pub filters: Option<usize>,
    pub kernel: Option<usize>,
    pub stride: Option<usize>,
    /// `same` | `valid` (default `same`).
    pub padding: Option<String>,
    pub size: Option<usize>,
    pub units: Option<usize>,
    pub rate: Option<f64>,
    pub activation: Option<String>,
}

impl Default for ModelConfig {
    fn default() -> Self {
        ModelConfig {
            kind: default_kind(),
            hidden: vec![],
            layers: None,
            window: None,
            activation: default_activation(),
            init: default_init(),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrainConfig {
    /// `sgd` | `momentum` | `rmsprop` | `adam` | `adagrad`.
    pub optimizer: String,
    pub learning_rate: f64,
    pub batch_size: usize,
    /// `momentum`: the decay of the velocity (default 0.9).
    pub momentum: Option<f64>,
    pub nesterov: bool,
    /// `adam`: beta1, beta2 (defaults 0.9, 0.999).
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    /// `rmsprop`: decay of the squared-gradient average (default 0.9).
    pub rho: Option<f64>,
    /// Added to denominators (default 1e-7, as Keras).
    pub epsilon: Option<f64>,
    pub l1: f64,
    pub l2: f64,
    /// Override the task's default loss: `mse` | `cross-entropy`.
    pub loss: Option<String>,
    /// Rescale the gradient when its global norm exceeds this (RNNs).
    pub clip_norm: Option<f64>,
}

fn default_optimizer() -> String {
    "sgd".into()
}
fn default_lr() -> f64 {
    0.01
}
fn default_batch() -> usize {
    10
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            optimizer: default_optimizer(),
            learning_rate: default_lr(),
            batch_size: default_batch(),
            momentum: None,
            nesterov: false,
            beta1: None,
            beta2: None,
            rho: None,
            epsilon: None,
            l1: 0.0,
            l2: 0.0,
            loss: None,
            clip_norm: None,
        }
    }
}

pub const OPTIMIZERS: &[&str] = &["sgd", "momentum", "rmsprop", "adam", "adagrad"];
pub const ACTIVATIONS: &[&str] = &[
    "relu",
    "leaky-relu",
    "elu",
    "gelu",
    "tanh",
    "sigmoid",
    "linear",
];
pub const MODEL_KINDS: &[&str] = &["linear", "logistic", "mlp", "cnn", "rnn"];
pub const INITS: &[&str] = &["auto", "glorot", "he", "zeros"];
pub const NORMALIZE: &[&str] = &["standard", "minmax", "none"];
pub const LOSSES: &[&str] = &["mse", "cross-entropy"];

impl Config {
    /// Parse JSON text (natively, and in the browser from
    /// `JSON.stringify(config)`), naming the field on a wrong value, then
    /// validate.
    pub fn from_json(text: &str) -> Result<Config> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            // serde_json adds " at line 1 column 42"; meaningless to a learner.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or_default();
            Error(format!("config: not valid JSON ({msg})"))
        })?;
        Config::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Config> {
        let o = Obj::root(value, "config", CONFIG_KEYS).map_err(Error)?;
        let cfg = Config::read(&o).map_err(Error)?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// A config inside another document (a model file's `config`).
    pub fn read_at(v: &Value, path: &str) -> rj::Res<Config> {
        Config::read(&Obj::nested(v, path, CONFIG_KEYS)?)
    }

    /// The config's fields (`read_json` says why by hand).
    fn read(o: &Obj) -> rj::Res<Config> {
        Ok(Config {
            seed: o.or("seed", rj::whole, default_seed())?,
            data: o.req("data", DataConfig::read)?,
            model: o.or("model", ModelConfig::read, ModelConfig::default())?,
            train: o.or("train", TrainConfig::read, TrainConfig::default())?,
        })
    }

    /// Range checks that types cannot express. Data-dependent checks (e.g.
    /// batch size against the training set) happen when the data exists.
    pub fn validate(&self) -> Result<()> {
        let t = &self.train;
        one_of("train.optimizer", &t.optimizer, OPTIMIZERS)?;
        positive_finite("train.learningRate", t.learning_rate)?;
        if t.learning_rate > 100.0 {
            return Err(Error(format!(
                "train.learningRate must be at most 100, got {}",
                t.learning_rate
            )));
        }
        if t.batch_size == 0 || t.batch_size > MAX_BATCH {
            return Err(Error(format!(
                "train.batchSize must be a whole number from 1 to {MAX_BATCH}, got {}",
                t.batch_size
            )));
        }
        for (name, v) in [
            ("train.momentum", t.momentum),
            ("train.beta1", t.beta1),
            ("train.beta2", t.beta2),
            ("train.rho", t.rho),
        ] {
            if let Some(v) = v {
                if !(v.is_finite() && (0.0..1.0).contains(&v)) {
                    return Err(Error(format!(
                        "{name} must be at least 0 and below 1, got {v}"
                    )));
                }
            }
        }
        if let Some(e) = t.epsilon {
            positive_finite("train.epsilon", e)?;
        }
        for (name, v) in [("train.l1", t.l1), ("train.l2", t.l2)] {
            if !(v.is_finite() && (0.0..=10.0).contains(&v)) {
                return Err(Error(format!(
                    "{name} must be a number from 0 to 10, got {v}"
                )));
            }
        }
        if let Some(l) = &t.loss {
            one_of("train.loss", l, LOSSES)?;
        }
        if let Some(c) = t.clip_norm {
            positive_finite("train.clipNorm", c)?;
        }

        let m = &self.model;
        one_of("model.kind", &m.kind, MODEL_KINDS)?;
        one_of("model.activation", &m.activation, ACTIVATIONS)?;
        one_of("model.init", &m.init, INITS)?;
        if m.hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(Error(format!(
                "model.hidden may have at most {MAX_HIDDEN_LAYERS} layers, got {}",
                m.hidden.len()
            )));
        }
        for (i, &u) in m.hidden.iter().enumerate() {
            if u == 0 || u > MAX_UNITS {
                return Err(Error(format!(
                    "model.hidden[{i}] must be from 1 to {MAX_UNITS} units, got {u}"
                )));
            }
        }
        if !matches!(m.kind.as_str(), "mlp" | "rnn") && !m.hidden.is_empty() {
            return Err(Error(format!(
                "model.hidden is only for kind 'mlp' or 'rnn' (kind is '{}'); remove it or choose 'mlp'",
                m.kind
            )));
        }
        if m.kind == "rnn" && m.hidden.len() > 1 {
            return Err(Error(format!(
                "model.hidden for an rnn is one number (its state size), got {} numbers",
                m.hidden.len()
            )));
        }
        if m.layers.is_some() && m.kind != "cnn" {
            return Err(Error(format!(
                "model.layers is only for kind 'cnn' (kind is '{}')",
                m.kind
            )));
        }
        if m.window.is_some() && m.kind != "rnn" {
            return Err(Error(format!(
                "model.window is only for kind 'rnn' (kind is '{}')",
                m.kind
            )));
        }
        if let Some(layers) = &m.layers {
            if layers.len() > 32 {
                return Err(Error(format!(
                    "model.layers may have at most 32 layers, got {}",
                    layers.len()
                )));
            }
        }

        let d = &self.data;
        if let Some(n) = d.noise {
            if !(n.is_finite() && (0.0..=10.0).contains(&n)) {
                return Err(Error(format!(
                    "data.noise must be a number from 0 to 10, got {n}"
                )));
            }
        }
        if let Some(s) = d.samples {
            if !(2..=MAX_SAMPLES).contains(&s) {
                return Err(Error(format!(
                    "data.samples must be from 2 to {MAX_SAMPLES}, got {s}"
                )));
            }
        }
        if let Some(n) = &d.normalize {
            one_of("data.normalize", n, NORMALIZE)?;
        }
        if let Some(s) = &d.split {
            for (name, v) in [
                ("data.split.train", s.train),
                ("data.split.val", s.val),
                ("data.split.test", s.test),
            ] {
                if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
                    return Err(Error(format!(
                        "{name} must be a fraction from 0 to 1, got {v}"
                    )));
                }
            }
            if s.train <= 0.0 {
                return Err(Error(
                    "data.split.train must be above 0: the model needs data to learn from".into(),
                ));
            }
            let sum = s.train + s.val + s.test;
            if (sum - 1.0).abs() > 1e-6 {
                return Err(Error(format!(
                    "data.split fractions must add up to 1, got {} + {} + {} = {sum}",
                    s.train, s.val, s.test
                )));
            }
        }
        if let Some(m) = &d.missing {
            one_of("data.missing", m, &["drop", "mean"])?;
        }
        if let Some(t) = &d.task {
            one_of("data.task", t, &["classification", "regression"])?;
        }
        Ok(())
    }
}

pub fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error(format!(
            "{field} must be one of {}, got '{value}'",
            allowed
                .iter()
                .map(|a| format!("'{a}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }
}

pub fn positive_finite(field: &str, v: f64) -> Result<()> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(Error(format!("{field} must be a positive number, got {v}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Config::from_json(json).unwrap_err().0
    }

    #[test]
    fn the_lesson_config_parses() {
        let c = Config::from_json(
            r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},
               "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}"#,
        )
        .unwrap();
        assert_eq!(c.train.batch_size, 4);
        assert_eq!(c.model.kind, "linear");
    }

    #[test]
    fn bad_configs_name_the_field() {
        let base =
            |train: &str| format!(r#"{{"data":{{"source":"article-linear"}},"train":{train}}}"#);
        assert!(err(&base(r#"{"learningRate":-1}"#)).contains("train.learningRate"));
        assert!(err(&base(r#"{"learningRate":0}"#)).contains("positive"));
        assert!(
            err(&base(r#"{"learningRate":"fast"}"#))
                == "train.learningRate: expected a number, got the text \"fast\""
        );
        assert!(err(&base(r#"{"batchSize":0}"#)).contains("train.batchSize"));
        assert!(err(&base(r#"{"batchSize":2.5}"#)).contains("train.batchSize"));
        assert!(err(&base(r#"{"optimizer":"magic"}"#)).contains("'adam'"));
        assert!(err(&base(r#"{"learningrate":0.1}"#)).contains("unknown field `learningrate`"));
        assert!(err(r#"{"data":{"source":"x"},"modle":{}}"#).contains("unknown field `modle`"));
        assert!(err(r#"{"seed":1}"#).contains("missing field `data`"));
        assert!(
            err(r#"{"data":{"source":"xor","split":{"train":0.5,"val":0.1,"test":0.1}}}"#)
                .contains("add up to 1")
        );
        assert!(
            err(r#"{"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[8,999]}}"#)
                .contains("model.hidden[1]")
        );
        assert!(err(
            r#"{"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[1,1,1,1,1,1,1,1,1]}}"#
        )
        .contains("at most 8"));
    }
}
