//! Source `csv`: a learner's own file, pasted or loaded as text.
//!
//! `{ source: 'csv', csv: '<text>', target: '<column>', task?, missing? }`.
//!
//! # What is accepted
//! Real files are messy, so the reader takes, without being told:
//! - a UTF-8 byte-order mark; `\n`, `\r\n` or `\r` line ends;
//! - quoted values holding delimiters, `""` quotes and newlines (a quote
//!   opens a value only as its first character: after spaces it is literal,
//!   as RFC 4180 has it);
//! - `,` `;` tab or `|` as the delimiter, guessed from the first 50 rows:
//!   the one giving the same column count (more than one) on every row,
//!   delimiters inside quotes not counted;
//! - blank lines (skipped, and still counted as rows);
//! - a trailing delimiter on every row (the empty last column is ignored);
//! - no header: when the first row holds only numbers it is data and the
//!   columns are named `column 1`, `column 2`…;
//! - unnamed columns (`column 3`) and repeated names (`age`, `age (2)`);
//! - thousands separators in comma files (`"1,234.5"`) and decimal commas in
//!   the others (`1,5`);
//! - text feature columns with at most [`MAX_LEVELS`] distinct values, one-hot
//!   encoded as `color=blue`, `color=red` (levels sorted); text columns with
//!   more are refused by name;
//! - missing values: empty, `NA`, `N/A`, `NaN`, `null`, `None`, `?`, in any
//!   case. A row whose target is missing is dropped (there is nothing to
//!   learn from it); a missing feature drops the row (`missing: 'drop'`, the
//!   default) or is filled with its column's mean over the rows that have a
//!   target (`missing: 'mean'`; a one-hot column is filled with each level's
//!   share). That mean is taken before the split: a small leak of
//!   validation/test statistics, accepted so the data set is complete when it
//!   is split. Normalization is still fitted on the training rows only.
//!
//! Refused, with a message naming the column and row: numbers beyond ±1e30
//! or infinite; rows with a different number of values; an unclosed quote;
//! a target with one class, or more than `MAX_CLASSES`; a workbook (.xlsx) or
//! binary file.
//!
//! Rows are numbered as in a spreadsheet: the first row of the file is row 1
//! (the header, when there is one), blank rows count, and a value with a
//! newline inside it does not start a new row.
//!
//! # Limits, time and memory
//! At most [`MAX_BYTES`] (50 MB) of text, [`MAX_COLUMNS`] (1,000) columns in
//! the file and inputs after one-hot encoding, `MAX_SAMPLES` rows and
//! `MAX_CELLS` (200,000) input values. The cell limit is checked while
//! reading, so an oversized file stops at the first row past it.
//!
//! Records are read with the `csv` crate. The text is read twice, front to
//! back (the delimiter guess reads its first 50 records, about 1 MB at most
//! unless one record is longer, four times), so time is linear in its
//! length. Rows are streamed: besides the text, which the caller holds,
//! memory is the result — `x` (rows × inputs f32, at most 800 KB) and `y` —
//! plus per-column state (counts and up to 13 distinct values per column)
//! and the one record the `csv` crate holds at a time: its 8 KB read buffer
//! and the record's text and field ends, reused from row to row. A single
//! record (a quoted value of many lines) can be as long as the text, which
//! is bounded by [`MAX_BYTES`]. Nothing proportional to the rows is kept
//! otherwise.
//!
//! # API
//! [`parse`] returns [`Parsed`]: the [`Dataset`] and a [`CsvReport`] of what
//! was done to the file (rows dropped, cells filled, columns one-hot encoded
//! or renamed, and sentences saying so). [`from_config`] keeps the data set
//! only; [`from_config_with_report`] keeps both. [`preview`] describes a file
//! before a target is chosen, for the page's preview table.

mod cell;
mod notes;
mod reader;
mod scan;
mod target;

use self::cell::{classify, show, Cell};
use self::notes::{layout_notes, notes};
use self::scan::{for_each_row, layout, refuse_text, scan, unique, Col, Layout, Plan, Scan};
use self::target::{guess_classes, target_task};
use super::{Dataset, Task};
use crate::config::{DataConfig, MAX_CELLS};
use crate::data::source::TaskKind;
use crate::error::{Error, Result};
use ndarray::Array2;
use serde::Serialize;
use std::collections::BTreeSet;

/// The largest text accepted: 50 MB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The most columns a file may have, and the most inputs after one-hot
/// encoding.
pub const MAX_COLUMNS: usize = 1_000;

