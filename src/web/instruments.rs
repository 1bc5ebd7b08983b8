//! The instruments (issue 13): one training step looked at from inside
//! (`trace`, `gradientCheck`), the loss over a plane (`lossSurface`), and
//! race lanes (`Race`). Built only with the `instruments` feature, into a
//! second module the page loads on demand (`src/web.rs` says why).

use super::*;

#[wasm_bindgen]
impl Session {
    /// `trace('next' | { rows: [i, ...] })`: one training step without
    /// taking it → `{ loss, rows, layers: [{ name, kind, shape, inputs,
    /// preActivations, outputs, delta }], gradients, update, penalty }`,
    /// the last three `[{ name, shape, values: Float32Array }]` in
    /// `parameters()` order; `update` is exactly what the next `train(1)`
    /// changes for `'next'` (see `session/trace.rs`).
    pub fn trace(&mut self, batch: JsValue) -> Result<Object, JsError> {
        trace_js(&mut self.inner, &batch)
    }

    /// `trainRows([i, ...])`: one training step on these training rows →
    /// `{ step, epoch, diverged, earlyStopped }` (as `trainSteps`). The
    /// weights change by exactly `trace({ rows }).update`; the optimizer's
    /// state and the step count advance; the epoch's batches are as before.
    #[wasm_bindgen(js_name = trainRows)]
    pub fn train_rows(&mut self, rows: JsValue) -> Result<JsValue, JsError> {
        let usage = "rows: a list of training row indices, such as [0]";
        let bad = || JsError::from(Error::call("trainRows(rows)", usage));
        if !Array::is_array(&rows) {
            return Err(bad());
        }
        let idx = row_indices(&Array::from(&rows)).ok_or_else(bad)?;
        self.inner.train_rows(&idx).map_err(js_err)?;
        self.train_steps(0)
    }

    /// `setParameters(values)`: every weight at once (a `Float32Array` or
    /// an array of numbers, in `parameters()` order), and training
    /// restarted from there as a new session starts: step 0, the
    /// optimizer's state, the loss history and the path begin again.
    /// Throws, changing nothing, for another length or a value that is not
    /// a finite number.
    #[wasm_bindgen(js_name = setParameters)]
    pub fn set_parameters(&mut self, values: JsValue) -> Result<(), JsError> {
        let v: Vec<f32> = if values.has_type::<Float32Array>() {
            Float32Array::from(values).to_vec()
        } else if Array::is_array(&values) {
            // A value that is no number is refused below, by its index.
            Array::from(&values)
                .iter()
                .map(|x| x.as_f64().map_or(f32::NAN, |f| f as f32))
                .collect()
        } else {
            let usage = "values: a Float32Array (or an array) of numbers, one per parameter";
            return Err(Error::call("setParameters(values)", usage).into());
        };
        self.inner.set_parameters(&v).map_err(js_err)
    }

    /// `gradientCheck(batch, epsilon)` → `{ maxRelativeError, checked,
    /// skipped, worst: { name, index, analytic, numeric } }`: five-point
    /// central differences of loss + penalty (computed in f64) against the
    /// analytic gradient, error |a − n| / (max(|a|, |n|) + 1e-3); `skipped`
    /// the parameters left out for a kink within 2ε; weights unchanged.
    #[wasm_bindgen(js_name = gradientCheck)]
    pub fn gradient_check(&mut self, batch: JsValue, epsilon: f64) -> Result<Object, JsError> {
        let b = read_batch(&batch, "gradientCheck")?;
        let c = self.inner.gradient_check(&b, epsilon).map_err(js_err)?;
        let o = Object::new();
        set(&o, "maxRelativeError", &c.max_relative_error.into())?;
        set(&o, "checked", &JsValue::from(c.checked as u32))?;
        set(&o, "skipped", &JsValue::from(c.skipped as u32))?;
        let worst = match c.worst {
            Some(w) => {
                let v = Object::new();
                set(&v, "name", &JsValue::from_str(&w.name))?;
                set(&v, "index", &JsValue::from(w.index as u32))?;
                set(&v, "analytic", &w.analytic.into())?;
                set(&v, "numeric", &w.numeric.into())?;
                v.into()
            }
            None => JsValue::NULL,
        };
        set(&o, "worst", &worst)?;
        Ok(o)
    }

    /// `lossSurface({ plane: 'path' | 'random' | [i, j], span?, resolution? })`
    /// → `{ resolution, values: Float32Array (resolution², y outer), axes:
    /// { x: [min, max], y: [min, max] }, center: [x, y], path: Float32Array
    /// of (x, y) pairs }` (see `session/surface.rs`); weights unchanged.
    #[wasm_bindgen(js_name = lossSurface)]
    pub fn loss_surface(&mut self, options: JsValue) -> Result<Object, JsError> {
        surface_js(&mut self.inner, &options)
    }
}

