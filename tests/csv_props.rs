//! Property tests of the CSV reader: any text and any grid of fields (with
//! quotes, delimiters and newlines) parse or fail with a message, never a
//! panic, in bounded time; a written numeric table reads back as the same
//! numbers however it is dressed (delimiter, line ends, BOM, quotes, blank
//! lines, trailing delimiters, header or none, decimal commas).
// Native only: proptest does not build for wasm32 (getrandom).
#![cfg(not(target_arch = "wasm32"))]

use descent::data::csv::{self, Parsed};
use descent::data::Task;
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Far more than any case here needs, even unoptimized: a hang or a
/// quadratic blow-up, not a slow machine.
const BOUND: Duration = Duration::from_secs(2);

/// What must hold of any data set `parse` returns.
fn well_formed(p: &Parsed) -> Result<(), TestCaseError> {
    let ds = &p.dataset;
    prop_assert_eq!(ds.x.nrows(), ds.y.len());
    prop_assert_eq!(ds.x.ncols(), ds.input_names.len());
    prop_assert!(ds.x.nrows() >= 2 && ds.x.ncols() >= 1);
    prop_assert!(ds.x.iter().chain(&ds.y).all(|v| v.is_finite()));
    if let Task::Classification(names) = &ds.task {
        prop_assert!((2..=8).contains(&names.len()));
        prop_assert!(ds.y.iter().all(|&c| c >= 0.0 && (c as usize) < names.len()));
    }
    let mut names = ds.input_names.clone();
    names.sort();
    names.dedup();
    prop_assert_eq!(names.len(), ds.input_names.len(), "input names are unique");
    Ok(())
}

/// Parse with every option the page can send; preview too.
fn never_panics(text: &str, target: &str) -> Result<(), TestCaseError> {
    let start = Instant::now();
    for task in [None, Some("regression"), Some("classification")] {
        for missing in ["drop", "mean"] {
            match csv::parse(text, Some(target), task, missing) {
                Ok(p) => well_formed(&p)?,
                Err(e) => prop_assert!(
                    !e.message().is_empty() && e.message().len() < 2_000,
                    "{}",
                    e.message()
                ),
            }
        }
    }
    prop_assert!(csv::parse(text, None, None, "drop").is_err());
    if let Ok(p) = csv::preview(text, 3) {
        prop_assert!(p.rows.len() <= 3 && p.rows.len() <= p.total_rows);
        prop_assert!(p.rows.iter().all(|r| r.len() == p.columns.len()));
        prop_assert_eq!(&p.suggested_target, &p.columns.last().unwrap().name);
        // The suggested target always names a column `parse` accepts.
        if let Err(e) = csv::parse(text, Some(&p.suggested_target), None, "mean") {
            prop_assert!(!e.message().contains("is not a column"), "{}", e.message());
        }
    }
    prop_assert!(start.elapsed() < BOUND, "{:?}", start.elapsed());
    Ok(())
}

/// Text made mostly of the characters that matter to a CSV reader.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(","),
        Just(";"),
        Just("\t"),
        Just("|"),
        Just("\""),
        Just("\"\""),
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just(" "),
        Just("1"),
        Just("-2.5"),
        Just("1,5"),
        Just("a"),
        Just("y"),
        Just("NA"),
        Just("?"),
        Just("inf"),
        Just("1e300"),
        Just("\u{feff}"),
        Just("\u{fffd}"),
        Just("\u{0}"),
        Just("\u{1b}"),
        Just("é"),
        Just("<img src=x onerror=alert(1)>"),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// A field as a writer would put it in a file with delimiter `d`.
