//! A programme's plans, read as a tree (needs → goals → actions with their partners and
//! activities), and the writes of each level.

use super::owned::{ACTIONS, GOALS, NEEDS, PLANS};
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::plan::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

fn plan_row(r: &AnyRow) -> Result<Plan, DbError> {
    Ok(Plan {
        id: PlanId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        title: s(r, "title")?,
        kind: e(r, "kind", PlanKind::parse)?,
        status: e(r, "status", PlanStatus::parse)?,
        adopted_on: od(r, "adopted_on")?,
        previous_id: oi(r, "previous_id")?.map(PlanId),
        published: i(r, "published")? != 0,
        needs: Vec::new(),
        version: i(r, "version")?,
    })
}

const PLAN: &str = "SELECT id, programme_id, title, kind, status, adopted_on, previous_id, published, version FROM plans";

/// A programme's plans (without their trees), newest version first; `published_only`
/// for the public.
pub async fn plans(
    conn: &mut Conn,
    programme: ProgrammeId,
    published_only: bool,
) -> Result<Vec<Plan>, DbError> {
    let sql =
        format!("{PLAN} WHERE programme_id = $1 AND (published = 1 OR $2 = 0) ORDER BY id DESC");
    let rows = sqlx::query(&sql)
        .bind(programme.0)
        .bind(published_only as i64)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(plan_row).collect()
}

/// One plan of `programme` with its tree; an activity counts as held once it has ended
/// by `now`.
pub async fn plan(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanId,
    now: Instant,
) -> Result<Option<Plan>, DbError> {
    let sql = format!("{PLAN} WHERE id = $1 AND programme_id = $2");
    let Some(row) = sqlx::query(&sql)
        .bind(id.0)
        .bind(programme.0)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let mut plan = plan_row(&row)?;
    let needs = sqlx::query(
        "SELECT n.id, n.title, n.description, n.finding_question_id, q.label, n.version \
         FROM plan_needs n LEFT JOIN survey_questions q ON q.id = n.finding_question_id \
         WHERE n.plan_id = $1 ORDER BY n.id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &needs {
        let finding = match oi(r, "finding_question_id")? {
            Some(q) => Some((QuestionId(q), os(r, "label")?.unwrap_or_default())),
            None => None,
        };
        plan.needs.push(Need {
            id: NeedId(i(r, "id")?),
            plan_id: id,
            title: s(r, "title")?,
            description: s(r, "description")?,
            finding,
            goals: Vec::new(),
            version: i(r, "version")?,
        });
    }
    let goals = sqlx::query(
        "SELECT g.id, g.need_id, g.title, g.version FROM plan_goals g \
         JOIN plan_needs n ON n.id = g.need_id WHERE n.plan_id = $1 ORDER BY g.id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let actions = sqlx::query(
        "SELECT a.id, a.goal_id, a.title, a.owner, a.due_on, a.status, a.budget_line, a.version, \
         a.memo_id, a.memo_task \
         FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id \
         JOIN plan_needs n ON n.id = g.need_id WHERE n.plan_id = $1 ORDER BY a.id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let partners = sqlx::query(
        "SELECT l.action_id, l.partner_id, o.name FROM plan_action_partners l \
         JOIN partners pa ON pa.id = l.partner_id JOIN organisations o ON o.id = pa.organisation_id \
         JOIN plan_actions a ON a.id = l.action_id JOIN plan_goals g ON g.id = a.goal_id \
         JOIN plan_needs n ON n.id = g.need_id WHERE n.plan_id = $1 ORDER BY o.name_folded",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let activities = sqlx::query(
        "SELECT l.action_id, l.activity_id, ac.title, ac.ends_at FROM plan_action_activities l \
         JOIN activities ac ON ac.id = l.activity_id \
         JOIN plan_actions a ON a.id = l.action_id JOIN plan_goals g ON g.id = a.goal_id \
         JOIN plan_needs n ON n.id = g.need_id WHERE n.plan_id = $1 ORDER BY ac.starts_at, ac.id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut all_actions = Vec::new();
    for r in &actions {
        let aid = PlanActionId(i(r, "id")?);
        let mut a = PlanAction {
            id: aid,
            goal_id: GoalId(i(r, "goal_id")?),
            title: s(r, "title")?,
            owner: s(r, "owner")?,
            partners: Vec::new(),
            due_on: od(r, "due_on")?,
            status: e(r, "status", ActionStatus::parse)?,
            budget_line: s(r, "budget_line")?,
            activities: Vec::new(),
            source: match (oi(r, "memo_id")?, os(r, "memo_task")?) {
                (Some(memo), Some(task)) => Some(FollowUpSource {
                    memo: MemoId(memo),
                    task,
                }),
                _ => None,
            },
            version: i(r, "version")?,
        };
        for p in &partners {
            if i(p, "action_id")? == aid.0 {
                a.partners
                    .push((PartnerId(i(p, "partner_id")?), s(p, "name")?));
            }
        }
        for x in &activities {
            if i(x, "action_id")? == aid.0 {
                let ends = Instant::parse_stored(&s(x, "ends_at")?);
                let held = ends.is_some_and(|e| e <= now);
                a.activities
                    .push((ActivityId(i(x, "activity_id")?), s(x, "title")?, held));
            }
        }
        all_actions.push(a);
    }
    for r in &goals {
        let gid = GoalId(i(r, "id")?);
        let need = NeedId(i(r, "need_id")?);
        let goal = Goal {
            id: gid,
            need_id: need,
            title: s(r, "title")?,
            actions: all_actions
                .iter()
                .filter(|a| a.goal_id == gid)
                .cloned()
                .collect(),
            version: i(r, "version")?,
        };
        if let Some(n) = plan.needs.iter_mut().find(|n| n.id == need) {
            n.goals.push(goal);
        }
    }
    Ok(Some(plan))
}

/// The plan a need, goal or action is in (confined to `programme`).
pub async fn plan_of(
    conn: &mut Conn,
    programme: ProgrammeId,
    level: &str,
    id: i64,
) -> Result<Option<PlanId>, DbError> {
    let sql = match level {
        "need" => "SELECT n.plan_id FROM plan_needs n JOIN plans p ON p.id = n.plan_id WHERE n.id = $1 AND p.programme_id = $2",
        "goal" => "SELECT n.plan_id FROM plan_goals g JOIN plan_needs n ON n.id = g.need_id JOIN plans p ON p.id = n.plan_id WHERE g.id = $1 AND p.programme_id = $2",
        _ => "SELECT n.plan_id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id JOIN plan_needs n ON n.id = g.need_id JOIN plans p ON p.id = n.plan_id WHERE a.id = $1 AND p.programme_id = $2",
    };
    let id: Option<i64> = sqlx::query_scalar(sql)
        .bind(id)
        .bind(programme.0)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(PlanId))
}

pub async fn insert_plan(
    conn: &mut Conn,
    programme: ProgrammeId,
    p: &PlanInput,
    previous: Option<PlanId>,
) -> Result<PlanId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plans (programme_id, title, kind, status, adopted_on, previous_id, published) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(programme.0)
    .bind(&p.title)
    .bind(p.kind.as_str())
    .bind(p.status.as_str())
    .bind(date_text(p.adopted_on))
    .bind(previous.map(|x| x.0))
    .bind(p.published as i64)
    .fetch_one(&mut *conn)
    .await?;
    reindex(conn, Part::Plan, id).await?;
    Ok(PlanId(id))
}

