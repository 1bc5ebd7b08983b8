use super::*;
use crate::config::Config;
use crate::session::Session;
use std::collections::BTreeSet;

/// The article's linear regression, as the page's lesson sets it up.
const LESSON: &str = r#"{"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},
  "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}"#;

fn num_param(e: &Error, name: &str) -> f64 {
    match e.param(name) {
        Some(Param::Num(x)) => *x,
        other => panic!("{}: {name} is {other:?}", e.code()),
    }
}

fn text_param<'a>(e: &'a Error, name: &str) -> &'a str {
    match e.param(name) {
        Some(Param::Text(s)) => s,
        other => panic!("{}: {name} is {other:?}", e.code()),
    }
}

/// One error of every code, from its constructor.
fn one_of_each() -> Vec<Error> {
    let v = serde_json::json!("fast");
    let names = ["x1".to_string(), "x2".to_string()];
    let cause = || Error::not_finite("train.learningRate");
    vec![
        Error::json("config", "expected value"),
        Error::wrong_type("train.learningRate", "number", &v),
        Error::integer("train.batchSize", 2.5),
        cause(),
        Error::unknown_field("train", "learningrate", &["learningRate", "batchSize"]),
        Error::required("model.layers[0].filters", Some("conv2d")),
        Error::unknown_choice("train.optimizer", "magic", &["sgd", "adam"]),
        Error::range("train.learningRate", -1.0, Bounds::positive(Some(100.0))),
        Error::length("model.hidden", 9, 0, 8),
        Error::duplicate("data.features[1]", "x1"),
        Error::split_sum(0.5, 0.1, 0.1),
        Error::batch_size(500, 210),
        Error::cells(100_000, 10, 200_000),
        Error::shape("predict(x)", 2, &names, 3),
        Error::call("lossSurface(options)", "options { plane }"),
        Error::not_applicable("train.momentum", "train.optimizer", "sgd", &["momentum"]),
        Error::wrong_task(
            "model.kind",
            "linear",
            "classification",
            Some("circle"),
            &["mlp"],
        ),
        Error::needs("model.kind", Some("cnn"), "image", Some("xor")),
        Error::layer_shape(
            "model.layers[1]",
            "maxpool 4×4",
            &[1, 2, 2],
            "pool",
            Some(4),
        ),
        Error::diverged(12, 0.1, Some(122_560.9), Some(20_800.0), "loss-exploded"),
        Error::unavailable("lossSurface", "no-path"),
        Error::race_lane(2, "learningRate", "-1", cause()),
        Error::digits_not_loaded(),
        Error::digits_damaged("values", Some(1), "3", 65),
        Error::internal("never"),
        Error::model_file_size(30 << 20, 20 << 20),
        Error::model_file_truncated(),
        Error::model_file_json("expected value"),
        Error::model_file_format("descent-model"),
        Error::model_file_version(Some(7), 1),
        Error::model_file_damaged(cause()),
        Error::model_file_config(cause()),
        Error::model_file_normalization(Some(3), Some(2)),
        Error::model_file_tensors(3, 2),
        Error::model_file_tensor("dense0.weight", &[2, 1], 2, "dense0.weight", &[3, 1]),
        Error::model_file_values("dense0.bias"),
        Error::csv_size(60 << 20, 50 << 20),
        Error::csv_empty(),
        Error::csv_workbook(),
        Error::csv_binary(),
        Error::csv_quote(3),
        Error::csv_columns(300, 200),
        Error::csv_ragged(4, 2, 3, true, "comma"),
        Error::csv_target(Some("z"), &names, false),
        Error::csv_one_column("y"),
        Error::csv_no_rows(),
        Error::csv_few_rows(1, 3, true),
        Error::csv_cells(30_000, 10, 200_000, &names),
        Error::csv_rows(20_001, 20_000, 10, 200_000, 100_000),
        Error::csv_empty_column("notes"),
        Error::csv_one_hot(&names, 200),
        Error::csv_no_mean("notes"),
        Error::csv_infinite("x", 2, "1e999", 1e30),
        Error::csv_text("name", 15, 2, "Alice", &[], 20),
        Error::csv_regression_text("y", 2, "big"),
        Error::csv_classes("y", 9, false, 8, Some("text"), false),
        Error::csv_one_class("y", "a"),
    ]
}