fn quote(field: &str, d: char) -> String {
    if field.contains([d, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// One numeric table and how it is dressed as text.
#[derive(Debug, Clone)]
struct Table {
    values: Vec<Vec<(i64, u32)>>,
    delim: char,
    crlf: bool,
    bom: bool,
    header: bool,
    quote_all: bool,
    trailing: bool,
    blank_every: usize,
    decimal_comma: bool,
}

fn table() -> impl Strategy<Value = Table> {
    (2usize..5, 2usize..12).prop_flat_map(|(cols, rows)| {
        (
            prop::collection::vec(
                prop::collection::vec((-10_000_000i64..10_000_000, 0u32..6), cols),
                rows,
            ),
            prop::sample::select(vec![',', ';', '\t', '|']),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0usize..4,
            any::<bool>(),
        )
            .prop_map(
                |(values, delim, crlf, bom, header, quote_all, trailing, blank_every, dc)| Table {
                    values,
                    delim,
                    crlf,
                    bom,
                    header,
                    quote_all,
                    trailing,
                    blank_every,
                    decimal_comma: dc && delim != ',',
                },
            )
    })
}

/// `mantissa / 10^scale`, written as Rust writes an f64.
fn value((m, scale): (i64, u32)) -> f64 {
    m as f64 / 10f64.powi(scale as i32)
}

impl Table {
    fn text(&self) -> String {
        let eol = if self.crlf { "\r\n" } else { "\n" };
        let d = self.delim.to_string();
        let cols = self.values[0].len();
        let mut lines = Vec::new();
        if self.header {
            lines.push((0..cols).map(|c| format!("c{c}")).collect::<Vec<_>>());
        }
        for row in &self.values {
            lines.push(
                row.iter()
                    .map(|&v| {
                        let s = value(v).to_string();
                        if self.decimal_comma {
                            s.replace('.', ",")
                        } else {
                            s
                        }
                    })
                    .collect(),
            );
        }
        let mut out = String::from(if self.bom { "\u{feff}" } else { "" });
        for (i, line) in lines.iter().enumerate() {
            let fields: Vec<String> = line
                .iter()
                .map(|f| {
                    if self.quote_all {
                        format!("\"{f}\"")
                    } else {
                        quote(f, self.delim)
                    }
                })
                .collect();
            out.push_str(&fields.join(&d));
            if self.trailing {
                out.push_str(&d);
            }
            out.push_str(eol);
            if self.blank_every > 0 && i % self.blank_every == 0 {
                out.push_str(eol);
            }
        }
        out
    }

    fn target(&self) -> String {
        let cols = self.values[0].len();
        if self.header {
            format!("c{}", cols - 1)
        } else {
            format!("column {cols}")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_string_never_panics(text in any::<String>()) {
        never_panics(&text, "y")?;
    }

    #[test]
    fn hostile_text_never_panics(text in hostile()) {
        never_panics(&text, "y")?;
        never_panics(&text, "a")?;
    }

    /// A grid of awkward fields, written correctly with a random delimiter:
    /// whatever it parses to is well formed, and the preview shows the
    /// grid's cells.
    #[test]
    fn written_grids_never_panic(
        grid in prop::collection::vec(
            prop::collection::vec("[ab1.,;\t|\" \r\n-]{0,5}|NA|\\?|inf|1e300|x", 3),
            1..10,
        ),
        d in prop::sample::select(vec![',', ';', '\t', '|']),
        crlf in any::<bool>(),
    ) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let header = format!("a{d}b{d}y{eol}");
        let body: String = grid
            .iter()
            .map(|row| {
                let fields: Vec<String> = row.iter().map(|f| quote(f, d)).collect();
                fields.join(&d.to_string()) + eol
            })
            .collect();
        let text = header + &body;
        never_panics(&text, "y")?;
        never_panics(&text, "a")?;
    }

    /// Numbers written any way a file may hold them read back exactly (as
    /// f32 of the written decimal), rows and columns in order.
    #[test]
    fn numeric_tables_round_trip(t in table()) {
        let text = t.text();
        let target = t.target();
        let start = Instant::now();
        let p = csv::parse(&text, Some(&target), Some("regression"), "drop")
            .map_err(|e| TestCaseError::fail(format!("{}\n{text:?}", e.message())))?;
        prop_assert!(start.elapsed() < BOUND);
        let ds = &p.dataset;
        let cols = t.values[0].len();
        prop_assert_eq!(ds.x.dim(), (t.values.len(), cols - 1));
        for (r, row) in t.values.iter().enumerate() {
            for (c, &v) in row[..cols - 1].iter().enumerate() {
                prop_assert_eq!(ds.x[[r, c]], value(v) as f32, "row {} col {}", r, c);
            }
            prop_assert_eq!(ds.y[r], value(row[cols - 1]) as f32);
        }
        prop_assert_eq!(p.report.delimiter, t.delim);
        prop_assert_eq!(p.report.generated_header, !t.header);
        prop_assert_eq!(p.report.dropped_empty_last_column, t.trailing);
        prop_assert_eq!(p.report.rows, t.values.len());
        let preview = csv::preview(&text, 100).unwrap();
        prop_assert_eq!(preview.total_rows, t.values.len());
        prop_assert_eq!(preview.suggested_target, target);
    }
}
