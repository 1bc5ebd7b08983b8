//! The one matrix-multiply kernel the dense, convolution and recurrent
//! layers share:
//!
//!   C[m×n] = A[m×k]·B[k×n]   (or C += A·B with `accumulate`)
//!
//! all row-major with leading dimensions (`lda`, `ldb`, `ldc`, in elements),
//! so sub-matrices and strided rows can be passed without copying. Two
//! variants read one operand transposed, for the backward passes:
//! `gemm_tn` (C = Aᵀ·B, weight gradients xᵀ·dy) and `gemm_nt` (C = A·Bᵀ,
//! input gradients dy·Wᵀ).
//!
//! Blocking: C is computed in MR×NR register tiles (4×8 here). A tile's
//! accumulators live in registers for the whole sum over k; each k step loads
//! NR contiguous values of one B row (two f32x4 vectors) and broadcasts MR
//! values of A (`v128.load32_splat` in wasm), i.e. 2 + 4 loads for 32
//! multiply-adds. The tile loops have constant bounds, so LLVM unrolls them
//! and vectorises the NR dimension (`+simd128` in wasm, SSE natively)
//! without intrinsics. k is split into blocks of KC so a B panel (KC×NR)
//! stays in L1 while every MR-row block of A sweeps over it. Columns left
//! over after the NR tiles use a 4-wide tile, then (2 or 3 of them) a
//! 4-wide tile over a zero-padded copy, or (1) a scalar one; rows left over
//! use 1-row tiles. `gemm_nt` copies each KC×NR panel of Bᵀ into a
//! stack buffer first (B's columns are strided), then runs the same tiles.
//!
//! The tile indexes through raw pointers: with slice indexing, the bounds
//! checks left in the innermost loop cost 25-50% of the kernel's speed in
//! V8 (measured on the conv shapes). The driver asserts once, up front, that
//! every index the tiles touch is inside its slice; that is the whole
//! safety argument, and the tests compare all three products against a
//! naive one on odd shapes and strides.
//!
//! No allocation: the kernel reads and writes only the slices it is given
//! (and `gemm_nt` its 8 KiB on the stack).

const MR: usize = 4;
const NR: usize = 8;
const KC: usize = 256;

/// C = A·B (or C += A·B with `accumulate`), row-major with leading dims.
///
/// Panics unless A holds m rows of k (stride `lda`), B k rows of n (stride
/// `ldb`) and C m rows of n (stride `ldc`).
#[allow(clippy::too_many_arguments)]
pub fn gemm(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
) {
    driver::<false, false>(m, n, k, a, lda, b, ldb, None, c, ldc, accumulate);
}

/// C = A·B + 1·biasᵀ: every row of C starts as `bias` (n values), as a
/// dense layer's x·W + b. The tiles start from the bias instead of zero, so
/// C is written once (no per-row copy of the bias first).
#[allow(clippy::too_many_arguments)]
pub fn gemm_bias(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    bias: &[f32],
    c: &mut [f32],
    ldc: usize,
) {
    assert!(bias.len() >= n, "gemm: bias is too short");
    driver::<false, false>(m, n, k, a, lda, b, ldb, Some(bias), c, ldc, false);
}

/// C = Aᵀ·B (or C += Aᵀ·B), A stored as k rows of m (stride `lda`): e.g. a
/// weight gradient xᵀ·dy from x `[rows, in]` and dy `[rows, out]` without
/// transposing x. The tile reads A(i, p) = a[p·lda + i]: its MR values for
/// one p are contiguous, so it runs as fast as `gemm`.
#[allow(clippy::too_many_arguments)]
pub fn gemm_tn(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
) {
    driver::<true, false>(m, n, k, a, lda, b, ldb, None, c, ldc, accumulate);
}

/// C = A·Bᵀ (or C += A·Bᵀ), B stored as n rows of k (stride `ldb`): e.g.
/// an input gradient dy·Wᵀ from W `[in, out]`. B(p, j) = b[j·ldb + p] is
/// strided along j, so each KC×NR panel of Bᵀ is first packed (transposed)
/// into a buffer on the stack, 8 KiB, and the `gemm` tiles run on that.
#[allow(clippy::too_many_arguments)]
pub fn gemm_nt(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
) {
    driver::<false, true>(m, n, k, a, lda, b, ldb, None, c, ldc, accumulate);
}

