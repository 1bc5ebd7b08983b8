//! Errors of reading and checking values: a config's fields, a call's
//! arguments. One constructor per code; each writes its message from the
//! parameters it stores.

use super::*;
use serde_json::Value;

/// The bounds of a `range` error. An absent bound is no bound; an exclusive
/// one is refused itself (ε must be above 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_exclusive: bool,
    pub max_exclusive: bool,
}

impl Bounds {
    /// `[min, max]`.
    pub fn between(min: f64, max: f64) -> Bounds {
        Bounds {
            min: Some(min),
            max: Some(max),
            min_exclusive: false,
            max_exclusive: false,
        }
    }

    /// `[min, ∞)`.
    pub fn at_least(min: f64) -> Bounds {
        Bounds {
            max: None,
            ..Bounds::between(min, 0.0)
        }
    }

    /// `(0, max]`, or `(0, ∞)` without a max.
    pub fn positive(max: Option<f64>) -> Bounds {
        Bounds {
            min: Some(0.0),
            max,
            min_exclusive: true,
            max_exclusive: false,
        }
    }

    /// Whether `v` is a finite number within the bounds.
    pub fn contains(&self, v: f64) -> bool {
        let above = self
            .min
            .is_none_or(|m| if self.min_exclusive { v > m } else { v >= m });
        let below = self
            .max
            .is_none_or(|m| if self.max_exclusive { v < m } else { v <= m });
        v.is_finite() && above && below
    }

    /// What a value must be, as a template piece, said for the bound
    /// `got` breaks: "from {min} to {max}" when both are inclusive, else
    /// "a positive number", "at least {min}", "below {max}", ... (the side
    /// the value is on is the one to fix).
    fn say(&self, got: f64) -> &'static str {
        if let (Some(_), Some(_), false, false) =
            (self.min, self.max, self.min_exclusive, self.max_exclusive)
        {
            return "from {min} to {max}";
        }
        let low = self
            .min
            .filter(|&m| got.is_nan() || got < m || (self.min_exclusive && got == m));
        match (low, self.max) {
            (Some(m), _) if m == 0.0 && self.min_exclusive => "a positive number",
            (Some(_), _) if self.min_exclusive => "above {min}",
            (Some(_), _) => "at least {min}",
            (None, Some(_)) if self.max_exclusive => "below {max}",
            (None, Some(_)) => "at most {max}",
            (None, None) => "a finite number",
        }
    }
}

/// How a wrong JSON value is named in the parameters (its kind and, for a
/// number or text, the value), and in the message (a template piece).
fn describe(v: &Value) -> (&'static str, Param, &'static str) {
    match v {
        Value::Null => ("null", Param::Null, "null"),
        Value::Bool(true) => ("true", Param::Null, "true"),
        Value::Bool(false) => ("false", Param::Null, "false"),
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            ("number", x.into(), "the number {value}")
        }
        Value::String(s) => {
            let mut short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                short.push('…');
            }
            ("text", short.into(), "the text \"{value}\"")
        }
        Value::Array(_) => ("list", Param::Null, "a list [...]"),
        Value::Object(_) => ("object", Param::Null, "an object {...}"),
    }
}

impl Error {
    /// `document` ("config") is not JSON text.
    pub fn json(document: &str, detail: &str) -> Error {
        let t = "{document}: not valid JSON ({detail})";
        Error::of(&JSON, [document.into(), detail.into()], &[t])
    }

    /// `got` at `field` is not `expected` (see `TYPE` for the ids).
    pub fn wrong_type(field: &str, expected: &'static str, got: &Value) -> Error {
        let what = match expected {
            "number" => "a number",
            "integer" => "a whole number that is not negative",
            "flag" => "true or false",
            "text" => "text in quotes",
            "list" => "a list [...]",
            "object" => "an object {...}",
            _ => "a list of whole numbers such as [8, 8] (or one number for an rnn)",
        };
        let (kind, value, said) = describe(got);
        Error::of(
            &TYPE,
            [field.into(), expected.into(), kind.into(), value],
            &["{field}: expected ", what, ", got ", said],
        )
    }

    /// A number that is not a whole number of at least 0.
    pub fn integer(field: &str, got: f64) -> Error {
        let t = "{field} must be a whole number that is not negative, got {got}";
        Error::of(&INTEGER, [field.into(), got.into()], &[t])
    }

