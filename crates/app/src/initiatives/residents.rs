//! What residents do with initiatives. A signed-in account acts at once; a visitor's
//! action is held until they confirm it by mail (see `crate::residents`). Residents
//! change only what is theirs: their proposal while it is still `proposed` (staff who
//! manage initiatives may fix any), and their own comments (a hidden one stays as the
//! moderator left it).

use super::{Held, COMMENT, PROPOSE, REPORT, SUPPORT};
use crate::residents::{self as who, Acted, Acting};
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::initiatives::{self as db, residents as rdb, social};
use kozos_db::{audit, Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

async fn log(
    app: &App,
    conn: &mut Conn,
    by: Option<UserId>,
    action: &str,
    programme: ProgrammeId,
    detail: &str,
) -> Result<()> {
    audit::record(
        conn,
        &app.now_text(),
        by,
        action,
        "programme",
        Some(programme.0),
        detail,
    )
    .await?;
    Ok(())
}

/// The initiative, in the writing transaction (a 404 when it is not the programme's).
async fn initiative(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Initiative> {
    db::get(conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Validate a visitor's name and address beside the form's own errors.
fn visitor(who: Acting<'_>, mut e: FieldErrors) -> Result<Option<Visitor>> {
    let v = match who {
        Acting::User(_) => None,
        Acting::Visitor(f) => f.validate_into(&mut e),
    };
    e.into_result(v).map_err(AppError::Invalid)
}

fn errors<T>(r: std::result::Result<T, FieldErrors>) -> (Option<T>, FieldErrors) {
    match r {
        Ok(v) => (Some(v), FieldErrors::new()),
        Err(e) => (None, e),
    }
}

async fn finish<T>(app: &App, tx: kozos_db::Tx, v: T) -> Result<T> {
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(v)
}

pub(crate) async fn insert_proposal(
    app: &App,
    conn: &mut Conn,
    programme: ProgrammeId,
    input: &InitiativeInput,
    r: &Resident,
) -> Result<InitiativeId> {
    let id = db::insert(conn, programme, input, Some(r.id), app.clock.instant()).await?;
    log(
        app,
        conn,
        r.user_id,
        "propose_initiative",
        programme,
        &format!("{} #{id}", input.title),
    )
    .await?;
    Ok(id)
}

/// Propose an initiative to a programme.
pub async fn propose(
    app: &App,
    programme: ProgrammeId,
    who: Acting<'_>,
    form: &InitiativeForm,
    once: Option<&str>,
    lang: &str,
) -> Result<Acted<InitiativeId>> {
    super::programme_exists(app, programme).await?;
    let (input, e) = errors(form.validate());
    let visitor = visitor(who, e)?;
    let input = input.expect("no errors");
    let mut tx = app.db.begin().await?;
    match who {
        Acting::User(user) => {
            let once = Once::new("initiative", once, &(programme, &input));
            if let Some(id) = once.claim(app, &mut tx, user).await? {
                return Ok(Acted::Done(InitiativeId(id)));
            }
            let r = who::of_user(&mut tx, user, app.clock.instant()).await?;
            let id = insert_proposal(app, &mut tx, programme, &input, &r).await?;
            once.complete(&mut tx, user, id.0).await?;
            finish(app, tx, Acted::Done(id)).await
        }
        Acting::Visitor(_) => {
            let held = Held {
                programme: programme.0,
                initiative: None,
                comment: None,
                title: Some(input.title.clone()),
                body: Some(input.summary.clone()),
            };
            who::hold(
                app,
                &mut tx,
                PROPOSE,
                &held,
                &visitor.expect("validated"),
                lang,
            )
            .await?;
            finish(app, tx, Acted::MailSent).await
        }
    }
}

/// May `user` change this proposal? Its proposer while it is `proposed`, or staff.
async fn may_edit(app: &App, user: &User, i: &Initiative) -> Result<()> {
    if super::staff_may(app, Some(user), Action::ManageInitiatives, i.programme_id).await? {
        return Ok(());
    }
    let me = who::current(app, Some(user)).await?;
    let own = me.as_ref().is_some_and(|r| Some(r.id) == i.proposer);
    if own && i.stage == Stage::Proposed {
        if let Some(r) = &me {
            who::refuse_blocked(r)?;
        }
        return Ok(());
    }
    Err(AppError::Forbidden)
}

/// The proposal, for its edit form (only to those who may edit it).
pub async fn for_edit(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Initiative> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let i = initiative(&mut conn, programme, id).await?;
    drop(conn);
    may_edit(app, user, &i).await?;
    Ok(i)
}

/// Save an edit of a proposal started at `version`; unchanged input writes nothing.
pub async fn edit(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    form: &InitiativeForm,
    version: i64,
) -> Result<()> {
    let before = for_edit(app, user, programme, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if before.title == input.title && before.summary == input.summary && before.version == version {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    saved(
        db::update(
            &mut tx,
            programme,
            id,
            &input,
            Some(version),
            app.clock.instant(),
        )
        .await?,
    )?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "update_initiative",
        programme,
        &format!("{} #{id}", input.title),
    )
    .await?;
    finish(app, tx, ()).await
}

/// Delete a proposal (confirmed on its own page), with its supports and comments.
pub async fn delete(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<()> {
    let before = for_edit(app, user, programme, id).await?;
    let mut tx = app.db.begin().await?;
    if !db::delete(&mut tx, programme, id).await? {
        return Err(AppError::NotFound);
    }
    log(
        app,
        &mut tx,
        Some(user.id),
        "delete_initiative",
        programme,
        &format!("{} #{id}", before.title),
    )
    .await?;
    finish(app, tx, ()).await
}

pub(crate) async fn insert_support(
    app: &App,
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    r: &Resident,
) -> Result<()> {
    let i = initiative(conn, programme, id).await?;
    // Said before the unique index is reached: a duplicate writes nothing and says so.
    if social::supports(conn, id, r.id).await? {
        return Err(AppError::invalid(
            "form",
            "err-initiative-already-supported",
        ));
    }
    social::support(conn, programme, id, r.id, app.clock.instant()).await?;
    log(
        app,
        conn,
        r.user_id,
        "support_initiative",
        programme,
        &format!("{} #{id}", i.title),
    )
    .await
}

/// Support an initiative (one support per resident).
pub async fn support(
    app: &App,
    programme: ProgrammeId,
    id: InitiativeId,
    who: Acting<'_>,
    lang: &str,
) -> Result<Acted<()>> {
    let visitor = visitor(who, FieldErrors::new())?;
    let mut tx = app.db.begin().await?;
    match who {
        Acting::User(user) => {
            let r = who::of_user(&mut tx, user, app.clock.instant()).await?;
            insert_support(app, &mut tx, programme, id, &r).await?;
            finish(app, tx, Acted::Done(())).await
        }
        Acting::Visitor(_) => {
            initiative(&mut tx, programme, id).await?;
            let held = Held {
                programme: programme.0,
                initiative: Some(id.0),
                comment: None,
                title: None,
                body: None,
            };
            who::hold(
                app,
                &mut tx,
                SUPPORT,
                &held,
                &visitor.expect("validated"),
                lang,
            )
            .await?;
            finish(app, tx, Acted::MailSent).await
        }
    }
}

/// Withdraw one's support; `false` when there was none.
pub async fn withdraw(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<bool> {
    let mut tx = app.db.begin().await?;
    let i = initiative(&mut tx, programme, id).await?;
    let Some(r) = rdb::of_user(&mut tx, user.id).await? else {
        return Ok(false);
    };
    if !social::withdraw(&mut tx, programme, id, r.id).await? {
        return Ok(false);
    }
    log(
        app,
        &mut tx,
        Some(user.id),
        "withdraw_support",
        programme,
        &format!("{} #{id}", i.title),
    )
    .await?;
    finish(app, tx, true).await
}

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
