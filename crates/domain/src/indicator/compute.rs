//! From records to the members an indicator counts. Storage loads the *facts* of one
//! programme (or only those that can touch one item, after a check-in) and this decides,
//! without I/O, who or what counts, from which day, and where.
//!
//! A member counts from its *day*: a person from the day they first met the filters (the
//! third attendance, say), an activity from the day it is held. Counting members by day
//! makes every period's value a sum of days: the months of a quarter add up to it, and
//! a value "to date" leaves out what is planned but not yet held.
//!
//! Where: each member is counted at the places it happened (a participant at every
//! settlement where they attended what counts, from the later of their qualifying day
//! and their first attendance there), so rolling up the places tree counts a person once
//! per place however many activities or programmes reached them there.

use super::definition::{ActivityFilter, PeopleFilter, SettlementsBy, Source};
use crate::activity::{ActivityKind, WorkshopPhase};
use crate::ids::*;
use crate::participation::AgeBand;
use crate::time::Date;
use std::collections::{BTreeMap, HashMap};

/// An activity, as indicators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFact {
    pub id: ActivityId,
    pub kind: ActivityKind,
    pub phase: Option<WorkshopPhase>,
    pub series: Option<SeriesId>,
    /// The Budapest day it starts.
    pub day: Date,
    /// Where it was held (any level of the tree); `None`: the programme's place.
    pub place: Option<PlaceId>,
    /// The settlement it was held in, when its place is a settlement or below one.
    pub settlement: Option<PlaceId>,
    pub organiser: Option<OrganisationId>,
    pub partners: Vec<OrganisationId>,
}

impl ActivityFilter {
    pub fn admits(&self, a: &ActivityFact) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&a.kind))
            && (self.phases.is_empty() || a.phase.is_some_and(|p| self.phases.contains(&p)))
            && self.series.is_none_or(|s| a.series == Some(s))
            && (self.activities.is_empty() || self.activities.contains(&a.id))
    }
}

/// One attendance row: a person at an activity (a session of a training).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceFact {
    pub activity: ActivityId,
    pub person: PersonId,
    /// The Budapest day of the session (a training's sessions run on several days).
    pub day: Date,
    /// How long the session (or the activity) was.
    pub minutes: i64,
}

/// A person, as the people filter sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFact {
    pub birth_year: Option<i32>,
    pub age_band: Option<AgeBand>,
    /// Where they live: the place and its ancestors.
    pub residence: Vec<PlaceId>,
    /// The settlement they live in, when known to that level.
    pub settlement: Option<PlaceId>,
    pub organisation: Option<OrganisationId>,
    pub in_action_area: bool,
    /// Only true with a legal basis for holding it.
    pub disadvantaged: bool,
}

impl PeopleFilter {
    /// Does this person count, at an activity held in `year`?
    pub fn admits(&self, p: &PersonFact, year: i32) -> bool {
        let band = p.birth_year.map(|b| AgeBand::of(b, year)).or(p.age_band);
        (self.age_bands.is_empty() || band.is_some_and(|b| self.age_bands.contains(&b)))
            && self.residence.is_none_or(|r| p.residence.contains(&r))
            && (!self.action_area_resident || p.in_action_area)
            && (!self.disadvantaged || p.disadvantaged)
    }
}

/// A person who completed a training, on the day the completion rule was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionFact {
    pub activity: ActivityId,
    pub person: PersonId,
    pub day: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateFact {
    pub id: CertificateId,
    pub activity: ActivityId,
    pub day: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftFact {
    pub id: ShiftId,
    pub activity: ActivityId,
    pub minutes: i64,
}

/// A partner organisation of the programme, reached from `day` (its agreement, or the
/// programme's start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFact {
    pub organisation: OrganisationId,
    pub day: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualFact {
    pub id: ManualValueId,
    pub day: Date,
    pub amount: i64,
}

/// Everything one programme's indicators count from (or the part of it that can touch
/// one item: storage decides which rows to load).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub programme_place: Option<PlaceId>,
    /// The beneficiary, which is not an organisation "reached".
    pub beneficiary: Option<OrganisationId>,
    pub activities: HashMap<ActivityId, ActivityFact>,
    pub attendance: Vec<AttendanceFact>,
    pub people: HashMap<PersonId, PersonFact>,
    pub organisation_places: HashMap<OrganisationId, PlaceId>,
    pub completions: Vec<CompletionFact>,
    pub certificates: Vec<CertificateFact>,
    pub shifts: Vec<ShiftFact>,
    pub partners: Vec<PartnerFact>,
    pub manual: Vec<ManualFact>,
    pub initiatives: Vec<super::initiatives::InitiativeFact>,
    /// Answer sheets of the programme's questionnaires: (id, day).
    pub responses: Vec<(ResponseId, Date)>,
}

