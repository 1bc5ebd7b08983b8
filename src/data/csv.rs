//! Source `csv`: a learner's own file, pasted as text.
//!
//! `{ source: 'csv', csv: '<text>', target: '<column>', task?, missing? }`.
//! The first row is the header; every other column is a numeric feature.
//! Rows are numbered as in a spreadsheet: the header is row 1, so the first
//! data row is row 2.
//!
//! Missing cells (empty, `NA`, `N/A`, `NaN`, `null`, `None`, `?`, any case):
//! a row whose target is missing is always dropped (there is nothing to
//! learn from it); a missing feature drops the row (`missing: 'drop'`, the
//! default) or is filled with its column's mean (`missing: 'mean'`). That
//! mean is over all of the file's rows, before the split: a small leak of
//! validation/test statistics, accepted so the data set is complete when it
//! is split. Normalization is still fitted on the training rows only.

use super::{Dataset, Task};
use crate::config::{one_of, DataConfig, MAX_CELLS, MAX_CLASSES, MAX_SAMPLES};
use crate::error::{Error, Result};
use ndarray::Array2;
use std::collections::BTreeSet;

/// With no `data.task`, an integer target with at most this many distinct
/// values is taken to be class labels (0/1, ratings 1..5, digit labels).
const GUESS_CLASSES_UP_TO: usize = 10;

/// Cells that mean "no value" in the files learners are likely to have
/// (spreadsheets, pandas, R, the UCI repository's `?`).
fn is_missing(cell: &str) -> bool {
    const MARKERS: &[&str] = &["", "na", "n/a", "nan", "null", "none", "?"];
    MARKERS.iter().any(|m| cell.eq_ignore_ascii_case(m))
}

/// A finite number an f32 can hold; `inf` and overflowing values are not
/// numbers a model can learn from.
fn number(cell: &str) -> Option<f64> {
    cell.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (*v as f32).is_finite())
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Build the data set from the `data.csv*` fields of the config.
pub fn from_config(cfg: &DataConfig) -> Result<Dataset> {
    let text = cfg.csv.as_deref().ok_or_else(|| {
        Error::new("data.csv is required for source 'csv': paste the file's text, header row first")
    })?;
    let missing = cfg.missing.as_deref().unwrap_or("drop");
    one_of("data.missing", missing, &["drop", "mean"])?;
    if let Some(t) = cfg.task.as_deref() {
        one_of("data.task", t, &["classification", "regression"])?;
    }
    parse(text, cfg.target.as_deref(), cfg.task.as_deref(), missing)
}

