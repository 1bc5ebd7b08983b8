//! Saving and loading a trained model as versioned JSON: the config that
//! made it, every parameter tensor, the fitted normalization and the class
//! names. Loading rebuilds the session from the config, then puts back the
//! weights and normalization, so predictions match the exported model's
//! exactly. Anything malformed is refused before anything changes.

use crate::config::Config;
use crate::data::normalize::Normalizer;
use crate::error::{Error, Result};
use crate::read_json::{self as rj, Obj};
use serde::Serialize;
use serde_json::Value;

pub const FORMAT: &str = "descent-model";
pub const VERSION: u32 = 1;
/// Larger files are refused before parsing (a model of the page's largest
/// network is a few MB of JSON).
pub const MAX_MODEL_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    pub config: Config,
    pub step: u64,
    pub classes: Vec<String>,
    pub feature_names: Vec<String>,
    /// Image sets: a row's `[channels, height, width]` (so a reader such as
    /// the ONNX exporter needs no table of data sets). Absent otherwise, and
    /// in files written before it existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_shape: Option<Vec<usize>>,
    pub normalization: NormalizationFile,
    pub parameters: Vec<ParamFile>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizationFile {
    pub kind: String,
    pub shift: Vec<f32>,
    pub scale: Vec<f32>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamFile {
    pub name: String,
    pub shape: Vec<usize>,
    pub values: Vec<f32>,
}

impl ModelFile {
    pub fn to_json(&self) -> String {
        // Serializing plain structs of numbers and strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Parse and check the envelope; the session checks that the
    /// parameters fit the network the config builds.
    pub fn parse(text: &str) -> Result<ModelFile> {
        if text.len() > MAX_MODEL_BYTES {
            return Err(Error::model_file_size(text.len(), MAX_MODEL_BYTES));
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            if e.is_eof() {
                Error::model_file_truncated()
            } else {
                Error::model_file_json(&e.to_string())
            }
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            _ => return Err(Error::model_file_format(FORMAT)),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == VERSION as u64 => {}
            v => return Err(Error::model_file_version(v, VERSION as u64)),
        }
        let file = ModelFile::read(&value).map_err(Error::model_file_damaged)?;
        file.config.validate().map_err(Error::model_file_config)?;
        Ok(file)
    }

    /// Every field, by hand as the config is (`read_json` says why).
    fn read(v: &Value) -> rj::Res<ModelFile> {
        let o = Obj::root(
            v,
            "model file",
            &[
                "format",
                "version",
                "config",
                "step",
                "classes",
                "featureNames",
                "inputShape",
                "normalization",
                "parameters",
            ],
        )?;
        Ok(ModelFile {
            format: o.req("format", rj::text)?,
            version: o.req("version", rj::whole)?.try_into().unwrap_or(u32::MAX),
            config: o.req("config", Config::read_at)?,
            step: o.req("step", rj::whole)?,
            classes: o.req("classes", rj::texts)?,
            feature_names: o.req("featureNames", rj::texts)?,
            input_shape: o.opt("inputShape", rj::counts)?,
            normalization: o.req("normalization", |v, p| {
                let o = Obj::nested(v, p, &["kind", "shift", "scale"])?;
                Ok(NormalizationFile {
                    kind: o.req("kind", rj::text)?,
                    shift: o.req("shift", rj::numbers_f32)?,
                    scale: o.req("scale", rj::numbers_f32)?,
                })
            })?,
            parameters: o.req("parameters", |v, p| {
                rj::list(v, p, |v, p| {
                    let o = Obj::nested(v, p, &["name", "shape", "values"])?;
                    Ok(ParamFile {
                        name: o.req("name", rj::text)?,
                        shape: o.req("shape", rj::counts)?,
                        values: o.req("values", rj::numbers_f32)?,
                    })
                })
            })?,
        })
    }

    pub fn normalizer(&self) -> Result<Normalizer> {
        let n = &self.normalization;
        Normalizer::from_parts(&n.kind, n.shift.clone(), n.scale.clone())
            .ok_or_else(|| Error::model_file_normalization(None, None))
    }
}
