use super::*;
use ndarray::array;

fn ok(text: &str, target: &str) -> Dataset {
    parse(text, Some(target), None, "drop")
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}
fn full(text: &str, target: &str, missing: &str) -> Parsed {
    parse(text, Some(target), None, missing).unwrap_or_else(|e| panic!("{e}"))
}
fn err(text: &str, target: &str) -> String {
    parse(text, Some(target), None, "drop")
        .unwrap_err()
        .to_string()
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
    // No trailing newline, CRLF, quoted header, BOM: same data.
    for text in [
        "\"size\",rooms,price\r\n50,2,100.5\r\n80,3,150\r\n120,4,210.25",
        "\u{feff}size,rooms,price\n50,2,100.5\n80,3,150\n120,4,210.25\n",
        "size;rooms;price\n50;2;100,5\n80;3;150\n120;4;210,25\n",
        "size\trooms\tprice\n50\t2\t100.5\n\n80\t3\t150\n120\t4\t210.25\n\n",
        "size,rooms,price,\n50,2,100.5,\n80,3,150,\n120,4,210.25,\n",
    ] {
        let other = ok(text, "price");
        assert_eq!(other.x, ds.x, "{text:?}");
        assert_eq!(other.y, ds.y, "{text:?}");
        assert_eq!(other.input_names, ds.input_names, "{text:?}");
    }
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
    assert_eq!(reg.dataset.task, Task::Regression);
    // Fractions: regression.
    assert_eq!(ok("x,y\n1,0.5\n2,1.5\n", "y").task, Task::Regression);
    // Many distinct whole numbers: regression.
    let many: String = (0..20).map(|i| format!("{i},{}\n", i * 3)).collect();
    assert_eq!(ok(&format!("x,y\n{many}"), "y").task, Task::Regression);
    let e = parse("x,y\n1,a\n2,b\n", Some("y"), Some("regression"), "drop")
        .unwrap_err()
        .to_string();
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
        .to_string();
    assert!(
        e.starts_with("data.target is required") && e.contains("'age', 'income'"),
        "{e}"
    );
    let e = err("1,2\n3,4\n", "b");
    assert!(
        e.contains("'column 1', 'column 2' (the first row holds only numbers"),
        "{e}"
    );
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
        e.starts_with("data.csv: column 'age' has 12 non-numeric values, first at row 40: 'forty'"),
        "{e}"
    );
    let names: String = (0..20).map(|i| format!("n{i},t{i},{}\n", i % 2)).collect();
    let e = err(&format!("a,b,y\n{names}"), "y");
    assert!(
        e.contains("column 'a' has 20 non-numeric values,") && e.contains("(and so do 'b')"),
        "{e}"
    );
}

#[test]
fn few_text_values_are_one_hot() {
    let p = full(
        "color,size,y\nred,1,0\nblue,2,1\n,3,0\nred,4,1\n",
        "y",
        "mean",
    );
    assert_eq!(p.dataset.input_names, ["color=blue", "color=red", "size"]);
    // The missing colour is filled with each level's share of the others.
    assert_eq!(
        p.dataset.x,
        array![
            [0., 1., 1.],
            [1., 0., 2.],
            [1. / 3., 2. / 3., 3.],
            [0., 1., 4.]
        ]
    );
    assert_eq!(
        p.report.one_hot,
        vec![OneHot {
            column: "color".into(),
            inputs: vec!["color=blue".into(), "color=red".into()]
        }]
    );
    assert_eq!(p.report.filled_cells, 1);
    assert!(p.report.notes.iter().any(|n| n.contains("became 2 inputs")));
    // A mixed column of few values is a category too; numbers sort first.
    let ds = ok("a,y\n10,0\n2,1\nx,0\n", "y");
    assert_eq!(ds.input_names, ["a=2", "a=10", "a=x"]);
}

#[test]
fn absurd_numbers_name_column_and_row() {
    let e = err("a,b,y\n1,2,0\n3,inf,1\n", "y");
    assert!(
        e.starts_with(
            "data.csv: column 'b' has an infinite or absurdly large value at row 3: 'inf'"
        ),
        "{e}"
    );
    assert!(err("a,y\n1e300,0\n1,1\n", "y").contains("column 'a'"));
    assert!(err("a,y\n1,0\n1,-1e31\n", "y").contains("column 'y'"));
}

