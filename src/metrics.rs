//! Metrics as free functions of predictions and targets.
//! - accuracy = (1/n) Σ [argmax p = y]
//! - confusion[i][j] = #{true class i, predicted j}
//! - MSE = (1/n) Σ (ŷ − y)², MAE = (1/n) Σ |ŷ − y|
//! - R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)²

/// Predicted class of one row of outputs (`k == 1`: P(class 1) > 0.5).
pub fn predicted_class(row: &[f32]) -> usize {
    if row.len() == 1 {
        (row[0] > 0.5) as usize
    } else {
        let mut best = 0;
        for (i, &v) in row.iter().enumerate() {
            if v > row[best] {
                best = i;
            }
        }
        best
    }
}

/// Confusion matrix for `classes` classes; `probs` has `width` values a row.
pub fn confusion(probs: &[f32], labels: &[f32], width: usize, classes: usize) -> Vec<Vec<u32>> {
    let mut m = vec![vec![0u32; classes]; classes];
    for (row, &y) in probs.chunks(width).zip(labels) {
        let (t, p) = (y as usize, predicted_class(row));
        if t < classes && p < classes {
            m[t][p] += 1;
        }
    }
    m
}

pub fn accuracy_from_confusion(m: &[Vec<u32>]) -> Option<f64> {
    let total: u32 = m.iter().flatten().sum();
    let right: u32 = (0..m.len()).map(|i| m[i][i]).sum();
    (total > 0).then(|| right as f64 / total as f64)
}

pub fn mse(pred: &[f32], y: &[f32]) -> f64 {
    mean(
        pred.iter().zip(y).map(|(&p, &y)| ((p - y) as f64).powi(2)),
        y.len(),
    )
}

pub fn mae(pred: &[f32], y: &[f32]) -> f64 {
    mean(
        pred.iter().zip(y).map(|(&p, &y)| ((p - y) as f64).abs()),
        y.len(),
    )
}

/// R²; `None` when the targets are constant (the ratio is undefined).
pub fn r2(pred: &[f32], y: &[f32]) -> Option<f64> {
    let ybar = mean(y.iter().map(|&v| v as f64), y.len());
    let ss_tot: f64 = y.iter().map(|&v| (v as f64 - ybar).powi(2)).sum();
    let ss_res: f64 = pred
        .iter()
        .zip(y)
        .map(|(&p, &y)| ((p - y) as f64).powi(2))
        .sum();
    (ss_tot > 0.0).then(|| 1.0 - ss_res / ss_tot)
}

fn mean(it: impl Iterator<Item = f64>, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        it.sum::<f64>() / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_metrics() {
        // 3 classes, 4 rows: true 0,1,2,2; predicted 0,2,2,2.
        let p = [0.8, 0.1, 0.1, 0.2, 0.3, 0.5, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4];
        let m = confusion(&p, &[0.0, 1.0, 2.0, 2.0], 3, 3);
        assert_eq!(m, vec![vec![1, 0, 0], vec![0, 0, 1], vec![0, 0, 2]]);
        assert_eq!(accuracy_from_confusion(&m), Some(0.75));
        let m = confusion(&[0.9, 0.2, 0.6], &[1.0, 1.0, 0.0], 1, 2);
        assert_eq!(m, vec![vec![0, 1], vec![1, 1]]);
    }

    #[test]
    fn regression_metrics() {
        let y = [1.0, 2.0, 3.0, 4.0];
        let p = [1.5, 2.0, 2.5, 4.0];
        assert!((mse(&p, &y) - 0.125).abs() < 1e-12);
        assert!((mae(&p, &y) - 0.25).abs() < 1e-12);
        assert!((r2(&p, &y).unwrap() - (1.0 - 0.5 / 5.0)).abs() < 1e-12);
        assert_eq!(r2(&p, &[2.0; 4]), None);
    }
}
