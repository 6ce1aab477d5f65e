//! The national data set's fixed pseudo-random sequence: ChaCha8 from a seed, one stream
//! per phase, so the same options give the same data on every machine and engine.

use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub(super) struct Dice(ChaCha8Rng);

impl Dice {
    pub(super) fn new(seed: u64, stream: u64) -> Dice {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Dice(rng)
    }
    /// In `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        self.0.gen::<f64>()
    }
    /// In `0..n` (`n` > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0.gen_range(0..n)
    }
    /// In `lo..=hi`.
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        self.0.gen_range(lo..=hi)
    }
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub(super) fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
    /// A position of `0..n` where low positions come up far more often (density falling
    /// as 1/√position): the regulars of a programme, its busiest places.
    pub(super) fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u * n as f64) as usize).min(n - 1)
    }
    /// Shuffle in place.
    pub(super) fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            let j = self.below(i + 1);
            list.swap(i, j);
        }
    }
    /// `n` distinct positions of `0..len` (all of them when `n >= len`), chosen with
    /// [`Dice::skewed`] while that is quick, else evenly.
    pub(super) fn distinct_skewed(&mut self, len: usize, n: usize) -> Vec<usize> {
        if n >= len {
            return (0..len).collect();
        }
        if n * 3 > len {
            let mut all: Vec<usize> = (0..len).collect();
            for i in 0..n {
                let j = i + self.below(len - i);
                all.swap(i, j);
            }
            all.truncate(n);
            return all;
        }
        let mut seen = std::collections::HashSet::with_capacity(n * 2);
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let k = self.skewed(len);
            if seen.insert(k) {
                out.push(k);
            }
        }
        out
    }
}

/// Picks positions by weight.
pub(super) struct Weighted(WeightedIndex<f64>);

impl Weighted {
    /// `None` when no weight is positive.
    pub(super) fn new(weights: impl IntoIterator<Item = f64>) -> Option<Weighted> {
        WeightedIndex::new(weights).ok().map(Weighted)
    }
    pub(super) fn pick(&self, d: &mut Dice) -> usize {
        self.0.sample(&mut d.0)
    }
}

/// `total` shared out in proportion to `weights`, in whole numbers that add up to it
/// (largest remainders first).
pub(super) fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<u64> = exact.iter().map(|e| e.floor() as u64).collect();
    let given: u64 = out.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.partial_cmp(&ra)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(total.saturating_sub(given) as usize) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence_and_another_stream_another() {
        let a: Vec<i64> = (0..5)
            .map({
                let mut d = Dice::new(7, 1);
                move |_| d.range(0, 1000)
            })
            .collect();
        let b: Vec<i64> = (0..5)
            .map({
                let mut d = Dice::new(7, 1);
                move |_| d.range(0, 1000)
            })
            .collect();
        let c: Vec<i64> = (0..5)
            .map({
                let mut d = Dice::new(7, 2);
                move |_| d.range(0, 1000)
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn shares_add_up_and_follow_the_weights() {
        let s = apportion(10, &[1.0, 1.0, 1.0]);
        assert_eq!(s.iter().sum::<u64>(), 10);
        assert!(s.iter().all(|n| (3..=4).contains(n)));
        assert_eq!(apportion(100, &[3.0, 1.0]), vec![75, 25]);
    }

    #[test]
    fn distinct_positions_are_distinct_and_low_ones_come_first_more_often() {
        let mut d = Dice::new(1, 1);
        let picked = d.distinct_skewed(1000, 100);
        let set: std::collections::HashSet<_> = picked.iter().collect();
        assert_eq!(set.len(), 100);
        let low = picked.iter().filter(|&&p| p < 250).count();
        assert!(low > 40, "{low} of 100 in the lowest quarter");
    }
}
