//! Never lose work: an exported model imports to the same predictions, and
//! a damaged or foreign file is refused with a clear message.

use descent::session::Session;

const CFG: &str = r#"{"seed":5,"data":{"source":"blobs","classes":4,"normalize":"standard"},
  "model":{"kind":"mlp","hidden":[8,6],"activation":"relu"},
  "train":{"optimizer":"adam","learningRate":0.02,"batchSize":16}}"#;

fn grid() -> Vec<f32> {
    (0..200).map(|i| (i as f32 * 0.37).sin() * 6.0).collect()
}

#[test]
fn export_then_import_gives_the_same_predictions() {
    for cfg in [
        CFG,
        r#"{"data":{"source":"digits"},"model":{"kind":"cnn"},"train":{"optimizer":"adam","learningRate":0.01,"batchSize":32}}"#,
        r#"{"data":{"source":"sine-seq","samples":300},"model":{"kind":"rnn","hidden":8,"window":10},"train":{"optimizer":"adam","learningRate":0.01,"batchSize":16}}"#,
    ] {
        let mut s = Session::from_json(cfg).unwrap();
        s.train(200);
        let text = s.export_model();
        let mut t = Session::import_model(&text).unwrap_or_else(|e| panic!("{e}"));
        let inputs = s.info().inputs;
        let x: Vec<f32> = grid().into_iter().cycle().take(inputs * 7).collect();
        assert_eq!(s.predict(&x).unwrap(), t.predict(&x).unwrap(), "{cfg}");
        assert_eq!(t.step_count(), 200);
        assert_eq!(t.info().classes, s.info().classes);
        // The imported session keeps training from there.
        assert_eq!(t.train(1).step, 201);
    }
}

#[test]
fn the_file_says_what_it_is() {
    let mut s = Session::from_json(CFG).unwrap();
    s.train(10);
    let v: serde_json::Value = serde_json::from_str(&s.export_model()).unwrap();
    assert_eq!(v["format"], "descent-model");
    assert_eq!(v["version"], 1);
    assert_eq!(v["classes"].as_array().unwrap().len(), 4);
    assert_eq!(v["normalization"]["kind"], "standard");
    assert_eq!(v["parameters"][0]["name"], "dense0.weight");
    assert_eq!(v["config"]["model"]["hidden"], serde_json::json!([8, 6]));
}

#[test]
fn damaged_truncated_and_foreign_files_are_refused_clearly() {
    let mut s = Session::from_json(CFG).unwrap();
    s.train(10);
    let good = s.export_model();
    let err = |text: &str| {
        Session::import_model(text)
            .err()
            .expect("refused")
            .to_string()
    };
    assert!(err(&good[..good.len() / 2]).contains("cut short"));
    assert!(err("hello").contains("not valid JSON"));
    assert!(err(r#"{"name":"my package","version":"1.0.0"}"#).contains("not a Descent model"));
    assert!(err(&good.replace(r#""version":1"#, r#""version":7"#)).contains("version 7"));
    // A tensor of the wrong size.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["parameters"][0]["values"].as_array_mut().unwrap().pop();
    assert!(err(&v.to_string()).contains("does not fit"));
    // A config that no longer validates.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["config"]["train"]["learningRate"] = serde_json::json!(-1);
    assert!(err(&v.to_string()).contains("learningRate"));
    // A missing field.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v.as_object_mut().unwrap().remove("normalization");
    assert!(err(&v.to_string()).contains("normalization"));
    // The original is untouched by any of it.
    let mut again = Session::import_model(&good).unwrap();
    assert_eq!(
        again.predict(&[1.0, 2.0]).unwrap(),
        s.predict(&[1.0, 2.0]).unwrap()
    );
}
