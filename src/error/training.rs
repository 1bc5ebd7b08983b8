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
        let why = match (reason, loss, limit) {
            ("loss-exploded", Some(l), Some(m)) => format!(
                "the batch loss {} passed 10,000× the starting loss (limit {})",
                num(l),
                num(m)
            ),
            ("weight-not-finite", ..) => "a weight is not a finite number".into(),
            _ => "the loss is not a finite number".into(),
        };
        let message = format!(
            "training diverged at step {step} with learning rate {}: {why}; try a smaller \
             learning rate",
            num(learning_rate)
        );
        Error::of(
            &DIVERGED,
            [
                step.into(),
                learning_rate.into(),
                loss.into(),
                limit.into(),
                reason.into(),
            ],
            message,
        )
    }

    /// `call` cannot run now (see `UNAVAILABLE` for `why`).
    pub fn unavailable(call: &str, why: &'static str) -> Error {
        let message = match why {
            "diverged" => format!(
                "{call}: the weights are not finite numbers (training diverged); build the \
                 session again"
            ),
            "diverged-next" | "stopped-next" => format!(
                "{call}('next'): training has {}, so there is no next step; trace rows \
                 instead ({{ rows: [0] }})",
                if why == "diverged-next" {
                    "diverged"
                } else {
                    "stopped early"
                }
            ),
            "diverged-rows" | "stopped-rows" => format!(
                "{call}: training has {}, so it takes no more steps; build the session again",
                if why == "diverged-rows" {
                    "diverged"
                } else {
                    "stopped early"
                }
            ),
            "no-path" => format!(
                "{call}: plane 'path' needs a trajectory, and the weights have not moved yet: \
                 train first, or use 'random' or two parameter indices"
            ),
            "too-few-weights" => format!(
                "{call}: this model has too few weights for two independent random \
                 directions; use two parameter indices"
            ),
            "no-early-stopping" => format!(
                "{call}: this session has no train.earlyStopping, so it keeps no best weights"
            ),
            _ => format!(
                "{call}: no epoch has ended yet, so there is no best checkpoint; train first"
            ),
        };
        Error::of(&UNAVAILABLE, [call.into(), why.into()], message)
    }

    /// Race lane `lane` (from 1), `setting` `value`, was refused: `cause`.
    pub fn race_lane(lane: usize, setting: &str, value: &str, cause: Error) -> Error {
        let message = format!("race lane {lane} ({setting} {value}): {cause}");
        Error::of(
            &RACE_LANE,
            [lane.into(), setting.into(), value.into(), cause.into()],
            message,
        )
    }

    pub fn digits_not_loaded() -> Error {
        Error::of(
            &DIGITS_NOT_LOADED,
            [],
            "The digits data set is not loaded yet. The page fetches it from \
             data/digits.csv.gz; from your own code, call loadDigits(text) with that file's \
             unpacked text before using data.source 'digits'."
                .into(),
        )
    }

    /// The digits file is damaged (see `DIGITS_DAMAGED`).
    pub fn digits_damaged(
        problem: &'static str,
        line: Option<usize>,
        found: &str,
        expected: usize,
    ) -> Error {
        let at = line.unwrap_or(0);
        let message = match problem {
            "rows" => format!(
                "The digits data has {found} rows, expected {expected}: the file is not \
                 data/digits.csv.gz or is cut short."
            ),
            "values" => format!(
                "The digits data is damaged at line {at}: {found} values, expected {expected}. \
                 Restore data/digits.csv.gz from the repository."
            ),
            _ => format!(
                "The digits data is damaged at line {at}: '{found}' is not a whole number \
                 0..={expected}. Restore data/digits.csv.gz from the repository."
            ),
        };
        Error::of(
            &DIGITS_DAMAGED,
            [problem.into(), line.into(), found.into(), expected.into()],
            message,
        )
    }

    /// What should never happen, said in English.
    pub fn internal(detail: impl Into<String>) -> Error {
        let detail = detail.into();
        let message = format!("internal error: {detail}");
        Error::of(&INTERNAL, [detail.into()], message)
    }
}
