//! Race lanes: one config, one setting varied, trained in lockstep.

use descent::config::Config;
use descent::race::{Race, Status};
use serde_json::{json, Value};

fn lesson() -> Config {
    Config::from_value(
        &json!({"seed":1,"data":{"source":"article-linear"},"model":{"kind":"linear"},
           "train":{"optimizer":"sgd","learningRate":0.01,"batchSize":4}}),
    )
    .unwrap()
}

#[test]
fn four_lanes_stay_in_lockstep_and_a_diverging_lane_stops_alone() {
    let values = [json!(0.001), json!(0.01), json!(0.02), json!(10)];
    let mut race = Race::new(&lesson(), "learningRate", &values).unwrap();
    assert_eq!(race.lanes.len(), 4);
    // Same data and the same start.
    let w0 = race.lanes[0].session.network().params.clone();
    for l in &race.lanes {
        assert_eq!(l.session.network().params, w0);
    }
    let mut diverged_at = None;
    for round in 1..=30u64 {
        let r = race.train(10);
        let running: Vec<_> = r.iter().filter(|l| l.status == Status::Training).collect();
        assert!(running.len() >= 3, "round {round}: {r:?}");
        for l in &running {
            assert_eq!(l.report.step, 10 * round, "lockstep: {r:?}");
        }
        if let Status::Diverged(why) = &r[3].status {
            assert!(r[3].report.diverged);
            assert_eq!(why.code(), "diverged", "{why}");
            diverged_at.get_or_insert(r[3].report.step);
            assert_eq!(
                Some(r[3].report.step),
                diverged_at,
                "a diverged lane stays stopped"
            );
        }
    }
    assert!(
        diverged_at.is_some(),
        "learning rate 10 diverges on the lesson"
    );
    assert!(race.lanes[3].status.text() == "diverged");
    let r = race.reports();
    let loss = |i: usize| r[i].report.train_loss.unwrap();
    assert!(loss(1) < loss(0), "0.01 beats 0.001 after 300 steps");
    assert_eq!(r[1].value, "0.01");
}

#[test]
fn lanes_can_pause_and_every_setting_builds() {
    let mut race = Race::new(&lesson(), "learningRate", &[json!(0.01), json!(0.02)]).unwrap();
    race.set_paused(1, true).unwrap();
    let r = race.train(5);
    assert_eq!((r[0].report.step, r[1].report.step), (5, 0));
    assert_eq!(r[1].status.text(), "paused");
    race.set_paused(1, false).unwrap();
    assert_eq!(race.train(5)[1].report.step, 5);
    assert!(race.set_paused(2, true).is_err());

    let playground = Config::from_value(&json!({"seed":2,"data":{"source":"circle"},"model":{"kind":"mlp","hidden":[4],"activation":"tanh"}})).unwrap();
    let cases: [(&str, Vec<Value>); 7] = [
        (
            "optimizer",
            vec![json!("sgd"), json!("momentum"), json!("adam")],
        ),
        ("batchSize", vec![json!(1), json!(10), json!(50)]),
        ("normalize", vec![json!("none"), json!("standard")]),
        ("init", vec![json!("glorot"), json!("zeros")]),
        ("hidden", vec![json!([2]), json!([8, 8])]),
        ("activation", vec![json!("tanh"), json!("relu")]),
        ("learningRate", vec![json!(0.1), json!(0.3)]),
    ];
    for (setting, values) in cases {
        let mut race =
            Race::new(&playground, setting, &values).unwrap_or_else(|e| panic!("{setting}: {e}"));
        let r = race.train(3);
        assert!(r.iter().all(|l| l.report.step == 3), "{setting}");
        let same_start =
            race.lanes[1].session.network().params == race.lanes[0].session.network().params;
        // Trained 3 steps: compare the starts through a fresh race.
        let fresh = Race::new(&playground, setting, &values).unwrap();
        let p = |i: usize| fresh.lanes[i].session.network().params.clone();
        match setting {
            "hidden" | "init" => assert_ne!(p(0), p(1), "{setting}"),
            _ => assert_eq!(p(0), p(1), "{setting}: lanes start from lane 1's weights"),
        }
        let _ = same_start;
    }
}