/// The products: `TA` reads A transposed, `TB` B transposed; with a bias
/// (and not `accumulate`) C starts from it instead of zero.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn driver<const TA: bool, const TB: bool>(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
) {
    if m == 0 || n == 0 {
        return;
    }
    assert!(c.len() >= (m - 1) * ldc + n, "gemm: C is too short");
    if k == 0 {
        if !accumulate {
            for i in 0..m {
                match bias {
                    Some(bias) => c[i * ldc..i * ldc + n].copy_from_slice(&bias[..n]),
                    None => c[i * ldc..i * ldc + n].fill(0.0),
                }
            }
        }
        return;
    }
    let a_len = if TA {
        (k - 1) * lda + m
    } else {
        (m - 1) * lda + k
    };
    let b_len = if TB {
        (n - 1) * ldb + k
    } else {
        (k - 1) * ldb + n
    };
    assert!(a.len() >= a_len, "gemm: A is too short");
    assert!(b.len() >= b_len, "gemm: B is too short");
    // Bᵀ panels, packed as KC rows of NR (only `gemm_nt` uses it; every
    // value a tile reads is written first, so it needs no initialising).
    let mut pack = [std::mem::MaybeUninit::<f32>::uninit(); KC * NR];
    let (ap, bp, cp) = (a.as_ptr(), b.as_ptr(), c.as_mut_ptr());
    let mut p0 = 0;
    while p0 < k {
        let kc = KC.min(k - p0);
        let acc = accumulate || p0 > 0;
        // B(p0, j0).. with the bias's j0.. when C starts from it.
        let bias_at = |j0: usize| match bias {
            Some(bias) if !acc => bias[j0..].as_ptr(),
            _ => std::ptr::null(),
        };
        // A(0, p0), and B(p0, j0) with its row stride (for TB: in `pack`).
        let a0 = if TA {
            ap.wrapping_add(p0 * lda)
        } else {
            ap.wrapping_add(p0)
        };
        let b_at = |j0: usize, w: usize, pack: &mut [std::mem::MaybeUninit<f32>]| {
            if TB {
                for j in 0..w {
                    let src = &b[(j0 + j) * ldb + p0..][..kc];
                    for (p, &v) in src.iter().enumerate() {
                        pack[p * w + j].write(v);
                    }
                }
                (pack.as_ptr() as *const f32, w)
            } else {
                (bp.wrapping_add(p0 * ldb + j0), ldb)
            }
        };
        let mut j0 = 0;
        // SAFETY (all three calls): the tiles read A(i, p0..p0 + kc) for
        // i < m, B(p0..p0 + kc, j) (or its packed copy, all of whose kc×W
        // values were just written), bias[j] and write C[i, j] for j < n,
        // all inside the lengths asserted above; C is a distinct `&mut`
        // borrow.
        while j0 + NR <= n {
            let (b0, ldb0) = b_at(j0, NR, &mut pack);
            let c0 = cp.wrapping_add(j0);
            unsafe { panel::<TA, NR>(m, kc, a0, lda, b0, ldb0, bias_at(j0), c0, ldc, acc) };
            j0 += NR;
        }
        if j0 + 4 <= n {
            let (b0, ldb0) = b_at(j0, 4, &mut pack);
            let c0 = cp.wrapping_add(j0);
            unsafe { panel::<TA, 4>(m, kc, a0, lda, b0, ldb0, bias_at(j0), c0, ldc, acc) };
            j0 += 4;
        }
        if n - j0 >= 2 {
            // 2 or 3 columns left: a 4-wide tile over a zero-padded copy of
            // them (a quarter to a half of it wasted, but 2-3× faster than
            // as many scalar tiles; W2's 10-class output layer is 8 + 2).
            let rem = n - j0;
            for p in 0..kc {
                for j in 0..4 {
                    let v = if j >= rem {
                        0.0
                    } else if TB {
                        b[(j0 + j) * ldb + p0 + p]
                    } else {
                        b[(p0 + p) * ldb + j0 + j]
                    };
                    pack[p * 4 + j].write(v);
                }
            }
            let mut bias4 = [0.0f32; 4];
            let bias0 = match bias {
                Some(bias) if !acc => {
                    bias4[..rem].copy_from_slice(&bias[j0..n]);
                    bias4.as_ptr()
                }
                _ => std::ptr::null(),
            };
            let (b0, c0) = (pack.as_ptr() as *const f32, cp.wrapping_add(j0));
            unsafe { edge_panel::<TA>(m, kc, a0, lda, b0, bias0, c0, ldc, rem, acc) };
            j0 = n;
        }
        if j0 < n {
            let (b0, ldb0) = b_at(j0, 1, &mut pack);
            let c0 = cp.wrapping_add(j0);
            unsafe { panel::<TA, 1>(m, kc, a0, lda, b0, ldb0, bias_at(j0), c0, ldc, acc) };
        }
        p0 += kc;
    }
}

