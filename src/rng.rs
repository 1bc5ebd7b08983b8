//! Seeded randomness. Every random choice (data, split, init, shuffles,
//! dropout) draws from an explicitly passed `Rng`, so a run can be replayed.

use rand::{Rng as _, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// ChaCha8: portable across platforms and versions of `rand_chacha`, so the
/// same seed gives the same data natively and in the browser.
pub type Rng = ChaCha8Rng;

pub fn seeded(seed: u64) -> Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A child generator for one purpose (data, init, shuffling), so that, e.g.,
/// changing the batch size does not change the generated data.
pub fn derive(seed: u64, stream: u64) -> Rng {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    r.set_stream(stream);
    r
}

/// Uniform in [lo, hi).
pub fn uniform(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.random::<f32>()
}

/// Standard normal by Box–Muller (no extra crate needed for one formula).
pub fn normal(rng: &mut Rng) -> f32 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // (0, 1]: ln is finite
    let u2: f64 = rng.random::<f64>();
    ((-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()) as f32
}

/// Fisher–Yates shuffle in place.
pub fn shuffle<T>(rng: &mut Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = rng.random_range(0..=i);
        v.swap(i, j);
    }
}

/// Index in 0..n.
pub fn below(rng: &mut Rng, n: usize) -> usize {
    rng.random_range(0..n)
}

/// mulberry32, the 32-bit PRNG of the peer benchmark (its README gives the
/// test vector), so Descent can regenerate the benchmark's data bit for bit.
pub struct Mulberry32(u32);

impl Mulberry32 {
    pub fn new(seed: u32) -> Self {
        Mulberry32(seed)
    }
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let s = self.0;
        let mut t = (s ^ (s >> 15)).wrapping_mul(s | 1);
        t = (t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61))) ^ t;
        ((t ^ (t >> 14)) as f64) / 4294967296.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mulberry32_matches_the_benchmark_test_vector() {
        let mut m = Mulberry32::new(42);
        let want = [0.6011037519201636, 0.44829055899754167, 0.8524657934904099];
        for w in want {
            assert_eq!(m.next_f64(), w);
        }
    }

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<f32> = (0..5)
            .map(|_| 0.0)
            .scan(seeded(7), |r, _| Some(normal(r)))
            .collect();
        let b: Vec<f32> = (0..5)
            .map(|_| 0.0)
            .scan(seeded(7), |r, _| Some(normal(r)))
            .collect();
        assert_eq!(a, b);
        let c: Vec<f32> = (0..5)
            .map(|_| 0.0)
            .scan(derive(7, 1), |r, _| Some(normal(r)))
            .collect();
        assert_ne!(a, c);
    }
}
