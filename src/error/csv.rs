//! Errors of reading a learner's CSV file (`data/csv*`): each says what is
//! wrong, where (column, row, cell, as shown: control characters escaped,
//! cut to 40 characters) and what to do about it.

use super::*;

impl Error {
    pub fn csv_size(bytes: usize, limit_bytes: usize) -> Error {
        Error::of(
            &CSV_SIZE,
            [mb(bytes).into(), mb(limit_bytes).into()],
            &["data.csv is {size} MB; the limit is {limit} MB. Use fewer rows or columns"],
        )
    }

    pub fn csv_empty() -> Error {
        Error::of(
            &CSV_EMPTY,
            [],
            &["data.csv is empty: it needs a header row naming the columns, then data rows"],
        )
    }

    pub fn csv_workbook() -> Error {
        Error::of(
            &CSV_WORKBOOK,
            [],
            &[
                "data.csv is a spreadsheet workbook (.xlsx), not CSV text: save it as CSV \
               (File › Save As › CSV) and load that file",
            ],
        )
    }

    pub fn csv_binary() -> Error {
        Error::of(
            &CSV_BINARY,
            [],
            &[
                "data.csv holds NUL characters: it looks like a binary file or UTF-16 text, not \
               CSV; save it as CSV in UTF-8",
            ],
        )
    }

    pub fn csv_quote(row: usize) -> Error {
        let t = "data.csv: row {row} opens a quoted value (\") that is never closed, so the \
                 rest of the file would be one value; close the quote or remove it";
        Error::of(&CSV_QUOTE, [row.into()], &[t])
    }