/// Columns 0..W of C (from `c`), every row, over kc values of k.
///
/// # Safety
/// A(i, p) for i < m, p < kc (at a[i·lda + p], or a[p·lda + i] with `TA`),
/// B(p, j) = b[p·ldb + j], C(i, j) = c[i·ldc + j] and (unless null)
/// bias[j] for j < W must be valid (C for writing).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
unsafe fn panel<const TA: bool, const W: usize>(
    m: usize,
    kc: usize,
    a: *const f32,
    lda: usize,
    b: *const f32,
    ldb: usize,
    bias: *const f32,
    c: *mut f32,
    ldc: usize,
    acc: bool,
) {
    let a_row = |i: usize| if TA { a.add(i) } else { a.add(i * lda) };
    let mut i0 = 0;
    while i0 + MR <= m {
        tile::<TA, MR, W>(kc, a_row(i0), lda, b, ldb, bias, c.add(i0 * ldc), ldc, acc);
        i0 += MR;
    }
    while i0 < m {
        tile::<TA, 1, W>(kc, a_row(i0), lda, b, ldb, bias, c.add(i0 * ldc), ldc, acc);
        i0 += 1;
    }
}

/// Columns 0..rem (2 or 3) of C, every row, over kc values of k, as 4-wide
/// tiles into a buffer on the stack whose first `rem` columns go to C.
///
/// # Safety
/// As `panel` for W = 4, except that C(i, j) only for j < rem; `b` (and
/// the bias unless null) hold 4 columns.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
unsafe fn edge_panel<const TA: bool>(
    m: usize,
    kc: usize,
    a: *const f32,
    lda: usize,
    b: *const f32,
    bias: *const f32,
    c: *mut f32,
    ldc: usize,
    rem: usize,
    acc: bool,
) {
    let a_row = |i: usize| if TA { a.add(i) } else { a.add(i * lda) };
    let mut i0 = 0;
    while i0 < m {
        let rows = if i0 + MR <= m { MR } else { 1 };
        let mut t = [0.0f32; MR * 4];
        let ci = c.add(i0 * ldc);
        if acc {
            for r in 0..rows {
                for j in 0..rem {
                    t[r * 4 + j] = *ci.add(r * ldc + j);
                }
            }
        }
        let (ai, tp) = (a_row(i0), t.as_mut_ptr());
        if rows == MR {
            tile::<TA, MR, 4>(kc, ai, lda, b, 4, bias, tp, 4, acc);
        } else {
            tile::<TA, 1, 4>(kc, ai, lda, b, 4, bias, tp, 4, acc);
        }
        for r in 0..rows {
            for j in 0..rem {
                *ci.add(r * ldc + j) = t[r * 4 + j];
            }
        }
        i0 += rows;
    }
}

/// The register tile: C[0..R, 0..W] (+)= A[0..R, 0..k]·B[0..k, 0..W].
///
/// # Safety
/// a[r·lda + p] (with `TA`: a[p·lda + r]), b[p·ldb + j], c[r·ldc + j]
/// and (unless null) bias[j] for r < R, p < k, j < W must be valid (c for
/// writing). C starts from c with `acc_in`, else from the bias if any,
/// else from zero.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
unsafe fn tile<const TA: bool, const R: usize, const W: usize>(
    k: usize,
    a: *const f32,
    lda: usize,
    b: *const f32,
    ldb: usize,
    bias: *const f32,
    c: *mut f32,
    ldc: usize,
    acc_in: bool,
) {
    let mut t = [[0.0f32; W]; R];
    if acc_in {
        for (r, tr) in t.iter_mut().enumerate() {
            for (j, v) in tr.iter_mut().enumerate() {
                *v = *c.add(r * ldc + j);
            }
        }
    } else if !bias.is_null() {
        for tr in t.iter_mut() {
            for (j, v) in tr.iter_mut().enumerate() {
                *v = *bias.add(j);
            }
        }
    }
    let mut brow = b;
    for p in 0..k {
        for (r, tr) in t.iter_mut().enumerate() {
            let av = if TA {
                *a.add(p * lda + r)
            } else {
                *a.add(r * lda + p)
            };
            for (j, v) in tr.iter_mut().enumerate() {
                *v += av * *brow.add(j);
            }
        }
        brow = brow.wrapping_add(ldb); // past the end only after the last row
    }
    for (r, tr) in t.iter().enumerate() {
        for (j, &v) in tr.iter().enumerate() {
            *c.add(r * ldc + j) = v;
        }
    }
}

