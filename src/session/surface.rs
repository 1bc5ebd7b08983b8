//! The loss landscape around the current weights, and the path training
//! took through it.
//!
//! The session keeps the weights at a bounded number of points along
//! training (`Trajectory`): every `every` steps, starting at every step;
//! when it holds `cap` snapshots, every other one is dropped in place and
//! `every` doubles (as the loss history is thinned), so memory is fixed
//! when the session is built and a training step never allocates.
//!
//! `loss_surface` evaluates the training loss (the data loss `train()`
//! reports, without the penalty; whole training split, the same chunked
//! scoring) on a resolution × resolution grid over a plane through the
//! current weights θ: θ + (x − cx)·d1 + (y − cy)·d2 for (x, y) on the grid,
//! (cx, cy) the centre. The planes:
//!
//! - `Path`: d1, d2 the top two principal directions of the trajectory,
//!   the right singular vectors of M = [θ_k − θ] (snapshots minus the
//!   current weights, uncentred, so the plane passes through θ and
//!   explains the displacements from it best; Li et al., "Visualizing the
//!   Loss Landscape of Neural Nets", NeurIPS 2018, §7). Found by
//!   orthogonal iteration on the small Gram matrix M·Mᵀ (at most `CAP`
//!   snapshots). Unit vectors; coordinates are distances in weight space;
//!   centre (0, 0). A straight path (rank 1) gets a seeded random second
//!   direction, orthogonal to the first.
//! - `Random`: two seeded Gaussian directions, filter-normalised (Li et al.
//!   §4): each filter (one output unit's weights: a column of a dense or
//!   RNN weight, one conv filter) is scaled to the norm of the same filter
//!   in θ; biases get 0. (A filter whose weights are all zero, as at a
//!   zero init, is scaled to norm 1 instead, so the plane stays a plane.)
//!   Coordinates in units of the directions; centre (0, 0); span 1 by
//!   default, as Li et al. plot [−1, 1].
//! - `Axes(i, j)`: parameters i and j (flat indices in `parameters()`
//!   order) themselves; coordinates are their values, centre (θ_i, θ_j).
//!
//! `path` is the trajectory projected onto the plane (least squares on
//! (d1, d2)), its last pair the current weights, i.e. the centre.

use super::build::STREAM_SURFACE;
use super::*;
use crate::error::Bounds;
use crate::layers::Role;

/// Snapshots kept at most.
pub const CAP: usize = 200;
/// Snapshot values kept at most (2 MB): a model of over 2,500 parameters
/// keeps fewer snapshots (at least 4).
const FLOATS: usize = 500_000;
/// The grid is at most this many points a side.
pub const MAX_RESOLUTION: usize = 101;

#[derive(Debug, Clone, Default)]
pub(crate) struct Trajectory {
    cap: usize,
    every: u64,
    next: u64,
    steps: Vec<u64>,
    /// Snapshots, each the whole parameter vector, one after another.
    weights: Vec<f32>,
}

impl Trajectory {
    /// A trajectory starting at `params` at step `step`.
    pub(crate) fn new(params: &[f32], step: u64) -> Trajectory {
        let n = params.len().max(1);
        let cap = CAP.min((FLOATS / n).max(4));
        let mut t = Trajectory {
            cap,
            every: 1,
            next: step,
            steps: Vec::with_capacity(cap),
            weights: Vec::with_capacity(cap * params.len()),
        };
        t.record(step, params);
        t
    }

    /// Record `params` if step `step` is due (cheap otherwise: one compare).
    /// Weights that are not finite (a diverged step) are not kept: no NaN
    /// reaches a path.
    pub(crate) fn record(&mut self, step: u64, params: &[f32]) {
        if step < self.next || self.cap == 0 || params.iter().any(|v| !v.is_finite()) {
            return;
        }
        if self.steps.len() >= self.cap {
            let n = params.len();
            let keep = self.steps.len().div_ceil(2);
            for i in 0..keep {
                self.steps[i] = self.steps[2 * i];
                self.weights.copy_within(2 * i * n..(2 * i + 1) * n, i * n);
            }
            self.steps.truncate(keep);
            self.weights.truncate(keep * n);
            self.every *= 2;
            if step < self.steps[keep - 1] + self.every {
                self.next = self.steps[keep - 1] + self.every;
                return;
            }
        }
        self.steps.push(step);
        self.weights.extend_from_slice(params);
        self.next = step + self.every;
    }

