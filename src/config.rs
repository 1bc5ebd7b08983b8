//! The session config: one plain object from the page (camelCase keys),
//! read into types and validated once here, so the rest of the engine can
//! trust it: every named choice is an enum (`choice.rs`), matched
//! exhaustively downstream.
//!
//! Reading goes through `read_json` (by hand, not serde's derive), so a
//! wrong type names its field ("train.learningRate: expected a number,
//! ..."); unknown keys are refused because a typo silently ignored is a
//! lesson silently wrong. `Serialize` is derived only to write a config
//! into a model file.

use crate::data::csv::Missing;
use crate::data::features::Feature;
use crate::data::normalize::Normalization;
use crate::data::{Source, TaskKind};
use crate::error::{Bounds, Error, Result};
use crate::layers::Activation;
use crate::optim::OptimizerKind;
use crate::read_json::{self as rj, Obj};
use serde::Serialize;
use serde_json::Value;

mod choices;
mod read;

pub use choices::*;
pub(crate) use read::hidden as read_hidden;

/// Limits that keep the page alive (and the tab's memory bounded).
pub const MAX_CELLS: usize = 200_000;
pub const MAX_SAMPLES: usize = 100_000;
pub const MAX_HIDDEN_LAYERS: usize = 8;
pub const MAX_UNITS: usize = 256;
pub const MAX_CLASSES: usize = 8;
pub const MAX_BATCH: usize = 100_000;
/// The largest learning rate: past it every model here diverges at once.
pub const MAX_LEARNING_RATE: f64 = 100.0;
/// `train.l1`, `train.l2` and `data.noise` at most.
pub const MAX_PENALTY: f64 = 10.0;
pub const MAX_NOISE: f64 = 10.0;
pub const DEFAULT_LEARNING_RATE: f64 = 0.01;
pub const DEFAULT_BATCH: usize = 10;
/// `model.layers` entries at most.
pub const MAX_CNN_LAYERS: usize = 32;

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

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DataConfig {
    pub source: Source,
    pub samples: Option<usize>,
    pub noise: Option<f64>,
    /// `blobs` and `spiral-k`: number of classes.
    pub classes: Option<usize>,
    /// `checkerboard`: tiles along each side.
    pub tiles: Option<usize>,
    pub split: Option<SplitConfig>,
    pub normalize: Option<Normalization>,
    /// 2-D sets: the model's inputs, made from x1 and x2.
    pub features: Option<Vec<Feature>>,
    /// `csv` source: the file's text, the target column and the task.
    pub csv: Option<String>,
    pub target: Option<String>,
    pub task: Option<TaskKind>,
    pub missing: Option<Missing>,
    /// Sequence sources: steps a window (usually set as `model.window`).
    pub window: Option<usize>,
    /// `sine-seq`: mix in a second frequency.
    pub mix: Option<bool>,
}

impl Default for DataConfig {
    fn default() -> Self {
        DataConfig {
            source: Source::Circle,
            samples: None,
            noise: None,
            classes: None,
            tiles: None,
            split: None,
            normalize: None,
            features: None,
            csv: None,
            target: None,
            task: None,
            missing: None,
            window: None,
            mix: None,
        }
    }
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
    pub kind: ModelKind,
    /// `mlp`: units of each hidden layer (`[8, 8]`); `rnn`: the state size
    /// (a single number, `16`).
    pub hidden: Vec<usize>,
    /// `cnn`: the layer list; absent means the default for the data.
    pub layers: Option<Vec<LayerConfig>>,
    /// `rnn`: steps a window (default 20).
    pub window: Option<usize>,
    /// Hidden-layer activation.
    pub activation: Activation,
    pub init: Init,
}

/// One layer of a `cnn`: `{ type: 'conv2d', filters: 8, kernel: 3 }`,
/// `{ type: 'maxpool', size: 2 }`, `{ type: 'dense', units: 32 }`, ...
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LayerConfig {
    #[serde(rename = "type")]
    pub kind: LayerType,
    pub filters: Option<usize>,
    pub kernel: Option<usize>,
    pub stride: Option<usize>,
    /// Default `same`.
    pub padding: Option<Padding>,
    pub size: Option<usize>,
    pub units: Option<usize>,
    pub rate: Option<f64>,
    pub activation: Option<Activation>,
}

