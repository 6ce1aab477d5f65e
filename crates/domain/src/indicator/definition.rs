//! What an indicator counts, in what unit, against which target. A definition is data (a
//! counting source and its filters), so a project manager writes one without code and a
//! call's template is copied into every programme that adopts it.

use crate::activity::{ActivityKind, WorkshopPhase};
use crate::ids::*;
use crate::money::{parse_count, parse_hours, parse_huf, parse_percent};
use crate::organisation::string_enum;
use crate::participation::AgeBand;
use crate::time::Date;
use crate::validation::{long_text, optional_date, optional_id, required_text, FieldErrors};
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
            | SourceKind::Certificates => Some(Unit::Count),
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
            SourceKind::Manual => Some(ItemKind::ManualValue),
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
            Source::Ratio { .. } | Source::Manual(_) => None,
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
            SourceKind::Ratio => Source::Ratio {
                numerator: self.numerator.clone()?,
                denominator: self.denominator.clone()?,
            },
            SourceKind::Manual => Source::Manual(Unit::parse(self.unit.as_deref()?)?),
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

/// The indicator form, as typed. Filters are lists of ticked boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorForm {
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub description: String,
    pub source: String,
    pub unit: String,
    pub kinds: Vec<String>,
    pub phases: Vec<String>,
    pub series_id: String,
    pub activity_ids: Vec<String>,
    pub age_bands: Vec<String>,
    pub residence_id: String,
    pub action_area_resident: String,
    pub disadvantaged: String,
    pub min_times: String,
    pub min_hours: String,
    pub settlements_by: String,
    pub numerator: String,
    pub denominator: String,
    pub baseline: String,
    pub target: String,
    pub deadline: String,
    /// One milestone per line: a date and a value (`2023-06-30 10`, `2023.06.30.: 10`).
    pub milestones: String,
}

/// A validated indicator form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorInput {
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub description: String,
    pub source: Source,
    pub baseline: i64,
    pub target: i64,
    pub deadline: Option<Date>,
    pub milestones: Vec<Milestone>,
}

fn ticked(v: &str) -> bool {
    matches!(v.trim(), "1" | "on" | "true")
}

/// A code: letters, digits and `.-_/`, as funders number their indicators (`PR-1`,
/// `O.2`, `CO01`).
fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 32
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
}

fn choices<T>(
    e: &mut FieldErrors,
    field: &'static str,
    values: &[String],
    parse: fn(&str) -> Option<T>,
) -> Vec<T>
where
    T: PartialEq,
{
    let mut out = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match parse(v) {
            Some(x) if !out.contains(&x) => out.push(x),
            Some(_) => {}
            None => {
                e.add(field, "err-choice");
                return Vec::new();
            }
        }
    }
    out
}

