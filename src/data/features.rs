//! Playground's feature inputs: for the 2-D sets the model may see products,
//! squares and sines of x1, x2 instead of (or beside) the raw coordinates,
//! showing that a linear model on the right features draws a curved boundary.

use super::Dataset;
use crate::error::{Error, Result};
use ndarray::{Array2, ArrayView2};

/// Every feature a 2-D set can offer, in the order the page lists them.
pub const FEATURES: &[&str] = &["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"];

/// What the model's inputs are made of.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureMap {
    /// Indices into FEATURES (2-D sets), or `None`: the raw columns as they are.
    chosen: Option<Vec<usize>>,
    names: Vec<String>,
}

/// Feature `f` (an index into FEATURES) of the point (a, b).
fn feature(f: usize, a: f32, b: f32) -> f32 {
    match f {
        0 => a,
        1 => b,
        2 => a * a,
        3 => b * b,
        4 => a * b,
        5 => a.sin(),
        _ => b.sin(),
    }
}

impl FeatureMap {
    /// `requested` is `data.features`. Data sets whose inputs are exactly
    /// `x1, x2` take any non-empty subset of FEATURES without repeats, in the
    /// given order (default: `x1, x2`); any other data set is used as it is,
    /// and asking for features there is an error.
    pub fn new(requested: Option<&[String]>, ds: &Dataset) -> Result<FeatureMap> {
        let is_plane =
            ds.input_names.len() == 2 && ds.input_names[0] == "x1" && ds.input_names[1] == "x2";
        if !is_plane {
            if requested.is_some() {
                return Err(Error(format!(
                    "data.features is only for the 2-D data sets (inputs x1, x2); this data set's \
                     inputs are {}; remove data.features",
                    describe_inputs(&ds.input_names)
                )));
            }
            return Ok(FeatureMap {
                chosen: None,
                names: ds.input_names.clone(),
            });
        }
        let default = [FEATURES[0].to_string(), FEATURES[1].to_string()];
        let requested = requested.unwrap_or(&default);
        if requested.is_empty() {
            return Err(Error::new(
                "data.features must name at least one feature: the model needs an input",
            ));
        }
        let mut chosen = Vec::with_capacity(requested.len());
        for (i, name) in requested.iter().enumerate() {
            let Some(f) = FEATURES.iter().position(|f| f == name) else {
                return Err(Error(format!(
                    "data.features[{i}] must be one of {}, got '{name}'",
                    FEATURES
                        .iter()
                        .map(|f| format!("'{f}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            };
            if chosen.contains(&f) {
                return Err(Error(format!(
                    "data.features[{i}]: '{name}' is listed twice; list each feature once"
                )));
            }
            chosen.push(f);
        }
        let names = chosen.iter().map(|&f| FEATURES[f].to_string()).collect();
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
                for (o, &f) in out.iter_mut().zip(chosen) {
                    *o = feature(f, a, b);
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
            for (v, &f) in o.iter_mut().zip(self.chosen.iter().flatten()) {
                *v = feature(f, a, b);
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
    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_feature_on_one_row() {
        let all = strings(FEATURES);
        let m = FeatureMap::new(Some(&all), &xy()).unwrap();
        assert_eq!(m.width(), 7);
        assert_eq!(m.names(), all);
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
        let e = FeatureMap::new(Some(&[]), &xy()).unwrap_err().0;
        assert!(e.starts_with("data.features must name at least one"), "{e}");
        let e = FeatureMap::new(Some(&strings(&["x1", "x3"])), &xy())
            .unwrap_err()
            .0;
        assert!(
            e.starts_with("data.features[1] must be one of") && e.contains("'x3'"),
            "{e}"
        );
        let e = FeatureMap::new(Some(&strings(&["x2", "x2"])), &xy())
            .unwrap_err()
            .0;
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
            .0;
        assert!(
            e.starts_with("data.features is only for the 2-D data sets"),
            "{e}"
        );
        let digits = crate::data::digits::digits().unwrap();
        let e = FeatureMap::new(Some(&strings(&["x1"])), &digits)
            .unwrap_err()
            .0;
        assert!(e.contains("(64 in all)"), "{e}");
        assert_eq!(FeatureMap::new(None, &digits).unwrap().width(), 64);
    }
}
