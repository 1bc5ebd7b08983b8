//! Errors of opening a model file (`export.rs`, `session/files.rs`): each
//! says what is wrong with the file, so a learner knows whether to export
//! again or has opened the wrong file.

use super::*;

impl Error {
    pub fn model_file_size(bytes: usize, limit_bytes: usize) -> Error {
        Error::of(
            &MODEL_FILE_SIZE,
            [mb(bytes).into(), mb(limit_bytes).into()],
            &["this model file is {size} MB; the limit is {limit} MB"],
        )
    }

    pub fn model_file_truncated() -> Error {
        Error::of(
            &MODEL_FILE_TRUNCATED,
            [],
            &["this model file is cut short (truncated JSON); export the model again"],
        )
    }

    pub fn model_file_json(detail: &str) -> Error {
        let t = "this is not a model file: it is not valid JSON ({detail})";
        Error::of(&MODEL_FILE_JSON, [detail.into()], &[t])
    }

    pub fn model_file_format(format: &str) -> Error {
        let t = "this JSON file is not a Descent model (it has no \"format\": \"{format}\")";
        Error::of(&MODEL_FILE_FORMAT, [format.into()], &[t])
    }

    /// The file is `version` (None: it has none); this engine reads `supported`.
    pub fn model_file_version(version: Option<u64>, supported: u64) -> Error {
        let t = match version {
            Some(_) => "this model file is version {version}; this page reads version {supported}",
            None => "this model file has no version number",
        };
        Error::of(
            &MODEL_FILE_VERSION,
            [version.into(), supported.into()],
            &[t],
        )
    }

    /// A field of the file is wrong: `cause` names it.
    pub fn model_file_damaged(cause: Error) -> Error {
        let t = "this model file is damaged: {cause}";
        Error::of(&MODEL_FILE_DAMAGED, [cause.into()], &[t])
    }

    /// The file's config is refused: `cause` says why.
    pub fn model_file_config(cause: Error) -> Error {
        let t = "this model file's config is invalid: {cause}";
        Error::of(&MODEL_FILE_CONFIG, [cause.into()], &[t])
    }

    /// The normalization has `columns` (None: cannot be read) for `inputs`.
    pub fn model_file_normalization(columns: Option<usize>, inputs: Option<usize>) -> Error {
        let t = match (columns, inputs) {
            (Some(_), Some(_)) => {
                "this model file's normalization has {columns} columns; its model has {inputs} \
                 inputs"
            }
            _ => "this model file's normalization is damaged",
        };
        Error::of(
            &MODEL_FILE_NORMALIZATION,
            [columns.into(), inputs.into()],
            &[t],
        )
    }

    pub fn model_file_tensors(found: usize, expected: usize) -> Error {
        let t = "this model file has {found} parameter tensors; its config builds a network \
                 with {expected}";
        Error::of(&MODEL_FILE_TENSORS, [found.into(), expected.into()], &[t])
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
        let t = "this model file's tensor '{name}' [{shape}] ({values} values) does not fit \
                 the network's '{expectedName}' [{expectedShape}]";
        Error::of(
            &MODEL_FILE_TENSOR,
            [
                name.into(),
                list(shape),
                values.into(),
                expected_name.into(),
                list(expected_shape),
            ],
            &[t],
        )
    }

    pub fn model_file_values(name: &str) -> Error {
        let t = "this model file's tensor '{name}' holds a value that is not a finite number";
        Error::of(&MODEL_FILE_VALUES, [name.into()], &[t])
    }
}
