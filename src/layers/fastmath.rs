//! Branch-free `tanh` and `exp` for f32, written so LLVM can vectorise a
//! loop over a slice into f32x4 (`+simd128` in wasm, SSE natively).
//!
//! Why: `f32::tanh` and `f32::exp` are calls, per value, to libm's `tanhf`
//! / `expm1f` / `expf` (compiler-builtins' port in wasm, glibc natively),
//! with branches on the argument's range; no loop calling them vectorises.
//! In the benchmark's wasm profiles `tanhf` + `expm1f` were 42% of W1
//! (2-8-8-1 tanh MLP) and 37% of W5 (SimpleRNN), `expf` 13% of W2.
//!
//! Only multiply, add, divide, integer bit operations and compare-and-select
//! are used: no `f32::max`/`min`/`round`/`clamp` (in wasm those are calls
//! to `fmaxf` & co. or `roundf`, not instructions). Rust never contracts
//! `a * b + c` into an FMA, so the results are the same bits natively and
//! in wasm, and the error bounds below (checked by the tests) hold for both.

/// |x| beyond which tanh is ±1 to within the approximation's error
/// (1 − tanh 9 = 3.0e-8, a quarter of f32's spacing just below 1).
const TANH_CLAMP: f32 = 9.0;

// tanh(x) ≈ x·P(x²)/Q(x²) on [−9, 9]. Coefficients of P (x⁰..x¹², even
// powers) and Q (x⁰..x⁶), p₀ = q₀ = 1 so tanh'(0) = 1 exactly: a minimax
// fit of the rational in f64 (linearised least squares with Lawson
// reweighting over 3,000 Chebyshev nodes of [0, 9]), whose own max error is
// 6.5e-9, far below f32 rounding.
const TP1: f32 = 1.308_341_8e-1;
const TP2: f32 = 3.103_300_5e-3;
const TP3: f32 = 1.114_767_7e-5;
const TP4: f32 = -2.019_987_4e-8;
const TP5: f32 = 5.266_633e-11;
const TP6: f32 = -8.461_952_7e-14;
const TQ1: f32 = 4.641_674_5e-1;
const TQ2: f32 = 2.449_254_9e-2;
const TQ3: f32 = 2.545_203e-4;

/// tanh(x), as an odd rational function of the clamped argument:
///
/// ```text
/// c = clamp(x, −9, 9),  s = c²
/// tanh(x) ≈ c·(1 + p₁s + p₂s² + … + p₆s⁶) / (1 + q₁s + q₂s² + q₃s³)
/// ```
///
/// then clamped to [−1, 1]. Max absolute error 3.5e-7 over every f32 (the
/// rational's own error is 6.5e-9; the rest is f32 rounding in Horner's
/// scheme): checked against f64 tanh on a dense sweep of [−20, 20] (bound
/// 4e-7) by the tests, and on every f32 below 10 by an ignored one. |tanh(x)| ≤ 1 always; ±∞ → ±1, NaN → NaN (the compare-and-select
/// clamps pass NaN through), −0 → −0.
#[inline(always)]
pub fn tanh(x: f32) -> f32 {
    let c = min_nan(x, TANH_CLAMP);
    let c = max_nan(c, -TANH_CLAMP);
    let s = c * c;
    let p = c * (1.0 + s * (TP1 + s * (TP2 + s * (TP3 + s * (TP4 + s * (TP5 + s * TP6))))));
    let q = 1.0 + s * (TQ1 + s * (TQ2 + s * TQ3));
    max_nan(min_nan(p / q, 1.0), -1.0)
}

/// y = tanh(x) element-wise (the loop vectorises).
#[inline]
pub fn tanh_slice(x: &[f32], y: &mut [f32]) {
    y.iter_mut().zip(x).for_each(|(y, &x)| *y = tanh(x));
}

/// v = tanh(v) element-wise, in place.
#[inline]
pub fn tanh_in_place(v: &mut [f32]) {
    v.iter_mut().for_each(|v| *v = tanh(*v));
}

