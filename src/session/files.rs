//! A session to and from a model file (`export`): the config, every
//! parameter, the fitted normalization, the class names.

use super::*;

impl Session {
    /// The trained model as versioned JSON (see `export`).
    pub fn export_model(&self) -> String {
        let n = &self.normalizer;
        ModelFile {
            format: export::FORMAT.into(),
            version: export::VERSION,
            config: self.config.clone(),
            step: self.step,
            classes: match &self.task {
                Task::Classification(c) => c.clone(),
                Task::Regression => vec![],
            },
            feature_names: self.features.names(),
            input_shape: self.image_shape.map(|s| s.to_vec()),
            normalization: NormalizationFile {
                kind: n.kind().id().into(),
                shift: n.shift().to_vec(),
                scale: n.scale().to_vec(),
            },
            parameters: self
                .parameters()
                .into_iter()
                .map(|p| ParamFile {
                    name: p.name,
                    shape: p.shape,
                    values: p.values.to_vec(),
                })
                .collect(),
        }
        .to_json()
    }

    /// A session from an exported model: rebuilt from its config, then given
    /// the file's weights and normalization. Checks every tensor's name and
    /// shape against the network the config builds.
    pub fn import_model(text: &str) -> Result<Session> {
        let file = ModelFile::parse(text)?;
        let normalizer = file.normalizer()?;
        let mut s = Session::new(file.config.clone()).map_err(Error::model_file_config)?;
        if normalizer.shift().len() != s.net.inputs() {
            return Err(Error::model_file_normalization(
                Some(normalizer.shift().len()),
                Some(s.net.inputs()),
            ));
        }
        let specs = s.net.param_specs().to_vec();
        if specs.len() != file.parameters.len() {
            return Err(Error::model_file_tensors(
                file.parameters.len(),
                specs.len(),
            ));
        }
        for (spec, p) in specs.iter().zip(&file.parameters) {
            let n: usize = spec.shape.iter().product();
            if spec.name != p.name || spec.shape != p.shape || p.values.len() != n {
                return Err(Error::model_file_tensor(
                    &p.name,
                    &p.shape,
                    p.values.len(),
                    &spec.name,
                    &spec.shape,
                ));
            }
            if p.values.iter().any(|v| !v.is_finite()) {
                return Err(Error::model_file_values(&p.name));
            }
        }
        for (spec, p) in specs.iter().zip(&file.parameters) {
            s.net.params[spec.offset..spec.offset + p.values.len()].copy_from_slice(&p.values);
        }
        // The file's normalization, not a refit: predictions must match the
        // exported model's exactly, whatever data the config regenerates.
        s.normalizer = normalizer;
        s.rebuild_splits();
        s.step = file.step;
        s.trajectory = Trajectory::new(&s.net.params, s.step);
        s.start_loss = s.score(Which::Train).0.unwrap_or(0.0);
        Ok(s)
    }

    /// Re-apply features and normalization to every split (after the
    /// normalizer changed).
    fn rebuild_splits(&mut self) {
        for split in [&mut self.train, &mut self.val, &mut self.test] {
            let mut x = self.features.apply(split.raw.view());
            self.normalizer.apply(&mut x);
            split.x = if x.is_standard_layout() {
                x
            } else {
                x.as_standard_layout().to_owned()
            };
        }
    }
}
