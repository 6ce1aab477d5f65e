//! Reading action plans (staff in scope and the auditor; the public only published
//! ones) and renewing one: a new draft version that copies it, needs → goals → actions
//! with their links, in one transaction.

use crate::programmes::authorise;
use crate::records::Record;
use crate::write::Once;
use crate::{App, AppError, Result};
use kozos_db::programmes as db;
use kozos_db::{audit, DbError};
use kozos_domain::plan::*;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::{PlanId, ProgrammeId};

/// A programme's plans for the back office.
pub async fn list(app: &App, user: &User, programme: ProgrammeId) -> Result<Vec<Plan>> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::plans(&mut conn, programme, false).await?)
}

/// A plan with its tree, activities counted as held by now.
pub async fn get(app: &App, user: &User, programme: ProgrammeId, id: PlanId) -> Result<Plan> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    read(app, programme, id).await
}

async fn read(app: &App, programme: ProgrammeId, id: PlanId) -> Result<Plan> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::plan(&mut conn, programme, id, app.clock.instant())
        .await?
        .ok_or(AppError::NotFound)
}

/// A published plan, for anyone; a draft or an unpublished one is not found.
pub async fn public(app: &App, programme: ProgrammeId, id: PlanId) -> Result<Plan> {
    let p = read(app, programme, id).await?;
    if !p.published {
        return Err(AppError::NotFound);
    }
    Ok(p)
}

/// The programme's published plans, for its public page.
pub async fn published(app: &App, programme: ProgrammeId) -> Result<Vec<Plan>> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::plans(&mut conn, programme, true).await?)
}

/// The plan a need, goal or action (`level`) of `programme` is in: where its pages lead
/// back to. Only an id, read after the person was let do what brought them here.
pub async fn holding(
    app: &App,
    programme: ProgrammeId,
    level: &str,
    id: i64,
) -> Result<Option<PlanId>> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::plan_of(&mut conn, programme, level, id).await?)
}

/// Start the next version of a plan: a draft copy of it (not published), which when
/// adopted marks this one renewed.
pub async fn renew(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: PlanId,
    once: Option<&str>,
) -> Result<PlanId> {
    authorise(app, user, Action::ManageCommunityProcess, programme).await?;
    let once = Once::new("plan_renewal", once, &(programme, id));
    let mut tx = app.db.begin().await?;
    if let Some(prev) = once.claim(app, &mut tx, user).await? {
        return Ok(PlanId(prev));
    }
    let old = db::plan(&mut tx, programme, id, app.clock.instant())
        .await?
        .ok_or(AppError::NotFound)?;
    let input = PlanInput {
        title: old.title.clone(),
        kind: old.kind,
        status: PlanStatus::Draft,
        adopted_on: None,
        published: false,
    };
    let new = db::insert_plan(&mut tx, programme, &input, Some(old.id)).await?;
    for n in &old.needs {
        let need = db::insert_need(
            &mut tx,
            new,
            &NeedInput {
                title: n.title.clone(),
                description: n.description.clone(),
                finding: n.finding.as_ref().map(|f| f.0),
            },
        )
        .await?;
        for g in &n.goals {
            let goal = db::insert_goal(
                &mut tx,
                need,
                &GoalInput {
                    title: g.title.clone(),
                },
            )
            .await?;
            for a in &g.actions {
                let input = ActionForm::from_action(a)
                    .validate()
                    .map_err(AppError::Invalid)?;
                let action = db::insert_action(&mut tx, goal, &input).await?;
                if let Some(src) = &a.source {
                    db::follow_ups::link_source(&mut tx, action, src.memo, &src.task).await?;
                }
            }
        }
    }
    once.complete(&mut tx, user, new.0).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "renew_plan",
        "programme",
        Some(programme.0),
        &old.label(),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(new)
}

/// What a plan's forms pick from in `programme`: its partners, its activities (date and
/// title) and its questionnaires' questions (the findings a need is raised by).
#[derive(Debug, Clone, Default)]
pub struct PlanChoices {
    pub partners: Vec<(kozos_domain::PartnerId, String)>,
    pub activities: Vec<(kozos_domain::ActivityId, String)>,
    pub findings: Vec<(kozos_domain::QuestionId, String)>,
}

pub async fn choices(app: &App, user: &User, programme: ProgrammeId) -> Result<PlanChoices> {
    authorise(app, user, Action::ManageCommunityProcess, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let partners = db::partners(&mut *conn, programme)
        .await?
        .into_iter()
        .map(|p| (p.id, p.organisation_name))
        .collect();
    let filter = db::activities::Filter {
        programme: Some(programme),
        ..Default::default()
    };
    let activities = db::activities::list(&mut conn, &filter)
        .await?
        .into_iter()
        .map(|a| (a.id, format!("{} – {}", a.starts_at.date(), a.title)))
        .collect();
    let mut findings = Vec::new();
    for q in db::questionnaires(&mut *conn, programme).await? {
        for question in db::questions(&mut *conn, q.id).await? {
            findings.push((question.id, format!("{} – {}", q.title, question.label)));
        }
    }
    Ok(PlanChoices {
        partners,
        activities,
        findings,
    })
}

/// A programme's situation pictures, newest first (every version kept), for staff in
/// scope and the auditor; `id` narrows to one (none there: not found).
pub async fn pictures(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: Option<kozos_domain::PictureId>,
) -> Result<Vec<SituationPicture>> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let list = db::pictures(&mut conn, programme, id).await?;
    if id.is_some() && list.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(list)
}

/// The programme's questionnaires a picture may draw on.
pub async fn picture_sources(
    app: &App,
    user: &User,
    programme: ProgrammeId,
) -> Result<Vec<(kozos_domain::QuestionnaireId, String)>> {
    authorise(app, user, Action::ManageCommunityProcess, programme).await?;
    Ok(db::questionnaires(&app.db.pool, programme)
        .await?
        .into_iter()
        .map(|q| (q.id, q.title))
        .collect())
}
