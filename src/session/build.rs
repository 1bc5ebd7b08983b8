//! Making a session from a config: the data (generated or read), the
//! split, the features and normalization fitted on the training rows, the
//! network, loss and optimizer. Runs once, apart from the training loop.

use super::*;
use crate::config::{ModelKind, SplitConfig};
use crate::data::{Dataset, Source};
use crate::model::{self, InputDesc};

/// RNG streams, so changing one choice (say the batch size) does not
/// change another (the data).
const STREAM_DATA: u64 = 1;
const STREAM_SPLIT: u64 = 2;
const STREAM_INIT: u64 = 3;
const STREAM_SHUFFLE: u64 = 4;
/// The gradient check's sample of parameters (session/trace.rs).
pub(super) const STREAM_CHECK: u64 = 5;
/// The loss surface's random directions (session/surface.rs).
pub(super) const STREAM_SURFACE: u64 = 6;

impl Session {
    pub fn from_json(text: &str) -> Result<Session> {
        Session::new(Config::from_json(text)?)
    }

    /// From a config that `Config::from_json` (or `from_value`) read and
    /// validated: nothing is parsed or validated again here.
    pub fn new(config: Config) -> Result<Session> {
        let seed = config.seed;
        let mut data_cfg = config.data.clone();
        if config.model.kind == ModelKind::Rnn && data_cfg.window.is_none() {
            data_cfg.window = config.model.window;
        }
        let (ds, csv_report) = if data_cfg.source == Source::Csv {
            // The report (rows dropped, cells filled, columns renamed) is
            // shown to the learner next to their data.
            let parsed = data::csv::from_config_with_report(&data_cfg)?;
            (parsed.dataset, Some(parsed.report))
        } else {
            (
                data::generate(&data_cfg, &mut rng::derive(seed, STREAM_DATA))?,
                None,
            )
        };
        let task = ds.task.clone();

        let model = &config.model;
        let source = config.data.source.id();
        match (model.kind, &task) {
            (ModelKind::Linear, Task::Classification(_)) => {
                return Err(Error::wrong_task(
                    "model.kind",
                    "linear",
                    "classification",
                    Some(source),
                    &["logistic", "mlp"],
                ))
            }
            (ModelKind::Logistic, Task::Regression) => {
                return Err(Error::wrong_task(
                    "model.kind",
                    "logistic",
                    "regression",
                    Some(source),
                    &["linear", "mlp"],
                ))
            }
            _ => {}
        }

        let features = FeatureMap::new(config.data.features.as_deref(), &ds)?;
        let split_cfg = config.data.split.unwrap_or_default();
        let (tr, va, te) = data::split::split_indices(
            ds.y.len(),
            ds.fixed_split,
            &split_cfg,
            &mut rng::derive(seed, STREAM_SPLIT),
        );
        let norm_kind = config
            .data
            .normalize
            .unwrap_or(config.data.source.facts().normalize);
        let train_raw = rows_of(&ds.x, &tr);
        // Fitted on the training rows only: statistics of validation or test
        // rows would leak into training and flatter the held-out scores.
        let normalizer = Normalizer::fit(norm_kind, features.apply(train_raw.view()).view());

        let (output, outputs) = match &task {
            Task::Regression => (Output::Identity, 1),
            Task::Classification(c) if c.len() == 2 => (Output::Sigmoid, 1),
            Task::Classification(c) => (Output::Softmax, c.len()),
        };
        let make = |idx: &[usize]| make_split(&ds, idx, &features, &normalizer, outputs);
        let (train, val, test) = (make(&tr), make(&va), make(&te));
        if train.rows() == 0 {
            // Config validation keeps data.split.train above 0 and samples
            // at 2 or more, so only a caller past it gets here.
            return Err(Error::internal(
                "the training split is empty: use more samples or a larger data.split.train",
            ));
        }

        let t = &config.train;
        if t.batch_size > train.rows() {
            return Err(Error::batch_size(t.batch_size, train.rows()));
        }
        let loss = Loss::for_task(output, t.loss)?;
        let input = InputDesc {
            width: features.width(),
            image_shape: ds.image_shape,
            source: config.data.source,
        };
        let mut net =
            model::build_network(model, &input, outputs, &mut rng::derive(seed, STREAM_INIT))?;
        net.reserve(t.batch_size.max(EVAL_CHUNK));
        let opt = Optimizer::new(t, net.params.len());

        let mut s = Session {
            csv_report,
            task,
            input_names: ds.input_names.clone(),
            domain: ds.domain,
            image_shape: ds.image_shape,
            features,
            normalizer,
            order: (0..train.rows()).collect(),
            train,
            val,
            test,
            targets: vec![0.0; t.batch_size * outputs],
            batch: t.batch_size,
            net,
            output,
            loss,
            opt,
            shuffle_rng: rng::derive(seed, STREAM_SHUFFLE),
            cursor: 0,
            step: 0,
            epoch: 0,
            diverged: false,
            divergence: None,
            start_loss: 0.0,
            history: History::default(),
            trajectory: Trajectory::default(),
            early: None,
            fresh_rngs: Vec::new(),
            config,
        };
        s.trajectory = Trajectory::new(&s.net.params, 0);
        if let Some(e) = s.config.train.early_stopping {
            if s.val.rows() == 0 {
                return Err(Error::needs(
                    "train.earlyStopping",
                    None,
                    "validation",
                    None,
                ));
            }
            s.early = Some(early::Early::new(e, s.net.params.len()));
        }
        rng::shuffle(&mut s.shuffle_rng, &mut s.order);
        s.start_loss = s.score(Which::Train).0.unwrap_or(0.0);
        s.fresh_rngs = s.net.save_rngs();
        Ok(s)
    }

