//! A series: activities under one name that follow a rule (see [`super::recurrence`]).
//! Its dates become ordinary activities, each with its own registrations and attendance.

use super::recurrence::{Rule, RuleForm};
use super::ActivityKind;
use crate::ids::*;
use crate::validation::{long_text, optional_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    pub id: SeriesId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub kind: ActivityKind,
    pub description: String,
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub address: String,
    pub public: bool,
    pub rule: Rule,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub settlement: String,
    pub address: String,
    pub public: String,
    // The rule's fields, flat as a browser posts them (see `RuleForm`).
    pub frequency: String,
    pub interval: String,
    pub weekdays: Vec<String>,
    pub month_day: String,
    pub nth: String,
    pub nth_weekday: String,
    pub first_date: String,
    pub until_date: String,
    pub exceptions: String,
    pub start_time: String,
    pub end_time: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInput {
    pub name: String,
    pub kind: ActivityKind,
    pub description: String,
    pub settlement: Option<String>,
    pub address: String,
    pub public: bool,
    pub rule: Rule,
}

impl SeriesForm {
    pub fn validate(&self) -> Result<SeriesInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let kind = ActivityKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add(
                "kind",
                if self.kind.trim().is_empty() {
                    "err-required"
                } else {
                    "err-choice"
                },
            );
        }
        let description = long_text(&mut e, "description", &self.description, 10_000);
        let settlement = optional_text(&mut e, "settlement", &self.settlement, 200);
        let address = optional_text(&mut e, "address", &self.address, 300).unwrap_or_default();
        let public = matches!(self.public.trim(), "1" | "on" | "true");
        let rule = self.rule_form().validate(&mut e);
        match (kind, rule) {
            (Some(kind), Some(rule)) if e.is_empty() => Ok(SeriesInput {
                name,
                kind,
                description,
                settlement,
                address,
                public,
                rule,
            }),
            _ => Err(e),
        }
    }

    pub fn rule_form(&self) -> RuleForm {
        RuleForm {
            frequency: self.frequency.clone(),
            interval: self.interval.clone(),
            weekdays: self.weekdays.clone(),
            month_day: self.month_day.clone(),
            nth: self.nth.clone(),
            nth_weekday: self.nth_weekday.clone(),
            first_date: self.first_date.clone(),
            until_date: self.until_date.clone(),
            exceptions: self.exceptions.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
        }
    }

    pub fn from_series(s: &Series) -> Self {
        let r = RuleForm::from_rule(&s.rule);
        SeriesForm {
            name: s.name.clone(),
            kind: s.kind.as_str().into(),
            description: s.description.clone(),
            settlement: s.place_name.clone().unwrap_or_default(),
            address: s.address.clone(),
            public: if s.public { "1".into() } else { String::new() },
            frequency: r.frequency,
            interval: r.interval,
            weekdays: r.weekdays,
            month_day: r.month_day,
            nth: r.nth,
            nth_weekday: r.nth_weekday,
            first_date: r.first_date,
            until_date: r.until_date,
            exceptions: r.exceptions,
            start_time: r.start_time,
            end_time: r.end_time,
        }
    }
}
