//! Sequence sets for recurrent networks: each row is a window of `window`
//! consecutive values (inputs `t1..tW`), one feature a step.
//!
//! - `sine-seq`: s(t) = sin(0.2·t + φ) (+ 0.5·sin(0.53·t + φ₂) with `mix`),
//!   plus N(0, noise²); a row is s(i..i+W), its target s(i+W) (the next value).
//!   φ is drawn from the seed so each seed sees another stretch of the wave.
//! - `seq-majority`: W random bits; class 1 when ones outnumber zeros. The
//!   answer depends on every step, so the network must remember a count.

use super::{numbered_classes, Dataset, Task};
use crate::rng::{self, Rng};
use ndarray::Array2;

pub const DEFAULT_WINDOW: usize = 20;
pub const MAX_WINDOW: usize = 200;

fn names(window: usize) -> Vec<String> {
    (1..=window).map(|t| format!("t{t}")).collect()
}

pub fn sine_seq(n: usize, window: usize, noise: f32, mix: bool, rng: &mut Rng) -> Dataset {
    let phase = rng::uniform(rng, 0.0, std::f32::consts::TAU);
    let phase2 = rng::uniform(rng, 0.0, std::f32::consts::TAU);
    let len = n + window;
    let series: Vec<f32> = (0..len)
        .map(|t| {
            let t = t as f32;
            let mut s = (0.2 * t + phase).sin();
            if mix {
                s += 0.5 * (0.53 * t + phase2).sin();
            }
            s + noise * rng::normal(rng)
        })
        .collect();
    let mut x = Array2::zeros((n, window));
    let mut y = Vec::with_capacity(n);
    for i in 0..n {
        for t in 0..window {
            x[[i, t]] = series[i + t];
        }
        y.push(series[i + window]);
    }
    Dataset {
        task: Task::Regression,
        x,
        y,
        input_names: names(window),
        fixed_split: None,
        image_shape: None,
        domain: None,
    }
}

pub fn seq_majority(n: usize, window: usize, rng: &mut Rng) -> Dataset {
    let mut x = Array2::zeros((n, window));
    let mut y = Vec::with_capacity(n);
    for i in 0..n {
        let mut ones = 0;
        for t in 0..window {
            let b = rng::below(rng, 2);
            ones += b;
            x[[i, t]] = b as f32;
        }
        y.push((2 * ones > window) as u8 as f32);
    }
    Dataset {
        task: numbered_classes(2),
        x,
        y,
        input_names: names(window),
        fixed_split: None,
        image_shape: None,
        domain: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sine_windows_predict_the_next_value() {
        let d = sine_seq(50, 10, 0.0, false, &mut rng::seeded(1));
        assert_eq!(d.x.dim(), (50, 10));
        // Row i+1 is row i shifted by one, and row i's target is its last step.
        for i in 0..49 {
            assert_eq!(d.x[[i + 1, 9]], d.y[i]);
            assert_eq!(d.x[[i + 1, 0]], d.x[[i, 1]]);
        }
        assert!(d.y.iter().all(|v| v.abs() <= 1.0));
        let m = sine_seq(50, 10, 0.0, true, &mut rng::seeded(1));
        assert!(
            m.y.iter().any(|v| v.abs() > 1.05),
            "two frequencies reach past 1"
        );
    }

    #[test]
    fn majority_labels_count_the_ones() {
        let d = seq_majority(200, 9, &mut rng::seeded(2));
        for i in 0..200 {
            let ones: f32 = d.x.row(i).sum();
            assert_eq!(d.y[i], (ones > 4.5) as u8 as f32);
        }
        let share = d.y.iter().sum::<f32>() / 200.0;
        assert!((0.35..0.65).contains(&share), "roughly balanced: {share}");
    }
}
