use super::*;

fn linreg(lr: f64) -> (Bench, [Vec<f32>; 4]) {
    let d = data::linreg();
    let b = Bench::with_learning_rate(Workload::SeedLinreg, &d[0], &d[1], &[0.0; 3], lr).unwrap();
    (b, d)
}

#[test]
fn w4_first_step_by_hand() {
    // z = 0, dL/dz = 2(z − y)/4 = [−0.5, −1, −1.5, −2];
    // dW = Xᵀ·dz = [−15, −20], db = −5; lr 0.01 → w = [0.15, 0.2], b = 0.05.
    let (mut b, _) = linreg(0.01);
    assert_eq!(
        b.train_steps(1),
        Counts {
            steps: 1,
            samples: 4
        }
    );
    let want = [0.15, 0.2, 0.05];
    for (p, w) in b.params().iter().zip(want) {
        assert!((p - w).abs() < 1e-7, "{:?}", b.params());
    }
}

#[test]
fn w4_matches_the_peers() {
    // RESULTS.md: every peer ends at MSE 5.731e-5, test MSE 2.894e-4.
    let (mut b, d) = linreg(0.01);
    assert_eq!(b.train().steps, 1000);
    let e = b.evaluate_train();
    assert!((e.loss - 5.731e-5).abs() < 0.005e-5, "{e:?}");
    assert_eq!(e.accuracy, None);
    let t = b.evaluate(&d[2], &d[3]);
    assert!((t.loss - 2.894e-4).abs() < 0.005e-4, "{t:?}");
    // A second run from reset() does the same work.
    b.reset();
    b.train();
    assert_eq!(b.evaluate_train(), e);
    // lr 0.1 diverges for every peer (max Hessian eigenvalue ~43.8 > 2/0.1).
    let (mut b, _) = linreg(0.1);
    b.train();
    let l = b.evaluate_train().loss;
    assert!(!(l.is_finite() && l < 1.0), "lr 0.1 should diverge: {l}");
}

#[test]
fn w1_matches_the_peers() {
    let (x, y) = data::spiral();
    let init = data::playground_init();
    // The harness's first weights (init-playground-mlp.csv).
    assert_eq!(init[0], -0.066_342_32);
    assert_eq!(init[16], 0.1);
    let mut b = Bench::new(Workload::PlaygroundMlp, &x, &y, &init).unwrap();
    // Before training: the tanh net on raw inputs.
    let e0 = b.evaluate_train();
    let c = b.train();
    assert_eq!(
        c,
        Counts {
            steps: 2000,
            samples: 20_000
        }
    );
    // RESULTS.md: final ½(o−t)² 0.4694, accuracy 0.598 for every peer.
    let e = b.evaluate_train();
    assert!((e.loss - 0.4694).abs() < 5e-4, "{e:?} (start {e0:?})");
    assert!((e.accuracy.unwrap() - 0.598).abs() < 0.0025, "{e:?}");

    // The grid is one batched forward: same outputs as row by row.
    let grid = playground_grid();
    assert_eq!(&grid[..4], &[-6.0, -6.0, -6.0, (-6.0 + 12.0 / 99.0) as f32]);
    let mut out = vec![0.0; 10_000];
    b.grid_predict(&grid, &mut out);
    let rows = b.predict(&grid);
    assert_eq!(out, rows);
    assert!(out.iter().all(|o| o.abs() <= 1.0));
}

#[test]
fn w2_matches_the_peers() {
    // sklearn digits / 16, shuffled with mulberry32(2001): bit-exact.
    let raw = crate::data::digits::digits().unwrap();
    let perm = data::permutation(raw.y.len(), &mut Mulberry32::new(2001));
    let x: Vec<f32> = perm
        .iter()
        .flat_map(|&s| raw.x.row(s).iter().map(|&p| p / 16.0).collect::<Vec<_>>())
        .collect();
    let y: Vec<f32> = perm.iter().map(|&s| raw.y[s]).collect();
    let mut b = Bench::new(Workload::DigitsMlp, &x, &y, &data::digits_init()).unwrap();
    let c = b.train();
    assert_eq!(
        c,
        Counts {
            steps: 285,
            samples: 5 * 1797
        }
    );
    // RESULTS.md: cross-entropy 0.2770, train accuracy 0.9432.
    let e = b.evaluate_train();
    assert!((e.loss - 0.2770).abs() < 5e-4, "{e:?}");
    assert!((e.accuracy.unwrap() - 0.9432).abs() < 0.0015, "{e:?}");
}

#[test]
fn w3_matches_the_peers() {
    let (x, y) = data::mnist_synth();
    let mut b = Bench::new(Workload::MnistCnn, &x, &y, &data::mnist_init()).unwrap();
    let c = b.train();
    assert_eq!(
        c,
        Counts {
            steps: 100,
            samples: 2000
        }
    );
    // RESULTS.md: cross-entropy 0.08760, train accuracy 0.976.
    let e = b.evaluate_train();
    assert!((e.loss - 0.08760).abs() < 2e-4, "{e:?}");
    assert!((e.accuracy.unwrap() - 0.976).abs() < 0.0015, "{e:?}");
}

#[test]
fn w5_matches_the_peers() {
    let (x, y) = data::sine();
    let mut b = Bench::new(Workload::SineRnn, &x, &y, &data::sine_init()).unwrap();
    assert_eq!(b.train().steps, 160);
    // RESULTS.md: MSE 2.419e-5.
    let e = b.evaluate_train();
    assert!((e.loss - 2.419e-5).abs() < 0.01e-5, "{e:?}");
}

#[test]
fn bad_inputs_are_errors() {
    let d = data::linreg();
    assert!(Bench::new(Workload::SeedLinreg, &d[0], &d[1], &[0.0; 2]).is_err());
    assert!(Bench::new(Workload::SeedLinreg, &d[0][..7], &d[1], &[0.0; 3]).is_err());
    assert!(Bench::new(
        Workload::DigitsMlp,
        &[0.0; 64],
        &[10.0],
        &data::digits_init()
    )
    .is_err());
    assert!(Workload::parse("nope").is_err());
    for w in Workload::ALL {
        assert_eq!(Workload::parse(w.name()), Ok(w));
    }
    assert_eq!(Workload::DigitsMlp.steps(1797), 285);
    assert_eq!(Workload::SineRnn.steps(1000), 160);
    assert_eq!(Workload::MnistCnn.steps(2000), 100);
}
