//! The CSV corpus: small hostile and messy files in tests/csv_corpus/, each
//! with its expected outcome in tests/csv_corpus/expected.txt; and the cases
//! too big to commit (1,500 columns, a 49 MB file, the limits), made here.
//!
//! The 49 MB file is parsed under a counting allocator to check the memory
//! bound documented in `descent::data::csv`: nothing proportional to the
//! text is allocated, only the f32 matrix and per-column state.

use descent::data::csv::{self, Parsed, MAX_BYTES, MAX_COLUMNS};
use descent::data::Task;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Allocation counting, per thread (tests run on several threads at once).

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters are const-initialized thread locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            track(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            track(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        track(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            track(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Run `f` and return its result with the most bytes it had allocated at
/// once on this thread, beyond what was live when it started.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(start));
    let out = f();
    let peak = PEAK.with(Cell::get);
    (out, (peak - start).max(0) as usize)
}

// ---------------------------------------------------------------------------
// The manifest.

struct Case {
    line: usize,
    file: String,
    target: String,
    missing: &'static str,
    task: Option<&'static str>,
    outcome: String,
}

fn corpus_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/csv_corpus"))
}

fn manifest() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.txt")).unwrap();
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.splitn(4, " | ").collect();
        assert_eq!(parts.len(), 4, "expected.txt:{}: {line}", i + 1);
        let mut missing = "drop";
        let mut task = None;
        for w in parts[2].split_whitespace() {
            match w {
                "drop" => missing = "drop",
                "mean" => missing = "mean",
                "regression" => task = Some("regression"),
                "classification" => task = Some("classification"),
                other => panic!("expected.txt:{}: unknown option {other}", i + 1),
            }
        }
        cases.push(Case {
            line: i + 1,
            file: parts[0].to_string(),
            target: parts[1].to_string(),
            missing,
            task,
            outcome: parts[3].to_string(),
        });
    }
    cases
}