    /// Training from the start again, from `params` instead of the weights
    /// it has: the step, epoch, shuffled order and its generator, the
    /// dropout generators, the optimizer's state, early stopping, the
    /// divergence, the starting loss (the divergence test's reference),
    /// the loss history and the path are as a new session has them, so
    /// what follows is what a new session started at `params` does. The
    /// data and the learning rate in effect stay. `params` must be this
    /// network's length (the callers check).
    pub(super) fn restart_from(&mut self, params: &[f32]) {
        self.net.params.copy_from_slice(params);
        self.net.restore_rngs(&self.fresh_rngs.clone());
        self.opt = Optimizer::new(&self.config.train, self.net.params.len());
        self.shuffle_rng = rng::derive(self.config.seed, STREAM_SHUFFLE);
        self.order = (0..self.train.rows()).collect();
        rng::shuffle(&mut self.shuffle_rng, &mut self.order);
        (self.cursor, self.step, self.epoch) = (0, 0, 0);
        self.diverged = false;
        self.divergence = None;
        if let Some(e) = self.config.train.early_stopping {
            self.early = Some(early::Early::new(e, self.net.params.len()));
        }
        self.history = History::default();
        self.trajectory = Trajectory::new(&self.net.params, 0);
        self.start_loss = self.score(Which::Train).0.unwrap_or(0.0);
    }

    pub fn default_split() -> SplitConfig {
        SplitConfig::default()
    }
}

fn make_split(
    ds: &Dataset,
    idx: &[usize],
    features: &FeatureMap,
    norm: &Normalizer,
    outputs: usize,
) -> Split {
    let raw = rows_of(&ds.x, idx);
    let mut x = features.apply(raw.view());
    norm.apply(&mut x);
    let x = if x.is_standard_layout() {
        x
    } else {
        x.as_standard_layout().to_owned()
    };
    let y: Vec<f32> = idx.iter().map(|&i| ds.y[i]).collect();
    let t = match outputs {
        1 => y.clone(),
        k => {
            let mut t = vec![0.0; y.len() * k];
            for (r, &c) in y.iter().enumerate() {
                t[r * k + c as usize] = 1.0;
            }
            t
        }
    };
    Split { raw, x, t, y }
}

/// The rows `idx` of `x`, in that order. (ndarray's `select` does this for
/// any axis and dimension, at 4 KB of wasm for these two uses.)
fn rows_of(x: &Array2<f32>, idx: &[usize]) -> Array2<f32> {
    let mut v = Vec::with_capacity(idx.len() * x.ncols());
    for &i in idx {
        v.extend(x.row(i).iter());
    }
    Array2::from_shape_vec((idx.len(), x.ncols()), v).unwrap_or_default()
}
