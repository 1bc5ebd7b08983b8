//! Errors of settings that do not go together: a setting given where it
//! does nothing (refused, not ignored: a slider that silently does nothing
//! teaches the wrong lesson), a model for the wrong task, a layer that does
//! not fit its input.

use super::*;

impl Error {
    /// `field` is given, but `setting` is `value`, which does not use it;
    /// `only` lists the values of `setting` that do (may be empty).
    pub fn not_applicable(field: &str, setting: &str, value: &str, only: &[&str]) -> Error {
        let message = match only {
            [] => format!("{field} does not apply to {setting} '{value}'; remove it"),
            _ => format!(
                "{field} does not apply to {setting} '{value}' (only to {}); remove it",
                quoted(only)
            ),
        };
        Error::of(
            &NOT_APPLICABLE,
            [field.into(), setting.into(), value.into(), list(only)],
            message,
        )
    }

    /// `field` `value` does not learn `task` (data set `source`'s task);
    /// `choices` do.
    pub fn wrong_task(
        field: &str,
        value: &str,
        task: &str,
        source: Option<&str>,
        choices: &[&str],
    ) -> Error {
        let set = match source {
            Some(s) => format!("data.source '{s}' is a {task} set"),
            None => format!("this data set is a {task} set"),
        };
        let message = format!(
            "{field} '{value}' does not learn {task}, and {set}: choose {}",
            quoted(choices).replace("', '", "' or '")
        );
        Error::of(
            &WRONG_TASK,
            [
                field.into(),
                value.into(),
                task.into(),
                source.into(),
                list(choices),
            ],
            message,
        )
    }

    /// `field` (set to `value`) needs `needs` (see `NEEDS`).
    pub fn needs(field: &str, value: Option<&str>, needs: &str, source: Option<&str>) -> Error {
        let v = value.map(|v| format!(" '{v}'")).unwrap_or_default();
        let message = match needs {
            "image" => format!(
                "{field}{v} needs image data such as data.source 'digits'; '{}' has no image shape",
                source.unwrap_or_default()
            ),
            "validation" => format!(
                "{field} needs a validation split to watch: give data.split.val a share above 0"
            ),
            _ => format!(
                "{field} needs a model whose inputs are the raw columns (no extra features)"
            ),
        };
        Error::of(
            &NEEDS,
            [field.into(), value.into(), needs.into(), source.into()],
            message,
        )
    }

    /// Layer `field` (`layer`, as "conv2d 8@5×5") receives `input`, which it
    /// does not fit (see `LAYER_SHAPE`).
    pub fn layer_shape(
        field: &str,
        layer: &str,
        input: &[usize],
        needs: &str,
        size: Option<usize>,
    ) -> Error {
        let k = size.unwrap_or(0);
        let (h, w) = match input {
            [_, h, w] => (*h, *w),
            _ => (0, 0),
        };
        let problem = match needs {
            "image" => format!(
                "needs an image input [channels, height, width], got {}",
                shape(input)
            ),
            "sequence" => format!(
                "needs a sequence input [steps, features], got {}",
                shape(input)
            ),
            "kernel" => {
                format!("input {h}×{w} is smaller than the kernel {k}×{k} (use padding 'same')")
            }
            _ => format!("input {h}×{w} is smaller than the pool {k}×{k}"),
        };
        Error::of(
            &LAYER_SHAPE,
            [
                field.into(),
                layer.into(),
                list(input),
                needs.into(),
                size.into(),
            ],
            format!("{field} ({layer}): {problem}"),
        )
    }
}

/// A per-row shape in words.
fn shape(s: &[usize]) -> String {
    match s {
        [n] => format!("a vector of {n}"),
        [t, f] => format!("a sequence of {t} steps × {f} features"),
        [c, h, w] => format!("an image of {c} channel(s) × {h}×{w}"),
        other => format!("shape {other:?}"),
    }
}
