//! Errors are values: every failure a learner can cause becomes an `Error`
//! with a **code**, its **parameters** and an English message a learner can
//! act on ("train.learningRate must be a positive number, got -1"). The wasm
//! boundary gives the JS `Error` the code and parameters too, and the page
//! words each code from its own string table (www/strings/), in any
//! language; the English here is for everyone else (native callers, tests,
//! a page whose table lacks a code).
//!
//! Codes are few and shared: sites that say the same thing use one code
//! (`range` for every number outside its bounds, `not-applicable` for every
//! setting given where it does nothing). Each code is declared once, in
//! [`codes!`] below, with its parameter names; that list is what
//! `catalog().errors` gives the page. Each code has one constructor
//! (`error/*.rs`), which writes the message from the very values it stores
//! as parameters, so the two cannot disagree.

use std::fmt;

mod csv;
mod model_file;
mod settings;
#[cfg(test)]
mod tests;
mod training;
mod values;

pub use values::Bounds;

pub type Result<T> = std::result::Result<T, Error>;

/// Boxed, so that a `Result` carrying one is a pointer wide: every `?`
/// in the engine moves it, and a wide error costs the wasm kilobytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq)]
struct Inner {
    code: &'static str,
    params: Vec<(&'static str, Param)>,
    message: String,
}

/// A parameter's value: what JSON (and the page) can hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Null,
    Flag(bool),
    Num(f64),
    Text(String),
    List(Vec<Param>),
    /// The error this one wraps (`race-lane`, `model-file-config`): the
    /// page words it too.
    Error(Box<Error>),
}

/// A code: its id and the names of its parameters, in order.
pub struct Code<const N: usize> {
    pub id: &'static str,
    pub params: [&'static str; N],
}

/// `codes! { NAME = "id" [param, ...]; ... }`: a `Code` const each, and
/// `CODES`, every id with its parameter names (`catalog().errors`).
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal [$($p:ident),*];)+) => {
        $(
            $(#[$doc])*
            pub const $name: Code<{ 0 $(+ codes!(@one $p))* }> =
                Code { id: $id, params: [$(stringify!($p)),*] };
        )+
        /// Every code with its parameter names, in declaration order.
        pub const CODES: &[(&str, &[&str])] = &[$(($id, &$name.params)),+];
    };
    (@one $p:ident) => { 1 };
}

