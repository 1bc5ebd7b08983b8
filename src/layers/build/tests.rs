use super::*;
use crate::rng;

fn relu() -> Option<Activation> {
    Some(Activation::Relu)
}

/// ConvNetJS's MNIST net, the benchmark's.
pub fn mnist_specs() -> Vec<LayerSpec> {
    vec![
        LayerSpec::Conv2d {
            filters: 8,
            kernel: 5,
            stride: 1,
            padding_same: true,
            activation: relu(),
        },
        LayerSpec::MaxPool { size: 2, stride: 2 },
        LayerSpec::Conv2d {
            filters: 16,
            kernel: 5,
            stride: 1,
            padding_same: true,
            activation: relu(),
        },
        LayerSpec::MaxPool { size: 3, stride: 3 },
    ]
}

#[test]
fn builds_the_mnist_net_with_shapes_and_names() {
    let mut r = rng::seeded(1);
    let net = build(&[1, 28, 28], &mnist_specs(), 10, Init::He, &mut r).unwrap();
    let names: Vec<String> = net.layers.iter().map(|l| l.name()).collect();
    assert_eq!(
        names,
        ["conv2d", "relu", "maxpool", "conv2d", "relu", "maxpool", "flatten", "dense"]
    );
    let shapes = net.layer_output_shapes();
    assert_eq!(shapes[0], vec![1, 28, 28]);
    assert_eq!(shapes[2], vec![8, 28, 28]); // after relu: still an image
    assert_eq!(shapes[3], vec![8, 14, 14]);
    assert_eq!(shapes[6], vec![16, 4, 4]);
    assert_eq!(shapes[8], vec![10]);
    assert_eq!(
        net.params.len(),
        (25 * 8 + 8) + (200 * 16 + 16) + (256 * 10 + 10)
    );
    let specs: Vec<(&str, Vec<usize>, usize)> = net
        .param_specs()
        .iter()
        .map(|s| (s.name.as_str(), s.shape.clone(), s.offset))
        .collect();
    assert_eq!(specs[0], ("conv0.kernel", vec![5, 5, 1, 8], 0));
    assert_eq!(specs[1], ("conv0.bias", vec![8], 200));
    assert_eq!(specs[2], ("conv3.kernel", vec![5, 5, 8, 16], 208));
    assert_eq!(specs[4].0, "dense7.weight");
    assert_eq!(specs[4].1, vec![256, 10]);
    // Biases start at zero; weights do not.
    assert!(net.params[200..208].iter().all(|&b| b == 0.0));
    assert!(net.params[..200].iter().any(|&w| w != 0.0));
}

#[test]
fn conv_init_uses_patch_fans() {
    let mut r = rng::seeded(2);
    let spec = [LayerSpec::Conv2d {
        filters: 64,
        kernel: 3,
        stride: 1,
        padding_same: true,
        activation: None,
    }];
    let net = build(&[32, 8, 8], &spec, 2, Init::Glorot, &mut r).unwrap();
    let n = 3 * 3 * 32 * 64;
    let a = (6.0f32 / (9.0 * 32.0 + 9.0 * 64.0)).sqrt();
    let w = &net.params[..n];
    assert!(w.iter().all(|v| v.abs() <= a));
    let var = w.iter().map(|v| v * v).sum::<f32>() / n as f32;
    assert!((var - a * a / 3.0).abs() < 0.05 * a * a / 3.0, "{var}");
    let net = build(&[32, 8, 8], &spec, 2, Init::He, &mut r).unwrap();
    let var = net.params[..n].iter().map(|v| v * v).sum::<f32>() / n as f32;
    assert!((var - 2.0 / 288.0).abs() < 0.05 * 2.0 / 288.0, "{var}");
}

#[test]
fn output_dense_is_appended_only_when_missing() {
    let mut r = rng::seeded(3);
    let dense = |units, activation| LayerSpec::Dense { units, activation };
    let n = |specs: &[LayerSpec], r: &mut Rng| {
        build(&[4], specs, 3, Init::Glorot, r).unwrap().layers.len()
    };
    assert_eq!(n(&[dense(3, None)], &mut r), 1);
    assert_eq!(n(&[dense(3, Some(Activation::Linear))], &mut r), 1);
    assert_eq!(n(&[dense(3, relu())], &mut r), 3);
    assert_eq!(n(&[dense(5, None)], &mut r), 2);
    assert_eq!(n(&[], &mut r), 1);
}