    pub fn csv_columns(found: usize, max: usize) -> Error {
        let t = "data.csv has {found} columns; at most {max} are supported. Keep the columns \
                 the model needs and remove the others";
        Error::of(&CSV_COLUMNS, [found.into(), max.into()], &[t])
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
            "the header"
        } else {
            "the first row"
        };
        let d = match delimiter {
            "comma" => "comma",
            "semicolon" => "semicolon",
            "tab" => "tab",
            _ => "'|' character",
        };
        Error::of(
            &CSV_RAGGED,
            [
                row.into(),
                values.into(),
                columns.into(),
                header.into(),
                delimiter.into(),
            ],
            &[
                "data.csv: row {row} has {values} ",
                plural(values, "value", "values"),
                " but ",
                first,
                " has {columns} ",
                plural(columns, "column", "columns"),
                "; check that row for a missing or extra ",
                d,
                ", or a value holding a ",
                d,
                " that needs quotes (\"...\")",
            ],
        )
    }

    /// No target named (None), or `target` is none of `columns`.
    pub fn csv_target(target: Option<&str>, columns: &[String], generated: bool) -> Error {
        let (t, named) = match target {
            None => (
                "data.target is required for source 'csv': name the column to predict, one of \
                 {columns}",
                "",
            ),
            Some(_) => (
                "data.target '{target}' is not a column of data.csv; the columns are {columns}",
                if generated {
                    " (the first row holds only numbers, so it was read as data and the \
                     columns were named 'column 1', 'column 2', ...)"
                } else {
                    ""
                },
            ),
        };
        Error::of(
            &CSV_TARGET,
            [target.into(), list(columns), generated.into()],
            &[t, named],
        )
    }

    pub fn csv_one_column(target: &str) -> Error {
        let t = "data.csv has only the target column '{target}'; add at least one feature \
                 column (values may be separated by commas, semicolons, tabs or '|')";
        Error::of(&CSV_ONE_COLUMN, [target.into()], &[t])
    }

    pub fn csv_no_rows() -> Error {
        Error::of(
            &CSV_NO_ROWS,
            [],
            &["data.csv has a header row but no data rows"],
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
        Error::of(
            &CSV_FEW_ROWS,
            [kept.into(), dropped.into(), can_fill.into()],
            &[
                "data.csv has {kept} ",
                plural(kept, "complete row", "complete rows"),
                " ({dropped} dropped for missing values); at least 2 are needed",
                hint,
            ],
        )
    }

    /// `rows` × `inputs` (after one-hot encoding `one_hot`) is more than `max`.
    pub fn csv_cells(rows: usize, inputs: usize, max: usize, one_hot: &[String]) -> Error {
        let encoded = if one_hot.is_empty() {
            ""
        } else {
            " (after one-hot encoding {oneHot})"
        };
        Error::of(
            &CSV_CELLS,
            [
                rows.into(),
                inputs.into(),
                rows.saturating_mul(inputs).into(),
                max.into(),
                list(one_hot),
            ],
            &[
                "data.csv is too large: {rows} rows × {inputs} inputs",
                encoded,
                " = {cells} values, more than the limit of {max}; use fewer rows or columns",
            ],
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
        Error::of(
            &CSV_ROWS,
            [
                row.into(),
                max_rows.into(),
                features.into(),
                max_cells.into(),
                max_samples.into(),
            ],
            &[
                "data.csv is too large: with {features} ",
                plural(features, "feature column", "feature columns"),
                " at most {maxRows} rows fit the limit of {maxCells} values ({maxSamples} rows \
                 at most), and row {row} is past that; use fewer rows or columns",
            ],
        )
    }

    pub fn csv_empty_column(column: &str) -> Error {
        let t = "data.csv: column '{column}' has no values at all; remove the column";
        Error::of(&CSV_EMPTY_COLUMN, [column.into()], &[t])
    }

    /// One-hot encoding `columns` makes more than `max` inputs.
    pub fn csv_one_hot(columns: &[String], max: usize) -> Error {
        let t = "data.csv: one-hot encoding the text columns {columns} makes more than {max} \
                 inputs, the limit; remove some columns or merge their values";
        Error::of(&CSV_ONE_HOT, [list(columns), max.into()], &[t])
    }

    pub fn csv_no_mean(column: &str) -> Error {
        let t = "data.csv: column '{column}' has no values on the rows that have a target, so \
                 it has no mean to fill in; remove the column";
        Error::of(&CSV_NO_MEAN, [column.into()], &[t])
    }

    /// `cell` at `row` of `column` is beyond ±`max`.
    pub fn csv_infinite(column: &str, row: usize, cell: &str, max: f64) -> Error {
        let t = "data.csv: column '{column}' has an infinite or absurdly large value at row \
                 {row}: '{cell}'; values must be between -{max} and {max}. Fix the cell, or \
                 empty it to make it a missing value";
        Error::of(
            &CSV_INFINITE,
            [column.into(), row.into(), cell.into(), max.into()],
            &[t],
        )
    }

    /// Feature `column` has `count` text values (the first `cell` at `row`),
    /// too many kinds to be categories; `others` are refused with it.
    pub fn csv_text(
        column: &str,
        count: usize,
        row: usize,
        cell: &str,
        others: &[String],
        max_levels: usize,
    ) -> Error {
        let and_so = if others.is_empty() {
            ""
        } else {
            " (and so do {others})"
        };
        Error::of(
            &CSV_TEXT,
            [
                column.into(),
                count.into(),
                row.into(),
                cell.into(),
                list(others),
                max_levels.into(),
            ],
            &[
                "data.csv: column '{column}' has {count} ",
                plural(count, "non-numeric value", "non-numeric values"),
                ", first at row {row}: '{cell}'",
                and_so,
                ". A feature column must hold numbers, or at most {maxLevels} distinct values \
                 to be used as categories, and this one has more. Fix those cells (empty \
                 cells, NA, N/A, NaN, null, None and ? count as missing), remove the column, \
                 or make it the target",
            ],
        )
    }

    pub fn csv_regression_text(column: &str, row: usize, cell: &str) -> Error {
        let t = "data.target '{column}' has a non-numeric value at row {row}: '{cell}', so it \
                 cannot be a regression target; set data.task to 'classification'";
        Error::of(
            &CSV_REGRESSION_TEXT,
            [column.into(), row.into(), cell.into()],
            &[t],
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
        let why = match guessed {
            Some("numbers") => {
                " (the task was guessed as classification because the target holds whole \
                 numbers with few distinct values)"
            }
            Some(_) => " (the task was guessed as classification because the target holds text)",
            None => "",
        };
        let fix = if numeric {
            "; to predict it as a number, set data.task to 'regression'"
        } else {
            "; merge some classes or choose another target"
        };
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
            &[
                "data.target '{column}' has ",
                if more { "more than " } else { "" },
                "{found} classes, more than the {max} supported (the page has {max} class \
                 colours)",
                why,
                fix,
            ],
        )
    }

    pub fn csv_one_class(column: &str, value: &str) -> Error {
        let t = "data.target '{column}' has only one value ('{value}'); a classifier needs at \
                 least 2 classes";
        Error::of(&CSV_ONE_CLASS, [column.into(), value.into()], &[t])
    }
}
