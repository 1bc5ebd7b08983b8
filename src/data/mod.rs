//! Data sets: seeded generators (`(config, rng) -> Dataset`), the real digits,
//! and CSV text. A `Dataset` is raw rows; splitting, feature maps and
//! normalization happen in `prepare`, fitted on the training split only.
//!
//! `data.noise` is on TensorFlow Playground's scale for every generator:
//! 0 is clean and 0.5 is the noisiest Playground offers (its 50% slider);
//! each generator's doc comment says what the number scales.

pub mod article;
pub mod csv;
pub mod digits;
pub mod features;
pub mod normalize;
pub mod playground;
pub mod regression;
pub mod sequence;
pub mod source;
pub mod split;

use crate::config::{DataConfig, MAX_CELLS, MAX_CLASSES};
use crate::error::{Bounds, Error, Result};
use crate::rng::Rng;
use ndarray::Array2;

#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    Regression,
    /// Class names, in index order; targets are class indices.
    Classification(Vec<String>),
}

impl Task {
    pub fn name(&self) -> &'static str {
        match self {
            Task::Regression => "regression",
            Task::Classification(_) => "classification",
        }
    }
    pub fn classes(&self) -> usize {
        match self {
            Task::Regression => 0,
            Task::Classification(c) => c.len(),
        }
    }
}

/// Raw rows as a generator or file gives them.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub task: Task,
    /// rows × input columns, row-major.
    pub x: Array2<f32>,
    /// One value per row: the regression target, or the class index as f32.
    pub y: Vec<f32>,
    /// One name per input column (`x1`, `x2` for the 2-D sets).
    pub input_names: Vec<String>,
    /// Sets whose split is part of the lesson (the article's example) give it
    /// here as (train, val, test) row counts, in row order, unshuffled.
    pub fixed_split: Option<(usize, usize, usize)>,
    /// `[channels, height, width]` for image sets (digits).
    pub image_shape: Option<[usize; 3]>,
    /// Sets on the 2-D plane: the square [-d, d]² the page draws.
    pub domain: Option<f32>,
}

pub use source::{Source, TaskKind};

/// How many rows a generator makes when `data.samples` is absent (500, as
/// TensorFlow Playground). `None` for fixed sets, whose size is their own.
pub fn default_samples(source: Source) -> Option<usize> {
    (!source.fixed()).then_some(source::DEFAULT_SAMPLES)
}

/// Refuse a data set larger than the page can hold, before building it.
pub fn check_cells(rows: usize, inputs: usize) -> Result<()> {
    match rows.checked_mul(inputs) {
        Some(c) if c <= MAX_CELLS => Ok(()),
        _ => Err(Error::cells(rows, inputs, MAX_CELLS)),
    }
}

/// Build the raw data set the config asks for. `rng` is the data stream, so
/// the same seed gives the same rows whatever the model or training settings.
pub fn generate(cfg: &DataConfig, rng: &mut Rng) -> Result<Dataset> {
    let source = cfg.source;
    check_fields(cfg)?;

    let noise = cfg.noise.unwrap_or(0.0) as f32;
    let n = cfg.samples.or(default_samples(source)).unwrap_or(0);
    let window = cfg.window.unwrap_or(sequence::DEFAULT_WINDOW);
    let count = |field: &str, v: usize, max: usize| {
        if (2..=max).contains(&v) {
            Ok(())
        } else {
            Err(Error::range(
                field,
                v as f64,
                Bounds::between(2.0, max as f64),
            ))
        }
    };
    // A sequence's window is set as model.window (or data.window).
    count("model.window", window, sequence::MAX_WINDOW)?;
    let classes = cfg.classes.unwrap_or(source::DEFAULT_CLASSES);
    if source.takes("classes") {
        count("data.classes", classes, MAX_CLASSES)?;
    }
    let tiles = cfg.tiles.unwrap_or(source::DEFAULT_TILES);
    count("data.tiles", tiles, source::MAX_TILES)?;
    // Generators must make at least one row per class or the split and the
    // loss have nothing to work with; config validation already asks for ≥ 2.
    if !source.fixed() {
        let need = if source.takes("classes") { classes } else { 2 };
        if n < need {
            // One row per class at least.
            let bounds = Bounds::between(need as f64, crate::config::MAX_SAMPLES as f64);
            return Err(Error::range("data.samples", n as f64, bounds));
        }
        let inputs = source.facts().inputs.unwrap_or(window);
        check_cells(n, inputs)?;
    }

    use Source as S;
    let ds = match source {
        S::ArticleLinear => article::article_linear(),
        S::Circle => playground::circle(n, noise, rng),
        S::Xor => playground::xor(n, noise, rng),
        S::Gauss => playground::gauss(n, noise, rng),
        S::Spiral => playground::spiral(n, noise, rng),
        S::Moons => playground::moons(n, noise, rng),
        S::Checkerboard => playground::checkerboard(n, tiles, noise, rng),
        S::Blobs => playground::blobs(n, classes, noise, rng)?,
        S::SpiralK => playground::spiral_k(n, classes, noise, rng)?,
        S::RegPlane => regression::reg_plane(n, noise, rng),
        S::RegGauss => regression::reg_gauss(n, noise, rng),
        S::Sine => regression::sine(n, noise, rng),
        S::Digits => digits::digits()?,
        S::Csv => csv::from_config(cfg)?,
        S::SineSeq => sequence::sine_seq(n, window, noise, cfg.mix.unwrap_or(false), rng),
        S::SeqMajority => sequence::seq_majority(n, window, rng),
    };
    check_cells(ds.x.nrows(), ds.x.ncols())?;
    Ok(ds)
}

