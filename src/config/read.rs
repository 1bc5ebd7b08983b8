//! Reading each part of a config from parsed JSON (`read_json` says why by
//! hand): every field, its default when absent, and its path in messages.

use super::*;

impl DataConfig {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<DataConfig> {
        let o = Obj::nested(
            v,
            path,
            &[
                "source",
                "samples",
                "noise",
                "classes",
                "tiles",
                "split",
                "normalize",
                "features",
                "csv",
                "target",
                "task",
                "missing",
                "window",
                "mix",
            ],
        )?;
        Ok(DataConfig {
            source: o.req("source", Source::read)?,
            samples: o.opt("samples", rj::count)?,
            noise: o.opt("noise", rj::number)?,
            classes: o.opt("classes", rj::count)?,
            tiles: o.opt("tiles", rj::count)?,
            split: o.opt("split", SplitConfig::read)?,
            normalize: o.opt("normalize", Normalization::read)?,
            features: o.opt("features", |v, p| rj::list(v, p, Feature::read))?,
            csv: o.opt("csv", rj::text)?,
            target: o.opt("target", rj::text)?,
            task: o.opt("task", TaskKind::read)?,
            missing: o.opt("missing", Missing::read)?,
            window: o.opt("window", rj::count)?,
            mix: o.opt("mix", rj::flag)?,
        })
    }
}

impl SplitConfig {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<SplitConfig> {
        let o = Obj::nested(v, path, &["train", "val", "test"])?;
        Ok(SplitConfig {
            train: o.req("train", rj::number)?,
            val: o.req("val", rj::number)?,
            test: o.req("test", rj::number)?,
        })
    }
}

impl ModelConfig {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<ModelConfig> {
        let o = Obj::nested(
            v,
            path,
            &["kind", "hidden", "layers", "window", "activation", "init"],
        )?;
        Ok(ModelConfig {
            kind: o.or("kind", ModelKind::read, ModelKind::Linear)?,
            hidden: o.or("hidden", hidden, vec![])?,
            layers: o.opt("layers", |v, p| rj::list(v, p, LayerConfig::read))?,
            window: o.opt("window", rj::count)?,
            activation: o.or("activation", activation, Activation::Tanh)?,
            init: o.or("init", Init::read, Init::Auto)?,
        })
    }
}

fn activation(v: &Value, path: &str) -> rj::Res<Activation> {
    parse_activation(path, &rj::text(v, path)?)
}

/// `hidden: 16` or `hidden: [16, 8]`.
pub(crate) fn hidden(v: &Value, path: &str) -> rj::Res<Vec<usize>> {
    match v {
        Value::Number(_) => rj::count(v, path).map(|n| vec![n]),
        Value::Array(_) => rj::counts(v, path),
        _ => Err(Error::wrong_type(path, "hidden", v)),
    }
}

impl LayerConfig {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<LayerConfig> {
        let o = Obj::nested(
            v,
            path,
            &[
                "type",
                "filters",
                "kernel",
                "stride",
                "padding",
                "size",
                "units",
                "rate",
                "activation",
            ],
        )?;
        Ok(LayerConfig {
            kind: o.req("type", |v, p| LayerType::parse(p, &rj::text(v, p)?))?,
            filters: o.opt("filters", rj::count)?,
            kernel: o.opt("kernel", rj::count)?,
            stride: o.opt("stride", rj::count)?,
            padding: o.opt("padding", Padding::read)?,
            size: o.opt("size", rj::count)?,
            units: o.opt("units", rj::count)?,
            rate: o.opt("rate", rj::number)?,
            activation: o.opt("activation", activation)?,
        })
    }
}

impl TrainConfig {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<TrainConfig> {
        let o = Obj::nested(
            v,
            path,
            &[
                "optimizer",
                "learningRate",
                "batchSize",
                "momentum",
                "nesterov",
                "beta1",
                "beta2",
                "rho",
                "epsilon",
                "weightDecay",
                "l1",
                "l2",
                "loss",
                "clipNorm",
                "earlyStopping",
            ],
        )?;
        Ok(TrainConfig {
            optimizer: o.or("optimizer", OptimizerKind::read, OptimizerKind::Sgd)?,
            learning_rate: o.or("learningRate", rj::number, DEFAULT_LEARNING_RATE)?,
            batch_size: o.or("batchSize", rj::count, DEFAULT_BATCH)?,
            momentum: o.opt("momentum", rj::number)?,
            nesterov: o.or("nesterov", rj::flag, false)?,
            beta1: o.opt("beta1", rj::number)?,
            beta2: o.opt("beta2", rj::number)?,
            rho: o.opt("rho", rj::number)?,
            epsilon: o.opt("epsilon", rj::number)?,
            weight_decay: o.opt("weightDecay", rj::number)?,
            l1: o.or("l1", rj::number, 0.0)?,
            l2: o.or("l2", rj::number, 0.0)?,
            loss: o.opt("loss", LossKind::read)?,
            clip_norm: o.opt("clipNorm", rj::number)?,
            early_stopping: o.opt("earlyStopping", EarlyStopping::read)?,
        })
    }
}

impl EarlyStopping {
    pub(super) fn read(v: &Value, path: &str) -> rj::Res<EarlyStopping> {
        let o = Obj::nested(v, path, &["patience", "minDelta"])?;
        Ok(EarlyStopping {
            patience: o.req("patience", rj::count)?,
            min_delta: o.or("minDelta", rj::number, 0.0)?,
        })
    }
}
