//! Every `data.source`, and what each one is: its task, its inputs, whether
//! its rows are fixed, which `data.*` settings apply to it and their ranges.
//! This is the one place that knows; the generator dispatch, the checks of
//! a config's data settings and the catalog the page builds its controls
//! from all read it.

use super::sequence::{DEFAULT_WINDOW, MAX_WINDOW};
use crate::config::{MAX_CLASSES, MAX_NOISE, MAX_SAMPLES};
use crate::error::Result;
use serde::Serialize;

crate::choice! {
    /// In the order the page's picker shows them.
    pub enum Source {
        Circle = "circle",
        Xor = "xor",
        Gauss = "gauss",
        Spiral = "spiral",
        Moons = "moons",
        Checkerboard = "checkerboard",
        Blobs = "blobs",
        SpiralK = "spiral-k",
        RegPlane = "reg-plane",
        RegGauss = "reg-gauss",
        Sine = "sine",
        Digits = "digits",
        SineSeq = "sine-seq",
        SeqMajority = "seq-majority",
        ArticleLinear = "article-linear",
        Csv = "csv",
    }
}

crate::choice! {
    /// What a model learns to predict.
    pub enum TaskKind {
        Classification = "classification",
        Regression = "regression",
    }
}

pub use crate::setting::Setting;

/// The number of rows a generator makes when `data.samples` is absent: 500,
/// as TensorFlow Playground.
pub const DEFAULT_SAMPLES: usize = 500;
/// Default `data.classes` for `blobs` and `spiral-k`: three is the smallest
/// count that is not a yes/no question, so softmax has something to show.
pub const DEFAULT_CLASSES: usize = 3;
/// `checkerboard`: tiles along each side.
pub const DEFAULT_TILES: usize = 4;
pub const MAX_TILES: usize = 8;

// Every update the page shows scores the whole training split, so it
// offers at most 10,000 rows; the engine takes more.
const SAMPLES: Setting =
    Setting::count("samples", 2, MAX_SAMPLES, DEFAULT_SAMPLES).with_ui(10.0, 10_000.0, 10.0);
// TensorFlow Playground's 0-50 % slider, so its lessons carry over.
const NOISE: Setting =
    Setting::number("noise", 0.0, MAX_NOISE, (false, false), 0.0).with_ui(0.0, 0.5, 0.05);
const CLASSES: Setting = Setting::count("classes", 2, MAX_CLASSES, DEFAULT_CLASSES);
// A recurrent step per value: past 60 the page's training slows to a crawl.
const WINDOW: Setting =
    Setting::count("window", 2, MAX_WINDOW, DEFAULT_WINDOW).with_ui(2.0, 60.0, 1.0);
const MIX: Setting = Setting::flag("mix");
const TILES: Setting = Setting::count("tiles", 2, MAX_TILES, DEFAULT_TILES);

/// What a source is, for the engine and the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    pub id: Source,
    /// The picker's group.
    pub group: &'static str,
    /// `None`: the learner chooses (a CSV file).
    pub task: Option<TaskKind>,
    /// Raw inputs a row; `None` when a setting (the window) or the file decides.
    pub inputs: Option<usize>,
    /// `[channels, height, width]` for image sets.
    pub shape: Option<[usize; 3]>,
    /// Image sets: the range of a pixel's value (digits: 0 to 16 set
    /// pixels of a 4×4 block), for drawing and for a drawn input.
    pub pixel_range: Option<[f32; 2]>,
    /// Fixed sets: their row count.
    pub rows: Option<usize>,
    /// Sets whose split is part of the lesson: (train, val, test) rows, in order.
    pub fixed_split: Option<FixedSplit>,
    /// Whether `data.split` may be set.
    pub split_applies: bool,
    /// Whether `data.features` (the feature crosses) apply: the generated 2-D sets.
    pub features_apply: bool,
    /// The `data.normalize` used when the config gives none. Pixels (0..16)
    /// and a file's columns can have any scale, so they are standardized;
    /// the generated sets are already on a small symmetric range, and the
    /// page draws them in their own units, so they are left alone.
    pub normalize: super::normalize::Normalization,
    /// 2-D sets: the square [-d, d]² the page draws.
    pub domain: Option<f32>,
    /// Rows are windows of a sequence (for recurrent networks).
    pub sequence: bool,
    /// `digits`: `loadDigits(text)` must come first in the browser.
    pub load: Option<&'static str>,
    /// The `data.*` settings that apply, with their ranges.
    pub settings: &'static [Setting],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FixedSplit {
    pub train: usize,
    pub val: usize,
    pub test: usize,
}

