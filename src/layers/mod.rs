//! Layers. Each one reads its input `x` and writes its output `y` in
//! buffers the network owns, keeps its parameters at offsets of the
//! network's one flat parameter vector, and caches nothing it can recompute
//! from `x` and `y` (the network keeps both for the backward pass).
//!
//! An enum rather than trait objects: the set of layers is closed, dispatch
//! is a jump table, and a training step allocates nothing.

pub mod activation;
pub mod dense;

pub use activation::Activation;
pub use dense::Dense;

#[derive(Debug, Clone)]
pub enum Layer {
    Dense(Dense),
    /// An activation over `width` values a row.
    Act(Activation, usize),
}

/// One named parameter tensor of a layer, as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    pub shape: Vec<usize>,
    pub offset: usize,
    /// Weights are regularised; biases are not (as in Keras and the Playground).
    pub decay: bool,
}

impl Layer {
    pub fn out_width(&self) -> usize {
        match self {
            Layer::Dense(d) => d.outputs,
            Layer::Act(_, w) => *w,
        }
    }

    pub fn in_width(&self) -> usize {
        match self {
            Layer::Dense(d) => d.inputs,
            Layer::Act(_, w) => *w,
        }
    }

    pub fn name(&self) -> String {
        match self {
            Layer::Dense(_) => "dense".into(),
            Layer::Act(a, _) => a.name().into(),
        }
    }

    pub fn params(&self, index: usize) -> Vec<ParamSpec> {
        match self {
            Layer::Dense(d) => vec![
                ParamSpec {
                    name: format!("dense{index}.weight"),
                    shape: vec![d.inputs, d.outputs],
                    offset: d.w_off,
                    decay: true,
                },
                ParamSpec {
                    name: format!("dense{index}.bias"),
                    shape: vec![d.outputs],
                    offset: d.b_off,
                    decay: false,
                },
            ],
            Layer::Act(..) => vec![],
        }
    }

    pub fn forward(&mut self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        match self {
            Layer::Dense(d) => d.forward(params, x, y, rows),
            Layer::Act(a, w) => a.forward(&x[..rows * *w], &mut y[..rows * *w]),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn backward(
        &mut self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        y: &[f32],
        dy: &[f32],
        dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        match self {
            Layer::Dense(d) => d.backward(params, grads, x, dy, dx, rows),
            Layer::Act(a, w) => {
                if let Some(dx) = dx {
                    let n = rows * *w;
                    a.backward(&x[..n], &y[..n], &dy[..n], &mut dx[..n]);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod gradcheck {
    //! Central finite differences, as ConvNetJS checks its layers:
    //! ∂L/∂θ ≈ (L(θ+h) − L(θ−h)) / 2h, compared by relative error. Computed in
    //! f64 where the layer allows; f32 layers use h = 1e-2 and a loose bound.

    use super::Layer;
    use crate::rng;

    /// L = Σ y·r for a fixed random r, so dL/dy = r.
    pub fn check_layer(mut layer: Layer, n_params: usize, rows: usize, tol: f32) {
        let mut r = rng::seeded(99);
        let nin = rows * layer.in_width();
        let nout = rows * layer.out_width();
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
}

#[cfg(test)]
mod tests {
    use super::gradcheck::check_layer;
    use super::*;

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
        for name in crate::config::ACTIVATIONS {
            let a = Activation::parse(name).unwrap();
            check_layer(Layer::Act(a, 6), 0, 3, 2e-2);
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
}
