// The hostile and messy CSV corpus (tests/csv_corpus/, with its manifest
// expected.txt) run inside wasm: the browser and Node parse every file to
// the same shape, or refuse it with the same message gist, as natively
// (tests/csv_corpus.rs checks the finer details natively).

const CORPUS_MANIFEST: &str = include_str!("../csv_corpus/expected.txt");
const CORPUS_FILES: &[(&str, &[u8])] = &[
    ("binary.csv", include_bytes!("../csv_corpus/binary.csv")),
    ("blank_lines.csv", include_bytes!("../csv_corpus/blank_lines.csv")),
    ("bom.csv", include_bytes!("../csv_corpus/bom.csv")),
    ("categorical.csv", include_bytes!("../csv_corpus/categorical.csv")),
    ("crlf.csv", include_bytes!("../csv_corpus/crlf.csv")),
    ("duplicates.csv", include_bytes!("../csv_corpus/duplicates.csv")),
    ("empty.csv", include_bytes!("../csv_corpus/empty.csv")),
    ("forty.csv", include_bytes!("../csv_corpus/forty.csv")),
    ("header_only.csv", include_bytes!("../csv_corpus/header_only.csv")),
    ("huge.csv", include_bytes!("../csv_corpus/huge.csv")),
    ("inf.csv", include_bytes!("../csv_corpus/inf.csv")),
    ("junk_utf8.csv", include_bytes!("../csv_corpus/junk_utf8.csv")),
    ("mac_cr.csv", include_bytes!("../csv_corpus/mac_cr.csv")),
    ("missing.csv", include_bytes!("../csv_corpus/missing.csv")),
    ("negative_infinity.csv", include_bytes!("../csv_corpus/negative_infinity.csv")),
    ("nine_classes.csv", include_bytes!("../csv_corpus/nine_classes.csv")),
    ("nine_numeric_classes.csv", include_bytes!("../csv_corpus/nine_numeric_classes.csv")),
    ("no_header.csv", include_bytes!("../csv_corpus/no_header.csv")),
    ("pipes.csv", include_bytes!("../csv_corpus/pipes.csv")),
    ("quoted.csv", include_bytes!("../csv_corpus/quoted.csv")),
    ("ragged.csv", include_bytes!("../csv_corpus/ragged.csv")),
    ("regression_text_target.csv", include_bytes!("../csv_corpus/regression_text_target.csv")),
    ("semicolon.csv", include_bytes!("../csv_corpus/semicolon.csv")),
    ("single_class.csv", include_bytes!("../csv_corpus/single_class.csv")),
    ("single_column.csv", include_bytes!("../csv_corpus/single_column.csv")),
    ("tabs.tsv", include_bytes!("../csv_corpus/tabs.tsv")),
    ("text_feature.csv", include_bytes!("../csv_corpus/text_feature.csv")),
    ("thousands.csv", include_bytes!("../csv_corpus/thousands.csv")),
    ("trailing.csv", include_bytes!("../csv_corpus/trailing.csv")),
    ("trailing_header_only.csv", include_bytes!("../csv_corpus/trailing_header_only.csv")),
    ("unclosed_quote.csv", include_bytes!("../csv_corpus/unclosed_quote.csv")),
    ("unnamed_index.csv", include_bytes!("../csv_corpus/unnamed_index.csv")),
    ("utf16.csv", include_bytes!("../csv_corpus/utf16.csv")),
    ("whitespace.csv", include_bytes!("../csv_corpus/whitespace.csv")),
    ("workbook.xlsx.csv", include_bytes!("../csv_corpus/workbook.xlsx.csv")),
    ("xss_header.csv", include_bytes!("../csv_corpus/xss_header.csv")),
    ("xss_target.csv", include_bytes!("../csv_corpus/xss_target.csv")),
];

#[wasm_bindgen_test]
fn csv_corpus_parses_in_wasm_as_it_does_natively() {
    use descent::data::{csv, Task};
    let mut checked = 0;
    for line in CORPUS_MANIFEST.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.splitn(4, " | ").collect();
        let Some(&(_, bytes)) = CORPUS_FILES.iter().find(|(name, _)| *name == parts[0]) else {
            continue;
        };
        // As the page's TextDecoder hands the text over.
        let text = String::from_utf8_lossy(bytes);
        let mut missing = "drop";
        let mut task = None;
        for w in parts[2].split_whitespace() {
            match w {
                "mean" => missing = "mean",
                "regression" | "classification" => task = Some(w),
                _ => {}
            }
        }
        let result = csv::parse(&text, Some(parts[1]), task, missing);
        let outcome = parts[3];
        match (outcome.strip_prefix("err "), &result) {
            (Some(gist), Err(e)) => assert!(e.message().contains(gist), "{line}: error was {}", e.message()),
            (Some(_), Ok(_)) => panic!("{line}: parsed instead of failing"),
            (None, Err(e)) => panic!("{line}: failed: {}", e.message()),
            (None, Ok(p)) => {
                let ds = &p.dataset;
                let kind = match &ds.task {
                    Task::Regression => "regression".to_string(),
                    Task::Classification(c) => format!("classes {}", c.len()),
                };
                let got = format!("ok {}x{} {kind}", ds.x.nrows(), ds.x.ncols());
                assert_eq!(got, outcome.split("; ").next().unwrap_or(""), "{line}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 35, "only {checked} corpus cases ran");
}
