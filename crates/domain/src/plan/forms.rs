//! The plan's forms as typed, and their checks.

use super::*;
use crate::validation::{long_text, optional_date, optional_id, required_text, FieldErrors};
use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    pub title: String,
    pub kind: String,
    pub status: String,
    pub adopted_on: String,
    /// `1` when ticked.
    pub published: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    pub title: String,
    pub kind: PlanKind,
    pub status: PlanStatus,
    pub adopted_on: Option<Date>,
    pub published: bool,
}

impl PlanForm {
    pub fn validate(&self, today: Date) -> Result<PlanInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 200);
        let kind = PlanKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", "err-choice");
        }
        let status = if self.status.trim().is_empty() {
            Some(PlanStatus::Draft)
        } else {
            PlanStatus::parse(self.status.trim())
        };
        if status.is_none() {
            e.add("status", "err-choice");
        }
        let adopted_on = optional_date(&mut e, "adopted_on", &self.adopted_on);
        if adopted_on.is_some_and(|d| d > today) {
            e.add("adopted_on", "err-date-future");
        }
        if status == Some(PlanStatus::Adopted)
            && adopted_on.is_none()
            && e.for_field("adopted_on").is_none()
        {
            e.add("adopted_on", "err-plan-adopted-on");
        }
        let published = matches!(self.published.trim(), "1" | "on" | "true");
        match (kind, status) {
            (Some(kind), Some(status)) if e.is_empty() => Ok(PlanInput {
                title,
                kind,
                status,
                adopted_on,
                published,
            }),
            _ => Err(e),
        }
    }

    pub fn from_plan(p: &Plan) -> Self {
        PlanForm {
            title: p.title.clone(),
            kind: p.kind.as_str().into(),
            status: p.status.as_str().into(),
            adopted_on: p.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
            published: if p.published {
                "1".into()
            } else {
                String::new()
            },
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    pub title: String,
    pub description: String,
    /// A question of one of the programme's questionnaires whose answers raised it.
    pub finding: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedInput {
    pub title: String,
    pub description: String,
    pub finding: Option<QuestionId>,
}

impl NeedForm {
    pub fn validate(&self) -> Result<NeedInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 300);
        let description = long_text(&mut e, "description", &self.description, 5000);
        let finding = optional_id(&mut e, "finding", &self.finding).map(QuestionId);
        e.into_result(NeedInput {
            title,
            description,
            finding,
        })
    }
    pub fn from_need(n: &Need) -> Self {
        NeedForm {
            title: n.title.clone(),
            description: n.description.clone(),
            finding: n
                .finding
                .as_ref()
                .map(|f| f.0.to_string())
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalInput {
    pub title: String,
}

impl GoalForm {
    pub fn validate(&self) -> Result<GoalInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 300);
        e.into_result(GoalInput { title })
    }
    pub fn from_goal(g: &Goal) -> Self {
        GoalForm {
            title: g.title.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub title: String,
    pub owner: String,
    pub partners: Vec<String>,
    pub due_on: String,
    pub status: String,
    pub budget_line: String,
    pub activities: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInput {
    pub title: String,
    pub owner: String,
    pub partners: Vec<PartnerId>,
    pub due_on: Option<Date>,
    pub status: ActionStatus,
    pub budget_line: String,
    pub activities: Vec<ActivityId>,
}

fn ids(e: &mut FieldErrors, field: &'static str, values: &[String]) -> Vec<i64> {
    let mut out: Vec<i64> = values
        .iter()
        .filter_map(|v| optional_id(e, field, v))
        .collect();
    out.sort_unstable();
    out.dedup();
    if out.len() > 200 {
        e.add(field, "err-too-many");
    }
    out
}

impl ActionForm {
    pub fn validate(&self) -> Result<ActionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 300);
        let owner = required_text(&mut e, "owner", &self.owner, 200);
        let partners = ids(&mut e, "partners", &self.partners)
            .into_iter()
            .map(PartnerId)
            .collect();
        let due_on = optional_date(&mut e, "due_on", &self.due_on);
        let status = if self.status.trim().is_empty() {
            Some(ActionStatus::Planned)
        } else {
            ActionStatus::parse(self.status.trim())
        };
        if status.is_none() {
            e.add("status", "err-choice");
        }
        let mut be = FieldErrors::new();
        let budget_line =
            crate::validation::optional_text(&mut be, "budget_line", &self.budget_line, 200)
                .unwrap_or_default();
        e.0.extend(be.0);
        let activities = ids(&mut e, "activities", &self.activities)
            .into_iter()
            .map(ActivityId)
            .collect();
        match status {
            Some(status) if e.is_empty() => Ok(ActionInput {
                title,
                owner,
                partners,
                due_on,
                status,
                budget_line,
                activities,
            }),
            _ => Err(e),
        }
    }
    pub fn from_action(a: &PlanAction) -> Self {
        ActionForm {
            title: a.title.clone(),
            owner: a.owner.clone(),
            partners: a.partners.iter().map(|p| p.0.to_string()).collect(),
            due_on: a.due_on.map(|d| d.to_string()).unwrap_or_default(),
            status: a.status.as_str().into(),
            budget_line: a.budget_line.clone(),
            activities: a.activities.iter().map(|x| x.0.to_string()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adopted_plan_has_its_day_and_it_is_not_in_the_future() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let mut f = PlanForm {
            title: "Kisbér helyi cselekvési terve".into(),
            kind: "local_action_plan".into(),
            status: "adopted".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate(today).unwrap_err().for_field("adopted_on"),
            Some("err-plan-adopted-on")
        );
        f.adopted_on = "2030-01-01".into();
        assert_eq!(
            f.validate(today).unwrap_err().for_field("adopted_on"),
            Some("err-date-future")
        );
        f.adopted_on = "2019.03.28.".into();
        let p = f.validate(today).unwrap();
        assert_eq!(p.adopted_on, Date::from_ymd(2019, 3, 28));
    }

    #[test]
    fn actions_need_an_owner_and_take_ids_once() {
        let f = ActionForm {
            title: "Filmklub".into(),
            activities: vec!["3".into(), "3".into(), "1".into()],
            ..Default::default()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("owner"),
            Some("err-required")
        );
        let f = ActionForm {
            owner: "Művelődési ház".into(),
            ..f
        };
        let a = f.validate().unwrap();
        assert_eq!(a.activities, vec![ActivityId(1), ActivityId(3)]);
        assert_eq!(a.status, ActionStatus::Planned);
        let bad = ActionForm {
            activities: vec!["x".into()],
            ..ActionForm::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().for_field("activities"),
            Some("err-choice")
        );
    }
}
