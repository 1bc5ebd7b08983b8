//! Scoring a split with every metric its task has, and the least-squares
//! reference the linear lesson's gradient descent is heading for.

use super::*;

impl Session {
    /// Scores a split. The test split is scored with the best checkpoint's
    /// weights when early stopping keeps one: that is the model one keeps.
    pub fn evaluate(&mut self, which: &str) -> Result<Evaluation> {
        let w = Which::parse(which)?;
        if w == Which::Test {
            return Ok(self.with_best(|s| s.evaluate_split(w)));
        }
        Ok(self.evaluate_split(w))
    }

    fn evaluate_split(&mut self, w: Which) -> Evaluation {
        let (loss, accuracy) = self.score(w);
        let split = self.split(w);
        let (x, y, rows) = (
            split.x.as_slice().unwrap_or(&[]).to_vec(),
            split.y.clone(),
            split.rows(),
        );
        let k = self.net.outputs();
        let pred = self.predict_inputs(&x, rows);
        match &self.task {
            Task::Classification(c) => Evaluation {
                loss,
                accuracy,
                confusion: Some(metrics::confusion(&pred, &y, k, c.len())),
                mse: None,
                mae: None,
                r2: None,
                rows,
            },
            Task::Regression => Evaluation {
                loss,
                accuracy: None,
                confusion: None,
                mse: (rows > 0)
                    .then(|| metrics::mse(&pred, &y))
                    .filter(|v| v.is_finite()),
                mae: (rows > 0)
                    .then(|| metrics::mae(&pred, &y))
                    .filter(|v| v.is_finite()),
                r2: metrics::r2(&pred, &y).filter(|v| v.is_finite()),
                rows,
            },
        }
    }

    /// The minimum-norm least-squares fit, for linear regression models
    /// (in the model's input space: the article's lesson uses raw inputs).
    pub fn least_squares(&self) -> Option<LeastSquares> {
        if self.task != Task::Regression
            || self.config.model.kind != crate::config::ModelKind::Linear
        {
            return None;
        }
        let d = self.net.inputs();
        let (w, b) =
            crate::linalg::min_norm_least_squares(self.train.x.as_slice()?, &self.train.y, d);
        let predict = |s: &Split| -> Vec<f32> {
            s.x.rows()
                .into_iter()
                .map(|r| (r.iter().zip(&w).map(|(&x, &w)| x as f64 * w).sum::<f64>() + b) as f32)
                .collect()
        };
        let train_predictions = predict(&self.train);
        let test_predictions = (self.test.rows() > 0).then(|| predict(&self.test));
        let train_mse = metrics::mse(&train_predictions, &self.train.y);
        let test_mse = test_predictions
            .as_ref()
            .map(|p| metrics::mse(p, &self.test.y));
        let max_stable_rate =
            crate::linalg::max_stable_rate(self.train.x.as_slice()?, self.train.rows(), d);
        Some(LeastSquares {
            max_stable_rate,
            weights: w,
            bias: b,
            train_mse,
            test_mse,
            train_predictions,
            test_predictions,
        })
    }
}