impl Source {
    pub fn facts(self) -> Facts {
        use super::normalize::Normalization::{None as Raw, Standard};
        use Source as S;
        let plane = |group, task| Facts {
            id: self,
            group,
            task: Some(task),
            inputs: Some(2),
            shape: None,
            pixel_range: None,
            rows: None,
            fixed_split: None,
            split_applies: true,
            features_apply: true,
            normalize: Raw,
            domain: Some(super::playground::DOMAIN),
            sequence: false,
            load: None,
            settings: &[SAMPLES, NOISE],
        };
        let classify = TaskKind::Classification;
        let regress = TaskKind::Regression;
        match self {
            S::Circle | S::Xor | S::Gauss | S::Spiral | S::Moons => plane("two-classes", classify),
            S::Checkerboard => Facts {
                settings: &[SAMPLES, NOISE, TILES],
                ..plane("two-classes", classify)
            },
            S::Blobs | S::SpiralK => Facts {
                settings: &[SAMPLES, NOISE, CLASSES],
                ..plane("many-classes", classify)
            },
            S::RegPlane | S::RegGauss => plane("regression", regress),
            S::Sine => Facts {
                inputs: Some(1),
                features_apply: false,
                domain: Some(super::regression::SINE_DOMAIN),
                ..plane("regression", regress)
            },
            S::Digits => Facts {
                inputs: Some(super::digits::PIXELS),
                shape: Some([1, 8, 8]),
                pixel_range: Some([0.0, 16.0]),
                rows: Some(super::digits::ROWS),
                features_apply: false,
                normalize: Standard,
                domain: None,
                load: Some("digits"),
                settings: &[],
                ..plane("images", classify)
            },
            S::SineSeq => Facts {
                inputs: None,
                features_apply: false,
                domain: None,
                sequence: true,
                settings: &[SAMPLES, NOISE, WINDOW, MIX],
                ..plane("sequences", regress)
            },
            S::SeqMajority => Facts {
                inputs: None,
                features_apply: false,
                domain: None,
                sequence: true,
                settings: &[SAMPLES, WINDOW],
                ..plane("sequences", classify)
            },
            S::ArticleLinear => Facts {
                rows: Some(6),
                fixed_split: Some(FixedSplit {
                    train: 4,
                    val: 0,
                    test: 2,
                }),
                split_applies: false,
                features_apply: false,
                domain: None,
                settings: &[],
                ..plane("lessons", regress)
            },
            S::Csv => Facts {
                task: None,
                inputs: None,
                features_apply: false,
                normalize: Standard,
                domain: None,
                settings: &[],
                ..plane("your-data", classify)
            },
        }
    }

    /// Whether `name` (a `data.*` key such as `noise`) applies to this source.
    pub fn takes(self, name: &str) -> bool {
        self.facts().settings.iter().any(|s| s.name == name)
    }

    /// Rows are a table (a file, the digits, the article's): nothing to
    /// sample and no noise to add.
    pub fn fixed(self) -> bool {
        !self.takes("samples")
    }

    /// The ids of the sources that take setting `name` (`blobs`, `spiral-k`).
    pub fn with_setting(name: &str) -> Vec<&'static str> {
        Source::ALL
            .iter()
            .filter(|s| s.takes(name))
            .map(|s| s.id())
            .collect()
    }
}

/// A parsed `data.source`, by name (for callers holding text).
pub fn parse(text: &str) -> Result<Source> {
    Source::parse("data.source", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_names_list_the_choices() {
        for &s in Source::ALL {
            assert_eq!(parse(s.id()), Ok(s));
            assert_eq!(s.facts().id, s);
        }
        let e = parse("spirals").unwrap_err().to_string();
        assert!(e.starts_with("data.source must be one of"), "{e}");
        assert!(e.contains("'spiral-k'") && e.contains("'spirals'"), "{e}");
    }

    #[test]
    fn settings_say_which_sources_take_them() {
        assert_eq!(Source::with_setting("classes"), ["blobs", "spiral-k"]);
        assert_eq!(Source::with_setting("mix"), ["sine-seq"]);
        assert!(Source::Digits.fixed() && Source::Csv.fixed() && Source::ArticleLinear.fixed());
        assert!(!Source::Circle.fixed() && !Source::SeqMajority.takes("noise"));
        assert!(Source::Checkerboard.takes("tiles") && !Source::Circle.takes("tiles"));
    }
}
