//! What the engine offers, for the page to build its controls from: every
//! data source with its settings, every model kind, activation, init, loss,
//! optimizer (with its hyperparameters), normalization and feature, and
//! every limit a config is checked against, and every error code. Each list is read off the enum
//! or the descriptor the engine itself parses and validates with, so the
//! page cannot drift from what the engine accepts.

use crate::config::{self, Init, LossKind, ModelKind};
use crate::data::features::Feature;
use crate::data::normalize::Normalization;
use crate::data::source::{Facts, Source};
use crate::data::TaskKind;
use crate::data::{csv, sequence};
use crate::layers::Activation;
use crate::optim::{Hyper, OptimizerKind};
use crate::race;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub sources: Vec<Facts>,
    pub models: Vec<ModelEntry>,
    pub activations: Vec<Entry>,
    pub inits: Vec<Entry>,
    pub losses: Vec<LossEntry>,
    pub optimizers: Vec<OptimizerEntry>,
    pub normalizations: Vec<Entry>,
    pub features: Vec<Entry>,
    /// `data.task` for a CSV file: what its target column is.
    pub tasks: Vec<Entry>,
    /// `data.missing` for a CSV file: what happens to a row missing a feature.
    pub missing: Vec<Entry>,
    pub limits: Limits,
    /// Race lanes (`Race`): the settings a race may vary, and how many lanes.
    pub race: RaceEntry,
    /// Every error code the engine throws (as `.code`), with the names of
    /// its `.params`: what the page's string table words (`error.<code>`).
    pub errors: Vec<ErrorEntry>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ErrorEntry {
    pub code: &'static str,
    pub params: &'static [&'static str],
}

