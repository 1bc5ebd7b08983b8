//! Errors of reading a learner's CSV file (`data/csv*`): each says what is
//! wrong, where (column, row, cell, as shown: control characters escaped,
//! cut to 40 characters) and what to do about it.

use super::*;

/// How a delimiter is named in messages, by its id.
fn delimiter_word(id: &str) -> &'static str {
    match id {
        "comma" => "comma",
        "semicolon" => "semicolon",
        "tab" => "tab",
        _ => "'|' character",
    }
}

impl Error {
    pub fn csv_size(bytes: usize, limit_bytes: usize) -> Error {
        let (size, limit) = (mb(bytes), mb(limit_bytes));
        let message = format!(
            "data.csv is {size:.1} MB; the limit is {} MB. Use fewer rows or columns",
            num(limit)
        );
        Error::of(&CSV_SIZE, [size.into(), limit.into()], message)
    }

    pub fn csv_empty() -> Error {
        Error::of(
            &CSV_EMPTY,
            [],
            "data.csv is empty: it needs a header row naming the columns, then data rows".into(),
        )
    }

    pub fn csv_workbook() -> Error {
        Error::of(
            &CSV_WORKBOOK,
            [],
            "data.csv is a spreadsheet workbook (.xlsx), not CSV text: save it as CSV \
             (File › Save As › CSV) and load that file"
                .into(),
        )
    }

    pub fn csv_binary() -> Error {
        Error::of(
            &CSV_BINARY,
            [],
            "data.csv holds NUL characters: it looks like a binary file or UTF-16 text, not \
             CSV; save it as CSV in UTF-8"
                .into(),
        )
    }

    pub fn csv_quote(row: usize) -> Error {
        let message = format!(
            "data.csv: row {row} opens a quoted value (\") that is never closed, so the rest of \
             the file would be one value; close the quote or remove it"
        );
        Error::of(&CSV_QUOTE, [row.into()], message)
    }

    pub fn csv_columns(found: usize, max: usize) -> Error {
        let message = format!(
            "data.csv has {found} columns; at most {max} are supported. Keep the columns the \
             model needs and remove the others"
        );
        Error::of(&CSV_COLUMNS, [found.into(), max.into()], message)
    }

    /// Row `row` has `values` fields where the header (or, without one, the
    /// first row) has `columns`; `delimiter` is `comma`, `semicolon`, `tab`
    /// or `pipe`.
    pub fn csv_ragged(
        row: usize,
        values: usize,
        columns: usize,
        header: bool,
        delimiter: &'static str,
    ) -> Error {
        let first = if header {
            "the header has"
        } else {
            "the first row has"
        };
        let d = delimiter_word(delimiter);
        let message = format!(
            "data.csv: row {row} has {} but {first} {}; check that row for a missing or extra \
             {d}, or a value holding a {d} that needs quotes (\"...\")",
            count(values, "value", "values"),
            count(columns, "column", "columns"),
        );
        Error::of(
            &CSV_RAGGED,
            [
                row.into(),
                values.into(),
                columns.into(),
                header.into(),
                delimiter.into(),
            ],
            message,
        )
    }

    /// No target named (None), or `target` is none of `columns`.
    pub fn csv_target(target: Option<&str>, columns: &[String], generated: bool) -> Error {
        let message = match target {
            None => format!(
                "data.target is required for source 'csv': name the column to predict, one of {}",
                quoted(columns)
            ),
            Some(t) => {
                let mut m = format!(
                    "data.target '{t}' is not a column of data.csv; the columns are {}",
                    quoted(columns)
                );
                if generated {
                    m.push_str(&format!(
                        " (the first row holds only numbers, so it was read as data and the \
                         columns were named 'column 1' to 'column {}')",
                        columns.len()
                    ));
                }
                m
            }
        };
        Error::of(
            &CSV_TARGET,
            [target.into(), list(columns), generated.into()],
            message,
        )
    }

    pub fn csv_one_column(target: &str) -> Error {
        let message = format!(
            "data.csv has only the target column '{target}'; add at least one feature column \
             (values may be separated by commas, semicolons, tabs or '|')"
        );
        Error::of(&CSV_ONE_COLUMN, [target.into()], message)
    }

    pub fn csv_no_rows() -> Error {
        Error::of(
            &CSV_NO_ROWS,
            [],
            "data.csv has a header row but no data rows".into(),
        )
    }

    /// `kept` complete rows, `dropped` for missing values; `can_fill`: some
    /// were dropped that data.missing 'mean' would keep.
    pub fn csv_few_rows(kept: usize, dropped: usize, can_fill: bool) -> Error {
        let hint = if can_fill {
            "; set data.missing to 'mean' to fill missing features instead of dropping rows"
        } else {
            ""
        };
        let message = format!(
            "data.csv has {} ({dropped} dropped for missing values); at least 2 are needed{hint}",
            count(kept, "complete row", "complete rows"),
        );
        Error::of(
            &CSV_FEW_ROWS,
            [kept.into(), dropped.into(), can_fill.into()],
            message,
        )
    }

