//! Early stopping (`train.earlyStopping: { patience, minDelta }`): after
//! every epoch the validation loss is scored; the weights of the best one
//! are kept as a checkpoint, and `patience` epochs in a row that do not
//! beat it by more than `minDelta` stop training. Later `train()` calls do
//! nothing until a new session; `restoreBest()` returns to the checkpoint,
//! and the test split is always scored with it (the model one would keep).
//!
//! Patience counts epochs, not steps, as Keras's `EarlyStopping` does: one
//! noisy mini-batch says little, a whole pass over the data says more.

use super::*;
use crate::config::EarlyStopping;

#[derive(Debug, Clone)]
pub(super) struct Early {
    cfg: EarlyStopping,
    /// (step, validation loss) of the best checkpoint so far.
    best: Option<(u64, f64)>,
    /// Its weights; allocated once, with the session.
    params: Vec<f32>,
    /// Epochs since the best.
    waited: usize,
    pub(super) stopped: bool,
}

impl Early {
    pub(super) fn new(cfg: EarlyStopping, n_params: usize) -> Early {
        Early {
            cfg,
            best: None,
            params: vec![0.0; n_params],
            waited: 0,
            stopped: false,
        }
    }
}

impl Session {
    /// At the end of an epoch: score the validation split and keep, count or stop.
    pub(super) fn epoch_end(&mut self) {
        if self.early.is_none() {
            return;
        }
        let (val, _) = self.score(Which::Val);
        let step = self.step;
        let Some(e) = self.early.as_mut() else {
            return;
        };
        let val = val.unwrap_or(f64::INFINITY);
        let improved = match e.best {
            None => val.is_finite(),
            Some((_, best)) => val < best - e.cfg.min_delta,
        };
        if improved {
            e.best = Some((step, val));
            e.params.copy_from_slice(&self.net.params);
            e.waited = 0;
        } else {
            e.waited += 1;
            if e.waited >= e.cfg.patience {
                e.stopped = true;
            }
        }
    }

    pub fn early_stopped(&self) -> bool {
        self.early.as_ref().is_some_and(|e| e.stopped)
    }

    /// (step, validation loss) of the best checkpoint, once there is one.
    pub fn best(&self) -> Option<(u64, f64)> {
        self.early.as_ref().and_then(|e| e.best)
    }

    /// Back to the best checkpoint's weights.
    pub fn restore_best(&mut self) -> Result<()> {
        let e = self
            .early
            .as_ref()
            .ok_or_else(|| Error::unavailable("restoreBest", "no-early-stopping"))?;
        if e.best.is_none() {
            return Err(Error::unavailable("restoreBest", "no-checkpoint"));
        }
        self.net.params.copy_from_slice(&e.params);
        Ok(())
    }

    /// Run `f` with the best checkpoint's weights in place (if there is
    /// one), then put the current weights back.
    pub(super) fn with_best<T>(&mut self, f: impl FnOnce(&mut Session) -> T) -> T {
        let has_best = self.early.as_ref().is_some_and(|e| e.best.is_some());
        if !has_best {
            return f(self);
        }
        let swap = |s: &mut Session| {
            if let Some(e) = s.early.as_mut() {
                std::mem::swap(&mut s.net.params, &mut e.params);
            }
        };
        swap(self);
        let out = f(self);
        swap(self);
        out
    }
}
