//! Race lanes: 2 to 4 sessions from one config that differ in one setting,
//! trained in lockstep, so a learner sees what that one setting does.
//!
//! Every lane has the config's seed, so the same data, split and shuffles
//! (each is its own seeded stream, `session/build.rs`); lanes whose
//! networks have the same tensors as lane 1 (every setting but `hidden`,
//! and `init`, which is the point of its race) start from lane 1's very
//! weights, so an `activation` race compares activations from one start.
//! `train(steps)` gives every running lane the same number of steps; a
//! lane that diverges stops there with the reason, the others go on.

use crate::config::{self, Config, Init};
use crate::data::normalize::Normalization;
use crate::error::{Bounds, Error, Result};
use crate::optim::OptimizerKind;
use crate::read_json as rj;
use crate::session::{Session, TrainReport};
use serde_json::Value;

/// The settings a race may vary: its name, and the config section holding it.
pub const SETTINGS: &[(&str, &str)] = &[
    ("learningRate", "train"),
    ("optimizer", "train"),
    ("batchSize", "train"),
    ("normalize", "data"),
    ("init", "model"),
    ("hidden", "model"),
    ("activation", "model"),
];
pub const MIN_LANES: usize = 2;
pub const MAX_LANES: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Training,
    Paused,
    /// `train.earlyStopping` stopped it (no better validation loss for
    /// `patience` epochs).
    StoppedEarly,
    /// Why it stopped: the session's `diverged` error (`Session::divergence`).
    Diverged(Error),
}

impl Status {
    /// `training`, `paused`, `stopped early` or `diverged` (the why is
    /// `divergence()`, a value the page words).
    pub fn text(&self) -> &'static str {
        match self {
            Status::Training => "training",
            Status::Paused => "paused",
            Status::StoppedEarly => "stopped early",
            Status::Diverged(_) => "diverged",
        }
    }

    /// Why a diverged lane stopped.
    pub fn divergence(&self) -> Option<&Error> {
        match self {
            Status::Diverged(e) => Some(e),
            _ => None,
        }
    }
}

pub struct Lane {
    /// The lane's value of the setting as text: a name as it is (`adam`),
    /// anything else as JSON (`0.01`, `[8,8]`).
    pub value: String,
    pub session: Session,
    pub status: Status,
}

/// One lane's state after a round: its value, training report and status.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneReport {
    pub value: String,
    pub report: TrainReport,
    pub status: Status,
}

pub struct Race {
    pub setting: &'static str,
    pub lanes: Vec<Lane>,
}

