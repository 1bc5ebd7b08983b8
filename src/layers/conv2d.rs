//! 2-D convolution over channels-first images.
//!
//! Shapes (per row of the batch): input x `[C, H, W]`, output y
//! `[F, OH, OW]`; kernel W `[kh, kw, C, F]` (TensorFlow's layout, so
//! benchmark and Keras weights load as they are), bias b `[F]`.
//!
//! Forward, with stride s and top/left padding (pt, pl), x̃ = x outside the
//! image is 0:
//!
//!   y[f, i, j] = b[f] + Σ_{u,v,c} W[u, v, c, f] · x̃[c, i·s + u − pt, j·s + v − pl]
//!
//! Backward, for upstream dy `[F, OH, OW]`:
//!
//!   dW[u, v, c, f] += Σ_{i,j} dy[f, i, j] · x̃[c, i·s + u − pt, j·s + v − pl]
//!   db[f]          += Σ_{i,j} dy[f, i, j]
//!   dx[c, p, q]     = Σ_{f, u, v, i, j : i·s+u−pt = p, j·s+v−pl = q} W[u, v, c, f] · dy[f, i, j]
//!
//! Computed as matrix products over im2col: with K = kh·kw·C (ordered
//! (u, v, c), the row order of W seen as a `[K, F]` matrix) and P = OH·OW,
//! `col = im2col(x)` is `[K, P]` and
//!
//!   y = Wᵀ·col + b        dW += col·dyᵀ        dcol = W·dy,  dx = col2im(dcol)
//!
//! each one call of the blocked kernel in `gemm.rs` per sample. im2col is
//! recomputed in the backward pass rather than kept for the whole batch, so
//! the scratch is one sample's `[K, P]` (L2-sized) whatever the batch.
//!
//! Padding: `valid` gives OH = ⌊(H − kh)/s⌋ + 1 with no padding; `same`
//! gives OH = ⌈H/s⌉ with total padding max((OH − 1)·s + kh − H, 0) split as
//! TensorFlow does (the extra pixel, if odd, at the bottom/right).
//!
//! Parameters of layer i: `conv{i}.kernel` W `[kh, kw, C, F]` (decayed) and
//! `conv{i}.bias` b `[F]` (not). W is drawn with fan_in = kh·kw·C (the
//! values one output sums over) and fan_out = kh·kw·F, as Keras does.

use super::gemm::gemm;
use super::{Fans, LayerInfo, LayerKind, ParamSpec, Role};

#[derive(Debug, Clone)]
pub struct Conv2d {
    /// Input `[C, H, W]`.
    pub in_shape: [usize; 3],
    pub filters: usize,
    /// Square kernel: kh = kw = `kernel`.
    pub kernel: usize,
    pub stride: usize,
    /// `same` (TensorFlow's rule) or `valid` padding.
    pub same: bool,
    /// Output `[F, OH, OW]`.
    pub out_shape: [usize; 3],
    pad_top: usize,
    pad_left: usize,
    /// Offsets of W and b in the network's flat parameter vector.
    pub w_off: usize,
    pub b_off: usize,
    /// Scratch, one sample's worth: im2col / dcol `[K, P]`, Wᵀ `[F, K]`,
    /// dyᵀ `[P, F]`. Sized at construction; never reallocated.
    col: Vec<f32>,
    wt: Vec<f32>,
    dyt: Vec<f32>,
}

/// Output size and leading padding along one axis.
pub fn out_size(input: usize, kernel: usize, stride: usize, same: bool) -> (usize, usize) {
    if same {
        let out = input.div_ceil(stride);
        let total = ((out - 1) * stride + kernel).saturating_sub(input);
        (out, total / 2)
    } else {
        ((input - kernel) / stride + 1, 0)
    }
}

