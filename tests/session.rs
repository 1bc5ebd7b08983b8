//! The plain-Rust session contract: info, predictions, layer outputs and
//! preprocessing without leakage.

use descent::layers::{Activation, LayerKind, Role};
use descent::session::Session;

fn session(json: &str) -> Session {
    Session::from_json(json).unwrap_or_else(|e| panic!("config refused: {e}"))
}

fn column_means(values: &[f32], width: usize) -> Vec<f64> {
    let rows = values.len() / width;
    (0..width)
        .map(|j| {
            values
                .iter()
                .skip(j)
                .step_by(width)
                .map(|&v| v as f64)
                .sum::<f64>()
                / rows as f64
        })
        .collect()
}

#[test]
fn normalization_is_fitted_on_the_training_split_only() {
    let mut s = session(
        r#"{"data":{"source":"digits","normalize":"standard"},"model":{"kind":"logistic"}}"#,
    );
    let (train_x, _) = s.split_data("train").unwrap();
    let train_x = train_x.as_slice().unwrap().to_vec();
    let (val_x, _) = s.split_data("val").unwrap();
    let val_x = val_x.as_slice().unwrap().to_vec();
    let inputs = |s: &mut Session, x: &[f32]| s.layer_outputs(x).unwrap()[0].values.clone();
    // Training rows come out with mean 0 in every column (exactly what
    // fitting on them means)...
    let train_means = column_means(&inputs(&mut s, &train_x), 64);
    assert!(
        train_means.iter().all(|m| m.abs() < 1e-4),
        "{train_means:?}"
    );
    // ...while held-out rows do not: their statistics were not used.
    let val_means = column_means(&inputs(&mut s, &val_x), 64);
    assert!(val_means.iter().any(|m| m.abs() > 0.02), "{val_means:?}");
}

#[test]
fn info_describes_the_task() {
    let s = session(
        r#"{"data":{"source":"blobs","classes":4},"model":{"kind":"mlp","hidden":[5],"activation":"relu"}}"#,
    );
    let i = s.info();
    assert_eq!(i.task, "classification");
    assert_eq!(i.classes.len(), 4);
    assert_eq!(i.outputs, 4);
    assert_eq!(i.inputs, 2);
    assert_eq!(i.train_size + i.val_size + i.test_size, 500);
    assert_eq!(i.train_size, 350);
    // 2·5 + 5 + 5·4 + 4
    assert_eq!(i.parameters, 39);
    assert_eq!(i.domain, Some(6.0));
}

#[test]
fn predictions_follow_the_task() {
    let mut s = session(r#"{"data":{"source":"blobs","classes":3},"model":{"kind":"logistic"}}"#);
    let p = s.predict(&[0.0, 0.0, 3.0, -2.0]).unwrap();
    assert_eq!(p.len(), 6, "three probabilities a row");
    for row in p.chunks(3) {
        assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }
    let mut s = session(r#"{"data":{"source":"xor"},"model":{"kind":"logistic"}}"#);
    let p = s.predict(&[1.0, 1.0]).unwrap();
    assert_eq!(p.len(), 1);
    assert!((0.0..=1.0).contains(&p[0]));
    // Features are applied by the session: raw x1, x2 in, 5 features used.
    let mut s = session(
        r#"{"data":{"source":"circle","features":["x1","x2","x1^2","x2^2","x1*x2"]},"model":{"kind":"logistic"}}"#,
    );
    assert_eq!(s.info().feature_names.len(), 5);
    let outs = s.layer_outputs(&[2.0, 3.0]).unwrap();
    assert_eq!(outs[0].values, vec![2.0, 3.0, 4.0, 9.0, 6.0]);
}

#[test]
fn layer_outputs_give_every_layer_for_every_row() {
    let mut s = session(
        r#"{"data":{"source":"spiral"},"model":{"kind":"mlp","hidden":[6,4],"activation":"tanh"}}"#,
    );
    let outs = s.layer_outputs(&[0.5, 0.5, -1.0, 2.0, 3.0, 3.0]).unwrap();
    let names: Vec<&str> = outs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        ["input", "dense0", "tanh1", "dense2", "tanh3", "dense4"]
    );
    assert_eq!(outs[2].shape, vec![6]);
    assert_eq!(outs[2].values.len(), 3 * 6);
    assert!(outs[2].values.iter().all(|v| v.abs() <= 1.0));
    assert!(s.layer_outputs(&vec![0.0; 2 * 10_001]).is_err());
}

/// Every parameter tensor as (name, layer, kind, role, shape).
fn described(s: &Session) -> Vec<(String, usize, LayerKind, Role, Vec<usize>)> {
    s.parameters()
        .into_iter()
        .map(|p| (p.name, p.layer, p.kind, p.role, p.shape))
        .collect()
}

/// Every layer output as (name, layer, kind, activation).
fn outputs(
    s: &mut Session,
    x: &[f32],
) -> Vec<(String, Option<usize>, LayerKind, Option<Activation>)> {
    s.layer_outputs(x)
        .unwrap()
        .into_iter()
        .map(|o| (o.name, o.layer, o.kind, o.activation))
        .collect()
}

#[test]
fn parameters_and_layer_outputs_say_their_layer_kind_and_role() {
    use descent::layers::Activation::{Relu, Tanh};
    use LayerKind::*;
    use Role::*;
    let p = |n: &str, l, k, r, shape: &[usize]| (n.to_string(), l, k, r, shape.to_vec());
    let o = |n: &str, l, k, a| (n.to_string(), l, k, a);

    let mut mlp = session(
        r#"{"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[3],"activation":"tanh"}}"#,
    );
    assert_eq!(
        described(&mlp),
        [
            p("dense0.weight", 0, Dense, Weight, &[2, 3]),
            p("dense0.bias", 0, Dense, Bias, &[3]),
            p("dense2.weight", 2, Dense, Weight, &[3, 1]),
            p("dense2.bias", 2, Dense, Bias, &[1]),
        ]
    );
    assert_eq!(
        outputs(&mut mlp, &[0.5, -0.5]),
        [
            o("input", None, Input, None),
            o("dense0", Some(0), Dense, None),
            o("tanh1", Some(1), LayerKind::Activation, Some(Tanh)),
            o("dense2", Some(2), Dense, None),
        ]
    );

    let mut cnn = session(
        r#"{"data":{"source":"digits"},"model":{"kind":"cnn","layers":[
            {"type":"conv2d","filters":4,"kernel":3,"stride":1,"padding":"valid","activation":"relu"},
            {"type":"maxpool","size":2},{"type":"dropout","rate":0.1},{"type":"flatten"},
            {"type":"dense","units":16,"activation":"relu"}]}}"#,
    );
    assert_eq!(
        described(&cnn),
        [
            p("conv0.kernel", 0, Conv2d, Weight, &[3, 3, 1, 4]),
            p("conv0.bias", 0, Conv2d, Bias, &[4]),
            p("dense5.weight", 5, Dense, Weight, &[36, 16]),
            p("dense5.bias", 5, Dense, Bias, &[16]),
            p("dense7.weight", 7, Dense, Weight, &[16, 10]),
            p("dense7.bias", 7, Dense, Bias, &[10]),
        ]
    );
    assert_eq!(
        outputs(&mut cnn, &[0.0; 64]),
        [
            o("input", None, Input, None),
            o("conv2d0", Some(0), Conv2d, None),
            o("relu1", Some(1), LayerKind::Activation, Some(Relu)),
            o("maxpool2", Some(2), MaxPool, None),
            o("dropout3", Some(3), Dropout, None),
            o("flatten4", Some(4), Flatten, None),
            o("dense5", Some(5), Dense, None),
            o("relu6", Some(6), LayerKind::Activation, Some(Relu)),
            o("dense7", Some(7), Dense, None),
        ]
    );

    let mut rnn =
        session(r#"{"data":{"source":"sine-seq"},"model":{"kind":"rnn","hidden":4,"window":5}}"#);
    assert_eq!(
        described(&rnn),
        [
            p("rnn0.kernel", 0, Rnn, Weight, &[1, 4]),
            p("rnn0.recurrent", 0, Rnn, Recurrent, &[4, 4]),
            p("rnn0.bias", 0, Rnn, Bias, &[4]),
            p("dense1.weight", 1, Dense, Weight, &[4, 1]),
            p("dense1.bias", 1, Dense, Bias, &[1]),
        ]
    );
    assert_eq!(
        outputs(&mut rnn, &[0.1, 0.2, 0.3, 0.4, 0.5]),
        [
            o("input", None, Input, None),
            o("rnn0", Some(0), Rnn, None),
            o("dense1", Some(1), Dense, None),
        ]
    );
}

