//! The indicator form as a project manager fills it in: a counting source with its
//! filters as ticked boxes, amounts in the source's unit, milestones one per line. It is
//! read back from a stored indicator so that saving it unchanged is no change.

use super::definition::*;
use crate::activity::{ActivityKind, WorkshopPhase};
use crate::ids::*;
use crate::money::{parse_count, parse_hours};
use crate::participation::AgeBand;
use crate::time::Date;
use crate::validation::{long_text, optional_date, optional_id, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

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
    /// For initiatives at or past a stage: the stage.
    pub initiative_stage: String,
    /// For organisations founded: count NGOs only (a ticked box), not clubs.
    pub ngo_only: String,
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
            SourceKind::InitiativesAtStage => {
                match crate::initiative::Stage::parse(self.initiative_stage.trim()) {
                    Some(stage) => Source::InitiativesAtStage(stage),
                    None => {
                        e.add(
                            "initiative_stage",
                            if self.initiative_stage.trim().is_empty() {
                                "err-required"
                            } else {
                                "err-choice"
                            },
                        );
                        return None;
                    }
                }
            }
            SourceKind::InitiativesSupported => Source::InitiativesSupported,
            SourceKind::OrganisationsFounded => Source::OrganisationsFounded {
                ngo_only: ticked(&self.ngo_only),
            },
            SourceKind::SurveysAnswered => Source::SurveysAnswered,
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
            Source::InitiativesAtStage(stage) => form.initiative_stage = stage.as_str().to_string(),
            Source::OrganisationsFounded { ngo_only } => form.ngo_only = flag(*ngo_only),
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
