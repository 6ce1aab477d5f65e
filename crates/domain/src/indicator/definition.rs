//! What an indicator counts, in what unit, against which target. A definition is data (a
//! counting source and its filters), so a project manager writes one without code and a
//! call's template is copied into every programme that adopts it.

use crate::activity::{ActivityKind, WorkshopPhase};
use crate::ids::*;
use crate::initiative::Stage;
use crate::money::{parse_count, parse_hours, parse_huf, parse_percent};
use crate::organisation::string_enum;
use crate::participation::AgeBand;
use crate::time::Date;
use serde::{Deserialize, Serialize};

string_enum!(
    /// The unit a value is shown in. Stored amounts are integers in the unit's
    /// [`Unit::scale`]: hours as minutes, percents as hundredths.
    Unit {
        People = "people",
        Count = "count",
        Percent = "percent",
        Hours = "hours",
        Huf = "huf",
    }
);

impl Unit {
    /// Stored amounts per shown unit.
    pub fn scale(self) -> i64 {
        match self {
            Unit::Hours => 60,
            Unit::Percent => 100,
            _ => 1,
        }
    }

    /// Read an amount as a clerk types it in this unit (`1,5` hours, `85,5 %`,
    /// `150 000 Ft`), in stored units.
    pub fn read_amount(self, value: &str) -> Result<i64, &'static str> {
        match self {
            Unit::People | Unit::Count => parse_count(value),
            Unit::Hours => parse_hours(value),
            Unit::Percent => parse_percent(value),
            Unit::Huf => parse_huf(value),
        }
    }

    /// Counts of people are the figures that could single someone out in public.
    pub fn counts_people(self) -> bool {
        self == Unit::People
    }
}

string_enum!(
    /// Where an indicator's value comes from.
    SourceKind {
        Activities = "activities",
        Participants = "participants",
        Settlements = "settlements",
        Organisations = "organisations",
        TrainingCompleters = "training_completers",
        Certificates = "certificates",
        VolunteerHours = "volunteer_hours",
        InitiativesAtStage = "initiatives_at_stage",
        InitiativesSupported = "initiatives_supported",
        OrganisationsFounded = "organisations_founded",
        SurveysAnswered = "surveys_answered",
        Ratio = "ratio",
        Manual = "manual",
    }
);

string_enum!(
    /// What one counted member of an indicator is. Distinct counts are distinct per kind:
    /// the same person counts once however many programmes of a county reached them.
    ItemKind {
        Activity = "activity",
        Person = "person",
        Place = "place",
        Organisation = "organisation",
        Certificate = "certificate",
        Shift = "shift",
        ManualValue = "manual_value",
        Initiative = "initiative",
        Response = "response",
    }
);

string_enum!(
    /// A settlement is reached where an activity was held, or where a participant lives.
    SettlementsBy {
        Held = "held",
        Residence = "residence",
    }
);

impl SourceKind {
    /// The unit a source's value has; only a manual value is in a unit of one's choosing.
    pub fn unit(self) -> Option<Unit> {
        match self {
            SourceKind::Participants | SourceKind::TrainingCompleters => Some(Unit::People),
            SourceKind::Activities
            | SourceKind::Settlements
            | SourceKind::Organisations
            | SourceKind::Certificates
            | SourceKind::InitiativesAtStage
            | SourceKind::InitiativesSupported
            | SourceKind::OrganisationsFounded => Some(Unit::Count),
            SourceKind::SurveysAnswered => Some(Unit::Count),
            SourceKind::VolunteerHours => Some(Unit::Hours),
            SourceKind::Ratio => Some(Unit::Percent),
            SourceKind::Manual => None,
        }
    }

    /// What its members are; a ratio has none (it divides two other indicators).
    pub fn item(self) -> Option<ItemKind> {
        match self {
            SourceKind::Activities => Some(ItemKind::Activity),
            SourceKind::Participants | SourceKind::TrainingCompleters => Some(ItemKind::Person),
            SourceKind::Settlements => Some(ItemKind::Place),
            SourceKind::Organisations => Some(ItemKind::Organisation),
            SourceKind::Certificates => Some(ItemKind::Certificate),
            SourceKind::VolunteerHours => Some(ItemKind::Shift),
            SourceKind::SurveysAnswered => Some(ItemKind::Response),
            SourceKind::Manual => Some(ItemKind::ManualValue),
            // Initiatives count one each (an organisation founded is counted by the
            // initiative that founded it: a club has no registry row of its own).
            SourceKind::InitiativesAtStage
            | SourceKind::InitiativesSupported
            | SourceKind::OrganisationsFounded => Some(ItemKind::Initiative),
            SourceKind::Ratio => None,
        }
    }