pub async fn update_plan(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanId,
    p: &PlanInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = PLANS.update_sql(&["title", "kind", "status", "adopted_on", "published"]);
    let done = sqlx::query(&sql)
        .bind(&p.title)
        .bind(p.kind.as_str())
        .bind(p.status.as_str())
        .bind(date_text(p.adopted_on))
        .bind(p.published as i64)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = PLANS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        reindex(conn, Part::Plan, id.0).await?;
    }
    Ok(saved)
}

/// Mark a plan renewed by a newer version (unless it is already).
pub async fn mark_renewed(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanId,
) -> Result<(), DbError> {
    sqlx::query("UPDATE plans SET status = 'renewed', version = version + 1 WHERE id = $1 AND programme_id = $2 AND status <> 'renewed'")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    reindex(conn, Part::Plan, id.0).await
}

pub async fn delete_plan(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanId,
) -> Result<bool, DbError> {
    sqlx::query("UPDATE plans SET previous_id = NULL WHERE previous_id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    let gone = PLANS.delete(conn, id.0, programme).await?;
    if gone {
        crate::search::remove(conn, DocKind::Plan, id.0).await?;
    }
    Ok(gone)
}

pub async fn insert_need(conn: &mut Conn, plan: PlanId, n: &NeedInput) -> Result<NeedId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_needs (plan_id, title, description, finding_question_id) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(plan.0)
    .bind(&n.title)
    .bind(&n.description)
    .bind(n.finding.map(|q| q.0))
    .fetch_one(&mut *conn)
    .await?;
    reindex(conn, Part::Need, id).await?;
    Ok(NeedId(id))
}

