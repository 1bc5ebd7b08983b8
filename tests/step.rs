//! Inside one step of gradient descent: `trace` is the step training takes,
//! its gradient agrees with finite differences, the loss surface passes
//! through the current loss, and the path ends where training did.

use descent::session::{Batch, Plane, Session, Trace};

fn session(json: &str) -> Session {
    Session::from_json(json).unwrap_or_else(|e| panic!("config refused: {e}\n{json}"))
}

fn flat(t: &[descent::session::Tensor]) -> Vec<f32> {
    t.iter().flat_map(|t| t.values.iter().copied()).collect()
}

fn params(s: &Session) -> Vec<f32> {
    s.network().params.clone()
}

/// One config per layer kind and loss, with the ε its check uses and the
/// bound its worst error |a − n| / (max(|a|, |n|) + 1e-3) must meet:
/// 1e-3, "relative 1e-3, or absolute 1e-6 near zero", for every one. L1/L2
/// on some, so the penalty is in the checked gradient. Images are min-max
/// scaled: standardised digits have columns of tiny spread that saturate
/// tanh to exactly 1.0 (ties in a pool window).
const MODELS: &[(&str, &str, f64)] = &[
    (
        "dense, binary cross-entropy",
        r#"{"seed":2,"data":{"source":"spiral","normalize":"standard"},"model":{"kind":"mlp","hidden":[8,8],"activation":"tanh"},"train":{"optimizer":"adam","batchSize":10,"l2":0.01}}"#,
        3e-2,
    ),
    (
        "dense, softmax cross-entropy",
        r#"{"seed":3,"data":{"source":"blobs","classes":3,"normalize":"standard"},"model":{"kind":"mlp","hidden":[6],"activation":"tanh"},"train":{"batchSize":8}}"#,
        1e-2,
    ),
    (
        "dense, MSE on a classifier",
        r#"{"seed":4,"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[5],"activation":"sigmoid"},"train":{"loss":"mse","batchSize":10}}"#,
        3e-2,
    ),
    (
        "linear, MSE",
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4,"l1":0.01}}"#,
        1e-2,
    ),
    (
        "conv2d, dropout (training mask), softmax",
        r#"{"seed":5,"data":{"source":"digits","normalize":"minmax"},"model":{"kind":"cnn","layers":[
            {"type":"conv2d","filters":3,"kernel":3},{"type":"tanh"},
            {"type":"flatten"},{"type":"dropout","rate":0.3},{"type":"dense","units":10}]},"train":{"batchSize":4,"l2":0.001}}"#,
        5e-2,
    ),
    (
        "conv2d, maxpool, dropout (training mask)",
        r#"{"seed":5,"data":{"source":"digits","normalize":"minmax"},"model":{"kind":"cnn","layers":[
            {"type":"conv2d","filters":2,"kernel":3,"padding":"valid"},{"type":"tanh"},{"type":"maxpool","size":2},
            {"type":"flatten"},{"type":"dropout","rate":0.3},{"type":"dense","units":10}]},"train":{"batchSize":2,"l2":0.001}}"#,
        5e-3,
    ),
    (
        "rnn, MSE, clipped",
        r#"{"seed":6,"data":{"source":"sine-seq","samples":300},"model":{"kind":"rnn","hidden":4,"window":6},"train":{"optimizer":"adam","batchSize":5,"l2":0.01,"clipNorm":1}}"#,
        3e-2,
    ),
    (
        "rnn, binary cross-entropy",
        r#"{"seed":7,"data":{"source":"seq-majority","samples":300},"model":{"kind":"rnn","hidden":3,"window":5},"train":{"batchSize":5}}"#,
        5e-2,
    ),
];

/// The bound every layer kind and loss meets (see MODELS).
const BOUND: f64 = 1e-3;