/// Settings that do not apply to the chosen source are refused rather than
/// ignored: a slider that silently does nothing teaches the wrong lesson.
/// Which apply is the source's own list (`source.rs`).
fn check_fields(cfg: &DataConfig) -> Result<()> {
    let source = cfg.source;
    let id = source.id();
    let refuse =
        |field: &str, only: &[&str]| Err(Error::not_applicable(field, "data.source", id, only));
    // A fixed set (the digits, a file, the article's rows) takes no
    // samples and no noise: its rows are as they are.
    for (name, given) in [
        ("samples", cfg.samples.is_some()),
        ("noise", cfg.noise.is_some()),
        ("classes", cfg.classes.is_some()),
        ("mix", cfg.mix.is_some()),
        ("tiles", cfg.tiles.is_some()),
        ("window", cfg.window.is_some()),
    ] {
        if given && !source.takes(name) {
            return refuse(&format!("data.{name}"), &Source::with_setting(name));
        }
    }
    // The catalog's `featuresApply` is this rule: the crosses are for the
    // generated 2-D sets; the article's lesson fits its two columns as they are.
    if cfg.features.is_some() && !source.facts().features_apply {
        let planes: Vec<&str> = Source::ALL
            .iter()
            .filter(|s| s.facts().features_apply)
            .map(|s| s.id())
            .collect();
        return refuse("data.features", &planes);
    }
    if source != Source::Csv {
        for (name, given) in [
            ("data.csv", cfg.csv.is_some()),
            ("data.target", cfg.target.is_some()),
            ("data.task", cfg.task.is_some()),
            ("data.missing", cfg.missing.is_some()),
        ] {
            if given {
                return refuse(name, &["csv"]);
            }
        }
    }
    Ok(())
}

/// A 2-D data set on the plane [-domain, domain]² with inputs `x1`, `x2`.
pub(crate) fn plane(points: Vec<[f32; 2]>, y: Vec<f32>, task: Task, domain: f32) -> Dataset {
    let n = points.len();
    let flat: Vec<f32> = points.into_iter().flatten().collect();
    Dataset {
        task,
        // The length is 2n by construction, so the shape always matches.
        x: Array2::from_shape_vec((n, 2), flat).unwrap_or_else(|_| Array2::zeros((0, 2))),
        y,
        input_names: vec!["x1".into(), "x2".into()],
        fixed_split: None,
        image_shape: None,
        domain: Some(domain),
    }
}

/// Class names "0", "1", ... for sets whose classes have no better name.
pub(crate) fn numbered_classes(k: usize) -> Task {
    Task::Classification((0..k).map(|i| i.to_string()).collect())
}

