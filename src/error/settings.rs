//! Errors of settings that do not go together: a setting given where it
//! does nothing (refused, not ignored: a slider that silently does nothing
//! teaches the wrong lesson), a model for the wrong task, a layer that does
//! not fit its input.

use super::*;

impl Error {
    /// `field` is given, but `setting` is `value`, which does not use it;
    /// `only` lists the values of `setting` that do (may be empty).
    pub fn not_applicable(field: &str, setting: &str, value: &str, only: &[&str]) -> Error {
        let only_to = if only.is_empty() {
            ""
        } else {
            " (only to {only})"
        };
        Error::of(
            &NOT_APPLICABLE,
            [field.into(), setting.into(), value.into(), list(only)],
            &[
                "{field} does not apply to {setting} '{value}'",
                only_to,
                "; remove it",
            ],
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
            Some(_) => "data.source '{source}' is",
            None => "this data set is",
        };
        Error::of(
            &WRONG_TASK,
            [
                field.into(),
                value.into(),
                task.into(),
                source.into(),
                list(choices),
            ],
            &[
                "{field} '{value}' does not learn {task}, and ",
                set,
                " a {task} set: choose one of {choices}",
            ],
        )
    }

    /// `field` (set to `value`) needs `needs` (see `NEEDS`).
    pub fn needs(field: &str, value: Option<&str>, needs: &str, source: Option<&str>) -> Error {
        let set_to = if value.is_some() { " '{value}'" } else { "" };
        let t = match needs {
            "image" => {
                " needs image data such as data.source 'digits'; '{source}' has no image shape"
            }
            "validation" => {
                " needs a validation split to watch: give data.split.val a share above 0"
            }
            _ => " needs a model whose inputs are the raw columns (no extra features)",
        };
        Error::of(
            &NEEDS,
            [field.into(), value.into(), needs.into(), source.into()],
            &["{field}", set_to, t],
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
        let (height, width) = match input {
            [_, h, w] => (Some(*h), Some(*w)),
            _ => (None, None),
        };
        let problem = match needs {
            "image" => "needs an image input [channels, height, width], got [{input}]",
            "sequence" => "needs a sequence input [steps, features], got [{input}]",
            "kernel" => {
                "input {height}×{width} is smaller than the kernel {size}×{size} (use padding \
                 'same')"
            }
            _ => "input {height}×{width} is smaller than the pool {size}×{size}",
        };
        Error::of(
            &LAYER_SHAPE,
            [
                field.into(),
                layer.into(),
                list(input),
                needs.into(),
                size.into(),
                height.into(),
                width.into(),
            ],
            &["{field} ({layer}): ", problem],
        )
    }
}
