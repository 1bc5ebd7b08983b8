//! The one matrix-multiply kernel the convolution and recurrent layers share:
//!
//!   C[m×n] = A[m×k]·B[k×n]   (or C += A·B with `accumulate`)
//!
//! all row-major with leading dimensions (`lda`, `ldb`, `ldc`, in elements),
//! so sub-matrices and transposed copies can be passed without copying.
//!
//! Blocking: C is computed in MR×NR register tiles (4×8 here). A tile's
//! accumulators live in registers for the whole sum over k; each k step loads
//! NR contiguous values of one B row (two f32x4 vectors) and broadcasts MR
//! values of A (`v128.load32_splat` in wasm), i.e. 2 + 4 loads for 32
//! multiply-adds. The tile loops have constant bounds, so LLVM unrolls them
//! and vectorises the NR dimension (`+simd128` in wasm, SSE natively)
//! without intrinsics. k is split into blocks of KC so a B panel (KC×NR)
//! stays in L1 while every MR-row block of A sweeps over it. Columns left
//! over after the NR tiles use a 4-wide tile, then a scalar one; rows left
//! over use 1-row tiles.
//!
//! The tile indexes through raw pointers: with slice indexing, the bounds
//! checks left in the innermost loop cost 25-50% of the kernel's speed in
//! V8 (measured on the conv shapes). `gemm` asserts once, up front, that
//! every index the tiles touch is inside its slice; that is the whole
//! safety argument, and the tests compare against a naive product on odd
//! shapes and strides.
//!
//! No allocation: the kernel reads and writes only the slices it is given.

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
    if m == 0 || n == 0 {
        return;
    }
    assert!(c.len() >= (m - 1) * ldc + n, "gemm: C is too short");
    if k == 0 {
        if !accumulate {
            for i in 0..m {
                c[i * ldc..i * ldc + n].fill(0.0);
            }
        }
        return;
    }
    assert!(a.len() >= (m - 1) * lda + k, "gemm: A is too short");
    assert!(b.len() >= (k - 1) * ldb + n, "gemm: B is too short");
    let mut p0 = 0;
    while p0 < k {
        let kc = KC.min(k - p0);
        let acc = accumulate || p0 > 0;
        let mut j0 = 0;
        // SAFETY (all three calls): the tiles read A[i, p0..p0 + kc] for
        // i < m, B[p0..p0 + kc, j] and write C[i, j] for j < n, all inside
        // the lengths asserted above; C is a distinct `&mut` borrow.
        while j0 + NR <= n {
            unsafe { panel::<NR>(m, kc, a, lda, b, ldb, c, ldc, p0, j0, acc) };
            j0 += NR;
        }
        if j0 + 4 <= n {
            unsafe { panel::<4>(m, kc, a, lda, b, ldb, c, ldc, p0, j0, acc) };
            j0 += 4;
        }
        while j0 < n {
            unsafe { panel::<1>(m, kc, a, lda, b, ldb, c, ldc, p0, j0, acc) };
            j0 += 1;
        }
        p0 += kc;
    }
}

/// Columns j0..j0 + W of C, every row, over k = p0..p0 + kc.
///
/// # Safety
/// A[i, p0..p0 + kc] for i < m, B[p0..p0 + kc, j0..j0 + W] and
/// C[i, j0..j0 + W] must be inside `a`, `b` and `c`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
unsafe fn panel<const W: usize>(
    m: usize,
    kc: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    p0: usize,
    j0: usize,
    acc: bool,
) {
    let ap = a.as_ptr().add(p0);
    let bp = b.as_ptr().add(p0 * ldb + j0);
    let cp = c.as_mut_ptr().add(j0);
    let mut i0 = 0;
    while i0 + MR <= m {
        tile::<MR, W>(
            kc,
            ap.add(i0 * lda),
            lda,
            bp,
            ldb,
            cp.add(i0 * ldc),
            ldc,
            acc,
        );
        i0 += MR;
    }
    while i0 < m {
        tile::<1, W>(
            kc,
            ap.add(i0 * lda),
            lda,
            bp,
            ldb,
            cp.add(i0 * ldc),
            ldc,
            acc,
        );
        i0 += 1;
    }
}

/// The register tile: C[0..R, 0..W] (+)= A[0..R, 0..k]·B[0..k, 0..W].
///
/// # Safety
/// a[r·lda + p], b[p·ldb + j] and c[r·ldc + j] for r < R, p < k, j < W must
/// be valid (c for writing).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
unsafe fn tile<const R: usize, const W: usize>(
    k: usize,
    a: *const f32,
    lda: usize,
    b: *const f32,
    ldb: usize,
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
    }
    let mut brow = b;
    for p in 0..k {
        for (r, tr) in t.iter_mut().enumerate() {
            let av = *a.add(r * lda + p);
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

    #[test]
    fn gemm_matches_naive_on_odd_shapes_and_strides() {
        let mut r = rng::seeded(11);
        for &(m, n, k) in &[
            (1, 1, 1),
            (4, 8, 3),
            (5, 13, 7),
            (8, 196, 200),
            (25, 8, 300),
            (3, 4, 600),
            (9, 21, 1),
        ] {
            let (lda, ldb, ldc) = (k + 2, n + 3, n + 1);
            let a: Vec<f32> = (0..m * lda)
                .map(|_| rng::uniform(&mut r, -1.0, 1.0))
                .collect();
            let b: Vec<f32> = (0..k * ldb)
                .map(|_| rng::uniform(&mut r, -1.0, 1.0))
                .collect();
            let c0: Vec<f32> = (0..m * ldc)
                .map(|_| rng::uniform(&mut r, -1.0, 1.0))
                .collect();
            for accumulate in [false, true] {
                let mut c1 = c0.clone();
                let mut c2 = c0.clone();
                gemm(m, n, k, &a, lda, &b, ldb, &mut c1, ldc, accumulate);
                gemm_naive(m, n, k, &a, lda, &b, ldb, &mut c2, ldc, accumulate);
                for (i, (x, y)) in c1.iter().zip(&c2).enumerate() {
                    assert!(
                        (x - y).abs() <= 1e-4 * (1.0 + y.abs()),
                        "{m}×{n}×{k} acc={accumulate} at {i}: {x} vs {y}"
                    );
                }
            }
        }
    }
}