    /// Sources whose members follow from who attended: a check-in can change them.
    pub fn follows_attendance(self) -> bool {
        matches!(
            self,
            SourceKind::Participants
                | SourceKind::TrainingCompleters
                | SourceKind::Organisations
                | SourceKind::Settlements
        )
    }
}

/// Which activities count (empty lists: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    pub kinds: Vec<ActivityKind>,
    pub phases: Vec<WorkshopPhase>,
    pub series: Option<SeriesId>,
    /// Only these activities (one training's completers, say); empty: any.
    pub activities: Vec<ActivityId>,
}

impl ActivityFilter {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.phases.is_empty()
            && self.series.is_none()
            && self.activities.is_empty()
    }
}

/// Which participants count. `disadvantaged` reads sensitive data, so such an indicator
/// is shown as an aggregate only: its drill-down lists nobody by name to anyone who may
/// not see sensitive data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    pub age_bands: Vec<AgeBand>,
    /// Residents of this place (a settlement, or any place of the tree).
    pub residence: Option<PlaceId>,
    /// Residents of one of the programme's action areas.
    pub action_area_resident: bool,
    pub disadvantaged: bool,
    /// Attended at least this many times (attendance rows: sessions of a training each).
    pub min_times: u32,
    /// And at least this many minutes.
    pub min_minutes: i64,
}

impl PeopleFilter {
    pub fn is_sensitive(&self) -> bool {
        self.disadvantaged
    }
}

/// A counting source with its filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Activities(ActivityFilter),
    Participants(ActivityFilter, PeopleFilter),
    Settlements(ActivityFilter, SettlementsBy),
    Organisations(ActivityFilter),
    TrainingCompleters(ActivityFilter),
    Certificates(ActivityFilter),
    VolunteerHours(ActivityFilter),
    /// Initiatives at this stage or past it (one set aside is past none).
    InitiativesAtStage(Stage),
    /// Initiatives that were given support (mentoring, in kind, money) at least once.
    InitiativesSupported,
    /// Initiatives whose outcome is a founded NGO, or (`ngo_only` false) also a club.
    OrganisationsFounded {
        ngo_only: bool,
    },
    /// Answer sheets of all the programme's questionnaires, each from the day of its
    /// interview (or the day it was sent).
    SurveysAnswered,
    /// numerator / denominator × 100 %, by the codes of two indicators of the programme.
    Ratio {
        numerator: String,
        denominator: String,
    },
    Manual(Unit),
}

impl Source {
    pub fn kind(&self) -> SourceKind {
        match self {
            Source::Activities(_) => SourceKind::Activities,
            Source::Participants(..) => SourceKind::Participants,
            Source::Settlements(..) => SourceKind::Settlements,
            Source::Organisations(_) => SourceKind::Organisations,
            Source::TrainingCompleters(_) => SourceKind::TrainingCompleters,
            Source::Certificates(_) => SourceKind::Certificates,
            Source::VolunteerHours(_) => SourceKind::VolunteerHours,
            Source::InitiativesAtStage(_) => SourceKind::InitiativesAtStage,
            Source::InitiativesSupported => SourceKind::InitiativesSupported,
            Source::OrganisationsFounded { .. } => SourceKind::OrganisationsFounded,
            Source::SurveysAnswered => SourceKind::SurveysAnswered,
            Source::Ratio { .. } => SourceKind::Ratio,
            Source::Manual(_) => SourceKind::Manual,
        }
    }

    pub fn unit(&self) -> Unit {
        match self {
            Source::Manual(u) => *u,
            other => other
                .kind()
                .unit()
                .expect("every computed source has a unit"),
        }
    }

    pub fn activity_filter(&self) -> Option<&ActivityFilter> {
        match self {
            Source::Activities(f)
            | Source::Participants(f, _)
            | Source::Settlements(f, _)
            | Source::Organisations(f)
            | Source::TrainingCompleters(f)
            | Source::Certificates(f)
            | Source::VolunteerHours(f) => Some(f),
            Source::Ratio { .. }
            | Source::Manual(_)
            | Source::InitiativesAtStage(_)
            | Source::InitiativesSupported
            | Source::OrganisationsFounded { .. }
            | Source::SurveysAnswered => None,
        }
    }