#[test]
fn trace_gradients_agree_with_finite_differences_for_every_layer_and_loss() {
    for &(what, cfg, eps) in MODELS {
        let mut s = session(cfg);
        s.train(20);
        for batch in [
            Batch::Next,
            Batch::Rows(vec![0]),
            Batch::Rows(vec![3, 1, 2]),
        ] {
            let t = s.trace(&batch).unwrap();
            let c = s.gradient_check(&batch, eps).unwrap();
            let w = c.worst.as_ref().unwrap();
            assert!(
                c.max_relative_error <= BOUND,
                "{what} {batch:?}: max relative error {} at {w:?}",
                c.max_relative_error
            );
            let sample = s.network().params.len().min(2_000);
            assert_eq!(c.checked + c.skipped, sample, "{what}");
            // A kink within 2ε even after halving ε six times is rare: the
            // check is of nearly every parameter, not of what is left.
            assert!(c.skipped * 100 <= sample, "{what} {batch:?}: {c:?}");
            // The checked analytic gradient is the one trace returns, before
            // clipping: unclipped here unless clipNorm scaled it.
            let g = t.gradients.iter().find(|g| g.name == w.name).unwrap();
            if !cfg.contains("clipNorm") {
                assert_eq!(g.values[w.index] as f64, w.analytic, "{what}");
            }
        }
    }
}

/// A kink within the five points: ε is halved until none is (a max-pool
/// model at ε = 0.1, where most of its kernel's stencils would straddle a
/// switch of some window), and a parameter that sits on one is left out
/// and counted (a ReLU layer at zero init: every unit's input is exactly 0,
/// so any change to the first layer crosses the kink).
#[test]
fn a_kink_near_a_parameter_halves_epsilon_or_skips_it() {
    let mut s = session(MODELS[5].1);
    s.train(20);
    let c = s.gradient_check(&Batch::Rows(vec![3, 1, 2]), 0.1).unwrap();
    assert!(c.max_relative_error <= BOUND, "{c:?}");
    assert!(c.skipped * 100 <= c.checked, "{c:?}");
    let mut z = session(
        r#"{"seed":1,"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[4],"activation":"relu","init":"zeros"},"train":{"batchSize":4}}"#,
    );
    let c = z.gradient_check(&Batch::Next, 1e-3).unwrap();
    // dense0: 2 × 4 weights and 4 biases, all on the kink; dense2's 5 are checked.
    assert_eq!((c.skipped, c.checked), (12, 5), "{c:?}");
    assert!(c.max_relative_error <= BOUND, "{c:?}");
    assert!(c.worst.unwrap().name.starts_with("dense2"));
}

/// The f64 pass the check differentiates (`Network::forward_exact`) is the
/// network's own function: it agrees with the f32 forward pass to f32
/// rounding for every layer kind, so the check is of training's model.
#[test]
fn the_checks_f64_forward_pass_is_the_networks_function() {
    for &(what, cfg, _) in MODELS {
        let mut s = session(cfg);
        s.train(5);
        // Model inputs of three training rows, as the session's trace has them.
        let rows = 3;
        let t = s.trace(&Batch::Rows(vec![0, 1, 2])).unwrap();
        let input = &t.layers[0].inputs;
        let mut net = s.network().clone();
        let width = net.inputs();
        assert_eq!(input.len(), rows * width);
        net.input_mut(rows).copy_from_slice(input);
        let z = net.forward(rows).to_vec();
        let params: Vec<f64> = net.params.iter().map(|&p| p as f64).collect();
        let x64 = input.iter().map(|&v| v as f64).collect();
        let (acts, kinks) = net.forward_exact(&params, 0, x64, rows);
        assert_eq!(acts.len(), net.layers.len() + 1);
        assert_eq!(kinks.len(), net.layers.len());
        for (a, b) in z.iter().zip(&acts[acts.len() - 1]) {
            assert!(
                (*a as f64 - b).abs() <= 1e-5 * (1.0 + b.abs()),
                "{what}: {a} vs {b}"
            );
        }
    }
}

/// Every optimizer, with the extra config some variants need.
const OPTIMIZERS: [(&str, &str); 7] = [
    ("sgd", ""),
    ("momentum", ""),
    ("momentum", r#","nesterov":true"#),
    ("rmsprop", ""),
    ("adam", ""),
    ("adagrad", ""),
    ("adamw", ""),
];

/// A small tanh MLP on the circle, trained by `opt` in batches of 16 with L2.
fn circle_mlp(opt: &str, extra: &str) -> String {
    format!(
        r#"{{"seed":9,"data":{{"source":"circle"}},"model":{{"kind":"mlp","hidden":[4],"activation":"tanh"}},
           "train":{{"optimizer":"{opt}","learningRate":0.05,"batchSize":16,"l2":0.001{extra}}}}}"#
    )
}

