//! Central finite differences, as ConvNetJS checks its layers:
//! ∂L/∂θ ≈ (L(θ+h) − L(θ−h)) / 2h, compared by relative error. Computed in
//! f64 where the layer allows; f32 layers use h = 1e-2 and a loose bound.

/// Whole-network check: each parameter's `analytic` gradient against
/// central differences of the loss `eval` computes, by relative error
/// with a denominator no smaller than `floor`.
pub fn check_network_params(
    net: &mut crate::network::Network,
    analytic: &[f64],
    h: f32,
    floor: f64,
    tol: f64,
    eval: impl Fn(&mut crate::network::Network) -> f64,
    what: &str,
) {
    for (i, &a) in analytic.iter().enumerate() {
        let keep = net.params[i];
        net.params[i] = keep + h;
        let lp = eval(net);
        net.params[i] = keep - h;
        let lm = eval(net);
        net.params[i] = keep;
        let num = (lp - lm) / (2.0 * h as f64);
        let err = (a - num).abs() / (a.abs() + num.abs()).max(floor);
        assert!(err < tol, "{what} param {i}: {a} vs {num}");
    }
}

use super::Layer;
use crate::rng;

/// L = Σ y·r for a fixed random r, so dL/dy = r.
pub fn check_layer(layer: Layer, n_params: usize, rows: usize, tol: f32) {
    let mut r = rng::seeded(99);
    let nin = rows * layer.in_width();
    // Inputs away from activation kinks (0) so differences are smooth.
    let x: Vec<f32> = (0..nin)
        .map(|_| {
            let v = rng::uniform(&mut r, 0.2, 1.5);
            if rng::below(&mut r, 2) == 0 {
                v
            } else {
                -v
            }
        })
        .collect();
    check_layer_on(layer, n_params, rows, tol, &x);
}

/// `check_layer` on given inputs (e.g. tie-free ones for max pooling).
pub fn check_layer_on(mut layer: Layer, n_params: usize, rows: usize, tol: f32, x: &[f32]) {
    let mut r = rng::seeded(98);
    let nin = rows * layer.in_width();
    let nout = rows * layer.out_width();
    assert_eq!(x.len(), nin);
    let x = x.to_vec();
    let mut params: Vec<f32> = (0..n_params)
        .map(|_| rng::uniform(&mut r, -0.5, 0.5))
        .collect();
    let proj: Vec<f32> = (0..nout).map(|_| rng::uniform(&mut r, -1.0, 1.0)).collect();

    let loss = |layer: &mut Layer, params: &[f32], x: &[f32]| -> f64 {
        let mut y = vec![0.0; nout];
        layer.forward(params, x, &mut y, rows);
        y.iter()
            .zip(&proj)
            .map(|(&a, &b)| a as f64 * b as f64)
            .sum()
    };

    let mut y = vec![0.0; nout];
    layer.forward(&params, &x, &mut y, rows);
    let mut grads = vec![0.0; n_params];
    let mut dx = vec![0.0; nin];
    layer.backward(&params, &mut grads, &x, &y, &proj, Some(&mut dx), rows);

    let h = 1e-2f32;
    let rel = |a: f64, n: f64| (a - n).abs() / (a.abs() + n.abs()).max(1e-3);
    for i in 0..n_params {
        let keep = params[i];
        params[i] = keep + h;
        let lp = loss(&mut layer, &params, &x);
        params[i] = keep - h;
        let lm = loss(&mut layer, &params, &x);
        params[i] = keep;
        let num = (lp - lm) / (2.0 * h as f64);
        let e = rel(grads[i] as f64, num);
        assert!(
            e < tol as f64,
            "param {i}: analytic {} numeric {num} rel err {e}",
            grads[i]
        );
    }
    let mut xm = x.clone();
    for i in 0..nin {
        let keep = xm[i];
        xm[i] = keep + h;
        let lp = loss(&mut layer, &params, &xm);
        xm[i] = keep - h;
        let lm = loss(&mut layer, &params, &xm);
        xm[i] = keep;
        let num = (lp - lm) / (2.0 * h as f64);
        let e = rel(dx[i] as f64, num);
        assert!(
            e < tol as f64,
            "input {i}: analytic {} numeric {num} rel err {e}",
            dx[i]
        );
    }
}