    /// null, NaN or Infinity at `field` (JSON writes NaN as null).
    pub fn not_finite(field: &str) -> Error {
        let t = "{field}: expected a number, got null, NaN or Infinity";
        Error::of(&NOT_FINITE, [field.into()], &[t])
    }

    /// Object `field` has no key `key`; it has `known`.
    pub fn unknown_field(field: &str, key: &str, known: &[&str]) -> Error {
        let t = "{field}: unknown field `{key}`, expected one of {known}";
        Error::of(
            &UNKNOWN_FIELD,
            [field.into(), key.into(), list(known)],
            &[t],
        )
    }

    /// `field` must be given (for a `layer` layer).
    pub fn required(field: &str, layer: Option<&str>) -> Error {
        let t = match layer {
            Some(_) => "{field} is required for a {layer} layer",
            None => "{field} is required",
        };
        Error::of(&REQUIRED, [field.into(), layer.into()], &[t])
    }

    /// `got` is none of `choices`.
    pub fn unknown_choice(field: &str, got: &str, choices: &[&str]) -> Error {
        let t = "{field} must be one of {choices}, got '{got}'";
        Error::of(
            &UNKNOWN_CHOICE,
            [field.into(), got.into(), list(choices)],
            &[t],
        )
    }

    /// `got` is outside `bounds` (or not a finite number).
    pub fn range(field: &str, got: f64, bounds: Bounds) -> Error {
        Error::of(
            &RANGE,
            [
                field.into(),
                got.into(),
                bounds.min.into(),
                bounds.max.into(),
                bounds.min_exclusive.into(),
                bounds.max_exclusive.into(),
            ],
            &["{field} must be ", bounds.say(got), ", got {got}"],
        )
    }

    /// List `field` has `got` entries, not `min` to `max`.
    pub fn length(field: &str, got: usize, min: usize, max: usize) -> Error {
        let t = if min == max {
            "{field} must have {max} entries, got {got}"
        } else if min == 0 {
            "{field} may have at most {max} entries, got {got}"
        } else {
            "{field} must have {min} to {max} entries, got {got}"
        };
        Error::of(
            &LENGTH,
            [field.into(), got.into(), min.into(), max.into()],
            &[t],
        )
    }

    /// `value` appears twice in list `field`.
    pub fn duplicate(field: &str, value: &str) -> Error {
        let t = "{field}: '{value}' is listed twice; list each once";
        Error::of(&DUPLICATE, [field.into(), value.into()], &[t])
    }

    /// The three split fractions do not add up to 1.
    pub fn split_sum(train: f64, val: f64, test: f64) -> Error {
        let t = "data.split fractions must add up to 1, got {train} + {val} + {test} = {sum}";
        let sum = train + val + test;
        Error::of(
            &SPLIT_SUM,
            [train.into(), val.into(), test.into(), sum.into()],
            &[t],
        )
    }

    /// A batch of `got` rows from a training split of `max`.
    pub fn batch_size(got: usize, max: usize) -> Error {
        let t = "train.batchSize must be at most the training set size ({max}), got {got}";
        Error::of(&BATCH_SIZE, [got.into(), max.into()], &[t])
    }

    /// `rows` × `inputs` values, more than `max`.
    pub fn cells(rows: usize, inputs: usize, max: usize) -> Error {
        let t = "data.samples: {rows} rows × {inputs} inputs = {cells} values, more than the \
                 limit of {max}; use fewer samples";
        let cells = rows.saturating_mul(inputs);
        Error::of(
            &CELLS,
            [rows.into(), inputs.into(), cells.into(), max.into()],
            &[t],
        )
    }

    /// `got` values at `field` are not whole rows of `width` (`names`).
    pub fn shape(field: &str, width: usize, names: &[String], got: usize) -> Error {
        let t = "{field}: expected rows of {width} values ({names}), flattened; got {got} \
                 values, which is not a multiple of {width}";
        Error::of(
            &SHAPE,
            [field.into(), width.into(), list(names), got.into()],
            &[t],
        )
    }

    /// `call` was given arguments it does not take; it takes `usage`.
    pub fn call(call: &str, usage: &str) -> Error {
        Error::of(
            &CALL,
            [call.into(), usage.into()],
            &["{call}: expected {usage}"],
        )
    }
}
