//! Memo follow-ups taken into action plans: the goals a follow-up can go under, which
//! follow-ups of a memo are in a plan already, and the action's link to its follow-up.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::plan::PlanStatus;
use kozos_domain::*;

/// A goal a follow-up can become an action under, named by its plan and need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalChoice {
    pub goal: GoalId,
    pub goal_title: String,
    pub need_title: String,
    pub plan: PlanId,
    pub plan_title: String,
    pub plan_status: PlanStatus,
}

/// An action made from one of a memo's follow-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenFollowUp {
    pub task: String,
    pub action: PlanActionId,
    pub plan: PlanId,
    pub plan_title: String,
    pub goal_title: String,
}

/// The goals of `programme`'s plans still in force or in the making (a renewed plan is
/// history), newest plan first, each plan's goals in their order.
pub async fn goal_choices(
    conn: &mut Conn,
    programme: ProgrammeId,
) -> Result<Vec<GoalChoice>, DbError> {
    let rows = sqlx::query(
        "SELECT g.id, g.title, n.title AS need_title, p.id AS plan_id, p.title AS plan_title, p.status \
         FROM plan_goals g JOIN plan_needs n ON n.id = g.need_id JOIN plans p ON p.id = n.plan_id \
         WHERE p.programme_id = $1 AND p.status <> 'renewed' ORDER BY p.id DESC, n.id, g.id",
    )
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(GoalChoice {
                goal: GoalId(i(r, "id")?),
                goal_title: s(r, "title")?,
                need_title: s(r, "need_title")?,
                plan: PlanId(i(r, "plan_id")?),
                plan_title: s(r, "plan_title")?,
                plan_status: e(r, "status", PlanStatus::parse)?,
            })
        })
        .collect()
}

/// The actions made from `memo`'s follow-ups, in every plan.
pub async fn taken(conn: &mut Conn, memo: MemoId) -> Result<Vec<TakenFollowUp>, DbError> {
    let rows = sqlx::query(
        "SELECT a.id, a.memo_task, g.title AS goal_title, p.id AS plan_id, p.title AS plan_title \
         FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id \
         JOIN plan_needs n ON n.id = g.need_id JOIN plans p ON p.id = n.plan_id \
         WHERE a.memo_id = $1 ORDER BY p.id DESC, a.id",
    )
    .bind(memo.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TakenFollowUp {
                task: s(r, "memo_task")?,
                action: PlanActionId(i(r, "id")?),
                plan: PlanId(i(r, "plan_id")?),
                plan_title: s(r, "plan_title")?,
                goal_title: s(r, "goal_title")?,
            })
        })
        .collect()
}

/// The action already made under `goal` from this follow-up, if any.
pub async fn taken_under(
    conn: &mut Conn,
    goal: GoalId,
    memo: MemoId,
    task: &str,
) -> Result<Option<PlanActionId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM plan_actions WHERE goal_id = $1 AND memo_id = $2 AND memo_task = $3",
    )
    .bind(goal.0)
    .bind(memo.0)
    .bind(task)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(PlanActionId))
}

/// Mark an action as made from a memo's follow-up.
pub async fn link_source(
    conn: &mut Conn,
    action: PlanActionId,
    memo: MemoId,
    task: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE plan_actions SET memo_id = $1, memo_task = $2 WHERE id = $3")
        .bind(memo.0)
        .bind(task)
        .bind(action.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