/// The most distinct values a text feature column may have and still be
/// one-hot encoded as categories.
pub const MAX_LEVELS: usize = 12;

/// With no `data.task`, an integer target with at most this many distinct
/// values is taken to be class labels (0/1, ratings 1..5, digit labels).
pub const GUESS_CLASSES_UP_TO: usize = 10;

/// `preview` shows at most this many rows, whatever it is asked for.
pub const MAX_PREVIEW_ROWS: usize = 1_000;

/// A data set read from CSV, and what was done to the file to get it.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub dataset: Dataset,
    pub report: CsvReport,
}

/// What reading the file did, for the page to tell the learner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvReport {
    /// The delimiter found: `,` `;` `\t` or `|`.
    pub delimiter: char,
    /// The first row held only numbers, so it was read as data and the
    /// columns were named `column 1`, `column 2`….
    pub generated_header: bool,
    /// Names made unique because the header repeated them (`age (2)`).
    pub renamed: Vec<String>,
    /// Data rows in the file (blank lines not counted).
    pub rows: usize,
    /// Blank lines skipped.
    pub blank_rows: usize,
    /// Rows dropped because their target was missing.
    pub dropped_no_target: usize,
    /// Rows dropped because a feature was missing (`missing: 'drop'`).
    pub dropped_missing: usize,
    /// Feature cells filled with their column's mean (`missing: 'mean'`).
    pub filled_cells: usize,
    /// Text columns turned into one input per value.
    pub one_hot: Vec<OneHot>,
    /// An empty last column (a trailing delimiter on every row) was ignored.
    pub dropped_empty_last_column: bool,
    /// All of the above as sentences, for the page to show as they are.
    pub notes: Vec<String>,
}

impl CsvReport {
    /// Rows dropped for missing values, target or feature.
    pub fn dropped_rows(&self) -> usize {
        self.dropped_no_target + self.dropped_missing
    }
}

/// One text column and the inputs it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OneHot {
    pub column: String,
    pub inputs: Vec<String>,
}

/// A file described before a target is chosen: the page's preview table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub columns: Vec<ColumnSummary>,
    /// The first rows as text (cells cut at 200 characters).
    pub rows: Vec<Vec<String>>,
    /// Data rows in the file.
    pub total_rows: usize,
    pub delimiter: char,
    pub generated_header: bool,
    pub renamed: Vec<String>,
    /// The last column.
    pub suggested_target: String,
    /// What `parse` would guess for the suggested target with no `data.task`.
    pub suggested_task: String,
    /// What was done to the file, as sentences (blank lines skipped…).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnSummary {
    pub name: String,
    /// `number` (every value a number), `category` (some text, at most
    /// `MAX_LEVELS` distinct values: one-hot encoded as a feature) or
    /// `text` (refused as a feature; usable as a classification target).
    pub kind: String,
    pub missing: usize,
    /// Smallest and largest value of a `number` column.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Distinct values, counted up to 13 (13 means "more than 12").
    pub levels: usize,
    /// The task `parse` would take with this column as the target and no
    /// `data.task`: `classification` or `regression`.
    pub task: String,
}

/// Build the data set from the `data.csv*` fields of the config.
pub fn from_config(cfg: &DataConfig) -> Result<Dataset> {
    from_config_with_report(cfg).map(|p| p.dataset)
}

/// As [`from_config`], with the report of what was done to the file.
pub fn from_config_with_report(cfg: &DataConfig) -> Result<Parsed> {
    let text = cfg
        .csv
        .as_deref()
        .ok_or_else(|| Error::required("data.csv", None))?;
    parse_typed(
        text,
        cfg.target.as_deref(),
        cfg.task,
        cfg.missing.unwrap_or(Missing::Drop),
    )
}

crate::choice! {
    /// `data.missing`: what to do with a row that lacks a feature.
    pub enum Missing {
        Drop = "drop",
        Mean = "mean",
    }
}

/// How one input column is made from the file.
enum Encode {
    Number {
        col: usize,
        fill: f32,
    },
    OneHot {
        col: usize,
        levels: Vec<String>,
        fills: Vec<f32>,
    },
}