    /// The steps of the snapshots kept.
    pub(crate) fn steps(&self) -> &[u64] {
        &self.steps
    }
}

/// Which plane `loss_surface` cuts through the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plane {
    Path,
    Random,
    /// Two flat parameter indices (`parameters()` order).
    Axes(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    pub resolution: usize,
    /// resolution² training losses, row-major, y outer: values[iy·r + ix].
    /// A loss too large for f32 (or not finite) is f32::MAX.
    pub values: Vec<f32>,
    pub x: [f64; 2],
    pub y: [f64; 2],
    pub center: [f64; 2],
    /// (x, y) pairs: the trajectory's snapshots, then the current weights.
    pub path: Vec<f32>,
}

impl Session {
    pub(super) fn record_trajectory(&mut self) {
        self.trajectory.record(self.step, &self.net.params);
    }

    /// The steps at which weights were kept for the path.
    pub fn trajectory_steps(&self) -> &[u64] {
        self.trajectory.steps()
    }

    /// The training loss over a grid on `plane` through the current
    /// weights (see the module's doc): `span` the half-width of each axis
    /// around the centre (default: the path's extent, 1.2× its farthest
    /// point, or 1 for `Random` and for a path that is still a point),
    /// `resolution` points a side (2 to `MAX_RESOLUTION`). The weights
    /// are put back exactly.
    pub fn loss_surface(
        &mut self,
        plane: Plane,
        span: Option<f64>,
        resolution: usize,
    ) -> Result<Surface> {
        if !(2..=MAX_RESOLUTION).contains(&resolution) {
            let bounds = Bounds::between(2.0, MAX_RESOLUTION as f64);
            return Err(Error::range(
                "lossSurface: resolution",
                resolution as f64,
                bounds,
            ));
        }
        if let Some(s) = span {
            if !(s.is_finite() && s > 0.0) {
                let bounds = Bounds::positive(None);
                return Err(Error::range("lossSurface: span", s, bounds));
            }
        }
        if !self.net.params_finite() {
            return Err(Error::unavailable("lossSurface", "diverged"));
        }
        let n = self.net.params.len();
        let theta = self.net.params.clone();
        let (d1, d2, center) = match plane {
            Plane::Axes(i, j) => {
                for k in [i, j] {
                    if k >= n {
                        let index = Bounds::between(0.0, n.saturating_sub(1) as f64);
                        let field = "lossSurface: parameter index";
                        return Err(Error::range(field, k as f64, index));
                    }
                }
                if i == j {
                    return Err(Error::duplicate("lossSurface: plane", &i.to_string()));
                }
                let unit = |k: usize| {
                    let mut d = vec![0.0f32; n];
                    d[k] = 1.0;
                    d
                };
                (unit(i), unit(j), [theta[i] as f64, theta[j] as f64])
            }
            Plane::Random => {
                let mut r = rng::derive(self.config.seed, STREAM_SURFACE);
                let d1 = self.filter_normalised(&mut r);
                let d2 = self.filter_normalised(&mut r);
                (d1, d2, [0.0, 0.0])
            }
            Plane::Path => {
                let (d1, d2) = self.path_directions(&theta)?;
                (d1, d2, [0.0, 0.0])
            }
        };
        let project = Projector::new(&d1, &d2)
            .ok_or_else(|| Error::unavailable("lossSurface", "too-few-weights"))?;
        let snapshots = self.trajectory.weights.chunks_exact(n.max(1));
        let last_is_now = self.trajectory.steps.last() == Some(&self.step);
        let mut path = Vec::new();
        for s in snapshots {
            let (x, y) = project.coords(s, &theta);
            path.extend([(center[0] + x) as f32, (center[1] + y) as f32]);
        }
        if !last_is_now || path.is_empty() {
            path.extend([center[0] as f32, center[1] as f32]);
        }
        let span = span.unwrap_or_else(|| {
            let far = path
                .chunks_exact(2)
                .map(|p| {
                    (p[0] as f64 - center[0])
                        .abs()
                        .max((p[1] as f64 - center[1]).abs())
                })
                .fold(0.0, f64::max);
            if plane == Plane::Random || far == 0.0 {
                1.0
            } else {
                1.2 * far
            }
        });

        let mut values = Vec::with_capacity(resolution * resolution);
        let r1 = (resolution - 1) as f64;
        // Exactly 0 at the middle index of an odd resolution.
        let offset = |i: usize| span * (2.0 * i as f64 - r1) / r1;
        for iy in 0..resolution {
            let b = offset(iy) as f32;
            for ix in 0..resolution {
                let a = offset(ix) as f32;
                for (((p, &t), &u), &v) in self.net.params.iter_mut().zip(&theta).zip(&d1).zip(&d2)
                {
                    *p = t + (a * u + b * v);
                }
                let loss = self.score(Which::Train).0.unwrap_or(f64::INFINITY);
                values.push((loss as f32).min(f32::MAX));
            }
        }
        self.net.params.copy_from_slice(&theta);
        Ok(Surface {
            resolution,
            values,
            x: [center[0] - span, center[0] + span],
            y: [center[1] - span, center[1] + span],
            center,
            path,
        })
    }

