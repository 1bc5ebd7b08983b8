//! One setting a choice takes: a data source's `data.*` settings (`noise`,
//! `tiles`) and an optimizer's hyperparameters (`beta1`, `weightDecay`) are
//! described alike, so the engine checks them with one function and the
//! catalog gives the page one shape to build a control from.

use crate::error::{Bounds, Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Setting {
    /// Its config key (`data.<name>` or `train.<name>`).
    pub name: &'static str,
    /// `count` (a whole number), `number` or `flag` (true/false).
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether `min` itself is refused (ε must be above 0).
    pub min_exclusive: bool,
    /// Whether `max` itself is refused (β must stay below 1).
    pub max_exclusive: bool,
    pub default: Value,
    /// The page's control: a narrower range than the engine allows where
    /// the whole range would only make the page slow or the slider coarse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ui: Option<Ui>,
}

/// A setting's default: a number, or true/false for a flag (JSON `false`,
/// not 0, so a page can send it back as it is).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Flag(bool),
}

impl Value {
    /// A flag's default as 1 or 0.
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Number(v) => v,
            Value::Flag(b) => f64::from(u8::from(b)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ui {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Setting {
    /// A number in `[min, max]`; `strict` makes (min, max) exclusive.
    pub const fn number(
        name: &'static str,
        min: f64,
        max: f64,
        strict: (bool, bool),
        default: f64,
    ) -> Setting {
        Setting {
            name,
            kind: "number",
            min: Some(min),
            max: Some(max),
            min_exclusive: strict.0,
            max_exclusive: strict.1,
            default: Value::Number(default),
            ui: None,
        }
    }

    /// A whole number from `min` to `max`.
    pub const fn count(name: &'static str, min: usize, max: usize, default: usize) -> Setting {
        Setting {
            kind: "count",
            ..Setting::number(name, min as f64, max as f64, (false, false), default as f64)
        }
    }

    /// true or false (default false).
    pub const fn flag(name: &'static str) -> Setting {
        Setting {
            name,
            kind: "flag",
            min: None,
            max: None,
            min_exclusive: false,
            max_exclusive: false,
            default: Value::Flag(false),
            ui: None,
        }
    }

    pub const fn with_ui(self, min: f64, max: f64, step: f64) -> Setting {
        Setting {
            ui: Some(Ui { min, max, step }),
            ..self
        }
    }

    /// `value` given for `field`, against this range.
    pub fn check(&self, field: &str, value: f64) -> Result<()> {
        let (Some(lo), Some(hi)) = (self.min, self.max) else {
            return Ok(());
        };
        let bounds = Bounds {
            min: Some(lo),
            max: Some(hi),
            min_exclusive: self.min_exclusive,
            max_exclusive: self.max_exclusive,
        };
        if bounds.contains(value) {
            Ok(())
        } else {
            Err(Error::range(field, value, bounds))
        }
    }
}