/// Parse CSV text into a data set. `target: None` is an error that lists the
/// columns, so the learner can pick one.
pub fn parse(
    text: &str,
    target: Option<&str>,
    task: Option<&str>,
    missing: &str,
) -> Result<Dataset> {
    if text.trim().is_empty() {
        return Err(Error::new(
            "data.csv is empty: it needs a header row naming the columns, then data rows",
        ));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        // Ragged rows are reported by us, with the row number and counts.
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());

    let header = reader
        .headers()
        .map_err(|e| Error(format!("data.csv: cannot read the header row: {e}")))?
        .clone();
    let names: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if h.is_empty() {
                format!("column {}", i + 1)
            } else {
                h.to_string()
            }
        })
        .collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(Error(format!(
                "data.csv has two columns named '{n}'; give each column its own name"
            )));
        }
    }

    let Some(target) = target else {
        return Err(Error(format!(
            "data.target is required for source 'csv': name the column to predict, one of {}",
            quoted(&names)
        )));
    };
    let Some(t_idx) = names.iter().position(|n| n == target) else {
        let mut msg = format!(
            "data.target '{target}' is not a column of data.csv; the columns are {}",
            quoted(&names)
        );
        // A one-column header holding separators is a file that is not
        // comma-separated: say so rather than leave the learner puzzled.
        if names.len() == 1 {
            for (sep, word) in [(';', "semicolons"), ('\t', "tabs")] {
                if names[0].contains(sep) {
                    msg.push_str(&format!(
                        " (the file seems to separate values with {word}; data.csv must use commas)"
                    ));
                }
            }
        }
        return Err(Error(msg));
    };
    let feat_idx: Vec<usize> = (0..names.len()).filter(|&i| i != t_idx).collect();
    if feat_idx.is_empty() {
        return Err(Error(format!(
            "data.csv has only the target column '{target}'; add at least one feature column"
        )));
    }
    let width = feat_idx.len();
    let max_rows = (MAX_CELLS / width).min(MAX_SAMPLES);

    // Per feature column: count of non-numeric cells and the first one.
    let mut bad: Vec<(usize, Option<(u64, String)>)> = vec![(0, None); width];
    let mut values: Vec<f32> = Vec::new(); // NaN marks a missing cell
    let mut targets: Vec<(u64, String)> = Vec::new(); // (row, cell); None rows skipped
    let mut rows_seen = 0usize;
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let at = e
                    .position()
                    .map(|p| format!(" at row {}", p.line()))
                    .unwrap_or_default();
                return Err(Error(format!("data.csv could not be read{at}: {e}")));
            }
        }
        let row = record
            .position()
            .map(|p| p.line())
            .unwrap_or(rows_seen as u64 + 2);
        if record.len() != names.len() {
            return Err(Error(format!(
                "data.csv: row {row} has {} values but the header has {} columns",
                record.len(),
                names.len()
            )));
        }
        rows_seen += 1;
        if rows_seen > max_rows {
            return Err(Error(format!(
                "data.csv is too large: with {width} feature columns at most {max_rows} rows fit \
                 the limit of {MAX_CELLS} values ({MAX_SAMPLES} rows at most); use fewer rows or \
                 columns"
            )));
        }
        let t_cell = record.get(t_idx).unwrap_or("");
        // Features are checked even on rows about to be dropped, so a bad
        // column is reported whichever rows it is in.
        let has_target = !is_missing(t_cell);
        for (j, &c) in feat_idx.iter().enumerate() {
            let cell = record.get(c).unwrap_or("");
            let v = if is_missing(cell) {
                f32::NAN
            } else if let Some(v) = number(cell) {
                v as f32
            } else {
                let b = &mut bad[j];
                b.0 += 1;
                if b.1.is_none() {
                    b.1 = Some((row, cell.to_string()));
                }
                f32::NAN
            };
            if has_target {
                values.push(v);
            }
        }
        if has_target {
            targets.push((row, t_cell.to_string()));
        }
    }
    if rows_seen == 0 {
        return Err(Error::new("data.csv has a header row but no data rows"));
    }

    let bad_cols: Vec<usize> = (0..width).filter(|&j| bad[j].0 > 0).collect();
    if let Some(&j) = bad_cols.first() {
        let (count, first) = &bad[j];
        let (row, cell) = first.clone().unwrap_or_default();
        let plural = if *count == 1 { "value" } else { "values" };
        let mut msg = format!(
            "data.csv: column '{}' has {count} non-numeric {plural}, first at row {row}: '{cell}'",
            names[feat_idx[j]]
        );
        if bad_cols.len() > 1 {
            let others: Vec<String> = bad_cols[1..]
                .iter()
                .map(|&k| names[feat_idx[k]].clone())
                .collect();
            msg.push_str(&format!(" (and so do {})", quoted(&others)));
        }
        msg.push_str(
            ". Feature columns must hold numbers: remove the column, turn its values into \
             numbers, or make it the target",
        );
        return Err(Error(msg));
    }

    let mut x = Array2::from_shape_vec((targets.len(), width), values)
        .map_err(|e| Error(format!("data.csv: internal shape error: {e}")))?;
    let keep: Vec<usize> = if missing == "mean" {
        for (j, mut col) in x.columns_mut().into_iter().enumerate() {
            let present: Vec<f64> = col
                .iter()
                .filter(|v| !v.is_nan())
                .map(|&v| v as f64)
                .collect();
            if present.is_empty() {
                return Err(Error(format!(
                    "data.csv: column '{}' has no values at all, so it has no mean to fill in; \
                     remove the column",
                    names[feat_idx[j]]
                )));
            }
            let mean = (present.iter().sum::<f64>() / present.len() as f64) as f32;
            col.iter_mut()
                .filter(|v| v.is_nan())
                .for_each(|v| *v = mean);
        }
        (0..targets.len()).collect()
    } else {
        (0..targets.len())
            .filter(|&i| x.row(i).iter().all(|v| !v.is_nan()))
            .collect()
    };
    let dropped = rows_seen - keep.len();
    if keep.len() < 2 {
        let hint = if missing == "drop" && dropped > 0 {
            "; set data.missing to 'mean' to fill missing features instead of dropping rows"
        } else {
            ""
        };
        let rows = if keep.len() == 1 { "row" } else { "rows" };
        return Err(Error(format!(
            "data.csv has {} complete {rows} ({dropped} dropped for missing values); at least 2 \
             are needed{hint}",
            keep.len()
        )));
    }
    if keep.len() < targets.len() {
        x = x.select(ndarray::Axis(0), &keep);
    }
    let targets: Vec<&(u64, String)> = keep.iter().map(|&i| &targets[i]).collect();

    let (task, y) = target_values(target, &targets, task)?;
    Ok(Dataset {
        task,
        x,
        y,
        input_names: feat_idx.iter().map(|&i| names[i].clone()).collect(),
        fixed_split: None,
        image_shape: None,
        domain: None,
    })
}

