//! Who acts on the public pages. A signed-in account acts at once (as the resident linked
//! to it, made on its first action). A visitor without an account gives a name and an
//! e-mail address: what they asked for is held (`resident_actions`) and a mail with a
//! one-time link is sent; opening the link within 48 hours does it, as the resident with
//! that (now verified) address. The link's token is made by the job that composes the
//! mail and exists only in that mail; the database keeps its SHA-256.
//!
//! Kept apart from initiatives: other resident-facing features (questions to the experts)
//! hold their actions the same way and add their kind to [`perform`].

use crate::jobs::{self, NewJob};
use crate::{App, AppError, Result};
use kozos_db::initiatives::residents as db;
use kozos_db::DbError;
use kozos_domain::initiative::*;
use kozos_domain::time::Instant;
use kozos_domain::user::User;
use kozos_domain::*;
use serde::{Deserialize, Serialize};

pub use db::PendingAction;

/// At most this many actions wait for their links per address: the form is public, and
/// without a bound anyone could have kozos mail a stranger again and again.
pub const MAX_WAITING: i64 = 5;

/// The same action asked for again within this many minutes is the one already held.
pub const RESEND_AFTER_MINUTES: i64 = 10;

/// The job that composes a confirmation mail: `{"action": id}` (registered by the web
/// layer, which holds the catalogue).
pub const CONFIRM_MAIL: &str = "mail.resident_confirm";

/// Who is acting on a public page.
#[derive(Clone, Copy)]
pub enum Acting<'a> {
    User(&'a User),
    /// A visitor's name and address, as typed.
    Visitor(&'a VisitorForm),
}

/// What a resident's action came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acted<T> {
    Done(T),
    /// Held until the visitor opens the link mailed to them.
    MailSent,
}

#[derive(Serialize, Deserialize)]
pub struct ConfirmMail {
    pub action: i64,
}

/// The resident an account acts as (made on its first action); refused when blocked.
pub(crate) async fn of_user(
    conn: &mut kozos_db::Conn,
    user: &User,
    now: Instant,
) -> Result<Resident> {
    let r = db::ensure(conn, &user.email, &user.display_name, Some(user.id), now).await?;
    refuse_blocked(&r)?;
    Ok(r)
}

pub(crate) fn refuse_blocked(r: &Resident) -> Result<()> {
    if r.blocked.is_some() {
        return Err(AppError::invalid("form", "err-resident-blocked"));
    }
    Ok(())
}

/// The resident behind a signed-in account, if they have acted before (for showing "you
/// support this" and "edit your comment"); never made here.
pub async fn current(app: &App, user: Option<&User>) -> Result<Option<Resident>> {
    let Some(user) = user else { return Ok(None) };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::of_user(&mut conn, user.id).await?)
}

/// Validate a visitor's name and address beside the form's own errors (a signed-in
/// account needs neither).
pub(crate) fn visitor(who: Acting<'_>, mut e: FieldErrors) -> Result<Option<Visitor>> {
    let v = match who {
        Acting::User(_) => None,
        Acting::Visitor(f) => f.validate_into(&mut e),
    };
    e.into_result(v).map_err(AppError::Invalid)
}

/// A form's validation as (input, its errors), so the visitor's fields are checked too.
pub(crate) fn errors<T>(r: std::result::Result<T, FieldErrors>) -> (Option<T>, FieldErrors) {
    match r {
        Ok(v) => (Some(v), FieldErrors::new()),
        Err(e) => (None, e),
    }
}

/// Commit a resident's action and wake the worker for the mail it may have asked for.
pub(crate) async fn finish<T>(app: &App, tx: kozos_db::Tx, v: T) -> Result<T> {
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(v)
}

