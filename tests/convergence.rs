//! Training behaviour, asserted by convergence on generated and real data.
//! Each test's name or comment states its settings and threshold; the
//! thresholds come from what TensorFlow.js reaches on the same setup.

use descent::session::Session;

fn session(json: &str) -> Session {
    Session::from_json(json).unwrap_or_else(|e| panic!("config refused: {e}\n{json}"))
}

/// Train `steps` in chunks; return the best training accuracy seen at a
/// chunk boundary and the last report's accuracy.
fn train_accuracy(s: &mut Session, steps: u32) -> f64 {
    let mut last = 0.0;
    for _ in 0..steps / 500 {
        let r = s.train(500);
        assert!(!r.diverged);
        last = r.train_accuracy.unwrap();
    }
    last
}

#[test]
fn spiral_mlp_16_16_tanh_adam_lr_0_01_batch_10_reaches_0_95_in_5000_steps_for_4_of_5_seeds() {
    // TensorFlow.js, same setup: 0.95–0.99 over five seeds.
    let mut good = 0;
    let mut seen = vec![];
    for seed in 1..=5 {
        let mut s = session(&format!(
            r#"{{"seed":{seed},"data":{{"source":"spiral","noise":0,"features":["x1","x2"],"normalize":"none"}},
               "model":{{"kind":"mlp","hidden":[16,16],"activation":"tanh"}},
               "train":{{"optimizer":"adam","learningRate":0.01,"batchSize":10}}}}"#
        ));
        let acc = train_accuracy(&mut s, 5000);
        seen.push(acc);
        good += (acc >= 0.95) as usize;
    }
    assert!(good >= 4, "train accuracies over seeds 1..5: {seen:?}");
}

fn two_d(source: &str, extra: &str, hidden: &str, steps: u32) -> f64 {
    let mut s = session(&format!(
        r#"{{"seed":3,"data":{{"source":"{source}"{extra}}},
           "model":{{"kind":"mlp","hidden":{hidden},"activation":"tanh"}},
           "train":{{"optimizer":"adam","learningRate":0.01,"batchSize":10}}}}"#
    ));
    let mut last = 0.0;
    for _ in 0..steps / 500 {
        last = s.train(500).val_accuracy.unwrap();
    }
    last
}

#[test]
fn circle_xor_gauss_moons_reach_0_97_validation_accuracy_mlp_8_8_tanh_adam_3000_steps() {
    for source in ["circle", "xor", "gauss", "moons"] {
        let acc = two_d(source, r#","noise":0"#, "[8,8]", 3000);
        assert!(acc >= 0.97, "{source}: validation accuracy {acc}");
    }
}

#[test]
fn blobs_with_5_classes_reach_0_95_validation_accuracy_softmax_mlp_8_adam_3000_steps() {
    let acc = two_d("blobs", r#","classes":5,"noise":0"#, "[8]", 3000);
    assert!(acc >= 0.95, "blobs: validation accuracy {acc}");
}

#[test]
fn reg_plane_linear_model_reaches_r2_0_99_on_test_sgd_lr_0_01_batch_10_2000_steps() {
    let mut s = session(
        r#"{"seed":2,"data":{"source":"reg-plane","noise":0},"model":{"kind":"linear"},
            "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":10}}"#,
    );
    s.train(2000);
    let r2 = s.evaluate("test").unwrap().r2.unwrap();
    assert!(r2 >= 0.99, "R² {r2}");
}

#[test]
fn digits_mlp_32_relu_standardized_adam_reaches_0_95_test_accuracy_in_3000_steps() {
    let mut s = session(
        r#"{"seed":1,"data":{"source":"digits","normalize":"standard"},
            "model":{"kind":"mlp","hidden":[32],"activation":"relu"},
            "train":{"optimizer":"adam","learningRate":0.005,"batchSize":32}}"#,
    );
    s.train(3000);
    let e = s.evaluate("test").unwrap();
    let acc = e.accuracy.unwrap();
    assert!(acc >= 0.95, "digits test accuracy {acc}");
    let confusion = e.confusion.unwrap();
    assert_eq!(confusion.len(), 10);
    assert_eq!(confusion.iter().flatten().sum::<u32>() as usize, e.rows);
}

