//! Moderating residents' comments on a programme's initiatives (`ModerateComments`):
//! the queue of reported comments, hiding one with a reason (the public then sees
//! "hidden by the moderator: <reason>"), showing it again, and blocking its author from
//! proposing, commenting and supporting.

use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::initiatives::{residents as rdb, social};
use kozos_db::{audit, DbError};
use kozos_domain::initiative::*;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

pub use social::Reported;

/// The programme's comments with open reports, most reported first.
pub async fn queue(app: &App, user: &User, programme: ProgrammeId) -> Result<Vec<Reported>> {
    authorise(app, user, Action::ModerateComments, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(social::reported(&mut conn, programme).await?)
}

/// A moderator's reason as typed: required, plain text.
pub(crate) fn reason(typed: &str) -> Result<String> {
    let mut e = FieldErrors::new();
    let r = reason_text(&mut e, typed);
    if r.is_none() && e.is_empty() {
        e.add("reason", "err-required");
    }
    e.into_result(r.unwrap_or_default())
        .map_err(AppError::Invalid)
}

/// Hide a comment of the programme (a reason is required), or show it again (`None`).
pub async fn set_hidden(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    comment: CommentId,
    typed_reason: Option<&str>,
) -> Result<()> {
    authorise(app, user, Action::ModerateComments, programme).await?;
    let why = typed_reason.map(reason).transpose()?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let c = social::comment_in_programme(&mut tx, programme, comment)
        .await?
        .ok_or(AppError::NotFound)?;
    social::set_hidden(
        &mut tx,
        c.initiative_id,
        comment,
        why.as_deref(),
        user.id,
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        if why.is_some() {
            "hide_comment"
        } else {
            "restore_comment"
        },
        "programme",
        Some(programme.0),
        &format!(
            "#{}, {comment}: {}",
            c.initiative_id,
            why.as_deref().unwrap_or("")
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Block (with a reason) or unblock (`None`) the author of a comment of the programme. A
/// moderator reaches residents only through what they wrote in their programme.
pub async fn set_blocked(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    resident: ResidentId,
    typed_reason: Option<&str>,
) -> Result<()> {
    authorise(app, user, Action::ModerateComments, programme).await?;
    let why = typed_reason.map(reason).transpose()?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if !rdb::seen_in(&mut tx, resident, programme).await? {
        return Err(AppError::NotFound);
    }
    let r = rdb::get(&mut tx, resident)
        .await?
        .ok_or(AppError::NotFound)?;
    rdb::set_blocked(&mut tx, resident, why.as_deref(), user.id, now).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        if why.is_some() {
            "block_resident"
        } else {
            "unblock_resident"
        },
        "programme",
        Some(programme.0),
        &format!(
            "{} #{resident}: {}",
            r.display_name,
            why.as_deref().unwrap_or("")
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}
