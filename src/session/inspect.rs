//! Looking inside a session's model: every layer's output for some rows, and
//! the saliency of an input. Read-only for the model (buffers aside).

use super::*;

impl Session {
    /// Every layer's output for raw rows `x` (at most `MAX_LAYER_ROWS`):
    /// `(name, per-row shape, rows × width values)`, the model inputs first.
    /// The page draws feature maps, unit heatmaps and RNN states from this.
    pub fn layer_outputs(&mut self, x: &[f32]) -> Result<Vec<LayerOutput>> {
        let (inputs, rows) = self.model_inputs(x)?;
        if rows > MAX_LAYER_ROWS {
            return Err(Error(format!(
                "layerOutputs takes at most {MAX_LAYER_ROWS} rows, got {rows}"
            )));
        }
        self.net.reserve(rows);
        self.net.input_mut(rows).copy_from_slice(&inputs);
        self.net.forward(rows);
        let shapes = self.net.layer_output_shapes();
        let mut out = vec![(
            "input".to_string(),
            shapes[0].clone(),
            self.net.activation(0, rows).to_vec(),
        )];
        for (i, layer) in self.net.layers.iter().enumerate() {
            let name = format!("{}{i}", layer.name());
            match layer {
                // The whole state over time, not just the last step: the page
                // draws it as a heatmap.
                Layer::Rnn(r) => out.push((
                    name,
                    vec![r.window, r.hidden],
                    r.hidden_states(rows).to_vec(),
                )),
                _ => out.push((
                    name,
                    shapes[i + 1].clone(),
                    self.net.activation(i + 1, rows).to_vec(),
                )),
            }
        }
        Ok(out)
    }

    /// Saliency: |∂(predicted class score)/∂(input)| for each raw row: the
    /// gradient of the winning logit (regression: the output) with respect
    /// to the raw inputs (chain rule through the normalization).
    pub fn saliency(&mut self, x: &[f32]) -> Result<Vec<f32>> {
        let (inputs, rows) = self
            .model_inputs(x)
            .map_err(|e| Error(format!("saliency: {e}")))?;
        if rows > MAX_LAYER_ROWS {
            return Err(Error(format!(
                "saliency takes at most {MAX_LAYER_ROWS} rows, got {rows}"
            )));
        }
        if self.features.width() != self.input_names.len() {
            return Err(Error(
                "saliency needs a model whose inputs are the raw columns (no extra features)"
                    .into(),
            ));
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