/// Every optimizer: the update trace('next') shows is, bit for bit, the
/// change the next train(1) makes: at the start, after some steps (state
/// present), and across the end of an epoch (reshuffle).
#[test]
fn trace_next_update_is_exactly_the_next_train_step() {
    for (opt, extra) in OPTIMIZERS {
        // 350 training rows, batch 16: an epoch ends after 22 steps (the
        // last batch short).
        let cfg = circle_mlp(opt, extra);
        let mut s = session(&cfg);
        for (before_steps, label) in [
            (0, "first step"),
            (5, "with state"),
            (14, "end of epoch"),
            (0, "new epoch"),
        ] {
            s.train_steps(before_steps);
            let epoch = s.epoch();
            let t: Trace = s.trace(&Batch::Next).unwrap();
            let before = params(&s);
            s.train_steps(1);
            let after = params(&s);
            let change: Vec<f32> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
            let update = flat(&t.update);
            assert_eq!(
                update.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                change.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                "{opt}{extra} {label}"
            );
            assert!(
                update.iter().any(|&u| u != 0.0),
                "{opt} {label}: a real update"
            );
            if label == "new epoch" {
                assert_eq!(s.epoch(), epoch + 1, "the traced step wrapped the epoch");
            }
        }
    }
}

/// A trace of chosen rows is applied by `train_rows`, for every optimizer:
/// the weights change by the trace's update bit for bit, the step count
/// advances (and the optimizer's state with it: the next chosen-rows step
/// is exact too), and the epoch's own batches are untouched.
#[test]
fn train_rows_applies_exactly_the_traced_update_of_those_rows() {
    for (opt, extra) in OPTIMIZERS {
        let cfg = circle_mlp(opt, extra);
        let mut s = session(&cfg);
        let mut untouched = session(&cfg);
        for (i, (before_steps, rows)) in [(0, vec![7]), (5, vec![3, 40, 2]), (0, vec![7])]
            .into_iter()
            .enumerate()
        {
            s.train_steps(before_steps);
            untouched.train_steps(before_steps);
            let t = s.trace(&Batch::Rows(rows.clone())).unwrap();
            let (before, step) = (params(&s), s.step_count());
            assert!(!s.train_rows(&rows).unwrap());
            let change: Vec<f32> = params(&s).iter().zip(&before).map(|(a, b)| a - b).collect();
            let update = flat(&t.update);
            assert_eq!(
                update.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                change.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                "{opt}{extra} step {i}"
            );
            assert!(update.iter().any(|&u| u != 0.0), "{opt}: a real update");
            assert_eq!(s.step_count(), step + 1, "{opt}: counted as a step");
            // The next mini-batch is the one it was going to be.
            let next = s.trace(&Batch::Next).unwrap().rows;
            assert_eq!(next, untouched.trace(&Batch::Next).unwrap().rows, "{opt}");
            assert_eq!(s.epoch(), untouched.epoch());
        }
        let later = s.trace(&Batch::Next).unwrap();
        let before = params(&s);
        s.train_steps(1);
        let change: Vec<f32> = params(&s).iter().zip(&before).map(|(a, b)| a - b).collect();
        assert_eq!(
            flat(&later.update),
            change,
            "{opt}: train(1) after it is exact too"
        );
    }
    // Refused with the reason: a row out of range, no rows, a diverged session.
    let mut s = session(
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"learningRate":1,"batchSize":4}}"#,
    );
    let e = s.train_rows(&[4]).unwrap_err();
    assert_eq!(e.code(), "range");
    assert_eq!(
        e.to_string(),
        "trainRows: rows[0] must be from 0 to 3, got 4"
    );
    assert!(s.train_rows(&[]).is_err());
    assert_eq!(s.step_count(), 0, "a refused step is no step");
    let mut diverged = false;
    for _ in 0..500 {
        match s.train_rows(&[0, 1, 2, 3]) {
            Ok(d) => diverged = d,
            Err(e) => {
                assert_eq!(e.code(), "unavailable", "{e}");
                break;
            }
        }
    }
    assert!(
        diverged || s.divergence().is_some(),
        "α = 1 diverges on the lesson"
    );
    assert_eq!(s.divergence().unwrap().code(), "diverged");
}

