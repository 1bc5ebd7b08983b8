// The JS contract of `Session`, as the page and outside tests use it.
// Included by tests/web.rs (browsers) and tests/node.rs (Node).

use descent::web::Session;
use js_sys::{Float32Array, Reflect, JSON};
use wasm_bindgen::JsValue;
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

fn error_message(e: wasm_bindgen::JsError) -> String {
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
    let msg = error_message(Session::new(obj(&bad)).err().expect("negative learning rate refused"));
    assert!(msg.contains("learningRate"), "{msg}");
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
