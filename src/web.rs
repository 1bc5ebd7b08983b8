//! The one wasm boundary: converts JS values to Rust and back, and
//! delegates to `session::Session`. No ML here.
//!
//! Configs arrive as plain JS objects and cross as JSON text (`read_json`
//! names the failing field's path in the message); tensors cross as
//! `Float32Array`s; small results go back as plain objects
//! (serde-wasm-bindgen). Every error becomes a JS `Error` with the engine
//! error's `code` and `params` beside its `message` (`error.rs`).

use crate::catalog::MAX_TRAIN_STEPS;
use crate::config::Config;
use crate::error::{Bounds, Error, Param};
use crate::session;
use js_sys::{Array, Float32Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What every export here throws: a JS `Error` whose `message` is the
/// engine's English, with `code` (`'range'`) and `params` (a plain object,
/// `{ field: 'train.learningRate', got: -1, min: 0, ... }`) for the page
/// to word it in the learner's language. It shadows wasm-bindgen's
/// `JsError`, which carries a message only.
pub struct JsError(JsValue);

impl From<Error> for JsError {
    fn from(e: Error) -> JsError {
        let err = js_sys::Error::new(e.message());
        tag(&err, &e);
        JsError(err.into())
    }
}

/// For tests' `unwrap()`: the message.
impl std::fmt::Debug for JsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = Reflect::get(&self.0, &"message".into())
            .ok()
            .and_then(|m| m.as_string());
        write!(f, "JsError({message:?})")
    }
}

impl From<JsError> for JsValue {
    fn from(e: JsError) -> JsValue {
        e.0
    }
}

fn js_err(e: Error) -> JsError {
    e.into()
}

/// An error as a plain object `{ code, params, message }`: the `params` of
/// an error that wraps it, and a report's `divergence`.
pub(crate) fn error_object(e: &Error) -> JsValue {
    let o = Object::new();
    tag(&o, e);
    let _ = Reflect::set(&o, &"message".into(), &e.message().into());
    o.into()
}

/// `code` and `params` set on `o` (setting a property on a fresh object
/// cannot fail).
fn tag(o: &JsValue, e: &Error) {
    let _ = Reflect::set(o, &"code".into(), &e.code().into());
    let _ = Reflect::set(o, &"params".into(), &params_js(e));
}

fn params_js(e: &Error) -> JsValue {
    let o = Object::new();
    for (name, v) in e.params() {
        let _ = Reflect::set(&o, &JsValue::from_str(name), &param_js(v));
    }
    o.into()
}

fn param_js(p: &Param) -> JsValue {
    match p {
        Param::Null => JsValue::NULL,
        Param::Flag(b) => JsValue::from_bool(*b),
        Param::Num(x) => JsValue::from_f64(*x),
        Param::Text(s) => JsValue::from_str(s),
        Param::List(items) => items.iter().map(param_js).collect::<Array>().into(),
        Param::Error(e) => error_object(e),
    }
}

/// `null` for missing values, plain objects for maps (not JS `Map`s).
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    v.serialize(&ser)
        .map_err(|e| Error::internal(e.to_string()).into())
}

fn set(obj: &Object, key: &str, v: &JsValue) -> Result<(), JsError> {
    Reflect::set(obj, &JsValue::from_str(key), v)
        .map_err(|_| Error::internal("could not build a result object"))?;
    Ok(())
}

/// `steps` for one `call`: at most `MAX_TRAIN_STEPS`.
fn check_steps(call: &str, steps: u32) -> Result<(), JsError> {
    if steps > MAX_TRAIN_STEPS {
        let bounds = Bounds::between(0.0, MAX_TRAIN_STEPS.into());
        return Err(Error::range(call, steps.into(), bounds).into());
    }
    Ok(())
}

#[wasm_bindgen(start)]
pub fn start() {
    // Rust panics (there should be none) reach the console with a message.
    console_error_panic_hook::set_once();
}

/// `csvPreview(text, maxRows)`: the columns (type, missing count, range),
/// the first rows as text, and a suggested target and task, for the page's
/// preview table before a session is built.
#[wasm_bindgen(js_name = csvPreview)]
pub fn csv_preview(text: &str, max_rows: usize) -> Result<JsValue, JsError> {
    let p = crate::data::csv::preview(text, max_rows).map_err(js_err)?;
    to_js(&p)
}

/// `catalog()`: every data source (with its settings), model kind,
/// activation, init, loss, optimizer (with its hyperparameters),
/// normalization and feature the engine accepts, and every limit, for the
/// page to build its controls from (`src/catalog.rs`).
#[wasm_bindgen]
pub fn catalog() -> Result<JsValue, JsError> {
    to_js(&crate::catalog::catalog())
}

/// `featureValues(x)`: raw 2-D rows (x1, x2, flattened) → every feature the
/// catalog lists, in its order, for each row (rows × features).
#[wasm_bindgen(js_name = featureValues)]
pub fn feature_values(x: &[f32]) -> Result<Float32Array, JsError> {
    if !x.len().is_multiple_of(2) {
        let names = ["x1".to_string(), "x2".to_string()];
        return Err(Error::shape("featureValues(x)", 2, &names, x.len()).into());
    }
    Ok(Float32Array::from(
        &crate::data::features::all_features(x)[..],
    ))
}

