//! Ports of bench/data.mjs's generators and initial weights, for the tests
//! (the benchmark itself loads the dump). Every array equals the dump's
//! after rounding to f32 (checked on x86-64 Linux); `spiral` and `sine` call
//! sin/cos, which may differ from V8's in the last ulp on other platforms.

use super::Mulberry32;

/// Fisher-Yates from the end, `j = floor(u·(i+1))`.
pub fn permutation(n: usize, rng: &mut Mulberry32) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (rng.next_f64() * (i + 1) as f64).floor() as usize;
        p.swap(i, j);
    }
    p
}

/// Playground `classifySpiralData(500, 0)` shuffled with seed 1001:
/// (x rows of (x1, x2), labels ±1).
pub fn spiral() -> (Vec<f32>, Vec<f32>) {
    let n = 250;
    let mut pts = Vec::with_capacity(2 * n);
    for (dt, label) in [(0.0, 1.0), (std::f64::consts::PI, -1.0)] {
        for i in 0..n {
            let r = i as f64 / n as f64 * 5.0;
            let t = 1.75 * i as f64 / n as f64 * 2.0 * std::f64::consts::PI + dt;
            pts.push((r * t.sin(), r * t.cos(), label));
        }
    }
    let perm = permutation(pts.len(), &mut Mulberry32::new(1001));
    let x = perm
        .iter()
        .flat_map(|&s| [pts[s].0 as f32, pts[s].1 as f32])
        .collect();
    let y = perm.iter().map(|&s| pts[s].2 as f32).collect();
    (x, y)
}

/// The harness's `linreg`: (x, y, x_test, y_test).
pub fn linreg() -> [Vec<f32>; 4] {
    [
        vec![1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0],
        vec![1.0, 2.0, 3.0, 4.0],
        vec![5.0, 6.0, 6.0, 7.0],
        vec![5.0, 6.0],
    ]
}

/// Initial weights (`initParams`): the shapes in order; biases (rank 1)
/// are 0.1 under `playground` and 0 under `glorot`; weights are
/// u − 0.5 (`playground`) or (2u − 1)·√(6/(fan_in + fan_out)) (`glorot`).
pub fn init(seed: u32, playground: bool, shapes: &[&[usize]]) -> Vec<f32> {
    let mut rng = Mulberry32::new(seed);
    let mut out = Vec::new();
    for shape in shapes {
        let size: usize = shape.iter().product();
        if shape.len() == 1 {
            out.extend(std::iter::repeat_n(
                if playground { 0.1 } else { 0.0 },
                size,
            ));
            continue;
        }
        let (fan_in, fan_out) = if shape.len() == 2 {
            (shape[0], shape[1])
        } else {
            let rf = shape[0] * shape[1];
            (rf * shape[2], rf * shape[3])
        };
        let limit = (6.0 / (fan_in + fan_out) as f64).sqrt();
        for _ in 0..size {
            let u = rng.next_f64();
            out.push(if playground {
                (u - 0.5) as f32
            } else {
                ((2.0 * u - 1.0) * limit) as f32
            });
        }
    }
    out
}

/// s[t] = sin(0.2t); window i = s[i..i+20] → s[i+20]; 1,000 windows
/// shuffled with seed 5001.
pub fn sine() -> (Vec<f32>, Vec<f32>) {
    let (n, win) = (1000, 20);
    let s: Vec<f64> = (0..n + win).map(|t| (0.2 * t as f64).sin()).collect();
    let perm = permutation(n, &mut Mulberry32::new(5001));
    let x = perm
        .iter()
        .flat_map(|&i| s[i..i + win].iter().map(|&v| v as f32))
        .collect();
    let y = perm.iter().map(|&i| s[i + win] as f32).collect();
    (x, y)
}