/// Naive reference, for tests.
#[cfg(test)]
#[allow(clippy::too_many_arguments)]
pub fn gemm_naive(
    m: usize,
    n: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
) {
    for i in 0..m {
        for j in 0..n {
            let mut s = if accumulate {
                c[i * ldc + j] as f64
            } else {
                0.0
            };
            for p in 0..k {
                s += a[i * lda + p] as f64 * b[p * ldb + j] as f64;
            }
            c[i * ldc + j] = s as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng;

    fn random(r: &mut rng::Rng, n: usize) -> Vec<f32> {
        (0..n).map(|_| rng::uniform(r, -1.0, 1.0)).collect()
    }

    const SHAPES: &[(usize, usize, usize)] = &[
        (1, 1, 1),
        (4, 8, 3),
        (5, 13, 7),
        (8, 196, 200),
        (25, 8, 300),
        (3, 4, 600),
        (9, 21, 1),
        (10, 1, 8),
        (32, 10, 32),
        (17, 12, 257),
        (6, 7, 5),
        (5, 11, 300),
        (2, 2, 4),
        (7, 3, 9),
    ];

    fn close(x: &[f32], y: &[f32], what: &str) {
        for (i, (x, y)) in x.iter().zip(y).enumerate() {
            assert!(
                (x - y).abs() <= 1e-4 * (1.0 + y.abs()),
                "{what} at {i}: {x} vs {y}"
            );
        }
    }

    #[test]
    fn gemm_matches_naive_on_odd_shapes_and_strides() {
        let mut r = rng::seeded(11);
        for &(m, n, k) in SHAPES {
            let (lda, ldb, ldc) = (k + 2, n + 3, n + 1);
            let a = random(&mut r, m * lda);
            let b = random(&mut r, k * ldb);
            let c0 = random(&mut r, m * ldc);
            for accumulate in [false, true] {
                let mut c1 = c0.clone();
                let mut c2 = c0.clone();
                gemm(m, n, k, &a, lda, &b, ldb, &mut c1, ldc, accumulate);
                gemm_naive(m, n, k, &a, lda, &b, ldb, &mut c2, ldc, accumulate);
                close(&c1, &c2, &format!("{m}×{n}×{k} acc={accumulate}"));
            }
        }
    }

    #[test]
    fn gemm_bias_starts_every_row_from_the_bias() {
        let mut r = rng::seeded(13);
        for &(m, n, k) in SHAPES.iter().chain(&[(3, 5, 0)]) {
            let (lda, ldb, ldc) = (k + 1, n + 2, n + 3);
            let a = random(&mut r, m * lda);
            let b = random(&mut r, k * ldb);
            let bias = random(&mut r, n);
            let c0 = random(&mut r, m * ldc);
            let mut want = c0.clone();
            for i in 0..m {
                want[i * ldc..i * ldc + n].copy_from_slice(&bias);
            }
            gemm_naive(m, n, k, &a, lda, &b, ldb, &mut want, ldc, true);
            let mut c = c0.clone();
            gemm_bias(m, n, k, &a, lda, &b, ldb, &bias, &mut c, ldc);
            close(&c, &want, &format!("bias {m}×{n}×{k}"));
        }
    }

    /// The transposed variants against the naive product of explicitly
    /// transposed copies; strides wider than the rows, C's padding kept.
    #[test]
    fn transposed_variants_match_naive_on_odd_shapes_and_strides() {
        let mut r = rng::seeded(12);
        for &(m, n, k) in SHAPES {
            let (ldc, ldt) = (n + 1, 2);
            // A as k rows of m (stride m + ldt), B as n rows of k (k + ldt).
            let at = random(&mut r, k * (m + ldt));
            let bt = random(&mut r, n * (k + ldt));
            let a: Vec<f32> = (0..m * k)
                .map(|x| at[(x % k) * (m + ldt) + x / k])
                .collect(); // [m, k]
            let b: Vec<f32> = (0..k * n)
                .map(|x| bt[(x % n) * (k + ldt) + x / n])
                .collect(); // [k, n]
            let c0 = random(&mut r, m * ldc);
            for accumulate in [false, true] {
                let what = format!("{m}×{n}×{k} acc={accumulate}");
                let mut want = c0.clone();
                gemm_naive(m, n, k, &a, k, &b, n, &mut want, ldc, accumulate);
                let mut c = c0.clone();
                gemm_tn(m, n, k, &at, m + ldt, &b, n, &mut c, ldc, accumulate);
                close(&c, &want, &format!("tn {what}"));
                let mut c = c0.clone();
                gemm_nt(m, n, k, &a, k, &bt, k + ldt, &mut c, ldc, accumulate);
                close(&c, &want, &format!("nt {what}"));
            }
        }
    }

    #[test]
    #[should_panic(expected = "B is too short")]
    fn transposed_b_too_short_panics() {
        let mut c = [0.0; 6];
        // B must hold n = 3 rows of k = 2: 6 values.
        gemm_nt(2, 3, 2, &[0.0; 4], 2, &[0.0; 5], 2, &mut c, 3, false);
    }
}