impl IndicatorForm {
    pub fn validate(&self) -> Result<IndicatorInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let code = self.code.trim().to_string();
        if code.is_empty() {
            e.add("code", "err-required");
        } else if !valid_code(&code) {
            e.add("code", "err-indicator-code");
        }
        let name_hu = required_text(&mut e, "name_hu", &self.name_hu, 200);
        let name_en = crate::validation::optional_text(&mut e, "name_en", &self.name_en, 200)
            .unwrap_or_default();
        let description = long_text(&mut e, "description", &self.description, 4_000);
        let source = self.source(&mut e);
        let unit = source.as_ref().map(Source::unit);
        let amount = |e: &mut FieldErrors, field: &'static str, v: &str, required: bool| {
            let v = v.trim();
            if v.is_empty() {
                if required {
                    e.add(field, "err-required");
                }
                return 0;
            }
            match unit.map(|u| u.read_amount(v)) {
                Some(Ok(n)) => n,
                Some(Err(key)) => {
                    e.add(field, key);
                    0
                }
                None => 0,
            }
        };
        let baseline = amount(&mut e, "baseline", &self.baseline, false);
        let target = amount(&mut e, "target", &self.target, true);
        let deadline = optional_date(&mut e, "deadline", &self.deadline);
        let milestones = self.milestones(&mut e, unit, deadline);
        if !e.is_empty() {
            return Err(e);
        }
        e.into_result(IndicatorInput {
            code,
            name_hu,
            name_en,
            description,
            source: source.expect("no errors means a source"),
            baseline,
            target,
            deadline,
            milestones,
        })
    }

    fn source(&self, e: &mut FieldErrors) -> Option<Source> {
        let kind = match self.source.trim() {
            "" => {
                e.add("source", "err-required");
                return None;
            }
            s => match SourceKind::parse(s) {
                Some(k) => k,
                None => {
                    e.add("source", "err-choice");
                    return None;
                }
            },
        };
        let filter = ActivityFilter {
            kinds: choices(e, "kinds", &self.kinds, ActivityKind::parse),
            phases: choices(e, "phases", &self.phases, WorkshopPhase::parse),
            series: optional_id(e, "series_id", &self.series_id).map(SeriesId),
            activities: {
                let mut ids: Vec<ActivityId> = Vec::new();
                for v in self
                    .activity_ids
                    .iter()
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
                {
                    match v.parse::<i64>() {
                        Ok(n) if n > 0 => ids.push(ActivityId(n)),
                        _ => e.add("activity_ids", "err-choice"),
                    }
                }
                ids.sort();
                ids.dedup();
                ids
            },
        };
        Some(match kind {
            SourceKind::Activities => Source::Activities(filter),
            SourceKind::Participants => {
                let min_times = match self.min_times.trim() {
                    "" => 0,
                    v => match parse_count(v) {
                        Ok(n) if n <= 10_000 => n as u32,
                        Ok(_) => {
                            e.add("min_times", "err-count-too-large");
                            0
                        }
                        Err(k) => {
                            e.add("min_times", k);
                            0
                        }
                    },
                };
                let min_minutes = match self.min_hours.trim() {
                    "" => 0,
                    v => parse_hours(v).unwrap_or_else(|k| {
                        e.add("min_hours", k);
                        0
                    }),
                };
                Source::Participants(
                    filter,
                    PeopleFilter {
                        age_bands: choices(e, "age_bands", &self.age_bands, AgeBand::parse),
                        residence: optional_id(e, "residence_id", &self.residence_id).map(PlaceId),
                        action_area_resident: ticked(&self.action_area_resident),
                        disadvantaged: ticked(&self.disadvantaged),
                        min_times,
                        min_minutes,
                    },
                )
            }
            SourceKind::Settlements => {
                let by = match self.settlements_by.trim() {
                    "" => SettlementsBy::Held,
                    v => SettlementsBy::parse(v).unwrap_or_else(|| {
                        e.add("settlements_by", "err-choice");
                        SettlementsBy::Held
                    }),
                };
                Source::Settlements(filter, by)
            }
            SourceKind::Organisations => Source::Organisations(filter),
            SourceKind::TrainingCompleters => Source::TrainingCompleters(filter),
            SourceKind::Certificates => Source::Certificates(filter),
            SourceKind::VolunteerHours => Source::VolunteerHours(filter),
            SourceKind::Ratio => {
                let numerator = self.numerator.trim().to_string();
                let denominator = self.denominator.trim().to_string();
                for (field, v) in [("numerator", &numerator), ("denominator", &denominator)] {
                    if v.is_empty() {
                        e.add(field, "err-required");
                    } else if !valid_code(v) {
                        e.add(field, "err-indicator-code");
                    }
                }
                if !numerator.is_empty() && numerator == denominator {
                    e.add("denominator", "err-ratio-same");
                }
                if !numerator.is_empty() && numerator == self.code.trim() {
                    e.add("numerator", "err-ratio-self");
                }
                if !denominator.is_empty() && denominator == self.code.trim() {
                    e.add("denominator", "err-ratio-self");
                }
                Source::Ratio {
                    numerator,
                    denominator,
                }
            }
            SourceKind::Manual => match Unit::parse(self.unit.trim()) {
                Some(u) => Source::Manual(u),
                None => {
                    e.add(
                        "unit",
                        if self.unit.trim().is_empty() {
                            "err-required"
                        } else {
                            "err-choice"
                        },
                    );
                    return None;
                }
            },
        })
    }

    fn milestones(
        &self,
        e: &mut FieldErrors,
        unit: Option<Unit>,
        deadline: Option<Date>,
    ) -> Vec<Milestone> {
        let mut out: Vec<Milestone> = Vec::new();
        for line in self
            .milestones
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let Some(split) = line.find([' ', '\t', ':', ';']) else {
                e.add("milestones", "err-milestone");
                return Vec::new();
            };
            let (day, value) = line.split_at(split);
            let value = value.trim_start_matches([' ', '\t', ':', ';']).trim();
            let due = crate::validation::read_date(day.trim_end_matches([':', ';']));
            let value = unit.map(|u| u.read_amount(value));
            match (due, value) {
                (Ok(due), Some(Ok(value))) => {
                    if deadline.is_some_and(|d| due > d) {
                        e.add("milestones", "err-milestone-after-deadline");
                        return Vec::new();
                    }
                    if out.iter().any(|m| m.due == due) {
                        e.add("milestones", "err-milestone-twice");
                        return Vec::new();
                    }
                    out.push(Milestone { due, value });
                }
                (Err(_), _) => {
                    e.add("milestones", "err-milestone");
                    return Vec::new();
                }
                (_, Some(Err(key))) => {
                    e.add("milestones", key);
                    return Vec::new();
                }
                (_, None) => return Vec::new(),
            }
        }
        out.sort_by_key(|m| m.due);
        out
    }

    /// The form showing a stored indicator, to edit it.
    pub fn from_indicator(i: &Indicator, decimal: char) -> IndicatorForm {
        let unit = i.unit();
        let amount = |n: i64| shown_amount(unit, n, decimal);
        let mut form = IndicatorForm {
            code: i.code.clone(),
            name_hu: i.name_hu.clone(),
            name_en: i.name_en.clone(),
            description: i.description.clone(),
            source: i.source.kind().as_str().to_string(),
            baseline: amount(i.baseline),
            target: amount(i.target),
            deadline: i.deadline.map(|d| d.stored()).unwrap_or_default(),
            milestones: i
                .milestones
                .iter()
                .map(|m| format!("{} {}", m.due.stored(), amount(m.value)))
                .collect::<Vec<_>>()
                .join("\n"),
            ..IndicatorForm::default()
        };
        if let Some(f) = i.source.activity_filter() {
            form.kinds = f.kinds.iter().map(|k| k.as_str().to_string()).collect();
            form.phases = f.phases.iter().map(|k| k.as_str().to_string()).collect();
            form.series_id = f.series.map(|s| s.0.to_string()).unwrap_or_default();
            form.activity_ids = f.activities.iter().map(|a| a.0.to_string()).collect();
        }
        if let Some(p) = i.source.people_filter() {
            form.age_bands = p.age_bands.iter().map(|b| b.as_str().to_string()).collect();
            form.residence_id = p.residence.map(|r| r.0.to_string()).unwrap_or_default();
            form.action_area_resident = flag(p.action_area_resident);
            form.disadvantaged = flag(p.disadvantaged);
            form.min_times = if p.min_times > 0 {
                p.min_times.to_string()
            } else {
                String::new()
            };
            form.min_hours = if p.min_minutes > 0 {
                crate::money::hours_text(p.min_minutes, decimal)
            } else {
                String::new()
            };
        }
        match &i.source {
            Source::Settlements(_, by) => form.settlements_by = by.as_str().to_string(),
            Source::Ratio {
                numerator,
                denominator,
            } => {
                form.numerator = numerator.clone();
                form.denominator = denominator.clone();
            }
            Source::Manual(u) => form.unit = u.as_str().to_string(),
            _ => {}
        }
        form
    }
}

