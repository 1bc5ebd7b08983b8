//! Playground's feature inputs: for the 2-D sets the model may see products,
//! squares and sines of x1, x2 instead of (or beside) the raw coordinates,
//! showing that a linear model on the right features draws a curved boundary.

use super::Dataset;
use crate::error::{Error, Result};
use ndarray::{Array2, ArrayView2};

crate::choice! {
    /// Every feature a 2-D set can offer, in the order the page lists them.
    pub enum Feature {
        X1 = "x1",
        X2 = "x2",
        X1Squared = "x1^2",
        X2Squared = "x2^2",
        X1TimesX2 = "x1*x2",
        SinX1 = "sin(x1)",
        SinX2 = "sin(x2)",
    }
}

impl Feature {
    /// This feature of the point (a, b).
    pub fn of(self, a: f32, b: f32) -> f32 {
        match self {
            Feature::X1 => a,
            Feature::X2 => b,
            Feature::X1Squared => a * a,
            Feature::X2Squared => b * b,
            Feature::X1TimesX2 => a * b,
            Feature::SinX1 => a.sin(),
            Feature::SinX2 => b.sin(),
        }
    }
}

/// Every feature of each raw 2-D row (x1, x2), in catalog order: the
/// page's pictures of the features it offers, from the engine's own maps.
pub fn all_features(x: &[f32]) -> Vec<f32> {
    let mut out = Vec::with_capacity(x.len() / 2 * Feature::ALL.len());
    for p in x.chunks_exact(2) {
        out.extend(Feature::ALL.iter().map(|f| f.of(p[0], p[1])));
    }
    out
}

/// What the model's inputs are made of.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureMap {
    /// The chosen features (2-D sets), or `None`: the raw columns as they are.
    chosen: Option<Vec<Feature>>,
    names: Vec<String>,
}

impl FeatureMap {
    /// `requested` is `data.features`. Data sets whose inputs are exactly
    /// `x1, x2` take any non-empty subset of the features without repeats, in the
    /// given order (default: `x1, x2`); any other data set is used as it is,
    /// and asking for features there is an error.
    pub fn new(requested: Option<&[Feature]>, ds: &Dataset) -> Result<FeatureMap> {
        let is_plane =
            ds.input_names.len() == 2 && ds.input_names[0] == "x1" && ds.input_names[1] == "x2";
        if !is_plane {
            if requested.is_some() {
                // data/mod.rs refuses data.features for every source
                // whose inputs are not x1, x2; this stands behind it.
                let inputs = describe_inputs(&ds.input_names);
                let inputs = inputs.trim_matches('\'');
                return Err(Error::not_applicable(
                    "data.features",
                    "inputs",
                    inputs,
                    &["x1, x2"],
                ));
            }
            return Ok(FeatureMap {
                chosen: None,
                names: ds.input_names.clone(),
            });
        }
        let requested = requested.unwrap_or(&[Feature::X1, Feature::X2]);
        if requested.is_empty() {
            // The model needs an input.
            return Err(Error::length("data.features", 0, 1, Feature::ALL.len()));
        }
        let mut chosen = Vec::with_capacity(requested.len());
        for (i, &f) in requested.iter().enumerate() {
            if chosen.contains(&f) {
                return Err(Error::duplicate(&format!("data.features[{i}]"), f.id()));
            }
            chosen.push(f);
        }
        let names = chosen.iter().map(|f| f.id().to_string()).collect();
        Ok(FeatureMap {
            chosen: Some(chosen),
            names,
        })
    }

    /// Number of model inputs.
    pub fn width(&self) -> usize {
        self.names.len()
    }

    /// The model's input names, in column order.
    pub fn names(&self) -> Vec<String> {
        self.names.clone()
    }

    /// Map one raw row into `out` (length `width()`); no allocation, so the
    /// page can evaluate the model over its whole drawing grid cheaply.
    pub fn apply_row(&self, raw: &[f32], out: &mut [f32]) {
        match &self.chosen {
            None => out.copy_from_slice(raw),
            Some(chosen) => {
                let (a, b) = (raw[0], raw[1]);
                for (o, f) in out.iter_mut().zip(chosen) {
                    *o = f.of(a, b);
                }
            }
        }
    }