/// Split n rows into k groups as evenly as possible (the first n % k groups
/// get one more), so classes are balanced even when k does not divide n.
pub(crate) fn per_class(n: usize, k: usize) -> Vec<usize> {
    (0..k).map(|c| n / k + usize::from(c < n % k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    fn cfg(source: &str) -> DataConfig {
        DataConfig {
            source: source::parse(source).unwrap(),
            ..Default::default()
        }
    }

    #[test]
    fn every_source_generates_with_its_defaults() {
        for s in Source::ALL.iter().map(|s| s.id()) {
            let mut c = cfg(s);
            if s == "csv" {
                c.csv = Some("a,b\n1,2\n3,4\n5,6\n".into());
                c.target = Some("b".into());
            }
            let ds = generate(&c, &mut seeded(1)).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(ds.x.nrows(), ds.y.len(), "{s}");
            assert_eq!(ds.x.ncols(), ds.input_names.len(), "{s}");
            if let Some(n) = default_samples(c.source) {
                assert_eq!(ds.x.nrows(), n, "{s}");
            }
            assert!(ds.x.iter().all(|v| v.is_finite()), "{s}");
            if let Task::Classification(names) = &ds.task {
                assert!(
                    ds.y.iter().all(|&c| c >= 0.0 && (c as usize) < names.len()),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn unknown_source_lists_the_choices() {
        let e = source::parse("spirals").unwrap_err().to_string();
        assert!(e.starts_with("data.source must be one of"), "{e}");
        assert!(e.contains("'spiral-k'") && e.contains("'spirals'"), "{e}");
    }

    #[test]
    fn classes_out_of_range_names_the_field() {
        for k in [0, 1, 9, 100] {
            for s in ["blobs", "spiral-k"] {
                let mut c = cfg(s);
                c.classes = Some(k);
                let e = generate(&c, &mut seeded(1)).unwrap_err().to_string();
                assert!(e.starts_with("data.classes must be from 2 to 8"), "{e}");
            }
        }
        let mut c = cfg("xor");
        c.classes = Some(3);
        assert!(generate(&c, &mut seeded(1))
            .unwrap_err()
            .to_string()
            .starts_with("data.classes does not apply to data.source 'xor'"));
    }

    #[test]
    fn fixed_sets_refuse_samples_and_noise() {
        for s in ["digits", "article-linear"] {
            let mut c = cfg(s);
            c.samples = Some(100);
            let e = generate(&c, &mut seeded(1)).unwrap_err().to_string();
            assert!(e.starts_with("data.samples does not apply to"), "{e}");
            let mut c = cfg(s);
            c.noise = Some(0.1);
            let e = generate(&c, &mut seeded(1)).unwrap_err().to_string();
            assert!(e.starts_with("data.noise does not apply to"), "{e}");
        }
    }

    #[test]
    fn csv_fields_only_for_csv() {
        let mut c = cfg("xor");
        c.target = Some("y".into());
        let e = generate(&c, &mut seeded(1)).unwrap_err().to_string();
        assert_eq!(
            e,
            "data.target does not apply to data.source 'xor' (only to 'csv'); remove it"
        );
    }

    #[test]
    fn too_few_samples_for_the_classes() {
        let mut c = cfg("blobs");
        c.classes = Some(5);
        c.samples = Some(4);
        let e = generate(&c, &mut seeded(1)).unwrap_err().to_string();
        // One row per class at least.
        assert_eq!(e, "data.samples must be from 5 to 100000, got 4");
    }

    #[test]
    fn cell_limit_is_checked() {
        assert!(check_cells(100_000, 2).is_ok());
        let e = check_cells(100_001, 2).unwrap_err().to_string();
        assert!(e.contains("200000") && e.contains("data.samples"), "{e}");
        assert!(check_cells(usize::MAX, 3).is_err());
    }

    #[test]
    fn default_normalization_per_source() {
        let n = |s: &str| cfg(s).source.facts().normalize.id();
        assert_eq!(n("digits"), "standard");
        assert_eq!(n("csv"), "standard");
        assert_eq!(n("xor"), "none");
        assert_eq!(n("article-linear"), "none");
    }

    #[test]
    fn per_class_is_balanced_and_sums() {
        assert_eq!(per_class(10, 3), vec![4, 3, 3]);
        assert_eq!(per_class(7, 2), vec![4, 3]);
        assert_eq!(per_class(8, 8).iter().sum::<usize>(), 8);
    }
}