fn flag(b: bool) -> String {
    if b {
        "1".into()
    } else {
        String::new()
    }
}

/// A stored amount written back the way a clerk would type it (no grouping, the
/// language's decimal sign), so a form saved unchanged reads back the same.
pub fn shown_amount(unit: Unit, n: i64, decimal: char) -> String {
    match unit {
        Unit::Hours => crate::money::hours_text(n, decimal),
        Unit::Percent => {
            let (whole, frac) = (n / 100, n % 100);
            match frac {
                0 => whole.to_string(),
                f if f % 10 == 0 => format!("{whole}{decimal}{}", f / 10),
                f => format!("{whole}{decimal}{f:02}"),
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(source: &str) -> IndicatorForm {
        IndicatorForm {
            code: "PR-1".into(),
            name_hu: "Elért résztvevők".into(),
            source: source.into(),
            target: "200".into(),
            ..IndicatorForm::default()
        }
    }

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

    #[test]
    fn targets_are_read_in_the_sources_unit() {
        let mut f = form("volunteer_hours");
        f.target = "1,5".into();
        assert_eq!(f.validate().unwrap().target, 90);
        let mut f = form("participants");
        f.target = "1.5".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("target"),
            Some("err-count-fraction")
        );
        let mut f = form("participants");
        f.target = "1 200 fő".into();
        assert_eq!(f.validate().unwrap().target, 1200);
        let mut f = form("ratio");
        f.numerator = "A".into();
        f.denominator = "B".into();
        f.target = "85,5 %".into();
        assert_eq!(f.validate().unwrap().target, 8550);
    }

    #[test]
    fn bad_forms_say_what_is_wrong() {
        let e = IndicatorForm::default().validate().unwrap_err();
        for field in ["code", "name_hu", "source"] {
            assert_eq!(e.for_field(field), Some("err-required"), "{field}");
        }
        let mut f = form("participants");
        f.code = "PR 1".into();
        f.kinds = vec!["workshop".into(), "party".into()];
        f.milestones = "2023-06-30 10\nkésőbb sok".into();
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("code"), Some("err-indicator-code"));
        assert_eq!(e.for_field("kinds"), Some("err-choice"));
        assert_eq!(e.for_field("milestones"), Some("err-milestone"));
        let mut f = form("ratio");
        f.numerator = "A".into();
        f.denominator = "A".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("denominator"),
            Some("err-ratio-same")
        );
        let mut f = form("manual");
        assert_eq!(
            f.validate().unwrap_err().for_field("unit"),
            Some("err-required")
        );
        f.unit = "huf".into();
        f.target = "150,000".into();
        assert_eq!(f.validate().unwrap().target, 150_000);
    }

    #[test]
    fn milestones_are_dated_values_before_the_deadline() {
        let mut f = form("participants");
        f.deadline = "2023.01.31.".into();
        f.milestones = "2022-06-30: 80\n2021.12.31. 20\n".into();
        let input = f.validate().unwrap();
        assert_eq!(
            input.milestones,
            vec![
                Milestone {
                    due: Date::from_ymd(2021, 12, 31).unwrap(),
                    value: 20
                },
                Milestone {
                    due: Date::from_ymd(2022, 6, 30).unwrap(),
                    value: 80
                },
            ]
        );
        f.milestones = "2024-01-01 100".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("milestones"),
            Some("err-milestone-after-deadline")
        );
    }

    #[test]
    fn a_stored_indicator_fills_its_form_so_that_saving_it_changes_nothing() {
        let mut f = form("participants");
        f.kinds = vec!["training".into()];
        f.min_hours = "1,5".into();
        f.min_times = "3".into();
        f.deadline = "2023-01-31".into();
        f.milestones = "2022-06-30 80".into();
        let input = f.validate().unwrap();
        let stored = Indicator {
            id: IndicatorId(1),
            programme_id: ProgrammeId(1),
            template_id: None,
            rollup_key: own_rollup_key(ProgrammeId(1), &input.code),
            key_id: 1,
            code: input.code.clone(),
            name_hu: input.name_hu.clone(),
            name_en: input.name_en.clone(),
            description: input.description.clone(),
            source: input.source.clone(),
            baseline: input.baseline,
            target: input.target,
            deadline: input.deadline,
            milestones: input.milestones.clone(),
            version: 1,
        };
        let again = IndicatorForm::from_indicator(&stored, ',')
            .validate()
            .unwrap();
        assert_eq!(again, input);
    }
}