fn tensors_js(ts: &[session::Tensor]) -> Result<JsValue, JsError> {
    let out = Array::new();
    for t in ts {
        let o = Object::new();
        set(&o, "name", &JsValue::from_str(&t.name))?;
        set(&o, "shape", &to_js(&t.shape)?)?;
        set(&o, "values", &Float32Array::from(&t.values[..]).into())?;
        out.push(&o);
    }
    Ok(out.into())
}

/// `'next'` or `{ rows: [i, ...] }`.
fn read_batch(batch: &JsValue, what: &str) -> Result<session::Batch, JsError> {
    if batch.as_string().as_deref() == Some("next") {
        return Ok(session::Batch::Next);
    }
    let bad = || {
        let usage = "batch 'next' or { rows: [i, ...] } with training row indices";
        JsError::from(Error::call(&format!("{what}(batch)"), usage))
    };
    if !batch.is_object() {
        return Err(bad());
    }
    let rows = Reflect::get(batch, &JsValue::from_str("rows")).map_err(|_| bad())?;
    if !Array::is_array(&rows) {
        return Err(bad());
    }
    row_indices(&Array::from(&rows))
        .map(session::Batch::Rows)
        .ok_or_else(bad)
}

/// Whole numbers from 0 up, or `None`.
fn row_indices(rows: &Array) -> Option<Vec<usize>> {
    rows.iter()
        .map(|v| match v.as_f64() {
            Some(f) if f >= 0.0 && f.fract() == 0.0 && f < u32::MAX as f64 => Some(f as usize),
            _ => None,
        })
        .collect()
}

fn trace_js(s: &mut session::Session, batch: &JsValue) -> Result<Object, JsError> {
    let b = read_batch(batch, "trace")?;
    let t = s.trace(&b).map_err(js_err)?;
    let o = Object::new();
    set(&o, "loss", &t.loss.into())?;
    set(&o, "rows", &to_js(&t.rows)?)?;
    let layers = Array::new();
    for l in &t.layers {
        let v = Object::new();
        set(&v, "name", &JsValue::from_str(&l.name))?;
        set(&v, "kind", &JsValue::from_str(l.kind.id()))?;
        set(&v, "shape", &to_js(&l.shape)?)?;
        for (key, values) in [
            ("inputs", &l.inputs),
            ("preActivations", &l.pre_activations),
            ("outputs", &l.outputs),
            ("delta", &l.delta),
        ] {
            set(&v, key, &Float32Array::from(&values[..]).into())?;
        }
        layers.push(&v);
    }
    set(&o, "layers", &layers)?;
    set(&o, "gradients", &tensors_js(&t.gradients)?)?;
    set(&o, "update", &tensors_js(&t.update)?)?;
    set(&o, "penalty", &tensors_js(&t.penalty)?)?;
    Ok(o)
}

