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
//! values of A, i.e. 2 + 4 loads for 32 multiply-adds. The tile loops have
//! constant bounds, so LLVM unrolls them and vectorises the NR dimension
//! (`+simd128` in wasm, SSE natively) without any `unsafe` or intrinsics.
//! k is split into blocks of KC so a B panel (KC×NR) stays in L1 while every
//! MR-row block of A sweeps over it. Columns left over after the NR tiles
//! use a 4-wide tile, then a scalar one; rows left over use 1-row tiles.
//!
//! No allocation: the kernel reads and writes only the slices it is given.

const MR: usize = 4;
const NR: usize = 8;
const KC: usize = 256;

/// C = A·B (or C += A·B with `accumulate`), row-major with leading dims.
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
    if k == 0 {
        if !accumulate {
            for i in 0..m {
                c[i * ldc..i * ldc + n].fill(0.0);
            }
        }
        return;
    }
    debug_assert!(a.len() >= (m - 1) * lda + k);
    debug_assert!(b.len() >= (k - 1) * ldb + n);
    debug_assert!(c.len() >= (m - 1) * ldc + n);
    let mut p0 = 0;
    while p0 < k {
        let kc = KC.min(k - p0);
        let acc = accumulate || p0 > 0;
        let bk = &b[p0 * ldb..];
        let mut j0 = 0;
        while j0 + NR <= n {
            rows::<NR>(m, kc, &a[p0..], lda, &bk[j0..], ldb, &mut c[j0..], ldc, acc);
            j0 += NR;
        }
        if j0 + 4 <= n {
            rows::<4>(m, kc, &a[p0..], lda, &bk[j0..], ldb, &mut c[j0..], ldc, acc);
            j0 += 4;
        }
        while j0 < n {
            rows::<1>(m, kc, &a[p0..], lda, &bk[j0..], ldb, &mut c[j0..], ldc, acc);
            j0 += 1;
        }
        p0 += kc;
    }
}

/// One column panel of width W: every row block of C against B[.., 0..W].
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn rows<const W: usize>(
    m: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    acc: bool,
) {
    let mut i0 = 0;
    while i0 + MR <= m {
        tile::<MR, W>(k, &a[i0 * lda..], lda, b, ldb, &mut c[i0 * ldc..], ldc, acc);
        i0 += MR;
    }
    while i0 < m {
        tile::<1, W>(k, &a[i0 * lda..], lda, b, ldb, &mut c[i0 * ldc..], ldc, acc);
        i0 += 1;
    }
}

/// The register tile: C[0..R, 0..W] (+)= A[0..R, 0..k]·B[0..k, 0..W].
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn tile<const R: usize, const W: usize>(
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    acc_in: bool,
) {
    let mut t = [[0.0f32; W]; R];
    if acc_in {
        for (r, tr) in t.iter_mut().enumerate() {
            tr.copy_from_slice(&c[r * ldc..r * ldc + W]);
        }
    }
    // Row slices of A, each exactly k long, so the loop below indexes
    // within bounds LLVM can see.
    let ar: [&[f32]; R] = std::array::from_fn(|r| &a[r * lda..r * lda + k]);
    let b = &b[..(k - 1) * ldb + W];
    for p in 0..k {
        let bp: &[f32; W] = b[p * ldb..p * ldb + W].try_into().unwrap();
        for r in 0..R {
            let av = ar[r][p];
            for j in 0..W {
                t[r][j] += av * bp[j];
            }
        }
    }
    for (r, tr) in t.iter().enumerate() {
        c[r * ldc..r * ldc + W].copy_from_slice(tr);
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
