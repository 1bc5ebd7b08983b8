//! The least-squares reference for linear regression: the minimum-norm
//! solution θ = A⁺y of min ‖Aθ − y‖², A = [X 1], via the eigendecomposition
//! of AᵀA (Jacobi rotations; the matrices are tiny). When columns of X are
//! collinear (the article's x2 = x1 + 1), infinitely many θ fit equally
//! well; the pseudo-inverse picks the shortest, which is also where gradient
//! descent from zero weights ends up (its updates stay in A's row space).

/// Symmetric eigendecomposition by cyclic Jacobi: returns (eigenvalues,
/// eigenvectors as columns of a row-major n×n matrix).
pub fn symmetric_eigen(a: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = a.to_vec();
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j].powi(2))
            .sum();
        if off < 1e-22 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let akp = a[k * n + p];
                    let akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let apk = a[p * n + k];
                    let aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let vkp = v[k * n + p];
                    let vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i * n + i]).collect(), v)
}

/// AᵀA and Aᵀy for A = [X 1] (`x` rows × d, row-major).
fn normal_equations(x: &[f32], y: &[f32], d: usize) -> (Vec<f64>, Vec<f64>) {
    let n = d + 1;
    let col = |r: usize, j: usize| if j < d { x[r * d + j] as f64 } else { 1.0 };
    let mut ata = vec![0.0; n * n];
    let mut aty = vec![0.0; n];
    for (r, &yr) in y.iter().enumerate() {
        for i in 0..n {
            aty[i] += col(r, i) * yr as f64;
            for j in 0..n {
                ata[i * n + j] += col(r, i) * col(r, j);
            }
        }
    }
    (ata, aty)
}

/// The largest learning rate at which full-batch gradient descent on the
/// mean squared error J = (1/m)·‖Aθ − y‖² still converges: the Hessian is
/// H = (2/m)·AᵀA, and each update multiplies the error along H's steepest
/// eigenvector by (1 − α·λ_max), which shrinks only while α < 2/λ_max(H)
/// = m/λ_max(AᵀA). The article's linear lesson shows it as a number.
pub fn max_stable_rate(x: &[f32], rows: usize, d: usize) -> f64 {
    let (ata, _) = normal_equations(x, &vec![0.0; rows], d);
    let (lambda, _) = symmetric_eigen(&ata, d + 1);
    let max = lambda.iter().cloned().fold(0.0, f64::max);
    if max > 0.0 {
        rows as f64 / max
    } else {
        f64::INFINITY
    }
}

/// Minimum-norm least squares for y ≈ X·w + b. `x` is rows × d row-major.
/// Returns (w, b).
pub fn min_norm_least_squares(x: &[f32], y: &[f32], d: usize) -> (Vec<f64>, f64) {
    let n = d + 1;
    let (ata, aty) = normal_equations(x, y, d);
    let (lambda, v) = symmetric_eigen(&ata, n);
    let max = lambda.iter().cloned().fold(0.0, f64::max);
    let tol = max * 1e-10 * n as f64;
    // θ = V · diag(1/λ) · Vᵀ · Aᵀy over the non-zero eigenvalues.
    let mut theta = vec![0.0; n];
    for k in 0..n {
        if lambda[k] <= tol {
            continue;
        }
        let proj: f64 = (0..n).map(|i| v[i * n + k] * aty[i]).sum::<f64>() / lambda[k];
        for i in 0..n {
            theta[i] += v[i * n + k] * proj;
        }
    }
    let b = theta[d];
    theta.truncate(d);
    (theta, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_min_norm_solution() {
        // y = x1 exactly; with x2 = x1 + 1 every (w1, w2, b) with w1 + w2 = 1
        // and w2 + b = 0 fits; the shortest is w = (2/3, 1/3), b = −1/3.
        let x = [1., 2., 2., 3., 3., 4., 4., 5.];
        let (w, b) = min_norm_least_squares(&x, &[1., 2., 3., 4.], 2);
        assert!((w[0] - 2.0 / 3.0).abs() < 1e-9, "{w:?}");
        assert!((w[1] - 1.0 / 3.0).abs() < 1e-9);
        assert!((b + 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn article_largest_stable_rate() {
        // AᵀA of A = [X 1] has λ_max ≈ 87.3128 (numpy.linalg.eigvalsh), so
        // gradient descent on the mean squared error is stable below
        // 4 / 87.3128 ≈ 0.0458: the article's 0.1 diverges, 0.01 converges.
        let x = [1., 2., 2., 3., 3., 4., 4., 5.];
        let r = max_stable_rate(&x, 4, 2);
        assert!((r - 0.045812).abs() < 1e-5, "{r}");
    }

    #[test]
    fn full_rank_solution_is_the_ordinary_one() {
        // y = 2·x1 − 3·x2 + 0.5 exactly.
        let x = [0., 1., 1., 0., 2., 1., 1., 3., -1., 2.];
        let y: Vec<f32> = x.chunks(2).map(|r| 2.0 * r[0] - 3.0 * r[1] + 0.5).collect();
        let (w, b) = min_norm_least_squares(&x, &y, 2);
        assert!(
            (w[0] - 2.0).abs() < 1e-6 && (w[1] + 3.0).abs() < 1e-6 && (b - 0.5).abs() < 1e-6,
            "{w:?} {b}"
        );
    }
}
