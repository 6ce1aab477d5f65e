//! What residents do with initiatives: propose, edit or delete their own proposal while it
//! is still `proposed` (staff who manage initiatives may fix any), support and withdraw.
//! A signed-in account acts at once; a visitor's action is held until they confirm it by
//! mail (see `crate::residents`). Comments and reports are in `comments.rs`.

use super::{Held, PROPOSE, SUPPORT};
use crate::residents::{self as who, Acted, Acting};
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::initiatives::{self as db, residents as rdb, social};
use kozos_db::{audit, Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

pub(super) async fn log(
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
pub(super) async fn initiative(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Initiative> {
    db::get(conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub(super) use crate::residents::{errors, finish, visitor};

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

pub use super::comments::{comment, delete_comment, edit_comment, own_comment, report};
pub(crate) use super::comments::{insert_comment, insert_report};
