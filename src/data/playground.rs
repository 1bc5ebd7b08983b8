//! TensorFlow Playground's four classification sets (circle, xor, gauss,
//! spiral), with the shapes of tensorflow/playground's `dataset.ts`, plus
//! moons, blobs and k-armed spirals. All live on the plane [-6, 6]².
//!
//! Playground labels its classes -1 and +1; here +1 is class 1 and -1 is
//! class 0. `noise` is on Playground's scale (0 clean, 0.5 its maximum);
//! each doc comment says what it scales. Rows come out grouped by class; the
//! split shuffles them.

use super::{numbered_classes, per_class, plane, Dataset};
use crate::config::MAX_CLASSES;
use crate::error::{Error, Result};
use crate::rng::{normal, uniform, Rng};
use std::f32::consts::PI;

/// The square [-6, 6]² the page draws for every set here.
pub const DOMAIN: f32 = 6.0;

/// Playground's `gauss` variance: noise 0..0.5 maps linearly onto variance
/// 0.5..4 (`d3.scaleLinear().domain([0, 0.5]).range([0.5, 4])`), continued
/// past 0.5 on the same line.
fn gauss_variance(noise: f32) -> f32 {
    0.5 + 7.0 * noise
}

/// Two classes, inside and outside a circle of radius 5 centred at 0.
///
/// Class 1: r ~ U[0, 2.5]; class 0: r ~ U[3.5, 5]; angle a ~ U[0, 2π),
/// point (r sin a, r cos a). With noise, the label is decided at the point
/// moved by (U[-5, 5] · noise) in each coordinate: label 1 iff that moved
/// point lies within r < 2.5. The point itself is stored unmoved, so noise
/// shows as wrongly coloured points near the gap, as in Playground.
pub fn circle(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let radius = 5.0;
    let counts = per_class(n, 2);
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    // Inside first (Playground's positive points), then the outer ring.
    for (count, (r_lo, r_hi)) in [
        (counts[0], (0.0, radius * 0.5)),
        (counts[1], (radius * 0.7, radius)),
    ] {
        for _ in 0..count {
            let r = uniform(rng, r_lo, r_hi);
            let a = uniform(rng, 0.0, 2.0 * PI);
            let (px, py) = (r * a.sin(), r * a.cos());
            let nx = uniform(rng, -radius, radius) * noise;
            let ny = uniform(rng, -radius, radius) * noise;
            let inside = ((px + nx).powi(2) + (py + ny).powi(2)).sqrt() < radius * 0.5;
            pts.push([px, py]);
            y.push(if inside { 1.0 } else { 0.0 });
        }
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// Two classes in the four quadrants, like exclusive-or of the signs.
///
/// x, y ~ U[-5, 5], each pushed 0.3 away from its axis (the padding keeps a
/// visible gap); label 1 iff (x + nx)(y + ny) ≥ 0 with nx, ny ~ U[-5, 5] ·
/// noise. The stored point is unmoved, so noise flips labels near the axes.
pub fn xor(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let padding = 0.3;
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for _ in 0..n {
        let mut px = uniform(rng, -5.0, 5.0);
        px += if px > 0.0 { padding } else { -padding };
        let mut py = uniform(rng, -5.0, 5.0);
        py += if py > 0.0 { padding } else { -padding };
        let nx = uniform(rng, -5.0, 5.0) * noise;
        let ny = uniform(rng, -5.0, 5.0) * noise;
        pts.push([px, py]);
        y.push(if (px + nx) * (py + ny) >= 0.0 {
            1.0
        } else {
            0.0
        });
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// Two Gaussian clouds: class 1 around (2, 2), class 0 around (-2, -2).
///
/// Each coordinate ~ N(centre, σ²) with variance σ² = 0.5 + 7 · noise
/// (Playground maps noise 0..0.5 to variance 0.5..4), so even noise 0 is a
/// cloud, and at 0.5 the clouds overlap.
pub fn gauss(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let sd = gauss_variance(noise).sqrt();
    let counts = per_class(n, 2);
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for (count, c, label) in [(counts[0], 2.0, 1.0), (counts[1], -2.0, 0.0)] {
        for _ in 0..count {
            pts.push([c + sd * normal(rng), c + sd * normal(rng)]);
            y.push(label);
        }
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// Two interleaved spiral arms.
///
/// For point i of the m on an arm: r = 5 i/m, t = 1.75 · 2π i/m + Δ, point
/// (r sin t + U[-1, 1] · noise, r cos t + U[-1, 1] · noise). Class 1 has
/// Δ = 0, class 0 has Δ = π. Without noise the points are the same for every
/// seed (only their order in the split differs), as in Playground.
pub fn spiral(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let counts = per_class(n, 2);
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for (count, delta, label) in [(counts[0], 0.0, 1.0), (counts[1], PI, 0.0)] {
        spiral_arm(count, delta, noise, rng, &mut pts);
        y.extend(std::iter::repeat_n(label, count));
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// One arm of `spiral`: m points with turn offset `delta`.
fn spiral_arm(m: usize, delta: f32, noise: f32, rng: &mut Rng, pts: &mut Vec<[f32; 2]>) {
    for i in 0..m {
        let f = i as f32 / m as f32;
        let r = 5.0 * f;
        let t = 1.75 * f * 2.0 * PI + delta;
        let px = r * t.sin() + uniform(rng, -1.0, 1.0) * noise;
        let py = r * t.cos() + uniform(rng, -1.0, 1.0) * noise;
        pts.push([px, py]);
    }
}

/// Two classes on a checkerboard of `tiles` × `tiles` squares covering
/// [-6, 6]²: the class of a point is the colour of its square,
/// (⌊(x + 6)/s⌋ + ⌊(y + 6)/s⌋) mod 2 with s = 12 / tiles.
///
/// x, y ~ U[-6, 6). With noise, as for xor, the colour is read at the point
/// moved by (U[-s, s] · noise) in each coordinate, so noise shows as wrongly
/// coloured points near the edges. A linear model cannot separate even the
/// 2 × 2 board (it is xor); more tiles need more hidden units.
pub fn checkerboard(n: usize, tiles: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let side = 2.0 * DOMAIN / tiles as f32;
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    let tile = |v: f32| (((v + DOMAIN) / side).floor() as i64).clamp(0, tiles as i64 - 1);
    for _ in 0..n {
        let px = uniform(rng, -DOMAIN, DOMAIN);
        let py = uniform(rng, -DOMAIN, DOMAIN);
        let nx = uniform(rng, -side, side) * noise;
        let ny = uniform(rng, -side, side) * noise;
        pts.push([px, py]);
        y.push(((tile(px + nx) + tile(py + ny)) % 2) as f32);
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// How much `moons` stretches scikit-learn's shape (x in [-1, 2], y in
/// [-0.5, 1]) to fill the plane: x spans [-5.4, 5.4], y [-2.7, 2.7]. One
/// factor for both axes keeps the half circles round.
const MOON_SCALE: f32 = 3.6;

/// Two interleaving half circles (scikit-learn's `make_moons`), scaled.
///
/// t ~ U[0, π]. Class 0 (upper moon): (cos t, sin t); class 1 (lower moon):
/// (1 − cos t, 0.5 − sin t). Each coordinate gets N(0, noise²) as in
/// scikit-learn (noise in its units), then the point becomes
/// 3.6 · (x − 0.5, y − 0.25), centring the pair on 0. Unlike scikit-learn,
/// t is drawn at random rather than evenly spaced, so each seed gives a
/// fresh sample even without noise.
pub fn moons(n: usize, noise: f32, rng: &mut Rng) -> Dataset {
    let counts = per_class(n, 2);
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for (label, &count) in counts.iter().enumerate() {
        for _ in 0..count {
            let t = uniform(rng, 0.0, PI);
            let (mut px, mut py) = if label == 0 {
                (t.cos(), t.sin())
            } else {
                (1.0 - t.cos(), 0.5 - t.sin())
            };
            px += noise * normal(rng);
            py += noise * normal(rng);
            pts.push([MOON_SCALE * (px - 0.5), MOON_SCALE * (py - 0.25)]);
            y.push(label as f32);
        }
    }
    plane(pts, y, numbered_classes(2), DOMAIN)
}

/// Distance of the `blobs` centres from the origin: leaves room for a cloud
/// of σ ≈ 0.7 (noise 0) before the edge of the plane at 6.
const BLOB_RADIUS: f32 = 3.5;

fn check_classes(classes: usize) -> Result<()> {
    if (2..=MAX_CLASSES).contains(&classes) {
        Ok(())
    } else {
        let bounds = crate::error::Bounds::between(2.0, MAX_CLASSES as f64);
        Err(Error::range("data.classes", classes as f64, bounds))
    }
}

/// `classes` Gaussian clouds with centres evenly spaced on a circle.
///
/// Class j's centre is 3.5 · (cos 2πj/k, sin 2πj/k); each coordinate is
/// N(centre, σ²) with σ² = 0.5 + 7 · noise, the variance of Playground's
/// `gauss` for the same noise.
pub fn blobs(n: usize, classes: usize, noise: f32, rng: &mut Rng) -> Result<Dataset> {
    check_classes(classes)?;
    let sd = gauss_variance(noise).sqrt();
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for (j, &count) in per_class(n, classes).iter().enumerate() {
        let a = 2.0 * PI * j as f32 / classes as f32;
        let (cx, cy) = (BLOB_RADIUS * a.cos(), BLOB_RADIUS * a.sin());
        for _ in 0..count {
            pts.push([cx + sd * normal(rng), cy + sd * normal(rng)]);
            y.push(j as f32);
        }
    }
    Ok(plane(pts, y, numbered_classes(classes), DOMAIN))
}

/// `spiral` with `classes` arms: arm j has turn offset Δ = 2πj/k and is
/// class j; otherwise r = 5 i/m, t = 1.75 · 2π i/m + Δ and the uniform
/// U[-1, 1] · noise jitter of `spiral`.
pub fn spiral_k(n: usize, classes: usize, noise: f32, rng: &mut Rng) -> Result<Dataset> {
    check_classes(classes)?;
    let mut pts = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for (j, &count) in per_class(n, classes).iter().enumerate() {
        let delta = 2.0 * PI * j as f32 / classes as f32;
        spiral_arm(count, delta, noise, rng, &mut pts);
        y.extend(std::iter::repeat_n(j as f32, count));
    }
    Ok(plane(pts, y, numbered_classes(classes), DOMAIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkerboard_colours_alternate_by_square() {
        let ds = checkerboard(2_000, 4, 0.0, &mut crate::rng::seeded(3));
        assert_eq!((ds.x.nrows(), ds.domain), (2_000, Some(DOMAIN)));
        let mut counts = [0usize; 2];
        for (p, &c) in ds.x.rows().into_iter().zip(&ds.y) {
            // Squares are 3 wide: (-6..-3, -6..-3) is class 0, its neighbours 1.
            let (i, j) = (
                ((p[0] + 6.0) / 3.0).floor() as i32,
                ((p[1] + 6.0) / 3.0).floor() as i32,
            );
            assert_eq!(c as i32, (i + j).rem_euclid(2), "{p:?}");
            counts[c as usize] += 1;
        }
        // Uniform points: each colour covers half the board.
        assert!(
            counts.iter().all(|&k| (850..1150).contains(&k)),
            "{counts:?}"
        );
        let noisy = checkerboard(2_000, 4, 0.5, &mut crate::rng::seeded(3));
        let flipped = ds.y.iter().zip(&noisy.y).filter(|(a, b)| a != b).count();
        assert!(
            flipped > 100,
            "noise moves labels near the edges: {flipped}"
        );
    }
    use crate::data::Task;
    use crate::rng::seeded;

    type Gen = fn(usize, f32, &mut Rng) -> Dataset;

    const TWO_CLASS: &[(&str, Gen)] = &[
        ("circle", circle),
        ("xor", xor),
        ("gauss", gauss),
        ("spiral", spiral),
        ("moons", moons),
    ];

    fn counts(ds: &Dataset) -> Vec<usize> {
        let mut c = vec![0; ds.task.classes()];
        for &v in &ds.y {
            c[v as usize] += 1;
        }
        c
    }

    fn within(ds: &Dataset, d: f32) -> f32 {
        let inside =
            ds.x.rows()
                .into_iter()
                .filter(|r| r.iter().all(|v| v.abs() <= d))
                .count();
        inside as f32 / ds.x.nrows() as f32
    }

    #[test]
    fn shape_classes_and_domain() {
        for &(name, g) in TWO_CLASS {
            let ds = g(501, 0.0, &mut seeded(3));
            assert_eq!(ds.x.dim(), (501, 2), "{name}");
            assert_eq!(ds.y.len(), 501, "{name}");
            assert_eq!(ds.input_names, ["x1", "x2"], "{name}");
            assert_eq!(ds.domain, Some(6.0), "{name}");
            assert_eq!(
                ds.task,
                Task::Classification(vec!["0".into(), "1".into()]),
                "{name}"
            );
            let c = counts(&ds);
            if name == "xor" {
                // Labels follow the quadrant, so balance is only expected.
                assert!(c[0].abs_diff(c[1]) < 80, "{name}: {c:?}");
            } else {
                assert_eq!(c[0].abs_diff(c[1]), 1, "{name}: {c:?}");
            }
            // Gaussian tails may leave the square; the rest must not.
            let min_inside = if name == "gauss" { 0.99 } else { 1.0 };
            assert!(within(&ds, 6.0) >= min_inside, "{name}");
        }
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        for &(name, g) in TWO_CLASS {
            let a = g(200, 0.2, &mut seeded(1));
            let b = g(200, 0.2, &mut seeded(1));
            let c = g(200, 0.2, &mut seeded(2));
            assert_eq!(a.x, b.x, "{name}");
            assert_eq!(a.y, b.y, "{name}");
            assert_ne!(a.x, c.x, "{name}");
        }
    }

    #[test]
    fn circle_without_noise_separates_by_radius() {
        let ds = circle(400, 0.0, &mut seeded(5));
        for (r, &label) in ds.x.rows().into_iter().zip(&ds.y) {
            let rad = (r[0] * r[0] + r[1] * r[1]).sqrt();
            if label == 1.0 {
                assert!(rad <= 2.5);
            } else {
                assert!((3.5..=5.0).contains(&rad));
            }
        }
        // Noise moves the decision point, so some labels near the gap flip.
        let noisy = circle(400, 0.5, &mut seeded(5));
        let flipped = noisy
            .x
            .rows()
            .into_iter()
            .zip(&noisy.y)
            .filter(|(r, &l)| ((r[0] * r[0] + r[1] * r[1]).sqrt() < 3.0) != (l == 1.0))
            .count();
        assert!(flipped > 10, "{flipped}");
    }

    #[test]
    fn xor_without_noise_follows_the_sign_and_padding() {
        let ds = xor(400, 0.0, &mut seeded(6));
        for (r, &label) in ds.x.rows().into_iter().zip(&ds.y) {
            assert!(r[0].abs() >= 0.3 && r[1].abs() >= 0.3 && r[0].abs() <= 5.3);
            assert_eq!(label == 1.0, r[0] * r[1] >= 0.0);
        }
        let noisy = xor(400, 0.5, &mut seeded(6));
        let wrong = noisy
            .x
            .rows()
            .into_iter()
            .zip(&noisy.y)
            .filter(|(r, &l)| (r[0] * r[1] >= 0.0) != (l == 1.0))
            .count();
        assert!(wrong > 10, "{wrong}");
    }

    #[test]
    fn gauss_centres_and_noise_widen_the_spread() {
        let spread = |noise| {
            let ds = gauss(2000, noise, &mut seeded(7));
            let (mut m, mut v) = (0.0, 0.0);
            let pos: Vec<f32> =
                ds.x.rows()
                    .into_iter()
                    .zip(&ds.y)
                    .filter(|(_, &l)| l == 1.0)
                    .map(|(r, _)| r[0])
                    .collect();
            for &p in &pos {
                m += p / pos.len() as f32;
            }
            for &p in &pos {
                v += (p - m).powi(2) / pos.len() as f32;
            }
            (m, v)
        };
        let (m0, v0) = spread(0.0);
        assert!((m0 - 2.0).abs() < 0.1, "{m0}");
        assert!((v0 - 0.5).abs() < 0.1, "{v0}");
        let (_, v5) = spread(0.5);
        assert!((v5 - 4.0).abs() < 0.5, "{v5}");
    }

    #[test]
    fn spiral_follows_the_formula_without_noise() {
        let ds = spiral(4, 0.0, &mut seeded(1));
        // Arm Δ=0 (class 1): i=0 at the origin; i=1: r=2.5, t=1.75π.
        let t = 1.75 * PI;
        assert_eq!(ds.y, vec![1.0, 1.0, 0.0, 0.0]);
        assert!((ds.x[[1, 0]] - 2.5 * t.sin()).abs() < 1e-5);
        assert!((ds.x[[1, 1]] - 2.5 * t.cos()).abs() < 1e-5);
        // Arm Δ=π is the same arm turned half way: the point is mirrored.
        assert!((ds.x[[3, 0]] + ds.x[[1, 0]]).abs() < 1e-5);
        // Noise 0: the points are the seed's no matter which seed.
        assert_eq!(
            spiral(50, 0.0, &mut seeded(1)).x,
            spiral(50, 0.0, &mut seeded(2)).x
        );
        let noisy = spiral(4, 0.5, &mut seeded(1));
        assert!((noisy.x[[1, 0]] - ds.x[[1, 0]]).abs() <= 0.5);
        assert_ne!(noisy.x, ds.x);
    }

    #[test]
    fn moons_fill_the_plane_and_noise_blurs() {
        let ds = moons(500, 0.0, &mut seeded(8));
        let max_x = ds.x.column(0).iter().fold(0f32, |m, v| m.max(v.abs()));
        assert!(max_x > 5.0 && max_x <= 5.4 + 1e-4, "{max_x}");
        // Without noise every point is exactly on its half circle.
        for (r, &l) in ds.x.rows().into_iter().zip(&ds.y) {
            let (x, y) = (r[0] / MOON_SCALE + 0.5, r[1] / MOON_SCALE + 0.25);
            let (cx, cy) = if l == 0.0 { (0.0, 0.0) } else { (1.0, 0.5) };
            assert!(((x - cx).powi(2) + (y - cy).powi(2) - 1.0).abs() < 1e-4);
        }
        let noisy = moons(500, 0.3, &mut seeded(8));
        assert!(noisy
            .x
            .iter()
            .zip(ds.x.iter())
            .any(|(a, b)| (a - b).abs() > 0.5));
    }

    #[test]
    fn blobs_and_spiral_k_have_k_balanced_classes() {
        for k in 2..=8 {
            for (name, ds) in [
                ("blobs", blobs(403, k, 0.0, &mut seeded(k as u64)).unwrap()),
                (
                    "spiral-k",
                    spiral_k(403, k, 0.1, &mut seeded(k as u64)).unwrap(),
                ),
            ] {
                assert_eq!(ds.x.dim(), (403, 2), "{name}");
                assert_eq!(ds.task.classes(), k, "{name}");
                let c = counts(&ds);
                assert!(
                    c.iter().max().unwrap() - c.iter().min().unwrap() <= 1,
                    "{name} {c:?}"
                );
                assert!(within(&ds, 6.0) >= 0.99, "{name}");
            }
        }
        // Blob j sits around its centre on the circle of radius 3.5.
        let ds = blobs(3000, 4, 0.0, &mut seeded(2)).unwrap();
        let mean_x1: f32 =
            ds.x.rows()
                .into_iter()
                .zip(&ds.y)
                .filter(|(_, &l)| l == 1.0)
                .map(|(r, _)| r[1])
                .sum::<f32>()
                / 750.0;
        assert!((mean_x1 - 3.5).abs() < 0.1, "{mean_x1}");
        let a = blobs(100, 3, 0.0, &mut seeded(1)).unwrap();
        let b = blobs(100, 3, 0.0, &mut seeded(1)).unwrap();
        let c = blobs(100, 3, 0.0, &mut seeded(2)).unwrap();
        assert_eq!(a.x, b.x);
        assert_ne!(a.x, c.x);
        let wide = blobs(3000, 3, 0.5, &mut seeded(2)).unwrap();
        let var = |d: &Dataset| {
            d.x.column(0)
                .iter()
                .zip(&d.y)
                .filter(|(_, &l)| l == 0.0)
                .map(|(v, _)| (v - 3.5).powi(2))
                .sum::<f32>()
                / 1000.0
        };
        assert!(var(&wide) > 3.0 * var(&blobs(3000, 3, 0.0, &mut seeded(2)).unwrap()));
    }

    #[test]
    fn class_counts_out_of_range_are_errors() {
        for k in [0, 1, 9] {
            let e = blobs(100, k, 0.0, &mut seeded(1)).unwrap_err().to_string();
            assert!(e.starts_with("data.classes"), "{e}");
            assert!(spiral_k(100, k, 0.0, &mut seeded(1)).is_err());
        }
    }
}