/// One counted member: `item` (an id of the source's item kind) counts `amount` from
/// `day` at `place` (`None`: nowhere in the tree, counted for the programme only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Member {
    pub item: i64,
    pub place: Option<PlaceId>,
    pub day: Date,
    pub amount: i64,
    /// The activity that made it count, for the drill-down.
    pub via: Option<ActivityId>,
}

/// (item, place) → (day, amount, via).
type MemberMap = BTreeMap<(i64, Option<PlaceId>), (Date, i64, Option<ActivityId>)>;

/// Collects members, keeping the earliest day per (item, place); on the same day the
/// lowest `via` (none first), as the roll-up does, so the members do not depend on the
/// order the facts were read in (activities come from a hash map).
#[derive(Default)]
struct Members(MemberMap);

impl Members {
    fn add(
        &mut self,
        item: i64,
        place: Option<PlaceId>,
        day: Date,
        amount: i64,
        via: Option<ActivityId>,
    ) {
        self.0
            .entry((item, place))
            .and_modify(|e| {
                if (day, via) < (e.0, e.2) {
                    *e = (day, amount, via);
                }
            })
            .or_insert((day, amount, via));
    }
    fn into_vec(self) -> Vec<Member> {
        self.0
            .into_iter()
            .map(|((item, place), (day, amount, via))| Member {
                item,
                place,
                day,
                amount,
                via,
            })
            .collect()
    }
}

/// The members of an indicator with this source, from these facts. A ratio has none.
pub fn members(source: &Source, facts: &Facts) -> Vec<Member> {
    let mut out = Members::default();
    let place_of = |a: &ActivityFact| a.place.or(facts.programme_place);
    let admitted =
        |f: &ActivityFilter, id: ActivityId| facts.activities.get(&id).filter(|a| f.admits(a));
    match source {
        Source::Activities(f) => {
            for a in facts.activities.values().filter(|a| f.admits(a)) {
                out.add(a.id.0, place_of(a), a.day, 1, Some(a.id));
            }
        }
        Source::Participants(f, people) => participants(f, people, facts, &mut out),
        Source::Settlements(f, SettlementsBy::Held) => {
            for a in facts.activities.values().filter(|a| f.admits(a)) {
                if let Some(s) = a.settlement {
                    out.add(s.0, Some(s), a.day, 1, Some(a.id));
                }
            }
        }
        Source::Settlements(f, SettlementsBy::Residence) => {
            for row in &facts.attendance {
                let (Some(a), Some(p)) = (admitted(f, row.activity), facts.people.get(&row.person))
                else {
                    continue;
                };
                if let Some(s) = p.settlement {
                    out.add(s.0, Some(s), row.day, 1, Some(a.id));
                }
            }
        }
        Source::Organisations(f) => {
            let mut reach = |org: OrganisationId, day: Date, fallback: Option<PlaceId>, via| {
                if Some(org) != facts.beneficiary {
                    let place = facts.organisation_places.get(&org).copied().or(fallback);
                    out.add(org.0, place, day, 1, via);
                }
            };
            for p in &facts.partners {
                reach(p.organisation, p.day, facts.programme_place, None);
            }
            for a in facts.activities.values().filter(|a| f.admits(a)) {
                for org in a.organiser.iter().chain(&a.partners) {
                    reach(*org, a.day, place_of(a), Some(a.id));
                }
            }
            for row in &facts.attendance {
                let Some(a) = admitted(f, row.activity) else {
                    continue;
                };
                if let Some(org) = facts.people.get(&row.person).and_then(|p| p.organisation) {
                    reach(org, row.day, place_of(a), Some(a.id));
                }
            }
        }
        Source::TrainingCompleters(f) => {
            for c in &facts.completions {
                if let Some(a) = admitted(f, c.activity) {
                    out.add(c.person.0, place_of(a), c.day, 1, Some(a.id));
                }
            }
        }
        Source::Certificates(f) => {
            for c in &facts.certificates {
                if let Some(a) = admitted(f, c.activity) {
                    out.add(c.id.0, place_of(a), c.day, 1, Some(a.id));
                }
            }
        }
        Source::VolunteerHours(f) => {
            for s in &facts.shifts {
                if let Some(a) = admitted(f, s.activity) {
                    out.add(s.id.0, place_of(a), a.day, s.minutes, Some(a.id));
                }
            }
        }
        Source::Manual(_) => {
            for m in &facts.manual {
                out.add(m.id.0, facts.programme_place, m.day, m.amount, None);
            }
        }
        Source::InitiativesAtStage(_)
        | Source::InitiativesSupported
        | Source::OrganisationsFounded { .. } => {
            for (item, day) in super::initiatives::counted(source, &facts.initiatives) {
                out.add(item, facts.programme_place, day, 1, None);
            }
        }
        Source::SurveysAnswered => {
            for (id, day) in &facts.responses {
                out.add(id.0, facts.programme_place, *day, 1, None);
            }
        }
        Source::Ratio { .. } => {}
    }
    out.into_vec()
}

