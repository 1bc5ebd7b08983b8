//! The source article's worked example: a linear regression on
//! X = [[1,2],[2,3],[3,4],[4,5]], y = [1,2,3,4], tested on [[5,6],[6,7]].
//! No validation split: the lesson is the article's, as written.

use super::{Dataset, Task};
use ndarray::array;

pub fn article_linear() -> Dataset {
    Dataset {
        task: Task::Regression,
        x: array![[1., 2.], [2., 3.], [3., 4.], [4., 5.], [5., 6.], [6., 7.]],
        y: vec![1., 2., 3., 4., 5., 6.],
        input_names: vec!["x1".into(), "x2".into()],
        fixed_split: Some((4, 0, 2)),
        image_shape: None,
        domain: None,
    }
}