#[test]
fn empty_and_header_only_files() {
    for text in ["", "  \n\n", "\u{feff}", "\r\n\r\n"] {
        assert!(err(text, "y").starts_with("data.csv is empty"), "{text:?}");
    }
    assert_eq!(
        err("a,y\n", "y"),
        "data.csv has a header row but no data rows"
    );
    assert_eq!(
        err("a,y\n\n\n", "y"),
        "data.csv has a header row but no data rows"
    );
}

#[test]
fn ragged_rows_name_the_row() {
    let e = err("a,b,y\n1,2,0\n3,4,1\n5,6\n", "y");
    assert!(
        e.starts_with("data.csv: row 4 has 2 values but the header has 3 columns"),
        "{e}"
    );
    assert!(err("a,b,y\n1,2,0,9\n", "y").contains("row 2 has 4 values"));
    // Blank lines count as rows, as a spreadsheet shows them.
    assert!(err("a,b,y\n\n1,2,0,9\n", "y").contains("row 3 has 4 values"));
    let e = err("a,b,y\n1,\"2,0\n3,4,5\n", "y");
    assert!(e.contains("row 2 opens a quoted value"), "{e}");
    // An extra value that is a quote is not a trailing delimiter.
    let e = err("a,y\n1,0\n2,1,\"\"\"\"\n", "y");
    assert!(e.contains("row 3 has 3 values"), "{e}");
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
    // Many text labels: counted up to where tracking stops.
    let many: String = (0..40).map(|i| format!("{i},c{i}\n")).collect();
    let e = err(&format!("x,y\n{many}"), "y");
    assert!(e.contains("has more than 13 classes"), "{e}");
    // A class only on dropped rows is not a class.
    let e = err("x,y\n1,a\n2,a\nNA,b\n", "y");
    assert!(e.contains("only one value ('a')"), "{e}");
}

#[test]
fn too_many_cells_stops_early() {
    let mut text = String::from("a,b,c,d,y\n");
    for i in 0..50_001 {
        text.push_str(&format!("1,2,3,4,{}\n", i % 2));
    }
    // A bad cell after the limit is never reached.
    text.push_str("1,2,3,inf,0\n");
    let e = err(&text, "y");
    assert!(
        e.starts_with("data.csv is too large") && e.contains("200000") && e.contains("row 50002"),
        "{e}"
    );
    let big = "a".repeat(MAX_BYTES + 1);
    assert!(err(&big, "y").contains("the limit is 50 MB"));
}

#[test]
fn missing_values_drop_or_mean() {
    let text = "a,b,y\n1,NA,0\n3,4,1\n,6,0\n7,8,?\n5,10,0\n";
    let dropped = full(text, "y", "drop");
    assert_eq!(dropped.dataset.x, array![[3., 4.], [5., 10.]]);
    assert_eq!(dropped.dataset.y, vec![1., 0.]);
    assert_eq!(
        (
            dropped.report.dropped_no_target,
            dropped.report.dropped_missing,
            dropped.report.filled_cells
        ),
        (1, 2, 0)
    );
    // The target-less row is always dropped; features fill with the mean
    // of the rows that have a target.
    let mean = full(text, "y", "mean");
    assert_eq!(
        mean.dataset.x,
        array![[1., 20. / 3.], [3., 4.], [3., 6.], [5., 10.]]
    );
    assert_eq!(mean.dataset.y, vec![0., 1., 0., 0.]);
    assert_eq!(
        (mean.report.dropped_rows(), mean.report.filled_cells),
        (1, 2)
    );
    let e = parse("a,y\nNA,0\n1,1\n", Some("y"), None, "drop")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("1 complete row (1 dropped") && e.contains("'mean'"),
        "{e}"
    );
    let e = parse("a,b,y\n,1,0\nnull,2,1\n", Some("y"), None, "mean")
        .unwrap_err()
        .to_string();
    assert!(e.contains("column 'a' has no values"), "{e}");
}