    /// A Gaussian direction, filter-normalised to the current weights.
    fn filter_normalised(&self, r: &mut Rng) -> Vec<f32> {
        let p = &self.net.params;
        let mut d = vec![0.0f32; p.len()];
        for s in self.net.param_specs() {
            if s.role == Role::Bias {
                continue;
            }
            let len: usize = s.shape.iter().product();
            let out = *s.shape.last().unwrap_or(&1);
            let range = s.offset..s.offset + len;
            d[range.clone()]
                .iter_mut()
                .for_each(|v| *v = rng::normal(r));
            // A filter: the weights into output unit f, every out-th value
            // (dense and RNN [in, out], conv [k, k, C, F]: the last axis).
            for f in 0..out.max(1) {
                let idx = (f..len).step_by(out.max(1)).map(|i| i + s.offset);
                let (mut nd, mut nt) = (0.0f64, 0.0f64);
                for i in idx.clone() {
                    nd += (d[i] as f64).powi(2);
                    nt += (p[i] as f64).powi(2);
                }
                let target = if nt > 0.0 { nt.sqrt() } else { 1.0 };
                let scale = if nd > 0.0 { target / nd.sqrt() } else { 0.0 };
                idx.for_each(|i| d[i] = (d[i] as f64 * scale) as f32);
            }
        }
        d
    }