/// Hold `payload` for `kind` until the visitor confirms, and ask for the mail; in the
/// caller's write transaction. A visitor whose address belongs to a blocked resident is
/// refused now, not after the mail.
pub(crate) async fn hold(
    app: &App,
    conn: &mut kozos_db::Conn,
    kind: &str,
    payload: &impl Serialize,
    visitor: &Visitor,
    lang: &str,
) -> Result<PendingActionId> {
    if let Some(r) = db::by_email(conn, &visitor.email).await? {
        refuse_blocked(&r)?;
    }
    let now = app.clock.instant();
    let payload = serde_json::to_string(payload).map_err(|e| AppError::Internal(e.to_string()))?;
    // The same form sent again within minutes (a double click, a reload) is the action
    // held already: one mail. Later, it is a new one (the first mail may be lost).
    let since = Instant::from(now.utc() - chrono::Duration::minutes(RESEND_AFTER_MINUTES));
    if let Some(held) = db::same_waiting(conn, kind, &payload, &visitor.email, since).await? {
        return Ok(held);
    }
    if db::waiting_for(conn, &visitor.email, now).await? >= MAX_WAITING {
        return Err(AppError::invalid("email", "err-confirm-too-many"));
    }
    let expires = Instant::from(now.utc() + chrono::Duration::hours(CONFIRM_HOURS));
    let lang = if lang.eq_ignore_ascii_case("en") {
        "en"
    } else {
        "hu"
    };
    let id = db::insert_pending(conn, kind, &payload, visitor, lang, now, expires).await?;
    let job = NewJob::new(CONFIRM_MAIL)
        .payload(&ConfirmMail { action: id.0 })?
        .dedupe_key(&format!("resident-confirm:{}", id.0));
    jobs::enqueue(app, conn, &job).await?;
    Ok(id)
}

/// For the composing job: the pending action and a new token for its link, with the mail
/// `compose` makes of them queued in the same transaction. Nothing when the action is done,
/// gone, or already has its token (the job ran before; its mail is in the outbox).
pub async fn issue(
    app: &App,
    action: PendingActionId,
    compose: impl FnOnce(&PendingAction, &str) -> crate::mail::NewMail,
) -> Result<()> {
    let mut tx = app.db.begin().await?;
    let Some(p) = db::pending(&mut tx, action).await? else {
        return Ok(());
    };
    if p.done_at.is_some() || p.has_token {
        return Ok(());
    }
    let token = crate::auth::random_token();
    db::set_token(&mut tx, action, &crate::auth::token_hash(&token)).await?;
    let mail = compose(&p, &token);
    crate::mail::queue(app, &mut tx, mail).await?;
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(())
}

/// Where a confirmed action leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Initiative(ProgrammeId, InitiativeId),
    /// A question asked: it waits for a moderator.
    Question(ExpertQuestionId),
}

/// What opening a confirmation link came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub kind: String,
    pub done: Option<Done>,
    /// The link was opened before: nothing was done again.
    pub again: bool,
}

/// The action a confirmation link holds, to show before it is done: opening the link
/// only asks (mail scanners open links), the button on the page confirms. Unknown: 404.
pub async fn held(app: &App, token: &str) -> Result<PendingAction> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::by_token(&mut conn, &crate::auth::token_hash(token))
        .await?
        .ok_or(AppError::NotFound)
}

/// Confirm a link: do what the visitor asked for, as the resident with the
/// address the mail reached. An unknown token is a 404; an expired one is refused.
pub async fn confirm(app: &App, token: &str) -> Result<Confirmed> {
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let Some(p) = db::by_token(&mut tx, &crate::auth::token_hash(token)).await? else {
        return Err(AppError::NotFound);
    };
    if p.done_at.is_some() {
        let done = if p.kind.starts_with("question.") {
            p.result_id.map(|id| Done::Question(ExpertQuestionId(id)))
        } else {
            crate::initiatives::done_of(&mut tx, &p).await?
        };
        return Ok(Confirmed {
            kind: p.kind,
            done,
            again: true,
        });
    }
    if p.expires_at < now.stored() {
        return Err(AppError::invalid("form", "err-confirm-expired"));
    }
    let resident = db::ensure(&mut tx, &p.email, &p.display_name, None, now).await?;
    refuse_blocked(&resident)?;
    let (result, done) = perform(app, &mut tx, &p, &resident).await?;
    db::mark_done(&mut tx, p.id, result, now).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Confirmed {
        kind: p.kind,
        done,
        again: false,
    })
}

/// Do a held action as `resident`: (the id it made, where it leads).
async fn perform(
    app: &App,
    conn: &mut kozos_db::Conn,
    p: &PendingAction,
    resident: &Resident,
) -> Result<(Option<i64>, Option<Done>)> {
    if p.kind.starts_with("initiative.") {
        return crate::initiatives::perform(app, conn, p, resident).await;
    }
    if p.kind.starts_with("question.") {
        return crate::questions::perform(app, conn, p, resident).await;
    }
    Err(AppError::Internal(format!(
        "unknown resident action {}",
        p.kind
    )))
}
