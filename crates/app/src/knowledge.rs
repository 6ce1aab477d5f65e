//! The knowledge library: anyone reads what is published; staff add and edit the items
//! of the programmes their grants cover, and those with a country-wide grant the items
//! of no programme. An edit that moves an item to another programme is authorised on
//! both.

use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::knowledge as db;
pub use kozos_db::knowledge::Filter;
use kozos_db::{audit, programmes, DbError};
use kozos_domain::community::knowledge::*;
use kozos_domain::policy::{allows, Action, Target};
use kozos_domain::time::Instant;
use kozos_domain::user::User;
use kozos_domain::{KnowledgeId, PlaceId, ProgrammeId};

pub const PER_PAGE: i64 = 20;

/// Where an item sits for the policy: its programme, or the country.
async fn target(app: &App, programme: Option<ProgrammeId>) -> Result<Target> {
    match programme {
        None => Ok(Target::country()),
        Some(p) => programmes::target(&app.db, p)
            .await?
            // A programme that does not exist is a bad choice in the form.
            .ok_or_else(|| AppError::invalid("programme_id", "err-choice")),
    }
}

async fn authorise(app: &App, user: &User, programme: Option<ProgrammeId>) -> Result<()> {
    if allows(
        &user.grants,
        Action::ManageKnowledge,
        &target(app, programme).await?,
    ) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A page of published items.
pub async fn public_list(app: &App, mut f: Filter, page: i64) -> Result<(Vec<KnowledgeItem>, i64)> {
    f.published_only = true;
    Ok(db::list(&app.db, &f, PER_PAGE, (page.max(1) - 1) * PER_PAGE).await?)
}

pub async fn tags(app: &App) -> Result<Vec<(String, i64)>> {
    Ok(db::tags(&app.db).await?)
}

/// A published item (a draft does not exist for readers).
pub async fn public_item(app: &App, id: KnowledgeId) -> Result<KnowledgeItem> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::get(&mut conn, id)
        .await?
        .filter(|k| k.published)
        .ok_or(AppError::NotFound)
}

/// The programmes whose items the user may manage (`None`: every one, and the items of
/// none).
pub async fn managed_programmes(app: &App, user: &User) -> Result<Option<Vec<ProgrammeId>>> {
    crate::programmes::covered(app, user, Action::ManageKnowledge).await
}

/// The items the user may manage, drafts included.
pub async fn staff_list(app: &App, user: &User, page: i64) -> Result<(Vec<KnowledgeItem>, i64)> {
    let scope = managed_programmes(app, user).await?;
    let country = scope.is_none();
    let (items, total) = db::list(
        &app.db,
        &Filter {
            programmes: scope,
            ..Default::default()
        },
        PER_PAGE,
        (page.max(1) - 1) * PER_PAGE,
    )
    .await?;
    // Without a country-wide grant the items of no programme are shown but not theirs.
    Ok((
        items
            .into_iter()
            .filter(|k| country || k.programme_id.is_some())
            .collect(),
        total,
    ))
}

/// An item for its edit page.
pub async fn for_edit(app: &App, user: &User, id: KnowledgeId) -> Result<KnowledgeItem> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let k = db::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    authorise(app, user, k.programme_id).await?;
    Ok(k)
}

async fn settlement(app: &App, name: Option<&str>) -> Result<Option<PlaceId>> {
    crate::records::settlement(app, name).await
}

pub async fn create(
    app: &App,
    user: &User,
    form: &KnowledgeForm,
    once: Option<&str>,
) -> Result<KnowledgeId> {
    let input = form.validate().map_err(AppError::Invalid)?;
    authorise(app, user, input.programme_id).await?;
    let place = settlement(app, input.settlement.as_deref()).await?;
    let once = Once::new("knowledge", once, &input);
    let mut tx = app.db.begin().await?;
    if let Some(prev) = once.claim(app, &mut tx, user).await? {
        return Ok(KnowledgeId(prev));
    }
    let id = db::insert(&mut tx, &input, place, Instant::from(app.clock.now())).await?;
    once.complete(&mut tx, user, id.0).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "add_knowledge",
        "knowledge",
        Some(id.0),
        &input.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

pub async fn update(
    app: &App,
    user: &User,
    id: KnowledgeId,
    form: &KnowledgeForm,
    version: Option<i64>,
) -> Result<()> {
    let stored = for_edit(app, user, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    // Moved to another programme: the user must be allowed there too.
    if input.programme_id != stored.programme_id {
        authorise(app, user, input.programme_id).await?;
    }
    if KnowledgeForm::from_item(&stored).validate().ok().as_ref() == Some(&input) {
        return Ok(());
    }
    let place = settlement(app, input.settlement.as_deref()).await?;
    let mut tx = app.db.begin().await?;
    saved(
        db::update(
            &mut tx,
            id,
            &input,
            place,
            version,
            Instant::from(app.clock.now()),
        )
        .await?,
    )?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "update_knowledge",
        "knowledge",
        Some(id.0),
        &input.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub async fn delete(app: &App, user: &User, id: KnowledgeId) -> Result<()> {
    let stored = for_edit(app, user, id).await?;
    let mut tx = app.db.begin().await?;
    if !db::delete(&mut tx, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "delete_knowledge",
        "knowledge",
        Some(id.0),
        &stored.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// The programmes a new item may be filed under (for the form's pick list).
pub async fn programme_choices(app: &App, user: &User) -> Result<Vec<(ProgrammeId, String)>> {
    let scope = managed_programmes(app, user).await?;
    let all = crate::catalogue::search_programmes(app, None).await?;
    Ok(all
        .into_iter()
        .filter(|p| scope.as_ref().is_none_or(|s| s.contains(&p.id)))
        .map(|p| (p.id, p.title))
        .collect())
}