/// Dropout too: a trace draws the masks the step will draw and puts the
/// generators back.
#[test]
fn trace_next_is_exact_with_dropout_and_leaves_the_masks_alone() {
    let cfg = r#"{"seed":3,"data":{"source":"gauss"},"model":{"kind":"cnn","layers":[]}}"#;
    let _ = cfg; // cnn needs images: use the digits with a dropout layer
    let cfg = r#"{"seed":3,"data":{"source":"digits"},"model":{"kind":"cnn","layers":[
        {"type":"flatten"},{"type":"dense","units":8},{"type":"relu"},{"type":"dropout","rate":0.5},{"type":"dense","units":10}]},
        "train":{"optimizer":"adam","batchSize":8}}"#;
    let mut a = session(cfg);
    let mut b = session(cfg);
    a.train_steps(3);
    b.train_steps(3);
    let t = a.trace(&Batch::Next).unwrap();
    let before = params(&a);
    a.train_steps(1);
    b.train_steps(1);
    let change: Vec<f32> = params(&a).iter().zip(&before).map(|(x, y)| x - y).collect();
    assert_eq!(flat(&t.update), change);
    assert_eq!(params(&a), params(&b), "the trace changed nothing");
    // The traced dropout layer really masked (some outputs 0, some scaled).
    let d = t
        .layers
        .iter()
        .find(|l| l.name.starts_with("dropout"))
        .unwrap();
    assert!(d.outputs.contains(&0.0));
}

/// A traced session trains exactly as an untraced one (cursor, epoch,
/// order, generators and optimizer state untouched), and so does one that
/// was gradient-checked and had its loss surface drawn.
#[test]
fn trace_check_and_surface_change_nothing() {
    let cfg = r#"{"seed":4,"data":{"source":"spiral"},"model":{"kind":"mlp","hidden":[8,8],"activation":"tanh"},
        "train":{"optimizer":"adam","learningRate":0.01,"batchSize":10}}"#;
    let mut a = session(cfg);
    let mut b = session(cfg);
    for round in 0..3 {
        a.train_steps(17);
        b.train_steps(17);
        a.trace(&Batch::Next).unwrap();
        a.trace(&Batch::Rows(vec![5, 6])).unwrap();
        a.gradient_check(&Batch::Next, 1e-2).unwrap();
        for plane in [Plane::Path, Plane::Random, Plane::Axes(0, 3)] {
            a.loss_surface(plane, None, 5).unwrap();
        }
        assert_eq!(params(&a), params(&b), "round {round}");
        a.train_steps(1);
        b.train_steps(1);
        assert_eq!(params(&a), params(&b), "round {round}, after the next step");
        assert_eq!((a.epoch(), a.step_count()), (b.epoch(), b.step_count()));
    }
    assert_eq!(a.train(1), b.train(1));
}

#[test]
fn trace_layers_hold_inputs_pre_activations_outputs_and_deltas() {
    let mut s = session(
        r#"{"seed":1,"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[3],"activation":"tanh"},"train":{"batchSize":4}}"#,
    );
    let t = s.trace(&Batch::Rows(vec![2, 7])).unwrap();
    assert_eq!(t.rows, [2, 7]);
    let names: Vec<&str> = t.layers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["dense0", "tanh1", "dense2"]);
    let (dense, tanh, out) = (&t.layers[0], &t.layers[1], &t.layers[2]);
    // Two rows: inputs 2 × 2, hidden 2 × 3, output 2 × 1.
    assert_eq!((dense.inputs.len(), dense.outputs.len()), (4, 6));
    assert_eq!(
        dense.pre_activations, dense.outputs,
        "dense: its output is z"
    );
    assert_eq!(
        tanh.pre_activations, dense.outputs,
        "tanh takes the dense layer's z"
    );
    for (a, z) in tanh.outputs.iter().zip(&tanh.pre_activations) {
        assert!((a - z.tanh()).abs() < 1e-6);
    }
    // δ of the dense layer = δ of the tanh layer ⊙ (1 − a²).
    for ((dz, da), a) in dense.delta.iter().zip(&tanh.delta).zip(&tanh.outputs) {
        assert!((dz - da * (1.0 - a * a)).abs() < 1e-6);
    }
    // The output's δ is ∂J/∂logit of the mean binary cross-entropy: (σ(z) − t)/rows.
    let (x, y) = s.split_data("train").unwrap();
    let _ = x;
    for (r, (&z, &d)) in out.outputs.iter().zip(&out.delta).enumerate() {
        let target = y[t.rows[r]];
        let want = (1.0 / (1.0 + (-z).exp()) - target) / 2.0;
        assert!((d - want).abs() < 1e-6, "{d} vs {want}");
    }
    // The RNN's pre-activation: tanh(a_T) is its output.
    let mut s = session(
        r#"{"seed":1,"data":{"source":"sine-seq","samples":100},"model":{"kind":"rnn","hidden":4,"window":5}}"#,
    );
    let t = s.trace(&Batch::Rows(vec![0, 1, 2])).unwrap();
    let rnn = &t.layers[0];
    assert_eq!(rnn.pre_activations.len(), 12);
    for (h, a) in rnn.outputs.iter().zip(&rnn.pre_activations) {
        assert!((h - a.tanh()).abs() < 1e-5, "{h} vs tanh({a})");
    }
}