/// Decide the task (given or guessed) and turn the target cells into `y`.
fn target_values(
    target: &str,
    cells: &[&(u64, String)],
    task: Option<&str>,
) -> Result<(Task, Vec<f32>)> {
    let nums: Vec<Option<f64>> = cells.iter().map(|(_, c)| number(c)).collect();
    let first_text = cells
        .iter()
        .zip(&nums)
        .find(|(_, n)| n.is_none())
        .map(|(c, _)| *c);
    let numeric = first_text.is_none();
    let guessed = task.is_none();
    let classify = match task {
        Some("regression") => false,
        Some(_) => true,
        None => {
            !numeric || {
                let distinct: BTreeSet<u64> = nums.iter().flatten().map(|v| v.to_bits()).collect();
                nums.iter().flatten().all(|v| v.fract() == 0.0)
                    && distinct.len() <= GUESS_CLASSES_UP_TO
            }
        }
    };

    if !classify {
        if let Some((row, cell)) = first_text {
            return Err(Error(format!(
                "data.target '{target}' has a non-numeric value at row {row}: '{cell}', so it \
                 cannot be a regression target; set data.task to 'classification'"
            )));
        }
        return Ok((
            Task::Regression,
            nums.iter().map(|v| v.unwrap_or(0.0) as f32).collect(),
        ));
    }

    // Class names sorted so the indices do not depend on row order; numeric
    // labels sort as numbers ("2" before "10") and are named canonically, so
    // "1" and "1.0" are one class.
    let names: Vec<String> = if numeric {
        let mut vals: Vec<f64> = nums.iter().flatten().copied().collect();
        vals.sort_by(f64::total_cmp);
        vals.dedup();
        vals.iter().map(|v| format!("{v}")).collect()
    } else {
        let set: BTreeSet<&str> = cells.iter().map(|(_, c)| c.as_str()).collect();
        set.into_iter().map(String::from).collect()
    };
    if names.len() > MAX_CLASSES {
        let why = if guessed {
            format!(
                " (the task was guessed as classification because the target holds {})",
                if numeric {
                    "whole numbers with few distinct values"
                } else {
                    "text"
                }
            )
        } else {
            String::new()
        };
        let fix = if numeric {
            "; to predict it as a number, set data.task to 'regression'"
        } else {
            "; merge some classes or choose another target"
        };
        return Err(Error(format!(
            "data.target '{target}' has {} classes, more than the {MAX_CLASSES} supported{why}{fix}",
            names.len()
        )));
    }
    if names.len() < 2 {
        return Err(Error(format!(
            "data.target '{target}' has only one value ('{}'); a classifier needs at least 2 \
             classes",
            names.first().map(String::as_str).unwrap_or("")
        )));
    }
    let y = if numeric {
        nums.iter()
            .map(|v| {
                let s = format!("{}", v.unwrap_or(0.0));
                names.iter().position(|n| *n == s).unwrap_or(0) as f32
            })
            .collect()
    } else {
        cells
            .iter()
            .map(|(_, c)| names.iter().position(|n| n == c).unwrap_or(0) as f32)
            .collect()
    };
    Ok((Task::Classification(names), y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn ok(text: &str, target: &str) -> Dataset {
        parse(text, Some(target), None, "drop").unwrap_or_else(|e| panic!("{e}"))
    }
    fn err(text: &str, target: &str) -> String {
        parse(text, Some(target), None, "drop").unwrap_err().0
    }

    #[test]
    fn clean_numeric_file_is_regression() {
        let ds = ok(
            "size, rooms ,price\n50,2,100.5\n80,3,150\n120,4,210.25\n",
            "price",
        );
        assert_eq!(ds.task, Task::Regression);
        assert_eq!(ds.input_names, ["size", "rooms"]);
        assert_eq!(ds.x, array![[50., 2.], [80., 3.], [120., 4.]]);
        assert_eq!(ds.y, vec![100.5, 150., 210.25]);
        assert_eq!(
            (ds.fixed_split, ds.image_shape, ds.domain),
            (None, None, None)
        );
        // No trailing newline, CRLF, quoted header: same data.
        let crlf = ok(
            "\"size\",rooms,price\r\n50,2,100.5\r\n80,3,150\r\n120,4,210.25",
            "price",
        );
        assert_eq!(crlf.x, ds.x);
        assert_eq!(crlf.y, ds.y);
    }

    #[test]
    fn class_name_target_is_sorted_classification() {
        let ds = ok(
            "a,b,species\n1,2,virginica\n3,4,setosa\n5,6,versicolor\n7,8,setosa\n",
            "species",
        );
        assert_eq!(
            ds.task,
            Task::Classification(vec![
                "setosa".into(),
                "versicolor".into(),
                "virginica".into()
            ])
        );
        assert_eq!(ds.y, vec![2., 0., 1., 0.]);
        // The target can be any column, not only the last.
        let first = ok("label,v\nb,1\na,2\n", "label");
        assert_eq!(first.input_names, ["v"]);
        assert_eq!(first.y, vec![1., 0.]);
    }

    #[test]
    fn task_guess_and_override() {
        // Few whole numbers: class labels, sorted as numbers, named canonically.
        let ds = ok("x,y\n1,10\n2,2\n3,2.0\n4,10\n", "y");
        assert_eq!(ds.task, Task::Classification(vec!["2".into(), "10".into()]));
        assert_eq!(ds.y, vec![1., 0., 0., 1.]);
        let reg = parse("x,y\n1,10\n2,2\n", Some("y"), Some("regression"), "drop").unwrap();
        assert_eq!(reg.task, Task::Regression);
        // Fractions: regression.
        assert_eq!(ok("x,y\n1,0.5\n2,1.5\n", "y").task, Task::Regression);
        // Many distinct whole numbers: regression.
        let many: String = (0..20).map(|i| format!("{i},{}\n", i * 3)).collect();
        assert_eq!(ok(&format!("x,y\n{many}"), "y").task, Task::Regression);
        let e = parse("x,y\n1,a\n2,b\n", Some("y"), Some("regression"), "drop")
            .unwrap_err()
            .0;
        assert!(
            e.contains("non-numeric value at row 2: 'a'") && e.contains("'classification'"),
            "{e}"
        );
    }

    #[test]
    fn missing_target_lists_the_columns() {
        let e = err("age,income\n1,2\n3,4\n", "Income");
        assert_eq!(
            e,
            "data.target 'Income' is not a column of data.csv; the columns are 'age', 'income'"
        );
        let e = parse("age,income\n1,2\n", None, None, "drop")
            .unwrap_err()
            .0;
        assert!(
            e.starts_with("data.target is required") && e.contains("'age', 'income'"),
            "{e}"
        );
        let e = err("a;b\n1;2\n", "b");
        assert!(e.contains("semicolons"), "{e}");
    }

    #[test]
    fn non_numeric_feature_counts_and_points_at_the_first() {
        let mut text = String::from("age,y\n");
        for i in 0..50 {
            let age = if i >= 38 {
                "forty".to_string()
            } else {
                i.to_string()
            };
            text.push_str(&format!("{age},{}\n", i % 2));
        }
        let e = err(&text, "y");
        assert!(
            e.starts_with(
                "data.csv: column 'age' has 12 non-numeric values, first at row 40: 'forty'"
            ),
            "{e}"
        );
        let e = err("a,b,y\nx,1,0\n1,z,1\n", "y");
        assert!(
            e.contains("column 'a' has 1 non-numeric value,") && e.contains("'b'"),
            "{e}"
        );
        assert!(err("a,y\ninf,0\n1,1\n", "y").contains("non-numeric"));
    }

    #[test]
    fn empty_and_header_only_files() {
        assert!(err("", "y").starts_with("data.csv is empty"));
        assert!(err("  \n\n", "y").starts_with("data.csv is empty"));
        assert_eq!(
            err("a,y\n", "y"),
            "data.csv has a header row but no data rows"
        );
    }

    #[test]
    fn ragged_rows_name_the_row() {
        let e = err("a,b,y\n1,2,0\n3,4,1\n5,6\n", "y");
        assert_eq!(
            e,
            "data.csv: row 4 has 2 values but the header has 3 columns"
        );
        assert!(err("a,b,y\n1,2,0,9\n", "y").contains("row 2 has 4 values"));
    }

    #[test]
    fn class_count_limits() {
        let nine: String = (0..9).map(|i| format!("{i},c{i}\n")).collect();
        let e = err(&format!("x,y\n{nine}"), "y");
        assert!(
            e.starts_with("data.target 'y' has 9 classes, more than the 8 supported"),
            "{e}"
        );
        // Whole numbers guessed as classes say how to get a regression.
        let nine: String = (0..9).map(|i| format!("{i},{i}\n")).collect();
        assert!(err(&format!("x,y\n{nine}"), "y").contains("set data.task to 'regression'"));
        let e = err("x,y\n1,a\n2,a\n", "y");
        assert!(
            e.contains("only one value ('a')") && e.contains("at least 2 classes"),
            "{e}"
        );
    }

    #[test]
    fn too_many_cells() {
        let mut text = String::from("a,b,c,d,y\n");
        for i in 0..50_001 {
            text.push_str(&format!("1,2,3,4,{}\n", i % 2));
        }
        let e = err(&text, "y");
        assert!(
            e.starts_with("data.csv is too large") && e.contains("200000"),
            "{e}"
        );
    }

    #[test]
    fn missing_values_drop_or_mean() {
        let text = "a,b,y\n1,NA,0\n3,4,1\n,6,0\n7,8,?\n5,10,0\n";
        let dropped = parse(text, Some("y"), None, "drop").unwrap();
        assert_eq!(dropped.x, array![[3., 4.], [5., 10.]]);
        assert_eq!(dropped.y, vec![1., 0.]);
        // The target-less row is always dropped; features fill with the mean
        // of the rows that have a target.
        let mean = parse(text, Some("y"), None, "mean").unwrap();
        assert_eq!(
            mean.x,
            array![[1., 20. / 3.], [3., 4.], [3., 6.], [5., 10.]]
        );
        assert_eq!(mean.y, vec![0., 1., 0., 0.]);
        let e = parse("a,y\nNA,0\n1,1\n", Some("y"), None, "drop")
            .unwrap_err()
            .0;
        assert!(
            e.contains("1 complete row (1 dropped") && e.contains("'mean'"),
            "{e}"
        );
        let e = parse("a,b,y\n,1,0\nnull,2,1\n", Some("y"), None, "mean")
            .unwrap_err()
            .0;
        assert!(e.contains("column 'a' has no values"), "{e}");
    }

    #[test]
    fn header_problems() {
        assert!(err("a,a,y\n1,2,0\n", "y").contains("two columns named 'a'"));
        assert!(err("y\n1\n2\n", "y").contains("only the target column 'y'"));
        // pandas writes an unnamed index column.
        let ds = ok(",v,y\n0,1,0\n1,2,1\n", "y");
        assert_eq!(ds.input_names, ["column 1", "v"]);
    }

    #[test]
    fn from_config_checks_its_fields() {
        let mut cfg = DataConfig {
            source: "csv".into(),
            ..Default::default()
        };
        assert!(from_config(&cfg)
            .unwrap_err()
            .0
            .starts_with("data.csv is required"));
        cfg.csv = Some("a,y\n1,0\n2,1\n".into());
        cfg.target = Some("y".into());
        cfg.missing = Some("zero".into());
        assert!(from_config(&cfg)
            .unwrap_err()
            .0
            .starts_with("data.missing must be one of"));
        cfg.missing = None;
        cfg.task = Some("regression".into());
        assert_eq!(from_config(&cfg).unwrap().task, Task::Regression);
    }
}