impl Conv2d {
    /// Needs kernel ≥ 1, stride ≥ 1 and, for `valid`, the kernel to fit
    /// (`build` checks these and reports which layer broke them).
    pub fn new(
        in_shape: [usize; 3],
        filters: usize,
        kernel: usize,
        stride: usize,
        same: bool,
        w_off: usize,
    ) -> Conv2d {
        let [c, h, w] = in_shape;
        let (oh, pad_top) = out_size(h, kernel, stride, same);
        let (ow, pad_left) = out_size(w, kernel, stride, same);
        let k = kernel * kernel * c;
        let p = oh * ow;
        Conv2d {
            in_shape,
            filters,
            kernel,
            stride,
            same,
            out_shape: [filters, oh, ow],
            pad_top,
            pad_left,
            w_off,
            b_off: w_off + k * filters,
            col: vec![0.0; k * p],
            wt: vec![0.0; filters * k],
            dyt: vec![0.0; p * filters],
        }
    }

    /// The (top, left) padding: how far the first window starts above and
    /// left of the image.
    pub fn padding(&self) -> (usize, usize) {
        (self.pad_top, self.pad_left)
    }

    /// K = kh·kw·C, the rows of im2col.
    pub fn patch(&self) -> usize {
        self.kernel * self.kernel * self.in_shape[0]
    }
    pub fn param_count(&self) -> usize {
        self.patch() * self.filters + self.filters
    }

    fn geom(&self) -> Geom {
        Geom {
            c: self.in_shape[0],
            h: self.in_shape[1],
            w: self.in_shape[2],
            k: self.kernel,
            s: self.stride,
            oh: self.out_shape[1],
            ow: self.out_shape[2],
            pt: self.pad_top,
            pl: self.pad_left,
        }
    }