#[test]
fn trace_penalty_is_the_l1_l2_part_of_the_gradient() {
    let cfg = r#"{"seed":2,"data":{"source":"circle"},"model":{"kind":"mlp","hidden":[4],"activation":"tanh"},
        "train":{"batchSize":10,"l1":0.01,"l2":0.1}}"#;
    let plain = cfg.replace(r#","l1":0.01,"l2":0.1"#, "");
    let mut s = session(cfg);
    let mut p = session(&plain);
    s.train_steps(3);
    p.train_steps(3);
    // Same weights? No: the penalty changed the steps. Compare on s alone:
    let t = s.trace(&Batch::Rows(vec![0, 1])).unwrap();
    let w = params(&s);
    let specs = s.network().param_specs().to_vec();
    for (spec, pen) in specs.iter().zip(&t.penalty) {
        assert_eq!(spec.name, pen.name);
        for (i, &v) in pen.values.iter().enumerate() {
            let wv = w[spec.offset + i];
            let want = if spec.decay {
                0.01 * wv.signum() + 0.1 * wv
            } else {
                0.0
            };
            assert!((v - want).abs() < 1e-7, "{} {i}", spec.name);
        }
    }
    assert!(flat(&t.penalty).iter().any(|&v| v != 0.0));
    let _ = p;
}

#[test]
fn bad_trace_and_check_requests_are_refused_by_name() {
    let mut s = session(
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"batchSize":4}}"#,
    );
    let e = s.trace(&Batch::Rows(vec![0, 9])).unwrap_err().to_string();
    assert_eq!(e, "trace: rows[1] must be from 0 to 3, got 9");
    assert!(s
        .trace(&Batch::Rows(vec![]))
        .unwrap_err()
        .to_string()
        .contains("rows"));
    let e = s.gradient_check(&Batch::Next, 0.0).unwrap_err().to_string();
    assert!(e.contains("epsilon"), "{e}");
    assert!(s.gradient_check(&Batch::Next, f64::NAN).is_err());
    let e = s
        .loss_surface(Plane::Axes(0, 3), None, 5)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "lossSurface: parameter index must be from 0 to 2, got 3");
    assert!(s.loss_surface(Plane::Axes(1, 1), None, 5).is_err());
    let e = s
        .loss_surface(Plane::Axes(0, 1), None, 102)
        .unwrap_err()
        .to_string();
    assert!(e.contains("resolution") && e.contains("101"), "{e}");
    assert!(s.loss_surface(Plane::Axes(0, 1), None, 1).is_err());
    assert!(s.loss_surface(Plane::Axes(0, 1), Some(-1.0), 5).is_err());
    let e = s
        .loss_surface(Plane::Path, None, 5)
        .unwrap_err()
        .to_string();
    assert!(e.contains("train first"), "{e}");
    // Diverged: there is no next step to trace.
    let mut d = session(
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"learningRate":1,"batchSize":4}}"#,
    );
    assert!(d.train_steps(500));
    assert!(d.divergence().is_some());
    assert!(d
        .trace(&Batch::Next)
        .unwrap_err()
        .to_string()
        .contains("diverged"));
    // Weights that blew up to infinity are not traced, surveyed or kept in
    // the path: no NaN reaches the page.
    if d.network().params_finite() {
        assert!(d.trace(&Batch::Rows(vec![0])).is_ok());
        let g = d.loss_surface(Plane::Axes(0, 1), None, 3).unwrap();
        assert!(g.path.iter().all(|v| v.is_finite()));
    } else {
        assert!(d
            .trace(&Batch::Rows(vec![0]))
            .unwrap_err()
            .to_string()
            .contains("not finite"));
        assert!(d.loss_surface(Plane::Axes(0, 1), None, 3).is_err());
    }
    let mut inf = session(
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"learningRate":100,"batchSize":4}}"#,
    );
    inf.train_steps(2_000);
    let g = inf.loss_surface(Plane::Axes(0, 1), None, 3);
    if let Ok(g) = g {
        assert!(g.path.iter().all(|v| v.is_finite()), "{:?}", g.path);
    }
}

