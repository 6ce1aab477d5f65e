//! Rolling members up the tree. A member counted at a place counts at every ancestor of
//! it too (settlement → district → county → country) and for its programme; an item
//! counts once per scope, from its earliest day there, whichever programmes and places
//! brought it. So distinct counts stay distinct however far up they are summed, and a
//! scope's value for a period is the number of its reach rows with a day in it.

use super::compute::Member;
use crate::ids::*;
use crate::time::Date;
use std::collections::BTreeMap;

/// The scope of a programme's own figure (places are scopes by their own id).
pub fn programme_scope(p: ProgrammeId) -> i64 {
    -p.0
}

/// The programme a scope is, if it is one.
pub fn scope_programme(scope: i64) -> Option<ProgrammeId> {
    (scope < 0).then_some(ProgrammeId(-scope))
}

/// The levels a place counts at: its lineage down to the settlement (a settlement part
/// counts at its settlement).
pub fn rollup_places(lineage: &[PlaceId]) -> &[PlaceId] {
    &lineage[..lineage.len().min(4)]
}

/// One item in one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reach {
    pub scope: i64,
    pub item: i64,
    pub day: Date,
    pub amount: i64,
    pub via: Option<ActivityId>,
}

/// The reach of these members (of one roll-up key, each with its programme).
/// `lineage(place)` gives the place and its ancestors, country first.
pub fn reach<'a>(
    members: impl IntoIterator<Item = (ProgrammeId, &'a Member)>,
    lineage: impl Fn(PlaceId) -> Vec<PlaceId>,
) -> Vec<Reach> {
    let mut out: BTreeMap<(i64, i64), Reach> = BTreeMap::new();
    let mut add = |scope: i64, m: &Member| {
        let r = Reach {
            scope,
            item: m.item,
            day: m.day,
            amount: m.amount,
            via: m.via,
        };
        out.entry((scope, m.item))
            .and_modify(|e| {
                if (r.day, r.via) < (e.day, e.via) {
                    *e = r;
                }
            })
            .or_insert(r);
    };
    for (programme, m) in members {
        add(programme_scope(programme), m);
        if let Some(place) = m.place {
            for p in rollup_places(&lineage(place)) {
                add(p.0, m);
            }
        }
    }
    out.into_values().collect()
}