    pub fn forward(&mut self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        let g = self.geom();
        let (nk, nf, np) = (self.patch(), self.filters, g.oh * g.ow);
        let (nin, nout) = (self.in_width(), self.out_width());
        let w = &params[self.w_off..self.w_off + nk * nf]; // [K, F]
        let b = &params[self.b_off..self.b_off + nf]; // [F]
        transpose(w, nk, nf, &mut self.wt); // [F, K]
        for r in 0..rows {
            let xr = &x[r * nin..(r + 1) * nin]; // [C, H, W]
            let yr = &mut y[r * nout..(r + 1) * nout]; // [F, OH·OW]
            g.im2col(xr, &mut self.col); // [K, P]
            for (yf, &bf) in yr.chunks_exact_mut(np).zip(b) {
                yf.fill(bf); // [P]
            }
            gemm(nf, np, nk, &self.wt, nk, &self.col, np, yr, np, true); // [F, P] += [F, K]·[K, P]
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn backward(
        &mut self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        dy: &[f32],
        mut dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        let g = self.geom();
        let (nk, nf, np) = (self.patch(), self.filters, g.oh * g.ow);
        let (nin, nout) = (self.in_width(), self.out_width());
        let w = &params[self.w_off..self.w_off + nk * nf]; // [K, F]
        let (gw, gb) = grads[self.w_off..self.b_off + nf].split_at_mut(nk * nf); // [K, F], [F]
        for r in 0..rows {
            let xr = &x[r * nin..(r + 1) * nin]; // [C, H, W]
            let dyr = &dy[r * nout..(r + 1) * nout]; // [F, P]
            g.im2col(xr, &mut self.col); // [K, P]
            transpose(dyr, nf, np, &mut self.dyt); // [P, F]
            gemm(nk, nf, np, &self.col, np, &self.dyt, nf, gw, nf, true); // [K, F] += [K, P]·[P, F]
            for (gbf, dyf) in gb.iter_mut().zip(dyr.chunks_exact(np)) {
                *gbf += dyf.iter().sum::<f32>(); // [F]
            }
            if let Some(dx) = dx.as_deref_mut() {
                let dxr = &mut dx[r * nin..(r + 1) * nin]; // [C, H, W]
                gemm(nk, np, nf, w, nf, dyr, np, &mut self.col, np, false); // dcol [K, P] = [K, F]·[F, P]
                dxr.fill(0.0);
                g.col2im(&mut self.col, dxr); // [C, H, W] += scatter of [K, P]
            }
        }
    }
}

impl LayerInfo for Conv2d {
    /// Each output value is a patch (k·k·C) of multiply-adds plus its bias.
    fn flops(&self) -> u64 {
        (self.out_width() * (2 * self.patch() + 1)) as u64
    }
    fn kind(&self) -> LayerKind {
        LayerKind::Conv2d
    }
    fn in_width(&self) -> usize {
        self.in_shape.iter().product()
    }
    fn out_width(&self) -> usize {
        self.out_shape.iter().product()
    }
    fn in_shape(&self) -> Vec<usize> {
        self.in_shape.to_vec()
    }
    fn shape(&self) -> Vec<usize> {
        self.out_shape.to_vec()
    }
    fn params(&self, layer: usize) -> Vec<ParamSpec> {
        let k = self.kernel;
        let spec = |what: &str, role, shape, offset, decay| ParamSpec {
            name: format!("conv{layer}.{what}"),
            layer,
            kind: LayerKind::Conv2d,
            role,
            shape,
            offset,
            decay,
        };
        vec![
            spec(
                "kernel",
                Role::Weight,
                vec![k, k, self.in_shape[0], self.filters],
                self.w_off,
                true,
            ),
            spec("bias", Role::Bias, vec![self.filters], self.b_off, false),
        ]
    }
    fn fans(&self) -> Vec<Fans> {
        vec![Fans {
            offset: self.w_off,
            len: self.patch() * self.filters,
            fan_in: self.patch(),
            fan_out: self.kernel * self.kernel * self.filters,
        }]
    }
}

/// dst[cols, rows] = src[rows, cols]ᵀ.
fn transpose(src: &[f32], rows: usize, cols: usize, dst: &mut [f32]) {
    for i in 0..rows {
        for j in 0..cols {
            dst[j * rows + i] = src[i * cols + j];
        }
    }
}

/// One sample's convolution geometry.
#[derive(Clone, Copy)]
struct Geom {
    c: usize,
    h: usize,
    w: usize,
    k: usize,
    s: usize,
    oh: usize,
    ow: usize,
    pt: usize,
    pl: usize,
}

impl Geom {
    /// The output columns j whose input column j·s + v − pl lies in the image.
    fn valid_cols(&self, v: usize) -> (usize, usize) {
        valid_range(v, self.pl, self.s, self.w, self.ow)
    }

    /// The output rows i whose input row i·s + u − pt lies in the image.
    fn valid_rows(&self, u: usize) -> (usize, usize) {
        valid_range(u, self.pt, self.s, self.h, self.oh)
    }

    /// Stride 1 with as many output columns as input columns (`same`
    /// padding): an im2col row is then the input plane shifted by a constant
    /// offset, so each row is one copy instead of OH short ones (short
    /// copies are calls to `memory.copy` in wasm: ~10 ns each).
    fn shifted(&self) -> bool {
        self.s == 1 && self.ow == self.w
    }

    /// col[(u·kw + v)·C + c, i·OW + j] = x̃[c, i·s + u − pt, j·s + v − pl].
    fn im2col(&self, x: &[f32], col: &mut [f32]) {
        let (np, plane) = (self.oh * self.ow, self.h * self.w);
        for u in 0..self.k {
            let (ilo, ihi) = self.valid_rows(u);
            for v in 0..self.k {
                let (lo, hi) = self.valid_cols(v);
                for c in 0..self.c {
                    let row = (u * self.k + v) * self.c + c;
                    let dst = &mut col[row * np..(row + 1) * np]; // [OH, OW]
                    let xc = &x[c * plane..(c + 1) * plane]; // [H, W]
                    if ilo >= ihi || lo >= hi {
                        dst.fill(0.0);
                    } else if self.shifted() {
                        // dst[t] = xc[t + (u − pt)·W + v − pl] over the valid
                        // span, then zero what lies outside the image.
                        let (d0, d1) = (ilo * self.ow + lo, (ihi - 1) * self.ow + hi);
                        let s0 = (ilo + u - self.pt) * self.w + lo + v - self.pl;
                        dst[..d0].fill(0.0);
                        dst[d0..d1].copy_from_slice(&xc[s0..s0 + d1 - d0]);
                        dst[d1..].fill(0.0);
                        self.zero_wrapped(dst, ilo, ihi, lo, hi);
                    } else {
                        for (i, d) in dst.chunks_exact_mut(self.ow).enumerate() {
                            if i < ilo || i >= ihi {
                                d.fill(0.0);
                                continue;
                            }
                            let iy = i * self.s + u - self.pt;
                            let src = &xc[iy * self.w..(iy + 1) * self.w]; // [W]
                            d[..lo].fill(0.0);
                            d[hi..].fill(0.0);
                            if self.s == 1 {
                                let x0 = lo + v - self.pl;
                                d[lo..hi].copy_from_slice(&src[x0..x0 + hi - lo]);
                            } else {
                                for (j, dj) in d[lo..hi].iter_mut().enumerate() {
                                    *dj = src[(lo + j) * self.s + v - self.pl];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Zero columns outside lo..hi in rows ilo..ihi of one `[OH, OW]` row of
    /// col (at most pl or kw − 1 − pl a row). Column by column, so LLVM does
    /// not turn it into a `memset` call per row.
    fn zero_wrapped(&self, dst: &mut [f32], ilo: usize, ihi: usize, lo: usize, hi: usize) {
        for j in (0..lo).chain(hi..self.ow) {
            for i in ilo..ihi {
                dst[i * self.ow + j] = 0.0;
            }
        }
    }

    /// The adjoint of `im2col`: dx[c, i·s + u − pt, j·s + v − pl] += dcol[.., i·OW + j].
    /// Clobbers the entries of `dcol` that fall outside the image.
    fn col2im(&self, dcol: &mut [f32], dx: &mut [f32]) {
        let (np, plane) = (self.oh * self.ow, self.h * self.w);
        for u in 0..self.k {
            let (ilo, ihi) = self.valid_rows(u);
            for v in 0..self.k {
                let (lo, hi) = self.valid_cols(v);
                if ilo >= ihi || lo >= hi {
                    continue;
                }
                for c in 0..self.c {
                    let row = (u * self.k + v) * self.c + c;
                    let src = &mut dcol[row * np..(row + 1) * np]; // [OH, OW]
                    let dxc = &mut dx[c * plane..(c + 1) * plane]; // [H, W]
                    if self.shifted() {
                        // One shifted add over the valid span, with the
                        // entries that wrap around a row edge zeroed first.
                        self.zero_wrapped(src, ilo, ihi, lo, hi);
                        let (d0, d1) = (ilo * self.ow + lo, (ihi - 1) * self.ow + hi);
                        let s0 = (ilo + u - self.pt) * self.w + lo + v - self.pl;
                        for (d, &g) in dxc[s0..s0 + d1 - d0].iter_mut().zip(&src[d0..d1]) {
                            *d += g;
                        }
                        continue;
                    }
                    for (i, s) in src.chunks_exact(self.ow).enumerate().take(ihi).skip(ilo) {
                        let iy = i * self.s + u - self.pt;
                        let d = &mut dxc[iy * self.w..(iy + 1) * self.w]; // [W]
                        if self.s == 1 {
                            let x0 = lo + v - self.pl;
                            for (dq, &sq) in d[x0..x0 + hi - lo].iter_mut().zip(&s[lo..hi]) {
                                *dq += sq;
                            }
                        } else {
                            for (j, &sj) in s[lo..hi].iter().enumerate() {
                                d[(lo + j) * self.s + v - self.pl] += sj;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Indices o < n (outputs along one axis) whose input o·s + t − pad lies
/// in 0..len, as a range lo..hi (empty when lo ≥ hi).
fn valid_range(t: usize, pad: usize, s: usize, len: usize, n: usize) -> (usize, usize) {
    let lo = if t >= pad { 0 } else { (pad - t).div_ceil(s) };
    let hi = if len + pad > t {
        ((len - 1 + pad - t) / s + 1).min(n)
    } else {
        0
    };
    (lo.min(hi), hi)
}

/// Direct convolution straight from the formulas above, for tests.
#[cfg(test)]
pub mod naive {
    use super::{Conv2d, LayerInfo};

    /// Index into x `[C, H, W]` of x̃[c, i·s + u − pt, j·s + v − pl], if inside.
    fn at(l: &Conv2d, c: usize, i: usize, j: usize, u: usize, v: usize) -> Option<usize> {
        let [_, h, w] = l.in_shape;
        let p = (i * l.stride + u).checked_sub(l.pad_top)?;
        let q = (j * l.stride + v).checked_sub(l.pad_left)?;
        (p < h && q < w).then_some((c * h + p) * w + q)
    }

    fn widx(l: &Conv2d, u: usize, v: usize, c: usize, f: usize) -> usize {
        ((u * l.kernel + v) * l.in_shape[0] + c) * l.filters + f
    }

    /// Returns (y, dW, db, dx) for one batch.
    pub fn forward_backward(
        l: &Conv2d,
        params: &[f32],
        x: &[f32],
        dy: &[f32],
        rows: usize,
    ) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let [c_in, _, _] = l.in_shape;
        let [nf, oh, ow] = l.out_shape;
        let (nin, nout) = (l.in_width(), l.out_width());
        let mut y = vec![0.0f64; rows * nout];
        let mut dw = vec![0.0f64; l.patch() * nf];
        let mut db = vec![0.0f64; nf];
        let mut dx = vec![0.0f64; rows * nin];
        for r in 0..rows {
            let xr = &x[r * nin..(r + 1) * nin];
            for f in 0..nf {
                for i in 0..oh {
                    for j in 0..ow {
                        let o = r * nout + (f * oh + i) * ow + j;
                        let g = dy[o] as f64;
                        let mut s = params[l.b_off + f] as f64;
                        db[f] += g;
                        for u in 0..l.kernel {
                            for v in 0..l.kernel {
                                for c in 0..c_in {
                                    if let Some(xi) = at(l, c, i, j, u, v) {
                                        let wi = widx(l, u, v, c, f);
                                        s += params[l.w_off + wi] as f64 * xr[xi] as f64;
                                        dw[wi] += g * xr[xi] as f64;
                                        dx[r * nin + xi] += g * params[l.w_off + wi] as f64;
                                    }
                                }
                            }
                        }
                        y[o] = s;
                    }
                }
            }
        }
        (y, dw, db, dx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng;

    /// A conv 3×3×1→8 (valid, over 8×8) as layer 0: TensorFlow's kernel
    /// layout, the bias after it, and Keras' fans kh·kw·C = 9, kh·kw·F = 72.
    #[test]
    fn conv2d_describes_its_kernel_and_bias() {
        let c = Conv2d::new([1, 8, 8], 8, 3, 1, false, 0);
        let spec = |name: &str, role, shape: Vec<usize>, offset, decay| ParamSpec {
            name: name.into(),
            layer: 0,
            kind: LayerKind::Conv2d,
            role,
            shape,
            offset,
            decay,
        };
        assert_eq!(
            c.params(0),
            [
                spec("conv0.kernel", Role::Weight, vec![3, 3, 1, 8], 0, true),
                spec("conv0.bias", Role::Bias, vec![8], 72, false),
            ]
        );
        assert_eq!(
            c.fans(),
            [Fans {
                offset: 0,
                len: 72,
                fan_in: 9,
                fan_out: 72
            }]
        );
        assert_eq!(c.kind(), LayerKind::Conv2d);
        assert_eq!((c.in_width(), c.out_width()), (64, 8 * 6 * 6));
        assert_eq!((c.in_shape(), c.shape()), (vec![1, 8, 8], vec![8, 6, 6]));
        // Fans count the values one output sums over: kh·kw·C with C = 2.
        let c2 = Conv2d::new([2, 5, 5], 3, 3, 1, true, 7);
        assert_eq!((c2.fans()[0].fan_in, c2.fans()[0].fan_out), (18, 27));
        assert_eq!(c2.params(5)[1].offset, 7 + 18 * 3);
    }

    #[test]
    fn same_and_valid_sizes_follow_tensorflow() {
        assert_eq!(out_size(28, 5, 1, true), (28, 2));
        assert_eq!(out_size(28, 5, 1, false), (24, 0));
        assert_eq!(out_size(7, 3, 2, true), (4, 1));
        assert_eq!(out_size(8, 3, 2, true), (4, 0)); // total 1: all at the bottom
        assert_eq!(out_size(7, 3, 2, false), (3, 0));
        let l = Conv2d::new([1, 28, 28], 8, 5, 1, true, 0);
        assert_eq!(l.out_shape, [8, 28, 28]);
        assert_eq!(l.param_count(), 5 * 5 * 8 + 8);
    }

    /// The im2col + gemm path against the direct formulas, on random data,
    /// forward and every gradient, to 1e-4 relative.
    #[test]
    fn fast_conv_matches_direct_convolution() {
        let mut rg = rng::seeded(21);
        for &(shape, f, k, s, same) in &[
            ([1, 28, 28], 8, 5, 1, true),
            ([8, 14, 14], 16, 5, 1, true),
            ([3, 9, 7], 5, 3, 2, true),
            ([3, 9, 7], 5, 3, 2, false),
            ([2, 8, 8], 3, 4, 3, true),
            ([4, 6, 5], 7, 2, 1, false),
            ([2, 5, 5], 9, 1, 1, false),
            ([2, 6, 5], 3, 4, 1, true), // even kernel: padding 1 before, 2 after
            ([1, 2, 3], 2, 5, 1, true), // kernel larger than the image
            ([3, 3, 9], 4, 3, 1, true),
        ] {
            let mut l = Conv2d::new(shape, f, k, s, same, 3);
            let rows = 3;
            let np = 3 + l.param_count();
            let params: Vec<f32> = (0..np).map(|_| rng::uniform(&mut rg, -1.0, 1.0)).collect();
            let x: Vec<f32> = (0..rows * l.in_width())
                .map(|_| rng::uniform(&mut rg, -1.0, 1.0))
                .collect();
            let dy: Vec<f32> = (0..rows * l.out_width())
                .map(|_| rng::uniform(&mut rg, -1.0, 1.0))
                .collect();
            let mut y = vec![0.0; rows * l.out_width()];
            l.forward(&params, &x, &mut y, rows);
            let mut grads = vec![0.0; np];
            let mut dx = vec![0.0; rows * l.in_width()];
            l.backward(&params, &mut grads, &x, &dy, Some(&mut dx), rows);
            let (y0, dw0, db0, dx0) = naive::forward_backward(&l, &params, &x, &dy, rows);
            let close = |what: &str, a: &[f32], b: &[f64]| {
                assert_eq!(a.len(), b.len());
                let scale = b.iter().fold(1.0f64, |m, v| m.max(v.abs()));
                for (i, (&p, &q)) in a.iter().zip(b).enumerate() {
                    assert!(
                        (p as f64 - q).abs() <= 1e-4 * scale,
                        "{shape:?} f{f} k{k} s{s} same={same} {what}[{i}]: {p} vs {q}"
                    );
                }
            };
            close("y", &y, &y0);
            close("dW", &grads[l.w_off..l.b_off], &dw0);
            close("db", &grads[l.b_off..], &db0);
            close("dx", &dx, &dx0);
        }
    }
}
