//! Fully connected layer: y = x·W + b, with x `[rows, in]`, W `[in, out]`
//! (TensorFlow's layout, so benchmark weights load as they are), b `[out]`.
//!
//! Backward, for upstream gradient dy `[rows, out]`:
//! - dW = xᵀ·dy   (accumulated into the gradient buffer)
//! - db = Σ_rows dy
//! - dx = dy·Wᵀ
//!
//! The loops are ordered so the innermost one runs over contiguous memory
//! (`out` for the forward pass and dW, `out` again as a dot product for dx),
//! which LLVM turns into f32x4 SIMD with `+simd128`. No allocation.

#[derive(Debug, Clone)]
pub struct Dense {
    pub inputs: usize,
    pub outputs: usize,
    /// Offsets of W and b in the network's flat parameter vector.
    pub w_off: usize,
    pub b_off: usize,
}

impl Dense {
    pub fn param_count(&self) -> usize {
        self.inputs * self.outputs + self.outputs
    }

    pub fn forward(&self, params: &[f32], x: &[f32], y: &mut [f32], rows: usize) {
        let (n_in, n_out) = (self.inputs, self.outputs);
        let w = &params[self.w_off..self.w_off + n_in * n_out];
        let b = &params[self.b_off..self.b_off + n_out];
        for r in 0..rows {
            let xr = &x[r * n_in..(r + 1) * n_in];
            let yr = &mut y[r * n_out..(r + 1) * n_out];
            yr.copy_from_slice(b);
            for (i, &xi) in xr.iter().enumerate() {
                let wi = &w[i * n_out..(i + 1) * n_out];
                for (yo, &wo) in yr.iter_mut().zip(wi) {
                    *yo += xi * wo;
                }
            }
        }
    }

    /// Accumulates dW, db into `grads`; writes dx if asked (the first layer
    /// of a network has no one to pass it to).
    pub fn backward(
        &self,
        params: &[f32],
        grads: &mut [f32],
        x: &[f32],
        dy: &[f32],
        dx: Option<&mut [f32]>,
        rows: usize,
    ) {
        let (n_in, n_out) = (self.inputs, self.outputs);
        {
            let (gw, gb) = split_wb(grads, self.w_off, self.b_off, n_in * n_out, n_out);
            for r in 0..rows {
                let xr = &x[r * n_in..(r + 1) * n_in];
                let dyr = &dy[r * n_out..(r + 1) * n_out];
                for (g, &d) in gb.iter_mut().zip(dyr) {
                    *g += d;
                }
                for (i, &xi) in xr.iter().enumerate() {
                    let gwi = &mut gw[i * n_out..(i + 1) * n_out];
                    for (g, &d) in gwi.iter_mut().zip(dyr) {
                        *g += xi * d;
                    }
                }
            }
        }
        if let Some(dx) = dx {
            let w = &params[self.w_off..self.w_off + n_in * n_out];
            for r in 0..rows {
                let dyr = &dy[r * n_out..(r + 1) * n_out];
                let dxr = &mut dx[r * n_in..(r + 1) * n_in];
                for (i, d) in dxr.iter_mut().enumerate() {
                    let wi = &w[i * n_out..(i + 1) * n_out];
                    *d = dot(wi, dyr);
                }
            }
        }
    }
}

/// Disjoint mutable views of W's and b's gradients.
fn split_wb(
    g: &mut [f32],
    w_off: usize,
    b_off: usize,
    nw: usize,
    nb: usize,
) -> (&mut [f32], &mut [f32]) {
    debug_assert_eq!(b_off, w_off + nw, "bias follows weights");
    let (w, b) = g[w_off..b_off + nb].split_at_mut(nw);
    (w, b)
}

/// Four partial sums so the reduction vectorises (f32 addition is not
/// associative, so LLVM will not reorder a single running sum on its own).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut s = [0.0f32; 4];
    let chunks = n / 4;
    for c in 0..chunks {
        let i = c * 4;
        s[0] += a[i] * b[i];
        s[1] += a[i + 1] * b[i + 1];
        s[2] += a[i + 2] * b[i + 2];
        s[3] += a[i + 3] * b[i + 3];
    }
    let mut t = (s[0] + s[1]) + (s[2] + s[3]);
    for i in chunks * 4..n {
        t += a[i] * b[i];
    }
    t
}