pub async fn update_need(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: NeedId,
    n: &NeedInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = NEEDS.update_sql(&["title", "description", "finding_question_id"]);
    let done = sqlx::query(&sql)
        .bind(&n.title)
        .bind(&n.description)
        .bind(n.finding.map(|q| q.0))
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = NEEDS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        reindex(conn, Part::Need, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete_need(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: NeedId,
) -> Result<bool, DbError> {
    let plan = plan_holding(conn, Part::Need, id.0).await?;
    let gone = NEEDS.delete(conn, id.0, programme).await?;
    if let (true, Some(plan)) = (gone, plan) {
        crate::search::refresh(conn, DocKind::Plan, plan).await?;
    }
    Ok(gone)
}

pub async fn insert_goal(conn: &mut Conn, need: NeedId, g: &GoalInput) -> Result<GoalId, DbError> {
    let id: i64 =
        sqlx::query_scalar("INSERT INTO plan_goals (need_id, title) VALUES ($1, $2) RETURNING id")
            .bind(need.0)
            .bind(&g.title)
            .fetch_one(&mut *conn)
            .await?;
    reindex(conn, Part::Goal, id).await?;
    Ok(GoalId(id))
}

pub async fn update_goal(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: GoalId,
    g: &GoalInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = GOALS.update_sql(&["title"]);
    let done = sqlx::query(&sql)
        .bind(&g.title)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = GOALS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        reindex(conn, Part::Goal, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete_goal(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: GoalId,
) -> Result<bool, DbError> {
    let plan = plan_holding(conn, Part::Goal, id.0).await?;
    let gone = GOALS.delete(conn, id.0, programme).await?;
    if let (true, Some(plan)) = (gone, plan) {
        crate::search::refresh(conn, DocKind::Plan, plan).await?;
    }
    Ok(gone)
}

async fn link_action(conn: &mut Conn, id: PlanActionId, a: &ActionInput) -> Result<(), DbError> {
    sqlx::query("DELETE FROM plan_action_partners WHERE action_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM plan_action_activities WHERE action_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    for p in &a.partners {
        sqlx::query("INSERT INTO plan_action_partners (action_id, partner_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(p.0)
            .execute(&mut *conn)
            .await?;
    }
    for x in &a.activities {
        sqlx::query("INSERT INTO plan_action_activities (action_id, activity_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(x.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Are these partners and activities all `programme`'s own? (checked in the writing
/// transaction, so a hostile id never links another programme's records)
pub async fn links_are_own(
    conn: &mut Conn,
    programme: ProgrammeId,
    a: &ActionInput,
) -> Result<(bool, bool), DbError> {
    let mut partners = true;
    for p in &a.partners {
        partners &= super::partner_belongs(conn, programme, *p).await?;
    }
    let mut activities = true;
    for x in &a.activities {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM activities WHERE id = $1 AND programme_id = $2",
        )
        .bind(x.0)
        .bind(programme.0)
        .fetch_one(&mut *conn)
        .await?;
        activities &= n == 1;
    }
    Ok((partners, activities))
}

pub async fn insert_action(
    conn: &mut Conn,
    goal: GoalId,
    a: &ActionInput,
) -> Result<PlanActionId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_actions (goal_id, title, owner, due_on, status, budget_line) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(goal.0)
    .bind(&a.title)
    .bind(&a.owner)
    .bind(date_text(a.due_on))
    .bind(a.status.as_str())
    .bind(&a.budget_line)
    .fetch_one(&mut *conn)
    .await?;
    let id = PlanActionId(id);
    link_action(conn, id, a).await?;
    reindex(conn, Part::Action, id.0).await?;
    Ok(id)
}

pub async fn update_action(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanActionId,
    a: &ActionInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = ACTIONS.update_sql(&["title", "owner", "due_on", "status", "budget_line"]);
    let done = sqlx::query(&sql)
        .bind(&a.title)
        .bind(&a.owner)
        .bind(date_text(a.due_on))
        .bind(a.status.as_str())
        .bind(&a.budget_line)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = ACTIONS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        link_action(conn, id, a).await?;
        reindex(conn, Part::Action, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete_action(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PlanActionId,
) -> Result<bool, DbError> {
    let plan = plan_holding(conn, Part::Action, id.0).await?;
    let gone = ACTIONS.delete(conn, id.0, programme).await?;
    if let (true, Some(plan)) = (gone, plan) {
        crate::search::refresh(conn, DocKind::Plan, plan).await?;
    }
    Ok(gone)
}

/// Is this question in one of `programme`'s questionnaires?
pub async fn question_belongs(
    conn: &mut Conn,
    programme: ProgrammeId,
    q: QuestionId,
) -> Result<bool, DbError> {
    Ok(super::question(conn, programme, q).await?.is_some())
}

/// A part of a plan's tree, to find the plan it is in.
#[derive(Clone, Copy)]
enum Part {
    Plan,
    Need,
    Goal,
    Action,
}

/// The plan a part belongs to (none when it is gone).
async fn plan_holding(conn: &mut Conn, part: Part, id: i64) -> Result<Option<i64>, DbError> {
    let sql = match part {
        Part::Plan => "SELECT id FROM plans WHERE id = $1",
        Part::Need => "SELECT plan_id FROM plan_needs WHERE id = $1",
        Part::Goal => "SELECT n.plan_id FROM plan_goals g JOIN plan_needs n ON n.id = g.need_id WHERE g.id = $1",
        Part::Action => {
            "SELECT n.plan_id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id \
             JOIN plan_needs n ON n.id = g.need_id WHERE a.id = $1"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The plan a written part belongs to, refreshed in the search index (its whole tree is
/// its text).
async fn reindex(conn: &mut Conn, part: Part, id: i64) -> Result<(), DbError> {
    if let Some(plan) = plan_holding(conn, part, id).await? {
        crate::search::refresh(conn, DocKind::Plan, plan).await?;
    }
    Ok(())
}