    /// The top two principal directions of the snapshots minus `theta`.
    fn path_directions(&self, theta: &[f32]) -> Result<(Vec<f32>, Vec<f32>)> {
        let n = theta.len();
        // Rows of M: the snapshots that differ from θ, minus θ.
        let rows: Vec<&[f32]> = self
            .trajectory
            .weights
            .chunks_exact(n.max(1))
            .filter(|s| *s != theta)
            .collect();
        if rows.is_empty() || n < 2 {
            return Err(Error::unavailable("lossSurface", "no-path"));
        }
        let m = rows.len();
        let mut gram = vec![0.0f64; m * m];
        for a in 0..m {
            for b in 0..=a {
                let g = diff_dot(rows[a], rows[b], theta);
                gram[a * m + b] = g;
                gram[b * m + a] = g;
            }
        }
        let apply = |u: &[f64]| -> Vec<f64> { gram.chunks_exact(m).map(|g| dot(g, u)).collect() };
        // Orthogonal iteration with two vectors, from a seeded start.
        let mut r = rng::derive(self.config.seed, STREAM_SURFACE);
        let mut gauss =
            |len: usize| -> Vec<f64> { (0..len).map(|_| rng::normal(&mut r) as f64).collect() };
        let mut u = [gauss(m), gauss(m)];
        orthonormalise(&mut u);
        for _ in 0..300 {
            u = [apply(&u[0]), apply(&u[1])];
            orthonormalise(&mut u);
        }
        // Rayleigh–Ritz on the 2-D subspace: H = [[a, b], [b, c]] = UᵀGU;
        // its top eigenvector (cs, sn) ∝ (b, λ1 − a) (or an axis when H is
        // already diagonal) orders and separates the two directions.
        let (a, b, c) = (
            dot(&u[0], &apply(&u[0])),
            dot(&u[0], &apply(&u[1])),
            dot(&u[1], &apply(&u[1])),
        );
        let l1 = 0.5 * (a + c) + (0.25 * (a - c) * (a - c) + b * b).sqrt();
        let (cs, sn) = if b != 0.0 {
            (b, l1 - a)
        } else if a >= c {
            (1.0, 0.0)
        } else {
            (0.0, 1.0)
        };
        // M^T v for v = (cs, sn)·U and its orthogonal partner.
        let (mut d1, mut d2) = (vec![0.0f64; n], vec![0.0f64; n]);
        for (k, row) in rows.iter().enumerate() {
            let (w1, w2) = (cs * u[0][k] + sn * u[1][k], -sn * u[0][k] + cs * u[1][k]);
            for (((p, q), &x), &t) in d1.iter_mut().zip(d2.iter_mut()).zip(*row).zip(theta) {
                let v = x as f64 - t as f64;
                *p += w1 * v;
                *q += w2 * v;
            }
        }
        let mut dirs = [d1, d2];
        let (n1, n2) = (dot(&dirs[0], &dirs[0]), dot(&dirs[1], &dirs[1]));
        if n2 > n1 {
            dirs.swap(0, 1);
        }
        if n1.min(n2) <= 1e-12 * n1.max(n2) {
            // A straight path: any second direction shows it; a seeded one.
            dirs[1] = gauss(n);
        }
        orthonormalise(&mut dirs);
        let f = |v: &[f64]| v.iter().map(|&x| x as f32).collect();
        Ok((f(&dirs[0]), f(&dirs[1])))
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// (a − t)·(b − t) in f64.
fn diff_dot(a: &[f32], b: &[f32], t: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .zip(t)
        .map(|((&a, &b), &t)| (a as f64 - t as f64) * (b as f64 - t as f64))
        .sum()
}

/// Gram–Schmidt on two vectors (the second made orthogonal to the first).
fn orthonormalise(u: &mut [Vec<f64>; 2]) {
    let norm = |v: &[f64]| dot(v, v).sqrt();
    let n0 = norm(&u[0]);
    if n0 > 0.0 {
        u[0].iter_mut().for_each(|x| *x /= n0);
    }
    let p = dot(&u[0], &u[1]);
    let (first, second) = u.split_at_mut(1);
    second[0]
        .iter_mut()
        .zip(&first[0])
        .for_each(|(b, a)| *b -= p * a);
    let n1 = norm(&u[1]);
    if n1 > 0.0 {
        u[1].iter_mut().for_each(|x| *x /= n1);
    }
}

/// Least-squares coordinates on (d1, d2): solves the 2×2 normal equations.
struct Projector<'a> {
    d1: &'a [f32],
    d2: &'a [f32],
    inv: [f64; 4],
}

impl<'a> Projector<'a> {
    fn new(d1: &'a [f32], d2: &'a [f32]) -> Option<Projector<'a>> {
        let dot = |a: &[f32], b: &[f32]| {
            a.iter()
                .zip(b)
                .map(|(&x, &y)| x as f64 * y as f64)
                .sum::<f64>()
        };
        let (a, b, c) = (dot(d1, d1), dot(d1, d2), dot(d2, d2));
        let det = a * c - b * b;
        (det > 1e-12 * a * c && det.is_finite()).then(|| Projector {
            d1,
            d2,
            inv: [c / det, -b / det, -b / det, a / det],
        })
    }

    /// (x, y) with s − theta ≈ x·d1 + y·d2.
    fn coords(&self, s: &[f32], theta: &[f32]) -> (f64, f64) {
        let (mut p, mut q) = (0.0f64, 0.0f64);
        for (((&s, &t), &u), &v) in s.iter().zip(theta).zip(self.d1).zip(self.d2) {
            let w = s as f64 - t as f64;
            p += w * u as f64;
            q += w * v as f64;
        }
        let i = &self.inv;
        (i[0] * p + i[1] * q, i[2] * p + i[3] * q)
    }
}
