//! Activities: everything a programme does (workshops, trainings, conversations, forums,
//! festivals …), each at a time and place, public or internal, with optional registration.
//! Every number a funder is later shown is counted from these records.

pub mod recurrence;
mod series;

pub use series::*;

use crate::ids::*;
use crate::money::parse_count;
use crate::organisation::string_enum;
use crate::time::Instant;
use crate::validation::{
    long_text, optional_datetime, optional_text, required_datetime, required_text, FieldErrors,
};
use serde::{Deserialize, Serialize};

string_enum!(
    /// The kinds of activity the seed programmes ran.
    ActivityKind {
        Workshop = "workshop",
        Training = "training",
        SmallConference = "small_conference",
        Conference = "conference",
        CommunityConversation = "community_conversation",
        CommunityInterview = "community_interview",
        ParticipatoryForum = "participatory_forum",
        Consultation = "consultation",
        StudyTrip = "study_trip",
        ExperienceExchange = "experience_exchange",
        CommunityAction = "community_action",
        ClubMeeting = "club_meeting",
        CulturalEvent = "cultural_event",
        FilmScreening = "film_screening",
    }
);

string_enum!(
    /// The five phases of a partnership workshop programme (Abaúj: 4 + 4 + 4 + 4 + 2).
    WorkshopPhase {
        Opening = "opening",
        Exploring = "exploring",
        Analysing = "analysing",
        Elaborating = "elaborating",
        Closing = "closing",
    }
);

string_enum!(
    /// How a participatory forum is held.
    ForumFormat {
        DialogueCircle = "dialogue_circle",
        RoundTable = "round_table",
    }
);

/// Longest activity accepted: a study trip of a few days, a festival week. Anything
/// longer is a typo in a year or month.
pub const MAX_DAYS: i64 = 31;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: ActivityId,
    pub programme_id: ProgrammeId,
    pub series_id: Option<SeriesId>,
    pub kind: ActivityKind,
    pub phase: Option<WorkshopPhase>,
    pub forum_format: Option<ForumFormat>,
    pub title: String,
    pub description: String,
    pub starts_at: Instant,
    pub ends_at: Instant,
    /// The settlement (or part) it is held in.
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub address: String,
    /// The organisation that runs it (by default the programme's beneficiary).
    pub organiser_id: Option<OrganisationId>,
    pub organiser_name: Option<String>,
    /// Partner organisations taking part, with their names.
    pub partners: Vec<(OrganisationId, String)>,
    pub target_groups: Vec<(TargetGroupId, String)>,
    /// Shown in the public calendar and feeds; internal ones only in the back office.
    pub public: bool,
    pub capacity: Option<i64>,
    pub registration_opens: Option<Instant>,
    pub registration_closes: Option<Instant>,
    /// Stable iCalendar UID: never changes, whatever is edited.
    pub uid: String,
    /// When it was last changed (iCalendar LAST-MODIFIED and DTSTAMP).
    pub updated_at: Instant,
    /// Grows by one with every saved edit; iCalendar's SEQUENCE.
    pub version: i64,
}

/// The activity form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    pub title: String,
    pub kind: String,
    pub phase: String,
    pub forum_format: String,
    pub description: String,
    /// Budapest wall-clock time (`2026-11-28T18:00`, or as a clerk types it).
    pub starts_at: String,
    pub ends_at: String,
    /// Settlement name, resolved to a place by the use case.
    pub settlement: String,
    pub address: String,
    pub organiser_id: String,
    pub partner_ids: Vec<String>,
    pub target_group_ids: Vec<String>,
    /// "1" when public (a checkbox).
    pub public: String,
    pub capacity: String,
    pub registration_opens: String,
    pub registration_closes: String,
}

/// A validated activity form; the settlement is still a name until the use case finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityInput {
    pub title: String,
    pub kind: ActivityKind,
    pub phase: Option<WorkshopPhase>,
    pub forum_format: Option<ForumFormat>,
    pub description: String,
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub settlement: Option<String>,
    pub address: String,
    pub organiser_id: Option<OrganisationId>,
    /// Sorted, each once, so the same choice in another order is no change.
    pub partner_ids: Vec<OrganisationId>,
    pub target_group_ids: Vec<TargetGroupId>,
    pub public: bool,
    pub capacity: Option<i64>,
    pub registration_opens: Option<Instant>,
    pub registration_closes: Option<Instant>,
}

