//! Errors of opening a model file (`export.rs`, `session/files.rs`): each
//! says what is wrong with the file, so a learner knows whether to export
//! again or has opened the wrong file.

use super::*;

impl Error {
    pub fn model_file_size(bytes: usize, limit_bytes: usize) -> Error {
        let (size, limit) = (mb(bytes), mb(limit_bytes));
        let message = format!(
            "this model file is {} MB; the limit is {} MB",
            num(size),
            num(limit)
        );
        Error::of(&MODEL_FILE_SIZE, [size.into(), limit.into()], message)
    }

    pub fn model_file_truncated() -> Error {
        Error::of(
            &MODEL_FILE_TRUNCATED,
            [],
            "this model file is cut short (truncated JSON); export the model again".into(),
        )
    }

    pub fn model_file_json(detail: &str) -> Error {
        let message = format!("this is not a model file: it is not valid JSON ({detail})");
        Error::of(&MODEL_FILE_JSON, [detail.into()], message)
    }

    pub fn model_file_format(format: &str) -> Error {
        let message =
            format!("this JSON file is not a Descent model (it has no \"format\": \"{format}\")");
        Error::of(&MODEL_FILE_FORMAT, [format.into()], message)
    }

    /// The file is `version` (None: it has none); this engine reads `supported`.
    pub fn model_file_version(version: Option<u64>, supported: u64) -> Error {
        let message = match version {
            Some(v) => {
                format!("this model file is version {v}; this page reads version {supported}")
            }
            None => "this model file has no version number".into(),
        };
        Error::of(
            &MODEL_FILE_VERSION,
            [version.into(), supported.into()],
            message,
        )
    }

    /// A field of the file is wrong: `cause` names it.
    pub fn model_file_damaged(cause: Error) -> Error {
        let message = format!("this model file is damaged: {cause}");
        Error::of(&MODEL_FILE_DAMAGED, [cause.into()], message)
    }

    /// The file's config is refused: `cause` says why.
    pub fn model_file_config(cause: Error) -> Error {
        let message = format!("this model file's config is invalid: {cause}");
        Error::of(&MODEL_FILE_CONFIG, [cause.into()], message)
    }

    /// The normalization has `columns` (None: cannot be read) for `inputs`.
    pub fn model_file_normalization(columns: Option<usize>, inputs: Option<usize>) -> Error {
        let message = match (columns, inputs) {
            (Some(c), Some(i)) => {
                format!("this model file's normalization has {c} columns; its model has {i} inputs")
            }
            _ => "this model file's normalization is damaged".into(),
        };
        Error::of(
            &MODEL_FILE_NORMALIZATION,
            [columns.into(), inputs.into()],
            message,
        )
    }

    pub fn model_file_tensors(found: usize, expected: usize) -> Error {
        let message = format!(
            "this model file has {found} parameter tensors; its config builds a network with \
             {expected}"
        );
        Error::of(
            &MODEL_FILE_TENSORS,
            [found.into(), expected.into()],
            message,
        )
    }

    /// Tensor `name` of `shape` (`values` values) where the network has
    /// `expected_name` of `expected_shape`.
    pub fn model_file_tensor(
        name: &str,
        shape: &[usize],
        values: usize,
        expected_name: &str,
        expected_shape: &[usize],
    ) -> Error {
        let message = format!(
            "this model file's tensor '{name}' {shape:?} ({values} values) does not fit the \
             network's '{expected_name}' {expected_shape:?}"
        );
        Error::of(
            &MODEL_FILE_TENSOR,
            [
                name.into(),
                list(shape),
                values.into(),
                expected_name.into(),
                list(expected_shape),
            ],
            message,
        )
    }

    pub fn model_file_values(name: &str) -> Error {
        let message =
            format!("this model file's tensor '{name}' holds a value that is not a finite number");
        Error::of(&MODEL_FILE_VALUES, [name.into()], message)
    }
}
