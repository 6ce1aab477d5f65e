//! Staff use cases on organisations.

use crate::{App, AppError, Result};
use kozos_db::{audit, organisations, places, DbError};
use kozos_domain::organisation::{Organisation, OrganisationForm};
use kozos_domain::policy::{allows, allows_somewhere, Action, Target};
use kozos_domain::user::User;
use kozos_domain::OrganisationId;

fn name_conflict(e: DbError) -> AppError {
    if matches!(e, DbError::Unique(_)) {
        AppError::invalid("name", "err-duplicate-name")
    } else {
        AppError::Db(e)
    }
}

/// Organisations are shared reference data: anyone who may create them may list them.
pub async fn list(app: &App, user: &User, q: Option<&str>) -> Result<Vec<Organisation>> {
    if !allows_somewhere(&user.grants, Action::ViewBackOffice) {
        return Err(AppError::Forbidden);
    }
    crate::catalogue::organisations(app, q).await
}

pub fn may_create(user: &User) -> Result<()> {
    if allows_somewhere(&user.grants, Action::CreateOrganisation) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn create(app: &App, user: &User, form: &OrganisationForm) -> Result<OrganisationId> {
    may_create(user)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if let Some(p) = input.settlement_id {
        places::get(&app.db, p)
            .await?
            .ok_or_else(|| AppError::invalid("settlement_id", "err-choice"))?;
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    let id = organisations::insert(&mut tx, &input, &now)
        .await
        .map_err(name_conflict)?;
    audit::record(
        &mut tx,
        &now,
        Some(user.id),
        "create",
        "organisation",
        Some(id.0),
        &input.name,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

async fn target(app: &App, id: OrganisationId) -> Result<Target> {
    let (parent, lineage) = organisations::lineage(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut organisations = vec![id];
    organisations.extend(parent);
    Ok(Target {
        programme: None,
        organisations,
        places: lineage,
    })
}

pub async fn for_edit(app: &App, user: &User, id: OrganisationId) -> Result<Organisation> {
    let t = target(app, id).await?;
    if !allows(&user.grants, Action::EditOrganisation, &t) {
        return Err(AppError::Forbidden);
    }
    organisations::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn update(
    app: &App,
    user: &User,
    id: OrganisationId,
    form: &OrganisationForm,
) -> Result<()> {
    for_edit(app, user, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if input.parent_id == Some(id) {
        return Err(AppError::invalid("parent_id", "err-choice"));
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    organisations::update(&mut tx, id, &input, &now)
        .await
        .map_err(name_conflict)?;
    audit::record(
        &mut tx,
        &now,
        Some(user.id),
        "update",
        "organisation",
        Some(id.0),
        &input.name,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}
