//! Looking inside a session's model: every layer's output for some rows, and
//! the saliency of an input. Read-only for the model (buffers aside).

use super::*;
use crate::layers::{Activation, LayerKind, ParamSpec, Role};

/// One parameter tensor and its values, as `Session::parameters` gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamView<'a> {
    /// `dense0.weight`, `conv0.kernel`, `rnn0.recurrent` (model files' key).
    pub name: String,
    /// The index of its layer in the network.
    pub layer: usize,
    /// Dense, Conv2d or Rnn: the layers with parameters.
    pub kind: LayerKind,
    pub role: Role,
    pub shape: Vec<usize>,
    pub values: &'a [f32],
}

impl<'a> ParamView<'a> {
    /// `spec`'s tensor in the network's flat parameter vector `params`.
    pub fn new(spec: &ParamSpec, params: &'a [f32]) -> ParamView<'a> {
        let n: usize = spec.shape.iter().product();
        ParamView {
            name: spec.name.clone(),
            layer: spec.layer,
            kind: spec.kind,
            role: spec.role,
            shape: spec.shape.clone(),
            values: &params[spec.offset..spec.offset + n],
        }
    }
}

/// One layer's output for some rows, as `Session::layer_outputs` gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerOutput {
    /// `input`, then the layer's name and index: `conv2d0`, `relu1`.
    pub name: String,
    /// The index of the layer in the network; `None` for the input.
    pub layer: Option<usize>,
    /// `LayerKind::Input` for the input, else the layer's kind.
    pub kind: LayerKind,
    /// The function of an activation layer; `None` for every other kind.
    pub activation: Option<Activation>,
    /// Per-row shape (an RNN's: `[T, H]`, its state at every step).
    pub shape: Vec<usize>,
    /// rows × the per-row shape's values.
    pub values: Vec<f32>,
}

impl Session {
    /// Every layer's output for raw rows `x` (at most `MAX_LAYER_ROWS`), the
    /// model inputs first. The page draws feature maps, unit heatmaps and
    /// RNN states from this.
    pub fn layer_outputs(&mut self, x: &[f32]) -> Result<Vec<LayerOutput>> {
        let (inputs, rows) = self.model_inputs(x, "layerOutputs(x)")?;
        if rows > MAX_LAYER_ROWS {
            return Err(Error::length("layerOutputs(x)", rows, 0, MAX_LAYER_ROWS));
        }
        self.net.reserve(rows);
        self.net.input_mut(rows).copy_from_slice(&inputs);
        self.net.forward(rows);
        let shapes = self.net.layer_output_shapes();
        let mut out = vec![LayerOutput {
            name: "input".to_string(),
            layer: None,
            kind: LayerKind::Input,
            activation: None,
            shape: shapes[0].clone(),
            values: self.net.activation(0, rows).to_vec(),
        }];
        for (i, layer) in self.net.layers.iter().enumerate() {
            let (shape, values) = match layer {
                // The whole state over time, not just the last step: the page
                // draws it as a heatmap.
                Layer::Rnn(r) => (vec![r.window, r.hidden], r.hidden_states(rows).to_vec()),
                _ => (
                    shapes[i + 1].clone(),
                    self.net.activation(i + 1, rows).to_vec(),
                ),
            };
            out.push(LayerOutput {
                name: format!("{}{i}", layer.name()),
                layer: Some(i),
                kind: layer.kind(),
                activation: match layer {
                    Layer::Act(a, _) => Some(*a),
                    _ => None,
                },
                shape,
                values,
            });
        }
        Ok(out)
    }

    /// Saliency: |∂(predicted class score)/∂(input)| for each raw row: the
    /// gradient of the winning logit (regression: the output) with respect
    /// to the raw inputs (chain rule through the normalization).
    pub fn saliency(&mut self, x: &[f32]) -> Result<Vec<f32>> {
        let (inputs, rows) = self.model_inputs(x, "saliency(x)")?;
        if rows > MAX_LAYER_ROWS {
            return Err(Error::length("saliency(x)", rows, 0, MAX_LAYER_ROWS));
        }
        if self.features.width() != self.input_names.len() {
            return Err(Error::needs("saliency(x)", None, "raw-inputs", None));
        }
        let k = self.net.outputs();
        self.net.reserve(rows);
        self.net.input_mut(rows).copy_from_slice(&inputs);
        self.net.forward(rows);
        let two_class = self.task.classes() == 2;
        let (z, g) = self.net.output_and_grad(rows);
        for (zr, gr) in z.chunks(k).zip(g.chunks_mut(k)) {
            gr.iter_mut().for_each(|v| *v = 0.0);
            let c = if k == 1 {
                0
            } else {
                metrics::predicted_class(zr)
            };
            // One sigmoid logit: the score of the predicted class is ±z.
            gr[c] = if k == 1 && two_class && zr[0] < 0.0 {
                -1.0
            } else {
                1.0
            };
        }
        self.net.backward(rows, true);
        let d = self.net.inputs();
        let scale = self.normalizer.scale();
        let grad = self.net.input_grad(rows);
        Ok(grad
            .iter()
            .enumerate()
            .map(|(i, &v)| (v * scale[i % d]).abs())
            .collect())
    }
}
