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

    /// What a value must be, said for the bound `got` breaks: "from 1 to
    /// 256" when both are inclusive, else "a positive number", "at least
    /// 0", "below 1", ... (the side the value is on is the one to fix).
    fn say(&self, got: f64) -> String {
        if let (Some(lo), Some(hi), false, false) =
            (self.min, self.max, self.min_exclusive, self.max_exclusive)
        {
            return format!("from {} to {}", num(lo), num(hi));
        }
        let low = self
            .min
            .filter(|&m| got.is_nan() || got < m || (self.min_exclusive && got == m));
        match (low, self.max) {
            (Some(m), _) if m == 0.0 && self.min_exclusive => "a positive number".into(),
            (Some(m), _) if self.min_exclusive => format!("above {}", num(m)),
            (Some(m), _) => format!("at least {}", num(m)),
            (None, Some(m)) if self.max_exclusive => format!("below {}", num(m)),
            (None, Some(m)) => format!("at most {}", num(m)),
            (None, None) => "a finite number".into(),
        }
    }
}

/// How a wrong JSON value is named in messages, and in the parameters.
fn describe(v: &Value) -> (&'static str, Param, String) {
    match v {
        Value::Null => ("null", Param::Null, "null".into()),
        Value::Bool(true) => ("true", Param::Null, "true".into()),
        Value::Bool(false) => ("false", Param::Null, "false".into()),
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            ("number", x.into(), format!("the number {}", num(x)))
        }
        Value::String(s) => {
            let mut short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                short.push('…');
            }
            let said = format!("the text \"{short}\"");
            ("text", short.into(), said)
        }
        Value::Array(_) => ("list", Param::Null, "a list [...]".into()),
        Value::Object(_) => ("object", Param::Null, "an object {...}".into()),
    }
}

impl Error {
    /// `document` ("config") is not JSON text.
    pub fn json(document: &str, detail: &str) -> Error {
        let message = format!("{document}: not valid JSON ({detail})");
        Error::of(&JSON, [document.into(), detail.into()], message)
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
        let message = format!("{field}: expected {what}, got {said}");
        Error::of(
            &TYPE,
            [field.into(), expected.into(), kind.into(), value],
            message,
        )
    }

    /// A number that is not a whole number of at least 0.
    pub fn integer(field: &str, got: f64) -> Error {
        let message = format!(
            "{field} must be a whole number that is not negative, got {}",
            num(got)
        );
        Error::of(&INTEGER, [field.into(), got.into()], message)
    }

    /// null, NaN or Infinity at `field` (JSON writes NaN as null).
    pub fn not_finite(field: &str) -> Error {
        let message = format!("{field}: expected a number, got null, NaN or Infinity");
        Error::of(&NOT_FINITE, [field.into()], message)
    }

    /// Object `field` has no key `key`; it has `known`.
    pub fn unknown_field(field: &str, key: &str, known: &[&str]) -> Error {
        let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
        let message = format!(
            "{field}: unknown field `{key}`, expected one of {}",
            list.join(", ")
        );
        Error::of(
            &UNKNOWN_FIELD,
            [field.into(), key.into(), list_of(known)],
            message,
        )
    }

    /// `field` must be given (for a `layer` layer).
    pub fn required(field: &str, layer: Option<&str>) -> Error {
        let message = match layer {
            Some(l) => format!("{field} is required for a {l} layer"),
            None => format!("{field} is required"),
        };
        Error::of(&REQUIRED, [field.into(), layer.into()], message)
    }

    /// `got` is none of `choices`.
    pub fn unknown_choice(field: &str, got: &str, choices: &[&str]) -> Error {
        let message = format!("{field} must be one of {}, got '{got}'", quoted(choices));
        Error::of(
            &UNKNOWN_CHOICE,
            [field.into(), got.into(), list_of(choices)],
            message,
        )
    }

    /// `got` is outside `bounds` (or not a finite number).
    pub fn range(field: &str, got: f64, bounds: Bounds) -> Error {
        let message = format!("{field} must be {}, got {}", bounds.say(got), num(got));
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
            message,
        )
    }

    /// List `field` has `got` entries, not `min` to `max`.
    pub fn length(field: &str, got: usize, min: usize, max: usize) -> Error {
        let message = if min == max {
            format!("{field} must have {max} entries, got {got}")
        } else if min == 0 {
            format!("{field} may have at most {max} entries, got {got}")
        } else {
            format!("{field} must have {min} to {max} entries, got {got}")
        };
        Error::of(
            &LENGTH,
            [field.into(), got.into(), min.into(), max.into()],
            message,
        )
    }

    /// `value` appears twice in list `field`.
    pub fn duplicate(field: &str, value: &str) -> Error {
        let message = format!("{field}: '{value}' is listed twice; list each once");
        Error::of(&DUPLICATE, [field.into(), value.into()], message)
    }

    /// The three split fractions do not add up to 1.
    pub fn split_sum(train: f64, val: f64, test: f64) -> Error {
        let sum = train + val + test;
        let message = format!(
            "data.split fractions must add up to 1, got {} + {} + {} = {}",
            num(train),
            num(val),
            num(test),
            num(sum)
        );
        Error::of(
            &SPLIT_SUM,
            [train.into(), val.into(), test.into(), sum.into()],
            message,
        )
    }

    /// A batch of `got` rows from a training split of `max`.
    pub fn batch_size(got: usize, max: usize) -> Error {
        let message =
            format!("train.batchSize must be at most the training set size ({max}), got {got}");
        Error::of(&BATCH_SIZE, [got.into(), max.into()], message)
    }

    /// `rows` × `inputs` values, more than `max`.
    pub fn cells(rows: usize, inputs: usize, max: usize) -> Error {
        let cells = rows.saturating_mul(inputs);
        let message = format!(
            "data.samples: {rows} rows × {inputs} inputs = {cells} values, more than the limit \
             of {max}; use fewer samples"
        );
        Error::of(
            &CELLS,
            [rows.into(), inputs.into(), cells.into(), max.into()],
            message,
        )
    }

    /// `got` values at `field` are not whole rows of `width` (`names`).
    pub fn shape(field: &str, width: usize, names: &[String], got: usize) -> Error {
        let message = format!(
            "{field}: expected rows of {width} values ({}), flattened; got {got} values, which \
             is not a multiple of {width}",
            names.join(", ")
        );
        Error::of(
            &SHAPE,
            [field.into(), width.into(), list(names), got.into()],
            message,
        )
    }

    /// `call` was given arguments it does not take; it takes `usage`.
    pub fn call(call: &str, usage: &str) -> Error {
        let message = format!("{call}: expected {usage}");
        Error::of(&CALL, [call.into(), usage.into()], message)
    }
}

fn list_of(items: &[&str]) -> Param {
    Param::List(items.iter().map(|&s| s.into()).collect())
}