/// `splitSizes(rows, { train, val, test })` → `{ train, val, test }`: the
/// rows a session puts in each split of `rows` rows (no fixed split).
#[wasm_bindgen(js_name = splitSizes)]
pub fn split_sizes(rows: usize, split: JsValue) -> Result<JsValue, JsError> {
    let frac = |k: &str| {
        Reflect::get(&split, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
    };
    let (Some(train), Some(val), Some(test)) = (frac("train"), frac("val"), frac("test")) else {
        let usage = "split { train, val, test }, three fractions";
        return Err(Error::call("splitSizes(rows, split)", usage).into());
    };
    let cfg = crate::config::SplitConfig { train, val, test };
    let (tr, va, te) = crate::data::split::split_sizes(rows, &cfg);
    let o = Object::new();
    set(&o, "train", &JsValue::from(tr as u32))?;
    set(&o, "val", &JsValue::from(va as u32))?;
    set(&o, "test", &JsValue::from(te as u32))?;
    Ok(o.into())
}

/// `loadDigits(text)`: the digits data set's CSV text (data/digits.csv.gz,
/// unpacked), checked and kept for every session with `data.source
/// 'digits'`. It is not compiled in, so pages that never use it do not
/// download it. Loading again is a no-op.
#[wasm_bindgen(js_name = loadDigits)]
pub fn load_digits(text: &str) -> Result<(), JsError> {
    crate::data::digits::load(text).map_err(js_err)
}

/// A config from JS: through JSON text, so the browser and native tests
/// share one deserializer (and the wasm carries one copy of it, not two).
fn config_of(config: &JsValue) -> Result<Config, JsError> {
    let usage = "a config object of plain data, such as { data: { source: 'article-linear' } }";
    if !config.is_object() {
        return Err(Error::call("config", usage).into());
    }
    let text = js_sys::JSON::stringify(config)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| Error::call("config", usage))?;
    Config::from_json(&text).map_err(js_err)
}

#[wasm_bindgen]
pub struct Session {
    inner: session::Session,
}

