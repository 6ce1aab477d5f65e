//! Staff use cases on organisations.

use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::{audit, organisations, places, DbError};
use kozos_domain::organisation::{Organisation, OrganisationForm, OrganisationInput};
use kozos_domain::place::PlaceKind;
use kozos_domain::policy::{allows, allows_somewhere, Action, Target};
use kozos_domain::user::User;
use kozos_domain::{FieldErrors, OrganisationId};

/// How far up a chain of parent organisations is followed (deeper is refused as a cycle).
const MAX_DEPTH: usize = 32;

/// Organisations are shared reference data: anyone in the back office may list them.
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

/// Where an organisation sits, for the policy: itself, its parent, its settlement's lineage.
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

/// Check the references a form names: the settlement must be a settlement (or part of
/// one) and the parent an existing organisation. Each missing one is a message on its field.
async fn check_references(app: &App, input: &OrganisationInput) -> Result<Target> {
    let mut e = FieldErrors::new();
    let mut places_of = Vec::new();
    if let Some(p) = input.settlement_id {
        match places::get(&app.db, p).await? {
            Some(pl) if matches!(pl.kind, PlaceKind::Settlement | PlaceKind::SettlementPart) => {
                places_of = pl.lineage;
            }
            _ => e.add("settlement_id", "err-choice"),
        }
    }
    if let Some(parent) = input.parent_id {
        if organisations::get(&app.db, parent).await?.is_none() {
            e.add("parent_id", "err-choice");
        }
    }
    e.into_result(Target {
        programme: None,
        organisations: input.parent_id.into_iter().collect(),
        places: places_of,
    })
    .map_err(AppError::Invalid)
}

/// Putting an organisation under a parent extends the parent's grants to it (and to its
/// programmes), so it needs the right to edit the parent, not only the child.
async fn may_attach_to(app: &App, user: &User, parent: OrganisationId) -> Result<()> {
    if allows(
        &user.grants,
        Action::EditOrganisation,
        &target(app, parent).await?,
    ) {
        Ok(())
    } else {
        Err(AppError::invalid("parent_id", "err-out-of-scope"))
    }
}

pub async fn create(
    app: &App,
    user: &User,
    form: &OrganisationForm,
    once: Option<&str>,
) -> Result<OrganisationId> {
    may_create(user)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    check_references(app, &input).await?;
    if let Some(parent) = input.parent_id {
        may_attach_to(app, user, parent).await?;
    }
    let once = Once::new("organisation", once, &input);
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    if let Some(id) = once.claim(app, &mut tx, user).await? {
        return Ok(OrganisationId(id));
    }
    let id = organisations::insert(&mut tx, &input, &now).await?;
    once.complete(&mut tx, user, id.0).await?;
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

pub async fn for_edit(app: &App, user: &User, id: OrganisationId) -> Result<Organisation> {
    let t = target(app, id).await?;
    if !allows(&user.grants, Action::EditOrganisation, &t) {
        return Err(AppError::Forbidden);
    }
    organisations::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Save an organisation. A move (another settlement or parent) is authorised where the
/// organisation would go as well as where it is, and a parent may not be the
/// organisation itself or one below it (a cycle).
pub async fn update(
    app: &App,
    user: &User,
    id: OrganisationId,
    form: &OrganisationForm,
    version: Option<i64>,
) -> Result<()> {
    let current = for_edit(app, user, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if OrganisationForm::from_organisation(&current)
        .validate()
        .as_ref()
        == Ok(&input)
    {
        return Ok(()); // saved unchanged: nothing to write
    }
    let mut destination = check_references(app, &input).await?;
    destination.organisations.insert(0, id);
    if input.settlement_id != current.settlement_id
        && !allows(&user.grants, Action::EditOrganisation, &destination)
    {
        return Err(AppError::invalid("settlement_id", "err-out-of-scope"));
    }
    if let Some(parent) = input.parent_id.filter(|p| Some(*p) != current.parent_id) {
        may_attach_to(app, user, parent).await?;
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    // Read inside the write transaction, so two edits making a cycle between them cannot
    // both pass (on SQLite writers are serialised; on PostgreSQL the depth limit stops
    // a walk round a cycle that slipped through).
    if let Some(parent) = input.parent_id {
        let above = organisations::ancestors(&mut tx, parent, MAX_DEPTH).await?;
        if parent == id || above.contains(&id) || above.len() >= MAX_DEPTH {
            return Err(AppError::invalid("parent_id", "err-parent-cycle"));
        }
    }
    saved(organisations::update(&mut tx, id, &input, &now, version).await?)?;
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