#[test]
fn a_large_model_checks_a_seeded_sample_of_2000() {
    let cfg = r#"{"seed":1,"data":{"source":"digits","normalize":"minmax"},"model":{"kind":"mlp","hidden":[40],"activation":"tanh"},"train":{"batchSize":2}}"#;
    let mut s = session(cfg);
    assert!(s.network().params.len() > 2_000);
    let c = s.gradient_check(&Batch::Rows(vec![0]), 1e-3).unwrap();
    assert_eq!(c.checked + c.skipped, 2_000);
    assert!(c.max_relative_error <= BOUND, "{c:?}");
    let again = s.gradient_check(&Batch::Rows(vec![0]), 1e-3).unwrap();
    assert_eq!(c, again, "the same sample each time");
}

#[test]
fn surface_centre_is_the_current_training_loss() {
    for &(what, cfg, _) in &MODELS[..6] {
        let mut s = session(cfg);
        s.train(30);
        let loss = s.score_report().train_loss.unwrap();
        let n = s.network().params.len();
        for plane in [Plane::Path, Plane::Random, Plane::Axes(0, n - 1)] {
            let r = 5;
            let g = s.loss_surface(plane, None, r).unwrap();
            assert_eq!(g.values.len(), r * r);
            let mid = g.values[(r / 2) * r + r / 2] as f64;
            assert!(
                ((mid - loss) / loss).abs() <= 1e-6,
                "{what} {plane:?}: centre {mid} vs loss {loss}"
            );
            let last = &g.path[g.path.len() - 2..];
            assert_eq!(
                [last[0] as f64, last[1] as f64],
                g.center.map(|c| c as f32 as f64)
            );
            assert!(g.x[0] < g.center[0] && g.center[0] < g.x[1]);
        }
    }
}

/// The article's linear regression, w1 and w2 on the axes: training at
/// α = 0.01 walks the path to the least-squares solution w = (2/3, 1/3),
/// b = −1/3 (the plane's point nearest it: its (w1, w2)).
#[test]
fn the_lessons_path_ends_at_the_least_squares_solution() {
    let mut s = session(
        r#"{"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}"#,
    );
    let ls = s.least_squares().unwrap();
    assert!((ls.weights[0] - 2.0 / 3.0).abs() < 1e-9 && (ls.bias + 1.0 / 3.0).abs() < 1e-9);
    for _ in 0..20 {
        s.train(1000);
    }
    let g = s.loss_surface(Plane::Axes(0, 1), None, 21).unwrap();
    let end = &g.path[g.path.len() - 2..];
    assert!((end[0] as f64 - 2.0 / 3.0).abs() < 1e-2, "{end:?}");
    assert!((end[1] as f64 - 1.0 / 3.0).abs() < 1e-2, "{end:?}");
    let start = &g.path[..2];
    assert_eq!(start, [0.0, 0.0], "the lesson starts at zero");
    assert!(g.path.len() / 2 <= 201);
    // On the path plane too: the end is the centre, and the walk is long.
    let p = s.loss_surface(Plane::Path, None, 11).unwrap();
    assert_eq!(&p.path[p.path.len() - 2..], [0.0, 0.0]);
    let (x0, y0) = (p.path[0] as f64, p.path[1] as f64);
    let dist = (x0 * x0 + y0 * y0).sqrt();
    let true_dist =
        ((2.0f64 / 3.0).powi(2) + (1.0f64 / 3.0).powi(2) + (1.0f64 / 3.0).powi(2)).sqrt();
    assert!(
        (dist - true_dist).abs() < 2e-2,
        "start {dist} from the end, want ≈ {true_dist}"
    );
}

