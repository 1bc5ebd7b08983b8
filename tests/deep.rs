//! Convolutional and recurrent networks through the session: convergence
//! on the real digits and on sequences, with the settings in the names.

use descent::session::Session;

fn session(json: &str) -> Session {
    Session::from_json(json).unwrap_or_else(|e| panic!("config refused: {e}"))
}

#[test]
fn default_cnn_reaches_0_95_test_accuracy_on_digits_adam_lr_0_01_batch_32_1500_steps() {
    // conv 8@3×3 same → ReLU → maxpool 2 → dense 10 (the default layers).
    let mut s = session(
        r#"{"seed":1,"data":{"source":"digits"},"model":{"kind":"cnn"},
            "train":{"optimizer":"adam","learningRate":0.01,"batchSize":32}}"#,
    );
    assert_eq!(s.info().input_shape, Some(vec![1, 8, 8]));
    s.train(1500);
    let acc = s.evaluate("test").unwrap().accuracy.unwrap();
    assert!(acc >= 0.95, "test accuracy {acc}");

    // Feature maps and saliency for one image.
    let (x, _) = s.split_data("test").unwrap();
    let img = x.row(0).to_vec();
    let outs = s.layer_outputs(&img).unwrap();
    let names: Vec<&str> = outs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(&names[..4], ["input", "conv2d0", "relu1", "maxpool2"]);
    assert_eq!(outs[1].shape, vec![8, 8, 8]);
    assert_eq!(outs[3].shape, vec![8, 4, 4]);
    let sal = s.saliency(&img).unwrap();
    assert_eq!(sal.len(), 64);
    assert!(sal.iter().all(|v| v.is_finite() && *v >= 0.0) && sal.iter().any(|&v| v > 0.0));
}

#[test]
fn a_custom_cnn_layer_list_trains_and_a_bad_one_names_the_layer() {
    let mut s = session(
        r#"{"seed":2,"data":{"source":"digits"},"model":{"kind":"cnn","layers":[
            {"type":"conv2d","filters":4,"kernel":3,"stride":1,"padding":"valid","activation":"relu"},
            {"type":"maxpool","size":2},{"type":"dropout","rate":0.1},{"type":"dense","units":16,"activation":"relu"}]},
            "train":{"optimizer":"adam","learningRate":0.01,"batchSize":32}}"#,
    );
    let r = s.train(600);
    assert!(r.val_accuracy.unwrap() > 0.85, "{r:?}");
    let e = Session::from_json(
        r#"{"data":{"source":"digits"},"model":{"kind":"cnn","layers":[{"type":"conv2d","filters":4,"kernel":9,"padding":"valid"}]}}"#,
    )
    .err()
    .unwrap()
    .to_string();
    assert!(e.starts_with("model.layers[0] (conv2d 4@9×9)"), "{e}");
}

#[test]
fn rnn_16_on_sine_seq_beats_the_last_value_baseline_10x_adam_lr_0_01_batch_32_2000_steps() {
    let mut s = session(
        r#"{"seed":1,"data":{"source":"sine-seq","samples":1000},"model":{"kind":"rnn","hidden":16,"window":20},
            "train":{"optimizer":"adam","learningRate":0.01,"batchSize":32,"clipNorm":1}}"#,
    );
    s.train(2000);
    let mse = s.evaluate("val").unwrap().mse.unwrap();
    let (x, y) = s.split_data("val").unwrap();
    let w = x.ncols();
    let baseline: f64 = x
        .rows()
        .into_iter()
        .zip(y)
        .map(|(r, &t)| ((r[w - 1] - t) as f64).powi(2))
        .sum::<f64>()
        / y.len() as f64;
    assert!(
        mse * 10.0 < baseline,
        "validation MSE {mse} vs last-value baseline {baseline}"
    );
    // The hidden state over time for one window: [20 steps, 16 units].
    let outs = s.layer_outputs(&x.row(0).to_vec()).unwrap();
    assert_eq!(outs[1].name, "rnn0");
    assert_eq!(outs[1].shape, vec![20, 16]);
    assert_eq!(outs[1].values.len(), 320);
}

#[test]
fn rnn_counts_bits_seq_majority_window_9_reaches_0_9_validation_accuracy() {
    // Chance is about 0.5; the answer needs a running count over all 9 steps.
    let mut s = session(
        r#"{"seed":3,"data":{"source":"seq-majority","samples":2000},"model":{"kind":"rnn","hidden":16,"window":9},
            "train":{"optimizer":"adam","learningRate":0.01,"batchSize":32,"clipNorm":1}}"#,
    );
    s.train(3000);
    let acc = s.evaluate("val").unwrap().accuracy.unwrap();
    assert!(acc >= 0.9, "validation accuracy {acc}");
}

#[test]
fn mlp_saliency_matches_a_finite_difference_of_the_winning_score() {
    let mut s = session(
        r#"{"seed":1,"data":{"source":"blobs","classes":3},"model":{"kind":"mlp","hidden":[8],"activation":"tanh"},
            "train":{"optimizer":"adam","learningRate":0.02,"batchSize":10}}"#,
    );
    s.train(300);
    let x = [0.7f32, -1.3];
    let sal = s.saliency(&x).unwrap();
    let logits = |s: &mut Session, x: &[f32]| {
        let o = s.layer_outputs(x).unwrap();
        o.last().unwrap().values.clone()
    };
    let z = logits(&mut s, &x);
    let c = (0..3).max_by(|&a, &b| z[a].total_cmp(&z[b])).unwrap();
    let h = 1e-2;
    for i in 0..2 {
        let (mut xp, mut xm) = (x, x);
        xp[i] += h;
        xm[i] -= h;
        let num = ((logits(&mut s, &xp)[c] - logits(&mut s, &xm)[c]) / (2.0 * h)).abs();
        assert!(
            (num - sal[i]).abs() < 1e-2 * (1.0 + num),
            "input {i}: {} vs {num}",
            sal[i]
        );
    }
}