    /// `rows` × `inputs` (after one-hot encoding `one_hot`) is more than `max`.
    pub fn csv_cells(rows: usize, inputs: usize, max: usize, one_hot: &[String]) -> Error {
        let cells = rows.saturating_mul(inputs);
        let encoded = if one_hot.is_empty() {
            String::new()
        } else {
            format!(" (after one-hot encoding {})", quoted(one_hot))
        };
        let message = format!(
            "data.csv is too large: {rows} rows × {inputs} inputs{encoded} = {cells} values, \
             more than the limit of {max}; use fewer rows or columns"
        );
        Error::of(
            &CSV_CELLS,
            [
                rows.into(),
                inputs.into(),
                cells.into(),
                max.into(),
                list(one_hot),
            ],
            message,
        )
    }

    /// Row `row` is past the `max_rows` that fit with `features` feature columns.
    pub fn csv_rows(
        row: usize,
        max_rows: usize,
        features: usize,
        max_cells: usize,
        max_samples: usize,
    ) -> Error {
        let message = format!(
            "data.csv is too large: with {} at most {max_rows} rows fit the limit of \
             {max_cells} values ({max_samples} rows at most), and row {row} is past that; use \
             fewer rows or columns",
            count(features, "feature column", "feature columns"),
        );
        Error::of(
            &CSV_ROWS,
            [
                row.into(),
                max_rows.into(),
                features.into(),
                max_cells.into(),
                max_samples.into(),
            ],
            message,
        )
    }

    pub fn csv_empty_column(column: &str) -> Error {
        let message =
            format!("data.csv: column '{column}' has no values at all; remove the column");
        Error::of(&CSV_EMPTY_COLUMN, [column.into()], message)
    }

    /// One-hot encoding `columns` makes more than `max` inputs.
    pub fn csv_one_hot(columns: &[String], max: usize) -> Error {
        let message = format!(
            "data.csv: one-hot encoding the text columns {} makes more than {max} inputs, the \
             limit; remove some columns or merge their values",
            quoted(columns)
        );
        Error::of(&CSV_ONE_HOT, [list(columns), max.into()], message)
    }

    pub fn csv_no_mean(column: &str) -> Error {
        let message = format!(
            "data.csv: column '{column}' has no values on the rows that have a target, so it \
             has no mean to fill in; remove the column"
        );
        Error::of(&CSV_NO_MEAN, [column.into()], message)
    }

    /// `cell` at `row` of `column` is beyond ±`max`.
    pub fn csv_infinite(column: &str, row: usize, cell: &str, max: f64) -> Error {
        let message = format!(
            "data.csv: column '{column}' has an infinite or absurdly large value at row {row}: \
             '{cell}'; values must be between -{max:e} and {max:e}. Fix the cell, or empty it \
             to make it a missing value"
        );
        Error::of(
            &CSV_INFINITE,
            [column.into(), row.into(), cell.into(), max.into()],
            message,
        )
    }

    /// Feature `column` has `count` text values (the first `cell` at `row`),
    /// too many kinds to be categories; `others` are refused with it.
    pub fn csv_text(
        column: &str,
        count_: usize,
        row: usize,
        cell: &str,
        others: &[String],
        max_levels: usize,
    ) -> Error {
        let mut message = format!(
            "data.csv: column '{column}' has {}, first at row {row}: '{cell}'",
            count(count_, "non-numeric value", "non-numeric values"),
        );
        if !others.is_empty() {
            message.push_str(&format!(" (and so do {})", quoted(others)));
        }
        message.push_str(&format!(
            ". A feature column must hold numbers, or at most {max_levels} distinct values to \
             be used as categories, and this one has more. Fix those cells (empty cells, NA, \
             N/A, NaN, null, None and ? count as missing), remove the column, or make it the \
             target"
        ));
        Error::of(
            &CSV_TEXT,
            [
                column.into(),
                count_.into(),
                row.into(),
                cell.into(),
                list(others),
                max_levels.into(),
            ],
            message,
        )
    }

    pub fn csv_regression_text(column: &str, row: usize, cell: &str) -> Error {
        let message = format!(
            "data.target '{column}' has a non-numeric value at row {row}: '{cell}', so it cannot \
             be a regression target; set data.task to 'classification'"
        );
        Error::of(
            &CSV_REGRESSION_TEXT,
            [column.into(), row.into(), cell.into()],
            message,
        )
    }

    /// Target `column` has `found` classes (more, if `more`), past `max`
    /// (see `CSV_CLASSES` for `guessed` and `numeric`).
    pub fn csv_classes(
        column: &str,
        found: usize,
        more: bool,
        max: usize,
        guessed: Option<&'static str>,
        numeric: bool,
    ) -> Error {
        let n = if more {
            format!("more than {found}")
        } else {
            found.to_string()
        };
        let why = match guessed {
            Some("numbers") => {
                " (the task was guessed as classification because the target \
                                holds whole numbers with few distinct values)"
            }
            Some(_) => " (the task was guessed as classification because the target holds text)",
            None => "",
        };
        let fix = if numeric {
            "; to predict it as a number, set data.task to 'regression'"
        } else {
            "; merge some classes or choose another target"
        };
        let message = format!(
            "data.target '{column}' has {n} classes, more than the {max} supported (the page \
             has {max} class colours){why}{fix}"
        );
        Error::of(
            &CSV_CLASSES,
            [
                column.into(),
                found.into(),
                more.into(),
                max.into(),
                guessed.into(),
                numeric.into(),
            ],
            message,
        )
    }

    pub fn csv_one_class(column: &str, value: &str) -> Error {
        let message = format!(
            "data.target '{column}' has only one value ('{value}'); a classifier needs at least \
             2 classes"
        );
        Error::of(&CSV_ONE_CLASS, [column.into(), value.into()], message)
    }
}
