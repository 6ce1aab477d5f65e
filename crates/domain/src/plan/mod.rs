//! The local action plan (helyi cselekvési terv) and its kin (the equal-opportunity
//! programme): needs, each raised by findings of the needs assessment → goals → actions
//! (owner, partners, due date, status, budget line) → the programme's activities that
//! carry them out. Progress of an action follows from its activities (held of linked)
//! and its status; a goal's from its actions ([`progress`]).

mod forms;
mod situation;

pub use forms::*;
pub use situation::*;

use crate::ids::*;
use crate::organisation::string_enum;
use crate::time::Date;
use serde::Serialize;

string_enum!(
    PlanKind {
        LocalActionPlan = "local_action_plan",
        EqualOpportunity = "equal_opportunity",
        Other = "other",
    }
);

string_enum!(
    /// Draft: being written. Adopted: in force from its adoption day. Renewed: a newer
    /// version replaced it (it stays readable).
    PlanStatus {
        Draft = "draft",
        Adopted = "adopted",
        Renewed = "renewed",
    }
);

string_enum!(
    ActionStatus {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: PlanId,
    pub programme_id: ProgrammeId,
    pub title: String,
    pub kind: PlanKind,
    pub status: PlanStatus,
    pub adopted_on: Option<Date>,
    /// The version this one renews (copied from).
    pub previous_id: Option<PlanId>,
    pub published: bool,
    pub needs: Vec<Need>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Need {
    pub id: NeedId,
    pub plan_id: PlanId,
    pub title: String,
    pub description: String,
    /// The finding that raised it: a question of one of the programme's questionnaires.
    pub finding: Option<(QuestionId, String)>,
    pub goals: Vec<Goal>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub id: GoalId,
    pub need_id: NeedId,
    pub title: String,
    pub actions: Vec<PlanAction>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanAction {
    pub id: PlanActionId,
    pub goal_id: GoalId,
    pub title: String,
    /// Who is responsible (a person or organisation, as text).
    pub owner: String,
    pub partners: Vec<(PartnerId, String)>,
    pub due_on: Option<Date>,
    pub status: ActionStatus,
    pub budget_line: String,
    /// Linked activities: (id, title, held already).
    pub activities: Vec<(ActivityId, String, bool)>,
    /// The memo follow-up it was taken from, if any.
    pub source: Option<FollowUpSource>,
    pub version: i64,
}

/// A memo's follow-up an action was made from: the memo and the task as typed there
/// (follow-ups have no ids of their own; their text is the link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpSource {
    pub memo: MemoId,
    pub task: String,
}

/// Progress in percent (0–100), or `None` when nothing counts (dropped).
pub fn action_progress(a: &PlanAction) -> Option<i64> {
    match a.status {
        ActionStatus::Dropped => None,
        ActionStatus::Done => Some(100),
        _ if a.activities.is_empty() => Some(0),
        _ => {
            let held = a.activities.iter().filter(|x| x.2).count() as i64;
            Some(held * 100 / a.activities.len() as i64)
        }
    }
}

/// A goal's progress: the mean of its actions' (dropped ones left out).
pub fn goal_progress(g: &Goal) -> Option<i64> {
    let parts: Vec<i64> = g.actions.iter().filter_map(action_progress).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.iter().sum::<i64>() / parts.len() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(status: ActionStatus, held: &[bool]) -> PlanAction {
        PlanAction {
            id: PlanActionId(1),
            goal_id: GoalId(1),
            title: "Filmklub".into(),
            owner: "Művelődési ház".into(),
            partners: vec![],
            due_on: None,
            status,
            budget_line: String::new(),
            activities: held
                .iter()
                .enumerate()
                .map(|(i, h)| (ActivityId(i as i64), format!("Alkalom {i}"), *h))
                .collect(),
            source: None,
            version: 1,
        }
    }

    #[test]
    fn progress_follows_held_activities_and_status() {
        assert_eq!(
            action_progress(&action(
                ActionStatus::InProgress,
                &[true, false, false, true]
            )),
            Some(50)
        );
        assert_eq!(
            action_progress(&action(ActionStatus::Planned, &[])),
            Some(0)
        );
        assert_eq!(
            action_progress(&action(ActionStatus::Done, &[false])),
            Some(100)
        );
        assert_eq!(
            action_progress(&action(ActionStatus::Dropped, &[true])),
            None
        );
        let g = Goal {
            id: GoalId(1),
            need_id: NeedId(1),
            title: "Közösségi terek".into(),
            actions: vec![
                action(ActionStatus::InProgress, &[true, false]),
                action(ActionStatus::Done, &[]),
                action(ActionStatus::Dropped, &[]),
            ],
            version: 1,
        };
        assert_eq!(goal_progress(&g), Some(75));
    }
}
