//! The header and the first pass: per-column counts over every row, in
//! O(columns) memory, stopping at the first problem that ends the parse.

use super::cell::{classify, show, Cell, MAX_ABS};
use super::reader::{detect, fits, Fields, Records, Unclosed};
use super::{MAX_BYTES, MAX_COLUMNS, MAX_LEVELS};
use crate::config::{MAX_CELLS, MAX_SAMPLES};
use crate::error::{Error, Result};
use std::collections::BTreeSet;

/// Distinct values tracked per column: one more than a category may have,
/// so "too many" is known without keeping them all.
pub(crate) const TRACK_LEVELS: usize = MAX_LEVELS + 1;

/// The shape of the file, from its first record.
#[derive(Debug, Clone)]
pub(crate) struct Layout<'a> {
    /// The text as given: the reader drops a byte-order mark.
    pub text: &'a str,
    pub delim: u8,
    /// Fields in the first record.
    pub width: usize,
    /// The first record ends with an empty field (a trailing delimiter).
    pub header_last_empty: bool,
    /// Columns in use: `width`, less a trailing column empty on every row.
    pub used: usize,
    /// One name per used column, unique.
    pub names: Vec<String>,
    /// The first record is data (it held only numbers); names were made.
    pub generated: bool,
    /// Names given " (2)", " (3)"… because the header repeated them.
    pub renamed: Vec<String>,
    /// Names made for header cells that were empty.
    pub unnamed: Vec<String>,
}

pub(crate) fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "commas",
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "'|' characters",
    }
}

fn err_unclosed(u: Unclosed) -> Error {
    Error::csv_quote(u.row)
}

/// A delimiter's id in errors: `comma`, `semicolon`, `tab`, `pipe`.
fn delimiter_id(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "pipe",
    }
}

/// Refuse what is not CSV text before reading it, then find the delimiter
/// and the header.
pub(crate) fn layout(text: &str) -> Result<Layout<'_>> {
    if text.len() > MAX_BYTES {
        return Err(Error::csv_size(text.len(), MAX_BYTES));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(Error::csv_empty());
    }
    let head = &body.as_bytes()[..body.len().min(1024)];
    if head.starts_with(b"PK\x03\x04") {
        return Err(Error::csv_workbook());
    }
    if head.contains(&0) {
        return Err(Error::csv_binary());
    }
    let delim = detect(text);
    let mut records = Records::new(text, delim);
    let first = match records.next() {
        None => return Err(Error::csv_empty()),
        Some(Err(u)) => return Err(err_unclosed(u)),
        Some(Ok(rec)) => rec,
    };
    let width = first.count;
    let header_last_empty = width > 1 && first.last_empty;
    let named = width - usize::from(header_last_empty);
    if named > MAX_COLUMNS {
        return Err(Error::csv_columns(named, MAX_COLUMNS));
    }
    let generated = (0..named).all(|i| {
        matches!(
            classify(records.get(i), delim),
            Ok(Cell::Number(_)) | Err(_)
        )
    });
    let used = if header_last_empty && last_column_empty(text, delim, width)? {
        width - 1
    } else {
        width
    };

    let mut names = Vec::with_capacity(used);
    let mut unnamed = Vec::new();
    let mut renamed = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for i in 0..used {
        let given = if generated { "" } else { records.get(i) };
        let base = if given.is_empty() {
            format!("column {}", i + 1)
        } else {
            given.to_string()
        };
        let name = unique(&base, &seen);
        if name != base {
            renamed.push(name.clone());
        } else if given.is_empty() && !generated {
            unnamed.push(name.clone());
        }
        seen.insert(name.clone());
        names.push(name);
    }
    Ok(Layout {
        text,
        delim,
        width,
        header_last_empty,
        used,
        names,
        generated,
        renamed,
        unnamed,
    })
}

/// `base`, or `base (2)`, `base (3)`… whichever is not taken.
pub(crate) fn unique(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base} ({k})"))
        .find(|n| !taken.contains(n))
        .unwrap_or_default()
}

