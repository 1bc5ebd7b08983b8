use super::gradcheck::{check_layer, check_layer_on};
use super::*;

/// `Layer` answers with its layer's own description; an activation (no
/// struct of its own) is element-wise, parameterless and named by its
/// function.
#[test]
fn layer_dispatches_to_each_layers_description() {
    let dense = Layer::Dense(Dense {
        inputs: 3,
        outputs: 2,
        w_off: 0,
        b_off: 6,
    });
    let rnn = Layer::Rnn(Rnn::new(5, 1, 4, 8));
    let act = Layer::Act(Activation::Relu, 6);
    assert_eq!(
        (dense.kind(), rnn.kind(), act.kind()),
        (LayerKind::Dense, LayerKind::Rnn, LayerKind::Activation)
    );
    assert_eq!(
        (dense.name(), rnn.name(), act.name()),
        ("dense".into(), "rnn".into(), "relu".to_string())
    );
    let Layer::Dense(d) = &dense else {
        unreachable!()
    };
    assert_eq!(dense.params(1), d.params(1));
    assert_eq!(dense.fans(), d.fans());
    let roles: Vec<_> = rnn.params(0).iter().map(|p| p.role.id()).collect();
    assert_eq!(roles, ["weight", "recurrent", "bias"]);
    assert_eq!(rnn.in_shape(), vec![5, 1]);
    assert!(act.params(0).is_empty() && act.fans().is_empty());
    assert!(act.elementwise() && !dense.elementwise());
    assert_eq!(
        (act.in_width(), act.out_width(), act.shape()),
        (6, 6, vec![6])
    );
    let ids: Vec<_> = [
        LayerKind::Input,
        LayerKind::Dense,
        LayerKind::Activation,
        LayerKind::Conv2d,
        LayerKind::MaxPool,
        LayerKind::Flatten,
        LayerKind::Dropout,
        LayerKind::Rnn,
    ]
    .map(LayerKind::id)
    .to_vec();
    assert_eq!(
        ids,
        [
            "input",
            "dense",
            "activation",
            "conv2d",
            "maxpool",
            "flatten",
            "dropout",
            "rnn"
        ]
    );
    assert_eq!(
        [Role::Weight, Role::Bias, Role::Recurrent].map(Role::id),
        ["weight", "bias", "recurrent"]
    );
}

#[test]
fn dense_gradient_matches_finite_differences() {
    let d = Dense {
        inputs: 5,
        outputs: 3,
        w_off: 0,
        b_off: 15,
    };
    check_layer(Layer::Dense(d), 18, 4, 1e-2);
}

#[test]
fn every_activation_gradient_matches_finite_differences() {
    for &a in Activation::ALL {
        check_layer(Layer::Act(a, 6), 0, 3, 2e-2);
    }
}

#[test]
fn conv2d_gradient_matches_finite_differences() {
    // (input [C, H, W], filters, kernel, stride, same)
    for &(shape, f, k, s, same) in &[
        ([2, 5, 5], 3, 3, 1, true),
        ([2, 5, 4], 2, 2, 1, false),
        ([3, 6, 5], 2, 3, 2, false),
        ([2, 6, 7], 3, 3, 2, true),
        ([1, 4, 4], 2, 4, 2, true),
    ] {
        let c = Conv2d::new(shape, f, k, s, same, 0);
        let n = c.param_count();
        check_layer(Layer::Conv2d(c), n, 2, 1e-2);
    }
}

#[test]
fn maxpool_gradient_matches_finite_differences() {
    // Inputs a shuffled grid 0.1 apart: no ties, and no step of h = 0.01
    // changes which value is a window's maximum.
    for &(shape, size, stride) in &[
        ([2, 6, 6], 2, 2),
        ([2, 7, 5], 3, 2),
        ([1, 5, 5], 2, 1),
        ([1, 9, 8], 4, 3),
    ] {
        let p = MaxPool::new(shape, size, stride);
        let rows = 2;
        let n = rows * p.in_width();
        let mut x: Vec<f32> = (0..n).map(|i| 0.1 * i as f32 - 2.0).collect();
        crate::rng::shuffle(&mut crate::rng::seeded(8), &mut x);
        check_layer_on(Layer::MaxPool(p), 0, rows, 1e-2, &x);
    }
}

#[test]
fn flatten_gradient_matches_finite_differences() {
    check_layer(Layer::Flatten(Flatten::new(&[3, 2, 4])), 0, 2, 1e-2);
    check_layer(Layer::Flatten(Flatten::new(&[5, 2])), 0, 2, 1e-2);
}

#[test]
fn dropout_is_the_identity_in_evaluation() {
    let mut d = Layer::Dropout(Dropout::new(0.5, 7, 1));
    let x: Vec<f32> = (0..14).map(|i| i as f32 - 3.0).collect();
    let mut y = vec![0.0; 14];
    d.forward(&[], &x, &mut y, 2);
    assert_eq!(y, x);
    check_layer(d, 0, 2, 1e-2);
}

#[test]
fn dropout_gradient_matches_finite_differences_with_a_fixed_mask() {
    let mut d = Dropout::new(0.4, 9, 3);
    d.set_training(true);
    let mut y = vec![0.0; 27];
    d.forward(&[1.0; 27], &mut y, 3);
    assert!(y.contains(&0.0) && y.iter().any(|&v| v > 1.0));
    d.freeze_mask(true);
    check_layer(Layer::Dropout(d), 0, 3, 1e-2);
}

#[test]
fn rnn_gradient_through_time_matches_finite_differences() {
    for &(window, features, hidden) in &[(3, 2, 4), (5, 1, 3), (4, 3, 5)] {
        let r = Rnn::new(window, features, hidden, 0);
        let n = r.param_count();
        check_layer(Layer::Rnn(r), n, 3, 2e-2);
    }
}

#[test]
fn dense_forward_is_x_w_plus_b() {
    // x = [1, 2], W = [[1, 2], [3, 4]], b = [0.5, -1] → [7.5, 9]
    let d = Dense {
        inputs: 2,
        outputs: 2,
        w_off: 0,
        b_off: 4,
    };
    let p = [1.0, 2.0, 3.0, 4.0, 0.5, -1.0];
    let mut y = [0.0; 2];
    d.forward(&p, &[1.0, 2.0], &mut y, 1);
    assert_eq!(y, [7.5, 9.0]);
}

#[test]
fn activations_give_known_values() {
    let x = [-1.0f32, 0.5];
    let mut y = [0.0; 2];
    let cases: [(&str, [f32; 2]); 6] = [
        ("relu", [0.0, 0.5]),
        ("leaky-relu", [-0.01, 0.5]),
        ("elu", [(-1.0f32).exp() - 1.0, 0.5]),
        ("tanh", [(-1.0f32).tanh(), 0.5f32.tanh()]),
        ("sigmoid", [0.268_941_43, 0.622_459_3]),
        ("gelu", [-0.158_808, 0.345_714]),
    ];
    for (name, want) in cases {
        Activation::parse(name).unwrap().forward(&x, &mut y);
        for (a, b) in y.iter().zip(want) {
            assert!((a - b).abs() < 1e-4, "{name}: {a} vs {b}");
        }
    }
}