/// Parse CSV text into a data set. `target: None` is an error that lists the
/// columns, so the learner can pick one; `task: None` guesses (text or few
/// whole numbers: classification); `missing` is `'drop'` or `'mean'`.
pub fn parse(
    text: &str,
    target: Option<&str>,
    task: Option<&str>,
    missing: &str,
) -> Result<Parsed> {
    let missing = Missing::parse("data.missing", missing)?;
    let task = task.map(|t| TaskKind::parse("data.task", t)).transpose()?;
    parse_typed(text, target, task, missing)
}

/// [`parse`] with the choices already read.
pub fn parse_typed(
    text: &str,
    target: Option<&str>,
    task: Option<TaskKind>,
    missing: Missing,
) -> Result<Parsed> {
    let lay = layout(text)?;
    let shown: Vec<String> = lay.names.iter().map(|n| show(n)).collect();
    let Some(target) = target.map(str::trim) else {
        return Err(Error::csv_target(None, &shown, lay.generated));
    };
    let Some(t) = lay.names.iter().position(|n| n == target) else {
        return Err(Error::csv_target(
            Some(&show(target)),
            &shown,
            lay.generated,
        ));
    };
    if lay.used < 2 {
        return Err(Error::csv_one_column(&show(target)));
    }
    let drop = missing == Missing::Drop;
    let s = scan(
        &lay,
        Plan {
            target: Some(t),
            drop,
            preview: 0,
        },
    )?;
    if s.rows == 0 {
        return Err(Error::csv_no_rows());
    }
    let features: Vec<usize> = (0..lay.used).filter(|&c| c != t).collect();
    refuse_text(&lay, &s, &features)?;
    let (encode, input_names, one_hot) = encoding(&lay, &s, &features, drop)?;

    if s.kept < 2 {
        let can_fill = drop && s.incomplete > 0;
        let dropped = s.incomplete + s.no_target;
        return Err(Error::csv_few_rows(s.kept, dropped, can_fill));
    }
    let inputs = input_names.len();
    if s.kept.saturating_mul(inputs) > MAX_CELLS {
        let encoded: Vec<String> = one_hot.iter().map(|o| show(&o.column)).collect();
        return Err(Error::csv_cells(s.kept, inputs, MAX_CELLS, &encoded));
    }
    let target_task = target_task(&lay.names[t], &s.target, task)?;

    // The second pass: the rows kept, straight into the matrix.
    let cap = s.kept * inputs;
    let mut x: Vec<f32> = Vec::with_capacity(cap);
    let mut y: Vec<f32> = Vec::with_capacity(s.kept);
    let mut kinds: Vec<Cell> = Vec::with_capacity(lay.used);
    let mut blank = 0;
    for_each_row(&lay, &mut blank, |_, fields| {
        kinds.clear();
        for f in fields.iter() {
            kinds.push(classify(f, lay.delim).unwrap_or(Cell::Missing));
        }
        let has_missing = features.iter().any(|&c| kinds[c] == Cell::Missing);
        if kinds[t] == Cell::Missing || (drop && has_missing) {
            return Ok(());
        }
        if y.len() == s.kept {
            return Err(Error::internal("data.csv: the file changed between passes"));
        }
        for e in &encode {
            match e {
                Encode::Number { col, fill } => x.push(match kinds[*col] {
                    Cell::Number(v) => v as f32,
                    _ => *fill,
                }),
                Encode::OneHot { col, levels, fills } => {
                    if kinds[*col] == Cell::Missing {
                        x.extend_from_slice(fills);
                    } else {
                        let cell = fields.get(*col);
                        x.extend(levels.iter().map(|l| f32::from(u8::from(l == cell))));
                    }
                }
            }
        }
        y.push(target_task.value(fields.get(t), kinds[t]));
        Ok(())
    })?;
    let rows = y.len();
    let x = Array2::from_shape_vec((rows, inputs), x)
        .map_err(|e| Error::internal(format!("data.csv: shape: {e}")))?;

    let mut report = CsvReport {
        delimiter: char::from(lay.delim),
        generated_header: lay.generated,
        renamed: lay.renamed.clone(),
        rows: s.rows,
        blank_rows: s.blank,
        dropped_no_target: s.no_target,
        dropped_missing: s.incomplete,
        filled_cells: if drop { 0 } else { s.missing_features },
        one_hot,
        dropped_empty_last_column: lay.used < lay.width,
        notes: Vec::new(),
    };
    report.notes = notes(&lay, &report, target);
    Ok(Parsed {
        dataset: Dataset {
            task: target_task.task,
            x,
            y,
            input_names,
            fixed_split: None,
            image_shape: None,
            domain: None,
        },
        report,
    })
}