/// Whether the last of `width` columns is empty on every row, the header
/// included: the mark of a trailing delimiter, not a column. Stops at the
/// first row with something there.
fn last_column_empty(text: &str, delim: u8, width: usize) -> Result<bool> {
    let mut records = Records::new(text, delim);
    while let Some(rec) = records.next() {
        let rec = rec.map_err(err_unclosed)?;
        if rec.count >= width && !records.get(width - 1).is_empty() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Counts for one column over the rows it is observed on.
#[derive(Debug, Clone)]
pub(crate) struct Col {
    pub missing: usize,
    pub numbers: usize,
    pub min: f64,
    pub max: f64,
    pub integers: bool,
    /// Cells that are neither missing nor numbers, and the first of them.
    pub text: usize,
    pub first_text: Option<(usize, String)>,
    /// Distinct non-missing values as written, up to `TRACK_LEVELS`, with
    /// how often each occurs on rows that count for means.
    pub levels: Vec<(String, usize)>,
    /// Distinct numbers, up to `TRACK_LEVELS` (so `1` and `1.0` are one).
    pub numeric_levels: Vec<f64>,
    /// More distinct values than are tracked.
    pub many: bool,
    pub many_numbers: bool,
    /// Sum and count of the numbers on rows that count for means.
    pub sum: f64,
    pub present: usize,
}

impl Default for Col {
    fn default() -> Self {
        Col {
            missing: 0,
            numbers: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            integers: true,
            text: 0,
            first_text: None,
            levels: Vec::new(),
            numeric_levels: Vec::new(),
            many: false,
            many_numbers: false,
            sum: 0.0,
            present: 0,
        }
    }
}

impl Col {
    pub fn observe(&mut self, raw: &str, cell: Cell, row: usize, for_mean: bool) {
        match cell {
            Cell::Missing => {
                self.missing += 1;
                return;
            }
            Cell::Number(v) => {
                self.numbers += 1;
                self.min = self.min.min(v);
                self.max = self.max.max(v);
                self.integers &= v.fract() == 0.0;
                if for_mean {
                    self.sum += v;
                    self.present += 1;
                }
                if !self.numeric_levels.contains(&v) {
                    if self.numeric_levels.len() < TRACK_LEVELS {
                        self.numeric_levels.push(v);
                    } else {
                        self.many_numbers = true;
                    }
                }
            }
            Cell::Text => {
                self.text += 1;
                if self.first_text.is_none() {
                    self.first_text = Some((row, show(raw)));
                }
            }
        }
        if let Some((_, n)) = self.levels.iter_mut().find(|(l, _)| l == raw) {
            *n += usize::from(for_mean);
        } else if self.levels.len() < TRACK_LEVELS {
            self.levels.push((raw.to_string(), usize::from(for_mean)));
        } else {
            self.many = true;
        }
    }

    /// A column some of whose cells are text, with few enough distinct
    /// values to be one-hot encoded.
    pub fn is_category(&self) -> bool {
        self.text > 0 && !self.many && self.levels.len() <= MAX_LEVELS
    }

    pub fn kind(&self) -> &'static str {
        if self.text == 0 {
            "number"
        } else if self.is_category() {
            "category"
        } else {
            "text"
        }
    }

    /// Distinct non-missing values, `TRACK_LEVELS` meaning "more than
    /// `MAX_LEVELS`".
    pub fn distinct(&self) -> usize {
        if self.text == 0 {
            self.numeric_levels.len() + usize::from(self.many_numbers)
        } else {
            self.levels.len() + usize::from(self.many)
        }
        .min(TRACK_LEVELS)
    }
}

/// What the first pass learned.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    /// One per used column, over every data row.
    pub cols: Vec<Col>,
    /// The target column over the rows that are kept.
    pub target: Col,
    pub rows: usize,
    pub blank: usize,
    /// Rows kept: target present and, when dropping, every feature too.
    pub kept: usize,
    pub no_target: usize,
    pub incomplete: usize,
    /// Missing feature cells on rows with a target (filled when 'mean').
    pub missing_features: usize,
    /// The first `preview` data rows, as text.
    pub preview: Vec<Vec<String>>,
}

/// What to do with each row: `target` is the column to predict (`None` for
/// the preview, which counts everything), `drop` drops rows missing a
/// feature.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    pub target: Option<usize>,
    pub drop: bool,
    pub preview: usize,
}