#[wasm_bindgen]
impl Session {
    /// `new Session(config)`: throws an Error naming the bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Session, JsError> {
        let inner = session::Session::new(config_of(&config)?).map_err(js_err)?;
        Ok(Session { inner })
    }

    /// Run `steps` updates → `{ step, epoch, trainLoss, valLoss, trainAccuracy, valAccuracy, diverged }`.
    pub fn train(&mut self, steps: u32) -> Result<JsValue, JsError> {
        check_steps("train(steps)", steps)?;
        to_js(&self.inner.train(steps))
    }

    /// `steps` updates without scoring the splits → `{ step, epoch, diverged }`
    /// (cheap: for training in small slices; call `score()` when a report is due).
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, steps: u32) -> Result<JsValue, JsError> {
        check_steps("trainSteps(steps)", steps)?;
        let diverged = self.inner.train_steps(steps);
        let o = Object::new();
        set(
            &o,
            "step",
            &JsValue::from_f64(self.inner.step_count() as f64),
        )?;
        set(&o, "epoch", &JsValue::from_f64(self.inner.epoch() as f64))?;
        set(&o, "diverged", &JsValue::from_bool(diverged))?;
        set(
            &o,
            "earlyStopped",
            &JsValue::from_bool(self.inner.early_stopped()),
        )?;
        Ok(o.into())
    }

    /// The same report as `train`, for the current weights, without training.
    pub fn score(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.inner.score_report())
    }

    /// Raw rows (row-major) → outputs per row.
    pub fn predict(&mut self, x: &[f32]) -> Result<Float32Array, JsError> {
        let y = self.inner.predict(x).map_err(js_err)?;
        Ok(Float32Array::from(&y[..]))
    }

    /// `'train' | 'val' | 'test'` → `{ loss, accuracy, confusion }` or `{ loss, mse, mae, r2 }`.
    pub fn evaluate(&mut self, split: &str) -> Result<JsValue, JsError> {
        let e = self.inner.evaluate(split).map_err(js_err)?;
        to_js(&e)
    }

    /// Back to the best checkpoint's weights (`train.earlyStopping`).
    #[wasm_bindgen(js_name = restoreBest)]
    pub fn restore_best(&mut self) -> Result<(), JsError> {
        self.inner.restore_best().map_err(js_err)
    }

    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), JsError> {
        self.inner.set_learning_rate(lr).map_err(js_err)
    }

    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.info())
    }

    /// `[{ name, layer, kind, role, shape, values: Float32Array }]`, in layer
    /// order: `name` as model files key it (`dense0.weight`, `conv0.kernel`,
    /// `rnn0.recurrent`), `layer` the layer's index in the network, `kind`
    /// `'dense' | 'conv2d' | 'rnn'`, `role` `'weight' | 'bias' | 'recurrent'`
    /// (the page reads these, never the name).
    pub fn parameters(&self) -> Result<Array, JsError> {
        parameters_js(&self.inner)
    }

    /// Minimum-norm least-squares reference `{ weights, bias, trainMse,
    /// testMse, predictions: { train, test } }` (predictions as
    /// Float32Arrays, one per row of the split; test null without one), or null.
    #[wasm_bindgen(js_name = leastSquares)]
    pub fn least_squares(&self) -> Result<JsValue, JsError> {
        let Some(ls) = self.inner.least_squares() else {
            return Ok(JsValue::NULL);
        };
        let out = to_js(&ls)?;
        let p = Object::new();
        set(
            &p,
            "train",
            &Float32Array::from(&ls.train_predictions[..]).into(),
        )?;
        let test = match &ls.test_predictions {
            Some(t) => Float32Array::from(&t[..]).into(),
            None => JsValue::NULL,
        };
        set(&p, "test", &test)?;
        set(&Object::from(out.clone()), "predictions", &p.into())?;
        Ok(out)
    }

    /// `{ x: Float32Array, y: Float32Array, rows, inputs }` of a split's raw rows.
    pub fn split(&self, which: &str) -> Result<Object, JsError> {
        let (x, y) = self.inner.split_data(which).map_err(js_err)?;
        let o = Object::new();
        set(
            &o,
            "x",
            &Float32Array::from(x.as_slice().unwrap_or(&[])).into(),
        )?;
        set(&o, "y", &Float32Array::from(y).into())?;
        set(&o, "rows", &JsValue::from(x.nrows() as u32))?;
        set(&o, "inputs", &JsValue::from(x.ncols() as u32))?;
        Ok(o)
    }

    /// Each layer's output for raw rows `x`:
    /// `[{ name, layer, kind, activation, shape, values: Float32Array }]`, the
    /// model inputs first (`name: 'input', layer: null, kind: 'input'`), then
    /// one per layer: `layer` its index, `kind` `'dense' | 'activation' |
    /// 'conv2d' | 'maxpool' | 'flatten' | 'dropout' | 'rnn'`, `activation` the
    /// function's id for kind `'activation'` (`'relu'`), else null; `values`
    /// holds rows × the per-row `shape`.
    #[wasm_bindgen(js_name = layerOutputs)]
    pub fn layer_outputs(&mut self, x: &[f32]) -> Result<Array, JsError> {
        let out = Array::new();
        for l in self.inner.layer_outputs(x).map_err(js_err)? {
            let o = Object::new();
            set(&o, "name", &JsValue::from_str(&l.name))?;
            let layer = l.layer.map_or(JsValue::NULL, |i| JsValue::from(i as u32));
            set(&o, "layer", &layer)?;
            set(&o, "kind", &JsValue::from_str(l.kind.id()))?;
            let activation = l.activation.map_or(JsValue::NULL, |a| a.name().into());
            set(&o, "activation", &activation)?;
            set(&o, "shape", &to_js(&l.shape)?)?;
            set(&o, "values", &Float32Array::from(&l.values[..]).into())?;
            out.push(&o);
        }
        Ok(out)
    }

    /// |∂ score of the predicted class / ∂ input| for raw rows → Float32Array, same length.
    pub fn saliency(&mut self, x: &[f32]) -> Result<Float32Array, JsError> {
        let y = self.inner.saliency(x).map_err(js_err)?;
        Ok(Float32Array::from(&y[..]))
    }

    /// The trained model as versioned JSON text.
    #[wasm_bindgen(js_name = exportModel)]
    pub fn export_model(&self) -> String {
        self.inner.export_model()
    }

    /// `Session.importModel(text)`: a ready session from an exported model.
    #[wasm_bindgen(js_name = importModel)]
    pub fn import_model(text: &str) -> Result<Session, JsError> {
        Ok(Session {
            inner: session::Session::import_model(text).map_err(js_err)?,
        })
    }

    /// `{ step: [...], trainLoss: [...], valLoss: [...] }`.
    pub fn history(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.history())
    }
}

fn parameters_js(s: &session::Session) -> Result<Array, JsError> {
    let out = Array::new();
    for p in s.parameters() {
        let o = Object::new();
        set(&o, "name", &JsValue::from_str(&p.name))?;
        set(&o, "layer", &JsValue::from(p.layer as u32))?;
        set(&o, "kind", &JsValue::from_str(p.kind.id()))?;
        set(&o, "role", &JsValue::from_str(p.role.id()))?;
        set(&o, "shape", &to_js(&p.shape)?)?;
        set(&o, "values", &Float32Array::from(p.values).into())?;
        out.push(&o);
    }
    Ok(out)
}

/// The steps inside one update (`trace`, `gradientCheck`, `lossSurface`)
/// and race lanes: a second build of the module (`pkg-instruments/`, the
/// `instruments` feature) that the page loads only for them, so the
/// module every visit downloads stays within its size budget.
#[cfg(feature = "instruments")]
mod instruments;
#[cfg(feature = "instruments")]
pub use instruments::Race;