impl Default for ModelConfig {
    fn default() -> Self {
        ModelConfig {
            kind: ModelKind::Linear,
            hidden: vec![],
            layers: None,
            window: None,
            activation: Activation::Tanh,
            init: Init::Auto,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrainConfig {
    pub optimizer: OptimizerKind,
    pub learning_rate: f64,
    pub batch_size: usize,
    /// The optimizer's hyperparameters; which apply, their ranges and
    /// defaults are the optimizer's own (`OptimizerKind::hyperparameters`).
    pub momentum: Option<f64>,
    pub nesterov: bool,
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    pub rho: Option<f64>,
    pub epsilon: Option<f64>,
    pub weight_decay: Option<f64>,
    pub l1: f64,
    pub l2: f64,
    pub loss: Option<LossKind>,
    /// Rescale the gradient when its global norm exceeds this (RNNs).
    pub clip_norm: Option<f64>,
    /// Stop when the validation loss has not improved for a while.
    pub early_stopping: Option<EarlyStopping>,
}

/// `train.earlyStopping: { patience, minDelta }`: after every epoch the
/// validation loss is compared with the best so far; an improvement of more
/// than `minDelta` keeps the weights as the best checkpoint, and `patience`
/// epochs in a row without one stop training.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EarlyStopping {
    pub patience: usize,
    pub min_delta: f64,
}

/// `train.earlyStopping.patience` at most, in epochs.
pub const MAX_PATIENCE: usize = 1_000;

impl TrainConfig {
    /// The value of hyperparameter `name` given in the config, if any.
    pub fn hyperparameter(&self, name: &str) -> Option<f64> {
        match name {
            "momentum" => self.momentum,
            "nesterov" => self.nesterov.then_some(1.0),
            "beta1" => self.beta1,
            "beta2" => self.beta2,
            "rho" => self.rho,
            "epsilon" => self.epsilon,
            "weightDecay" => self.weight_decay,
            _ => None,
        }
    }
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            optimizer: OptimizerKind::Sgd,
            learning_rate: DEFAULT_LEARNING_RATE,
            batch_size: DEFAULT_BATCH,
            momentum: None,
            nesterov: false,
            beta1: None,
            beta2: None,
            rho: None,
            epsilon: None,
            weight_decay: None,
            l1: 0.0,
            l2: 0.0,
            loss: None,
            clip_norm: None,
            early_stopping: None,
        }
    }
}