#[test]
fn every_optimizer_learns_xor_features_with_a_logistic_model() {
    // x1·x2 makes XOR linearly separable: a teachable point of the Playground.
    for (opt, lr) in [
        ("sgd", 0.1),
        ("momentum", 0.05),
        ("rmsprop", 0.01),
        ("adam", 0.03),
        ("adagrad", 0.3),
    ] {
        let mut s = session(&format!(
            r#"{{"seed":4,"data":{{"source":"xor","noise":0,"features":["x1","x2","x1*x2"],"normalize":"standard"}},
               "model":{{"kind":"logistic"}},"train":{{"optimizer":"{opt}","learningRate":{lr},"batchSize":10}}}}"#
        ));
        let r = s.train(2000);
        assert!(r.train_accuracy.unwrap() >= 0.95, "{opt}: {r:?}");
    }
}

#[test]
fn zero_init_keeps_hidden_units_identical() {
    // All-zero weights give every hidden unit the same gradient: the network
    // never breaks symmetry. The lesson: initialisation matters.
    let mut s = session(
        r#"{"seed":1,"data":{"source":"circle","noise":0},"model":{"kind":"mlp","hidden":[4],"activation":"tanh","init":"zeros"},
            "train":{"optimizer":"sgd","learningRate":0.1,"batchSize":10}}"#,
    );
    s.train(500);
    let p = s.parameters();
    let w = p[0].values; // [2, 4]
    for row in w.chunks(4) {
        assert!(
            row.iter().all(|&v| v == row[0]),
            "hidden units stayed identical: {row:?}"
        );
    }
}

/// Logistic regression's optimum by Newton's method (IRLS) in f64, on a
/// small non-separable problem, against what gradient descent reaches.
#[test]
fn logistic_regression_agrees_with_newtons_optimum_to_1e_3() {
    let rows: [(f64, f64, f64); 8] = [
        (0.5, 1.0, 0.0),
        (1.0, -0.5, 0.0),
        (1.5, 0.2, 1.0),
        (-1.0, 0.3, 0.0),
        (2.0, 1.5, 1.0),
        (0.2, -1.0, 1.0),
        (-0.5, -0.8, 0.0),
        (1.2, 0.9, 1.0),
    ];
    let mut csv = String::from("a,b,label\n");
    for (a, b, y) in rows {
        csv.push_str(&format!("{a},{b},{}\n", if y > 0.5 { "yes" } else { "no" }));
    }
    let cfg = serde_json::json!({
        "seed": 1,
        "data": {"source": "csv", "csv": csv, "target": "label", "normalize": "none",
                 "split": {"train": 1.0, "val": 0.0, "test": 0.0}},
        "model": {"kind": "logistic"},
        "train": {"optimizer": "adam", "learningRate": 0.05, "batchSize": 8}
    });
    let mut s = session(&cfg.to_string());
    s.train(20_000);
    s.set_learning_rate(0.002).unwrap();
    s.train(20_000);

    // Newton: θ ← θ + (XᵀWX)⁻¹ Xᵀ(y − p), X = [a b 1].
    let mut th = [0.0f64; 3];
    for _ in 0..50 {
        let (mut h, mut g) = ([[0.0f64; 3]; 3], [0.0f64; 3]);
        for (a, b, y) in rows {
            let x = [a, b, 1.0];
            let p = 1.0 / (1.0 + (-(th[0] * a + th[1] * b + th[2])).exp());
            for i in 0..3 {
                g[i] += x[i] * (y - p);
                for j in 0..3 {
                    h[i][j] += x[i] * x[j] * p * (1.0 - p);
                }
            }
        }
        let d = solve3(h, g);
        for i in 0..3 {
            th[i] += d[i];
        }
    }
    let p = s.parameters();
    let (w, b) = (p[0].values, p[1].values[0]);
    let got = [w[0] as f64, w[1] as f64, b as f64];
    for i in 0..3 {
        assert!((got[i] - th[i]).abs() < 1e-3, "θ {got:?} vs Newton {th:?}");
    }
}

fn solve3(a: [[f64; 3]; 3], b: [f64; 3]) -> [f64; 3] {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(a);
    let mut x = [0.0; 3];
    for (c, xc) in x.iter_mut().enumerate() {
        let mut m = a;
        for r in 0..3 {
            m[r][c] = b[r];
        }
        *xc = det(m) / d;
    }
    x
}

#[test]
fn same_config_and_seed_give_the_identical_history_and_another_seed_does_not() {
    let run = |seed: u64| {
        let mut s = session(&format!(
            r#"{{"seed":{seed},"data":{{"source":"moons","noise":0.1}},"model":{{"kind":"mlp","hidden":[8],"activation":"relu"}},
               "train":{{"optimizer":"momentum","learningRate":0.05,"batchSize":16}}}}"#
        ));
        (0..20)
            .map(|_| s.train(25).train_loss.unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
}