#[test]
fn the_trajectory_is_bounded_and_thinned() {
    let mut s = session(
        r#"{"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"batchSize":4}}"#,
    );
    s.train_steps(199);
    assert_eq!(s.trajectory_steps().len(), 200);
    s.train_steps(1);
    let steps = s.trajectory_steps().to_vec();
    assert_eq!(steps.len(), 101);
    assert_eq!((steps[0], steps[1], steps[100]), (0, 2, 200));
    s.train_steps(10_000);
    let steps = s.trajectory_steps();
    assert!(steps.len() <= 200 && steps.len() > 50, "{}", steps.len());
    assert!(steps.windows(2).all(|w| w[0] < w[1]));
}

/// With `clipNorm` (the RNN lesson's setting) too: the update is the
/// clipped step's, exactly.
#[test]
fn trace_next_is_exact_with_clipping_and_an_rnn() {
    let cfg = r#"{"seed":6,"data":{"source":"sine-seq","samples":300},"model":{"kind":"rnn","hidden":4,"window":6},
        "train":{"optimizer":"adam","learningRate":0.05,"batchSize":5,"clipNorm":0.1}}"#;
    let mut s = session(cfg);
    for _ in 0..3 {
        s.train_steps(7);
        let t = s.trace(&Batch::Next).unwrap();
        let g: f64 = flat(&t.gradients)
            .iter()
            .map(|&v| v as f64 * v as f64)
            .sum::<f64>()
            .sqrt();
        assert!(
            g <= 0.1 + 1e-6,
            "the traced gradient is the clipped one: norm {g}"
        );
        let before = params(&s);
        s.train_steps(1);
        let change: Vec<f32> = params(&s).iter().zip(&before).map(|(a, b)| a - b).collect();
        assert_eq!(flat(&t.update), change);
    }
}

/// The line fit y = w·x + b on one input (sine data, a linear model): two
/// parameters, the whole landscape on their plane. Setting them restarts
/// training from there exactly as a new session started there would run,
/// and the path starts at the point set.
#[test]
fn set_parameters_restarts_training_from_the_point_set() {
    let cfg = r#"{"seed":3,"data":{"source":"sine"},"model":{"kind":"linear"},"train":{"optimizer":"adam","learningRate":0.05,"batchSize":8}}"#;
    let mut s = session(cfg);
    assert_eq!(s.network().params.len(), 2, "w and b");
    s.train(50);
    s.train(50);
    let point = [1.5f32, -0.75];
    s.set_parameters(&point).unwrap();
    assert_eq!(params(&s), point);
    assert_eq!((s.step_count(), s.epoch()), (0, 0));
    assert!(s.history().step.is_empty(), "the loss curve starts again");
    assert_eq!(s.trajectory_steps(), [0]);
    // A new session set to the same point trains identically from here
    // (optimizer moments, shuffles and all).
    let mut fresh = session(cfg);
    fresh.set_parameters(&point).unwrap();
    for _ in 0..3 {
        assert_eq!(s.train(7), fresh.train(7));
        assert_eq!(params(&s), params(&fresh));
    }
    let g = s.loss_surface(Plane::Axes(0, 1), None, 5).unwrap();
    assert_eq!(
        &g.path[..2],
        point,
        "the path starts where the point was set"
    );
    assert!(g.path.len() / 2 > 2, "and moves with training");
    assert_ne!(&g.path[g.path.len() - 2..], point);
    // Refused, and nothing changes: another length, or a value that is no number.
    let before = params(&s);
    let e = s.set_parameters(&[1.0]).unwrap_err().to_string();
    assert_eq!(e, "setParameters(values) must have 2 entries, got 1");
    let e = s.set_parameters(&[1.0, f32::NAN]).unwrap_err().to_string();
    assert!(
        e.starts_with("setParameters(values)[1]: expected a number"),
        "{e}"
    );
    assert!(s.set_parameters(&[f32::INFINITY, 0.0]).is_err());
    assert_eq!(params(&s), before);
    assert_eq!(s.step_count(), 21);
    // A diverged session starts again from a good point.
    let mut d = session(
        r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},"train":{"learningRate":1,"batchSize":4}}"#,
    );
    assert!(d.train_steps(500));
    d.set_parameters(&[0.0, 0.0, 0.0]).unwrap();
    assert!(d.divergence().is_none());
    assert!(d.trace(&Batch::Next).is_ok(), "a next step again");
}
