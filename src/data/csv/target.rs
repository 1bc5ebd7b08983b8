//! The target column: the task, given or guessed from its values, its
//! classes, and how each target cell becomes a value of `y`.

use super::cell::{show, Cell};
use super::scan::Col;
use super::{Task, GUESS_CLASSES_UP_TO};
use crate::config::MAX_CLASSES;
use crate::data::source::TaskKind;
use crate::error::{Error, Result};

/// The task and how a target cell becomes `y`.
pub(crate) struct TargetTask {
    pub(crate) task: Task,
    /// Class values: numbers (so `1` and `1.0` are one class) or text.
    numbers: Option<Vec<f64>>,
    texts: Vec<String>,
}

impl TargetTask {
    pub(crate) fn value(&self, raw: &str, cell: Cell) -> f32 {
        match (&self.task, &self.numbers, cell) {
            (Task::Regression, _, Cell::Number(v)) => v as f32,
            (Task::Regression, _, _) => 0.0,
            (_, Some(nums), Cell::Number(v)) => {
                nums.iter().position(|&n| n == v).unwrap_or(0) as f32
            }
            _ => self.texts.iter().position(|n| n == raw).unwrap_or(0) as f32,
        }
    }
}

/// Decide the task (given or guessed) and the classes, from the target
/// column's values on the rows kept.
/// Whether `parse` takes this column, as the target with no `data.task`,
/// for classes: text, or whole numbers with few distinct values (labels
/// like 0/1 or 1-5); otherwise it is a quantity to regress. The one rule:
/// the preview reports it per column, so the page never guesses apart.
pub(crate) fn guess_classes(col: &Col) -> bool {
    col.text > 0
        || (col.integers && !col.many_numbers && col.numeric_levels.len() <= GUESS_CLASSES_UP_TO)
}

pub(crate) fn target_task(name: &str, col: &Col, task: Option<TaskKind>) -> Result<TargetTask> {
    let numeric = col.text == 0;
    let guessed = task.is_none();
    let classify = match task {
        Some(TaskKind::Regression) => false,
        Some(TaskKind::Classification) => true,
        None => guess_classes(col),
    };
    if !classify {
        if let Some((row, cell)) = &col.first_text {
            return Err(Error::csv_regression_text(&show(name), *row, cell));
        }
        return Ok(TargetTask {
            task: Task::Regression,
            numbers: None,
            texts: Vec::new(),
        });
    }
    // Class names sorted so the indices do not depend on row order; numeric
    // labels sort as numbers ("2" before "10") and are named canonically.
    let (many, numbers, texts) = if numeric {
        let mut v = col.numeric_levels.clone();
        v.sort_unstable_by(f64::total_cmp);
        let texts = v.iter().map(|v| format!("{v}")).collect();
        (col.many_numbers, Some(v), texts)
    } else {
        let mut t: Vec<String> = col.levels.iter().map(|(l, _)| l.clone()).collect();
        t.sort_unstable();
        (col.many, None, t)
    };
    if many || texts.len() > MAX_CLASSES {
        let guessed = guessed.then_some(if numeric { "numbers" } else { "text" });
        return Err(Error::csv_classes(
            &show(name),
            texts.len(),
            many,
            MAX_CLASSES,
            guessed,
            numeric,
        ));
    }
    if texts.len() < 2 {
        let value = texts.first().map(|t| show(t)).unwrap_or_default();
        return Err(Error::csv_one_class(&show(name), &value));
    }
    Ok(TargetTask {
        task: Task::Classification(texts.clone()),
        numbers,
        texts,
    })
}