#[test]
fn bad_races_are_refused_by_name() {
    let err = |setting: &str, values: &[Value]| {
        Race::new(&lesson(), setting, values)
            .err()
            .unwrap()
            .to_string()
    };
    let e = err("speed", &[json!(1), json!(2)]);
    assert!(e.contains("'learningRate'") && e.contains("'speed'"), "{e}");
    let e = err("learningRate", &[json!(0.1)]);
    assert!(e.contains("2 to 4"), "{e}");
    let e = err(
        "learningRate",
        &[json!(0.1), json!(0.2), json!(0.3), json!(0.4), json!(0.5)],
    );
    assert!(e.contains("got 5"), "{e}");
    let e = err("learningRate", &[json!(0.1), json!(-1)]);
    assert!(
        e.contains("race lane 2 (learningRate -1)") && e.contains("train.learningRate"),
        "{e}"
    );
    let e = err("optimizer", &[json!("sgd"), json!("warp")]);
    assert!(e.contains("lane 2") && e.contains("train.optimizer"), "{e}");
    let e = err("learningRate", &[json!(0.1), json!(0.1)]);
    assert!(e.contains("'0.1' is listed twice"), "{e}");
    let e = err("hidden", &[json!([2]), json!([3])]);
    assert!(e.contains("model.hidden"), "{e}");
}

#[test]
fn a_lane_that_stops_early_says_so_and_the_others_go_on() {
    let cfg = Config::from_value(&json!({"seed":3,"data":{"source":"circle","samples":100},
        "model":{"kind":"mlp","hidden":[4],"activation":"tanh"},
        "train":{"batchSize":10,"earlyStopping":{"patience":1}}}))
    .unwrap();
    let mut race = Race::new(&cfg, "learningRate", &[json!(3), json!(0.0001)]).unwrap();
    let mut stopped = None;
    for _ in 0..200 {
        let r = race.train(7);
        if let Some(l) = r.iter().find(|l| l.status == Status::StoppedEarly) {
            assert_eq!(l.status.text(), "stopped early");
            assert!(l.report.early_stopped);
            stopped.get_or_insert(l.report.step);
            assert_eq!(Some(l.report.step), stopped, "it stays stopped");
        }
        if r.iter().all(|l| l.status != Status::Training) {
            break;
        }
    }
    assert!(stopped.is_some(), "a lane stopped early");
    assert!(
        race.lanes[0]
            .session
            .trace(&descent::session::Batch::Next)
            .is_err()
            || !race.lanes[0].session.early_stopped()
    );
}

/// Training in slices without scoring (`train_steps`, what the page's
/// worker calls) is the same lockstep training as `train`: the same
/// weights, steps and statuses, a diverging lane stopped with its reason;
/// only no history point is recorded until a report is asked for.
#[test]
fn train_steps_is_train_without_the_scoring() {
    let values = [json!(0.001), json!(0.01), json!(10)];
    let mut scored = Race::new(&lesson(), "learningRate", &values).unwrap();
    let mut sliced = Race::new(&lesson(), "learningRate", &values).unwrap();
    for round in 1..=20u64 {
        let r = scored.train(10);
        let s = sliced.train_steps(10);
        assert_eq!(s.len(), 3);
        for (i, (step, status)) in s.iter().enumerate() {
            assert_eq!(
                (*step, status),
                (r[i].report.step, &r[i].status),
                "round {round} lane {i}"
            );
            assert_eq!(
                sliced.lanes[i].session.network().params,
                scored.lanes[i].session.network().params
            );
        }
        assert_eq!(s[0].0, 10 * round, "lockstep");
    }
    assert!(matches!(sliced.lanes[2].status, Status::Diverged(_)));
    assert!(
        sliced.lanes[0].session.history().step.is_empty(),
        "nothing scored"
    );
    assert_eq!(sliced.reports(), scored.reports());
}
