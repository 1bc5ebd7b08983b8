//! The model and training choices a config names, as enums: `model.kind`,
//! `model.init`, `train.loss`, a conv layer's `padding` and a cnn layer's
//! `type` (the data's and the optimizer's live with them: `data::source`,
//! `data::normalize`, `data::features`, `optim`).

use crate::data::TaskKind;
use crate::error::{Error, Result};
use crate::layers::Activation;
use serde::Serialize;

crate::choice! {
    /// `model.kind`.
    pub enum ModelKind {
        Linear = "linear",
        Logistic = "logistic",
        Mlp = "mlp",
        Cnn = "cnn",
        Rnn = "rnn",
    }
}

impl ModelKind {
    /// The tasks this kind can learn.
    pub fn tasks(self) -> &'static [TaskKind] {
        match self {
            ModelKind::Linear => &[TaskKind::Regression],
            ModelKind::Logistic => &[TaskKind::Classification],
            ModelKind::Mlp | ModelKind::Cnn | ModelKind::Rnn => {
                &[TaskKind::Classification, TaskKind::Regression]
            }
        }
    }

    /// What the data must be: `image` (cnn), `sequence` (rnn), or anything.
    pub fn needs(self) -> Option<&'static str> {
        match self {
            ModelKind::Cnn => Some("image"),
            ModelKind::Rnn => Some("sequence"),
            ModelKind::Linear | ModelKind::Logistic | ModelKind::Mlp => None,
        }
    }
}

crate::choice! {
    /// `model.init`: `auto` is Glorot for tanh/sigmoid/linear, He for the
    /// ReLU family, zeros for the linear lesson.
    pub enum Init {
        Auto = "auto",
        Glorot = "glorot",
        He = "he",
        Zeros = "zeros",
    }
}

crate::choice! {
    /// `train.loss`: overrides the task's default loss.
    pub enum LossKind {
        Mse = "mse",
        CrossEntropy = "cross-entropy",
    }
}

impl LossKind {
    pub fn tasks(self) -> &'static [TaskKind] {
        match self {
            LossKind::Mse => &[TaskKind::Classification, TaskKind::Regression],
            LossKind::CrossEntropy => &[TaskKind::Classification],
        }
    }
}

crate::choice! {
    /// A conv2d layer's `padding`.
    pub enum Padding {
        Same = "same",
        Valid = "valid",
    }
}

impl Serialize for Activation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// An activation named in a config, with `field` and the choices in the message.
pub fn parse_activation(field: &str, text: &str) -> Result<Activation> {
    Activation::ALL
        .iter()
        .copied()
        .find(|a| a.name() == text)
        .ok_or_else(|| {
            let ids: Vec<&str> = Activation::ALL.iter().map(|a| a.name()).collect();
            crate::choice::not_one_of(field, text, &ids)
        })
}

/// A `cnn` layer's `type`: a layer, or an activation by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerType {
    Conv2d,
    MaxPool,
    Flatten,
    Dense,
    Dropout,
    Act(Activation),
}

impl LayerType {
    pub fn id(self) -> &'static str {
        match self {
            LayerType::Conv2d => "conv2d",
            LayerType::MaxPool => "maxpool",
            LayerType::Flatten => "flatten",
            LayerType::Dense => "dense",
            LayerType::Dropout => "dropout",
            LayerType::Act(a) => a.name(),
        }
    }

    pub fn parse(field: &str, text: &str) -> Result<LayerType> {
        Ok(match text {
            "conv2d" => LayerType::Conv2d,
            "maxpool" => LayerType::MaxPool,
            "flatten" => LayerType::Flatten,
            "dense" => LayerType::Dense,
            "dropout" => LayerType::Dropout,
            other => match parse_activation(field, other) {
                Ok(a) => LayerType::Act(a),
                Err(_) => {
                    let mut types = vec!["conv2d", "maxpool", "flatten", "dense", "dropout"];
                    types.extend(Activation::ALL.iter().map(|a| a.name()));
                    return Err(Error::unknown_choice(field, other, &types));
                }
            },
        })
    }
}

impl Serialize for LayerType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}
