//! `BenchRun` for bench/descent.mjs: build once (untimed), then
//! `reset()` + `train()` per rep; JS times `train()` alone.

use super::{Bench, Workload};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct BenchRun {
    inner: Bench,
    grid: Vec<f32>,
    grid_out: Vec<f32>,
}

#[wasm_bindgen]
impl BenchRun {
    /// `new BenchRun('playground-mlp', x, y, init, lr?)`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        workload: &str,
        x: &[f32],
        y: &[f32],
        init: &[f32],
        lr: Option<f64>,
    ) -> Result<BenchRun, JsError> {
        let w = Workload::parse(workload).map_err(|e| JsError::new(e.message()))?;
        let inner = Bench::with_learning_rate(w, x, y, init, lr.unwrap_or(w.spec().lr))
            .map_err(|e| JsError::new(e.message()))?;
        Ok(BenchRun {
            inner,
            grid: Vec::new(),
            grid_out: Vec::new(),
        })
    }

    /// Steps in the full workload.
    pub fn steps(&self) -> u32 {
        self.inner.steps as u32
    }

    pub fn reset(&mut self) {
        self.inner.reset();
    }

    /// The full workload; returns the samples processed.
    pub fn train(&mut self) -> u32 {
        self.inner.train().samples as u32
    }

    /// The first `steps` steps; returns the samples processed.
    pub fn train_steps(&mut self, steps: u32) -> u32 {
        self.inner.train_steps(steps as usize).samples as u32
    }

    /// `[loss, accuracy]` over (x, y); accuracy NaN for regression.
    pub fn evaluate(&mut self, x: &[f32], y: &[f32]) -> Vec<f64> {
        let e = self.inner.evaluate(x, y);
        vec![e.loss, e.accuracy.unwrap_or(f64::NAN)]
    }

    /// The training set's `[loss, accuracy]`.
    pub fn evaluate_train(&mut self) -> Vec<f64> {
        let e = self.inner.evaluate_train();
        vec![e.loss, e.accuracy.unwrap_or(f64::NAN)]
    }

    /// Store the grid (rows of x1, x2) for `grid_predict`.
    pub fn set_grid(&mut self, grid: &[f32]) {
        self.grid = grid.to_vec();
        self.grid_out = vec![0.0; grid.len() / self.inner.workload.spec().features];
    }

    /// One batched forward over the stored grid, read back as a
    /// Float32Array (the counterpart of tfjs's predict + dataSync).
    pub fn grid_predict(&mut self) -> Vec<f32> {
        self.inner.grid_predict(&self.grid, &mut self.grid_out);
        self.grid_out.clone()
    }
}