/// The file as the page hands it over: bytes decoded as UTF-8, invalid
/// sequences replaced by U+FFFD (what `TextDecoder` does).
fn read(file: &str) -> String {
    let bytes = std::fs::read(corpus_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Control characters as Rust escapes, everything else as it is.
fn esc(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("[{}]", esc(s.as_ref())))
        .collect()
}

fn numbers(v: impl IntoIterator<Item = f32>) -> String {
    v.into_iter().map(|x| format!("[{x}]")).collect()
}

/// Compare a parse result with the manifest's outcome; `Err` says how they
/// differ.
fn check(result: &Result<Parsed, descent::error::Error>, outcome: &str) -> Result<(), String> {
    if let Some(gist) = outcome.strip_prefix("err ") {
        return match result {
            Err(e) if e.message().contains(gist) => Ok(()),
            Err(e) => Err(format!("error was: {}", e.message())),
            Ok(p) => Err(format!(
                "parsed ({}×{}) instead of failing",
                p.dataset.x.nrows(),
                p.dataset.x.ncols()
            )),
        };
    }
    let p = result
        .as_ref()
        .map_err(|e| format!("failed: {}", e.message()))?;
    let (ds, r) = (&p.dataset, &p.report);
    let mut checks = outcome.split("; ");
    let head = checks.next().unwrap_or("");
    let shape = format!("{}x{}", ds.x.nrows(), ds.x.ncols());
    let kind = match &ds.task {
        Task::Regression => "regression".to_string(),
        Task::Classification(c) => format!("classes {}", c.len()),
    };
    let got = format!("ok {shape} {kind}");
    if got != head {
        return Err(format!("got `{got}`"));
    }
    // Invariants of every data set, whatever the file.
    if ds.y.len() != ds.x.nrows() || ds.input_names.len() != ds.x.ncols() {
        return Err("shapes disagree".into());
    }
    if !ds.x.iter().chain(&ds.y).all(|v| v.is_finite()) {
        return Err("non-finite values".into());
    }
    for check in checks {
        let (key, want) = check
            .split_once('=')
            .ok_or_else(|| format!("bad check `{check}`"))?;
        let got = match key {
            "delim" => match r.delimiter {
                ',' => "comma",
                ';' => "semicolon",
                '\t' => "tab",
                _ => "pipe",
            }
            .to_string(),
            "header" => if r.generated_header {
                "generated"
            } else {
                "given"
            }
            .to_string(),
            "lastcol" => if r.dropped_empty_last_column {
                "dropped"
            } else {
                "kept"
            }
            .to_string(),
            "blank" => r.blank_rows.to_string(),
            "dropped" => r.dropped_rows().to_string(),
            "filled" => r.filled_cells.to_string(),
            "inputs" => list(&ds.input_names),
            "renamed" => list(&r.renamed),
            "onehot" => list(&r.one_hot.iter().map(|o| &o.column).collect::<Vec<_>>()),
            "classes" => match &ds.task {
                Task::Classification(c) => list(c),
                Task::Regression => "regression".into(),
            },
            "row1" => numbers(ds.x.row(0).iter().copied()),
            "row4" => numbers(ds.x.row(3).iter().copied()),
            "y" => numbers(ds.y.iter().copied()),
            other => return Err(format!("unknown check `{other}`")),
        };
        if got != want {
            return Err(format!("{key} is {got}, expected {want}"));
        }
    }
    Ok(())
}

#[test]
fn corpus_matches_the_manifest() {
    let cases = manifest();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let text = read(&case.file);
        let result = csv::parse(&text, Some(&case.target), case.task, case.missing);
        if let Err(why) = check(&result, &case.outcome) {
            failures.push(format!(
                "expected.txt:{} {} (target '{}'): {why}\n    expected: {}",
                case.line, case.file, case.target, case.outcome
            ));
        }
        // The preview never panics on the same text, and agrees on the shape.
        if let (Ok(preview), Ok(p)) = (csv::preview(&text, 5), &result) {
            if preview.total_rows != p.report.rows {
                failures.push(format!(
                    "{}: preview counts {} rows, parse {}",
                    case.file, preview.total_rows, p.report.rows
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_corpus_file_is_in_the_manifest() {
    let listed: Vec<String> = manifest().into_iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "expected.txt" && !name.starts_with('.') {
            assert!(listed.contains(&name), "{name} has no line in expected.txt");
        }
    }
}

#[test]
fn report_and_preview_of_a_messy_file() {
    let text = read("categorical.csv");
    let p = csv::parse(&text, Some("bought"), None, "drop").unwrap();
    assert!(p
        .report
        .notes
        .iter()
        .any(|n| n.contains("'color' holds text")));
    let json = serde_json::to_value(&p.report).unwrap();
    for key in [
        "delimiter",
        "generatedHeader",
        "renamed",
        "droppedNoTarget",
        "droppedMissing",
        "filledCells",
        "oneHot",
        "notes",
    ] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }
    let preview = csv::preview(&read("no_header.csv"), 2).unwrap();
    assert!(preview.generated_header);
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.total_rows, 4);
    assert_eq!(preview.suggested_target, "column 3");
    assert_eq!(preview.suggested_task, "classification");
    let preview = csv::preview(&read("xss_header.csv"), 0).unwrap();
    let kinds: Vec<&str> = preview.columns.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["number", "category", "number"]);
}

// ---------------------------------------------------------------------------
// Made here rather than committed.

/// `cols` columns named c1…, the last the target `y`, `rows` rows.
fn wide(cols: usize, rows: usize) -> String {
    let mut text: Vec<String> = (1..cols).map(|c| format!("c{c}")).collect();
    text.push("y".into());
    let mut out = text.join(",") + "\n";
    for r in 0..rows {
        let row: Vec<String> = (0..cols).map(|c| ((r + c) % 2).to_string()).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn fifteen_hundred_columns_are_refused_and_a_thousand_are_not() {
    let e = csv::parse(&wide(1_500, 3), Some("y"), None, "drop")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("data.csv has 1500 columns; at most 1000 are supported"),
        "{e}"
    );
    assert!(csv::preview(&wide(1_500, 3), 5).is_err());
    let p = csv::parse(&wide(MAX_COLUMNS, 3), Some("y"), None, "drop").unwrap();
    assert_eq!(p.dataset.x.dim(), (3, MAX_COLUMNS - 1));
}

#[test]
fn too_many_cells_stop_the_parse_early() {
    let e = csv::parse(&wide(101, 2_001), Some("y"), None, "drop")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("data.csv is too large: with 100 feature columns at most 2000 rows")
            && e.contains("row 2002"),
        "{e}"
    );
}

#[test]
fn over_50_mb_is_refused_at_once() {
    let text = "1,".repeat(MAX_BYTES / 2 + 1);
    let t = Instant::now();
    let e = csv::parse(&text, Some("y"), None, "drop")
        .unwrap_err()
        .to_string();
    assert!(e.contains("the limit is 50 MB"), "{e}");
    assert!(csv::preview(&text, 5)
        .unwrap_err()
        .to_string()
        .contains("50 MB"));
    assert!(t.elapsed() < Duration::from_millis(100));
}

/// A 49 MB file (100,000 rows of padded, quoted numbers): parsed in bounded
/// time, allocating the matrix and a little more, never a copy of the text.
#[test]
fn a_49_mb_file_streams_within_the_memory_bound() {
    let rows = 100_000;
    let mut text = String::with_capacity(49 * 1024 * 1024);
    text.push_str("x,label\n");
    for i in 0..rows {
        let pad = " ".repeat(500);
        text.push_str(&format!(
            "\"{pad}{}\",{}\n",
            i as f64 * 0.5,
            if i % 3 == 0 { "a" } else { "b" }
        ));
    }
    assert!(text.len() > 45 * 1024 * 1024 && text.len() <= MAX_BYTES);
    let t = Instant::now();
    let (p, peak) = peak_during(|| csv::parse(&text, Some("label"), None, "drop"));
    let elapsed = t.elapsed();
    let p = p.unwrap();
    assert_eq!(p.dataset.x.dim(), (rows, 1));
    assert_eq!(p.dataset.x[[rows - 1, 0]], (rows - 1) as f32 * 0.5);
    // x and y: 4 bytes each per row; allow 1 MB for everything else.
    let bound = rows * 4 * 2 + (1 << 20);
    assert!(peak <= bound, "peak {peak} bytes > {bound}");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
    let (preview, peak) = peak_during(|| csv::preview(&text, 10));
    assert_eq!(preview.unwrap().total_rows, rows);
    assert!(peak <= 1 << 20, "preview peak {peak} bytes");
}

/// A single 40 MB quoted cell, and 40 MB that never closes a quote.
#[test]
fn one_huge_cell_is_linear() {
    let body = "x".repeat(40 * 1024 * 1024);
    let t = Instant::now();
    // As a feature, with a number: a category of two values.
    let text = format!("a,y\n\"{body}\",0\n1,1\n");
    let p = csv::parse(&text, Some("y"), None, "drop").map_err(|e| e.message().len());
    assert_eq!(p.map(|p| p.dataset.x.dim()), Ok((2, 2)));
    // As a regression target: refused, quoting only the start of the cell.
    let e = match csv::parse(&text, Some("a"), Some("regression"), "drop") {
        Ok(_) => panic!("a text regression target was accepted"),
        Err(e) => e.to_string(),
    };
    assert!(e.len() < 1_000, "the message quotes the cell in full");
    assert!(e.contains("non-numeric value at row 2: 'xxxx"), "{e}");
    let text = format!("a,y\n1,0\n\"{body}");
    let e = match csv::parse(&text, Some("y"), None, "drop") {
        Ok(_) => panic!("an unclosed quote was accepted"),
        Err(e) => e.to_string(),
    };
    assert!(e.contains("row 3 opens a quoted value"), "{e}");
    assert!(t.elapsed() < Duration::from_secs(20));
}