/// `mnistSynth(2000)`: 28×28 stroke digits, pixels byte/255, seed 3001.
pub fn mnist_synth() -> (Vec<f32>, Vec<f32>) {
    const T: &[&[&[(f64, f64)]]] = &[
        &[&[
            (0.5, 0.1),
            (0.75, 0.2),
            (0.85, 0.5),
            (0.75, 0.8),
            (0.5, 0.9),
            (0.25, 0.8),
            (0.15, 0.5),
            (0.25, 0.2),
            (0.5, 0.1),
        ]],
        &[&[(0.35, 0.3), (0.5, 0.1), (0.5, 0.9)]],
        &[&[
            (0.25, 0.3),
            (0.4, 0.12),
            (0.65, 0.12),
            (0.75, 0.3),
            (0.25, 0.88),
            (0.78, 0.88),
        ]],
        &[&[
            (0.25, 0.12),
            (0.75, 0.12),
            (0.45, 0.45),
            (0.75, 0.65),
            (0.55, 0.88),
            (0.25, 0.82),
        ]],
        &[&[(0.65, 0.9), (0.65, 0.1), (0.22, 0.62), (0.82, 0.62)]],
        &[&[
            (0.75, 0.12),
            (0.3, 0.12),
            (0.28, 0.45),
            (0.65, 0.45),
            (0.75, 0.66),
            (0.6, 0.88),
            (0.25, 0.86),
        ]],
        &[&[
            (0.7, 0.12),
            (0.35, 0.45),
            (0.3, 0.75),
            (0.5, 0.88),
            (0.7, 0.72),
            (0.6, 0.52),
            (0.33, 0.56),
        ]],
        &[&[(0.22, 0.12), (0.78, 0.12), (0.4, 0.9)]],
        &[
            &[
                (0.5, 0.1),
                (0.7, 0.18),
                (0.72, 0.32),
                (0.5, 0.48),
                (0.28, 0.32),
                (0.3, 0.18),
                (0.5, 0.1),
            ],
            &[
                (0.5, 0.48),
                (0.75, 0.6),
                (0.78, 0.78),
                (0.5, 0.9),
                (0.22, 0.78),
                (0.25, 0.6),
                (0.5, 0.48),
            ],
        ],
        &[&[
            (0.7, 0.45),
            (0.42, 0.5),
            (0.28, 0.3),
            (0.5, 0.12),
            (0.72, 0.28),
            (0.7, 0.45),
            (0.6, 0.9),
        ]],
    ];
    let n = 2000;
    let mut rng = Mulberry32::new(3001);
    let order = permutation(n, &mut rng);
    let (mut x, mut y) = (Vec::with_capacity(n * 784), Vec::with_capacity(n));
    for &o in &order {
        let label = o % 10;
        y.push(label as f32);
        let scale = 0.85 + 0.3 * rng.next_f64();
        let t = (rng.next_f64() - 0.5) * 0.3;
        let tx = (rng.next_f64() - 0.5) * 4.0;
        let ty = (rng.next_f64() - 0.5) * 4.0;
        let thick = 1.5 + rng.next_f64();
        let c = (1.0 - t * t) / (1.0 + t * t);
        let s = (2.0 * t) / (1.0 + t * t);
        let mut segs = Vec::new();
        for line in T[label] {
            let pts: Vec<(f64, f64)> = line
                .iter()
                .map(|&(u, v)| {
                    let (px, py) = ((u - 0.5) * 20.0, (v - 0.5) * 20.0);
                    (
                        14.0 + scale * (c * px - s * py) + tx,
                        14.0 + scale * (s * px + c * py) + ty,
                    )
                })
                .collect();
            segs.extend(pts.windows(2).map(|w| (w[0], w[1])));
        }
        for r in 0..28 {
            for col in 0..28 {
                let (qx, qy) = (col as f64 + 0.5, r as f64 + 0.5);
                let mut best = f64::INFINITY;
                for &((ax, ay), (bx, by)) in &segs {
                    let (abx, aby) = (bx - ax, by - ay);
                    let (apx, apy) = (qx - ax, qy - ay);
                    let len2 = abx * abx + aby * aby;
                    let u = if len2 > 0.0 {
                        (apx * abx + apy * aby) / len2
                    } else {
                        0.0
                    };
                    let u = u.clamp(0.0, 1.0);
                    let (dx, dy) = (apx - u * abx, apy - u * aby);
                    best = best.min(dx * dx + dy * dy);
                }
                let v = (thick / 2.0 + 0.5 - best.sqrt()).clamp(0.0, 1.0);
                let v = (v + (rng.next_f64() - 0.5) * 0.2).clamp(0.0, 1.0);
                // Math.round: halves go up.
                let byte = (v * 255.0 + 0.5).floor();
                x.push((byte / 255.0) as f32);
            }
        }
    }
    (x, y)
}

pub fn mnist_init() -> Vec<f32> {
    init(
        3002,
        false,
        &[
            &[5, 5, 1, 8],
            &[8],
            &[5, 5, 8, 16],
            &[16],
            &[256, 10],
            &[10],
        ],
    )
}

pub fn sine_init() -> Vec<f32> {
    init(5002, false, &[&[1, 16], &[16, 16], &[16], &[16, 1], &[1]])
}

pub fn playground_init() -> Vec<f32> {
    init(1002, true, &[&[2, 8], &[8], &[8, 8], &[8], &[8, 1], &[1]])
}

pub fn digits_init() -> Vec<f32> {
    init(2002, false, &[&[64, 32], &[32], &[32, 10], &[10]])
}
