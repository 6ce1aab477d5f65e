//! Small numbers of people are not published: a public figure of 1–4 people could point
//! at someone. Hiding them is not enough when a hidden figure is the difference of two
//! shown ones (a county of 15 with districts of 12 and 3: show 15 and 12 and the 3 is
//! known), so figures are hidden in groups: wherever published figures add up (a place
//! and its children in one period; a place's whole period and its years), a group never
//! has exactly one hidden figure, and the second one hidden holds people.
//!
//! This is the classic cell-suppression rule (primary cells under the threshold,
//! secondary cells to protect them), applied until nothing changes. Distinct counts of
//! people do not add up exactly over places (one person, two settlements), so treating
//! them as if they did only hides more, never less.

/// Figures of people under this are hidden.
pub const THRESHOLD: i64 = 5;

/// Cells that add up: `whole` = sum of `parts` (indices into the values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub whole: usize,
    pub parts: Vec<usize>,
}

/// Which figures to hide (`true`), given the figures and how they add up.
pub fn suppress(values: &[i64], groups: &[Group]) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|&v| v > 0 && v < THRESHOLD).collect();
    loop {
        let mut changed = false;
        for g in groups {
            let cells = || std::iter::once(g.whole).chain(g.parts.iter().copied());
            let hidden_with_people = cells().filter(|&c| hidden[c] && values[c] > 0).count();
            if hidden_with_people != 1 {
                continue;
            }
            // Hide the smallest shown part that holds people; if none is left, the whole.
            let part = g
                .parts
                .iter()
                .copied()
                .filter(|&c| !hidden[c] && values[c] > 0)
                .min_by_key(|&c| (values[c], c));
            let second = part.or((!hidden[g.whole] && values[g.whole] > 0).then_some(g.whole));
            if let Some(c) = second {
                hidden[c] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// A place and its children over a whole period and its years, laid out for
/// [`suppress`]: rows are places (row 0 the parent), columns are periods (column 0 the
/// whole period). `values[row][col]`.
pub fn suppress_table(values: &[Vec<i64>]) -> Vec<Vec<bool>> {
    let rows = values.len();
    let cols = values.first().map_or(0, Vec::len);
    let flat: Vec<i64> = values.iter().flatten().copied().collect();
    let at = |r: usize, c: usize| r * cols + c;
    let mut groups = Vec::new();
    if rows > 1 {
        for c in 0..cols {
            groups.push(Group {
                whole: at(0, c),
                parts: (1..rows).map(|r| at(r, c)).collect(),
            });
        }
    }
    if cols > 1 {
        for r in 0..rows {
            groups.push(Group {
                whole: at(r, 0),
                parts: (1..cols).map(|c| at(r, c)).collect(),
            });
        }
    }
    let hidden = suppress(&flat, &groups);
    hidden.chunks(cols.max(1)).map(<[bool]>::to_vec).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_county_of_fifteen_with_districts_of_twelve_and_three() {
        // Only the 3 is small; showing 15 and 12 would tell it, so the 12 goes too.
        let hidden = suppress_table(&[vec![15], vec![12], vec![3]]);
        assert_eq!(hidden, vec![vec![false], vec![true], vec![true]]);
    }

    #[test]
    fn a_year_of_two_inside_a_whole_of_twelve() {
        // Whole 12 = 10 (2022) + 2 (2023): the 10 is hidden with the 2.
        let hidden = suppress_table(&[vec![12, 10, 2]]);
        assert_eq!(hidden, vec![vec![false, true, true]]);
    }

    #[test]
    fn the_second_hidden_figure_holds_people_so_a_zero_does_not_protect() {
        // 20 = 17 + 3 + 0: hiding the 0 would still give 20 − 17 = 3.
        let hidden = suppress_table(&[vec![20], vec![17], vec![3], vec![0]]);
        assert_eq!(
            hidden,
            vec![vec![false], vec![true], vec![true], vec![false]]
        );
    }

    #[test]
    fn hiding_spreads_across_places_and_years_until_each_group_is_safe() {
        //            whole 2022 2023
        let table = vec![
            vec![40, 20, 20], // county
            vec![22, 19, 3],  // district A: 3 in 2023
            vec![18, 1, 17],  // district B: 1 in 2022
        ];
        let hidden = suppress_table(&table);
        assert_safe(&table, &hidden);
        assert!(hidden[1][2] && hidden[2][1]);
    }

    fn assert_safe(table: &[Vec<i64>], hidden: &[Vec<bool>]) {
        let rows = table.len();
        let cols = table[0].len();
        let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
        if rows > 1 {
            for c in 0..cols {
                groups.push((0..rows).map(|r| (r, c)).collect());
            }
        }
        if cols > 1 {
            for r in 0..rows {
                groups.push((0..cols).map(|c| (r, c)).collect());
            }
        }
        for (r, row) in table.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if *v > 0 && *v < THRESHOLD {
                    assert!(hidden[r][c], "small figure {v} at {r},{c} shown");
                }
            }
        }
        // In every group that adds up, the hidden figures with people are none or at
        // least two: no hidden figure is the difference of the shown ones.
        for g in groups {
            let with_people = g
                .iter()
                .filter(|&&(r, c)| hidden[r][c] && table[r][c] > 0)
                .count();
            assert!(with_people != 1, "{g:?} in {table:?} hidden {hidden:?}");
        }
    }

    /// A parent place and its children, over a whole period and its years, with
    /// consistent sums (parts add up to the whole both ways).
    fn tables() -> impl Strategy<Value = Vec<Vec<i64>>> {
        (1usize..6, 1usize..5).prop_flat_map(|(children, years)| {
            proptest::collection::vec(proptest::collection::vec(0i64..30, years), children)
                .prop_map(|kids| {
                    let years = kids[0].len();
                    let mut table = Vec::new();
                    let parent: Vec<i64> = (0..years)
                        .map(|y| kids.iter().map(|k| k[y]).sum())
                        .collect();
                    for row in std::iter::once(&parent).chain(kids.iter()) {
                        let mut r = vec![row.iter().sum()];
                        r.extend(row);
                        table.push(r);
                    }
                    table
                })
        })
    }

    proptest! {
        #[test]
        fn no_hidden_figure_is_the_difference_of_two_shown_ones(table in tables()) {
            let hidden = suppress_table(&table);
            assert_safe(&table, &hidden);
            // And nothing of five or more is hidden without a reason: every hidden
            // figure is small, or shares a group with another hidden one.
            for (r, row) in table.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if hidden[r][c] {
                        prop_assert!(*v > 0);
                    }
                }
            }
        }
    }
}