/// Reach summed per scope and day: (items, amount).
pub fn daily(reach: &[Reach]) -> BTreeMap<(i64, Date), (i64, i64)> {
    let mut out = BTreeMap::new();
    for r in reach {
        let e = out.entry((r.scope, r.day)).or_insert((0, 0));
        e.0 += 1;
        e.1 += r.amount;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{HashMap, HashSet};

    // A small tree: country 1; counties 2, 3; districts 4 (in 2), 5 (in 3); settlements
    // 6, 7 (in 4) and 8 (in 5).
    fn lineage(p: PlaceId) -> Vec<PlaceId> {
        let chain: &[i64] = match p.0 {
            1 => &[1],
            2 => &[1, 2],
            3 => &[1, 3],
            4 => &[1, 2, 4],
            5 => &[1, 3, 5],
            6 => &[1, 2, 4, 6],
            7 => &[1, 2, 4, 7],
            8 => &[1, 3, 5, 8],
            _ => &[],
        };
        chain.iter().copied().map(PlaceId).collect()
    }

    fn children(p: i64) -> &'static [i64] {
        match p {
            1 => &[2, 3],
            2 => &[4],
            3 => &[5],
            4 => &[6, 7],
            5 => &[8],
            _ => &[],
        }
    }

    fn day(n: u32) -> Date {
        Date::from_ymd(2022, 1, 1).unwrap().add_days(n as i64)
    }

    #[test]
    fn a_person_reached_by_two_programmes_in_one_county_counts_once_there() {
        let m1 = Member {
            item: 7,
            place: Some(PlaceId(6)),
            day: day(5),
            amount: 1,
            via: None,
        };
        let m2 = Member {
            item: 7,
            place: Some(PlaceId(7)),
            day: day(2),
            amount: 1,
            via: None,
        };
        let r = reach([(ProgrammeId(1), &m1), (ProgrammeId(2), &m2)], lineage);
        let at = |scope: i64| r.iter().filter(|r| r.scope == scope).collect::<Vec<_>>();
        assert_eq!(at(2).len(), 1, "the county counts them once");
        assert_eq!(at(2)[0].day, day(2), "from the earlier day");
        assert_eq!(at(6).len(), 1);
        assert_eq!(at(7).len(), 1);
        assert_eq!(at(-1).len(), 1);
        assert_eq!(at(-2).len(), 1);
        assert!(at(3).is_empty());
    }

    #[test]
    fn a_member_held_for_a_whole_district_counts_there_and_above_only() {
        let m = Member {
            item: 1,
            place: Some(PlaceId(4)),
            day: day(1),
            amount: 1,
            via: None,
        };
        let r = reach([(ProgrammeId(1), &m)], lineage);
        let scopes: Vec<i64> = r.iter().map(|r| r.scope).collect();
        assert_eq!(scopes, vec![-1, 1, 2, 4]);
    }

    /// Members at settlements (the tree's leaves, where things happen).
    fn members() -> impl Strategy<Value = Vec<(i64, Member)>> {
        proptest::collection::vec((1i64..4, 1i64..30, 6i64..=8, 0u32..60, 1i64..5), 0..60).prop_map(
            |rows| {
                let mut seen = HashSet::new();
                rows.into_iter()
                    // one member per (programme, item, place), as an indicator keeps them
                    .filter(|(p, item, place, _, _)| seen.insert((*p, *item, *place)))
                    .map(|(p, item, place, d, amount)| {
                        (
                            p,
                            Member {
                                item,
                                place: Some(PlaceId(place)),
                                day: day(d),
                                amount,
                                via: None,
                            },
                        )
                    })
                    .collect()
            },
        )
    }

    proptest! {
        /// Distinct counts never exceed the sum of the children's, and a parent counts
        /// every item any child counts; with each item at one place only, they add up.
        #[test]
        fn rolled_up_counts_are_bounded_by_their_children(ms in members(), cut in 0u32..60) {
            let r = reach(ms.iter().map(|(p, m)| (ProgrammeId(*p), m)), lineage);
            let until = day(cut);
            let count = |scope: i64| r.iter().filter(|r| r.scope == scope && r.day <= until).count();
            let items = |scope: i64| r.iter().filter(|r| r.scope == scope && r.day <= until).map(|r| r.item).collect::<HashSet<_>>();
            for parent in 1..=5 {
                let kids = children(parent);
                let sum: usize = kids.iter().map(|&k| count(k)).sum();
                prop_assert!(count(parent) <= sum, "{parent}: {} > {sum}", count(parent));
                let union: HashSet<i64> = kids.iter().flat_map(|&k| items(k)).collect();
                prop_assert_eq!(items(parent), union);
            }
            // The country counts each item once, whatever reached it.
            let distinct: HashSet<i64> = ms.iter().filter(|(_, m)| m.day <= until).map(|(_, m)| m.item).collect();
            prop_assert_eq!(count(1), distinct.len());
        }

        /// Additive members (each item at one place, in one programme: activities,
        /// volunteer shifts) sum exactly over the children, and the days add up to the
        /// whole: every period's value is the sum of its days.
        #[test]
        fn additive_members_sum_over_children_and_days(ms in members()) {
            let mut by_item: HashMap<i64, (i64, Member)> = HashMap::new();
            for (p, m) in ms { by_item.entry(m.item).or_insert((p, m)); }
            let ms: Vec<_> = by_item.into_values().collect();
            let r = reach(ms.iter().map(|(p, m)| (ProgrammeId(*p), m)), lineage);
            let amount = |scope: i64| r.iter().filter(|r| r.scope == scope).map(|r| r.amount).sum::<i64>();
            for parent in 1..=5 {
                prop_assert_eq!(amount(parent), children(parent).iter().map(|&k| amount(k)).sum::<i64>());
            }
            let programmes: i64 = (1..4).map(|p| amount(-p)).sum();
            prop_assert_eq!(amount(1), programmes);
            let days = daily(&r);
            let country: i64 = days.iter().filter(|((s, _), _)| *s == 1).map(|(_, (_, a))| a).sum();
            prop_assert_eq!(country, amount(1));
        }
    }
}
