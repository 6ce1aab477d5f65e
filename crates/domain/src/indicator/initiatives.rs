//! What the initiative sources count: initiatives at or past a stage, initiatives given
//! support, organisations founded. Each initiative counts once, for the programme at its
//! place, from the day that made it count.

use super::definition::Source;
use crate::ids::*;
use crate::initiative::{Outcome, Stage};
use crate::time::Date;

/// An initiative of the programme, as the initiative sources see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeFact {
    pub id: InitiativeId,
    pub stage: Stage,
    /// The Budapest day it was proposed.
    pub proposed: Date,
    /// Its stage moves in order: (day, to).
    pub moves: Vec<(Date, Stage)>,
    /// The first day support was given to it.
    pub first_assistance: Option<Date>,
    pub outcome: Outcome,
    /// The day its outcome was recorded.
    pub outcome_on: Option<Date>,
}

impl InitiativeFact {
    /// The day it last reached `stage` or a later one, when it is there now.
    pub fn reached(&self, stage: Stage) -> Option<Date> {
        if !self.stage.at_or_past(stage) {
            return None;
        }
        let mut since = Stage::Proposed.at_or_past(stage).then_some(self.proposed);
        for (day, to) in &self.moves {
            if to.at_or_past(stage) {
                since = since.or(Some(*day));
            } else {
                since = None;
            }
        }
        Some(since.unwrap_or(self.proposed))
    }
}

/// (initiative, day) of the initiatives `source` counts.
pub fn counted(source: &Source, initiatives: &[InitiativeFact]) -> Vec<(i64, Date)> {
    initiatives
        .iter()
        .filter_map(|i| {
            let day = match source {
                Source::InitiativesAtStage(stage) => i.reached(*stage),
                Source::InitiativesSupported => i.first_assistance,
                Source::OrganisationsFounded { ngo_only } => match i.outcome {
                    Outcome::NgoFounded => Some(i.outcome_on.unwrap_or(i.proposed)),
                    Outcome::ClubFounded if !ngo_only => Some(i.outcome_on.unwrap_or(i.proposed)),
                    _ => None,
                },
                _ => None,
            };
            day.map(|d| (i.id.0, d))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2011, m, day).unwrap()
    }

    #[test]
    fn an_initiative_counts_from_the_day_it_last_reached_the_stage() {
        let mut i = InitiativeFact {
            id: InitiativeId(1),
            stage: Stage::Selected,
            proposed: d(1, 10),
            moves: vec![
                (d(2, 1), Stage::Explored),
                (d(3, 1), Stage::Analysed),
                (d(3, 5), Stage::Explored),
                (d(4, 1), Stage::Selected),
            ],
            first_assistance: Some(d(5, 2)),
            outcome: Outcome::ClubFounded,
            outcome_on: Some(d(9, 9)),
        };
        assert_eq!(i.reached(Stage::Proposed), Some(d(1, 10)));
        assert_eq!(i.reached(Stage::Explored), Some(d(2, 1)));
        assert_eq!(
            i.reached(Stage::Analysed),
            Some(d(4, 1)),
            "it fell back on 3-05"
        );
        assert_eq!(i.reached(Stage::Elaborated), None);
        let all = [i.clone()];
        assert_eq!(
            counted(&Source::InitiativesSupported, &all),
            vec![(1, d(5, 2))]
        );
        assert!(counted(&Source::OrganisationsFounded { ngo_only: true }, &all).is_empty());
        assert_eq!(
            counted(&Source::OrganisationsFounded { ngo_only: false }, &all),
            vec![(1, d(9, 9))]
        );
        // Set aside: it counts at no stage.
        i.moves.push((d(6, 1), Stage::SetAside));
        i.stage = Stage::SetAside;
        assert_eq!(i.reached(Stage::Proposed), None);
    }
}