    /// Map every row of `x`.
    pub fn apply(&self, x: ArrayView2<f32>) -> Array2<f32> {
        if self.chosen.is_none() {
            return x.to_owned();
        }
        let mut out = Array2::zeros((x.nrows(), self.width()));
        for (raw, mut o) in x.rows().into_iter().zip(out.rows_mut()) {
            let (a, b) = (raw[0], raw[1]);
            for (v, f) in o.iter_mut().zip(self.chosen.iter().flatten()) {
                *v = f.of(a, b);
            }
        }
        out
    }
}

/// The inputs of a data set for an error message, shortened for the 64 pixels.
fn describe_inputs(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(4).map(|n| format!("'{n}'")).collect();
    if names.len() > 4 {
        format!("{}, ... ({} in all)", shown.join(", "), names.len())
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{article, regression, Dataset};
    use crate::rng::seeded;
    use ndarray::array;

    fn xy() -> Dataset {
        crate::data::playground::xor(4, 0.0, &mut seeded(1))
    }
    fn strings(v: &[&str]) -> Vec<Feature> {
        v.iter()
            .map(|s| Feature::parse("data.features", s).unwrap())
            .collect()
    }

    #[test]
    fn every_feature_on_one_row() {
        let m = FeatureMap::new(Some(Feature::ALL), &xy()).unwrap();
        assert_eq!(m.width(), 7);
        let ids: Vec<&str> = Feature::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(m.names(), ids);
        assert_eq!(
            all_features(&[2.0, -3.0]),
            m.apply(array![[2.0, -3.0]].view())
                .into_raw_vec_and_offset()
                .0
        );
        let mut out = [0.0; 7];
        m.apply_row(&[2.0, -3.0], &mut out);
        assert_eq!(out, [2.0, -3.0, 4.0, 9.0, -6.0, 2f32.sin(), (-3f32).sin()]);
        let x = array![[2.0, -3.0], [0.5, 1.0]];
        let mapped = m.apply(x.view());
        assert_eq!(mapped.row(0).to_vec(), out.to_vec());
        assert_eq!(mapped[[1, 4]], 0.5);
    }

    #[test]
    fn default_is_the_raw_coordinates_and_order_is_kept() {
        let m = FeatureMap::new(None, &xy()).unwrap();
        assert_eq!(m.names(), ["x1", "x2"]);
        let x = array![[1.5, -2.0]];
        assert_eq!(m.apply(x.view()), x);
        let m = FeatureMap::new(Some(&strings(&["x1*x2", "x1"])), &xy()).unwrap();
        let mut out = [0.0; 2];
        m.apply_row(&[3.0, 4.0], &mut out);
        assert_eq!(out, [12.0, 3.0]);
        // The article's example has inputs x1, x2 too.
        assert!(FeatureMap::new(Some(&strings(&["x1^2"])), &article::article_linear()).is_ok());
    }

    #[test]
    fn bad_requests_name_the_field() {
        let e = FeatureMap::new(Some(&[]), &xy()).unwrap_err().to_string();
        assert!(
            e.starts_with("data.features must have 1 to 7 entries, got 0"),
            "{e}"
        );
        // Names are checked when the config is read, with the item's index.
        let e = Feature::parse("data.features[1]", "x3")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("data.features[1] must be one of") && e.contains("'x3'"),
            "{e}"
        );
        let e = FeatureMap::new(Some(&strings(&["x2", "x2"])), &xy())
            .unwrap_err()
            .to_string();
        assert!(e.contains("listed twice"), "{e}");
    }

    #[test]
    fn other_sets_are_the_identity_and_refuse_features() {
        let sine = regression::sine(3, 0.0, &mut seeded(1));
        let m = FeatureMap::new(None, &sine).unwrap();
        assert_eq!((m.width(), m.names()), (1, vec!["x".to_string()]));
        assert_eq!(m.apply(sine.x.view()), sine.x);
        let mut out = [0.0; 1];
        m.apply_row(&[0.25], &mut out);
        assert_eq!(out, [0.25]);
        let e = FeatureMap::new(Some(&strings(&["x1"])), &sine)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("data.features does not apply to inputs 'x' (only to 'x1, x2')"),
            "{e}"
        );
        let digits = crate::data::digits::digits().unwrap();
        let e = FeatureMap::new(Some(&strings(&["x1"])), &digits)
            .unwrap_err()
            .to_string();
        assert!(e.contains("(64 in all)"), "{e}");
        assert_eq!(FeatureMap::new(None, &digits).unwrap().width(), 64);
    }
}