fn surface_js(s: &mut session::Session, options: &JsValue) -> Result<Object, JsError> {
    let field =
        |k: &str| Reflect::get(options, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let usage = "options { plane: 'path' | 'random' | [i, j], span, resolution }";
    let bad = || JsError::from(Error::call("lossSurface(options)", usage));
    if !options.is_object() {
        return Err(bad());
    }
    let plane = field("plane");
    let plane = match plane.as_string().as_deref() {
        Some("path") => session::Plane::Path,
        Some("random") => session::Plane::Random,
        _ => {
            let ij: Vec<Option<f64>> = if Array::is_array(&plane) {
                Array::from(&plane).iter().map(|v| v.as_f64()).collect()
            } else {
                vec![]
            };
            match ij[..] {
                [Some(i), Some(j)]
                    if i >= 0.0 && j >= 0.0 && i.fract() == 0.0 && j.fract() == 0.0 =>
                {
                    session::Plane::Axes(i as usize, j as usize)
                }
                _ => return Err(bad()),
            }
        }
    };
    let span = field("span");
    let span = if span.is_undefined() || span.is_null() {
        None
    } else {
        Some(span.as_f64().ok_or_else(bad)?)
    };
    let res = field("resolution");
    let resolution = if res.is_undefined() {
        21
    } else {
        match res.as_f64() {
            Some(r) if r.fract() == 0.0 && (0.0..=1e6).contains(&r) => r as usize,
            _ => 0, // refused below, with the range
        }
    };
    let g = s.loss_surface(plane, span, resolution).map_err(js_err)?;
    let o = Object::new();
    set(&o, "resolution", &JsValue::from(g.resolution as u32))?;
    set(&o, "values", &Float32Array::from(&g.values[..]).into())?;
    let axes = Object::new();
    let pair = |p: [f64; 2]| -> JsValue { Array::of2(&p[0].into(), &p[1].into()).into() };
    set(&axes, "x", &pair(g.x))?;
    set(&axes, "y", &pair(g.y))?;
    set(&o, "axes", &axes)?;
    set(&o, "center", &pair(g.center))?;
    set(&o, "path", &Float32Array::from(&g.path[..]).into())?;
    Ok(o)
}

/// Race lanes (`src/race.rs`): `new Race(config, setting, values)`, 2 to 4
/// sessions from `config` with `setting` (`learningRate`, `optimizer`,
/// `batchSize`, `normalize`, `init`, `hidden`, `activation`) set to each
/// value, trained in lockstep.
#[wasm_bindgen]
pub struct Race {
    inner: crate::race::Race,
}

fn lane_reports(reports: Vec<crate::race::LaneReport>) -> Result<Array, JsError> {
    let out = Array::new();
    for r in reports {
        let o = to_js(&r.report)?;
        set(
            &Object::from(o.clone()),
            "value",
            &JsValue::from_str(&r.value),
        )?;
        set(
            &Object::from(o.clone()),
            "status",
            &JsValue::from_str(r.status.text()),
        )?;
        let why = r.status.divergence().map_or(JsValue::NULL, error_object);
        set(&Object::from(o.clone()), "divergence", &why)?;
        out.push(&o);
    }
    Ok(out)
}

#[wasm_bindgen]
impl Race {
    /// Throws an Error naming a bad setting, a bad count of values or the
    /// lane whose value the config reader refuses.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue, setting: &str, values: JsValue) -> Result<Race, JsError> {
        let cfg = config_of(&config)?;
        let vals = match js_sys::JSON::stringify(&values)
            .ok()
            .and_then(|t| t.as_string())
            .and_then(|t| serde_json::from_str(&t).ok())
        {
            Some(serde_json::Value::Array(v)) => v,
            _ => {
                let usage = "values: a list of 2 to 4 values";
                return Err(Error::call("new Race(config, setting, values)", usage).into());
            }
        };
        let inner = crate::race::Race::new(&cfg, setting, &vals).map_err(js_err)?;
        Ok(Race { inner })
    }

    /// `steps` updates for every running lane → `[{ value, status, step,
    /// epoch, trainLoss, valLoss, trainAccuracy, valAccuracy, diverged,
    /// divergence }]`, lane 1 first; status `'training' | 'paused' |
    /// 'diverged' | 'stopped early'` (train.earlyStopping); `divergence`
    /// null, or why a diverged lane stopped (`{ code: 'diverged', params, message }`).
    pub fn train(&mut self, steps: u32) -> Result<Array, JsError> {
        check_steps("race.train(steps)", steps)?;
        lane_reports(self.inner.train(steps))
    }

    /// `steps` updates for every running lane without scoring the splits
    /// (cheap: for training in slices; `lanes()` when a report is due) →
    /// `[{ step, status }]`, lane 1 first.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, steps: u32) -> Result<Array, JsError> {
        check_steps("race.trainSteps(steps)", steps)?;
        let out = Array::new();
        for (step, status) in self.inner.train_steps(steps) {
            let o = Object::new();
            set(&o, "step", &JsValue::from_f64(step as f64))?;
            set(&o, "status", &JsValue::from_str(status.text()))?;
            out.push(&o);
        }
        Ok(out)
    }

    /// The same reports, now, without training.
    pub fn lanes(&mut self) -> Result<Array, JsError> {
        lane_reports(self.inner.reports())
    }

    /// Pause lane `i` (0-based) or let it go on.
    pub fn pause(&mut self, i: usize, paused: bool) -> Result<(), JsError> {
        self.inner.set_paused(i, paused).map_err(js_err)
    }

    /// Lane `i` (0-based) → `{ value, status, info, parameters, history }`,
    /// as its session's `info()`, `parameters()` and `history()` give them.
    pub fn lane(&self, i: usize) -> Result<Object, JsError> {
        let l = self.inner.lane(i).map_err(js_err)?;
        let o = Object::new();
        set(&o, "value", &JsValue::from_str(&l.value))?;
        set(&o, "status", &JsValue::from_str(l.status.text()))?;
        let why = l.status.divergence().map_or(JsValue::NULL, error_object);
        set(&o, "divergence", &why)?;
        set(&o, "info", &to_js(&l.session.info())?)?;
        set(&o, "parameters", &parameters_js(&l.session)?.into())?;
        set(&o, "history", &to_js(l.session.history())?)?;
        Ok(o)
    }

    /// `Session.trace` on lane `i`.
    #[wasm_bindgen(js_name = laneTrace)]
    pub fn lane_trace(&mut self, i: usize, batch: JsValue) -> Result<Object, JsError> {
        trace_js(&mut self.inner.lane_mut(i).map_err(js_err)?.session, &batch)
    }

    /// `Session.lossSurface` on lane `i`.
    #[wasm_bindgen(js_name = laneSurface)]
    pub fn lane_surface(&mut self, i: usize, options: JsValue) -> Result<Object, JsError> {
        surface_js(
            &mut self.inner.lane_mut(i).map_err(js_err)?.session,
            &options,
        )
    }
}
