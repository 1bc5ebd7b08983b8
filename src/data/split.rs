//! Train / validation / test split of row indices.

use crate::config::SplitConfig;
use crate::rng::{shuffle, Rng};

/// (train, val, test) row counts of `n` rows split by the fractions `cfg`,
/// as [`split_indices`] cuts them (no fixed split).
pub fn split_sizes(n: usize, cfg: &SplitConfig) -> (usize, usize, usize) {
    let count = |f: f64| -> usize {
        if !(f.is_finite() && f > 0.0) {
            return 0;
        }
        // Rounded, but a fraction above 0 means "hold some rows out".
        ((f * n as f64).round() as usize).max(1).min(n)
    };
    let (mut v, mut t) = (count(cfg.val), count(cfg.test));
    while v + t > 0 && v + t >= n {
        if v >= t {
            v -= 1;
        } else {
            t -= 1;
        }
    }
    (n - v - t, v, t)
}

/// Split rows 0..n into (train, val, test) index lists.
///
/// `fixed` (a data set's own split, e.g. the article's): the first `train`
/// rows, then `val`, then `test`, in order; counts beyond n are cut to n.
/// Otherwise the rows are shuffled with `rng` and cut by the fractions:
/// val = round(n · val), test = round(n · test), train = the rest. A
/// fraction above 0 gets at least one row, and train always keeps at least
/// one (the model must learn from something), so for tiny n the held-out
/// sets give way first, the larger one first.
pub fn split_indices(
    n: usize,
    fixed: Option<(usize, usize, usize)>,
    cfg: &SplitConfig,
    rng: &mut Rng,
) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    if let Some((a, b, c)) = fixed {
        let a = a.min(n);
        let b = b.min(n - a);
        let c = c.min(n - a - b);
        return (
            (0..a).collect(),
            (a..a + b).collect(),
            (a + b..a + b + c).collect(),
        );
    }
    let mut idx: Vec<usize> = (0..n).collect();
    shuffle(rng, &mut idx);
    let (_, v, t) = split_sizes(n, cfg);
    let test = idx.split_off(n - t);
    let val = idx.split_off(n - t - v);
    (idx, val, test)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;
    use std::collections::HashSet;

    fn cfg(train: f64, val: f64, test: f64) -> SplitConfig {
        SplitConfig { train, val, test }
    }

    fn check_partition(n: usize, (a, b, c): &(Vec<usize>, Vec<usize>, Vec<usize>)) {
        let all: HashSet<usize> = a.iter().chain(b).chain(c).copied().collect();
        assert_eq!(all.len(), a.len() + b.len() + c.len(), "overlap");
        assert_eq!(all, (0..n).collect::<HashSet<_>>(), "not every row once");
    }

    #[test]
    fn default_fractions_sizes_and_disjoint() {
        let s = split_indices(500, None, &SplitConfig::default(), &mut seeded(1));
        assert_eq!((s.0.len(), s.1.len(), s.2.len()), (350, 75, 75));
        check_partition(500, &s);
        // Shuffled, and the same seed gives the same split.
        assert_ne!(s.0[..10], (0..10).collect::<Vec<_>>()[..]);
        assert_eq!(
            s,
            split_indices(500, None, &SplitConfig::default(), &mut seeded(1))
        );
        assert_ne!(
            s,
            split_indices(500, None, &SplitConfig::default(), &mut seeded(2))
        );
    }

    #[test]
    fn fixed_split_is_in_order() {
        let s = split_indices(6, Some((4, 0, 2)), &SplitConfig::default(), &mut seeded(1));
        assert_eq!(s, (vec![0, 1, 2, 3], vec![], vec![4, 5]));
        // Counts beyond n are cut rather than indexing past the end.
        let s = split_indices(3, Some((2, 2, 2)), &SplitConfig::default(), &mut seeded(1));
        assert_eq!(s, (vec![0, 1], vec![2], vec![]));
    }

    #[test]
    fn small_n_keeps_a_training_row_and_a_row_per_held_out_set() {
        for n in 0..30 {
            let s = split_indices(n, None, &cfg(0.7, 0.15, 0.15), &mut seeded(n as u64));
            check_partition(n, &s);
            if n >= 1 {
                assert!(!s.0.is_empty(), "n={n}");
            }
            if n >= 3 {
                assert!(!s.1.is_empty() && !s.2.is_empty(), "n={n}");
            }
        }
        let s = split_indices(2, None, &cfg(0.5, 0.25, 0.25), &mut seeded(1));
        assert_eq!((s.0.len(), s.1.len() + s.2.len()), (1, 1));
        // A zero fraction gets no rows.
        let s = split_indices(100, None, &cfg(0.8, 0.0, 0.2), &mut seeded(1));
        assert_eq!((s.0.len(), s.1.len(), s.2.len()), (80, 0, 20));
        let s = split_indices(10, None, &cfg(1.0, 0.0, 0.0), &mut seeded(1));
        assert_eq!((s.0.len(), s.1.len(), s.2.len()), (10, 0, 0));
    }
}
