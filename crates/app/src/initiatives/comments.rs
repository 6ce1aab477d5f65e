//! What residents do with comments: write one (signed in, or as a visitor confirming by
//! mail), edit or delete their own (a hidden one stays as the moderator left it), and
//! report one to the moderators (once per reporter).

use super::residents::{errors, finish, initiative, log, visitor};
use super::{Held, COMMENT, REPORT};
use crate::residents::{self as who, Acted, Acting};
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::initiatives::{residents as rdb, social};
use kozos_db::{Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::user::User;
use kozos_domain::*;

pub(crate) async fn insert_comment(
    app: &App,
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    body: &str,
    r: &Resident,
) -> Result<CommentId> {
    let i = initiative(conn, programme, id).await?;
    let c = social::insert_comment(conn, id, r.id, body, app.clock.instant()).await?;
    log(
        app,
        conn,
        r.user_id,
        "comment_initiative",
        programme,
        &format!("{} #{id}, {c}", i.title),
    )
    .await?;
    Ok(c)
}

/// Comment on an initiative.
pub async fn comment(
    app: &App,
    programme: ProgrammeId,
    id: InitiativeId,
    who: Acting<'_>,
    form: &CommentForm,
    once: Option<&str>,
    lang: &str,
) -> Result<Acted<CommentId>> {
    let (body, e) = errors(form.validate());
    let visitor = visitor(who, e)?;
    let body = body.expect("no errors");
    let mut tx = app.db.begin().await?;
    match who {
        Acting::User(user) => {
            let once = Once::new("initiative_comment", once, &(id, &body));
            if let Some(c) = once.claim(app, &mut tx, user).await? {
                return Ok(Acted::Done(CommentId(c)));
            }
            let r = who::of_user(&mut tx, user, app.clock.instant()).await?;
            let c = insert_comment(app, &mut tx, programme, id, &body, &r).await?;
            once.complete(&mut tx, user, c.0).await?;
            finish(app, tx, Acted::Done(c)).await
        }
        Acting::Visitor(_) => {
            initiative(&mut tx, programme, id).await?;
            let held = Held {
                programme: programme.0,
                initiative: Some(id.0),
                comment: None,
                title: None,
                body: Some(body),
            };
            who::hold(
                app,
                &mut tx,
                COMMENT,
                &held,
                &visitor.expect("validated"),
                lang,
            )
            .await?;
            finish(app, tx, Acted::MailSent).await
        }
    }
}

/// The user's own comment (403 for anyone else's, and for a hidden one: the moderator's
/// decision stands).
pub async fn own_comment(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    comment: CommentId,
) -> Result<Comment> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    initiative(&mut conn, programme, id).await?;
    let c = social::comment(&mut conn, id, comment)
        .await?
        .ok_or(AppError::NotFound)?;
    let me = rdb::of_user(&mut conn, user.id).await?;
    match me {
        Some(r) if r.id == c.author && c.hidden_reason.is_none() => {
            who::refuse_blocked(&r)?;
            Ok(c)
        }
        _ => Err(AppError::Forbidden),
    }
}

pub async fn edit_comment(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    comment: CommentId,
    form: &CommentForm,
    version: i64,
) -> Result<()> {
    let before = own_comment(app, user, programme, id, comment).await?;
    let body = form.validate().map_err(AppError::Invalid)?;
    if body == before.body && version == before.version {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    saved(
        social::update_comment(
            &mut tx,
            id,
            comment,
            &body,
            Some(version),
            app.clock.instant(),
        )
        .await?,
    )?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "update_comment",
        programme,
        &format!("#{id}, {comment}"),
    )
    .await?;
    finish(app, tx, ()).await
}

pub async fn delete_comment(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    comment: CommentId,
) -> Result<()> {
    own_comment(app, user, programme, id, comment).await?;
    let mut tx = app.db.begin().await?;
    if !social::delete_comment(&mut tx, id, comment).await? {
        return Err(AppError::NotFound);
    }
    log(
        app,
        &mut tx,
        Some(user.id),
        "delete_comment",
        programme,
        &format!("#{id}, {comment}"),
    )
    .await?;
    finish(app, tx, ()).await
}

pub(crate) async fn insert_report(
    app: &App,
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    comment: CommentId,
    r: &Resident,
) -> Result<()> {
    initiative(conn, programme, id).await?;
    social::comment(conn, id, comment)
        .await?
        .ok_or(AppError::NotFound)?;
    // One report per reporter: said plainly, nothing written.
    social::report(conn, comment, r.id, app.clock.instant())
        .await
        .map_err(|e| {
            if e.unique_constraint().is_some() {
                AppError::invalid("form", "err-comment-already-reported")
            } else {
                AppError::from(e)
            }
        })?;
    log(
        app,
        conn,
        r.user_id,
        "report_comment",
        programme,
        &format!("#{id}, {comment}"),
    )
    .await
}

/// Report a comment to the moderators.
pub async fn report(
    app: &App,
    programme: ProgrammeId,
    id: InitiativeId,
    comment: CommentId,
    who: Acting<'_>,
    lang: &str,
) -> Result<Acted<()>> {
    let visitor = visitor(who, FieldErrors::new())?;
    let mut tx = app.db.begin().await?;
    match who {
        Acting::User(user) => {
            // Reporting does not need the reporter to be allowed to write: a blocked
            // resident may still tell the moderators about abuse.
            let r = rdb::ensure(
                &mut tx,
                &user.email,
                &user.display_name,
                Some(user.id),
                app.clock.instant(),
            )
            .await?;
            insert_report(app, &mut tx, programme, id, comment, &r).await?;
            finish(app, tx, Acted::Done(())).await
        }
        Acting::Visitor(_) => {
            initiative(&mut tx, programme, id).await?;
            social::comment(&mut tx, id, comment)
                .await?
                .ok_or(AppError::NotFound)?;
            let held = Held {
                programme: programme.0,
                initiative: Some(id.0),
                comment: Some(comment.0),
                title: None,
                body: None,
            };
            who::hold(
                app,
                &mut tx,
                REPORT,
                &held,
                &visitor.expect("validated"),
                lang,
            )
            .await?;
            finish(app, tx, Acted::MailSent).await
        }
    }
}
