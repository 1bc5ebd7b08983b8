//! Regression sets: Playground's `reg-plane` and `reg-gauss` on [-6, 6]²,
//! and a 1-D sine wave. `noise` is on Playground's scale (0 clean, 0.5 its
//! maximum).

use super::{plane, Dataset, Task};
use crate::rng::{normal, uniform, Rng};
use ndarray::Array2;

/// Half-width of the square the inputs are drawn from (Playground's radius).
const RADIUS: f32 = 6.0;
/// `sine`: x spans [-6, 6].
pub const SINE_DOMAIN: f32 = RADIUS;

/// Draws x1, x2 ~ U[-6, 6] and labels each point by `f` evaluated at the
/// point moved by (U[-6, 6] · noise) per coordinate, as Playground does: the
/// stored input is unmoved, so noise shows as scatter in the target.
fn plane_regression(n: usize, noise: f32, rng: &mut Rng, f: impl Fn(f32, f32) -> f32) -> Dataset {
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for _ in 0..n {
        let x1 = uniform(rng, -RADIUS, RADIUS);
        let x2 = uniform(rng, -RADIUS, RADIUS);
        let n1 = uniform(rng, -RADIUS, RADIUS) * noise;
        let n2 = uniform(rng, -RADIUS, RADIUS) * noise;
        pts.push([x1, x2]);
        y.push(f(x1 + n1, x2 + n2));
    }
    plane(pts, y, Task::Regression, RADIUS)
}

/// Playground's `regressPlane`: y = (x1 + x2) / 10, with x1, x2 ~ U[-6, 6]
/// (Playground's label scale maps x1 + x2 in [-10, 10] onto [-1, 1], unclamped,
/// so y lies in [-1.2, 1.2]). Noise: y is computed at the point moved by
/// U[-6, 6] · noise per coordinate.
pub fn reg_plane(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    plane_regression(n, noise, rng, |a, b| (a + b) / 10.0)
}

/// Playground's Gaussian bumps: (centre, sign) of each bump.
const BUMPS: [(f32, f32, f32); 6] = [
    (-4.0, 2.5, 1.0),
    (0.0, 2.5, -1.0),
    (4.0, 2.5, 1.0),
    (-4.0, -2.5, -1.0),
    (0.0, -2.5, 1.0),
    (4.0, -2.5, -1.0),
];

/// Playground's `regressGaussian`: six bumps of alternating sign at
/// (±4 or 0, ±2.5). Each bump contributes s · max(0, 1 − d/2), where d is the
/// distance to its centre and s = ±1; y is the contribution largest in
/// absolute value (so y is in [-1, 1], 0 far from every bump). Noise: y is
/// computed at the point moved by U[-6, 6] · noise per coordinate.
pub fn reg_gauss(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    plane_regression(n, noise, rng, bump_label)
}

fn bump_label(x: f32, y: f32) -> f32 {
    let mut label = 0.0f32;
    for (cx, cy, sign) in BUMPS {
        let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        let v = sign * (1.0 - d / 2.0).clamp(0.0, 1.0);
        if v.abs() > label.abs() {
            label = v;
        }
    }
    label
}

/// A 1-D curve: x ~ U[-6, 6] (input `x`), y = sin x + noise · N(0, 1).
/// Noise 0.5 is a clearly visible scatter about an amplitude-1 wave.
pub fn sine(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let mut x = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for _ in 0..n {
        let v = uniform(rng, -RADIUS, RADIUS);
        x.push(v);
        y.push(v.sin() + noise * normal(rng));
    }
    Dataset {
        task: Task::Regression,
        // n values for n × 1: the shape always matches.
        x: Array2::from_shape_vec((n, 1), x).unwrap_or_else(|_| Array2::zeros((0, 1))),
        y,
        input_names: vec!["x".into()],
        fixed_split: None,
        image_shape: None,
        domain: Some(RADIUS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    type Gen = fn(usize, f32, &mut Rng) -> Dataset;
    const ALL: &[(&str, Gen)] = &[
        ("reg-plane", reg_plane),
        ("reg-gauss", reg_gauss),
        ("sine", sine),
    ];

    #[test]
    fn shape_domain_and_determinism() {
        for &(name, g) in ALL {
            let ds = g(300, 0.0, &mut seeded(1));
            let width = if name == "sine" { 1 } else { 2 };
            assert_eq!(ds.x.dim(), (300, width), "{name}");
            assert_eq!(ds.y.len(), 300, "{name}");
            assert_eq!(ds.task, Task::Regression, "{name}");
            assert_eq!(ds.domain, Some(6.0), "{name}");
            assert!(ds.x.iter().all(|v| v.abs() <= 6.0), "{name}");
            assert!(ds.y.iter().all(|v| v.abs() <= 1.2 + 1e-5), "{name}");
            let same = g(300, 0.0, &mut seeded(1));
            let other = g(300, 0.0, &mut seeded(2));
            assert_eq!((&ds.x, &ds.y), (&same.x, &same.y), "{name}");
            assert_ne!(ds.x, other.x, "{name}");
        }
        assert_eq!(sine(3, 0.0, &mut seeded(1)).input_names, ["x"]);
        assert_eq!(reg_plane(3, 0.0, &mut seeded(1)).input_names, ["x1", "x2"]);
    }

    #[test]
    fn clean_targets_follow_the_formulas() {
        let p = reg_plane(100, 0.0, &mut seeded(3));
        for (r, &y) in p.x.rows().into_iter().zip(&p.y) {
            assert!((y - (r[0] + r[1]) / 10.0).abs() < 1e-6);
        }
        let s = sine(100, 0.0, &mut seeded(3));
        for (r, &y) in s.x.rows().into_iter().zip(&s.y) {
            assert_eq!(y, r[0].sin());
        }
        assert_eq!(bump_label(-4.0, 2.5), 1.0);
        assert_eq!(bump_label(0.0, 2.5), -1.0);
        assert_eq!(bump_label(4.0, -2.5), -1.0);
        assert_eq!(bump_label(0.0, 0.0), 0.0); // 2.5 from every centre
        assert!((bump_label(-3.0, 2.5) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn noise_scatters_the_target_not_the_inputs() {
        for &(name, g) in ALL {
            let clean = g(300, 0.0, &mut seeded(4));
            let noisy = g(300, 0.3, &mut seeded(4));
            let moved: f32 = clean
                .y
                .iter()
                .zip(&noisy.y)
                .map(|(a, b)| (a - b).abs())
                .sum();
            assert!(moved / 300.0 > 0.05, "{name}: {moved}");
            assert!(noisy.x.iter().all(|v| v.abs() <= 6.0), "{name}");
        }
    }
}