/// Levels of a one-hot column in a stable order: numbers by value, then
/// text as sorted strings.
fn sorted_levels(col: &Col, delim: u8) -> Vec<(String, usize)> {
    let mut levels = col.levels.clone();
    let num = |s: &str| match classify(s, delim) {
        Ok(Cell::Number(v)) => Some(v),
        _ => None,
    };
    // Level names are distinct, so an unstable sort gives the same order.
    levels.sort_unstable_by(|(a, _), (b, _)| match (num(a), num(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    });
    levels
}

/// How each feature column becomes inputs, the inputs' names, and the
/// one-hot columns.
fn encoding(
    lay: &Layout,
    s: &Scan,
    features: &[usize],
    drop: bool,
) -> Result<(Vec<Encode>, Vec<String>, Vec<OneHot>)> {
    let mut encode = Vec::with_capacity(features.len());
    let mut names = Vec::with_capacity(features.len());
    let mut one_hot = Vec::new();
    let mut taken: BTreeSet<String> = lay.names.iter().cloned().collect();
    for &c in features {
        let col = &s.cols[c];
        let name = &lay.names[c];
        if col.numbers + col.text == 0 {
            return Err(Error::csv_empty_column(&show(name)));
        }
        if col.is_category() {
            let levels = sorted_levels(col, lay.delim);
            let total: usize = levels.iter().map(|(_, n)| n).sum();
            if !drop && total == 0 {
                return Err(no_mean(name));
            }
            let fills = levels
                .iter()
                .map(|(_, n)| (*n as f64 / total.max(1) as f64) as f32)
                .collect();
            let mut inputs = Vec::with_capacity(levels.len());
            for (l, _) in &levels {
                let input = unique(&format!("{name}={l}"), &taken);
                taken.insert(input.clone());
                inputs.push(input);
            }
            names.extend(inputs.iter().cloned());
            one_hot.push(OneHot {
                column: name.clone(),
                inputs,
            });
            encode.push(Encode::OneHot {
                col: c,
                levels: levels.into_iter().map(|(l, _)| l).collect(),
                fills,
            });
        } else {
            if !drop && col.present == 0 {
                return Err(no_mean(name));
            }
            let fill = (col.sum / col.present.max(1) as f64) as f32;
            names.push(name.clone());
            encode.push(Encode::Number { col: c, fill });
        }
        if names.len() > MAX_COLUMNS {
            let encoded: Vec<String> = one_hot.iter().map(|o| show(&o.column)).collect();
            return Err(Error::csv_one_hot(&encoded, MAX_COLUMNS));
        }
    }
    Ok((encode, names, one_hot))
}

fn no_mean(name: &str) -> Error {
    Error::csv_no_mean(&show(name))
}

/// Describe a file for the page's preview table, before a target is chosen:
/// each column's kind, missing count, range and distinct values, and the
/// first `max_rows` rows (at most [`MAX_PREVIEW_ROWS`]). Refuses what
/// `parse` would refuse whatever the target (size, shape, absurd numbers).
pub fn preview(text: &str, max_rows: usize) -> Result<Preview> {
    let lay = layout(text)?;
    let s = scan(
        &lay,
        Plan {
            target: None,
            drop: false,
            preview: max_rows.min(MAX_PREVIEW_ROWS),
        },
    )?;
    if s.rows == 0 {
        return Err(Error::csv_no_rows());
    }
    let columns: Vec<ColumnSummary> = lay
        .names
        .iter()
        .zip(&s.cols)
        .map(|(name, col)| {
            let range = col.text == 0 && col.numbers > 0;
            ColumnSummary {
                name: name.clone(),
                kind: col.kind().into(),
                missing: col.missing,
                min: range.then_some(col.min),
                max: range.then_some(col.max),
                levels: col.distinct(),
                task: if guess_classes(col) {
                    "classification"
                } else {
                    "regression"
                }
                .into(),
            }
        })
        .collect();
    let suggested_task = columns
        .last()
        .map_or("classification".into(), |c| c.task.clone());
    Ok(Preview {
        columns,
        rows: s.preview,
        total_rows: s.rows,
        delimiter: char::from(lay.delim),
        generated_header: lay.generated,
        renamed: lay.renamed.clone(),
        suggested_target: lay.names.last().cloned().unwrap_or_default(),
        suggested_task,
        notes: layout_notes(&lay, s.blank),
    })
}

#[cfg(test)]
mod tests;