#[test]
fn every_code_has_one_constructor_and_its_declared_parameters() {
    let ids: BTreeSet<&str> = CODES.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), CODES.len(), "a code is declared twice");
    let made = one_of_each();
    let covered: BTreeSet<&str> = made.iter().map(Error::code).collect();
    assert_eq!(covered, ids, "one_of_each() lists every code once");
    for e in &made {
        let (_, params) = CODES.iter().find(|(id, _)| *id == e.code()).unwrap();
        let names: Vec<&str> = e.params().iter().map(|(n, _)| *n).collect();
        assert_eq!(&names, params, "{}", e.code());
        assert!(!e.message().is_empty(), "{}", e.code());
    }
}

#[test]
fn a_negative_learning_rate_is_a_range_error_whose_message_says_its_bounds() {
    let e = Config::from_json(&LESSON.replace("0.01", "-1")).unwrap_err();
    assert_eq!(e.code(), "range");
    assert_eq!(text_param(&e, "field"), "train.learningRate");
    assert_eq!(num_param(&e, "min"), 0.0);
    assert_eq!(num_param(&e, "max"), crate::config::MAX_LEARNING_RATE);
    assert_eq!(num_param(&e, "got"), -1.0);
    assert_eq!(e.param("minExclusive"), Some(&Param::Flag(true)));
    assert_eq!(
        e.message(),
        "train.learningRate must be a positive number, got -1"
    );
    // Over the top: the bound broken is the one said.
    let e = Config::from_json(&LESSON.replace("0.01", "200")).unwrap_err();
    assert_eq!(
        e.message(),
        "train.learningRate must be at most 100, got 200"
    );
    // The same check, the same error, when the rate changes while training.
    let mut s = Session::from_json(LESSON).unwrap();
    let live = s.set_learning_rate(-1.0).unwrap_err();
    assert_eq!(live.code(), "range");
    assert_eq!(text_param(&live, "field"), "train.learningRate");
}

#[test]
fn the_article_at_a_tenth_diverges_with_its_step_and_learning_rate() {
    let mut s = Session::from_json(&LESSON.replace("0.01", "0.1")).unwrap();
    assert!(s.train_steps(500));
    let e = s.divergence().expect("a reason");
    assert_eq!(e.code(), "diverged");
    let step = num_param(e, "step");
    assert!((1.0..=500.0).contains(&step), "{step}");
    assert_eq!(num_param(e, "learningRate"), 0.1);
    assert!(e.message().starts_with(&format!(
        "training diverged at step {step} with learning rate 0.1: "
    )));
    if text_param(e, "reason") == "loss-exploded" {
        let (loss, limit) = (num_param(e, "loss"), num_param(e, "limit"));
        assert!(loss > limit, "{loss} > {limit}");
        assert!(e
            .message()
            .contains(&format!("the batch loss {}", num(loss))));
    }
}

#[test]
fn a_csv_with_too_many_classes_names_its_column_count_and_limit() {
    let mut text = String::from("x,y\n");
    for i in 0..9 {
        text.push_str(&format!("{i},class{i}\n"));
    }
    let e = crate::data::csv::parse(&text, Some("y"), None, "drop").unwrap_err();
    assert_eq!(e.code(), "csv-classes");
    assert_eq!(text_param(&e, "column"), "y");
    assert_eq!(num_param(&e, "found"), 9.0);
    assert_eq!(num_param(&e, "max"), crate::config::MAX_CLASSES as f64);
    assert_eq!(e.param("guessed"), Some(&Param::Text("text".into())));
    assert!(
        e.message()
            .starts_with("data.target 'y' has 9 classes, more than the 8 supported"),
        "{e}"
    );
}

#[test]
fn a_wrapped_error_keeps_its_cause_as_a_value() {
    let cfg = Config::from_json(LESSON).unwrap();
    let e = crate::race::Race::new(
        &cfg,
        "learningRate",
        &[serde_json::json!(0.1), serde_json::json!(-1)],
    )
    .err()
    .unwrap();
    assert_eq!(e.code(), "race-lane");
    assert_eq!(num_param(&e, "lane"), 2.0);
    let Some(Param::Error(cause)) = e.param("cause") else {
        panic!("{e:?}")
    };
    assert_eq!(cause.code(), "range");
    assert!(e.message().ends_with(cause.message()), "{e}");
}

#[test]
fn numbers_are_written_short() {
    assert_eq!(num(-1.0), "-1");
    assert_eq!(num(0.1), "0.1");
    assert_eq!(num(0.1 + 0.2), "0.3");
    assert_eq!(num(122_560.901_367_187_5), "122561");
    assert_eq!(num(1.225_609_013_671_875e7), "1.226e7");
    assert_eq!(num(1e-7), "1e-7");
    assert_eq!(num(1e30), "1e30");
    assert_eq!(num(f64::NAN), "NaN");
    assert_eq!(num(f64::NEG_INFINITY), "-Infinity");
}
