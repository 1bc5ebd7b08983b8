//! Element-wise activations, y = f(x). Backward: dx = dy · f'(x), where
//! f' is written in terms of whichever of x or y is cheaper:
//! - relu: f = max(0, x), f' = [x > 0]
//! - leaky-relu: f = x for x > 0 else 0.01·x, f' = 1 or 0.01
//! - elu: f = x for x > 0 else eˣ − 1, f' = 1 or y + 1
//! - gelu (tanh form): f = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
//! - tanh: f' = 1 − y²
//! - sigmoid: f = 1/(1 + e⁻ˣ), f' = y(1 − y)
//! - linear: f = x, f' = 1
//!
//! tanh, exp and the logistic function are `fastmath`'s branch-free
//! versions (tanh within 3.5e-7 of the exact value, exp within 1.5e-7
//! relative), so every loop here vectorises; `f32::tanh`/`exp` are libm
//! calls per value, which were 42% of a 2-8-8-1 tanh network's training
//! time in wasm.

use super::fastmath;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Relu,
    LeakyRelu,
    Elu,
    Gelu,
    Tanh,
    Sigmoid,
    Linear,
}

pub(super) const LEAK: f32 = 0.01;
pub(super) const GELU_C: f32 = 0.797_884_6; // √(2/π)
pub(super) const GELU_A: f32 = 0.044_715;

impl Activation {
    /// Every activation, in the order the catalog lists them.
    pub const ALL: &'static [Activation] = &[
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Gelu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
    ];

    pub fn parse(name: &str) -> Result<Activation> {
        Ok(match name {
            "relu" => Activation::Relu,
            "leaky-relu" => Activation::LeakyRelu,
            "elu" => Activation::Elu,
            "gelu" => Activation::Gelu,
            "tanh" => Activation::Tanh,
            "sigmoid" => Activation::Sigmoid,
            "linear" => Activation::Linear,
            other => {
                let names: Vec<&str> = Activation::ALL.iter().map(|a| a.name()).collect();
                return Err(Error::unknown_choice("activation", other, &names));
            }
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky-relu",
            Activation::Elu => "elu",
            Activation::Gelu => "gelu",
            Activation::Tanh => "tanh",
            Activation::Sigmoid => "sigmoid",
            Activation::Linear => "linear",
        }
    }

    /// The ReLU family wants He initialisation; the rest Glorot.
    pub fn is_relu_family(self) -> bool {
        matches!(
            self,
            Activation::Relu | Activation::LeakyRelu | Activation::Elu | Activation::Gelu
        )
    }

    pub fn forward(self, x: &[f32], y: &mut [f32]) {
        match self {
            // A compare and select, not `x.max(0.0)`: in wasm `f32::max` is a
            // call to `fmaxf` per value (wasm's own `f32.max` treats NaN
            // differently), which made ReLU 50x slower than this in V8.
            Activation::Relu => y
                .iter_mut()
                .zip(x)
                .for_each(|(y, &x)| *y = if x > 0.0 { x } else { 0.0 }),
            Activation::LeakyRelu => y
                .iter_mut()
                .zip(x)
                .for_each(|(y, &x)| *y = if x > 0.0 { x } else { LEAK * x }),
            // eˣ − 1 rather than `exp_m1`: absolute error ~1e-7 near 0 (the
            // relative error of a tiny result is larger), which no
            // activation needs, and the loop vectorises.
            Activation::Elu => y
                .iter_mut()
                .zip(x)
                .for_each(|(y, &x)| *y = if x > 0.0 { x } else { fastmath::exp(x) - 1.0 }),
            Activation::Gelu => y.iter_mut().zip(x).for_each(|(y, &x)| {
                *y = 0.5 * x * (1.0 + fastmath::tanh(GELU_C * (x + GELU_A * x * x * x)))
            }),
            Activation::Tanh => fastmath::tanh_slice(x, y),
            Activation::Sigmoid => y.iter_mut().zip(x).for_each(|(y, &x)| *y = sigmoid(x)),
            Activation::Linear => y.copy_from_slice(x),
        }
    }

    /// dx = dy · f'(x), using the cached input x and output y.
    pub fn backward(self, x: &[f32], y: &[f32], dy: &[f32], dx: &mut [f32]) {
        let it = dx.iter_mut().zip(dy).zip(x.iter().zip(y));
        match self {
            Activation::Relu => {
                it.for_each(|((d, &g), (&x, _))| *d = if x > 0.0 { g } else { 0.0 })
            }
            Activation::LeakyRelu => {
                it.for_each(|((d, &g), (&x, _))| *d = if x > 0.0 { g } else { LEAK * g })
            }
            Activation::Elu => {
                it.for_each(|((d, &g), (&x, &y))| *d = if x > 0.0 { g } else { g * (y + 1.0) })
            }
            Activation::Gelu => it.for_each(|((d, &g), (&x, _))| {
                let u = GELU_C * (x + GELU_A * x * x * x);
                let t = fastmath::tanh(u);
                let du = GELU_C * (1.0 + 3.0 * GELU_A * x * x);
                *d = g * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du)
            }),
            Activation::Tanh => it.for_each(|((d, &g), (_, &y))| *d = g * (1.0 - y * y)),
            Activation::Sigmoid => it.for_each(|((d, &g), (_, &y))| *d = g * y * (1.0 - y)),
            Activation::Linear => dx.copy_from_slice(dy),
        }
    }
}

/// The logistic function, stable for large |x| (never computes e^(+large));
/// branch-free (`fastmath::sigmoid`), so loops over it vectorise.
#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    fastmath::sigmoid(x)
}