#[test]
fn errors_name_the_layer() {
    let mut r = rng::seeded(4);
    let mut specs = mnist_specs();
    specs.push(LayerSpec::MaxPool { size: 5, stride: 1 });
    let e = build(&[1, 28, 28], &specs, 10, Init::He, &mut r).unwrap_err();
    assert_eq!(
        e.message(),
        "model.layers[4] (maxpool 5×5): input 4×4 is smaller than the pool 5×5"
    );
    let e = build(&[1, 4, 4], &mnist_specs()[..2], 10, Init::He, &mut r).unwrap();
    assert_eq!(e.layer_output_shapes()[3], vec![8, 2, 2]);
    let mut specs = mnist_specs();
    specs[1] = LayerSpec::MaxPool { size: 2, stride: 2 };
    let e = build(&[1, 4, 4], &specs, 10, Init::He, &mut r).unwrap_err();
    assert_eq!(
        e.message(),
        "model.layers[3] (maxpool 3×3): input 2×2 is smaller than the pool 3×3"
    );
    let e = build(&[10], &mnist_specs(), 10, Init::He, &mut r).unwrap_err();
    assert!(
        e.message()
            .starts_with("model.layers[0] (conv2d 8@5×5): needs an image input"),
        "{}",
        e.message()
    );
    let e = build(
        &[1, 6, 6],
        &[LayerSpec::Rnn { hidden: 4 }],
        1,
        Init::He,
        &mut r,
    )
    .unwrap_err();
    assert!(e
        .message()
        .starts_with("model.layers[0] (rnn 4): needs a sequence input"));
    let valid = LayerSpec::Conv2d {
        filters: 2,
        kernel: 5,
        stride: 1,
        padding_same: false,
        activation: None,
    };
    let e = build(&[1, 4, 9], &[valid], 1, Init::He, &mut r).unwrap_err();
    assert!(e
        .message()
        .starts_with("model.layers[0] (conv2d 2@5×5): input 4×9 is smaller than the kernel"));
    let e = build(
        &[3],
        &[LayerSpec::Dropout { rate: 1.0 }],
        1,
        Init::He,
        &mut r,
    )
    .unwrap_err();
    assert_eq!(
        e.message(),
        "internal error: model.layers[0] (dropout 1): the rate must be in [0, 1), got 1"
    );
    assert!(build(&[3], &[], 0, Init::He, &mut r).is_err());
    assert!(build(&[0, 2], &[], 1, Init::He, &mut r).is_err());
}

#[test]
fn rnn_network_is_rnn_then_dense() {
    let mut r = rng::seeded(5);
    let net = rnn_network(20, 1, 16, 1, Init::Glorot, &mut r).unwrap();
    let names: Vec<&str> = net.param_specs().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "rnn0.kernel",
            "rnn0.recurrent",
            "rnn0.bias",
            "dense1.weight",
            "dense1.bias"
        ]
    );
    assert_eq!(net.inputs(), 20);
    assert_eq!(net.param_specs()[1].shape, vec![16, 16]);
    assert_eq!(net.param_specs()[1].offset, 16);
}

/// Backprop through conv → relu → pool → conv → flatten → dense and the
/// loss, against central differences of the loss in every parameter.
#[test]
fn small_conv_net_gradient_matches_finite_differences() {
    use crate::loss::Loss;
    let mut r = rng::seeded(13);
    let specs = [
        LayerSpec::Conv2d {
            filters: 3,
            kernel: 3,
            stride: 1,
            padding_same: true,
            activation: Some(Activation::Tanh),
        },
        LayerSpec::MaxPool { size: 2, stride: 2 },
        LayerSpec::Conv2d {
            filters: 2,
            kernel: 2,
            stride: 1,
            padding_same: false,
            activation: Some(Activation::Elu),
        },
    ];
    let mut net = build(&[2, 6, 6], &specs, 3, Init::Glorot, &mut r).unwrap();
    let rows = 2;
    net.reserve(rows);
    let x: Vec<f32> = (0..rows * 72)
        .map(|_| rng::uniform(&mut r, -1.0, 1.0))
        .collect();
    let t = [1.0, 0.0, 0.0, 0.0, 0.0, 1.0];
    let loss = Loss::SoftmaxCrossEntropy;
    let eval = |net: &mut Network| -> f64 {
        net.input_mut(rows).copy_from_slice(&x);
        let z = net.forward(rows).to_vec();
        loss.sum(&z, &t, rows, 3)
    };
    net.input_mut(rows).copy_from_slice(&x);
    net.forward(rows);
    net.zero_grads();
    let (z, g) = net.output_and_grad(rows);
    let z = z.to_vec();
    loss.forward_backward(&z, &t, g, rows, 3);
    net.backward(rows, true);
    // Max pooling has a kink where a window's top two values tie; the
    // seed is one whose pooled windows are all clear of that by ≫ h.
    let h = 1e-3;
    let pooled = net.activation(2, rows); // [rows, 3, 6, 6]
    for win in 0..rows * 27 {
        let (r, c, i, j) = (win / 27, win / 9 % 3, win / 3 % 3, win % 3);
        let mut v: Vec<f32> = (0..4)
            .map(|k| pooled[((r * 3 + c) * 6 + 2 * i + k / 2) * 6 + 2 * j + k % 2])
            .collect();
        v.sort_by(|a, b| b.total_cmp(a));
        assert!(v[0] - v[1] > 10.0 * h, "window {win} is nearly tied");
    }
    // forward_backward gives the gradient of the mean loss.
    let analytic: Vec<f64> = net.grads.iter().map(|&g| g as f64 * rows as f64).collect();
    // f32 rounding over a step this small is ~1e-4: a floor of 1e-2.
    crate::layers::gradcheck::check_network_params(
        &mut net, &analytic, h, 1e-2, 2e-2, eval, "conv net",
    );
}