// exp: x = n·ln 2 + r with n = round(x/ln 2), |r| ≤ ln 2 / 2, e^x = 2ⁿ·e^r.
const LOG2E: f32 = std::f32::consts::LOG2_E;
/// ln 2 split Cody-Waite style: LN2_HI has 9 significant bits, so n·LN2_HI
/// is exact for |n| < 2¹⁵ and r loses nothing to cancellation.
const LN2_HI: f32 = 0.693_359_4; // 355/512 exactly
const LN2_LO: f32 = -2.121_944_4e-4; // ln 2 − 355/512
/// 1.5·2²³: adding it rounds to an integer (ties to even) and leaves that
/// integer in the low mantissa bits; valid for |v| < 2²².
const ROUND_MAGIC: f32 = 12_582_912.0;
/// Above this e^x overflows to +∞ anyway (ln f32::MAX = 88.72); below the
/// low one it is 0 (e^−110 is under half the smallest subnormal). The
/// clamps keep n within what the two-factor 2ⁿ below can build.
const EXP_HI: f32 = 89.0;
const EXP_LO: f32 = -110.0;
// e^r ≈ 1 + r + r²(c₂ + c₃r + c₄r² + c₅r³ + c₆r⁴) on |r| ≤ ln 2 / 2: a
// minimax fit of the relative error in f64 (as for tanh), own max relative
// error 3.0e-9.
const EC2: f32 = 4.999_999_4e-1;
const EC3: f32 = 1.666_652_1e-1;
const EC4: f32 = 4.166_838_5e-2;
const EC5: f32 = 8.368_681e-3;
const EC6: f32 = 1.381_467_4e-3;

/// e^x by range reduction and a polynomial:
///
/// ```text
/// n = round(x·log₂e),  r = (x − n·ln2_hi) − n·ln2_lo
/// e^x ≈ (1 + r + r²·(c₂ + c₃r + c₄r² + c₅r³ + c₆r⁴)) · 2^⌊n/2⌋ · 2^(n − ⌊n/2⌋)
/// ```
///
/// 2ⁿ is built from exponent bits in two factors so results down into the
/// subnormals and up to f32::MAX come out right. Max relative error below
/// 1.5e-7 (1.2e-7 measured, about one f32 ulp) for results in the normal
/// range, checked against f64 exp by a dense sweep of [−87, 88.7] in the
/// tests; +∞ → +∞ (and overflow past 88.72 gives +∞),
/// −∞ → 0, NaN → NaN.
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    let c = max_nan(min_nan(x, EXP_HI), EXP_LO);
    let t = c * LOG2E + ROUND_MAGIC;
    let n = (t.to_bits() as i32).wrapping_sub(ROUND_MAGIC.to_bits() as i32);
    let nf = t - ROUND_MAGIC;
    let r = (c - nf * LN2_HI) - nf * LN2_LO;
    let p = 1.0 + r + r * r * (EC2 + r * (EC3 + r * (EC4 + r * (EC5 + r * EC6))));
    let n1 = n >> 1;
    let n2 = n.wrapping_sub(n1);
    let s1 = f32::from_bits((n1.wrapping_add(127) << 23) as u32);
    let s2 = f32::from_bits((n2.wrapping_add(127) << 23) as u32);
    p * s1 * s2
}

/// `if b < a { b } else { a }`: the smaller, or `a` if either is NaN. One
/// select, which LLVM emits as wasm's `f32x4.pmin` (x86 `minps`) in a
/// vectorised loop; `f32::min` is a call to `fminf` in wasm.
#[inline(always)]
pub fn min_nan(a: f32, b: f32) -> f32 {
    if b < a {
        b
    } else {
        a
    }
}

/// `if a < b { b } else { a }`: the larger, or `a` if either is NaN
/// (`f32x4.pmax`).
#[inline(always)]
pub fn max_nan(a: f32, b: f32) -> f32 {
    if a < b {
        b
    } else {
        a
    }
}

/// The logistic function 1/(1 + e⁻ˣ), from e^−|x| so no exp overflows:
/// σ(x) = s for x ≥ 0 and e·s for x < 0, with e = e^−|x|, s = 1/(1 + e).
/// NaN → NaN, ±∞ → 1 / 0.
#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    let e = exp(-x.abs());
    let s = 1.0 / (1.0 + e);
    if x >= 0.0 {
        s
    } else {
        e * s
    }
}

