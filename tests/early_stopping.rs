//! Early stopping: it stops, keeps and restores the best weights, and the
//! test split is scored with them.

use descent::session::Session;

/// A small noisy set and a big network: the validation loss reaches its
/// lowest within a few epochs and then rises as the network learns the noise.
fn overfitting(patience: usize) -> Session {
    Session::from_json(&format!(
        r#"{{"seed":2,"data":{{"source":"circle","samples":60,"noise":0.5,
            "split":{{"train":0.5,"val":0.25,"test":0.25}}}},
           "model":{{"kind":"mlp","hidden":[64,64],"activation":"relu"}},
           "train":{{"optimizer":"adam","learningRate":0.03,"batchSize":5,
                     "earlyStopping":{{"patience":{patience},"minDelta":0}}}}}}"#
    ))
    .unwrap()
}

#[test]
fn stops_after_patience_epochs_without_improvement() {
    let mut s = overfitting(5);
    let r = s.train(20_000);
    assert!(r.early_stopped, "{r:?}");
    let best = r.best_step.unwrap();
    // 30 training rows, batches of 5: 6 steps an epoch; it stopped at the
    // end of the fifth epoch after the best one.
    assert_eq!(best % 6, 0, "checkpoints are taken at epoch ends: {best}");
    assert_eq!(r.step, best + 5 * 6, "{r:?}");
    assert!(r.step < 20_000);
    // The run really was overfitting: the last validation loss is above the best.
    assert!(r.val_loss.unwrap() > r.best_val_loss.unwrap(), "{r:?}");
    // Later calls do nothing.
    let again = s.train(100);
    assert_eq!(again.step, r.step);
    assert!(again.early_stopped);
}

#[test]
fn restores_the_best_weights_and_scores_the_test_split_with_them() {
    let mut s = overfitting(5);
    let r = s.train(20_000);
    let test_now = s.evaluate("test").unwrap();
    let val_now = s.evaluate("val").unwrap();
    // Current weights are the last ones: their validation loss is the report's.
    assert!((val_now.loss.unwrap() - r.val_loss.unwrap()).abs() < 1e-9);
    s.restore_best().unwrap();
    let val_best = s.evaluate("val").unwrap();
    assert!(
        (val_best.loss.unwrap() - r.best_val_loss.unwrap()).abs() < 1e-9,
        "{val_best:?} vs {r:?}"
    );
    // The test split was scored with the best weights even before restoring.
    let test_best = s.evaluate("test").unwrap();
    assert_eq!(test_now, test_best);
}

#[test]
fn refusals_name_the_field() {
    let err = |early: &str, split: &str| {
        Session::from_json(&format!(
            r#"{{"data":{{"source":"xor"{split}}},"model":{{"kind":"logistic"}},"train":{{"earlyStopping":{early}}}}}"#
        ))
        .err()
        .unwrap()
        .to_string()
    };
    assert!(err(r#"{"patience":0}"#, "").contains("train.earlyStopping.patience"));
    assert!(err(r#"{"patience":3,"minDelta":-1}"#, "").contains("train.earlyStopping.minDelta"));
    assert!(err(r#"{"patience":3,"every":2}"#, "").contains("unknown field `every`"));
    let e = err(
        r#"{"patience":3}"#,
        r#","split":{"train":0.8,"val":0,"test":0.2}"#,
    );
    assert!(e.contains("needs a validation split"), "{e}");
    let mut s =
        Session::from_json(r#"{"data":{"source":"xor"},"model":{"kind":"logistic"}}"#).unwrap();
    assert!(s
        .restore_best()
        .unwrap_err()
        .to_string()
        .contains("no train.earlyStopping"));
}

/// flopsPerStep: a 2-8-1 tanh MLP at batch 10 is 3 · 10 · (dense 2·2·8 + 8,
/// tanh 8, dense 2·8·1 + 1) = 30 · 65 = 1950.
#[test]
fn flops_per_step_counts_the_network() {
    let s = Session::from_json(
        r#"{"data":{"source":"xor"},"model":{"kind":"mlp","hidden":[8],"activation":"tanh"},"train":{"batchSize":10}}"#,
    )
    .unwrap();
    assert_eq!(s.info().flops_per_step, 1950);
}