    pub fn people_filter(&self) -> Option<&PeopleFilter> {
        match self {
            Source::Participants(_, p) => Some(p),
            _ => None,
        }
    }

    /// Does reading it touch sensitive data (so its members are shown to few)?
    pub fn is_sensitive(&self) -> bool {
        self.people_filter().is_some_and(PeopleFilter::is_sensitive)
    }

    /// The stored form: a small JSON object, e.g.
    /// `{"source":"participants","kinds":["workshop"],"min_times":3}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Stored::from(self)).expect("a definition serialises")
    }

    pub fn from_json(text: &str) -> Option<Source> {
        serde_json::from_str::<Stored>(text).ok()?.to_source()
    }
}

/// The JSON shape of a [`Source`]: flat, with strings, so it reads well in an export
/// and survives a new filter being added (missing fields take their defaults).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Stored {
    source: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    kinds: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    phases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    activities: Vec<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    age_bands: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    residence: Option<i64>,
    #[serde(skip_serializing_if = "is_false")]
    action_area_resident: bool,
    #[serde(skip_serializing_if = "is_false")]
    disadvantaged: bool,
    #[serde(skip_serializing_if = "is_zero_u32")]
    min_times: u32,
    #[serde(skip_serializing_if = "is_zero_i64")]
    min_minutes: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    numerator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    denominator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    ngo_only: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}
fn is_zero_u32(n: &u32) -> bool {
    *n == 0
}
fn is_zero_i64(n: &i64) -> bool {
    *n == 0
}

impl From<&Source> for Stored {
    fn from(s: &Source) -> Self {
        let mut out = Stored {
            source: s.kind().as_str().to_string(),
            ..Stored::default()
        };
        if let Some(f) = s.activity_filter() {
            out.kinds = f.kinds.iter().map(|k| k.as_str().to_string()).collect();
            out.phases = f.phases.iter().map(|p| p.as_str().to_string()).collect();
            out.series = f.series.map(|s| s.0);
            out.activities = f.activities.iter().map(|a| a.0).collect();
        }
        if let Some(p) = s.people_filter() {
            out.age_bands = p.age_bands.iter().map(|b| b.as_str().to_string()).collect();
            out.residence = p.residence.map(|p| p.0);
            out.action_area_resident = p.action_area_resident;
            out.disadvantaged = p.disadvantaged;
            out.min_times = p.min_times;
            out.min_minutes = p.min_minutes;
        }
        match s {
            Source::Settlements(_, by) => out.by = Some(by.as_str().to_string()),
            Source::Ratio {
                numerator,
                denominator,
            } => {
                out.numerator = Some(numerator.clone());
                out.denominator = Some(denominator.clone());
            }
            Source::Manual(unit) => out.unit = Some(unit.as_str().to_string()),
            Source::InitiativesAtStage(stage) => out.stage = Some(stage.as_str().to_string()),
            Source::OrganisationsFounded { ngo_only } => out.ngo_only = *ngo_only,
            _ => {}
        }
        out
    }
}