/// Best of `chunks` timings of `steps` calls, in samples/s (the best
/// chunk is the one least disturbed by other processes).
fn samples_per_second(rows: usize, chunks: usize, steps: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..steps {
        f();
    }
    (0..chunks)
        .map(|_| {
            let start = std::time::Instant::now();
            for _ in 0..steps {
                f();
            }
            (steps * rows) as f64 / start.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

/// One training step's work: forward, softmax cross-entropy, backward
/// (no optimiser update: that is the same O(parameters) for any engine).
fn train_step(net: &mut Network, x: &[f32], t: &[f32], rows: usize, k: usize) {
    use crate::loss::Loss;
    net.input_mut(rows).copy_from_slice(x);
    net.forward(rows);
    net.zero_grads();
    let (z, g) = net.output_and_grad(rows);
    let z = z.to_vec();
    Loss::SoftmaxCrossEntropy.forward_backward(&z, t, g, rows, k);
    net.backward(rows, false);
}

/// Training throughput of the benchmark's MNIST net at batch 20:
/// `cargo test --release --lib mnist_net_training_speed -- --ignored --nocapture`
#[test]
#[ignore]
fn mnist_net_training_speed() {
    let mut r = rng::seeded(10);
    let mut specs = mnist_specs();
    specs.push(LayerSpec::Dense {
        units: 10,
        activation: None,
    });
    let mut net = build(&[1, 28, 28], &specs, 10, Init::He, &mut r).unwrap();
    let rows = 20;
    net.reserve(rows);
    let x: Vec<f32> = (0..rows * 784)
        .map(|_| rng::uniform(&mut r, 0.0, 1.0))
        .collect();
    let t: Vec<f32> = (0..rows * 10)
        .map(|i| if i % 10 == (i / 10) % 10 { 1.0 } else { 0.0 })
        .collect();
    let train = samples_per_second(rows, 10, 30, || train_step(&mut net, &x, &t, rows, 10));
    let forward = samples_per_second(rows, 10, 30, || {
        net.input_mut(rows).copy_from_slice(&x);
        net.forward(rows);
    });
    println!(
        "MNIST net, batch {rows}: {train:.0} samples/s training (forward+backward), {forward:.0} samples/s forward only"
    );
}

/// Training throughput of SimpleRNN(16) over windows of 20, batch 32:
/// `cargo test --release --lib rnn_training_speed -- --ignored --nocapture`
#[test]
#[ignore]
fn rnn_training_speed() {
    let mut r = rng::seeded(11);
    let mut net = rnn_network(20, 1, 16, 1, Init::Glorot, &mut r).unwrap();
    let rows = 32;
    net.reserve(rows);
    let x: Vec<f32> = (0..rows * 20)
        .map(|_| rng::uniform(&mut r, -1.0, 1.0))
        .collect();
    let t: Vec<f32> = (0..rows).map(|_| rng::uniform(&mut r, -1.0, 1.0)).collect();
    let train = samples_per_second(rows, 10, 100, || {
        net.input_mut(rows).copy_from_slice(&x);
        net.forward(rows);
        net.zero_grads();
        let (z, g) = net.output_and_grad(rows);
        for ((g, &z), &t) in g.iter_mut().zip(z).zip(&t) {
            *g = 2.0 * (z - t) / rows as f32; // mean squared error
        }
        net.backward(rows, false);
    });
    println!("SimpleRNN(16), window 20, batch {rows}: {train:.0} samples/s training");
}

/// The dropout layer masks only in training, with its own replayable stream.
#[test]
fn set_training_reaches_dropout() {
    let spec = [LayerSpec::Dropout { rate: 0.5 }];
    let mut net = build(&[64], &spec, 64, Init::Glorot, &mut rng::seeded(6)).unwrap();
    let run = |net: &mut Network| {
        net.input_mut(1).fill(1.0);
        net.forward(1);
        net.activation(1, 1).to_vec()
    };
    assert!(run(&mut net).iter().all(|&v| v == 1.0));
    net.set_training(true);
    let a = run(&mut net);
    assert!(a.contains(&0.0) && a.contains(&2.0));
    let mut again = build(&[64], &spec, 64, Init::Glorot, &mut rng::seeded(6)).unwrap();
    again.set_training(true);
    assert_eq!(run(&mut again), a);
}