#[test]
fn header_problems() {
    let p = full("a,a,y\n1,2,0\n3,4,1\n", "y", "drop");
    assert_eq!(p.dataset.input_names, ["a", "a (2)"]);
    assert_eq!(p.report.renamed, ["a (2)"]);
    assert!(err("y\n1\n2\n", "y").contains("only the target column 'y'"));
    // pandas writes an unnamed index column.
    let ds = ok(",v,y\n0,1,0\n1,2,1\n", "y");
    assert_eq!(ds.input_names, ["column 1", "v"]);
    // No header: the first row is data.
    let p = full("1,2,0\n3,4,1\n", "column 3", "drop");
    assert!(p.report.generated_header);
    assert_eq!(p.dataset.x, array![[1., 2.], [3., 4.]]);
    // A one-hot input that collides with a column name is made unique.
    let ds = ok("c,c=x,y\nx,1,0\nz,2,1\n", "y");
    assert_eq!(ds.input_names, ["c=x (2)", "c=z", "c=x"]);
}

#[test]
fn binary_files_are_named() {
    assert!(err("PK\u{3}\u{4}\u{14}\0\0", "y").contains(".xlsx"));
    assert!(err("a\0,\0b\0\n", "y").contains("NUL"));
}

#[test]
fn preview_describes_the_columns() {
    let p = preview(
        "\u{feff}id;color;temp;label\n1;red;1,5;yes\n2;blue;NA;no\n\n3;red;-2;yes\n",
        2,
    )
    .unwrap();
    assert_eq!(p.delimiter, ';');
    assert_eq!(p.total_rows, 3);
    assert_eq!(
        p.rows,
        vec![
            vec!["1", "red", "1,5", "yes"],
            vec!["2", "blue", "NA", "no"]
        ]
    );
    assert_eq!(p.suggested_target, "label");
    assert_eq!(p.suggested_task, "classification");
    let temp = &p.columns[2];
    assert_eq!(
        (
            temp.kind.as_str(),
            temp.missing,
            temp.min,
            temp.max,
            temp.levels
        ),
        ("number", 1, Some(-2.0), Some(1.5), 2)
    );
    assert_eq!(
        (p.columns[1].kind.as_str(), p.columns[1].levels),
        ("category", 2)
    );
    assert!(p.notes.iter().any(|n| n.contains("semicolons")));
    assert!(p.notes.iter().any(|n| n.contains("1 blank row")));
    let json = serde_json::to_value(&p).unwrap();
    assert!(json.get("suggestedTarget").is_some() && json.get("generatedHeader").is_some());
    let reg = preview("a,b\n1,0.5\n2,1.5\n", 10).unwrap();
    assert_eq!(reg.suggested_task, "regression");
    assert!(preview("", 10).is_err());
}

#[test]
fn from_config_checks_its_fields() {
    let mut cfg = DataConfig {
        source: crate::data::source::Source::Csv,
        ..Default::default()
    };
    assert!(from_config(&cfg)
        .unwrap_err()
        .to_string()
        .starts_with("data.csv is required"));
    cfg.csv = Some("a,y\n1,0\n2,1\n".into());
    cfg.target = Some("y".into());
    // Choices are read once, with the config.
    assert!(Missing::parse("data.missing", "zero")
        .unwrap_err()
        .to_string()
        .starts_with("data.missing must be one of"));
    cfg.missing = None;
    cfg.task = Some(TaskKind::Regression);
    assert_eq!(from_config(&cfg).unwrap().task, Task::Regression);
    assert!(TaskKind::parse("data.task", "clustering")
        .unwrap_err()
        .to_string()
        .starts_with("data.task must be one of"));
}

#[test]
fn preview_gives_each_column_the_task_parse_would_guess() {
    // `half`: whole numbers at both ends but not between (the page once
    // guessed classes from the range); `many`: 12 distinct whole numbers.
    let mut text = String::from("half,label,grade,many,word\n");
    for i in 0..12 {
        let half = if i == 5 {
            "2.5".to_string()
        } else {
            (1 + i % 3).to_string()
        };
        let word = ["red", "blue"][i % 2];
        text += &format!("{half},{},{},{i},{word}\n", i % 2, 1 + i % 5);
    }
    let p = preview(&text, 5).unwrap();
    let tasks: Vec<&str> = p.columns.iter().map(|c| c.task.as_str()).collect();
    assert_eq!(
        tasks,
        [
            "regression",
            "classification",
            "classification",
            "regression",
            "classification"
        ]
    );
    for c in &p.columns {
        let parsed = parse(&text, Some(&c.name), None, "drop").unwrap();
        assert_eq!(parsed.dataset.task.name(), c.task, "column {}", c.name);
    }
    assert_eq!(p.suggested_task, "classification"); // the last column, `word`
}
