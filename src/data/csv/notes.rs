//! The sentences telling the learner what reading the file did: its shape
//! (for `parse` and `preview`) and the rows dropped or filled.

use super::cell::{count, quoted, show};
use super::scan::{self, Layout};
use super::CsvReport;

/// The report as sentences a learner can read.
pub(crate) fn notes(lay: &Layout, r: &CsvReport, target: &str) -> Vec<String> {
    let mut notes = layout_notes(lay, r.blank_rows);
    if r.dropped_no_target > 0 {
        notes.push(format!(
            "{} without a value for '{}' dropped.",
            count(r.dropped_no_target, "row", "rows"),
            show(target)
        ));
    }
    if r.dropped_missing > 0 {
        notes.push(format!(
            "{} with missing values dropped (set data.missing to 'mean' to fill them instead).",
            count(r.dropped_missing, "row", "rows")
        ));
    }
    if r.filled_cells > 0 {
        notes.push(format!(
            "{} filled with the column's mean.",
            count(r.filled_cells, "missing value", "missing values")
        ));
    }
    for o in &r.one_hot {
        notes.push(format!(
            "'{}' holds text, so it became {}: {}.",
            show(&o.column),
            count(o.inputs.len(), "input", "inputs"),
            quoted(&o.inputs)
        ));
    }
    notes
}

/// Sentences about the file's shape, shared by `parse` and `preview`.
pub(crate) fn layout_notes(lay: &Layout, blank: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if lay.delim != b',' {
        notes.push(format!(
            "Values are separated by {}.",
            scan::delimiter_name(lay.delim)
        ));
    }
    if lay.generated {
        notes.push(format!(
            "The first row holds only numbers, so it was read as data; the columns are named \
             'column 1' to 'column {}'.",
            lay.used
        ));
    }
    if !lay.unnamed.is_empty() {
        notes.push(format!("Columns without a name: {}.", quoted(&lay.unnamed)));
    }
    if !lay.renamed.is_empty() {
        notes.push(format!(
            "Repeated column names were made unique: {}.",
            quoted(&lay.renamed)
        ));
    }
    if lay.used < lay.width {
        notes.push(
            "Every row ends with a delimiter; the empty last column this makes was ignored.".into(),
        );
    }
    if blank > 0 {
        notes.push(format!(
            "{} skipped.",
            count(blank, "blank row", "blank rows")
        ));
    }
    notes
}