impl Stored {
    fn to_source(&self) -> Option<Source> {
        fn all<T>(v: &[String], parse: fn(&str) -> Option<T>) -> Option<Vec<T>> {
            v.iter().map(|s| parse(s)).collect()
        }
        let filter = ActivityFilter {
            kinds: all(&self.kinds, ActivityKind::parse)?,
            phases: all(&self.phases, WorkshopPhase::parse)?,
            series: self.series.map(SeriesId),
            activities: self.activities.iter().copied().map(ActivityId).collect(),
        };
        Some(match SourceKind::parse(&self.source)? {
            SourceKind::Activities => Source::Activities(filter),
            SourceKind::Participants => Source::Participants(
                filter,
                PeopleFilter {
                    age_bands: all(&self.age_bands, AgeBand::parse)?,
                    residence: self.residence.map(PlaceId),
                    action_area_resident: self.action_area_resident,
                    disadvantaged: self.disadvantaged,
                    min_times: self.min_times,
                    min_minutes: self.min_minutes,
                },
            ),
            SourceKind::Settlements => Source::Settlements(
                filter,
                SettlementsBy::parse(self.by.as_deref().unwrap_or("held"))?,
            ),
            SourceKind::Organisations => Source::Organisations(filter),
            SourceKind::TrainingCompleters => Source::TrainingCompleters(filter),
            SourceKind::Certificates => Source::Certificates(filter),
            SourceKind::VolunteerHours => Source::VolunteerHours(filter),
            SourceKind::SurveysAnswered => Source::SurveysAnswered,
            SourceKind::Ratio => Source::Ratio {
                numerator: self.numerator.clone()?,
                denominator: self.denominator.clone()?,
            },
            SourceKind::Manual => Source::Manual(Unit::parse(self.unit.as_deref()?)?),
            SourceKind::InitiativesAtStage => {
                Source::InitiativesAtStage(Stage::parse(self.stage.as_deref()?)?)
            }
            SourceKind::InitiativesSupported => Source::InitiativesSupported,
            SourceKind::OrganisationsFounded => Source::OrganisationsFounded {
                ngo_only: self.ngo_only,
            },
        })
    }
}

/// A point on the way to the target: by `due`, at least `value` (stored units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub due: Date,
    pub value: i64,
}

/// An indicator a programme committed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub id: IndicatorId,
    pub programme_id: ProgrammeId,
    /// The call's template it was adopted from; indicators of one template are summed
    /// over the places tree (see `rollup_key`).
    pub template_id: Option<TemplateId>,
    /// What it is summed with across programmes: the template's key, or its own.
    pub rollup_key: String,
    /// Storage's id of the roll-up key.
    pub key_id: i64,
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub description: String,
    pub source: Source,
    pub baseline: i64,
    pub target: i64,
    pub deadline: Option<Date>,
    pub milestones: Vec<Milestone>,
    pub version: i64,
}

impl Indicator {
    pub fn unit(&self) -> Unit {
        self.source.unit()
    }
    pub fn name(&self, english: bool) -> &str {
        if english && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name_hu
        }
    }
}

/// The roll-up key of an indicator that belongs to no template: its programme's own.
pub fn own_rollup_key(programme: ProgrammeId, code: &str) -> String {
    format!("programme-{}/{}", programme.0, code)
}

/// A call's indicator template (TOP-5.3.1-16, EFOP-1.3.1-15 …) that programmes adopt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub id: TemplateId,
    pub key_id: i64,
    /// The call it belongs to, e.g. `TOP-5.3.1-16`; programmes whose project ID starts
    /// with it are offered it.
    pub call_code: String,
    pub key: String,
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub description: String,
    pub source: Source,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_reads_back_from_its_json() {
        let sources = [
            Source::Activities(ActivityFilter {
                kinds: vec![ActivityKind::Workshop],
                phases: vec![WorkshopPhase::Opening, WorkshopPhase::Closing],
                series: Some(SeriesId(4)),
                activities: vec![ActivityId(7)],
            }),
            Source::Participants(
                ActivityFilter::default(),
                PeopleFilter {
                    age_bands: vec![AgeBand::Teen],
                    residence: Some(PlaceId(9)),
                    action_area_resident: true,
                    disadvantaged: true,
                    min_times: 3,
                    min_minutes: 90,
                },
            ),
            Source::Settlements(ActivityFilter::default(), SettlementsBy::Residence),
            Source::Ratio {
                numerator: "A".into(),
                denominator: "B".into(),
            },
            Source::Manual(Unit::Huf),
            Source::VolunteerHours(ActivityFilter::default()),
            Source::InitiativesAtStage(Stage::Selected),
            Source::InitiativesSupported,
            Source::OrganisationsFounded { ngo_only: true },
            Source::OrganisationsFounded { ngo_only: false },
        ];
        for s in sources {
            let json = s.to_json();
            assert_eq!(Source::from_json(&json), Some(s), "{json}");
        }
        assert_eq!(
            Source::Activities(ActivityFilter::default()).to_json(),
            r#"{"source":"activities"}"#
        );
        // Unknown sources or kinds are refused, not read as "everything".
        assert_eq!(Source::from_json(r#"{"source":"wishes"}"#), None);
        assert_eq!(
            Source::from_json(r#"{"source":"activities","kinds":["party"]}"#),
            None
        );
    }
}