#[test]
fn mse_loss_override_trains_a_classifier_as_the_playground_does() {
    let mut s = session(
        r#"{"data":{"source":"gauss","noise":0},"model":{"kind":"mlp","hidden":[4],"activation":"tanh"},
            "train":{"optimizer":"sgd","learningRate":0.1,"batchSize":10,"loss":"mse"}}"#,
    );
    assert_eq!(s.info().loss, "mse");
    let r = s.train(1000);
    assert!(r.train_accuracy.unwrap() > 0.97, "{r:?}");
}

#[test]
fn evaluation_reports_the_metrics_of_each_task() {
    let mut s = session(
        r#"{"data":{"source":"sine","noise":0},"model":{"kind":"mlp","hidden":[16],"activation":"tanh"},"train":{"optimizer":"adam","learningRate":0.02}}"#,
    );
    s.train(3000);
    let e = s.evaluate("val").unwrap();
    assert!(e.r2.unwrap() > 0.95, "{e:?}");
    assert!(e.mae.unwrap() < e.mse.unwrap().sqrt() + 1e-9);
    assert!(e.accuracy.is_none() && e.confusion.is_none());
    let h = s.history();
    assert_eq!(h.step, vec![3000]);
}

#[test]
fn a_csv_session_reports_what_was_done_to_the_file() {
    let csv = "size;colour;label\n1,5;red;small\n2,5;blue;small\nNA;red;big\n7,5;blue;big\n8,0;red;big\n1,0;blue;small\n";
    let cfg = serde_json::json!({
        "data": {"source": "csv", "csv": csv, "target": "label", "missing": "drop"},
        "model": {"kind": "logistic"},
        "train": {"batchSize": 2}
    });
    let s = session(&cfg.to_string());
    let info = s.info();
    assert_eq!(info.classes, vec!["big", "small"]);
    assert_eq!(
        info.input_names.len(),
        3,
        "size + one-hot colour: {:?}",
        info.input_names
    );
    let report = info.csv_report.expect("csv sessions carry a report");
    assert_eq!(report.delimiter, ';');
    assert_eq!(report.dropped_missing, 1);
    assert_eq!(info.train_size + info.val_size + info.test_size, 5);
}

#[test]
fn the_history_stays_bounded_however_long_training_runs() {
    let mut s = session(r#"{"data":{"source":"xor"},"model":{"kind":"logistic"}}"#);
    for _ in 0..10_000 {
        s.train(1);
    }
    let h = s.history();
    assert!(h.step.len() < 2_048, "{} points", h.step.len());
    assert_eq!(h.step.len(), h.train_loss.len());
    assert_eq!(*h.step.last().unwrap(), 10_000);
    assert!(
        h.step.windows(2).all(|w| w[0] < w[1]),
        "still in step order"
    );
}