impl Config {
    /// Parse JSON text (natively, and in the browser from
    /// `JSON.stringify(config)`), naming the field on a wrong value, then
    /// validate.
    pub fn from_json(text: &str) -> Result<Config> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            // serde_json adds " at line 1 column 42"; meaningless to a learner.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or_default();
            Error::json("config", msg)
        })?;
        Config::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Config> {
        let o = Obj::root(value, "config", CONFIG_KEYS)?;
        let cfg = Config::read(&o)?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// A config inside another document (a model file's `config`); the
    /// document's reader validates it (`export.rs`, once).
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

    /// Range checks that types cannot express, once, when the config is
    /// read. Data-dependent checks (e.g. batch size against the training
    /// set) happen when the data exists.
    pub(crate) fn validate(&self) -> Result<()> {
        let t = &self.train;
        check_learning_rate("train.learningRate", t.learning_rate)?;
        if t.batch_size == 0 || t.batch_size > MAX_BATCH {
            let bounds = Bounds::between(1.0, MAX_BATCH as f64);
            return Err(Error::range("train.batchSize", t.batch_size as f64, bounds));
        }
        let hypers = t.optimizer.hyperparameters();
        // Every optimizer's hyperparameters (the optimizers' own lists, each
        // name once): a given one must be the chosen optimizer's, in range.
        let all = || OptimizerKind::ALL.iter().flat_map(|k| k.hyperparameters());
        for (i, name) in all().map(|h| h.name).enumerate() {
            if all().take(i).any(|h| h.name == name) {
                continue;
            }
            let Some(v) = t.hyperparameter(name) else {
                continue;
            };
            match hypers.iter().find(|h| h.name == name) {
                Some(h) => h.check(&format!("train.{name}"), v)?,
                None => {
                    let only: Vec<&str> = OptimizerKind::ALL
                        .iter()
                        .filter(|k| k.hyperparameters().iter().any(|h| h.name == name))
                        .map(|k| k.id())
                        .collect();
                    return Err(Error::not_applicable(
                        &format!("train.{name}"),
                        "train.optimizer",
                        t.optimizer.id(),
                        &only,
                    ));
                }
            }
        }
        for (name, v) in [("train.l1", t.l1), ("train.l2", t.l2)] {
            check(name, v, Bounds::between(0.0, MAX_PENALTY))?;
        }
        if let Some(c) = t.clip_norm {
            check("train.clipNorm", c, Bounds::positive(None))?;
        }
        if let Some(e) = t.early_stopping {
            check(
                "train.earlyStopping.patience",
                e.patience as f64,
                Bounds::between(1.0, MAX_PATIENCE as f64),
            )?;
            check(
                "train.earlyStopping.minDelta",
                e.min_delta,
                Bounds::at_least(0.0),
            )?;
        }

        let m = &self.model;
        if m.hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(Error::length(
                "model.hidden",
                m.hidden.len(),
                0,
                MAX_HIDDEN_LAYERS,
            ));
        }
        for (i, &u) in m.hidden.iter().enumerate() {
            let units = Bounds::between(1.0, MAX_UNITS as f64);
            check(&format!("model.hidden[{i}]"), u as f64, units)?;
        }
        let kind = m.kind.id();
        let only = |field: &str, kinds: &[&str]| {
            Err(Error::not_applicable(field, "model.kind", kind, kinds))
        };
        if !matches!(m.kind, ModelKind::Mlp | ModelKind::Rnn) && !m.hidden.is_empty() {
            return only("model.hidden", &["mlp", "rnn"]);
        }
        if m.kind == ModelKind::Rnn && m.hidden.len() > 1 {
            // An rnn's hidden is its one state size.
            return Err(Error::length("model.hidden", m.hidden.len(), 0, 1));
        }
        if m.layers.is_some() && m.kind != ModelKind::Cnn {
            return only("model.layers", &["cnn"]);
        }
        if m.window.is_some() && m.kind != ModelKind::Rnn {
            return only("model.window", &["rnn"]);
        }
        if let Some(layers) = &m.layers {
            if layers.len() > MAX_CNN_LAYERS {
                return Err(Error::length(
                    "model.layers",
                    layers.len(),
                    0,
                    MAX_CNN_LAYERS,
                ));
            }
        }

        let d = &self.data;
        if let Some(n) = d.noise {
            check("data.noise", n, Bounds::between(0.0, MAX_NOISE))?;
        }
        if let Some(s) = d.samples {
            let bounds = Bounds::between(2.0, MAX_SAMPLES as f64);
            check("data.samples", s as f64, bounds)?;
        }
        if let Some(s) = &d.split {
            for (name, v) in [
                ("data.split.train", s.train),
                ("data.split.val", s.val),
                ("data.split.test", s.test),
            ] {
                check(name, v, Bounds::between(0.0, 1.0))?;
            }
            // The model needs data to learn from.
            check("data.split.train", s.train, Bounds::positive(Some(1.0)))?;
            let sum = s.train + s.val + s.test;
            if (sum - 1.0).abs() > 1e-6 {
                return Err(Error::split_sum(s.train, s.val, s.test));
            }
        }
        Ok(())
    }
}

/// `v` at `field` within `bounds`, or the `range` error.
fn check(field: &str, v: f64, bounds: Bounds) -> Result<()> {
    if bounds.contains(v) {
        Ok(())
    } else {
        Err(Error::range(field, v, bounds))
    }
}

/// A learning rate: above 0, at most `MAX_LEARNING_RATE` (in a config and
/// when changed while training).
pub fn check_learning_rate(field: &str, v: f64) -> Result<()> {
    check(field, v, Bounds::positive(Some(MAX_LEARNING_RATE)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Config::from_json(json).unwrap_err().message().to_string()
    }

    #[test]
    fn the_lesson_config_parses() {
        let c = Config::from_json(
            r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},
               "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}"#,
        )
        .unwrap();
        assert_eq!(c.train.batch_size, 4);
        assert_eq!(c.model.kind, ModelKind::Linear);
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
        assert_eq!(err(r#"{"seed":1}"#), "data is required");
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