#[derive(Debug, Clone, Serialize)]
pub struct RaceEntry {
    /// Setting names, as `new Race(config, setting, values)` takes them.
    pub settings: Vec<&'static str>,
    pub lanes: Limit,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Entry {
    pub id: &'static str,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ModelEntry {
    pub id: ModelKind,
    pub tasks: &'static [TaskKind],
    /// `image` (cnn), `sequence` (rnn), or null: what the data must be.
    pub needs: Option<&'static str>,
    /// What `model.hidden` is for this kind: `layers` (a list of unit
    /// counts, mlp), `state` (one number, rnn), or null (not taken).
    pub hidden: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct LossEntry {
    pub id: LossKind,
    pub tasks: &'static [TaskKind],
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct OptimizerEntry {
    pub id: OptimizerKind,
    pub hyperparameters: &'static [Hyper],
}

/// A numeric limit: the engine refuses values outside `[min, max]`
/// (`min` itself too when `minExclusive`); `suggested` are the values the
/// page's menus offer, `ui` a narrower range for a slider or field.
#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Limit {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub min_exclusive: bool,
    pub max: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ui: Option<UiMax>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct UiMax {
    pub max: f64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub learning_rate: Limit,
    pub batch_size: Limit,
    pub hidden_layers: Limit,
    pub units: Limit,
    pub rnn_state: Limit,
    pub samples: Limit,
    pub window: Limit,
    pub classes: Limit,
    /// `train.l1` and `train.l2`.
    pub regularization: Limit,
    /// Each of `data.split.train/val/test`, a fraction.
    pub split: Limit,
    pub cnn_filters: Limit,
    pub cnn_kernel: Limit,
    pub cnn_layers: Limit,
    pub clip_norm: Limit,
    /// `train.earlyStopping.patience`, in epochs.
    pub patience: Limit,
    /// Steps one `train()` / `trainSteps()` call may take.
    pub train_steps: Limit,
    /// Rows one `layerOutputs()` call may take.
    pub layer_rows: Limit,
    pub csv: CsvLimits,
    /// A model file (`Session.importModel`) at most, in bytes.
    pub model_file: Limit,
    /// Points a side of a `lossSurface` grid.
    pub surface_resolution: Limit,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvLimits {
    pub max_bytes: usize,
    pub max_columns: usize,
    pub max_rows: usize,
    pub max_cells: usize,
    pub min_classes: usize,
    pub max_classes: usize,
    /// Distinct values a text feature column may have (one input each).
    pub max_levels: usize,
}

/// Steps one `train()` call may take (the wasm boundary refuses more).
pub const MAX_TRAIN_STEPS: u32 = 1_000_000;

fn range(min: f64, max: f64) -> Limit {
    Limit {
        min: Some(min),
        max,
        ..Limit::default()
    }
}

/// TensorFlow Playground's menus, so its lessons carry over number for number.
const LEARNING_RATES: [f64; 11] = [
    0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];
const REG_RATES: [f64; 10] = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];

pub fn catalog() -> Catalog {
    let ids = |all: &[&'static str]| all.iter().map(|&id| Entry { id }).collect();
    Catalog {
        sources: Source::ALL.iter().map(|s| s.facts()).collect(),
        models: ModelKind::ALL
            .iter()
            .map(|&id| ModelEntry {
                id,
                tasks: id.tasks(),
                needs: id.needs(),
                hidden: match id {
                    ModelKind::Mlp => Some("layers"),
                    ModelKind::Rnn => Some("state"),
                    ModelKind::Linear | ModelKind::Logistic | ModelKind::Cnn => None,
                },
            })
            .collect(),
        activations: ids(&Activation::ALL.iter().map(|a| a.name()).collect::<Vec<_>>()),
        inits: ids(&Init::ALL.iter().map(|i| i.id()).collect::<Vec<_>>()),
        losses: LossKind::ALL
            .iter()
            .map(|&id| LossEntry {
                id,
                tasks: id.tasks(),
            })
            .collect(),
        optimizers: OptimizerKind::ALL
            .iter()
            .map(|&id| OptimizerEntry {
                id,
                hyperparameters: id.hyperparameters(),
            })
            .collect(),
        normalizations: ids(&Normalization::ALL
            .iter()
            .map(|n| n.id())
            .collect::<Vec<_>>()),
        features: ids(&Feature::ALL.iter().map(|f| f.id()).collect::<Vec<_>>()),
        tasks: ids(&TaskKind::ALL.iter().map(|t| t.id()).collect::<Vec<_>>()),
        missing: ids(&csv::Missing::ALL.iter().map(|m| m.id()).collect::<Vec<_>>()),
        limits: Limits {
            learning_rate: Limit {
                min: Some(0.0),
                min_exclusive: true,
                max: config::MAX_LEARNING_RATE,
                default: Some(config::DEFAULT_LEARNING_RATE),
                suggested: LEARNING_RATES.to_vec(),
                ui: None,
            },
            batch_size: Limit {
                default: Some(config::DEFAULT_BATCH as f64),
                ..range(1.0, config::MAX_BATCH as f64)
            },
            hidden_layers: range(0.0, config::MAX_HIDDEN_LAYERS as f64),
            units: range(1.0, config::MAX_UNITS as f64),
            rnn_state: Limit {
                default: Some(crate::model::DEFAULT_RNN_HIDDEN as f64),
                // Each recurrent unit is a step of backpropagation through
                // time per value: past 64 the page's training crawls.
                ui: Some(UiMax { max: 64.0 }),
                ..range(1.0, config::MAX_UNITS as f64)
            },
            samples: range(2.0, config::MAX_SAMPLES as f64),
            patience: range(1.0, config::MAX_PATIENCE as f64),
            window: Limit {
                default: Some(sequence::DEFAULT_WINDOW as f64),
                ..range(2.0, sequence::MAX_WINDOW as f64)
            },
            classes: range(2.0, config::MAX_CLASSES as f64),
            regularization: Limit {
                suggested: REG_RATES.to_vec(),
                ..range(0.0, config::MAX_PENALTY)
            },
            split: range(0.0, 1.0),
            cnn_filters: Limit {
                suggested: vec![2.0, 4.0, 8.0, 16.0],
                ..range(1.0, crate::model::MAX_FILTERS as f64)
            },
            cnn_kernel: range(1.0, crate::model::MAX_KERNEL as f64),
            cnn_layers: range(0.0, config::MAX_CNN_LAYERS as f64),
            clip_norm: Limit {
                min: Some(0.0),
                min_exclusive: true,
                max: f64::MAX,
                ..Limit::default()
            },
            train_steps: range(0.0, f64::from(MAX_TRAIN_STEPS)),
            layer_rows: range(1.0, crate::session::MAX_LAYER_ROWS as f64),
            csv: CsvLimits {
                max_bytes: csv::MAX_BYTES,
                max_columns: csv::MAX_COLUMNS,
                max_rows: config::MAX_SAMPLES,
                max_cells: config::MAX_CELLS,
                min_classes: 2,
                max_classes: config::MAX_CLASSES,
                max_levels: csv::MAX_LEVELS,
            },
            model_file: range(0.0, crate::export::MAX_MODEL_BYTES as f64),
            surface_resolution: range(2.0, crate::session::MAX_RESOLUTION as f64),
        },
        race: RaceEntry {
            settings: race::SETTINGS.iter().map(|&(name, _)| name).collect(),
            lanes: range(race::MIN_LANES as f64, race::MAX_LANES as f64),
        },
        errors: crate::error::CODES
            .iter()
            .map(|&(code, params)| ErrorEntry { code, params })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the catalog lists is one the config reader accepts, and a
    /// config built from each source's defaults makes a session.
    #[test]
    fn every_listed_choice_is_accepted() {
        let c = catalog();
        let cfg = |data: &str, model: &str, train: &str| {
            crate::config::Config::from_json(&format!(
                r#"{{"data":{data},"model":{model},"train":{train}}}"#
            ))
        };
        for s in &c.sources {
            let id = s.id.id();
            let mut data = serde_json::json!({ "source": id });
            for setting in s.settings {
                data[setting.name] = match setting.kind {
                    "flag" => serde_json::json!(true),
                    "count" => serde_json::json!(setting.default.as_f64() as u64),
                    _ => serde_json::json!(setting.default),
                };
            }
            if id == "csv" {
                data["csv"] = "a,b\n1,2\n3,4\n5,6\n7,8\n".into();
                data["target"] = "b".into();
                data["task"] = "regression".into();
            }
            let model = if s.task == Some(TaskKind::Classification) {
                "logistic"
            } else {
                "linear"
            };
            let model = if s.sequence { "rnn" } else { model };
            let c = cfg(
                &data.to_string(),
                &format!(r#"{{"kind":"{model}"}}"#),
                r#"{"batchSize":1}"#,
            )
            .unwrap_or_else(|e| panic!("{id}: {e}"));
            crate::session::Session::new(c).unwrap_or_else(|e| panic!("{id}: {e}"));
        }
        for o in &c.optimizers {
            let mut train = serde_json::json!({ "optimizer": o.id.id() });
            for h in o.hyperparameters {
                train[h.name] = if h.kind == "flag" {
                    serde_json::json!(true)
                } else {
                    serde_json::json!(h.default)
                };
            }
            cfg(
                r#"{"source":"xor"}"#,
                r#"{"kind":"logistic"}"#,
                &train.to_string(),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", o.id.id()));
        }
        for a in &c.activations {
            cfg(
                r#"{"source":"xor"}"#,
                &format!(r#"{{"kind":"mlp","hidden":[2],"activation":"{}"}}"#, a.id),
                "{}",
            )
            .unwrap_or_else(|e| panic!("{}: {e}", a.id));
        }
    }

    /// The limits are the ones the reader enforces: just past each is refused.
    #[test]
    fn limits_are_enforced_at_their_edges() {
        let l = catalog().limits;
        let train = |t: String| {
            crate::config::Config::from_json(&format!(
                r#"{{"data":{{"source":"xor"}},"train":{t}}}"#
            ))
        };
        assert!(train(format!(r#"{{"learningRate":{}}}"#, l.learning_rate.max)).is_ok());
        let early = |p: f64| train(format!(r#"{{"earlyStopping":{{"patience":{p}}}}}"#));
        let lo = l.patience.min.unwrap_or(0.0);
        assert!(early(lo).is_ok() && early(l.patience.max).is_ok());
        assert!(early(lo - 1.0).is_err() && early(l.patience.max + 1.0).is_err());
        assert!(train(format!(
            r#"{{"learningRate":{}}}"#,
            l.learning_rate.max * 1.01
        ))
        .is_err());
        assert!(train(r#"{"learningRate":0}"#.into()).is_err());
        assert!(train(format!(r#"{{"batchSize":{}}}"#, l.batch_size.max + 1.0)).is_err());
        assert!(train(format!(r#"{{"l2":{}}}"#, l.regularization.max + 0.1)).is_err());
        // A hyperparameter of another optimizer is refused, not ignored.
        let e = train(r#"{"optimizer":"sgd","beta1":0.9}"#.into())
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "train.beta1 does not apply to train.optimizer 'sgd' (only to 'adam', 'adamw'); \
             remove it"
        );
    }

    #[test]
    fn serialises_with_the_page_s_keys() {
        let v = serde_json::to_value(catalog()).unwrap();
        let circle = &v["sources"][0];
        assert_eq!(circle["id"], "circle");
        assert_eq!(circle["task"], "classification");
        assert_eq!(circle["settings"][0]["name"], "samples");
        assert_eq!(v["limits"]["learningRate"]["max"], 100.0);
        let adamw = v["optimizers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == "adamw")
            .unwrap();
        assert_eq!(adamw["hyperparameters"][0]["name"], "weightDecay");
        assert_eq!(adamw["hyperparameters"][0]["default"], 0.01);
        let digits = v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "digits")
            .unwrap();
        assert_eq!(digits["shape"], serde_json::json!([1, 8, 8]));
        assert_eq!(digits["load"], "digits");
        assert_eq!(v["race"]["settings"][0], "learningRate");
        assert_eq!(
            v["race"]["lanes"],
            serde_json::json!({ "min": 2.0, "max": 4.0 })
        );
    }

    /// Every setting the catalog lists for a race builds lanes, and the
    /// lane counts at its limits are the ones `Race` takes.
    #[test]
    fn every_race_setting_listed_builds_lanes() {
        let c = catalog();
        let cfg = crate::config::Config::from_json(
            r#"{"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[2]}}"#,
        )
        .unwrap();
        let values = |s: &str| -> Vec<serde_json::Value> {
            match s {
                "learningRate" => vec![0.01.into(), 0.1.into()],
                "optimizer" => vec!["sgd".into(), "adam".into()],
                "batchSize" => vec![4.into(), 8.into()],
                "normalize" => vec!["none".into(), "standard".into()],
                "init" => vec!["zeros".into(), "glorot".into()],
                "hidden" => vec![serde_json::json!([2]), serde_json::json!([3, 3])],
                "activation" => vec!["tanh".into(), "relu".into()],
                other => panic!("a race setting without a test value: {other}"),
            }
        };
        for &s in &c.race.settings {
            race::Race::new(&cfg, s, &values(s)).unwrap_or_else(|e| panic!("{s}: {e}"));
        }
        let (lo, hi) = (
            c.race.lanes.min.unwrap() as usize,
            c.race.lanes.max as usize,
        );
        let lr = |n: usize| -> Vec<serde_json::Value> {
            (0..n).map(|i| (0.01 * (i + 1) as f64).into()).collect()
        };
        assert!(race::Race::new(&cfg, "learningRate", &lr(lo)).is_ok());
        assert!(race::Race::new(&cfg, "learningRate", &lr(hi)).is_ok());
        assert!(race::Race::new(&cfg, "learningRate", &lr(lo - 1)).is_err());
        assert!(race::Race::new(&cfg, "learningRate", &lr(hi + 1)).is_err());
    }
}