/// The largest value of a slice by compare-and-select (not `f32::max`,
/// which is a call to `fmaxf` in wasm); NaNs are skipped, −∞ if empty.
#[inline]
pub fn max(v: &[f32]) -> f32 {
    v.iter()
        .fold(f32::NEG_INFINITY, |m, &x| if x > m { x } else { m })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `step`-th f32 bit pattern of [lo, hi] (plus the ends).
    fn sweep(lo: f32, hi: f32, n: usize) -> impl Iterator<Item = f32> {
        let (a, b) = (lo as f64, hi as f64);
        (0..=n).map(move |i| (a + (b - a) * i as f64 / n as f64) as f32)
    }

    #[test]
    fn tanh_is_within_4e7_of_f64_tanh_on_a_dense_sweep() {
        let mut worst = (0.0f64, 0.0f32);
        // 4M points of [−20, 20] (spacing 1e-5), plus small magnitudes.
        let small = (1..2000).flat_map(|i| {
            let v = 1e-30f32 * 1.05f32.powi(i);
            [v, -v]
        });
        for x in sweep(-20.0, 20.0, 4_000_000).chain(small) {
            let y = tanh(x);
            let e = (y as f64 - (x as f64).tanh()).abs();
            assert!(y.abs() <= 1.0, "tanh({x}) = {y}");
            if e > worst.0 {
                worst = (e, x);
            }
        }
        eprintln!("tanh: max abs error {:e} at {}", worst.0, worst.1);
        assert!(worst.0 < 4e-7, "max error {} at {}", worst.0, worst.1);
        // The odd symmetry is exact, and small values keep their precision.
        for x in sweep(0.0, 10.0, 100_000) {
            assert_eq!(tanh(-x).to_bits(), (-tanh(x)).to_bits());
        }
        for x in [1e-3f32, 1e-6, 1e-20, f32::MIN_POSITIVE] {
            let want = (x as f64).tanh();
            let rel = ((tanh(x) as f64 - want) / want).abs();
            assert!(rel < 3e-7, "tanh({x}) = {} (rel err {rel})", tanh(x));
        }
    }

    /// Every f32 in [0, 10) (about 1.1e9 values; tanh is odd): `cargo test
    /// --release --lib fastmath -- --ignored`.
    #[test]
    #[ignore]
    fn tanh_error_bound_holds_for_every_f32_below_10() {
        let (mut worst, mut at) = (0.0f64, 0.0f32);
        for bits in 0..10.0f32.to_bits() {
            let x = f32::from_bits(bits);
            let e = (tanh(x) as f64 - (x as f64).tanh()).abs();
            if e > worst {
                (worst, at) = (e, x);
            }
        }
        eprintln!("tanh: max abs error over every f32 in [0, 10): {worst:e} at {at}");
        assert!(worst < 4e-7);
    }

    #[test]
    fn tanh_edge_values() {
        assert_eq!(tanh(f32::INFINITY), 1.0);
        assert_eq!(tanh(f32::NEG_INFINITY), -1.0);
        assert_eq!(tanh(f32::MAX), 1.0);
        assert_eq!(tanh(-f32::MAX), -1.0);
        assert_eq!(tanh(9.0), 1.0);
        assert!(tanh(f32::NAN).is_nan());
        assert!(tanh(-f32::NAN).is_nan());
        assert_eq!(tanh(0.0).to_bits(), 0.0f32.to_bits());
        assert_eq!(tanh(-0.0).to_bits(), (-0.0f32).to_bits());
        let mut v = [f32::NAN, 0.5, f32::INFINITY, -3.0];
        tanh_in_place(&mut v);
        assert!(v[0].is_nan() && v[2] == 1.0);
        assert!((v[1] - 0.5f32.tanh()).abs() < 4e-7 && (v[3] - (-3.0f32).tanh()).abs() < 4e-7);
    }

    #[test]
    fn exp_is_within_1_5e7_relative_of_f64_exp() {
        let mut worst = (0.0f64, 0.0f32);
        for x in sweep(-87.0, 88.7, 4_000_000).chain(sweep(-1.0, 1.0, 1_000_000)) {
            let want = (x as f64).exp();
            let e = ((exp(x) as f64 - want) / want).abs();
            if e > worst.0 {
                worst = (e, x);
            }
        }
        eprintln!("exp: max rel error {:e} at {}", worst.0, worst.1);
        assert!(worst.0 < 1.5e-7, "max rel error {} at {}", worst.0, worst.1);
        // Subnormal results: within an ulp of the smallest subnormal.
        for x in sweep(-103.0, -87.5, 10_000) {
            let want = (x as f64).exp();
            assert!(
                (exp(x) as f64 - want).abs() <= 1.5e-45 + 1.5e-7 * want,
                "{x}"
            );
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(LN2_HI, 355.0 / 512.0);
    }

    #[test]
    fn exp_edge_values() {
        assert_eq!(exp(f32::INFINITY), f32::INFINITY);
        assert_eq!(exp(89.0), f32::INFINITY);
        assert_eq!(exp(f32::MAX), f32::INFINITY);
        assert!(exp(88.7) < f32::INFINITY);
        assert_eq!(exp(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp(-f32::MAX), 0.0);
        assert_eq!(exp(-110.0), 0.0);
        assert!(exp(f32::NAN).is_nan());
    }

    #[test]
    fn sigmoid_and_max() {
        for x in sweep(-30.0, 30.0, 100_000) {
            let want = 1.0 / (1.0 + (-(x as f64)).exp());
            assert!((sigmoid(x) as f64 - want).abs() < 3e-7, "{x}");
        }
        assert_eq!(sigmoid(f32::INFINITY), 1.0);
        assert_eq!(sigmoid(f32::NEG_INFINITY), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert!(sigmoid(f32::NAN).is_nan());
        assert_eq!(max(&[1.0, f32::NAN, 3.0, -2.0]), 3.0);
        assert_eq!(max(&[]), f32::NEG_INFINITY);
    }
}
