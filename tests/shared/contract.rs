// The JS contract of `Session`, as the page and outside tests use it.
// Included by tests/web.rs (browsers) and tests/node.rs (Node).

use descent::web::Session;
use js_sys::{Float32Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const LESSON: &str = r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},
  "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}"#;

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

fn error_message(e: descent::web::JsError) -> String {
    let v: JsValue = e.into();
    get(&v, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn lesson_trains_to_a_small_test_error() {
    let mut s = Session::new(obj(LESSON)).unwrap_or_else(|_| panic!("lesson config accepted"));
    let first = s.train(1).unwrap();
    assert_eq!(num(&first, "step"), 1.0);
    let r = s.train(999).unwrap();
    assert_eq!(num(&r, "step"), 1000.0);
    assert!(get(&r, "valLoss").is_null(), "the article has no validation split");
    assert_eq!(get(&r, "diverged").as_bool(), Some(false));
    assert!(num(&r, "trainLoss") < num(&first, "trainLoss"));
    let m = s.evaluate("test").unwrap();
    assert!(num(&m, "loss") < 1e-3, "test MSE {}", num(&m, "loss"));
    // Predict [[5,6],[6,7]] ≈ [5,6].
    let y = s.predict(&[5.0, 6.0, 6.0, 7.0]).unwrap().to_vec();
    assert_eq!(y.len(), 2);
    assert!((y[0] - 5.0).abs() < 0.05 && (y[1] - 6.0).abs() < 0.05, "{y:?}");
    drop(s); // JS calls s.free(); in Rust the drop frees it
}

#[wasm_bindgen_test]
fn article_learning_rate_diverges() {
    let cfg = LESSON.replace("0.01", "0.1");
    let mut s = Session::new(obj(&cfg)).unwrap_or_else(|_| panic!("config accepted"));
    let r = s.train(200).unwrap();
    assert_eq!(get(&r, "diverged").as_bool(), Some(true));
    let loss = get(&r, "trainLoss");
    assert!(loss.is_null() || loss.as_f64().is_some_and(|v| v.is_finite()), "never NaN across the boundary");
}

#[wasm_bindgen_test]
fn bad_config_throws_a_named_error_and_the_module_keeps_working() {
    let bad = LESSON.replace("0.01", "-1");
    let e: JsValue = Session::new(obj(&bad)).err().expect("negative learning rate refused").into();
    assert!(e.is_instance_of::<js_sys::Error>(), "a JS Error");
    assert_eq!(text(&e, "code").as_deref(), Some("range"), "the error's code");
    let params = get(&e, "params");
    assert_eq!(text(&params, "field").as_deref(), Some("train.learningRate"));
    assert_eq!((num(&params, "got"), num(&params, "min"), num(&params, "max")), (-1.0, 0.0, 100.0), "numbers as numbers");
    assert_eq!(get(&params, "minExclusive").as_bool(), Some(true));
    let msg = get(&e, "message").as_string().unwrap_or_default();
    assert_eq!(msg, "train.learningRate must be a positive number, got -1");
    let msg = error_message(Session::new(obj(r#"{"data":{"source":"article-linear"},"train":{"batchSize":"four"}}"#)).err().expect("string batch size refused"));
    assert!(msg.contains("train.batchSize"), "{msg}");
    let msg = error_message(Session::new(obj(r#"{"data":{"source":"nope"}}"#)).err().expect("unknown source refused"));
    assert!(msg.contains("data.source"), "{msg}");
    let msg = error_message(Session::new(JsValue::from_f64(3.0)).err().expect("non-object refused"));
    assert!(msg.contains("object"), "{msg}");
    // And after all that, a good config still trains.
    let mut s = Session::new(obj(LESSON)).unwrap_or_else(|_| panic!("module still works"));
    assert_eq!(num(&s.train(5).unwrap(), "step"), 5.0);
    let e = s.predict(&[1.0, 2.0, 3.0]).err().expect("3 values are not whole rows of 2");
    assert!(error_message(e).contains("rows of 2"));
    assert!(s.set_learning_rate(f64::NAN).is_err());
    assert!(s.evaluate("validation").is_err());
}

#[wasm_bindgen_test]
fn parameters_least_squares_split_and_history() {
    let mut s = Session::new(obj(LESSON)).unwrap_or_else(|_| panic!("lesson config accepted"));
    s.train(10).unwrap();
    s.train(10).unwrap();
    let p = s.parameters().unwrap();
    assert_eq!(p.length(), 2);
    let w: Float32Array = get(&p.get(0), "values").into();
    assert_eq!(w.length(), 2);
    let ls = s.least_squares().unwrap();
    let lw = get(&ls, "weights");
    assert!((Reflect::get_u32(&lw, 0).unwrap().as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-6);
    let sp = s.split("test").unwrap();
    assert_eq!(num(&sp, "rows"), 2.0);
    let h = s.history().unwrap();
    assert_eq!(js_sys::Array::from(&get(&h, "step")).length(), 2);
    let info = s.info().unwrap();
    assert_eq!(get(&info, "task").as_string().as_deref(), Some("regression"));
    assert_eq!(num(&info, "trainSize"), 4.0);
    // The learning rate changes without a reset: the step count carries on.
    s.set_learning_rate(0.02).unwrap();
    assert_eq!(num(&s.train(1).unwrap(), "step"), 21.0);
}

fn text(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

#[wasm_bindgen_test]
fn parameters_and_layer_outputs_carry_layer_kind_role_and_activation() {
    // The page reads these fields, never parses a name.
    let mlp = r#"{"seed":1,"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[3],"activation":"tanh"}}"#;
    let mut s = Session::new(obj(mlp)).unwrap_or_else(|_| panic!("mlp config accepted"));
    let p = s.parameters().unwrap();
    // "name layer kind role" for each tensor.
    let got: Vec<String> = p
        .iter()
        .map(|e| {
            let t = |key| text(&e, key).unwrap_or_default();
            format!("{} {} {} {}", t("name"), num(&e, "layer"), t("kind"), t("role"))
        })
        .collect();
    assert_eq!(
        got,
        [
            "dense0.weight 0 dense weight",
            "dense0.bias 0 dense bias",
            "dense2.weight 2 dense weight",
            "dense2.bias 2 dense bias",
        ]
    );
    let w: Float32Array = get(&p.get(0), "values").into();
    assert_eq!(w.length(), 6);
    let outs = s.layer_outputs(&[0.5, -0.5]).unwrap();
    assert_eq!(outs.length(), 4);
    let input = outs.get(0);
    assert_eq!(text(&input, "name").as_deref(), Some("input"));
    assert!(get(&input, "layer").is_null(), "the input is no layer");
    assert_eq!(text(&input, "kind").as_deref(), Some("input"));
    assert!(get(&input, "activation").is_null());
    let dense = outs.get(1);
    assert_eq!((num(&dense, "layer"), text(&dense, "kind").as_deref()), (0.0, Some("dense")));
    assert!(get(&dense, "activation").is_null());
    let tanh = outs.get(2);
    assert_eq!(num(&tanh, "layer"), 1.0);
    assert_eq!(text(&tanh, "kind").as_deref(), Some("activation"));
    assert_eq!(text(&tanh, "activation").as_deref(), Some("tanh"));
    let values: Float32Array = get(&tanh, "values").into();
    assert_eq!(values.length(), 3);

    let rnn = r#"{"seed":1,"data":{"source":"sine-seq"},"model":{"kind":"rnn","hidden":4,"window":5}}"#;
    let mut s = Session::new(obj(rnn)).unwrap_or_else(|_| panic!("rnn config accepted"));
    let p = s.parameters().unwrap();
    let roles: Vec<Option<String>> = p.iter().map(|e| text(&e, "role")).collect();
    let kinds: Vec<Option<String>> = p.iter().map(|e| text(&e, "kind")).collect();
    let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
    assert_eq!(roles, some(&["weight", "recurrent", "bias", "weight", "bias"]));
    assert_eq!(kinds, some(&["rnn", "rnn", "rnn", "dense", "dense"]));
    assert_eq!(num(&p.get(3), "layer"), 1.0);
    let outs = s.layer_outputs(&[0.1, 0.2, 0.3, 0.4, 0.5]).unwrap();
    let state = outs.get(1);
    assert_eq!((num(&state, "layer"), text(&state, "kind").as_deref()), (0.0, Some("rnn")));
    assert!(get(&state, "activation").is_null());
}

#[wasm_bindgen_test]
fn nan_and_infinity_are_refused_by_name() {
    let cfg = js_sys::Object::new();
    Reflect::set(&cfg, &"data".into(), &obj(r#"{"source":"article-linear"}"#)).unwrap();
    let train = obj(r#"{"batchSize":4}"#);
    Reflect::set(&train, &"learningRate".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    Reflect::set(&cfg, &"train".into(), &train).unwrap();
    let msg = error_message(Session::new(cfg.into()).err().expect("NaN refused"));
    assert!(msg.contains("train.learningRate") && msg.contains("NaN"), "{msg}");
}

#[wasm_bindgen_test]
fn training_converges_through_the_js_contract() {
    // Same settings and thresholds as tests/convergence.rs, measured here
    // through Session in the browser and Node.
    for source in ["circle", "xor", "gauss", "moons"] {
        let cfg = format!(
            r#"{{"seed":3,"data":{{"source":"{source}","noise":0}},"model":{{"kind":"mlp","hidden":[8,8],"activation":"tanh"}},
               "train":{{"optimizer":"adam","learningRate":0.01,"batchSize":10}}}}"#
        );
        let mut s = Session::new(obj(&cfg)).unwrap_or_else(|_| panic!("{source} config accepted"));
        let r = s.train(3000).unwrap();
        assert!(num(&r, "valAccuracy") >= 0.97, "{source}: {}", num(&r, "valAccuracy"));
    }
    // The digits are not compiled into the wasm: until the page hands over
    // data/digits.csv.gz's text (here, build.rs's unpacked copy), a digits
    // session is refused with what to do. Only this test loads them.
    const DIGITS: &str = r#"{"seed":1,"data":{"source":"digits","normalize":"standard"},"model":{"kind":"mlp","hidden":[32],"activation":"relu"},
            "train":{"optimizer":"adam","learningRate":0.005,"batchSize":32}}"#;
    let msg = error_message(Session::new(obj(DIGITS)).err().expect("digits refused before loadDigits"));
    assert!(msg.contains("call loadDigits(text)"), "{msg}");
    let damaged = error_message(descent::web::load_digits("1,2,3").unwrap_err());
    assert!(damaged.contains("line 1: 3 values, expected 65"), "{damaged}");
    descent::web::load_digits(include_str!(concat!(env!("OUT_DIR"), "/digits.csv"))).expect("digits load");
    descent::web::load_digits("ignored: already loaded").expect("loading again is a no-op");
    let mut s = Session::new(obj(DIGITS)).unwrap_or_else(|_| panic!("digits config accepted"));
    s.train(3000).unwrap();
    let e = s.evaluate("test").unwrap();
    assert!(num(&e, "accuracy") >= 0.95, "digits test accuracy {}", num(&e, "accuracy"));
}

#[wasm_bindgen_test]
fn catalog_lists_what_the_engine_accepts() {
    let c = descent::web::catalog().unwrap_or_else(|_| panic!("catalog builds"));
    let ids = |list: &str| -> Vec<String> {
        js_sys::Array::from(&get(&c, list))
            .iter()
            .map(|e| get(&e, "id").as_string().unwrap_or_default())
            .collect()
    };
    let optimizers = ids("optimizers");
    assert!(optimizers.contains(&"adamw".to_string()), "{optimizers:?}");
    assert!(ids("sources").contains(&"checkerboard".to_string()));
    assert_eq!(ids("activations").len(), 7);
    let lr = get(&get(&c, "limits"), "learningRate");
    assert_eq!(num(&lr, "max"), 100.0);
    // Every listed optimizer and source builds a session through the same boundary.
    for o in &optimizers {
        let cfg = format!(
            r#"{{"data":{{"source":"xor"}},"model":{{"kind":"logistic"}},"train":{{"optimizer":"{o}"}}}}"#
        );
        assert!(Session::new(obj(&cfg)).is_ok(), "{o}");
    }
    let adamw = js_sys::Array::from(&get(&c, "optimizers"))
        .iter()
        .find(|o| get(o, "id").as_string().as_deref() == Some("adamw"))
        .unwrap();
    let wd = js_sys::Array::from(&get(&adamw, "hyperparameters")).get(0);
    assert_eq!(get(&wd, "name").as_string().as_deref(), Some("weightDecay"));
    assert_eq!(num(&wd, "default"), 0.01);
}

#[wasm_bindgen_test]
fn engine_answers_features_splits_and_the_least_squares_predictions() {
    let f = descent::web::feature_values(&[2.0, -3.0, 0.5, 1.0]).unwrap_or_else(|_| panic!("two rows"));
    let v = f.to_vec();
    assert_eq!(v.len(), 14);
    assert_eq!(&v[..5], &[2.0, -3.0, 4.0, 9.0, -6.0]);
    assert!((v[12] - 0.5f32.sin()).abs() < 1e-6);
    assert!(descent::web::feature_values(&[1.0, 2.0, 3.0]).is_err());
    let sizes = descent::web::split_sizes(500, obj(r#"{"train":0.7,"val":0.15,"test":0.15}"#))
        .unwrap_or_else(|_| panic!("split sizes"));
    assert_eq!((num(&sizes, "train"), num(&sizes, "val"), num(&sizes, "test")), (350.0, 75.0, 75.0));
    // The same counts a session makes.
    let s = Session::new(obj(r#"{"data":{"source":"circle","samples":7,"split":{"train":0.5,"val":0.25,"test":0.25}},"model":{"kind":"logistic"},"train":{"batchSize":1}}"#))
        .unwrap_or_else(|_| panic!("tiny circle"));
    let info = s.info().unwrap();
    let sizes = descent::web::split_sizes(7, obj(r#"{"train":0.5,"val":0.25,"test":0.25}"#)).unwrap();
    assert_eq!(num(&info, "trainSize"), num(&sizes, "train"));
    assert_eq!(num(&info, "valSize"), num(&sizes, "val"));
    assert_eq!(num(&info, "batchSize"), 1.0);
    let lesson = Session::new(obj(LESSON)).unwrap();
    let ls = lesson.least_squares().unwrap();
    let p = get(&ls, "predictions");
    let train: Float32Array = get(&p, "train").into();
    let test: Float32Array = get(&p, "test").into();
    assert_eq!((train.length(), test.length()), (4, 2));
    // The article's y = [1, 2, 3, 4] is fitted exactly; the test rows are 5, 6.
    assert!((train.to_vec()[3] - 4.0).abs() < 1e-4, "{:?}", train.to_vec());
    assert!((test.to_vec()[1] - 6.0).abs() < 1e-4, "{:?}", test.to_vec());
}

fn floats(v: &JsValue, key: &str) -> Vec<f32> {
    Float32Array::from(get(v, key)).to_vec()
}

/// Every parameter value, in `parameters()` order, flattened.
fn all_params(s: &Session) -> Vec<f32> {
    s.parameters().unwrap().iter().flat_map(|p| floats(&p, "values")).collect()
}

// The instruments build (`--features instruments`, scripts/test.sh).
#[cfg(feature = "instruments")]
#[wasm_bindgen_test]
fn trace_is_the_next_step_through_the_js_contract() {
    let mut s = Session::new(obj(LESSON)).unwrap_or_else(|_| panic!("lesson"));
    s.train(10).unwrap();
    let t = s.trace(JsValue::from_str("next")).unwrap_or_else(|_| panic!("trace('next')"));
    assert!(num(&t, "loss") > 0.0);
    assert_eq!(js_sys::Array::from(&get(&t, "rows")).length(), 4, "one batch of 4 rows");
    let layers = js_sys::Array::from(&get(&t, "layers"));
    assert_eq!(layers.length(), 1, "linear: one dense layer");
    let dense = layers.get(0);
    assert_eq!(text(&dense, "name").as_deref(), Some("dense0"));
    for key in ["inputs", "preActivations", "outputs", "delta"] {
        assert!(get(&dense, key).has_type::<Float32Array>(), "{key}");
    }
    assert_eq!(floats(&dense, "inputs").len(), 8);
    for key in ["gradients", "update", "penalty"] {
        let names: Vec<Option<String>> = js_sys::Array::from(&get(&t, key)).iter().map(|e| text(&e, "name")).collect();
        assert_eq!(names, [Some("dense0.weight".to_string()), Some("dense0.bias".to_string())], "{key}");
    }
    let update: Vec<f32> = js_sys::Array::from(&get(&t, "update")).iter().flat_map(|e| floats(&e, "values")).collect();
    let before = all_params(&s);
    s.train(1).unwrap();
    let change: Vec<f32> = all_params(&s).iter().zip(&before).map(|(a, b)| a - b).collect();
    assert_eq!(update, change, "update = the next train(1)'s change, bit for bit");
    let one = s.trace(obj(r#"{"rows":[2]}"#)).unwrap_or_else(|_| panic!("trace rows"));
    assert_eq!(floats(&js_sys::Array::from(&get(&one, "layers")).get(0), "outputs").len(), 1);
    let msg = error_message(s.trace(JsValue::from_str("previous")).err().expect("bad batch refused"));
    assert!(msg.contains("'next'"), "{msg}");
    let msg = error_message(s.trace(obj(r#"{"rows":[9]}"#)).err().expect("row out of range"));
    assert!(msg.contains("rows[0] must be from 0 to 3, got 9"), "{msg}");
}

// The instruments build (`--features instruments`, scripts/test.sh).
#[cfg(feature = "instruments")]
#[wasm_bindgen_test]
fn train_rows_applies_a_traced_rows_update_through_the_js_contract() {
    for opt in ["sgd", "momentum", "adam"] {
        let cfg = LESSON.replace("\"sgd\"", &format!("\"{opt}\""));
        let mut s = Session::new(obj(&cfg)).unwrap_or_else(|_| panic!("{opt}"));
        s.train(3).unwrap();
        let t = s.trace(obj(r#"{"rows":[2]}"#)).unwrap_or_else(|_| panic!("trace rows"));
        let update: Vec<f32> = js_sys::Array::from(&get(&t, "update")).iter().flat_map(|e| floats(&e, "values")).collect();
        let before = all_params(&s);
        let r = s.train_rows(obj("[2]")).unwrap_or_else(|_| panic!("trainRows"));
        assert_eq!((num(&r, "step"), get(&r, "diverged").as_bool()), (4.0, Some(false)));
        let change: Vec<f32> = all_params(&s).iter().zip(&before).map(|(a, b)| a - b).collect();
        assert_eq!(update, change, "{opt}: trainRows changes the weights by the traced update, bit for bit");
    }
    let mut s = Session::new(obj(LESSON)).unwrap();
    let msg = error_message(s.train_rows(obj("[9]")).err().expect("row out of range"));
    assert!(msg.contains("rows[0] must be from 0 to 3, got 9"), "{msg}");
    let msg = error_message(s.train_rows(obj(r#"{"rows":[0]}"#)).err().expect("not a list"));
    assert!(msg.contains("trainRows(rows)"), "{msg}");
    assert_eq!(num(&s.score().unwrap(), "step"), 0.0, "refused: no step taken");
}

// The instruments build (`--features instruments`, scripts/test.sh).
#[cfg(feature = "instruments")]
#[wasm_bindgen_test]
fn set_parameters_restarts_from_the_point_through_the_js_contract() {
    // The line fit y = w·x + b: two parameters.
    let cfg = r#"{"seed":3,"data":{"source":"sine"},"model":{"kind":"linear"},"train":{"optimizer":"sgd","learningRate":0.05,"batchSize":8}}"#;
    let mut s = Session::new(obj(cfg)).unwrap_or_else(|_| panic!("line fit"));
    s.train(30).unwrap();
    s.set_parameters(Float32Array::from(&[0.5f32, -2.0][..]).into()).unwrap_or_else(|_| panic!("setParameters"));
    assert_eq!(all_params(&s), [0.5, -2.0]);
    assert_eq!(num(&s.score().unwrap(), "step"), 0.0, "training restarts at step 0");
    assert_eq!(js_sys::Array::from(&get(&s.history().unwrap(), "step")).length(), 1, "a new loss curve");
    s.train(5).unwrap();
    let g = s.loss_surface(obj(r#"{"plane":[0,1],"resolution":3}"#)).unwrap_or_else(|_| panic!("surface"));
    assert_eq!(&floats(&g, "path")[..2], [0.5, -2.0], "the path starts at the point set");
    for (bad, says) in [("[1]", "must have 2 entries"), ("[1, null]", "(values)[1]"), (r#""far""#, "Float32Array")] {
        let msg = error_message(s.set_parameters(obj(bad)).err().expect("refused"));
        assert!(msg.contains(says), "{bad}: {msg}");
    }
    let msg = error_message(s.set_parameters(Float32Array::from(&[f32::NAN, 0.0][..]).into()).err().expect("NaN refused"));
    assert!(msg.contains("(values)[0]") && msg.contains("expected a number"), "{msg}");
    assert_eq!(num(&s.score().unwrap(), "step"), 5.0, "a refused call changes nothing");
}

// The instruments build (`--features instruments`, scripts/test.sh).
#[cfg(feature = "instruments")]
#[wasm_bindgen_test]
fn gradient_check_and_loss_surface_through_the_js_contract() {
    let mut s = Session::new(obj(LESSON)).unwrap_or_else(|_| panic!("lesson"));
    s.train(50).unwrap();
    let before = all_params(&s);
    let c = s.gradient_check(JsValue::from_str("next"), 1e-2).unwrap_or_else(|_| panic!("gradientCheck"));
    assert_eq!((num(&c, "checked"), num(&c, "skipped")), (3.0, 0.0));
    assert!(num(&c, "maxRelativeError") <= 1e-4, "{}", num(&c, "maxRelativeError"));
    let worst = get(&c, "worst");
    assert!(text(&worst, "name").is_some() && num(&worst, "index") >= 0.0);
    let loss = num(&s.score().unwrap(), "trainLoss");
    let g = s.loss_surface(obj(r#"{"plane":[0,1],"resolution":5}"#)).unwrap_or_else(|_| panic!("lossSurface"));
    assert_eq!(num(&g, "resolution"), 5.0);
    let values = floats(&g, "values");
    assert_eq!(values.len(), 25);
    assert!(((values[12] as f64 - loss) / loss).abs() <= 1e-6, "{} vs {loss}", values[12]);
    let path = floats(&g, "path");
    assert!(path.len() >= 4 && path.len() % 2 == 0);
    let center: Vec<f64> = js_sys::Array::from(&get(&g, "center")).iter().map(|v| v.as_f64().unwrap()).collect();
    assert_eq!(path[path.len() - 2] as f64, center[0] as f32 as f64);
    let x: Vec<f64> = js_sys::Array::from(&get(&get(&g, "axes"), "x")).iter().map(|v| v.as_f64().unwrap()).collect();
    assert!(x[0] < center[0] && center[0] < x[1]);
    for plane in [r#"{"plane":"path","resolution":3}"#, r#"{"plane":"random"}"#] {
        let g = s.loss_surface(obj(plane)).unwrap_or_else(|_| panic!("{plane}"));
        let n = num(&g, "resolution") as usize;
        assert_eq!(floats(&g, "values").len(), n * n);
    }
    assert_eq!(all_params(&s), before, "gradientCheck and lossSurface leave the weights as they were");
    for (bad, says) in [
        (r#"{"plane":"sideways"}"#, "plane"),
        (r#"{"plane":[0,1],"resolution":500}"#, "resolution"),
        (r#"{"plane":[0,7]}"#, "index must be from 0 to 2, got 7"),
    ] {
        let msg = error_message(s.loss_surface(obj(bad)).err().expect("refused"));
        assert!(msg.contains(says), "{bad}: {msg}");
    }
}

// The instruments build (`--features instruments`, scripts/test.sh).
#[cfg(feature = "instruments")]
#[wasm_bindgen_test]
fn race_lanes_train_in_lockstep_through_the_js_contract() {
    use descent::web::Race;
    let mut race = Race::new(obj(LESSON), "learningRate", obj("[0.001, 0.01, 0.02, 10]"))
        .unwrap_or_else(|_| panic!("race"));
    let mut lanes = js_sys::Array::new();
    for _ in 0..10 {
        lanes = race.train(20).unwrap();
        let steps: Vec<f64> = lanes
            .iter()
            .filter(|l| text(l, "status").as_deref() == Some("training"))
            .map(|l| num(&l, "step"))
            .collect();
        assert!(steps.len() >= 3 && steps.iter().all(|&s| s == steps[0]), "{steps:?}");
    }
    assert_eq!(num(&lanes.get(0), "step"), 200.0);
    assert_eq!(text(&lanes.get(1), "value").as_deref(), Some("0.01"));
    // A diverged lane says so, and why as the engine's `diverged` error.
    assert_eq!(text(&lanes.get(3), "status").as_deref(), Some("diverged"));
    let why = get(&lanes.get(3), "divergence");
    assert_eq!(text(&why, "code").as_deref(), Some("diverged"));
    assert_eq!(num(&get(&why, "params"), "learningRate"), 10.0);
    assert!(get(&lanes.get(0), "divergence").is_null());
    let lane = race.lane(1).unwrap();
    assert_eq!(js_sys::Array::from(&get(&lane, "parameters")).length(), 2);
    race.pause(0, true).unwrap();
    assert_eq!(text(&race.lanes().unwrap().get(0), "status").as_deref(), Some("paused"));
    let t = race.lane_trace(1, JsValue::from_str("next")).unwrap_or_else(|_| panic!("lane trace"));
    assert!(num(&t, "loss").is_finite());
    let msg = error_message(Race::new(obj(LESSON), "speed", obj("[1, 2]")).err().expect("bad setting"));
    assert!(msg.contains("'speed'") && msg.contains("'learningRate'"), "{msg}");
    let msg = error_message(Race::new(obj(LESSON), "learningRate", obj("[0.1, -1]")).err().expect("bad value"));
    assert!(msg.contains("lane 2") && msg.contains("train.learningRate"), "{msg}");
}