impl Race {
    /// Lanes from `config` (read and validated) with `setting` set
    /// to each of `values` in turn. Refuses an unknown setting, 2 to 4
    /// values not given, a repeated value, or a value the config reader
    /// refuses (its message, prefixed with the lane).
    pub fn new(config: &Config, setting: &str, values: &[Value]) -> Result<Race> {
        let Some(&(name, section)) = SETTINGS.iter().find(|(n, _)| *n == setting) else {
            let names: Vec<&str> = SETTINGS.iter().map(|(n, _)| *n).collect();
            return Err(Error::unknown_choice("race setting", setting, &names));
        };
        if !(MIN_LANES..=MAX_LANES).contains(&values.len()) {
            let field = format!("race {name} values");
            return Err(Error::length(&field, values.len(), MIN_LANES, MAX_LANES));
        }
        let mut lanes: Vec<Lane> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let value = label(v);
            if lanes.iter().any(|l| l.value == value) {
                return Err(Error::duplicate(&format!("race {name} values"), &value));
            }
            let lane_err = |e: Error| Error::race_lane(i + 1, name, &value, e);
            let mut cfg = config.clone();
            set(&mut cfg, name, &format!("{section}.{name}"), v)
                .and_then(|()| cfg.validate())
                .map_err(lane_err)?;
            let session = Session::new(cfg).map_err(lane_err)?;
            lanes.push(Lane {
                value,
                session,
                status: Status::Training,
            });
        }
        if name != "init" {
            let (first, rest) = lanes.split_at_mut(1);
            let net0 = first[0].session.network();
            for l in rest {
                if l.session.network().param_specs() == net0.param_specs() {
                    l.session.start_from(&net0.params)?;
                }
            }
        }
        Ok(Race {
            setting: name,
            lanes,
        })
    }

    /// `steps` updates for every lane still training (lockstep), then each
    /// lane's report (every lane's splits scored, as `Session::train`).
    pub fn train(&mut self, steps: u32) -> Vec<LaneReport> {
        self.train_steps(steps);
        self.reports()
    }

    /// `steps` updates for every lane still training (lockstep), without
    /// scoring the splits, as `Session::train_steps`: scoring every lane's
    /// training and validation split costs more than many steps (four
    /// digits CNNs: more than the 8 ms slice the page trains in), so a
    /// caller training in slices asks for `reports` only when it shows one.
    /// Returns each lane's step count and status, lane 1 first.
    pub fn train_steps(&mut self, steps: u32) -> Vec<(u64, Status)> {
        for l in &mut self.lanes {
            if l.status == Status::Training && l.session.train_steps(steps) {
                let why = l
                    .session
                    .divergence()
                    .cloned()
                    .unwrap_or_else(|| Error::internal("a lane diverged without a reason"));
                l.status = Status::Diverged(why);
            } else if l.status == Status::Training && l.session.early_stopped() {
                l.status = Status::StoppedEarly;
            }
        }
        self.lanes
            .iter()
            .map(|l| (l.session.step_count(), l.status.clone()))
            .collect()
    }

    /// Every lane's report now, without training.
    pub fn reports(&mut self) -> Vec<LaneReport> {
        self.lanes
            .iter_mut()
            .map(|l| LaneReport {
                value: l.value.clone(),
                report: l.session.score_report(),
                status: l.status.clone(),
            })
            .collect()
    }

    /// Pause lane `i` (0-based) or let it go on; a diverged or early-stopped
    /// lane stays so.
    pub fn set_paused(&mut self, i: usize, paused: bool) -> Result<()> {
        let n = self.lanes.len();
        let l = self.lanes.get_mut(i).ok_or_else(|| out_of_range(i, n))?;
        match (&l.status, paused) {
            (Status::Diverged(_) | Status::StoppedEarly, _) => {}
            (_, true) => l.status = Status::Paused,
            (_, false) => l.status = Status::Training,
        }
        Ok(())
    }

    pub fn lane(&self, i: usize) -> Result<&Lane> {
        let n = self.lanes.len();
        self.lanes.get(i).ok_or_else(|| out_of_range(i, n))
    }

    pub fn lane_mut(&mut self, i: usize) -> Result<&mut Lane> {
        let n = self.lanes.len();
        self.lanes.get_mut(i).ok_or_else(|| out_of_range(i, n))
    }
}

/// Lane index `i` of a race of `n` lanes.
fn out_of_range(i: usize, n: usize) -> Error {
    let lanes = Bounds::between(0.0, n.saturating_sub(1) as f64);
    Error::range("race lane index", i as f64, lanes)
}

/// A value as a lane's label: a name as it is, a number as JS prints it,
/// a list as `[8,8]` (by hand: serde_json's printer of any `Value` is
/// kilobytes of wasm for a label).
fn label(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map_or_else(String::new, |f| f.to_string()),
        Value::Array(a) => format!("[{}]", a.iter().map(label).collect::<Vec<_>>().join(",")),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Object(_) => "{…}".into(),
    }
}

/// `config`'s `setting` (at `path`, for messages) read from `v` with the
/// config's own reader of that field.
fn set(c: &mut Config, setting: &str, path: &str, v: &Value) -> rj::Res<()> {
    match setting {
        "learningRate" => c.train.learning_rate = rj::number(v, path)?,
        "optimizer" => c.train.optimizer = OptimizerKind::read(v, path)?,
        "batchSize" => c.train.batch_size = rj::count(v, path)?,
        "normalize" => c.data.normalize = Some(Normalization::read(v, path)?),
        "init" => c.model.init = Init::read(v, path)?,
        "hidden" => c.model.hidden = config::read_hidden(v, path)?,
        _ => c.model.activation = config::parse_activation(path, &rj::text(v, path)?)?,
    }
    Ok(())
}
