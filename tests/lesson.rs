//! The article's linear regression, end to end through the plain-Rust
//! session: convergence, divergence, determinism and refusals.

use descent::session::Session;

fn lesson(lr: f64) -> Session {
    Session::from_json(&format!(
        r#"{{"seed":1,"data":{{"source":"article-linear"}},"model":{{"kind":"linear"}},
            "train":{{"optimizer":"sgd","learningRate":{lr},"batchSize":4}}}}"#
    ))
    .expect("lesson config is valid")
}

#[test]
fn gradient_descent_reaches_test_mse_below_1e3_in_1000_steps_at_lr_0_01() {
    let mut s = lesson(0.01);
    let r = s.train(1000);
    assert!(!r.diverged);
    assert_eq!(r.step, 1000);
    assert_eq!(r.val_loss, None, "the article has no validation split");
    let test = s.evaluate("test").unwrap();
    // TF.js and ConvNetJS reach 2.894e-4 on the same work.
    let mse = test.mse.unwrap();
    assert!(mse < 1e-3, "test MSE {mse}");
    assert!((test.loss.unwrap() - mse).abs() < 1e-9);
}

#[test]
fn gradient_descent_approaches_the_min_norm_least_squares_solution() {
    let mut s = lesson(0.01);
    s.train(20_000);
    let ls = s.least_squares().unwrap();
    let params = s.parameters();
    let (w, b) = (params[0].values, params[1].values[0]);
    // From zero weights every update lies in the row space of [X 1], so
    // gradient descent converges to the minimum-norm solution itself.
    assert!(
        (w[0] as f64 - ls.weights[0]).abs() < 1e-2,
        "{w:?} vs {:?}",
        ls.weights
    );
    assert!((w[1] as f64 - ls.weights[1]).abs() < 1e-2);
    assert!((b as f64 - ls.bias).abs() < 1e-2);
    assert!(ls.test_mse.unwrap() < 1e-10);
}

#[test]
fn the_articles_learning_rate_0_1_is_reported_as_diverged() {
    let mut s = lesson(0.1);
    let r = s.train(1000);
    assert!(r.diverged);
    assert!(
        r.step < 100,
        "stops as soon as it blows up, at step {}",
        r.step
    );
    // Never a NaN: a non-finite loss is reported as missing.
    assert!(r.train_loss.is_none_or(|l| l.is_finite()));
    // Stays stopped.
    let again = s.train(10);
    assert!(again.diverged && again.step == r.step);
}

#[test]
fn same_seed_gives_the_identical_loss_history() {
    let run = || {
        let mut s = lesson(0.01);
        (0..50)
            .map(|_| s.train(7).train_loss.unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

#[test]
fn changing_the_learning_rate_keeps_training_going() {
    let mut s = lesson(0.01);
    s.train(100);
    s.set_learning_rate(0.02).unwrap();
    assert_eq!(s.train(1).step, 101);
    assert!(s.set_learning_rate(0.0).is_err());
    assert!(s.set_learning_rate(f64::INFINITY).is_err());
    assert_eq!(s.info().learning_rate, 0.02);
}

#[test]
fn bad_configs_give_errors_a_learner_can_act_on() {
    let bad = |json: &str| Session::from_json(json).err().expect("refused").to_string();
    let lesson = |train: &str| {
        format!(
            r#"{{"data":{{"source":"article-linear"}},"model":{{"kind":"linear"}},"train":{train}}}"#
        )
    };
    assert!(bad(&lesson(r#"{"learningRate":0}"#))
        .contains("train.learningRate must be a positive number"));
    assert!(bad(&lesson(r#"{"batchSize":0}"#)).contains("train.batchSize"));
    assert!(bad(&lesson(r#"{"batchSize":5}"#)).contains("at most the training set size (4)"));
    assert!(bad(&lesson(r#"{"optimizer":"sgd","speed":3}"#)).contains("unknown field `speed`"));
    assert!(
        bad(r#"{"data":{"source":"article-linear"},"model":{"kind":"logistic"}}"#)
            .contains("regression set")
    );
    assert!(bad(r#"{"data":{"source":"nope"}}"#).contains("data.source must be one of"));
    assert!(bad("not json").starts_with("config:"));
    let mut s = Session::from_json(&lesson("{}").replace("{}", r#"{"batchSize":4}"#)).unwrap();
    assert!(s.predict(&[1.0, f32::NAN]).is_err());
    assert!(s.predict(&[1.0, 2.0, 3.0]).is_err());
    assert!(s.evaluate("everything").is_err());
}

#[test]
fn training_in_slices_then_scoring_equals_training_at_once() {
    let mut a = lesson(0.01);
    let mut b = lesson(0.01);
    let ra = a.train(300);
    for _ in 0..30 {
        assert!(!b.train_steps(10));
    }
    assert_eq!(b.score_report(), ra);
}
