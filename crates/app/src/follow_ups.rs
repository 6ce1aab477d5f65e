//! A memo's follow-ups taken into the action plan: "who does what by when", agreed at a
//! conversation or forum, becomes an action under a goal the person picks. The action
//! keeps its follow-up, so the memo shows what is in a plan already and a second click
//! (or a double submit) adds nothing.

use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::programmes::follow_ups as db;
pub use kozos_db::programmes::follow_ups::{GoalChoice, TakenFollowUp};
use kozos_db::programmes::{self, memos};
use kozos_db::{audit, DbError};
use kozos_domain::community::memo::Memo;
use kozos_domain::plan::{ActionInput, ActionStatus};
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

/// A memo's follow-ups with where each went, and the goals they can go under.
pub struct FollowUps {
    pub memo: Memo,
    pub goals: Vec<GoalChoice>,
    pub taken: Vec<TakenFollowUp>,
}

pub async fn of_memo(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    memo: MemoId,
) -> Result<FollowUps> {
    authorise(app, user, Action::ManageCommunityProcess, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let memo = memos::get(&mut conn, programme, memo)
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = db::goal_choices(&mut conn, programme).await?;
    let taken = db::taken(&mut conn, memo.id).await?;
    Ok(FollowUps { memo, goals, taken })
}

/// Make the follow-up whose task reads `task` an action under `goal`. The task comes
/// from the page the person saw: when the memo was edited since and no longer has it,
/// the answer is `Conflict`, not an action made from text nobody agreed on. Both the
/// memo and the goal must be `programme`'s.
pub async fn take(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    memo: MemoId,
    task: &str,
    goal: GoalId,
) -> Result<PlanActionId> {
    authorise(app, user, Action::ManageCommunityProcess, programme).await?;
    let mut tx = app.db.begin().await?;
    let memo = memos::get(&mut tx, programme, memo)
        .await?
        .ok_or(AppError::NotFound)?;
    let follow_up = memo
        .follow_ups
        .iter()
        .find(|f| f.task == task)
        .ok_or(AppError::Conflict)?;
    if !db::goal_choices(&mut tx, programme)
        .await?
        .iter()
        .any(|g| g.goal == goal)
    {
        return Err(AppError::NotFound);
    }
    if let Some(done) = db::taken_under(&mut tx, goal, memo.id, task).await? {
        return Ok(done);
    }
    // A follow-up's task and owner are held to the action's own limits (300 and 200
    // characters) by the memo form, so the action is one its edit form accepts.
    let input = ActionInput {
        title: follow_up.task.clone(),
        // The plan needs someone responsible; a follow-up typed without one is the
        // meeting's to carry until the plan names someone.
        owner: follow_up
            .owner
            .clone()
            .unwrap_or_else(|| memo.moderator.clone()),
        partners: Vec::new(),
        due_on: follow_up.due,
        status: ActionStatus::Planned,
        budget_line: String::new(),
        activities: Vec::new(),
    };
    let action = programmes::insert_action(&mut tx, goal, &input).await?;
    match db::link_source(&mut tx, action, memo.id, task).await {
        Ok(()) => {}
        // Two submits at once: the other one made it.
        Err(DbError::Unique(_)) => {
            drop(tx);
            let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
            return db::taken_under(&mut conn, goal, memo.id, task)
                .await?
                .ok_or(AppError::Conflict);
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "add_plan_action",
        "programme",
        Some(programme.0),
        &input.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(action)
}