/// Cells of a preview row are cut to this many characters.
const PREVIEW_CELL: usize = 200;

/// Call `each(row, fields)` for every data row of the file (blank ones
/// skipped, counted in `blank`), checking row widths. Fields are the `used`
/// columns; a short row (header with a trailing delimiter) reads as empty
/// past its end.
pub(crate) fn for_each_row(
    lay: &Layout,
    blank: &mut usize,
    mut each: impl FnMut(usize, Fields<'_>) -> Result<()>,
) -> Result<()> {
    let mut records = Records::new(lay.text, lay.delim);
    let mut skip_header = !lay.generated;
    while let Some(rec) = records.next() {
        let rec = rec.map_err(err_unclosed)?;
        if skip_header {
            skip_header = false;
            continue;
        }
        if !fits(lay.width, lay.header_last_empty, rec.count, rec.last_empty) {
            let w = lay.width - usize::from(lay.header_last_empty);
            let d = delimiter_id(lay.delim);
            return Err(Error::csv_ragged(rec.row, rec.count, w, !lay.generated, d));
        }
        each(rec.row, records.fields(lay.used))?;
    }
    *blank = records.blank;
    Ok(())
}

/// The first pass. Stops at the first row that breaks the file's shape, an
/// absurd number, or the size limits.
pub(crate) fn scan(lay: &Layout, plan: Plan) -> Result<Scan> {
    let used = lay.used;
    let features = used.saturating_sub(1).max(1);
    let max_rows = (MAX_CELLS / features).min(MAX_SAMPLES);
    let mut s = Scan {
        cols: vec![Col::default(); used],
        ..Default::default()
    };
    let mut blank = 0;
    let mut kinds: Vec<Cell> = Vec::with_capacity(used);
    for_each_row(lay, &mut blank, |row, fields| {
        s.rows += 1;
        if s.rows > max_rows {
            return Err(Error::csv_rows(
                row,
                max_rows,
                features,
                MAX_CELLS,
                MAX_SAMPLES,
            ));
        }
        kinds.clear();
        for (c, f) in fields.iter().enumerate() {
            let cell = classify(f, lay.delim)
                .map_err(|_| Error::csv_infinite(&show(&lay.names[c]), row, &show(f), MAX_ABS))?;
            kinds.push(cell);
        }
        let has_target = plan
            .target
            .is_none_or(|t| kinds.get(t) != Some(&Cell::Missing));
        let missing = kinds
            .iter()
            .enumerate()
            .filter(|&(c, k)| Some(c) != plan.target && *k == Cell::Missing)
            .count();
        for (c, f) in fields.iter().enumerate() {
            s.cols[c].observe(f, kinds[c], row, has_target);
        }
        if !has_target {
            s.no_target += 1;
        } else if missing > 0 && plan.drop {
            s.incomplete += 1;
        } else {
            s.kept += 1;
            s.missing_features += missing;
            if let Some(t) = plan.target {
                s.target.observe(fields.get(t), kinds[t], row, true);
            }
        }
        if s.preview.len() < plan.preview {
            s.preview
                .push(fields.iter().map(|f| cut(f, PREVIEW_CELL)).collect());
        }
        Ok(())
    })?;
    s.blank = blank;
    Ok(s)
}

fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Names of the feature columns that are text with too many distinct values
/// to be categories, with the message that refuses them.
pub(crate) fn refuse_text(lay: &Layout, scan: &Scan, features: &[usize]) -> Result<()> {
    let bad: Vec<usize> = features
        .iter()
        .copied()
        .filter(|&c| scan.cols[c].kind() == "text")
        .collect();
    let Some(&c) = bad.first() else {
        return Ok(());
    };
    let col = &scan.cols[c];
    let (row, cell) = col.first_text.clone().unwrap_or_default();
    let others: Vec<String> = bad[1..].iter().map(|&k| show(&lay.names[k])).collect();
    Err(Error::csv_text(
        &show(&lay.names[c]),
        col.text,
        row,
        &cell,
        &others,
        MAX_LEVELS,
    ))
}