fn ids<T: From<i64> + Ord>(e: &mut FieldErrors, field: &'static str, values: &[String]) -> Vec<T> {
    let mut out = Vec::new();
    for v in values.iter().filter(|v| !v.trim().is_empty()) {
        match v.trim().parse::<i64>() {
            Ok(n) if n > 0 => out.push(T::from(n)),
            _ => {
                e.add(field, "err-choice");
                return Vec::new();
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn choice<T>(
    e: &mut FieldErrors,
    field: &'static str,
    v: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let found = parse(v);
    if found.is_none() {
        e.add(field, "err-choice");
    }
    found
}

impl ActivityForm {
    pub fn validate(&self) -> Result<ActivityInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 200);
        let kind = if self.kind.trim().is_empty() {
            e.add("kind", "err-required");
            None
        } else {
            choice(&mut e, "kind", &self.kind, ActivityKind::parse)
        };
        // A phase belongs to workshops and a format to forums; left over from a changed
        // kind, they are dropped rather than refused (nothing the person meant is lost).
        let phase = choice(&mut e, "phase", &self.phase, WorkshopPhase::parse)
            .filter(|_| kind == Some(ActivityKind::Workshop));
        let forum_format = choice(
            &mut e,
            "forum_format",
            &self.forum_format,
            ForumFormat::parse,
        )
        .filter(|_| kind == Some(ActivityKind::ParticipatoryForum));
        let description = long_text(&mut e, "description", &self.description, 10_000);
        let starts_at = required_datetime(&mut e, "starts_at", &self.starts_at);
        let ends_at = required_datetime(&mut e, "ends_at", &self.ends_at);
        if let (Some(s), Some(end)) = (starts_at, ends_at) {
            if end <= s {
                e.add("ends_at", "err-end-before-start");
            } else if end.minutes_since(s) > MAX_DAYS * 24 * 60 {
                e.add("ends_at", "err-activity-too-long");
            }
        }
        let settlement = optional_text(&mut e, "settlement", &self.settlement, 200);
        let address = optional_text(&mut e, "address", &self.address, 300).unwrap_or_default();
        let organiser_id = choice(&mut e, "organiser_id", &self.organiser_id, |v| {
            v.parse::<i64>().ok().filter(|n| *n > 0).map(OrganisationId)
        });
        let partner_ids = ids(&mut e, "partner_ids", &self.partner_ids);
        let target_group_ids = ids(&mut e, "target_group_ids", &self.target_group_ids);
        let public = matches!(self.public.trim(), "1" | "on" | "true");
        let capacity = match self.capacity.trim() {
            "" => None,
            v => match parse_count(v) {
                Ok(0) => {
                    e.add("capacity", "err-capacity-zero");
                    None
                }
                Ok(n) => Some(n),
                Err(key) => {
                    e.add("capacity", key);
                    None
                }
            },
        };
        let registration_opens =
            optional_datetime(&mut e, "registration_opens", &self.registration_opens);
        let registration_closes =
            optional_datetime(&mut e, "registration_closes", &self.registration_closes);
        if let (Some(o), Some(c)) = (registration_opens, registration_closes) {
            if c <= o {
                e.add("registration_closes", "err-window-order");
            }
        }
        if let (Some(c), Some(end)) = (registration_closes, ends_at) {
            if c > end {
                e.add("registration_closes", "err-window-after-end");
            }
        }
        match (kind, starts_at, ends_at) {
            (Some(kind), Some(starts_at), Some(ends_at)) if e.is_empty() => Ok(ActivityInput {
                title,
                kind,
                phase,
                forum_format,
                description,
                starts_at,
                ends_at,
                settlement,
                address,
                organiser_id,
                partner_ids,
                target_group_ids,
                public,
                capacity,
                registration_opens,
                registration_closes,
            }),
            _ => Err(e),
        }
    }

    pub fn from_activity(a: &Activity) -> Self {
        let t = |i: Option<Instant>| i.map(Instant::local_input).unwrap_or_default();
        ActivityForm {
            title: a.title.clone(),
            kind: a.kind.as_str().into(),
            phase: a.phase.map(|p| p.as_str().to_string()).unwrap_or_default(),
            forum_format: a
                .forum_format
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            description: a.description.clone(),
            starts_at: a.starts_at.local_input(),
            ends_at: a.ends_at.local_input(),
            settlement: a.place_name.clone().unwrap_or_default(),
            address: a.address.clone(),
            organiser_id: a.organiser_id.map(|o| o.to_string()).unwrap_or_default(),
            partner_ids: a.partners.iter().map(|(id, _)| id.to_string()).collect(),
            target_group_ids: a
                .target_groups
                .iter()
                .map(|(id, _)| id.to_string())
                .collect(),
            public: if a.public { "1".into() } else { String::new() },
            capacity: a.capacity.map(|c| c.to_string()).unwrap_or_default(),
            registration_opens: t(a.registration_opens),
            registration_closes: t(a.registration_closes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ActivityForm {
        ActivityForm {
            title: "Közösségi beszélgetés a piactérről".into(),
            kind: "community_conversation".into(),
            starts_at: "2026-03-29T01:30".into(),
            ends_at: "2026. 03. 29. 04:00".into(),
            settlement: "Kisbér".into(),
            public: "1".into(),
            capacity: "40".into(),
            partner_ids: vec!["3".into(), "2".into(), "3".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_night_across_the_spring_change_lasts_an_hour_less() {
        let a = form().validate().unwrap();
        // 01:30 CET to 04:00 CEST is 1½ hours, not 2½.
        assert_eq!(a.ends_at.minutes_since(a.starts_at), 90);
        assert_eq!(a.starts_at.stored(), "2026-03-29T00:30:00Z");
        assert_eq!(a.partner_ids, vec![OrganisationId(2), OrganisationId(3)]);
        assert!(a.public);
    }

    #[test]
    fn refuses_what_a_clerk_would_not_mean() {
        type Case = (&'static str, fn(&mut ActivityForm), &'static str);
        let cases: &[Case] = &[
            (
                "ends_at",
                |f| f.ends_at = "2026-03-29T01:00".into(),
                "err-end-before-start",
            ),
            (
                "ends_at",
                |f| f.ends_at = "2027-03-29T01:00".into(),
                "err-activity-too-long",
            ),
            (
                "starts_at",
                |f| f.starts_at = "2026-03-29T02:30".into(),
                "err-time-gap",
            ),
            (
                "starts_at",
                |f| f.starts_at = "2026-03-29".into(),
                "err-time",
            ),
            (
                "starts_at",
                |f| f.starts_at = "holnap".into(),
                "err-datetime",
            ),
            (
                "starts_at",
                |f| f.starts_at = "2026-03-29T25:00".into(),
                "err-time",
            ),
            (
                "capacity",
                |f| f.capacity = "1.5".into(),
                "err-count-fraction",
            ),
            ("capacity", |f| f.capacity = "0".into(), "err-capacity-zero"),
            ("kind", |f| f.kind = "party".into(), "err-choice"),
            ("kind", |f| f.kind = String::new(), "err-required"),
            (
                "partner_ids",
                |f| f.partner_ids = vec!["x".into()],
                "err-choice",
            ),
            ("title", |f| f.title = "a\u{202e}b".into(), "err-text-bidi"),
            (
                "registration_closes",
                |f| {
                    f.registration_opens = "2026-03-20 10:00".into();
                    f.registration_closes = "2026-03-19 10:00".into();
                },
                "err-window-order",
            ),
            (
                "registration_closes",
                |f| f.registration_closes = "2026-03-30 10:00".into(),
                "err-window-after-end",
            ),
        ];
        for (field, change, key) in cases {
            let mut f = form();
            change(&mut f);
            let errors = f.validate().unwrap_err();
            assert_eq!(errors.for_field(field), Some(*key), "{field}: {f:?}");
        }
    }

    #[test]
    fn phase_and_format_only_stay_with_their_kind() {
        let mut f = form();
        f.phase = "exploring".into();
        f.forum_format = "round_table".into();
        let a = f.clone().validate().unwrap();
        assert_eq!((a.phase, a.forum_format), (None, None));
        f.kind = "workshop".into();
        assert_eq!(
            f.clone().validate().unwrap().phase,
            Some(WorkshopPhase::Exploring)
        );
        f.kind = "participatory_forum".into();
        assert_eq!(
            f.validate().unwrap().forum_format,
            Some(ForumFormat::RoundTable)
        );
    }

    #[test]
    fn form_round_trips() {
        let input = form().validate().unwrap();
        let a = Activity {
            id: ActivityId(1),
            programme_id: ProgrammeId(1),
            series_id: None,
            kind: input.kind,
            phase: None,
            forum_format: None,
            title: input.title.clone(),
            description: String::new(),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            place_id: Some(PlaceId(9)),
            place_name: Some("Kisbér".into()),
            address: String::new(),
            organiser_id: None,
            organiser_name: None,
            partners: vec![
                (OrganisationId(2), "A".into()),
                (OrganisationId(3), "B".into()),
            ],
            target_groups: vec![],
            public: true,
            capacity: Some(40),
            registration_opens: None,
            registration_closes: None,
            uid: "x".into(),
            updated_at: input.starts_at,
            version: 1,
        };
        assert_eq!(ActivityForm::from_activity(&a).validate(), Ok(input));
    }
}