codes! {
    // Reading a config or a model file (`read_json`).
    /// Text that is not JSON; `detail` is the parser's (English) reason.
    JSON = "json" [document, detail];
    /// A value of the wrong kind. `expected`: `number`, `integer`, `flag`,
    /// `text`, `list`, `object`, `hidden`; `got`: `null`, `true`, `false`,
    /// `number`, `text`, `list`, `object`, with `value` the number or text.
    TYPE = "type" [field, expected, got, value];
    /// A number where a whole number of at least 0 belongs.
    INTEGER = "integer" [field, got];
    /// null, NaN or Infinity where a number belongs.
    NOT_FINITE = "not-finite" [field];
    /// A key the object does not have (`field` is the object).
    UNKNOWN_FIELD = "unknown-field" [field, key, known];
    /// A field that must be given (for a layer of type `layer`, or always).
    REQUIRED = "required" [field, layer];
    /// A name that is none of the choices.
    UNKNOWN_CHOICE = "unknown-choice" [field, got, choices];

    // Numbers and lists out of bounds.
    /// A number outside [min, max] (either may be null: no bound; an
    /// exclusive bound is refused itself).
    RANGE = "range" [field, got, min, max, minExclusive, maxExclusive];
    /// A list with too few or too many entries.
    LENGTH = "length" [field, got, min, max];
    /// A value listed twice.
    DUPLICATE = "duplicate" [field, value];
    /// Split fractions that do not add up to 1.
    SPLIT_SUM = "split-sum" [train, val, test, sum];
    /// A batch larger than the training split (`max` its rows).
    BATCH_SIZE = "batch-size" [got, max];
    /// A data set of more values (rows × inputs) than a session holds.
    CELLS = "cells" [rows, inputs, cells, max];
    /// Raw rows of the wrong width: `got` values is not a multiple of `width`.
    SHAPE = "shape" [field, width, names, got];
    /// A call given arguments of the wrong shape (a caller's mistake, not a
    /// learner's): `usage` is what it takes, as code.
    CALL = "call" [call, usage];

    // Settings that do not go together.
    /// `field` given where `setting` is `value`, which does not use it;
    /// `only`: the values of `setting` it is for (may be empty).
    NOT_APPLICABLE = "not-applicable" [field, setting, value, only];
    /// `field` `value` cannot learn a `task` task (the data set `source`'s);
    /// `choices` can.
    WRONG_TASK = "wrong-task" [field, value, task, source, choices];
    /// `field` needs what the data or the session lacks. `needs`: `image`
    /// (of data.source `source`), `validation` (a validation split),
    /// `raw-inputs` (no added features).
    NEEDS = "needs" [field, value, needs, source];
    /// A layer that does not fit the shape it receives (`input`). `needs`:
    /// `image`, `sequence`, `kernel` or `pool` (of side `size`, larger than
    /// the image's `height` or `width`).
    LAYER_SHAPE = "layer-shape" [field, layer, input, needs, size, height, width];

    // Training and looking inside it.
    /// Training blew up at `step` with `learningRate`. `reason`:
    /// `loss-exploded` (the batch `loss` passed `limit`, 10,000× the
    /// starting loss), `loss-not-finite`, `weight-not-finite`.
    DIVERGED = "diverged" [step, learningRate, loss, limit, reason];
    /// `call` cannot run in the session's state. `why`: `diverged`
    /// (weights not finite), `diverged-next` or `stopped-next` (no next
    /// step to trace), `diverged-rows` or `stopped-rows` (no more steps to
    /// take), `no-path`, `too-few-weights`, `no-early-stopping`, `no-checkpoint`.
    UNAVAILABLE = "unavailable" [call, why];
    /// A race lane's config was refused: `cause`, for lane `lane` (from 1).
    RACE_LANE = "race-lane" [lane, setting, value, cause];
    DIGITS_NOT_LOADED = "digits-not-loaded" [];
    /// The digits file is damaged. `problem`: `values` (`found` values at
    /// `line`, `expected` a row), `cell` (`found` is not a whole number
    /// 0..=`expected`), `rows` (`found` rows, `expected`).
    DIGITS_DAMAGED = "digits-damaged" [problem, line, found, expected];
    /// What should never happen; `detail` says what, in English.
    INTERNAL = "internal" [detail];

    // Model files (`export.rs`, `session/files.rs`).
    MODEL_FILE_SIZE = "model-file-size" [size, limit];
    MODEL_FILE_TRUNCATED = "model-file-truncated" [];
    MODEL_FILE_JSON = "model-file-json" [detail];
    MODEL_FILE_FORMAT = "model-file-format" [format];
    /// `version` null: the file has none.
    MODEL_FILE_VERSION = "model-file-version" [version, supported];
    /// A field of the file is wrong (`cause`).
    MODEL_FILE_DAMAGED = "model-file-damaged" [cause];
    /// The file's config is refused (`cause`).
    MODEL_FILE_CONFIG = "model-file-config" [cause];
    /// `columns` null: the normalization cannot be read at all.
    MODEL_FILE_NORMALIZATION = "model-file-normalization" [columns, inputs];
    MODEL_FILE_TENSORS = "model-file-tensors" [found, expected];
    MODEL_FILE_TENSOR = "model-file-tensor" [name, shape, values, expectedName, expectedShape];
    MODEL_FILE_VALUES = "model-file-values" [name];

    // A CSV file (`data/csv*`). Column names and cells are as shown
    // (control characters escaped, cut to 40 characters).
    CSV_SIZE = "csv-size" [size, limit];
    CSV_EMPTY = "csv-empty" [];
    CSV_WORKBOOK = "csv-workbook" [];
    CSV_BINARY = "csv-binary" [];
    CSV_QUOTE = "csv-quote" [row];
    CSV_COLUMNS = "csv-columns" [found, max];
    /// `header`: the columns were counted on the header (else the first row).
    CSV_RAGGED = "csv-ragged" [row, values, columns, header, delimiter];
    /// `target` null: none named; `generated`: the file had no header.
    CSV_TARGET = "csv-target" [target, columns, generated];
    CSV_ONE_COLUMN = "csv-one-column" [target];
    CSV_NO_ROWS = "csv-no-rows" [];
    /// `canFill`: rows were dropped that data.missing 'mean' would keep.
    CSV_FEW_ROWS = "csv-few-rows" [kept, dropped, canFill];
    CSV_CELLS = "csv-cells" [rows, inputs, cells, max, oneHot];
    CSV_ROWS = "csv-rows" [row, maxRows, features, maxCells, maxSamples];
    CSV_EMPTY_COLUMN = "csv-empty-column" [column];
    CSV_ONE_HOT = "csv-one-hot" [columns, max];
    CSV_NO_MEAN = "csv-no-mean" [column];
    CSV_INFINITE = "csv-infinite" [column, row, cell, max];
    /// `others`: more text columns refused with it.
    CSV_TEXT = "csv-text" [column, count, row, cell, others, maxLevels];
    CSV_REGRESSION_TEXT = "csv-regression-text" [column, row, cell];
    /// `more`: more than `found` (counting stopped); `guessed`: null, or why
    /// classification was guessed (`numbers`, `text`); `numeric`: the
    /// classes are numbers (so regression would do).
    CSV_CLASSES = "csv-classes" [column, found, more, max, guessed, numeric];
    CSV_ONE_CLASS = "csv-one-class" [column, value];
}

