//! Errors of training and of looking inside it: divergence, a call the
//! session's state does not allow, a race lane's refusal, the digits file,
//! and what should never happen.

use super::*;

impl Error {
    /// Training blew up at `step` with `learning_rate`: the batch `loss`
    /// passed `limit`, or (loss None) a loss or weight stopped being a
    /// number (`reason`, see `DIVERGED`).
    pub fn diverged(
        step: u64,
        learning_rate: f64,
        loss: Option<f64>,
        limit: Option<f64>,
        reason: &'static str,
    ) -> Error {
        let why = match reason {
            "loss-exploded" => {
                "the batch loss {loss} passed 10,000× the starting loss (limit {limit})"
            }
            "weight-not-finite" => "a weight is not a finite number",
            _ => "the loss is not a finite number",
        };
        Error::of(
            &DIVERGED,
            [
                step.into(),
                learning_rate.into(),
                loss.into(),
                limit.into(),
                reason.into(),
            ],
            &[
                "training diverged at step {step} with learning rate {learningRate}: ",
                why,
                "; try a smaller learning rate",
            ],
        )
    }

    /// `call` cannot run now (see `UNAVAILABLE` for `why`).
    pub fn unavailable(call: &str, why: &'static str) -> Error {
        let t = match why {
            "diverged" => {
                ": the weights are not finite numbers (training diverged); build the session \
                 again"
            }
            "diverged-next" => {
                "('next'): training has diverged, so there is no next step; trace rows instead \
                 ({ rows: [0] })"
            }
            "stopped-next" => {
                "('next'): training has stopped early, so there is no next step; trace rows \
                 instead ({ rows: [0] })"
            }
            "diverged-rows" => {
                ": training has diverged, so it takes no more steps; build the session again"
            }
            "stopped-rows" => {
                ": training has stopped early, so it takes no more steps; build the session again"
            }
            "no-path" => {
                ": plane 'path' needs a trajectory, and the weights have not moved yet: train \
                 first, or use 'random' or two parameter indices"
            }
            "too-few-weights" => {
                ": this model has too few weights for two independent random directions; use \
                 two parameter indices"
            }
            "no-early-stopping" => {
                ": this session has no train.earlyStopping, so it keeps no best weights"
            }
            _ => ": no epoch has ended yet, so there is no best checkpoint; train first",
        };
        Error::of(&UNAVAILABLE, [call.into(), why.into()], &["{call}", t])
    }

    /// Race lane `lane` (from 1), `setting` `value`, was refused: `cause`.
    pub fn race_lane(lane: usize, setting: &str, value: &str, cause: Error) -> Error {
        Error::of(
            &RACE_LANE,
            [lane.into(), setting.into(), value.into(), cause.into()],
            &["race lane {lane} ({setting} {value}): {cause}"],
        )
    }

    pub fn digits_not_loaded() -> Error {
        Error::of(
            &DIGITS_NOT_LOADED,
            [],
            &[
                "The digits data set is not loaded yet. The page fetches it from \
               data/digits.csv.gz; from your own code, call loadDigits(text) with that file's \
               unpacked text before using data.source 'digits'.",
            ],
        )
    }

    /// The digits file is damaged (see `DIGITS_DAMAGED`).
    pub fn digits_damaged(
        problem: &'static str,
        line: Option<usize>,
        found: &str,
        expected: usize,
    ) -> Error {
        let t = match problem {
            "rows" => {
                "The digits data has {found} rows, expected {expected}: the file is not \
                 data/digits.csv.gz or is cut short."
            }
            "values" => {
                "The digits data is damaged at line {line}: {found} values, expected \
                 {expected}. Restore data/digits.csv.gz from the repository."
            }
            _ => {
                "The digits data is damaged at line {line}: '{found}' is not a whole number \
                 0..={expected}. Restore data/digits.csv.gz from the repository."
            }
        };
        Error::of(
            &DIGITS_DAMAGED,
            [problem.into(), line.into(), found.into(), expected.into()],
            &[t],
        )
    }

    /// What should never happen, said in English.
    pub fn internal(detail: impl Into<String>) -> Error {
        let detail: String = detail.into();
        Error::of(&INTERNAL, [detail.into()], &["internal error: {detail}"])
    }
}