/// Distinct participants: a person counts from the day their admitted attendance first
/// reaches both thresholds, at each place they attended, from the later of that day and
/// their first admitted attendance there.
fn participants(f: &ActivityFilter, people: &PeopleFilter, facts: &Facts, out: &mut Members) {
    let mut by_person: HashMap<PersonId, Vec<(&AttendanceFact, &ActivityFact)>> = HashMap::new();
    for row in &facts.attendance {
        let Some(a) = facts.activities.get(&row.activity).filter(|a| f.admits(a)) else {
            continue;
        };
        let Some(p) = facts.people.get(&row.person) else {
            continue;
        };
        if people.admits(p, row.day.year()) {
            by_person.entry(row.person).or_default().push((row, a));
        }
    }
    let min_times = people.min_times.max(1) as usize;
    for (person, mut rows) in by_person {
        rows.sort_by_key(|(r, a)| (r.day, a.id));
        let mut minutes = 0;
        let mut qualified = None;
        for (i, (r, a)) in rows.iter().enumerate() {
            minutes += r.minutes;
            if i + 1 >= min_times && minutes >= people.min_minutes {
                qualified = Some((r.day, a.id));
                break;
            }
        }
        let Some((day, via)) = qualified else {
            continue;
        };
        for (r, a) in &rows {
            let place = a.place.or(facts.programme_place);
            let (d, v) = if r.day > day {
                (r.day, a.id)
            } else {
                (day, via)
            };
            out.add(person.0, place, d, 1, Some(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::definition::PeopleFilter;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2022, m, day).unwrap()
    }

    fn activity(id: i64, kind: ActivityKind, day: Date, place: i64) -> ActivityFact {
        ActivityFact {
            id: ActivityId(id),
            kind,
            phase: None,
            series: None,
            day,
            place: Some(PlaceId(place)),
            settlement: Some(PlaceId(place)),
            organiser: None,
            partners: vec![],
        }
    }

    fn facts() -> Facts {
        let mut f = Facts {
            programme_place: Some(PlaceId(100)),
            ..Facts::default()
        };
        for a in [
            activity(1, ActivityKind::Workshop, d(1, 10), 10),
            activity(2, ActivityKind::Workshop, d(2, 10), 10),
            activity(3, ActivityKind::Training, d(3, 10), 11),
            activity(4, ActivityKind::Workshop, d(12, 10), 11),
        ] {
            f.activities.insert(a.id, a);
        }
        for (activity, person, day) in [
            (1, 7, d(1, 10)),
            (2, 7, d(2, 10)),
            (3, 7, d(3, 10)),
            (1, 8, d(1, 10)),
        ] {
            f.attendance.push(AttendanceFact {
                activity: ActivityId(activity),
                person: PersonId(person),
                day,
                minutes: 120,
            });
        }
        f.people.insert(
            PersonId(7),
            PersonFact {
                birth_year: Some(2006),
                ..PersonFact::default()
            },
        );
        f.people.insert(
            PersonId(8),
            PersonFact {
                age_band: Some(AgeBand::Senior),
                ..PersonFact::default()
            },
        );
        f
    }

    #[test]
    fn activities_count_on_their_day_at_their_place() {
        let only_workshops = Source::Activities(ActivityFilter {
            kinds: vec![ActivityKind::Workshop],
            ..ActivityFilter::default()
        });
        let m = members(&only_workshops, &facts());
        assert_eq!(m.iter().map(|m| m.item).collect::<Vec<_>>(), vec![1, 2, 4]);
        assert_eq!(m[2].day, d(12, 10));
        assert_eq!(m[2].place, Some(PlaceId(11)));
    }

    #[test]
    fn a_person_counts_from_the_day_they_meet_the_threshold_at_each_place_once() {
        let twice = Source::Participants(
            ActivityFilter::default(),
            PeopleFilter {
                min_times: 2,
                ..PeopleFilter::default()
            },
        );
        let m = members(&twice, &facts());
        // Person 8 came once; person 7 counts from the second workshop, at place 10 from
        // then and at place 11 from the training.
        assert_eq!(
            m,
            vec![
                Member {
                    item: 7,
                    place: Some(PlaceId(10)),
                    day: d(2, 10),
                    amount: 1,
                    via: Some(ActivityId(2))
                },
                Member {
                    item: 7,
                    place: Some(PlaceId(11)),
                    day: d(3, 10),
                    amount: 1,
                    via: Some(ActivityId(3))
                },
            ]
        );
        let hours = Source::Participants(
            ActivityFilter::default(),
            PeopleFilter {
                min_minutes: 300,
                ..PeopleFilter::default()
            },
        );
        assert_eq!(members(&hours, &facts())[0].day, d(3, 10));
    }

    #[test]
    fn age_bands_are_taken_in_the_year_of_the_activity() {
        let teens = Source::Participants(
            ActivityFilter::default(),
            PeopleFilter {
                age_bands: vec![AgeBand::Teen],
                ..PeopleFilter::default()
            },
        );
        let m = members(&teens, &facts());
        assert!(m.iter().all(|m| m.item == 7), "born 2006: 16 in 2022");
        let seniors = Source::Participants(
            ActivityFilter::default(),
            PeopleFilter {
                age_bands: vec![AgeBand::Senior],
                ..PeopleFilter::default()
            },
        );
        assert_eq!(members(&seniors, &facts()).len(), 1);
    }

    #[test]
    fn organisations_reached_leave_out_the_beneficiary_and_count_each_once() {
        let mut f = facts();
        f.beneficiary = Some(OrganisationId(1));
        f.activities.get_mut(&ActivityId(1)).unwrap().organiser = Some(OrganisationId(1));
        f.activities.get_mut(&ActivityId(2)).unwrap().partners = vec![OrganisationId(2)];
        f.partners.push(PartnerFact {
            organisation: OrganisationId(2),
            day: d(1, 1),
        });
        f.people.get_mut(&PersonId(8)).unwrap().organisation = Some(OrganisationId(3));
        f.organisation_places.insert(OrganisationId(2), PlaceId(10));
        let m = members(&Source::Organisations(ActivityFilter::default()), &f);
        let items: Vec<_> = m.iter().map(|m| (m.item, m.day)).collect();
        assert_eq!(items, vec![(2, d(1, 1)), (3, d(1, 10))]);
    }

    #[test]
    fn volunteer_hours_sum_minutes_and_settlements_count_once() {
        let mut f = facts();
        f.shifts.push(ShiftFact {
            id: ShiftId(1),
            activity: ActivityId(1),
            minutes: 90,
        });
        f.shifts.push(ShiftFact {
            id: ShiftId(2),
            activity: ActivityId(3),
            minutes: 30,
        });
        let m = members(&Source::VolunteerHours(ActivityFilter::default()), &f);
        assert_eq!(m.iter().map(|m| m.amount).sum::<i64>(), 120);
        let held = members(
            &Source::Settlements(ActivityFilter::default(), SettlementsBy::Held),
            &f,
        );
        assert_eq!(
            held.iter().map(|m| (m.item, m.day)).collect::<Vec<_>>(),
            vec![(10, d(1, 10)), (11, d(3, 10))]
        );
    }

    #[test]
    fn on_the_same_day_the_lower_activity_is_the_reason_whatever_the_order_read() {
        // Two activities in one settlement on one day: the settlement counts via the
        // lower id, however the hash map hands them out (each map iterates in its own
        // order, so many maps try many orders).
        for n in 0..32 {
            let order = if n % 2 == 0 { [5, 9] } else { [9, 5] };
            let mut f = Facts::default();
            for id in order {
                let a = activity(id, ActivityKind::Workshop, d(4, 1), 10);
                f.activities.insert(a.id, a);
            }
            let held = members(
                &Source::Settlements(ActivityFilter::default(), SettlementsBy::Held),
                &f,
            );
            assert_eq!(held.len(), 1);
            assert_eq!(held[0].via, Some(ActivityId(5)));
        }
    }
}