impl Error {
    /// The one way an error is made: `code` with its parameters' values, in
    /// the code's order, and its English message: the `template` pieces
    /// joined, each `{name}` in them replaced by that parameter (`render`).
    /// Templates are text, not code, so a constructor costs the wasm
    /// little more than its parameters.
    fn of<const N: usize>(code: &Code<N>, values: [Param; N], template: &[&str]) -> Error {
        Error::make(code.id, &code.params, Vec::from(values), template)
    }

    /// `of` without its `N`: one copy in the wasm, not one per length.
    #[inline(never)]
    fn make(
        code: &'static str,
        names: &[&'static str],
        values: Vec<Param>,
        template: &[&str],
    ) -> Error {
        let params: Vec<(&'static str, Param)> = names.iter().copied().zip(values).collect();
        let message = render(&template.concat(), &params);
        Error(Box::new(Inner {
            code,
            params,
            message,
        }))
    }

    pub fn code(&self) -> &'static str {
        self.0.code
    }

    pub fn params(&self) -> &[(&'static str, Param)] {
        &self.0.params
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.0
            .params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl From<f64> for Param {
    fn from(v: f64) -> Param {
        Param::Num(v)
    }
}

impl From<f32> for Param {
    fn from(v: f32) -> Param {
        Param::Num(v.into())
    }
}

impl From<usize> for Param {
    fn from(v: usize) -> Param {
        Param::Num(v as f64)
    }
}

impl From<u64> for Param {
    fn from(v: u64) -> Param {
        Param::Num(v as f64)
    }
}

impl From<bool> for Param {
    fn from(v: bool) -> Param {
        Param::Flag(v)
    }
}

impl From<&str> for Param {
    #[inline(never)]
    fn from(v: &str) -> Param {
        Param::Text(v.to_string())
    }
}

impl From<String> for Param {
    #[inline(never)]
    fn from(v: String) -> Param {
        Param::Text(v)
    }
}

impl From<Error> for Param {
    #[inline(never)]
    fn from(v: Error) -> Param {
        Param::Error(Box::new(v))
    }
}

impl<T: Into<Param>> From<Option<T>> for Param {
    fn from(v: Option<T>) -> Param {
        v.map_or(Param::Null, Into::into)
    }
}

impl<T: Into<Param>> From<Vec<T>> for Param {
    fn from(v: Vec<T>) -> Param {
        Param::List(v.into_iter().map(Into::into).collect())
    }
}

/// A list parameter from anything that lists texts or numbers.
#[inline(never)]
fn list<T: Clone + Into<Param>>(items: &[T]) -> Param {
    Param::List(items.iter().cloned().map(Into::into).collect())
}

/// `template` with each `{name}` of `params` replaced by its value as
/// English writes it: a number short (`num`), a list's texts quoted
/// (`'a', 'b'`, past 20 how many more), an error its message, null
/// nothing. Braces around anything else stay as they are (`{ rows: [0] }`).
fn render(template: &str, params: &[(&'static str, Param)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find('}').map_or(rest.len(), |j| j + 1);
        let name = rest[1..end].trim_end_matches('}');
        match params.iter().find(|(n, _)| *n == name) {
            Some((_, p)) => write(&mut out, p),
            None => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn write(out: &mut String, p: &Param) {
    const MAX: usize = 20;
    match p {
        Param::Null => {}
        Param::Flag(b) => out.push_str(if *b { "true" } else { "false" }),
        Param::Num(x) => out.push_str(&num(*x)),
        Param::Text(s) => out.push_str(s),
        Param::Error(e) => out.push_str(&e.0.message),
        Param::List(items) => {
            for (i, item) in items.iter().take(MAX).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let quote = matches!(item, Param::Text(_));
                if quote {
                    out.push('\'');
                }
                write(out, item);
                if quote {
                    out.push('\'');
                }
            }
            if items.len() > MAX {
                out.push_str(&format!(", and {} more", items.len() - MAX));
            }
        }
    }
}

/// A number as the English messages write it: whole numbers as they are,
/// others to 6 significant digits, and the very large or small in exponent
/// form to 4 (`1.226e5`, not `1.225609013671875e5`). By rounding, then
/// the shortest form (`{}`): precision formatting would pull core's exact
/// float printer into the wasm.
pub fn num(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let a = x.abs();
    if x.fract() == 0.0 && a < 1e15 {
        return format!("{}", x as i64);
    }
    // a = m × 10^e with 1 ≤ m < 10.
    let mut e = 0i32;
    let mut m = a;
    while m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    while m < 1.0 {
        m *= 10.0;
        e -= 1;
    }
    if (-4..6).contains(&e) {
        let p = 10f64.powi(5 - e);
        return format!("{}", (x * p).round() / p);
    }
    let mut m = (m * 1000.0).round() / 1000.0;
    if m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}{m}e{e}", if x < 0.0 { "-" } else { "" })
}

/// Bytes as MB with one decimal, as the messages write sizes.
fn mb(bytes: usize) -> f64 {
    (bytes as f64 / 104_857.6).round() / 10.0
}

/// `one` or `many` for a count of `n`.
fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
